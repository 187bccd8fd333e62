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
pub mod backup;
mod committee;
mod elections;
mod entries;
mod error;
#[cfg(feature = "fault-injection")]
mod fault;
mod results;
mod schema;
mod station_app;
mod users;
mod vouch;
mod writer;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use model::{Election, ElectionId, PollingStation, PollingStationNumber};
use rusqlite::Connection;

pub use audit::{Actor, AuditAction, AuditBreak, AuditEntry, AuditQuery, AuditReport};
pub use committee::{ReplacedCount, Replacement, StoredSession};
pub use elections::{
    ElectionSummary, FileRole, HashCheck, ImportReceipt, ImportedFile, StoredElection, StoredFile,
};
pub use entries::{EntryChange, EntryReceipt, StoredEntry, Typing};
pub use error::StoreError;
pub use results::{ResultDecision, ResultFile};
pub use schema::APPLICATION_ID;
pub use station_app::{
    CredentialSource, NewCredential, StationCredential, StationWrite, TurnoutPublication,
};
pub use users::{NewUser, Role, User};

/// Number of read connections.
const READERS: usize = 4;

/// File name of the database inside the data directory.
pub const DATABASE_FILE: &str = "urna.sqlite";

/// An open data directory.
pub struct Store {
    path: PathBuf,
    writer: writer::Writer,
    /// Read connections: several, so that concurrent requests do not queue behind one.
    readers: Vec<Mutex<Connection>>,
    next_reader: std::sync::atomic::AtomicUsize,
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
        let readers = (0..READERS)
            .map(|_| schema::open_reader(&path).map(Mutex::new))
            .collect::<Result<Vec<_>, _>>()?;
        let store = Store {
            writer: writer::Writer::spawn(write_connection)?,
            readers,
            next_reader: std::sync::atomic::AtomicUsize::new(0),
            path,
        };
        if vouch::needs_baseline(&store.read())? {
            store.writer.write("audit.baseline", |mutation| {
                vouch::note_all(mutation.connection())?;
                mutation.audit(
                    &Actor::new("urna", "store"),
                    AuditAction::AuditBaseline,
                    &serde_json::json!({ "reason": "data written before the log vouched for it" }),
                )
            })?;
        }
        Ok(store)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A read connection: the first free one, or else a turn at the next one.
    fn read(&self) -> MutexGuard<'_, Connection> {
        let start = self
            .next_reader
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        for offset in 0..self.readers.len() {
            let reader = &self.readers[(start + offset) % self.readers.len()];
            match reader.try_lock() {
                Ok(guard) => return guard,
                // A panic while reading cannot leave a read connection inconsistent.
                Err(std::sync::TryLockError::Poisoned(poisoned)) => return poisoned.into_inner(),
                Err(std::sync::TryLockError::WouldBlock) => {}
            }
        }
        self.readers[start % self.readers.len()]
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

    /// A page of the audit log, newest first, and how many entries match the query in all.
    pub fn audit_query(
        &self,
        query: &audit::AuditQuery,
    ) -> Result<(Vec<AuditEntry>, u64), StoreError> {
        audit::query(&self.read(), query)
    }

    /// The different actions the audit log holds, sorted (for a filter).
    pub fn audit_actions(&self) -> Result<Vec<String>, StoreError> {
        audit::actions(&self.read())
    }

    /// The entry whose hash is `hash` (a hash code printed on paper), if the log holds one.
    pub fn audit_entry_with_hash(
        &self,
        hash: &seal::HashCode,
    ) -> Result<Option<AuditEntry>, StoreError> {
        audit::entry_with_hash(&self.read(), hash)
    }

    /// The log's last entry, as printed on official documents: its number and hash.
    pub fn audit_head(&self) -> Result<Option<(u64, seal::HashCode)>, StoreError> {
        audit::head(&self.read())
    }

    /// Recomputes the audit chain and reports the first break, if any.
    pub fn verify_audit_log(&self) -> Result<AuditReport, StoreError> {
        audit::verify(&self.read())
    }

    /// Appends an event that changes no data (a logout, a failed login of an unknown user, an
    /// internet connection detected) to the audit log.
    pub fn log_event(
        &self,
        actor: &Actor,
        action: AuditAction,
        details: serde_json::Value,
    ) -> Result<AuditEntry, StoreError> {
        let actor = actor.clone();
        self.writer.write("audit.event", move |mutation| {
            mutation.audit(&actor, action, &details)
        })
    }

    // --- users ---

    /// Number of users (0 before the first-run setup).
    pub fn user_count(&self) -> Result<u64, StoreError> {
        users::count(&self.read())
    }

    /// The user with this username (case-insensitive).
    pub fn user_by_username(&self, username: &str) -> Result<Option<User>, StoreError> {
        users::by_username(&self.read(), username)
    }

    /// The user with this id.
    pub fn user(&self, id: i64) -> Result<Option<User>, StoreError> {
        users::by_id(&self.read(), id)
    }

    /// All users.
    pub fn users(&self) -> Result<Vec<User>, StoreError> {
        users::list(&self.read())
    }

    /// Creates a user.
    pub fn create_user(&self, actor: &Actor, user: NewUser) -> Result<User, StoreError> {
        let actor = actor.clone();
        self.writer.write("user.create", move |m| {
            users::create(m, &actor, &user, false)
        })
    }

    /// Creates the first administrator; refused once any user exists.
    pub fn create_first_user(&self, actor: &Actor, user: NewUser) -> Result<User, StoreError> {
        let actor = actor.clone();
        self.writer
            .write("user.setup", move |m| users::create(m, &actor, &user, true))
    }

    /// Records a successful login.
    pub fn login_succeeded(&self, actor: &Actor, id: i64) -> Result<(), StoreError> {
        let actor = actor.clone();
        self.writer
            .write("user.login", move |m| users::login_succeeded(m, &actor, id))
    }

    /// Records a failed login of an existing user, locking the account until `locked_until`
    /// when given.
    pub fn login_failed(
        &self,
        actor: &Actor,
        id: i64,
        locked_until: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Result<(), StoreError> {
        let actor = actor.clone();
        self.writer.write("user.login_failed", move |m| {
            users::login_failed(m, &actor, id, locked_until)
        })
    }

    /// Replaces a user's password hash.
    pub fn set_password(
        &self,
        actor: &Actor,
        id: i64,
        password_hash: String,
        temporary: bool,
    ) -> Result<(), StoreError> {
        let actor = actor.clone();
        self.writer.write("user.set_password", move |m| {
            users::set_password(m, &actor, id, &password_hash, temporary)
        })
    }

    /// Disables an account (it cannot log in) or, with `disabled` false, enables it again.
    pub fn set_user_disabled(
        &self,
        actor: &Actor,
        id: i64,
        disabled: bool,
    ) -> Result<User, StoreError> {
        let actor = actor.clone();
        self.writer.write("user.disable", move |m| {
            users::set_disabled(m, &actor, id, disabled)
        })
    }

    // --- polling stations and data entry ---

    /// Adds polling stations to an election, all or none.
    pub fn add_polling_stations(
        &self,
        actor: &Actor,
        election: &ElectionId,
        stations: Vec<PollingStation>,
    ) -> Result<AuditEntry, StoreError> {
        let (actor, election) = (actor.clone(), election.clone());
        self.writer.write("polling_station.add", move |m| {
            entries::add_stations(m, &actor, &election, &stations, None)
        })
    }

    /// Adds the polling stations of an EML 110b file, all or none; the file is named with its
    /// SHA-256 in the audit log.
    pub fn import_polling_stations(
        &self,
        actor: &Actor,
        election: &ElectionId,
        stations: Vec<PollingStation>,
        file_name: String,
        sha256: String,
    ) -> Result<AuditEntry, StoreError> {
        let (actor, election) = (actor.clone(), election.clone());
        self.writer.write("polling_stations.import", move |m| {
            entries::add_stations(
                m,
                &actor,
                &election,
                &stations,
                Some((file_name.as_str(), sha256.as_str())),
            )
        })
    }

    /// Changes a polling station's details.
    pub fn update_polling_station(
        &self,
        actor: &Actor,
        election: &ElectionId,
        number: PollingStationNumber,
        station: PollingStation,
    ) -> Result<AuditEntry, StoreError> {
        let (actor, election) = (actor.clone(), election.clone());
        self.writer.write("polling_station.update", move |m| {
            entries::update_station(m, &actor, &election, number, &station)
        })
    }

    /// One polling station's data entry.
    pub fn entry(
        &self,
        election: &ElectionId,
        number: PollingStationNumber,
    ) -> Result<StoredEntry, StoreError> {
        entries::load(&self.read(), election, number)
    }

    /// Every polling station's data entry.
    pub fn entries(&self, election: &ElectionId) -> Result<Vec<StoredEntry>, StoreError> {
        entries::list(&self.read(), election)
    }

    /// Stores a data-entry state change, refused when the stored version moved on.
    pub fn change_entry(
        &self,
        actor: &Actor,
        change: EntryChange,
    ) -> Result<EntryReceipt, StoreError> {
        let actor = actor.clone();
        self.writer
            .write("entry.change", move |m| entries::change(m, &actor, &change))
    }

    /// Keeps what a typist typed into the form of an entry they hold, refused when the entry
    /// changed since the form was shown.
    pub fn type_fields(&self, actor: &Actor, typing: Typing) -> Result<(), StoreError> {
        let actor = actor.clone();
        self.writer.write("entry.type", move |m| {
            entries::type_fields(m, &actor, &typing)
        })
    }

    /// What a typist last typed into the form of an entry they hold.
    pub fn typed_fields(
        &self,
        election: &ElectionId,
        number: PollingStationNumber,
        typist: i64,
    ) -> Result<Option<std::collections::BTreeMap<String, String>>, StoreError> {
        entries::typed_fields(&self.read(), election, number, typist)
    }

    /// The committee's sessions of an election, in order (none stored before the first
    /// session's details are recorded or it closes).
    pub fn sessions(&self, election: &ElectionId) -> Result<Vec<StoredSession>, StoreError> {
        committee::sessions(&self.read(), election)
    }

    /// Stores a session not stored before (closed at once when it says so).
    pub fn insert_session(
        &self,
        actor: &Actor,
        election: &ElectionId,
        session: model::committee::Session,
    ) -> Result<(), StoreError> {
        let (actor, election) = (actor.clone(), election.clone());
        self.writer.write("session.insert", move |m| {
            committee::insert_session(m, &actor, &election, &session)
        })
    }

    /// Records the details of an open session (refused by the database once it is closed).
    pub fn set_session_details(
        &self,
        actor: &Actor,
        election: &ElectionId,
        number: u32,
        details: model::committee::SessionDetails,
    ) -> Result<(), StoreError> {
        let (actor, election) = (actor.clone(), election.clone());
        self.writer.write("session.details", move |m| {
            committee::set_details(m, &actor, &election, number, &details)
        })
    }

    /// Closes a session.
    pub fn close_session(
        &self,
        actor: &Actor,
        election: &ElectionId,
        number: u32,
    ) -> Result<(), StoreError> {
        let (actor, election) = (actor.clone(), election.clone());
        self.writer.write("session.close", move |m| {
            committee::close(m, &actor, &election, number)
        })
    }

    /// Every investigation of an election.
    pub fn investigations(
        &self,
        election: &ElectionId,
    ) -> Result<Vec<model::committee::Investigation>, StoreError> {
        committee::investigations(&self.read(), election)
    }

    /// Stores an investigation as it now stands; with a replacement, the definitive count it
    /// corrects goes into the history and the entry starts over, in the same step.
    pub fn put_investigation(
        &self,
        actor: &Actor,
        election: &ElectionId,
        investigation: model::committee::Investigation,
        replacement: Option<Replacement>,
    ) -> Result<Option<EntryReceipt>, StoreError> {
        let (actor, election) = (actor.clone(), election.clone());
        self.writer.write("investigation.put", move |m| {
            committee::put_investigation(m, &actor, &election, &investigation, replacement.as_ref())
        })
    }

    /// Moves a definitive count into the history and starts the entry over.
    pub fn replace_count(
        &self,
        actor: &Actor,
        replacement: Replacement,
    ) -> Result<EntryReceipt, StoreError> {
        let actor = actor.clone();
        self.writer.write("entry.replace", move |m| {
            committee::replace(m, &actor, &replacement)
        })
    }

    /// The counting method chosen for an election (`central`, `decentralised`), if one was.
    pub fn counting_method(&self, election: &ElectionId) -> Result<Option<String>, StoreError> {
        committee::counting_method(&self.read(), election)
    }

    /// Chooses the counting method of an election.
    pub fn set_counting_method(
        &self,
        actor: &Actor,
        election: &ElectionId,
        method: &'static str,
    ) -> Result<(), StoreError> {
        let (actor, election) = (actor.clone(), election.clone());
        self.writer.write("election.counting_method", move |m| {
            committee::set_counting_method(m, &actor, &election, method)
        })
    }

    /// The counts replaced by corrected counts, oldest first.
    pub fn count_history(&self, election: &ElectionId) -> Result<Vec<ReplacedCount>, StoreError> {
        committee::history(&self.read(), election)
    }

    /// Stores several data-entry changes all or none (an imported count: every polling station
    /// at once); each is refused when its stored version moved on.
    pub fn change_entries(
        &self,
        actor: &Actor,
        changes: Vec<EntryChange>,
    ) -> Result<Vec<EntryReceipt>, StoreError> {
        let actor = actor.clone();
        self.writer.write("entry.change_all", move |m| {
            changes
                .iter()
                .map(|change| entries::change(m, &actor, change))
                .collect()
        })
    }

    /// The decisions entered for an election's result (deceased candidates, lots).
    pub fn result_decisions(
        &self,
        election: &ElectionId,
    ) -> Result<Vec<ResultDecision>, StoreError> {
        results::decisions(&self.read(), election)
    }

    /// Records a decision for an election's result; `kind` is `deceased` or `lot`.
    pub fn add_result_decision(
        &self,
        actor: &Actor,
        election: &ElectionId,
        kind: &'static str,
        data: serde_json::Value,
    ) -> Result<(), StoreError> {
        let (actor, election) = (actor.clone(), election.clone());
        self.writer.write("result.decision", move |m| {
            results::add_decision(m, &actor, &election, kind, &data)
        })
    }

    /// The stored result file of this kind, if generated.
    pub fn result_file(
        &self,
        election: &ElectionId,
        kind: &str,
    ) -> Result<Option<ResultFile>, StoreError> {
        results::load(&self.read(), election, kind)
    }

    /// Stores a generated result file once; when one of this kind exists, that one is returned
    /// unchanged.
    pub fn store_result_file(
        &self,
        actor: &Actor,
        election: &ElectionId,
        kind: &str,
        name: String,
        bytes: Vec<u8>,
    ) -> Result<ResultFile, StoreError> {
        let (actor, election, kind) = (actor.clone(), election.clone(), kind.to_string());
        self.writer.write("result.file", move |m| {
            results::store_once(m, &actor, &election, &kind, &name, &bytes)
        })
    }

    // --- the polling-station app ---

    /// Stores the logins of polling stations, all or none; a station's earlier login stops
    /// working.
    pub fn set_station_credentials(
        &self,
        actor: &Actor,
        election: &ElectionId,
        credentials: Vec<NewCredential>,
        source: CredentialSource,
    ) -> Result<AuditEntry, StoreError> {
        let (actor, election) = (actor.clone(), election.clone());
        self.writer.write("station_app.credentials", move |m| {
            station_app::set_credentials(m, &actor, &election, &credentials, source)
        })
    }

    /// The polling station whose login this is (case-insensitive).
    pub fn station_credential(&self, login: &str) -> Result<Option<StationCredential>, StoreError> {
        station_app::credential_by_login(&self.read(), login)
    }

    /// The logins of an election's polling stations.
    pub fn station_credentials(
        &self,
        election: &ElectionId,
    ) -> Result<Vec<StationCredential>, StoreError> {
        station_app::credentials(&self.read(), election)
    }

    /// Records a turnout report from a polling station; `moment` is `HH:MM` or `None`.
    pub fn report_turnout(
        &self,
        actor: &Actor,
        from: StationWrite,
        moment: Option<String>,
        admitted: u32,
    ) -> Result<AuditEntry, StoreError> {
        let actor = actor.clone();
        self.writer.write("station_app.turnout", move |m| {
            station_app::report_turnout(m, &actor, &from, moment.as_deref(), admitted)
        })
    }

    /// The turnout reports of an election (of one polling station when given), in the order
    /// received.
    pub fn turnout_reports(
        &self,
        election: &ElectionId,
        station: Option<PollingStationNumber>,
    ) -> Result<Vec<model::turnout::Report>, StoreError> {
        station_app::turnout_reports(&self.read(), election, station)
    }

    /// Records one mark of a polling station's count helper.
    pub fn add_tally_mark(
        &self,
        actor: &Actor,
        from: StationWrite,
        mark: String,
    ) -> Result<AuditEntry, StoreError> {
        let actor = actor.clone();
        self.writer.write("station_app.mark", move |m| {
            station_app::mark(m, &actor, &from, &mark)
        })
    }

    /// Takes back the latest mark of this device session (`from.session`) at its polling station;
    /// returns it, or `None` when the session has none left to take back.
    pub fn undo_tally_mark(
        &self,
        actor: &Actor,
        from: StationWrite,
    ) -> Result<Option<String>, StoreError> {
        let actor = actor.clone();
        self.writer.write("station_app.undo", move |m| {
            station_app::undo_mark(m, &actor, &from)
        })
    }

    /// Net marks per polling station and mark (of one station when given).
    pub fn tally_counts(
        &self,
        election: &ElectionId,
        station: Option<PollingStationNumber>,
    ) -> Result<Vec<(PollingStationNumber, String, i64)>, StoreError> {
        station_app::tally_counts(&self.read(), election, station)
    }

    /// Records the electorate (kiesgerechtigden) the municipality states for an election's
    /// turnout; a later statement replaces an earlier one.
    pub fn set_electorate(
        &self,
        actor: &Actor,
        election: &ElectionId,
        electorate: u64,
    ) -> Result<AuditEntry, StoreError> {
        let (actor, election) = (actor.clone(), election.clone());
        self.writer.write("station_app.electorate", move |m| {
            station_app::set_electorate(m, &actor, &election, electorate)
        })
    }

    /// The electorate the municipality stated for an election, if it did.
    pub fn electorate(&self, election: &ElectionId) -> Result<Option<u64>, StoreError> {
        station_app::electorate(&self.read(), election)
    }

    /// Records the turnout figures published for a moment.
    pub fn publish_turnout(
        &self,
        actor: &Actor,
        election: &ElectionId,
        moment: String,
        figures: serde_json::Value,
    ) -> Result<TurnoutPublication, StoreError> {
        let (actor, election) = (actor.clone(), election.clone());
        self.writer
            .write("station_app.turnout_published", move |m| {
                station_app::publish_turnout(m, &actor, &election, &moment, &figures)
            })
    }

    /// The turnout figures published, oldest first.
    pub fn turnout_publications(
        &self,
        election: &ElectionId,
    ) -> Result<Vec<TurnoutPublication>, StoreError> {
        station_app::turnout_publications(&self.read(), election)
    }

    /// SQLite's own consistency check: `["ok"]` when the file is sound.
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        let connection = self.read();
        let mut statement = connection.prepare("PRAGMA integrity_check")?;
        let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}
