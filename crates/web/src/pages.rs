//! The HTML pages: forms that work without JavaScript, each change a POST with the CSRF token,
//! answered with a redirect (so reloading never repeats it) or the same form with the reason it
//! was refused.

use std::sync::Arc;

use askama::Template;
use axum::Extension;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::{Form, http::HeaderMap};
use chrono::Utc;
use model::count::{CountForm, Field, FieldKind, FieldValue, Submitted};
use model::entry::{
    Acknowledgements, DifferenceResolution, EntryState, ErrorResolution, Status, Which,
};
use model::rules::{Findings, Severity};
use model::{Address, Election, PollingStation, PollingStationNumber};
use serde::Deserialize;
use store::{NewUser, Role};

use crate::auth::{self, CurrentUser, SESSION_COOKIE};
use crate::lang::{LANG_COOKIE, Lang};
use crate::service::{Resolution, Service, ServiceError};
use crate::{AppState, airgap};

/// What every page's frame needs.
#[derive(Debug, Clone)]
pub struct Chrome {
    /// Language.
    pub lang: Lang,
    /// The user, if logged in.
    pub user: Option<CurrentUser>,
    /// The air-gap check is off (development).
    pub airgap_disabled: bool,
}

impl Chrome {
    pub(crate) fn new(state: &AppState, lang: Lang, user: Option<&CurrentUser>) -> Chrome {
        Chrome {
            lang,
            user: user.cloned(),
            airgap_disabled: state.airgap.get() == airgap::Connectivity::Disabled,
        }
    }

    /// The user's role, in the page's language.
    pub fn role_name(&self) -> &'static str {
        match self.user.as_ref().map(|u| u.role) {
            Some(Role::Administrator) => self.lang.pick("beheerder", "administrator"),
            Some(Role::Coordinator) => self.lang.pick("coördinator", "coordinator"),
            Some(Role::Typist) => self.lang.pick("invoerder", "typist"),
            None => "",
        }
    }

    /// Whether an administrator is logged in.
    pub fn is_admin(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| u.role == Role::Administrator)
    }

    /// Whether a coordinator is logged in.
    pub fn is_coordinator(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| u.role == Role::Coordinator)
    }
}

pub(crate) fn render(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("template error: {error}"),
        )
            .into_response(),
    }
}

#[derive(Template)]
#[template(path = "message.html")]
struct MessagePage {
    chrome: Chrome,
    title: String,
    message: String,
    class: &'static str,
    back: String,
}

/// A page that says what went wrong.
pub fn error_page(lang: Lang, status: StatusCode, nl: &str, en: &str) -> Response {
    let title = match status {
        StatusCode::NOT_FOUND => lang.pick("Niet gevonden", "Not found"),
        StatusCode::FORBIDDEN => lang.pick("Geweigerd", "Refused"),
        StatusCode::SERVICE_UNAVAILABLE => lang.pick("Niet beschikbaar", "Unavailable"),
        StatusCode::CONFLICT => lang.pick("Intussen gewijzigd", "Changed meanwhile"),
        _ => lang.pick("Niet gelukt", "Did not succeed"),
    };
    render(
        status,
        &MessagePage {
            chrome: Chrome {
                lang,
                user: None,
                airgap_disabled: false,
            },
            title: title.into(),
            message: lang.pick(nl, en).into(),
            class: "error",
            back: "/".into(),
        },
    )
}

/// The HTTP status of a service refusal.
pub fn status_of(error: &ServiceError) -> StatusCode {
    match error {
        ServiceError::NotFound(_) => StatusCode::NOT_FOUND,
        ServiceError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        ServiceError::Transition(_) => StatusCode::CONFLICT,
        ServiceError::Stale { .. } => StatusCode::CONFLICT,
        ServiceError::BadRequest(_) => StatusCode::BAD_REQUEST,
        ServiceError::Conflict { .. } => StatusCode::CONFLICT,
        ServiceError::Store(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

pub(crate) fn service_error_page(lang: Lang, error: &ServiceError) -> Response {
    error_page(
        lang,
        status_of(error),
        &error.message_nl(),
        &error.to_string(),
    )
}

/// Runs blocking store work on Tokio's blocking pool.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Response> {
    tokio::task::spawn_blocking(work).await.map_err(|error| {
        (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("internal error: {error}"),
        )
            .into_response()
    })
}

/// The value of blocking service work, or the page that says why there is none (returned from
/// the handler).
macro_rules! attempt {
    ($lang:expr, $work:expr) => {
        match $work {
            Ok(Ok(value)) => value,
            Ok(Err(error)) => return $crate::pages::service_error_page($lang, &error),
            Err(response) => return response,
        }
    };
}
pub(crate) use attempt;

/// Fallback of results entry: a page that does not exist. The polling-station app's path is
/// refused with the reason: the app is served over HTTPS only, on its own port.
pub async fn fallback(lang: Lang, uri: axum::http::Uri) -> Response {
    if uri.path() == crate::station_app::PATH || uri.path().starts_with("/stembureau/") {
        return error_page(
            lang,
            StatusCode::MISDIRECTED_REQUEST,
            "De stembureau-app werkt alleen via HTTPS, op de eigen poort van de app; hier is hij niet bereikbaar en er is niets opgeslagen. Vraag de gemeente om het adres.",
            "The polling-station app works over HTTPS only, on the app's own port; it is not reachable here and nothing was stored. Ask the municipality for the address.",
        );
    }
    not_found(lang).await
}

/// A page that does not exist.
pub async fn not_found(lang: Lang) -> Response {
    error_page(
        lang,
        StatusCode::NOT_FOUND,
        "Deze pagina bestaat niet.",
        "This page does not exist.",
    )
}

/// The embedded stylesheet.
pub async fn style() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../assets/style.css"),
    )
        .into_response()
}

/// The embedded script.
pub async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../assets/app.js"),
    )
        .into_response()
}

/// Sets the language cookie and goes back.
pub async fn set_language(Path(code): Path<String>, headers: HeaderMap) -> Response {
    let value = if code == "en" { "en" } else { "nl" };
    // Back to the page the user came from, if it is ours.
    let back = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.split_once("://").map(|(_, rest)| rest))
        .and_then(|rest| rest.find('/').map(|i| rest[i..].to_string()))
        .filter(|p| p.starts_with('/') && !p.starts_with("//"))
        .unwrap_or_else(|| "/".into());
    let mut response = Redirect::to(&back).into_response();
    if let Ok(cookie) = HeaderValue::from_str(&format!(
        "{LANG_COOKIE}={value}; Path=/; SameSite=Strict; Max-Age=31536000"
    )) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

/// `/`: to the elections, the login or the first-run setup.
pub async fn home(State(state): State<AppState>, user: Option<Extension<CurrentUser>>) -> Response {
    if user.is_some() {
        return Redirect::to("/elections").into_response();
    }
    let service = state.service.clone();
    match blocking(move || service.store().user_count()).await {
        Ok(Ok(0)) => Redirect::to("/setup").into_response(),
        _ => Redirect::to("/login").into_response(),
    }
}

// --- login ---

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    chrome: Chrome,
    error: Option<String>,
    username: String,
}

/// The login form.
pub async fn login_form(State(state): State<AppState>, lang: Lang) -> Response {
    render(
        StatusCode::OK,
        &LoginPage {
            chrome: Chrome::new(&state, lang, None),
            error: None,
            username: String::new(),
        },
    )
}

/// Login credentials.
#[derive(Debug, Deserialize)]
pub struct Credentials {
    /// Username.
    pub username: String,
    /// Password.
    pub password: String,
}

/// Why a login was refused.
#[derive(Debug)]
pub enum LoginRefusal {
    /// Unknown user or wrong password (the two are not told apart).
    Wrong,
    /// The account is locked until then.
    Locked(chrono::DateTime<Utc>),
    /// The store failed.
    Store(String),
}

impl LoginRefusal {
    /// Message in the chosen language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LoginRefusal::Wrong => lang
                .pick(
                    "Gebruikersnaam of wachtwoord klopt niet.",
                    "Username or password is not correct.",
                )
                .into(),
            LoginRefusal::Locked(until) => format!(
                "{} {} UTC.",
                lang.pick(
                    "Te veel mislukte pogingen: dit account is geblokkeerd tot",
                    "Too many failed attempts: this account is locked until"
                ),
                until.format("%H:%M")
            ),
            LoginRefusal::Store(e) => e.clone(),
        }
    }
}

/// Checks credentials, with back-off and lockout; on success starts a session. Every attempt
/// is in the audit log.
pub async fn log_in(
    state: &AppState,
    credentials: Credentials,
) -> Result<(String, CurrentUser), LoginRefusal> {
    let service = state.service.clone();
    // No username is longer than 64 characters (`valid_username`); a longer one is nobody's and
    // is cut short before it is looked up or logged, so a stranger cannot fill the audit log.
    let username: String = credentials.username.trim().chars().take(65).collect();
    let lookup = username.clone();
    let user = blocking(move || service.store().user_by_username(&lookup))
        .await
        .map_err(|_| LoginRefusal::Store("internal error".into()))?
        .map_err(|e| LoginRefusal::Store(e.to_string()))?;
    let limits = state.config.limits;
    let service = state.service.clone();
    let Some(user) = user else {
        // Same work as for a known user, so timing does not reveal which usernames exist.
        let password = credentials.password;
        let _ = state
            .check_password(move || auth::verify_password(&password, auth::dummy_hash()))
            .await;
        let actor = store::Actor::new("web", &username);
        let _ = blocking(move || {
            service.store().log_event(
                &actor,
                "user.login_failed",
                serde_json::json!({ "reason": "unknown user" }),
            )
        })
        .await;
        return Err(LoginRefusal::Wrong);
    };
    let actor = store::Actor::new("web", &user.username);
    let now = Utc::now();
    if let Some(until) = user.locked_until.filter(|until| *until > now) {
        let log_actor = actor.clone();
        let _ = blocking(move || {
            service.store().log_event(
                &log_actor,
                "user.login_failed",
                serde_json::json!({ "reason": "locked" }),
            )
        })
        .await;
        return Err(LoginRefusal::Locked(until));
    }
    tokio::time::sleep(auth::backoff(&limits, user.failed_logins)).await;
    let password = credentials.password;
    let hash = user.password_hash.clone();
    let matches = state
        .check_password(move || auth::verify_password(&password, &hash))
        .await;
    if !matches {
        let failures = user.failed_logins.saturating_add(1);
        let locked_until = (failures >= limits.lockout_after).then(|| {
            now + chrono::Duration::from_std(limits.lockout_duration)
                .unwrap_or(chrono::Duration::minutes(15))
        });
        let id = user.id;
        let _ = blocking(move || service.store().login_failed(&actor, id, locked_until)).await;
        return Err(match locked_until {
            Some(until) => LoginRefusal::Locked(until),
            None => LoginRefusal::Wrong,
        });
    }
    let id = user.id;
    blocking(move || service.store().login_succeeded(&actor, id))
        .await
        .map_err(|_| LoginRefusal::Store("internal error".into()))?
        .map_err(|e| LoginRefusal::Store(e.to_string()))?;
    let current = CurrentUser {
        id: user.id,
        username: user.username,
        role: user.role,
        csrf: auth::random_token(),
        must_change_password: user.must_change_password,
    };
    let token = state.sessions.start(current.clone());
    Ok((token, current))
}

/// The session cookie.
pub fn session_cookie(token: &str) -> Option<HeaderValue> {
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
    ))
    .ok()
}

fn expired_cookie() -> HeaderValue {
    HeaderValue::from_static("urna_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
}

/// Logs in.
pub async fn login(
    State(state): State<AppState>,
    lang: Lang,
    Form(credentials): Form<Credentials>,
) -> Response {
    let username = credentials.username.clone();
    match log_in(&state, credentials).await {
        Ok((token, user)) => {
            let target = if user.must_change_password {
                "/account/password"
            } else {
                "/elections"
            };
            let mut response = Redirect::to(target).into_response();
            if let Some(cookie) = session_cookie(&token) {
                response.headers_mut().insert(header::SET_COOKIE, cookie);
            }
            response
        }
        Err(refusal) => render(
            StatusCode::UNAUTHORIZED,
            &LoginPage {
                chrome: Chrome::new(&state, lang, None),
                error: Some(refusal.message(lang)),
                username,
            },
        ),
    }
}

/// Ends the session.
pub async fn logout(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    headers: HeaderMap,
) -> Response {
    end_session(&state, &user, &headers).await;
    let mut response = Redirect::to("/login").into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, expired_cookie());
    response
}

/// Ends the session of the request and logs it.
pub async fn end_session(state: &AppState, user: &CurrentUser, headers: &HeaderMap) {
    if let Some(token) = crate::lang::cookie_in(headers, SESSION_COOKIE) {
        state.sessions.end(token);
    }
    let service = state.service.clone();
    let actor = user.actor();
    let _ = blocking(move || {
        service
            .store()
            .log_event(&actor, "user.logout", serde_json::json!({}))
    })
    .await;
}

// --- first-run setup ---

#[derive(Template)]
#[template(path = "setup.html")]
struct SetupPage {
    chrome: Chrome,
    error: Option<String>,
    username: String,
    full_name: String,
}

/// The first-run form, only while there are no users.
pub async fn setup_form(State(state): State<AppState>, lang: Lang) -> Response {
    let service = state.service.clone();
    match blocking(move || service.store().user_count()).await {
        Ok(Ok(0)) => render(
            StatusCode::OK,
            &SetupPage {
                chrome: Chrome::new(&state, lang, None),
                error: None,
                username: String::new(),
                full_name: String::new(),
            },
        ),
        _ => Redirect::to("/login").into_response(),
    }
}

/// The first-run form's fields.
#[derive(Debug, Deserialize)]
pub struct SetupForm {
    username: String,
    full_name: String,
    password: String,
    repeat: String,
}

/// Checks a username: 1 to 64 letters, digits, `.`, `_` or `-`.
pub fn valid_username(username: &str) -> bool {
    (1..=64).contains(&username.chars().count())
        && username
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// Creates the administrator and logs them in.
pub async fn setup(
    State(state): State<AppState>,
    lang: Lang,
    Form(form): Form<SetupForm>,
) -> Response {
    let refuse = |message: String| {
        render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &SetupPage {
                chrome: Chrome::new(&state, lang, None),
                error: Some(message),
                username: form.username.clone(),
                full_name: form.full_name.clone(),
            },
        )
    };
    let username = form.username.trim().to_string();
    if !valid_username(&username) {
        return refuse(
            lang.pick(
                "Een gebruikersnaam heeft 1 tot 64 letters, cijfers, punten, streepjes of liggende streepjes.",
                "A username has 1 to 64 letters, digits, dots, hyphens or underscores.",
            )
            .into(),
        );
    }
    if form.password != form.repeat {
        return refuse(
            lang.pick(
                "De twee wachtwoorden zijn niet gelijk.",
                "The two passwords differ.",
            )
            .into(),
        );
    }
    let password = form.password.clone();
    let hash = match blocking(move || auth::hash_password(&password)).await {
        Ok(Ok(hash)) => hash,
        Ok(Err(error)) => {
            return refuse(if lang.is_en() {
                error.to_string()
            } else {
                error.message_nl()
            });
        }
        Err(response) => return response,
    };
    let service = state.service.clone();
    let new = NewUser {
        username: username.clone(),
        full_name: form.full_name.trim().to_string(),
        role: Role::Administrator,
        password_hash: hash,
        must_change_password: false,
    };
    let actor = store::Actor::new("web", &username);
    match blocking(move || service.store().create_first_user(&actor, new)).await {
        Ok(Ok(_)) => {}
        Ok(Err(store::StoreError::SetupDone)) => return Redirect::to("/login").into_response(),
        Ok(Err(error)) => return refuse(error.to_string()),
        Err(response) => return response,
    }
    let credentials = Credentials {
        username,
        password: form.password.clone(),
    };
    match log_in(&state, credentials).await {
        Ok((token, _)) => {
            let mut response = Redirect::to("/elections").into_response();
            if let Some(cookie) = session_cookie(&token) {
                response.headers_mut().insert(header::SET_COOKIE, cookie);
            }
            response
        }
        Err(_) => Redirect::to("/login").into_response(),
    }
}

// --- password ---

#[derive(Template)]
#[template(path = "password.html")]
struct PasswordPage {
    chrome: Chrome,
    error: Option<String>,
    done: bool,
    must_change: bool,
    csrf: String,
}

/// The password form.
pub async fn password_form(
    State(state): State<AppState>,
    lang: Lang,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    render(
        StatusCode::OK,
        &PasswordPage {
            chrome: Chrome::new(&state, lang, Some(&user)),
            error: None,
            done: false,
            must_change: user.must_change_password,
            csrf: user.csrf.clone(),
        },
    )
}

/// The password form's fields.
#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    /// Current password.
    pub current: String,
    /// New password.
    pub new: String,
    /// New password again.
    pub repeat: String,
}

/// Why a password change was refused: (Dutch, English).
pub async fn change_own_password(
    state: &AppState,
    user: &CurrentUser,
    form: PasswordForm,
) -> Result<(), (String, String)> {
    if form.new != form.repeat {
        return Err((
            "De twee nieuwe wachtwoorden zijn niet gelijk.".into(),
            "The two new passwords differ.".into(),
        ));
    }
    if form.new == form.current {
        return Err((
            "Het nieuwe wachtwoord moet anders zijn dan het huidige.".into(),
            "The new password must differ from the current one.".into(),
        ));
    }
    let service = state.service.clone();
    let id = user.id;
    let stored = blocking(move || service.store().user(id))
        .await
        .map_err(|_| ("interne fout".to_string(), "internal error".to_string()))?
        .map_err(|e| (e.to_string(), e.to_string()))?
        .ok_or_else(|| {
            (
                "onbekende gebruiker".to_string(),
                "unknown user".to_string(),
            )
        })?;
    let current = form.current;
    let hash = stored.password_hash.clone();
    let matches = blocking(move || auth::verify_password(&current, &hash))
        .await
        .unwrap_or(false);
    if !matches {
        return Err((
            "Het huidige wachtwoord klopt niet.".into(),
            "The current password is not correct.".into(),
        ));
    }
    let new = form.new;
    let hash = blocking(move || auth::hash_password(&new))
        .await
        .map_err(|_| ("interne fout".to_string(), "internal error".to_string()))?
        .map_err(|e| (e.message_nl(), e.to_string()))?;
    let service = state.service.clone();
    let actor = user.actor();
    blocking(move || service.store().set_password(&actor, id, hash, false))
        .await
        .map_err(|_| ("interne fout".to_string(), "internal error".to_string()))?
        .map_err(|e| (e.to_string(), e.to_string()))?;
    state.sessions.password_changed(id);
    Ok(())
}

/// Changes the user's password.
pub async fn change_password(
    State(state): State<AppState>,
    lang: Lang,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<PasswordForm>,
) -> Response {
    match change_own_password(&state, &user, form).await {
        Ok(()) => {
            if user.must_change_password {
                Redirect::to("/elections").into_response()
            } else {
                let mut user = user;
                user.must_change_password = false;
                render(
                    StatusCode::OK,
                    &PasswordPage {
                        chrome: Chrome::new(&state, lang, Some(&user)),
                        error: None,
                        done: true,
                        must_change: false,
                        csrf: user.csrf.clone(),
                    },
                )
            }
        }
        Err((nl, en)) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &PasswordPage {
                chrome: Chrome::new(&state, lang, Some(&user)),
                error: Some(lang.pick(&nl, &en).to_string()),
                done: false,
                must_change: user.must_change_password,
                csrf: user.csrf.clone(),
            },
        ),
    }
}

// --- elections ---

#[derive(Template)]
#[template(path = "elections.html")]
struct ElectionsPage {
    chrome: Chrome,
    elections: Vec<store::ElectionSummary>,
}

/// The elections.
pub async fn elections(
    State(state): State<AppState>,
    lang: Lang,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    let service = state.service.clone();
    let elections = match blocking(move || service.store().elections()).await {
        Ok(Ok(elections)) => elections,
        Ok(Err(error)) => return service_error_page(lang, &ServiceError::from(error)),
        Err(response) => return response,
    };
    render(
        StatusCode::OK,
        &ElectionsPage {
            chrome: Chrome::new(&state, lang, Some(&user)),
            elections,
        },
    )
}

struct TypistRow {
    number: u32,
    name: String,
    status: String,
    action: Option<String>,
    note: String,
}

#[derive(Template)]
#[template(path = "typist_home.html")]
struct TypistHome {
    chrome: Chrome,
    election_id: String,
    election_name: String,
    csrf: String,
    rows: Vec<TypistRow>,
}

fn status_name(lang: Lang, status: Status) -> &'static str {
    lang.pick(status.name_nl(), status.name_en())
}

/// An election: typists see the polling stations they can type, coordinators the overview,
/// administrators the polling stations.
pub async fn election(
    State(state): State<AppState>,
    lang: Lang,
    Path(election_id): Path<String>,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    match user.role {
        Role::Coordinator => {
            return Redirect::to(&format!("/elections/{election_id}/overview")).into_response();
        }
        Role::Administrator => {
            return Redirect::to(&format!("/elections/{election_id}/polling-stations"))
                .into_response();
        }
        Role::Typist => {}
    }
    let service = state.service.clone();
    let id = election_id.clone();
    let (election, entries) = attempt!(
        lang,
        blocking(move || -> Result<_, ServiceError> {
            let election = service.election(&id)?;
            let entries = service.store().entries(&election.id)?;
            Ok((election, entries))
        })
        .await
    );
    let rows = entries
        .into_iter()
        .map(|stored| {
            let name = election
                .polling_stations
                .iter()
                .find(|s| s.number == stored.polling_station)
                .map(|s| s.name.clone())
                .unwrap_or_default();
            let (action, note) = match &stored.state {
                EntryState::NotStarted => (
                    Some(lang.pick("Eerste invoer starten", "Start first entry")),
                    "",
                ),
                EntryState::FirstEntryInProgress { typist, .. }
                | EntryState::SecondEntryInProgress { typist, .. }
                    if typist.id == user.id =>
                {
                    (Some(lang.pick("Verder met invoer", "Continue entry")), "")
                }
                EntryState::FirstEntryInProgress { .. }
                | EntryState::SecondEntryInProgress { .. } => (
                    None,
                    lang.pick("iemand anders is bezig", "someone else is typing"),
                ),
                EntryState::SecondEntryNotStarted { first } if first.typist.id != user.id => (
                    Some(lang.pick("Tweede invoer starten", "Start second entry")),
                    "",
                ),
                EntryState::SecondEntryNotStarted { .. } => (
                    None,
                    lang.pick(
                        "u deed de eerste invoer; een ander doet de tweede",
                        "you typed the first entry; someone else types the second",
                    ),
                ),
                _ => (None, ""),
            };
            TypistRow {
                number: stored.polling_station.get(),
                name,
                status: status_name(lang, stored.state.status()).into(),
                action: action.map(str::to_string),
                note: note.into(),
            }
        })
        .collect();
    render(
        StatusCode::OK,
        &TypistHome {
            chrome: Chrome::new(&state, lang, Some(&user)),
            election_id,
            election_name: election.name.clone(),
            csrf: user.csrf.clone(),
            rows,
        },
    )
}

// --- the count form ---

struct FieldView {
    key: String,
    code: String,
    label: String,
    kind: &'static str,
    value: String,
    class: String,
    sum_of: String,
}

struct SectionView {
    heading: String,
    fields: Vec<FieldView>,
}

struct FindingView {
    code: String,
    text: String,
    class: &'static str,
}

#[derive(Template)]
#[template(path = "entry_form.html")]
struct EntryPage {
    chrome: Chrome,
    election_id: String,
    election_name: String,
    station_number: u32,
    station_name: String,
    entry_title: String,
    csrf: String,
    version: u64,
    message: Option<String>,
    message_class: &'static str,
    field_errors: Vec<String>,
    findings: Vec<FindingView>,
    sections: Vec<SectionView>,
}

fn finding_views(lang: Lang, findings: &Findings) -> Vec<FindingView> {
    findings
        .0
        .iter()
        .map(|f| FindingView {
            code: f.code.dotted(),
            text: f.code.text(lang.0).into(),
            class: match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
        })
        .collect()
}

/// Which fields a total should equal the sum of, for the live sums.
fn sum_of(field: &Field, all: &[Field]) -> String {
    let keys: Vec<&str> = match field.key.as_str() {
        "voters.d" => vec!["voters.a", "voters.b", "voters.c"],
        "votes.e" => all
            .iter()
            .filter(|f| f.key.starts_with("votes.e."))
            .map(|f| f.key.as_str())
            .collect(),
        "votes.h" => vec!["votes.e", "votes.f", "votes.g"],
        "ballots.total" => all
            .iter()
            .filter(|f| {
                f.key == "ballots.blank"
                    || f.key == "ballots.invalid"
                    || (f.key.starts_with("lists.") && f.key.ends_with(".ballots"))
            })
            .map(|f| f.key.as_str())
            .collect(),
        key if key.starts_with("lists.") && key.ends_with(".total") => {
            let prefix = format!("{}.candidates.", &key[..key.len() - ".total".len()]);
            all.iter()
                .filter(|f| f.key.starts_with(&prefix))
                .map(|f| f.key.as_str())
                .collect()
        }
        _ => Vec::new(),
    };
    keys.join(" ")
}

fn section_views(
    lang: Lang,
    form: &CountForm,
    contest: &model::Contest,
    submitted: Option<&Submitted>,
    findings: &Findings,
) -> Vec<SectionView> {
    let fields = form.fields(contest);
    let mut sections: Vec<SectionView> = Vec::new();
    let mut current: Option<model::count::Section> = None;
    for field in &fields {
        if current.as_ref() != Some(&field.section) {
            sections.push(SectionView {
                heading: field.section.heading(lang.0),
                fields: Vec::new(),
            });
            current = Some(field.section.clone());
        }
        let value = match submitted {
            Some(map) => match field.kind {
                FieldKind::Flag => {
                    if map.contains_key(&field.key) {
                        "on".into()
                    } else {
                        String::new()
                    }
                }
                _ => map.get(&field.key).cloned().unwrap_or_default(),
            },
            None => match &field.value {
                FieldValue::Number(n) => n.to_string(),
                FieldValue::Flag(true) => "on".into(),
                FieldValue::Flag(false) => String::new(),
                FieldValue::Text(t) => t.clone(),
            },
        };
        let marked = |severity| {
            findings
                .0
                .iter()
                .any(|f| f.severity == severity && f.fields.contains(&field.key))
        };
        let mut class = String::new();
        if field.total {
            class.push_str("total ");
        }
        if marked(Severity::Error) {
            class.push_str("mark-error");
        } else if marked(Severity::Warning) {
            class.push_str("mark-warning");
        }
        if let Some(section) = sections.last_mut() {
            section.fields.push(FieldView {
                key: field.key.clone(),
                code: field.code.clone(),
                label: field.label(lang.0).to_string(),
                kind: match field.kind {
                    FieldKind::Number => "number",
                    FieldKind::Flag => "flag",
                    FieldKind::Text => "text",
                },
                value,
                class,
                sum_of: sum_of(field, &fields),
            });
        }
    }
    sections
}

struct EntryContext {
    election: Arc<Election>,
    station: PollingStation,
    contest: model::Contest,
    stored: store::StoredEntry,
}

fn load_entry(
    service: &Service,
    election_id: &str,
    number: &str,
) -> Result<EntryContext, ServiceError> {
    let election = service.election(election_id)?;
    let (station, contest) = Service::station(&election, number)?;
    let (station, contest) = (station.clone(), contest.clone());
    let stored = service.store().entry(&election.id, station.number)?;
    Ok(EntryContext {
        election,
        station,
        contest,
        stored,
    })
}

#[allow(clippy::too_many_arguments)]
fn entry_page(
    state: &AppState,
    lang: Lang,
    user: &CurrentUser,
    context: &EntryContext,
    form: &CountForm,
    submitted: Option<&Submitted>,
    message: Option<(String, &'static str)>,
    field_errors: Vec<String>,
    status: StatusCode,
) -> Response {
    // Nothing typed yet: no checks to show (an empty form fails several).
    let untouched = *form == CountForm::empty(context.election.jurisdiction, &context.contest);
    let findings = if untouched {
        Findings::default()
    } else {
        model::rules::check(form)
    };
    let second = matches!(
        context.stored.state,
        EntryState::SecondEntryInProgress { .. }
    );
    let entry_title = if second {
        lang.pick("Tweede invoer", "Second entry")
    } else {
        lang.pick("Eerste invoer", "First entry")
    };
    let (message, message_class) = match message {
        Some((m, c)) => (Some(m), c),
        None => (None, "ok"),
    };
    render(
        status,
        &EntryPage {
            chrome: Chrome::new(state, lang, Some(user)),
            election_id: context.election.id.to_string(),
            election_name: context.election.name.clone(),
            station_number: context.station.number.get(),
            station_name: context.station.name.clone(),
            entry_title: entry_title.into(),
            csrf: user.csrf.clone(),
            version: context.stored.version,
            message,
            message_class,
            field_errors,
            findings: finding_views(lang, &findings),
            sections: section_views(lang, form, &context.contest, submitted, &findings),
        },
    )
}

/// Starts or resumes an entry, then shows its form.
pub async fn claim(
    State(state): State<AppState>,
    lang: Lang,
    Path((election_id, number)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    let service = state.service.clone();
    let (e, n, u) = (election_id.clone(), number.clone(), user.clone());
    attempt!(lang, blocking(move || service.claim(&u, &e, &n)).await);
    Redirect::to(&format!("/elections/{election_id}/entries/{number}")).into_response()
}

/// The form of an entry the typist holds.
pub async fn entry_form(
    State(state): State<AppState>,
    lang: Lang,
    Path((election_id, number)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    let service = state.service.clone();
    let context = attempt!(
        lang,
        blocking(move || load_entry(&service, &election_id, &number)).await
    );
    let holder = context.stored.state.typist_in_progress();
    let Some(draft) = context
        .stored
        .state
        .draft()
        .filter(|_| holder.is_some_and(|t| t.id == user.id))
    else {
        return service_error_page(
            lang,
            &ServiceError::Transition(model::entry::TransitionError::WrongStatus(
                context.stored.state.status().name_en(),
            )),
        );
    };
    entry_page(
        &state,
        lang,
        &user,
        &context,
        draft,
        None,
        None,
        Vec::new(),
        StatusCode::OK,
    )
}

/// Saves, finalises or abandons an entry.
pub async fn entry_submit(
    State(state): State<AppState>,
    lang: Lang,
    Path((election_id, number)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let mut fields = Submitted::new();
    let (mut version, mut action) = (None, String::from("save"));
    let mut acknowledged = Acknowledgements::default();
    for (key, value) in pairs {
        match key.as_str() {
            "csrf" => {}
            "version" => version = value.trim().parse::<u64>().ok(),
            "action" => action = value,
            "ack_warnings" => acknowledged.warnings = true,
            "ack_errors" => acknowledged.errors = true,
            _ => {
                fields.insert(key, value);
            }
        }
    }
    let Some(version) = version else {
        return service_error_page(
            lang,
            &ServiceError::BadRequest("the form has no version".into()),
        );
    };
    let service = state.service.clone();
    let (e, n, u) = (election_id.clone(), number.clone(), user.clone());
    let submitted = fields.clone();
    let outcome = blocking(
        move || -> Result<Result<Status, ServiceError>, ServiceError> {
            Ok(match action.as_str() {
                "abandon" => service.abandon(&u, &e, &n, version).map(|(s, _)| s),
                "finalise" => service
                    .finalise(&u, &e, &n, version, Some(&submitted), acknowledged)
                    .map(|(s, _)| s),
                _ => service
                    .save(&u, &e, &n, version, &submitted)
                    .map(|_| Status::FirstEntryInProgress),
            })
        },
    )
    .await;
    let result = match outcome {
        Ok(Ok(result)) => result,
        Ok(Err(error)) => return service_error_page(lang, &error),
        Err(response) => return response,
    };
    let entry_url = format!("/elections/{election_id}/entries/{number}");
    match result {
        Ok(Status::FirstEntryInProgress) | Ok(Status::SecondEntryInProgress) => {
            Redirect::to(&entry_url).into_response()
        }
        Ok(_) => Redirect::to(&format!("/elections/{election_id}")).into_response(),
        Err(error) => {
            // Show the form again with what was typed and why it was refused; nothing changed.
            let service = state.service.clone();
            let (e, n) = (election_id.clone(), number.clone());
            let context = attempt!(lang, blocking(move || load_entry(&service, &e, &n)).await);
            let form =
                CountForm::from_fields(context.election.jurisdiction, &context.contest, &fields)
                    .ok()
                    .or_else(|| context.stored.state.draft().cloned())
                    .unwrap_or_else(|| {
                        CountForm::empty(context.election.jurisdiction, &context.contest)
                    });
            let field_errors = match &error {
                ServiceError::Invalid(errors) => errors
                    .iter()
                    .map(|e| {
                        if lang.is_en() {
                            e.to_string()
                        } else {
                            e.message_nl()
                        }
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let message = match &error {
                ServiceError::Invalid(_) => lang
                    .pick(
                        "Niet opgeslagen: enkele velden zijn ongeldig.",
                        "Not saved: some fields are invalid.",
                    )
                    .to_string(),
                other if lang.is_en() => other.to_string(),
                other => other.message_nl(),
            };
            entry_page(
                &state,
                lang,
                &user,
                &context,
                &form,
                Some(&fields),
                Some((message, "error")),
                field_errors,
                status_of(&error),
            )
        }
    }
}

// --- coordinator ---

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
    election_id: String,
    election_name: String,
    statuses: Vec<(String, usize)>,
    rows: Vec<OverviewRowView>,
    totals: crate::service::Totals,
    list_totals: Vec<(String, u64)>,
}

/// The coordinator's overview.
pub async fn overview(
    State(state): State<AppState>,
    lang: Lang,
    Path(election_id): Path<String>,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    let service = state.service.clone();
    let id = election_id.clone();
    let (election, overview) = attempt!(
        lang,
        blocking(move || -> Result<_, ServiceError> {
            Ok((service.election(&id)?, service.overview(&id)?))
        })
        .await
    );
    let rows = overview
        .rows
        .iter()
        .map(|r| OverviewRowView {
            number: r.number,
            name: r.name.clone(),
            status: status_name(lang, r.status).into(),
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
    let list_totals = election
        .contests
        .first()
        .map(|contest| {
            contest
                .lists
                .iter()
                .zip(&overview.totals.per_list)
                .map(|(list, votes)| (format!("E.{} {}", list.number, list.name), *votes))
                .collect()
        })
        .unwrap_or_default();
    render(
        StatusCode::OK,
        &OverviewPage {
            chrome: Chrome::new(&state, lang, Some(&user)),
            election_id,
            election_name: election.name.clone(),
            statuses: overview
                .by_status
                .iter()
                .map(|(s, n)| (status_name(lang, *s).to_string(), *n))
                .collect(),
            rows,
            totals: overview.totals,
            list_totals,
        },
    )
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
    election_id: String,
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
    view: &crate::service::EntryView,
    election: &Election,
    message: Option<String>,
    status: StatusCode,
) -> Response {
    let (differences, first_typist, second_typist, options) = match &view.stored.state {
        EntryState::EntriesDifferent { first, second } => (
            true,
            first.typist.username.clone(),
            second.typist.username.clone(),
            vec![
                (
                    "keep_first",
                    format!(
                        "{} ({}); {}",
                        lang.pick("Eerste invoer behouden", "Keep the first entry"),
                        first.typist.username,
                        lang.pick(
                            "de tweede vervalt en wordt opnieuw ingevoerd",
                            "the second is discarded and typed again"
                        )
                    ),
                ),
                (
                    "keep_second",
                    format!(
                        "{} ({}); {}",
                        lang.pick("Tweede invoer behouden", "Keep the second entry"),
                        second.typist.username,
                        lang.pick(
                            "de eerste vervalt en wordt opnieuw ingevoerd",
                            "the first is discarded and typed again"
                        )
                    ),
                ),
                (
                    "send_back_first",
                    format!(
                        "{} ({})",
                        lang.pick(
                            "Eerste invoer terugsturen ter correctie",
                            "Send the first entry back for correction"
                        ),
                        first.typist.username
                    ),
                ),
                (
                    "send_back_second",
                    format!(
                        "{} ({})",
                        lang.pick(
                            "Tweede invoer terugsturen ter correctie",
                            "Send the second entry back for correction"
                        ),
                        second.typist.username
                    ),
                ),
                (
                    "discard_both",
                    lang.pick(
                        "Beide invoeren verwijderen; het stembureau begint opnieuw",
                        "Discard both entries; the polling station starts over",
                    )
                    .into(),
                ),
            ],
        ),
        EntryState::FirstEntryHasErrors { first } => (
            false,
            first.typist.username.clone(),
            String::new(),
            vec![
                (
                    "return_to_typist",
                    format!(
                        "{} ({})",
                        lang.pick(
                            "Teruggeven aan de invoerder (na correctie van het proces-verbaal)",
                            "Return to the typist (after the report was corrected)"
                        ),
                        first.typist.username
                    ),
                ),
                (
                    "discard",
                    lang.pick(
                        "Invoer verwijderen; het stembureau begint opnieuw",
                        "Discard the entry; the polling station starts over",
                    )
                    .into(),
                ),
            ],
        ),
        other => {
            return error_page(
                lang,
                StatusCode::CONFLICT,
                &format!(
                    "Er is niets op te lossen: de invoer heeft de status ‘{}’.",
                    other.status().name_nl()
                ),
                &format!(
                    "There is nothing to resolve: the entry is {}.",
                    other.status().name_en()
                ),
            );
        }
    };
    let heading = if differences {
        lang.pick(
            "Verschillen tussen de invoeren",
            "Differences between the entries",
        )
    } else {
        lang.pick("Fouten in de eerste invoer", "Errors in the first entry")
    };
    render(
        status,
        &ResolvePage {
            chrome: Chrome::new(state, lang, Some(user)),
            election_id: election.id.to_string(),
            election_name: election.name.clone(),
            station_number: view.station.number.get(),
            station_name: view.station.name.clone(),
            heading: heading.into(),
            message,
            differences,
            first_typist,
            second_typist,
            rows: view
                .differences
                .iter()
                .map(|d| DifferenceView {
                    code: d.field.code.clone(),
                    label: d.field.label(lang.0).to_string(),
                    first: d.first.display(),
                    second: d.second.display(),
                })
                .collect(),
            findings: finding_views(lang, &view.findings),
            options,
            csrf: user.csrf.clone(),
            version: view.stored.version,
        },
    )
}

/// The resolution page.
pub async fn resolve_form(
    State(state): State<AppState>,
    lang: Lang,
    Path((election_id, number)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    let service = state.service.clone();
    let (view, election) = attempt!(
        lang,
        blocking(move || -> Result<_, ServiceError> {
            Ok((
                service.entry(&election_id, &number)?,
                service.election(&election_id)?,
            ))
        })
        .await
    );
    resolve_page(&state, lang, &user, &view, &election, None, StatusCode::OK)
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
    Path((election_id, number)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<ResolveForm>,
) -> Response {
    let Some(resolution) = form.decision.as_deref().and_then(parse_decision) else {
        let service = state.service.clone();
        let (e, n) = (election_id.clone(), number.clone());
        let (view, election) = attempt!(
            lang,
            blocking(move || -> Result<_, ServiceError> {
                Ok((service.entry(&e, &n)?, service.election(&e)?))
            })
            .await
        );
        return resolve_page(
            &state,
            lang,
            &user,
            &view,
            &election,
            Some(
                lang.pick("Kies een beslissing.", "Choose a decision.")
                    .into(),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let service = state.service.clone();
    let (e, n, u) = (election_id.clone(), number.clone(), user.clone());
    attempt!(
        lang,
        blocking(move || service.resolve(&u, &e, &n, form.version, resolution)).await
    );
    Redirect::to(&format!("/elections/{election_id}/overview")).into_response()
}

// --- polling stations ---

struct StationRow {
    number: u32,
    name: String,
    address: String,
    voters: String,
}

#[derive(Template)]
#[template(path = "stations.html")]
struct StationsPage {
    chrome: Chrome,
    election_id: String,
    election_name: String,
    stations: Vec<StationRow>,
    csrf: String,
    message: Option<String>,
    message_class: &'static str,
}

fn stations_page(
    state: &AppState,
    lang: Lang,
    user: &CurrentUser,
    election: &Election,
    message: Option<(String, &'static str)>,
    status: StatusCode,
) -> Response {
    let (message, message_class) = match message {
        Some((m, c)) => (Some(m), c),
        None => (None, "ok"),
    };
    render(
        status,
        &StationsPage {
            chrome: Chrome::new(state, lang, Some(user)),
            election_id: election.id.to_string(),
            election_name: election.name.clone(),
            stations: election
                .polling_stations
                .iter()
                .map(|s| StationRow {
                    number: s.number.get(),
                    name: s.name.clone(),
                    address: [
                        s.address.street.as_deref(),
                        s.address.postal_code.as_deref(),
                        s.address.locality.as_deref(),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", "),
                    voters: s.voters.map(|v| v.to_string()).unwrap_or_default(),
                })
                .collect(),
            csrf: user.csrf.clone(),
            message,
            message_class,
        },
    )
}

/// The polling stations of an election.
pub async fn stations(
    State(state): State<AppState>,
    lang: Lang,
    Path(election_id): Path<String>,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    let service = state.service.clone();
    let election = attempt!(lang, blocking(move || service.election(&election_id)).await);
    stations_page(&state, lang, &user, &election, None, StatusCode::OK)
}

#[derive(Template)]
#[template(path = "station_form.html")]
struct StationFormPage {
    chrome: Chrome,
    heading: String,
    action: String,
    csrf: String,
    error: Option<String>,
    number: String,
    name: String,
    street: String,
    postal_code: String,
    locality: String,
    voters: String,
}

/// A polling station's fields as submitted.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct StationForm {
    /// Number.
    #[serde(default)]
    pub number: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Street.
    #[serde(default)]
    pub street: String,
    /// Postal code.
    #[serde(default)]
    pub postal_code: String,
    /// Town.
    #[serde(default)]
    pub locality: String,
    /// Expected voters.
    #[serde(default)]
    pub voters: String,
}

impl StationForm {
    /// Reads the form into a polling station; (Dutch, English) reason when it cannot.
    pub fn to_station(&self) -> Result<PollingStation, (String, String)> {
        let number = self
            .number
            .trim()
            .parse::<u32>()
            .ok()
            .and_then(|n| PollingStationNumber::new(n).ok())
            .ok_or_else(|| {
                (
                    format!("Nummer: ‘{}’ is geen positief geheel getal.", self.number),
                    format!("Number: {:?} is not a positive whole number.", self.number),
                )
            })?;
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            return Err((
                "Naam: vul een naam in van hoogstens 200 tekens.".into(),
                "Name: give a name of at most 200 characters.".into(),
            ));
        }
        let voters = if self.voters.trim().is_empty() {
            None
        } else {
            Some(
                model::count::parse_count("voters", "Aantal kiezers", &self.voters)
                    .map_err(|e| (e.message_nl(), e.to_string()))?,
            )
        };
        let optional = |text: &str| {
            let text = text.trim();
            (!text.is_empty()).then(|| text.chars().take(200).collect::<String>())
        };
        Ok(PollingStation {
            number,
            name: name.to_string(),
            kind: None,
            address: Address {
                street: optional(&self.street),
                postal_code: optional(&self.postal_code),
                locality: optional(&self.locality),
            },
            voters,
            contest: None,
        })
    }
}

fn station_form_page(
    state: &AppState,
    lang: Lang,
    user: &CurrentUser,
    (action, heading): (String, &str),
    form: &StationForm,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    render(
        status,
        &StationFormPage {
            chrome: Chrome::new(state, lang, Some(user)),
            heading: heading.into(),
            action,
            csrf: user.csrf.clone(),
            error,
            number: form.number.clone(),
            name: form.name.clone(),
            street: form.street.clone(),
            postal_code: form.postal_code.clone(),
            locality: form.locality.clone(),
            voters: form.voters.clone(),
        },
    )
}

/// The form for a new polling station.
pub async fn station_new_form(
    State(state): State<AppState>,
    lang: Lang,
    Path(election_id): Path<String>,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    station_form_page(
        &state,
        lang,
        &user,
        (
            format!("/elections/{election_id}/polling-stations/new"),
            lang.pick("Stembureau toevoegen", "Add polling station"),
        ),
        &StationForm::default(),
        None,
        StatusCode::OK,
    )
}

/// Adds a polling station (`existing` is `None`) or changes one; on refusal, the form again with
/// the reason.
async fn save_station(
    state: AppState,
    lang: Lang,
    user: CurrentUser,
    election_id: String,
    existing: Option<String>,
    form: StationForm,
) -> Response {
    let (action, heading) = match &existing {
        None => (
            format!("/elections/{election_id}/polling-stations/new"),
            lang.pick("Stembureau toevoegen", "Add polling station"),
        ),
        Some(number) => (
            format!("/elections/{election_id}/polling-stations/{number}/edit"),
            lang.pick("Stembureau wijzigen", "Edit polling station"),
        ),
    };
    let refused = |message: String, status: StatusCode| {
        station_form_page(
            &state,
            lang,
            &user,
            (action.clone(), heading),
            &form,
            Some(message),
            status,
        )
    };
    let station = match form.to_station() {
        Ok(station) => station,
        Err((nl, en)) => {
            return refused(lang.pick(&nl, &en).into(), StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let service = state.service.clone();
    let (e, u) = (election_id.clone(), user.clone());
    let saved = blocking(move || match existing {
        None => service.add_station(&u, &e, station),
        Some(number) => service.update_station(&u, &e, &number, station),
    })
    .await;
    match saved {
        Ok(Ok(())) => {
            Redirect::to(&format!("/elections/{election_id}/polling-stations")).into_response()
        }
        Ok(Err(error)) => refused(
            if lang.is_en() {
                error.to_string()
            } else {
                error.message_nl()
            },
            status_of(&error),
        ),
        Err(response) => response,
    }
}

/// Adds a polling station.
pub async fn station_create(
    State(state): State<AppState>,
    lang: Lang,
    Path(election_id): Path<String>,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<StationForm>,
) -> Response {
    save_station(state, lang, user, election_id, None, form).await
}

/// The form to change a polling station.
pub async fn station_edit_form(
    State(state): State<AppState>,
    lang: Lang,
    Path((election_id, number)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    let service = state.service.clone();
    let (e, n) = (election_id.clone(), number.clone());
    let station = attempt!(
        lang,
        blocking(move || -> Result<_, ServiceError> {
            let election = service.election(&e)?;
            Ok(Service::station(&election, &n)?.0.clone())
        })
        .await
    );
    let form = StationForm {
        number: station.number.to_string(),
        name: station.name.clone(),
        street: station.address.street.clone().unwrap_or_default(),
        postal_code: station.address.postal_code.clone().unwrap_or_default(),
        locality: station.address.locality.clone().unwrap_or_default(),
        voters: station.voters.map(|v| v.to_string()).unwrap_or_default(),
    };
    station_form_page(
        &state,
        lang,
        &user,
        (
            format!("/elections/{election_id}/polling-stations/{number}/edit"),
            lang.pick("Stembureau wijzigen", "Edit polling station"),
        ),
        &form,
        None,
        StatusCode::OK,
    )
}

/// Changes a polling station.
pub async fn station_update(
    State(state): State<AppState>,
    lang: Lang,
    Path((election_id, number)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<StationForm>,
) -> Response {
    save_station(state, lang, user, election_id, Some(number), form).await
}

/// The file of a multipart upload's `file` field, or the error page to answer with.
async fn read_upload(
    lang: Lang,
    mut multipart: Multipart,
    what: (&str, &str),
) -> Result<(String, Vec<u8>), Response> {
    let mut upload: Option<(String, Vec<u8>)> = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                if field.name() == Some("file") {
                    let name = field.file_name().unwrap_or("upload.xml").to_string();
                    match field.bytes().await {
                        Ok(bytes) => upload = Some((name, bytes.to_vec())),
                        Err(error) => {
                            return Err(error_page(
                                lang,
                                StatusCode::BAD_REQUEST,
                                &format!("Het bestand kwam niet volledig aan: {error}"),
                                &format!("The file did not arrive completely: {error}"),
                            ));
                        }
                    }
                }
            }
            Ok(None) => break,
            Err(error) => {
                return Err(error_page(
                    lang,
                    StatusCode::BAD_REQUEST,
                    &format!("Het formulier kon niet worden gelezen: {error}"),
                    &format!("The form could not be read: {error}"),
                ));
            }
        }
    }
    upload.ok_or_else(|| {
        error_page(
            lang,
            StatusCode::BAD_REQUEST,
            &format!("Kies een {}-bestand.", what.0),
            &format!("Choose an {} file.", what.1),
        )
    })
}

/// Imports polling stations from an uploaded EML 110b.
pub async fn stations_import(
    State(state): State<AppState>,
    lang: Lang,
    Path(election_id): Path<String>,
    Extension(user): Extension<CurrentUser>,
    multipart: Multipart,
) -> Response {
    let (name, bytes) = match read_upload(lang, multipart, ("EML 110b", "EML 110b")).await {
        Ok(upload) => upload,
        Err(response) => return response,
    };
    let service = state.service.clone();
    let (e, u) = (election_id.clone(), user.clone());
    let outcome = blocking(move || {
        let imported = service.import_stations(&u, &e, &name, &bytes);
        (imported, service.election(&e))
    })
    .await;
    let (imported, election) = match outcome {
        Ok(result) => result,
        Err(response) => return response,
    };
    let election = match election {
        Ok(election) => election,
        Err(error) => return service_error_page(lang, &error),
    };
    match imported {
        Ok(count) => stations_page(
            &state,
            lang,
            &user,
            &election,
            Some((
                format!(
                    "{count} {}",
                    lang.pick("stembureaus ingelezen.", "polling stations imported.")
                ),
                "ok",
            )),
            StatusCode::OK,
        ),
        Err(error) => stations_page(
            &state,
            lang,
            &user,
            &election,
            Some((
                format!(
                    "{} {}",
                    lang.pick(
                        "Niet ingelezen, er is niets gewijzigd:",
                        "Not imported, nothing was changed:"
                    ),
                    error
                ),
                "error",
            )),
            status_of(&error),
        ),
    }
}

// --- users ---

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    chrome: Chrome,
    users: Vec<(String, String, String, String, String)>,
    created: Option<(String, String)>,
}

async fn users_page(
    state: &AppState,
    lang: Lang,
    user: &CurrentUser,
    created: Option<(String, String)>,
) -> Response {
    let service = state.service.clone();
    let users = match blocking(move || service.store().users()).await {
        Ok(Ok(users)) => users,
        Ok(Err(error)) => return service_error_page(lang, &ServiceError::from(error)),
        Err(response) => return response,
    };
    render(
        StatusCode::OK,
        &UsersPage {
            chrome: Chrome::new(state, lang, Some(user)),
            users: users
                .into_iter()
                .map(|u| {
                    (
                        u.username,
                        u.full_name,
                        lang.pick(u.role.name_nl(), u.role.as_str()).to_string(),
                        u.last_login.unwrap_or_default(),
                        u.locked_until
                            .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                            .unwrap_or_default(),
                    )
                })
                .collect(),
            created,
        },
    )
}

/// The users.
pub async fn users(
    State(state): State<AppState>,
    lang: Lang,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    users_page(&state, lang, &user, None).await
}

#[derive(Template)]
#[template(path = "user_form.html")]
struct UserFormPage {
    chrome: Chrome,
    csrf: String,
    error: Option<String>,
    username: String,
    full_name: String,
}

/// The new-user form.
pub async fn user_new_form(
    State(state): State<AppState>,
    lang: Lang,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    render(
        StatusCode::OK,
        &UserFormPage {
            chrome: Chrome::new(&state, lang, Some(&user)),
            csrf: user.csrf.clone(),
            error: None,
            username: String::new(),
            full_name: String::new(),
        },
    )
}

/// The new-user form's fields.
#[derive(Debug, Deserialize)]
pub struct UserForm {
    /// Username.
    pub username: String,
    /// Full name.
    pub full_name: String,
    /// Role.
    pub role: String,
}

/// Creates a user with a temporary password; returns it. (Dutch, English) reason on refusal.
pub async fn create_user(
    state: &AppState,
    admin: &CurrentUser,
    form: UserForm,
) -> Result<(store::User, String), (StatusCode, String, String)> {
    let username = form.username.trim().to_string();
    if !valid_username(&username) {
        return Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            "Een gebruikersnaam heeft 1 tot 64 letters, cijfers, punten, streepjes of liggende streepjes.".into(),
            "A username has 1 to 64 letters, digits, dots, hyphens or underscores.".into(),
        ));
    }
    let Some(role) = Role::parse(form.role.trim()) else {
        return Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("Onbekende rol ‘{}’.", form.role),
            format!("Unknown role {:?}.", form.role),
        ));
    };
    let password = auth::temporary_password();
    let for_hash = password.clone();
    let hash = blocking(move || auth::hash_password(&for_hash))
        .await
        .map_err(|_| {
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "interne fout".to_string(),
                "internal error".to_string(),
            )
        })?
        .map_err(|e| {
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                e.message_nl(),
                e.to_string(),
            )
        })?;
    let service = state.service.clone();
    let actor = admin.actor();
    let new = NewUser {
        username,
        full_name: form.full_name.trim().to_string(),
        role,
        password_hash: hash,
        must_change_password: true,
    };
    let created = blocking(move || service.store().create_user(&actor, new))
        .await
        .map_err(|_| {
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "interne fout".to_string(),
                "internal error".to_string(),
            )
        })?
        .map_err(|e| match e {
            store::StoreError::UserExists(name) => (
                StatusCode::CONFLICT,
                format!("Gebruiker {name} bestaat al."),
                format!("User {name} already exists."),
            ),
            other => (
                StatusCode::INTERNAL_SERVER_ERROR,
                other.to_string(),
                other.to_string(),
            ),
        })?;
    Ok((created, password))
}

/// Creates a user and shows the temporary password once.
pub async fn user_create(
    State(state): State<AppState>,
    lang: Lang,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<UserForm>,
) -> Response {
    let (username, full_name) = (form.username.clone(), form.full_name.clone());
    match create_user(&state, &user, form).await {
        Ok((created, password)) => {
            users_page(&state, lang, &user, Some((created.username, password))).await
        }
        Err((status, nl, en)) => render(
            status,
            &UserFormPage {
                chrome: Chrome::new(&state, lang, Some(&user)),
                csrf: user.csrf.clone(),
                error: Some(lang.pick(&nl, &en).into()),
                username,
                full_name,
            },
        ),
    }
}

// --- the result ---

#[derive(Template)]
#[template(path = "result.html")]
struct ResultPage {
    chrome: Chrome,
    election_id: String,
    election_name: String,
    message: Option<String>,
    ready: bool,
    admitted: u64,
    valid: u64,
    blank: u64,
    invalid: u64,
    stations: usize,
    lists: Vec<(String, u64, u32, String)>,
    files: Vec<(String, String, String)>,
    csrf: String,
    lot: Option<LotView>,
    decisions: Vec<String>,
}

struct LotView {
    id: String,
    article: String,
    description: String,
    options: String,
    seats_at_stake: u32,
}

/// The kinds of result files, as their download paths name them.
const RESULT_FILES: [&str; 9] = [
    "eml-510b",
    "osv4-3-csv",
    "eml-510d",
    "eml-520",
    "pdf-na-31-2",
    "pdf-na-31-2-bijlage-1",
    "pdf-p-22-2",
    "flanders-result-json",
    "pdf-flanders-main-office",
];

/// The result from the definitive counts, and the count's files.
pub async fn result(
    State(state): State<AppState>,
    lang: Lang,
    Path(election_id): Path<String>,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    let service = state.service.clone();
    let id = election_id.clone();
    let (election, summary, files) = attempt!(
        lang,
        blocking(move || -> Result<_, ServiceError> {
            let election = service.election(&id)?;
            let summary = service.result_summary(&id);
            let mut files = Vec::new();
            for kind in RESULT_FILES {
                if let Some(file) = service.store().result_file(&election.id, kind)? {
                    files.push((kind.to_string(), file.name, file.hash_code.to_string()));
                }
            }
            Ok((election, summary, files))
        })
        .await
    );
    let mut page = ResultPage {
        chrome: Chrome::new(&state, lang, Some(&user)),
        election_id,
        election_name: election.name.clone(),
        message: None,
        ready: false,
        admitted: 0,
        valid: 0,
        blank: 0,
        invalid: 0,
        stations: 0,
        lists: Vec::new(),
        files,
        csrf: user.csrf.clone(),
        lot: None,
        decisions: Vec::new(),
    };
    match summary {
        Ok(summary) => {
            let t = &summary.totals;
            page.ready = true;
            (page.admitted, page.valid, page.blank, page.invalid) =
                (t.admitted_voters, t.valid, t.blank, t.invalid);
            page.stations = t.polling_stations.len();
            page.lot = summary.lot.as_ref().map(|lot| LotView {
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
            page.decisions = summary
                .deceased
                .iter()
                .map(|(list, position)| {
                    format!(
                        "{} {list}, {} {position}",
                        lang.pick("Overleden: lijst", "Deceased: list"),
                        lang.pick("kandidaat", "candidate")
                    )
                })
                .chain(summary.lots.iter().map(|(id, order)| {
                    format!(
                        "{} {id}: {}",
                        lang.pick("Loting", "Lot"),
                        order
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }))
                .collect();
            page.lists = summary
                .lists
                .iter()
                .map(|l| {
                    (
                        format!("{} {}", l.number, l.name),
                        l.votes,
                        l.seats,
                        l.elected.join(", "),
                    )
                })
                .collect();
            if summary.lot_required {
                page.message = Some(
                    lang.pick(
                        "Er moet eerst geloot worden voordat de zetels verdeeld kunnen worden.",
                        "A drawing of lots is needed before the seats can be allocated.",
                    )
                    .into(),
                );
            }
        }
        Err(error) => {
            page.message = Some(if lang.is_en() {
                error.to_string()
            } else {
                error.message_nl()
            });
        }
    }
    render(StatusCode::OK, &page)
}

/// Makes the result's files (the first time: EML, CSV and the PDF reports) and goes back to the
/// result.
pub async fn result_files(
    State(state): State<AppState>,
    lang: Lang,
    Path(election_id): Path<String>,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    let service = state.service.clone();
    let (id, actor) = (election_id.clone(), user.actor());
    attempt!(
        lang,
        blocking(move || service.result_documents(&actor, &id)).await
    );
    Redirect::to(&format!("/elections/{election_id}/result")).into_response()
}

/// Imports a count made by other software (EML 510b) as the definitive counts: the central
/// committee's path (Kieswet P 22). All or nothing; a refusal says why and changes nothing.
pub async fn result_import(
    State(state): State<AppState>,
    lang: Lang,
    Path(election_id): Path<String>,
    Extension(user): Extension<CurrentUser>,
    multipart: Multipart,
) -> Response {
    let (name, bytes) = match read_upload(lang, multipart, ("EML 510b", "EML 510b")).await {
        Ok(upload) => upload,
        Err(response) => return response,
    };
    let service = state.service.clone();
    let (id, actor) = (election_id.clone(), user.actor());
    attempt!(
        lang,
        blocking(move || service.import_count(&actor, &id, &name, &bytes)).await
    );
    Redirect::to(&format!("/elections/{election_id}/result")).into_response()
}

/// The empty count form of a polling station (model N 10-2) as PDF, for printing before the
/// count: its lists and candidates, the boxes empty.
pub async fn station_count_form(
    State(state): State<AppState>,
    lang: Lang,
    Path((election_id, number)): Path<(String, String)>,
) -> Response {
    let service = state.service.clone();
    let (id, station) = (election_id.clone(), number.clone());
    let pdf = attempt!(
        lang,
        blocking(move || service.empty_count_form(&id, &station)).await
    );
    download(
        "application/pdf",
        &format!("Model_N10-2_{election_id}_SB{number}.pdf"),
        pdf,
    )
}

/// A file to save: its content type, and its name in `Content-Disposition` (quotes, backslashes
/// and slashes replaced, so a name cannot break out of the header or name a path).
pub(crate) fn download(content_type: &str, name: &str, bytes: Vec<u8>) -> Response {
    let name = name.replace(['"', '\\', '/'], "_");
    let mut response = ([(header::CONTENT_TYPE, content_type.to_string())], bytes).into_response();
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// A stored result file, exactly as stored.
pub async fn result_file(
    State(state): State<AppState>,
    lang: Lang,
    Path((election_id, kind)): Path<(String, String)>,
) -> Response {
    let Some(kind) = RESULT_FILES.into_iter().find(|k| *k == kind) else {
        return not_found(lang).await;
    };
    let service = state.service.clone();
    let file = attempt!(
        lang,
        blocking(move || -> Result<_, ServiceError> {
            let election = service.election(&election_id)?;
            Ok(service.store().result_file(&election.id, kind)?)
        })
        .await
    );
    let Some(file) = file else {
        return not_found(lang).await;
    };
    let content_type = if kind.starts_with("eml-") {
        "application/xml"
    } else if kind.starts_with("pdf-") {
        "application/pdf"
    } else if kind.ends_with("-json") {
        "application/json"
    } else {
        "text/csv; charset=utf-8"
    };
    download(content_type, &file.name, file.bytes)
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
    lang: Lang,
    Path(election_id): Path<String>,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<LotForm>,
) -> Response {
    let order: Result<Vec<u32>, _> = form
        .order
        .split([',', ' ', ';'])
        .filter(|t| !t.trim().is_empty())
        .map(|t| t.trim().parse::<u32>())
        .collect();
    let Ok(order) = order else {
        return error_page(
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            &format!(
                "‘{}’ is geen reeks nummers gescheiden door komma's.",
                form.order
            ),
            &format!(
                "{:?} is not a list of numbers separated by commas.",
                form.order
            ),
        );
    };
    let service = state.service.clone();
    let (id, actor) = (election_id.clone(), user.actor());
    attempt!(
        lang,
        blocking(move || service.enter_lot(&actor, &id, &form.lot, order)).await
    );
    Redirect::to(&format!("/elections/{election_id}/result")).into_response()
}

/// The deceased-candidate form's fields.
#[derive(Debug, Deserialize)]
pub struct DeceasedForm {
    list: String,
    position: String,
}

/// Registers a deceased candidate.
pub async fn result_deceased(
    State(state): State<AppState>,
    lang: Lang,
    Path(election_id): Path<String>,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<DeceasedForm>,
) -> Response {
    let (Ok(list), Ok(position)) = (
        form.list.trim().parse::<u32>(),
        form.position.trim().parse::<u32>(),
    ) else {
        return error_page(
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "Lijstnummer en plaats zijn gehele getallen.",
            "List number and position are whole numbers.",
        );
    };
    let service = state.service.clone();
    let (id, actor) = (election_id.clone(), user.actor());
    attempt!(
        lang,
        blocking(move || service.register_deceased(&actor, &id, list, position)).await
    );
    Redirect::to(&format!("/elections/{election_id}/result")).into_response()
}
