//! The ballot layout: what a voting computer shows and a voter chooses from, derived from an
//! election definition. Lists in the order of their numbers and candidates in the order of their
//! positions, as on the paper ballot; per contest (an election with electoral districts has
//! one ballot per district).
//!
//! It travels in every polling-station package (`ballot.json`), so the voting computer does not
//! have to know the election model's every field.

use serde::{Deserialize, Serialize};

use crate::election::Election;
use crate::ids::ElectionId;

/// The layout of an election's ballots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotLayout {
    /// The election's id.
    pub election: ElectionId,
    /// The election's name.
    pub name: String,
    /// One ballot per contest.
    pub contests: Vec<BallotContest>,
}

/// One contest's ballot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotContest {
    /// The contest's id.
    pub id: String,
    /// Its name, if it has one (an electoral district).
    pub name: Option<String>,
    /// The lists, by number.
    pub lists: Vec<BallotList>,
}

/// A list on the ballot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotList {
    /// Its number.
    pub number: u32,
    /// Its name (party or group).
    pub name: String,
    /// The candidates, by position.
    pub candidates: Vec<BallotCandidate>,
}

/// A candidate on the ballot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotCandidate {
    /// Position on the list.
    pub position: u32,
    /// Name as printed.
    pub name: String,
    /// Place of residence, as printed beside the name.
    pub locality: Option<String>,
}

impl BallotLayout {
    /// The layout of `election`'s ballots.
    pub fn of(election: &Election) -> BallotLayout {
        BallotLayout {
            election: election.id.clone(),
            name: election.name.clone(),
            contests: election
                .contests
                .iter()
                .map(|contest| {
                    let mut lists: Vec<BallotList> = contest
                        .lists
                        .iter()
                        .map(|list| {
                            let mut candidates: Vec<BallotCandidate> = list
                                .candidates
                                .iter()
                                .map(|candidate| BallotCandidate {
                                    position: candidate.position.get(),
                                    name: candidate.full_name(),
                                    locality: candidate.locality.clone(),
                                })
                                .collect();
                            candidates.sort_by_key(|candidate| candidate.position);
                            BallotList {
                                number: list.number.get(),
                                name: list.name.clone(),
                                candidates,
                            }
                        })
                        .collect();
                    lists.sort_by_key(|list| list.number);
                    BallotContest {
                        id: contest.id.to_string(),
                        name: contest.name.clone(),
                        lists,
                    }
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::tests::municipal;

    #[test]
    fn the_layout_lists_every_list_and_candidate_in_ballot_order() {
        let mut election = municipal(23, 25);
        election.contests[0].lists.reverse();
        election.contests[0].lists[1].candidates.reverse();
        let layout = BallotLayout::of(&election);
        assert_eq!(layout.election, election.id);
        let contest = &layout.contests[0];
        let numbers: Vec<u32> = contest.lists.iter().map(|list| list.number).collect();
        let mut sorted = numbers.clone();
        sorted.sort_unstable();
        assert_eq!(numbers, sorted);
        let candidates: usize = contest.lists.iter().map(|l| l.candidates.len()).sum();
        assert_eq!(candidates, election.candidate_count());
        assert_eq!(
            contest.lists[0].candidates,
            vec![
                BallotCandidate {
                    position: 1,
                    name: "A. Jansen".into(),
                    locality: None
                },
                BallotCandidate {
                    position: 2,
                    name: "A. Bakker".into(),
                    locality: None
                }
            ]
        );
    }
}
