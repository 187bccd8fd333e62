//! Nothing a Flemish polling station writes gives away the order in which its voters voted.
//!
//! Twenty voters vote, each for a different candidate, in a known order, through the real
//! binary. Then everything the station wrote is read as an attacker with the folder would: the
//! printed ballots' names, modification and access times, change times, inode numbers and the
//! order the directory lists them; the files on the sticks and beside them. For each ordering
//! the rank correlation (Kendall's τ) with the order of voting is tested: under independence τ
//! has standard deviation 0.16 for twenty votes, so |τ| ≥ 0.65 (four standard deviations) is a
//! leak, and a leak that follows the order of voting gives |τ| = 1. (The ballot box's stored
//! order is tested over thousands of polls in `booth/tests/polling_station/secrecy.rs`.)

use std::os::unix::fs::MetadataExt;

use super::kiosk::{Lindeveld, lindeveld_ceremony};
use super::*;

const VOTERS: usize = 20;

/// Kendall's τ between the order of voting (0, 1, …) and `keys[i]`, the key of the ballot cast
/// `i`-th; ties count as neither concordant nor discordant.
fn kendall_tau<K: Ord>(keys: &[K]) -> f64 {
    let n = keys.len();
    let mut score = 0i64;
    for i in 0..n {
        for j in i + 1..n {
            score += match keys[i].cmp(&keys[j]) {
                std::cmp::Ordering::Less => 1,
                std::cmp::Ordering::Greater => -1,
                std::cmp::Ordering::Equal => 0,
            };
        }
    }
    score as f64 / (n * (n - 1) / 2) as f64
}

/// The names of list 1's first `VOTERS` candidates, as the ballot prints them.
fn candidate_names() -> Vec<String> {
    let definition: serde_json::Value =
        serde_json::from_slice(&fixture("flanders/GR2024_Lindeveld.json")).unwrap();
    definition["lists"][0]["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .take(VOTERS)
        .map(|c| {
            format!(
                "{} {}",
                c["first_name"].as_str().unwrap(),
                c["last_name"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn nothing_a_polling_station_writes_gives_the_order_of_voting() {
    let dir = tempfile::tempdir().unwrap();
    let Lindeveld {
        ceremony, sheets, ..
    } = lindeveld_ceremony(dir.path());
    let sticks = [dir.path().join("stick-a"), dir.path().join("stick-b")];
    let out = dir.path().join("out");
    // Voter i votes for list 1's candidate i + 1; then the chair closes the poll.
    let mut input = format!("GR2024_Lindeveld-SB1\n{}\n", sheet_password(&sheets, 1));
    for voter in 0..VOTERS {
        input.push_str(&format!("1\n1\n{}\n1\n", voter + 1));
    }
    input.push_str("3\n1\n");
    let poll = run_with_input(
        Command::new(env!("CARGO_BIN_EXE_urna"))
            .args(["booth", "run", "--package"])
            .arg(ceremony.join("packages/SB1"))
            .arg("--authority-key")
            .arg(ceremony.join("authority.pub"))
            .arg("--stick")
            .arg(&sticks[0])
            .arg("--stick")
            .arg(&sticks[1])
            .arg("--out")
            .arg(&out),
        &input,
    );
    assert!(poll.status.success(), "{}", text(&poll.stderr));
    assert!(
        text(&poll.stdout).contains(&format!("{VOTERS} stembiljetten")),
        "{}",
        text(&poll.stdout)
    );

    // What the folder says before anyone opens a file (reading changes access times).
    let ballots = out.join("stembiljetten");
    let listed: Vec<(String, std::fs::Metadata)> = std::fs::read_dir(&ballots)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            (
                entry.file_name().into_string().unwrap(),
                entry.metadata().unwrap(),
            )
        })
        .collect();
    assert_eq!(listed.len(), 2 * VOTERS, "a PDF and a picture per ballot");
    // One modification and one access time for every file.
    let modified: std::collections::BTreeSet<_> =
        listed.iter().map(|(_, m)| m.modified().unwrap()).collect();
    let accessed: std::collections::BTreeSet<_> =
        listed.iter().map(|(_, m)| m.accessed().unwrap()).collect();
    assert_eq!(modified.len(), 1, "modification times: {modified:?}");
    assert_eq!(accessed.len(), 1, "access times: {accessed:?}");

    // Which voter each printed PDF is, from what it prints.
    let names = candidate_names();
    assert_eq!(
        names
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        VOTERS
    );
    let mut by_voter: Vec<Option<(usize, String, u64, i64)>> = vec![None; VOTERS];
    for (position, (name, metadata)) in listed.iter().enumerate() {
        if !name.ends_with(".pdf") {
            continue;
        }
        // No creation date: a ballot does not tell when it was printed.
        let pdf = std::fs::read(ballots.join(name)).unwrap();
        assert!(
            !pdf.windows(b"CreationDate".len())
                .any(|w| w == b"CreationDate"),
            "{name} carries a creation date"
        );
        let printed = pdf_text(&ballots.join(name));
        let voter = names
            .iter()
            .position(|candidate| printed.contains(candidate.as_str()))
            .unwrap_or_else(|| panic!("{name} prints no candidate: {printed}"));
        assert!(by_voter[voter].is_none(), "two ballots for voter {voter}");
        by_voter[voter] = Some((
            position,
            name.clone(),
            metadata.ino(),
            metadata.ctime() * 1_000_000_000 + metadata.ctime_nsec(),
        ));
    }
    let by_voter: Vec<_> = by_voter.into_iter().map(Option::unwrap).collect();
    for (what, tau) in [
        (
            "directory order",
            kendall_tau(&by_voter.iter().map(|b| b.0).collect::<Vec<_>>()),
        ),
        (
            "file name",
            kendall_tau(&by_voter.iter().map(|b| b.1.clone()).collect::<Vec<_>>()),
        ),
        (
            "inode number",
            kendall_tau(&by_voter.iter().map(|b| b.2).collect::<Vec<_>>()),
        ),
        (
            "change time",
            kendall_tau(&by_voter.iter().map(|b| b.3).collect::<Vec<_>>()),
        ),
    ] {
        assert!(
            tau.abs() < 0.65,
            "{what} follows the order of voting: τ = {tau}"
        );
    }

    // Nothing else was written: no log, no per-vote file on the sticks or beside them.
    let mut beside: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    beside.sort();
    assert_eq!(
        beside,
        ["proces-verbaal-SB1-GR2024_Lindeveld.pdf", "stembiljetten"]
    );
    for stick in &sticks {
        let files = seal::stick::read(&seal::stick::Target::Directory(stick.clone())).unwrap();
        let per_vote: Vec<_> = files
            .keys()
            .filter(|path| !path.starts_with("packages/"))
            .collect();
        assert!(
            per_vote.len() < VOTERS / 2,
            "a file per vote on the stick? {per_vote:?}"
        );
    }
}
