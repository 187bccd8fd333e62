//! A determination as people read it: per contest the totals, and per list its votes, seats and
//! elected candidates by name; over all contests the sums per list (a province over its
//! districts). Comparable (`Eq`) and serialisable, so that two paths to a result can be shown to
//! agree, and the pages, the command line and the publication print the same figures.

use model::{Contest, ContestId, Election};
use serde::Serialize;

use crate::{ContestOutcome, Determination};

/// An elected candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElectedCandidate {
    /// Position on the list.
    pub position: u32,
    /// Name as on the ballot.
    pub name: String,
    /// Their votes (preference votes).
    pub votes: u64,
    /// Elected on their own preference votes (Kieswet P 15), not in list order (P 17).
    pub by_preference: bool,
}

/// A list in one contest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListSummary {
    /// List number.
    pub number: u32,
    /// Name.
    pub name: String,
    /// Votes.
    pub votes: u64,
    /// Seats (0 while the allocation is not complete).
    pub seats: u32,
    /// The elected, in the order of election.
    pub elected: Vec<ElectedCandidate>,
}

/// One contest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContestSummary {
    /// The contest.
    pub contest: ContestId,
    /// Its name, where it has one (an electoral district's).
    pub name: Option<String>,
    /// Seats allocated (0 while not complete).
    pub seats: u32,
    /// Polling stations counted.
    pub polling_stations: usize,
    /// Polling stations of the definition without a count.
    pub missing: usize,
    /// Admitted voters (Flanders: ballots in the boxes).
    pub admitted_voters: u64,
    /// Valid votes.
    pub valid: u64,
    /// Blank.
    pub blank: u64,
    /// Invalid.
    pub invalid: u64,
    /// Votes cast.
    pub cast: u64,
    /// Whether the allocation is complete.
    pub complete: bool,
    /// Per list, in ballot order.
    pub lists: Vec<ListSummary>,
}

/// A list's sum over the contests (a party over a province's districts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartyTotal {
    /// List number.
    pub number: u32,
    /// Name.
    pub name: String,
    /// Votes over the contests.
    pub votes: u64,
    /// Seats over the contests.
    pub seats: u32,
}

/// The whole election.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Per contest, in the definition's order.
    pub contests: Vec<ContestSummary>,
}

impl Determination {
    /// The determination with the names of `election` (the one it was determined for).
    pub fn summary(&self, election: &Election) -> Summary {
        Summary {
            contests: self
                .contests
                .iter()
                .filter_map(|result| {
                    let contest = election.contest(&result.contest)?;
                    Some(contest_summary(contest, result))
                })
                .collect(),
        }
    }

    /// Votes and seats per list over all contests, by list number and name (the same party
    /// stands under the same number and name in every district), most votes first.
    pub fn by_list(&self, election: &Election) -> Vec<PartyTotal> {
        let mut parties: Vec<PartyTotal> = Vec::new();
        for contest in self.summary(election).contests {
            for list in contest.lists {
                match parties
                    .iter_mut()
                    .find(|p| p.number == list.number && p.name == list.name)
                {
                    Some(party) => {
                        party.votes += list.votes;
                        party.seats += list.seats;
                    }
                    None => parties.push(PartyTotal {
                        number: list.number,
                        name: list.name,
                        votes: list.votes,
                        seats: list.seats,
                    }),
                }
            }
        }
        parties.sort_by(|a, b| b.votes.cmp(&a.votes).then(a.number.cmp(&b.number)));
        parties
    }
}

fn contest_summary(contest: &Contest, result: &crate::ContestResult) -> ContestSummary {
    let totals = &result.totals;
    let apportionment = match &result.outcome {
        ContestOutcome::Complete(apportionment) => Some(apportionment),
        _ => None,
    };
    let lists = totals
        .lists
        .iter()
        .map(|list| {
            let allocated = apportionment.and_then(|a| a.list(list.number));
            let candidates = contest
                .lists
                .iter()
                .find(|l| l.number.get() == list.number)
                .map(|l| l.candidates.as_slice())
                .unwrap_or_default();
            let elected = allocated
                .map(|r| {
                    r.elected
                        .iter()
                        .map(|&position| ElectedCandidate {
                            position,
                            name: candidates
                                .iter()
                                .find(|c| c.position.get() == position)
                                .map(model::Candidate::full_name)
                                .unwrap_or_default(),
                            votes: usize::try_from(position)
                                .ok()
                                .and_then(|p| list.candidates.get(p.checked_sub(1)?))
                                .copied()
                                .unwrap_or(0),
                            by_preference: r.preference_elected.contains(&position),
                        })
                        .collect()
                })
                .unwrap_or_default();
            ListSummary {
                number: list.number,
                name: list.name.clone(),
                votes: list.votes,
                seats: allocated.map_or(0, |r| r.seats),
                elected,
            }
        })
        .collect();
    ContestSummary {
        contest: contest.id.clone(),
        name: contest.name.clone(),
        seats: apportionment.map_or(0, |a| a.seats),
        polling_stations: totals.polling_stations.len(),
        missing: result.missing.len(),
        admitted_voters: totals.admitted_voters,
        valid: totals.valid,
        blank: totals.blank,
        invalid: totals.invalid,
        cast: totals.cast,
        complete: apportionment.is_some(),
        lists,
    }
}
