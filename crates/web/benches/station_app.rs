//! Load benchmark of the polling-station app: 1,000 polling stations log in over HTTPS, each on
//! its own device and TLS connection, and then all report their turnout for the same published
//! moment. Prints the logins' time, the reports' wall time, latency percentiles and errors, and
//! checks that the coordinator's overview counts every report.
//!
//! `cargo bench -p web --bench station_app`: 1,000 stations, all reporting at once (the worst
//! case of a moment: every chair presses at 10:00 sharp). Spread over a window instead:
//! `URNA_STATIONS_SPREAD_SECONDS=60 cargo bench -p web --bench station_app`; fewer stations:
//! `URNA_STATIONS=100 cargo bench -p web --bench station_app`.
//!
//! The server runs in this process on its own Tokio runtime with 2 worker threads (like `urna
//! serve` on this machine), the devices on another. The election is the real Assen 2026 with
//! 1,000 polling stations; each has a password made as the ceremony makes them (Argon2id).

#![allow(clippy::unwrap_used)]

mod common;

use common::{env_number, percentile};

use std::sync::Arc;
use std::time::{Duration, Instant};

use store::{Actor, CredentialSource, NewCredential, Store};
use web::station_app::device::Device;

/// The election with `stations` polling stations of 1,000 voters each, and a password per
/// station (returned, as the credential sheets would carry them).
fn setup(stations: u32) -> (tempfile::TempDir, Arc<Store>, Vec<String>) {
    let (dir, store, election) = common::assen_store(stations, Some(1000));
    let id = election.id;
    let started = Instant::now();
    let passwords: Vec<String> = (0..stations).map(|_| seal::password::generate()).collect();
    // The verifiers on both cores, as the ceremony would have made them.
    let halves: Vec<Vec<NewCredential>> = std::thread::scope(|scope| {
        let chunks: Vec<_> = passwords
            .chunks(passwords.len().div_ceil(2).max(1))
            .enumerate()
            .map(|(chunk, part)| {
                let offset = chunk * passwords.len().div_ceil(2).max(1);
                scope.spawn(move || {
                    part.iter()
                        .enumerate()
                        .map(|(i, password)| {
                            let number = u32::try_from(offset + i + 1).unwrap();
                            NewCredential {
                                station: model::PollingStationNumber::new(number).unwrap(),
                                login: format!("GR2026_Assen-SB{number}"),
                                verifier: seal::password::verifier(&seal::password::normalise(
                                    password,
                                ))
                                .unwrap(),
                            }
                        })
                        .collect()
                })
            })
            .collect();
        chunks.into_iter().map(|h| h.join().unwrap()).collect()
    });
    store
        .set_station_credentials(
            &Actor::new("bench", "setup"),
            &id,
            halves.into_iter().flatten().collect(),
            CredentialSource::Ceremony,
        )
        .unwrap();
    println!(
        "setup: {stations} polling stations, {stations} Argon2id verifiers in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    (dir, store, passwords)
}

fn main() {
    let stations = u32::try_from(env_number("URNA_STATIONS", 1000)).unwrap();
    let spread = Duration::from_secs(env_number("URNA_STATIONS_SPREAD_SECONDS", 0));
    let (dir, store, passwords) = setup(stations);

    let server = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (authority, _) = web::station_app::local_authority(&dir.path().join("ca")).unwrap();
    let tls = web::station_app::server_config(&authority, &["localhost".to_string()]).unwrap();
    let mut config = web::Config::default();
    config.airgap.enabled = false;
    let state = web::AppState::new(store.clone(), config);
    let (address, results) = server.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let app_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = app_listener.local_addr().unwrap();
        let results = listener.local_addr().unwrap();
        let serving = state.clone();
        tokio::spawn(async move {
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
        (address, results)
    });
    let _ = results;

    let devices = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let client = tls::client_config(authority.certificate_pem(), None).unwrap();
    let address = address.to_string();

    // Every device connects and logs in (each a TLS handshake and an Argon2id check).
    let started = Instant::now();
    let logged_in: Vec<Result<Device, String>> = devices.block_on(async {
        let tasks: Vec<_> = passwords
            .iter()
            .enumerate()
            .map(|(i, password)| {
                let (client, address, password) =
                    (client.clone(), address.clone(), password.clone());
                tokio::spawn(async move {
                    let mut device = Device::connect(&address, "localhost", client)
                        .await
                        .map_err(|e| e.to_string())?;
                    device
                        .log_in(&format!("GR2026_Assen-SB{}", i + 1), &password)
                        .await
                        .map_err(|e| e.to_string())?;
                    Ok(device)
                })
            })
            .collect();
        let mut out = Vec::new();
        for task in tasks {
            out.push(task.await.unwrap());
        }
        out
    });
    let login_time = started.elapsed();
    let login_errors: Vec<String> = logged_in
        .iter()
        .filter_map(|r| r.as_ref().err().cloned())
        .collect();
    println!(
        "logins: {} devices in {:.1} s, {} errors{}",
        logged_in.len(),
        login_time.as_secs_f64(),
        login_errors.len(),
        login_errors
            .first()
            .map(|e| format!(" (first: {e})"))
            .unwrap_or_default()
    );

    // Every device reports its turnout for 10:00: at once, or spread over the window.
    let started = Instant::now();
    let outcomes: Vec<Result<Duration, String>> = devices.block_on(async {
        let tasks: Vec<_> = logged_in
            .into_iter()
            .enumerate()
            .filter_map(|(i, device)| device.ok().map(|d| (i, d)))
            .map(|(i, mut device)| {
                let delay = if spread.is_zero() {
                    Duration::ZERO
                } else {
                    spread.mul_f64((i as f64 * 0.618_034) % 1.0)
                };
                tokio::spawn(async move {
                    tokio::time::sleep(delay).await;
                    let asked = Instant::now();
                    device
                        .report_turnout("10:00", 100 + u32::try_from(i).unwrap() % 400)
                        .await
                        .map_err(|e| e.to_string())?;
                    Ok(asked.elapsed())
                })
            })
            .collect();
        let mut out = Vec::new();
        for task in tasks {
            out.push(task.await.unwrap());
        }
        out
    });
    let wall = started.elapsed();
    let mut latencies: Vec<Duration> = outcomes
        .iter()
        .filter_map(|r| r.as_ref().ok().copied())
        .collect();
    latencies.sort();
    let errors = outcomes.iter().filter(|r| r.is_err()).count();
    let stored = store
        .turnout_reports(&model::ElectionId::new("GR2026_Assen").unwrap(), None)
        .unwrap();
    let overview = model::turnout::overview(
        &store
            .election(&model::ElectionId::new("GR2026_Assen").unwrap())
            .unwrap()
            .unwrap()
            .election
            .polling_stations,
        &model::turnout::default_moments(),
        &stored,
        Some(u64::from(stations) * 1000),
    );
    let ten = &overview.totals[0];
    println!(
        "turnout: {} reports in {:.2} s wall ({}), {} errors; latency p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        latencies.len(),
        wall.as_secs_f64(),
        if spread.is_zero() {
            "all at once".to_string()
        } else {
            format!("spread over {} s", spread.as_secs())
        },
        errors,
        percentile(&latencies, 0.50).as_secs_f64() * 1000.0,
        percentile(&latencies, 0.90).as_secs_f64() * 1000.0,
        percentile(&latencies, 0.99).as_secs_f64() * 1000.0,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1000.0,
    );
    println!(
        "stored: {} reports; the municipality at 10:00: {} of {} polling stations, {} admitted, turnout {}",
        stored.len(),
        ten.reported,
        ten.stations,
        ten.admitted,
        ten.percentage(false).unwrap_or_else(|| "—".into())
    );
    assert_eq!(errors, 0, "every report is stored");
    assert!(login_errors.is_empty(), "every device logs in");
    assert_eq!(stored.len(), stations as usize);
    assert_eq!(ten.reported, stations as usize);
    assert!(wall < Duration::from_secs(60) + spread, "within the minute");
    devices.shutdown_background();
    server.shutdown_background();
}
