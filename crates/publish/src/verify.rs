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

/// One line of the report, in Dutch and in English (file paths and fields alike in both).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Dutch.
    pub nl: String,
    /// English.
    pub en: String,
}

impl Finding {
    /// The line in `language`.
    pub fn text(&self, language: model::Language) -> &str {
        language.pick(&self.nl, &self.en)
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

/// A [`Finding`] from a Dutch and an English format string with the same arguments.
macro_rules! finding {
    ($nl:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        Finding {
            nl: format!($nl $(, $arg)*),
            en: format!($en $(, $arg)*),
        }
    };
}

/// What the check found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// What was checked and held, one line each.
    pub passed: Vec<Finding>,
    /// Everything that did not hold, one line each. Empty: the feed is sound.
    pub discrepancies: Vec<Finding>,
}

impl Report {
    /// Whether everything held.
    pub fn sound(&self) -> bool {
        self.discrepancies.is_empty()
    }
}

fn text(feed: &BTreeMap<String, Vec<u8>>, path: &str) -> Result<String, Finding> {
    let bytes = feed
        .get(path)
        .ok_or_else(|| finding!("{}: ontbreekt", "{}: missing", path))?;
    String::from_utf8(bytes.clone())
        .map_err(|_| finding!("{}: geen UTF-8-tekst", "{}: not UTF-8 text", path))
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
    compare(
        &Path::default(),
        &published,
        &computed,
        &mut report.discrepancies,
    );
    if report.discrepancies.len() == before {
        report.passed.push(finding!(
            "versie {}: elk cijfer opnieuw berekend uit de pakketten is gelijk aan het gepubliceerde ({} verkiezingen, {} kieskringen, {} provincies)",
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
        t.trim().parse().map_err(|_| {
            finding!(
                "central-publication.pub: geen publieke sleutel",
                "central-publication.pub: not a public key"
            )
        })
    }) {
        Ok(key) => key,
        Err(problem) => {
            report.discrepancies.push(problem);
            return None;
        }
    };
    match &expectations.central {
        Some(expected) if !same_fingerprint(expected, &key) => {
            report.discrepancies.push(finding!(
                "central-publication.pub: de vingerafdruk van de sleutel is {}, niet de verwachte {}",
                "central-publication.pub: the key's fingerprint is {}, not the expected {}",
                key.fingerprint(),
                expected
            ));
            return None;
        }
        Some(_) => report.passed.push(finding!(
            "de sleutel van de centrale autoriteit is de verwachte: {}",
            "the central authority's key is the expected one: {}",
            key.fingerprint()
        )),
        None => report.passed.push(finding!(
            "de sleutel van de centrale autoriteit (vergelijk met de gepubliceerde vingerafdruk): {}",
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
            report.discrepancies.push(finding!(
                "snapshots/v{}.sig: ontbreekt of is onleesbaar",
                "snapshots/v{}.sig: missing or unreadable",
                version
            ));
            return None;
        };
        let snapshot = match snapshot::verify(bytes, &signature, &key) {
            Ok(snapshot) => snapshot,
            Err(error) => {
                report.discrepancies.push(Finding {
                    nl: format!("{path}: {}", error.message_nl()),
                    en: format!("{path}: {error}"),
                });
                return None;
            }
        };
        if snapshot.version != version {
            report.discrepancies.push(finding!(
                "{}: zegt versie {} te zijn",
                "{}: says it is version {}",
                path,
                snapshot.version
            ));
        }
        let expected_previous = previous.as_ref().map(|(_, hash)| hash.clone());
        if snapshot.previous != expected_previous {
            report.discrepancies.push(finding!(
                "{}: noemt {} als de versie ervoor, maar dat is {}",
                "{}: names {} as the version before it, but that is {}",
                path,
                snapshot.previous.as_deref().unwrap_or("-"),
                expected_previous.as_deref().unwrap_or("-")
            ));
        }
        previous = Some((version, HashCode::of(bytes).to_hex()));
        latest = Some((bytes.clone(), snapshot));
    }
    let Some((bytes, latest)) = latest else {
        report.discrepancies.push(finding!(
            "snapshots/v1.json: ontbreekt: de feed bevat geen snapshot",
            "snapshots/v1.json: missing: the feed holds no snapshot"
        ));
        return None;
    };
    if feed.get("snapshot.json") != Some(&bytes) {
        report.discrepancies.push(finding!(
            "snapshot.json: is niet de laatste versie (snapshots/v{}.json)",
            "snapshot.json: is not the latest version (snapshots/v{}.json)",
            latest.version
        ));
    }
    report.passed.push(finding!(
        "{} versies van de snapshot, elk ondertekend door de centrale autoriteit en geketend aan de vorige",
        "{} snapshot versions, each signed by the central authority and chained to the one before",
        latest.version
    ));
    Some(latest)
}

type Checked = (Registration, Option<Arrival>, Vec<Finding>);

/// Step 2 for one election.
fn check_election(
    feed: &BTreeMap<String, Vec<u8>>,
    expectations: &Expectations,
    published: &Registration,
    source: Option<&snapshot::SourceMeta>,
) -> Result<Checked, Vec<Finding>> {
    let id = &published.election;
    let root = format!("elections/{id}");
    // Every problem of an election is named with it.
    let fail = |what: Finding| {
        vec![Finding {
            nl: format!("{id}: {}", what.nl),
            en: format!("{id}: {}", what.en),
        }]
    };
    let registration: Registration = feed
        .get(&format!("{root}/registration.json"))
        .and_then(|bytes| serde_json::from_slice(bytes).ok())
        .ok_or_else(|| {
            fail(finding!(
                "{}/registration.json: ontbreekt of is onleesbaar",
                "{}/registration.json: missing or unreadable",
                root
            ))
        })?;
    if &registration != published {
        return Err(fail(finding!(
            "{}/registration.json verschilt van de registratie in de snapshot",
            "{}/registration.json differs from the registration in the snapshot",
            root
        )));
    }
    let ceremony = |name: &str| format!("{root}/ceremony/{name}");
    let authority_path = ceremony(ceremony_files::AUTHORITY);
    let authority: PublicKey = text(feed, &authority_path)
        .and_then(|t| {
            t.trim().parse().map_err(|_| {
                finding!(
                    "{}: geen publieke sleutel",
                    "{}: not a public key",
                    authority_path
                )
            })
        })
        .map_err(&fail)?;
    if !expectations.authorities.is_empty()
        && !expectations
            .authorities
            .iter()
            .any(|expected| same_fingerprint(expected, &authority))
    {
        return Err(fail(finding!(
            "de autoriteitssleutel {} van de ceremonie is niet een van de verwachte sleutels",
            "the ceremony's authority key {} is not one of the expected keys",
            authority.fingerprint()
        )));
    }
    let record_path = ceremony(ceremony_files::RECORD);
    let record_bytes = feed
        .get(&record_path)
        .ok_or_else(|| fail(finding!("{}: ontbreekt", "{}: missing", record_path)))?;
    let record_signature =
        text(feed, &ceremony(ceremony_files::RECORD_SIGNATURE)).map_err(&fail)?;
    let record = seal::ceremony::verify_record(record_bytes, record_signature.trim(), &authority)
        .map_err(|e| {
        fail(Finding {
            nl: format!("{record_path}: {}", e.message_nl()),
            en: format!("{record_path}: {e}"),
        })
    })?;
    let record = record.record();
    if record.election.id != *id {
        return Err(fail(finding!(
            "het ceremonieverslag is van verkiezing {}",
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
        return Err(fail(finding!(
            "geregistreerd met {} stembureaus, de ceremonie maakte pakketten voor {}",
            "registered with {} polling stations, the ceremony made packages for {}",
            registration.expected_polling_stations,
            stations
        )));
    }
    let entry = packages
        .iter()
        .find(|p| p.office == registration.office)
        .ok_or_else(|| {
            fail(finding!(
                "het ceremonieverslag kent geen kantoor {}",
                "the ceremony record has no office {}",
                registration.office
            ))
        })?;
    let offices_path = ceremony(ceremony_files::OFFICES);
    let offices: Vec<Value> = feed
        .get(&offices_path)
        .and_then(|bytes| serde_json::from_slice(bytes).ok())
        .ok_or_else(|| {
            fail(finding!(
                "{}: ontbreekt of is onleesbaar",
                "{}: missing or unreadable",
                offices_path
            ))
        })?;
    let office_key: PublicKey = offices
        .iter()
        .find(|o| o["code"] == registration.office.as_str())
        .and_then(|o| o["public_key"].as_str()?.parse().ok())
        .ok_or_else(|| {
            fail(finding!(
                "offices.json heeft geen sleutel voor {}",
                "offices.json has no key for {}",
                registration.office
            ))
        })?;
    if office_key.fingerprint().to_hex() != entry.office_key {
        return Err(fail(finding!(
            "de sleutel van {} in offices.json is niet die welke het ondertekende ceremonieverslag noemt",
            "the key of {} in offices.json is not the one the signed ceremony record names",
            registration.office
        )));
    }
    // The definition: the registration's hash must be the one the office's ceremony package
    // lists, and that package's manifest the one the signed record names.
    let manifest_path = ceremony(ceremony_files::MAIN_OFFICE_MANIFEST);
    let manifest_bytes = feed
        .get(&manifest_path)
        .ok_or_else(|| fail(finding!("{}: ontbreekt", "{}: missing", manifest_path)))?;
    if HashCode::of(manifest_bytes).to_hex() != entry.fingerprint {
        return Err(fail(finding!(
            "{}: is niet het manifest van het pakket dat het ondertekende ceremonieverslag noemt",
            "{}: is not the manifest of the package the signed ceremony record names",
            manifest_path
        )));
    }
    let listed = serde_json::from_slice::<package::Manifest>(manifest_bytes)
        .ok()
        .and_then(|manifest| {
            manifest
                .files
                .into_iter()
                .find(|f| f.path == seal::ceremony::files::ELECTION)
        })
        .map(|file| file.sha256);
    if listed.as_deref() != Some(registration.definition.as_str()) {
        let listed = listed.unwrap_or_else(|| "—".into());
        return Err(fail(finding!(
            "de registratie noemt definitie {}, het ceremoniepakket {}",
            "the registration names definition {}, the ceremony package {}",
            registration.definition,
            listed
        )));
    }
    let mut passed = vec![finding!(
        "{}: ceremonieverslag ondertekend door autoriteit {}; sleutel van {} daarin: {}; verkiezingsdefinitie {}",
        "{}: ceremony record signed by authority {}; {} key {} in it; election definition {}",
        id,
        authority.fingerprint(),
        registration.office,
        office_key.fingerprint(),
        registration.definition
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
            .map(|p| Finding {
                nl: format!("{id}: uitslagpakket: {}", p.message_nl()),
                en: format!("{id}: result package: {p}"),
            })
            .collect::<Vec<_>>()
    })?;
    if verified.manifest.office.code() != registration.office {
        return Err(fail(finding!(
            "het uitslagpakket is verstuurd door {}, niet door {}",
            "the result package was sent by {}, not {}",
            verified.manifest.office.code(),
            registration.office
        )));
    }
    if verified.fingerprint.to_hex() != source.package {
        return Err(fail(finding!(
            "de snapshot noemt pakket {}, de feed bevat {}",
            "the snapshot names package {}, the feed holds {}",
            source.package,
            verified.fingerprint.to_hex()
        )));
    }
    passed.push(finding!(
        "{}: uitslagpakket {} ondertekend door {} ({} bestanden ongeschonden)",
        "{}: result package {} signed by {} ({} files intact)",
        id,
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

/// A place in the snapshot, as each language names it (`elections[…].outcome.lists[list 1 (…)]`
/// and `…lists[lijst 1 (…)]`).
#[derive(Debug, Clone, Default)]
struct Path {
    nl: String,
    en: String,
}

impl Path {
    fn key(&self, key: &str) -> Path {
        let join = |path: &str| {
            if path.is_empty() {
                key.to_string()
            } else {
                format!("{path}.{key}")
            }
        };
        Path {
            nl: join(&self.nl),
            en: join(&self.en),
        }
    }

    /// The element of an array: the election, list, area or candidate it is.
    fn element(&self, value: &Value, index: usize) -> Path {
        let (nl, en) = label(value, index);
        Path {
            nl: format!("{}[{nl}]", self.nl),
            en: format!("{}[{en}]", self.en),
        }
    }
}

/// A readable name for an element of an array, in Dutch and English.
fn label(value: &Value, index: usize) -> (String, String) {
    if let Some(election) = value["registration"]["election"].as_str() {
        return (election.to_string(), election.to_string());
    }
    if let Some(area) = value["area"]["name"].as_str() {
        return (area.to_string(), area.to_string());
    }
    match (
        value["number"].as_u64(),
        value["position"].as_u64(),
        value["name"].as_str(),
    ) {
        (Some(number), _, Some(name)) => (
            format!("lijst {number} ({name})"),
            format!("list {number} ({name})"),
        ),
        (_, Some(position), Some(name)) => (
            format!("kandidaat {position} ({name})"),
            format!("candidate {position} ({name})"),
        ),
        (_, _, Some(name)) => (name.to_string(), name.to_string()),
        _ => (format!("#{}", index + 1), format!("#{}", index + 1)),
    }
}

/// Names every place where `published` and `computed` differ.
fn compare(path: &Path, published: &Value, computed: &Value, out: &mut Vec<Finding>) {
    match (published, computed) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                compare(
                    &path.key(key),
                    value,
                    b.get(key).unwrap_or(&Value::Null),
                    out,
                );
            }
            for key in b.keys().filter(|k| !a.contains_key(*k)) {
                let missing = path.key(key);
                out.push(Finding {
                    nl: format!("{}: ontbreekt in de gepubliceerde snapshot", missing.nl),
                    en: format!("{}: missing from the published snapshot", missing.en),
                });
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (index, (x, y)) in a.iter().zip(b).enumerate() {
                compare(&path.element(y, index), x, y, out);
            }
        }
        (Value::Array(a), Value::Array(b)) => out.push(Finding {
            nl: format!(
                "{}: {} gepubliceerd, {} berekend uit de pakketten",
                path.nl,
                a.len(),
                b.len()
            ),
            en: format!(
                "{}: {} published, {} computed from the packages",
                path.en,
                a.len(),
                b.len()
            ),
        }),
        (a, b) if a != b => out.push(Finding {
            nl: format!(
                "{}: gepubliceerd {a}, berekend uit de pakketten {b}",
                path.nl
            ),
            en: format!("{}: published {a}, computed from the packages {b}", path.en),
        }),
        _ => {}
    }
}
