//! The result: none before every count is definitive; a count made elsewhere imported as the
//! central committee does.

use super::*;

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
    let p_22_2 = pdf_text(&out.join("Model_P22-2_GR2026_Assen.pdf"));
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
