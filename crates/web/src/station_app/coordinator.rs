//! The coordinator's side of the polling-station app, in results entry: turnout per polling
//! station and for the municipality (and publishing it), the device sessions (and revoking one),
//! new credentials for a polling station, and a warning wherever the app's count differs from the
//! definitive count typed from the paper report.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use model::tally::Tally;
use model::turnout::{self, moment_text, parse_moment};
use model::{Election, PollingStationNumber};
use serde::Deserialize;
use serde_json::json;
use store::{CredentialSource, NewCredential};

use crate::AppState;
use crate::auth::CurrentUser;
use crate::lang::Lang;
use crate::pages::{Chrome, attempt, blocking, download, error_page, render};
use crate::service::{Service, ServiceError};

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
    election_id: String,
    election_name: String,
    address: Option<super::Address>,
    moments: Vec<MomentView>,
    electorate: Option<u64>,
    electorate_stated: bool,
    rows: Vec<StationRow>,
    sessions: Vec<SessionRow>,
    warnings: usize,
}

/// Everything the overview is made of, read in one go.
struct Gathered {
    election: std::sync::Arc<Election>,
    /// The electorate is the one the municipality stated (not the stations' sum).
    electorate_stated: bool,
    credentials: Vec<store::StationCredential>,
    turnout: turnout::Overview,
    publications: Vec<store::TurnoutPublication>,
    counts: Vec<(PollingStationNumber, String, i64)>,
    entries: Vec<store::StoredEntry>,
}

/// The municipality's turnout: the election, the overview at the published moments, and whether
/// the electorate is the one the municipality stated.
fn turnout_of(
    service: &Service,
    id: &str,
    moments: &[chrono::NaiveTime],
) -> Result<(std::sync::Arc<Election>, turnout::Overview, bool), ServiceError> {
    let election = service.election(id)?;
    let store = service.store();
    let reports = store.turnout_reports(&election.id, None)?;
    // The electorate the municipality stated; failing that, the polling stations' registered
    // voters added up.
    let stated = store.electorate(&election.id)?;
    let overview = turnout::overview(
        &election.polling_stations,
        moments,
        &reports,
        stated.or_else(|| turnout::electorate(&election.polling_stations)),
    );
    Ok((election, overview, stated.is_some()))
}

fn gather(
    service: &Service,
    id: &str,
    moments: &[chrono::NaiveTime],
) -> Result<Gathered, ServiceError> {
    let (election, turnout, electorate_stated) = turnout_of(service, id, moments)?;
    let store = service.store();
    Ok(Gathered {
        electorate_stated,
        credentials: store.station_credentials(&election.id)?,
        publications: store.turnout_publications(&election.id)?,
        counts: store.tally_counts(&election.id, None)?,
        entries: store.entries(&election.id)?,
        turnout,
        election,
    })
}

/// The figures published for the moment at `index` of the overview: the municipality's, and each
/// polling station's (`null` where it has not reported), as municipalities put them on their site.
fn figures(overview: &turnout::Overview, index: usize) -> Option<serde_json::Value> {
    let total = overview.totals.get(index)?;
    Some(json!({
        "moment": moment_text(total.moment),
        "polling_stations": total.stations,
        "reported": total.reported,
        "admitted": total.admitted,
        "electorate": overview.electorate,
        // Tenths of a percent as a number (28.0), absent until every station reported.
        "turnout_percent": total.permille.map(|p| p as f64 / 10.0),
        "per_polling_station": overview.stations.iter().map(|station| json!({
            "number": station.number.get(),
            "name": station.name,
            "admitted": station.at_moments.get(index).copied().flatten(),
        })).collect::<Vec<_>>(),
    }))
}

/// The app's tally of one polling station, when it counted anything.
fn station_tally(
    election: &Election,
    number: PollingStationNumber,
    counts: &[(PollingStationNumber, String, i64)],
) -> Option<Result<Tally, String>> {
    let marks: Vec<(&str, i64)> = counts
        .iter()
        .filter(|(n, _, _)| *n == number)
        .map(|(_, mark, count)| (mark.as_str(), *count))
        .collect();
    if marks.is_empty() {
        return None;
    }
    let (_, contest) = Service::station(election, &number.to_string()).ok()?;
    Some(Tally::from_stored(contest, marks).map_err(|e| e.to_string()))
}

fn difference_text(lang: Lang, differences: &[model::tally::TallyDifference]) -> String {
    let shown: Vec<String> = differences
        .iter()
        .take(8)
        .map(|d| {
            format!(
                "{}: {} {}, {} {}",
                d.field,
                lang.pick("app", "app"),
                d.app,
                lang.pick("telling", "count"),
                d.definitive
            )
        })
        .collect();
    let more = differences.len().saturating_sub(shown.len());
    let mut text = shown.join("; ");
    if more > 0 {
        text.push_str(&format!("; {} {more}", lang.pick("en verder", "and more:")));
    }
    text
}

/// The coordinator's overview of the app.
pub async fn overview(
    State(state): State<AppState>,
    lang: Lang,
    Path(election_id): Path<String>,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    let service = state.service.clone();
    let id = election_id.clone();
    let moments = state.config.station_app.moments.clone();
    let gathered = attempt!(
        lang,
        blocking(move || gather(&service, &id, &moments)).await
    );
    let Gathered {
        election,
        electorate_stated,
        credentials,
        turnout,
        publications,
        counts,
        entries,
    } = gathered;
    let dutch = !lang.is_en();
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
                    .map(|p| p.published_at.get(11..16).unwrap_or_default().to_string() + " UTC")
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
                    CredentialSource::Ceremony => lang.pick("ceremonie", "ceremony").to_string(),
                    CredentialSource::Coordinator => format!(
                        "{} {}",
                        lang.pick("coördinator", "coordinator"),
                        c.issued_at.get(..16).unwrap_or_default().replace('T', " ")
                    ),
                })
                .unwrap_or_else(|| lang.pick("geen", "none").into());
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
                    Some(_) => lang.pick("definitief", "definitive").into(),
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
    render(
        StatusCode::OK,
        &OverviewPage {
            chrome: Chrome::new(&state, lang, Some(&user)),
            election_id,
            election_name: election.name.clone(),
            address: state.station_app.address(),
            moments,
            electorate: turnout.electorate,
            electorate_stated,
            rows,
            sessions,
            warnings,
        },
    )
}

/// Revokes one device session at once.
pub async fn revoke(
    State(state): State<AppState>,
    lang: Lang,
    Path((election_id, session)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    let Ok(election) = model::ElectionId::new(election_id.as_str()) else {
        return crate::pages::not_found(lang).await;
    };
    let Some(revoked) = state.station_app.sessions.revoke(&election, &session) else {
        return error_page(
            lang,
            StatusCode::NOT_FOUND,
            "Deze sessie bestaat niet (meer).",
            "This session does not exist (any more).",
        );
    };
    let service = state.service.clone();
    let actor = user.actor();
    let logged = blocking(move || {
        service.store().log_event(
            &actor,
            "station_app.revoked",
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
        eprintln!("urna serve: the revocation of a session could not be logged");
    }
    Redirect::to(&format!("/elections/{election_id}/stembureau-app#sessions")).into_response()
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
    election_id: String,
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
    Path((election_id, station)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<IssueForm>,
) -> Response {
    if form.confirm != "yes" {
        return error_page(
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "Bevestig eerst dat het vorige wachtwoord van dit stembureau vervalt.",
            "First confirm that this polling station's previous password stops working.",
        );
    }
    let service = state.service.clone();
    let actor = user.actor();
    let id = election_id.clone();
    let issued = blocking(move || -> Result<_, ServiceError> {
        let election = service.election(&id)?;
        let (found, _) = Service::station(&election, &station)?;
        let password = seal::password::generate();
        let verifier = seal::password::verifier(&seal::password::normalise(&password))
            .map_err(|e| ServiceError::BadRequest(e.to_string()))?;
        let login = seal::ceremony::login(
            &seal::package::ElectionRef {
                id: election.id.as_str().to_string(),
                name: election.name.clone(),
            },
            &seal::package::Office::PollingStation {
                number: found.number.get(),
                name: found.name.clone(),
            },
        );
        service.store().set_station_credentials(
            &actor,
            &election.id,
            vec![NewCredential {
                station: found.number,
                login: login.clone(),
                verifier,
            }],
            CredentialSource::Coordinator,
        )?;
        let (number, label) = (found.number, format!("{} · {}", found.number, found.name));
        Ok((election.clone(), number, label, login, password))
    })
    .await;
    let (election, number, station, login, password) = attempt!(lang, issued);
    let revoked = state
        .station_app
        .sessions
        .revoke_station(&election.id, number);
    if !revoked.is_empty() {
        let service = state.service.clone();
        let actor = user.actor();
        let ids: Vec<String> = revoked.iter().map(|s| s.id.clone()).collect();
        let election_id = election.id.clone();
        let _ = blocking(move || {
            service.store().log_event(
                &actor,
                "station_app.revoked",
                json!({
                    "election": election_id.as_str(),
                    "polling_station": number.get(),
                    "sessions": ids,
                    "reason": "new credential",
                }),
            )
        })
        .await;
    }
    render(
        StatusCode::OK,
        &CredentialPage {
            chrome: Chrome::new(&state, lang, Some(&user)),
            election_id,
            election_name: election.name.clone(),
            station,
            login,
            password,
            address: state.station_app.address(),
            revoked: revoked.len(),
        },
    )
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
    lang: Lang,
    Path(election_id): Path<String>,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<ElectorateForm>,
) -> Response {
    let label = lang.pick("kiesgerechtigden", "electorate");
    let electorate = match model::count::parse_count("electorate", label, &form.electorate) {
        Ok(n) if n > 0 => u64::from(n),
        Ok(_) => {
            return error_page(
                lang,
                StatusCode::UNPROCESSABLE_ENTITY,
                "Vul het aantal kiesgerechtigden in (meer dan 0). Er is niets gewijzigd.",
                "Fill in the electorate (more than 0). Nothing was changed.",
            );
        }
        Err(error) => {
            return error_page(
                lang,
                StatusCode::UNPROCESSABLE_ENTITY,
                &format!("{} Er is niets gewijzigd.", error.message_nl()),
                &format!("{error}. Nothing was changed."),
            );
        }
    };
    let service = state.service.clone();
    let actor = user.actor();
    let id = election_id.clone();
    let stored = blocking(move || -> Result<_, ServiceError> {
        let election = service.election(&id)?;
        Ok(service
            .store()
            .set_electorate(&actor, &election.id, electorate)?)
    })
    .await;
    attempt!(lang, stored);
    Redirect::to(&format!("/elections/{election_id}/stembureau-app#turnout")).into_response()
}

/// The fields of the publish form.
#[derive(Debug, Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    moment: String,
}

/// Publishes the municipality's turnout at a moment: the figures are recorded as they stand and
/// offered as JSON for the website and the press.
pub async fn publish(
    State(state): State<AppState>,
    lang: Lang,
    Path(election_id): Path<String>,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<PublishForm>,
) -> Response {
    let moments = state.config.station_app.moments.clone();
    let Some(moment) = parse_moment(&form.moment).filter(|m| moments.contains(m)) else {
        return error_page(
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "Geen tijdstip waarop de opkomst wordt gepubliceerd.",
            "Not a moment at which turnout is published.",
        );
    };
    let service = state.service.clone();
    let actor = user.actor();
    let id = election_id.clone();
    let published = blocking(move || publish_moment(&service, &actor, &id, &moments, moment)).await;
    attempt!(lang, published);
    Redirect::to(&format!("/elections/{election_id}/stembureau-app#turnout")).into_response()
}

/// Records the municipality's turnout at `moment` (one of `moments`) as it stands, with every
/// polling station's figure: what the coordinator's *Publiceren* does.
pub fn publish_moment(
    service: &Service,
    actor: &store::Actor,
    election_id: &str,
    moments: &[chrono::NaiveTime],
    moment: chrono::NaiveTime,
) -> Result<store::TurnoutPublication, ServiceError> {
    let (election, turnout, _) = turnout_of(service, election_id, moments)?;
    let figures = turnout
        .totals
        .iter()
        .position(|t| t.moment == moment)
        .and_then(|index| figures(&turnout, index))
        .ok_or_else(|| ServiceError::BadRequest("moment".into()))?;
    Ok(service
        .store()
        .publish_turnout(actor, &election.id, moment_text(moment), figures)?)
}

/// The election and its turnout publications, oldest first.
async fn publications_of(
    state: &AppState,
    election_id: String,
) -> Result<
    Result<(std::sync::Arc<Election>, Vec<store::TurnoutPublication>), ServiceError>,
    Response,
> {
    let service = state.service.clone();
    blocking(move || -> Result<_, ServiceError> {
        let election = service.election(&election_id)?;
        let publications = service.store().turnout_publications(&election.id)?;
        Ok((election, publications))
    })
    .await
}

/// The published turnout figures as JSON, for the municipality's website and the press.
pub async fn published(
    State(state): State<AppState>,
    lang: Lang,
    Path(election_id): Path<String>,
) -> Response {
    let (election, publications) = attempt!(lang, publications_of(&state, election_id).await);
    download(
        "application/json",
        &format!("opkomst-{}.json", election.id),
        publications_json(&election, &publications)
            .to_string()
            .into_bytes(),
    )
}

/// `opkomst.json`: the election and every publication of its turnout, oldest first.
pub fn publications_json(
    election: &Election,
    publications: &[store::TurnoutPublication],
) -> serde_json::Value {
    json!({
        "election": election.id.as_str(),
        "name": election.name,
        "publications": publications.iter().map(|p| json!({
            "published_at": p.published_at,
            "figures": p.figures,
        })).collect::<Vec<_>>(),
    })
}

/// The published turnout as a spreadsheet (CSV, `;`-separated as Dutch spreadsheets read it,
/// UTF-8): per publication a row for the municipality (`gemeente`) and one per polling station.
pub async fn published_csv(
    State(state): State<AppState>,
    lang: Lang,
    Path(election_id): Path<String>,
) -> Response {
    let (election, publications) = attempt!(lang, publications_of(&state, election_id).await);
    match turnout_csv(&election.name, &publications) {
        Ok(bytes) => download(
            "text/csv; charset=utf-8",
            &format!("opkomst-{}.csv", election.id),
            bytes,
        ),
        Err(error) => (StatusCode::INTERNAL_SERVER_ERROR, error.to_string()).into_response(),
    }
}

/// `opkomst.csv`: the CSV of [`published_csv`].
pub fn turnout_csv(
    municipality: &str,
    publications: &[store::TurnoutPublication],
) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    writer.write_record([
        "tijdstip",
        "gepubliceerd",
        "stembureau",
        "naam",
        "toegelaten_kiezers",
        "kiesgerechtigden",
        "opkomst_procent",
    ])?;
    let text = |value: &serde_json::Value| match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    for publication in publications {
        let figures = &publication.figures;
        let moment = text(&figures["moment"]);
        writer.write_record([
            moment.as_str(),
            &publication.published_at,
            "gemeente",
            municipality,
            &text(&figures["admitted"]),
            &text(&figures["electorate"]),
            &text(&figures["turnout_percent"]),
        ])?;
        for station in figures["per_polling_station"]
            .as_array()
            .into_iter()
            .flatten()
        {
            writer.write_record([
                moment.as_str(),
                &publication.published_at,
                &text(&station["number"]),
                &text(&station["name"]),
                &text(&station["admitted"]),
                "",
                "",
            ])?;
        }
    }
    writer
        .into_inner()
        .map_err(|error| error.into_error().into())
}
