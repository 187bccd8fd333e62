//! In a real browser (headless Chromium through ChromeDriver): two typists and a coordinator
//! complete a polling station whose two entries differ. Screenshots of the entry form and of the
//! resolution page are saved in `target/screenshots/` for review.
//!
//! Needs `chromium` and `chromium-driver` (Debian), which `./scripts/test` installs.

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;

use common::chromium::{Viewport, browser, click, log_in, screenshots, text_of};
use common::{PASSWORD, Server, TEST, first_station, shape};
use fantoccini::{Client, Locator};
use serde_json::{Value, json};
use testkit::sound_count;

fn url(text: &str) -> url::Url {
    url::Url::parse(text).unwrap()
}

async fn log_out(browser: &Client) {
    click(browser, Locator::Css("header form button")).await;
}

/// Types a count into the open entry form the way a typist does: a value, Enter (which the
/// script turns into "next field"), the next value.
async fn type_count(browser: &Client, count: &BTreeMap<String, Value>) {
    for (key, value) in count {
        let field = browser
            .find(Locator::Id(&format!("f-{key}")))
            .await
            .unwrap();
        match value {
            Value::Bool(ticked) => {
                let checked = field.prop("checked").await.unwrap() == Some("true".into());
                if checked != *ticked {
                    field.click().await.unwrap();
                }
            }
            Value::String(text) => {
                field.clear().await.unwrap();
                field.send_keys(text).await.unwrap();
            }
            number => {
                field.clear().await.unwrap();
                field.send_keys(&format!("{number}\u{E007}")).await.unwrap();
            }
        }
    }
}

async fn claim_and_type(
    browser: &Client,
    base: &str,
    station: u32,
    count: &BTreeMap<String, Value>,
) {
    browser
        .goto(&format!("{base}/elections/{TEST}"))
        .await
        .unwrap();
    click(browser, Locator::Id(&format!("claim-{station}"))).await;
    browser
        .wait()
        .for_element(Locator::Id("entry-form"))
        .await
        .unwrap();
    type_count(browser, count).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_typists_and_a_coordinator_complete_a_polling_station_in_a_browser() {
    let server = Server::start().await;
    let base = server.base.clone();
    let station = first_station(&server.store, TEST);
    let count = sound_count(&shape(&server.store, TEST), 10);
    let mut slip = count.clone();
    let c = slip["lists.2.candidates.3"].as_u64().unwrap();
    let d = slip["lists.2.candidates.4"].as_u64().unwrap();
    slip.insert("lists.2.candidates.3".into(), json!(c + 1));
    slip.insert("lists.2.candidates.4".into(), json!(d - 1));

    let profile = tempfile::tempdir().unwrap();
    let (_driver, browser) = browser(profile.path(), Viewport::Desktop).await;

    // First entry: anna, with the keyboard flow and the live sums.
    log_in(&browser, &base, "anna", PASSWORD).await;
    claim_and_type(&browser, &base, station, &count).await;
    let sum = text_of(&browser, Locator::Css("#f-voters\\.d ~ output.sum")).await;
    assert_eq!(
        sum,
        format!("Σ {}", count["voters.d"]),
        "live sum of A + B + C"
    );
    // Enter moved through the fields instead of submitting the form.
    assert!(
        browser
            .current_url()
            .await
            .unwrap()
            .path()
            .ends_with(&format!("/entries/{station}"))
    );
    let screenshot = browser.screenshot().await.unwrap();
    std::fs::write(screenshots().join("entry-form.png"), &screenshot).unwrap();
    click(&browser, Locator::Id("finalise")).await;
    browser
        .wait()
        .for_url(&url(&format!("{base}/elections/{TEST}")))
        .await
        .unwrap();
    log_out(&browser).await;

    // Second entry: bert slips on two candidates of list 2.
    log_in(&browser, &base, "bert", PASSWORD).await;
    claim_and_type(&browser, &base, station, &slip).await;
    click(&browser, Locator::Id("finalise")).await;
    browser
        .wait()
        .for_url(&url(&format!("{base}/elections/{TEST}")))
        .await
        .unwrap();
    log_out(&browser).await;

    // The coordinator sees the two fields side by side and sends the second entry back.
    log_in(&browser, &base, "coord", PASSWORD).await;
    browser
        .goto(&format!("{base}/elections/{TEST}/overview"))
        .await
        .unwrap();
    click(&browser, Locator::Id(&format!("resolve-{station}"))).await;
    let table = text_of(&browser, Locator::Id("differences")).await;
    assert!(
        table.contains(&c.to_string()) && table.contains(&(c + 1).to_string()),
        "{table}"
    );
    assert_eq!(
        table.lines().count(),
        3,
        "a header and the two differing fields: {table}"
    );
    let screenshot = browser.screenshot().await.unwrap();
    std::fs::write(screenshots().join("resolve-differences.png"), &screenshot).unwrap();
    // The decision page of two different entries passes the accessibility check too.
    let axe = common::chromium::axe_source();
    let violations = common::chromium::accessibility_violations(&browser, &axe).await;
    assert!(violations.is_empty(), "{violations:#?}");
    click(&browser, Locator::Id("decision-send_back_second")).await;
    click(&browser, Locator::Id("resolve")).await;
    browser
        .wait()
        .for_url(&url(&format!("{base}/elections/{TEST}/overview")))
        .await
        .unwrap();
    log_out(&browser).await;

    // Bert corrects his entry: his start page tells him it came back, from whom and why.
    log_in(&browser, &base, "bert", PASSWORD).await;
    browser
        .goto(&format!("{base}/elections/{TEST}"))
        .await
        .unwrap();
    let returned = text_of(&browser, Locator::Id("returned")).await;
    assert!(
        returned.contains(&format!("Stembureau {station}"))
            && returned.contains("coord")
            && returned.contains("verschilt"),
        "{returned}"
    );
    claim_and_type(&browser, &base, station, &count).await;
    click(&browser, Locator::Id("finalise")).await;
    browser
        .wait()
        .for_url(&url(&format!("{base}/elections/{TEST}")))
        .await
        .unwrap();
    log_out(&browser).await;

    log_in(&browser, &base, "coord", PASSWORD).await;
    browser
        .goto(&format!("{base}/elections/{TEST}/overview"))
        .await
        .unwrap();
    let row = text_of(&browser, Locator::Id(&format!("row-{station}"))).await;
    assert!(row.contains("definitief"), "{row}");
    let screenshot = browser.screenshot().await.unwrap();
    std::fs::write(screenshots().join("overview.png"), &screenshot).unwrap();
    browser.close().await.unwrap();

    let id = model::ElectionId::new(TEST).unwrap();
    let stored = server
        .store
        .entry(&id, model::PollingStationNumber::new(station).unwrap())
        .unwrap();
    assert_eq!(stored.state.status(), model::entry::Status::Definitive);
    let model::count::CountForm::Netherlands(definitive) = stored.state.definitive().unwrap()
    else {
        panic!("not a Dutch count")
    };
    assert_eq!(
        u64::from(definitive.lists[1].candidates[2]),
        c,
        "the corrected value, not the slip"
    );
}

/// The value of every field in `keys` of the open entry form.
async fn field_values(browser: &Client, keys: &[&String]) -> BTreeMap<String, String> {
    let mut values = BTreeMap::new();
    for key in keys {
        let field = browser
            .find(Locator::Id(&format!("f-{key}")))
            .await
            .unwrap();
        let value = field.prop("value").await.unwrap().unwrap_or_default();
        values.insert((*key).clone(), value);
    }
    values
}

/// Nothing typed is lost: half an entry typed, its finalise refused (empty fields), the page
/// loaded again, more typed, the browser closed and the server restarted: in a new browser every
/// value is back, and the fields never typed are still empty.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn half_an_entry_survives_a_refused_finalise_a_reload_a_closed_browser_and_a_restart() {
    let server = Server::start().await;
    let base = server.base.clone();
    let station = first_station(&server.store, TEST);
    let count = sound_count(&shape(&server.store, TEST), 11);
    let numbers: Vec<(&String, &Value)> = count.iter().filter(|(_, v)| v.is_u64()).collect();
    let first: BTreeMap<String, Value> = numbers[..4]
        .iter()
        .map(|(k, v)| ((*k).clone(), (*v).clone()))
        .collect();
    let later: BTreeMap<String, Value> = numbers[4..6]
        .iter()
        .map(|(k, v)| ((*k).clone(), (*v).clone()))
        .collect();
    let untyped = numbers[6].0;
    let expect = |typed: &[&BTreeMap<String, Value>]| -> BTreeMap<String, String> {
        let mut all: BTreeMap<String, String> = typed
            .iter()
            .flat_map(|m| m.iter().map(|(k, v)| (k.clone(), v.to_string())))
            .collect();
        all.insert(untyped.clone(), String::new());
        all
    };
    let entry = format!("{base}/elections/{TEST}/entries/{station}");

    let profile = tempfile::tempdir().unwrap();
    let (driver, browser) = browser(profile.path(), Viewport::Desktop).await;
    log_in(&browser, &base, "anna", PASSWORD).await;
    claim_and_type(&browser, &base, station, &first).await;
    click(&browser, Locator::Id("finalise")).await;
    let refusal = text_of(&browser, Locator::Id("message")).await;
    assert!(refusal.contains("bewaard"), "{refusal}");
    let typed_first = expect(&[&first]);
    let keys: Vec<&String> = typed_first.keys().collect();
    assert_eq!(field_values(&browser, &keys).await, typed_first);

    // Loaded again: the same values, and the typist is told they were brought back.
    browser.goto(&entry).await.unwrap();
    let restored = text_of(&browser, Locator::Id("message")).await;
    assert!(restored.contains("teruggezet"), "{restored}");
    assert_eq!(field_values(&browser, &keys).await, typed_first);

    // More typed (each field left with Enter is kept at once), then the browser is closed.
    type_count(&browser, &later).await;
    let status = wait_for_text(&browser, "typed-status", "Bewaard", 10).await;
    assert_eq!(status, "Bewaard", "not kept");
    browser.close().await.unwrap();
    drop(driver);

    // The server restarts; a new browser, a new login: everything typed is there.
    let server = server.restart().await;
    let base = server.base.clone();
    let profile = tempfile::tempdir().unwrap();
    let (_driver, browser) = common::chromium::browser(profile.path(), Viewport::Desktop).await;
    log_in(&browser, &base, "anna", PASSWORD).await;
    browser
        .goto(&format!("{base}/elections/{TEST}/entries/{station}"))
        .await
        .unwrap();
    browser
        .wait()
        .for_element(Locator::Id("entry-form"))
        .await
        .unwrap();
    let all = expect(&[&first, &later]);
    let keys: Vec<&String> = all.keys().collect();
    assert_eq!(field_values(&browser, &keys).await, all);
    browser.close().await.unwrap();
}

/// Waits until the text of element `id` contains `wanted`, for at most `seconds`.
async fn wait_for_text(browser: &Client, id: &str, wanted: &str, seconds: u64) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    loop {
        // The page replaces the element as it refreshes: a reference gone stale is read again.
        let text = match browser.find(Locator::Id(id)).await {
            Ok(element) => element.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if text.contains(wanted) || std::time::Instant::now() > deadline {
            return text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

/// The coordinator's overview and the projector view follow the typists without a reload: a
/// polling station typed twice elsewhere turns definitive on both screens by itself. The
/// projector needs no account, names no typist, and stops when its link is closed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_overview_and_the_projector_update_by_themselves() {
    let server = Server::start().await;
    let base = server.base.clone();
    let station = first_station(&server.store, TEST);
    let count = sound_count(&shape(&server.store, TEST), 12);

    let profile = tempfile::tempdir().unwrap();
    let (_driver, coordinator) = browser(profile.path(), Viewport::Desktop).await;
    log_in(&coordinator, &base, "coord", PASSWORD).await;
    coordinator
        .goto(&format!("{base}/elections/{TEST}/overview"))
        .await
        .unwrap();
    let row = format!("row-{station}");
    let before = wait_for_text(&coordinator, &row, "", 0).await;
    assert!(!before.contains("definitief"), "{before}");

    // The projector, in a browser of its own that never logged in.
    let token = server
        .state
        .projectors
        .open(&model::ElectionId::new(TEST).unwrap());
    let projector_profile = tempfile::tempdir().unwrap();
    let (_projector_driver, projector) = browser(projector_profile.path(), Viewport::Desktop).await;
    projector
        .goto(&format!("{base}/projector/{token}"))
        .await
        .unwrap();
    let progress = wait_for_text(&projector, "progress", "", 0).await;
    assert!(progress.starts_with("0 van "), "{progress}");

    let anna = server.login("anna").await;
    let bert = server.login("bert").await;
    anna.type_entry(TEST, station, &count).await;
    // Anna's entry is in; the projector shows the state, never her name.
    let tile = format!("tile-{station}");
    let halfway = wait_for_text(&projector, &tile, "tweede invoer", 15).await;
    assert!(halfway.contains("tweede invoer"), "{halfway}");
    let page = projector.source().await.unwrap();
    assert!(!page.contains("anna"), "the projector names a typist");
    bert.type_entry(TEST, station, &count).await;

    let row_text = wait_for_text(&coordinator, &row, "definitief", 15).await;
    assert!(
        row_text.contains("definitief"),
        "overview not updated: {row_text}"
    );
    let tile_text = wait_for_text(&projector, &tile, "definitief", 15).await;
    assert!(
        tile_text.contains("definitief"),
        "projector not updated: {tile_text}"
    );
    let progress = wait_for_text(&projector, "progress", "1 van ", 15).await;
    assert!(progress.starts_with("1 van "), "{progress}");

    // The link closed: the projector says it is no longer updated, and the link is gone.
    server
        .state
        .projectors
        .close(&model::ElectionId::new(TEST).unwrap());
    let gone = projector
        .wait()
        .at_most(std::time::Duration::from_secs(15))
        .for_element(Locator::Css("p.banner.danger"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(gone.contains("niet meer bijgewerkt"), "{gone}");
    let refused = server
        .client()
        .get(&format!("/projector/{token}"))
        .await
        .status();
    assert_eq!(refused, reqwest::StatusCode::NOT_FOUND);
    coordinator.close().await.unwrap();
    projector.close().await.unwrap();
}

/// WebDriver's keys: Tab, Enter.
const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";

/// The id of the element that has the keyboard focus.
async fn focused(browser: &Client) -> String {
    let element = browser.active_element().await.unwrap();
    element.attr("id").await.unwrap().unwrap_or_default()
}

/// Presses Tab until the element `id` has the focus: it must be reachable from the keyboard.
async fn tab_to(browser: &Client, id: &str) {
    for _ in 0..80 {
        if focused(browser).await == id {
            return;
        }
        let active = browser.active_element().await.unwrap();
        active.send_keys(TAB).await.unwrap();
    }
    panic!("#{id} cannot be reached with Tab");
}

/// Types `keys` into whatever has the focus.
async fn press(browser: &Client, keys: &str) {
    browser
        .active_element()
        .await
        .unwrap()
        .send_keys(keys)
        .await
        .unwrap();
}

/// A whole entry without a mouse: log in, claim the polling station, type every field in the
/// order of the form (Enter to the next field, Space for a tick box, Tab out of the text), and
/// finalise, using only the keys a typist has; nothing is clicked.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_entry_is_typed_and_finalised_with_the_keyboard_alone() {
    let server = Server::start().await;
    let base = server.base.clone();
    let station = first_station(&server.store, TEST);
    let count = sound_count(&shape(&server.store, TEST), 13);
    let profile = tempfile::tempdir().unwrap();
    let (_driver, browser) = browser(profile.path(), Viewport::Desktop).await;

    browser.goto(&format!("{base}/login")).await.unwrap();
    tab_to(&browser, "username").await;
    press(&browser, "anna").await;
    tab_to(&browser, "password").await;
    press(&browser, &format!("{PASSWORD}{ENTER}")).await;
    browser
        .wait()
        .for_url(&url(&format!("{base}/elections")))
        .await
        .unwrap();
    browser
        .goto(&format!("{base}/elections/{TEST}"))
        .await
        .unwrap();
    tab_to(&browser, &format!("claim-{station}")).await;
    press(&browser, ENTER).await;
    browser
        .wait()
        .for_element(Locator::Id("entry-form"))
        .await
        .unwrap();

    // The fields in the order of the form, as the typist meets them.
    let mut order = Vec::new();
    for field in browser
        .find_all(Locator::Css(
            "#entry-form input:not([type=hidden]), #entry-form textarea",
        ))
        .await
        .unwrap()
    {
        let id = field.attr("id").await.unwrap().unwrap_or_default();
        if let Some(key) = id.strip_prefix("f-") {
            order.push(key.to_string());
        }
    }
    assert_eq!(
        order.len(),
        count.len(),
        "every field of the count is on the form"
    );
    for key in &order {
        tab_to(&browser, &format!("f-{key}")).await;
        match &count[key] {
            Value::Bool(true) => press(&browser, &format!(" {ENTER}")).await,
            Value::Bool(false) => press(&browser, ENTER).await,
            Value::String(text) => press(&browser, &format!("{text}{TAB}")).await,
            number => press(&browser, &format!("{number}{ENTER}")).await,
        }
    }
    tab_to(&browser, "finalise").await;
    press(&browser, ENTER).await;
    browser
        .wait()
        .for_url(&url(&format!("{base}/elections/{TEST}")))
        .await
        .unwrap();
    let id = model::ElectionId::new(TEST).unwrap();
    let stored = server
        .store
        .entry(&id, model::PollingStationNumber::new(station).unwrap())
        .unwrap();
    assert_eq!(
        stored.state.status(),
        model::entry::Status::SecondEntryNotStarted,
        "the first entry was finalised from the keyboard"
    );
    browser.close().await.unwrap();
}

/// Runs axe-core on `path` and returns its violations, labelled with the page.
async fn violations_on(browser: &Client, axe: &str, base: &str, path: &str) -> Vec<String> {
    browser.goto(&format!("{base}{path}")).await.unwrap();
    common::chromium::accessibility_violations(browser, axe)
        .await
        .into_iter()
        .map(|violation| format!("{path}: {violation}"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_of_results_entry_passes_the_accessibility_check_for_every_role() {
    let server = Server::start().await;
    let base = server.base.clone();
    let station = first_station(&server.store, TEST);
    let axe = common::chromium::axe_source();
    let profile = tempfile::tempdir().unwrap();
    let (_driver, browser) = browser(profile.path(), Viewport::Desktop).await;
    let mut found = violations_on(&browser, &axe, &base, "/login").await;

    // The typist: elections, the election's stations, an entry being typed, the password.
    log_in(&browser, &base, "anna", PASSWORD).await;
    for path in [
        "/elections".to_string(),
        format!("/elections/{TEST}"),
        "/account/password".into(),
    ] {
        found.extend(violations_on(&browser, &axe, &base, &path).await);
    }
    claim_and_type(
        &browser,
        &base,
        station,
        &BTreeMap::from([("voters.a".to_string(), json!(12))]),
    )
    .await;
    found.extend(
        common::chromium::accessibility_violations(&browser, &axe)
            .await
            .into_iter()
            .map(|v| format!("entry form: {v}")),
    );
    // The form refused, with its errors shown.
    click(&browser, Locator::Id("finalise")).await;
    browser
        .wait()
        .for_element(Locator::Id("field-errors"))
        .await
        .unwrap();
    found.extend(
        common::chromium::accessibility_violations(&browser, &axe)
            .await
            .into_iter()
            .map(|v| format!("refused entry form: {v}")),
    );
    log_out(&browser).await;

    // The coordinator: the overview, stations, the result, the committee, the app, accounts, the
    // audit log.
    log_in(&browser, &base, "coord", PASSWORD).await;
    for path in [
        format!("/elections/{TEST}/overview"),
        format!("/elections/{TEST}/polling-stations"),
        format!("/elections/{TEST}/polling-stations/new"),
        format!("/elections/{TEST}/result"),
        format!("/elections/{TEST}/committee"),
        format!("/elections/{TEST}/stembureau-app"),
        "/users".into(),
        "/users/new".into(),
        "/audit".into(),
    ] {
        found.extend(violations_on(&browser, &axe, &base, &path).await);
    }
    log_out(&browser).await;
    // The projector view, on a computer with no account.
    let token = server
        .state
        .projectors
        .open(&model::ElectionId::new(TEST).unwrap());
    found.extend(violations_on(&browser, &axe, &base, &format!("/projector/{token}")).await);

    // The administrator: every account.
    log_in(&browser, &base, "admin", PASSWORD).await;
    for path in ["/users", "/users/new", "/audit"] {
        found.extend(violations_on(&browser, &axe, &base, path).await);
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_typist_logs_in_and_types_over_https_in_a_browser_that_trusts_the_installations_authority()
 {
    let server = Server::start().await;
    let station = first_station(&server.store, TEST);
    // Results entry over TLS with the installation's own authority, made as `urna serve` makes it.
    let dir = tempfile::tempdir().unwrap();
    let (authority, made) = web::station_app::local_authority(&dir.path().join("https")).unwrap();
    assert!(made);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(web::https::serve(
        listener,
        web::station_app::server_config(&authority, &["localhost".into()]).unwrap(),
        web::router(server.state.clone()),
        async {
            let _ = stopped.await;
        },
    ));
    let base = format!("https://localhost:{port}");

    // A browser that trusts the authority, as the typists' browsers do once it is installed.
    let profile = tempfile::tempdir().unwrap();
    let (_driver, browser) = common::chromium::browser_trusting(
        profile.path(),
        Viewport::Desktop,
        authority.certificate_pem(),
    )
    .await;
    log_in(&browser, &base, "anna", PASSWORD).await;
    claim_and_type(
        &browser,
        &base,
        station,
        &BTreeMap::from([("voters.a".to_string(), json!(12))]),
    )
    .await;
    click(&browser, Locator::Id("save")).await;
    browser
        .wait()
        .for_element(Locator::Id("entry-form"))
        .await
        .unwrap();
    let anna = server.store.user_by_username("anna").unwrap().unwrap();
    let typed = server
        .store
        .typed_fields(&TEST.parse().unwrap(), station.try_into().unwrap(), anna.id)
        .unwrap()
        .unwrap_or_default();
    assert_eq!(
        typed.get("voters.a").map(String::as_str),
        Some("12"),
        "what was typed over HTTPS reached the server"
    );
    // The session cookie the browser holds is Secure: it is never sent over plain HTTP.
    let cookies = browser.get_all_cookies().await.unwrap();
    let session = cookies
        .iter()
        .find(|c| c.name() == "urna_session")
        .expect("a session cookie");
    assert_eq!(session.secure(), Some(true));
    assert_eq!(session.http_only(), Some(true));

    // A browser that does not trust the authority gets no page.
    let other = tempfile::tempdir().unwrap();
    let (_other_driver, stranger) =
        common::chromium::browser(other.path(), Viewport::Desktop).await;
    let _ = stranger.goto(&format!("{base}/login")).await;
    let shown = stranger.source().await.unwrap_or_default();
    assert!(
        !shown.contains("id=\"username\""),
        "a page without trusting the authority"
    );
    let _ = stop.send(());
}
