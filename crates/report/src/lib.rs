//! Urna's official documents as PDF, typeset with Typst from embedded templates:
//!
//! - the municipality's report with central counting, model Na 31-2, and its Bijlage 1 with the
//!   count of every polling station ([`na_31_2`], [`na_31_2_bijlage_1`]);
//! - the empty count form of a polling station, model N 10-2 ([`n_10_2`]);
//! - the central committee's report, model P 22-2, with the seat allocation step by step and the
//!   elected candidates ([`p_22_2`]);
//! - the Flemish main office's report ([`flanders_main_office`]);
//! - the credential sheets of the key ceremony, one page per office ([`credential_sheets`]);
//! - the coordinator's sheet for results entry: address and certificate fingerprint
//!   ([`server_sheet`]).
//!
//! Every results document carries in its footer the hash code (SHA-256) of the file it goes with
//! (EML 510b, 510d, 520), so that paper and file can be checked against each other. The same data
//! give the same PDF, byte for byte.
#![forbid(unsafe_code)]

use messages::Language;

mod allocation;
mod booth;
mod central;
mod corrigendum;
mod credentials;
pub mod format;
mod municipal;
mod notices;
mod server_sheet;
mod typeset;

pub use booth::{BALLOT_DPI, StationReport, ballot, station_report};
pub use central::{DeterminedResult, flanders_main_office, p_22_2};
pub use corrigendum::{Correction, Corrigendum, na_14_2, na_14_2_bijlage_1};
pub use credentials::credential_sheets;
pub use municipal::{MunicipalCount, n_10_2, na_31_2, na_31_2_bijlage_1};
pub use notices::notices;
pub use server_sheet::{ServerSheet, server_sheet};

/// The language of the official documents: the models of the Kieswet and of the Flemish decree
/// are Dutch. Their words come from the catalogs (area `report`); a document repeats a few lines
/// in English, the second language (`typeset`).
pub const OFFICIAL: Language = Language::Nl;

/// A file a document goes with: its name and contents (the footer shows its hash code).
#[derive(Debug, Clone, Copy)]
pub struct SourceFile<'a> {
    /// The file name, as published.
    pub name: &'a str,
    /// Its bytes.
    pub bytes: &'a [u8],
}

/// The audit log as it stood when a document was made: its last entry's number and hash code.
/// Printed in the footer, so that a log later cut short or rebuilt no longer matches the paper
/// (`urna audit verify --head`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditMark {
    /// The number of the log's last entry.
    pub entry: u64,
    /// Its hash.
    pub hash: seal::HashCode,
}

impl AuditMark {
    /// As the templates read it (`null` when the document was not made from a database).
    pub(crate) fn json(mark: Option<AuditMark>) -> serde_json::Value {
        mark.map_or(
            serde_json::Value::Null,
            |m| serde_json::json!({ "entry": m.entry, "hash": m.hash.to_string() }),
        )
    }
}

/// The software, as the templates read it (`null` when not named; see `seal::software`).
pub(crate) fn software_json() -> serde_json::Value {
    seal::software::current().map_or(
        serde_json::Value::Null,
        |s| serde_json::json!({ "version": s.version, "hash": s.hash_code }),
    )
}

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The document's data could not be prepared.
    #[error("report data: {0}")]
    Data(String),
    /// Typst refused a template (a defect in Urna, not in the election's data).
    #[error("typesetting failed: {0}")]
    Typeset(String),
}
