//! A ceremony for the Lindeveld test election (its real package format), polling stations run
//! through the library's machines, and their sticks read back: shared by the tests and the bench.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use booth::choice::Choice;
use booth::main_office::{MainOffice, StickCopy};
use booth::sticks::{self, Sticks};
use booth::{Day, PresidentMachine, VotingComputer};
use model::Election;
use seal::ceremony::{Common, Credential, files, prepare_offices};
use seal::lock::ElectionKey;
use seal::package::{ElectionRef, Office};
use seal::shares::{Share, split};
use seal::signing::SigningKey;

pub const CREATED: &str = "2024-10-01T09:00:00Z";

/// A finished ceremony.
pub struct Ceremony {
    pub election: Election,
    pub authority: SigningKey,
    pub election_key: ElectionKey,
    pub shares: Vec<Share>,
    /// Packages by office code (`SB1`, …, `HSB`).
    pub packages: BTreeMap<String, BTreeMap<String, Vec<u8>>>,
    pub credentials: BTreeMap<String, Credential>,
}

pub fn lindeveld() -> Election {
    flanders::read_definition(
        "GR2024_Lindeveld.json",
        &testkit::fixture("flanders/GR2024_Lindeveld.json"),
    )
    .expect("the Lindeveld definition")
}

/// The ceremony for `stations` of `election` and its main office; the key split 3 of 5.
pub fn ceremony(election: Election, stations: &[u32]) -> Ceremony {
    ceremony_by(SigningKey::generate(), election, stations)
}

/// The same, signed by `authority` (one authority prepares every election of a day).
pub fn ceremony_by(authority: SigningKey, election: Election, stations: &[u32]) -> Ceremony {
    let election_key = ElectionKey::generate();
    let reference = ElectionRef {
        id: election.id.clone(),
        name: election.name.clone(),
    };
    let holders: Vec<String> = ["Anne", "Bram", "Chris", "Dina", "Eddy"]
        .iter()
        .map(ToString::to_string)
        .collect();
    let shares = split(&election_key, &reference.id, &holders, 3).expect("split");
    let mut definition = serde_json::to_vec_pretty(&election).expect("json");
    definition.push(b'\n');
    let ballot =
        serde_json::to_vec_pretty(&model::ballot::BallotLayout::of(&election)).expect("json");
    let common = Common {
        election: reference,
        files: BTreeMap::from([
            (files::ELECTION.to_string(), definition),
            (files::BALLOT.to_string(), ballot),
        ]),
        election_key: election_key.public(),
    };
    let offices: Vec<Office> = stations
        .iter()
        .map(|number| Office::PollingStation {
            number: *number,
            name: format!("Stembureau {number}"),
        })
        .chain(std::iter::once(Office::MainOffice {
            name: "Hoofdbureau".into(),
        }))
        .collect();
    let prepared = prepare_offices(&common, offices, &authority, CREATED).expect("packages");
    let mut packages = BTreeMap::new();
    let mut credentials = BTreeMap::new();
    for office in prepared {
        let code = office.credential.office.code().to_string();
        packages.insert(code.clone(), office.package.entries());
        credentials.insert(code, office.credential);
    }
    Ceremony {
        election,
        authority,
        election_key,
        shares,
        packages,
        credentials,
    }
}

impl Ceremony {
    pub fn day(&self, station: u32) -> Day {
        Day::verify(&[self.packages[&format!("SB{station}")].clone()], None).expect("day")
    }

    pub fn password(&self, station: u32) -> String {
        self.credentials[&format!("SB{station}")].password.clone()
    }

    /// The president machine of `station`, opened on two new sticks under `root`.
    pub fn open(&self, station: u32, root: &Path) -> (PresidentMachine, [PathBuf; 2]) {
        let day = self.day(station);
        let password = self.password(station);
        let keys = day.unlock(std::slice::from_ref(&password)).expect("unlock");
        let paths = [
            root.join(format!("sb{station}-a")),
            root.join(format!("sb{station}-b")),
        ];
        let sticks = Sticks::new(&paths[0], &paths[1]).expect("sticks");
        let president =
            PresidentMachine::open(day, keys, &password, sticks, "2024-10-13T08:00:00+02:00")
                .expect("open");
        (president, paths)
    }

    /// A voting computer of `station`, enrolled by `president`.
    pub fn voting_computer(
        &self,
        station: u32,
        president: &mut PresidentMachine,
    ) -> VotingComputer {
        let (machine, _) = president.enrol_voting_computer().expect("enrolled");
        assert_eq!(machine.day().station, station);
        machine
    }

    pub fn main_office(&self, stations: &[u32]) -> MainOffice {
        let mut office = MainOffice::from_package(&self.packages["HSB"], &self.authority.public())
            .expect("main office");
        office.stations = stations.to_vec();
        office
    }
}

/// Runs a whole poll: every vote cast through a voting computer, its ballot printed as a
/// picture and scanned by the ballot box; then closed. Returns the sticks.
pub fn run_poll(ceremony: &Ceremony, station: u32, votes: &[Choice], root: &Path) -> [PathBuf; 2] {
    let (mut president, paths) = ceremony.open(station, root);
    let mut machines = [
        ceremony.voting_computer(station, &mut president),
        ceremony.voting_computer(station, &mut president),
    ];
    for (index, choice) in votes.iter().enumerate() {
        let card = president.activate_card(&[0]).expect("card");
        let machine = &mut machines[index % 2];
        let card = machine.insert_card(&card).expect("card accepted");
        let printed = machine
            .print(&card, &[(0, choice.clone())])
            .expect("printed");
        let picture = printed.qr_png(3).expect("picture");
        president.scan(&picture).expect("recorded");
    }
    president.close("2024-10-13T16:00:00+02:00").expect("close");
    paths
}

/// Reads a stick directory as the main office does.
pub fn read_stick(path: &Path) -> StickCopy {
    StickCopy {
        label: path.display().to_string(),
        files: seal::stick::read(&seal::stick::Target::Directory(path.to_path_buf()))
            .expect("read stick"),
    }
}

/// The poll signature lines on a stick.
pub fn poll_signature(path: &Path) -> String {
    std::fs::read_to_string(path.join(sticks::POLL_SIGNATURES))
        .expect("poll.sig")
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}
