//! Helpers shared by the tests of several crates. Never a dependency of production code.

#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};

/// The repository's `fixtures/` directory.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// Path of a fixture, relative to `fixtures/`.
pub fn fixture_path(relative: &str) -> PathBuf {
    fixtures_dir().join(relative)
}

/// The bytes of a fixture, relative to `fixtures/`; panics with the path when missing.
pub fn fixture(relative: &str) -> Vec<u8> {
    let path = fixture_path(relative);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The Electoral Council's published 2022 municipal result of `municipality` (its name as in
/// `fixtures/results/nl/nl-gr2022-all-municipalities-compact.json`, e.g. `WestMaasenWaal`);
/// panics when the reference data does not hold it.
pub fn published_gr2022(municipality: &str) -> serde_json::Value {
    let all: serde_json::Value = serde_json::from_slice(&fixture(
        "results/nl/nl-gr2022-all-municipalities-compact.json",
    ))
    .expect("the published results are JSON");
    all["municipalities"]
        .as_array()
        .and_then(|all| all.iter().find(|m| m["municipality"] == municipality))
        .unwrap_or_else(|| panic!("{municipality} is not in the published results"))
        .clone()
}

/// The published outcome of Assen's council election of 18 March 2026: seats, and votes and
/// seats per list (`fixtures/results/nl/nl-gr2026-assen-published.json`).
pub fn published_gr2026_assen() -> serde_json::Value {
    serde_json::from_slice(&fixture("results/nl/nl-gr2026-assen-published.json"))
        .expect("the published result is JSON")
}

/// Every row of every table (and the schema), as text. Two snapshots are equal exactly when
/// the two databases hold the same data, whatever their files look like on disk.
pub fn database_snapshot(path: &Path) -> String {
    let connection =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = String::new();
    let schema: Vec<(String, String, Option<String>)> = connection
        .prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name")
        .and_then(|mut s| {
            s.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
                .collect()
        })
        .expect("schema");
    for (kind, name, sql) in &schema {
        out.push_str(&format!(
            "{kind} {name}: {}\n",
            sql.as_deref().unwrap_or("")
        ));
    }
    for (_, table, _) in schema.iter().filter(|(kind, _, _)| kind == "table") {
        let mut statement = connection
            .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))
            .or_else(|_| connection.prepare(&format!("SELECT * FROM \"{table}\"")))
            .expect("select");
        let columns = statement.column_count();
        let rows: Vec<String> = statement
            .query_map([], |row| {
                (0..columns)
                    .map(|i| row.get_ref(i).map(|value| format!("{value:?}")))
                    .collect::<Result<Vec<_>, _>>()
                    .map(|values| values.join("|"))
            })
            .and_then(|rows| rows.collect())
            .expect("rows");
        out.push_str(&format!("== {table} ({} rows)\n", rows.len()));
        for row in rows {
            out.push_str(&row);
            out.push('\n');
        }
    }
    out
}

/// The text of a PDF, as `pdftotext` reads it (poppler-utils, installed by scripts/test); pages
/// are separated by form feeds.
pub fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, pdf).expect("the PDF is written");
    let output = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/test");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The pages of a PDF's text (`pdftotext` ends each with a form feed), without the empty
/// remainder after the last one.
pub fn pdf_pages(text: &str) -> Vec<&str> {
    let mut pages: Vec<&str> = text.split('\u{c}').collect();
    if pages.last().is_some_and(|page| page.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// The page (from 1) of each of `headings`, each a line of its own, found in the given order:
/// panics naming a heading that is missing or that comes before the one listed ahead of it (how
/// the tests check a document against the parts and headings of its official model).
pub fn headings_in_order(pages: &[&str], headings: &[&str]) -> Vec<usize> {
    let lines: Vec<(usize, &str)> = pages
        .iter()
        .enumerate()
        .flat_map(|(index, page)| page.lines().map(move |line| (index + 1, line.trim())))
        .collect();
    let mut from = 0;
    headings
        .iter()
        .map(|heading| {
            let found = lines[from..]
                .iter()
                .position(|(_, line)| line == heading)
                .unwrap_or_else(|| {
                    panic!("no heading {heading:?} (in this order) in {headings:?}")
                });
            from += found + 1;
            lines[from - 1].0
        })
        .collect()
}

/// Runs `sql` on the database at `path` as it is, its triggers in place: the database's own
/// refusal, if it refuses.
pub fn try_sql(path: &Path, sql: &str) -> Result<(), String> {
    let connection = rusqlite::Connection::open(path).map_err(|e| e.to_string())?;
    connection.execute_batch(sql).map_err(|e| e.to_string())
}

/// Runs `sql` on the database at `path` as someone with the file would: with the triggers of
/// `table` removed for the moment and then put back exactly as they were. For tests that tamper
/// with the audit log behind Urna's back.
pub fn tamper(path: &Path, table: &str, sql: &str) {
    let connection = rusqlite::Connection::open(path).expect("open");
    let triggers: Vec<(String, String)> = connection
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?1")
        .and_then(|mut s| {
            s.query_map([table], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect()
        })
        .expect("triggers");
    for (name, _) in &triggers {
        connection
            .execute_batch(&format!("DROP TRIGGER \"{name}\""))
            .expect("drop trigger");
    }
    connection.execute_batch(sql).expect("tampering SQL");
    for (_, definition) in &triggers {
        connection
            .execute_batch(definition)
            .expect("restore trigger");
    }
}

/// The fields of a consistent count for results entry, for an election with `candidates[l]` candidates on list `l`: every
/// candidate `c` of list `l` has `seed + l + c` votes; D = H; blank 1, invalid 1.
pub fn sound_count(
    candidates: &[usize],
    seed: u64,
) -> std::collections::BTreeMap<String, serde_json::Value> {
    let mut fields = std::collections::BTreeMap::new();
    let mut e = 0;
    for (l, count) in candidates.iter().enumerate() {
        let mut total = 0;
        for c in 0..*count {
            let votes = seed + l as u64 + c as u64;
            total += votes;
            fields.insert(
                format!("lists.{}.candidates.{}", l + 1, c + 1),
                serde_json::json!(votes),
            );
        }
        fields.insert(format!("lists.{}.total", l + 1), serde_json::json!(total));
        fields.insert(format!("votes.e.{}", l + 1), serde_json::json!(total));
        e += total;
    }
    let h = e + 2;
    fields.insert("votes.e".into(), serde_json::json!(e));
    fields.insert("votes.f".into(), serde_json::json!(1));
    fields.insert("votes.g".into(), serde_json::json!(1));
    fields.insert("votes.h".into(), serde_json::json!(h));
    fields.insert("voters.a".into(), serde_json::json!(h - 3));
    fields.insert("voters.b".into(), serde_json::json!(2));
    fields.insert("voters.c".into(), serde_json::json!(1));
    fields.insert("voters.d".into(), serde_json::json!(h));
    fields.insert("differences.d_equals_h".into(), serde_json::json!(true));
    fields.insert(
        "differences.h_greater_than_d".into(),
        serde_json::json!(false),
    );
    fields.insert("differences.h_less_than_d".into(), serde_json::json!(false));
    fields.insert("differences.i".into(), serde_json::json!(0));
    fields.insert("differences.j".into(), serde_json::json!(0));
    fields.insert("differences.explained_yes".into(), serde_json::json!(false));
    fields.insert("differences.explained_no".into(), serde_json::json!(false));
    fields.insert("differences.explanation".into(), serde_json::json!(""));
    fields
}

/// Tampering with FAT disk images, byte by byte, as an attacker with a hex editor would.
pub mod fat {
    /// The offset of the 32-byte directory entry with the short name `name` (8.3, upper case,
    /// space padded to 11 bytes: `"A          "`, `"STATE   BIN"`), of a directory or a file.
    pub fn entry(image: &[u8], name: &str, directory: bool) -> usize {
        const DIRECTORY: u8 = 0x10;
        let name = name.as_bytes();
        assert_eq!(name.len(), 11, "a short name is 11 bytes");
        (0..image.len().saturating_sub(32))
            .step_by(32)
            .find(|&at| {
                &image[at..at + 11] == name && (image[at + 11] & DIRECTORY != 0) == directory
            })
            .unwrap_or_else(|| panic!("no entry {:?} in the image", String::from_utf8_lossy(name)))
    }

    /// Points the directory `child` at the clusters of the directory `parent`, so that
    /// `parent/child` is `parent` again: a directory loop.
    pub fn loop_directory(image: &mut [u8], parent: &str, child: &str) {
        let parent = entry(image, parent, true);
        let child = entry(image, child, true);
        // The first cluster: high half at 20, low half at 26.
        for field in [20, 26] {
            let cluster = [image[parent + field], image[parent + field + 1]];
            image[child + field..child + field + 2].copy_from_slice(&cluster);
        }
    }

    /// Sets the length the directory entry of the file `name` declares.
    pub fn declare_length(image: &mut [u8], name: &str, length: u32) {
        let file = entry(image, name, false);
        image[file + 28..file + 32].copy_from_slice(&length.to_le_bytes());
    }
}
