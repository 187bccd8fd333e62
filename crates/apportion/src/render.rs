//! Plain-text rendering of an apportionment: every step, as an official report prints it, in
//! Dutch or English.

use std::fmt::Write as _;

use model::Language;

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
        lang.pick("geen lijst", "no list").to_string()
    } else {
        format!("{} {}", lang.pick("lijsten", "lists"), numbers(lists))
    }
}

fn method_name(method: Method, lang: Language) -> &'static str {
    match method {
        Method::LargestRemainder => lang.pick("grootste overschot", "largest remainder"),
        Method::HighestAverage => lang.pick("grootste gemiddelde", "highest average"),
        Method::HighestAverageOnePerList => lang.pick(
            "grootste gemiddelde, één per lijst",
            "highest average, one per list",
        ),
        Method::HighestQuotient => lang.pick("hoogste quotiënt", "highest quotient"),
    }
}

fn step_text(out: &mut String, step: &Step, lang: Language) {
    let _ = match step {
        Step::Quota {
            article,
            total_votes,
            seats,
            quota,
        } => writeln!(
            out,
            "{} ({article}): {total_votes} / {seats} = {quota}",
            lang.pick("Kiesdeler", "Quota")
        ),
        Step::FullSeats {
            article,
            lists,
            residual_seats,
        } => {
            let _ = writeln!(
                out,
                "{} ({article}):",
                lang.pick("Volle zetels", "Full seats")
            );
            for line in lists {
                let _ = writeln!(
                    out,
                    "  {} {:>4}: {:>9} {}  {:>3} {}  {} {}",
                    lang.pick("lijst", "list"),
                    line.list,
                    line.votes,
                    lang.pick("stemmen", "votes"),
                    line.full_seats,
                    lang.pick("volle zetels", "full seats"),
                    lang.pick("overschot", "remainder"),
                    line.remainder
                );
            }
            writeln!(
                out,
                "  {}: {residual_seats}",
                lang.pick("Restzetels", "Residual seats")
            )
        }
        Step::RemainderThreshold {
            article,
            threshold,
            excluded,
        } => writeln!(
            out,
            "{} ({article}): {threshold}; {}: {}",
            lang.pick(
                "Drempel voor een restzetel naar grootste overschot, ¾ van de kiesdeler",
                "Threshold for a largest-remainder seat, ¾ of the quota"
            ),
            lang.pick("daaronder", "below it"),
            lists_or_none(excluded, lang)
        ),
        Step::ElectoralThreshold {
            article,
            threshold,
            excluded,
        } => writeln!(
            out,
            "{} ({article}): {threshold}; {}: {}",
            lang.pick("Kiesdrempel 5 %", "Electoral threshold 5 %"),
            lang.pick("uitgesloten", "excluded"),
            lists_or_none(excluded, lang)
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
                "{} {seat} ({article}, {}): {} {list} ({value})",
                lang.pick("Zetel", "Seat"),
                method_name(*method, lang),
                lang.pick("lijst", "list"),
            );
            let line = standings
                .iter()
                .filter(|s| s.eligible)
                .map(|s| format!("{}: {} [{}]", s.list, s.value.decimal(4), s.seats))
                .collect::<Vec<_>>()
                .join(", ");
            let _ = writeln!(out, "    {}: {line}", lang.pick("stand", "standing"));
            match tie {
                Some(tie) => writeln!(out, "    {}", tie_text(tie, lang)),
                None => Ok(()),
            }
        }
        Step::ListExhausted {
            article,
            list,
            candidates,
            seats_passed_on,
        } => writeln!(
            out,
            "{} ({article}): {} {list} {} {candidates} {}; {seats_passed_on} {}",
            lang.pick("Lijstuitputting", "List exhausted"),
            lang.pick("lijst", "list"),
            lang.pick("heeft", "has"),
            lang.pick("kandidaten", "candidates"),
            lang.pick(
                "zetel(s) gaan naar andere lijsten",
                "seat(s) pass to other lists"
            ),
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
                "{} ({article}): {} {list} {} {votes} {} {total_votes} {}, {} {seats_before} {} {seats} {}.",
                lang.pick("Absolute meerderheid", "Absolute majority"),
                lang.pick("lijst", "list"),
                lang.pick("heeft", "has"),
                lang.pick("van de", "of the"),
                lang.pick("stemmen (meer dan de helft)", "votes (more than half)"),
                lang.pick("maar", "but"),
                lang.pick("van de", "of the"),
                lang.pick("zetels", "seats"),
            );
            match (taken_from, no_transfer) {
                (Some(from), _) => writeln!(
                    out,
                    "    {} {from} {} {list}.",
                    lang.pick("De laatste restzetel van lijst", "The last residual seat of list"),
                    lang.pick("gaat naar lijst", "goes to list"),
                ),
                (None, Some(NoTransfer::NoCandidatesLeft)) => writeln!(
                    out,
                    "    {}",
                    lang.pick(
                        "De lijst heeft geen kandidaten meer (Kieswet P 10); er gaat geen zetel over.",
                        "The list has no candidates left (Kieswet P 10); no seat moves."
                    )
                ),
                (None, _) => writeln!(
                    out,
                    "    {}",
                    lang.pick(
                        "Geen andere lijst kreeg een restzetel; er gaat geen zetel over.",
                        "No other list received a residual seat; no seat moves."
                    )
                ),
            }
        }
        Step::SeatsUnfilled { article, seats } => writeln!(
            out,
            "{} ({article}): {seats} — {}",
            lang.pick("NIET TOEGEWEZEN ZETELS", "SEATS LEFT EMPTY"),
            lang.pick(
                "alle lijsten die een zetel konden krijgen hebben geen kandidaten meer",
                "every list that could take a seat has run out of candidates"
            )
        ),
        Step::PreferenceThreshold {
            article,
            percent,
            threshold,
        } => writeln!(
            out,
            "{} ({article}): {percent}% {} = {threshold}",
            lang.pick("Voorkeurdrempel", "Preference threshold"),
            lang.pick("van de kiesdeler", "of the quota")
        ),
        Step::ListVotePot {
            article,
            list,
            list_only_ballots,
            pot,
            eligibility_figure,
        } => writeln!(
            out,
            "{} {list} ({article}): {} {list_only_ballots}; {} {pot}; {} {eligibility_figure}",
            lang.pick("Lijst", "List"),
            lang.pick("lijststemmen", "list-only ballots"),
            lang.pick("pot", "pot"),
            lang.pick("verkiesbaarheidscijfer", "eligibility figure"),
        ),
        Step::Devolved {
            list,
            position,
            purpose,
            preference_votes,
            devolved,
            ..
        } => writeln!(
            out,
            "  {} {list} {} {position}: {preference_votes} + {devolved} {}",
            lang.pick("lijst", "list"),
            lang.pick("kandidaat", "candidate"),
            match purpose {
                DevolutionPurpose::Election => {
                    lang.pick("overgedragen lijststemmen", "devolved list votes")
                }
                DevolutionPurpose::Substitutes => lang.pick(
                    "overgedragen lijststemmen (opvolgers)",
                    "devolved list votes (substitutes)"
                ),
            }
        ),
        Step::CandidateElected {
            article,
            list,
            position,
            votes,
            by,
            tie,
        } => {
            let why = match by {
                ElectedBy::PreferenceThreshold => lang.pick(
                    "voorkeurstemmen boven de drempel",
                    "votes above the threshold",
                ),
                ElectedBy::ListOrder => lang.pick("volgorde van de lijst", "list order"),
                ElectedBy::PreferenceVotes => lang.pick("voorkeurstemmen", "preference votes"),
                ElectedBy::PreferenceAndDevolvedVotes => lang.pick(
                    "voorkeurstemmen en overgedragen lijststemmen",
                    "preference and devolved list votes",
                ),
                ElectedBy::AllCandidates => {
                    lang.pick("alle kandidaten van de lijst", "all candidates of the list")
                }
            };
            let _ = writeln!(
                out,
                "{} ({article}): {} {list} {} {position} ({votes} {}; {why})",
                lang.pick("Gekozen", "Elected"),
                lang.pick("lijst", "list"),
                lang.pick("kandidaat", "candidate"),
                lang.pick("stemmen", "votes"),
            );
            match tie {
                Some(tie) => writeln!(out, "    {}", tie_text(tie, lang)),
                None => Ok(()),
            }
        }
        Step::NextInLine {
            article,
            list,
            order,
        } => writeln!(
            out,
            "{} ({article}), {} {list}: {}",
            lang.pick(
                "Rangschikking van de niet-gekozenen",
                "Ranking of those not elected"
            ),
            lang.pick("lijst", "list"),
            numbers(order)
        ),
        Step::LotApplied { article, id, order } => writeln!(
            out,
            "{} ({article}) {id}: {}",
            lang.pick("Lot / beslissing", "Lot / decision"),
            numbers(order)
        ),
    };
}

fn tie_text(tie: &TieInfo, lang: Language) -> String {
    let criteria: Vec<&str> = tie
        .decided_by
        .iter()
        .map(|criterion| match criterion {
            TieBreak::Lot => lang.pick("beslist door loting", "decided by lot"),
            TieBreak::ListVotes => lang.pick("hoogste stemcijfer", "highest list votes"),
            TieBreak::CandidateVotes => lang.pick(
                "meeste voorkeurstemmen van de kandidaten in het geding",
                "most preference votes of the candidates at stake",
            ),
            TieBreak::Age => lang.pick("oudste kandidaat", "oldest candidate"),
        })
        .collect();
    format!(
        "{} {}: {}",
        lang.pick("gelijke stand tussen", "tie between"),
        numbers(&tie.between),
        criteria.join(", ")
    )
}

fn summary(out: &mut String, apportionment: &Apportionment, lang: Language) {
    let _ = writeln!(
        out,
        "\n{} ({}, {} {}):",
        lang.pick("Uitslag", "Result"),
        apportionment.rules.code(),
        apportionment.seats,
        lang.pick("zetels", "seats")
    );
    // Seats-only results (no candidates given) have no elected candidates to show.
    let with_candidates = apportionment.lists.iter().any(|l| !l.elected.is_empty());
    for list in &apportionment.lists {
        let elected = if with_candidates {
            format!(
                "  {}: {}",
                lang.pick("gekozen", "elected"),
                numbers(&list.elected)
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {} {:>4} {:<40} {:>9} {} {:>3} {}{elected}",
            lang.pick("lijst", "list"),
            list.number,
            list.name,
            list.votes,
            lang.pick("stemmen", "votes"),
            list.seats,
            lang.pick("zetels", "seats"),
        );
    }
    if apportionment.unfilled_seats > 0 {
        let _ = writeln!(
            out,
            "  {}: {}",
            lang.pick("Niet toegewezen zetels", "Seats left empty"),
            apportionment.unfilled_seats
        );
    }
    for warning in &apportionment.warnings {
        let _ = writeln!(out, "  {}: {warning}", lang.pick("Let op", "Warning"));
    }
}

fn lot_text(out: &mut String, request: &LotRequest, lang: Language) {
    let kind = match request.kind {
        DecisionKind::DrawingOfLots => lang.pick("LOTING NODIG", "DRAWING OF LOTS REQUIRED"),
        DecisionKind::OldestCandidate => lang.pick(
            "BESLISSING NODIG: OUDSTE KANDIDAAT",
            "DECISION REQUIRED: OLDEST CANDIDATE",
        ),
    };
    let _ = writeln!(out, "\n{kind} ({}):", request.article);
    let what = match (request.between, request.list) {
        (Between::Candidates, Some(list)) => format!(
            "{} {} {list} {} {}",
            request.seats_at_stake,
            lang.pick("zetel(s) van lijst", "seat(s) of list"),
            lang.pick(
                "voor de kandidaten met gelijke stemmen:",
                "for the candidates with equal votes:"
            ),
            numbers(&request.options)
        ),
        _ => format!(
            "{} {} {}",
            request.seats_at_stake,
            lang.pick(
                "zetel(s) voor de gelijk staande lijsten:",
                "seat(s) for the tied lists:"
            ),
            numbers(&request.options)
        ),
    };
    let _ = writeln!(out, "  {what}");
    let _ = writeln!(out, "  id: {}", request.id);
    let _ = writeln!(
        out,
        "  {}: {}; {}: {}",
        lang.pick("opties", "options"),
        numbers(&request.options),
        lang.pick("te verdelen", "at stake"),
        request.seats_at_stake
    );
    let _ = writeln!(
        out,
        "  {}",
        lang.pick(
            "Geef de getrokken volgorde mee in \"lots\": {\"id\": …, \"order\": […]} en reken opnieuw.",
            "Pass the drawn order in \"lots\": {\"id\": …, \"order\": […]} and run again."
        )
    );
}
