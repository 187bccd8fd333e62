//! Kieswet chapter P step by step against the worked municipalities in the reference data:
//! quota, threshold, full seats and remainders, every residual seat in order with its method and
//! value, the absolute-majority correction, and the elected candidates in order of election.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

mod common;

use apportion::{Apportionment, Fraction, Input, Lot, Method, Rules, Step};
use common::{complete, fraction, lot};
use serde_json::Value;

fn load(name: &str) -> Value {
    common::load("nl", name)
}

/// The input under the rules of a municipal council.
fn input(data: &Value) -> Input {
    common::input(data, Rules::NlGemeenteraad)
}

fn number_of(data: &Value, name: &str) -> u32 {
    let lists = data["lists"].as_array().unwrap();
    let index = lists
        .iter()
        .position(|l| l["name"].as_str().unwrap().starts_with(name))
        .unwrap_or_else(|| panic!("no list named {name}"));
    lists[index]["list_number"]
        .as_u64()
        .map_or(index as u32 + 1, |n| n as u32)
}

/// Checks everything the file records against the computed steps and result.
fn check(name: &str) -> Apportionment {
    let data = load(name);
    let result = complete(&input(&data));
    let steps = &result.steps;

    let quota = steps.iter().find_map(|s| match s {
        Step::Quota { quota, .. } => Some(*quota),
        _ => None,
    });
    assert_eq!(
        quota,
        Some(fraction(&data["quota_kiesdeler"])),
        "{name}: quota"
    );

    let full_seats = steps
        .iter()
        .find_map(|s| match s {
            Step::FullSeats { lists, .. } => Some(lists.clone()),
            _ => None,
        })
        .unwrap();
    for (line, expected) in full_seats.iter().zip(data["lists"].as_array().unwrap()) {
        assert_eq!(
            line.full_seats,
            expected["full_seats"].as_u64().unwrap() as u32,
            "{name}: full seats of list {}",
            line.list
        );
        if expected.get("remainder").is_some() {
            assert_eq!(
                line.remainder,
                fraction(&expected["remainder"]),
                "{name}: remainder"
            );
        }
    }

    let residual: Vec<(Method, u32, Fraction)> = steps
        .iter()
        .filter_map(|s| match s {
            Step::SeatAssigned {
                method,
                list,
                value,
                ..
            } => Some((*method, *list, *value)),
            _ => None,
        })
        .collect();
    let expected: Vec<(&str, u32, Fraction)> = data["residual_seat_steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|step| {
            let list_name = step["list"].as_str().unwrap();
            (
                step["method"].as_str().unwrap(),
                number_of(&data, list_name),
                fraction(&step["value"]),
            )
        })
        .collect();
    assert_eq!(
        residual.len(),
        expected.len(),
        "{name}: residual seats {residual:?}"
    );
    for ((method, list, value), (expected_method, expected_list, expected_value)) in
        residual.iter().zip(&expected)
    {
        let method_ok = match *expected_method {
            "LR" => *method == Method::LargestRemainder,
            _ => matches!(
                method,
                Method::HighestAverage | Method::HighestAverageOnePerList
            ),
        };
        assert!(method_ok, "{name}: method {method:?} vs {expected_method}");
        assert_eq!(
            (list, value),
            (expected_list, expected_value),
            "{name}: residual seat"
        );
    }

    for (list, expected) in result.lists.iter().zip(data["lists"].as_array().unwrap()) {
        assert_eq!(
            list.seats,
            expected["seats_expected"].as_u64().unwrap() as u32,
            "{name}: seats of list {}",
            list.number
        );
    }

    if let Some(threshold) = data
        .get("preference_threshold")
        .filter(|_| data["lists"][0].get("candidates").is_some())
    {
        let computed = steps.iter().find_map(|s| match s {
            Step::PreferenceThreshold { threshold, .. } => Some(*threshold),
            _ => None,
        });
        assert_eq!(
            computed,
            Some(fraction(threshold)),
            "{name}: preference threshold"
        );
    }
    result
}

fn positions(value: &Value) -> Vec<u32> {
    // Lists without seats record `null`.
    value
        .as_array()
        .map(|values| values.iter().map(|v| v.as_u64().unwrap() as u32).collect())
        .unwrap_or_default()
}

/// The elected candidates, in order of election, as recorded in the file.
fn check_elected(name: &str, result: &Apportionment, skip_list: Option<u32>) {
    let data = load(name);
    for (list, expected) in result.lists.iter().zip(data["lists"].as_array().unwrap()) {
        if Some(list.number) == skip_list {
            continue;
        }
        assert_eq!(
            list.elected,
            positions(&expected["elected_positions_computed"]),
            "{name}: elected on list {}",
            list.number
        );
        assert_eq!(
            list.preference_elected,
            positions(&expected["preference_elected_positions_computed"]),
            "{name}: preference-elected on list {}",
            list.number
        );
    }
}

#[test]
fn vlieland_smallest_council() {
    let result = check("nl-gr2022-vlieland.json");
    check_elected("nl-gr2022-vlieland.json", &result, None);
}

#[test]
fn beek_and_mook_the_three_quarter_threshold_decides() {
    for name in ["nl-gr2022-beek.json", "nl-gr2022-mookenmiddelaar.json"] {
        let result = check(name);
        check_elected(name, &result, None);
        let excluded = result.steps.iter().find_map(|s| match s {
            Step::RemainderThreshold { excluded, .. } => Some(excluded.clone()),
            _ => None,
        });
        assert!(
            !excluded.unwrap().is_empty(),
            "{name}: a list is below ¾ of the quota"
        );
    }
    // Beek: Sociaal Belang (296 votes, remainder larger than Belang van Beek's) is excluded.
    let beek = load("nl-gr2022-beek.json");
    let sociaal_belang = number_of(&beek, "Sociaal Belang");
    let result = complete(&input(&beek));
    assert_eq!(result.list(sociaal_belang).unwrap().seats, 0);
}

#[test]
fn enkhuizen_a_list_without_a_name() {
    let result = check("nl-gr2022-enkhuizen.json");
    check_elected("nl-gr2022-enkhuizen.json", &result, None);
    let unnamed = result.lists.iter().find(|l| l.name.is_empty()).unwrap();
    assert_eq!((unnamed.number, unnamed.seats), (10, 1));
}

#[test]
fn west_maas_en_waal_and_krimpenerwaard() {
    for name in [
        "nl-gr2022-westmaasenwaal.json",
        "nl-gr2022-krimpenerwaard.json",
    ] {
        let result = check(name);
        check_elected(name, &result, None);
    }
}

#[test]
fn reusel_de_mierden_absolute_majority_p9() {
    let name = "nl-gr2022-reuseldemierden.json";
    let result = check(name);
    check_elected(name, &result, None);
    let p9 = result
        .steps
        .iter()
        .find_map(|s| match s {
            Step::AbsoluteMajority {
                list,
                taken_from,
                seats_before,
                ..
            } => Some((*list, *taken_from, *seats_before)),
            _ => None,
        })
        .expect("P 9 applies");
    // Samenwerking (list 1, 2571 of 5104 votes, 7 of 15 seats) takes PvdA's (list 4) seat.
    assert_eq!(p9, (1, Some(4), 7));
    assert_eq!(result.list(1).unwrap().seats, 8);
    assert_eq!(result.list(4).unwrap().seats, 1);
}

#[test]
fn geertruidenberg_candidate_tie_needs_a_lot() {
    let name = "nl-gr2022-geertruidenberg.json";
    let data = load(name);
    let mut input = input(&data);
    // Positions 2 and 4 of Morgen! are tied for its last seat.
    let request = lot(&input);
    assert_eq!(request.article, "Kieswet P 15");
    assert_eq!(
        (
            request.list,
            request.options.clone(),
            request.seats_at_stake
        ),
        (Some(3), vec![2, 4], 1)
    );

    // Whichever is drawn, the rest of the result is the published one.
    for (drawn, expected) in [(vec![4, 2], vec![1, 5, 4]), (vec![2, 4], vec![1, 5, 2])] {
        input.lots = vec![Lot {
            id: request.id.clone(),
            order: drawn,
        }];
        let result = complete(&input);
        assert_eq!(result.list(3).unwrap().elected, expected);
        assert_eq!(result.lots_used, vec![request.id.clone()]);
        check_elected(name, &result, Some(3));
    }
}

/// Older sources with list votes only: the seats (no candidates, so no candidate election).
#[test]
fn apeldoorn_2018_and_amsterdam_2022_seats_only() {
    for name in ["nl-gr2018-apeldoorn.json", "nl-gr2022-amsterdam.json"] {
        let result = check(name);
        assert!(
            result.warnings.iter().any(|w| w.contains("only the seats")),
            "{name}"
        );
        assert!(result.lists.iter().all(|l| l.elected.is_empty()));
    }
    // Amsterdam: Forum voor Democratie takes a residual seat without a full seat.
    let amsterdam = load("nl-gr2022-amsterdam.json");
    let fvd = number_of(&amsterdam, "Forum voor Democratie");
    let result = complete(&input(&amsterdam));
    let fvd_result = result.list(fvd).unwrap();
    assert_eq!((fvd_result.full_seats, fvd_result.seats), (Some(0), 1));
}
