//! Consistency rules of an election definition, whatever file it came from.
//!
//! The importers (EML_NL, the Flemish definition format) check that a file is well-formed and
//! belongs to the election; these rules check that what it describes can be run: seats to
//! allocate, lists with candidates, unique numbers, the threshold the law prescribes. Every
//! problem is reported, not only the first, so an official can fix a file in one pass.

use std::collections::HashSet;
use std::fmt;

use crate::election::{Body, Election, Jurisdiction};
use crate::ids::{CandidatePosition, ContestId, ListNumber, PollingStationNumber};

/// One problem in an election definition.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DefinitionError {
    /// The body has no seats.
    #[error("the number of seats is 0")]
    NoSeats,
    /// There are no contests (so no lists).
    #[error("there are no candidate lists")]
    NoContests,
    /// Two contests share an id.
    #[error("contest {0} occurs twice")]
    DuplicateContest(ContestId),
    /// A contest has no lists.
    #[error("contest {0} has no lists")]
    NoLists(ContestId),
    /// Two lists of a contest share a number.
    #[error("contest {contest}: list {list} occurs twice")]
    DuplicateList {
        /// Contest.
        contest: ContestId,
        /// List number.
        list: ListNumber,
    },
    /// A list has no candidates.
    #[error("contest {contest}: list {list} has no candidates")]
    EmptyList {
        /// Contest.
        contest: ContestId,
        /// List number.
        list: ListNumber,
    },
    /// Candidate positions must increase down the list.
    #[error(
        "contest {contest}: list {list}: candidate position {position} follows position {previous}; positions must increase down the list"
    )]
    PositionOrder {
        /// Contest.
        contest: ContestId,
        /// List number.
        list: ListNumber,
        /// The previous position.
        previous: CandidatePosition,
        /// The position that does not increase.
        position: CandidatePosition,
    },
    /// A candidate has no last name.
    #[error("contest {contest}: list {list}: candidate {position} has no last name")]
    NoLastName {
        /// Contest.
        contest: ContestId,
        /// List number.
        list: ListNumber,
        /// Position.
        position: CandidatePosition,
    },
    /// Seats per contest do not add up to the body's seats.
    #[error("the contests' seats add up to {sum}, but the body has {seats} seats")]
    ContestSeats {
        /// Sum over contests.
        sum: u64,
        /// Seats of the body.
        seats: u32,
    },
    /// The body must be elected in exactly one contest.
    #[error("a {body} is elected in one contest; this definition has {contests}")]
    OneContestExpected {
        /// The body.
        body: Body,
        /// Number of contests found.
        contests: usize,
    },
    /// A contest must state its seats (Flemish provincial districts).
    #[error("contest {0} does not state its number of seats")]
    ContestWithoutSeats(ContestId),
    /// The election must name its area.
    #[error("a {0} election must name its municipality, district or province (domain)")]
    MissingDomain(Body),
    /// The preference threshold is not the one the law prescribes.
    #[error(
        "the preference threshold is {found:?}% of the quota, but {article} prescribes {expected:?}% for this election"
    )]
    PreferenceThreshold {
        /// Threshold in the definition.
        found: Option<u32>,
        /// Threshold by law.
        expected: Option<u32>,
        /// Article that prescribes it.
        article: &'static str,
    },
    /// The body is not elected in this jurisdiction.
    #[error("{body} elections are not held in {jurisdiction}")]
    BodyNotInJurisdiction {
        /// The body.
        body: Body,
        /// The jurisdiction.
        jurisdiction: Jurisdiction,
    },
    /// The law version does not apply.
    #[error(transparent)]
    Law(#[from] crate::election::LawVersionError),
    /// Two polling stations share a number.
    #[error("polling station {0} occurs twice")]
    DuplicatePollingStation(PollingStationNumber),
    /// A polling station refers to a contest that does not exist.
    #[error("polling station {station} belongs to contest {contest}, which does not exist")]
    UnknownContest {
        /// Polling station.
        station: PollingStationNumber,
        /// The unknown contest.
        contest: ContestId,
    },
    /// With several contests, each polling station must say which one it serves.
    #[error("polling station {0} does not say which contest (district) it belongs to")]
    StationWithoutContest(PollingStationNumber),
}

/// All problems found in a definition (never empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionErrors(pub Vec<DefinitionError>);

impl fmt::Display for DefinitionErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, error) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DefinitionErrors {}

/// Seats below which a Dutch municipal council has the 50 % preference threshold (Kieswet P 15
/// lid 2) and the largest-remainder method (Kieswet P 8).
pub const NL_SMALL_COUNCIL_SEATS: u32 = 19;

/// The preference threshold the law prescribes, in percent of the quota.
pub fn prescribed_preference_threshold(election: &Election) -> Option<u32> {
    match election.jurisdiction {
        // Kieswet P 15 lid 1: 25 % of the quota; lid 2: 50 % for a municipal council with fewer
        // than 19 seats.
        Jurisdiction::Netherlands => Some(
            if election.body == Body::MunicipalCouncil && election.seats < NL_SMALL_COUNCIL_SEATS {
                50
            } else {
                25
            },
        ),
        Jurisdiction::Flanders => None,
    }
}

/// Checks every rule and returns all problems found.
pub fn validate(election: &Election) -> Result<(), DefinitionErrors> {
    collect(|problems| {
        check_header(election, problems);
        check_contests(election, problems);
        check_polling_stations(election, problems);
    })
}

/// Checks what an election definition says about the election itself (seats, law, area,
/// threshold), before lists or polling stations are added.
pub fn validate_header(election: &Election) -> Result<(), DefinitionErrors> {
    collect(|problems| check_header(election, problems))
}

/// Checks the contests with their lists and candidates.
pub fn validate_contests(election: &Election) -> Result<(), DefinitionErrors> {
    collect(|problems| check_contests(election, problems))
}

/// Checks the polling stations.
pub fn validate_polling_stations(election: &Election) -> Result<(), DefinitionErrors> {
    collect(|problems| check_polling_stations(election, problems))
}

fn collect(check: impl FnOnce(&mut Vec<DefinitionError>)) -> Result<(), DefinitionErrors> {
    let mut problems = Vec::new();
    check(&mut problems);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(DefinitionErrors(problems))
    }
}

fn check_header(election: &Election, problems: &mut Vec<DefinitionError>) {
    if election.seats == 0 {
        problems.push(DefinitionError::NoSeats);
    }
    if let Err(error) = election
        .law
        .check_applies(election.jurisdiction, election.election_date)
    {
        problems.push(error.into());
    }
    let body = election.body;
    if election.jurisdiction == Jurisdiction::Flanders
        && !matches!(
            election.body,
            Body::MunicipalCouncil | Body::DistrictCouncil | Body::ProvincialCouncil
        )
    {
        problems.push(DefinitionError::BodyNotInJurisdiction {
            body,
            jurisdiction: Jurisdiction::Flanders,
        });
    }
    if election.jurisdiction == Jurisdiction::Netherlands && election.body == Body::DistrictCouncil
    {
        problems.push(DefinitionError::BodyNotInJurisdiction {
            body,
            jurisdiction: Jurisdiction::Netherlands,
        });
    }

    let needs_domain = matches!(
        election.body,
        Body::MunicipalCouncil
            | Body::DistrictCouncil
            | Body::ProvincialCouncil
            | Body::WaterBoard
            | Body::IslandCouncil
    );
    if needs_domain && election.domain.is_none() {
        problems.push(DefinitionError::MissingDomain(body));
    }

    let expected = prescribed_preference_threshold(election);
    if election.preference_threshold_percent != expected {
        problems.push(DefinitionError::PreferenceThreshold {
            found: election.preference_threshold_percent,
            expected,
            article: match election.jurisdiction {
                Jurisdiction::Netherlands => "Kieswet P 15",
                Jurisdiction::Flanders => "the Flemish decree (no threshold)",
            },
        });
    }
}

fn check_contests(election: &Election, problems: &mut Vec<DefinitionError>) {
    if election.contests.is_empty() {
        problems.push(DefinitionError::NoContests);
        return;
    }
    let single_contest = matches!(
        election.body,
        Body::MunicipalCouncil | Body::DistrictCouncil
    );
    if single_contest && election.contests.len() > 1 {
        problems.push(DefinitionError::OneContestExpected {
            body: election.body,
            contests: election.contests.len(),
        });
    }
    if election.jurisdiction == Jurisdiction::Flanders {
        for contest in &election.contests {
            if contest.seats.is_none() {
                problems.push(DefinitionError::ContestWithoutSeats(contest.id.clone()));
            }
        }
    }
    let mut contest_ids = HashSet::new();
    for contest in &election.contests {
        if !contest_ids.insert(&contest.id) {
            problems.push(DefinitionError::DuplicateContest(contest.id.clone()));
        }
        if contest.lists.is_empty() {
            problems.push(DefinitionError::NoLists(contest.id.clone()));
        }
        let mut numbers = HashSet::new();
        for list in &contest.lists {
            if !numbers.insert(list.number) {
                problems.push(DefinitionError::DuplicateList {
                    contest: contest.id.clone(),
                    list: list.number,
                });
            }
            if list.candidates.is_empty() {
                problems.push(DefinitionError::EmptyList {
                    contest: contest.id.clone(),
                    list: list.number,
                });
            }
            let mut previous: Option<CandidatePosition> = None;
            for candidate in &list.candidates {
                if let Some(previous) = previous
                    && candidate.position <= previous
                {
                    problems.push(DefinitionError::PositionOrder {
                        contest: contest.id.clone(),
                        list: list.number,
                        previous,
                        position: candidate.position,
                    });
                }
                previous = Some(candidate.position);
                if candidate.last_name.trim().is_empty() {
                    problems.push(DefinitionError::NoLastName {
                        contest: contest.id.clone(),
                        list: list.number,
                        position: candidate.position,
                    });
                }
            }
        }
    }
    let seats: Option<Vec<u32>> = election.contests.iter().map(|c| c.seats).collect();
    if let Some(seats) = seats {
        let sum: u64 = seats.iter().map(|s| u64::from(*s)).sum();
        if sum != u64::from(election.seats) {
            problems.push(DefinitionError::ContestSeats {
                sum,
                seats: election.seats,
            });
        }
    }
}

fn check_polling_stations(election: &Election, problems: &mut Vec<DefinitionError>) {
    let mut numbers = HashSet::new();
    for station in &election.polling_stations {
        if !numbers.insert(station.number) {
            problems.push(DefinitionError::DuplicatePollingStation(station.number));
        }
        match &station.contest {
            Some(contest) if election.contest(contest).is_none() => {
                problems.push(DefinitionError::UnknownContest {
                    station: station.number,
                    contest: contest.clone(),
                });
            }
            None if election.contests.len() > 1 => {
                problems.push(DefinitionError::StationWithoutContest(station.number));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::election::*;
    use crate::ids::*;

    fn candidate(position: u32, last_name: &str) -> Candidate {
        Candidate {
            position: CandidatePosition::new(position).unwrap(),
            initials: Some("A.".into()),
            first_name: None,
            prefix: None,
            last_name: last_name.into(),
            gender: None,
            locality: None,
            country: None,
        }
    }

    fn list(number: u32, candidates: Vec<Candidate>) -> List {
        List {
            number: ListNumber::new(number).unwrap(),
            name: format!("Lijst {number}"),
            candidates,
        }
    }

    /// A small municipal election for tests of the whole crate.
    pub(crate) fn municipal(seats: u32, threshold: u32) -> Election {
        Election {
            id: ElectionId::new("GR2026_Test").unwrap(),
            name: "Gemeenteraad Test 2026".into(),
            jurisdiction: Jurisdiction::Netherlands,
            body: Body::MunicipalCouncil,
            domain: Some(Domain {
                id: Some(DomainId::new("0000").unwrap()),
                name: "Test".into(),
            }),
            election_date: NaiveDate::from_ymd_opt(2026, 3, 18).unwrap(),
            nomination_date: None,
            seats,
            preference_threshold_percent: Some(threshold),
            law: LawVersion::NlKieswet,
            contests: vec![Contest {
                id: ContestId::new("geen").unwrap(),
                name: None,
                seats: Some(seats),
                lists: vec![
                    list(1, vec![candidate(1, "Jansen"), candidate(2, "Bakker")]),
                    list(2, vec![candidate(1, "Visser")]),
                ],
            }],
            polling_stations: vec![],
        }
    }

    #[test]
    fn valid_definition_passes() {
        assert_eq!(validate(&municipal(23, 25)), Ok(()));
        assert_eq!(validate(&municipal(17, 50)), Ok(()));
    }

    #[test]
    fn threshold_follows_kieswet_p15() {
        let errors = validate(&municipal(17, 25)).unwrap_err().0;
        assert_eq!(
            errors,
            vec![DefinitionError::PreferenceThreshold {
                found: Some(25),
                expected: Some(50),
                article: "Kieswet P 15"
            }]
        );
        assert!(validate(&municipal(19, 50)).is_err());
    }

    #[test]
    fn reports_every_problem() {
        let mut election = municipal(23, 25);
        election.domain = None;
        let contest = &mut election.contests[0];
        contest.lists[1].number = ListNumber::new(1).unwrap();
        contest.lists[0].candidates.swap(0, 1);
        contest.lists[0].candidates[0].last_name = " ".into();
        contest.lists.push(list(3, vec![]));
        election.polling_stations = vec![
            PollingStation {
                number: PollingStationNumber::new(1).unwrap(),
                name: "Stadhuis".into(),
                kind: None,
                address: Address::default(),
                voters: None,
                contest: Some(ContestId::new("elders").unwrap()),
            };
            2
        ];
        let errors = validate(&election).unwrap_err().0;
        let one = ListNumber::new(1).unwrap();
        let geen = ContestId::new("geen").unwrap();
        let station = PollingStationNumber::new(1).unwrap();
        assert_eq!(
            errors,
            vec![
                DefinitionError::MissingDomain(Body::MunicipalCouncil),
                DefinitionError::NoLastName {
                    contest: geen.clone(),
                    list: one,
                    position: CandidatePosition::new(2).unwrap(),
                },
                DefinitionError::PositionOrder {
                    contest: geen.clone(),
                    list: one,
                    previous: CandidatePosition::new(2).unwrap(),
                    position: CandidatePosition::new(1).unwrap(),
                },
                DefinitionError::DuplicateList {
                    contest: geen.clone(),
                    list: one
                },
                DefinitionError::EmptyList {
                    contest: geen.clone(),
                    list: ListNumber::new(3).unwrap()
                },
                DefinitionError::UnknownContest {
                    station,
                    contest: ContestId::new("elders").unwrap()
                },
                DefinitionError::DuplicatePollingStation(station),
                DefinitionError::UnknownContest {
                    station,
                    contest: ContestId::new("elders").unwrap()
                },
            ]
        );
    }

    #[test]
    fn flemish_provincial_districts_add_up() {
        let mut election = municipal(36, 25);
        election.jurisdiction = Jurisdiction::Flanders;
        election.law = LawVersion::FlandersDevolution;
        election.body = Body::ProvincialCouncil;
        election.preference_threshold_percent = None;
        election.election_date = NaiveDate::from_ymd_opt(2018, 10, 14).unwrap();
        let mut second = election.contests[0].clone();
        second.id = ContestId::new("2").unwrap();
        election.contests[0].seats = Some(20);
        second.seats = Some(15);
        election.contests.push(second);
        assert_eq!(
            validate(&election).unwrap_err().0,
            vec![DefinitionError::ContestSeats { sum: 35, seats: 36 }]
        );
        election.contests[1].seats = Some(16);
        assert_eq!(validate(&election), Ok(()));
        election.contests[1].seats = None;
        assert_eq!(
            validate(&election).unwrap_err().0,
            vec![DefinitionError::ContestWithoutSeats(
                ContestId::new("2").unwrap()
            )]
        );
    }

    #[test]
    fn law_version_must_apply() {
        let mut election = municipal(23, 25);
        election.law = LawVersion::FlandersPreference;
        assert!(matches!(
            validate(&election).unwrap_err().0.as_slice(),
            [DefinitionError::Law(_)]
        ));
    }
}
