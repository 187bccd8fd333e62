//! Urna's database: one SQLite file in the data directory, the only place that speaks SQL.
//!
//! - Opening recognises the file as Urna's (`PRAGMA application_id`) and never touches another
//!   application's database; migrations are embedded and applied on open.
//! - Writes go through a single writer thread ([`writer`]); every write is one transaction that
//!   also appends its entry to the hash-chained audit log ([`audit`]), so the database never
//!   holds a change without its log entry, or a log entry without its change.
//! - Reads use their own read-only connection and never wait for writes (WAL).

#![forbid(unsafe_code)]

pub mod audit;
mod elections;
mod error;
#[cfg(feature = "fault-injection")]
mod fault;
mod schema;
mod writer;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use model::{Election, ElectionId};
use rusqlite::Connection;

pub use audit::{Actor, AuditBreak, AuditEntry, AuditReport};
pub use elections::{
    ElectionSummary, FileRole, HashCheck, ImportReceipt, ImportedFile, StoredElection, StoredFile,
};
pub use error::StoreError;
pub use schema::APPLICATION_ID;

/// File name of the database inside the data directory.
pub const DATABASE_FILE: &str = "urna.sqlite";

/// An open data directory.
pub struct Store {
    path: PathBuf,
    writer: writer::Writer,
    reader: Mutex<Connection>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens the data directory, creating it and the database if they do not exist.
    pub fn open_or_create(data_dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|e| StoreError::Open {
            path: data_dir.to_path_buf(),
            detail: e.to_string(),
        })?;
        Store::open_path(data_dir.join(DATABASE_FILE))
    }

    /// Opens an existing data directory; refuses when there is none (for commands that only
    /// read, so that a mistyped `--data-dir` does not create an empty installation).
    pub fn open_existing(data_dir: &Path) -> Result<Store, StoreError> {
        let path = data_dir.join(DATABASE_FILE);
        if !path.is_file() {
            return Err(StoreError::NoDataDir(data_dir.to_path_buf()));
        }
        Store::open_path(path)
    }

    fn open_path(path: PathBuf) -> Result<Store, StoreError> {
        let write_connection = schema::open_writer(&path)?;
        let reader = schema::open_reader(&path)?;
        Ok(Store {
            writer: writer::Writer::spawn(write_connection)?,
            reader: Mutex::new(reader),
            path,
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn read(&self) -> MutexGuard<'_, Connection> {
        // A panic while reading cannot leave a read connection inconsistent; keep using it.
        self.reader
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Stores an election and the files it came from, all or nothing, with its audit entry.
    /// Refused, with nothing changed, when an election with the same id is already stored.
    pub fn import_election(
        &self,
        actor: &Actor,
        election: Election,
        files: Vec<ImportedFile>,
    ) -> Result<ImportReceipt, StoreError> {
        let actor = actor.clone();
        self.writer.write("election.import", move |mutation| {
            elections::import(mutation, &actor, &election, &files)
        })
    }

    /// Summaries of all stored elections.
    pub fn elections(&self) -> Result<Vec<ElectionSummary>, StoreError> {
        elections::list(&self.read())
    }

    /// One election, if stored.
    pub fn election(&self, id: &ElectionId) -> Result<Option<StoredElection>, StoreError> {
        elections::load(&self.read(), id)
    }

    /// The whole audit log, oldest first.
    pub fn audit_entries(&self) -> Result<Vec<AuditEntry>, StoreError> {
        audit::entries(&self.read())
    }

    /// Recomputes the audit chain and reports the first break, if any.
    pub fn verify_audit_log(&self) -> Result<AuditReport, StoreError> {
        audit::verify(&self.read())
    }

    /// SQLite's own consistency check: `["ok"]` when the file is sound.
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        let connection = self.read();
        let mut statement = connection.prepare("PRAGMA integrity_check")?;
        let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}
