//! From the published count of a municipality (EML 510b, per polling station) to seats and
//! elected candidates: the sums of the polling stations' counts equal the totals the file itself
//! states, and, where the published outcome is in the reference data, the seats and the
//! preference-elected candidates are those the central committee published.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use eml::{SourceFile, import_election, read_count_totals, read_polling_station_counts};
use model::count::CountForm;
use model::totals::Totals;
use testkit::fixture;

struct Case {
    /// The name in the published results, where they hold it.
    municipality: Option<&'static str>,
    definition: &'static str,
    candidates: &'static str,
    count: &'static str,
}

fn check(case: &Case) -> apportion::Apportionment {
    let definition = fixture(case.definition);
    let candidates = fixture(case.candidates);
    let election = import_election(
        SourceFile::new(case.definition, &definition),
        SourceFile::new(case.candidates, &candidates),
        None,
    )
    .unwrap();
    let count = fixture(case.count);
    let counts =
        read_polling_station_counts(SourceFile::new(case.count, &count), &election).unwrap();
    let forms: Vec<(model::PollingStationNumber, CountForm)> = counts
        .into_iter()
        .map(|(n, c)| (n, CountForm::Netherlands(c)))
        .collect();
    let contest = &election.contests[0];
    let totals = Totals::add_up(contest, forms.iter().map(|(n, c)| (*n, c))).unwrap();

    // The file's own municipal totals equal the sums of its polling stations.
    let stated = read_count_totals(SourceFile::new(case.count, &count), &election).unwrap();
    for (sum, stated) in totals.lists.iter().zip(&stated) {
        assert_eq!(sum.votes, u64::from(stated.total), "list {}", sum.number);
        let stated: Vec<u64> = stated.candidates.iter().map(|v| u64::from(*v)).collect();
        assert_eq!(sum.candidates, stated, "list {}", sum.number);
    }
    let input = apportion::Input::from_totals(&election, contest, &totals).unwrap();
    let outcome = apportion::apportion(&input).unwrap();
    let result = outcome.complete().expect("no lot needed").clone();
    assert_eq!(
        result.lists.iter().map(|l| l.seats).sum::<u32>(),
        election.seats
    );
    let Some(municipality) = case.municipality else {
        return result;
    };
    let published = testkit::published_gr2022(municipality);
    assert_eq!(
        u64::from(election.seats),
        published["seats"].as_u64().unwrap()
    );
    let lists = published["lists"].as_array().unwrap();
    assert_eq!(totals.lists.len(), lists.len(), "{}", municipality);
    for (total, list) in totals.lists.iter().zip(lists) {
        assert_eq!(
            u64::from(total.number),
            list["list_number"].as_u64().unwrap()
        );
        assert_eq!(
            total.votes,
            list["votes"].as_u64().unwrap(),
            "{} list {}: votes",
            municipality,
            total.number
        );
        let published_candidates: Vec<u64> = list["candidate_votes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        assert_eq!(
            total.candidates, published_candidates,
            "{} list {}",
            municipality, total.number
        );
        assert_eq!(total.candidates.iter().sum::<u64>(), total.votes);
    }

    for (seats, list) in result.lists.iter().zip(lists) {
        assert_eq!(
            u64::from(seats.seats),
            list["seats_expected"].as_u64().unwrap(),
            "{} list {}: seats",
            municipality,
            seats.number
        );
        assert_eq!(
            seats.preference_elected.len() as u64,
            list["preference_elected"].as_u64().unwrap(),
            "{} list {}: elected by preference votes",
            municipality,
            seats.number
        );
    }
    result
}

#[test]
fn groningen_2022_from_its_polling_stations_to_its_seats() {
    // Groningen is one of the large cities missing from the reference data's published results
    // (fixtures/results/nl, source note): checked against the totals in its own 510b.
    let result = check(&Case {
        municipality: None,
        definition: "eml/composed/Verkiezingsdefinitie_GR2022_Groningen.composed.eml.xml",
        candidates: "eml/real/Kandidatenlijsten_GR2022_Groningen.eml.xml",
        count: "eml/real/Telling_GR2022_Groningen.eml.xml",
    });
    assert_eq!(result.seats, 45);
}

#[test]
fn west_maas_en_waal_2022_from_its_polling_stations_to_its_seats() {
    let _ = check(&Case {
        municipality: Some("WestMaasenWaal"),
        definition: "eml/composed/Verkiezingsdefinitie_GR2022_WestMaasenWaal.composed.eml.xml",
        candidates: "eml/real/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
        count: "eml/real/Telling_GR2022_WestMaasenWaal.eml.xml",
    });
}
