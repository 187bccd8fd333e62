//! Elections in and out: import with the hash-code check (as a script and on a terminal),
//! every refusal leaving the database as it was, the audit log noticing a change made behind
//! Urna's back, the hash of a file, users for scripts.

use super::*;

#[test]
fn import_list_and_show() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let output = run(urna(&data).args(import_args(ASSEN_110A, ASSEN_230B, Some(ASSEN_110B))));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("Loaded: Gemeenteraad Assen 2026 (GR2026_Assen)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("35 seats, 13 lists, 228 candidates, 44 polling stations"),
        "{stdout}"
    );
    assert!(stdout.contains(&hash(ASSEN_230B)), "{stdout}");

    let list = text(&run(urna(&data).args(["election", "list"])).stdout);
    assert!(
        list.contains("GR2026_Assen") && list.contains("228"),
        "{list}"
    );

    let show = run(urna(&data).args(["election", "show", "GR2026_Assen"]));
    assert!(show.status.success());
    let show = text(&show.stdout);
    for expected in [
        "Seats:                35",
        "Preference threshold: 25% of the quota",
        "List 1  GROENLINKS / Partij van de Arbeid (PvdA) — 35 candidates",
        "  3. P.M.J. (Peter) de Vries, Assen",
        "confirmed: full official hash code",
        "Polling stations (44):",
        "     1  Stembureau Stadhuis, 9401 JW — 1082 voters",
    ] {
        assert!(show.contains(expected), "missing {expected:?} in\n{show}");
    }
    assert!(show.contains(&hash(ASSEN_110A)));

    let json = run(urna(&data).args(["election", "show", "GR2026_Assen", "--json"]));
    let election: model::Election = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(election.candidate_count(), 228);

    let missing = run(urna(&data).args(["election", "show", "GR2099_Nergens"]));
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("GR2099_Nergens is not loaded"));
}

#[test]
fn reading_commands_refuse_a_missing_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("typo");
    for args in [
        &["election", "list"][..],
        &["audit", "verify"],
        &["audit", "show"],
    ] {
        let output = run(urna(&data).args(args));
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            text(&output.stderr).contains("no Urna data directory"),
            "{}",
            text(&output.stderr)
        );
    }
    assert!(!data.exists());
}

/// Each refusal names the problem, exits with status 1, and leaves the database as it was.
#[test]
fn refusals_leave_the_database_exactly_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let output = run(urna(&data).args(import_args(TEST_110A, TEST_230B, Some(TEST_110B))));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let before = database_snapshot(&database(&data));

    let malformed = dir.path().join("malformed.xml");
    std::fs::write(
        &malformed,
        text(&fixture(ASSEN_230B)).replacen("</Affiliation>", "</Affiliatoin>", 1),
    )
    .unwrap();
    let truncated = dir.path().join("truncated.xml");
    let bytes = fixture(ASSEN_230B);
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();

    let mut wrong_hash = import_args(ASSEN_110A, ASSEN_230B, None);
    let last = wrong_hash.len() - 1;
    wrong_hash[last] = HashCode::of(b"not the official file").to_hex();

    let mut no_hash = import_args(ASSEN_110A, ASSEN_230B, None);
    no_hash.truncate(no_hash.len() - 2);

    let with_file = |candidates: &Path| {
        let mut args = import_args(ASSEN_110A, ASSEN_230B, None);
        args[5] = candidates.display().to_string();
        args[9] = HashCode::of(&std::fs::read(candidates).unwrap()).to_hex();
        args
    };

    let cases: Vec<(&str, Vec<String>, Vec<&str>)> = vec![
        (
            "wrong hash",
            wrong_hash,
            vec![
                "Import refused",
                "Kandidatenlijsten_GR2026_Assen.eml.xml",
                "differs from the official hash code",
            ],
        ),
        (
            "no hash, no terminal",
            no_hash,
            vec!["No official hash code given for", "--candidates-hash"],
        ),
        (
            "wrong document type",
            import_args(ASSEN_230B, ASSEN_230B, None),
            vec![
                "is an EML 230b document (candidate lists), but EML 110a (election definition) was expected",
            ],
        ),
        (
            "another election",
            import_args(
                ASSEN_110A,
                "eml/real/Kandidatenlijsten_GR2022_Groningen.eml.xml",
                None,
            ),
            vec![
                "Kandidatenlijsten_GR2022_Groningen.eml.xml belongs to another election",
                "ElectionIdentifier/@Id is \"GR2022_Groningen\"",
            ],
        ),
        (
            "malformed XML",
            with_file(&malformed),
            vec!["malformed.xml", "not well-formed XML", "line 1,"],
        ),
        ("truncated", with_file(&truncated), vec!["truncated.xml"]),
        (
            "already loaded",
            import_args(TEST_110A, TEST_230B, None),
            vec!["GR2022_Test is already loaded"],
        ),
    ];
    for (what, args, expected) in cases {
        let output = run(urna(&data).args(&args));
        assert_eq!(
            output.status.code(),
            Some(1),
            "{what}: {}",
            text(&output.stdout)
        );
        let stderr = text(&output.stderr);
        for part in expected {
            assert!(stderr.contains(part), "{what}: {part:?} not in {stderr}");
        }
        assert_eq!(
            database_snapshot(&database(&data)),
            before,
            "{what} changed the database"
        );
    }
}

#[test]
fn the_audit_log_names_an_altered_entry() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(
        run(urna(&data).args(import_args(TEST_110A, TEST_230B, None)))
            .status
            .success()
    );
    assert!(
        run(urna(&data).args(import_args(ASSEN_110A, ASSEN_230B, None)))
            .status
            .success()
    );

    let verified = run(urna(&data).args(["audit", "verify"]));
    assert_eq!(verified.status.code(), Some(0));
    assert!(text(&verified.stdout).contains("Audit log intact: 2 entries"));

    let shown = text(&run(urna(&data).args(["audit", "show"])).stdout);
    assert!(
        shown.contains("cli:tester") && shown.contains("election.import"),
        "{shown}"
    );

    testkit::tamper(
        &database(&data),
        "audit_log",
        "UPDATE audit_log SET details = replace(details, 'GR2022_Test', 'GR2022_Fake') WHERE seq = 1",
    );

    let broken = run(urna(&data).args(["audit", "verify"]));
    assert_eq!(broken.status.code(), Some(1));
    let stdout = text(&broken.stdout);
    assert!(stdout.contains("Audit log BROKEN at entry 1"), "{stdout}");
    assert!(stdout.contains("entry 1 was altered"), "{stdout}");
}

#[test]
fn a_flemish_definition_imports_through_the_same_path() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let path = fixture_path("flanders/GR2024_Lindeveld.json")
        .display()
        .to_string();
    let official = hash("flanders/GR2024_Lindeveld.json");

    let refused = run(urna(&data).args([
        "election",
        "import",
        "--definition",
        &path,
        "--definition-hash",
        &HashCode::of(b"x").to_hex(),
    ]));
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("Import refused"));

    let mixed = run(urna(&data).args([
        "election",
        "import",
        "--definition",
        &path,
        "--definition-hash",
        &official,
        "--candidates",
        &fixture_path(ASSEN_230B).display().to_string(),
    ]));
    assert_eq!(mixed.status.code(), Some(1));
    assert!(text(&mixed.stderr).contains("holds its lists and polling stations itself"));
    assert!(
        !database(&data).exists(),
        "nothing was created for refused imports"
    );

    let output = run(urna(&data).args([
        "election",
        "import",
        "--definition",
        &path,
        "--definition-hash",
        &official,
    ]));
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains("27 seats, 8 lists, 170 candidates, 14 polling stations")
    );
    let show = text(&run(urna(&data).args(["election", "show", "GR2024_Lindeveld"])).stdout);
    assert!(show.contains("preference votes only"), "{show}");
}

/// On a terminal, the official types the two blanked groups. `script` (util-linux) gives the
/// import a real pseudo-terminal, so this exercises exactly what an official sees.
#[test]
fn on_a_terminal_the_official_types_two_groups() {
    if Command::new("script").arg("--version").output().is_err() {
        panic!("the `script` command (util-linux) is required for this test");
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let groups = |relative: &str| {
        let code = HashCode::of(&fixture(relative));
        let challenge = code.challenge();
        (
            code.group(challenge.first),
            code.group(challenge.second),
            code.masked(),
        )
    };
    let (d1, d2, definition_masked) = groups(TEST_110A);
    let (c1, c2, _) = groups(TEST_230B);

    let interactive = |answers: String| {
        let command_line = format!(
            "{} --data-dir {} --lang en election import --definition {} --candidates {}",
            env!("CARGO_BIN_EXE_urna"),
            data.display(),
            fixture_path(TEST_110A).display(),
            fixture_path(TEST_230B).display(),
        );
        let mut child = Command::new("script")
            .args([
                "--quiet",
                "--return",
                "--command",
                &command_line,
                "/dev/null",
            ])
            .env("USER", "tester")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(answers.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };

    // A wrong second group for the candidate lists: refused, nothing stored.
    let refused = interactive(format!("{d1}\n{d2}\n{c1}\nffff\n"));
    assert!(!refused.status.success());
    let transcript = text(&refused.stdout);
    assert!(transcript.contains(&definition_masked), "{transcript}");
    assert!(transcript.contains("Import refused"), "{transcript}");
    assert!(!database(&data).exists());

    let accepted = interactive(format!("{d1}\n{d2}\n{c1}\n{c2}\n"));
    let transcript = text(&accepted.stdout);
    assert!(accepted.status.success(), "{transcript}");
    assert!(transcript.contains("Hash code confirmed."), "{transcript}");
    assert!(
        transcript.contains("confirmed: two groups typed"),
        "{transcript}"
    );
}

#[test]
fn hash_prints_the_grouped_hash_code() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(urna(dir.path())
        .args(["hash"])
        .arg(fixture_path(ASSEN_230B)));
    assert!(output.status.success());
    assert!(text(&output.stdout).starts_with(&hash(ASSEN_230B)));
}

#[test]
fn users_are_added_for_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let output = run(urna(&data).args([
        "user",
        "add",
        "--role",
        "coordinator",
        "--username",
        "coord",
    ]));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("User created: coord (coordinator)"),
        "{stdout}"
    );
    let temporary = stdout
        .lines()
        .find_map(|l| l.strip_prefix("Temporary password: "))
        .unwrap();
    assert_eq!(temporary.chars().count(), 16);

    // A chosen password from standard input: not temporary; a short one is refused.
    let mut add = urna(&data);
    add.args([
        "user",
        "add",
        "--role",
        "typist",
        "--username",
        "anna",
        "--password-stdin",
    ])
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = add.spawn().unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), b"a long enough password\n").unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(!text(&output.stdout).contains("Temporary"));
    let store = store::Store::open_existing(&data).unwrap();
    let anna = store.user_by_username("anna").unwrap().unwrap();
    assert!(!anna.must_change_password);
    assert!(
        store
            .user_by_username("coord")
            .unwrap()
            .unwrap()
            .must_change_password
    );
    drop(store);

    let snapshot = testkit::database_snapshot(&data.join(store::DATABASE_FILE));
    let mut short = urna(&data);
    short
        .args([
            "user",
            "add",
            "--role",
            "typist",
            "--username",
            "bert",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = short.spawn().unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), b"short\n").unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("at least 12 characters"));
    for args in [
        vec!["user", "add", "--role", "typist", "--username", "anna"],
        vec!["user", "add", "--role", "typist", "--username", "has space"],
    ] {
        let output = run(urna(&data).args(&args));
        assert_eq!(output.status.code(), Some(1), "{args:?}");
    }
    let output = run(urna(&data).args(["user", "add", "--role", "king", "--username", "x"]));
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        testkit::database_snapshot(&data.join(store::DATABASE_FILE)),
        snapshot,
        "a refused user changed the database"
    );
    let list = text(&run(urna(&data).args(["user", "list"])).stdout);
    assert!(
        list.contains("anna") && list.contains("coordinator"),
        "{list}"
    );
}
