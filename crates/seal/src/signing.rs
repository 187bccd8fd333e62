//! Ed25519 signatures: the authority's key, and the key of every polling station and main office.
//!
//! Every signature covers a *domain* (what is being signed: a package manifest, a ceremony
//! record, a count) before the message, so a signature made for one purpose can never be
//! presented as one for another. A public key is known by its fingerprint: the SHA-256 of its 32
//! bytes, shown as 16 groups of 4 hex digits like every hash code in Urna.

use std::fmt;
use std::str::FromStr;

use ed25519_dalek::Signer;
use zeroize::Zeroizing;

use crate::HashCode;

/// Prefix of a public key in text form.
const PUBLIC_PREFIX: &str = "urna-ed25519-public:";
/// Prefix of a signature in text form.
const SIGNATURE_PREFIX: &str = "urna-ed25519-signature:";

/// What went wrong with a key or a signature.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SigningError {
    /// The text is not a public key.
    #[error("not an Urna public key (expected `{PUBLIC_PREFIX}` and 64 hex digits)")]
    MalformedPublicKey,
    /// The text is not a signature.
    #[error("not an Urna signature (expected `{SIGNATURE_PREFIX}` and 128 hex digits)")]
    MalformedSignature,
    /// The bytes are not a secret key.
    #[error("not an Ed25519 secret key (expected 32 bytes)")]
    MalformedSecretKey,
    /// The signature does not match message and key.
    #[error("the signature does not match: the signed data was altered or signed by another key")]
    BadSignature,
}

/// A secret signing key. Never printed, never written unencrypted (see [`crate::lock`]).
pub struct SigningKey(ed25519_dalek::SigningKey);

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SigningKey({})", self.public().fingerprint())
    }
}

impl SigningKey {
    /// A new key from the operating system's random source.
    pub fn generate() -> SigningKey {
        let seed = Zeroizing::new(crate::random::bytes::<32>());
        SigningKey(ed25519_dalek::SigningKey::from_bytes(&seed))
    }

    /// The key from its 32 secret bytes (as decrypted from its key file).
    pub fn from_secret_bytes(bytes: &[u8]) -> Result<SigningKey, SigningError> {
        let seed: &[u8; 32] = bytes
            .try_into()
            .map_err(|_| SigningError::MalformedSecretKey)?;
        Ok(SigningKey(ed25519_dalek::SigningKey::from_bytes(seed)))
    }

    /// The 32 secret bytes, to be encrypted at once; wiped when dropped.
    pub fn secret_bytes(&self) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(self.0.to_bytes())
    }

    /// The public key.
    pub fn public(&self) -> PublicKey {
        PublicKey(self.0.verifying_key())
    }

    /// Signs `message` for `domain`.
    pub fn sign(&self, domain: &str, message: &[u8]) -> Signature {
        Signature(self.0.sign(&framed(domain, message)).to_bytes())
    }
}

/// A public key: checks signatures.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey(ed25519_dalek::VerifyingKey);

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.fingerprint())
    }
}

impl PublicKey {
    /// The key's 32 bytes.
    pub fn to_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// A key from its 32 bytes (refused if they are not a point of the curve).
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<PublicKey, SigningError> {
        ed25519_dalek::VerifyingKey::from_bytes(bytes)
            .map(PublicKey)
            .map_err(|_| SigningError::MalformedPublicKey)
    }

    /// The fingerprint: SHA-256 of the key's 32 bytes.
    pub fn fingerprint(&self) -> HashCode {
        HashCode::of(self.0.as_bytes())
    }

    /// Checks that `signature` was made by this key over `message` for `domain`.
    pub fn verify(
        &self,
        domain: &str,
        message: &[u8],
        signature: &Signature,
    ) -> Result<(), SigningError> {
        let signature = ed25519_dalek::Signature::from_bytes(&signature.0);
        // `verify_strict` also refuses the malleable and small-order forms that plain
        // verification lets through.
        self.0
            .verify_strict(&framed(domain, message), &signature)
            .map_err(|_| SigningError::BadSignature)
    }
}

impl fmt::Display for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{PUBLIC_PREFIX}{}",
            crate::hex::encode(self.0.as_bytes())
        )
    }
}

impl FromStr for PublicKey {
    type Err = SigningError;

    fn from_str(text: &str) -> Result<PublicKey, SigningError> {
        let bytes: [u8; 32] = text
            .trim()
            .strip_prefix(PUBLIC_PREFIX)
            .and_then(crate::hex::decode)
            .ok_or(SigningError::MalformedPublicKey)?;
        ed25519_dalek::VerifyingKey::from_bytes(&bytes)
            .map(PublicKey)
            .map_err(|_| SigningError::MalformedPublicKey)
    }
}

impl serde::Serialize for PublicKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for PublicKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<PublicKey, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A signature.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Signature([u8; 64]);

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Signature({}…)", &crate::hex::encode(&self.0)[..16])
    }
}

impl Signature {
    /// The signature's 64 bytes, for compact binary forms (a ballot's QR code).
    pub fn to_bytes(&self) -> [u8; 64] {
        self.0
    }

    /// A signature from its 64 bytes.
    pub fn from_bytes(bytes: [u8; 64]) -> Signature {
        Signature(bytes)
    }
}

impl fmt::Display for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{SIGNATURE_PREFIX}{}", crate::hex::encode(&self.0))
    }
}

impl FromStr for Signature {
    type Err = SigningError;

    fn from_str(text: &str) -> Result<Signature, SigningError> {
        text.trim()
            .strip_prefix(SIGNATURE_PREFIX)
            .and_then(crate::hex::decode)
            .map(Signature)
            .ok_or(SigningError::MalformedSignature)
    }
}

/// The signed bytes: a length-prefixed domain tag, then the message.
fn framed(domain: &str, message: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 + domain.len() + message.len());
    out.extend_from_slice(&(domain.len() as u64).to_be_bytes());
    out.extend_from_slice(domain.as_bytes());
    out.extend_from_slice(message);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_for_its_key_domain_and_message_only() {
        let key = SigningKey::generate();
        let other = SigningKey::generate();
        let signature = key.sign("urna/test/v1", b"message");
        let public = key.public();
        assert_eq!(
            public.verify("urna/test/v1", b"message", &signature),
            Ok(())
        );
        assert_eq!(
            public.verify("urna/test/v1", b"messagE", &signature),
            Err(SigningError::BadSignature)
        );
        assert_eq!(
            public.verify("urna/other/v1", b"message", &signature),
            Err(SigningError::BadSignature)
        );
        assert_eq!(
            other
                .public()
                .verify("urna/test/v1", b"message", &signature),
            Err(SigningError::BadSignature)
        );
    }

    #[test]
    fn keys_and_signatures_round_trip_as_text() {
        let key = SigningKey::generate();
        let public = key.public();
        let text = public.to_string();
        assert!(text.starts_with(PUBLIC_PREFIX));
        assert_eq!(text.parse::<PublicKey>(), Ok(public));
        let signature = key.sign("d", b"m");
        assert_eq!(signature.to_string().parse::<Signature>(), Ok(signature));
        assert_eq!(
            "urna-ed25519-public:zz".parse::<PublicKey>(),
            Err(SigningError::MalformedPublicKey)
        );
        assert_eq!(
            format!("{SIGNATURE_PREFIX}00").parse::<Signature>(),
            Err(SigningError::MalformedSignature)
        );
    }

    #[test]
    fn secret_bytes_restore_the_same_key() {
        let key = SigningKey::generate();
        let restored = SigningKey::from_secret_bytes(key.secret_bytes().as_slice());
        assert_eq!(restored.map(|k| k.public()), Ok(key.public()));
        assert!(SigningKey::from_secret_bytes(&[0; 31]).is_err());
    }

    #[test]
    fn the_domain_frame_is_unambiguous() {
        assert_ne!(framed("ab", b"c"), framed("a", b"bc"));
    }
}
