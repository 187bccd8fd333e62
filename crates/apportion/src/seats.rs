//! Seat assignment by highest quotient, shared by Kieswet P 7 and P 8, the Flemish rules and the
//! general divisor methods: one seat (or one group of equally placed lists) at a time, lists
//! without candidates left skipped (Kieswet P 10, LPKD art. 168), ties decided only when they
//! matter.

use crate::decide::{Record, Stop, Tie};
use crate::fraction::Fraction;
use crate::input::{Checked, ListData};
use crate::outcome::{
    Between, DecisionKind, ListResult, Method, Standing, Step, TieBreak, TieInfo,
};

/// A list's seats while they are being assigned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SeatState {
    /// Full seats (Kieswet P 6, Hare); 0 for the divisor methods.
    pub full: u32,
    /// Seats assigned after that (residual seats, or every seat of a divisor method).
    pub extra: u32,
    /// Most seats the list can fill (its living candidates), when candidates are known.
    pub cap: Option<u32>,
}

impl SeatState {
    /// No seats yet; each list capped at its living candidates, when they are known.
    pub fn initial(lists: &[ListData<'_>]) -> Vec<SeatState> {
        lists
            .iter()
            .map(|list| SeatState {
                full: 0,
                extra: 0,
                cap: list.capacity(),
            })
            .collect()
    }

    pub fn seats(&self) -> u32 {
        self.full + self.extra
    }

    pub fn can_take(&self) -> bool {
        self.cap.is_none_or(|cap| self.seats() < cap)
    }
}

/// The divisor for a list's next seat, given the seats it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Divisor {
    /// 1, 2, 3, … — D'Hondt, and the average of Kieswet P 7 (votes per seat after this seat).
    DHondt,
    /// 2, 3, 4, … (equivalently 1, 1½, 2, …).
    Imperiali,
    /// 1, 3, 5, …
    SainteLague,
}

impl Divisor {
    pub fn next(self, held: u32) -> u128 {
        let held = u128::from(held);
        match self {
            Divisor::DHondt => held + 1,
            Divisor::Imperiali => held + 2,
            Divisor::SainteLague => 2 * held + 1,
        }
    }
}

/// How ties between lists are decided.
pub(crate) enum TieRule<'a> {
    /// By lot (Kieswet P 7, P 8, P 14; the general methods).
    Lot,
    /// Flanders: the highest list votes; then the most preference votes of the candidates at
    /// stake; then the oldest of them (a decision from outside). `at_stake(list index, seats
    /// held)` gives the preference votes of the candidate who would take the list's next seat.
    Flemish {
        at_stake: &'a dyn Fn(usize, u32) -> Option<u64>,
    },
}

/// One round of assignment.
pub(crate) struct Round<'a> {
    pub article: &'static str,
    pub method: Method,
    /// Key for lot ids, e.g. `P7` or `LPKD-166`.
    pub stage: &'static str,
    pub divisor: Divisor,
    /// At most one seat per list in this round (Kieswet P 8).
    pub one_per_list: bool,
    /// Lists allowed in this round (e.g. above an electoral threshold); all when `None`.
    pub allowed: Option<&'a [bool]>,
    pub tie: TieRule<'a>,
}

/// A round of largest remainders.
pub(crate) struct RemainderRound<'a> {
    pub article: &'static str,
    /// Key for lot ids.
    pub stage: &'static str,
    /// Lists that may take a seat in this round (Kieswet P 8: at least ¾ of the quota).
    pub qualifies: &'a [bool],
}

/// The seats assigned so far, in order, as groups of lists placed equally; Kieswet P 9 needs to
/// know which list received the last residual seat.
pub(crate) type Log = Vec<Vec<usize>>;

/// Every list's standing for the next seat.
pub(crate) fn standings(
    lists: &[ListData<'_>],
    state: &[SeatState],
    value: impl Fn(usize) -> Fraction,
    eligible: impl Fn(usize) -> bool,
) -> Vec<Standing> {
    (0..lists.len())
        .map(|i| Standing {
            list: lists[i].number,
            seats: state[i].seats(),
            value: value(i),
            eligible: eligible(i),
        })
        .collect()
}

/// Results with seats only, when no candidates were given.
pub(crate) fn seats_only_results(input: &Checked<'_>, state: &[SeatState]) -> Vec<ListResult> {
    input
        .lists
        .iter()
        .zip(state)
        .map(|(list, seat)| ListResult {
            number: list.number,
            name: list.name.to_owned(),
            votes: list.votes,
            seats: seat.seats(),
            full_seats: matches!(
                input.rules,
                crate::input::Rules::NlGemeenteraad | crate::input::Rules::Hare
            )
            .then_some(seat.full),
            elected: Vec::new(),
            preference_elected: Vec::new(),
            next_in_line: Vec::new(),
        })
        .collect()
}

/// Indices of `options` sorted by list number, for stable, input-order-independent ties.
pub(crate) fn by_number(lists: &[ListData<'_>], mut options: Vec<usize>) -> Vec<usize> {
    options.sort_by_key(|i| lists[*i].number);
    options
}

/// The lists among `tied` (sorted by number) that take the `available` seats, drawn by lot
/// (Kieswet P 7, P 8, P 14; the general methods) when there are more of them than seats, and a
/// note on the lot when one was drawn. `describe(list numbers)` tells the drawers what is at stake.
fn draw_lots(
    lists: &[ListData<'_>],
    record: &mut Record<'_>,
    (stage, seat): (&str, u32),
    article: &'static str,
    tied: Vec<usize>,
    available: usize,
    describe: impl FnOnce(&[u32]) -> String,
) -> Result<(Vec<usize>, Option<TieInfo>), Stop> {
    if tied.len() <= available {
        return Ok((tied, None));
    }
    let stage = format!("{stage}-seat-{seat}");
    let numbers: Vec<u32> = tied.iter().map(|i| lists[*i].number).collect();
    let winners = record.decide(Tie {
        stage,
        article,
        kind: DecisionKind::DrawingOfLots,
        between: Between::Lists,
        list: None,
        options: numbers.clone(),
        available,
        description: describe(&numbers),
    })?;
    let note = TieInfo {
        between: numbers,
        decided_by: vec![TieBreak::Lot],
    };
    Ok((
        winners.iter().map(|n| index_of(lists, *n)).collect(),
        Some(note),
    ))
}

fn index_of(lists: &[ListData<'_>], number: u32) -> usize {
    lists.iter().position(|l| l.number == number).unwrap_or(0)
}

/// Seats while they are assigned: each list's seats, how many are still to assign, the running
/// seat number and the order of assignment (for Kieswet P 9). Rounds of assignment continue
/// where the previous one stopped.
#[derive(Debug)]
pub(crate) struct Allocation {
    pub state: Vec<SeatState>,
    pub remaining: u32,
    pub seat_number: u32,
    pub log: Log,
}

impl Allocation {
    pub fn new(state: Vec<SeatState>, remaining: u32) -> Allocation {
        Allocation {
            state,
            remaining,
            seat_number: 0,
            log: Vec::new(),
        }
    }

    /// Assigns up to `remaining` seats by highest quotient. Stops early (leaving seats in
    /// `remaining`) when no list can take a seat.
    pub fn assign(
        &mut self,
        lists: &[ListData<'_>],
        record: &mut Record<'_>,
        round: &Round<'_>,
    ) -> Result<(), Stop> {
        let count = lists.len();
        let mut had_one = vec![false; count];
        let allowed = |i: usize| round.allowed.is_none_or(|allowed| allowed[i]);
        while self.remaining > 0 {
            let state = &self.state;
            let value = |i: usize| {
                Fraction::new(
                    u128::from(lists[i].votes),
                    round.divisor.next(state[i].seats()),
                )
            };
            // A list without votes never takes a seat: a quotient of 0 is not a claim to anything.
            let in_the_running =
                |i: usize| allowed(i) && lists[i].votes > 0 && !(round.one_per_list && had_one[i]);
            let eligible = |i: usize| in_the_running(i) && state[i].can_take();
            // Every list's value once: the step records them all, and the seat is decided on them.
            let snapshot = standings(lists, state, value, eligible);
            let Some(best) = snapshot
                .iter()
                .filter(|standing| standing.eligible)
                .map(|standing| standing.value)
                .max()
            else {
                break;
            };
            // Kieswet P 10 / LPKD art. 168: a list out of candidates that would have taken this seat
            // passes it on.
            for (i, standing) in snapshot.iter().enumerate() {
                if in_the_running(i) && !state[i].can_take() && standing.value > best {
                    record.push(Step::ListExhausted {
                        article: exhaustion_article(round.stage),
                        list: lists[i].number,
                        candidates: state[i].cap.unwrap_or(0),
                        seats_passed_on: 1,
                    });
                }
            }
            let tied = by_number(
                lists,
                (0..count)
                    .filter(|i| snapshot[*i].eligible && snapshot[*i].value == best)
                    .collect(),
            );
            let available = usize::try_from(self.remaining).unwrap_or(usize::MAX);
            let (winners, note) = break_tie(
                lists,
                state,
                record,
                round,
                tied,
                available,
                best,
                self.seat_number,
            )?;
            self.grant(
                lists,
                record,
                &mut had_one,
                winners,
                snapshot,
                |seat, list, standings| Step::SeatAssigned {
                    article: round.article,
                    seat,
                    method: round.method,
                    list,
                    value: best,
                    standings,
                    tie: note.clone(),
                },
            );
        }
        Ok(())
    }

    /// Largest remainders (after full seats at the quota `total votes / seats`), at most one
    /// seat per list in the round, for qualifying lists: Kieswet P 8, Hare.
    pub fn largest_remainders(
        &mut self,
        input: &Checked<'_>,
        record: &mut Record<'_>,
        round: &RemainderRound<'_>,
    ) -> Result<(), Stop> {
        let lists = &input.lists;
        let (s, v) = (u128::from(input.seats), u128::from(input.total_votes));
        // Remainders share the denominator `seats`, so their numerators compare directly.
        // Full seats do not change during the round, so neither do the remainders.
        let remainders: Vec<u128> = (0..lists.len())
            .map(|i| {
                (u128::from(lists[i].votes) * s).saturating_sub(u128::from(self.state[i].full) * v)
            })
            .collect();
        let remainder = |i: usize| remainders[i];
        let mut had_one = vec![false; lists.len()];
        while self.remaining > 0 {
            let state = &self.state;
            let eligible = |i: usize| {
                round.qualifies[i] && lists[i].votes > 0 && !had_one[i] && state[i].can_take()
            };
            let Some(best) = (0..lists.len())
                .filter(|i| eligible(*i))
                .map(remainder)
                .max()
            else {
                break;
            };
            let tied = by_number(
                lists,
                (0..lists.len())
                    .filter(|i| eligible(*i) && remainder(*i) == best)
                    .collect(),
            );
            let snapshot = standings(lists, state, |i| Fraction::new(remainder(i), s), eligible);
            let available = usize::try_from(self.remaining).unwrap_or(usize::MAX);
            let (winners, note) = draw_lots(
                lists,
                record,
                (round.stage, self.seat_number + 1),
                round.article,
                tied,
                available,
                |numbers| {
                    format!(
                        "{available} residual seat(s) for lists {numbers:?}, which have the same remainder {}",
                        Fraction::new(best, s)
                    )
                },
            )?;
            self.grant(
                lists,
                record,
                &mut had_one,
                winners,
                snapshot,
                |seat, list, standings| Step::SeatAssigned {
                    article: round.article,
                    seat,
                    method: Method::LargestRemainder,
                    list,
                    value: Fraction::new(best, s),
                    standings,
                    tie: note.clone(),
                },
            );
        }
        Ok(())
    }

    /// Gives one seat to each of `winners` (list indices, in order of assignment), logged as one
    /// group of equally placed lists; `step(seat number, list number, standings)` records each
    /// seat with the lists' standings before it (the last seat takes them, the others a copy).
    fn grant(
        &mut self,
        lists: &[ListData<'_>],
        record: &mut Record<'_>,
        had_one: &mut [bool],
        winners: Vec<usize>,
        standings: Vec<Standing>,
        step: impl Fn(u32, u32, Vec<Standing>) -> Step,
    ) {
        let mut standings = Some(standings);
        for (order, &i) in winners.iter().enumerate() {
            self.state[i].extra += 1;
            had_one[i] = true;
            self.seat_number += 1;
            self.remaining -= 1;
            let these = if order + 1 == winners.len() {
                standings.take().unwrap_or_default()
            } else {
                standings.clone().unwrap_or_default()
            };
            record.push(step(self.seat_number, lists[i].number, these));
        }
        self.log.push(winners);
    }
}

fn exhaustion_article(stage: &str) -> &'static str {
    if stage.starts_with('P') {
        "Kieswet P 10"
    } else if stage.starts_with("LPKD") {
        "LPKD art. 168"
    } else {
        "lijstuitputting"
    }
}

/// The lists among `tied` (sorted by number) that take the `available` seats, in order, and a
/// note on how the tie was decided when there was one that mattered.
#[allow(clippy::too_many_arguments)]
fn break_tie(
    lists: &[ListData<'_>],
    state: &[SeatState],
    record: &mut Record<'_>,
    round: &Round<'_>,
    tied: Vec<usize>,
    available: usize,
    value: Fraction,
    seat_number: u32,
) -> Result<(Vec<usize>, Option<TieInfo>), Stop> {
    if tied.len() <= available {
        return Ok((tied, None));
    }
    let numbers = |indices: &[usize]| indices.iter().map(|i| lists[*i].number).collect::<Vec<_>>();
    match &round.tie {
        TieRule::Lot => draw_lots(
            lists,
            record,
            (round.stage, seat_number + 1),
            round.article,
            tied,
            available,
            |numbers| {
                format!(
                    "{available} seat(s) for lists {numbers:?}, which have the same value {value}"
                )
            },
        ),
        TieRule::Flemish { at_stake } => {
            // First criterion: the list with the highest list votes (stemcijfer).
            let mut by_votes = tied.to_vec();
            by_votes.sort_by(|a, b| {
                lists[*b]
                    .votes
                    .cmp(&lists[*a].votes)
                    .then(lists[*a].number.cmp(&lists[*b].number))
            });
            let mut winners = Vec::new();
            let mut decided_by = vec![TieBreak::ListVotes];
            let mut rest = by_votes;
            while winners.len() < available {
                let need = available - winners.len();
                let top = lists[rest[0]].votes;
                let group: Vec<usize> = rest
                    .iter()
                    .copied()
                    .filter(|i| lists[*i].votes == top)
                    .collect();
                if group.len() <= need {
                    winners.extend(&group);
                    rest.retain(|i| !group.contains(i));
                    continue;
                }
                // Second: the most preference votes of the candidates at stake.
                let mut by_candidate: Vec<(usize, Option<u64>)> = group
                    .iter()
                    .map(|i| (*i, at_stake(*i, state[*i].seats())))
                    .collect();
                by_candidate.sort_by(|a, b| {
                    b.1.cmp(&a.1)
                        .then(lists[a.0].number.cmp(&lists[b.0].number))
                });
                decided_by.push(TieBreak::CandidateVotes);
                let mut inner_rest: Vec<(usize, Option<u64>)> = by_candidate;
                while winners.len() < available {
                    let need = available - winners.len();
                    let top = inner_rest[0].1;
                    let same: Vec<usize> = inner_rest
                        .iter()
                        .filter(|(_, v)| *v == top)
                        .map(|(i, _)| *i)
                        .collect();
                    if same.len() <= need {
                        winners.extend(&same);
                        inner_rest.retain(|(i, _)| !same.contains(i));
                        continue;
                    }
                    // Third: the oldest of the candidates at stake, which only the caller knows.
                    let drawn = record.decide(Tie {
                        stage: format!("{}-seat-{}-oldest", round.stage, seat_number + 1),
                        article: "LPKD: gelijke quotiënten",
                        kind: DecisionKind::OldestCandidate,
                        between: Between::Lists,
                        list: None,
                        options: numbers(&same),
                        available: need,
                        description: format!(
                            "{need} seat(s) for lists {:?}: equal quotient, list votes and preference votes of the candidates at stake; the seat goes to the list of the oldest candidate (give the lists oldest first)",
                            numbers(&same)
                        ),
                    })?;
                    decided_by.push(TieBreak::Age);
                    winners.extend(drawn.iter().map(|n| index_of(lists, *n)));
                }
            }
            let note = TieInfo {
                between: numbers(&tied),
                decided_by,
            };
            Ok((winners, Some(note)))
        }
    }
}
