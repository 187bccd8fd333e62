//! The Flemish election definition format.
//!
//! Flemish local elections have no EML: the Agentschap Binnenlands Bestuur prepares the election
//! in its own systems. Urna therefore defines a small JSON document for one Flemish election — a
//! municipal council, a district council (Antwerp) or a provincial council with its electoral
//! districts — with its lists, candidates and polling stations. The format is documented in
//! `docs/formats/flanders-election-definition.md`, with a JSON schema beside it; this crate reads
//! it into [`model::Election`] and refuses anything the schema or the model's rules refuse,
//! naming the file, the line and column, and the field.

#![forbid(unsafe_code)]

pub mod result_file;

use chrono::NaiveDate;
use model::{
    Address, Body, Candidate, CandidatePosition, Contest, ContestId, Domain, DomainId, Election,
    ElectionId, Gender, Jurisdiction, LawVersion, List, ListNumber, PollingStation,
    PollingStationKind, PollingStationNumber,
};
use serde::{Deserialize, Serialize};

/// The value of the `format` field.
pub const FORMAT: &str = "urna-flanders-election-definition";
/// The format version this crate reads and writes.
pub const FORMAT_VERSION: u32 = 1;
/// The contest id of an election without electoral districts.
pub const SINGLE_CONTEST: &str = "geen";

/// A Flemish election definition document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefinitionDocument {
    /// Optional reference to the JSON schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The election itself.
    pub election: ElectionSection,
    /// Lists of a municipal or district council (absent for a provincial council).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lists: Option<Vec<ListEntry>>,
    /// Electoral districts of a provincial council, each with its seats and lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub districts: Option<Vec<DistrictEntry>>,
    /// Polling stations.
    #[serde(default)]
    pub polling_stations: Vec<PollingStationEntry>,
}

/// Which council is elected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// Gemeenteraad.
    MunicipalCouncil,
    /// Districtsraad (Antwerp).
    DistrictCouncil,
    /// Provincieraad.
    ProvincialCouncil,
}

/// Law version names in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LawName {
    /// 2006–2018: list votes devolve.
    FlandersDevolution,
    /// From 2024: preference votes only.
    FlandersPreference,
}

/// The election section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElectionSection {
    /// Identifier, e.g. `GR2024_Lindeveld`.
    pub id: String,
    /// Full name.
    pub name: String,
    /// The council.
    pub body: BodyKind,
    /// The municipality, district or province.
    pub area: Area,
    /// Election day (`YYYY-MM-DD`).
    pub election_date: NaiveDate,
    /// Seats of the council (for a provincial council: the sum over its districts).
    pub seats: u32,
    /// Law version; derived from the date when absent, and must match it when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law: Option<LawName>,
}

/// A municipality, district or province.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// NIS code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Name.
    pub name: String,
}

/// An electoral district of a provincial council.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DistrictEntry {
    /// Identifier, used by polling stations.
    pub id: String,
    /// Name, e.g. `Kiesdistrict Gent`.
    pub name: String,
    /// Seats allocated in this district.
    pub seats: u32,
    /// Lists standing in this district.
    pub lists: Vec<ListEntry>,
}

/// A list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListEntry {
    /// List number on the ballot.
    pub number: u32,
    /// Name (may be empty).
    pub name: String,
    /// Candidates in list order.
    pub candidates: Vec<CandidateEntry>,
}

/// A candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CandidateEntry {
    /// Position on the list.
    pub position: u32,
    /// Last name (in Flanders including particles such as `Van den`).
    pub last_name: String,
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Initials, if used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initials: Option<String>,
    /// Gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<GenderName>,
    /// Place of residence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
}

/// Gender names in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GenderName {
    /// Man.
    Male,
    /// Woman.
    Female,
    /// Neither.
    X,
}

/// Polling station kinds in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StationKind {
    /// At a fixed location.
    FixedLocation,
    /// Special (hospital, prison, …).
    Special,
    /// Mobile.
    Mobile,
}

/// A polling station.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PollingStationEntry {
    /// Number.
    pub number: u32,
    /// Name of the location.
    pub name: String,
    /// Kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<StationKind>,
    /// Address.
    #[serde(default)]
    pub address: AddressEntry,
    /// Registered voters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voters: Option<u32>,
    /// District (provincial council only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
}

/// An address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddressEntry {
    /// Street and number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Town.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
}

/// Why a Flemish definition file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FlandersError {
    /// The file has no bytes.
    #[error("{file}: the file is empty")]
    Empty {
        /// File name.
        file: String,
    },
    /// Not UTF-8.
    #[error("{file}: not UTF-8 text (byte {offset})")]
    NotUtf8 {
        /// File name.
        file: String,
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// Not JSON of the expected shape.
    #[error("{file}: line {line}, column {column}{}: {message}", field_suffix(.field))]
    Json {
        /// File name.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// Path of the field, e.g. `lists[2].candidates[0].gender`.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// Not this format, or another version of it.
    #[error("{file}: {message}")]
    Format {
        /// File name.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// A field's value is not valid.
    #[error("{file}: {field}: {message}")]
    Field {
        /// File name.
        file: String,
        /// Path of the field.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// The definition it describes cannot be run.
    #[error("{file}: {errors}")]
    Definition {
        /// File name.
        file: String,
        /// Every problem.
        errors: model::DefinitionErrors,
    },
}

fn field_suffix(field: &str) -> String {
    if field.is_empty() || field == "." {
        String::new()
    } else {
        format!(", field {field}")
    }
}

/// Whether `bytes` look like a JSON document (first non-blank character `{`), as opposed to XML.
pub fn looks_like_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{')
}

/// Reads a Flemish election definition from the exact bytes of a file named `file`.
pub fn read_definition(file: &str, bytes: &[u8]) -> Result<Election, FlandersError> {
    let document = parse_document(file, bytes)?;
    to_election(file, &document)
}

/// Parses the document without interpreting it.
pub fn parse_document(file: &str, bytes: &[u8]) -> Result<DefinitionDocument, FlandersError> {
    if bytes.is_empty() {
        return Err(FlandersError::Empty {
            file: file.to_string(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|error| FlandersError::NotUtf8 {
        file: file.to_string(),
        offset: error.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let document: DefinitionDocument = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|error| {
            let field = error.path().to_string();
            let inner = error.into_inner();
            FlandersError::Json {
                file: file.to_string(),
                line: inner.line(),
                column: inner.column(),
                field,
                message: strip_position(&inner.to_string()),
            }
        })?;
    deserializer.end().map_err(|error| FlandersError::Json {
        file: file.to_string(),
        line: error.line(),
        column: error.column(),
        field: String::new(),
        message: strip_position(&error.to_string()),
    })?;
    if document.format != FORMAT {
        return Err(FlandersError::Format {
            file: file.to_string(),
            message: format!("the format is {:?}; expected {FORMAT:?}", document.format),
        });
    }
    if document.format_version != FORMAT_VERSION {
        return Err(FlandersError::Format {
            file: file.to_string(),
            message: format!(
                "format version {} is not supported; this version of Urna reads version {FORMAT_VERSION}",
                document.format_version
            ),
        });
    }
    Ok(document)
}

/// serde_json appends " at line L column C"; the error carries those separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

fn field_error(file: &str, field: String, message: String) -> FlandersError {
    FlandersError::Field {
        file: file.to_string(),
        field,
        message,
    }
}

/// Refuses a text field that is empty or only blanks.
fn required_text(file: &str, field: &str, value: &str) -> Result<(), FlandersError> {
    if value.trim().is_empty() {
        Err(field_error(
            file,
            field.to_string(),
            "must not be empty".into(),
        ))
    } else {
        Ok(())
    }
}

/// Turns a parsed document into the model, checking every value and the model's rules.
pub fn to_election(file: &str, document: &DefinitionDocument) -> Result<Election, FlandersError> {
    let field_error = |field: String, message: String| field_error(file, field, message);
    let section = &document.election;
    required_text(file, "election.name", &section.name)?;
    required_text(file, "election.area.name", &section.area.name)?;
    let body = match section.body {
        BodyKind::MunicipalCouncil => Body::MunicipalCouncil,
        BodyKind::DistrictCouncil => Body::DistrictCouncil,
        BodyKind::ProvincialCouncil => Body::ProvincialCouncil,
    };
    let applicable = LawVersion::applicable(Jurisdiction::Flanders, section.election_date)
        .map_err(|error| field_error("election.election_date".into(), error.to_string()))?;
    let law = match section.law {
        None => applicable,
        Some(LawName::FlandersDevolution) => LawVersion::FlandersDevolution,
        Some(LawName::FlandersPreference) => LawVersion::FlandersPreference,
    };

    let contests = match (body, &document.lists, &document.districts) {
        (Body::ProvincialCouncil, None, Some(districts)) => districts
            .iter()
            .enumerate()
            .map(|(index, district)| {
                let path = format!("districts[{index}]");
                required_text(file, &format!("{path}.name"), &district.name)?;
                Ok(Contest {
                    id: ContestId::new(&district.id)
                        .map_err(|e| field_error(format!("{path}.id"), e.to_string()))?,
                    name: Some(district.name.clone()),
                    seats: Some(district.seats),
                    lists: lists(file, &format!("{path}.lists"), &district.lists)?,
                })
            })
            .collect::<Result<Vec<_>, _>>()?,
        (Body::ProvincialCouncil, _, _) => {
            return Err(field_error(
                "districts".into(),
                "a provincial council election has \"districts\" (each with its seats and lists) and no top-level \"lists\"".into(),
            ));
        }
        (_, Some(entries), None) => vec![Contest {
            id: ContestId::new(SINGLE_CONTEST)
                .map_err(|e| field_error("lists".into(), e.to_string()))?,
            name: Some(section.area.name.clone()),
            seats: Some(section.seats),
            lists: lists(file, "lists", entries)?,
        }],
        (_, _, _) => {
            return Err(field_error(
                "lists".into(),
                "a municipal or district council election has \"lists\" and no \"districts\""
                    .into(),
            ));
        }
    };

    let polling_stations = document
        .polling_stations
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            let path = format!("polling_stations[{index}]");
            required_text(file, &format!("{path}.name"), &entry.name)?;
            Ok(PollingStation {
                number: PollingStationNumber::new(entry.number)
                    .map_err(|e| field_error(format!("{path}.number"), e.to_string()))?,
                name: entry.name.clone(),
                kind: entry.kind.map(|kind| match kind {
                    StationKind::FixedLocation => PollingStationKind::FixedLocation,
                    StationKind::Special => PollingStationKind::Special,
                    StationKind::Mobile => PollingStationKind::Mobile,
                }),
                address: Address {
                    street: entry.address.street.clone(),
                    postal_code: entry.address.postal_code.clone(),
                    locality: entry.address.locality.clone(),
                },
                voters: entry.voters,
                contest: match &entry.district {
                    Some(district) => Some(
                        ContestId::new(district)
                            .map_err(|e| field_error(format!("{path}.district"), e.to_string()))?,
                    ),
                    None => None,
                },
            })
        })
        .collect::<Result<Vec<_>, FlandersError>>()?;

    let election = Election {
        id: ElectionId::new(&section.id)
            .map_err(|e| field_error("election.id".into(), e.to_string()))?,
        name: section.name.clone(),
        jurisdiction: Jurisdiction::Flanders,
        body,
        domain: Some(Domain {
            id: match &section.area.code {
                Some(code) => Some(
                    DomainId::new(code)
                        .map_err(|e| field_error("election.area.code".into(), e.to_string()))?,
                ),
                None => None,
            },
            name: section.area.name.clone(),
        }),
        election_date: section.election_date,
        nomination_date: None,
        seats: section.seats,
        preference_threshold_percent: None,
        law,
        contests,
        polling_stations,
    };
    model::validate(&election).map_err(|errors| FlandersError::Definition {
        file: file.to_string(),
        errors,
    })?;
    Ok(election)
}

fn lists(file: &str, path: &str, entries: &[ListEntry]) -> Result<Vec<List>, FlandersError> {
    let field_error = |field: String, message: String| field_error(file, field, message);
    entries
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            let list_path = format!("{path}[{index}]");
            let candidates = entry
                .candidates
                .iter()
                .enumerate()
                .map(|(position_index, candidate)| {
                    let candidate_path = format!("{list_path}.candidates[{position_index}]");
                    Ok(Candidate {
                        position: CandidatePosition::new(candidate.position).map_err(|e| {
                            field_error(format!("{candidate_path}.position"), e.to_string())
                        })?,
                        initials: candidate.initials.clone(),
                        first_name: candidate.first_name.clone(),
                        prefix: None,
                        last_name: candidate.last_name.clone(),
                        gender: candidate.gender.map(|gender| match gender {
                            GenderName::Male => Gender::Male,
                            GenderName::Female => Gender::Female,
                            GenderName::X => Gender::X,
                        }),
                        locality: candidate.locality.clone(),
                        country: None,
                    })
                })
                .collect::<Result<Vec<_>, FlandersError>>()?;
            Ok(List {
                number: ListNumber::new(entry.number)
                    .map_err(|e| field_error(format!("{list_path}.number"), e.to_string()))?,
                name: entry.name.clone(),
                candidates,
            })
        })
        .collect()
}
