//! Urna's HTTP servers: results entry for a municipality on its offline network, the
//! polling-station app over HTTPS, the central authority's intake and the public results site.
//!
//! The pages are split by who uses them: [`account`] (everyone: login, password, elections),
//! [`typist`], [`coordinator`] with [`result`] and [`stations`], [`admin`], the JSON API
//! ([`api`]), the polling-station app ([`station_app`]: the chair's pages and the coordinator's
//! side), and [`publication`] (the public). Every operation on an election is the office's
//! (`office`): the handlers only translate between HTTP and it.
//!
//! Server-rendered HTML (askama templates, compiled in) that works without JavaScript; a small
//! embedded script adds live sums and the Enter-to-next-field flow typists expect. Every route is
//! declared with the roles that may use it ([`routes::Access`]): the router is built only through
//! [`routes::Routes::add`], which requires one, and a test walks the table. Every refusal is a
//! [`error::WebError`], made a page or a JSON answer in one place; every change needs its
//! session's CSRF token, checked in one middleware ([`csrf`]); every response carries strict
//! security headers; the server refuses to serve results while the machine can reach the
//! internet ([`airgap`]).

#![forbid(unsafe_code)]

pub mod account;
pub mod admin;
pub mod airgap;
mod api;
pub mod audit_log;
pub mod auth;
pub mod committee;
pub mod cookies;
pub mod coordinator;
pub mod csrf;
pub mod error;
mod guard;
pub mod https;
pub mod intake;
mod lang;
pub mod listen;
pub mod openapi;
pub mod page;
pub mod projector;
pub mod publication;
pub mod result;
pub mod routes;
pub mod station_app;
pub mod stations;
pub mod typist;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use serde_json::json;
use store::Store;

pub use account::valid_username;
pub use lang::Lang;
pub use tokio_rustls::rustls;

/// How the server runs.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Login limits and session expiry.
    pub limits: auth::Limits,
    /// The air-gap check.
    pub airgap: airgap::AirGapConfig,
    /// The polling-station app.
    pub station_app: station_app::StationAppConfig,
}

/// Everything a handler needs.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The office's operations (results entry, the result, the app's figures).
    pub office: Arc<office::Office>,
    /// Sessions.
    pub sessions: Arc<auth::Sessions>,
    /// The air-gap status.
    pub airgap: airgap::AirGap,
    /// Settings.
    pub config: Arc<Config>,
    /// The polling-station app's sessions and address.
    pub station_app: Arc<station_app::StationApp>,
    /// Turns for a password check (Argon2id, 19 MiB each), shared by every login form: more
    /// wait their turn, so that many logins at once cannot exhaust the server's memory.
    pub password_checks: Arc<tokio::sync::Semaphore>,
    /// The gate of the login forms: attempts counted per name and per address.
    pub login_gate: Arc<auth::LoginGate>,
    /// The open links of the projector view.
    pub projectors: Arc<projector::ProjectorLinks>,
}

/// Password checks running at once.
const CONCURRENT_PASSWORD_CHECKS: usize = 4;

impl AppState {
    /// Checks `password` against `verifier` (`check` does the hashing) on the blocking pool, in
    /// its turn; `false` when the check could not run.
    pub async fn check_password(&self, check: impl FnOnce() -> bool + Send + 'static) -> bool {
        let Ok(_turn) = self.password_checks.acquire().await else {
            return false;
        };
        tokio::task::spawn_blocking(check).await.unwrap_or(false)
    }
}

impl AppState {
    /// A state over `store`. The air-gap status starts unknown (pages refused) when the check is
    /// on, until the first check finishes.
    pub fn new(store: Arc<Store>, config: Config) -> AppState {
        let initial = if config.airgap.enabled {
            airgap::Connectivity::Unknown
        } else {
            airgap::Connectivity::Disabled
        };
        AppState {
            office: Arc::new(office::Office::new(store)),
            sessions: Arc::new(auth::Sessions::default()),
            airgap: airgap::AirGap::new(initial),
            config: Arc::new(config),
            station_app: Arc::new(station_app::StationApp::default()),
            password_checks: Arc::new(tokio::sync::Semaphore::new(CONCURRENT_PASSWORD_CHECKS)),
            login_gate: Arc::new(auth::LoginGate::default()),
            projectors: Arc::new(projector::ProjectorLinks::default()),
        }
    }

    /// The store.
    pub fn store(&self) -> &Store {
        self.office.store()
    }
}

/// `moment` as the office's clock shows it. Results entry, the committee's pages and the
/// polling-station app serve Dutch elections (Flemish counts are read from the ballot boxes'
/// sticks by `urna count`), so their pages tell Dutch local time (Europe/Amsterdam).
pub fn local_time(moment: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono_tz::Tz> {
    model::Jurisdiction::Netherlands.local(moment)
}

/// The local `HH:MM` of a moment the store keeps as RFC 3339 text (empty when it is not one).
pub fn local_hour_minute(stored: &str) -> String {
    model::Jurisdiction::Netherlands
        .local_text(stored, "%H:%M")
        .unwrap_or_default()
}

/// The local `YYYY-MM-DD HH:MM` of a moment the store keeps as RFC 3339 text (the text itself
/// when it is not one).
pub fn local_date_time(stored: &str) -> String {
    model::Jurisdiction::Netherlands
        .local_text(stored, "%Y-%m-%d %H:%M")
        .unwrap_or_else(|| stored.to_string())
}

/// The application's router.
pub fn router(state: AppState) -> Router {
    routes::table(state).into_router()
}

/// Runs one air-gap check now, updating the status and logging a change.
pub async fn check_airgap(state: &AppState) {
    if !state.config.airgap.enabled {
        return;
    }
    let reached = airgap::probe(&state.config.airgap).await;
    let now = match reached {
        Some(_) => airgap::Connectivity::Online,
        None => airgap::Connectivity::Offline,
    };
    let before = state.airgap.set(now);
    if before != now {
        let (action, details) = match reached {
            Some(address) => (
                store::AuditAction::AirgapOnline,
                json!({ "reached": address.to_string(), "serving": false }),
            ),
            None => (
                store::AuditAction::AirgapOffline,
                json!({ "serving": true }),
            ),
        };
        match reached {
            Some(address) => tracing::warn!(
                target: "urna::event",
                reached = %address,
                "this machine can reach the internet; results pages are refused until it is offline"
            ),
            None => tracing::info!(target: "urna::event", "offline: results pages are served"),
        }
        let store_state = state.clone();
        let logged = tokio::task::spawn_blocking(move || {
            store_state
                .store()
                .log_event(&store::Actor::new("system", "airgap"), action, details)
        })
        .await;
        match logged {
            Ok(Ok(_)) => {}
            Ok(Err(error)) => {
                tracing::error!(target: "urna::event", %error, "could not log the air-gap check")
            }
            Err(error) => {
                tracing::error!(target: "urna::event", %error, "the air-gap log task failed")
            }
        }
    }
}

/// The polling-station app's listener: where, and the TLS configuration it serves with.
#[derive(Debug)]
pub struct StationAppListener {
    /// The listener (its own port: only the app is reachable on it).
    pub listener: tokio::net::TcpListener,
    /// TLS: a server certificate from the app's local authority.
    pub tls: Arc<tokio_rustls::rustls::ServerConfig>,
}

/// Serves on `listener` until `shutdown` resolves: the air-gap check and the session sweep run
/// alongside.
pub async fn serve(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_with_app(state, listener, None, shutdown).await
}

/// [`serve`], and the polling-station app over HTTPS on its own listener when given.
pub async fn serve_with_app(
    state: AppState,
    listener: tokio::net::TcpListener,
    app: Option<StationAppListener>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_results(state, (listener, None), app, shutdown).await
}

/// [`serve_with_app`], with results entry itself over TLS when `tls` is given (as `urna serve`
/// does unless asked for plain HTTP on loopback).
pub async fn serve_results(
    state: AppState,
    (listener, tls): (
        tokio::net::TcpListener,
        Option<Arc<tokio_rustls::rustls::ServerConfig>>,
    ),
    app: Option<StationAppListener>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let background = state.clone();
    let checker = tokio::spawn(async move {
        loop {
            check_airgap(&background).await;
            background
                .sessions
                .sweep(background.config.limits.idle_timeout);
            background
                .station_app
                .sessions
                .sweep(background.config.station_app.limits);
            let interval = if background.config.airgap.enabled {
                background.config.airgap.interval
            } else {
                Duration::from_secs(60)
            };
            tokio::time::sleep(interval).await;
        }
    });
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let app_task = app.map(|app| {
        let mut stopped = stopped.clone();
        let router = station_app::router(state.clone());
        tokio::spawn(async move {
            listen::serve(
                app.listener,
                listen::Transport::Tls(app.tls),
                router,
                listen::Limits::default(),
                async move {
                    let _ = stopped.wait_for(|stop| *stop).await;
                },
            )
            .await
        })
    });
    let mut stopped_main = stopped;
    let signal = tokio::spawn(async move {
        shutdown.await;
        let _ = stop.send(true);
    });
    let transport = match tls {
        Some(config) => listen::Transport::Tls(config),
        None => listen::Transport::Plain,
    };
    let outcome = listen::serve(
        listener,
        transport,
        router(state),
        listen::Limits::default(),
        async move {
            let _ = stopped_main.wait_for(|stop| *stop).await;
        },
    )
    .await;
    signal.abort();
    if let Some(task) = app_task {
        task.abort();
    }
    checker.abort();
    outcome
}

#[cfg(test)]
mod tests {
    #[test]
    fn pages_tell_dutch_local_time_in_winter_and_in_summer() {
        assert_eq!(
            super::local_hour_minute("2026-03-18T21:04:00.000Z"),
            "22:04"
        );
        assert_eq!(super::local_hour_minute("2026-06-04T19:30:00Z"), "21:30");
        assert_eq!(super::local_hour_minute("not a time"), "");
    }
}
