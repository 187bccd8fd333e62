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

mod centre;
mod ceremony;
mod entry;
mod session;
mod voting;

use centre::assen_to_the_centre;
use ceremony::ceremony;
use messages::{Language, t};
use voting::voting;

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
        "../../../../../fixtures/eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml"
    ),
    official_hash: "e97e21fda882eef9b2d27b643065d7762f149a41ed471cf454c3736a5203212c",
};

const ASSEN_CANDIDATES: InputFile = InputFile {
    name: "Kandidatenlijsten_GR2026_Assen.eml.xml",
    bytes: include_bytes!(
        "../../../../../fixtures/eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml"
    ),
    official_hash: "396fb1402e74f5baa11da6410fca648f66ff20fb737c21ed30cdde35bfae6338",
};

const ASSEN_POLLING_STATIONS: InputFile = InputFile {
    name: "Stembureaus_GR2026_Assen.composed.eml.xml",
    bytes: include_bytes!(
        "../../../../../fixtures/eml/composed/Stembureaus_GR2026_Assen.composed.eml.xml"
    ),
    official_hash: "aab25d8bc1bbdd5de223ca50c956f62cbeaabbddcaa1b1a6b46faa7e9c5b38e9",
};

/// The municipality's published count of Assen 2026 (EML 510b): the paper reports of its 44
/// polling stations, which the demo types in twice.
const ASSEN_COUNT: (&str, &[u8]) = (
    "Telling_GR2026_Assen.eml.xml",
    include_bytes!("../../../../../fixtures/eml/real/Telling_GR2026_Assen.eml.xml"),
);

/// The real 2022 result of Reusel-De Mierden, where the absolute-majority rule (Kieswet P 9)
/// moves a seat.
const REUSEL_APPORTIONMENT: &[u8] =
    include_bytes!("../../../../../fixtures/apportionment/nl-gr2022-reuseldemierden.input.json");

const LINDEVELD: InputFile = InputFile {
    name: "GR2024_Lindeveld.json",
    bytes: include_bytes!("../../../../../fixtures/flanders/GR2024_Lindeveld.json"),
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

/// The demo's central authority passphrase.
const DEMO_CENTRAL_PASSPHRASE: &str = "demo-centrale-wachtwoordzin";

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
    let recounted = session::recounted(
        &*office::Office::new(store.clone()).election(&assen)?,
        ASSEN_COUNT,
    )?;
    println!(
        "   {}",
        t!(
            lang,
            "demo-entry-miscounted",
            stations = recounted
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )
    );
    let users = entry::enter_counts(lang, &store, actor, &assen, ASSEN_COUNT, &recounted)?;
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
    println!("\n7b. {}", t!(lang, "demo-step-second-session"));
    print!(
        "{}",
        indent(&session::second_session(
            lang,
            &store,
            actor,
            (&assen, ASSEN_COUNT),
            (&users[0], &users[1]),
            &result_dir.join("zitting-2"),
        )?)
    );
    println!("   {}", t!(lang, "demo-entry-seats"));
    print!("{}", indent(&super::result::show(lang, &office, &assen)?));
    println!("   {}", t!(lang, "demo-entry-to-centre"));
    assen_to_the_centre(lang, &store, actor, dir)?;

    println!("\n8. {}", t!(lang, "demo-step-audit"));
    // Against the head the office sealed with its result (and the centre published), as an
    // auditor holding that paper would.
    let sealed_head = fs::read(
        dir.join("publicatie/feed/elections")
            .join(ASSEN_ID)
            .join("package")
            .join(office::package::AUDIT_HEAD_FILE),
    )?;
    let sealed_head: serde_json::Value = serde_json::from_slice(&sealed_head)?;
    let (intact, report) = audit::verify(lang, &store, sealed_head["hash"].as_str())?;
    print!("{}", indent(&report));
    if !intact {
        bail!("the demo's audit log is broken");
    }
    let integrity = store.integrity_check()?;
    println!("   SQLite integrity_check: {}", integrity.join(", "));
    // A checked backup, as `urna serve --backup-dir` makes one after every change.
    let backup = store.backup(actor, &dir.join("reservekopie"))?;
    println!(
        "   {}",
        t!(
            lang,
            "demo-backup",
            path = backup.path.display().to_string(),
            entry = backup.head.as_ref().map_or(0, |(seq, _)| *seq)
        )
    );

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
