//! Any bytes as an EML election definition, candidate lists or polling stations: refused with
//! an error or imported, never a panic.

#![no_main]

use eml::{SourceFile, read_candidate_lists, read_election_definition, read_polling_stations};
use libfuzzer_sys::fuzz_target;

const DEFINITION: &[u8] = include_bytes!("../../fixtures/eml/synthetic/eml110a_test.eml.xml");

fuzz_target!(|data: &[u8]| {
    let file = SourceFile::new("fuzz.xml", data);
    let _ = read_election_definition(file);
    if let Ok(election) = read_election_definition(SourceFile::new("110a", DEFINITION)) {
        let _ = read_candidate_lists(file, &election);
        let _ = read_polling_stations(file, &election);
    }
});
