//! The chair's pages: login, turnout, the count helper and its printable draft.
//!
//! Every page works without JavaScript; every change is a POST with the session's CSRF token,
//! answered with a redirect that says what was stored. With JavaScript, an idle page goes to the
//! lock page at the session's lock time, so a device left alone does not keep showing the
//! figures (not a meta refresh: that would interrupt a chair at work, WCAG 2.2.1).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use model::count::parse_count;
use model::tally::{Mark, Tally};
use model::turnout::{moment_text, parse_moment};
use model::{Contest, Election, Jurisdiction};
use serde::Deserialize;

use super::sessions::{Refusal, StationSession};
use super::{COOKIE, PATH, log};
use crate::AppState;
use crate::auth::{self, MAX_PASSWORD_LENGTH, tokens_equal};
use crate::lang::{Lang, cookie_in};
use crate::pages::{Chrome, blocking, error_page, render};
use crate::service::Service;

/// The small script of the app: the draft's print button and the idle lock.
pub async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../../assets/station.js"),
    )
        .into_response()
}

fn internal(lang: Lang) -> Response {
    error_page(
        lang,
        StatusCode::INTERNAL_SERVER_ERROR,
        "Er ging iets mis op de server; er is niets opgeslagen. Probeer het opnieuw of waarschuw de gemeente.",
        "Something went wrong on the server; nothing was stored. Try again or tell the municipality.",
    )
}

fn session_cookie(token: &str) -> Option<HeaderValue> {
    HeaderValue::from_str(&format!(
        "{COOKIE}={token}; Path={PATH}; HttpOnly; Secure; SameSite=Strict"
    ))
    .ok()
}

fn home_of(session: &StationSession) -> String {
    format!("{PATH}/{}", session.station)
}

// --- login, lock, logout ---

#[derive(Template)]
#[template(path = "station_login.html")]
struct LoginPage {
    chrome: Chrome,
    error: Option<String>,
    login: String,
}

#[derive(Template)]
#[template(path = "station_locked.html")]
struct LockedPage {
    chrome: Chrome,
    station: String,
    csrf: String,
    error: Option<String>,
}

fn login_page(state: &AppState, lang: Lang, status: StatusCode, error: Option<String>) -> Response {
    render(
        status,
        &LoginPage {
            chrome: Chrome::new(state, lang, None),
            error,
            login: String::new(),
        },
    )
}

/// The page of a locked session: the password again, or log out.
pub fn locked_page(lang: Lang, session: &StationSession) -> Response {
    locked_with(lang, session, None, StatusCode::LOCKED)
}

fn locked_with(
    lang: Lang,
    session: &StationSession,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    render(
        status,
        &LockedPage {
            chrome: Chrome {
                lang,
                user: None,
                airgap_disabled: false,
            },
            station: format!("{} ({})", session.station, session.login),
            csrf: session.csrf.clone(),
            error,
        },
    )
}

/// `/stembureau`: the login, the lock page, or the polling station's home.
pub async fn start(State(state): State<AppState>, lang: Lang, headers: HeaderMap) -> Response {
    let limits = state.config.station_app.limits;
    match cookie_in(&headers, COOKIE).map(|t| state.station_app.sessions.get(t, limits)) {
        Some(Ok(session)) => Redirect::to(&home_of(&session)).into_response(),
        Some(Err(Refusal::Locked(session))) => locked_page(lang, &session),
        _ => login_page(&state, lang, StatusCode::OK, None),
    }
}

/// Longest login looked up or logged.
const MAX_LOGIN_LENGTH: usize = 120;

/// The login form's fields.
#[derive(Debug, Deserialize)]
pub struct LoginForm {
    login: String,
    password: String,
}

fn refused_login(lang: Lang) -> String {
    lang.pick(
        "Inlognaam of wachtwoord klopt niet. Let op: het wachtwoord staat op het inloggegevensblad van dit stembureau.",
        "Login or password is wrong. The password is on this polling station's credential sheet.",
    )
    .to_string()
}

/// Whether `typed` is the password of `verifier`, as the credential sheets' passwords are typed
/// (with or without dashes and spaces, any case); bounded work for an overlong input.
async fn password_matches(state: &AppState, typed: String, verifier: String) -> bool {
    if typed.chars().count() > MAX_PASSWORD_LENGTH {
        return false;
    }
    state
        .check_password(move || {
            seal::password::matches(&seal::password::normalise(&typed), &verifier)
        })
        .await
}

/// Logs a polling station in on this device.
pub async fn login(
    State(state): State<AppState>,
    lang: Lang,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    if crate::guard::foreign_origin_in(&headers) {
        return error_page(
            lang,
            StatusCode::FORBIDDEN,
            "Dit formulier kwam van een andere website en is geweigerd.",
            "This form came from another website and was refused.",
        );
    }
    let app = &state.station_app;
    // A login is `ELECTION-SBn`; anything longer is nobody's, and is kept short where it is
    // logged, so that a stranger cannot write megabytes into the audit log.
    let login: String = form.login.trim().chars().take(MAX_LOGIN_LENGTH).collect();
    tokio::time::sleep(auth::backoff(&state.config.limits, app.failures(&login))).await;
    let service = state.service.clone();
    let lookup = login.clone();
    let credential = match blocking(move || service.store().station_credential(&lookup)).await {
        Ok(Ok(credential)) => credential,
        _ => return internal(lang),
    };
    let verifier = credential
        .as_ref()
        .map_or_else(|| auth::dummy_hash().to_string(), |c| c.verifier.clone());
    let matches = password_matches(&state, form.password, verifier).await;
    let credential = match credential {
        Some(credential) if matches => credential,
        known => {
            // Only known logins are counted: a stranger's guesses cannot fill the table.
            if known.is_some() {
                app.failed(&login);
            }
            let service = state.service.clone();
            let actor = store::Actor::new("stembureau-app", &login);
            let reason = if known.is_some() {
                "wrong password"
            } else {
                "unknown login"
            };
            let _ = blocking(move || {
                service.store().log_event(
                    &actor,
                    "station_app.login_failed",
                    serde_json::json!({ "reason": reason }),
                )
            })
            .await;
            return render(
                StatusCode::UNAUTHORIZED,
                &LoginPage {
                    chrome: Chrome::new(&state, lang, None),
                    error: Some(refused_login(lang)),
                    login,
                },
            );
        }
    };
    app.succeeded(&login);
    let device: String = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("?")
        .chars()
        .take(160)
        .collect();
    let session = StationSession {
        id: auth::random_token()[..12].to_string(),
        election: credential.election.clone(),
        station: credential.station,
        login: credential.login.clone(),
        csrf: auth::random_token(),
        device: device.clone(),
        started_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    };
    let token = app.sessions.start(session.clone());
    log(
        &state,
        &session,
        "station_app.login",
        serde_json::json!({ "device": device }),
    )
    .await;
    let mut response = Redirect::to(&home_of(&session)).into_response();
    if let Some(cookie) = session_cookie(&token) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

/// The unlock form's fields.
#[derive(Debug, Deserialize)]
pub struct UnlockForm {
    password: String,
    #[serde(default)]
    csrf: String,
}

/// Unlocks a locked session with the polling station's password.
pub async fn unlock(
    State(state): State<AppState>,
    lang: Lang,
    headers: HeaderMap,
    Form(form): Form<UnlockForm>,
) -> Response {
    let limits = state.config.station_app.limits;
    let app = &state.station_app;
    let Some(token) = cookie_in(&headers, COOKIE).map(str::to_string) else {
        return Redirect::to(PATH).into_response();
    };
    let session = match app.sessions.get(&token, limits) {
        Ok(session) => return Redirect::to(&home_of(&session)).into_response(),
        Err(Refusal::Locked(session)) => session,
        Err(_) => return Redirect::to(PATH).into_response(),
    };
    if !tokens_equal(&form.csrf, &session.csrf) || crate::guard::foreign_origin_in(&headers) {
        return locked_with(
            lang,
            &session,
            Some(
                lang.pick(
                    "Het formulier is verlopen; probeer het opnieuw.",
                    "The form has expired; try again.",
                )
                .into(),
            ),
            StatusCode::FORBIDDEN,
        );
    }
    tokio::time::sleep(auth::backoff(
        &state.config.limits,
        app.failures(&session.login),
    ))
    .await;
    let service = state.service.clone();
    let lookup = session.login.clone();
    let credential = match blocking(move || service.store().station_credential(&lookup)).await {
        Ok(Ok(credential)) => credential,
        _ => return internal(lang),
    };
    // The credential must still be the station's: a replaced password does not unlock.
    let verifier = credential
        .filter(|c| c.election == session.election && c.station == session.station)
        .map_or_else(|| auth::dummy_hash().to_string(), |c| c.verifier);
    if !password_matches(&state, form.password, verifier).await {
        app.failed(&session.login);
        log(
            &state,
            &session,
            "station_app.unlock_failed",
            serde_json::json!({}),
        )
        .await;
        return locked_with(
            lang,
            &session,
            Some(refused_login(lang)),
            StatusCode::UNAUTHORIZED,
        );
    }
    app.succeeded(&session.login);
    if app.sessions.unlock(&token).is_none() {
        return Redirect::to(PATH).into_response();
    }
    log(
        &state,
        &session,
        "station_app.unlock",
        serde_json::json!({}),
    )
    .await;
    Redirect::to(&home_of(&session)).into_response()
}

/// Locks the session now: the chair steps away, or the page's idle refresh came.
pub async fn lock_now(
    State(state): State<AppState>,
    headers: HeaderMap,
    Extension(session): Extension<StationSession>,
) -> Response {
    if let Some(token) = cookie_in(&headers, COOKIE) {
        state.station_app.sessions.lock(token);
    }
    log(&state, &session, "station_app.lock", serde_json::json!({})).await;
    Redirect::to(PATH).into_response()
}

/// Ends the session on this device.
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    Extension(session): Extension<StationSession>,
) -> Response {
    if let Some(token) = cookie_in(&headers, COOKIE) {
        state.station_app.sessions.end(token);
    }
    log(
        &state,
        &session,
        "station_app.logout",
        serde_json::json!({}),
    )
    .await;
    super::with_cookie_removed(Redirect::to(PATH).into_response())
}

// --- the polling station's pages ---

/// What every page of a logged-in station shows in its frame.
struct Frame {
    chrome: Chrome,
    station: String,
    station_name: String,
    election_name: String,
    home: String,
    csrf: String,
    lock_seconds: u64,
    /// The count helper is offered (a Dutch election: votes per candidate).
    count_helper: bool,
}

async fn frame(
    state: &AppState,
    lang: Lang,
    session: &StationSession,
) -> Result<(Frame, std::sync::Arc<Election>), Response> {
    let service = state.service.clone();
    let id = session.election.as_str().to_string();
    let election = match blocking(move || service.election(&id)).await {
        Ok(Ok(election)) => election,
        _ => return Err(internal(lang)),
    };
    let name = Service::station(&election, &session.station.to_string())
        .map(|(s, _)| s.name.clone())
        .unwrap_or_default();
    Ok((
        Frame {
            chrome: Chrome {
                lang,
                user: None,
                airgap_disabled: state.airgap.get() == crate::airgap::Connectivity::Disabled,
            },
            station: session.station.to_string(),
            station_name: name,
            election_name: election.name.clone(),
            home: home_of(session),
            csrf: session.csrf.clone(),
            // Whole seconds, rounded up: the page never locks before the server would.
            lock_seconds: state
                .config
                .station_app
                .limits
                .lock_after
                .as_millis()
                .div_ceil(1000)
                .max(1) as u64,
            count_helper: election.jurisdiction == Jurisdiction::Netherlands,
        },
        election,
    ))
}

#[derive(Template)]
#[template(path = "station_home.html")]
struct HomePage {
    chrome: Chrome,
    frame: Frame,
    session_id: String,
}

/// The polling station's start page.
pub async fn home(
    State(state): State<AppState>,
    lang: Lang,
    Extension(session): Extension<StationSession>,
) -> Response {
    let (frame, _) = match frame(&state, lang, &session).await {
        Ok(frame) => frame,
        Err(response) => return response,
    };
    render(
        StatusCode::OK,
        &HomePage {
            chrome: frame.chrome.clone(),
            frame,
            session_id: session.id.clone(),
        },
    )
}

// --- turnout ---

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

async fn station_reports(
    state: &AppState,
    session: &StationSession,
) -> Option<Vec<model::turnout::Report>> {
    let service = state.service.clone();
    let election = session.election.clone();
    let station = session.station;
    blocking(move || service.store().turnout_reports(&election, Some(station)))
        .await
        .ok()?
        .ok()
}

async fn turnout_page(
    state: &AppState,
    lang: Lang,
    session: &StationSession,
    saved: bool,
    error: Option<String>,
    value: String,
    status: StatusCode,
) -> Response {
    let (frame, _) = match frame(state, lang, session).await {
        Ok(frame) => frame,
        Err(response) => return response,
    };
    let Some(reports) = station_reports(state, session).await else {
        return internal(lang);
    };
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
                .unwrap_or_else(|| lang.pick("tussentijds", "in between").to_string()),
            r.admitted,
            r.reported_at.get(11..16).unwrap_or_default().to_string(),
        )
    });
    // A later moment lower than an earlier one is stored (it may be a correction), but shown.
    let known: Vec<(&str, u32)> = rows
        .iter()
        .filter_map(|r| r.admitted.map(|a| (r.moment.as_str(), a)))
        .collect();
    let warning = known.windows(2).find(|w| w[1].1 < w[0].1).map(|w| {
        format!(
            "{} {} ({}) {} {} ({}). {}",
            lang.pick("Het aantal om", "The number at"),
            w[1].0,
            w[1].1,
            lang.pick("is lager dan om", "is lower than at"),
            w[0].0,
            w[0].1,
            lang.pick(
                "Klopt dat niet, geef het juiste aantal dan opnieuw door.",
                "If that is wrong, report the right number again."
            )
        )
    });
    render(
        status,
        &TurnoutPage {
            chrome: frame.chrome.clone(),
            frame,
            rows,
            suggested,
            latest,
            saved,
            warning,
            error,
            value,
        },
    )
}

/// The turnout page.
pub async fn turnout_form(
    State(state): State<AppState>,
    lang: Lang,
    Query(query): Query<Saved>,
    Extension(session): Extension<StationSession>,
) -> Response {
    turnout_page(
        &state,
        lang,
        &session,
        query.opgeslagen.is_some(),
        None,
        String::new(),
        StatusCode::OK,
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
) -> Response {
    let (moment, admitted) = match read_turnout(lang, &state.config.station_app.moments, &form) {
        Ok(read) => read,
        Err(error) => {
            return turnout_page(
                &state,
                lang,
                &session,
                false,
                Some(error),
                form.admitted,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let service = state.service.clone();
    let actor = session.actor();
    let from = session.write();
    match blocking(move || {
        service
            .store()
            .report_turnout(&actor, from, moment, admitted)
    })
    .await
    {
        Ok(Ok(_)) => {
            Redirect::to(&format!("{}/opkomst?opgeslagen", home_of(&session))).into_response()
        }
        _ => internal(lang),
    }
}

/// The turnout form read: the moment it is for (`None`: not a published moment, reported any
/// time) and the admitted voters; or why not, in the user's language.
fn read_turnout(
    lang: Lang,
    moments: &[chrono::NaiveTime],
    form: &TurnoutForm,
) -> Result<(Option<String>, u32), String> {
    let moment = match form.moment.trim() {
        "" => None,
        text => match parse_moment(text).filter(|m| moments.contains(m)) {
            Some(moment) => Some(moment_text(moment)),
            None => {
                return Err(format!(
                    "{} {text:?}",
                    lang.pick(
                        "Geen tijdstip waarop de opkomst wordt gepubliceerd:",
                        "Not a moment at which turnout is published:"
                    )
                ));
            }
        },
    };
    let label = lang.pick("toegelaten kiezers", "admitted voters");
    match parse_count("admitted", label, &form.admitted) {
        Ok(_) if form.admitted.trim().is_empty() => Err(lang
            .pick(
                "Vul het aantal toegelaten kiezers in.",
                "Fill in the number of admitted voters.",
            )
            .to_string()),
        Ok(admitted) => Ok((moment, admitted)),
        Err(error) => Err(match lang.0 {
            model::Language::Nl => error.message_nl(),
            model::Language::En => error.to_string(),
        }),
    }
}

// --- the count helper ---

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
    fn contest(&self, session: &StationSession) -> Option<&Contest> {
        Service::station(&self.election, &session.station.to_string())
            .ok()
            .map(|(_, contest)| contest)
    }
}

/// The frame and election of a station that has the count helper (a Dutch election), or the
/// page that says why not.
async fn count_election(
    state: &AppState,
    lang: Lang,
    session: &StationSession,
) -> Result<(Frame, std::sync::Arc<Election>), Response> {
    let (frame, election) = frame(state, lang, session).await?;
    if election.jurisdiction != Jurisdiction::Netherlands {
        return Err(error_page(
            lang,
            StatusCode::NOT_FOUND,
            "De telhulp volgt het Nederlandse proces-verbaal (stemmen per kandidaat); voor deze verkiezing is er alleen de opkomst.",
            "The count helper follows the Dutch report (votes per candidate); for this election there is only turnout.",
        ));
    }
    Ok((frame, election))
}

async fn count_context(
    state: &AppState,
    lang: Lang,
    session: &StationSession,
) -> Result<CountContext, Response> {
    let (frame, election) = count_election(state, lang, session).await?;
    let Ok((_, contest)) = Service::station(&election, &session.station.to_string()) else {
        return Err(internal(lang));
    };
    let service = state.service.clone();
    let id = session.election.clone();
    let station = session.station;
    let counts = match blocking(move || service.store().tally_counts(&id, Some(station))).await {
        Ok(Ok(counts)) => counts,
        _ => return Err(internal(lang)),
    };
    let Ok(tally) = Tally::from_stored(contest, counts.into_iter().map(|(_, m, n)| (m, n))) else {
        return Err(internal(lang));
    };
    let admitted = station_reports(state, session)
        .await
        .and_then(|reports| reports.last().map(|r| r.admitted));
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
            std::cmp::Ordering::Equal => lang
                .pick("D en H zijn gelijk", "D and H are equal")
                .to_string(),
            std::cmp::Ordering::Greater => format!(
                "{} {}",
                lang.pick(
                    "H is groter dan D: meer getelde stembiljetten dan toegelaten kiezers:",
                    "H is greater than D: more ballots counted than voters admitted:"
                ),
                cast - d
            ),
            std::cmp::Ordering::Less => format!(
                "{} {}",
                lang.pick(
                    "H is kleiner dan D: minder getelde stembiljetten dan toegelaten kiezers:",
                    "H is smaller than D: fewer ballots counted than voters admitted:"
                ),
                d - cast
            ),
        }),
    }
}

fn describe(lang: Lang, contest: &Contest, mark: &str) -> String {
    match Mark::parse(mark) {
        Ok(Mark::Blank) => lang.pick("blanco", "blank").into(),
        Ok(Mark::Invalid) => lang.pick("ongeldig", "invalid").into(),
        Ok(Mark::Candidate { list, position }) => {
            let name = contest
                .lists
                .iter()
                .find(|l| l.number == list)
                .and_then(|l| l.candidates.iter().find(|c| c.position == position))
                .map(|c| c.full_name())
                .unwrap_or_default();
            format!(
                "{} {list}, {} {position} {name}",
                lang.pick("lijst", "list"),
                lang.pick("kandidaat", "candidate")
            )
        }
        Err(_) => String::new(),
    }
}

fn flash(lang: Lang, contest: &Contest, query: &Flash) -> Option<String> {
    if let Some(mark) = &query.geteld {
        return Some(format!(
            "{} {}",
            lang.pick("Geteld: 1 stem voor", "Counted: 1 vote for"),
            describe(lang, contest, mark)
        ));
    }
    query.hersteld.as_ref().map(|mark| {
        if mark.is_empty() {
            lang.pick(
                "Er was op dit apparaat niets om te herstellen.",
                "There was nothing on this device to undo.",
            )
            .to_string()
        } else {
            format!(
                "{} {}",
                lang.pick(
                    "Hersteld: 1 stem teruggenomen van",
                    "Undone: 1 vote taken back from"
                ),
                describe(lang, contest, mark)
            )
        }
    })
}

/// The count helper's overview: lists, blank, invalid, the report's totals.
pub async fn count(
    State(state): State<AppState>,
    lang: Lang,
    Query(query): Query<Flash>,
    Extension(session): Extension<StationSession>,
) -> Response {
    let context = match count_context(&state, lang, &session).await {
        Ok(context) => context,
        Err(response) => return response,
    };
    let Some(contest) = context.contest(&session) else {
        return internal(lang);
    };
    let totals = totals(lang, contest, &context.tally, context.admitted);
    let flash = flash(lang, contest, &query);
    render(
        StatusCode::OK,
        &CountPage {
            chrome: context.frame.chrome.clone(),
            frame: context.frame,
            totals,
            flash,
        },
    )
}

/// One list's candidates as large buttons.
pub async fn count_list(
    State(state): State<AppState>,
    lang: Lang,
    Path((_, list)): Path<(String, u32)>,
    Query(query): Query<Flash>,
    Extension(session): Extension<StationSession>,
) -> Response {
    let context = match count_context(&state, lang, &session).await {
        Ok(context) => context,
        Err(response) => return response,
    };
    let Some(contest) = context.contest(&session) else {
        return internal(lang);
    };
    let Some((index, found)) = contest
        .lists
        .iter()
        .enumerate()
        .find(|(_, l)| l.number.get() == list)
    else {
        return crate::pages::not_found(lang).await;
    };
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
    render(
        StatusCode::OK,
        &ListPage {
            chrome: context.frame.chrome.clone(),
            list_number: found.number.get(),
            list_name: found.name.clone(),
            list_total: context.tally.list_total(index),
            buttons,
            flash,
            frame: context.frame,
        },
    )
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
) -> Response {
    // Only the contest is needed to check the mark: not the tally or the turnout (a tap is the
    // hot path of the count).
    let election = match count_election(&state, lang, &session).await {
        Ok((_, election)) => election,
        Err(response) => return response,
    };
    let Ok((_, contest)) = Service::station(&election, &session.station.to_string()) else {
        return internal(lang);
    };
    let mark = match Mark::parse(&form.mark).and_then(|m| m.locate(contest).map(|_| m)) {
        Ok(mark) => mark,
        Err(error) => {
            return error_page(
                lang,
                StatusCode::UNPROCESSABLE_ENTITY,
                &format!(
                    "Deze stem bestaat niet in deze verkiezing; er is niets geteld. ({error})"
                ),
                &format!(
                    "This vote does not exist in this election; nothing was counted. ({error})"
                ),
            );
        }
    };
    let service = state.service.clone();
    let actor = session.actor();
    let from = session.write();
    let text = mark.to_string();
    match blocking(move || service.store().add_tally_mark(&actor, from, text)).await {
        Ok(Ok(_)) => back_with(&session, &form.back, "geteld", &mark.to_string()),
        _ => internal(lang),
    }
}

/// Takes back the latest ballot counted on this device (`Store::undo_tally_mark`; a second
/// device of the same polling station keeps its own taps).
pub async fn undo(
    State(state): State<AppState>,
    lang: Lang,
    Extension(session): Extension<StationSession>,
    Form(form): Form<MarkForm>,
) -> Response {
    // Only where there is a count helper (a Dutch election).
    if let Err(response) = count_election(&state, lang, &session).await {
        return response;
    }
    let service = state.service.clone();
    let actor = session.actor();
    let from = session.write();
    match blocking(move || service.store().undo_tally_mark(&actor, from)).await {
        Ok(Ok(undone)) => back_with(
            &session,
            &form.back,
            "hersteld",
            &undone.unwrap_or_default(),
        ),
        _ => internal(lang),
    }
}

/// The draft of the report's totals, to print. Not the report: the paper stays leading.
pub async fn draft(
    State(state): State<AppState>,
    lang: Lang,
    Extension(session): Extension<StationSession>,
) -> Response {
    let context = match count_context(&state, lang, &session).await {
        Ok(context) => context,
        Err(response) => return response,
    };
    let Some(contest) = context.contest(&session) else {
        return internal(lang);
    };
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
    render(
        StatusCode::OK,
        &DraftPage {
            chrome: context.frame.chrome.clone(),
            totals,
            lists,
            printed_at: chrono::Local::now().format("%d-%m-%Y %H:%M").to_string(),
            frame: context.frame,
        },
    )
}
