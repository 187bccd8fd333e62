//! `urna election import | list | show`.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, bail};
use eml::SourceFile;
use messages::{Language, t};
use model::{Election, ElectionId, Jurisdiction};
use store::{Actor, FileRole, HashCheck, ImportReceipt, ImportedFile, Store, StoredElection};

use crate::cli::ImportArgs;
use crate::hash_check::{self, Prompt, Subject};

/// What was imported.
#[derive(Debug)]
pub struct Imported {
    /// The election.
    pub election: Election,
    /// Its audit-log entry and the files as stored: role, name, hash code and how it was
    /// confirmed.
    pub receipt: ImportReceipt,
}

fn read(path: &Path, lang: Language) -> anyhow::Result<Vec<u8>> {
    bounded::read(path, eml::MAX_FILE_BYTES).with_context(|| {
        t!(
            lang,
            "cli-cannot-read-file",
            file = path.display().to_string()
        )
    })
}

/// Reads, checks and stores an election. Nothing is stored unless every file parses, belongs to
/// the same election and (for the definition and the candidate lists) matches its official hash
/// code.
pub fn import(
    lang: Language,
    store_dir: &Path,
    actor: &Actor,
    prompt: &mut dyn Prompt,
    args: &ImportArgs,
) -> anyhow::Result<Imported> {
    let definition_name = args.definition.display().to_string();
    let definition_bytes = read(&args.definition, lang)?;

    // Parse everything first: a wrong or broken file is named before anyone types a hash code.
    let mut files: Vec<(FileRole, String, Vec<u8>)> = Vec::new();
    let election = if flanders::looks_like_json(&definition_bytes) {
        if args.candidates.is_some() || args.polling_stations.is_some() {
            bail!("{}", t!(lang, "cli-election-flemish-no-extra-files"));
        }
        let election = flanders::read_definition(&definition_name, &definition_bytes)?;
        files.push((FileRole::Definition, definition_name, definition_bytes));
        election
    } else {
        let Some(candidates_path) = &args.candidates else {
            bail!("{}", t!(lang, "cli-election-needs-candidates"));
        };
        let candidates_name = candidates_path.display().to_string();
        let candidates_bytes = read(candidates_path, lang)?;
        let stations = match &args.polling_stations {
            Some(path) => Some((path.display().to_string(), read(path, lang)?)),
            None => None,
        };
        let election = eml::import_election(
            SourceFile::new(&definition_name, &definition_bytes),
            SourceFile::new(&candidates_name, &candidates_bytes),
            stations
                .as_ref()
                .map(|(name, bytes)| SourceFile::new(name, bytes)),
        )?;
        files.push((FileRole::Definition, definition_name, definition_bytes));
        files.push((FileRole::CandidateLists, candidates_name, candidates_bytes));
        if let Some((name, bytes)) = stations {
            files.push((FileRole::PollingStations, name, bytes));
        }
        election
    };

    let mut imported_files = Vec::new();
    for (role, name, bytes) in files {
        let (option, official) = match role {
            FileRole::Definition => ("--definition-hash", args.definition_hash.as_deref()),
            FileRole::CandidateLists => ("--candidates-hash", args.candidates_hash.as_deref()),
            // The municipality makes its own polling-station file; there is no official hash
            // code to compare with. Its hash code is stored and shown.
            FileRole::PollingStations => {
                imported_files.push(ImportedFile {
                    role,
                    name,
                    bytes,
                    hash_check: HashCheck::NotApplicable,
                });
                continue;
            }
        };
        let subject = Subject {
            what: role,
            file: &name,
            bytes: &bytes,
            option,
        };
        let hash_check = hash_check::confirm(lang, prompt, &subject, official)?;
        imported_files.push(ImportedFile {
            role,
            name,
            bytes,
            hash_check,
        });
    }

    let store = Store::open_or_create(store_dir)?;
    let receipt = store.import_election(actor, election.clone(), imported_files)?;
    Ok(Imported { election, receipt })
}

/// The report printed after an import.
pub fn import_report(lang: Language, imported: &Imported) -> String {
    let election = &imported.election;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "cli-election-loaded",
            name = &election.name,
            election = election.id.as_str()
        )
    );
    let _ = writeln!(
        out,
        "  {}",
        t!(
            lang,
            "cli-election-size",
            seats = election.seats,
            lists = election.list_count(),
            candidates = election.candidate_count(),
            stations = election.polling_stations.len()
        )
    );
    for file in &imported.receipt.files {
        let _ = writeln!(out, "  {}: {}", file.role.name().text(lang), file.name);
        let _ = writeln!(
            out,
            "    {}  ({})",
            file.hash_code,
            file.hash_check.name().text(lang)
        );
    }
    let entry = &imported.receipt.audit_entry;
    let _ = writeln!(
        out,
        "  {}",
        t!(
            lang,
            "cli-election-audit-entry",
            entry = entry.seq,
            hash = &entry.entry_hash[..16]
        )
    );
    out
}

/// `urna election list`
pub fn list(lang: Language, store: &Store) -> anyhow::Result<String> {
    let elections = store.elections()?;
    let mut out = String::new();
    if elections.is_empty() {
        let _ = writeln!(out, "{}", t!(lang, "cli-election-none"));
        return Ok(out);
    }
    let _ = writeln!(
        out,
        "{:<24} {:<10} {:>6} {:>7} {:>10} {:>12}  {}",
        "id",
        t!(lang, "cli-election-column-date"),
        t!(lang, "cli-election-column-seats"),
        t!(lang, "cli-election-column-lists"),
        t!(lang, "cli-election-column-candidates"),
        t!(lang, "cli-election-column-stations"),
        t!(lang, "cli-election-column-name"),
    );
    for summary in elections {
        let _ = writeln!(
            out,
            "{:<24} {:<10} {:>6} {:>7} {:>10} {:>12}  {}",
            summary.id.as_str(),
            summary.election_date,
            summary.seats,
            summary.lists,
            summary.candidates,
            summary.polling_stations,
            summary.name
        );
    }
    Ok(out)
}

/// `urna election show ID`
pub fn show(
    lang: Language,
    store: &Store,
    election: &ElectionId,
    json: bool,
) -> anyhow::Result<String> {
    let Some(stored) = store.election(election)? else {
        bail!(
            "{}",
            t!(
                lang,
                "cli-election-not-loaded",
                election = election.as_str()
            )
        );
    };
    if json {
        return Ok(serde_json::to_string_pretty(&stored.election)? + "\n");
    }
    Ok(describe(lang, &stored))
}

/// A labelled line of `urna election show`: the label padded so that the values align.
fn field(out: &mut String, label: String, value: impl std::fmt::Display) {
    let _ = writeln!(out, "  {label:<22}{value}");
}

fn describe(lang: Language, stored: &StoredElection) -> String {
    let election = &stored.election;
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", election.name, election.id);
    field(
        &mut out,
        t!(lang, "cli-election-body"),
        format!(
            "{} ({})",
            election.body.name().text(lang),
            election.jurisdiction.name().text(lang)
        ),
    );
    if let Some(domain) = &election.domain {
        let code = domain
            .id
            .as_ref()
            .map(|id| format!(" ({id})"))
            .unwrap_or_default();
        field(
            &mut out,
            t!(lang, "cli-election-area"),
            format!("{}{code}", domain.name),
        );
    }
    field(
        &mut out,
        t!(lang, "cli-election-day"),
        election.election_date,
    );
    if let Some(nomination) = election.nomination_date {
        field(
            &mut out,
            t!(lang, "cli-election-nomination-day"),
            nomination,
        );
    }
    field(&mut out, t!(lang, "cli-election-seats"), election.seats);
    if let Some(threshold) = election.preference_threshold_percent {
        field(
            &mut out,
            t!(lang, "cli-election-preference-threshold"),
            t!(lang, "cli-election-percent-of-quota", percent = threshold),
        );
    }
    field(
        &mut out,
        t!(lang, "cli-election-law"),
        election.law.name().text(lang),
    );
    field(
        &mut out,
        t!(lang, "cli-election-imported"),
        t!(
            lang,
            "cli-election-imported-at-by",
            at = &stored.imported_at,
            by = &stored.imported_by
        ),
    );

    let _ = writeln!(out, "\n{}", t!(lang, "cli-election-files"));
    for file in &stored.files {
        field(
            &mut out,
            format!("{}:", file.role.name().text(lang)),
            t!(
                lang,
                "cli-election-file",
                name = &file.name,
                bytes = file.size
            ),
        );
        let _ = writeln!(
            out,
            "    {}  ({})",
            file.hash_code,
            file.hash_check.name().text(lang)
        );
    }

    for contest in &election.contests {
        let title = match (&contest.name, election.contests.len()) {
            (Some(name), n) if n > 1 => t!(lang, "cli-election-district", name = name),
            _ => t!(lang, "cli-election-lists"),
        };
        let seats = contest
            .seats
            .map(|seats| format!(" — {}", t!(lang, "cli-election-n-seats", seats = seats)))
            .unwrap_or_default();
        let _ = writeln!(out, "\n{title}{seats}:");
        for list in &contest.lists {
            let name = if list.name.is_empty() {
                t!(lang, "cli-election-list-without-name")
            } else {
                list.name.clone()
            };
            let _ = writeln!(
                out,
                "  {}",
                t!(
                    lang,
                    "cli-election-list",
                    number = list.number.get(),
                    name = name,
                    candidates = list.candidates.len()
                )
            );
            for candidate in &list.candidates {
                let place = candidate
                    .locality
                    .as_ref()
                    .map(|l| format!(", {l}"))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "    {:>3}. {}{place}",
                    candidate.position,
                    candidate.full_name()
                );
            }
        }
    }

    let _ = writeln!(
        out,
        "\n{}",
        t!(
            lang,
            "cli-election-stations",
            count = election.polling_stations.len()
        )
    );
    for station in &election.polling_stations {
        let mut line = format!("  {:>4}  {}", station.number, station.name);
        for part in [
            &station.address.street,
            &station.address.postal_code,
            &station.address.locality,
        ]
        .into_iter()
        .flatten()
        {
            let _ = write!(line, ", {part}");
        }
        if let Some(kind) = station.kind {
            let _ = write!(line, " [{}]", kind.name().text(lang));
        }
        if let Some(voters) = station.voters {
            let _ = write!(
                line,
                " — {}",
                t!(lang, "cli-election-n-voters", voters = voters)
            );
        }
        if let Some(contest) = &station.contest {
            let _ = write!(line, " ({contest})");
        }
        let _ = writeln!(out, "{line}");
    }
    if election.jurisdiction == Jurisdiction::Netherlands && election.polling_stations.is_empty() {
        let _ = writeln!(out, "  {}", t!(lang, "cli-election-no-stations-yet"));
    }
    out
}
