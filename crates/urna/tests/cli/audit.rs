//! The audit log vouches for the data, tried as an attacker with the database file would: a
//! definitive count, a user's role, a candidate removed or a user added directly in the SQLite
//! file is named by table, row and the entry that last recorded it; a log cut short together with
//! its data is consistent in itself, but no longer holds the hash code printed on the official
//! documents.

use super::*;

/// Assen with every polling station's definitive count (imported from the real 510b), a typist,
/// and the reports made: the data directory and the output folder.
fn assen_determined(dir: &Path) -> (PathBuf, PathBuf) {
    let data = dir.join("data");
    let output = run(urna(&data).args(import_args(ASSEN_110A, ASSEN_230B, Some(ASSEN_110B))));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let imported = run(urna(&data)
        .args(["result", "import-count", "GR2026_Assen"])
        .arg(fixture_path("eml/real/Telling_GR2026_Assen.eml.xml")));
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    let typist =
        run(urna(&data).args(["user", "add", "--role", "typist", "--username", "typist1"]));
    assert!(typist.status.success(), "{}", text(&typist.stderr));
    let out = dir.join("out");
    let report = run(urna(&data)
        .args(["result", "report", "GR2026_Assen", "--dir"])
        .arg(&out));
    assert!(report.status.success(), "{}", text(&report.stderr));
    let verified = run(urna(&data).args(["audit", "verify"]));
    assert_eq!(
        verified.status.code(),
        Some(0),
        "{}",
        text(&verified.stdout)
    );
    (data, out)
}

/// `urna audit verify` after the attack: exit status 1 and what it printed.
fn refused(data: &Path) -> String {
    let verified = run(urna(data).args(["audit", "verify"]));
    let stdout = text(&verified.stdout);
    assert_eq!(verified.status.code(), Some(1), "{stdout}");
    stdout
}

fn rowid(data: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(database(data))
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_definitive_count_edited_in_the_file_is_named_with_its_row_and_entry() {
    let dir = tempfile::tempdir().unwrap();
    let (data, _) = assen_determined(dir.path());
    let row = rowid(
        &data,
        "SELECT d.polling_station FROM data_entries d JOIN polling_stations p
         ON p.id = d.polling_station WHERE p.number = 5",
    );
    // Ten more of the count's first figure of station 5, as a JSON edit.
    let before: String = rusqlite::Connection::open(database(&data))
        .unwrap()
        .query_row(
            "SELECT state FROM data_entries WHERE polling_station = ?1",
            [row],
            |r| r.get(0),
        )
        .unwrap();
    let mut state: serde_json::Value = serde_json::from_str(&before).unwrap();
    let votes = find_first_number(&mut state).expect("a figure in the definitive count");
    *votes = serde_json::json!(votes.as_u64().unwrap() + 10);
    testkit::tamper(
        &database(&data),
        "data_entries",
        &format!(
            "UPDATE data_entries SET state = '{}' WHERE polling_station = {row}",
            state.to_string().replace('\'', "''")
        ),
    );
    let stdout = refused(&data);
    assert!(
        stdout.contains(&format!(
            "table data_entries, row {row} was changed outside Urna"
        )),
        "{stdout}"
    );
    assert!(stdout.contains("(entry.import) recorded it"), "{stdout}");
}

/// The first non-zero number anywhere in a JSON value (the count's shape may change; the attack
/// only needs one figure).
fn find_first_number(value: &mut serde_json::Value) -> Option<&mut serde_json::Value> {
    match value {
        serde_json::Value::Number(n) if n.as_u64().is_some_and(|n| n > 0) => Some(value),
        serde_json::Value::Array(items) => items.iter_mut().find_map(find_first_number),
        serde_json::Value::Object(map) => map.values_mut().find_map(find_first_number),
        _ => None,
    }
}

#[test]
fn a_role_raised_in_the_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (data, _) = assen_determined(dir.path());
    let row = rowid(&data, "SELECT id FROM users WHERE username = 'typist1'");
    testkit::tamper(
        &database(&data),
        "users",
        "UPDATE users SET role = 'administrator' WHERE username = 'typist1'",
    );
    let stdout = refused(&data);
    assert!(
        stdout.contains(&format!(
            "table users, row {row} was changed outside Urna after entry"
        )) && stdout.contains("(user.create) recorded it"),
        "{stdout}"
    );
}

#[test]
fn rows_removed_or_added_in_the_file_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let (data, _) = assen_determined(dir.path());
    let candidate = rowid(&data, "SELECT max(id) FROM candidates");
    testkit::tamper(
        &database(&data),
        "candidates",
        &format!("DELETE FROM candidates WHERE id = {candidate}"),
    );
    testkit::tamper(
        &database(&data),
        "users",
        "INSERT INTO users (username, full_name, role, password_hash, must_change_password, created_at)
         VALUES ('mallory', 'Mallory', 'administrator', 'x', 0, '2026-03-18T20:00:00Z')",
    );
    let mallory = rowid(&data, "SELECT id FROM users WHERE username = 'mallory'");
    let stdout = refused(&data);
    assert!(
        stdout.contains(&format!(
            "table candidates, row {candidate} was removed outside Urna after entry 1 (election.import)"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "table users, row {mallory} was added outside Urna: no entry of the log recorded it"
        )),
        "{stdout}"
    );
}

/// The hash code in a document's footer ("Auditlog t/m regel N: …") and N, from its text.
fn head_on_paper(page: &str) -> (u64, String) {
    let at = page
        .find("Auditlog t/m regel ")
        .expect("the log's head in the footer");
    let rest = &page[at + "Auditlog t/m regel ".len()..];
    let (entry, rest) = rest.split_once(':').unwrap();
    let hash: String = rest
        .chars()
        .filter(|c| !c.is_whitespace())
        .take_while(char::is_ascii_hexdigit)
        .take(64)
        .collect();
    assert_eq!(hash.len(), 64, "{rest}");
    (entry.trim().parse().unwrap(), hash)
}

#[test]
fn a_log_cut_short_with_its_data_no_longer_holds_the_hash_code_on_paper() {
    let dir = tempfile::tempdir().unwrap();
    let (data, out) = assen_determined(dir.path());
    let pdf_text = pdf_text(&out.join("Model_Na31-2_GR2026_Assen.pdf"));
    let (entry, hash) = head_on_paper(&pdf_text);
    // Every page also names the software that made it: the hash code of this very binary.
    let binary = HashCode::of(&std::fs::read(env!("CARGO_BIN_EXE_urna")).unwrap()).to_hex();
    let pages = pdf_text.matches("Auditlog t/m regel").count();
    assert!(pages > 1, "{pdf_text}");
    assert_eq!(
        pdf_text
            .matches(&format!("Programma Urna {}:", env!("CARGO_PKG_VERSION")))
            .count(),
        pages,
        "{pdf_text}"
    );
    // (The footer may wrap the hash code's groups over two lines.)
    let compact: String = pdf_text.split_whitespace().collect();
    assert_eq!(compact.matches(&binary).count(), pages, "{pdf_text}");
    let checked = run(urna(&data).args(["audit", "verify", "--head", &hash]));
    assert_eq!(checked.status.code(), Some(0), "{}", text(&checked.stdout));
    assert!(
        text(&checked.stdout).contains(&format!("is entry {entry} of the audit log")),
        "{}",
        text(&checked.stdout)
    );

    // The attacker removes the imported counts, the typist, the documents, the committee's
    // session and every log entry from the count's import on: what is left is consistent in
    // itself.
    let database = database(&data);
    for (table, sql) in [
        ("audit_log", "DELETE FROM audit_log WHERE seq >= 2"),
        ("data_entries", "DELETE FROM data_entries"),
        ("users", "DELETE FROM users"),
        ("result_files", "DELETE FROM result_files"),
        ("committee_sessions", "DELETE FROM committee_sessions"),
    ] {
        testkit::tamper(&database, table, sql);
    }
    let alone = run(urna(&data).args(["audit", "verify"]));
    assert_eq!(alone.status.code(), Some(0), "{}", text(&alone.stdout));

    // Against the paper it fails.
    let against_paper = run(urna(&data).args(["audit", "verify", "--head", &hash]));
    assert_eq!(against_paper.status.code(), Some(1));
    assert!(
        text(&against_paper.stdout)
            .contains("NO entry of the audit log has the hash code on paper"),
        "{}",
        text(&against_paper.stdout)
    );
    // A hash code mistyped is a clear error, not a verdict.
    let mistyped = run(urna(&data).args(["audit", "verify", "--head", "12ab"]));
    assert!(!mistyped.status.success());
    assert!(
        text(&mistyped.stderr).contains("--head"),
        "{}",
        text(&mistyped.stderr)
    );
}

/// Every change made from the command line names who made it: `--operator`, else the account's
/// login name, else the account itself; never "unknown".
#[test]
fn every_command_line_change_names_its_operator() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let imported = run(urna(&data)
        .args(import_args(ASSEN_110A, ASSEN_230B, Some(ASSEN_110B)))
        .env_remove("USER")
        .env_remove("LOGNAME")
        .env_remove("USERNAME"));
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    let added = run(urna(&data)
        .args(["--operator", "J. Jansen (coördinator)"])
        .args(["user", "add", "--role", "typist", "--username", "typist1"]));
    assert!(added.status.success(), "{}", text(&added.stderr));
    let by_env = run(urna(&data).env("URNA_OPERATOR", "P. de Vries").args([
        "user",
        "add",
        "--role",
        "typist",
        "--username",
        "typist2",
    ]));
    assert!(by_env.status.success(), "{}", text(&by_env.stderr));
    let log: serde_json::Value = serde_json::from_str(&text(
        &run(urna(&data).args(["audit", "show", "--json"])).stdout,
    ))
    .unwrap();
    let actors: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["actor"].as_str().unwrap())
        .collect();
    assert!(
        actors.iter().all(|a| !a.ends_with(":unknown")),
        "{actors:?}"
    );
    // Without a login name in the environment: the account the process runs as.
    assert!(
        actors[0].starts_with("cli:") && actors[0] != "cli:",
        "{actors:?}"
    );
    assert!(
        actors.contains(&"cli:J. Jansen (coördinator)"),
        "{actors:?}"
    );
    assert!(actors.contains(&"cli:P. de Vries"), "{actors:?}");
}

#[test]
fn audit_show_into_a_pipe_closed_after_one_line_ends_without_a_panic() {
    // `urna audit show | head -1` on a log longer than a pipe holds.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        let store = store::Store::open_or_create(&data).unwrap();
        for n in 0..2000 {
            store
                .log_event(
                    &store::Actor::new("cli", "test"),
                    store::AuditAction::UserLogout,
                    serde_json::json!({ "n": n }),
                )
                .unwrap();
        }
    }
    let (first, output) = first_line_then_hang_up(urna(&data).args(["audit", "show"]));
    assert!(first.contains("user.logout"), "{first}");
    assert!(output.status.success(), "{:?}", output.status);
    assert!(
        !text(&output.stderr).contains("panicked"),
        "{}",
        text(&output.stderr)
    );
}
