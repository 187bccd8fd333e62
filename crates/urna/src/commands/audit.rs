//! `urna audit verify | show`.

use std::fmt::Write as _;

use messages::{Language, t};
use seal::HashCode;
use store::{AuditReport, Store};

/// The verdict of `urna audit verify`, as text; `Ok(true)` when the chain is intact, the tables
/// hold what it recorded and, given `head` (the hash code on paper), the log still holds that
/// entry.
pub fn verify(lang: Language, store: &Store, head: Option<&str>) -> anyhow::Result<(bool, String)> {
    let paper = head
        .map(|text| {
            text.parse::<HashCode>()
                .map_err(|e| anyhow::anyhow!("--head: {}", e.message().text(lang)))
        })
        .transpose()?;
    let AuditReport {
        entries,
        head,
        broken,
        data,
    } = store.verify_audit_log()?;
    let mut out = String::new();
    let Some(problem) = broken else {
        let _ = writeln!(out, "{}", t!(lang, "cli-audit-intact", entries = entries));
        if let Some(head) = head {
            let _ = writeln!(out, "{}", t!(lang, "cli-audit-head", hash = head));
        }
        let Some(paper) = paper else {
            return Ok((true, out));
        };
        return Ok(match store.audit_entry_with_hash(&paper)? {
            Some(entry) => {
                let _ = writeln!(
                    out,
                    "{}",
                    t!(
                        lang,
                        "cli-audit-paper-head-found",
                        entry = entry.seq,
                        at = entry.at
                    )
                );
                (true, out)
            }
            None => {
                let _ = writeln!(
                    out,
                    "{}",
                    t!(
                        lang,
                        "cli-audit-paper-head-missing",
                        hash = paper.to_string()
                    )
                );
                (false, out)
            }
        });
    };
    let line = |problem: &store::AuditBreak| match problem.seq() {
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
    if data.is_empty() {
        let _ = writeln!(out, "{}", line(&problem));
    }
    for problem in &data {
        let _ = writeln!(out, "{}", line(problem));
    }
    Ok((false, out))
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
