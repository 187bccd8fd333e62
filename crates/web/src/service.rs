//! The operations of results entry, shared by the HTML pages and the JSON API.
//!
//! Each operation reads the stored state, runs the pure transition of `model::entry` on it, and
//! stores the result on the condition that nobody changed it meanwhile (the version). Nothing here
//! knows about HTTP; the pages and the API only translate. These are blocking calls (the store
//! waits for its writer thread): handlers run them on Tokio's blocking pool.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use model::count::{CountForm, FieldDifference, FieldError, Submitted, compare};
use model::entry::{
    Acknowledgements, Comparison, DifferenceResolution, EntryState, ErrorResolution, Status,
    TransitionError,
};
use model::rules::{Findings, check};
use model::{Contest, Election, ElectionId, PollingStation, PollingStationNumber};
use serde::{Deserialize, Serialize};
use serde_json::json;
use store::{EntryChange, Store, StoreError, StoredEntry};

use crate::auth::CurrentUser;

/// Why an operation was refused. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// No such election or polling station (in this election).
    #[error("{0}")]
    NotFound(String),
    /// The submitted fields could not be read.
    #[error("the form has {} invalid field(s)", .0.len())]
    Invalid(Vec<FieldError>),
    /// The state machine refuses.
    #[error(transparent)]
    Transition(#[from] TransitionError),
    /// Someone else changed the entry meanwhile.
    #[error("the entry was changed meanwhile (now version {found}, this was based on {expected})")]
    Stale {
        /// The version the request was based on.
        expected: u64,
        /// The version stored.
        found: u64,
    },
    /// A request that makes no sense (a missing parameter, a polling station number out of range).
    #[error("{0}")]
    BadRequest(String),
    /// The change conflicts with what is stored (a number in use, an entry that started).
    #[error("{en}")]
    Conflict {
        /// In English.
        en: String,
        /// In Dutch.
        nl: String,
    },
    /// The store failed.
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for ServiceError {
    fn from(error: StoreError) -> ServiceError {
        match error {
            StoreError::Stale { expected, found } => ServiceError::Stale { expected, found },
            StoreError::NotFound(what) => ServiceError::NotFound(format!("{what} does not exist")),
            StoreError::StationNumbersTaken(numbers) => {
                let list = numbers
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ");
                ServiceError::Conflict {
                    en: format!(
                        "polling station number(s) {list} already in use; nothing was changed"
                    ),
                    nl: format!(
                        "Stembureaunummer(s) {list} zijn al in gebruik; er is niets gewijzigd."
                    ),
                }
            }
            StoreError::EntryStarted(number) => ServiceError::Conflict {
                en: format!(
                    "the data entry of polling station {number} has started; its number cannot change"
                ),
                nl: format!(
                    "De invoer van stembureau {number} is begonnen; het nummer kan niet meer wijzigen."
                ),
            },
            other => ServiceError::Store(other),
        }
    }
}

impl ServiceError {
    /// Dutch message.
    pub fn message_nl(&self) -> String {
        match self {
            ServiceError::NotFound(what) => format!("Niet gevonden: {what}."),
            ServiceError::Invalid(errors) => errors
                .iter()
                .map(FieldError::message_nl)
                .collect::<Vec<_>>()
                .join(" "),
            ServiceError::Transition(error) => error.message_nl(),
            ServiceError::Stale { .. } => {
                "Deze invoer is intussen elders gewijzigd (bijvoorbeeld in een ander venster). Er is niets opgeslagen; laad de pagina opnieuw."
                    .into()
            }
            ServiceError::BadRequest(what) => format!("Ongeldig verzoek: {what}"),
            ServiceError::Conflict { nl, .. } => nl.clone(),
            ServiceError::Store(error) => format!("De database weigerde: {error}"),
        }
    }
}

/// A coordinator's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Resolution {
    /// On two entries that differ.
    Differences {
        /// The decision.
        resolution: DifferenceResolution,
    },
    /// On a first entry with errors.
    Errors {
        /// The decision.
        resolution: ErrorResolution,
    },
}

/// The state of one polling station's entry, with what a page or client needs to show it.
#[derive(Debug, Clone)]
pub struct EntryView {
    /// The polling station.
    pub station: PollingStation,
    /// Stored state and version.
    pub stored: StoredEntry,
    /// Findings on the draft or first entry.
    pub findings: Findings,
    /// When the entries differ: the fields.
    pub differences: Vec<FieldDifference>,
}

/// One row of the coordinator's overview.
#[derive(Debug, Clone, Serialize)]
pub struct OverviewRow {
    /// Polling station number.
    pub number: u32,
    /// Name.
    pub name: String,
    /// Status.
    pub status: Status,
    /// Who typed (or is typing) the first entry.
    pub first_typist: Option<String>,
    /// Who typed (or is typing) the second entry.
    pub second_typist: Option<String>,
    /// Fields that differ between the entries.
    pub differences: usize,
    /// Error codes on the entry that needs attention.
    pub errors: Vec<String>,
    /// Warning codes.
    pub warnings: Vec<String>,
    /// Version.
    pub version: u64,
}

/// The municipality's running totals over the definitive counts.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    /// Polling stations with a definitive count.
    pub definitive: usize,
    /// All polling stations.
    pub stations: usize,
    /// D (or, in Flanders, ballots in the box).
    pub admitted_voters: u64,
    /// Votes per list, in ballot order (Flanders: valid ballots per list).
    pub per_list: Vec<u64>,
    /// E (Flanders: valid ballots).
    pub votes_on_candidates: u64,
    /// F.
    pub blank: u64,
    /// G.
    pub invalid: u64,
    /// H (Flanders: ballots in the box).
    pub total_cast: u64,
}

/// The overview.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    /// Per polling station.
    pub rows: Vec<OverviewRow>,
    /// Running totals.
    pub totals: Totals,
    /// Count per status.
    pub by_status: Vec<(Status, usize)>,
}

/// One list in the result.
#[derive(Debug, Clone, Serialize)]
pub struct ListOutcome {
    /// List number.
    pub number: u32,
    /// Name.
    pub name: String,
    /// Votes.
    pub votes: u64,
    /// Seats.
    pub seats: u32,
    /// Elected candidates' names, in order of election.
    pub elected: Vec<String>,
}

/// The result from the definitive counts.
#[derive(Debug, Clone, Serialize)]
pub struct ResultSummary {
    /// The totals.
    pub totals: model::totals::Totals,
    /// Per list; empty when a drawing of lots is needed first.
    pub lists: Vec<ListOutcome>,
    /// A drawing of lots is needed before seats can be given.
    pub lot_required: bool,
    /// The drawing of lots to hold, when one is needed.
    pub lot: Option<apportion::LotRequest>,
    /// Candidates registered as deceased (Kieswet P 19a): list number and position.
    pub deceased: Vec<(u32, u32)>,
    /// Lots drawn so far: their id and drawn order.
    pub lots: Vec<(String, Vec<u32>)>,
}

/// The results-entry service of one installation.
#[derive(Debug)]
pub struct Service {
    store: Arc<Store>,
    elections: RwLock<HashMap<ElectionId, Arc<Election>>>,
    /// Held while an election is loaded into the cache, so that many requests arriving at once
    /// load it once instead of each on its own.
    loading: std::sync::Mutex<()>,
}

fn parse_election_id(text: &str) -> Result<ElectionId, ServiceError> {
    ElectionId::new(text).map_err(|_| ServiceError::NotFound(format!("election {text:?}")))
}

fn parse_station_number(text: &str) -> Result<PollingStationNumber, ServiceError> {
    text.parse::<u32>()
        .ok()
        .and_then(|n| PollingStationNumber::new(n).ok())
        .ok_or_else(|| ServiceError::NotFound(format!("polling station {text:?}")))
}

impl Service {
    /// A service over `store`.
    pub fn new(store: Arc<Store>) -> Service {
        Service {
            store,
            elections: RwLock::new(HashMap::new()),
            loading: std::sync::Mutex::new(()),
        }
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// An election, from the cache or the store.
    pub fn election(&self, id: &str) -> Result<Arc<Election>, ServiceError> {
        let id = parse_election_id(id)?;
        let cached = || {
            self.elections
                .read()
                .unwrap_or_else(|p| p.into_inner())
                .get(&id)
                .cloned()
        };
        if let Some(election) = cached() {
            return Ok(election);
        }
        let _loading = self.loading.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(election) = cached() {
            return Ok(election);
        }
        let stored = self
            .store
            .election(&id)?
            .ok_or_else(|| ServiceError::NotFound(format!("election {id}")))?;
        let election = Arc::new(stored.election);
        self.elections
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id, election.clone());
        Ok(election)
    }

    fn forget(&self, id: &ElectionId) {
        self.elections
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(id);
    }

    /// The polling station `number` of `election`, and the contest its ballots count for.
    pub fn station<'e>(
        election: &'e Election,
        number: &str,
    ) -> Result<(&'e PollingStation, &'e Contest), ServiceError> {
        let number = parse_station_number(number)?;
        // Stored in number order: a binary search, with a scan for an unsorted list.
        let stations = &election.polling_stations;
        let station = stations
            .binary_search_by_key(&number, |s| s.number)
            .ok()
            .map(|index| &stations[index])
            .or_else(|| stations.iter().find(|s| s.number == number))
            .ok_or_else(|| {
                ServiceError::NotFound(format!(
                    "polling station {number} in election {}",
                    election.id
                ))
            })?;
        let contest = match &station.contest {
            Some(id) => election.contest(id),
            None => election.contests.first(),
        }
        .ok_or_else(|| {
            ServiceError::NotFound(format!("the contest of polling station {number}"))
        })?;
        Ok((station, contest))
    }

    /// The entry of a polling station, with findings and differences.
    pub fn entry(&self, election_id: &str, number: &str) -> Result<EntryView, ServiceError> {
        let election = self.election(election_id)?;
        let (station, contest) = Service::station(&election, number)?;
        let stored = self.store.entry(&election.id, station.number)?;
        let findings = stored.state.findings();
        let differences = match &stored.state {
            EntryState::EntriesDifferent { first, second } => {
                compare(&first.count, &second.count, contest)
            }
            _ => Vec::new(),
        };
        Ok(EntryView {
            station: station.clone(),
            stored,
            findings,
            differences,
        })
    }

    fn expect_version(stored: &StoredEntry, version: Option<u64>) -> Result<(), ServiceError> {
        match version {
            Some(v) if v != stored.version => Err(ServiceError::Stale {
                expected: v,
                found: stored.version,
            }),
            _ => Ok(()),
        }
    }

    /// Stores `state` for polling station `number` of `election`, if still at `expected_version`.
    fn store_change(
        &self,
        user: &CurrentUser,
        (election, number, expected_version): (&Election, PollingStationNumber, u64),
        state: EntryState,
        action: &'static str,
        details: serde_json::Value,
    ) -> Result<u64, ServiceError> {
        let receipt = self.store.change_entry(
            &user.actor(),
            EntryChange {
                election: election.id.clone(),
                polling_station: number,
                expected_version,
                state,
                action,
                details,
            },
        )?;
        Ok(receipt.version)
    }

    /// A typist starts or resumes an entry. Returns the entry as it now stands.
    pub fn claim(
        &self,
        user: &CurrentUser,
        election_id: &str,
        number: &str,
    ) -> Result<EntryView, ServiceError> {
        let election = self.election(election_id)?;
        let (station, contest) = Service::station(&election, number)?;
        let stored = self.store.entry(&election.id, station.number)?;
        let empty = CountForm::empty(election.jurisdiction, contest);
        let before = stored.state.status();
        let next = stored.state.clone().claim(&user.typist(), empty)?;
        if next != stored.state {
            self.store_change(
                user,
                (&election, station.number, stored.version),
                next,
                "entry.claim",
                json!({ "entry": if before == Status::NotStarted { "first" } else { "second" } }),
            )?;
        }
        self.entry(election_id, number)
    }

    fn read_form(
        election: &Election,
        contest: &Contest,
        fields: &Submitted,
    ) -> Result<CountForm, ServiceError> {
        CountForm::from_fields(election.jurisdiction, contest, fields)
            .map_err(ServiceError::Invalid)
    }

    /// A typist saves a draft; returns the new version and the findings on it.
    pub fn save(
        &self,
        user: &CurrentUser,
        election_id: &str,
        number: &str,
        version: u64,
        fields: &Submitted,
    ) -> Result<(u64, Findings), ServiceError> {
        let election = self.election(election_id)?;
        let (station, contest) = Service::station(&election, number)?;
        let draft = Service::read_form(&election, contest, fields)?;
        let stored = self.store.entry(&election.id, station.number)?;
        Service::expect_version(&stored, Some(version))?;
        let findings = check(&draft);
        let next = stored
            .state
            .save(&user.typist(), draft, contest, election.jurisdiction)?;
        let version = self.store_change(
            user,
            (&election, station.number, version),
            next,
            "entry.save",
            json!({}),
        )?;
        Ok((version, findings))
    }

    /// A typist finalises the entry, with the fields as last typed (saved in the same step).
    /// Returns the new status and version.
    pub fn finalise(
        &self,
        user: &CurrentUser,
        election_id: &str,
        number: &str,
        version: u64,
        fields: Option<&Submitted>,
        acknowledged: Acknowledgements,
    ) -> Result<(Status, u64), ServiceError> {
        let election = self.election(election_id)?;
        let (station, contest) = Service::station(&election, number)?;
        let stored = self.store.entry(&election.id, station.number)?;
        Service::expect_version(&stored, Some(version))?;
        let mut state = stored.state;
        if let Some(fields) = fields {
            let draft = Service::read_form(&election, contest, fields)?;
            state = state.save(&user.typist(), draft, contest, election.jurisdiction)?;
        }
        let (next, comparison) = state.finalise(&user.typist(), acknowledged, contest)?;
        let status = next.status();
        let differences = match &comparison {
            Some(Comparison::Different(fields)) => fields.len(),
            _ => 0,
        };
        let version = self.store_change(
            user,
            (&election, station.number, version),
            next,
            "entry.finalise",
            json!({
                "acknowledged_warnings": acknowledged.warnings,
                "acknowledged_errors": acknowledged.errors,
                "differences": differences,
            }),
        )?;
        Ok((status, version))
    }

    /// A typist gives up an entry in progress; what they typed is discarded.
    pub fn abandon(
        &self,
        user: &CurrentUser,
        election_id: &str,
        number: &str,
        version: u64,
    ) -> Result<(Status, u64), ServiceError> {
        let election = self.election(election_id)?;
        let (station, _) = Service::station(&election, number)?;
        let stored = self.store.entry(&election.id, station.number)?;
        Service::expect_version(&stored, Some(version))?;
        let next = stored.state.abandon(&user.typist())?;
        let status = next.status();
        let version = self.store_change(
            user,
            (&election, station.number, version),
            next,
            "entry.abandon",
            json!({}),
        )?;
        Ok((status, version))
    }

    /// A coordinator resolves differences or errors.
    pub fn resolve(
        &self,
        user: &CurrentUser,
        election_id: &str,
        number: &str,
        version: u64,
        resolution: Resolution,
    ) -> Result<(Status, u64), ServiceError> {
        let election = self.election(election_id)?;
        let (station, _) = Service::station(&election, number)?;
        let stored = self.store.entry(&election.id, station.number)?;
        Service::expect_version(&stored, Some(version))?;
        let (next, action) = match resolution {
            Resolution::Differences { resolution } => (
                stored.state.resolve_differences(resolution)?,
                "entry.resolve_differences",
            ),
            Resolution::Errors { resolution } => (
                stored.state.resolve_errors(resolution)?,
                "entry.resolve_errors",
            ),
        };
        let status = next.status();
        let version = self.store_change(
            user,
            (&election, station.number, version),
            next,
            action,
            json!({ "resolution": resolution }),
        )?;
        Ok((status, version))
    }

    /// The coordinator's overview of an election.
    pub fn overview(&self, election_id: &str) -> Result<Overview, ServiceError> {
        let election = self.election(election_id)?;
        let entries = self.store.entries(&election.id)?;
        let contest = first_contest(&election)?;
        let (sum, _) = add_up_definitive(contest, &entries)?;
        let totals = Totals {
            definitive: sum.polling_stations.len(),
            stations: entries.len(),
            admitted_voters: sum.admitted_voters,
            per_list: sum.lists.iter().map(|l| l.votes).collect(),
            votes_on_candidates: sum.valid,
            blank: sum.blank,
            invalid: sum.invalid,
            total_cast: sum.cast,
        };
        let mut rows = Vec::with_capacity(entries.len());
        let mut by_status: HashMap<Status, usize> = HashMap::new();
        for stored in entries {
            let station = election
                .polling_stations
                .iter()
                .find(|s| s.number == stored.polling_station);
            let name = station.map(|s| s.name.clone()).unwrap_or_default();
            let state = &stored.state;
            *by_status.entry(state.status()).or_default() += 1;
            let (first_typist, second_typist) = match state {
                EntryState::NotStarted | EntryState::Imported { .. } => (None, None),
                EntryState::FirstEntryInProgress { typist, .. } => {
                    (Some(typist.username.clone()), None)
                }
                EntryState::FirstEntryHasErrors { first }
                | EntryState::SecondEntryNotStarted { first } => {
                    (Some(first.typist.username.clone()), None)
                }
                EntryState::SecondEntryInProgress { first, typist, .. } => (
                    Some(first.typist.username.clone()),
                    Some(typist.username.clone()),
                ),
                EntryState::EntriesDifferent { first, second } => (
                    Some(first.typist.username.clone()),
                    Some(second.typist.username.clone()),
                ),
                EntryState::Definitive {
                    first,
                    second_typist,
                } => (
                    Some(first.typist.username.clone()),
                    Some(second_typist.username.clone()),
                ),
            };
            let differences = match state {
                EntryState::EntriesDifferent { first, second } => {
                    let contest = station
                        .and_then(|s| s.contest.as_ref())
                        .and_then(|c| election.contest(c))
                        .or(election.contests.first());
                    contest.map_or(0, |c| compare(&first.count, &second.count, c).len())
                }
                _ => 0,
            };
            let findings = state.findings();
            rows.push(OverviewRow {
                number: stored.polling_station.get(),
                name,
                status: state.status(),
                first_typist,
                second_typist,
                differences,
                errors: findings.errors().map(|f| f.code.dotted()).collect(),
                warnings: findings.warnings().map(|f| f.code.dotted()).collect(),
                version: stored.version,
            });
        }
        Ok(Overview {
            rows,
            totals,
            by_status: Status::ALL
                .iter()
                .map(|s| (*s, by_status.get(s).copied().unwrap_or(0)))
                .collect(),
        })
    }

    /// The totals over the definitive counts and the outcome of the seat allocation with the
    /// decisions entered so far. Refused while a polling station has no definitive count.
    #[allow(clippy::type_complexity)]
    fn determine(
        &self,
        election: &Election,
    ) -> Result<
        (
            model::totals::Totals,
            apportion::Outcome,
            Vec<(u32, u32)>,
            Vec<(String, Vec<u32>)>,
        ),
        ServiceError,
    > {
        let contest = first_contest(election)?;
        let (totals, missing) = add_up_definitive(contest, &self.store.entries(&election.id)?)?;
        if !missing.is_empty() {
            let list: Vec<String> = missing.iter().map(ToString::to_string).collect();
            return Err(ServiceError::Conflict {
                en: format!(
                    "no definitive count yet for polling station(s) {}",
                    list.join(", ")
                ),
                nl: format!(
                    "Nog geen definitieve telling voor stembureau(s) {}.",
                    list.join(", ")
                ),
            });
        }
        let mut input =
            apportion::Input::from_totals(election, contest, &totals).ok_or_else(|| {
                ServiceError::BadRequest(
                    "Urna has no seat-allocation rules for this election".into(),
                )
            })?;
        let (deceased, lots) = self.decisions(election)?;
        decisions_of(election, &deceased, &lots).apply_to(&mut input);
        let outcome =
            apportion::apportion(&input).map_err(|e| ServiceError::BadRequest(e.to_string()))?;
        Ok((totals, outcome, deceased, lots))
    }

    /// Totals, seats and elected candidates from the definitive counts (Kieswet chapter P or the
    /// Flemish rules). Refused while a polling station has no definitive count.
    pub fn result_summary(&self, election_id: &str) -> Result<ResultSummary, ServiceError> {
        let election = self.election(election_id)?;
        let contest = first_contest(&election)?;
        let (totals, outcome, deceased, lots) = self.determine(&election)?;
        let Some(result) = outcome.complete() else {
            return Ok(ResultSummary {
                totals,
                lists: Vec::new(),
                lot_required: true,
                lot: outcome.lot_required().cloned(),
                deceased,
                lots,
            });
        };
        let lists = result
            .lists
            .iter()
            .map(|list| {
                let on_ballot = contest.lists.iter().find(|l| l.number.get() == list.number);
                ListOutcome {
                    number: list.number,
                    name: list.name.clone(),
                    votes: totals
                        .lists
                        .iter()
                        .find(|l| l.number == list.number)
                        .map_or(0, |l| l.votes),
                    seats: list.seats,
                    elected: list
                        .elected
                        .iter()
                        .filter_map(|position| {
                            on_ballot?
                                .candidates
                                .get(usize::try_from(*position).ok()?.checked_sub(1)?)
                                .map(model::Candidate::full_name)
                        })
                        .collect(),
                }
            })
            .collect();
        Ok(ResultSummary {
            totals,
            lists,
            lot_required: false,
            lot: None,
            deceased,
            lots,
        })
    }

    /// The decisions entered so far: deceased candidates and drawn lots (see [`decisions_of`]).
    #[allow(clippy::type_complexity)]
    fn decisions(
        &self,
        election: &Election,
    ) -> Result<(Vec<(u32, u32)>, Vec<(String, Vec<u32>)>), ServiceError> {
        let mut deceased = Vec::new();
        let mut lots = Vec::new();
        for decision in self.store.result_decisions(&election.id)? {
            let corrupt = || ServiceError::BadRequest("a stored decision does not read".into());
            match decision.kind.as_str() {
                "deceased" => {
                    let list = decision.data["list"]
                        .as_u64()
                        .and_then(|v| u32::try_from(v).ok());
                    let position = decision.data["position"]
                        .as_u64()
                        .and_then(|v| u32::try_from(v).ok());
                    deceased.push((list.ok_or_else(corrupt)?, position.ok_or_else(corrupt)?));
                }
                "lot" => {
                    let id = decision.data["id"]
                        .as_str()
                        .ok_or_else(corrupt)?
                        .to_string();
                    let order = decision.data["order"]
                        .as_array()
                        .ok_or_else(corrupt)?
                        .iter()
                        .map(|v| v.as_u64().and_then(|v| u32::try_from(v).ok()))
                        .collect::<Option<Vec<u32>>>()
                        .ok_or_else(corrupt)?;
                    lots.push((id, order));
                }
                _ => return Err(corrupt()),
            }
        }
        Ok((deceased, lots))
    }

    /// Records the outcome of the drawing of lots the result waits for: `order` is the drawn
    /// order of its options, winners first (all of them). Refused when no lot is pending, the id
    /// is not the pending one's, or the order does not fit it.
    pub fn enter_lot(
        &self,
        actor: &store::Actor,
        election_id: &str,
        lot_id: &str,
        order: Vec<u32>,
    ) -> Result<(), ServiceError> {
        let election = self.election(election_id)?;
        let summary = self.result_summary(election_id)?;
        let Some(pending) = summary.lot else {
            return Err(ServiceError::Conflict {
                en: "no drawing of lots is pending".into(),
                nl: "Er hoeft niet geloot te worden.".into(),
            });
        };
        if pending.id != lot_id {
            return Err(ServiceError::Conflict {
                en: format!(
                    "the pending drawing of lots is {}, not {lot_id}",
                    pending.id
                ),
                nl: format!("De loting die openstaat is {}, niet {lot_id}.", pending.id),
            });
        }
        let mut sorted = order.clone();
        sorted.sort_unstable();
        let mut options = pending.options.clone();
        options.sort_unstable();
        if sorted != options {
            return Err(ServiceError::BadRequest(format!(
                "the drawn order must name each of {:?} once",
                pending.options
            )));
        }
        self.store.add_result_decision(
            actor,
            &election.id,
            "lot",
            json!({ "id": lot_id, "order": order, "description": pending.description, "article": pending.article }),
        )?;
        Ok(())
    }

    /// Registers a candidate as deceased (Kieswet P 19a): their votes count for the list; they
    /// are not elected and not ranked.
    pub fn register_deceased(
        &self,
        actor: &store::Actor,
        election_id: &str,
        list: u32,
        position: u32,
    ) -> Result<(), ServiceError> {
        let election = self.election(election_id)?;
        let candidate = election
            .contests
            .first()
            .and_then(|c| c.lists.iter().find(|l| l.number.get() == list))
            .and_then(|l| l.candidates.iter().find(|c| c.position.get() == position))
            .ok_or_else(|| {
                ServiceError::NotFound(format!("candidate {position} of list {list}"))
            })?;
        if self.store.result_file(&election.id, "eml-520")?.is_some() {
            return Err(ServiceError::Conflict {
                en: "the result has been determined and its files made; it cannot change".into(),
                nl: "De uitslag is vastgesteld en de bestanden zijn gemaakt; die kan niet meer veranderen."
                    .into(),
            });
        }
        let (deceased, _) = self.decisions(&election)?;
        if deceased.contains(&(list, position)) {
            return Err(ServiceError::Conflict {
                en: format!("candidate {position} of list {list} is registered already"),
                nl: format!("Kandidaat {position} van lijst {list} is al geregistreerd."),
            });
        }
        self.store.add_result_decision(
            actor,
            &election.id,
            "deceased",
            json!({ "list": list, "position": position, "name": candidate.full_name() }),
        )?;
        Ok(())
    }

    /// Imports a municipality's count made by other software (an EML 510b) as the definitive
    /// counts of its polling stations — the central committee's path. All or nothing: refused
    /// when the file is of another election, names a polling station the election does not
    /// have, its own totals differ from the sum of its polling stations, or a polling station's
    /// entry has started. Returns the number of polling stations imported.
    pub fn import_count(
        &self,
        actor: &store::Actor,
        election_id: &str,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<usize, ServiceError> {
        let election = self.election(election_id)?;
        let contest = first_contest(&election)?;
        let file = eml::SourceFile::new(file_name, bytes);
        let counts = eml::read_polling_station_counts(file, &election)
            .map_err(|e| ServiceError::BadRequest(e.to_string()))?;
        let unknown: Vec<String> = counts
            .keys()
            .filter(|n| !election.polling_stations.iter().any(|s| s.number == **n))
            .map(ToString::to_string)
            .collect();
        if !unknown.is_empty() {
            return Err(ServiceError::Conflict {
                en: format!(
                    "{file_name}: polling station(s) {} are not polling stations of {}",
                    unknown.join(", "),
                    election.id
                ),
                nl: format!(
                    "{file_name}: stembureau(s) {} horen niet bij {}.",
                    unknown.join(", "),
                    election.id
                ),
            });
        }
        // The file's own totals must be the sum of its polling stations: our figures, theirs.
        let forms: Vec<(PollingStationNumber, model::count::CountForm)> = counts
            .iter()
            .map(|(n, c)| (*n, model::count::CountForm::Netherlands(c.clone())))
            .collect();
        let totals = model::totals::Totals::add_up(contest, forms.iter().map(|(n, c)| (*n, c)))
            .map_err(|e| ServiceError::BadRequest(e.to_string()))?;
        let stated = eml::read_count_totals(file, &election)
            .map_err(|e| ServiceError::BadRequest(e.to_string()))?;
        for (sum, stated) in totals.lists.iter().zip(&stated) {
            let candidates: Vec<u64> = stated.candidates.iter().map(|v| u64::from(*v)).collect();
            if sum.votes != u64::from(stated.total) || sum.candidates != candidates {
                return Err(ServiceError::Conflict {
                    en: format!(
                        "{file_name}: list {}: the totals in the file ({}) differ from the sum of its polling stations ({})",
                        sum.number, stated.total, sum.votes
                    ),
                    nl: format!(
                        "{file_name}: lijst {}: de totalen in het bestand ({}) wijken af van de som van de stembureaus ({}).",
                        sum.number, stated.total, sum.votes
                    ),
                });
            }
        }
        let sha256 = seal::HashCode::of(bytes).to_hex();
        let entries = self.store.entries(&election.id)?;
        let mut changes = Vec::new();
        let mut started = Vec::new();
        for (number, form) in forms {
            let Some(stored) = entries.iter().find(|e| e.polling_station == number) else {
                continue;
            };
            match stored
                .state
                .clone()
                .import(form, file_name.to_string(), sha256.clone())
            {
                Ok(state) => changes.push(EntryChange {
                    election: election.id.clone(),
                    polling_station: number,
                    expected_version: stored.version,
                    state,
                    action: "entry.import",
                    details: json!({ "file": file_name, "sha256": sha256 }),
                }),
                Err(_) => started.push(number.to_string()),
            }
        }
        if !started.is_empty() {
            return Err(ServiceError::Conflict {
                en: format!(
                    "the entry of polling station(s) {} has started; nothing was imported",
                    started.join(", ")
                ),
                nl: format!(
                    "De invoer van stembureau(s) {} is begonnen; er is niets ingelezen.",
                    started.join(", ")
                ),
            });
        }
        let imported = changes.len();
        self.store.change_entries(actor, changes)?;
        Ok(imported)
    }

    /// The count's files of an election — its EML 510b and OSV4-3 table — generated from the
    /// definitive counts the first time and stored, then served as stored (byte-identical on
    /// every request). Refused while a polling station has no definitive count.
    pub fn count_files(
        &self,
        actor: &store::Actor,
        election_id: &str,
    ) -> Result<Vec<store::ResultFile>, ServiceError> {
        let election = self.election(election_id)?;
        let stored_eml = self.store.result_file(&election.id, "eml-510b")?;
        let eml_file = match stored_eml {
            Some(file) => file,
            None => {
                let entries = self.store.entries(&election.id)?;
                let missing: Vec<String> = entries
                    .iter()
                    .filter(|e| e.state.definitive().is_none())
                    .map(|e| e.polling_station.to_string())
                    .collect();
                if !missing.is_empty() {
                    return Err(ServiceError::Conflict {
                        en: format!(
                            "polling station(s) {} have no definitive count yet",
                            missing.join(", ")
                        ),
                        nl: format!(
                            "Stembureau(s) {} hebben nog geen definitieve telling.",
                            missing.join(", ")
                        ),
                    });
                }
                let counts = definitive_nl_counts(&election, &entries);
                let stations: Vec<eml::StationCount<'_>> = counts
                    .iter()
                    .map(|(station, count)| eml::StationCount { station, count })
                    .collect();
                let bytes = eml::write_count_510b(&election, &stations, chrono::Utc::now())
                    .map_err(|e| ServiceError::BadRequest(e.to_string()))?;
                self.store.store_result_file(
                    actor,
                    &election.id,
                    "eml-510b",
                    format!("Telling_{}.eml.xml", election.id),
                    bytes,
                )?
            }
        };
        let csv_file = match self.store.result_file(&election.id, "osv4-3-csv")? {
            Some(file) => file,
            None => {
                let csv = eml::osv4_3_count_csv(
                    eml::SourceFile::new(&eml_file.name, &eml_file.bytes),
                    &election,
                )
                .map_err(|e| ServiceError::BadRequest(e.to_string()))?;
                self.store.store_result_file(
                    actor,
                    &election.id,
                    "osv4-3-csv",
                    format!("osv4-3_telling_{}.csv", election.id.as_str().to_lowercase()),
                    csv.into_bytes(),
                )?
            }
        };
        Ok(vec![eml_file, csv_file])
    }

    /// Every file of a determined result, generated from the definitive counts the first time and
    /// stored, then served as stored (byte-identical on every request). The Netherlands: the
    /// count's EML 510b and OSV4-3 table, the central committee's EML 510d and 520, and the PDF
    /// reports Na 31-2, its Bijlage 1 and P 22-2, each PDF carrying the hash code of its EML file.
    /// Flanders: the result file (JSON) and the main office's report. Refused while a polling
    /// station has no definitive count or a drawing of lots is pending.
    pub fn result_documents(
        &self,
        actor: &store::Actor,
        election_id: &str,
    ) -> Result<Vec<store::ResultFile>, ServiceError> {
        let election = self.election(election_id)?;
        let contest = first_contest(&election)?;
        let (totals, outcome, deceased, lots) = self.determine(&election)?;
        let Some(apportionment) = outcome.complete() else {
            return Err(ServiceError::Conflict {
                en: "a drawing of lots is needed before the result can be determined".into(),
                nl: "Er moet eerst geloot worden voordat de uitslag kan worden vastgesteld.".into(),
            });
        };
        let id = election.id.as_str();
        let bad = |e: &dyn std::fmt::Display| ServiceError::BadRequest(e.to_string());
        // Each file once: made by `make` the first time, then as stored.
        let once = |kind: &'static str,
                    name: String,
                    make: &dyn Fn() -> Result<Vec<u8>, ServiceError>|
         -> Result<store::ResultFile, ServiceError> {
            match self.store.result_file(&election.id, kind)? {
                Some(file) => Ok(file),
                None => {
                    Ok(self
                        .store
                        .store_result_file(actor, &election.id, kind, name, make()?)?)
                }
            }
        };
        let now = chrono::Utc::now();
        // The decisions the allocation took as given travel with the count, so that the centre
        // and every verifier compute the same seats and elected candidates from the package.
        let decisions = once(
            "decisions-json",
            apportion::Decisions::FILE.to_string(),
            &|| Ok(decisions_of(&election, &deceased, &lots).to_file()),
        )?;
        if election.jurisdiction == model::Jurisdiction::Flanders {
            let result_file = once(
                "flanders-result-json",
                format!("uitslag_{id}.json"),
                &|| {
                    report::flanders_result_file(id, &totals, apportionment, &deceased)
                        .map_err(|e| bad(&e))
                },
            )?;
            let report = once(
                "pdf-flanders-main-office",
                format!("PV_hoofdbureau_{id}.pdf"),
                &|| {
                    report::flanders_main_office(&report::DeterminedResult {
                        election: &election,
                        contest,
                        totals: &totals,
                        apportionment,
                        deceased: &deceased,
                        created_at: now,
                        files: vec![report::SourceFile {
                            name: &result_file.name,
                            bytes: &result_file.bytes,
                        }],
                    })
                    .map_err(|e| bad(&e))
                },
            )?;
            return Ok(vec![result_file, decisions, report]);
        }
        let mut files = self.count_files(actor, election_id)?;
        let counts = definitive_nl_counts(&election, &self.store.entries(&election.id)?);
        let stations: Vec<eml::StationCount<'_>> = counts
            .iter()
            .map(|(station, count)| eml::StationCount { station, count })
            .collect();
        let central = once("eml-510d", format!("Totaaltelling_{id}.eml.xml"), &|| {
            eml::write_count_510d(&election, &stations, now).map_err(|e| bad(&e))
        })?;
        let elected: Vec<eml::ElectedList> = apportionment
            .lists
            .iter()
            .map(|l| eml::ElectedList {
                number: l.number,
                elected: l
                    .elected
                    .iter()
                    .map(|p| (*p, l.preference_elected.contains(p)))
                    .collect(),
            })
            .collect();
        let result = once("eml-520", format!("Resultaat_{id}.eml.xml"), &|| {
            eml::write_result_520(&election, &elected, now).map_err(|e| bad(&e))
        })?;
        let count_eml = files
            .iter()
            .find(|f| f.kind == "eml-510b")
            .cloned()
            .ok_or_else(|| ServiceError::NotFound("the 510b".into()))?;
        let municipal = report::MunicipalCount {
            election: &election,
            contest,
            stations: counts.iter().map(|(s, c)| (s, c)).collect(),
            totals: &totals,
            created_at: now,
            eml: report::SourceFile {
                name: &count_eml.name,
                bytes: &count_eml.bytes,
            },
        };
        let na_31_2 = once("pdf-na-31-2", format!("Model_Na31-2_{id}.pdf"), &|| {
            report::na_31_2(&municipal).map_err(|e| bad(&e))
        })?;
        let bijlage = once(
            "pdf-na-31-2-bijlage-1",
            format!("Model_Na31-2_Bijlage1_{id}.pdf"),
            &|| report::na_31_2_bijlage_1(&municipal).map_err(|e| bad(&e)),
        )?;
        let p_22_2 = once("pdf-p-22-2", format!("Model_P22-2_{id}.pdf"), &|| {
            report::p_22_2(&report::DeterminedResult {
                election: &election,
                contest,
                totals: &totals,
                apportionment,
                deceased: &deceased,
                created_at: now,
                files: vec![
                    report::SourceFile {
                        name: &central.name,
                        bytes: &central.bytes,
                    },
                    report::SourceFile {
                        name: &result.name,
                        bytes: &result.bytes,
                    },
                ],
            })
            .map_err(|e| bad(&e))
        })?;
        files.extend([decisions, central, result, na_31_2, bijlage, p_22_2]);
        Ok(files)
    }

    /// The empty count form (model N 10-2) of a polling station, to print before election day.
    pub fn empty_count_form(
        &self,
        election_id: &str,
        station: &str,
    ) -> Result<Vec<u8>, ServiceError> {
        let election = self.election(election_id)?;
        let (station, contest) = Service::station(&election, station)?;
        report::n_10_2(&election, contest, station, chrono::Utc::now())
            .map_err(|e| ServiceError::BadRequest(e.to_string()))
    }

    /// Adds a polling station.
    pub fn add_station(
        &self,
        user: &CurrentUser,
        election_id: &str,
        station: PollingStation,
    ) -> Result<(), ServiceError> {
        let election = self.election(election_id)?;
        self.store
            .add_polling_stations(&user.actor(), &election.id, vec![station])?;
        self.forget(&election.id);
        Ok(())
    }

    /// Changes a polling station.
    pub fn update_station(
        &self,
        user: &CurrentUser,
        election_id: &str,
        number: &str,
        station: PollingStation,
    ) -> Result<(), ServiceError> {
        let election = self.election(election_id)?;
        let (existing, _) = Service::station(&election, number)?;
        self.store
            .update_polling_station(&user.actor(), &election.id, existing.number, station)?;
        self.forget(&election.id);
        Ok(())
    }

    /// Imports the polling stations of an EML 110b file into an election.
    pub fn import_stations(
        &self,
        user: &CurrentUser,
        election_id: &str,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<usize, ServiceError> {
        let election = self.election(election_id)?;
        let file = eml::SourceFile::new(file_name, bytes);
        let stations = eml::read_polling_stations(file, &election)
            .map_err(|e| ServiceError::BadRequest(e.to_string()))?;
        let count = stations.len();
        self.store.import_polling_stations(
            &user.actor(),
            &election.id,
            stations,
            file_name.to_string(),
            seal::HashCode::of(bytes).to_hex(),
        )?;
        self.forget(&election.id);
        Ok(count)
    }
}

/// The decisions as a result package carries them (`decisions.json`).
fn decisions_of(
    election: &Election,
    deceased: &[(u32, u32)],
    lots: &[(String, Vec<u32>)],
) -> apportion::Decisions {
    apportion::Decisions {
        election: election.id.as_str().to_string(),
        deceased: deceased
            .iter()
            .map(|&(list, position)| apportion::CandidateRef { list, position })
            .collect(),
        lots: lots
            .iter()
            .map(|(id, order)| apportion::Lot {
                id: id.clone(),
                order: order.clone(),
            })
            .collect(),
    }
}

/// The contest of an election's results: its first (a municipal council election has one).
fn first_contest(election: &Election) -> Result<&Contest, ServiceError> {
    election
        .contests
        .first()
        .ok_or_else(|| ServiceError::NotFound("the election's candidate lists".into()))
}

/// The definitive Dutch counts with their polling stations, in the order of the entries.
fn definitive_nl_counts(
    election: &Election,
    entries: &[StoredEntry],
) -> Vec<(PollingStation, model::count::NlCount)> {
    entries
        .iter()
        .filter_map(|e| match e.state.definitive() {
            Some(CountForm::Netherlands(count)) => election
                .polling_stations
                .iter()
                .find(|s| s.number == e.polling_station)
                .map(|s| (s.clone(), count.clone())),
            _ => None,
        })
        .collect()
}

/// The totals of the definitive counts among `entries`, and the polling stations without one.
fn add_up_definitive(
    contest: &Contest,
    entries: &[StoredEntry],
) -> Result<(model::totals::Totals, Vec<PollingStationNumber>), ServiceError> {
    let missing = entries
        .iter()
        .filter(|e| e.state.definitive().is_none())
        .map(|e| e.polling_station)
        .collect();
    let totals = model::totals::Totals::add_up(
        contest,
        entries
            .iter()
            .filter_map(|e| e.state.definitive().map(|c| (e.polling_station, c))),
    )
    .map_err(|e| ServiceError::BadRequest(e.to_string()))?;
    Ok((totals, missing))
}
