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

use messages::msg;

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

mod field;
mod layout;
#[cfg(test)]
pub(crate) mod tests;

use field::relabel;
pub use field::{Field, FieldError, FieldKind, FieldValue, Section, parse_count};
use layout::{flanders_fields, nl_fields};

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

    /// The form as a browser submits it: each field's key and its text (a ticked box as `on`, an
    /// unticked one left out), which [`CountForm::from_fields`] reads back into the same count.
    pub fn submitted(&self, contest: &Contest) -> Submitted {
        self.fields(contest)
            .into_iter()
            .filter_map(|field| {
                let text = match field.value {
                    FieldValue::Number(n) => n.to_string(),
                    FieldValue::Flag(true) => "on".into(),
                    FieldValue::Flag(false) => return None,
                    FieldValue::Text(t) => t,
                };
                Some((field.key, text))
            })
            .collect()
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

    /// What a typist has typed so far, kept as text (a form may be half typed, a value not yet
    /// a number): every field of `contest`'s form, in a fixed order, with the text given for it
    /// or empty (an unticked box is empty, a ticked one `on`). Refused are only keys this form
    /// does not have and texts longer than a field can hold, so nothing else can be stored.
    pub fn typed(
        jurisdiction: Jurisdiction,
        contest: &Contest,
        submitted: &Submitted,
    ) -> Result<std::collections::BTreeMap<String, String>, Vec<FieldError>> {
        let mut typed = std::collections::BTreeMap::new();
        let mut errors = Vec::new();
        CountForm::empty(jurisdiction, contest).for_each_slot(|key, slot| {
            let given = submitted.get(key).map(String::as_str).unwrap_or_default();
            let text = match slot {
                Slot::Flag(_) if matches!(given.trim(), "on" | "true" | "1" | "ja" | "yes") => "on",
                Slot::Flag(_) => "",
                // A count is at most MAX_COUNT: eleven characters hold it with thousands dots.
                Slot::Number(_) if given.chars().count() > 11 => {
                    errors.push(FieldError::TooLarge {
                        key: key.to_string(),
                        label: msg!("field-unnamed"),
                        value: given.chars().take(11).collect(),
                    });
                    return;
                }
                Slot::Text(_) if given.chars().count() > MAX_TEXT => {
                    errors.push(FieldError::TextTooLong {
                        key: key.to_string(),
                        label: msg!("field-unnamed"),
                    });
                    return;
                }
                _ => given,
            };
            typed.insert(key.to_string(), text.to_string());
        });
        let refused: Vec<String> = errors
            .iter()
            .filter_map(|e| e.key().map(str::to_string))
            .collect();
        errors.extend(unknown_keys(submitted, |key| {
            typed.contains_key(key) || refused.iter().any(|r| r == key)
        }));
        if errors.is_empty() {
            Ok(typed)
        } else {
            Err(errors)
        }
    }

    /// Reads a form of `contest`'s shape from submitted `(key, text)` pairs. Every field of the
    /// form must be present (a number typed, `0` included: empty is refused; an absent tick box
    /// means not ticked); unknown keys are refused, so a form of another election cannot slip in.
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
            errors.extend(unknown_keys(submitted, |key| known.contains(key)));
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

/// The submitted keys `on_form` does not know, in order, each as a refusal: a form of another
/// election cannot slip in.
fn unknown_keys(submitted: &Submitted, on_form: impl Fn(&str) -> bool) -> Vec<FieldError> {
    let mut unknown: Vec<&String> = submitted.keys().filter(|key| !on_form(key)).collect();
    unknown.sort();
    unknown
        .into_iter()
        .map(|key| FieldError::Unknown { key: key.clone() })
        .collect()
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
