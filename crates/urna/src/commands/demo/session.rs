//! The demo's second session of Assen's municipal electoral committee: the polling stations
//! that the real committee investigated (the flags of Assen's published 510b) are investigated
//! again here, the two whose ballots it partly recounted get a corrected count typed twice, and
//! the session's documents are made: the corrigendum (Na 14-2 and its Bijlage 1), the new 510b
//! with the investigation flags, and the seats determined again.
//!
//! What the real committee wrote down (its times, members, reasons and findings) is not
//! published; the demo's texts for them say that they are the demo's.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use messages::{Language, t};
use model::committee::{Cause, Conclusion, InvestigationFlags, SessionDetails};
use model::count::CountForm;
use model::{ElectionId, PollingStationNumber};
use office::{Office, Operator};
use store::{Actor, Store};

use super::entry::typed_twice;

/// The polling stations whose ballots the real committee partly recounted, by Assen's 510b.
pub fn recounted(
    election: &model::Election,
    count_file: (&str, &[u8]),
) -> anyhow::Result<Vec<PollingStationNumber>> {
    Ok(flags(election, count_file)?
        .into_iter()
        .filter(|(_, f)| f.ballots_partly_recounted)
        .map(|(n, _)| n)
        .collect())
}

fn flags(
    election: &model::Election,
    count_file: (&str, &[u8]),
) -> anyhow::Result<std::collections::BTreeMap<PollingStationNumber, InvestigationFlags>> {
    Ok(eml::read_investigation_flags(
        eml::SourceFile::new(count_file.0, count_file.1),
        election,
    )?)
}

/// Runs the second session and writes its documents to `dir`; returns what to print.
pub fn second_session(
    lang: Language,
    store: &Arc<Store>,
    actor: &Actor,
    (election_id, count_file): (&ElectionId, (&str, &[u8])),
    typists: (&Operator, &Operator),
    dir: &Path,
) -> anyhow::Result<String> {
    let office = Office::new(store.clone());
    let election = office.election(election_id)?;
    let contest = election.contests.first().context("no lists")?;
    let published = eml::read_polling_station_counts(
        eml::SourceFile::new(count_file.0, count_file.1),
        &election,
    )?;
    let mut out = String::new();
    let started = election
        .election_date
        .checked_add_days(chrono::Days::new(7))
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .context("date")?;
    let session = office.open_session(
        actor,
        election_id,
        SessionDetails {
            started,
            location: t!(lang, "demo-session-location"),
            members: vec![
                t!(lang, "demo-session-chair"),
                t!(lang, "demo-session-member", number = 1),
                t!(lang, "demo-session-member", number = 2),
            ],
        },
    )?;
    let _ = writeln!(
        out,
        "{}",
        t!(lang, "demo-session-opened", session = session.number)
    );
    let all = flags(&election, count_file)?;
    let investigated: Vec<_> = all.iter().filter(|(_, f)| f.any()).collect();
    for (station, flags) in &investigated {
        let cause = if flags.other_reason {
            Cause::OtherReason
        } else {
            Cause::UnexplainedDifference
        };
        office.open_investigation(
            actor,
            election_id,
            **station,
            cause,
            t!(lang, "demo-investigation-reason"),
            false,
        )?;
        office.conclude_investigation(
            actor,
            election_id,
            **station,
            Conclusion {
                findings: t!(lang, "demo-investigation-findings"),
                admitted_voters_reestablished: flags.admitted_voters_reestablished,
                ballots_recounted: flags.ballots_partly_recounted,
                corrected_count: flags.ballots_partly_recounted,
            },
        )?;
        if flags.ballots_partly_recounted {
            let count = published
                .get(*station)
                .with_context(|| format!("polling station {station} is not in the 510b"))?;
            let fields = CountForm::Netherlands(count.clone()).submitted(contest);
            typed_twice(&office, typists, election_id, **station, &fields)?;
        }
    }
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "demo-session-investigated",
            count = investigated.len(),
            recounted = investigated
                .iter()
                .filter(|(_, f)| f.ballots_partly_recounted)
                .map(|(n, _)| n.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )
    );
    out.push_str(&super::super::result::report(
        lang,
        &office,
        actor,
        election_id,
        dir,
        false,
    )?);
    out.push_str(&super::super::result::export(
        lang,
        &office,
        actor,
        election_id,
        dir,
    )?);
    let history = office.count_history(election_id)?;
    let _ = writeln!(
        out,
        "{}",
        t!(lang, "demo-session-history", count = history.len())
    );
    Ok(out)
}
