//! `urna count …`: the Flemish main office reads the ballot-box sticks of its polling stations,
//! checks them and totals them, allocates the seats and elects the candidates; and the recount
//! of one station with k officials' shares of the election key.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use booth::main_office::{self, MainOffice, StickCopy};
use messages::{Language, t};

use super::ceremony::{read_public_key, read_target};
use crate::hash_check::Prompt;

/// What `urna count import-sticks` works on.
#[derive(Debug, Clone)]
pub struct Import {
    /// The main office's package.
    pub package: PathBuf,
    /// The authority's public key.
    pub authority_key: PathBuf,
    /// The stick copies (folders or images).
    pub sticks: Vec<PathBuf>,
    /// Only these stations (a canton's); all of the election when empty.
    pub stations: Vec<u32>,
    /// Stations accepted on one stick.
    pub accept_single: Vec<u32>,
    /// Where the main office's report goes.
    pub report: Option<PathBuf>,
    /// Seal the result (the result file and the report) for the central authority whose
    /// transmission key this is, into `sealed`.
    pub seal_for: Option<(PathBuf, PathBuf)>,
}

fn read_copy(path: &Path) -> anyhow::Result<StickCopy> {
    Ok(StickCopy {
        label: path.display().to_string(),
        files: read_target(path)?,
    })
}

/// The main office of its verified package, and the package's files.
fn open_main_office(
    lang: Language,
    package: &Path,
    authority_key: &Path,
) -> anyhow::Result<(MainOffice, BTreeMap<String, Vec<u8>>)> {
    let authority = read_public_key(authority_key)?;
    let files = read_target(package)?;
    let office = MainOffice::from_package(&files, &authority)
        .map_err(|problem| anyhow::anyhow!("{}: {}", package.display(), problem.text(lang)))?;
    Ok((office, files))
}

/// Reads, checks and totals (through the office's one result engine); returns the text and
/// whether the totals could be made.
pub fn import_sticks(
    lang: Language,
    prompt: &mut dyn Prompt,
    import: &Import,
) -> anyhow::Result<(String, bool)> {
    let authority = read_public_key(&import.authority_key)?;
    let package = read_target(&import.package)?;
    let copies = import
        .sticks
        .iter()
        .map(|path| read_copy(path))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let counted = super::result::refused(
        lang,
        office::sticks::count(
            &package,
            &authority,
            copies,
            &import.stations,
            &import.accept_single,
        ),
    )
    .with_context(|| import.package.display().to_string())?;
    let mut out = String::new();
    for station in &counted.reading.stations {
        writeln!(
            out,
            "{}",
            t!(
                lang,
                "cli-count-station",
                station = format!("{:>3}", station.station),
                ballots = format!("{:>5}", station.result.count.ballots_total),
                sticks = station.labels.join(", ")
            )
        )?;
    }
    let Some(determination) = &counted.determination else {
        writeln!(out, "\n{}", t!(lang, "cli-count-not-totalled"))?;
        for problem in &counted.reading.problems {
            writeln!(out, "  - {}", problem.message().text(lang))?;
        }
        return Ok((out, false));
    };
    let election = &counted.office.election;
    let summary = determination.summary(election);
    for (contest, result) in summary.contests.iter().zip(&determination.contests) {
        if matches!(result.outcome, determine::ContestOutcome::Uncounted) {
            continue;
        }
        writeln!(
            out,
            "\n{} {} — {}",
            election.name,
            contest.name.clone().unwrap_or_default(),
            t!(
                lang,
                "cli-count-contest-totals",
                ballots = contest.cast,
                valid = contest.valid,
                blank = contest.blank
            )
        )?;
        if result.lot_required().is_some() {
            writeln!(out, "{}", t!(lang, "cli-count-lot-needed"))?;
            continue;
        }
        for list in &contest.lists {
            let elected: Vec<&str> = list.elected.iter().map(|e| e.name.as_str()).collect();
            writeln!(
                out,
                "  {}  {}",
                t!(
                    lang,
                    "cli-count-list",
                    number = format!("{:>2}", list.number),
                    name = format!("{:<24}", list.name),
                    votes = format!("{:>6}", list.votes),
                    seats = list.seats
                ),
                elected.join(", ")
            )?;
        }
    }
    // A count of some polling stations only (a canton's): said, never passed off as the result.
    let missing = determination.missing();
    if !missing.is_empty() {
        writeln!(
            out,
            "\n{}",
            t!(
                lang,
                "cli-count-partial",
                counted = determination.counted(),
                expected = determination.counted() + missing.len()
            )
        )?;
    }
    if let Some(path) = &import.report {
        let report_name = path.file_name().map_or_else(
            || "hoofdbureau.pdf".into(),
            |n| n.to_string_lossy().into_owned(),
        );
        let Some(files) =
            super::result::refused(lang, office::sticks::result_files(&counted, &report_name))?
        else {
            return Ok((out, true));
        };
        // The result file beside the report; its hash code is in the report's footer.
        let result_path = path.with_file_name(&files.result.name);
        std::fs::write(&result_path, &files.result.bytes)
            .with_context(|| result_path.display().to_string())?;
        let mut sealed_files =
            BTreeMap::from([(files.result.name.clone(), files.result.bytes.clone())]);
        for (_, report) in &files.reports {
            let report_path = path.with_file_name(&report.name);
            std::fs::write(&report_path, &report.bytes)
                .with_context(|| report_path.display().to_string())?;
            writeln!(
                out,
                "{}",
                t!(
                    lang,
                    "cli-count-report",
                    report = report_path.display().to_string(),
                    result = result_path.display().to_string()
                )
            )?;
            sealed_files.insert(report.name.clone(), report.bytes.clone());
        }
        if let Some((central, sealed)) = &import.seal_for {
            let (sealed_text, _) = super::central::seal_main_office_result(
                lang,
                prompt,
                &package,
                central,
                sealed_files,
                sealed,
            )?;
            out.push_str(&sealed_text);
        }
    }
    Ok((out, true))
}

/// What `urna count recount` works on.
#[derive(Debug, Clone)]
pub struct RecountArgs {
    /// The ceremony folder (shares and public election key).
    pub ceremony: PathBuf,
    /// The holders present.
    pub holders: Vec<String>,
    /// The main office's package and the authority key, to check the stick first.
    pub package: PathBuf,
    /// The authority's public key.
    pub authority_key: PathBuf,
    /// The station's stick.
    pub stick: PathBuf,
    /// The paper ballots' pictures (a folder of PNG files), to rescan too.
    pub ballots: Option<PathBuf>,
}

/// Decrypts a station's votes with k shares and compares them with its signed result; with
/// `ballots`, rescans the paper too. Returns the text and whether everything tallies.
pub fn recount(
    lang: Language,
    prompt: &mut dyn Prompt,
    args: &RecountArgs,
) -> anyhow::Result<(String, bool)> {
    let (office, _) = open_main_office(lang, &args.package, &args.authority_key)?;
    let copy = read_copy(&args.stick)?;
    let main_office::Checked {
        result, ballot_box, ..
    } = main_office::check_copy(&office, &copy)
        .map_err(|problem| anyhow::anyhow!(problem.message().text(lang)))?;
    let layout = model::ballot::BallotLayout::of(&office.election);
    let Some(ballot) = layout.contests.iter().find(|c| c.id == result.contest) else {
        bail!(
            "{}",
            t!(
                lang,
                "cli-count-no-such-contest",
                contest = result.contest.as_str()
            )
        );
    };
    let dir = super::ceremony::CeremonyDir::new(&args.ceremony);
    let (_, key) = super::ceremony::restore_election_key(lang, prompt, &dir, &args.holders)?;
    let found = booth::recount::decrypt_and_count(
        &ballot_box,
        &office.election.id,
        &key,
        ballot,
        &result.count,
    )?;
    let mut out = String::new();
    let mut ok = found.tallies();
    writeln!(
        out,
        "{}",
        t!(
            lang,
            "cli-count-decrypted",
            station = result.station,
            votes = found.count.ballots_total,
            tallies = u8::from(found.tallies())
        )
    )?;
    for difference in &found.differences {
        writeln!(out, "  - {}", difference.text(lang))?;
    }
    if let Some(folder) = &args.ballots {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
            .with_context(|| folder.display().to_string())?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("png")))
            .collect();
        paths.sort();
        let poll: booth::poll::Poll = serde_json::from_slice(
            copy.files
                .get(booth::sticks::POLL)
                .map(Vec::as_slice)
                .unwrap_or_default(),
        )?;
        let index = poll
            .elections
            .iter()
            .position(|e| e.election == office.election.id.as_str())
            .unwrap_or(0) as u8;
        // One picture in memory at a time; the first that may not be read stops the rescan.
        let mut unreadable = None;
        let pictures = paths.iter().map_while(|path| {
            bounded::read(path, booth::qr::MAX_PICTURE_BYTES)
                .map_err(|e| unreadable = Some(e))
                .ok()
        });
        let rescan = booth::recount::rescan(
            pictures,
            &poll.id_bytes().unwrap_or_default(),
            &poll.voting_computers,
            index,
            ballot,
            &result.count,
        );
        if let Some(error) = unreadable {
            return Err(error.into());
        }
        ok &= rescan.recount.tallies();
        writeln!(
            out,
            "{}",
            t!(
                lang,
                "cli-count-rescanned",
                ballots = paths.len(),
                tallies = u8::from(rescan.recount.tallies())
            )
        )?;
        for difference in &rescan.recount.differences {
            writeln!(out, "  - {}", difference.text(lang))?;
        }
        for (index, why) in &rescan.refused {
            writeln!(out, "  - {}: {why}", paths[index - 1].display())?;
        }
    }
    Ok((out, ok))
}
