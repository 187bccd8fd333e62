//! The servers' logs: every request (method, path, status, time taken, client address) and every
//! event (start with the software's hash code, air gap, backups, errors) as one JSON line, in a
//! file per day (`urna-serve.YYYY-MM-DD.log`) of which the last [`DAYS_KEPT`] are kept. They tell
//! an operator what happened on the day; what was *decided* is in the audit log, which they do
//! not replace. Warnings and errors also go to the console.

use std::path::Path;

use anyhow::Context as _;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::Layer as _;
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt as _;

/// Days of logs kept.
pub const DAYS_KEPT: usize = 31;

/// Starts logging to `dir` for `program` (e.g. `urna-serve`); keep the guard while serving (it
/// writes the last lines when dropped).
pub fn start(dir: &Path, program: &str) -> anyhow::Result<WorkerGuard> {
    std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    let appender = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix(program)
        .filename_suffix("log")
        .max_log_files(DAYS_KEPT)
        .build(dir)
        .with_context(|| dir.display().to_string())?;
    let (file, guard) = tracing_appender::non_blocking(appender);
    // Urna's own requests and events; of the libraries' logs only warnings and errors.
    let ours = Targets::new()
        .with_target("urna", LevelFilter::INFO)
        .with_default(LevelFilter::WARN);
    let to_file = tracing_subscriber::fmt::layer()
        .json()
        .flatten_event(true)
        .with_current_span(false)
        .with_span_list(false)
        .with_writer(file)
        .with_filter(ours);
    // Events of target `urna::serve` are the program's own, which it says on the console in the
    // operator's language already (`console!`).
    let to_console = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_target(false)
        .with_filter(
            Targets::new()
                .with_target("urna::serve", LevelFilter::OFF)
                .with_default(LevelFilter::WARN),
        );
    let subscriber = tracing_subscriber::registry()
        .with(to_file)
        .with(to_console);
    // One subscriber per process: a second server in the same process logs through the first.
    let _ = tracing::subscriber::set_global_default(subscriber);
    Ok(guard)
}

/// The start of `program`, with the software that runs (as in the audit log's `software.start`).
pub fn started(program: &str) {
    let software = seal::software::current();
    tracing::info!(
        target: "urna::serve",
        program,
        version = env!("CARGO_PKG_VERSION"),
        commit = super::version::SOURCE_COMMIT,
        hash_code = software.as_ref().map_or("", |s| s.hash_code.as_str()),
        "started"
    );
}
