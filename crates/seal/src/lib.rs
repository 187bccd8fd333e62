//! Cryptographic building blocks of Urna, and the signed packages of the key ceremony.
//!
//! - [`hash_code`]: the SHA-256 of a file's exact bytes in 16 groups of 4 hex digits, and the
//!   check by which an official proves that a file is the official one.
//! - [`chain`]: links of a hash chain (the audit log).
//! - [`hex`]: hex digits, as keys, signatures and ids are written.
//! - [`bytes`]: a bounded reader for the binary formats.
//! - [`signing`]: Ed25519 keys and domain-separated signatures.
//! - [`lock`]: age encryption: secrets locked to a passphrase; the election's X25519 key pair.
//! - [`shares`]: k-of-n Shamir shares of the election key.
//! - [`password`]: generated passwords and Argon2id verifiers.
//! - [`package`]: signed packages and their verification.
//! - [`stick`]: writing packages to directories and FAT32 images, and reading them back.
//! - [`ceremony`]: the ceremony's steps: an office's package and credential, the signed record.
//! - [`transmission`]: an office's result package, sealed for the central authority; receipts.
//!
//! Pure apart from the operating system's random source ([`random`]) and [`stick`]'s files.

#![forbid(unsafe_code)]

pub mod bytes;
pub mod ceremony;
pub mod chain;
pub mod hash_code;
pub mod hex;
pub mod lock;
pub mod package;
pub mod password;
pub mod random;
pub mod shares;
pub mod signing;
pub mod software;
pub mod stick;
pub mod transmission;

pub use hash_code::{HashCode, HashCodeChallenge, HashCodeError};

/// The bytes of a JSON document as Urna writes, signs and hashes it: pretty-printed, with one
/// final line break. Manifests, records, receipts, snapshots: each is signed over exactly these.
pub fn pretty_json<T: serde::Serialize + ?Sized>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
