//! The intake of sealed result packages, from a file (`urna central receive`) or over TLS
//! (`urna central serve`, served by `web::intake`).
//!
//! Every package is opened and checked (`seal::transmission::open`: decrypts with the central
//! key, signed by the office the ceremony registered, for this election); over the network the
//! connection itself must come from an office of that election (its client certificate, issued
//! at the ceremony, carries the office's key) and from the very office that signed the package,
//! so a package captured on the way and sent again by anyone else is refused. What is taken in is
//! stored by office and version and never written over:
//!
//! ```text
//! received/<election>/<office>/v<n>/
//!   sealed.urna-result          the file as received
//!   files/…                     its files
//!   package/…                   its files with manifest and signature, as signed (published)
//!   receipt.json, receipt.sig   the receipt given
//! ```
//!
//! The same file again gets the same receipt (status "received before") and stores nothing; a
//! different package of the same office becomes the next version, flagged for review. Every
//! outcome, each refusal with its reason, is an entry in the audit log.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use messages::{Language, t};
use model::ElectionId;
use seal::HashCode;
use seal::lock::ElectionKey;
use seal::package::{Office, OfficeCode};
use seal::signing::{PublicKey, Signature, SigningKey};
use seal::transmission::{self, Opened, RECEIPT_FORMAT, Receipt, Refusal, Status};
use store::{Actor, AuditAction, Store};

use crate::error::{CentralError, io};

/// The file beside a registered election's ceremony files: the authority that issued its
/// offices' client certificates.
pub const INTAKE_CA: &str = "intake-ca.pem";

/// Writes a new file; never replaces one.
fn create_new(path: &Path, bytes: &[u8]) -> Result<(), CentralError> {
    crate::folder::create(path, bytes)
}

/// The archive of received versions: the central folder's `received/`.
#[derive(Debug, Clone)]
pub struct Archive(PathBuf);

impl Archive {
    /// The archive at `root` (`CENTRAL/received`).
    pub fn new(root: &Path) -> Archive {
        Archive(root.to_path_buf())
    }

    /// The folder of one office's versions.
    pub fn office(&self, election: &ElectionId, office: OfficeCode) -> PathBuf {
        self.0.join(election.as_str()).join(office.to_string())
    }

    /// Stores a version unless the same sealed file is there already; returns its receipt,
    /// signed with `key`.
    pub fn store(
        &self,
        election: &ElectionId,
        office: OfficeCode,
        sealed: &[u8],
        opened: &Opened,
        key: &SigningKey,
    ) -> Result<(Receipt, Signature), CentralError> {
        let root = self.office(election, office);
        let mut versions: Vec<u32> = std::fs::read_dir(&root)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter_map(|e| e.file_name().to_str()?.strip_prefix('v')?.parse().ok())
                    .collect()
            })
            .unwrap_or_default();
        versions.sort_unstable();
        for version in &versions {
            // The same package again: the same sealed file replayed, or the same signed package
            // sealed anew (anyone can seal a published package to the centre's public key). Not
            // a new version: the receipt first given, for the file handed in now.
            let path = root.join(format!("v{version}")).join("receipt.json");
            let bytes = bounded::read(&path, MAX_RECEIPT_BYTES)?;
            let mut receipt: Receipt = serde_json::from_slice(&bytes)
                .map_err(|e| crate::error::unreadable(&path)(e.to_string()))?;
            if receipt.sealed == opened.sealed.to_hex()
                || receipt.package == opened.fingerprint.to_hex()
            {
                receipt.status = Status::AlreadyReceived;
                receipt.sealed = opened.sealed.to_hex();
                let signature = receipt.sign(key);
                return Ok((receipt, signature));
            }
        }
        let version = versions.last().map_or(1, |last| last + 1);
        let receipt = Receipt {
            format: RECEIPT_FORMAT.into(),
            election: election.clone(),
            office,
            sealed: opened.sealed.to_hex(),
            package: opened.fingerprint.to_hex(),
            version,
            status: if version == 1 {
                Status::Accepted
            } else {
                Status::NewVersionForReview
            },
            received: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        };
        // Each version's files are new files: an earlier version is never written over.
        let folder = root.join(format!("v{version}"));
        for (name, bytes) in &opened.files {
            create_new(&folder.join("files").join(name), bytes)?;
        }
        // The package as signed (files, manifest and signature): what the feed publishes.
        for (name, bytes) in opened.files.iter().chain(&opened.signed) {
            create_new(&folder.join("package").join(name), bytes)?;
        }
        create_new(&folder.join("sealed.urna-result"), sealed)?;
        let signature = receipt.sign(key);
        create_new(&folder.join("receipt.json"), &receipt.to_bytes())?;
        create_new(
            &folder.join("receipt.sig"),
            format!("{signature}\n").as_bytes(),
        )?;
        Ok((receipt, signature))
    }
}

/// Largest receipt file read back from the archive.
const MAX_RECEIPT_BYTES: u64 = 64 * 1024;

/// How a package came in.
#[derive(Debug, Clone, Copy)]
pub enum Channel<'a> {
    /// Read from a file (a USB stick): the package's own signature is the proof of its sender.
    File(&'a Path),
    /// Over TLS: the key of the connection's client certificate (its 32 bytes), if it showed one.
    Connection(Option<[u8; 32]>),
}

/// Why a package was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// The election is not registered here.
    #[error("election {0} is not registered with this central authority")]
    UnknownElection(ElectionId),
    /// A connection without a client certificate.
    #[error("the connection shows no office certificate")]
    NoCertificate,
    /// The connection's certificate belongs to no office of this election.
    #[error("the connection's certificate belongs to no office of election {0}")]
    StrangerConnection(ElectionId),
    /// The package was signed by one office and sent over another's connection.
    #[error("the package was signed by {signed_by} but sent over the connection of {connection}")]
    OtherOffice {
        /// The office that signed the package.
        signed_by: OfficeCode,
        /// The office the connection belongs to.
        connection: OfficeCode,
    },
    /// The package itself failed its checks.
    #[error(transparent)]
    Package(#[from] Refusal),
    /// The package's election definition is not the one the election's ceremony signed: its
    /// count would be read against other lists, candidates or seats.
    #[error(
        "the election definition in the package ({}) is not the one the ceremony signed (SHA-256 {expected})",
        found.as_deref().map_or_else(|| "none".to_string(), |f| format!("SHA-256 {f}"))
    )]
    ForeignDefinition {
        /// SHA-256 of the package's `election.json`, when it has one.
        found: Option<String>,
        /// SHA-256 of the definition the registration names.
        expected: String,
    },
}

impl Refused {
    /// The refusal, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        match self {
            Refused::UnknownElection(election) => {
                t!(lang, "central-unknown-election", election = election)
            }
            Refused::NoCertificate => t!(lang, "central-no-certificate"),
            Refused::StrangerConnection(election) => {
                t!(lang, "central-stranger-connection", election = election)
            }
            Refused::OtherOffice {
                signed_by,
                connection,
            } => t!(
                lang,
                "central-other-office",
                signed_by = signed_by,
                connection = connection
            ),
            Refused::Package(refusal) => refusal.message().text(lang),
            Refused::ForeignDefinition { found, expected } => match found {
                Some(found) => t!(
                    lang,
                    "central-foreign-definition",
                    found = found,
                    expected = expected
                ),
                None => t!(lang, "central-no-definition", expected = expected),
            },
        }
    }

    /// Whether the sender, rather than the package, is refused (a refusal of the connection,
    /// not of what it carried).
    pub fn is_about_the_sender(&self) -> bool {
        !matches!(
            self,
            Refused::Package(_) | Refused::ForeignDefinition { .. }
        )
    }
}

/// What the intake did with one package.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Taken in (or received before): the receipt and its signature.
    Received {
        /// The receipt.
        receipt: Box<Receipt>,
        /// Signed by the central authority.
        signature: Signature,
        /// The office that sent it.
        office: Office,
        /// When the package counts some of the election's polling stations only: how many of
        /// how many. Taken in, but never published as the result.
        partial: Option<(usize, usize)>,
    },
    /// Refused, with the reason.
    Refused(Refused),
}

/// The central authority's intake: its keys, the registered elections with their offices' keys,
/// the archive and the audit log.
pub struct Intake {
    transmission: ElectionKey,
    receipts: SigningKey,
    elections: BTreeMap<ElectionId, Vec<(Office, PublicKey)>>,
    archive: Archive,
    store: Arc<Store>,
    actor: Actor,
    /// Per election, SHA-256 of the definition its ceremony signed (the registration's), where
    /// known: a package with another `election.json` is refused.
    definitions: BTreeMap<ElectionId, String>,
    /// One package stored at a time, so that two versions never take the same number.
    storing: Mutex<()>,
}

impl std::fmt::Debug for Intake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Intake")
            .field("elections", &self.elections.keys().collect::<Vec<_>>())
            .field("archive", &self.archive)
            .finish_non_exhaustive()
    }
}

impl Intake {
    /// An intake with the central authority's keys (`transmission` opens the sealed files,
    /// `receipts` signs receipts), the offices' keys per registered election, the archive, and
    /// the audit log entries written as `actor`.
    pub fn new(
        transmission: ElectionKey,
        receipts: SigningKey,
        elections: BTreeMap<ElectionId, Vec<(Office, PublicKey)>>,
        archive: Archive,
        store: Arc<Store>,
        actor: Actor,
    ) -> Intake {
        Intake {
            transmission,
            receipts,
            elections,
            archive,
            store,
            actor,
            definitions: BTreeMap::new(),
            storing: Mutex::new(()),
        }
    }

    /// Refuses, per election, a package whose `election.json` is not the definition with the
    /// given SHA-256 (hex): the one its ceremony signed, as the registration names it.
    pub fn expecting_definitions(mut self, definitions: BTreeMap<ElectionId, String>) -> Intake {
        self.definitions = definitions;
        self
    }

    /// Opens and checks the package; over a connection, also who sent it. The opened package
    /// names the office that signed it (`transmission::open` checked its registered key).
    fn check(
        &self,
        election: &ElectionId,
        sealed: &[u8],
        channel: Channel<'_>,
    ) -> Result<Opened, Refused> {
        let senders = self
            .elections
            .get(election)
            .ok_or_else(|| Refused::UnknownElection(election.clone()))?;
        let stranger = || Refused::StrangerConnection(election.clone());
        let connection = match channel {
            Channel::File(_) => None,
            Channel::Connection(None) => return Err(Refused::NoCertificate),
            Channel::Connection(Some(bytes)) => {
                let key = PublicKey::from_bytes(&bytes).map_err(|_| stranger())?;
                let (office, _) = senders
                    .iter()
                    .find(|(_, registered)| *registered == key)
                    .ok_or_else(stranger)?;
                Some(office)
            }
        };
        let opened = transmission::open(sealed, &self.transmission, senders, election)?;
        if let Some(connection) = connection
            && !connection.same_as(&opened.manifest.office)
        {
            return Err(Refused::OtherOffice {
                signed_by: opened.manifest.office.code(),
                connection: connection.code(),
            });
        }
        if let Some(expected) = self.definitions.get(election) {
            let found = opened
                .files
                .get(seal::ceremony::files::ELECTION)
                .map(|bytes| HashCode::of(bytes).to_hex());
            if found.as_ref() != Some(expected) {
                return Err(Refused::ForeignDefinition {
                    found,
                    expected: expected.clone(),
                });
            }
        }
        Ok(opened)
    }

    /// Checks, stores and logs one sealed package sent for `election`.
    pub fn take(
        &self,
        election: &ElectionId,
        sealed: &[u8],
        channel: Channel<'_>,
    ) -> Result<Outcome, CentralError> {
        let via = match channel {
            Channel::File(path) => serde_json::json!({ "file": path.display().to_string() }),
            Channel::Connection(key) => serde_json::json!({
                "tls": key
                    .and_then(|k| PublicKey::from_bytes(&k).ok())
                    .map(|k| k.fingerprint().to_hex()),
            }),
        };
        match self.check(election, sealed, channel) {
            Err(refused) => {
                self.store.log_event(
                    &self.actor,
                    AuditAction::CentralRefused,
                    serde_json::json!({
                        "via": via,
                        "sha256": HashCode::of(sealed).to_hex(),
                        "election": election.as_str(),
                        "reason": refused.to_string(),
                    }),
                )?;
                Ok(Outcome::Refused(refused))
            }
            Ok(opened) => {
                let code = opened.manifest.office.code();
                let partial = match publish::source::read(&opened.files)
                    .and_then(publish::source::determine)
                {
                    Err(publish::source::SourceError::Partial { counted, expected }) => {
                        Some((counted, expected))
                    }
                    _ => None,
                };
                let (receipt, signature) = {
                    let _one_at_a_time = self
                        .storing
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    self.archive
                        .store(election, code, sealed, &opened, &self.receipts)?
                };
                self.store.log_event(
                    &self.actor,
                    AuditAction::CentralReceived,
                    serde_json::json!({
                        "via": via,
                        "election": election.as_str(),
                        "office": code,
                        "sealed": receipt.sealed,
                        "version": receipt.version,
                        "status": receipt.status,
                        "partial": partial.map(|(counted, expected)| {
                            serde_json::json!({ "counted": counted, "expected": expected })
                        }),
                    }),
                )?;
                Ok(Outcome::Received {
                    receipt: Box::new(receipt),
                    signature,
                    office: opened.manifest.office,
                    partial,
                })
            }
        }
    }
}

/// Where the receipt of the sealed file `sealed` is written: `FILE.receipt.json`.
pub fn receipt_path(sealed: &Path) -> PathBuf {
    let mut name = sealed.as_os_str().to_owned();
    name.push(".receipt.json");
    PathBuf::from(name)
}

/// The signature beside a receipt: `….receipt.json` → `….receipt.sig`.
pub fn receipt_signature_path(receipt: &Path) -> PathBuf {
    let name = receipt.to_string_lossy();
    PathBuf::from(format!("{}.sig", name.trim_end_matches(".json")))
}

/// Writes a receipt and its signature beside the sealed file.
pub fn write_receipt(
    sealed: &Path,
    receipt: &[u8],
    signature: &Signature,
) -> Result<(), CentralError> {
    let receipt_file = receipt_path(sealed);
    std::fs::write(&receipt_file, receipt).map_err(io(&receipt_file))?;
    let signature_file = receipt_signature_path(&receipt_file);
    std::fs::write(&signature_file, format!("{signature}\n")).map_err(io(&signature_file))?;
    Ok(())
}

/// What a receipt says, checked.
#[derive(Debug, Clone)]
pub enum ReceiptCheck {
    /// Signed by the central authority (and for the sealed file, when given).
    Valid(Receipt),
    /// The signature does not match the central authority's key.
    BadSignature,
    /// A valid receipt, but for another file.
    OtherFile,
}

/// Checks the receipt `receipt` (its `.receipt.sig` beside it) offline with the central
/// authority's receipts key, and, when given, that it is for the file `sealed`.
pub fn check_receipt(
    receipt: &Path,
    receipts_key: &PublicKey,
    sealed: Option<&Path>,
) -> Result<ReceiptCheck, CentralError> {
    let bytes = crate::folder::read(receipt)?;
    let signature_path = receipt_signature_path(receipt);
    let signature: Signature = String::from_utf8_lossy(&crate::folder::read(&signature_path)?)
        .trim()
        .parse()
        .map_err(|e: seal::signing::SigningError| {
            crate::error::unreadable(&signature_path)(e.to_string())
        })?;
    let Some(checked) = Receipt::verify(&bytes, &signature, receipts_key) else {
        return Ok(ReceiptCheck::BadSignature);
    };
    if let Some(sealed) = sealed
        && HashCode::of(&crate::folder::read(sealed)?).to_hex() != checked.sealed
    {
        return Ok(ReceiptCheck::OtherFile);
    }
    Ok(ReceiptCheck::Valid(checked))
}
