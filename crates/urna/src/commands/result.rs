//! `urna result show|export`: the result of an election from its definitive counts — totals,
//! seats and elected candidates (Kieswet chapter P or the Flemish rules) — and the count's files.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, bail};
use store::{Actor, Store};
use web::service::Service;

use crate::cli::Lang;

/// Totals, seats and elected candidates, as text.
pub fn show(lang: Lang, service: &Service, election_id: &str) -> anyhow::Result<String> {
    let election = service.election(election_id)?;
    let contest = election
        .contests
        .first()
        .context("the election has no lists")?;
    let (totals, missing) = service.definitive_totals(election_id)?;
    let mut out = String::new();
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(ToString::to_string).collect();
        bail!(
            "{} {}",
            lang.pick(
                "nog geen definitieve telling voor stembureau(s)",
                "no definitive count yet for polling station(s)"
            ),
            list.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "{}: {} {}, {} {}, {} {}, {} {}, {} {}",
        election.name,
        totals.admitted_voters,
        lang.pick("toegelaten kiezers", "admitted voters"),
        totals.valid,
        lang.pick("stemmen op kandidaten", "votes for candidates"),
        totals.blank,
        lang.pick("blanco", "blank"),
        totals.invalid,
        lang.pick("ongeldig", "invalid"),
        totals.polling_stations.len(),
        lang.pick("stembureaus", "polling stations"),
    );
    let input = apportion::Input::from_totals(&election, contest, &totals)
        .context("no seat-allocation rules for this election")?;
    let outcome = apportion::apportion(&input)?;
    let Some(result) = outcome.complete() else {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "Er moet eerst geloot worden (urna apportion toont wat).",
                "A drawing of lots is needed first (urna apportion shows what)."
            )
        );
        return Ok(out);
    };
    for list in &result.lists {
        let names: Vec<String> = list
            .elected
            .iter()
            .filter_map(|position| {
                contest
                    .lists
                    .iter()
                    .find(|l| l.number.get() == list.number)
                    .and_then(|l| {
                        l.candidates
                            .get(usize::try_from(*position).ok()?.checked_sub(1)?)
                    })
                    .map(model::Candidate::full_name)
            })
            .collect();
        let votes = totals
            .lists
            .iter()
            .find(|l| l.number == list.number)
            .map_or(0, |l| l.votes);
        let seats = if list.seats == 1 {
            lang.pick("zetel", "seat")
        } else {
            lang.pick("zetels", "seats")
        };
        let _ = write!(
            out,
            "{} {} {}: {votes} {}, {} {seats}",
            lang.pick("Lijst", "List"),
            list.number,
            list.name,
            lang.pick("stemmen", "votes"),
            list.seats,
        );
        if names.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, " — {}", names.join(", "));
        }
    }
    Ok(out)
}

/// Writes the count's files (generated once, then as stored) into `dir`; returns what it wrote.
pub fn export(
    lang: Lang,
    store: &Arc<Store>,
    actor: &Actor,
    election_id: &str,
    dir: &Path,
) -> anyhow::Result<String> {
    let service = Service::new(store.clone());
    let files = service.count_files(actor, election_id)?;
    std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    let mut out = String::new();
    for file in files {
        let path = dir.join(&file.name);
        std::fs::write(&path, &file.bytes).with_context(|| path.display().to_string())?;
        let _ = writeln!(
            out,
            "{}  {}  ({} {})",
            file.hash_code,
            path.display(),
            lang.pick("gemaakt", "made"),
            file.created_at
        );
    }
    Ok(out)
}
