//! The signed list of every published file: the SHA-256 and size of each file of the site and
//! the feed (HTML, CSV, JSON, EML, PDF, scripts, styles), signed with the central authority's
//! publication key. The snapshot's signature covers the numbers; this list covers every other
//! byte, so that a page, a CSV or a PDF changed, added or taken away after the export is found
//! by `urna verify`.
//!
//! The list lies in the feed (`/feed/files.json`, `/feed/files.sig`), so a feed downloaded
//! without the site still carries it; it names the snapshot it belongs to by version and hash.

use std::collections::BTreeMap;

use seal::HashCode;
use seal::signing::{PublicKey, Signature, SigningKey};
use serde::{Deserialize, Serialize};

use crate::snapshot::Snapshot;
use crate::snapshot::SnapshotError;

/// Format tag of the list.
pub const FORMAT: &str = "urna-published-files/1";
const DOMAIN: &str = "urna/published-files/v1";

/// Where the list lies in an export.
pub const LIST: &str = "/feed/files.json";
/// Where its signature lies.
pub const SIGNATURE: &str = "/feed/files.sig";
/// Where the feed's latest snapshot lies in an export.
pub const SNAPSHOT: &str = "/feed/snapshot.json";

/// One listed file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listed {
    /// SHA-256 of its exact bytes (64 hex digits).
    pub sha256: String,
    /// Its size in bytes.
    pub size: u64,
}

impl Listed {
    fn of(bytes: &[u8]) -> Listed {
        Listed {
            sha256: HashCode::of(bytes).to_hex(),
            size: bytes.len() as u64,
        }
    }
}

/// Every file of an export but the list and its signature, by its path from the export's root.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileList {
    /// [`FORMAT`].
    pub format: String,
    /// The round (`GR2022`).
    pub round: String,
    /// The snapshot version the export shows.
    pub version: u32,
    /// SHA-256 of that snapshot's exact bytes.
    pub snapshot: String,
    /// The files.
    pub files: BTreeMap<String, Listed>,
}

impl FileList {
    /// The list of `export` (every file by path, as `export_files` makes it), which shows
    /// `snapshot`.
    pub fn of(export: &BTreeMap<String, Vec<u8>>, snapshot: &Snapshot) -> FileList {
        FileList {
            format: FORMAT.into(),
            round: snapshot.round.clone(),
            version: snapshot.version,
            snapshot: export
                .get(SNAPSHOT)
                .map(|bytes| HashCode::of(bytes).to_hex())
                .unwrap_or_default(),
            files: export
                .iter()
                .filter(|(path, _)| *path != LIST && *path != SIGNATURE)
                .map(|(path, bytes)| (path.clone(), Listed::of(bytes)))
                .collect(),
        }
    }

    /// Its bytes, as signed and published.
    pub fn to_bytes(&self) -> Vec<u8> {
        seal::pretty_json(self)
    }

    /// Signed by the central authority.
    pub fn sign(&self, key: &SigningKey) -> Signature {
        key.sign(DOMAIN, &self.to_bytes())
    }

    /// Checks the signature of published list bytes and reads them.
    pub fn verify(
        bytes: &[u8],
        signature: &Signature,
        central: &PublicKey,
    ) -> Result<FileList, SnapshotError> {
        central
            .verify(DOMAIN, bytes, signature)
            .map_err(|_| SnapshotError::BadSignature(central.fingerprint()))?;
        let list: FileList =
            serde_json::from_slice(bytes).map_err(|e| SnapshotError::Unreadable(e.to_string()))?;
        if list.format != FORMAT {
            return Err(SnapshotError::Unreadable(format!("format {}", list.format)));
        }
        Ok(list)
    }
}

/// How a folder differs from its list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    /// Listed, not there.
    Removed(String),
    /// There, not listed.
    Added(String),
    /// There, with other bytes than listed.
    Changed(String),
}

/// Every difference between a folder and `list`: `paths` are the folder's files by their path
/// from the export's root, `bytes` gives a file's bytes. With `feed_only`, the folder is the feed
/// downloaded alone: only the feed's files are expected.
pub fn differences<'a>(
    paths: impl IntoIterator<Item = String>,
    bytes: impl Fn(&str) -> Option<&'a [u8]>,
    list: &FileList,
    feed_only: bool,
) -> Vec<Difference> {
    let in_scope = |path: &str| !feed_only || path.starts_with("/feed/");
    let mut differences = Vec::new();
    for (path, listed) in &list.files {
        if !in_scope(path) {
            continue;
        }
        match bytes(path) {
            None => differences.push(Difference::Removed(path.clone())),
            Some(found) if Listed::of(found) != *listed => {
                differences.push(Difference::Changed(path.clone()));
            }
            Some(_) => {}
        }
    }
    for path in paths {
        if path != LIST && path != SIGNATURE && !list.files.contains_key(&path) {
            differences.push(Difference::Added(path));
        }
    }
    differences
}
