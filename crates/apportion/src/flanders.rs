//! Flanders: Lokaal en Provinciaal Kiesdecreet (LPKD, decree of 8 July 2011, and the
//! Gemeentekieswet it replaced from 2006).
//!
//! Seats (LPKD art. 165–168): every seat goes to the highest quotient of a list's votes
//! (stemcijfer) — divisors 2, 3, 4, … (Imperiali) for a municipal council, 1, 2, 3, … (D'Hondt)
//! for a provincial council district and an Antwerp district council. A provincial district
//! admits only lists with at least 5 % of its valid votes. A list with fewer candidates than
//! seats has all of them elected and passes the others on by continuing the quotients (art. 168).
//! Equal quotients for the last seat(s): the highest list votes; then the most preference votes
//! of the candidates at stake; then the oldest of them.
//!
//! Candidates (art. 169):
//! - from 2024, in order of preference votes (equal votes: list order); the others become
//!   substitutes in the same order;
//! - 2006–2018, list votes partly devolve: a pot of (ballots with only a list vote × seats / 3) is
//!   added, in list order, to each candidate's preference votes up to the eligibility figure
//!   (list votes × seats / (seats + 1)), until it runs out; the seats go to the highest totals
//!   (equal: list order). The substitutes are ordered by a fresh devolution of the whole pot to
//!   the candidates not elected, again in list order.

use crate::decide::{Record, Stop};
use crate::fraction::Fraction;
use crate::input::{Checked, ListData, Rules};
use crate::outcome::{DevolutionPurpose, ElectedBy, ListResult, Method, Step};
use crate::seats::{Allocation, Divisor, Round, SeatState, TieRule};

/// Seats per list and unfilled seats.
pub(crate) fn allocate_seats(
    input: &Checked<'_>,
    record: &mut Record<'_>,
) -> Result<(Vec<SeatState>, u32), Stop> {
    let lists = &input.lists;
    let total = input.total_votes;
    let (divisor, article, stage) = match input.rules {
        Rules::BeVlGemeenteraad2024 | Rules::BeVlGemeenteraad2018 => {
            (Divisor::Imperiali, "LPKD art. 166 (Imperiali)", "LPKD-166")
        }
        Rules::BeVlProvincieraad2024 | Rules::BeVlProvincieraad2018 => {
            (Divisor::DHondt, "LPKD art. 179-181 (D'Hondt)", "LPKD-180")
        }
        _ => (
            Divisor::DHondt,
            "LPKD, districtsraad (D'Hondt)",
            "LPKD-district",
        ),
    };

    // Provincial districts: only lists with at least 5 % of the valid votes take part.
    let provincial = matches!(
        input.rules,
        Rules::BeVlProvincieraad2024 | Rules::BeVlProvincieraad2018
    );
    let allowed: Vec<bool> = lists
        .iter()
        .map(|l| !provincial || 20 * u128::from(l.votes) >= u128::from(total))
        .collect();
    if provincial {
        record.push(Step::ElectoralThreshold {
            article: "LPKD art. 178 (kiesdrempel 5 %)",
            threshold: Fraction::new(u128::from(total), 20),
            excluded: lists
                .iter()
                .zip(&allowed)
                .filter(|(_, a)| !**a)
                .map(|(l, _)| l.number)
                .collect(),
        });
    }

    let state = SeatState::initial(lists);
    let devolution = input.rules.has_devolution();
    let at_stake = |index: usize, held: u32| candidate_at_stake(&lists[index], held, devolution);
    let mut allocation = Allocation::new(state, input.seats);
    allocation.assign(
        lists,
        record,
        &Round {
            article,
            method: Method::HighestQuotient,
            stage,
            divisor,
            one_per_list: false,
            allowed: Some(&allowed),
            tie: TieRule::Flemish {
                at_stake: &at_stake,
            },
        },
    )?;
    if allocation.remaining > 0 {
        record.push(Step::SeatsUnfilled {
            article: "LPKD art. 168",
            seats: allocation.remaining,
        });
    }
    Ok((allocation.state, allocation.remaining))
}

/// Living candidates of a list: (position, preference votes), in list order.
fn alive(list: &ListData<'_>) -> Vec<(u32, u64)> {
    list.alive().collect()
}

/// `candidates` sorted by a key, highest first; equal keys keep list order.
fn ranked<K: Ord + Copy>(candidates: &[(u32, u64)], key: impl Fn(usize) -> K) -> Vec<usize> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|i| std::cmp::Reverse(key(*i)));
    order
}

/// The pot and the eligibility figure of a list with `seats` seats, both as numerators over the
/// common denominator `3 × (seats + 1)`, so that every later sum is an exact integer.
struct Pot {
    denominator: u128,
    pot: u128,
    eligibility: u128,
}

fn pot(list: &ListData<'_>, seats: u32) -> Pot {
    let s = u128::from(seats);
    Pot {
        denominator: 3 * (s + 1),
        // list-only ballots × seats / 3  =  list-only × seats × (seats + 1) / (3 (seats + 1))
        pot: u128::from(list.list_only_ballots) * s * (s + 1),
        // list votes × seats / (seats + 1)  =  list votes × seats × 3 / (3 (seats + 1))
        eligibility: u128::from(list.votes) * s * 3,
    }
}

/// Devolves the whole pot, in list order, to the candidates at `receivers` (indices into
/// `candidates`), each up to the eligibility figure. Returns the devolved numerators per
/// candidate.
fn devolve(candidates: &[(u32, u64)], receivers: &[usize], pot: &Pot) -> Vec<u128> {
    let mut devolved = vec![0u128; candidates.len()];
    let mut left = pot.pot;
    for &index in receivers {
        if left == 0 {
            break;
        }
        let own = u128::from(candidates[index].1) * pot.denominator;
        if own >= pot.eligibility {
            continue;
        }
        let given = (pot.eligibility - own).min(left);
        devolved[index] = given;
        left -= given;
    }
    devolved
}

/// The order in which a list's candidates are elected under the rule in force; the first
/// `seats` are elected.
fn election_order(
    candidates: &[(u32, u64)],
    list: &ListData<'_>,
    seats: u32,
    devolution: bool,
) -> Vec<usize> {
    if !devolution {
        return ranked(candidates, |i| candidates[i].1);
    }
    let pot = pot(list, seats);
    let everyone: Vec<usize> = (0..candidates.len()).collect();
    let devolved = devolve(candidates, &everyone, &pot);
    ranked(candidates, |i| {
        u128::from(candidates[i].1) * pot.denominator + devolved[i]
    })
}

/// The preference votes of the candidate who would take a list's next seat (for the Flemish
/// tie rule).
fn candidate_at_stake(list: &ListData<'_>, held: u32, devolution: bool) -> Option<u64> {
    let candidates = alive(list);
    let next = usize::try_from(held).ok()?;
    if !devolution {
        return election_order(&candidates, list, held + 1, false)
            .get(next)
            .map(|i| candidates[*i].1);
    }
    // Under devolution the figures depend on the seats, so compare who is elected with one
    // seat more.
    let now = election_order(&candidates, list, held, true);
    let with_one_more = election_order(&candidates, list, held + 1, true);
    let elected_now = &now[..next.min(now.len())];
    with_one_more
        .iter()
        .take(next + 1)
        .find(|i| !elected_now.contains(i))
        .map(|i| candidates[*i].1)
}

/// LPKD art. 167–169: elected candidates and substitutes per list.
pub(crate) fn elect_candidates(
    input: &Checked<'_>,
    state: &[SeatState],
    record: &mut Record<'_>,
) -> Vec<ListResult> {
    if input.seats_only {
        return crate::seats::seats_only_results(input, state);
    }
    let devolution = input.rules.has_devolution();
    let mut results = Vec::with_capacity(input.lists.len());
    for (list, seat) in input.lists.iter().zip(state) {
        let seats = seat.seats();
        let candidates = alive(list);
        let seats_usize = usize::try_from(seats).unwrap_or(usize::MAX);
        // (elected, on their own preference votes, substitutes, why)
        let (elected, on_own_votes, next_in_line, by): (Vec<u32>, Vec<u32>, Vec<u32>, ElectedBy) =
            if seats == 0 {
                (
                    Vec::new(),
                    Vec::new(),
                    Vec::new(),
                    ElectedBy::PreferenceVotes,
                )
            } else if candidates.len() <= seats_usize {
                // Art. 167–168: as many candidates as seats, or fewer: all are elected.
                (
                    candidates.iter().map(|(p, _)| *p).collect(),
                    Vec::new(),
                    Vec::new(),
                    ElectedBy::AllCandidates,
                )
            } else if !devolution {
                let order = ranked(&candidates, |i| candidates[i].1);
                let positions: Vec<u32> = order.iter().map(|i| candidates[*i].0).collect();
                let elected = positions[..seats_usize].to_vec();
                (
                    elected.clone(),
                    elected,
                    positions[seats_usize..].to_vec(),
                    ElectedBy::PreferenceVotes,
                )
            } else {
                let pot = pot(list, seats);
                record.push(Step::ListVotePot {
                    article: "LPKD art. 169",
                    list: list.number,
                    list_only_ballots: list.list_only_ballots,
                    pot: Fraction::new(pot.pot, pot.denominator),
                    eligibility_figure: Fraction::new(pot.eligibility, pot.denominator),
                });
                let everyone: Vec<usize> = (0..candidates.len()).collect();
                let devolved = devolve(&candidates, &everyone, &pot);
                push_devolved(
                    record,
                    list,
                    &candidates,
                    &devolved,
                    &pot,
                    DevolutionPurpose::Election,
                );
                let order = ranked(&candidates, |i| {
                    u128::from(candidates[i].1) * pot.denominator + devolved[i]
                });
                let elected: Vec<usize> = order[..seats_usize].to_vec();
                // Substitutes: the whole pot again, in list order, to those not elected.
                let others: Vec<usize> = everyone
                    .iter()
                    .copied()
                    .filter(|i| !elected.contains(i))
                    .collect();
                let again = devolve(&candidates, &others, &pot);
                push_devolved(
                    record,
                    list,
                    &candidates,
                    &again,
                    &pot,
                    DevolutionPurpose::Substitutes,
                );
                let substitute_order = ranked(&candidates, |i| {
                    u128::from(candidates[i].1) * pot.denominator + again[i]
                });
                (
                    elected.iter().map(|i| candidates[*i].0).collect(),
                    elected
                        .iter()
                        .filter(|i| devolved[**i] == 0)
                        .map(|i| candidates[*i].0)
                        .collect(),
                    substitute_order
                        .iter()
                        .filter(|i| !elected.contains(i))
                        .map(|i| candidates[*i].0)
                        .collect(),
                    ElectedBy::PreferenceAndDevolvedVotes,
                )
            };
        for position in &elected {
            record.push(Step::CandidateElected {
                article: "LPKD art. 169",
                list: list.number,
                position: *position,
                votes: candidates
                    .iter()
                    .find(|(p, _)| p == position)
                    .map_or(0, |(_, v)| *v),
                by,
                tie: None,
            });
        }
        if seats > 0 && !next_in_line.is_empty() {
            record.push(Step::NextInLine {
                article: "LPKD art. 169 (opvolgers)",
                list: list.number,
                order: next_in_line.clone(),
            });
        }
        results.push(ListResult {
            number: list.number,
            name: list.name.to_owned(),
            votes: list.votes,
            seats,
            full_seats: None,
            elected,
            // From 2024 every member is elected on preference votes; before, those who needed no
            // devolved list votes.
            preference_elected: on_own_votes,
            next_in_line,
        });
    }
    results
}

fn push_devolved(
    record: &mut Record<'_>,
    list: &ListData<'_>,
    candidates: &[(u32, u64)],
    devolved: &[u128],
    pot: &Pot,
    purpose: DevolutionPurpose,
) {
    for (index, amount) in devolved.iter().enumerate() {
        if *amount > 0 {
            record.push(Step::Devolved {
                article: "LPKD art. 169",
                list: list.number,
                position: candidates[index].0,
                purpose,
                preference_votes: candidates[index].1,
                devolved: Fraction::new(*amount, pot.denominator),
            });
        }
    }
}
