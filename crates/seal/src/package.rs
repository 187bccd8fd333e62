//! A signed package: the files an office (a polling station or a main office) needs, with a
//! manifest of their SHA-256 hashes signed by the election authority.
//!
//! The format is documented in `docs/formats/package.md`. In short, a package is a set of files
//! (a directory, or the root of a USB stick):
//!
//! - `manifest.json`: format, election, office, the authority key's fingerprint, the time made,
//!   and every other file with its size and SHA-256;
//! - `manifest.sig`: the authority's Ed25519 signature over the exact bytes of `manifest.json`;
//! - the files the manifest lists.
//!
//! Checking a package ([`verify`]) needs the authority's public key from *outside* the package
//! (published, or from the ceremony), never from the package itself. It reports every problem it
//! finds, not just the first: a wrong signature, a missing, altered or unlisted file, another
//! election, another office. The package's fingerprint is the SHA-256 of `manifest.json`, which
//! covers every file through its hash.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use messages::{Message, Value, msg};
use model::ElectionId;

use crate::HashCode;
use crate::signing::{PublicKey, Signature, SigningKey};

/// Format tag in every manifest.
pub const FORMAT: &str = "urna-package/1";
/// The manifest's file name.
pub const MANIFEST: &str = "manifest.json";
/// The signature's file name.
pub const SIGNATURE: &str = "manifest.sig";
/// Domain of the manifest signature.
const DOMAIN: &str = "urna/package-manifest/v1";

/// What a package is for: its format tag and the domain its manifest is signed for, so that a
/// package made for one purpose can never pass as one for another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The ceremony's package of an office, signed by the authority ([`FORMAT`]).
    Ceremony,
    /// An office's result for the central authority, signed by the office's own key
    /// (`urna-result-package/1`; see `crate::transmission`).
    Result,
}

impl Kind {
    /// The manifest's `format`.
    pub fn format(self) -> &'static str {
        match self {
            Kind::Ceremony => FORMAT,
            Kind::Result => "urna-result-package/1",
        }
    }

    fn domain(self) -> &'static str {
        match self {
            Kind::Ceremony => DOMAIN,
            Kind::Result => "urna/result-package/v1",
        }
    }
}

/// Which election a package belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionRef {
    /// The election's id, e.g. `GR2026_Assen`.
    pub id: ElectionId,
    /// Its name, for people.
    pub name: String,
}

/// An office's short code, as packages, ceremony records, receipts and registrations name it:
/// `SB12` for polling station 12, `HSB` for the main office (hoofdstembureau). Written as that
/// text; any other text is refused when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum OfficeCode {
    /// `SB<n>`: polling station `n`.
    PollingStation(u32),
    /// `HSB`: the main office.
    MainOffice,
}

impl OfficeCode {
    /// Whether it is a polling station's.
    pub fn is_polling_station(self) -> bool {
        matches!(self, OfficeCode::PollingStation(_))
    }
}

impl fmt::Display for OfficeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OfficeCode::PollingStation(number) => f.pad(&format!("SB{number}")),
            OfficeCode::MainOffice => f.pad("HSB"),
        }
    }
}

/// A text that is no office code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is no office code (SB<number> or HSB)")]
pub struct OfficeCodeError(String);

impl std::str::FromStr for OfficeCode {
    type Err = OfficeCodeError;

    fn from_str(text: &str) -> Result<OfficeCode, OfficeCodeError> {
        match text {
            "HSB" => Ok(OfficeCode::MainOffice),
            _ => text
                .strip_prefix("SB")
                .filter(|digits| !digits.starts_with('0') && !digits.starts_with('+'))
                .and_then(|digits| digits.parse().ok())
                .filter(|number| *number > 0)
                .map(OfficeCode::PollingStation)
                .ok_or_else(|| OfficeCodeError(text.to_string())),
        }
    }
}

impl TryFrom<String> for OfficeCode {
    type Error = OfficeCodeError;

    fn try_from(text: String) -> Result<OfficeCode, OfficeCodeError> {
        text.parse()
    }
}

impl From<OfficeCode> for String {
    fn from(code: OfficeCode) -> String {
        code.to_string()
    }
}

impl From<OfficeCode> for Value {
    fn from(code: OfficeCode) -> Value {
        Value::Text(code.to_string())
    }
}

impl From<&OfficeCode> for Value {
    fn from(code: &OfficeCode) -> Value {
        Value::Text(code.to_string())
    }
}

impl messages::Arg for OfficeCode {
    fn arg(&self) -> messages::FluentValue<'static> {
        messages::FluentValue::from(self.to_string())
    }
}

impl PartialEq<&str> for OfficeCode {
    fn eq(&self, other: &&str) -> bool {
        other.parse::<OfficeCode>().is_ok_and(|code| code == *self)
    }
}

/// Whose package it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Office {
    /// A polling station (stembureau).
    PollingStation {
        /// Its number in the election.
        number: u32,
        /// Its name.
        name: String,
    },
    /// The main office (hoofdstembureau) that totals the polling stations.
    MainOffice {
        /// Its name.
        name: String,
    },
}

impl Office {
    /// Short code: `SB12` for polling station 12, `HSB` for the main office.
    pub fn code(&self) -> OfficeCode {
        match self {
            Office::PollingStation { number, .. } => OfficeCode::PollingStation(*number),
            Office::MainOffice { .. } => OfficeCode::MainOffice,
        }
    }

    /// The name.
    pub fn name(&self) -> &str {
        match self {
            Office::PollingStation { name, .. } | Office::MainOffice { name } => name,
        }
    }

    /// "stembureau 12 (Name)" / "hoofdstembureau (Name)"; without the name when it is not
    /// known.
    pub fn describe(&self) -> Message {
        let kind = match self {
            Office::PollingStation { number, .. } => {
                msg!("seal-office-polling-station", number = *number)
            }
            Office::MainOffice { .. } => msg!("seal-office-main"),
        };
        match self.name() {
            "" => kind,
            name => msg!("seal-office-named", office = kind, name = name),
        }
    }

    /// Whether two references name the same office (by number or kind; names may be spelled
    /// differently and do not count).
    pub fn same_as(&self, other: &Office) -> bool {
        self.code() == other.code()
    }
}

impl fmt::Display for Office {
    /// In English, for logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.describe().fmt(f)
    }
}

/// One listed file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    /// Path inside the package, `/`-separated.
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256, 64 hex digits.
    pub sha256: String,
}

/// The manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// [`FORMAT`].
    pub format: String,
    /// The election.
    pub election: ElectionRef,
    /// The office.
    pub office: Office,
    /// Fingerprint of the authority key that signs (64 hex digits); informative, the check uses
    /// the key given from outside.
    pub authority: String,
    /// When the package was made (RFC 3339, UTC).
    pub created: String,
    /// Every file but the manifest and its signature, sorted by path.
    pub files: Vec<ManifestFile>,
    /// The software that made the package: version, commit and the hash code of its
    /// executable (absent when made by a library alone, and in packages made before it was
    /// named).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub software: Option<crate::software::Software>,
}

/// Why a package could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    /// A path that is not allowed (empty, absolute, `..`, odd characters, reserved names).
    #[error("file name not allowed in a package: {0:?}")]
    BadPath(String),
}

/// A package in memory: manifest, signature and files.
#[derive(Debug, Clone)]
pub struct Package {
    manifest: Manifest,
    manifest_bytes: Vec<u8>,
    signature: Signature,
    files: BTreeMap<String, Vec<u8>>,
}

impl Package {
    /// Lists and signs `files` for `office` of `election` (a ceremony package).
    pub fn build(
        election: ElectionRef,
        office: Office,
        created: &str,
        files: BTreeMap<String, Vec<u8>>,
        authority: &SigningKey,
    ) -> Result<Package, BuildError> {
        Package::build_kind(Kind::Ceremony, election, office, created, files, authority)
    }

    /// Lists and signs `files` as a package of `kind`; `signer` is the authority for a ceremony
    /// package, the office's own key for a result package.
    pub fn build_kind(
        kind: Kind,
        election: ElectionRef,
        office: Office,
        created: &str,
        files: BTreeMap<String, Vec<u8>>,
        signer: &SigningKey,
    ) -> Result<Package, BuildError> {
        let authority = signer;
        for path in files.keys() {
            if !allowed_path(path) || path == MANIFEST || path == SIGNATURE {
                return Err(BuildError::BadPath(path.clone()));
            }
        }
        let manifest = Manifest {
            format: kind.format().to_string(),
            election,
            office,
            authority: authority.public().fingerprint().to_hex(),
            created: created.to_string(),
            files: files
                .iter()
                .map(|(path, bytes)| ManifestFile {
                    path: path.clone(),
                    size: bytes.len() as u64,
                    sha256: HashCode::of(bytes).to_hex(),
                })
                .collect(),
            software: crate::software::current(),
        };
        let manifest_bytes = crate::pretty_json(&manifest);
        let signature = authority.sign(kind.domain(), &manifest_bytes);
        Ok(Package {
            manifest,
            manifest_bytes,
            signature,
            files,
        })
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The fingerprint: SHA-256 of `manifest.json`.
    pub fn fingerprint(&self) -> HashCode {
        HashCode::of(&self.manifest_bytes)
    }

    /// A listed file's bytes.
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    /// Every file to write, the manifest and its signature included.
    pub fn entries(&self) -> BTreeMap<String, Vec<u8>> {
        let mut entries = self.files.clone();
        entries.insert(MANIFEST.to_string(), self.manifest_bytes.clone());
        entries.insert(
            SIGNATURE.to_string(),
            format!("{}\n", self.signature).into_bytes(),
        );
        entries
    }

    /// Total size of all entries in bytes.
    pub fn size(&self) -> u64 {
        self.entries()
            .values()
            .map(|bytes| bytes.len() as u64)
            .sum()
    }
}

/// Whether `path` may name a file in a package: relative, `/`-separated, each part of ASCII
/// letters, digits, `.`, `-` and `_`, not `.` or `..`, at most 8 levels.
pub fn allowed_path(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    !path.is_empty()
        && parts.len() <= 8
        && parts.iter().all(|part| {
            !part.is_empty()
                && *part != "."
                && *part != ".."
                && part.len() <= 100
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_')
        })
}

/// What the person checking expects the package to be. `None` accepts any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expected {
    /// The election's id.
    pub election: Option<ElectionId>,
    /// The office.
    pub office: Option<Office>,
}

/// One thing wrong with a package.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// No `manifest.json`.
    #[error("the manifest ({MANIFEST}) is missing")]
    MissingManifest,
    /// `manifest.json` is not a manifest.
    #[error("the manifest ({MANIFEST}) cannot be read: {0}")]
    UnreadableManifest(String),
    /// No `manifest.sig`.
    #[error("the signature ({SIGNATURE}) is missing")]
    MissingSignature,
    /// `manifest.sig` is not a signature.
    #[error("the signature ({SIGNATURE}) cannot be read")]
    UnreadableSignature,
    /// The signature does not match the manifest and the authority's key.
    #[error(
        "the signature is wrong: the manifest was altered, or it was not signed by the authority key {authority}"
    )]
    BadSignature {
        /// Fingerprint of the key checked against.
        authority: HashCode,
    },
    /// Another format, or a package of another kind (a ceremony package offered as a result).
    #[error("a package of another kind or an unknown format: {found:?} (expected {expected})")]
    WrongFormat {
        /// The format found.
        found: String,
        /// The format expected.
        expected: &'static str,
    },
    /// A listed file is not there.
    #[error("file {0} is missing")]
    MissingFile(String),
    /// A listed file's bytes differ from the manifest.
    #[error("file {path} was altered (its SHA-256 or size differs from the manifest)")]
    AlteredFile {
        /// The file.
        path: String,
    },
    /// A file the manifest does not list.
    #[error("file {0} does not belong to the package (not in the manifest)")]
    UnlistedFile(String),
    /// A package of another election.
    #[error("the package is for election {found}, not {expected}")]
    OtherElection {
        /// Expected id.
        expected: ElectionId,
        /// Found id.
        found: ElectionId,
    },
    /// A package of another office.
    #[error("the package is for {found}, not {expected}")]
    OtherOffice {
        /// Expected.
        expected: Office,
        /// Found.
        found: Office,
    },
}

impl Problem {
    /// What is wrong, for the reader to see in their language.
    pub fn message(&self) -> Message {
        match self {
            Problem::MissingManifest => msg!("seal-missing-manifest", file = MANIFEST),
            Problem::UnreadableManifest(detail) => {
                msg!("seal-unreadable-manifest", file = MANIFEST, detail = detail)
            }
            Problem::MissingSignature => msg!("seal-missing-signature", file = SIGNATURE),
            Problem::UnreadableSignature => {
                msg!("seal-unreadable-signature", file = SIGNATURE)
            }
            Problem::BadSignature { authority } => {
                msg!("seal-bad-signature", authority = authority.to_string())
            }
            Problem::WrongFormat { found, expected } => {
                msg!("seal-wrong-format", found = found, expected = *expected)
            }
            Problem::MissingFile(path) => msg!("seal-missing-file", file = path),
            Problem::AlteredFile { path } => msg!("seal-altered-file", file = path),
            Problem::UnlistedFile(path) => msg!("seal-unlisted-file", file = path),
            Problem::OtherElection { expected, found } => {
                msg!("seal-other-election", found = found, expected = expected)
            }
            Problem::OtherOffice { expected, found } => msg!(
                "seal-other-office",
                found = found.describe(),
                expected = expected.describe()
            ),
        }
    }
}

/// Several problems as one message, separated by semicolons.
pub fn problems_message(problems: &[Problem]) -> Message {
    let parts = problems
        .iter()
        .enumerate()
        .flat_map(|(index, problem)| {
            let separator = (index > 0).then(|| Value::Text("; ".into()));
            separator.into_iter().chain([problem.message().into()])
        })
        .collect();
    msg!("seal-problems", problems = Value::Parts(parts))
}

/// A package that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// Its manifest.
    pub manifest: Manifest,
    /// Its fingerprint.
    pub fingerprint: HashCode,
}

/// Checks a package's files (as read from a directory or a stick) against the authority's key
/// and what is expected. Returns every problem found.
pub fn verify(
    entries: &BTreeMap<String, Vec<u8>>,
    authority: &PublicKey,
    expected: &Expected,
) -> Result<Verified, Vec<Problem>> {
    verify_kind(Kind::Ceremony, entries, authority, expected)
}

/// [`verify`] for a package of `kind`, against the key that must have signed it.
pub fn verify_kind(
    kind: Kind,
    entries: &BTreeMap<String, Vec<u8>>,
    authority: &PublicKey,
    expected: &Expected,
) -> Result<Verified, Vec<Problem>> {
    let mut problems = Vec::new();
    let Some(manifest_bytes) = entries.get(MANIFEST) else {
        problems.push(Problem::MissingManifest);
        if !entries.contains_key(SIGNATURE) {
            problems.push(Problem::MissingSignature);
        }
        return Err(problems);
    };

    match entries.get(SIGNATURE) {
        None => problems.push(Problem::MissingSignature),
        // Only the exact form Urna writes is read: a signature file that differs in any byte
        // (upper-case hex digits, other white space) is refused, not normalised.
        Some(bytes) => match std::str::from_utf8(bytes)
            .ok()
            .and_then(|text| text.parse::<Signature>().ok())
            .filter(|signature| format!("{signature}\n").as_bytes() == bytes.as_slice())
        {
            None => problems.push(Problem::UnreadableSignature),
            Some(signature) => {
                if authority
                    .verify(kind.domain(), manifest_bytes, &signature)
                    .is_err()
                {
                    problems.push(Problem::BadSignature {
                        authority: authority.fingerprint(),
                    });
                }
            }
        },
    }

    let manifest: Manifest = match serde_json::from_slice(manifest_bytes) {
        Ok(manifest) => manifest,
        Err(error) => {
            problems.push(Problem::UnreadableManifest(error.to_string()));
            return Err(problems);
        }
    };
    if manifest.format != kind.format() {
        problems.push(Problem::WrongFormat {
            found: manifest.format.clone(),
            expected: kind.format(),
        });
    }
    if let Some(id) = &expected.election
        && *id != manifest.election.id
    {
        problems.push(Problem::OtherElection {
            expected: id.clone(),
            found: manifest.election.id.clone(),
        });
    }
    if let Some(office) = &expected.office
        && !office.same_as(&manifest.office)
    {
        problems.push(Problem::OtherOffice {
            expected: office.clone(),
            found: manifest.office.clone(),
        });
    }

    let mut listed = std::collections::BTreeSet::new();
    for file in &manifest.files {
        listed.insert(file.path.as_str());
        match entries.get(&file.path) {
            None => problems.push(Problem::MissingFile(file.path.clone())),
            Some(bytes) => {
                if bytes.len() as u64 != file.size || HashCode::of(bytes).to_hex() != file.sha256 {
                    problems.push(Problem::AlteredFile {
                        path: file.path.clone(),
                    });
                }
            }
        }
    }
    for path in entries.keys() {
        if path != MANIFEST && path != SIGNATURE && !listed.contains(path.as_str()) {
            problems.push(Problem::UnlistedFile(path.clone()));
        }
    }

    if problems.is_empty() {
        Ok(Verified {
            fingerprint: HashCode::of(manifest_bytes),
            manifest,
        })
    } else {
        Err(problems)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The test election of the package tests (also used by `transmission`'s).
    pub(crate) fn election() -> ElectionRef {
        ElectionRef {
            id: "GR2026_Test".parse().unwrap(),
            name: "Gemeenteraad Test 2026".into(),
        }
    }

    fn station(number: u32) -> Office {
        Office::PollingStation {
            number,
            name: format!("Stembureau {number}"),
        }
    }

    fn package(key: &SigningKey) -> Package {
        let files = BTreeMap::from([
            ("election.json".to_string(), b"{\"id\":1}".to_vec()),
            ("keys/office.pub".to_string(), b"key".to_vec()),
        ]);
        Package::build(election(), station(3), "2026-11-23T10:00:00Z", files, key).expect("build")
    }

    #[test]
    fn an_intact_package_verifies_with_its_fingerprint() {
        let key = SigningKey::generate();
        let package = package(&key);
        let verified = verify(
            &package.entries(),
            &key.public(),
            &Expected {
                election: Some("GR2026_Test".parse().unwrap()),
                office: Some(station(3)),
            },
        )
        .expect("verifies");
        assert_eq!(verified.fingerprint, package.fingerprint());
        assert_eq!(verified.manifest.files.len(), 2);
    }

    #[test]
    fn every_problem_is_named() {
        let key = SigningKey::generate();
        let mut entries = package(&key).entries();
        entries.remove("keys/office.pub");
        entries.insert("election.json".into(), b"{\"id\":2}".to_vec());
        entries.insert("extra.txt".into(), b"?".to_vec());
        let problems = verify(
            &entries,
            &key.public(),
            &Expected {
                election: Some("GR2026_Other".parse().unwrap()),
                office: Some(station(4)),
            },
        )
        .expect_err("refused");
        assert_eq!(
            problems,
            vec![
                Problem::OtherElection {
                    expected: "GR2026_Other".parse().unwrap(),
                    found: "GR2026_Test".parse().unwrap()
                },
                Problem::OtherOffice {
                    expected: station(4),
                    found: station(3)
                },
                Problem::AlteredFile {
                    path: "election.json".into()
                },
                Problem::MissingFile("keys/office.pub".into()),
                Problem::UnlistedFile("extra.txt".into()),
            ]
        );
    }

    #[test]
    fn another_authority_key_is_a_bad_signature() {
        let key = SigningKey::generate();
        let other = SigningKey::generate();
        let problems = verify(
            &package(&key).entries(),
            &other.public(),
            &Expected::default(),
        )
        .expect_err("refused");
        assert_eq!(
            problems,
            vec![Problem::BadSignature {
                authority: other.public().fingerprint()
            }]
        );
    }

    #[test]
    fn a_signature_file_in_another_spelling_is_refused() {
        let key = SigningKey::generate();
        let mut entries = package(&key).entries();
        let spelled = String::from_utf8(entries[SIGNATURE].clone())
            .expect("text")
            .to_uppercase()
            .replace("URNA-ED25519-SIGNATURE:", "urna-ed25519-signature:");
        entries.insert(SIGNATURE.into(), spelled.into_bytes());
        assert_eq!(
            verify(&entries, &key.public(), &Expected::default()),
            Err(vec![Problem::UnreadableSignature])
        );
    }

    #[test]
    fn missing_manifest_and_signature_are_named() {
        let key = SigningKey::generate();
        let mut entries = package(&key).entries();
        entries.remove(SIGNATURE);
        assert_eq!(
            verify(&entries, &key.public(), &Expected::default()),
            Err(vec![Problem::MissingSignature])
        );
        entries.remove(MANIFEST);
        assert_eq!(
            verify(&entries, &key.public(), &Expected::default()),
            Err(vec![Problem::MissingManifest, Problem::MissingSignature])
        );
    }

    #[test]
    fn paths_are_checked_when_building() {
        let key = SigningKey::generate();
        for bad in ["", "/abs", "a/../b", "a//b", "manifest.json", "sp ace", "é"] {
            let files = BTreeMap::from([(bad.to_string(), Vec::new())]);
            assert_eq!(
                Package::build(election(), station(1), "t", files, &key).err(),
                Some(BuildError::BadPath(bad.to_string())),
                "{bad:?}"
            );
        }
    }
}
