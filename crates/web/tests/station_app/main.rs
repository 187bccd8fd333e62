//! The polling-station app over HTTPS: a polling station's session sees and changes only its own
//! polling station, a revoked session is refused at once, the app is never served over plain
//! HTTP, a forged CSRF token changes nothing; and on a phone (Chromium, device emulation): login,
//! turnout, a count with an undo, the draft, and the coordinator's view with turnout and a
//! difference warning. Screenshots in `target/screenshots/station-*.png`.

// A failed setup is a failed test.
#![allow(clippy::unwrap_used)]
#[path = "../common/mod.rs"]
mod common;

mod counting;
mod phone;
mod sessions;

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
