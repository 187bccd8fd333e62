//! The one result engine: from the definitive counts of an election to the result of every
//! contest — the totals, the seats and the elected candidates — that every document and file is
//! made from.
//!
//! The counts come in whichever way the office has them: typed twice in results entry, imported
//! from an EML 510b, read from the ballot-box sticks of a Flemish main office
//! ([`Counts::PerStation`]), or as the totals per contest a Flemish result file carries
//! ([`Counts::PerContest`]). The election decides the rest: each polling station counts for its
//! contest (a Dutch municipal council has one; a Flemish provincial council one per electoral
//! district), each contest's seats are allocated on their own under the rules of the body and
//! the law version ([`apportion`]), with the [`Decisions`] recorded for it. A province's figures
//! over its districts are [`Determination::by_list`].
//!
//! Results entry, `urna count`, `urna result`, the central authority, the publication and
//! `urna verify` all call [`determine`] and nothing else, so they cannot disagree on the same
//! data. Pure: no I/O.

#![forbid(unsafe_code)]

mod decisions;
mod summary;

use apportion::{Apportionment, LotRequest, Rules};
use messages::{Language, t};
use model::count::CountForm;
use model::totals::{Totals, TotalsError};
use model::{Contest, ContestId, Election, ElectionId, PollingStationNumber};

pub use decisions::{Deceased, Decisions, DecisionsError, DrawnLot};
pub use summary::{ContestSummary, ElectedCandidate, ListSummary, PartyTotal, Summary};

/// Why an election's counts cannot be determined.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DetermineError {
    /// Urna has no seat-allocation rules for the body and law version.
    #[error("Urna has no seat-allocation rules for this election")]
    NoRules,
    /// The election has no contest (no candidate lists).
    #[error("the election has no candidate lists")]
    NoContests,
    /// A count names a contest the election does not have.
    #[error("contest {0} is not in the election")]
    UnknownContest(String),
    /// A polling station counted for another contest than the definition gives it.
    #[error("polling station {station} votes in contest {defined}, its count is for {counted}")]
    OtherContest {
        /// The polling station.
        station: PollingStationNumber,
        /// Its contest in the definition.
        defined: String,
        /// The contest of its count.
        counted: String,
    },
    /// In an election with several contests, a count whose contest cannot be told.
    #[error("polling station {0} is not in the definition, which has several contests")]
    ContestUnknownFor(PollingStationNumber),
    /// The same polling station counted twice (also across contests).
    #[error("polling station {0} is counted twice")]
    Twice(PollingStationNumber),
    /// The counts do not add up against the lists.
    #[error(transparent)]
    Totals(#[from] TotalsError),
    /// A contest's totals do not have its lists.
    #[error("the totals of contest {contest} do not fit its lists: {detail}")]
    TotalsShape {
        /// The contest.
        contest: String,
        /// What differs.
        detail: String,
    },
    /// The decisions do not fit the election.
    #[error("{file}: {0}", file = Decisions::FILE)]
    Decisions(#[from] DecisionsError),
    /// The seats of several contests are allocated together, which Urna does not do.
    #[error("the seats of this election are allocated over its contests together; Urna does not")]
    CombinedContests,
    /// The allocation refused its input.
    #[error("seat allocation, contest {contest}: {detail}")]
    Apportion {
        /// The contest.
        contest: String,
        /// What the allocation said.
        detail: String,
    },
}

impl DetermineError {
    /// The reason, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        match self {
            DetermineError::NoRules => t!(lang, "determine-no-rules"),
            DetermineError::NoContests => t!(lang, "determine-no-contests"),
            DetermineError::UnknownContest(contest) => {
                t!(lang, "determine-unknown-contest", contest = contest)
            }
            DetermineError::OtherContest {
                station,
                defined,
                counted,
            } => t!(
                lang,
                "determine-other-contest",
                station = station.get(),
                defined = defined,
                counted = counted
            ),
            DetermineError::ContestUnknownFor(station) => {
                t!(
                    lang,
                    "determine-contest-unknown-for",
                    station = station.get()
                )
            }
            DetermineError::Twice(station)
            | DetermineError::Totals(TotalsError::Duplicate(station)) => {
                t!(lang, "determine-twice", station = station.get())
            }
            DetermineError::Totals(TotalsError::Shape { station, detail }) => t!(
                lang,
                "determine-count-shape",
                station = station.get(),
                detail = detail.message(lang)
            ),
            DetermineError::Totals(TotalsError::MixedForms(station)) => {
                t!(lang, "determine-mixed-forms", station = station.get())
            }
            DetermineError::TotalsShape { contest, detail } => {
                t!(
                    lang,
                    "determine-totals-shape",
                    contest = contest,
                    detail = detail
                )
            }
            DetermineError::Decisions(error) => {
                format!("{}: {}", Decisions::FILE, error.message(lang))
            }
            DetermineError::CombinedContests => t!(lang, "determine-combined-contests"),
            DetermineError::Apportion { contest, detail } => {
                t!(
                    lang,
                    "determine-apportion",
                    contest = contest,
                    detail = detail
                )
            }
        }
    }
}

/// The count of one polling station.
#[derive(Debug, Clone, Copy)]
pub struct StationCount<'a> {
    /// The polling station.
    pub station: PollingStationNumber,
    /// The contest its ballots count for, where the source says so (a ballot-box stick does);
    /// otherwise the polling station's contest in the definition, or the election's only one.
    pub contest: Option<&'a ContestId>,
    /// The count.
    pub count: &'a CountForm,
}

/// The counts to determine a result from.
#[derive(Debug, Clone)]
pub enum Counts<'a> {
    /// Per polling station: typed, imported from an EML 510b, or read from sticks.
    PerStation(Vec<StationCount<'a>>),
    /// The totals per contest, as a Flemish main office's result file carries them.
    PerContest(Vec<(ContestId, Totals)>),
}

impl<'a> Counts<'a> {
    /// The counts of polling stations, each of the contest its definition gives it (a Dutch
    /// municipality's: typed, or read from an EML 510b).
    pub fn per_station(
        counts: impl IntoIterator<Item = &'a (PollingStationNumber, CountForm)>,
    ) -> Counts<'a> {
        Counts::PerStation(
            counts
                .into_iter()
                .map(|(station, count)| StationCount {
                    station: *station,
                    contest: None,
                    count,
                })
                .collect(),
        )
    }

    /// The counts of polling stations with the contest each was counted for (a Flemish main
    /// office's, read from the sticks).
    pub fn per_station_in_contest(
        counts: impl IntoIterator<Item = &'a (PollingStationNumber, ContestId, CountForm)>,
    ) -> Counts<'a> {
        Counts::PerStation(
            counts
                .into_iter()
                .map(|(station, contest, count)| StationCount {
                    station: *station,
                    contest: Some(contest),
                    count,
                })
                .collect(),
        )
    }
}

/// Where one contest's seat allocation stands.
#[derive(Debug, Clone)]
pub enum ContestOutcome {
    /// No polling station of the contest is counted yet.
    Uncounted,
    /// A tie must be decided by lot (or, in Flanders, by age) first; the steps up to it.
    LotRequired(apportion::LotRequired),
    /// Every seat and elected candidate decided.
    Complete(Apportionment),
}

/// The result of one contest.
#[derive(Debug, Clone)]
pub struct ContestResult {
    /// The contest.
    pub contest: ContestId,
    /// The totals of the polling stations counted (which ones: `totals.polling_stations`).
    pub totals: Totals,
    /// The contest's polling stations in the definition that have no count.
    pub missing: Vec<PollingStationNumber>,
    /// The seat allocation.
    pub outcome: ContestOutcome,
    /// Lots recorded for the contest that decided no tie of this count: a package whose
    /// decisions do not belong to its count.
    pub unused_lots: Vec<String>,
}

impl ContestResult {
    /// The complete allocation, if complete.
    pub fn apportionment(&self) -> Option<&Apportionment> {
        match &self.outcome {
            ContestOutcome::Complete(apportionment) => Some(apportionment),
            _ => None,
        }
    }

    /// The lot the allocation waits for, if any.
    pub fn lot_required(&self) -> Option<&LotRequest> {
        match &self.outcome {
            ContestOutcome::LotRequired(required) => Some(&required.lots_required),
            _ => None,
        }
    }
}

/// The result of an election: one [`ContestResult`] per contest, in the definition's order.
#[derive(Debug, Clone)]
pub struct Determination {
    /// The election.
    pub election: ElectionId,
    /// The rules the seats were allocated by.
    pub rules: Rules,
    /// Per contest.
    pub contests: Vec<ContestResult>,
    /// The decisions that were applied.
    pub decisions: Decisions,
}

impl Determination {
    /// The result of `contest`.
    pub fn contest(&self, contest: &ContestId) -> Option<&ContestResult> {
        self.contests.iter().find(|c| &c.contest == contest)
    }

    /// Polling stations of the definition without a count, over all contests, in number order.
    pub fn missing(&self) -> Vec<PollingStationNumber> {
        let mut missing: Vec<_> = self
            .contests
            .iter()
            .flat_map(|c| c.missing.iter().copied())
            .collect();
        missing.sort();
        missing
    }

    /// Polling stations counted, over all contests.
    pub fn counted(&self) -> usize {
        self.contests
            .iter()
            .map(|c| c.totals.polling_stations.len())
            .sum()
    }

    /// The first lot the allocation waits for, with its contest.
    pub fn pending_lot(&self) -> Option<(&ContestId, &LotRequest)> {
        self.contests
            .iter()
            .find_map(|c| c.lot_required().map(|lot| (&c.contest, lot)))
    }

    /// Every contest counted and allocated, and no polling station of the definition missing.
    pub fn is_complete(&self) -> bool {
        self.missing().is_empty()
            && self
                .contests
                .iter()
                .all(|c| matches!(c.outcome, ContestOutcome::Complete(_)))
    }

    /// Every contest's complete allocation, with its contest and totals; `None` while any contest
    /// is uncounted or waits for a lot.
    pub fn complete(&self) -> Option<Vec<(&ContestId, &Totals, &Apportionment)>> {
        self.contests
            .iter()
            .map(|c| Some((&c.contest, &c.totals, c.apportionment()?)))
            .collect()
    }
}

/// Determines the result of every contest of `election` from `counts`, with `decisions`.
///
/// Refused, with the reason, when a count does not fit the definition (another contest, a
/// station twice, other lists), the decisions are for another election or name a candidate who
/// is not on the lists, or Urna has no rules for the election. A contest without counts is
/// [`ContestOutcome::Uncounted`]; polling stations of the definition without a count are listed
/// per contest (a caller that needs every count refuses on [`Determination::missing`]).
pub fn determine(
    election: &Election,
    counts: &Counts<'_>,
    decisions: &Decisions,
) -> Result<Determination, DetermineError> {
    if election.contests.is_empty() {
        return Err(DetermineError::NoContests);
    }
    let rules = Rules::for_election(election.body, election.law).ok_or(DetermineError::NoRules)?;
    if election.contests.len() > 1 && election.contests.iter().any(|c| c.seats.is_none()) {
        return Err(DetermineError::CombinedContests);
    }
    decisions.check(election)?;
    let totals = totals_per_contest(election, counts)?;
    let mut contests = Vec::with_capacity(election.contests.len());
    for (contest, totals) in election.contests.iter().zip(totals) {
        let expected = election.stations_of(&contest.id);
        let missing = expected
            .into_iter()
            .filter(|n| !totals.polling_stations.contains(n))
            .collect();
        let (outcome, unused_lots) = allocate(election, contest, &totals, decisions)?;
        contests.push(ContestResult {
            contest: contest.id.clone(),
            totals,
            missing,
            outcome,
            unused_lots,
        });
    }
    Ok(Determination {
        election: election.id.clone(),
        rules,
        contests,
        decisions: decisions.clone(),
    })
}

/// The totals of each contest of `election` over `counts`, in the definition's order, without
/// allocating seats: the running totals while counts come in. Refused as [`determine`] refuses
/// counts that do not fit.
pub fn totals(election: &Election, counts: &Counts<'_>) -> Result<Vec<Totals>, DetermineError> {
    totals_per_contest(election, counts)
}

/// The totals of each contest, in the definition's order.
fn totals_per_contest(
    election: &Election,
    counts: &Counts<'_>,
) -> Result<Vec<Totals>, DetermineError> {
    match counts {
        Counts::PerStation(stations) => {
            let mut seen = std::collections::HashSet::new();
            let mut per_contest: Vec<Vec<(PollingStationNumber, &CountForm)>> =
                vec![Vec::new(); election.contests.len()];
            for count in stations {
                if !seen.insert(count.station) {
                    return Err(DetermineError::Twice(count.station));
                }
                let index = contest_index(election, count.station, count.contest)?;
                per_contest[index].push((count.station, count.count));
            }
            election
                .contests
                .iter()
                .zip(per_contest)
                .map(|(contest, counts)| Ok(Totals::add_up(contest, counts)?))
                .collect()
        }
        Counts::PerContest(given) => {
            for (id, _) in given {
                if election.contest(id).is_none() {
                    return Err(DetermineError::UnknownContest(id.to_string()));
                }
            }
            election
                .contests
                .iter()
                .map(
                    |contest| match given.iter().find(|(id, _)| id == &contest.id) {
                        Some((_, totals)) => {
                            check_totals_shape(contest, totals)?;
                            Ok(totals.clone())
                        }
                        None => Ok(Totals::add_up(contest, [])?),
                    },
                )
                .collect()
        }
    }
}

/// Totals given per contest must have its lists, in order, with its candidates.
fn check_totals_shape(contest: &Contest, totals: &Totals) -> Result<(), DetermineError> {
    let shape = |detail: String| DetermineError::TotalsShape {
        contest: contest.id.to_string(),
        detail,
    };
    if totals.lists.len() != contest.lists.len() {
        return Err(shape(format!(
            "{} lists, the definition has {}",
            totals.lists.len(),
            contest.lists.len()
        )));
    }
    for (total, list) in totals.lists.iter().zip(&contest.lists) {
        if total.number != list.number.get() || total.candidates.len() != list.candidates.len() {
            return Err(shape(format!(
                "list {} with {} candidates where the definition has list {} with {}",
                total.number,
                total.candidates.len(),
                list.number,
                list.candidates.len()
            )));
        }
    }
    Ok(())
}

/// The index of the contest a polling station's count belongs to.
fn contest_index(
    election: &Election,
    station: PollingStationNumber,
    given: Option<&ContestId>,
) -> Result<usize, DetermineError> {
    let index_of = |id: &ContestId| {
        election
            .contests
            .iter()
            .position(|c| &c.id == id)
            .ok_or_else(|| DetermineError::UnknownContest(id.to_string()))
    };
    let defined = election
        .polling_stations
        .iter()
        .find(|s| s.number == station)
        .and_then(|s| s.contest.as_ref());
    match (given, defined) {
        (Some(counted), Some(defined)) if counted != defined => Err(DetermineError::OtherContest {
            station,
            defined: defined.to_string(),
            counted: counted.to_string(),
        }),
        (Some(id), _) | (None, Some(id)) => index_of(id),
        (None, None) if election.contests.len() == 1 => Ok(0),
        (None, None) => Err(DetermineError::ContestUnknownFor(station)),
    }
}

/// One contest's seat allocation, and the lots recorded for it that it did not use.
fn allocate(
    election: &Election,
    contest: &Contest,
    totals: &Totals,
    decisions: &Decisions,
) -> Result<(ContestOutcome, Vec<String>), DetermineError> {
    if totals.polling_stations.is_empty() && totals.lists.iter().all(|l| l.votes == 0) {
        return Ok((ContestOutcome::Uncounted, Vec::new()));
    }
    let apportion_error = |detail: String| DetermineError::Apportion {
        contest: contest.id.to_string(),
        detail,
    };
    let mut input =
        apportion::Input::from_totals(election, contest, totals).ok_or(DetermineError::NoRules)?;
    let (deceased, lots) = decisions.for_contest(election, contest);
    input.deceased = deceased;
    input.lots = lots;
    match apportion::apportion(&input).map_err(|e| apportion_error(e.to_string()))? {
        apportion::Outcome::Complete(apportionment) => {
            let unused = input
                .lots
                .iter()
                .filter(|lot| !apportionment.lots_used.contains(&lot.id))
                .map(|lot| lot.id.clone())
                .collect();
            Ok((ContestOutcome::Complete(apportionment), unused))
        }
        apportion::Outcome::LotRequired(required) => {
            Ok((ContestOutcome::LotRequired(required), Vec::new()))
        }
    }
}
