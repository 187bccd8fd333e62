//! The committee's later sessions on a real count (Assen 2026, the published 510b typed twice):
//! an investigation ordering a corrected count, the corrected count typed twice, the seats
//! determined again, the previous count kept in the history; and everything the rules refuse.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use model::committee::{Cause, Conclusion, CountingMethod, SessionDetails};
use model::count::{CountForm, NlCount, Submitted};
use model::entry::{Acknowledgements, Status, Typist};
use model::{ElectionId, PollingStationNumber};
use office::{Office, OfficeError, Operator, Refusal};
use store::{Actor, NewUser, Role, Store};
use testkit::{fixture, headings_in_order, pdf_pages, pdf_text};

/// The files of a municipality: its definition, candidates, polling stations (if published)
/// and count.
struct Files {
    definition: &'static str,
    candidates: &'static str,
    stations: Option<&'static str>,
    count: &'static str,
}

const ASSEN_FILES: Files = Files {
    definition: "eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml",
    candidates: "eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml",
    stations: Some("eml/composed/Stembureaus_GR2026_Assen.composed.eml.xml"),
    count: "eml/real/Telling_GR2026_Assen.eml.xml",
};

struct Committee {
    _dir: tempfile::TempDir,
    office: Office,
    typists: [Operator; 2],
    coordinator: Actor,
    election: ElectionId,
    published: std::collections::BTreeMap<PollingStationNumber, NlCount>,
}

fn fields(office: &Office, election: &ElectionId, count: &NlCount) -> Submitted {
    let loaded = office.election(election).unwrap();
    CountForm::Netherlands(count.clone()).submitted(&loaded.contests[0])
}

impl Committee {
    /// Assen with every published count typed twice, except `changed` typed as given.
    fn typed(changed: &[(u32, NlCount)]) -> Committee {
        Committee::typed_from(&ASSEN_FILES, changed, CountingMethod::Central)
    }

    /// The municipality of `files` (its 510b's polling stations where it has no 110b), counted
    /// by `counting`, with every published count typed twice except `changed`.
    fn typed_from(
        files: &Files,
        changed: &[(u32, NlCount)],
        counting: CountingMethod,
    ) -> Committee {
        let committee = Committee::imported(files, counting);
        for (number, count) in &committee.published {
            let count = changed
                .iter()
                .find(|(n, _)| *n == number.get())
                .map_or(count, |(_, c)| c);
            committee.type_twice(*number, count);
        }
        committee
    }

    /// The municipality of `files` with two typists and nothing typed yet.
    fn imported(files: &Files, counting: CountingMethod) -> Committee {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(Store::open_or_create(dir.path()).unwrap());
        let actor = Actor::new("test", "setup");
        let stations = files.stations.map(fixture);
        let mut election = eml::import_election(
            eml::SourceFile::new("110a", &fixture(files.definition)),
            eml::SourceFile::new("230b", &fixture(files.candidates)),
            stations.as_deref().map(|b| eml::SourceFile::new("110b", b)),
        )
        .unwrap();
        let count = fixture(files.count);
        if election.polling_stations.is_empty() {
            election.polling_stations =
                eml::read_count_polling_stations(eml::SourceFile::new("510b", &count), &election)
                    .unwrap();
        }
        let published =
            eml::read_polling_station_counts(eml::SourceFile::new("510b", &count), &election)
                .unwrap();
        let election_id = election.id.clone();
        store.import_election(&actor, election, Vec::new()).unwrap();
        let typists = ["anna", "bert"].map(|name| {
            let user = store
                .create_user(
                    &actor,
                    NewUser {
                        username: name.into(),
                        full_name: name.into(),
                        role: Role::Typist,
                        password_hash: "not used".into(),
                        must_change_password: false,
                    },
                )
                .unwrap();
            Operator {
                actor: Actor::new("web", name),
                typist: Typist {
                    id: user.id,
                    username: user.username,
                },
            }
        });
        let committee = Committee {
            _dir: dir,
            office: Office::new(store),
            typists,
            coordinator: Actor::new("web", "coordinator"),
            election: election_id,
            published,
        };
        committee
            .office
            .set_counting_method(&committee.coordinator, &committee.election, counting)
            .unwrap();
        committee
    }

    fn type_twice(&self, station: PollingStationNumber, count: &NlCount) {
        let fields = fields(&self.office, &self.election, count);
        for typist in &self.typists {
            let claimed = self.office.claim(typist, &self.election, station).unwrap();
            let (version, _) = self
                .office
                .save(
                    typist,
                    &self.election,
                    station,
                    claimed.stored.version,
                    &fields,
                )
                .unwrap();
            self.office
                .finalise(
                    typist,
                    &self.election,
                    station,
                    version,
                    None,
                    Acknowledgements {
                        warnings: true,
                        errors: false,
                    },
                )
                .unwrap();
        }
        assert_eq!(
            self.office
                .entry(&self.election, station)
                .unwrap()
                .stored
                .state
                .status(),
            Status::Definitive
        );
    }

    fn seats(&self) -> Vec<u32> {
        let view = self.office.result(&self.election).unwrap();
        view.summary.contests[0]
            .lists
            .iter()
            .map(|l| l.seats)
            .collect()
    }

    fn documents(&self) -> Vec<store::ResultFile> {
        self.office
            .result_documents(&self.coordinator, &self.election)
            .unwrap()
    }

    fn open_second_session(&self) {
        self.office
            .open_session(&self.coordinator, &self.election, details())
            .unwrap();
    }
}

fn station(n: u32) -> PollingStationNumber {
    PollingStationNumber::new(n).unwrap()
}

fn details() -> SessionDetails {
    SessionDetails {
        started: chrono::NaiveDate::from_ymd_opt(2026, 3, 25)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap(),
        location: "Raadzaal".into(),
        members: vec!["Voorzitter".into(), "Lid A".into(), "Lid B".into()],
    }
}

/// `count` with `k` votes of candidate 1 of list `from` counted for candidate 1 of list `to`.
fn moved(count: &NlCount, k: u32, from: usize, to: usize) -> NlCount {
    let mut wrong = count.clone();
    wrong.lists[from].candidates[0] -= k;
    wrong.lists[from].total -= k;
    wrong.votes.per_list[from] -= k;
    wrong.lists[to].candidates[0] += k;
    wrong.lists[to].total += k;
    wrong.votes.per_list[to] += k;
    wrong
}

fn recount() -> Conclusion {
    Conclusion {
        findings: "Een stapel van lijst 4 lag bij lijst 12".into(),
        admitted_voters_reestablished: false,
        ballots_recounted: true,
        corrected_count: true,
    }
}

/// Assen's published seats of 18 March 2026 (35; fixtures/results/nl/nl-gr2026-assen-published.json).
const PUBLISHED_SEATS: [u32; 13] = [7, 2, 4, 7, 3, 3, 2, 1, 1, 2, 0, 1, 2];

#[test]
fn a_recount_moves_a_seat_back_and_the_history_keeps_the_count_it_replaced() {
    // The first session: at polling station 1 a stack of 100 ballots of list 1 was counted with
    // list 8, which gives list 8 a seat of list 1.
    let published_1 = Committee::typed(&[]).published[&station(1)].clone();
    let wrong = moved(&published_1, 100, 0, 7);
    let committee = Committee::typed(&[(1, wrong.clone())]);
    let (office, election) = (&committee.office, &committee.election);
    let first_seats = committee.seats();
    assert_eq!(first_seats[0], 6);
    assert_eq!(first_seats[7], 2);
    let first_files = committee.documents();
    assert!(first_files.iter().any(|f| f.kind == "pdf-na-31-2"));
    let sessions = office.sessions(election).unwrap();
    assert_eq!((sessions.len(), sessions[0].closed), (1, true));

    // The central committee asks for an investigation (Kieswet P 2a) in a new session.
    committee.open_second_session();
    office
        .open_investigation(
            &committee.coordinator,
            election,
            station(1),
            Cause::OtherReason,
            "Verzoek van het centraal stembureau".into(),
            true,
        )
        .unwrap();
    office
        .conclude_investigation(&committee.coordinator, election, station(1), recount())
        .unwrap();
    // The count is open again until it is typed twice; the result waits for it.
    match office.result(election) {
        Err(OfficeError::Refused(Refusal::NotDefinitive(stations))) => assert_eq!(stations, [1]),
        other => panic!("expected the result to wait for station 1, got {other:?}"),
    }
    committee.type_twice(station(1), &published_1);
    assert_eq!(committee.seats(), PUBLISHED_SEATS);

    // The count it replaced stays in the history, with the session that replaced it.
    let history = office.count_history(election).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].polling_station, history[0].session),
        (station(1), 2)
    );
    match history[0].state.definitive() {
        Some(CountForm::Netherlands(old)) => assert_eq!(old, &wrong),
        other => panic!("the history lost the count: {other:?}"),
    }

    // The second session's files: a corrigendum, and a 510b whose flags say what was done.
    let files = committee.documents();
    for kind in [
        "pdf-na-14-2@2",
        "pdf-na-14-2-bijlage-1@2",
        "eml-510b@2",
        "pdf-p-22-2@2",
    ] {
        assert!(files.iter().any(|f| f.kind == kind), "{kind} missing");
        // Stored as `kind@session`, read back as the kind of session 2.
        let (read, session) = office::documents::DocumentKind::of_stored(kind).unwrap();
        assert_eq!(
            (read.as_str().into_owned(), session),
            (kind.replace("@2", ""), 2)
        );
    }
    // The corrigendum has the parts and headings of the Electoral Council's model Na 14-2
    // (2026), in its order, the signatures on the last page alone.
    let corrigendum = files.iter().find(|f| f.kind == "pdf-na-14-2@2").unwrap();
    let text = pdf_text(&corrigendum.bytes);
    let pages = pdf_pages(&text);
    let found = headings_in_order(
        &pages,
        &[
            "Details van het gemeentelijk stembureau",
            "Inhoudsopgave",
            "Deel 1 — Gecorrigeerde telresultaten",
            "1.1 Onderzoeken",
            "1.2 Correcties per stembureau",
            "1.3 Telresultaten van de gemeente na correctie",
            "1.4 Bezwaren tijdens de zitting",
            "Deel 2 — Ondertekening",
        ],
    );
    assert_eq!((found[1], found[2]), (1, 2), "{found:?}");
    assert_eq!(found[7], pages.len(), "the signatures are the last page");
    assert!(!pages[pages.len() - 2].contains("Voorzitter"));
    assert_eq!(
        office::documents::DocumentKind::of_stored("eml-510b"),
        Some((office::documents::DocumentKind::Eml510b, 1))
    );
    assert_eq!(
        office::documents::DocumentKind::of_stored("eml-510b@x"),
        None
    );
    let loaded = office.election(election).unwrap();
    let latest = office
        .document(election, &office::documents::DocumentKind::Eml510b)
        .unwrap()
        .unwrap();
    let flags =
        eml::read_investigation_flags(eml::SourceFile::new(&latest.name, &latest.bytes), &loaded)
            .unwrap();
    assert!(flags[&station(1)].other_reason && flags[&station(1)].ballots_partly_recounted);
    assert!(!flags[&station(1)].admitted_voters_reestablished);
    assert!(!flags[&station(2)].any());
    let counts = eml::read_polling_station_counts(
        eml::SourceFile::new(&latest.name, &latest.bytes),
        &loaded,
    )
    .unwrap();
    assert_eq!(counts[&station(1)], published_1);
    // The first session's files are kept as they were.
    let first = office.session_documents(election, 1).unwrap();
    let first_510b = first.iter().find(|f| f.kind == "eml-510b").unwrap();
    let old = eml::read_polling_station_counts(
        eml::SourceFile::new(&first_510b.name, &first_510b.bytes),
        &loaded,
    )
    .unwrap();
    assert_eq!(old[&station(1)], wrong);

    // Session 2 is closed with its documents: nothing more is recorded in it.
    match office.reset_entry(
        &committee.coordinator,
        election,
        station(2),
        "te laat".into(),
    ) {
        Err(OfficeError::Refused(Refusal::Committee(
            model::committee::CommitteeError::SessionClosed(2),
        ))) => {}
        other => panic!("a closed session took a reset: {other:?}"),
    }
}

#[test]
fn the_committee_rules_refuse_and_change_nothing() {
    let committee = Committee::typed(&[]);
    let (office, election, coordinator) = (
        &committee.office,
        &committee.election,
        &committee.coordinator,
    );
    use model::committee::CommitteeError as E;
    // One session at a time.
    assert_eq!(
        refused(office.open_session(coordinator, election, details())),
        E::SessionOpen(1)
    );
    // A reset needs a reason; with one, the definitive count goes into the history.
    assert_eq!(
        refused(office.reset_entry(coordinator, election, station(3), " ".into())),
        E::Empty("reason")
    );
    office
        .reset_entry(
            coordinator,
            election,
            station(3),
            "Verkeerd proces-verbaal ingevoerd".into(),
        )
        .unwrap();
    assert_eq!(office.count_history(election).unwrap().len(), 1);
    match office.reset_entry(coordinator, election, station(3), "nogmaals".into()) {
        Err(OfficeError::Transition(_)) => {}
        other => panic!("a count that is not definitive was reset: {other:?}"),
    }
    committee.type_twice(station(3), &committee.published[&station(3)]);
    // An investigation is opened once per session, and the session waits for its conclusion.
    let open = || {
        office.open_investigation(
            coordinator,
            election,
            station(5),
            Cause::UnexplainedDifference,
            "D en H verschillen".into(),
            false,
        )
    };
    open().unwrap();
    assert_eq!(refused(open()), E::InvestigatedAlready(5));
    assert_eq!(
        refused(office.result_documents(coordinator, election)),
        E::Unconcluded(vec![5])
    );
    assert_eq!(
        refused(office.conclude_investigation(
            coordinator,
            election,
            station(5),
            Conclusion {
                findings: String::new(),
                ..recount()
            }
        )),
        E::Empty("findings")
    );
    assert_eq!(
        refused(office.conclude_investigation(coordinator, election, station(6), recount())),
        E::NoInvestigation(6)
    );
    office
        .conclude_investigation(
            coordinator,
            election,
            station(5),
            Conclusion {
                findings: "Het verschil is verklaard: een kiezer nam het stembiljet mee".into(),
                admitted_voters_reestablished: true,
                ballots_recounted: false,
                corrected_count: false,
            },
        )
        .unwrap();
    // Nothing was corrected at station 5: it is still definitive.
    assert_eq!(
        office
            .entry(election, station(5))
            .unwrap()
            .stored
            .state
            .status(),
        Status::Definitive
    );
    let files = committee.documents();
    let eml_510b = files.iter().find(|f| f.kind == "eml-510b").unwrap();
    let loaded = office.election(election).unwrap();
    let flags = eml::read_investigation_flags(
        eml::SourceFile::new(&eml_510b.name, &eml_510b.bytes),
        &loaded,
    )
    .unwrap();
    assert!(flags[&station(5)].admitted_voters_reestablished);
    assert!(!flags[&station(5)].other_reason);
}

#[test]
fn a_closed_session_or_a_replaced_count_edited_in_the_file_is_named() {
    let published_2 = Committee::typed(&[]).published[&station(2)].clone();
    let committee = Committee::typed(&[(2, moved(&published_2, 1, 0, 1))]);
    let (office, election, coordinator) = (
        &committee.office,
        &committee.election,
        &committee.coordinator,
    );
    committee.documents();
    committee.open_second_session();
    office
        .reset_entry(
            coordinator,
            election,
            station(2),
            "Verkeerd ingevoerd".into(),
        )
        .unwrap();
    committee.type_twice(station(2), &published_2);
    committee.documents();
    assert_eq!(office.store().verify_audit_log().unwrap().broken, None);
    let database = committee._dir.path().join(store::DATABASE_FILE);
    // The database itself refuses: a closed session and the history never change.
    let connection = refusal_of(&database, "UPDATE committee_sessions SET details = 'null'");
    assert!(
        connection.contains("a closed session is never changed"),
        "{connection}"
    );
    let history = refusal_of(&database, "DELETE FROM count_history");
    assert!(history.contains("never changed"), "{history}");
    // Someone with the file removes the protection for a moment: the log names the row.
    testkit::tamper(
        &database,
        "count_history",
        "UPDATE count_history SET reason = 'niets aan de hand'",
    );
    let report = office.store().verify_audit_log().unwrap();
    let broken = report.broken.expect("the edit was not noticed");
    assert!(broken.to_string().contains("count_history"), "{broken}");
}

/// Runs `sql` on the file as it is (triggers in place) and returns SQLite's refusal.
fn refusal_of(database: &std::path::Path, sql: &str) -> String {
    testkit::try_sql(database, sql).expect_err("the database took the change")
}

/// The committee's refusal, or a panic when the operation was not refused by the committee's
/// rules.
fn refused<T: std::fmt::Debug>(result: Result<T, OfficeError>) -> model::committee::CommitteeError {
    match result {
        Err(OfficeError::Refused(Refusal::Committee(error))) => error,
        Err(other) => panic!("refused for another reason: {other}"),
        Ok(value) => panic!("not refused: {value:?}"),
    }
}

/// Decentralised counting end to end on West Maas en Waal 2022 (which counted decentrally): the
/// polling stations' reports (N 10-1) typed twice, the committee's report Na 31-1 with its
/// Bijlage 1, and a 510b that says what the published one says and validates.
#[test]
fn decentralised_counting_from_the_n_10_1_to_the_na_31_1_and_the_510b() {
    let files = Files {
        definition: "eml/composed/Verkiezingsdefinitie_GR2022_WestMaasenWaal.composed.eml.xml",
        candidates: "eml/real/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
        stations: None,
        count: "eml/real/Telling_GR2022_WestMaasenWaal.eml.xml",
    };
    let committee = Committee::typed_from(&files, &[], CountingMethod::Decentralised);
    let (office, election) = (&committee.office, &committee.election);
    // Chosen before data entry; fixed once it started.
    match office.set_counting_method(&committee.coordinator, election, CountingMethod::Central) {
        Err(OfficeError::Refused(Refusal::CountingFixed(stations))) => {
            assert!(!stations.is_empty())
        }
        other => panic!("the counting method changed after entry: {other:?}"),
    }
    let first = committee.published.keys().next().copied().unwrap();
    let (name, form) = office.empty_count_form(election, first).unwrap();
    assert_eq!(
        name,
        format!("Model_N10-1_GR2022_WestMaasenWaal_SB{first}.pdf")
    );
    let form = pdf_text(&form);
    assert!(form.contains("Model N 10-1"), "{form}");
    assert!(form.contains("decentrale stemopneming"), "{form}");
    let files = committee.documents();
    let kinds: Vec<&str> = files.iter().map(|f| f.kind.as_str()).collect();
    assert!(
        kinds.contains(&"pdf-na-31-1") && kinds.contains(&"pdf-na-31-1-bijlage-1"),
        "{kinds:?}"
    );
    assert!(!kinds.contains(&"pdf-na-31-2"), "{kinds:?}");
    let report = files.iter().find(|f| f.kind == "pdf-na-31-1").unwrap();
    assert_eq!(report.name, "Model_Na31-1_GR2022_WestMaasenWaal.pdf");
    let text = pdf_text(&report.bytes);
    assert!(text.contains("Model Na 31-1"), "{text}");
    assert!(text.contains("decentrale stemopneming"), "{text}");
    let eml_510b = files.iter().find(|f| f.kind == "eml-510b").unwrap();
    let loaded = office.election(election).unwrap();
    let ours = eml::read_polling_station_counts(
        eml::SourceFile::new(&eml_510b.name, &eml_510b.bytes),
        &loaded,
    )
    .unwrap();
    assert_eq!(ours, committee.published);
    assert_schema_valid(&eml_510b.bytes);
    // A later session's corrigendum is the Na 14-1.
    committee.open_second_session();
    office
        .reset_entry(
            &committee.coordinator,
            election,
            first,
            "Verkeerd proces-verbaal".into(),
        )
        .unwrap();
    committee.type_twice(first, &committee.published[&first]);
    let files = committee.documents();
    let corrigendum = files.iter().find(|f| f.kind == "pdf-na-14-1@2").unwrap();
    assert_eq!(
        corrigendum.name,
        "Model_Na14-1_GR2022_WestMaasenWaal_zitting2.pdf"
    );
    assert!(pdf_text(&corrigendum.bytes).contains("Model Na 14-1"));
    assert!(!files.iter().any(|f| f.kind.starts_with("pdf-na-14-2")));
}

/// The 510b validates against the Electoral Council's strict schema (xmllint, libxml2-utils).
fn assert_schema_valid(bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Telling.eml.xml");
    std::fs::write(&path, bytes).unwrap();
    let output = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(testkit::fixture_path(
            "eml/xsd/EML_NL-1.2.2/510-count-kiesraad-strict.xsd",
        ))
        .arg(&path)
        .output()
        .expect("xmllint (libxml2-utils) is installed by scripts/test");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// What a typist types is kept as typed, half a form included, for them alone and only while
/// they hold the entry: a refused finalise loses nothing, the next typist never sees it, and a
/// value slipped into it through the file is named by the log.
#[test]
fn typed_fields_are_kept_for_their_typist_until_the_entry_moves_on() {
    let committee = Committee::imported(&ASSEN_FILES, CountingMethod::Central);
    let (office, election) = (&committee.office, &committee.election);
    let [anna, bert] = &committee.typists;
    let number = station(1);
    let version = office.claim(anna, election, number).unwrap().stored.version;
    let half: Submitted = [("voters.a", "1.021"), ("voters.b", "12"), ("votes.f", "3x")]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    office
        .type_fields(anna, election, number, version, &half)
        .unwrap();
    let kept = office
        .typed_fields(anna, election, number)
        .unwrap()
        .unwrap();
    assert_eq!(
        kept, half,
        "typed text comes back as typed, not-yet-numbers included"
    );
    assert_eq!(office.typed_fields(bert, election, number).unwrap(), None);

    // Bert does not hold the entry: what he would type is refused.
    assert!(matches!(
        office.type_fields(bert, election, number, version, &half),
        Err(OfficeError::Transition(_))
    ));
    // A key that is not on this form, or a count longer than any count, is refused.
    let mut foreign = half.clone();
    foreign.insert("lists.99.total".into(), "1".into());
    assert!(matches!(
        office.type_fields(anna, election, number, version, &foreign),
        Err(OfficeError::Invalid(errors)) if errors.len() == 1
    ));

    // A finalise of the half form is refused; the typing stays.
    let refused = office.finalise(
        anna,
        election,
        number,
        version,
        Some(&half),
        Acknowledgements::default(),
    );
    assert!(matches!(refused, Err(OfficeError::Invalid(_))));
    assert_eq!(
        office
            .typed_fields(anna, election, number)
            .unwrap()
            .unwrap(),
        half
    );

    // The typing is part of what the log vouches for.
    assert_eq!(office.store().verify_audit_log().unwrap().broken, None);
    let database = committee._dir.path().join(store::DATABASE_FILE);
    testkit::tamper(
        &database,
        "typed_fields",
        "UPDATE typed_fields SET fields = replace(fields, '1.021', '1.921')",
    );
    let broken = office.store().verify_audit_log().unwrap().broken;
    assert!(
        broken.is_some_and(|b| b.to_string().contains("typed_fields")),
        "a value slipped into the typing was not noticed"
    );
}

/// Once the entry moves on, the typing goes with it: after a finalise nothing is left, and typing
/// sent late (a page closing after the finalise) is refused as stale.
#[test]
fn a_finalised_entry_leaves_no_typing_behind_and_late_typing_is_refused() {
    let committee = Committee::imported(&ASSEN_FILES, CountingMethod::Central);
    let (office, election) = (&committee.office, &committee.election);
    let anna = &committee.typists[0];
    let number = station(1);
    let count = fields(office, election, &committee.published[&number]);
    let version = office.claim(anna, election, number).unwrap().stored.version;
    office
        .type_fields(anna, election, number, version, &count)
        .unwrap();
    office
        .finalise(
            anna,
            election,
            number,
            version,
            Some(&count),
            Acknowledgements {
                warnings: true,
                errors: false,
            },
        )
        .unwrap();
    assert_eq!(office.typed_fields(anna, election, number).unwrap(), None);
    assert!(matches!(
        office.type_fields(anna, election, number, version, &count),
        Err(OfficeError::Stale { .. })
    ));
    assert_eq!(office.store().verify_audit_log().unwrap().broken, None);
}
