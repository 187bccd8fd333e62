//! The `urna` command end to end: importing with the hash-code check (as a script and on a
//! terminal), every refusal leaving the database exactly as it was, the audit log noticing a
//! change made behind Urna's back, and the demo.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;

mod audit;
mod ceremony;
mod committee;
mod demo;
mod election;
mod kiosk;
mod language;
mod package;
mod reading;
mod result;
mod secrecy;
mod serve;
mod version;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{
    first_line_then_hang_up, free_port, hash, pdf_text, run, run_with_input, sheet_password, text,
    urna,
};
use seal::HashCode;
use testkit::{database_snapshot, fixture, fixture_path};

const ASSEN_110A: &str = "eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml";
const ASSEN_230B: &str = "eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml";
const ASSEN_110B: &str = "eml/composed/Stembureaus_GR2026_Assen.composed.eml.xml";
const TEST_110A: &str = "eml/synthetic/eml110a_test.eml.xml";
const TEST_230B: &str = "eml/synthetic/eml230b_test.eml.xml";
const TEST_110B: &str = "eml/synthetic/eml110b_test.eml.xml";

fn import_args(definition: &str, candidates: &str, stations: Option<&str>) -> Vec<String> {
    let mut args = vec![
        "election".to_string(),
        "import".into(),
        "--definition".into(),
        fixture_path(definition).display().to_string(),
        "--candidates".into(),
        fixture_path(candidates).display().to_string(),
        "--definition-hash".into(),
        hash(definition),
        "--candidates-hash".into(),
        hash(candidates),
    ];
    if let Some(stations) = stations {
        args.push("--polling-stations".into());
        args.push(fixture_path(stations).display().to_string());
    }
    args
}

fn database(data_dir: &Path) -> PathBuf {
    data_dir.join(store::DATABASE_FILE)
}
