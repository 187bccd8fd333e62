//! `urna ceremony keys`: the authority's signing key and the election key, split among the
//! key holders, each share locked to its holder's passphrase.

use std::fmt::Write as _;

use anyhow::bail;
use messages::{Language, t};
use seal::ceremony::{Action, Ceremony};
use seal::lock::{ElectionKey, Strength, lock};
use seal::shares::split;
use seal::signing::SigningKey;
use store::{Actor, Store};

use super::{CeremonyDir, choose_passphrase, create, election_ref, load_election, slug};
use crate::hash_check::Prompt;

/// Who holds the shares of the election key, and how many are needed.
#[derive(Debug, Clone)]
pub struct KeySplit {
    /// The holders, in share order.
    pub holders: Vec<String>,
    /// Shares needed (k).
    pub threshold: usize,
}

/// `urna ceremony keys`: the authority key and the election key, split among the holders.
pub fn keys(
    lang: Language,
    store: &Store,
    actor: &Actor,
    prompt: &mut dyn Prompt,
    election_id: &model::ElectionId,
    dir: &CeremonyDir,
    split_among: &KeySplit,
) -> anyhow::Result<String> {
    let (holders, threshold) = (&split_among.holders, split_among.threshold);
    let election = load_election(lang, store, election_id)?;
    if dir.authority_key().exists() || dir.record().exists() {
        bail!(
            "{}",
            t!(
                lang,
                "cli-ceremony-keys-exist",
                folder = dir.0.display().to_string()
            )
        );
    }
    let mut names = std::collections::BTreeSet::new();
    for holder in holders {
        if holder.trim().is_empty() || !names.insert(slug(holder)) {
            bail!("{}", t!(lang, "cli-ceremony-holder-names", holder = holder));
        }
    }
    if threshold < 2 || threshold > holders.len() {
        bail!(
            "{}",
            t!(
                lang,
                "cli-ceremony-threshold",
                k = threshold,
                n = holders.len()
            )
        );
    }

    // Every passphrase first, so that a mistake leaves nothing half made.
    let authority_passphrase =
        choose_passphrase(lang, prompt, &t!(lang, "cli-ceremony-the-authority"))?;
    let mut holder_passphrases = Vec::new();
    for holder in holders {
        holder_passphrases.push(choose_passphrase(lang, prompt, holder)?);
    }

    let authority = SigningKey::generate();
    let election_key = ElectionKey::generate();
    let shares = split(&election_key, &election.id, holders, threshold)?;
    let public_key = election_key.public();
    drop(election_key);

    create(
        &dir.authority_pub(),
        format!("{}\n", authority.public()).as_bytes(),
    )?;
    create(
        &dir.authority_key(),
        &lock(
            authority.secret_bytes().as_slice(),
            &authority_passphrase,
            Strength::Chosen,
        )?,
    )?;
    create(&dir.election_pub(), format!("{public_key}\n").as_bytes())?;
    let mut share_files = Vec::new();
    for (share, passphrase) in shares.iter().zip(&holder_passphrases) {
        let path = dir
            .shares()
            .join(format!("{}-{}.age", share.index, slug(&share.holder)));
        create(
            &path,
            &lock(&share.to_json(), passphrase, Strength::Chosen)?,
        )?;
        share_files.push(path);
    }

    let ceremony = Ceremony::open(election_ref(&election));
    dir.record_step(
        ceremony,
        &authority,
        Some(store),
        actor,
        Action::KeysMade {
            authority: authority.public().fingerprint().to_hex(),
            election_key: public_key.fingerprint().to_hex(),
            threshold: threshold as u8,
            holders: holders.to_vec(),
        },
    )?;

    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        t!(lang, "cli-ceremony-keys-made", election = &election.name)
    );
    let _ = writeln!(
        out,
        "  {:<34}{}",
        t!(lang, "cli-ceremony-authority-key"),
        authority.public().fingerprint()
    );
    let _ = writeln!(
        out,
        "  {:<34}{}",
        t!(lang, "cli-ceremony-election-key"),
        public_key.fingerprint()
    );
    let _ = writeln!(
        out,
        "  {}",
        t!(lang, "cli-ceremony-split", k = threshold, n = holders.len())
    );
    for path in share_files {
        let _ = writeln!(out, "    {}", path.display());
    }
    Ok(out)
}
