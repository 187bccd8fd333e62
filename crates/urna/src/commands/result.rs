//! `urna result show|export`: the result of an election from its definitive counts — totals,
//! seats and elected candidates (Kieswet chapter P or the Flemish rules) — and the count's files.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use store::{Actor, Store};
use web::service::Service;

use crate::cli::Lang;

/// A service refusal as an error in the chosen language.
pub fn refused<T>(lang: Lang, outcome: Result<T, web::service::ServiceError>) -> anyhow::Result<T> {
    outcome.map_err(|e| match lang {
        Lang::Nl => anyhow::anyhow!(e.message_nl()),
        Lang::En => anyhow::anyhow!(e),
    })
}

/// Totals, seats and elected candidates, as text.
pub fn show(lang: Lang, service: &Service, election_id: &str) -> anyhow::Result<String> {
    let election = service.election(election_id)?;
    let summary = service
        .result_summary(election_id)
        .map_err(|e| match lang {
            Lang::Nl => anyhow::anyhow!(e.message_nl()),
            Lang::En => anyhow::anyhow!(e),
        })?;
    let totals = &summary.totals;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} {}, {} {}, {} {}, {} {}, {} {}",
        election.name,
        totals.admitted_voters,
        lang.pick("toegelaten kiezers", "admitted voters"),
        totals.valid,
        lang.pick("stemmen op kandidaten", "votes for candidates"),
        totals.blank,
        lang.pick("blanco", "blank"),
        totals.invalid,
        lang.pick("ongeldig", "invalid"),
        totals.polling_stations.len(),
        lang.pick("stembureaus", "polling stations"),
    );
    if let Some(lot) = &summary.lot {
        let options: Vec<String> = lot.options.iter().map(ToString::to_string).collect();
        let _ = writeln!(
            out,
            "{} ({}): {}\n  {} {}; {}: urna result lot {election_id} --lot {} --order {}",
            lang.pick(
                "Er moet eerst geloot worden",
                "A drawing of lots is needed first"
            ),
            lot.article,
            lot.description,
            lang.pick("tussen", "between"),
            options.join(", "),
            lang.pick("leg de uitkomst vast met", "record the outcome with"),
            lot.id,
            options.join(","),
        );
    }
    for list in &summary.lists {
        let seats = if list.seats == 1 {
            lang.pick("zetel", "seat")
        } else {
            lang.pick("zetels", "seats")
        };
        let _ = write!(
            out,
            "{} {} {}: {} {}, {} {seats}",
            lang.pick("Lijst", "List"),
            list.number,
            list.name,
            list.votes,
            lang.pick("stemmen", "votes"),
            list.seats,
        );
        if list.elected.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, " — {}", list.elected.join(", "));
        }
    }
    Ok(out)
}

/// Imports a 510b as the definitive counts; returns what to print.
pub fn import_count(
    lang: Lang,
    store: &Arc<Store>,
    actor: &Actor,
    election_id: &str,
    file: &Path,
) -> anyhow::Result<String> {
    let bytes = std::fs::read(file).with_context(|| file.display().to_string())?;
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let service = Service::new(store.clone());
    let imported = refused(
        lang,
        service.import_count(actor, election_id, &name, &bytes),
    )?;
    Ok(format!(
        "{imported} {} {name} ({} {})\n",
        lang.pick(
            "stembureaus ingelezen uit",
            "polling stations imported from"
        ),
        lang.pick("hashcode", "hash code"),
        seal::HashCode::of(&bytes)
    ))
}

/// Writes the exchange files (generated once, then as stored) into `dir`: the count's EML 510b
/// and OSV4-3 table, and once the result is determined its EML 510d and 520 (Flanders: the result
/// file). Returns what it wrote.
pub fn export(
    lang: Lang,
    store: &Arc<Store>,
    actor: &Actor,
    election_id: &str,
    dir: &Path,
) -> anyhow::Result<String> {
    let service = Service::new(store.clone());
    let election = service.election(election_id)?;
    let files = if election.jurisdiction == model::Jurisdiction::Flanders {
        refused(lang, service.result_documents(actor, election_id))?
    } else {
        match service.result_documents(actor, election_id) {
            Ok(files) => files,
            // A drawing of lots pending: the count's files can be made already.
            Err(_) => refused(lang, service.count_files(actor, election_id))?,
        }
    };
    let files: Vec<store::ResultFile> = files
        .into_iter()
        .filter(|f| !f.kind.starts_with("pdf-"))
        .collect();
    write_files(lang, dir, &files)
}

/// Writes the official reports (generated once, then as stored) into `dir`, and with `forms`
/// the empty count form of every polling station into `dir/N10-2`. Returns what it wrote.
pub fn report(
    lang: Lang,
    store: &Arc<Store>,
    actor: &Actor,
    election_id: &str,
    dir: &Path,
    forms: bool,
) -> anyhow::Result<String> {
    let service = Service::new(store.clone());
    let files: Vec<store::ResultFile> =
        refused(lang, service.result_documents(actor, election_id))?
            .into_iter()
            .filter(|f| f.kind.starts_with("pdf-"))
            .collect();
    let mut out = write_files(lang, dir, &files)?;
    if forms {
        let election = service.election(election_id)?;
        let forms_dir = dir.join("N10-2");
        std::fs::create_dir_all(&forms_dir).with_context(|| forms_dir.display().to_string())?;
        for station in &election.polling_stations {
            let pdf = refused(
                lang,
                service.empty_count_form(election_id, &station.number.to_string()),
            )?;
            let path = forms_dir.join(format!(
                "Model_N10-2_{election_id}_SB{}.pdf",
                station.number
            ));
            std::fs::write(&path, pdf).with_context(|| path.display().to_string())?;
        }
        let _ = writeln!(
            out,
            "{} {} {}",
            election.polling_stations.len(),
            lang.pick(
                "lege processen-verbaal N 10-2 in",
                "empty N 10-2 count forms in"
            ),
            forms_dir.display()
        );
    }
    Ok(out)
}

fn write_files(lang: Lang, dir: &Path, files: &[store::ResultFile]) -> anyhow::Result<String> {
    std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    let mut out = String::new();
    for file in files {
        let path = dir.join(&file.name);
        std::fs::write(&path, &file.bytes).with_context(|| path.display().to_string())?;
        let _ = writeln!(
            out,
            "{}  {}  ({} {})",
            file.hash_code,
            path.display(),
            lang.pick("gemaakt", "made"),
            file.created_at
        );
    }
    Ok(out)
}

/// What `urna result seal` works on.
#[derive(Debug, Clone)]
pub struct Seal {
    /// The election.
    pub election: String,
    /// The main office's package from the ceremony (its key, locked to its credential sheet).
    pub package: std::path::PathBuf,
    /// The ceremony authority's public key, to check the package first.
    pub authority_key: std::path::PathBuf,
    /// The central authority's key to seal to (central-transmission.pub).
    pub seal_for: std::path::PathBuf,
    /// The sealed file to write.
    pub sealed: std::path::PathBuf,
}

/// `urna result seal`: a Dutch municipality's result package for the central authority — the
/// count (EML 510b, OSV4-3), the central committee's 510d and 520, the official reports (PDF),
/// and the election definition the ceremony signed — signed with the main office's key from the
/// ceremony (the password of its credential sheet) and sealed to the central authority. The
/// result must be determined (every count definitive, any drawing of lots recorded): what is
/// sent is what the reports say.
pub fn seal(
    lang: Lang,
    store: &Arc<Store>,
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
        anyhow::bail!(
            "{}: {}",
            args.package.display(),
            lang.pick(
                "dit is niet het pakket van het hoofdstembureau",
                "this is not the main office's package"
            )
        );
    }
    let service = Service::new(store.clone());
    let files: std::collections::BTreeMap<String, Vec<u8>> =
        refused(lang, service.result_documents(actor, &args.election))?
            .into_iter()
            .map(|file| (file.name, file.bytes))
            .collect();
    let names: Vec<String> = files.keys().cloned().collect();
    let (sealed, hash_code) = super::central::seal_main_office_result(
        lang,
        prompt,
        &package,
        &args.seal_for,
        files,
        &args.sealed,
    )?;
    store.log_event(
        actor,
        "result.sealed",
        serde_json::json!({
            "election": args.election,
            "files": names,
            "sealed": hash_code.to_hex(),
        }),
    )?;
    let mut out = format!("{}\n", lang.pick("In het pakket:", "In the package:"));
    for name in &names {
        let _ = writeln!(out, "  {name}");
    }
    out.push_str(&sealed);
    Ok(out)
}
