//! Every official document made for a real election (Assen 2026, West Maas en Waal 2022,
//! Groningen 2022 from their published counts; the Flemish report for the Lindeveld definition),
//! read back with `pdftotext` and checked for its key figures. Page images of the main documents
//! are saved in `target/report-pages/` for review (`pdftoppm`).

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use chrono::{TimeZone, Utc};
use eml::{SourceFile, import_election, read_count_polling_stations, read_polling_station_counts};
use model::count::{CountForm, FlandersCount, FlandersListVotes, NlCount};
use model::totals::Totals;
use model::{Election, PollingStation, PollingStationNumber};
use report::format::int;
use testkit::{fixture, headings_in_order, pdf_pages};

struct Loaded {
    election: Election,
    stations: Vec<PollingStation>,
    counts: BTreeMap<PollingStationNumber, NlCount>,
    totals: Totals,
    count_name: &'static str,
    count_bytes: Vec<u8>,
}

fn load(definition: &str, candidates: &str, stations: Option<&str>, count: &'static str) -> Loaded {
    let definition_bytes = fixture(definition);
    let candidate_bytes = fixture(candidates);
    let station_bytes = stations.map(fixture);
    let election = import_election(
        SourceFile::new(definition, &definition_bytes),
        SourceFile::new(candidates, &candidate_bytes),
        stations
            .zip(station_bytes.as_deref())
            .map(|(n, b)| SourceFile::new(n, b)),
    )
    .unwrap();
    let count_bytes = fixture(count);
    let file = SourceFile::new(count, &count_bytes);
    let counts = read_polling_station_counts(file, &election).unwrap();
    let stations = if election.polling_stations.is_empty() {
        read_count_polling_stations(file, &election).unwrap()
    } else {
        election.polling_stations.clone()
    };
    let forms: Vec<(PollingStationNumber, CountForm)> = counts
        .iter()
        .map(|(n, c)| (*n, CountForm::Netherlands(c.clone())))
        .collect();
    let totals = Totals::add_up(&election.contests[0], forms.iter().map(|(n, c)| (*n, c))).unwrap();
    Loaded {
        election,
        stations,
        counts,
        totals,
        count_name: count,
        count_bytes,
    }
}

fn assen() -> Loaded {
    load(
        "eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml",
        "eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml",
        Some("eml/composed/Stembureaus_GR2026_Assen.composed.eml.xml"),
        "eml/real/Telling_GR2026_Assen.eml.xml",
    )
}

fn moment() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 20, 14, 30, 0).unwrap()
}

impl Loaded {
    fn municipal(&self) -> report::MunicipalCount<'_> {
        report::MunicipalCount {
            election: &self.election,
            contest: &self.election.contests[0],
            stations: self
                .stations
                .iter()
                .filter_map(|s| self.counts.get(&s.number).map(|c| (s, c)))
                .collect(),
            totals: &self.totals,
            created_at: moment(),
            eml: report::SourceFile {
                name: self.count_name,
                bytes: &self.count_bytes,
            },
            audit: Some(report::AuditMark {
                entry: 57,
                hash: seal::HashCode::of(b"the log's head"),
            }),
            session: None,
            counting: model::committee::CountingMethod::Central,
        }
    }

    fn apportionment(&self) -> apportion::Apportionment {
        let input =
            apportion::Input::from_totals(&self.election, &self.election.contests[0], &self.totals)
                .unwrap();
        apportion::apportion(&input)
            .unwrap()
            .complete()
            .unwrap()
            .clone()
    }
}

/// The text of a PDF, laid out as on the page.
fn pdf_text(pdf: &[u8]) -> String {
    pdftotext(pdf, true)
}

/// The text of a PDF in reading order with all white space (line breaks in table cells too)
/// made single spaces.
fn flat_text(pdf: &[u8]) -> String {
    pdftotext(pdf, false)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn pdftotext(pdf: &[u8], layout: bool) -> String {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(if layout {
            &["-layout", "-enc", "UTF-8"][..]
        } else {
            &["-enc", "UTF-8"][..]
        })
        .arg(file.path())
        .arg("-")
        .output()
        .expect("pdftotext (Debian: poppler-utils; ./scripts/test installs it)");
    assert!(out.status.success(), "pdftotext refused the PDF");
    String::from_utf8(out.stdout).unwrap()
}

/// Saves the PDF as `target/report-pages/NAME.pdf` and its first `pages` pages as PNG in
/// `target/report-pages/NAME-N.png`.
fn save_pages(name: &str, pdf: &[u8], pages: u32) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/report-pages");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.pdf")), pdf).unwrap();
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), pdf).unwrap();
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "70", "-f", "1", "-l", &pages.to_string()])
        .arg(file.path())
        .arg(dir.join(name))
        .status()
        .expect("pdftoppm (Debian: poppler-utils)");
    assert!(status.success());
}

/// The line of `text` that holds `label`, which must also hold `value`.
fn assert_line(text: &str, label: &str, value: &str) {
    let line = text
        .lines()
        .find(|l| l.contains(label))
        .unwrap_or_else(|| panic!("no line with {label:?}"));
    assert!(
        line.split_whitespace().any(|word| word == value),
        "{label:?}: expected {value} on {line:?}"
    );
}

fn page_count(text: &str) -> usize {
    text.matches('\u{c}').count()
}

#[test]
fn na_31_2_of_assen_holds_the_municipal_totals_and_every_candidate() {
    let assen = assen();
    let pdf = report::na_31_2(&assen.municipal()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_text(&pdf);
    save_pages("na-31-2-assen", &pdf, 4);

    assert!(text.contains("Proces-verbaal van het gemeentelijk stembureau"));
    assert!(text.contains("Gemeente Assen"));
    // The parts and headings of the Electoral Council's model Na 31-2 (2026), in its order;
    // each part starts a page and the signatures are the last page, alone.
    let pages = pdf_pages(&text);
    let headings = [
        "Details van het gemeentelijk stembureau",
        "Inhoudsopgave",
        "Deel 1 — Verslag van de zitting",
        "1.1 Presentielijst",
        "1.2 Getelde stembureaus",
        "1.3 Tijdens de zitting",
        "Deel 2 — Telresultaten van de gemeente",
        "2.1 Toegelaten kiezers",
        "2.2 Uitgebrachte stemmen",
        "2.3 Verschillen tussen toegelaten kiezers en uitgebrachte stemmen",
        "2.4 Uitkomst controleprotocol",
        "2.5 Stemmen per lijst en per kandidaat",
        "Deel 3 — Ondertekening",
    ];
    let found = headings_in_order(&pages, &headings);
    assert_eq!(
        (found[1], found[2]),
        (1, 2),
        "contents on page 1, Deel 1 on page 2"
    );
    assert!(!pages[found[6] - 2].contains("2.1 Toegelaten kiezers"));
    assert_eq!(found[12], pages.len(), "the signatures are the last page");
    assert!(!pages[pages.len() - 2].contains("Voorzitter"));
    assert_eq!(blank_pages(&text, "Model Na 31-2 —"), Vec::<usize>::new());
    // Made at 14:30 UTC on 20 March 2026: the committee's clock said 15:30 (Europe/Amsterdam).
    assert!(text.contains("20 maart 2026 15:30"), "local time expected");
    assert!(!text.contains("UTC"));
    // The footer names the 510b by its hash code, on every page.
    let hash = seal::HashCode::of(&assen.count_bytes).to_string();
    assert_eq!(
        text.matches(&hash).count(),
        page_count(&text),
        "hash code on every page"
    );
    assert!(text.contains(&format!("Pagina 1 van {}", page_count(&text))));
    // And the audit log's head when it was made, on every page.
    let head = seal::HashCode::of(b"the log's head").to_string();
    assert_eq!(text.matches(&head).count(), page_count(&text));
    assert_eq!(
        text.matches("Auditlog t/m regel 57").count(),
        page_count(&text)
    );

    let t = &assen.totals;
    assert_line(
        &text,
        "Totaal toegelaten kiezers (A+B+C)",
        &int(t.admitted_voters),
    );
    assert_line(&text, "Totaal stemmen op kandidaten", &int(t.valid));
    assert_line(&text, "Blanco stemmen", &int(t.blank));
    assert_line(&text, "Ongeldige stemmen", &int(t.invalid));
    assert_line(&text, "Totaal uitgebrachte stemmen (E+F+G)", &int(t.cast));
    let a: u64 = assen
        .counts
        .values()
        .map(|c| u64::from(c.voters.poll_cards))
        .sum();
    assert_line(&text, "Stempassen", &int(a));
    for (list, total) in assen.election.contests[0].lists.iter().zip(&t.lists) {
        assert_line(
            &text,
            &format!("Totaal lijst {} — {}", list.number, list.name),
            &int(total.votes),
        );
        // Every candidate with their votes.
        for (candidate, votes) in list.candidates.iter().zip(&total.candidates) {
            let line = text
                .lines()
                .find(|l| {
                    l.contains(&candidate.full_name())
                        && l.split_whitespace().next() == Some(&candidate.position.to_string())
                })
                .unwrap_or_else(|| panic!("no line for {}", candidate.full_name()));
            assert!(line.trim_end().ends_with(&int(*votes)), "{line}");
        }
    }
    // Deel 1 lists every polling station counted.
    let flat = flat_text(&pdf);
    for station in &assen.stations {
        assert!(flat.contains(&station.name), "{}", station.name);
    }
}

#[test]
fn bijlage_1_of_assen_has_every_polling_station_on_its_own_page() {
    let assen = assen();
    let pdf = report::na_31_2_bijlage_1(&assen.municipal()).unwrap();
    let text = pdf_text(&pdf);
    save_pages("na-31-2-bijlage-1-assen", &pdf, 3);
    for (station, count) in assen.municipal().stations {
        let heading = format!("Stembureau {} — {}", station.number, station.name);
        let start = text.find(&heading).unwrap_or_else(|| panic!("{heading}"));
        let page = &text[start
            ..text[start..]
                .find('\u{c}')
                .map_or(text.len(), |e| start + e)];
        assert_line(page, "Toegelaten kiezers", &int(count.voters.total.into()));
        assert_line(
            page,
            "Uitgebrachte stemmen",
            &int(count.votes.total_cast.into()),
        );
        assert_line(page, "Blanco stemmen", &int(count.votes.blank.into()));
    }
    let hash = seal::HashCode::of(&assen.count_bytes).to_string();
    assert_eq!(text.matches(&hash).count(), page_count(&text));
    // Fonts subset and embedded once, no tags per table cell: at most 25 kB per polling
    // station (it was 259 kB, 11.4 MB in all).
    let per_station = pdf.len() / assen.stations.len();
    assert!(
        per_station <= 25_000,
        "{} bytes, {per_station} per polling station",
        pdf.len()
    );
}

#[test]
fn p_22_2_of_west_maas_en_waal_shows_the_published_seats_and_the_steps() {
    let wmw = load(
        "eml/composed/Verkiezingsdefinitie_GR2022_WestMaasenWaal.composed.eml.xml",
        "eml/real/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
        None,
        "eml/real/Telling_GR2022_WestMaasenWaal.eml.xml",
    );
    let apportionment = wmw.apportionment();
    let files = [
        report::SourceFile {
            name: "Totaaltelling_GR2022_WestMaasenWaal.eml.xml",
            bytes: b"510d",
        },
        report::SourceFile {
            name: "Resultaat_GR2022_WestMaasenWaal.eml.xml",
            bytes: b"520",
        },
    ];
    let pdf = report::p_22_2(&report::DeterminedResult {
        election: &wmw.election,
        contest: &wmw.election.contests[0],
        totals: &wmw.totals,
        apportionment: &apportionment,
        deceased: &[],
        created_at: moment(),
        files: files.to_vec(),
        audit: None,
    })
    .unwrap();
    let text = pdf_text(&pdf);
    save_pages("p-22-2-westmaasenwaal", &pdf, 4);

    // The parts and headings of the Electoral Council's model P 22-2 (2026), in its order; each
    // part starts a page and the signatures are the last page, alone.
    let pages = pdf_pages(&text);
    let headings = [
        "Details van het centraal stembureau",
        "Inhoudsopgave",
        "Deel 1 — Verslag van de zitting",
        "1.1 Presentielijst",
        "1.2 Verslag van controlewerkzaamheden",
        "1.3 Bezwaren",
        "Deel 2 — Uitslag en zetelverdeling",
        "2.1 Stemcijfers",
        "2.2 Zetelverdeling",
        "2.3 Gekozen kandidaten",
        "Deel 3 — Ondertekening",
    ];
    let found = headings_in_order(&pages, &headings);
    assert_eq!(found[1], 1, "contents on the first page");
    assert_eq!(found[2], 2, "Deel 1 starts the second page");
    assert!(found[6] > found[2], "Deel 2 starts a page of its own");
    assert_eq!(found[10], pages.len(), "the signatures are the last page");
    assert!(!pages[pages.len() - 2].contains("Voorzitter"));
    assert_eq!(blank_pages(&text, "Model P 22-2 —"), Vec::<usize>::new());

    // The seats the central committee published (reference data), list by list.
    let published: serde_json::Value = serde_json::from_slice(&fixture(
        "results/nl/nl-gr2022-all-municipalities-compact.json",
    ))
    .unwrap();
    let lists = published["municipalities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["municipality"] == "WestMaasenWaal")
        .unwrap()["lists"]
        .as_array()
        .unwrap()
        .clone();
    let table_start = text.find("Stemcijfer").unwrap();
    for (list, published) in wmw.election.contests[0].lists.iter().zip(&lists) {
        let row = text[table_start..]
            .lines()
            .find(|l| {
                l.split_whitespace().next() == Some(&list.number.to_string())
                    && l.contains(&list.name)
            })
            .unwrap_or_else(|| panic!("list {}", list.number));
        let words: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(
            words.last().copied(),
            Some(published["seats_expected"].to_string().as_str()),
            "{row}"
        );
        assert_eq!(
            words[words.len() - 2],
            int(published["votes"].as_u64().unwrap()),
            "{row}"
        );
    }
    // The quota, exactly.
    let quota = apportionment
        .steps
        .iter()
        .find_map(|s| match s {
            apportion::Step::Quota { quota, .. } => Some(report::format::fraction(quota)),
            _ => None,
        })
        .unwrap();
    assert!(text.contains(&quota), "quota {quota}");
    // Every elected candidate, and both files' hash codes in the footer.
    let contest = &wmw.election.contests[0];
    for list in &apportionment.lists {
        let on_ballot = contest
            .lists
            .iter()
            .find(|l| l.number.get() == list.number)
            .unwrap();
        for position in &list.elected {
            let name = on_ballot.candidates[*position as usize - 1].full_name();
            assert!(text.contains(&name), "elected {name}");
        }
    }
    for file in files {
        assert!(text.contains(&seal::HashCode::of(file.bytes).to_string()));
    }
}

/// The count form of Assen's first polling station under `counting` (N 10-2 or N 10-1).
fn station_form(assen: &Loaded, counting: model::committee::CountingMethod) -> Vec<u8> {
    report::n_10_2(
        &assen.election,
        &assen.election.contests[0],
        &assen.stations[0],
        (counting, moment()),
    )
    .unwrap()
}

/// The headings of the Electoral Council's model N 10-2 (2026), in its order.
const N_10_2_HEADINGS: [&str; 11] = [
    "Details van het stembureau",
    "Inhoudsopgave",
    "Deel 1 — Verslag van de zitting",
    "1.1 Presentielijst",
    "1.2 Tijdens het stemmen",
    "1.3 Tijdens het tellen",
    "Deel 2 — Telresultaten",
    "2.1 Toegelaten kiezers",
    "2.2 Uitgebrachte stemmen",
    "2.3 Verschillen tussen het aantal kiezers en de uitgebrachte stemmen",
    "Deel 3 — Ondertekening",
];

#[test]
fn n_10_2_follows_the_model_part_by_part_and_stays_empty() {
    let assen = assen();
    let station = &assen.stations[0];
    let pdf = station_form(&assen, model::committee::CountingMethod::Central);
    let text = pdf_text(&pdf);
    save_pages("n-10-2-assen", &pdf, 6);
    assert!(text.contains(&format!("{} — {}", station.number, station.name)));
    let pages = pdf_pages(&text);

    // Every heading of the model, in the model's order, each on a line of its own.
    let found = headings_in_order(&pages, &N_10_2_HEADINGS);

    // The details and contents on page 1; each part starts a page; the signatures are the last
    // page, alone; and the whole form has the model's length: two pages of session report,
    // two of count (Assen's 12 lists), one of signatures.
    assert_eq!(found[1], 1, "contents on the first page");
    assert_eq!(found[2], 2, "Deel 1 starts the second page");
    let results = found[6];
    assert!(!pages[results - 2].contains("2.1 Toegelaten kiezers"));
    let signing = found[10];
    assert_eq!(signing, pages.len(), "the signatures are the last page");
    assert!(
        !pages[signing - 2].contains("Voorzitter"),
        "the signatures share a page with the count"
    );
    assert!((6..=8).contains(&pages.len()), "{} pages", pages.len());

    // Every list is on the form, no candidate: under central counting the committee counts the
    // votes per candidate, not the polling station.
    for list in &assen.election.contests[0].lists {
        assert!(
            text.contains(&format!("E.{}", list.number)),
            "E.{}",
            list.number
        );
        for candidate in &list.candidates {
            assert!(
                !text.contains(&format!("{} {}", candidate.position, candidate.full_name())),
                "{} is on the form",
                candidate.full_name()
            );
        }
    }
    // Empty: none of the station's counted figures is printed next to its label.
    let line = text
        .lines()
        .find(|l| l.contains("Totaal toegelaten kiezers"))
        .unwrap();
    assert!(!line.chars().any(|c| c.is_ascii_digit()), "{line}");
    // No blank page: every page has something of the form besides its header and footer (the
    // explanation's lines once spilled onto a page of their own).
    assert_eq!(blank_pages(&text, "Model N 10-2 —"), Vec::<usize>::new());
}

/// Under decentralised counting the same form (model N 10-1) adds the votes per candidate to
/// its count, every candidate of every list.
#[test]
fn n_10_1_adds_every_candidate_to_the_count() {
    let assen = assen();
    let pdf = station_form(&assen, model::committee::CountingMethod::Decentralised);
    let text = pdf_text(&pdf);
    let pages = pdf_pages(&text);
    let found = headings_in_order(
        &pages,
        &[
            "Deel 2 — Telresultaten",
            "2.4 Stemmen per kandidaat",
            "Deel 3 — Ondertekening",
        ],
    );
    assert!(
        found[1] > found[0],
        "the candidates follow the count: {found:?}"
    );
    assert_eq!(found[2], pages.len(), "the signatures are the last page");
    for list in &assen.election.contests[0].lists {
        assert!(text.contains(&format!("Lijst {} — {}", list.number, list.name)));
        for candidate in &list.candidates {
            assert!(
                text.contains(&candidate.full_name()),
                "{}",
                candidate.full_name()
            );
        }
    }
    assert_eq!(blank_pages(&text, "Model N 10-1 —"), Vec::<usize>::new());
}

/// The pages (from 1) that hold nothing but the header and footer.
fn blank_pages(text: &str, header: &str) -> Vec<usize> {
    text.split('\u{c}')
        .enumerate()
        .filter(|(_, page)| !page.trim().is_empty() || page.contains("Pagina"))
        .filter(|(_, page)| {
            page.lines().all(|line| {
                let line = line.trim();
                line.is_empty()
                    || line.contains(header)
                    || line.contains("Gemaakt ")
                    || line.contains("Programma Urna")
                    || line.starts_with("Pagina ")
            })
        })
        .map(|(index, _)| index + 1)
        .collect()
}

#[test]
fn the_same_data_give_the_same_pdf() {
    let assen = assen();
    let first = report::na_31_2(&assen.municipal()).unwrap();
    let second = report::na_31_2(&assen.municipal()).unwrap();
    assert!(first == second, "two runs differ");
    // Archival PDF/A-2b, dated with the document's own date (XMP metadata, uncompressed).
    let text = String::from_utf8_lossy(&first);
    assert!(
        text.contains("<pdfaid:part>2</pdfaid:part>") || text.contains("pdfaid:part=\"2\""),
        "no PDF/A-2 identification"
    );
    assert!(
        text.contains("<pdfaid:conformance>B</pdfaid:conformance>")
            || text.contains("pdfaid:conformance=\"B\"")
    );
    // Another file: another footer, another PDF.
    let mut other = assen.municipal();
    other.eml.bytes = b"another file";
    assert!(report::na_31_2(&other).unwrap() != first);
}

#[test]
fn flemish_main_office_report_shows_the_quotients_the_elected_and_the_substitutes() {
    let bytes = fixture("flanders/GR2024_Lindeveld.json");
    let election = flanders::read_definition("GR2024_Lindeveld.json", &bytes).unwrap();
    let contest = &election.contests[0];
    // Lindeveld is fictional: a count made up for it, per list a different share of ballots.
    let lists: Vec<FlandersListVotes> = contest
        .lists
        .iter()
        .enumerate()
        .map(|(i, list)| {
            let weight = (contest.lists.len() - i) as u32;
            let preferences: Vec<u32> = (0..list.candidates.len())
                .map(|c| weight * 37 + (c as u32 * 13 + i as u32 * 7) % 90)
                .collect();
            FlandersListVotes {
                ballots: weight * 400 + 17 * i as u32,
                list_only: weight * 120,
                preferences,
            }
        })
        .collect();
    let valid: u32 = lists.iter().map(|l| l.ballots).sum();
    let count = CountForm::Flanders(FlandersCount {
        ballots_total: valid + 85,
        blank: 60,
        invalid: 25,
        lists,
    });
    let station = election.polling_stations[0].number;
    let totals = Totals::add_up(contest, [(station, &count)]).unwrap();
    let input = apportion::Input::from_totals(&election, contest, &totals).unwrap();
    let apportionment = apportion::apportion(&input)
        .unwrap()
        .complete()
        .unwrap()
        .clone();
    let result_file = b"{\"flemish result\":true}";
    let pdf = report::flanders_main_office(&report::DeterminedResult {
        election: &election,
        contest,
        totals: &totals,
        apportionment: &apportionment,
        deceased: &[],
        created_at: moment(),
        files: vec![report::SourceFile {
            name: "uitslag.json",
            bytes: result_file,
        }],
        audit: None,
    })
    .unwrap();
    let text = pdf_text(&pdf);
    save_pages("flanders-main-office-lindeveld", &pdf, 4);
    assert!(text.contains("Opvolgers, in volgorde"));
    for list in &apportionment.lists {
        let on_ballot = contest
            .lists
            .iter()
            .find(|l| l.number.get() == list.number)
            .unwrap();
        let name = |p: u32| on_ballot.candidates[p as usize - 1].full_name();
        for position in list.elected.iter().chain(&list.next_in_line) {
            assert!(text.contains(&name(*position)), "{}", name(*position));
        }
        let row = text
            .lines()
            .find(|l| {
                l.split_whitespace().next() == Some(&list.number.to_string())
                    && l.contains(&list.name)
                    && l.contains(&int(list.votes))
            })
            .unwrap_or_else(|| panic!("list {}", list.number));
        assert!(row.trim_end().ends_with(&list.seats.to_string()), "{row}");
    }
    // Every seat's number is printed next to the quotient that took it: [1] … [seats].
    for seat in 1..=apportionment.seats {
        assert!(text.contains(&format!("[{seat}]")), "seat {seat}");
    }
    assert!(text.contains(&seal::HashCode::of(result_file).to_string()));
}
