//! The polling station's election day: the ceremony's packages for this station, one per
//! election held that day (municipal, provincial, district council), verified; and, once the
//! chair has typed the passwords of the credential sheets, the stations' signing keys unlocked.
//!
//! A package names its authority key itself (`keys.json`), so a package signed by someone else
//! would verify against its own key: what anchors it is the fingerprint the machine shows, which
//! the chair compares with the one printed on the credential sheet, and, where the machine was
//! given it, the authority's key from outside.

use std::collections::BTreeMap;

use model::ballot::{BallotContest, BallotLayout};
use model::{Contest, Election, ElectionId};
use seal::HashCode;
use seal::ceremony::{Keys, OfficeFile, files};
use seal::package::{self, ElectionRef, Expected, Office, Problem};
use seal::signing::{PublicKey, SigningKey};

/// Why the day's packages cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum DayError {
    /// No package given.
    #[error("no package given")]
    NoPackage,
    /// A package fails verification.
    #[error("package {index}: {}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Package {
        /// Which package (1-based, in the order given).
        index: usize,
        /// What is wrong.
        problems: Vec<Problem>,
    },
    /// A file in a package cannot be read.
    #[error("package {index}: {file} cannot be read: {detail}")]
    Unreadable {
        /// Which package.
        index: usize,
        /// The file.
        file: &'static str,
        /// Why.
        detail: String,
    },
    /// A package of a main office, not a polling station.
    #[error("package {0} is not a polling station's package")]
    NotAPollingStation(usize),
    /// Packages of different polling stations or authorities.
    #[error("package {index} is for {found}, the first for {expected}")]
    Mixed {
        /// Which package.
        index: usize,
        /// What the first package is for.
        expected: String,
        /// What this one is for.
        found: String,
    },
    /// Two packages of one election.
    #[error("election {0} is given twice")]
    Twice(ElectionId),
    /// The polling station is not in the election or has no contest.
    #[error("polling station {station} is not in election {election}")]
    NotInElection {
        /// The station.
        station: u32,
        /// The election.
        election: ElectionId,
    },
    /// Wrong password for a package.
    #[error("the password does not fit the credential sheet of {0}")]
    WrongPassword(String),
    /// The unlocked key does not match the package.
    #[error("the signing key of {0} does not match its package")]
    KeyMismatch(String),
    /// A ballot this polling station's machines cannot encode without cutting a value short
    /// (a list number, a candidate position, a number of candidates, the election's id).
    #[error("package {index}: {error}")]
    TooLarge {
        /// Which package.
        index: usize,
        /// What does not fit.
        error: crate::format::TooLarge,
    },
    /// A password for each package is needed.
    #[error("{given} password(s) given for {needed} election(s)")]
    PasswordCount {
        /// Given.
        given: usize,
        /// Needed.
        needed: usize,
    },
}

/// Whether the machines can encode every choice of `ballot` and the election among the day's
/// `count`: the code, the card and the ballot box have fixed-width fields.
fn fits_the_formats(
    id: &ElectionId,
    ballot: &BallotContest,
    count: usize,
) -> Result<(), crate::format::TooLarge> {
    use crate::format::fit;
    fit::<u8>("elections of the day", count)?;
    fit::<u8>("election id", id.as_str().len())?;
    for list in &ballot.lists {
        fit::<u16>("list number", list.number as usize)?;
        fit::<u8>("candidates on a list", list.candidates.len())?;
        for candidate in &list.candidates {
            fit::<u16>("candidate position", candidate.position as usize)?;
        }
    }
    Ok(())
}

/// One election of the day, from its verified package.
#[derive(Debug, Clone)]
pub struct DayElection {
    /// The election.
    pub reference: ElectionRef,
    /// Its definition.
    pub election: Election,
    /// The contest this polling station's ballots count for.
    pub contest: Contest,
    /// Its ballot.
    pub ballot: BallotContest,
    /// The public keys.
    pub keys: Keys,
    /// The package's fingerprint, to compare with the credential sheet.
    pub fingerprint: HashCode,
    /// The login on the credential sheet.
    pub login: String,
    /// The package's files, copied to the ballot box's sticks for the main office.
    pub files: BTreeMap<String, Vec<u8>>,
}

/// The verified packages of one polling station's day.
#[derive(Debug, Clone)]
pub struct Day {
    /// The polling station's number.
    pub station: u32,
    /// Its name.
    pub station_name: String,
    /// The elections, in the order given; the first is the lead: its key signs the poll and
    /// the voters' cards.
    pub elections: Vec<DayElection>,
}

impl Day {
    /// Verifies the packages (each a map of file paths to bytes, as read from a stick) and reads
    /// what the machines need. With `authority`, each package must be signed by that key.
    pub fn verify(
        packages: &[BTreeMap<String, Vec<u8>>],
        authority: Option<&PublicKey>,
    ) -> Result<Day, DayError> {
        let mut elections: Vec<DayElection> = Vec::new();
        let mut station: Option<(u32, String)> = None;
        for (offset, files) in packages.iter().enumerate() {
            let index = offset + 1;
            let keys: Keys = read_json(files, index, files::KEYS)?;
            let key = authority.unwrap_or(&keys.authority);
            let verified = package::verify(files, key, &Expected::default())
                .map_err(|problems| DayError::Package { index, problems })?;
            let Office::PollingStation { number, name } = verified.manifest.office.clone() else {
                return Err(DayError::NotAPollingStation(index));
            };
            let identity: OfficeFile = read_json(files, index, files::OFFICE)?;
            if identity.election != verified.manifest.election
                || !identity.office.same_as(&verified.manifest.office)
            {
                return Err(DayError::Unreadable {
                    index,
                    file: files::OFFICE,
                    detail: "it names another election or office than the manifest".into(),
                });
            }
            match &station {
                None => station = Some((number, name)),
                Some((first, first_name)) if *first != number => {
                    return Err(DayError::Mixed {
                        index,
                        expected: format!("polling station {first} ({first_name})"),
                        found: format!("polling station {number} ({name})"),
                    });
                }
                Some(_) => {}
            }
            if let Some(first) = elections.first()
                && first.keys.authority != keys.authority
            {
                return Err(DayError::Mixed {
                    index,
                    expected: format!("authority {}", first.keys.authority.fingerprint()),
                    found: format!("authority {}", keys.authority.fingerprint()),
                });
            }
            let election: Election = read_json(files, index, files::ELECTION)?;
            let layout: BallotLayout = read_json(files, index, files::BALLOT)?;
            let reference = verified.manifest.election.clone();
            if election.id != reference.id || layout.election != reference.id {
                return Err(DayError::Unreadable {
                    index,
                    file: files::ELECTION,
                    detail: "it names another election than the manifest".into(),
                });
            }
            if elections.iter().any(|e| e.reference.id == reference.id) {
                return Err(DayError::Twice(reference.id));
            }
            let not_in = || DayError::NotInElection {
                station: number,
                election: reference.id.clone(),
            };
            let on_list = election
                .polling_stations
                .iter()
                .find(|s| s.number.get() == number)
                .ok_or_else(not_in)?;
            let contest = match &on_list.contest {
                Some(id) => election.contests.iter().find(|c| c.id == *id),
                None if election.contests.len() == 1 => election.contests.first(),
                None => None,
            }
            .ok_or_else(not_in)?
            .clone();
            let ballot = layout
                .contests
                .iter()
                .find(|c| c.id == contest.id.to_string())
                .ok_or_else(not_in)?
                .clone();
            fits_the_formats(&reference.id, &ballot, elections.len() + 1)
                .map_err(|error| DayError::TooLarge { index, error })?;
            elections.push(DayElection {
                reference,
                election,
                contest,
                ballot,
                keys,
                fingerprint: verified.fingerprint,
                login: identity.login,
                files: files.clone(),
            });
        }
        let (station, station_name) = station.ok_or(DayError::NoPackage)?;
        Ok(Day {
            station,
            station_name,
            elections,
        })
    }

    /// The lead election (its key signs the poll and the cards).
    pub fn lead(&self) -> &DayElection {
        // `verify` refuses an empty day.
        &self.elections[0]
    }

    /// The index of election `id` in the day.
    pub fn index_of(&self, id: &ElectionId) -> Option<usize> {
        self.elections.iter().position(|e| e.reference.id == *id)
    }

    /// Unlocks each election's signing key with the password of its credential sheet (in the
    /// order of the elections), checked against the package's Argon2id verifier first.
    pub fn unlock(&self, passwords: &[String]) -> Result<Vec<SigningKey>, DayError> {
        if passwords.len() != self.elections.len() {
            return Err(DayError::PasswordCount {
                given: passwords.len(),
                needed: self.elections.len(),
            });
        }
        self.elections
            .iter()
            .zip(passwords)
            .map(|(election, typed)| {
                let typed = seal::password::normalise(typed);
                let verifier = election
                    .files
                    .get(files::PASSWORD_VERIFIER)
                    .and_then(|bytes| std::str::from_utf8(bytes).ok())
                    .map(str::trim)
                    .unwrap_or_default();
                if !seal::password::matches(&typed, verifier) {
                    return Err(DayError::WrongPassword(election.login.clone()));
                }
                let locked = election
                    .files
                    .get(files::OFFICE_KEY)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                let secret = seal::lock::unlock(locked, &typed)
                    .map_err(|_| DayError::WrongPassword(election.login.clone()))?;
                let key = SigningKey::from_secret_bytes(&secret)
                    .map_err(|_| DayError::KeyMismatch(election.login.clone()))?;
                if key.public() != election.keys.office {
                    return Err(DayError::KeyMismatch(election.login.clone()));
                }
                Ok(key)
            })
            .collect()
    }
}

fn read_json<T: serde::de::DeserializeOwned>(
    files: &BTreeMap<String, Vec<u8>>,
    index: usize,
    file: &'static str,
) -> Result<T, DayError> {
    let bytes = files.get(file).ok_or_else(|| DayError::Unreadable {
        index,
        file,
        detail: "missing".into(),
    })?;
    serde_json::from_slice(bytes).map_err(|e| DayError::Unreadable {
        index,
        file,
        detail: e.to_string(),
    })
}
