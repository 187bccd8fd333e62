//! The command line in the user's language, its help included.
//!
//! The language of a run comes from `--lang`, else `URNA_LANG`, else the locale (the first set of
//! `LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX orders them), else Dutch. The English help is the
//! documentation in `cli.rs`; the Dutch help is `help/nl.help`, one line per command and argument,
//! found by its place in the tree (`urna election import --definition = …`). French and German
//! get the English help for now; their messages are translated.

use std::collections::HashMap;
use std::ffi::OsString;

use clap::{Arg, ArgAction, Command};
use messages::Language;

/// The Dutch help: `key = text` per line; `#` starts a comment.
const DUTCH: &str = include_str!("../help/nl.help");

/// The language of this run, read before the arguments are parsed (the help needs it).
pub fn language(args: &[OsString], env: impl Fn(&str) -> Option<String>) -> Language {
    let mut given = args.iter().skip(1).map(|a| a.to_str());
    while let Some(arg) = given.next() {
        match arg {
            Some("--") => break,
            Some("--lang") => {
                if let Some(lang) = given.next().flatten().and_then(Language::parse) {
                    return lang;
                }
            }
            Some(arg) => {
                if let Some(lang) = arg.strip_prefix("--lang=").and_then(Language::parse) {
                    return lang;
                }
            }
            None => {}
        }
    }
    if let Some(lang) = env("URNA_LANG").as_deref().and_then(Language::parse) {
        return lang;
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|var| env(var).filter(|value| !value.is_empty()))
        .and_then(|locale| locale_language(&locale))
        .unwrap_or(Language::Nl)
}

/// The language of a locale name (`nl_BE.UTF-8` → Dutch); none for `C`, `POSIX` and languages
/// Urna does not speak.
fn locale_language(locale: &str) -> Option<Language> {
    let code = locale.split(['_', '.', '@']).next()?;
    Language::parse(&code.to_ascii_lowercase())
}

/// The Dutch texts by key.
fn dutch_texts() -> HashMap<&'static str, &'static str> {
    DUTCH
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once(" = "))
        .map(|(key, text)| (key.trim(), text.trim()))
        .collect()
}

/// The key of an argument under its command: `--long` for an option, `<id>` for a positional.
fn arg_key(arg: &Arg) -> String {
    match arg.get_long() {
        Some(long) => format!("--{long}"),
        None => format!("<{}>", arg.get_id()),
    }
}

/// `command` with its help in `lang`.
pub fn localise(command: Command, lang: Language) -> Command {
    if lang != Language::Nl {
        return command;
    }
    let texts = dutch_texts();
    dutch(command, "urna", &texts).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .global(true)
            .help("Toon deze hulp")
            .help_heading("Opties"),
    )
}

/// One command and everything under it in Dutch, where the catalog has it.
fn dutch(mut command: Command, path: &str, texts: &HashMap<&str, &'static str>) -> Command {
    if let Some(text) = texts.get(path) {
        command = command.about(*text).long_about(None::<&str>);
    }
    let args: Vec<(String, String)> = command
        .get_arguments()
        .map(|arg| (arg.get_id().to_string(), arg_key(arg)))
        .collect();
    for (id, key) in args {
        let text = texts.get(format!("{path} {key}").as_str()).copied();
        command = command.mut_arg(id, |arg| dutch_arg(arg, text));
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = format!("{path} {name}");
        command = command.mut_subcommand(&name, |sub| dutch(sub, &sub_path, texts));
    }
    command
        .help_template(
            "{before-help}{about-with-newline}\nGebruik: {usage}\n\n{all-args}{after-help}",
        )
        .subcommand_help_heading("Opdrachten")
        .subcommand_value_name("OPDRACHT")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
}

/// An argument's help in Dutch, with its default, environment variable and possible values
/// said in Dutch too (clap would add them in English).
fn dutch_arg(mut arg: Arg, text: Option<&str>) -> Arg {
    let mut help = match text {
        Some(text) => text.to_string(),
        None => arg.get_help().map(ToString::to_string).unwrap_or_default(),
    };
    // A flag's values (true, false) are no one's business; only an option's are said.
    if !arg.get_action().takes_values() {
        return arg.help(help).help_heading("Opties");
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        help.push_str(&format!(" [standaard: {}]", defaults.join(", ")));
        arg = arg.hide_default_value(true);
    }
    if let Some(env) = arg.get_env() {
        help.push_str(&format!(" [omgevingsvariabele: {}]", env.to_string_lossy()));
        arg = arg.hide_env(true);
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !possible.is_empty() {
        help.push_str(&format!(" [mogelijk: {}]", possible.join(", ")));
        arg = arg.hide_possible_values(true);
    }
    let heading = if arg.is_positional() {
        "Argumenten"
    } else {
        "Opties"
    };
    arg.help(help).help_heading(heading)
}

/// Every key the command tree has, with its English text, in tree order.
#[cfg(test)]
pub fn keys(command: &Command) -> Vec<(String, String)> {
    fn walk(command: &Command, path: &str, out: &mut Vec<(String, String)>) {
        let about = command
            .get_about()
            .map(ToString::to_string)
            .unwrap_or_default();
        out.push((path.to_string(), about));
        for arg in command.get_arguments() {
            if arg.get_id().as_str() == "help" {
                continue;
            }
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            out.push((format!("{path} {}", arg_key(arg)), help));
        }
        for sub in command.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }
    let mut out = Vec::new();
    walk(command, "urna", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_comes_from_lang_then_urna_lang_then_the_locale_then_dutch() {
        let urna = args(&["urna", "--help"]);
        assert_eq!(language(&urna, env_of(&[])), Language::Nl);
        assert_eq!(
            language(&urna, env_of(&[("LANG", "C.UTF-8")])),
            Language::Nl
        );
        assert_eq!(
            language(&urna, env_of(&[("LANG", "en_GB.UTF-8")])),
            Language::En
        );
        assert_eq!(
            language(
                &urna,
                env_of(&[("LANG", "en_GB.UTF-8"), ("LC_ALL", "nl_BE.UTF-8")])
            ),
            Language::Nl,
            "LC_ALL comes first"
        );
        assert_eq!(
            language(
                &urna,
                env_of(&[("LANG", "nl_NL.UTF-8"), ("URNA_LANG", "fr")])
            ),
            Language::Fr
        );
        assert_eq!(
            language(
                &args(&["urna", "--lang", "de", "audit"]),
                env_of(&[("URNA_LANG", "fr")])
            ),
            Language::De
        );
        assert_eq!(
            language(&args(&["urna", "--lang=en"]), env_of(&[])),
            Language::En
        );
        assert_eq!(
            language(&args(&["urna", "--", "--lang=en"]), env_of(&[])),
            Language::Nl,
            "after -- it is an argument, not an option"
        );
    }

    /// Every command and argument has its Dutch help, and the catalog names nothing the command
    /// line does not have (a renamed option would otherwise fall back to English unnoticed).
    #[test]
    fn the_dutch_help_covers_the_whole_command_line_and_nothing_else() {
        let command = crate::cli::Cli::command();
        let keys = keys(&command);
        let texts = dutch_texts();
        let missing: Vec<String> = keys
            .iter()
            .filter(|(key, _)| !texts.contains_key(key.as_str()))
            .map(|(key, english)| format!("{key} = {english}"))
            .collect();
        assert!(
            missing.is_empty(),
            "no Dutch help for:\n{}",
            missing.join("\n")
        );
        let known: std::collections::HashSet<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
        let stale: Vec<&&str> = texts.keys().filter(|k| !known.contains(**k)).collect();
        assert!(
            stale.is_empty(),
            "Dutch help for what does not exist: {stale:?}"
        );
        let same: Vec<&String> = keys
            .iter()
            .filter(|(key, english)| {
                !english.is_empty() && texts.get(key.as_str()) == Some(&english.as_str())
            })
            .map(|(key, _)| key)
            .collect();
        assert!(same.is_empty(), "left in English: {same:?}");
    }

    #[test]
    fn the_dutch_help_renders_for_every_command() {
        let mut command = localise(crate::cli::Cli::command(), Language::Nl);
        command.build();
        fn all(command: &mut Command) {
            let help = command.render_help().to_string();
            assert!(help.contains("Gebruik:"), "{help}");
            for english in ["Usage:", "Options:", "Commands:", "Print help", "[default:"] {
                assert!(!help.contains(english), "{english:?} in:\n{help}");
            }
            for sub in command.get_subcommands_mut() {
                all(sub);
            }
        }
        all(&mut command);
    }
}
