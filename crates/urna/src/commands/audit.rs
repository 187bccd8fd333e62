//! `urna audit verify | show`.

use std::fmt::Write as _;

use messages::{Language, t};
use store::{AuditReport, Store};

/// The verdict of `urna audit verify`, as text; `Ok(true)` when the chain is intact.
pub fn verify(lang: Language, store: &Store) -> anyhow::Result<(bool, String)> {
    let AuditReport {
        entries,
        head,
        broken,
    } = store.verify_audit_log()?;
    let mut out = String::new();
    match broken {
        None => {
            let _ = writeln!(out, "{}", t!(lang, "cli-audit-intact", entries = entries));
            if let Some(head) = head {
                let _ = writeln!(out, "{}", t!(lang, "cli-audit-head", hash = head));
            }
            Ok((true, out))
        }
        Some(problem) => {
            let line = match problem.seq() {
                Some(seq) => t!(
                    lang,
                    "cli-audit-broken-at",
                    entry = seq,
                    problem = problem.message().text(lang)
                ),
                None => t!(
                    lang,
                    "cli-audit-broken",
                    problem = problem.message().text(lang)
                ),
            };
            let _ = writeln!(out, "{line}");
            Ok((false, out))
        }
    }
}

/// `urna audit show`
pub fn show(store: &Store, json: bool) -> anyhow::Result<String> {
    let entries = store.audit_entries()?;
    if json {
        return Ok(serde_json::to_string_pretty(&entries)? + "\n");
    }
    let mut out = String::new();
    for entry in entries {
        let _ = writeln!(
            out,
            "{:>5}  {}  {:<16} {:<18} {}  {}",
            entry.seq,
            entry.at,
            entry.actor,
            entry.action,
            &entry.entry_hash[..16],
            entry.details
        );
    }
    Ok(out)
}
