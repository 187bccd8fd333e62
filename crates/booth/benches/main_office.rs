//! Benchmark: the main office reads 1,000 polling stations' sticks (two mirrors each) holding
//! 1,000,000 votes, verifies every package, poll, result and ballot box, compares the mirrors
//! and totals. Run with `cargo bench -p booth --bench main_office`
//! (`URNA_BENCH_STATIONS=100 URNA_BENCH_VOTES=1000` for a shorter run).
//!
//! The sticks are made first by the real machines (a ceremony for Lindeveld with as many
//! polling stations; per station a president machine, a voting computer printing each ballot's
//! code, the ballot box recording it encrypted), on in-memory sticks written out at closing, and
//! kept under `target/bench-data/` for the next run. The timed part starts from the directories:
//! reading them (from the page cache after the first pass), checking and totalling.

// A benchmark fails by panicking.
#![allow(clippy::unwrap_used)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;

use booth::PresidentMachine;
use booth::choice::Choice;
use booth::main_office::{self, StickCopy};
use booth::sticks::Sticks;
use rayon::prelude::*;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn env(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(default)
}

/// The `index`-th vote of a station: spread over lists, list votes, preference votes and blank.
fn vote(index: u32, station: u32, ballot: &model::ballot::BallotContest) -> Choice {
    let mix = index
        .wrapping_mul(2_654_435_761)
        .wrapping_add(station.wrapping_mul(40_503));
    if mix.is_multiple_of(41) {
        return Choice::Blank;
    }
    let list = &ballot.lists[(mix as usize / 7) % ballot.lists.len()];
    let marks = (mix / 3) % 4;
    let candidates = (0..marks)
        .map(|k| list.candidates[((mix >> (k * 5)) as usize) % list.candidates.len()].position)
        .collect();
    Choice::candidates(list.number, candidates)
}

fn make_sticks(root: &Path, stations: u32, votes: u32) {
    let mut election = common::lindeveld();
    let template = election.polling_stations[0].clone();
    election.polling_stations = (1..=stations)
        .map(|number| {
            let mut station = template.clone();
            station.number = model::ids::PollingStationNumber::new(number).unwrap();
            station.name = format!("Stembureau {number}");
            station
        })
        .collect();
    let numbers: Vec<u32> = (1..=stations).collect();
    let ceremony = common::ceremony(election, &numbers);
    numbers.par_iter().for_each(|&station| {
        let day = ceremony.day(station);
        let password = ceremony.password(station);
        let keys = day.unlock(std::slice::from_ref(&password)).unwrap();
        let sticks = Sticks::in_memory();
        let mut president =
            PresidentMachine::open(day, keys, &password, sticks, common::CREATED).unwrap();
        let (mut machine, _) = president.enrol_voting_computer().unwrap();
        let ballot = president.day().lead().ballot.clone();
        for index in 0..votes {
            let card = president.activate_card(&[0]).unwrap();
            let card = machine.insert_card(&card).unwrap();
            let printed = machine
                .print(&card, &[(0, vote(index, station, &ballot))])
                .unwrap();
            president.record(&printed.code).unwrap();
        }
        president.close(common::CREATED).unwrap();
        president
            .export(
                &root.join(format!("sb{station:04}-a")),
                &root.join(format!("sb{station:04}-b")),
            )
            .unwrap();
    });
    std::fs::write(
        root.join("hsb.json"),
        serde_json::to_vec(&ceremony_office(&ceremony)).unwrap(),
    )
    .unwrap();
}

/// What the main office needs, kept beside the sticks: its package and the authority's key.
fn ceremony_office(
    ceremony: &common::Ceremony,
) -> (std::collections::BTreeMap<String, Vec<u8>>, String) {
    (
        ceremony.packages["HSB"].clone(),
        ceremony.authority.public().to_string(),
    )
}

fn main() {
    let stations = env("URNA_BENCH_STATIONS", 1000);
    let votes = env("URNA_BENCH_VOTES", 1000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/bench-data")
        .join(format!("booth-{stations}x{votes}"));
    if !root.join("hsb.json").exists() {
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        let start = Instant::now();
        make_sticks(&root, stations, votes);
        println!(
            "made {stations} stations × {votes} votes in {:.1} s (not part of the measurement)",
            start.elapsed().as_secs_f64()
        );
    }
    let (package, authority): (std::collections::BTreeMap<String, Vec<u8>>, String) =
        serde_json::from_slice(&std::fs::read(root.join("hsb.json")).unwrap()).unwrap();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    let bytes: u64 = dirs
        .iter()
        .map(|dir| {
            std::fs::metadata(dir.join(booth::sticks::BALLOT_BOX))
                .unwrap()
                .len()
        })
        .sum();

    for run in 1..=3 {
        let start = Instant::now();
        let mut office =
            main_office::MainOffice::from_package(&package, &authority.parse().unwrap()).unwrap();
        office.stations = (1..=stations).collect();
        let copies: Vec<StickCopy> = read_all(&dirs);
        let read_at = start.elapsed();
        let reading = main_office::read(&office, copies);
        assert!(reading.problems.is_empty(), "{:?}", &reading.problems[..1]);
        let counts = main_office::counts(&reading.stations);
        let totals = determine::totals(
            &office.election,
            &determine::Counts::per_station_in_contest(&counts),
        )
        .unwrap();
        let elapsed = start.elapsed();
        assert_eq!(totals[0].cast, u64::from(stations) * u64::from(votes));
        println!(
            "run {run}: {} copies, {} votes ({:.0} MiB of ballot boxes): read {:.2} s, checked and totalled {:.2} s, total {:.2} s",
            dirs.len(),
            totals[0].cast,
            bytes as f64 / 1048576.0,
            read_at.as_secs_f64(),
            (elapsed - read_at).as_secs_f64(),
            elapsed.as_secs_f64()
        );
    }
}

/// Reads every stick directory, on all cores.
fn read_all(dirs: &[PathBuf]) -> Vec<StickCopy> {
    dirs.par_iter().map(|d| common::read_stick(d)).collect()
}
