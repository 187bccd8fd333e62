//! Identifiers as newtypes, each valid by construction.
//!
//! A list number, a candidate's position and a polling station's number are all positive
//! integers, and an election identifier is a short code such as `GR2026_Assen`; mixing them up is a
//! type error rather than a wrong result.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Why a text or number is not a valid identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// A number that must be 1 or more was 0.
    #[error("{what} must be 1 or more, not 0")]
    Zero {
        /// What kind of identifier.
        what: &'static str,
    },
    /// A text identifier is empty, too long, or has a character other than a letter, digit, `_`, `-` or `.`.
    #[error("{what} {text:?} is not valid: use 1 to 64 letters, digits, '_', '-' or '.'")]
    BadCode {
        /// What kind of identifier.
        what: &'static str,
        /// The rejected text.
        text: String,
    },
    /// Not a number.
    #[error("{what} {text:?} is not a whole number")]
    NotANumber {
        /// What kind of identifier.
        what: &'static str,
        /// The rejected text.
        text: String,
    },
}

/// Letters and digits (any script, since municipality names such as Súdwest-Fryslân appear in
/// election ids), `_`, `-` and `.`; 1 to 64 characters; no spaces or control characters.
fn is_code(text: &str) -> bool {
    (1..=64).contains(&text.chars().count())
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

macro_rules! code_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Validates and wraps `text`.
            pub fn new(text: impl Into<String>) -> Result<Self, IdError> {
                let text = text.into();
                if is_code(&text) {
                    Ok(Self(text))
                } else {
                    Err(IdError::BadCode { what: $what, text })
                }
            }

            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(text: String) -> Result<Self, IdError> {
                Self::new(text)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(text: &str) -> Result<Self, IdError> {
                Self::new(text)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl messages::Arg for $name {
            fn arg(&self) -> messages::FluentValue<'static> {
                messages::FluentValue::from(self.0.clone())
            }
        }

        impl From<&$name> for messages::Value {
            fn from(id: &$name) -> messages::Value {
                messages::Value::Text(id.0.clone())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // `pad` honours width and alignment, so ids line up in tables.
                f.pad(&self.0)
            }
        }
    };
}

macro_rules! number_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "u32", into = "u32")]
        pub struct $name(u32);

        impl $name {
            /// Validates and wraps `number` (1 or more).
            pub fn new(number: u32) -> Result<Self, IdError> {
                if number == 0 {
                    Err(IdError::Zero { what: $what })
                } else {
                    Ok(Self(number))
                }
            }

            /// The number.
            pub fn get(self) -> u32 {
                self.0
            }
        }

        impl TryFrom<u32> for $name {
            type Error = IdError;
            fn try_from(number: u32) -> Result<Self, IdError> {
                Self::new(number)
            }
        }

        impl From<$name> for u32 {
            fn from(id: $name) -> u32 {
                id.0
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(text: &str) -> Result<Self, IdError> {
                let number: u32 = text.trim().parse().map_err(|_| IdError::NotANumber {
                    what: $what,
                    text: text.to_string(),
                })?;
                Self::new(number)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // Forwarding keeps width and alignment, so numbers line up in tables.
                fmt::Display::fmt(&self.0, f)
            }
        }
    };
}

code_id!(
    /// Identifier of an election, e.g. `GR2026_Assen` (as in EML) or `GR2024_Lindeveld`.
    ElectionId,
    "election id"
);
code_id!(
    /// Identifier of a contest within an election: `geen` for a Dutch municipal council (one
    /// contest), the electoral district's number for a national election, or the district's code
    /// for a Flemish provincial council.
    ContestId,
    "contest id"
);
code_id!(
    /// Code of the area an election is held in: the CBS municipality code (`0106`) in the
    /// Netherlands, the NIS code in Belgium.
    DomainId,
    "domain id"
);
number_id!(
    /// Number of a list (lijstnummer).
    ListNumber,
    "list number"
);
number_id!(
    /// Position of a candidate on a list (plaats op de lijst), 1 for the list leader.
    CandidatePosition,
    "candidate position"
);
number_id!(
    /// Number of a polling station (stembureaunummer) within its municipality.
    PollingStationNumber,
    "polling station number"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_validated() {
        assert!(ElectionId::new("GR2026_Assen").is_ok());
        assert!(ElectionId::new("").is_err());
        assert!(ElectionId::new("GR 2026").is_err());
        assert!(ElectionId::new("x".repeat(65)).is_err());
        assert!(ContestId::new("geen").is_ok());
    }

    #[test]
    fn numbers_are_positive() {
        assert_eq!(
            ListNumber::new(0),
            Err(IdError::Zero {
                what: "list number"
            })
        );
        assert_eq!("12".parse::<ListNumber>().map(ListNumber::get), Ok(12));
        assert!("x".parse::<CandidatePosition>().is_err());
    }

    #[test]
    fn display_honours_width() {
        assert_eq!(format!("{:>3}", ListNumber::new(7).unwrap()), "  7");
        assert_eq!(
            format!("{:<6}|", ContestId::new("geen").unwrap()),
            "geen  |"
        );
    }

    #[test]
    fn serde_validates() {
        assert!(serde_json::from_str::<ListNumber>("0").is_err());
        assert!(serde_json::from_str::<ElectionId>("\"a b\"").is_err());
        let id: ElectionId = serde_json::from_str("\"GR2022_Test\"").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"GR2022_Test\"");
    }
}
