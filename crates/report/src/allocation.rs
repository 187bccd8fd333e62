//! The seat allocation and the election of candidates, step by step, as the central committee's
//! report (P 22-2) and the Flemish main office's report print them: built from the steps the
//! `apportion` engine recorded, never recomputed here.

use messages::t;
use std::collections::BTreeMap;

use apportion::{Apportionment, ElectedBy, Method, Standing, Step};
use model::totals::Totals;
use model::{Contest, Language};
use serde_json::{Value, json};

use crate::OFFICIAL;
use crate::format::{fraction, int};

/// Seat rounds shown side by side in one table; more go into the next table.
const ROUNDS_PER_TABLE: usize = 8;

fn list_name(contest: &Contest, number: u32) -> String {
    contest
        .lists
        .iter()
        .find(|l| l.number.get() == number)
        .map(|l| l.name.clone())
        .unwrap_or_default()
}

fn candidate_name(contest: &Contest, list: u32, position: u32) -> String {
    contest
        .lists
        .iter()
        .find(|l| l.number.get() == list)
        .and_then(|l| l.candidates.iter().find(|c| c.position.get() == position))
        .map(model::Candidate::full_name)
        .unwrap_or_else(|| t!(OFFICIAL, "report-candidate-number", position = position))
}

fn method_name(method: Method) -> String {
    OFFICIAL.text(match method {
        Method::LargestRemainder => "report-method-largest-remainders",
        Method::HighestAverage => "report-method-highest-averages",
        Method::HighestAverageOnePerList => "report-method-highest-averages-one-per-list",
        Method::HighestQuotient => "report-method-highest-quotients",
    })
}

fn elected_by(by: ElectedBy) -> String {
    OFFICIAL.text(match by {
        ElectedBy::PreferenceThreshold => "report-by-threshold",
        ElectedBy::ListOrder => "report-by-list-order",
        ElectedBy::PreferenceVotes => "report-by-most-preference-votes",
        ElectedBy::PreferenceAndDevolvedVotes => "report-by-preference-and-devolved",
        ElectedBy::AllCandidates => "report-by-all-candidates",
    })
}

/// A run of seats assigned by the same method under the same article.
struct Run<'s> {
    article: &'s str,
    method: Method,
    seats: Vec<(u32, u32, &'s [Standing], Option<&'s apportion::TieInfo>)>,
}

/// The steps of the seat allocation as report sections, in order: the quota, the full seats,
/// the residual seats (or, with a divisor method, the quotients), and every other step as a
/// sentence.
pub fn sections(outcome: &Apportionment, contest: &Contest) -> Vec<Value> {
    let mut out = Vec::new();
    let mut run: Option<Run<'_>> = None;
    for step in &outcome.steps {
        if let Step::SeatAssigned {
            article,
            seat,
            method,
            list,
            standings,
            tie,
            ..
        } = step
        {
            match &mut run {
                Some(current) if current.article == *article && current.method == *method => {
                    current.seats.push((*seat, *list, standings, tie.as_ref()));
                }
                _ => {
                    if let Some(done) = run.take() {
                        out.push(run_section(&done, contest));
                    }
                    run = Some(Run {
                        article,
                        method: *method,
                        seats: vec![(*seat, *list, standings, tie.as_ref())],
                    });
                }
            }
            continue;
        }
        if let Some(done) = run.take() {
            out.push(run_section(&done, contest));
        }
        match step {
            Step::Quota {
                article,
                total_votes,
                seats,
                quota,
            } => out.push(json!({
                "kind": "quota", "article": article, "total_votes": int(*total_votes),
                "seats": seats, "quota": fraction(quota),
            })),
            Step::FullSeats {
                article,
                lists,
                residual_seats,
            } => out.push(json!({
                "kind": "full_seats", "article": article, "residual": residual_seats,
                "rows": lists.iter().map(|line| json!({
                    "list": line.list, "name": list_name(contest, line.list), "votes": int(line.votes),
                    "full_seats": line.full_seats, "remainder": fraction(&line.remainder),
                })).collect::<Vec<_>>(),
            })),
            // Shown in the tables of elected candidates and of the order of the others.
            Step::CandidateElected { .. } | Step::NextInLine { .. } => {}
            other => out.push(json!({
                "kind": "note",
                "text": apportion::render::step(other, Language::Nl).trim_end(),
            })),
        }
    }
    if let Some(done) = run.take() {
        out.push(run_section(&done, contest));
    }
    out
}

fn run_section(run: &Run<'_>, contest: &Contest) -> Value {
    let ties: Vec<String> = run
        .seats
        .iter()
        .filter_map(|(seat, list, _, tie)| {
            let tie = (*tie)?;
            let between: Vec<String> = tie.between.iter().map(ToString::to_string).collect();
            let how = tie.decided_by.last().map_or_else(String::new, |b| {
                OFFICIAL.text(match b {
                    apportion::TieBreak::Lot => "report-tie-by-lot",
                    apportion::TieBreak::ListVotes => "report-tie-by-list-votes",
                    apportion::TieBreak::CandidateVotes => "report-tie-by-preference-votes",
                    apportion::TieBreak::Age => "report-tie-by-age",
                })
            });
            Some(t!(
                OFFICIAL,
                "report-tie",
                seat = *seat,
                lists = between.join(", "),
                list = *list,
                how = how
            ))
        })
        .collect();
    if run.method == Method::HighestQuotient {
        return quotients_section(run, contest, ties);
    }
    // Lists in the order of the first round's standings (the input order).
    let lists: Vec<u32> = run
        .seats
        .first()
        .map(|(_, _, standings, _)| standings.iter().map(|s| s.list).collect())
        .unwrap_or_default();
    let tables: Vec<Value> = run
        .seats
        .chunks(ROUNDS_PER_TABLE)
        .map(|chunk| {
            json!({
                "seats": chunk.iter().map(|(seat, _, _, _)| seat).collect::<Vec<_>>(),
                "rows": lists.iter().map(|number| json!({
                    "list": number,
                    "name": list_name(contest, *number),
                    "cells": chunk.iter().map(|(_, winner, standings, _)| {
                        let standing = standings.iter().find(|s| s.list == *number);
                        json!({
                            "value": standing.map(|s| fraction(&s.value)).unwrap_or_default(),
                            "taken": winner == number,
                            "eligible": standing.is_some_and(|s| s.eligible),
                        })
                    }).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "winners": chunk.iter().map(|(_, list, _, _)| list).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "kind": "rounds", "article": run.article, "method": method_name(run.method),
        "tables": tables, "ties": ties,
    })
}

/// With a divisor method (D'Hondt, Imperiali) the report shows per list its quotients and which
/// seat each one took.
fn quotients_section(run: &Run<'_>, contest: &Contest, ties: Vec<String>) -> Value {
    // Per list: held seats → (quotient, seat it took).
    let mut per_list: BTreeMap<u32, BTreeMap<u32, (String, Option<u32>)>> = BTreeMap::new();
    let mut order: Vec<u32> = Vec::new();
    for (seat, winner, standings, _) in &run.seats {
        for standing in *standings {
            if !order.contains(&standing.list) {
                order.push(standing.list);
            }
            if !standing.eligible {
                continue;
            }
            let cell = per_list
                .entry(standing.list)
                .or_default()
                .entry(standing.seats)
                .or_insert_with(|| (fraction(&standing.value), None));
            if standing.list == *winner {
                cell.1 = Some(*seat);
            }
        }
    }
    json!({
        "kind": "quotients", "article": run.article, "method": method_name(run.method), "ties": ties,
        "rows": order.iter().map(|number| {
            let cells = per_list.get(number);
            json!({
                "list": number,
                "name": list_name(contest, *number),
                "seats": cells.map_or(0, |c| c.values().filter(|(_, s)| s.is_some()).count()),
                "cells": cells.map(|c| c.values().map(|(value, seat)| json!({
                    "value": value, "seat": seat,
                })).collect::<Vec<_>>()).unwrap_or_default(),
            })
        }).collect::<Vec<_>>(),
    })
}

/// Per list: its seats, the candidates elected (in order, with why) and the others in the order
/// in which they are next in line (Kieswet P 19; Flemish substitutes).
pub fn candidates(
    outcome: &Apportionment,
    contest: &Contest,
    totals: &Totals,
    deceased: &[(u32, u32)],
) -> Vec<Value> {
    let mut how: BTreeMap<(u32, u32), (ElectedBy, &str)> = BTreeMap::new();
    for step in &outcome.steps {
        if let Step::CandidateElected {
            list,
            position,
            by,
            article,
            ..
        } = step
        {
            how.insert((*list, *position), (*by, article));
        }
    }
    let votes = |list: u32, position: u32| -> String {
        totals
            .lists
            .iter()
            .find(|l| l.number == list)
            .and_then(|l| {
                l.candidates
                    .get(usize::try_from(position).ok()?.checked_sub(1)?)
            })
            .map(|v| int(*v))
            .unwrap_or_default()
    };
    outcome
        .lists
        .iter()
        .map(|list| {
            json!({
                "number": list.number,
                "name": list_name(contest, list.number),
                "votes": int(list.votes),
                "seats": list.seats,
                "elected": list.elected.iter().map(|position| {
                    let (by, article) = how.get(&(list.number, *position)).copied()
                        .map_or((String::new(), ""), |(by, article)| (elected_by(by), article));
                    json!({
                        "position": position,
                        "name": candidate_name(contest, list.number, *position),
                        "votes": votes(list.number, *position),
                        "by": by,
                        "article": article,
                    })
                }).collect::<Vec<_>>(),
                "next": list.next_in_line.iter().map(|position| json!({
                    "position": position,
                    "name": candidate_name(contest, list.number, *position),
                    "votes": votes(list.number, *position),
                })).collect::<Vec<_>>(),
                "deceased": deceased.iter().filter(|(l, _)| *l == list.number).map(|(_, position)| json!({
                    "position": position,
                    "name": candidate_name(contest, list.number, *position),
                })).collect::<Vec<_>>(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reusel-De Mierden 2022, as published: Kieswet P 9 moved the PvdA's (list 4) residual seat
    /// to Samenwerking (list 1). The report explains it in a sentence between the steps.
    #[test]
    fn a_seat_moved_by_the_absolute_majority_rule_is_explained_in_the_report() {
        let input = String::from_utf8(testkit::fixture(
            "apportionment/nl-gr2022-reuseldemierden.input.json",
        ))
        .unwrap_or_default();
        let parsed = apportion::parse_input(&input).unwrap_or_else(|e| panic!("{e}"));
        let outcome = apportion::apportion(&parsed).unwrap_or_else(|e| panic!("{e}"));
        let allocation = outcome.complete().expect("no lot needed");
        let contest = Contest {
            id: model::ContestId::new("geen").expect("a contest id"),
            name: None,
            seats: Some(parsed.seats),
            lists: parsed
                .lists
                .iter()
                .map(|l| model::List {
                    number: model::ListNumber::new(l.number).expect("a list number"),
                    name: l.name.clone(),
                    candidates: Vec::new(),
                })
                .collect(),
        };
        let notes: Vec<String> = sections(allocation, &contest)
            .iter()
            .filter(|s| s["kind"] == "note")
            .filter_map(|s| s["text"].as_str().map(str::to_string))
            .collect();
        let majority = notes
            .iter()
            .find(|n| n.contains("Absolute meerderheid (Kieswet P 9)"))
            .unwrap_or_else(|| panic!("no P 9 sentence in {notes:?}"));
        assert!(
            majority.contains("lijst 1 heeft 2571 van de 5104 stemmen")
                && majority.contains("De laatste restzetel van lijst 4 gaat naar lijst 1."),
            "{majority}"
        );
    }
}
