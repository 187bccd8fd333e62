//! The municipal electoral committee's work after the first count: its numbered sessions
//! (zittingen) and the investigations (onderzoeken) of polling stations it opens in them.
//!
//! The committee (gemeentelijk stembureau, GSB) establishes the count in a public session
//! (Kieswet N 11). A later session is opened for new work: an investigation of a polling
//! station, on the committee's own initiative or at the request of the central committee
//! (Kieswet P 2a), which may end in a corrected count. Everything is tied to the session in which
//! it was done; a closed session never changes. The 510b carries, per polling station, the three
//! reason codes of the Electoral Council that these investigations produce
//! ([`InvestigationFlags`]).
//!
//! The first session exists from the start, without recorded details (its report, Na 31-2, has
//! room for them by hand); every later session is opened with its date, time, place and members.
//! Pure: the rules here decide, `office` stores.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use messages::{Message, msg};

use crate::PollingStationNumber;

/// Who counts the votes per candidate (Kieswet N 11 ff.), chosen per election by the
/// municipality: the municipal electoral committee, after the polling stations counted per list
/// (central counting, models N 10-2, Na 31-2, Na 14-2), or the polling stations themselves
/// (decentralised counting, models N 10-1, Na 31-1, Na 14-1). The count typed per polling
/// station and the 510b are the same in both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountingMethod {
    /// Central counting (centrale stemopneming, CSO).
    #[default]
    Central,
    /// Decentralised counting (decentrale stemopneming, DSO).
    Decentralised,
}

impl CountingMethod {
    /// As stored and typed: `central`, `decentralised`.
    pub fn as_str(self) -> &'static str {
        match self {
            CountingMethod::Central => "central",
            CountingMethod::Decentralised => "decentralised",
        }
    }

    /// Reads [`CountingMethod::as_str`] (and the Dutch abbreviations CSO, DSO).
    pub fn parse(text: &str) -> Option<CountingMethod> {
        match text.trim().to_lowercase().as_str() {
            "central" | "cso" => Some(CountingMethod::Central),
            "decentralised" | "decentralized" | "dso" => Some(CountingMethod::Decentralised),
            _ => None,
        }
    }

    /// Its name.
    pub fn name(self) -> Message {
        match self {
            CountingMethod::Central => msg!("committee-counting-central"),
            CountingMethod::Decentralised => msg!("committee-counting-decentralised"),
        }
    }
}

/// When, where and with whom a session was held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionDetails {
    /// The local date and time the session opened.
    pub started: NaiveDateTime,
    /// Where it is held.
    pub location: String,
    /// The members present, the chair first.
    pub members: Vec<String>,
}

/// Why session details or an investigation are refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommitteeError {
    /// The session has no place.
    #[error("the session has no place")]
    NoLocation,
    /// Nobody is named as present.
    #[error("no member of the committee is named as present")]
    NoMembers,
    /// A member's name is empty or given twice.
    #[error("member {0:?} is empty or named twice")]
    Member(String),
    /// The session this needs is closed, or not opened.
    #[error("session {0} is closed")]
    SessionClosed(u32),
    /// The previous session is still open.
    #[error("session {0} is still open")]
    SessionOpen(u32),
    /// The polling station is under investigation in this session already.
    #[error("polling station {0} is under investigation already")]
    InvestigatedAlready(u32),
    /// There is no open investigation of the polling station in this session.
    #[error("polling station {0} has no open investigation in this session")]
    NoInvestigation(u32),
    /// A reason or findings text is empty.
    #[error("the {0} is empty")]
    Empty(&'static str),
    /// Investigations not concluded: the session cannot close.
    #[error("investigations of polling stations {0:?} are not concluded")]
    Unconcluded(Vec<u32>),
}

impl CommitteeError {
    /// The message for a person.
    pub fn message(&self) -> Message {
        match self {
            CommitteeError::NoLocation => msg!("committee-no-location"),
            CommitteeError::NoMembers => msg!("committee-no-members"),
            CommitteeError::Member(name) => msg!("committee-member", name = name.clone()),
            CommitteeError::SessionClosed(n) => msg!("committee-session-closed", session = *n),
            CommitteeError::SessionOpen(n) => msg!("committee-session-open", session = *n),
            CommitteeError::InvestigatedAlready(n) => {
                msg!("committee-investigated-already", station = *n)
            }
            CommitteeError::NoInvestigation(n) => msg!("committee-no-investigation", station = *n),
            CommitteeError::Empty("reason") => msg!("committee-empty-reason"),
            CommitteeError::Empty(_) => msg!("committee-empty-findings"),
            CommitteeError::Unconcluded(stations) => msg!(
                "committee-unconcluded",
                stations = stations
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

impl SessionDetails {
    /// A session's local start as people and forms write it: `2026-03-25 10:00`, a browser's
    /// `2026-03-25T10:00` (seconds allowed), or `25-03-2026 10:00`.
    pub fn parse_start(text: &str) -> Option<NaiveDateTime> {
        let text = text.trim();
        [
            "%Y-%m-%d %H:%M",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%dT%H:%M:%S",
            "%d-%m-%Y %H:%M",
        ]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
    }

    /// Refused without a place or members, or with a member empty or named twice.
    pub fn check(&self) -> Result<(), CommitteeError> {
        if self.location.trim().is_empty() {
            return Err(CommitteeError::NoLocation);
        }
        if self.members.is_empty() {
            return Err(CommitteeError::NoMembers);
        }
        let mut seen = std::collections::BTreeSet::new();
        for member in &self.members {
            let name = member.trim();
            if name.is_empty() || !seen.insert(name.to_lowercase()) {
                return Err(CommitteeError::Member(member.clone()));
            }
        }
        Ok(())
    }
}

/// One session of the committee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// 1 for the first session, then one more for each.
    pub number: u32,
    /// When, where, who; the first session may have none recorded.
    pub details: Option<SessionDetails>,
    /// Whether it is closed (its documents are made): from then on it never changes.
    pub closed: bool,
}

impl Session {
    /// The first session as it stands before anything about it was recorded.
    pub fn first() -> Session {
        Session {
            number: 1,
            details: None,
            closed: false,
        }
    }

    /// Refused when closed.
    pub fn check_open(&self) -> Result<(), CommitteeError> {
        if self.closed {
            Err(CommitteeError::SessionClosed(self.number))
        } else {
            Ok(())
        }
    }

    /// The session that follows this one: refused while this one is open (Kieswet N 11: one
    /// session at a time, each with its own report).
    pub fn next(&self, details: SessionDetails) -> Result<Session, CommitteeError> {
        if !self.closed {
            return Err(CommitteeError::SessionOpen(self.number));
        }
        details.check()?;
        Ok(Session {
            number: self.number + 1,
            details: Some(details),
            closed: false,
        })
    }
}

/// Why the committee investigates a polling station.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// The admitted voters and the ballots counted differ without an explanation.
    UnexplainedDifference,
    /// Any other reason (a complaint, an objection, a request of the central committee).
    OtherReason,
}

impl Cause {
    /// Its name.
    pub fn name(self) -> Message {
        match self {
            Cause::UnexplainedDifference => msg!("committee-cause-unexplained-difference"),
            Cause::OtherReason => msg!("committee-cause-other-reason"),
        }
    }

    /// As the command line and forms name it.
    pub fn parse(text: &str) -> Option<Cause> {
        match text {
            "unexplained_difference" | "verschil" => Some(Cause::UnexplainedDifference),
            "other_reason" | "andere_reden" => Some(Cause::OtherReason),
            _ => None,
        }
    }
}

/// How an investigation ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conclusion {
    /// What the committee found.
    pub findings: String,
    /// The number of admitted voters was established again.
    pub admitted_voters_reestablished: bool,
    /// The ballots were (partly) counted again.
    pub ballots_recounted: bool,
    /// The count changes: a corrected count is typed twice, like a first entry, and the previous
    /// definitive count goes into the history.
    pub corrected_count: bool,
}

/// An investigation of one polling station.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Investigation {
    /// The polling station.
    pub station: PollingStationNumber,
    /// The session it was opened (and is concluded) in.
    pub session: u32,
    /// Why.
    pub cause: Cause,
    /// The reason, as the committee records it.
    pub reason: String,
    /// Opened at the request of the central committee (Kieswet P 2a).
    pub requested_by_central: bool,
    /// How it ended, once it has.
    pub conclusion: Option<Conclusion>,
}

impl Investigation {
    /// A new investigation of `station` in `session` (which must be open), refused when the
    /// station is under investigation in it already or the reason is empty.
    pub fn open(
        session: &Session,
        existing: &[Investigation],
        station: PollingStationNumber,
        cause: Cause,
        reason: String,
        requested_by_central: bool,
    ) -> Result<Investigation, CommitteeError> {
        session.check_open()?;
        if reason.trim().is_empty() {
            return Err(CommitteeError::Empty("reason"));
        }
        if existing
            .iter()
            .any(|i| i.session == session.number && i.station == station)
        {
            return Err(CommitteeError::InvestigatedAlready(station.get()));
        }
        Ok(Investigation {
            station,
            session: session.number,
            cause,
            reason,
            requested_by_central,
            conclusion: None,
        })
    }

    /// The investigation concluded, in its own session (which must be open): refused when it was
    /// concluded already or the findings are empty.
    pub fn conclude(
        self,
        session: &Session,
        conclusion: Conclusion,
    ) -> Result<Investigation, CommitteeError> {
        session.check_open()?;
        if self.session != session.number || self.conclusion.is_some() {
            return Err(CommitteeError::NoInvestigation(self.station.get()));
        }
        if conclusion.findings.trim().is_empty() {
            return Err(CommitteeError::Empty("findings"));
        }
        Ok(Investigation {
            conclusion: Some(conclusion),
            ..self
        })
    }
}

/// The polling stations whose investigation in `session` is not concluded: the session cannot
/// close while there are any.
pub fn unconcluded(investigations: &[Investigation], session: u32) -> Result<(), CommitteeError> {
    let open: Vec<u32> = investigations
        .iter()
        .filter(|i| i.session == session && i.conclusion.is_none())
        .map(|i| i.station.get())
        .collect();
    if open.is_empty() {
        Ok(())
    } else {
        Err(CommitteeError::Unconcluded(open))
    }
}

/// The three reason codes of the Electoral Council a 510b carries per polling station
/// (`kr:ReportingUnitInvestigations`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvestigationFlags {
    /// `toegelaten kiezers opnieuw vastgesteld`.
    pub admitted_voters_reestablished: bool,
    /// `onderzocht vanwege andere reden`.
    pub other_reason: bool,
    /// `stembiljetten deels herteld`.
    pub ballots_partly_recounted: bool,
}

impl InvestigationFlags {
    /// The flags of `station` over every concluded investigation up to and including session
    /// `up_to`: what the 510b of that session says.
    pub fn of(
        investigations: &[Investigation],
        station: PollingStationNumber,
        up_to: u32,
    ) -> InvestigationFlags {
        let mut flags = InvestigationFlags::default();
        for investigation in investigations
            .iter()
            .filter(|i| i.station == station && i.session <= up_to)
        {
            let Some(conclusion) = &investigation.conclusion else {
                continue;
            };
            flags.other_reason |= investigation.cause == Cause::OtherReason;
            flags.admitted_voters_reestablished |= conclusion.admitted_voters_reestablished;
            flags.ballots_partly_recounted |= conclusion.ballots_recounted;
        }
        flags
    }

    /// Whether any flag is set.
    pub fn any(self) -> bool {
        self.admitted_voters_reestablished || self.other_reason || self.ballots_partly_recounted
    }
}

/// A corrected count: which polling station, in which session, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The polling station.
    pub station: PollingStationNumber,
    /// The session that replaced its count.
    pub session: u32,
    /// Why, as recorded.
    pub reason: String,
}

/// The committee's record as it travels with the result (`committee.json` in the package):
/// every session, every investigation and every corrected count, so that the centre, the public
/// site and every verifier can say which session made a correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitteeRecord {
    /// The election.
    pub election: crate::ElectionId,
    /// The sessions, in order.
    pub sessions: Vec<Session>,
    /// The investigations, by session and polling station.
    pub investigations: Vec<Investigation>,
    /// The corrected counts, in the order made.
    pub corrections: Vec<Correction>,
}

/// Why a committee record does not fit the result it travels with.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    /// The file does not read.
    #[error("{0}")]
    Unreadable(String),
    /// The record is of another election.
    #[error("the record is of election {found}, the result of {expected}")]
    OtherElection {
        /// The record's.
        found: String,
        /// The result's.
        expected: String,
    },
    /// A session is still open, or the sessions are not numbered 1, 2, 3, …
    #[error("session {0} is open or out of order: a result is sent after its session closed")]
    Session(u32),
    /// An investigation or correction names a session the record does not have, or an
    /// investigation is not concluded.
    #[error("polling station {station}: {what} of session {session} does not fit the sessions")]
    Unfitting {
        /// The polling station.
        station: u32,
        /// `investigation` or `correction`.
        what: &'static str,
        /// The session it names.
        session: u32,
    },
    /// The count's investigation flags differ from what the record's investigations established.
    #[error(
        "polling station {station}: the count says {count:?}, the committee's investigations {record:?}"
    )]
    Flags {
        /// The polling station.
        station: u32,
        /// The count's flags.
        count: InvestigationFlags,
        /// The record's.
        record: InvestigationFlags,
    },
}

impl CommitteeRecord {
    /// The file's name in a result package.
    pub const FILE: &'static str = "committee.json";

    /// The record as the package carries it.
    pub fn to_file(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).unwrap_or_default()
    }

    /// Reads a package's record and checks it against the result it travels with: of the same
    /// election, every session closed and numbered in order, every investigation concluded in a
    /// session of the record, every correction made in one, and the count's investigation flags
    /// (`flags`, per polling station, as its 510b says) exactly those the investigations
    /// establish.
    pub fn from_file(
        bytes: &[u8],
        election: &crate::ElectionId,
        flags: &std::collections::BTreeMap<PollingStationNumber, InvestigationFlags>,
    ) -> Result<CommitteeRecord, RecordError> {
        let record: CommitteeRecord =
            serde_json::from_slice(bytes).map_err(|e| RecordError::Unreadable(e.to_string()))?;
        if record.election != *election {
            return Err(RecordError::OtherElection {
                found: record.election.to_string(),
                expected: election.to_string(),
            });
        }
        for (index, session) in record.sessions.iter().enumerate() {
            if !session.closed || usize::try_from(session.number).ok() != Some(index + 1) {
                return Err(RecordError::Session(session.number));
            }
        }
        let last = u32::try_from(record.sessions.len()).unwrap_or(u32::MAX);
        let fits = |session: u32| (1..=last).contains(&session);
        for investigation in &record.investigations {
            if !fits(investigation.session) || investigation.conclusion.is_none() {
                return Err(RecordError::Unfitting {
                    station: investigation.station.get(),
                    what: "investigation",
                    session: investigation.session,
                });
            }
        }
        for correction in &record.corrections {
            if !fits(correction.session) {
                return Err(RecordError::Unfitting {
                    station: correction.station.get(),
                    what: "correction",
                    session: correction.session,
                });
            }
        }
        for (station, count) in flags {
            let established = InvestigationFlags::of(&record.investigations, *station, last);
            if *count != established {
                return Err(RecordError::Flags {
                    station: station.get(),
                    count: *count,
                    record: established,
                });
            }
        }
        Ok(record)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn details() -> SessionDetails {
        SessionDetails {
            started: chrono::NaiveDate::from_ymd_opt(2026, 3, 25)
                .and_then(|d| d.and_hms_opt(10, 0, 0))
                .expect("valid date"),
            location: "Raadhuis".into(),
            members: vec!["J. Jansen".into(), "P. de Vries".into()],
        }
    }

    fn station(n: u32) -> PollingStationNumber {
        PollingStationNumber::new(n).expect("positive")
    }

    #[test]
    fn a_session_opens_only_after_the_previous_one_closed() {
        let first = Session::first();
        assert_eq!(first.next(details()), Err(CommitteeError::SessionOpen(1)));
        let closed = Session {
            closed: true,
            ..first
        };
        let second = closed.next(details()).expect("opens");
        assert_eq!(second.number, 2);
        let mut twice = details();
        twice.members.push(" j. jansen ".into());
        assert!(matches!(closed.next(twice), Err(CommitteeError::Member(_))));
        let nowhere = SessionDetails {
            location: " ".into(),
            ..details()
        };
        assert_eq!(closed.next(nowhere), Err(CommitteeError::NoLocation));
    }

    #[test]
    fn an_investigation_is_opened_once_per_session_and_concluded_in_it() {
        let session = Session {
            number: 2,
            details: Some(details()),
            closed: false,
        };
        let opened = Investigation::open(
            &session,
            &[],
            station(15),
            Cause::OtherReason,
            "Bezwaar over de telling".into(),
            true,
        )
        .expect("opens");
        assert_eq!(
            Investigation::open(
                &session,
                std::slice::from_ref(&opened),
                station(15),
                Cause::OtherReason,
                "nogmaals".into(),
                false
            ),
            Err(CommitteeError::InvestigatedAlready(15))
        );
        assert_eq!(
            unconcluded(std::slice::from_ref(&opened), 2),
            Err(CommitteeError::Unconcluded(vec![15]))
        );
        let conclusion = Conclusion {
            findings: "Stapel van lijst 1 verkeerd geteld".into(),
            admitted_voters_reestablished: true,
            ballots_recounted: true,
            corrected_count: true,
        };
        let empty = Conclusion {
            findings: String::new(),
            ..conclusion.clone()
        };
        assert_eq!(
            opened.clone().conclude(&session, empty),
            Err(CommitteeError::Empty("findings"))
        );
        let done = opened.conclude(&session, conclusion).expect("concludes");
        assert_eq!(unconcluded(std::slice::from_ref(&done), 2), Ok(()));
        let closed = Session {
            closed: true,
            ..session
        };
        assert_eq!(
            done.clone()
                .conclude(&closed, done.conclusion.clone().expect("set")),
            Err(CommitteeError::SessionClosed(2))
        );
        let flags = InvestigationFlags::of(&[done], station(15), 2);
        assert_eq!(
            flags,
            InvestigationFlags {
                admitted_voters_reestablished: true,
                other_reason: true,
                ballots_partly_recounted: true,
            }
        );
    }

    #[test]
    fn flags_count_only_concluded_investigations_up_to_the_session() {
        let open = Investigation {
            station: station(3),
            session: 2,
            cause: Cause::OtherReason,
            reason: "klacht".into(),
            requested_by_central: false,
            conclusion: None,
        };
        let later = Investigation {
            session: 3,
            conclusion: Some(Conclusion {
                findings: "geteld".into(),
                admitted_voters_reestablished: false,
                ballots_recounted: true,
                corrected_count: false,
            }),
            ..open.clone()
        };
        let both = [open, later];
        assert!(!InvestigationFlags::of(&both, station(3), 2).any());
        assert!(InvestigationFlags::of(&both, station(3), 3).ballots_partly_recounted);
        assert!(!InvestigationFlags::of(&both, station(4), 3).any());
    }
}
