//! Accounts: the administrator manages every account, the coordinator the typists' (on the day
//! the coordinator hands out and takes back the typists' access). A new account or a reset
//! password gets a temporary password, shown once, to be handed over in person and replaced at
//! the first login; a disabled account cannot log in and its sessions end at once. Every change
//! is in the audit log (`user.create`, `user.set_password`, `user.disable`, `user.enable`).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Form};
use messages::{Message, msg};
use serde::Deserialize;
use store::{NewUser, Role};

use crate::AppState;
use crate::account::valid_username;
use crate::auth::{self, CurrentUser};
use crate::error::WebError;
use crate::lang::Lang;
use crate::page::{Chrome, blocking, render, role_name};

/// One account as the users page shows it.
struct UserRow {
    username: String,
    full_name: String,
    role: String,
    last_login: String,
    locked_until: String,
    disabled: bool,
    /// Whether the person looking may reset its password and disable or enable it.
    manageable: bool,
}

/// A temporary password just issued: for which account, and whether it replaced one.
struct Issued {
    username: String,
    password: String,
    reset: bool,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    chrome: Chrome,
    csrf: String,
    users: Vec<UserRow>,
    issued: Option<Issued>,
    notice: Option<String>,
}

/// Whether `manager` may manage accounts of `role`: the administrator every account, the
/// coordinator the typists'.
pub fn may_manage(manager: &CurrentUser, role: Role) -> bool {
    match manager.role {
        Role::Administrator => true,
        Role::Coordinator => role == Role::Typist,
        Role::Typist => false,
    }
}

async fn users_page(
    state: &AppState,
    lang: Lang,
    user: &CurrentUser,
    issued: Option<Issued>,
    notice: Option<String>,
) -> Result<Response, WebError> {
    let office = state.office.clone();
    let users = blocking(move || office.store().users()).await??;
    let coordinator = user.role == Role::Coordinator;
    Ok(render(
        StatusCode::OK,
        &UsersPage {
            chrome: Chrome::new(state, lang, Some(user)),
            csrf: user.csrf.clone(),
            users: users
                .into_iter()
                // A coordinator sees the typists, whose accounts they manage.
                .filter(|u| !coordinator || u.role == Role::Typist)
                .map(|u| UserRow {
                    manageable: may_manage(user, u.role) && u.id != user.id,
                    role: role_name(lang, u.role),
                    last_login: u
                        .last_login
                        .as_deref()
                        .map(crate::local_date_time)
                        .unwrap_or_default(),
                    locked_until: u
                        .locked_until
                        .map(|t| crate::local_time(t).format("%Y-%m-%d %H:%M").to_string())
                        .unwrap_or_default(),
                    disabled: u.disabled,
                    username: u.username,
                    full_name: u.full_name,
                })
                .collect(),
            issued,
            notice,
        },
    ))
}

/// The users.
pub async fn users(
    State(state): State<AppState>,
    lang: Lang,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
    users_page(&state, lang, &user, None, None).await
}

#[derive(Template)]
#[template(path = "user_form.html")]
struct UserFormPage {
    chrome: Chrome,
    csrf: String,
    error: Option<String>,
    username: String,
    full_name: String,
    /// The roles the person may give: value and name.
    roles: Vec<(&'static str, String)>,
}

/// The roles `manager` may give to a new account.
fn roles_for(manager: &CurrentUser, lang: Lang) -> Vec<(&'static str, String)> {
    [Role::Typist, Role::Coordinator, Role::Administrator]
        .into_iter()
        .filter(|role| may_manage(manager, *role))
        .map(|role| (role.as_str(), role_name(lang, role)))
        .collect()
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
            roles: roles_for(&user, lang),
        },
    )
}

/// The new-user form's fields.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct UserForm {
    /// Username.
    pub username: String,
    /// Full name.
    pub full_name: String,
    /// Role.
    pub role: String,
}

/// Creates a user with a temporary password; returns it. The status and reason on refusal.
pub async fn create_user(
    state: &AppState,
    admin: &CurrentUser,
    form: UserForm,
) -> Result<(store::User, String), (StatusCode, Message)> {
    let username = form.username.trim().to_string();
    if !valid_username(&username) {
        return Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            msg!("web-username-has-1-to-64"),
        ));
    }
    let Some(role) = Role::parse(form.role.trim()) else {
        return Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            msg!("web-unknown-role", role = &form.role),
        ));
    };
    if !may_manage(admin, role) {
        return Err((
            StatusCode::FORBIDDEN,
            msg!("web-may-not-manage-role", role = role.as_str()),
        ));
    }
    let internal = |_| {
        (
            StatusCode::INTERNAL_SERVER_ERROR,
            msg!("web-something-went-wrong-on-server"),
        )
    };
    let password = auth::temporary_password();
    let for_hash = password.clone();
    let hash = blocking(move || auth::hash_password(&for_hash))
        .await
        .map_err(internal)?
        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.message()))?;
    let office = state.office.clone();
    let actor = admin.actor();
    let new = NewUser {
        username,
        full_name: form.full_name.trim().to_string(),
        role,
        password_hash: hash,
        must_change_password: true,
    };
    let created = blocking(move || office.store().create_user(&actor, new))
        .await
        .map_err(internal)?
        .map_err(|e| match e {
            store::StoreError::UserExists(name) => {
                (StatusCode::CONFLICT, msg!("web-user-exists", user = name))
            }
            other => (
                StatusCode::INTERNAL_SERVER_ERROR,
                msg!("web-store-refused", detail = other.to_string()),
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
) -> Result<Response, WebError> {
    let (username, full_name) = (form.username.clone(), form.full_name.clone());
    match create_user(&state, &user, form).await {
        Ok((created, password)) => {
            let issued = Issued {
                username: created.username,
                password,
                reset: false,
            };
            users_page(&state, lang, &user, Some(issued), None).await
        }
        Err((status, message)) => Ok(render(
            status,
            &UserFormPage {
                chrome: Chrome::new(&state, lang, Some(&user)),
                csrf: user.csrf.clone(),
                error: Some(message.text(lang.0)),
                username,
                full_name,
                roles: roles_for(&user, lang),
            },
        )),
    }
}

/// The account `username` if `manager` may manage it (and it is not their own).
async fn managed(
    state: &AppState,
    manager: &CurrentUser,
    username: &str,
) -> Result<store::User, WebError> {
    let office = state.office.clone();
    let lookup = username.to_string();
    let account = blocking(move || office.store().user_by_username(&lookup))
        .await??
        .ok_or_else(|| {
            WebError::new(
                StatusCode::NOT_FOUND,
                "not_found",
                msg!("web-no-such-user", user = username),
            )
        })?;
    if account.id == manager.id || !may_manage(manager, account.role) {
        return Err(WebError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            msg!("web-may-not-manage-role", role = account.role.as_str()),
        ));
    }
    Ok(account)
}

/// Gives an account a new temporary password (shown once) and ends its sessions: whoever had the
/// old one is logged out.
pub async fn reset_password(
    State(state): State<AppState>,
    lang: Lang,
    Extension(user): Extension<CurrentUser>,
    Path(username): Path<String>,
) -> Result<Response, WebError> {
    let account = managed(&state, &user, &username).await?;
    let password = auth::temporary_password();
    let for_hash = password.clone();
    let hash = blocking(move || auth::hash_password(&for_hash))
        .await?
        .map_err(|e| WebError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", e.message()))?;
    let office = state.office.clone();
    let actor = user.actor();
    blocking(move || office.store().set_password(&actor, account.id, hash, true)).await??;
    state.sessions.end_all_of(account.id);
    let issued = Issued {
        username: account.username,
        password,
        reset: true,
    };
    users_page(&state, lang, &user, Some(issued), None).await
}

/// Disables an account: it cannot log in, and its sessions end now.
pub async fn disable(
    State(state): State<AppState>,
    lang: Lang,
    Extension(user): Extension<CurrentUser>,
    Path(username): Path<String>,
) -> Result<Response, WebError> {
    set_disabled(state, lang, user, username, true).await
}

/// Enables a disabled account again.
pub async fn enable(
    State(state): State<AppState>,
    lang: Lang,
    Extension(user): Extension<CurrentUser>,
    Path(username): Path<String>,
) -> Result<Response, WebError> {
    set_disabled(state, lang, user, username, false).await
}

async fn set_disabled(
    state: AppState,
    lang: Lang,
    user: CurrentUser,
    username: String,
    disabled: bool,
) -> Result<Response, WebError> {
    let account = managed(&state, &user, &username).await?;
    let office = state.office.clone();
    let actor = user.actor();
    let id = account.id;
    let changed = blocking(move || office.store().set_user_disabled(&actor, id, disabled))
        .await?
        .map_err(|error| match error {
            store::StoreError::AlreadySo { .. } => WebError::new(
                StatusCode::CONFLICT,
                "conflict",
                msg!("web-store-refused", detail = error.to_string()),
            ),
            other => WebError::from(other),
        })?;
    if disabled {
        state.sessions.end_all_of(id);
    }
    let notice = if disabled {
        msg!("web-account-disabled-notice", user = changed.username)
    } else {
        msg!("web-account-enabled-notice", user = changed.username)
    };
    users_page(&state, lang, &user, None, Some(notice.text(lang.0))).await
}
