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
    let free = || {
        std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    };
    // Starts the server and returns it with the lines it printed up to the fingerprint.
    let start = |app_port: u16| {
        let mut child = urna(&data)
            .args(["serve", "--listen", &format!("127.0.0.1:{}", free())])
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
            let done = line.contains("fingerprint");
            printed.push(line);
            if done {
                break;
            }
        }
        (child, printed)
    };
    let app_port = free();
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

    let (mut second, printed) = start(free());
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
