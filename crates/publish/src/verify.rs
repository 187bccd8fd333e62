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

use messages::{Language, Message, Value, msg};
use seal::HashCode;
use seal::package::{self, Expected, Kind};
use seal::signing::{PublicKey, Signature};

use crate::feed::{self, ceremony_files};
use crate::file_list::{self, Difference, FileList};
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

/// One line of the report, as a message each reader sees in their language (file paths and
/// fields alike).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding(Message);

impl Finding {
    /// The line in `lang`.
    pub fn text(&self, lang: Language) -> String {
        self.0.text(lang)
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A [`Finding`]: `finding!("verify-…", name = value, …)`.
macro_rules! finding {
    ($($message:tt)+) => {
        Finding(msg!($($message)+))
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
        .ok_or_else(|| finding!("verify-missing", file = path))?;
    String::from_utf8(bytes.clone()).map_err(|_| finding!("verify-not-utf8", file = path))
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
    let published = serde_json::to_value(&latest).unwrap_or_default();
    let computed = serde_json::to_value(&recomputed).unwrap_or_default();
    compare(
        &Path::default(),
        &published,
        &computed,
        &mut report.discrepancies,
    );
    if report.discrepancies.len() == before {
        // The committee's later work, computed again from each package's committee.json and
        // checked there against its 510b: named, so that a reader sees it was looked at.
        for election in &recomputed.elections {
            if let snapshot::Outcome::In { committee, .. } = &election.outcome
                && !committee.is_empty()
            {
                report.passed.push(finding!(
                    "verify-committee",
                    election = election.registration.election.as_str(),
                    sessions = committee.sessions.len(),
                    investigations = committee.investigations.len(),
                    corrections = committee.corrections.len()
                ));
            }
        }
        report.passed.push(finding!(
            "verify-numbers-equal",
            version = latest.version,
            elections = latest.elections.len(),
            districts = latest.districts.len(),
            provinces = latest.provinces.len()
        ));
    }
    report
}

/// Checks an export folder: the site and the feed, each file by its path from the folder's root
/// (`/index.html`, `/feed/snapshot.json`); or, with `feed_only`, a feed downloaded alone, its files
/// under `/feed/`. Every file against the signed file list ([`file_list`]), then the feed
/// ([`verify`]).
pub fn verify_export(
    export: BTreeMap<String, Vec<u8>>,
    feed_only: bool,
    expectations: &Expectations,
) -> Report {
    let mut listed = Report::default();
    let mut feed = BTreeMap::new();
    let mut rest = BTreeMap::new();
    for (path, bytes) in export {
        match path.strip_prefix("/feed/") {
            Some(inside) => {
                feed.insert(inside.to_string(), bytes);
            }
            None => {
                rest.insert(path, bytes);
            }
        }
    }
    check_file_list(&feed, &rest, feed_only, expectations, &mut listed);
    let mut report = verify(&feed, expectations);
    report.passed.extend(listed.passed);
    report.discrepancies.extend(listed.discrepancies);
    report
}

/// Every file against the signed list. The key is the feed's, checked against the expected one
/// by [`verify`] (which names it); a list signed by another key is refused here.
fn check_file_list(
    feed: &BTreeMap<String, Vec<u8>>,
    rest: &BTreeMap<String, Vec<u8>>,
    feed_only: bool,
    expectations: &Expectations,
    report: &mut Report,
) {
    let Some(key) = text(feed, "central-publication.pub")
        .ok()
        .and_then(|t| t.trim().parse::<PublicKey>().ok())
    else {
        return;
    };
    if expectations
        .central
        .as_ref()
        .is_some_and(|expected| !same_fingerprint(expected, &key))
    {
        return;
    }
    let inside = |path: &str| path.trim_start_matches("/feed/").to_string();
    let Some(bytes) = feed.get(&inside(file_list::LIST)) else {
        report
            .discrepancies
            .push(finding!("verify-missing", file = file_list::LIST));
        return;
    };
    let Some(signature) = text(feed, &inside(file_list::SIGNATURE))
        .ok()
        .and_then(|t| t.trim().parse::<Signature>().ok())
    else {
        report.discrepancies.push(finding!(
            "verify-missing-or-unreadable",
            file = file_list::SIGNATURE
        ));
        return;
    };
    let list = match FileList::verify(bytes, &signature, &key) {
        Ok(list) => list,
        Err(error) => {
            report.discrepancies.push(finding!(
                "verify-snapshot-refused",
                file = file_list::LIST,
                reason = error.message()
            ));
            return;
        }
    };
    let snapshot = feed
        .get(&inside(file_list::SNAPSHOT))
        .map(|bytes| HashCode::of(bytes).to_hex());
    if snapshot.as_deref() != Some(list.snapshot.as_str()) {
        report.discrepancies.push(finding!(
            "verify-files-other-snapshot",
            file = file_list::LIST,
            version = list.version
        ));
    }
    let paths: Vec<String> = feed
        .keys()
        .map(|path| format!("/feed/{path}"))
        .chain(rest.keys().cloned())
        .collect();
    let files = paths.len().saturating_sub(2);
    let bytes = |path: &str| match path.strip_prefix("/feed/") {
        Some(inside) => feed.get(inside).map(Vec::as_slice),
        None => rest.get(path).map(Vec::as_slice),
    };
    let differences = file_list::differences(paths, bytes, &list, feed_only);
    if differences.is_empty() {
        report
            .passed
            .push(finding!("verify-files-intact", files = files));
    }
    for difference in differences {
        report.discrepancies.push(match difference {
            Difference::Removed(file) => finding!("verify-file-removed", file = file),
            Difference::Added(file) => finding!("verify-file-added", file = file),
            Difference::Changed(file) => finding!("verify-file-changed", file = file),
        });
    }
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
            .map_err(|_| finding!("verify-not-a-public-key", file = "central-publication.pub"))
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
                "verify-central-key-unexpected",
                file = "central-publication.pub",
                found = key.fingerprint().to_string(),
                expected = expected
            ));
            return None;
        }
        Some(_) => report.passed.push(finding!(
            "verify-central-key-expected",
            key = key.fingerprint().to_string()
        )),
        None => report.passed.push(finding!(
            "verify-central-key-compare",
            key = key.fingerprint().to_string()
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
                "verify-missing-or-unreadable",
                file = format!("snapshots/v{version}.sig")
            ));
            return None;
        };
        let snapshot = match snapshot::verify(bytes, &signature, &key) {
            Ok(snapshot) => snapshot,
            Err(error) => {
                report.discrepancies.push(finding!(
                    "verify-snapshot-refused",
                    file = &path,
                    reason = error.message()
                ));
                return None;
            }
        };
        if snapshot.version != version {
            report.discrepancies.push(finding!(
                "verify-wrong-version",
                file = &path,
                version = snapshot.version
            ));
        }
        let expected_previous = previous.as_ref().map(|(_, hash)| hash.clone());
        if snapshot.previous != expected_previous {
            report.discrepancies.push(finding!(
                "verify-broken-chain",
                file = &path,
                named = snapshot.previous.as_deref().unwrap_or("-"),
                previous = expected_previous.as_deref().unwrap_or("-")
            ));
        }
        previous = Some((version, HashCode::of(bytes).to_hex()));
        latest = Some((bytes.clone(), snapshot));
    }
    let Some((bytes, latest)) = latest else {
        report
            .discrepancies
            .push(finding!("verify-no-snapshot", file = "snapshots/v1.json"));
        return None;
    };
    if feed.get("snapshot.json") != Some(&bytes) {
        report.discrepancies.push(finding!(
            "verify-not-latest",
            file = "snapshot.json",
            latest = format!("snapshots/v{}.json", latest.version)
        ));
    }
    // The latest version's signature beside it: a feed without it is not signed.
    let latest_signature = format!("snapshots/v{}.sig", latest.version);
    match feed.get("snapshot.sig") {
        None => report
            .discrepancies
            .push(finding!("verify-missing", file = "snapshot.sig")),
        Some(signature) if feed.get(&latest_signature) != Some(signature) => {
            report.discrepancies.push(finding!(
                "verify-not-latest",
                file = "snapshot.sig",
                latest = &latest_signature
            ));
        }
        Some(_) => {}
    }
    report.passed.push(finding!(
        "verify-versions-chained",
        versions = latest.version
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
        vec![finding!(
            "verify-in-election",
            election = id,
            finding = what.0
        )]
    };
    let registration: Registration = feed
        .get(&format!("{root}/registration.json"))
        .and_then(|bytes| serde_json::from_slice(bytes).ok())
        .ok_or_else(|| {
            fail(finding!(
                "verify-missing-or-unreadable",
                file = format!("{root}/registration.json")
            ))
        })?;
    if &registration != published {
        return Err(fail(finding!(
            "verify-registration-differs",
            file = format!("{root}/registration.json")
        )));
    }
    let ceremony = |name: &str| format!("{root}/ceremony/{name}");
    let authority_path = ceremony(ceremony_files::AUTHORITY);
    let authority: PublicKey = text(feed, &authority_path)
        .and_then(|t| {
            t.trim()
                .parse()
                .map_err(|_| finding!("verify-not-a-public-key", file = &authority_path))
        })
        .map_err(&fail)?;
    if !expectations.authorities.is_empty()
        && !expectations
            .authorities
            .iter()
            .any(|expected| same_fingerprint(expected, &authority))
    {
        return Err(fail(finding!(
            "verify-authority-unexpected",
            key = authority.fingerprint().to_string()
        )));
    }
    let record_path = ceremony(ceremony_files::RECORD);
    let record_bytes = feed
        .get(&record_path)
        .ok_or_else(|| fail(finding!("verify-missing", file = &record_path)))?;
    let record_signature =
        text(feed, &ceremony(ceremony_files::RECORD_SIGNATURE)).map_err(&fail)?;
    let record = seal::ceremony::verify_record(record_bytes, record_signature.trim(), &authority)
        .map_err(|error| {
        fail(finding!(
            "verify-record-refused",
            file = &record_path,
            reason = error.message()
        ))
    })?;
    let record = record.record();
    if record.election.id != *id {
        return Err(fail(finding!(
            "verify-record-other-election",
            found = &record.election.id
        )));
    }
    let packages = record.packages();
    let stations = packages
        .iter()
        .filter(|p| p.office.is_polling_station())
        .count() as u32;
    if stations != registration.expected_polling_stations {
        return Err(fail(finding!(
            "verify-station-count-differs",
            registered = registration.expected_polling_stations,
            packages = stations
        )));
    }
    let entry = packages
        .iter()
        .find(|p| p.office == registration.office)
        .ok_or_else(|| {
            fail(finding!(
                "verify-record-no-office",
                office = &registration.office
            ))
        })?;
    let offices_path = ceremony(ceremony_files::OFFICES);
    let offices: Vec<serde_json::Value> = feed
        .get(&offices_path)
        .and_then(|bytes| serde_json::from_slice(bytes).ok())
        .ok_or_else(|| {
            fail(finding!(
                "verify-missing-or-unreadable",
                file = &offices_path
            ))
        })?;
    let office_key: PublicKey = offices
        .iter()
        .find(|o| o["code"] == registration.office.to_string().as_str())
        .and_then(|o| o["public_key"].as_str()?.parse().ok())
        .ok_or_else(|| {
            fail(finding!(
                "verify-offices-no-key",
                file = "offices.json",
                office = &registration.office
            ))
        })?;
    if office_key.fingerprint().to_hex() != entry.office_key {
        return Err(fail(finding!(
            "verify-office-key-differs",
            file = "offices.json",
            office = &registration.office
        )));
    }
    // The definition: the registration's hash must be the one the office's ceremony package
    // lists, and that package's manifest the one the signed record names.
    let manifest_path = ceremony(ceremony_files::MAIN_OFFICE_MANIFEST);
    let manifest_bytes = feed
        .get(&manifest_path)
        .ok_or_else(|| fail(finding!("verify-missing", file = &manifest_path)))?;
    if HashCode::of(manifest_bytes).to_hex() != entry.fingerprint {
        return Err(fail(finding!(
            "verify-manifest-not-recorded",
            file = &manifest_path
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
            "verify-definition-differs",
            registered = &registration.definition,
            package = listed
        )));
    }
    let mut passed = vec![finding!(
        "verify-election-keys",
        election = id,
        authority = authority.fingerprint().to_string(),
        office = &registration.office,
        key = office_key.fingerprint().to_string(),
        definition = &registration.definition
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
            .map(|problem| {
                finding!(
                    "verify-result-package-refused",
                    election = id,
                    reason = problem.message()
                )
            })
            .collect::<Vec<_>>()
    })?;
    if verified.manifest.office.code() != registration.office {
        return Err(fail(finding!(
            "verify-sent-by-other",
            sender = verified.manifest.office.code(),
            office = &registration.office
        )));
    }
    if verified.fingerprint.to_hex() != source.package {
        return Err(fail(finding!(
            "verify-other-package",
            named = &source.package,
            found = verified.fingerprint.to_hex()
        )));
    }
    passed.push(finding!(
        "verify-result-package-intact",
        election = id,
        package = verified.fingerprint.to_string(),
        office = &registration.office,
        files = verified.manifest.files.len()
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

/// A place in the snapshot, each step named in the reader's language
/// (`elections[…].outcome.lists[list 1 (…)]`, `…lists[lijst 1 (…)]`).
#[derive(Debug, Clone, Default)]
struct Path(Vec<Value>);

impl Path {
    fn key(&self, key: &str) -> Path {
        let mut parts = self.0.clone();
        parts.push(Value::Text(if parts.is_empty() {
            key.to_string()
        } else {
            format!(".{key}")
        }));
        Path(parts)
    }

    /// The element of an array: the election, list, area or candidate it is.
    fn element(&self, value: &serde_json::Value, index: usize) -> Path {
        let mut parts = self.0.clone();
        parts.push(Value::Text("[".into()));
        parts.push(label(value, index));
        parts.push(Value::Text("]".into()));
        Path(parts)
    }

    fn value(&self) -> Value {
        Value::Parts(self.0.clone())
    }
}

/// A readable name for an element of an array.
fn label(value: &serde_json::Value, index: usize) -> Value {
    if let Some(election) = value["registration"]["election"].as_str() {
        return election.into();
    }
    if let Some(area) = value["area"]["name"].as_str() {
        return area.into();
    }
    match (
        value["number"].as_u64(),
        value["position"].as_u64(),
        value["name"].as_str(),
    ) {
        (Some(number), _, Some(name)) => msg!("verify-list", number = number, name = name).into(),
        (_, Some(position), Some(name)) => {
            msg!("verify-candidate", position = position, name = name).into()
        }
        (_, _, Some(name)) => name.into(),
        _ => format!("#{}", index + 1).into(),
    }
}

/// Names every place where `published` and `computed` differ.
fn compare(
    path: &Path,
    published: &serde_json::Value,
    computed: &serde_json::Value,
    out: &mut Vec<Finding>,
) {
    use serde_json::Value as Json;
    match (published, computed) {
        (Json::Object(a), Json::Object(b)) => {
            for (key, value) in a {
                compare(
                    &path.key(key),
                    value,
                    b.get(key).unwrap_or(&Json::Null),
                    out,
                );
            }
            for key in b.keys().filter(|k| !a.contains_key(*k)) {
                out.push(finding!(
                    "verify-missing-from-published",
                    path = path.key(key).value()
                ));
            }
        }
        (Json::Array(a), Json::Array(b)) if a.len() == b.len() => {
            for (index, (x, y)) in a.iter().zip(b).enumerate() {
                compare(&path.element(y, index), x, y, out);
            }
        }
        (Json::Array(a), Json::Array(b)) => out.push(finding!(
            "verify-count-differs",
            path = path.value(),
            published = a.len(),
            computed = b.len()
        )),
        (a, b) if a != b => out.push(finding!(
            "verify-value-differs",
            path = path.value(),
            published = a.to_string(),
            computed = b.to_string()
        )),
        _ => {}
    }
}
