//! Importing `Kandidatenlijsten_TK2025_Haarlem` (23 lists, 1,029 candidates) with the TK2025
//! election definition: parsing and checking the EML, storing it in a fresh SQLite database,
//! and both together as `urna election import` does.
//!
//! Run: `cargo bench -p store --bench import`

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use eml::SourceFile;
use store::{Actor, FileRole, HashCheck, ImportedFile, Store};

fn files() -> (Vec<u8>, Vec<u8>) {
    (
        testkit::fixture("eml/real/Verkiezingsdefinitie_TK2025.eml.xml"),
        testkit::fixture("eml/real/Kandidatenlijsten_TK2025_Haarlem.eml.xml"),
    )
}

fn parse(definition: &[u8], candidates: &[u8]) -> model::Election {
    eml::import_election(
        SourceFile::new("110a", definition),
        SourceFile::new("230b", candidates),
        None,
    )
    .expect("the real files import")
}

fn imported_files(definition: &[u8], candidates: &[u8]) -> Vec<ImportedFile> {
    vec![
        ImportedFile {
            role: FileRole::Definition,
            name: "Verkiezingsdefinitie_TK2025.eml.xml".into(),
            bytes: definition.to_vec(),
            hash_check: HashCheck::FullHashCode,
        },
        ImportedFile {
            role: FileRole::CandidateLists,
            name: "Kandidatenlijsten_TK2025_Haarlem.eml.xml".into(),
            bytes: candidates.to_vec(),
            hash_check: HashCheck::FullHashCode,
        },
    ]
}

fn bench(c: &mut Criterion) {
    let (definition, candidates) = files();
    let election = parse(&definition, &candidates);
    assert_eq!(election.candidate_count(), 1029);
    let actor = Actor::new("bench", "criterion");

    let mut group = c.benchmark_group("import TK2025 Haarlem (1,029 candidates)");
    group.sample_size(30);
    group.measurement_time(std::time::Duration::from_secs(10));

    group.bench_function("parse and check EML (110a + 230b)", |b| {
        b.iter(|| parse(&definition, &candidates))
    });

    group.bench_function("store in a fresh database", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temp dir");
                let store = Store::open_or_create(dir.path()).expect("store");
                (
                    dir,
                    store,
                    election.clone(),
                    imported_files(&definition, &candidates),
                )
            },
            |(dir, store, election, files)| {
                store
                    .import_election(&actor, election, files)
                    .expect("import");
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });

    group.bench_function("parse, check and store (urna election import)", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temp dir");
                let store = Store::open_or_create(dir.path()).expect("store");
                (dir, store)
            },
            |(dir, store)| {
                let election = parse(&definition, &candidates);
                store
                    .import_election(&actor, election, imported_files(&definition, &candidates))
                    .expect("import");
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
