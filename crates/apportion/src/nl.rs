//! Dutch municipal council: Kieswet chapter P (as applied at the municipal elections of 2018,
//! 2022 and 2026).
//!
//! - P 5: the quota (kiesdeler) is the total of the lists' votes divided by the seats.
//! - P 6: each list gets a seat for each whole quota in its votes.
//! - P 7: with 19 seats or more, residual seats go one by one to the highest average (votes per
//!   seat if the list got the seat); ties by lot.
//! - P 8: with fewer than 19 seats, residual seats go first by largest remainder to lists with at
//!   least ¾ of the quota, at most one each; then by highest average, at most one each; then by
//!   plain highest average. Ties by lot.
//! - P 9: a list with more than half of the votes but not more than half of the seats gets the
//!   last residual seat of another list; a lot decides between lists that got their last seats
//!   at the same average or remainder.
//! - P 10: a list cannot get more seats than it has candidates; the seats pass to other lists by
//!   the same rules.
//! - P 15: candidates with more votes than 25 % of the quota (50 % below 19 seats) are elected
//!   first, by votes; ties by lot where they decide a seat.
//! - P 16–P 17: the list's other seats go to its other candidates in list order.
//! - P 19: the others are ranked for later vacancies: those above the threshold by votes, then
//!   the rest in list order.
//! - P 19a: deceased candidates are passed over; their votes still count for the list.

use crate::decide::{Record, Stop, Tie};
use crate::fraction::Fraction;
use crate::input::{Checked, ListData};
use crate::outcome::{
    Between, DecisionKind, ElectedBy, FullSeatLine, ListResult, Method, NoTransfer, Step, TieBreak,
    TieInfo,
};
use crate::seats::{
    Allocation, Divisor, Log, RemainderRound, Round, SeatState, TieRule, by_number,
};

/// Below this many seats, Kieswet P 8 (largest remainders) applies instead of P 7, and the
/// preference threshold is 50 % (P 15 lid 2).
pub const SMALL_COUNCIL: u32 = 19;

/// Seats per list (full and residual) and unfilled seats.
pub(crate) struct SeatOutcome {
    pub state: Vec<SeatState>,
    pub unfilled: u32,
}

pub(crate) fn allocate_seats(
    input: &Checked<'_>,
    record: &mut Record<'_>,
) -> Result<SeatOutcome, Stop> {
    let lists = &input.lists;
    let seats = input.seats;
    let total = input.total_votes;
    let (s, v) = (u128::from(seats), u128::from(total));

    // P 5: the quota.
    record.push(Step::Quota {
        article: "Kieswet P 5",
        total_votes: total,
        seats,
        quota: Fraction::new(v, s),
    });

    // P 6: full seats; P 10 caps them at the list's candidates.
    let mut state: Vec<SeatState> = Vec::with_capacity(lists.len());
    let mut lines = Vec::with_capacity(lists.len());
    let mut exhausted = Vec::new();
    for list in lists {
        let votes_times_seats = u128::from(list.votes) * s;
        let full = votes_times_seats / v;
        let remainder = votes_times_seats - full * v;
        // full ≤ seats ≤ MAX_SEATS, so it fits.
        let full = u32::try_from(full).unwrap_or(u32::MAX);
        lines.push(FullSeatLine {
            list: list.number,
            votes: list.votes,
            full_seats: full,
            remainder: Fraction::new(remainder, s),
        });
        let cap = list.capacity();
        let capped = cap.map_or(full, |cap| full.min(cap));
        if capped < full {
            exhausted.push(Step::ListExhausted {
                article: "Kieswet P 10",
                list: list.number,
                candidates: cap.unwrap_or(0),
                seats_passed_on: full - capped,
            });
        }
        state.push(SeatState {
            full: capped,
            extra: 0,
            cap,
        });
    }
    let assigned: u32 = state.iter().map(|s| s.full).sum();
    let remaining = seats.saturating_sub(assigned);
    record.push(Step::FullSeats {
        article: "Kieswet P 6",
        lists: lines,
        residual_seats: remaining,
    });
    for step in exhausted {
        record.push(step);
    }

    let mut allocation = Allocation::new(state, remaining);
    if seats >= SMALL_COUNCIL {
        // P 7: highest averages.
        allocation.assign(
            lists,
            record,
            &Round {
                article: "Kieswet P 7",
                method: Method::HighestAverage,
                stage: "P7",
                divisor: Divisor::DHondt,
                one_per_list: false,
                allowed: None,
                tie: TieRule::Lot,
            },
        )?;
    } else {
        // P 8 lid 2: only lists with at least ¾ of the quota take a largest-remainder seat.
        let qualifies: Vec<bool> = lists
            .iter()
            .map(|l| 4 * u128::from(l.votes) * s >= 3 * v)
            .collect();
        record.push(Step::RemainderThreshold {
            article: "Kieswet P 8",
            threshold: Fraction::new(3 * v, 4 * s),
            excluded: lists
                .iter()
                .zip(&qualifies)
                .filter(|(_, q)| !**q)
                .map(|(l, _)| l.number)
                .collect(),
        });
        allocation.largest_remainders(
            input,
            record,
            &RemainderRound {
                article: "Kieswet P 8",
                stage: "P8-remainder",
                qualifies: &qualifies,
            },
        )?;
        // P 8: then highest averages, at most one seat per list …
        allocation.assign(
            lists,
            record,
            &Round {
                article: "Kieswet P 8",
                method: Method::HighestAverageOnePerList,
                stage: "P8-average",
                divisor: Divisor::DHondt,
                one_per_list: true,
                allowed: None,
                tie: TieRule::Lot,
            },
        )?;
        // … and when every list has had one, plain highest averages.
        allocation.assign(
            lists,
            record,
            &Round {
                article: "Kieswet P 8",
                method: Method::HighestAverage,
                stage: "P8-average-again",
                divisor: Divisor::DHondt,
                one_per_list: false,
                allowed: None,
                tie: TieRule::Lot,
            },
        )?;
    }

    absolute_majority(input, &mut allocation.state, record, &allocation.log)?;

    if allocation.remaining > 0 {
        record.push(Step::SeatsUnfilled {
            article: "Kieswet P 10",
            seats: allocation.remaining,
        });
    }
    Ok(SeatOutcome {
        state: allocation.state,
        unfilled: allocation.remaining,
    })
}

/// Kieswet P 9: a list with more than half of all votes gets more than half of the seats, at the
/// expense of the list that received the last residual seat.
fn absolute_majority(
    input: &Checked<'_>,
    state: &mut [SeatState],
    record: &mut Record<'_>,
    log: &Log,
) -> Result<(), Stop> {
    let lists = &input.lists;
    let (s, v) = (u128::from(input.seats), u128::from(input.total_votes));
    // Strictly more than half: exactly half the votes is no majority.
    let Some(majority) = (0..lists.len()).find(|i| 2 * u128::from(lists[*i].votes) > v) else {
        return Ok(());
    };
    let seats_before = state[majority].seats();
    if 2 * u128::from(seats_before) > s {
        return Ok(());
    }
    let number = lists[majority].number;
    let step = |taken_from: Option<u32>, no_transfer: Option<NoTransfer>| Step::AbsoluteMajority {
        article: "Kieswet P 9",
        list: number,
        votes: lists[majority].votes,
        seats_before,
        total_votes: input.total_votes,
        seats: input.seats,
        taken_from,
        no_transfer,
    };
    if !state[majority].can_take() {
        record.push(step(None, Some(NoTransfer::NoCandidatesLeft)));
        return Ok(());
    }
    // The last residual seat that went to another list; among lists that got their last seats
    // at the same value, the lot decides which loses it.
    let Some(group) = log
        .iter()
        .rev()
        .map(|group| {
            group
                .iter()
                .copied()
                .filter(|i| *i != majority)
                .collect::<Vec<_>>()
        })
        .find(|others| !others.is_empty())
    else {
        record.push(step(None, Some(NoTransfer::NoResidualSeatElsewhere)));
        return Ok(());
    };
    let loser = if group.len() == 1 {
        group[0]
    } else {
        let options: Vec<u32> = by_number(lists, group)
            .iter()
            .map(|i| lists[*i].number)
            .collect();
        let drawn = record.decide(Tie {
            stage: "P9-last-residual-seat".into(),
            article: "Kieswet P 9",
            kind: DecisionKind::DrawingOfLots,
            between: Between::Lists,
            list: None,
            options: options.clone(),
            available: 1,
            description: format!(
                "lists {options:?} received the last residual seats at the same value; the one drawn loses its seat to list {number} (absolute majority)"
            ),
        })?;
        lists
            .iter()
            .position(|l| Some(&l.number) == drawn.first())
            .unwrap_or(0)
    };
    state[loser].extra -= 1;
    state[majority].extra += 1;
    record.push(step(Some(lists[loser].number), None));
    Ok(())
}

/// Kieswet P 15–P 19a: the elected candidates and the ranking of the others, per list.
pub(crate) fn elect_candidates(
    input: &Checked<'_>,
    state: &[SeatState],
    record: &mut Record<'_>,
) -> Result<Vec<ListResult>, Stop> {
    if input.seats_only {
        return Ok(crate::seats::seats_only_results(input, state));
    }
    let (s, v) = (u128::from(input.seats), u128::from(input.total_votes));
    // P 15: 25 % of the quota, or 50 % with fewer than 19 seats; a candidate must exceed it.
    let percent: u32 = if input.seats < SMALL_COUNCIL { 50 } else { 25 };
    record.push(Step::PreferenceThreshold {
        article: "Kieswet P 15",
        percent,
        threshold: Fraction::new(v * u128::from(percent), s * 100),
    });
    // votes × seats × 100 > total × percent exactly when votes exceed the whole part of
    // total × percent / (seats × 100): one comparison of integers per candidate.
    let most_below = u64::try_from(v * u128::from(percent) / (s * 100)).unwrap_or(u64::MAX);

    let mut results = Vec::with_capacity(input.lists.len());
    // Working space shared by the lists: the candidates above the threshold, and whether a
    // position is taken — elected, ranked already, or passed over as deceased (P 19a) —
    // indexed by position (1, 2, …; there is no position 0).
    let mut over: Vec<(u32, u64)> = Vec::new();
    let mut taken: Vec<bool> = Vec::new();
    for (list, seat) in input.lists.iter().zip(state) {
        let seats = seat.seats();
        let candidates = list.candidates.unwrap_or_default();
        taken.clear();
        taken.resize(candidates.len() + 1, false);
        taken[0] = true;
        for position in &list.deceased {
            taken[*position as usize] = true;
        }
        over.clear();
        // Position p is at index p − 1 of the votes and at index p of `taken`.
        for ((votes, taken), position) in candidates.iter().zip(&taken[1..]).zip(1u32..) {
            if *votes > most_below && !*taken {
                over.push((position, *votes));
            }
        }
        // By votes; equal votes keep list order (the sort is stable).
        over.sort_by_key(|(_, votes)| std::cmp::Reverse(*votes));

        let seats_usize = usize::try_from(seats).unwrap_or(usize::MAX);
        let (preference, tie_note) = preference_elected(list, &over, seats_usize, record)?;
        // P 16–P 17: the remaining seats in list order.
        let mut elected: Vec<u32> = Vec::with_capacity(seats_usize.min(candidates.len()));
        for position in &preference {
            taken[*position as usize] = true;
            elected.push(*position);
        }
        for (taken, position) in taken[1..].iter_mut().zip(1u32..) {
            if elected.len() >= seats_usize {
                break;
            }
            if !std::mem::replace(taken, true) {
                elected.push(position);
            }
        }
        for (order, position) in elected.iter().enumerate() {
            let votes = list.votes_of(*position).unwrap_or(0);
            let by_preference = order < preference.len();
            record.push(Step::CandidateElected {
                article: if by_preference {
                    "Kieswet P 15"
                } else {
                    "Kieswet P 17"
                },
                list: list.number,
                position: *position,
                votes,
                by: if by_preference {
                    ElectedBy::PreferenceThreshold
                } else {
                    ElectedBy::ListOrder
                },
                tie: if by_preference {
                    tie_note.clone()
                } else {
                    None
                },
            });
        }

        // P 19: the others, for later vacancies (only lists with seats have vacancies).
        // Those above the threshold by votes (equal votes in list order), then the rest in list
        // order.
        let mut next_in_line: Vec<u32> = Vec::new();
        if seats > 0 {
            next_in_line.reserve(candidates.len().saturating_sub(elected.len()));
            for (position, _) in &over {
                if !std::mem::replace(&mut taken[*position as usize], true) {
                    next_in_line.push(*position);
                }
            }
            for (taken, position) in taken[1..].iter_mut().zip(1u32..) {
                if !std::mem::replace(taken, true) {
                    next_in_line.push(position);
                }
            }
            record.push(Step::NextInLine {
                article: "Kieswet P 19",
                list: list.number,
                order: next_in_line.clone(),
            });
        }
        results.push(ListResult {
            number: list.number,
            name: list.name.to_owned(),
            votes: list.votes,
            seats,
            full_seats: Some(seat.full),
            elected,
            preference_elected: preference,
            next_in_line,
        });
    }
    Ok(results)
}

/// The candidates of `list` elected by preference votes (P 15), given those above the threshold
/// sorted by votes (equal votes in list order). A lot decides only when equal votes straddle the
/// last seat.
fn preference_elected(
    list: &ListData<'_>,
    over: &[(u32, u64)],
    seats: usize,
    record: &mut Record<'_>,
) -> Result<(Vec<u32>, Option<TieInfo>), Stop> {
    if over.len() <= seats {
        return Ok((over.iter().map(|(p, _)| *p).collect(), None));
    }
    if seats == 0 {
        return Ok((Vec::new(), None));
    }
    // `over` is sorted by votes: those above the boundary's votes come first, then the tied.
    let boundary = over[seats - 1].1;
    let above = over
        .iter()
        .take_while(|(_, votes)| *votes > boundary)
        .count();
    let tied_count = over[above..]
        .iter()
        .take_while(|(_, votes)| *votes == boundary)
        .count();
    let mut elected: Vec<u32> = over[..above].iter().map(|(p, _)| *p).collect();
    let tied = &over[above..above + tied_count];
    let available = seats - above;
    if tied.len() <= available {
        elected.extend(tied.iter().map(|(p, _)| *p));
        return Ok((elected, None));
    }
    let tied: Vec<u32> = tied.iter().map(|(p, _)| *p).collect();
    let winners = record.decide(Tie {
        stage: format!("P15-list-{}", list.number),
        article: "Kieswet P 15",
        kind: DecisionKind::DrawingOfLots,
        between: Between::Candidates,
        list: Some(list.number),
        options: tied.clone(),
        available,
        description: format!(
            "{available} seat(s) of list {} for candidates {tied:?}, who each have {boundary} votes",
            list.number
        ),
    })?;
    let note = Some(TieInfo {
        between: tied,
        decided_by: vec![TieBreak::Lot],
    });
    elected.extend(winners);
    Ok((elected, note))
}
