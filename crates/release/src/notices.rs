//! The licence notices of every crate in the binary: the licence files each crate ships (its
//! `LICENSE*`, `COPYING*`, `NOTICE*`, …), or, for a crate that ships none, the standard text of
//! each licence its SPDX expression names. The MIT and BSD licences require their notice to go
//! with every copy of the binary; Apache-2.0 requires its `NOTICE` files. Identical texts are
//! printed once, with every crate they apply to, so that the notices stay readable.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::ReleaseError;
use crate::graph::{Component, Origin};

/// One text and the crates (with the file each ships it as) it applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub applies_to: Vec<String>,
}

/// The licence notices of `components` with the texts they ship, in the order the components
/// come (the crates of this workspace are Urna itself and are left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notices {
    pub program: String,
    pub version: String,
    /// `name version licence` per crate.
    pub crates: Vec<(String, String, String)>,
    pub texts: Vec<Notice>,
}

/// Whether a file name is one of a licence's files.
fn is_licence_file(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    [
        "LICENSE",
        "LICENCE",
        "COPYING",
        "NOTICE",
        "COPYRIGHT",
        "UNLICENSE",
    ]
    .iter()
    .any(|prefix| upper.starts_with(prefix))
}

fn read(path: &Path) -> Result<String, ReleaseError> {
    let bytes = std::fs::read(path).map_err(|source| ReleaseError::Read {
        path: path.display().to_string(),
        source,
    })?;
    // Licence files are text; one in Latin-1 is still shown rather than refused.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A text as printed: Unix line ends, no trailing blanks.
fn normalise(text: &str) -> String {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|line| line.trim_end_matches(['\r', ' ', '\t']))
        .collect();
    lines.join("\n").trim_matches('\n').to_string()
}

/// The licence files a crate ships, as (file name, text), sorted by name. Files in a REUSE-style
/// `LICENSES/` folder count too.
fn shipped_files(component: &Component) -> Result<Vec<(String, String)>, ReleaseError> {
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    let dir = &component.manifest_dir;
    let entries = std::fs::read_dir(dir).map_err(|source| ReleaseError::Read {
        path: dir.display().to_string(),
        source,
    })?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if path.is_file() && is_licence_file(&name) {
            files.insert(name, read(&path)?);
        } else if path.is_dir() && name == "LICENSES" {
            for inner in std::fs::read_dir(&path)
                .map_err(|source| ReleaseError::Read {
                    path: path.display().to_string(),
                    source,
                })?
                .flatten()
            {
                if inner.path().is_file() {
                    let inner_name = inner.file_name().to_string_lossy().into_owned();
                    files.insert(format!("LICENSES/{inner_name}"), read(&inner.path())?);
                }
            }
        }
    }
    if let Some(file) = &component.licence_file {
        let name = file.strip_prefix(dir).unwrap_or(file).display().to_string();
        if let std::collections::btree_map::Entry::Vacant(slot) = files.entry(name) {
            slot.insert(read(file)?);
        }
    }
    Ok(files.into_iter().collect())
}

/// The standard texts of the licences an SPDX expression names (for a crate without files).
fn standard_texts(component: &Component) -> Result<Vec<(String, String)>, ReleaseError> {
    let expression = component
        .licence
        .as_deref()
        .ok_or_else(|| ReleaseError::NoLicence {
            package: component.id.to_string(),
        })?;
    let parsed = spdx::Expression::parse_mode(expression, spdx::ParseMode::LAX).map_err(|e| {
        ReleaseError::Licence {
            package: component.id.to_string(),
            expression: expression.to_string(),
            message: e.to_string(),
        }
    })?;
    let mut texts = Vec::new();
    for requirement in parsed.requirements() {
        if let spdx::LicenseItem::Spdx { id, .. } = requirement.req.license {
            let label = format!("{} (SPDX standard text)", id.name);
            if !texts.iter().any(|(l, _): &(String, String)| *l == label) {
                texts.push((label, id.text().to_string()));
            }
        }
    }
    if texts.is_empty() {
        return Err(ReleaseError::NoLicence {
            package: component.id.to_string(),
        });
    }
    Ok(texts)
}

/// Gathers the notices of the crates in `components` (reads their licence files).
pub fn collect(
    program: &str,
    version: &str,
    components: &[Component],
) -> Result<Notices, ReleaseError> {
    let mut crates = Vec::new();
    let mut texts: Vec<Notice> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for component in components.iter().filter(|c| c.origin != Origin::Workspace) {
        crates.push((
            component.name.clone(),
            component.version.clone(),
            component
                .licence
                .clone()
                .unwrap_or_else(|| "see its licence file".to_string()),
        ));
        let mut files = shipped_files(component)?;
        if files.is_empty() {
            files = standard_texts(component)?;
        }
        for (file, text) in files {
            let text = normalise(&text);
            let label = format!("{} {} ({file})", component.name, component.version);
            match index.get(&text) {
                Some(&at) => texts[at].applies_to.push(label),
                None => {
                    index.insert(text.clone(), texts.len());
                    texts.push(Notice {
                        text,
                        applies_to: vec![label],
                    });
                }
            }
        }
    }
    Ok(Notices {
        program: program.to_string(),
        version: version.to_string(),
        crates,
        texts,
    })
}

/// The notices as one plain-text document (what `urna licenses` prints and a release ships as
/// `THIRD-PARTY-NOTICES.txt`).
pub fn render(notices: &Notices) -> String {
    let rule = "=".repeat(78);
    let thin = "-".repeat(78);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Licence notices of the crates in {} {}\n{rule}\n",
        notices.program, notices.version
    );
    let _ = writeln!(
        out,
        "{} itself is licensed under the European Union Public Licence 1.2 (EUPL-1.2).\n\
         The binary contains the {} crates below, each under its own licence; their licence\n\
         texts follow, each printed once with the crates it applies to.\n",
        notices.program,
        notices.crates.len()
    );
    let width = notices
        .crates
        .iter()
        .map(|(name, version, _)| name.len() + version.len() + 1)
        .max()
        .unwrap_or(0);
    for (name, version, licence) in &notices.crates {
        let _ = writeln!(out, "  {:<width$}  {licence}", format!("{name} {version}"));
    }
    for (n, notice) in notices.texts.iter().enumerate() {
        let _ = writeln!(out, "\n{thin}\nText {} applies to:", n + 1);
        for label in &notice.applies_to {
            let _ = writeln!(out, "  {label}");
        }
        let _ = writeln!(out, "{thin}\n\n{}", notice.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::ComponentId;

    fn component(dir: &Path, name: &str, licence: Option<&str>) -> Component {
        Component {
            id: ComponentId(format!("{name}@1.0.0")),
            name: name.to_string(),
            version: "1.0.0".to_string(),
            licence: licence.map(str::to_string),
            licence_file: None,
            manifest_dir: dir.join(name),
            origin: Origin::Registry { checksum: None },
            repository: None,
            description: None,
            depends_on: Vec::new(),
        }
    }

    #[test]
    fn shipped_files_are_given_once_per_text_and_crates_without_files_get_the_standard_text() {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, files) in [
            (
                "alpha",
                vec![
                    ("LICENSE-MIT", "Copyright Alpha\r\n"),
                    ("LICENSE-APACHE", "Apache text \n"),
                ],
            ),
            (
                "beta",
                vec![
                    ("LICENSE-APACHE", "Apache text"),
                    ("README.md", "not a licence"),
                ],
            ),
            ("gamma", vec![]),
        ] {
            std::fs::create_dir_all(dir.path().join(name)).expect("dir");
            for (file, text) in files {
                std::fs::write(dir.path().join(name).join(file), text).expect("write");
            }
        }
        let components = vec![
            component(dir.path(), "alpha", Some("MIT OR Apache-2.0")),
            component(dir.path(), "beta", Some("Apache-2.0")),
            component(dir.path(), "gamma", Some("ISC")),
        ];
        let notices = collect("urna", "0.1.0", &components).expect("notices");
        assert_eq!(notices.crates.len(), 3);
        let texts: Vec<&str> = notices.texts.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert_eq!(texts[0], "Apache text");
        assert_eq!(
            notices.texts[0].applies_to,
            [
                "alpha 1.0.0 (LICENSE-APACHE)",
                "beta 1.0.0 (LICENSE-APACHE)"
            ]
        );
        assert_eq!(texts[1], "Copyright Alpha");
        assert!(texts[2].contains("ISC"), "standard ISC text expected");
        assert_eq!(
            notices.texts[2].applies_to,
            ["gamma 1.0.0 (ISC (SPDX standard text))"]
        );
        let rendered = render(&notices);
        assert!(rendered.contains("The binary contains the 3 crates below"));
        assert!(!rendered.contains("not a licence"));
    }

    #[test]
    fn a_crate_without_licence_or_files_is_refused_by_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("mystery")).expect("dir");
        let error = collect("urna", "0.1.0", &[component(dir.path(), "mystery", None)])
            .expect_err("no notice possible");
        assert!(error.to_string().contains("mystery@1.0.0"), "{error}");
    }
}
