//! Results entry: every polling station's count typed twice, by two different people, compared
//! field by field, and the coordinator's decisions where they differ or the paper has errors.
//!
//! A polling station's entry is one stored state of `model::entry::EntryState` with a version.
//! Each operation reads it, runs the pure transition on it, and stores the outcome only if the
//! version is unchanged, so a stale browser is refused and nothing is overwritten.

use std::collections::HashMap;

use model::count::{CountForm, FieldDifference, Submitted, compare};
use model::entry::{
    Acknowledgements, Comparison, DifferenceResolution, EntryState, ErrorResolution, Status,
    TransitionError,
};
use model::rules::{Findings, check};
use model::{Contest, Election, ElectionId, PollingStation, PollingStationNumber};
use serde::{Deserialize, Serialize};
use serde_json::json;
use store::{AuditAction, EntryChange, StoredEntry};

use crate::{Office, OfficeError, Operator, station};

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

/// The running totals over the definitive counts.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    /// Polling stations with a definitive count.
    pub definitive: usize,
    /// All polling stations.
    pub stations: usize,
    /// D (or, in Flanders, ballots in the box).
    pub admitted_voters: u64,
    /// Votes per list, in ballot order; over the contests of an election of several, per list
    /// number and name (a party over the districts).
    pub per_list: Vec<u64>,
    /// The lists of `per_list`: number and name.
    pub lists: Vec<(u32, String)>,
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

/// The definitive counts among `entries`, as the result engine takes them.
pub(crate) fn definitive_counts(entries: &[StoredEntry]) -> determine::Counts<'_> {
    determine::Counts::PerStation(
        entries
            .iter()
            .filter_map(|e| {
                e.state.definitive().map(|count| determine::StationCount {
                    station: e.polling_station,
                    contest: None,
                    count,
                })
            })
            .collect(),
    )
}

impl Office {
    /// The entry of a polling station, with findings and differences.
    pub fn entry(
        &self,
        election: &ElectionId,
        number: PollingStationNumber,
    ) -> Result<EntryView, OfficeError> {
        let election = self.election(election)?;
        let (station, contest) = station(&election, number)?;
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

    fn expect_version(stored: &StoredEntry, version: u64) -> Result<(), OfficeError> {
        if version == stored.version {
            Ok(())
        } else {
            Err(OfficeError::Stale {
                expected: version,
                found: stored.version,
            })
        }
    }

    /// Stores `state` for polling station `number` of `election`, if still at `expected_version`.
    fn store_change(
        &self,
        operator: &Operator,
        (election, number, expected_version): (&Election, PollingStationNumber, u64),
        state: EntryState,
        action: AuditAction,
        details: serde_json::Value,
    ) -> Result<u64, OfficeError> {
        let receipt = self.store.change_entry(
            &operator.actor,
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
        operator: &Operator,
        election: &ElectionId,
        number: PollingStationNumber,
    ) -> Result<EntryView, OfficeError> {
        let loaded = self.election(election)?;
        let (station, contest) = station(&loaded, number)?;
        let stored = self.store.entry(&loaded.id, station.number)?;
        let empty = CountForm::empty(loaded.jurisdiction, contest);
        let before = stored.state.status();
        let next = stored.state.clone().claim(&operator.typist, empty)?;
        if next != stored.state {
            self.store_change(
                operator,
                (&loaded, station.number, stored.version),
                next,
                AuditAction::EntryClaim,
                json!({ "entry": if before == Status::NotStarted { "first" } else { "second" } }),
            )?;
        }
        self.entry(election, number)
    }

    fn read_form(
        election: &Election,
        contest: &Contest,
        fields: &Submitted,
    ) -> Result<CountForm, OfficeError> {
        CountForm::from_fields(election.jurisdiction, contest, fields).map_err(OfficeError::Invalid)
    }

    /// A typist saves a draft; returns the new version and the findings on it.
    pub fn save(
        &self,
        operator: &Operator,
        election: &ElectionId,
        number: PollingStationNumber,
        version: u64,
        fields: &Submitted,
    ) -> Result<(u64, Findings), OfficeError> {
        let election = self.election(election)?;
        let (station, contest) = station(&election, number)?;
        let draft = Office::read_form(&election, contest, fields)?;
        let stored = self.store.entry(&election.id, station.number)?;
        Office::expect_version(&stored, version)?;
        let findings = check(&draft);
        let next = stored
            .state
            .save(&operator.typist, draft, contest, election.jurisdiction)?;
        let version = self.store_change(
            operator,
            (&election, station.number, version),
            next,
            AuditAction::EntrySave,
            json!({}),
        )?;
        Ok((version, findings))
    }

    /// Keeps what a typist has typed into the form of an entry they hold, as they type: half a
    /// form, empty fields and values that are not numbers yet included. Refused when the entry
    /// changed since the form was shown (`version`) or is not theirs.
    pub fn type_fields(
        &self,
        operator: &Operator,
        election: &ElectionId,
        number: PollingStationNumber,
        version: u64,
        fields: &Submitted,
    ) -> Result<(), OfficeError> {
        let loaded = self.election(election)?;
        let (station, contest) = station(&loaded, number)?;
        let stored = self.store.entry(&loaded.id, station.number)?;
        Office::expect_version(&stored, version)?;
        if stored.state.typist_in_progress().map(|t| t.id) != Some(operator.typist.id) {
            return Err(TransitionError::WrongStatus(stored.state.status()).into());
        }
        let fields =
            CountForm::typed(loaded.jurisdiction, contest, fields).map_err(OfficeError::Invalid)?;
        self.store.type_fields(
            &operator.actor,
            store::Typing {
                election: loaded.id.clone(),
                polling_station: station.number,
                expected_version: version,
                typist: operator.typist.id,
                fields,
            },
        )?;
        Ok(())
    }

    /// What the typist last typed into the form of an entry they hold, as browsers submit it.
    pub fn typed_fields(
        &self,
        operator: &Operator,
        election: &ElectionId,
        number: PollingStationNumber,
    ) -> Result<Option<Submitted>, OfficeError> {
        let typed = self
            .store
            .typed_fields(election, number, operator.typist.id)?;
        Ok(typed.map(|fields| fields.into_iter().filter(|(_, v)| !v.is_empty()).collect()))
    }

    /// A typist finalises the entry, with the fields as last typed (saved in the same step).
    /// Returns the new status and version.
    pub fn finalise(
        &self,
        operator: &Operator,
        election: &ElectionId,
        number: PollingStationNumber,
        version: u64,
        fields: Option<&Submitted>,
        acknowledged: Acknowledgements,
    ) -> Result<(Status, u64), OfficeError> {
        let election = self.election(election)?;
        let (station, contest) = station(&election, number)?;
        let stored = self.store.entry(&election.id, station.number)?;
        Office::expect_version(&stored, version)?;
        let mut state = stored.state;
        if let Some(fields) = fields {
            let draft = Office::read_form(&election, contest, fields)?;
            state = state.save(&operator.typist, draft, contest, election.jurisdiction)?;
        }
        let (next, comparison) = state.finalise(&operator.typist, acknowledged, contest)?;
        let status = next.status();
        let differences = match &comparison {
            Some(Comparison::Different(fields)) => fields.len(),
            _ => 0,
        };
        let version = self.store_change(
            operator,
            (&election, station.number, version),
            next,
            AuditAction::EntryFinalise,
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
        operator: &Operator,
        election: &ElectionId,
        number: PollingStationNumber,
        version: u64,
    ) -> Result<(Status, u64), OfficeError> {
        let election = self.election(election)?;
        let (station, _) = station(&election, number)?;
        let stored = self.store.entry(&election.id, station.number)?;
        Office::expect_version(&stored, version)?;
        let next = stored.state.abandon(&operator.typist)?;
        let status = next.status();
        let version = self.store_change(
            operator,
            (&election, station.number, version),
            next,
            AuditAction::EntryAbandon,
            json!({}),
        )?;
        Ok((status, version))
    }

    /// A coordinator resolves differences or errors.
    pub fn resolve(
        &self,
        operator: &Operator,
        election: &ElectionId,
        number: PollingStationNumber,
        version: u64,
        resolution: Resolution,
    ) -> Result<(Status, u64), OfficeError> {
        let election = self.election(election)?;
        let (station, _) = station(&election, number)?;
        let stored = self.store.entry(&election.id, station.number)?;
        Office::expect_version(&stored, version)?;
        let (next, action) = match resolution {
            Resolution::Differences { resolution } => (
                stored.state.resolve_differences(resolution)?,
                AuditAction::EntryResolveDifferences,
            ),
            Resolution::Errors { resolution } => (
                stored.state.resolve_errors(resolution)?,
                AuditAction::EntryResolveErrors,
            ),
        };
        let status = next.status();
        let version = self.store_change(
            operator,
            (&election, station.number, version),
            next,
            action,
            json!({ "resolution": resolution }),
        )?;
        Ok((status, version))
    }

    /// The coordinator's overview of an election.
    pub fn overview(&self, election: &ElectionId) -> Result<Overview, OfficeError> {
        let election = self.election(election)?;
        let entries = self.store.entries(&election.id)?;
        let totals = running_totals(&election, &entries)?;
        let mut rows = Vec::with_capacity(entries.len());
        let mut by_status: HashMap<Status, usize> = HashMap::new();
        for stored in entries {
            let found = station(&election, stored.polling_station).ok();
            let name = found.map(|(s, _)| s.name.clone()).unwrap_or_default();
            let state = &stored.state;
            *by_status.entry(state.status()).or_default() += 1;
            let (first_typist, second_typist) = typists(state);
            let differences = match state {
                EntryState::EntriesDifferent { first, second } => found
                    .map_or(0, |(_, contest)| {
                        compare(&first.count, &second.count, contest).len()
                    }),
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
}

/// Who typed (or is typing) the first and the second entry.
fn typists(state: &EntryState) -> (Option<String>, Option<String>) {
    match state {
        EntryState::NotStarted | EntryState::Imported { .. } => (None, None),
        EntryState::FirstEntryInProgress { typist, .. } => (Some(typist.username.clone()), None),
        EntryState::FirstEntryHasErrors { first } | EntryState::SecondEntryNotStarted { first } => {
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
    }
}

/// The totals of the definitive counts so far, over every contest.
fn running_totals(election: &Election, entries: &[StoredEntry]) -> Result<Totals, OfficeError> {
    let per_contest = determine::totals(election, &definitive_counts(entries))?;
    let mut totals = Totals {
        stations: entries.len(),
        ..Totals::default()
    };
    for contest in &per_contest {
        totals.definitive += contest.polling_stations.len();
        totals.admitted_voters += contest.admitted_voters;
        totals.votes_on_candidates += contest.valid;
        totals.blank += contest.blank;
        totals.invalid += contest.invalid;
        totals.total_cast += contest.cast;
        for list in &contest.lists {
            match totals
                .lists
                .iter()
                .position(|(n, name)| *n == list.number && *name == list.name)
            {
                Some(index) => totals.per_list[index] += list.votes,
                None => {
                    totals.lists.push((list.number, list.name.clone()));
                    totals.per_list.push(list.votes);
                }
            }
        }
    }
    Ok(totals)
}
