//! A Flemish provincial council with two electoral districts (`PR2024_Lindegouw`) through the
//! result engine ([`determine`]): each district allocates its own seats, the province sums them,
//! counts or decisions that do not fit the definition are refused with the reason, and its
//! result file reads back to the same result.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use determine::{
    ContestOutcome, Counts, Deceased, Decisions, DecisionsError, DetermineError, StationCount,
    determine,
};
use flanders::result_file;
use model::count::{CountForm, FlandersCount, FlandersListVotes};
use model::{CandidatePosition, ContestId, Election, ListNumber, PollingStationNumber};

fn lindegouw() -> Election {
    flanders::read_definition(
        "PR2024_Lindegouw.json",
        &testkit::fixture("flanders/PR2024_Lindegouw.json"),
    )
    .unwrap()
}

/// A Flemish count for a station of `contest`: `ballots[i]` ballots for list i, the preference
/// votes spread over its candidates.
fn flemish_count(election: &Election, contest: &ContestId, ballots: &[u32]) -> CountForm {
    let contest = election.contest(contest).unwrap();
    let lists: Vec<FlandersListVotes> = contest
        .lists
        .iter()
        .zip(ballots)
        .map(|(list, &ballots)| FlandersListVotes {
            ballots,
            list_only: ballots / 3,
            preferences: (0..list.candidates.len() as u32)
                .map(|i| ballots / (i + 2))
                .collect(),
        })
        .collect();
    let valid: u32 = ballots.iter().sum();
    CountForm::Flanders(FlandersCount {
        ballots_total: valid + 7,
        blank: 5,
        invalid: 2,
        lists,
    })
}

fn lindegouw_counts(election: &Election) -> Vec<(PollingStationNumber, CountForm)> {
    election
        .polling_stations
        .iter()
        .map(|station| {
            let contest = station.contest.as_ref().unwrap();
            let n = station.number.get();
            let lists = election.contest(contest).unwrap().lists.len() as u32;
            let ballots: Vec<u32> = (0..lists).map(|i| 40 + (i * 37 + n * 11) % 90).collect();
            (station.number, flemish_count(election, contest, &ballots))
        })
        .collect()
}

#[test]
fn each_district_is_allocated_on_its_own_and_the_province_sums_them() {
    let election = lindegouw();
    assert_eq!(election.contests.len(), 2);
    let counts = lindegouw_counts(&election);
    let none = Decisions::none(&election.id);
    let determination = determine(&election, &Counts::per_station(&counts), &none).unwrap();
    assert!(determination.is_complete());
    let summary = determination.summary(&election);
    let seats: Vec<u32> = summary.contests.iter().map(|c| c.seats).collect();
    assert_eq!(seats, [7, 6], "each district allocates its own seats");
    for (contest, result) in election.contests.iter().zip(&summary.contests) {
        assert_eq!(result.polling_stations, 3);
        assert_eq!(
            result.lists.iter().map(|l| l.seats).sum::<u32>(),
            contest.seats.unwrap()
        );
        for list in &result.lists {
            assert_eq!(list.elected.len() as u32, list.seats, "{list:?}");
        }
    }
    // The province: each party's votes and seats over both districts; the local list once.
    let parties = determination.by_list(&election);
    assert_eq!(parties.len(), 7);
    assert_eq!(parties.iter().map(|p| p.seats).sum::<u32>(), 13);
    let nva = parties.iter().find(|p| p.name == "N-VA").unwrap();
    let per_district: u64 = summary
        .contests
        .iter()
        .map(|c| c.lists.iter().find(|l| l.name == "N-VA").unwrap().votes)
        .sum();
    assert_eq!(nva.votes, per_district);

    // The result file has both districts, and its totals give the same result again.
    let bytes = result_file::write(&determination).unwrap();
    let name = result_file::file_name(&election.id);
    assert_eq!(name, "uitslag_PR2024_Lindegouw.json");
    let totals = result_file::read(&name, &bytes, &election).unwrap();
    assert_eq!(totals.len(), 2);
    let again = determine(&election, &Counts::PerContest(totals), &none).unwrap();
    assert_eq!(again.summary(&election), summary);
}

#[test]
fn a_result_file_that_does_not_fit_the_election_is_refused() {
    let election = lindegouw();
    let name = "uitslag_PR2024_Lindegouw.json";
    let refused = |text: &str| result_file::read(name, text.as_bytes(), &election).unwrap_err();
    assert!(matches!(
        refused(r#"{"election": "GR2024_Lindeveld", "contests": []}"#),
        result_file::ResultFileError::OtherElection { .. }
    ));
    // The totals of one contest for an election of two districts.
    let counts = lindegouw_counts(&election);
    let determination = determine(
        &election,
        &Counts::per_station(&counts),
        &Decisions::none(&election.id),
    )
    .unwrap();
    let one = serde_json::json!({
        "election": "PR2024_Lindegouw",
        "totals": determination.contests[0].totals,
    });
    let error = refused(&one.to_string());
    assert!(
        error
            .to_string()
            .contains("one contest, the election has 2"),
        "{error}"
    );
    assert!(refused("not json").to_string().starts_with(name));
}

#[test]
fn missing_stations_are_named_per_district_and_an_uncounted_district_is_said() {
    let election = lindegouw();
    let counts = lindegouw_counts(&election);
    // Only the first district's stations, one of those left out.
    let some: Vec<_> = counts.into_iter().take(2).collect();
    let determination = determine(
        &election,
        &Counts::per_station(&some),
        &Decisions::none(&election.id),
    )
    .unwrap();
    assert!(!determination.is_complete());
    assert_eq!(
        determination.missing(),
        [3, 4, 5, 6].map(|n| PollingStationNumber::new(n).unwrap())
    );
    assert!(matches!(
        determination.contests[0].outcome,
        ContestOutcome::Complete(_)
    ));
    assert!(matches!(
        determination.contests[1].outcome,
        ContestOutcome::Uncounted
    ));
    assert!(determination.complete().is_none());
    assert!(result_file::write(&determination).is_err());
}

#[test]
fn counts_that_do_not_fit_the_definition_are_refused() {
    let election = lindegouw();
    let counts = lindegouw_counts(&election);
    let none = Decisions::none(&election.id);
    let beekdal = ContestId::new("BEEKDAL").unwrap();
    // Station 1 votes in Lindeveld; a count that says Beekdal is refused.
    let wrong = Counts::PerStation(vec![StationCount {
        station: counts[0].0,
        contest: Some(&beekdal),
        count: &counts[0].1,
    }]);
    assert!(matches!(
        determine(&election, &wrong, &none),
        Err(DetermineError::OtherContest { .. })
    ));
    // The same station twice.
    let once = StationCount {
        station: counts[0].0,
        contest: None,
        count: &counts[0].1,
    };
    let twice = Counts::PerStation(vec![once, once]);
    assert_eq!(
        determine(&election, &twice, &none).unwrap_err(),
        DetermineError::Twice(counts[0].0)
    );
    // A station the definition does not have, in an election with two districts.
    let stranger = PollingStationNumber::new(99).unwrap();
    let unknown = Counts::PerStation(vec![StationCount {
        station: stranger,
        ..once
    }]);
    assert_eq!(
        determine(&election, &unknown, &none).unwrap_err(),
        DetermineError::ContestUnknownFor(stranger)
    );
    // A count of the other district's shape.
    let misshapen = Counts::PerStation(vec![StationCount {
        count: &counts[3].1,
        ..once
    }]);
    let error = determine(&election, &misshapen, &none).unwrap_err();
    assert!(matches!(error, DetermineError::Totals(_)), "{error}");
    assert!(
        error.message(model::Language::Nl).contains("stembureau 1"),
        "{}",
        error.message(model::Language::Nl)
    );
}

#[test]
fn decisions_must_name_their_district_and_a_candidate_on_its_lists() {
    let election = lindegouw();
    let counts = lindegouw_counts(&election);
    let deceased = |contest: Option<&str>, list: u32, position: u32| Decisions {
        deceased: vec![Deceased {
            contest: contest.map(|c| ContestId::new(c).unwrap()),
            list: ListNumber::new(list).unwrap(),
            position: CandidatePosition::new(position).unwrap(),
        }],
        ..Decisions::none(&election.id)
    };
    let refused = |decisions: Decisions| match determine(
        &election,
        &Counts::per_station(&counts),
        &decisions,
    ) {
        Err(DetermineError::Decisions(error)) => error,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        refused(deceased(None, 1, 1)),
        DecisionsError::ContestNotNamed(2)
    );
    assert_eq!(
        refused(deceased(Some("ELDERS"), 1, 1)),
        DecisionsError::UnknownContest("ELDERS".into())
    );
    assert_eq!(
        refused(deceased(Some("BEEKDAL"), 7, 1)),
        DecisionsError::NotOnTheLists {
            list: 7,
            position: 1
        },
        "the local list stands in Lindeveld only"
    );
    let other = Decisions::none(&model::ElectionId::new("PR2024_Elders").unwrap());
    assert!(matches!(
        refused(other),
        DecisionsError::OtherElection { .. }
    ));

    // The first elected candidate of the largest list in Beekdal dies: another takes the seat,
    // the list keeps it, and Lindeveld is untouched.
    let before = determine(
        &election,
        &Counts::per_station(&counts),
        &Decisions::none(&election.id),
    )
    .unwrap()
    .summary(&election);
    let beekdal = &before.contests[1];
    let largest = beekdal.lists.iter().max_by_key(|l| l.seats).unwrap();
    let died = largest.elected[0].position;
    let after = determine(
        &election,
        &Counts::per_station(&counts),
        &deceased(Some("BEEKDAL"), largest.number, died),
    )
    .unwrap()
    .summary(&election);
    assert_eq!(after.contests[0], before.contests[0]);
    let list = after.contests[1]
        .lists
        .iter()
        .find(|l| l.number == largest.number)
        .unwrap();
    assert_eq!(list.seats, largest.seats);
    assert!(list.elected.iter().all(|e| e.position != died));
}
