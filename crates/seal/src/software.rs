//! Which software made something: its version, source commit and the SHA-256 hash code of its
//! executable (as `urna --version` shows them). Both governments check the software by its hash
//! code, so every official document, sealed result, package manifest and published snapshot
//! names it. The program says how to find it once ([`name`]); it is computed the first time
//! something asks ([`current`]). Made by a library alone (its tests, another program), nothing
//! is named.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The software that made a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Software {
    /// E.g. `0.1.0`.
    pub version: String,
    /// The source commit it was built from (`unknown` outside a repository).
    pub commit: String,
    /// The SHA-256 hash code of its executable, in 16 groups of 4.
    pub hash_code: String,
}

static FIND: OnceLock<fn() -> Option<Software>> = OnceLock::new();
static FOUND: OnceLock<Option<Software>> = OnceLock::new();

/// Tells how to find the running software (the first call counts).
pub fn name(find: fn() -> Option<Software>) {
    let _ = FIND.set(find);
}

/// The running software, once named; computed once per process.
pub fn current() -> Option<Software> {
    FOUND
        .get_or_init(|| FIND.get().and_then(|find| find()))
        .clone()
}
