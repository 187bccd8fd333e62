//! The central authority's folder and the file operations everything in it uses: new files
//! are created, never written over; a file replaced is written beside it and renamed.
//!
//! ```text
//! CENTRAL/
//!   central-transmission.pub   age1…: what offices seal their results to
//!   central-receipts.pub       the key receipts are signed with
//!   central-tls-ca.pem         the authority offices' clients trust for the intake server
//!   central-tls.pem            the intake server's certificate
//!   central-keys.age           the intake's secret keys, locked to the central authority's
//!                              passphrase
//!   central-publication.pub    the key published snapshots are signed with
//!   central-publication-key.age  its secret half, locked apart (same passphrase): it belongs on
//!                              the publication machine, never on the intake server
//!   elections/<id>/registration.json, ceremony/{authority.pub, record.json, record.sig,
//!       offices.json, main-office-manifest.json, intake-ca.pem}
//!   received/<election>/<office>/v<n>/   each version as received: sealed file, files, receipt
//!   publication/round.json, v<n>.json, v<n>.sig
//! ```

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{CentralError, io, unreadable};

/// The central authority's folder.
#[derive(Debug, Clone)]
pub struct CentralDir(PathBuf);

impl CentralDir {
    /// The folder at `root`.
    pub fn new(root: &Path) -> CentralDir {
        CentralDir(root.to_path_buf())
    }
    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.0
    }
    /// The key offices seal to.
    pub fn transmission_pub(&self) -> PathBuf {
        self.0.join("central-transmission.pub")
    }
    /// The key receipts are checked with.
    pub fn receipts_pub(&self) -> PathBuf {
        self.0.join("central-receipts.pub")
    }
    /// The intake's locked secrets.
    pub fn secrets(&self) -> PathBuf {
        self.0.join("central-keys.age")
    }
    /// The key published snapshots are checked with.
    pub fn publication_pub(&self) -> PathBuf {
        self.0.join("central-publication.pub")
    }
    /// Its locked secret half.
    pub fn publication_secret(&self) -> PathBuf {
        self.0.join("central-publication-key.age")
    }
    /// The certificate authority of the intake server (what offices trust).
    pub fn tls_ca(&self) -> PathBuf {
        self.0.join("central-tls-ca.pem")
    }
    /// The intake server's certificate.
    pub fn tls_certificate(&self) -> PathBuf {
        self.0.join("central-tls.pem")
    }
    /// Where the registered elections are.
    pub fn elections(&self) -> PathBuf {
        self.0.join("elections")
    }
    /// Where the published snapshot versions are kept.
    pub fn publication(&self) -> PathBuf {
        self.0.join("publication")
    }
    /// The archive of received versions.
    pub fn received(&self) -> PathBuf {
        self.0.join("received")
    }
}

/// The bytes of a file: a regular file no larger than a sealed result, the largest file the
/// central authority reads.
pub fn read(path: &Path) -> Result<Vec<u8>, CentralError> {
    Ok(bounded::read(path, MAX_FILE_BYTES)?)
}

/// The largest file [`read`] reads.
pub const MAX_FILE_BYTES: u64 = seal::transmission::MAX_SEALED_BYTES as u64;

/// A public key file (`urna-ed25519-public:…`).
pub fn read_public_key(path: &Path) -> Result<seal::signing::PublicKey, CentralError> {
    String::from_utf8_lossy(&read(path)?)
        .trim()
        .parse()
        .map_err(|e: seal::signing::SigningError| unreadable(path)(e.to_string()))
}

/// Every file of a folder, stick or image, by path.
pub fn read_files(path: &Path) -> Result<BTreeMap<String, Vec<u8>>, CentralError> {
    seal::stick::read(&seal::stick::Target::from_path(path))
        .map_err(|e| unreadable(path)(e.to_string()))
}

/// Writes a new file (and its folders), synced; never replaces one.
pub fn create(path: &Path, bytes: &[u8]) -> Result<(), CentralError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    let mut file = std::fs::File::create_new(path).map_err(io(path))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(io(path))
}

/// Writes `bytes` to `path` in place of what was there: a new file beside it, synced, then
/// renamed over it, so that a reader finds the old file or the new one, never half of one.
pub fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), CentralError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| unreadable(path)("the file has no name".into()))?;
    let fresh = path.with_file_name(format!(".{name}.new"));
    let _ = std::fs::remove_file(&fresh);
    create(&fresh, bytes)?;
    std::fs::rename(&fresh, path).map_err(io(path))
}

/// Writes `files` to a fresh folder beside `out`, then puts it in `out`'s place, so that a web
/// server never serves half of one version and half of another.
pub fn replace_folder(out: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<(), CentralError> {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| unreadable(out)("the folder has no name".into()))?;
    let fresh = parent.join(format!(".{name}.new"));
    let old = parent.join(format!(".{name}.old"));
    let _ = std::fs::remove_dir_all(&fresh);
    for (path, bytes) in files {
        let target = fresh.join(path.trim_start_matches('/'));
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        std::fs::write(&target, bytes).map_err(io(&target))?;
    }
    let _ = std::fs::remove_dir_all(&old);
    if out.exists() {
        std::fs::rename(out, &old).map_err(io(out))?;
    }
    std::fs::rename(&fresh, out).map_err(io(out))?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}
