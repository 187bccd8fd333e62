//! `urna committee …`: the municipal electoral committee's sessions, its investigations of
//! polling stations and the counts corrected counts replaced (`office::committee`).

use std::fmt::Write as _;

use anyhow::Context;
use messages::{Language, t};
use model::committee::{Cause, Conclusion, CountingMethod, Session, SessionDetails};
use office::Office;
use store::Actor;

use super::result::refused;
use crate::cli::{CauseArg, CommitteeCommand, SessionArgs};

fn details(lang: Language, args: &SessionArgs) -> anyhow::Result<SessionDetails> {
    let start = args.start.trim();
    let started = SessionDetails::parse_start(start)
        .with_context(|| t!(lang, "cli-committee-start", start = start))?;
    Ok(SessionDetails {
        started,
        location: args.place.clone(),
        members: args.members.clone(),
    })
}

fn yes_no(lang: Language, value: bool) -> String {
    if value {
        t!(lang, "cli-yes")
    } else {
        t!(lang, "cli-no")
    }
}

fn session_line(lang: Language, session: &Session) -> String {
    let state = if session.closed {
        t!(lang, "cli-committee-closed")
    } else {
        t!(lang, "cli-committee-open")
    };
    match &session.details {
        Some(d) => t!(
            lang,
            "cli-committee-session",
            session = session.number,
            state = state,
            start = d.started.format("%Y-%m-%d %H:%M").to_string(),
            place = &d.location,
            members = d.members.join(", ")
        ),
        None => t!(
            lang,
            "cli-committee-session-unrecorded",
            session = session.number,
            state = state
        ),
    }
}

/// What `urna committee show` prints.
pub fn show(
    lang: Language,
    office: &Office,
    election: &model::ElectionId,
) -> anyhow::Result<String> {
    let mut out = String::new();
    let counting = refused(lang, office.counting_method(election))?;
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "cli-committee-counting",
            method = counting.name().text(lang)
        )
    );
    for session in refused(lang, office.sessions(election))? {
        let _ = writeln!(out, "{}", session_line(lang, &session));
    }
    for i in refused(lang, office.investigations(election))? {
        let _ = writeln!(
            out,
            "{}",
            t!(
                lang,
                "cli-committee-investigation",
                station = i.station.get(),
                session = i.session,
                cause = i.cause.name().text(lang),
                reason = &i.reason,
                requested = yes_no(lang, i.requested_by_central)
            )
        );
        let line = match &i.conclusion {
            Some(c) => t!(
                lang,
                "cli-committee-concluded",
                findings = &c.findings,
                admitted = yes_no(lang, c.admitted_voters_reestablished),
                recounted = yes_no(lang, c.ballots_recounted),
                corrected = yes_no(lang, c.corrected_count)
            ),
            None => t!(lang, "cli-committee-not-concluded"),
        };
        let _ = writeln!(out, "  {line}");
    }
    for replaced in refused(lang, office.count_history(election))? {
        let _ = writeln!(
            out,
            "{}",
            t!(
                lang,
                "cli-committee-replaced",
                station = replaced.polling_station.get(),
                session = replaced.session,
                reason = &replaced.reason,
                by = &replaced.replaced_by,
                at = &replaced.replaced_at
            )
        );
    }
    Ok(out)
}

/// Runs one `urna committee` command; returns what to print.
pub fn run(
    lang: Language,
    office: &Office,
    actor: &Actor,
    command: &CommitteeCommand,
) -> anyhow::Result<String> {
    match command {
        CommitteeCommand::Show { election } => show(lang, office, election),
        CommitteeCommand::Counting { election, method } => {
            let method = CountingMethod::parse(method)
                .with_context(|| t!(lang, "cli-committee-counting-unknown", method = method))?;
            refused(lang, office.set_counting_method(actor, election, method))?;
            show(lang, office, election)
        }
        CommitteeCommand::Details { election, session } => {
            refused(
                lang,
                office.record_session_details(actor, election, details(lang, session)?),
            )?;
            show(lang, office, election)
        }
        CommitteeCommand::Open { election, session } => {
            refused(
                lang,
                office.open_session(actor, election, details(lang, session)?),
            )?;
            show(lang, office, election)
        }
        CommitteeCommand::Investigate {
            election,
            station,
            cause,
            reason,
            requested_by_central,
        } => {
            let cause = match cause {
                CauseArg::UnexplainedDifference => Cause::UnexplainedDifference,
                CauseArg::OtherReason => Cause::OtherReason,
            };
            refused(
                lang,
                office.open_investigation(
                    actor,
                    election,
                    *station,
                    cause,
                    reason.clone(),
                    *requested_by_central,
                ),
            )?;
            show(lang, office, election)
        }
        CommitteeCommand::Conclude {
            election,
            station,
            findings,
            admitted_voters_reestablished,
            recounted,
            corrected_count,
        } => {
            refused(
                lang,
                office.conclude_investigation(
                    actor,
                    election,
                    *station,
                    Conclusion {
                        findings: findings.clone(),
                        admitted_voters_reestablished: *admitted_voters_reestablished,
                        ballots_recounted: *recounted,
                        corrected_count: *corrected_count,
                    },
                ),
            )?;
            let mut out = show(lang, office, election)?;
            if *corrected_count {
                let _ = writeln!(
                    out,
                    "{}",
                    t!(lang, "cli-committee-type-again", station = station.get())
                );
            }
            Ok(out)
        }
        CommitteeCommand::Reset {
            election,
            station,
            reason,
        } => {
            refused(
                lang,
                office.reset_entry(actor, election, *station, reason.clone()),
            )?;
            let mut out = show(lang, office, election)?;
            let _ = writeln!(
                out,
                "{}",
                t!(lang, "cli-committee-type-again", station = station.get())
            );
            Ok(out)
        }
    }
}
