//! The public results site as static files: an overview with progress, a page per election
//! (municipality) with votes, seats as a hemicycle and a table, elected candidates, turnout and
//! where the figures came from, and a page per provincial district and province. Dutch at `/`,
//! English at `/en/`. Server-rendered HTML that works without JavaScript; `live.js` only
//! announces a newer version. The same files are served by `urna publish serve` and can be put on
//! any web server or CDN.

use std::collections::BTreeMap;

use askama::Template;
use messages::{Language, t};
use model::ElectionId;

use crate::geography::Area;
use crate::hemicycle::{self, Party};
use crate::snapshot::{AreaResult, Decided, ElectionResult, Outcome, Progress, Snapshot};

const STYLE: &str = include_str!("../assets/style.css");
const LIVE: &str = include_str!("../assets/live.js");

/// The languages the site is published in: Dutch at `/`, English at `/en/`. (The catalogs
/// hold French and German as well; adding one here publishes it at `/fr/`, `/de/`.)
pub const LANGUAGES: [Language; 2] = [Language::Nl, Language::En];

/// Where a language's pages are: `` for Dutch, `/en` for English.
fn prefix(lang: Language) -> String {
    match lang {
        Language::Nl => String::new(),
        other => format!("/{}", other.code()),
    }
}

/// A whole number with the language's thousands separator.
pub fn number(lang: Language, value: u64) -> String {
    let digits = value.to_string();
    let separator = match lang {
        Language::Nl | Language::De => '.',
        Language::En => ',',
        // French groups with a narrow no-break space.
        Language::Fr => '\u{202f}',
    };
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// Thousandths as a percentage with one decimal: `613` → `61,3%` / `61.3%`.
pub fn percent(lang: Language, per_mille: u64) -> String {
    let decimal = match lang {
        Language::En => '.',
        Language::Nl | Language::Fr | Language::De => ',',
    };
    format!("{}{decimal}{}%", per_mille / 10, per_mille % 10)
}

fn share(part: u64, whole: u64) -> u64 {
    crate::snapshot::per_mille(part, Some(whole)).unwrap_or(0)
}

/// Everything the base template needs; each page carries one.
#[derive(Debug)]
struct Chrome {
    lang: Language,
    root: String,
    round_name: String,
    version: u32,
    created: String,
    /// The same moment as RFC 3339, for `<time datetime>`.
    created_iso: String,
    home: String,
    /// The same page in each other language.
    others: Vec<OtherLanguage>,
    central_fingerprint: String,
}

impl Chrome {
    /// The message `id` in the page's language.
    fn t(&self, id: &str) -> String {
        self.lang.text(id)
    }
}

/// A link to the same page in another language.
#[derive(Debug)]
struct OtherLanguage {
    code: &'static str,
    name: &'static str,
    href: String,
}

#[derive(Debug)]
struct ProgressView {
    municipalities: String,
    municipalities_max: u32,
    municipalities_value: u32,
    stations: String,
    stations_max: u32,
    stations_value: u32,
}

fn progress_view(lang: Language, progress: &Progress) -> ProgressView {
    ProgressView {
        municipalities: t!(
            lang,
            "site-part-of-whole",
            part = progress.municipalities_in.to_string(),
            whole = progress.municipalities_expected.to_string()
        ),
        municipalities_max: progress.municipalities_expected.max(1),
        municipalities_value: progress.municipalities_in,
        stations: t!(
            lang,
            "site-part-of-whole",
            part = number(lang, u64::from(progress.polling_stations_in)),
            whole = number(lang, u64::from(progress.polling_stations_expected))
        ),
        stations_max: progress.polling_stations_expected.max(1),
        stations_value: progress.polling_stations_in,
    }
}

#[derive(Debug)]
struct ElectionRow {
    href: String,
    municipality: String,
    province: String,
    status: String,
    turnout: String,
    largest: String,
}

#[derive(Debug)]
struct AreaLink {
    href: String,
    name: String,
    progress: String,
}

#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage {
    chrome: Chrome,
    progress: ProgressView,
    elections: Vec<ElectionRow>,
    provinces: Vec<AreaLink>,
    districts: Vec<AreaLink>,
}

#[derive(Debug)]
struct ElectedView {
    name: String,
    votes: String,
    by_preference: bool,
    /// The electoral district, in a party's sum over an election's districts.
    contest: Option<String>,
}

/// One contest of an election of several (an electoral district).
#[derive(Debug)]
struct ContestView {
    name: String,
    seats: u32,
    stations: String,
    lists: Vec<ListView>,
}

#[derive(Debug)]
struct ListView {
    number: u32,
    name: String,
    colour: &'static str,
    votes: String,
    share: String,
    seats: u32,
    elected: Vec<ElectedView>,
}

#[derive(Debug)]
struct ElectionView {
    name: String,
    municipality: String,
    province: String,
    district: String,
    problem: Option<String>,
    /// Deceased candidates and lots drawn, one sentence each.
    decisions: Vec<String>,
    /// The committee's sessions, investigations and corrections, one sentence each.
    committee: Vec<String>,
    is_in: bool,
    turnout: String,
    eligible: String,
    admitted: String,
    valid: String,
    blank: String,
    invalid: String,
    stations: String,
    seats: u32,
    hemicycle: String,
    lists: Vec<ListView>,
    /// Each district's own result, in an election of several.
    contests: Vec<ContestView>,
    source: String,
    package_href: String,
}

#[derive(Template)]
#[template(path = "election.html")]
struct ElectionPage {
    chrome: Chrome,
    e: ElectionView,
}

#[derive(Debug)]
struct PartyView {
    name: String,
    votes: String,
    seats: u32,
}

#[derive(Debug)]
struct MunicipalityLink {
    href: String,
    name: String,
    status: String,
}

#[derive(Debug)]
struct AreaView {
    kind: String,
    name: String,
    municipalities: String,
    stations: String,
    turnout: String,
    parties: Vec<PartyView>,
    municipalities_list: Vec<MunicipalityLink>,
}

#[derive(Template)]
#[template(path = "area.html")]
struct AreaPage {
    chrome: Chrome,
    a: AreaView,
}

/// A file name safe part of an id or code.
fn slug(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// The path of an election's page, in a language.
pub fn election_path(lang: Language, election: &ElectionId) -> String {
    format!(
        "{}/verkiezing/{}.html",
        prefix(lang),
        slug(election.as_str())
    )
}

fn area_path(lang: Language, kind: &str, area: &Area) -> String {
    format!("{}/{kind}/{}.html", prefix(lang), slug(&area.code))
}

/// A link from any page: the path without its leading `/`, put after the page's `root`.
fn link(path: &str) -> String {
    path.trim_start_matches('/').to_string()
}

/// From a page at `path` back to the site's root, so that links work from a folder opened on
/// disk as well as on any web server: `/verkiezing/x.html` → `../`.
fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count().saturating_sub(1))
}

/// A snapshot's moment as a reader's clock shows it, `2026-03-18 22:04`: Dutch and Flemish local
/// time are the same (CET/CEST) since 1977, so one zone serves a round of both.
fn local_time(created: &str) -> String {
    model::Jurisdiction::Netherlands
        .local_text(created, "%Y-%m-%d %H:%M")
        .unwrap_or_else(|| created.to_string())
}

fn status(lang: Language, outcome: &Outcome) -> String {
    match outcome {
        Outcome::In { .. } => t!(lang, "site-status-in"),
        Outcome::Awaited => t!(lang, "site-status-awaited"),
        Outcome::Problem { .. } => t!(lang, "site-status-problem"),
    }
}

fn turnout_text(lang: Language, turnout: &crate::snapshot::Turnout) -> String {
    turnout
        .turnout_per_mille
        .map_or_else(|| "–".into(), |p| percent(lang, p))
}

fn election_view(lang: Language, election: &ElectionResult) -> ElectionView {
    let place = &election.registration.place;
    let name_of =
        |area: &Option<Area>| area.as_ref().map_or_else(|| "–".into(), |a| a.name.clone());
    let mut view = ElectionView {
        name: election.registration.name.clone(),
        municipality: place.municipality.name.clone(),
        province: name_of(&place.province),
        district: name_of(&place.district),
        problem: None,
        decisions: Vec::new(),
        committee: Vec::new(),
        is_in: false,
        turnout: String::new(),
        eligible: String::new(),
        admitted: String::new(),
        valid: String::new(),
        blank: String::new(),
        invalid: String::new(),
        stations: String::new(),
        seats: 0,
        hemicycle: String::new(),
        lists: Vec::new(),
        contests: Vec::new(),
        source: String::new(),
        package_href: format!(
            "/feed/elections/{}/package/manifest.json",
            election.registration.election
        ),
    };
    match &election.outcome {
        Outcome::Awaited => {}
        Outcome::Problem {
            reason, reason_nl, ..
        } => {
            view.problem = Some(match lang {
                Language::Nl => reason_nl.clone(),
                _ => reason.clone(),
            });
        }
        Outcome::In {
            source,
            seats,
            polling_stations,
            turnout,
            lists,
            decisions,
            committee,
            seat_shifts,
            contests,
        } => {
            view.is_in = true;
            view.decisions = decision_sentences(lang, decisions);
            view.decisions
                .extend(shift_sentences(lang, seat_shifts, lists, contests));
            view.committee = committee_sentences(lang, committee);
            view.turnout = turnout_text(lang, turnout);
            view.eligible = turnout
                .eligible_voters
                .map_or_else(|| "–".into(), |v| number(lang, v));
            view.admitted = number(lang, turnout.admitted_voters);
            view.valid = number(lang, turnout.valid);
            view.blank = number(lang, turnout.blank);
            view.invalid = number(lang, turnout.invalid);
            view.stations = number(lang, u64::from(*polling_stations));
            view.seats = *seats;
            // Colours by place in the chart, so that lists side by side are told apart; the
            // table and each district use the same colour for the same list.
            let seats: Vec<u32> = lists.iter().map(|l| l.seats).collect();
            let colour_of: std::collections::HashMap<u32, &'static str> = lists
                .iter()
                .map(|l| l.number)
                .zip(hemicycle::colours(&seats))
                .collect();
            let colour = |number: u32| colour_of.get(&number).copied().unwrap_or("#44546a");
            let parties: Vec<Party<'_>> = lists
                .iter()
                .map(|l| Party {
                    name: &l.name,
                    seats: l.seats,
                    colour: colour(l.number),
                })
                .collect();
            view.hemicycle = hemicycle::svg(
                "hemicycle",
                &t!(
                    lang,
                    "site-hemicycle-title",
                    election = &election.registration.name
                ),
                &parties,
            );
            let contest_names: Vec<(&str, &str)> = contests
                .iter()
                .map(|c| (c.contest.as_str(), c.name.as_deref().unwrap_or(&c.contest)))
                .collect();
            let list_views = |lists: &[crate::snapshot::ListResult], valid: u64| -> Vec<ListView> {
                lists
                    .iter()
                    .map(|l| ListView {
                        number: l.number,
                        name: l.name.clone(),
                        colour: colour(l.number),
                        votes: number(lang, l.votes),
                        share: percent(lang, share(l.votes, valid)),
                        seats: l.seats,
                        elected: l
                            .elected
                            .iter()
                            .map(|e| ElectedView {
                                name: e.name.clone(),
                                votes: number(lang, e.votes),
                                by_preference: e.by_preference,
                                contest: e.contest.as_deref().map(|id| {
                                    contest_names
                                        .iter()
                                        .find(|(c, _)| *c == id)
                                        .map_or(id, |(_, name)| name)
                                        .to_string()
                                }),
                            })
                            .collect(),
                    })
                    .collect()
            };
            view.lists = list_views(lists, turnout.valid);
            view.contests = contests
                .iter()
                .map(|c| ContestView {
                    name: c.name.clone().unwrap_or_else(|| c.contest.clone()),
                    seats: c.seats,
                    stations: number(lang, u64::from(c.polling_stations)),
                    lists: list_views(&c.lists, c.turnout.valid),
                })
                .collect();
            view.source = t!(
                lang,
                "site-source-sentence",
                office = &source.office,
                version = source.version,
                received = &source.received,
                package = &source.package,
                newer = u64::from(source.newer_versions_for_review > 0)
            );
        }
    }
    view
}

/// What a reader needs to know about the decisions the allocation took as given.
fn decision_sentences(lang: Language, decisions: &Decided) -> Vec<String> {
    // Kieswet P 19a: a deceased candidate is not elected; the votes stay with the list.
    let mut sentences: Vec<String> = decisions
        .deceased
        .iter()
        .map(|c| {
            t!(
                lang,
                "site-deceased",
                name = &c.name,
                list = c.list,
                position = c.position
            )
        })
        .collect();
    if decisions.lots_drawn > 0 {
        sentences.push(t!(lang, "site-lots-drawn", count = decisions.lots_drawn));
    }
    sentences
}

/// Why seats moved between lists, one sentence each, with the lists named.
fn shift_sentences(
    lang: Language,
    shifts: &[crate::snapshot::SeatShift],
    lists: &[crate::snapshot::ListResult],
    contests: &[crate::snapshot::ContestResult],
) -> Vec<String> {
    use crate::snapshot::SeatShift;
    let name = |number: u32| {
        lists
            .iter()
            .find(|l| l.number == number)
            .map(|l| format!("{number} ({})", l.name))
            .unwrap_or_else(|| number.to_string())
    };
    let place = |contest: &Option<String>| {
        contest
            .as_deref()
            .map(|id| {
                let shown = contests
                    .iter()
                    .find(|c| c.contest == id)
                    .and_then(|c| c.name.clone())
                    .unwrap_or_else(|| id.to_string());
                format!("{shown}: ")
            })
            .unwrap_or_default()
    };
    shifts
        .iter()
        .map(|shift| match shift {
            SeatShift::AbsoluteMajority {
                contest,
                article,
                list,
                from,
            } => format!(
                "{}{}",
                place(contest),
                t!(
                    lang,
                    "site-seat-shift-majority",
                    list = name(*list),
                    from = name(*from),
                    article = article
                )
            ),
            SeatShift::ListExhausted {
                contest,
                article,
                list,
                seats,
            } => format!(
                "{}{}",
                place(contest),
                t!(
                    lang,
                    "site-seat-shift-exhausted",
                    list = name(*list),
                    seats = *seats,
                    article = article
                )
            ),
        })
        .collect()
}

/// What the committee did after the first count, for a reader: each session, each investigation
/// with its outcome, and each correction with the session that made it.
fn committee_sentences(lang: Language, committee: &crate::snapshot::Committee) -> Vec<String> {
    let yes_no = |value: bool| {
        if value {
            t!(lang, "site-yes")
        } else {
            t!(lang, "site-no")
        }
    };
    let mut sentences: Vec<String> = committee
        .sessions
        .iter()
        .map(|s| match (&s.started, &s.place) {
            (Some(started), Some(place)) => t!(
                lang,
                "site-committee-session",
                session = s.number,
                started = started,
                place = place
            ),
            _ => t!(
                lang,
                "site-committee-session-unrecorded",
                session = s.number
            ),
        })
        .collect();
    sentences.extend(committee.investigations.iter().map(|i| {
        t!(
            lang,
            "site-committee-investigation",
            station = i.station,
            session = i.session,
            cause = if i.other_reason {
                t!(lang, "site-committee-other-reason")
            } else {
                t!(lang, "site-committee-unexplained-difference")
            },
            requested = if i.requested_by_central {
                t!(lang, "site-committee-requested")
            } else {
                String::new()
            },
            admitted = yes_no(i.admitted_voters_reestablished),
            recounted = yes_no(i.ballots_recounted),
            corrected = yes_no(i.corrected_count)
        )
    }));
    sentences.extend(committee.corrections.iter().map(|c| {
        t!(
            lang,
            "site-committee-correction",
            station = c.station,
            session = c.session
        )
    }));
    sentences
}

fn area_view(lang: Language, kind: String, area: &AreaResult, snapshot: &Snapshot) -> AreaView {
    let progress = progress_view(lang, &area.progress);
    AreaView {
        kind,
        name: area.area.name.clone(),
        municipalities: progress.municipalities,
        stations: progress.stations,
        turnout: turnout_text(lang, &area.turnout),
        parties: area
            .parties
            .iter()
            .map(|p| PartyView {
                name: p.name.clone(),
                votes: number(lang, p.votes),
                seats: p.seats,
            })
            .collect(),
        municipalities_list: snapshot
            .elections
            .iter()
            .filter(|e| {
                let place = &e.registration.place;
                place.province.as_ref() == Some(&area.area)
                    || place.district.as_ref() == Some(&area.area)
            })
            .map(|e| MunicipalityLink {
                href: link(&election_path(lang, &e.registration.election)),
                name: e.registration.place.municipality.name.clone(),
                status: status(lang, &e.outcome),
            })
            .collect(),
    }
}

/// Every file of the site for `snapshot` (without the feed, which `urna publish` puts under
/// `/feed/`), by path. `central_fingerprint` is shown in every footer.
pub fn render(
    snapshot: &Snapshot,
    central_fingerprint: &str,
) -> Result<BTreeMap<String, Vec<u8>>, askama::Error> {
    let mut files = BTreeMap::new();
    files.insert("/style.css".to_string(), STYLE.as_bytes().to_vec());
    files.insert("/live.js".to_string(), LIVE.as_bytes().to_vec());
    files.insert(
        "/version.json".to_string(),
        format!("{{\"version\":{}}}\n", snapshot.version).into_bytes(),
    );
    for lang in LANGUAGES {
        let chrome = |path: &str| Chrome {
            lang,
            round_name: snapshot.name.clone(),
            version: snapshot.version,
            created: local_time(&snapshot.created),
            created_iso: snapshot.created.clone(),
            root: root_of(path),
            home: link(&format!("{}/index.html", prefix(lang))),
            others: LANGUAGES
                .into_iter()
                .filter(|other| *other != lang)
                .map(|other| OtherLanguage {
                    code: other.code(),
                    name: other.name(),
                    href: link(&format!(
                        "{}{}",
                        prefix(other),
                        path.strip_prefix(&prefix(lang)).unwrap_or(path)
                    )),
                })
                .collect(),
            central_fingerprint: central_fingerprint.to_string(),
        };
        let index_path = format!("{}/index.html", prefix(lang));
        let (province_kind, district_kind) = ("provincie", "kieskring");
        let page = IndexPage {
            chrome: chrome(&index_path),
            progress: progress_view(lang, &snapshot.progress),
            elections: snapshot
                .elections
                .iter()
                .map(|e| ElectionRow {
                    href: link(&election_path(lang, &e.registration.election)),
                    municipality: e.registration.place.municipality.name.clone(),
                    province: e
                        .registration
                        .place
                        .province
                        .as_ref()
                        .map_or_else(|| "–".into(), |p| p.name.clone()),
                    status: status(lang, &e.outcome),
                    turnout: match &e.outcome {
                        Outcome::In { turnout, .. } => turnout_text(lang, turnout),
                        _ => "–".into(),
                    },
                    largest: match &e.outcome {
                        Outcome::In { lists, .. } => lists
                            .iter()
                            .max_by_key(|l| (l.votes, std::cmp::Reverse(l.number)))
                            .map_or_else(|| "–".into(), |l| l.name.clone()),
                        _ => "–".into(),
                    },
                })
                .collect(),
            provinces: snapshot
                .provinces
                .iter()
                .map(|a| AreaLink {
                    href: link(&area_path(lang, province_kind, &a.area)),
                    name: a.area.name.clone(),
                    progress: progress_view(lang, &a.progress).municipalities,
                })
                .collect(),
            districts: snapshot
                .districts
                .iter()
                .map(|a| AreaLink {
                    href: link(&area_path(lang, district_kind, &a.area)),
                    name: a.area.name.clone(),
                    progress: progress_view(lang, &a.progress).municipalities,
                })
                .collect(),
        };
        files.insert(index_path, page.render()?.into_bytes());
        for election in &snapshot.elections {
            let path = election_path(lang, &election.registration.election);
            let page = ElectionPage {
                chrome: chrome(&path),
                e: election_view(lang, election),
            };
            files.insert(path, page.render()?.into_bytes());
        }
        for (kind, label, areas) in [
            (province_kind, "site-province", &snapshot.provinces),
            (district_kind, "site-district", &snapshot.districts),
        ] {
            for area in areas {
                let path = area_path(lang, kind, &area.area);
                let page = AreaPage {
                    chrome: chrome(&path),
                    a: area_view(lang, lang.text(label), area, snapshot),
                };
                files.insert(path, page.render()?.into_bytes());
            }
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        assert_eq!(number(Language::Nl, 1_234_567), "1.234.567");
        assert_eq!(number(Language::En, 1_234_567), "1,234,567");
        assert_eq!(number(Language::Nl, 999), "999");
        assert_eq!(number(Language::Nl, 0), "0");
        assert_eq!(percent(Language::Nl, 613), "61,3%");
        assert_eq!(percent(Language::En, 1000), "100.0%");
    }

    /// The allocation of `input` (docs/formats/apportionment-input.md), complete.
    fn allocation(input: &str) -> (apportion::Apportionment, Vec<crate::snapshot::ListResult>) {
        let parsed = apportion::parse_input(input).unwrap_or_else(|e| panic!("{e}"));
        let outcome = apportion::apportion(&parsed).unwrap_or_else(|e| panic!("{e}"));
        let complete = outcome.complete().expect("no lot needed").clone();
        let lists = parsed
            .lists
            .iter()
            .map(|l| crate::snapshot::ListResult {
                number: l.number,
                name: l.name.clone(),
                votes: l.votes.unwrap_or_default(),
                seats: complete.list(l.number).map_or(0, |r| r.seats),
                elected: Vec::new(),
            })
            .collect();
        (complete, lists)
    }

    /// Reusel-De Mierden 2022, as published: Samenwerking (list 1) had 2,571 of 5,104 votes and
    /// 7 of 15 seats; Kieswet P 9 moved the PvdA's (list 4) residual seat to it. The site says so.
    #[test]
    fn a_seat_moved_by_the_absolute_majority_rule_is_explained() {
        let input = String::from_utf8(testkit::fixture(
            "apportionment/nl-gr2022-reuseldemierden.input.json",
        ))
        .unwrap_or_default();
        let (allocation, lists) = allocation(&input);
        let shifts = crate::snapshot::seat_shifts(None, &allocation);
        assert!(
            matches!(
                shifts.as_slice(),
                [crate::snapshot::SeatShift::AbsoluteMajority { list: 1, from: 4, article, .. }]
                    if article.contains("P 9")
            ),
            "{shifts:?}"
        );
        assert_eq!(
            shift_sentences(Language::Nl, &shifts, &lists, &[]),
            [concat!(
                "Lijst 1 (Samenwerking Reusel-De Mierden) kreeg meer dan de helft van de stemmen ",
                "maar niet meer dan de helft van de zetels; daarom ging één zetel van lijst 4 ",
                "(Partij van de Arbeid (P.v.d.A.)) naar lijst 1 (Samenwerking Reusel-De Mierden) ",
                "(Kieswet P 9)."
            )]
        );
        let english = shift_sentences(Language::En, &shifts, &lists, &[]);
        assert!(
            english[0].starts_with("List 1 (Samenwerking Reusel-De Mierden) won more than half")
        );
    }

    /// A list with one candidate and the votes for four seats (three full seats and the first
    /// residual one): three seats go to others (Kieswet P 10), said once with the seats added up.
    #[test]
    fn seats_a_list_cannot_fill_are_explained() {
        let (allocation, lists) = allocation(
            r#"{"rules": "nl-gemeenteraad", "seats": 5, "lists": [
                {"number": 1, "name": "Alleen", "candidates": [600]},
                {"number": 2, "name": "Velen", "candidates": [100, 100, 100, 50, 50]}]}"#,
        );
        let shifts = crate::snapshot::seat_shifts(Some("1"), &allocation);
        assert!(
            matches!(
                shifts.as_slice(),
                [crate::snapshot::SeatShift::ListExhausted {
                    list: 1,
                    seats: 3,
                    ..
                }]
            ),
            "{shifts:?}"
        );
        let contests = [crate::snapshot::ContestResult {
            contest: "1".into(),
            name: Some("Kieskring Oost".into()),
            seats: 5,
            polling_stations: 1,
            turnout: crate::snapshot::Turnout::default(),
            lists: Vec::new(),
        }];
        let said = shift_sentences(Language::Nl, &shifts, &lists, &contests);
        assert!(
            said[0].starts_with(
                "Kieskring Oost: Lijst 1 (Alleen) had minder kandidaten dan zetels; 3 zetel(s)"
            ),
            "{said:?}"
        );
    }

    #[test]
    fn decisions_are_said_in_both_languages() {
        let decisions = Decided {
            deceased: vec![crate::snapshot::DeceasedCandidate {
                contest: None,
                list: 2,
                position: 1,
                name: "A. Jansen".into(),
            }],
            lots_drawn: 1,
        };
        assert_eq!(
            decision_sentences(Language::Nl, &decisions),
            [
                "A. Jansen (lijst 2, nr. 1) is overleden en niet gekozen; de stemmen blijven bij \
                 de lijst (Kieswet P 19a).",
                "Bij de zetelverdeling is één keer geloot; de uitkomst staat in het \
                 proces-verbaal."
            ]
        );
        let two = Decided {
            lots_drawn: 2,
            ..Decided::default()
        };
        assert_eq!(
            decision_sentences(Language::En, &two),
            [
                "2 ties in the allocation were decided by drawing lots; the outcomes are in the \
              official report."
            ]
        );
        assert!(decision_sentences(Language::Nl, &Decided::default()).is_empty());
    }
}
