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
            "UPDATE audit_log SET at = 'x', actor = 'y', action = 'z', details = '{{}}', state = '', entry_hash = '{}' WHERE seq = 1",
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

/// A database written before the log vouched for data: its entries have no state. On opening,
/// one baseline entry records every row as found; from then on a row changed behind the store's
/// back is named.
#[test]
fn a_database_from_before_vouching_gets_a_baseline_and_is_vouched_for_from_then_on() {
    let (dir, path) = store_with_two_entries();
    // Rewrite the log as an earlier version wrote it: no state, each hash over the five fields.
    let entries: Vec<(i64, String, String, String, String)> = {
        let connection = Connection::open(&path).unwrap();
        let mut statement = connection
            .prepare("SELECT seq, at, actor, action, details FROM audit_log ORDER BY seq")
            .unwrap();
        statement
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let mut previous = seal::chain::GENESIS;
    let mut rewrite = String::new();
    for (seq, at, actor, action, details) in &entries {
        let hash = seal::chain::link_hash(
            "urna/audit-log/v1",
            &previous,
            &[
                seq.to_string().as_bytes(),
                at.as_bytes(),
                actor.as_bytes(),
                action.as_bytes(),
                details.as_bytes(),
            ],
        );
        rewrite.push_str(&format!(
            "UPDATE audit_log SET state = '', prev_hash = '{}', entry_hash = '{}' WHERE seq = {seq};",
            previous.to_hex(),
            hash.to_hex()
        ));
        previous = hash;
    }
    testkit::tamper(&path, "audit_log", &rewrite);

    let store = Store::open_existing(dir.path()).unwrap();
    let report = store.verify_audit_log().unwrap();
    assert_eq!((report.entries, report.broken), (3, None));
    let log = store.audit_entries().unwrap();
    assert_eq!(log[2].action, "audit.baseline");
    assert!(log[2].state.contains("\"candidates/"), "{}", log[2].state);
    drop(store);
    // Opened again: no second baseline.
    assert_eq!(
        Store::open_existing(dir.path())
            .unwrap()
            .verify_audit_log()
            .unwrap()
            .entries,
        3
    );

    testkit::tamper(
        &path,
        "candidates",
        "UPDATE candidates SET last_name = 'Mallory' WHERE id = 1",
    );
    assert_eq!(
        verify(dir.path()),
        Some(AuditBreak::DataChanged {
            table: "candidates".into(),
            row: 1,
            seq: 3,
            action: "audit.baseline".into(),
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

#[test]
fn the_station_apps_reports_and_marks_are_append_only_and_audited() {
    use model::PollingStationNumber;
    use store::{CredentialSource, NewCredential, StationWrite};

    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_or_create(dir.path()).unwrap();
    let assen = assen();
    let id = assen.election.id.clone();
    store
        .import_election(&Actor::new("test", "setup"), assen.election, assen.files)
        .unwrap();
    let one = PollingStationNumber::new(1).unwrap();
    let coordinator = Actor::new("web", "coord");
    store
        .set_station_credentials(
            &coordinator,
            &id,
            vec![NewCredential {
                station: one,
                login: "GR2026_Assen-SB1".into(),
                verifier: "$argon2id$v=19$m=19456,t=2,p=1$x$y".into(),
            }],
            CredentialSource::Coordinator,
        )
        .unwrap();
    let found = store
        .station_credential("gr2026_assen-sb1")
        .unwrap()
        .unwrap();
    assert_eq!(
        (found.election.as_str(), found.station),
        ("GR2026_Assen", one)
    );
    // A station that does not exist: nothing stored.
    assert!(
        store
            .set_station_credentials(
                &coordinator,
                &id,
                vec![NewCredential {
                    station: PollingStationNumber::new(999).unwrap(),
                    login: "GR2026_Assen-SB999".into(),
                    verifier: "v".into(),
                }],
                CredentialSource::Coordinator,
            )
            .is_err()
    );
    assert!(
        store
            .station_credential("GR2026_Assen-SB999")
            .unwrap()
            .is_none()
    );

    let chair = Actor::new("stembureau-app", "GR2026_Assen-SB1 sessie abc");
    let from = StationWrite {
        election: id.clone(),
        station: one,
        session: "abc".into(),
    };
    store
        .report_turnout(&chair, from.clone(), Some("10:00".into()), 120)
        .unwrap();
    store
        .report_turnout(&chair, from.clone(), None, 130)
        .unwrap();
    let reports = store.turnout_reports(&id, None).unwrap();
    assert_eq!(store.turnout_reports(&id, Some(one)).unwrap(), reports);
    assert!(
        store
            .turnout_reports(&id, Some(PollingStationNumber::new(2).unwrap()))
            .unwrap()
            .is_empty()
    );
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0].admitted, 120);
    assert_eq!(reports[1].moment, None);

    let mark = |from: &StationWrite, mark: &str| {
        store
            .add_tally_mark(&chair, from.clone(), mark.into())
            .unwrap();
    };
    let undo = |from: &StationWrite| store.undo_tally_mark(&chair, from.clone()).unwrap();
    for text in ["c:1:1", "c:1:1", "blank"] {
        mark(&from, text);
    }
    assert_eq!(undo(&from).as_deref(), Some("blank"));
    assert_eq!(undo(&from).as_deref(), Some("c:1:1"));
    let counts = store.tally_counts(&id, Some(one)).unwrap();
    assert_eq!(
        counts,
        vec![(one, "blank".to_string(), 0), (one, "c:1:1".to_string(), 1)]
    );
    // A second device of the same station: its undo takes back its own tap, never the first
    // device's, and the first device's undo skips the second's tap.
    let second = StationWrite {
        session: "def".into(),
        ..from.clone()
    };
    mark(&second, "invalid");
    assert_eq!(undo(&from).as_deref(), Some("c:1:1"));
    assert_eq!(undo(&from), None);
    mark(&second, "blank");
    assert_eq!(undo(&second).as_deref(), Some("blank"));
    assert_eq!(
        store
            .tally_counts(&id, Some(one))
            .unwrap()
            .into_iter()
            .filter(|(_, _, count)| *count != 0)
            .collect::<Vec<_>>(),
        vec![(one, "invalid".to_string(), 1)]
    );

    let actions: Vec<String> = store
        .audit_entries()
        .unwrap()
        .into_iter()
        .filter(|e| e.action.starts_with("station_app."))
        .map(|e| format!("{} {}", e.action, e.actor))
        .collect();
    assert_eq!(actions.len(), 13, "{actions:#?}");
    assert!(
        actions[1].ends_with("stembureau-app:GR2026_Assen-SB1 sessie abc"),
        "{actions:#?}"
    );

    // Changing or removing a report behind the store's back is refused by the database.
    let connection = Connection::open(store.path()).unwrap();
    assert!(
        connection
            .execute("UPDATE turnout_reports SET admitted = 1", [])
            .is_err()
    );
    assert!(connection.execute("DELETE FROM tally_marks", []).is_err());
    assert_eq!(store.verify_audit_log().unwrap().broken, None);
}

#[test]
fn a_page_of_the_audit_log_is_newest_first_filtered_by_action_and_by_a_literal_part_of_the_actor() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_or_create(dir.path()).unwrap();
    let anna = Actor::new("web", "anna");
    let underscore = Actor::new("web", "b_x");
    let percent = Actor::new("web", "bax");
    for i in 0..5 {
        store
            .log_event(
                &anna,
                store::AuditAction::UserLogout,
                serde_json::json!({ "n": i }),
            )
            .unwrap();
    }
    store
        .log_event(
            &underscore,
            store::AuditAction::AirgapOnline,
            serde_json::json!({}),
        )
        .unwrap();
    store
        .log_event(
            &percent,
            store::AuditAction::AirgapOffline,
            serde_json::json!({}),
        )
        .unwrap();
    let all = store.audit_entries().unwrap();

    let page = |action: Option<&str>, actor: Option<&str>, offset, limit| {
        store
            .audit_query(&store::AuditQuery {
                action: action.map(str::to_string),
                actor: actor.map(str::to_string),
                offset,
                limit,
            })
            .unwrap()
    };
    let (newest, total) = page(None, None, 0, 3);
    assert_eq!(total, all.len() as u64);
    let last = all.last().unwrap().seq;
    assert_eq!(
        newest.iter().map(|e| e.seq).collect::<Vec<_>>(),
        [last, last - 1, last - 2]
    );
    let (second, _) = page(None, None, 3, 3);
    assert_eq!(second[0].seq, last - 3);

    let (logouts, total) = page(Some("user.logout"), None, 0, 100);
    assert_eq!(total, 5);
    assert!(logouts.iter().all(|e| e.action == "user.logout"));
    // `_` is the underscore itself, not "any character": bax does not match b_x.
    let (matched, total) = page(None, Some("b_x"), 0, 100);
    assert_eq!(total, 1);
    assert_eq!(matched[0].action, "airgap.online");
    let (none, total) = page(None, Some("%"), 0, 100);
    assert!(none.is_empty() && total == 0);

    let actions = store.audit_actions().unwrap();
    assert!(actions.windows(2).all(|w| w[0] < w[1]));
    assert!(actions.contains(&"user.logout".to_string()));
}

#[test]
fn a_disabled_account_stays_disabled_unless_enabled_through_urna_and_the_log_notices_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_or_create(dir.path()).unwrap();
    let coordinator = Actor::new("web", "coord");
    let anna = store
        .create_user(
            &coordinator,
            store::NewUser {
                username: "anna".into(),
                full_name: "Anna".into(),
                role: store::Role::Typist,
                password_hash: "$argon2id$placeholder".into(),
                must_change_password: true,
            },
        )
        .unwrap();
    assert!(!anna.disabled);
    let disabled = store
        .set_user_disabled(&coordinator, anna.id, true)
        .unwrap();
    assert!(disabled.disabled);
    assert!(store.user_by_username("anna").unwrap().unwrap().disabled);
    assert!(matches!(
        store.set_user_disabled(&coordinator, anna.id, true),
        Err(StoreError::AlreadySo { disabled: true, .. })
    ));
    let log = store.audit_entries().unwrap();
    let last = log.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.actor.as_str()),
        ("user.disable", "web:coord")
    );
    assert!(last.details.contains("\"anna\""));
    assert_eq!(store.verify_audit_log().unwrap().broken, None);
    drop(store);

    // Someone re-enables the account in the file itself: the log names the removed row.
    testkit::tamper(
        &dir.path().join(DATABASE_FILE),
        "disabled_users",
        "DELETE FROM disabled_users",
    );
    assert!(matches!(
        verify(dir.path()),
        Some(AuditBreak::DataRemoved { ref table, .. }) if table == "disabled_users"
    ));
    let store = Store::open_existing(dir.path()).unwrap();
    assert!(matches!(
        store.set_user_disabled(&coordinator, 9999, true),
        Err(StoreError::NotFound(_))
    ));
}
