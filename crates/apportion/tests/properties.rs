//! Properties that must hold for every input: the seats add up, the divisor methods are
//! monotone in votes, names and the order of the lists change nothing.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use apportion::{Apportionment, Input, ListInput, Lot, Outcome, Rules, apportion};
use proptest::prelude::*;

/// A list with candidates whose votes are consistent with every rule: for Kieswet the list's
/// votes are the candidates' sum; for Flanders the ballots are at least every candidate's votes.
fn list_strategy() -> impl Strategy<Value = (Vec<u64>, u64, u64)> {
    (
        prop::collection::vec(0u64..400, 0..12),
        0u64..300,
        0u64..100,
    )
        .prop_map(|(candidates, extra_ballots, list_only)| {
            let sum: u64 = candidates.iter().sum();
            let ballots = sum + extra_ballots;
            (candidates, ballots, list_only.min(ballots))
        })
}

fn input_strategy() -> impl Strategy<Value = Input> {
    (
        prop::sample::select(Rules::ALL.to_vec()),
        1u32..40,
        prop::collection::vec(list_strategy(), 1..9),
        any::<bool>(),
    )
        .prop_map(|(rules, seats, lists, with_candidates)| Input {
            rules,
            seats,
            lists: lists
                .into_iter()
                .zip(1u32..)
                .map(|((candidates, ballots, list_only), number)| ListInput {
                    number,
                    name: format!("Lijst {number}"),
                    votes: Some(if rules == Rules::NlGemeenteraad && with_candidates {
                        candidates.iter().sum()
                    } else {
                        ballots
                    }),
                    list_only_ballots: rules.has_devolution().then_some(list_only),
                    candidates: with_candidates.then_some(candidates),
                })
                .collect(),
            deceased: vec![],
            lots: vec![],
        })
}

/// Runs the rules, drawing every lot in the order the options are given. `None` when the input
/// is refused (e.g. no votes at all).
fn run(mut input: Input) -> Option<Apportionment> {
    for _ in 0..64 {
        match apportion(&input).ok()? {
            Outcome::Complete(result) => return Some(result),
            Outcome::LotRequired(required) => input.lots.push(Lot {
                id: required.lots_required.id,
                order: required.lots_required.options,
            }),
        }
    }
    panic!("more than 64 lots for one input");
}

fn by_number(result: &Apportionment) -> BTreeMap<u32, (u32, Vec<u32>, Vec<u32>)> {
    result
        .lists
        .iter()
        .map(|l| {
            (
                l.number,
                (l.seats, l.elected.clone(), l.next_in_line.clone()),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Every seat is allocated, or counted as unfilled because lists ran out of candidates; no
    /// list has more seats than candidates; every elected candidate is a real one.
    #[test]
    fn seats_add_up(input in input_strategy()) {
        let Some(result) = run(input.clone()) else { return Ok(()); };
        let allocated: u32 = result.lists.iter().map(|l| l.seats).sum();
        prop_assert_eq!(allocated + result.unfilled_seats, input.seats);
        for (list, given) in result.lists.iter().zip(&input.lists) {
            if let Some(candidates) = &given.candidates {
                prop_assert!(list.seats as usize <= candidates.len());
                if input.rules.elects_candidates() {
                    prop_assert_eq!(list.elected.len(), list.seats as usize);
                    for position in list.elected.iter().chain(&list.next_in_line) {
                        prop_assert!(*position >= 1 && *position as usize <= candidates.len());
                    }
                }
            }
        }
        if result.unfilled_seats > 0 {
            prop_assert!(!result.warnings.is_empty());
        }
    }

    /// Names play no part.
    #[test]
    fn renaming_lists_changes_nothing(input in input_strategy()) {
        let mut renamed = input.clone();
        for list in &mut renamed.lists {
            list.name = format!("{} (hernoemd)", list.name.chars().rev().collect::<String>());
        }
        let (Some(a), Some(b)) = (run(input), run(renamed)) else { return Ok(()); };
        prop_assert_eq!(by_number(&a), by_number(&b));
    }

    /// The order in which the lists are given plays no part: no rule looks at it.
    #[test]
    fn the_order_of_the_lists_changes_nothing(input in input_strategy(), rotation in 0usize..8) {
        let mut rotated = input.clone();
        let shift = rotation % rotated.lists.len();
        rotated.lists.rotate_left(shift);
        let (Some(a), Some(b)) = (run(input), run(rotated)) else { return Ok(()); };
        prop_assert_eq!(by_number(&a), by_number(&b));
    }

    /// Divisor methods are monotone: more votes for one list, others unchanged, never fewer
    /// seats for it (compared where no lot is needed, since a lot may go either way).
    #[test]
    fn divisor_methods_are_monotone_in_votes(
        rules in prop::sample::select(vec![Rules::DHondt, Rules::SainteLague, Rules::Imperiali, Rules::NlGemeenteraad]),
        seats in 1u32..40,
        votes in prop::collection::vec(1u64..5000, 2..8),
        which in 0usize..8,
        more in 1u64..2000,
    ) {
        let which = which % votes.len();
        let make = |votes: &[u64]| Input {
            rules,
            // Kieswet P 7 (19 seats or more) is the divisor method among the Dutch rules.
            seats: if rules == Rules::NlGemeenteraad { seats.max(19) } else { seats },
            lists: votes.iter().zip(1u32..).map(|(v, n)| ListInput {
                number: n,
                name: String::new(),
                votes: Some(*v),
                candidates: None,
                list_only_ballots: None,
            }).collect(),
            deceased: vec![],
            lots: vec![],
        };
        let mut increased = votes.clone();
        increased[which] += more;
        let before = apportion(&make(&votes)).unwrap();
        let after = apportion(&make(&increased)).unwrap();
        if let (Outcome::Complete(before), Outcome::Complete(after)) = (before, after) {
            // Kieswet P 9 can move a seat to a list with a majority; it never takes one from the
            // list whose votes grew unless another list has the majority.
            let majority = |votes: &[u64]| {
                let total: u64 = votes.iter().sum();
                votes.iter().any(|v| 2 * v > total)
            };
            if rules != Rules::NlGemeenteraad || (!majority(&votes) && !majority(&increased)) {
                prop_assert!(after.lists[which].seats >= before.lists[which].seats,
                    "{:?}: {} → {} seats", rules, before.lists[which].seats, after.lists[which].seats);
            }
        }
    }
}
