//! Every real EML_NL file in the fixtures imports, with the numbers the files hold.
//!
//! The expected numbers were counted from the files independently of this crate (seats and
//! threshold from `kr:NumberOfSeats`/`kr:PreferenceThreshold`, lists from `<Affiliation>`,
//! candidates from `<Candidate>`).

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use eml::{SourceFile, import_election, read_candidate_lists, read_election_definition};
use model::{Body, Election, LawVersion};

fn fixture(path: &str) -> Vec<u8> {
    testkit::fixture(&format!("eml/{path}"))
}

fn definition(path: &str) -> Election {
    let bytes = fixture(path);
    read_election_definition(SourceFile::new(path, &bytes))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_real_election_definition() {
    // (file, id, body, seats, preference threshold, election date)
    let cases = [
        (
            "real/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml",
            "GR2026_Stadskanaal",
            Body::MunicipalCouncil,
            23,
            25,
            "2026-03-18",
        ),
        (
            "real/Verkiezingsdefinitie_PS2023_Drenthe.eml.xml",
            "PS2023_Drenthe",
            Body::ProvincialCouncil,
            43,
            25,
            "2023-03-15",
        ),
        (
            "real/Verkiezingsdefinitie_PS2023_Gelderland.eml.xml",
            "PS2023_Gelderland",
            Body::ProvincialCouncil,
            55,
            25,
            "2023-03-15",
        ),
        (
            "real/Verkiezingsdefinitie_PS2023_Limburg.eml.xml",
            "PS2023_Limburg",
            Body::ProvincialCouncil,
            47,
            25,
            "2023-03-15",
        ),
        (
            "real/Verkiezingsdefinitie_AB2023_Limburg.eml.xml",
            "AB2023_Limburg",
            Body::WaterBoard,
            26,
            25,
            "2023-03-15",
        ),
        (
            "real/Verkiezingsdefinitie_TK2023.eml.xml",
            "TK2023",
            Body::HouseOfRepresentatives,
            150,
            25,
            "2023-11-22",
        ),
        (
            "real/Verkiezingsdefinitie_TK2025.eml.xml",
            "TK2025",
            Body::HouseOfRepresentatives,
            150,
            25,
            "2025-10-29",
        ),
    ];
    for (path, id, body, seats, threshold, date) in cases {
        let election = definition(path);
        assert_eq!(election.id.as_str(), id, "{path}");
        assert_eq!(election.body, body, "{path}");
        assert_eq!(election.seats, seats, "{path}");
        assert_eq!(
            election.preference_threshold_percent,
            Some(threshold),
            "{path}"
        );
        assert_eq!(election.election_date.to_string(), date, "{path}");
        assert_eq!(election.law, LawVersion::NlKieswet, "{path}");
        assert!(election.contests.is_empty(), "{path}: a 110a has no lists");
    }
    let stadskanaal = definition("real/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml");
    let domain = stadskanaal
        .domain
        .expect("a municipal election has a domain");
    assert_eq!(domain.name, "Stadskanaal");
    assert_eq!(domain.id.map(|id| id.to_string()), Some("0037".into()));
    assert_eq!(stadskanaal.name, "Gemeenteraad Stadskanaal 2026");
}

#[test]
fn every_real_candidate_list() {
    // (definition, candidate lists, contest, seats decided in the contest, lists, candidates,
    //  candidates on the first list)
    let cases = [
        (
            "composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml",
            "real/Kandidatenlijsten_GR2026_Assen.eml.xml",
            "geen",
            Some(35),
            13,
            228,
            35,
        ),
        (
            "composed/Verkiezingsdefinitie_GR2022_Groningen.composed.eml.xml",
            "real/Kandidatenlijsten_GR2022_Groningen.eml.xml",
            "geen",
            Some(45),
            16,
            415,
            48,
        ),
        (
            "composed/Verkiezingsdefinitie_GR2022_WestMaasenWaal.composed.eml.xml",
            "real/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
            "geen",
            Some(17),
            8,
            251,
            48,
        ),
        (
            "real/Verkiezingsdefinitie_TK2023.eml.xml",
            "real/Kandidatenlijsten_TK2023_Utrecht.eml.xml",
            "8",
            None,
            26,
            1005,
            80,
        ),
        (
            "real/Verkiezingsdefinitie_TK2025.eml.xml",
            "real/Kandidatenlijsten_TK2025_Haarlem.eml.xml",
            "10",
            None,
            23,
            1029,
            80,
        ),
        (
            "real/Verkiezingsdefinitie_TK2025.eml.xml",
            "real/Kandidatenlijsten_TK2025_Nijmegen.eml.xml",
            "6",
            None,
            24,
            1085,
            80,
        ),
        (
            "synthetic/eml110a_test.eml.xml",
            "synthetic/eml230b_test.eml.xml",
            "geen",
            Some(45),
            3,
            18,
            12,
        ),
    ];
    for (definition_path, lists_path, contest_id, seats, lists, candidates, first) in cases {
        let definition_bytes = fixture(definition_path);
        let lists_bytes = fixture(lists_path);
        let election = import_election(
            SourceFile::new(definition_path, &definition_bytes),
            SourceFile::new(lists_path, &lists_bytes),
            None,
        )
        .unwrap_or_else(|e| panic!("{lists_path}: {e}"));
        assert_eq!(election.contests.len(), 1, "{lists_path}");
        let contest = &election.contests[0];
        assert_eq!(contest.id.as_str(), contest_id, "{lists_path}");
        assert_eq!(contest.seats, seats, "{lists_path}");
        assert_eq!(election.list_count(), lists, "{lists_path}");
        assert_eq!(election.candidate_count(), candidates, "{lists_path}");
        assert_eq!(contest.lists[0].candidates.len(), first, "{lists_path}");
    }
}

#[test]
fn candidate_details_are_mapped() {
    let definition_bytes = fixture("composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml");
    let lists_bytes = fixture("real/Kandidatenlijsten_GR2026_Assen.eml.xml");
    let election = read_election_definition(SourceFile::new("110a", &definition_bytes)).unwrap();
    let contests = read_candidate_lists(SourceFile::new("230b", &lists_bytes), &election).unwrap();
    let list = &contests[0].lists[0];
    assert_eq!(list.number.get(), 1);
    assert_eq!(list.name, "GROENLINKS / Partij van de Arbeid (PvdA)");
    let third = &list.candidates[2];
    assert_eq!(third.position.get(), 3);
    assert_eq!(third.initials.as_deref(), Some("P.M.J."));
    assert_eq!(third.first_name.as_deref(), Some("Peter"));
    assert_eq!(third.prefix.as_deref(), Some("de"));
    assert_eq!(third.last_name, "Vries");
    assert_eq!(third.locality.as_deref(), Some("Assen"));
    assert_eq!(third.full_name(), "P.M.J. (Peter) de Vries");

    // TK lists publish gender.
    let tk_bytes = fixture("real/Verkiezingsdefinitie_TK2025.eml.xml");
    let haarlem_bytes = fixture("real/Kandidatenlijsten_TK2025_Haarlem.eml.xml");
    let tk = read_election_definition(SourceFile::new("110a", &tk_bytes)).unwrap();
    let haarlem = read_candidate_lists(SourceFile::new("230b", &haarlem_bytes), &tk).unwrap();
    let leader = &haarlem[0].lists[0].candidates[0];
    assert_eq!(leader.last_name, "Wilders");
    assert_eq!(leader.gender, Some(model::Gender::Male));
    assert_eq!(haarlem[0].name.as_deref(), Some("Haarlem"));
}

#[test]
fn polling_stations_import() {
    let definition_bytes = fixture("composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml");
    let lists_bytes = fixture("real/Kandidatenlijsten_GR2026_Assen.eml.xml");
    let stations_bytes = fixture("composed/Stembureaus_GR2026_Assen.composed.eml.xml");
    let election = import_election(
        SourceFile::new("110a", &definition_bytes),
        SourceFile::new("230b", &lists_bytes),
        Some(SourceFile::new("110b", &stations_bytes)),
    )
    .unwrap();
    assert_eq!(election.polling_stations.len(), 44);
    let first = &election.polling_stations[0];
    assert_eq!(first.number.get(), 1);
    assert_eq!(first.name, "Stembureau Stadhuis");
    assert_eq!(first.address.postal_code.as_deref(), Some("9401 JW"));
    assert_eq!(first.voters, Some(1082));
    let total: u32 = election
        .polling_stations
        .iter()
        .filter_map(|s| s.voters)
        .sum();
    assert_eq!(total, 55_959, "equals the electorate in the real 510b");

    let synthetic_definition = fixture("synthetic/eml110a_test.eml.xml");
    let synthetic_lists = fixture("synthetic/eml230b_test.eml.xml");
    let synthetic_stations = fixture("synthetic/eml110b_test.eml.xml");
    let test = import_election(
        SourceFile::new("110a", &synthetic_definition),
        SourceFile::new("230b", &synthetic_lists),
        Some(SourceFile::new("110b", &synthetic_stations)),
    )
    .unwrap();
    assert_eq!(test.polling_stations.len(), 20);
    assert_eq!(test.polling_stations[0].name, "Stadhuis");
    assert_eq!(test.polling_stations[0].voters, Some(1273));
}
