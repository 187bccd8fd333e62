//! EML 110b (stembureaus) → the polling stations of an election.

use eml_nl::documents::polling_stations::{PollingPlace, PollingStations};
use model::{Address, Election, PollingStation, PollingStationNumber};

use crate::definition::{date, domain, value};
use crate::document::parse;
use crate::error::{DocumentType, EmlError};
use crate::identity::{FileIdentity, check_same_election};
use crate::source::SourceFile;

/// Reads the polling stations of `election` from a 110b file.
///
/// A 110b names each station's location (as `LocalityName`), its postal code and the number of
/// voters expected there; it does not say whether a station is at a fixed location, special or
/// mobile, so `kind` stays unset.
pub fn read_polling_stations(
    file: SourceFile<'_>,
    election: &Election,
) -> Result<Vec<PollingStation>, EmlError> {
    let document: PollingStations = parse(&file, DocumentType::PollingStations)?;
    let eml_election = &document.election_event.election;
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
        nomination_date: None,
    };
    check_same_election(&file, &identity, election)?;

    eml_election
        .contests
        .iter()
        .flat_map(|contest| &contest.polling_places)
        .map(|place| polling_station(&file, place))
        .collect()
}

fn polling_station(
    file: &SourceFile<'_>,
    place: &PollingPlace,
) -> Result<PollingStation, EmlError> {
    let location = &place.physical_location;
    let id = value(file, &location.polling_station.id, "PollingStation/@Id")?.value();
    let number = u32::try_from(id)
        .ok()
        .and_then(|n| PollingStationNumber::new(n).ok())
        .ok_or_else(|| {
            EmlError::invalid(
                file,
                None,
                format!("polling station number {id} is out of range"),
            )
        })?;
    let voters_text = location.polling_station.data.trim();
    let voters = if voters_text.is_empty() {
        None
    } else {
        Some(voters_text.parse::<u32>().map_err(|_| {
            EmlError::invalid(
                file,
                None,
                format!(
                    "polling station {number}: the number of voters {voters_text:?} is not a whole number"
                ),
            )
        })?)
    };
    let locality = &location.address.locality;
    Ok(PollingStation {
        number,
        name: locality.locality_name.name.to_string(),
        kind: None,
        address: Address {
            street: None,
            postal_code: locality
                .postal_code
                .as_ref()
                .map(|code| code.number().to_string()),
            locality: None,
        },
        voters,
        contest: None,
    })
}
