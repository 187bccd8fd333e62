//! The result pages of the coordinator: every contest's totals, seats and elected candidates from
//! the definitive counts (the office's one determination), the drawings of lots and deceased
//! candidates it needs, a count made elsewhere (EML 510b) taken in, and the result's files.

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Form};
use messages::msg;
use model::ContestId;
use office::documents::DocumentKind;
use serde::Deserialize;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::lang::Lang;
use crate::page::{Chrome, InElection, download, office, render, see};
use crate::stations::read_upload;

struct ContestView {
    name: Option<String>,
    table_id: String,
    admitted: u64,
    valid: u64,
    blank: u64,
    invalid: u64,
    stations: usize,
    lists: Vec<(String, u64, u32, String)>,
}

struct LotView {
    contest: Option<String>,
    id: String,
    article: String,
    description: String,
    options: String,
    seats_at_stake: u32,
}

#[derive(Template)]
#[template(path = "result.html")]
struct ResultPage {
    chrome: Chrome,
    election_id: model::ElectionId,
    election_name: String,
    message: Option<String>,
    ready: bool,
    contests: Vec<ContestView>,
    contest_choices: Vec<(String, String)>,
    files: Vec<(String, String, String)>,
    csrf: String,
    lot: Option<LotView>,
    decisions: Vec<String>,
    /// The election's units are municipalities (or none yet): the central committee's form to
    /// take in a municipality's 510b is shown.
    municipalities: bool,
}

/// The result from the definitive counts, and the result's files.
pub async fn result(
    State(state): State<AppState>,
    lang: Lang,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
    let (election, view, files) = office(&state, move |office| {
        let election = office.election(&id)?;
        let view = office.result(&id);
        let files = office.documents(&id)?;
        Ok((election, view, files))
    })
    .await?;
    let several = election.contests.len() > 1;
    let mut page = ResultPage {
        chrome: Chrome::new(&state, lang, Some(&user)),
        election_id: election.id.clone(),
        election_name: election.name.clone(),
        message: None,
        ready: false,
        contests: Vec::new(),
        contest_choices: election
            .contests
            .iter()
            .map(|c| {
                let name = c.name.clone().unwrap_or_else(|| c.id.to_string());
                (c.id.to_string(), name)
            })
            .collect(),
        files: files
            .into_iter()
            // Linked by kind: the download serves the latest session's file of the kind.
            .map(|file| {
                let kind = DocumentKind::of_stored(&file.kind)
                    .map_or(file.kind, |(kind, _)| kind.as_str().into_owned());
                (kind, file.name, file.hash_code.to_string())
            })
            .collect(),
        csrf: user.csrf.clone(),
        lot: None,
        decisions: Vec::new(),
        // None yet, or municipalities only.
        municipalities: election.polling_stations.is_empty()
            || office::documents::is_central_committee(&election),
    };
    let view = match view {
        Ok(view) => view,
        Err(error) => {
            page.message = Some(error.message(lang.0));
            return Ok(render(StatusCode::OK, &page));
        }
    };
    page.ready = true;
    let contest_name = |id: &ContestId| {
        election
            .contest(id)
            .and_then(|c| c.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    page.lot = view.pending_lots().first().map(|(contest, lot)| LotView {
        contest: several.then(|| contest_name(contest)),
        id: lot.id.clone(),
        article: lot.article.clone(),
        description: lot.description.clone(),
        options: lot
            .options
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        seats_at_stake: lot.seats_at_stake,
    });
    let decisions = &view.determination.decisions;
    page.decisions = decisions
        .deceased
        .iter()
        .map(|d| match &d.contest {
            Some(contest) => msg!(
                "web-decision-deceased-in",
                contest = contest_name(contest),
                list = d.list.get(),
                position = d.position.get()
            ),
            None => msg!(
                "web-decision-deceased",
                list = d.list.get(),
                position = d.position.get()
            ),
        })
        .chain(decisions.lots.iter().map(|lot| {
            msg!(
                "web-decision-lot",
                id = &lot.id,
                order = lot
                    .order
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }))
        .map(|message| message.text(lang.0))
        .collect();
    page.contests = view
        .summary
        .contests
        .iter()
        .map(|contest| ContestView {
            name: several.then(|| {
                contest
                    .name
                    .clone()
                    .unwrap_or_else(|| contest.contest.to_string())
            }),
            table_id: if several {
                format!("seats-{}", contest.contest)
            } else {
                "seats".into()
            },
            admitted: contest.admitted_voters,
            valid: contest.valid,
            blank: contest.blank,
            invalid: contest.invalid,
            stations: contest.polling_stations,
            lists: contest
                .lists
                .iter()
                .map(|l| {
                    (
                        format!("{} {}", l.number, l.name),
                        l.votes,
                        l.seats,
                        l.elected
                            .iter()
                            .map(|e| e.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    )
                })
                .collect(),
        })
        .collect();
    if page.lot.is_some() {
        page.message = Some(lang.t("web-drawing-of-lots-is-needed"));
    }
    Ok(render(StatusCode::OK, &page))
}

/// Makes the result's files (the first time: EML, CSV and the official reports) and goes back
/// to the result.
pub async fn result_files(
    State(state): State<AppState>,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
    let (election, actor) = (id.clone(), user.actor());
    office(&state, move |office| {
        office.result_documents(&actor, &election)
    })
    .await?;
    Ok(see(&format!("/elections/{id}/result")))
}

/// Imports a count made by other software (EML 510b) as the definitive counts: the central
/// committee's path (Kieswet P 22). All or nothing; a refusal says why and changes nothing.
pub async fn result_import(
    State(state): State<AppState>,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let (name, bytes) = read_upload(multipart, "EML 510b").await?;
    let (election, actor) = (id.clone(), user.actor());
    office(&state, move |office| {
        office.import_count(&actor, &election, &name, &bytes)
    })
    .await?;
    Ok(see(&format!("/elections/{id}/result")))
}

/// The central committee takes in a municipality's 510b as that municipality's first entry; its
/// paper report is then typed as the second entry (`office::municipalities`).
pub async fn result_municipality(
    State(state): State<AppState>,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let (name, bytes) = read_upload(multipart, "EML 510b").await?;
    let (election, actor) = (id.clone(), user.actor());
    office(&state, move |office| {
        office.import_municipality(&actor, &election, &name, &bytes)
    })
    .await?;
    Ok(see(&format!("/elections/{id}/overview")))
}

/// A stored result file, exactly as stored.
pub async fn result_file(
    State(state): State<AppState>,
    InElection(id): InElection,
    Path((_, kind)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let kind = DocumentKind::parse(&kind).ok_or_else(WebError::not_found)?;
    let wanted = kind.clone();
    let file = office(&state, move |office| office.document(&id, &wanted))
        .await?
        .ok_or_else(WebError::not_found)?;
    Ok(download(kind.content_type(), &file.name, file.bytes))
}

/// The lot form's fields.
#[derive(Debug, Deserialize)]
pub struct LotForm {
    lot: String,
    order: String,
}

/// Records the outcome of a drawing of lots.
pub async fn result_lot(
    State(state): State<AppState>,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<LotForm>,
) -> Result<Response, WebError> {
    let order: Vec<u32> = form
        .order
        .split([',', ' ', ';'])
        .filter(|t| !t.trim().is_empty())
        .map(|t| t.trim().parse::<u32>())
        .collect::<Result<_, _>>()
        .map_err(|_| {
            WebError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "bad_request",
                msg!("web-lot-order-not-numbers", order = &form.order),
            )
        })?;
    let (election, actor) = (id.clone(), user.actor());
    office(&state, move |office| {
        office.enter_lot(&actor, &election, &form.lot, order)
    })
    .await?;
    Ok(see(&format!("/elections/{id}/result")))
}

/// The deceased-candidate form's fields.
#[derive(Debug, Deserialize)]
pub struct DeceasedForm {
    #[serde(default)]
    contest: Option<String>,
    list: String,
    position: String,
}

/// Registers a deceased candidate.
pub async fn result_deceased(
    State(state): State<AppState>,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<DeceasedForm>,
) -> Result<Response, WebError> {
    let (Ok(list), Ok(position)) = (
        form.list.trim().parse::<u32>(),
        form.position.trim().parse::<u32>(),
    ) else {
        return Err(WebError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_request",
            msg!("web-list-and-position-whole-numbers"),
        ));
    };
    let contest = match form.contest.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => Some(ContestId::new(text).map_err(|_| {
            WebError::from(office::OfficeError::NotFound(office::Missing::Contest(
                text.to_string(),
            )))
        })?),
        _ => None,
    };
    let (election, actor) = (id.clone(), user.actor());
    office(&state, move |office| {
        office.register_deceased(&actor, &election, contest.as_ref(), list, position)
    })
    .await?;
    Ok(see(&format!("/elections/{id}/result")))
}
