//! The single writer: one thread owns the write connection and applies mutations from a queue.
//!
//! SQLite allows one writer at a time; many connections racing for the lock fall into busy-wait
//! back-off. Here every write goes through one thread. Mutations that arrive together are applied
//! in one transaction (each inside its own savepoint, so one that fails is undone alone) and
//! committed once, and only after the commit does each caller hear that its write is stored.
//!
//! A mutation must append its audit-log entry; one that does not is rolled back and refused.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::thread::JoinHandle;

use rusqlite::Connection;

use crate::audit::{self, Actor, AuditAction, AuditEntry};
use crate::error::StoreError;

/// Most mutations committed in one transaction.
const MAX_BATCH: usize = 64;

/// A write in progress: the connection, inside a transaction and a savepoint, and the duty to
/// log.
pub(crate) struct Mutation<'c> {
    connection: &'c Connection,
    audited: bool,
}

impl<'c> Mutation<'c> {
    /// The connection, for the mutation's SQL.
    pub(crate) fn connection(&self) -> &'c Connection {
        self.connection
    }

    /// Appends this mutation's audit-log entry to the chain.
    pub(crate) fn audit(
        &mut self,
        actor: &Actor,
        action: AuditAction,
        details: &serde_json::Value,
    ) -> Result<AuditEntry, StoreError> {
        let entry = audit::append(self.connection, actor, action, details)?;
        self.audited = true;
        Ok(entry)
    }
}

trait Job: Send {
    /// Applies the mutation; returns whether it succeeded (its outcome is kept for delivery).
    fn apply(&mut self, connection: &Connection) -> bool;
    /// Tells the caller the outcome, once the batch's commit is known.
    fn deliver(self: Box<Self>, commit: Result<(), String>);
}

struct TypedJob<T, F> {
    name: &'static str,
    mutation: Option<F>,
    outcome: Option<Result<T, StoreError>>,
    reply: mpsc::SyncSender<Result<T, StoreError>>,
}

impl<T, F> Job for TypedJob<T, F>
where
    T: Send,
    F: FnOnce(&mut Mutation<'_>) -> Result<T, StoreError> + Send,
{
    fn apply(&mut self, connection: &Connection) -> bool {
        let Some(mutation) = self.mutation.take() else {
            return false;
        };
        let mut context = Mutation {
            connection,
            audited: false,
        };
        let outcome = match catch_unwind(AssertUnwindSafe(|| mutation(&mut context))) {
            Ok(Ok(_)) if !context.audited => Err(StoreError::Unaudited(self.name)),
            Ok(Ok(_)) if crate::vouch::pending(connection).unwrap_or(true) => {
                Err(StoreError::ChangedAfterAudit(self.name))
            }
            Ok(outcome) => outcome,
            Err(_) => Err(StoreError::Commit(format!("{} panicked", self.name))),
        };
        let ok = outcome.is_ok();
        self.outcome = Some(outcome);
        ok
    }

    fn deliver(self: Box<Self>, commit: Result<(), String>) {
        let outcome = match (self.outcome, commit) {
            (Some(Ok(_)), Err(message)) => Err(StoreError::Commit(message)),
            (Some(outcome), _) => outcome,
            // The batch failed before this mutation was applied.
            (None, Err(message)) => Err(StoreError::Commit(message)),
            (None, Ok(())) => Err(StoreError::WriterStopped),
        };
        // The caller may have gone away; then nobody needs the answer.
        let _ = self.reply.send(outcome);
    }
}

/// Handle to the writer thread.
pub(crate) struct Writer {
    sender: Option<mpsc::Sender<Box<dyn Job>>>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer").finish_non_exhaustive()
    }
}

impl Writer {
    /// Starts the writer thread, which owns `connection` from now on.
    pub(crate) fn spawn(connection: Connection) -> Result<Writer, StoreError> {
        crate::vouch::watch(&connection)?;
        let (sender, receiver) = mpsc::channel::<Box<dyn Job>>();
        let thread = std::thread::Builder::new()
            .name("urna-db-writer".into())
            .spawn(move || run(&connection, &receiver))
            .map_err(|e| StoreError::Open {
                path: "writer thread".into(),
                detail: e.to_string(),
            })?;
        Ok(Writer {
            sender: Some(sender),
            thread: Some(thread),
        })
    }

    /// Applies `mutation` in a transaction and waits until it is committed (or refused).
    /// `name` identifies the mutation in errors.
    pub(crate) fn write<T, F>(&self, name: &'static str, mutation: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Mutation<'_>) -> Result<T, StoreError> + Send + 'static,
    {
        let (reply, answer) = mpsc::sync_channel(1);
        let job = Box::new(TypedJob {
            name,
            mutation: Some(mutation),
            outcome: None,
            reply,
        });
        self.sender
            .as_ref()
            .ok_or(StoreError::WriterStopped)?
            .send(job)
            .map_err(|_| StoreError::WriterStopped)?;
        answer.recv().map_err(|_| StoreError::WriterStopped)?
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        // Closing the queue ends the thread after the writes already queued.
        self.sender.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(connection: &Connection, receiver: &mpsc::Receiver<Box<dyn Job>>) {
    while let Ok(first) = receiver.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match receiver.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let commit = apply_batch(connection, &mut batch);
        for job in batch {
            job.deliver(commit.clone());
        }
    }
}

/// Applies a batch in one transaction; each job in its own savepoint.
fn apply_batch(connection: &Connection, batch: &mut [Box<dyn Job>]) -> Result<(), String> {
    connection
        .execute_batch("BEGIN IMMEDIATE")
        .map_err(|e| e.to_string())?;
    for job in batch.iter_mut() {
        if let Err(error) = connection.execute_batch("SAVEPOINT mutation") {
            let _ = connection.execute_batch("ROLLBACK");
            return Err(error.to_string());
        }
        let ok = job.apply(connection);
        let end = if ok {
            "RELEASE mutation"
        } else {
            "ROLLBACK TO mutation; RELEASE mutation"
        };
        if let Err(error) = connection.execute_batch(end) {
            let _ = connection.execute_batch("ROLLBACK");
            return Err(error.to_string());
        }
    }
    connection.execute_batch("COMMIT").map_err(|error| {
        let _ = connection.execute_batch("ROLLBACK");
        error.to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::Actor;

    fn writer() -> (tempfile::TempDir, Writer, Connection) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.sqlite");
        let connection = crate::schema::open_writer(&path).unwrap();
        connection
            .execute_batch("CREATE TABLE t (v INTEGER NOT NULL UNIQUE) STRICT")
            .unwrap();
        let reader = Connection::open(&path).unwrap();
        (dir, Writer::spawn(connection).unwrap(), reader)
    }

    fn rows(reader: &Connection) -> Vec<i64> {
        let mut statement = reader.prepare("SELECT v FROM t ORDER BY v").unwrap();
        statement
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    fn insert(writer: &Writer, value: i64) -> Result<(), StoreError> {
        writer.write("test.insert", move |mutation| {
            mutation
                .connection()
                .execute("INSERT INTO t (v) VALUES (?1)", [value])?;
            mutation.audit(
                &Actor::new("test", "t"),
                AuditAction::ElectionImport,
                &serde_json::json!({ "v": value }),
            )?;
            Ok(())
        })
    }

    #[test]
    fn a_mutation_without_audit_entry_is_refused_and_undone() {
        let (_dir, writer, reader) = writer();
        let outcome = writer.write("test.unlogged", |mutation| {
            mutation
                .connection()
                .execute("INSERT INTO t (v) VALUES (1)", [])?;
            Ok(())
        });
        assert!(matches!(
            outcome,
            Err(StoreError::Unaudited("test.unlogged"))
        ));
        assert!(rows(&reader).is_empty());
        assert_eq!(crate::audit::entries(&reader).unwrap().len(), 0);
    }

    #[test]
    fn a_mutation_that_changes_vouched_data_after_its_entry_is_refused_and_undone() {
        let (_dir, writer, reader) = writer();
        let outcome = writer.write("test.late", |mutation| {
            mutation.audit(
                &Actor::new("test", "t"),
                AuditAction::UserCreate,
                &serde_json::json!({}),
            )?;
            mutation.connection().execute(
                "INSERT INTO users (username, full_name, role, password_hash, must_change_password, created_at)
                 VALUES ('late', 'Late', 'typist', 'x', 0, 'now')",
                [],
            )?;
            Ok(())
        });
        assert!(matches!(
            outcome,
            Err(StoreError::ChangedAfterAudit("test.late"))
        ));
        assert_eq!(crate::audit::entries(&reader).unwrap().len(), 0);
        let users: i64 = reader
            .query_row("SELECT count(*) FROM users", [], |r| r.get(0))
            .unwrap();
        assert_eq!(users, 0);
    }

    #[test]
    fn a_failing_mutation_is_undone_alone() {
        let (_dir, writer, reader) = writer();
        insert(&writer, 1).unwrap();
        // Violates UNIQUE after having written its audit entry: both are undone.
        assert!(insert(&writer, 1).is_err());
        insert(&writer, 2).unwrap();
        assert_eq!(rows(&reader), [1, 2]);
        let report = crate::audit::verify(&reader).unwrap();
        assert_eq!((report.entries, report.broken), (2, None));
    }

    #[test]
    fn a_panicking_mutation_is_undone_and_the_writer_survives() {
        let (_dir, writer, reader) = writer();
        let outcome: Result<(), StoreError> = writer.write("test.panic", |mutation| {
            mutation
                .connection()
                .execute("INSERT INTO t (v) VALUES (7)", [])?;
            panic!("deliberate");
        });
        assert!(matches!(outcome, Err(StoreError::Commit(_))));
        insert(&writer, 8).unwrap();
        assert_eq!(rows(&reader), [8]);
    }

    #[test]
    fn concurrent_writes_are_all_committed_in_one_chain() {
        let (_dir, writer, reader) = writer();
        let writer = std::sync::Arc::new(writer);
        let threads: Vec<_> = (0..8)
            .map(|thread| {
                let writer = writer.clone();
                std::thread::spawn(move || {
                    for i in 0..25 {
                        insert(&writer, thread * 100 + i).unwrap();
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        assert_eq!(rows(&reader).len(), 200);
        let report = crate::audit::verify(&reader).unwrap();
        assert_eq!((report.entries, report.broken), (200, None));
    }
}
