//! Why an EML_NL file was refused, naming the file and, where known, the line, column and
//! element.

use std::fmt;

use model::DefinitionErrors;

use crate::source::{Location, SourceFile};

/// The EML_NL documents Urna imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentType {
    /// 110a: election definition (verkiezingsdefinitie).
    ElectionDefinition,
    /// 110b: polling stations (stembureaus).
    PollingStations,
    /// 230b: candidate lists (kandidatenlijsten).
    CandidateLists,
    /// 510b: the count of a municipality per polling station (telling).
    Count,
    /// 510d: the central committee's totals (totaaltelling).
    CentralCount,
}

impl DocumentType {
    /// The EML document id, e.g. `110a`.
    pub fn eml_id(self) -> &'static str {
        match self {
            DocumentType::ElectionDefinition => "110a",
            DocumentType::PollingStations => "110b",
            DocumentType::CandidateLists => "230b",
            DocumentType::Count => "510b",
            DocumentType::CentralCount => "510d",
        }
    }

    /// What the document is, in words.
    pub fn description(self) -> &'static str {
        describe_eml_id(self.eml_id())
    }
}

impl fmt::Display for DocumentType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EML {} ({})", self.eml_id(), self.description())
    }
}

/// A description of any EML_NL document id.
pub fn describe_eml_id(id: &str) -> &'static str {
    match id {
        "110a" => "election definition",
        "110b" => "polling stations",
        "210" => "nomination",
        "230b" => "candidate lists",
        "230c" => "candidate lists of several districts",
        "510a" | "510b" | "510c" | "510d" => "count",
        "520" => "result",
        _ => "unknown document type",
    }
}

/// One field in which a file differs from the election it is imported into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The element or attribute, e.g. `ElectionIdentifier/@Id`.
    pub field: &'static str,
    /// Value in the file.
    pub found: String,
    /// Value in the election definition.
    pub expected: String,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} is {:?} where the election definition has {:?}",
            self.field, self.found, self.expected
        )
    }
}

/// Why an EML_NL file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmlError {
    /// The file has no bytes.
    #[error("{file}: the file is empty")]
    Empty {
        /// File name.
        file: String,
    },
    /// The bytes are not UTF-8.
    #[error("{file}: not UTF-8 text ({location})")]
    NotUtf8 {
        /// File name.
        file: String,
        /// Where the first invalid byte is.
        location: Location,
    },
    /// Not an EML document at all.
    #[error("{file}: not an EML_NL document: {reason}{}", at(.location))]
    NotEml {
        /// File name.
        file: String,
        /// Why not.
        reason: String,
        /// Where, if known.
        location: Option<Location>,
    },
    /// An EML document of another type than expected.
    #[error(
        "{file} is an EML {found} document ({}), but {expected} was expected",
        describe_eml_id(.found)
    )]
    WrongDocumentType {
        /// File name.
        file: String,
        /// The document id the file declares.
        found: String,
        /// The expected type.
        expected: DocumentType,
    },
    /// Malformed, truncated or incomplete: the parser's message, with its location.
    #[error("{file}: {message}{}", at(.location))]
    Invalid {
        /// File name.
        file: String,
        /// What is wrong.
        message: String,
        /// Where, if known.
        location: Option<Location>,
    },
    /// The file belongs to another election than the definition.
    #[error("{file} belongs to another election: {}", join(.differences))]
    OtherElection {
        /// File name.
        file: String,
        /// Every field that differs.
        differences: Vec<Difference>,
    },
    /// The definition it describes cannot be run.
    #[error("{file}: {errors}")]
    Definition {
        /// File name.
        file: String,
        /// Every problem.
        errors: DefinitionErrors,
    },
    /// Valid EML that Urna does not handle.
    #[error("{file}: {what}")]
    Unsupported {
        /// File name.
        file: String,
        /// What is not supported, and why.
        what: String,
    },
}

fn at(location: &Option<Location>) -> String {
    location
        .as_ref()
        .map(|l| format!(" ({l})"))
        .unwrap_or_default()
}

fn join(differences: &[Difference]) -> String {
    differences
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl EmlError {
    /// The name of the file the error is about.
    pub fn file(&self) -> &str {
        match self {
            EmlError::Empty { file }
            | EmlError::NotUtf8 { file, .. }
            | EmlError::NotEml { file, .. }
            | EmlError::WrongDocumentType { file, .. }
            | EmlError::Invalid { file, .. }
            | EmlError::OtherElection { file, .. }
            | EmlError::Definition { file, .. }
            | EmlError::Unsupported { file, .. } => file,
        }
    }

    /// The location in the file, where one is known.
    pub fn location(&self) -> Option<&Location> {
        match self {
            EmlError::NotUtf8 { location, .. } => Some(location),
            EmlError::NotEml { location, .. } | EmlError::Invalid { location, .. } => {
                location.as_ref()
            }
            _ => None,
        }
    }

    /// A refusal by one of Urna's own rules, located at the first `element` (local name) in the
    /// file when one is given and present. Leave `element` out where the first such element
    /// would point at the wrong place (a rule about the third list, say).
    pub(crate) fn invalid(
        file: &SourceFile<'_>,
        element: Option<&str>,
        message: impl Into<String>,
    ) -> EmlError {
        EmlError::Invalid {
            file: file.name.to_string(),
            message: message.into(),
            location: element.and_then(|element| file.locate_element(element)),
        }
    }

    /// Converts an `eml-nl` parse error, locating its span in the file.
    /// `shift` is where the parsed text starts in the file (after a byte-order mark).
    pub(crate) fn from_parser(
        file: &SourceFile<'_>,
        error: eml_nl::EMLError,
        shift: usize,
    ) -> EmlError {
        let location = error
            .span()
            .and_then(|span| usize::try_from(span.start).ok())
            .map(|offset| file.locate(offset + shift));
        EmlError::Invalid {
            file: file.name.to_string(),
            message: parser_message(error.kind()),
            location,
        }
    }
}

/// The parser's message, with the jargon of XML libraries turned into something an official can
/// act on where we know better words.
fn parser_message(kind: &eml_nl::EMLErrorKind) -> String {
    use eml_nl::EMLErrorKind as K;
    match kind {
        K::UnexpectedEof => "the file ends unexpectedly: it is truncated or incomplete".to_string(),
        K::XmlError(inner) => format!("not well-formed XML: {inner}"),
        K::MissingElement(name) => format!("required element <{}> is missing", name.local_name),
        K::MissingElementValue(name) => format!("element <{}> is empty", name.local_name),
        K::MissingAttribute(name) => {
            format!("required attribute {} is missing", name.local_name)
        }
        K::UnexpectedElement(found, parent) => format!(
            "element <{}> is not allowed inside <{}>",
            found.local_name, parent.local_name
        ),
        K::InvalidValue(name, source) => {
            format!("invalid value in <{}>: {source}", name.local_name)
        }
        other => other.to_string(),
    }
}
