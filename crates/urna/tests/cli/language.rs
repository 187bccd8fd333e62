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
