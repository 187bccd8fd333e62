//! What goes into a release of Urna, for the authority and the certifier who check it: the crates
//! compiled into the `urna` binary for the release target ([`graph`]), the software bill of
//! materials in CycloneDX ([`sbom`]), and the licence notices of every one of those crates
//! ([`notices`], also shown by `urna licenses`). The facts come from `cargo metadata` and
//! `Cargo.lock`; nothing here builds or runs the binary. `scripts/release` drives it.

pub mod graph;
pub mod notices;
pub mod sbom;

pub use graph::{Component, ComponentId, binary_components};

/// The target the release binary is built for (a static Linux binary, see `docs/RELEASE.md`).
pub const RELEASE_TARGET: &str = "x86_64-unknown-linux-musl";

/// The crates compiled into the binary `program` of the workspace at `manifest_path`, on the
/// release target: `cargo metadata` (with the lock file as it is) and the checksums of
/// `Cargo.lock`.
pub fn workspace_components(
    manifest_path: &std::path::Path,
    program: &str,
) -> Result<Vec<Component>, ReleaseError> {
    let metadata = cargo_metadata::MetadataCommand::new()
        .manifest_path(manifest_path)
        .other_options(vec![
            "--locked".to_string(),
            "--filter-platform".to_string(),
            RELEASE_TARGET.to_string(),
        ])
        .exec()
        .map_err(|e| ReleaseError::Metadata(e.to_string()))?;
    let lock_path = metadata.workspace_root.join("Cargo.lock");
    let lock_text = std::fs::read_to_string(&lock_path).map_err(|source| ReleaseError::Read {
        path: lock_path.to_string(),
        source,
    })?;
    let checksums = graph::locked_checksums(&lock_text, lock_path.as_str())?;
    binary_components(&metadata, &checksums, program)
}

/// Why the release facts could not be gathered.
#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    #[error("cargo metadata: {0}")]
    Metadata(String),
    #[error("the workspace has no package named {0}")]
    NoSuchPackage(String),
    #[error("cargo metadata has no dependency graph (was it run with --no-deps?)")]
    NoResolve,
    #[error("{path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not a Cargo.lock: {message}")]
    Lock { path: String, message: String },
    #[error("{package}: licence {expression:?} is not an SPDX expression: {message}")]
    Licence {
        package: String,
        expression: String,
        message: String,
    },
    #[error("{package}: declares no licence and ships no licence file; its notice cannot be given")]
    NoLicence { package: String },
}
