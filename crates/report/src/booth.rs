//! The documents of a Flemish polling station with voting computers: the printed ballot (the
//! voter's choices in words and the QR code, as PDF and as the picture a printer makes), and the
//! polling station's report at the close of the poll.

use chrono::{DateTime, Utc};
use model::count::FlandersCount;
use model::{Contest, Election};
use serde_json::json;

use crate::OFFICIAL;
use crate::format::int;
use crate::municipal::{footer, heading};
use crate::{ReportError, SourceFile, typeset};

/// Resolution of the ballot's picture: what a ballot printer and scanner work at.
pub const BALLOT_DPI: f32 = 150.0;

/// The printed ballot: `sections` are per election its name and the choice in words; `qr_png` is
/// the code's picture. Returns the PDF and the page as a PNG at [`BALLOT_DPI`].
pub fn ballot(
    station: &str,
    sections: &[(String, Vec<String>)],
    qr_png: Vec<u8>,
) -> Result<(Vec<u8>, Vec<u8>), ReportError> {
    let data = json!({
        "station": station,
        "sections": sections
            .iter()
            .map(|(election, lines)| json!({"election": election, "lines": lines}))
            .collect::<Vec<_>>(),
    });
    typeset::pdf_and_png(
        "/ballot.typ",
        &data,
        "ballot",
        vec![("/qr.png", qr_png)],
        BALLOT_DPI,
    )
}

/// What the polling station's report shows.
#[derive(Debug, Clone)]
pub struct StationReport<'a> {
    /// The election.
    pub election: &'a Election,
    /// The contest of the station.
    pub contest: &'a Contest,
    /// The station's number and name.
    pub station: String,
    /// When the poll was opened and closed (as written in the poll and the result).
    pub opened: &'a str,
    /// Closed.
    pub closed: &'a str,
    /// The package's fingerprint.
    pub fingerprint: String,
    /// The ballot box's SHA-256.
    pub ballot_box: &'a str,
    /// Cards activated.
    pub cards: u32,
    /// The count.
    pub count: &'a FlandersCount,
    /// The signed result file it goes with (its hash code is in the footer).
    pub result_file: SourceFile<'a>,
    /// When the document is made.
    pub created_at: DateTime<Utc>,
}

/// The polling station's report at closing (proces-verbaal van het stembureau).
pub fn station_report(report: &StationReport<'_>) -> Result<Vec<u8>, ReportError> {
    let count = report.count;
    let valid: u32 = count.lists.iter().map(|l| l.ballots).sum();
    let data = json!({
        "heading": heading(
            report.election,
            &OFFICIAL.text("report-station-report-model"),
            &OFFICIAL.text("report-station-report-title"),
            report.created_at,
        ),
        "footer": footer(&[report.result_file]),
        "station": report.station,
        "opened": report.opened,
        "closed": report.closed,
        "fingerprint": report.fingerprint,
        "ballot_box": report.ballot_box,
        "cards": int(u64::from(report.cards)),
        "ballots": int(u64::from(count.ballots_total)),
        "blank": int(u64::from(count.blank)),
        "invalid": int(u64::from(count.invalid)),
        "valid": int(u64::from(valid)),
        "lists": report.contest.lists.iter().zip(&count.lists).map(|(list, votes)| json!({
            "number": list.number.get().to_string(),
            "name": list.name,
            "ballots": int(u64::from(votes.ballots)),
            "list_only": int(u64::from(votes.list_only)),
            "candidates": list.candidates.iter().zip(&votes.preferences).map(|(c, v)| json!({
                "position": c.position.get().to_string(),
                "name": c.full_name(),
                "votes": int(u64::from(*v)),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    typeset::pdf(
        "/station-report.typ",
        &data,
        &format!(
            "station-report/{}/{}",
            report.election.id.as_str(),
            report.station
        ),
        report.created_at,
    )
}
