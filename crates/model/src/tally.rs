//! The count helper of the polling-station app: the tallies a chair keeps on a phone while the
//! ballots are sorted and counted at closing, and where they differ from the definitive count.
//!
//! The paper report stays leading (Kieswet N 11, N 12: the polling station counts and records the
//! votes per candidate in its report, which is typed twice at the municipality). The tally is an
//! aid: one [`Mark`] per ballot — a vote for a candidate, a blank or an invalid ballot — and a
//! draft of the report's totals ([`Tally::draft`]). Once the report's count is definitive,
//! [`Tally::differences`] names every figure where the app's tally and the typed count disagree,
//! so the coordinator can look at that polling station again.

use std::fmt;

use crate::count::{AdmittedVoters, CountForm, Differences, ListVotes, NlCount, VotesCast};
use crate::election::Contest;
use crate::ids::{CandidatePosition, ListNumber};

/// One ballot as the chair taps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mark {
    /// A valid vote for a candidate.
    Candidate {
        /// The list.
        list: ListNumber,
        /// The candidate's position on it.
        position: CandidatePosition,
    },
    /// A blank ballot (rubriek F).
    Blank,
    /// An invalid ballot (rubriek G).
    Invalid,
}

/// Why a mark is not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MarkError {
    /// Not of the form `c:LIST:POSITION`, `blank` or `invalid`.
    #[error("{0:?} is not a mark (expected c:LIST:POSITION, blank or invalid)")]
    Malformed(String),
    /// A candidate the contest does not have.
    #[error("list {list} has no candidate {position} in this election")]
    NoSuchCandidate {
        /// List number.
        list: u32,
        /// Position.
        position: u32,
    },
    /// More undone than marked: the stored marks are inconsistent.
    #[error("the mark {0} was undone more often than it was made")]
    Negative(String),
}

impl Mark {
    /// Parses the form a mark is stored and sent in: `c:LIST:POSITION`, `blank`, `invalid`.
    pub fn parse(text: &str) -> Result<Mark, MarkError> {
        let malformed = || MarkError::Malformed(text.chars().take(40).collect());
        match text {
            "blank" => Ok(Mark::Blank),
            "invalid" => Ok(Mark::Invalid),
            _ => {
                let rest = text.strip_prefix("c:").ok_or_else(malformed)?;
                let (list, position) = rest.split_once(':').ok_or_else(malformed)?;
                let list = list
                    .parse::<u32>()
                    .ok()
                    .and_then(|n| ListNumber::new(n).ok())
                    .ok_or_else(malformed)?;
                let position = position
                    .parse::<u32>()
                    .ok()
                    .and_then(|n| CandidatePosition::new(n).ok())
                    .ok_or_else(malformed)?;
                Ok(Mark::Candidate { list, position })
            }
        }
    }

    /// The index of the list in ballot order and of the candidate in list order, checked against
    /// `contest`; `None` for blank and invalid.
    pub fn locate(&self, contest: &Contest) -> Result<Option<(usize, usize)>, MarkError> {
        let Mark::Candidate { list, position } = *self else {
            return Ok(None);
        };
        contest
            .lists
            .iter()
            .enumerate()
            .find(|(_, l)| l.number == list)
            .and_then(|(li, l)| {
                l.candidates
                    .iter()
                    .position(|c| c.position == position)
                    .map(|ci| Some((li, ci)))
            })
            .ok_or(MarkError::NoSuchCandidate {
                list: list.get(),
                position: position.get(),
            })
    }
}

impl fmt::Display for Mark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mark::Candidate { list, position } => write!(f, "c:{list}:{position}"),
            Mark::Blank => f.write_str("blank"),
            Mark::Invalid => f.write_str("invalid"),
        }
    }
}

/// A polling station's tally: votes per candidate (lists in ballot order, candidates in list
/// order), blank and invalid ballots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Votes per candidate, per list.
    pub lists: Vec<Vec<u32>>,
    /// Blank ballots.
    pub blank: u32,
    /// Invalid ballots.
    pub invalid: u32,
}

/// One figure where the app's tally and the definitive count differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TallyDifference {
    /// The figure as the report names it: `E.2` (list 2's total), `2.5` (candidate 5 of list 2),
    /// `F`, `G`, `H`.
    pub field: String,
    /// In the app.
    pub app: u32,
    /// In the definitive count.
    pub definitive: u32,
}

impl Tally {
    /// Nothing counted yet.
    pub fn empty(contest: &Contest) -> Tally {
        Tally {
            lists: contest
                .lists
                .iter()
                .map(|l| vec![0; l.candidates.len()])
                .collect(),
            blank: 0,
            invalid: 0,
        }
    }

    /// The tally from net counts per mark (marks made minus marks undone).
    pub fn from_counts(
        contest: &Contest,
        counts: impl IntoIterator<Item = (Mark, i64)>,
    ) -> Result<Tally, MarkError> {
        let mut tally = Tally::empty(contest);
        for (mark, count) in counts {
            let count = u32::try_from(count).map_err(|_| MarkError::Negative(mark.to_string()))?;
            match mark.locate(contest)? {
                Some((list, candidate)) => tally.lists[list][candidate] = count,
                None if mark == Mark::Blank => tally.blank = count,
                None => tally.invalid = count,
            }
        }
        Ok(tally)
    }

    /// The tally from net counts per mark as they are stored and sent (`c:1:3`, `blank`, …);
    /// a text that is no mark is an error.
    pub fn from_stored<S: AsRef<str>>(
        contest: &Contest,
        counts: impl IntoIterator<Item = (S, i64)>,
    ) -> Result<Tally, MarkError> {
        let marks = counts
            .into_iter()
            .map(|(mark, count)| Mark::parse(mark.as_ref()).map(|m| (m, count)))
            .collect::<Result<Vec<_>, _>>()?;
        Tally::from_counts(contest, marks)
    }

    /// The votes of the list at ballot index `index` (rubriek E.n).
    pub fn list_total(&self, index: usize) -> u32 {
        self.lists.get(index).map_or(0, |l| l.iter().sum())
    }

    /// Votes on candidates (rubriek E).
    pub fn total_on_candidates(&self) -> u32 {
        (0..self.lists.len()).map(|i| self.list_total(i)).sum()
    }

    /// Ballots counted (rubriek H = E + F + G).
    pub fn total_cast(&self) -> u32 {
        self.total_on_candidates() + self.blank + self.invalid
    }

    /// The totals of the report (model N 10-1) as the tally has them, with the admitted voters
    /// (D) from the last turnout report when known, and the comparison of D and H.
    pub fn draft(&self, admitted: Option<u32>) -> NlCount {
        let per_list: Vec<u32> = (0..self.lists.len()).map(|i| self.list_total(i)).collect();
        let h = self.total_cast();
        let differences = match admitted {
            Some(d) => Differences {
                d_equals_h: d == h,
                h_greater_than_d: h > d,
                h_less_than_d: h < d,
                more_ballots: h.saturating_sub(d),
                fewer_ballots: d.saturating_sub(h),
                ..Differences::default()
            },
            None => Differences::default(),
        };
        NlCount {
            voters: AdmittedVoters {
                total: admitted.unwrap_or(0),
                ..AdmittedVoters::default()
            },
            votes: VotesCast {
                per_list,
                total_on_candidates: self.total_on_candidates(),
                blank: self.blank,
                invalid: self.invalid,
                total_cast: h,
            },
            differences,
            lists: self
                .lists
                .iter()
                .map(|candidates| ListVotes {
                    candidates: candidates.clone(),
                    total: candidates.iter().sum(),
                })
                .collect(),
        }
    }

    /// Every figure where the tally and the definitive count differ: per list, per candidate,
    /// blank, invalid and the ballots counted. `None` when the definitive count is not in the
    /// Dutch form (the app's tally is the Dutch count per candidate).
    pub fn differences(&self, definitive: &CountForm) -> Option<Vec<TallyDifference>> {
        let CountForm::Netherlands(count) = definitive else {
            return None;
        };
        let mut found = Vec::new();
        let mut compare = |field: String, app: u32, definitive: u32| {
            if app != definitive {
                found.push(TallyDifference {
                    field,
                    app,
                    definitive,
                });
            }
        };
        for (index, candidates) in self.lists.iter().enumerate() {
            let typed = count.lists.get(index);
            let list_number = index + 1;
            compare(
                format!("E.{list_number}"),
                self.list_total(index),
                count.votes.per_list.get(index).copied().unwrap_or(0),
            );
            for (position, votes) in candidates.iter().enumerate() {
                let typed_votes = typed
                    .and_then(|l| l.candidates.get(position))
                    .copied()
                    .unwrap_or(0);
                compare(
                    format!("{list_number}.{}", position + 1),
                    *votes,
                    typed_votes,
                );
            }
        }
        compare("F".into(), self.blank, count.votes.blank);
        compare("G".into(), self.invalid, count.votes.invalid);
        compare("H".into(), self.total_cast(), count.votes.total_cast);
        Some(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::election::{Candidate, List};
    use crate::ids::ContestId;

    fn candidate(position: u32) -> Candidate {
        Candidate {
            position: CandidatePosition::new(position).unwrap(),
            initials: Some("A.".into()),
            first_name: None,
            prefix: None,
            last_name: format!("Kandidaat{position}"),
            gender: None,
            locality: None,
            country: None,
        }
    }

    fn contest() -> Contest {
        Contest {
            id: ContestId::new("geen").unwrap(),
            name: None,
            seats: Some(9),
            lists: vec![
                List {
                    number: ListNumber::new(1).unwrap(),
                    name: "Een".into(),
                    candidates: (1..=3).map(candidate).collect(),
                },
                List {
                    number: ListNumber::new(2).unwrap(),
                    name: "Twee".into(),
                    candidates: (1..=2).map(candidate).collect(),
                },
            ],
        }
    }

    fn mark(text: &str) -> Mark {
        Mark::parse(text).unwrap()
    }

    #[test]
    fn marks_round_trip_and_are_checked_against_the_contest() {
        for text in ["c:1:3", "c:2:1", "blank", "invalid"] {
            assert_eq!(mark(text).to_string(), text);
        }
        for bad in ["", "c:1", "c:0:1", "c:1:x", "x:1:1", "Blank", "c:1:1:1"] {
            assert!(Mark::parse(bad).is_err(), "{bad}");
        }
        let contest = contest();
        assert_eq!(mark("c:2:2").locate(&contest), Ok(Some((1, 1))));
        assert_eq!(
            mark("c:2:3").locate(&contest),
            Err(MarkError::NoSuchCandidate {
                list: 2,
                position: 3
            })
        );
        assert_eq!(
            mark("c:3:1").locate(&contest),
            Err(MarkError::NoSuchCandidate {
                list: 3,
                position: 1
            })
        );
        assert_eq!(mark("blank").locate(&contest), Ok(None));
    }

    #[test]
    fn the_draft_has_the_reports_totals_and_compares_d_with_h() {
        let contest = contest();
        let tally = Tally::from_counts(
            &contest,
            [
                (mark("c:1:1"), 5),
                (mark("c:1:3"), 2),
                (mark("c:2:2"), 4),
                (mark("blank"), 1),
                (mark("invalid"), 2),
            ],
        )
        .unwrap();
        assert_eq!(tally.total_cast(), 14);
        let draft = tally.draft(Some(15));
        assert_eq!(draft.votes.per_list, vec![7, 4]);
        assert_eq!(draft.votes.total_on_candidates, 11);
        assert_eq!(draft.votes.total_cast, 14);
        assert_eq!(draft.voters.total, 15);
        assert!(draft.differences.h_less_than_d && !draft.differences.d_equals_h);
        assert_eq!(draft.differences.fewer_ballots, 1);
        assert_eq!(draft.lists[0].candidates, vec![5, 0, 2]);
        assert_eq!(draft.lists[1].total, 4);
        let unknown = tally.draft(None);
        assert!(!unknown.differences.d_equals_h && !unknown.differences.h_less_than_d);
        assert!(Tally::from_counts(&contest, [(mark("blank"), -1)]).is_err());
        let stored = Tally::from_stored(&contest, [("c:1:1", 5), ("c:1:3", 2), ("c:2:2", 4)]);
        assert_eq!(stored.unwrap().lists, tally.lists);
        assert!(matches!(
            Tally::from_stored(&contest, [("c:1:1", 1), ("stem", 1)]),
            Err(MarkError::Malformed(_))
        ));
    }

    #[test]
    fn differences_name_each_figure_that_disagrees() {
        let contest = contest();
        let tally = Tally::from_counts(&contest, [(mark("c:1:1"), 5), (mark("blank"), 1)]).unwrap();
        let same = CountForm::Netherlands(tally.draft(Some(6)));
        assert_eq!(tally.differences(&same), Some(Vec::new()));
        let mut typed = tally.draft(Some(6));
        typed.lists[0].candidates[0] = 6;
        typed.votes.per_list[0] = 6;
        typed.votes.total_cast = 7;
        let found = tally.differences(&CountForm::Netherlands(typed)).unwrap();
        let fields: Vec<&str> = found.iter().map(|d| d.field.as_str()).collect();
        assert_eq!(fields, ["E.1", "1.1", "H"]);
        assert_eq!((found[1].app, found[1].definitive), (5, 6));
        let flemish = CountForm::Flanders(crate::count::FlandersCount::default());
        assert_eq!(tally.differences(&flemish), None);
    }
}
