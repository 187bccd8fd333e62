//! EML 510b out: written from the counts of real municipalities, valid against the EML_NL 1.2.2
//! schemas (xmllint), read back into the same counts and totals, byte-identical when written again.

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]

use std::process::Command;

use chrono::TimeZone as _;
use eml::{
    SourceFile, StationCount, import_election, read_count_totals, read_polling_station_counts,
    write_count_510b,
};
use model::{Address, PollingStation};
use testkit::{fixture, fixture_path};

/// Validates `bytes` against the 510 schema with xmllint; the schema and its imports are in
/// fixtures/eml/xsd. Returns xmllint's complaints, if any.
fn schema_errors(bytes: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.eml.xml");
    std::fs::write(&path, bytes).unwrap();
    let output = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(fixture_path("eml/xsd/EML_NL-1.2.2/510-count-kiesraad-strict.xsd"))
        .arg(&path)
        .output()
        .unwrap_or_else(|e| {
            panic!("xmllint is not installed ({e}): run ./scripts/test, or apt-get install -y libxml2-utils")
        });
    (!output.status.success()).then(|| String::from_utf8_lossy(&output.stderr).into_owned())
}

fn validate(bytes: &[u8]) {
    if let Some(errors) = schema_errors(bytes) {
        panic!("the 510b does not validate:\n{errors}");
    }
}

#[test]
fn the_schema_check_refuses_a_broken_file() {
    let published = String::from_utf8(fixture("eml/real/Telling_GR2026_Assen.eml.xml")).unwrap();
    assert_eq!(schema_errors(published.as_bytes()), None);
    let broken = published
        .replacen("<TotalCounted>", "<Counted>", 1)
        .replacen("</TotalCounted>", "</Counted>", 1);
    assert!(schema_errors(broken.as_bytes()).is_some());
}

fn round_trip(definition: &str, candidates: &str, stations: Option<&str>, count: &str) {
    let (d, c) = (fixture(definition), fixture(candidates));
    let s = stations.map(fixture);
    let election = import_election(
        SourceFile::new(definition, &d),
        SourceFile::new(candidates, &c),
        s.as_deref().map(|bytes| SourceFile::new("110b", bytes)),
    )
    .unwrap();
    let original = fixture(count);
    let counts = read_polling_station_counts(SourceFile::new(count, &original), &election).unwrap();
    // The polling stations: from the 110b where there is one, else by number only.
    let stations: Vec<PollingStation> = counts
        .keys()
        .map(|number| {
            election
                .polling_stations
                .iter()
                .find(|s| s.number == *number)
                .cloned()
                .unwrap_or(PollingStation {
                    number: *number,
                    name: format!("Stembureau {number}"),
                    kind: None,
                    address: Address::default(),
                    voters: None,
                    contest: None,
                })
        })
        .collect();
    let entries: Vec<StationCount<'_>> = stations
        .iter()
        .map(|station| StationCount {
            station,
            count: &counts[&station.number],
        })
        .collect();
    let created = chrono::Utc
        .with_ymd_and_hms(2026, 3, 19, 17, 6, 29)
        .unwrap();
    let written = write_count_510b(&election, &entries, created).unwrap();
    validate(&written);
    assert_eq!(
        write_count_510b(&election, &entries, created).unwrap(),
        written,
        "deterministic"
    );

    let back =
        read_polling_station_counts(SourceFile::new("ours.xml", &written), &election).unwrap();
    assert_eq!(back.len(), counts.len());
    for (number, count) in &counts {
        let again = &back[number];
        assert_eq!(again.voters, count.voters, "polling station {number}");
        assert_eq!(again.votes, count.votes, "polling station {number}");
        assert_eq!(again.lists, count.lists, "polling station {number}");
        assert_eq!(
            (
                again.differences.more_ballots,
                again.differences.fewer_ballots
            ),
            (
                count.differences.more_ballots,
                count.differences.fewer_ballots
            )
        );
    }
    // The totals in our file equal the totals in the published one.
    let ours = read_count_totals(SourceFile::new("ours.xml", &written), &election).unwrap();
    let theirs = read_count_totals(SourceFile::new(count, &original), &election).unwrap();
    assert_eq!(ours, theirs);
}

#[test]
fn assen_2026() {
    round_trip(
        "eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml",
        "eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml",
        Some("eml/composed/Stembureaus_GR2026_Assen.composed.eml.xml"),
        "eml/real/Telling_GR2026_Assen.eml.xml",
    );
}

#[test]
fn west_maas_en_waal_2022() {
    round_trip(
        "eml/composed/Verkiezingsdefinitie_GR2022_WestMaasenWaal.composed.eml.xml",
        "eml/real/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
        None,
        "eml/real/Telling_GR2022_WestMaasenWaal.eml.xml",
    );
}

#[test]
fn groningen_2022() {
    round_trip(
        "eml/composed/Verkiezingsdefinitie_GR2022_Groningen.composed.eml.xml",
        "eml/real/Kandidatenlijsten_GR2022_Groningen.eml.xml",
        None,
        "eml/real/Telling_GR2022_Groningen.eml.xml",
    );
}
