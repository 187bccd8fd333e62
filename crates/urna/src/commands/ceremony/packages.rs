//! `urna ceremony packages`: a signed package and a credential sheet per office, and each
//! office's client certificate for the central intake.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{Context, bail};
use chrono::Utc;
use messages::{Language, t};
use seal::ceremony::{Action, Ceremony, Common, Credential, PackageEntry, files};
use seal::lock::ElectionPublicKey;
use seal::package::Office;
use seal::signing::PublicKey;
use seal::stick::{self, Target};
use store::{Actor, Store};

use super::{CeremonyDir, OfficeEntry, create, election_ref, load_election, now, read_text};
use crate::hash_check::Prompt;

/// The offices of `election`: its polling stations by number, then the main office.
pub(crate) fn offices(election: &model::Election) -> Vec<Office> {
    let mut stations: Vec<&model::election::PollingStation> =
        election.polling_stations.iter().collect();
    stations.sort_by_key(|station| station.number.get());
    let place = election
        .domain
        .as_ref()
        .map(|domain| domain.name.clone())
        .unwrap_or_else(|| election.name.clone());
    stations
        .into_iter()
        .map(|station| Office::PollingStation {
            number: station.number.get(),
            name: station.name.clone(),
        })
        .chain(std::iter::once(Office::MainOffice {
            name: format!("Hoofdstembureau {place}"),
        }))
        .collect()
}

/// The files every package of `election` holds: the definition and the ballot layout.
fn common_files(
    election: &model::Election,
    election_key: ElectionPublicKey,
) -> anyhow::Result<Common> {
    let mut definition = serde_json::to_vec_pretty(election)?;
    definition.push(b'\n');
    let mut ballot = serde_json::to_vec_pretty(&model::ballot::BallotLayout::of(election))?;
    ballot.push(b'\n');
    Ok(Common {
        election: election_ref(election),
        files: BTreeMap::from([
            (files::ELECTION.to_string(), definition),
            (files::BALLOT.to_string(), ballot),
        ]),
        election_key,
    })
}

/// Where `urna ceremony packages` sends the credential sheets.
#[derive(Debug, Clone)]
pub enum SheetsTo {
    /// A new file.
    File(PathBuf),
    /// Standard output (e.g. piped to `lp`).
    Stdout,
}

/// `urna ceremony packages`: a signed package and a credential sheet per office. The
/// credentials are returned with the report only for the demo, which plays the chairs reading
/// their sheets; the command drops them at once.
pub fn packages(
    lang: Language,
    store: &Store,
    actor: &Actor,
    prompt: &mut dyn Prompt,
    election_id: &model::ElectionId,
    dir: &CeremonyDir,
    sheets: &SheetsTo,
) -> anyhow::Result<(String, Vec<Credential>)> {
    let election = load_election(lang, store, election_id)?;
    let ceremony = dir.ceremony(lang)?;
    if ceremony.record().election.id != election_id.as_str() {
        bail!(
            "{}",
            t!(
                lang,
                "cli-ceremony-other-election",
                folder = dir.0.display().to_string(),
                election = &ceremony.record().election.id
            )
        );
    }
    match ceremony {
        Ceremony::KeysMade(_) => {}
        Ceremony::Opened(_) => bail!(
            "{}",
            seal::ceremony::TransitionError::NoKeys.message().text(lang)
        ),
        Ceremony::PackagesMade(_) => bail!(
            "{}",
            seal::ceremony::TransitionError::PackagesAgain
                .message()
                .text(lang)
        ),
    }
    if let SheetsTo::File(path) = sheets
        && path.exists()
    {
        bail!(
            "{}",
            t!(
                lang,
                "cli-ceremony-sheets-exist",
                file = path.display().to_string()
            )
        );
    }
    if dir.packages().exists() {
        bail!(
            "{}",
            t!(
                lang,
                "cli-ceremony-exists",
                file = dir.packages().display().to_string()
            )
        );
    }
    let authority = dir.unlock_authority(lang, prompt)?;
    let election_key: ElectionPublicKey = read_text(&dir.election_pub())?
        .parse()
        .with_context(|| dir.election_pub().display().to_string())?;
    let common = common_files(&election, election_key)?;
    let created = now();
    // Each office's client certificate for the central intake over TLS, bound to the key made
    // for it here. The issuing authority lives only for this step: its key is dropped once the
    // certificates are issued, so no later certificate can be made for anyone; its hash code
    // goes into the signed record.
    // The certificate's name is read by machines and administrators: not translated.
    let intake_ca =
        tls::CertificateAuthority::generate(&format!("Urna {} offices", common.election.id))?;
    let certify = |office: &Office, key: &PublicKey| {
        intake_ca
            .issue_client(
                &format!("{}/{}", common.election.id, office.code()),
                &key.to_bytes(),
            )
            .map(|pem| BTreeMap::from([(files::INTAKE_CERTIFICATE.to_string(), pem.into_bytes())]))
            .map_err(|e| e.to_string())
    };
    // Streamed: each package is written as soon as it is made and then dropped, so that 6,000
    // packages never sit in memory together. They go into a staging folder that takes its
    // final name only once the credential sheets are written: without the sheets the packages
    // cannot be used. A staging folder left by an interrupted run holds packages nothing
    // recorded, whose passwords were never printed: it is removed.
    let staging = dir.packages().with_extension("partial");
    if staging.exists() {
        std::fs::remove_dir_all(&staging).with_context(|| staging.display().to_string())?;
    }
    let mut credentials: Vec<Credential> = Vec::new();
    let mut entries = Vec::new();
    let mut office_entries = Vec::new();
    let mut total: u64 = 0;
    seal::ceremony::prepare_offices_streaming(
        &common,
        offices(&election),
        &authority,
        &created,
        &certify,
        |office| -> anyhow::Result<()> {
            let code = office.credential.office.code();
            let target = Target::Directory(staging.join(code.to_string()));
            stick::write(&target, &office.package.entries(), &mut |_, _| {})?;
            total += office.package.size();
            entries.push(PackageEntry {
                office: code,
                fingerprint: office.package.fingerprint().to_hex(),
                office_key: office.office_key.fingerprint().to_hex(),
            });
            office_entries.push(OfficeEntry {
                code,
                office: office.credential.office.clone(),
                login: office.credential.login.clone(),
                public_key: office.office_key,
                package: office.package.fingerprint().to_hex(),
            });
            credentials.push(office.credential);
            Ok(())
        },
    )?;
    let intake_ca_pem = intake_ca.certificate_pem().to_string();
    let intake_ca_hash = intake_ca.hash_code().to_hex();
    drop(intake_ca);

    // The sheets, then the packages under their name.
    let pdf = report::credential_sheets(&election, &credentials, Utc::now())?;
    match sheets {
        SheetsTo::File(path) => create(path, &pdf)?,
        SheetsTo::Stdout => std::io::stdout().lock().write_all(&pdf)?,
    }
    std::fs::rename(&staging, dir.packages())
        .with_context(|| dir.packages().display().to_string())?;

    create(&dir.offices(), &serde_json::to_vec_pretty(&office_entries)?)?;
    create(&dir.intake_ca(), intake_ca_pem.as_bytes())?;
    dir.record_step(
        ceremony,
        &authority,
        Some(store),
        actor,
        Action::PackagesMade {
            packages: entries,
            intake_ca: Some(intake_ca_hash),
        },
    )?;

    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "cli-ceremony-packages-made",
            packages = office_entries.len(),
            bytes = total
        )
    );
    for entry in &office_entries {
        let _ = writeln!(out, "  {:<6}{}", entry.code, entry.package);
    }
    if let SheetsTo::File(path) = sheets {
        let _ = writeln!(
            out,
            "{}",
            t!(
                lang,
                "cli-ceremony-sheets",
                file = path.display().to_string()
            )
        );
    }
    Ok((out, credentials))
}
