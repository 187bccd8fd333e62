//! `urna --version`: which software this is. The version, the source commit and the build's
//! timestamp come from the build (`build.rs`); the hash code is of the executable that runs, read
//! now, so that an official compares what is installed with the certified hash code.

use std::fmt::Write as _;

use messages::{Language, t};
use seal::HashCode;

/// The source commit the binary was built from (or `unknown` outside a git checkout).
pub const SOURCE_COMMIT: &str = env!("URNA_SOURCE_COMMIT");

/// The build's timestamp as seconds since 1970 (`SOURCE_DATE_EPOCH`, else the commit's time).
pub const BUILD_EPOCH: &str = env!("URNA_BUILD_EPOCH");

/// The licence notices of every crate in this binary (`urna licenses`), made by
/// `cargo run -p release -- notices`; a test of crate `release` keeps them equal to the
/// dependency graph.
pub const LICENCE_NOTICES: &str = include_str!("../../THIRD-PARTY-NOTICES.txt");

/// The SHA-256 hash code of the running executable, read once per run (the audit log's start
/// entry and every document's footer ask for it).
pub fn executable_hash() -> anyhow::Result<HashCode> {
    static FOUND: std::sync::OnceLock<Result<HashCode, String>> = std::sync::OnceLock::new();
    FOUND
        .get_or_init(|| {
            let path = std::env::current_exe().map_err(|e| e.to_string())?;
            let file =
                std::fs::File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            HashCode::of_reader(std::io::BufReader::new(file))
                .map_err(|e| format!("{}: {e}", path.display()))
        })
        .clone()
        .map_err(anyhow::Error::msg)
}

/// The build's timestamp, RFC 3339 in UTC, when known.
fn built() -> Option<String> {
    let seconds: i64 = BUILD_EPOCH.parse().ok()?;
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

/// What `urna --version` prints.
pub fn text(lang: Language) -> anyhow::Result<String> {
    let mut out = String::new();
    writeln!(out, "urna {}", env!("CARGO_PKG_VERSION"))?;
    writeln!(
        out,
        "{}",
        t!(lang, "cli-version-commit", commit = SOURCE_COMMIT)
    )?;
    let built = built().unwrap_or_else(|| "?".to_string());
    writeln!(out, "{}", t!(lang, "cli-version-built", built = built))?;
    writeln!(
        out,
        "{}",
        t!(
            lang,
            "cli-version-hash",
            hash = executable_hash()?.to_string()
        )
    )?;
    Ok(out)
}

/// Writes which software starts to the audit log of `store` (`software.start`): the program,
/// its version, source commit and the hash code of its executable, so that an auditor can tell
/// that the certified build ran.
pub fn log_start(store: &store::Store, program: &str) -> anyhow::Result<()> {
    store.log_event(
        &crate::actor(),
        store::AuditAction::SoftwareStart,
        serde_json::json!({
            "program": program,
            "version": env!("CARGO_PKG_VERSION"),
            "commit": SOURCE_COMMIT,
            "hash_code": executable_hash()?.to_hex(),
        }),
    )?;
    Ok(())
}
