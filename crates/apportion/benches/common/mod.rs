//! The benchmarks' shared input: all 311 municipal councils of 2022, ready to apportion.

use apportion::{Input, ListInput, Lot, Outcome, Rules, apportion};
use serde_json::Value;

/// The 311 inputs, with the one candidate lot of the data set (Geertruidenberg) already drawn,
/// so that every run computes a complete result.
pub fn inputs() -> Vec<Input> {
    let data: Value = serde_json::from_slice(&testkit::fixture(
        "results/nl/nl-gr2022-all-municipalities-compact.json",
    ))
    .expect("the fixture parses");
    let municipalities = data["municipalities"].as_array().expect("a list");
    municipalities
        .iter()
        .map(|m| {
            let mut input = Input {
                rules: Rules::NlGemeenteraad,
                seats: m["seats"].as_u64().unwrap_or(0) as u32,
                lists: m["lists"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|l| ListInput {
                        number: l["list_number"].as_u64().unwrap_or(0) as u32,
                        name: l["name"].as_str().unwrap_or("").to_string(),
                        votes: None,
                        candidates: Some(
                            l["candidate_votes"]
                                .as_array()
                                .into_iter()
                                .flatten()
                                .map(|v| v.as_u64().unwrap_or(0))
                                .collect(),
                        ),
                        list_only_ballots: None,
                    })
                    .collect(),
                deceased: vec![],
                lots: vec![],
            };
            while let Ok(Outcome::LotRequired(required)) = apportion(&input) {
                input.lots.push(Lot {
                    id: required.lots_required.id,
                    order: required.lots_required.options,
                });
            }
            input
        })
        .collect()
}

/// Seats and elected candidates of every council, each with every step recorded; the seats
/// added up, so that nothing can be optimised away.
#[inline(never)]
pub fn allocate_all(inputs: &[Input]) -> u32 {
    inputs
        .iter()
        .map(|input| match apportion(input) {
            Ok(Outcome::Complete(result)) => result.seats,
            _ => 0,
        })
        .sum()
}
