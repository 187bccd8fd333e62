//! Elections in the database: importing one (with the files it came from), listing, loading.

use chrono::NaiveDate;
use messages::{Message, msg};
use model::{
    Address, Candidate, CandidatePosition, Contest, ContestId, Domain, DomainId, Election,
    ElectionId, List, ListNumber, PollingStation, PollingStationNumber,
};
use rusqlite::{Connection, OptionalExtension, params};
use seal::HashCode;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::AuditAction;
use crate::audit::{Actor, AuditEntry};
use crate::error::StoreError;
use crate::writer::Mutation;

/// What an imported file was to the election.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileRole {
    /// The election definition (EML 110a or a Flemish definition file).
    Definition,
    /// The candidate lists (EML 230b).
    CandidateLists,
    /// The polling stations (EML 110b).
    PollingStations,
}

/// How the file's hash code was confirmed before import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HashCheck {
    /// An official typed the two blanked groups of the official hash code.
    TypedGroups,
    /// The full official hash code was given (scripts).
    FullHashCode,
    /// No official hash code exists for this file (the municipality's own polling stations).
    NotApplicable,
}

impl FileRole {
    /// What the file is, for the reader to see in their language.
    pub fn name(self) -> Message {
        match self {
            FileRole::Definition => msg!("file-election-definition"),
            FileRole::CandidateLists => msg!("file-candidate-lists"),
            FileRole::PollingStations => msg!("file-polling-stations"),
        }
    }
}

impl HashCheck {
    /// How the hash code was confirmed, for the reader to see in their language.
    pub fn name(self) -> Message {
        match self {
            HashCheck::TypedGroups => msg!("hash-check-typed-groups"),
            HashCheck::FullHashCode => msg!("hash-check-full-hash-code"),
            HashCheck::NotApplicable => msg!("hash-check-not-applicable"),
        }
    }
}

/// A file as imported: its role, name, exact bytes and how its hash code was confirmed.
#[derive(Debug, Clone)]
pub struct ImportedFile {
    /// Its role.
    pub role: FileRole,
    /// File name as given.
    pub name: String,
    /// Exact bytes.
    pub bytes: Vec<u8>,
    /// How its hash code was confirmed.
    pub hash_check: HashCheck,
}

/// A stored file's metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    /// Its role.
    pub role: FileRole,
    /// File name as given at import.
    pub name: String,
    /// Hash code of its bytes.
    pub hash_code: HashCode,
    /// Size in bytes.
    pub size: u64,
    /// How its hash code was confirmed.
    pub hash_check: HashCheck,
}

/// An election as stored, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredElection {
    /// The election.
    pub election: Election,
    /// The files it was imported from.
    pub files: Vec<StoredFile>,
    /// When (UTC, RFC 3339).
    pub imported_at: String,
    /// By whom.
    pub imported_by: String,
}

/// One line of the list of elections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElectionSummary {
    /// Identifier.
    pub id: ElectionId,
    /// Name.
    pub name: String,
    /// Election day.
    pub election_date: NaiveDate,
    /// Seats.
    pub seats: u32,
    /// Number of lists.
    pub lists: u64,
    /// Number of candidates.
    pub candidates: u64,
    /// Number of polling stations.
    pub polling_stations: u64,
    /// When it was imported.
    pub imported_at: String,
}

/// What an import produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReceipt {
    /// The audit-log entry that records it.
    pub audit_entry: AuditEntry,
    /// The files as stored, with the hash code of the bytes written.
    pub files: Vec<StoredFile>,
}

/// Stores `value`'s serde name (all model enumerations serialise to a snake_case string).
pub(crate) fn code<T: Serialize>(value: &T) -> Result<String, StoreError> {
    match serde_json::to_value(value)? {
        serde_json::Value::String(text) => Ok(text),
        other => Err(StoreError::Corrupt(format!("not an enumeration: {other}"))),
    }
}

fn decode<T: DeserializeOwned>(text: &str, column: &str) -> Result<T, StoreError> {
    serde_json::from_value(serde_json::Value::String(text.to_string()))
        .map_err(|e| StoreError::Corrupt(format!("{column} {text:?}: {e}")))
}

fn decode_option<T: DeserializeOwned>(
    text: Option<String>,
    column: &str,
) -> Result<Option<T>, StoreError> {
    text.map(|t| decode(&t, column)).transpose()
}

fn id<T, E: std::fmt::Display>(result: Result<T, E>, column: &str) -> Result<T, StoreError> {
    result.map_err(|e| StoreError::Corrupt(format!("{column}: {e}")))
}

fn date(text: &str, column: &str) -> Result<NaiveDate, StoreError> {
    id(NaiveDate::parse_from_str(text, "%Y-%m-%d"), column)
}

/// SQLite integers are i64; a count or index of things in memory always fits.
fn sql_int(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

fn u32_column(value: i64, column: &str) -> Result<u32, StoreError> {
    id(u32::try_from(value), column)
}

/// Imports an election and its files in one transaction, with its audit-log entry.
pub(crate) fn import(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    election: &Election,
    files: &[ImportedFile],
) -> Result<ImportReceipt, StoreError> {
    let connection = mutation.connection();
    let existing: Option<String> = connection
        .query_row(
            "SELECT imported_at FROM elections WHERE election_id = ?1",
            [election.id.as_str()],
            |row| row.get(0),
        )
        .optional()?;
    if let Some(imported_at) = existing {
        return Err(StoreError::ElectionExists {
            id: election.id.clone(),
            imported_at,
        });
    }

    let now = crate::audit::now();
    connection.execute(
        "INSERT INTO elections (election_id, name, jurisdiction, body, domain_id, domain_name,
             election_date, nomination_date, seats, preference_threshold, law, imported_at, imported_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            election.id.as_str(),
            election.name,
            code(&election.jurisdiction)?,
            code(&election.body)?,
            election.domain.as_ref().and_then(|d| d.id.as_ref()).map(|id| id.as_str()),
            election.domain.as_ref().map(|d| d.name.as_str()),
            election.election_date.to_string(),
            election.nomination_date.map(|d| d.to_string()),
            election.seats,
            election.preference_threshold_percent,
            code(&election.law)?,
            now,
            actor.as_str(),
        ],
    )?;
    let election_key = connection.last_insert_rowid();

    let mut insert_candidate = connection.prepare_cached(
        "INSERT INTO candidates (list, position, initials, first_name, prefix, last_name, gender, locality, country)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (contest_ordinal, contest) in election.contests.iter().enumerate() {
        connection.execute(
            "INSERT INTO contests (election, ordinal, contest_id, name, seats) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![election_key, sql_int(contest_ordinal), contest.id.as_str(), contest.name, contest.seats],
        )?;
        let contest_key = connection.last_insert_rowid();
        for (list_ordinal, list) in contest.lists.iter().enumerate() {
            #[cfg(feature = "fault-injection")]
            if contest_ordinal == 0 && list_ordinal == contest.lists.len() / 2 {
                crate::fault::pause_point("import-election");
            }
            connection.execute(
                "INSERT INTO lists (contest, ordinal, number, name) VALUES (?1, ?2, ?3, ?4)",
                params![
                    contest_key,
                    sql_int(list_ordinal),
                    list.number.get(),
                    list.name
                ],
            )?;
            let list_key = connection.last_insert_rowid();
            for candidate in &list.candidates {
                insert_candidate.execute(params![
                    list_key,
                    candidate.position.get(),
                    candidate.initials,
                    candidate.first_name,
                    candidate.prefix,
                    candidate.last_name,
                    candidate.gender.map(|g| code(&g)).transpose()?,
                    candidate.locality,
                    candidate.country,
                ])?;
            }
        }
    }

    for station in &election.polling_stations {
        connection.execute(
            "INSERT INTO polling_stations (election, number, name, kind, street, postal_code, locality, voters, contest_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                election_key,
                station.number.get(),
                station.name,
                station.kind.map(|k| code(&k)).transpose()?,
                station.address.street,
                station.address.postal_code,
                station.address.locality,
                station.voters,
                station.contest.as_ref().map(|c| c.as_str()),
            ],
        )?;
    }

    let mut file_details = Vec::new();
    let mut stored_files = Vec::new();
    for file in files {
        let hash_code = HashCode::of(&file.bytes);
        connection.execute(
            "INSERT INTO election_files (election, role, file_name, sha256, size, content, hash_check)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                election_key,
                code(&file.role)?,
                file.name,
                hash_code.to_hex(),
                sql_int(file.bytes.len()),
                file.bytes,
                code(&file.hash_check)?,
            ],
        )?;
        file_details.push(json!({
            "role": code(&file.role)?,
            "name": file.name,
            "sha256": hash_code.to_hex(),
            "size": file.bytes.len(),
            "hash_check": code(&file.hash_check)?,
        }));
        stored_files.push(StoredFile {
            role: file.role,
            name: file.name.clone(),
            hash_code,
            size: u64::try_from(file.bytes.len()).unwrap_or(u64::MAX),
            hash_check: file.hash_check,
        });
    }

    #[cfg(feature = "fault-injection")]
    crate::fault::pause_point("import-election-before-commit");

    let details = json!({
        "election": election.id.as_str(),
        "name": election.name,
        "seats": election.seats,
        "contests": election.contests.len(),
        "lists": election.list_count(),
        "candidates": election.candidate_count(),
        "polling_stations": election.polling_stations.len(),
        "files": file_details,
    });
    let audit_entry = mutation.audit(actor, AuditAction::ElectionImport, &details)?;
    Ok(ImportReceipt {
        audit_entry,
        files: stored_files,
    })
}

/// Summaries of all elections, in import order.
pub(crate) fn list(connection: &Connection) -> Result<Vec<ElectionSummary>, StoreError> {
    let mut statement = connection.prepare(
        "SELECT e.election_id, e.name, e.election_date, e.seats, e.imported_at,
            (SELECT count(*) FROM lists l JOIN contests c ON l.contest = c.id WHERE c.election = e.id),
            (SELECT count(*) FROM candidates k JOIN lists l ON k.list = l.id JOIN contests c ON l.contest = c.id WHERE c.election = e.id),
            (SELECT count(*) FROM polling_stations p WHERE p.election = e.id)
         FROM elections e ORDER BY e.id",
    )?;
    let rows = statement.query_map([], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, i64>(3)?,
            row.get::<_, String>(4)?,
            row.get::<_, i64>(5)?,
            row.get::<_, i64>(6)?,
            row.get::<_, i64>(7)?,
        ))
    })?;
    let mut summaries = Vec::new();
    for row in rows {
        let (election_id, name, election_date, seats, imported_at, lists, candidates, stations) =
            row?;
        summaries.push(ElectionSummary {
            id: id(ElectionId::new(election_id), "elections.election_id")?,
            name,
            election_date: date(&election_date, "elections.election_date")?,
            seats: u32_column(seats, "elections.seats")?,
            lists: lists.unsigned_abs(),
            candidates: candidates.unsigned_abs(),
            polling_stations: stations.unsigned_abs(),
            imported_at,
        });
    }
    Ok(summaries)
}

/// Loads an election with its files' metadata.
pub(crate) fn load(
    connection: &Connection,
    election_id: &ElectionId,
) -> Result<Option<StoredElection>, StoreError> {
    let row = connection
        .query_row(
            "SELECT id, name, jurisdiction, body, domain_id, domain_name, election_date, nomination_date,
                seats, preference_threshold, law, imported_at, imported_by
             FROM elections WHERE election_id = ?1",
            [election_id.as_str()],
            |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, Option<String>>(4)?,
                    row.get::<_, Option<String>>(5)?,
                    row.get::<_, String>(6)?,
                    row.get::<_, Option<String>>(7)?,
                    row.get::<_, i64>(8)?,
                    row.get::<_, Option<i64>>(9)?,
                    row.get::<_, String>(10)?,
                    row.get::<_, String>(11)?,
                    row.get::<_, String>(12)?,
                ))
            },
        )
        .optional()?;
    let Some((
        key,
        name,
        jurisdiction,
        body,
        domain_id,
        domain_name,
        election_date,
        nomination_date,
        seats,
        threshold,
        law,
        imported_at,
        imported_by,
    )) = row
    else {
        return Ok(None);
    };

    let domain = match domain_name {
        Some(name) => Some(Domain {
            id: domain_id
                .map(|d| id(DomainId::new(d), "elections.domain_id"))
                .transpose()?,
            name,
        }),
        None => None,
    };
    let election = Election {
        id: election_id.clone(),
        name,
        jurisdiction: decode(&jurisdiction, "elections.jurisdiction")?,
        body: decode(&body, "elections.body")?,
        domain,
        election_date: date(&election_date, "elections.election_date")?,
        nomination_date: nomination_date
            .map(|d| date(&d, "elections.nomination_date"))
            .transpose()?,
        seats: u32_column(seats, "elections.seats")?,
        preference_threshold_percent: threshold
            .map(|t| u32_column(t, "elections.preference_threshold"))
            .transpose()?,
        law: decode(&law, "elections.law")?,
        contests: load_contests(connection, key)?,
        polling_stations: load_polling_stations(connection, key)?,
    };
    Ok(Some(StoredElection {
        election,
        files: load_files(connection, key)?,
        imported_at,
        imported_by,
    }))
}

fn load_contests(connection: &Connection, election: i64) -> Result<Vec<Contest>, StoreError> {
    let mut contests_statement = connection.prepare(
        "SELECT id, contest_id, name, seats FROM contests WHERE election = ?1 ORDER BY ordinal",
    )?;
    let mut lists_statement = connection
        .prepare("SELECT id, number, name FROM lists WHERE contest = ?1 ORDER BY ordinal")?;
    let mut candidates_statement = connection.prepare(
        "SELECT position, initials, first_name, prefix, last_name, gender, locality, country
         FROM candidates WHERE list = ?1 ORDER BY position",
    )?;
    let contest_rows = contests_statement
        .query_map([election], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, Option<i64>>(3)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut contests = Vec::new();
    for (contest_key, contest_id, name, seats) in contest_rows {
        let list_rows = lists_statement
            .query_map([contest_key], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, String>(2)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut lists = Vec::new();
        for (list_key, number, list_name) in list_rows {
            let candidate_rows = candidates_statement
                .query_map([list_key], |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        row.get::<_, Option<String>>(1)?,
                        row.get::<_, Option<String>>(2)?,
                        row.get::<_, Option<String>>(3)?,
                        row.get::<_, String>(4)?,
                        row.get::<_, Option<String>>(5)?,
                        row.get::<_, Option<String>>(6)?,
                        row.get::<_, Option<String>>(7)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            let mut candidates = Vec::new();
            for (position, initials, first_name, prefix, last_name, gender, locality, country) in
                candidate_rows
            {
                candidates.push(Candidate {
                    position: id(
                        CandidatePosition::new(u32_column(position, "candidates.position")?),
                        "candidates.position",
                    )?,
                    initials,
                    first_name,
                    prefix,
                    last_name,
                    gender: decode_option(gender, "candidates.gender")?,
                    locality,
                    country,
                });
            }
            lists.push(List {
                number: id(
                    ListNumber::new(u32_column(number, "lists.number")?),
                    "lists.number",
                )?,
                name: list_name,
                candidates,
            });
        }
        contests.push(Contest {
            id: id(ContestId::new(contest_id), "contests.contest_id")?,
            name,
            seats: seats.map(|s| u32_column(s, "contests.seats")).transpose()?,
            lists,
        });
    }
    Ok(contests)
}

fn load_polling_stations(
    connection: &Connection,
    election: i64,
) -> Result<Vec<PollingStation>, StoreError> {
    let mut statement = connection.prepare(
        "SELECT number, name, kind, street, postal_code, locality, voters, contest_id
         FROM polling_stations WHERE election = ?1 ORDER BY number",
    )?;
    let rows = statement
        .query_map([election], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, Option<String>>(3)?,
                row.get::<_, Option<String>>(4)?,
                row.get::<_, Option<String>>(5)?,
                row.get::<_, Option<i64>>(6)?,
                row.get::<_, Option<String>>(7)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(
            |(number, name, kind, street, postal_code, locality, voters, contest)| {
                Ok(PollingStation {
                    number: id(
                        PollingStationNumber::new(u32_column(number, "polling_stations.number")?),
                        "polling_stations.number",
                    )?,
                    name,
                    kind: decode_option(kind, "polling_stations.kind")?,
                    address: Address {
                        street,
                        postal_code,
                        locality,
                    },
                    voters: voters
                        .map(|v| u32_column(v, "polling_stations.voters"))
                        .transpose()?,
                    contest: contest
                        .map(|c| id(ContestId::new(c), "polling_stations.contest_id"))
                        .transpose()?,
                })
            },
        )
        .collect()
}

fn load_files(connection: &Connection, election: i64) -> Result<Vec<StoredFile>, StoreError> {
    let mut statement = connection.prepare(
        "SELECT role, file_name, sha256, size, hash_check FROM election_files WHERE election = ?1 ORDER BY id",
    )?;
    let rows = statement
        .query_map([election], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, i64>(3)?,
                row.get::<_, String>(4)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(role, name, sha256, size, hash_check)| {
            Ok(StoredFile {
                role: decode(&role, "election_files.role")?,
                name,
                hash_code: id(sha256.parse::<HashCode>(), "election_files.sha256")?,
                size: size.unsigned_abs(),
                hash_check: decode(&hash_check, "election_files.hash_check")?,
            })
        })
        .collect()
}
