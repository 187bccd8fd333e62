//! The count of one polling station, as written on its paper report, and its fields.
//!
//! Two forms exist:
//! - the Netherlands: the polling station's report (model N 10-2, and Na 31-2 Bijlage 1 when
//!   the municipality recounts): admitted voters A–D, votes per list E.1 … E.n and E, blank F,
//!   invalid G, ballots H, the comparison of D and H with the ballots counted more (I) or fewer
//!   (J) and their explanation, and the votes of every candidate per list;
//! - Flanders, for municipalities that vote on paper: ballots per list, of which ballots with
//!   only a list vote (kopstem), the preference votes of every candidate, blank and invalid.
//!
//! Every field of a form has a stable key (`voters.a`, `lists.3.candidates.7`, …). The same
//! enumeration of fields serves to read a submitted form, to compare two entries field by field
//! and to show a form, so those three can never disagree about what a form contains.

use serde::{Deserialize, Serialize};

use messages::{Message, msg, t};

use crate::Language;
use crate::election::{Contest, Jurisdiction};

/// A submitted form: field key → the text as typed (a ticked box as `on`, an unticked one
/// absent). A hash map: a form has hundreds of fields, looked up one by one.
pub type Submitted = std::collections::HashMap<String, String>;

/// Highest number a count field accepts: nine digits, more than the voters of any municipality.
pub const MAX_COUNT: u32 = 999_999_999;

/// Longest explanation text accepted, in characters.
pub const MAX_TEXT: usize = 2_000;

/// A count of one polling station, in the form of its jurisdiction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "form", content = "count", rename_all = "snake_case")]
pub enum CountForm {
    /// The Dutch report (N 10-2 / Na 31-2 Bijlage 1).
    Netherlands(NlCount),
    /// The Flemish paper count.
    Flanders(FlandersCount),
}

/// Admitted voters (rubriek "toegelaten kiezers").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdmittedVoters {
    /// A: valid poll cards (stempassen).
    pub poll_cards: u32,
    /// B: valid proxy certificates (volmachtbewijzen).
    pub proxy_certificates: u32,
    /// C: valid voter cards (kiezerspassen).
    pub voter_cards: u32,
    /// D: total admitted voters.
    pub total: u32,
}

/// Votes cast (rubriek "uitgebrachte stemmen").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VotesCast {
    /// E.1 … E.n: votes per list, in ballot order.
    pub per_list: Vec<u32>,
    /// E: total votes on candidates.
    pub total_on_candidates: u32,
    /// F: blank votes.
    pub blank: u32,
    /// G: invalid votes.
    pub invalid: u32,
    /// H: total votes cast (ballots counted).
    pub total_cast: u32,
}

/// The comparison of admitted voters (D) and ballots counted (H).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Differences {
    /// Box "D and H are equal" ticked.
    pub d_equals_h: bool,
    /// Box "H is greater than D" ticked.
    pub h_greater_than_d: bool,
    /// Box "H is smaller than D" ticked.
    pub h_less_than_d: bool,
    /// I: ballots counted more than voters admitted (0 when empty).
    pub more_ballots: u32,
    /// J: ballots counted fewer than voters admitted (0 when empty).
    pub fewer_ballots: u32,
    /// "Is there an explanation for the difference?" — box "yes" ticked.
    pub explained_yes: bool,
    /// … box "no" ticked.
    pub explained_no: bool,
    /// The explanation as written.
    pub explanation: String,
}

/// The votes of one list's candidates and the list total.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListVotes {
    /// Votes per candidate, in list order.
    pub candidates: Vec<u32>,
    /// The list total as written on the form.
    pub total: u32,
}

/// The Dutch count of one polling station.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NlCount {
    /// A–D.
    pub voters: AdmittedVoters,
    /// E–H.
    pub votes: VotesCast,
    /// D versus H, I, J.
    pub differences: Differences,
    /// Candidate votes per list, in ballot order.
    pub lists: Vec<ListVotes>,
}

/// One list in a Flemish paper count.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlandersListVotes {
    /// Valid ballots for this list.
    pub ballots: u32,
    /// Of those, ballots with only a list vote (kopstem).
    pub list_only: u32,
    /// Preference votes per candidate, in list order.
    pub preferences: Vec<u32>,
}

/// The Flemish paper count of one polling station.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlandersCount {
    /// Ballots found in the ballot box.
    pub ballots_total: u32,
    /// Blank ballots.
    pub blank: u32,
    /// Invalid ballots.
    pub invalid: u32,
    /// Per list, in ballot order.
    pub lists: Vec<FlandersListVotes>,
}

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
            | FieldError::Unknown { key } => Some(key),
            FieldError::Shape { .. } => None,
        }
    }
}

/// Reads a number as typed: digits only, optionally with thousands separators (`1.234`), spaces
/// around it allowed; empty means 0 (the forms leave a zero count empty).
pub fn parse_count(key: &str, label: &Message, text: &str) -> Result<u32, FieldError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(0);
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
fn relabel(error: FieldError, label: &Message) -> FieldError {
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
        other => other,
    }
}

fn number_field(
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

fn flag_field(key: &str, code: &str, label: Message, value: bool) -> Field {
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

fn list_section(contest: &Contest, index: usize) -> Section {
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

fn list_label(contest: &Contest, index: usize) -> (u32, String) {
    contest
        .lists
        .get(index)
        .map(|list| (list.number.get(), list.name.clone()))
        .unwrap_or((u32::try_from(index + 1).unwrap_or(u32::MAX), String::new()))
}

fn candidate_label(contest: &Contest, list: usize, position: usize) -> Message {
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

impl CountForm {
    /// An empty form for a polling station of `contest` (all counts 0, no box ticked).
    pub fn empty(jurisdiction: Jurisdiction, contest: &Contest) -> CountForm {
        match jurisdiction {
            Jurisdiction::Netherlands => CountForm::Netherlands(NlCount {
                voters: AdmittedVoters::default(),
                votes: VotesCast {
                    per_list: vec![0; contest.lists.len()],
                    ..VotesCast::default()
                },
                differences: Differences::default(),
                lists: contest
                    .lists
                    .iter()
                    .map(|list| ListVotes {
                        candidates: vec![0; list.candidates.len()],
                        total: 0,
                    })
                    .collect(),
            }),
            Jurisdiction::Flanders => CountForm::Flanders(FlandersCount {
                lists: contest
                    .lists
                    .iter()
                    .map(|list| FlandersListVotes {
                        preferences: vec![0; list.candidates.len()],
                        ..FlandersListVotes::default()
                    })
                    .collect(),
                ..FlandersCount::default()
            }),
        }
    }

    /// Checks that the form has the lists and candidates of `contest` in `jurisdiction`'s form.
    pub fn check_shape(
        &self,
        jurisdiction: Jurisdiction,
        contest: &Contest,
    ) -> Result<(), FieldError> {
        let describe = |lists: Vec<usize>| {
            msg!(
                "form-shape-lists",
                lists = lists.len(),
                candidates = lists
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join("/")
            )
        };
        let expected: Vec<usize> = contest.lists.iter().map(|l| l.candidates.len()).collect();
        let (form_jurisdiction, found, per_list_ok) = match self {
            CountForm::Netherlands(count) => (
                Jurisdiction::Netherlands,
                count.lists.iter().map(|l| l.candidates.len()).collect(),
                count.votes.per_list.len() == contest.lists.len(),
            ),
            CountForm::Flanders(count) => (
                Jurisdiction::Flanders,
                count.lists.iter().map(|l| l.preferences.len()).collect(),
                true,
            ),
        };
        if form_jurisdiction != jurisdiction {
            return Err(FieldError::Shape {
                expected: msg!(
                    "form-shape-jurisdiction",
                    jurisdiction = jurisdiction.name()
                ),
                found: msg!(
                    "form-shape-jurisdiction",
                    jurisdiction = form_jurisdiction.name()
                ),
            });
        }
        if found != expected || !per_list_ok {
            return Err(FieldError::Shape {
                expected: describe(expected),
                found: describe(found),
            });
        }
        Ok(())
    }

    /// Every field of the form, in the order of the paper form.
    pub fn fields(&self, contest: &Contest) -> Vec<Field> {
        match self {
            CountForm::Netherlands(count) => nl_fields(count, contest),
            CountForm::Flanders(count) => flanders_fields(count, contest),
        }
    }

    /// Visits every field's value in form order, with its key and kind; the key is built in
    /// one reused buffer, so reading a submitted form allocates nothing per field.
    fn for_each_slot(&mut self, mut visit: impl FnMut(&str, Slot<'_>)) {
        use std::fmt::Write as _;
        let mut key = String::with_capacity(32);
        let with_key = |key: &mut String, args: std::fmt::Arguments<'_>| {
            key.clear();
            let _ = key.write_fmt(args);
        };
        match self {
            CountForm::Netherlands(count) => {
                let v = &mut count.voters;
                visit("voters.a", Slot::Number(&mut v.poll_cards));
                visit("voters.b", Slot::Number(&mut v.proxy_certificates));
                visit("voters.c", Slot::Number(&mut v.voter_cards));
                visit("voters.d", Slot::Number(&mut v.total));
                for (i, votes) in count.votes.per_list.iter_mut().enumerate() {
                    with_key(&mut key, format_args!("votes.e.{}", i + 1));
                    visit(&key, Slot::Number(votes));
                }
                let e = &mut count.votes;
                visit("votes.e", Slot::Number(&mut e.total_on_candidates));
                visit("votes.f", Slot::Number(&mut e.blank));
                visit("votes.g", Slot::Number(&mut e.invalid));
                visit("votes.h", Slot::Number(&mut e.total_cast));
                let d = &mut count.differences;
                visit("differences.d_equals_h", Slot::Flag(&mut d.d_equals_h));
                visit(
                    "differences.h_greater_than_d",
                    Slot::Flag(&mut d.h_greater_than_d),
                );
                visit(
                    "differences.h_less_than_d",
                    Slot::Flag(&mut d.h_less_than_d),
                );
                visit("differences.i", Slot::Number(&mut d.more_ballots));
                visit("differences.j", Slot::Number(&mut d.fewer_ballots));
                visit(
                    "differences.explained_yes",
                    Slot::Flag(&mut d.explained_yes),
                );
                visit("differences.explained_no", Slot::Flag(&mut d.explained_no));
                visit("differences.explanation", Slot::Text(&mut d.explanation));
                for (l, list) in count.lists.iter_mut().enumerate() {
                    for (c, votes) in list.candidates.iter_mut().enumerate() {
                        with_key(
                            &mut key,
                            format_args!("lists.{}.candidates.{}", l + 1, c + 1),
                        );
                        visit(&key, Slot::Number(votes));
                    }
                    with_key(&mut key, format_args!("lists.{}.total", l + 1));
                    visit(&key, Slot::Number(&mut list.total));
                }
            }
            CountForm::Flanders(count) => {
                visit("ballots.total", Slot::Number(&mut count.ballots_total));
                visit("ballots.blank", Slot::Number(&mut count.blank));
                visit("ballots.invalid", Slot::Number(&mut count.invalid));
                for (l, list) in count.lists.iter_mut().enumerate() {
                    with_key(&mut key, format_args!("lists.{}.ballots", l + 1));
                    visit(&key, Slot::Number(&mut list.ballots));
                    with_key(&mut key, format_args!("lists.{}.list_only", l + 1));
                    visit(&key, Slot::Number(&mut list.list_only));
                    for (c, votes) in list.preferences.iter_mut().enumerate() {
                        with_key(
                            &mut key,
                            format_args!("lists.{}.candidates.{}", l + 1, c + 1),
                        );
                        visit(&key, Slot::Number(votes));
                    }
                }
            }
        }
    }

    /// The keys and kinds of every field, in form order.
    #[cfg(test)]
    fn keys(&self) -> Vec<(String, FieldKind)> {
        let mut form = self.clone();
        let mut keys = Vec::new();
        form.for_each_slot(|key, slot| keys.push((key.to_string(), slot.kind())));
        keys
    }

    /// Reads a form of `contest`'s shape from submitted `(key, text)` pairs. Every field of the
    /// form must be present (a number may be empty, meaning 0; an absent tick box means not
    /// ticked); unknown keys are refused, so a form of another election cannot slip in.
    pub fn from_fields(
        jurisdiction: Jurisdiction,
        contest: &Contest,
        submitted: &Submitted,
    ) -> Result<CountForm, Vec<FieldError>> {
        let mut form = CountForm::empty(jurisdiction, contest);
        let mut errors = Vec::new();
        let mut matched = 0;
        form.for_each_slot(|key, slot| {
            let given = submitted.get(key);
            matched += usize::from(given.is_some());
            let missing = || FieldError::Missing {
                key: key.to_string(),
                label: msg!("field-unnamed"),
            };
            let outcome = match (slot, given) {
                (Slot::Flag(flag), given) => {
                    *flag = given
                        .is_some_and(|v| matches!(v.trim(), "on" | "true" | "1" | "ja" | "yes"));
                    Ok(())
                }
                (_, None) => Err(missing()),
                (Slot::Number(number), Some(text)) => {
                    parse_count(key, &msg!("field-unnamed"), text).map(|value| *number = value)
                }
                (Slot::Text(target), Some(text)) => {
                    if text.chars().count() > MAX_TEXT {
                        Err(FieldError::TextTooLong {
                            key: key.to_string(),
                            label: msg!("field-unnamed"),
                        })
                    } else {
                        *target = text.trim().to_string();
                        Ok(())
                    }
                }
            };
            if let Err(error) = outcome {
                errors.push(error);
            }
        });
        if matched < submitted.len() {
            // Some submitted keys are not on the form: name them.
            let mut known = std::collections::HashSet::new();
            CountForm::empty(jurisdiction, contest).for_each_slot(|key, _| {
                known.insert(key.to_string());
            });
            let mut unknown: Vec<&String> = submitted
                .keys()
                .filter(|key| !known.contains(*key))
                .collect();
            unknown.sort();
            errors.extend(
                unknown
                    .into_iter()
                    .map(|key| FieldError::Unknown { key: key.clone() }),
            );
        }
        if errors.is_empty() {
            return Ok(form);
        }
        // Labels only for the messages of refused fields.
        let fields = CountForm::empty(jurisdiction, contest).fields(contest);
        let label = |key: &str| {
            fields
                .iter()
                .find(|f| f.key == key)
                .map(|f| f.label.clone())
                .unwrap_or_else(|| msg!("field-unnamed"))
        };
        Err(errors
            .into_iter()
            .map(|error| match error {
                FieldError::Missing { key, .. } => FieldError::Missing {
                    label: label(&key),
                    key,
                },
                FieldError::TextTooLong { key, .. } => FieldError::TextTooLong {
                    label: label(&key),
                    key,
                },
                other => {
                    let key = other.key().unwrap_or_default().to_string();
                    relabel(other, &label(&key))
                }
            })
            .collect())
    }
}

/// A field's value inside a form, for [`CountForm::for_each_slot`].
enum Slot<'a> {
    Number(&'a mut u32),
    Flag(&'a mut bool),
    Text(&'a mut String),
}

impl Slot<'_> {
    #[cfg(test)]
    fn kind(&self) -> FieldKind {
        match self {
            Slot::Number(_) => FieldKind::Number,
            Slot::Flag(_) => FieldKind::Flag,
            Slot::Text(_) => FieldKind::Text,
        }
    }
}

fn nl_fields(count: &NlCount, contest: &Contest) -> Vec<Field> {
    let voters = &count.voters;
    let mut fields = vec![
        number_field(
            "voters.a".into(),
            "A".into(),
            msg!("field-voters-a"),
            Section::Voters,
            voters.poll_cards,
            false,
        ),
        number_field(
            "voters.b".into(),
            "B".into(),
            msg!("field-voters-b"),
            Section::Voters,
            voters.proxy_certificates,
            false,
        ),
        number_field(
            "voters.c".into(),
            "C".into(),
            msg!("field-voters-c"),
            Section::Voters,
            voters.voter_cards,
            false,
        ),
        number_field(
            "voters.d".into(),
            "D".into(),
            msg!("field-voters-d"),
            Section::Voters,
            voters.total,
            true,
        ),
    ];
    for (i, votes) in count.votes.per_list.iter().enumerate() {
        let (number, name) = list_label(contest, i);
        fields.push(number_field(
            format!("votes.e.{}", i + 1),
            format!("E.{number}"),
            msg!("field-votes-list", number = number, name = name),
            Section::Votes,
            *votes,
            false,
        ));
    }
    let votes = &count.votes;
    for (key, code, label, value, total) in [
        (
            "votes.e",
            "E",
            msg!("field-votes-e"),
            votes.total_on_candidates,
            true,
        ),
        ("votes.f", "F", msg!("field-votes-f"), votes.blank, false),
        ("votes.g", "G", msg!("field-votes-g"), votes.invalid, false),
        (
            "votes.h",
            "H",
            msg!("field-votes-h"),
            votes.total_cast,
            true,
        ),
    ] {
        fields.push(number_field(
            key.into(),
            code.into(),
            label,
            Section::Votes,
            value,
            total,
        ));
    }
    let d = &count.differences;
    fields.extend([
        flag_field(
            "differences.d_equals_h",
            "D=H",
            msg!("field-d-equals-h"),
            d.d_equals_h,
        ),
        flag_field(
            "differences.h_greater_than_d",
            "H>D",
            msg!("field-h-greater-than-d"),
            d.h_greater_than_d,
        ),
        flag_field(
            "differences.h_less_than_d",
            "H<D",
            msg!("field-h-less-than-d"),
            d.h_less_than_d,
        ),
        number_field(
            "differences.i".into(),
            "I".into(),
            msg!("field-differences-i"),
            Section::Differences,
            d.more_ballots,
            false,
        ),
        number_field(
            "differences.j".into(),
            "J".into(),
            msg!("field-differences-j"),
            Section::Differences,
            d.fewer_ballots,
            false,
        ),
        flag_field(
            "differences.explained_yes",
            "ja",
            msg!("field-explained-yes"),
            d.explained_yes,
        ),
        flag_field(
            "differences.explained_no",
            "nee",
            msg!("field-explained-no"),
            d.explained_no,
        ),
        Field {
            key: "differences.explanation".into(),
            code: "toelichting".into(),
            label: msg!("field-explanation"),
            section: Section::Differences,
            kind: FieldKind::Text,
            value: FieldValue::Text(d.explanation.clone()),
            total: false,
        },
    ]);
    for (l, list) in count.lists.iter().enumerate() {
        let section = list_section(contest, l);
        for (c, votes) in list.candidates.iter().enumerate() {
            fields.push(number_field(
                format!("lists.{}.candidates.{}", l + 1, c + 1),
                (c + 1).to_string(),
                candidate_label(contest, l, c),
                section.clone(),
                *votes,
                false,
            ));
        }
        let (number, _) = list_label(contest, l);
        fields.push(number_field(
            format!("lists.{}.total", l + 1),
            format!("{number}"),
            msg!("field-list-total", number = number),
            section,
            list.total,
            true,
        ));
    }
    fields
}

fn flanders_fields(count: &FlandersCount, contest: &Contest) -> Vec<Field> {
    let mut fields = vec![
        number_field(
            "ballots.total".into(),
            "T".into(),
            msg!("field-ballots-total"),
            Section::Ballots,
            count.ballots_total,
            true,
        ),
        number_field(
            "ballots.blank".into(),
            "B".into(),
            msg!("field-ballots-blank"),
            Section::Ballots,
            count.blank,
            false,
        ),
        number_field(
            "ballots.invalid".into(),
            "O".into(),
            msg!("field-ballots-invalid"),
            Section::Ballots,
            count.invalid,
            false,
        ),
    ];
    for (l, list) in count.lists.iter().enumerate() {
        let section = list_section(contest, l);
        let (number, _) = list_label(contest, l);
        fields.push(number_field(
            format!("lists.{}.ballots", l + 1),
            format!("{number}"),
            msg!("field-list-ballots", number = number),
            section.clone(),
            list.ballots,
            true,
        ));
        fields.push(number_field(
            format!("lists.{}.list_only", l + 1),
            "kop".into(),
            msg!("field-list-only"),
            section.clone(),
            list.list_only,
            false,
        ));
        for (c, votes) in list.preferences.iter().enumerate() {
            fields.push(number_field(
                format!("lists.{}.candidates.{}", l + 1, c + 1),
                (c + 1).to_string(),
                candidate_label(contest, l, c),
                section.clone(),
                *votes,
                false,
            ));
        }
    }
    fields
}

/// One field where two entries differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldDifference {
    /// The field (its value is that of the first entry).
    pub field: Field,
    /// The first entry's value.
    pub first: FieldValue,
    /// The second entry's value.
    pub second: FieldValue,
}

/// The fields where `first` and `second` differ, in form order. Both must have `contest`'s
/// shape.
pub fn compare(first: &CountForm, second: &CountForm, contest: &Contest) -> Vec<FieldDifference> {
    let a = first.fields(contest);
    let b = second.fields(contest);
    if a.len() != b.len() {
        // Forms of different shapes: every field differs; shown as such rather than guessed.
        return a
            .into_iter()
            .map(|field| FieldDifference {
                first: field.value.clone(),
                second: FieldValue::Text(String::new()),
                field,
            })
            .collect();
    }
    a.into_iter()
        .zip(b)
        .filter(|(x, y)| x.value != y.value)
        .map(|(field, other)| FieldDifference {
            first: field.value.clone(),
            second: other.value,
            field,
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::election::{Candidate, List};
    use crate::ids::{CandidatePosition, ContestId, ListNumber};

    pub(crate) fn contest(candidates: &[usize]) -> Contest {
        Contest {
            id: ContestId::new("geen").unwrap(),
            name: None,
            seats: Some(9),
            lists: candidates
                .iter()
                .enumerate()
                .map(|(i, n)| List {
                    number: ListNumber::new(u32::try_from(i + 1).unwrap()).unwrap(),
                    name: format!("Partij {}", i + 1),
                    candidates: (0..*n)
                        .map(|p| Candidate {
                            position: CandidatePosition::new(u32::try_from(p + 1).unwrap())
                                .unwrap(),
                            initials: Some("A.".into()),
                            first_name: None,
                            prefix: None,
                            last_name: format!("Kandidaat{p}"),
                            gender: None,
                            locality: None,
                            country: None,
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn counts_are_read_as_typed_and_refused_with_the_field_named() {
        assert_eq!(parse_count("k", &msg!("field-unnamed"), ""), Ok(0));
        assert_eq!(
            parse_count("k", &msg!("field-unnamed"), " 1.234 "),
            Ok(1234)
        );
        assert_eq!(
            parse_count("k", &msg!("field-unnamed"), "999999999"),
            Ok(MAX_COUNT)
        );
        assert!(matches!(
            parse_count("voters.a", &msg!("field-voters-a"), "12a"),
            Err(FieldError::NotANumber { key, .. }) if key == "voters.a"
        ));
        assert!(matches!(
            parse_count("k", &msg!("field-unnamed"), "-3"),
            Err(FieldError::Negative { .. })
        ));
        assert!(matches!(
            parse_count("k", &msg!("field-unnamed"), "1000000000"),
            Err(FieldError::TooLarge { .. })
        ));
        assert!(matches!(
            parse_count("k", &msg!("field-unnamed"), "99999999999999999999999"),
            Err(FieldError::TooLarge { .. })
        ));
        assert_eq!(
            parse_count("k", &msg!("field-unnamed"), "12.345.678"),
            Ok(12_345_678)
        );
        for text in ["1.5", "1234.567", ".123", "1..234", "1.2345"] {
            assert!(
                matches!(
                    parse_count("k", &msg!("field-unnamed"), text),
                    Err(FieldError::NotANumber { .. })
                ),
                "{text}"
            );
        }
        assert!(matches!(
            parse_count("k", &msg!("field-unnamed"), "1e3"),
            Err(FieldError::NotANumber { .. })
        ));
        assert!(matches!(
            parse_count("k", &msg!("field-unnamed"), "-"),
            Err(FieldError::NotANumber { .. })
        ));
    }

    #[test]
    fn the_cheap_keys_are_the_keys_of_the_fields() {
        let contest = contest(&[3, 2]);
        for jurisdiction in [Jurisdiction::Netherlands, Jurisdiction::Flanders] {
            let form = CountForm::empty(jurisdiction, &contest);
            let full: Vec<(String, FieldKind)> = form
                .fields(&contest)
                .into_iter()
                .map(|f| (f.key, f.kind))
                .collect();
            assert_eq!(form.keys(), full);
        }
    }

    #[test]
    fn a_form_survives_fields_and_back() {
        let contest = contest(&[3, 2]);
        for jurisdiction in [Jurisdiction::Netherlands, Jurisdiction::Flanders] {
            let empty = CountForm::empty(jurisdiction, &contest);
            let mut submitted = Submitted::new();
            for (i, field) in empty.fields(&contest).iter().enumerate() {
                let text = match field.kind {
                    FieldKind::Number => (i * 7 + 1).to_string(),
                    FieldKind::Flag if i % 2 == 0 => "on".into(),
                    FieldKind::Flag => continue,
                    FieldKind::Text => "uitleg".into(),
                };
                submitted.insert(field.key.clone(), text);
            }
            let form = CountForm::from_fields(jurisdiction, &contest, &submitted).unwrap();
            form.check_shape(jurisdiction, &contest).unwrap();
            for (i, field) in form.fields(&contest).iter().enumerate() {
                match &field.value {
                    FieldValue::Number(n) => assert_eq!(*n as usize, i * 7 + 1, "{}", field.key),
                    FieldValue::Flag(b) => assert_eq!(*b, i % 2 == 0, "{}", field.key),
                    FieldValue::Text(t) => assert_eq!(t, "uitleg"),
                }
            }
            assert!(compare(&form, &form, &contest).is_empty());
            let differences = compare(&empty, &form, &contest);
            assert!(differences.len() > 5);
        }
    }

    #[test]
    fn a_missing_or_unknown_field_is_named() {
        let contest = contest(&[2]);
        let mut submitted: Submitted = CountForm::empty(Jurisdiction::Netherlands, &contest)
            .fields(&contest)
            .into_iter()
            .filter(|f| f.kind != FieldKind::Flag)
            .map(|f| (f.key, "0".to_string()))
            .collect();
        submitted.remove("votes.h");
        submitted.insert("lists.2.candidates.1".into(), "5".into());
        let errors =
            CountForm::from_fields(Jurisdiction::Netherlands, &contest, &submitted).unwrap_err();
        assert_eq!(
            errors,
            [
                FieldError::Missing {
                    key: "votes.h".into(),
                    label: msg!("field-votes-h")
                },
                FieldError::Unknown {
                    key: "lists.2.candidates.1".into()
                }
            ]
        );
    }

    #[test]
    fn a_form_of_another_shape_is_refused() {
        let form = CountForm::empty(Jurisdiction::Netherlands, &contest(&[3, 2]));
        assert!(
            form.check_shape(Jurisdiction::Netherlands, &contest(&[3, 2]))
                .is_ok()
        );
        assert!(matches!(
            form.check_shape(Jurisdiction::Netherlands, &contest(&[3, 3])),
            Err(FieldError::Shape { .. })
        ));
        assert!(matches!(
            form.check_shape(Jurisdiction::Flanders, &contest(&[3, 2])),
            Err(FieldError::Shape { .. })
        ));
    }

    #[test]
    fn a_difference_is_reported_per_field() {
        let contest = contest(&[2, 2]);
        let CountForm::Netherlands(mut a) = CountForm::empty(Jurisdiction::Netherlands, &contest)
        else {
            unreachable!()
        };
        a.voters.poll_cards = 10;
        let mut b = a.clone();
        b.voters.poll_cards = 11;
        b.lists[1].candidates[0] = 4;
        let differences = compare(
            &CountForm::Netherlands(a),
            &CountForm::Netherlands(b),
            &contest,
        );
        let keys: Vec<&str> = differences.iter().map(|d| d.field.key.as_str()).collect();
        assert_eq!(keys, ["voters.a", "lists.2.candidates.1"]);
        assert_eq!(differences[0].first, FieldValue::Number(10));
        assert_eq!(differences[0].second, FieldValue::Number(11));
    }
}
