//! Cryptographic building blocks of Urna.
//!
//! For now this crate holds the *hash code*: the SHA-256 of a file's exact bytes, as the
//! Electoral Council publishes it for every election file, and the check by which an official
//! proves that the file on the machine is the official one. Signatures, encryption, key shares
//! and packages will join it (see `ARCHITECTURE.md`).

#![forbid(unsafe_code)]

pub mod hash_code;

pub use hash_code::{HashCode, HashCodeChallenge, HashCodeError};
