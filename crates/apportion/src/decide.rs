//! The running record of an apportionment, and how ties are decided.
//!
//! A tie is decided only when it matters: when more options are tied than can get what is at
//! stake ("zo nodig", Kieswet P 7, P 8, P 15). Then the outcome must come from outside — a
//! drawing of lots held in public (Kieswet P 14), or in Flanders the age of the candidates — and
//! the computation stops with a [`LotRequest`] naming the options and what is at stake. The caller
//! passes the outcome back under the request's id and runs again; with the same input and lots the
//! result is always the same.

use crate::input::{InputError, Lot};
use crate::outcome::{Between, DecisionKind, LotRequest, Step};

/// Why a computation stopped before the end.
#[derive(Debug)]
pub(crate) enum Stop {
    /// A tie needs a decision from outside.
    Lot(LotRequest),
    /// A lot given does not fit its tie.
    Invalid(InputError),
}

/// A tie to decide.
#[derive(Debug)]
pub(crate) struct Tie {
    /// Unique key of the moment, e.g. `P7-residual-seat-4`.
    pub stage: String,
    /// The article that prescribes the decision.
    pub article: &'static str,
    /// How it is decided.
    pub kind: DecisionKind,
    /// Lists or candidates.
    pub between: Between,
    /// The list, for candidates.
    pub list: Option<u32>,
    /// The tied options, in the order used when all of them get what is at stake.
    pub options: Vec<u32>,
    /// How many of them get it.
    pub available: usize,
    /// What is at stake, in words.
    pub description: String,
}

/// The steps taken so far and the lots at hand.
#[derive(Debug)]
pub(crate) struct Record<'a> {
    lots: &'a [Lot],
    used: Vec<String>,
    pub steps: Vec<Step>,
}

impl<'a> Record<'a> {
    /// A record for about `steps` steps (room reserved up front: the steps are the bulk of
    /// an apportionment's allocations).
    pub fn new(lots: &'a [Lot], steps: usize) -> Record<'a> {
        Record {
            lots,
            used: Vec::new(),
            steps: Vec::with_capacity(steps),
        }
    }

    pub fn push(&mut self, step: Step) {
        self.steps.push(step);
    }

    /// The winners of `tie`, in order: all options when they all fit, otherwise the first
    /// `available` of the drawn order. Stops when the outcome has not been given.
    pub fn decide(&mut self, tie: Tie) -> Result<Vec<u32>, Stop> {
        if tie.options.len() <= tie.available {
            return Ok(tie.options);
        }
        let id = format!(
            "{}:{}",
            tie.stage,
            tie.options
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(",")
        );
        let Some(lot) = self.lots.iter().find(|lot| lot.id == id) else {
            return Err(Stop::Lot(LotRequest {
                id,
                kind: tie.kind,
                article: tie.article.to_string(),
                between: tie.between,
                options: tie.options,
                list: tie.list,
                seats_at_stake: u32::try_from(tie.available).unwrap_or(u32::MAX),
                description: tie.description,
            }));
        };
        let bad = |message: String| {
            Stop::Invalid(InputError::BadLot {
                id: id.clone(),
                message,
            })
        };
        if lot.order.len() < tie.available {
            return Err(bad(format!(
                "{} options drawn, but {} are at stake",
                lot.order.len(),
                tie.available
            )));
        }
        let mut seen = std::collections::HashSet::new();
        for option in &lot.order {
            if !tie.options.contains(option) {
                return Err(bad(format!(
                    "{option} is not one of the tied options {:?}",
                    tie.options
                )));
            }
            if !seen.insert(*option) {
                return Err(bad(format!("{option} is drawn twice")));
            }
        }
        let winners = lot.order[..tie.available].to_vec();
        self.steps.push(Step::LotApplied {
            article: tie.article,
            id: id.clone(),
            order: lot.order.clone(),
        });
        self.used.push(id);
        Ok(winners)
    }

    /// The ids of the lots used, and a warning for each lot given but not needed.
    pub fn finish(self) -> (Vec<Step>, Vec<String>, Vec<String>) {
        let warnings = self
            .lots
            .iter()
            .filter(|lot| !self.used.contains(&lot.id))
            .map(|lot| {
                format!(
                    "lot {} was given but no such tie occurred; it was not used",
                    lot.id
                )
            })
            .collect();
        (self.steps, self.used, warnings)
    }
}
