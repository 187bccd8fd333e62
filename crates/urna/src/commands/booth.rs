//! `urna booth run`: the Flemish polling station in one terminal kiosk: the president machine
//! (the chair unlocks with the credential sheet, opens, activates cards, closes), the voting
//! computers (the voter chooses with number keys and Enter, confirms, and the ballot is printed
//! as a picture and a PDF) and the ballot box (which scans the printed picture, as a scanner
//! does, and records the vote on the two sticks). The machines are separate objects with their
//! own keys; they share only the card and the printed ballot, as in the polling station.
//!
//! Keyboard only; `--large` doubles the size of the text on terminals that know the VT100
//! double-size lines. Stopping (0, or end of input) pauses the poll; running again resumes it.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use booth::choice::Choice;
use booth::sticks::Sticks;
use booth::{Day, PresidentMachine, VotingComputer};
use chrono::{SecondsFormat, Utc};

use messages::{Language, t};

use crate::hash_check::Prompt;

/// What `urna booth run` works on.
#[derive(Debug, Clone)]
pub struct Station {
    /// The station's package of each election of the day (folders or stick images).
    pub packages: Vec<PathBuf>,
    /// The authority's public key, when the machine has it from outside.
    pub authority_key: Option<PathBuf>,
    /// The two ballot-box sticks.
    pub sticks: [PathBuf; 2],
    /// Where printed ballots and the report go.
    pub out: PathBuf,
    /// How many voting computers.
    pub voting_computers: u8,
    /// Double-size text.
    pub large: bool,
}

struct Screen<'a> {
    prompt: &'a mut dyn Prompt,
    large: bool,
    lang: Language,
}

impl Screen<'_> {
    fn heading(&mut self, text: &str) -> anyhow::Result<()> {
        if self.large {
            // VT100 double-height, double-width lines: the top half, then the bottom half.
            self.prompt.say(&format!("\x1b#3{text}\n\x1b#4{text}"))?;
        } else {
            self.prompt.say(&format!("\n== {text} =="))?;
        }
        Ok(())
    }
    fn line(&mut self, text: &str) -> anyhow::Result<()> {
        if self.large {
            self.prompt.say(&format!("\x1b#6{text}"))?;
        } else {
            self.prompt.say(text)?;
        }
        Ok(())
    }
    /// Asks until the answer is a number in `allowed` (or empty when `empty_ok`).
    fn number(
        &mut self,
        question: &str,
        allowed: &[u32],
        empty_ok: bool,
    ) -> anyhow::Result<Option<u32>> {
        loop {
            let answer = self.prompt.ask(question)?;
            let answer = answer.trim();
            if answer.is_empty() && empty_ok {
                return Ok(None);
            }
            match answer.parse::<u32>() {
                Ok(n) if allowed.contains(&n) => return Ok(Some(n)),
                _ => {
                    let again = t!(self.lang, "cli-booth-not-a-choice-again");
                    self.line(&again)?;
                }
            }
        }
    }
}

/// Runs the kiosk until the poll is closed or paused. Returns a summary for standard output.
pub fn run(lang: Language, prompt: &mut dyn Prompt, station: &Station) -> anyhow::Result<String> {
    let authority = match &station.authority_key {
        Some(path) => Some(super::ceremony::read_public_key(path)?),
        None => None,
    };
    let packages = station
        .packages
        .iter()
        .map(|path| super::ceremony::read_target(path))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let day = Day::verify(&packages, authority.as_ref())?;
    let mut screen = Screen {
        prompt,
        large: station.large,
        lang,
    };
    screen.heading(&t!(
        lang,
        "cli-booth-president-named",
        station = day.station,
        name = &day.station_name
    ))?;
    for election in &day.elections {
        screen.line(&t!(
            lang,
            "cli-booth-package-fingerprint",
            election = &election.reference.name,
            fingerprint = election.fingerprint.to_string()
        ))?;
    }
    let mut passwords = Vec::new();
    for election in &day.elections {
        let login = screen.prompt.ask(&t!(
            lang,
            "cli-booth-login",
            election = &election.reference.id
        ))?;
        if login.trim() != election.login {
            bail!(
                "{}",
                t!(
                    lang,
                    "cli-booth-unknown-login",
                    election = &election.reference.id
                )
            );
        }
        passwords.push(screen.prompt.ask_secret(&t!(lang, "cli-booth-password"))?);
    }
    let keys = day.unlock(&passwords)?;
    let lead_password = passwords.first().cloned().unwrap_or_default();
    let sticks = Sticks::new(&station.sticks[0], &station.sticks[1])?;
    let opened_before = sticks
        .read(booth::sticks::POLL)?
        .iter()
        .any(Option::is_some);
    let mut president = if opened_before {
        screen.line(&t!(lang, "cli-booth-resuming"))?;
        PresidentMachine::resume(day.clone(), keys, &lead_password, sticks)?
    } else {
        let opened = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
        let machine = PresidentMachine::open(day.clone(), keys, &lead_password, sticks, &opened)?;
        screen.line(&t!(lang, "cli-booth-opened"))?;
        machine
    };
    if president.is_closed() {
        return Ok(format!("{}\n", t!(lang, "cli-booth-closed-already")));
    }
    let mut machines = Vec::new();
    for _ in 0..station.voting_computers.max(1) {
        let (machine, number) = president.enrol_voting_computer()?;
        screen.line(&t!(
            lang,
            "cli-booth-enrolled",
            number = number,
            key = machine.public_key().fingerprint().to_string()
        ))?;
        machines.push(machine);
    }
    let mut printer = Printer::new(station.out.join("stembiljetten"), &president.poll().opened)?;
    let outcome = poll(
        lang,
        &mut screen,
        &mut president,
        &mut machines,
        &mut printer,
        &station.out,
        &day,
    );
    // Whatever ended the session, the ballots printed in it reach the folder.
    printer.flush()?;
    outcome
}

/// The chair's menu, voter after voter, until the poll is paused or closed.
fn poll(
    lang: Language,
    screen: &mut Screen<'_>,
    president: &mut PresidentMachine,
    machines: &mut [VotingComputer],
    printer: &mut Printer,
    out: &Path,
    day: &Day,
) -> anyhow::Result<String> {
    let mut voter = 0usize;
    loop {
        screen.heading(&t!(lang, "cli-booth-president", station = day.station))?;
        for (key, id) in [
            (1, "cli-booth-menu-activate"),
            (2, "cli-booth-menu-progress"),
            (3, "cli-booth-menu-close"),
            (0, "cli-booth-menu-pause"),
        ] {
            screen.line(&format!("{key}  {}", lang.text(id)))?;
        }
        let choice = match screen.number("> ", &[0, 1, 2, 3], false) {
            Ok(choice) => choice,
            // End of input: the chair walked away; the poll is safe on the sticks.
            Err(_) => Some(0),
        };
        match choice {
            Some(1) => {
                let elections = choose_elections(screen, day)?;
                let card = president.activate_card(&elections)?;
                let machine = &mut machines[voter % machines.len().max(1)];
                voter += 1;
                let printed = vote(screen, machine, &card)?;
                let qr = printed.qr_png(4)?;
                // The printed ballot is in the language of the administration: Dutch.
                let (pdf, png) =
                    report::ballot(&format!("stembureau {}", day.station), &printed.text, qr)?;
                screen.line(&t!(lang, "cli-booth-printed"))?;
                let scanned = president.scan(&png);
                printer.print(png, pdf);
                match scanned {
                    Ok(recorded) => {
                        screen.line(&t!(lang, "cli-booth-recorded", ballots = recorded.ballots))?
                    }
                    Err(error) => screen.line(&t!(
                        lang,
                        "cli-booth-scan-refused",
                        reason = error.to_string()
                    ))?,
                }
            }
            Some(2) => {
                let tally = president.tally();
                screen.line(&t!(
                    lang,
                    "cli-booth-progress",
                    cards = format!("{:?}", tally.cards),
                    ballots = tally.ballots
                ))?;
            }
            Some(3) => {
                let sure = screen.number(&t!(lang, "cli-booth-close-sure"), &[1, 2], false)?;
                if sure == Some(1) {
                    return close(lang, president, out);
                }
            }
            _ => {
                return Ok(format!("{}\n", t!(lang, "cli-booth-paused")));
            }
        }
    }
}

fn choose_elections(screen: &mut Screen<'_>, day: &Day) -> anyhow::Result<Vec<usize>> {
    if day.elections.len() == 1 {
        return Ok(vec![0]);
    }
    for (index, election) in day.elections.iter().enumerate() {
        screen.line(&format!("{}  {}", index + 1, election.reference.name))?;
    }
    loop {
        let question = t!(screen.lang, "cli-booth-choose-elections");
        let answer = screen.prompt.ask(&question)?;
        if answer.trim().is_empty() {
            return Ok((0..day.elections.len()).collect());
        }
        let chosen: Option<Vec<usize>> = answer
            .split_whitespace()
            .map(|n| {
                n.parse::<usize>()
                    .ok()
                    .filter(|n| (1..=day.elections.len()).contains(n))
                    .map(|n| n - 1)
            })
            .collect();
        match chosen {
            Some(chosen) if !chosen.is_empty() => return Ok(chosen),
            _ => {
                let not = t!(screen.lang, "cli-booth-not-a-choice");
                screen.line(&not)?;
            }
        }
    }
}

/// The voting computer's screens for one voter.
fn vote(
    screen: &mut Screen<'_>,
    machine: &mut VotingComputer,
    card: &[u8],
) -> anyhow::Result<booth::voting_computer::PrintedBallot> {
    let card = machine.insert_card(card)?;
    let lang = screen.lang;
    loop {
        let mut choices = Vec::new();
        for &index in &card.elections {
            let election = &machine.day().elections[usize::from(index)];
            let ballot = election.ballot.clone();
            screen.heading(&t!(
                lang,
                "cli-booth-voting-computer",
                election = &election.reference.name
            ))?;
            for list in &ballot.lists {
                screen.line(&format!("{:>2}  {}", list.number, list.name))?;
            }
            screen.line(&format!(" 0  {}", t!(lang, "cli-booth-vote-blank")))?;
            let numbers: Vec<u32> = std::iter::once(0)
                .chain(ballot.lists.iter().map(|l| l.number))
                .collect();
            let list = screen
                .number(&t!(lang, "cli-booth-list"), &numbers, false)?
                .unwrap_or(0);
            let choice = if list == 0 {
                Choice::Blank
            } else {
                let on_ballot = ballot.lists.iter().find(|l| l.number == list);
                screen.heading(&t!(
                    lang,
                    "cli-booth-list-heading",
                    list = list,
                    name = on_ballot.map_or("", |l| l.name.as_str())
                ))?;
                for candidate in on_ballot
                    .map(|l| l.candidates.as_slice())
                    .unwrap_or_default()
                {
                    screen.line(&format!("{:>2}  {}", candidate.position, candidate.name))?;
                }
                loop {
                    let answer = screen.prompt.ask(&t!(lang, "cli-booth-candidates"))?;
                    let positions: Option<Vec<u32>> =
                        answer.split_whitespace().map(|n| n.parse().ok()).collect();
                    let Some(positions) = positions else {
                        screen.line(&t!(lang, "cli-booth-not-a-choice"))?;
                        continue;
                    };
                    let choice = Choice::candidates(list, positions);
                    match choice.check(&ballot) {
                        Ok(()) => break choice,
                        Err(error) => screen.line(&t!(
                            lang,
                            "cli-booth-invalid-choice",
                            reason = error.to_string()
                        ))?,
                    }
                }
            };
            choices.push((usize::from(index), choice));
        }
        screen.heading(&t!(lang, "cli-booth-check-vote"))?;
        for (index, choice) in &choices {
            let election = &machine.day().elections[*index];
            screen.line(&election.reference.name)?;
            for line in choice.describe(&election.ballot, lang) {
                screen.line(&format!("  {line}"))?;
            }
        }
        let confirm = screen.number(&t!(lang, "cli-booth-confirm"), &[1, 2], false)?;
        if confirm == Some(1) {
            return Ok(machine.print(&card, &choices)?);
        }
    }
}

/// The printer of the voting computers, as files: `stembiljet-<random>.png` and `.pdf`.
///
/// A folder of files written one per vote would give the order of voting away: by their
/// modification, access and change times, by their inode numbers and by the order a directory
/// lists them. So the printed ballots are held until the session ends (paused or closed), then
/// written in a random order, each under a random name, every file with the same modification
/// and access time: the poll's opening.
struct Printer {
    folder: PathBuf,
    time: std::time::SystemTime,
    printed: Vec<(Vec<u8>, Vec<u8>)>,
}

impl Printer {
    fn new(folder: PathBuf, opened: &str) -> anyhow::Result<Printer> {
        std::fs::create_dir_all(&folder).with_context(|| folder.display().to_string())?;
        let time = chrono::DateTime::parse_from_rfc3339(opened)
            .map(std::time::SystemTime::from)
            .unwrap_or(std::time::UNIX_EPOCH);
        Ok(Printer {
            folder,
            time,
            printed: Vec::new(),
        })
    }

    fn print(&mut self, png: Vec<u8>, pdf: Vec<u8>) {
        self.printed.push((png, pdf));
    }

    /// Writes the ballots printed so far, in a random order.
    fn flush(&mut self) -> anyhow::Result<()> {
        let mut printed = std::mem::take(&mut self.printed);
        seal::random::shuffle(&mut printed);
        let times = std::fs::FileTimes::new()
            .set_modified(self.time)
            .set_accessed(self.time);
        for (png, pdf) in printed {
            let name = format!(
                "stembiljet-{}",
                seal::hex::encode(&seal::random::bytes::<8>())
            );
            for (extension, bytes) in [("png", png), ("pdf", pdf)] {
                let path = self.folder.join(format!("{name}.{extension}"));
                let file =
                    std::fs::File::create_new(&path).with_context(|| path.display().to_string())?;
                let mut writer = std::io::BufWriter::new(&file);
                std::io::Write::write_all(&mut writer, &bytes)
                    .and_then(|()| std::io::Write::flush(&mut writer))
                    .with_context(|| path.display().to_string())?;
                drop(writer);
                file.set_times(times)
                    .with_context(|| path.display().to_string())?;
            }
        }
        Ok(())
    }
}

fn close(lang: Language, president: &mut PresidentMachine, out: &Path) -> anyhow::Result<String> {
    let closed = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
    let results = president.close(&closed)?;
    let mut summary = String::new();
    for (result, election) in results.iter().zip(&president.day().elections) {
        let result_bytes = result.to_bytes();
        let pdf = report::station_report(&report::StationReport {
            election: &election.election,
            contest: &election.contest,
            station: format!(
                "{} ({})",
                president.day().station,
                president.day().station_name
            ),
            opened: &president.poll().opened,
            closed: &closed,
            fingerprint: election.fingerprint.to_string(),
            ballot_box: &result.ballot_box,
            cards: result.cards,
            count: &result.count,
            result_file: report::SourceFile {
                name: &booth::sticks::result_file(&result.election),
                bytes: &result_bytes,
            },
            created_at: Utc::now(),
        })?;
        let path = out.join(format!(
            "proces-verbaal-SB{}-{}.pdf",
            result.station, result.election
        ));
        std::fs::write(&path, pdf).with_context(|| path.display().to_string())?;
        summary.push_str(&t!(
            lang,
            "cli-booth-closed-election",
            election = &result.election,
            ballots = result.count.ballots_total,
            cards = result.cards,
            report = path.display().to_string()
        ));
        summary.push('\n');
    }
    summary.insert_str(0, &format!("{}\n", t!(lang, "cli-booth-closed")));
    Ok(summary)
}
