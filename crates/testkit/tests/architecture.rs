//! The map in `docs/ARCHITECTURE.md` and the workspace agree: every crate has its row, uses only
//! the crates its row allows, each of those from a row above it (so the crates form layers, with
//! no cycle), `testkit` only in tests, and each heavy dependency only where the second table
//! allows it. The tables are read from the document itself, so changing one without the other
//! fails here.

// A failed setup is a failed test.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Each workspace crate with its normal (and build) dependencies, and its dev-dependencies.
struct Crate {
    uses: BTreeSet<String>,
    dev: BTreeSet<String>,
}

fn workspace() -> BTreeMap<String, Crate> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|package| {
            let deps = package["dependencies"].as_array().unwrap();
            let of_kind = |dev: bool| -> BTreeSet<String> {
                deps.iter()
                    .filter(|d| (d["kind"].as_str() == Some("dev")) == dev)
                    .map(|d| d["name"].as_str().unwrap().to_string())
                    .collect()
            };
            (
                package["name"].as_str().unwrap().to_string(),
                Crate {
                    uses: of_kind(false),
                    dev: of_kind(true),
                },
            )
        })
        .collect()
}

/// The rows of the table that follows `heading`: each row's cells, backticked names as they are.
fn table(document: &str, heading: &str) -> Vec<Vec<String>> {
    let start = document
        .find(heading)
        .unwrap_or_else(|| panic!("docs/ARCHITECTURE.md has no {heading:?}"));
    document[start..]
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2) // the header and its rule
        .map(|line| {
            line.trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().to_string())
                .collect()
        })
        .collect()
}

/// The names in a cell: every `backticked` word.
fn names(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(ToString::to_string)
        .collect()
}

#[test]
fn the_crates_use_only_what_the_architecture_allows() {
    let document = std::fs::read_to_string(root().join("docs/ARCHITECTURE.md")).unwrap();
    let workspace = workspace();
    let ours: BTreeSet<&String> = workspace.keys().collect();
    let rows = table(&document, "## Crates and what they may use (enforced)");

    let mut allowed: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    for row in &rows {
        let name = names(&row[0]).remove(0);
        let may_use: BTreeSet<String> = if row[2].contains("every crate above") {
            allowed
                .keys()
                .filter(|c| *c != "testkit")
                .cloned()
                .collect()
        } else {
            names(&row[2]).into_iter().collect()
        };
        // Layers: whatever a crate may use is listed above it.
        for used in &may_use {
            if !allowed.contains_key(used) {
                problems.push(format!(
                    "{name} may use {used}, which is not in a row above it (a cycle, or rows out of order)"
                ));
            }
        }
        allowed.insert(name, may_use);
    }

    for name in &ours {
        if !allowed.contains_key(*name) {
            problems.push(format!("crate {name} has no row in docs/ARCHITECTURE.md"));
        }
    }
    for name in allowed.keys() {
        if !ours.contains(name) {
            problems.push(format!(
                "docs/ARCHITECTURE.md has a row for {name}, which is no crate"
            ));
        }
    }
    for (name, krate) in &workspace {
        let Some(may_use) = allowed.get(name) else {
            continue;
        };
        for used in krate.uses.iter().filter(|d| ours.contains(d)) {
            if used == "testkit" {
                problems.push(format!("{name} uses testkit outside its tests"));
            } else if !may_use.contains(used) {
                problems.push(format!(
                    "{name} uses {used}, which docs/ARCHITECTURE.md does not allow it"
                ));
            }
        }
        // A test may use more, but never a crate that depends on this one: that is a cycle
        // cargo resolves by building the crate twice, and a sign the layering is wrong.
        for used in krate.dev.iter().filter(|d| ours.contains(d) && *d != name) {
            if allowed
                .get(used)
                .is_some_and(|theirs| theirs.contains(name))
            {
                problems.push(format!(
                    "{name}'s tests use {used}, which itself depends on {name}"
                ));
            }
        }
    }

    let heavy = table(&document, "Heavy dependencies stay where they belong");
    for row in &heavy {
        let only_in: BTreeSet<String> = names(&row[1]).into_iter().collect();
        for dependency in names(&row[0]) {
            for (name, krate) in &workspace {
                if krate.uses.contains(&dependency) && !only_in.contains(name) {
                    problems.push(format!(
                        "{name} uses {dependency}, which belongs only in {only_in:?}"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every `.rs` file below `crates/*/src`, with its text.
fn sources() -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for krate in std::fs::read_dir(root().join("crates")).unwrap().flatten() {
        let mut stack = vec![krate.path().join("src")];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push((path.clone(), std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
    }
    out
}

/// Identifiers are types where they cross a crate's boundary: no public function takes an
/// election or a contest as a bare `&str` (they are `ElectionId`, `ContestId`, parsed once where
/// they come in); and no text is chosen inline between two languages (`pick(nl, en)`): every
/// text a person reads is in the catalogs.
#[test]
fn identifiers_are_types_and_texts_are_in_the_catalogs() {
    const BARE: [&str; 4] = [
        "election: &str",
        "election_id: &str",
        "contest: &str",
        "contest_id: &str",
    ];
    let mut problems = Vec::new();
    for (path, text) in sources() {
        for (at, _) in text
            .match_indices("pub fn ")
            .chain(text.match_indices("pub async fn "))
        {
            let signature = &text[at..];
            let end = signature.find(['{', ';']).unwrap_or(signature.len());
            let signature = &signature[..end];
            for bare in BARE.iter().filter(|bare| signature.contains(*bare)) {
                let name = signature.split('(').next().unwrap_or(signature);
                problems.push(format!("{}: {name} takes {bare}", path.display()));
            }
        }
        if text.contains(".pick(") {
            problems.push(format!(
                "{}: chooses a text inline with .pick(…); put it in the catalogs",
                path.display()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
