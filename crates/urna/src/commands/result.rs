//! `urna result …`: the result of an election from its definitive counts — totals, seats and
//! elected candidates per contest, as the office's one determination gives them — its files,
//! the decisions it takes as given, and the result package sealed for the central authority.
//! The operations are the office's (`office`); this only prints and writes files.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;
use messages::{Language, t};
use model::ElectionId;
use office::{Office, OfficeError};
use store::{Actor, AuditAction};

/// An office refusal as an error in the chosen language.
pub fn refused<T>(lang: Language, outcome: Result<T, OfficeError>) -> anyhow::Result<T> {
    outcome.map_err(|e| anyhow::anyhow!(e.message(lang)))
}

/// Totals, seats and elected candidates of every contest, as text.
pub fn show(lang: Language, office: &Office, election: &ElectionId) -> anyhow::Result<String> {
    let view = refused(lang, office.result(election))?;
    let several = view.summary.contests.len() > 1;
    let mut out = String::new();
    for contest in &view.summary.contests {
        let name = match (&contest.name, several) {
            (Some(name), true) => format!("{} — {name}", view.election.name),
            _ => view.election.name.clone(),
        };
        let _ = writeln!(
            out,
            "{}",
            t!(
                lang,
                "cli-result-totals",
                name = name,
                admitted = contest.admitted_voters,
                valid = contest.valid,
                blank = contest.blank,
                invalid = contest.invalid,
                stations = contest.polling_stations
            )
        );
        for list in &contest.lists {
            let _ = write!(
                out,
                "{}",
                t!(
                    lang,
                    "cli-result-list",
                    number = list.number,
                    name = &list.name,
                    votes = list.votes,
                    seats = list.seats
                )
            );
            if list.elected.is_empty() {
                out.push('\n');
            } else {
                let names: Vec<&str> = list.elected.iter().map(|e| e.name.as_str()).collect();
                let _ = writeln!(out, " — {}", names.join(", "));
            }
        }
    }
    for (_, lot) in view.pending_lots() {
        let options: Vec<String> = lot.options.iter().map(ToString::to_string).collect();
        let _ = writeln!(
            out,
            "{}",
            t!(
                lang,
                "cli-result-lot-needed",
                article = &lot.article,
                description = &lot.description,
                options = options.join(", "),
                election = election.as_str(),
                lot = &lot.id,
                order = options.join(",")
            )
        );
    }
    Ok(out)
}

/// A count file (EML 510b) as read from outside, within the size limit, with the name it is
/// known by.
fn read_count_file(file: &Path) -> anyhow::Result<(String, Vec<u8>)> {
    let bytes = bounded::read(file, eml::MAX_FILE_BYTES)?;
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok((name, bytes))
}

/// Imports a 510b as the definitive counts; returns what to print.
pub fn import_count(
    lang: Language,
    office: &Office,
    actor: &Actor,
    election: &ElectionId,
    file: &Path,
) -> anyhow::Result<String> {
    let (name, bytes) = read_count_file(file)?;
    let imported = refused(lang, office.import_count(actor, election, &name, &bytes))?;
    Ok(format!(
        "{}\n",
        t!(
            lang,
            "cli-result-imported",
            count = imported,
            file = name,
            hash = seal::HashCode::of(&bytes).to_string()
        )
    ))
}

/// Takes in a municipality's 510b as its first entry at the central committee; returns what to
/// print.
pub fn import_municipality(
    lang: Language,
    office: &Office,
    actor: &Actor,
    election: &ElectionId,
    file: &Path,
) -> anyhow::Result<String> {
    let (name, bytes) = read_count_file(file)?;
    let intake = refused(
        lang,
        office.import_municipality(actor, election, &name, &bytes),
    )?;
    Ok(format!(
        "{}\n",
        t!(
            lang,
            "cli-result-municipality-imported",
            municipality = &intake.name,
            code = &intake.code,
            unit = intake.unit.get(),
            file = &name,
            hash = seal::HashCode::of(&bytes).to_string()
        )
    ))
}

/// Writes the exchange files (made once, then as stored) into `dir`: the count's EML 510b and
/// OSV4-3 table, and once the result is determined its EML 510d and 520 and decisions.json
/// (Flanders: the result file). Returns what it wrote.
pub fn export(
    lang: Language,
    office: &Office,
    actor: &Actor,
    election: &ElectionId,
    dir: &Path,
) -> anyhow::Result<String> {
    let flemish =
        refused(lang, office.election(election))?.jurisdiction == model::Jurisdiction::Flanders;
    let files = if flemish {
        refused(lang, office.result_documents(actor, election))?
    } else {
        match office.result_documents(actor, election) {
            Ok(files) => files,
            // A drawing of lots pending: the count's files can be made already.
            Err(office::OfficeError::Refused(office::Refusal::LotFirst)) => {
                refused(lang, office.count_files(actor, election))?
            }
            Err(error) => refused(lang, Err(error))?,
        }
    };
    let files: Vec<store::ResultFile> = files
        .into_iter()
        .filter(|f| !f.kind.starts_with("pdf-"))
        .collect();
    write_files(lang, dir, &files)
}

/// Writes the official reports (made once, then as stored) into `dir`, and with `forms` the
/// empty count form of every polling station into `dir/N10-2` (`dir/N10-1` under decentralised
/// counting). Returns what it wrote.
pub fn report(
    lang: Language,
    office: &Office,
    actor: &Actor,
    election: &ElectionId,
    dir: &Path,
    forms: bool,
) -> anyhow::Result<String> {
    let files: Vec<store::ResultFile> = refused(lang, office.result_documents(actor, election))?
        .into_iter()
        .filter(|f| f.kind.starts_with("pdf-"))
        .collect();
    let mut out = write_files(lang, dir, &files)?;
    if forms {
        let loaded = refused(lang, office.election(election))?;
        let forms_dir = dir.join(refused(lang, office.count_form_model(election))?);
        std::fs::create_dir_all(&forms_dir).with_context(|| forms_dir.display().to_string())?;
        for station in &loaded.polling_stations {
            let (name, pdf) = refused(lang, office.empty_count_form(election, station.number))?;
            let path = forms_dir.join(name);
            std::fs::write(&path, pdf).with_context(|| path.display().to_string())?;
        }
        let _ = writeln!(
            out,
            "{}",
            t!(
                lang,
                "cli-result-empty-forms",
                count = loaded.polling_stations.len(),
                dir = forms_dir.display().to_string()
            )
        );
    }
    Ok(out)
}

fn write_files(lang: Language, dir: &Path, files: &[store::ResultFile]) -> anyhow::Result<String> {
    std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    let mut out = String::new();
    for file in files {
        let path = dir.join(&file.name);
        std::fs::write(&path, &file.bytes).with_context(|| path.display().to_string())?;
        let _ = writeln!(
            out,
            "{}",
            t!(
                lang,
                "cli-result-file-written",
                hash = file.hash_code.to_string(),
                path = path.display().to_string(),
                at = &file.created_at
            )
        );
    }
    Ok(out)
}

/// What `urna result seal` works on.
#[derive(Debug, Clone)]
pub struct Seal {
    /// The election.
    pub election: ElectionId,
    /// The main office's package from the ceremony (its key, locked to its credential sheet).
    pub package: std::path::PathBuf,
    /// The ceremony authority's public key, to check the package first.
    pub authority_key: std::path::PathBuf,
    /// The central authority's key to seal to (central-transmission.pub).
    pub seal_for: std::path::PathBuf,
    /// The sealed file to write.
    pub sealed: std::path::PathBuf,
}

/// `urna result seal`: a municipality's result package for the central authority — the
/// result's files (the count, the central committee's files, the official reports,
/// decisions.json) and the election definition the ceremony signed — signed with the main
/// office's key from the ceremony (the password of its credential sheet) and sealed to the
/// central authority. The result must be determined: what is sent is what the reports say.
pub fn seal(
    lang: Language,
    office: &Office,
    actor: &Actor,
    prompt: &mut dyn crate::hash_check::Prompt,
    args: &Seal,
) -> anyhow::Result<String> {
    let authority = super::ceremony::read_public_key(&args.authority_key)?;
    let package = super::ceremony::read_target(&args.package)?;
    let verified = seal::package::verify(
        &package,
        &authority,
        &seal::package::Expected {
            election: Some(args.election.clone()),
            office: None,
        },
    )
    .map_err(|problems| {
        anyhow::anyhow!(
            "{}:\n{}",
            args.package.display(),
            super::ceremony::problems_text(lang, &problems).trim_end()
        )
    })?;
    if !matches!(
        verified.manifest.office,
        seal::package::Office::MainOffice { .. }
    ) {
        let refusal = OfficeError::from(office::Refusal::NotMainOffice);
        anyhow::bail!("{}: {}", args.package.display(), refusal.message(lang));
    }
    let files = refused(lang, office.result_package_files(actor, &args.election))?;
    let names: Vec<String> = files.keys().cloned().collect();
    let (sealed, hash_code) = super::central::seal_main_office_result(
        lang,
        prompt,
        &package,
        &args.seal_for,
        files,
        &args.sealed,
    )?;
    office.store().log_event(
        actor,
        AuditAction::ResultSealed,
        serde_json::json!({
            "election": args.election.as_str(),
            "files": names,
            "sealed": hash_code.to_hex(),
        }),
    )?;
    let mut out = format!("{}\n", t!(lang, "cli-result-in-package"));
    for name in &names {
        let _ = writeln!(out, "  {name}");
    }
    out.push_str(&sealed);
    Ok(out)
}
