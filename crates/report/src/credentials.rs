//! The credential sheets of the key ceremony: one page per polling station or main office with
//! its login, its password, the fingerprint of its package and the election.
//!
//! The sheet is the only place the password exists: Urna keeps only its Argon2id verifier (in
//! the package). The PDF is meant for the printer in the secured zone, not for a disk.

use chrono::{DateTime, Utc};
use model::Election;
use seal::ceremony::Credential;
use seal::package::Office;
use serde_json::json;

use crate::municipal::heading;
use crate::{OFFICIAL, ReportError};

/// The sheets of `credentials`, one page each, in the order given.
pub fn credential_sheets(
    election: &Election,
    credentials: &[Credential],
    created_at: DateTime<Utc>,
) -> Result<Vec<u8>, ReportError> {
    let sheets: Vec<_> = credentials
        .iter()
        .map(|credential| {
            let fingerprint = credential.fingerprint.to_string();
            let groups: Vec<&str> = fingerprint.split(' ').collect();
            json!({
                // The template says it in the document's language and in English.
                "kind": match credential.office {
                    Office::PollingStation { .. } => "report-kind-polling-station",
                    Office::MainOffice { .. } => "report-kind-main-office",
                },
                "number": match credential.office {
                    Office::PollingStation { number, .. } => number.to_string(),
                    Office::MainOffice { .. } => String::new(),
                },
                "name": credential.office.name(),
                "login": credential.login,
                "password": credential.password,
                "fingerprint_rows": groups.chunks(4).map(|row| row.join(" ")).collect::<Vec<_>>(),
            })
        })
        .collect();
    let data = json!({
        "heading": heading(
            election,
            &OFFICIAL.text("report-credentials"),
            &OFFICIAL.text("report-credentials"),
            created_at,
        ),
        "footer": [],
        "sheets": sheets,
    });
    crate::typeset::pdf(
        "/credentials.typ",
        &data,
        &format!("credentials/{}", election.id.as_str()),
        created_at,
    )
}
