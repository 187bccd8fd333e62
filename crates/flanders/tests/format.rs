//! The Flemish definition format: the shipped example imports and matches the JSON schema, and
//! the schema and the reader refuse the same broken documents.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use flanders::{FlandersError, read_definition};
use model::{Body, DefinitionError, Jurisdiction, LawVersion};
use serde_json::{Value, json};

fn example_bytes() -> Vec<u8> {
    testkit::fixture("flanders/GR2024_Lindeveld.json")
}

fn schema() -> jsonschema::Validator {
    let path =
        testkit::fixtures_dir().join("../docs/formats/flanders-election-definition.schema.json");
    let text = std::fs::read_to_string(path).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).expect("the schema itself is valid")
}

fn provincial() -> Value {
    json!({
        "format": "urna-flanders-election-definition",
        "format_version": 1,
        "election": {
            "id": "PR2018_OostVlaanderen",
            "name": "Provincieraadsverkiezingen Oost-Vlaanderen 2018",
            "body": "provincial_council",
            "area": { "code": "40000", "name": "Oost-Vlaanderen" },
            "election_date": "2018-10-14",
            "seats": 5
        },
        "districts": [
            { "id": "GENT", "name": "Kiesdistrict Gent", "seats": 3, "lists": [
                { "number": 1, "name": "A", "candidates": [
                    { "position": 1, "last_name": "Peeters", "first_name": "An", "gender": "female" },
                    { "position": 2, "last_name": "Maes", "first_name": "Jan", "gender": "male" }
                ]},
                { "number": 2, "name": "", "candidates": [
                    { "position": 1, "last_name": "Van den Broeck" }
                ]}
            ]},
            { "id": "AALST", "name": "Kiesdistrict Aalst", "seats": 2, "lists": [
                { "number": 1, "name": "A", "candidates": [
                    { "position": 1, "last_name": "Claes" }
                ]}
            ]}
        ],
        "polling_stations": [
            { "number": 1, "name": "Stadhuis", "district": "GENT", "voters": 900 },
            { "number": 2, "name": "School", "district": "AALST", "kind": "special" }
        ]
    })
}

fn read(value: &Value) -> Result<model::Election, FlandersError> {
    read_definition(
        "def.json",
        serde_json::to_string_pretty(value).unwrap().as_bytes(),
    )
}

#[test]
fn the_example_imports() {
    let election = read_definition("GR2024_Lindeveld.json", &example_bytes()).unwrap();
    assert_eq!(election.id.as_str(), "GR2024_Lindeveld");
    assert_eq!(election.jurisdiction, Jurisdiction::Flanders);
    assert_eq!(election.body, Body::MunicipalCouncil);
    assert_eq!(election.seats, 27);
    assert_eq!(election.law, LawVersion::FlandersPreference);
    assert_eq!(election.preference_threshold_percent, None);
    assert_eq!(election.contests.len(), 1);
    assert_eq!(election.contests[0].seats, Some(27));
    assert_eq!(election.list_count(), 8);
    assert_eq!(election.candidate_count(), 170);
    assert_eq!(election.polling_stations.len(), 14);
    // No list has more candidates than there are seats (Lokaal en Provinciaal Kiesdecreet).
    for list in &election.contests[0].lists {
        assert!(list.candidates.len() <= 27, "list {}", list.number);
    }
}

#[test]
fn the_example_and_a_provincial_election_match_the_schema() {
    let schema = schema();
    let example: Value = serde_json::from_slice(&example_bytes()).unwrap();
    let errors: Vec<String> = schema
        .iter_errors(&example)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(schema.is_valid(&provincial()));

    let election = read(&provincial()).unwrap();
    assert_eq!(election.body, Body::ProvincialCouncil);
    assert_eq!(
        election.law,
        LawVersion::FlandersDevolution,
        "derived from 2018"
    );
    assert_eq!(election.contests.len(), 2);
    assert_eq!(election.contests[1].seats, Some(2));
    assert_eq!(election.contests[0].lists[1].name, "");
    assert_eq!(
        election.polling_stations[1]
            .contest
            .as_ref()
            .map(|c| c.as_str()),
        Some("AALST")
    );
}

/// Documents the schema refuses; the reader must refuse each too.
#[test]
fn schema_and_reader_refuse_the_same_documents() {
    let schema = schema();
    let base = provincial();
    type Edit = fn(&mut Value);
    let cases: Vec<(&str, Edit)> = vec![
        ("unknown field", |v| v["election"]["seat"] = json!(3)),
        ("another format", |v| v["format"] = json!("eml")),
        ("another version", |v| v["format_version"] = json!(2)),
        ("provincial with lists", |v| {
            v["lists"] = v["districts"][0]["lists"].clone()
        }),
        ("municipal with districts", |v| {
            v["election"]["body"] = json!("municipal_council")
        }),
        ("list number 0", |v| {
            v["districts"][0]["lists"][0]["number"] = json!(0)
        }),
        ("list without candidates", |v| {
            v["districts"][1]["lists"][0]["candidates"] = json!([])
        }),
        ("blank last name", |v| {
            v["districts"][0]["lists"][0]["candidates"][0]["last_name"] = json!("  ")
        }),
        ("unknown gender", |v| {
            v["districts"][0]["lists"][0]["candidates"][0]["gender"] = json!("f")
        }),
        ("bad date", |v| {
            v["election"]["election_date"] = json!("14-10-2018")
        }),
        ("missing seats", |v| {
            v["election"].as_object_mut().unwrap().remove("seats");
        }),
        ("id with a space", |v| {
            v["election"]["id"] = json!("PR 2018")
        }),
        ("negative voters", |v| {
            v["polling_stations"][0]["voters"] = json!(-1)
        }),
        ("empty station name", |v| {
            v["polling_stations"][0]["name"] = json!("")
        }),
        ("unknown body", |v| {
            v["election"]["body"] = json!("water_board")
        }),
    ];
    for (what, edit) in cases {
        let mut value = base.clone();
        edit(&mut value);
        assert!(!schema.is_valid(&value), "the schema accepts: {what}");
        let error = read(&value).expect_err(what);
        assert!(error.to_string().starts_with("def.json"), "{what}: {error}");
    }
}

/// What the model's rules refuse beyond the schema, each naming the problem.
#[test]
fn model_rules_beyond_the_schema() {
    let refused = |edit: fn(&mut Value)| {
        let mut value = provincial();
        edit(&mut value);
        match read(&value) {
            Err(FlandersError::Definition { errors, .. }) => errors.0,
            other => panic!("{other:?}"),
        }
    };
    assert!(matches!(
        refused(|v| v["districts"][0]["lists"][1]["number"] = json!(1)).as_slice(),
        [DefinitionError::DuplicateList { .. }]
    ));
    assert!(matches!(
        refused(|v| v["districts"][0]["lists"][0]["candidates"][1]["position"] = json!(1))
            .as_slice(),
        [DefinitionError::PositionOrder { .. }]
    ));
    assert_eq!(
        refused(|v| v["election"]["seats"] = json!(6)),
        [DefinitionError::ContestSeats { sum: 5, seats: 6 }]
    );
    assert!(matches!(
        refused(|v| v["election"]["law"] = json!("flanders_preference")).as_slice(),
        [DefinitionError::Law(_)]
    ));
    assert!(matches!(
        refused(|v| v["polling_stations"][1]["district"] = json!("GENTBRUGGE")).as_slice(),
        [DefinitionError::UnknownContest { .. }]
    ));
    assert!(matches!(
        refused(|v| {
            v["polling_stations"][1]
                .as_object_mut()
                .unwrap()
                .remove("district");
        })
        .as_slice(),
        [DefinitionError::StationWithoutContest(_)]
    ));
    assert!(matches!(
        refused(|v| v["polling_stations"][1]["number"] = json!(1)).as_slice(),
        [DefinitionError::DuplicatePollingStation(_)]
    ));
}

#[test]
fn json_errors_name_line_column_and_field() {
    let text = serde_json::to_string_pretty(&provincial())
        .unwrap()
        .replace("\"gender\": \"male\"", "\"gender\": \"man\"");
    let error = read_definition("def.json", text.as_bytes()).unwrap_err();
    let FlandersError::Json {
        line,
        field,
        message,
        ..
    } = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!(field, "districts[0].lists[0].candidates[1].gender");
    let expected_line = text.lines().position(|l| l.contains("\"man\"")).unwrap() + 1;
    assert_eq!(*line, expected_line);
    assert!(message.contains("unknown variant `man`"), "{message}");
    assert!(
        error
            .to_string()
            .contains("field districts[0].lists[0].candidates[1].gender")
    );

    let error = read_definition("def.json", b"{\"format\": 1} trailing").unwrap_err();
    assert!(matches!(error, FlandersError::Json { .. }), "{error:?}");
    assert!(matches!(
        read_definition("def.json", b""),
        Err(FlandersError::Empty { .. })
    ));
    assert!(matches!(
        read_definition("def.json", b"{\"a\": \"\xff\"}"),
        Err(FlandersError::NotUtf8 { offset: 7, .. })
    ));
}

#[test]
fn every_truncation_point_is_refused() {
    let text = serde_json::to_string(&provincial()).unwrap();
    for cut in 0..text.len() {
        let error = read_definition("cut.json", &text.as_bytes()[..cut]);
        assert!(error.is_err(), "cut at {cut} accepted");
    }
    assert!(read_definition("whole.json", text.as_bytes()).is_ok());
}

#[test]
fn sniffing_json_versus_xml() {
    assert!(flanders::looks_like_json(b"\xef\xbb\xbf \n{\"format\":1}"));
    assert!(!flanders::looks_like_json(b"<?xml version=\"1.0\"?><EML/>"));
    assert!(!flanders::looks_like_json(b""));
}
