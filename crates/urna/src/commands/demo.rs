//! `urna demo`: the whole chain as far as Urna has it, on a real election, into one folder.
//!
//! Today that is the preparation of a municipality — loading the real candidate lists of the
//! municipal council election of Assen (18 March 2026) with their hash codes checked, showing a
//! refused file, loading a Flemish election — then results entry (the published count of every
//! polling station typed twice, a slip resolved by the coordinator), the seats and elected
//! candidates from those counts, the audit log verified, and the seat allocation of Kieswet
//! chapter P step by step on a real published result. Each new capability extends this demo.

use std::fs;
use std::path::Path;

use anyhow::{Context, bail};
use seal::HashCode;
use store::{Actor, Store};

use crate::cli::{DemoArgs, ImportArgs};
use crate::commands::{audit, election};
use crate::hash_check::Prompt;
use messages::{Language, t};

/// Marks a folder as made by the demo, so `--force` only ever deletes the demo's own folder.
const MARKER: &str = ".urna-demo";
/// The ids of the demo's two elections.
const ASSEN_ID: &str = "GR2026_Assen";
const LINDEVELD_ID: &str = "GR2024_Lindeveld";

struct InputFile {
    name: &'static str,
    bytes: &'static [u8],
    /// The official hash code, as the authority publishes it (for the composed files: their
    /// hash code as recorded in `fixtures/README.md`).
    official_hash: &'static str,
}

const ASSEN_DEFINITION: InputFile = InputFile {
    name: "Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml",
    bytes: include_bytes!(
        "../../../../fixtures/eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml"
    ),
    official_hash: "913dd74c15fa29513997735ef9ebcad5b4c3a56696b30cdab803b3b4eeaf2e06",
};

const ASSEN_CANDIDATES: InputFile = InputFile {
    name: "Kandidatenlijsten_GR2026_Assen.eml.xml",
    bytes: include_bytes!("../../../../fixtures/eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml"),
    official_hash: "396fb1402e74f5baa11da6410fca648f66ff20fb737c21ed30cdde35bfae6338",
};

const ASSEN_POLLING_STATIONS: InputFile = InputFile {
    name: "Stembureaus_GR2026_Assen.composed.eml.xml",
    bytes: include_bytes!(
        "../../../../fixtures/eml/composed/Stembureaus_GR2026_Assen.composed.eml.xml"
    ),
    official_hash: "aab25d8bc1bbdd5de223ca50c956f62cbeaabbddcaa1b1a6b46faa7e9c5b38e9",
};

/// The municipality's published count of Assen 2026 (EML 510b): the paper reports of its 44
/// polling stations, which the demo types in twice.
const ASSEN_COUNT: (&str, &[u8]) = (
    "Telling_GR2026_Assen.eml.xml",
    include_bytes!("../../../../fixtures/eml/real/Telling_GR2026_Assen.eml.xml"),
);

/// The real 2022 result of Reusel-De Mierden, where the absolute-majority rule (Kieswet P 9)
/// moves a seat.
const REUSEL_APPORTIONMENT: &[u8] =
    include_bytes!("../../../../fixtures/apportionment/nl-gr2022-reuseldemierden.input.json");

const LINDEVELD: InputFile = InputFile {
    name: "GR2024_Lindeveld.json",
    bytes: include_bytes!("../../../../fixtures/flanders/GR2024_Lindeveld.json"),
    official_hash: "f619b6231c7b4cc09ad7ff05b00218f9467faa3ee171a5fd57881e401bea8e6d",
};

/// The demo's key holders and their passphrases (a demo only: real ones are chosen by the
/// officials themselves and typed where nobody sees them).
const DEMO_AUTHORITY_PASSPHRASE: &str = "demo-autoriteit-wachtwoordzin";
const DEMO_HOLDERS: [(&str, &str); 3] = [
    ("An Peeters", "demo-an-wachtwoordzin"),
    ("Bram Janssens", "demo-bram-wachtwoordzin"),
    ("Chloé Maes", "demo-chloe-wachtwoordzin"),
];

/// The demo asks nobody: it passes the official hash codes as a script does, and answers the
/// ceremony's passphrase questions from this queue, in the order they are asked.
struct Unattended(std::collections::VecDeque<String>);

impl Prompt for Unattended {
    fn is_interactive(&self) -> bool {
        false
    }
    fn say(&mut self, _text: &str) -> std::io::Result<()> {
        Ok(())
    }
    fn ask(&mut self, _question: &str) -> std::io::Result<String> {
        self.0
            .pop_front()
            .ok_or_else(|| std::io::Error::other("the demo has no answer to this question"))
    }
}

/// The first two steps of a demo ceremony in `folder/sleutels-en-pakketten`: the authority's key
/// and the election key split among the demo's three holders (two needed), printed; then a
/// package and credential sheet per office (`folder/inloggegevens-DEMO.pdf`). Returns the folder,
/// the packages' report and the credentials (the demo plays the chairs).
fn keys_and_packages(
    lang: Language,
    store: &Store,
    actor: &Actor,
    election: &model::ElectionId,
    folder: &Path,
) -> anyhow::Result<(
    super::ceremony::CeremonyDir,
    String,
    Vec<seal::ceremony::Credential>,
)> {
    use super::ceremony::{self as steps, CeremonyDir, SheetsTo};
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
fn sheet<'a>(
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
fn ceremony(
    lang: Language,
    store: &Store,
    actor: &Actor,
    dir: &Path,
) -> anyhow::Result<Vec<seal::ceremony::Credential>> {
    use super::ceremony as steps;
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
            election: Some("GR2024_Lindeveld".into()),
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

/// Assen's determined result from the results database to the published site: its ceremony,
/// the sealed result, the intake over TLS, a new version of the publication.
fn assen_to_the_centre(
    lang: Language,
    store: &std::sync::Arc<Store>,
    actor: &Actor,
    dir: &Path,
) -> anyhow::Result<()> {
    let folder = dir.join("ceremonie-assen");
    let (ceremony_dir, report, credentials) =
        keys_and_packages(lang, store, actor, &ASSEN_ID.parse()?, &folder)?;
    let ceremony_path = folder.join("sleutels-en-pakketten");
    // The 45 fingerprints are in the record; the first lines say enough here.
    print!(
        "{}",
        indent(&report.lines().take(3).collect::<Vec<_>>().join("\n"))
    );
    println!("      …");
    let chair = sheet(&credentials, "SB1")?;
    print!(
        "{}",
        indent(&super::station_app::demo(
            lang,
            store,
            actor,
            &ASSEN_ID.parse()?,
            &ceremony_dir,
            &dir.join("urna-data"),
            chair,
            &dir.join("opkomst"),
        )?)
    );
    let password = sheet(&credentials, "HSB")?.password.clone();
    let central = dir.join("centraal");
    let central_dir = central::CentralDir::new(&central);
    let sealed = dir.join("uitslag").join("uitslag-assen.urna-result");
    print!(
        "{}",
        indent(&super::result::seal(
            lang,
            &office::Office::new(store.clone()),
            actor,
            &mut Unattended([password.clone()].into()),
            &super::result::Seal {
                election: ASSEN_ID.parse()?,
                package: ceremony_dir.packages().join("HSB"),
                authority_key: ceremony_dir.authority_pub(),
                seal_for: central_dir.transmission_pub(),
                sealed: sealed.clone(),
            },
        )?)
    );
    print!(
        "{}",
        indent(&super::publish::register(
            lang,
            store,
            actor,
            &central_dir,
            &ceremony_path,
            &central::registry::PlaceArgs {
                province: None,
                district: None,
            },
        )?)
    );
    // The intake on loopback for as long as the sending takes.
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let (ready, address) = std::sync::mpsc::channel();
    let server = {
        let store = store.clone();
        let actor = actor.clone();
        let central = central.clone();
        std::thread::spawn(move || {
            super::central::serve_until(
                lang,
                store,
                &actor,
                &mut Unattended([DEMO_CENTRAL_PASSPHRASE.to_string()].into()),
                &super::central::Serve {
                    dir: central,
                    listen: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
                },
                move |listening| {
                    let _ = ready.send(listening);
                },
                async {
                    let _ = stopped.await;
                },
            )
        })
    };
    let sent = address
        .recv_timeout(std::time::Duration::from_secs(30))
        .context("the demo's intake server did not start")
        .and_then(|listening| {
            println!(
                "   urna central serve: {}",
                t!(
                    lang,
                    "demo-intake-serving",
                    url = &listening.url,
                    fingerprint = listening.fingerprint.to_string()
                )
            );
            super::central::send(
                lang,
                &mut Unattended([password].into()),
                &super::central::Sending {
                    server: listening.address.to_string(),
                    server_name: None,
                    tls_ca: central_dir.tls_ca(),
                    receipts_key: central_dir.receipts_pub(),
                    package: ceremony_dir.packages().join("HSB"),
                    election: None,
                    files: vec![sealed.clone()],
                },
            )
        });
    let _ = stop.send(());
    let served = server
        .join()
        .map_err(|_| anyhow::anyhow!("the demo's intake server stopped unexpectedly"))?;
    let (report, all) = sent?;
    served?;
    print!("{}", indent(&report));
    if !all {
        bail!("the demo's intake refused Assen's result");
    }
    publish_and_verify(lang, store, actor, &central, &dir.join("publicatie"), None)?;
    Ok(())
}

/// The centre's next version of the publication in `site` (the first names its `round`), and the
/// independent check of its feed, both printed.
fn publish_and_verify(
    lang: Language,
    store: &Store,
    actor: &Actor,
    central: &Path,
    site: &Path,
    round: Option<(&str, &str)>,
) -> anyhow::Result<()> {
    print!(
        "{}",
        indent(&super::publish::export(
            lang,
            store,
            actor,
            &mut Unattended([DEMO_CENTRAL_PASSPHRASE.to_string()].into()),
            &super::publish::ExportArgs {
                central: central.to_path_buf(),
                out: site.to_path_buf(),
                round: round.map(|(code, _)| code.to_string()),
                name: round.map(|(_, name)| name.to_string()),
            },
        )?)
    );
    let (report, sound) =
        super::publish::verify(lang, site, &publish::verify::Expectations::default())?;
    print!("{}", indent(&report));
    if !sound {
        bail!("the demo's published feed does not verify");
    }
    Ok(())
}

/// Makes `dir` a fresh, empty demo folder.
fn prepare_folder(lang: Language, dir: &Path, force: bool) -> anyhow::Result<()> {
    if dir.exists() {
        let empty = fs::read_dir(dir)
            .with_context(|| dir.display().to_string())?
            .next()
            .is_none();
        if !empty {
            if !dir.join(MARKER).is_file() {
                bail!(
                    "{}",
                    t!(
                        lang,
                        "demo-folder-not-a-demo",
                        folder = dir.display().to_string()
                    )
                );
            }
            if !force {
                bail!(
                    "{}",
                    t!(
                        lang,
                        "demo-folder-earlier-demo",
                        folder = dir.display().to_string()
                    )
                );
            }
            fs::remove_dir_all(dir).with_context(|| dir.display().to_string())?;
        }
    }
    fs::create_dir_all(dir.join("invoer")).with_context(|| dir.display().to_string())?;
    fs::write(dir.join(MARKER), "urna demo\n")?;
    Ok(())
}

fn write_input(dir: &Path, file: &InputFile) -> anyhow::Result<std::path::PathBuf> {
    let path = dir.join("invoer").join(file.name);
    fs::write(&path, file.bytes).with_context(|| path.display().to_string())?;
    Ok(path)
}

/// Runs the demo, printing what it does.
pub fn run(lang: Language, args: &DemoArgs, actor: &Actor) -> anyhow::Result<()> {
    let dir = &args.dir;
    prepare_folder(lang, dir, args.force)?;
    let data_dir = dir.join("urna-data");
    println!(
        "{}\n",
        t!(lang, "demo-title", folder = dir.display().to_string())
    );

    let definition = write_input(dir, &ASSEN_DEFINITION)?;
    let candidates = write_input(dir, &ASSEN_CANDIDATES)?;
    let stations = write_input(dir, &ASSEN_POLLING_STATIONS)?;
    let lindeveld = write_input(dir, &LINDEVELD)?;
    println!(
        "1. {}",
        t!(
            lang,
            "demo-inputs-written",
            folder = dir.join("invoer").display().to_string()
        )
    );

    println!("\n2. {}", t!(lang, "demo-step-assen"));
    let assen_args = ImportArgs {
        definition: definition.clone(),
        candidates: Some(candidates.clone()),
        polling_stations: Some(stations),
        definition_hash: Some(ASSEN_DEFINITION.official_hash.to_string()),
        candidates_hash: Some(ASSEN_CANDIDATES.official_hash.to_string()),
    };
    let imported = election::import(
        lang,
        &data_dir,
        actor,
        &mut Unattended(Default::default()),
        &assen_args,
    )?;
    print!("{}", indent(&election::import_report(lang, &imported)));
    let code = HashCode::of(ASSEN_CANDIDATES.bytes);
    println!(
        "   {}\n     {}",
        t!(lang, "demo-hash-on-terminal"),
        code.masked()
    );

    println!("\n3. {}", t!(lang, "demo-step-refused"));
    let mut wrong = ASSEN_CANDIDATES.official_hash.to_string();
    wrong.replace_range(0..1, if wrong.starts_with('0') { "1" } else { "0" });
    let refused = election::import(
        lang,
        &data_dir,
        actor,
        &mut Unattended(Default::default()),
        &ImportArgs {
            candidates_hash: Some(wrong),
            ..assen_args
        },
    );
    match refused {
        Ok(_) => bail!("the demo expected the wrong hash code to be refused"),
        Err(error) => println!("   {error}"),
    }

    println!("\n4. {}", t!(lang, "demo-step-lindeveld"));
    let imported = election::import(
        lang,
        &data_dir,
        actor,
        &mut Unattended(Default::default()),
        &ImportArgs {
            definition: lindeveld,
            candidates: None,
            polling_stations: None,
            definition_hash: Some(LINDEVELD.official_hash.to_string()),
            candidates_hash: None,
        },
    )?;
    print!("{}", indent(&election::import_report(lang, &imported)));

    let store = std::sync::Arc::new(Store::open_existing(&data_dir)?);
    println!("\n5. {}", t!(lang, "demo-step-loaded"));
    print!("{}", indent(&election::list(lang, &store)?));

    println!("\n6. {}", t!(lang, "demo-step-ceremony"));
    let credentials = ceremony(lang, &store, actor, dir)?;
    println!("\n6b. {}", t!(lang, "demo-step-voting"));
    voting(lang, &store, actor, dir, &credentials)?;

    println!("\n7. {}", t!(lang, "demo-step-entry"));
    fs::write(dir.join("invoer").join(ASSEN_COUNT.0), ASSEN_COUNT.1)?;
    let assen: model::ElectionId = ASSEN_ID.parse()?;
    super::demo_entry::enter_counts(lang, &store, actor, &assen, ASSEN_COUNT)?;
    println!("   {}", t!(lang, "demo-entry-seats"));
    let office = office::Office::new(store.clone());
    print!("{}", indent(&super::result::show(lang, &office, &assen)?));
    let result_dir = dir.join("uitslag");
    println!("   {}", t!(lang, "demo-entry-eml"));
    print!(
        "{}",
        indent(&super::result::export(
            lang,
            &office,
            actor,
            &assen,
            &result_dir
        )?)
    );
    println!("   {}", t!(lang, "demo-entry-reports"));
    print!(
        "{}",
        indent(&super::result::report(
            lang,
            &office,
            actor,
            &assen,
            &result_dir,
            true
        )?)
    );
    println!("   {}", t!(lang, "demo-entry-to-centre"));
    assen_to_the_centre(lang, &store, actor, dir)?;

    println!("\n8. {}", t!(lang, "demo-step-audit"));
    let (intact, report) = audit::verify(lang, &store)?;
    print!("{}", indent(&report));
    if !intact {
        bail!("the demo's audit log is broken");
    }
    let integrity = store.integrity_check()?;
    println!("   SQLite integrity_check: {}", integrity.join(", "));

    println!("\n9. {}", t!(lang, "demo-step-apportionment"));
    let apportionment_dir = dir.join("zetelverdeling");
    fs::create_dir_all(&apportionment_dir)?;
    let input_path = apportionment_dir.join("reusel-de-mierden-2022.invoer.json");
    fs::write(&input_path, REUSEL_APPORTIONMENT)?;
    let input = apportion::parse_input(std::str::from_utf8(REUSEL_APPORTIONMENT)?)?;
    let outcome = apportion::apportion(&input)?;
    let report = apportion::render::text(&outcome, lang);
    fs::write(
        apportionment_dir.join("reusel-de-mierden-2022.txt"),
        &report,
    )?;
    fs::write(
        apportionment_dir.join("reusel-de-mierden-2022.json"),
        serde_json::to_string_pretty(&outcome)?,
    )?;
    // The P 9 step, then the result per list (the report's last paragraph).
    let majority = outcome
        .steps()
        .iter()
        .filter(|step| matches!(step, apportion::Step::AbsoluteMajority { .. }))
        .map(|step| apportion::render::step(step, lang));
    let result = report.rsplit("\n\n").next().unwrap_or_default().to_string();
    for line in majority
        .chain([result])
        .flat_map(|text| text.lines().map(ToString::to_string).collect::<Vec<_>>())
    {
        println!("   {line}");
    }
    println!(
        "   {}",
        t!(
            lang,
            "demo-every-step",
            file = apportionment_dir
                .join("reusel-de-mierden-2022.txt")
                .display()
                .to_string()
        )
    );

    println!(
        "\n{}",
        t!(
            lang,
            "demo-done",
            folder = dir.display().to_string(),
            data = data_dir.display().to_string(),
            stick = dir
                .join("ceremonie/usb-stembureau-1-a.img")
                .display()
                .to_string(),
            authority = dir
                .join("ceremonie/sleutels-en-pakketten/authority.pub")
                .display()
                .to_string(),
            input = input_path.display().to_string()
        )
    );
    Ok(())
}

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

/// The demo's central authority passphrase.
const DEMO_CENTRAL_PASSPHRASE: &str = "demo-centrale-wachtwoordzin";

/// Polling stations 1–3 of Lindeveld through the kiosk, the main office's count sealed for the
/// central authority and taken in there, a recount.
fn voting(
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
        indent(&super::central::keys(
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
        let station = super::booth::Station {
            packages: vec![ceremony_dir.join("packages").join(format!("SB{number}"))],
            authority_key: Some(ceremony_dir.join("authority.pub")),
            sticks: station_sticks.clone(),
            out: folder.join(format!("stembureau-{number}")),
            voting_computers: 2,
            large: false,
        };
        print!(
            "{}",
            indent(&super::booth::run(lang, &mut answers, &station)?)
        );
        sticks.extend(station_sticks);
    }
    let (report, complete) = super::count::import_sticks(
        lang,
        &mut Unattended([main_office_password].into()),
        &super::count::Import {
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
    let (report, received) = super::central::receive(
        lang,
        store.clone(),
        actor,
        &mut Unattended([DEMO_CENTRAL_PASSPHRASE.to_string()].into()),
        &super::central::Intake {
            dir: central.clone(),
            offices: ceremony_dir.join("offices.json"),
            election: "GR2024_Lindeveld".into(),
            files: vec![sealed.clone()],
        },
    )?;
    print!("{}", indent(&report));
    let (report, valid) = super::central::check_receipt(
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
        indent(&super::publish::register(
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
    let (report, tallies) = super::count::recount(
        lang,
        &mut answers,
        &super::count::RecountArgs {
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

fn indent(text: &str) -> String {
    text.lines().map(|line| format!("   {line}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_hash_codes_belong_to_the_embedded_files() {
        for file in [
            &ASSEN_DEFINITION,
            &ASSEN_CANDIDATES,
            &ASSEN_POLLING_STATIONS,
            &LINDEVELD,
        ] {
            assert_eq!(
                HashCode::of(file.bytes).to_hex(),
                file.official_hash,
                "{}",
                file.name
            );
        }
    }
}
