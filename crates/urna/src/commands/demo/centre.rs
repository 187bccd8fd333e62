//! Assen's result from the municipality to the central authority and into the publication:
//! its ceremony, the polling-station app, the sealed result, the intake over TLS.

use std::path::Path;

use anyhow::{Context, bail};
use messages::{Language, t};
use store::{Actor, Store};

use super::ceremony::{keys_and_packages, sheet};
use super::{ASSEN_ID, DEMO_CENTRAL_PASSPHRASE, Unattended, indent};

/// Assen's determined result from the results database to the published site: its ceremony,
/// the sealed result, the intake over TLS, a new version of the publication.
pub(super) fn assen_to_the_centre(
    lang: Language,
    store: &std::sync::Arc<Store>,
    actor: &Actor,
    dir: &Path,
) -> anyhow::Result<()> {
    let folder = dir.join("ceremonie-assen");
    let (ceremony_dir, report, credentials) =
        keys_and_packages(lang, store, actor, &ASSEN_ID.parse()?, &folder)?;
    let ceremony_path = folder.join("sleutels-en-pakketten");
    // The 45 fingerprints are in the record; the first lines say enough here.
    print!(
        "{}",
        indent(&report.lines().take(3).collect::<Vec<_>>().join("\n"))
    );
    println!("      …");
    let chair = sheet(&credentials, "SB1")?;
    print!(
        "{}",
        indent(&crate::commands::station_app::demo(
            lang,
            store,
            actor,
            &ASSEN_ID.parse()?,
            &ceremony_dir,
            &dir.join("urna-data"),
            chair,
            &dir.join("opkomst"),
        )?)
    );
    let password = sheet(&credentials, "HSB")?.password.clone();
    let central = dir.join("centraal");
    let central_dir = central::CentralDir::new(&central);
    let sealed = dir.join("uitslag").join("uitslag-assen.urna-result");
    print!(
        "{}",
        indent(&crate::commands::result::seal(
            lang,
            &office::Office::new(store.clone()),
            actor,
            &mut Unattended([password.clone()].into()),
            &crate::commands::result::Seal {
                election: ASSEN_ID.parse()?,
                package: ceremony_dir.packages().join("HSB"),
                authority_key: ceremony_dir.authority_pub(),
                seal_for: central_dir.transmission_pub(),
                sealed: sealed.clone(),
            },
        )?)
    );
    print!(
        "{}",
        indent(&crate::commands::publish::register(
            lang,
            store,
            actor,
            &central_dir,
            &ceremony_path,
            &central::registry::PlaceArgs {
                province: None,
                district: None,
            },
        )?)
    );
    // The intake on loopback for as long as the sending takes.
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let (ready, address) = std::sync::mpsc::channel();
    let server = {
        let store = store.clone();
        let actor = actor.clone();
        let central = central.clone();
        std::thread::spawn(move || {
            crate::commands::central::serve_until(
                lang,
                store,
                &actor,
                &mut Unattended([DEMO_CENTRAL_PASSPHRASE.to_string()].into()),
                &crate::commands::central::Serve {
                    dir: central,
                    listen: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
                },
                move |listening| {
                    let _ = ready.send(listening);
                },
                async {
                    let _ = stopped.await;
                },
            )
        })
    };
    let sent = address
        .recv_timeout(std::time::Duration::from_secs(30))
        .context("the demo's intake server did not start")
        .and_then(|listening| {
            println!(
                "   urna central serve: {}",
                t!(
                    lang,
                    "demo-intake-serving",
                    url = &listening.url,
                    fingerprint = listening.fingerprint.to_string()
                )
            );
            crate::commands::central::send(
                lang,
                &mut Unattended([password].into()),
                &crate::commands::central::Sending {
                    server: listening.address.to_string(),
                    server_name: None,
                    tls_ca: central_dir.tls_ca(),
                    receipts_key: central_dir.receipts_pub(),
                    package: ceremony_dir.packages().join("HSB"),
                    election: None,
                    files: vec![sealed.clone()],
                },
            )
        });
    let _ = stop.send(());
    let served = server
        .join()
        .map_err(|_| anyhow::anyhow!("the demo's intake server stopped unexpectedly"))?;
    let (report, all) = sent?;
    served?;
    print!("{}", indent(&report));
    if !all {
        bail!("the demo's intake refused Assen's result");
    }
    publish_and_verify(lang, store, actor, &central, &dir.join("publicatie"), None)?;
    Ok(())
}

/// The centre's next version of the publication in `site` (the first names its `round`), and the
/// independent check of its feed, both printed.
pub(super) fn publish_and_verify(
    lang: Language,
    store: &Store,
    actor: &Actor,
    central: &Path,
    site: &Path,
    round: Option<(&str, &str)>,
) -> anyhow::Result<()> {
    print!(
        "{}",
        indent(&crate::commands::publish::export(
            lang,
            store,
            actor,
            &mut Unattended([DEMO_CENTRAL_PASSPHRASE.to_string()].into()),
            &crate::commands::publish::ExportArgs {
                central: central.to_path_buf(),
                out: site.to_path_buf(),
                round: round.map(|(code, _)| code.to_string()),
                name: round.map(|(_, name)| name.to_string()),
            },
        )?)
    );
    // Checked as an outsider would, against the publication key pinned from the centre's own
    // folder (an outsider has it from the Government Gazette).
    let key = central::folder::read_public_key(
        &central::folder::CentralDir::new(central).publication_pub(),
    )?;
    let pinned = publish::verify::Expectations {
        central: Some(key.fingerprint().to_string()),
        authorities: Vec::new(),
    };
    let (report, sound) = crate::commands::publish::verify(lang, site, &pinned)?;
    print!("{}", indent(&report));
    if !sound {
        bail!("the demo's published feed does not verify");
    }
    Ok(())
}
