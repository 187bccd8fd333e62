//! The polling-station app's data: each polling station's login, its turnout reports, the marks
//! of its count helper, and the turnout the coordinator published.
//!
//! Reports and marks are append-only rows that carry the device session they came from; each
//! write also appends its audit-log entry naming the polling station and the session.

use model::turnout::{Report, parse_moment};
use model::{ElectionId, PollingStationNumber};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::json;

use crate::AuditAction;
use crate::audit::{Actor, AuditEntry, now};
use crate::entries::{election_key, rows_with_json, station_key};
use crate::error::StoreError;
use crate::writer::Mutation;

/// Where a polling station's credential came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialSource {
    /// The credential sheet of the key ceremony (its package's password verifier).
    Ceremony,
    /// Issued by the coordinator in the results environment.
    Coordinator,
}

impl CredentialSource {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            CredentialSource::Ceremony => "ceremony",
            CredentialSource::Coordinator => "coordinator",
        }
    }
}

/// A polling station's login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StationCredential {
    /// The election.
    pub election: ElectionId,
    /// The polling station.
    pub station: PollingStationNumber,
    /// The login on the sheet, e.g. `GR2026_Assen-SB12`.
    pub login: String,
    /// Argon2id verifier of the password.
    pub verifier: String,
    /// Where it came from.
    pub source: CredentialSource,
    /// When (RFC 3339).
    pub issued_at: String,
    /// By whom.
    pub issued_by: String,
}

/// One credential to store: polling station, login, verifier.
#[derive(Debug, Clone)]
pub struct NewCredential {
    /// The polling station.
    pub station: PollingStationNumber,
    /// Its login.
    pub login: String,
    /// Argon2id verifier.
    pub verifier: String,
}

/// Turnout figures the coordinator published.
#[derive(Debug, Clone, PartialEq)]
pub struct TurnoutPublication {
    /// The moment, `HH:MM`.
    pub moment: String,
    /// The figures as published.
    pub figures: serde_json::Value,
    /// When (RFC 3339).
    pub published_at: String,
    /// By whom.
    pub published_by: String,
}

fn station_number(number: i64) -> Result<PollingStationNumber, StoreError> {
    u32::try_from(number)
        .ok()
        .and_then(|n| PollingStationNumber::new(n).ok())
        .ok_or_else(|| StoreError::Corrupt(format!("polling_stations.number {number}")))
}

/// Stores credentials for polling stations of `election`, all or none, replacing what a station
/// had.
pub(crate) fn set_credentials(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    election: &ElectionId,
    credentials: &[NewCredential],
    source: CredentialSource,
) -> Result<AuditEntry, StoreError> {
    let connection = mutation.connection();
    let at = now();
    for credential in credentials {
        let key = station_key(connection, election, credential.station)?;
        connection.execute(
            "INSERT INTO station_credentials (polling_station, login, verifier, source, issued_at, issued_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (polling_station) DO UPDATE SET login = excluded.login,
                 verifier = excluded.verifier, source = excluded.source,
                 issued_at = excluded.issued_at, issued_by = excluded.issued_by",
            params![
                key,
                credential.login,
                credential.verifier,
                source.as_str(),
                at,
                actor.as_str()
            ],
        )?;
    }
    mutation.audit(
        actor,
        AuditAction::StationAppCredentials,
        &json!({
            "election": election.as_str(),
            "source": source.as_str(),
            "polling_stations": credentials.iter().map(|c| c.station.get()).collect::<Vec<_>>(),
            "logins": credentials.iter().map(|c| c.login.as_str()).collect::<Vec<_>>(),
        }),
    )
}

fn credential_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<(String, i64, [String; 5])> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        [
            row.get(2)?,
            row.get(3)?,
            row.get(4)?,
            row.get(5)?,
            row.get(6)?,
        ],
    ))
}

fn decode_credential(
    (election, number, [login, verifier, source, issued_at, issued_by]): (String, i64, [String; 5]),
) -> Result<StationCredential, StoreError> {
    Ok(StationCredential {
        election: ElectionId::new(election.as_str())
            .map_err(|_| StoreError::Corrupt(format!("elections.election_id {election:?}")))?,
        station: station_number(number)?,
        login,
        verifier,
        source: match source.as_str() {
            "ceremony" => CredentialSource::Ceremony,
            "coordinator" => CredentialSource::Coordinator,
            other => {
                return Err(StoreError::Corrupt(format!(
                    "station_credentials.source {other:?}"
                )));
            }
        },
        issued_at,
        issued_by,
    })
}

const CREDENTIAL_COLUMNS: &str =
    "SELECT e.election_id, p.number, c.login, c.verifier, c.source, c.issued_at, c.issued_by
     FROM station_credentials c JOIN polling_stations p ON c.polling_station = p.id
     JOIN elections e ON p.election = e.id";

/// The credential with this login (case-insensitive).
pub(crate) fn credential_by_login(
    connection: &Connection,
    login: &str,
) -> Result<Option<StationCredential>, StoreError> {
    connection
        .prepare_cached(&format!("{CREDENTIAL_COLUMNS} WHERE c.login = ?1"))?
        .query_row([login], credential_from_row)
        .optional()?
        .map(decode_credential)
        .transpose()
}

/// The credentials of an election's polling stations, by number.
pub(crate) fn credentials(
    connection: &Connection,
    election: &ElectionId,
) -> Result<Vec<StationCredential>, StoreError> {
    let key = election_key(connection, election)?;
    let mut statement = connection.prepare(&format!(
        "{CREDENTIAL_COLUMNS} WHERE p.election = ?1 ORDER BY p.number"
    ))?;
    let rows = statement.query_map([key], credential_from_row)?;
    rows.map(|row| decode_credential(row?)).collect()
}

/// Where a write from the app comes from: the polling station and its device session.
#[derive(Debug, Clone)]
pub struct StationWrite {
    /// The election.
    pub election: ElectionId,
    /// The polling station.
    pub station: PollingStationNumber,
    /// The device session's public id.
    pub session: String,
}

impl StationWrite {
    fn details(&self, more: serde_json::Value) -> serde_json::Value {
        let mut details = json!({
            "election": self.election.as_str(),
            "polling_station": self.station.get(),
            "session": self.session,
        });
        if let (Some(target), serde_json::Value::Object(more)) = (details.as_object_mut(), more) {
            target.extend(more);
        }
        details
    }
}

/// Records a turnout report.
pub(crate) fn report_turnout(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    from: &StationWrite,
    moment: Option<&str>,
    admitted: u32,
) -> Result<AuditEntry, StoreError> {
    let connection = mutation.connection();
    let key = station_key(connection, &from.election, from.station)?;
    connection
        .prepare_cached(
            "INSERT INTO turnout_reports (polling_station, moment, admitted, reported_at, session)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![key, moment, admitted, now(), from.session])?;
    mutation.audit(
        actor,
        AuditAction::StationAppTurnout,
        &from.details(json!({ "moment": moment, "admitted": admitted })),
    )
}

/// The turnout reports of an election (of one polling station when given), in the order
/// received.
pub(crate) fn turnout_reports(
    connection: &Connection,
    election: &ElectionId,
    station: Option<PollingStationNumber>,
) -> Result<Vec<Report>, StoreError> {
    let key = election_key(connection, election)?;
    let mut statement = connection.prepare_cached(
        "SELECT p.number, t.moment, t.admitted, t.reported_at
         FROM turnout_reports t JOIN polling_stations p ON t.polling_station = p.id
         WHERE p.election = ?1 AND (?2 IS NULL OR p.number = ?2) ORDER BY t.id",
    )?;
    let rows = statement.query_map(params![key, station.map(|s| s.get())], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, Option<String>>(1)?,
            row.get::<_, i64>(2)?,
            row.get::<_, String>(3)?,
        ))
    })?;
    rows.map(|row| {
        let (number, moment, admitted, reported_at) = row?;
        Ok(Report {
            station: station_number(number)?,
            moment: moment
                .map(|m| {
                    parse_moment(&m)
                        .ok_or_else(|| StoreError::Corrupt(format!("turnout_reports.moment {m:?}")))
                })
                .transpose()?,
            admitted: u32::try_from(admitted)
                .map_err(|_| StoreError::Corrupt(format!("turnout_reports.admitted {admitted}")))?,
            reported_at,
        })
    })
    .collect()
}

/// Records one mark of the count helper.
pub(crate) fn mark(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    from: &StationWrite,
    mark: &str,
) -> Result<AuditEntry, StoreError> {
    let connection = mutation.connection();
    let key = station_key(connection, &from.election, from.station)?;
    connection
        .prepare_cached(
            "INSERT INTO tally_marks (polling_station, mark, marked_at, session) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![key, mark, now(), from.session])?;
    mutation.audit(
        actor,
        AuditAction::StationAppMark,
        &from.details(json!({ "mark": mark })),
    )
}

/// Takes back the latest mark this device session made that is not yet taken back; returns it
/// (`None`: nothing to undo, which is logged too). Per session, not per station: when two members
/// of the polling station count on two devices, an undo on one never takes back the other's tap.
pub(crate) fn undo_mark(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    from: &StationWrite,
) -> Result<Option<String>, StoreError> {
    let connection = mutation.connection();
    let key = station_key(connection, &from.election, from.station)?;
    let last: Option<(i64, String)> = connection
        .prepare_cached(
            "SELECT m.id, m.mark FROM tally_marks m
             WHERE m.polling_station = ?1 AND m.session = ?2 AND m.undoes IS NULL
               AND NOT EXISTS (SELECT 1 FROM tally_marks u WHERE u.undoes = m.id)
             ORDER BY m.id DESC LIMIT 1",
        )?
        .query_row(params![key, from.session], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?;
    if let Some((id, mark)) = &last {
        connection
            .prepare_cached(
                "INSERT INTO tally_marks (polling_station, mark, undoes, marked_at, session)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![key, mark, id, now(), from.session])?;
    }
    mutation.audit(
        actor,
        AuditAction::StationAppUndo,
        &from.details(json!({ "mark": last.as_ref().map(|(_, m)| m) })),
    )?;
    Ok(last.map(|(_, mark)| mark))
}

/// Net marks (made minus taken back) per polling station and mark, for an election.
pub(crate) fn tally_counts(
    connection: &Connection,
    election: &ElectionId,
    station: Option<PollingStationNumber>,
) -> Result<Vec<(PollingStationNumber, String, i64)>, StoreError> {
    let key = election_key(connection, election)?;
    let mut statement = connection.prepare_cached(
        "SELECT p.number, m.mark, SUM(CASE WHEN m.undoes IS NULL THEN 1 ELSE -1 END)
         FROM tally_marks m JOIN polling_stations p ON m.polling_station = p.id
         WHERE p.election = ?1 AND (?2 IS NULL OR p.number = ?2)
         GROUP BY p.number, m.mark ORDER BY p.number, m.mark",
    )?;
    let rows = statement.query_map(params![key, station.map(|s| s.get())], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, i64>(2)?,
        ))
    })?;
    rows.map(|row| {
        let (number, mark, count) = row?;
        Ok((station_number(number)?, mark, count))
    })
    .collect()
}

/// Records published turnout figures.
pub(crate) fn publish_turnout(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    election: &ElectionId,
    moment: &str,
    figures: &serde_json::Value,
) -> Result<TurnoutPublication, StoreError> {
    let connection = mutation.connection();
    let key = election_key(connection, election)?;
    let at = now();
    connection.execute(
        "INSERT INTO turnout_publications (election, moment, figures, published_at, published_by)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            key,
            moment,
            serde_json::to_string(figures)?,
            at,
            actor.as_str()
        ],
    )?;
    mutation.audit(
        actor,
        AuditAction::StationAppTurnoutPublished,
        &json!({ "election": election.as_str(), "moment": moment, "figures": figures }),
    )?;
    Ok(TurnoutPublication {
        moment: moment.to_string(),
        figures: figures.clone(),
        published_at: at,
        published_by: actor.as_str().to_string(),
    })
}

/// The published turnout figures, oldest first.
pub(crate) fn turnout_publications(
    connection: &Connection,
    election: &ElectionId,
) -> Result<Vec<TurnoutPublication>, StoreError> {
    let rows = rows_with_json(
        connection,
        "SELECT moment, figures, published_at, published_by FROM turnout_publications
         WHERE election = ?1 ORDER BY id",
        election_key(connection, election)?,
        "turnout_publications.figures",
    )?;
    Ok(rows
        .into_iter()
        .map(
            |(moment, figures, published_at, published_by)| TurnoutPublication {
                moment,
                figures,
                published_at,
                published_by,
            },
        )
        .collect())
}

/// Records the electorate of an election as the municipality states it.
pub(crate) fn set_electorate(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    election: &ElectionId,
    electorate: u64,
) -> Result<AuditEntry, StoreError> {
    let connection = mutation.connection();
    let key = election_key(connection, election)?;
    let stored = i64::try_from(electorate)
        .map_err(|_| StoreError::Corrupt(format!("electorate {electorate}")))?;
    connection.execute(
        "INSERT INTO turnout_electorate (election, electorate, set_at, set_by) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (election) DO UPDATE SET electorate = excluded.electorate,
             set_at = excluded.set_at, set_by = excluded.set_by",
        params![key, stored, now(), actor.as_str()],
    )?;
    mutation.audit(
        actor,
        AuditAction::StationAppElectorate,
        &json!({ "election": election.as_str(), "electorate": electorate }),
    )
}

/// The electorate the municipality stated, if it did.
pub(crate) fn electorate(
    connection: &Connection,
    election: &ElectionId,
) -> Result<Option<u64>, StoreError> {
    let key = election_key(connection, election)?;
    let stored: Option<i64> = connection
        .query_row(
            "SELECT electorate FROM turnout_electorate WHERE election = ?1",
            [key],
            |row| row.get(0),
        )
        .optional()?;
    stored
        .map(|n| {
            u64::try_from(n)
                .map_err(|_| StoreError::Corrupt(format!("turnout_electorate.electorate {n}")))
        })
        .transpose()
}
