//! Backups while the database is written to, a backup cut off half-way, a tampered backup, and a
//! restore that keeps what it replaces and says so in the log.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use eml::SourceFile;
use store::{Actor, AuditAction, Store, backup};

fn actor() -> Actor {
    Actor::new("test", "backup")
}

fn assen(store: &Store) {
    let election = eml::import_election(
        SourceFile::new(
            "110a",
            &testkit::fixture("eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml"),
        ),
        SourceFile::new(
            "230b",
            &testkit::fixture("eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml"),
        ),
        Some(SourceFile::new(
            "110b",
            &testkit::fixture("eml/composed/Stembureaus_GR2026_Assen.composed.eml.xml"),
        )),
    )
    .unwrap();
    store
        .import_election(&actor(), election, Vec::new())
        .unwrap();
}

#[test]
fn a_backup_made_while_writing_holds_what_was_committed_and_restores_whole() {
    let data = tempfile::tempdir().unwrap();
    let backups = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open_or_create(data.path()).unwrap());
    assen(&store);
    // Writes keep coming while the backups are made.
    let writer = {
        let store = store.clone();
        std::thread::spawn(move || {
            for i in 0..300 {
                store
                    .log_event(
                        &actor(),
                        AuditAction::UserLogout,
                        serde_json::json!({ "n": i }),
                    )
                    .unwrap();
            }
        })
    };
    let mut made = Vec::new();
    for _ in 0..3 {
        made.push(store.backup(&actor(), backups.path()).unwrap());
    }
    writer.join().unwrap();
    for b in &made {
        // Each is whole: SQLite's check and the audit log, data included.
        assert_eq!(backup::check(&b.path).unwrap(), *b);
    }
    let listed = backup::list(backups.path()).unwrap();
    assert_eq!(
        listed,
        made.iter().map(|b| b.path.clone()).collect::<Vec<_>>()
    );
    // Every backup is in the live log.
    let live_head = store.audit_head().unwrap().unwrap().0;
    assert!(made.last().unwrap().head.as_ref().unwrap().0 <= live_head);
    assert_eq!(
        store
            .audit_entries()
            .unwrap()
            .iter()
            .filter(|e| e.action == "store.backup")
            .count(),
        3
    );

    // A backup cut off half-way (the process killed while writing it) is not a backup: the
    // earlier ones stay, and a file that is not whole is refused.
    let last = made.last().unwrap().path.clone();
    let bytes = std::fs::read(&last).unwrap();
    let cut = backups.path().join(format!(
        "{}.partial",
        last.file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".sqlite", "-9.sqlite")
    ));
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    assert_eq!(backup::list(backups.path()).unwrap(), listed);
    assert!(backup::check(&cut).is_err());
    // A backup changed behind Urna's back is refused, naming the audit log.
    let tampered = backups.path().join("tampered.sqlite");
    std::fs::copy(&made[0].path, &tampered).unwrap();
    testkit::tamper(
        &tampered,
        "audit_log",
        "UPDATE audit_log SET details = '{}' WHERE seq = 1",
    );
    let refused = backup::check(&tampered).unwrap_err().to_string();
    assert!(refused.contains("audit log"), "{refused}");

    // Restore the first backup over the live database (the server stopped first).
    let expected = made[0].head.clone().unwrap();
    drop(store);
    let (restored, checked, kept) = Store::restore(&actor(), &made[0].path, data.path()).unwrap();
    assert_eq!(checked.head.unwrap(), expected);
    let kept = kept.unwrap();
    assert!(kept.exists(), "the replaced database is kept");
    let report = restored.verify_audit_log().unwrap();
    assert_eq!(report.broken, None);
    // Its log: everything up to the backup's head, then the restore.
    let (head, _) = restored.audit_head().unwrap().unwrap();
    assert_eq!(head, expected.0 + 1);
    let entries = restored.audit_entries().unwrap();
    assert_eq!(entries.last().unwrap().action, "store.restore");
    assert_eq!(entries.last().unwrap().seq, head);
    // The database it replaced is still whole, with everything written after the backup.
    drop(restored);
    let replaced = backup::check(&kept).unwrap();
    assert!(replaced.head.unwrap().0 > expected.0);
}
