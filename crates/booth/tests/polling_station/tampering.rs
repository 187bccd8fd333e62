//! What the chain refuses: altered, replayed and foreign ballots at the ballot box, and every
//! stick problem at the main office until it is resolved.

use super::*;

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
        let path = sticks::result_file(&ceremony.election.id);
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
        let path = format!("{}ballot.json", sticks::package_dir(&ceremony.election.id));
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
        let prefix = sticks::package_dir(&ceremony.election.id);
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

/// The main office cannot be fooled by its own sticks: one mirror handed in twice (or a byte
/// copy of it in place of the other) is refused by name, and so is a stick whose identity was
/// rewritten to pass for the other mirror.
#[test]
fn the_same_stick_or_a_copy_of_it_given_twice_is_refused() {
    // Station 1's first mirror twice; the second mirror left at home.
    let problems = read_with(&[1], true, |copies, _| {
        copies[1] = booth::main_office::StickCopy {
            label: "kopie van stick A".into(),
            files: copies[0].files.clone(),
        };
    });
    assert!(
        matches!(&problems[..], [CountProblem::SameStick { station: 1, labels }] if labels.len() == 2),
        "{problems:?}"
    );
    let text = messages(&problems);
    assert!(
        text[0].contains("zijn dezelfde stick (of een kopie ervan)"),
        "{text:?}"
    );

    // The copy's identity rewritten to one the poll never named: refused as not of this poll.
    let problems = messages(&read_with(&[1], true, |copies, _| {
        let mut forged = copies[0].files.clone();
        forged.insert(
            sticks::STICK_ID.into(),
            serde_json::to_vec(&sticks::StickIdentity {
                format: sticks::STICK_ID_FORMAT.into(),
                stick: "00".repeat(16),
                mirror: 2,
            })
            .expect("json"),
        );
        copies[1].files = forged;
    }));
    assert!(
        problems[0].contains("stick.json ontbreekt of is niet een van de twee sticks"),
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
