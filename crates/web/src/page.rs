//! What every page shares: its frame ([`Chrome`]), rendering a template, running blocking store
//! work, a file to save, the embedded assets and the language switch.

use askama::Template;
use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use messages::msg;
use store::Role;

use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::lang::{LANG_COOKIE, Lang};
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
    /// The frame of `state`'s pages for `user`.
    pub fn new(state: &AppState, lang: Lang, user: Option<&CurrentUser>) -> Chrome {
        Chrome {
            lang,
            user: user.cloned(),
            airgap_disabled: state.airgap.get() == airgap::Connectivity::Disabled,
        }
    }

    /// A frame without a user or banner (error pages, the polling-station app's lock page).
    pub fn plain(lang: Lang) -> Chrome {
        Chrome {
            lang,
            user: None,
            airgap_disabled: false,
        }
    }

    /// The user's role, in the page's language.
    pub fn role_name(&self) -> String {
        self.user
            .as_ref()
            .map(|u| role_name(self.lang, u.role))
            .unwrap_or_default()
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

/// A role's name, in `lang`.
pub fn role_name(lang: Lang, role: Role) -> String {
    role.name().text(lang.0)
}

/// A template as a page with `status`.
pub fn render(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => WebError::internal(format!("template: {error}")).into_response(),
    }
}

/// Runs blocking store work on Tokio's blocking pool.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, WebError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(WebError::internal)
}

/// Runs blocking office work and gives its value or its refusal.
pub async fn office<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&office::Office) -> Result<T, office::OfficeError> + Send + 'static,
) -> Result<T, WebError> {
    let office = state.office.clone();
    Ok(blocking(move || work(&office)).await??)
}

/// A redirect to `path` (the answer to a form that changed something).
pub fn see(path: &str) -> Response {
    Redirect::to(path).into_response()
}

/// A file to save: its content type, and its name in `Content-Disposition` (quotes, backslashes
/// and slashes replaced, so a name cannot break out of the header or name a path).
pub fn download(content_type: &str, name: &str, bytes: Vec<u8>) -> Response {
    let name = name.replace(['"', '\\', '/'], "_");
    let mut response = ([(header::CONTENT_TYPE, content_type.to_string())], bytes).into_response();
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// Fallback of results entry: a page that does not exist. The polling-station app's path is
/// refused with the reason: the app is served over HTTPS only, on its own port.
pub async fn fallback(uri: axum::http::Uri) -> WebError {
    if uri.path() == crate::station_app::PATH || uri.path().starts_with("/stembureau/") {
        return WebError::new(
            StatusCode::MISDIRECTED_REQUEST,
            "https_only",
            msg!("web-polling-station-app-works-over-https"),
        );
    }
    WebError::not_found()
}

/// A page that does not exist.
pub async fn not_found() -> WebError {
    WebError::not_found()
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
    let language = model::Language::parse(&code).unwrap_or_default();
    // Back to the page the user came from, if it is ours.
    let back = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.split_once("://").map(|(_, rest)| rest))
        .and_then(|rest| rest.find('/').map(|i| rest[i..].to_string()))
        .filter(|p| p.starts_with('/') && !p.starts_with("//"))
        .unwrap_or_else(|| "/".into());
    let mut response = Redirect::to(&back).into_response();
    if let Some(cookie) = crate::cookies::preference(LANG_COOKIE, language.code()) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

/// The election id of a path, or the page that says there is none.
pub fn election_id(text: &str) -> Result<model::ElectionId, WebError> {
    Ok(office::election_id(text)?)
}

/// The polling station number of a path, or the page that says there is none.
pub fn station_number(text: &str) -> Result<model::PollingStationNumber, WebError> {
    Ok(office::station_number(text)?)
}

/// The election of a path (`/elections/{election}/…`), parsed once at the edge; a path with an
/// id that cannot be one is the page that says it is not found.
#[derive(Debug, Clone)]
pub struct InElection(pub model::ElectionId);

/// The election and polling station of a path (`…/{election}/…/{station}…`).
#[derive(Debug, Clone)]
pub struct AtStation(pub model::ElectionId, pub model::PollingStationNumber);

/// A named parameter of the request's path.
fn path_param(params: &axum::extract::RawPathParams, name: &str) -> Option<String> {
    params
        .iter()
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for InElection {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<InElection, WebError> {
        let params = axum::extract::RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| WebError::not_found())?;
        let text = path_param(&params, "election").ok_or_else(WebError::not_found)?;
        Ok(InElection(election_id(&text)?))
    }
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for AtStation {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<AtStation, WebError> {
        let params = axum::extract::RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| WebError::not_found())?;
        let election = path_param(&params, "election").ok_or_else(WebError::not_found)?;
        let station = path_param(&params, "station").ok_or_else(WebError::not_found)?;
        Ok(AtStation(
            election_id(&election)?,
            station_number(&station)?,
        ))
    }
}
