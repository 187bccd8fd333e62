//! `urna demo`: the whole chain into a fresh folder.

use super::*;

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
        "List 1 GROENLINKS / Partij van de Arbeid (PvdA): 5418 (equal to the sum of the reports typed",
        "19 polling stations investigated and concluded; corrected count typed twice for polling station 15, 19.",
        "The previous count of 2 polling station(s) stays in the database's history",
        "GR2026_Assen: 2 sessions, 19 investigations and 2 corrections of the municipal committee derived again from the package and checked against the 510b's flags",
        "List 1 GROENLINKS / Partij van de Arbeid (PvdA): 5438 votes, 7 seats",
        "List 4 ASSEN CENTRAAL: 5895 votes, 7 seats — J. (Jan) Talens",
        "List 9 50PLUS: 1112 votes, 1 seat — D.J. (Derk Jan) van der Laan",
        "Audit log intact:",
        "SQLite integrity_check: ok",
        "Checked backup (integrity and audit log) in ",
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
    // Lindeveld's main office counted 3 of its 14 polling stations: partial, and never shown as
    // the result.
    let page = std::fs::read_to_string(site.join("verkiezing/GR2024_Lindeveld.html")).unwrap();
    assert!(
        page.contains("gedeeltelijke uitslag: 3 van 14 stembureaus geteld"),
        "{page}"
    );
    assert!(!page.contains("Gekozen kandidaten"), "{page}");
    // The overview never says "in" (binnen) of a municipality whose result is not published, and
    // tells the time as the reader's clock shows it.
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(!index.contains("binnen, in behandeling"), "{index}");
    assert!(index.contains("ontvangen, nog geen uitslag"), "{index}");
    assert!(index.contains("<time datetime=\""), "{index}");
    // Assen's result went from the results database over TLS to the centre: version 2 shows it
    // (list 1's votes as the municipality published them).
    let assen = std::fs::read_to_string(site.join("verkiezing/GR2026_Assen.html")).unwrap();
    assert!(assen.contains("5.438"), "{assen}");
    assert!(assen.contains("Gekozen kandidaten"), "{assen}");
    // Every correction names the session that made it, and every investigation its outcome.
    for expected in [
        "De telling van stembureau 15 is gecorrigeerd in zitting 2",
        "De telling van stembureau 19 is gecorrigeerd in zitting 2",
        "Stembureau 24 onderzocht in zitting 2 (andere reden)",
        "Zitting 2 van het gemeentelijk stembureau: 2026-03-25 10:00",
    ] {
        assert!(assen.contains(expected), "missing {expected:?} in {assen}");
    }
    assert!(site.join("feed/snapshots/v2.json").is_file());
    // The published snapshot and the sealed result name the software that made them.
    let binary = HashCode::of(&std::fs::read(env!("CARGO_BIN_EXE_urna")).unwrap()).to_string();
    let v2: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("feed/snapshots/v2.json")).unwrap())
            .unwrap();
    assert_eq!(v2["software"]["hash_code"], binary.as_str());
    // The published schema describes it, committee and software included.
    let schema: serde_json::Value = serde_json::from_str(publish::feed::SNAPSHOT_SCHEMA).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&v2).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(v2.to_string().contains("\"corrections\""));
    let sealed: serde_json::Value = serde_json::from_slice(
        &std::fs::read(site.join("feed/elections/GR2026_Assen/package/manifest.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(sealed["software"]["hash_code"], binary.as_str());
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
    let altered = original.replacen(
        "\"polling_stations_expected\": 14",
        "\"polling_stations_expected\": 15",
        1,
    );
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
    // The whole chain, end to end: the published count of Assen typed twice (two polling stations
    // miscounted in the first session and recounted in the second), its OSV4-3 table generated
    // from the definitive entries of the second session is byte for byte the one the
    // municipality published; the first session's is not.
    let published_csv = testkit::fixture("eml/real/osv4-3_telling_gr2026_assen.csv");
    assert_eq!(
        std::fs::read(demo.join("uitslag/zitting-2/osv4-3_telling_gr2026_assen.csv")).unwrap(),
        published_csv
    );
    assert_ne!(
        std::fs::read(demo.join("uitslag/osv4-3_telling_gr2026_assen.csv")).unwrap(),
        published_csv
    );
    second_session_of_assen(&demo.join("uitslag/zitting-2"));
    // The latest session's 510b is the one exported from now on.
    let eml_510b =
        std::fs::read(demo.join("uitslag/zitting-2/Telling_GR2026_Assen.eml.xml")).unwrap();
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
    assert!(
        std::fs::read(again_dir.join("Telling_GR2026_Assen.eml.xml")).unwrap() == eml_510b,
        "the exported 510b is not the second session's as stored"
    );
    let shown = run(urna(&demo.join("urna-data")).args(["result", "show", "GR2026_Assen"]));
    assert!(
        text(&shown.stdout).contains("List 4 ASSEN CENTRAAL: 5895 votes, 7 seats"),
        "{}",
        text(&shown.stdout)
    );
    // The demo's Assen is Assen: its 35 seats and every list's votes and seats equal the
    // published outcome of 18 March 2026.
    let published = testkit::published_gr2026_assen();
    assert_eq!(published["seats"], 35);
    let shown = text(&shown.stdout);
    let ours: std::collections::BTreeMap<String, (u64, u64)> = shown
        .lines()
        .filter_map(|line| line.trim().strip_prefix("List "))
        .filter_map(|rest| {
            let (label, figures) = rest.split_once(": ")?;
            let name = label.split_once(' ')?.1.to_string();
            let mut numbers = figures
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .map(|n| n.parse::<u64>().unwrap());
            Some((name, (numbers.next()?, numbers.next()?)))
        })
        .collect();
    let lists = published["lists"].as_array().unwrap();
    assert_eq!(ours.len(), lists.len(), "{shown}");
    for list in lists {
        let name = list["name"].as_str().unwrap();
        let expected = (
            list["votes"].as_u64().unwrap(),
            list["seats"].as_u64().unwrap(),
        );
        assert_eq!(ours.get(name), Some(&expected), "{name}: {shown}");
    }
    assert_eq!(ours.values().map(|(_, seats)| seats).sum::<u64>(), 35);
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

/// The second session of Assen: its 510b says, station by station, what the published one says
/// (every count and the three investigation flags), validates against the EML_NL schema, and
/// the corrigendum names the two corrected counts with their previous and corrected figures.
fn second_session_of_assen(dir: &std::path::Path) {
    let published = testkit::fixture("eml/real/Telling_GR2026_Assen.eml.xml");
    let ours = std::fs::read(dir.join("Telling_GR2026_Assen.eml.xml")).unwrap();
    let election = eml::import_election(
        eml::SourceFile::new(
            "110a",
            &fixture("eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml"),
        ),
        eml::SourceFile::new(
            "230b",
            &fixture("eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml"),
        ),
        None,
    )
    .unwrap();
    let read = |name: &str, bytes: &[u8]| {
        (
            eml::read_polling_station_counts(eml::SourceFile::new(name, bytes), &election).unwrap(),
            eml::read_investigation_flags(eml::SourceFile::new(name, bytes), &election).unwrap(),
        )
    };
    let (their_counts, their_flags) = read("published", &published);
    let (our_counts, our_flags) = read("ours", &ours);
    assert_eq!(our_flags, their_flags);
    assert_eq!(their_flags.values().filter(|f| f.any()).count(), 19);
    for (station, count) in &their_counts {
        let again = &our_counts[station];
        assert_eq!(
            (&again.voters, &again.votes, &again.lists),
            (&count.voters, &count.votes, &count.lists),
            "{station}"
        );
    }
    let xsd = fixture_path("eml/xsd/EML_NL-1.2.2/510-count-kiesraad-strict.xsd");
    let checked = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(xsd)
        .arg(dir.join("Telling_GR2026_Assen.eml.xml"))
        .output()
        .expect("xmllint (apt-get install -y libxml2-utils, as scripts/test does)");
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    let corrigendum = pdf_text(&dir.join("Model_Na14-2_GR2026_Assen_zitting2.pdf"));
    for expected in [
        "Corrigendum van het gemeentelijk stembureau",
        "Zitting 2",
        "19 stembureau(s) onderzocht",
        "De telresultaten van 2 stembureau(s) zijn gecorrigeerd",
        "Stembureau 15",
        "Stembureau 19",
        "Telling_GR2026_Assen.eml.xml",
    ] {
        assert!(
            corrigendum.contains(expected),
            "missing {expected:?} in\n{corrigendum}"
        );
    }
    // Station 15: ten votes of list 1 had been counted for list 2; the corrected figures beside
    // the previous ones, and the municipality's totals after correction.
    let layout = Command::new("pdftotext")
        .arg("-layout")
        .arg(dir.join("Model_Na14-2_GR2026_Assen_zitting2.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/test");
    let layout = text(&layout.stdout);
    let line = |start: &str| {
        layout
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .find(|l| l.starts_with(start))
            .unwrap_or_default()
    };
    assert_eq!(
        line("E.1 GROENLINKS"),
        "E.1 GROENLINKS / Partij van de Arbeid (PvdA) 126 136 +10"
    );
    assert_eq!(
        line("E.2 Stadspartij PLOP"),
        "E.2 Stadspartij PLOP 57 47 −10"
    );
    assert!(corrigendum.contains("5.438"), "{corrigendum}");
    let annex = pdf_text(&dir.join("Model_Na14-2_Bijlage1_GR2026_Assen_zitting2.pdf"));
    assert!(
        annex.contains("gecorrigeerde telresultaten van 2 stembureau(s)"),
        "{annex}"
    );
}
