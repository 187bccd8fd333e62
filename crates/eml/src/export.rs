//! EML out, written with the Electoral Council's `eml-nl` builders so that every file validates
//! against the EML_NL 1.2.2 schemas: the 510b (a municipality's count per polling station and in
//! total; it reads back into the same counts), the 510d (the central committee's totals) and the
//! 520 (the elected candidates).
//!
//! What the paper report has and the 510b carries: A, B, C (only when a polling station had
//! voter cards: the 2026 model has no C), D, E per list and per candidate, E, F, G, I and J. H is
//! not in a 510b (it is E + F + G). `Cast` is the number of voters the polling station expected
//! (from the 110b), 0 when unknown. The file is written once per finalised result by its caller,
//! who passes the creation time, so that every download of it is byte-identical.

use std::num::NonZeroU64;

use chrono::{DateTime, Utc};
use eml_nl::common::{
    AuthorityIdentifier, ContestIdentifier, ElectionDomain, ManagingAuthority, PersonName,
    PersonNameStructure, ReportingUnitIdentifier, TransactionId,
};
use eml_nl::documents::ElectionIdentifierBuilder;
use eml_nl::documents::election_count::InvestigationReason;
use eml_nl::documents::election_count::{
    AffiliationSelection, CandidateSelection, CountType, ElectionCount, ElectionCountContest,
    ElectionCountSelection, RejectedVotesReason, ReportingUnitVotes, UncountedVotesReason,
};
use eml_nl::documents::election_result::{
    AffiliationSelection as ResultAffiliation, CandidateSelection as ResultCandidate,
    ElectionResult, ElectionResultContest, ElectionResultSelection, RankingType, YesNoType,
};
use eml_nl::io::EMLWrite;
use eml_nl::utils::{
    AffiliationId, AuthorityId, CandidateId, ElectionCategory, ElectionDomainId, ElectionId,
    ReportingUnitIdentifierId,
};
use model::committee::InvestigationFlags;
use model::count::NlCount;
use model::{Body, Contest, Election, PollingStation};

use crate::identity::expected_subcategory;

/// Why a 510b could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// Urna writes 510b files for municipal councils only, so far.
    #[error("a 510b can be written for a municipal council election only, not for {0}")]
    Unsupported(model::Body),
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
    /// What the committee's investigations established for it (`kr:ReportingUnitInvestigations`):
    /// written when given, as the municipality's committee does.
    pub investigations: Option<InvestigationFlags>,
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

/// The figures of a count (one polling station, or the sum of several), as a 510 carries them.
struct Figures {
    per_list: Vec<u64>,
    candidates: Vec<Vec<u64>>,
    eligible: u64,
    on_candidates: u64,
    blank: u64,
    invalid: u64,
    poll_cards: u64,
    proxy_certificates: u64,
    voter_cards: u64,
    admitted: u64,
    more_ballots: u64,
    fewer_ballots: u64,
}

impl Figures {
    /// The sum over `stations` (whose shape the caller has checked against `contest`).
    fn sum(contest: &Contest, stations: &[StationCount<'_>]) -> Figures {
        let sum = |f: &dyn Fn(&NlCount) -> u32| -> u64 {
            stations.iter().map(|s| u64::from(f(s.count))).sum()
        };
        Figures {
            per_list: (0..contest.lists.len())
                .map(|i| sum(&|c| c.votes.per_list[i]))
                .collect(),
            candidates: contest
                .lists
                .iter()
                .enumerate()
                .map(|(l, list)| {
                    (0..list.candidates.len())
                        .map(|c| sum(&|count| count.lists[l].candidates[c]))
                        .collect()
                })
                .collect(),
            eligible: stations
                .iter()
                .map(|s| u64::from(s.station.voters.unwrap_or(0)))
                .sum(),
            on_candidates: sum(&|c| c.votes.total_on_candidates),
            blank: sum(&|c| c.votes.blank),
            invalid: sum(&|c| c.votes.invalid),
            poll_cards: sum(&|c| c.voters.poll_cards),
            proxy_certificates: sum(&|c| c.voters.proxy_certificates),
            voter_cards: sum(&|c| c.voters.voter_cards),
            admitted: sum(&|c| c.voters.total),
            more_ballots: sum(&|c| c.differences.more_ballots),
            fewer_ballots: sum(&|c| c.differences.fewer_ballots),
        }
    }

    /// `UncountedVotes` in the order of the schema's reasons; C only when the election has
    /// voter cards.
    fn uncounted(&self, with_voter_cards: bool) -> Vec<(UncountedVotesReason, u64)> {
        let mut out = vec![
            (UncountedVotesReason::ValidPollCards, self.poll_cards),
            (
                UncountedVotesReason::ValidProxyCertificates,
                self.proxy_certificates,
            ),
        ];
        if with_voter_cards {
            out.push((UncountedVotesReason::ValidVoterCards, self.voter_cards));
        }
        out.extend([
            (UncountedVotesReason::AdmittedVoters, self.admitted),
            (UncountedVotesReason::MoreBallotsCounted, self.more_ballots),
            (
                UncountedVotesReason::FewerBallotsCounted,
                self.fewer_ballots,
            ),
        ]);
        out
    }

    fn unit(
        &self,
        contest: &Contest,
        (id, name): (String, String),
        with_voter_cards: bool,
        investigations: Option<InvestigationFlags>,
    ) -> Result<ReportingUnitVotes, ExportError> {
        let mut unit = ReportingUnitVotes::builder()
            .identifier(ReportingUnitIdentifier::new(
                eml(ReportingUnitIdentifierId::new(id))?,
                name,
            ))
            .selections(selections(contest, &self.per_list, &self.candidates)?)
            .eligible_voter_count(self.eligible)
            .candidate_votes_count(self.on_candidates)
            .rejected_votes(RejectedVotesReason::Invalid, self.invalid)
            .rejected_votes(RejectedVotesReason::Blank, self.blank);
        for (reason, value) in self.uncounted(with_voter_cards) {
            unit = unit.uncounted_votes(reason, value);
        }
        if let Some(flags) = investigations {
            // In the order of the Electoral Council's files.
            unit = unit
                .investigation(
                    InvestigationReason::AdmittedVotersReestablished,
                    flags.admitted_voters_reestablished,
                )
                .investigation(InvestigationReason::OtherReason, flags.other_reason)
                .investigation(
                    InvestigationReason::PartiallyRecountedBallots,
                    flags.ballots_partly_recounted,
                );
        }
        eml(unit.build())
    }
}

/// Checks that every count has the contest's lists and candidates.
fn check_shape(contest: &Contest, stations: &[StationCount<'_>]) -> Result<(), ExportError> {
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
    Ok(())
}

/// The municipality's code and name, and its contest; refused for other bodies than a
/// municipal council.
fn municipal(election: &Election) -> Result<(&str, &str, &Contest), ExportError> {
    if election.body != Body::MunicipalCouncil {
        return Err(ExportError::Unsupported(election.body));
    }
    let domain = election.domain.as_ref().ok_or(ExportError::NoDomain)?;
    let domain_id = domain.id.as_ref().ok_or(ExportError::NoDomain)?;
    let contest = election.contests.first().ok_or(ExportError::NoLists)?;
    Ok((domain_id.as_str(), domain.name.as_str(), contest))
}

fn election_identifier(
    election: &Election,
    domain_id: &str,
    domain_name: &str,
) -> Result<ElectionIdentifierBuilder, ExportError> {
    let mut identifier = ElectionIdentifierBuilder::new()
        .id(eml(ElectionId::new(election.id.as_str()))?)
        .name(election.name.as_str())
        .category(ElectionCategory::GR)
        .domain(ElectionDomain::new(
            Some(eml(ElectionDomainId::new(domain_id))?),
            domain_name,
        ))
        .election_date(election.election_date);
    if let Some(subcategory) = expected_subcategory(election) {
        identifier = identifier.subcategory(subcategory);
    }
    Ok(identifier)
}

fn authority(domain_id: &str, domain_name: &str) -> Result<ManagingAuthority, ExportError> {
    Ok(ManagingAuthority::new(
        AuthorityIdentifier::new(eml(AuthorityId::new(domain_id))?).with_name(domain_name),
    ))
}

/// Writes the 510b of `election`'s count: every polling station in `stations` and their total.
pub fn write_count_510b(
    election: &Election,
    stations: &[StationCount<'_>],
    created: DateTime<Utc>,
) -> Result<Vec<u8>, ExportError> {
    write_count(election, stations, created, CountType::Municipal)
}

/// Writes the 510d of a municipal council election: the central committee's totals (Kieswet
/// P 1), with the municipality as the one reporting unit (for a municipal council the
/// municipality is the only one).
pub fn write_count_510d(
    election: &Election,
    stations: &[StationCount<'_>],
    created: DateTime<Utc>,
) -> Result<Vec<u8>, ExportError> {
    write_count(election, stations, created, CountType::Central)
}

fn write_count(
    election: &Election,
    stations: &[StationCount<'_>],
    created: DateTime<Utc>,
    count_type: CountType,
) -> Result<Vec<u8>, ExportError> {
    let (domain_id, domain_name, contest) = municipal(election)?;
    check_shape(contest, stations)?;
    let with_voter_cards = stations.iter().any(|s| s.count.voters.voter_cards > 0);
    let total = Figures::sum(contest, stations);
    let mut builder = ElectionCountContest::builder()
        .identifier(ContestIdentifier::geen())
        .total_votes_selections(selections(contest, &total.per_list, &total.candidates)?)
        .total_eligible_voter_count(total.eligible)
        .total_candidate_votes_count(total.on_candidates)
        .total_rejected_votes(RejectedVotesReason::Invalid, total.invalid)
        .total_rejected_votes(RejectedVotesReason::Blank, total.blank);
    for (reason, value) in total.uncounted(with_voter_cards) {
        builder = builder.total_uncounted_votes(reason, value);
    }
    if count_type == CountType::Central {
        builder = builder.push_reporting_unit_votes(total.unit(
            contest,
            (domain_id.to_string(), domain_name.to_string()),
            with_voter_cards,
            None,
        )?);
    } else {
        for s in stations {
            let figures = Figures::sum(contest, std::slice::from_ref(s));
            builder = builder.push_reporting_unit_votes(figures.unit(
                contest,
                (
                    format!("{domain_id}::SB{}", s.station.number),
                    reporting_unit_name(s.station),
                ),
                with_voter_cards,
                s.investigations,
            )?);
        }
    }
    let identifier = election_identifier(election, domain_id, domain_name)?;
    let document = eml(ElectionCount::builder()
        .count_type(count_type)
        .transaction_id(TransactionId::new(1))
        .creation_date_time(created)
        .managing_authority(authority(domain_id, domain_name)?)
        .election_identifier(eml(identifier.build_for_count())?)
        .contests([eml(builder.build())?])
        .build())?;
    eml(document.write_eml_root(false, true))
}

/// One list's seats in a result: its elected candidates, in the order of election.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElectedList {
    /// List number.
    pub number: u32,
    /// The elected candidates: position on the list, and whether elected on their own
    /// preference votes (Kieswet P 15) rather than in list order (P 17).
    pub elected: Vec<(u32, bool)>,
}

/// Writes the 520 of a municipal council election: per list with seats, the list and its
/// elected candidates, each with `Ranking` 1 when elected on preference votes (Kieswet P 15) and
/// 2 when elected in list order (P 17), as the strict EML_NL 1.2.2 schema has it. A list without
/// seats and a candidate not elected are not in the file (the schema fixes `Elected` to `yes`).
pub fn write_result_520(
    election: &Election,
    lists: &[ElectedList],
    created: DateTime<Utc>,
) -> Result<Vec<u8>, ExportError> {
    let (domain_id, domain_name, contest) = municipal(election)?;
    let mut selections = Vec::new();
    for result in lists.iter().filter(|l| !l.elected.is_empty()) {
        let list = contest
            .lists
            .iter()
            .find(|l| l.number.get() == result.number)
            .ok_or(ExportError::Shape(result.number))?;
        selections.push(eml(ElectionResultSelection::builder()
            .affiliation(ResultAffiliation::new(
                AffiliationId::new(nonzero(result.number)?),
                list.name.as_str(),
            ))
            .elected(YesNoType::new(true))
            .build())?);
        for (position, by_preference) in &result.elected {
            let candidate = list
                .candidates
                .iter()
                .find(|c| c.position.get() == *position)
                .ok_or(ExportError::Shape(result.number))?;
            let name = PersonName::new(candidate.last_name.as_str())
                .with_initials_option(candidate.initials.as_deref())
                .with_first_name_option(candidate.first_name.as_deref())
                .with_name_prefix_option(candidate.prefix.as_deref());
            let mut selection = ResultCandidate::builder()
                .identifier(CandidateId::new(nonzero(*position)?))
                .name(PersonNameStructure::new(name))
                .locality_name(candidate.locality.as_deref().unwrap_or(domain_name));
            if let Some(gender) = candidate.gender {
                selection = selection.gender(match gender {
                    model::Gender::Male => eml_nl::utils::Gender::Male,
                    model::Gender::Female => eml_nl::utils::Gender::Female,
                    model::Gender::X => eml_nl::utils::Gender::Unknown,
                });
            }
            if let Some(country) = candidate.country.as_deref().filter(|c| *c != "NL") {
                selection = selection.country_name_code(country);
            }
            selections.push(eml(ElectionResultSelection::builder()
                .candidate(eml(selection.build())?)
                .ranking(if *by_preference {
                    RankingType::First
                } else {
                    RankingType::Second
                })
                .elected(YesNoType::new(true))
                .build())?);
        }
    }
    let identifier = election_identifier(election, domain_id, domain_name)?;
    let document = eml(ElectionResult::builder()
        .transaction_id(TransactionId::new(1))
        .creation_date_time(created)
        .managing_authority(authority(domain_id, domain_name)?)
        .election_identifier(eml(identifier.build_for_result())?)
        .contests([ElectionResultContest::new(
            ContestIdentifier::geen(),
            selections,
        )])
        .build())?;
    eml(document.write_eml_root(false, true))
}
