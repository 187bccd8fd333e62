//! `urna ceremony …`: the key ceremony in the secured zone.
//!
//! The ceremony folder holds everything public the ceremony makes, the locked keys and shares,
//! the packages and the signed record (see `docs/ceremony.md`):
//!
//! ```text
//! CEREMONY/
//!   authority.pub               the authority's public key (publish its fingerprint)
//!   authority-key.age           the authority's signing key, locked to its passphrase
//!   election-key.pub            the election's public ballot-encryption key (age1…)
//!   shares/1-anne.age …         each official's share, locked to that official's passphrase
//!   offices.json                every office's login, public key and package fingerprint
//!   intake-ca.pem               issued each office's client certificate for the central intake
//!   packages/SB1/ … HSB/        one signed package per polling station and the main office
//!   ceremony-record.json, .sig  every step, signed by the authority
//! ```
//!
//! Every step is also an entry in the audit log of the data directory.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::{SecondsFormat, Utc};
use messages::{Language, t};
use seal::ceremony::{Action, Ceremony, Step, verify_record};
use seal::lock::unlock;
use seal::package::{ElectionRef, Office, OfficeCode};
use seal::signing::{PublicKey, SigningKey};
use seal::stick::{self, Target};
use serde::{Deserialize, Serialize};
use store::{Actor, AuditAction, Store};

use crate::hash_check::Prompt;

mod keys;
mod packages;
mod shares;
mod sticks;

pub use keys::{KeySplit, keys};
pub(crate) use packages::offices;
pub use packages::{SheetsTo, packages};
pub use shares::{combine_shares, restore_election_key, show_record};
pub use sticks::{verify, write_sticks};

/// Shortest passphrase a person may choose for the authority key or a share.
pub const MIN_PASSPHRASE: usize = 12;

/// The files of a ceremony folder.
#[derive(Debug, Clone)]
pub struct CeremonyDir(PathBuf);

impl CeremonyDir {
    /// The folder at `root`.
    pub fn new(root: &Path) -> CeremonyDir {
        CeremonyDir(root.to_path_buf())
    }
    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.0
    }
    pub(crate) fn authority_pub(&self) -> PathBuf {
        self.0.join("authority.pub")
    }
    fn authority_key(&self) -> PathBuf {
        self.0.join("authority-key.age")
    }
    fn election_pub(&self) -> PathBuf {
        self.0.join("election-key.pub")
    }
    fn shares(&self) -> PathBuf {
        self.0.join("shares")
    }
    pub(crate) fn offices(&self) -> PathBuf {
        self.0.join("offices.json")
    }
    /// The certificate of the authority that issued the offices' intake certificates.
    pub(crate) fn intake_ca(&self) -> PathBuf {
        self.0.join("intake-ca.pem")
    }
    /// The folder of the packages.
    pub fn packages(&self) -> PathBuf {
        self.0.join("packages")
    }
    pub(crate) fn record(&self) -> PathBuf {
        self.0.join("ceremony-record.json")
    }
    pub(crate) fn record_signature(&self) -> PathBuf {
        self.0.join("ceremony-record.sig")
    }

    /// The authority's public key as written at the keys step.
    pub fn authority(&self) -> anyhow::Result<PublicKey> {
        read_public_key(&self.authority_pub())
    }

    /// The ceremony as its signed record says, checked against the authority key.
    fn ceremony(&self, lang: Language) -> anyhow::Result<Ceremony> {
        let authority = self
            .authority()
            .with_context(|| t!(lang, "cli-ceremony-no-keys"))?;
        self.verified(lang, &authority)
    }

    /// The ceremony as its signed record says, checked against `authority`.
    fn verified(&self, lang: Language, authority: &PublicKey) -> anyhow::Result<Ceremony> {
        let bytes = read(&self.record())?;
        let signature = read_text(&self.record_signature())?;
        verify_record(&bytes, &signature, authority).map_err(|error| {
            anyhow::anyhow!(
                "{}",
                t!(
                    lang,
                    "cli-ceremony-record-refused",
                    file = self.record().display().to_string(),
                    reason = error.message().text(lang)
                )
            )
        })
    }

    /// Unlocks the authority key with its passphrase.
    fn unlock_authority(
        &self,
        lang: Language,
        prompt: &mut dyn Prompt,
    ) -> anyhow::Result<SigningKey> {
        let locked = read(&self.authority_key())?;
        let passphrase = prompt.ask_secret(&t!(lang, "cli-ceremony-authority-passphrase"))?;
        let file = self.authority_key().display().to_string();
        let secret = unlock(&locked, passphrase.trim_end_matches(['\r', '\n']))
            .with_context(|| t!(lang, "cli-ceremony-authority-does-not-open", file = &file))?;
        let key = SigningKey::from_secret_bytes(&secret)?;
        if key.public() != self.authority()? {
            bail!(
                "{}",
                t!(lang, "cli-ceremony-authority-other-key", file = &file)
            );
        }
        Ok(key)
    }

    /// Adds a step to the record, signs it and writes it (replacing the previous version only
    /// once the new one is complete), and logs it in the audit log.
    fn record_step(
        &self,
        ceremony: Ceremony,
        authority: &SigningKey,
        store: Option<&Store>,
        actor: &Actor,
        action: Action,
    ) -> anyhow::Result<Ceremony> {
        let logged = audit_action(&action);
        let details = serde_json::to_value(&action)?;
        let step = Step {
            number: ceremony.next_number(),
            at: now(),
            actor: actor.as_str().to_string(),
            action,
        };
        let ceremony = ceremony.apply(step)?;
        let record = ceremony.record();
        replace(&self.record(), &record.to_bytes())?;
        replace(
            &self.record_signature(),
            format!("{}\n", record.sign(authority)).as_bytes(),
        )?;
        if let Some(store) = store {
            store.log_event(actor, logged, details)?;
        }
        Ok(ceremony)
    }
}

/// The audit-log action of a ceremony step.
fn audit_action(action: &Action) -> AuditAction {
    match action {
        Action::KeysMade { .. } => AuditAction::CeremonyKeysMade,
        Action::PackagesMade { .. } => AuditAction::CeremonyPackagesMade,
        Action::SticksWritten { .. } => AuditAction::CeremonySticksWritten,
        Action::PackageVerified { .. } => AuditAction::CeremonyPackageVerified,
        Action::SharesCombined { .. } => AuditAction::CeremonySharesCombined,
    }
}

/// `offices.json`: every office of the ceremony.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OfficeEntry {
    /// `SB12`, `HSB`.
    pub code: OfficeCode,
    /// The office.
    pub office: Office,
    /// Its login.
    pub login: String,
    /// Its public signing key.
    pub public_key: PublicKey,
    /// Its package's fingerprint.
    pub package: String,
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A file of a ceremony folder or a stick: a regular file no larger than a sealed result.
pub(crate) fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    Ok(bounded::read(path, central::folder::MAX_FILE_BYTES)?)
}

fn read_text(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| path.display().to_string())
}

/// Reads a public key file (`urna-ed25519-public:…`).
pub fn read_public_key(path: &Path) -> anyhow::Result<PublicKey> {
    read_text(path)?
        .parse()
        .with_context(|| path.display().to_string())
}

/// Writes a new file (and its folders), synced; never replaces one.
pub(crate) fn create(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).with_context(|| parent.display().to_string())?;
    }
    let mut file = std::fs::File::create_new(path).with_context(|| path.display().to_string())?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .with_context(|| path.display().to_string())
}

/// Replaces a file as a whole: written beside it, then renamed over it.
fn replace(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let temporary = path.with_extension("new");
    let _ = std::fs::remove_file(&temporary);
    create(&temporary, bytes)?;
    std::fs::rename(&temporary, path).with_context(|| path.display().to_string())
}

/// A file-name-safe form of a person's name.
fn slug(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    slug.split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Asks a person to choose a passphrase (twice on a terminal, to catch a typing error).
pub(crate) fn choose_passphrase(
    lang: Language,
    prompt: &mut dyn Prompt,
    whose: &str,
) -> anyhow::Result<String> {
    let question = t!(
        lang,
        "cli-ceremony-new-passphrase",
        whose = whose,
        minimum = MIN_PASSPHRASE
    );
    let passphrase = prompt
        .ask_secret(&question)?
        .trim_end_matches(['\r', '\n'])
        .to_string();
    if passphrase.chars().count() < MIN_PASSPHRASE {
        bail!(
            "{}",
            t!(
                lang,
                "cli-ceremony-passphrase-too-short",
                whose = whose,
                minimum = MIN_PASSPHRASE
            )
        );
    }
    if prompt.is_interactive() {
        let again = prompt.ask_secret(&t!(lang, "cli-ceremony-passphrase-again"))?;
        if again.trim_end_matches(['\r', '\n']) != passphrase {
            bail!("{}", t!(lang, "cli-ceremony-passphrases-differ"));
        }
    }
    Ok(passphrase)
}

fn election_ref(election: &model::Election) -> ElectionRef {
    ElectionRef {
        id: election.id.clone(),
        name: election.name.clone(),
    }
}

pub(crate) fn load_election(
    lang: Language,
    store: &Store,
    election_id: &model::ElectionId,
) -> anyhow::Result<model::Election> {
    Ok(store
        .election(election_id)?
        .with_context(|| {
            t!(
                lang,
                "cli-ceremony-unknown-election",
                election = election_id.as_str()
            )
        })?
        .election)
}

/// Reads a package or stick, by its kind of path.
/// Every file of a stick, image or package folder, by path.
pub(crate) fn read_target(path: &Path) -> anyhow::Result<BTreeMap<String, Vec<u8>>> {
    stick::read(&Target::from_path(path)).with_context(|| path.display().to_string())
}

/// The problems in the chosen language, one per line.
pub(crate) fn problems_text(lang: Language, problems: &[seal::package::Problem]) -> String {
    problems
        .iter()
        .map(|problem| format!("  - {}\n", problem.message().text(lang)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_file_name_safe() {
        assert_eq!(slug("Anne de Vries"), "anne-de-vries");
        assert_eq!(slug("  Bert!"), "bert");
        assert_eq!(slug("Chloé Maes"), "chlo-maes");
    }
}
