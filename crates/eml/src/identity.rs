//! Does a candidate-list or polling-station file belong to the election being loaded?
//!
//! Every EML document repeats the election's identifier block. A file whose block differs in any
//! field (id, name, category, subcategory, domain, dates) belongs to another election and is
//! refused, with every differing field named.

use chrono::NaiveDate;
use eml_nl::utils::{ElectionCategory, ElectionSubcategory};
use model::{Body, Domain, Election};

use crate::definition::body_of;
use crate::error::{Difference, EmlError};
use crate::source::SourceFile;

/// The identifier block of a file, parsed.
pub(crate) struct FileIdentity {
    pub id: String,
    pub name: Option<String>,
    pub category: ElectionCategory,
    pub subcategory: Option<ElectionSubcategory>,
    pub domain: Option<Domain>,
    pub election_date: NaiveDate,
    pub nomination_date: Option<NaiveDate>,
}

/// The EML subcategory an election of this body and size has, where the size decides it.
pub(crate) fn expected_subcategory(election: &Election) -> Option<ElectionSubcategory> {
    let small = election.seats < model::validate::NL_SMALL_COUNCIL_SEATS;
    match election.body {
        Body::MunicipalCouncil => Some(if small {
            ElectionSubcategory::GR1
        } else {
            ElectionSubcategory::GR2
        }),
        Body::WaterBoard => Some(if small {
            ElectionSubcategory::AB1
        } else {
            ElectionSubcategory::AB2
        }),
        _ => None,
    }
}

fn show_domain(domain: Option<&Domain>) -> (String, String) {
    match domain {
        Some(domain) => (
            domain
                .id
                .as_ref()
                .map_or_else(|| "(none)".to_string(), ToString::to_string),
            domain.name.clone(),
        ),
        None => ("(none)".to_string(), "(none)".to_string()),
    }
}

/// Refuses `file` unless its identifier block matches `election`.
pub(crate) fn check_same_election(
    file: &SourceFile<'_>,
    found: &FileIdentity,
    election: &Election,
) -> Result<(), EmlError> {
    let mut differences = Vec::new();
    let mut differ = |field: &'static str, found: String, expected: String| {
        if found != expected {
            differences.push(Difference {
                field,
                found,
                expected,
            });
        }
    };

    differ(
        "ElectionIdentifier/@Id",
        found.id.clone(),
        election.id.to_string(),
    );
    if let Some(name) = &found.name {
        differ("ElectionName", name.clone(), election.name.clone());
    }
    let found_body = body_of(file, found.category)?;
    differ(
        "ElectionCategory",
        format!("{} ({})", found.category.to_eml_value(), found_body),
        format!("{} ({})", category_of(election.body), election.body),
    );
    if let (Some(found_sub), Some(expected_sub)) =
        (found.subcategory, expected_subcategory(election))
    {
        differ(
            "ElectionSubcategory",
            found_sub.to_eml_value().to_string(),
            expected_sub.to_eml_value().to_string(),
        );
    }
    let (found_domain_id, found_domain_name) = show_domain(found.domain.as_ref());
    let (expected_domain_id, expected_domain_name) = show_domain(election.domain.as_ref());
    differ("ElectionDomain/@Id", found_domain_id, expected_domain_id);
    differ("ElectionDomain", found_domain_name, expected_domain_name);
    differ(
        "ElectionDate",
        found.election_date.to_string(),
        election.election_date.to_string(),
    );
    if let (Some(found_date), Some(expected_date)) =
        (found.nomination_date, election.nomination_date)
    {
        differ(
            "NominationDate",
            found_date.to_string(),
            expected_date.to_string(),
        );
    }

    if differences.is_empty() {
        Ok(())
    } else {
        Err(EmlError::OtherElection {
            file: file.name.to_string(),
            differences,
        })
    }
}

/// The EML category code of a body.
pub(crate) fn category_of(body: Body) -> &'static str {
    match body {
        Body::MunicipalCouncil => "GR",
        Body::ProvincialCouncil => "PS",
        Body::WaterBoard => "AB",
        Body::HouseOfRepresentatives => "TK",
        Body::Senate => "EK",
        Body::EuropeanParliament => "EP",
        Body::IslandCouncil => "ER",
        Body::BoroughCommittee => "BC",
        Body::AreaCommittee => "GC",
        Body::DistrictCouncil => "-",
    }
}
