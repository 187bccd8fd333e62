//! `urna backup make|list` and `urna restore`: checked copies of the database
//! (`store::backup`), and the automatic backups of `urna serve --backup-dir`.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use messages::{Language, t};
use store::{Store, backup};

use crate::cli::{BackupCommand, Cli};

fn line(lang: Language, checked: &backup::Backup) -> String {
    t!(
        lang,
        "cli-backup-line",
        path = checked.path.display().to_string(),
        size = checked.size,
        entry = checked.head.as_ref().map_or(0, |(seq, _)| *seq),
        hash = checked
            .head
            .as_ref()
            .map_or_else(String::new, |(_, hash)| hash.clone())
    )
}

/// Runs `urna backup …`; returns what to print.
pub fn run(lang: Language, cli: &Cli, command: &BackupCommand) -> anyhow::Result<String> {
    let mut out = String::new();
    match command {
        BackupCommand::Make { dir } => {
            let store = Store::open_existing(&cli.data_dir)?;
            let made = store.backup(&crate::actor(), dir)?;
            let _ = writeln!(out, "{}", t!(lang, "cli-backup-made"));
            let _ = writeln!(out, "  {}", line(lang, &made));
        }
        BackupCommand::List { dir } => {
            let found = backup::list(dir)?;
            if found.is_empty() {
                let _ = writeln!(
                    out,
                    "{}",
                    t!(lang, "cli-backup-none", dir = dir.display().to_string())
                );
            }
            for path in found {
                match backup::check(&path) {
                    Ok(checked) => {
                        let _ = writeln!(out, "  {}", line(lang, &checked));
                    }
                    Err(error) => {
                        let _ = writeln!(
                            out,
                            "  {}",
                            t!(
                                lang,
                                "cli-backup-refused",
                                path = path.display().to_string(),
                                error = error.to_string()
                            )
                        );
                    }
                }
            }
        }
    }
    Ok(out)
}

/// Runs `urna restore FILE`; returns what to print.
pub fn restore(lang: Language, data_dir: &Path, from: &Path) -> anyhow::Result<String> {
    let (_, checked, kept) = Store::restore(&crate::actor(), from, data_dir)?;
    let mut out = String::new();
    let _ = writeln!(out, "{}", t!(lang, "cli-restore-done"));
    let _ = writeln!(out, "  {}", line(lang, &checked));
    if let Some(kept) = kept {
        let _ = writeln!(
            out,
            "{}",
            t!(lang, "cli-restore-kept", path = kept.display().to_string())
        );
    }
    Ok(out)
}

/// While `urna serve` runs: a checked backup into `dir` whenever the audit log's head moved
/// (every change to the data writes an entry), checked every `every`. A failed backup is said on
/// the console and tried again at the next change; the earlier backups stay.
pub async fn keep_backing_up(
    lang: Language,
    store: Arc<Store>,
    dir: std::path::PathBuf,
    every: std::time::Duration,
) {
    let mut backed_up: Option<u64> = None;
    let mut interval = tokio::time::interval(every);
    loop {
        interval.tick().await;
        let (store, dir) = (store.clone(), dir.clone());
        let outcome = tokio::task::spawn_blocking(move || -> Result<Option<u64>, String> {
            let head = store
                .audit_head()
                .map_err(|e| e.to_string())?
                .map(|(seq, _)| seq);
            if head.is_none() || head == backed_up {
                return Ok(backed_up);
            }
            let made = store
                .backup(&crate::actor(), &dir)
                .map_err(|e| e.to_string())?;
            tracing::info!(
                target: "urna::serve",
                file = %made.path.display(),
                "backup made and checked"
            );
            // The backup's own log entry moved the head: that is not a change to back up.
            Ok(made.head.map(|(seq, _)| seq + 1))
        })
        .await;
        match outcome {
            Ok(Ok(head)) => backed_up = head,
            Ok(Err(error)) => {
                tracing::error!(target: "urna::serve", %error, "backup failed");
                console!(
                    "urna serve: {}",
                    t!(lang, "cli-backup-failed", error = error)
                );
            }
            Err(error) => {
                console!(
                    "urna serve: {}",
                    t!(lang, "cli-backup-failed", error = error.to_string())
                );
            }
        }
    }
}
