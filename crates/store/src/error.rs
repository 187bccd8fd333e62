//! Why a store operation failed.

use std::path::PathBuf;

/// Why a store operation failed. A failed write leaves the database as it was.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A command that only reads found no data directory.
    #[error(
        "there is no Urna data directory at {0} (import an election first, or pass --data-dir)"
    )]
    NoDataDir(PathBuf),
    /// The database file belongs to another application.
    #[error(
        "{path} is not an Urna database (its application id is {found:#010x}); refusing to touch it"
    )]
    Foreign {
        /// The file.
        path: PathBuf,
        /// Its application id.
        found: i64,
    },
    /// The database was written by a newer version of Urna.
    #[error("{path} was written by a newer version of Urna ({detail}); use that version")]
    TooNew {
        /// The file.
        path: PathBuf,
        /// What the migration library reported.
        detail: String,
    },
    /// The database or its directory could not be opened or created.
    #[error("cannot open {path}: {detail}")]
    Open {
        /// The file or directory.
        path: PathBuf,
        /// Why.
        detail: String,
    },
    /// An SQLite error.
    #[error("database error: {0}")]
    Sqlite(String),
    /// The election is already in the store.
    #[error("election {id} is already loaded (imported {imported_at}); nothing was changed")]
    ElectionExists {
        /// The election id.
        id: model::ElectionId,
        /// When it was imported.
        imported_at: String,
    },
    /// The batch containing this write could not be committed; nothing of it was stored.
    #[error("the write could not be committed, nothing was stored: {0}")]
    Commit(String),
    /// The writer thread is gone (the store is shutting down, or a write panicked).
    #[error("the database writer has stopped")]
    WriterStopped,
    /// A mutation did not write its audit-log entry. A programming error, refused at run time so
    /// that no change ever reaches the database unlogged.
    #[error("refused to commit {0}: it wrote no audit-log entry")]
    Unaudited(&'static str),
    /// A mutation changed data after it wrote its audit-log entry, so the entry would not vouch
    /// for that change. A programming error, refused like an unaudited one.
    #[error("refused to commit {0}: it changed data after its audit-log entry")]
    ChangedAfterAudit(&'static str),
    /// A change was computed from a version that is no longer the stored one: someone else
    /// changed it meanwhile. Nothing was stored.
    #[error(
        "the entry was changed meanwhile (version {found}, this change was based on version {expected}); reload and try again"
    )]
    Stale {
        /// The version the change was based on.
        expected: u64,
        /// The version stored.
        found: u64,
    },
    /// Something looked up does not exist.
    #[error("{0} does not exist")]
    NotFound(String),
    /// A username is taken.
    #[error("user {0} already exists")]
    UserExists(String),
    /// An account is already disabled (or already enabled).
    #[error("user {username} is already {}", if *disabled { "disabled" } else { "enabled" })]
    AlreadySo {
        /// The account.
        username: String,
        /// What it already is.
        disabled: bool,
    },
    /// The first-run setup was already done.
    #[error("the administrator has already been set up")]
    SetupDone,
    /// Polling station numbers already in use.
    #[error("polling station number(s) {0:?} already in use; nothing was changed")]
    StationNumbersTaken(Vec<u32>),
    /// A polling station whose entry started cannot change its number.
    #[error("the data entry of polling station {0} has started; its number cannot change")]
    EntryStarted(u32),
    /// Stored data does not decode.
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        StoreError::Sqlite(error.to_string())
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(error: serde_json::Error) -> Self {
        StoreError::Corrupt(error.to_string())
    }
}

impl StoreError {
    /// The reason, in `lang`, for the person at the keyboard (the English of `Display` stays
    /// for logs). Details that come from SQLite or the system stay as those gave them.
    pub fn message(&self, lang: messages::Language) -> String {
        use messages::t;
        match self {
            StoreError::NoDataDir(path) => {
                t!(lang, "store-no-data-dir", path = path.display().to_string())
            }
            StoreError::Foreign { path, found } => t!(
                lang,
                "store-foreign",
                path = path.display().to_string(),
                found = format!("{found:#010x}")
            ),
            StoreError::TooNew { path, detail } => t!(
                lang,
                "store-too-new",
                path = path.display().to_string(),
                detail = detail
            ),
            StoreError::Open { path, detail } => t!(
                lang,
                "store-open",
                path = path.display().to_string(),
                detail = detail
            ),
            StoreError::Sqlite(detail) => t!(lang, "store-sqlite", detail = detail),
            StoreError::ElectionExists { id, imported_at } => t!(
                lang,
                "store-election-exists",
                id = id.as_str(),
                at = imported_at
            ),
            StoreError::Commit(detail) => t!(lang, "store-commit", detail = detail),
            StoreError::WriterStopped => t!(lang, "store-writer-stopped"),
            StoreError::Unaudited(what) => t!(lang, "store-unaudited", what = *what),
            StoreError::ChangedAfterAudit(what) => {
                t!(lang, "store-changed-after-audit", what = *what)
            }
            StoreError::Stale { expected, found } => t!(
                lang,
                "store-stale",
                expected = expected.to_string(),
                found = found.to_string()
            ),
            StoreError::NotFound(what) => t!(lang, "store-not-found", what = what),
            StoreError::UserExists(name) => t!(lang, "store-user-exists", username = name),
            StoreError::AlreadySo {
                username,
                disabled: true,
            } => t!(lang, "store-already-disabled", username = username),
            StoreError::AlreadySo {
                username,
                disabled: false,
            } => t!(lang, "store-already-enabled", username = username),
            StoreError::SetupDone => t!(lang, "store-setup-done"),
            StoreError::StationNumbersTaken(numbers) => t!(
                lang,
                "store-station-numbers-taken",
                numbers = numbers
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            StoreError::EntryStarted(number) => {
                t!(lang, "store-entry-started", station = number.to_string())
            }
            StoreError::Corrupt(detail) => t!(lang, "store-corrupt", detail = detail),
        }
    }
}
