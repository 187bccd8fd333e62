//! The independent check of a published feed (`urna verify FEED`): from the feed's files alone,
//! every signature back to the ceremony's keys, and every number computed again.
//!
//! 1. Each snapshot version is signed with the central authority's publication key, names the
//!    hash of the one before, and `snapshot.json` is the latest.
//! 2. Per election: the ceremony's record is signed by its authority; the office that reported
//!    is in it with its key's fingerprint; `offices.json` gives that key; the result package is
//!    signed with it, for this election, and is the one the snapshot names.
//! 3. From the packages (the EML 510b per polling station, or the Flemish result file) the
//!    totals, seats, elected candidates, turnout, aggregates and progress are computed again
//!    (`snapshot::build`) and compared field by field with what was published; every difference
//!    is named (election, list, field, both values).

use std::collections::BTreeMap;

use seal::HashCode;
use seal::package::{self, Expected, Kind};
use seal::signing::{PublicKey, Signature};
use serde_json::Value;

use crate::feed::{self, ceremony_files};
use crate::snapshot::{self, Arrival, Registration, Snapshot};

/// Keys the verifier knows from elsewhere (the Government Gazette, the authority's website), as
/// fingerprints in any grouping; unset: the feed's keys are shown for the person to compare.
#[derive(Debug, Clone, Default)]
pub struct Expectations {
    /// The central authority's publication key.
    pub central: Option<String>,
    /// The ceremony authorities' keys (one per election, or shared).
    pub authorities: Vec<String>,
}

/// What the check found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// What was checked and held, one line each.
    pub passed: Vec<String>,
    /// Everything that did not hold, one line each. Empty: the feed is sound.
    pub discrepancies: Vec<String>,
}

impl Report {
    /// Whether everything held.
    pub fn sound(&self) -> bool {
        self.discrepancies.is_empty()
    }
}

fn text(feed: &BTreeMap<String, Vec<u8>>, path: &str) -> Result<String, String> {
    let bytes = feed.get(path).ok_or_else(|| format!("{path}: missing"))?;
    String::from_utf8(bytes.clone()).map_err(|_| format!("{path}: not UTF-8 text"))
}

fn same_fingerprint(expected: &str, key: &PublicKey) -> bool {
    let wanted: String = expected
        .chars()
        .filter(char::is_ascii_hexdigit)
        .collect::<String>()
        .to_ascii_lowercase();
    wanted == key.fingerprint().to_hex()
}

/// Checks a feed (its files by path, as [`feed::files`] lays them out).
pub fn verify(feed: &BTreeMap<String, Vec<u8>>, expectations: &Expectations) -> Report {
    let mut report = Report::default();
    let Some(latest) = check_snapshots(feed, expectations, &mut report) else {
        return report;
    };
    let mut registrations = Vec::new();
    let mut arrivals = Vec::new();
    let sources = latest.sources();
    for election in &latest.elections {
        let id = &election.registration.election;
        match check_election(
            feed,
            expectations,
            &election.registration,
            sources.get(id.as_str()).copied(),
        ) {
            Ok((registration, arrival, passed)) => {
                registrations.push(registration);
                arrivals.extend(arrival);
                report.passed.extend(passed);
            }
            Err(problems) => {
                report.discrepancies.extend(problems);
                // Still compare the numbers with what is published, from the registration as
                // the snapshot states it.
                registrations.push(election.registration.clone());
            }
        }
    }
    let recomputed = snapshot::build(latest.header(), &registrations, &arrivals);
    let before = report.discrepancies.len();
    let published = serde_json::to_value(&latest).unwrap_or(Value::Null);
    let computed = serde_json::to_value(&recomputed).unwrap_or(Value::Null);
    compare("", &published, &computed, &mut report.discrepancies);
    if report.discrepancies.len() == before {
        report.passed.push(format!(
            "version {}: every number computed again from the packages equals the published one ({} elections, {} districts, {} provinces)",
            latest.version,
            latest.elections.len(),
            latest.districts.len(),
            latest.provinces.len()
        ));
    }
    report
}

/// Step 1: the chain of signed versions; returns the latest.
fn check_snapshots(
    feed: &BTreeMap<String, Vec<u8>>,
    expectations: &Expectations,
    report: &mut Report,
) -> Option<Snapshot> {
    let key: PublicKey = match text(feed, "central-publication.pub").and_then(|t| {
        t.trim()
            .parse()
            .map_err(|_| "central-publication.pub: not a public key".to_string())
    }) {
        Ok(key) => key,
        Err(problem) => {
            report.discrepancies.push(problem);
            return None;
        }
    };
    match &expectations.central {
        Some(expected) if !same_fingerprint(expected, &key) => {
            report.discrepancies.push(format!(
                "central-publication.pub: the key's fingerprint is {}, not the expected {expected}",
                key.fingerprint()
            ));
            return None;
        }
        Some(_) => report.passed.push(format!(
            "the central authority's key is the expected one: {}",
            key.fingerprint()
        )),
        None => report.passed.push(format!(
            "the central authority's key (compare with the published fingerprint): {}",
            key.fingerprint()
        )),
    }
    let mut previous: Option<(u32, String)> = None;
    let mut latest = None;
    for version in 1.. {
        let path = format!("snapshots/v{version}.json");
        let Some(bytes) = feed.get(&path) else { break };
        let signature: Option<Signature> = text(feed, &format!("snapshots/v{version}.sig"))
            .ok()
            .and_then(|t| t.trim().parse().ok());
        let Some(signature) = signature else {
            report
                .discrepancies
                .push(format!("snapshots/v{version}.sig: missing or unreadable"));
            return None;
        };
        let snapshot = match snapshot::verify(bytes, &signature, &key) {
            Ok(snapshot) => snapshot,
            Err(error) => {
                report.discrepancies.push(format!("{path}: {error}"));
                return None;
            }
        };
        if snapshot.version != version {
            report
                .discrepancies
                .push(format!("{path}: says it is version {}", snapshot.version));
        }
        let expected_previous = previous.as_ref().map(|(_, hash)| hash.clone());
        if snapshot.previous != expected_previous {
            report.discrepancies.push(format!(
                "{path}: names {} as the version before it, but that is {}",
                snapshot.previous.as_deref().unwrap_or("none"),
                expected_previous.as_deref().unwrap_or("none")
            ));
        }
        previous = Some((version, HashCode::of(bytes).to_hex()));
        latest = Some((bytes.clone(), snapshot));
    }
    let Some((bytes, latest)) = latest else {
        report
            .discrepancies
            .push("snapshots/v1.json: missing: the feed holds no snapshot".into());
        return None;
    };
    if feed.get("snapshot.json") != Some(&bytes) {
        report.discrepancies.push(format!(
            "snapshot.json: is not the latest version (snapshots/v{}.json)",
            latest.version
        ));
    }
    report.passed.push(format!(
        "{} snapshot versions, each signed by the central authority and chained to the one before",
        latest.version
    ));
    Some(latest)
}

type Checked = (Registration, Option<Arrival>, Vec<String>);

/// Step 2 for one election.
fn check_election(
    feed: &BTreeMap<String, Vec<u8>>,
    expectations: &Expectations,
    published: &Registration,
    source: Option<&snapshot::SourceMeta>,
) -> Result<Checked, Vec<String>> {
    let id = &published.election;
    let root = format!("elections/{id}");
    let fail = |what: String| vec![format!("{id}: {what}")];
    let registration: Registration = feed
        .get(&format!("{root}/registration.json"))
        .and_then(|bytes| serde_json::from_slice(bytes).ok())
        .ok_or_else(|| fail(format!("{root}/registration.json: missing or unreadable")))?;
    if &registration != published {
        return Err(fail(format!(
            "{root}/registration.json differs from the registration in the snapshot"
        )));
    }
    let ceremony = |name: &str| format!("{root}/ceremony/{name}");
    let authority: PublicKey = text(feed, &ceremony(ceremony_files::AUTHORITY))
        .and_then(|t| t.trim().parse().map_err(|_| "not a public key".to_string()))
        .map_err(|e| fail(format!("{}: {e}", ceremony(ceremony_files::AUTHORITY))))?;
    if !expectations.authorities.is_empty()
        && !expectations
            .authorities
            .iter()
            .any(|expected| same_fingerprint(expected, &authority))
    {
        return Err(fail(format!(
            "the ceremony's authority key {} is not one of the expected keys",
            authority.fingerprint()
        )));
    }
    let record_bytes = feed
        .get(&ceremony(ceremony_files::RECORD))
        .ok_or_else(|| fail(format!("{}: missing", ceremony(ceremony_files::RECORD))))?;
    let record_signature =
        text(feed, &ceremony(ceremony_files::RECORD_SIGNATURE)).map_err(&fail)?;
    let record = seal::ceremony::verify_record(record_bytes, record_signature.trim(), &authority)
        .map_err(|e| fail(format!("{}: {e}", ceremony(ceremony_files::RECORD))))?;
    let record = record.record();
    if record.election.id != *id {
        return Err(fail(format!(
            "the ceremony record is for election {}",
            record.election.id
        )));
    }
    let packages = record.packages();
    let stations = packages
        .iter()
        .filter(|p| p.office.starts_with("SB"))
        .count() as u32;
    if stations != registration.expected_polling_stations {
        return Err(fail(format!(
            "registered with {} polling stations, the ceremony made packages for {stations}",
            registration.expected_polling_stations
        )));
    }
    let entry = packages
        .iter()
        .find(|p| p.office == registration.office)
        .ok_or_else(|| {
            fail(format!(
                "the ceremony record has no office {}",
                registration.office
            ))
        })?;
    let offices: Vec<Value> = feed
        .get(&ceremony(ceremony_files::OFFICES))
        .and_then(|bytes| serde_json::from_slice(bytes).ok())
        .ok_or_else(|| {
            fail(format!(
                "{}: missing or unreadable",
                ceremony(ceremony_files::OFFICES)
            ))
        })?;
    let office_key: PublicKey = offices
        .iter()
        .find(|o| o["code"] == registration.office.as_str())
        .and_then(|o| o["public_key"].as_str()?.parse().ok())
        .ok_or_else(|| {
            fail(format!(
                "offices.json has no key for {}",
                registration.office
            ))
        })?;
    if office_key.fingerprint().to_hex() != entry.office_key {
        return Err(fail(format!(
            "the key of {} in offices.json is not the one the signed ceremony record names",
            registration.office
        )));
    }
    let mut passed = vec![format!(
        "{id}: ceremony record signed by authority {}; {} key {} in it",
        authority.fingerprint(),
        registration.office,
        office_key.fingerprint()
    )];
    let Some(source) = source else {
        return Ok((registration, None, passed));
    };
    let files = feed::package_files(feed, id);
    let verified = package::verify_kind(
        Kind::Result,
        &files,
        &office_key,
        &Expected {
            election: Some(id.clone()),
            office: None,
        },
    )
    .map_err(|problems| {
        problems
            .iter()
            .map(|p| format!("{id}: result package: {p}"))
            .collect::<Vec<_>>()
    })?;
    if verified.manifest.office.code() != registration.office {
        return Err(fail(format!(
            "the result package was sent by {}, not {}",
            verified.manifest.office.code(),
            registration.office
        )));
    }
    if verified.fingerprint.to_hex() != source.package {
        return Err(fail(format!(
            "the snapshot names package {}, the feed holds {}",
            source.package,
            verified.fingerprint.to_hex()
        )));
    }
    passed.push(format!(
        "{id}: result package {} signed by {} ({} files intact)",
        verified.fingerprint,
        registration.office,
        verified.manifest.files.len()
    ));
    let mut files = files;
    files.remove(package::MANIFEST);
    files.remove(package::SIGNATURE);
    Ok((
        registration,
        Some(Arrival {
            election: id.clone(),
            meta: source.clone(),
            files,
        }),
        passed,
    ))
}

/// A readable name for an element of an array: the election, list, area or candidate it is.
fn label(value: &Value, index: usize) -> String {
    if let Some(election) = value["registration"]["election"].as_str() {
        return election.to_string();
    }
    if let Some(area) = value["area"]["name"].as_str() {
        return area.to_string();
    }
    match (
        value["number"].as_u64(),
        value["position"].as_u64(),
        value["name"].as_str(),
    ) {
        (Some(number), _, Some(name)) => format!("list {number} ({name})"),
        (_, Some(position), Some(name)) => format!("candidate {position} ({name})"),
        (_, _, Some(name)) => name.to_string(),
        _ => format!("#{}", index + 1),
    }
}

/// Names every place where `published` and `computed` differ.
fn compare(path: &str, published: &Value, computed: &Value, out: &mut Vec<String>) {
    match (published, computed) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                let inner = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                compare(&inner, value, b.get(key).unwrap_or(&Value::Null), out);
            }
            for key in b.keys().filter(|k| !a.contains_key(*k)) {
                out.push(format!("{path}.{key}: missing from the published snapshot"));
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (index, (x, y)) in a.iter().zip(b).enumerate() {
                compare(&format!("{path}[{}]", label(y, index)), x, y, out);
            }
        }
        (Value::Array(a), Value::Array(b)) => out.push(format!(
            "{path}: {} published, {} computed from the packages",
            a.len(),
            b.len()
        )),
        (a, b) if a != b => out.push(format!(
            "{path}: published {a}, computed from the packages {b}"
        )),
        _ => {}
    }
}
