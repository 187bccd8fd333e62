//! Cross-site request forgery, stopped in one place for both servers.
//!
//! Every request that changes something (not `GET` or `HEAD`) passes [`protect`]. Where a guard
//! let a session through, it left that session's token ([`CsrfToken`]) on the request: the
//! request must carry it — as the `X-CSRF-Token` header (the API) or the `csrf` field of a form
//! (urlencoded, or multipart for an upload), never in the URL, where it would end up in logs,
//! history and `Referer` headers — compared in constant time. A request
//! without a session (the login and first-run forms) must not come from another site (`Origin`).
//! A refusal changes nothing; in the polling-station app it is also in the audit log.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use messages::msg;

use crate::AppState;
use crate::auth::tokens_equal;
use crate::error::WebError;

/// Largest form body read for its CSRF token.
const MAX_FORM: usize = 4 * 1024 * 1024;
/// Largest upload read for its CSRF token (the routes that take uploads allow as much).
const MAX_UPLOAD: usize = crate::routes::MAX_UPLOAD;

/// The token the session of a request must send with every change, left by the guard.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// Whether the browser says the request comes from another site.
pub fn foreign_origin(headers: &axum::http::HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let origin_host = origin
        .split_once("://")
        .map(|(_, rest)| rest)
        .unwrap_or(origin);
    origin == "null" || origin_host != host
}

fn form_value(body: &[u8], name: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}

/// Whether the request carries `expected`; the request comes back with its body restored.
async fn carries(request: Request, expected: &str) -> (bool, Request) {
    if let Some(token) = request
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
    {
        let found = tokens_equal(token, expected);
        return (found, request);
    }
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let urlencoded = content_type.starts_with("application/x-www-form-urlencoded");
    let multipart = content_type.starts_with("multipart/form-data");
    if !urlencoded && !multipart {
        return (false, request);
    }
    let (parts, body) = request.into_parts();
    let limit = if multipart { MAX_UPLOAD } else { MAX_FORM };
    let Ok(bytes) = to_bytes(body, limit).await else {
        return (false, Request::from_parts(parts, Body::empty()));
    };
    let token = if multipart {
        multipart_value(&content_type, bytes.clone(), "csrf").await
    } else {
        form_value(&bytes, "csrf")
    };
    let found = token.is_some_and(|token| tokens_equal(&token, expected));
    (found, Request::from_parts(parts, Body::from(bytes)))
}

/// The text of the field `name` of a multipart body.
async fn multipart_value(
    content_type: &str,
    body: axum::body::Bytes,
    name: &str,
) -> Option<String> {
    use axum::extract::FromRequest;
    let request = Request::builder()
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .ok()?;
    let mut multipart = axum::extract::Multipart::from_request(request, &())
        .await
        .ok()?;
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some(name) {
            return field.text().await.ok();
        }
    }
    None
}

/// The middleware: changes must carry their session's token, or come from this site.
pub async fn protect(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() == Method::GET || request.method() == Method::HEAD {
        return next.run(request).await;
    }
    let Some(CsrfToken(expected)) = request.extensions().get::<CsrfToken>().cloned() else {
        if foreign_origin(request.headers()) {
            return WebError::new(
                StatusCode::FORBIDDEN,
                "cross_origin",
                msg!("web-form-came-from-another-website"),
            )
            .into_response();
        }
        return next.run(request).await;
    };
    let (found, request) = carries(request, &expected).await;
    if found && !foreign_origin(request.headers()) {
        return next.run(request).await;
    }
    // The polling-station app logs the refusal with its device session.
    if let Some(session) = request
        .extensions()
        .get::<crate::station_app::sessions::StationSession>()
    {
        let attempted = format!("{} {}", request.method(), request.uri().path());
        crate::station_app::log(
            &state,
            session,
            store::AuditAction::StationAppRefused,
            serde_json::json!({ "reason": "csrf", "request": attempted }),
        )
        .await;
        return WebError::new(
            StatusCode::FORBIDDEN,
            "csrf",
            msg!("web-form-expired-or-not-from-app"),
        )
        .into_response();
    }
    WebError::new(
        StatusCode::FORBIDDEN,
        "csrf",
        msg!("web-form-expired-or-not-from-urna"),
    )
    .into_response()
}
