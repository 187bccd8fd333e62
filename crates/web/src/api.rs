//! The JSON API under `/api`: the same operations as the pages, for scripts and other clients.
//!
//! Log in with `POST /api/login`; the answer carries the session cookie and the CSRF token that
//! every change sends as `X-CSRF-Token`. Errors are `{"error": code, "message": English,
//! "message_nl": Dutch}` with the fields concerned where there are any. `/api/openapi.json`
//! describes it all.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use model::count::Submitted;
use model::entry::{Acknowledgements, EntryState};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;
use crate::auth::CurrentUser;
use crate::pages::{self, blocking, status_of};
use crate::service::{EntryView, Resolution, ServiceError};

/// An error answer.
pub fn error(status: StatusCode, code: &str, nl: &str, en: &str) -> Response {
    (
        status,
        Json(json!({ "error": code, "message": en, "message_nl": nl })),
    )
        .into_response()
}

fn service_error(error: &ServiceError) -> Response {
    let status = status_of(error);
    let code = match error {
        ServiceError::NotFound(_) => "not_found",
        ServiceError::Invalid(_) => "invalid_fields",
        ServiceError::Transition(_) => "refused",
        ServiceError::Stale { .. } => "stale",
        ServiceError::BadRequest(_) => "bad_request",
        ServiceError::Conflict { .. } => "conflict",
        ServiceError::Store(_) => "store",
    };
    let mut body = json!({
        "error": code,
        "message": error.to_string(),
        "message_nl": error.message_nl(),
    });
    match error {
        ServiceError::Invalid(errors) => {
            body["fields"] = errors
                .iter()
                .map(|e| json!({ "field": e.key(), "message": e.to_string(), "message_nl": e.message_nl() }))
                .collect();
        }
        ServiceError::Stale { expected, found } => {
            body["expected_version"] = json!(expected);
            body["version"] = json!(found);
        }
        ServiceError::Transition(
            model::entry::TransitionError::WarningsNotAcknowledged(findings)
            | model::entry::TransitionError::ErrorsNotAcknowledged(findings),
        ) => {
            body["findings"] = json!(findings);
        }
        _ => {}
    }
    (status, Json(body)).into_response()
}

macro_rules! attempt {
    ($work:expr) => {
        match $work {
            Ok(Ok(value)) => value,
            Ok(Err(error)) => return service_error(&error),
            Err(response) => return response,
        }
    };
}

/// The OpenAPI document.
pub async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("../api/openapi.json"),
    )
        .into_response()
}

/// `POST /api/login`.
pub async fn login(
    State(state): State<AppState>,
    Json(credentials): Json<pages::Credentials>,
) -> Response {
    match pages::log_in(&state, credentials).await {
        Ok((token, user)) => {
            let mut response = Json(json!({
                "username": user.username,
                "role": user.role,
                "csrf_token": user.csrf,
                "must_change_password": user.must_change_password,
            }))
            .into_response();
            if let Some(cookie) = pages::session_cookie(&token) {
                response.headers_mut().insert(header::SET_COOKIE, cookie);
            }
            response
        }
        Err(refusal) => {
            let code = match refusal {
                pages::LoginRefusal::Locked(_) => "locked",
                _ => "wrong_credentials",
            };
            error(
                StatusCode::UNAUTHORIZED,
                code,
                &refusal.message(crate::Lang(model::Language::Nl)),
                &refusal.message(crate::Lang(model::Language::En)),
            )
        }
    }
}

/// `POST /api/logout`.
pub async fn logout(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    headers: HeaderMap,
) -> Response {
    pages::end_session(&state, &user, &headers).await;
    StatusCode::NO_CONTENT.into_response()
}

/// `POST /api/account/password`.
pub async fn change_password(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Json(form): Json<pages::PasswordForm>,
) -> Response {
    match pages::change_own_password(&state, &user, form).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err((nl, en)) => error(StatusCode::UNPROCESSABLE_ENTITY, "password", &nl, &en),
    }
}

/// `GET /api/elections`.
pub async fn elections(State(state): State<AppState>) -> Response {
    let service = state.service.clone();
    let elections =
        attempt!(blocking(move || service.store().elections().map_err(ServiceError::from)).await);
    Json(
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
    .into_response()
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
pub async fn entry(
    State(state): State<AppState>,
    Path((election_id, number)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    let service = state.service.clone();
    let view = attempt!(blocking(move || service.entry(&election_id, &number)).await);
    Json(entry_json(&view, &user)).into_response()
}

/// `POST /api/elections/{election}/entries/{station}/claim`.
pub async fn claim(
    State(state): State<AppState>,
    Path((election_id, number)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    let service = state.service.clone();
    let u = user.clone();
    let view = attempt!(blocking(move || service.claim(&u, &election_id, &number)).await);
    Json(entry_json(&view, &user)).into_response()
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
#[derive(Debug, Deserialize)]
pub struct SaveBody {
    /// The version the draft is based on.
    pub version: u64,
    /// Every field of the form by key (`voters.a`, …): numbers, booleans for tick boxes, text.
    pub fields: std::collections::HashMap<String, FieldText>,
}

fn fields_of(body: std::collections::HashMap<String, FieldText>) -> Submitted {
    body.into_iter()
        .filter_map(|(k, v)| v.0.map(|text| (k, text)))
        .collect()
}

/// `PUT /api/elections/{election}/entries/{station}`.
pub async fn save(
    State(state): State<AppState>,
    Path((election_id, number)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
    Json(body): Json<SaveBody>,
) -> Response {
    let service = state.service.clone();
    let fields = fields_of(body.fields);
    let (version, findings) = attempt!(
        blocking(move || service.save(&user, &election_id, &number, body.version, &fields)).await
    );
    Json(json!({ "version": version, "findings": findings })).into_response()
}

/// The body of a finalise.
#[derive(Debug, Deserialize)]
pub struct FinaliseBody {
    /// The version the request is based on.
    pub version: u64,
    /// Optionally the fields, saved in the same step.
    #[serde(default)]
    pub fields: Option<std::collections::HashMap<String, FieldText>>,
    /// The warnings were checked against the paper.
    #[serde(default)]
    pub acknowledge_warnings: bool,
    /// The errors are on the paper report.
    #[serde(default)]
    pub acknowledge_errors: bool,
}

/// `POST /api/elections/{election}/entries/{station}/finalise`.
pub async fn finalise(
    State(state): State<AppState>,
    Path((election_id, number)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
    Json(body): Json<FinaliseBody>,
) -> Response {
    let service = state.service.clone();
    let fields = body.fields.map(fields_of);
    let acknowledged = Acknowledgements {
        warnings: body.acknowledge_warnings,
        errors: body.acknowledge_errors,
    };
    let (status, version) = attempt!(
        blocking(move || service.finalise(
            &user,
            &election_id,
            &number,
            body.version,
            fields.as_ref(),
            acknowledged
        ))
        .await
    );
    Json(json!({ "status": status, "version": version })).into_response()
}

/// A body with only a version.
#[derive(Debug, Deserialize)]
pub struct VersionBody {
    /// The version the request is based on.
    pub version: u64,
}

/// `POST /api/elections/{election}/entries/{station}/abandon`.
pub async fn abandon(
    State(state): State<AppState>,
    Path((election_id, number)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
    Json(body): Json<VersionBody>,
) -> Response {
    let service = state.service.clone();
    let (status, version) = attempt!(
        blocking(move || service.abandon(&user, &election_id, &number, body.version)).await
    );
    Json(json!({ "status": status, "version": version })).into_response()
}

/// The body of a resolution.
#[derive(Debug, Deserialize)]
pub struct ResolveBody {
    /// The version the decision is based on.
    pub version: u64,
    /// `keep_first`, `keep_second`, `send_back_first`, `send_back_second`, `discard_both`
    /// (differences) or `return_to_typist`, `discard` (errors).
    pub decision: String,
}

/// `POST /api/elections/{election}/entries/{station}/resolve`.
pub async fn resolve(
    State(state): State<AppState>,
    Path((election_id, number)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
    Json(body): Json<ResolveBody>,
) -> Response {
    let Some(resolution): Option<Resolution> = pages::parse_decision(&body.decision) else {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_decision",
            &format!("Onbekende beslissing ‘{}’.", body.decision),
            &format!("Unknown decision {:?}.", body.decision),
        );
    };
    let service = state.service.clone();
    let (status, version) = attempt!(
        blocking(move || service.resolve(&user, &election_id, &number, body.version, resolution))
            .await
    );
    Json(json!({ "status": status, "version": version })).into_response()
}

/// `GET /api/elections/{election}/entries`.
pub async fn overview(State(state): State<AppState>, Path(election_id): Path<String>) -> Response {
    let service = state.service.clone();
    let overview = attempt!(blocking(move || service.overview(&election_id)).await);
    Json(overview).into_response()
}

/// `GET /api/elections/{election}/polling-stations`.
pub async fn stations(State(state): State<AppState>, Path(election_id): Path<String>) -> Response {
    let service = state.service.clone();
    let election = attempt!(blocking(move || service.election(&election_id)).await);
    Json(json!(election.polling_stations)).into_response()
}

/// A polling station as JSON: numbers may be given as numbers.
fn station_form(body: &Value) -> pages::StationForm {
    let text = |key: &str| body.get(key).map(field_text).unwrap_or_default();
    pages::StationForm {
        number: text("number"),
        name: text("name"),
        street: text("street"),
        postal_code: text("postal_code"),
        locality: text("locality"),
        voters: text("voters"),
    }
}

/// `POST /api/elections/{election}/polling-stations`.
pub async fn station_create(
    State(state): State<AppState>,
    Path(election_id): Path<String>,
    Extension(user): Extension<CurrentUser>,
    Json(body): Json<Value>,
) -> Response {
    let station = match station_form(&body).to_station() {
        Ok(station) => station,
        Err((nl, en)) => {
            return error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_fields", &nl, &en);
        }
    };
    let service = state.service.clone();
    attempt!(blocking(move || service.add_station(&user, &election_id, station)).await);
    StatusCode::CREATED.into_response()
}

/// `PUT /api/elections/{election}/polling-stations/{station}`.
pub async fn station_update(
    State(state): State<AppState>,
    Path((election_id, number)): Path<(String, String)>,
    Extension(user): Extension<CurrentUser>,
    Json(body): Json<Value>,
) -> Response {
    let station = match station_form(&body).to_station() {
        Ok(station) => station,
        Err((nl, en)) => {
            return error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_fields", &nl, &en);
        }
    };
    let service = state.service.clone();
    attempt!(blocking(move || service.update_station(&user, &election_id, &number, station)).await);
    StatusCode::NO_CONTENT.into_response()
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
pub async fn stations_import(
    State(state): State<AppState>,
    Path(election_id): Path<String>,
    Extension(user): Extension<CurrentUser>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let name = uploaded_name(&headers);
    let service = state.service.clone();
    let count = attempt!(
        blocking(move || service.import_stations(&user, &election_id, &name, &body)).await
    );
    (StatusCode::CREATED, Json(json!({ "imported": count }))).into_response()
}

/// `POST /api/elections/{election}/result/import`: the body is an EML 510b made by other
/// software; its counts become the definitive counts (all or nothing).
pub async fn result_import(
    State(state): State<AppState>,
    Path(election_id): Path<String>,
    Extension(user): Extension<CurrentUser>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let name = uploaded_name(&headers);
    let service = state.service.clone();
    let actor = user.actor();
    let count =
        attempt!(blocking(move || service.import_count(&actor, &election_id, &name, &body)).await);
    (StatusCode::CREATED, Json(json!({ "imported": count }))).into_response()
}

/// `GET /api/users`.
pub async fn users(State(state): State<AppState>) -> Response {
    let service = state.service.clone();
    let users =
        attempt!(blocking(move || service.store().users().map_err(ServiceError::from)).await);
    Json(
        users
            .into_iter()
            .map(|u| {
                json!({
                    "username": u.username, "full_name": u.full_name, "role": u.role,
                    "last_login": u.last_login,
                    "locked_until": u.locked_until.map(|t| t.to_rfc3339()),
                })
            })
            .collect::<Vec<_>>(),
    )
    .into_response()
}

/// `POST /api/users`: creates a user with a temporary password, returned once.
pub async fn user_create(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Json(form): Json<pages::UserForm>,
) -> Response {
    match pages::create_user(&state, &user, form).await {
        Ok((created, password)) => (
            StatusCode::CREATED,
            Json(json!({
                "username": created.username,
                "role": created.role,
                "temporary_password": password,
            })),
        )
            .into_response(),
        Err((status, nl, en)) => error(status, "refused", &nl, &en),
    }
}
