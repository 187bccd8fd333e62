//! The centre's publication: from what was registered and what arrived, a new snapshot —
//! versioned, chained to the one before, signed with the publication key — whenever anything
//! changed, and the site with its feed written as static files (`publish` builds them; this keeps
//! the versions and writes the folder).
//!
//! Each registered office's first version is published; later versions are counted and wait
//! for a reviewer.

use std::path::Path;

use publish::feed::FeedInput;
use publish::file_list::{self, FileList};
use publish::snapshot::{self, Header, Snapshot};
use publish::{Arrival, Registration, SourceMeta};
use seal::HashCode;
use seal::signing::{Signature, SigningKey};
use serde::{Deserialize, Serialize};
use store::{Actor, AuditAction, Store};

use crate::error::{CentralError, unreadable};
use crate::folder::{
    CentralDir, create, read, read_files, read_public_key, replace_file, replace_folder,
};
use crate::registry::registrations;

/// The round's code and name, given once (`publication/round.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    /// `GR2026`.
    pub round: String,
    /// Its name.
    pub name: String,
}

/// What an export did.
#[derive(Debug, Clone)]
pub struct Exported {
    /// The snapshot published (the new one, or the latest when nothing changed).
    pub snapshot: Snapshot,
    /// Whether a new version was made.
    pub new_version: bool,
    /// How many files the site has.
    pub files: usize,
}

/// The first version of each registered office's result: the one published until a reviewer
/// accepts a later one (later versions are counted, not published).
fn arrivals(
    central: &CentralDir,
    registrations: &[Registration],
) -> Result<Vec<Arrival>, CentralError> {
    let mut out = Vec::new();
    for registration in registrations {
        let root = central
            .received()
            .join(registration.election.as_str())
            .join(registration.office.to_string());
        let first = root.join("v1");
        if !first.join("package").is_dir() {
            continue;
        }
        let versions = std::fs::read_dir(&root)
            .map_err(crate::error::io(&root))?
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with('v'))
            .count() as u32;
        let receipt_path = first.join("receipt.json");
        let receipt: seal::transmission::Receipt = serde_json::from_slice(&read(&receipt_path)?)
            .map_err(|e| unreadable(&receipt_path)(e.to_string()))?;
        out.push(Arrival {
            election: registration.election.clone(),
            meta: SourceMeta {
                office: registration.office,
                version: 1,
                package: receipt.package,
                received: receipt.received,
                newer_versions_for_review: versions.saturating_sub(1),
            },
            files: read_files(&first.join("package"))?,
        });
    }
    Ok(out)
}

/// The round: given now (the first export) or as given before.
fn round(central: &CentralDir, given: Option<Round>) -> Result<Round, CentralError> {
    let path = central.publication().join("round.json");
    match (given, path.exists()) {
        (_, true) => {
            serde_json::from_slice(&read(&path)?).map_err(|e| unreadable(&path)(e.to_string()))
        }
        (Some(round), false) => {
            create(&path, &seal::pretty_json(&round))?;
            Ok(round)
        }
        (None, false) => Err(CentralError::RoundNeeded),
    }
}

/// Every version published so far, each checked against the publication key before anything
/// is built on it.
fn versions(central: &CentralDir) -> Result<Vec<(Vec<u8>, Signature)>, CentralError> {
    let key = read_public_key(&central.publication_pub())?;
    let mut versions = Vec::new();
    for version in 1.. {
        let path = central.publication().join(format!("v{version}.json"));
        if !path.exists() {
            break;
        }
        let bytes = read(&path)?;
        let signature_path = path.with_extension("sig");
        let signature: Signature = String::from_utf8_lossy(&read(&signature_path)?)
            .trim()
            .parse()
            .map_err(|e: seal::signing::SigningError| unreadable(&signature_path)(e.to_string()))?;
        snapshot::verify(&bytes, &signature, &key).map_err(|e| CentralError::Snapshot {
            path: path.clone(),
            detail: e.to_string(),
        })?;
        versions.push((bytes, signature));
    }
    Ok(versions)
}

/// Makes a new signed snapshot from the results received, when anything changed — the
/// publication key comes from `unlock`, asked only then — and writes the site and feed to
/// `out` (replaced whole). The round's code and name are needed the first time only.
pub fn export(
    central: &CentralDir,
    out: &Path,
    given: Option<Round>,
    unlock: impl FnOnce() -> Result<SigningKey, CentralError>,
    (store, actor): (&Store, &Actor),
) -> Result<Exported, CentralError> {
    let round = round(central, given)?;
    let registered = registrations(central)?;
    if registered.is_empty() {
        return Err(CentralError::NoElections);
    }
    let plain: Vec<Registration> = registered.iter().map(|(r, _)| r.clone()).collect();
    let arrived = arrivals(central, &plain)?;
    let mut versions = versions(central)?;
    let last = match versions.last() {
        Some((bytes, _)) => Some(
            serde_json::from_slice::<Snapshot>(bytes)
                .map_err(|e| unreadable(&central.publication())(e.to_string()))?,
        ),
        None => None,
    };
    let next = snapshot::build(
        Header {
            round: round.round.clone(),
            name: round.name.clone(),
            version: versions.len() as u32 + 1,
            created: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            previous: versions
                .last()
                .map(|(bytes, _)| HashCode::of(bytes).to_hex()),
            software: seal::software::current(),
        },
        &plain,
        &arrived,
    );
    let new_version = last.as_ref().is_none_or(|last| !last.same_content(&next));
    // The key is unlocked once, and only when something is to be signed.
    let mut unlock = Some(unlock);
    let mut signing: Option<SigningKey> = None;
    let mut signing_key = |signing: &mut Option<SigningKey>| -> Result<SigningKey, CentralError> {
        match (signing.take(), unlock.take()) {
            (Some(key), _) => Ok(key),
            (None, Some(unlock)) => unlock(),
            (None, None) => Err(CentralError::Keys(
                "the publication key was not unlocked".into(),
            )),
        }
    };
    let snapshot = if new_version {
        let unlocked = signing_key(&mut signing)?;
        let bytes = next.to_bytes();
        let signature = next.sign(&unlocked);
        let publication = central.publication();
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
        versions.push((bytes, signature));
        signing = Some(unlocked);
        next
    } else {
        last.unwrap_or(next)
    };
    let key = read_public_key(&central.publication_pub())?;
    let mut files = publish::export_files(
        &snapshot,
        &FeedInput {
            versions: &versions,
            central: &key,
            registrations: &registered,
            arrivals: &arrived,
        },
    )
    .map_err(|e| unreadable(out)(e.to_string()))?;
    // Every byte of the export signed too: the list is signed again only when the files changed
    // (a new version, or another version of Urna rendering the same one).
    let listed = FileList::of(&files, &snapshot);
    let list = listed.to_bytes();
    let (list_path, signature_path) = (
        central.publication().join("files.json"),
        central.publication().join("files.sig"),
    );
    let signed_before = match (read(&list_path), read(&signature_path)) {
        (Ok(bytes), Ok(signature)) if bytes == list => Some(signature),
        _ => None,
    };
    let list_signature = match signed_before {
        Some(signature) => signature,
        None => {
            let unlocked = signing_key(&mut signing)?;
            let signature = format!("{}\n", listed.sign(&unlocked)).into_bytes();
            replace_file(&list_path, &list)?;
            replace_file(&signature_path, &signature)?;
            signature
        }
    };
    files.insert(file_list::LIST.to_string(), list);
    files.insert(file_list::SIGNATURE.to_string(), list_signature);
    replace_folder(out, &files)?;
    Ok(Exported {
        snapshot,
        new_version,
        files: files.len(),
    })
}
