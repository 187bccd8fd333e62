//! The coordinator's pages of results entry: the overview of every polling station's entry with
//! the running totals, and the decision where two entries differ or a first entry has errors.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Form};
use messages::msg;
use model::Election;
use model::entry::{DifferenceResolution, EntryState, ErrorResolution, Status, Which};
use office::entry::{EntryView, Resolution, Totals};
use serde::Deserialize;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::lang::Lang;
use crate::page::{AtStation, Chrome, InElection, office, render, see};
use crate::typist::{FindingView, finding_views, status_name};

struct OverviewRowView {
    number: u32,
    name: String,
    status: String,
    status_key: &'static str,
    first: String,
    second: String,
    differences: usize,
    errors: String,
    warnings: String,
    resolvable: bool,
}

#[derive(Template)]
#[template(path = "overview.html")]
struct OverviewPage {
    chrome: Chrome,
    election_id: model::ElectionId,
    election_name: String,
    csrf: String,
    statuses: Vec<(String, usize)>,
    rows: Vec<OverviewRowView>,
    totals: Totals,
    list_totals: Vec<(String, u64)>,
}

/// The coordinator's overview.
pub async fn overview(
    State(state): State<AppState>,
    lang: Lang,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
    let (election, overview) = office(&state, move |office| {
        Ok((office.election(&id)?, office.overview(&id)?))
    })
    .await?;
    let rows = overview
        .rows
        .iter()
        .map(|r| OverviewRowView {
            number: r.number,
            name: r.name.clone(),
            status: status_name(lang, r.status),
            status_key: r.status.as_str(),
            first: r.first_typist.clone().unwrap_or_default(),
            second: r.second_typist.clone().unwrap_or_default(),
            differences: r.differences,
            errors: r.errors.join(" "),
            warnings: r.warnings.join(" "),
            resolvable: matches!(
                r.status,
                Status::EntriesDifferent | Status::FirstEntryHasErrors
            ),
        })
        .collect();
    let list_totals = overview
        .totals
        .lists
        .iter()
        .zip(&overview.totals.per_list)
        .map(|((number, name), votes)| (format!("E.{number} {name}"), *votes))
        .collect();
    Ok(render(
        StatusCode::OK,
        &OverviewPage {
            chrome: Chrome::new(&state, lang, Some(&user)),
            election_id: election.id.clone(),
            election_name: election.name.clone(),
            csrf: user.csrf.clone(),
            statuses: overview
                .by_status
                .iter()
                .map(|(s, n)| (status_name(lang, *s), *n))
                .collect(),
            rows,
            totals: overview.totals,
            list_totals,
        },
    ))
}

struct DifferenceView {
    code: String,
    label: String,
    first: String,
    second: String,
}

#[derive(Template)]
#[template(path = "resolve.html")]
struct ResolvePage {
    chrome: Chrome,
    election_id: model::ElectionId,
    election_name: String,
    station_number: u32,
    station_name: String,
    heading: String,
    message: Option<String>,
    differences: bool,
    first_typist: String,
    second_typist: String,
    rows: Vec<DifferenceView>,
    findings: Vec<FindingView>,
    options: Vec<(&'static str, String)>,
    csrf: String,
    version: u64,
}

fn resolve_page(
    state: &AppState,
    lang: Lang,
    user: &CurrentUser,
    (view, election): &(EntryView, std::sync::Arc<Election>),
    message: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let (differences, first_typist, second_typist, options) = match &view.stored.state {
        EntryState::EntriesDifferent { first, second } => {
            let (a, b) = (&first.typist.username, &second.typist.username);
            (
                true,
                a.clone(),
                b.clone(),
                vec![
                    (
                        "keep_first",
                        msg!("web-resolve-keep-first", typist = a).text(lang.0),
                    ),
                    (
                        "keep_second",
                        msg!("web-resolve-keep-second", typist = b).text(lang.0),
                    ),
                    (
                        "send_back_first",
                        msg!("web-resolve-send-back-first", typist = a).text(lang.0),
                    ),
                    (
                        "send_back_second",
                        msg!("web-resolve-send-back-second", typist = b).text(lang.0),
                    ),
                    (
                        "discard_both",
                        lang.t("web-discard-both-entries-polling-station"),
                    ),
                ],
            )
        }
        EntryState::FirstEntryHasErrors { first } => (
            false,
            first.typist.username.clone(),
            String::new(),
            vec![
                (
                    "return_to_typist",
                    msg!(
                        "web-resolve-return-to-typist",
                        typist = &first.typist.username
                    )
                    .text(lang.0),
                ),
                (
                    "discard",
                    lang.t("web-discard-entry-polling-station-starts"),
                ),
            ],
        ),
        other => {
            return Err(WebError::new(
                StatusCode::CONFLICT,
                "conflict",
                msg!("web-nothing-to-resolve", status = other.status().name()),
            ));
        }
    };
    let heading = lang.t(if differences {
        "web-differences-between-entries"
    } else {
        "web-errors-in-first-entry"
    });
    Ok(render(
        status,
        &ResolvePage {
            chrome: Chrome::new(state, lang, Some(user)),
            election_id: election.id.clone(),
            election_name: election.name.clone(),
            station_number: view.station.number.get(),
            station_name: view.station.name.clone(),
            heading,
            message,
            differences,
            first_typist,
            second_typist,
            rows: view
                .differences
                .iter()
                .map(|d| DifferenceView {
                    code: d.field.code.clone(),
                    label: d.field.label(lang.0),
                    first: d.first.display(),
                    second: d.second.display(),
                })
                .collect(),
            findings: finding_views(lang, &view.findings),
            options,
            csrf: user.csrf.clone(),
            version: view.stored.version,
        },
    ))
}

async fn entry_and_election(
    state: &AppState,
    AtStation(id, number): AtStation,
) -> Result<(EntryView, std::sync::Arc<Election>), WebError> {
    office(state, move |office| {
        Ok((office.entry(&id, number)?, office.election(&id)?))
    })
    .await
}

/// The resolution page.
pub async fn resolve_form(
    State(state): State<AppState>,
    lang: Lang,
    at: AtStation,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
    let found = entry_and_election(&state, at).await?;
    resolve_page(&state, lang, &user, &found, None, StatusCode::OK)
}

/// The resolution form's fields.
#[derive(Debug, Deserialize)]
pub struct ResolveForm {
    version: u64,
    decision: Option<String>,
}

/// Reads a decision as the pages and the API name it.
pub fn parse_decision(decision: &str) -> Option<Resolution> {
    use DifferenceResolution as D;
    let differences = |resolution| Some(Resolution::Differences { resolution });
    match decision {
        "keep_first" => differences(D::Keep(Which::First)),
        "keep_second" => differences(D::Keep(Which::Second)),
        "send_back_first" => differences(D::SendBack(Which::First)),
        "send_back_second" => differences(D::SendBack(Which::Second)),
        "discard_both" => differences(D::DiscardBoth),
        "return_to_typist" => Some(Resolution::Errors {
            resolution: ErrorResolution::ReturnToTypist,
        }),
        "discard" => Some(Resolution::Errors {
            resolution: ErrorResolution::Discard,
        }),
        _ => None,
    }
}

/// Records the coordinator's decision.
pub async fn resolve(
    State(state): State<AppState>,
    lang: Lang,
    at: AtStation,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<ResolveForm>,
) -> Result<Response, WebError> {
    let Some(resolution) = form.decision.as_deref().and_then(parse_decision) else {
        let found = entry_and_election(&state, at).await?;
        return resolve_page(
            &state,
            lang,
            &user,
            &found,
            Some(lang.t("web-choose-decision")),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let AtStation(id, number) = at;
    let (election, operator) = (id.clone(), user.operator());
    office(&state, move |office| {
        office.resolve(&operator, &election, number, form.version, resolution)
    })
    .await?;
    Ok(see(&format!("/elections/{id}/overview")))
}
