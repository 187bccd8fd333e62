//! A test server on loopback with a real election, real users and an HTTP client.

// Each test binary includes this module and uses only part of it; a failed setup is a failed
// test, so unwrapping is right here.
#![allow(dead_code, clippy::unwrap_used)]

pub mod chromium;

use std::collections::BTreeMap;
use std::sync::Arc;

use reqwest::StatusCode;
use serde_json::{Value, json};
use store::{Actor, NewUser, Role, Store};
use testkit::fixture;

/// The synthetic election GR2022_Test: 3 lists, 18 candidates, its polling stations.
pub const TEST: &str = "GR2022_Test";
/// The real election Assen 2026.
pub const ASSEN: &str = "GR2026_Assen";
/// Every test user's password.
pub const PASSWORD: &str = "a long enough password";

pub struct Server {
    pub base: String,
    pub state: web::AppState,
    pub store: Arc<Store>,
    pub dir: tempfile::TempDir,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

pub fn load(store: &Store, definition: &str, candidates: &str, stations: &str) {
    let (d, c, s) = (fixture(definition), fixture(candidates), fixture(stations));
    let election = eml::import_election(
        eml::SourceFile::new(definition, &d),
        eml::SourceFile::new(candidates, &c),
        Some(eml::SourceFile::new(stations, &s)),
    )
    .unwrap();
    store
        .import_election(&Actor::new("test", "setup"), election, Vec::new())
        .unwrap();
}

pub fn add_user(store: &Store, username: &str, role: Role, temporary: bool) {
    store
        .create_user(
            &Actor::new("test", "setup"),
            NewUser {
                username: username.into(),
                full_name: username.into(),
                role,
                password_hash: web::auth::hash_password(PASSWORD).unwrap(),
                must_change_password: temporary,
            },
        )
        .unwrap();
}

/// Test configuration: quick back-off and lockout, and an air-gap check that finds the machine
/// offline (its probe is a closed local port).
pub fn test_config() -> web::Config {
    let mut config = web::Config::default();
    config.limits.backoff_step = std::time::Duration::from_millis(10);
    config.limits.lockout_after = 3;
    config.airgap.probes = vec!["127.0.0.1:9".parse().unwrap()];
    config.airgap.interval = std::time::Duration::from_secs(3600);
    config.airgap.timeout = std::time::Duration::from_millis(500);
    config
}

impl Server {
    /// A server with both elections and the users admin, coord, anna, bert, cees.
    pub async fn start() -> Server {
        Server::start_with(test_config()).await
    }

    pub async fn start_with(config: web::Config) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(Store::open_or_create(dir.path()).unwrap());
        load(
            &store,
            "eml/synthetic/eml110a_test.eml.xml",
            "eml/synthetic/eml230b_test.eml.xml",
            "eml/synthetic/eml110b_test.eml.xml",
        );
        load(
            &store,
            "eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml",
            "eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml",
            "eml/composed/Stembureaus_GR2026_Assen.composed.eml.xml",
        );
        add_user(&store, "admin", Role::Administrator, false);
        add_user(&store, "coord", Role::Coordinator, false);
        for typist in ["anna", "bert", "cees"] {
            add_user(&store, typist, Role::Typist, false);
        }
        Server::serve(store, dir, config).await
    }

    pub async fn serve(store: Arc<Store>, dir: tempfile::TempDir, config: web::Config) -> Server {
        let state = web::AppState::new(store.clone(), config);
        web::check_airgap(&state).await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let serving = state.clone();
        let task = tokio::spawn(async move {
            let _ = web::serve(serving, listener, std::future::pending()).await;
        });
        Server {
            base,
            state,
            store,
            dir,
            task,
        }
    }

    /// The same data directory served again by a new server on a new port, as after a restart
    /// of `urna serve`; this one stops serving.
    pub async fn restart(mut self) -> Server {
        let dir = std::mem::replace(&mut self.dir, tempfile::tempdir().unwrap());
        drop(self);
        let store = Arc::new(Store::open_existing(dir.path()).unwrap());
        Server::serve(store, dir, test_config()).await
    }

    pub fn client(&self) -> Client {
        Client::new(&self.base)
    }

    pub async fn login(&self, username: &str) -> Client {
        let mut client = self.client();
        let (status, body) = client.login(username, PASSWORD).await;
        assert_eq!(status, StatusCode::OK, "login {username}: {body}");
        client
    }

    pub fn audit_actions(&self) -> Vec<String> {
        self.store
            .audit_entries()
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect()
    }

    pub fn snapshot(&self) -> String {
        testkit::database_snapshot(self.store.path())
    }
}

pub struct Client {
    pub http: reqwest::Client,
    pub base: String,
    pub csrf: String,
}

impl Client {
    pub fn new(base: &str) -> Client {
        Client {
            http: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: base.into(),
            csrf: String::new(),
        }
    }

    /// Logs in through the API; keeps the session cookie and the CSRF token.
    pub async fn login(&mut self, username: &str, password: &str) -> (StatusCode, Value) {
        let response = self
            .http
            .post(format!("{}/api/login", self.base))
            .json(&json!({ "username": username, "password": password }))
            .send()
            .await
            .unwrap();
        let status = response.status();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        if status == StatusCode::OK {
            self.csrf = body["csrf_token"].as_str().unwrap_or_default().to_string();
        }
        (status, body)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    pub async fn send(&self, method: &str, path: &str, body: &Value) -> reqwest::Response {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        self.http
            .request(method, format!("{}{path}", self.base))
            .header("x-csrf-token", &self.csrf)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn post(&self, path: &str, body: &Value) -> reqwest::Response {
        self.send("POST", path, body).await
    }

    /// A form post with the session's CSRF token.
    pub async fn form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut pairs: Vec<(&str, &str)> = vec![("csrf", &self.csrf)];
        pairs.extend_from_slice(fields);
        self.http
            .post(format!("{}{path}", self.base))
            .form(&pairs)
            .send()
            .await
            .unwrap()
    }

    /// A browser's file upload: `multipart/form-data` with the `csrf` field and one `file`
    /// field, as the page's form sends it.
    pub async fn upload(&self, path: &str, file_name: &str, bytes: &[u8]) -> reqwest::Response {
        let boundary = "----urna-test-boundary-7f3a";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: text/xml\r\n\r\n",
            self.csrf
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        self.http
            .post(format!("{}{path}", self.base))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .await
            .unwrap()
    }

    /// A script's upload: the file as the request body, its name in `x-file-name`.
    pub async fn post_file(&self, path: &str, file_name: &str, bytes: &[u8]) -> reqwest::Response {
        self.http
            .post(format!("{}{path}", self.base))
            .header("x-csrf-token", &self.csrf)
            .header("x-file-name", file_name)
            .body(bytes.to_vec())
            .send()
            .await
            .unwrap()
    }

    pub async fn json(&self, method: &str, path: &str, body: &Value) -> (StatusCode, Value) {
        let response = self.send(method, path, body).await;
        let status = response.status();
        let text = response.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    // --- the data-entry flow ---

    pub fn entry_path(election: &str, station: u32) -> String {
        format!("/api/elections/{election}/entries/{station}")
    }

    pub async fn claim(&self, election: &str, station: u32) -> (StatusCode, Value) {
        self.json(
            "POST",
            &format!("{}/claim", Client::entry_path(election, station)),
            &json!({}),
        )
        .await
    }

    pub async fn save(
        &self,
        election: &str,
        station: u32,
        version: u64,
        fields: &BTreeMap<String, Value>,
    ) -> (StatusCode, Value) {
        self.json(
            "PUT",
            &Client::entry_path(election, station),
            &json!({ "version": version, "fields": fields }),
        )
        .await
    }

    pub async fn finalise(
        &self,
        election: &str,
        station: u32,
        version: u64,
        acknowledge: bool,
    ) -> (StatusCode, Value) {
        self.json(
            "POST",
            &format!("{}/finalise", Client::entry_path(election, station)),
            &json!({ "version": version, "acknowledge_warnings": acknowledge, "acknowledge_errors": acknowledge }),
        )
        .await
    }

    /// Claims, saves `fields` and finalises; returns the final status.
    pub async fn type_entry(
        &self,
        election: &str,
        station: u32,
        fields: &BTreeMap<String, Value>,
    ) -> String {
        let (status, claimed) = self.claim(election, station).await;
        assert_eq!(status, StatusCode::OK, "claim: {claimed}");
        let version = claimed["version"].as_u64().unwrap();
        let (status, saved) = self.save(election, station, version, fields).await;
        assert_eq!(status, StatusCode::OK, "save: {saved}");
        let version = saved["version"].as_u64().unwrap();
        let (status, done) = self.finalise(election, station, version, true).await;
        assert_eq!(status, StatusCode::OK, "finalise: {done}");
        done["status"].as_str().unwrap().to_string()
    }

    pub async fn entry(&self, election: &str, station: u32) -> Value {
        let response = self.get(&Client::entry_path(election, station)).await;
        response.json().await.unwrap()
    }
}

/// The candidates per list of an election, from the store.
pub fn shape(store: &Store, election: &str) -> Vec<usize> {
    let id = model::ElectionId::new(election).unwrap();
    let stored = store.election(&id).unwrap().unwrap();
    stored.election.contests[0]
        .lists
        .iter()
        .map(|l| l.candidates.len())
        .collect()
}

/// The first polling station number of an election.
pub fn first_station(store: &Store, election: &str) -> u32 {
    let id = model::ElectionId::new(election).unwrap();
    store
        .election(&id)
        .unwrap()
        .unwrap()
        .election
        .polling_stations[0]
        .number
        .get()
}

/// The polling station numbers of an election.
pub fn stations(store: &Store, election: &str) -> Vec<u32> {
    let id = model::ElectionId::new(election).unwrap();
    store
        .election(&id)
        .unwrap()
        .unwrap()
        .election
        .polling_stations
        .iter()
        .map(|s| s.number.get())
        .collect()
}
