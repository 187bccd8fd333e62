//! Why the central authority could not do something. Nothing is half-written: every file is new
//! or replaced whole.

use std::path::{Path, PathBuf};

use messages::{Language, t};

/// Why a central operation failed.
#[derive(Debug, thiserror::Error)]
pub enum CentralError {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}", path = .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file that may not be read: a link, a FIFO, a device, or larger than allowed.
    #[error("{0}")]
    Read(#[from] bounded::ReadError),
    /// A file does not read as what it should be.
    #[error("{path}: {detail}", path = .path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What the reader said.
        detail: String,
    },
    /// Keys exist already in the folder.
    #[error("{path}: keys exist already; nothing was changed", path = .0.display())]
    KeysExist(PathBuf),
    /// The passphrase does not open the locked keys.
    #[error("{path}: the passphrase does not open it", path = .0.display())]
    WrongPassphrase(PathBuf),
    /// No publication key in the folder.
    #[error("{path}: no publication key (made before it existed, or not brought to this computer)", path = .0.display())]
    NoPublicationKey(PathBuf),
    /// The public publication key is not the locked one's.
    #[error("{path}: does not belong to the locked publication key", path = .0.display())]
    PublicationKeyMismatch(PathBuf),
    /// Keys made before the intake over TLS existed.
    #[error("these keys have no TLS key (made before the intake over the network existed)")]
    NoTlsKey,
    /// The ceremony made no package for the main office.
    #[error("the ceremony made no package for the main office (yet)")]
    NoMainOffice,
    /// The ceremony folder has no main-office package.
    #[error("{path}: no main-office package in the ceremony folder", path = .0.display())]
    NoMainOfficePackage(PathBuf),
    /// The main office's package is not the one the signed record names.
    #[error("{path}: is not the manifest of the main office's package the signed record names", path = .0.display())]
    ManifestNotInRecord(PathBuf),
    /// The definition beside the manifest is not the one it lists.
    #[error("{path}: is not the definition the package's manifest lists", path = .0.display())]
    DefinitionNotListed(PathBuf),
    /// An election without an area.
    #[error("the election has no area (municipality)")]
    NoArea,
    /// The election is registered already.
    #[error("{path}: registered already; nothing was changed", path = .0.display())]
    Registered(PathBuf),
    /// The intake's certificate authority is not the one the signed record names.
    #[error("{path}: is not the certificate authority the signed record names", path = .0.display())]
    ForeignIntakeAuthority(PathBuf),
    /// No election registered.
    #[error("no elections registered (urna central register)")]
    NoElections,
    /// No election registered with the intake's certificates.
    #[error("no elections registered with certificates (urna central register)")]
    NoElectionsWithCertificates,
    /// The first publication needs the round's code and name.
    #[error("the first publication needs --round and --name")]
    RoundNeeded,
    /// A published version does not verify.
    #[error("{path}: {detail}", path = .path.display())]
    Snapshot {
        /// The version.
        path: PathBuf,
        /// Why.
        detail: String,
    },
    /// The audit log.
    #[error(transparent)]
    Store(#[from] store::StoreError),
    /// The intake's TLS configuration.
    #[error(transparent)]
    Tls(#[from] tls::TlsError),
    /// A key could not be made or locked.
    #[error("{0}")]
    Keys(String),
}

impl CentralError {
    /// The reason, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        let at = |path: &Path| path.display().to_string();
        match self {
            CentralError::Io { path, source } => {
                t!(
                    lang,
                    "central-io",
                    path = at(path),
                    detail = source.to_string()
                )
            }
            CentralError::Read(error) => error.message(lang),
            CentralError::Unreadable { path, detail } => {
                t!(lang, "central-io", path = at(path), detail = detail)
            }
            CentralError::KeysExist(path) => t!(lang, "central-keys-exist", path = at(path)),
            CentralError::WrongPassphrase(path) => {
                t!(lang, "central-wrong-passphrase", path = at(path))
            }
            CentralError::NoPublicationKey(path) => {
                t!(lang, "central-no-publication-key", path = at(path))
            }
            CentralError::PublicationKeyMismatch(path) => {
                t!(lang, "central-publication-key-mismatch", path = at(path))
            }
            CentralError::NoTlsKey => t!(lang, "central-no-tls-key"),
            CentralError::NoMainOffice => t!(lang, "central-no-main-office"),
            CentralError::NoMainOfficePackage(path) => {
                t!(lang, "central-no-main-office-package", path = at(path))
            }
            CentralError::ManifestNotInRecord(path) => {
                t!(lang, "central-manifest-not-in-record", path = at(path))
            }
            CentralError::DefinitionNotListed(path) => {
                t!(lang, "central-definition-not-listed", path = at(path))
            }
            CentralError::NoArea => t!(lang, "central-no-area"),
            CentralError::Registered(path) => t!(lang, "central-registered", path = at(path)),
            CentralError::ForeignIntakeAuthority(path) => {
                t!(lang, "central-foreign-intake-authority", path = at(path))
            }
            CentralError::NoElections => t!(lang, "central-no-elections"),
            CentralError::NoElectionsWithCertificates => {
                t!(lang, "central-no-elections-with-certificates")
            }
            CentralError::RoundNeeded => t!(lang, "central-round-needed"),
            CentralError::Snapshot { path, detail } => {
                t!(lang, "central-io", path = at(path), detail = detail)
            }
            CentralError::Store(error) => error.to_string(),
            CentralError::Tls(error) => error.to_string(),
            CentralError::Keys(detail) => detail.clone(),
        }
    }
}

/// The error of reading or writing `path`.
pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> CentralError + '_ {
    move |source| CentralError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The error of a file that does not read as what it should.
pub(crate) fn unreadable(path: &Path) -> impl FnOnce(String) -> CentralError + '_ {
    move |detail| CentralError::Unreadable {
        path: path.to_path_buf(),
        detail,
    }
}
