//! EML 110a (verkiezingsdefinitie) → the election, without its lists yet.

use chrono::NaiveDate;
use eml_nl::documents::election_definition::ElectionDefinition;
use eml_nl::utils::{ElectionCategory, StringValue, StringValueData, XsDate};
use model::{Body, Domain, DomainId, Election, ElectionId, Jurisdiction, LawVersion};

use crate::document::parse;
use crate::error::{DocumentType, EmlError};
use crate::source::SourceFile;

/// Reads an election definition. The result has no contests yet: they come from the candidate
/// lists (230b).
pub fn read_election_definition(file: SourceFile<'_>) -> Result<Election, EmlError> {
    let document: ElectionDefinition = parse(&file, DocumentType::ElectionDefinition)?;
    let election = &document.election_event.election;
    let identifier = &election.identifier;

    let category = value(&file, &identifier.category, "ElectionCategory")?;
    let subcategory = value(&file, &identifier.subcategory, "ElectionSubcategory")?;
    if !subcategory.is_subcategory_of(category) {
        return Err(EmlError::invalid(
            &file,
            Some("ElectionSubcategory"),
            format!(
                "<ElectionSubcategory> {} does not belong to <ElectionCategory> {}",
                subcategory.to_eml_value(),
                category.to_eml_value()
            ),
        ));
    }
    let body = body_of(&file, category)?;
    let election_date = date(&file, &identifier.election_date, "ElectionDate")?;
    let nomination_date = date(&file, &identifier.nomination_date, "NominationDate")?;
    let seats = value(&file, &election.number_of_seats, "NumberOfSeats")?;
    let threshold = value(&file, &election.preference_threshold, "PreferenceThreshold")?;

    let law =
        LawVersion::applicable(Jurisdiction::Netherlands, election_date).map_err(|error| {
            EmlError::Unsupported {
                file: file.name.to_string(),
                what: error.to_string(),
            }
        })?;

    let election = Election {
        id: election_id(&file, identifier.id.raw().as_ref())?,
        name: identifier.name.to_string(),
        jurisdiction: Jurisdiction::Netherlands,
        body,
        domain: domain(&file, identifier.domain.as_ref())?,
        election_date,
        nomination_date: Some(nomination_date),
        seats: to_u32(&file, seats, "NumberOfSeats")?,
        preference_threshold_percent: Some(to_u32(&file, threshold, "PreferenceThreshold")?),
        law,
        contests: Vec::new(),
        polling_stations: Vec::new(),
    };
    model::validate_header(&election).map_err(|errors| EmlError::Definition {
        file: file.name.to_string(),
        errors,
    })?;
    Ok(election)
}

/// The elected body for an EML election category.
pub(crate) fn body_of(file: &SourceFile<'_>, category: ElectionCategory) -> Result<Body, EmlError> {
    use ElectionCategory as C;
    Ok(match category {
        C::GR => Body::MunicipalCouncil,
        C::PS => Body::ProvincialCouncil,
        C::AB => Body::WaterBoard,
        C::TK => Body::HouseOfRepresentatives,
        C::EK => Body::Senate,
        C::EP => Body::EuropeanParliament,
        C::ER => Body::IslandCouncil,
        C::BC => Body::BoroughCommittee,
        C::GC => Body::AreaCommittee,
        C::NR | C::PR | C::LR | C::IR => {
            return Err(EmlError::Unsupported {
                file: file.name.to_string(),
                what: format!(
                    "election category {} is a referendum, not an election of a body; Urna does not run referendums",
                    category.to_eml_value()
                ),
            });
        }
    })
}

pub(crate) fn election_id(file: &SourceFile<'_>, raw: &str) -> Result<ElectionId, EmlError> {
    ElectionId::new(raw).map_err(|error| {
        EmlError::invalid(
            file,
            Some("ElectionIdentifier"),
            format!("ElectionIdentifier/@Id: {error}"),
        )
    })
}

pub(crate) fn domain(
    file: &SourceFile<'_>,
    domain: Option<&eml_nl::common::ElectionDomain>,
) -> Result<Option<Domain>, EmlError> {
    let Some(domain) = domain else {
        return Ok(None);
    };
    let id = match &domain.id {
        Some(id) => Some(DomainId::new(id.raw().as_ref()).map_err(|error| {
            EmlError::invalid(
                file,
                Some("ElectionDomain"),
                format!("ElectionDomain/@Id: {error}"),
            )
        })?),
        None => None,
    };
    Ok(Some(Domain {
        id,
        name: domain.name.to_string(),
    }))
}

/// The parsed value of a field (strict parsing has already checked it; this only guards).
pub(crate) fn value<T: StringValueData + Clone>(
    file: &SourceFile<'_>,
    field: &StringValue<T>,
    element: &str,
) -> Result<T, EmlError> {
    field.cloned_value().map_err(|error| {
        EmlError::invalid(file, element_name(element), format!("<{element}>: {error}"))
    })
}

pub(crate) fn date(
    file: &SourceFile<'_>,
    field: &StringValue<XsDate>,
    element: &str,
) -> Result<NaiveDate, EmlError> {
    value(file, field, element).map(|date| date.date)
}

fn to_u32(file: &SourceFile<'_>, number: u64, element: &str) -> Result<u32, EmlError> {
    u32::try_from(number).map_err(|_| {
        EmlError::invalid(
            file,
            element_name(element),
            format!("<{element}> {number} is too large"),
        )
    })
}

/// The element name in a field path such as `CandidateIdentifier/@Id` or `ElectionDate`.
fn element_name(field: &str) -> Option<&str> {
    field.split('/').next().filter(|name| !name.is_empty())
}
