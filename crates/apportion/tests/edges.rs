//! Every edge of the law, on small elections worked out by hand (the arithmetic is in the
//! comments): absolute majority (P 9) with and without a lot, list exhaustion (P 10) in full and
//! residual seats and with P 9, all lists exhausted, no votes, lists without votes, ties in every
//! residual method and between candidates, deceased candidates (P 19a), the ranking (P 19), and
//! the Flemish tie rule, short lists, threshold and both candidate rules.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

mod common;

use apportion::{
    Apportionment, Between, CandidateRef, DecisionKind, Input, InputError, ListInput, Lot, Rules,
    Step, apportion,
};
use common::{complete, lot};

fn list(number: u32, votes: u64) -> ListInput {
    ListInput {
        number,
        name: format!("Lijst {number}"),
        votes: Some(votes),
        candidates: None,
        list_only_ballots: None,
    }
}

fn with_candidates(number: u32, candidates: &[u64]) -> ListInput {
    ListInput {
        number,
        name: format!("Lijst {number}"),
        votes: Some(candidates.iter().sum()),
        candidates: Some(candidates.to_vec()),
        list_only_ballots: None,
    }
}

fn input(rules: Rules, seats: u32, lists: Vec<ListInput>) -> Input {
    Input {
        rules,
        seats,
        lists,
        deceased: vec![],
        lots: vec![],
    }
}

fn with_lot(mut input: Input, id: &str, order: &[u32]) -> Input {
    input.lots.push(Lot {
        id: id.to_string(),
        order: order.to_vec(),
    });
    input
}

fn has_step(result: &Apportionment, predicate: impl Fn(&Step) -> bool) -> bool {
    result.steps.iter().any(predicate)
}

// ---- Kieswet P 9 -------------------------------------------------------------------------

/// 9 seats, 1000 votes, quota 111.1. Full seats: 501 → 4 (rem 509/9), 200 → 1 (800/9) twice,
/// 99 → 0 (891/9). Residual seats by remainder: 4, then 2 and 3 together (equal remainders).
/// List 1 has more than half the votes but 4 of 9 seats: P 9 takes the last residual seat, and
/// lists 2 and 3 got theirs at the same remainder, so a lot decides which loses it.
#[test]
fn p9_with_a_lot_between_the_last_residual_seats() {
    let base = input(
        Rules::NlGemeenteraad,
        9,
        vec![list(1, 501), list(2, 200), list(3, 200), list(4, 99)],
    );
    let request = lot(&base);
    assert_eq!(request.id, "P9-last-residual-seat:2,3");
    assert_eq!(
        (request.options.clone(), request.seats_at_stake),
        (vec![2, 3], 1)
    );
    assert_eq!(request.article, "Kieswet P 9");
    let result = complete(&with_lot(base, &request.id, &[3, 2]));
    assert_eq!(result.seats_per_list(), [5, 2, 1, 1]);
}

/// Exactly half the votes is not more than half: no P 9.
#[test]
fn p9_exactly_half_the_votes_is_no_majority() {
    let result = complete(&input(
        Rules::NlGemeenteraad,
        9,
        vec![list(1, 500), list(2, 200), list(3, 200), list(4, 100)],
    ));
    assert_eq!(result.seats_per_list(), [4, 2, 2, 1]);
    assert!(!has_step(&result, |s| matches!(
        s,
        Step::AbsoluteMajority { .. }
    )));
}

/// The same as above with candidates, and list 1 has only 4: P 9 cannot give it a fifth seat.
#[test]
fn p9_with_p10_the_majority_list_has_no_more_candidates() {
    let result = complete(&input(
        Rules::NlGemeenteraad,
        9,
        vec![
            with_candidates(1, &[501, 0, 0, 0]),
            with_candidates(2, &[200, 0, 0]),
            with_candidates(3, &[200, 0, 0]),
            with_candidates(4, &[99, 0]),
        ],
    ));
    assert_eq!(result.seats_per_list(), [4, 2, 2, 1]);
    assert!(has_step(&result, |s| matches!(
        s,
        Step::AbsoluteMajority {
            taken_from: None,
            no_transfer: Some(apportion::NoTransfer::NoCandidatesLeft),
            ..
        }
    )));
}

// ---- Kieswet P 10 ------------------------------------------------------------------------

/// 20 seats, quota 50: list 1 (600 votes, 3 candidates) would have 12 full seats; 9 pass on.
#[test]
fn p10_in_full_seats() {
    let result = complete(&input(
        Rules::NlGemeenteraad,
        20,
        vec![
            with_candidates(1, &[400, 100, 100]),
            with_candidates(2, &[400].into_iter().chain([0; 19]).collect::<Vec<_>>()),
        ],
    ));
    assert_eq!(result.seats_per_list(), [3, 17]);
    assert!(has_step(&result, |s| matches!(
        s,
        Step::ListExhausted {
            list: 1,
            candidates: 3,
            seats_passed_on: 9,
            ..
        }
    )));
    assert_eq!(result.list(1).unwrap().elected, [1, 2, 3]);
}

/// 19 seats, quota 100: list 1 (1050 votes, 10 candidates) gets 10 full seats and would take the
/// residual seat (average 95.45 against 94.44) but has no eleventh candidate: list 2 gets it.
#[test]
fn p10_in_residual_seats() {
    let list2: Vec<u64> = [130, 120, 110, 100, 90, 80, 70, 60, 50, 40]
        .into_iter()
        .chain([0; 10])
        .collect();
    let result = complete(&input(
        Rules::NlGemeenteraad,
        19,
        vec![
            with_candidates(1, &[150, 140, 130, 120, 110, 100, 90, 80, 70, 60]),
            with_candidates(2, &list2),
        ],
    ));
    assert_eq!(result.seats_per_list(), [10, 9]);
    assert!(has_step(&result, |s| matches!(
        s,
        Step::ListExhausted {
            list: 1,
            seats_passed_on: 1,
            ..
        }
    )));
}

/// Five seats, three candidates in all: two seats stay empty, with a warning.
#[test]
fn all_lists_exhausted_leave_seats_empty() {
    let result = complete(&input(
        Rules::NlGemeenteraad,
        5,
        vec![with_candidates(1, &[10, 10]), with_candidates(2, &[5])],
    ));
    assert_eq!(result.seats_per_list(), [2, 1]);
    assert_eq!(result.unfilled_seats, 2);
    assert!(
        result
            .warnings
            .iter()
            .any(|w| w.contains("2 seat(s) stay empty"))
    );
    assert!(has_step(&result, |s| matches!(
        s,
        Step::SeatsUnfilled { seats: 2, .. }
    )));
}

// ---- No votes ----------------------------------------------------------------------------

#[test]
fn zero_votes_in_total_is_refused() {
    for rules in [
        Rules::NlGemeenteraad,
        Rules::BeVlGemeenteraad2024,
        Rules::DHondt,
        Rules::Hare,
    ] {
        let error = apportion(&input(rules, 5, vec![list(1, 0), list(2, 0)])).unwrap_err();
        assert!(
            matches!(&error, InputError::Invalid { field, .. } if field == "lists"),
            "{error}"
        );
    }
}

/// A list nobody voted for never takes a seat, even when others run out of candidates.
#[test]
fn lists_without_votes_take_no_seats() {
    let result = complete(&input(
        Rules::NlGemeenteraad,
        5,
        vec![
            with_candidates(1, &[60, 40]),
            with_candidates(2, &[0, 0, 0, 0, 0]),
        ],
    ));
    assert_eq!(result.seats_per_list(), [2, 0]);
    assert_eq!(result.unfilled_seats, 3);
    for rules in [
        Rules::DHondt,
        Rules::SainteLague,
        Rules::Imperiali,
        Rules::Hare,
    ] {
        let result = complete(&input(
            rules,
            3,
            vec![list(1, 100), list(2, 0), list(3, 60)],
        ));
        assert_eq!(result.list(2).unwrap().seats, 0, "{rules:?}");
        assert_eq!(result.seats_per_list().iter().sum::<u32>(), 3, "{rules:?}");
    }
}

// ---- Ties needing lots in each residual method ------------------------------------------

/// P 7: 19 seats, 195 votes; lists 1 and 2 (95 each) get 9 full seats and tie at average 9.5
/// for the one residual seat.
#[test]
fn tie_in_highest_averages_p7() {
    let base = input(
        Rules::NlGemeenteraad,
        19,
        vec![list(1, 95), list(2, 95), list(3, 5)],
    );
    let request = lot(&base);
    assert_eq!(request.id, "P7-seat-1:1,2");
    assert_eq!(request.kind, DecisionKind::DrawingOfLots);
    assert_eq!(
        complete(&with_lot(base, &request.id, &[2, 1])).seats_per_list(),
        [9, 10, 0]
    );
}

/// P 8 largest remainders: 4 seats, quota 100; lists 1 and 2 (150 each) have equal remainders
/// for one seat.
#[test]
fn tie_in_largest_remainders_p8() {
    let base = input(
        Rules::NlGemeenteraad,
        4,
        vec![list(1, 150), list(2, 150), list(3, 100)],
    );
    let request = lot(&base);
    assert_eq!(request.id, "P8-remainder-seat-1:1,2");
    assert_eq!(
        complete(&with_lot(base, &request.id, &[1])).seats_per_list(),
        [2, 1, 1]
    );
}

/// P 8 one per list: 9 seats, 650 votes, quota 72.2. Lists 1 and 2 (250) get 3 full seats and a
/// remainder seat each; the five lists of 30 are below ¾ of the quota. The last seat goes by
/// highest average, one per list: 1 and 2 tie at 250/5 = 50.
#[test]
fn tie_in_highest_averages_one_per_list_p8() {
    let mut lists = vec![list(1, 250), list(2, 250)];
    lists.extend((3..=7).map(|n| list(n, 30)));
    let base = input(Rules::NlGemeenteraad, 9, lists);
    let request = lot(&base);
    assert_eq!(request.id, "P8-average-seat-3:1,2");
    let result = complete(&with_lot(base, &request.id, &[1]));
    assert_eq!(result.seats_per_list(), [5, 4, 0, 0, 0, 0, 0]);
}

#[test]
fn ties_in_the_general_methods() {
    for (rules, id) in [
        (Rules::DHondt, "DHondt-seat-1:1,2"),
        (Rules::SainteLague, "SainteLague-seat-1:1,2"),
        (Rules::Imperiali, "Imperiali-seat-1:1,2"),
        (Rules::Hare, "Hare-seat-1:1,2"),
    ] {
        let base = input(rules, 1, vec![list(1, 50), list(2, 50)]);
        assert_eq!(lot(&base).id, id);
        let result = complete(&with_lot(base, id, &[2, 1]));
        assert_eq!(result.seats_per_list(), [0, 1], "{rules:?}");
    }
}

/// P 15: 4 seats, 1400 votes, quota 350, threshold 50 % = 175. Both lists (700 votes) have 2 full
/// seats. On list 1, candidate 5 (300) is elected and candidates 2 and 4 (200 each) tie for the
/// other seat.
#[test]
fn tie_between_candidates_p15() {
    let base = input(
        Rules::NlGemeenteraad,
        4,
        vec![
            with_candidates(1, &[0, 200, 0, 200, 300]),
            with_candidates(2, &[400, 300]),
        ],
    );
    let request = lot(&base);
    assert_eq!(request.between, Between::Candidates);
    assert_eq!(request.article, "Kieswet P 15");
    assert_eq!(
        (
            request.list,
            request.options.clone(),
            request.seats_at_stake
        ),
        (Some(1), vec![2, 4], 1)
    );
    let result = complete(&with_lot(base, &request.id, &[4]));
    let list1 = result.list(1).unwrap();
    assert_eq!(list1.elected, [5, 4]);
    assert_eq!(list1.preference_elected, [5, 4]);
    // P 19: the tied candidate who lost the lot is first in line, then list order.
    assert_eq!(list1.next_in_line, [2, 1, 3]);
}

// ---- Kieswet P 19a, P 19 -------------------------------------------------------------------

/// 5 seats, quota 100, threshold 50 % = 50. List 1's leader (200 votes) has died: the votes count
/// for the list (3 full seats), but only two candidates are left, so one seat passes on (P 10)
/// and goes to list 2 by remainder. Neither remaining candidate of list 1 exceeds 50: list order.
#[test]
fn p19a_deceased_candidate() {
    let mut base = input(
        Rules::NlGemeenteraad,
        5,
        vec![
            with_candidates(1, &[200, 50, 50]),
            with_candidates(2, &[100, 50, 50]),
        ],
    );
    base.deceased = vec![CandidateRef {
        list: 1,
        position: 1,
    }];
    let result = complete(&base);
    assert_eq!(result.seats_per_list(), [2, 3]);
    assert_eq!(result.list(1).unwrap().votes, 300);
    assert_eq!(result.list(1).unwrap().elected, [2, 3]);
    assert!(result.list(1).unwrap().preference_elected.is_empty());
    assert!(
        !result.list(1).unwrap().next_in_line.contains(&1),
        "the deceased is not ranked"
    );
    assert_eq!(result.list(2).unwrap().elected, [1, 2, 3]);
    assert_eq!(result.list(2).unwrap().preference_elected, [1]);
}

/// P 19: those above the threshold who are not elected come first, by votes, then the others in
/// list order. 4 seats, quota 250, threshold 125; list 1 has 2 seats.
#[test]
fn p19_ranking_of_the_others() {
    let result = complete(&input(
        Rules::NlGemeenteraad,
        4,
        vec![
            with_candidates(1, &[10, 200, 5, 130, 150, 5]),
            with_candidates(2, &[300, 200]),
        ],
    ));
    let list1 = result.list(1).unwrap();
    assert_eq!(list1.elected, [2, 5]);
    assert_eq!(list1.next_in_line, [4, 1, 3, 6]);
    assert!(has_step(&result, |s| matches!(
        s,
        Step::NextInLine { list: 1, order, .. } if order == &[4, 1, 3, 6]
    )));
}

// ---- Flanders ------------------------------------------------------------------------------

fn flemish(number: u32, votes: u64, candidates: &[u64], list_only: Option<u64>) -> ListInput {
    ListInput {
        number,
        name: format!("Lijst {number}"),
        votes: Some(votes),
        candidates: Some(candidates.to_vec()),
        list_only_ballots: list_only,
    }
}

/// Imperiali, 2 seats: 300 → quotients 150, 100; 200 → 100. Lists 1 and 2 tie at 100 for the
/// second seat: the higher list votes win.
#[test]
fn flemish_tie_goes_to_the_higher_list_votes() {
    let result = complete(&input(
        Rules::BeVlGemeenteraad2024,
        2,
        vec![
            flemish(1, 300, &[300, 0], None),
            flemish(2, 200, &[200], None),
        ],
    ));
    assert_eq!(result.seats_per_list(), [2, 0]);
}

/// Equal list votes: the candidate at stake with more preference votes wins (90 on list 2
/// against 80 on list 1); equal again, the oldest decides, which only the caller knows.
#[test]
fn flemish_tie_then_candidates_then_the_oldest() {
    let result = complete(&input(
        Rules::BeVlGemeenteraad2024,
        1,
        vec![
            flemish(1, 200, &[50, 80], None),
            flemish(2, 200, &[90, 10], None),
        ],
    ));
    assert_eq!(result.seats_per_list(), [0, 1]);
    assert_eq!(result.list(2).unwrap().elected, [1]);

    let base = input(
        Rules::BeVlGemeenteraad2024,
        1,
        vec![flemish(1, 200, &[90], None), flemish(2, 200, &[90], None)],
    );
    let request = lot(&base);
    assert_eq!(request.kind, DecisionKind::OldestCandidate);
    assert_eq!(request.id, "LPKD-166-seat-1-oldest:1,2");
    let result = complete(&with_lot(base, &request.id, &[1, 2]));
    assert_eq!(result.seats_per_list(), [1, 0]);
}

/// LPKD art. 168: list 1 (900 votes) has two candidates; both are elected and the quotients
/// continue for list 2.
#[test]
fn flemish_list_with_too_few_candidates() {
    let result = complete(&input(
        Rules::BeVlGemeenteraad2024,
        7,
        vec![
            flemish(1, 900, &[100, 50], None),
            flemish(2, 100, &[10; 10], None),
        ],
    ));
    assert_eq!(result.seats_per_list(), [2, 5]);
    assert!(has_step(&result, |s| matches!(
        s,
        Step::ListExhausted { list: 1, .. }
    )));
    assert_eq!(result.list(1).unwrap().elected, [1, 2]);
    // Equal preference votes: list order, and the others are substitutes in the same order.
    assert_eq!(result.list(2).unwrap().elected, [1, 2, 3, 4, 5]);
    assert_eq!(result.list(2).unwrap().next_in_line, [6, 7, 8, 9, 10]);
}

/// Provincial council district: D'Hondt admits only lists with at least 5 % of the votes.
#[test]
fn flemish_provincial_threshold() {
    let lists = vec![list(1, 600), list(2, 352), list(3, 48)];
    let provincial = complete(&input(Rules::BeVlProvincieraad2024, 30, lists.clone()));
    assert_eq!(provincial.list(3).unwrap().seats, 0);
    assert!(has_step(&provincial, |s| matches!(
        s,
        Step::ElectoralThreshold { excluded, .. } if excluded == &[3]
    )));
    let dhondt = complete(&input(Rules::DHondt, 30, lists));
    assert!(
        dhondt.list(3).unwrap().seats >= 1,
        "without the threshold list 3 would sit"
    );
}

/// From 2024: by preference votes, equal votes in list order; the rest are substitutes.
#[test]
fn flemish_2024_candidates() {
    let result = complete(&input(
        Rules::BeVlGemeenteraad2024,
        3,
        vec![flemish(1, 1000, &[120, 300, 120, 90, 300], None)],
    ));
    let list1 = result.list(1).unwrap();
    assert_eq!(list1.elected, [2, 5, 1]);
    assert_eq!(list1.next_in_line, [3, 4]);
    assert_eq!(list1.preference_elected, [2, 5, 1]);
}

/// 2006–2018: 3 seats, 1000 ballots, 300 with only a list vote. Pot = 300 × 3 / 3 = 300;
/// eligibility figure = 1000 × 3 / 4 = 750. Candidate 1 (100) receives the whole pot → 400. The
/// seats go to the highest totals: 1 (400), 3 (200), 4 (80). For the substitutes the pot is
/// devolved again to those not elected, in list order: 2 (50 + 300), then 5 (30).
#[test]
fn flemish_2018_devolution() {
    let result = complete(&input(
        Rules::BeVlGemeenteraad2018,
        3,
        vec![flemish(1, 1000, &[100, 50, 200, 80, 30], Some(300))],
    ));
    let list1 = result.list(1).unwrap();
    assert_eq!(list1.elected, [1, 3, 4]);
    assert_eq!(
        list1.preference_elected,
        [3, 4],
        "3 and 4 needed no list votes"
    );
    assert_eq!(list1.next_in_line, [2, 5]);
    assert!(has_step(&result, |s| matches!(
        s,
        Step::ListVotePot { pot, eligibility_figure, .. }
            if *pot == apportion::Fraction::whole(300) && *eligibility_figure == apportion::Fraction::whole(750)
    )));
    let devolved: Vec<(u32, apportion::DevolutionPurpose, apportion::Fraction)> = result
        .steps
        .iter()
        .filter_map(|s| match s {
            Step::Devolved {
                position,
                purpose,
                devolved,
                ..
            } => Some((*position, *purpose, *devolved)),
            _ => None,
        })
        .collect();
    assert_eq!(
        devolved,
        [
            (
                1,
                apportion::DevolutionPurpose::Election,
                apportion::Fraction::whole(300)
            ),
            (
                2,
                apportion::DevolutionPurpose::Substitutes,
                apportion::Fraction::whole(300)
            ),
        ]
    );
}

// ---- Refused input and lots -----------------------------------------------------------------

#[test]
fn refused_inputs_name_the_field() {
    let nl = |lists| input(Rules::NlGemeenteraad, 5, lists);
    let cases: Vec<(Input, &str)> = vec![
        (input(Rules::DHondt, 0, vec![list(1, 5)]), "seats"),
        (nl(vec![list(1, 5), list(1, 6)]), "lists[1].number"),
        (
            nl(vec![ListInput {
                votes: Some(99),
                ..with_candidates(1, &[50, 50])
            }]),
            "lists[0].votes",
        ),
        (
            nl(vec![with_candidates(1, &[5]), list(2, 5)]),
            "lists[1].candidates",
        ),
        (
            input(
                Rules::BeVlGemeenteraad2018,
                3,
                vec![flemish(1, 10, &[5], None)],
            ),
            "lists[0].list_only_ballots",
        ),
        (
            input(
                Rules::BeVlGemeenteraad2018,
                3,
                vec![flemish(1, 10, &[5], Some(11))],
            ),
            "lists[0].list_only_ballots",
        ),
        (
            input(
                Rules::BeVlGemeenteraad2024,
                3,
                vec![flemish(1, 10, &[11], None)],
            ),
            "lists[0].candidates[0]",
        ),
        (
            input(
                Rules::DHondt,
                3,
                vec![list(1, 600_000_000_000), list(2, 600_000_000_000)],
            ),
            "lists",
        ),
    ];
    for (input, field) in cases {
        match apportion(&input) {
            Err(InputError::Invalid { field: got, .. }) => assert_eq!(got, field),
            other => panic!("{field}: {other:?}"),
        }
    }
    let mut dead = nl(vec![with_candidates(1, &[5, 5])]);
    dead.deceased = vec![CandidateRef {
        list: 1,
        position: 3,
    }];
    assert!(
        matches!(apportion(&dead), Err(InputError::Invalid { field, .. }) if field == "deceased[0]")
    );
}

#[test]
fn lots_that_do_not_fit_are_refused_and_unused_lots_reported() {
    let base = input(Rules::DHondt, 1, vec![list(1, 50), list(2, 50)]);
    let id = "DHondt-seat-1:1,2";
    assert!(matches!(
        apportion(&with_lot(base.clone(), id, &[3])),
        Err(InputError::BadLot { .. })
    ));
    assert!(matches!(
        apportion(&with_lot(base.clone(), id, &[])),
        Err(InputError::BadLot { .. })
    ));
    assert!(matches!(
        apportion(&with_lot(base.clone(), id, &[1, 1])),
        Err(InputError::BadLot { .. })
    ));
    let extra = with_lot(with_lot(base, id, &[1]), "P7-seat-9:4,5", &[4]);
    let result = complete(&extra);
    assert_eq!(result.lots_used, [id]);
    assert!(result.warnings.iter().any(|w| w.contains("P7-seat-9:4,5")));
}

#[test]
fn same_input_and_lots_same_result() {
    let base = with_lot(
        input(
            Rules::NlGemeenteraad,
            9,
            vec![list(1, 501), list(2, 200), list(3, 200), list(4, 99)],
        ),
        "P9-last-residual-seat:2,3",
        &[2],
    );
    let first = serde_json::to_string(&apportion(&base).unwrap()).unwrap();
    for _ in 0..5 {
        assert_eq!(
            serde_json::to_string(&apportion(&base).unwrap()).unwrap(),
            first
        );
    }
}

/// Hare with a list that runs out of candidates: the seats it passes on go by remainder to lists
/// with votes, never to a list without votes. 4 seats, quota 100: list 1 (300, one candidate)
/// keeps 1; list 2 (90) and list 3 (10) take remainder seats; the fourth stays empty rather than
/// go to list 4 (no votes).
#[test]
fn hare_never_gives_a_seat_to_a_list_without_votes() {
    let lists = vec![
        ListInput {
            candidates: Some(vec![0]),
            ..list(1, 300)
        },
        ListInput {
            candidates: Some(vec![0]),
            ..list(2, 90)
        },
        ListInput {
            candidates: Some(vec![0]),
            ..list(3, 10)
        },
        ListInput {
            candidates: Some(vec![0; 5]),
            ..list(4, 0)
        },
    ];
    let result = complete(&input(Rules::Hare, 4, lists));
    assert_eq!(result.seats_per_list(), [1, 1, 1, 0]);
    assert_eq!(result.unfilled_seats, 1);
}

/// The rules an election gets from its body and law version; none where Urna has no rules.
#[test]
fn rules_for_an_election() {
    use model::{Body, LawVersion};
    assert_eq!(
        Rules::for_election(Body::MunicipalCouncil, LawVersion::NlKieswet),
        Some(Rules::NlGemeenteraad)
    );
    assert_eq!(
        Rules::for_election(Body::MunicipalCouncil, LawVersion::FlandersDevolution),
        Some(Rules::BeVlGemeenteraad2018)
    );
    assert_eq!(
        Rules::for_election(Body::ProvincialCouncil, LawVersion::FlandersPreference),
        Some(Rules::BeVlProvincieraad2024)
    );
    assert_eq!(
        Rules::for_election(Body::DistrictCouncil, LawVersion::FlandersPreference),
        Some(Rules::BeVlDistrictsraad2024)
    );
    assert_eq!(
        Rules::for_election(Body::HouseOfRepresentatives, LawVersion::NlKieswet),
        None
    );
    assert_eq!(
        Rules::for_election(Body::ProvincialCouncil, LawVersion::NlKieswet),
        None
    );
}
