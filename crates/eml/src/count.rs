//! EML 510b (telling, the count of a municipality per polling station) → the count form of each
//! polling station.
//!
//! A 510b holds, per polling station (`ReportingUnitVotes`, id `<municipality>::SB<number>`),
//! what the paper report (N 10-2) says: admitted voters A–D as `UncountedVotes` with reason codes,
//! the votes per list and per candidate as `Selection`s, E as `TotalCounted`, blank and invalid as
//! `RejectedVotes`, and the ballots counted more or fewer (I, J). H is not in the file: it is
//! E + F + G by definition of the form. The tick boxes of the comparison of D and H and the
//! answer to "is the difference explained" are derived from those figures.

use std::collections::BTreeMap;

#[cfg(test)]
use eml_nl::documents::election_count::ReportingUnitVotes;
use eml_nl::documents::election_count::{
    ElectionCount, ElectionCountSelection, ElectionCountSelectionType, InvestigationReason,
    RejectedVotesReason, TotalVotes, UncountedVotesReason,
};
use model::committee::InvestigationFlags;
use model::count::{AdmittedVoters, Differences, ListVotes, NlCount, VotesCast};
use model::{Contest, Election, PollingStation, PollingStationNumber};

use crate::definition::{date, domain, value};
use crate::document::parse;
use crate::error::{DocumentType, EmlError};
use crate::identity::{FileIdentity, check_same_election};
use crate::source::SourceFile;

/// Reads the count of every polling station from a 510b through `eml-nl`'s document tree: the
/// second opinion the streaming reader ([`crate::count_stream`]) is tested against.
#[cfg(test)]
pub(crate) fn read_polling_station_counts_tree(
    file: SourceFile<'_>,
    election: &Election,
) -> Result<BTreeMap<PollingStationNumber, NlCount>, EmlError> {
    let document = checked_document(&file, election)?;
    let eml_election = &document.count.election;
    let contest = election
        .contests
        .first()
        .ok_or_else(|| EmlError::invalid(&file, None, "the election has no candidate lists"))?;
    let mut counts = BTreeMap::new();
    for eml_contest in &eml_election.contests {
        for unit in &eml_contest.reporting_unit_votes {
            let (number, count) = unit_count(&file, contest, unit)?;
            if counts.insert(number, count).is_some() {
                return Err(EmlError::invalid(
                    &file,
                    Some("ReportingUnitVotes"),
                    format!("polling station {number} occurs twice"),
                ));
            }
        }
    }
    Ok(counts)
}

/// The polling stations a 510b reports on, as it names them (`ReportingUnitIdentifier`): for
/// the central committee, whose election definition has no polling stations of its own.
pub fn read_count_polling_stations(
    file: SourceFile<'_>,
    election: &Election,
) -> Result<Vec<PollingStation>, EmlError> {
    let document = checked_document(&file, election)?;
    let mut stations = Vec::new();
    for eml_contest in &document.count.election.contests {
        for unit in &eml_contest.reporting_unit_votes {
            let id = unit.identifier.id.raw();
            stations.push(PollingStation {
                number: number_of(&file, &id)?,
                name: unit.identifier.name.to_string(),
                kind: None,
                address: model::Address::default(),
                voters: None,
                contest: None,
            });
        }
    }
    stations.sort_by_key(|s| s.number);
    Ok(stations)
}

/// What a 510b says the committee's investigations established, per polling station
/// (`kr:ReportingUnitInvestigations`, the Electoral Council's three reason codes). A polling
/// station whose unit has no such element has every flag unset.
pub fn read_investigation_flags(
    file: SourceFile<'_>,
    election: &Election,
) -> Result<BTreeMap<PollingStationNumber, InvestigationFlags>, EmlError> {
    let document = checked_document(&file, election)?;
    let mut out = BTreeMap::new();
    for eml_contest in &document.count.election.contests {
        for unit in &eml_contest.reporting_unit_votes {
            let number = number_of(&file, &unit.identifier.id.raw())?;
            let mut flags = InvestigationFlags::default();
            for (reason, set) in &unit.investigations {
                let set = value(&file, set, "Investigation")?;
                match reason {
                    InvestigationReason::AdmittedVotersReestablished => {
                        flags.admitted_voters_reestablished = set;
                    }
                    InvestigationReason::OtherReason => flags.other_reason = set,
                    InvestigationReason::PartiallyRecountedBallots => {
                        flags.ballots_partly_recounted = set;
                    }
                    // Codes of earlier models; not what a committee records since 2026.
                    _ => {}
                }
            }
            out.insert(number, flags);
        }
    }
    Ok(out)
}

/// Parses a 510b and checks it is of `election`.
pub(crate) fn checked_document(
    file: &SourceFile<'_>,
    election: &Election,
) -> Result<ElectionCount, EmlError> {
    let document: ElectionCount = parse(file, DocumentType::Count)?;
    let identifier = &document.count.election.identifier;
    let identity = FileIdentity {
        id: identifier.id.raw().into_owned(),
        name: identifier.name.as_deref().map(str::to_string),
        category: value(file, &identifier.category, "ElectionCategory")?,
        subcategory: match &identifier.subcategory {
            Some(sub) => Some(value(file, sub, "ElectionSubcategory")?),
            None => None,
        },
        domain: domain(file, identifier.domain.as_ref())?,
        election_date: date(file, &identifier.election_date, "ElectionDate")?,
        nomination_date: None,
    };
    check_same_election(file, &identity, election)?;
    Ok(document)
}

/// A 510b (the municipality's) or 510d (the central committee's), parsed as the document it
/// declares itself to be.
fn parse_count(file: &SourceFile<'_>) -> Result<ElectionCount, EmlError> {
    let kind = if crate::declared_document_id(file)? == DocumentType::CentralCount.eml_id() {
        DocumentType::CentralCount
    } else {
        DocumentType::Count
    };
    parse(file, kind)
}

/// A count's `TotalVotes`: the whole area's figures.
fn total_votes<'d>(
    file: &SourceFile<'_>,
    document: &'d ElectionCount,
) -> Result<&'d TotalVotes, EmlError> {
    document
        .count
        .election
        .contests
        .first()
        .and_then(|c| c.total_votes.as_ref())
        .ok_or_else(|| EmlError::invalid(file, Some("TotalVotes"), "the count has no TotalVotes"))
}

/// The number of eligible voters a 510b or 510d states for the whole area (`TotalVotes/Cast`;
/// EML_NL calls it `Cast`, it is the number of people entitled to vote): the denominator of the
/// turnout.
pub fn read_eligible_voters(file: SourceFile<'_>) -> Result<u64, EmlError> {
    let document = parse_count(&file)?;
    let total = total_votes(&file, &document)?;
    value(&file, &total.eligible_voter_count, "Cast")
}

/// The totals a 510b (the municipality's) or a 510d (the central committee's) states in
/// `TotalVotes`: votes per list and per candidate, for checking them against the sum of the
/// polling stations.
pub fn read_count_totals(
    file: SourceFile<'_>,
    election: &Election,
) -> Result<Vec<ListVotes>, EmlError> {
    let document = parse_count(&file)?;
    let contest = election
        .contests
        .first()
        .ok_or_else(|| EmlError::invalid(&file, None, "the election has no candidate lists"))?;
    let total = total_votes(&file, &document)?;
    list_votes(&file, contest, &total.selections, &|what| {
        format!("TotalVotes, {what}")
    })
}

pub(crate) fn number_of(file: &SourceFile<'_>, id: &str) -> Result<PollingStationNumber, EmlError> {
    id.rsplit_once("::SB")
        .and_then(|(_, n)| n.parse::<u32>().ok())
        .and_then(|n| PollingStationNumber::new(n).ok())
        .ok_or_else(|| {
            EmlError::invalid(
                file,
                Some("ReportingUnitIdentifier"),
                format!(
                    "reporting unit {id:?} is not a polling station (expected <code>::SB<number>)"
                ),
            )
        })
}

fn to_u32(file: &SourceFile<'_>, number: u64, what: &str) -> Result<u32, EmlError> {
    count_in_range(number)
        .ok_or_else(|| EmlError::invalid(file, None, format!("{what}: {number} is out of range")))
}

/// A figure of a count form, when it is one (at most [`model::count::MAX_COUNT`]).
pub(crate) fn count_in_range(number: u64) -> Option<u32> {
    u32::try_from(number)
        .ok()
        .filter(|n| *n <= model::count::MAX_COUNT)
}

/// Where list `number` stands among `contest`'s lists, if it is one of them.
pub(crate) fn list_index(contest: &Contest, number: u64) -> Option<usize> {
    contest
        .lists
        .iter()
        .position(|l| u64::from(l.number.get()) == number)
}

/// The votes of the candidate at `position` (from 1) on `list`, if the list has one there.
pub(crate) fn candidate_slot(list: &mut ListVotes, position: u64) -> Option<&mut u32> {
    usize::try_from(position)
        .ok()
        .and_then(|p| p.checked_sub(1))
        .and_then(|i| list.candidates.get_mut(i))
}

#[cfg(test)]
fn unit_count(
    file: &SourceFile<'_>,
    contest: &Contest,
    unit: &ReportingUnitVotes,
) -> Result<(PollingStationNumber, NlCount), EmlError> {
    let id = unit.identifier.id.raw();
    let number = number_of(file, &id)?;
    let at = |what: &str| format!("polling station {number}, {what}");
    let count = figures(
        file,
        contest,
        Figures {
            selections: &unit.selections,
            candidate_votes: &unit.candidate_votes_count,
            rejected: &unit.rejected_votes,
            uncounted: &unit.uncounted_votes,
        },
        &at,
    )?;
    Ok((number, count))
}

/// The figures of a reporting unit or of the whole count (`TotalVotes`), as EML has them.
struct Figures<'d> {
    selections: &'d [ElectionCountSelection],
    candidate_votes: &'d eml_nl::utils::StringValue<u64>,
    rejected: &'d BTreeMap<RejectedVotesReason, eml_nl::utils::StringValue<u64>>,
    uncounted: &'d BTreeMap<UncountedVotesReason, eml_nl::utils::StringValue<u64>>,
}

/// A count form's figures from a reporting unit's or the whole count's EML figures.
fn figures(
    file: &SourceFile<'_>,
    contest: &Contest,
    unit: Figures<'_>,
    at: &dyn Fn(&str) -> String,
) -> Result<NlCount, EmlError> {
    let lists = list_votes(file, contest, unit.selections, at)?;
    let uncounted = |reason: UncountedVotesReason| -> Result<u32, EmlError> {
        match unit.uncounted.get(&reason) {
            Some(v) => to_u32(
                file,
                value(file, v, "UncountedVotes")?,
                &at("UncountedVotes"),
            ),
            None => Ok(0),
        }
    };
    let rejected = |reason: RejectedVotesReason| -> Result<u32, EmlError> {
        match unit.rejected.get(&reason) {
            Some(v) => to_u32(file, value(file, v, "RejectedVotes")?, &at("RejectedVotes")),
            None => Ok(0),
        }
    };
    Ok(nl_count(RawFigures {
        lists,
        total_counted: to_u32(
            file,
            value(file, unit.candidate_votes, "TotalCounted")?,
            &at("TotalCounted"),
        )?,
        blank: rejected(RejectedVotesReason::Blank)?,
        invalid: rejected(RejectedVotesReason::Invalid)?,
        poll_cards: uncounted(UncountedVotesReason::ValidPollCards)?,
        proxy_certificates: uncounted(UncountedVotesReason::ValidProxyCertificates)?,
        voter_cards: uncounted(UncountedVotesReason::ValidVoterCards)?,
        admitted: uncounted(UncountedVotesReason::AdmittedVoters)?,
        more_ballots: uncounted(UncountedVotesReason::MoreBallotsCounted)?,
        fewer_ballots: uncounted(UncountedVotesReason::FewerBallotsCounted)?,
        unexplained: uncounted(UncountedVotesReason::NoExplanation)? > 0,
    }))
}

/// The figures of a count as a 510b states them, checked and in range.
pub(crate) struct RawFigures {
    pub lists: Vec<ListVotes>,
    /// E: `TotalCounted`.
    pub total_counted: u32,
    pub blank: u32,
    pub invalid: u32,
    pub poll_cards: u32,
    pub proxy_certificates: u32,
    pub voter_cards: u32,
    /// D: `toegelaten kiezers`.
    pub admitted: u32,
    pub more_ballots: u32,
    pub fewer_ballots: u32,
    /// `geen verklaring` above zero: a difference left unexplained.
    pub unexplained: bool,
}

/// The count form of a 510b's figures. H is not in the file: it is E + F + G by definition of
/// the form; the tick boxes comparing D and H and the answer to "is the difference explained"
/// follow from the figures.
pub(crate) fn nl_count(raw: RawFigures) -> NlCount {
    let (d, e) = (raw.admitted, raw.total_counted);
    let h = e.saturating_add(raw.blank).saturating_add(raw.invalid);
    NlCount {
        voters: AdmittedVoters {
            poll_cards: raw.poll_cards,
            proxy_certificates: raw.proxy_certificates,
            voter_cards: raw.voter_cards,
            total: d,
        },
        votes: VotesCast {
            per_list: raw.lists.iter().map(|l| l.total).collect(),
            total_on_candidates: e,
            blank: raw.blank,
            invalid: raw.invalid,
            total_cast: h,
        },
        differences: Differences {
            d_equals_h: d == h,
            h_greater_than_d: h > d,
            h_less_than_d: h < d,
            more_ballots: raw.more_ballots,
            fewer_ballots: raw.fewer_ballots,
            explained_yes: d != h && !raw.unexplained,
            explained_no: d != h && raw.unexplained,
            explanation: String::new(),
        },
        lists: raw.lists,
    }
}

/// The municipality a 510b is of (its `ManagingAuthority`): CBS code and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountingAuthority {
    /// The municipality's code (`0014`).
    pub code: String,
    /// Its name (`Groningen`).
    pub name: String,
}

/// A municipality's whole count as its 510b states it in `TotalVotes` (the figures of its
/// report, Na 31), with the municipality it is of: what the central committee takes in as the
/// first entry of that municipality. Refused when the file is of another election.
pub fn read_count_total(
    file: SourceFile<'_>,
    election: &Election,
) -> Result<(CountingAuthority, NlCount), EmlError> {
    let document = checked_document(&file, election)?;
    let contest = election
        .contests
        .first()
        .ok_or_else(|| EmlError::invalid(&file, None, "the election has no candidate lists"))?;
    let total = total_votes(&file, &document)?;
    let count = figures(
        &file,
        contest,
        Figures {
            selections: &total.selections,
            candidate_votes: &total.candidate_votes_count,
            rejected: &total.rejected_votes,
            uncounted: &total.uncounted_votes,
        },
        &|what| format!("TotalVotes, {what}"),
    )?;
    let identifier = &document.managing_authority.authority_identifier;
    let authority = CountingAuthority {
        code: identifier.id.raw().into_owned(),
        name: identifier.name.as_deref().unwrap_or_default().to_string(),
    };
    Ok((authority, count))
}

/// The votes per list and candidate of a sequence of selections (a list, then its candidates).
fn list_votes(
    file: &SourceFile<'_>,
    contest: &Contest,
    selections: &[ElectionCountSelection],
    at: &dyn Fn(&str) -> String,
) -> Result<Vec<ListVotes>, EmlError> {
    let mut lists: Vec<ListVotes> = contest
        .lists
        .iter()
        .map(|l| ListVotes {
            candidates: vec![0; l.candidates.len()],
            total: 0,
        })
        .collect();
    let mut current: Option<usize> = None;
    for selection in selections {
        let votes = value(file, &selection.valid_votes, "ValidVotes")?;
        match &selection.selection_type {
            ElectionCountSelectionType::Affiliation(affiliation) => {
                let list_number = value(file, &affiliation.id, "AffiliationIdentifier/@Id")?
                    .value()
                    .get();
                let index = list_index(contest, list_number).ok_or_else(|| {
                    EmlError::invalid(
                        file,
                        Some("AffiliationIdentifier"),
                        at(&format!("list {list_number} is not on the candidate lists")),
                    )
                })?;
                lists[index].total = to_u32(file, votes, &at("list votes"))?;
                current = Some(index);
            }
            ElectionCountSelectionType::Candidate(candidate) => {
                let position = value(file, &candidate.identifier.id, "CandidateIdentifier/@Id")?
                    .value()
                    .get();
                let list = current.ok_or_else(|| {
                    EmlError::invalid(
                        file,
                        Some("Candidate"),
                        at("candidate votes before any list"),
                    )
                })?;
                let slot = candidate_slot(&mut lists[list], position).ok_or_else(|| {
                    EmlError::invalid(
                        file,
                        Some("CandidateIdentifier"),
                        at(&format!(
                            "list {} has no candidate {position}",
                            contest.lists[list].number
                        )),
                    )
                })?;
                *slot = to_u32(file, votes, &at("candidate votes"))?;
            }
            ElectionCountSelectionType::ReferendumOption(_) => {
                return Err(EmlError::invalid(
                    file,
                    Some("ReferendumOptionIdentifier"),
                    at("a referendum option is not part of a council election"),
                ));
            }
        }
    }
    Ok(lists)
}
