//! EML out, from the counts of real municipalities: the 510b, the 510d and the 520, each valid
//! against the EML_NL 1.2.2 schemas (xmllint) and byte-identical when written again; the 510b
//! reads back into the same counts, the 510d into the same totals, and the 520 names the elected
//! candidates (for West Maas en Waal: as many per list, and as many on preference votes, as the
//! central committee published).

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]

use std::process::Command;

use chrono::TimeZone as _;
use eml::{
    ElectedList, SourceFile, StationCount, import_election, read_count_totals,
    read_investigation_flags, read_polling_station_counts, write_count_510b, write_count_510d,
    write_result_520,
};
use model::{Address, PollingStation};
use testkit::{fixture, fixture_path};

/// Validates `bytes` against the 510 schema with xmllint; the schema and its imports are in
/// fixtures/eml/xsd. Returns xmllint's complaints, if any.
fn schema_errors(bytes: &[u8]) -> Option<String> {
    schema_errors_against(bytes, "510-count-kiesraad-strict.xsd")
}

fn schema_errors_against(bytes: &[u8], xsd: &str) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.eml.xml");
    std::fs::write(&path, bytes).unwrap();
    let output = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(fixture_path(&format!("eml/xsd/EML_NL-1.2.2/{xsd}")))
        .arg(&path)
        .output()
        .unwrap_or_else(|e| {
            panic!("xmllint is not installed ({e}): run ./scripts/test, or apt-get install -y libxml2-utils")
        });
    (!output.status.success()).then(|| String::from_utf8_lossy(&output.stderr).into_owned())
}

fn validate(bytes: &[u8]) {
    if let Some(errors) = schema_errors(bytes) {
        panic!("the 510 does not validate:\n{errors}");
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

fn round_trip(
    definition: &str,
    candidates: &str,
    stations: Option<&str>,
    count: &str,
    published: Option<&str>,
) {
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
    let flags = read_investigation_flags(SourceFile::new(count, &original), &election).unwrap();
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
            investigations: Some(flags[&station.number]),
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
    // What the committee's investigations established travels station by station.
    assert_eq!(
        read_investigation_flags(SourceFile::new("ours.xml", &written), &election).unwrap(),
        flags
    );
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

    // The 510d: the same totals, the municipality as its one reporting unit.
    let central = write_count_510d(&election, &entries, created).unwrap();
    validate(&central);
    assert!(String::from_utf8_lossy(&central).contains("Id=\"510d\""));
    let totals = read_count_totals(SourceFile::new("510d.xml", &central), &election).unwrap();
    assert_eq!(totals, theirs);

    // The 520: the elected candidates of the seat allocation.
    let forms: Vec<(model::PollingStationNumber, model::count::CountForm)> = counts
        .iter()
        .map(|(n, c)| (*n, model::count::CountForm::Netherlands(c.clone())))
        .collect();
    let contest = &election.contests[0];
    let sums = model::totals::Totals::add_up(contest, forms.iter().map(|(n, c)| (*n, c))).unwrap();
    let input = apportion::Input::from_totals(&election, contest, &sums).unwrap();
    let outcome = apportion::apportion(&input).unwrap();
    let result = outcome.complete().unwrap();
    let lists: Vec<ElectedList> = result
        .lists
        .iter()
        .map(|l| ElectedList {
            number: l.number,
            elected: l
                .elected
                .iter()
                .map(|p| (*p, l.preference_elected.contains(p)))
                .collect(),
        })
        .collect();
    let written_520 = write_result_520(&election, &lists, created).unwrap();
    if let Some(errors) = schema_errors_against(&written_520, "520-result-kiesraad-strict.xsd") {
        panic!("the 520 does not validate:\n{errors}");
    }
    assert_eq!(
        write_result_520(&election, &lists, created).unwrap(),
        written_520
    );
    // Read back with eml-nl: per list, its elected candidates and how many on preference votes.
    let document: eml_nl::documents::election_result::ElectionResult =
        eml_nl::io::EMLRead::parse_eml(
            std::str::from_utf8(&written_520).unwrap(),
            eml_nl::io::EMLParsingMode::Strict,
        )
        .ok()
        .unwrap();
    let mut per_list: Vec<(u32, u32, u32)> = Vec::new();
    for selection in &document.result.election.contests[0].selections {
        use eml_nl::documents::election_result::ElectionResultSelectionType as Type;
        match &selection.selection_type {
            Type::Affiliation(_) => per_list.push((0, 0, 0)),
            Type::Candidate(_) => {
                let last = per_list.last_mut().unwrap();
                last.1 += 1;
                if selection.ranking.as_ref().map(|r| r.raw().into_owned()) == Some("1".into()) {
                    last.2 += 1;
                }
            }
        }
    }
    let with_seats: Vec<&apportion::ListResult> =
        result.lists.iter().filter(|l| l.seats > 0).collect();
    assert_eq!(per_list.len(), with_seats.len());
    for ((_, elected, preference), list) in per_list.iter().zip(&with_seats) {
        assert_eq!(*elected, list.seats, "list {}", list.number);
        assert_eq!(
            *preference as usize,
            list.preference_elected.len(),
            "list {}",
            list.number
        );
    }
    if let Some(municipality) = published {
        let all: serde_json::Value = serde_json::from_slice(&fixture(
            "results/nl/nl-gr2022-all-municipalities-compact.json",
        ))
        .unwrap();
        let lists = all["municipalities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["municipality"] == municipality)
            .unwrap()["lists"]
            .as_array()
            .unwrap()
            .clone();
        let published: Vec<(u64, u64)> = lists
            .iter()
            .filter(|l| l["seats_expected"].as_u64().unwrap() > 0)
            .map(|l| {
                (
                    l["seats_expected"].as_u64().unwrap(),
                    l["preference_elected"].as_u64().unwrap(),
                )
            })
            .collect();
        let ours: Vec<(u64, u64)> = per_list
            .iter()
            .map(|(_, e, p)| (u64::from(*e), u64::from(*p)))
            .collect();
        assert_eq!(
            ours, published,
            "{municipality}: seats and preference-elected per list"
        );
    }
}

#[test]
fn assen_2026() {
    round_trip(
        "eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml",
        "eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml",
        Some("eml/composed/Stembureaus_GR2026_Assen.composed.eml.xml"),
        "eml/real/Telling_GR2026_Assen.eml.xml",
        None,
    );
}

#[test]
fn west_maas_en_waal_2022() {
    round_trip(
        "eml/composed/Verkiezingsdefinitie_GR2022_WestMaasenWaal.composed.eml.xml",
        "eml/real/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
        None,
        "eml/real/Telling_GR2022_WestMaasenWaal.eml.xml",
        Some("WestMaasenWaal"),
    );
}

#[test]
fn groningen_2022() {
    round_trip(
        "eml/composed/Verkiezingsdefinitie_GR2022_Groningen.composed.eml.xml",
        "eml/real/Kandidatenlijsten_GR2022_Groningen.eml.xml",
        None,
        "eml/real/Telling_GR2022_Groningen.eml.xml",
        None,
    );
}
