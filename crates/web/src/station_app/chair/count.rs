//! The count helper of a Dutch polling station: every ballot a tap on its candidate (or blank,
//! invalid), an undo of the device's latest tap, the report's totals against the admitted voters,
//! and a printable draft. Not the report: the paper stays leading.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use messages::msg;
use model::tally::{Mark, Tally};
use model::{Contest, Election, Jurisdiction};
use serde::Deserialize;

use super::turnout::station_reports;
use super::{Frame, frame, home_of, internal};
use crate::AppState;
use crate::error::WebError;
use crate::lang::Lang;
use crate::page::{Chrome, blocking, render};
use crate::station_app::sessions::StationSession;

struct ListRow {
    number: u32,
    name: String,
    votes: u32,
}

struct CandidateButton {
    mark: String,
    id: String,
    label: String,
    votes: u32,
}

struct Totals {
    lists: Vec<ListRow>,
    on_candidates: u32,
    blank: u32,
    invalid: u32,
    cast: u32,
    admitted: Option<u32>,
    difference: Option<String>,
}

#[derive(Template)]
#[template(path = "station_count.html")]
struct CountPage {
    chrome: Chrome,
    frame: Frame,
    totals: Totals,
    flash: Option<String>,
}

#[derive(Template)]
#[template(path = "station_list.html")]
struct ListPage {
    chrome: Chrome,
    frame: Frame,
    list_number: u32,
    list_name: String,
    list_total: u32,
    buttons: Vec<CandidateButton>,
    flash: Option<String>,
}

struct DraftList {
    number: u32,
    name: String,
    total: u32,
    candidates: Vec<(String, u32)>,
}

#[derive(Template)]
#[template(path = "station_draft.html")]
struct DraftPage {
    chrome: Chrome,
    frame: Frame,
    totals: Totals,
    lists: Vec<DraftList>,
    printed_at: String,
}

/// Query of a count page after a mark or an undo.
#[derive(Debug, Deserialize)]
pub struct Flash {
    #[serde(default)]
    geteld: Option<String>,
    #[serde(default)]
    hersteld: Option<String>,
}

/// The station's contest, tally and admitted voters (D: its last turnout report).
struct CountContext {
    frame: Frame,
    election: std::sync::Arc<Election>,
    tally: Tally,
    admitted: Option<u32>,
}

impl CountContext {
    fn contest(&self, session: &StationSession) -> Result<&Contest, WebError> {
        office::station(&self.election, session.station)
            .map(|(_, contest)| contest)
            .map_err(|_| internal())
    }
}

/// The frame and election of a station that has the count helper (a Dutch election), or the
/// refusal that says why not.
async fn count_election(
    state: &AppState,
    lang: Lang,
    session: &StationSession,
) -> Result<(Frame, std::sync::Arc<Election>), WebError> {
    let (frame, election) = frame(state, lang, session).await?;
    if election.jurisdiction != Jurisdiction::Netherlands {
        return Err(WebError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            msg!("app-no-count-helper"),
        ));
    }
    Ok((frame, election))
}

async fn count_context(
    state: &AppState,
    lang: Lang,
    session: &StationSession,
) -> Result<CountContext, WebError> {
    let (frame, election) = count_election(state, lang, session).await?;
    let contest = office::station(&election, session.station)
        .map_err(|_| internal())?
        .1;
    let office = state.office.clone();
    let id = session.election.clone();
    let station = session.station;
    let counts = blocking(move || office.store().tally_counts(&id, Some(station)))
        .await?
        .map_err(|_| internal())?;
    let tally = Tally::from_stored(contest, counts.into_iter().map(|(_, m, n)| (m, n)))
        .map_err(|_| internal())?;
    let admitted = station_reports(state, session)
        .await?
        .last()
        .map(|r| r.admitted);
    Ok(CountContext {
        frame,
        tally,
        admitted,
        election,
    })
}

fn totals(lang: Lang, contest: &Contest, tally: &Tally, admitted: Option<u32>) -> Totals {
    let cast = tally.total_cast();
    Totals {
        lists: contest
            .lists
            .iter()
            .enumerate()
            .map(|(index, list)| ListRow {
                number: list.number.get(),
                name: list.name.clone(),
                votes: tally.list_total(index),
            })
            .collect(),
        on_candidates: tally.total_on_candidates(),
        blank: tally.blank,
        invalid: tally.invalid,
        cast,
        admitted,
        difference: admitted.map(|d| match cast.cmp(&d) {
            std::cmp::Ordering::Equal => lang.t("web-d-and-h-are-equal"),
            std::cmp::Ordering::Greater => {
                msg!("app-h-greater-than-d", difference = cast - d).text(lang.0)
            }
            std::cmp::Ordering::Less => {
                msg!("app-h-smaller-than-d", difference = d - cast).text(lang.0)
            }
        }),
    }
}

fn describe(lang: Lang, contest: &Contest, mark: &str) -> String {
    match Mark::parse(mark) {
        Ok(Mark::Blank) => lang.t("web-blank"),
        Ok(Mark::Invalid) => lang.t("web-invalid"),
        Ok(Mark::Candidate { list, position }) => {
            let name = contest
                .lists
                .iter()
                .find(|l| l.number == list)
                .and_then(|l| l.candidates.iter().find(|c| c.position == position))
                .map(|c| c.full_name())
                .unwrap_or_default();
            msg!(
                "app-mark-candidate",
                list = list.get(),
                position = position.get(),
                name = name
            )
            .text(lang.0)
        }
        Err(_) => String::new(),
    }
}

fn flash(lang: Lang, contest: &Contest, query: &Flash) -> Option<String> {
    if let Some(mark) = &query.geteld {
        return Some(msg!("app-counted", vote = describe(lang, contest, mark)).text(lang.0));
    }
    query.hersteld.as_ref().map(|mark| {
        if mark.is_empty() {
            lang.t("web-there-was-nothing-on-this")
        } else {
            msg!("app-undone", vote = describe(lang, contest, mark)).text(lang.0)
        }
    })
}

/// The count helper's overview: lists, blank, invalid, the report's totals.
pub async fn count(
    State(state): State<AppState>,
    lang: Lang,
    Query(query): Query<Flash>,
    Extension(session): Extension<StationSession>,
) -> Result<Response, WebError> {
    let context = count_context(&state, lang, &session).await?;
    let contest = context.contest(&session)?;
    let totals = totals(lang, contest, &context.tally, context.admitted);
    let flash = flash(lang, contest, &query);
    Ok(render(
        StatusCode::OK,
        &CountPage {
            chrome: context.frame.chrome.clone(),
            frame: context.frame,
            totals,
            flash,
        },
    ))
}

/// One list's candidates as large buttons.
pub async fn count_list(
    State(state): State<AppState>,
    lang: Lang,
    Path((_, list)): Path<(String, u32)>,
    Query(query): Query<Flash>,
    Extension(session): Extension<StationSession>,
) -> Result<Response, WebError> {
    let context = count_context(&state, lang, &session).await?;
    let contest = context.contest(&session)?;
    let (index, found) = contest
        .lists
        .iter()
        .enumerate()
        .find(|(_, l)| l.number.get() == list)
        .ok_or_else(WebError::not_found)?;
    let buttons = found
        .candidates
        .iter()
        .zip(&context.tally.lists[index])
        .map(|(candidate, votes)| CandidateButton {
            mark: Mark::Candidate {
                list: found.number,
                position: candidate.position,
            }
            .to_string(),
            id: format!("mark-c-{}-{}", found.number, candidate.position),
            label: format!("{}. {}", candidate.position, candidate.full_name()),
            votes: *votes,
        })
        .collect();
    let flash = flash(lang, contest, &query);
    let (list_number, list_name) = (found.number.get(), found.name.clone());
    let list_total = context.tally.list_total(index);
    Ok(render(
        StatusCode::OK,
        &ListPage {
            chrome: context.frame.chrome.clone(),
            list_number,
            list_name,
            list_total,
            buttons,
            flash,
            frame: context.frame,
        },
    ))
}

/// A mark's or an undo's fields.
#[derive(Debug, Deserialize)]
pub struct MarkForm {
    #[serde(default)]
    mark: String,
    /// The page to go back to: empty (the overview) or `lijst/N`.
    #[serde(default)]
    back: String,
}

fn back_to(session: &StationSession, back: &str) -> String {
    let list = back
        .strip_prefix("lijst/")
        .filter(|n| !n.is_empty() && n.len() <= 4 && n.chars().all(|c| c.is_ascii_digit()));
    match list {
        Some(n) => format!("{}/telling/lijst/{n}", home_of(session)),
        None => format!("{}/telling", home_of(session)),
    }
}

/// Back to the count page the form came from, saying what was counted or undone (`key`).
fn back_with(session: &StationSession, back: &str, key: &str, mark: &str) -> Response {
    let query = serde_urlencoded::to_string([(key, mark)]).unwrap_or_default();
    Redirect::to(&format!("{}?{query}", back_to(session, back))).into_response()
}

/// Counts one ballot.
pub async fn mark(
    State(state): State<AppState>,
    lang: Lang,
    Extension(session): Extension<StationSession>,
    Form(form): Form<MarkForm>,
) -> Result<Response, WebError> {
    // Only the contest is needed to check the mark: not the tally or the turnout (a tap is the
    // hot path of the count).
    let (_, election) = count_election(&state, lang, &session).await?;
    let contest = office::station(&election, session.station)
        .map_err(|_| internal())?
        .1;
    let mark = Mark::parse(&form.mark)
        .and_then(|m| m.locate(contest).map(|_| m))
        .map_err(|error| {
            WebError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "bad_request",
                msg!("app-no-such-vote", detail = error.to_string()),
            )
        })?;
    let office = state.office.clone();
    let actor = session.actor();
    let from = session.write();
    let text = mark.to_string();
    blocking(move || office.store().add_tally_mark(&actor, from, text))
        .await?
        .map_err(|_| internal())?;
    Ok(back_with(&session, &form.back, "geteld", &mark.to_string()))
}

/// Takes back the latest ballot counted on this device (`Store::undo_tally_mark`; a second
/// device of the same polling station keeps its own taps).
pub async fn undo(
    State(state): State<AppState>,
    lang: Lang,
    Extension(session): Extension<StationSession>,
    Form(form): Form<MarkForm>,
) -> Result<Response, WebError> {
    // Only where there is a count helper (a Dutch election).
    count_election(&state, lang, &session).await?;
    let office = state.office.clone();
    let actor = session.actor();
    let from = session.write();
    let undone = blocking(move || office.store().undo_tally_mark(&actor, from))
        .await?
        .map_err(|_| internal())?;
    Ok(back_with(
        &session,
        &form.back,
        "hersteld",
        &undone.unwrap_or_default(),
    ))
}

/// The draft of the report's totals, to print. Not the report: the paper stays leading.
pub async fn draft(
    State(state): State<AppState>,
    lang: Lang,
    Extension(session): Extension<StationSession>,
) -> Result<Response, WebError> {
    let context = count_context(&state, lang, &session).await?;
    let contest = context.contest(&session)?;
    let lists = contest
        .lists
        .iter()
        .zip(&context.tally.lists)
        .map(|(list, votes)| DraftList {
            number: list.number.get(),
            name: list.name.clone(),
            total: votes.iter().sum(),
            candidates: list
                .candidates
                .iter()
                .zip(votes)
                .map(|(c, v)| (format!("{}. {}", c.position, c.full_name()), *v))
                .collect(),
        })
        .collect();
    let totals = totals(lang, contest, &context.tally, context.admitted);
    Ok(render(
        StatusCode::OK,
        &DraftPage {
            chrome: context.frame.chrome.clone(),
            totals,
            lists,
            printed_at: crate::local_time(chrono::Utc::now())
                .format("%d-%m-%Y %H:%M")
                .to_string(),
            frame: context.frame,
        },
    ))
}
