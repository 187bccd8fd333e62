//! Benchmark: a municipality's complete set of result documents as the coordinator's "record the
//! result" makes and stores them — the 510b and OSV4-3 table of the count, the decisions, the
//! 510d and 520, Na 31-2 with its Bijlage 1, P 22-2 and the notices of appointment — for Assen
//! 2026 (44 polling stations, 380 candidates) and Groningen 2022 (180 polling stations, 415
//! candidates), from their real published counts typed twice.
//!
//! `cargo bench -p office --bench documents` (`URNA_BENCH_RUNS=N` runs each, default 5). Each
//! run starts from a fresh store with every count definitive, so every document is made from
//! scratch; the median and the range are printed, with the sizes of the files.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use model::count::CountForm;
use model::entry::{Acknowledgements, Typist};
use office::{Office, Operator};
use store::{Actor, NewUser, Role, Store};
use testkit::fixture;

struct Municipality {
    name: &'static str,
    definition: &'static str,
    candidates: &'static str,
    count: &'static str,
}

const MUNICIPALITIES: [Municipality; 2] = [
    Municipality {
        name: "Assen 2026",
        definition: "eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml",
        candidates: "eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml",
        count: "eml/real/Telling_GR2026_Assen.eml.xml",
    },
    Municipality {
        name: "Groningen 2022",
        definition: "eml/composed/Verkiezingsdefinitie_GR2022_Groningen.composed.eml.xml",
        candidates: "eml/real/Kandidatenlijsten_GR2022_Groningen.eml.xml",
        count: "eml/real/Telling_GR2022_Groningen.eml.xml",
    },
];

/// A fresh store with `municipality`'s election and every published count typed twice.
fn typed(municipality: &Municipality) -> (tempfile::TempDir, Office, model::ElectionId) {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open_or_create(dir.path()).unwrap());
    let setup = Actor::new("bench", "setup");
    let mut election = eml::import_election(
        eml::SourceFile::new("110a", &fixture(municipality.definition)),
        eml::SourceFile::new("230b", &fixture(municipality.candidates)),
        None,
    )
    .unwrap();
    let count = fixture(municipality.count);
    let file = eml::SourceFile::new("510b", &count);
    election.polling_stations = eml::read_count_polling_stations(file, &election).unwrap();
    let published = eml::read_polling_station_counts(file, &election).unwrap();
    let id = election.id.clone();
    let contest = election.contests[0].clone();
    store.import_election(&setup, election, Vec::new()).unwrap();
    let typists: Vec<Operator> = ["anna", "bert"]
        .into_iter()
        .map(|name| {
            let user = store
                .create_user(
                    &setup,
                    NewUser {
                        username: name.into(),
                        full_name: name.into(),
                        role: Role::Typist,
                        password_hash: "not used".into(),
                        must_change_password: false,
                    },
                )
                .unwrap();
            Operator {
                actor: Actor::new("web", name),
                typist: Typist {
                    id: user.id,
                    username: user.username,
                },
            }
        })
        .collect();
    let office = Office::new(store);
    for (station, count) in &published {
        let fields = CountForm::Netherlands(count.clone()).submitted(&contest);
        for typist in &typists {
            let claimed = office.claim(typist, &id, *station).unwrap();
            let (version, _) = office
                .save(typist, &id, *station, claimed.stored.version, &fields)
                .unwrap();
            let acknowledged = Acknowledgements {
                warnings: true,
                errors: false,
            };
            office
                .finalise(typist, &id, *station, version, None, acknowledged)
                .unwrap();
        }
    }
    (dir, office, id)
}

fn main() {
    let runs = std::env::var("URNA_BENCH_RUNS")
        .ok()
        .and_then(|runs| runs.parse().ok())
        .unwrap_or(5usize)
        .max(1);
    let coordinator = Actor::new("web", "coordinator");
    for municipality in &MUNICIPALITIES {
        let mut times: Vec<Duration> = Vec::new();
        let mut files = Vec::new();
        for _ in 0..runs {
            let (_dir, office, id) = typed(municipality);
            let start = Instant::now();
            files = office.result_documents(&coordinator, &id).unwrap();
            times.push(start.elapsed());
        }
        times.sort();
        println!(
            "{}: the complete set of {} files in {:.0} ms (median of {runs}; {:.0}–{:.0} ms)",
            municipality.name,
            files.len(),
            times[times.len() / 2].as_secs_f64() * 1e3,
            times[0].as_secs_f64() * 1e3,
            times[times.len() - 1].as_secs_f64() * 1e3,
        );
        for file in &files {
            println!("  {:>10} bytes  {}", file.bytes.len(), file.name);
        }
    }
}
