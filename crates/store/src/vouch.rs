//! The data the audit log vouches for: which tables and columns, each row's digest, and the
//! check that the tables hold exactly what the log's entries say they produced.
//!
//! The hash chain alone shows that no *entry* was changed; it says nothing of the rows the
//! entries describe. So the write connection carries TEMP triggers (they live in the connection,
//! not in the file, so there is nothing there to remove) that note every row a mutation inserts,
//! updates or deletes in a vouched table. When the mutation appends its audit entry, the digest
//! of each such row as it now stands (or `null`: removed) becomes the entry's `state`, which the
//! entry's hash covers. Verification replays the states entry by entry and compares the outcome
//! with every row of every vouched table: a row changed, added or removed directly in the file
//! is named with its table, its row and the last entry that recorded it.

use std::collections::BTreeMap;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};
use seal::HashCode;
use seal::chain::{GENESIS, link_hash};

use crate::audit::{AuditBreak, AuditEntry};
use crate::error::StoreError;

/// Domain tag of a row's digest.
const ROW_DOMAIN: &str = "urna/audit-row/v1";

/// A table whose rows the log vouches for, with the columns that make a row's content. Columns
/// that change without an event of their own (a user's failed logins, last login) are left out;
/// so are columns added by later migrations until a baseline entry records them.
struct Vouched {
    table: &'static str,
    columns: &'static [&'static str],
    /// Whether only an update of `columns` is a change (a table with volatile columns).
    update_of_columns: bool,
}

const fn table(table: &'static str, columns: &'static [&'static str]) -> Vouched {
    Vouched {
        table,
        columns,
        update_of_columns: false,
    }
}

/// Every table that holds counted data, the election it is counted for, or who may change it.
const VOUCHED: &[Vouched] = &[
    table(
        "elections",
        &[
            "election_id",
            "name",
            "jurisdiction",
            "body",
            "domain_id",
            "domain_name",
            "election_date",
            "nomination_date",
            "seats",
            "preference_threshold",
            "law",
            "imported_at",
            "imported_by",
        ],
    ),
    table(
        "contests",
        &["election", "ordinal", "contest_id", "name", "seats"],
    ),
    table("lists", &["contest", "ordinal", "number", "name"]),
    table(
        "candidates",
        &[
            "list",
            "position",
            "initials",
            "first_name",
            "prefix",
            "last_name",
            "gender",
            "locality",
            "country",
        ],
    ),
    table(
        "polling_stations",
        &[
            "election",
            "number",
            "name",
            "kind",
            "street",
            "postal_code",
            "locality",
            "voters",
            "contest_id",
        ],
    ),
    table(
        "election_files",
        &[
            "election",
            "role",
            "file_name",
            "sha256",
            "size",
            "content",
            "hash_check",
        ],
    ),
    Vouched {
        table: "users",
        columns: &[
            "username",
            "full_name",
            "role",
            "password_hash",
            "must_change_password",
            "created_at",
        ],
        update_of_columns: true,
    },
    table(
        "data_entries",
        &["status", "state", "version", "updated_at", "updated_by"],
    ),
    table(
        "result_files",
        &[
            "election",
            "kind",
            "file_name",
            "sha256",
            "size",
            "content",
            "created_at",
            "created_by",
        ],
    ),
    table(
        "result_decisions",
        &["election", "kind", "data", "entered_at", "entered_by"],
    ),
    table(
        "station_credentials",
        &["login", "verifier", "source", "issued_at", "issued_by"],
    ),
    table(
        "turnout_reports",
        &[
            "polling_station",
            "moment",
            "admitted",
            "reported_at",
            "session",
        ],
    ),
    table(
        "tally_marks",
        &["polling_station", "mark", "undoes", "marked_at", "session"],
    ),
    table(
        "turnout_publications",
        &[
            "election",
            "moment",
            "figures",
            "published_at",
            "published_by",
        ],
    ),
    table("turnout_electorate", &["electorate", "set_at", "set_by"]),
    table(
        "committee_sessions",
        &[
            "election",
            "number",
            "details",
            "opened_at",
            "opened_by",
            "closed_at",
            "closed_by",
        ],
    ),
    table("investigations", &["session", "polling_station", "state"]),
    table("disabled_users", &["user", "disabled_at", "disabled_by"]),
    table(
        "typed_fields",
        &["polling_station", "typist", "fields", "typed_at"],
    ),
    table(
        "counting_methods",
        &["election", "method", "set_at", "set_by"],
    ),
    table(
        "count_history",
        &[
            "polling_station",
            "session",
            "state",
            "reason",
            "replaced_at",
            "replaced_by",
        ],
    ),
];

/// Installs the triggers that note changed rows, on the write connection only.
pub(crate) fn watch(connection: &Connection) -> Result<(), StoreError> {
    let mut sql = String::from(
        "CREATE TEMP TABLE IF NOT EXISTS vouch_changed (
             tbl TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (tbl, rid)
         ) WITHOUT ROWID;",
    );
    for vouched in VOUCHED {
        let t = vouched.table;
        let of = if vouched.update_of_columns {
            format!(" OF {}", vouched.columns.join(", "))
        } else {
            String::new()
        };
        // Not `INSERT OR IGNORE`: a trigger takes the conflict policy of the statement that fired
        // it (an upsert's would fail here), so the row is noted only when not noted yet.
        let note = |row: &str| {
            format!(
                "INSERT INTO vouch_changed SELECT '{t}', {row}.rowid WHERE NOT EXISTS
                     (SELECT 1 FROM vouch_changed WHERE tbl = '{t}' AND rid = {row}.rowid);"
            )
        };
        sql.push_str(&format!(
            "CREATE TEMP TRIGGER IF NOT EXISTS vouch_{t}_insert AFTER INSERT ON main.{t}
                 BEGIN {new} END;
             CREATE TEMP TRIGGER IF NOT EXISTS vouch_{t}_update AFTER UPDATE{of} ON main.{t}
                 BEGIN {old} {new} END;
             CREATE TEMP TRIGGER IF NOT EXISTS vouch_{t}_delete AFTER DELETE ON main.{t}
                 BEGIN {old} END;",
            new = note("NEW"),
            old = note("OLD"),
        ));
    }
    connection.execute_batch(&sql)?;
    Ok(())
}

fn vouched(table: &str) -> Option<&'static Vouched> {
    VOUCHED.iter().find(|v| v.table == table)
}

/// The key of a row in an entry's state: `table/rowid`.
fn key(table: &str, row: i64) -> String {
    format!("{table}/{row}")
}

/// The digest of one row's vouched columns, `None` when the row does not exist.
fn row_digest(
    connection: &Connection,
    vouched: &Vouched,
    row: i64,
) -> Result<Option<HashCode>, StoreError> {
    let sql = format!(
        "SELECT {} FROM main.{} WHERE rowid = ?1",
        vouched.columns.join(", "),
        vouched.table
    );
    let mut statement = connection.prepare_cached(&sql)?;
    Ok(statement
        .query_row([row], |r| digest(vouched, row, r, 0))
        .optional()?)
}

/// The digest of a row's vouched columns, read from `r` starting at column `first`.
fn digest(
    vouched: &Vouched,
    row: i64,
    r: &rusqlite::Row<'_>,
    first: usize,
) -> rusqlite::Result<HashCode> {
    let mut fields: Vec<Vec<u8>> = vec![
        vouched.table.as_bytes().to_vec(),
        row.to_be_bytes().to_vec(),
    ];
    for index in first..first + vouched.columns.len() {
        fields.push(encode(r.get_ref(index)?));
    }
    let slices: Vec<&[u8]> = fields.iter().map(Vec::as_slice).collect();
    Ok(link_hash(ROW_DOMAIN, &GENESIS, &slices))
}

/// A value with its type, so that `NULL`, `0` and `'0'` differ.
fn encode(value: ValueRef<'_>) -> Vec<u8> {
    let (tag, bytes): (u8, Vec<u8>) = match value {
        ValueRef::Null => (0, Vec::new()),
        ValueRef::Integer(i) => (1, i.to_be_bytes().to_vec()),
        ValueRef::Real(f) => (2, f.to_bits().to_be_bytes().to_vec()),
        ValueRef::Text(t) => (3, t.to_vec()),
        ValueRef::Blob(b) => (4, b.to_vec()),
    };
    let mut field = Vec::with_capacity(bytes.len() + 1);
    field.push(tag);
    field.extend_from_slice(&bytes);
    field
}

/// The rows changed since the last call, each with its digest as it now stands (`None`:
/// removed), as the entry's `state` text; empty when nothing vouched for changed.
pub(crate) fn take_changes(connection: &Connection) -> Result<String, StoreError> {
    let changed: Vec<(String, i64)> = connection
        .prepare_cached("SELECT tbl, rid FROM temp.vouch_changed ORDER BY tbl, rid")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    if changed.is_empty() {
        return Ok(String::new());
    }
    let mut state = BTreeMap::new();
    for (table, row) in changed {
        let vouched = vouched(&table)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown vouched table {table}")))?;
        let digest = row_digest(connection, vouched, row)?.map(|d| d.to_hex());
        state.insert(key(&table, row), digest);
    }
    connection.execute_batch("DELETE FROM temp.vouch_changed")?;
    Ok(serde_json::to_string(&state)?)
}

/// Whether a mutation left changes that no audit entry recorded.
pub(crate) fn pending(connection: &Connection) -> Result<bool, StoreError> {
    let count: i64 =
        connection.query_row("SELECT count(*) FROM temp.vouch_changed", [], |r| r.get(0))?;
    Ok(count > 0)
}

/// Whether the database holds rows written before the log vouched for data (no entry has a
/// state yet): then a baseline entry records them all as found.
pub(crate) fn needs_baseline(connection: &Connection) -> Result<bool, StoreError> {
    let vouching: i64 = connection.query_row(
        "SELECT count(*) FROM audit_log WHERE state <> ''",
        [],
        |r| r.get(0),
    )?;
    if vouching > 0 {
        return Ok(false);
    }
    for vouched in VOUCHED {
        let any: i64 = connection.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM main.{})", vouched.table),
            [],
            |r| r.get(0),
        )?;
        if any != 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Notes every row of every vouched table as changed, for the baseline entry to record.
pub(crate) fn note_all(connection: &Connection) -> Result<(), StoreError> {
    for vouched in VOUCHED {
        connection.execute(
            &format!(
                "INSERT OR IGNORE INTO temp.vouch_changed SELECT '{0}', rowid FROM main.{0}",
                vouched.table
            ),
            [],
        )?;
    }
    Ok(())
}

/// What the log says a row last was, and which entry said so.
struct Recorded {
    digest: Option<String>,
    seq: u64,
    action: String,
}

/// Replays the entries' states and compares them with the tables. Every row that differs, in
/// table order; empty when the tables hold exactly what the log recorded.
pub(crate) fn compare(
    connection: &Connection,
    entries: &[AuditEntry],
) -> Result<Vec<AuditBreak>, StoreError> {
    let mut recorded: BTreeMap<String, Recorded> = BTreeMap::new();
    for entry in entries.iter().filter(|e| !e.state.is_empty()) {
        let state: BTreeMap<String, Option<String>> = serde_json::from_str(&entry.state)
            .map_err(|e| StoreError::Corrupt(format!("audit entry {}: state: {e}", entry.seq)))?;
        for (row, digest) in state {
            recorded.insert(
                row,
                Recorded {
                    digest,
                    seq: entry.seq,
                    action: entry.action.clone(),
                },
            );
        }
    }
    let mut breaks = Vec::new();
    for vouched in VOUCHED {
        let sql = format!(
            "SELECT rowid, {} FROM main.{} ORDER BY rowid",
            vouched.columns.join(", "),
            vouched.table
        );
        let mut statement = connection.prepare(&sql)?;
        let mut rows = statement.query([])?;
        let mut present = std::collections::BTreeSet::new();
        while let Some(r) = rows.next()? {
            let row: i64 = r.get(0)?;
            present.insert(row);
            let found = digest(vouched, row, r, 1)?.to_hex();
            match recorded.get(&key(vouched.table, row)) {
                Some(rec) if rec.digest.as_deref() == Some(found.as_str()) => {}
                Some(rec) if rec.digest.is_some() => breaks.push(AuditBreak::DataChanged {
                    table: vouched.table.to_string(),
                    row,
                    seq: rec.seq,
                    action: rec.action.clone(),
                }),
                _ => breaks.push(AuditBreak::DataAdded {
                    table: vouched.table.to_string(),
                    row,
                }),
            }
        }
        let prefix = format!("{}/", vouched.table);
        for (name, rec) in recorded.range(prefix.clone()..) {
            let Some(row) = name.strip_prefix(&prefix) else {
                break;
            };
            let Ok(row) = row.parse::<i64>() else {
                continue;
            };
            if rec.digest.is_some() && !present.contains(&row) {
                breaks.push(AuditBreak::DataRemoved {
                    table: vouched.table.to_string(),
                    row,
                    seq: rec.seq,
                    action: rec.action.clone(),
                });
            }
        }
    }
    Ok(breaks)
}
