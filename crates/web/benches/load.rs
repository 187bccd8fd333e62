//! Load benchmark: simulated typists doing claim → save → finalise against the server over
//! loopback HTTP, for a fixed time; prints throughput, latency percentiles and errors.
//!
//! `cargo bench -p web --bench load`: 200 typists, 60 s, each pausing 125–375 ms after every
//! answer (a quarter of a second on average: a person needs far longer to type the next fields,
//! so this is already a heavy load). Other runs, e.g. the stress run without any pause:
//! `URNA_LOAD_THINK_MS=0 cargo bench -p web --bench load`; shorter:
//! `URNA_LOAD_TYPISTS=20 URNA_LOAD_SECONDS=5 cargo bench -p web --bench load`. Each pause is drawn
//! between ½ and 1½ times `URNA_LOAD_THINK_MS`. `URNA_LOAD_BALLOT=house` puts a House of
//! Representatives ballot of 1,500 candidates in every form instead of Assen's.
//!
//! The server runs in this process on its own Tokio runtime (2 worker threads, like `urna
//! serve` on this machine), the typists on another; each typist has its own HTTP connection and
//! session. The election is the real Assen 2026 (16 lists, 380 candidates) with enough polling
//! stations added that no typist runs out: every request carries the full form of 400 fields.

#![allow(clippy::unwrap_used)]

mod common;

use common::{env_number, percentile};

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use store::{Actor, NewUser, Role, Store};

const PASSWORD: &str = "load test password";

fn setup(
    typists: usize,
    stations_per_typist: usize,
    house: bool,
) -> (tempfile::TempDir, Arc<Store>, Vec<usize>, String) {
    let stations = u32::try_from(typists * stations_per_typist).unwrap();
    let (dir, store, election) = if house {
        common::house_store(stations)
    } else {
        common::assen_store(stations, None)
    };
    let shape: Vec<usize> = election.contests[0]
        .lists
        .iter()
        .map(|l| l.candidates.len())
        .collect();
    let hash = web::auth::hash_password(PASSWORD).unwrap();
    for t in 0..typists {
        store
            .create_user(
                &Actor::new("bench", "setup"),
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
    (dir, store, shape, election.id.to_string())
}

#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    errors: Vec<String>,
    stations: u64,
    window: Option<(Instant, Instant)>,
}

struct Session {
    client: reqwest::Client,
    base: String,
    csrf: String,
}

impl Session {
    async fn call(
        &self,
        tally: &mut Tally,
        method: reqwest::Method,
        path: String,
        body: String,
    ) -> Option<Value> {
        let started = Instant::now();
        let result = self
            .client
            .request(method, format!("{}{path}", self.base))
            .header("x-csrf-token", &self.csrf)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await;
        match result {
            Ok(response) => {
                let status = response.status();
                let text = response.text().await.unwrap_or_default();
                tally.latencies.push(started.elapsed());
                if status.is_success() {
                    serde_json::from_str(&text).ok()
                } else {
                    tally.errors.push(format!("{path}: {status} {text}"));
                    None
                }
            }
            Err(error) => {
                tally.errors.push(format!("{path}: {error}"));
                None
            }
        }
    }
}

/// What every simulated typist shares.
struct Plan {
    base: String,
    typists: usize,
    stations_per_typist: usize,
    shape: Vec<usize>,
    election: String,
    start: tokio::sync::Barrier,
    seconds: u64,
    think: Duration,
}

async fn typist(plan: Arc<Plan>, number: usize) -> Tally {
    let Plan {
        ref base,
        typists,
        stations_per_typist,
        ref shape,
        ref election,
        ref start,
        seconds,
        think,
    } = *plan;
    let base = base.clone();
    let mut tally = Tally::default();
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    // All typists log in at once from one address: the login gate lets as many password checks
    // run at a time as it allows, and asks the others to try again a moment later.
    let csrf = loop {
        let login: Value = client
            .post(format!("{base}/api/login"))
            .json(&json!({ "username": format!("typist{number}"), "password": PASSWORD }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if let Some(token) = login["csrf_token"].as_str() {
            break token.to_string();
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let session = Session { client, base, csrf };
    // Everyone logged in: the measured window starts.
    start.wait().await;
    let began = Instant::now();
    let until = began + Duration::from_secs(seconds);
    // Each typist pauses between ½ and 1½ times the pause, at random (a fixed seed per typist):
    // people do not type in step.
    let mut random = 0x9E37_79B9_7F4A_7C15_u64 ^ number as u64;
    let mut pause = move || {
        random = random
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let factor = 0.5 + (random >> 11) as f64 / (1u64 << 53) as f64;
        think.mul_f64(factor)
    };
    for k in 0..stations_per_typist {
        if Instant::now() >= until {
            break;
        }
        let station = k * typists + number + 1;
        let path = format!("/api/elections/{election}/entries/{station}");
        // The form is serialised once; the typist's client only puts the version around it.
        let fields = serde_json::to_string(&testkit::sound_count(shape, station as u64)).unwrap();
        let Some(claimed) = session
            .call(
                &mut tally,
                reqwest::Method::POST,
                format!("{path}/claim"),
                "{}".into(),
            )
            .await
        else {
            continue;
        };
        let mut version = claimed["version"].as_u64().unwrap_or(0);
        // Typists save as they go: twice per form, then finalise.
        for _ in 0..2 {
            tokio::time::sleep(pause()).await;
            let body = format!("{{\"version\":{version},\"fields\":{fields}}}");
            let Some(saved) = session
                .call(&mut tally, reqwest::Method::PUT, path.clone(), body)
                .await
            else {
                break;
            };
            version = saved["version"].as_u64().unwrap_or(version);
        }
        tokio::time::sleep(pause()).await;
        let body = format!("{{\"version\":{version},\"acknowledge_warnings\":true}}");
        if session
            .call(
                &mut tally,
                reqwest::Method::POST,
                format!("{path}/finalise"),
                body,
            )
            .await
            .is_some()
        {
            tally.stations += 1;
        }
    }
    tally.window = Some((began, Instant::now()));
    tally
}

fn main() {
    let typists = env_number("URNA_LOAD_TYPISTS", 200) as usize;
    let seconds = env_number("URNA_LOAD_SECONDS", 60);
    let think = Duration::from_millis(env_number("URNA_LOAD_THINK_MS", 250));
    let stations_per_typist = 400;
    let house = std::env::var("URNA_LOAD_BALLOT").is_ok_and(|ballot| ballot == "house");
    eprintln!(
        "setting up: {typists} typists, {} polling stations, {} ballot",
        typists * stations_per_typist,
        if house {
            "a House-of-Representatives"
        } else {
            "Assen's"
        }
    );
    let (_dir, store, shape, election) = setup(typists, stations_per_typist, house);
    let candidates: usize = shape.iter().sum();

    let server_runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("server")
        .enable_all()
        .build()
        .unwrap();
    let mut config = web::Config::default();
    config.airgap.enabled = false;
    let state = web::AppState::new(store.clone(), config);
    let listener = server_runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    server_runtime.spawn(web::serve(state, listener, std::future::pending()));

    let client_runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("typists")
        .enable_all()
        .build()
        .unwrap();
    let plan = Arc::new(Plan {
        base,
        typists,
        stations_per_typist,
        shape,
        election,
        start: tokio::sync::Barrier::new(typists),
        seconds,
        think,
    });
    let tallies: Vec<Tally> = client_runtime.block_on(async {
        let tasks: Vec<_> = (0..typists)
            .map(|t| tokio::spawn(typist(plan.clone(), t)))
            .collect();
        let mut tallies = Vec::new();
        for task in tasks {
            tallies.push(task.await.unwrap());
        }
        tallies
    });
    let began = tallies
        .iter()
        .filter_map(|t| t.window)
        .map(|w| w.0)
        .min()
        .unwrap();
    let ended = tallies
        .iter()
        .filter_map(|t| t.window)
        .map(|w| w.1)
        .max()
        .unwrap();
    let elapsed = ended - began;
    let mut latencies: Vec<Duration> = tallies.iter().flat_map(|t| t.latencies.clone()).collect();
    latencies.sort();
    let errors: Vec<&String> = tallies.iter().flat_map(|t| &t.errors).collect();
    let stations: u64 = tallies.iter().map(|t| t.stations).sum();
    println!(
        "load: {typists} typists, {candidates} candidates, pause {} ms, {:.1} s: {} requests, {:.0} requests/s, {stations} entries finalised, errors {}",
        think.as_millis(),
        elapsed.as_secs_f64(),
        latencies.len(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        errors.len()
    );
    println!(
        "latency: p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&latencies, 0.50).as_secs_f64() * 1e3,
        percentile(&latencies, 0.90).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
    for error in errors.iter().take(5) {
        println!("error: {error}");
    }
    let report = store.verify_audit_log().unwrap();
    println!(
        "audit log: {} entries, intact: {}",
        report.entries,
        report.broken.is_none()
    );
    drop(server_runtime);
}
