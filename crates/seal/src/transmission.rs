//! An office's result on its way to the central authority: a result package (its files under a
//! manifest signed with the office's own key, the key registered at the ceremony), bundled into
//! one file and encrypted to the central authority's transmission key; and the central
//! authority's signed receipt, which the office checks offline.
//!
//! The results machine never goes online: the sealed file travels on a USB stick or is uploaded
//! from a separate transfer machine. Whoever carries it can neither read nor change it: a changed
//! byte fails age's authentication, a package signed by anyone but the registered office fails
//! the signature, a package of another election or office is named as such.
//!
//! Bundle (inside the encryption), all integers big-endian:
//!
//! ```text
//! "URNA-BUNDLE/1\n"
//! count                    u32
//! per file: path length u16, path (UTF-8), size u32, bytes
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use messages::{Message, msg};
use model::ElectionId;

use crate::HashCode;
use crate::bytes::Reader;
use crate::lock::{ElectionKey, ElectionPublicKey, LockError};
use crate::package::{
    self, BuildError, ElectionRef, Expected, Kind, Manifest, Office, OfficeCode, Package, Problem,
};
use crate::signing::{PublicKey, Signature, SigningKey};

const BUNDLE_MAGIC: &[u8] = b"URNA-BUNDLE/1\n";
/// Largest sealed result accepted. Opening one holds it, its decrypted bundle and the files
/// (about three times its size) in memory, which stays under 256 MB; a municipality of 50
/// polling stations seals about 14 MB, most of it the Bijlage 1 PDF.
pub const MAX_SEALED_BYTES: usize = 80 * 1024 * 1024;
/// Format tag of a receipt.
pub const RECEIPT_FORMAT: &str = "urna-receipt/1";
const RECEIPT_DOMAIN: &str = "urna/receipt/v1";

/// Why a sealed result is refused. Each says what is wrong, for the audit log and the sender.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// Larger than [`MAX_SEALED_BYTES`].
    #[error("the file is larger than any result package ({0} bytes)")]
    TooLarge(usize),
    /// Not encrypted to this central authority, or altered in transit.
    #[error(
        "the file does not decrypt with the central authority's key: altered in transit, or not meant for this central authority"
    )]
    Undecryptable,
    /// Decrypts, but is not a bundle.
    #[error("the file is not a result package: {0}")]
    Malformed(&'static str),
    /// The package names an office that has no registered key.
    #[error("{0} has no key registered at the ceremony")]
    UnknownSender(String),
    /// The package's checks failed: signature (another sender), files, election, format.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Package(Vec<Problem>),
}

impl Refusal {
    /// Why, for the reader to see in their language.
    pub fn message(&self) -> Message {
        match self {
            Refusal::TooLarge(size) => msg!("seal-refusal-too-large", bytes = *size),
            Refusal::Undecryptable => msg!("seal-refusal-undecryptable"),
            Refusal::Malformed(why) => msg!("seal-refusal-malformed", detail = *why),
            Refusal::UnknownSender(office) => {
                msg!("seal-refusal-unknown-sender", office = office)
            }
            Refusal::Package(problems) => package::problems_message(problems),
        }
    }
}

/// Makes an office's result package: `files` (e.g. the EML 510b and the PDF reports) under a
/// manifest signed with the office's key.
pub fn build(
    election: ElectionRef,
    office: Office,
    created: &str,
    files: BTreeMap<String, Vec<u8>>,
    office_key: &SigningKey,
) -> Result<Package, BuildError> {
    Package::build_kind(Kind::Result, election, office, created, files, office_key)
}

/// Bundles the package and encrypts it to the central authority.
pub fn seal(package: &Package, central: &ElectionPublicKey) -> Result<Vec<u8>, LockError> {
    let entries = package.entries();
    let mut bundle = BUNDLE_MAGIC.to_vec();
    bundle.extend_from_slice(&(entries.len() as u32).to_be_bytes());
    for (path, bytes) in &entries {
        bundle.extend_from_slice(&(path.len() as u16).to_be_bytes());
        bundle.extend_from_slice(path.as_bytes());
        bundle.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
        bundle.extend_from_slice(bytes);
    }
    central.encrypt(&bundle)
}

/// A result package that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// Its manifest (election, office, created, files).
    pub manifest: Manifest,
    /// Its files, by path (manifest and signature not included).
    pub files: BTreeMap<String, Vec<u8>>,
    /// SHA-256 of the sealed file as received: what a receipt names.
    pub sealed: HashCode,
    /// The manifest's fingerprint.
    pub fingerprint: HashCode,
    /// The manifest and its signature exactly as signed, by their paths in the package, so that
    /// the package can be published and checked by others.
    pub signed: BTreeMap<String, Vec<u8>>,
}

/// Decrypts a sealed result and checks it: the office it names must have a registered key
/// (`senders`), which must have signed it; every file as listed; the election `election`.
pub fn open(
    sealed: &[u8],
    central: &ElectionKey,
    senders: &[(Office, PublicKey)],
    election: &ElectionId,
) -> Result<Opened, Refusal> {
    if sealed.len() > MAX_SEALED_BYTES {
        return Err(Refusal::TooLarge(sealed.len()));
    }
    let bundle = central
        .decrypt(sealed)
        .map_err(|_| Refusal::Undecryptable)?;
    let entries = unbundle(&bundle)?;
    let manifest: Manifest = entries
        .get(package::MANIFEST)
        .and_then(|bytes| serde_json::from_slice(bytes).ok())
        .ok_or(Refusal::Malformed("no readable manifest"))?;
    let key = senders
        .iter()
        .find(|(office, _)| office.same_as(&manifest.office))
        .map(|(_, key)| key)
        .ok_or_else(|| Refusal::UnknownSender(manifest.office.to_string()))?;
    let verified = package::verify_kind(
        Kind::Result,
        &entries,
        key,
        &Expected {
            election: Some(election.clone()),
            office: None,
        },
    )
    .map_err(Refusal::Package)?;
    let mut files = entries;
    let signed = [package::MANIFEST, package::SIGNATURE]
        .into_iter()
        .filter_map(|path| Some((path.to_string(), files.remove(path)?)))
        .collect();
    Ok(Opened {
        manifest: verified.manifest,
        files,
        sealed: HashCode::of(sealed),
        fingerprint: verified.fingerprint,
        signed,
    })
}

fn unbundle(bundle: &[u8]) -> Result<BTreeMap<String, Vec<u8>>, Refusal> {
    let mut input = Reader::new(
        bundle
            .strip_prefix(BUNDLE_MAGIC)
            .ok_or(Refusal::Malformed("not a bundle"))?,
        Refusal::Malformed("cut short"),
    );
    let count = input.u32()?;
    let mut entries = BTreeMap::new();
    for _ in 0..count {
        let len = input.u16()?;
        let path = std::str::from_utf8(input.take(usize::from(len))?)
            .map_err(|_| Refusal::Malformed("a path that is not UTF-8"))?
            .to_string();
        if !package::allowed_path(&path) {
            return Err(Refusal::Malformed("a path that is not allowed"));
        }
        let bytes = input.prefixed()?.to_vec();
        if entries.insert(path, bytes).is_some() {
            return Err(Refusal::Malformed("a file twice"));
        }
    }
    if !input.rest().is_empty() {
        return Err(Refusal::Malformed("bytes after the end"));
    }
    Ok(entries)
}

/// What the central authority did with a package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Stored: the first package of this office.
    Accepted,
    /// The same package again: nothing new stored, the same receipt.
    AlreadyReceived,
    /// A different package of an office that sent one before: kept as a new version and flagged
    /// for review, never replacing the first.
    NewVersionForReview,
}

/// The central authority's receipt for a package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    /// [`RECEIPT_FORMAT`].
    pub format: String,
    /// The election.
    pub election: ElectionId,
    /// The office that sent it (`SB12`, `HSB`).
    pub office: OfficeCode,
    /// SHA-256 of the sealed file received (64 hex digits).
    pub sealed: String,
    /// The package manifest's fingerprint.
    pub package: String,
    /// Which version of this office's result it is (1 for the first).
    pub version: u32,
    /// What was done.
    pub status: Status,
    /// When it was received (RFC 3339).
    pub received: String,
}

impl Receipt {
    /// The canonical bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        crate::pretty_json(self)
    }

    /// Signed by the central authority.
    pub fn sign(&self, central: &SigningKey) -> Signature {
        central.sign(RECEIPT_DOMAIN, &self.to_bytes())
    }

    /// Checks a receipt offline against the central authority's public key.
    pub fn verify(bytes: &[u8], signature: &Signature, central: &PublicKey) -> Option<Receipt> {
        central.verify(RECEIPT_DOMAIN, bytes, signature).ok()?;
        let receipt: Receipt = serde_json::from_slice(bytes).ok()?;
        (receipt.format == RECEIPT_FORMAT).then_some(receipt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::tests::election;

    fn main_office() -> Office {
        Office::MainOffice {
            name: "Hoofdstembureau Test".into(),
        }
    }

    fn files() -> BTreeMap<String, Vec<u8>> {
        BTreeMap::from([
            (
                "Telling_GR2026_Test.eml.xml".to_string(),
                b"<EML/>".to_vec(),
            ),
            ("Model_Na31-2.pdf".to_string(), b"%PDF-1.7 ...".to_vec()),
        ])
    }

    struct Setup {
        central: ElectionKey,
        office_key: SigningKey,
        senders: Vec<(Office, PublicKey)>,
        sealed: Vec<u8>,
    }

    fn setup() -> Setup {
        let central = ElectionKey::generate();
        let office_key = SigningKey::generate();
        let package = build(
            election(),
            main_office(),
            "2026-03-20T10:00:00Z",
            files(),
            &office_key,
        )
        .expect("build");
        let sealed = seal(&package, &central.public()).expect("seal");
        Setup {
            senders: vec![(main_office(), office_key.public())],
            central,
            office_key,
            sealed,
        }
    }

    #[test]
    fn a_sealed_result_opens_at_the_central_authority_with_every_file() {
        let s = setup();
        let opened = open(
            &s.sealed,
            &s.central,
            &s.senders,
            &"GR2026_Test".parse().unwrap(),
        )
        .expect("open");
        assert_eq!(opened.files, files());
        assert_eq!(opened.manifest.format, Kind::Result.format());
        assert_eq!(opened.sealed, HashCode::of(&s.sealed));
        // The carrier cannot read it.
        assert!(!s.sealed.windows(6).any(|w| w == b"<EML/>"));
    }

    #[test]
    fn tampered_foreign_and_misaddressed_results_are_refused_with_their_reason() {
        let s = setup();
        // A changed byte anywhere in the sealed file.
        for at in [0, s.sealed.len() / 2, s.sealed.len() - 1] {
            let mut altered = s.sealed.clone();
            altered[at] ^= 1;
            assert_eq!(
                open(
                    &altered,
                    &s.central,
                    &s.senders,
                    &"GR2026_Test".parse().unwrap()
                ),
                Err(Refusal::Undecryptable),
                "byte {at}"
            );
        }
        // Encrypted to another central authority.
        assert_eq!(
            open(
                &s.sealed,
                &ElectionKey::generate(),
                &s.senders,
                &"GR2026_Test".parse().unwrap()
            ),
            Err(Refusal::Undecryptable)
        );
        // Another election.
        let Err(Refusal::Package(problems)) = open(
            &s.sealed,
            &s.central,
            &s.senders,
            &"GR2026_Other".parse().unwrap(),
        ) else {
            panic!("another election must be refused");
        };
        assert!(matches!(problems[..], [Problem::OtherElection { .. }]));
        // Signed by a key that is not the office's registered key (a wrong sender).
        let impostor = SigningKey::generate();
        let forged = build(
            election(),
            main_office(),
            "2026-03-20T10:00:00Z",
            files(),
            &impostor,
        )
        .expect("build");
        let forged = seal(&forged, &s.central.public()).expect("seal");
        let Err(Refusal::Package(problems)) = open(
            &forged,
            &s.central,
            &s.senders,
            &"GR2026_Test".parse().unwrap(),
        ) else {
            panic!("a wrong sender must be refused");
        };
        assert!(matches!(problems[..], [Problem::BadSignature { .. }]));
        // An office without a registered key.
        assert_eq!(
            open(&s.sealed, &s.central, &[], &"GR2026_Test".parse().unwrap()),
            Err(Refusal::UnknownSender(main_office().to_string()))
        );
        // A ceremony package (signed by the same key) is not a result package.
        let ceremony = Package::build(
            election(),
            main_office(),
            "2026-03-20T10:00:00Z",
            files(),
            &s.office_key,
        )
        .expect("build");
        let sealed = seal(&ceremony, &s.central.public()).expect("seal");
        assert!(matches!(
            open(
                &sealed,
                &s.central,
                &s.senders,
                &"GR2026_Test".parse().unwrap()
            ),
            Err(Refusal::Package(_))
        ));
        // Not a bundle at all, though encrypted to the central authority.
        let junk = s.central.public().encrypt(b"hello").expect("encrypt");
        assert_eq!(
            open(
                &junk,
                &s.central,
                &s.senders,
                &"GR2026_Test".parse().unwrap()
            ),
            Err(Refusal::Malformed("not a bundle"))
        );
    }

    #[test]
    fn bundles_cut_short_or_padded_are_refused() {
        let s = setup();
        let bundle = s.central.decrypt(&s.sealed).expect("decrypt");
        for cut in [0, 5, BUNDLE_MAGIC.len() + 3, bundle.len() - 1] {
            assert!(unbundle(&bundle[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bundle.to_vec();
        longer.push(0);
        assert_eq!(
            unbundle(&longer),
            Err(Refusal::Malformed("bytes after the end"))
        );
    }

    #[test]
    fn a_receipt_verifies_offline_and_any_change_is_caught() {
        let central = SigningKey::generate();
        let receipt = Receipt {
            format: RECEIPT_FORMAT.into(),
            election: "GR2026_Test".parse().unwrap(),
            office: OfficeCode::MainOffice,
            sealed: HashCode::of(b"sealed").to_hex(),
            package: HashCode::of(b"manifest").to_hex(),
            version: 1,
            status: Status::Accepted,
            received: "2026-03-20T10:05:00Z".into(),
        };
        let bytes = receipt.to_bytes();
        let signature = receipt.sign(&central);
        assert_eq!(
            Receipt::verify(&bytes, &signature, &central.public()),
            Some(receipt.clone())
        );
        let altered = String::from_utf8(bytes.clone())
            .expect("utf-8")
            .replace("\"version\": 1", "\"version\": 2");
        assert_eq!(
            Receipt::verify(altered.as_bytes(), &signature, &central.public()),
            None
        );
        assert_eq!(
            Receipt::verify(&bytes, &signature, &SigningKey::generate().public()),
            None
        );
    }
}
