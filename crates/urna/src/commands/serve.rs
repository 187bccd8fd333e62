//! `urna serve`: the results-entry web application.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail};
use store::Store;

use crate::cli::ServeArgs;
use messages::{Language, t};

/// Runs the server until Ctrl-C or SIGTERM.
pub fn run(lang: Language, data_dir: &Path, args: &ServeArgs) -> anyhow::Result<()> {
    let store = Arc::new(Store::open_or_create(data_dir)?);
    // Which software serves this election: in the log at every start, so an auditor can tell
    // that the certified build ran (its hash code, as `urna --version` shows it).
    super::version::log_start(&store, "urna serve")?;
    let log_dir = args
        .log_dir
        .clone()
        .unwrap_or_else(|| data_dir.join("logs"));
    let _logs = super::logs::start(&log_dir, "urna-serve")?;
    super::logs::started("urna serve");
    let mut config = web::Config::default();
    config.airgap.enabled = !args.allow_online;
    config.airgap.interval = Duration::from_secs(args.airgap_interval.max(1));
    if !args.airgap_probes.is_empty() {
        config.airgap.probes = args.airgap_probes.clone();
    }
    config.station_app.moments = turnout_moments(lang, &args.turnout_moments)?;
    // Results entry is HTTPS, with a certificate from the installation's own authority (made on
    // the first start): passwords and counts never cross the office network in the clear.
    // Plain HTTP only when asked for, and only on loopback.
    if args.plain_http && !args.listen.ip().is_loopback() {
        bail!(
            "{}",
            t!(
                lang,
                "cli-serve-plain-not-loopback",
                address = args.listen.to_string()
            )
        );
    }
    let entry_tls = if args.plain_http {
        None
    } else {
        Some(entry_tls(lang, data_dir, args.listen, &args.names)?)
    };
    let station_tls = match args.app_listen {
        Some(address) => Some(station_app_tls(lang, data_dir, address, &args.app_names)?),
        None => None,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .with_context(|| {
                t!(
                    lang,
                    "cli-serve-cannot-listen",
                    address = args.listen.to_string()
                )
            })?;
        let address = listener.local_addr()?;
        let users = store.user_count()?;
        let url = match &entry_tls {
            Some((_, host, _)) => format!("https://{host}:{}/", address.port()),
            None => format!("http://{address}/"),
        };
        console!(
            "urna serve: {}",
            t!(
                lang,
                "cli-serve-results-entry",
                url = url,
                database = store.path().display().to_string()
            )
        );
        if let Some((_, _, fingerprint)) = &entry_tls {
            console!(
                "urna serve: {}",
                t!(
                    lang,
                    "cli-serve-entry-fingerprint",
                    fingerprint = fingerprint.as_str()
                )
            );
            // Without its sheet the server still serves: the fingerprint is on the console.
            match connection_sheet(&store, &data_dir.join("https"), &url, fingerprint) {
                Ok(sheet) => console!(
                    "urna serve: {}",
                    t!(
                        lang,
                        "cli-serve-connection-sheet",
                        file = sheet.display().to_string()
                    )
                ),
                Err(error) => console!("urna serve: {error:#}"),
            }
        }
        if users == 0 {
            console!("urna serve: {}", t!(lang, "cli-serve-no-users"));
        }
        if args.allow_online {
            console!("urna serve: {}", t!(lang, "cli-serve-development-mode"));
        }
        if let Some(dir) = args.backup_dir.clone() {
            console!(
                "urna serve: {}",
                t!(lang, "cli-serve-backups", dir = dir.display().to_string())
            );
            tokio::spawn(super::backup::keep_backing_up(
                lang,
                store.clone(),
                dir,
                Duration::from_secs(args.backup_interval.max(1)),
            ));
        }
        let state = web::AppState::new(store.clone(), config);
        let app = match (args.app_listen, station_tls) {
            (Some(address), Some((tls, url_host, fingerprint))) => {
                let app_listener =
                    tokio::net::TcpListener::bind(address)
                        .await
                        .with_context(|| {
                            t!(
                                lang,
                                "cli-serve-cannot-listen",
                                address = address.to_string()
                            )
                        })?;
                let port = app_listener.local_addr()?.port();
                let url = format!("https://{url_host}:{port}{}/", web::station_app::PATH);
                console!(
                    "urna serve: {}",
                    t!(lang, "cli-serve-station-app", url = &url)
                );
                console!(
                    "urna serve: {}",
                    t!(
                        lang,
                        "cli-serve-station-app-fingerprint",
                        fingerprint = fingerprint.to_string()
                    )
                );
                state
                    .station_app
                    .set_address(web::station_app::Address { url, fingerprint });
                Some(web::StationAppListener {
                    listener: app_listener,
                    tls,
                })
            }
            _ => None,
        };
        web::serve_results(
            state,
            (listener, entry_tls.map(|(tls, _, _)| tls)),
            app,
            shutdown_signal(),
        )
        .await?;
        anyhow::Ok(())
    })
}

/// The published moments of the day, from `HH:MM` texts.
fn turnout_moments(lang: Language, texts: &[String]) -> anyhow::Result<Vec<chrono::NaiveTime>> {
    let mut moments = texts
        .iter()
        .map(|text| {
            model::turnout::parse_moment(text)
                .with_context(|| t!(lang, "cli-serve-not-a-moment", text = text))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    moments.sort();
    moments.dedup();
    Ok(moments)
}

/// Results entry's TLS: the installation's authority for it (made on the first start, in
/// `DATA/https/`; its certificate `ca.pem` is what the typists' browsers trust), a server
/// certificate for the names they use; the host to show and the authority's fingerprint, which
/// is also written to `DATA/https/fingerprint.txt` for the coordinator's sheet.
fn entry_tls(
    lang: Language,
    data_dir: &Path,
    address: std::net::SocketAddr,
    names: &[String],
) -> anyhow::Result<(Arc<web::rustls::ServerConfig>, String, String)> {
    let dir = data_dir.join("https");
    let (tls, shown, fingerprint) = local_tls(lang, &dir, address, names)?;
    std::fs::write(dir.join("fingerprint.txt"), format!("{fingerprint}\n"))
        .with_context(|| dir.display().to_string())?;
    Ok((tls, shown, fingerprint))
}

/// The coordinator's sheet (`DATA/https/verbindingsblad.pdf`): the address the typists open and
/// the fingerprint they compare, with the software's hash code; made again at every start, as
/// the address may change.
fn connection_sheet(
    store: &Store,
    dir: &Path,
    url: &str,
    fingerprint: &str,
) -> anyhow::Result<std::path::PathBuf> {
    let summaries = store.elections()?;
    let names: Vec<String> = summaries.iter().map(|e| e.name.clone()).collect();
    let first = match summaries.first() {
        Some(summary) => store.election(&summary.id)?,
        None => None,
    };
    let authority = first
        .as_ref()
        .and_then(|stored| stored.election.domain.as_ref())
        .map_or_else(|| "Urna".to_string(), |domain| domain.name.clone());
    let jurisdiction = first
        .as_ref()
        .map_or(model::Jurisdiction::Netherlands, |stored| {
            stored.election.jurisdiction
        });
    let pdf = report::server_sheet(
        &report::ServerSheet {
            authority: &authority,
            elections: &names,
            addresses: &[url.to_string()],
            fingerprint,
            jurisdiction,
        },
        chrono::Utc::now(),
    )?;
    // Written whole or not at all: whoever prints it never gets half a sheet.
    let path = dir.join("verbindingsblad.pdf");
    let partial = dir.join("verbindingsblad.pdf.partial");
    std::fs::write(&partial, pdf).with_context(|| partial.display().to_string())?;
    std::fs::rename(&partial, &path).with_context(|| path.display().to_string())?;
    Ok(path)
}

/// The app's TLS: its certificate authority (made on the first start, in the data directory),
/// a server certificate for the names the devices use; the host shown to the chairs and the
/// authority's fingerprint.
fn station_app_tls(
    lang: Language,
    data_dir: &Path,
    address: std::net::SocketAddr,
    names: &[String],
) -> anyhow::Result<(Arc<web::rustls::ServerConfig>, String, String)> {
    local_tls(lang, &data_dir.join("stembureau-app"), address, names)
}

/// A server's TLS from a local authority kept in `dir` (made on the first start).
fn local_tls(
    lang: Language,
    dir: &Path,
    address: std::net::SocketAddr,
    names: &[String],
) -> anyhow::Result<(Arc<web::rustls::ServerConfig>, String, String)> {
    let (authority, made) = web::station_app::local_authority(dir)?;
    if made {
        let folder = dir.display().to_string();
        let said = if dir.ends_with("https") {
            t!(lang, "cli-serve-new-entry-authority", folder = folder)
        } else {
            t!(lang, "cli-serve-new-authority", folder = folder)
        };
        console!("urna serve: {said}");
    }
    let mut all: Vec<String> = names.to_vec();
    if !address.ip().is_unspecified() {
        all.push(address.ip().to_string());
    }
    all.push("localhost".into());
    all.dedup();
    let shown = all.first().cloned().unwrap_or_else(|| "localhost".into());
    // An IPv6 address stands in brackets in a URL.
    let shown = if shown.contains(':') {
        format!("[{shown}]")
    } else {
        shown
    };
    let tls = web::station_app::server_config(&authority, &all)?;
    Ok((tls, shown, web::station_app::device_fingerprint(&authority)))
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
