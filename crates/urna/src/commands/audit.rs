//! `urna audit verify | show`.

use std::fmt::Write as _;

use store::{AuditReport, Store};

use crate::cli::Lang;

/// The verdict of `urna audit verify`, as text; `Ok(true)` when the chain is intact.
pub fn verify(lang: Lang, store: &Store) -> anyhow::Result<(bool, String)> {
    let AuditReport {
        entries,
        head,
        broken,
    } = store.verify_audit_log()?;
    let mut out = String::new();
    match broken {
        None => {
            let _ = writeln!(
                out,
                "{} {entries} {}",
                lang.pick("Auditlog intact:", "Audit log intact:"),
                lang.pick("regels", "entries")
            );
            if let Some(head) = head {
                let _ = writeln!(
                    out,
                    "{} {}",
                    lang.pick(
                        "Hash van de laatste regel (noteer in het proces-verbaal):",
                        "Hash of the last entry (record it in the official report):"
                    ),
                    head
                );
            }
            Ok((true, out))
        }
        Some(problem) => {
            let entry = problem
                .seq()
                .map(|seq| format!(" {} {seq}", lang.pick("bij regel", "at entry")))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{}{entry}: {problem}",
                lang.pick("Auditlog VERBROKEN", "Audit log BROKEN")
            );
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
