//! Urna's HTTP server: results entry for a municipality, on its offline network.
//!
//! Server-rendered HTML (askama templates, compiled in) that works without JavaScript; a small
//! embedded script adds live sums and the Enter-to-next-field flow typists expect. The same
//! operations are offered as a JSON API under `/api`, described by `/api/openapi.json`.
//!
//! Every route is declared with the roles that may use it ([`routes::Access`]): the router is
//! built only through [`routes::Routes::add`], which requires one, and a test walks the table.
//! Every response carries strict security headers; every page with data is `no-store`; every
//! change needs the session's CSRF token; the server refuses to serve results while the machine
//! can reach the internet ([`airgap`]).

#![forbid(unsafe_code)]

pub mod airgap;
mod api;
pub mod auth;
mod guard;
pub mod https;
pub mod intake;
mod lang;
mod pages;
pub mod publication;
pub mod routes;
pub mod service;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use serde_json::json;
use store::Store;

pub use lang::Lang;
pub use pages::valid_username;

/// How the server runs.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Login limits and session expiry.
    pub limits: auth::Limits,
    /// The air-gap check.
    pub airgap: airgap::AirGapConfig,
}

/// Everything a handler needs.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Results-entry operations.
    pub service: Arc<service::Service>,
    /// Sessions.
    pub sessions: Arc<auth::Sessions>,
    /// The air-gap status.
    pub airgap: airgap::AirGap,
    /// Settings.
    pub config: Arc<Config>,
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
            service: Arc::new(service::Service::new(store)),
            sessions: Arc::new(auth::Sessions::default()),
            airgap: airgap::AirGap::new(initial),
            config: Arc::new(config),
        }
    }

    /// The store.
    pub fn store(&self) -> &Store {
        self.service.store()
    }
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
                "airgap.online",
                json!({ "reached": address.to_string(), "serving": false }),
            ),
            None => ("airgap.offline", json!({ "serving": true })),
        };
        if now == airgap::Connectivity::Online {
            eprintln!(
                "urna serve: this machine can reach the internet ({}); results pages are refused until it is offline",
                reached.map(|a| a.to_string()).unwrap_or_default()
            );
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
            Ok(Err(error)) => eprintln!("urna serve: could not log the air-gap check: {error}"),
            Err(error) => eprintln!("urna serve: the air-gap log task failed: {error}"),
        }
    }
}

/// Serves on `listener` until `shutdown` resolves: the air-gap check and the session sweep run
/// alongside.
pub async fn serve(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let background = state.clone();
    let checker = tokio::spawn(async move {
        loop {
            check_airgap(&background).await;
            background
                .sessions
                .sweep(background.config.limits.idle_timeout);
            let interval = if background.config.airgap.enabled {
                background.config.airgap.interval
            } else {
                Duration::from_secs(60)
            };
            tokio::time::sleep(interval).await;
        }
    });
    let outcome = axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await;
    checker.abort();
    outcome
}
