//! The files of a determined result, made from the one determination the first time and stored,
//! then always served as stored, so that every download and export is byte-identical:
//!
//! - the Netherlands: the count's EML 510b and OSV4-3 table, the central committee's EML 510d and
//!   520, and the official reports Na 31-2, its Bijlage 1 and P 22-2, each PDF carrying the hash
//!   code of its EML file in its footer;
//! - Flanders: the result file (`uitslag_<id>.json`, every contest) and the main office's report
//!   per contest;
//! - both: `decisions.json`, the decisions the allocation took as given, which travel with the
//!   result so that the centre and every verifier compute the same seats.

use std::borrow::Cow;

use apportion::Apportionment;
use determine::Determination;
use model::committee::{CountingMethod, InvestigationFlags};
use model::count::{CountForm, NlCount};
use model::totals::Totals;
use model::{Contest, ContestId, Election, ElectionId, PollingStation};
use store::{Actor, ResultFile, StoredEntry};

use crate::{Missing, Office, OfficeError, Refusal};

/// A kind of result file, as the store and the download paths name it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// The count per polling station, EML 510b.
    Eml510b,
    /// The count as the OSV4-3 table (CSV).
    Osv43Csv,
    /// The central committee's totals, EML 510d.
    Eml510d,
    /// The elected candidates, EML 520.
    Eml520,
    /// Model Na 31-2, the municipality's report.
    Na312,
    /// Its Bijlage 1: the count of every polling station.
    Na312Bijlage1,
    /// Model P 22-2, the central committee's report.
    P222,
    /// Model Na 14-2, the corrigendum of a later session of the committee (central counting).
    Na142,
    /// Its Bijlage 1: the corrected count of every polling station it corrects.
    Na142Bijlage1,
    /// The notices to the elected candidates (Kieswet V 1), one page each.
    Notices,
    /// Model Na 31-1, the municipality's report under decentralised counting.
    Na311,
    /// Its Bijlage 1.
    Na311Bijlage1,
    /// Model Na 14-1, the corrigendum of a later session under decentralised counting.
    Na141,
    /// Its Bijlage 1.
    Na141Bijlage1,
    /// The Flemish result file.
    FlandersResult,
    /// The Flemish main office's report; of one contest in an election of several.
    FlandersMainOffice(Option<ContestId>),
    /// The decisions the allocation took as given.
    Decisions,
}

const MAIN_OFFICE: &str = "pdf-flanders-main-office";

impl DocumentKind {
    /// The kinds of one contest's election, in the order they are offered.
    pub const SINGLE: [DocumentKind; 17] = [
        DocumentKind::Eml510b,
        DocumentKind::Osv43Csv,
        DocumentKind::Eml510d,
        DocumentKind::Eml520,
        DocumentKind::Na312,
        DocumentKind::Na312Bijlage1,
        DocumentKind::P222,
        DocumentKind::Na142,
        DocumentKind::Na142Bijlage1,
        DocumentKind::Na311,
        DocumentKind::Na311Bijlage1,
        DocumentKind::Na141,
        DocumentKind::Na141Bijlage1,
        DocumentKind::Notices,
        DocumentKind::FlandersResult,
        DocumentKind::FlandersMainOffice(None),
        DocumentKind::Decisions,
    ];

    /// Every kind an election can have, in the order they are offered.
    pub fn all_for(election: &Election) -> Vec<DocumentKind> {
        let mut kinds: Vec<DocumentKind> = DocumentKind::SINGLE.to_vec();
        if election.contests.len() > 1 {
            kinds.retain(|k| *k != DocumentKind::FlandersMainOffice(None));
            for contest in &election.contests {
                kinds.push(DocumentKind::FlandersMainOffice(Some(contest.id.clone())));
            }
        }
        kinds
    }

    /// As stored (`eml-510b`).
    pub fn as_str(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            DocumentKind::Eml510b => "eml-510b",
            DocumentKind::Osv43Csv => "osv4-3-csv",
            DocumentKind::Eml510d => "eml-510d",
            DocumentKind::Eml520 => "eml-520",
            DocumentKind::Na312 => "pdf-na-31-2",
            DocumentKind::Na312Bijlage1 => "pdf-na-31-2-bijlage-1",
            DocumentKind::P222 => "pdf-p-22-2",
            DocumentKind::Na142 => "pdf-na-14-2",
            DocumentKind::Na142Bijlage1 => "pdf-na-14-2-bijlage-1",
            DocumentKind::Notices => "pdf-notices",
            DocumentKind::Na311 => "pdf-na-31-1",
            DocumentKind::Na311Bijlage1 => "pdf-na-31-1-bijlage-1",
            DocumentKind::Na141 => "pdf-na-14-1",
            DocumentKind::Na141Bijlage1 => "pdf-na-14-1-bijlage-1",
            DocumentKind::FlandersResult => "flanders-result-json",
            DocumentKind::FlandersMainOffice(None) => MAIN_OFFICE,
            DocumentKind::FlandersMainOffice(Some(contest)) => {
                return Cow::Owned(format!("{MAIN_OFFICE}-{contest}"));
            }
            DocumentKind::Decisions => "decisions-json",
        })
    }

    /// Reads [`DocumentKind::as_str`].
    pub fn parse(text: &str) -> Option<DocumentKind> {
        if let Some(kind) = DocumentKind::SINGLE
            .into_iter()
            .find(|k| k.as_str() == text)
        {
            return Some(kind);
        }
        let contest = text.strip_prefix(MAIN_OFFICE)?.strip_prefix('-')?;
        Some(DocumentKind::FlandersMainOffice(Some(
            ContestId::new(contest).ok()?,
        )))
    }

    /// The kind and session of a stored file's key ([`stored_kind`]): `eml-510b@2` is the 510b
    /// of session 2, `eml-510b` the first session's.
    pub fn of_stored(text: &str) -> Option<(DocumentKind, u32)> {
        match text.split_once('@') {
            Some((kind, session)) => Some((DocumentKind::parse(kind)?, session.parse().ok()?)),
            None => Some((DocumentKind::parse(text)?, 1)),
        }
    }

    /// A PDF document (not an exchange file).
    pub fn is_pdf(&self) -> bool {
        self.as_str().starts_with("pdf-")
    }

    /// Its content type.
    pub fn content_type(&self) -> &'static str {
        match self {
            DocumentKind::Eml510b | DocumentKind::Eml510d | DocumentKind::Eml520 => {
                "application/xml"
            }
            DocumentKind::Osv43Csv => "text/csv; charset=utf-8",
            DocumentKind::FlandersResult | DocumentKind::Decisions => "application/json",
            _ => "application/pdf",
        }
    }
}

/// The key a file of `kind` made in `session` is stored under: the kind itself for the first
/// session, `kind@N` for a later one (every session's files are kept; a later one's replace
/// the earlier ones where both have the kind).
pub(crate) fn stored_kind(kind: &DocumentKind, session: u32) -> String {
    if session <= 1 {
        kind.as_str().into_owned()
    } else {
        format!("{}@{session}", kind.as_str())
    }
}

/// Whether the election's reporting units are municipalities whose counts a central committee
/// took in ([`crate::municipalities`]), rather than polling stations.
pub fn is_central_committee(election: &Election) -> bool {
    !election.polling_stations.is_empty()
        && election
            .polling_stations
            .iter()
            .all(|s| s.kind == Some(model::PollingStationKind::Municipality))
}

/// The definitive Dutch counts with their polling stations, in the order of the entries.
fn definitive_nl_counts(
    election: &Election,
    entries: &[StoredEntry],
) -> Vec<(PollingStation, NlCount)> {
    entries
        .iter()
        .filter_map(|e| match e.state.definitive() {
            Some(CountForm::Netherlands(count)) => election
                .polling_stations
                .iter()
                .find(|s| s.number == e.polling_station)
                .map(|s| (s.clone(), count.clone())),
            _ => None,
        })
        .collect()
}

/// The deceased candidates of one contest, as the reports list them.
fn deceased_in(determination: &Determination, contest: &ContestId) -> Vec<(u32, u32)> {
    determination
        .decisions
        .deceased
        .iter()
        .filter(|d| d.contest.as_ref().is_none_or(|c| c == contest))
        .map(|d| (d.list.get(), d.position.get()))
        .collect()
}

fn document_error(error: impl std::fmt::Display) -> OfficeError {
    Refusal::Document(error.to_string()).into()
}

impl Office {
    /// The stored file of `kind`, or the one `make` makes, stored (once, even if two requests race).
    fn once(
        &self,
        actor: &Actor,
        (election, session): (&ElectionId, u32),
        kind: &DocumentKind,
        name: String,
        make: impl FnOnce() -> Result<Vec<u8>, OfficeError>,
    ) -> Result<ResultFile, OfficeError> {
        let kind = stored_kind(kind, session);
        match self.store.result_file(election, &kind)? {
            Some(file) => Ok(file),
            None => Ok(self
                .store
                .store_result_file(actor, election, &kind, name, make()?)?),
        }
    }

    /// A stored result file of `kind`, if made: the latest session's.
    pub fn document(
        &self,
        election: &ElectionId,
        kind: &DocumentKind,
    ) -> Result<Option<ResultFile>, OfficeError> {
        let election = self.election(election)?;
        let latest = self.current_session(&election)?.number;
        self.latest_document(&election, kind, latest)
    }

    /// The file of `kind` of session `up_to`, or of the latest session before it that made one.
    fn latest_document(
        &self,
        election: &Election,
        kind: &DocumentKind,
        up_to: u32,
    ) -> Result<Option<ResultFile>, OfficeError> {
        for session in (1..=up_to).rev() {
            if let Some(file) = self
                .store
                .result_file(&election.id, &stored_kind(kind, session))?
            {
                return Ok(Some(file));
            }
        }
        Ok(None)
    }

    /// The result files made so far, in the order they are offered: of each kind the latest
    /// session's (a later session's 510b replaces the first's; the first session's Na 31-2 stays
    /// beside the later corrigenda).
    pub fn documents(&self, election: &ElectionId) -> Result<Vec<ResultFile>, OfficeError> {
        let election = self.election(election)?;
        let latest = self.current_session(&election)?.number;
        let mut files = Vec::new();
        for kind in DocumentKind::all_for(&election) {
            if let Some(file) = self.latest_document(&election, &kind, latest)? {
                files.push(file);
            }
        }
        Ok(files)
    }

    /// The files one session made, in the order they are offered.
    pub fn session_documents(
        &self,
        election: &ElectionId,
        session: u32,
    ) -> Result<Vec<ResultFile>, OfficeError> {
        let election = self.election(election)?;
        let mut files = Vec::new();
        for kind in DocumentKind::all_for(&election) {
            if let Some(file) = self
                .store
                .result_file(&election.id, &stored_kind(&kind, session))?
            {
                files.push(file);
            }
        }
        Ok(files)
    }

    /// The count's files of a Dutch election — its EML 510b and OSV4-3 table — made from the
    /// definitive counts the first time in a session and stored. Refused while a polling station
    /// has no definitive count. The 510b carries, per polling station, what the committee's
    /// investigations up to this session established.
    pub fn count_files(
        &self,
        actor: &Actor,
        election: &ElectionId,
    ) -> Result<Vec<ResultFile>, OfficeError> {
        let election = self.election(election)?;
        if is_central_committee(&election) {
            return Ok(Vec::new());
        }
        let session = self.current_session(&election)?.number;
        self.session_count_files(actor, &election, session)
    }

    fn session_count_files(
        &self,
        actor: &Actor,
        election: &Election,
        session: u32,
    ) -> Result<Vec<ResultFile>, OfficeError> {
        let id = election.id.as_str();
        let eml_file = self.once(
            actor,
            (&election.id, session),
            &DocumentKind::Eml510b,
            format!("Telling_{id}.eml.xml"),
            || {
                let entries = self.store.entries(&election.id)?;
                let missing: Vec<u32> = entries
                    .iter()
                    .filter(|e| e.state.definitive().is_none())
                    .map(|e| e.polling_station.get())
                    .collect();
                if !missing.is_empty() {
                    return Err(Refusal::NotDefinitive(missing).into());
                }
                let investigations = self.store.investigations(&election.id)?;
                let counts = definitive_nl_counts(election, &entries);
                let stations: Vec<eml::StationCount<'_>> = counts
                    .iter()
                    .map(|(station, count)| eml::StationCount {
                        station,
                        count,
                        investigations: Some(InvestigationFlags::of(
                            &investigations,
                            station.number,
                            session,
                        )),
                    })
                    .collect();
                eml::write_count_510b(election, &stations, chrono::Utc::now())
                    .map_err(document_error)
            },
        )?;
        let csv_file = self.once(
            actor,
            (&election.id, session),
            &DocumentKind::Osv43Csv,
            format!("osv4-3_telling_{}.csv", id.to_lowercase()),
            || {
                eml::osv4_3_count_csv(
                    eml::SourceFile::new(&eml_file.name, &eml_file.bytes),
                    election,
                )
                .map(String::into_bytes)
                .map_err(document_error)
            },
        )?;
        Ok(vec![eml_file, csv_file])
    }

    /// Every file of a determined result (see the module), made the first time and stored.
    /// Refused while a polling station has no definitive count or a drawing of lots is pending.
    pub fn result_documents(
        &self,
        actor: &Actor,
        election: &ElectionId,
    ) -> Result<Vec<ResultFile>, OfficeError> {
        let (election, determination) = self.determination(election)?;
        let complete = determination.complete().ok_or(Refusal::LotFirst)?;
        // A Dutch committee's session closes before its documents are made (Kieswet N 11: the
        // report says what the session established, and nothing is added to it afterwards).
        let session = if election.jurisdiction == model::Jurisdiction::Netherlands {
            self.close_session(actor, &election)?
        } else {
            1
        };
        let now = chrono::Utc::now();
        // The log as it stands before the documents are stored: every document's footer carries
        // it, so the paper pins down the log (`urna audit verify --head`).
        let audit = self
            .store
            .audit_head()?
            .map(|(entry, hash)| report::AuditMark { entry, hash });
        let decisions = self.once(
            actor,
            (&election.id, session),
            &DocumentKind::Decisions,
            determine::Decisions::FILE.to_string(),
            || Ok(determination.decisions.to_file()),
        )?;
        if election.jurisdiction == model::Jurisdiction::Flanders {
            let result_file = self.once(
                actor,
                (&election.id, session),
                &DocumentKind::FlandersResult,
                flanders::result_file::file_name(&election.id),
                || flanders::result_file::write(&determination).map_err(document_error),
            )?;
            let mut files = vec![result_file.clone(), decisions];
            let several = complete.len() > 1;
            for (contest_id, totals, apportionment) in complete {
                let contest = election.contest(contest_id).ok_or_else(|| {
                    OfficeError::NotFound(Missing::Contest(contest_id.to_string()))
                })?;
                let (kind, name) = if several {
                    (
                        DocumentKind::FlandersMainOffice(Some(contest_id.clone())),
                        format!("PV_hoofdbureau_{}_{contest_id}.pdf", election.id),
                    )
                } else {
                    (
                        DocumentKind::FlandersMainOffice(None),
                        format!("PV_hoofdbureau_{}.pdf", election.id),
                    )
                };
                let deceased = deceased_in(&determination, contest_id);
                files.push(self.once(actor, (&election.id, session), &kind, name, || {
                    report::flanders_main_office(&report::DeterminedResult {
                        election: &election,
                        contest,
                        totals,
                        apportionment,
                        deceased: &deceased,
                        created_at: now,
                        files: vec![report::SourceFile {
                            name: &result_file.name,
                            bytes: &result_file.bytes,
                        }],
                        audit,
                    })
                    .map_err(document_error)
                })?);
            }
            return Ok(files);
        }
        let [(contest_id, totals, apportionment)] = complete.as_slice() else {
            return Err(determine::DetermineError::CombinedContests.into());
        };
        let contest = election
            .contest(contest_id)
            .ok_or_else(|| OfficeError::NotFound(Missing::Contest(contest_id.to_string())))?;
        // A central committee that took in municipalities' files makes the totals (510d), the
        // elected (520) and P 22-2; its municipalities' 510b files are theirs.
        let central_committee = is_central_committee(&election);
        let mut files = if central_committee {
            Vec::new()
        } else {
            self.session_count_files(actor, &election, session)?
        };
        let nl = NlDocuments {
            office: self,
            actor,
            session,
            counting: self.counting_of(&election)?,
            election: &election,
            contest,
            totals,
            apportionment,
            deceased: deceased_in(&determination, contest_id),
            now,
            audit,
        };
        let count_eml = files.first().cloned();
        files.push(decisions);
        files.extend(nl.make(count_eml.as_ref())?);
        if session > 1 {
            // The first session's report stays part of the record beside the corrigenda.
            for kind in [
                DocumentKind::Na312,
                DocumentKind::Na312Bijlage1,
                DocumentKind::Na311,
                DocumentKind::Na311Bijlage1,
            ] {
                if let Some(file) = self.latest_document(&election, &kind, session)? {
                    files.push(file);
                }
            }
        }
        Ok(files)
    }
}

/// What the Dutch central committee's files are made from.
struct NlDocuments<'a> {
    office: &'a Office,
    actor: &'a Actor,
    session: u32,
    counting: CountingMethod,
    election: &'a Election,
    contest: &'a Contest,
    totals: &'a Totals,
    apportionment: &'a Apportionment,
    deceased: Vec<(u32, u32)>,
    now: chrono::DateTime<chrono::Utc>,
    audit: Option<report::AuditMark>,
}

impl NlDocuments<'_> {
    /// The municipality's report of the session: Na 31-2 (Na 31-1 under decentralised counting)
    /// with its Bijlage 1 for the first session, the corrigendum for a later one.
    fn municipal_reports(
        &self,
        counts: &[(PollingStation, NlCount)],
        count_eml: &ResultFile,
    ) -> Result<Vec<ResultFile>, OfficeError> {
        if self.session > 1 {
            return self.corrigendum(counts, count_eml);
        }
        let (office, actor, election) = (self.office, self.actor, self.election);
        let key = (&election.id, self.session);
        let id = election.id.as_str();
        let first_session = office.sessions_of(election)?.into_iter().next();
        let municipal = report::MunicipalCount {
            election,
            contest: self.contest,
            stations: counts.iter().map(|(s, c)| (s, c)).collect(),
            totals: self.totals,
            created_at: self.now,
            eml: report::SourceFile {
                name: &count_eml.name,
                bytes: &count_eml.bytes,
            },
            audit: self.audit,
            session: first_session.as_ref().and_then(|s| s.details.as_ref()),
            counting: self.counting,
        };
        let (kinds, model) = match self.counting {
            CountingMethod::Central => {
                ([DocumentKind::Na312, DocumentKind::Na312Bijlage1], "Na31-2")
            }
            CountingMethod::Decentralised => {
                ([DocumentKind::Na311, DocumentKind::Na311Bijlage1], "Na31-1")
            }
        };
        let [main_kind, annex_kind] = kinds;
        // Side by side, the annex (every polling station's count, the longest to set) started
        // first.
        let (annex, main) = rayon::join(
            || {
                office.once(
                    actor,
                    key,
                    &annex_kind,
                    format!("Model_{model}_Bijlage1_{id}.pdf"),
                    || report::na_31_2_bijlage_1(&municipal).map_err(document_error),
                )
            },
            || {
                office.once(
                    actor,
                    key,
                    &main_kind,
                    format!("Model_{model}_{id}.pdf"),
                    || report::na_31_2(&municipal).map_err(document_error),
                )
            },
        );
        Ok(vec![main?, annex?])
    }

    /// The corrigendum of a later session, Na 14-2 and its Bijlage 1: the investigations
    /// concluded in the session and the counts it corrected, each beside the count it replaced.
    fn corrigendum(
        &self,
        counts: &[(PollingStation, NlCount)],
        count_eml: &ResultFile,
    ) -> Result<Vec<ResultFile>, OfficeError> {
        let (office, election) = (self.office, self.election);
        let key = (&election.id, self.session);
        let id = election.id.as_str();
        let session = office
            .sessions_of(election)?
            .into_iter()
            .find(|s| s.number == self.session)
            .ok_or_else(|| {
                OfficeError::NotFound(Missing::Stored(format!("session {}", self.session)))
            })?;
        let investigations = office.store.investigations(&election.id)?;
        let history = office.store.count_history(&election.id)?;
        // Per station, the count definitive when the session began: the first one it replaced.
        let mut previous: Vec<(PollingStation, NlCount, NlCount)> = Vec::new();
        for replaced in history.iter().filter(|h| h.session == self.session) {
            if previous
                .iter()
                .any(|(s, _, _)| s.number == replaced.polling_station)
            {
                continue;
            }
            let (Some(CountForm::Netherlands(before)), Some((station, now))) = (
                replaced.state.definitive(),
                counts
                    .iter()
                    .find(|(s, _)| s.number == replaced.polling_station),
            ) else {
                continue;
            };
            previous.push((station.clone(), before.clone(), now.clone()));
        }
        previous.sort_by_key(|(s, _, _)| s.number);
        let concluded: Vec<(&model::committee::Investigation, &PollingStation)> = investigations
            .iter()
            .filter(|i| i.session == self.session)
            .filter_map(|i| {
                election
                    .polling_stations
                    .iter()
                    .find(|s| s.number == i.station)
                    .map(|s| (i, s))
            })
            .collect();
        let corrigendum = report::Corrigendum {
            election,
            contest: self.contest,
            session: &session,
            investigations: concluded,
            corrections: previous
                .iter()
                .map(|(station, before, now)| report::Correction {
                    station,
                    previous: before,
                    corrected: now,
                })
                .collect(),
            totals: self.totals,
            created_at: self.now,
            eml: report::SourceFile {
                name: &count_eml.name,
                bytes: &count_eml.bytes,
            },
            audit: self.audit,
            counting: self.counting,
        };
        let n = self.session;
        let (main_kind, annex_kind, model) = match self.counting {
            CountingMethod::Central => (DocumentKind::Na142, DocumentKind::Na142Bijlage1, "Na14-2"),
            CountingMethod::Decentralised => {
                (DocumentKind::Na141, DocumentKind::Na141Bijlage1, "Na14-1")
            }
        };
        let main = office.once(
            self.actor,
            key,
            &main_kind,
            format!("Model_{model}_{id}_zitting{n}.pdf"),
            || report::na_14_2(&corrigendum).map_err(document_error),
        )?;
        let annex = office.once(
            self.actor,
            key,
            &annex_kind,
            format!("Model_{model}_Bijlage1_{id}_zitting{n}.pdf"),
            || report::na_14_2_bijlage_1(&corrigendum).map_err(document_error),
        )?;
        Ok(vec![main, annex])
    }

    /// EML 510d and 520, the reports of the session (Na 31-2 and its Bijlage 1 for the first,
    /// the corrigendum for a later one) and P 22-2.
    fn make(&self, count_eml: Option<&ResultFile>) -> Result<Vec<ResultFile>, OfficeError> {
        let (office, actor, election) = (self.office, self.actor, self.election);
        let key = (&election.id, self.session);
        let id = election.id.as_str();
        let counts = definitive_nl_counts(election, &office.store.entries(&election.id)?);
        let stations: Vec<eml::StationCount<'_>> = counts
            .iter()
            .map(|(station, count)| eml::StationCount {
                station,
                count,
                investigations: None,
            })
            .collect();
        let central = office.once(
            actor,
            key,
            &DocumentKind::Eml510d,
            format!("Totaaltelling_{id}.eml.xml"),
            || eml::write_count_510d(election, &stations, self.now).map_err(document_error),
        )?;
        let elected: Vec<eml::ElectedList> = self
            .apportionment
            .lists
            .iter()
            .map(|l| eml::ElectedList {
                number: l.number,
                elected: l
                    .elected
                    .iter()
                    .map(|p| (*p, l.preference_elected.contains(p)))
                    .collect(),
            })
            .collect();
        let result = office.once(
            actor,
            key,
            &DocumentKind::Eml520,
            format!("Resultaat_{id}.eml.xml"),
            || eml::write_result_520(election, &elected, self.now).map_err(document_error),
        )?;
        let determined = report::DeterminedResult {
            election,
            contest: self.contest,
            totals: self.totals,
            apportionment: self.apportionment,
            deceased: &self.deceased,
            created_at: self.now,
            files: vec![
                report::SourceFile {
                    name: &central.name,
                    bytes: &central.bytes,
                },
                report::SourceFile {
                    name: &result.name,
                    bytes: &result.bytes,
                },
            ],
            audit: self.audit,
        };
        // The documents are independent of each other once the EML files they name are made:
        // they are typeset side by side, on every core (each is stored as it is done, outside
        // any transaction, so typists' saves never wait for them). The municipality's own
        // reports (Na 31, or a later session's corrigendum) go with its 510b; a central committee
        // that took in municipalities' files has none of its own.
        let (reports, seat_documents) = rayon::join(
            || match count_eml {
                Some(count_eml) => self.municipal_reports(&counts, count_eml),
                None => Ok(Vec::new()),
            },
            || -> Result<Vec<ResultFile>, OfficeError> {
                let (p_22_2, notices) = rayon::join(
                    || {
                        office.once(
                            actor,
                            key,
                            &DocumentKind::P222,
                            format!("Model_P22-2_{id}.pdf"),
                            || report::p_22_2(&determined).map_err(document_error),
                        )
                    },
                    || {
                        office.once(
                            actor,
                            key,
                            &DocumentKind::Notices,
                            format!("Kennisgevingen_benoeming_{id}.pdf"),
                            || report::notices(&determined).map_err(document_error),
                        )
                    },
                );
                Ok(vec![p_22_2?, notices?])
            },
        );
        let mut files = vec![central, result];
        files.extend(reports?);
        files.extend(seat_documents?);
        Ok(files)
    }
}
