//! From three municipalities' signed result packages (the real EML 510b of Groningen 2022, West
//! Maas en Waal 2022 and Assen 2026) to a signed snapshot, the feed and the site; the feed
//! checked independently, and every kind of tampering found and named.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use messages::Language;
use publish::Snapshot;
use publish::feed;
use publish::sample::Centre;
use publish::snapshot::{self, Outcome};
use publish::verify::{Expectations, verify, verify_export};
use seal::package::{ElectionRef, Office};
use seal::signing::SigningKey;
use serde_json::Value;

fn centre() -> Centre {
    publish::sample::centre(&testkit::fixtures_dir()).unwrap()
}

/// Version 1 with only Groningen in, version 2 with all three; the feed of both.
fn publish_two_versions(centre: &Centre) -> (Snapshot, BTreeMap<String, Vec<u8>>) {
    let (latest, versions) = centre.two_versions();
    let files = centre.feed(&versions);
    (latest, files)
}

#[test]
fn three_municipalities_are_aggregated_and_the_figures_are_the_published_ones() {
    let centre = centre();
    let (snapshot, _) = publish_two_versions(&centre);
    assert_eq!(snapshot.progress.municipalities_in, 3);
    assert_eq!(snapshot.progress.municipalities_expected, 3);
    // 180 + 21 + 44 polling stations counted in the three 510b files.
    assert_eq!(snapshot.progress.polling_stations_in, 245);

    let by_id = |id: &str| {
        snapshot
            .elections
            .iter()
            .find(|e| e.registration.election == id)
            .unwrap()
    };
    // West Maas en Waal: every list's votes and seats as the Electoral Council published them.
    let official = testkit::published_gr2022("WestMaasenWaal");
    let differences = publish::sample::differences_from_published(
        &snapshot,
        &"GR2022_WestMaasenWaal".parse().unwrap(),
        &official,
    );
    assert!(differences.is_empty(), "{differences:#?}");
    // The comparison itself finds a difference: one vote more for the first list.
    let mut altered = snapshot.clone();
    if let Outcome::In { lists, .. } = &mut altered.elections[1].outcome {
        lists[0].votes += 1;
    }
    let found = publish::sample::differences_from_published(
        &altered,
        &"GR2022_WestMaasenWaal".parse().unwrap(),
        &official,
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains(" votes: "), "{found:#?}");
    let Outcome::In { turnout, .. } = &by_id("GR2022_WestMaasenWaal").outcome else {
        panic!("West Maas en Waal is not in");
    };
    assert_eq!(turnout.eligible_voters, Some(16_202));

    // Groningen: 45 seats, its turnout from its own 510b.
    let Outcome::In { seats, turnout, .. } = &by_id("GR2022_Groningen").outcome else {
        panic!("Groningen is not in");
    };
    assert_eq!(*seats, 45);
    assert_eq!(turnout.eligible_voters, Some(194_113));
    assert_eq!(
        turnout.turnout_per_mille,
        snapshot::per_mille(turnout.admitted_voters, Some(194_113))
    );

    // One province each; the province's parties are the sums of the municipality's lists.
    let provinces: Vec<&str> = snapshot
        .provinces
        .iter()
        .map(|p| p.area.name.as_str())
        .collect();
    let mut sorted = provinces.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, ["Drenthe", "Gelderland", "Groningen"]);
    let drenthe = snapshot
        .provinces
        .iter()
        .find(|p| p.area.name == "Drenthe")
        .unwrap();
    let Outcome::In { lists, .. } = &by_id("GR2026_Assen").outcome else {
        panic!("Assen is not in");
    };
    assert_eq!(drenthe.parties.len(), lists.len());
    assert_eq!(
        drenthe.parties.iter().map(|p| p.votes).sum::<u64>(),
        lists.iter().map(|l| l.votes).sum::<u64>()
    );
    assert_eq!(drenthe.progress.municipalities_in, 1);
    assert!(snapshot.districts.len() >= 3);
}

#[test]
fn the_snapshot_follows_its_published_schema() {
    let centre = centre();
    let (snapshot, files) = publish_two_versions(&centre);
    let schema: Value = serde_json::from_str(feed::SNAPSHOT_SCHEMA).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let value = serde_json::to_value(&snapshot).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // Version 1, with two elections awaited, too.
    let first: Value = serde_json::from_slice(&files["snapshots/v1.json"]).unwrap();
    assert!(validator.is_valid(&first));
    assert_eq!(first["elections"][1]["outcome"]["status"], "awaited");
}

#[test]
fn a_sound_feed_passes_the_independent_check() {
    let centre = centre();
    let (_, files) = publish_two_versions(&centre);
    let report = verify(&files, &Expectations::default());
    assert!(report.sound(), "{:#?}", report.discrepancies);
    assert!(report.passed.iter().any(|p| {
        p.text(Language::En).contains("every number computed again")
            && p.text(Language::Nl).contains("elk cijfer opnieuw berekend")
    }));
    // With the keys known from elsewhere, too; and a wrong expected key is named.
    let expected = Expectations {
        central: Some(centre.central.public().fingerprint().to_string()),
        authorities: Vec::new(),
    };
    assert!(verify(&files, &expected).sound());
    let wrong = Expectations {
        central: Some(SigningKey::generate().public().fingerprint().to_string()),
        authorities: Vec::new(),
    };
    let report = verify(&files, &wrong);
    assert!(
        report.discrepancies[0]
            .text(Language::En)
            .contains("not the expected")
            && report.discrepancies[0]
                .text(Language::Nl)
                .contains("niet de verwachte"),
        "{:?}",
        report.discrepancies
    );
}

/// Re-signs an altered snapshot with the centre's own key: the signature holds, only the
/// recomputation can find the change.
fn resign(centre: &Centre, files: &mut BTreeMap<String, Vec<u8>>, snapshot: &Snapshot) {
    let bytes = snapshot.to_bytes();
    let signature = format!("{}\n", snapshot.sign(&centre.central)).into_bytes();
    files.insert("snapshot.json".into(), bytes.clone());
    files.insert("snapshot.sig".into(), signature.clone());
    files.insert(format!("snapshots/v{}.json", snapshot.version), bytes);
    files.insert(format!("snapshots/v{}.sig", snapshot.version), signature);
}

/// Checks the feed and expects a discrepancy whose English text contains `expected`.
fn assert_found(files: &BTreeMap<String, Vec<u8>>, expected: &str) {
    let report = verify(files, &Expectations::default());
    assert!(
        report
            .discrepancies
            .iter()
            .any(|d| d.text(Language::En).contains(expected)),
        "{expected} not found: {:#?}",
        report.discrepancies
    );
}

#[test]
fn one_altered_number_in_a_signed_snapshot_is_found_and_named() {
    let centre = centre();
    let (mut snapshot, mut files) = publish_two_versions(&centre);
    let election = snapshot
        .elections
        .iter_mut()
        .find(|e| e.registration.election == "GR2022_WestMaasenWaal")
        .unwrap();
    let Outcome::In { lists, .. } = &mut election.outcome else {
        panic!()
    };
    let name = lists[0].name.clone();
    let votes = lists[0].votes;
    lists[0].votes += 1;
    resign(&centre, &mut files, &snapshot);
    let report = verify(&files, &Expectations::default());
    assert!(!report.sound());
    let expected = format!(
        "elections[GR2022_WestMaasenWaal].outcome.lists[list 1 ({name})].votes: published {}, computed from the packages {votes}",
        votes + 1
    );
    assert_eq!(report.discrepancies.len(), 1, "{:#?}", report.discrepancies);
    assert_eq!(report.discrepancies[0].text(Language::En), expected);
    // The same place, as the Dutch report names it.
    assert_eq!(
        report.discrepancies[0].text(Language::Nl),
        format!(
            "elections[GR2022_WestMaasenWaal].outcome.lists[lijst 1 ({name})].votes: gepubliceerd {}, berekend uit de pakketten {votes}",
            votes + 1
        )
    );

    // The progress, too.
    let (mut snapshot, mut files) = publish_two_versions(&centre);
    snapshot.progress.polling_stations_in -= 1;
    resign(&centre, &mut files, &snapshot);
    let report = verify(&files, &Expectations::default());
    let found: Vec<String> = report
        .discrepancies
        .iter()
        .map(|d| d.text(Language::En))
        .collect();
    assert_eq!(
        found,
        ["progress.polling_stations_in: published 244, computed from the packages 245"]
    );
}

#[test]
fn a_changed_byte_or_a_foreign_signature_is_refused() {
    let centre = centre();
    let (_, files) = publish_two_versions(&centre);

    // A byte of the latest snapshot, unsigned.
    let mut altered = files.clone();
    let mut bytes = altered["snapshots/v2.json"].clone();
    let at = bytes.iter().position(|b| b.is_ascii_digit()).unwrap();
    bytes[at] = if bytes[at] == b'9' {
        b'8'
    } else {
        bytes[at] + 1
    };
    altered.insert("snapshots/v2.json".into(), bytes);
    let report = verify(&altered, &Expectations::default());
    assert!(
        report.discrepancies[0]
            .text(Language::En)
            .starts_with("snapshots/v2.json: the signature does not match")
            && report.discrepancies[0]
                .text(Language::Nl)
                .starts_with("snapshots/v2.json: de handtekening past niet"),
        "{:?}",
        report.discrepancies
    );

    // A byte of a municipality's 510b inside the feed.
    let mut altered = files.clone();
    let path = "elections/GR2026_Assen/package/Telling_GR2026_Assen.eml.xml";
    let mut bytes = altered[path].clone();
    let at = bytes.len() / 2;
    bytes[at] ^= 1;
    altered.insert(path.into(), bytes);
    let report = verify(&altered, &Expectations::default());
    assert!(
        report.discrepancies.iter().any(|d| d
            .text(Language::En)
            .starts_with("GR2026_Assen: result package:")
            && d.text(Language::En)
                .contains("Telling_GR2026_Assen.eml.xml")
            && d.text(Language::Nl)
                .starts_with("GR2026_Assen: uitslagpakket:")),
        "{:#?}",
        report.discrepancies
    );

    // A package re-signed by someone else's key: not the office the ceremony registered.
    let mut altered = files.clone();
    let intruder = SigningKey::generate();
    let manifest = altered["elections/GR2022_Groningen/package/manifest.json"].clone();
    let package = seal::package::Package::build_kind(
        seal::package::Kind::Result,
        ElectionRef {
            id: "GR2022_Groningen".parse().unwrap(),
            name: "x".into(),
        },
        Office::MainOffice {
            name: "Groningen".into(),
        },
        "2022-03-17T01:00:00Z",
        feed::package_files(&files, &"GR2022_Groningen".parse().unwrap())
            .into_iter()
            .filter(|(p, _)| p != "manifest.json" && p != "manifest.sig")
            .collect(),
        &intruder,
    )
    .unwrap();
    assert_ne!(package.entries()["manifest.json"], manifest);
    for (path, bytes) in package.entries() {
        altered.insert(format!("elections/GR2022_Groningen/package/{path}"), bytes);
    }
    let report = verify(&altered, &Expectations::default());
    assert!(
        report.discrepancies.iter().any(|d| d
            .text(Language::En)
            .starts_with("GR2022_Groningen: result package:")
            && d.text(Language::En).contains("signature")),
        "{:#?}",
        report.discrepancies
    );

    // A version taken out of the chain.
    let mut altered = files;
    altered.remove("snapshots/v1.json");
    let report = verify(&altered, &Expectations::default());
    assert!(!report.sound());
}

#[test]
fn the_site_shows_the_figures_in_both_languages() {
    let centre = centre();
    let (snapshot, _) = publish_two_versions(&centre);
    let site = publish::site::render(&snapshot, "abcd").unwrap();
    let page = String::from_utf8(site["/verkiezing/GR2022_WestMaasenWaal.html"].clone()).unwrap();
    let Outcome::In { lists, .. } = &snapshot.elections[1].outcome else {
        panic!()
    };
    assert!(page.contains("<html lang=\"nl\">"));
    assert!(page.contains(&publish::site::number(Language::Nl, lists[0].votes)));
    assert!(page.contains(&lists[0].elected[0].name));
    assert_eq!(
        page.matches("<circle").count() as u32,
        lists.iter().map(|l| l.seats).sum::<u32>()
    );
    let english =
        String::from_utf8(site["/en/verkiezing/GR2022_WestMaasenWaal.html"].clone()).unwrap();
    assert!(english.contains("<html lang=\"en\">"));
    assert!(english.contains("Elected candidates"));
    // Links are relative, so the exported folder works opened from disk as well as served.
    assert!(english.contains("href=\"../../style.css\""));
    assert!(english.contains("href=\"../../verkiezing/GR2022_WestMaasenWaal.html\""));
    let index = String::from_utf8(site["/index.html"].clone()).unwrap();
    assert!(index.contains("3 van 3"), "{index}");
    assert!(
        site.contains_key("/provincie/1.html") || site.keys().any(|k| k.starts_with("/provincie/"))
    );
}

/// West Maas en Waal's package records that the first elected candidate of its largest list died
/// before the result was determined: the centre elects the next
/// candidate, the snapshot and the site say why, the schema holds, and the independent check
/// computes the same — and finds a snapshot that leaves the decision out.
#[test]
fn decisions_in_a_package_reach_the_snapshot_the_site_and_the_check() {
    let mut centre = centre();
    let (plain, _) = publish_two_versions(&centre);
    let west = |snapshot: &Snapshot| -> Outcome {
        snapshot
            .elections
            .iter()
            .find(|e| e.registration.election == "GR2022_WestMaasenWaal")
            .unwrap()
            .outcome
            .clone()
    };
    let Outcome::In { lists, .. } = west(&plain) else {
        panic!("West Maas en Waal is not in")
    };
    let largest = lists.iter().max_by_key(|l| l.seats).unwrap().clone();
    let died = largest.elected[0].clone();
    let decisions = determine::Decisions {
        deceased: vec![determine::Deceased {
            contest: None,
            list: model::ListNumber::new(largest.number).unwrap(),
            position: model::CandidatePosition::new(died.position).unwrap(),
        }],
        ..determine::Decisions::none(&model::ElectionId::new("GR2022_WestMaasenWaal").unwrap())
    };
    centre
        .resend(&"GR2022_WestMaasenWaal".parse().unwrap(), |files| {
            files.insert(determine::Decisions::FILE.into(), decisions.to_file());
        })
        .unwrap();
    let (snapshot, mut files) = publish_two_versions(&centre);
    let Outcome::In {
        lists, decisions, ..
    } = west(&snapshot)
    else {
        panic!("West Maas en Waal is not in")
    };
    let list = lists.iter().find(|l| l.number == largest.number).unwrap();
    assert_eq!(list.seats, largest.seats);
    assert!(list.elected.iter().all(|e| e.position != died.position));
    assert_eq!(decisions.deceased.len(), 1);
    assert_eq!(decisions.deceased[0].name, died.name);
    assert_eq!(decisions.lots_drawn, 0);

    let schema: Value = serde_json::from_str(feed::SNAPSHOT_SCHEMA).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&serde_json::to_value(&snapshot).unwrap()));

    let site = publish::site::render(&snapshot, "abcd").unwrap();
    let page = String::from_utf8(site["/verkiezing/GR2022_WestMaasenWaal.html"].clone()).unwrap();
    assert!(
        page.contains(&format!(
            "{} (lijst {}, nr. {}) is overleden",
            died.name, largest.number, died.position
        )) && !page.contains("geloot"),
        "{page}"
    );
    let english =
        String::from_utf8(site["/en/verkiezing/GR2022_WestMaasenWaal.html"].clone()).unwrap();
    assert!(english.contains("died before the result was determined"));
    let groningen = String::from_utf8(site["/verkiezing/GR2022_Groningen.html"].clone()).unwrap();
    assert!(!groningen.contains("class=\"decision\""));

    assert!(verify(&files, &Expectations::default()).sound());
    // A centre that dropped the decision from what it published is found out.
    let mut silent = snapshot.clone();
    if let Some(election) = silent
        .elections
        .iter_mut()
        .find(|e| e.registration.election == "GR2022_WestMaasenWaal")
        && let Outcome::In { decisions, .. } = &mut election.outcome
    {
        decisions.deceased.clear();
    }
    resign(&centre, &mut files, &silent);
    assert_found(&files, "decisions");
}

/// A municipality that computes its result against another definition than the ceremony signed
/// (here: one seat more) is not published, and says why; a feed whose registration or ceremony
/// manifest names another definition fails the independent check.
#[test]
fn a_result_against_another_definition_is_not_published() {
    let mut centre = centre();
    centre
        .resend(&"GR2022_WestMaasenWaal".parse().unwrap(), |files| {
            let mut election: Value = serde_json::from_slice(&files["election.json"]).unwrap();
            election["seats"] = Value::from(election["seats"].as_u64().unwrap() + 1);
            files.insert(
                "election.json".into(),
                serde_json::to_vec_pretty(&election).unwrap(),
            );
        })
        .unwrap();
    let (snapshot, files) = publish_two_versions(&centre);
    let west = snapshot
        .elections
        .iter()
        .find(|e| e.registration.election == "GR2022_WestMaasenWaal")
        .unwrap();
    let Outcome::Problem {
        reason, reason_nl, ..
    } = &west.outcome
    else {
        panic!("published: {:?}", west.outcome)
    };
    assert!(
        reason.contains("is not the one the ceremony signed"),
        "{reason}"
    );
    assert_eq!(snapshot.progress.municipalities_in, 2);
    // Each language's page says why, in its language.
    let site = publish::site::render(&snapshot, "abcd").unwrap();
    let page = |path: &str| String::from_utf8(site[path].clone()).unwrap();
    assert!(
        page("/verkiezing/GR2022_WestMaasenWaal.html").contains(reason_nl.as_str())
            && reason_nl.contains("is niet die welke de ceremonie ondertekende"),
        "{reason_nl}"
    );
    assert!(page("/en/verkiezing/GR2022_WestMaasenWaal.html").contains(reason.as_str()));
    let schema: Value = serde_json::from_str(feed::SNAPSHOT_SCHEMA).unwrap();
    assert!(
        jsonschema::validator_for(&schema)
            .unwrap()
            .is_valid(&serde_json::to_value(&snapshot).unwrap())
    );
    // The check computes the same refusal: the feed is sound, the problem published.
    assert!(verify(&files, &Expectations::default()).sound());

    // A centre that registered another definition (in registration.json and in the signed
    // snapshot alike) is found: the ceremony package lists the signed one.
    let centre = self::centre();
    let (snapshot, files) = publish_two_versions(&centre);
    let root = "elections/GR2022_WestMaasenWaal";
    let mut changed = files.clone();
    let mut altered = snapshot.clone();
    let west = altered
        .elections
        .iter_mut()
        .find(|e| e.registration.election == "GR2022_WestMaasenWaal")
        .unwrap();
    let signed = west.registration.definition.clone();
    west.registration.definition = "ab".repeat(32);
    changed.insert(
        format!("{root}/registration.json"),
        seal::pretty_json(&west.registration),
    );
    resign(&centre, &mut changed, &altered);
    assert_found(
        &changed,
        &format!(
            "GR2022_WestMaasenWaal: the registration names definition {}, the ceremony package {signed}",
            "ab".repeat(32)
        ),
    );
    // And a ceremony manifest swapped for another is not the one the record names.
    let mut swapped = files.clone();
    let other = files["elections/GR2022_Groningen/ceremony/main-office-manifest.json"].clone();
    swapped.insert(format!("{root}/ceremony/main-office-manifest.json"), other);
    assert_found(
        &swapped,
        "is not the manifest of the package the signed ceremony record names",
    );
    let mut missing = files;
    missing.remove(&format!("{root}/ceremony/main-office-manifest.json"));
    assert_found(&missing, "main-office-manifest.json: missing");
}

/// The discrepancies of checking `export` (every file by path from the export's root), in
/// English.
fn export_discrepancies(
    export: &BTreeMap<String, Vec<u8>>,
    feed_only: bool,
    expectations: &Expectations,
) -> Vec<String> {
    verify_export(export.clone(), feed_only, expectations)
        .discrepancies
        .iter()
        .map(|d| d.text(Language::En))
        .collect()
}

/// Attack: a published file altered after the export (a CSV, a page, the list of elected
/// candidates), a file added, or `snapshot.sig` deleted. The snapshot's signature covers the
/// numbers only; the signed file list covers every byte, and each change is named.
#[test]
fn every_published_byte_is_covered_by_the_signed_file_list() {
    let centre = centre();
    let export = centre.export().unwrap();
    let pinned = Expectations {
        central: Some(centre.central.public().fingerprint().to_string()),
        authorities: Vec::new(),
    };
    let report = verify_export(export.clone(), false, &pinned);
    assert!(report.sound(), "{:?}", report.discrepancies);
    let intact: Vec<String> = report.passed.iter().map(|p| p.text(Language::En)).collect();
    assert!(
        intact
            .iter()
            .any(|line| line.ends_with("files, each as the signed file list names it")),
        "{intact:?}"
    );

    for (file, change) in [
        ("/feed/results.csv", b"9" as &[u8]),
        ("/feed/elected.csv", b";"),
        ("/verkiezing/GR2022_WestMaasenWaal.html", b"<!-- -->"),
        ("/style.css", b" "),
    ] {
        let mut altered = export.clone();
        altered.get_mut(file).unwrap().extend_from_slice(change);
        assert_eq!(
            export_discrepancies(&altered, false, &pinned),
            [format!(
                "{file}: differs from the signed file list (changed after the export)"
            )],
        );
    }

    let mut added = export.clone();
    added.insert(
        "/verkiezing/nep.html".into(),
        b"<p>fake result</p>".to_vec(),
    );
    assert_eq!(
        export_discrepancies(&added, false, &pinned),
        ["/verkiezing/nep.html: not in the signed file list (added after the export)"]
    );

    let mut unsigned = export.clone();
    unsigned.remove("/feed/snapshot.sig");
    let found = export_discrepancies(&unsigned, false, &pinned);
    assert!(
        found.contains(&"snapshot.sig: missing".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"/feed/snapshot.sig: in the signed file list, but missing".to_string()),
        "{found:?}"
    );

    // The file list itself taken away, or its signature.
    for file in [publish::file_list::LIST, publish::file_list::SIGNATURE] {
        let mut stripped = export.clone();
        stripped.remove(file);
        let found = export_discrepancies(&stripped, false, &pinned);
        assert!(
            found.iter().any(|line| line.starts_with(file)),
            "{file}: {found:?}"
        );
    }
}

/// Attack: the whole export re-signed with a key of the attacker's own (its public key put in
/// the feed in place of the centre's). Consistent in itself, it fails against the pinned key.
#[test]
fn an_export_re_signed_with_another_key_fails_against_the_pinned_key() {
    let centre = centre();
    let export = centre.export().unwrap();
    let pinned = Expectations {
        central: Some(centre.central.public().fingerprint().to_string()),
        authorities: Vec::new(),
    };
    let mallory = SigningKey::generate();
    let mut forged = export.clone();
    forged.insert(
        "/feed/central-publication.pub".into(),
        format!("{}\n", mallory.public()).into_bytes(),
    );
    let snapshot: Snapshot = serde_json::from_slice(&forged["/feed/snapshot.json"]).unwrap();
    let list = publish::file_list::FileList::of(&forged, &snapshot);
    forged.insert(
        publish::file_list::SIGNATURE.into(),
        format!("{}\n", list.sign(&mallory)).into_bytes(),
    );
    forged.insert(publish::file_list::LIST.into(), list.to_bytes());
    let found = export_discrepancies(&forged, false, &pinned);
    assert!(
        found
            .iter()
            .any(|line| line.starts_with("central-publication.pub: the key's fingerprint is")),
        "{found:?}"
    );
    // A list signed by another key than the feed's is refused as well.
    let mut foreign_list = export.clone();
    foreign_list.insert(
        publish::file_list::SIGNATURE.into(),
        format!("{}\n", list.sign(&mallory)).into_bytes(),
    );
    foreign_list.insert(publish::file_list::LIST.into(), list.to_bytes());
    let found = export_discrepancies(&foreign_list, false, &pinned);
    assert!(
        found
            .iter()
            .any(|line| line.starts_with("/feed/files.json: the signature does not match")),
        "{found:?}"
    );
}

/// A feed downloaded without the site is checked against the feed's part of the list.
#[test]
fn a_feed_downloaded_alone_is_checked_against_its_part_of_the_list() {
    let centre = centre();
    let feed_only: BTreeMap<String, Vec<u8>> = centre
        .export()
        .unwrap()
        .into_iter()
        .filter(|(path, _)| path.starts_with("/feed/"))
        .collect();
    assert!(export_discrepancies(&feed_only, true, &Expectations::default()).is_empty());
    let mut altered = feed_only.clone();
    let package = altered
        .keys()
        .find(|path| path.ends_with(".eml.xml"))
        .unwrap()
        .clone();
    altered.get_mut(&package).unwrap().push(b' ');
    let found = export_discrepancies(&altered, true, &Expectations::default());
    assert!(
        found.contains(&format!(
            "{package}: differs from the signed file list (changed after the export)"
        )),
        "{found:?}"
    );
}

/// A package that counts some of its election's polling stations is never published as the
/// result: the centre reads its count against the definition, and a definition with a station
/// more than the count holds (a canton's count, the first sticks in) is refused as partial,
/// "N of M polling stations", whatever the package says of itself.
#[test]
fn a_partial_result_is_never_published_as_the_result() {
    let centre = centre();
    let west = centre
        .arrivals
        .iter()
        .find(|a| a.election.as_str() == "GR2022_WestMaasenWaal")
        .unwrap();
    let mut source = publish::source::read(&west.files).unwrap();
    // The definition as the ceremony signed it lists every polling station; here the count's
    // own stations and one that did not report.
    let counted: Vec<model::PollingStationNumber> = match &source.counts {
        publish::source::PackageCounts::PerStation(stations) => {
            stations.iter().map(|(number, _)| *number).collect()
        }
        other => panic!("a 510b holds counts per station: {other:?}"),
    };
    source.election.polling_stations = counted
        .iter()
        .map(|n| n.get())
        .chain([999])
        .map(|number| model::PollingStation {
            number: model::PollingStationNumber::new(number).unwrap(),
            name: format!("Stembureau {number}"),
            kind: None,
            address: model::Address::default(),
            voters: None,
            contest: None,
        })
        .collect();
    let complete = source.clone();
    let refused = publish::source::determine(source).unwrap_err();
    let expected = counted.len() + 1;
    assert_eq!(
        refused,
        publish::source::SourceError::Partial {
            counted: counted.len(),
            expected
        }
    );
    assert_eq!(
        refused.message(messages::Language::Nl),
        format!(
            "gedeeltelijke uitslag: {} van {expected} stembureaus geteld; een gedeeltelijke uitslag wordt nooit als de uitslag gepubliceerd",
            counted.len()
        )
    );
    // With every station counted, the same source is determined.
    let mut complete = complete;
    complete.election.polling_stations.pop();
    assert!(publish::source::determine(complete).is_ok());
}
