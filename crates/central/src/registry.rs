//! The elections the centre expects a result for, registered before election night from their
//! ceremony: its signed record, the offices' registered keys, the main office's package manifest
//! (which names the election definition the ceremony signed), the authority of the offices'
//! intake certificates, and where the election lies. A result computed against any other
//! definition is refused at the intake and not published.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use model::ElectionId;
use publish::feed::{CeremonyTrust, ceremony_files};
use publish::{Area, Place, Registration};
use seal::HashCode;
use seal::package::{Office, OfficeCode};
use seal::signing::PublicKey;
use store::{Actor, AuditAction, Store};

use crate::error::{CentralError, unreadable};
use crate::folder::{CentralDir, create, read};
use crate::intake::INTAKE_CA;

/// What a ceremony folder gives the centre (read by the ceremony's own command).
#[derive(Debug, Clone)]
pub struct CeremonyFiles {
    /// Where they were read from (for messages).
    pub folder: PathBuf,
    /// `authority.pub`.
    pub authority: Vec<u8>,
    /// The signed record.
    pub record: Vec<u8>,
    /// Its signature.
    pub record_signature: Vec<u8>,
    /// `offices.json`.
    pub offices: Vec<u8>,
    /// The main office's package: its folder and files.
    pub main_office: Option<(PathBuf, BTreeMap<String, Vec<u8>>)>,
    /// The authority of the offices' intake certificates, where the ceremony made them.
    pub intake_ca: Option<Vec<u8>>,
}

/// Where an election lies, when the tree of regions does not know it (Flanders).
#[derive(Debug, Clone, Default)]
pub struct PlaceArgs {
    /// The province's name.
    pub province: Option<String>,
    /// The provincial district's name.
    pub district: Option<String>,
}

/// Registers the election of a ceremony: checks its signed record and the main office's package
/// against it, and copies what the intake and the feed need. Refused when registered already.
pub fn register(
    central: &CentralDir,
    ceremony: &CeremonyFiles,
    place: &PlaceArgs,
    store: &Store,
    actor: &Actor,
) -> Result<Registration, CentralError> {
    let authority: PublicKey = String::from_utf8_lossy(&ceremony.authority)
        .trim()
        .parse()
        .map_err(|e: seal::signing::SigningError| {
            unreadable(&ceremony.folder.join(ceremony_files::AUTHORITY))(e.to_string())
        })?;
    let record_path = ceremony.folder.join(ceremony_files::RECORD);
    let checked = seal::ceremony::verify_record(
        &ceremony.record,
        String::from_utf8_lossy(&ceremony.record_signature).trim(),
        &authority,
    )
    .map_err(|e| unreadable(&record_path)(e.to_string()))?;
    let record = checked.record();
    let packages = record.packages();
    let main_office_entry = packages
        .iter()
        .find(|p| p.office == "HSB")
        .ok_or(CentralError::NoMainOffice)?;
    let (main_office_folder, main_office) = ceremony
        .main_office
        .as_ref()
        .ok_or_else(|| CentralError::NoMainOfficePackage(ceremony.folder.clone()))?;
    // The main office's package must be the one the signed record names: its manifest's
    // fingerprint is in the record.
    let manifest_path = main_office_folder.join(seal::package::MANIFEST);
    let manifest_bytes = main_office
        .get(seal::package::MANIFEST)
        .ok_or_else(|| CentralError::ManifestNotInRecord(manifest_path.clone()))?;
    if HashCode::of(manifest_bytes).to_hex() != main_office_entry.fingerprint {
        return Err(CentralError::ManifestNotInRecord(manifest_path));
    }
    let definition_path = main_office_folder.join(seal::ceremony::files::ELECTION);
    let definition_bytes = main_office
        .get(seal::ceremony::files::ELECTION)
        .ok_or_else(|| CentralError::DefinitionNotListed(definition_path.clone()))?;
    let definition = HashCode::of(definition_bytes).to_hex();
    let listed = serde_json::from_slice::<seal::package::Manifest>(manifest_bytes)
        .map_err(|e| unreadable(&manifest_path)(e.to_string()))?
        .files
        .into_iter()
        .any(|f| f.path == seal::ceremony::files::ELECTION && f.sha256 == definition);
    if !listed {
        return Err(CentralError::DefinitionNotListed(definition_path));
    }
    let election: model::Election = serde_json::from_slice(definition_bytes)
        .map_err(|e| unreadable(&definition_path)(e.to_string()))?;
    let registration = Registration {
        election: record.election.id.clone(),
        name: record.election.name.clone(),
        place: place_of(&election, place)?,
        office: OfficeCode::MainOffice,
        expected_polling_stations: packages
            .iter()
            .filter(|p| p.office.is_polling_station())
            .count() as u32,
        definition,
    };
    let root = central.elections().join(registration.election.as_str());
    if root.exists() {
        return Err(CentralError::Registered(root));
    }
    // The authority that issued the offices' intake certificates, as the signed record names
    // it: what `urna central serve` trusts for this election's connections.
    let intake_ca = match (record.intake_ca(), &ceremony.intake_ca) {
        (Some(expected), Some(pem)) => {
            let found = tls::certificate_hash_code(&String::from_utf8_lossy(pem));
            if found.map(|h| h.to_hex()).as_deref() != Some(expected) {
                return Err(CentralError::ForeignIntakeAuthority(
                    ceremony.folder.join(INTAKE_CA),
                ));
            }
            Some(pem)
        }
        (Some(_), None) => {
            return Err(CentralError::ForeignIntakeAuthority(
                ceremony.folder.join(INTAKE_CA),
            ));
        }
        (None, _) => None,
    };
    create(
        &root.join("registration.json"),
        &seal::pretty_json(&registration),
    )?;
    for (name, bytes) in [
        (ceremony_files::AUTHORITY, &ceremony.authority),
        (ceremony_files::RECORD, &ceremony.record),
        (ceremony_files::RECORD_SIGNATURE, &ceremony.record_signature),
        (ceremony_files::OFFICES, &ceremony.offices),
        (ceremony_files::MAIN_OFFICE_MANIFEST, manifest_bytes),
    ] {
        create(&root.join("ceremony").join(name), bytes)?;
    }
    if let Some(pem) = intake_ca {
        create(&root.join("ceremony").join(INTAKE_CA), pem)?;
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
    Ok(registration)
}

/// Where the election lies: a Dutch municipality from the Electoral Council's tree of regions,
/// otherwise (Flanders) as given.
fn place_of(election: &model::Election, given: &PlaceArgs) -> Result<Place, CentralError> {
    let domain = election.domain.clone().ok_or(CentralError::NoArea)?;
    let code = domain
        .id
        .as_ref()
        .map(|id| id.as_str().to_string())
        .unwrap_or_default();
    let known = publish::geography::dutch_municipalities().remove(&code);
    let named = |name: &Option<String>| {
        name.as_ref().map(|n| Area {
            code: n.clone(),
            name: n.clone(),
        })
    };
    Ok(match known {
        Some(known)
            if election.jurisdiction == model::Jurisdiction::Netherlands
                && given.province.is_none() =>
        {
            known
        }
        _ => Place {
            municipality: Area {
                code: if code.is_empty() {
                    domain.name.clone()
                } else {
                    code
                },
                name: domain.name.clone(),
            },
            district: named(&given.district),
            province: named(&given.province),
        },
    })
}

/// Every registered election with its ceremony's trust files, in the order of their folders.
pub fn registrations(
    central: &CentralDir,
) -> Result<Vec<(Registration, CeremonyTrust)>, CentralError> {
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
fn read_registration(folder: &Path) -> Result<Registration, CentralError> {
    let path = folder.join("registration.json");
    serde_json::from_slice(&read(&path)?).map_err(|e| unreadable(&path)(e.to_string()))
}

/// The SHA-256 of the definition `election`'s ceremony signed, once it is registered.
pub fn registered_definition(
    central: &CentralDir,
    election: &ElectionId,
) -> Result<Option<String>, CentralError> {
    let folder = central.elections().join(election.as_str());
    if !folder.is_dir() {
        return Ok(None);
    }
    Ok(Some(read_registration(&folder)?.definition))
}

/// The offices' registered keys from the bytes of an `offices.json` (read from `path`).
pub fn senders(bytes: &[u8], path: &Path) -> Result<Vec<(Office, PublicKey)>, CentralError> {
    #[derive(serde::Deserialize)]
    struct Entry {
        office: Office,
        public_key: PublicKey,
    }
    let entries: Vec<Entry> =
        serde_json::from_slice(bytes).map_err(|e| unreadable(path)(e.to_string()))?;
    Ok(entries
        .into_iter()
        .map(|entry| (entry.office, entry.public_key))
        .collect())
}
