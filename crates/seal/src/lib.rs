//! Cryptographic building blocks of Urna.
//!
//! For now this crate holds the *hash code*: the SHA-256 of a file's exact bytes, as the
//! Electoral Council publishes it for every election file, and the check by which an official
//! proves that the file on the machine is the official one. Signatures, encryption, key shares
//! and packages will join it (see `ARCHITECTURE.md`). It also computes the links of a hash
//! chain ([`chain`]), which the audit log uses.

#![forbid(unsafe_code)]

pub mod chain;
pub mod hash_code;

pub use hash_code::{HashCode, HashCodeChallenge, HashCodeError};
