//! Attack: connections that never finish their request (slowloris) stopped `urna serve` and
//! `urna publish serve`. Started with the usual limit of 1,024 open files, each stopped answering
//! once about 1,100 such connections were open: no read or header timeouts, no connection limit,
//! and no server raised its own limit of open files.
//!
//! Here each server is started by a shell that sets `ulimit -n 1024` (soft and hard: the server
//! cannot raise it, so the connection limit and the eviction of idle connections are what hold),
//! 1,500 idle connections are opened to it, and then a typist's save, a page of the
//! polling-station app and a page of the public site must each still answer in under 100 ms.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use store::{Actor, NewUser, Role, Store};
use testkit::fixture;

const ELECTION: &str = "GR2022_Test";
const PASSWORD: &str = "idle connection test";
const IDLE: usize = 1_500;
const FAST: Duration = Duration::from_millis(100);

/// A server process, killed when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `urna ARGS` with at most 1,024 open files, soft and hard.
fn start(args: &[String]) -> Server {
    let mut command = vec![env!("CARGO_BIN_EXE_urna").to_string()];
    command.extend(args.iter().cloned());
    let quoted: Vec<String> = command.iter().map(|a| format!("'{a}'")).collect();
    let child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -n 1024 && exec {}", quoted.join(" ")))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    Server(child)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits until `address` accepts connections.
async fn wait_listening(address: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if tokio::net::TcpStream::connect(address).await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{address} did not start listening");
}

/// Opens `IDLE` connections to `address` that send nothing, and keeps them open.
async fn idle_crowd(address: &str) -> Vec<tokio::net::TcpStream> {
    let mut crowd = Vec::with_capacity(IDLE);
    for _ in 0..IDLE {
        let connect = tokio::net::TcpStream::connect(address);
        match tokio::time::timeout(Duration::from_secs(1), connect).await {
            Ok(Ok(stream)) => crowd.push(stream),
            // The backlog full for a moment: a crowd of 1,400 idles the server as well.
            _ => tokio::time::sleep(Duration::from_millis(1)).await,
        }
    }
    assert!(
        crowd.len() > 1_024,
        "only {} connections opened",
        crowd.len()
    );
    // Let the server accept what it will.
    tokio::time::sleep(Duration::from_millis(500)).await;
    crowd
}

/// The fastest of three timings of `request`: one slow answer on a busy test machine says
/// little; three say the server is stuck.
async fn fastest<F, Fut>(mut request: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let mut best = Duration::MAX;
    for _ in 0..3 {
        let started = Instant::now();
        let answered = tokio::time::timeout(Duration::from_secs(5), request())
            .await
            .unwrap_or(false);
        if answered {
            best = best.min(started.elapsed());
        }
    }
    best
}

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
    election.polling_stations = (1..=3)
        .map(|n| model::PollingStation {
            number: model::PollingStationNumber::new(n).unwrap(),
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
    let setup = Actor::new("test", "setup");
    store.import_election(&setup, election, Vec::new()).unwrap();
    store
        .create_user(
            &setup,
            NewUser {
                username: "typist".into(),
                full_name: "Typist".into(),
                role: Role::Typist,
                password_hash: web::auth::hash_password(PASSWORD).unwrap(),
                must_change_password: false,
            },
        )
        .unwrap();
    shape
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_connections_do_not_stop_results_entry_the_app_or_the_public_site() {
    // The test itself holds 1,500 connections at a time.
    let _ = rlimit::increase_nofile_limit(8_192);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let shape = prepare(&data);

    // Results entry and the polling-station app.
    let (entry_port, app_port) = (free_port(), free_port());
    let _serve = start(&[
        "--data-dir".into(),
        data.display().to_string(),
        "serve".into(),
        "--listen".into(),
        format!("127.0.0.1:{entry_port}"),
        "--plain-http".into(),
        "--app-listen".into(),
        format!("127.0.0.1:{app_port}"),
        "--airgap-probe".into(),
        "127.0.0.1:9".into(),
    ]);
    let entry = format!("127.0.0.1:{entry_port}");
    let app = format!("127.0.0.1:{app_port}");
    wait_listening(&entry).await;
    wait_listening(&app).await;
    let base = format!("http://{entry}");
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    // The air-gap check must have passed before pages are served.
    let deadline = Instant::now() + Duration::from_secs(60);
    let csrf = loop {
        let response = client
            .post(format!("{base}/api/login"))
            .json(&json!({ "username": "typist", "password": PASSWORD }))
            .send()
            .await
            .unwrap();
        if response.status().is_success() {
            let login: Value = response.json().await.unwrap();
            break login["csrf_token"].as_str().unwrap().to_string();
        }
        assert!(Instant::now() < deadline, "no login: {}", response.status());
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let path = format!("{base}/api/elections/{ELECTION}/entries/1");
    let claimed: Value = client
        .post(format!("{path}/claim"))
        .header("x-csrf-token", &csrf)
        .json(&json!({}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let version = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(
        claimed["version"].as_u64().unwrap(),
    ));
    let fields = testkit::sound_count(&shape, 1);

    let crowd = idle_crowd(&entry).await;
    let save = fastest(|| {
        let (client, path, csrf, fields, version) = (
            client.clone(),
            path.clone(),
            csrf.clone(),
            fields.clone(),
            version.clone(),
        );
        async move {
            let current = version.load(std::sync::atomic::Ordering::SeqCst);
            let Ok(response) = client
                .put(&path)
                .header("x-csrf-token", &csrf)
                .json(&json!({ "version": current, "fields": fields }))
                .send()
                .await
            else {
                return false;
            };
            let Ok(saved) = response.json::<Value>().await else {
                return false;
            };
            match saved["version"].as_u64() {
                Some(next) => {
                    version.store(next, std::sync::atomic::Ordering::SeqCst);
                    true
                }
                None => false,
            }
        }
    })
    .await;
    assert!(
        save < FAST,
        "a typist's save took {save:?} beside {IDLE} idle connections"
    );
    drop(crowd);

    // The polling-station app, over HTTPS with its own authority.
    let ca = std::fs::read_to_string(data.join("stembureau-app/ca.pem")).unwrap();
    let config = tls::client_config(&ca, None).unwrap();
    let crowd = idle_crowd(&app).await;
    let page = fastest(|| {
        let (app, config) = (app.clone(), config.clone());
        async move {
            let path = format!("{}/", web::station_app::PATH);
            web::https::get_status(&app, "localhost", config, &path)
                .await
                .is_ok_and(|status| (200..300).contains(&status))
        }
    })
    .await;
    assert!(
        page < FAST,
        "a page of the app took {page:?} beside {IDLE} idle connections"
    );
    drop(crowd);

    // The public site.
    let site = dir.path().join("site");
    let centre = publish::sample::centre(&testkit::fixtures_dir()).unwrap();
    for (file, bytes) in centre.export().unwrap() {
        let target = site.join(file.trim_start_matches('/'));
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, bytes).unwrap();
    }
    let site_port = free_port();
    let _publish = start(&[
        "publish".into(),
        "serve".into(),
        site.display().to_string(),
        "--listen".into(),
        format!("127.0.0.1:{site_port}"),
    ]);
    let site_address = format!("127.0.0.1:{site_port}");
    wait_listening(&site_address).await;
    let crowd = idle_crowd(&site_address).await;
    let plain = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let page = fastest(|| {
        let (plain, url) = (plain.clone(), format!("http://{site_address}/"));
        async move {
            plain
                .get(url)
                .send()
                .await
                .is_ok_and(|response| response.status().is_success())
        }
    })
    .await;
    assert!(
        page < FAST,
        "a page of the site took {page:?} beside {IDLE} idle connections"
    );
    drop(crowd);
}
