//! The Flemish seat allocation against published results: Imperiali for municipal councils
//! (Heist-op-den-Berg 2012, Gent 2018, and Mesen, Ninove and Herstappe 2018, whose sources give
//! shares only), and D'Hondt where the files record what it would give.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

mod common;

use apportion::{Input, Rules, Step};
use common::{complete, fraction, input, lot};
use serde_json::Value;

const FILES: [&str; 5] = [
    "be-gr2012-heist-op-den-berg.json",
    "be-gr2018-gent.json",
    "be-gr2018-herstappe.json",
    "be-gr2018-mesen.json",
    "be-gr2018-ninove.json",
];

fn load(name: &str) -> Value {
    common::load("be", name)
}

fn seats(input: &Input) -> (Vec<u32>, Vec<Step>) {
    let result = complete(input);
    (result.seats_per_list(), result.steps)
}

#[test]
fn imperiali_reproduces_every_published_municipal_council() {
    for name in FILES {
        let data = load(name);
        let rules = if name.contains("2012") || name.contains("2018") {
            Rules::BeVlGemeenteraad2018
        } else {
            Rules::BeVlGemeenteraad2024
        };
        let expected: Vec<u32> = data["lists"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["seats_expected"].as_u64().unwrap() as u32)
            .collect();
        let (got, steps) = seats(&input(&data, rules));
        assert_eq!(got, expected, "{name}");
        // The last seat's quotient, where the file records it (the "kiesdeler" of Imperiali).
        let last = data
            .get("last_quotient")
            .or_else(|| data.get("last_quotient_kiesdeler"));
        if let Some(last) = last {
            let quotient = steps
                .iter()
                .rev()
                .find_map(|s| match s {
                    Step::SeatAssigned { value, .. } => Some(*value),
                    _ => None,
                })
                .unwrap();
            assert_eq!(quotient, fraction(last), "{name}: last quotient");
        }
    }
}

#[test]
fn dhondt_gives_what_the_files_say_it_would() {
    for name in FILES {
        let data = load(name);
        let Some(dhondt) = data.get("dhondt_would_give") else {
            continue;
        };
        let expected: Vec<u32> = dhondt
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as u32)
            .collect();
        // The district-council rules use D'Hondt with the decree's tie rule.
        let (district, _) = seats(&input(&data, Rules::BeVlDistrictsraad2024));
        assert_eq!(district, expected, "{name}: district council rules");
        // The general method agrees wherever no lot is needed.
        if name != "be-gr2018-ninove.json" {
            let (got, _) = seats(&input(&data, Rules::DHondt));
            assert_eq!(got, expected, "{name}");
        }
    }
}

/// Ninove's shares give D'Hondt a tie for the last seat (224/8 = 84/3 = 28): the general method
/// asks for a lot, the Flemish rule gives it to the list with the higher list votes.
#[test]
fn a_tie_for_the_last_seat() {
    let data = load("be-gr2018-ninove.json");
    let mut general = input(&data, Rules::DHondt);
    let request = lot(&general);
    assert_eq!(
        (request.options.clone(), request.seats_at_stake),
        (vec![3, 4], 1)
    );
    assert_eq!(request.id, "DHondt-seat-33:3,4");
    general.lots = vec![apportion::Lot {
        id: request.id.clone(),
        order: vec![4],
    }];
    let (drawn, steps) = seats(&general);
    assert_eq!(
        drawn,
        [14, 9, 7, 3, 0, 0],
        "the lot gave the seat to list 4"
    );
    assert!(
        steps
            .iter()
            .any(|s| matches!(s, Step::LotApplied { id, .. } if *id == request.id))
    );

    let (flemish, steps) = seats(&input(&data, Rules::BeVlDistrictsraad2024));
    assert_eq!(flemish, [14, 9, 8, 2, 0, 0]);
    let note = steps.iter().rev().find_map(|s| match s {
        Step::SeatAssigned {
            tie: Some(note), ..
        } => Some(note.clone()),
        _ => None,
    });
    let note = note.unwrap();
    assert_eq!(note.between, [3, 4]);
    assert_eq!(note.decided_by, [apportion::TieBreak::ListVotes]);
}
