//! The municipality's documents (Netherlands): the report of the municipal electoral committee
//! with central counting (model Na 31-2, Kieswet N 11, N 13), its Bijlage 1 with the count of
//! every polling station, and the empty count form of a polling station (model N 10-2).
//!
//! Pure: the documents' data are built here from the election and its counts; the typesetting
//! is `typeset`'s.

use chrono::{DateTime, Utc};
use messages::t;
use model::committee::CountingMethod;
use model::count::NlCount;
use model::totals::Totals;
use model::{Contest, Election, PollingStation};
use serde_json::{Value, json};

use crate::OFFICIAL;
use crate::format::{date, date_time, int};
use crate::{ReportError, SourceFile, typeset};

/// The definitive counts of a municipality and what goes with them.
#[derive(Debug, Clone)]
pub struct MunicipalCount<'a> {
    /// The election.
    pub election: &'a Election,
    /// The contest counted (a municipal council election has one).
    pub contest: &'a Contest,
    /// Every polling station with its definitive count, in number order.
    pub stations: Vec<(&'a PollingStation, &'a NlCount)>,
    /// The totals over those counts (`model::totals`).
    pub totals: &'a Totals,
    /// When the documents are made.
    pub created_at: DateTime<Utc>,
    /// The EML 510b the documents go with; its hash code is in every footer.
    pub eml: SourceFile<'a>,
    /// The audit log's head when the documents are made (in every footer).
    pub audit: Option<crate::AuditMark>,
    /// When, where and with whom the committee's session was held, when recorded (else the
    /// report leaves room to write it).
    pub session: Option<&'a model::committee::SessionDetails>,
    /// Who counted the votes per candidate: the models are Na 31-2 (central counting) or
    /// Na 31-1 (decentralised).
    pub counting: CountingMethod,
}

/// The text id of `central` or, under decentralised counting, of `decentralised`: the models
/// of the two ways of counting differ in name and in a few sentences.
pub(crate) fn by_counting(
    counting: CountingMethod,
    central: &'static str,
    decentralised: &'static str,
) -> String {
    OFFICIAL.text(match counting {
        CountingMethod::Central => central,
        CountingMethod::Decentralised => decentralised,
    })
}

/// The head of every document: who, which election, which model.
pub(crate) fn heading(
    election: &Election,
    model: &str,
    title: &str,
    created_at: DateTime<Utc>,
) -> Value {
    let place = election
        .domain
        .as_ref()
        .map(|d| d.name.clone())
        .unwrap_or_default();
    let authority = match election.jurisdiction {
        model::Jurisdiction::Netherlands => t!(OFFICIAL, "report-municipality", place = &place),
        model::Jurisdiction::Flanders => place.clone(),
    };
    let body = election.body.name().text(OFFICIAL);
    json!({
        "authority": authority,
        "place": place,
        "body": capitalise(&body),
        "election": election.name,
        "election_id": election.id.as_str(),
        "date": date(election.election_date),
        "model": model,
        "title": title,
        "created": date_time(created_at, election.jurisdiction),
        "software": crate::software_json(),
    })
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub(crate) fn footer(files: &[SourceFile<'_>]) -> Value {
    Value::Array(
        files
            .iter()
            .map(|file| json!({ "file": file.name, "sha256": seal::HashCode::of(file.bytes).to_string() }))
            .collect(),
    )
}

fn address(station: &PollingStation) -> String {
    let a = &station.address;
    let mut parts = Vec::new();
    if let Some(street) = a.street.as_deref().filter(|s| !s.is_empty()) {
        parts.push(street.to_string());
    }
    let town: Vec<&str> = [a.postal_code.as_deref(), a.locality.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    if !town.is_empty() {
        parts.push(town.join(" "));
    }
    if parts.is_empty()
        && let Some(kind) = station.kind
    {
        parts.push(format!("({})", kind.name().text(model::Language::Nl)));
    }
    parts.join(", ")
}

pub(crate) fn station_head(station: &PollingStation) -> Value {
    json!({
        "number": station.number.get(),
        "name": station.name,
        "address": address(station),
    })
}

/// A candidate line: position, name and locality.
fn candidate_line(candidate: &model::Candidate) -> Value {
    json!({
        "position": candidate.position.get(),
        "name": candidate.full_name(),
        "locality": candidate.locality.clone().unwrap_or_default(),
    })
}

fn numbers(values: impl IntoIterator<Item = u32>) -> String {
    values
        .into_iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The data of the Na 31-2: the municipality's totals (Deel 2) and the polling stations counted
/// (Deel 1).
fn na_31_2_data(count: &MunicipalCount<'_>) -> Value {
    let totals = count.totals;
    let sum = |f: fn(&NlCount) -> u32| -> String {
        int(count.stations.iter().map(|(_, c)| u64::from(f(c))).sum())
    };
    // Z: the eligible voters, when every polling station's number is known.
    let eligible: Option<u64> = count
        .stations
        .iter()
        .map(|(s, _)| s.voters.map(u64::from))
        .sum();
    let more: Vec<u32> = count
        .stations
        .iter()
        .filter(|(_, c)| c.votes.total_cast > c.voters.total)
        .map(|(s, _)| s.number.get())
        .collect();
    let fewer: Vec<u32> = count
        .stations
        .iter()
        .filter(|(_, c)| c.votes.total_cast < c.voters.total)
        .map(|(s, _)| s.number.get())
        .collect();
    let lists: Vec<Value> = count
        .contest
        .lists
        .iter()
        .zip(&totals.lists)
        .map(|(list, total)| {
            json!({
                "number": list.number.get(),
                "name": list.name,
                "total": int(total.votes),
                "candidates": list.candidates.iter().zip(&total.candidates).map(|(c, votes)| {
                    let mut line = candidate_line(c);
                    line["votes"] = json!(int(*votes));
                    line
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "heading": heading(
            count.election,
            &by_counting(count.counting, "report-na31-model", "report-na311-model"),
            &OFFICIAL.text("report-na31-title"),
            count.created_at,
        ),
        "decentralised": count.counting == CountingMethod::Decentralised,
        "footer": footer(std::slice::from_ref(&count.eml)),
        "audit": crate::AuditMark::json(count.audit),
        "session": count.session.map(crate::corrigendum::details_json),
        "stations": count.stations.iter().map(|(s, _)| station_head(s)).collect::<Vec<_>>(),
        "voters": {
            "z": eligible.map(int),
            "a": sum(|c| c.voters.poll_cards),
            "b": sum(|c| c.voters.proxy_certificates),
            "c": sum(|c| c.voters.voter_cards),
            "d": int(totals.admitted_voters),
        },
        "votes": {
            "lists": count.contest.lists.iter().zip(&totals.lists).map(|(l, t)| json!({
                "number": l.number.get(), "name": l.name, "votes": int(t.votes),
            })).collect::<Vec<_>>(),
            "e": int(totals.valid),
            "f": int(totals.blank),
            "g": int(totals.invalid),
            "h": int(totals.cast),
        },
        "differences": {
            "more": { "stations": numbers(more.iter().copied()), "count": int(totals.more_ballots), "any": !more.is_empty() },
            "fewer": { "stations": numbers(fewer.iter().copied()), "count": int(totals.fewer_ballots), "any": !fewer.is_empty() },
        },
        "lists": lists,
    })
}

/// One polling station's count as Bijlage 1 prints it.
pub(crate) fn station_count(contest: &Contest, station: &PollingStation, count: &NlCount) -> Value {
    let v = &count.voters;
    let c = &count.votes;
    let d = &count.differences;
    json!({
        "station": station_head(station),
        "voters": { "a": int(v.poll_cards.into()), "b": int(v.proxy_certificates.into()), "c": int(v.voter_cards.into()), "d": int(v.total.into()) },
        "votes": {
            "lists": contest.lists.iter().zip(&c.per_list).map(|(l, votes)| json!({
                "number": l.number.get(), "name": l.name, "votes": int((*votes).into()),
            })).collect::<Vec<_>>(),
            "e": int(c.total_on_candidates.into()),
            "f": int(c.blank.into()),
            "g": int(c.invalid.into()),
            "h": int(c.total_cast.into()),
        },
        "differences": {
            "equal": d.d_equals_h,
            "more": d.h_greater_than_d,
            "fewer": d.h_less_than_d,
            "i": int(d.more_ballots.into()),
            "j": int(d.fewer_ballots.into()),
            "explained": if d.explained_yes { OFFICIAL.text("report-yes") } else if d.explained_no { OFFICIAL.text("report-no-answer") } else { String::new() },
            "explanation": d.explanation,
        },
        "lists": contest.lists.iter().zip(&count.lists).map(|(list, votes)| json!({
            "number": list.number.get(),
            "name": list.name,
            "total": int(votes.total.into()),
            "candidates": list.candidates.iter().zip(&votes.candidates).map(|(candidate, n)| json!({
                "position": candidate.position.get(),
                "name": candidate.full_name(),
                "votes": int((*n).into()),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// Model Na 31-2: the report of the municipal electoral committee with central counting —
/// the polling stations counted, the municipality's totals and the votes per candidate (Kieswet
/// N 11, N 13). Its footer carries the hash code of the 510b it goes with.
pub fn na_31_2(count: &MunicipalCount<'_>) -> Result<Vec<u8>, ReportError> {
    typeset::pdf(
        "/na-31-2.typ",
        &na_31_2_data(count),
        &format!("na-31-2/{}", count.election.id.as_str()),
        count.created_at,
    )
}

/// Bijlage 1 of the Na 31-2: the count of every polling station as the committee established it.
pub fn na_31_2_bijlage_1(count: &MunicipalCount<'_>) -> Result<Vec<u8>, ReportError> {
    let data = json!({
        "heading": heading(
            count.election,
            &by_counting(count.counting, "report-annex-model", "report-na311-annex-model"),
            &OFFICIAL.text("report-annex-title"),
            count.created_at,
        ),
        "decentralised": count.counting == CountingMethod::Decentralised,
        "footer": footer(std::slice::from_ref(&count.eml)),
        "audit": crate::AuditMark::json(count.audit),
        "stations": count.stations.iter().map(|(s, c)| station_count(count.contest, s, c)).collect::<Vec<_>>(),
    });
    typeset::pdf_with(
        "/na-31-2-bijlage-1.typ",
        &data,
        &format!("na-31-2-bijlage-1/{}", count.election.id.as_str()),
        count.created_at,
        typeset::Structure::Untagged,
    )
}

/// Model N 10-2: the empty count form of one polling station with central counting, on which
/// the polling station writes its count (Kieswet N 10): its lists and candidates printed, the
/// boxes empty. It goes with no EML file: its footer names the election instead.
pub fn n_10_2(
    election: &Election,
    contest: &Contest,
    station: &PollingStation,
    (counting, created_at): (CountingMethod, DateTime<Utc>),
) -> Result<Vec<u8>, ReportError> {
    let data = json!({
        "heading": heading(
            election,
            &by_counting(counting, "report-n10-model", "report-n101-model"),
            &OFFICIAL.text("report-n10-title"),
            created_at,
        ),
        "decentralised": counting == CountingMethod::Decentralised,
        "footer": [],
        "station": station_head(station),
        "lists": contest.lists.iter().map(|list| json!({
            "number": list.number.get(),
            "name": list.name,
            "candidates": list.candidates.iter().map(candidate_line).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    typeset::pdf(
        "/n-10-2.typ",
        &data,
        &format!("n-10-2/{}/{}", election.id.as_str(), station.number),
        created_at,
    )
}
