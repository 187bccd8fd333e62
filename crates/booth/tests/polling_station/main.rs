//! End to end through the library's machines: a ceremony for Lindeveld, three polling stations
//! where known votes are cast on voting computers, printed as pictures and scanned by the ballot
//! box, the sticks read by the main office, totals, seats and elected candidates; then every way
//! the chain must refuse tampering, the recount with k of n shares, and the secrecy of the order.
#[path = "../common/mod.rs"]
mod common;

mod counting;
mod secrecy;
mod tampering;

use std::collections::BTreeMap;

use booth::choice::{Choice, decode_record, record_len};
use booth::main_office::{self, CountProblem};
use booth::president::ScanError;
use booth::recount;
use booth::sticks;
use common::{Ceremony, ceremony, lindeveld, read_stick, run_poll};
use model::count::FlandersCount;

/// The known votes of three polling stations (lists 1–8 of Lindeveld).
fn votes() -> BTreeMap<u32, Vec<Choice>> {
    let mut votes = BTreeMap::new();
    votes.insert(
        1,
        [
            vec![Choice::list(1); 9],
            vec![Choice::candidates(1, vec![1, 3]); 4],
            vec![Choice::list(2); 5],
            vec![Choice::candidates(2, vec![2]); 3],
            vec![Choice::candidates(4, vec![1, 2, 5]); 2],
            vec![Choice::Blank; 2],
        ]
        .concat(),
    );
    votes.insert(
        2,
        [
            vec![Choice::list(1); 6],
            vec![Choice::candidates(3, vec![4]); 5],
            vec![Choice::list(4); 4],
            vec![Choice::candidates(8, vec![9]); 2],
            vec![Choice::Blank],
        ]
        .concat(),
    );
    votes.insert(
        3,
        [
            vec![Choice::candidates(1, vec![1]); 7],
            vec![Choice::list(2); 6],
            vec![Choice::candidates(5, vec![1, 2]); 3],
            vec![Choice::list(6); 2],
        ]
        .concat(),
    );
    votes
}

/// The expected count of a station, tallied here by hand rules, not by the booth.
fn expected(ceremony: &Ceremony, votes: &[Choice]) -> FlandersCount {
    let contest = &ceremony.election.contests[0];
    let mut count = FlandersCount {
        ballots_total: votes.len() as u32,
        blank: 0,
        invalid: 0,
        lists: contest
            .lists
            .iter()
            .map(|l| model::count::FlandersListVotes {
                ballots: 0,
                list_only: 0,
                preferences: vec![0; l.candidates.len()],
            })
            .collect(),
    };
    for vote in votes {
        match vote {
            Choice::Blank => count.blank += 1,
            Choice::List { list, candidates } => {
                let entry = &mut count.lists[*list as usize - 1];
                entry.ballots += 1;
                if candidates.is_empty() {
                    entry.list_only += 1;
                }
                for position in candidates {
                    entry.preferences[*position as usize - 1] += 1;
                }
            }
        }
    }
    count
}

fn renamed(mut election: model::Election, id: &str) -> model::Election {
    election.id = model::ElectionId::new(id).expect("id");
    election
}
