//! The main office (hoofdbureau) reads the sticks of its polling stations: every copy checked
//! against the authority's key, the election and the station's own keys, the two mirrors of a
//! station compared, and the set of stations compared with the election's. Only when nothing is
//! wrong are the signed results handed to the result engine (`determine`, through [`counts`]).
//!
//! Each check names the stick (its path) and says what is wrong, in Dutch and English, so the
//! main office can resolve it: fetch the missing stick, have the chair close an unclosed one, or
//! decide which copy of a station is the right one.

use std::collections::BTreeMap;

use messages::{Message, msg};
use model::Election;
use model::count::{CountForm, FlandersCount};
use model::ids::{ContestId, PollingStationNumber};
use seal::HashCode;
use seal::ceremony::{Keys, files};
use seal::package::{self, Expected, Office};
use seal::signing::PublicKey;

use crate::ballot_box::BallotBox;
use crate::poll::Poll;
use crate::result::StationResult;
use crate::sticks;

/// One copy of a stick, as read (path for messages, files by path).
#[derive(Debug, Clone)]
pub struct StickCopy {
    /// Where it was read, for messages.
    pub label: String,
    /// Its files.
    pub files: BTreeMap<String, Vec<u8>>,
}

/// Something that stops the totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountProblem {
    /// A copy that fails a check.
    Stick {
        /// The copy.
        label: String,
        /// What is wrong.
        problem: Message,
    },
    /// A polling station with no stick.
    Missing(u32),
    /// A polling station's two mirrors differ.
    MirrorsDiffer {
        /// The station.
        station: u32,
        /// The copies.
        labels: Vec<String>,
        /// The files that differ.
        files: Vec<String>,
    },
    /// A polling station with only one copy.
    SingleCopy {
        /// The station.
        station: u32,
        /// The copy.
        label: String,
    },
    /// One stick, or a copy of it, handed in for both mirrors.
    SameStick {
        /// The station.
        station: u32,
        /// The copies.
        labels: Vec<String>,
    },
    /// Two different polls for one polling station.
    Duplicate {
        /// The station.
        station: u32,
        /// The copies.
        labels: Vec<String>,
    },
}

impl CountProblem {
    /// The problem, for the reader to see in their language.
    pub fn message(&self) -> Message {
        match self {
            CountProblem::Stick { label, problem } => {
                msg!(
                    "booth-stick-problem",
                    stick = label,
                    problem = problem.clone()
                )
            }
            CountProblem::Missing(station) => msg!("booth-no-stick", station = *station),
            CountProblem::MirrorsDiffer {
                station,
                labels,
                files,
            } => msg!(
                "booth-mirrors-differ",
                station = *station,
                sticks = labels.join(", "),
                files = files.join(", ")
            ),
            CountProblem::SingleCopy { station, label } => {
                msg!("booth-single-copy", station = *station, stick = label)
            }
            CountProblem::SameStick { station, labels } => msg!(
                "booth-same-stick",
                station = *station,
                sticks = labels.join(", ")
            ),
            CountProblem::Duplicate { station, labels } => msg!(
                "booth-duplicate-poll",
                station = *station,
                sticks = labels.join(", ")
            ),
        }
    }
}

/// A polling station's checked result.
#[derive(Debug, Clone)]
pub struct StationReading {
    /// The station.
    pub station: u32,
    /// Its signed result.
    pub result: StationResult,
    /// The copies it was read from.
    pub labels: Vec<String>,
    /// The encrypted votes of the election, as closed.
    pub ballot_box: BallotBox,
}

/// The main office: the election, the authority's key, and the polling stations it totals.
#[derive(Debug, Clone)]
pub struct MainOffice {
    /// The election.
    pub election: Election,
    /// The authority's key that signed every package.
    pub authority: PublicKey,
    /// The polling stations whose sticks are expected.
    pub stations: Vec<u32>,
    /// Stations accepted on one stick after the other was lost (a recorded decision).
    pub accept_single: Vec<u32>,
}

impl MainOffice {
    /// The main office of the election in its own verified package (`HSB`), expecting every
    /// polling station of the election.
    pub fn from_package(
        files_: &BTreeMap<String, Vec<u8>>,
        authority: &PublicKey,
    ) -> Result<MainOffice, Message> {
        let verified = package::verify(files_, authority, &Expected::default())
            .map_err(|problems| package::problems_message(&problems))?;
        if !matches!(verified.manifest.office, Office::MainOffice { .. }) {
            return Err(msg!("booth-not-a-main-office-package"));
        }
        let election: Election = files_
            .get(files::ELECTION)
            .and_then(|bytes| serde_json::from_slice(bytes).ok())
            .ok_or_else(|| msg!("booth-unreadable", file = files::ELECTION))?;
        let mut stations: Vec<u32> = election
            .polling_stations
            .iter()
            .map(|s| s.number.get())
            .collect();
        stations.sort_unstable();
        Ok(MainOffice {
            election,
            authority: *authority,
            stations,
            accept_single: Vec::new(),
        })
    }
}

/// What the main office read: checked stations and whatever stops the totals.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The stations whose sticks passed, by number.
    pub stations: Vec<StationReading>,
    /// Everything to resolve before totalling.
    pub problems: Vec<CountProblem>,
}

/// A copy that passed its checks.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The station's signed result.
    pub result: StationResult,
    /// Its ballot box.
    pub ballot_box: BallotBox,
    /// The stick's identity (one of the two the poll names).
    pub stick: String,
}

/// Checks one copy on its own: package, poll, result, ballot box. Returns the station's
/// result and box, or what is wrong.
pub fn check_copy(office: &MainOffice, copy: &StickCopy) -> Result<Checked, CountProblem> {
    let id = &office.election.id;
    let fail = |problem: Message| CountProblem::Stick {
        label: copy.label.clone(),
        problem,
    };
    let prefix = sticks::package_dir(id);
    let package_files: BTreeMap<String, Vec<u8>> = copy
        .files
        .iter()
        .filter_map(|(path, bytes)| {
            path.strip_prefix(&prefix)
                .map(|p| (p.to_string(), bytes.clone()))
        })
        .collect();
    if package_files.is_empty() {
        let others: Vec<&str> = copy
            .files
            .keys()
            .filter_map(|p| p.strip_prefix("packages/")?.split('/').next())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        return Err(if others.is_empty() {
            fail(msg!("booth-not-a-ballot-box-stick"))
        } else {
            fail(msg!("booth-other-election", elections = others.join(", ")))
        });
    }
    let verified = package::verify(
        &package_files,
        &office.authority,
        &Expected {
            election: Some(id.clone()),
            office: None,
        },
    )
    .map_err(|problems| {
        fail(msg!(
            "booth-package-refused",
            problems = package::problems_message(&problems)
        ))
    })?;
    let Office::PollingStation { number, .. } = verified.manifest.office else {
        return Err(fail(msg!("booth-not-a-station-package")));
    };
    let keys: Keys = package_files
        .get(files::KEYS)
        .and_then(|b| serde_json::from_slice(b).ok())
        .ok_or_else(|| fail(msg!("booth-unreadable", file = files::KEYS)))?;
    let text = |path: &str| {
        copy.files
            .get(path)
            .map(|b| String::from_utf8_lossy(b).into_owned())
    };
    let (Some(poll_bytes), Some(poll_signatures)) =
        (copy.files.get(sticks::POLL), text(sticks::POLL_SIGNATURES))
    else {
        return Err(fail(msg!("booth-no-poll", file = sticks::POLL)));
    };
    let poll: Poll = serde_json::from_slice(poll_bytes).map_err(|e| {
        fail(msg!(
            "booth-unreadable-because",
            file = sticks::POLL,
            detail = e.to_string()
        ))
    })?;
    let position = poll
        .elections
        .iter()
        .position(|e| e.election == *id)
        .ok_or_else(|| fail(msg!("booth-poll-other-election")))?;
    let signature = poll_signatures.lines().nth(position).unwrap_or_default();
    let poll = Poll::verify(poll_bytes, signature, &keys.office)
        .map_err(|_| fail(msg!("booth-poll-bad-signature", file = sticks::POLL)))?;
    if poll.station != number
        || poll.elections[position].package != verified.fingerprint.to_hex()
        || poll.elections[position].office_key != keys.office
    {
        return Err(fail(msg!("booth-poll-other-package", file = sticks::POLL)));
    }
    // The stick's own identity must be one of the two the signed poll names: a stick from
    // another box, or whose identity was rewritten, is not one of this box's mirrors.
    let identity = sticks::StickIdentity::of(&copy.files)
        .filter(|identity| poll.sticks.contains(&identity.stick))
        .ok_or_else(|| fail(msg!("booth-stick-not-of-poll", file = sticks::STICK_ID)))?;
    let (Some(result_bytes), Some(result_signature)) = (
        copy.files.get(&sticks::result_file(id)),
        text(&sticks::result_signature(id)),
    ) else {
        return Err(fail(msg!("booth-poll-not-closed", station = number)));
    };
    let result = StationResult::verify(result_bytes, &result_signature, &keys.office)
        .map_err(|_| fail(msg!("booth-result-bad-signature")))?;
    if result.election != *id
        || result.station != number
        || result.poll != poll.id
        || result.package != verified.fingerprint.to_hex()
    {
        return Err(fail(msg!("booth-result-other-poll")));
    }
    let box_bytes = copy
        .files
        .get(sticks::BALLOT_BOX)
        .ok_or_else(|| fail(msg!("booth-missing-file", file = sticks::BALLOT_BOX)))?;
    if HashCode::of(box_bytes).to_hex() != result.ballot_box {
        return Err(fail(msg!(
            "booth-ballot-box-altered",
            file = sticks::BALLOT_BOX
        )));
    }
    let ballot_box = BallotBox::from_bytes(box_bytes).map_err(|e| {
        fail(msg!(
            "booth-unreadable-because",
            file = sticks::BALLOT_BOX,
            detail = e.to_string()
        ))
    })?;
    let records = ballot_box.records(id).map_or(0, <[_]>::len);
    if records != result.count.ballots_total as usize
        || ballot_box.poll != poll.id_bytes().unwrap_or_default()
    {
        return Err(fail(msg!(
            "booth-box-count-differs",
            votes = records,
            ballots = result.count.ballots_total
        )));
    }
    Ok(Checked {
        result,
        ballot_box,
        stick: identity.stick,
    })
}

/// Reads every copy: checks each, groups them by polling station, compares mirrors, and looks
/// for missing and duplicate stations. Copies are checked on all cores.
pub fn read(office: &MainOffice, copies: Vec<StickCopy>) -> Reading {
    let checked = check_all(office, &copies);
    let mut problems = Vec::new();
    let mut by_station: BTreeMap<u32, Vec<(usize, Checked)>> = BTreeMap::new();
    for (index, outcome) in checked.into_iter().enumerate() {
        match outcome {
            Ok(checked) => by_station
                .entry(checked.result.station)
                .or_default()
                .push((index, checked)),
            Err(problem) => problems.push(problem),
        }
    }
    let mut stations = Vec::new();
    for (station, group) in by_station {
        let labels: Vec<String> = group
            .iter()
            .map(|(index, ..)| copies[*index].label.clone())
            .collect();
        if !office.stations.contains(&station) {
            problems.push(CountProblem::Stick {
                label: labels.join(", "),
                problem: msg!("booth-station-not-of-office", station = station),
            });
            continue;
        }
        let polls: std::collections::BTreeSet<&str> =
            group.iter().map(|(_, c)| c.result.poll.as_str()).collect();
        if polls.len() > 1 {
            problems.push(CountProblem::Duplicate { station, labels });
            continue;
        }
        // Two mirrors are two sticks: the same identity twice is one stick read twice, or a
        // byte copy of it, and proves nothing about the other mirror.
        let identities: std::collections::BTreeSet<&str> =
            group.iter().map(|(_, c)| c.stick.as_str()).collect();
        if identities.len() < group.len() {
            problems.push(CountProblem::SameStick { station, labels });
            continue;
        }
        let first = &copies[group[0].0].files;
        let mut differing: Vec<String> = Vec::new();
        for (index, _) in &group[1..] {
            for path in seal::stick::differences(first, &copies[*index].files) {
                // Each mirror carries its own identity; everything else must be the same.
                if path != sticks::STICK_ID && !differing.contains(&path) {
                    differing.push(path);
                }
            }
        }
        if !differing.is_empty() {
            problems.push(CountProblem::MirrorsDiffer {
                station,
                labels,
                files: differing,
            });
            continue;
        }
        if group.len() == 1 && !office.accept_single.contains(&station) {
            problems.push(CountProblem::SingleCopy {
                station,
                label: labels[0].clone(),
            });
            continue;
        }
        let mut group = group;
        let (_, checked) = group.swap_remove(0);
        stations.push(StationReading {
            station,
            result: checked.result,
            labels,
            ballot_box: checked.ballot_box,
        });
    }
    let present: Vec<u32> = stations.iter().map(|s| s.station).collect();
    let reported: Vec<u32> = problems
        .iter()
        .filter_map(|p| match p {
            CountProblem::MirrorsDiffer { station, .. }
            | CountProblem::SingleCopy { station, .. }
            | CountProblem::SameStick { station, .. }
            | CountProblem::Duplicate { station, .. } => Some(*station),
            _ => None,
        })
        .collect();
    let mut missing: Vec<CountProblem> = office
        .stations
        .iter()
        .filter(|s| !present.contains(s) && !reported.contains(s))
        .map(|s| CountProblem::Missing(*s))
        .collect();
    problems.append(&mut missing);
    Reading { stations, problems }
}

fn check_all(office: &MainOffice, copies: &[StickCopy]) -> Vec<Result<Checked, CountProblem>> {
    use rayon::prelude::*;
    copies
        .par_iter()
        .map(|copy| check_copy(office, copy))
        .collect()
}

/// The counts of the stations read, each with the contest it counts for, as the result engine
/// (`determine`) totals and allocates them (only when nothing stops them).
pub fn counts(stations: &[StationReading]) -> Vec<(PollingStationNumber, ContestId, CountForm)> {
    stations
        .iter()
        .filter_map(|s| {
            Some((
                PollingStationNumber::new(s.station).ok()?,
                ContestId::new(s.result.contest.as_str()).ok()?,
                CountForm::Flanders(s.result.count.clone()),
            ))
        })
        .collect()
}

/// The sum of every station's count (a quick check figure for the screen).
pub fn ballots(stations: &[StationReading]) -> u64 {
    stations
        .iter()
        .map(|s| u64::from(s.result.count.ballots_total))
        .sum()
}

/// The count of one station, for reports.
pub fn count_of(reading: &StationReading) -> &FlandersCount {
    &reading.result.count
}
