//! Backups of the database and their restore.
//!
//! A backup is a consistent copy made from one read transaction (`VACUUM INTO`): typists keep
//! saving while it is made, and it holds exactly what was committed when it began. It is written
//! under a temporary name, checked (SQLite's integrity check and the audit log's own
//! verification, data included), flushed to disk and only then renamed to its final name, so a
//! backup that was cut off (a crash, `kill -9`, a stick pulled) never passes for one: the
//! earlier backups stay as they were. A restore checks the backup the same way, keeps the
//! database it replaces beside it, and is recorded in the restored database's audit log.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde_json::json;

use crate::audit::{self, Actor};
use crate::error::StoreError;
use crate::{AuditAction, DATABASE_FILE, Store};

/// The name every finished backup starts with; a backup in progress has `.partial` at the end.
const PREFIX: &str = "urna-backup-";
const SUFFIX: &str = ".sqlite";

/// A checked backup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// The file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// The last entry of its audit log and that entry's hash (none for an empty log).
    pub head: Option<(u64, String)>,
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |e| StoreError::Open {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

/// Checks a database file as a backup: opened read-only, SQLite's integrity check, and the audit
/// log verified with the data it vouches for.
pub fn check(path: &Path) -> Result<Backup, StoreError> {
    let connection = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::Open {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })?;
    // Only Urna's own databases (an empty or foreign file is not a backup).
    let application_id: i64 = connection.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if application_id != crate::APPLICATION_ID {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
            found: application_id,
        });
    }
    let integrity: String = connection.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if integrity != "ok" {
        return Err(StoreError::Corrupt(format!(
            "{}: integrity check: {integrity}",
            path.display()
        )));
    }
    let report = audit::verify(&connection)?;
    if let Some(broken) = report.broken {
        return Err(StoreError::Corrupt(format!(
            "{}: audit log: {broken}",
            path.display()
        )));
    }
    let head = connection
        .query_row(
            "SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()?
        .map(|(seq, hash)| (seq.unsigned_abs(), hash));
    let size = std::fs::metadata(path).map_err(io(path))?.len();
    Ok(Backup {
        path: path.to_path_buf(),
        size,
        head,
    })
}

/// The finished backups in `dir`, oldest first (a `.partial` one is not a backup).
pub fn list(dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(SUFFIX))
        })
        .collect();
    found.sort();
    Ok(found)
}

fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    // The rename is durable once the folder is flushed (where the platform allows opening it).
    if let Ok(folder) = std::fs::File::open(dir) {
        folder.sync_all().map_err(io(dir))?;
    }
    Ok(())
}

impl Store {
    /// Makes a checked backup in `dir` (created if needed) and records it in the audit log.
    pub fn backup(&self, actor: &Actor, dir: &Path) -> Result<Backup, StoreError> {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
        let name = format!("{PREFIX}{stamp}{SUFFIX}");
        let partial = dir.join(format!("{name}.partial"));
        let done = dir.join(&name);
        {
            let connection = self.read();
            connection.execute("VACUUM INTO ?1", [partial.to_string_lossy().as_ref()])?;
        }
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&partial)
            .map_err(io(&partial))?;
        file.sync_all().map_err(io(&partial))?;
        drop(file);
        let checked = match check(&partial) {
            Ok(checked) => checked,
            Err(error) => {
                let _ = std::fs::remove_file(&partial);
                return Err(error);
            }
        };
        std::fs::rename(&partial, &done).map_err(io(&done))?;
        sync_dir(dir)?;
        self.log_event(
            actor,
            AuditAction::StoreBackup,
            json!({
                "file": name,
                "size": checked.size,
                "head": checked.head.as_ref().map(|(seq, hash)| json!({ "entry": seq, "hash": hash })),
            }),
        )?;
        Ok(Backup {
            path: done,
            ..checked
        })
    }

    /// Replaces the database of `data_dir` by the checked backup `from` (no server may be
    /// running on it). The database it replaces is kept beside it; the restore is recorded in
    /// the restored database's audit log. Returns the restored store and where the replaced
    /// database was kept.
    pub fn restore(
        actor: &Actor,
        from: &Path,
        data_dir: &Path,
    ) -> Result<(Store, Backup, Option<PathBuf>), StoreError> {
        let checked = check(from)?;
        std::fs::create_dir_all(data_dir).map_err(io(data_dir))?;
        let target = data_dir.join(DATABASE_FILE);
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
        let kept = if target.exists() {
            let kept = data_dir.join(format!("{DATABASE_FILE}.before-restore-{stamp}"));
            // A database still in WAL mode may have committed pages in its -wal file: fold them
            // in first, so that what is kept is whole.
            if let Ok(current) = Connection::open(&target) {
                let _ = current.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            std::fs::rename(&target, &kept).map_err(io(&target))?;
            for extra in ["-wal", "-shm"] {
                let side = data_dir.join(format!("{DATABASE_FILE}{extra}"));
                if side.exists() {
                    std::fs::rename(&side, data_dir.join(format!("{}{extra}", kept.display())))
                        .map_err(io(&side))?;
                }
            }
            Some(kept)
        } else {
            None
        };
        let incoming = data_dir.join(format!("{DATABASE_FILE}.restoring"));
        std::fs::copy(from, &incoming).map_err(io(&incoming))?;
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&incoming)
            .and_then(|f| f.sync_all())
            .map_err(io(&incoming))?;
        std::fs::rename(&incoming, &target).map_err(io(&target))?;
        sync_dir(data_dir)?;
        let store = Store::open_existing(data_dir)?;
        store.log_event(
            actor,
            AuditAction::StoreRestore,
            json!({
                "from": from.display().to_string(),
                "head": checked.head.as_ref().map(|(seq, hash)| json!({ "entry": seq, "hash": hash })),
                "replaced_kept_as": kept.as_ref().map(|k| k.display().to_string()),
            }),
        )?;
        Ok((store, checked, kept))
    }
}
