//! The key ceremony in the secured zone: its steps as a state machine, the package and
//! credential of each office, and the signed record of everything done.
//!
//! The order is fixed: keys first (the authority's signing key and the split election key), then
//! the packages (once: a second run would make new passwords beside printed ones), then as many
//! stick copies, verifications and share checks as wanted. [`Ceremony`] refuses any other order,
//! also when a record is read back, so a record with steps out of order is refused as tampered.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use messages::{Message, msg};

use crate::HashCode;
use crate::lock::{ElectionPublicKey, LockError, Strength, lock};
use crate::package::{BuildError, ElectionRef, Office, OfficeCode, Package};
use crate::password;
use crate::pretty_json;
use crate::signing::{PublicKey, Signature, SigningKey};

/// Format tag of a ceremony record.
pub const RECORD_FORMAT: &str = "urna-ceremony-record/1";
/// Domain of the record's signature.
const RECORD_DOMAIN: &str = "urna/ceremony-record/v1";

/// Names of the files in an office's package.
pub mod files {
    /// The election definition (JSON), the same in every package of the election.
    pub const ELECTION: &str = "election.json";
    /// The ballot layout (JSON), the same in every package of the election.
    pub const BALLOT: &str = "ballot.json";
    /// Public keys: authority, election key, the office's own.
    pub const KEYS: &str = "keys.json";
    /// The office's identity and login.
    pub const OFFICE: &str = "office.json";
    /// The office's signing key, locked to the password on its credential sheet.
    pub const OFFICE_KEY: &str = "office-key.age";
    /// Argon2id verifier of the password on the credential sheet.
    pub const PASSWORD_VERIFIER: &str = "chair-password.argon2";
    /// The office's client certificate for the central intake over TLS (PEM), bound to its key.
    pub const INTAKE_CERTIFICATE: &str = "intake-certificate.pem";
}

/// Why a ceremony step failed.
#[derive(Debug, thiserror::Error)]
pub enum CeremonyError {
    /// A package could not be made.
    #[error(transparent)]
    Build(#[from] BuildError),
    /// A key could not be locked.
    #[error(transparent)]
    Lock(#[from] LockError),
    /// A verifier could not be made.
    #[error(transparent)]
    Verifier(#[from] password::VerifierError),
    /// A step out of order.
    #[error(transparent)]
    Transition(#[from] TransitionError),
    /// An office's extra files (its intake certificate) could not be made.
    #[error("{0}")]
    OfficeFiles(String),
}

/// What every package of the election holds alike.
#[derive(Debug, Clone)]
pub struct Common {
    /// The election.
    pub election: ElectionRef,
    /// The election definition and ballot layout, by file name ([`files::ELECTION`],
    /// [`files::BALLOT`]).
    pub files: BTreeMap<String, Vec<u8>>,
    /// The public half of the election key.
    pub election_key: ElectionPublicKey,
}

/// The public keys in `keys.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keys {
    /// The authority's key that signed the package.
    pub authority: PublicKey,
    /// The key votes are encrypted to.
    pub election: ElectionPublicKey,
    /// The office's own signing key (its secret half is `office-key.age`).
    pub office: PublicKey,
}

/// `office.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeFile {
    /// The election.
    pub election: ElectionRef,
    /// The office.
    pub office: Office,
    /// The login on the credential sheet.
    pub login: String,
}

/// What goes on an office's credential sheet. The password exists only here and on paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credential {
    /// The election.
    pub election: ElectionRef,
    /// The office.
    pub office: Office,
    /// Login, e.g. `GR2026_Assen-SB12`.
    pub login: String,
    /// The password, in groups of four.
    pub password: String,
    /// The package's fingerprint, to compare with what the machine shows.
    pub fingerprint: HashCode,
}

/// An office's package and credential, fresh from [`prepare_office`].
#[derive(Debug)]
pub struct PreparedOffice {
    /// The signed package.
    pub package: Package,
    /// Its credential sheet's content.
    pub credential: Credential,
    /// The office's public key.
    pub office_key: PublicKey,
}

/// The login of `office` in `election`.
pub fn login(election: &ElectionRef, office: &Office) -> String {
    format!("{}-{}", election.id, office.code())
}

/// Files made for one office from its public key, added to its package before the authority
/// signs it: the client certificate of the central intake, issued at the ceremony
/// ([`files::INTAKE_CERTIFICATE`]). An error names what could not be made.
pub type OfficeFiles<'a> =
    dyn Fn(&Office, &PublicKey) -> Result<BTreeMap<String, Vec<u8>>, String> + Sync + 'a;

/// Makes an office's signing key and password, locks the key to the password, and signs the
/// package. The password leaves only in the returned credential.
pub fn prepare_office(
    common: &Common,
    office: Office,
    authority: &SigningKey,
    created: &str,
) -> Result<PreparedOffice, CeremonyError> {
    prepare_office_with(common, office, authority, created, &|_, _| {
        Ok(BTreeMap::new())
    })
}

/// [`prepare_office`], with `extra` files made from the office's key in its package.
pub fn prepare_office_with(
    common: &Common,
    office: Office,
    authority: &SigningKey,
    created: &str,
    extra: &OfficeFiles<'_>,
) -> Result<PreparedOffice, CeremonyError> {
    prepare_office_in(
        common,
        office,
        authority,
        created,
        extra,
        &mut password::Memory::new(),
    )
}

/// [`prepare_office_with`], hashing the password in `memory` (reused from office to office).
fn prepare_office_in(
    common: &Common,
    office: Office,
    authority: &SigningKey,
    created: &str,
    extra: &OfficeFiles<'_>,
    memory: &mut password::Memory,
) -> Result<PreparedOffice, CeremonyError> {
    let office_key = SigningKey::generate();
    let password = password::generate();
    let typed = password::normalise(&password);
    let verifier = password::verifier_in(&typed, memory)?;
    let locked = lock(
        office_key.secret_bytes().as_slice(),
        &typed,
        Strength::Generated,
    )?;
    let login = login(&common.election, &office);
    let keys = Keys {
        authority: authority.public(),
        election: common.election_key.clone(),
        office: office_key.public(),
    };
    let identity = OfficeFile {
        election: common.election.clone(),
        office: office.clone(),
        login: login.clone(),
    };
    let mut package_files = common.files.clone();
    package_files.extend(extra(&office, &office_key.public()).map_err(CeremonyError::OfficeFiles)?);
    package_files.insert(files::KEYS.into(), pretty_json(&keys));
    package_files.insert(files::OFFICE.into(), pretty_json(&identity));
    package_files.insert(files::OFFICE_KEY.into(), locked);
    package_files.insert(
        files::PASSWORD_VERIFIER.into(),
        format!("{verifier}\n").into_bytes(),
    );
    let package = Package::build(
        common.election.clone(),
        office.clone(),
        created,
        package_files,
        authority,
    )?;
    Ok(PreparedOffice {
        credential: Credential {
            election: common.election.clone(),
            office,
            login,
            password,
            fingerprint: package.fingerprint(),
        },
        office_key: office_key.public(),
        package,
    })
}

/// [`prepare_office`] for every office, spread over the machine's cores (Argon2id and scrypt
/// dominate the time), in the order given.
pub fn prepare_offices(
    common: &Common,
    offices: Vec<Office>,
    authority: &SigningKey,
    created: &str,
) -> Result<Vec<PreparedOffice>, CeremonyError> {
    prepare_offices_with(common, offices, authority, created, &|_, _| {
        Ok(BTreeMap::new())
    })
}

/// [`prepare_offices`], with `extra` files made from each office's key in its package.
pub fn prepare_offices_with(
    common: &Common,
    offices: Vec<Office>,
    authority: &SigningKey,
    created: &str,
    extra: &OfficeFiles<'_>,
) -> Result<Vec<PreparedOffice>, CeremonyError> {
    use rayon::prelude::*;
    offices
        .into_par_iter()
        .map(|office| prepare_office_with(common, office, authority, created, extra))
        .collect()
}

/// [`prepare_offices_with`], handing each office to `keep` as soon as it is made, in the order
/// given, instead of holding every package until all are made: 6,000 packages of 80 KiB each
/// stay out of memory, and `keep` (writing a package to disk, with its `fsync`s) runs on the
/// calling thread while the other offices' passwords are hashed on every core. Each worker
/// hashes in one Argon2id memory of its own, used again for every office it makes. An error of
/// either stops the making; what `keep` returned is given back in order.
pub fn prepare_offices_streaming<T, E: From<CeremonyError>>(
    common: &Common,
    offices: Vec<Office>,
    authority: &SigningKey,
    created: &str,
    extra: &OfficeFiles<'_>,
    mut keep: impl FnMut(PreparedOffice) -> Result<T, E>,
) -> Result<Vec<T>, E> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::mpsc::sync_channel;

    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(offices.len().max(1));
    // Made offices waiting for `keep`: a few per worker, so that the workers never wait for
    // the disk and memory stays bounded.
    let (sender, receiver) =
        sync_channel::<(usize, Result<PreparedOffice, CeremonyError>)>(4 * workers);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let offices = &offices;
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            let (next, stop) = (&next, &stop);
            scope.spawn(move || {
                let mut memory = password::Memory::new();
                while !stop.load(Ordering::Relaxed) {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(office) = offices.get(index) else {
                        return;
                    };
                    let made = prepare_office_in(
                        common,
                        office.clone(),
                        authority,
                        created,
                        extra,
                        &mut memory,
                    );
                    if sender.send((index, made)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(sender);
        // Offices finish out of order by a little; they are kept in the order given.
        let mut kept = Vec::with_capacity(offices.len());
        let mut waiting: BTreeMap<usize, PreparedOffice> = BTreeMap::new();
        let result = (|| {
            for (index, made) in &receiver {
                waiting.insert(index, made?);
                while let Some(office) = waiting.remove(&kept.len()) {
                    kept.push(keep(office)?);
                }
            }
            Ok(())
        })();
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
            // Unblock the workers: nothing more is received.
            drop(receiver);
        }
        result.map(|()| kept)
    })
}

/// One package in the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackageEntry {
    /// The office's code (`SB12`, `HSB`).
    pub office: OfficeCode,
    /// The package's fingerprint (64 hex digits).
    pub fingerprint: String,
    /// The office key's fingerprint.
    pub office_key: String,
}

/// One copy written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyEntry {
    /// Where.
    pub target: String,
    /// The files that differ after reading back; empty when the copy is identical.
    pub differing: Vec<String>,
}

/// What a step did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "kebab-case")]
pub enum Action {
    /// The authority key and the election key were made; the latter split into shares.
    KeysMade {
        /// Fingerprint of the authority key.
        authority: String,
        /// Fingerprint of the election's public key.
        election_key: String,
        /// Shares needed (k).
        threshold: u8,
        /// Holders of the shares, in share order.
        holders: Vec<String>,
    },
    /// The packages and credential sheets were made.
    PackagesMade {
        /// Every package.
        packages: Vec<PackageEntry>,
        /// The hash code (64 hex digits) of the certificate authority that issued the offices'
        /// intake certificates ([`files::INTAKE_CERTIFICATE`]); its key was dropped once they were
        /// issued. Absent for packages made without them.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        intake_ca: Option<String>,
    },
    /// A package was copied to sticks and read back.
    SticksWritten {
        /// The package's fingerprint.
        package: String,
        /// Each copy.
        copies: Vec<CopyEntry>,
    },
    /// A stick or package was checked.
    PackageVerified {
        /// Where.
        target: String,
        /// Its fingerprint, when its manifest could be read.
        package: Option<String>,
        /// The problems found; empty when intact.
        problems: Vec<String>,
    },
    /// Holders put their shares together and restored the election key (a trial or a count).
    SharesCombined {
        /// Who took part.
        holders: Vec<String>,
        /// Fingerprint of the restored public key.
        election_key: String,
    },
}

impl Action {
    /// A short name, as in the audit log: `ceremony.keys-made` and so on.
    pub fn name(&self) -> &'static str {
        match self {
            Action::KeysMade { .. } => "ceremony.keys-made",
            Action::PackagesMade { .. } => "ceremony.packages-made",
            Action::SticksWritten { .. } => "ceremony.sticks-written",
            Action::PackageVerified { .. } => "ceremony.package-verified",
            Action::SharesCombined { .. } => "ceremony.shares-combined",
        }
    }
}

/// One step of the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// 1, 2, 3, …
    pub number: u32,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who (as in the audit log).
    pub actor: String,
    /// What.
    #[serde(flatten)]
    pub action: Action,
}

/// The ceremony record: every step, signed by the authority after each one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// [`RECORD_FORMAT`].
    pub format: String,
    /// The election.
    pub election: ElectionRef,
    /// The steps, in order.
    pub steps: Vec<Step>,
}

/// A step that does not fit where the ceremony stands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// Keys made twice.
    #[error("the keys of this ceremony were already made; start a new ceremony for new keys")]
    KeysAgain,
    /// Packages before keys.
    #[error("make the keys first (urna ceremony keys)")]
    NoKeys,
    /// Packages made twice.
    #[error(
        "the packages were already made; their passwords are printed, so a second set would leave two valid sheets per office"
    )]
    PackagesAgain,
    /// Sticks before packages.
    #[error("make the packages first (urna ceremony packages)")]
    NoPackages,
    /// Steps not numbered 1, 2, 3, ….
    #[error("step {found} follows step {previous}: the record was altered")]
    Numbering {
        /// The previous number.
        previous: u32,
        /// The number found.
        found: u32,
    },
    /// Another record format.
    #[error("not a ceremony record of format {RECORD_FORMAT}")]
    Format,
}

impl TransitionError {
    /// What is wrong, for the reader to see in their language.
    pub fn message(&self) -> Message {
        match self {
            TransitionError::KeysAgain => msg!("seal-keys-again"),
            TransitionError::NoKeys => msg!("seal-no-keys"),
            TransitionError::PackagesAgain => msg!("seal-packages-again"),
            TransitionError::NoPackages => msg!("seal-no-packages"),
            TransitionError::Numbering { previous, found } => {
                msg!("seal-step-numbering", previous = *previous, found = *found)
            }
            TransitionError::Format => msg!("seal-record-format", format = RECORD_FORMAT),
        }
    }
}

/// Where the ceremony stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ceremony {
    /// Nothing done yet.
    Opened(Record),
    /// Keys made.
    KeysMade(Record),
    /// Packages made.
    PackagesMade(Record),
}

impl Ceremony {
    /// A new ceremony for `election`.
    pub fn open(election: ElectionRef) -> Ceremony {
        Ceremony::Opened(Record {
            format: RECORD_FORMAT.to_string(),
            election,
            steps: Vec::new(),
        })
    }

    /// The ceremony a record describes, each step replayed through the transitions.
    pub fn resume(record: Record) -> Result<Ceremony, TransitionError> {
        if record.format != RECORD_FORMAT {
            return Err(TransitionError::Format);
        }
        let mut ceremony = Ceremony::open(record.election);
        for step in record.steps {
            ceremony = ceremony.apply(step)?;
        }
        Ok(ceremony)
    }

    /// The record so far.
    pub fn record(&self) -> &Record {
        match self {
            Ceremony::Opened(record)
            | Ceremony::KeysMade(record)
            | Ceremony::PackagesMade(record) => record,
        }
    }

    /// The number the next step gets.
    pub fn next_number(&self) -> u32 {
        self.record().steps.len() as u32 + 1
    }

    /// Adds a step, if it may come now.
    pub fn apply(self, step: Step) -> Result<Ceremony, TransitionError> {
        let previous = self.record().steps.len() as u32;
        if step.number != previous + 1 {
            return Err(TransitionError::Numbering {
                previous,
                found: step.number,
            });
        }
        let next = |mut record: Record, step: Step, wrap: fn(Record) -> Ceremony| {
            record.steps.push(step);
            Ok(wrap(record))
        };
        match (self, &step.action) {
            (Ceremony::Opened(record), Action::KeysMade { .. }) => {
                next(record, step, Ceremony::KeysMade)
            }
            (_, Action::KeysMade { .. }) => Err(TransitionError::KeysAgain),
            (Ceremony::Opened(_), _) => Err(TransitionError::NoKeys),
            (Ceremony::KeysMade(record), Action::PackagesMade { .. }) => {
                next(record, step, Ceremony::PackagesMade)
            }
            (Ceremony::KeysMade(record), Action::SharesCombined { .. }) => {
                next(record, step, Ceremony::KeysMade)
            }
            (Ceremony::KeysMade(_), _) => Err(TransitionError::NoPackages),
            (Ceremony::PackagesMade(_), Action::PackagesMade { .. }) => {
                Err(TransitionError::PackagesAgain)
            }
            (Ceremony::PackagesMade(record), _) => next(record, step, Ceremony::PackagesMade),
        }
    }
}

impl Record {
    /// The record's bytes as written (`ceremony-record.json`).
    pub fn to_bytes(&self) -> Vec<u8> {
        pretty_json(self)
    }

    /// The authority's signature over [`Record::to_bytes`].
    pub fn sign(&self, authority: &SigningKey) -> Signature {
        authority.sign(RECORD_DOMAIN, &self.to_bytes())
    }

    /// The packages the ceremony made, with each office's key fingerprint: what a verifier
    /// trusts an office's signature by.
    pub fn packages(&self) -> Vec<&PackageEntry> {
        self.steps
            .iter()
            .filter_map(|step| match &step.action {
                Action::PackagesMade { packages, .. } => Some(packages),
                _ => None,
            })
            .flatten()
            .collect()
    }

    /// The hash code (hex) of the authority that issued the offices' intake certificates, when
    /// the packages were made with them.
    pub fn intake_ca(&self) -> Option<&str> {
        self.steps.iter().find_map(|step| match &step.action {
            Action::PackagesMade { intake_ca, .. } => intake_ca.as_deref(),
            _ => None,
        })
    }
}

/// Why a record is refused.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// Not a signature.
    #[error("the record's signature cannot be read")]
    UnreadableSignature,
    /// The signature does not match.
    #[error("the record's signature is wrong: the record was altered or signed by another key")]
    BadSignature,
    /// Not a record.
    #[error("the record cannot be read: {0}")]
    Unreadable(String),
    /// Steps out of order.
    #[error(transparent)]
    Order(#[from] TransitionError),
}

impl RecordError {
    /// What is wrong, for the reader to see in their language.
    pub fn message(&self) -> Message {
        match self {
            RecordError::UnreadableSignature => msg!("seal-record-unreadable-signature"),
            RecordError::BadSignature => msg!("seal-record-bad-signature"),
            RecordError::Unreadable(detail) => {
                msg!("seal-record-unreadable", detail = detail)
            }
            RecordError::Order(error) => {
                msg!("seal-record-order", detail = error.message())
            }
        }
    }
}

/// Checks a record's signature and order and returns where the ceremony stands.
pub fn verify_record(
    bytes: &[u8],
    signature: &str,
    authority: &PublicKey,
) -> Result<Ceremony, RecordError> {
    let signature: Signature = signature
        .parse()
        .map_err(|_| RecordError::UnreadableSignature)?;
    authority
        .verify(RECORD_DOMAIN, bytes, &signature)
        .map_err(|_| RecordError::BadSignature)?;
    let record: Record =
        serde_json::from_slice(bytes).map_err(|e| RecordError::Unreadable(e.to_string()))?;
    Ok(Ceremony::resume(record)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lock::{ElectionKey, unlock};
    use crate::package::{Expected, verify};

    fn election() -> ElectionRef {
        ElectionRef {
            id: "GR2026_Test".parse().unwrap(),
            name: "Test".into(),
        }
    }

    /// What every package of the tests' election shares: a definition and a fresh election key.
    fn common() -> Common {
        Common {
            election: election(),
            files: BTreeMap::from([(files::ELECTION.to_string(), b"{}".to_vec())]),
            election_key: ElectionKey::generate().public(),
        }
    }

    fn step(number: u32, action: Action) -> Step {
        Step {
            number,
            at: "2026-11-23T10:00:00Z".into(),
            actor: "cli:anne".into(),
            action,
        }
    }

    fn keys_made() -> Action {
        Action::KeysMade {
            authority: "a".into(),
            election_key: "e".into(),
            threshold: 2,
            holders: vec!["A".into(), "B".into()],
        }
    }

    fn packages_made() -> Action {
        Action::PackagesMade {
            packages: vec![],
            intake_ca: None,
        }
    }

    /// Streaming hands every office over once, in the order given, each with a password its
    /// own verifier accepts (the workers' reused memory mixes nothing up); an error from the
    /// keeper stops the making.
    #[test]
    fn streamed_offices_come_in_order_and_stop_at_an_error() {
        let authority = SigningKey::generate();
        let common = common();
        let offices: Vec<Office> = (1..=7)
            .map(|number| Office::PollingStation {
                number,
                name: format!("Bureau {number}"),
            })
            .collect();
        let none = |_: &Office, _: &PublicKey| Ok(BTreeMap::new());
        let kept = prepare_offices_streaming(
            &common,
            offices.clone(),
            &authority,
            "t",
            &none,
            |made: PreparedOffice| -> Result<_, CeremonyError> {
                let verifier = String::from_utf8(
                    made.package
                        .file(files::PASSWORD_VERIFIER)
                        .expect("a verifier")
                        .to_vec(),
                )
                .expect("text");
                let typed = password::normalise(&made.credential.password);
                assert!(password::matches(&typed, verifier.trim()));
                Ok(made.credential.office)
            },
        )
        .expect("all made");
        assert_eq!(kept, offices);

        let mut seen = 0;
        let stopped = prepare_offices_streaming(
            &common,
            offices,
            &authority,
            "t",
            &none,
            |_: PreparedOffice| -> Result<(), CeremonyError> {
                seen += 1;
                if seen == 3 {
                    return Err(CeremonyError::OfficeFiles("the disk is full".into()));
                }
                Ok(())
            },
        );
        assert!(stopped.is_err());
        assert_eq!(seen, 3, "nothing is kept after the error");
    }

    #[test]
    fn an_office_package_holds_a_key_that_its_password_opens() {
        let authority = SigningKey::generate();
        let common = common();
        let office = Office::PollingStation {
            number: 7,
            name: "Zeven".into(),
        };
        let prepared = prepare_office(&common, office.clone(), &authority, "t").expect("prepare");
        let package = &prepared.package;
        let verified = verify(
            &package.entries(),
            &authority.public(),
            &Expected {
                election: Some("GR2026_Test".parse().unwrap()),
                office: Some(office),
            },
        )
        .expect("verifies");
        assert_eq!(verified.fingerprint, prepared.credential.fingerprint);
        assert_eq!(prepared.credential.login, "GR2026_Test-SB7");

        // The password is nowhere in the package.
        let typed = password::normalise(&prepared.credential.password);
        for bytes in package.entries().values() {
            assert!(!bytes.windows(typed.len()).any(|w| w == typed.as_bytes()));
        }
        let verifier =
            String::from_utf8(package.file(files::PASSWORD_VERIFIER).expect("v").to_vec())
                .expect("utf8");
        assert!(password::matches(&typed, verifier.trim()));
        let secret = unlock(package.file(files::OFFICE_KEY).expect("key"), &typed).expect("unlock");
        let key = SigningKey::from_secret_bytes(&secret).expect("key");
        assert_eq!(key.public(), prepared.office_key);
        let keys: Keys =
            serde_json::from_slice(package.file(files::KEYS).expect("keys")).expect("json");
        assert_eq!(keys.office, prepared.office_key);
        assert_eq!(keys.authority, authority.public());
    }

    #[test]
    fn steps_must_come_in_order() {
        let opened = Ceremony::open(election());
        assert_eq!(
            opened.clone().apply(step(1, packages_made())),
            Err(TransitionError::NoKeys)
        );
        let keyed = opened.apply(step(1, keys_made())).expect("keys");
        assert_eq!(
            keyed.clone().apply(step(2, keys_made())),
            Err(TransitionError::KeysAgain)
        );
        assert_eq!(
            keyed.clone().apply(step(3, packages_made())),
            Err(TransitionError::Numbering {
                previous: 1,
                found: 3
            })
        );
        let copies = Action::SticksWritten {
            package: "p".into(),
            copies: vec![],
        };
        assert_eq!(
            keyed.clone().apply(step(2, copies.clone())),
            Err(TransitionError::NoPackages)
        );
        let packaged = keyed.apply(step(2, packages_made())).expect("packages");
        assert_eq!(
            packaged.clone().apply(step(3, packages_made())),
            Err(TransitionError::PackagesAgain)
        );
        let copied = packaged.apply(step(3, copies)).expect("copies");
        assert!(matches!(copied, Ceremony::PackagesMade(_)));
        assert_eq!(copied.next_number(), 4);
    }

    #[test]
    fn a_signed_record_verifies_and_an_altered_one_is_refused() {
        let authority = SigningKey::generate();
        let ceremony = Ceremony::open(election())
            .apply(step(1, keys_made()))
            .and_then(|c| c.apply(step(2, packages_made())))
            .expect("steps");
        let record = ceremony.record();
        let bytes = record.to_bytes();
        let signature = record.sign(&authority).to_string();
        let resumed = verify_record(&bytes, &signature, &authority.public()).expect("verifies");
        assert_eq!(resumed, ceremony);

        let altered = String::from_utf8(bytes.clone())
            .expect("utf8")
            .replace("cli:anne", "cli:mallory");
        assert!(matches!(
            verify_record(altered.as_bytes(), &signature, &authority.public()),
            Err(RecordError::BadSignature)
        ));

        // Signed, but out of order: refused too.
        let mut disordered = record.clone();
        disordered.steps.swap(0, 1);
        disordered.steps[0].number = 1;
        disordered.steps[1].number = 2;
        let signature = disordered.sign(&authority).to_string();
        assert!(matches!(
            verify_record(&disordered.to_bytes(), &signature, &authority.public()),
            Err(RecordError::Order(TransitionError::NoKeys))
        ));
    }
}
