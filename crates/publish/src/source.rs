//! A municipality's (or Flemish main office's) result as it arrives in its signed package: the
//! election definition (`election.json`, the one the ceremony's package carried) and its count —
//! the EML 510b of a Dutch municipality, or the result file (`uitslag_<id>.json`) of a Flemish
//! main office, with the totals of each of its contests — and the decisions the allocation took
//! as given (`decisions.json`: deceased candidates, lots drawn). From these alone the totals, the
//! seats and the elected candidates are computed again by the one result engine
//! ([`determine`]): the centre and every verifier never take a seat number on trust.

use std::collections::BTreeMap;

use determine::{Counts, Decisions, Determination};
use messages::{Language, t};
use model::committee::CommitteeRecord;
use model::count::CountForm;
use model::totals::Totals;
use model::{ContestId, PollingStationNumber};

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
    /// A count of some of the election's polling stations: never published as the result.
    #[error("a partial result: {counted} of {expected} polling stations counted")]
    Partial {
        /// Stations counted.
        counted: usize,
        /// Stations the election has.
        expected: usize,
    },
    /// The count file cannot be read against the definition.
    #[error("{file}: {detail}")]
    Count {
        /// The file.
        file: String,
        /// What is wrong, as the reader said it.
        detail: String,
    },
    /// `decisions.json` does not read, is for another election, or names a candidate who is not
    /// on the lists.
    #[error("{file}: {0}", file = Decisions::FILE)]
    Decisions(String),
    /// The result engine refused the count (no rules, counts that do not fit the lists).
    #[error("{0}")]
    Determine(determine::DetermineError),
    /// A contest of the election has no count in the package.
    #[error("the package has no count for contest {0}")]
    Uncounted(String),
    /// The allocation needs a drawing of lots that the package does not record.
    #[error("the seat allocation needs a drawing of lots ({0}) that the package does not record")]
    LotPending(String),
    /// `committee.json` does not read, or does not fit the count it travels with (a session
    /// open, an investigation flag of the 510b that no investigation established, …).
    #[error("{file}: {0}", file = CommitteeRecord::FILE)]
    Committee(String),
    /// A lot recorded in `decisions.json` decided no tie of the package's count: the decisions
    /// and the count do not belong together.
    #[error("{file}: lot {0} decides no tie of this count", file = Decisions::FILE)]
    UnusedLot(String),
}

impl SourceError {
    /// The reason in `lang`, for the results site. What a reader of the count or the
    /// allocation said (`detail`) stays as that reader said it.
    pub fn message(&self, lang: Language) -> String {
        match self {
            SourceError::MissingElection => {
                t!(lang, "publish-missing-election", file = ELECTION_FILE)
            }
            SourceError::UnreadableElection(detail) => format!("{ELECTION_FILE}: {detail}"),
            SourceError::NoCount => t!(lang, "publish-no-count"),
            SourceError::Partial { counted, expected } => t!(
                lang,
                "publish-partial",
                counted = *counted,
                expected = *expected
            ),
            SourceError::Count { file, detail } => format!("{file}: {detail}"),
            SourceError::Decisions(detail) => format!("{}: {detail}", Decisions::FILE),
            SourceError::Determine(error) => error.message(lang),
            SourceError::Uncounted(contest) => {
                t!(lang, "publish-uncounted", contest = contest)
            }
            SourceError::LotPending(lot) => t!(lang, "publish-lot-pending", lot = lot),
            SourceError::Committee(detail) => t!(
                lang,
                "publish-committee",
                file = CommitteeRecord::FILE,
                detail = detail
            ),
            SourceError::UnusedLot(lot) => t!(
                lang,
                "publish-unused-lot",
                file = Decisions::FILE,
                lot = lot
            ),
        }
    }
}

/// The counts a package carries.
#[derive(Debug, Clone, PartialEq)]
pub enum PackageCounts {
    /// A Dutch municipality's 510b: per polling station.
    PerStation(Vec<(PollingStationNumber, CountForm)>),
    /// A Flemish main office's result file: the totals per contest.
    PerContest(Vec<(ContestId, Totals)>),
}

/// What a result package says, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The election definition.
    pub election: model::Election,
    /// The counts.
    pub counts: PackageCounts,
    /// The number of people entitled to vote, where the count states it (the 510b's `Cast`).
    pub eligible_voters: Option<u64>,
    /// The file the count was read from.
    pub count_file: String,
    /// The decisions the allocation takes as given (none when the package has no
    /// `decisions.json`, as packages made before it existed).
    pub decisions: Decisions,
    /// The municipal committee's sessions, investigations and corrections (`committee.json`),
    /// checked against the 510b's investigation flags; none from other software.
    pub committee: Option<CommitteeRecord>,
}

/// A source with its seats and elected candidates.
#[derive(Debug, Clone)]
pub struct Determined {
    /// What was read.
    pub source: Source,
    /// The result of every contest (Kieswet P 5–P 19a, or the Flemish rules), computed here.
    pub determination: Determination,
}

/// Reads a package's files.
pub fn read(files: &BTreeMap<String, Vec<u8>>) -> Result<Source, SourceError> {
    let definition = files
        .get(ELECTION_FILE)
        .ok_or(SourceError::MissingElection)?;
    let election: model::Election = serde_json::from_slice(definition)
        .map_err(|e| SourceError::UnreadableElection(e.to_string()))?;
    let decisions = match files.get(Decisions::FILE) {
        Some(bytes) => Decisions::from_file(bytes, &election)
            .map_err(|e| SourceError::Decisions(e.to_string()))?,
        None => Decisions::none(&election.id),
    };
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
        let eligible = eml::read_eligible_voters(eml::SourceFile::new(name, bytes))
            .map_err(|e| count_error(name, e.to_string()))?;
        let committee = match files.get(CommitteeRecord::FILE) {
            Some(record) => {
                let flags =
                    eml::read_investigation_flags(eml::SourceFile::new(name, bytes), &election)
                        .map_err(|e| count_error(name, e.to_string()))?;
                Some(
                    CommitteeRecord::from_file(record, &election.id, &flags)
                        .map_err(|e| SourceError::Committee(e.to_string()))?,
                )
            }
            None => None,
        };
        return Ok(Source {
            election,
            counts: PackageCounts::PerStation(
                counts
                    .into_iter()
                    .map(|(number, count)| (number, CountForm::Netherlands(count)))
                    .collect(),
            ),
            eligible_voters: Some(eligible),
            count_file: name.clone(),
            decisions,
            committee,
        });
    }

    // A Flemish main office: the totals per contest of its result file.
    let result_name = flanders::result_file::file_name(&election.id);
    if let Some(bytes) = files.get(&result_name) {
        let totals =
            flanders::result_file::read(&result_name, bytes, &election).map_err(|e| match e {
                flanders::result_file::ResultFileError::Unreadable { detail, .. }
                | flanders::result_file::ResultFileError::Contests { detail, .. } => {
                    count_error(&result_name, detail)
                }
                other => count_error(&result_name, other.to_string()),
            })?;
        return Ok(Source {
            election,
            counts: PackageCounts::PerContest(totals),
            eligible_voters: None,
            count_file: result_name,
            decisions,
            committee: None,
        });
    }
    Err(SourceError::NoCount)
}

/// Seats and elected candidates from a source's counts and decisions, by [`determine`]. Every
/// contest must be counted and allocated, and every recorded lot must decide a tie of the count.
pub fn determine(source: Source) -> Result<Determined, SourceError> {
    let counts = match &source.counts {
        PackageCounts::PerStation(stations) => Counts::per_station(stations),
        PackageCounts::PerContest(totals) => Counts::PerContest(totals.clone()),
    };
    let determination = determine::determine(&source.election, &counts, &source.decisions)
        .map_err(|e| match e {
            determine::DetermineError::Totals(_) => SourceError::Count {
                file: source.count_file.clone(),
                detail: e.to_string(),
            },
            determine::DetermineError::Decisions(decisions) => {
                SourceError::Decisions(decisions.to_string())
            }
            other => SourceError::Determine(other),
        })?;
    // Kieswet / Lokaal en Provinciaal Kiesdecreet: the result is that of every polling station.
    // A package from some of them (a canton's, the first sticks in) is shown as partial and
    // never published as the result, whatever its file says of itself.
    let missing = determination.missing();
    if !missing.is_empty() {
        let counted = determination.counted();
        return Err(SourceError::Partial {
            counted,
            expected: counted + missing.len(),
        });
    }
    for contest in &determination.contests {
        match &contest.outcome {
            determine::ContestOutcome::Uncounted => {
                return Err(SourceError::Uncounted(contest.contest.to_string()));
            }
            determine::ContestOutcome::LotRequired(required) => {
                return Err(SourceError::LotPending(
                    required.lots_required.description.clone(),
                ));
            }
            determine::ContestOutcome::Complete(_) => {}
        }
        if let Some(lot) = contest.unused_lots.first() {
            return Err(SourceError::UnusedLot(lot.clone()));
        }
    }
    Ok(Determined {
        source,
        determination,
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
        files.insert(Decisions::FILE.into(), text.as_bytes().to_vec());
        files
    }

    #[test]
    fn a_deceased_candidate_in_the_package_is_not_elected_at_the_centre() {
        let without = determine(read(&west_maas_en_waal()).unwrap()).unwrap();
        let without = without.determination.contests[0].apportionment().unwrap();
        let largest = without.lists.iter().max_by_key(|list| list.seats).unwrap();
        let first_elected = largest.elected[0];
        let decisions = Decisions {
            deceased: vec![determine::Deceased {
                contest: None,
                list: model::ListNumber::new(largest.number).unwrap(),
                position: model::CandidatePosition::new(first_elected).unwrap(),
            }],
            ..Decisions::none(&model::ElectionId::new("GR2022_WestMaasenWaal").unwrap())
        };
        let files = with_decisions(&String::from_utf8(decisions.to_file()).unwrap());
        let with = determine(read(&files).unwrap()).unwrap();
        let with = with.determination.contests[0].apportionment().unwrap();
        let list = with
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
        for (a, b) in with.lists.iter().zip(&without.lists) {
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

    /// Assen 2026 as its package carries it, with `record` as its `committee.json`.
    fn assen_with(record: &model::committee::CommitteeRecord) -> BTreeMap<String, Vec<u8>> {
        let sample = &crate::sample::MUNICIPALITIES[2];
        let election = eml::import_election(
            eml::SourceFile::new(sample.definition, &testkit::fixture(sample.definition)),
            eml::SourceFile::new(sample.candidates, &testkit::fixture(sample.candidates)),
            None,
        )
        .unwrap();
        BTreeMap::from([
            (
                ELECTION_FILE.to_string(),
                serde_json::to_vec(&election).unwrap(),
            ),
            (
                "Telling_GR2026_Assen.eml.xml".to_string(),
                testkit::fixture(sample.count),
            ),
            (CommitteeRecord::FILE.to_string(), record.to_file()),
        ])
    }

    /// The record the real committee of Assen could have sent: one session, the investigations
    /// its 510b flags.
    fn assen_record() -> CommitteeRecord {
        use model::committee::{Cause, Conclusion, Investigation, Session};
        let sample = &crate::sample::MUNICIPALITIES[2];
        let election = eml::import_election(
            eml::SourceFile::new(sample.definition, &testkit::fixture(sample.definition)),
            eml::SourceFile::new(sample.candidates, &testkit::fixture(sample.candidates)),
            None,
        )
        .unwrap();
        let count = testkit::fixture(sample.count);
        let flags =
            eml::read_investigation_flags(eml::SourceFile::new("510b", &count), &election).unwrap();
        CommitteeRecord {
            election: election.id.clone(),
            sessions: vec![Session {
                closed: true,
                ..Session::first()
            }],
            investigations: flags
                .iter()
                .filter(|(_, f)| f.any())
                .map(|(station, f)| Investigation {
                    station: *station,
                    session: 1,
                    cause: if f.other_reason {
                        Cause::OtherReason
                    } else {
                        Cause::UnexplainedDifference
                    },
                    reason: "verschil".into(),
                    requested_by_central: false,
                    conclusion: Some(Conclusion {
                        findings: "onderzocht".into(),
                        admitted_voters_reestablished: f.admitted_voters_reestablished,
                        ballots_recounted: f.ballots_partly_recounted,
                        corrected_count: false,
                    }),
                })
                .collect(),
            corrections: Vec::new(),
        }
    }

    #[test]
    fn the_committee_record_must_say_what_the_510b_says_station_by_station() {
        let record = assen_record();
        let read = read(&assen_with(&record)).unwrap();
        assert_eq!(
            read.committee.as_ref().map(|r| r.investigations.len()),
            Some(19)
        );
        let published = crate::snapshot::Committee::of(read.committee.as_ref().unwrap());
        assert_eq!(published.investigations.len(), 19);
        // One investigation left out: the 510b's flags of that station are no longer backed.
        let mut missing = record.clone();
        let dropped = missing.investigations.remove(0).station;
        let error = super::read(&assen_with(&missing)).unwrap_err();
        assert!(
            matches!(&error, SourceError::Committee(detail)
                if detail.starts_with(&format!("polling station {dropped}: the count says"))),
            "{error}"
        );
        assert!(error.to_string().starts_with("committee.json: "), "{error}");
        // A session still open, or a correction in a session the record does not have.
        let mut open = record.clone();
        open.sessions[0].closed = false;
        assert!(super::read(&assen_with(&open)).is_err());
        let mut stray = record;
        stray.corrections.push(model::committee::Correction {
            station: model::PollingStationNumber::new(3).unwrap(),
            session: 2,
            reason: "x".into(),
        });
        let error = super::read(&assen_with(&stray)).unwrap_err();
        assert!(
            error.to_string().contains("correction of session 2"),
            "{error}"
        );
    }

    /// docs/formats/package.md: a lot recorded for a tie the count does not have is refused
    /// (before, it was applied as a warning and the result published).
    #[test]
    fn a_lot_for_a_tie_the_count_does_not_have_is_refused() {
        let files = with_decisions(
            r#"{"election": "GR2022_WestMaasenWaal", "lots": [{"id": "P9-1", "order": [1, 2]}]}"#,
        );
        let error = determine(read(&files).unwrap()).unwrap_err();
        assert_eq!(error, SourceError::UnusedLot("P9-1".into()));
        assert!(error.to_string().starts_with("decisions.json: lot P9-1"));
        assert!(error.message(Language::Nl).contains("beslist geen staking"));
    }
}
