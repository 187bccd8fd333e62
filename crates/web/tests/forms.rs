//! The pages without JavaScript: every step a plain HTML form, answered with a redirect or the
//! form again with the reason; and the Flemish paper count through the API.

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;

use common::{Client, Server, TEST, first_station, shape, sound_count};
use reqwest::StatusCode;
use serde_json::{Value, json};
use store::Actor;

/// The count as the browser posts it: ticked boxes as `on`, unticked ones absent.
fn form_pairs(count: &BTreeMap<String, Value>) -> Vec<(String, String)> {
    count
        .iter()
        .filter_map(|(key, value)| match value {
            Value::Bool(false) => None,
            Value::Bool(true) => Some((key.clone(), "on".into())),
            Value::String(text) => Some((key.clone(), text.clone())),
            other => Some((key.clone(), other.to_string())),
        })
        .collect()
}

async fn submit(
    client: &Client,
    station: u32,
    count: &BTreeMap<String, Value>,
    action: &str,
    extra: &[(&str, &str)],
) -> reqwest::Response {
    // The version the form was rendered with.
    let page = client
        .get(&format!("/elections/{TEST}/entries/{station}"))
        .await
        .text()
        .await
        .unwrap();
    let version = page
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    let mut pairs = form_pairs(count);
    pairs.push(("version".into(), version));
    pairs.push(("action".into(), action.into()));
    for (k, v) in extra {
        pairs.push(((*k).into(), (*v).into()));
    }
    let refs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    client
        .form(&format!("/elections/{TEST}/entries/{station}"), &refs)
        .await
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_flow_works_with_plain_forms() {
    let server = Server::start().await;
    let station = first_station(&server.store, TEST);
    let count = sound_count(&shape(&server.store, TEST), 10);
    let anna = server.login("anna").await;

    // The typist's list offers the polling station; claiming it is a form.
    let home = anna
        .get(&format!("/elections/{TEST}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(home.contains(&format!("id=\"claim-{station}\"")));
    let claimed = anna
        .form(&format!("/elections/{TEST}/entries/{station}/claim"), &[])
        .await;
    assert_eq!(claimed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&claimed),
        format!("/elections/{TEST}/entries/{station}")
    );

    // Saving a count with an error: saved, and the page shows the finding and marks the fields.
    let mut broken = count.clone();
    broken.insert("voters.b".into(), json!(5));
    let saved = submit(&anna, station, &broken, "save", &[]).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let page = anna
        .get(&format!("/elections/{TEST}/entries/{station}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("F.201"), "{page}");
    assert!(page.contains("mark-error"));
    // Finalising it without confirming the errors: refused, the form kept as typed.
    let refused = submit(&anna, station, &broken, "finalise", &[]).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    let page = refused.text().await.unwrap();
    assert!(page.contains("De invoer heeft fouten"), "{page}");
    assert!(page.contains("name=\"voters.b\" value=\"5\""));
    // Corrected and finalised.
    let done = submit(&anna, station, &count, "finalise", &[]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&done), format!("/elections/{TEST}"));

    // The second typist differs; the coordinator resolves with a plain form.
    let bert = server.login("bert").await;
    bert.form(&format!("/elections/{TEST}/entries/{station}/claim"), &[])
        .await;
    let mut slip = count.clone();
    slip.insert("votes.f".into(), json!(2));
    slip.insert("votes.g".into(), json!(0));
    let done = submit(&bert, station, &slip, "finalise", &[]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let coord = server.login("coord").await;
    let overview = coord
        .get(&format!("/elections/{TEST}/overview"))
        .await
        .text()
        .await
        .unwrap();
    assert!(overview.contains("verschil tussen invoeren"), "{overview}");
    let page = coord
        .get(&format!("/elections/{TEST}/entries/{station}/resolve"))
        .await
        .text()
        .await
        .unwrap();
    let version = page
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    // No decision chosen: the page again, with the reason.
    let none = coord
        .form(
            &format!("/elections/{TEST}/entries/{station}/resolve"),
            &[("version", &version)],
        )
        .await;
    assert_eq!(none.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let resolved = coord
        .form(
            &format!("/elections/{TEST}/entries/{station}/resolve"),
            &[("version", &version), ("decision", "keep_first")],
        )
        .await;
    assert_eq!(resolved.status(), StatusCode::SEE_OTHER);
    // A stale page (the old version) cannot resolve again.
    let stale = coord
        .form(
            &format!("/elections/{TEST}/entries/{station}/resolve"),
            &[("version", &version), ("decision", "discard_both")],
        )
        .await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);

    // Cees types the second entry again: definitive.
    let cees = server.login("cees").await;
    cees.form(&format!("/elections/{TEST}/entries/{station}/claim"), &[])
        .await;
    let done = submit(&cees, station, &count, "finalise", &[]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let overview = coord
        .get(&format!("/elections/{TEST}/overview"))
        .await
        .text()
        .await
        .unwrap();
    assert!(overview.contains("definitief"));
    assert!(overview.contains(&count["votes.h"].to_string()));

    // Abandoning an entry gives it back.
    let other = common::stations(&server.store, TEST)[1];
    anna.form(&format!("/elections/{TEST}/entries/{other}/claim"), &[])
        .await;
    let abandoned = submit(&anna, other, &count, "abandon", &[]).await;
    assert_eq!(abandoned.status(), StatusCode::SEE_OTHER);
    assert_eq!(anna.entry(TEST, other).await["status"], "not_started");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flemish_paper_count_is_entered_twice() {
    let server = Server::start().await;
    let bytes = testkit::fixture("flanders/GR2024_Lindeveld.json");
    let election = flanders::read_definition("GR2024_Lindeveld.json", &bytes).unwrap();
    let lists: Vec<usize> = election.contests[0]
        .lists
        .iter()
        .map(|l| l.candidates.len())
        .collect();
    let station = election.polling_stations[0].number.get();
    server
        .store
        .import_election(&Actor::new("test", "setup"), election, Vec::new())
        .unwrap();
    // Every list: 20 ballots, 5 with a list vote only, 15 preference votes on its first candidate.
    let mut count = BTreeMap::new();
    for (l, candidates) in lists.iter().enumerate() {
        count.insert(format!("lists.{}.ballots", l + 1), json!(20));
        count.insert(format!("lists.{}.list_only", l + 1), json!(5));
        for c in 0..*candidates {
            count.insert(
                format!("lists.{}.candidates.{}", l + 1, c + 1),
                json!(if c == 0 { 15 } else { 0 }),
            );
        }
    }
    count.insert("ballots.blank".into(), json!(1));
    count.insert("ballots.invalid".into(), json!(1));
    count.insert("ballots.total".into(), json!(20 * lists.len() + 2));

    let anna = server.login("anna").await;
    let bert = server.login("bert").await;
    let election = "GR2024_Lindeveld";
    // A broken variant first: V201 and V402.
    let (_, claimed) = anna.claim(election, station).await;
    let mut broken = count.clone();
    broken.insert("ballots.total".into(), json!(1));
    broken.insert("lists.1.candidates.2".into(), json!(16));
    let (status, saved) = anna
        .save(
            election,
            station,
            claimed["version"].as_u64().unwrap(),
            &broken,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let codes: Vec<&str> = saved["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"V201") && codes.contains(&"V402"),
        "{codes:?}"
    );
    let (status, _) = anna
        .save(
            election,
            station,
            saved["version"].as_u64().unwrap(),
            &count,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let entry = anna.entry(election, station).await;
    let (status, done) = anna
        .finalise(election, station, entry["version"].as_u64().unwrap(), false)
        .await;
    assert_eq!(
        (status, done["status"].as_str()),
        (StatusCode::OK, Some("second_entry_not_started"))
    );
    assert_eq!(
        bert.type_entry(election, station, &count).await,
        "definitive"
    );
    let coord = server.login("coord").await;
    let overview: Value = coord
        .get(&format!("/api/elections/{election}/entries"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(overview["totals"]["definitive"], 1);
    assert_eq!(overview["totals"]["per_list"][0], 20);
    // The Dutch form's fields do not fit a Flemish election.
    let (_, claimed) = anna.claim(election, election_second_station(&server)).await;
    let dutch = sound_count(&shape(&server.store, TEST), 1);
    let (status, _) = anna
        .save(
            election,
            election_second_station(&server),
            claimed["version"].as_u64().unwrap(),
            &dutch,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

fn election_second_station(server: &Server) -> u32 {
    common::stations(&server.store, "GR2024_Lindeveld")[1]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_start_asks_for_the_administrator_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = std::sync::Arc::new(store::Store::open_or_create(dir.path()).unwrap());
    let server = Server::serve(store, dir, common::test_config()).await;
    let client = server.client();
    let home = client.get("/").await;
    assert_eq!(location(&home), "/setup");
    let setup = |password: &'static str, repeat: &'static str| {
        let client = &client;
        async move {
            client
                .http
                .post(format!("{}/setup", client.base))
                .form(&[
                    ("username", "beheer"),
                    ("full_name", "Beheerder Gemeente"),
                    ("password", password),
                    ("repeat", repeat),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    // Too short, and two different passwords: the form again, nobody created.
    let short = setup("kort", "kort").await;
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.text().await.unwrap().contains("minstens 12 tekens"));
    let differ = setup("een lang wachtwoord", "een ander wachtwoord").await;
    assert_eq!(differ.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(server.store.user_count().unwrap(), 0);
    // Created and logged in.
    let created = setup("een lang wachtwoord", "een lang wachtwoord").await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&created), "/elections");
    let admin = server.store.user_by_username("beheer").unwrap().unwrap();
    assert_eq!(admin.role, store::Role::Administrator);
    assert!(admin.password_hash.starts_with("$argon2id$"));
    // Never again: the page sends to the login, and a second post creates nobody.
    let again = Client::new(&server.base);
    assert_eq!(location(&again.get("/setup").await), "/login");
    let second = again
        .http
        .post(format!("{}/setup", again.base))
        .form(&[
            ("username", "indringer"),
            ("full_name", "X"),
            ("password", "een lang wachtwoord"),
            ("repeat", "een lang wachtwoord"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&second), "/login");
    assert_eq!(server.store.user_count().unwrap(), 1);

    // The administrator creates a typist with a temporary password, shown once.
    let mut beheer = Client::new(&server.base);
    beheer.login("beheer", "een lang wachtwoord").await;
    let page = beheer
        .form(
            "/users/new",
            &[
                ("username", "invoerder9"),
                ("full_name", "Invoerder Negen"),
                ("role", "typist"),
            ],
        )
        .await
        .text()
        .await
        .unwrap();
    let temporary = page
        .split("id=\"temporary-password\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap()
        .to_string();
    assert_eq!(temporary.chars().count(), 16);
    let typist = server
        .store
        .user_by_username("invoerder9")
        .unwrap()
        .unwrap();
    assert!(typist.must_change_password);
    // The temporary password works once, for changing it.
    let mut new = Client::new(&server.base);
    let (status, body) = new.login("invoerder9", &temporary).await;
    assert_eq!(
        (status, body["must_change_password"].as_bool()),
        (StatusCode::OK, Some(true))
    );
    assert_eq!(location(&new.get("/elections").await), "/account/password");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn polling_stations_are_managed_with_plain_forms() {
    let server = Server::start().await;
    let admin = server.login("admin").await;
    let new = format!("/elections/{TEST}/polling-stations/new");
    let refused = admin
        .form(&new, &[("number", "zeven"), ("name", "Bibliotheek")])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("‘zeven’ is geen positief geheel getal"),
        "{page}"
    );
    assert!(
        page.contains("value=\"Bibliotheek\""),
        "what was typed stays"
    );
    let taken = common::stations(&server.store, TEST)[0].to_string();
    let refused = admin
        .form(&new, &[("number", &taken), ("name", "Dubbel")])
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert!(refused.text().await.unwrap().contains("al in gebruik"));
    let added = admin
        .form(
            &new,
            &[
                ("number", "77"),
                ("name", "Bibliotheek"),
                ("locality", "Test"),
            ],
        )
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let edited = admin
        .form(
            &format!("/elections/{TEST}/polling-stations/77/edit"),
            &[("number", "78"), ("name", "Bibliotheek (zaal 1)")],
        )
        .await;
    assert_eq!(edited.status(), StatusCode::SEE_OTHER);
    let list = admin
        .get(&format!("/elections/{TEST}/polling-stations"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        list.contains("Bibliotheek (zaal 1)") && !list.contains(">77<"),
        "{list}"
    );
    // Each polling station's empty count form (N 10-2), linked from the list, as PDF.
    let link = format!("/elections/{TEST}/polling-stations/78/n-10-2.pdf");
    assert!(list.contains(&link), "{list}");
    let form = admin.get(&link).await;
    assert_eq!(form.status(), StatusCode::OK);
    assert_eq!(form.headers()["content-type"], "application/pdf");
    assert!(
        form.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("Model_N10-2_GR2022_Test_SB78.pdf")
    );
    let pdf = form.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n-10-2.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let text = String::from_utf8_lossy(
        &std::process::Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) is installed by scripts/test")
            .stdout,
    )
    .into_owned();
    assert!(text.contains("Bibliotheek (zaal 1)"), "{text}");
    assert_eq!(
        admin
            .get(&format!(
                "/elections/{TEST}/polling-stations/999/n-10-2.pdf"
            ))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_result_and_its_files_once_every_count_is_definitive() {
    let server = Server::start().await;
    let coord = server.login("coord").await;
    // Before: the page says which polling stations are missing; no files can be made.
    let page = coord
        .get(&format!("/elections/{TEST}/result"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Nog geen definitieve telling"), "{page}");
    let refused = coord
        .form(&format!("/elections/{TEST}/result/files"), &[])
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);

    let anna = server.login("anna").await;
    let bert = server.login("bert").await;
    let shape = shape(&server.store, TEST);
    for (i, station) in common::stations(&server.store, TEST)
        .into_iter()
        .enumerate()
    {
        let count = sound_count(&shape, 10 + i as u64);
        anna.type_entry(TEST, station, &count).await;
        assert_eq!(bert.type_entry(TEST, station, &count).await, "definitive");
    }
    let page = coord
        .get(&format!("/elections/{TEST}/result"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"seats\""), "{page}");
    assert!(!page.contains("id=\"import-count\""), "{page}");
    let made = coord
        .form(&format!("/elections/{TEST}/result/files"), &[])
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let first = coord
        .get(&format!("/elections/{TEST}/result/files/eml-510b"))
        .await;
    assert_eq!(first.status(), StatusCode::OK);
    assert!(
        first.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("Telling_GR2022_Test.eml.xml")
    );
    let first = first.bytes().await.unwrap();
    let seats_table = |page: &str| {
        let start = page.find("id=\"seats\"").unwrap();
        let end = start + page[start..].find("</table>").unwrap();
        page[start..end].to_string()
    };
    let seats_here = seats_table(&page);

    // The central committee's path on another machine: the same election, no entries; the
    // coordinator uploads this 510b in the browser. A file that is not a count is refused,
    // changing nothing; the count becomes the definitive counts, with the same seats.
    let central = Server::start().await;
    let central_coord = central.login("coord").await;
    let import = format!("/elections/{TEST}/result/import");
    let refused = central_coord
        .upload(&import, "Telling_kapot.eml.xml", b"<not-eml/>")
        .await;
    assert!(refused.status().is_client_error(), "{}", refused.status());
    let message = refused.text().await.unwrap();
    assert!(message.contains("Telling_kapot.eml.xml"), "{message}");
    let page = central_coord
        .get(&format!("/elections/{TEST}/result"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"import-count\""), "{page}");
    assert!(page.contains("Nog geen definitieve telling"), "{page}");
    let typist = central.login("anna").await;
    assert_eq!(
        typist
            .upload(&import, "Telling_GR2022_Test.eml.xml", &first)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let imported = central_coord
        .upload(&import, "Telling_GR2022_Test.eml.xml", &first)
        .await;
    assert_eq!(imported.status(), StatusCode::SEE_OTHER);
    let page = central_coord
        .get(&format!("/elections/{TEST}/result"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(seats_table(&page), seats_here);
    assert!(!page.contains("id=\"import-count\""), "{page}");
    // Scripts use the API: the same import, answered in JSON.
    let scripted = Server::start().await;
    let api = scripted.login("coord").await;
    let response = api
        .post_file(
            &format!("/api/elections/{TEST}/result/import"),
            "Telling_GR2022_Test.eml.xml",
            &first,
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(
        body["imported"].as_u64(),
        Some(common::stations(&scripted.store, TEST).len() as u64)
    );
    // Once imported, a second import is refused.
    let again = central_coord
        .upload(&import, "Telling_GR2022_Test.eml.xml", &first)
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    // Made again: the stored file, byte for byte.
    coord
        .form(&format!("/elections/{TEST}/result/files"), &[])
        .await;
    let second = coord
        .get(&format!("/elections/{TEST}/result/files/eml-510b"))
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(first, second);
    let csv = coord
        .get(&format!("/elections/{TEST}/result/files/osv4-3-csv"))
        .await
        .text()
        .await
        .unwrap();
    assert!(csv.starts_with('\u{feff}') && csv.contains("\"Gemeenteraad Test 2022\""));
    // The central committee's EML and the official reports, stored with the count's files.
    for (kind, content_type, starts) in [
        ("eml-510d", "application/xml", "<?xml"),
        ("eml-520", "application/xml", "<?xml"),
        ("pdf-na-31-2", "application/pdf", "%PDF-"),
        ("pdf-na-31-2-bijlage-1", "application/pdf", "%PDF-"),
        ("pdf-p-22-2", "application/pdf", "%PDF-"),
    ] {
        let response = coord
            .get(&format!("/elections/{TEST}/result/files/{kind}"))
            .await;
        assert_eq!(response.status(), StatusCode::OK, "{kind}");
        assert_eq!(response.headers()["content-type"], content_type, "{kind}");
        let bytes = response.bytes().await.unwrap();
        assert!(bytes.starts_with(starts.as_bytes()), "{kind}");
    }
    let page = coord
        .get(&format!("/elections/{TEST}/result"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Model_P22-2_GR2022_Test.pdf"), "{page}");
    // Once the result's files are made, the result cannot change.
    let late = coord
        .form(
            &format!("/elections/{TEST}/result/deceased"),
            &[("list", "1"), ("position", "1")],
        )
        .await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    // Typists may not see the result; an unknown kind is not found.
    assert_eq!(
        anna.get(&format!("/elections/{TEST}/result"))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        coord
            .get(&format!("/elections/{TEST}/result/files/pdf"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

/// A small council of 5 seats whose two lists have exactly the same votes: the last seat is
/// decided by lot (Kieswet P 14).
fn tied_election() -> model::Election {
    use model::*;
    let candidates = |list: u32| -> Vec<Candidate> {
        (1..=5)
            .map(|p| Candidate {
                position: CandidatePosition::new(p).unwrap(),
                initials: Some("A.".into()),
                first_name: None,
                prefix: None,
                last_name: format!("Kandidaat{list}x{p}"),
                gender: None,
                locality: None,
                country: None,
            })
            .collect()
    };
    Election {
        id: ElectionId::new("GR2026_Gelijkstand").unwrap(),
        name: "Gemeenteraad Gelijkstand 2026".into(),
        jurisdiction: Jurisdiction::Netherlands,
        body: Body::MunicipalCouncil,
        domain: Some(Domain {
            id: Some(DomainId::new("9999").unwrap()),
            name: "Gelijkstand".into(),
        }),
        election_date: chrono::NaiveDate::from_ymd_opt(2026, 3, 18).unwrap(),
        nomination_date: None,
        seats: 5,
        preference_threshold_percent: Some(50),
        law: LawVersion::NlKieswet,
        contests: vec![Contest {
            id: ContestId::new("geen").unwrap(),
            name: None,
            seats: Some(5),
            lists: (1..=2)
                .map(|n| List {
                    number: ListNumber::new(n).unwrap(),
                    name: format!("Partij {n}"),
                    candidates: candidates(n),
                })
                .collect(),
        }],
        polling_stations: vec![PollingStation {
            number: PollingStationNumber::new(1).unwrap(),
            name: "Dorpshuis".into(),
            kind: None,
            address: Address::default(),
            voters: Some(200),
            contest: None,
        }],
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_enters_a_drawing_of_lots_and_a_deceased_candidate() {
    let server = Server::start().await;
    let election = tied_election();
    server
        .store
        .import_election(&Actor::new("test", "setup"), election.clone(), Vec::new())
        .unwrap();
    let id = "GR2026_Gelijkstand";
    // 50 votes for each list, all on its first candidate.
    let mut count = sound_count(&[5, 5], 0);
    for l in 1..=2 {
        for c in 1..=5 {
            count.insert(
                format!("lists.{l}.candidates.{c}"),
                json!(if c == 1 { 50 } else { 0 }),
            );
        }
        count.insert(format!("lists.{l}.total"), json!(50));
        count.insert(format!("votes.e.{l}"), json!(50));
    }
    for (key, value) in [
        ("votes.e", 100),
        ("votes.f", 0),
        ("votes.g", 0),
        ("votes.h", 100),
        ("voters.a", 100),
        ("voters.b", 0),
        ("voters.c", 0),
        ("voters.d", 100),
    ] {
        count.insert(key.into(), json!(value));
    }
    let anna = server.login("anna").await;
    let bert = server.login("bert").await;
    anna.type_entry(id, 1, &count).await;
    assert_eq!(bert.type_entry(id, 1, &count).await, "definitive");

    let coord = server.login("coord").await;
    let page = coord
        .get(&format!("/elections/{id}/result"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"lot\""), "{page}");
    let lot_id = page
        .split("name=\"lot\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    // An order that does not name the tied lists is refused; nothing recorded.
    let refused = coord
        .form(
            &format!("/elections/{id}/result/lot"),
            &[("lot", &lot_id), ("order", "2, 3")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert!(
        server
            .store
            .result_decisions(&model::ElectionId::new(id).unwrap())
            .unwrap()
            .is_empty()
    );
    // Drawn: list 2 wins the last seat.
    let entered = coord
        .form(
            &format!("/elections/{id}/result/lot"),
            &[("lot", &lot_id), ("order", "2, 1")],
        )
        .await;
    assert_eq!(entered.status(), StatusCode::SEE_OTHER);
    let page = coord
        .get(&format!("/elections/{id}/result"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("id=\"seats\"") && !page.contains("id=\"lot\""),
        "{page}"
    );
    let election_id = model::ElectionId::new(id).unwrap();
    let summary = server.state.office.result(&election_id).unwrap().summary;
    let seats: Vec<u32> = summary.contests[0].lists.iter().map(|l| l.seats).collect();
    assert_eq!(seats, [2, 3]);
    // A second lot for the same tie: none pending.
    let again = coord
        .form(
            &format!("/elections/{id}/result/lot"),
            &[("lot", &lot_id), ("order", "1, 2")],
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);

    // The first candidate of list 2 died before the result (Kieswet P 19a): not elected.
    let registered = coord
        .form(
            &format!("/elections/{id}/result/deceased"),
            &[("list", "2"), ("position", "1")],
        )
        .await;
    assert_eq!(registered.status(), StatusCode::SEE_OTHER);
    let view = server.state.office.result(&election_id).unwrap();
    let deceased: Vec<(u32, u32)> = view
        .determination
        .decisions
        .deceased
        .iter()
        .map(|d| (d.list.get(), d.position.get()))
        .collect();
    assert_eq!(deceased, [(2, 1)]);
    let list_2 = &view.summary.contests[0].lists[1];
    assert!(
        !list_2
            .elected
            .iter()
            .any(|e| e.name.contains("Kandidaat2x1")),
        "{:?}",
        list_2.elected
    );
    // Unknown candidates and typists are refused.
    let unknown = coord
        .form(
            &format!("/elections/{id}/result/deceased"),
            &[("list", "2"), ("position", "9")],
        )
        .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let typist = anna
        .form(
            &format!("/elections/{id}/result/deceased"),
            &[("list", "1"), ("position", "1")],
        )
        .await;
    assert_eq!(typist.status(), StatusCode::FORBIDDEN);
    let actions = server.audit_actions();
    assert!(
        actions.iter().any(|a| a == "result.lot") && actions.iter().any(|a| a == "result.deceased")
    );

    // The result package carries both decisions (decisions.json), so that the centre, computing
    // the seats again from the package alone, gets the municipality's result; without the file
    // it would stop at the tie.
    let mut files: std::collections::BTreeMap<String, Vec<u8>> = server
        .state
        .office
        .result_documents(&Actor::new("test", "seal"), &election_id)
        .unwrap()
        .into_iter()
        .map(|file| (file.name, file.bytes))
        .collect();
    // `urna result seal` adds the definition the ceremony signed.
    files.insert(
        publish::source::ELECTION_FILE.into(),
        serde_json::to_vec(&election).unwrap(),
    );
    let decisions: determine::Decisions =
        serde_json::from_slice(&files[determine::Decisions::FILE]).unwrap();
    assert_eq!(decisions.election.as_str(), id);
    assert_eq!(
        decisions.deceased,
        [determine::Deceased {
            contest: None,
            list: model::ListNumber::new(2).unwrap(),
            position: model::CandidatePosition::new(1).unwrap(),
        }]
    );
    assert_eq!(decisions.lots.len(), 1);
    assert_eq!(decisions.lots[0].order, [2, 1]);
    let centre = publish::source::determine(publish::source::read(&files).unwrap()).unwrap();
    let centre = centre.determination.contests[0].apportionment().unwrap();
    let seats: Vec<(u32, u32)> = centre.lists.iter().map(|l| (l.number, l.seats)).collect();
    assert_eq!(seats, [(1, 2), (2, 3)]);
    assert!(!centre.lists[1].elected.contains(&1));
    let mut without = files.clone();
    without.remove(determine::Decisions::FILE);
    assert!(matches!(
        publish::source::determine(publish::source::read(&without).unwrap()),
        Err(publish::source::SourceError::LotPending(_))
    ));
}
