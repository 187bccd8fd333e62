//! Files generated for a result, stored once: a second request gets the stored bytes.

use model::ElectionId;
use rusqlite::{Connection, OptionalExtension, params};
use seal::HashCode;
use serde_json::json;

use crate::AuditAction;
use crate::audit::{Actor, now};
use crate::entries::{election_key, rows_with_json};
use crate::error::StoreError;
use crate::writer::Mutation;

/// A stored result file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultFile {
    /// What it is, e.g. `eml-510b`, `osv4-3-csv`.
    pub kind: String,
    /// File name.
    pub name: String,
    /// Exact bytes.
    pub bytes: Vec<u8>,
    /// Hash code of the bytes.
    pub hash_code: HashCode,
    /// When it was generated (RFC 3339).
    pub created_at: String,
}

/// The stored file of this kind, if any.
pub(crate) fn load(
    connection: &Connection,
    election: &ElectionId,
    kind: &str,
) -> Result<Option<ResultFile>, StoreError> {
    let key = election_key(connection, election)?;
    let row = connection
        .query_row(
            "SELECT file_name, content, sha256, created_at FROM result_files WHERE election = ?1 AND kind = ?2",
            params![key, kind],
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, Vec<u8>>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                ))
            },
        )
        .optional()?;
    row.map(|(name, bytes, sha256, created_at)| {
        let hash_code = HashCode::of(&bytes);
        if hash_code.to_hex() != sha256 {
            return Err(StoreError::Corrupt(format!(
                "result file {name}: its bytes do not match the stored SHA-256"
            )));
        }
        Ok(ResultFile {
            kind: kind.to_string(),
            name,
            bytes,
            hash_code,
            created_at,
        })
    })
    .transpose()
}

/// Stores a file, unless one of this kind is stored already: then the stored one is returned
/// and nothing changes.
pub(crate) fn store_once(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    election: &ElectionId,
    kind: &str,
    name: &str,
    bytes: &[u8],
) -> Result<ResultFile, StoreError> {
    let connection = mutation.connection();
    if let Some(existing) = load(connection, election, kind)? {
        // Nothing written: an audit entry says it was served as stored.
        mutation.audit(
            actor,
            AuditAction::ResultFileReused,
            &json!({ "election": election.as_str(), "kind": kind, "sha256": existing.hash_code.to_hex() }),
        )?;
        return Ok(existing);
    }
    let key = election_key(connection, election)?;
    let hash_code = HashCode::of(bytes);
    let created_at = now();
    connection.execute(
        "INSERT INTO result_files (election, kind, file_name, sha256, size, content, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            key,
            kind,
            name,
            hash_code.to_hex(),
            i64::try_from(bytes.len()).unwrap_or(i64::MAX),
            bytes,
            created_at,
            actor.as_str()
        ],
    )?;
    mutation.audit(
        actor,
        AuditAction::ResultFile,
        &json!({
            "election": election.as_str(),
            "kind": kind,
            "name": name,
            "sha256": hash_code.to_hex(),
            "size": bytes.len(),
        }),
    )?;
    Ok(ResultFile {
        kind: kind.to_string(),
        name: name.to_string(),
        bytes: bytes.to_vec(),
        hash_code,
        created_at,
    })
}

/// A decision entered for a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultDecision {
    /// `deceased` or `lot`.
    pub kind: String,
    /// Its data as JSON.
    pub data: serde_json::Value,
    /// When (RFC 3339).
    pub entered_at: String,
    /// By whom.
    pub entered_by: String,
}

/// The decisions of an election, in the order entered.
pub(crate) fn decisions(
    connection: &Connection,
    election: &ElectionId,
) -> Result<Vec<ResultDecision>, StoreError> {
    let rows = rows_with_json(
        connection,
        "SELECT kind, data, entered_at, entered_by FROM result_decisions WHERE election = ?1 ORDER BY id",
        election_key(connection, election)?,
        "result_decisions.data",
    )?;
    Ok(rows
        .into_iter()
        .map(|(kind, data, entered_at, entered_by)| ResultDecision {
            kind,
            data,
            entered_at,
            entered_by,
        })
        .collect())
}

/// Records a decision.
pub(crate) fn add_decision(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    election: &ElectionId,
    kind: &str,
    data: &serde_json::Value,
) -> Result<(), StoreError> {
    let connection = mutation.connection();
    let key = election_key(connection, election)?;
    connection.execute(
        "INSERT INTO result_decisions (election, kind, data, entered_at, entered_by) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            key,
            kind,
            serde_json::to_string(data)?,
            now(),
            actor.as_str()
        ],
    )?;
    mutation.audit(
        actor,
        if kind == "lot" {
            AuditAction::ResultLot
        } else {
            AuditAction::ResultDeceased
        },
        &json!({ "election": election.as_str(), "decision": data }),
    )?;
    Ok(())
}
