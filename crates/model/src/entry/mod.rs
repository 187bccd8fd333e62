//! Double data entry of one polling station's count: the state machine.
//!
//! Every paper report is typed twice, by two different people; only two equal entries make a
//! count definitive. A coordinator resolves what the typists cannot: two entries that differ, or a
//! first entry in which the paper report itself is inconsistent (an error).
//!
//! ```text
//! NotStarted ──claim──► FirstEntryInProgress ──finalise──► SecondEntryNotStarted
//!     ▲                     │ (errors acknowledged)              │ claim (another typist)
//!     │                     ▼                                    ▼
//!     ├──discard── FirstEntryHasErrors              SecondEntryInProgress ──finalise──►
//!     │            └─return to typist─► FirstEntryInProgress     equal: Definitive
//!     └──discard both── EntriesDifferent ◄──────────────────── different
//!                        keep one ─► SecondEntryNotStarted (the kept entry is the first)
//!                        send one back ─► SecondEntryInProgress (its typist corrects it)
//! ```
//!
//! Each transition consumes the state and returns the next one, or refuses with a
//! [`TransitionError`] and changes nothing (the caller still has the state it read). The diagram
//! in `docs/data-entry.md` is the same machine.

use serde::{Deserialize, Serialize};

use messages::{Message, msg, t};

use crate::Language;
use crate::count::{CountForm, FieldDifference, FieldError, compare};
use crate::election::Contest;
use crate::rules::{Findings, check};

/// A person who types entries, as the state records them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Typist {
    /// User id.
    pub id: i64,
    /// Username, for the overview and the audit log.
    pub username: String,
}

impl Typist {
    /// The id of the "typist" of a first entry imported from a municipality's 510b: no user has
    /// it (user ids start at 1), so nobody can claim or correct that entry.
    pub const IMPORT_ID: i64 = 0;

    /// The first entry's typist when it was imported from the file `file`.
    pub fn imported(file: &str) -> Typist {
        Typist {
            id: Typist::IMPORT_ID,
            username: format!("510b:{file}"),
        }
    }

    /// Whether this entry was imported rather than typed.
    pub fn is_import(&self) -> bool {
        self.id == Typist::IMPORT_ID
    }
}

/// A finalised entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Who typed it.
    pub typist: Typist,
    /// What was typed.
    pub count: CountForm,
}

/// Where a polling station's data entry stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", content = "entry", rename_all = "snake_case")]
pub enum EntryState {
    /// Nobody has started.
    NotStarted,
    /// The first typist is typing; `draft` is what was last saved.
    FirstEntryInProgress {
        /// Typist.
        typist: Typist,
        /// Last saved draft.
        draft: CountForm,
    },
    /// The first entry is finalised, but the paper report has errors: the coordinator decides.
    FirstEntryHasErrors {
        /// The entry.
        first: Entry,
    },
    /// The first entry is finalised; waiting for a second typist.
    SecondEntryNotStarted {
        /// The first entry.
        first: Entry,
    },
    /// A second typist is typing.
    SecondEntryInProgress {
        /// The first entry.
        first: Entry,
        /// The second typist.
        typist: Typist,
        /// Last saved draft.
        draft: CountForm,
    },
    /// The two entries differ: the coordinator decides.
    EntriesDifferent {
        /// First entry.
        first: Entry,
        /// Second entry.
        second: Entry,
    },
    /// The count was imported from a municipality's EML 510b made by other software (the central
    /// committee's path): definitive as imported, not typed here.
    Imported {
        /// The count.
        count: CountForm,
        /// The file it came from.
        file: String,
        /// SHA-256 of that file.
        sha256: String,
    },
    /// Two equal entries by two different typists: the count is definitive.
    Definitive {
        /// The count, as both typed it.
        first: Entry,
        /// Who typed it the second time.
        second_typist: Typist,
    },
}

/// The status alone, for overviews and queries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// See [`EntryState::NotStarted`].
    NotStarted,
    /// See [`EntryState::FirstEntryInProgress`].
    FirstEntryInProgress,
    /// See [`EntryState::FirstEntryHasErrors`].
    FirstEntryHasErrors,
    /// See [`EntryState::SecondEntryNotStarted`].
    SecondEntryNotStarted,
    /// See [`EntryState::SecondEntryInProgress`].
    SecondEntryInProgress,
    /// See [`EntryState::EntriesDifferent`].
    EntriesDifferent,
    /// See [`EntryState::Definitive`].
    Definitive,
    /// See [`EntryState::Imported`].
    Imported,
}

impl Status {
    /// Every status, in the order of the process.
    pub const ALL: [Status; 8] = [
        Status::NotStarted,
        Status::FirstEntryInProgress,
        Status::FirstEntryHasErrors,
        Status::SecondEntryNotStarted,
        Status::SecondEntryInProgress,
        Status::EntriesDifferent,
        Status::Definitive,
        Status::Imported,
    ];

    /// As stored and in URLs: `first_entry_in_progress`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::FirstEntryInProgress => "first_entry_in_progress",
            Status::FirstEntryHasErrors => "first_entry_has_errors",
            Status::SecondEntryNotStarted => "second_entry_not_started",
            Status::SecondEntryInProgress => "second_entry_in_progress",
            Status::EntriesDifferent => "entries_different",
            Status::Definitive => "definitive",
            Status::Imported => "imported",
        }
    }

    /// Reads [`Status::as_str`].
    pub fn parse(text: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Its name.
    pub fn name(self) -> Message {
        match self {
            Status::NotStarted => msg!("status-not-started"),
            Status::FirstEntryInProgress => msg!("status-first-entry-in-progress"),
            Status::FirstEntryHasErrors => msg!("status-first-entry-has-errors"),
            Status::SecondEntryNotStarted => msg!("status-second-entry-not-started"),
            Status::SecondEntryInProgress => msg!("status-second-entry-in-progress"),
            Status::EntriesDifferent => msg!("status-entries-different"),
            Status::Definitive => msg!("status-definitive"),
            Status::Imported => msg!("status-imported"),
        }
    }
}

/// Which of the two entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Which {
    /// The first entry.
    First,
    /// The second entry.
    Second,
}

/// The coordinator's decision on two entries that differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "decision", content = "entry")]
pub enum DifferenceResolution {
    /// Keep this entry (it agrees with the paper); the other is discarded and the count is typed
    /// again by another typist, to be compared with the kept one.
    Keep(Which),
    /// Send this entry back to its typist to correct; the other entry is kept.
    SendBack(Which),
    /// Discard both; the polling station starts over.
    DiscardBoth,
}

/// The coordinator's decision on a first entry with errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorResolution {
    /// Return the entry to its typist (after the paper report was corrected, or to fix a typing
    /// mistake).
    ReturnToTypist,
    /// Discard the entry; the polling station starts over.
    Discard,
}

/// What finalising an entry must be told by the typist.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acknowledgements {
    /// The typist checked every warning against the paper.
    pub warnings: bool,
    /// The typist checked that the errors are on the paper report itself, as typed.
    pub errors: bool,
}

/// Why a transition is refused. The state is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The second entry must be typed by someone other than the first.
    #[error("{0} typed the first entry; the second entry must be typed by someone else")]
    SameTypist(String),
    /// Another typist holds this entry.
    #[error("{0} is typing this entry")]
    ClaimedByOther(String),
    /// The action does not apply in this status.
    #[error("this is not possible while the polling station's entry is {}", .0.name())]
    WrongStatus(Status),
    /// The count does not fit the election.
    #[error("{0}")]
    Shape(FieldError),
    /// Finalising needs the warnings acknowledged.
    #[error("the entry has warnings that must be checked against the paper and acknowledged")]
    WarningsNotAcknowledged(Findings),
    /// Finalising an entry with errors needs them acknowledged as being on the paper.
    #[error("the entry has errors; correct the typing, or confirm that the paper report says so")]
    ErrorsNotAcknowledged(Findings),
    /// An entry imported from a municipality's file cannot be sent back to be typed: the file
    /// is what it is (a corrected file comes from the municipality).
    #[error("the entry imported from {0} cannot be sent back; keep it, or discard both")]
    ImportedEntry(String),
}

impl TransitionError {
    /// The message for the user, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        match self {
            TransitionError::SameTypist(who) => t!(lang, "entry-same-typist", typist = who),
            TransitionError::ClaimedByOther(who) => {
                t!(lang, "entry-claimed-by-other", typist = who)
            }
            TransitionError::WrongStatus(status) => {
                t!(
                    lang,
                    "entry-wrong-status",
                    status = status.name().text(lang)
                )
            }
            TransitionError::Shape(error) => error.message(lang),
            TransitionError::WarningsNotAcknowledged(_) => {
                t!(lang, "entry-warnings-not-acknowledged")
            }
            TransitionError::ErrorsNotAcknowledged(_) => {
                t!(lang, "entry-errors-not-acknowledged")
            }
            TransitionError::ImportedEntry(typist) => {
                t!(lang, "entry-imported-not-sent-back", file = typist)
            }
        }
    }
}

/// What finalising the second entry found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comparison {
    /// The entries are equal: definitive.
    Equal,
    /// The fields that differ.
    Different(Vec<FieldDifference>),
}

impl EntryState {
    /// The status.
    pub fn status(&self) -> Status {
        match self {
            EntryState::NotStarted => Status::NotStarted,
            EntryState::FirstEntryInProgress { .. } => Status::FirstEntryInProgress,
            EntryState::FirstEntryHasErrors { .. } => Status::FirstEntryHasErrors,
            EntryState::SecondEntryNotStarted { .. } => Status::SecondEntryNotStarted,
            EntryState::SecondEntryInProgress { .. } => Status::SecondEntryInProgress,
            EntryState::EntriesDifferent { .. } => Status::EntriesDifferent,
            EntryState::Definitive { .. } => Status::Definitive,
            EntryState::Imported { .. } => Status::Imported,
        }
    }

    fn wrong(&self) -> TransitionError {
        TransitionError::WrongStatus(self.status())
    }

    /// The typist who holds the entry in progress, if any.
    pub fn typist_in_progress(&self) -> Option<&Typist> {
        match self {
            EntryState::FirstEntryInProgress { typist, .. }
            | EntryState::SecondEntryInProgress { typist, .. } => Some(typist),
            _ => None,
        }
    }

    /// The draft in progress, if any.
    pub fn draft(&self) -> Option<&CountForm> {
        match self {
            EntryState::FirstEntryInProgress { draft, .. }
            | EntryState::SecondEntryInProgress { draft, .. } => Some(draft),
            _ => None,
        }
    }

    /// The first entry, once finalised.
    pub fn first_entry(&self) -> Option<&Entry> {
        match self {
            EntryState::FirstEntryHasErrors { first }
            | EntryState::SecondEntryNotStarted { first }
            | EntryState::SecondEntryInProgress { first, .. }
            | EntryState::EntriesDifferent { first, .. }
            | EntryState::Definitive { first, .. } => Some(first),
            _ => None,
        }
    }

    /// The definitive count, if there is one.
    pub fn definitive(&self) -> Option<&CountForm> {
        match self {
            EntryState::Definitive { first, .. } => Some(&first.count),
            EntryState::Imported { count, .. } => Some(count),
            _ => None,
        }
    }

    /// A typist takes the entry: starts the first or the second entry, or resumes their own.
    /// `empty` is the empty form of the polling station, used when the first entry starts.
    pub fn claim(self, typist: &Typist, empty: CountForm) -> Result<EntryState, TransitionError> {
        match self {
            EntryState::NotStarted => Ok(EntryState::FirstEntryInProgress {
                typist: typist.clone(),
                draft: empty,
            }),
            EntryState::SecondEntryNotStarted { first } => {
                if first.typist.id == typist.id {
                    return Err(TransitionError::SameTypist(first.typist.username));
                }
                Ok(EntryState::SecondEntryInProgress {
                    typist: typist.clone(),
                    draft: empty,
                    first,
                })
            }
            EntryState::FirstEntryInProgress {
                typist: ref holder, ..
            }
            | EntryState::SecondEntryInProgress {
                typist: ref holder, ..
            } => {
                if holder.id == typist.id {
                    Ok(self)
                } else {
                    Err(TransitionError::ClaimedByOther(holder.username.clone()))
                }
            }
            other => Err(other.wrong()),
        }
    }

    fn check_holder(&self, typist: &Typist) -> Result<(), TransitionError> {
        match self.typist_in_progress() {
            Some(holder) if holder.id == typist.id => Ok(()),
            Some(holder) => Err(TransitionError::ClaimedByOther(holder.username.clone())),
            None => Err(self.wrong()),
        }
    }

    /// The typist saves a draft.
    pub fn save(
        self,
        typist: &Typist,
        draft: CountForm,
        contest: &Contest,
        jurisdiction: crate::Jurisdiction,
    ) -> Result<EntryState, TransitionError> {
        self.check_holder(typist)?;
        draft
            .check_shape(jurisdiction, contest)
            .map_err(TransitionError::Shape)?;
        Ok(match self {
            EntryState::FirstEntryInProgress { typist, .. } => {
                EntryState::FirstEntryInProgress { typist, draft }
            }
            EntryState::SecondEntryInProgress { first, typist, .. } => {
                EntryState::SecondEntryInProgress {
                    first,
                    typist,
                    draft,
                }
            }
            other => return Err(other.wrong()),
        })
    }

    /// The typist gives the entry up; what they typed is discarded.
    pub fn abandon(self, typist: &Typist) -> Result<EntryState, TransitionError> {
        self.check_holder(typist)?;
        match self {
            EntryState::FirstEntryInProgress { .. } => Ok(EntryState::NotStarted),
            EntryState::SecondEntryInProgress { first, .. } => {
                Ok(EntryState::SecondEntryNotStarted { first })
            }
            other => Err(other.wrong()),
        }
    }

    /// The typist finalises the saved draft. The first entry goes on to the second, or to the
    /// coordinator when the paper has errors; the second is compared with the first.
    pub fn finalise(
        self,
        typist: &Typist,
        acknowledged: Acknowledgements,
        contest: &Contest,
    ) -> Result<(EntryState, Option<Comparison>), TransitionError> {
        self.check_holder(typist)?;
        let findings = match self.draft() {
            Some(draft) => check(draft),
            None => return Err(self.wrong()),
        };
        if findings.has_errors() && !acknowledged.errors {
            return Err(TransitionError::ErrorsNotAcknowledged(findings));
        }
        if findings.has_warnings() && !acknowledged.warnings {
            return Err(TransitionError::WarningsNotAcknowledged(findings));
        }
        match self {
            EntryState::FirstEntryInProgress { typist, draft } => {
                let first = Entry {
                    typist,
                    count: draft,
                };
                Ok(if findings.has_errors() {
                    (EntryState::FirstEntryHasErrors { first }, None)
                } else {
                    (EntryState::SecondEntryNotStarted { first }, None)
                })
            }
            EntryState::SecondEntryInProgress {
                first,
                typist,
                draft,
            } => {
                let differences = compare(&first.count, &draft, contest);
                if differences.is_empty() {
                    Ok((
                        EntryState::Definitive {
                            first,
                            second_typist: typist,
                        },
                        Some(Comparison::Equal),
                    ))
                } else {
                    Ok((
                        EntryState::EntriesDifferent {
                            first,
                            second: Entry {
                                typist,
                                count: draft,
                            },
                        },
                        Some(Comparison::Different(differences)),
                    ))
                }
            }
            other => Err(other.wrong()),
        }
    }

    /// A count imported from a 510b (the central committee's path), for a polling station whose
    /// entry has not started: nobody types it.
    pub fn import(
        self,
        count: CountForm,
        file: String,
        sha256: String,
    ) -> Result<EntryState, TransitionError> {
        match self {
            EntryState::NotStarted => Ok(EntryState::Imported {
                count,
                file,
                sha256,
            }),
            other => Err(other.wrong()),
        }
    }

    /// The central committee's first entry of a municipality: its whole count as its 510b
    /// states it (Kieswet P 22: the committee establishes each municipality's figures from its
    /// report). The second entry is typed from the paper report by a typist and compared with it,
    /// as any second entry.
    pub fn import_first(self, count: CountForm, file: &str) -> Result<EntryState, TransitionError> {
        match self {
            EntryState::NotStarted => Ok(EntryState::SecondEntryNotStarted {
                first: Entry {
                    typist: Typist::imported(file),
                    count,
                },
            }),
            other => Err(other.wrong()),
        }
    }

    /// The coordinator resolves two entries that differ. An imported entry is never sent back
    /// to be typed.
    pub fn resolve_differences(
        self,
        resolution: DifferenceResolution,
    ) -> Result<EntryState, TransitionError> {
        let EntryState::EntriesDifferent { first, second } = self else {
            return Err(self.wrong());
        };
        let sent_back = match resolution {
            DifferenceResolution::SendBack(Which::First) => Some(&first.typist),
            DifferenceResolution::SendBack(Which::Second) => Some(&second.typist),
            _ => None,
        };
        if let Some(typist) = sent_back.filter(|t| t.is_import()) {
            return Err(TransitionError::ImportedEntry(typist.username.clone()));
        }
        Ok(match resolution {
            DifferenceResolution::Keep(Which::First) => EntryState::SecondEntryNotStarted { first },
            DifferenceResolution::Keep(Which::Second) => {
                EntryState::SecondEntryNotStarted { first: second }
            }
            // The entry sent back is corrected by its own typist and compared with the other,
            // which becomes the reference: still two people, still two entries.
            DifferenceResolution::SendBack(Which::First) => EntryState::SecondEntryInProgress {
                typist: first.typist,
                draft: first.count,
                first: second,
            },
            DifferenceResolution::SendBack(Which::Second) => EntryState::SecondEntryInProgress {
                typist: second.typist,
                draft: second.count,
                first,
            },
            DifferenceResolution::DiscardBoth => EntryState::NotStarted,
        })
    }

    /// The coordinator resolves a first entry with errors.
    pub fn resolve_errors(
        self,
        resolution: ErrorResolution,
    ) -> Result<EntryState, TransitionError> {
        let EntryState::FirstEntryHasErrors { first } = self else {
            return Err(self.wrong());
        };
        Ok(match resolution {
            ErrorResolution::ReturnToTypist => EntryState::FirstEntryInProgress {
                typist: first.typist,
                draft: first.count,
            },
            ErrorResolution::Discard => EntryState::NotStarted,
        })
    }

    /// The findings on the entry that needs attention: the draft, or the first entry.
    pub fn findings(&self) -> Findings {
        match (self.draft(), self.first_entry()) {
            (Some(draft), _) => check(draft),
            (None, Some(first)) => check(&first.count),
            (None, None) => Findings::default(),
        }
    }
}

#[cfg(test)]
mod tests;
