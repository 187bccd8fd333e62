//! What the web crate's benchmarks share: settings from the environment, percentiles, and Assen's
//! election (or a House-of-Representatives ballot) with as many polling stations as a benchmark
//! needs.

// Each benchmark includes this module and uses only part of it.
#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;

use store::{Actor, Store};

/// A whole number from the environment variable `name`, or `default`.
pub fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The `p`-th quantile (0 to 1) of sorted durations, nearest rank; zero for none.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

/// A fresh store with Assen's 2026 election (the real definition and candidate lists) given
/// `stations` polling stations, each with `voters` registered voters; returns the election as
/// imported.
pub fn assen_store(
    stations: u32,
    voters: Option<u32>,
) -> (tempfile::TempDir, Arc<Store>, model::Election) {
    let definition =
        testkit::fixture("eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml");
    let candidates = testkit::fixture("eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml");
    store_with(&definition, &candidates, stations, voters, 0)
}

/// Candidates on the ballot of [`house_store`]: as many as the House of Representatives' largest
/// ballots (1,579 in 2021).
pub const HOUSE_CANDIDATES: usize = 1_500;

/// A fresh store with a House-of-Representatives ballot: the real TK2025 election with the
/// real candidate lists of Nijmegen's electoral district (24 lists, 1,085 candidates), each
/// list lengthened with invented candidates in turn until the ballot has
/// [`HOUSE_CANDIDATES`]; `stations` polling stations.
pub fn house_store(stations: u32) -> (tempfile::TempDir, Arc<Store>, model::Election) {
    let definition = testkit::fixture("eml/real/Verkiezingsdefinitie_TK2025.eml.xml");
    let candidates = testkit::fixture("eml/real/Kandidatenlijsten_TK2025_Nijmegen.eml.xml");
    store_with(&definition, &candidates, stations, None, HOUSE_CANDIDATES)
}

fn store_with(
    definition: &[u8],
    candidates: &[u8],
    stations: u32,
    voters: Option<u32>,
    at_least: usize,
) -> (tempfile::TempDir, Arc<Store>, model::Election) {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open_or_create(dir.path()).unwrap());
    let mut election = eml::import_election(
        eml::SourceFile::new("110a", definition),
        eml::SourceFile::new("230b", candidates),
        None,
    )
    .unwrap();
    let lists = &mut election.contests[0].lists;
    let mut total: usize = lists.iter().map(|l| l.candidates.len()).sum();
    let mut turn = 0;
    while total < at_least {
        let count = lists.len();
        let list = &mut lists[turn % count];
        let position = list.candidates.len() + 1;
        list.candidates.push(model::Candidate {
            position: model::CandidatePosition::new(u32::try_from(position).unwrap()).unwrap(),
            initials: Some("K.".into()),
            first_name: None,
            prefix: None,
            last_name: format!("Kandidaat {position}"),
            gender: None,
            locality: Some("Nijmegen".into()),
            country: None,
        });
        total += 1;
        turn += 1;
    }
    election.polling_stations = (1..=stations)
        .map(|n| model::PollingStation {
            number: model::PollingStationNumber::new(n).unwrap(),
            name: format!("Stembureau {n}"),
            kind: None,
            address: model::Address::default(),
            voters,
            contest: None,
        })
        .collect();
    store
        .import_election(&Actor::new("bench", "setup"), election.clone(), Vec::new())
        .unwrap();
    (dir, store, election)
}
