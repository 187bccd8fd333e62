//! General methods for other users: D'Hondt, Sainte-Laguë, Imperiali and Hare with largest
//! remainders. Ties are decided by lot. Candidates, when given, only cap a list's seats.

use crate::decide::{Record, Stop};
use crate::fraction::Fraction;
use crate::input::{Checked, Rules, invalid};
use crate::outcome::{FullSeatLine, ListResult, Method, Step};
use crate::seats::{self, Divisor, Log, RemainderRound, Round, SeatState, TieRule};

pub(crate) fn apportion(
    input: &Checked,
    record: &mut Record,
) -> Result<(Vec<ListResult>, u32), Stop> {
    let lists = &input.lists;
    let total = input.total_votes;
    if total == 0 {
        return Err(Stop::Invalid(invalid(
            "lists",
            "no list has any votes: there is nothing to divide the seats by",
        )));
    }
    let mut state: Vec<SeatState> = lists
        .iter()
        .map(|l| SeatState {
            full: 0,
            extra: 0,
            cap: l.capacity(),
        })
        .collect();
    let mut remaining = input.seats;
    let mut seat_number = 0;
    let mut log: Log = Vec::new();
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
        Rules::DHondt => seats::assign(
            lists,
            &mut state,
            record,
            &divisor_round("D'Hondt", "DHondt", Divisor::DHondt),
            &mut remaining,
            &mut seat_number,
            &mut log,
        )?,
        Rules::SainteLague => seats::assign(
            lists,
            &mut state,
            record,
            &divisor_round("Sainte-Laguë", "SainteLague", Divisor::SainteLague),
            &mut remaining,
            &mut seat_number,
            &mut log,
        )?,
        Rules::Imperiali => seats::assign(
            lists,
            &mut state,
            record,
            &divisor_round("Imperiali", "Imperiali", Divisor::Imperiali),
            &mut remaining,
            &mut seat_number,
            &mut log,
        )?,
        _ => hare(
            input,
            &mut state,
            record,
            &mut remaining,
            &mut seat_number,
            &mut log,
        )?,
    }
    if remaining > 0 {
        record.push(Step::SeatsUnfilled {
            article: "lijstuitputting".into(),
            seats: remaining,
        });
    }
    let results = seats::seats_only_results(input, &state);
    Ok((results, remaining))
}

/// Hare: quota = votes / seats; a seat per whole quota; the rest by largest remainders, one per
/// list per round.
fn hare(
    input: &Checked,
    state: &mut [SeatState],
    record: &mut Record,
    remaining: &mut u32,
    seat_number: &mut u32,
    log: &mut Log,
) -> Result<(), Stop> {
    let lists = &input.lists;
    let (s, v) = (u128::from(input.seats), u128::from(input.total_votes));
    record.push(Step::Quota {
        article: "Hare".into(),
        total_votes: input.total_votes,
        seats: input.seats,
        quota: Fraction::new(v, s),
    });
    let mut lines = Vec::new();
    for (list, seat) in lists.iter().zip(state.iter_mut()) {
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
    *remaining = input
        .seats
        .saturating_sub(state.iter().map(|s| s.full).sum());
    record.push(Step::FullSeats {
        article: "Hare".into(),
        lists: lines,
        residual_seats: *remaining,
    });
    let everyone = vec![true; lists.len()];
    // Rounds repeat only when lists out of candidates leave seats over.
    loop {
        let before = *remaining;
        seats::largest_remainders(
            input,
            state,
            record,
            &RemainderRound {
                article: "Hare",
                stage: "Hare",
                qualifies: &everyone,
            },
            remaining,
            seat_number,
            log,
        )?;
        if *remaining == 0 || *remaining == before {
            return Ok(());
        }
    }
}
