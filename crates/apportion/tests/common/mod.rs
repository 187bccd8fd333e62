//! Helpers shared by the integration tests: reading the published results in `fixtures/results`
//! into an [`Input`], and running an apportionment that is expected to complete or to stop at a
//! lot.

// Each test binary includes this module and uses only part of it.
#![allow(dead_code)]

use apportion::{Apportionment, Fraction, Input, ListInput, LotRequest, Outcome, Rules, apportion};
use serde_json::Value;

/// A results file from `fixtures/results/{country}/`.
pub fn load(country: &str, name: &str) -> Value {
    serde_json::from_slice(&testkit::fixture(&format!("results/{country}/{name}"))).unwrap()
}

/// A fraction stored as `{"num": .., "den": ..}`.
pub fn fraction(value: &Value) -> Fraction {
    Fraction::new(
        value["num"].as_u64().unwrap().into(),
        value["den"].as_u64().unwrap().into(),
    )
}

/// The input a results file describes, under `rules`. Lists without a number in the file (older
/// sources) are numbered in file order; candidates' votes are taken where the file has them.
pub fn input(data: &Value, rules: Rules) -> Input {
    Input {
        rules,
        seats: data["seats"].as_u64().unwrap() as u32,
        lists: data["lists"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(index, list)| ListInput {
                number: list["list_number"]
                    .as_u64()
                    .map_or(index as u32 + 1, |n| n as u32),
                name: list["name"].as_str().unwrap().to_string(),
                votes: Some(list["votes"].as_u64().unwrap()),
                candidates: list["candidates"].as_array().map(|candidates| {
                    candidates
                        .iter()
                        .map(|c| c["votes"].as_u64().unwrap())
                        .collect()
                }),
                list_only_ballots: None,
            })
            .collect(),
        deceased: vec![],
        lots: vec![],
    }
}

/// The apportionment of `input`, which must not need a lot.
pub fn complete(input: &Input) -> Apportionment {
    match apportion(input).unwrap() {
        Outcome::Complete(result) => result,
        Outcome::LotRequired(required) => panic!(
            "{:?}: unexpected lot {:?}",
            input.lists.iter().map(|l| l.votes).collect::<Vec<_>>(),
            required.lots_required
        ),
    }
}

/// The lot `input` stops at; it must need one.
pub fn lot(input: &Input) -> LotRequest {
    let outcome = apportion(input).unwrap();
    outcome.lot_required().cloned().unwrap_or_else(|| {
        panic!(
            "expected a lot, got {:?}",
            outcome.complete().map(Apportionment::seats_per_list)
        )
    })
}
