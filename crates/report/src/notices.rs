//! The notices to the elected candidates (Kieswet V 1: the chair of the central committee
//! notifies each elected candidate without delay): one page per candidate, with the body, the
//! list, the votes and whether they were elected on their own preference votes (P 15) or in list
//! order (P 17), and what the candidate must do next (Kieswet V 2: say whether they accept).
//!
//! Pure: the data are built here from the determined result, the typesetting is `typeset`'s.

use serde_json::{Value, json};

use crate::OFFICIAL;
use crate::central::DeterminedResult;
use crate::format::int;
use crate::municipal::{footer, heading};
use crate::{ReportError, typeset};

/// The elected candidates of a determined result, in list order, each as its notice shows them.
fn elected(result: &DeterminedResult<'_>) -> Vec<Value> {
    let mut out = Vec::new();
    for (index, list) in result.contest.lists.iter().enumerate() {
        let Some(allocated) = result.apportionment.list(list.number.get()) else {
            continue;
        };
        let votes = result.totals.lists.get(index);
        for position in &allocated.elected {
            let Some(candidate) = list
                .candidates
                .iter()
                .find(|c| c.position.get() == *position)
            else {
                continue;
            };
            let candidate_votes = votes
                .and_then(|t| {
                    t.candidates
                        .get(usize::try_from(*position).unwrap_or(0).saturating_sub(1))
                })
                .copied()
                .unwrap_or(0);
            out.push(json!({
                "name": candidate.full_name(),
                "locality": candidate.locality.clone().unwrap_or_default(),
                "list": list.number.get(),
                "list_name": list.name,
                "position": position,
                "votes": int(candidate_votes),
                "by_preference": allocated.preference_elected.contains(position),
            }));
        }
    }
    out
}

/// The notices to the elected candidates, one page each; their footers carry the hash codes of
/// the result's files (510d and 520).
pub fn notices(result: &DeterminedResult<'_>) -> Result<Vec<u8>, ReportError> {
    let data = json!({
        "heading": heading(
            result.election,
            &OFFICIAL.text("report-notice-model"),
            &OFFICIAL.text("report-notice-title"),
            result.created_at,
        ),
        "footer": footer(&result.files),
        "audit": crate::AuditMark::json(result.audit),
        "body": result.election.body.name().text(OFFICIAL),
        "elected": elected(result),
    });
    typeset::pdf(
        "/notices.typ",
        &data,
        &format!("notices/{}", result.election.id.as_str()),
        result.created_at,
    )
}
