//! The central authority's publication and anyone's check of it:
//!
//! - `urna central register`: an election the centre expects a result for, from its ceremony
//!   folder and where it lies (`central::registry`);
//! - `urna publish export DIR`: a new signed snapshot when anything changed, and the site with
//!   its feed written to DIR as static files (`central::publication`);
//! - `urna publish serve DIR`: those files over HTTP, with ETags, caching and live updates;
//! - `urna verify FEED`: the independent check of a feed (`publish::verify`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use central::CentralDir;
use central::registry::{CeremonyFiles, PlaceArgs};
use messages::{Language, t};
use store::{Actor, Store};

use super::ceremony::{CeremonyDir, read, read_target};
use crate::hash_check::Prompt;

/// A central refusal as an error in the chosen language.
fn refused<T>(lang: Language, outcome: Result<T, central::CentralError>) -> anyhow::Result<T> {
    outcome.map_err(|e| anyhow::anyhow!(e.message(lang)))
}

/// What the centre takes from a ceremony folder.
fn ceremony_files(dir: &CeremonyDir) -> anyhow::Result<CeremonyFiles> {
    let main_office = match std::fs::read_dir(dir.packages()) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("HSB"))
            })
            .map(|folder| read_target(&folder).map(|files| (folder, files)))
            .transpose()?,
        Err(_) => None,
    };
    Ok(CeremonyFiles {
        folder: dir.root().to_path_buf(),
        authority: read(&dir.authority_pub())?,
        record: read(&dir.record())?,
        record_signature: read(&dir.record_signature())?,
        offices: read(&dir.offices())?,
        main_office,
        intake_ca: std::fs::read(dir.intake_ca()).ok(),
    })
}

/// `urna central register`: checks the ceremony's signed record and copies what the feed needs.
pub fn register(
    lang: Language,
    store: &Store,
    actor: &Actor,
    central: &CentralDir,
    ceremony: &Path,
    place: &PlaceArgs,
) -> anyhow::Result<String> {
    let files = ceremony_files(&CeremonyDir::new(ceremony))?;
    let registration = refused(
        lang,
        central::registry::register(central, &files, place, store, actor),
    )?;
    Ok(format!(
        "{}\n",
        t!(
            lang,
            "cli-publish-registered",
            election = &registration.election,
            municipality = &registration.place.municipality.name,
            province = registration
                .place
                .province
                .as_ref()
                .map_or("–", |p| p.name.as_str()),
            stations = registration.expected_polling_stations
        )
    ))
}

/// What `urna publish export` works on.
#[derive(Debug, Clone)]
pub struct ExportArgs {
    /// The central authority's folder.
    pub central: PathBuf,
    /// Where the site and feed go.
    pub out: PathBuf,
    /// The round's code (first export only).
    pub round: Option<String>,
    /// The round's name (first export only).
    pub name: Option<String>,
}

/// `urna publish export`.
pub fn export(
    lang: Language,
    store: &Store,
    actor: &Actor,
    prompt: &mut dyn Prompt,
    args: &ExportArgs,
) -> anyhow::Result<String> {
    let central = CentralDir::new(&args.central);
    let round = match (&args.round, &args.name) {
        (Some(round), Some(name)) => Some(central::publication::Round {
            round: round.clone(),
            name: name.clone(),
        }),
        _ => None,
    };
    let exported = refused(
        lang,
        central::publication::export(
            &central,
            &args.out,
            round,
            || super::central::unlock_publication(lang, prompt, &central),
            (store, actor),
        ),
    )?;
    let mut out = String::new();
    let snapshot = &exported.snapshot;
    if exported.new_version {
        writeln!(
            out,
            "{}",
            t!(
                lang,
                "cli-publish-new-version",
                version = snapshot.version,
                municipalities_in = snapshot.progress.municipalities_in,
                municipalities_expected = snapshot.progress.municipalities_expected
            )
        )?;
    } else {
        writeln!(out, "{}", t!(lang, "cli-publish-nothing-new"))?;
    }
    writeln!(
        out,
        "{}",
        t!(
            lang,
            "cli-publish-site-written",
            dir = args.out.display().to_string(),
            files = exported.files
        )
    )?;
    Ok(out)
}

/// `urna publish serve DIR`: until Ctrl-C.
pub fn serve(lang: Language, dir: &Path, listen: std::net::SocketAddr) -> anyhow::Result<()> {
    let site = web::publication::Site::load(dir).with_context(|| dir.display().to_string())?;
    if site.is_empty() {
        bail!(
            "{}",
            t!(lang, "cli-publish-empty", dir = dir.display().to_string())
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| listen.to_string())?;
        // Which software serves the results (the site has no log of its own: the operator's
        // console keeps it).
        console!(
            "{}",
            t!(
                lang,
                "cli-publish-software",
                version = env!("CARGO_PKG_VERSION"),
                commit = super::version::SOURCE_COMMIT,
                hash = super::version::executable_hash()?.to_string()
            )
        );
        console!(
            "urna publish serve: {}",
            t!(
                lang,
                "cli-publish-serving",
                address = listener.local_addr()?.to_string(),
                files = site.len(),
                version = site.version()
            )
        );
        let publication = web::publication::Publication::new(site);
        let _watch = publication.watch(dir.to_path_buf(), std::time::Duration::from_secs(1));
        web::publication::serve(listener, publication, super::serve::shutdown_signal()).await?;
        anyhow::Ok(())
    })
}

/// `urna verify FEED`: a folder (the export's `feed/`, or the whole export).
pub fn verify(
    lang: Language,
    feed: &Path,
    expectations: &publish::verify::Expectations,
) -> anyhow::Result<(String, bool)> {
    // An export folder (the site with its feed in `feed/`), or a feed downloaded alone.
    let feed_only = !feed.join("feed").join("snapshot.json").exists();
    let prefix = if feed_only { "/feed/" } else { "/" };
    let files = bounded::walk(feed, web::publication::SITE_LIMITS)?
        .into_iter()
        .map(|(path, bytes)| (format!("{prefix}{path}"), bytes))
        .collect();
    let report = publish::verify::verify_export(files, feed_only, expectations);
    let mut out = String::new();
    for (prefix, lines) in [
        (t!(lang, "cli-verify-ok"), &report.passed),
        (t!(lang, "cli-verify-discrepancy"), &report.discrepancies),
    ] {
        for line in lines {
            writeln!(out, "{prefix} {}", line.text(lang))?;
        }
    }
    writeln!(
        out,
        "{}",
        if report.sound() {
            t!(lang, "cli-verify-sound")
        } else {
            t!(
                lang,
                "cli-verify-discrepancies",
                count = report.discrepancies.len()
            )
        }
    )?;
    Ok((out, report.sound()))
}
