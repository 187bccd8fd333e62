//! The central authority's publication and anyone's check of it:
//!
//! - `urna central register`: an election the centre expects a result for, from its ceremony
//!   folder (the signed record, the offices' keys) and where it lies.
//! - `urna publish export DIR`: a new signed snapshot from what was received (when anything
//!   changed), and the site with its feed written to DIR as static files.
//! - `urna publish serve DIR`: those files over HTTP, with ETags, caching and live updates.
//! - `urna verify FEED`: the independent check of a feed.
//!
//! ```text
//! CENTRAL/elections/<id>/registration.json, ceremony/{authority.pub, record.json, record.sig,
//!     offices.json, main-office-manifest.json}
//! CENTRAL/publication/round.json, v<n>.json, v<n>.sig
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use publish::feed::{CeremonyTrust, FeedInput, ceremony_files};
use publish::snapshot::{self, Header};
use publish::{Arrival, Place, Registration, SourceMeta};
use seal::HashCode;
use seal::signing::{PublicKey, Signature};
use serde::{Deserialize, Serialize};
use store::{Actor, AuditAction, Store};

use super::central::CentralDir;
use super::ceremony::{CeremonyDir, create, read, read_public_key, read_target};
use crate::cli::Lang;
use crate::hash_check::Prompt;

/// Where an election lies, when the tree of regions does not know it (Flanders).
#[derive(Debug, Clone, Default)]
pub struct PlaceArgs {
    /// The province's name.
    pub province: Option<String>,
    /// The provincial district's name.
    pub district: Option<String>,
}

/// `urna central register`: checks the ceremony's signed record and copies what the feed needs.
pub fn register(
    lang: Lang,
    store: &Store,
    actor: &Actor,
    central: &CentralDir,
    ceremony: &Path,
    place: &PlaceArgs,
) -> anyhow::Result<String> {
    let dir = CeremonyDir::new(ceremony);
    let authority_text = read(&dir.authority_pub())?;
    let authority: PublicKey = read_public_key(&dir.authority_pub())?;
    let record_bytes = read(&dir.record())?;
    let record_signature = read(&dir.record_signature())?;
    let checked = seal::ceremony::verify_record(
        &record_bytes,
        String::from_utf8_lossy(&record_signature).trim(),
        &authority,
    )
    .with_context(|| dir.record().display().to_string())?;
    let record = checked.record();
    let packages = record.packages();
    if !packages.iter().any(|p| p.office == "HSB") {
        bail!(
            "{}: {}",
            dir.record().display(),
            lang.pick(
                "de ceremonie heeft (nog) geen pakket voor het hoofdstembureau gemaakt",
                "the ceremony made no package for the main office (yet)"
            )
        );
    }
    let offices = read(&dir.offices())?;
    // The definition, from the main office's package, says where the election is held.
    let main_office = std::fs::read_dir(dir.packages())
        .with_context(|| dir.packages().display().to_string())?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("HSB"))
        })
        .context(lang.pick(
            "geen pakket van het hoofdstembureau in de ceremoniemap",
            "no main-office package in the ceremony folder",
        ))?;
    // That package must be the one the signed record names, and its definition the one its
    // manifest lists: the definition every result of this election is then read against.
    let manifest_path = main_office.join(seal::package::MANIFEST);
    let manifest_bytes = read(&manifest_path)?;
    let named = packages
        .iter()
        .find(|p| p.office == "HSB")
        .map(|p| p.fingerprint.as_str());
    if Some(HashCode::of(&manifest_bytes).to_hex().as_str()) != named {
        bail!(
            "{}: {}",
            manifest_path.display(),
            lang.pick(
                "is niet het manifest van het pakket van het hoofdstembureau dat het ondertekende verslag noemt",
                "is not the manifest of the main office's package the signed record names"
            )
        );
    }
    let definition_path = main_office.join(seal::ceremony::files::ELECTION);
    let definition_bytes = read(&definition_path)?;
    let definition = HashCode::of(&definition_bytes).to_hex();
    let listed = serde_json::from_slice::<seal::package::Manifest>(&manifest_bytes)
        .with_context(|| manifest_path.display().to_string())?
        .files
        .into_iter()
        .any(|f| f.path == seal::ceremony::files::ELECTION && f.sha256 == definition);
    if !listed {
        bail!(
            "{}: {}",
            definition_path.display(),
            lang.pick(
                "is niet de definitie die het manifest van het pakket noemt",
                "is not the definition the package's manifest lists"
            )
        );
    }
    let election: model::Election = serde_json::from_slice(&definition_bytes)
        .with_context(|| definition_path.display().to_string())?;
    let domain = election.domain.clone().context(lang.pick(
        "de verkiezing heeft geen gebied (gemeente)",
        "the election has no area (municipality)",
    ))?;
    let code = domain
        .id
        .as_ref()
        .map(|id| id.as_str().to_string())
        .unwrap_or_default();
    let known = publish::geography::dutch_municipalities().remove(&code);
    let named = |name: &Option<String>| {
        name.as_ref().map(|n| publish::Area {
            code: n.clone(),
            name: n.clone(),
        })
    };
    let place = match known {
        Some(known)
            if election.jurisdiction == model::Jurisdiction::Netherlands
                && place.province.is_none() =>
        {
            known
        }
        _ => Place {
            municipality: publish::Area {
                code: if code.is_empty() {
                    domain.name.clone()
                } else {
                    code
                },
                name: domain.name.clone(),
            },
            district: named(&place.district),
            province: named(&place.province),
        },
    };
    let registration = Registration {
        election: record.election.id.clone(),
        name: record.election.name.clone(),
        place,
        office: "HSB".into(),
        expected_polling_stations: packages
            .iter()
            .filter(|p| p.office.starts_with("SB"))
            .count() as u32,
        definition,
    };
    let root = central.elections().join(&registration.election);
    if root.exists() {
        bail!(
            "{}: {}",
            root.display(),
            lang.pick(
                "al geregistreerd; er is niets veranderd",
                "registered already; nothing was changed"
            )
        );
    }
    create(
        &root.join("registration.json"),
        &seal::pretty_json(&registration),
    )?;
    for (name, bytes) in [
        (ceremony_files::AUTHORITY, &authority_text),
        (ceremony_files::RECORD, &record_bytes),
        (ceremony_files::RECORD_SIGNATURE, &record_signature),
        (ceremony_files::OFFICES, &offices),
        (ceremony_files::MAIN_OFFICE_MANIFEST, &manifest_bytes),
    ] {
        create(&root.join("ceremony").join(name), bytes)?;
    }
    // The authority that issued the offices' intake certificates, as the signed record names
    // it: what `urna central serve` trusts for this election's connections.
    if let Some(expected) = record.intake_ca() {
        let pem = read(&dir.intake_ca())?;
        let found = tls::certificate_hash_code(&String::from_utf8_lossy(&pem));
        if found.map(|h| h.to_hex()).as_deref() != Some(expected) {
            bail!(
                "{}: {}",
                dir.intake_ca().display(),
                lang.pick(
                    "is niet de certificaatautoriteit die het ondertekende verslag noemt",
                    "is not the certificate authority the signed record names"
                )
            );
        }
        create(&root.join("ceremony").join(web::intake::INTAKE_CA), &pem)?;
    }
    store.log_event(
        actor,
        AuditAction::CentralRegistered,
        serde_json::json!({
            "election": registration.election,
            "authority": authority.fingerprint().to_hex(),
            "polling_stations": registration.expected_polling_stations,
        }),
    )?;
    Ok(format!(
        "{} {} ({}, {}: {}; {} {})\n",
        lang.pick("geregistreerd:", "registered:"),
        registration.election,
        registration.place.municipality.name,
        lang.pick("provincie", "province"),
        registration
            .place
            .province
            .as_ref()
            .map_or("–", |p| p.name.as_str()),
        registration.expected_polling_stations,
        lang.pick("stembureaus", "polling stations")
    ))
}

/// Every registered election with its ceremony's trust files, in the order of their folders.
pub(crate) fn registrations(
    central: &CentralDir,
) -> anyhow::Result<Vec<(Registration, CeremonyTrust)>> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(central.elections()) else {
        return Ok(out);
    };
    let mut folders: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    folders.sort();
    for folder in folders {
        let registration = read_registration(&folder)?;
        let ceremony = folder.join("ceremony");
        out.push((
            registration,
            CeremonyTrust {
                authority: read(&ceremony.join(ceremony_files::AUTHORITY))?,
                record: read(&ceremony.join(ceremony_files::RECORD))?,
                record_signature: read(&ceremony.join(ceremony_files::RECORD_SIGNATURE))?,
                offices: read(&ceremony.join(ceremony_files::OFFICES))?,
                main_office_manifest: read(&ceremony.join(ceremony_files::MAIN_OFFICE_MANIFEST))?,
            },
        ));
    }
    Ok(out)
}

/// The registration in an election's folder under `CENTRAL/elections/`.
fn read_registration(folder: &Path) -> anyhow::Result<Registration> {
    let path = folder.join("registration.json");
    serde_json::from_slice(&read(&path)?).with_context(|| path.display().to_string())
}

/// The SHA-256 of the definition `election`'s ceremony signed, once it is registered.
pub(crate) fn registered_definition(
    central: &CentralDir,
    election: &str,
) -> anyhow::Result<Option<String>> {
    let folder = central.elections().join(election);
    if !folder.is_dir() {
        return Ok(None);
    }
    Ok(Some(read_registration(&folder)?.definition))
}

/// The first version of each registered office's result: the one published until a reviewer
/// accepts a later one (later versions are counted, not published).
fn arrivals(central: &CentralDir, registrations: &[Registration]) -> anyhow::Result<Vec<Arrival>> {
    let mut out = Vec::new();
    for registration in registrations {
        let root = central.received(&registration.election, &registration.office);
        let first = root.join("v1");
        if !first.join("package").is_dir() {
            continue;
        }
        let versions = std::fs::read_dir(&root)?
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with('v'))
            .count() as u32;
        let receipt: seal::transmission::Receipt =
            serde_json::from_slice(&read(&first.join("receipt.json"))?)?;
        let package_files = read_target(&first.join("package"))?;
        out.push(Arrival {
            election: registration.election.clone(),
            meta: SourceMeta {
                office: registration.office.clone(),
                version: 1,
                package: receipt.package,
                received: receipt.received,
                newer_versions_for_review: versions.saturating_sub(1),
            },
            files: package_files,
        });
    }
    Ok(out)
}

/// The round's name, given once.
#[derive(Debug, Serialize, Deserialize)]
struct Round {
    round: String,
    name: String,
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
    lang: Lang,
    store: &Store,
    actor: &Actor,
    prompt: &mut dyn Prompt,
    args: &ExportArgs,
) -> anyhow::Result<String> {
    let central = CentralDir::new(&args.central);
    let publication = central.publication();
    let round_file = publication.join("round.json");
    let round: Round = match (&args.round, &args.name, round_file.exists()) {
        (Some(round), Some(name), false) => {
            let round = Round {
                round: round.clone(),
                name: name.clone(),
            };
            create(&round_file, &serde_json::to_vec_pretty(&round)?)?;
            round
        }
        (_, _, true) => serde_json::from_slice(&read(&round_file)?)?,
        _ => bail!(
            "{}",
            lang.pick(
                "de eerste publicatie heeft --round en --name nodig",
                "the first publication needs --round and --name"
            )
        ),
    };
    let registered = registrations(&central)?;
    if registered.is_empty() {
        bail!(
            "{}",
            lang.pick(
                "geen verkiezingen geregistreerd (urna central register)",
                "no elections registered (urna central register)"
            )
        );
    }
    let plain: Vec<Registration> = registered.iter().map(|(r, _)| r.clone()).collect();
    let arrived = arrivals(&central, &plain)?;

    // Every version so far, checked against the key before building on it.
    let key = read_public_key(&central.publication_pub())?;
    let mut versions: Vec<(Vec<u8>, Signature)> = Vec::new();
    for version in 1.. {
        let path = publication.join(format!("v{version}.json"));
        if !path.exists() {
            break;
        }
        let bytes = read(&path)?;
        let signature: Signature = String::from_utf8_lossy(&read(&path.with_extension("sig"))?)
            .trim()
            .parse()?;
        snapshot::verify(&bytes, &signature, &key).with_context(|| path.display().to_string())?;
        versions.push((bytes, signature));
    }
    let last = versions
        .last()
        .map(|(bytes, _)| serde_json::from_slice::<snapshot::Snapshot>(bytes))
        .transpose()?;
    let next = snapshot::build(
        Header {
            round: round.round.clone(),
            name: round.name.clone(),
            version: versions.len() as u32 + 1,
            created: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            previous: versions
                .last()
                .map(|(bytes, _)| HashCode::of(bytes).to_hex()),
        },
        &plain,
        &arrived,
    );
    let mut out = String::new();
    let changed = last.as_ref().is_none_or(|last| !last.same_content(&next));
    if changed {
        let signing = super::central::unlock_publication_key(lang, prompt, &central)?;
        let bytes = next.to_bytes();
        let signature = next.sign(&signing);
        create(&publication.join(format!("v{}.json", next.version)), &bytes)?;
        create(
            &publication.join(format!("v{}.sig", next.version)),
            format!("{signature}\n").as_bytes(),
        )?;
        store.log_event(
            actor,
            AuditAction::PublishSnapshot,
            serde_json::json!({
                "round": next.round,
                "version": next.version,
                "sha256": HashCode::of(&bytes).to_hex(),
                "municipalities_in": next.progress.municipalities_in,
            }),
        )?;
        writeln!(
            out,
            "{} {} ({}/{} {})",
            lang.pick("nieuwe versie", "new version"),
            next.version,
            next.progress.municipalities_in,
            next.progress.municipalities_expected,
            lang.pick("gemeenten binnen", "municipalities in")
        )?;
        versions.push((bytes, signature));
    } else {
        writeln!(
            out,
            "{}",
            lang.pick(
                "niets nieuws: de laatste versie blijft staan",
                "nothing new: the latest version stands"
            )
        )?;
    }
    let (latest_bytes, _) = versions.last().context("no version")?;
    let latest: snapshot::Snapshot = serde_json::from_slice(latest_bytes)?;
    let files = publish::export_files(
        &latest,
        &FeedInput {
            versions: &versions,
            central: &key,
            registrations: &registered,
            arrivals: &arrived,
        },
    )?;
    write_site(&args.out, &files)?;
    writeln!(
        out,
        "{}: {} ({} {})",
        lang.pick("site en feed", "site and feed"),
        args.out.display(),
        files.len(),
        lang.pick("bestanden", "files")
    )?;
    Ok(out)
}

/// Writes the files to a fresh folder beside `out`, then puts it in `out`'s place, so that a
/// web server never serves half of one version and half of another.
fn write_site(out: &Path, files: &BTreeMap<String, Vec<u8>>) -> anyhow::Result<()> {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let name = out
        .file_name()
        .context("the output folder has no name")?
        .to_string_lossy()
        .into_owned();
    let fresh = parent.join(format!(".{name}.new"));
    let old = parent.join(format!(".{name}.old"));
    let _ = std::fs::remove_dir_all(&fresh);
    for (path, bytes) in files {
        let target = fresh.join(path.trim_start_matches('/'));
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&target, bytes).with_context(|| target.display().to_string())?;
    }
    let _ = std::fs::remove_dir_all(&old);
    if out.exists() {
        std::fs::rename(out, &old)?;
    }
    std::fs::rename(&fresh, out)?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

/// `urna publish serve DIR`: until Ctrl-C.
pub fn serve(lang: Lang, dir: &Path, listen: std::net::SocketAddr) -> anyhow::Result<()> {
    let site = web::publication::Site::load(dir).with_context(|| dir.display().to_string())?;
    if site.is_empty() {
        bail!("{}: {}", dir.display(), lang.pick("leeg", "empty"));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| listen.to_string())?;
        eprintln!(
            "urna publish serve: {} http://{}/ ({} {}, {} {})",
            lang.pick("uitslagensite op", "results site at"),
            listener.local_addr()?,
            site.len(),
            lang.pick("bestanden", "files"),
            lang.pick("versie", "version"),
            site.version()
        );
        let publication = web::publication::Publication::new(site);
        let _watch = publication.watch(dir.to_path_buf(), std::time::Duration::from_secs(1));
        web::publication::serve(listener, publication, super::serve::shutdown_signal()).await?;
        anyhow::Ok(())
    })
}

/// `urna verify FEED`: a folder (the export's `feed/`, or the whole export).
pub fn verify(
    lang: Lang,
    feed: &Path,
    expectations: &publish::verify::Expectations,
) -> anyhow::Result<(String, bool)> {
    let root = if feed.join("feed").join("snapshot.json").exists() {
        feed.join("feed")
    } else {
        feed.to_path_buf()
    };
    let files = read_target(&root)?;
    let report = publish::verify::verify(&files, expectations);
    let mut out = String::new();
    for (prefix, lines) in [
        (lang.pick("in orde:", "ok:"), &report.passed),
        (
            lang.pick("AFWIJKING:", "DISCREPANCY:"),
            &report.discrepancies,
        ),
    ] {
        for line in lines {
            writeln!(out, "{prefix} {}", line.text(lang.into()))?;
        }
    }
    writeln!(
        out,
        "{}",
        if report.sound() {
            lang.pick(
                "De feed klopt: alle handtekeningen en alle cijfers.",
                "The feed is sound: every signature and every number.",
            )
            .to_string()
        } else {
            format!(
                "{} {}",
                report.discrepancies.len(),
                lang.pick("afwijking(en) gevonden.", "discrepancies found.")
            )
        }
    )?;
    Ok((out, report.sound()))
}
