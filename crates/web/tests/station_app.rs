//! The polling-station app over HTTPS: a polling station's session sees and changes only its own
//! polling station, a revoked session is refused at once, the app is never served over plain
//! HTTP, a forged CSRF token changes nothing; and on a phone (Chromium, device emulation): login,
//! turnout, a count with an undo, the draft, and the coordinator's view with turnout and a
//! difference warning. Screenshots in `target/screenshots/station-*.png`.

// A failed setup is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::chromium::{self, Viewport, click};
use common::{ASSEN, Client, PASSWORD, add_user, load, test_config};
use fantoccini::Locator;
use model::PollingStationNumber;
use model::entry::{Entry, EntryState, Typist};
use model::tally::Tally;
use reqwest::StatusCode;
use store::{Actor, CredentialSource, EntryChange, NewCredential, Role, Store};

/// Results entry on plain HTTP (the municipality's own network) and the app on HTTPS, sharing
/// one store; passwords for polling stations 1 and 2 of Assen.
struct Servers {
    results: String,
    app: String,
    app_address: std::net::SocketAddr,
    ca_pem: String,
    store: Arc<Store>,
    state: web::AppState,
    passwords: Vec<String>,
    _dir: tempfile::TempDir,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Servers {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Servers {
    async fn start(config: web::Config) -> Servers {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(Store::open_or_create(dir.path()).unwrap());
        load(
            &store,
            "eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml",
            "eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml",
            "eml/composed/Stembureaus_GR2026_Assen.composed.eml.xml",
        );
        add_user(&store, "coord", Role::Coordinator, false);
        let passwords: Vec<String> = (0..2).map(|_| seal::password::generate()).collect();
        let election = model::ElectionId::new(ASSEN).unwrap();
        store
            .set_station_credentials(
                &Actor::new("test", "setup"),
                &election,
                passwords
                    .iter()
                    .enumerate()
                    .map(|(index, password)| NewCredential {
                        station: PollingStationNumber::new(index as u32 + 1).unwrap(),
                        login: format!("{ASSEN}-SB{}", index + 1),
                        verifier: seal::password::verifier(&seal::password::normalise(password))
                            .unwrap(),
                    })
                    .collect(),
                CredentialSource::Ceremony,
            )
            .unwrap();
        let (authority, made) =
            web::station_app::local_authority(&dir.path().join("stembureau-app")).unwrap();
        assert!(made);
        let tls = web::station_app::server_config(
            &authority,
            &["127.0.0.1".to_string(), "localhost".to_string()],
        )
        .unwrap();
        let state = web::AppState::new(store.clone(), config);
        web::check_airgap(&state).await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let app_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let results = format!("http://{}", listener.local_addr().unwrap());
        let app_address = app_listener.local_addr().unwrap();
        let app = format!("https://127.0.0.1:{}", app_address.port());
        state.station_app.set_address(web::station_app::Address {
            url: format!("{app}/stembureau/"),
            fingerprint: web::station_app::device_fingerprint(&authority),
        });
        let serving = state.clone();
        let task = tokio::spawn(async move {
            let _ = web::serve_with_app(
                serving,
                listener,
                Some(web::StationAppListener {
                    listener: app_listener,
                    tls,
                }),
                std::future::pending(),
            )
            .await;
        });
        Servers {
            results,
            app,
            app_address,
            ca_pem: authority.certificate_pem().to_string(),
            store,
            state,
            passwords,
            _dir: dir,
            task,
        }
    }

    /// A device that trusts the app's certificate authority, not logged in.
    fn device(&self) -> Device {
        let tls = (*tls::client_config(&self.ca_pem, None).unwrap()).clone();
        Device {
            http: reqwest::Client::builder()
                .use_preconfigured_tls(tls)
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: self.app.clone(),
            csrf: String::new(),
        }
    }

    /// Polling station `station`'s chair, logged in on a device of their own.
    async fn chair(&self, station: u32) -> Device {
        let mut device = self.device();
        let response = device
            .log_in(
                &format!("{ASSEN}-SB{station}"),
                &self.passwords[station as usize - 1],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), format!("/stembureau/{station}"));
        let page = device.page(&format!("/stembureau/{station}")).await;
        device.csrf = csrf_in(&page);
        device
    }

    async fn coordinator(&self) -> Client {
        let mut client = Client::new(&self.results);
        let (status, body) = client.login("coord", PASSWORD).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        client
    }

    fn reports(&self, station: u32) -> Vec<u32> {
        self.store
            .turnout_reports(&model::ElectionId::new(ASSEN).unwrap(), None)
            .unwrap()
            .into_iter()
            .filter(|r| r.station.get() == station)
            .map(|r| r.admitted)
            .collect()
    }

    fn audit(&self, action: &str) -> Vec<serde_json::Value> {
        self.store
            .audit_entries()
            .unwrap()
            .into_iter()
            .filter(|e| e.action == action)
            .map(|e| {
                let mut details: serde_json::Value = serde_json::from_str(&e.details).unwrap();
                details["actor"] = e.actor.clone().into();
                details
            })
            .collect()
    }
}

struct Device {
    http: reqwest::Client,
    base: String,
    csrf: String,
}

impl Device {
    async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    async fn page(&self, path: &str) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        response.text().await.unwrap()
    }

    async fn post_plain(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.http
            .post(format!("{}{path}", self.base))
            .form(fields)
            .send()
            .await
            .unwrap()
    }

    /// A form post with the session's CSRF token.
    async fn post(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut all = vec![("csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_plain(path, &all).await
    }

    /// Tries to log in with `login` and `password` (the login form has no CSRF token).
    async fn log_in(&self, login: &str, password: &str) -> reqwest::Response {
        self.post_plain(
            "/stembureau/inloggen",
            &[("login", login), ("password", password)],
        )
        .await
    }

    /// Reports turnout for `station` (its form, with the session's CSRF token).
    async fn report(&self, station: u32, moment: &str, admitted: &str) -> reqwest::Response {
        self.post(
            &format!("/stembureau/{station}/opkomst"),
            &[("moment", moment), ("admitted", admitted)],
        )
        .await
    }
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

fn csrf_in(page: &str) -> String {
    let start = page
        .find("name=\"csrf\" value=\"")
        .expect("a form with a CSRF token")
        + 19;
    page[start..start + 64].to_string()
}

/// A definitive count for polling station `station`: the tally's draft with one vote more for
/// candidate 1 of list 1 (what the typists typed from the paper report).
fn store_definitive_count(servers: &Servers, station: u32, tally: &Tally, admitted: u32) {
    let mut count = tally.draft(Some(admitted));
    count.lists[0].candidates[0] += 1;
    count.lists[0].total += 1;
    count.votes.per_list[0] += 1;
    count.votes.total_on_candidates += 1;
    count.votes.total_cast += 1;
    let typist = |id, name: &str| Typist {
        id,
        username: name.into(),
    };
    servers
        .store
        .change_entry(
            &Actor::new("test", "typists"),
            EntryChange {
                election: model::ElectionId::new(ASSEN).unwrap(),
                polling_station: PollingStationNumber::new(station).unwrap(),
                expected_version: 0,
                state: EntryState::Definitive {
                    first: Entry {
                        typist: typist(1, "anna"),
                        count: model::count::CountForm::Netherlands(count),
                    },
                    second_typist: typist(2, "bert"),
                },
                action: store::AuditAction::EntryFinalise,
                details: serde_json::json!({}),
            },
        )
        .unwrap();
}

fn app_tally(servers: &Servers, station: u32) -> Tally {
    let election = servers
        .store
        .election(&model::ElectionId::new(ASSEN).unwrap())
        .unwrap()
        .unwrap()
        .election;
    let counts = servers
        .store
        .tally_counts(
            &election.id,
            Some(PollingStationNumber::new(station).unwrap()),
        )
        .unwrap();
    Tally::from_stored(
        &election.contests[0],
        counts.into_iter().map(|(_, mark, n)| (mark, n)),
    )
    .unwrap()
}

#[tokio::test]
async fn a_session_sees_and_changes_only_its_own_polling_station() {
    let servers = Servers::start(test_config()).await;
    let one = servers.chair(1).await;
    let two = servers.chair(2).await;
    let response = two.report(2, "10:00", "77").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // Station 1's session, with its own valid CSRF token, on station 2's pages.
    for path in [
        "/stembureau/2",
        "/stembureau/2/opkomst",
        "/stembureau/2/telling",
        "/stembureau/2/telling/lijst/1",
        "/stembureau/2/concept",
    ] {
        let response = one.get(path).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
        let text = response.text().await.unwrap();
        assert!(text.contains("hoort bij stembureau 1"), "{text}");
        assert!(!text.contains(">77<"));
    }
    for (path, fields) in [
        (
            "/stembureau/2/opkomst",
            vec![("moment", "10:00"), ("admitted", "5")],
        ),
        ("/stembureau/2/telling/markeer", vec![("mark", "c:1:1")]),
        ("/stembureau/2/telling/herstel", vec![]),
    ] {
        let response = one.post(path, &fields).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(servers.reports(2), vec![77]);
    assert_eq!(servers.reports(1), Vec::<u32>::new());
    assert_eq!(app_tally(&servers, 2).total_cast(), 0);
    let refused = servers.audit("station_app.refused");
    assert_eq!(refused.len(), 8);
    assert!(
        refused
            .iter()
            .all(|d| d["polling_station"] == 1 && d["reason"] == "another polling station")
    );

    // Its own pages work, and show only its own figures.
    let response = one.report(1, "10:00", "41").await;
    assert_eq!(location(&response), "/stembureau/1/opkomst?opgeslagen");
    let page = one.page("/stembureau/1/opkomst?opgeslagen").await;
    assert!(page.contains("41") && !page.contains(">77<"), "{page}");
    assert_eq!(servers.reports(1), vec![41]);

    // A station's password does not log in as another station.
    let mut wrong = servers.device();
    let response = wrong
        .log_in(&format!("{ASSEN}-SB2"), &servers.passwords[0])
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    wrong.csrf.clear();
    // Typed as on paper, with other case and without the dashes, it works.
    let typed = servers.passwords[1].replace('-', " ").to_uppercase();
    let response = wrong.log_in(&format!("{ASSEN}-sb2"), &typed).await;
    assert_eq!(location(&response), "/stembureau/2");
    // An overlong login is cut short before it is looked up or logged.
    let response = wrong.log_in(&"x".repeat(100_000), "y").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let failed = servers.audit("station_app.login_failed");
    assert_eq!(failed.len(), 2);
    assert!(failed[1]["actor"].as_str().unwrap().len() < 200);
    assert_eq!(servers.audit("station_app.login").len(), 3);
}

#[tokio::test]
async fn a_revoked_session_is_refused_at_once() {
    let servers = Servers::start(test_config()).await;
    let chair = servers.chair(1).await;
    let other = servers.chair(1).await;
    let chair_page = chair.page("/stembureau/1").await;
    let coordinator = servers.coordinator().await;
    let overview = coordinator
        .get(&format!("/elections/{ASSEN}/stembureau-app"))
        .await;
    assert_eq!(overview.status(), StatusCode::OK);
    let overview = overview.text().await.unwrap();
    let sessions = servers.state.station_app.sessions.list(
        &model::ElectionId::new(ASSEN).unwrap(),
        web::station_app::sessions::StationLimits::default(),
    );
    assert_eq!(sessions.len(), 2);
    let id = sessions[0].session.id.clone();
    assert!(overview.contains(&format!("id=\"session-{id}\"")));

    let response = coordinator
        .form(
            &format!("/elections/{ASSEN}/stembureau-app/sessions/{id}/revoke"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (revoked, kept) = if chair_page.contains(&id) {
        (&chair, &other)
    } else {
        (&other, &chair)
    };
    // The very next request, a read or a write, is refused and says why.
    let response = revoked.get("/stembureau/1/opkomst").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(response.text().await.unwrap().contains("ingetrokken"));
    let response = revoked.report(1, "10:00", "9").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(servers.reports(1), Vec::<u32>::new());
    // The other device of the same station goes on.
    let response = kept.report(1, "10:00", "10").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(servers.reports(1), vec![10]);
    let logged = servers.audit("station_app.revoked");
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0]["session"], id.as_str());
    assert_eq!(logged[0]["actor"], "web:coord");

    // A new password for the station revokes its remaining sessions too.
    let response = coordinator
        .form(
            &format!("/elections/{ASSEN}/stembureau-app/credentials/1"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let sheet = response.text().await.unwrap();
    assert!(sheet.contains(&format!("{ASSEN}-SB1")));
    let issued = sheet
        .split("id=\"password\" class=\"fingerprint\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap()
        .to_string();
    assert_eq!(issued.len(), 24, "{issued}");
    assert_eq!(
        kept.get("/stembureau/1").await.status(),
        StatusCode::UNAUTHORIZED
    );
    // The old password no longer logs in.
    let mut device = servers.device();
    device.csrf.clear();
    let response = device
        .log_in(&format!("{ASSEN}-SB1"), &servers.passwords[0])
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    // The issued one does, for that station only.
    let response = device.log_in(&format!("{ASSEN}-SB1"), &issued).await;
    assert_eq!(location(&response), "/stembureau/1");
    let credentials = servers
        .store
        .station_credentials(&model::ElectionId::new(ASSEN).unwrap())
        .unwrap();
    assert_eq!(credentials[0].source, CredentialSource::Coordinator);
    assert_eq!(credentials[1].source, CredentialSource::Ceremony);
}

#[tokio::test]
async fn the_app_is_never_served_over_plain_http() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let servers = Servers::start(test_config()).await;
    // Plain HTTP to the app's port: no HTTP answer at all.
    let mut stream = tokio::net::TcpStream::connect(servers.app_address)
        .await
        .unwrap();
    stream
        .write_all(b"POST /stembureau/inloggen HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .expect("the server closes the connection");
    assert!(!String::from_utf8_lossy(&answer).contains("HTTP/1.1"));
    // The results entry's plain-HTTP server does not serve the app's path either.
    let plain = Client::new(&servers.results);
    for path in ["/stembureau", "/stembureau/", "/stembureau/1/opkomst"] {
        let response = plain.get(path).await;
        assert_eq!(response.status(), StatusCode::MISDIRECTED_REQUEST, "{path}");
        assert!(response.text().await.unwrap().contains("alleen via HTTPS"));
    }
    let response = plain
        .http
        .post(format!("{}/stembureau/inloggen", servers.results))
        .form(&[
            ("login", format!("{ASSEN}-SB1")),
            ("password", servers.passwords[0].clone()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::MISDIRECTED_REQUEST);
    assert!(servers.audit("station_app.login").is_empty());
    // Over HTTPS, browsers are told to keep it so.
    let response = servers.device().get("/stembureau").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().contains_key("strict-transport-security"));
    // Its pages' scripts and stylesheet are there.
    for asset in ["/assets/style.css", "/assets/app.js", "/assets/station.js"] {
        assert_eq!(
            servers.device().get(asset).await.status(),
            StatusCode::OK,
            "{asset}"
        );
    }
    // Results entry is not reachable on the app's port.
    let response = servers.device().get("/elections").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_forged_csrf_token_changes_nothing() {
    let servers = Servers::start(test_config()).await;
    let mut chair = servers.chair(1).await;
    let genuine = chair.csrf.clone();
    for forged in ["0".repeat(64), String::new(), servers.chair(2).await.csrf] {
        chair.csrf = forged;
        for (path, fields) in [
            (
                "/stembureau/1/opkomst",
                vec![("moment", "10:00"), ("admitted", "5")],
            ),
            ("/stembureau/1/telling/markeer", vec![("mark", "blank")]),
            ("/stembureau/1/telling/herstel", vec![]),
            ("/stembureau/uitloggen", vec![]),
        ] {
            let response = chair.post(path, &fields).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
        }
    }
    assert_eq!(servers.reports(1), Vec::<u32>::new());
    assert_eq!(app_tally(&servers, 1).total_cast(), 0);
    assert_eq!(servers.audit("station_app.refused").len(), 12);
    assert!(servers.audit("station_app.mark").is_empty());
    // The session is still there: with its own token the same post works.
    chair.csrf = genuine;
    let response = chair
        .post("/stembureau/1/telling/markeer", &[("mark", "blank")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app_tally(&servers, 1).blank, 1);
    // A login form posted from another site is refused.
    let response = servers
        .device()
        .http
        .post(format!("{}/stembureau/inloggen", servers.app))
        .header("origin", "https://evil.example")
        .form(&[
            ("login", format!("{ASSEN}-SB1")),
            ("password", servers.passwords[0].clone()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // The coordinator's revocation with a forged token is refused too.
    let mut coordinator = servers.coordinator().await;
    coordinator.csrf = "f".repeat(64);
    let id = servers
        .state
        .station_app
        .sessions
        .list(&model::ElectionId::new(ASSEN).unwrap(), Default::default())[0]
        .session
        .id
        .clone();
    let response = coordinator
        .form(
            &format!("/elections/{ASSEN}/stembureau-app/sessions/{id}/revoke"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(chair.get("/stembureau/1").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_idle_session_locks_and_needs_the_password_again() {
    let mut config = test_config();
    config.station_app.limits.lock_after = Duration::from_millis(300);
    let servers = Servers::start(config).await;
    let chair = servers.chair(1).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let response = chair.get("/stembureau/1/opkomst").await;
    assert_eq!(response.status(), StatusCode::LOCKED);
    let response = chair.report(1, "10:00", "5").await;
    assert_eq!(response.status(), StatusCode::LOCKED);
    assert_eq!(servers.reports(1), Vec::<u32>::new());
    let response = chair
        .post(
            "/stembureau/ontgrendelen",
            &[("password", "not the password")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let response = chair
        .post(
            "/stembureau/ontgrendelen",
            &[("password", &servers.passwords[1])],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::UNAUTHORIZED,
        "another station's password"
    );
    let response = chair
        .post(
            "/stembureau/ontgrendelen",
            &[("password", &servers.passwords[0])],
        )
        .await;
    assert_eq!(location(&response), "/stembureau/1");
    assert_eq!(
        chair.get("/stembureau/1/opkomst").await.status(),
        StatusCode::OK
    );
    assert_eq!(servers.audit("station_app.unlock_failed").len(), 2);
    assert_eq!(servers.audit("station_app.unlock").len(), 1);
}

#[tokio::test]
async fn counts_undo_and_turnout_reach_the_coordinator_with_the_differences() {
    let servers = Servers::start(test_config()).await;
    let chair = servers.chair(1).await;
    for (moment, admitted) in [("10:00", "120"), ("13:00", "1.082"), ("", "1100")] {
        let response = chair.report(1, moment, admitted).await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "{moment} {admitted}"
        );
    }
    // Bad input is refused with the reason and nothing stored.
    for (moment, admitted, reason) in [
        ("11:00", "5", "Geen tijdstip"),
        ("10:00", "twaalf", "twaalf"),
        ("10:00", "", "Vul het aantal"),
        ("10:00", "-3", "-3"),
    ] {
        let response = chair.report(1, moment, admitted).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(response.text().await.unwrap().contains(reason), "{reason}");
    }
    assert_eq!(servers.reports(1), vec![120, 1082, 1100]);

    for mark in [
        "c:1:1", "c:1:1", "c:1:2", "c:2:1", "blank", "invalid", "c:1:2",
    ] {
        let response = chair
            .post(
                "/stembureau/1/telling/markeer",
                &[("mark", mark), ("back", "lijst/1")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(location(&response).starts_with("/stembureau/1/telling/lijst/1?geteld="));
    }
    // A second member counts on a second device: each undo takes back that device's own tap.
    let helper = servers.chair(1).await;
    let response = helper
        .post("/stembureau/1/telling/markeer", &[("mark", "blank")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = chair
        .post("/stembureau/1/telling/herstel", &[("back", "lijst/1")])
        .await;
    assert_eq!(
        location(&response),
        "/stembureau/1/telling/lijst/1?hersteld=c%3A1%3A2"
    );
    let response = helper.post("/stembureau/1/telling/herstel", &[]).await;
    assert_eq!(location(&response), "/stembureau/1/telling?hersteld=blank");
    let page = chair
        .page("/stembureau/1/telling/lijst/1?hersteld=c%3A1%3A2")
        .await;
    assert!(
        page.contains("Hersteld: 1 stem teruggenomen van lijst 1, kandidaat 2"),
        "{page}"
    );
    for bad in ["c:1:999", "c:99:1", "nonsense"] {
        let response = chair
            .post("/stembureau/1/telling/markeer", &[("mark", bad)])
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }
    let tally = app_tally(&servers, 1);
    assert_eq!(tally.lists[0][..2], [2, 1]);
    assert_eq!((tally.blank, tally.invalid, tally.total_cast()), (1, 1, 6));
    let draft = chair.page("/stembureau/1/concept").await;
    assert!(draft.contains("CONCEPT"));
    assert!(draft.contains("id=\"total-cast\">6<"), "{draft}");
    assert!(draft.contains("kleiner dan D"), "D 1100, H 6: {draft}");

    // The typists' definitive count has one vote more for candidate 1 of list 1.
    store_definitive_count(&servers, 1, &tally, 1100);
    let coordinator = servers.coordinator().await;
    let page = coordinator
        .get(&format!("/elections/{ASSEN}/stembureau-app"))
        .await;
    let page = page.text().await.unwrap();
    assert!(page.contains("id=\"difference-warning\""), "{page}");
    assert!(page.contains("E.1: app 3, telling 4"), "{page}");
    assert!(page.contains("1.1: app 2, telling 3"), "{page}");
    assert!(page.contains("H: app 6, telling 7"), "{page}");
    assert!(page.contains("1 / 44"));
    assert!(
        page.contains(&web::station_app::device_fingerprint(
            &web::station_app::local_authority(&servers._dir.path().join("stembureau-app"))
                .unwrap()
                .0
        ))
    );

    // The electorate the municipality states replaces the stations' sum; nonsense is refused.
    assert!(page.contains("opgeteld uit de stembureaus"), "{page}");
    for bad in ["0", "veel", ""] {
        let response = coordinator
            .form(
                &format!("/elections/{ASSEN}/stembureau-app/electorate"),
                &[("electorate", bad)],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad:?}"
        );
    }
    let response = coordinator
        .form(
            &format!("/elections/{ASSEN}/stembureau-app/electorate"),
            &[("electorate", "53.120")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = coordinator
        .get(&format!("/elections/{ASSEN}/stembureau-app"))
        .await;
    let page = page.text().await.unwrap();
    assert!(page.contains("opgegeven door de gemeente"), "{page}");
    assert!(page.contains("53120"), "{page}");
    assert_eq!(servers.audit("station_app.electorate").len(), 1);

    // Publishing the 10:00 figure records it and offers it as JSON.
    let response = coordinator
        .form(
            &format!("/elections/{ASSEN}/stembureau-app/publish"),
            &[("moment", "10:00")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (status, published) = coordinator
        .json(
            "GET",
            &format!("/elections/{ASSEN}/stembureau-app/opkomst.json"),
            &serde_json::Value::Null,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let figures = &published["publications"][0]["figures"];
    assert_eq!(figures["moment"], "10:00");
    assert_eq!(figures["admitted"], 120);
    assert_eq!(figures["reported"], 1);
    assert_eq!(figures["polling_stations"], 44);
    assert_eq!(figures["electorate"], 53120);
    assert_eq!(figures["turnout_percent"], serde_json::Value::Null);
    // Each polling station's figure, as municipalities publish them (null: not reported).
    let stations = figures["per_polling_station"].as_array().unwrap();
    assert_eq!(stations.len(), 44);
    assert_eq!(
        (&stations[0]["number"], &stations[0]["admitted"]),
        (&serde_json::json!(1), &serde_json::json!(120))
    );
    assert_eq!(stations[1]["admitted"], serde_json::Value::Null);
    // The same as a spreadsheet: a row for the municipality and one per polling station.
    let response = coordinator
        .get(&format!("/elections/{ASSEN}/stembureau-app/opkomst.csv"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let csv = response.text().await.unwrap();
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(';').collect()).collect();
    assert_eq!(
        csv.lines().next(),
        Some(
            "tijdstip;gepubliceerd;stembureau;naam;toegelaten_kiezers;kiesgerechtigden;opkomst_procent"
        )
    );
    assert_eq!(rows.len(), 1 + 1 + 44, "{csv}");
    assert_eq!(
        (rows[1][0], rows[1][2], rows[1][4], rows[1][5], rows[1][6]),
        ("10:00", "gemeente", "120", "53120", "")
    );
    assert_eq!((rows[2][2], rows[2][4]), ("1", "120"));
    assert_eq!((rows[3][2], rows[3][4]), ("2", ""));
    // Every action of the device is in the audit log with its station and session.
    let marks = servers.audit("station_app.mark");
    assert_eq!(marks.len(), 8);
    assert!(
        marks
            .iter()
            .all(|d| d["polling_station"] == 1 && d["session"].as_str().unwrap().len() == 12)
    );
    let undos = servers.audit("station_app.undo");
    assert_eq!(undos.len(), 2);
    assert_ne!(undos[0]["session"], undos[1]["session"]);
    assert_eq!(servers.audit("station_app.turnout").len(), 3);
    assert_eq!(servers.audit("station_app.turnout_published").len(), 1);
    assert_eq!(servers.store.verify_audit_log().unwrap().broken, None);
}

/// Waits until the element `id` is on the page with a text `accept` takes (the page the last
/// click asked for has loaded), and returns that text.
async fn wait_text(
    browser: &fantoccini::Client,
    id: &str,
    accept: impl Fn(&str) -> bool,
) -> String {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        if let Ok(element) = browser.find(Locator::Id(id)).await
            && let Ok(text) = element.text().await
            && accept(&text)
        {
            return text;
        }
        if std::time::Instant::now() > deadline {
            panic!(
                "#{id} did not come; the page says:\n{}",
                browser.source().await.unwrap()
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn on_a_phone_a_chair_reports_turnout_and_counts_and_the_coordinator_sees_it() {
    let servers = Servers::start(test_config()).await;
    let profile = tempfile::tempdir().unwrap();
    let shots = chromium::screenshots();
    let (_driver, phone) =
        chromium::browser_trusting(profile.path(), Viewport::Phone, &servers.ca_pem).await;
    let axe = chromium::axe_source();
    // Each page: a screenshot, and no WCAG 2.1 A/AA violation axe-core can find.
    let shot = |name: &'static str| {
        let phone = phone.clone();
        let path = shots.join(name);
        let axe = axe.clone();
        async move {
            std::fs::write(&path, phone.screenshot().await.unwrap()).unwrap();
            let violations = chromium::accessibility_violations(&phone, &axe).await;
            assert!(violations.is_empty(), "{name}: {violations:#?}");
        }
    };

    phone
        .goto(&format!("{}/stembureau", servers.app))
        .await
        .unwrap();
    phone
        .find(Locator::Id("login"))
        .await
        .unwrap()
        .send_keys(&format!("{ASSEN}-SB1"))
        .await
        .unwrap();
    phone
        .find(Locator::Id("password"))
        .await
        .unwrap()
        .send_keys(&servers.passwords[0])
        .await
        .unwrap();
    shot("station-login.png").await;
    click(&phone, Locator::Id("log-in")).await;
    wait_text(&phone, "to-turnout", |_| true).await;

    click(&phone, Locator::Id("to-turnout")).await;
    wait_text(&phone, "report", |_| true).await;
    for (moment, admitted) in [("10:00", "120"), ("13:00", "455")] {
        phone
            .find(Locator::Css(&format!("#moment option[value='{moment}']")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        phone
            .find(Locator::Id("admitted"))
            .await
            .unwrap()
            .send_keys(admitted)
            .await
            .unwrap();
        click(&phone, Locator::Id("report")).await;
        wait_text(&phone, "saved", |text| {
            text.contains(moment) && text.contains(admitted)
        })
        .await;
    }
    shot("station-turnout.png").await;
    assert_eq!(servers.reports(1), vec![120, 455]);

    phone
        .goto(&format!("{}/stembureau/1/telling", servers.app))
        .await
        .unwrap();
    click(&phone, Locator::Id("list-1")).await;
    wait_text(&phone, "list-total", |text| text == "0").await;
    for (id, total) in [
        ("mark-c-1-1", "1"),
        ("mark-c-1-1", "2"),
        ("mark-c-1-2", "3"),
        ("mark-c-1-3", "4"),
    ] {
        click(&phone, Locator::Id(id)).await;
        wait_text(&phone, "list-total", |text| text == total).await;
    }
    // The last tap was a mistake: undo it.
    click(&phone, Locator::Id("undo")).await;
    wait_text(&phone, "list-total", |text| text == "3").await;
    let flash = wait_text(&phone, "flash", |_| true).await;
    assert!(
        flash.contains("Hersteld") && flash.contains("kandidaat 3"),
        "{flash}"
    );
    shot("station-count-list.png").await;
    click(&phone, Locator::Id("to-lists")).await;
    wait_text(&phone, "total-cast", |text| text == "3").await;
    click(&phone, Locator::Id("mark-blank")).await;
    wait_text(&phone, "total-cast", |text| text == "4").await;
    click(&phone, Locator::Id("mark-invalid")).await;
    wait_text(&phone, "total-cast", |text| text == "5").await;
    shot("station-count.png").await;
    click(&phone, Locator::Id("to-draft")).await;
    wait_text(&phone, "d-vs-h", |text| text.contains("450")).await;
    shot("station-draft.png").await;
    // Nothing on the phone needs sideways scrolling.
    let overflow = phone
        .execute(
            "return document.documentElement.scrollWidth > window.innerWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(overflow, serde_json::Value::Bool(false));

    // The typists' definitive count differs by one vote; the coordinator sees turnout and the
    // difference (on a phone too).
    let tally = app_tally(&servers, 1);
    assert_eq!(tally.total_cast(), 5);
    store_definitive_count(&servers, 1, &tally, 455);
    let coordinator_profile = tempfile::tempdir().unwrap();
    let (_driver2, desk) = chromium::browser(coordinator_profile.path(), Viewport::Phone).await;
    chromium::log_in(&desk, &servers.results, "coord", PASSWORD).await;
    desk.goto(&format!(
        "{}/elections/{ASSEN}/stembureau-app",
        servers.results
    ))
    .await
    .unwrap();
    let warning = wait_text(&desk, "difference-warning", |_| true).await;
    assert!(warning.contains("verschilt"), "{warning}");
    let row = desk
        .find(Locator::Id("station-1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        row.contains("120") && row.contains("455") && row.contains("1.1: app 2, telling 3"),
        "{row}"
    );
    let ten = desk
        .find(Locator::Id("moment-1000"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(ten.contains("1 / 44") && ten.contains("120"), "{ten}");
    std::fs::write(
        shots.join("station-coordinator.png"),
        desk.screenshot().await.unwrap(),
    )
    .unwrap();
    desk.execute(
        "document.getElementById('station-1').scrollIntoView()",
        vec![],
    )
    .await
    .unwrap();
    std::fs::write(
        shots.join("station-coordinator-stations.png"),
        desk.screenshot().await.unwrap(),
    )
    .unwrap();
    phone.close().await.unwrap();
    desk.close().await.unwrap();
}

/// The page's own idle lock: with no touch at all (so no request reaches the server), the phone
/// leaves the page with the figures for the lock page by itself, and only the password opens it.
#[tokio::test]
async fn an_idle_phone_hides_its_figures_behind_the_lock_page() {
    let mut config = test_config();
    config.station_app.limits.lock_after = Duration::from_millis(2500);
    let servers = Servers::start(config).await;
    let profile = tempfile::tempdir().unwrap();
    let (_driver, phone) =
        chromium::browser_trusting(profile.path(), Viewport::Phone, &servers.ca_pem).await;
    let type_into = |id: &'static str, text: String| {
        let phone = phone.clone();
        async move {
            let field = phone.find(Locator::Id(id)).await.unwrap();
            field.send_keys(&text).await.unwrap();
        }
    };
    phone
        .goto(&format!("{}/stembureau", servers.app))
        .await
        .unwrap();
    type_into("login", format!("{ASSEN}-SB1")).await;
    type_into("password", servers.passwords[0].clone()).await;
    click(&phone, Locator::Id("log-in")).await;
    wait_text(&phone, "to-turnout", |_| true).await;
    click(&phone, Locator::Id("to-turnout")).await;
    wait_text(&phone, "report", |_| true).await;
    type_into("admitted", "4321".into()).await;
    click(&phone, Locator::Id("report")).await;
    wait_text(&phone, "saved", |text| text.contains("4321")).await;

    // Hands off: the script takes the phone to the lock page (rounded up to 3 s).
    wait_text(&phone, "unlock", |_| true).await;
    let page = phone.source().await.unwrap();
    assert!(!page.contains("4321"), "figures still shown: {page}");
    assert!(page.contains("Vergrendeld"), "{page}");
    // Back or a typed address leads to the lock page too: the server locked the session.
    phone
        .goto(&format!("{}/stembureau/1/opkomst", servers.app))
        .await
        .unwrap();
    wait_text(&phone, "unlock", |_| true).await;
    assert!(!phone.source().await.unwrap().contains("4321"));

    type_into("password", servers.passwords[0].clone()).await;
    click(&phone, Locator::Id("unlock")).await;
    wait_text(&phone, "to-turnout", |_| true).await;
    assert_eq!(servers.audit("station_app.unlock").len(), 1);
    phone.close().await.unwrap();
}

#[tokio::test]
async fn a_flemish_polling_station_reports_turnout_but_gets_no_dutch_count_helper() {
    let servers = Servers::start(test_config()).await;
    let bytes = testkit::fixture("flanders/GR2024_Lindeveld.json");
    let election = flanders::read_definition("GR2024_Lindeveld.json", &bytes).unwrap();
    let station = election.polling_stations[0].number;
    let id = election.id.clone();
    servers
        .store
        .import_election(&Actor::new("test", "setup"), election, Vec::new())
        .unwrap();
    let password = seal::password::generate();
    servers
        .store
        .set_station_credentials(
            &Actor::new("test", "setup"),
            &id,
            vec![NewCredential {
                station,
                login: format!("{id}-SB{station}"),
                verifier: seal::password::verifier(&seal::password::normalise(&password)).unwrap(),
            }],
            CredentialSource::Coordinator,
        )
        .unwrap();
    let mut device = servers.device();
    let response = device.log_in(&format!("{id}-SB{station}"), &password).await;
    let home = location(&response);
    assert_eq!(home, format!("/stembureau/{station}"));
    let page = device.page(&home).await;
    device.csrf = csrf_in(&page);
    assert!(
        page.contains("to-turnout") && !page.contains("to-count"),
        "{page}"
    );
    let response = device.get(&format!("{home}/telling")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(response.text().await.unwrap().contains("alleen de opkomst"));
    for path in ["telling/markeer", "telling/herstel"] {
        let response = device
            .post(&format!("{home}/{path}"), &[("mark", "blank")])
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    assert!(servers.audit("station_app.undo").is_empty());
    let response = device
        .post(
            &format!("{home}/opkomst"),
            &[("moment", "10:00"), ("admitted", "88")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let reports = servers.store.turnout_reports(&id, None).unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].admitted, 88);
    assert!(servers.store.tally_counts(&id, None).unwrap().is_empty());
}
