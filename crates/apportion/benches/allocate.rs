//! Seats and elected candidates for all 311 municipal councils of 2022 (Kieswet chapter P), each
//! with every step recorded.
//!
//! Run: `cargo bench -p apportion --bench allocate`

use apportion::{Input, ListInput, Lot, Outcome, Rules, apportion};
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::Value;

/// The 311 inputs, with the one candidate lot of the data set (Geertruidenberg) already drawn,
/// so that every run computes a complete result.
fn inputs() -> Vec<Input> {
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

fn bench(c: &mut Criterion) {
    let inputs = inputs();
    assert_eq!(inputs.len(), 311);
    let mut group = c.benchmark_group("Kieswet chapter P");
    group.sample_size(50);
    group.measurement_time(std::time::Duration::from_secs(10));
    group.bench_function("all 311 municipalities of 2022", |b| {
        b.iter(|| {
            inputs
                .iter()
                .map(|input| match apportion(input) {
                    Ok(Outcome::Complete(result)) => result.seats,
                    _ => 0,
                })
                .sum::<u32>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
