//! `urna station-app`: the logins of the polling-station app.

use std::fmt::Write as _;

use anyhow::{Context, bail};
use messages::{Language, t};
use seal::ceremony::{OfficeFile, files};
use seal::package::{Expected, Office};
use store::{Actor, CredentialSource, NewCredential, Store};

use super::ceremony::{CeremonyDir, load_election, offices, problems_text, read_target};

/// Takes over the ceremony's credential sheets as the app's logins: every polling station's
/// package is verified against the ceremony's authority key, then its login (`office.json`) and
/// the Argon2id verifier of its sheet's password (`chair-password.argon2`) are stored, all or
/// none. The passwords themselves exist only on the printed sheets.
pub fn credentials_from_ceremony(
    lang: Language,
    store: &Store,
    actor: &Actor,
    election_id: &model::ElectionId,
    dir: &CeremonyDir,
) -> anyhow::Result<String> {
    let election = load_election(lang, store, election_id)?;
    let authority = dir.authority()?;
    let mut credentials = Vec::new();
    for office in offices(&election) {
        let Office::PollingStation { number, .. } = office else {
            continue;
        };
        let folder = dir.packages().join(office.code().to_string());
        let entries = read_target(&folder)?;
        let expected = Expected {
            election: Some(election_id.clone()),
            office: Some(office.clone()),
        };
        if let Err(problems) = seal::package::verify(&entries, &authority, &expected) {
            bail!(
                "{}: {}\n{}{}",
                folder.display(),
                t!(lang, "cli-ceremony-refused"),
                problems_text(lang, &problems),
                t!(lang, "cli-station-app-nothing-taken")
            );
        }
        let identity: OfficeFile = entries
            .get(files::OFFICE)
            .map(|bytes| serde_json::from_slice(bytes))
            .transpose()
            .with_context(|| format!("{}: {}", folder.display(), files::OFFICE))?
            .with_context(|| {
                t!(
                    lang,
                    "cli-file-missing",
                    file = folder.join(files::OFFICE).display().to_string()
                )
            })?;
        let verifier = entries
            .get(files::PASSWORD_VERIFIER)
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .map(str::trim)
            .filter(|v| v.starts_with("$argon2id$"))
            .with_context(|| {
                t!(
                    lang,
                    "cli-file-missing-or-unreadable",
                    file = folder.join(files::PASSWORD_VERIFIER).display().to_string()
                )
            })?
            .to_string();
        credentials.push(NewCredential {
            station: model::PollingStationNumber::new(number)?,
            login: identity.login,
            verifier,
        });
    }
    let count = credentials.len();
    store.set_station_credentials(actor, &election.id, credentials, CredentialSource::Ceremony)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "cli-station-app-logins",
            stations = count,
            name = &election.name,
            election = election.id.as_str()
        )
    );
    Ok(out)
}

/// The demo's polling station 1 of an election with the app: its logins taken over from the
/// ceremony, the app served over HTTPS on loopback (its certificate authority in `data_dir`),
/// the chair's device logging in with the credential sheet, reporting turnout at every published
/// moment and counting the station's ballots with the count helper, one undone tap included and
/// one ballot missed — so that the coordinator's comparison with the definitive count, typed
/// twice from the paper report, shows the difference. The coordinator publishes the turnout at
/// every moment; `opkomst-<id>.json` and `.csv` go to `published`. Returns what happened, to
/// print.
#[allow(clippy::too_many_arguments)]
pub fn demo(
    lang: Language,
    store: &std::sync::Arc<Store>,
    actor: &Actor,
    election_id: &model::ElectionId,
    ceremony: &CeremonyDir,
    data_dir: &std::path::Path,
    credential: &seal::ceremony::Credential,
    published: &std::path::Path,
) -> anyhow::Result<String> {
    use model::tally::{Mark, Tally};
    use web::station_app::device::Device;

    let mut out = credentials_from_ceremony(lang, store, actor, election_id, ceremony)?;
    let election = load_election(lang, store, election_id)?;
    let Office::PollingStation { number, .. } = credential.office else {
        bail!("the demo's chair is not a polling station's");
    };
    let station = model::PollingStationNumber::new(number)?;
    let (_, contest) = office::station(&election, station)?;
    let Some(model::count::CountForm::Netherlands(definitive)) = store
        .entry(&election.id, station)?
        .state
        .definitive()
        .cloned()
    else {
        bail!("polling station {number} of {election_id} has no definitive Dutch count");
    };
    let (authority, _) = web::station_app::local_authority(&data_dir.join("stembureau-app"))?;
    let tls = web::station_app::server_config(&authority, &["localhost".to_string()])?;
    let fingerprint = web::station_app::device_fingerprint(&authority);
    let client = tls::client_config(authority.certificate_pem(), None)?;
    let mut config = web::Config::default();
    // Loopback only, for the length of the demo.
    config.airgap.enabled = false;
    let state = web::AppState::new(store.clone(), config);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let moments = model::turnout::default_moments();
    let d = definitive.voters.total;
    let (app_url, reported, taps) = runtime.block_on(async {
        let results = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let app = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let address = app.local_addr()?;
        tokio::spawn(web::serve_with_app(
            state,
            results,
            Some(web::StationAppListener { listener: app, tls }),
            std::future::pending(),
        ));
        let mut device = Device::connect(&address.to_string(), "localhost", client).await?;
        device
            .log_in(&credential.login, &credential.password)
            .await?;
        // Turnout through the day, the last one at closing: the admitted voters (D).
        let mut reported = Vec::new();
        for (moment, share) in moments.iter().zip([18u32, 41, 60, 82, 100]) {
            let admitted = d * share / 100;
            device
                .report_turnout(&model::turnout::moment_text(*moment), admitted)
                .await?;
            reported.push(format!(
                "{} {admitted}",
                model::turnout::moment_text(*moment)
            ));
        }
        // The count: one tap per ballot as the paper report has it, a tap undone, and the first
        // candidate's last ballot missed.
        let mut missed = false;
        let mut taps = 0u32;
        device.mark("invalid").await?;
        device.undo().await?;
        for (list, votes) in contest.lists.iter().zip(&definitive.lists) {
            for (candidate, count) in list.candidates.iter().zip(&votes.candidates) {
                let mut count = *count;
                if !missed && count > 0 {
                    count -= 1;
                    missed = true;
                }
                let mark = Mark::Candidate {
                    list: list.number,
                    position: candidate.position,
                }
                .to_string();
                for _ in 0..count {
                    device.mark(&mark).await?;
                    taps += 1;
                }
            }
        }
        for (mark, count) in [
            ("blank", definitive.votes.blank),
            ("invalid", definitive.votes.invalid),
        ] {
            for _ in 0..count {
                device.mark(mark).await?;
                taps += 1;
            }
        }
        anyhow::Ok((
            format!("https://localhost:{}/stembureau/", address.port()),
            reported,
            taps,
        ))
    })?;
    runtime.shutdown_background();
    // The coordinator publishes the turnout at every moment, for the municipality's website.
    let office = office::Office::new(store.clone());
    let coordinator = Actor::new("coordinator", "demo");
    let mut last = None;
    for moment in &moments {
        last = Some(office.publish_turnout(&coordinator, election_id, &moments, *moment)?);
    }
    let publications = store.turnout_publications(&election.id)?;
    std::fs::create_dir_all(published).with_context(|| published.display().to_string())?;
    let json_path = published.join(format!("opkomst-{}.json", election.id));
    let csv_path = published.join(format!("opkomst-{}.csv", election.id));
    std::fs::write(
        &json_path,
        seal::pretty_json(&office::turnout::publications_json(
            &election,
            &publications,
        )),
    )
    .with_context(|| json_path.display().to_string())?;
    std::fs::write(
        &csv_path,
        office::turnout::turnout_csv(&election.name, &publications)?,
    )
    .with_context(|| csv_path.display().to_string())?;
    let counts = store.tally_counts(&election.id, Some(station))?;
    let tally = Tally::from_stored(contest, counts.into_iter().map(|(_, m, n)| (m, n)))?;
    let differences = tally
        .differences(&model::count::CountForm::Netherlands(definitive.clone()))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "cli-station-app-served",
            url = &app_url,
            fingerprint = fingerprint.to_string()
        )
    );
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "cli-station-app-turnout-reported",
            station = number,
            login = &credential.login,
            admitted = reported.join(", ")
        )
    );
    if let Some(last) = last {
        let figures = &last.figures;
        let _ = writeln!(
            out,
            "{}",
            t!(
                lang,
                "cli-station-app-turnout-published",
                moment = &last.moment,
                reported = figures["reported"].to_string(),
                stations = figures["polling_stations"].to_string(),
                admitted = figures["admitted"].to_string(),
                json = json_path.display().to_string(),
                csv = csv_path.display().to_string()
            )
        );
    }
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "cli-station-app-count-helper",
            taps = taps,
            total = tally.total_cast(),
            definitive = definitive.votes.total_cast
        )
    );
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "cli-station-app-differences",
            differences = differences
                .iter()
                .map(|d| t!(
                    lang,
                    "cli-station-app-difference",
                    field = &d.field,
                    app = d.app,
                    definitive = d.definitive
                ))
                .collect::<Vec<_>>()
                .join("; ")
        )
    );
    Ok(out)
}
