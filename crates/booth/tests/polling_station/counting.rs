//! From the voting computers to the main office: the totals, seats and elected candidates; the
//! recount with k shares and with the paper ballots rescanned.

use super::*;

#[test]
fn votes_cast_on_voting_computers_reach_the_main_office_totals_seats_and_elected() {
    let ceremony = ceremony(lindeveld(), &[1, 2, 3]);
    let dir = tempfile::tempdir().expect("tempdir");
    let votes = votes();
    let mut sticks = Vec::new();
    for (station, cast) in &votes {
        let paths = run_poll(&ceremony, *station, cast, dir.path());
        sticks.extend(paths.iter().map(|p| read_stick(p)));
    }
    let office = ceremony.main_office(&[1, 2, 3]);
    let reading = main_office::read(&office, sticks);
    assert!(reading.problems.is_empty(), "{:?}", reading.problems);
    assert_eq!(reading.stations.len(), 3);
    for station in &reading.stations {
        assert_eq!(
            station.result.count,
            expected(&ceremony, &votes[&station.station]),
            "station {}",
            station.station
        );
        assert_eq!(station.result.cards, votes[&station.station].len() as u32);
        assert_eq!(station.labels.len(), 2);
    }
    // The main office hands the counts to the one result engine.
    let counts = main_office::counts(&reading.stations);
    let determination = determine::determine(
        &ceremony.election,
        &determine::Counts::per_station_in_contest(&counts),
        &determine::Decisions::none(&ceremony.election.id),
    )
    .expect("determined");
    let contest_result = &determination.contests[0];
    let contest = ceremony
        .election
        .contest(&contest_result.contest)
        .expect("contest");
    let totals = &contest_result.totals;
    assert_eq!(totals.cast, 61);
    assert_eq!(totals.blank, 3);
    assert_eq!(totals.valid, 58);
    assert_eq!(
        totals.lists.iter().map(|l| l.votes).collect::<Vec<_>>(),
        vec![26, 14, 5, 6, 3, 2, 0, 2]
    );
    assert_eq!(totals.lists[0].candidates[0], 4 + 7);
    assert_eq!(totals.lists[0].list_only, 15);

    // Seats and elected candidates, through the Flemish rules (Imperiali, preference votes only
    // since 2024), equal those of the known votes' totals computed without the booth.
    let result = contest_result.apportionment().expect("no lot needed");
    let seats: Vec<u32> = result.lists.iter().map(|l| l.seats).collect();
    assert_eq!(seats.iter().sum::<u32>(), 27);
    let mut known = model::totals::Totals::add_up(
        contest,
        votes
            .iter()
            .map(|(station, cast)| {
                (
                    model::ids::PollingStationNumber::new(*station).expect("number"),
                    model::count::CountForm::Flanders(expected(&ceremony, cast)),
                )
            })
            .collect::<Vec<_>>()
            .iter()
            .map(|(n, c)| (*n, c)),
    )
    .expect("known totals");
    known.polling_stations.sort();
    assert_eq!(&known, totals);
    // List 1 has the most votes and the most seats; its first elected is candidate 1 (11
    // preference votes, the most on the list).
    // Imperiali by hand: the quotients v/2, v/3, … of [26, 14, 5, 6, 3, 2, 0, 2]; the 27th
    // largest is 14/9 (list 2), the 28th 26/17 (list 1): no tie.
    assert_eq!(seats, vec![15, 8, 2, 2, 0, 0, 0, 0]);
    // Preference votes alone decide (2024), ties in list order: list 1's candidate 1 (11
    // votes) and 3 (4) first; list 2's candidate 2 (3 votes) first.
    assert_eq!(result.lists[0].elected[..3], [1, 3, 2]);
    assert_eq!(result.lists[0].elected.len(), 15);
    assert_eq!(result.lists[1].elected.first(), Some(&2));
}

#[test]
fn k_shares_decrypt_a_station_s_votes_and_they_tally_to_its_signed_result() {
    let ceremony = ceremony(lindeveld(), &[1]);
    let dir = tempfile::tempdir().expect("tempdir");
    let cast = votes()[&1].clone();
    let paths = run_poll(&ceremony, 1, &cast, dir.path());
    let office = ceremony.main_office(&[1]);
    let reading = main_office::read(&office, paths.iter().map(|p| read_stick(p)).collect());
    assert!(reading.problems.is_empty(), "{:?}", reading.problems);
    let station = &reading.stations[0];
    let ballot = model::ballot::BallotLayout::of(&ceremony.election).contests[0].clone();

    let key = seal::shares::combine(&[
        ceremony.shares[4].clone(),
        ceremony.shares[0].clone(),
        ceremony.shares[2].clone(),
    ])
    .expect("three of five");
    let found = recount::decrypt_and_count(
        &station.ballot_box,
        &ceremony.election.id,
        &key,
        &ballot,
        &station.result.count,
    )
    .expect("recount");
    assert!(found.tallies(), "{:?}", found.differences);
    assert_eq!(found.count, expected(&ceremony, &cast));

    // Two shares are not enough.
    assert!(
        seal::shares::combine(&[ceremony.shares[0].clone(), ceremony.shares[1].clone()]).is_err()
    );

    // A result that claims another count is caught by the recount.
    let mut claimed = station.result.count.clone();
    claimed.lists[0].ballots += 1;
    claimed.lists[1].ballots -= 1;
    let found = recount::decrypt_and_count(
        &station.ballot_box,
        &ceremony.election.id,
        &key,
        &ballot,
        &claimed,
    )
    .expect("recount");
    let differences: Vec<String> = found
        .differences
        .iter()
        .map(|difference| difference.text(messages::Language::Nl))
        .collect();
    assert_eq!(
        differences,
        [
            "lijst 1 stembiljetten: getekend 14, nageteld 13",
            "lijst 2 stembiljetten: getekend 7, nageteld 8"
        ]
    );
}

#[test]
fn the_paper_ballots_rescanned_tally_and_a_copied_or_foreign_ballot_is_set_apart() {
    let ceremony = ceremony(lindeveld(), &[1, 2]);
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut president, _) = ceremony.open(1, dir.path());
    let mut machine = ceremony.voting_computer(1, &mut president);
    let cast = [
        Choice::list(1),
        Choice::candidates(2, vec![1, 2]),
        Choice::Blank,
    ];
    let mut pictures = Vec::new();
    for choice in &cast {
        let card = president.activate_card(&[0]).expect("card");
        let card = machine.insert_card(&card).expect("card");
        let printed = machine.print(&card, &[(0, choice.clone())]).expect("print");
        let picture = printed.qr_png(3).expect("png");
        president.scan(&picture).expect("scan");
        pictures.push(picture);
    }
    let results = president.close("2024-10-13T16:00:00+02:00").expect("close");
    // A ballot of station 2 among the paper, and a photocopy of the first ballot.
    let (mut other, _) = ceremony.open(2, dir.path());
    let mut other_machine = ceremony.voting_computer(2, &mut other);
    let card = other.activate_card(&[0]).expect("card");
    let card = other_machine.insert_card(&card).expect("card");
    let foreign = other_machine
        .print(&card, &[(0, Choice::list(3))])
        .expect("print")
        .qr_png(3)
        .expect("png");
    pictures.push(foreign);
    pictures.push(pictures[0].clone());

    let poll = president.poll();
    let rescan = recount::rescan(
        &pictures,
        &poll.id_bytes().expect("id"),
        &poll.voting_computers,
        0,
        &president.day().lead().ballot,
        &results[0].count,
    );
    assert!(rescan.recount.tallies(), "{:?}", rescan.recount.differences);
    assert_eq!(
        rescan.refused,
        vec![
            (4, "a ballot of another polling station".to_string()),
            (5, "the same ballot twice".to_string())
        ]
    );
}

/// Two elections on one day (a municipal and a district council): one card per voter for the
/// elections that voter votes in, one ballot with a choice per election, a signed result per
/// election, and each main office counting its own election from the same sticks.
#[test]
fn a_day_with_two_elections_records_each_voter_s_elections_and_counts_them_apart() {
    let authority = seal::signing::SigningKey::generate();
    let secret = authority.secret_bytes();
    let again = || seal::signing::SigningKey::from_secret_bytes(secret.as_slice()).expect("key");
    let municipal = common::ceremony_by(again(), lindeveld(), &[1, 2]);
    let mut district = lindeveld();
    district.id = model::ElectionId::new("DR2024_Lindeveld").expect("id");
    district.name = "Districtsraadsverkiezingen Lindeveld 2024".into();
    let district = common::ceremony_by(authority, district, &[1]);

    // Packages of two different polling stations are refused together.
    let mixed = booth::Day::verify(
        &[
            municipal.packages["SB2"].clone(),
            district.packages["SB1"].clone(),
        ],
        None,
    );
    assert!(
        matches!(mixed, Err(booth::day::DayError::Mixed { index: 2, .. })),
        "{mixed:?}"
    );

    let day = booth::Day::verify(
        &[
            municipal.packages["SB1"].clone(),
            district.packages["SB1"].clone(),
        ],
        None,
    )
    .expect("day");
    assert_eq!(day.elections.len(), 2);
    let passwords = [municipal.password(1), district.password(1)];
    assert!(day.unlock(&[passwords[0].clone()]).is_err());
    assert!(
        day.unlock(&[passwords[1].clone(), passwords[0].clone()])
            .is_err()
    );
    let keys = day.unlock(&passwords).expect("unlock");
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = [dir.path().join("a"), dir.path().join("b")];
    let sticks = sticks::Sticks::new(&paths[0], &paths[1]).expect("sticks");
    let mut president = booth::PresidentMachine::open(
        day,
        keys,
        &passwords[0],
        sticks,
        "2024-10-13T08:00:00+02:00",
    )
    .expect("open");
    let (mut machine, _) = president.enrol_voting_computer().expect("enrolled");

    // A voter of both councils.
    let card = president.activate_card(&[0, 1]).expect("card");
    let card = machine.insert_card(&card).expect("card");
    assert!(matches!(
        machine.print(&card, &[(0, Choice::list(1))]),
        Err(booth::voting_computer::VotingError::WrongElections)
    ));
    let printed = machine
        .print(
            &card,
            &[(0, Choice::list(1)), (1, Choice::candidates(2, vec![3]))],
        )
        .expect("print");
    assert_eq!(printed.text.len(), 2);
    president
        .scan(&printed.qr_png(3).expect("png"))
        .expect("scan");
    // A voter of the municipal council only (an EU citizen).
    let card = president.activate_card(&[0]).expect("card");
    let card = machine.insert_card(&card).expect("card");
    assert!(matches!(
        machine.print(&card, &[(0, Choice::Blank), (1, Choice::Blank)]),
        Err(booth::voting_computer::VotingError::WrongElections)
    ));
    let printed = machine.print(&card, &[(0, Choice::Blank)]).expect("print");
    president
        .scan(&printed.qr_png(3).expect("png"))
        .expect("scan");
    let results = president.close("2024-10-13T16:00:00+02:00").expect("close");
    assert_eq!(
        results
            .iter()
            .map(|r| (r.cards, r.count.ballots_total))
            .collect::<Vec<_>>(),
        vec![(2, 2), (1, 1)]
    );
    let signatures = std::fs::read_to_string(paths[0].join(sticks::POLL_SIGNATURES)).expect("sig");
    assert_eq!(signatures.lines().count(), 2);

    for (ceremony, ballots, blank) in [(&municipal, 2, 1), (&district, 1, 0)] {
        let reading = main_office::read(
            &ceremony.main_office(&[1]),
            paths.iter().map(|p| read_stick(p)).collect(),
        );
        assert!(reading.problems.is_empty(), "{:?}", reading.problems);
        let count = &reading.stations[0].result.count;
        assert_eq!((count.ballots_total, count.blank), (ballots, blank));
    }
}
