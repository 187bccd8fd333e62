//! Plain-text rendering of an apportionment: every step, as an official report prints it, in the
//! reader's language (the words are in the catalogs, area `apportion`).

use std::fmt::Write as _;

use messages::{Language, t};

use crate::outcome::{
    Apportionment, Between, DecisionKind, DevolutionPurpose, ElectedBy, LotRequest, Method,
    NoTransfer, Outcome, Step, TieBreak, TieInfo,
};

/// The whole outcome as text.
pub fn text(outcome: &Outcome, lang: Language) -> String {
    let mut out = String::new();
    for step in outcome.steps() {
        step_text(&mut out, step, lang);
    }
    match outcome {
        Outcome::Complete(apportionment) => summary(&mut out, apportionment, lang),
        Outcome::LotRequired(required) => lot_text(&mut out, &required.lots_required, lang),
    }
    out
}

/// One step as text (one or more lines, each ending in a newline).
pub fn step(step: &Step, lang: Language) -> String {
    let mut out = String::new();
    step_text(&mut out, step, lang);
    out
}

fn numbers(values: &[u32]) -> String {
    values
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// "lijsten 3, 5" or "geen lijst".
fn lists_or_none(lists: &[u32], lang: Language) -> String {
    if lists.is_empty() {
        t!(lang, "apportion-no-list")
    } else {
        t!(lang, "apportion-lists", lists = numbers(lists))
    }
}

fn method_name(method: Method, lang: Language) -> String {
    lang.text(match method {
        Method::LargestRemainder => "apportion-method-largest-remainder",
        Method::HighestAverage => "apportion-method-highest-average",
        Method::HighestAverageOnePerList => "apportion-method-highest-average-one-per-list",
        Method::HighestQuotient => "apportion-method-highest-quotient",
    })
}

fn elected_by(by: ElectedBy, lang: Language) -> String {
    lang.text(match by {
        ElectedBy::PreferenceThreshold => "apportion-by-threshold",
        ElectedBy::ListOrder => "apportion-by-list-order",
        ElectedBy::PreferenceVotes => "apportion-by-preference-votes",
        ElectedBy::PreferenceAndDevolvedVotes => "apportion-by-preference-and-devolved",
        ElectedBy::AllCandidates => "apportion-by-all-candidates",
    })
}

fn step_text(out: &mut String, step: &Step, lang: Language) {
    let line = match step {
        Step::Quota {
            article,
            total_votes,
            seats,
            quota,
        } => t!(
            lang,
            "apportion-quota",
            article = article,
            votes = *total_votes,
            seats = *seats,
            quota = quota.to_string()
        ),
        Step::FullSeats {
            article,
            lists,
            residual_seats,
        } => {
            let _ = writeln!(
                out,
                "{}",
                t!(lang, "apportion-full-seats", article = article)
            );
            for line in lists {
                let _ = writeln!(
                    out,
                    "  {}",
                    t!(
                        lang,
                        "apportion-full-seats-list",
                        list = format!("{:>4}", line.list),
                        votes = format!("{:>9}", line.votes),
                        seats = format!("{:>3}", line.full_seats),
                        remainder = line.remainder.to_string()
                    )
                );
            }
            format!(
                "  {}",
                t!(lang, "apportion-residual-seats", seats = *residual_seats)
            )
        }
        Step::RemainderThreshold {
            article,
            threshold,
            excluded,
        } => t!(
            lang,
            "apportion-remainder-threshold",
            article = article,
            threshold = threshold.to_string(),
            excluded = lists_or_none(excluded, lang)
        ),
        Step::ElectoralThreshold {
            article,
            threshold,
            excluded,
        } => t!(
            lang,
            "apportion-electoral-threshold",
            article = article,
            threshold = threshold.to_string(),
            excluded = lists_or_none(excluded, lang)
        ),
        Step::SeatAssigned {
            article,
            seat,
            method,
            list,
            value,
            standings,
            tie,
        } => {
            let _ = writeln!(
                out,
                "{}",
                t!(
                    lang,
                    "apportion-seat",
                    seat = *seat,
                    article = article,
                    method = method_name(*method, lang),
                    list = *list,
                    value = value.to_string()
                )
            );
            let standing = standings
                .iter()
                .filter(|s| s.eligible)
                .map(|s| format!("{}: {} [{}]", s.list, s.value.decimal(4), s.seats))
                .collect::<Vec<_>>()
                .join(", ");
            let standing = format!(
                "    {}",
                t!(lang, "apportion-standing", standing = standing)
            );
            match tie {
                Some(tie) => format!("{standing}\n    {}", tie_text(tie, lang)),
                None => standing,
            }
        }
        Step::ListExhausted {
            article,
            list,
            candidates,
            seats_passed_on,
        } => t!(
            lang,
            "apportion-list-exhausted",
            article = article,
            list = *list,
            candidates = *candidates,
            seats = *seats_passed_on
        ),
        Step::AbsoluteMajority {
            article,
            list,
            votes,
            seats_before,
            total_votes,
            seats,
            taken_from,
            no_transfer,
        } => {
            let _ = writeln!(
                out,
                "{}",
                t!(
                    lang,
                    "apportion-absolute-majority",
                    article = article,
                    list = *list,
                    votes = *votes,
                    total = *total_votes,
                    before = *seats_before,
                    seats = *seats
                )
            );
            let consequence = match (taken_from, no_transfer) {
                (Some(from), _) => t!(
                    lang,
                    "apportion-majority-seat-moves",
                    from = *from,
                    list = *list
                ),
                (None, Some(NoTransfer::NoCandidatesLeft)) => {
                    t!(lang, "apportion-majority-no-candidates")
                }
                (None, _) => t!(lang, "apportion-majority-no-residual"),
            };
            format!("    {consequence}")
        }
        Step::SeatsUnfilled { article, seats } => t!(
            lang,
            "apportion-seats-unfilled",
            article = article,
            seats = *seats
        ),
        Step::PreferenceThreshold {
            article,
            percent,
            threshold,
        } => t!(
            lang,
            "apportion-preference-threshold",
            article = article,
            percent = *percent,
            threshold = threshold.to_string()
        ),
        Step::ListVotePot {
            article,
            list,
            list_only_ballots,
            pot,
            eligibility_figure,
        } => t!(
            lang,
            "apportion-list-vote-pot",
            list = *list,
            article = article,
            ballots = *list_only_ballots,
            pot = pot.to_string(),
            figure = eligibility_figure.to_string()
        ),
        Step::Devolved {
            list,
            position,
            purpose,
            preference_votes,
            devolved,
            ..
        } => format!(
            "  {}",
            t!(
                lang,
                "apportion-devolved",
                list = *list,
                position = *position,
                votes = preference_votes.to_string(),
                devolved = devolved.to_string(),
                substitutes = u8::from(matches!(purpose, DevolutionPurpose::Substitutes))
            )
        ),
        Step::CandidateElected {
            article,
            list,
            position,
            votes,
            by,
            tie,
        } => {
            let elected = t!(
                lang,
                "apportion-elected",
                article = article,
                list = *list,
                position = *position,
                votes = votes.to_string(),
                why = elected_by(*by, lang)
            );
            match tie {
                Some(tie) => format!("{elected}\n    {}", tie_text(tie, lang)),
                None => elected,
            }
        }
        Step::NextInLine {
            article,
            list,
            order,
        } => t!(
            lang,
            "apportion-next-in-line",
            article = article,
            list = *list,
            order = numbers(order)
        ),
        Step::LotApplied { article, id, order } => t!(
            lang,
            "apportion-lot-applied",
            article = article,
            id = id,
            order = numbers(order)
        ),
    };
    let _ = writeln!(out, "{line}");
}

fn tie_text(tie: &TieInfo, lang: Language) -> String {
    let criteria: Vec<String> = tie
        .decided_by
        .iter()
        .map(|criterion| {
            lang.text(match criterion {
                TieBreak::Lot => "apportion-tie-lot",
                TieBreak::ListVotes => "apportion-tie-list-votes",
                TieBreak::CandidateVotes => "apportion-tie-candidate-votes",
                TieBreak::Age => "apportion-tie-age",
            })
        })
        .collect();
    t!(
        lang,
        "apportion-tie",
        between = numbers(&tie.between),
        criteria = criteria.join(", ")
    )
}

fn summary(out: &mut String, apportionment: &Apportionment, lang: Language) {
    let _ = writeln!(
        out,
        "\n{}",
        t!(
            lang,
            "apportion-result",
            rules = apportionment.rules.code(),
            seats = apportionment.seats
        )
    );
    // Seats-only results (no candidates given) have no elected candidates to show.
    let with_candidates = apportionment.lists.iter().any(|l| !l.elected.is_empty());
    for list in &apportionment.lists {
        let elected = if with_candidates {
            format!(
                "  {}",
                t!(
                    lang,
                    "apportion-result-elected",
                    elected = numbers(&list.elected)
                )
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {}{elected}",
            t!(
                lang,
                "apportion-result-list",
                list = format!("{:>4}", list.number),
                name = format!("{:<40}", list.name),
                votes = format!("{:>9}", list.votes),
                seats = format!("{:>3}", list.seats)
            )
        );
    }
    if apportionment.unfilled_seats > 0 {
        let _ = writeln!(
            out,
            "  {}",
            t!(
                lang,
                "apportion-result-unfilled",
                seats = apportionment.unfilled_seats
            )
        );
    }
    for warning in &apportionment.warnings {
        let _ = writeln!(
            out,
            "  {}",
            t!(lang, "apportion-warning", warning = warning.to_string())
        );
    }
}

fn lot_text(out: &mut String, request: &LotRequest, lang: Language) {
    let kind = match request.kind {
        DecisionKind::DrawingOfLots => {
            t!(lang, "apportion-lot-required", article = request.article)
        }
        DecisionKind::OldestCandidate => {
            t!(lang, "apportion-oldest-required", article = request.article)
        }
    };
    let _ = writeln!(out, "\n{kind}");
    let what = match (request.between, request.list) {
        (Between::Candidates, Some(list)) => t!(
            lang,
            "apportion-lot-candidates",
            seats = request.seats_at_stake,
            list = list,
            options = numbers(&request.options)
        ),
        _ => t!(
            lang,
            "apportion-lot-lists",
            seats = request.seats_at_stake,
            options = numbers(&request.options)
        ),
    };
    let _ = writeln!(out, "  {what}");
    let _ = writeln!(out, "  id: {}", request.id);
    let _ = writeln!(
        out,
        "  {}",
        t!(
            lang,
            "apportion-lot-options",
            options = numbers(&request.options),
            seats = request.seats_at_stake
        )
    );
    let _ = writeln!(out, "  {}", t!(lang, "apportion-lot-how"));
}
