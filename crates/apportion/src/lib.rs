//! Who sits in the council: seat allocation and election of candidates, exact and explained.
//!
//! - Netherlands, municipal council: Kieswet chapter P ([`nl`]).
//! - Flanders, municipal, provincial and district councils: Lokaal en Provinciaal Kiesdecreet,
//!   the 2024 rule and the 2006–2018 rule ([`flanders`]).
//! - General methods: D'Hondt, Sainte-Laguë, Imperiali, Hare ([`general`]).
//!
//! All arithmetic is exact ([`Fraction`]); no floating point decides anything. A drawing of lots
//! is never random in here: when a tie needs one, the outcome says so
//! ([`Outcome::LotRequired`]), naming the options and what is at stake, and the caller passes the
//! drawn order back in [`Input::lots`]. Same input, same lots: same result. Every step is recorded
//! ([`Step`]) for the official report, and [`render::text`] prints it.

#![forbid(unsafe_code)]

mod decide;
pub mod flanders;
mod fraction;
pub mod general;
mod input;
pub mod nl;
mod outcome;
pub mod render;
mod seats;

pub use fraction::Fraction;
pub use input::{
    CandidateRef, Input, InputError, ListInput, Lot, MAX_CANDIDATES, MAX_INPUT_BYTES, MAX_LISTS,
    MAX_SEATS, MAX_SEATS_TIMES_LISTS, MAX_TOTAL_VOTES, Rules,
};
pub use outcome::{
    Apportionment, Between, DecisionKind, DevolutionPurpose, ElectedBy, FullSeatLine, ListResult,
    LotRequest, LotRequired, Method, NoTransfer, Outcome, Standing, Step, TieBreak, TieInfo,
};

use decide::{Record, Stop};

/// Runs the rules on `input`. An input that breaks the rules' preconditions is refused with the
/// field named; a tie that needs a lot yields [`Outcome::LotRequired`].
pub fn apportion(input: &Input) -> Result<Outcome, InputError> {
    let checked = input::check(input)?;
    let mut record = Record::new(checked.lots, expected_steps(&checked));
    let run = |record: &mut Record<'_>| -> Result<(Vec<ListResult>, u32), Stop> {
        if checked.rules == Rules::NlGemeenteraad {
            let seats = nl::allocate_seats(&checked, record)?;
            let lists = nl::elect_candidates(&checked, &seats.state, record)?;
            Ok((lists, seats.unfilled))
        } else if checked.rules.is_flemish() {
            let (state, unfilled) = flanders::allocate_seats(&checked, record)?;
            Ok((
                flanders::elect_candidates(&checked, &state, record),
                unfilled,
            ))
        } else {
            general::apportion(&checked, record)
        }
    };
    match run(&mut record) {
        Ok((lists, unfilled_seats)) => {
            let (steps, lots_used, mut warnings) = record.finish();
            if checked.seats_only {
                warnings.push(
                    "no candidates' votes were given: only the seats are allocated, without the limit of each list's candidates"
                        .to_string(),
                );
            }
            if unfilled_seats > 0 {
                warnings.push(format!(
                    "{unfilled_seats} seat(s) stay empty: every list that could take one has run out of candidates"
                ));
            }
            Ok(Outcome::Complete(Apportionment {
                rules: checked.rules,
                seats: checked.seats,
                total_votes: checked.total_votes,
                lists,
                unfilled_seats,
                lots_required: None,
                lots_used,
                warnings,
                steps,
            }))
        }
        Err(Stop::Lot(request)) => {
            let (steps, _, _) = record.finish();
            Ok(Outcome::LotRequired(LotRequired {
                lists: Vec::new(),
                lots_required: request,
                steps,
            }))
        }
        Err(Stop::Invalid(error)) => Err(error),
    }
}

/// About how many steps an apportionment records: the quota, thresholds and full seats, a step
/// per seat assigned and per candidate elected, and a ranking per list.
fn expected_steps(checked: &input::Checked<'_>) -> usize {
    let seats = usize::try_from(checked.seats).unwrap_or(0);
    8 + 2 * seats + checked.lists.len()
}

/// A JSON input that does not parse: where, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}{}: {message}", if field.is_empty() || field == "." { String::new() } else { format!(", field {field}") })]
pub struct ParseError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The field, e.g. `lists[2].candidates`.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

/// Parses the JSON input format (`docs/formats/apportionment-input.md`).
pub fn parse_input(json: &str) -> Result<Input, ParseError> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let input: Input = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let field = error.path().to_string();
        let inner = error.into_inner();
        parse_error(&inner, field)
    })?;
    deserializer
        .end()
        .map_err(|error| parse_error(&error, String::new()))?;
    Ok(input)
}

fn parse_error(error: &serde_json::Error, field: String) -> ParseError {
    let message = error.to_string();
    // serde_json appends " at line L column C"; the error carries those separately.
    let message = match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    };
    ParseError {
        line: error.line(),
        column: error.column(),
        field,
        message,
    }
}
