//! Results entry with plain forms: the whole flow, and a Flemish paper count entered twice.

use super::*;

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
async fn a_fresh_form_is_empty_and_a_skipped_field_is_refused_by_name_keeping_what_was_typed() {
    let server = Server::start().await;
    let station = first_station(&server.store, TEST);
    let anna = server.login("anna").await;
    anna.form(&format!("/elections/{TEST}/entries/{station}/claim"), &[])
        .await;
    let page = anna
        .get(&format!("/elections/{TEST}/entries/{station}"))
        .await
        .text()
        .await
        .unwrap();
    // No count field starts with a number: nothing looks typed before it is.
    assert!(
        page.contains("name=\"voters.a\" value=\"\""),
        "voters.a is not empty"
    );
    assert!(!page.contains("value=\"0\""), "a field starts with 0");

    // Everything typed but the blank votes: refused, naming that field, and the page keeps
    // every value typed.
    let mut count = sound_count(&shape(&server.store, TEST), 10);
    let typed_a = count["voters.a"].clone();
    count.remove("votes.f");
    let refused = submit(&anna, station, &count, "finalise", &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(page.contains("Blanco stemmen ontbreekt"), "{page}");
    let typed_a = match typed_a {
        Value::String(text) => text,
        other => other.to_string(),
    };
    assert!(
        page.contains(&format!("name=\"voters.a\" value=\"{typed_a}\"")),
        "what was typed is gone"
    );
    // Left empty, as a browser sends a field nobody typed in: refused by name too, never read
    // as 0.
    count.insert("votes.f".into(), json!(""));
    let refused = submit(&anna, station, &count, "finalise", &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(page.contains("Blanco stemmen is leeg"), "{page}");
    // A typed 0 is a value.
    count.insert("votes.f".into(), json!(0));
    let saved = submit(&anna, station, &count, "save", &[]).await;
    assert_eq!(
        saved.status(),
        StatusCode::SEE_OTHER,
        "{}",
        saved.text().await.unwrap()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_typist_sees_on_the_start_page_which_entry_came_back_why_and_from_whom() {
    let server = Server::start().await;
    let station = first_station(&server.store, TEST);
    let count = sound_count(&shape(&server.store, TEST), 10);
    let mut slip = count.clone();
    let votes = slip["lists.1.candidates.1"].as_u64().unwrap();
    slip.insert("lists.1.candidates.1".into(), json!(votes + 1));
    slip.insert(
        "lists.1.candidates.2".into(),
        json!(slip["lists.1.candidates.2"].as_u64().unwrap() - 1),
    );
    let (anna, bert, coord) = (
        server.login("anna").await,
        server.login("bert").await,
        server.login("coord").await,
    );
    anna.type_entry(TEST, station, &count).await;
    assert_eq!(
        bert.type_entry(TEST, station, &slip).await,
        "entries_different"
    );
    assert!(!home(&bert).await.contains("id=\"returned\""));

    // The coordinator sends Bert's entry back.
    let version = coord.entry(TEST, station).await["version"]
        .as_u64()
        .unwrap();
    let (status, body) = coord
        .json(
            "POST",
            &format!("{}/resolve", common::Client::entry_path(TEST, station)),
            &json!({ "version": version, "decision": "send_back_second" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let page = home(&bert).await;
    assert!(page.contains("Teruggestuurd naar u"), "{page}");
    // Which station, from whom (the coordinator's name), and why.
    assert!(page.contains(&format!("Stembureau {station} (")), "{page}");
    assert!(page.contains("teruggestuurd door coord op "), "{page}");
    assert!(
        page.contains("verschilt van die van de andere invoerder"),
        "{page}"
    );
    // Only to the typist it went back to.
    assert!(!home(&anna).await.contains("id=\"returned\""));

    // Once Bert works on it again, the notice has done its job.
    let (status, claimed) = bert.claim(TEST, station).await;
    assert_eq!(status, StatusCode::OK, "{claimed}");
    let version = claimed["version"].as_u64().unwrap();
    bert.save(TEST, station, version, &count).await;
    assert!(!home(&bert).await.contains("id=\"returned\""));
}

/// The typist's start page for the test election.
async fn home(client: &common::Client) -> String {
    client
        .get(&format!("/elections/{TEST}"))
        .await
        .text()
        .await
        .unwrap()
}
