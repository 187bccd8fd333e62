//! Everyone's pages: the first-run setup, login and logout, one's own password, and the list of
//! elections. Every login attempt, logout and password change is in the audit log.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use chrono::Utc;
use messages::{Message, msg};
use serde::Deserialize;
use store::{AuditAction, NewUser, Role};

use crate::AppState;
use crate::auth::{self, CurrentUser, SESSION_COOKIE};
use crate::error::WebError;
use crate::lang::Lang;
use crate::page::{Chrome, blocking, render, see};

/// `/`: to the elections, the login or the first-run setup.
pub async fn home(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
) -> Result<Response, WebError> {
    if user.is_some() {
        return Ok(see("/elections"));
    }
    let office = state.office.clone();
    Ok(match blocking(move || office.store().user_count()).await? {
        Ok(0) => see("/setup"),
        _ => see("/login"),
    })
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
#[derive(Debug, Deserialize, utoipa::ToSchema)]
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
    /// Too many checks under way for this name or address: try again in a moment.
    Busy,
    /// The right password, but the account is disabled (told only to who knows the password).
    Disabled,
    /// The store failed.
    Store(String),
}

impl LoginRefusal {
    /// The reason, as a catalog message.
    pub fn message(&self) -> Message {
        match self {
            LoginRefusal::Wrong => msg!("web-username-or-password-is-not"),
            LoginRefusal::Locked(until) => msg!(
                "web-account-locked-until",
                time = crate::local_time(*until).format("%H:%M").to_string()
            ),
            LoginRefusal::Busy => auth::GateRefusal::Busy.message(),
            LoginRefusal::Disabled => msg!("web-account-is-disabled"),
            LoginRefusal::Store(detail) => msg!("web-store-refused", detail = detail),
        }
    }
}

/// Checks credentials, with back-off and lockout; on success starts a session. Every attempt
/// is in the audit log.
pub async fn log_in(
    state: &AppState,
    credentials: Credentials,
    address: Option<std::net::IpAddr>,
) -> Result<(String, CurrentUser), LoginRefusal> {
    let office = state.office.clone();
    // No username is longer than 64 characters (`valid_username`); a longer one is nobody's and
    // is cut short before it is looked up or logged, so a stranger cannot fill the audit log.
    let username: String = credentials.username.trim().chars().take(65).collect();
    let lookup = username.clone();
    let user = blocking(move || office.store().user_by_username(&lookup))
        .await
        .map_err(|_| LoginRefusal::Store("internal error".into()))?
        .map_err(|e| LoginRefusal::Store(e.to_string()))?;
    let limits = state.config.limits;
    let office = state.office.clone();
    let now = Utc::now();
    let stored = user.as_ref().map(|u| (u.failed_logins, u.locked_until));
    let account = user.as_ref().map(|u| u.id);
    let actor = store::Actor::new(
        "web",
        user.as_ref()
            .map_or(username.as_str(), |u| u.username.as_str()),
    );
    // Counted before the password is looked at: a burst of guesses gets no more checks than the
    // limit, and an unknown name is locked like a known one.
    let attempt = match state
        .login_gate
        .begin(&username, address, stored, &limits, now)
    {
        Ok(attempt) => attempt,
        Err(refusal) => {
            let _ = blocking(move || {
                office.store().log_event(
                    &actor,
                    AuditAction::UserLoginFailed,
                    serde_json::json!({ "reason": refusal.reason(), "checked": false }),
                )
            })
            .await;
            return Err(match refusal {
                auth::GateRefusal::Locked(until) => LoginRefusal::Locked(until),
                auth::GateRefusal::Busy => LoginRefusal::Busy,
            });
        }
    };
    // The same back-off, the same work: the answer's timing does not tell whether a name exists.
    tokio::time::sleep(auth::backoff(&limits, attempt.failures)).await;
    let password = credentials.password;
    let hash = user.as_ref().map(|u| u.password_hash.clone());
    let matches = state
        .check_password(move || match hash {
            Some(hash) => auth::verify_password(&password, &hash),
            None => {
                auth::verify_password(&password, auth::dummy_hash());
                false
            }
        })
        .await;
    let locked_until = state.login_gate.finish(attempt, matches, &limits, now);
    let Some(user) = user.filter(|_| matches) else {
        let _ = blocking(move || match account {
            Some(id) => office.store().login_failed(&actor, id, locked_until),
            None => office
                .store()
                .log_event(
                    &actor,
                    AuditAction::UserLoginFailed,
                    serde_json::json!({ "reason": "unknown user", "checked": true }),
                )
                .map(|_| ()),
        })
        .await;
        return Err(match locked_until {
            Some(until) => LoginRefusal::Locked(until),
            None => LoginRefusal::Wrong,
        });
    };
    let actor = store::Actor::new("web", &user.username);
    let id = user.id;
    if user.disabled {
        let _ = blocking(move || {
            office.store().log_event(
                &actor,
                AuditAction::UserLoginFailed,
                serde_json::json!({ "reason": "disabled", "checked": true }),
            )
        })
        .await;
        return Err(LoginRefusal::Disabled);
    }
    blocking(move || office.store().login_succeeded(&actor, id))
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
    crate::cookies::session(SESSION_COOKIE, token, "/")
}

/// A redirect to `target` that starts the session `token`.
fn logged_in(target: &str, token: &str) -> Response {
    let mut response = Redirect::to(target).into_response();
    if let Some(cookie) = session_cookie(token) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

/// Logs in.
pub async fn login(
    State(state): State<AppState>,
    lang: Lang,
    client: Option<Extension<crate::listen::ClientAddress>>,
    Form(credentials): Form<Credentials>,
) -> Response {
    let username = credentials.username.clone();
    let address = client.map(|Extension(client)| client.0.ip());
    match log_in(&state, credentials, address).await {
        Ok((token, user)) => {
            let target = if user.must_change_password {
                "/account/password"
            } else {
                "/elections"
            };
            logged_in(target, &token)
        }
        Err(refusal) => render(
            StatusCode::UNAUTHORIZED,
            &LoginPage {
                chrome: Chrome::new(&state, lang, None),
                error: Some(refusal.message().text(lang.0)),
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
    let mut response = see("/login");
    if let Some(removal) = crate::cookies::removal(SESSION_COOKIE, "/") {
        response.headers_mut().insert(header::SET_COOKIE, removal);
    }
    response
}

/// Ends the session of the request and logs it.
pub async fn end_session(state: &AppState, user: &CurrentUser, headers: &HeaderMap) {
    if let Some(token) = crate::cookies::read(headers, SESSION_COOKIE) {
        state.sessions.end(&token);
    }
    let office = state.office.clone();
    let actor = user.actor();
    let _ = blocking(move || {
        office
            .store()
            .log_event(&actor, AuditAction::UserLogout, serde_json::json!({}))
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
pub async fn setup_form(State(state): State<AppState>, lang: Lang) -> Result<Response, WebError> {
    let office = state.office.clone();
    Ok(match blocking(move || office.store().user_count()).await? {
        Ok(0) => render(
            StatusCode::OK,
            &SetupPage {
                chrome: Chrome::new(&state, lang, None),
                error: None,
                username: String::new(),
                full_name: String::new(),
            },
        ),
        _ => see("/login"),
    })
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
) -> Result<Response, WebError> {
    let refuse = |message: Message| {
        render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &SetupPage {
                chrome: Chrome::new(&state, lang, None),
                error: Some(message.text(lang.0)),
                username: form.username.clone(),
                full_name: form.full_name.clone(),
            },
        )
    };
    let username = form.username.trim().to_string();
    if !valid_username(&username) {
        return Ok(refuse(msg!("web-username-has-1-to-64")));
    }
    if form.password != form.repeat {
        return Ok(refuse(msg!("web-two-passwords-differ")));
    }
    let password = form.password.clone();
    let hash = match blocking(move || auth::hash_password(&password)).await? {
        Ok(hash) => hash,
        Err(error) => return Ok(refuse(error.message())),
    };
    let office = state.office.clone();
    let new = NewUser {
        username: username.clone(),
        full_name: form.full_name.trim().to_string(),
        role: Role::Administrator,
        password_hash: hash,
        must_change_password: false,
    };
    let actor = store::Actor::new("web", &username);
    match blocking(move || office.store().create_first_user(&actor, new)).await? {
        Ok(_) => {}
        Err(store::StoreError::SetupDone) => return Ok(see("/login")),
        Err(error) => {
            return Ok(refuse(msg!(
                "web-store-refused",
                detail = error.to_string()
            )));
        }
    }
    let credentials = Credentials {
        username,
        password: form.password.clone(),
    };
    // The administrator who just chose the password logs in with it: no address to count.
    Ok(match log_in(&state, credentials, None).await {
        Ok((token, _)) => logged_in("/elections", &token),
        Err(_) => see("/login"),
    })
}

// --- one's own password ---

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
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct PasswordForm {
    /// Current password.
    pub current: String,
    /// New password.
    pub new: String,
    /// New password again.
    pub repeat: String,
}

/// Changes the user's own password; the reason when refused.
pub async fn change_own_password(
    state: &AppState,
    user: &CurrentUser,
    form: PasswordForm,
) -> Result<(), Message> {
    if form.new != form.repeat {
        return Err(msg!("web-new-passwords-differ"));
    }
    if form.new == form.current {
        return Err(msg!("web-new-password-same-as-current"));
    }
    let internal = |_| msg!("web-something-went-wrong-on-server");
    let store_refused = |e: store::StoreError| msg!("web-store-refused", detail = e.to_string());
    let office = state.office.clone();
    let id = user.id;
    let stored = blocking(move || office.store().user(id))
        .await
        .map_err(internal)?
        .map_err(store_refused)?
        .ok_or_else(|| msg!("web-unknown-user"))?;
    let current = form.current;
    let hash = stored.password_hash.clone();
    let matches = blocking(move || auth::verify_password(&current, &hash))
        .await
        .unwrap_or(false);
    if !matches {
        return Err(msg!("web-current-password-wrong"));
    }
    let new = form.new;
    let hash = blocking(move || auth::hash_password(&new))
        .await
        .map_err(internal)?
        .map_err(|e| e.message())?;
    let office = state.office.clone();
    let actor = user.actor();
    blocking(move || office.store().set_password(&actor, id, hash, false))
        .await
        .map_err(internal)?
        .map_err(store_refused)?;
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
        Ok(()) if user.must_change_password => see("/elections"),
        Ok(()) => {
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
        Err(message) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &PasswordPage {
                chrome: Chrome::new(&state, lang, Some(&user)),
                error: Some(message.text(lang.0)),
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
) -> Result<Response, WebError> {
    let office = state.office.clone();
    let elections = blocking(move || office.store().elections()).await??;
    Ok(render(
        StatusCode::OK,
        &ElectionsPage {
            chrome: Chrome::new(&state, lang, Some(&user)),
            elections,
        },
    ))
}
