//! Voting in Flanders in the demo: three polling stations in the kiosk, the main office's count
//! of their sticks, the sealed result taken in by the central authority, the recount.

use std::path::Path;

use anyhow::bail;
use messages::{Language, t};
use store::{Actor, Store};

use super::centre::publish_and_verify;
use super::ceremony::sheet;
use super::{DEMO_CENTRAL_PASSPHRASE, DEMO_HOLDERS, LINDEVELD_ID, Unattended, indent};

/// The demo's voters: per polling station, the keys they press (list, then candidates or
/// Enter; `0` is blank) and how many voters press them. The list totals (41, 29, 17, 13, 7, 5,
/// 0, 3) are primes or zero, so no two lists' Imperiali quotients tie and no lot is drawn.
type DemoVote = (&'static str, &'static str, usize);
const DEMO_VOTES: [&[DemoVote]; 3] = [
    &[
        ("1", "1 3", 6),
        ("2", "2", 5),
        ("1", "", 8),
        ("3", "", 6),
        ("2", "", 4),
        ("4", "1 2 5", 4),
        ("5", "1", 2),
        ("8", "9", 1),
        ("0", "", 1),
    ],
    &[
        ("1", "2", 7),
        ("2", "1", 6),
        ("1", "", 6),
        ("3", "4", 5),
        ("2", "", 4),
        ("4", "", 5),
        ("5", "2", 3),
        ("6", "", 2),
        ("0", "", 1),
    ],
    &[
        ("1", "1", 8),
        ("2", "", 10),
        ("1", "", 6),
        ("3", "", 6),
        ("4", "3", 4),
        ("5", "1 2", 2),
        ("6", "1", 3),
        ("8", "", 2),
        ("0", "", 1),
    ],
];

/// Polling stations 1–3 of Lindeveld through the kiosk, the main office's count sealed for the
/// central authority and taken in there, a recount.
pub(super) fn voting(
    lang: Language,
    store: &std::sync::Arc<Store>,
    actor: &Actor,
    dir: &Path,
    credentials: &[seal::ceremony::Credential],
) -> anyhow::Result<()> {
    let folder = dir.join("ceremonie");
    let ceremony_dir = folder.join("sleutels-en-pakketten");
    let central = dir.join("centraal");
    let central_dir = central::CentralDir::new(&central);
    print!(
        "{}",
        indent(&crate::commands::central::keys(
            lang,
            &mut Unattended([DEMO_CENTRAL_PASSPHRASE.to_string()].into()),
            &central_dir,
            &["localhost".to_string(), "127.0.0.1".to_string()],
        )?)
    );
    let main_office_password = sheet(credentials, "HSB")?.password.clone();
    let sealed = folder.join("uitslag-hoofdbureau.urna-result");
    let mut sticks = Vec::new();
    for (index, votes) in DEMO_VOTES.iter().enumerate() {
        let number = index as u32 + 1;
        let credential = sheet(credentials, &format!("SB{number}"))?;
        let station_sticks = [
            folder.join("stembus").join(format!("sb{number}-a")),
            folder.join("stembus").join(format!("sb{number}-b")),
        ];
        // The chair logs in, a voter first types a wrong key, another chooses again.
        let mut keys: Vec<String> = vec![credential.login.clone(), credential.password.clone()];
        let voters = votes.iter().flat_map(|(list, candidates, times)| {
            std::iter::repeat_n((*list, *candidates), *times)
        });
        for (at, (list, candidates)) in voters.enumerate() {
            keys.push("1".into());
            if at == 0 {
                keys.push("x".into());
            }
            keys.push(list.into());
            if list != "0" {
                keys.push(candidates.into());
            }
            if at == 1 {
                keys.extend(["2".to_string(), list.into()]);
                if list != "0" {
                    keys.push(candidates.into());
                }
            }
            keys.push("1".into());
        }
        keys.extend(["2".to_string(), "3".into(), "1".into()]);
        let mut answers = Unattended(keys.into());
        let station = crate::commands::booth::Station {
            packages: vec![ceremony_dir.join("packages").join(format!("SB{number}"))],
            authority_key: Some(ceremony_dir.join("authority.pub")),
            sticks: station_sticks.clone(),
            out: folder.join(format!("stembureau-{number}")),
            voting_computers: 2,
            large: false,
        };
        print!(
            "{}",
            indent(&crate::commands::booth::run(lang, &mut answers, &station)?)
        );
        sticks.extend(station_sticks);
    }
    let (report, complete) = crate::commands::count::import_sticks(
        lang,
        &mut Unattended([main_office_password].into()),
        &crate::commands::count::Import {
            package: ceremony_dir.join("packages").join("HSB"),
            authority_key: ceremony_dir.join("authority.pub"),
            sticks,
            stations: vec![1, 2, 3],
            accept_single: Vec::new(),
            report: Some(folder.join("proces-verbaal-hoofdbureau-stembureaus-1-3.pdf")),
            seal_for: Some((central_dir.transmission_pub(), sealed.clone())),
        },
    )?;
    print!("{}", indent(&report));
    if !complete {
        bail!("the demo's sticks do not total");
    }
    let (report, received) = crate::commands::central::receive(
        lang,
        store.clone(),
        actor,
        &mut Unattended([DEMO_CENTRAL_PASSPHRASE.to_string()].into()),
        &crate::commands::central::Intake {
            dir: central.clone(),
            offices: ceremony_dir.join("offices.json"),
            election: LINDEVELD_ID.parse()?,
            files: vec![sealed.clone()],
        },
    )?;
    print!("{}", indent(&report));
    let (report, valid) = crate::commands::central::check_receipt(
        lang,
        &central::intake::receipt_path(&sealed),
        &central_dir.receipts_pub(),
        Some(&sealed),
    )?;
    print!("{}", indent(&report));
    if !received || !valid {
        bail!("the demo's result did not reach the central authority");
    }
    // The centre registers the election from its ceremony, publishes a signed snapshot with the
    // site and feed, and anyone checks the feed.
    print!(
        "{}",
        indent(&crate::commands::publish::register(
            lang,
            store,
            actor,
            &central_dir,
            &ceremony_dir,
            &central::registry::PlaceArgs {
                province: Some("Antwerpen".into()),
                district: Some("Mechelen".into()),
            },
        )?)
    );
    let site = dir.join("publicatie");
    let round_name = t!(lang, "demo-round-name");
    publish_and_verify(
        lang,
        store,
        actor,
        &central,
        &site,
        Some(("GR2024", &round_name)),
    )?;
    println!(
        "   {}",
        t!(
            lang,
            "demo-open-site",
            file = site.join("index.html").display().to_string()
        )
    );
    let mut answers = Unattended(
        [DEMO_HOLDERS[0].1, DEMO_HOLDERS[2].1]
            .iter()
            .map(ToString::to_string)
            .collect(),
    );
    let (report, tallies) = crate::commands::count::recount(
        lang,
        &mut answers,
        &crate::commands::count::RecountArgs {
            ceremony: ceremony_dir.clone(),
            holders: vec![DEMO_HOLDERS[0].0.into(), DEMO_HOLDERS[2].0.into()],
            package: ceremony_dir.join("packages").join("HSB"),
            authority_key: ceremony_dir.join("authority.pub"),
            stick: folder.join("stembus").join("sb1-a"),
            ballots: Some(folder.join("stembureau-1").join("stembiljetten")),
        },
    )?;
    print!("{}", indent(&report));
    if !tallies {
        bail!("the demo's recount does not tally");
    }
    Ok(())
}
