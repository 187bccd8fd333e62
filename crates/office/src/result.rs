//! The result from the definitive counts, through the one result engine ([`determine`]): the
//! totals, seats and elected candidates of every contest. Refused while a polling station has no
//! definitive count. The decisions it takes as given — the drawings of lots the allocation asks
//! for (Kieswet P 7, P 8, P 9, P 15; Lokaal en Provinciaal Kiesdecreet: the oldest candidate)
//! and candidates who died before the result was determined (Kieswet P 19a) — are entered here
//! and kept in the store. A count made with other software (EML 510b) can become the definitive
//! count of every polling station at once: the central committee's path (Kieswet P 22).

use std::sync::Arc;

use determine::{Deceased, Decisions, Determination, DrawnLot, Summary};
use model::count::CountForm;
use model::{CandidatePosition, ContestId, Election, ElectionId, ListNumber, PollingStationNumber};
use serde_json::json;
use store::{Actor, AuditAction, EntryChange, StoreError};

use crate::entry::definitive_counts;
use crate::{Missing, Office, OfficeError, Refusal};

/// The kind of a stored decision.
const DECEASED: &str = "deceased";
/// The kind of a stored lot.
const LOT: &str = "lot";

/// The result of an election as the pages and the command line show it.
#[derive(Debug, Clone)]
pub struct ResultView {
    /// The election.
    pub election: Arc<Election>,
    /// The result of every contest.
    pub determination: Determination,
    /// The same, with names, for showing.
    pub summary: Summary,
}

impl ResultView {
    /// The lots the allocation waits for, one per contest that needs one, with the contest.
    pub fn pending_lots(&self) -> Vec<(&ContestId, &apportion::LotRequest)> {
        self.determination
            .contests
            .iter()
            .filter_map(|c| c.lot_required().map(|lot| (&c.contest, lot)))
            .collect()
    }
}

impl Office {
    /// The decisions entered for an election so far.
    pub fn decisions(&self, election: &Election) -> Result<Decisions, OfficeError> {
        let mut decisions = Decisions::none(&election.id);
        for stored in self.store.result_decisions(&election.id)? {
            let corrupt = || {
                OfficeError::Store(StoreError::Corrupt(format!(
                    "result decision {} of {}: {}",
                    stored.kind, election.id, stored.data
                )))
            };
            let number = |field: &str| {
                stored.data[field]
                    .as_u64()
                    .and_then(|v| u32::try_from(v).ok())
                    .ok_or_else(corrupt)
            };
            let contest = match stored.data.get("contest").and_then(|c| c.as_str()) {
                Some(id) => Some(ContestId::new(id).map_err(|_| corrupt())?),
                None => None,
            };
            match stored.kind.as_str() {
                DECEASED => decisions.deceased.push(Deceased {
                    contest,
                    list: ListNumber::new(number("list")?).map_err(|_| corrupt())?,
                    position: CandidatePosition::new(number("position")?).map_err(|_| corrupt())?,
                }),
                LOT => decisions.lots.push(DrawnLot {
                    contest,
                    id: stored.data["id"].as_str().ok_or_else(corrupt)?.to_string(),
                    order: stored.data["order"]
                        .as_array()
                        .ok_or_else(corrupt)?
                        .iter()
                        .map(|v| v.as_u64().and_then(|v| u32::try_from(v).ok()))
                        .collect::<Option<Vec<u32>>>()
                        .ok_or_else(corrupt)?,
                }),
                _ => return Err(corrupt()),
            }
        }
        Ok(decisions)
    }

    /// Every contest's result from the definitive counts and the decisions entered so far.
    /// Refused while a polling station has no definitive count.
    pub fn determination(
        &self,
        election: &ElectionId,
    ) -> Result<(Arc<Election>, Determination), OfficeError> {
        let election = self.election(election)?;
        let entries = self.store.entries(&election.id)?;
        let missing: Vec<u32> = entries
            .iter()
            .filter(|e| e.state.definitive().is_none())
            .map(|e| e.polling_station.get())
            .collect();
        if !missing.is_empty() {
            return Err(Refusal::NotDefinitive(missing).into());
        }
        let decisions = self.decisions(&election)?;
        let determination =
            determine::determine(&election, &definitive_counts(&entries), &decisions)?;
        Ok((election, determination))
    }

    /// The result, with names, for the pages and the command line.
    pub fn result(&self, election: &ElectionId) -> Result<ResultView, OfficeError> {
        let (election, determination) = self.determination(election)?;
        let summary = determination.summary(&election);
        Ok(ResultView {
            election,
            determination,
            summary,
        })
    }

    /// Whether the result's files are made: from then on the decisions cannot change (until a
    /// Dutch committee opens a new session, whose result is determined again).
    fn result_fixed(&self, election: &Election) -> Result<bool, OfficeError> {
        if election.jurisdiction == model::Jurisdiction::Netherlands {
            return Ok(self.current_session(election)?.closed);
        }
        Ok(self
            .store
            .result_file(
                &election.id,
                crate::documents::DocumentKind::Decisions.as_str().as_ref(),
            )?
            .is_some())
    }

    /// Records the outcome of a drawing of lots the result waits for: `order` is the drawn order
    /// of its options, winners first (all of them). Refused when no lot is pending, the id is not
    /// a pending one's, or the order does not fit it.
    pub fn enter_lot(
        &self,
        actor: &Actor,
        election: &ElectionId,
        lot_id: &str,
        order: Vec<u32>,
    ) -> Result<(), OfficeError> {
        let view = self.result(election)?;
        let pending = view.pending_lots();
        let Some((contest, lot)) = pending.iter().find(|(_, lot)| lot.id == lot_id).copied() else {
            return Err(match pending.first() {
                None => Refusal::NoLotPending,
                Some((_, lot)) => Refusal::OtherLotPending {
                    pending: lot.id.clone(),
                    given: lot_id.to_string(),
                },
            }
            .into());
        };
        let mut sorted = order.clone();
        sorted.sort_unstable();
        let mut options = lot.options.clone();
        options.sort_unstable();
        if sorted != options {
            return Err(Refusal::LotOrder {
                options: lot.options.clone(),
            }
            .into());
        }
        let mut data = json!({
            "id": lot_id,
            "order": order,
            "description": lot.description,
            "article": lot.article,
        });
        if view.election.contests.len() > 1 {
            data["contest"] = json!(contest.as_str());
        }
        self.store
            .add_result_decision(actor, &view.election.id, LOT, data)?;
        Ok(())
    }

    /// Registers a candidate as deceased (Kieswet P 19a): their votes count for the list; they
    /// are not elected and not ranked. In an election of several contests the contest is named.
    pub fn register_deceased(
        &self,
        actor: &Actor,
        election: &ElectionId,
        contest: Option<&ContestId>,
        list: u32,
        position: u32,
    ) -> Result<(), OfficeError> {
        let election = self.election(election)?;
        let several = election.contests.len() > 1;
        let on = match (contest, several) {
            (Some(id), _) => election
                .contest(id)
                .ok_or_else(|| OfficeError::NotFound(Missing::Contest(id.to_string())))?,
            (None, false) => election
                .contests
                .first()
                .ok_or_else(|| OfficeError::NotFound(Missing::Contest(String::new())))?,
            (None, true) => return Err(Refusal::ContestRequired.into()),
        };
        let candidate = on
            .lists
            .iter()
            .find(|l| l.number.get() == list)
            .and_then(|l| l.candidates.iter().find(|c| c.position.get() == position))
            .ok_or(OfficeError::NotFound(Missing::Candidate { list, position }))?;
        if self.result_fixed(&election)? {
            return Err(Refusal::ResultFixed.into());
        }
        let registered = self.decisions(&election)?.deceased.iter().any(|d| {
            d.list.get() == list
                && d.position.get() == position
                && d.contest.as_ref().is_none_or(|c| *c == on.id)
        });
        if registered {
            return Err(Refusal::DeceasedTwice { list, position }.into());
        }
        let mut data = json!({ "list": list, "position": position, "name": candidate.full_name() });
        if several {
            data["contest"] = json!(on.id.as_str());
        }
        self.store
            .add_result_decision(actor, &election.id, DECEASED, data)?;
        Ok(())
    }

    /// Imports a municipality's count made by other software (an EML 510b) as the definitive
    /// counts of its polling stations — the central committee's path. All or nothing: refused
    /// when the file is of another election, names a polling station the election does not
    /// have, its own totals differ from the sum of its polling stations, or a polling station's
    /// entry has started. Returns the number of polling stations imported.
    pub fn import_count(
        &self,
        actor: &Actor,
        election: &ElectionId,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<usize, OfficeError> {
        let election = self.election(election)?;
        let file = eml::SourceFile::new(file_name, bytes);
        let reader = |e: eml::EmlError| Refusal::Reader(e.to_string());
        let counts = eml::read_polling_station_counts(file, &election).map_err(reader)?;
        let unknown: Vec<u32> = counts
            .keys()
            .filter(|n| !election.polling_stations.iter().any(|s| s.number == **n))
            .map(|n| n.get())
            .collect();
        if !unknown.is_empty() {
            return Err(Refusal::ForeignStations {
                file: file_name.to_string(),
                stations: unknown,
                election: election.id.clone(),
            }
            .into());
        }
        let stated = eml::read_count_totals(file, &election).map_err(reader)?;
        check_file_totals(&election, file_name, &counts, &stated)?;
        let forms: Vec<(PollingStationNumber, CountForm)> = counts
            .into_iter()
            .map(|(n, c)| (n, CountForm::Netherlands(c)))
            .collect();
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
                    action: AuditAction::EntryImport,
                    details: json!({ "file": file_name, "sha256": sha256 }),
                }),
                Err(_) => started.push(number.get()),
            }
        }
        if !started.is_empty() {
            return Err(Refusal::ImportStarted(started).into());
        }
        let imported = changes.len();
        self.store.change_entries(actor, changes)?;
        Ok(imported)
    }
}

/// A count file's own totals (`TotalVotes`, per list and candidate) must be the sum of its
/// polling stations: our figures, theirs. Refused naming the file and the first list that differs.
pub(crate) fn check_file_totals(
    election: &Election,
    file_name: &str,
    counts: &std::collections::BTreeMap<PollingStationNumber, model::count::NlCount>,
    stated: &[model::count::ListVotes],
) -> Result<(), OfficeError> {
    let forms: Vec<(PollingStationNumber, CountForm)> = counts
        .iter()
        .map(|(n, c)| (*n, CountForm::Netherlands(c.clone())))
        .collect();
    let summed = determine::totals(election, &determine::Counts::per_station(&forms))?;
    for (sum, stated) in summed.iter().flat_map(|t| &t.lists).zip(stated) {
        let candidates: Vec<u64> = stated.candidates.iter().map(|v| u64::from(*v)).collect();
        if sum.votes != u64::from(stated.total) || sum.candidates != candidates {
            return Err(Refusal::FileTotals {
                file: file_name.to_string(),
                list: sum.number,
                stated: u64::from(stated.total),
                sum: sum.votes,
            }
            .into());
        }
    }
    Ok(())
}
