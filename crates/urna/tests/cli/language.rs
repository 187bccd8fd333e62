//! The command line speaks the user's language, its help included: from `--lang`, else
//! `URNA_LANG`, else the locale (`LANG`), else Dutch.

use super::*;

/// `urna` with the environment of a user whose locale is `lang` (no `URNA_LANG`).
fn urna_in_locale(data: &Path, locale: &str) -> Command {
    let mut command = urna(data);
    command
        .env_remove("URNA_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale);
    command
}

#[test]
fn the_help_is_in_dutch_for_a_dutch_locale_and_in_english_for_an_english_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");

    let dutch = run(urna_in_locale(&data, "nl_NL.UTF-8").arg("--help"));
    assert!(dutch.status.success(), "{}", text(&dutch.stderr));
    let help = text(&dutch.stdout);
    for expected in [
        "Urna: verkiezingssoftware voor Vlaanderen en Nederland.",
        "Gebruik: urna",
        "Opdrachten:",
        "Opties:",
        "Verkiezingen: importeren, opsommen, tonen.",
        "Toon deze hulp",
        "[standaard: urna-data]",
    ] {
        assert!(help.contains(expected), "{expected:?} missing in:\n{help}");
    }
    for english in [
        "Usage:",
        "Commands:",
        "Options:",
        "Print help",
        "[default:",
        "Elections:",
    ] {
        assert!(
            !help.contains(english),
            "{english:?} in the Dutch help:\n{help}"
        );
    }
    // A subcommand's help, arguments included.
    let import = text(
        &run(urna_in_locale(&data, "nl_NL.UTF-8").args(["election", "import", "--help"])).stdout,
    );
    assert!(
        import.contains("Verkiezingsdefinitie: EML 110a"),
        "{import}"
    );

    let english = text(&run(urna_in_locale(&data, "en_GB.UTF-8").arg("--help")).stdout);
    assert!(english.contains("Usage: urna"), "{english}");
    assert!(
        english.contains("Elections: import, list, show"),
        "{english}"
    );

    // --lang wins over the locale, for the help and for messages.
    let chosen =
        text(&run(urna_in_locale(&data, "nl_NL.UTF-8").args(["--lang", "en", "--help"])).stdout);
    assert!(chosen.contains("Usage: urna"), "{chosen}");
    let missing = run(urna_in_locale(&data, "en_GB.UTF-8").args(["election", "list"]));
    assert!(!missing.status.success());
    let dutch_refusal =
        run(urna_in_locale(&data, "en_GB.UTF-8").args(["--lang", "nl", "election", "list"]));
    assert_ne!(
        text(&missing.stderr),
        text(&dutch_refusal.stderr),
        "the message follows the language chosen"
    );
    assert!(!data.exists(), "asking for help created nothing");
}

/// Runs `command_line` on a real terminal (`script`), waits until it has printed `prompt`, then
/// types `keys`; returns everything the terminal showed and how the session ended.
fn on_a_terminal(
    command_line: &str,
    prompt: &str,
    keys: &[u8],
) -> (String, std::process::ExitStatus) {
    use std::io::Read;
    let mut child = Command::new("script")
        .args([
            "--quiet",
            "--return",
            "--command",
            command_line,
            "/dev/null",
        ])
        .env("USER", "tester")
        .env("URNA_LANG", "en")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the `script` command (util-linux) is required for this test");
    let mut stdout = child.stdout.take().unwrap();
    let (sender, shown) = std::sync::mpsc::channel::<Vec<u8>>();
    let reader = std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        while let Ok(n) = stdout.read(&mut chunk) {
            if n == 0 || sender.send(chunk[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut transcript = Vec::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !String::from_utf8_lossy(&transcript).contains(prompt) {
        assert!(
            std::time::Instant::now() < deadline,
            "no prompt: {}",
            String::from_utf8_lossy(&transcript)
        );
        if let Ok(bytes) = shown.recv_timeout(std::time::Duration::from_millis(100)) {
            transcript.extend(bytes);
        }
    }
    // The reader switches the terminal off echo just after printing the question.
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.stdin.as_mut().unwrap().write_all(keys).unwrap();
    let status = child.wait().unwrap();
    drop(child.stdin.take());
    reader.join().unwrap();
    transcript.extend(shown.try_iter().flatten());
    (String::from_utf8_lossy(&transcript).into_owned(), status)
}

/// Ctrl-C at a passphrase prompt stops the command (exit status 130) and leaves the terminal as
/// it was: echo on, so the shell after it shows what is typed. (A reader that lets Ctrl-C kill
/// the process leaves the terminal without echo.)
#[test]
fn ctrl_c_at_a_passphrase_prompt_stops_cleanly_and_the_terminal_echoes_again() {
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("central");
    let command_line = format!(
        "{} central keys --dir {}; echo \"exit=$?\"; stty -a",
        env!("CARGO_BIN_EXE_urna"),
        keys.display()
    );
    let (transcript, status) = on_a_terminal(
        &command_line,
        "passphrase for the central authority",
        b"secr\x03",
    );
    assert!(status.success(), "{transcript}");
    assert!(transcript.contains("Stopped with Ctrl-C"), "{transcript}");
    assert!(transcript.contains("exit=130"), "{transcript}");
    let settings = transcript
        .lines()
        .skip_while(|l| !l.contains("exit=130"))
        .collect::<Vec<_>>()
        .join(" ");
    let flags: Vec<&str> = settings.split_whitespace().collect();
    assert!(
        flags.contains(&"echo"),
        "the terminal was left without echo: {settings}"
    );
    assert!(
        flags.contains(&"icanon") && flags.contains(&"isig"),
        "{settings}"
    );
    assert!(
        !transcript.contains("secr"),
        "the passphrase was echoed: {transcript}"
    );
    assert!(
        !keys.join("central-receipts.pub").exists(),
        "no key was made from a cancelled passphrase"
    );
}

/// One language per message: a refusal of the store and a missing file are said in Dutch
/// through and through, not with the system's English inside a Dutch sentence; in English too.
#[test]
fn errors_are_said_in_one_language() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let missing = dir.path().join("missing.xml");
    let file = run(urna(&data).args(["--lang", "nl", "hash"]).arg(&missing));
    let said = text(&file.stderr);
    assert!(said.contains("bestand of map bestaat niet"), "{said}");
    assert!(!said.contains("No such file"), "{said}");
    let store = run(urna(&data).args(["--lang", "nl", "election", "list"]));
    let said = text(&store.stderr);
    assert!(said.contains("Er is geen Urna-gegevensmap"), "{said}");
    assert!(!said.contains("there is no"), "{said}");
    let english = text(&run(urna(&data).args(["--lang", "en", "hash"]).arg(&missing)).stderr);
    assert!(english.contains("no such file or directory"), "{english}");
}

/// A mistyped command line is refused in the user's language, never in clap's English, with
/// clap's exit status (2).
#[test]
fn a_mistyped_command_line_is_refused_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let unknown = run(urna(&data).args(["--lang", "nl", "election", "list", "--bogus"]));
    assert_eq!(unknown.status.code(), Some(2));
    let said = text(&unknown.stderr);
    assert!(
        said.contains("onbekende optie of argument --bogus"),
        "{said}"
    );
    assert!(said.contains("Zie urna --help"), "{said}");
    assert!(!said.contains("unexpected argument"), "{said}");
    let missing = text(&run(urna(&data).args(["--lang", "nl", "election", "import"])).stderr);
    assert!(
        missing.contains("verplicht maar niet gegeven: --definition"),
        "{missing}"
    );
    let value = text(
        &run(urna(&data).args([
            "--lang",
            "nl",
            "user",
            "add",
            "--role",
            "chef",
            "--username",
            "x",
        ]))
        .stderr,
    );
    assert!(
        value.contains("chef is geen geldige waarde voor --role"),
        "{value}"
    );
    let english =
        text(&run(urna(&data).args(["--lang", "en", "election", "list", "--bogus"])).stderr);
    assert!(
        english.contains("unknown option or argument --bogus"),
        "{english}"
    );
    assert!(!data.exists(), "a refused command line created nothing");
}
