//! The demo's key ceremony for Lindeveld, in the secured zone: keys, packages and credential
//! sheets, three sticks of polling station 1 written and checked, the shares put together.

use std::path::Path;

use anyhow::{Context, bail};
use messages::Language;
use store::{Actor, Store};

use super::{DEMO_AUTHORITY_PASSPHRASE, DEMO_HOLDERS, LINDEVELD_ID, Unattended, indent};

/// The first two steps of a demo ceremony in `folder/sleutels-en-pakketten`: the authority's key
/// and the election key split among the demo's three holders (two needed), printed; then a
/// package and credential sheet per office (`folder/inloggegevens-DEMO.pdf`). Returns the folder,
/// the packages' report and the credentials (the demo plays the chairs).
pub(super) fn keys_and_packages(
    lang: Language,
    store: &Store,
    actor: &Actor,
    election: &model::ElectionId,
    folder: &Path,
) -> anyhow::Result<(
    crate::commands::ceremony::CeremonyDir,
    String,
    Vec<seal::ceremony::Credential>,
)> {
    use crate::commands::ceremony::{self as steps, CeremonyDir, SheetsTo};
    let ceremony_dir = CeremonyDir::new(&folder.join("sleutels-en-pakketten"));
    let holders: Vec<String> = DEMO_HOLDERS
        .iter()
        .map(|(name, _)| name.to_string())
        .collect();
    let mut answers = Unattended(
        std::iter::once(DEMO_AUTHORITY_PASSPHRASE)
            .chain(DEMO_HOLDERS.iter().map(|(_, passphrase)| *passphrase))
            .chain(std::iter::once(DEMO_AUTHORITY_PASSPHRASE))
            .map(String::from)
            .collect(),
    );
    print!(
        "{}",
        indent(&steps::keys(
            lang,
            store,
            actor,
            &mut answers,
            election,
            &ceremony_dir,
            &steps::KeySplit {
                holders,
                threshold: 2,
            },
        )?)
    );
    let (report, credentials) = steps::packages(
        lang,
        store,
        actor,
        &mut answers,
        election,
        &ceremony_dir,
        &SheetsTo::File(folder.join("inloggegevens-DEMO.pdf")),
    )?;
    Ok((ceremony_dir, report, credentials))
}

/// The credential sheet of the office with `code` (`SB1`, `HSB`): the demo plays its chair.
pub(super) fn sheet<'a>(
    credentials: &'a [seal::ceremony::Credential],
    code: &str,
) -> anyhow::Result<&'a seal::ceremony::Credential> {
    credentials
        .iter()
        .find(|c| c.office.code() == code)
        .with_context(|| format!("no credential sheet for office {code}"))
}

/// The key ceremony for Lindeveld: keys, packages and credential sheets, three sticks of
/// polling station 1, their check, the shares put together, the signed record.
pub(super) fn ceremony(
    lang: Language,
    store: &Store,
    actor: &Actor,
    dir: &Path,
) -> anyhow::Result<Vec<seal::ceremony::Credential>> {
    use crate::commands::ceremony as steps;
    let folder = dir.join("ceremonie");
    let (ceremony_dir, report, credentials) =
        keys_and_packages(lang, store, actor, &LINDEVELD_ID.parse()?, &folder)?;
    print!("{}", indent(&report));
    let holders: Vec<String> = DEMO_HOLDERS
        .iter()
        .map(|(name, _)| name.to_string())
        .collect();
    let mut answers = Unattended(std::collections::VecDeque::new());
    let sticks: Vec<std::path::PathBuf> = ["a", "b", "c"]
        .iter()
        .map(|copy| folder.join(format!("usb-stembureau-1-{copy}.img")))
        .collect();
    answers.0.push_back(DEMO_AUTHORITY_PASSPHRASE.into());
    let (report, identical) = steps::write_sticks(
        lang,
        store,
        actor,
        &mut answers,
        &ceremony_dir,
        &ceremony_dir.packages().join("SB1"),
        &sticks,
    )?;
    print!("{}", indent(&report));
    if !identical {
        bail!("the demo's stick copies differ");
    }
    let (report, intact) = steps::verify(
        lang,
        &sticks[0],
        &ceremony_dir.authority()?,
        &seal::package::Expected {
            election: Some(LINDEVELD_ID.parse()?),
            office: Some(seal::package::Office::PollingStation {
                number: 1,
                name: String::new(),
            }),
        },
        None,
    )?;
    print!("{}", indent(&report));
    if !intact {
        bail!("the demo's stick does not verify");
    }
    answers.0.extend(
        [
            DEMO_HOLDERS[0].1,
            DEMO_HOLDERS[2].1,
            DEMO_AUTHORITY_PASSPHRASE,
        ]
        .map(String::from),
    );
    print!(
        "{}",
        indent(&steps::combine_shares(
            lang,
            store,
            actor,
            &mut answers,
            &ceremony_dir,
            &[holders[0].clone(), holders[2].clone()],
        )?)
    );
    print!(
        "{}",
        indent(&steps::show_record(lang, &ceremony_dir, None)?)
    );
    Ok(credentials)
}
