//! The central authority (the Electoral Council, the Agentschap Binnenlands Bestuur): what it
//! holds and does, as a library the command line and the intake server call.
//!
//! - [`keys`]: its keys — the one offices seal to, the receipts key, the intake server's TLS
//!   certificate, the publication key locked apart;
//! - [`registry`]: the elections it expects a result for, registered from their ceremony;
//! - [`intake`]: sealed result packages taken in — checked, stored by office and version,
//!   answered with a signed receipt, every outcome in the audit log;
//! - [`publication`]: the signed snapshots, chained version by version, and the site and feed
//!   written as static files.
//!
//! Seats and elected candidates are never taken from a package: the publication computes them
//! again with the one result engine (`publish::source` → `determine`). Everything here reads and
//! writes the central authority's folder ([`folder`]); nothing asks a passphrase or prints — the
//! binary does.

#![forbid(unsafe_code)]

mod error;
pub mod folder;
pub mod intake;
pub mod keys;
pub mod publication;
pub mod registry;

pub use error::CentralError;
pub use folder::CentralDir;
