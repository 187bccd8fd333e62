//! EML 230b (kandidatenlijsten) → the contest(s) with their lists and candidates.

use eml_nl::documents::candidate_lists::{
    CandidateLists, CandidateListsAffiliation, CandidateListsCandidate,
};
use eml_nl::utils::Gender as EmlGender;
use model::{Candidate, CandidatePosition, Contest, ContestId, Election, Gender, List, ListNumber};

use crate::definition::{date, domain, value};
use crate::document::parse;
use crate::error::{DocumentType, EmlError};
use crate::identity::{FileIdentity, check_same_election};
use crate::source::SourceFile;

/// Reads candidate lists and checks they belong to `election`. Returns one contest per
/// `<Contest>` in the file (a 230b has one).
pub fn read_candidate_lists(
    file: SourceFile<'_>,
    election: &Election,
) -> Result<Vec<Contest>, EmlError> {
    let document: CandidateLists = parse(&file, DocumentType::CandidateLists)?;
    let eml_election = &document.candidate_list.election;
    let identifier = &eml_election.identifier;

    let identity = FileIdentity {
        id: identifier.id.raw().into_owned(),
        name: identifier.name.as_deref().map(str::to_string),
        category: value(&file, &identifier.category, "ElectionCategory")?,
        subcategory: match &identifier.subcategory {
            Some(sub) => Some(value(&file, sub, "ElectionSubcategory")?),
            None => None,
        },
        domain: domain(&file, identifier.domain.as_ref())?,
        election_date: date(&file, &identifier.election_date, "ElectionDate")?,
        nomination_date: Some(date(&file, &identifier.nomination_date, "NominationDate")?),
    };
    check_same_election(&file, &identity, election)?;

    eml_election
        .contests
        .iter()
        .map(|contest| {
            let raw_id = contest.identifier.id.raw();
            let id = ContestId::new(raw_id.as_ref()).map_err(|error| {
                EmlError::invalid(
                    &file,
                    Some("ContestIdentifier"),
                    format!("ContestIdentifier/@Id: {error}"),
                )
            })?;
            // `geen` (no subdivision) and `alle` (all districts) mean the contest is the whole
            // election, so it decides all seats; a numbered contest is an electoral district
            // whose lists are combined with those of other districts.
            let whole_election = contest.identifier.is_geen() || contest.identifier.is_alle();
            let lists = contest
                .affiliations
                .iter()
                .map(|affiliation| list(&file, affiliation))
                .collect::<Result<Vec<_>, _>>()?;
            if lists.is_empty() {
                return Err(EmlError::invalid(
                    &file,
                    Some("Contest"),
                    format!("contest {id} has no lists (<Affiliation>)"),
                ));
            }
            Ok(Contest {
                id,
                name: contest.identifier.name.as_deref().map(str::to_string),
                seats: whole_election.then_some(election.seats),
                lists,
            })
        })
        .collect()
}

fn list(file: &SourceFile<'_>, affiliation: &CandidateListsAffiliation) -> Result<List, EmlError> {
    let id = value(
        file,
        &affiliation.identifier.id,
        "AffiliationIdentifier/@Id",
    )?;
    let number = list_number(file, id.value().get())?;
    let candidates = affiliation
        .candidates
        .iter()
        .map(|candidate| self::candidate(file, number, candidate))
        .collect::<Result<Vec<_>, _>>()?;
    if candidates.is_empty() {
        return Err(EmlError::invalid(
            file,
            None,
            format!("list {number} has no candidates"),
        ));
    }
    Ok(List {
        number,
        name: affiliation
            .identifier
            .registered_name
            .as_deref()
            .unwrap_or_default()
            .to_string(),
        candidates,
    })
}

fn list_number(file: &SourceFile<'_>, id: u64) -> Result<ListNumber, EmlError> {
    u32::try_from(id)
        .ok()
        .and_then(|n| ListNumber::new(n).ok())
        .ok_or_else(|| EmlError::invalid(file, None, format!("list number {id} is out of range")))
}

fn candidate(
    file: &SourceFile<'_>,
    list: ListNumber,
    candidate: &CandidateListsCandidate,
) -> Result<Candidate, EmlError> {
    let id = value(file, &candidate.identifier.id, "CandidateIdentifier/@Id")?;
    let raw = id.value().get();
    let position = u32::try_from(raw)
        .ok()
        .and_then(|n| CandidatePosition::new(n).ok())
        .ok_or_else(|| {
            EmlError::invalid(
                file,
                None,
                format!("list {list}: candidate number {raw} is out of range"),
            )
        })?;
    let name = &candidate.full_name.person_name;
    let gender = match &candidate.gender {
        Some(gender) => Some(match value(file, gender, "Gender")? {
            EmlGender::Male => Gender::Male,
            EmlGender::Female => Gender::Female,
            EmlGender::Unknown => Gender::X,
        }),
        None => None,
    };
    let (locality, country) = match &candidate.qualifying_address {
        Some(address) => (
            Some(address.locality().locality_name.name.to_string()),
            address.country_name_code().map(|c| c.value.to_string()),
        ),
        None => (None, None),
    };
    Ok(Candidate {
        position,
        initials: name.get_initials().map(str::to_string),
        first_name: name.get_first_name().map(str::to_string),
        prefix: name.get_name_prefix().map(str::to_string),
        last_name: name.get_last_name().to_string(),
        gender,
        locality,
        country,
    })
}
