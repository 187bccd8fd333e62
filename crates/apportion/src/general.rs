//! General methods for other users: D'Hondt, Sainte-Laguë, Imperiali and Hare with largest
//! remainders. Ties are decided by lot. Candidates, when given, only cap a list's seats.

use crate::decide::{Record, Stop};
use crate::fraction::Fraction;
use crate::input::{Checked, Rules};
use crate::outcome::{FullSeatLine, ListResult, Method, Step};
use crate::seats::{self, Allocation, Divisor, RemainderRound, Round, SeatState, TieRule};

pub(crate) fn apportion(
    input: &Checked<'_>,
    record: &mut Record<'_>,
) -> Result<(Vec<ListResult>, u32), Stop> {
    let lists = &input.lists;
    let state = SeatState::initial(lists);
    let mut allocation = Allocation::new(state, input.seats);
    let divisor_round = |article, stage, divisor| Round {
        article,
        method: Method::HighestQuotient,
        stage,
        divisor,
        one_per_list: false,
        allowed: None,
        tie: TieRule::Lot,
    };
    match input.rules {
        Rules::DHondt => allocation.assign(
            lists,
            record,
            &divisor_round("D'Hondt", "DHondt", Divisor::DHondt),
        )?,
        Rules::SainteLague => allocation.assign(
            lists,
            record,
            &divisor_round("Sainte-Laguë", "SainteLague", Divisor::SainteLague),
        )?,
        Rules::Imperiali => allocation.assign(
            lists,
            record,
            &divisor_round("Imperiali", "Imperiali", Divisor::Imperiali),
        )?,
        _ => hare(input, &mut allocation, record)?,
    }
    if allocation.remaining > 0 {
        record.push(Step::SeatsUnfilled {
            article: "lijstuitputting",
            seats: allocation.remaining,
        });
    }
    let results = seats::seats_only_results(input, &allocation.state);
    Ok((results, allocation.remaining))
}

/// Hare: quota = votes / seats; a seat per whole quota; the rest by largest remainders, one per
/// list per round.
fn hare(
    input: &Checked<'_>,
    allocation: &mut Allocation,
    record: &mut Record<'_>,
) -> Result<(), Stop> {
    let lists = &input.lists;
    let (s, v) = (u128::from(input.seats), u128::from(input.total_votes));
    record.push(Step::Quota {
        article: "Hare",
        total_votes: input.total_votes,
        seats: input.seats,
        quota: Fraction::new(v, s),
    });
    let mut lines = Vec::new();
    for (list, seat) in lists.iter().zip(allocation.state.iter_mut()) {
        let product = u128::from(list.votes) * s;
        let full = u32::try_from(product / v).unwrap_or(u32::MAX);
        lines.push(FullSeatLine {
            list: list.number,
            votes: list.votes,
            full_seats: full,
            remainder: Fraction::new(product % v, s),
        });
        seat.full = seat.cap.map_or(full, |cap| full.min(cap));
    }
    allocation.remaining = input
        .seats
        .saturating_sub(allocation.state.iter().map(|s| s.full).sum());
    record.push(Step::FullSeats {
        article: "Hare",
        lists: lines,
        residual_seats: allocation.remaining,
    });
    let everyone = vec![true; lists.len()];
    // Rounds repeat only when lists out of candidates leave seats over.
    loop {
        let before = allocation.remaining;
        allocation.largest_remainders(
            input,
            record,
            &RemainderRound {
                article: "Hare",
                stage: "Hare",
                qualifies: &everyone,
            },
        )?;
        if allocation.remaining == 0 || allocation.remaining == before {
            return Ok(());
        }
    }
}
