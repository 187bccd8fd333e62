//! Crash safety of results entry: `urna serve` is killed with SIGKILL at random moments while
//! typists claim, save and finalise over HTTP. After every restart, every save the server
//! acknowledged is still there, SQLite's integrity check passes and `urna audit verify` passes.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use store::{Actor, NewUser, Role, Store};
use testkit::fixture;

const ELECTION: &str = "GR2022_Test";
/// As many typists as the load benchmark.
const TYPISTS: usize = 200;
const STATIONS_PER_TYPIST: usize = 45;
const PASSWORD: &str = "crash test password";
const ROUNDS: usize = 3;

fn prepare(data_dir: &Path) -> Vec<usize> {
    let store = Store::open_or_create(data_dir).unwrap();
    let definition = fixture("eml/synthetic/eml110a_test.eml.xml");
    let candidates = fixture("eml/synthetic/eml230b_test.eml.xml");
    let mut election = eml::import_election(
        eml::SourceFile::new("110a", &definition),
        eml::SourceFile::new("230b", &candidates),
        None,
    )
    .unwrap();
    election.polling_stations = (1..=TYPISTS * STATIONS_PER_TYPIST)
        .map(|n| model::PollingStation {
            number: model::PollingStationNumber::new(u32::try_from(n).unwrap()).unwrap(),
            name: format!("Stembureau {n}"),
            kind: None,
            address: model::Address::default(),
            voters: None,
            contest: None,
        })
        .collect();
    let shape = election.contests[0]
        .lists
        .iter()
        .map(|l| l.candidates.len())
        .collect();
    store
        .import_election(&Actor::new("test", "setup"), election, Vec::new())
        .unwrap();
    let hash = web::auth::hash_password(PASSWORD).unwrap();
    for t in 0..TYPISTS {
        store
            .create_user(
                &Actor::new("test", "setup"),
                NewUser {
                    username: format!("typist{t}"),
                    full_name: format!("Typist {t}"),
                    role: Role::Typist,
                    password_hash: hash.clone(),
                    must_change_password: false,
                },
            )
            .unwrap();
    }
    shape
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start_server(data_dir: &Path, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_urna"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        // The client speaks plain HTTP: asked for, on loopback.
        .arg("--plain-http")
        // The air-gap check runs for real, against a closed local port: offline.
        .args(["--airgap-probe", "127.0.0.1:9"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

async fn wait_ready(base: &str) {
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(response) = client.get(format!("{base}/login")).send().await
            && response.status().is_success()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not become ready");
}

/// What the server acknowledged: per polling station, the highest version it answered with and
/// the status and total (H) that version holds.
type Acknowledged = Arc<Mutex<BTreeMap<u32, (u64, String, u64)>>>;

async fn typist(
    base: String,
    number: usize,
    shape: Arc<Vec<usize>>,
    start: usize,
    acks: Acknowledged,
) {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    let Ok(response) = client
        .post(format!("{base}/api/login"))
        .json(&json!({ "username": format!("typist{number}"), "password": PASSWORD }))
        .send()
        .await
    else {
        return;
    };
    let Ok(login) = response.json::<Value>().await else {
        return;
    };
    let Some(csrf) = login["csrf_token"].as_str().map(str::to_string) else {
        return;
    };
    for k in start..STATIONS_PER_TYPIST {
        let station = u32::try_from(k * TYPISTS + number + 1).unwrap();
        let path = format!("{base}/api/elections/{ELECTION}/entries/{station}");
        let fields = testkit::sound_count(&shape, u64::from(station));
        let h = fields["votes.h"].as_u64().unwrap();
        let send = |method: reqwest::Method, url: String, body: Value| {
            client
                .request(method, url)
                .header("x-csrf-token", &csrf)
                .json(&body)
                .send()
        };
        let Ok(response) = send(reqwest::Method::POST, format!("{path}/claim"), json!({})).await
        else {
            return;
        };
        if !response.status().is_success() {
            continue;
        }
        let Ok(claimed) = response.json::<Value>().await else {
            return;
        };
        let mut version = claimed["version"].as_u64().unwrap();
        let Ok(response) = send(
            reqwest::Method::PUT,
            path.clone(),
            json!({ "version": version, "fields": fields }),
        )
        .await
        else {
            return;
        };
        let Ok(saved) = response.json::<Value>().await else {
            return;
        };
        // Acknowledged: the save is stored.
        version = saved["version"].as_u64().unwrap();
        acks.lock()
            .unwrap()
            .insert(station, (version, "first_entry_in_progress".into(), h));
        let Ok(response) = send(
            reqwest::Method::POST,
            format!("{path}/finalise"),
            json!({ "version": version }),
        )
        .await
        else {
            return;
        };
        let Ok(done) = response.json::<Value>().await else {
            return;
        };
        let status = done["status"].as_str().unwrap().to_string();
        acks.lock()
            .unwrap()
            .insert(station, (done["version"].as_u64().unwrap(), status, h));
    }
}

fn check(data_dir: &Path, acks: &BTreeMap<u32, (u64, String, u64)>) {
    let store = Store::open_existing(data_dir).unwrap();
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
    let election = model::ElectionId::new(ELECTION).unwrap();
    for (station, (version, status, h)) in acks {
        let stored = store
            .entry(
                &election,
                model::PollingStationNumber::new(*station).unwrap(),
            )
            .unwrap();
        assert!(
            stored.version >= *version,
            "polling station {station}: acknowledged version {version} lost (stored {})",
            stored.version
        );
        if stored.version == *version {
            assert_eq!(
                stored.state.status().as_str(),
                status,
                "polling station {station}"
            );
        }
        let count = stored
            .state
            .draft()
            .or(stored.state.first_entry().map(|e| &e.count))
            .unwrap();
        let model::count::CountForm::Netherlands(count) = count else {
            panic!("not a Dutch count")
        };
        assert_eq!(
            u64::from(count.votes.total_cast),
            *h,
            "polling station {station}"
        );
    }
    drop(store);
    let verify = Command::new(env!("CARGO_BIN_EXE_urna"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert!(
        verify.status.success(),
        "urna audit verify: {}",
        String::from_utf8_lossy(&verify.stdout)
    );
}

#[test]
fn no_acknowledged_save_is_lost_when_the_server_is_killed() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let shape = Arc::new(prepare(&data_dir));
    let acks: Acknowledged = Arc::new(Mutex::new(BTreeMap::new()));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    // Random moments, reproducible from the printed seed.
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    eprintln!("kill moments seed: {seed}");
    let mut random = seed;
    let mut next = move || {
        random = random
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        random >> 33
    };
    for round in 0..ROUNDS {
        let port = free_port();
        let base = format!("http://127.0.0.1:{port}");
        let mut server = start_server(&data_dir, port);
        runtime.block_on(wait_ready(&base));
        let start = round * (STATIONS_PER_TYPIST / ROUNDS);
        let tasks: Vec<_> = (0..TYPISTS)
            .map(|t| runtime.spawn(typist(base.clone(), t, shape.clone(), start, acks.clone())))
            .collect();
        // Once the load is going (the first save acknowledged), kill the server at a random
        // moment under it.
        let before = acks.lock().unwrap().len();
        let deadline = Instant::now() + Duration::from_secs(120);
        while acks.lock().unwrap().len() == before && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        let delay = Duration::from_millis(1_000 + next() % 4_000);
        std::thread::sleep(delay);
        server.kill().unwrap(); // SIGKILL
        server.wait().unwrap();
        runtime.block_on(async {
            for task in tasks {
                let _ = task.await;
            }
        });
        let acknowledged = acks.lock().unwrap().clone();
        eprintln!(
            "round {round}: killed {delay:?} into the load, {} polling stations with acknowledged changes",
            acknowledged.len()
        );
        assert!(!acknowledged.is_empty(), "the load did not get going");
        check(&data_dir, &acknowledged);
    }
}
