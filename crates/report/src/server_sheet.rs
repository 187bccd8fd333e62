//! The coordinator's sheet for results entry: the address the typists' browsers open, the
//! fingerprint of the installation's certificate authority that each typist compares with what
//! the browser shows before typing a password (a machine in the middle on the office network
//! would show another), and the hash code of the software that serves. `urna serve` makes it at
//! every start, beside the authority (`DATA/https/verbindingsblad.pdf`).

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::format::date_time;
use crate::{OFFICIAL, ReportError};

/// What the sheet says.
#[derive(Debug, Clone)]
pub struct ServerSheet<'a> {
    /// Who serves, e.g. `Gemeente Assen` (or the installation's name).
    pub authority: &'a str,
    /// The elections served, by name.
    pub elections: &'a [String],
    /// The addresses the typists open (`https://…/`).
    pub addresses: &'a [String],
    /// The SHA-256 fingerprint of the authority's certificate, as browsers show it
    /// (`AB:CD:…`, 32 pairs).
    pub fingerprint: &'a str,
    /// Whose local time the sheet tells.
    pub jurisdiction: model::Jurisdiction,
}

/// The sheet as PDF.
pub fn server_sheet(
    sheet: &ServerSheet<'_>,
    created_at: DateTime<Utc>,
) -> Result<Vec<u8>, ReportError> {
    let pairs: Vec<&str> = sheet.fingerprint.split(':').collect();
    if pairs.len() != 32 || pairs.iter().any(|p| p.len() != 2) {
        return Err(ReportError::Data(format!(
            "not a SHA-256 fingerprint: {}",
            sheet.fingerprint
        )));
    }
    let title = OFFICIAL.text("report-server-sheet");
    let data = json!({
        "heading": {
            "authority": sheet.authority,
            "place": "",
            "body": "",
            "election": sheet.elections.join(", "),
            "election_id": "",
            "date": "",
            "model": title,
            "title": title,
            "created": date_time(created_at, sheet.jurisdiction),
            "software": crate::software_json(),
        },
        "footer": [],
        "addresses": sheet.addresses,
        "elections": sheet.elections,
        "fingerprint_rows": pairs.chunks(8).map(|row| row.join(":")).collect::<Vec<_>>(),
    });
    crate::typeset::pdf("/server-sheet.typ", &data, "server-sheet", created_at)
}
