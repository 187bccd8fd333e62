//! Any bytes as a municipality's 510b, read into the polling stations' counts by the streaming
//! reader (`eml::read_polling_station_counts`): refused with an error or read, never a panic.

#![no_main]

use std::sync::OnceLock;

use eml::{SourceFile, import_election, read_polling_station_counts};
use libfuzzer_sys::fuzz_target;
use model::Election;

const DEFINITION: &[u8] = include_bytes!(
    "../../fixtures/eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml"
);
const CANDIDATES: &[u8] =
    include_bytes!("../../fixtures/eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml");

/// Assen's election, imported once (importing it for every input made the fuzzing slow).
fn assen() -> Option<&'static Election> {
    static ELECTION: OnceLock<Option<Election>> = OnceLock::new();
    ELECTION
        .get_or_init(|| {
            import_election(
                SourceFile::new("110a", DEFINITION),
                SourceFile::new("230b", CANDIDATES),
                None,
            )
            .ok()
        })
        .as_ref()
}

fuzz_target!(|data: &[u8]| {
    if let Some(election) = assen() {
        let _ = read_polling_station_counts(SourceFile::new("510b", data), election);
    }
});
