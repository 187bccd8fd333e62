//! The Flemish main office's result file (`uitslag_<id>.json`), which goes with its report (the
//! report's footer carries its hash code) and travels in its result package: per contest the
//! totals, the complete seat allocation with every step, and the deceased candidates.
//!
//! An election with one contest (a municipal or district council) is written as it always was —
//! `election`, `totals`, `result`, `deceased` — so earlier files still read; one with several (a
//! provincial council's electoral districts) has a `contests` array of the same four per district.
//! A reader takes only the totals: the centre and every verifier allocate the seats again
//! ([`determine`]) and never take them from the file.

use determine::Determination;
use model::totals::Totals;
use model::{ContestId, Election, ElectionId};
use serde::Deserialize;
use serde_json::json;

/// Why a result file does not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResultFileError {
    /// Not JSON of this shape.
    #[error("{file}: {detail}")]
    Unreadable {
        /// The file.
        file: String,
        /// What the reader said.
        detail: String,
    },
    /// For another election than the definition.
    #[error("{file}: is for election {found}, the definition for {expected}")]
    OtherElection {
        /// The file.
        file: String,
        /// The file's election.
        found: String,
        /// The definition's.
        expected: String,
    },
    /// A result file of one contest for an election with several, or a contest named twice.
    #[error("{file}: {detail}")]
    Contests {
        /// The file.
        file: String,
        /// What is wrong.
        detail: String,
    },
    /// The determination is not complete: a contest is uncounted or waits for a lot.
    #[error("the result is not complete: every contest must be counted and allocated")]
    Incomplete,
}

/// The file's name for `election`.
pub fn file_name(election: &ElectionId) -> String {
    format!("uitslag_{}.json", election.as_str())
}

/// The file's bytes (pretty JSON, a final newline) for a complete determination.
pub fn write(determination: &Determination) -> Result<Vec<u8>, ResultFileError> {
    let complete = determination
        .complete()
        .ok_or(ResultFileError::Incomplete)?;
    let deceased_in = |contest: &ContestId| -> Vec<(u32, u32)> {
        determination
            .decisions
            .deceased
            .iter()
            .filter(|d| d.contest.as_ref().is_none_or(|c| c == contest))
            .map(|d| (d.list.get(), d.position.get()))
            .collect()
    };
    let value = match complete.as_slice() {
        [(contest, totals, apportionment)] => json!({
            "election": determination.election,
            "totals": totals,
            "result": apportionment,
            "deceased": deceased_in(contest),
        }),
        all => json!({
            "election": determination.election,
            "contests": all.iter().map(|(contest, totals, apportionment)| json!({
                "contest": contest,
                "totals": totals,
                "result": apportionment,
                "deceased": deceased_in(contest),
            })).collect::<Vec<_>>(),
        }),
    };
    // A count of some of the election's polling stations (a canton's, or the first sticks in)
    // says so in the file itself, so that nobody down the line takes it for the result.
    let mut value = value;
    let missing = determination.missing();
    if !missing.is_empty()
        && let Some(object) = value.as_object_mut()
    {
        let counted = determination.counted();
        object.insert(
            "partial".into(),
            json!({
                "counted": counted,
                "expected": counted + missing.len(),
                "missing": missing,
            }),
        );
    }
    let mut bytes = serde_json::to_vec_pretty(&value).map_err(|e| ResultFileError::Unreadable {
        file: file_name(&determination.election),
        detail: e.to_string(),
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[derive(Deserialize)]
struct File {
    election: String,

    #[serde(default)]
    totals: Option<Totals>,
    #[serde(default)]
    contests: Option<Vec<ContestEntry>>,
}

#[derive(Deserialize)]
struct ContestEntry {
    contest: ContestId,
    totals: Totals,
}

/// The totals per contest of a result file named `file`, read against `election`.
pub fn read(
    file: &str,
    bytes: &[u8],
    election: &Election,
) -> Result<Vec<(ContestId, Totals)>, ResultFileError> {
    let unreadable = |detail: String| ResultFileError::Unreadable {
        file: file.to_string(),
        detail,
    };
    let contests_error = |detail: String| ResultFileError::Contests {
        file: file.to_string(),
        detail,
    };
    let read: File = serde_json::from_slice(bytes).map_err(|e| unreadable(e.to_string()))?;
    if read.election != election.id.as_str() {
        return Err(ResultFileError::OtherElection {
            file: file.to_string(),
            found: read.election,
            expected: election.id.to_string(),
        });
    }
    match (read.totals, read.contests) {
        (Some(totals), None) => match election.contests.as_slice() {
            [only] => Ok(vec![(only.id.clone(), totals)]),
            contests => Err(contests_error(format!(
                "has the totals of one contest, the election has {}",
                contests.len()
            ))),
        },
        (None, Some(contests)) => {
            let mut seen: Vec<&ContestId> = Vec::new();
            for entry in &contests {
                if seen.contains(&&entry.contest) {
                    return Err(contests_error(format!(
                        "contest {} occurs twice",
                        entry.contest
                    )));
                }
                seen.push(&entry.contest);
            }
            Ok(contests
                .into_iter()
                .map(|c| (c.contest, c.totals))
                .collect())
        }
        _ => Err(unreadable(
            "has neither the totals of one contest nor a list of contests".into(),
        )),
    }
}
