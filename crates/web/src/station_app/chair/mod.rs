//! The chair's pages: login, lock and logout here; the turnout ([`turnout`]) and the count
//! helper with its printable draft ([`count`]).
//!
//! Every page works without JavaScript; every change is a POST with the session's CSRF token
//! (checked by `crate::csrf`), answered with a redirect that says what was stored. With
//! JavaScript, an idle page goes to the lock page at the session's lock time, so a device left
//! alone does not keep showing the figures (not a meta refresh: that would interrupt a chair at
//! work, WCAG 2.2.1).

mod count;
mod turnout;

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use messages::msg;
use model::{Election, Jurisdiction};
use serde::Deserialize;
use store::AuditAction;

pub use count::{count, count_list, draft, mark, undo};
pub use turnout::{turnout_form, turnout_report};

use super::sessions::{Refusal, StationSession};
use super::{COOKIE, PATH, log};
use crate::AppState;
use crate::auth::{self, MAX_PASSWORD_LENGTH};
use crate::error::WebError;
use crate::lang::Lang;
use crate::page::{Chrome, blocking, render};

/// The small script of the app: the draft's print button and the idle lock.
pub async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../../../assets/station.js"),
    )
        .into_response()
}

/// Something failed on the server: nothing was stored.
fn internal() -> WebError {
    WebError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        msg!("app-server-error"),
    )
}

fn session_cookie(token: &str) -> Option<HeaderValue> {
    crate::cookies::session(COOKIE, token, PATH)
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
            chrome: Chrome::plain(lang),
            station: format!("{} ({})", session.station, session.login),
            csrf: session.csrf.clone(),
            error,
        },
    )
}

/// `/stembureau`: the login, the lock page, or the polling station's home.
pub async fn start(State(state): State<AppState>, lang: Lang, headers: HeaderMap) -> Response {
    let limits = state.config.station_app.limits;
    match crate::cookies::read(&headers, COOKIE).map(|t| state.station_app.sessions.get(&t, limits))
    {
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

/// The login gate's name for a polling station's login (apart from the results entry's users).
fn gate_name(login: &str) -> String {
    format!("stembureau-app:{login}")
}

/// The login page saying the login is locked until `until`; logged.
async fn refused_until(
    state: &AppState,
    lang: Lang,
    login: &str,
    refusal: auth::GateRefusal,
) -> Response {
    let office = state.office.clone();
    let actor = store::Actor::new("stembureau-app", login);
    let _ = blocking(move || {
        office.store().log_event(
            &actor,
            AuditAction::StationAppLoginFailed,
            serde_json::json!({ "reason": refusal.reason(), "checked": false }),
        )
    })
    .await;
    render(
        StatusCode::TOO_MANY_REQUESTS,
        &LoginPage {
            chrome: Chrome::new(state, lang, None),
            error: Some(refusal.message().text(lang.0)),
            login: login.to_string(),
        },
    )
}

/// The stored credential of a login.
async fn credential_of(
    state: &AppState,
    login: String,
) -> Result<Option<store::StationCredential>, WebError> {
    let office = state.office.clone();
    blocking(move || office.store().station_credential(&login))
        .await?
        .map_err(|_| internal())
}

/// Logs a polling station in on this device. (The CSRF layer refused a form from another site.)
pub async fn login(
    State(state): State<AppState>,
    lang: Lang,
    headers: HeaderMap,
    client: Option<axum::Extension<crate::listen::ClientAddress>>,
    Form(form): Form<LoginForm>,
) -> Result<Response, WebError> {
    let app = &state.station_app;
    // A login is `ELECTION-SBn`; anything longer is nobody's, and is kept short where it is
    // logged, so that a stranger cannot write megabytes into the audit log.
    let login: String = form.login.trim().chars().take(MAX_LOGIN_LENGTH).collect();
    let address = client.map(|axum::Extension(client)| client.0.ip());
    let limits = state.config.limits;
    let now = chrono::Utc::now();
    // The same gate as the results entry's login, in the app's own names.
    let attempt = match state
        .login_gate
        .begin(&gate_name(&login), address, None, &limits, now)
    {
        Ok(attempt) => attempt,
        Err(refusal) => return Ok(refused_until(&state, lang, &login, refusal).await),
    };
    tokio::time::sleep(auth::backoff(&limits, attempt.failures)).await;
    let credential = credential_of(&state, login.clone()).await?;
    let verifier = credential
        .as_ref()
        .map_or_else(|| auth::dummy_hash().to_string(), |c| c.verifier.clone());
    let matches = password_matches(&state, form.password, verifier).await;
    let matches = matches && credential.is_some();
    let locked = state.login_gate.finish(attempt, matches, &limits, now);
    let credential = match credential {
        Some(credential) if matches => credential,
        known => {
            if let Some(until) = locked {
                return Ok(
                    refused_until(&state, lang, &login, auth::GateRefusal::Locked(until)).await,
                );
            }
            let office = state.office.clone();
            let actor = store::Actor::new("stembureau-app", &login);
            let reason = if known.is_some() {
                "wrong password"
            } else {
                "unknown login"
            };
            let _ = blocking(move || {
                office.store().log_event(
                    &actor,
                    AuditAction::StationAppLoginFailed,
                    serde_json::json!({ "reason": reason }),
                )
            })
            .await;
            return Ok(render(
                StatusCode::UNAUTHORIZED,
                &LoginPage {
                    chrome: Chrome::new(&state, lang, None),
                    error: Some(lang.t("web-login-or-password-is-wrong")),
                    login,
                },
            ));
        }
    };
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
        AuditAction::StationAppLogin,
        serde_json::json!({ "device": device }),
    )
    .await;
    let mut response = Redirect::to(&home_of(&session)).into_response();
    if let Some(cookie) = session_cookie(&token) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

/// The unlock form's fields (its CSRF token the CSRF layer checked).
#[derive(Debug, Deserialize)]
pub struct UnlockForm {
    password: String,
}

/// Unlocks a locked session with the polling station's password.
pub async fn unlock(
    State(state): State<AppState>,
    lang: Lang,
    headers: HeaderMap,
    Form(form): Form<UnlockForm>,
) -> Result<Response, WebError> {
    let limits = state.config.station_app.limits;
    let app = &state.station_app;
    let Some(token) = crate::cookies::read(&headers, COOKIE) else {
        return Ok(Redirect::to(PATH).into_response());
    };
    let session = match app.sessions.get(&token, limits) {
        Ok(session) => return Ok(Redirect::to(&home_of(&session)).into_response()),
        Err(Refusal::Locked(session)) => session,
        Err(_) => return Ok(Redirect::to(PATH).into_response()),
    };
    let gate_limits = state.config.limits;
    let now = chrono::Utc::now();
    let attempt =
        match state
            .login_gate
            .begin(&gate_name(&session.login), None, None, &gate_limits, now)
        {
            Ok(attempt) => attempt,
            Err(refusal) => {
                return Ok(locked_with(
                    lang,
                    &session,
                    Some(refusal.message().text(lang.0)),
                    StatusCode::TOO_MANY_REQUESTS,
                ));
            }
        };
    tokio::time::sleep(auth::backoff(&gate_limits, attempt.failures)).await;
    let credential = credential_of(&state, session.login.clone()).await?;
    // The credential must still be the station's: a replaced password does not unlock.
    let verifier = credential
        .filter(|c| c.election == session.election && c.station == session.station)
        .map_or_else(|| auth::dummy_hash().to_string(), |c| c.verifier);
    let matches = password_matches(&state, form.password, verifier).await;
    state.login_gate.finish(attempt, matches, &gate_limits, now);
    if !matches {
        log(
            &state,
            &session,
            AuditAction::StationAppUnlockFailed,
            serde_json::json!({}),
        )
        .await;
        return Ok(locked_with(
            lang,
            &session,
            Some(lang.t("web-login-or-password-is-wrong")),
            StatusCode::UNAUTHORIZED,
        ));
    }
    if app.sessions.unlock(&token).is_none() {
        return Ok(Redirect::to(PATH).into_response());
    }
    log(
        &state,
        &session,
        AuditAction::StationAppUnlock,
        serde_json::json!({}),
    )
    .await;
    Ok(Redirect::to(&home_of(&session)).into_response())
}

/// Locks the session now: the chair steps away, or the page's idle refresh came.
pub async fn lock_now(
    State(state): State<AppState>,
    headers: HeaderMap,
    Extension(session): Extension<StationSession>,
) -> Response {
    if let Some(token) = crate::cookies::read(&headers, COOKIE) {
        state.station_app.sessions.lock(&token);
    }
    log(
        &state,
        &session,
        AuditAction::StationAppLock,
        serde_json::json!({}),
    )
    .await;
    Redirect::to(PATH).into_response()
}

/// Ends the session on this device.
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    Extension(session): Extension<StationSession>,
) -> Response {
    if let Some(token) = crate::cookies::read(&headers, COOKIE) {
        state.station_app.sessions.end(&token);
    }
    log(
        &state,
        &session,
        AuditAction::StationAppLogout,
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
) -> Result<(Frame, std::sync::Arc<Election>), WebError> {
    let office = state.office.clone();
    let id = session.election.clone();
    let election = blocking(move || office.election(&id))
        .await?
        .map_err(|_| internal())?;
    let name = office::station(&election, session.station)
        .map(|(s, _)| s.name.clone())
        .unwrap_or_default();
    Ok((
        Frame {
            chrome: Chrome::new(state, lang, None),
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
) -> Result<Response, WebError> {
    let (frame, _) = frame(&state, lang, &session).await?;
    Ok(render(
        StatusCode::OK,
        &HomePage {
            chrome: frame.chrome.clone(),
            frame,
            session_id: session.id.clone(),
        },
    ))
}
