//! The store keeps elections whole, refuses what is not its own, and its audit log shows any
//! change made behind its back.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use eml::SourceFile;
use model::Election;
use rusqlite::Connection;
use store::{
    Actor, AuditBreak, DATABASE_FILE, FileRole, HashCheck, ImportedFile, Store, StoreError,
};

fn fixture(path: &str) -> Vec<u8> {
    testkit::fixture(&format!("eml/{path}"))
}

struct Assen {
    election: Election,
    files: Vec<ImportedFile>,
}

fn assen() -> Assen {
    let definition = fixture("composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml");
    let lists = fixture("real/Kandidatenlijsten_GR2026_Assen.eml.xml");
    let stations = fixture("composed/Stembureaus_GR2026_Assen.composed.eml.xml");
    let election = eml::import_election(
        SourceFile::new("110a", &definition),
        SourceFile::new("230b", &lists),
        Some(SourceFile::new("110b", &stations)),
    )
    .unwrap();
    let file = |role, name: &str, bytes: Vec<u8>, hash_check| ImportedFile {
        role,
        name: name.into(),
        bytes,
        hash_check,
    };
    Assen {
        election,
        files: vec![
            file(
                FileRole::Definition,
                "Verkiezingsdefinitie_GR2026_Assen.xml",
                definition,
                HashCheck::FullHashCode,
            ),
            file(
                FileRole::CandidateLists,
                "Kandidatenlijsten_GR2026_Assen.eml.xml",
                lists,
                HashCheck::TypedGroups,
            ),
            file(
                FileRole::PollingStations,
                "Stembureaus_GR2026_Assen.xml",
                stations,
                HashCheck::NotApplicable,
            ),
        ],
    }
}

fn actor() -> Actor {
    Actor::new("test", "anne")
}

#[test]
fn an_election_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_or_create(dir.path()).unwrap();
    let Assen { election, files } = assen();
    let receipt = store
        .import_election(&actor(), election.clone(), files.clone())
        .unwrap();
    assert_eq!(receipt.audit_entry.seq, 1);
    assert_eq!(receipt.audit_entry.action, "election.import");

    let stored = store.election(&election.id).unwrap().expect("stored");
    assert_eq!(stored.election, election, "what comes out is what went in");
    assert_eq!(stored.imported_by, "test:anne");
    assert_eq!(stored.files.len(), 3);
    for (stored_file, file) in stored.files.iter().zip(&files) {
        assert_eq!(stored_file.role, file.role);
        assert_eq!(stored_file.hash_code, seal::HashCode::of(&file.bytes));
        assert_eq!(stored_file.size, file.bytes.len() as u64);
        assert_eq!(stored_file.hash_check, file.hash_check);
    }
    assert_eq!(
        receipt.files, stored.files,
        "the receipt names what was stored"
    );

    let summaries = store.elections().unwrap();
    assert_eq!(summaries.len(), 1);
    assert_eq!(summaries[0].id.as_str(), "GR2026_Assen");
    assert_eq!(
        (
            summaries[0].lists,
            summaries[0].candidates,
            summaries[0].polling_stations
        ),
        (13, 228, 44)
    );
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
}

#[test]
fn a_second_import_of_the_same_election_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_or_create(dir.path()).unwrap();
    let Assen { election, files } = assen();
    store
        .import_election(&actor(), election.clone(), files.clone())
        .unwrap();
    let before = testkit::database_snapshot(store.path());
    let error = store
        .import_election(&actor(), election, files)
        .unwrap_err();
    assert!(
        matches!(error, StoreError::ElectionExists { ref id, .. } if id == "GR2026_Assen"),
        "{error}"
    );
    assert_eq!(testkit::database_snapshot(store.path()), before);
}

#[test]
fn another_applications_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    {
        let connection = Connection::open(&path).unwrap();
        connection
            .execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let error = Store::open_or_create(dir.path()).unwrap_err();
    assert!(matches!(error, StoreError::Foreign { .. }), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn reading_commands_need_an_existing_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    assert!(matches!(
        Store::open_existing(&missing),
        Err(StoreError::NoDataDir(_))
    ));
    assert!(!missing.exists(), "nothing was created");
}

fn store_with_two_entries() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_or_create(dir.path()).unwrap();
    let Assen { election, files } = assen();
    store
        .import_election(&actor(), election.clone(), files.clone())
        .unwrap();
    let mut second = election;
    second.id = model::ElectionId::new("GR2026_Assen_copy").unwrap();
    store.import_election(&actor(), second, files).unwrap();
    let report = store.verify_audit_log().unwrap();
    assert_eq!((report.entries, report.broken), (2, None));
    let path = store.path().to_path_buf();
    drop(store);
    (dir, path)
}

fn verify(dir: &Path) -> Option<AuditBreak> {
    Store::open_existing(dir)
        .unwrap()
        .verify_audit_log()
        .unwrap()
        .broken
}

#[test]
fn the_application_cannot_change_the_log_and_removing_the_protection_shows() {
    let (dir, path) = store_with_two_entries();
    let connection = Connection::open(&path).unwrap();
    let refused = connection.execute(
        "UPDATE audit_log SET actor = 'cli:mallory' WHERE seq = 1",
        [],
    );
    assert!(refused.unwrap_err().to_string().contains("append-only"));
    connection
        .execute_batch("DROP TRIGGER audit_log_no_update")
        .unwrap();
    assert_eq!(
        verify(dir.path()),
        Some(AuditBreak::TriggerRemoved("audit_log_no_update"))
    );
}

#[test]
fn an_altered_entry_is_named() {
    let (dir, path) = store_with_two_entries();
    testkit::tamper(
        &path,
        "audit_log",
        "UPDATE audit_log SET actor = 'cli:mallory' WHERE seq = 1",
    );
    assert_eq!(verify(dir.path()), Some(AuditBreak::Altered { seq: 1 }));
}

#[test]
fn a_rehashed_entry_breaks_the_link_to_the_next() {
    let (dir, path) = store_with_two_entries();
    // Replace entry 1 with a forged one whose own hash is consistent.
    let forged = seal::chain::link_hash(
        "urna/audit-log/v1",
        &seal::chain::GENESIS,
        &[b"1", b"x", b"y", b"z", b"{}"],
    );
    testkit::tamper(
        &path,
        "audit_log",
        &format!(
            "UPDATE audit_log SET at = 'x', actor = 'y', action = 'z', details = '{{}}', entry_hash = '{}' WHERE seq = 1",
            forged.to_hex()
        ),
    );
    assert_eq!(
        verify(dir.path()),
        Some(AuditBreak::Unlinked {
            seq: 2,
            previous: 1
        })
    );
}

#[test]
fn a_removed_entry_is_missed() {
    let (dir, path) = store_with_two_entries();
    testkit::tamper(&path, "audit_log", "DELETE FROM audit_log WHERE seq = 1");
    assert_eq!(
        verify(dir.path()),
        Some(AuditBreak::Missing {
            expected: 1,
            found: 2
        })
    );
}
