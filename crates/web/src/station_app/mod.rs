//! The polling-station app: a mobile-first web app on the chair's dedicated device, for the
//! turnout during the day and a count helper at closing, served over HTTPS only.
//!
//! It follows the national security advice for such apps: the device reaches only this server,
//! over TLS (a local certificate authority made on the server's first start, whose fingerprint
//! the chair compares on the device, [`local_authority`]); a strong password per polling station
//! known only to the chair (the ceremony's credential sheet, or one the coordinator issues); a
//! session bound to that one polling station, locked when the device is left idle, revocable by
//! the coordinator at once ([`sessions`]). Every action is in the audit log with the polling
//! station and the device session.
//!
//! The app's router ([`router`]) holds only the app: results entry is never reachable from the
//! devices' network, and the results entry's own (plain HTTP, local network) server refuses the
//! app's path. The coordinator's side — turnout per polling station and for the municipality,
//! publishing it, the sessions, the credentials, and a warning where the app's count differs from
//! the definitive count — is part of results entry ([`coordinator`]).

pub mod chair;
pub mod coordinator;
pub mod device;
pub mod sessions;

use std::path::Path;
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::NaiveTime;

use messages::msg;
use store::AuditAction;

use crate::AppState;
use crate::csrf::CsrfToken;
use crate::error::WebError;
use crate::guard::security_headers;
use crate::lang::Lang;
use sessions::{Refusal, StationLimits, StationSessions};

/// Where the app lives on its server.
pub const PATH: &str = "/stembureau";

/// Name of the device session's cookie.
pub const COOKIE: &str = "urna_stembureau";

/// How the app runs.
#[derive(Debug, Clone)]
pub struct StationAppConfig {
    /// Idle limits.
    pub limits: StationLimits,
    /// The moments of the day turnout is published.
    pub moments: Vec<NaiveTime>,
}

impl Default for StationAppConfig {
    fn default() -> StationAppConfig {
        StationAppConfig {
            limits: StationLimits::default(),
            moments: model::turnout::default_moments(),
        }
    }
}

/// Where the devices find the app, once its listener runs: shown to the coordinator and on the
/// credential sheets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// `https://host:port/stembureau/`.
    pub url: String,
    /// SHA-256 fingerprint of the certificate authority, as the device shows it.
    pub fingerprint: String,
}

/// The app's state, shared by its router and the coordinator's pages.
#[derive(Debug, Default)]
pub struct StationApp {
    /// Device sessions.
    pub sessions: StationSessions,
    /// Where the app is served, when it is.
    address: RwLock<Option<Address>>,
}

impl StationApp {
    /// Records where the app is served.
    pub fn set_address(&self, address: Address) {
        *self.address.write().unwrap_or_else(|p| p.into_inner()) = Some(address);
    }

    /// Where the app is served, if it is.
    pub fn address(&self) -> Option<Address> {
        self.address
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}

/// The app's router, for its HTTPS listener only.
pub fn router(state: AppState) -> Router {
    let guarded = Router::new()
        .route("/stembureau/{station}", get(chair::home))
        .route(
            "/stembureau/{station}/opkomst",
            get(chair::turnout_form).post(chair::turnout_report),
        )
        .route("/stembureau/{station}/telling", get(chair::count))
        .route(
            "/stembureau/{station}/telling/lijst/{list}",
            get(chair::count_list),
        )
        .route("/stembureau/{station}/telling/markeer", post(chair::mark))
        .route("/stembureau/{station}/telling/herstel", post(chair::undo))
        .route("/stembureau/{station}/concept", get(chair::draft))
        .route("/stembureau/{station}/slot", get(chair::lock_now))
        .route("/stembureau/uitloggen", post(chair::logout))
        // The guard runs first: it lets the device session through and leaves its CSRF token,
        // which the CSRF layer then requires of every change.
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::csrf::protect,
        ))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), guard));
    // Unlocking a locked session is a change of that session: its token is required too.
    let unlock = Router::new()
        .route("/stembureau/ontgrendelen", post(chair::unlock))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::csrf::protect,
        ))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), locked))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), offline));
    let open = Router::new()
        .route("/", get(|| async { Redirect::to("/stembureau") }))
        .route("/stembureau", get(chair::start))
        .route("/stembureau/", get(chair::start))
        .route("/stembureau/inloggen", post(chair::login))
        .route("/assets/style.css", get(crate::page::style))
        .route("/assets/app.js", get(crate::page::script))
        .route("/assets/station.js", get(chair::script))
        .route("/lang/{code}", get(crate::page::set_language))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::csrf::protect,
        ))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), offline));
    guarded
        .merge(unlock)
        .merge(open)
        .fallback(crate::page::not_found)
        .layer(axum::middleware::from_fn(crate::error::respond))
        .layer(axum::middleware::map_response(security_headers))
        .layer(axum::middleware::map_response(strict_transport))
        .with_state(state)
}

/// The app is only ever served over TLS: browsers are told to keep it that way.
async fn strict_transport(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=31536000"),
    );
    response
}

/// The air-gap rule holds for the app too: the devices' network is closed, and a server that can
/// reach the internet serves nothing but its assets.
async fn offline(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let asset = request.uri().path().starts_with("/assets/");
    if !asset && !state.airgap.may_serve() {
        return WebError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "online",
            msg!("app-server-can-reach-internet"),
        )
        .into_response();
    }
    next.run(request).await
}

/// Before the unlock form: the locked (or open) session of the device, whose token the form
/// must carry.
async fn locked(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let token = crate::cookies::read(&parts.headers, COOKIE);
    request = Request::from_parts(parts, body);
    let limits = state.config.station_app.limits;
    let session = match token
        .as_deref()
        .map(|t| state.station_app.sessions.get(t, limits))
    {
        Some(Ok(session)) => session,
        Some(Err(Refusal::Locked(session))) => *session,
        _ => return Redirect::to(PATH).into_response(),
    };
    request
        .extensions_mut()
        .insert(CsrfToken(session.csrf.clone()));
    next.run(request).await
}

fn station_in_path(path: &str) -> Option<&str> {
    path.strip_prefix("/stembureau/")?
        .split('/')
        .next()
        .filter(|s| s.chars().all(|c| c.is_ascii_digit()) && !s.is_empty())
}

/// What runs before every page of a logged-in polling station: the air gap, the session (known,
/// not revoked, not locked) and the polling station in the path against the session's. The
/// session and its CSRF token are left on the request (the CSRF layer checks every change).
async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let lang = Lang::of(&parts);
    let token = crate::cookies::read(&parts.headers, COOKIE);
    let mut request = Request::from_parts(parts, body);
    if !state.airgap.may_serve() {
        return offline(State(state), request, next).await;
    }
    let app = &state.station_app;
    let limits = state.config.station_app.limits;
    let session = match token.as_deref().map(|t| app.sessions.get(t, limits)) {
        Some(Ok(session)) => session,
        Some(Err(Refusal::Locked(session))) => return chair::locked_page(lang, &session),
        Some(Err(Refusal::Revoked)) => {
            return with_cookie_removed(
                WebError::new(
                    StatusCode::UNAUTHORIZED,
                    "revoked",
                    msg!("app-session-revoked"),
                )
                .into_response(),
            );
        }
        Some(Err(Refusal::Unknown)) | None => {
            return if request.method() == Method::GET {
                Redirect::to(PATH).into_response()
            } else {
                with_cookie_removed(
                    WebError::new(
                        StatusCode::UNAUTHORIZED,
                        "not_logged_in",
                        msg!("app-not-logged-in"),
                    )
                    .into_response(),
                )
            };
        }
    };
    if let Some(number) = station_in_path(request.uri().path())
        && number != session.station.get().to_string()
    {
        let attempted = format!("{} {}", request.method(), request.uri().path());
        log(
            &state,
            &session,
            AuditAction::StationAppRefused,
            serde_json::json!({
                "reason": "another polling station",
                "request": attempted,
            }),
        )
        .await;
        return WebError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            msg!(
                "app-another-polling-station",
                station = session.station.get()
            ),
        )
        .into_response();
    }
    request
        .extensions_mut()
        .insert(CsrfToken(session.csrf.clone()));
    request.extensions_mut().insert(session);
    next.run(request).await
}

fn with_cookie_removed(mut response: Response) -> Response {
    if let Some(removal) = crate::cookies::removal(COOKIE, PATH) {
        response.headers_mut().insert(header::SET_COOKIE, removal);
    }
    response
}

/// Appends an event of a device session to the audit log; a failure to log is reported on
/// stderr (the request it belongs to has been answered or refused already).
pub(crate) async fn log(
    state: &AppState,
    session: &sessions::StationSession,
    action: AuditAction,
    details: serde_json::Value,
) {
    let store = state.office.clone();
    let actor = session.actor();
    let mut details = details;
    if let Some(map) = details.as_object_mut() {
        map.insert("election".into(), session.election.as_str().into());
        map.insert("polling_station".into(), session.station.get().into());
        map.insert("session".into(), session.id.clone().into());
    }
    match crate::page::blocking(move || store.store().log_event(&actor, action, details)).await {
        Ok(Ok(_)) => {}
        Ok(Err(error)) => {
            tracing::error!(target: "urna::event", %action, %error, "could not write to the audit log")
        }
        Err(_) => {
            tracing::error!(target: "urna::event", %action, "could not write to the audit log")
        }
    }
}

/// Why the app's certificate authority could not be made or read.
#[derive(Debug, thiserror::Error)]
pub enum AuthorityError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The stored authority is not a certificate and key that belong together.
    #[error("{path}: {source}")]
    Tls {
        /// The folder.
        path: std::path::PathBuf,
        /// Why.
        source: tls::TlsError,
    },
}

/// The name of the app's certificate authority, as the device shows it.
pub const AUTHORITY_NAME: &str = "Urna stembureau-app";

/// A certificate's SHA-256 as browsers and phones show it: upper-case hex pairs with colons.
pub fn device_fingerprint(authority: &tls::CertificateAuthority) -> String {
    let hex = authority.hash_code().to_hex().to_uppercase();
    hex.as_bytes()
        .chunks(2)
        .map(|pair| String::from_utf8_lossy(pair).into_owned())
        .collect::<Vec<_>>()
        .join(":")
}

/// The app's local certificate authority in `dir` (`ca.pem`, `ca-key.pem`): made on the first
/// start, read on every later one, so the fingerprint the chairs compared stays the same.
/// Returns it and whether it was made now. The key file is readable by its owner only.
pub fn local_authority(dir: &Path) -> Result<(tls::CertificateAuthority, bool), AuthorityError> {
    let certificate = dir.join("ca.pem");
    let key = dir.join("ca-key.pem");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| AuthorityError::Io { path, source }
    };
    if certificate.exists() || key.exists() {
        let certificate_pem = std::fs::read_to_string(&certificate).map_err(io(&certificate))?;
        let key_pem = std::fs::read_to_string(&key).map_err(io(&key))?;
        let authority = tls::CertificateAuthority::load(AUTHORITY_NAME, &certificate_pem, &key_pem)
            .map_err(|source| AuthorityError::Tls {
                path: dir.to_path_buf(),
                source,
            })?;
        return Ok((authority, false));
    }
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let authority =
        tls::CertificateAuthority::generate_for_browsers(AUTHORITY_NAME).map_err(|source| {
            AuthorityError::Tls {
                path: dir.to_path_buf(),
                source,
            }
        })?;
    write_new(&key, authority.key_pem().as_bytes(), true).map_err(io(&key))?;
    write_new(&certificate, authority.certificate_pem().as_bytes(), false)
        .map_err(io(&certificate))?;
    Ok((authority, true))
}

fn write_new(path: &Path, bytes: &[u8], secret: bool) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(if secret { 0o600 } else { 0o644 });
    }
    #[cfg(not(unix))]
    let _ = secret;
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// The TLS configuration of the app's listener: a server certificate for `names`, issued by
/// `authority`; no client certificates (the chair logs in with the password).
pub fn server_config(
    authority: &tls::CertificateAuthority,
    names: &[String],
) -> Result<Arc<tokio_rustls::rustls::ServerConfig>, tls::TlsError> {
    let identity = authority.issue_server(names)?;
    tls::server_config(&identity, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_authority_is_made_once_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let (made, fresh) = local_authority(&dir.path().join("ca")).unwrap();
        assert!(fresh);
        let (read, fresh) = local_authority(&dir.path().join("ca")).unwrap();
        assert!(!fresh);
        assert_eq!(made.fingerprint(), read.fingerprint());
        let shown = device_fingerprint(&read);
        assert_eq!(shown.len(), 32 * 3 - 1);
        assert!(shown.starts_with(&read.hash_code().to_hex()[..2].to_uppercase()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("ca/ca-key.pem"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // Another authority's key, or a damaged key file: refused, not replaced.
        let other = tls::CertificateAuthority::generate_for_browsers(AUTHORITY_NAME).unwrap();
        std::fs::write(dir.path().join("ca/ca-key.pem"), other.key_pem().as_bytes()).unwrap();
        let error = local_authority(&dir.path().join("ca")).unwrap_err();
        assert!(error.to_string().contains("does not belong"), "{error}");
        std::fs::write(dir.path().join("ca/ca-key.pem"), "not a key").unwrap();
        assert!(local_authority(&dir.path().join("ca")).is_err());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("ca/ca-key.pem")).unwrap(),
            "not a key"
        );
    }

    #[test]
    fn the_station_is_read_from_the_path() {
        assert_eq!(station_in_path("/stembureau/12/opkomst"), Some("12"));
        assert_eq!(station_in_path("/stembureau/12"), Some("12"));
        assert_eq!(station_in_path("/stembureau/uitloggen"), None);
        assert_eq!(station_in_path("/other/12"), None);
    }
}
