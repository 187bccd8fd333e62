//! Benchmark: the packages of every polling station in Flanders (6,000), built, signed and
//! written to disk as the ceremony does (streamed): time, peak memory and total size. Run with `cargo bench -p seal --bench packages`
//! (`URNA_BENCH_STATIONS=600` for a shorter run).
//!
//! Each package holds the definition of Lindeveld (a fictional Flemish municipality with 8 lists
//! and 170 candidates), so its size is that of a real municipal package. Making a
//! package costs one Argon2id verifier (19 MiB, 2 passes: the price of a password check that
//! resists guessing), one scrypt lock of the office key and one Ed25519 signature; the ceremony
//! spreads them over the cores. One run, not a statistical sample: at this size a run takes
//! minutes and varies little.

// A benchmark fails by panicking.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::time::Instant;

use seal::ceremony::{Common, files, prepare_offices_streaming};
use seal::lock::ElectionKey;
use seal::package::{ElectionRef, Office};
use seal::signing::SigningKey;
use seal::stick::{self, Target};

/// The same allocator as the `urna` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let stations: u32 = std::env::var("URNA_BENCH_STATIONS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(6000);
    let election = flanders::read_definition(
        "GR2024_Lindeveld.json",
        &testkit::fixture("flanders/GR2024_Lindeveld.json"),
    )
    .unwrap();
    let common = Common {
        election: ElectionRef {
            id: election.id.clone(),
            name: election.name.clone(),
        },
        files: BTreeMap::from([
            (
                files::ELECTION.to_string(),
                serde_json::to_vec_pretty(&election).unwrap(),
            ),
            (
                files::BALLOT.to_string(),
                serde_json::to_vec_pretty(&model::ballot::BallotLayout::of(&election)).unwrap(),
            ),
        ]),
        election_key: ElectionKey::generate().public(),
    };
    let authority = SigningKey::generate();
    let offices: Vec<Office> = (1..=stations)
        .map(|number| Office::PollingStation {
            number,
            name: format!("Stembureau {number}"),
        })
        .collect();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    eprintln!("{stations} packages on {cores} cores …");

    // As `urna ceremony packages` makes them: streamed, each package written (one directory,
    // `fsync` per file) while the next ones are made, and then dropped.
    let dir = tempfile::tempdir().unwrap();
    let start = Instant::now();
    let none = |_: &Office, _: &seal::signing::PublicKey| Ok(BTreeMap::new());
    let sizes = prepare_offices_streaming(
        &common,
        offices,
        &authority,
        "2026-11-23T10:00:00Z",
        &none,
        |office| -> Result<u64, seal::ceremony::CeremonyError> {
            let entries = office.package.entries();
            let target =
                Target::Directory(dir.path().join(office.credential.office.code().to_string()));
            stick::write(&target, &entries, &mut |_, _| {}).unwrap();
            Ok(entries.values().map(|b| b.len() as u64).sum())
        },
    )
    .unwrap();
    let took = start.elapsed();
    let bytes: u64 = sizes.iter().sum();

    println!(
        "packages: {stations}; built, signed and written (fsync per file), streamed: {:.1} s \
         ({:.1} ms per package, {:.1} per second); peak memory (VmHWM): {}; total size: {:.1} MiB \
         ({:.1} KiB per package)",
        took.as_secs_f64(),
        took.as_secs_f64() * 1000.0 / f64::from(stations),
        f64::from(stations) / took.as_secs_f64(),
        peak_memory().unwrap_or_else(|| "unknown".into()),
        bytes as f64 / (1024.0 * 1024.0),
        bytes as f64 / 1024.0 / f64::from(stations),
    );
}

/// The process's peak resident memory so far, as Linux counts it (`VmHWM`), e.g. `61 MiB`.
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kib: u64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(format!("{} MiB", kib / 1024))
}
