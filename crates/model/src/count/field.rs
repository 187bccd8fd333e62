//! A form's fields: what each holds, its label, how a typed value is read and why it is refused.

use serde::Serialize;

use messages::{Message, msg, t};

use super::{MAX_COUNT, MAX_TEXT};
use crate::Language;
use crate::election::Contest;

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A count, 0 to [`MAX_COUNT`].
    Number,
    /// A tick box.
    Flag,
    /// Free text, at most [`MAX_TEXT`] characters.
    Text,
}

/// The value of one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FieldValue {
    /// A count.
    Number(u32),
    /// A tick box.
    Flag(bool),
    /// Text.
    Text(String),
}

impl FieldValue {
    /// As shown to a person: a number, `✓`/`—` or the text.
    pub fn display(&self) -> String {
        match self {
            FieldValue::Number(n) => n.to_string(),
            FieldValue::Flag(true) => "✓".into(),
            FieldValue::Flag(false) => "—".into(),
            FieldValue::Text(t) => t.clone(),
        }
    }
}

/// The section of a form a field belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "section", rename_all = "snake_case")]
pub enum Section {
    /// Admitted voters (A–D).
    Voters,
    /// Votes cast (E–H).
    Votes,
    /// Differences between D and H.
    Differences,
    /// Ballots, blank and invalid (Flanders).
    Ballots,
    /// One list's candidates.
    List {
        /// The list number.
        number: u32,
        /// The list's name.
        name: String,
    },
}

impl Section {
    /// Heading in the chosen language.
    pub fn heading(&self, language: Language) -> String {
        match self {
            Section::Voters => t!(language, "section-voters"),
            Section::Votes => t!(language, "section-votes"),
            Section::Differences => t!(language, "section-differences"),
            Section::Ballots => t!(language, "section-ballots"),
            Section::List { number, name } => {
                t!(language, "section-list", number = number, name = name)
            }
        }
    }
}

/// One field of a form, with its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    /// Stable key, e.g. `voters.a` or `lists.2.candidates.5`.
    pub key: String,
    /// The letter or number printed beside the field on the paper form (`A`, `E.3`, `5`).
    pub code: String,
    /// What it counts.
    #[serde(skip)]
    pub label: Message,
    /// Section.
    pub section: Section,
    /// Kind.
    #[serde(skip)]
    pub kind: FieldKind,
    /// Value.
    pub value: FieldValue,
    /// Whether the form shows this field as a computed total (E, H, a list total, D).
    pub total: bool,
}

impl Field {
    /// Label in the chosen language.
    pub fn label(&self, language: Language) -> String {
        self.label.text(language)
    }
}

/// Why a submitted form could not be read. Names the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    /// A number field holds something that is not a whole number.
    #[error("field {key} ({label}): {value:?} is not a whole number")]
    NotANumber {
        /// Field key.
        key: String,
        /// What the field counts.
        label: Message,
        /// What was given.
        value: String,
    },
    /// A negative number.
    #[error("field {key} ({label}): {value} is negative; counts are 0 or more")]
    Negative {
        /// Field key.
        key: String,
        /// What the field counts.
        label: Message,
        /// What was given.
        value: String,
    },
    /// A number above [`MAX_COUNT`].
    #[error("field {key} ({label}): {value} is more than the highest possible count, {MAX_COUNT}")]
    TooLarge {
        /// Field key.
        key: String,
        /// What the field counts.
        label: Message,
        /// What was given.
        value: String,
    },
    /// A text longer than [`MAX_TEXT`].
    #[error("field {key} ({label}): the text is longer than {MAX_TEXT} characters")]
    TextTooLong {
        /// Field key.
        key: String,
        /// What the field counts.
        label: Message,
    },
    /// A count left empty: not typed (a count of none is typed as `0`).
    #[error("field {key} ({label}) is empty; type the count, 0 included")]
    Empty {
        /// Field key.
        key: String,
        /// What the field counts.
        label: Message,
    },
    /// A field the form requires is absent.
    #[error("field {key} ({label}) is missing")]
    Missing {
        /// Field key.
        key: String,
        /// What the field counts.
        label: Message,
    },
    /// A field this form does not have.
    #[error("field {key} does not exist on this form")]
    Unknown {
        /// The key given.
        key: String,
    },
    /// The form's lists or candidates do not match the election's (another election's form).
    #[error(
        "the form has {found} where the election has {expected}; it belongs to another election"
    )]
    Shape {
        /// What the election has.
        expected: Message,
        /// What the form has.
        found: Message,
    },
}

impl FieldError {
    /// The message for the person at the keyboard, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        match self {
            FieldError::NotANumber { label, value, .. } => {
                t!(
                    lang,
                    "field-not-a-number",
                    label = label.text(lang),
                    value = value
                )
            }
            FieldError::Negative { label, value, .. } => {
                t!(
                    lang,
                    "field-negative",
                    label = label.text(lang),
                    value = value
                )
            }
            FieldError::TooLarge { label, value, .. } => t!(
                lang,
                "field-too-large",
                label = label.text(lang),
                value = value,
                most = MAX_COUNT
            ),
            FieldError::TextTooLong { label, .. } => t!(
                lang,
                "field-text-too-long",
                label = label.text(lang),
                most = MAX_TEXT
            ),
            FieldError::Missing { label, .. } => {
                t!(lang, "field-missing", label = label.text(lang))
            }
            FieldError::Empty { label, .. } => {
                t!(lang, "field-empty", label = label.text(lang))
            }
            FieldError::Unknown { key } => t!(lang, "field-unknown", key = key),
            FieldError::Shape { expected, found } => t!(
                lang,
                "field-shape",
                expected = expected.text(lang),
                found = found.text(lang)
            ),
        }
    }

    /// The field concerned, if one.
    pub fn key(&self) -> Option<&str> {
        match self {
            FieldError::NotANumber { key, .. }
            | FieldError::Negative { key, .. }
            | FieldError::TooLarge { key, .. }
            | FieldError::TextTooLong { key, .. }
            | FieldError::Missing { key, .. }
            | FieldError::Empty { key, .. }
            | FieldError::Unknown { key } => Some(key),
            FieldError::Shape { .. } => None,
        }
    }
}

/// Reads a number as typed: digits only, optionally with thousands separators (`1.234`), spaces
/// around it allowed. Empty is refused: a field not typed must never pass for a count of none,
/// so a zero is typed (issue: a skipped field looked typed).
pub fn parse_count(key: &str, label: &Message, text: &str) -> Result<u32, FieldError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(FieldError::Empty {
            key: key.into(),
            label: label.clone(),
        });
    }
    let (negative, digits) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    // Dots only as thousands separators, in groups of three: `1.234` is 1234, `1.5` is refused.
    let mut groups = digits.split('.');
    let first_ok = groups
        .next()
        .is_some_and(|g| !g.is_empty() && (!digits.contains('.') || g.len() <= 3));
    let grouped = first_ok && groups.all(|g| g.len() == 3);
    let digits: String = digits.chars().filter(|c| *c != '.').collect();
    if !grouped || digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(FieldError::NotANumber {
            key: key.into(),
            label: label.clone(),
            value: text.into(),
        });
    }
    if negative {
        return Err(FieldError::Negative {
            key: key.into(),
            label: label.clone(),
            value: text.trim().into(),
        });
    }
    let too_large = || FieldError::TooLarge {
        key: key.into(),
        label: label.clone(),
        value: text.trim().into(),
    };
    let value: u64 = digits.parse().map_err(|_| too_large())?;
    if value > u64::from(MAX_COUNT) {
        return Err(too_large());
    }
    u32::try_from(value).map_err(|_| too_large())
}

/// Puts the field's label into a parse error made without one.
pub(super) fn relabel(error: FieldError, label: &Message) -> FieldError {
    match error {
        FieldError::NotANumber { key, value, .. } => FieldError::NotANumber {
            key,
            label: label.clone(),
            value,
        },
        FieldError::Negative { key, value, .. } => FieldError::Negative {
            key,
            label: label.clone(),
            value,
        },
        FieldError::TooLarge { key, value, .. } => FieldError::TooLarge {
            key,
            label: label.clone(),
            value,
        },
        FieldError::Empty { key, .. } => FieldError::Empty {
            key,
            label: label.clone(),
        },
        other => other,
    }
}

pub(super) fn number_field(
    key: String,
    code: String,
    label: Message,
    section: Section,
    value: u32,
    total: bool,
) -> Field {
    Field {
        key,
        code,
        label,
        section,
        kind: FieldKind::Number,
        value: FieldValue::Number(value),
        total,
    }
}

pub(super) fn flag_field(key: &str, code: &str, label: Message, value: bool) -> Field {
    Field {
        key: key.into(),
        code: code.into(),
        label,
        section: Section::Differences,
        kind: FieldKind::Flag,
        value: FieldValue::Flag(value),
        total: false,
    }
}

pub(super) fn list_section(contest: &Contest, index: usize) -> Section {
    contest
        .lists
        .get(index)
        .map(|list| Section::List {
            number: list.number.get(),
            name: list.name.clone(),
        })
        .unwrap_or(Section::List {
            number: u32::try_from(index + 1).unwrap_or(u32::MAX),
            name: String::new(),
        })
}

pub(super) fn list_label(contest: &Contest, index: usize) -> (u32, String) {
    contest
        .lists
        .get(index)
        .map(|list| (list.number.get(), list.name.clone()))
        .unwrap_or((u32::try_from(index + 1).unwrap_or(u32::MAX), String::new()))
}

pub(super) fn candidate_label(contest: &Contest, list: usize, position: usize) -> Message {
    let (number, _) = list_label(contest, list);
    let name = contest
        .lists
        .get(list)
        .and_then(|l| l.candidates.get(position))
        .map(|c| c.full_name())
        .unwrap_or_default();
    msg!(
        "field-candidate",
        list = number,
        position = position + 1,
        name = name
    )
}
