//! The JSON API under `/api`: the same operations as the pages, for scripts and other clients.
//!
//! Log in with `POST /api/login`; the answer carries the session cookie and the CSRF token that
//! every change sends as `X-CSRF-Token`. Errors are `{"error": code, "message": English,
//! "message_nl": Dutch}` with the fields concerned where there are any (made in one place,
//! `crate::error`). `/api/openapi.json` describes it all.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use messages::msg;
use model::count::Submitted;
use model::entry::{Acknowledgements, EntryState};
use office::entry::{EntryView, Resolution};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;
use crate::account::{self, Credentials, LoginRefusal, PasswordForm};
use crate::admin::{self, UserForm};
use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::openapi::{
    ApiDocument, CreatedUser, ElectionSummary, EntryAnswer, Imported, LoginAnswer, Overview,
    PollingStation, Refusals, SaveAnswer, StationBody, StatusAnswer, UserSummary,
};
use crate::page::{AtStation, InElection, blocking, office};
use crate::stations::StationForm;

/// The OpenAPI document.
#[utoipa::path(
    tag = "results entry",
    get,
    path = "/api/openapi.json",
    responses((status = 200, description = "This document", content_type = "application/json", body = Object))
)]
pub async fn openapi(Extension(document): Extension<ApiDocument>) -> Response {
    Json(document.0.as_ref().clone()).into_response()
}

/// `POST /api/login`.
#[utoipa::path(
    tag = "results entry",
    post,
    path = "/api/login",
    request_body = Credentials,
    responses((status = 200, description = "Logged in: the session cookie is set", body = LoginAnswer), Refusals)
)]
pub async fn login(
    State(state): State<AppState>,
    client: Option<axum::Extension<crate::listen::ClientAddress>>,
    Json(credentials): Json<Credentials>,
) -> Result<Response, WebError> {
    let address = client.map(|axum::Extension(client)| client.0.ip());
    match account::log_in(&state, credentials, address).await {
        Ok((token, user)) => {
            let mut response = Json(json!({
                "username": user.username,
                "role": user.role,
                "csrf_token": user.csrf,
                "must_change_password": user.must_change_password,
            }))
            .into_response();
            if let Some(cookie) = account::session_cookie(&token) {
                response.headers_mut().insert(header::SET_COOKIE, cookie);
            }
            Ok(response)
        }
        Err(refusal) => {
            let (status, code) = match refusal {
                LoginRefusal::Locked(_) => (StatusCode::UNAUTHORIZED, "locked"),
                LoginRefusal::Busy => (StatusCode::TOO_MANY_REQUESTS, "busy"),
                LoginRefusal::Disabled => (StatusCode::FORBIDDEN, "disabled"),
                _ => (StatusCode::UNAUTHORIZED, "wrong_credentials"),
            };
            Err(WebError::new(status, code, refusal.message()))
        }
    }
}

/// `POST /api/logout`.
#[utoipa::path(
    tag = "results entry",
    post,
    path = "/api/logout",
    responses((status = 204, description = "Logged out"), Refusals)
)]
pub async fn logout(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    headers: HeaderMap,
) -> Response {
    account::end_session(&state, &user, &headers).await;
    StatusCode::NO_CONTENT.into_response()
}

/// `POST /api/account/password`.
#[utoipa::path(
    tag = "results entry",
    post,
    path = "/api/account/password",
    request_body = PasswordForm,
    responses((status = 204, description = "The password is replaced"), Refusals)
)]
pub async fn change_password(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Json(form): Json<PasswordForm>,
) -> Result<Response, WebError> {
    match account::change_own_password(&state, &user, form).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(message) => Err(WebError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "password",
            message,
        )),
    }
}

/// `GET /api/elections`.
#[utoipa::path(
    tag = "results entry",
    get,
    path = "/api/elections",
    responses((status = 200, description = "The elections", body = Vec<ElectionSummary>), Refusals)
)]
pub async fn elections(State(state): State<AppState>) -> Result<Response, WebError> {
    let office = state.office.clone();
    let elections = blocking(move || office.store().elections()).await??;
    Ok(Json(
        elections
            .into_iter()
            .map(|e| {
                json!({
                    "id": e.id, "name": e.name, "election_date": e.election_date,
                    "seats": e.seats, "polling_stations": e.polling_stations,
                })
            })
            .collect::<Vec<_>>(),
    )
    .into_response())
}

fn entry_json(view: &EntryView, user: &CurrentUser) -> Value {
    let state = &view.stored.state;
    let own_draft = state.typist_in_progress().is_some_and(|t| t.id == user.id);
    let mut body = json!({
        "polling_station": view.station.number.get(),
        "status": state.status(),
        "version": view.stored.version,
        "typist": state.typist_in_progress().map(|t| t.username.clone()),
    });
    if own_draft {
        if let Some(draft) = state.draft() {
            body["draft"] = json!(draft);
        }
        body["findings"] = json!(view.findings);
    }
    if user.role == store::Role::Coordinator {
        body["findings"] = json!(view.findings);
        body["differences"] = json!(view.differences);
        match state {
            EntryState::EntriesDifferent { first, second } => {
                body["first"] = json!(first);
                body["second"] = json!(second);
            }
            EntryState::FirstEntryHasErrors { first }
            | EntryState::SecondEntryNotStarted { first } => {
                body["first"] = json!(first);
            }
            EntryState::Definitive {
                first,
                second_typist,
            } => {
                body["count"] = json!(first.count);
                body["first_typist"] = json!(first.typist.username);
                body["second_typist"] = json!(second_typist.username);
            }
            _ => {}
        }
    }
    body
}

/// `GET /api/elections/{election}/entries/{station}`.
#[utoipa::path(
    tag = "results entry",
    get,
    path = "/api/elections/{election}/entries/{station}",
    params(("election" = String, Path, description = "The election, e.g. GR2026_Assen"), ("station" = u32, Path, description = "The polling station's number")),
    responses((status = 200, description = "The entry", body = EntryAnswer), Refusals)
)]
pub async fn entry(
    State(state): State<AppState>,
    AtStation(id, number): AtStation,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
    let view = office(&state, move |office| office.entry(&id, number)).await?;
    Ok(Json(entry_json(&view, &user)).into_response())
}

/// `POST /api/elections/{election}/entries/{station}/claim`.
#[utoipa::path(
    tag = "results entry",
    post,
    path = "/api/elections/{election}/entries/{station}/claim",
    params(("election" = String, Path, description = "The election, e.g. GR2026_Assen"), ("station" = u32, Path, description = "The polling station's number")),
    responses((status = 200, description = "Claimed for the first or second entry", body = EntryAnswer), Refusals)
)]
pub async fn claim(
    State(state): State<AppState>,
    AtStation(id, number): AtStation,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
    let operator = user.operator();
    let view = office(&state, move |office| office.claim(&operator, &id, number)).await?;
    Ok(Json(entry_json(&view, &user)).into_response())
}

/// A submitted field value: a number, a tick or a text.
fn field_text(value: &Value) -> String {
    match value {
        Value::Bool(true) => "on".into(),
        Value::Bool(false) | Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A submitted field value as text: a number as its digits, a string as it is, `true` as `on`
/// (a ticked box), `false` and `null` as absent. Read straight from the JSON, without building a
/// JSON value first: a form has hundreds of fields.
#[derive(Debug)]
pub struct FieldText(Option<String>);

impl<'de> Deserialize<'de> for FieldText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<FieldText, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = FieldText;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a number, a string or a boolean")
            }
            fn visit_u64<E>(self, v: u64) -> Result<FieldText, E> {
                Ok(FieldText(Some(v.to_string())))
            }
            fn visit_i64<E>(self, v: i64) -> Result<FieldText, E> {
                Ok(FieldText(Some(v.to_string())))
            }
            fn visit_f64<E>(self, v: f64) -> Result<FieldText, E> {
                Ok(FieldText(Some(v.to_string())))
            }
            fn visit_str<E>(self, v: &str) -> Result<FieldText, E> {
                Ok(FieldText(Some(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<FieldText, E> {
                Ok(FieldText(Some(v)))
            }
            fn visit_bool<E>(self, v: bool) -> Result<FieldText, E> {
                Ok(FieldText(v.then(|| "on".to_string())))
            }
            fn visit_unit<E>(self) -> Result<FieldText, E> {
                Ok(FieldText(None))
            }
            fn visit_none<E>(self) -> Result<FieldText, E> {
                Ok(FieldText(None))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// The body of a save.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct SaveBody {
    /// The version the draft is based on.
    pub version: u64,
    /// Every field of the form by key (`voters.a`, …): numbers, booleans for tick boxes, text.
    #[schema(value_type = std::collections::HashMap<String, crate::openapi::FieldValue>)]
    pub fields: std::collections::HashMap<String, FieldText>,
}

fn fields_of(body: std::collections::HashMap<String, FieldText>) -> Submitted {
    body.into_iter()
        .filter_map(|(k, v)| v.0.map(|text| (k, text)))
        .collect()
}

/// `PUT /api/elections/{election}/entries/{station}`.
#[utoipa::path(
    tag = "results entry",
    put,
    path = "/api/elections/{election}/entries/{station}",
    params(("election" = String, Path, description = "The election, e.g. GR2026_Assen"), ("station" = u32, Path, description = "The polling station's number")),
    request_body = SaveBody,
    responses((status = 200, description = "The draft is saved", body = SaveAnswer), Refusals)
)]
pub async fn save(
    State(state): State<AppState>,
    AtStation(id, number): AtStation,
    Extension(user): Extension<CurrentUser>,
    Json(body): Json<SaveBody>,
) -> Result<Response, WebError> {
    let fields = fields_of(body.fields);
    let operator = user.operator();
    let (version, findings) = office(&state, move |office| {
        office.save(&operator, &id, number, body.version, &fields)
    })
    .await?;
    Ok(Json(json!({ "version": version, "findings": findings })).into_response())
}

/// The body of a finalise.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct FinaliseBody {
    /// The version the request is based on.
    pub version: u64,
    /// Optionally the fields, saved in the same step.
    #[serde(default)]
    #[schema(value_type = Option<std::collections::HashMap<String, crate::openapi::FieldValue>>)]
    pub fields: Option<std::collections::HashMap<String, FieldText>>,
    /// The warnings were checked against the paper.
    #[serde(default)]
    pub acknowledge_warnings: bool,
    /// The errors are on the paper report.
    #[serde(default)]
    pub acknowledge_errors: bool,
}

/// `POST /api/elections/{election}/entries/{station}/finalise`.
#[utoipa::path(
    tag = "results entry",
    post,
    path = "/api/elections/{election}/entries/{station}/finalise",
    params(("election" = String, Path, description = "The election, e.g. GR2026_Assen"), ("station" = u32, Path, description = "The polling station's number")),
    request_body = FinaliseBody,
    responses((status = 200, description = "The entry is finished", body = StatusAnswer), Refusals)
)]
pub async fn finalise(
    State(state): State<AppState>,
    AtStation(id, number): AtStation,
    Extension(user): Extension<CurrentUser>,
    Json(body): Json<FinaliseBody>,
) -> Result<Response, WebError> {
    let fields = body.fields.map(fields_of);
    let acknowledged = Acknowledgements {
        warnings: body.acknowledge_warnings,
        errors: body.acknowledge_errors,
    };
    let operator = user.operator();
    let (status, version) = office(&state, move |office| {
        office.finalise(
            &operator,
            &id,
            number,
            body.version,
            fields.as_ref(),
            acknowledged,
        )
    })
    .await?;
    Ok(Json(json!({ "status": status, "version": version })).into_response())
}

/// A body with only a version.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct VersionBody {
    /// The version the request is based on.
    pub version: u64,
}

/// `POST /api/elections/{election}/entries/{station}/abandon`.
#[utoipa::path(
    tag = "results entry",
    post,
    path = "/api/elections/{election}/entries/{station}/abandon",
    params(("election" = String, Path, description = "The election, e.g. GR2026_Assen"), ("station" = u32, Path, description = "The polling station's number")),
    request_body = VersionBody,
    responses((status = 200, description = "The typist gave the entry up", body = StatusAnswer), Refusals)
)]
pub async fn abandon(
    State(state): State<AppState>,
    AtStation(id, number): AtStation,
    Extension(user): Extension<CurrentUser>,
    Json(body): Json<VersionBody>,
) -> Result<Response, WebError> {
    let operator = user.operator();
    let (status, version) = office(&state, move |office| {
        office.abandon(&operator, &id, number, body.version)
    })
    .await?;
    Ok(Json(json!({ "status": status, "version": version })).into_response())
}

/// The body of a resolution.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ResolveBody {
    /// The version the decision is based on.
    pub version: u64,
    /// `keep_first`, `keep_second`, `send_back_first`, `send_back_second`, `discard_both`
    /// (differences) or `return_to_typist`, `discard` (errors).
    pub decision: String,
}

/// `POST /api/elections/{election}/entries/{station}/resolve`.
#[utoipa::path(
    tag = "results entry",
    post,
    path = "/api/elections/{election}/entries/{station}/resolve",
    params(("election" = String, Path, description = "The election, e.g. GR2026_Assen"), ("station" = u32, Path, description = "The polling station's number")),
    request_body = ResolveBody,
    responses((status = 200, description = "The coordinator's decision is taken", body = StatusAnswer), Refusals)
)]
pub async fn resolve(
    State(state): State<AppState>,
    AtStation(id, number): AtStation,
    Extension(user): Extension<CurrentUser>,
    Json(body): Json<ResolveBody>,
) -> Result<Response, WebError> {
    let Some(resolution): Option<Resolution> = crate::coordinator::parse_decision(&body.decision)
    else {
        return Err(WebError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_decision",
            msg!("web-unknown-decision", decision = &body.decision),
        ));
    };
    let operator = user.operator();
    let (status, version) = office(&state, move |office| {
        office.resolve(&operator, &id, number, body.version, resolution)
    })
    .await?;
    Ok(Json(json!({ "status": status, "version": version })).into_response())
}

/// `GET /api/elections/{election}/entries`.
#[utoipa::path(
    tag = "results entry",
    get,
    path = "/api/elections/{election}/entries",
    params(("election" = String, Path, description = "The election, e.g. GR2026_Assen")),
    responses((status = 200, description = "Every polling station's entry and the running totals", body = Overview), Refusals)
)]
pub async fn overview(
    State(state): State<AppState>,
    InElection(id): InElection,
) -> Result<Response, WebError> {
    let overview = office(&state, move |office| office.overview(&id)).await?;
    Ok(Json(overview).into_response())
}

/// `GET /api/elections/{election}/polling-stations`.
#[utoipa::path(
    tag = "results entry",
    get,
    path = "/api/elections/{election}/polling-stations",
    params(("election" = String, Path, description = "The election, e.g. GR2026_Assen")),
    responses((status = 200, description = "The polling stations", body = Vec<PollingStation>), Refusals)
)]
pub async fn stations(
    State(state): State<AppState>,
    InElection(id): InElection,
) -> Result<Response, WebError> {
    let election = office(&state, move |office| office.election(&id)).await?;
    Ok(Json(json!(election.polling_stations)).into_response())
}

/// A polling station as JSON: numbers may be given as numbers.
fn station_form(body: &Value) -> StationForm {
    let text = |key: &str| body.get(key).map(field_text).unwrap_or_default();
    StationForm {
        number: text("number"),
        name: text("name"),
        street: text("street"),
        postal_code: text("postal_code"),
        locality: text("locality"),
        voters: text("voters"),
    }
}

/// `POST /api/elections/{election}/polling-stations`.
#[utoipa::path(
    tag = "results entry",
    post,
    path = "/api/elections/{election}/polling-stations",
    params(("election" = String, Path, description = "The election, e.g. GR2026_Assen")),
    request_body = StationBody,
    responses((status = 201, description = "Added"), Refusals)
)]
pub async fn station_create(
    State(state): State<AppState>,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
    Json(body): Json<Value>,
) -> Result<Response, WebError> {
    let station = station_form(&body).to_station()?;
    let operator = user.operator();
    office(&state, move |office| {
        office.add_station(&operator, &id, station)
    })
    .await?;
    Ok(StatusCode::CREATED.into_response())
}

/// `PUT /api/elections/{election}/polling-stations/{station}`.
#[utoipa::path(
    tag = "results entry",
    put,
    path = "/api/elections/{election}/polling-stations/{station}",
    params(("election" = String, Path, description = "The election, e.g. GR2026_Assen"), ("station" = u32, Path, description = "The polling station's number")),
    request_body = StationBody,
    responses((status = 204, description = "Changed"), Refusals)
)]
pub async fn station_update(
    State(state): State<AppState>,
    AtStation(id, number): AtStation,
    Extension(user): Extension<CurrentUser>,
    Json(body): Json<Value>,
) -> Result<Response, WebError> {
    let station = station_form(&body).to_station()?;
    let operator = user.operator();
    office(&state, move |office| {
        office.update_station(&operator, &id, number, station)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The name of a file uploaded as a request body (`X-File-Name`), for messages and the audit log.
fn uploaded_name(headers: &HeaderMap) -> String {
    headers
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("upload.eml.xml")
        .to_string()
}

/// `POST /api/elections/{election}/polling-stations/import`: the body is the EML 110b file.
#[utoipa::path(
    tag = "results entry",
    post,
    path = "/api/elections/{election}/polling-stations/import",
    params(("election" = String, Path, description = "The election, e.g. GR2026_Assen")),
    request_body(content = String, content_type = "application/xml", description = "The EML file; its name in the X-File-Name header"),
    responses((status = 201, description = "Imported, all or none", body = Imported), Refusals)
)]
pub async fn stations_import(
    State(state): State<AppState>,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, WebError> {
    let name = uploaded_name(&headers);
    let operator = user.operator();
    let count = office(&state, move |office| {
        office.import_stations(&operator, &id, &name, &body)
    })
    .await?;
    Ok((StatusCode::CREATED, Json(json!({ "imported": count }))).into_response())
}

/// `POST /api/elections/{election}/result/import`: the body is an EML 510b made by other
/// software; its counts become the definitive counts (all or nothing).
#[utoipa::path(
    tag = "results entry",
    post,
    path = "/api/elections/{election}/result/import",
    params(("election" = String, Path, description = "The election, e.g. GR2026_Assen")),
    request_body(content = String, content_type = "application/xml", description = "The EML file; its name in the X-File-Name header"),
    responses((status = 201, description = "The counts are definitive, all or none", body = Imported), Refusals)
)]
pub async fn result_import(
    State(state): State<AppState>,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, WebError> {
    let name = uploaded_name(&headers);
    let actor = user.actor();
    let count = office(&state, move |office| {
        office.import_count(&actor, &id, &name, &body)
    })
    .await?;
    Ok((StatusCode::CREATED, Json(json!({ "imported": count }))).into_response())
}

/// `GET /api/users`.
#[utoipa::path(
    tag = "results entry",
    get,
    path = "/api/users",
    responses((status = 200, description = "The accounts", body = Vec<UserSummary>), Refusals)
)]
pub async fn users(State(state): State<AppState>) -> Result<Response, WebError> {
    let office = state.office.clone();
    let users = blocking(move || office.store().users()).await??;
    Ok(Json(
        users
            .into_iter()
            .map(|u| {
                json!({
                    "username": u.username, "full_name": u.full_name, "role": u.role,
                    "last_login": u.last_login,
                    "locked_until": u.locked_until.map(|t| t.to_rfc3339()),
                    "disabled": u.disabled,
                })
            })
            .collect::<Vec<_>>(),
    )
    .into_response())
}

/// `POST /api/users`: creates a user with a temporary password, returned once.
#[utoipa::path(
    tag = "results entry",
    post,
    path = "/api/users",
    request_body = UserForm,
    responses((status = 201, description = "Created with a temporary password, shown once", body = CreatedUser), Refusals)
)]
pub async fn user_create(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Json(form): Json<UserForm>,
) -> Result<Response, WebError> {
    match admin::create_user(&state, &user, form).await {
        Ok((created, password)) => Ok((
            StatusCode::CREATED,
            Json(json!({
                "username": created.username,
                "role": created.role,
                "temporary_password": password,
            })),
        )
            .into_response()),
        Err((status, message)) => Err(WebError::new(status, "refused", message)),
    }
}
