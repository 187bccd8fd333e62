//! The committee's sessions, its investigations, and the history of replaced counts
//! (`model::committee`). The rules are the model's; the store keeps what they decided, each
//! change with its audit entry, and its triggers refuse a change to a closed session or to the
//! history.

use model::committee::{Investigation, Session, SessionDetails};
use model::entry::EntryState;
use model::{ElectionId, PollingStationNumber};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::json;

use crate::AuditAction;
use crate::audit::{Actor, now};
use crate::entries::{self, EntryChange, EntryReceipt, election_key, station_key};
use crate::error::StoreError;
use crate::writer::Mutation;

/// A stored session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSession {
    /// The session as the rules see it.
    pub session: Session,
    /// When it was opened (RFC 3339) and by whom.
    pub opened: (String, String),
    /// When it was closed and by whom.
    pub closed: Option<(String, String)>,
}

/// A definitive count that a corrected count replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplacedCount {
    /// The polling station.
    pub polling_station: PollingStationNumber,
    /// The session in which it was replaced.
    pub session: u32,
    /// The state that was definitive.
    pub state: EntryState,
    /// Why.
    pub reason: String,
    /// When (RFC 3339).
    pub replaced_at: String,
    /// By whom.
    pub replaced_by: String,
}

/// How a definitive count is replaced: the entry change that starts it over, the session and the
/// reason.
#[derive(Debug, Clone)]
pub struct Replacement {
    /// The change (to not started), with the version it was computed from.
    pub change: EntryChange,
    /// The session replacing it.
    pub session: u32,
    /// Why.
    pub reason: String,
}

fn corrupt(what: &str, error: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("{what}: {error}"))
}

fn session_key(connection: &Connection, election: i64, number: u32) -> Result<i64, StoreError> {
    connection
        .query_row(
            "SELECT id FROM committee_sessions WHERE election = ?1 AND number = ?2",
            params![election, number],
            |row| row.get(0),
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("session {number}")))
}

/// Every session of an election, in order.
pub(crate) fn sessions(
    connection: &Connection,
    election: &ElectionId,
) -> Result<Vec<StoredSession>, StoreError> {
    let key = election_key(connection, election)?;
    let mut statement = connection.prepare(
        "SELECT number, details, opened_at, opened_by, closed_at, closed_by
         FROM committee_sessions WHERE election = ?1 ORDER BY number",
    )?;
    let rows = statement.query_map([key], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(3)?,
            row.get::<_, Option<String>>(4)?,
            row.get::<_, Option<String>>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (number, details, opened_at, opened_by, closed_at, closed_by) = row?;
        let number = u32::try_from(number).map_err(|e| corrupt("committee_sessions.number", e))?;
        let details: Option<SessionDetails> =
            serde_json::from_str(&details).map_err(|e| corrupt("committee_sessions.details", e))?;
        let closed = closed_at.zip(closed_by);
        out.push(StoredSession {
            session: Session {
                number,
                details,
                closed: closed.is_some(),
            },
            opened: (opened_at, opened_by),
            closed,
        });
    }
    Ok(out)
}

/// Stores a session that is not stored yet (opened, or, for the first session, recorded as
/// found), closed at once when `session.closed`.
pub(crate) fn insert_session(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    election: &ElectionId,
    session: &Session,
) -> Result<(), StoreError> {
    let connection = mutation.connection();
    let key = election_key(connection, election)?;
    let at = now();
    let details = serde_json::to_string(&session.details)?;
    let closed = session
        .closed
        .then(|| (at.clone(), actor.as_str().to_string()));
    connection.execute(
        "INSERT INTO committee_sessions
         (election, number, details, opened_at, opened_by, closed_at, closed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            key,
            session.number,
            details,
            at,
            actor.as_str(),
            closed.as_ref().map(|c| c.0.as_str()),
            closed.as_ref().map(|c| c.1.as_str()),
        ],
    )?;
    mutation.audit(
        actor,
        AuditAction::SessionOpen,
        &json!({
            "election": election.as_str(),
            "session": session.number,
            "details": session.details,
        }),
    )?;
    if session.closed {
        mutation.audit(
            actor,
            AuditAction::SessionClose,
            &json!({ "election": election.as_str(), "session": session.number }),
        )?;
    }
    Ok(())
}

/// Records the details of an open session.
pub(crate) fn set_details(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    election: &ElectionId,
    number: u32,
    details: &SessionDetails,
) -> Result<(), StoreError> {
    let connection = mutation.connection();
    let key = election_key(connection, election)?;
    let session = session_key(connection, key, number)?;
    connection.execute(
        "UPDATE committee_sessions SET details = ?1 WHERE id = ?2",
        params![serde_json::to_string(details)?, session],
    )?;
    mutation.audit(
        actor,
        AuditAction::SessionDetails,
        &json!({ "election": election.as_str(), "session": number, "details": details }),
    )?;
    Ok(())
}

/// Closes an open session.
pub(crate) fn close(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    election: &ElectionId,
    number: u32,
) -> Result<(), StoreError> {
    let connection = mutation.connection();
    let key = election_key(connection, election)?;
    let session = session_key(connection, key, number)?;
    connection.execute(
        "UPDATE committee_sessions SET closed_at = ?1, closed_by = ?2 WHERE id = ?3",
        params![now(), actor.as_str(), session],
    )?;
    mutation.audit(
        actor,
        AuditAction::SessionClose,
        &json!({ "election": election.as_str(), "session": number }),
    )?;
    Ok(())
}

/// Every investigation of an election, by session and polling station.
pub(crate) fn investigations(
    connection: &Connection,
    election: &ElectionId,
) -> Result<Vec<Investigation>, StoreError> {
    let key = election_key(connection, election)?;
    let mut statement = connection.prepare(
        "SELECT i.state FROM investigations i JOIN committee_sessions s ON i.session = s.id
         JOIN polling_stations p ON i.polling_station = p.id
         WHERE s.election = ?1 ORDER BY s.number, p.number",
    )?;
    let rows = statement.query_map([key], |row| row.get::<_, String>(0))?;
    rows.map(|row| serde_json::from_str(&row?).map_err(|e| corrupt("investigations.state", e)))
        .collect()
}

/// Stores an investigation as it now stands (opened, or concluded) with its audit entry; a
/// concluded investigation that orders a corrected count replaces the definitive count in the
/// same step.
pub(crate) fn put_investigation(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    election: &ElectionId,
    investigation: &Investigation,
    replacement: Option<&Replacement>,
) -> Result<Option<EntryReceipt>, StoreError> {
    let connection = mutation.connection();
    let key = election_key(connection, election)?;
    let session = session_key(connection, key, investigation.session)?;
    let station = station_key(connection, election, investigation.station)?;
    let state = serde_json::to_string(investigation)?;
    connection.execute(
        "INSERT INTO investigations (session, polling_station, state) VALUES (?1, ?2, ?3)
         ON CONFLICT (session, polling_station) DO UPDATE SET state = excluded.state",
        params![session, station, state],
    )?;
    let action = if investigation.conclusion.is_some() {
        AuditAction::InvestigationConclude
    } else {
        AuditAction::InvestigationOpen
    };
    mutation.audit(
        actor,
        action,
        &json!({
            "election": election.as_str(),
            "polling_station": investigation.station.get(),
            "session": investigation.session,
            "investigation": investigation,
        }),
    )?;
    replacement
        .map(|replacement| replace(mutation, actor, replacement))
        .transpose()
}

/// Moves the definitive count of a polling station into the history and starts its entry over.
pub(crate) fn replace(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    replacement: &Replacement,
) -> Result<EntryReceipt, StoreError> {
    let change = &replacement.change;
    let connection = mutation.connection();
    let key = election_key(connection, &change.election)?;
    let session = session_key(connection, key, replacement.session)?;
    let current = entries::load(connection, &change.election, change.polling_station)?;
    if current.version != change.expected_version {
        return Err(StoreError::Stale {
            expected: change.expected_version,
            found: current.version,
        });
    }
    let station = station_key(connection, &change.election, change.polling_station)?;
    connection.execute(
        "INSERT INTO count_history (polling_station, session, state, reason, replaced_at, replaced_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            station,
            session,
            serde_json::to_string(&current.state)?,
            replacement.reason,
            now(),
            actor.as_str()
        ],
    )?;
    entries::change(mutation, actor, change)
}

/// The counts replaced so far, oldest first.
pub(crate) fn history(
    connection: &Connection,
    election: &ElectionId,
) -> Result<Vec<ReplacedCount>, StoreError> {
    let key = election_key(connection, election)?;
    let mut statement = connection.prepare(
        "SELECT p.number, s.number, h.state, h.reason, h.replaced_at, h.replaced_by
         FROM count_history h JOIN polling_stations p ON h.polling_station = p.id
         JOIN committee_sessions s ON h.session = s.id
         WHERE p.election = ?1 ORDER BY h.id",
    )?;
    let rows = statement.query_map([key], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, i64>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(3)?,
            row.get::<_, String>(4)?,
            row.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (station, session, state, reason, replaced_at, replaced_by) = row?;
        out.push(ReplacedCount {
            polling_station: u32::try_from(station)
                .ok()
                .and_then(|n| PollingStationNumber::new(n).ok())
                .ok_or_else(|| corrupt("count_history.polling_station", station))?,
            session: u32::try_from(session).map_err(|e| corrupt("count_history.session", e))?,
            state: serde_json::from_str(&state).map_err(|e| corrupt("count_history.state", e))?,
            reason,
            replaced_at,
            replaced_by,
        });
    }
    Ok(out)
}

/// The counting method chosen for an election, if one was.
pub(crate) fn counting_method(
    connection: &Connection,
    election: &ElectionId,
) -> Result<Option<String>, StoreError> {
    let key = election_key(connection, election)?;
    Ok(connection
        .query_row(
            "SELECT method FROM counting_methods WHERE election = ?1",
            [key],
            |row| row.get(0),
        )
        .optional()?)
}

/// Chooses the counting method of an election.
pub(crate) fn set_counting_method(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    election: &ElectionId,
    method: &str,
) -> Result<(), StoreError> {
    let connection = mutation.connection();
    let key = election_key(connection, election)?;
    connection.execute(
        "INSERT INTO counting_methods (election, method, set_at, set_by) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (election) DO UPDATE SET
            method = excluded.method, set_at = excluded.set_at, set_by = excluded.set_by",
        params![key, method, now(), actor.as_str()],
    )?;
    mutation.audit(
        actor,
        AuditAction::ElectionCountingMethod,
        &json!({ "election": election.as_str(), "method": method }),
    )?;
    Ok(())
}
