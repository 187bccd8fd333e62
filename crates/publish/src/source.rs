//! A municipality's (or Flemish main office's) result as it arrives in its signed package: the
//! election definition (`election.json`, the one the ceremony's package carried) and its count —
//! the EML 510b of a Dutch municipality, or the result file (`uitslag_<id>.json`) of a Flemish
//! main office — and the decisions the allocation took as given (`decisions.json`: deceased
//! candidates, lots drawn). From these alone the totals, the seats and the elected candidates are
//! computed again: the centre and every verifier never take a seat number on trust.

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
    /// `decisions.json` does not read, is for another election, or names a candidate who is not
    /// on the lists.
    #[error("{file}: {0}", file = apportion::Decisions::FILE)]
    Decisions(String),
    /// The allocation needs a drawing of lots that the package does not record.
    #[error("the seat allocation needs a drawing of lots ({0}) that the package does not record")]
    LotPending(String),
    /// The allocation refused its input.
    #[error("seat allocation: {0}")]
    Apportion(String),
}

impl SourceError {
    /// The reason in Dutch, for the Dutch results site. What a reader of the count or the
    /// allocation said (`detail`) stays as that reader said it.
    pub fn message_nl(&self) -> String {
        match self {
            SourceError::MissingElection => {
                format!("het pakket bevat geen verkiezingsdefinitie ({ELECTION_FILE})")
            }
            SourceError::UnreadableElection(detail) => format!("{ELECTION_FILE}: {detail}"),
            SourceError::NoCount => "het pakket bevat geen telling: geen EML 510b en geen \
                                     uitslagbestand uitslag_<id>.json"
                .into(),
            SourceError::Count { file, detail } => format!("{file}: {detail}"),
            SourceError::Contests(n) => format!(
                "een verkiezing met {n} kieskringen wordt nog niet gepubliceerd (één per verkiezing)"
            ),
            SourceError::NoRules => "Urna kent geen regels voor de zetelverdeling van deze \
                                     verkiezing"
                .into(),
            SourceError::Decisions(detail) => {
                format!("{}: {detail}", apportion::Decisions::FILE)
            }
            SourceError::LotPending(lot) => format!(
                "voor de zetelverdeling moet geloot worden ({lot}), en het pakket legt die loting \
                 niet vast"
            ),
            SourceError::Apportion(detail) => format!("zetelverdeling: {detail}"),
        }
    }
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
    /// The decisions the allocation takes as given (none when the package has no
    /// `decisions.json`, as packages made before it existed).
    pub decisions: apportion::Decisions,
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
    let decisions = read_decisions(files, &election)?;
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
            decisions,
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
            decisions,
        });
    }
    Err(SourceError::NoCount)
}

/// The package's `decisions.json`, checked against the definition; none when it has no such file.
fn read_decisions(
    files: &BTreeMap<String, Vec<u8>>,
    election: &model::Election,
) -> Result<apportion::Decisions, SourceError> {
    let Some(bytes) = files.get(apportion::Decisions::FILE) else {
        return Ok(apportion::Decisions {
            election: election.id.as_str().to_string(),
            ..apportion::Decisions::default()
        });
    };
    let decisions: apportion::Decisions =
        serde_json::from_slice(bytes).map_err(|e| SourceError::Decisions(e.to_string()))?;
    if decisions.election != election.id.as_str() {
        return Err(SourceError::Decisions(format!(
            "is for election {}, the definition for {}",
            decisions.election,
            election.id.as_str()
        )));
    }
    let lists = &election.contests[0].lists;
    for deceased in &decisions.deceased {
        let on_lists = lists.iter().any(|list| {
            list.number.get() == deceased.list
                && list
                    .candidates
                    .iter()
                    .any(|c| c.position.get() == deceased.position)
        });
        if !on_lists {
            return Err(SourceError::Decisions(format!(
                "deceased candidate {} of list {} is not on the lists",
                deceased.position, deceased.list
            )));
        }
    }
    Ok(decisions)
}

/// Seats and elected candidates from a source's totals and decisions.
pub fn determine(source: Source) -> Result<Determined, SourceError> {
    let contest = &source.election.contests[0];
    let mut input = apportion::Input::from_totals(&source.election, contest, &source.totals)
        .ok_or(SourceError::NoRules)?;
    source.decisions.apply_to(&mut input);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// West Maas en Waal 2022 as its package would carry it: the definition and the real 510b.
    fn west_maas_en_waal() -> BTreeMap<String, Vec<u8>> {
        let sample = &crate::sample::MUNICIPALITIES[1];
        let definition = testkit::fixture(sample.definition);
        let candidates = testkit::fixture(sample.candidates);
        let election = eml::import_election(
            eml::SourceFile::new(sample.definition, &definition),
            eml::SourceFile::new(sample.candidates, &candidates),
            None,
        )
        .unwrap();
        BTreeMap::from([
            (
                ELECTION_FILE.to_string(),
                serde_json::to_vec(&election).unwrap(),
            ),
            (
                "Telling_GR2022_WestMaasenWaal.eml.xml".to_string(),
                testkit::fixture(sample.count),
            ),
        ])
    }

    fn with_decisions(text: &str) -> BTreeMap<String, Vec<u8>> {
        let mut files = west_maas_en_waal();
        files.insert(apportion::Decisions::FILE.into(), text.as_bytes().to_vec());
        files
    }

    #[test]
    fn a_deceased_candidate_in_the_package_is_not_elected_at_the_centre() {
        let without = determine(read(&west_maas_en_waal()).unwrap()).unwrap();
        let largest = without
            .apportionment
            .lists
            .iter()
            .max_by_key(|list| list.seats)
            .unwrap();
        let first_elected = largest.elected[0];
        let decisions = apportion::Decisions {
            election: "GR2022_WestMaasenWaal".into(),
            deceased: vec![apportion::CandidateRef {
                list: largest.number,
                position: first_elected,
            }],
            lots: Vec::new(),
        };
        let files = with_decisions(&String::from_utf8(decisions.to_file()).unwrap());
        let with = determine(read(&files).unwrap()).unwrap();
        let list = with
            .apportionment
            .lists
            .iter()
            .find(|list| list.number == largest.number)
            .unwrap();
        // The list keeps its seats (P 19a: the votes stay with the list); another candidate
        // takes the deceased's.
        assert_eq!(list.seats, largest.seats);
        assert!(!list.elected.contains(&first_elected), "{:?}", list.elected);
        assert_eq!(list.elected.len(), largest.elected.len());
        // Every other list as without.
        for (a, b) in with
            .apportionment
            .lists
            .iter()
            .zip(&without.apportionment.lists)
        {
            if a.number != largest.number {
                assert_eq!((a.seats, &a.elected), (b.seats, &b.elected));
            }
        }
    }

    #[test]
    fn decisions_that_do_not_fit_the_package_are_refused_with_the_file_named() {
        for (text, expected) in [
            (
                r#"{"election": "GR2022_Groningen", "deceased": [], "lots": []}"#,
                "is for election GR2022_Groningen, the definition for GR2022_WestMaasenWaal",
            ),
            (
                r#"{"election": "GR2022_WestMaasenWaal", "deceased": [{"list": 1, "position": 99}]}"#,
                "deceased candidate 99 of list 1 is not on the lists",
            ),
            (
                r#"{"election": "GR2022_WestMaasenWaal", "seats": 3}"#,
                "unknown field",
            ),
            ("not json", "expected"),
        ] {
            let error = read(&with_decisions(text)).unwrap_err();
            let message = error.to_string();
            assert!(
                message.starts_with("decisions.json: ") && message.contains(expected),
                "{text}: {message}"
            );
        }
    }
}
