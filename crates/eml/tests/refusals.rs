//! Every way a file is refused: the error names the file and says what is wrong, and bad input
//! never panics.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use eml::{
    DocumentType, EmlError, SourceFile, import_election, read_candidate_lists,
    read_election_definition, read_polling_stations,
};
use model::{DefinitionError, Election};
use proptest::prelude::*;

fn fixture(path: &str) -> Vec<u8> {
    testkit::fixture(&format!("eml/{path}"))
}

fn test_election() -> Election {
    let bytes = fixture("synthetic/eml110a_test.eml.xml");
    read_election_definition(SourceFile::new("eml110a_test.eml.xml", &bytes)).unwrap()
}

fn lists_error(name: &str) -> EmlError {
    let bytes = fixture(&format!("synthetic/{name}"));
    let error = read_candidate_lists(SourceFile::new(name, &bytes), &test_election())
        .expect_err("must be refused");
    assert_eq!(error.file(), name);
    assert!(error.to_string().starts_with(name), "{error}");
    error
}

fn definition_error(bytes: &[u8]) -> EmlError {
    read_election_definition(SourceFile::new("def.xml", bytes)).expect_err("must be refused")
}

#[test]
fn wrong_document_type() {
    // A 230b whose root declares 110a.
    let error = lists_error("eml230b_invalid_document_type.eml.xml");
    assert!(matches!(
        &error,
        EmlError::WrongDocumentType { found, expected: DocumentType::CandidateLists, .. } if found == "110a"
    ));
    assert_eq!(
        error.to_string(),
        "eml230b_invalid_document_type.eml.xml is an EML 110a document (election definition), \
         but EML 230b (candidate lists) was expected"
    );

    // Candidate lists offered as the definition, and a count offered as candidate lists.
    let error = definition_error(&fixture("real/Kandidatenlijsten_GR2026_Assen.eml.xml"));
    assert!(matches!(
        &error,
        EmlError::WrongDocumentType { found, expected: DocumentType::ElectionDefinition, .. } if found == "230b"
    ));
    let count = fixture("real/Telling_GR2026_Assen.eml.xml");
    let error =
        read_candidate_lists(SourceFile::new("t.xml", &count), &test_election()).unwrap_err();
    assert!(
        error.to_string().contains("EML 510b document (count)"),
        "{error}"
    );
}

#[test]
fn another_election() {
    let error = lists_error("eml230b_invalid_incorrect_election.eml.xml");
    let EmlError::OtherElection { differences, .. } = &error else {
        panic!("{error:?}")
    };
    let fields: Vec<&str> = differences.iter().map(|d| d.field).collect();
    assert_eq!(
        fields,
        [
            "ElectionIdentifier/@Id",
            "ElectionName",
            "ElectionSubcategory",
            "ElectionDomain/@Id",
            "ElectionDomain"
        ]
    );
    assert_eq!(differences[0].found, "GR2024_Heemdamseburg");
    assert_eq!(differences[0].expected, "GR2022_Test");

    let error = lists_error("eml230b_invalid_incorrect_election_domain.eml.xml");
    let EmlError::OtherElection { differences, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(differences[0].field, "ElectionDomain/@Id");
    assert_eq!(
        (
            differences[0].found.as_str(),
            differences[0].expected.as_str()
        ),
        ("0001", "0000")
    );

    // The date file moves the election date onto the nomination date; eml-nl refuses that
    // before the comparison.
    let error = lists_error("eml230b_invalid_incorrect_election_date.eml.xml");
    assert!(error.to_string().contains("NominationDate"), "{error}");
    assert_eq!(
        error.location().and_then(|l| l.element()),
        Some("ElectionIdentifier")
    );

    // Category TK with subcategory GR2.
    let error = lists_error("eml230b_invalid_incorrect_election_type.eml.xml");
    assert!(error.to_string().contains("ElectionSubcategory"), "{error}");

    // The 230b of Assen 2026 is not for the test election.
    let assen = fixture("real/Kandidatenlijsten_GR2026_Assen.eml.xml");
    let error =
        read_candidate_lists(SourceFile::new("assen.xml", &assen), &test_election()).unwrap_err();
    let EmlError::OtherElection { differences, .. } = &error else {
        panic!("{error:?}")
    };
    let fields: Vec<&str> = differences.iter().map(|d| d.field).collect();
    assert!(fields.contains(&"ElectionDate") && fields.contains(&"NominationDate"));

    // Only the election day differs (the nomination day still precedes it).
    let moved = String::from_utf8(fixture("synthetic/eml230b_test.eml.xml"))
        .unwrap()
        .replace(
            "<kr:ElectionDate>2022-03-16<",
            "<kr:ElectionDate>2022-03-23<",
        );
    let error = read_candidate_lists(
        SourceFile::new("moved.xml", moved.as_bytes()),
        &test_election(),
    )
    .unwrap_err();
    let EmlError::OtherElection { differences, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(differences.len(), 1, "{error}");
    assert_eq!(differences[0].field, "ElectionDate");
    assert_eq!(
        (
            differences[0].found.as_str(),
            differences[0].expected.as_str()
        ),
        ("2022-03-23", "2022-03-16")
    );

    // Only the category differs: municipal council lists for a water-board definition.
    let water_board_bytes = fixture("synthetic/eml110a_test_AB.eml.xml");
    let water_board =
        read_election_definition(SourceFile::new("ab.xml", &water_board_bytes)).unwrap();
    let lists = fixture("synthetic/eml230b_test.eml.xml");
    let error = read_candidate_lists(SourceFile::new("gr.xml", &lists), &water_board).unwrap_err();
    let EmlError::OtherElection { differences, .. } = &error else {
        panic!("{error:?}")
    };
    let fields: Vec<&str> = differences.iter().map(|d| d.field).collect();
    assert!(fields.contains(&"ElectionCategory"), "{error}");
    assert!(
        error.to_string().contains(
            "\"GR (municipal council)\" where the election definition has \"AB (water board)\""
        ),
        "{error}"
    );

    // Polling stations of another election (EP2024).
    let stations = fixture("synthetic/eml110b_not_matching_election_id.eml.xml");
    let error = read_polling_stations(SourceFile::new("110b.xml", &stations), &test_election())
        .unwrap_err();
    let EmlError::OtherElection { differences, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(differences[0].found, "EP2024");
    assert!(differences.iter().any(|d| d.field == "ElectionCategory"));
}

#[test]
fn empty_lists() {
    let error = lists_error("eml230b_invalid_empty_affiliates.eml.xml");
    assert!(
        error.to_string().contains("<Affiliation> is missing"),
        "{error}"
    );
    assert_eq!(error.location().and_then(|l| l.element()), Some("Contest"));

    let error = lists_error("eml230b_invalid_empty_candidates.eml.xml");
    assert!(
        error.to_string().contains("<Candidate> is missing"),
        "{error}"
    );
    let location = error.location().expect("located");
    assert_eq!(location.element(), Some("Affiliation"));
    assert_eq!(location.line, 300);
}

#[test]
fn missing_authority() {
    let error = lists_error("eml230b_invalid_missing_authority.eml.xml");
    assert!(
        error.to_string().contains("<ManagingAuthority> is missing"),
        "{error}"
    );
}

#[test]
fn inconsistent_definitions() {
    let error = definition_error(&fixture(
        "synthetic/eml110a_invalid_election_category_and_sub_category_mismatch.eml.xml",
    ));
    assert!(
        error
            .to_string()
            .contains("AB2 does not belong to <ElectionCategory> GR"),
        "{error}"
    );
    assert_eq!(error.location().map(|l| l.line), Some(12));

    let error = definition_error(&fixture(
        "synthetic/eml110a_invalid_election_missing_election_domain.eml.xml",
    ));
    assert!(matches!(
        &error,
        EmlError::Definition { errors, .. } if errors.0 == [DefinitionError::MissingDomain(model::Body::MunicipalCouncil)]
    ));

    // A preference threshold that contradicts Kieswet P 15 (eml-nl refuses it too).
    let text = String::from_utf8(fixture(
        "real/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml",
    ))
    .unwrap()
    .replace("<kr:PreferenceThreshold>25<", "<kr:PreferenceThreshold>50<");
    let error = definition_error(text.as_bytes());
    assert!(
        error
            .to_string()
            .to_lowercase()
            .contains("preference threshold"),
        "{error}"
    );

    // A municipal council election from before the law versions Urna implements.
    let text = String::from_utf8(fixture(
        "real/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml",
    ))
    .unwrap()
    .replace("2026-03-18", "2014-03-19")
    .replace("2026-02-02", "2014-02-03");
    let error = definition_error(text.as_bytes());
    assert!(matches!(error, EmlError::Unsupported { .. }), "{error:?}");
}

#[test]
fn malformed_xml_names_line_and_element() {
    let text = String::from_utf8(fixture(
        "real/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml",
    ))
    .unwrap()
    .replace("</kr:NumberOfSeats>", "</kr:NumberOfSeat>");
    let error = definition_error(text.as_bytes());
    let message = error.to_string();
    assert!(message.starts_with("def.xml: "), "{message}");
    let location = error.location().expect("located");
    assert_eq!(location.line, 22, "{message}");
    assert_eq!(location.element(), Some("kr:NumberOfSeats"), "{message}");

    for (bytes, expected) in [
        (&b""[..], "the file is empty"),
        (&b"Kandidatenlijsten"[..], "no root element"),
        (&b"{\"election\": 1}"[..], "no root element"),
        (&b"<html><body/></html>"[..], "the root element is <html>"),
        (
            &b"<EML xmlns=\"urn:oasis:names:tc:evs:schema:eml\" SchemaVersion=\"5\"/>"[..],
            "no Id attribute",
        ),
        (
            &b"<?xml version=\"1.0\"?>\n<EML Id=\"110a\" <"[..],
            "not well-formed XML",
        ),
    ] {
        let message = definition_error(bytes).to_string();
        assert!(
            message.contains(expected),
            "{message:?} should say {expected:?}"
        );
    }

    let mut latin1 = fixture("real/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml");
    let at = latin1
        .windows(11)
        .position(|w| w == b"Stadskanaal")
        .unwrap();
    latin1[at + 2] = 0xe9; // 'é' in Latin-1: not UTF-8
    let error = definition_error(&latin1);
    assert!(matches!(error, EmlError::NotUtf8 { .. }), "{error:?}");
    assert_eq!(error.location().map(|l| l.line), Some(9));
}

/// Cuts a small real file at every byte before its end tag: every prefix is refused with an
/// error naming the file, and none panics.
#[test]
fn every_truncation_point_is_refused() {
    for path in [
        "real/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml",
        "synthetic/eml230b_test.eml.xml",
        "synthetic/eml110b_test.eml.xml",
    ] {
        let bytes = fixture(path);
        let end_of_document = bytes.windows(6).rposition(|w| w == b"</EML>").unwrap() + 6;
        let election = test_election();
        let mut located = 0;
        for cut in 0..end_of_document {
            let prefix = &bytes[..cut];
            let file = SourceFile::new(path, prefix);
            let error = if path.contains("110a") || path.contains("Verkiezingsdefinitie") {
                read_election_definition(file).map(|_| ())
            } else if path.contains("230b") {
                read_candidate_lists(file, &election).map(|_| ())
            } else {
                read_polling_stations(file, &election).map(|_| ())
            }
            .expect_err(&format!("{path} cut at byte {cut} must be refused"));
            assert_eq!(error.file(), path);
            if error.location().is_some() {
                located += 1;
            }
        }
        // All but the first few cuts (inside the XML declaration) have a location.
        assert!(
            located + 64 > end_of_document,
            "{path}: only {located} of {end_of_document} located"
        );
        // The whole document still imports.
        assert!(bytes.len() >= end_of_document);
    }
}

#[test]
fn the_whole_import_reports_the_file_at_fault() {
    let definition = fixture("synthetic/eml110a_test.eml.xml");
    let lists = fixture("synthetic/eml230b_test.eml.xml");
    let stations = fixture("synthetic/eml110b_test.eml.xml");
    let broken_stations = String::from_utf8(stations.clone())
        .unwrap()
        .replace("<PollingStation Id=\"2\">", "<PollingStation Id=\"1\">");
    let error = import_election(
        SourceFile::new("a.xml", &definition),
        SourceFile::new("b.xml", &lists),
        Some(SourceFile::new("c.xml", broken_stations.as_bytes())),
    )
    .unwrap_err();
    assert!(
        matches!(
            &error,
            EmlError::Definition { file, errors } if file == "c.xml"
                && errors.0 == [DefinitionError::DuplicatePollingStation(model::PollingStationNumber::new(1).unwrap())]
        ),
        "{error:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Random byte changes anywhere in a candidate-list file: an error or a valid result, never
    /// a panic.
    #[test]
    fn mutated_files_never_panic(changes in proptest::collection::vec((0usize..13_825, any::<u8>()), 1..8)) {
        let mut bytes = fixture("synthetic/eml230b_test.eml.xml");
        for (at, byte) in changes {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        let _ = read_candidate_lists(SourceFile::new("m.xml", &bytes), &test_election());
        let _ = read_election_definition(SourceFile::new("m.xml", &bytes));
    }
}
