//! The official proves a file is the official one: by typing two blanked groups of its hash code
//! on a terminal, or (scripts) by passing the whole official hash code.

use std::io::{self, BufRead, IsTerminal, Write};

use anyhow::{Context, bail};
use messages::{Language, t};
use seal::{HashCode, HashCodeError};
use store::{FileRole, HashCheck};

/// Where the questions are asked and answered.
pub trait Prompt {
    /// Whether a person can answer (a terminal).
    fn is_interactive(&self) -> bool;
    /// Shows `text` to the person.
    fn say(&mut self, text: &str) -> io::Result<()>;
    /// Asks `question` and returns the answer line.
    fn ask(&mut self, question: &str) -> io::Result<String>;
    /// Asks for a secret (a passphrase): on a terminal without echo.
    fn ask_secret(&mut self, question: &str) -> io::Result<String> {
        self.ask(question)
    }
}

/// The process's terminal: questions on stderr (stdout stays for results), answers on stdin.
#[derive(Debug)]
pub struct Terminal;

impl Prompt for Terminal {
    fn is_interactive(&self) -> bool {
        io::stdin().is_terminal()
    }

    fn say(&mut self, text: &str) -> io::Result<()> {
        writeln!(io::stderr(), "{text}")
    }

    fn ask(&mut self, question: &str) -> io::Result<String> {
        let mut stderr = io::stderr();
        write!(stderr, "{question}")?;
        stderr.flush()?;
        let mut answer = String::new();
        if io::stdin().lock().read_line(&mut answer)? == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "no answer"));
        }
        Ok(answer)
    }

    fn ask_secret(&mut self, question: &str) -> io::Result<String> {
        if self.is_interactive() {
            read_secret(question)
        } else {
            self.ask(question)
        }
    }
}

/// The terminal's settings as they were, put back when dropped: however the reading ends (an
/// answer, Ctrl-C, an error, a panic), the terminal echoes again.
struct Restore<'a> {
    tty: &'a std::fs::File,
    saved: rustix::termios::Termios,
}

impl Drop for Restore<'_> {
    fn drop(&mut self) {
        let _ = rustix::termios::tcsetattr(
            self.tty,
            rustix::termios::OptionalActions::Now,
            &self.saved,
        );
    }
}

/// Reads a secret from the terminal without echo. The terminal is read key by key with its
/// signal keys off, so Ctrl-C is a key like any other here: it ends the question (an
/// `Interrupted` error, the command stops) with the terminal put back as it was. (A password
/// reader that lets Ctrl-C kill the process leaves the shell without echo.) Backspace takes back
/// one character, Ctrl-U the whole line, Ctrl-D on an empty line is the end of input.
fn read_secret(question: &str) -> io::Result<String> {
    use rustix::termios::{LocalModes, OptionalActions, SpecialCodeIndex, tcgetattr, tcsetattr};
    use std::io::Read;

    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")?;
    let saved = tcgetattr(&tty)?;
    let mut quiet = saved.clone();
    quiet
        .local_modes
        .remove(LocalModes::ECHO | LocalModes::ICANON | LocalModes::ISIG);
    quiet.special_codes[SpecialCodeIndex::VMIN] = 1;
    quiet.special_codes[SpecialCodeIndex::VTIME] = 0;
    let mut stderr = io::stderr();
    write!(stderr, "{question}")?;
    stderr.flush()?;
    tcsetattr(&tty, OptionalActions::Now, &quiet)?;
    let restore = Restore { tty: &tty, saved };
    let mut typed: Vec<u8> = Vec::new();
    let mut key = [0u8; 1];
    let outcome = loop {
        if (&tty).read(&mut key)? == 0 {
            break Err(io::Error::new(io::ErrorKind::UnexpectedEof, "no answer"));
        }
        match key[0] {
            b'\r' | b'\n' => break Ok(()),
            // Ctrl-C.
            0x03 => break Err(io::Error::new(io::ErrorKind::Interrupted, "Ctrl-C")),
            // Ctrl-D on an empty line.
            0x04 if typed.is_empty() => {
                break Err(io::Error::new(io::ErrorKind::UnexpectedEof, "no answer"));
            }
            // Backspace: one character back, all of its UTF-8 bytes.
            0x7f | 0x08 => {
                while let Some(byte) = typed.pop() {
                    if byte & 0xc0 != 0x80 {
                        break;
                    }
                }
            }
            // Ctrl-U: the whole line.
            0x15 => typed.clear(),
            byte => typed.push(byte),
        }
    };
    drop(restore);
    // The Enter the person typed was not echoed either.
    writeln!(stderr)?;
    outcome?;
    String::from_utf8(typed).map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8"))
}

/// A file whose hash code must be confirmed.
#[derive(Debug)]
pub struct Subject<'a> {
    /// What the file is (the election definition, the candidate lists).
    pub what: FileRole,
    /// File name as given.
    pub file: &'a str,
    /// Its bytes.
    pub bytes: &'a [u8],
    /// The command-line option that passes its official hash code.
    pub option: &'a str,
}

/// Confirms `subject`'s hash code with the full official hash code when given, or else by two
/// typed groups on an interactive prompt. Any mismatch refuses.
pub fn confirm(
    lang: Language,
    prompt: &mut dyn Prompt,
    subject: &Subject<'_>,
    official: Option<&str>,
) -> anyhow::Result<HashCheck> {
    let code = HashCode::of(subject.bytes);
    let what = subject.what.name().text(lang);
    let file = subject.file;
    if let Some(official) = official {
        let official: HashCode = official.parse().map_err(|error: HashCodeError| {
            anyhow::anyhow!(
                "{}",
                t!(
                    lang,
                    "cli-hash-invalid",
                    option = subject.option,
                    reason = error.message().text(lang)
                )
            )
        })?;
        if code.check_full(&official).is_err() {
            bail!(
                "{}",
                t!(
                    lang,
                    "cli-hash-differs",
                    file = file,
                    what = &what,
                    found = code.to_string(),
                    official = official.to_string()
                )
            );
        }
        return Ok(HashCheck::FullHashCode);
    }
    if !prompt.is_interactive() {
        bail!(
            "{}",
            t!(
                lang,
                "cli-hash-not-given",
                file = file,
                what = &what,
                option = subject.option
            )
        );
    }
    let challenge = code.challenge();
    prompt.say(&t!(
        lang,
        "cli-hash-compare",
        file = file,
        what = &what,
        masked = code.masked()
    ))?;
    let mut answers = Vec::new();
    for group in [challenge.first, challenge.second] {
        let question = t!(lang, "cli-hash-group", group = group + 1);
        answers.push(
            prompt
                .ask(&question)
                .with_context(|| t!(lang, "cli-hash-no-answer"))?,
        );
    }
    match code.check_answer(&answers[0], &answers[1]) {
        Ok(()) => {}
        Err(HashCodeError::WrongGroup { group, typed }) => bail!(
            "{}",
            t!(
                lang,
                "cli-hash-wrong-group",
                group = group,
                file = file,
                what = &what,
                typed = typed
            )
        ),
        Err(other) => bail!(
            "{}",
            t!(
                lang,
                "cli-hash-refused",
                reason = other.message().text(lang)
            )
        ),
    }
    prompt.say(&t!(lang, "cli-hash-confirmed"))?;
    Ok(HashCheck::TypedGroups)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scripted person: answers in order, and a transcript of what was shown.
    struct Scripted {
        interactive: bool,
        answers: Vec<String>,
        shown: String,
    }

    impl Prompt for Scripted {
        fn is_interactive(&self) -> bool {
            self.interactive
        }
        fn say(&mut self, text: &str) -> io::Result<()> {
            self.shown.push_str(text);
            self.shown.push('\n');
            Ok(())
        }
        fn ask(&mut self, question: &str) -> io::Result<String> {
            self.shown.push_str(question);
            if self.answers.is_empty() {
                Err(io::Error::new(io::ErrorKind::UnexpectedEof, "no answer"))
            } else {
                Ok(self.answers.remove(0))
            }
        }
    }

    const BYTES: &[u8] = b"<EML Id=\"110a\"/>";

    fn subject() -> Subject<'static> {
        Subject {
            what: FileRole::Definition,
            file: "def.xml",
            bytes: BYTES,
            option: "--definition-hash",
        }
    }

    fn person(interactive: bool, answers: &[String]) -> Scripted {
        Scripted {
            interactive,
            answers: answers.to_vec(),
            shown: String::new(),
        }
    }

    #[test]
    fn typed_groups_confirm() {
        let code = HashCode::of(BYTES);
        let challenge = code.challenge();
        let answers = [
            format!("{}\n", code.group(challenge.first)),
            format!(" {}\n", code.group(challenge.second).to_uppercase()),
        ];
        let mut prompt = person(true, &answers);
        let check = confirm(Language::Nl, &mut prompt, &subject(), None).unwrap();
        assert_eq!(check, HashCheck::TypedGroups);
        assert!(prompt.shown.contains(&code.masked()));
        assert!(
            prompt
                .shown
                .contains(&format!("Groep {}: ", challenge.first + 1))
        );
        assert!(prompt.shown.contains("Hashcode bevestigd."));
    }

    #[test]
    fn wrong_groups_refuse() {
        let code = HashCode::of(BYTES);
        let challenge = code.challenge();
        let answers = [code.group(challenge.first), "0000".to_string()];
        let mut prompt = person(true, &answers);
        let error = confirm(Language::En, &mut prompt, &subject(), None).unwrap_err();
        // (unless group two happens to be 0000, which it is not for these bytes)
        assert_ne!(code.group(challenge.second), "0000");
        assert!(error.to_string().starts_with("Import refused"), "{error}");
    }

    #[test]
    fn no_answer_refuses() {
        let mut prompt = person(true, &[]);
        assert!(confirm(Language::En, &mut prompt, &subject(), None).is_err());
    }

    #[test]
    fn full_hash_code_for_scripts() {
        let code = HashCode::of(BYTES);
        let mut prompt = person(false, &[]);
        let check = confirm(
            Language::Nl,
            &mut prompt,
            &subject(),
            Some(&code.to_string()),
        )
        .unwrap();
        assert_eq!(check, HashCheck::FullHashCode);
        assert!(prompt.shown.is_empty(), "scripts are not asked anything");

        let other = HashCode::of(b"other").to_hex();
        let error = confirm(Language::Nl, &mut prompt, &subject(), Some(&other)).unwrap_err();
        assert!(error.to_string().starts_with("Import geweigerd"), "{error}");

        let error = confirm(Language::En, &mut prompt, &subject(), Some("12ab")).unwrap_err();
        assert!(format!("{error:#}").contains("64 hex digits"), "{error:#}");
    }

    #[test]
    fn without_terminal_or_hash_code_refuses() {
        let mut prompt = person(false, &[]);
        let error = confirm(Language::En, &mut prompt, &subject(), None).unwrap_err();
        assert!(error.to_string().contains("--definition-hash"), "{error}");
    }
}
