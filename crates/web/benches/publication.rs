//! Load benchmark of the public results site: `wrk` (Debian's package) against the router of
//! `urna publish serve` on loopback, the way election-night readers hit it.
//!
//! `cargo bench -p web --bench publication`: the sample publication of three real municipalities
//! (`publish::sample`), served like `urna publish serve` serves it (a multi-threaded Tokio
//! runtime, one worker per core); `wrk --latency` for 20 s with 2 threads and 100 connections on
//! each of: a municipality's results page (West Maas en Waal 2022), the index, the latest signed
//! snapshot (`feed/snapshot.json`), and the results page again when the reader's browser
//! already has it (`If-None-Match`: 304). Prints wrk's report and one summary line each.
//! Shorter or heavier: `URNA_WRK_SECONDS=5 URNA_WRK_CONNECTIONS=400 cargo bench -p web --bench publication`.
//!
//! wrk and the server share the machine's cores, so the figures are what one machine does as
//! both the crowd and the site.

#![allow(clippy::unwrap_used)]

mod common;

use common::env_number;

use std::path::Path;
use std::process::Command;

use web::publication::{Publication, Site};

/// The export folder of the sample publication.
fn export(dir: &Path) {
    let centre = publish::sample::centre(&testkit::fixtures_dir()).unwrap();
    for (path, bytes) in centre.export().unwrap() {
        let target = dir.join(path.trim_start_matches('/'));
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, bytes).unwrap();
    }
}

/// wrk's requests per second and 99th-percentile latency, from its `--latency` report.
fn summary(report: &str) -> (String, String) {
    let field = |prefix: &str| {
        report
            .lines()
            .map(str::trim)
            .find_map(|line| line.strip_prefix(prefix))
            .map_or_else(|| "?".to_string(), |rest| rest.trim().to_string())
    };
    (field("Requests/sec:"), field("99%"))
}

fn main() {
    // `cargo test --benches` runs this too; only `cargo bench` measures.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    if Command::new("wrk").arg("--version").output().is_err() {
        eprintln!("wrk is not installed: apt-get install -y wrk");
        std::process::exit(1);
    }
    let seconds = env_number("URNA_WRK_SECONDS", 20);
    let connections = env_number("URNA_WRK_CONNECTIONS", 100);

    let dir = tempfile::tempdir().unwrap();
    export(dir.path());
    let site = Site::load(dir.path()).unwrap();
    let page = "/verkiezing/GR2022_WestMaasenWaal.html";
    let etag = site.etag(page).unwrap().to_string();
    let server = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let listener = server
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    server.spawn(web::publication::serve(
        listener,
        Publication::new(site),
        std::future::pending(),
    ));

    let script = dir.path().join("if-none-match.lua");
    std::fs::write(
        &script,
        format!("wrk.headers[\"If-None-Match\"] = '{etag}'\n"),
    )
    .unwrap();
    let runs = [
        ("results page (West Maas en Waal)", page, None),
        ("index", "/index.html", None),
        ("feed/snapshot.json", "/feed/snapshot.json", None),
        ("results page, If-None-Match (304)", page, Some(&script)),
    ];
    let mut lines = Vec::new();
    for (name, path, lua) in runs {
        let url = format!("{base}{path}");
        let mut wrk = Command::new("wrk");
        wrk.args([
            "-t2",
            &format!("-c{connections}"),
            &format!("-d{seconds}s"),
            "--latency",
        ]);
        if let Some(lua) = lua {
            wrk.arg("-s").arg(lua);
        }
        let output = wrk.arg(&url).output().unwrap();
        let report = String::from_utf8_lossy(&output.stdout).into_owned();
        println!("== {name}: {url}\n{report}");
        let bytes =
            std::fs::metadata(dir.path().join(path.trim_start_matches('/'))).map_or(0, |m| m.len());
        let (rate, p99) = summary(&report);
        let errors = report
            .lines()
            .filter(|l| l.contains("Non-2xx") || l.contains("Socket errors"))
            .collect::<Vec<_>>()
            .join("; ");
        lines.push(format!(
            "{name}: {rate} requests/s, p99 {p99}, {bytes} bytes, errors: {}",
            if errors.is_empty() { "none" } else { &errors }
        ));
    }
    println!("== summary ({connections} connections, {seconds} s each)");
    for line in lines {
        println!("{line}");
    }
}
