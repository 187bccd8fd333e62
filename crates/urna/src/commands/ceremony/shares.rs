//! `urna ceremony combine` and `urna ceremony record`: the key holders restore the election key
//! from their shares (the trial before election day, and the basis of a recount); the signed
//! record, checked and shown.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, bail};
use messages::{Language, t};
use seal::ceremony::{Action, Ceremony};
use seal::lock::{ElectionKey, ElectionPublicKey, unlock};
use seal::shares::{Share, combine};
use seal::signing::PublicKey;
use store::{Actor, Store};

use super::{CeremonyDir, read, read_text, slug};
use crate::hash_check::Prompt;

/// Puts the election key together from the shares of `holders`, each unlocked with its holder's
/// passphrase and checked against the ceremony's public election key.
pub fn restore_election_key(
    lang: Language,
    prompt: &mut dyn Prompt,
    dir: &CeremonyDir,
    holders: &[String],
) -> anyhow::Result<(Ceremony, ElectionKey)> {
    let ceremony = dir.ceremony(lang)?;
    let threshold = ceremony
        .record()
        .steps
        .iter()
        .find_map(|step| match &step.action {
            Action::KeysMade { threshold, .. } => Some(usize::from(*threshold)),
            _ => None,
        });
    if let Some(threshold) = threshold
        && holders.len() < threshold
    {
        bail!(
            "{}",
            t!(
                lang,
                "cli-ceremony-too-few-holders",
                k = threshold,
                given = holders.len()
            )
        );
    }
    let expected: ElectionPublicKey = read_text(&dir.election_pub())?
        .parse()
        .with_context(|| dir.election_pub().display().to_string())?;
    let mut shares = Vec::new();
    for holder in holders {
        let path = find_share(dir, holder).with_context(|| {
            t!(
                lang,
                "cli-ceremony-no-share",
                holder = holder,
                folder = dir.shares().display().to_string()
            )
        })?;
        let passphrase =
            prompt.ask_secret(&t!(lang, "cli-ceremony-holder-passphrase", holder = holder))?;
        let json = unlock(&read(&path)?, passphrase.trim_end_matches(['\r', '\n']))
            .with_context(|| path.display().to_string())?;
        let share = Share::from_json(&json).with_context(|| path.display().to_string())?;
        if share.public_key != expected {
            bail!(
                "{}",
                t!(
                    lang,
                    "cli-ceremony-share-other-key",
                    file = path.display().to_string()
                )
            );
        }
        shares.push(share);
    }
    Ok((ceremony, combine(&shares)?))
}

/// `urna ceremony combine`: the holders put their shares together; Urna checks that the
/// election key is restored (the trial before election day, and the basis of a count).
pub fn combine_shares(
    lang: Language,
    store: &Store,
    actor: &Actor,
    prompt: &mut dyn Prompt,
    dir: &CeremonyDir,
    holders: &[String],
) -> anyhow::Result<String> {
    let (ceremony, key) = restore_election_key(lang, prompt, dir, holders)?;
    let fingerprint = key.public().fingerprint();
    drop(key);
    let authority = dir.unlock_authority(lang, prompt)?;
    dir.record_step(
        ceremony,
        &authority,
        Some(store),
        actor,
        Action::SharesCombined {
            holders: holders.to_vec(),
            election_key: fingerprint.to_hex(),
        },
    )?;
    Ok(format!(
        "{}\n",
        t!(
            lang,
            "cli-ceremony-shares-restore",
            shares = holders.len(),
            fingerprint = fingerprint.to_string()
        )
    ))
}

fn find_share(dir: &CeremonyDir, holder: &str) -> Option<PathBuf> {
    let wanted = slug(holder);
    std::fs::read_dir(dir.shares())
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| {
            path.file_stem()
                .and_then(|stem| stem.to_str())
                .and_then(|stem| stem.split_once('-'))
                .is_some_and(|(_, name)| name == wanted)
        })
}

/// `urna ceremony record`: checks the signed record and prints its steps.
pub fn show_record(
    lang: Language,
    dir: &CeremonyDir,
    authority: Option<&PublicKey>,
) -> anyhow::Result<String> {
    let authority = match authority {
        Some(key) => *key,
        None => dir.authority()?,
    };
    let ceremony = dir.verified(lang, &authority)?;
    let record = ceremony.record();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "cli-ceremony-record",
            name = &record.election.name,
            election = &record.election.id,
            key = authority.fingerprint().to_string()
        )
    );
    for step in &record.steps {
        let _ = writeln!(
            out,
            "  {:>3}. {}  {:<28} {}",
            step.number,
            step.at,
            step.action.name(),
            step.actor
        );
    }
    Ok(out)
}
