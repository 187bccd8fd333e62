//! `urna serve`: the results-entry web application.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use store::Store;

use crate::cli::{Lang, ServeArgs};

/// Runs the server until Ctrl-C or SIGTERM.
pub fn run(lang: Lang, data_dir: &Path, args: &ServeArgs) -> anyhow::Result<()> {
    let store = Arc::new(Store::open_or_create(data_dir)?);
    let mut config = web::Config::default();
    config.airgap.enabled = !args.allow_online;
    config.airgap.interval = Duration::from_secs(args.airgap_interval.max(1));
    if !args.airgap_probes.is_empty() {
        config.airgap.probes = args.airgap_probes.clone();
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .with_context(|| {
                format!(
                    "{} {}",
                    lang.pick("kan niet luisteren op", "cannot listen on"),
                    args.listen
                )
            })?;
        let address = listener.local_addr()?;
        let users = store.user_count()?;
        eprintln!(
            "urna serve: {} http://{address}/ ({}: {})",
            lang.pick("uitslagenomgeving op", "results entry at"),
            lang.pick("database", "database"),
            store.path().display()
        );
        if users == 0 {
            eprintln!(
                "urna serve: {}",
                lang.pick(
                    "nog geen gebruikers: open de pagina om de beheerder aan te maken",
                    "no users yet: open the page to create the administrator"
                )
            );
        }
        if args.allow_online {
            eprintln!(
                "urna serve: {}",
                lang.pick(
                    "ONTWIKKELMODUS: de controle op een internetverbinding staat uit",
                    "DEVELOPMENT MODE: the internet-connection check is off"
                )
            );
        }
        let state = web::AppState::new(store.clone(), config);
        web::serve(state, listener, shutdown_signal()).await?;
        anyhow::Ok(())
    })
}

pub(crate) async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(signal) => signal,
                Err(_) => {
                    let _ = interrupt.await;
                    return;
                }
            };
        tokio::select! {
            _ = interrupt => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
}
