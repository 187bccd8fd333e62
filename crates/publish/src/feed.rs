//! The media feed: the files a journalist, a broadcaster or an auditor downloads. Every signed
//! snapshot (the latest as `snapshot.json`), the result CSVs, and per election what it takes to
//! check the result without trusting the centre: the ceremony's signed record and office keys,
//! and the municipality's signed result package exactly as received (its EML 510b, its PDFs).
//!
//! ```text
//! snapshot.json, snapshot.sig          the latest version
//! snapshots/v<n>.json, v<n>.sig        every version, each naming the hash of the one before
//! central-publication.pub              the key the snapshots are signed with
//! results.csv, elected.csv             one row per list / per elected candidate
//! elections/<id>/registration.json     where it lies, which office reports, polling stations
//! elections/<id>/ceremony/             authority.pub, record.json, record.sig, offices.json,
//!                                      main-office-manifest.json
//! elections/<id>/package/              the result package: manifest.json, manifest.sig, files
//! ```
//!
//! The JSON schema of the snapshot is `schema/snapshot.schema.json` (docs/formats/publication.md).

use std::collections::BTreeMap;

use model::ElectionId;
use seal::signing::{PublicKey, Signature};

use crate::snapshot::{Arrival, Outcome, Registration, Snapshot};

/// The feed's schema of a snapshot (JSON Schema 2020-12), published with it.
pub const SNAPSHOT_SCHEMA: &str = include_str!("../schema/snapshot.schema.json");

/// What the ceremony of an election left that a verifier needs: the authority's public key, the
/// signed record, and the offices' public keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CeremonyTrust {
    /// `authority.pub` (text).
    pub authority: Vec<u8>,
    /// `record.json`.
    pub record: Vec<u8>,
    /// `record.sig`.
    pub record_signature: Vec<u8>,
    /// `offices.json`.
    pub offices: Vec<u8>,
    /// `main-office-manifest.json`: the manifest of the reporting office's package from the
    /// ceremony, whose fingerprint the record names; it lists the definition's SHA-256.
    pub main_office_manifest: Vec<u8>,
}

/// File names inside an election's `ceremony/` folder.
pub mod ceremony_files {
    /// The authority's public key.
    pub const AUTHORITY: &str = "authority.pub";
    /// The record.
    pub const RECORD: &str = "record.json";
    /// Its signature.
    pub const RECORD_SIGNATURE: &str = "record.sig";
    /// The offices' keys.
    pub const OFFICES: &str = "offices.json";
    /// The manifest of the reporting office's ceremony package.
    pub const MAIN_OFFICE_MANIFEST: &str = "main-office-manifest.json";
}

/// Everything the feed is made of.
#[derive(Debug)]
pub struct FeedInput<'a> {
    /// Every version so far, oldest first: bytes and signature.
    pub versions: &'a [(Vec<u8>, Signature)],
    /// The central authority's publication key.
    pub central: &'a PublicKey,
    /// The registered elections with their ceremonies' trust.
    pub registrations: &'a [(Registration, CeremonyTrust)],
    /// The published packages.
    pub arrivals: &'a [Arrival],
}

/// The feed's files, by path.
pub fn files(input: &FeedInput<'_>) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for (bytes, signature) in input.versions {
        let version = serde_json::from_slice::<Snapshot>(bytes).map_or(0, |s| s.version);
        files.insert(format!("snapshots/v{version}.json"), bytes.clone());
        files.insert(
            format!("snapshots/v{version}.sig"),
            format!("{signature}\n").into_bytes(),
        );
    }
    if let Some((bytes, signature)) = input.versions.last() {
        files.insert("snapshot.json".into(), bytes.clone());
        files.insert("snapshot.sig".into(), format!("{signature}\n").into_bytes());
        if let Ok(snapshot) = serde_json::from_slice::<Snapshot>(bytes) {
            files.insert("results.csv".into(), results_csv(&snapshot));
            files.insert("elected.csv".into(), elected_csv(&snapshot));
        }
    }
    files.insert(
        "central-publication.pub".into(),
        format!("{}\n", input.central).into_bytes(),
    );
    files.insert(
        "schema/snapshot.schema.json".into(),
        SNAPSHOT_SCHEMA.as_bytes().to_vec(),
    );
    for (registration, trust) in input.registrations {
        let root = format!("elections/{}", registration.election);
        files.insert(
            format!("{root}/registration.json"),
            seal::pretty_json(registration),
        );
        for (name, bytes) in [
            (ceremony_files::AUTHORITY, &trust.authority),
            (ceremony_files::RECORD, &trust.record),
            (ceremony_files::RECORD_SIGNATURE, &trust.record_signature),
            (ceremony_files::OFFICES, &trust.offices),
            (
                ceremony_files::MAIN_OFFICE_MANIFEST,
                &trust.main_office_manifest,
            ),
        ] {
            files.insert(format!("{root}/ceremony/{name}"), bytes.clone());
        }
    }
    for arrival in input.arrivals {
        for (name, bytes) in &arrival.files {
            files.insert(
                format!("elections/{}/package/{name}", arrival.election),
                bytes.clone(),
            );
        }
    }
    files
}

/// Semicolon-separated rows (as Dutch spreadsheets read them; UTF-8), each field quoted by the
/// csv crate where it needs to be (a separator, a quote or a line break in a name).
fn semicolon_csv(rows: impl IntoIterator<Item = Vec<String>>) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .from_writer(Vec::new());
    for row in rows {
        // Into memory, with rows of any length allowed, a write cannot fail.
        let _ = writer.write_record(&row);
    }
    writer.into_inner().unwrap_or_default()
}

/// One row per list of every election that is in.
pub fn results_csv(snapshot: &Snapshot) -> Vec<u8> {
    let header = [
        "election",
        "municipality_code",
        "municipality",
        "province",
        "list_number",
        "list_name",
        "votes",
        "seats",
    ];
    let mut rows = vec![header.map(String::from).to_vec()];
    for election in &snapshot.elections {
        let Outcome::In { lists, .. } = &election.outcome else {
            continue;
        };
        let place = &election.registration.place;
        for list in lists {
            rows.push(vec![
                election.registration.election.to_string(),
                place.municipality.code.clone(),
                place.municipality.name.clone(),
                place
                    .province
                    .as_ref()
                    .map_or(String::new(), |p| p.name.clone()),
                list.number.to_string(),
                list.name.clone(),
                list.votes.to_string(),
                list.seats.to_string(),
            ]);
        }
    }
    semicolon_csv(rows)
}

/// One row per elected candidate.
pub fn elected_csv(snapshot: &Snapshot) -> Vec<u8> {
    let header = [
        "election",
        "municipality",
        "list_number",
        "list_name",
        "order",
        "position",
        "name",
        "votes",
        "by_preference",
    ];
    let mut rows = vec![header.map(String::from).to_vec()];
    for election in &snapshot.elections {
        let Outcome::In { lists, .. } = &election.outcome else {
            continue;
        };
        for list in lists {
            for (order, elected) in list.elected.iter().enumerate() {
                rows.push(vec![
                    election.registration.election.to_string(),
                    election.registration.place.municipality.name.clone(),
                    list.number.to_string(),
                    list.name.clone(),
                    (order + 1).to_string(),
                    elected.position.to_string(),
                    elected.name.clone(),
                    elected.votes.to_string(),
                    elected.by_preference.to_string(),
                ]);
            }
        }
    }
    semicolon_csv(rows)
}

/// The files of one election's package in a feed, by their path inside the package.
pub fn package_files(
    feed: &BTreeMap<String, Vec<u8>>,
    election: &ElectionId,
) -> BTreeMap<String, Vec<u8>> {
    let prefix = format!("elections/{election}/package/");
    feed.iter()
        .filter_map(|(path, bytes)| Some((path.strip_prefix(&prefix)?.to_string(), bytes.clone())))
        .collect()
}

#[cfg(test)]
mod csv_tests {
    use super::*;

    #[test]
    fn names_with_separators_quotes_and_line_breaks_survive_a_spreadsheet_reading() {
        let rows = vec![
            vec!["list_name".to_string(), "votes".to_string()],
            vec!["Lijst \"Samen\"; voor Assen".to_string(), "12".to_string()],
            vec!["Twee\nregels".to_string(), "0".to_string()],
            vec!["Gewoon".to_string(), "7".to_string()],
        ];
        let bytes = semicolon_csv(rows.clone());
        assert!(bytes.starts_with(b"list_name;votes\n\"Lijst \"\"Samen\"\"; voor Assen\";12\n"));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .from_reader(bytes.as_slice());
        let read: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.expect("record").iter().map(String::from).collect())
            .collect();
        assert_eq!(read, rows);
    }
}
