//! `urna serve`: the polling-station app's authority made once, and only TLS on its port.

use super::*;

/// `urna serve --app-listen`: the app's certificate authority is made on the first start (its
/// fingerprint printed as a phone shows it) and read again on the next, the same; the app's port
/// gives plain HTTP no answer.
#[test]
fn serve_makes_the_apps_authority_once_and_speaks_only_tls_on_its_port() {
    use std::io::{BufRead, BufReader, Read};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // Starts the server and returns it with the lines it printed up to the fingerprint.
    let start = |app_port: u16| {
        let mut child = urna(&data)
            .args(["serve", "--listen", &format!("127.0.0.1:{}", free_port())])
            .args(["--app-listen", &format!("127.0.0.1:{app_port}")])
            .args(["--airgap-probe", "127.0.0.1:9"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let mut printed = Vec::new();
        for line in lines.by_ref() {
            let line = line.unwrap();
            let done = line.contains("the app's certificate authority");
            printed.push(line);
            if done {
                break;
            }
        }
        (child, printed)
    };
    let app_port = free_port();
    let (mut first, printed) = start(app_port);
    let ca = std::fs::read_to_string(data.join("stembureau-app/ca.pem")).unwrap();
    let hex = tls::certificate_hash_code(&ca)
        .unwrap()
        .to_hex()
        .to_uppercase();
    let shown: Vec<String> = hex
        .as_bytes()
        .chunks(2)
        .map(|pair| String::from_utf8(pair.to_vec()).unwrap())
        .collect();
    let fingerprint = shown.join(":");
    let text = printed.join("\n");
    assert!(
        text.contains("new certificate authority for the polling-station app made"),
        "{text}"
    );
    assert!(
        text.contains(&format!("https://127.0.0.1:{app_port}/stembureau/")),
        "{text}"
    );
    assert!(text.ends_with(&fingerprint), "{text}");
    // Plain HTTP on the app's port: no HTTP answer.
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", app_port)).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(15)))
        .unwrap();
    stream
        .write_all(b"GET /stembureau HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    assert!(!String::from_utf8_lossy(&answer).contains("HTTP/1.1"));
    first.kill().unwrap();
    first.wait().unwrap();

    let (mut second, printed) = start(free_port());
    let text = printed.join("\n");
    assert!(!text.contains("new certificate authority"), "{text}");
    assert!(text.ends_with(&fingerprint), "{text}");
    assert_eq!(
        std::fs::read_to_string(data.join("stembureau-app/ca.pem")).unwrap(),
        ca
    );
    second.kill().unwrap();
    second.wait().unwrap();
    // Each start is in the audit log with the hash code of the program that served.
    let shown = super::text(&run(urna(&data).args(["audit", "show", "--json"])).stdout);
    let log: serde_json::Value = serde_json::from_str(&shown).unwrap();
    let binary = std::fs::read(env!("CARGO_BIN_EXE_urna")).unwrap();
    let starts: Vec<&serde_json::Value> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "software.start")
        .collect();
    assert_eq!(starts.len(), 2);
    for start in starts {
        let details: serde_json::Value =
            serde_json::from_str(start["details"].as_str().unwrap()).unwrap();
        assert_eq!(details["hash_code"], HashCode::of(&binary).to_hex());
    }
}

/// `urna serve --backup-dir`: a checked backup after every change while it serves; killed with
/// SIGKILL, the latest backup restores a database whose log verifies and holds every change the
/// backup saw; `urna backup make|list` by hand.
#[test]
fn serve_backs_up_every_change_and_a_backup_restores_after_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (by_hand, automatic) = (dir.path().join("by-hand"), dir.path().join("stick"));
    let output = run(urna(&data).args(import_args(ASSEN_110A, ASSEN_230B, Some(ASSEN_110B))));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let made = run(urna(&data).args(["backup", "make"]).arg(&by_hand));
    assert!(made.status.success(), "{}", text(&made.stderr));
    assert!(
        text(&made.stdout).contains("Backup made and checked"),
        "{}",
        text(&made.stdout)
    );
    let listed = text(&run(urna(&data).args(["backup", "list"]).arg(&by_hand)).stdout);
    assert_eq!(listed.matches(", checked").count(), 1, "{listed}");

    let port = free_port();
    let mut server = urna(&data)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .args([
            "--airgap-probe",
            "127.0.0.1:9",
            "--backup-interval",
            "1",
            "--backup-dir",
        ])
        .arg(&automatic)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Changes while it serves: two typists added.
    for name in ["typist1", "typist2"] {
        let added = run(urna(&data).args(["user", "add", "--role", "typist", "--username", name]));
        assert!(added.status.success(), "{}", text(&added.stderr));
    }
    let head = |entries: &str| -> u64 {
        let log: serde_json::Value = serde_json::from_str(entries).unwrap();
        log.as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "user.create")
            .map(|e| e["seq"].as_u64().unwrap())
            .max()
            .unwrap()
    };
    let last_change = head(&text(
        &run(urna(&data).args(["audit", "show", "--json"])).stdout,
    ));
    // Wait for a backup that holds the last change, then kill the server without warning.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let latest = loop {
        let found = store::backup::list(&automatic).unwrap_or_default();
        if let Some(path) = found.last()
            && store::backup::check(path)
                .is_ok_and(|b| b.head.is_some_and(|(seq, _)| seq >= last_change))
        {
            break path.clone();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no backup after the changes"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    server.kill().unwrap();
    server.wait().unwrap();

    let restored = run(urna(&data).arg("restore").arg(&latest));
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    assert!(text(&restored.stdout).contains("The replaced database is kept as"));
    let verified = run(urna(&data).args(["audit", "verify"]));
    assert_eq!(
        verified.status.code(),
        Some(0),
        "{}",
        text(&verified.stdout)
    );
    let log = text(&run(urna(&data).args(["audit", "show", "--json"])).stdout);
    assert_eq!(
        head(&log),
        last_change,
        "both typists are in the restored database"
    );
    assert!(log.contains("store.restore"));
    // A file that is not a backup is refused, and nothing changes.
    let bogus = dir.path().join("urna-backup-bogus.sqlite");
    std::fs::write(&bogus, b"not a database").unwrap();
    let refused = run(urna(&data).arg("restore").arg(&bogus));
    assert_eq!(refused.status.code(), Some(1));
    let again = run(urna(&data).args(["audit", "verify"]));
    assert_eq!(again.status.code(), Some(0));
}

/// Results entry is HTTPS by default: a browser that trusts the installation's authority gets
/// the login page, plain HTTP gets nothing; plain HTTP is refused off loopback.
#[test]
fn results_entry_is_served_over_https_unless_plain_http_is_asked_for_on_loopback() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let refused = run(urna(&data).args(["serve", "--listen", "0.0.0.0:0", "--plain-http"]));
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("Plain HTTP only on a loopback address"),
        "{}",
        text(&refused.stderr)
    );
    let port = free_port();
    let mut child = urna(&data)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .args(["--airgap-probe", "127.0.0.1:9"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut printed = Vec::new();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    for line in lines.by_ref() {
        let line = line.unwrap();
        let done = line.contains("fingerprint of results entry's certificate authority");
        printed.push(line);
        if done {
            break;
        }
    }
    // Nobody reads its console any more (a detached terminal, a closed pipe): it keeps serving.
    drop(lines);
    let printed = printed.join("\n");
    assert!(
        printed.contains(&format!("https://127.0.0.1:{port}/")),
        "{printed}"
    );
    let ca = std::fs::read_to_string(data.join("https/ca.pem")).unwrap();
    let fingerprint = std::fs::read_to_string(data.join("https/fingerprint.txt")).unwrap();
    assert!(printed.contains(fingerprint.trim()), "{printed}");
    // The coordinator's sheet to print: the address and the fingerprint the typists compare in
    // their browser, and the software's hash code.
    let sheet = data.join("https/verbindingsblad.pdf");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !sheet.exists() {
        assert!(std::time::Instant::now() < deadline, "no connection sheet");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let on_paper = pdf_text(&sheet);
    assert!(
        on_paper.contains("Verbindingsblad uitslageninvoer"),
        "{on_paper}"
    );
    assert!(
        on_paper.contains(&format!("https://127.0.0.1:{port}/")),
        "{on_paper}"
    );
    let pairs: Vec<&str> = fingerprint.trim().split(':').collect();
    assert_eq!(pairs.len(), 32);
    for row in pairs.chunks(8) {
        assert!(
            on_paper.contains(&row.join(":")),
            "{} not on the sheet",
            row.join(":")
        );
    }
    let binary = std::fs::read(env!("CARGO_BIN_EXE_urna")).unwrap();
    assert!(
        on_paper.contains(&HashCode::of(&binary).to_string()),
        "software hash code"
    );
    let address = format!("127.0.0.1:{port}");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    // The server answers once its first air-gap check is done: ask until it does.
    let trusted = tls::client_config(&ca, None).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let status = loop {
        match runtime.block_on(web::https::get_status(
            &address,
            "localhost",
            trusted.clone(),
            "/login",
        )) {
            Ok(status) => break status,
            Err(error) => {
                assert!(std::time::Instant::now() < deadline, "{error}");
                std::thread::sleep(std::time::Duration::from_millis(200));
            }
        }
    };
    assert_eq!(status, 200);
    // A browser that does not trust this authority gets no page.
    let stranger = tls::CertificateAuthority::generate("stranger").unwrap();
    let untrusted = runtime.block_on(web::https::get_status(
        &address,
        "localhost",
        tls::client_config(stranger.certificate_pem(), None).unwrap(),
        "/login",
    ));
    assert!(untrusted.is_err());
    // Plain HTTP gets no answer.
    let mut plain = std::net::TcpStream::connect(&address).unwrap();
    plain
        .set_read_timeout(Some(std::time::Duration::from_secs(5)))
        .unwrap();
    std::io::Write::write_all(&mut plain, b"GET /login HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut answer = Vec::new();
    let _ = std::io::Read::read_to_end(&mut plain, &mut answer);
    assert!(!String::from_utf8_lossy(&answer).contains("HTTP/1.1 200"));
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn serve_logs_every_request_and_its_start_as_json_lines_in_the_file_of_the_day() {
    use std::io::{BufRead, BufReader, Read, Write as _};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let logs = dir.path().join("logs");
    let port = free_port();
    let mut child = urna(&data)
        .args([
            "serve",
            "--plain-http",
            "--listen",
            &format!("127.0.0.1:{port}"),
        ])
        .args(["--airgap-probe", "127.0.0.1:9", "--log-dir"])
        .arg(&logs)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap()).lines();
    for line in stderr.by_ref() {
        if line.unwrap().contains(&format!("http://127.0.0.1:{port}/")) {
            break;
        }
    }
    let ask = |request: &str| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
            stream.write_all(request.as_bytes()).unwrap();
            let mut answer = String::new();
            let _ = stream.read_to_string(&mut answer);
            // Until the first air-gap check is done, pages wait; ask again.
            if !answer.contains(" 503 ") || std::time::Instant::now() > deadline {
                return answer;
            }
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
    };
    let page = ask("GET /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    let secret = "a-password-never-logged";
    let body = format!("username=nobody&password={secret}");
    ask(&format!(
        "POST /login?token=query-never-logged HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    ));

    // The lines reach the file of the day as they happen.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let lines: Vec<serde_json::Value> = loop {
        let text: String = std::fs::read_dir(&logs)
            .unwrap()
            .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
            .collect();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|line| serde_json::from_str(line).expect("every line is JSON"))
            .collect();
        if lines
            .iter()
            .filter(|l| l["target"] == "urna::request")
            .count()
            >= 2
        {
            assert!(
                !text.contains(secret) && !text.contains("query-never-logged"),
                "{text}"
            );
            break lines;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no request logged: {text}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    child.kill().unwrap();
    child.wait().unwrap();

    let files: Vec<String> = std::fs::read_dir(&logs)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    assert!(
        files
            .iter()
            .any(|f| f == &format!("urna-serve.{today}.log")),
        "{files:?}"
    );
    let login = lines
        .iter()
        .find(|l| l["target"] == "urna::request" && l["method"] == "GET")
        .unwrap();
    assert_eq!(login["path"], "/login");
    assert_eq!(login["status"], 200);
    assert_eq!(login["client"], "127.0.0.1");
    assert_eq!(login["tls"], false);
    assert!(login["micros"].as_u64().is_some());
    assert!(login["timestamp"].as_str().is_some());
    let refused = lines
        .iter()
        .find(|l| l["target"] == "urna::request" && l["method"] == "POST")
        .unwrap();
    assert_eq!(refused["path"], "/login");
    // The start names the software by the hash code `urna --version` shows.
    let binary = std::fs::read(env!("CARGO_BIN_EXE_urna")).unwrap();
    let started = lines.iter().find(|l| l["message"] == "started").unwrap();
    assert_eq!(started["hash_code"], HashCode::of(&binary).to_string());
    assert_eq!(started["program"], "urna serve");
}

/// A typist's API session against a served results entry.
struct Typist {
    http: reqwest::Client,
    base: String,
    csrf: String,
}

impl Typist {
    async fn log_in(base: &str, username: &str) -> Typist {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap();
        let answer: serde_json::Value = http
            .post(format!("{base}/api/login"))
            .json(
                &serde_json::json!({ "username": username, "password": "a long enough password" }),
            )
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        Typist {
            http,
            base: base.to_string(),
            csrf: answer["csrf_token"].as_str().unwrap().to_string(),
        }
    }

    /// A request with the session's token; the answer's JSON, or why there is none.
    async fn ask(
        &self,
        method: reqwest::Method,
        path: &str,
        body: serde_json::Value,
    ) -> Result<serde_json::Value, String> {
        let response = self
            .http
            .request(method, format!("{}{path}", self.base))
            .header("x-csrf-token", &self.csrf)
            .json(&body)
            .send()
            .await
            .map_err(|e| e.to_string())?;
        if !response.status().is_success() {
            let status = response.status();
            return Err(format!(
                "{status}: {}",
                response.text().await.unwrap_or_default()
            ));
        }
        response.json().await.map_err(|e| e.to_string())
    }
}

#[test]
fn a_kill_during_backups_under_load_loses_no_acknowledged_save_and_the_last_backup_restores() {
    use std::collections::BTreeMap;
    use std::sync::{Arc, Mutex};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let stick = dir.path().join("stick");
    let output = run(urna(&data).args(import_args(ASSEN_110A, ASSEN_230B, Some(ASSEN_110B))));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let typists = ["t1", "t2", "t3", "t4"];
    for name in typists {
        let added = run_with_input(
            urna(&data)
                .args(["user", "add", "--role", "typist", "--username", name])
                .arg("--password-stdin"),
            "a long enough password\n",
        );
        assert!(added.status.success(), "{}", text(&added.stderr));
    }
    let election = "GR2026_Assen";
    let (stations, shape): (Vec<u32>, Vec<usize>) = {
        let store = store::Store::open_existing(&data).unwrap();
        let stored = store.election(&election.parse().unwrap()).unwrap().unwrap();
        (
            stored
                .election
                .polling_stations
                .iter()
                .take(typists.len())
                .map(|s| s.number.get())
                .collect(),
            stored.election.contests[0]
                .lists
                .iter()
                .map(|l| l.candidates.len())
                .collect(),
        )
    };

    let port = free_port();
    let mut server = urna(&data)
        .args([
            "serve",
            "--plain-http",
            "--listen",
            &format!("127.0.0.1:{port}"),
        ])
        .args([
            "--airgap-probe",
            "127.0.0.1:9",
            "--backup-interval",
            "1",
            "--backup-dir",
        ])
        .arg(&stick)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    // The last version each station's save was acknowledged with.
    let acknowledged: Arc<Mutex<BTreeMap<u32, u64>>> = Arc::default();
    // Whether a backup is being written (its `.partial` file).
    let partial = |stick: &Path| {
        std::fs::read_dir(stick).unwrap().any(|entry| {
            entry
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".partial")
        })
    };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        // Up once the first air-gap check is done.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while reqwest::get(format!("{base}/login"))
            .await
            .map_or(true, |r| !r.status().is_success())
        {
            assert!(
                std::time::Instant::now() < deadline,
                "the server did not come up"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let mut tasks = Vec::new();
        for (name, station) in typists.into_iter().zip(stations.clone()) {
            let typist = Typist::log_in(&base, name).await;
            let entry = format!("/api/elections/{election}/entries/{station}");
            let claimed = typist
                .ask(
                    reqwest::Method::POST,
                    &format!("{entry}/claim"),
                    serde_json::json!({}),
                )
                .await
                .unwrap();
            let mut version = claimed["version"].as_u64().unwrap();
            let acknowledged = acknowledged.clone();
            let shape = shape.clone();
            // Saves as fast as the server answers, until it is gone.
            tasks.push(tokio::spawn(async move {
                for n in 1u64.. {
                    let saved = typist
                        .ask(
                            reqwest::Method::PUT,
                            &entry,
                            serde_json::json!({
                                "version": version,
                                "fields": testkit::sound_count(&shape, n),
                            }),
                        )
                        .await;
                    match saved {
                        Ok(answer) => {
                            version = answer["version"].as_u64().unwrap();
                            acknowledged.lock().unwrap().insert(station, version);
                        }
                        Err(error) => {
                            let error: String = error.chars().take(300).collect();
                            eprintln!("station {station}, save {n}: {error}");
                            break;
                        }
                    }
                }
            }));
        }
        // Kill the server without warning once backups have been made under this load.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let backups = store::backup::list(&stick).unwrap_or_default().len();
            let saves: u64 = acknowledged.lock().unwrap().values().sum();
            if backups >= 2 && saves >= 200 {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{backups} backups, {saves} saves"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        // Then in the middle of the next backup: while its `.partial` file is being written.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while !partial(&stick) {
            assert!(
                std::time::Instant::now() < deadline,
                "no backup in progress seen"
            );
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        }
        server.kill().unwrap();
        server.wait().unwrap();
        for task in tasks {
            task.await.unwrap();
        }
    });

    // Every acknowledged save is in the database, which the audit log vouches for.
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert_eq!(acknowledged.len(), stations.len());
    let stored_versions = |data: &Path| -> BTreeMap<u32, u64> {
        let store = store::Store::open_existing(data).unwrap();
        store
            .entries(&election.parse().unwrap())
            .unwrap()
            .into_iter()
            .map(|e| (e.polling_station.get(), e.version))
            .collect()
    };
    let live = stored_versions(&data);
    for (station, version) in &acknowledged {
        assert!(
            live[station] >= *version,
            "station {station}: acknowledged version {version}, stored {}",
            live[station]
        );
    }
    let verified = run(urna(&data).args(["audit", "verify"]));
    assert_eq!(
        verified.status.code(),
        Some(0),
        "{}",
        text(&verified.stdout)
    );

    // The backup cut off is left as `.partial`, never listed as a backup; the last finished one,
    // made under load, is whole; restored, its log verifies and it holds an
    // earlier moment of the same entries.
    assert!(
        partial(&stick),
        "the interrupted backup stays a .partial file"
    );
    let latest = store::backup::list(&stick).unwrap().last().unwrap().clone();
    assert!(!latest.to_string_lossy().ends_with(".partial"));
    store::backup::check(&latest).unwrap();
    let restored = run(urna(&data).arg("restore").arg(&latest));
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    let verified = run(urna(&data).args(["audit", "verify"]));
    assert_eq!(
        verified.status.code(),
        Some(0),
        "{}",
        text(&verified.stdout)
    );
    let from_backup = stored_versions(&data);
    for station in &stations {
        assert!(from_backup[station] <= live[station]);
        assert!(from_backup[station] >= 1, "the backup holds the claims");
    }
}
