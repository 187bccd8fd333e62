//! A municipality's (or Flemish main office's) result as it arrives in its signed package: the
//! election definition (`election.json`, the one the ceremony's package carried) and its count —
//! the EML 510b of a Dutch municipality, or the result file (`uitslag_<id>.json`) of a Flemish
//! main office. From these alone the totals, the seats and the elected candidates are computed
//! again: the centre and every verifier never take a seat number on trust.

use std::collections::BTreeMap;

use apportion::Apportionment;
use model::count::CountForm;
use model::totals::Totals;

/// The definition's file in a result package (as in the ceremony's packages).
pub const ELECTION_FILE: &str = "election.json";

/// Why a package's files do not make a result.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    /// No `election.json`.
    #[error("the package has no election definition ({ELECTION_FILE})")]
    MissingElection,
    /// `election.json` is not an election.
    #[error("{ELECTION_FILE}: {0}")]
    UnreadableElection(String),
    /// Neither a 510b nor a Flemish result file.
    #[error("the package holds no count: neither an EML 510b nor a result file uitslag_<id>.json")]
    NoCount,
    /// The count file cannot be read against the definition.
    #[error("{file}: {detail}")]
    Count {
        /// The file.
        file: String,
        /// What is wrong, as the reader said it.
        detail: String,
    },
    /// An election with several contests (a Flemish provincial council's districts).
    #[error("an election with {0} contests is not published yet (one contest per election)")]
    Contests(usize),
    /// No seat-allocation rules for the body and law.
    #[error("Urna has no seat-allocation rules for this election")]
    NoRules,
    /// The allocation needs a drawing of lots that the package does not record.
    #[error("the seat allocation needs a drawing of lots ({0}) that the package does not record")]
    LotPending(String),
    /// The allocation refused its input.
    #[error("seat allocation: {0}")]
    Apportion(String),
}

/// What a result package says, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The election definition.
    pub election: model::Election,
    /// The totals of the counted polling stations.
    pub totals: Totals,
    /// The number of people entitled to vote, where the count states it (the 510b's `Cast`).
    pub eligible_voters: Option<u64>,
    /// The file the count was read from.
    pub count_file: String,
}

/// A source with its seats and elected candidates.
#[derive(Debug, Clone)]
pub struct Determined {
    /// What was read.
    pub source: Source,
    /// The allocation (Kieswet P 5–P 19a, or the Flemish rules), computed here.
    pub apportionment: Apportionment,
}

/// Reads a package's files.
pub fn read(files: &BTreeMap<String, Vec<u8>>) -> Result<Source, SourceError> {
    let definition = files
        .get(ELECTION_FILE)
        .ok_or(SourceError::MissingElection)?;
    let election: model::Election = serde_json::from_slice(definition)
        .map_err(|e| SourceError::UnreadableElection(e.to_string()))?;
    if election.contests.len() != 1 {
        return Err(SourceError::Contests(election.contests.len()));
    }
    let contest = &election.contests[0];
    let count_error = |file: &str, detail: String| SourceError::Count {
        file: file.to_string(),
        detail,
    };

    // A Dutch municipality: the 510b, per polling station.
    for (name, bytes) in files.iter().filter(|(name, _)| name.ends_with(".eml.xml")) {
        let file = eml::SourceFile::new(name, bytes);
        if eml::declared_document_id(&file).ok().as_deref()
            != Some(eml::DocumentType::Count.eml_id())
        {
            continue;
        }
        let counts = eml::read_polling_station_counts(file, &election)
            .map_err(|e| count_error(name, e.to_string()))?;
        let forms: Vec<_> = counts
            .into_iter()
            .map(|(number, count)| (number, CountForm::Netherlands(count)))
            .collect();
        let totals = Totals::add_up(contest, forms.iter().map(|(n, c)| (*n, c)))
            .map_err(|e| count_error(name, e.to_string()))?;
        let eligible = eml::read_eligible_voters(eml::SourceFile::new(name, bytes))
            .map_err(|e| count_error(name, e.to_string()))?;
        return Ok(Source {
            election,
            totals,
            eligible_voters: Some(eligible),
            count_file: name.clone(),
        });
    }

    // A Flemish main office: the totals of its result file.
    let result_name = format!("uitslag_{}.json", election.id.as_str());
    if let Some(bytes) = files.get(&result_name) {
        #[derive(serde::Deserialize)]
        struct ResultFile {
            election: String,
            totals: Totals,
        }
        let file: ResultFile =
            serde_json::from_slice(bytes).map_err(|e| count_error(&result_name, e.to_string()))?;
        if file.election != election.id.as_str() {
            return Err(count_error(
                &result_name,
                format!(
                    "is for election {}, the definition for {}",
                    file.election,
                    election.id.as_str()
                ),
            ));
        }
        if file.totals.lists.len() != contest.lists.len() {
            return Err(count_error(
                &result_name,
                format!(
                    "has {} lists, the definition {}",
                    file.totals.lists.len(),
                    contest.lists.len()
                ),
            ));
        }
        return Ok(Source {
            election,
            totals: file.totals,
            eligible_voters: None,
            count_file: result_name,
        });
    }
    Err(SourceError::NoCount)
}

/// Seats and elected candidates from a source's totals.
pub fn determine(source: Source) -> Result<Determined, SourceError> {
    let contest = &source.election.contests[0];
    let input = apportion::Input::from_totals(&source.election, contest, &source.totals)
        .ok_or(SourceError::NoRules)?;
    let outcome =
        apportion::apportion(&input).map_err(|e| SourceError::Apportion(e.to_string()))?;
    if let Some(lot) = outcome.lot_required() {
        return Err(SourceError::LotPending(lot.description.clone()));
    }
    let apportionment = outcome
        .complete()
        .cloned()
        .ok_or_else(|| SourceError::Apportion("incomplete".into()))?;
    Ok(Determined {
        source,
        apportionment,
    })
}
