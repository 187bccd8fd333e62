//! The decisions a determination takes as given besides the votes: candidates who died before
//! the result was determined (Kieswet P 19a; their votes stay with the list) and the lots the
//! central polling station or main office drew (Kieswet P 7, P 8, P 9, P 15; Lokaal en
//! Provinciaal Kiesdecreet art. 170: the oldest candidate's list). A result package carries them
//! as `decisions.json`, so that the centre and every verifier allocate exactly as the office did.
//!
//! Each decision belongs to one contest. In an election with one contest it need not say which
//! (and files written for such elections never do, so they read as before contests were named);
//! in an election with several (a Flemish provincial council's districts) it must.

use messages::{Language, t};
use model::{CandidatePosition, Contest, ContestId, Election, ElectionId, ListNumber};
use serde::{Deserialize, Serialize};

/// Why decisions do not fit an election.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecisionsError {
    /// The file does not read (the reader's message, with line and column).
    #[error("{0}")]
    Unreadable(String),
    /// Taken for another election.
    #[error("is for election {found}, the definition for {expected}")]
    OtherElection {
        /// The file's election.
        found: String,
        /// The definition's.
        expected: String,
    },
    /// A decision names a contest the election does not have.
    #[error("contest {0} is not in the election")]
    UnknownContest(String),
    /// A decision in an election with several contests does not say which.
    #[error("the election has {0} contests: every decision must name its contest")]
    ContestNotNamed(usize),
    /// A deceased candidate who is not on the lists.
    #[error("deceased candidate {position} of list {list} is not on the lists")]
    NotOnTheLists {
        /// List number.
        list: u32,
        /// Position.
        position: u32,
    },
    /// The same candidate twice.
    #[error("deceased candidate {position} of list {list} is recorded twice")]
    Twice {
        /// List number.
        list: u32,
        /// Position.
        position: u32,
    },
}

impl DecisionsError {
    /// The reason, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        match self {
            DecisionsError::Unreadable(detail) => detail.clone(),
            DecisionsError::OtherElection { found, expected } => t!(
                lang,
                "decisions-other-election",
                found = found,
                expected = expected
            ),
            DecisionsError::UnknownContest(contest) => {
                t!(lang, "determine-unknown-contest", contest = contest)
            }
            DecisionsError::ContestNotNamed(n) => {
                t!(lang, "decisions-contest-not-named", contests = n)
            }
            DecisionsError::NotOnTheLists { list, position } => t!(
                lang,
                "decisions-not-on-the-lists",
                list = list,
                position = position
            ),
            DecisionsError::Twice { list, position } => {
                t!(lang, "decisions-twice", list = list, position = position)
            }
        }
    }
}

/// A candidate who died before the result was determined (Kieswet P 19a).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deceased {
    /// The contest; absent in an election with one contest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contest: Option<ContestId>,
    /// List number.
    pub list: ListNumber,
    /// Position on the list.
    pub position: CandidatePosition,
}

/// The outcome of a drawing of lots (or a Flemish tie decision).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrawnLot {
    /// The contest; absent in an election with one contest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contest: Option<ContestId>,
    /// The id the allocation gave the tie.
    pub id: String,
    /// The drawn order of the options, winners first.
    pub order: Vec<u32>,
}

/// The decisions of one election (`decisions.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decisions {
    /// The election they were taken for.
    pub election: ElectionId,
    /// Deceased candidates.
    #[serde(default)]
    pub deceased: Vec<Deceased>,
    /// Lots drawn, in the order they were drawn.
    #[serde(default)]
    pub lots: Vec<DrawnLot>,
}

impl Decisions {
    /// The file's name in a result package.
    pub const FILE: &'static str = "decisions.json";

    /// No decisions (the usual case), for `election`.
    pub fn none(election: &ElectionId) -> Decisions {
        Decisions {
            election: election.clone(),
            deceased: Vec::new(),
            lots: Vec::new(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.deceased.is_empty() && self.lots.is_empty()
    }

    /// The file's bytes (pretty JSON, a final newline).
    pub fn to_file(&self) -> Vec<u8> {
        // Identifiers, numbers and strings always serialise.
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// Reads a file's bytes and checks them against `election`.
    pub fn from_file(bytes: &[u8], election: &Election) -> Result<Decisions, DecisionsError> {
        let decisions: Decisions =
            serde_json::from_slice(bytes).map_err(|e| DecisionsError::Unreadable(e.to_string()))?;
        decisions.check(election)?;
        Ok(decisions)
    }

    /// Checks that every decision belongs to `election`: its id, a contest it has (named where
    /// it has several), and a candidate on that contest's lists.
    pub fn check(&self, election: &Election) -> Result<(), DecisionsError> {
        if self.election != election.id {
            return Err(DecisionsError::OtherElection {
                found: self.election.to_string(),
                expected: election.id.to_string(),
            });
        }
        let mut seen = Vec::new();
        for deceased in &self.deceased {
            let contest = contest_of(election, deceased.contest.as_ref())?;
            let (list, position) = (deceased.list.get(), deceased.position.get());
            let on_lists = contest.lists.iter().any(|l| {
                l.number == deceased.list
                    && l.candidates.iter().any(|c| c.position == deceased.position)
            });
            if !on_lists {
                return Err(DecisionsError::NotOnTheLists { list, position });
            }
            let key = (&contest.id, list, position);
            if seen.contains(&key) {
                return Err(DecisionsError::Twice { list, position });
            }
            seen.push(key);
        }
        for lot in &self.lots {
            contest_of(election, lot.contest.as_ref())?;
        }
        Ok(())
    }

    /// The deceased candidates and lots of one contest, as the allocation takes them.
    pub(crate) fn for_contest(
        &self,
        election: &Election,
        contest: &Contest,
    ) -> (Vec<apportion::CandidateRef>, Vec<apportion::Lot>) {
        let ours = |named: Option<&ContestId>| {
            contest_of(election, named).is_ok_and(|c| c.id == contest.id)
        };
        let deceased = self
            .deceased
            .iter()
            .filter(|d| ours(d.contest.as_ref()))
            .map(|d| apportion::CandidateRef {
                list: d.list.get(),
                position: d.position.get(),
            })
            .collect();
        let lots = self
            .lots
            .iter()
            .filter(|l| ours(l.contest.as_ref()))
            .map(|l| apportion::Lot {
                id: l.id.clone(),
                order: l.order.clone(),
            })
            .collect();
        (deceased, lots)
    }
}

/// The contest a decision names, or the election's only one.
pub(crate) fn contest_of<'e>(
    election: &'e Election,
    named: Option<&ContestId>,
) -> Result<&'e Contest, DecisionsError> {
    match named {
        Some(id) => election
            .contest(id)
            .ok_or_else(|| DecisionsError::UnknownContest(id.to_string())),
        None => match election.contests.as_slice() {
            [only] => Ok(only),
            contests => Err(DecisionsError::ContestNotNamed(contests.len())),
        },
    }
}
