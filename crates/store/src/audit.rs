//! The audit log: every change to the database, in order, as a hash chain.
//!
//! Entry `n` stores the hash of entry `n − 1` and its own hash over that and its fields
//! (sequence number, time, actor, action, details as stored), so an entry changed, removed or
//! inserted directly in the database breaks the chain at that entry. Verification recomputes
//! every hash and names the first entry that does not match.
//!
//! An entry that changed data also records the state it produced: the digest of every row it
//! wrote in the tables that hold counted data ([`crate::vouch`]). Verification replays those
//! states and compares them with the tables, so a count, an entry or a role edited directly in the
//! file is named by table, row and the entry that last recorded it.
//!
//! What the chain cannot show by itself is the removal of the *last* entries, or a log rebuilt
//! from scratch by someone who recomputed every hash; for that, the head hash (the last entry's
//! hash) is printed in the footer of every official document and sealed with the result, and
//! `urna audit verify --head` checks the log against the hash code on paper.

use chrono::{SecondsFormat, Utc};
use messages::{Message, msg};
use rusqlite::{Connection, OptionalExtension, params};
use seal::HashCode;
use seal::chain::{GENESIS, link_hash};
use serde::Serialize;

use crate::error::StoreError;
use crate::vouch;

/// Domain tag of the audit chain's hashes.
const CHAIN_DOMAIN: &str = "urna/audit-log/v1";

/// Triggers that keep the application from changing the log; their absence means someone
/// removed them.
const TRIGGERS: [&str; 2] = ["audit_log_no_update", "audit_log_no_delete"];

/// Who performed an action: a role and a name, e.g. `cli:anne` or `web:typist1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor(String);

impl Actor {
    /// An actor in `channel` (`cli`, `web`, …) named `name`.
    pub fn new(channel: &str, name: &str) -> Actor {
        Actor(format!("{channel}:{name}"))
    }

    /// As stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! actions {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal, )*) => {
        /// What an audit-log entry records: a closed list, so that every action is known and an
        /// auditor can read the log against this list (`docs/`), and a typo cannot make a new one.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum AuditAction { $( $(#[$doc])* $variant, )* }

        impl AuditAction {
            /// Every action.
            pub const ALL: &'static [AuditAction] = &[$(AuditAction::$variant,)*];

            /// As stored in the log (`entry.claim`).
            pub fn as_str(self) -> &'static str {
                match self { $( AuditAction::$variant => $text, )* }
            }
        }
    };
}

actions! {
    /// An election definition was imported.
    ElectionImport = "election.import",
    /// A polling station was added.
    PollingStationAdd = "polling_station.add",
    /// A polling station was changed.
    PollingStationUpdate = "polling_station.update",
    /// Polling stations were imported (EML 110b).
    PollingStationsImport = "polling_stations.import",
    /// A typist started or resumed an entry.
    EntryClaim = "entry.claim",
    /// A typist saved a draft.
    EntrySave = "entry.save",
    /// What a typist typed into an entry's form was kept (as they type, field by field).
    EntryType = "entry.type",
    /// A typist finalised an entry.
    EntryFinalise = "entry.finalise",
    /// A typist gave up an entry.
    EntryAbandon = "entry.abandon",
    /// The coordinator decided on entries that differ.
    EntryResolveDifferences = "entry.resolve_differences",
    /// The coordinator decided on a first entry with errors.
    EntryResolveErrors = "entry.resolve_errors",
    /// A count made elsewhere (EML 510b) became the definitive count.
    EntryImport = "entry.import",
    /// The coordinator replaced a definitive count that turned out wrong (the reason recorded).
    EntryReset = "entry.reset",
    /// The counting method of an election was chosen (central or decentralised).
    ElectionCountingMethod = "election.counting_method",
    /// A session of the committee was opened.
    SessionOpen = "session.open",
    /// The details of a session (time, place, members) were recorded.
    SessionDetails = "session.details",
    /// A session was closed: its documents are made from what it recorded.
    SessionClose = "session.close",
    /// The committee opened an investigation of a polling station.
    InvestigationOpen = "investigation.open",
    /// The committee concluded an investigation.
    InvestigationConclude = "investigation.conclude",
    /// A drawing of lots was recorded.
    ResultLot = "result.lot",
    /// A deceased candidate was registered.
    ResultDeceased = "result.deceased",
    /// A result file was made and stored.
    ResultFile = "result.file",
    /// A stored result file was served again.
    ResultFileReused = "result.file_reused",
    /// The result package was sealed for the central authority.
    ResultSealed = "result.sealed",
    /// A user logged in.
    UserLogin = "user.login",
    /// A login failed.
    UserLoginFailed = "user.login_failed",
    /// A user logged out.
    UserLogout = "user.logout",
    /// A user was created.
    UserCreate = "user.create",
    /// The first administrator was created.
    UserSetup = "user.setup",
    /// A password was set.
    UserSetPassword = "user.set_password",
    /// An account was disabled: it cannot log in.
    UserDisable = "user.disable",
    /// A disabled account was enabled again.
    UserEnable = "user.enable",
    /// The air-gap check found the machine online.
    AirgapOnline = "airgap.online",
    /// The air-gap check found the machine offline again.
    AirgapOffline = "airgap.offline",
    /// A polling-station device logged in.
    StationAppLogin = "station_app.login",
    /// A polling-station device's login failed.
    StationAppLoginFailed = "station_app.login_failed",
    /// A locked device was opened again.
    StationAppUnlock = "station_app.unlock",
    /// Opening a locked device failed.
    StationAppUnlockFailed = "station_app.unlock_failed",
    /// A device was locked.
    StationAppLock = "station_app.lock",
    /// A device logged out.
    StationAppLogout = "station_app.logout",
    /// A polling station reported its turnout.
    StationAppTurnout = "station_app.turnout",
    /// The count helper counted a ballot.
    StationAppMark = "station_app.mark",
    /// The count helper took a ballot back.
    StationAppUndo = "station_app.undo",
    /// The app refused a request.
    StationAppRefused = "station_app.refused",
    /// Device sessions were revoked.
    StationAppRevoked = "station_app.revoked",
    /// A polling station's app credentials were set.
    StationAppCredentials = "station_app.credentials",
    /// The municipality stated its electorate.
    StationAppElectorate = "station_app.electorate",
    /// The municipality published its turnout.
    StationAppTurnoutPublished = "station_app.turnout_published",
    /// The central authority took in a result package.
    CentralReceived = "central.received",
    /// The central authority refused a result package.
    CentralRefused = "central.refused",
    /// The central authority registered an election.
    CentralRegistered = "central.registered",
    /// A publication snapshot was made.
    PublishSnapshot = "publish.snapshot",
    /// The key ceremony made its keys.
    CeremonyKeysMade = "ceremony.keys-made",
    /// The key ceremony made its packages.
    CeremonyPackagesMade = "ceremony.packages-made",
    /// The key ceremony wrote sticks.
    CeremonySticksWritten = "ceremony.sticks-written",
    /// A package was verified.
    CeremonyPackageVerified = "ceremony.package-verified",
    /// Key holders combined their shares.
    CeremonySharesCombined = "ceremony.shares-combined",
    /// The log began vouching for data written before it did: the state of every row as found.
    AuditBaseline = "audit.baseline",
    /// A server started: which software (version, source commit, the executable's hash code).
    SoftwareStart = "software.start",
    /// A checked backup of the database was made.
    StoreBackup = "store.backup",
    /// The database was restored from a checked backup.
    StoreRestore = "store.restore",
}

impl std::fmt::Display for AuditAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entry of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// Sequence number, from 1.
    pub seq: u64,
    /// UTC time, RFC 3339 with milliseconds.
    pub at: String,
    /// Who.
    pub actor: String,
    /// What, e.g. `election.import`.
    pub action: String,
    /// Details as canonical JSON (keys sorted).
    pub details: String,
    /// The state the entry produced: the digest of every vouched row it wrote (`table/rowid` →
    /// SHA-256, `null` when removed), as canonical JSON; empty when it changed no such row.
    pub state: String,
    /// Hash of the previous entry (64 hex digits; zeros for the first).
    pub prev_hash: String,
    /// This entry's hash.
    pub entry_hash: String,
}

/// The outcome of checking the whole chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditReport {
    /// Number of entries checked.
    pub entries: u64,
    /// Hash of the last entry, if any.
    pub head: Option<String>,
    /// The first problem, if any.
    pub broken: Option<AuditBreak>,
    /// Every row whose data and log part ways (the first of them is also `broken`); checked
    /// only when the chain itself is intact.
    pub data: Vec<AuditBreak>,
}

/// Where and how the chain is broken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuditBreak {
    /// An entry's fields do not hash to its stored hash: it was changed after it was written.
    #[error("entry {seq} was altered: its contents do not match its hash")]
    Altered {
        /// The entry.
        seq: u64,
    },
    /// An entry does not point at the hash of the entry before it.
    #[error(
        "entry {seq} does not follow entry {previous}: an entry was removed, inserted or replaced"
    )]
    Unlinked {
        /// The entry.
        seq: u64,
        /// The entry before it.
        previous: u64,
    },
    /// Sequence numbers skip: entries are missing.
    #[error("entry {expected} is missing (the next entry is {found})")]
    Missing {
        /// The number expected.
        expected: u64,
        /// The number found.
        found: u64,
    },
    /// A protective trigger was removed from the database.
    #[error("the append-only protection {0} was removed from the database")]
    TriggerRemoved(&'static str),
    /// A row differs from the state the last entry that wrote it recorded.
    #[error(
        "table {table}, row {row} was changed outside Urna after entry {seq} ({action}) recorded it"
    )]
    DataChanged {
        /// The table.
        table: String,
        /// The row (rowid).
        row: i64,
        /// The entry that last recorded the row.
        seq: u64,
        /// That entry's action.
        action: String,
    },
    /// A row no entry recorded.
    #[error("table {table}, row {row} was added outside Urna: no entry of the log recorded it")]
    DataAdded {
        /// The table.
        table: String,
        /// The row (rowid).
        row: i64,
    },
    /// A row an entry recorded is gone, though no entry removed it.
    #[error(
        "table {table}, row {row} was removed outside Urna after entry {seq} ({action}) recorded it"
    )]
    DataRemoved {
        /// The table.
        table: String,
        /// The row (rowid).
        row: i64,
        /// The entry that last recorded the row.
        seq: u64,
        /// That entry's action.
        action: String,
    },
}

impl AuditBreak {
    /// The entry concerned, where there is one.
    pub fn seq(&self) -> Option<u64> {
        match self {
            AuditBreak::Altered { seq }
            | AuditBreak::Unlinked { seq, .. }
            | AuditBreak::DataChanged { seq, .. }
            | AuditBreak::DataRemoved { seq, .. } => Some(*seq),
            AuditBreak::Missing { expected, .. } => Some(*expected),
            AuditBreak::TriggerRemoved(_) | AuditBreak::DataAdded { .. } => None,
        }
    }

    /// What is broken, for the reader to see in their language.
    pub fn message(&self) -> Message {
        match self {
            AuditBreak::Altered { seq } => msg!("audit-altered", entry = *seq),
            AuditBreak::Unlinked { seq, previous } => {
                msg!("audit-unlinked", entry = *seq, previous = *previous)
            }
            AuditBreak::Missing { expected, found } => {
                msg!("audit-missing", entry = *expected, next = *found)
            }
            AuditBreak::TriggerRemoved(trigger) => {
                msg!("audit-trigger-removed", trigger = *trigger)
            }
            AuditBreak::DataChanged {
                table,
                row,
                seq,
                action,
            } => msg!(
                "audit-data-changed",
                table = table.as_str(),
                row = *row,
                entry = *seq,
                action = action.as_str()
            ),
            AuditBreak::DataAdded { table, row } => {
                msg!("audit-data-added", table = table.as_str(), row = *row)
            }
            AuditBreak::DataRemoved {
                table,
                row,
                seq,
                action,
            } => msg!(
                "audit-data-removed",
                table = table.as_str(),
                row = *row,
                entry = *seq,
                action = action.as_str()
            ),
        }
    }
}

fn entry_hash(
    previous: &HashCode,
    seq: u64,
    at: &str,
    actor: &str,
    action: &str,
    details: &str,
    state: &str,
) -> HashCode {
    let seq = seq.to_string();
    let mut fields = vec![
        seq.as_bytes(),
        at.as_bytes(),
        actor.as_bytes(),
        action.as_bytes(),
        details.as_bytes(),
    ];
    // Entries that wrote no vouched row hash as before the log vouched for data; the fields are
    // length-prefixed, so five fields and six never hash alike.
    if !state.is_empty() {
        fields.push(state.as_bytes());
    }
    link_hash(CHAIN_DOMAIN, previous, &fields)
}

/// Appends an entry after the current head. Runs inside the mutation's transaction.
pub(crate) fn append(
    connection: &Connection,
    actor: &Actor,
    action: AuditAction,
    details: &serde_json::Value,
) -> Result<AuditEntry, StoreError> {
    let (previous_seq, previous_hash) = head(connection)?.unwrap_or((0, GENESIS));
    let seq = previous_seq + 1;
    let at = now();
    // serde_json's maps are ordered by key, so this text is canonical for the same details.
    let details = serde_json::to_string(details)?;
    let action = action.as_str();
    let state = vouch::take_changes(connection)?;
    let hash = entry_hash(
        &previous_hash,
        seq,
        &at,
        actor.as_str(),
        action,
        &details,
        &state,
    );
    let entry = AuditEntry {
        seq,
        at,
        actor: actor.as_str().to_string(),
        action: action.to_string(),
        details,
        state,
        prev_hash: previous_hash.to_hex(),
        entry_hash: hash.to_hex(),
    };
    connection
        .prepare_cached(
            "INSERT INTO audit_log (seq, at, actor, action, details, prev_hash, entry_hash, state)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            i64::try_from(entry.seq)
                .map_err(|_| StoreError::Corrupt("audit seq overflow".into()))?,
            entry.at,
            entry.actor,
            entry.action,
            entry.details,
            entry.prev_hash,
            entry.entry_hash,
            entry.state
        ])?;
    Ok(entry)
}

/// The last entry's number and hash.
pub(crate) fn head(connection: &Connection) -> Result<Option<(u64, HashCode)>, StoreError> {
    let head: Option<(i64, String)> = connection
        .prepare_cached("SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1")?
        .query_row([], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    head.map(|(seq, hash)| {
        Ok((
            u64::try_from(seq).map_err(|_| StoreError::Corrupt(format!("audit seq {seq}")))?,
            hash.parse::<HashCode>()
                .map_err(|e| StoreError::Corrupt(format!("audit entry {seq}: {e}")))?,
        ))
    })
    .transpose()
}

const ENTRY_COLUMNS: &str = "seq, at, actor, action, details, prev_hash, entry_hash, state";

fn entry_of(row: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    let seq: i64 = row.get(0)?;
    Ok(AuditEntry {
        seq: u64::try_from(seq).unwrap_or(0),
        at: row.get(1)?,
        actor: row.get(2)?,
        action: row.get(3)?,
        details: row.get(4)?,
        prev_hash: row.get(5)?,
        entry_hash: row.get(6)?,
        state: row.get(7)?,
    })
}

/// All entries in order.
pub(crate) fn entries(connection: &Connection) -> Result<Vec<AuditEntry>, StoreError> {
    let mut statement = connection.prepare(&format!(
        "SELECT {ENTRY_COLUMNS} FROM audit_log ORDER BY seq"
    ))?;
    let rows = statement.query_map([], entry_of)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Which entries of the log to show: an action, a part of the actor's name; newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    /// Only this action (e.g. `entry.finalise`).
    pub action: Option<String>,
    /// Only actors whose name contains this text.
    pub actor: Option<String>,
    /// Entries skipped (of the newest first).
    pub offset: u64,
    /// Entries shown at most.
    pub limit: u64,
}

/// A page of the log, newest first, and how many entries match in all.
pub(crate) fn query(
    connection: &Connection,
    query: &AuditQuery,
) -> Result<(Vec<AuditEntry>, u64), StoreError> {
    // The actor's text is matched literally: its % and _ are not wildcards.
    let actor = query.actor.as_ref().map(|text| {
        text.replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    });
    let filter =
        "(?1 IS NULL OR action = ?1) AND (?2 IS NULL OR actor LIKE '%' || ?2 || '%' ESCAPE '\\')";
    let total: i64 = connection.query_row(
        &format!("SELECT count(*) FROM audit_log WHERE {filter}"),
        rusqlite::params![query.action, actor],
        |row| row.get(0),
    )?;
    let mut statement = connection.prepare(&format!(
        "SELECT {ENTRY_COLUMNS} FROM audit_log WHERE {filter} ORDER BY seq DESC LIMIT ?3 OFFSET ?4"
    ))?;
    let limit = i64::try_from(query.limit).unwrap_or(i64::MAX);
    let offset = i64::try_from(query.offset).unwrap_or(i64::MAX);
    let rows = statement.query_map(
        rusqlite::params![query.action, actor, limit, offset],
        entry_of,
    )?;
    Ok((
        rows.collect::<Result<Vec<_>, _>>()?,
        u64::try_from(total).unwrap_or(0),
    ))
}

/// The actions the log holds, sorted.
pub(crate) fn actions(connection: &Connection) -> Result<Vec<String>, StoreError> {
    let mut statement =
        connection.prepare("SELECT DISTINCT action FROM audit_log ORDER BY action")?;
    let rows = statement.query_map([], |row| row.get(0))?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// The entry whose hash is `hash`, if the log holds one.
pub(crate) fn entry_with_hash(
    connection: &Connection,
    hash: &HashCode,
) -> Result<Option<AuditEntry>, StoreError> {
    Ok(connection
        .query_row(
            &format!("SELECT {ENTRY_COLUMNS} FROM audit_log WHERE entry_hash = ?1"),
            [hash.to_hex()],
            entry_of,
        )
        .optional()?)
}

/// Checks the protective triggers, recomputes the whole chain and, when the chain holds,
/// compares the tables with the states the entries recorded.
pub(crate) fn verify(connection: &Connection) -> Result<AuditReport, StoreError> {
    let entries = entries(connection)?;
    let count = entries.len() as u64;
    let head = entries.last().map(|e| e.entry_hash.clone());
    let report = |broken| AuditReport {
        entries: count,
        head: head.clone(),
        broken,
        data: Vec::new(),
    };

    for trigger in TRIGGERS {
        let present: i64 = connection.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
            [trigger],
            |row| row.get(0),
        )?;
        if present == 0 {
            return Ok(report(Some(AuditBreak::TriggerRemoved(trigger))));
        }
    }

    let mut previous_hash = GENESIS.to_hex();
    for (expected_seq, entry) in (1..).zip(&entries) {
        if entry.seq != expected_seq {
            return Ok(report(Some(AuditBreak::Missing {
                expected: expected_seq,
                found: entry.seq,
            })));
        }
        if entry.prev_hash != previous_hash {
            return Ok(report(Some(AuditBreak::Unlinked {
                seq: entry.seq,
                previous: entry.seq - 1,
            })));
        }
        let recomputed = entry
            .prev_hash
            .parse::<HashCode>()
            .map(|previous| {
                entry_hash(
                    &previous,
                    entry.seq,
                    &entry.at,
                    &entry.actor,
                    &entry.action,
                    &entry.details,
                    &entry.state,
                )
                .to_hex()
            })
            .unwrap_or_default();
        if recomputed != entry.entry_hash {
            return Ok(report(Some(AuditBreak::Altered { seq: entry.seq })));
        }
        previous_hash = entry.entry_hash.clone();
    }
    let data = vouch::compare(connection, &entries)?;
    Ok(AuditReport {
        broken: data.first().cloned(),
        data,
        ..report(None)
    })
}

/// The time now as the store writes every timestamp: RFC 3339, UTC, milliseconds.
pub(crate) fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}
