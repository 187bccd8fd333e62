//! The catalogs are complete: every language has every message with the same variables, every
//! message the code names exists, and every message in a catalog is used somewhere.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use messages::Language;

fn ids(language: Language) -> BTreeSet<String> {
    language
        .message_ids()
        .into_iter()
        .map(|(_, id)| id)
        .collect()
}

#[test]
fn every_catalog_parses_and_defines_each_message_once() {
    for language in Language::ALL {
        let errors = language.catalog_errors();
        assert!(errors.is_empty(), "{}", errors.join("\n"));
        let all = language.message_ids();
        let unique: BTreeSet<_> = all.iter().map(|(_, id)| id).collect();
        assert_eq!(unique.len(), all.len(), "{language}: an id defined twice");
    }
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let dutch = Language::Nl.message_variables();
    for language in [Language::En, Language::Fr, Language::De] {
        let other = language.message_variables();
        let missing: Vec<_> = dutch.keys().filter(|id| !other.contains_key(*id)).collect();
        let extra: Vec<_> = other.keys().filter(|id| !dutch.contains_key(*id)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{language}: missing {missing:?}; not in Dutch {extra:?}"
        );
        for (id, variables) in &dutch {
            assert_eq!(
                &other[id], variables,
                "{language}: message {id} uses other variables than the Dutch"
            );
        }
    }
}

/// The repository's own source files: Rust, HTML templates and Typst templates.
fn sources() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                // The catalogs' own crate names ids only in its documentation and tests.
                if !matches!(
                    name.as_str(),
                    "target" | "node_modules" | "messages" | ".git"
                ) {
                    walk(&path, out);
                }
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("rs" | "html" | "typ" | "js")
            ) && let Ok(text) = std::fs::read_to_string(&path)
            {
                out.push((path, text));
            }
        }
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = Vec::new();
    walk(&root, &mut out);
    out
}

#[test]
fn every_message_the_code_names_exists_and_every_message_is_used() {
    let known = ids(Language::Nl);
    let sources = sources();
    // A message is named as `t!(lang, "id"…`, `msg!("id"…`, `.text("id")` or, in a template,
    // `.t("id")`.
    let named = regex::Regex::new(
        r#"(?:\bt!\(\s*[^,"()]+(?:\([^()]*\))?\s*,\s*|\bmsg!\(\s*|\.text(?:_with)?\(\s*|\.t\(\s*)"([a-z][a-z0-9-]*)""#,
    )
    .unwrap();
    let mut used: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (path, text) in &sources {
        for capture in named.captures_iter(text) {
            used.entry(capture[1].to_string())
                .or_default()
                .push(path.display().to_string());
        }
    }
    let unknown: Vec<_> = used
        .iter()
        .filter(|(id, _)| !known.contains(*id))
        .map(|(id, paths)| format!("{id} (in {})", paths[0]))
        .collect();
    assert!(unknown.is_empty(), "named but in no catalog: {unknown:?}");
    // Any quoted text with a prefix only message ids have (`"cli-…"`, `"seal-…"`) must be one,
    // wherever the code names it (a `match` arm choosing the id, a table of ids).
    let prefixes: BTreeSet<&str> = [
        "apportion",
        "booth",
        "central",
        "cli",
        "office",
        "publish",
        "seal",
        "site",
        "verify",
        "web",
    ]
    .into();
    let shaped = regex::Regex::new(r#""([a-z]+)-([a-z0-9]+(?:-[a-z0-9]+)*)""#).unwrap();
    let mut misspelt = Vec::new();
    for (path, text) in &sources {
        for capture in shaped.captures_iter(text) {
            let id = format!("{}-{}", &capture[1], &capture[2]);
            if prefixes.contains(&capture[1]) && !known.contains(&id) {
                misspelt.push(format!("{id} (in {})", path.display()));
            }
        }
    }
    assert!(
        misspelt.is_empty(),
        "shaped like a message id but in no catalog: {misspelt:?}"
    );
    // Used anywhere as a quoted id counts (a message chosen in a `match` arm, say).
    let unused: Vec<_> = known
        .iter()
        .filter(|id| {
            let quoted = format!("\"{id}\"");
            !sources.iter().any(|(_, text)| text.contains(&quoted))
        })
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalogs but used nowhere: {unused:?}"
    );
}

/// A French or German text equal to the English one is an English copy waiting for its
/// translation, unless the word is the same in both languages (listed here).
#[test]
fn french_and_german_are_translated() {
    const SAME_WORD: &[(&str, &[&str])] = &[
        (
            "fr",
            &[
                "cli-booth-menu-pause",
                "cli-ceremony-intact",
                "cli-election-column-date",
                "report-signature",
                "report-signing",
                "site-province",
                "site-provinces",
                "site-version-label",
                "station-kind-mobile",
                "web-date",
                "web-moment",
                "web-session",
            ],
        ),
        (
            "de",
            &[
                "cli-booth-menu-pause",
                "cli-verify-ok",
                "report-month-april",
                "report-month-august",
                "report-month-november",
                "report-month-september",
                "report-name",
                "site-version-label",
                "web-name",
            ],
        ),
    ];
    let placeable = regex::Regex::new(r"\{[^}]*\}").unwrap();
    for language in [Language::Fr, Language::De] {
        let same_word = SAME_WORD
            .iter()
            .find(|(code, _)| *code == language.code())
            .map_or(&[][..], |(_, ids)| ids);
        let copies: Vec<String> = ids(language)
            .into_iter()
            .filter(|id| {
                let text = language.text(id);
                let words = placeable.replace_all(&text, "");
                text == Language::En.text(id)
                    && words.chars().any(char::is_alphabetic)
                    && !same_word.contains(&id.as_str())
            })
            .collect();
        assert!(
            copies.is_empty(),
            "{language}: English copies, not translated: {copies:?}"
        );
    }
}
