//! Crash tests: the process is killed with SIGKILL in the middle of an import. After a restart,
//! SQLite's integrity check passes and the database holds the whole election or nothing of it.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use seal::HashCode;
use store::Store;
use testkit::{fixture, fixture_path};

const TK_110A: &str = "eml/real/Verkiezingsdefinitie_TK2025.eml.xml";
const HAARLEM_230B: &str = "eml/real/Kandidatenlijsten_TK2025_Haarlem.eml.xml";
const TEST_110A: &str = "eml/synthetic/eml110a_test.eml.xml";
const TEST_230B: &str = "eml/synthetic/eml230b_test.eml.xml";

fn import(data_dir: &Path, definition: &str, candidates: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_urna"));
    command
        .arg("--data-dir")
        .arg(data_dir)
        .args(["--lang", "en", "election", "import", "--definition"])
        .arg(fixture_path(definition))
        .arg("--candidates")
        .arg(fixture_path(candidates))
        .arg("--definition-hash")
        .arg(HashCode::of(&fixture(definition)).to_hex())
        .arg("--candidates-hash")
        .arg(HashCode::of(&fixture(candidates)).to_hex())
        .env_remove("URNA_FAULT_PAUSE")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

/// After the crash: sound file, the earlier election intact, the interrupted one absent, the
/// audit log intact; and the interrupted import then succeeds in full.
fn check_after_crash(data_dir: &Path) {
    {
        let store = Store::open_existing(data_dir).expect("the database opens after the crash");
        assert_eq!(store.integrity_check().unwrap(), ["ok"]);
        let ids: Vec<String> = store
            .elections()
            .unwrap()
            .iter()
            .map(|e| e.id.to_string())
            .collect();
        assert_eq!(
            ids,
            ["GR2022_Test"],
            "the interrupted election left nothing behind"
        );
        let tk = model::ElectionId::new("TK2025").unwrap();
        assert!(store.election(&tk).unwrap().is_none());
        let report = store.verify_audit_log().unwrap();
        assert_eq!((report.entries, report.broken), (1, None));
    }
    let output = import(data_dir, TK_110A, HAARLEM_230B).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let store = Store::open_existing(data_dir).unwrap();
    let stored = store
        .election(&model::ElectionId::new("TK2025").unwrap())
        .unwrap()
        .expect("the whole election after the retry");
    assert_eq!(stored.election.candidate_count(), 1029);
    assert_eq!(store.verify_audit_log().unwrap().entries, 2);
}

fn with_earlier_election() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let output = import(&dir.path().join("data"), TEST_110A, TEST_230B)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    dir
}

#[test]
fn killed_inside_the_write_transaction() {
    for point in ["import-election", "import-election-before-commit"] {
        let dir = with_earlier_election();
        let data_dir = dir.path().join("data");
        let signal = dir.path().join("paused");
        let mut child = import(&data_dir, TK_110A, HAARLEM_230B)
            .env("URNA_FAULT_PAUSE", format!("{point}={}", signal.display()))
            .spawn()
            .unwrap();
        let started = Instant::now();
        while !signal.exists() {
            if let Some(status) = child.try_wait().unwrap() {
                panic!("{point}: urna ended ({status}) before reaching the pause point");
            }
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "{point}: never paused"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        assert!(!status.success(), "{point}: the process was killed");
        check_after_crash(&data_dir);
    }
}

/// Kills at a spread of moments without pause points: during start-up, parsing, hashing and
/// writing. Whatever the moment, the outcome is all or nothing.
#[test]
fn killed_at_arbitrary_moments() {
    for delay_ms in [0, 3, 7, 12, 20, 35, 60, 100, 160] {
        let dir = with_earlier_election();
        let data_dir = dir.path().join("data");
        let mut child = import(&data_dir, TK_110A, HAARLEM_230B).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let finished = child.wait().unwrap().success();
        let store = Store::open_existing(&data_dir).unwrap();
        assert_eq!(
            store.integrity_check().unwrap(),
            ["ok"],
            "after {delay_ms} ms"
        );
        let tk = store
            .election(&model::ElectionId::new("TK2025").unwrap())
            .unwrap();
        let report = store.verify_audit_log().unwrap();
        assert_eq!(report.broken, None, "after {delay_ms} ms");
        match tk {
            Some(stored) => {
                assert_eq!(
                    stored.election.candidate_count(),
                    1029,
                    "after {delay_ms} ms"
                );
                assert_eq!(report.entries, 2);
            }
            None => {
                assert!(!finished, "a finished import is stored");
                assert_eq!(report.entries, 1);
            }
        }
    }
}
