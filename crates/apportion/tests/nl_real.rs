//! Kieswet chapter P against every municipal council of 2022 in the published data: the seats
//! per list and the number of candidates elected by preference votes per list must equal the
//! Electoral Council's results (EML 520), for all 311 municipalities.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use apportion::{Between, Input, ListInput, Lot, Outcome, Rules, apportion};
use serde_json::Value;

fn municipalities() -> Vec<Value> {
    let data: Value = serde_json::from_slice(&testkit::fixture(
        "results/nl/nl-gr2022-all-municipalities-compact.json",
    ))
    .unwrap();
    data["municipalities"].as_array().unwrap().clone()
}

fn input(municipality: &Value) -> Input {
    Input {
        rules: Rules::NlGemeenteraad,
        seats: municipality["seats"].as_u64().unwrap() as u32,
        lists: municipality["lists"]
            .as_array()
            .unwrap()
            .iter()
            .map(|list| ListInput {
                number: list["list_number"].as_u64().unwrap() as u32,
                name: list["name"].as_str().unwrap_or("").to_string(),
                votes: Some(list["votes"].as_u64().unwrap()),
                candidates: Some(
                    list["candidate_votes"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_u64().unwrap())
                        .collect(),
                ),
                list_only_ballots: None,
            })
            .collect(),
        deceased: vec![],
        lots: vec![],
    }
}

/// Runs the rules; a lot between candidates (P 15) is drawn in list order, which cannot change
/// how many are elected by preference. Returns how many lots were needed.
fn run(mut input: Input) -> (apportion::Apportionment, usize) {
    let mut lots = 0;
    loop {
        match apportion(&input).unwrap() {
            Outcome::Complete(result) => return (result, lots),
            Outcome::LotRequired(required) => {
                let request = required.lots_required;
                assert_eq!(
                    request.between,
                    Between::Candidates,
                    "a lot between lists was not expected: {request:?}"
                );
                lots += 1;
                input.lots.push(Lot {
                    id: request.id,
                    order: request.options,
                });
            }
        }
    }
}

#[test]
fn all_311_municipalities_of_2022() {
    let municipalities = municipalities();
    assert_eq!(municipalities.len(), 311);
    let mut mismatches = Vec::new();
    let mut with_lots = Vec::new();
    for municipality in &municipalities {
        let name = municipality["municipality"].as_str().unwrap();
        let (result, lots) = run(input(municipality));
        if lots > 0 {
            with_lots.push(name.to_string());
        }
        assert_eq!(result.unfilled_seats, 0, "{name}");
        for (expected, got) in municipality["lists"]
            .as_array()
            .unwrap()
            .iter()
            .zip(&result.lists)
        {
            let seats = expected["seats_expected"].as_u64().unwrap() as u32;
            let preference = expected["preference_elected"].as_u64().unwrap() as usize;
            if got.seats != seats || got.preference_elected.len() != preference {
                mismatches.push(format!(
                    "{name} list {}: seats {} (published {seats}), preference-elected {} (published {preference})",
                    got.number,
                    got.seats,
                    got.preference_elected.len()
                ));
            }
        }
        let total: u32 = result.lists.iter().map(|l| l.seats).sum();
        assert_eq!(total, result.seats, "{name}");
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    // Ties between candidates at the last preference seat are rare but real (Geertruidenberg).
    assert!(
        with_lots.contains(&"Geertruidenberg".to_string()),
        "{with_lots:?}"
    );
}
