//! The double-entry flow over HTTP: equal entries, different entries and every resolution,
//! errors, the same typist twice, every validation code.

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;

use common::{Client, Server, TEST, first_station, shape};
use reqwest::StatusCode;
use serde_json::{Value, json};
use testkit::sound_count;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_equal_entries_make_a_definitive_count() {
    let server = Server::start().await;
    let station = first_station(&server.store, TEST);
    let count = sound_count(&shape(&server.store, TEST), 10);
    let anna = server.login("anna").await;
    let bert = server.login("bert").await;
    assert_eq!(
        anna.type_entry(TEST, station, &count).await,
        "second_entry_not_started"
    );
    assert_eq!(bert.type_entry(TEST, station, &count).await, "definitive");

    let coord = server.login("coord").await;
    let overview: Value = coord
        .get(&format!("/api/elections/{TEST}/entries"))
        .await
        .json()
        .await
        .unwrap();
    let row = overview["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["number"] == json!(station))
        .unwrap();
    assert_eq!(row["status"], "definitive");
    assert_eq!(row["first_typist"], "anna");
    assert_eq!(row["second_typist"], "bert");
    assert_eq!(overview["totals"]["definitive"], 1);
    assert_eq!(overview["totals"]["total_cast"], count["votes.h"]);
    assert_eq!(overview["totals"]["per_list"][0], count["votes.e.1"]);

    let entry = coord.entry(TEST, station).await;
    assert_eq!(entry["status"], "definitive");
    assert_eq!(
        entry["count"]["count"]["votes"]["total_cast"], count["votes.h"],
        "{entry}"
    );

    let actions = server.audit_actions();
    for action in ["user.login", "entry.claim", "entry.save", "entry.finalise"] {
        assert!(actions.iter().any(|a| a == action), "{action} not logged");
    }
    assert_eq!(server.store.verify_audit_log().unwrap().broken, None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_typist_cannot_type_both_entries() {
    let server = Server::start().await;
    let station = first_station(&server.store, TEST);
    let count = sound_count(&shape(&server.store, TEST), 10);
    let anna = server.login("anna").await;
    anna.type_entry(TEST, station, &count).await;
    let before = server.snapshot();
    let (status, body) = anna.claim(TEST, station).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("anna typed the first entry"),
        "{body}"
    );
    assert!(
        body["message_nl"]
            .as_str()
            .unwrap()
            .contains("iemand anders")
    );
    assert_eq!(server.snapshot(), before, "a refusal changed the database");
}

/// Both typists enter, the second with one candidate's votes moved: the entries differ.
async fn different_entries(server: &Server, station: u32) -> (Client, Client, Client) {
    let count = sound_count(&shape(&server.store, TEST), 10);
    let mut other = count.clone();
    // A typing slip that keeps every total consistent: 1 vote moved between two candidates.
    let a = other["lists.1.candidates.1"].as_u64().unwrap();
    let b = other["lists.1.candidates.2"].as_u64().unwrap();
    other.insert("lists.1.candidates.1".into(), json!(a + 1));
    other.insert("lists.1.candidates.2".into(), json!(b - 1));
    let anna = server.login("anna").await;
    let bert = server.login("bert").await;
    anna.type_entry(TEST, station, &count).await;
    assert_eq!(
        bert.type_entry(TEST, station, &other).await,
        "entries_different"
    );
    let coord = server.login("coord").await;
    (anna, bert, coord)
}

async fn resolve(coord: &Client, station: u32, decision: &str) -> (StatusCode, Value) {
    let entry = coord.entry(TEST, station).await;
    let version = entry["version"].as_u64().unwrap();
    coord
        .json(
            "POST",
            &format!("{}/resolve", Client::entry_path(TEST, station)),
            &json!({ "version": version, "decision": decision }),
        )
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_sees_both_entries_field_by_field() {
    let server = Server::start().await;
    let station = first_station(&server.store, TEST);
    let (_, _, coord) = different_entries(&server, station).await;
    let entry = coord.entry(TEST, station).await;
    assert_eq!(entry["status"], "entries_different");
    let keys: Vec<&str> = entry["differences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"]["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["lists.1.candidates.1", "lists.1.candidates.2"]);
    assert_eq!(entry["first"]["typist"]["username"], "anna");
    assert_eq!(entry["second"]["typist"]["username"], "bert");
    // And the HTML page shows them side by side.
    let page = coord
        .get(&format!("/elections/{TEST}/entries/{station}/resolve"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"differences\""));
    assert!(page.contains("anna") && page.contains("bert"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_resolution_of_different_entries() {
    let server = Server::start().await;
    let stations = common::stations(&server.store, TEST);
    let count = sound_count(&shape(&server.store, TEST), 10);

    // Keep the first: the kept entry waits for a new second entry by someone else.
    let (anna, bert, coord) = different_entries(&server, stations[0]).await;
    let (status, body) = resolve(&coord, stations[0], "keep_first").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("second_entry_not_started"))
    );
    assert_eq!(anna.claim(TEST, stations[0]).await.0, StatusCode::CONFLICT);
    assert_eq!(
        bert.type_entry(TEST, stations[0], &count).await,
        "definitive"
    );

    // Keep the second: bert's entry becomes the reference; anna may type it again.
    let (anna, _, coord) = different_entries(&server, stations[1]).await;
    let (status, body) = resolve(&coord, stations[1], "keep_second").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("second_entry_not_started"))
    );
    let entry = coord.entry(TEST, stations[1]).await;
    assert_eq!(entry["first"]["typist"]["username"], "bert");
    let mut bert_count = count.clone();
    let a = bert_count["lists.1.candidates.1"].as_u64().unwrap();
    let b = bert_count["lists.1.candidates.2"].as_u64().unwrap();
    bert_count.insert("lists.1.candidates.1".into(), json!(a + 1));
    bert_count.insert("lists.1.candidates.2".into(), json!(b - 1));
    assert_eq!(
        anna.type_entry(TEST, stations[1], &bert_count).await,
        "definitive"
    );

    // Send the second back: bert corrects his entry, which is compared with anna's again.
    let (_, bert, coord) = different_entries(&server, stations[2]).await;
    let (status, body) = resolve(&coord, stations[2], "send_back_second").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("second_entry_in_progress"))
    );
    assert_eq!(
        bert.type_entry(TEST, stations[2], &count).await,
        "definitive"
    );

    // Send the first back: anna corrects hers against bert's.
    let (anna, _, coord) = different_entries(&server, stations[3]).await;
    let (status, body) = resolve(&coord, stations[3], "send_back_first").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("second_entry_in_progress"))
    );
    assert_eq!(
        anna.type_entry(TEST, stations[3], &bert_count).await,
        "definitive"
    );

    // Discard both: the polling station starts over.
    let (_, _, coord) = different_entries(&server, stations[4]).await;
    let (status, body) = resolve(&coord, stations[4], "discard_both").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("not_started"))
    );

    // A decision on an entry that is not in dispute is refused.
    let (status, _) = resolve(&coord, stations[4], "keep_first").await;
    assert_eq!(status, StatusCode::CONFLICT);
    // An unknown decision too.
    let (status, body) = resolve(&coord, stations[4], "flip_a_coin").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

    let actions = server.audit_actions();
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "entry.resolve_differences")
            .count(),
        5
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_entry_with_errors_goes_to_the_coordinator() {
    let server = Server::start().await;
    let stations = common::stations(&server.store, TEST);
    let mut broken = sound_count(&shape(&server.store, TEST), 10);
    let d = broken["voters.d"].as_u64().unwrap();
    broken.insert("voters.d".into(), json!(d + 1)); // F201 and the D/H rules

    let anna = server.login("anna").await;
    let (_, claimed) = anna.claim(TEST, stations[0]).await;
    let (status, saved) = anna
        .save(
            TEST,
            stations[0],
            claimed["version"].as_u64().unwrap(),
            &broken,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let codes: Vec<&str> = saved["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"F201"), "{codes:?}");
    let version = saved["version"].as_u64().unwrap();
    // Finalising without acknowledging the errors is refused, with the findings.
    let (status, body) = anna.finalise(TEST, stations[0], version, false).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body["findings"].is_array());
    let (status, body) = anna.finalise(TEST, stations[0], version, true).await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("first_entry_has_errors"))
    );

    // Nobody can start the second entry of a report with errors.
    let bert = server.login("bert").await;
    assert_eq!(bert.claim(TEST, stations[0]).await.0, StatusCode::CONFLICT);

    let coord = server.login("coord").await;
    let (status, body) = resolve(&coord, stations[0], "return_to_typist").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("first_entry_in_progress"))
    );
    let sound = sound_count(&shape(&server.store, TEST), 10);
    assert_eq!(
        anna.type_entry(TEST, stations[0], &sound).await,
        "second_entry_not_started"
    );

    anna.type_entry(TEST, stations[1], &broken).await;
    let (status, body) = resolve(&coord, stations[1], "discard").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("not_started"))
    );
    assert!(
        server
            .audit_actions()
            .iter()
            .any(|a| a == "entry.resolve_errors")
    );
}

/// Sets fields of a sound count.
fn with(mut count: BTreeMap<String, Value>, changes: &[(&str, Value)]) -> BTreeMap<String, Value> {
    for (key, value) in changes {
        count.insert((*key).to_string(), value.clone());
    }
    count
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_validation_code_is_reported() {
    let server = Server::start().await;
    let station = first_station(&server.store, TEST);
    let base = sound_count(&shape(&server.store, TEST), 10);
    let n = |key: &str| base[key].as_u64().unwrap();
    let (d, h, e1, c11, t1) = (
        n("voters.d"),
        n("votes.h"),
        n("votes.e.1"),
        n("lists.1.candidates.1"),
        n("lists.1.total"),
    );
    let e = n("votes.e");
    // H above D by 2 (A lowered), I = 2, explained.
    let above = |i: u64, j: u64, equal: bool| {
        with(
            base.clone(),
            &[
                ("voters.a", json!(n("voters.a") - 2)),
                ("voters.d", json!(d - 2)),
                ("differences.d_equals_h", json!(equal)),
                ("differences.h_greater_than_d", json!(true)),
                ("differences.i", json!(i)),
                ("differences.j", json!(j)),
                ("differences.explained_yes", json!(true)),
            ],
        )
    };
    // H below D by 3 (A raised), J = 3.
    let below = |i: u64, j: u64, yes: bool, no: bool| {
        with(
            base.clone(),
            &[
                ("voters.a", json!(n("voters.a") + 3)),
                ("voters.d", json!(d + 3)),
                ("differences.d_equals_h", json!(false)),
                ("differences.h_less_than_d", json!(true)),
                ("differences.i", json!(i)),
                ("differences.j", json!(j)),
                ("differences.explained_yes", json!(yes)),
                ("differences.explained_no", json!(no)),
            ],
        )
    };
    let cases: Vec<(&str, BTreeMap<String, Value>)> = vec![
        ("F201", with(base.clone(), &[("voters.b", json!(3))])),
        (
            "F202",
            with(
                base.clone(),
                &[
                    ("votes.e", json!(e + 1)),
                    ("votes.h", json!(h + 1)),
                    ("voters.a", json!(n("voters.a") + 1)),
                    ("voters.d", json!(d + 1)),
                    ("lists.1.total", json!(t1 + 1)),
                    ("lists.1.candidates.1", json!(c11 + 1)),
                ],
            ),
        ),
        ("F203", with(base.clone(), &[("votes.f", json!(2))])),
        (
            "F204",
            with(
                base.clone(),
                &[
                    ("lists.1.total", json!(t1 + 1)),
                    ("lists.1.candidates.1", json!(c11 + 1)),
                ],
            ),
        ),
        ("F301", above(2, 0, true)),
        (
            "F302",
            with(
                base.clone(),
                &[
                    ("differences.d_equals_h", json!(false)),
                    ("differences.h_greater_than_d", json!(true)),
                ],
            ),
        ),
        (
            "F303",
            with(
                base.clone(),
                &[
                    ("differences.d_equals_h", json!(false)),
                    ("differences.h_less_than_d", json!(true)),
                ],
            ),
        ),
        (
            "F304",
            with(base.clone(), &[("differences.d_equals_h", json!(false))]),
        ),
        ("F305", with(base.clone(), &[("differences.i", json!(1))])),
        ("F306", above(1, 0, false)),
        ("F307", above(2, 1, false)),
        ("F308", below(0, 2, true, false)),
        ("F309", below(1, 3, true, false)),
        ("F310", below(0, 3, true, true)),
        ("F401", with(base.clone(), &[("lists.1.total", json!(0))])),
        (
            "F402",
            with(base.clone(), &[("lists.1.candidates.1", json!(c11 + 1))]),
        ),
        ("F403", with(base.clone(), &[("votes.e.1", json!(e1 + 1))])),
        (
            "W201",
            with(
                base.clone(),
                &[
                    ("votes.f", json!(h)),
                    ("votes.h", json!(2 * h - 1)),
                    ("voters.a", json!(n("voters.a") + h - 1)),
                    ("voters.d", json!(2 * h - 1)),
                ],
            ),
        ),
        (
            "W202",
            with(
                base.clone(),
                &[
                    ("votes.g", json!(h)),
                    ("votes.h", json!(2 * h - 1)),
                    ("voters.a", json!(n("voters.a") + h - 1)),
                    ("voters.d", json!(2 * h - 1)),
                ],
            ),
        ),
        (
            "W203",
            with(
                base.clone(),
                &[
                    ("voters.a", json!(n("voters.a") + 40)),
                    ("voters.d", json!(d + 40)),
                    ("differences.d_equals_h", json!(false)),
                    ("differences.h_less_than_d", json!(true)),
                    ("differences.j", json!(40)),
                    ("differences.explained_no", json!(true)),
                ],
            ),
        ),
        ("W204", with(base.clone(), &[("votes.h", json!(0))])),
    ];
    let anna = server.login("anna").await;
    let (_, claimed) = anna.claim(TEST, station).await;
    let mut version = claimed["version"].as_u64().unwrap();
    let mut seen = Vec::new();
    for (code, fields) in &cases {
        let (status, saved) = anna.save(TEST, station, version, fields).await;
        assert_eq!(status, StatusCode::OK, "{code}: {saved}");
        version = saved["version"].as_u64().unwrap();
        let codes: Vec<String> = saved["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect();
        assert!(codes.iter().any(|c| c == code), "{code} not in {codes:?}");
        let severity = saved["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == json!(code))
            .unwrap()["severity"]
            .clone();
        assert_eq!(
            severity,
            if code.starts_with('F') {
                "error"
            } else {
                "warning"
            },
            "{code}"
        );
        seen.push(code.to_string());
    }
    // Every Dutch code of the rule set is covered here.
    let dutch: Vec<String> = model::rules::Code::ALL
        .iter()
        .map(|c| c.label().to_string())
        .filter(|c| !c.starts_with('V'))
        .collect();
    assert_eq!(seen, dutch);
    // The sound count has none.
    let (_, saved) = anna.save(TEST, station, version, &base).await;
    assert_eq!(saved["findings"], json!([]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn warnings_must_be_acknowledged_before_finalising() {
    let server = Server::start().await;
    let station = first_station(&server.store, TEST);
    let base = sound_count(&shape(&server.store, TEST), 10);
    let h = base["votes.h"].as_u64().unwrap();
    let d = base["voters.d"].as_u64().unwrap();
    let a = base["voters.a"].as_u64().unwrap();
    let blank = with(
        base,
        &[
            ("votes.f", json!(h)),
            ("votes.h", json!(2 * h - 1)),
            ("voters.a", json!(a + h - 1)),
            ("voters.d", json!(d + h - 1)),
        ],
    );
    let anna = server.login("anna").await;
    let (_, claimed) = anna.claim(TEST, station).await;
    let (_, saved) = anna
        .save(TEST, station, claimed["version"].as_u64().unwrap(), &blank)
        .await;
    let version = saved["version"].as_u64().unwrap();
    let (status, body) = anna
        .json(
            "POST",
            &format!("{}/finalise", Client::entry_path(TEST, station)),
            &json!({ "version": version }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body["message"].as_str().unwrap().contains("warnings"));
    let (status, body) = anna
        .json(
            "POST",
            &format!("{}/finalise", Client::entry_path(TEST, station)),
            &json!({ "version": version, "acknowledge_warnings": true }),
        )
        .await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("second_entry_not_started"))
    );
}
