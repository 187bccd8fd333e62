//! The result engine on a real Dutch municipality: its published count gives its published
//! seats; recorded decisions read as before contests were named, and a lot that decided nothing
//! is reported.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use determine::{Counts, Decisions, DrawnLot, determine};
use model::count::CountForm;
use model::{Election, PollingStationNumber};

fn west_maas_en_waal() -> (Election, Vec<(PollingStationNumber, CountForm)>) {
    let definition = testkit::fixture(
        "eml/composed/Verkiezingsdefinitie_GR2022_WestMaasenWaal.composed.eml.xml",
    );
    let candidates = testkit::fixture("eml/real/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml");
    let election = eml::import_election(
        eml::SourceFile::new("110a", &definition),
        eml::SourceFile::new("230b", &candidates),
        None,
    )
    .unwrap();
    let count = testkit::fixture("eml/real/Telling_GR2022_WestMaasenWaal.eml.xml");
    let counts = eml::read_polling_station_counts(eml::SourceFile::new("510b", &count), &election)
        .unwrap()
        .into_iter()
        .map(|(n, c)| (n, CountForm::Netherlands(c)))
        .collect();
    (election, counts)
}

#[test]
fn a_dutch_municipality_gets_its_published_seats() {
    let (election, counts) = west_maas_en_waal();
    let decisions = Decisions::none(&election.id);
    let determination = determine(&election, &Counts::per_station(&counts), &decisions).unwrap();
    assert_eq!(determination.contests.len(), 1);
    assert!(determination.is_complete(), "the 510b counts every station");
    let published = testkit::published_gr2022("WestMaasenWaal");
    let summary = determination.summary(&election);
    let contest = &summary.contests[0];
    assert_eq!(contest.seats, 17);
    let lists = published["lists"].as_array().unwrap();
    assert_eq!(lists.len(), contest.lists.len());
    for list in lists {
        let ours = contest
            .lists
            .iter()
            .find(|l| u64::from(l.number) == list["list_number"].as_u64().unwrap())
            .unwrap();
        assert_eq!(
            u64::from(ours.seats),
            list["seats_expected"].as_u64().unwrap(),
            "list {}",
            ours.number
        );
        assert_eq!(ours.votes, list["votes"].as_u64().unwrap());
        assert_eq!(ours.elected.len() as u32, ours.seats);
    }
    // One contest: the sums over the contests are the contest's own figures.
    let parties = determination.by_list(&election);
    assert_eq!(parties.iter().map(|p| p.seats).sum::<u32>(), 17);
}

#[test]
fn a_lot_that_decided_nothing_is_reported_as_unused() {
    let (election, counts) = west_maas_en_waal();
    let decisions = Decisions {
        lots: vec![DrawnLot {
            contest: None,
            id: "no-such-tie".into(),
            order: vec![1, 2],
        }],
        ..Decisions::none(&election.id)
    };
    let determination = determine(&election, &Counts::per_station(&counts), &decisions).unwrap();
    assert_eq!(determination.contests[0].unused_lots, ["no-such-tie"]);
}

#[test]
fn decisions_of_one_contest_read_as_before_contests_were_named() {
    let (election, _) = west_maas_en_waal();
    let old = br#"{"election": "GR2022_WestMaasenWaal", "deceased": [{"list": 1, "position": 1}], "lots": []}"#;
    let decisions = Decisions::from_file(old, &election).unwrap();
    assert_eq!(decisions.deceased[0].contest, None);
    // And are written as before: no contest field.
    let written = String::from_utf8(decisions.to_file()).unwrap();
    assert!(!written.contains("contest"), "{written}");
    // A file of another election, or with a field it does not know, is refused.
    assert!(
        Decisions::from_file(
            br#"{"election": "GR2022_Groningen", "deceased": []}"#,
            &election
        )
        .is_err()
    );
    assert!(
        Decisions::from_file(
            br#"{"election": "GR2022_WestMaasenWaal", "seats": 3}"#,
            &election
        )
        .is_err()
    );
}
