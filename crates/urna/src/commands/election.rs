//! `urna election import | list | show`.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, bail};
use eml::SourceFile;
use model::{Election, ElectionId, Jurisdiction};
use store::{Actor, FileRole, HashCheck, ImportReceipt, ImportedFile, Store, StoredElection};

use crate::cli::{ImportArgs, Lang};
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

fn read(path: &Path, lang: Lang) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| {
        format!(
            "{} {}",
            lang.pick("Kan bestand niet lezen:", "Cannot read file:"),
            path.display()
        )
    })
}

/// Reads, checks and stores an election. Nothing is stored unless every file parses, belongs to
/// the same election and (for the definition and the candidate lists) matches its official hash
/// code.
pub fn import(
    lang: Lang,
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
            bail!(
                "{}",
                lang.pick(
                    "Een Vlaams definitiebestand bevat zelf de lijsten en stembureaus: geef geen --candidates of --polling-stations mee.",
                    "A Flemish definition file holds its lists and polling stations itself: do not pass --candidates or --polling-stations."
                )
            );
        }
        let election = flanders::read_definition(&definition_name, &definition_bytes)?;
        files.push((FileRole::Definition, definition_name, definition_bytes));
        election
    } else {
        let Some(candidates_path) = &args.candidates else {
            bail!(
                "{}",
                lang.pick(
                    "Een EML-verkiezingsdefinitie (110a) wordt geladen met de kandidatenlijsten: geef --candidates mee (EML 230b).",
                    "An EML election definition (110a) is loaded with its candidate lists: pass --candidates (EML 230b)."
                )
            );
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
        let (what, option, official) = match role {
            FileRole::Definition => (
                ("verkiezingsdefinitie", "election definition"),
                "--definition-hash",
                args.definition_hash.as_deref(),
            ),
            FileRole::CandidateLists => (
                ("kandidatenlijsten", "candidate lists"),
                "--candidates-hash",
                args.candidates_hash.as_deref(),
            ),
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
            what,
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

/// Text for a file role.
pub fn role_name(lang: Lang, role: FileRole) -> &'static str {
    match role {
        FileRole::Definition => lang.pick("verkiezingsdefinitie", "election definition"),
        FileRole::CandidateLists => lang.pick("kandidatenlijsten", "candidate lists"),
        FileRole::PollingStations => lang.pick("stembureaus", "polling stations"),
    }
}

/// Text for how a hash code was confirmed.
pub fn check_name(lang: Lang, check: HashCheck) -> &'static str {
    match check {
        HashCheck::TypedGroups => lang.pick(
            "bevestigd: twee groepen ingetypt",
            "confirmed: two groups typed",
        ),
        HashCheck::FullHashCode => lang.pick(
            "bevestigd: volledige officiële hashcode",
            "confirmed: full official hash code",
        ),
        HashCheck::NotApplicable => lang.pick(
            "geen officiële hashcode (eigen bestand van de gemeente)",
            "no official hash code (the municipality's own file)",
        ),
    }
}

/// The report printed after an import.
pub fn import_report(lang: Lang, imported: &Imported) -> String {
    let election = &imported.election;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} ({})",
        lang.pick("Geladen:", "Loaded:"),
        election.name,
        election.id
    );
    let _ = writeln!(
        out,
        "  {} {}, {} {}, {} {}, {} {}",
        election.seats,
        lang.pick("zetels", "seats"),
        election.list_count(),
        lang.pick("lijsten", "lists"),
        election.candidate_count(),
        lang.pick("kandidaten", "candidates"),
        election.polling_stations.len(),
        lang.pick("stembureaus", "polling stations"),
    );
    for file in &imported.receipt.files {
        let _ = writeln!(out, "  {}: {}", role_name(lang, file.role), file.name);
        let _ = writeln!(
            out,
            "    {}  ({})",
            file.hash_code,
            check_name(lang, file.hash_check)
        );
    }
    let entry = &imported.receipt.audit_entry;
    let _ = writeln!(
        out,
        "  {} {} ({} {})",
        lang.pick("Auditlog: regel", "Audit log: entry"),
        entry.seq,
        lang.pick("hash", "hash"),
        &entry.entry_hash[..16]
    );
    out
}

/// `urna election list`
pub fn list(lang: Lang, store: &Store) -> anyhow::Result<String> {
    let elections = store.elections()?;
    let mut out = String::new();
    if elections.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick("Geen verkiezingen geladen.", "No elections loaded.")
        );
        return Ok(out);
    }
    let _ = writeln!(
        out,
        "{:<24} {:<10} {:>6} {:>7} {:>10} {:>12}  {}",
        "id",
        lang.pick("datum", "date"),
        lang.pick("zetels", "seats"),
        lang.pick("lijsten", "lists"),
        lang.pick("kandidaten", "candidates"),
        lang.pick("stembureaus", "stations"),
        lang.pick("naam", "name"),
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
pub fn show(lang: Lang, store: &Store, id: &str, json: bool) -> anyhow::Result<String> {
    let election_id = ElectionId::new(id).with_context(|| format!("{id:?}"))?;
    let Some(stored) = store.election(&election_id)? else {
        bail!(
            "{} {id} {}",
            lang.pick("Verkiezing", "Election"),
            lang.pick(
                "is niet geladen (zie urna election list)",
                "is not loaded (see urna election list)"
            )
        );
    };
    if json {
        return Ok(serde_json::to_string_pretty(&stored.election)? + "\n");
    }
    Ok(describe(lang, &stored))
}

fn describe(lang: Lang, stored: &StoredElection) -> String {
    let election = &stored.election;
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", election.name, election.id);
    let body = election.body.name().text(lang.into());
    let _ = writeln!(
        out,
        "  {:<22}{body} ({})",
        lang.pick("Orgaan:", "Body:"),
        election.jurisdiction.name().text(lang.into())
    );
    if let Some(domain) = &election.domain {
        let code = domain
            .id
            .as_ref()
            .map(|id| format!(" ({id})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:<22}{}{code}",
            lang.pick("Gebied:", "Area:"),
            domain.name
        );
    }
    let _ = writeln!(
        out,
        "  {:<22}{}",
        lang.pick("Verkiezingsdag:", "Election day:"),
        election.election_date
    );
    if let Some(nomination) = election.nomination_date {
        let _ = writeln!(
            out,
            "  {:<22}{nomination}",
            lang.pick("Kandidaatstelling:", "Nomination day:")
        );
    }
    let _ = writeln!(
        out,
        "  {:<22}{}",
        lang.pick("Zetels:", "Seats:"),
        election.seats
    );
    if let Some(threshold) = election.preference_threshold_percent {
        let _ = writeln!(
            out,
            "  {:<22}{threshold}% {}",
            lang.pick("Voorkeurdrempel:", "Preference threshold:"),
            lang.pick("van de kiesdeler", "of the quota")
        );
    }
    let _ = writeln!(
        out,
        "  {:<22}{}",
        lang.pick("Kiesregels:", "Electoral law:"),
        election.law.name().text(lang.into())
    );
    let _ = writeln!(
        out,
        "  {:<22}{} {} {}",
        lang.pick("Geladen:", "Loaded:"),
        stored.imported_at,
        lang.pick("door", "by"),
        stored.imported_by
    );

    let _ = writeln!(
        out,
        "\n{}",
        lang.pick("Bestanden en hashcodes:", "Files and hash codes:")
    );
    for file in &stored.files {
        let _ = writeln!(
            out,
            "  {:<22}{} ({} bytes)",
            format!("{}:", role_name(lang, file.role)),
            file.name,
            file.size
        );
        let _ = writeln!(
            out,
            "    {}  ({})",
            file.hash_code,
            check_name(lang, file.hash_check)
        );
    }

    for contest in &election.contests {
        let title = match (&contest.name, election.contests.len()) {
            (Some(name), n) if n > 1 => {
                format!("{} {name}", lang.pick("Kieskring/district", "District"))
            }
            _ => lang.pick("Lijsten", "Lists").to_string(),
        };
        let seats = contest
            .seats
            .map(|s| format!(" — {s} {}", lang.pick("zetels", "seats")))
            .unwrap_or_default();
        let _ = writeln!(out, "\n{title}{seats}:");
        for list in &contest.lists {
            let name = if list.name.is_empty() {
                lang.pick("(zonder aanduiding)", "(no name)")
            } else {
                list.name.as_str()
            };
            let _ = writeln!(
                out,
                "  {} {}  {name} — {} {}",
                lang.pick("Lijst", "List"),
                list.number,
                list.candidates.len(),
                lang.pick("kandidaten", "candidates")
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
        "\n{} ({}):",
        lang.pick("Stembureaus", "Polling stations"),
        election.polling_stations.len()
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
            let _ = write!(line, " [{}]", kind.name().text(lang.into()));
        }
        if let Some(voters) = station.voters {
            let _ = write!(line, " — {voters} {}", lang.pick("kiezers", "voters"));
        }
        if let Some(contest) = &station.contest {
            let _ = write!(line, " ({contest})");
        }
        let _ = writeln!(out, "{line}");
    }
    if election.jurisdiction == Jurisdiction::Netherlands && election.polling_stations.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            lang.pick(
                "(nog geen: laad ze met --polling-stations, EML 110b)",
                "(none yet: load them with --polling-stations, EML 110b)"
            )
        );
    }
    out
}
