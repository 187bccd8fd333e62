//! EML 510b out: a municipality's count per polling station and in total, written with the
//! Electoral Council's `eml-nl` builders so that it validates against the EML_NL 1.2.2 schemas
//! and reads back into the same counts.
//!
//! What the paper report has and the 510b carries: A, B, C (only when a polling station had
//! voter cards: the 2026 model has no C), D, E per list and per candidate, E, F, G, I and J. H is
//! not in a 510b (it is E + F + G). `Cast` is the number of voters the polling station expected
//! (from the 110b), 0 when unknown. The file is written once per finalised result by its caller,
//! who passes the creation time, so that every download of it is byte-identical.

use std::num::NonZeroU64;

use chrono::{DateTime, Utc};
use eml_nl::common::{
    AuthorityIdentifier, ContestIdentifier, ElectionDomain, ManagingAuthority,
    ReportingUnitIdentifier, TransactionId,
};
use eml_nl::documents::ElectionIdentifierBuilder;
use eml_nl::documents::election_count::{
    AffiliationSelection, CandidateSelection, CountType, ElectionCount, ElectionCountContest,
    ElectionCountSelection, RejectedVotesReason, ReportingUnitVotes, UncountedVotesReason,
};
use eml_nl::io::EMLWrite;
use eml_nl::utils::{
    AffiliationId, AuthorityId, CandidateId, ElectionCategory, ElectionDomainId, ElectionId,
    ReportingUnitIdentifierId,
};
use model::count::NlCount;
use model::{Body, Contest, Election, PollingStation};

use crate::identity::expected_subcategory;

/// Why a 510b could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// Urna writes 510b files for municipal councils only, so far.
    #[error("a 510b can be written for a municipal council election only, not for {0}")]
    Unsupported(&'static str),
    /// The election has no municipality (domain) to write as the authority.
    #[error("the election has no municipality code (domain id)")]
    NoDomain,
    /// The election has no lists.
    #[error("the election has no candidate lists")]
    NoLists,
    /// A count does not fit the candidate lists.
    #[error("polling station {0}: the count does not fit the candidate lists")]
    Shape(u32),
    /// `eml-nl` refused a value.
    #[error("EML: {0}")]
    Eml(String),
}

fn eml<T>(result: Result<T, eml_nl::EMLError>) -> Result<T, ExportError> {
    result.map_err(|e| ExportError::Eml(e.to_string()))
}

fn nonzero(n: u32) -> Result<NonZeroU64, ExportError> {
    NonZeroU64::new(u64::from(n)).ok_or_else(|| ExportError::Eml(format!("{n} is not positive")))
}

/// One polling station's definitive count.
#[derive(Debug, Clone, Copy)]
pub struct StationCount<'a> {
    /// The polling station.
    pub station: &'a PollingStation,
    /// Its count.
    pub count: &'a NlCount,
}

/// The list and candidate selections of a count, in ballot order: each list, then its
/// candidates.
fn selections(
    contest: &Contest,
    per_list: &[u64],
    candidates: &[Vec<u64>],
) -> Result<Vec<ElectionCountSelection>, ExportError> {
    let mut out = Vec::new();
    for (index, list) in contest.lists.iter().enumerate() {
        out.push(eml(ElectionCountSelection::builder()
            .affiliation(AffiliationSelection::new(
                AffiliationId::new(nonzero(list.number.get())?),
                list.name.as_str(),
            ))
            .valid_votes(per_list.get(index).copied().unwrap_or(0))
            .build())?);
        for (position, votes) in candidates.get(index).into_iter().flatten().enumerate() {
            let position =
                u32::try_from(position + 1).map_err(|e| ExportError::Eml(e.to_string()))?;
            out.push(eml(ElectionCountSelection::builder()
                .candidate(eml(CandidateSelection::builder()
                    .identifier(CandidateId::new(nonzero(position)?))
                    .build())?)
                .valid_votes(*votes)
                .build())?);
        }
    }
    Ok(out)
}

fn reporting_unit_name(station: &PollingStation) -> String {
    match station.address.postal_code.as_deref() {
        Some(code) => format!("Stembureau {} (postcode: {code})", station.name),
        None => format!("Stembureau {}", station.name),
    }
}

/// Writes the 510b of `election`'s count: every polling station in `stations` and their total.
pub fn write_count_510b(
    election: &Election,
    stations: &[StationCount<'_>],
    created: DateTime<Utc>,
) -> Result<Vec<u8>, ExportError> {
    if election.body != Body::MunicipalCouncil {
        return Err(ExportError::Unsupported(election.body.name_en()));
    }
    let domain = election.domain.as_ref().ok_or(ExportError::NoDomain)?;
    let domain_id = domain.id.as_ref().ok_or(ExportError::NoDomain)?;
    let contest = election.contests.first().ok_or(ExportError::NoLists)?;
    for s in stations {
        let fits = s.count.lists.len() == contest.lists.len()
            && s.count.votes.per_list.len() == contest.lists.len()
            && s.count
                .lists
                .iter()
                .zip(&contest.lists)
                .all(|(c, l)| c.candidates.len() == l.candidates.len());
        if !fits {
            return Err(ExportError::Shape(s.station.number.get()));
        }
    }

    // Totals over the polling stations.
    let sum = |f: &dyn Fn(&NlCount) -> u32| -> u64 {
        stations.iter().map(|s| u64::from(f(s.count))).sum()
    };
    let per_list: Vec<u64> = (0..contest.lists.len())
        .map(|i| sum(&|c| c.votes.per_list[i]))
        .collect();
    let candidates: Vec<Vec<u64>> = contest
        .lists
        .iter()
        .enumerate()
        .map(|(l, list)| {
            (0..list.candidates.len())
                .map(|c| sum(&|count| count.lists[l].candidates[c]))
                .collect()
        })
        .collect();
    let with_voter_cards = stations.iter().any(|s| s.count.voters.voter_cards > 0);
    let eligible: u64 = stations
        .iter()
        .map(|s| u64::from(s.station.voters.unwrap_or(0)))
        .sum();

    let mut builder = ElectionCountContest::builder()
        .identifier(ContestIdentifier::geen())
        .total_votes_selections(selections(contest, &per_list, &candidates)?)
        .total_eligible_voter_count(eligible)
        .total_candidate_votes_count(sum(&|c| c.votes.total_on_candidates))
        .total_rejected_votes(RejectedVotesReason::Invalid, sum(&|c| c.votes.invalid))
        .total_rejected_votes(RejectedVotesReason::Blank, sum(&|c| c.votes.blank))
        .total_uncounted_votes(
            UncountedVotesReason::ValidPollCards,
            sum(&|c| c.voters.poll_cards),
        )
        .total_uncounted_votes(
            UncountedVotesReason::ValidProxyCertificates,
            sum(&|c| c.voters.proxy_certificates),
        );
    if with_voter_cards {
        builder = builder.total_uncounted_votes(
            UncountedVotesReason::ValidVoterCards,
            sum(&|c| c.voters.voter_cards),
        );
    }
    builder = builder
        .total_uncounted_votes(
            UncountedVotesReason::AdmittedVoters,
            sum(&|c| c.voters.total),
        )
        .total_uncounted_votes(
            UncountedVotesReason::MoreBallotsCounted,
            sum(&|c| c.differences.more_ballots),
        )
        .total_uncounted_votes(
            UncountedVotesReason::FewerBallotsCounted,
            sum(&|c| c.differences.fewer_ballots),
        );
    for s in stations {
        let c = s.count;
        let id = format!("{domain_id}::SB{}", s.station.number);
        let mut unit = ReportingUnitVotes::builder()
            .identifier(ReportingUnitIdentifier::new(
                eml(ReportingUnitIdentifierId::new(id))?,
                reporting_unit_name(s.station),
            ))
            .selections(selections(
                contest,
                &c.votes
                    .per_list
                    .iter()
                    .map(|v| u64::from(*v))
                    .collect::<Vec<_>>(),
                &c.lists
                    .iter()
                    .map(|l| l.candidates.iter().map(|v| u64::from(*v)).collect())
                    .collect::<Vec<_>>(),
            )?)
            .eligible_voter_count(u64::from(s.station.voters.unwrap_or(0)))
            .candidate_votes_count(u64::from(c.votes.total_on_candidates))
            .rejected_votes(RejectedVotesReason::Invalid, u64::from(c.votes.invalid))
            .rejected_votes(RejectedVotesReason::Blank, u64::from(c.votes.blank))
            .uncounted_votes(
                UncountedVotesReason::ValidPollCards,
                u64::from(c.voters.poll_cards),
            )
            .uncounted_votes(
                UncountedVotesReason::ValidProxyCertificates,
                u64::from(c.voters.proxy_certificates),
            );
        if with_voter_cards {
            unit = unit.uncounted_votes(
                UncountedVotesReason::ValidVoterCards,
                u64::from(c.voters.voter_cards),
            );
        }
        unit = unit
            .uncounted_votes(
                UncountedVotesReason::AdmittedVoters,
                u64::from(c.voters.total),
            )
            .uncounted_votes(
                UncountedVotesReason::MoreBallotsCounted,
                u64::from(c.differences.more_ballots),
            )
            .uncounted_votes(
                UncountedVotesReason::FewerBallotsCounted,
                u64::from(c.differences.fewer_ballots),
            );
        builder = builder.push_reporting_unit_votes(eml(unit.build())?);
    }

    let mut identifier = ElectionIdentifierBuilder::new()
        .id(eml(ElectionId::new(election.id.as_str()))?)
        .name(election.name.as_str())
        .category(ElectionCategory::GR)
        .domain(ElectionDomain::new(
            Some(eml(ElectionDomainId::new(domain_id.as_str()))?),
            domain.name.as_str(),
        ))
        .election_date(election.election_date);
    if let Some(subcategory) = expected_subcategory(election) {
        identifier = identifier.subcategory(subcategory);
    }
    let document = eml(ElectionCount::builder()
        .count_type(CountType::Municipal)
        .transaction_id(TransactionId::new(1))
        .creation_date_time(created)
        .managing_authority(ManagingAuthority::new(
            AuthorityIdentifier::new(eml(AuthorityId::new(domain_id.as_str()))?)
                .with_name(domain.name.as_str()),
        ))
        .election_identifier(eml(identifier.build_for_count())?)
        .contests([eml(builder.build())?])
        .build())?;
    eml(document.write_eml_root(false, true))
}
