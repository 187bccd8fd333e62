//! The central authority's keys: an X25519 key the offices seal their results to, an Ed25519
//! key that signs receipts, the intake server's TLS certificate under an authority of its own
//! (dropped once the certificate is issued, so nothing else can ever be issued under it), and
//! the Ed25519 key published snapshots are signed with. The intake's secrets and the publication
//! key are locked to the central authority's passphrase in two files, so that the intake server,
//! which is on a network, never holds the key the public results are signed with.

use seal::lock::{ElectionKey, Strength, lock, unlock};
use seal::signing::SigningKey;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::{CentralError, unreadable};
use crate::folder::{CentralDir, create, read, read_public_key};

/// The intake's locked secrets (`central-keys.age`).
#[derive(Serialize, Deserialize)]
struct Secrets {
    transmission: String,
    receipts: String,
    /// The intake server's TLS key (PKCS #8 PEM); absent in folders made before the intake
    /// over TLS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tls_key: Option<String>,
}

/// The fingerprints of keys just made, to print and to publish.
#[derive(Debug, Clone)]
pub struct MadeKeys {
    /// The key offices seal to.
    pub transmission: String,
    /// The receipts key.
    pub receipts: String,
    /// The publication key.
    pub publication: String,
    /// The intake server's certificate authority.
    pub tls_authority: String,
}

/// The intake's keys, unlocked.
pub struct IntakeKeys {
    /// Opens the sealed packages.
    pub transmission: ElectionKey,
    /// Signs the receipts.
    pub receipts: SigningKey,
    /// The intake server's TLS key, where the folder has one.
    pub tls_key: Option<Zeroizing<String>>,
}

impl std::fmt::Debug for IntakeKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IntakeKeys").finish_non_exhaustive()
    }
}

fn keys_error(error: impl std::fmt::Display) -> CentralError {
    CentralError::Keys(error.to_string())
}

/// Makes the central authority's keys in `dir`, locked with `passphrase`, and the intake
/// server's certificate for `tls_names` (host names or addresses the offices connect to).
/// Refused when the folder has keys already.
pub fn make(
    dir: &CentralDir,
    passphrase: &str,
    tls_names: &[String],
) -> Result<MadeKeys, CentralError> {
    if dir.secrets().exists() {
        return Err(CentralError::KeysExist(dir.secrets()));
    }
    let transmission = ElectionKey::generate();
    let receipts = SigningKey::generate();
    let publication = SigningKey::generate();
    // The certificate's name is read by machines and administrators, in no one's language.
    let authority = tls::CertificateAuthority::generate("Urna central authority")?;
    let server = authority.issue_server(tls_names)?;
    let secrets = Secrets {
        transmission: String::from_utf8_lossy(&transmission.secret_text()).into_owned(),
        receipts: seal::hex::encode(receipts.secret_bytes().as_slice()),
        tls_key: Some(server.key_pem.to_string()),
    };
    let plain = Zeroizing::new(serde_json::to_vec(&secrets).map_err(keys_error)?);
    let locked = lock(&plain, passphrase, Strength::Chosen).map_err(keys_error)?;
    let publication_secret =
        Zeroizing::new(seal::hex::encode(publication.secret_bytes().as_slice()));
    let publication_locked =
        lock(publication_secret.as_bytes(), passphrase, Strength::Chosen).map_err(keys_error)?;
    create(&dir.secrets(), &locked)?;
    create(&dir.publication_secret(), &publication_locked)?;
    create(
        &dir.publication_pub(),
        format!("{}\n", publication.public()).as_bytes(),
    )?;
    create(
        &dir.transmission_pub(),
        format!("{}\n", transmission.public()).as_bytes(),
    )?;
    create(
        &dir.receipts_pub(),
        format!("{}\n", receipts.public()).as_bytes(),
    )?;
    create(&dir.tls_ca(), authority.certificate_pem().as_bytes())?;
    create(&dir.tls_certificate(), server.certificate_pem.as_bytes())?;
    Ok(MadeKeys {
        transmission: transmission.public().fingerprint().to_string(),
        receipts: receipts.public().fingerprint().to_string(),
        publication: publication.public().fingerprint().to_string(),
        tls_authority: authority.fingerprint().to_string(),
    })
}

/// The intake's keys, unlocked with `passphrase`.
pub fn unlock_intake(dir: &CentralDir, passphrase: &str) -> Result<IntakeKeys, CentralError> {
    let path = dir.secrets();
    let plain = unlock(&read(&path)?, passphrase)
        .map_err(|_| CentralError::WrongPassphrase(path.clone()))?;
    let secrets: Secrets =
        serde_json::from_slice(&plain).map_err(|e| unreadable(&path)(e.to_string()))?;
    let transmission = ElectionKey::from_secret_text(secrets.transmission.as_bytes())
        .map_err(|e| unreadable(&path)(e.to_string()))?;
    let bytes = Zeroizing::new(
        seal::hex::decode_vec(&secrets.receipts)
            .ok_or_else(|| unreadable(&path)("the receipts key is not hexadecimal".into()))?,
    );
    let receipts =
        SigningKey::from_secret_bytes(&bytes).map_err(|e| unreadable(&path)(e.to_string()))?;
    Ok(IntakeKeys {
        transmission,
        receipts,
        tls_key: secrets.tls_key.map(Zeroizing::new),
    })
}

/// The publication key, unlocked with `passphrase` and checked against
/// `central-publication.pub`.
pub fn unlock_publication(dir: &CentralDir, passphrase: &str) -> Result<SigningKey, CentralError> {
    let path = dir.publication_secret();
    let locked = std::fs::read(&path).map_err(|_| CentralError::NoPublicationKey(path.clone()))?;
    let plain =
        unlock(&locked, passphrase).map_err(|_| CentralError::WrongPassphrase(path.clone()))?;
    let bytes = Zeroizing::new(
        seal::hex::decode_vec(String::from_utf8_lossy(&plain).trim())
            .ok_or_else(|| unreadable(&path)("the key is not hexadecimal".into()))?,
    );
    let key =
        SigningKey::from_secret_bytes(&bytes).map_err(|e| unreadable(&path)(e.to_string()))?;
    if key.public() != read_public_key(&dir.publication_pub())? {
        return Err(CentralError::PublicationKeyMismatch(dir.publication_pub()));
    }
    Ok(key)
}
