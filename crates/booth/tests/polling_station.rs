//! End to end through the library's machines: a ceremony for Lindeveld, three polling stations
//! where known votes are cast on voting computers, printed as pictures and scanned by the ballot
//! box, the sticks read by the main office, totals, seats and elected candidates; then every way
//! the chain must refuse tampering, the recount with k of n shares, and the secrecy of the order.

mod common;

use std::collections::BTreeMap;

use booth::choice::{Choice, decode_record, record_len};
use booth::main_office::{self, CountProblem};
use booth::president::ScanError;
use booth::recount;
use booth::sticks;
use common::{Ceremony, ceremony, lindeveld, read_stick, run_poll};
use model::count::FlandersCount;

/// The known votes of three polling stations (lists 1–8 of Lindeveld).
fn votes() -> BTreeMap<u32, Vec<Choice>> {
    let mut votes = BTreeMap::new();
    votes.insert(
        1,
        [
            vec![Choice::list(1); 9],
            vec![Choice::candidates(1, vec![1, 3]); 4],
            vec![Choice::list(2); 5],
            vec![Choice::candidates(2, vec![2]); 3],
            vec![Choice::candidates(4, vec![1, 2, 5]); 2],
            vec![Choice::Blank; 2],
        ]
        .concat(),
    );
    votes.insert(
        2,
        [
            vec![Choice::list(1); 6],
            vec![Choice::candidates(3, vec![4]); 5],
            vec![Choice::list(4); 4],
            vec![Choice::candidates(8, vec![9]); 2],
            vec![Choice::Blank],
        ]
        .concat(),
    );
    votes.insert(
        3,
        [
            vec![Choice::candidates(1, vec![1]); 7],
            vec![Choice::list(2); 6],
            vec![Choice::candidates(5, vec![1, 2]); 3],
            vec![Choice::list(6); 2],
        ]
        .concat(),
    );
    votes
}

/// The expected count of a station, tallied here by hand rules, not by the booth.
fn expected(ceremony: &Ceremony, votes: &[Choice]) -> FlandersCount {
    let contest = &ceremony.election.contests[0];
    let mut count = FlandersCount {
        ballots_total: votes.len() as u32,
        blank: 0,
        invalid: 0,
        lists: contest
            .lists
            .iter()
            .map(|l| model::count::FlandersListVotes {
                ballots: 0,
                list_only: 0,
                preferences: vec![0; l.candidates.len()],
            })
            .collect(),
    };
    for vote in votes {
        match vote {
            Choice::Blank => count.blank += 1,
            Choice::List { list, candidates } => {
                let entry = &mut count.lists[*list as usize - 1];
                entry.ballots += 1;
                if candidates.is_empty() {
                    entry.list_only += 1;
                }
                for position in candidates {
                    entry.preferences[*position as usize - 1] += 1;
                }
            }
        }
    }
    count
}

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
        &determine::Counts::PerStation(
            counts
                .iter()
                .map(|(station, contest, count)| determine::StationCount {
                    station: *station,
                    contest: Some(contest),
                    count,
                })
                .collect(),
        ),
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
        ceremony.election.id.as_str(),
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
        ceremony.election.id.as_str(),
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

#[test]
fn the_ballot_box_refuses_altered_replayed_and_foreign_ballots_and_records_nothing() {
    let ceremony = ceremony(lindeveld(), &[1, 2]);
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut president, paths) = ceremony.open(1, dir.path());
    let mut machine = ceremony.voting_computer(1, &mut president);
    let card = president.activate_card(&[0]).expect("card");
    let card = machine.insert_card(&card).expect("card");
    let printed = machine
        .print(&card, &[(0, Choice::candidates(1, vec![2]))])
        .expect("print");
    // The card is used up.
    assert!(machine.print(&card, &[(0, Choice::Blank)]).is_err());

    // An altered code: the choice changed to list 2 (same length), drawn as a new picture.
    let mut altered = printed.code.clone();
    let at = 3 + 16 + 16 + 1 + 1 + 1 + 1;
    assert_eq!(altered[at..at + 2], [0, 1], "the list number's position");
    altered[at + 1] = 2;
    let before = std::fs::read(paths[0].join(sticks::BALLOT_BOX)).expect("box");
    let refused = president.scan(&booth::qr::png(&altered, 3).expect("png"));
    assert!(
        matches!(
            refused,
            Err(ScanError::Ballot(booth::ballot::BallotError::BadSignature(
                1
            )))
        ),
        "{refused:?}"
    );
    assert_eq!(
        refused.map_err(|e| e.to_string()).unwrap_err(),
        "the ballot's signature does not match: the code was altered or not printed by voting computer 1 of this polling station"
    );
    // Nothing was recorded.
    assert_eq!(
        std::fs::read(paths[0].join(sticks::BALLOT_BOX)).expect("box"),
        before
    );

    // The real ballot once, then again (a copy).
    let picture = printed.qr_png(3).expect("png");
    assert_eq!(president.scan(&picture).expect("recorded").ballots, 1);
    assert!(matches!(president.scan(&picture), Err(ScanError::Replayed)));

    // A ballot printed at polling station 2.
    let (mut other, _) = ceremony.open(2, dir.path());
    let mut other_machine = ceremony.voting_computer(2, &mut other);
    let card = other.activate_card(&[0]).expect("card");
    let card = other_machine.insert_card(&card).expect("card");
    let foreign = other_machine
        .print(&card, &[(0, Choice::list(1))])
        .expect("print");
    assert!(matches!(
        president.scan(&foreign.qr_png(3).expect("png")),
        Err(ScanError::OtherPoll)
    ));
    // A card of station 2 on station 1's voting computer.
    let card = other.activate_card(&[0]).expect("card");
    assert!(machine.insert_card(&card).is_err());
    // A picture without a code.
    assert!(matches!(
        president.scan(b"\x89PNG nonsense"),
        Err(ScanError::Picture(_))
    ));
    assert_eq!(president.tally().ballots, 1);
}

/// Three stations run and read; `tamper` changes the copies before the main office reads them.
fn read_with(
    stations: &[u32],
    close: bool,
    tamper: impl FnOnce(&mut Vec<booth::main_office::StickCopy>, &Ceremony),
) -> Vec<CountProblem> {
    let ceremony = ceremony(lindeveld(), stations);
    let dir = tempfile::tempdir().expect("tempdir");
    let mut copies = Vec::new();
    for station in stations {
        let cast = vec![
            Choice::list(1),
            Choice::candidates(2, vec![1]),
            Choice::Blank,
        ];
        let paths = if close || *station != 2 {
            run_poll(&ceremony, *station, &cast, dir.path())
        } else {
            ceremony.open(*station, dir.path()).1
        };
        copies.extend(paths.iter().map(|p| read_stick(p)));
    }
    tamper(&mut copies, &ceremony);
    main_office::read(&ceremony.main_office(stations), copies).problems
}

fn messages(problems: &[CountProblem]) -> Vec<String> {
    problems
        .iter()
        .map(|problem| problem.message().text(messages::Language::Nl))
        .collect()
}

#[test]
fn the_main_office_refuses_to_total_until_each_stick_problem_is_resolved() {
    // Nothing wrong: nothing to resolve.
    assert_eq!(read_with(&[1, 2], true, |_, _| {}), vec![]);

    // An unclosed stick (both mirrors of station 2).
    let problems = messages(&read_with(&[1, 2], false, |_, _| {}));
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        problems[0]
            .ends_with("stembureau 2: de stemming is niet afgesloten (geen resultaat op de stick)")
    );

    // A changed byte in the ballot box after closing, on one mirror.
    let problems = messages(&read_with(&[1, 2], true, |copies, _| {
        let bytes = copies[0].files.get_mut(sticks::BALLOT_BOX).expect("box");
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
    }));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].contains("ballot-box.bin is gewijzigd na het afsluiten"),
        "{problems:?}"
    );
    assert!(
        problems[1].contains("stembureau 1: alleen stick"),
        "{problems:?}"
    );

    // A changed byte in the signed result.
    let problems = messages(&read_with(&[1, 2], true, |copies, ceremony| {
        let path = sticks::result_file(ceremony.election.id.as_str());
        let bytes = copies[1].files.get_mut(&path).expect("result");
        let at = bytes.iter().position(|b| *b == b'3').expect("a digit");
        bytes[at] = b'4';
    }));
    assert!(
        problems[0].contains("de handtekening van het resultaat klopt niet"),
        "{problems:?}"
    );

    // A changed byte in the package on the stick.
    let problems = messages(&read_with(&[1, 2], true, |copies, ceremony| {
        let path = format!(
            "{}ballot.json",
            sticks::package_dir(ceremony.election.id.as_str())
        );
        copies[2].files.get_mut(&path).expect("ballot.json")[10] ^= 1;
    }));
    assert!(
        problems[0].contains("pakket geweigerd: bestand ballot.json is gewijzigd"),
        "{problems:?}"
    );

    // Mirrors that differ: each copy passes its checks, but one holds a file the other lacks.
    let problems = messages(&read_with(&[1, 2], true, |copies, _| {
        copies[3]
            .files
            .insert("extra.txt".into(), b"planted".to_vec());
    }));
    assert_eq!(
        problems,
        vec![
            format!(
                "stembureau 2: de twee sticks ({}, {}) verschillen in extra.txt",
                "{a}", "{b}"
            )
            .replace("{a}", &problems_label(&problems, 0))
            .replace("{b}", &problems_label(&problems, 1))
        ]
    );

    // A missing station, and a stick of another election.
    let problems = messages(&read_with(&[1, 2], true, |copies, _| {
        copies.truncate(2);
        let stranger = ceremony(renamed(lindeveld(), "GR2024_Elders"), &[2]);
        let dir = tempfile::tempdir().expect("tempdir");
        let paths = run_poll(&stranger, 2, &[Choice::Blank], dir.path());
        copies.push(read_stick(&paths[0]));
    }));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].ends_with("stick van een andere verkiezing (GR2024_Elders)"),
        "{problems:?}"
    );
    assert_eq!(problems[1], "stembureau 2: geen stick ingelezen");

    // Station 1's stick carrying station 2's package (the stick of another polling station).
    let problems = messages(&read_with(&[1, 2], true, |copies, ceremony| {
        let prefix = sticks::package_dir(ceremony.election.id.as_str());
        let theirs: Vec<(String, Vec<u8>)> = copies[2]
            .files
            .iter()
            .filter(|(p, _)| p.starts_with(&prefix))
            .map(|(p, b)| (p.clone(), b.clone()))
            .collect();
        copies[0].files.extend(theirs);
    }));
    assert!(
        problems[0].contains("de handtekening van poll.json klopt niet"),
        "{problems:?}"
    );

    // Two different polls for one station (a second poll opened on new sticks).
    let problems = read_with(&[1], true, |copies, ceremony| {
        let dir = tempfile::tempdir().expect("tempdir");
        let again = run_poll(ceremony, 1, &[Choice::Blank], dir.path());
        copies.extend(again.iter().map(|p| read_stick(p)));
    });
    assert!(
        matches!(problems[..], [CountProblem::Duplicate { station: 1, .. }]),
        "{problems:?}"
    );
}

fn problems_label(problems: &[String], index: usize) -> String {
    // The labels are temporary paths: read them back from the message itself.
    let inner = problems[0]
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(labels, _)| labels.to_string())
        .unwrap_or_default();
    inner.split(", ").nth(index).unwrap_or_default().to_string()
}

fn renamed(mut election: model::Election, id: &str) -> model::Election {
    election.id = model::ElectionId::new(id).expect("id");
    election
}

#[test]
fn stored_votes_carry_the_choice_only_in_one_size() {
    let ceremony = ceremony(lindeveld(), &[1]);
    let dir = tempfile::tempdir().expect("tempdir");
    let cast = votes()[&1].clone();
    let paths = run_poll(&ceremony, 1, &cast, dir.path());
    let bytes = std::fs::read(paths[0].join(sticks::BALLOT_BOX)).expect("box");
    let ballot_box = booth::ballot_box::BallotBox::from_bytes(&bytes).expect("box");
    let ballot = model::ballot::BallotLayout::of(&ceremony.election).contests[0].clone();
    let records = ballot_box
        .records(ceremony.election.id.as_str())
        .expect("records");
    assert_eq!(records.len(), cast.len());
    // (The encrypted records vary in size at random: age adds "grease" stanzas of random length
    // to every header; the size says nothing about the vote, whose plain text has one size.)
    let mut decrypted = Vec::new();
    for record in records {
        let plain = ceremony.election_key.decrypt(record).expect("decrypt");
        // The plain text is the fixed-size choice and nothing else: no time, no number.
        assert_eq!(plain.len(), record_len(&ballot));
        decrypted.push(decode_record(&plain, &ballot).expect("a vote"));
    }
    let mut sorted_cast = cast.clone();
    sorted_cast.sort_by_key(|c| format!("{c:?}"));
    decrypted.sort_by_key(|c| format!("{c:?}"));
    assert_eq!(decrypted, sorted_cast);
    // No file on the stick but the poll record and the results names a time of day.
    for (path, bytes) in
        seal::stick::read(&seal::stick::Target::Directory(paths[0].clone())).expect("read")
    {
        if path.starts_with("packages/") || path == sticks::POLL || path.starts_with("results/") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("2024-10-13"), "{path} carries a date");
    }
}

/// The order in which votes are stored is independent of the order in which they were cast:
/// over many polls of six votes cast in a fixed order, each cast position lands on each stored
/// position equally often (chi-square test of the 6×6 table, 25 degrees of freedom).
#[test]
fn the_stored_order_of_votes_is_independent_of_the_order_of_casting() {
    use booth::ballot_box::{BallotBox, seen_hash};
    const VOTES: usize = 6;
    const POLLS: usize = 3000;
    let mut table = [[0u32; VOTES]; VOTES];
    for _ in 0..POLLS {
        let mut ballot_box = BallotBox::new([1; 16], &["E".into()], Vec::new());
        for cast in 0..VOTES {
            ballot_box.record(
                seen_hash(&[1; 16], &[cast as u8; 16]),
                vec![(0, vec![cast as u8])],
                Vec::new(),
            );
        }
        let stored = ballot_box.records("E").expect("records");
        for (position, record) in stored.iter().enumerate() {
            table[usize::from(record[0])][position] += 1;
        }
    }
    let expected = POLLS as f64 / VOTES as f64;
    let chi_square: f64 = table
        .iter()
        .flatten()
        .map(|observed| (f64::from(*observed) - expected).powi(2) / expected)
        .sum();
    // The 1-in-a-million critical value of chi-square with 25 degrees of freedom is about 76.
    assert!(chi_square < 76.0, "chi-square {chi_square:.1}: {table:?}");
    // Storing in the order of casting would give a diagonal table and a huge statistic; the
    // ballot ids are kept apart, sorted by hash, not in casting order either.
}

/// A power cut between the writes to the two sticks: resuming takes the later stick and mends
/// the other; a larger difference stops the machine for the chair to decide.
#[test]
fn a_poll_resumes_after_a_power_cut_between_the_two_sticks() {
    let ceremony = ceremony(lindeveld(), &[1]);
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut president, paths) = ceremony.open(1, dir.path());
    let mut machine = ceremony.voting_computer(1, &mut president);
    let cast = |president: &mut booth::PresidentMachine,
                machine: &mut booth::VotingComputer,
                choice: Choice| {
        let card = president.activate_card(&[0]).expect("card");
        let card = machine.insert_card(&card).expect("card");
        let code = machine.print(&card, &[(0, choice)]).expect("print").code;
        president.record(&code).expect("recorded");
    };
    cast(&mut president, &mut machine, Choice::list(1));
    let box_b = paths[1].join(sticks::BALLOT_BOX);
    let card = president.activate_card(&[0]).expect("card");
    let earlier = std::fs::read(&box_b).expect("box");
    let card = machine.insert_card(&card).expect("card");
    let code = machine
        .print(&card, &[(0, Choice::list(2))])
        .expect("print")
        .code;
    president.record(&code).expect("recorded");
    drop(president);
    // The second ballot reached stick A only; on B the power cut left a half-written file.
    std::fs::write(&box_b, &earlier).expect("write");
    let leftover = paths[1].join("ballot-box.partial");
    std::fs::write(&leftover, &earlier[..100]).expect("write");

    let resume = || {
        let day = ceremony.day(1);
        let password = ceremony.password(1);
        let keys = day.unlock(std::slice::from_ref(&password)).expect("unlock");
        let sticks = sticks::Sticks::new(&paths[0], &paths[1]).expect("sticks");
        booth::PresidentMachine::resume(day, keys, &password, sticks)
    };
    let resumed = resume().expect("resumed");
    assert_eq!(resumed.tally().ballots, 2);
    assert!(!leftover.exists(), "the half-written file is removed");
    assert_eq!(
        std::fs::read(&box_b).expect("box"),
        std::fs::read(paths[0].join(sticks::BALLOT_BOX)).expect("box")
    );
    drop(resumed);

    // Stick B two steps behind (a card and a ballot): not mended automatically.
    let (mut president, _) = (resume().expect("resumed"), ());
    let before = std::fs::read(&box_b).expect("box");
    cast(&mut president, &mut machine, Choice::Blank);
    drop(president);
    std::fs::write(&box_b, &before).expect("write");
    assert!(matches!(
        resume(),
        Err(booth::president::PresidentError::MirrorsDiffer(_))
    ));

    // A power cut while closing: the result reached stick A only; resuming completes stick B and
    // the poll stays closed.
    std::fs::write(
        &box_b,
        std::fs::read(paths[0].join(sticks::BALLOT_BOX)).expect("box"),
    )
    .expect("write");
    let mut president = resume().expect("resumed");
    president.close("2024-10-13T16:00:00+02:00").expect("close");
    drop(president);
    let id = ceremony.election.id.to_string();
    std::fs::remove_file(paths[1].join(sticks::result_file(&id))).expect("remove");
    let resumed = resume().expect("resumed");
    assert!(resumed.is_closed());
    assert_eq!(
        std::fs::read(paths[1].join(sticks::result_file(&id))).expect("result on B"),
        std::fs::read(paths[0].join(sticks::result_file(&id))).expect("result on A")
    );
    drop(resumed);

    // A wrong password does not open the poll key.
    let day = ceremony.day(1);
    let keys = day
        .unlock(std::slice::from_ref(&ceremony.password(1)))
        .expect("unlock");
    let sticks = sticks::Sticks::new(&paths[0], &paths[1]).expect("sticks");
    assert!(matches!(
        booth::PresidentMachine::resume(day, keys, "wrong", sticks),
        Err(booth::president::PresidentError::WrongPassword)
    ));
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

/// The same independence through the whole machine: polls run by the president machine (on
/// in-memory sticks), ballots from a voting computer, the stored box decrypted with the election
/// key; the cast position of each vote against its stored position (chi-square, 4×4 table,
/// 9 degrees of freedom).
#[test]
fn through_the_president_machine_the_stored_order_is_independent_of_casting() {
    const VOTES: usize = 4;
    const POLLS: usize = 160;
    let ceremony = ceremony(lindeveld(), &[1]);
    let day = ceremony.day(1);
    let password = ceremony.password(1);
    let keys = day.unlock(std::slice::from_ref(&password)).expect("unlock");
    let ballot = day.lead().ballot.clone();
    let mut table = [[0u32; VOTES]; VOTES];
    for _ in 0..POLLS {
        let copies = keys
            .iter()
            .map(|k| seal::signing::SigningKey::from_secret_bytes(k.secret_bytes().as_slice()))
            .collect::<Result<Vec<_>, _>>()
            .expect("keys");
        let mut president = booth::PresidentMachine::open(
            day.clone(),
            copies,
            &password,
            sticks::Sticks::in_memory(),
            "2024-10-13T08:00:00+02:00",
        )
        .expect("open");
        let (mut machine, _) = president.enrol_voting_computer().expect("enrolled");
        // Vote `cast` is for list `cast + 1`.
        for cast in 0..VOTES {
            let card = president.activate_card(&[0]).expect("card");
            let card = machine.insert_card(&card).expect("card");
            let code = machine
                .print(&card, &[(0, Choice::list(cast as u32 + 1))])
                .expect("print")
                .code;
            president.record(&code).expect("recorded");
        }
        let dir = tempfile::tempdir().expect("tempdir");
        president
            .export(&dir.path().join("a"), &dir.path().join("b"))
            .expect("export");
        let bytes = std::fs::read(dir.path().join("a").join(sticks::BALLOT_BOX)).expect("box");
        let stored = booth::ballot_box::BallotBox::from_bytes(&bytes).expect("box");
        let records = stored
            .records(ceremony.election.id.as_str())
            .expect("records");
        for (position, record) in records.iter().enumerate() {
            let plain = ceremony.election_key.decrypt(record).expect("decrypt");
            let Choice::List { list, .. } = decode_record(&plain, &ballot).expect("vote") else {
                panic!("a blank vote was never cast");
            };
            table[list as usize - 1][position] += 1;
        }
    }
    let expected = POLLS as f64 / VOTES as f64;
    let chi_square: f64 = table
        .iter()
        .flatten()
        .map(|observed| (f64::from(*observed) - expected).powi(2) / expected)
        .sum();
    // The 1-in-a-million critical value of chi-square with 9 degrees of freedom is about 41.
    assert!(chi_square < 41.0, "chi-square {chi_square:.1}: {table:?}");
}
