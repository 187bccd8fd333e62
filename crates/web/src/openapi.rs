//! The OpenAPI 3.1 description of the JSON API under `/api`, generated from the handlers'
//! `#[utoipa::path]` attributes (`api.rs`) and the schemas below, with each operation's roles
//! (`x-urna-roles`) taken from the route table itself: the document cannot name other roles than
//! the server enforces, nor miss a route (a test compares both). Served at `/api/openapi.json`;
//! `crates/web/tests/security.rs` validates it with an independent validator and checks every
//! answer the API gives in its tests against the schema documented for it.
//!
//! The answers' shapes of types owned by other crates (an entry's draft, its findings) are
//! described as free-form objects; the fields Urna itself puts at the top of every answer are
//! described one by one.

use serde::Serialize;
use serde_json::{Value, json};
use utoipa::{IntoResponses, OpenApi, ToSchema};

use crate::routes::{Access, RouteSpec};

/// A field of a count form as the API takes it: a number, a text, a tick (`true`), or absent.
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum FieldValue {
    /// A number.
    Number(u64),
    /// Text, e.g. digits as typed.
    Text(String),
    /// A tick box.
    Tick(bool),
}

/// A refusal: a code, the reason in English and in Dutch, and where there are any the fields
/// concerned, the findings to acknowledge, or the version found.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiError {
    /// A stable code, e.g. `invalid_fields`, `stale`, `forbidden`.
    pub error: String,
    /// The reason in English.
    pub message: String,
    /// The reason in Dutch.
    pub message_nl: String,
    /// Each field that was refused.
    #[schema(nullable = false)]
    pub fields: Option<Vec<FieldProblem>>,
    /// Findings (warnings or errors) the request has to acknowledge.
    #[schema(nullable = false, value_type = Option<Vec<Object>>)]
    pub findings: Option<Vec<Value>>,
    /// The version the request was based on (a stale request).
    #[schema(nullable = false)]
    pub expected_version: Option<u64>,
    /// The version stored (a stale request).
    #[schema(nullable = false)]
    pub version: Option<u64>,
}

/// One refused field.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldProblem {
    /// The field's key, e.g. `voters.a`.
    pub field: String,
    /// The reason in English.
    pub message: String,
    /// The reason in Dutch.
    pub message_nl: String,
}

/// Every refusal an operation can give.
#[derive(Debug, IntoResponses)]
pub enum Refusals {
    /// Not logged in, or the session has ended.
    #[response(status = 401, description = "Not logged in, or the session has ended")]
    Unauthorized(ApiError),
    /// The role may not do this, or the CSRF token is missing.
    #[response(
        status = 403,
        description = "The role may not do this, or the X-CSRF-Token header is missing or wrong"
    )]
    Forbidden(ApiError),
    /// The state changed meanwhile, or the step is not allowed in it.
    #[response(
        status = 409,
        description = "Changed meanwhile (reload), or not allowed in the current state"
    )]
    Conflict(ApiError),
    /// The input is refused, naming each field.
    #[response(status = 422, description = "The input is refused, naming each field")]
    Invalid(ApiError),
}

/// A successful login.
#[derive(Debug, Serialize, ToSchema)]
pub struct LoginAnswer {
    /// The login name.
    pub username: String,
    /// `administrator`, `coordinator` or `typist`.
    pub role: String,
    /// Send as `X-CSRF-Token` with every request that changes something.
    pub csrf_token: String,
    /// The password is temporary: change it first (`POST /api/account/password`).
    pub must_change_password: bool,
}

/// An election as listed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ElectionSummary {
    /// E.g. `GR2026_Assen`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Election day (YYYY-MM-DD).
    #[schema(format = Date)]
    pub election_date: String,
    /// Seats.
    pub seats: u32,
    /// Polling stations.
    pub polling_stations: u64,
}

/// Where an entry stands.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EntryStatus {
    NotStarted,
    FirstEntryInProgress,
    FirstEntryHasErrors,
    SecondEntryNotStarted,
    SecondEntryInProgress,
    EntriesDifferent,
    Definitive,
    Imported,
}

/// One polling station's entry: its status and version for everyone; the typist's own draft and
/// findings; for the coordinator both entries, their differences or the definitive count.
#[derive(Debug, Serialize, ToSchema)]
pub struct EntryAnswer {
    /// The polling station's number.
    pub polling_station: u32,
    /// Where the entry stands.
    pub status: EntryStatus,
    /// Send with the next change of this entry.
    pub version: u64,
    /// Who is typing it now.
    pub typist: Option<String>,
    /// The typist's own draft.
    #[schema(nullable = false, value_type = Option<Object>)]
    pub draft: Option<Value>,
    /// Errors and warnings of the draft or the entry.
    #[schema(nullable = false, value_type = Option<Vec<Object>>)]
    pub findings: Option<Vec<Value>>,
    /// Fields in which the two entries differ (coordinator).
    #[schema(nullable = false, value_type = Option<Vec<Object>>)]
    pub differences: Option<Vec<Value>>,
    /// The first entry (coordinator).
    #[schema(nullable = false, value_type = Option<Object>)]
    pub first: Option<Value>,
    /// The second entry (coordinator).
    #[schema(nullable = false, value_type = Option<Object>)]
    pub second: Option<Value>,
    /// The definitive count (coordinator).
    #[schema(nullable = false, value_type = Option<Object>)]
    pub count: Option<Value>,
    /// Who typed the definitive count first (coordinator).
    #[schema(nullable = false)]
    pub first_typist: Option<String>,
    /// Who typed it second (coordinator).
    #[schema(nullable = false)]
    pub second_typist: Option<String>,
}

/// A draft saved.
#[derive(Debug, Serialize, ToSchema)]
pub struct SaveAnswer {
    /// The new version.
    pub version: u64,
    /// Errors and warnings of the draft as it stands.
    #[schema(value_type = Vec<Object>)]
    pub findings: Vec<Value>,
}

/// A step of the double entry taken.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusAnswer {
    /// Where the entry stands now.
    pub status: EntryStatus,
    /// The new version.
    pub version: u64,
}

/// The coordinator's overview of an election's entries.
#[derive(Debug, Serialize, ToSchema)]
pub struct Overview {
    /// Per polling station.
    pub rows: Vec<OverviewRow>,
    /// The running totals over the definitive counts.
    #[schema(value_type = Object)]
    pub totals: Value,
    /// How many entries are in each status: `[status, number]` pairs.
    #[schema(value_type = Vec<Vec<serde_json::Value>>, min_items = 8, max_items = 8)]
    pub by_status: Vec<Value>,
}

/// One polling station in the overview.
#[derive(Debug, Serialize, ToSchema)]
pub struct OverviewRow {
    /// Number.
    pub number: u32,
    /// Name.
    pub name: String,
    /// Where its entry stands.
    pub status: EntryStatus,
    /// Who typed (or types) the first entry.
    pub first_typist: Option<String>,
    /// Who typed (or types) the second entry.
    pub second_typist: Option<String>,
    /// Fields that differ between the entries.
    pub differences: u64,
    /// Error codes.
    pub errors: Vec<String>,
    /// Warning codes.
    pub warnings: Vec<String>,
    /// Version.
    pub version: u64,
}

/// A polling station as stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct PollingStation {
    /// Number within the municipality.
    pub number: u32,
    /// Name of the location.
    pub name: String,
    /// `fixed_location`, `special`, `mobile` or `municipality`, when known.
    pub kind: Option<String>,
    /// Address.
    pub address: Address,
    /// Registered voters expected, when known.
    pub voters: Option<u32>,
    /// The contest its ballots count for, where an election has several.
    pub contest: Option<String>,
}

/// A postal address.
#[derive(Debug, Serialize, ToSchema)]
pub struct Address {
    /// Street and number.
    pub street: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// Town.
    pub locality: Option<String>,
}

/// A polling station to add or change; numbers may be numbers or text.
#[derive(Debug, Serialize, ToSchema)]
pub struct StationBody {
    /// Number within the municipality.
    pub number: FieldValue,
    /// Name of the location.
    pub name: String,
    /// Street and number.
    #[schema(nullable = false)]
    pub street: Option<String>,
    /// Postal code.
    #[schema(nullable = false)]
    pub postal_code: Option<String>,
    /// Town.
    #[schema(nullable = false)]
    pub locality: Option<String>,
    /// Registered voters expected.
    #[schema(nullable = false)]
    pub voters: Option<FieldValue>,
}

/// How many were taken in.
#[derive(Debug, Serialize, ToSchema)]
pub struct Imported {
    /// Polling stations (or counts) imported.
    pub imported: u64,
}

/// An account as listed.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserSummary {
    /// Login name.
    pub username: String,
    /// Full name.
    pub full_name: String,
    /// `administrator`, `coordinator` or `typist`.
    pub role: String,
    /// Last successful login (RFC 3339).
    pub last_login: Option<String>,
    /// Locked out until (RFC 3339).
    pub locked_until: Option<String>,
    /// Disabled: cannot log in.
    pub disabled: bool,
}

/// An account created.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedUser {
    /// Login name.
    pub username: String,
    /// Its role.
    pub role: String,
    /// The temporary password, shown once: to be replaced at the first login.
    pub temporary_password: String,
}

/// The API's description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Urna results entry",
        version = "1",
        description = "Double data entry of polling-station counts. Log in with POST /api/login; \
send the returned csrf_token as X-CSRF-Token on every request that changes something. Every \
operation lists the roles that may use it (x-urna-roles). Refusals are JSON objects with a code \
and the reason in English and Dutch (ApiError)."
    ),
    paths(
        crate::api::openapi,
        crate::api::login,
        crate::api::logout,
        crate::api::change_password,
        crate::api::elections,
        crate::api::entry,
        crate::api::claim,
        crate::api::save,
        crate::api::finalise,
        crate::api::abandon,
        crate::api::resolve,
        crate::api::overview,
        crate::api::stations,
        crate::api::station_create,
        crate::api::station_update,
        crate::api::stations_import,
        crate::api::result_import,
        crate::api::users,
        crate::api::user_create,
    ),
    components(schemas(ApiError, FieldProblem)),
    tags((name = "results entry", description = "Double data entry of the polling stations' counts"))
)]
struct ApiDoc;

/// The document as served (made once, when the router is built).
#[derive(Debug, Clone)]
pub struct ApiDocument(pub std::sync::Arc<Value>);

/// The document, with every `/api` route's roles from the route table.
pub fn document(routes: &[RouteSpec]) -> Value {
    let mut document = serde_json::to_value(ApiDoc::openapi()).unwrap_or_else(|_| json!({}));
    for spec in routes.iter().filter(|s| s.path.starts_with("/api/")) {
        let roles: Vec<&str> = match spec.access {
            Access::Public | Access::Anonymous => vec!["anyone"],
            Access::AnyUser => vec!["any user"],
            Access::Roles(roles) => roles.iter().map(|r| r.as_str()).collect(),
        };
        if let Some(operation) = document
            .get_mut("paths")
            .and_then(|paths| paths.get_mut(spec.path))
            .and_then(|path| path.get_mut(spec.method.to_lowercase()))
        {
            operation["x-urna-roles"] = json!(roles);
        }
    }
    document
}
