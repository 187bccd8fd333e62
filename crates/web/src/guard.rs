//! What runs before every handler of results entry: the air-gap check, the session, the route's
//! roles and a pending password change; and the security headers on every response. The CSRF
//! token the session must send is left for [`crate::csrf::protect`].

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use messages::msg;

use crate::AppState;
use crate::auth::SESSION_COOKIE;
use crate::csrf::CsrfToken;
use crate::error::{WebError, is_api};
use crate::routes::Access;

/// The guard's view of a route.
#[derive(Debug, Clone)]
pub struct GuardState {
    /// The application.
    pub app: AppState,
    /// Who may use the route.
    pub access: Access,
}

/// Why the air gap keeps the pages closed.
pub fn offline_refusal(app: &AppState) -> WebError {
    let message = match app.airgap.get() {
        crate::airgap::Connectivity::Unknown => msg!("web-urna-still-checking-internet"),
        _ => msg!("web-this-computer-can-reach-internet"),
    };
    WebError::new(StatusCode::SERVICE_UNAVAILABLE, "online", message)
}

/// The guard.
pub async fn guard(State(guard): State<GuardState>, mut request: Request, next: Next) -> Response {
    let api = is_api(request.uri().path());
    let app = &guard.app;
    if guard.access == Access::Public {
        return next.run(request).await;
    }
    if !app.airgap.may_serve() {
        return offline_refusal(app).into_response();
    }
    let user = {
        let (parts, body) = request.into_parts();
        let token = crate::cookies::read(&parts.headers, SESSION_COOKIE);
        // A page refreshing itself (app.js marks the request) is not someone at work.
        let automatic = parts.headers.contains_key(AUTOMATIC_REFRESH);
        request = Request::from_parts(parts, body);
        let idle = app.config.limits.idle_timeout;
        token.as_deref().and_then(|t| {
            if automatic {
                app.sessions.get_untouched(t, idle)
            } else {
                app.sessions.get(t, idle)
            }
        })
    };
    if guard.access == Access::Anonymous {
        if let Some(user) = user {
            request.extensions_mut().insert(user);
        }
        return next.run(request).await;
    }
    let Some(user) = user else {
        return if api {
            WebError::new(
                StatusCode::UNAUTHORIZED,
                "not_logged_in",
                msg!("web-you-are-not-logged-in"),
            )
            .into_response()
        } else {
            Redirect::to("/login").into_response()
        };
    };
    if !guard.access.allows(Some(user.role)) {
        return WebError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            msg!("web-your-role-has-no-access"),
        )
        .into_response();
    }
    let path = request.uri().path();
    let password_route = path == "/account/password"
        || path == "/api/account/password"
        || path == "/logout"
        || path == "/api/logout";
    if user.must_change_password && !password_route {
        return if api {
            WebError::new(
                StatusCode::FORBIDDEN,
                "password_change_required",
                msg!("web-replace-your-temporary-password-first"),
            )
            .into_response()
        } else {
            Redirect::to("/account/password").into_response()
        };
    }
    request
        .extensions_mut()
        .insert(CsrfToken(user.csrf.clone()));
    request.extensions_mut().insert(user);
    next.run(request).await
}

/// The header app.js puts on the requests of a page refreshing itself.
pub const AUTOMATIC_REFRESH: &str = "x-urna-refresh";

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
