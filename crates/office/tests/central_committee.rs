//! The central committee's path on real data: a municipality's 510b taken in as the first entry
//! of that municipality, the totals of its paper report typed as the second entry, a deliberate
//! difference caught and resolved, and the seats computed from the municipalities' counts equal
//! to those computed from every polling station (Groningen 2022) and to the published outcome
//! (West Maas en Waal 2022).

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use model::count::{CountForm, NlCount};
use model::entry::{Acknowledgements, DifferenceResolution, Status, Typist, Which};
use model::{ElectionId, PollingStationNumber};
use office::entry::Resolution;
use office::{Office, OfficeError, Operator, Refusal};
use store::{Actor, NewUser, Role, Store};
use testkit::{fixture, pdf_text};

struct Centre {
    _dir: tempfile::TempDir,
    office: Office,
    typist: Operator,
    coordinator: Actor,
    election: ElectionId,
}

fn centre(definition: &str, candidates: &str) -> Centre {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open_or_create(dir.path()).unwrap());
    let actor = Actor::new("test", "setup");
    let election = eml::import_election(
        eml::SourceFile::new("110a", &fixture(definition)),
        eml::SourceFile::new("230b", &fixture(candidates)),
        None,
    )
    .unwrap();
    let id = election.id.clone();
    store.import_election(&actor, election, Vec::new()).unwrap();
    let user = store
        .create_user(
            &actor,
            NewUser {
                username: "anna".into(),
                full_name: "Anna".into(),
                role: Role::Typist,
                password_hash: "not used".into(),
                must_change_password: false,
            },
        )
        .unwrap();
    Centre {
        _dir: dir,
        office: Office::new(store),
        typist: Operator {
            actor: Actor::new("web", "anna"),
            typist: Typist {
                id: user.id,
                username: user.username,
            },
        },
        coordinator: Actor::new("web", "coordinator"),
        election: id,
    }
}

impl Centre {
    fn type_second(&self, unit: PollingStationNumber, count: &NlCount) -> Status {
        let loaded = self.office.election(&self.election).unwrap();
        let fields = CountForm::Netherlands(count.clone()).submitted(&loaded.contests[0]);
        let claimed = self
            .office
            .claim(&self.typist, &self.election, unit)
            .unwrap();
        let (version, _) = self
            .office
            .save(
                &self.typist,
                &self.election,
                unit,
                claimed.stored.version,
                &fields,
            )
            .unwrap();
        self.office
            .finalise(
                &self.typist,
                &self.election,
                unit,
                version,
                None,
                Acknowledgements {
                    warnings: true,
                    errors: true,
                },
            )
            .unwrap()
            .0
    }

    fn seats(&self) -> Vec<(u32, u32, Vec<String>)> {
        let view = self.office.result(&self.election).unwrap();
        view.summary.contests[0]
            .lists
            .iter()
            .map(|l| {
                (
                    l.number,
                    l.seats,
                    l.elected.iter().map(|e| e.name.clone()).collect(),
                )
            })
            .collect()
    }
}

const GRONINGEN_110A: &str = "eml/composed/Verkiezingsdefinitie_GR2022_Groningen.composed.eml.xml";
const GRONINGEN_230B: &str = "eml/real/Kandidatenlijsten_GR2022_Groningen.eml.xml";
const GRONINGEN_510B: &str = "eml/real/Telling_GR2022_Groningen.eml.xml";

#[test]
fn groningen_s_file_is_the_first_entry_and_its_paper_report_the_second() {
    let centre = centre(GRONINGEN_110A, GRONINGEN_230B);
    let (office, election) = (&centre.office, &centre.election);
    let file = fixture(GRONINGEN_510B);
    // A file of another election is refused, naming it; nothing is added.
    let foreign = office.import_municipality(
        &centre.coordinator,
        election,
        "Telling_GR2022_WestMaasenWaal.eml.xml",
        &fixture("eml/real/Telling_GR2022_WestMaasenWaal.eml.xml"),
    );
    match foreign {
        Err(OfficeError::Refused(Refusal::Reader(detail))) => {
            assert!(
                detail.contains("Telling_GR2022_WestMaasenWaal.eml.xml"),
                "{detail}"
            )
        }
        other => panic!("a foreign file was taken in: {other:?}"),
    }
    assert!(
        office
            .election(election)
            .unwrap()
            .polling_stations
            .is_empty()
    );
    let intake = office
        .import_municipality(
            &centre.coordinator,
            election,
            "Telling_GR2022_Groningen.eml.xml",
            &file,
        )
        .unwrap();
    assert_eq!(
        (intake.code.as_str(), intake.name.as_str()),
        ("0014", "Groningen")
    );
    let unit = intake.unit;
    assert_eq!(unit.get(), 14);
    // Once: a second intake of the same municipality is refused.
    match office.import_municipality(&centre.coordinator, election, "again.eml.xml", &file) {
        Err(OfficeError::Refused(Refusal::ImportStarted(units))) => assert_eq!(units, [14]),
        other => panic!("the municipality was taken in twice: {other:?}"),
    }
    // The paper report, typed with one slip: a vote of candidate 1 of list 1 typed at
    // candidate 2. Caught, and the file is never sent back to be typed.
    let loaded = office.election(election).unwrap();
    let (_, total) = eml::read_count_total(eml::SourceFile::new("510b", &file), &loaded).unwrap();
    let mut slip = total.clone();
    slip.lists[0].candidates[0] -= 1;
    slip.lists[0].candidates[1] += 1;
    assert_eq!(centre.type_second(unit, &slip), Status::EntriesDifferent);
    let view = office.entry(election, unit).unwrap();
    assert_eq!(view.differences.len(), 2, "{:?}", view.differences);
    let resolve = |resolution| {
        office.resolve(
            &Operator {
                actor: centre.coordinator.clone(),
                typist: centre.typist.typist.clone(),
            },
            election,
            unit,
            office.entry(election, unit).unwrap().stored.version,
            Resolution::Differences { resolution },
        )
    };
    match resolve(DifferenceResolution::SendBack(Which::First)) {
        Err(OfficeError::Transition(model::entry::TransitionError::ImportedEntry(file))) => {
            assert_eq!(file, "510b:Telling_GR2022_Groningen.eml.xml")
        }
        other => panic!("the file was sent back to be typed: {other:?}"),
    }
    resolve(DifferenceResolution::SendBack(Which::Second)).unwrap();
    let view = office.entry(election, unit).unwrap();
    let fields = CountForm::Netherlands(total.clone()).submitted(&loaded.contests[0]);
    let (version, _) = office
        .save(&centre.typist, election, unit, view.stored.version, &fields)
        .unwrap();
    let (status, _) = office
        .finalise(
            &centre.typist,
            election,
            unit,
            version,
            None,
            Acknowledgements {
                warnings: true,
                errors: true,
            },
        )
        .unwrap();
    assert_eq!(status, Status::Definitive);

    // The seats from the municipality's count equal those from every polling station's count.
    let by_municipality = centre.seats();
    let by_station = {
        let other = centre_with_stations();
        other.seats()
    };
    assert_eq!(by_municipality, by_station);
    assert_eq!(by_municipality.iter().map(|l| l.1).sum::<u32>(), 45);

    // The central committee's files: 510d, 520, P 22-2 and the decisions; no 510b or Na 31-2
    // of its own (the municipality's are the municipality's).
    let files = office
        .result_documents(&centre.coordinator, election)
        .unwrap();
    let kinds: Vec<&str> = files.iter().map(|f| f.kind.as_str()).collect();
    for kind in ["eml-510d", "eml-520", "pdf-p-22-2", "decisions-json"] {
        assert!(kinds.contains(&kind), "{kind}: {kinds:?}");
    }
    assert!(
        !kinds.contains(&"eml-510b") && !kinds.contains(&"pdf-na-31-2"),
        "{kinds:?}"
    );
    let totals = files.iter().find(|f| f.kind == "eml-510d").unwrap();
    let stated =
        eml::read_count_totals(eml::SourceFile::new("510d", &totals.bytes), &loaded).unwrap();
    let published = eml::read_count_totals(eml::SourceFile::new("510b", &file), &loaded).unwrap();
    assert_eq!(stated, published);
}

/// Groningen the municipality's way: every polling station's count from its 510b.
fn centre_with_stations() -> Centre {
    let centre = centre(GRONINGEN_110A, GRONINGEN_230B);
    let file = fixture(GRONINGEN_510B);
    let loaded = centre.office.election(&centre.election).unwrap();
    let stations =
        eml::read_count_polling_stations(eml::SourceFile::new("510b", &file), &loaded).unwrap();
    centre
        .office
        .store()
        .add_polling_stations(&centre.coordinator, &centre.election, stations)
        .unwrap();
    let centre = Centre {
        office: Office::new(centre.office.shared_store()),
        ..centre
    };
    centre
        .office
        .import_count(&centre.coordinator, &centre.election, "510b", &file)
        .unwrap();
    centre
}

#[test]
fn west_maas_en_waal_through_the_central_committee_gets_its_published_seats() {
    let centre = centre(
        "eml/composed/Verkiezingsdefinitie_GR2022_WestMaasenWaal.composed.eml.xml",
        "eml/real/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
    );
    let file = fixture("eml/real/Telling_GR2022_WestMaasenWaal.eml.xml");
    let intake = centre
        .office
        .import_municipality(&centre.coordinator, &centre.election, "510b", &file)
        .unwrap();
    let loaded = centre.office.election(&centre.election).unwrap();
    let (_, total) = eml::read_count_total(eml::SourceFile::new("510b", &file), &loaded).unwrap();
    assert_eq!(centre.type_second(intake.unit, &total), Status::Definitive);
    let published = testkit::published_gr2022("WestMaasenWaal");
    let seats = centre.seats();
    for list in published["lists"].as_array().unwrap() {
        let ours = seats
            .iter()
            .find(|l| u64::from(l.0) == list["list_number"].as_u64().unwrap())
            .unwrap();
        assert_eq!(
            u64::from(ours.1),
            list["seats_expected"].as_u64().unwrap(),
            "list {}",
            ours.0
        );
    }
    // The notices to the elected candidates (Kieswet V 1): one page each, naming them.
    let files = centre
        .office
        .result_documents(&centre.coordinator, &centre.election)
        .unwrap();
    let notices = files.iter().find(|f| f.kind == "pdf-notices").unwrap();
    assert_eq!(
        notices.name,
        "Kennisgevingen_benoeming_GR2022_WestMaasenWaal.pdf"
    );
    let text = pdf_text(&notices.bytes);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), 17, "{text}");
    for (list, _, names) in &seats {
        for elected in names {
            assert!(
                pages
                    .iter()
                    .any(|p| p.contains(elected.as_str()) && p.contains(&format!("lijst {list}"))),
                "no notice for {elected} of list {list}"
            );
        }
    }
    // P 2a: the committee asks the municipality to investigate; its corrected file replaces
    // the earlier count in a later session, and the earlier one is kept in the history.
    match centre
        .office
        .import_municipality(&centre.coordinator, &centre.election, "510b", &file)
    {
        Err(OfficeError::Refused(Refusal::Committee(_))) => {}
        other => panic!("a closed session took a corrected file: {other:?}"),
    }
    centre
        .office
        .open_session(
            &centre.coordinator,
            &centre.election,
            model::committee::SessionDetails {
                started: chrono::NaiveDate::from_ymd_opt(2022, 3, 28)
                    .unwrap()
                    .and_hms_opt(10, 0, 0)
                    .unwrap(),
                location: "Provinciehuis".into(),
                members: vec!["Voorzitter".into()],
            },
        )
        .unwrap();
    let again = centre
        .office
        .import_municipality(&centre.coordinator, &centre.election, "510b-v2", &file)
        .unwrap();
    assert!(again.replaced);
    let history = centre.office.count_history(&centre.election).unwrap();
    assert_eq!((history.len(), history[0].session), (1, 2));
    assert_eq!(centre.type_second(intake.unit, &total), Status::Definitive);
    let files = centre
        .office
        .result_documents(&centre.coordinator, &centre.election)
        .unwrap();
    assert!(files.iter().any(|f| f.kind == "eml-510d@2"));
}

/// A test district made of two real municipalities of the House of Representatives election of
/// 2023 (Aa en Hunze and Alblasserdam, read against the 2023 definition with the lists of the
/// Utrecht district, whose lengths they share): each file taken in and its totals typed, the
/// district's totals are the sum of the two files, list by list and candidate by candidate.
#[test]
fn a_district_of_two_municipalities_adds_up_to_the_sum_of_their_files() {
    let centre = centre(
        "eml/real/Verkiezingsdefinitie_TK2023.eml.xml",
        "eml/real/Kandidatenlijsten_TK2023_Utrecht.eml.xml",
    );
    let files = [
        "eml/real/Telling_TK2023_gemeente_Aa_en_Hunze.eml.xml",
        "eml/real/Telling_TK2023_gemeente_Alblasserdam.eml.xml",
    ];
    let mut sum: Vec<(u64, Vec<u64>)> = Vec::new();
    let mut admitted = 0;
    for path in files {
        let file = fixture(path);
        let intake = centre
            .office
            .import_municipality(&centre.coordinator, &centre.election, path, &file)
            .unwrap();
        let loaded = centre.office.election(&centre.election).unwrap();
        let (_, total) = eml::read_count_total(eml::SourceFile::new(path, &file), &loaded).unwrap();
        assert_eq!(centre.type_second(intake.unit, &total), Status::Definitive);
        admitted += u64::from(total.voters.total);
        for (index, list) in total.lists.iter().enumerate() {
            if sum.len() <= index {
                sum.push((0, vec![0; list.candidates.len()]));
            }
            sum[index].0 += u64::from(list.total);
            for (c, votes) in sum[index].1.iter_mut().zip(&list.candidates) {
                *c += u64::from(*votes);
            }
        }
    }
    let units: Vec<(u32, String)> = centre
        .office
        .election(&centre.election)
        .unwrap()
        .polling_stations
        .iter()
        .map(|s| (s.number.get(), s.name.clone()))
        .collect();
    assert_eq!(
        units,
        [
            (482, "Alblasserdam".to_string()),
            (1680, "Aa en Hunze".to_string())
        ]
    );
    let overview = centre.office.overview(&centre.election).unwrap();
    assert_eq!(overview.totals.definitive, 2);
    assert_eq!(overview.totals.admitted_voters, admitted);
    let per_list: Vec<u64> = sum.iter().map(|(total, _)| *total).collect();
    assert_eq!(overview.totals.per_list, per_list);
    let (loaded, totals) = {
        let loaded = centre.office.election(&centre.election).unwrap();
        let entries = centre.office.store().entries(&centre.election).unwrap();
        let forms: Vec<(PollingStationNumber, CountForm)> = entries
            .iter()
            .filter_map(|e| e.state.definitive().map(|c| (e.polling_station, c.clone())))
            .collect();
        let totals = determine::totals(&loaded, &determine::Counts::per_station(&forms)).unwrap();
        (loaded, totals)
    };
    assert_eq!(loaded.contests.len(), 1);
    let candidates: Vec<Vec<u64>> = totals[0]
        .lists
        .iter()
        .map(|l| l.candidates.clone())
        .collect();
    assert_eq!(
        candidates,
        sum.iter().map(|(_, c)| c.clone()).collect::<Vec<_>>()
    );
}
