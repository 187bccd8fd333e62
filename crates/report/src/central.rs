//! The central electoral committee's report (model P 22-2, Kieswet P 22): the totals of the
//! votes, the seat allocation step by step, the elected candidates and the order of the others.

use apportion::Apportionment;
use chrono::{DateTime, Utc};
use model::totals::Totals;
use model::{Contest, Election};
use serde_json::json;

use crate::OFFICIAL;
use crate::format::int;
use crate::municipal::{footer, heading};
use crate::{ReportError, SourceFile, allocation, typeset};

/// A determined result and what goes with it.
#[derive(Debug, Clone)]
pub struct DeterminedResult<'a> {
    /// The election.
    pub election: &'a Election,
    /// The contest.
    pub contest: &'a Contest,
    /// The totals the seats were allocated on.
    pub totals: &'a Totals,
    /// The complete apportionment (no drawing of lots pending).
    pub apportionment: &'a Apportionment,
    /// Candidates registered as deceased (Kieswet P 19a): list and position.
    pub deceased: &'a [(u32, u32)],
    /// When the document is made.
    pub created_at: DateTime<Utc>,
    /// The files the document goes with (EML 510d and 520; in Flanders the result file); their
    /// hash codes are in every footer.
    pub files: Vec<SourceFile<'a>>,
    /// The audit log's head when the document is made (in every footer).
    pub audit: Option<crate::AuditMark>,
}

/// Counted of expected polling stations, when the result is of some of them only.
fn partial(result: &DeterminedResult<'_>) -> serde_json::Value {
    let expected = result.election.stations_of(&result.contest.id).len();
    let counted = result.totals.polling_stations.len();
    if counted < expected {
        json!({ "counted": counted, "expected": expected })
    } else {
        serde_json::Value::Null
    }
}

pub(crate) fn result_data(
    result: &DeterminedResult<'_>,
    model: &str,
    title: &str,
) -> serde_json::Value {
    let totals = result.totals;
    let apportionment = result.apportionment;
    json!({
        "heading": heading(result.election, model, title, result.created_at),
        "footer": footer(&result.files),
        "audit": crate::AuditMark::json(result.audit),
        "partial": partial(result),
        "seats": apportionment.seats,
        "rules": result.election.law.name().text(OFFICIAL),
        "totals": {
            "admitted": int(totals.admitted_voters),
            "valid": int(totals.valid),
            "blank": int(totals.blank),
            "invalid": int(totals.invalid),
            "cast": int(totals.cast),
            "stations": totals.polling_stations.len(),
            "lists": result.contest.lists.iter().zip(&totals.lists).map(|(l, t)| json!({
                "number": l.number.get(), "name": l.name, "votes": int(t.votes),
                "list_only": int(t.list_only),
                "seats": apportionment.list(l.number.get()).map_or(0, |r| r.seats),
            })).collect::<Vec<_>>(),
        },
        "allocation": allocation::sections(apportionment, result.contest),
        "unfilled": apportionment.unfilled_seats,
        "candidates": allocation::candidates(apportionment, result.contest, totals, result.deceased),
    })
}

/// Model P 22-2: the central committee's report of the result.
pub fn p_22_2(result: &DeterminedResult<'_>) -> Result<Vec<u8>, ReportError> {
    let data = result_data(
        result,
        &OFFICIAL.text("report-p22-model"),
        &OFFICIAL.text("report-p22-title"),
    );
    typeset::pdf(
        "/p-22-2.typ",
        &data,
        &format!("p-22-2/{}", result.election.id.as_str()),
        result.created_at,
    )
}

/// The Flemish main office's report (hoofdbureau; Lokaal en Provinciaal Kiesdecreet): votes per
/// list, the allocation by Imperiali or D'Hondt step by step, the elected candidates and the
/// substitutes in order.
pub fn flanders_main_office(result: &DeterminedResult<'_>) -> Result<Vec<u8>, ReportError> {
    let data = result_data(
        result,
        &OFFICIAL.text("report-main-office-model"),
        &OFFICIAL.text("report-main-office-title"),
    );
    typeset::pdf(
        "/flanders-main-office.typ",
        &data,
        &format!("flanders-main-office/{}", result.election.id.as_str()),
        result.created_at,
    )
}
