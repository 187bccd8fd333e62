//! The coordinator's side of the polling-station app, in results entry: turnout per polling
//! station and for the municipality (and publishing it), the device sessions (and revoking one),
//! new credentials for a polling station, and a warning wherever the app's count differs from the
//! definitive count typed from the paper report.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Form};
use messages::msg;
use model::turnout::{moment_text, parse_moment};
use office::turnout::{Gathered, publications_json, station_tally, turnout_csv};
use serde::Deserialize;
use serde_json::json;
use store::{AuditAction, CredentialSource};

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::lang::Lang;
use crate::page::{AtStation, Chrome, InElection, blocking, download, office, render, see};

struct MomentView {
    moment: String,
    anchor: String,
    reported: usize,
    stations: usize,
    admitted: u64,
    percentage: String,
    published: String,
}

struct StationRow {
    number: u32,
    name: String,
    credential: String,
    turnout: Vec<String>,
    decreasing: bool,
    app_count: String,
    definitive: String,
    warning: Option<String>,
}

struct SessionRow {
    id: String,
    station: u32,
    device: String,
    started_at: String,
    idle: String,
    locked: bool,
}

#[derive(Template)]
#[template(path = "station_overview.html")]
struct OverviewPage {
    chrome: Chrome,
    election_id: model::ElectionId,
    election_name: String,
    address: Option<super::Address>,
    moments: Vec<MomentView>,
    electorate: Option<u64>,
    electorate_stated: bool,
    rows: Vec<StationRow>,
    sessions: Vec<SessionRow>,
    warnings: usize,
}

fn difference_text(lang: Lang, differences: &[model::tally::TallyDifference]) -> String {
    let shown: Vec<String> = differences
        .iter()
        .take(8)
        .map(|d| {
            msg!(
                "app-difference",
                field = &d.field,
                app = d.app,
                count = d.definitive
            )
            .text(lang.0)
        })
        .collect();
    let more = differences.len().saturating_sub(shown.len());
    let mut text = shown.join("; ");
    if more > 0 {
        text.push_str("; ");
        text.push_str(&msg!("app-and-more", more = more).text(lang.0));
    }
    text
}

/// The coordinator's overview of the app.
pub async fn overview(
    State(state): State<AppState>,
    lang: Lang,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
    let moments = state.config.station_app.moments.clone();
    let gathered = office(&state, move |office| office.gather(&id, &moments)).await?;
    let Gathered {
        election,
        electorate_stated,
        credentials,
        turnout,
        publications,
        counts,
        entries,
    } = gathered;
    let dutch = lang.0 == model::Language::Nl;
    let moments = turnout
        .totals
        .iter()
        .map(|total| {
            let text = moment_text(total.moment);
            MomentView {
                published: publications
                    .iter()
                    .rev()
                    .find(|p| p.moment == text)
                    .map(|p| crate::local_hour_minute(&p.published_at))
                    .unwrap_or_default(),
                anchor: text.replace(':', ""),
                moment: text,
                reported: total.reported,
                stations: total.stations,
                admitted: total.admitted,
                percentage: total.percentage(dutch).unwrap_or_else(|| "—".into()),
            }
        })
        .collect();
    let mut warnings = 0;
    let rows = turnout
        .stations
        .iter()
        .map(|row| {
            let credential = credentials
                .iter()
                .find(|c| c.station == row.number)
                .map(|c| match c.source {
                    CredentialSource::Ceremony => lang.t("web-ceremony"),
                    CredentialSource::Coordinator => msg!(
                        "app-credential-coordinator",
                        at = c.issued_at.get(..16).unwrap_or_default().replace('T', " ")
                    )
                    .text(lang.0),
                })
                .unwrap_or_else(|| lang.t("web-none-2"));
            let tally = station_tally(&election, row.number, &counts);
            let definitive = entries
                .iter()
                .find(|e| e.polling_station == row.number)
                .and_then(|e| e.state.definitive().cloned());
            let (app_count, warning) = match (&tally, &definitive) {
                (None, _) => ("—".to_string(), None),
                (Some(Err(error)), _) => ("?".to_string(), Some(error.clone())),
                (Some(Ok(tally)), None) => (format!("H {}", tally.total_cast()), None),
                (Some(Ok(tally)), Some(count)) => {
                    let warning = tally.differences(count).and_then(|found| {
                        (!found.is_empty()).then(|| difference_text(lang, &found))
                    });
                    (format!("H {}", tally.total_cast()), warning)
                }
            };
            if warning.is_some() {
                warnings += 1;
            }
            StationRow {
                number: row.number.get(),
                name: row.name.clone(),
                credential,
                turnout: row
                    .at_moments
                    .iter()
                    .map(|n| n.map_or_else(|| "—".to_string(), |n| n.to_string()))
                    .collect(),
                decreasing: row.decreasing,
                app_count,
                definitive: match &definitive {
                    Some(model::count::CountForm::Netherlands(count)) => {
                        format!("H {}", count.votes.total_cast)
                    }
                    Some(_) => lang.t("web-definitive-2"),
                    None => "—".into(),
                },
                warning,
            }
        })
        .collect();
    let sessions = state
        .station_app
        .sessions
        .list(&election.id, state.config.station_app.limits)
        .into_iter()
        .map(|view| SessionRow {
            id: view.session.id.clone(),
            station: view.session.station.get(),
            device: view.session.device.chars().take(60).collect(),
            started_at: view.session.started_at.replace('T', " "),
            idle: format!("{} min", view.idle_seconds / 60),
            locked: view.locked,
        })
        .collect();
    Ok(render(
        StatusCode::OK,
        &OverviewPage {
            chrome: Chrome::new(&state, lang, Some(&user)),
            election_id: election.id.clone(),
            election_name: election.name.clone(),
            address: state.station_app.address(),
            moments,
            electorate: turnout.electorate,
            electorate_stated,
            rows,
            sessions,
            warnings,
        },
    ))
}

/// Revokes one device session at once.
pub async fn revoke(
    State(state): State<AppState>,
    InElection(election): InElection,
    Path((_, session)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
    let revoked = state
        .station_app
        .sessions
        .revoke(&election, &session)
        .ok_or_else(|| {
            WebError::new(StatusCode::NOT_FOUND, "not_found", msg!("app-session-gone"))
        })?;
    let office = state.office.clone();
    let actor = user.actor();
    let logged = blocking(move || {
        office.store().log_event(
            &actor,
            AuditAction::StationAppRevoked,
            json!({
                "election": revoked.election.as_str(),
                "polling_station": revoked.station.get(),
                "session": revoked.id,
                "device": revoked.device,
            }),
        )
    })
    .await;
    if !matches!(logged, Ok(Ok(_))) {
        tracing::error!(target: "urna::event", "the revocation of a session could not be logged");
    }
    Ok(see(&format!(
        "/elections/{election}/stembureau-app#sessions"
    )))
}

/// The fields of the new-credential form.
#[derive(Debug, Deserialize)]
pub struct IssueForm {
    #[serde(default)]
    confirm: String,
}

#[derive(Template)]
#[template(path = "station_credential.html")]
struct CredentialPage {
    chrome: Chrome,
    election_id: model::ElectionId,
    election_name: String,
    station: String,
    login: String,
    password: String,
    address: Option<super::Address>,
    revoked: usize,
}

/// Issues a new password for a polling station: its earlier one and its sessions stop working,
/// and the sheet to print is shown once.
pub async fn issue_credential(
    State(state): State<AppState>,
    lang: Lang,
    AtStation(id, number): AtStation,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<IssueForm>,
) -> Result<Response, WebError> {
    if form.confirm != "yes" {
        return Err(WebError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_request",
            msg!("app-confirm-new-credential"),
        ));
    }
    let actor = user.actor();
    let issued = office(&state, move |office| {
        office.issue_credential(&actor, &id, number)
    })
    .await?;
    let revoked = state
        .station_app
        .sessions
        .revoke_station(&issued.election.id, issued.station);
    if !revoked.is_empty() {
        let office = state.office.clone();
        let actor = user.actor();
        let ids: Vec<String> = revoked.iter().map(|s| s.id.clone()).collect();
        let (election, station) = (issued.election.id.clone(), issued.station);
        let _ = blocking(move || {
            office.store().log_event(
                &actor,
                AuditAction::StationAppRevoked,
                json!({
                    "election": election.as_str(),
                    "polling_station": station.get(),
                    "sessions": ids,
                    "reason": "new credential",
                }),
            )
        })
        .await;
    }
    Ok(render(
        StatusCode::OK,
        &CredentialPage {
            chrome: Chrome::new(&state, lang, Some(&user)),
            election_id: issued.election.id.clone(),
            election_name: issued.election.name.clone(),
            station: issued.label,
            login: issued.login,
            password: issued.password,
            address: state.station_app.address(),
            revoked: revoked.len(),
        },
    ))
}

/// The fields of the electorate form.
#[derive(Debug, Deserialize)]
pub struct ElectorateForm {
    #[serde(default)]
    electorate: String,
}

/// Records the electorate (kiesgerechtigden) the municipality states: the denominator of the
/// turnout percentage from now on.
pub async fn set_electorate(
    State(state): State<AppState>,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<ElectorateForm>,
) -> Result<Response, WebError> {
    let electorate =
        match model::count::parse_count("electorate", &msg!("app-electorate"), &form.electorate) {
            Ok(n) if n > 0 => u64::from(n),
            Ok(_) | Err(model::count::FieldError::Empty { .. }) => {
                return Err(WebError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "bad_request",
                    msg!("app-electorate-positive"),
                ));
            }
            Err(error) => return Err(WebError::field(error)),
        };
    let (election, actor) = (id.clone(), user.actor());
    office(&state, move |office| {
        office.set_electorate(&actor, &election, electorate)
    })
    .await?;
    Ok(see(&format!("/elections/{id}/stembureau-app#turnout")))
}

/// The fields of the publish form.
#[derive(Debug, Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    moment: String,
}

/// Publishes the municipality's turnout at a moment: the figures are recorded as they stand and
/// offered as JSON and CSV for the website and the press.
pub async fn publish(
    State(state): State<AppState>,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<PublishForm>,
) -> Result<Response, WebError> {
    let moments = state.config.station_app.moments.clone();
    let moment = parse_moment(&form.moment)
        .filter(|m| moments.contains(m))
        .ok_or(office::Refusal::NoSuchMoment)
        .map_err(|refusal| WebError::from(office::OfficeError::from(refusal)))?;
    let (election, actor) = (id.clone(), user.actor());
    office(&state, move |office| {
        office.publish_turnout(&actor, &election, &moments, moment)
    })
    .await?;
    Ok(see(&format!("/elections/{id}/stembureau-app#turnout")))
}

/// The published turnout figures as JSON, for the municipality's website and the press.
pub async fn published(
    State(state): State<AppState>,
    InElection(id): InElection,
) -> Result<Response, WebError> {
    let (election, publications) =
        office(&state, move |office| office.turnout_publications(&id)).await?;
    Ok(download(
        "application/json",
        &format!("opkomst-{}.json", election.id),
        publications_json(&election, &publications)
            .to_string()
            .into_bytes(),
    ))
}

/// The published turnout as a spreadsheet (CSV, `;`-separated as Dutch spreadsheets read it,
/// UTF-8): per publication a row for the municipality and one per polling station.
pub async fn published_csv(
    State(state): State<AppState>,
    InElection(id): InElection,
) -> Result<Response, WebError> {
    let (election, publications) =
        office(&state, move |office| office.turnout_publications(&id)).await?;
    let bytes = turnout_csv(&election.name, &publications).map_err(WebError::internal)?;
    Ok(download(
        "text/csv; charset=utf-8",
        &format!("opkomst-{}.csv", election.id),
        bytes,
    ))
}
