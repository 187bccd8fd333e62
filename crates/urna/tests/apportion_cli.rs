//! `urna apportion`: text and JSON output, the exit status when a lot is needed, and refusals
//! that name the file and field.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use std::process::{Command, Output};

use testkit::fixture_path;

fn urna(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(args)
        .env_remove("URNA_LANG")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn text_report_in_dutch_with_articles() {
    let input = fixture_path("apportionment/nl-gr2022-reuseldemierden.input.json");
    let output = urna(&["apportion", "--input", input.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let report = text(&output.stdout);
    for expected in [
        "Kiesdeler (Kieswet P 5): 5104 / 15 = 5104/15 (≈ 340.2667)",
        "Zetel 3 (Kieswet P 8, grootste overschot): lijst 4",
        "Absolute meerderheid (Kieswet P 9): lijst 1 heeft 2571 van de 5104 stemmen",
        "De laatste restzetel van lijst 4 gaat naar lijst 1.",
        "Voorkeurdrempel (Kieswet P 15): 50% van de kiesdeler",
        "Rangschikking van de niet-gekozenen (Kieswet P 19), lijst 1: 9, 10, 11, 12",
    ] {
        assert!(
            report.contains(expected),
            "missing {expected:?} in\n{report}"
        );
    }
}

#[test]
fn json_output_and_lots() {
    let input = fixture_path("apportionment/nl-gr2022-geertruidenberg.input.json");
    let output = urna(&["apportion", "--json", "--input", input.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(3), "a lot is required first");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["lots_required"]["id"], "P15-list-3:2,4");
    assert_eq!(json["lists"].as_array().unwrap().len(), 0);

    // Add the drawn lot and run again.
    let dir = tempfile::tempdir().unwrap();
    let mut document: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&input).unwrap()).unwrap();
    document["lots"] = serde_json::json!([{"id": "P15-list-3:2,4", "order": [4, 2]}]);
    let with_lot = dir.path().join("with-lot.json");
    std::fs::write(&with_lot, document.to_string()).unwrap();
    let output = urna(&["apportion", "--json", "--input", with_lot.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json["lots_required"].is_null());
    let morgen = &json["lists"][2];
    assert_eq!(morgen["seats"], 3);
    assert_eq!(morgen["elected"], serde_json::json!([1, 5, 4]));
    assert_eq!(morgen["preference_elected"], serde_json::json!([1, 5, 4]));
}

#[test]
fn refusals_name_file_and_field() {
    let dir = tempfile::tempdir().unwrap();
    for (content, expected) in [
        (
            r#"{"rules": "nl-gemeenteraad", "seats": 9}"#,
            "missing field `lists`",
        ),
        (
            r#"{"rules": "nl-gemeenteraad", "seats": 9, "lists": [{"number": 1, "votes": -5}]}"#,
            "field lists[0].votes",
        ),
        (
            r#"{"rules": "d'hondt", "seats": 9, "lists": []}"#,
            "field rules",
        ),
        (
            r#"{"rules": "dhondt", "seats": 9, "lists": [{"number": 1, "votes": 5}, {"number": 1, "votes": 5}]}"#,
            "lists[1].number: list 1 occurs twice",
        ),
        ("{\n\"rules\": \"dhondt\",", "line 2"),
    ] {
        let file = dir.path().join("input.json");
        std::fs::write(&file, content).unwrap();
        let output = urna(&[
            "--lang",
            "en",
            "apportion",
            "--input",
            file.to_str().unwrap(),
        ]);
        assert_eq!(output.status.code(), Some(1), "{content}");
        let stderr = text(&output.stderr);
        assert!(stderr.contains("input.json"), "{stderr}");
        assert!(stderr.contains(expected), "{expected:?} not in {stderr}");
    }
    let missing = urna(&["apportion", "--input", "/nonexistent.json"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("/nonexistent.json"));
}
