//! What runs before every handler: the air-gap check, the session, the route's roles, a pending
//! password change and the CSRF token; and the security headers on every response.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use crate::auth::{SESSION_COOKIE, tokens_equal};
use crate::lang::{Lang, cookie};
use crate::routes::Access;
use crate::{AppState, api, pages};

/// Largest form body read for its CSRF token.
const MAX_FORM: usize = 4 * 1024 * 1024;

/// The guard's view of a route.
#[derive(Debug, Clone)]
pub struct GuardState {
    /// The application.
    pub app: AppState,
    /// Who may use the route.
    pub access: Access,
}

fn is_api(request: &Request) -> bool {
    request.uri().path().starts_with("/api/")
}

/// A refusal, as a page or as JSON.
pub fn refuse(
    api: bool,
    lang: Lang,
    status: StatusCode,
    code: &'static str,
    nl: &str,
    en: &str,
) -> Response {
    if api {
        api::error(status, code, nl, en)
    } else {
        pages::error_page(lang, status, nl, en)
    }
}

fn query_param<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .uri()
        .query()?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// Whether the browser says the request comes from another site.
pub(crate) fn foreign_origin(request: &Request) -> bool {
    foreign_origin_in(request.headers())
}

/// [`foreign_origin`], from the request's headers.
pub(crate) fn foreign_origin_in(headers: &axum::http::HeaderMap) -> bool {
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

/// Checks the session's CSRF token: the `X-CSRF-Token` header, the `csrf` field of a form, or the
/// `csrf` query parameter of a multipart upload. Returns the request with its body restored.
pub(crate) async fn check_csrf(request: Request, expected: &str) -> Result<Request, Request> {
    if let Some(token) = request
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
    {
        return if tokens_equal(token, expected) {
            Ok(request)
        } else {
            Err(request)
        };
    }
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if is_form {
        let (parts, body) = request.into_parts();
        let Ok(bytes) = to_bytes(body, MAX_FORM).await else {
            return Err(Request::from_parts(parts, Body::empty()));
        };
        let found = form_urlencoded_value(&bytes, "csrf");
        let request = Request::from_parts(parts, Body::from(bytes));
        return match found {
            Some(token) if tokens_equal(&token, expected) => Ok(request),
            _ => Err(request),
        };
    }
    match query_param(&request, "csrf") {
        Some(token) if tokens_equal(token, expected) => Ok(request),
        _ => Err(request),
    }
}

fn form_urlencoded_value(body: &[u8], name: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}

/// The guard.
pub async fn guard(State(guard): State<GuardState>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let lang = Lang::of(&parts);
    let token = cookie(&parts, SESSION_COOKIE).map(str::to_string);
    let mut request = Request::from_parts(parts, body);
    let api = is_api(&request);
    let app = &guard.app;

    if guard.access == Access::Public {
        return next.run(request).await;
    }
    if !app.airgap.may_serve() {
        let (nl, en) = match app.airgap.get() {
            crate::airgap::Connectivity::Unknown => (
                "Urna controleert nog of deze computer van het internet is afgesloten. Probeer het over enkele seconden opnieuw.",
                "Urna is still checking that this computer is cut off from the internet. Try again in a few seconds.",
            ),
            _ => (
                "Deze computer kan het internet bereiken. De uitslagenomgeving moet offline zijn: Urna toont en wijzigt geen uitslagen zolang er een internetverbinding is. Verbreek de verbinding; de weigering is vastgelegd in het auditlog.",
                "This computer can reach the internet. The results environment must be offline: Urna shows and changes no results while there is an internet connection. Disconnect it; the refusal has been recorded in the audit log.",
            ),
        };
        return refuse(api, lang, StatusCode::SERVICE_UNAVAILABLE, "online", nl, en);
    }

    let user = token
        .as_deref()
        .and_then(|t| app.sessions.get(t, app.config.limits.idle_timeout));
    let changes = request.method() != Method::GET && request.method() != Method::HEAD;

    if guard.access == Access::Anonymous {
        if changes && foreign_origin(&request) {
            return refuse(
                api,
                lang,
                StatusCode::FORBIDDEN,
                "cross_origin",
                "Dit formulier kwam van een andere website en is geweigerd.",
                "This form came from another website and was refused.",
            );
        }
        if let Some(user) = user {
            request.extensions_mut().insert(user);
        }
        return next.run(request).await;
    }

    let Some(user) = user else {
        return if api {
            api::error(
                StatusCode::UNAUTHORIZED,
                "not_logged_in",
                "U bent niet (meer) ingelogd.",
                "You are not logged in (any more).",
            )
        } else {
            Redirect::to("/login").into_response()
        };
    };
    if !guard.access.allows(Some(user.role)) {
        return refuse(
            api,
            lang,
            StatusCode::FORBIDDEN,
            "forbidden",
            "Uw rol heeft geen toegang tot deze pagina.",
            "Your role has no access to this page.",
        );
    }
    let path = request.uri().path();
    let password_route = path == "/account/password"
        || path == "/api/account/password"
        || path == "/logout"
        || path == "/api/logout";
    if user.must_change_password && !password_route {
        return if api {
            api::error(
                StatusCode::FORBIDDEN,
                "password_change_required",
                "Vervang eerst uw tijdelijke wachtwoord.",
                "Replace your temporary password first.",
            )
        } else {
            Redirect::to("/account/password").into_response()
        };
    }
    if changes {
        request = match check_csrf(request, &user.csrf).await {
            Ok(request) => request,
            Err(_) => {
                return refuse(
                    api,
                    lang,
                    StatusCode::FORBIDDEN,
                    "csrf",
                    "Het formulier is verlopen of niet van Urna afkomstig (CSRF-token ontbreekt of klopt niet). Er is niets gewijzigd; laad de pagina opnieuw.",
                    "The form has expired or did not come from Urna (CSRF token missing or wrong). Nothing was changed; reload the page.",
                );
            }
        };
    }
    request.extensions_mut().insert(user);
    next.run(request).await
}

/// Security headers on every response; `no-store` on everything but the static assets.
pub async fn security_headers(request_path: axum::http::Uri, mut response: Response) -> Response {
    let headers = response.headers_mut();
    let set = |headers: &mut axum::http::HeaderMap, name: &'static str, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(
        headers,
        "content-security-policy",
        "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
    );
    set(headers, "x-frame-options", "DENY");
    set(headers, "x-content-type-options", "nosniff");
    // Not `no-referrer`: with it, browsers send `Origin: null` on our own forms, and the origin
    // check of the login form could not tell them from a foreign site's.
    set(headers, "referrer-policy", "same-origin");
    set(headers, "cross-origin-opener-policy", "same-origin");
    set(headers, "cross-origin-resource-policy", "same-origin");
    if request_path.path().starts_with("/assets/") {
        set(headers, "cache-control", "private, max-age=300");
    } else {
        set(headers, "cache-control", "no-store");
    }
    response
}
