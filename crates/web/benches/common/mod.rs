//! What the web crate's benchmarks share: settings from the environment, percentiles, and Assen's
//! election with as many polling stations as a benchmark needs.

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
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open_or_create(dir.path()).unwrap());
    let definition =
        testkit::fixture("eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml");
    let candidates = testkit::fixture("eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml");
    let mut election = eml::import_election(
        eml::SourceFile::new("110a", &definition),
        eml::SourceFile::new("230b", &candidates),
        None,
    )
    .unwrap();
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
