//! Encryption with `age`: secrets locked to a person's passphrase, and the election's
//! ballot-encryption key pair (X25519).
//!
//! The age format is documented (<https://age-encryption.org/v1>) and has independent
//! implementations, so an auditor can open a locked file with other tools than Urna's.
//!
//! Two strengths of passphrase protection, because two kinds of passphrase exist:
//! - [`Strength::Chosen`]: a passphrase a person made up (an official's share, the authority's
//!   key). Such passphrases can be guessed, so scrypt is made expensive: 2^17 (128 MiB, about half
//!   a second per try here).
//! - [`Strength::Generated`]: a password Urna drew at random with at least 80 bits (the credential
//!   sheets; 99 bits as made). Guessing it is hopeless at any cost per try (2^99 tries at a
//!   microsecond each is 10^16 years), so scrypt stays cheap: 2^10 (1 MiB, about 1.5 ms), which
//!   lets 6,000 packages be made in under a minute on two cores (it was 2^12, a quarter of each
//!   package's time for no gain; files locked at 2^12 still open).
//!
//! The election key stays classic X25519 (age 0.13 marks it deprecated in favour of its
//! post-quantum hybrid, `age::pq`): the keys and packages of ceremonies already held, and the
//! independent tools an auditor opens them with, use X25519. Moving to `age::pq` is a change of
//! format of its own, for a ceremony that starts with it.
#![allow(deprecated)]

use std::fmt;
use std::str::FromStr;

use age::secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use crate::HashCode;

/// How expensive guessing the passphrase must be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// A passphrase chosen by a person.
    Chosen,
    /// A random password of at least 80 bits made by Urna.
    Generated,
}

impl Strength {
    /// scrypt's work factor, log2(N).
    fn log_n(self) -> u8 {
        match self {
            Strength::Chosen => 17,
            Strength::Generated => 10,
        }
    }
}

/// Largest scrypt work factor accepted when opening a file: the chosen strength plus margin
/// for a future increase, but bounded, so that a planted file cannot make Urna work for hours.
const MAX_LOG_N: u8 = 20;

/// Why a locked file could not be opened or made.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Wrong passphrase, or a file locked for someone else.
    #[error("the passphrase does not open this file (wrong passphrase, or another person's file)")]
    WrongPassphrase,
    /// Not an age file, or damaged.
    #[error("not an intact age-encrypted file: {0}")]
    Damaged(String),
    /// Encryption failed (should not happen).
    #[error("encryption failed: {0}")]
    Encrypt(String),
    /// The text is not an election key.
    #[error("not an election key")]
    MalformedKey,
}

/// Encrypts `secret` to `passphrase`.
pub fn lock(secret: &[u8], passphrase: &str, strength: Strength) -> Result<Vec<u8>, LockError> {
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
    recipient.set_work_factor(strength.log_n());
    age::encrypt(&recipient, secret).map_err(|e| LockError::Encrypt(e.to_string()))
}

/// Decrypts a file made by [`lock`].
pub fn unlock(locked: &[u8], passphrase: &str) -> Result<Zeroizing<Vec<u8>>, LockError> {
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    identity.set_max_work_factor(MAX_LOG_N);
    age::decrypt(&identity, locked)
        .map(Zeroizing::new)
        .map_err(decrypt_error)
}

fn decrypt_error(error: age::DecryptError) -> LockError {
    match error {
        age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
            LockError::WrongPassphrase
        }
        other => LockError::Damaged(other.to_string()),
    }
}

/// The election's ballot-encryption key pair: votes are encrypted to its public half; its
/// secret half exists only while it is split into shares ([`crate::shares`]) and while `k`
/// officials put their shares together for a count or recount.
pub struct ElectionKey(age::x25519::Identity);

impl fmt::Debug for ElectionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ElectionKey({})", self.public().fingerprint())
    }
}

impl ElectionKey {
    /// A new key pair from the operating system's random source.
    pub fn generate() -> ElectionKey {
        ElectionKey(age::x25519::Identity::generate())
    }

    /// The secret key in age's text form (`AGE-SECRET-KEY-1…`): what the shares split.
    pub fn secret_text(&self) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(self.0.to_string().expose_secret().as_bytes().to_vec())
    }

    /// The key from its secret text, as put together from shares.
    pub fn from_secret_text(text: &[u8]) -> Result<ElectionKey, LockError> {
        let text = std::str::from_utf8(text).map_err(|_| LockError::MalformedKey)?;
        age::x25519::Identity::from_str(text)
            .map(ElectionKey)
            .map_err(|_| LockError::MalformedKey)
    }

    /// The public half.
    pub fn public(&self) -> ElectionPublicKey {
        ElectionPublicKey(self.0.to_public())
    }

    /// Decrypts data encrypted to [`ElectionKey::public`].
    pub fn decrypt(&self, ciphertext: &[u8]) -> Result<Zeroizing<Vec<u8>>, LockError> {
        age::decrypt(&self.0, ciphertext)
            .map(Zeroizing::new)
            .map_err(decrypt_error)
    }
}

/// The public half of the election key (`age1…`): anyone may encrypt to it.
#[derive(Clone)]
pub struct ElectionPublicKey(age::x25519::Recipient);

impl fmt::Debug for ElectionPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ElectionPublicKey({})", self.fingerprint())
    }
}

impl PartialEq for ElectionPublicKey {
    fn eq(&self, other: &ElectionPublicKey) -> bool {
        self.to_string() == other.to_string()
    }
}

impl Eq for ElectionPublicKey {}

impl ElectionPublicKey {
    /// The fingerprint: SHA-256 of the key's text form.
    pub fn fingerprint(&self) -> HashCode {
        HashCode::of(self.to_string().as_bytes())
    }

    /// Encrypts `plaintext` so that only the election key opens it.
    pub fn encrypt(&self, plaintext: &[u8]) -> Result<Vec<u8>, LockError> {
        age::encrypt(&self.0, plaintext).map_err(|e| LockError::Encrypt(e.to_string()))
    }
}

impl fmt::Display for ElectionPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl FromStr for ElectionPublicKey {
    type Err = LockError;

    fn from_str(text: &str) -> Result<ElectionPublicKey, LockError> {
        age::x25519::Recipient::from_str(text.trim())
            .map(ElectionPublicKey)
            .map_err(|_| LockError::MalformedKey)
    }
}

impl serde::Serialize for ElectionPublicKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for ElectionPublicKey {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<ElectionPublicKey, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locked_secret_opens_with_its_passphrase_only() {
        let locked = lock(b"secret", "correct horse", Strength::Generated).expect("lock");
        assert!(!locked.windows(6).any(|w| w == b"secret"));
        assert_eq!(
            unlock(&locked, "correct horse").expect("unlock").as_slice(),
            b"secret"
        );
        assert!(matches!(
            unlock(&locked, "wrong horse"),
            Err(LockError::WrongPassphrase)
        ));
        assert!(matches!(
            unlock(b"not age", "x"),
            Err(LockError::Damaged(_))
        ));
    }

    #[test]
    fn election_key_encrypts_and_round_trips_through_its_secret_text() {
        let key = ElectionKey::generate();
        let public = key.public();
        let sealed = public.encrypt(b"vote").expect("encrypt");
        assert_eq!(key.decrypt(&sealed).expect("decrypt").as_slice(), b"vote");
        let again = ElectionKey::from_secret_text(&key.secret_text()).expect("parse");
        assert_eq!(again.public(), public);
        assert!(ElectionKey::generate().decrypt(&sealed).is_err());
        assert_eq!(
            public.to_string().parse::<ElectionPublicKey>().ok(),
            Some(public.clone())
        );
        assert!(ElectionKey::from_secret_text(b"AGE-SECRET-KEY-1XYZ").is_err());
    }
}
