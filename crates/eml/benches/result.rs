//! The result of Groningen 2022 (its 510b: every polling station's count): reading the count,
//! adding it up, allocating the seats and electing the candidates, and writing the 510b and the
//! OSV4-3 table.
//!
//! `cargo bench -p eml --bench result` (`-- 510b` for the reading alone, beside its reference: a
//! plain quick-xml scan of the same file's events)

#![allow(clippy::unwrap_used)]

use chrono::TimeZone as _;
use criterion::{Criterion, criterion_group, criterion_main};
use eml::{SourceFile, StationCount, import_election, read_polling_station_counts};
use model::count::CountForm;
use model::totals::Totals;
use testkit::fixture;

fn result(c: &mut Criterion) {
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
    let stations: Vec<model::PollingStation> = counts
        .keys()
        .map(|number| model::PollingStation {
            number: *number,
            name: format!("Stembureau {number}"),
            kind: None,
            address: model::Address::default(),
            voters: None,
            contest: None,
        })
        .collect();
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

    let mut group = c.benchmark_group("groningen-2022");
    group.sample_size(20);
    // The reference: a plain quick-xml scan of the same file, every event read and nothing
    // checked or kept; reading the counts is compared with it as a ratio within one run.
    group.bench_function("scan the 510b's XML events (quick-xml, reference)", |b| {
        b.iter(|| scan_events(&count))
    });
    group.bench_function("read the 510b into counts", |b| {
        b.iter(|| read_polling_station_counts(SourceFile::new("510b", &count), &election).unwrap())
    });
    group.bench_function("totals, seats and elected candidates", |b| {
        b.iter(|| {
            let totals = Totals::add_up(contest, forms.iter().map(|(n, c)| (*n, c))).unwrap();
            let input = apportion::Input::from_totals(&election, contest, &totals).unwrap();
            apportion::apportion(&input).unwrap()
        })
    });
    let entries: Vec<StationCount<'_>> = stations
        .iter()
        .map(|station| StationCount {
            station,
            count: &counts[&station.number],
            investigations: None,
        })
        .collect();
    group.bench_function("write the 510b", |b| {
        b.iter(|| eml::write_count_510b(&election, &entries, created).unwrap())
    });
    let written = eml::write_count_510b(&election, &entries, created).unwrap();
    group.bench_function("write the OSV4-3 table", |b| {
        b.iter(|| eml::osv4_3_count_csv(SourceFile::new("510b", &written), &election).unwrap())
    });
    group.bench_function("all: totals, seats, 510b and OSV4-3 from the counts", |b| {
        b.iter(|| {
            let totals = Totals::add_up(contest, forms.iter().map(|(n, c)| (*n, c))).unwrap();
            let input = apportion::Input::from_totals(&election, contest, &totals).unwrap();
            let outcome = apportion::apportion(&input).unwrap();
            let bytes = eml::write_count_510b(&election, &entries, created).unwrap();
            let csv = eml::osv4_3_count_csv(SourceFile::new("510b", &bytes), &election).unwrap();
            (outcome, csv)
        })
    });
    group.finish();
}

/// Every XML event of `bytes`, counted: the least any reader of the file must do.
fn scan_events(bytes: &[u8]) -> usize {
    let text = std::str::from_utf8(bytes).unwrap();
    let mut reader = quick_xml::Reader::from_str(text);
    let mut events = 0;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Eof => return events,
            _ => events += 1,
        }
    }
}

criterion_group!(benches, result);
criterion_main!(benches);
