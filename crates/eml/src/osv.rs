//! The count of a municipality as an OSV4-3 CSV file ("osv4-3_telling_*.csv"), the table the
//! Electoral Council's software OSV2020 publishes next to the EML 510b: one column per polling
//! station, one row per figure of the report and per list and candidate.
//!
//! Written byte for byte as the published files are: UTF-8 with a byte-order mark, `;` between
//! fields, every value in double quotes, empty fields empty, lines ending in a line feed and no
//! line feed after the last line. The rows of admitted voters and of the explanation of
//! differences appear as the count has them: a count without voter cards (the 2026 model) has no
//! voter-card row.

use eml_nl::documents::election_count::{
    RejectedVotesReason, ReportingUnitVotes, TotalVotes, UncountedVotesReason,
};
use model::{Candidate, Contest, Election};

use crate::count::{checked_document, list_votes};
use crate::definition::value;
use crate::error::EmlError;
use crate::source::SourceFile;

/// The rows of the report, in the published order, with their labels.
const UNCOUNTED_ROWS: [(UncountedVotesReason, &str); 4] = [
    (UncountedVotesReason::ValidPollCards, "geldige stempas"),
    (
        UncountedVotesReason::ValidProxyCertificates,
        "geldig volmachtbewijs",
    ),
    (UncountedVotesReason::ValidVoterCards, "geldige kiezerspas"),
    (UncountedVotesReason::AdmittedVoters, "toegelaten kiezers"),
];

const DIFFERENCE_ROWS: [(UncountedVotesReason, &str); 7] = [
    (
        UncountedVotesReason::MoreBallotsCounted,
        "meer stembiljetten dan toegelaten kiezers",
    ),
    (
        UncountedVotesReason::FewerBallotsCounted,
        "minder stembiljetten dan toegelaten kiezers",
    ),
    (
        UncountedVotesReason::BallotsTaken,
        "kiezers met stembiljet hebben niet gestemd",
    ),
    (
        UncountedVotesReason::TooFewBallotsIssued,
        "er zijn te weinig stembiljetten uitgereikt",
    ),
    (
        UncountedVotesReason::TooManyBallotsIssued,
        "er zijn te veel stembiljetten uitgereikt",
    ),
    (UncountedVotesReason::NoExplanation, "geen verklaring"),
    (UncountedVotesReason::OtherExplanation, "andere verklaring"),
];

/// A field in quotes, quotes inside doubled; an empty value is an empty field (a list without
/// a name is written so).
fn quoted(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!("\"{}\"", text.replace('"', "\"\""))
    }
}

/// A candidate as the table names them: `van der Kolk - Kruithof, P.R.`.
fn table_name(candidate: &Candidate) -> String {
    let mut name = String::new();
    if let Some(prefix) = candidate.prefix.as_deref().filter(|p| !p.is_empty()) {
        name.push_str(prefix);
        name.push(' ');
    }
    name.push_str(&candidate.last_name);
    if let Some(initials) = candidate.initials.as_deref().filter(|i| !i.is_empty()) {
        name.push_str(", ");
        name.push_str(initials);
    }
    name
}

/// A polling station's name and postal code from its reporting-unit name,
/// `Stembureau <name> (postcode: <code>)`.
fn station_name(name: &str) -> (String, String) {
    let name = name.strip_prefix("Stembureau ").unwrap_or(name);
    match name.rsplit_once(" (postcode: ") {
        Some((name, code)) => (name.to_string(), code.trim_end_matches(')').to_string()),
        None => (name.to_string(), String::new()),
    }
}

/// One row of figures: the label, the municipality's total, then every polling station.
struct Row {
    label: String,
    total: u64,
    stations: Vec<u64>,
}

fn figure(
    total: &TotalVotes,
    units: &[ReportingUnitVotes],
    label: &str,
    pick: &dyn Fn(&TotalVotes) -> Option<u64>,
    pick_unit: &dyn Fn(&ReportingUnitVotes) -> Option<u64>,
) -> Option<Row> {
    let sum = pick(total)?;
    Some(Row {
        label: label.to_string(),
        total: sum,
        stations: units.iter().map(|u| pick_unit(u).unwrap_or(0)).collect(),
    })
}

/// The OSV4-3 table of a 510b count of `election`.
pub fn osv4_3_count_csv(file: SourceFile<'_>, election: &Election) -> Result<String, EmlError> {
    let document = checked_document(&file, election)?;
    let contest: &Contest = election
        .contests
        .first()
        .ok_or_else(|| EmlError::invalid(&file, None, "the election has no candidate lists"))?;
    let eml_contest = document
        .count
        .election
        .contests
        .first()
        .ok_or_else(|| EmlError::invalid(&file, Some("Contest"), "the count has no contest"))?;
    let total = eml_contest.total_votes.as_ref().ok_or_else(|| {
        EmlError::invalid(&file, Some("TotalVotes"), "the count has no TotalVotes")
    })?;
    let units = &eml_contest.reporting_unit_votes;
    let number = |v: &eml_nl::utils::StringValue<u64>| v.cloned_value().ok();

    let mut rows: Vec<Row> = Vec::new();
    let mut push = |row: Option<Row>| {
        if let Some(row) = row {
            rows.push(row);
        }
    };
    push(figure(
        total,
        units,
        "opgeroepenen",
        &|t| number(&t.eligible_voter_count),
        &|u| number(&u.eligible_voter_count),
    ));
    for (reason, label) in UNCOUNTED_ROWS {
        push(figure(
            total,
            units,
            label,
            &|t| t.uncounted_votes.get(&reason).and_then(number),
            &|u| u.uncounted_votes.get(&reason).and_then(number),
        ));
    }
    push(figure(
        total,
        units,
        "geldige stembiljetten",
        &|t| number(&t.candidate_votes_count),
        &|u| number(&u.candidate_votes_count),
    ));
    let rejected = |map: &std::collections::BTreeMap<RejectedVotesReason, _>, reason| {
        map.get(&reason).and_then(number)
    };
    push(figure(
        total,
        units,
        "blanco stembiljetten",
        &|t| Some(rejected(&t.rejected_votes, RejectedVotesReason::Blank).unwrap_or(0)),
        &|u| rejected(&u.rejected_votes, RejectedVotesReason::Blank),
    ));
    push(figure(
        total,
        units,
        "ongeldige stembiljetten",
        &|t| Some(rejected(&t.rejected_votes, RejectedVotesReason::Invalid).unwrap_or(0)),
        &|u| rejected(&u.rejected_votes, RejectedVotesReason::Invalid),
    ));
    // Ballots found: votes for candidates, blank and invalid together (H on the report).
    let found_total = |t: &TotalVotes| {
        Some(
            number(&t.candidate_votes_count).unwrap_or(0)
                + rejected(&t.rejected_votes, RejectedVotesReason::Blank).unwrap_or(0)
                + rejected(&t.rejected_votes, RejectedVotesReason::Invalid).unwrap_or(0),
        )
    };
    let found_unit = |u: &ReportingUnitVotes| {
        Some(
            number(&u.candidate_votes_count).unwrap_or(0)
                + rejected(&u.rejected_votes, RejectedVotesReason::Blank).unwrap_or(0)
                + rejected(&u.rejected_votes, RejectedVotesReason::Invalid).unwrap_or(0),
        )
    };
    push(figure(
        total,
        units,
        "aangetroffen stembiljetten",
        &found_total,
        &found_unit,
    ));
    for (reason, label) in DIFFERENCE_ROWS {
        push(figure(
            total,
            units,
            label,
            &|t| t.uncounted_votes.get(&reason).and_then(number),
            &|u| u.uncounted_votes.get(&reason).and_then(number),
        ));
    }

    // Lists and candidates: the municipality's totals and every polling station's.
    let at_total = |what: &str| format!("TotalVotes, {what}");
    let list_totals = list_votes(&file, contest, &total.selections, &at_total)?;
    let per_station = units
        .iter()
        .map(|unit| {
            let id = unit.identifier.id.raw();
            list_votes(&file, contest, &unit.selections, &|what| {
                format!("reporting unit {id}, {what}")
            })
        })
        .collect::<Result<Vec<_>, _>>()?;

    let mut out = String::from("\u{feff}");
    let mut line = |fields: Vec<String>| {
        if out.len() > 3 {
            out.push('\n');
        }
        out.push_str(&fields.join(";"));
    };
    let identifier = &document.count.election.identifier;
    let domain = identifier.domain.as_ref();
    let domain_name = domain.map(|d| d.name.to_string()).unwrap_or_default();
    let domain_id = domain
        .and_then(|d| d.id.as_ref())
        .map(|id| id.raw().into_owned())
        .unwrap_or_default();
    let date = value(&file, &identifier.election_date, "ElectionDate")?.date;
    line(vec![
        quoted("Verkiezing"),
        String::new(),
        quoted(identifier.name.as_deref().unwrap_or(&election.name)),
    ]);
    line(vec![
        quoted("Datum"),
        String::new(),
        quoted(&date.to_string()),
    ]);
    line(vec![
        quoted("Gebied"),
        String::new(),
        quoted(&format!("Gemeente {domain_name}")),
    ]);
    line(vec![quoted("Nummer"), String::new(), quoted(&domain_id)]);
    line(vec![]);
    let names: Vec<(String, String)> = units
        .iter()
        .map(|u| station_name(&u.identifier.name))
        .collect();
    let mut header: Vec<String> = [
        "Lijstnummer",
        "Aanduiding",
        "Volgnummer",
        "Naam kandidaat",
        "Totaal",
    ]
    .iter()
    .map(|h| quoted(h))
    .collect();
    header.extend(names.iter().map(|(name, _)| quoted(name)));
    line(header);
    let mut numbers = vec![
        quoted("Gebiednummer"),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ];
    for unit in units {
        let id = unit.identifier.id.raw();
        let number = id
            .rsplit_once("::SB")
            .map(|(_, n)| n.to_string())
            .unwrap_or_default();
        numbers.push(quoted(&number));
    }
    line(numbers);
    let mut codes = vec![
        quoted("Postcode"),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ];
    codes.extend(names.iter().map(|(_, code)| quoted(code)));
    line(codes);
    for row in &rows {
        let mut fields = vec![
            String::new(),
            quoted(&row.label),
            String::new(),
            String::new(),
        ];
        fields.push(quoted(&row.total.to_string()));
        fields.extend(row.stations.iter().map(|n| quoted(&n.to_string())));
        line(fields);
    }
    for (index, list) in contest.lists.iter().enumerate() {
        let mut fields = vec![
            quoted(&list.number.to_string()),
            quoted(&list.name),
            String::new(),
            String::new(),
            quoted(&list_totals[index].total.to_string()),
        ];
        fields.extend(
            per_station
                .iter()
                .map(|station| quoted(&station[index].total.to_string())),
        );
        line(fields);
        for (position, candidate) in list.candidates.iter().enumerate() {
            let mut fields = vec![
                String::new(),
                String::new(),
                quoted(&(position + 1).to_string()),
                quoted(&table_name(candidate)),
                quoted(&list_totals[index].candidates[position].to_string()),
            ];
            fields.extend(
                per_station
                    .iter()
                    .map(|station| quoted(&station[index].candidates[position].to_string())),
            );
            line(fields);
        }
    }
    // Lines are joined, so there is no line feed after the last one, as published.
    Ok(out)
}
