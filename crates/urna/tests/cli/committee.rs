//! `urna committee`: the municipal electoral committee's sessions and investigations from the
//! command line, on Assen 2026 (the real 510b imported as the definitive counts): one session
//! at a time, an investigation concluded before its session closes, a later session's
//! corrigendum, and nothing recorded in a closed session.

use super::*;

fn ok(output: &std::process::Output) -> String {
    assert!(
        output.status.success(),
        "{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    text(&output.stdout)
}

fn refused(output: &std::process::Output) -> String {
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stdout));
    text(&output.stderr)
}

const SESSION_1: [&str; 7] = [
    "--start",
    "2026-03-19 09:00",
    "--place",
    "Stadhuis Assen",
    "--member",
    "M. Voorzitter",
    "--member=L. Lid",
];

#[test]
fn sessions_and_investigations_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    ok(&run(urna(&data).args(import_args(
        ASSEN_110A,
        ASSEN_230B,
        Some(ASSEN_110B),
    ))));
    ok(&run(urna(&data)
        .args(["result", "import-count", "GR2026_Assen"])
        .arg(fixture_path(
            "eml/real/Telling_GR2026_Assen.eml.xml",
        ))));
    let committee = |args: &[&str]| run(urna(&data).arg("committee").args(args));

    // The first session's details; a second session waits for the first to close.
    let shown = ok(&committee(
        &[&["details", "GR2026_Assen"][..], &SESSION_1].concat(),
    ));
    assert!(
        shown
            .contains("Session 1 (open): 2026-03-19 09:00, Stadhuis Assen; present: M. Voorzitter"),
        "{shown}"
    );
    let early = refused(&committee(
        &[&["open", "GR2026_Assen"][..], &SESSION_1].concat(),
    ));
    assert!(early.contains("Session 1 is still open"), "{early}");

    // An investigation in the first session: the report waits for its conclusion.
    ok(&committee(&[
        "investigate",
        "GR2026_Assen",
        "15",
        "--cause",
        "other-reason",
        "--reason",
        "Bezwaar van een kiezer over de telling",
    ]));
    let out = dir.path().join("out");
    let waiting = refused(&run(urna(&data)
        .args(["result", "report", "GR2026_Assen", "--dir"])
        .arg(&out)));
    assert!(
        waiting.contains("investigation of polling station 15 is not concluded"),
        "{waiting}"
    );
    ok(&committee(&[
        "conclude",
        "GR2026_Assen",
        "15",
        "--findings",
        "Stapel lijst 1 nageteld; telling klopt",
        "--admitted-voters-reestablished",
        "--recounted",
    ]));
    ok(&run(urna(&data)
        .args(["result", "report", "GR2026_Assen", "--dir"])
        .arg(&out)));
    let na_31_2 = pdf_text(&out.join("Model_Na31-2_GR2026_Assen.pdf"));
    assert!(na_31_2.contains("Stadhuis Assen"), "{na_31_2}");
    let exported = dir.path().join("eml");
    ok(&run(urna(&data)
        .args(["result", "export", "GR2026_Assen", "--dir"])
        .arg(&exported)));
    let eml_510b = std::fs::read_to_string(exported.join("Telling_GR2026_Assen.eml.xml")).unwrap();
    let station_15 = eml_510b
        .split("<ReportingUnitVotes>")
        .find(|unit| unit.contains("0106::SB15\""))
        .unwrap();
    assert!(
        station_15.contains(
            "<kr:Investigation ReasonCode=\"stembiljetten deels herteld\">true</kr:Investigation>"
        ),
        "{station_15}"
    );

    // The first session is closed: nothing more is recorded in it.
    let closed = refused(&committee(
        &[&["details", "GR2026_Assen"][..], &SESSION_1].concat(),
    ));
    assert!(closed.contains("Session 1 is closed"), "{closed}");
    let bad = refused(&committee(&[
        "open",
        "GR2026_Assen",
        "--start",
        "morgen",
        "--place",
        "Stadhuis",
        "--member",
        "M. Voorzitter",
    ]));
    assert!(bad.contains("“morgen” is not a date and time"), "{bad}");
    let second = ok(&committee(&[
        "open",
        "GR2026_Assen",
        "--start",
        "2026-03-26 14:00",
        "--place",
        "Raadzaal",
        "--member",
        "M. Voorzitter",
        "--member",
        "K. Lid",
    ]));
    assert!(
        second.contains("Session 2 (open): 2026-03-26 14:00, Raadzaal"),
        "{second}"
    );
    // While it is open, its details can be put right.
    let corrected = ok(&committee(&[
        "details",
        "GR2026_Assen",
        "--start",
        "2026-03-26 14:30",
        "--place",
        "Raadzaal",
        "--member",
        "M. Voorzitter",
        "--member",
        "K. Lid",
    ]));
    assert!(
        corrected.contains("Session 2 (open): 2026-03-26 14:30, Raadzaal"),
        "{corrected}"
    );
    let other_session = refused(&committee(&[
        "conclude",
        "GR2026_Assen",
        "15",
        "--findings",
        "x",
    ]));
    assert!(
        other_session.contains("no open investigation in this session"),
        "{other_session}"
    );

    // At the central committee's request (Kieswet P 2a): investigated, no correction.
    ok(&committee(&[
        "investigate",
        "GR2026_Assen",
        "3",
        "--cause",
        "unexplained-difference",
        "--reason",
        "Verzoek centraal stembureau: verschil D en H",
        "--requested-by-central",
    ]));
    // An imported count is the municipality's own file: it is not typed again here.
    let imported = refused(&committee(&[
        "conclude",
        "GR2026_Assen",
        "3",
        "--findings",
        "Verschil verklaard",
        "--corrected-count",
    ]));
    assert!(imported.contains("imported"), "{imported}");
    ok(&committee(&[
        "conclude",
        "GR2026_Assen",
        "3",
        "--findings",
        "Verschil verklaard: twee kiezers namen hun stembiljet mee",
        "--admitted-voters-reestablished",
    ]));
    let out_2 = dir.path().join("out-2");
    ok(&run(urna(&data)
        .args(["result", "report", "GR2026_Assen", "--dir"])
        .arg(&out_2)));
    let corrigendum = pdf_text(&out_2.join("Model_Na14-2_GR2026_Assen_zitting2.pdf"));
    for expected in [
        "Zitting 2",
        "Raadzaal",
        "Stembureau 3",
        "Verzoek centraal stembureau: verschil D en H",
        "In deze zitting zijn geen telresultaten gecorrigeerd.",
    ] {
        assert!(
            corrigendum.contains(expected),
            "missing {expected:?} in\n{corrigendum}"
        );
    }
    let shown = ok(&committee(&["show", "GR2026_Assen"]));
    assert!(shown.contains("Counting: central counting"), "{shown}");
    assert!(shown.contains("Session 1 (closed)"), "{shown}");
    assert!(shown.contains("Session 2 (closed)"), "{shown}");
    assert!(
        shown.contains("Investigation of polling station 3 (session 2): unexplained difference"),
        "{shown}"
    );
    // Every step is in the audit log, and the log is intact.
    let log = ok(&run(urna(&data).args(["audit", "show"])));
    for action in [
        "session.details",
        "session.open",
        "investigation.open",
        "investigation.conclude",
        "session.close",
    ] {
        assert!(
            log.contains(action),
            "{action} missing from the log:\n{log}"
        );
    }
    ok(&run(urna(&data).args(["audit", "verify"])));
}

/// The central committee takes in a municipality's 510b as that municipality's first entry.
#[test]
fn a_municipality_s_file_is_taken_in_by_the_central_committee() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    ok(&run(urna(&data).args(import_args(
        "eml/composed/Verkiezingsdefinitie_GR2022_WestMaasenWaal.composed.eml.xml",
        "eml/real/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
        None,
    ))));
    let import = || {
        run(urna(&data)
            .args(["result", "import-municipality", "GR2022_WestMaasenWaal"])
            .arg(fixture_path(
                "eml/real/Telling_GR2022_WestMaasenWaal.eml.xml",
            )))
    };
    let taken = ok(&import());
    assert!(
        taken.contains(
            "West Maas en Waal (0668) taken in as the first entry of unit 668 from Telling_GR2022_WestMaasenWaal.eml.xml"
        ),
        "{taken}"
    );
    let again = refused(&import());
    assert!(again.contains("668"), "{again}");
    let log = ok(&run(urna(&data).args(["audit", "show"])));
    assert!(log.contains("entry.import"), "{log}");
}
