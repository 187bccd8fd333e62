//! The Flemish main office's count of its ballot-box sticks: every copy checked against the
//! ceremony's keys (`booth::main_office`), and — when nothing stops it — the stations' signed
//! results handed to the one result engine, so that the sticks, results entry, the centre and
//! every verifier determine the same seats from the same counts. The result's files are made from
//! that determination: the result file with every contest, and the main office's report per
//! contest.

use std::collections::BTreeMap;

use booth::main_office::{self, MainOffice, Reading, StickCopy};
use determine::{Counts, Decisions, Determination};
use model::ContestId;
use seal::signing::PublicKey;

use crate::{OfficeError, Refusal};

/// What the main office read, and the result when the sticks allow one.
#[derive(Debug)]
pub struct StickCount {
    /// The main office (its election, the stations it expects).
    pub office: MainOffice,
    /// The stations read, and whatever stops the count.
    pub reading: Reading,
    /// The result of every contest over the stations read; `None` while a problem stops it.
    pub determination: Option<Determination>,
}

/// A file of the result, by name, with its contents.
#[derive(Debug, Clone)]
pub struct NamedFile {
    /// The file name.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// The files of a determined stick count: the result file, and the report of each contest.
#[derive(Debug, Clone)]
pub struct ResultFiles {
    /// `uitslag_<id>.json`.
    pub result: NamedFile,
    /// The main office's report per contest.
    pub reports: Vec<(ContestId, NamedFile)>,
}

/// Reads `copies` for the main office of the verified ceremony `package`: only `stations` when
/// given (a canton's), accepting the stations of `accept_single` on one stick.
pub fn count(
    package: &BTreeMap<String, Vec<u8>>,
    authority: &PublicKey,
    copies: Vec<StickCopy>,
    stations: &[u32],
    accept_single: &[u32],
) -> Result<StickCount, OfficeError> {
    let mut office =
        MainOffice::from_package(package, authority).map_err(|detail| Refusal::Unreadable {
            file: "HSB".to_string(),
            detail: detail.to_string(),
        })?;
    if !stations.is_empty() {
        office.stations = stations.to_vec();
    }
    office.accept_single = accept_single.to_vec();
    let reading = main_office::read(&office, copies);
    let determination = if reading.problems.is_empty() {
        let counts = main_office::counts(&reading.stations);
        Some(determine::determine(
            &office.election,
            &Counts::per_station_in_contest(&counts),
            // The sticks' path takes no decisions yet (lots, deceased candidates): a tie stops
            // it with the lot named, and the result is then determined in results entry.
            &Decisions::none(&office.election.id),
        )?)
    } else {
        None
    };
    Ok(StickCount {
        office,
        reading,
        determination,
    })
}

/// The result file and the main office's report of every contest, for a complete determination
/// (none while a contest is uncounted or waits for a lot). `report_name` names the report of an
/// election with one contest; with several, each contest's report adds `_<contest>` to its stem.
pub fn result_files(
    count: &StickCount,
    report_name: &str,
) -> Result<Option<ResultFiles>, OfficeError> {
    let Some(determination) = &count.determination else {
        return Ok(None);
    };
    let Some(complete) = determination.complete() else {
        return Ok(None);
    };
    let election = &count.office.election;
    let name = flanders::result_file::file_name(&election.id);
    let bytes = flanders::result_file::write(determination)
        .map_err(|e| Refusal::Document(e.to_string()))?;
    let result = NamedFile { name, bytes };
    let several = complete.len() > 1;
    let mut reports = Vec::new();
    for (contest_id, totals, apportionment) in complete {
        let Some(contest) = election.contest(contest_id) else {
            continue;
        };
        let pdf = report::flanders_main_office(&report::DeterminedResult {
            election,
            contest,
            totals,
            apportionment,
            deceased: &[],
            created_at: chrono::Utc::now(),
            files: vec![report::SourceFile {
                name: &result.name,
                bytes: &result.bytes,
            }],
            // Read from sticks, not from a database: there is no log to pin down.
            audit: None,
        })
        .map_err(|e| Refusal::Document(e.to_string()))?;
        let name = if several {
            match report_name.rsplit_once('.') {
                Some((stem, extension)) => format!("{stem}_{contest_id}.{extension}"),
                None => format!("{report_name}_{contest_id}"),
            }
        } else {
            report_name.to_string()
        };
        reports.push((contest_id.clone(), NamedFile { name, bytes: pdf }));
    }
    Ok(Some(ResultFiles { result, reports }))
}
