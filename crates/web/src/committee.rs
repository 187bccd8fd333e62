//! The coordinator's page of the municipal electoral committee (Netherlands): its sessions with
//! date, place and members, the investigations of polling stations opened and concluded in them,
//! and the counts corrected counts replaced; the forms that record each (`office::committee`
//! decides, the page only shows and asks).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Form};
use messages::msg;
use model::committee::{Cause, Conclusion, CountingMethod, SessionDetails};
use serde::Deserialize;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::lang::Lang;
use crate::page::{Chrome, InElection, office, render, see, station_number};

struct SessionView {
    number: u32,
    closed: bool,
    when: String,
    place: String,
    members: String,
}

struct InvestigationView {
    title: String,
    station: u32,
    session: u32,
    cause: String,
    reason: String,
    requested: bool,
    open: bool,
    findings: String,
    admitted: bool,
    recounted: bool,
    corrected: bool,
}

struct ReplacedView {
    station: u32,
    session: u32,
    reason: String,
    by: String,
    at: String,
}

#[derive(Template)]
#[template(path = "committee.html")]
struct CommitteePage {
    chrome: Chrome,
    election_id: model::ElectionId,
    election_name: String,
    sessions: Vec<SessionView>,
    current_open: bool,
    record_title: String,
    open_title: String,
    investigations: Vec<InvestigationView>,
    replaced: Vec<ReplacedView>,
    stations: Vec<(u32, String)>,
    csrf: String,
    counting: String,
    decentralised: bool,
}

/// The committee's sessions, investigations and replaced counts, with the forms.
pub async fn committee(
    State(state): State<AppState>,
    lang: Lang,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
    let (election, sessions, investigations, history, counting) = office(&state, move |office| {
        Ok((
            office.election(&id)?,
            office.sessions(&id)?,
            office.investigations(&id)?,
            office.count_history(&id)?,
            office.counting_method(&id)?,
        ))
    })
    .await?;
    let current = sessions
        .last()
        .cloned()
        .unwrap_or_else(model::committee::Session::first);
    let page = CommitteePage {
        chrome: Chrome::new(&state, lang, Some(&user)),
        election_id: election.id.clone(),
        election_name: election.name.clone(),
        current_open: !current.closed,
        record_title: msg!("web-committee-record-details", session = current.number).text(lang.0),
        open_title: msg!("web-committee-open-next", session = current.number + 1).text(lang.0),
        sessions: sessions
            .iter()
            .map(|s| SessionView {
                number: s.number,
                closed: s.closed,
                when: s
                    .details
                    .as_ref()
                    .map(|d| d.started.format("%d-%m-%Y %H:%M").to_string())
                    .unwrap_or_default(),
                place: s
                    .details
                    .as_ref()
                    .map(|d| d.location.clone())
                    .unwrap_or_default(),
                members: s
                    .details
                    .as_ref()
                    .map(|d| d.members.join(", "))
                    .unwrap_or_default(),
            })
            .collect(),
        investigations: investigations
            .iter()
            .map(|i| {
                let c = i.conclusion.as_ref();
                InvestigationView {
                    title: msg!(
                        "web-committee-investigation-of",
                        station = i.station.get(),
                        session = i.session
                    )
                    .text(lang.0),
                    station: i.station.get(),
                    session: i.session,
                    cause: i.cause.name().text(lang.0),
                    reason: i.reason.clone(),
                    requested: i.requested_by_central,
                    open: c.is_none() && i.session == current.number && !current.closed,
                    findings: c.map(|c| c.findings.clone()).unwrap_or_default(),
                    admitted: c.is_some_and(|c| c.admitted_voters_reestablished),
                    recounted: c.is_some_and(|c| c.ballots_recounted),
                    corrected: c.is_some_and(|c| c.corrected_count),
                }
            })
            .collect(),
        replaced: history
            .iter()
            .map(|h| ReplacedView {
                station: h.polling_station.get(),
                session: h.session,
                reason: h.reason.clone(),
                by: h.replaced_by.clone(),
                at: h.replaced_at.clone(),
            })
            .collect(),
        stations: election
            .polling_stations
            .iter()
            .map(|s| (s.number.get(), s.name.clone()))
            .collect(),
        csrf: user.csrf.clone(),
        counting: counting.name().text(lang.0),
        decentralised: counting == CountingMethod::Decentralised,
    };
    Ok(render(StatusCode::OK, &page))
}

fn back(id: &model::ElectionId) -> Response {
    see(&format!("/elections/{id}/committee"))
}

/// The session form's fields: the start as a browser's `datetime-local` gives it, the members one
/// per line.
#[derive(Debug, Deserialize)]
pub struct SessionForm {
    start: String,
    place: String,
    members: String,
}

impl SessionForm {
    fn details(&self) -> Result<SessionDetails, WebError> {
        let start = self.start.trim();
        let started = SessionDetails::parse_start(start).ok_or_else(|| {
            WebError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "bad_request",
                msg!("web-committee-start", start = start),
            )
        })?;
        Ok(SessionDetails {
            started,
            location: self.place.trim().to_string(),
            members: self
                .members
                .lines()
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .map(str::to_string)
                .collect(),
        })
    }
}

/// Records the current session's details.
pub async fn session_details(
    State(state): State<AppState>,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<SessionForm>,
) -> Result<Response, WebError> {
    let details = form.details()?;
    let (election, actor) = (id.clone(), user.actor());
    office(&state, move |office| {
        office.record_session_details(&actor, &election, details)
    })
    .await?;
    Ok(back(&id))
}

/// Opens the next session.
pub async fn session_open(
    State(state): State<AppState>,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<SessionForm>,
) -> Result<Response, WebError> {
    let details = form.details()?;
    let (election, actor) = (id.clone(), user.actor());
    office(&state, move |office| {
        office.open_session(&actor, &election, details)
    })
    .await?;
    Ok(back(&id))
}

/// The investigation form's fields.
#[derive(Debug, Deserialize)]
pub struct InvestigationForm {
    station: String,
    cause: String,
    reason: String,
    #[serde(default)]
    requested: Option<String>,
}

/// Opens an investigation of a polling station.
pub async fn investigation_open(
    State(state): State<AppState>,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<InvestigationForm>,
) -> Result<Response, WebError> {
    let station = station_number(form.station.trim())?;
    let cause = Cause::parse(&form.cause).ok_or_else(|| {
        WebError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_request",
            msg!("web-committee-cause"),
        )
    })?;
    let (election, actor) = (id.clone(), user.actor());
    office(&state, move |office| {
        office.open_investigation(
            &actor,
            &election,
            station,
            cause,
            form.reason,
            form.requested.is_some(),
        )
    })
    .await?;
    Ok(back(&id))
}

/// The conclusion form's fields.
#[derive(Debug, Deserialize)]
pub struct ConclusionForm {
    findings: String,
    #[serde(default)]
    admitted: Option<String>,
    #[serde(default)]
    recounted: Option<String>,
    #[serde(default)]
    corrected: Option<String>,
}

/// Concludes the investigation of a polling station.
pub async fn investigation_conclude(
    State(state): State<AppState>,
    InElection(id): InElection,
    Path((_, station)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<ConclusionForm>,
) -> Result<Response, WebError> {
    let station = station_number(&station)?;
    let conclusion = Conclusion {
        findings: form.findings,
        admitted_voters_reestablished: form.admitted.is_some(),
        ballots_recounted: form.recounted.is_some(),
        corrected_count: form.corrected.is_some(),
    };
    let (election, actor) = (id.clone(), user.actor());
    office(&state, move |office| {
        office.conclude_investigation(&actor, &election, station, conclusion)
    })
    .await?;
    Ok(back(&id))
}

/// The reset form's fields.
#[derive(Debug, Deserialize)]
pub struct ResetForm {
    station: String,
    reason: String,
}

/// Replaces a definitive count that turned out wrong.
pub async fn reset(
    State(state): State<AppState>,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<ResetForm>,
) -> Result<Response, WebError> {
    let station = station_number(form.station.trim())?;
    let (election, actor) = (id.clone(), user.actor());
    office(&state, move |office| {
        office.reset_entry(&actor, &election, station, form.reason)
    })
    .await?;
    Ok(back(&id))
}

/// The counting form's field.
#[derive(Debug, Deserialize)]
pub struct CountingForm {
    method: String,
}

/// Chooses who counts the votes per candidate (before data entry starts).
pub async fn counting(
    State(state): State<AppState>,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<CountingForm>,
) -> Result<Response, WebError> {
    let method = CountingMethod::parse(&form.method).ok_or_else(|| {
        WebError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_request",
            msg!("web-committee-counting-unknown"),
        )
    })?;
    let (election, actor) = (id.clone(), user.actor());
    office(&state, move |office| {
        office.set_counting_method(&actor, &election, method)
    })
    .await?;
    Ok(back(&id))
}
