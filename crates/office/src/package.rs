//! The result package for the central authority: the result's files and the election definition
//! the ceremony signed, signed with the main office's key from its ceremony package (unlocked
//! with the password of its credential sheet) and sealed to the central authority's key
//! (`seal::transmission`). What is sent is what the reports say: the files are the stored ones.

use std::collections::BTreeMap;

use model::ElectionId;
use seal::ceremony::{OfficeFile, files};
use seal::lock::ElectionPublicKey;
use seal::signing::SigningKey;

use crate::{Office, OfficeError, Refusal};

/// The file of a sealed result that holds the head of the office's audit log when it was sealed.
pub const AUDIT_HEAD_FILE: &str = "auditlog-head.json";

/// Its format.
pub const AUDIT_HEAD_FORMAT: &str = "urna-audit-head/1";

/// The office's identity and signing key from its ceremony package, unlocked with the password
/// of its credential sheet.
pub fn unlock_office(
    package: &BTreeMap<String, Vec<u8>>,
    password: &str,
) -> Result<(OfficeFile, SigningKey), OfficeError> {
    let missing = |name: &str| Refusal::Unreadable {
        file: name.to_string(),
        detail: "missing".to_string(),
    };
    let identity: OfficeFile = serde_json::from_slice(
        package
            .get(files::OFFICE)
            .ok_or_else(|| missing(files::OFFICE))?,
    )
    .map_err(|e| Refusal::Unreadable {
        file: files::OFFICE.to_string(),
        detail: e.to_string(),
    })?;
    let locked = package
        .get(files::OFFICE_KEY)
        .ok_or_else(|| missing(files::OFFICE_KEY))?;
    let secret = seal::lock::unlock(locked, &seal::password::normalise(password))
        .map_err(|_| Refusal::WrongPassword)?;
    let key = SigningKey::from_secret_bytes(&secret).map_err(|e| Refusal::Unreadable {
        file: files::OFFICE_KEY.to_string(),
        detail: e.to_string(),
    })?;
    Ok((identity, key))
}

/// The sealed result package of `files`, with the definition the ceremony signed beside them,
/// signed with the office's `key` and encrypted to `central`.
pub fn seal_result(
    ceremony_package: &BTreeMap<String, Vec<u8>>,
    (identity, key): (&OfficeFile, &SigningKey),
    central: &ElectionPublicKey,
    mut result: BTreeMap<String, Vec<u8>>,
) -> Result<Vec<u8>, OfficeError> {
    // The definition the ceremony signed goes with the result, so that the centre and every
    // verifier read the count against the same election.
    if let Some(definition) = ceremony_package.get(files::ELECTION) {
        result
            .entry(files::ELECTION.to_string())
            .or_insert_with(|| definition.clone());
    }
    let created = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let package = seal::transmission::build(
        identity.election.clone(),
        identity.office.clone(),
        &created,
        result,
        key,
    )
    .map_err(|e| Refusal::Document(e.to_string()))?;
    seal::transmission::seal(&package, central).map_err(|e| Refusal::Document(e.to_string()).into())
}

impl Office {
    /// The files of the determined result as the package carries them, by name: refused while
    /// the result is not determined (every count definitive, any drawing of lots recorded).
    pub fn result_package_files(
        &self,
        actor: &store::Actor,
        election: &ElectionId,
    ) -> Result<BTreeMap<String, Vec<u8>>, OfficeError> {
        let mut files: BTreeMap<String, Vec<u8>> = self
            .result_documents(actor, election)?
            .into_iter()
            .map(|file| (file.name, file.bytes))
            .collect();
        // The committee's sessions, investigations and corrections go with a Dutch result, so
        // that the site can say which session made a correction (and a verifier check it).
        if self.election(election)?.jurisdiction == model::Jurisdiction::Netherlands {
            files.insert(
                model::committee::CommitteeRecord::FILE.to_string(),
                self.committee_record(election)?.to_file(),
            );
        }
        // The head of the office's audit log goes with the sealed result, so that the centre
        // (and anyone it publishes to) holds what the office's log said when it sent it.
        if let Some((entry, hash)) = self.store.audit_head()? {
            let head = serde_json::json!({
                "format": AUDIT_HEAD_FORMAT,
                "entry": entry,
                "hash": hash.to_hex(),
            });
            files.insert(
                AUDIT_HEAD_FILE.to_string(),
                serde_json::to_vec_pretty(&head).map_err(|e| Refusal::Document(e.to_string()))?,
            );
        }
        Ok(files)
    }
}
