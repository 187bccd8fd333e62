//! The benchmark: the full result of Groningen 2022 (180 polling stations, 415
//! candidates) — totals, seats and elected candidates, the EML 510b and the Na 31-2 PDF — and,
//! beside it, the other documents of the result (Bijlage 1 with every polling station, P 22-2).
//! Goal: totals, seats, 510b and Na 31-2 together under 2 s.
//!
//! `cargo bench -p report --bench groningen`

#![allow(clippy::unwrap_used)]

use chrono::TimeZone as _;
use criterion::{Criterion, criterion_group, criterion_main};
use eml::{
    SourceFile, StationCount, import_election, read_count_polling_stations,
    read_polling_station_counts,
};
use model::count::CountForm;
use model::totals::Totals;
use testkit::fixture;

fn groningen(c: &mut Criterion) {
    let definition = fixture("eml/composed/Verkiezingsdefinitie_GR2022_Groningen.composed.eml.xml");
    let candidates = fixture("eml/real/Kandidatenlijsten_GR2022_Groningen.eml.xml");
    let count = fixture("eml/real/Telling_GR2022_Groningen.eml.xml");
    let election = import_election(
        SourceFile::new("110a", &definition),
        SourceFile::new("230b", &candidates),
        None,
    )
    .unwrap();
    let contest = &election.contests[0];
    let counts = read_polling_station_counts(SourceFile::new("510b", &count), &election).unwrap();
    let stations = read_count_polling_stations(SourceFile::new("510b", &count), &election).unwrap();
    let forms: Vec<(model::PollingStationNumber, CountForm)> = counts
        .iter()
        .map(|(n, c)| (*n, CountForm::Netherlands(c.clone())))
        .collect();
    let created = chrono::Utc.with_ymd_and_hms(2022, 3, 17, 1, 0, 0).unwrap();
    eprintln!(
        "Groningen 2022: {} polling stations, {} lists, {} candidates",
        counts.len(),
        contest.lists.len(),
        election.candidate_count()
    );
    let entries: Vec<StationCount<'_>> = stations
        .iter()
        .map(|station| StationCount {
            station,
            count: &counts[&station.number],
            investigations: None,
        })
        .collect();

    // Everything the goal counts, from the definitive counts to the signed-off PDF.
    let full = || {
        let totals = Totals::add_up(contest, forms.iter().map(|(n, c)| (*n, c))).unwrap();
        let input = apportion::Input::from_totals(&election, contest, &totals).unwrap();
        let outcome = apportion::apportion(&input).unwrap();
        let eml_510b = eml::write_count_510b(&election, &entries, created).unwrap();
        let pdf = report::na_31_2(&report::MunicipalCount {
            election: &election,
            contest,
            stations: entries.iter().map(|e| (e.station, e.count)).collect(),
            totals: &totals,
            created_at: created,
            eml: report::SourceFile {
                name: "Telling_GR2022_Groningen.eml.xml",
                bytes: &eml_510b,
            },
            audit: None,
            session: None,
            counting: model::committee::CountingMethod::Central,
        })
        .unwrap();
        (outcome, pdf)
    };
    let (outcome, pdf) = full();
    eprintln!("Na 31-2: {} bytes", pdf.len());

    let mut group = c.benchmark_group("groningen-2022-result");
    group.sample_size(10);
    group.bench_function("all: totals, seats, 510b and the Na 31-2 PDF", |b| {
        b.iter(full)
    });

    let totals = Totals::add_up(contest, forms.iter().map(|(n, c)| (*n, c))).unwrap();
    let eml_510b = eml::write_count_510b(&election, &entries, created).unwrap();
    let municipal = report::MunicipalCount {
        election: &election,
        contest,
        stations: entries.iter().map(|e| (e.station, e.count)).collect(),
        totals: &totals,
        created_at: created,
        eml: report::SourceFile {
            name: "Telling_GR2022_Groningen.eml.xml",
            bytes: &eml_510b,
        },
        audit: None,
        session: None,
        counting: model::committee::CountingMethod::Central,
    };
    group.bench_function("the Na 31-2 PDF alone", |b| {
        b.iter(|| report::na_31_2(&municipal).unwrap())
    });
    let apportionment = outcome.complete().unwrap();
    group.bench_function("the P 22-2 PDF", |b| {
        b.iter(|| {
            report::p_22_2(&report::DeterminedResult {
                election: &election,
                contest,
                totals: &totals,
                apportionment,
                deceased: &[],
                created_at: created,
                files: vec![report::SourceFile {
                    name: "Resultaat_GR2022_Groningen.eml.xml",
                    bytes: b"520",
                }],
                audit: None,
            })
            .unwrap()
        })
    });
    group.bench_function("Bijlage 1 (180 polling stations × 415 candidates)", |b| {
        b.iter(|| report::na_31_2_bijlage_1(&municipal).unwrap())
    });
    group.finish();
}

criterion_group!(benches, groningen);
criterion_main!(benches);
