//! EML 510b: the real count of Assen 2026, read per polling station.

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]

use eml::{SourceFile, import_election, read_polling_station_counts};
use model::rules::{Severity, check};
use testkit::fixture;

fn assen() -> model::Election {
    let definition = fixture("eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml");
    let candidates = fixture("eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml");
    let stations = fixture("eml/composed/Stembureaus_GR2026_Assen.composed.eml.xml");
    import_election(
        SourceFile::new("110a", &definition),
        SourceFile::new("230b", &candidates),
        Some(SourceFile::new("110b", &stations)),
    )
    .unwrap()
}

#[test]
fn the_real_count_of_assen_is_read_per_polling_station() {
    let election = assen();
    let bytes = fixture("eml/real/Telling_GR2026_Assen.eml.xml");
    let counts = read_polling_station_counts(
        SourceFile::new("Telling_GR2026_Assen.eml.xml", &bytes),
        &election,
    )
    .unwrap();
    assert_eq!(counts.len(), 44);
    // Every polling station of the count is one of the election's.
    for number in counts.keys() {
        assert!(
            election
                .polling_stations
                .iter()
                .any(|s| s.number == *number)
        );
    }
    // The municipality's totals in the same file (TotalVotes): list 1 had 5438 votes, of which
    // its first candidate 1945.
    let list1: u32 = counts.values().map(|c| c.votes.per_list[0]).sum();
    let candidate1: u32 = counts.values().map(|c| c.lists[0].candidates[0]).sum();
    assert_eq!((list1, candidate1), (5438, 1945));
    // The published paper reports add up: no arithmetic error on any of them.
    for (number, count) in &counts {
        let findings = check(&model::count::CountForm::Netherlands(count.clone()));
        let errors: Vec<_> = findings
            .0
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.code)
            .collect();
        assert!(errors.is_empty(), "polling station {number}: {errors:?}");
    }
}

#[test]
fn a_count_of_another_election_or_type_is_refused() {
    let election = assen();
    let candidates = fixture("eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml");
    let error = read_polling_station_counts(SourceFile::new("230b.xml", &candidates), &election)
        .unwrap_err();
    assert!(error.to_string().contains("510b"), "{error}");
    // The count of Assen offered for the synthetic test election: every differing field named.
    let test = import_election(
        SourceFile::new("110a", &fixture("eml/synthetic/eml110a_test.eml.xml")),
        SourceFile::new("230b", &fixture("eml/synthetic/eml230b_test.eml.xml")),
        None,
    )
    .unwrap();
    let count = fixture("eml/real/Telling_GR2026_Assen.eml.xml");
    let error =
        read_polling_station_counts(SourceFile::new("Telling.xml", &count), &test).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("GR2026_Assen") && message.contains("GR2022_Test"),
        "{message}"
    );
}

#[test]
fn the_eligible_voters_are_read_from_the_total_of_a_count() {
    for (file, eligible) in [
        ("eml/real/Telling_GR2026_Assen.eml.xml", 55_959),
        ("eml/real/Telling_GR2022_WestMaasenWaal.eml.xml", 16_202),
        ("eml/real/Telling_GR2022_Groningen.eml.xml", 194_113),
    ] {
        let bytes = testkit::fixture(file);
        assert_eq!(
            eml::read_eligible_voters(eml::SourceFile::new(file, &bytes)).unwrap(),
            eligible,
            "{file}"
        );
    }
    let definition = testkit::fixture("eml/real/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml");
    assert!(eml::read_eligible_voters(eml::SourceFile::new("110a", &definition)).is_err());
}
