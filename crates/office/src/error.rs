//! Why an office operation was refused. Nothing was changed by a refused operation.

use messages::{Language, t};
use model::ElectionId;
use model::count::FieldError;
use model::entry::TransitionError;
use store::StoreError;

/// What was looked for and is not there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// An election (by the text asked for).
    Election(String),
    /// A polling station (by the text asked for).
    Station(String),
    /// A polling station the election does not have.
    StationOf {
        /// The polling station.
        station: u32,
        /// The election.
        election: ElectionId,
    },
    /// The contest of a polling station, or a contest by id.
    Contest(String),
    /// A candidate on a list.
    Candidate {
        /// List number.
        list: u32,
        /// Position.
        position: u32,
    },
    /// A kind of result file that is not stored (yet).
    File(String),
    /// What the store did not find.
    Stored(String),
}

/// A request the office refuses because it does not fit what is stored or the law.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Polling station numbers that are in use.
    StationNumbersTaken(Vec<u32>),
    /// A polling station whose data entry has started cannot change its number.
    EntryStarted(u32),
    /// Polling stations without a definitive count (the result waits for them).
    NotDefinitive(Vec<u32>),
    /// A drawing of lots is needed before the result can be determined.
    LotFirst,
    /// No drawing of lots is pending.
    NoLotPending,
    /// A lot is pending, another than the one entered.
    OtherLotPending {
        /// The pending lot's id.
        pending: String,
        /// The id entered.
        given: String,
    },
    /// The drawn order does not name each option once.
    LotOrder {
        /// The options of the pending lot.
        options: Vec<u32>,
    },
    /// The result is determined and its files made: it cannot change.
    ResultFixed,
    /// The candidate is registered as deceased already.
    DeceasedTwice {
        /// List number.
        list: u32,
        /// Position.
        position: u32,
    },
    /// An election with several contests needs the contest named.
    ContestRequired,
    /// A count file names polling stations the election does not have.
    ForeignStations {
        /// The file.
        file: String,
        /// The stations.
        stations: Vec<u32>,
        /// The election.
        election: ElectionId,
    },
    /// A count file's own totals differ from the sum of its polling stations.
    FileTotals {
        /// The file.
        file: String,
        /// The list.
        list: u32,
        /// The file's total.
        stated: u64,
        /// The sum of its polling stations.
        sum: u64,
    },
    /// The data entry of these polling stations has started: nothing was imported.
    ImportStarted(Vec<u32>),
    /// A file could not be read (the reader's message).
    Unreadable {
        /// The file.
        file: String,
        /// What the reader said.
        detail: String,
    },
    /// A file was refused by its reader (whose message names the file, line and element).
    Reader(String),
    /// A document or file could not be made.
    Document(String),
    /// The result package of the ceremony is not the main office's.
    NotMainOffice,
    /// The password does not unlock the office's key.
    WrongPassword,
    /// A sealed file is never written over.
    SealedExists(String),
    /// A turnout moment that is not one of the published moments.
    NoSuchMoment,
    /// A number that must be more than 0.
    NotPositive,
    /// The committee's rules refuse (sessions, investigations).
    Committee(model::committee::CommitteeError),
    /// Sessions and investigations are the Dutch municipal committee's.
    NotDutch,
    /// The counting method is fixed once these polling stations' entry started.
    CountingFixed(Vec<u32>),
}

/// Why an operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum OfficeError {
    /// No such election, polling station, candidate or file.
    #[error("{}", self.message(Language::En))]
    NotFound(Missing),
    /// The submitted fields could not be read.
    #[error("{}", self.message(Language::En))]
    Invalid(Vec<FieldError>),
    /// The double-entry state machine refuses.
    #[error(transparent)]
    Transition(#[from] TransitionError),
    /// Someone else changed the entry meanwhile.
    #[error("{}", self.message(Language::En))]
    Stale {
        /// The version the request was based on.
        expected: u64,
        /// The version stored.
        found: u64,
    },
    /// The request does not fit what is stored or the law.
    #[error("{}", self.message(Language::En))]
    Refused(Refusal),
    /// The result engine refuses the counts or decisions.
    #[error(transparent)]
    Determine(#[from] determine::DetermineError),
    /// The store failed.
    #[error(transparent)]
    Store(StoreError),
}

impl From<Refusal> for OfficeError {
    fn from(refusal: Refusal) -> OfficeError {
        OfficeError::Refused(refusal)
    }
}

impl From<StoreError> for OfficeError {
    fn from(error: StoreError) -> OfficeError {
        match error {
            StoreError::Stale { expected, found } => OfficeError::Stale { expected, found },
            StoreError::NotFound(what) => OfficeError::NotFound(Missing::Stored(what)),
            StoreError::StationNumbersTaken(numbers) => {
                OfficeError::Refused(Refusal::StationNumbersTaken(numbers))
            }
            StoreError::EntryStarted(number) => OfficeError::Refused(Refusal::EntryStarted(number)),
            other => OfficeError::Store(other),
        }
    }
}

/// Numbers as a list (`1, 2, 3`).
fn list(numbers: &[u32]) -> String {
    numbers
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl Missing {
    /// What is missing, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        match self {
            Missing::Election(id) => t!(lang, "office-missing-election", election = id),
            Missing::Station(number) => t!(lang, "office-missing-station", station = number),
            Missing::StationOf { station, election } => t!(
                lang,
                "office-missing-station-of",
                station = station,
                election = election
            ),
            Missing::Contest(id) => t!(lang, "office-missing-contest", contest = id),
            Missing::Candidate { list, position } => t!(
                lang,
                "office-missing-candidate",
                list = list,
                position = position
            ),
            Missing::File(kind) => t!(lang, "office-missing-file", kind = kind),
            Missing::Stored(what) => t!(lang, "office-missing-stored", what = what),
        }
    }
}

impl Refusal {
    /// The refusal, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        match self {
            Refusal::StationNumbersTaken(numbers) => {
                t!(
                    lang,
                    "office-station-numbers-taken",
                    numbers = list(numbers)
                )
            }
            Refusal::EntryStarted(station) => {
                t!(lang, "office-entry-started", station = station)
            }
            Refusal::NotDefinitive(stations) => t!(
                lang,
                "office-not-definitive",
                stations = list(stations),
                count = stations.len()
            ),
            Refusal::LotFirst => t!(lang, "office-lot-first"),
            Refusal::NoLotPending => t!(lang, "office-no-lot-pending"),
            Refusal::OtherLotPending { pending, given } => t!(
                lang,
                "office-other-lot-pending",
                pending = pending,
                given = given
            ),
            Refusal::LotOrder { options } => {
                t!(lang, "office-lot-order", options = list(options))
            }
            Refusal::ResultFixed => t!(lang, "office-result-fixed"),
            Refusal::DeceasedTwice { list, position } => t!(
                lang,
                "office-deceased-twice",
                list = list,
                position = position
            ),
            Refusal::ContestRequired => t!(lang, "office-contest-required"),
            Refusal::ForeignStations {
                file,
                stations,
                election,
            } => t!(
                lang,
                "office-foreign-stations",
                file = file,
                stations = list(stations),
                election = election
            ),
            Refusal::FileTotals {
                file,
                list,
                stated,
                sum,
            } => t!(
                lang,
                "office-file-totals",
                file = file,
                list = list,
                stated = stated,
                sum = sum
            ),
            Refusal::ImportStarted(stations) => {
                t!(lang, "office-import-started", stations = list(stations))
            }
            Refusal::Unreadable { file, detail } => {
                t!(lang, "office-unreadable", file = file, detail = detail)
            }
            Refusal::Reader(detail) => t!(lang, "office-reader", detail = detail),
            Refusal::Document(detail) => t!(lang, "office-document-failed", detail = detail),
            Refusal::NotMainOffice => t!(lang, "office-not-main-office"),
            Refusal::WrongPassword => t!(lang, "office-wrong-password"),
            Refusal::SealedExists(file) => t!(lang, "office-sealed-exists", file = file),
            Refusal::NoSuchMoment => t!(lang, "office-no-such-moment"),
            Refusal::NotPositive => t!(lang, "office-not-positive"),
            Refusal::Committee(error) => error.message().text(lang),
            Refusal::NotDutch => t!(lang, "office-not-dutch"),
            Refusal::CountingFixed(stations) => {
                t!(lang, "office-counting-fixed", stations = list(stations))
            }
        }
    }
}

impl OfficeError {
    /// The reason, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        match self {
            OfficeError::NotFound(missing) => missing.message(lang),
            OfficeError::Invalid(errors) => errors
                .iter()
                .map(|e| e.message(lang))
                .collect::<Vec<_>>()
                .join(" "),
            OfficeError::Transition(error) => error.message(lang),
            OfficeError::Stale { .. } => t!(lang, "office-stale"),
            OfficeError::Refused(refusal) => refusal.message(lang),
            OfficeError::Determine(error) => error.message(lang),
            OfficeError::Store(error) => {
                t!(lang, "office-store-failed", detail = error.message(lang))
            }
        }
    }
}
