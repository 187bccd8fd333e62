//! The double data entry of each polling station, and changes to polling stations.
//!
//! A polling station's entry is stored as its state (model::entry::EntryState, as JSON) with a
//! version number. A change names the version it was computed from and is refused when the stored
//! version has moved on: the transition logic runs outside the database, and two browsers saving
//! the same entry cannot overwrite each other (the later one is told to reload).

use model::entry::{EntryState, Status};
use model::{ElectionId, PollingStation, PollingStationNumber};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::json;

use crate::AuditAction;
use crate::audit::{Actor, AuditEntry, now};
use crate::error::StoreError;
use crate::writer::Mutation;

/// A polling station's entry as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEntry {
    /// The polling station.
    pub polling_station: PollingStationNumber,
    /// The state.
    pub state: EntryState,
    /// Version: 0 before anything was stored, then one more with every change.
    pub version: u64,
    /// Last change (RFC 3339), if any.
    pub updated_at: Option<String>,
    /// By whom.
    pub updated_by: Option<String>,
}

/// A state change to store.
#[derive(Debug, Clone)]
pub struct EntryChange {
    /// Election.
    pub election: ElectionId,
    /// Polling station.
    pub polling_station: PollingStationNumber,
    /// The version the change was computed from.
    pub expected_version: u64,
    /// The new state.
    pub state: EntryState,
    /// Audit action, e.g. `entry.save`.
    pub action: AuditAction,
    /// Audit details beyond election, polling station and statuses.
    pub details: serde_json::Value,
}

/// What a stored change produced.
#[derive(Debug, Clone)]
pub struct EntryReceipt {
    /// The new version.
    pub version: u64,
    /// Its audit entry.
    pub audit_entry: AuditEntry,
}

/// The row id of an election.
pub(crate) fn election_key(
    connection: &Connection,
    election: &ElectionId,
) -> Result<i64, StoreError> {
    connection
        .query_row(
            "SELECT id FROM elections WHERE election_id = ?1",
            [election.as_str()],
            |row| row.get(0),
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("election {election}")))
}

/// The rows of `sql` for the election with row id `key` (its one parameter): four text columns,
/// the second holding JSON (`column` names it when it does not read).
pub(crate) fn rows_with_json(
    connection: &Connection,
    sql: &str,
    key: i64,
    column: &str,
) -> Result<Vec<(String, serde_json::Value, String, String)>, StoreError> {
    let mut statement = connection.prepare(sql)?;
    let rows = statement.query_map([key], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(3)?,
        ))
    })?;
    rows.map(|row| {
        let (first, json, third, fourth) = row?;
        let json = serde_json::from_str(&json)
            .map_err(|e| StoreError::Corrupt(format!("{column}: {e}")))?;
        Ok((first, json, third, fourth))
    })
    .collect()
}

pub(crate) fn station_key(
    connection: &Connection,
    election: &ElectionId,
    number: PollingStationNumber,
) -> Result<i64, StoreError> {
    // Hot statements are prepared once per connection (rusqlite's statement cache).
    connection
        .prepare_cached(
            "SELECT p.id FROM polling_stations p JOIN elections e ON p.election = e.id
             WHERE e.election_id = ?1 AND p.number = ?2",
        )?
        .query_row(params![election.as_str(), number.get()], |row| row.get(0))
        .optional()?
        .ok_or_else(|| {
            StoreError::NotFound(format!("polling station {number} of election {election}"))
        })
}

fn decode_state(text: &str) -> Result<EntryState, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("data_entries.state: {e}")))
}

/// The entry of one polling station (not started, version 0, when nothing is stored yet).
pub(crate) fn load(
    connection: &Connection,
    election: &ElectionId,
    number: PollingStationNumber,
) -> Result<StoredEntry, StoreError> {
    let key = station_key(connection, election, number)?;
    let row = connection
        .prepare_cached(
            "SELECT state, version, updated_at, updated_by FROM data_entries WHERE polling_station = ?1",
        )?
        .query_row([key], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                ))
        })
        .optional()?;
    Ok(match row {
        None => StoredEntry {
            polling_station: number,
            state: EntryState::NotStarted,
            version: 0,
            updated_at: None,
            updated_by: None,
        },
        Some((state, version, at, by)) => StoredEntry {
            polling_station: number,
            state: decode_state(&state)?,
            version: version.unsigned_abs(),
            updated_at: Some(at),
            updated_by: Some(by),
        },
    })
}

/// Every polling station's entry, by polling station number.
pub(crate) fn list(
    connection: &Connection,
    election: &ElectionId,
) -> Result<Vec<StoredEntry>, StoreError> {
    let key = election_key(connection, election)?;
    let mut statement = connection.prepare(
        "SELECT p.number, d.state, d.version, d.updated_at, d.updated_by
         FROM polling_stations p LEFT JOIN data_entries d ON d.polling_station = p.id
         WHERE p.election = ?1 ORDER BY p.number",
    )?;
    let rows = statement.query_map([key], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, Option<String>>(1)?,
            row.get::<_, Option<i64>>(2)?,
            row.get::<_, Option<String>>(3)?,
            row.get::<_, Option<String>>(4)?,
        ))
    })?;
    let mut entries = Vec::new();
    for row in rows {
        let (number, state, version, at, by) = row?;
        let number = u32::try_from(number)
            .ok()
            .and_then(|n| PollingStationNumber::new(n).ok())
            .ok_or_else(|| StoreError::Corrupt(format!("polling_stations.number {number}")))?;
        entries.push(StoredEntry {
            polling_station: number,
            state: state
                .as_deref()
                .map(decode_state)
                .transpose()?
                .unwrap_or(EntryState::NotStarted),
            version: version.unwrap_or(0).unsigned_abs(),
            updated_at: at,
            updated_by: by,
        });
    }
    Ok(entries)
}

/// Stores a state change if the stored version is still the expected one.
pub(crate) fn change(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    change: &EntryChange,
) -> Result<EntryReceipt, StoreError> {
    let connection = mutation.connection();
    let key = station_key(connection, &change.election, change.polling_station)?;
    let stored: Option<(i64, String)> = connection
        .prepare_cached("SELECT version, status FROM data_entries WHERE polling_station = ?1")?
        .query_row([key], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    let (found, previous_status) = match &stored {
        Some((version, status)) => (version.unsigned_abs(), status.as_str()),
        None => (0, Status::NotStarted.as_str()),
    };
    if found != change.expected_version {
        return Err(StoreError::Stale {
            expected: change.expected_version,
            found,
        });
    }
    let version = found + 1;
    let at = now();
    let state = serde_json::to_string(&change.state)?;
    let status = change.state.status().as_str();
    let version_sql = i64::try_from(version).map_err(|_| StoreError::Corrupt("version".into()))?;
    connection
        .prepare_cached(
            "INSERT INTO data_entries (polling_station, status, state, version, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (polling_station) DO UPDATE SET
                status = excluded.status, state = excluded.state, version = excluded.version,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        )?
        .execute(params![key, status, state, version_sql, at, actor.as_str()])?;
    let mut details = json!({
        "election": change.election.as_str(),
        "polling_station": change.polling_station.get(),
        "from": previous_status,
        "to": status,
        "version": version,
        "state_sha256": seal::HashCode::of(state.as_bytes()).to_hex(),
    });
    if let (Some(target), Some(extra)) = (details.as_object_mut(), change.details.as_object()) {
        for (k, v) in extra {
            target.insert(k.clone(), v.clone());
        }
    }
    // What others typed goes with their hold on the entry: only the holder's typing survives a
    // change (a finalised, abandoned or reassigned entry leaves nobody's half-typed form behind).
    let holder = change.state.typist_in_progress().map(|t| t.id);
    connection
        .prepare_cached("DELETE FROM typed_fields WHERE polling_station = ?1 AND typist IS NOT ?2")?
        .execute(params![key, holder])?;
    let audit_entry = mutation.audit(actor, change.action, &details)?;
    Ok(EntryReceipt {
        version,
        audit_entry,
    })
}

/// What a typist typed into an entry's form, as it goes into the store.
#[derive(Debug, Clone)]
pub struct Typing {
    /// Election.
    pub election: ElectionId,
    /// Polling station.
    pub polling_station: PollingStationNumber,
    /// The version of the entry the form was shown at: typing into an entry that has changed
    /// since (finalised, abandoned, sent back) is refused as stale.
    pub expected_version: u64,
    /// The typist (user id), who holds the entry at that version.
    pub typist: i64,
    /// Field key → text as typed, empty fields included.
    pub fields: std::collections::BTreeMap<String, String>,
}

/// Stores what a typist typed, replacing what they typed before.
pub(crate) fn type_fields(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    typing: &Typing,
) -> Result<(), StoreError> {
    let connection = mutation.connection();
    let key = station_key(connection, &typing.election, typing.polling_station)?;
    let found: i64 = connection
        .prepare_cached("SELECT version FROM data_entries WHERE polling_station = ?1")?
        .query_row([key], |row| row.get(0))
        .optional()?
        .unwrap_or(0);
    if found.unsigned_abs() != typing.expected_version {
        return Err(StoreError::Stale {
            expected: typing.expected_version,
            found: found.unsigned_abs(),
        });
    }
    let fields = serde_json::to_string(&typing.fields)?;
    connection
        .prepare_cached(
            "INSERT INTO typed_fields (polling_station, typist, fields, typed_at)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (polling_station, typist) DO UPDATE SET
                fields = excluded.fields, typed_at = excluded.typed_at",
        )?
        .execute(params![key, typing.typist, fields, now()])?;
    let typed = typing.fields.values().filter(|v| !v.trim().is_empty());
    mutation.audit(
        actor,
        AuditAction::EntryType,
        &json!({
            "election": typing.election.as_str(),
            "polling_station": typing.polling_station.get(),
            "version": typing.expected_version,
            "fields_typed": typed.count(),
            "fields_sha256": seal::HashCode::of(fields.as_bytes()).to_hex(),
        }),
    )?;
    Ok(())
}

/// What a typist last typed into an entry's form, if anything.
pub(crate) fn typed_fields(
    connection: &Connection,
    election: &ElectionId,
    number: PollingStationNumber,
    typist: i64,
) -> Result<Option<std::collections::BTreeMap<String, String>>, StoreError> {
    let key = station_key(connection, election, number)?;
    let text: Option<String> = connection
        .prepare_cached(
            "SELECT fields FROM typed_fields WHERE polling_station = ?1 AND typist = ?2",
        )?
        .query_row(params![key, typist], |row| row.get(0))
        .optional()?;
    text.map(|t| {
        serde_json::from_str(&t)
            .map_err(|e| StoreError::Corrupt(format!("typed_fields.fields: {e}")))
    })
    .transpose()
}

fn insert_station(
    connection: &Connection,
    election: i64,
    station: &PollingStation,
) -> Result<(), StoreError> {
    connection.execute(
        "INSERT INTO polling_stations (election, number, name, kind, street, postal_code, locality, voters, contest_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            election,
            station.number.get(),
            station.name,
            station.kind.map(|k| crate::elections::code(&k)).transpose()?,
            station.address.street,
            station.address.postal_code,
            station.address.locality,
            station.voters,
            station.contest.as_ref().map(|c| c.as_str()),
        ],
    )?;
    Ok(())
}

fn station_json(station: &PollingStation) -> serde_json::Value {
    json!({
        "number": station.number.get(),
        "name": station.name,
        "street": station.address.street,
        "postal_code": station.address.postal_code,
        "locality": station.address.locality,
        "voters": station.voters,
    })
}

/// Adds polling stations, all or none; refused when a number is taken.
pub(crate) fn add_stations(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    election: &ElectionId,
    stations: &[PollingStation],
    source: Option<(&str, &str)>,
) -> Result<AuditEntry, StoreError> {
    let connection = mutation.connection();
    let key = election_key(connection, election)?;
    let mut taken = Vec::new();
    for station in stations {
        let exists: Option<i64> = connection
            .query_row(
                "SELECT id FROM polling_stations WHERE election = ?1 AND number = ?2",
                params![key, station.number.get()],
                |row| row.get(0),
            )
            .optional()?;
        if exists.is_some() {
            taken.push(station.number.get());
        }
    }
    let mut seen = std::collections::HashSet::new();
    for station in stations {
        if !seen.insert(station.number) {
            taken.push(station.number.get());
        }
    }
    if !taken.is_empty() {
        taken.sort_unstable();
        taken.dedup();
        return Err(StoreError::StationNumbersTaken(taken));
    }
    for station in stations {
        insert_station(connection, key, station)?;
    }
    let (action, details) = match source {
        Some((file, sha256)) => (
            AuditAction::PollingStationsImport,
            json!({
                "election": election.as_str(),
                "file": file,
                "sha256": sha256,
                "numbers": stations.iter().map(|s| s.number.get()).collect::<Vec<_>>(),
            }),
        ),
        None => (
            AuditAction::PollingStationAdd,
            json!({
                "election": election.as_str(),
                "stations": stations.iter().map(station_json).collect::<Vec<_>>(),
            }),
        ),
    };
    mutation.audit(actor, action, &details)
}

/// Changes a polling station's details. Its number can change only while its entry has not
/// started (the number is how typists find the paper report).
pub(crate) fn update_station(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    election: &ElectionId,
    number: PollingStationNumber,
    station: &PollingStation,
) -> Result<AuditEntry, StoreError> {
    let connection = mutation.connection();
    let key = station_key(connection, election, number)?;
    if station.number != number {
        let started: Option<i64> = connection
            .query_row(
                "SELECT version FROM data_entries WHERE polling_station = ?1",
                [key],
                |row| row.get(0),
            )
            .optional()?;
        if started.is_some() {
            return Err(StoreError::EntryStarted(number.get()));
        }
        let election_key = election_key(connection, election)?;
        let taken: Option<i64> = connection
            .query_row(
                "SELECT id FROM polling_stations WHERE election = ?1 AND number = ?2",
                params![election_key, station.number.get()],
                |row| row.get(0),
            )
            .optional()?;
        if taken.is_some() {
            return Err(StoreError::StationNumbersTaken(vec![station.number.get()]));
        }
    }
    connection.execute(
        "UPDATE polling_stations SET number = ?2, name = ?3, street = ?4, postal_code = ?5, locality = ?6, voters = ?7
         WHERE id = ?1",
        params![
            key,
            station.number.get(),
            station.name,
            station.address.street,
            station.address.postal_code,
            station.address.locality,
            station.voters,
        ],
    )?;
    mutation.audit(
        actor,
        AuditAction::PollingStationUpdate,
        &json!({
            "election": election.as_str(),
            "number": number.get(),
            "new": station_json(station),
        }),
    )
}
