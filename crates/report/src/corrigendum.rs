//! The documents of a later session of the municipal electoral committee (Netherlands, central
//! counting): the corrigendum, model Na 14-2, with the session's details, the investigations it
//! concluded, every count it corrected (the previous and the corrected figures side by side) and
//! the municipality's new totals; and its Bijlage 1, the corrected count of each polling station
//! in full. The previous counts stay in the committee's history; the corrigendum names both.
//!
//! Pure: the data are built here, the typesetting is `typeset`'s.

use chrono::{DateTime, Utc};
use model::committee::{Investigation, InvestigationFlags, Session, SessionDetails};
use model::count::NlCount;
use model::totals::Totals;
use model::{Contest, Election, PollingStation};
use serde_json::{Value, json};

use crate::OFFICIAL;
use crate::format::int;
use crate::municipal::{by_counting, footer, heading, station_count, station_head};
use crate::{ReportError, SourceFile, typeset};

/// One polling station's count as it was and as the session corrected it.
#[derive(Debug, Clone, Copy)]
pub struct Correction<'a> {
    /// The polling station.
    pub station: &'a PollingStation,
    /// The count definitive before the session.
    pub previous: &'a NlCount,
    /// The corrected count, typed twice in the session.
    pub corrected: &'a NlCount,
}

/// What a later session established.
#[derive(Debug, Clone)]
pub struct Corrigendum<'a> {
    /// The election.
    pub election: &'a Election,
    /// Its contest.
    pub contest: &'a Contest,
    /// The session (number, details).
    pub session: &'a Session,
    /// The investigations concluded in it.
    pub investigations: Vec<(&'a Investigation, &'a PollingStation)>,
    /// The counts it corrected, in polling station order.
    pub corrections: Vec<Correction<'a>>,
    /// The municipality's totals after the corrections.
    pub totals: &'a Totals,
    /// When the documents are made.
    pub created_at: DateTime<Utc>,
    /// The session's 510b; its hash code is in every footer.
    pub eml: SourceFile<'a>,
    /// The audit log's head when the documents are made.
    pub audit: Option<crate::AuditMark>,
    /// Who counted the votes per candidate: Na 14-2 (central counting) or Na 14-1.
    pub counting: model::committee::CountingMethod,
}

fn yes_no(value: bool) -> String {
    OFFICIAL.text(if value {
        "report-yes"
    } else {
        "report-no-answer"
    })
}

/// A figure's line: its code and name, the previous and corrected value, and the difference.
fn line(code: &str, label: String, previous: u64, corrected: u64) -> Value {
    let difference = i128::from(corrected) - i128::from(previous);
    json!({
        "code": code,
        "label": label,
        "previous": int(previous),
        "corrected": int(corrected),
        "difference": match difference {
            0 => String::new(),
            d if d > 0 => format!("+{}", int(d.unsigned_abs().try_into().unwrap_or(u64::MAX))),
            d => format!("−{}", int(d.unsigned_abs().try_into().unwrap_or(u64::MAX))),
        },
        "changed": difference != 0,
    })
}

fn correction(contest: &Contest, c: &Correction<'_>) -> Value {
    let (p, n) = (c.previous, c.corrected);
    let text = |id: &str| OFFICIAL.text(id);
    let mut figures = vec![
        line(
            "A",
            text("report-poll-cards"),
            p.voters.poll_cards.into(),
            n.voters.poll_cards.into(),
        ),
        line(
            "B",
            text("report-proxies"),
            p.voters.proxy_certificates.into(),
            n.voters.proxy_certificates.into(),
        ),
        line(
            "C",
            text("report-voter-passes"),
            p.voters.voter_cards.into(),
            n.voters.voter_cards.into(),
        ),
        line(
            "D",
            text("report-admitted-voters"),
            p.voters.total.into(),
            n.voters.total.into(),
        ),
    ];
    for (index, list) in contest.lists.iter().enumerate() {
        let votes =
            |count: &NlCount| u64::from(count.votes.per_list.get(index).copied().unwrap_or(0));
        figures.push(line(
            &format!("E.{}", list.number),
            list.name.clone(),
            votes(p),
            votes(n),
        ));
    }
    figures.extend([
        line(
            "E",
            text("report-candidate-votes"),
            p.votes.total_on_candidates.into(),
            n.votes.total_on_candidates.into(),
        ),
        line(
            "F",
            text("report-blank-votes"),
            p.votes.blank.into(),
            n.votes.blank.into(),
        ),
        line(
            "G",
            text("report-invalid-votes"),
            p.votes.invalid.into(),
            n.votes.invalid.into(),
        ),
        line(
            "H",
            text("report-cast-votes"),
            p.votes.total_cast.into(),
            n.votes.total_cast.into(),
        ),
        line(
            "I",
            text("report-more-counted-short"),
            p.differences.more_ballots.into(),
            n.differences.more_ballots.into(),
        ),
        line(
            "J",
            text("report-fewer-counted-short"),
            p.differences.fewer_ballots.into(),
            n.differences.fewer_ballots.into(),
        ),
    ]);
    // The candidates whose votes changed.
    let mut candidates = Vec::new();
    for (list_index, list) in contest.lists.iter().enumerate() {
        for (position, candidate) in list.candidates.iter().enumerate() {
            let votes = |count: &NlCount| {
                u64::from(
                    count
                        .lists
                        .get(list_index)
                        .and_then(|l| l.candidates.get(position))
                        .copied()
                        .unwrap_or(0),
                )
            };
            if votes(p) != votes(n) {
                let mut changed = line(
                    &format!("{}.{}", list.number, candidate.position),
                    candidate.full_name(),
                    votes(p),
                    votes(n),
                );
                changed["list"] = json!(list.name);
                candidates.push(changed);
            }
        }
    }
    json!({
        "station": station_head(c.station),
        "figures": figures,
        "candidates": candidates,
    })
}

/// A session's date, time, place and members as the reports print them.
pub(crate) fn details_json(details: &SessionDetails) -> Value {
    json!({
        "date": details.started.format("%d-%m-%Y").to_string(),
        "time": details.started.format("%H:%M").to_string(),
        "location": details.location,
        "members": details.members,
    })
}

fn session_json(session: &Session) -> Value {
    let mut value = session
        .details
        .as_ref()
        .map_or_else(|| json!({}), details_json);
    value["number"] = json!(session.number);
    value
}

fn investigation_json(investigation: &Investigation, station: &PollingStation) -> Value {
    let flags = InvestigationFlags::of(
        std::slice::from_ref(investigation),
        investigation.station,
        investigation.session,
    );
    let conclusion = investigation.conclusion.as_ref();
    json!({
        "station": station_head(station),
        "cause": investigation.cause.name().text(OFFICIAL),
        "reason": investigation.reason,
        "requested": yes_no(investigation.requested_by_central),
        "findings": conclusion.map(|c| c.findings.clone()).unwrap_or_default(),
        "admitted": yes_no(flags.admitted_voters_reestablished),
        "recounted": yes_no(flags.ballots_partly_recounted),
        "corrected": yes_no(conclusion.is_some_and(|c| c.corrected_count)),
    })
}

/// Model Na 14-2: the corrigendum of a later session (Kieswet N 11 ff., P 2a). Its footer carries
/// the hash code of the session's 510b.
pub fn na_14_2(corrigendum: &Corrigendum<'_>) -> Result<Vec<u8>, ReportError> {
    let totals = corrigendum.totals;
    let data = json!({
        "heading": heading(
            corrigendum.election,
            &by_counting(corrigendum.counting, "report-na14-model", "report-na141-model"),
            &OFFICIAL.text("report-na14-title"),
            corrigendum.created_at,
        ),
        "footer": footer(std::slice::from_ref(&corrigendum.eml)),
        "audit": crate::AuditMark::json(corrigendum.audit),
        "session": session_json(corrigendum.session),
        "investigations": corrigendum
            .investigations
            .iter()
            .map(|(i, s)| investigation_json(i, s))
            .collect::<Vec<_>>(),
        "corrections": corrigendum
            .corrections
            .iter()
            .map(|c| correction(corrigendum.contest, c))
            .collect::<Vec<_>>(),
        "totals": {
            "d": int(totals.admitted_voters),
            "lists": corrigendum.contest.lists.iter().zip(&totals.lists).map(|(l, t)| json!({
                "number": l.number.get(), "name": l.name, "votes": int(t.votes),
            })).collect::<Vec<_>>(),
            "e": int(totals.valid),
            "f": int(totals.blank),
            "g": int(totals.invalid),
            "h": int(totals.cast),
        },
    });
    typeset::pdf(
        "/na-14-2.typ",
        &data,
        &format!(
            "na-14-2/{}/{}",
            corrigendum.election.id.as_str(),
            corrigendum.session.number
        ),
        corrigendum.created_at,
    )
}

/// Bijlage 1 of the Na 14-2: the corrected count of every polling station the session corrected.
pub fn na_14_2_bijlage_1(corrigendum: &Corrigendum<'_>) -> Result<Vec<u8>, ReportError> {
    let data = json!({
        "heading": heading(
            corrigendum.election,
            &by_counting(
                corrigendum.counting,
                "report-na14-annex-model",
                "report-na141-annex-model",
            ),
            &OFFICIAL.text("report-na14-annex-title"),
            corrigendum.created_at,
        ),
        "footer": footer(std::slice::from_ref(&corrigendum.eml)),
        "audit": crate::AuditMark::json(corrigendum.audit),
        "session": session_json(corrigendum.session),
        "stations": corrigendum
            .corrections
            .iter()
            .map(|c| station_count(corrigendum.contest, c.station, c.corrected))
            .collect::<Vec<_>>(),
    });
    typeset::pdf_with(
        "/na-14-2-bijlage-1.typ",
        &data,
        &format!(
            "na-14-2-bijlage-1/{}/{}",
            corrigendum.election.id.as_str(),
            corrigendum.session.number
        ),
        corrigendum.created_at,
        typeset::Structure::Untagged,
    )
}
