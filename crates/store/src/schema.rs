//! Opening the database: recognising it as Urna's, connection settings, migrations.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{M, Migrations};

use crate::error::StoreError;

/// `PRAGMA application_id` of an Urna database: "URNA" in ASCII. A file with another id is not
/// ours and is never written to.
pub const APPLICATION_ID: i64 = 0x5552_4e41;

/// The schema, one migration per step. Append only: never edit a migration that has shipped.
const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("migrations/0001_elections_audit.sql")),
    M::up(include_str!("migrations/0002_users_entries.sql")),
    M::up(include_str!("migrations/0003_result_files.sql")),
    M::up(include_str!("migrations/0004_result_decisions.sql")),
    M::up(include_str!("migrations/0005_station_app.sql")),
    M::up(include_str!("migrations/0006_turnout_electorate.sql")),
    M::up(include_str!("migrations/0007_audit_state.sql")),
    M::up(include_str!("migrations/0008_committee_sessions.sql")),
    M::up(include_str!("migrations/0009_counting_method.sql")),
    M::up(include_str!("migrations/0010_disabled_users.sql")),
    M::up(include_str!("migrations/0011_typed_fields.sql")),
];

fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

fn open_error(path: &Path, error: impl ToString) -> StoreError {
    StoreError::Open {
        path: path.to_path_buf(),
        detail: error.to_string(),
    }
}

/// Settings every connection gets. `synchronous = FULL`: a committed count survives a power cut,
/// which matters more here than write speed.
fn configure(connection: &Connection) -> Result<(), StoreError> {
    connection.busy_timeout(std::time::Duration::from_secs(10))?;
    connection.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA synchronous = FULL;",
    )?;
    Ok(())
}

/// Refuses a file that is not an Urna database. An empty file (a new database) is accepted.
fn check_ownership(path: &Path, connection: &Connection) -> Result<(), StoreError> {
    let application_id: i64 =
        connection.query_row("PRAGMA application_id", [], |row| row.get(0))?;
    if application_id == APPLICATION_ID {
        return Ok(());
    }
    let objects: i64 =
        connection.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
    if application_id == 0 && objects == 0 {
        return Ok(());
    }
    Err(StoreError::Foreign {
        path: path.to_path_buf(),
        found: application_id,
    })
}

/// Opens (creating if needed) the write connection and brings the schema up to date.
pub(crate) fn open_writer(path: &Path) -> Result<Connection, StoreError> {
    let mut connection = Connection::open(path).map_err(|e| open_error(path, e))?;
    check_ownership(path, &connection)?;
    connection
        .pragma_update(None, "journal_mode", "WAL")
        .map_err(|e| open_error(path, e))?;
    configure(&connection)?;
    let application_id: i64 =
        connection.query_row("PRAGMA application_id", [], |row| row.get(0))?;
    if application_id != APPLICATION_ID {
        connection.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    migrations()
        .to_latest(&mut connection)
        .map_err(|error| match error {
            rusqlite_migration::Error::MigrationDefinition(
                rusqlite_migration::MigrationDefinitionError::DatabaseTooFarAhead,
            ) => StoreError::TooNew {
                path: path.to_path_buf(),
                detail: error.to_string(),
            },
            other => open_error(path, other),
        })?;
    Ok(connection)
}

/// Opens a read-only connection to an existing database.
pub(crate) fn open_reader(path: &Path) -> Result<Connection, StoreError> {
    let connection = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| open_error(path, e))?;
    configure(&connection)?;
    check_ownership(path, &connection)?;
    Ok(connection)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }
}
