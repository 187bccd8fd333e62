//! The committee's sessions and investigations on the office's database (the rules are
//! `model::committee`'s): open a session, record its details, open and conclude an
//! investigation of a polling station, replace a definitive count that turned out wrong. A
//! session closes when its documents are made ([`Office::result_documents`]); from then on the
//! store refuses any change to it.
//!
//! A corrected count is typed twice like a first entry: concluding an investigation that orders
//! one (or the coordinator's reset, with its reason) moves the definitive count into the history
//! and starts the polling station's entry over, in one step.

use model::committee::{
    Cause, Conclusion, CountingMethod, Investigation, Session, SessionDetails, unconcluded,
};
use model::entry::EntryState;
use model::{Election, ElectionId, Jurisdiction, PollingStationNumber};
use serde_json::json;
use store::{Actor, AuditAction, EntryChange, ReplacedCount, Replacement};

use crate::documents::DocumentKind;
use crate::{Office, OfficeError, Refusal, station};

impl Office {
    /// The sessions of an election, in order; the first is there from the start.
    pub fn sessions(&self, election: &ElectionId) -> Result<Vec<Session>, OfficeError> {
        let election = self.election(election)?;
        self.sessions_of(&election)
    }

    pub(crate) fn sessions_of(&self, election: &Election) -> Result<Vec<Session>, OfficeError> {
        let stored: Vec<Session> = self
            .store
            .sessions(&election.id)?
            .into_iter()
            .map(|s| s.session)
            .collect();
        if !stored.is_empty() {
            return Ok(stored);
        }
        // Nothing recorded yet: the first session, closed if its documents were made before
        // sessions were recorded (a database of an earlier version).
        let legacy_closed = self
            .store
            .result_file(&election.id, &DocumentKind::Decisions.as_str())?
            .is_some();
        Ok(vec![Session {
            closed: legacy_closed,
            ..Session::first()
        }])
    }

    /// The session now going on, or the last one.
    pub(crate) fn current_session(&self, election: &Election) -> Result<Session, OfficeError> {
        self.sessions_of(election)?
            .pop()
            .ok_or_else(|| Refusal::Document("no session".into()).into())
    }

    /// The current session, refused when it is closed.
    fn open_session_of(&self, election: &Election) -> Result<Session, OfficeError> {
        let session = self.current_session(election)?;
        session.check_open().map_err(Refusal::Committee)?;
        Ok(session)
    }

    fn session_stored(&self, election: &Election, number: u32) -> Result<bool, OfficeError> {
        Ok(self
            .store
            .sessions(&election.id)?
            .iter()
            .any(|s| s.session.number == number))
    }

    /// Stores `session` as it stands when it is not stored yet (the first session, recorded
    /// when something is first done in it or it is followed by another).
    fn store_if_new(
        &self,
        actor: &Actor,
        election: &Election,
        session: &Session,
    ) -> Result<(), OfficeError> {
        if !self.session_stored(election, session.number)? {
            self.store
                .insert_session(actor, &election.id, session.clone())?;
        }
        Ok(())
    }

    /// Records the time, place and members of the current session (the first session's, or
    /// corrects a later one's while it is open).
    pub fn record_session_details(
        &self,
        actor: &Actor,
        election: &ElectionId,
        details: SessionDetails,
    ) -> Result<Session, OfficeError> {
        let election = self.dutch(election)?;
        let session = self.open_session_of(&election)?;
        details.check().map_err(Refusal::Committee)?;
        if self.session_stored(&election, session.number)? {
            self.store
                .set_session_details(actor, &election.id, session.number, details.clone())?;
        } else {
            self.store.insert_session(
                actor,
                &election.id,
                Session {
                    details: Some(details.clone()),
                    ..session.clone()
                },
            )?;
        }
        Ok(Session {
            details: Some(details),
            ..session
        })
    }

    /// Opens the next session, with its details: refused while the current one is open.
    pub fn open_session(
        &self,
        actor: &Actor,
        election: &ElectionId,
        details: SessionDetails,
    ) -> Result<Session, OfficeError> {
        let election = self.dutch(election)?;
        let current = self.current_session(&election)?;
        let next = current.next(details).map_err(Refusal::Committee)?;
        // The first session closed before sessions were recorded: recorded now, as found.
        self.store_if_new(actor, &election, &current)?;
        self.store
            .insert_session(actor, &election.id, next.clone())?;
        Ok(next)
    }

    /// Closes the current session before its documents are made, refused while an
    /// investigation in it is not concluded. Returns the session's number.
    pub(crate) fn close_session(
        &self,
        actor: &Actor,
        election: &Election,
    ) -> Result<u32, OfficeError> {
        let session = self.current_session(election)?;
        if session.closed {
            return Ok(session.number);
        }
        let investigations = self.store.investigations(&election.id)?;
        unconcluded(&investigations, session.number).map_err(Refusal::Committee)?;
        if self.session_stored(election, session.number)? {
            self.store
                .close_session(actor, &election.id, session.number)?;
        } else {
            self.store.insert_session(
                actor,
                &election.id,
                Session {
                    closed: true,
                    ..session.clone()
                },
            )?;
        }
        Ok(session.number)
    }

    /// Every investigation of an election.
    pub fn investigations(&self, election: &ElectionId) -> Result<Vec<Investigation>, OfficeError> {
        let election = self.election(election)?;
        Ok(self.store.investigations(&election.id)?)
    }

    /// The definitive counts replaced by corrected counts, oldest first.
    pub fn count_history(&self, election: &ElectionId) -> Result<Vec<ReplacedCount>, OfficeError> {
        let election = self.election(election)?;
        Ok(self.store.count_history(&election.id)?)
    }

    /// Who counts the votes per candidate in this election (central counting unless chosen).
    pub fn counting_method(&self, election: &ElectionId) -> Result<CountingMethod, OfficeError> {
        let election = self.election(election)?;
        self.counting_of(&election)
    }

    pub(crate) fn counting_of(&self, election: &Election) -> Result<CountingMethod, OfficeError> {
        Ok(match self.store.counting_method(&election.id)? {
            Some(text) => CountingMethod::parse(&text).ok_or_else(|| {
                OfficeError::Store(store::StoreError::Corrupt(format!(
                    "counting_methods.method {text}"
                )))
            })?,
            None => CountingMethod::default(),
        })
    }

    /// Chooses who counts the votes per candidate: refused once data entry has started, since
    /// the polling stations' forms (N 10-1 or N 10-2) follow from it.
    pub fn set_counting_method(
        &self,
        actor: &Actor,
        election: &ElectionId,
        method: CountingMethod,
    ) -> Result<CountingMethod, OfficeError> {
        let election = self.dutch(election)?;
        let started: Vec<u32> = self
            .store
            .entries(&election.id)?
            .iter()
            .filter(|e| e.version > 0)
            .map(|e| e.polling_station.get())
            .collect();
        if !started.is_empty() {
            return Err(Refusal::CountingFixed(started).into());
        }
        self.store
            .set_counting_method(actor, &election.id, method.as_str())?;
        Ok(method)
    }

    /// The committee's record as it travels with the result (`committee.json`): its sessions,
    /// investigations and corrected counts.
    pub fn committee_record(
        &self,
        election: &ElectionId,
    ) -> Result<model::committee::CommitteeRecord, OfficeError> {
        let election = self.dutch(election)?;
        Ok(model::committee::CommitteeRecord {
            election: election.id.clone(),
            sessions: self.sessions_of(&election)?,
            investigations: self.store.investigations(&election.id)?,
            corrections: self
                .store
                .count_history(&election.id)?
                .into_iter()
                .map(|h| model::committee::Correction {
                    station: h.polling_station,
                    session: h.session,
                    reason: h.reason,
                })
                .collect(),
        })
    }

    /// Opens an investigation of a polling station in the current session.
    pub fn open_investigation(
        &self,
        actor: &Actor,
        election: &ElectionId,
        number: PollingStationNumber,
        cause: Cause,
        reason: String,
        requested_by_central: bool,
    ) -> Result<Investigation, OfficeError> {
        let election = self.dutch(election)?;
        let (station, _) = station(&election, number)?;
        let session = self.open_session_of(&election)?;
        let existing = self.store.investigations(&election.id)?;
        let investigation = Investigation::open(
            &session,
            &existing,
            station.number,
            cause,
            reason,
            requested_by_central,
        )
        .map_err(Refusal::Committee)?;
        self.store_if_new(actor, &election, &session)?;
        self.store
            .put_investigation(actor, &election.id, investigation.clone(), None)?;
        Ok(investigation)
    }

    /// Concludes the investigation of a polling station in the current session. When it orders
    /// a corrected count, the definitive count goes into the history and the entry starts over:
    /// the corrected count is typed twice, by two different typists.
    pub fn conclude_investigation(
        &self,
        actor: &Actor,
        election: &ElectionId,
        number: PollingStationNumber,
        conclusion: Conclusion,
    ) -> Result<Investigation, OfficeError> {
        let election = self.dutch(election)?;
        let (station, _) = station(&election, number)?;
        let session = self.open_session_of(&election)?;
        let open = self
            .store
            .investigations(&election.id)?
            .into_iter()
            .find(|i| i.session == session.number && i.station == station.number)
            .ok_or(Refusal::Committee(
                model::committee::CommitteeError::NoInvestigation(station.number.get()),
            ))?;
        let reason = format!("{} (zitting {})", open.reason, session.number);
        let concluded = open
            .conclude(&session, conclusion)
            .map_err(Refusal::Committee)?;
        let replacement = match &concluded.conclusion {
            Some(c) if c.corrected_count => Some(self.replacement(
                &election,
                station.number,
                session.number,
                reason,
                AuditAction::InvestigationConclude,
            )?),
            _ => None,
        };
        self.store
            .put_investigation(actor, &election.id, concluded.clone(), replacement)?;
        Ok(concluded)
    }

    /// The coordinator replaces a definitive count that turned out wrong, before the session
    /// closes: it goes into the history with `reason`, and the entry starts over.
    pub fn reset_entry(
        &self,
        actor: &Actor,
        election: &ElectionId,
        number: PollingStationNumber,
        reason: String,
    ) -> Result<u64, OfficeError> {
        let election = self.dutch(election)?;
        let (station, _) = station(&election, number)?;
        let session = self.open_session_of(&election)?;
        if reason.trim().is_empty() {
            return Err(
                Refusal::Committee(model::committee::CommitteeError::Empty("reason")).into(),
            );
        }
        self.store_if_new(actor, &election, &session)?;
        let replacement = self.replacement(
            &election,
            station.number,
            session.number,
            reason,
            AuditAction::EntryReset,
        )?;
        Ok(self.store.replace_count(actor, replacement)?.version)
    }

    /// How the definitive count of a polling station is replaced: refused when it has none, or
    /// when the session's count files are made already (they would no longer say what it
    /// established).
    fn replacement(
        &self,
        election: &Election,
        number: PollingStationNumber,
        session: u32,
        reason: String,
        action: AuditAction,
    ) -> Result<Replacement, OfficeError> {
        let stored = self.store.entry(&election.id, number)?;
        if !matches!(stored.state, EntryState::Definitive { .. }) {
            return Err(model::entry::TransitionError::WrongStatus(stored.state.status()).into());
        }
        if self
            .store
            .result_file(
                &election.id,
                &crate::documents::stored_kind(&DocumentKind::Eml510b, session),
            )?
            .is_some()
        {
            return Err(Refusal::ResultFixed.into());
        }
        Ok(Replacement {
            change: EntryChange {
                election: election.id.clone(),
                polling_station: number,
                expected_version: stored.version,
                state: EntryState::NotStarted,
                action,
                details: json!({ "session": session, "reason": reason }),
            },
            session,
            reason,
        })
    }

    /// A Dutch election: sessions and investigations are the municipal committee's (Kieswet N).
    fn dutch(&self, election: &ElectionId) -> Result<std::sync::Arc<Election>, OfficeError> {
        let election = self.election(election)?;
        if election.jurisdiction != Jurisdiction::Netherlands {
            return Err(Refusal::NotDutch.into());
        }
        Ok(election)
    }
}
