//! What an apportionment produces: seats and elected candidates per list, every step that led
//! there, and — when the law needs a drawing of lots that has not been held yet — what is to be
//! drawn.

use serde::Serialize;

use crate::fraction::Fraction;
use crate::input::Rules;

/// The result of running the rules.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Outcome {
    /// Every seat and candidate decided.
    Complete(Apportionment),
    /// A tie must be decided by lot (or, in Flanders, by who is the oldest) before the result
    /// can be completed. Run again with the outcome in `lots`.
    LotRequired(LotRequired),
}

impl Outcome {
    /// The completed apportionment, if complete.
    pub fn complete(&self) -> Option<&Apportionment> {
        match self {
            Outcome::Complete(apportionment) => Some(apportionment),
            Outcome::LotRequired(_) => None,
        }
    }

    /// The pending lot, if any.
    pub fn lot_required(&self) -> Option<&LotRequest> {
        match self {
            Outcome::Complete(_) => None,
            Outcome::LotRequired(required) => Some(&required.lots_required),
        }
    }

    /// The steps taken (up to the tie, when a lot is required).
    pub fn steps(&self) -> &[Step] {
        match self {
            Outcome::Complete(apportionment) => &apportionment.steps,
            Outcome::LotRequired(required) => &required.steps,
        }
    }
}

/// A complete apportionment.
#[derive(Debug, Clone, Serialize)]
pub struct Apportionment {
    /// The rules applied.
    pub rules: Rules,
    /// Seats allocated.
    pub seats: u32,
    /// Total of the lists' votes.
    pub total_votes: u64,
    /// Per list, in the order of the input.
    pub lists: Vec<ListResult>,
    /// Seats no list could take (every list ran out of candidates).
    pub unfilled_seats: u32,
    /// Always `null` here; present so that every result has the field.
    pub lots_required: Option<LotRequest>,
    /// The ids of the lots that decided something.
    pub lots_used: Vec<String>,
    /// Things an official should notice (unused lots, unfilled seats).
    pub warnings: Vec<String>,
    /// Every step, in order.
    pub steps: Vec<Step>,
}

impl Apportionment {
    /// The result for a list.
    pub fn list(&self, number: u32) -> Option<&ListResult> {
        self.lists.iter().find(|l| l.number == number)
    }

    /// Seats per list, in input order.
    pub fn seats_per_list(&self) -> Vec<u32> {
        self.lists.iter().map(|l| l.seats).collect()
    }
}

/// An incomplete result: the lot that is needed, and the steps up to it.
#[derive(Debug, Clone, Serialize)]
pub struct LotRequired {
    /// Always empty: no result is final before the lot is drawn.
    pub lists: Vec<ListResult>,
    /// The lot to draw.
    pub lots_required: LotRequest,
    /// The steps up to the tie.
    pub steps: Vec<Step>,
}

/// The result for one list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListResult {
    /// List number.
    pub number: u32,
    /// Name.
    pub name: String,
    /// Votes (stemcijfer).
    pub votes: u64,
    /// Seats.
    pub seats: u32,
    /// Full seats (Kieswet P 6, Hare), where the method has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_seats: Option<u32>,
    /// Positions of the elected candidates, in the order of election.
    pub elected: Vec<u32>,
    /// Positions elected on their own preference votes (Kieswet P 15), in order of election.
    pub preference_elected: Vec<u32>,
    /// Positions of the candidates who are not elected, in the order in which they are next in
    /// line (Kieswet P 19 ranking; Flemish substitutes, opvolgers).
    pub next_in_line: Vec<u32>,
}

/// What a pending tie puts at stake and between whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LotRequest {
    /// Identifies this tie; pass it back with the drawn order.
    pub id: String,
    /// How the tie is decided.
    pub kind: DecisionKind,
    /// The article that prescribes it.
    pub article: String,
    /// Whether the options are lists or candidates of one list.
    pub between: Between,
    /// List numbers, or candidate positions on `list`.
    pub options: Vec<u32>,
    /// The list the candidates are on, for a tie between candidates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list: Option<u32>,
    /// How many of the options get what is at stake.
    pub seats_at_stake: u32,
    /// What is at stake, in words.
    pub description: String,
}

/// How a tie is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// A drawing of lots in public (Kieswet P 14).
    DrawingOfLots,
    /// Flanders: the seat goes to the list of the oldest of the candidates at stake; the caller
    /// gives the lists in order of their candidate's age, oldest first.
    OldestCandidate,
}

/// What the options of a tie are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Between {
    /// List numbers.
    Lists,
    /// Candidate positions on one list.
    Candidates,
}

/// How a seat was assigned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Largest remainder (grootste overschot).
    LargestRemainder,
    /// Highest average (grootste gemiddelde).
    HighestAverage,
    /// Highest average, at most one seat per list in this round (Kieswet P 8).
    HighestAverageOnePerList,
    /// Highest quotient of a divisor method (D'Hondt, Imperiali, Sainte-Laguë).
    HighestQuotient,
}

/// Why a candidate was elected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ElectedBy {
    /// Kieswet P 15: more votes than the preference threshold.
    PreferenceThreshold,
    /// Kieswet P 16–P 17: the remaining seats in list order.
    ListOrder,
    /// Flanders from 2024: the most preference votes.
    PreferenceVotes,
    /// Flanders 2006–2018: preference votes plus list votes devolved in list order.
    PreferenceAndDevolvedVotes,
    /// Every candidate of the list is elected (fewer or as many candidates as seats).
    AllCandidates,
}

/// A list's standing just before a seat is assigned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Standing {
    /// List number.
    pub list: u32,
    /// Seats held.
    pub seats: u32,
    /// The value compared for this seat (average, remainder or quotient).
    pub value: Fraction,
    /// Whether the list could take this seat.
    pub eligible: bool,
}

/// One step of the apportionment, as a report prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// The quota (kiesdeler).
    Quota {
        /// Article.
        article: &'static str,
        /// Total votes.
        total_votes: u64,
        /// Seats.
        seats: u32,
        /// Total votes / seats.
        quota: Fraction,
    },
    /// Full seats per list.
    FullSeats {
        /// Article.
        article: &'static str,
        /// Per list.
        lists: Vec<FullSeatLine>,
        /// Residual seats left.
        residual_seats: u32,
    },
    /// Which lists may take a largest-remainder seat.
    RemainderThreshold {
        /// Article.
        article: &'static str,
        /// The threshold (¾ of the quota).
        threshold: Fraction,
        /// Lists below it.
        excluded: Vec<u32>,
    },
    /// Flemish provincial electoral threshold.
    ElectoralThreshold {
        /// Article.
        article: &'static str,
        /// Votes needed.
        threshold: Fraction,
        /// Lists below it, which take part in no seat allocation.
        excluded: Vec<u32>,
    },
    /// A seat assigned.
    SeatAssigned {
        /// Article.
        article: &'static str,
        /// The seat's number within its series (residual seat 3, or seat 12 of 35).
        seat: u32,
        /// The method.
        method: Method,
        /// The list that takes it.
        list: u32,
        /// Its value (average, remainder or quotient).
        value: Fraction,
        /// Every list's standing before the seat.
        standings: Vec<Standing>,
        /// How a tie was decided, if there was one that mattered.
        #[serde(skip_serializing_if = "Option::is_none")]
        tie: Option<TieInfo>,
    },
    /// A list has no more candidates than seats (Kieswet P 10, LPKD art. 168).
    ListExhausted {
        /// Article.
        article: &'static str,
        /// The list.
        list: u32,
        /// Its candidates who can take a seat.
        candidates: u32,
        /// Seats it would have had beyond that, passed on to other lists.
        seats_passed_on: u32,
    },
    /// Kieswet P 9: a list with more than half the votes gets more than half the seats.
    AbsoluteMajority {
        /// Article.
        article: &'static str,
        /// The majority list.
        list: u32,
        /// Its votes.
        votes: u64,
        /// Seats before the correction.
        seats_before: u32,
        /// Total votes.
        total_votes: u64,
        /// Seats of the body.
        seats: u32,
        /// The list that loses its last residual seat, when the correction is made.
        taken_from: Option<u32>,
        /// Why no seat moves, when none does.
        #[serde(skip_serializing_if = "Option::is_none")]
        no_transfer: Option<NoTransfer>,
    },
    /// Seats no list could take.
    SeatsUnfilled {
        /// Article.
        article: &'static str,
        /// How many.
        seats: u32,
    },
    /// The preference threshold (Kieswet P 15).
    PreferenceThreshold {
        /// Article.
        article: &'static str,
        /// Percent of the quota.
        percent: u32,
        /// Votes a candidate must exceed.
        threshold: Fraction,
    },
    /// Flemish 2006–2018: the list-vote pot and the eligibility figure of a list.
    ListVotePot {
        /// Article.
        article: &'static str,
        /// The list.
        list: u32,
        /// Ballots with only a list vote.
        list_only_ballots: u64,
        /// The pot: list-only ballots × seats / 3.
        pot: Fraction,
        /// The eligibility figure: list votes × seats / (seats + 1).
        eligibility_figure: Fraction,
    },
    /// Flemish 2006–2018: list votes devolved to a candidate.
    Devolved {
        /// Article.
        article: &'static str,
        /// The list.
        list: u32,
        /// Candidate position.
        position: u32,
        /// For the election of members, or for the order of substitutes.
        #[serde(rename = "for")]
        purpose: DevolutionPurpose,
        /// The candidate's own preference votes.
        preference_votes: u64,
        /// Votes devolved from the pot.
        devolved: Fraction,
    },
    /// A candidate elected.
    CandidateElected {
        /// Article.
        article: &'static str,
        /// The list.
        list: u32,
        /// Position.
        position: u32,
        /// Preference votes.
        votes: u64,
        /// Why.
        by: ElectedBy,
        /// How a tie was decided, if there was one that mattered.
        #[serde(skip_serializing_if = "Option::is_none")]
        tie: Option<TieInfo>,
    },
    /// The order of the candidates who are not elected.
    NextInLine {
        /// Article.
        article: &'static str,
        /// The list.
        list: u32,
        /// Positions in order.
        order: Vec<u32>,
    },
    /// A lot (or Flemish tie decision) that decided something.
    LotApplied {
        /// Article.
        article: &'static str,
        /// Its id.
        id: String,
        /// The order drawn.
        order: Vec<u32>,
    },
}

/// A tie that mattered and how it was decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TieInfo {
    /// The tied lists (or candidate positions).
    pub between: Vec<u32>,
    /// The criteria applied, in order; the last one decided.
    pub decided_by: Vec<TieBreak>,
}

/// A criterion that breaks a tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TieBreak {
    /// A drawing of lots.
    Lot,
    /// Flanders: the higher list votes.
    ListVotes,
    /// Flanders: the more preference votes of the candidates at stake.
    CandidateVotes,
    /// Flanders: the oldest candidate at stake.
    Age,
}

/// Why Kieswet P 9 moves no seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoTransfer {
    /// The majority list has no more candidates (P 10).
    NoCandidatesLeft,
    /// No other list received a residual seat.
    NoResidualSeatElsewhere,
}

/// For what list votes were devolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DevolutionPurpose {
    /// Electing the members.
    Election,
    /// Ordering the substitutes.
    Substitutes,
}

/// A list's full seats (Kieswet P 6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FullSeatLine {
    /// List number.
    pub list: u32,
    /// Votes.
    pub votes: u64,
    /// Full seats.
    pub full_seats: u32,
    /// Votes left over: votes − full seats × quota.
    pub remainder: Fraction,
}
