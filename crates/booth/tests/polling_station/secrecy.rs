//! The secrecy of the vote: one size for every stored vote, a stored order independent of the
//! order of casting; and a poll that resumes after a power cut.

use super::*;

#[test]
fn stored_votes_carry_the_choice_only_in_one_size() {
    let ceremony = ceremony(lindeveld(), &[1]);
    let dir = tempfile::tempdir().expect("tempdir");
    let cast = votes()[&1].clone();
    let paths = run_poll(&ceremony, 1, &cast, dir.path());
    let bytes = std::fs::read(paths[0].join(sticks::BALLOT_BOX)).expect("box");
    let ballot_box = booth::ballot_box::BallotBox::from_bytes(&bytes).expect("box");
    let ballot = model::ballot::BallotLayout::of(&ceremony.election).contests[0].clone();
    let records = ballot_box.records(&ceremony.election.id).expect("records");
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
        let mut ballot_box = BallotBox::new([1; 16], &["E".parse().unwrap()], Vec::new());
        for cast in 0..VOTES {
            ballot_box.record(
                seen_hash(&[1; 16], &[cast as u8; 16]),
                vec![(0, vec![cast as u8])],
                Vec::new(),
            );
        }
        let stored = ballot_box.records(&"E".parse().unwrap()).expect("records");
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
    let id = ceremony.election.id.clone();
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
        let records = stored.records(&ceremony.election.id).expect("records");
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
