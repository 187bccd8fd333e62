//! The chair reports turnout: the admitted voters at the municipality's published moments, or at
//! any time in between. A later figure lower than an earlier one is stored (it may be a
//! correction) and shown.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use messages::{Message, msg};
use model::count::parse_count;
use model::turnout::{moment_text, parse_moment};
use serde::Deserialize;

use super::{Frame, frame, home_of, internal};
use crate::AppState;
use crate::error::WebError;
use crate::lang::Lang;
use crate::page::{Chrome, blocking, render};
use crate::station_app::sessions::StationSession;

struct MomentRow {
    moment: String,
    admitted: Option<u32>,
}

#[derive(Template)]
#[template(path = "station_turnout.html")]
struct TurnoutPage {
    chrome: Chrome,
    frame: Frame,
    rows: Vec<MomentRow>,
    suggested: String,
    latest: Option<(String, u32, String)>,
    saved: bool,
    warning: Option<String>,
    error: Option<String>,
    value: String,
}

/// Query of the turnout page after a report.
#[derive(Debug, Deserialize)]
pub struct Saved {
    #[serde(default)]
    opgeslagen: Option<String>,
}

/// The polling station's turnout reports, oldest first.
pub(super) async fn station_reports(
    state: &AppState,
    session: &StationSession,
) -> Result<Vec<model::turnout::Report>, WebError> {
    let office = state.office.clone();
    let election = session.election.clone();
    let station = session.station;
    blocking(move || office.store().turnout_reports(&election, Some(station)))
        .await?
        .map_err(|_| internal())
}

/// What the turnout page shows besides the figures.
struct Shown {
    saved: bool,
    error: Option<String>,
    value: String,
    status: StatusCode,
}

async fn turnout_page(
    state: &AppState,
    lang: Lang,
    session: &StationSession,
    shown: Shown,
) -> Result<Response, WebError> {
    let (frame, _) = frame(state, lang, session).await?;
    let reports = station_reports(state, session).await?;
    let moments = &state.config.station_app.moments;
    let rows: Vec<MomentRow> = moments
        .iter()
        .map(|moment| MomentRow {
            moment: moment_text(*moment),
            admitted: reports
                .iter()
                .rev()
                .find(|r| r.moment == Some(*moment))
                .map(|r| r.admitted),
        })
        .collect();
    // The first published moment without a report that is due within the quarter hour.
    let now = chrono::Local::now().time() + chrono::Duration::minutes(15);
    let suggested = moments
        .iter()
        .zip(&rows)
        .filter(|(moment, row)| **moment <= now && row.admitted.is_none())
        .map(|(moment, _)| moment_text(*moment))
        .next_back()
        .unwrap_or_default();
    let latest = reports.last().map(|r| {
        (
            r.moment
                .map(moment_text)
                .unwrap_or_else(|| lang.t("web-in-between")),
            r.admitted,
            crate::local_hour_minute(&r.reported_at),
        )
    });
    // A later moment lower than an earlier one is stored (it may be a correction), but shown.
    let known: Vec<(&str, u32)> = rows
        .iter()
        .filter_map(|r| r.admitted.map(|a| (r.moment.as_str(), a)))
        .collect();
    let warning = known.windows(2).find(|w| w[1].1 < w[0].1).map(|w| {
        msg!(
            "app-turnout-lower",
            later = w[1].0,
            later_count = w[1].1,
            earlier = w[0].0,
            earlier_count = w[0].1
        )
        .text(lang.0)
    });
    Ok(render(
        shown.status,
        &TurnoutPage {
            chrome: frame.chrome.clone(),
            frame,
            rows,
            suggested,
            latest,
            saved: shown.saved,
            warning,
            error: shown.error,
            value: shown.value,
        },
    ))
}

/// The turnout page.
pub async fn turnout_form(
    State(state): State<AppState>,
    lang: Lang,
    Query(query): Query<Saved>,
    Extension(session): Extension<StationSession>,
) -> Result<Response, WebError> {
    turnout_page(
        &state,
        lang,
        &session,
        Shown {
            saved: query.opgeslagen.is_some(),
            error: None,
            value: String::new(),
            status: StatusCode::OK,
        },
    )
    .await
}

/// The turnout form's fields.
#[derive(Debug, Deserialize)]
pub struct TurnoutForm {
    #[serde(default)]
    moment: String,
    #[serde(default)]
    admitted: String,
}

/// Stores a turnout report.
pub async fn turnout_report(
    State(state): State<AppState>,
    lang: Lang,
    Extension(session): Extension<StationSession>,
    Form(form): Form<TurnoutForm>,
) -> Result<Response, WebError> {
    let (moment, admitted) = match read_turnout(&state.config.station_app.moments, &form) {
        Ok(read) => read,
        Err(error) => {
            return turnout_page(
                &state,
                lang,
                &session,
                Shown {
                    saved: false,
                    error: Some(error.text(lang.0)),
                    value: form.admitted,
                    status: StatusCode::UNPROCESSABLE_ENTITY,
                },
            )
            .await;
        }
    };
    let office = state.office.clone();
    let actor = session.actor();
    let from = session.write();
    blocking(move || {
        office
            .store()
            .report_turnout(&actor, from, moment, admitted)
    })
    .await?
    .map_err(|_| internal())?;
    Ok(Redirect::to(&format!("{}/opkomst?opgeslagen", home_of(&session))).into_response())
}

/// Why a turnout form does not read.
enum TurnoutError {
    Message(Message),
    Field(model::count::FieldError),
}

impl TurnoutError {
    fn text(&self, lang: model::Language) -> String {
        match self {
            TurnoutError::Message(message) => message.text(lang),
            TurnoutError::Field(error) => error.message(lang),
        }
    }
}

/// The turnout form read: the moment it is for (`None`: not a published moment, reported any
/// time) and the admitted voters; or why not.
fn read_turnout(
    moments: &[chrono::NaiveTime],
    form: &TurnoutForm,
) -> Result<(Option<String>, u32), TurnoutError> {
    let moment = match form.moment.trim() {
        "" => None,
        text => match parse_moment(text).filter(|m| moments.contains(m)) {
            Some(moment) => Some(moment_text(moment)),
            None => {
                return Err(TurnoutError::Message(msg!(
                    "app-not-a-moment",
                    moment = text
                )));
            }
        },
    };
    match parse_count("admitted", &msg!("app-admitted-voters"), &form.admitted) {
        Err(model::count::FieldError::Empty { .. }) => Err(TurnoutError::Message(msg!(
            "web-fill-in-number-of-admitted"
        ))),
        Ok(admitted) => Ok((moment, admitted)),
        Err(error) => Err(TurnoutError::Field(error)),
    }
}
