//! The administrator's pages: the users, and a new user with a temporary password shown once
//! (to be replaced at the first login).

use askama::Template;
use axum::extract::State;
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
) -> Result<Response, WebError> {
    let office = state.office.clone();
    let users = blocking(move || office.store().users()).await??;
    Ok(render(
        StatusCode::OK,
        &UsersPage {
            chrome: Chrome::new(state, lang, Some(user)),
            users: users
                .into_iter()
                .map(|u| {
                    (
                        u.username,
                        u.full_name,
                        role_name(lang, u.role),
                        u.last_login.unwrap_or_default(),
                        u.locked_until
                            .map(|t| crate::local_time(t).format("%Y-%m-%d %H:%M").to_string())
                            .unwrap_or_default(),
                    )
                })
                .collect(),
            created,
        },
    ))
}

/// The users.
pub async fn users(
    State(state): State<AppState>,
    lang: Lang,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
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
            users_page(&state, lang, &user, Some((created.username, password))).await
        }
        Err((status, message)) => Ok(render(
            status,
            &UserFormPage {
                chrome: Chrome::new(&state, lang, Some(&user)),
                csrf: user.csrf.clone(),
                error: Some(message.text(lang.0)),
                username,
                full_name,
            },
        )),
    }
}
