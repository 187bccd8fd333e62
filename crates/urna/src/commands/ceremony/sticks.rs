//! `urna ceremony write-sticks` and `urna ceremony verify`: a package cloned to every stick,
//! each copy read back and compared; and the check of a stick or package on its own.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use messages::{Language, t};
use seal::HashCode;
use seal::ceremony::{Action, CopyEntry};
use seal::package::Expected;
use seal::signing::PublicKey;
use seal::stick::{self, Target};
use store::{Actor, Store};

use super::{CeremonyDir, problems_text, read_target};
use crate::hash_check::Prompt;

/// `urna ceremony write-sticks`: copies a package to every target, reads each back, compares.
/// Returns the report and whether every copy is identical.
pub fn write_sticks(
    lang: Language,
    store: &Store,
    actor: &Actor,
    prompt: &mut dyn Prompt,
    dir: &CeremonyDir,
    package: &Path,
    targets: &[PathBuf],
) -> anyhow::Result<(String, bool)> {
    let ceremony = dir.ceremony(lang)?;
    let authority_public = dir.authority()?;
    let source = read_target(package)?;
    // Never clone a package that is not intact.
    let verified = seal::package::verify(&source, &authority_public, &Expected::default())
        .map_err(|problems| {
            anyhow::anyhow!(
                "{}\n{}",
                t!(
                    lang,
                    "cli-ceremony-package-not-intact",
                    file = package.display().to_string()
                ),
                problems_text(lang, &problems)
            )
        })?;
    let authority = dir.unlock_authority(lang, prompt)?;

    let total: u64 = source.values().map(|bytes| bytes.len() as u64).sum();
    let mut copies = Vec::new();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "cli-ceremony-copies",
            office = verified.manifest.office.code(),
            fingerprint = verified.fingerprint.to_string()
        )
    );
    for (index, path) in targets.iter().enumerate() {
        let target = Target::from_path(path);
        let bar = indicatif::ProgressBar::new(total).with_message(format!(
            "{}/{} {}",
            index + 1,
            targets.len(),
            path.display()
        ));
        let written = stick::write(&target, &source, &mut |done, _| bar.set_position(done));
        bar.finish_and_clear();
        let differing = match written.map_err(anyhow::Error::from).and_then(|()| {
            let back = stick::read(&target)?;
            Ok(stick::differences(&source, &back))
        }) {
            Ok(differing) => differing,
            Err(error) => vec![format!("{error:#}")],
        };
        let _ = writeln!(
            out,
            "  {}/{} {:<40} {}",
            index + 1,
            targets.len(),
            path.display(),
            if differing.is_empty() {
                t!(lang, "cli-ceremony-copy-identical")
            } else {
                t!(
                    lang,
                    "cli-ceremony-copy-differs",
                    files = differing.join(", ")
                )
            }
        );
        copies.push(CopyEntry {
            target: path.display().to_string(),
            differing,
        });
    }
    let identical = copies.iter().all(|copy| copy.differing.is_empty());
    dir.record_step(
        ceremony,
        &authority,
        Some(store),
        actor,
        Action::SticksWritten {
            package: verified.fingerprint.to_hex(),
            copies,
        },
    )?;
    Ok((out, identical))
}

/// `urna ceremony verify`: checks a stick or package. Returns the report and whether intact.
pub fn verify(
    lang: Language,
    target: &Path,
    authority: &PublicKey,
    expected: &Expected,
    record: Option<(&CeremonyDir, &Store, &Actor, &mut dyn Prompt)>,
) -> anyhow::Result<(String, bool)> {
    let entries = read_target(target)?;
    let outcome = seal::package::verify(&entries, authority, expected);
    let mut out = String::new();
    let (package, problems) = match &outcome {
        Ok(verified) => {
            let _ = writeln!(
                out,
                "{}: {}\n  {:<20}{} ({})\n  {:<20}{}\n  {:<20}{}",
                target.display(),
                t!(lang, "cli-ceremony-intact"),
                t!(lang, "cli-ceremony-label-election"),
                verified.manifest.election.name,
                verified.manifest.election.id,
                t!(lang, "cli-ceremony-label-for"),
                verified.manifest.office.describe().text(lang),
                t!(lang, "cli-ceremony-label-fingerprint"),
                verified.fingerprint,
            );
            (Some(verified.fingerprint.to_hex()), Vec::new())
        }
        Err(problems) => {
            let _ = write!(
                out,
                "{}: {}\n{}",
                target.display(),
                t!(lang, "cli-ceremony-refused"),
                problems_text(lang, problems)
            );
            let fingerprint = entries
                .get(seal::package::MANIFEST)
                .map(|bytes| HashCode::of(bytes).to_hex());
            (
                fingerprint,
                problems.iter().map(ToString::to_string).collect(),
            )
        }
    };
    if let Some((dir, store, actor, prompt)) = record {
        let ceremony = dir.ceremony(lang)?;
        let key = dir.unlock_authority(lang, prompt)?;
        dir.record_step(
            ceremony,
            &key,
            Some(store),
            actor,
            Action::PackageVerified {
                target: target.display().to_string(),
                package,
                problems,
            },
        )?;
    }
    Ok((out, outcome.is_ok()))
}
