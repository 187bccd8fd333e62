//! The `urna` command end to end: importing with the hash-code check (as a script and on a
//! terminal), every refusal leaving the database exactly as it was, the audit log noticing a
//! change made behind Urna's back, and the demo.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{hash, run, run_with_input, sheet_password, text, urna};
use seal::HashCode;
use testkit::{database_snapshot, fixture, fixture_path};

const ASSEN_110A: &str = "eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml";
const ASSEN_230B: &str = "eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml";
const ASSEN_110B: &str = "eml/composed/Stembureaus_GR2026_Assen.composed.eml.xml";
const TEST_110A: &str = "eml/synthetic/eml110a_test.eml.xml";
const TEST_230B: &str = "eml/synthetic/eml230b_test.eml.xml";
const TEST_110B: &str = "eml/synthetic/eml110b_test.eml.xml";

fn import_args(definition: &str, candidates: &str, stations: Option<&str>) -> Vec<String> {
    let mut args = vec![
        "election".to_string(),
        "import".into(),
        "--definition".into(),
        fixture_path(definition).display().to_string(),
        "--candidates".into(),
        fixture_path(candidates).display().to_string(),
        "--definition-hash".into(),
        hash(definition),
        "--candidates-hash".into(),
        hash(candidates),
    ];
    if let Some(stations) = stations {
        args.push("--polling-stations".into());
        args.push(fixture_path(stations).display().to_string());
    }
    args
}

fn database(data_dir: &Path) -> PathBuf {
    data_dir.join(store::DATABASE_FILE)
}

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
        stdout.contains("33 seats, 13 lists, 228 candidates, 44 polling stations"),
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
        "Seats:                33",
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
fn the_demo_runs_into_a_fresh_folder() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo");
    let output = run(urna(&dir.path().join("unused"))
        .args(["demo", "--dir"])
        .arg(&demo));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    for expected in [
        "Loaded: Gemeenteraad Assen 2026 (GR2026_Assen)",
        "Import refused",
        "Loaded: Gemeenteraadsverkiezingen Lindeveld 2024 (GR2024_Lindeveld)",
        "44 / 44 polling stations definitive, each typed twice by two different typists.",
        "the second entry differs from the first in",
        "List 1 GROENLINKS / Partij van de Arbeid (PvdA): 5438 (equal to the published count",
        "List 4 ASSEN CENTRAAL: 5895 votes, 7 seats — J. (Jan) Talens",
        "List 9 50PLUS: 1112 votes, 1 seat — D.J. (Derk Jan) van der Laan",
        "Audit log intact:",
        "SQLite integrity_check: ok",
        "Absolute majority (Kieswet P 9): list 1 has 2571 of the 5104 votes",
        "The last residual seat of list 4 goes to list 1.",
        "44 polling stations log in to the polling-station app with the ceremony's credential sheet",
        "The chair of polling station 1 (GR2026_Assen-SB1) logs in with the credential sheet",
        "admitted voters: 10:00 279, 13:00 635, 16:00 930, 19:00 1271, 21:00 1550",
        "The coordinator sees the difference with the definitive count: E.1 app 303 / count 304; 1.1 app 101 / count 102; H app 1550 / count 1551",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
    assert!(demo.join("urna-data").join(store::DATABASE_FILE).is_file());
    // The coordinator published the turnout at every moment: polling station 1 reported through
    // the app, the other 43 did not.
    assert!(
        stdout.contains(
            "The coordinator publishes turnout; at 21:00: 1 of 44 polling stations reported, 1550 admitted voters"
        ),
        "{stdout}"
    );
    let turnout: serde_json::Value = serde_json::from_slice(
        &std::fs::read(demo.join("opkomst/opkomst-GR2026_Assen.json")).unwrap(),
    )
    .unwrap();
    let publications = turnout["publications"].as_array().unwrap();
    assert_eq!(publications.len(), 5);
    assert_eq!(publications[1]["figures"]["moment"], "13:00");
    assert_eq!(
        publications[1]["figures"]["per_polling_station"][0]["admitted"],
        635
    );
    let csv = std::fs::read_to_string(demo.join("opkomst/opkomst-GR2026_Assen.csv")).unwrap();
    assert_eq!(csv.lines().count(), 1 + 5 * 45);
    // The published site and feed: a page a person can open, and a feed anyone can check.
    let site = demo.join("publicatie");
    let page = std::fs::read_to_string(site.join("verkiezing/GR2024_Lindeveld.html")).unwrap();
    assert!(page.contains("Gekozen kandidaten"), "{page}");
    // Assen's result went from the results database over TLS to the centre: version 2 shows it
    // (list 1's votes as the municipality published them).
    let assen = std::fs::read_to_string(site.join("verkiezing/GR2026_Assen.html")).unwrap();
    assert!(assen.contains("5.438"), "{assen}");
    assert!(site.join("feed/snapshots/v2.json").is_file());
    assert!(
        demo.join("ceremonie-assen/sleutels-en-pakketten/packages/HSB/intake-certificate.pem")
            .is_file()
    );
    assert!(stdout.contains("The feed is sound: every signature and every number."));
    let verified = run(urna(&dir.path().join("unused")).arg("verify").arg(&site));
    assert!(verified.status.success(), "{}", text(&verified.stdout));
    // One number changed in the latest signed snapshot: refused, and named.
    let snapshot = site.join("feed/snapshots/v1.json");
    let original = std::fs::read_to_string(&snapshot).unwrap();
    let altered = original.replacen("\"admitted_voters\": 118", "\"admitted_voters\": 119", 1);
    assert_ne!(altered, original);
    std::fs::write(&snapshot, altered).unwrap();
    let refused = run(urna(&dir.path().join("unused")).arg("verify").arg(&site));
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stdout)
            .contains("DISCREPANCY: snapshots/v1.json: the signature does not match"),
        "{}",
        text(&refused.stdout)
    );
    // In Dutch, every finding is Dutch too.
    let refused = run(urna(&dir.path().join("unused"))
        .args(["--lang", "nl", "verify"])
        .arg(&site));
    assert_eq!(refused.status.code(), Some(1));
    let dutch = text(&refused.stdout);
    assert!(
        dutch.contains("AFWIJKING: snapshots/v1.json: de handtekening past niet bij de sleutel"),
        "{dutch}"
    );
    assert!(
        dutch.contains("in orde: de sleutel van de centrale autoriteit"),
        "{dutch}"
    );
    // The whole chain, end to end: the published count of Assen typed twice, its OSV4-3 table
    // generated from those definitive entries is byte for byte the one the municipality published.
    assert_eq!(
        std::fs::read(demo.join("uitslag/osv4-3_telling_gr2026_assen.csv")).unwrap(),
        testkit::fixture("eml/real/osv4-3_telling_gr2026_assen.csv")
    );
    let eml_510b = std::fs::read(demo.join("uitslag/Telling_GR2026_Assen.eml.xml")).unwrap();
    // The reports and the exchange files of the result, and an empty N 10-2 per polling station.
    for name in [
        "Totaaltelling_GR2026_Assen.eml.xml",
        "Resultaat_GR2026_Assen.eml.xml",
        "Model_Na31-2_GR2026_Assen.pdf",
        "Model_Na31-2_Bijlage1_GR2026_Assen.pdf",
        "Model_P22-2_GR2026_Assen.pdf",
    ] {
        assert!(demo.join("uitslag").join(name).is_file(), "{name}");
    }
    assert_eq!(
        std::fs::read_dir(demo.join("uitslag/N10-2"))
            .unwrap()
            .count(),
        44
    );
    // The key ceremony of Lindeveld: three identical sticks of polling station 1 that verify
    // against the authority's key, the credential sheets, the signed record.
    let ceremony = demo.join("ceremonie");
    assert!(stdout.contains("15 packages made"), "{stdout}");
    assert_eq!(stdout.matches("written, read back, identical").count(), 3);
    assert!(ceremony.join("inloggegevens-DEMO.pdf").is_file());
    for copy in ["a", "b", "c"] {
        let verified = run(urna(&demo.join("urna-data"))
            .args(["ceremony", "verify"])
            .arg(ceremony.join(format!("usb-stembureau-1-{copy}.img")))
            .arg("--authority-key")
            .arg(ceremony.join("sleutels-en-pakketten/authority.pub"))
            .args(["--election", "GR2024_Lindeveld", "--station", "1"]));
        assert!(verified.status.success(), "{}", text(&verified.stdout));
    }
    // Voting in three polling stations through the kiosk, the main office's count of the six
    // sticks, seats and elected candidates, and the recount of polling station 1.
    assert!(
        stdout.contains("118 ballots, 115 valid, 3 blank"),
        "{stdout}"
    );
    let nva = stdout.lines().find(|l| l.contains("list  1 N-VA")).unwrap();
    assert!(
        nva.contains("41 votes  11 seats  Sarah Vandenberghe"),
        "{nva}"
    );
    assert!(
        stdout.contains("37 votes decrypted; they tally to the signed result"),
        "{stdout}"
    );
    assert!(stdout.contains("37 paper ballots rescanned: they tally to the signed result"));
    // The main office's result, sealed, taken in by the central authority, receipt checked.
    assert!(stdout.contains("HSB v1: received"), "{stdout}");
    assert!(
        stdout.contains(".receipt.json: valid: GR2024_Lindeveld HSB v1"),
        "{stdout}"
    );
    assert!(
        demo.join("centraal/received/GR2024_Lindeveld/HSB/v1/files/uitslag_GR2024_Lindeveld.json")
            .is_file()
    );
    let main_office = ceremony.join("proces-verbaal-hoofdbureau-stembureaus-1-3.pdf");
    let report_text = text(
        &Command::new("pdftotext")
            .arg(&main_office)
            .arg("-")
            .output()
            .unwrap()
            .stdout,
    );
    assert!(report_text.contains("Vandenberghe"), "{report_text}");
    // Its footer carries the hash code of the result file beside it.
    let result_file = std::fs::read(ceremony.join("uitslag_GR2024_Lindeveld.json")).unwrap();
    assert!(
        report_text.contains(&HashCode::of(&result_file).to_string()),
        "{report_text}"
    );
    assert!(
        ceremony
            .join("stembureau-1/proces-verbaal-SB1-GR2024_Lindeveld.pdf")
            .is_file()
    );
    assert_eq!(
        std::fs::read_dir(ceremony.join("stembureau-1/stembiljetten"))
            .unwrap()
            .count(),
        2 * 37
    );
    let record = run(urna(&demo.join("urna-data"))
        .args(["ceremony", "record", "--dir"])
        .arg(ceremony.join("sleutels-en-pakketten")));
    assert!(
        text(&record.stdout).contains("ceremony.shares-combined"),
        "{}",
        text(&record.stdout)
    );
    // Exported again: the stored file, byte for byte.
    let again_dir = dir.path().join("again");
    let exported = run(urna(&demo.join("urna-data"))
        .args(["result", "export", "GR2026_Assen", "--dir"])
        .arg(&again_dir));
    assert!(exported.status.success(), "{}", text(&exported.stderr));
    assert_eq!(
        std::fs::read(again_dir.join("Telling_GR2026_Assen.eml.xml")).unwrap(),
        eml_510b
    );
    let shown = run(urna(&demo.join("urna-data")).args(["result", "show", "GR2026_Assen"]));
    assert!(
        text(&shown.stdout).contains("List 4 ASSEN CENTRAAL: 5895 votes, 7 seats"),
        "{}",
        text(&shown.stdout)
    );
    assert!(
        demo.join("invoer/Kandidatenlijsten_GR2026_Assen.eml.xml")
            .is_file()
    );
    let report =
        std::fs::read_to_string(demo.join("zetelverdeling/reusel-de-mierden-2022.txt")).unwrap();
    assert!(report.contains("Kieswet P 15"), "{report}");
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(demo.join("zetelverdeling/reusel-de-mierden-2022.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["lists"][0]["seats"], 8);

    let again = run(urna(dir.path()).args(["demo", "--dir"]).arg(&demo));
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("--force"));
    let forced = run(urna(dir.path())
        .args(["demo", "--force", "--dir"])
        .arg(&demo));
    assert!(forced.status.success(), "{}", text(&forced.stderr));

    let foreign = dir.path().join("mine");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "keep").unwrap();
    let refused = run(urna(dir.path())
        .args(["demo", "--force", "--dir"])
        .arg(&foreign));
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        foreign.join("notes.txt").is_file(),
        "a folder the demo did not make is never deleted"
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

#[test]
fn no_result_before_every_count_is_definitive() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let output = run(urna(&data).args(import_args(ASSEN_110A, ASSEN_230B, Some(ASSEN_110B))));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let snapshot = testkit::database_snapshot(&database(&data));
    let export = run(urna(&data)
        .args(["result", "export", "GR2026_Assen", "--dir"])
        .arg(dir.path().join("out")));
    assert_eq!(export.status.code(), Some(1));
    assert!(
        text(&export.stderr).contains("have no definitive count yet"),
        "{}",
        text(&export.stderr)
    );
    let show = run(urna(&data).args(["result", "show", "GR2026_Assen"]));
    assert_eq!(show.status.code(), Some(1));
    assert!(text(&show.stderr).contains("no definitive count yet"));
    assert_eq!(testkit::database_snapshot(&database(&data)), snapshot);
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_count_made_elsewhere_is_imported_as_the_central_committee_does() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let output = run(urna(&data).args(import_args(ASSEN_110A, ASSEN_230B, Some(ASSEN_110B))));
    assert!(output.status.success(), "{}", text(&output.stderr));
    // Another municipality's count: refused, nothing changed.
    let snapshot = testkit::database_snapshot(&database(&data));
    let wrong = run(urna(&data)
        .args(["result", "import-count", "GR2026_Assen"])
        .arg(fixture_path(
            "eml/real/Telling_GR2022_WestMaasenWaal.eml.xml",
        )));
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        text(&wrong.stderr).contains("GR2022_WestMaasenWaal"),
        "{}",
        text(&wrong.stderr)
    );
    assert_eq!(testkit::database_snapshot(&database(&data)), snapshot);

    let imported = run(urna(&data)
        .args(["result", "import-count", "GR2026_Assen"])
        .arg(fixture_path("eml/real/Telling_GR2026_Assen.eml.xml")));
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    assert!(text(&imported.stdout).starts_with("44 polling stations imported"));
    // Twice: refused as a whole.
    let snapshot = testkit::database_snapshot(&database(&data));
    let again = run(urna(&data)
        .args(["result", "import-count", "GR2026_Assen"])
        .arg(fixture_path("eml/real/Telling_GR2026_Assen.eml.xml")));
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("nothing was imported"));
    assert_eq!(testkit::database_snapshot(&database(&data)), snapshot);

    let shown = run(urna(&data).args(["result", "show", "GR2026_Assen"]));
    assert!(
        text(&shown.stdout).contains("List 1 GROENLINKS / Partij van de Arbeid (PvdA): 5438 votes")
    );
    assert!(text(&shown.stdout).contains("W. (Willard) Bouwmeester"));

    // The list's first candidate died before the result (Kieswet P 19a): no longer elected.
    let deceased = run(urna(&data).args([
        "result",
        "deceased",
        "GR2026_Assen",
        "--list",
        "1",
        "--position",
        "1",
    ]));
    assert!(deceased.status.success(), "{}", text(&deceased.stderr));
    assert!(!text(&deceased.stdout).contains("W. (Willard) Bouwmeester"));
    let twice = run(urna(&data).args([
        "result",
        "deceased",
        "GR2026_Assen",
        "--list",
        "1",
        "--position",
        "1",
    ]));
    assert_eq!(twice.status.code(), Some(1));
    // No lot is pending: an outcome is refused.
    let lot = run(urna(&data).args([
        "result",
        "lot",
        "GR2026_Assen",
        "--lot",
        "x",
        "--order",
        "1,2",
    ]));
    assert_eq!(lot.status.code(), Some(1));
    assert!(text(&lot.stderr).contains("no drawing of lots is pending"));
    // The result and its files from the imported counts: the OSV4-3 table is the published one.
    let out = dir.path().join("out");
    let export = run(urna(&data)
        .args(["result", "export", "GR2026_Assen", "--dir"])
        .arg(&out));
    assert!(export.status.success(), "{}", text(&export.stderr));
    assert_eq!(
        std::fs::read(out.join("osv4-3_telling_gr2026_assen.csv")).unwrap(),
        testkit::fixture("eml/real/osv4-3_telling_gr2026_assen.csv")
    );
    // The reports: the P 22-2 names the deceased candidate; its footer carries the hash codes of
    // the 510d and 520 just exported.
    let report = run(urna(&data)
        .args(["result", "report", "GR2026_Assen", "--dir"])
        .arg(&out));
    assert!(report.status.success(), "{}", text(&report.stderr));
    for name in [
        "Model_Na31-2_GR2026_Assen.pdf",
        "Model_Na31-2_Bijlage1_GR2026_Assen.pdf",
        "Model_P22-2_GR2026_Assen.pdf",
    ] {
        assert!(
            std::fs::read(out.join(name)).unwrap().starts_with(b"%PDF-"),
            "{name}"
        );
    }
    let p_22_2 = std::process::Command::new("pdftotext")
        .arg(out.join("Model_P22-2_GR2026_Assen.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let p_22_2 = text(&p_22_2.stdout);
    assert!(p_22_2.contains("Overleden (Kieswet P 19a)"), "{p_22_2}");
    for file in [
        "Totaaltelling_GR2026_Assen.eml.xml",
        "Resultaat_GR2026_Assen.eml.xml",
    ] {
        let hash = seal::HashCode::of(&std::fs::read(out.join(file)).unwrap()).to_string();
        assert!(p_22_2.contains(&hash), "{file}: {hash}");
    }
    // Determined and recorded: the result cannot change any more.
    let late = run(urna(&data).args([
        "result",
        "deceased",
        "GR2026_Assen",
        "--list",
        "2",
        "--position",
        "1",
    ]));
    assert_eq!(late.status.code(), Some(1));
    assert!(
        text(&late.stderr).contains("cannot change"),
        "{}",
        text(&late.stderr)
    );
    let verify = run(urna(&data).args(["audit", "verify"]));
    assert!(verify.status.success());
}

/// Every file under `dir`, with its bytes.
fn all_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(all_files(&path));
        } else {
            let bytes = std::fs::read(&path).unwrap();
            out.push((path, bytes));
        }
    }
    out
}

#[test]
fn a_ceremony_makes_keys_packages_sticks_and_credential_sheets() {
    const AUTHORITY: &str = "authority passphrase\n";
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let ceremony = dir.path().join("ceremony");
    let imported = run(urna(&data).args(import_args(ASSEN_110A, ASSEN_230B, Some(ASSEN_110B))));
    assert!(imported.status.success(), "{}", text(&imported.stderr));

    // Keys: a passphrase for the authority and for each of three holders, two needed.
    let keys = run_with_input(
        urna(&data)
            .args(["ceremony", "keys", "GR2026_Assen", "--dir"])
            .arg(&ceremony)
            .args(["--holder", "Anne", "--holder", "Bert", "--holder", "Carla"])
            .args(["--threshold", "2"]),
        "authority passphrase\nanne's passphrase\nbert's passphrase\ncarla's passphrase\n",
    );
    assert!(keys.status.success(), "{}", text(&keys.stderr));
    let keys_out = text(&keys.stdout);
    let election_key = keys_out
        .lines()
        .find(|line| line.contains("election key (public):"))
        .and_then(|line| line.split(':').nth(1))
        .unwrap()
        .trim()
        .to_string();
    assert_eq!(
        std::fs::read_dir(ceremony.join("shares")).unwrap().count(),
        3
    );
    let short = run_with_input(
        urna(&data)
            .args(["ceremony", "keys", "GR2026_Assen", "--dir"])
            .arg(dir.path().join("other"))
            .args(["--holder", "A", "--holder", "B", "--threshold", "2"]),
        "short\n",
    );
    assert_eq!(short.status.code(), Some(1));
    assert!(
        text(&short.stderr).contains("at least 12"),
        "{}",
        text(&short.stderr)
    );

    // Packages and credential sheets.
    let sheets = dir.path().join("sheets.pdf");
    let packages = run_with_input(
        urna(&data)
            .args(["ceremony", "packages", "GR2026_Assen", "--dir"])
            .arg(&ceremony)
            .arg("--sheets")
            .arg(&sheets),
        AUTHORITY,
    );
    assert!(packages.status.success(), "{}", text(&packages.stderr));
    assert!(
        text(&packages.stdout).contains("45 packages made"),
        "{}",
        text(&packages.stdout)
    );
    assert_eq!(
        std::fs::read_dir(ceremony.join("packages"))
            .unwrap()
            .count(),
        45
    );
    let again = run_with_input(
        urna(&data)
            .args(["ceremony", "packages", "GR2026_Assen", "--dir"])
            .arg(&ceremony)
            .arg("--sheets")
            .arg(dir.path().join("sheets-2.pdf")),
        AUTHORITY,
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(!dir.path().join("sheets-2.pdf").exists());

    // The sheet of polling station 1: its login, its password (which opens its package and
    // matches its verifier) and its package's fingerprint.
    let sheet_text = {
        let output = Command::new("pdftotext")
            .args(["-layout", "-f", "1", "-l", "1"])
            .arg(&sheets)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) is installed by scripts/test");
        text(&output.stdout)
    };
    assert!(sheet_text.contains("GR2026_Assen-SB1"), "{sheet_text}");
    let password = sheet_text
        .split_whitespace()
        .find(|word| word.len() == 24 && word.matches('-').count() == 4)
        .unwrap()
        .to_string();
    let package_1 = ceremony.join("packages/SB1");
    let verifier = std::fs::read_to_string(package_1.join("chair-password.argon2")).unwrap();
    let typed = seal::password::normalise(&password);
    assert!(seal::password::matches(&typed, verifier.trim()));
    let office_key = seal::lock::unlock(
        &std::fs::read(package_1.join("office-key.age")).unwrap(),
        &typed,
    );
    assert!(office_key.is_ok());

    // The polling-station app takes over the sheets' logins: a package whose verifier was
    // changed is refused, naming it, and nothing is taken over; then all 44 are.
    let verifier_7 = ceremony.join("packages/SB7/chair-password.argon2");
    let original_7 = std::fs::read(&verifier_7).unwrap();
    std::fs::write(
        &verifier_7,
        verifier.trim().replace("$argon2id$", "$argon2id$ "),
    )
    .unwrap();
    let refused = run(urna(&data)
        .args(["station-app", "credentials", "GR2026_Assen", "--ceremony"])
        .arg(&ceremony));
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("SB7: REFUSED"),
        "{}",
        text(&refused.stderr)
    );
    let assen = model::ElectionId::new("GR2026_Assen").unwrap();
    let stored = |data: &std::path::Path| {
        store::Store::open_existing(data)
            .unwrap()
            .station_credentials(&assen)
            .unwrap()
    };
    assert!(stored(&data).is_empty());
    std::fs::write(&verifier_7, original_7).unwrap();
    let taken = run(urna(&data)
        .args(["station-app", "credentials", "GR2026_Assen", "--ceremony"])
        .arg(&ceremony));
    assert!(taken.status.success(), "{}", text(&taken.stderr));
    assert!(
        text(&taken.stdout).starts_with("44 polling stations"),
        "{}",
        text(&taken.stdout)
    );
    let logins = stored(&data);
    assert_eq!(logins.len(), 44);
    assert_eq!(logins[0].login, "GR2026_Assen-SB1");
    assert!(seal::password::matches(&typed, &logins[0].verifier));
    let fingerprint = HashCode::of(&std::fs::read(package_1.join("manifest.json")).unwrap());
    let groups: Vec<String> = fingerprint
        .to_string()
        .split(' ')
        .map(String::from)
        .collect();
    for row in groups.chunks(4) {
        assert!(
            sheet_text.contains(&row.join(" ")),
            "{row:?} in {sheet_text}"
        );
    }
    // The password exists nowhere but on the sheet: not in the database, the ceremony folder or
    // any package.
    for (path, bytes) in all_files(&data).into_iter().chain(all_files(&ceremony)) {
        assert!(
            !bytes.windows(typed.len()).any(|w| w == typed.as_bytes())
                && !bytes
                    .windows(password.len())
                    .any(|w| w == password.as_bytes()),
            "the password is in {}",
            path.display()
        );
    }

    // Three sticks: two image files and a folder, each read back and identical.
    let sticks = [
        dir.path().join("stick-1.img"),
        dir.path().join("stick-2.img"),
        dir.path().join("stick-3"),
    ];
    let mut write = urna(&data);
    write
        .args(["ceremony", "write-sticks", "--dir"])
        .arg(&ceremony)
        .arg("--package")
        .arg(&package_1);
    for stick in &sticks {
        write.arg("--to").arg(stick);
    }
    let written = run_with_input(&mut write, AUTHORITY);
    assert!(written.status.success(), "{}", text(&written.stderr));
    assert_eq!(
        text(&written.stdout)
            .matches("written, read back, identical")
            .count(),
        3,
        "{}",
        text(&written.stdout)
    );

    let authority_key = ceremony.join("authority.pub");
    let verify = |target: &Path, extra: &[&str], key: &Path| {
        run(urna(&data)
            .args(["ceremony", "verify"])
            .arg(target)
            .arg("--authority-key")
            .arg(key)
            .args(extra))
    };
    for stick in &sticks {
        let checked = verify(
            stick,
            &["--election", "GR2026_Assen", "--station", "1"],
            &authority_key,
        );
        assert!(checked.status.success(), "{}", text(&checked.stdout));
        assert!(text(&checked.stdout).contains(&fingerprint.to_string()));
    }
    let wrong_station = verify(&sticks[0], &["--station", "2"], &authority_key);
    assert_eq!(wrong_station.status.code(), Some(1));
    assert!(
        text(&wrong_station.stdout).contains(
            "the package is for polling station 1 (Stembureau Stadhuis), not polling station 2"
        ),
        "{}",
        text(&wrong_station.stdout)
    );
    let wrong_election = verify(
        &sticks[1],
        &["--election", "GR2022_Groningen"],
        &authority_key,
    );
    assert_eq!(wrong_election.status.code(), Some(1));
    assert!(text(&wrong_election.stdout).contains("not GR2022_Groningen"));
    let forged_key = dir.path().join("forged.pub");
    std::fs::write(
        &forged_key,
        seal::signing::SigningKey::generate().public().to_string(),
    )
    .unwrap();
    let forged = verify(&sticks[1], &[], &forged_key);
    assert_eq!(forged.status.code(), Some(1));
    assert!(
        text(&forged.stdout).contains("the signature is wrong"),
        "{}",
        text(&forged.stdout)
    );
    // One changed byte on a stick, one file taken off another.
    let office = sticks[2].join("office.json");
    let mut bytes = std::fs::read(&office).unwrap();
    bytes[5] ^= 0x01;
    std::fs::write(&office, bytes).unwrap();
    std::fs::remove_file(sticks[2].join("ballot.json")).unwrap();
    let altered = verify(&sticks[2], &[], &authority_key);
    assert_eq!(altered.status.code(), Some(1));
    let report = text(&altered.stdout);
    assert!(report.contains("file office.json was altered"), "{report}");
    assert!(report.contains("file ballot.json is missing"), "{report}");

    // Any two holders restore the election key; one cannot; a wrong passphrase opens nothing.
    let combine = |holders: &[&str], input: &str| {
        let mut command = urna(&data);
        command
            .args(["ceremony", "combine", "--dir"])
            .arg(&ceremony);
        for holder in holders {
            command.args(["--holder", holder]);
        }
        run_with_input(&mut command, input)
    };
    let restored = combine(
        &["Carla", "Anne"],
        "carla's passphrase\nanne's passphrase\nauthority passphrase\n",
    );
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    assert!(
        text(&restored.stdout).contains(&election_key),
        "{}",
        text(&restored.stdout)
    );
    let alone = combine(&["Bert"], "bert's passphrase\n");
    assert_eq!(alone.status.code(), Some(1));
    assert!(
        text(&alone.stderr).contains("It takes 2"),
        "{}",
        text(&alone.stderr)
    );
    let wrong = combine(
        &["Anne", "Bert"],
        "anne's passphrase\nnot bert's passphrase\n",
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        text(&wrong.stderr).contains("passphrase does not open"),
        "{}",
        text(&wrong.stderr)
    );

    // Assen's count (the real 510b, as the central committee imports it) is determined; the
    // main office seals the result with its key from the ceremony (the password of the last
    // credential sheet) for the central authority, which takes it in, registers the election and
    // publishes: the site shows Assen's votes, and the feed verifies.
    let imported = run(urna(&data)
        .args(["result", "import-count", "GR2026_Assen"])
        .arg(fixture_path("eml/real/Telling_GR2026_Assen.eml.xml")));
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    let central = dir.path().join("central");
    let central_keys = run_with_input(
        urna(&data).args(["central", "keys", "--dir"]).arg(&central),
        "central passphrase 1\n",
    );
    assert!(
        central_keys.status.success(),
        "{}",
        text(&central_keys.stderr)
    );
    let sealed = dir.path().join("assen.urna-result");
    let seal_with = |password: &str| {
        run_with_input(
            urna(&data)
                .args(["result", "seal", "GR2026_Assen", "--package"])
                .arg(ceremony.join("packages/HSB"))
                .arg("--authority-key")
                .arg(&authority_key)
                .arg("--seal-for")
                .arg(central.join("central-transmission.pub"))
                .arg("--sealed")
                .arg(&sealed),
            &format!("{password}\n"),
        )
    };
    let wrong_password = seal_with("not-the-password");
    assert_eq!(wrong_password.status.code(), Some(1));
    assert!(!sealed.exists());
    let main_office_password = sheet_password(&sheets, 45);
    let sealing = seal_with(&main_office_password);
    assert!(
        sealing.status.success(),
        "{}{}",
        text(&sealing.stdout),
        text(&sealing.stderr)
    );
    let listed = text(&sealing.stdout);
    for file in [
        "Telling_GR2026_Assen.eml.xml",
        "Resultaat_GR2026_Assen.eml.xml",
    ] {
        assert!(listed.contains(file), "{file} not sealed: {listed}");
    }
    // A sealed file is never written over: it may have been sent already.
    let first_sealed = std::fs::read(&sealed).unwrap();
    let again = seal_with(&main_office_password);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again.stderr).contains("exists already"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(std::fs::read(&sealed).unwrap(), first_sealed);
    let received = run_with_input(
        urna(&data)
            .args(["central", "receive", "--dir"])
            .arg(&central)
            .arg("--offices")
            .arg(ceremony.join("offices.json"))
            .args(["--election", "GR2026_Assen"])
            .arg(&sealed),
        "central passphrase 1\n",
    );
    assert!(received.status.success(), "{}", text(&received.stdout));
    let register = || {
        run(urna(&data)
            .args(["central", "register", "--dir"])
            .arg(&central)
            .arg("--ceremony")
            .arg(&ceremony))
    };
    // A definition changed in the main office's package after the ceremony is refused: the
    // centre registers only the definition the signed record's package lists.
    let main_office = std::fs::read_dir(ceremony.join("packages"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("HSB"))
        .unwrap();
    let definition = main_office.join("election.json");
    let signed = std::fs::read(&definition).unwrap();
    std::fs::write(
        &definition,
        String::from_utf8_lossy(&signed).replace("Assen", "Asen"),
    )
    .unwrap();
    let refused = register();
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("is not the definition the package's manifest lists"),
        "{}",
        text(&refused.stderr)
    );
    assert!(!central.join("elections/GR2026_Assen").exists());
    std::fs::write(&definition, &signed).unwrap();
    // A manifest made again to list the changed definition is not the one the record names.
    let manifest = main_office.join("manifest.json");
    let manifest_signed = std::fs::read(&manifest).unwrap();
    let mut remade = manifest_signed.clone();
    remade.extend_from_slice(b" ");
    std::fs::write(&manifest, &remade).unwrap();
    let refused = register();
    assert!(
        text(&refused.stderr)
            .contains("is not the manifest of the main office's package the signed record names"),
        "{}",
        text(&refused.stderr)
    );
    assert!(!central.join("elections/GR2026_Assen").exists());
    std::fs::write(&manifest, &manifest_signed).unwrap();
    let registered = register();
    assert!(registered.status.success(), "{}", text(&registered.stderr));
    let registration: serde_json::Value = serde_json::from_slice(
        &std::fs::read(central.join("elections/GR2026_Assen/registration.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        registration["definition"],
        seal::HashCode::of(&signed).to_hex()
    );
    assert!(
        text(&registered.stdout).contains("province: Drenthe; 44 polling stations"),
        "{}",
        text(&registered.stdout)
    );
    let site = dir.path().join("site");
    // The publication machine holds the publication key only: the intake's keys are not needed
    // (nor present) to publish, and the snapshots are signed with a key of their own.
    let intake_keys = std::fs::read(central.join("central-keys.age")).unwrap();
    std::fs::remove_file(central.join("central-keys.age")).unwrap();
    let exported = run_with_input(
        urna(&data)
            .args(["publish", "export"])
            .arg(&site)
            .arg("--central")
            .arg(&central)
            .args([
                "--round",
                "GR2026",
                "--name",
                "Gemeenteraadsverkiezingen 2026",
            ]),
        "central passphrase 1\n",
    );
    assert!(exported.status.success(), "{}", text(&exported.stderr));
    std::fs::write(central.join("central-keys.age"), intake_keys).unwrap();
    let publication_key = std::fs::read(central.join("central-publication.pub")).unwrap();
    assert_eq!(
        std::fs::read(site.join("feed/central-publication.pub")).unwrap(),
        publication_key
    );
    assert_ne!(
        std::fs::read(central.join("central-receipts.pub")).unwrap(),
        publication_key
    );
    let page = std::fs::read_to_string(site.join("verkiezing/GR2026_Assen.html")).unwrap();
    assert!(page.contains("GROENLINKS / Partij van de Arbeid (PvdA)"));
    assert!(page.contains("5.438"), "list 1's votes on the page");
    let verified = run(urna(&data).args(["verify"]).arg(&site));
    assert!(
        verified.status.success(),
        "{}{}",
        text(&verified.stdout),
        text(&verified.stderr)
    );

    // The signed record and the audit log hold every step.
    let record = run(urna(&data)
        .args(["ceremony", "record", "--dir"])
        .arg(&ceremony));
    assert!(record.status.success(), "{}", text(&record.stderr));
    let steps = text(&record.stdout);
    for action in [
        "ceremony.keys-made",
        "ceremony.packages-made",
        "ceremony.sticks-written",
        "ceremony.shares-combined",
    ] {
        assert!(steps.contains(action), "{action} in {steps}");
    }
    let audit = run(urna(&data).args(["audit", "show"]));
    let audit = text(&audit.stdout);
    for action in [
        "ceremony.keys-made",
        "ceremony.packages-made",
        "ceremony.sticks-written",
    ] {
        assert!(audit.contains(action), "{action} in the audit log");
    }
    let record_file = ceremony.join("ceremony-record.json");
    let tampered = std::fs::read_to_string(&record_file)
        .unwrap()
        .replace("cli:tester", "cli:mallory");
    std::fs::write(&record_file, tampered).unwrap();
    let refused = run(urna(&data)
        .args(["ceremony", "record", "--dir"])
        .arg(&ceremony));
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("signature is wrong"),
        "{}",
        text(&refused.stderr)
    );
}

/// The Flemish polling station through the real binary, as people use it: the chair types the
/// login and password of the sheet, voters press number keys, a wrong key is refused, the poll
/// is paused and resumed, closed; the main office reads the sticks, refuses a missing mirror,
/// totals; two officials recount with their shares and the paper ballots.
#[test]
fn a_flemish_polling_station_votes_in_the_kiosk_and_the_main_office_counts_its_sticks() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let ceremony = dir.path().join("ceremony");
    let imported = run(urna(&data).args([
        "election",
        "import",
        "--definition",
        &fixture_path("flanders/GR2024_Lindeveld.json")
            .display()
            .to_string(),
        "--definition-hash",
        &hash("flanders/GR2024_Lindeveld.json"),
    ]));
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    let keys = run_with_input(
        urna(&data)
            .args(["ceremony", "keys", "GR2024_Lindeveld", "--dir"])
            .arg(&ceremony)
            .args(["--holder", "Anne", "--holder", "Bert", "--threshold", "2"]),
        "authority passphrase\nanne's passphrase\nbert's passphrase\n",
    );
    assert!(keys.status.success(), "{}", text(&keys.stderr));
    let sheets = dir.path().join("sheets.pdf");
    let packages = run_with_input(
        urna(&data)
            .args(["ceremony", "packages", "GR2024_Lindeveld", "--dir"])
            .arg(&ceremony)
            .arg("--sheets")
            .arg(&sheets),
        "authority passphrase\n",
    );
    assert!(packages.status.success(), "{}", text(&packages.stderr));
    let authority = ceremony.join("authority.pub");
    let sticks: Vec<PathBuf> = ["sb1-a", "sb1-b", "sb2-a", "sb2-b"]
        .iter()
        .map(|name| dir.path().join(name))
        .collect();
    let booth = |station: u32, input: &str, large: bool| {
        let first = &sticks[2 * (station as usize - 1)];
        let second = &sticks[2 * (station as usize - 1) + 1];
        run_with_input(
            Command::new(env!("CARGO_BIN_EXE_urna"))
                .args(["booth", "run", "--package"])
                .arg(ceremony.join(format!("packages/SB{station}")))
                .arg("--authority-key")
                .arg(&authority)
                .arg("--stick")
                .arg(first)
                .arg("--stick")
                .arg(second)
                .arg("--out")
                .arg(dir.path().join(format!("out{station}")))
                .args(large.then_some("--large")),
            input,
        )
    };
    let password_1 = sheet_password(&sheets, 1);
    let login_1 = "GR2024_Lindeveld-SB1";

    // A wrong password opens nothing.
    let wrong = booth(1, &format!("{login_1}\nwrong-password\n"), false);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        text(&wrong.stderr).contains("does not fit the credential sheet"),
        "{}",
        text(&wrong.stderr)
    );
    assert!(!sticks[0].join("poll.json").exists());

    // Two voters, a wrong key on the way; then a pause.
    let first = booth(
        1,
        &format!("{login_1}\n{password_1}\n1\n9\n1\n1 3\n1\n1\n0\n1\n0\n"),
        false,
    );
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(
        text(&first.stdout).contains("gepauzeerd"),
        "{}",
        text(&first.stdout)
    );
    let screens = text(&first.stderr);
    assert!(screens.contains("Vingerafdruk van het pakket"), "{screens}");
    assert!(screens.contains("Ongeldige keuze"), "{screens}");
    assert!(screens.contains("1. Sarah Vandenberghe"), "{screens}");
    assert!(
        screens.contains("stembiljet geregistreerd (2 in de stembus)"),
        "{screens}"
    );

    // Resumed: a third voter changes her mind once, then the chair closes.
    let second = booth(
        1,
        &format!("{login_1}\n{password_1}\n1\n2\n\n2\n2\n2\n1\n3\n1\n"),
        false,
    );
    assert!(second.status.success(), "{}", text(&second.stderr));
    assert!(
        text(&second.stderr).contains("hervat"),
        "{}",
        text(&second.stderr)
    );
    assert!(
        text(&second.stdout).contains("GR2024_Lindeveld: 3 stembiljetten, 3 kiezerskaarten"),
        "{}",
        text(&second.stdout)
    );
    let ballots = dir.path().join("out1/stembiljetten");
    assert_eq!(
        std::fs::read_dir(&ballots)
            .unwrap()
            .filter(|e| e
                .as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "png"))
            .count(),
        3
    );
    // Station 2: one voter.
    let password_2 = sheet_password(&sheets, 2);
    let closed = booth(
        2,
        &format!("GR2024_Lindeveld-SB2\n{password_2}\n1\n4\n\n1\n3\n1\n"),
        true,
    );
    assert!(closed.status.success(), "{}", text(&closed.stderr));
    // In large text (VT100 double-size lines).
    assert!(
        text(&closed.stderr).contains("\x1b#3Stemcomputer"),
        "{}",
        text(&closed.stderr)
    );
    assert!(text(&closed.stderr).contains("\x1b#6 4  Vooruit"));

    let count = |sticks: &[PathBuf]| {
        run(Command::new(env!("CARGO_BIN_EXE_urna"))
            .args(["count", "import-sticks", "--package"])
            .arg(ceremony.join("packages/HSB"))
            .arg("--authority-key")
            .arg(&authority)
            .args(["--station", "1", "--station", "2"])
            .args(sticks))
    };
    let missing_mirror = count(&sticks[..3]);
    assert_eq!(missing_mirror.status.code(), Some(1));
    assert!(
        text(&missing_mirror.stdout).contains("stembureau 2: alleen stick"),
        "{}",
        text(&missing_mirror.stdout)
    );
    let counted = count(&sticks);
    assert!(counted.status.success(), "{}", text(&counted.stdout));
    let out = text(&counted.stdout);
    assert!(out.contains("4 stembiljetten, 3 geldig, 1 blanco"), "{out}");
    let list_1 = out.lines().find(|l| l.contains("lijst  1 N-VA")).unwrap();
    assert_eq!(list_1.split_whitespace().nth(3), Some("1"), "{out}");

    // The recount: Anne and Bert put their shares together.
    let recount = run_with_input(
        Command::new(env!("CARGO_BIN_EXE_urna"))
            .args(["count", "recount", "--ceremony"])
            .arg(&ceremony)
            .args(["--holder", "Anne", "--holder", "Bert", "--package"])
            .arg(ceremony.join("packages/HSB"))
            .arg("--authority-key")
            .arg(&authority)
            .arg("--stick")
            .arg(&sticks[0])
            .arg("--ballots")
            .arg(&ballots),
        "anne's passphrase\nbert's passphrase\n",
    );
    assert!(
        recount.status.success(),
        "{}{}",
        text(&recount.stdout),
        text(&recount.stderr)
    );
    assert!(
        text(&recount.stdout)
            .contains("3 stemmen ontsleuteld; ze kloppen met het getekende resultaat"),
        "{}",
        text(&recount.stdout)
    );
    assert!(text(&recount.stdout).contains("3 stembiljetten opnieuw gescand: ze kloppen"));

    // The result travels to the central authority as a sealed file: the main office signs it
    // with its key (the password of its credential sheet, the last page) and seals it.
    let central = dir.path().join("central");
    let keys = run_with_input(
        urna(&data).args(["central", "keys", "--dir"]).arg(&central),
        "central passphrase 1\n",
    );
    assert!(keys.status.success(), "{}", text(&keys.stderr));
    let sealed = dir.path().join("hoofdbureau.urna-result");
    let main_office_password = sheet_password(&sheets, 15);
    let seal_result = |into: &Path| {
        run_with_input(
            Command::new(env!("CARGO_BIN_EXE_urna"))
                .args(["count", "import-sticks", "--package"])
                .arg(ceremony.join("packages/HSB"))
                .arg("--authority-key")
                .arg(&authority)
                .args(["--station", "1", "--station", "2", "--report"])
                .arg(dir.path().join("hoofdbureau.pdf"))
                .arg("--seal-for")
                .arg(central.join("central-transmission.pub"))
                .arg("--sealed")
                .arg(into)
                .args(&sticks),
            &format!("{main_office_password}\n"),
        )
    };
    let sealing = seal_result(&sealed);
    assert!(
        sealing.status.success(),
        "{}{}",
        text(&sealing.stdout),
        text(&sealing.stderr)
    );
    assert!(text(&sealing.stdout).contains("verzegeld voor de centrale autoriteit"));
    let receive_for = |election: &str, file: &Path| {
        run_with_input(
            urna(&data)
                .args(["central", "receive", "--dir"])
                .arg(&central)
                .arg("--offices")
                .arg(ceremony.join("offices.json"))
                .args(["--election", election])
                .arg(file),
            "central passphrase 1\n",
        )
    };
    let receive = |file: &Path| receive_for("GR2024_Lindeveld", file);
    let first = receive(&sealed);
    assert!(
        first.status.success(),
        "{}{}",
        text(&first.stdout),
        text(&first.stderr)
    );
    assert!(
        text(&first.stdout).contains("HSB v1: received"),
        "{}",
        text(&first.stdout)
    );
    let receipt = dir.path().join("hoofdbureau.urna-result.receipt.json");
    let first_receipt = std::fs::read(&receipt).unwrap();
    // The same file again: the same version, no new one.
    let again = receive(&sealed);
    assert!(again.status.success());
    assert!(
        text(&again.stdout).contains("HSB v1: received before"),
        "{}",
        text(&again.stdout)
    );
    assert!(!central.join("received/GR2024_Lindeveld/HSB/v2").exists());
    assert_ne!(
        std::fs::read(&receipt).unwrap(),
        first_receipt,
        "status says: received before"
    );
    // The main office checks the receipt offline; a receipt for another file does not pass.
    let check = |sealed_file: &Path| {
        run(Command::new(env!("CARGO_BIN_EXE_urna"))
            .args(["central", "check-receipt"])
            .arg(&receipt)
            .arg("--receipts-key")
            .arg(central.join("central-receipts.pub"))
            .arg("--sealed")
            .arg(sealed_file))
    };
    assert!(
        check(&sealed).status.success(),
        "{}",
        text(&check(&sealed).stdout)
    );
    // A byte changed in transit: refused, named, in the audit log; nothing stored.
    let mut bytes = std::fs::read(&sealed).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    let tampered = dir.path().join("tampered.urna-result");
    std::fs::write(&tampered, &bytes).unwrap();
    assert_eq!(check(&tampered).status.code(), Some(1));
    let refused = receive(&tampered);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stdout).contains("REFUSED — the file does not decrypt"),
        "{}",
        text(&refused.stdout)
    );
    let audit = text(&run(urna(&data).args(["audit", "show"])).stdout);
    assert!(audit.contains("central.refused"), "{audit}");
    assert!(audit.contains("central.received"), "{audit}");
    // A second, different package from the same office: kept as version 2 for review, the
    // first untouched.
    let second_sealed = dir.path().join("hoofdbureau-2.urna-result");
    let resealed = seal_result(&second_sealed);
    assert!(resealed.status.success(), "{}", text(&resealed.stderr));
    let second = receive(&second_sealed);
    assert!(second.status.success());
    assert!(
        text(&second.stdout).contains("HSB v2: NEW VERSION, for review"),
        "{}",
        text(&second.stdout)
    );
    assert_eq!(
        std::fs::read(central.join("received/GR2024_Lindeveld/HSB/v1/sealed.urna-result")).unwrap(),
        std::fs::read(&sealed).unwrap()
    );
    // Taken in for another election: refused.
    let other = receive_for("GR2024_Elders", &sealed);
    assert_eq!(other.status.code(), Some(1));
    assert!(
        text(&other.stdout)
            .contains("the package is for election GR2024_Lindeveld, not GR2024_Elders"),
        "{}",
        text(&other.stdout)
    );
    // A receipt altered after signing does not verify.
    let forged = String::from_utf8(first_receipt)
        .unwrap()
        .replace("\"version\": 1", "\"version\": 7");
    std::fs::write(&receipt, forged).unwrap();
    assert_eq!(check(&sealed).status.code(), Some(1));

    // Over the network: the centre registers the election (with the authority that issued the
    // offices' certificates at the ceremony) and serves its intake over TLS.
    let registered = run(urna(&data)
        .args(["central", "register", "--dir"])
        .arg(&central)
        .arg("--ceremony")
        .arg(&ceremony)
        .args(["--province", "Antwerpen", "--district", "Mechelen"]));
    assert!(registered.status.success(), "{}", text(&registered.stderr));
    assert!(
        central
            .join("elections/GR2024_Lindeveld/ceremony/intake-ca.pem")
            .exists()
    );
    let server = IntakeServer::start(&data, &central);
    let send = |file: &Path, package: &str, password: &str| {
        run_with_input(
            urna(&data)
                .args(["central", "send", "--server", &server.address, "--tls-ca"])
                .arg(central.join("central-tls-ca.pem"))
                .arg("--receipts-key")
                .arg(central.join("central-receipts.pub"))
                .arg("--package")
                .arg(ceremony.join("packages").join(package))
                .arg(file),
            &format!("{password}\n"),
        )
    };
    // The main office sends a new count: version 3, for review; the receipt checked and beside it.
    let third = dir.path().join("hoofdbureau-3.urna-result");
    assert!(seal_result(&third).status.success());
    let sent = send(&third, "HSB", &main_office_password);
    assert!(
        sent.status.success(),
        "{}{}",
        text(&sent.stdout),
        text(&sent.stderr)
    );
    assert!(
        text(&sent.stdout).contains("HSB v3: NEW VERSION, for review"),
        "{}",
        text(&sent.stdout)
    );
    assert!(
        central
            .join("received/GR2024_Lindeveld/HSB/v3/package")
            .is_dir()
    );
    let third_receipt = dir.path().join("hoofdbureau-3.urna-result.receipt.json");
    let checked = run(Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(["central", "check-receipt"])
        .arg(&third_receipt)
        .arg("--receipts-key")
        .arg(central.join("central-receipts.pub"))
        .arg("--sealed")
        .arg(&third));
    assert!(checked.status.success(), "{}", text(&checked.stdout));
    // The same file sent by polling station 1 (its own package and password): refused, named,
    // in the audit log; and a wrong password never reaches the network.
    let replayed = send(&third, "SB1", &password_1);
    assert_eq!(
        replayed.status.code(),
        Some(1),
        "{}",
        text(&replayed.stderr)
    );
    assert!(
        text(&replayed.stdout).contains(
            "REFUSED — the package was signed by HSB but sent over the connection of SB1"
        ),
        "{}",
        text(&replayed.stdout)
    );
    let wrong = send(&third, "HSB", "wrong-password");
    assert!(!wrong.status.success());
    assert!(
        text(&wrong.stderr).contains("the password does not fit"),
        "{}",
        text(&wrong.stderr)
    );
    drop(server);
    let audit = text(&run(urna(&data).args(["audit", "show"])).stdout);
    assert!(
        audit.contains("signed by HSB but sent over the connection of SB1"),
        "{audit}"
    );
}

/// `urna central serve` in the background on a free port, stopped when dropped.
struct IntakeServer {
    child: std::process::Child,
    address: String,
}

impl IntakeServer {
    fn start(data: &Path, central: &Path) -> IntakeServer {
        use std::io::BufRead as _;
        let mut child = urna(data)
            .args(["central", "serve", "--listen", "127.0.0.1:0", "--dir"])
            .arg(central)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(child.stdin.as_mut().unwrap(), b"central passphrase 1\n")
            .unwrap();
        let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
        let mut seen = String::new();
        let address = loop {
            let Some(Ok(line)) = lines.next() else {
                panic!("urna central serve stopped: {seen}");
            };
            // After the passphrase prompt, which ends without a line break.
            if let Some((_, rest)) = line.split_once("urna central serve: https://") {
                break rest.split('/').next().unwrap().to_string();
            }
            seen.push_str(&line);
            seen.push('\n');
        };
        // Keep reading what it says, so that it never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        IntakeServer { child, address }
    }
}

impl Drop for IntakeServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

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
}
