//! `urna central …`: the central authority's side of a result's journey — its keys, the intake
//! of sealed result packages from files or over TLS, the sending office's client, and the
//! office's offline check of a receipt. What is checked, stored and signed is the `central`
//! crate's; this asks the passphrases and passwords and prints.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use central::intake::{Channel, Outcome, ReceiptCheck};
use central::{CentralDir, CentralError};
use messages::{Language, t};
use model::ElectionId;
use seal::HashCode;
use seal::lock::ElectionPublicKey;
use seal::package::Office;
use seal::transmission::{Receipt, Status};
use store::{Actor, Store};
use zeroize::Zeroizing;

use super::ceremony::{choose_passphrase, read_public_key};
use crate::hash_check::Prompt;

/// A central refusal as an error in the chosen language.
fn refused<T>(lang: Language, outcome: Result<T, CentralError>) -> anyhow::Result<T> {
    outcome.map_err(|e| anyhow::anyhow!(e.message(lang)))
}

/// Asks the central authority's passphrase.
fn ask_passphrase(lang: Language, prompt: &mut dyn Prompt) -> anyhow::Result<Zeroizing<String>> {
    let passphrase = prompt.ask_secret(&t!(lang, "cli-central-passphrase"))?;
    Ok(Zeroizing::new(
        passphrase.trim_end_matches(['\r', '\n']).to_string(),
    ))
}

/// The intake's keys, their passphrase asked.
fn unlock_intake(
    lang: Language,
    prompt: &mut dyn Prompt,
    dir: &CentralDir,
) -> anyhow::Result<central::keys::IntakeKeys> {
    let passphrase = ask_passphrase(lang, prompt)?;
    refused(lang, central::keys::unlock_intake(dir, &passphrase))
}

/// The publication key, its passphrase asked.
pub(crate) fn unlock_publication(
    lang: Language,
    prompt: &mut dyn Prompt,
    dir: &CentralDir,
) -> Result<seal::signing::SigningKey, CentralError> {
    let passphrase = ask_passphrase(lang, prompt).map_err(|e| CentralError::Keys(e.to_string()))?;
    central::keys::unlock_publication(dir, &passphrase)
}

/// `urna central keys`: makes the central authority's keys and the intake server's TLS
/// certificate for `tls_names`; asks for a passphrase to lock the secret keys.
pub fn keys(
    lang: Language,
    prompt: &mut dyn Prompt,
    dir: &CentralDir,
    tls_names: &[String],
) -> anyhow::Result<String> {
    if dir.secrets().exists() {
        return refused(lang, Err(CentralError::KeysExist(dir.secrets())));
    }
    let passphrase = Zeroizing::new(choose_passphrase(
        lang,
        prompt,
        &t!(lang, "cli-central-whose-passphrase"),
    )?);
    let made = refused(lang, central::keys::make(dir, &passphrase, tls_names))?;
    Ok(format!(
        "{}\n",
        t!(
            lang,
            "cli-central-keys-made",
            transmission = made.transmission,
            receipts = made.receipts,
            publication = made.publication,
            names = tls_names.join(", "),
            authority = made.tls_authority
        )
    ))
}

/// What `urna central receive` works on.
#[derive(Debug, Clone)]
pub struct Intake {
    /// The central authority's folder.
    pub dir: PathBuf,
    /// The ceremony's `offices.json`: the registered keys.
    pub offices: PathBuf,
    /// The election.
    pub election: ElectionId,
    /// The sealed files.
    pub files: Vec<PathBuf>,
}

/// `urna central receive`: opens, checks and stores each sealed result; writes a signed receipt
/// beside each accepted file (`FILE.receipt.json`, `.sig`). Every outcome, refusals included, is
/// in the audit log. Returns the text and whether every file was taken in.
pub fn receive(
    lang: Language,
    store: Arc<Store>,
    actor: &Actor,
    prompt: &mut dyn Prompt,
    intake: &Intake,
) -> anyhow::Result<(String, bool)> {
    let dir = CentralDir::new(&intake.dir);
    let bytes = bounded::read(&intake.offices, central::folder::MAX_FILE_BYTES)?;
    let senders = refused(lang, central::registry::senders(&bytes, &intake.offices))?;
    let keys = unlock_intake(lang, prompt, &dir)?;
    // Once the election is registered, only its signed definition is taken in.
    let definitions = refused(
        lang,
        central::registry::registered_definition(&dir, &intake.election),
    )?
    .map(|definition| (intake.election.clone(), definition))
    .into_iter()
    .collect();
    let centre = central::intake::Intake::new(
        keys.transmission,
        keys.receipts,
        BTreeMap::from([(intake.election.clone(), senders)]),
        central::intake::Archive::new(&dir.received()),
        store,
        actor.clone(),
    )
    .expecting_definitions(definitions);
    let mut out = String::new();
    let mut all = true;
    for path in &intake.files {
        let sealed = bounded::read(path, central::folder::MAX_FILE_BYTES)?;
        match refused(
            lang,
            centre.take(&intake.election, &sealed, Channel::File(path)),
        )? {
            Outcome::Refused(why) => {
                all = false;
                writeln!(
                    out,
                    "{}",
                    t!(
                        lang,
                        "cli-central-refused",
                        file = path.display().to_string(),
                        reason = why.message(lang)
                    )
                )?;
            }
            Outcome::Received {
                receipt,
                signature,
                office,
                partial,
            } => {
                refused(
                    lang,
                    central::intake::write_receipt(path, &receipt.to_bytes(), &signature),
                )?;
                writeln!(
                    out,
                    "{}: {}",
                    path.display(),
                    received_text(lang, &office, &receipt)
                )?;
                if let Some((counted, expected)) = partial {
                    writeln!(
                        out,
                        "  {}",
                        t!(
                            lang,
                            "publish-partial",
                            counted = counted,
                            expected = expected
                        )
                    )?;
                }
            }
        }
    }
    Ok((out, all))
}

/// "Hoofdstembureau … HSB v1: ontvangen".
fn received_text(lang: Language, office: &Office, receipt: &Receipt) -> String {
    format!(
        "{} {} v{}: {}",
        office.describe().text(lang),
        receipt.office,
        receipt.version,
        status_text(lang, receipt.status)
    )
}

/// What a receipt's status means, in words.
fn status_text(lang: Language, status: Status) -> String {
    match status {
        Status::Accepted => t!(lang, "cli-central-status-accepted"),
        Status::AlreadyReceived => t!(lang, "cli-central-status-already-received"),
        Status::NewVersionForReview => t!(lang, "cli-central-status-new-version"),
    }
}

/// What `urna central serve` works on.
#[derive(Debug, Clone)]
pub struct Serve {
    /// The central authority's folder, with its registered elections.
    pub dir: PathBuf,
    /// Where to listen.
    pub listen: std::net::SocketAddr,
}

/// `urna central serve`: the intake over TLS. Only offices of the registered elections get
/// through the handshake (their client certificates, issued at each election's ceremony); each
/// package is then taken in as `urna central receive` takes a file, and the receipt is the
/// answer. Runs until stopped (Ctrl-C).
pub fn serve(
    lang: Language,
    store: Arc<Store>,
    actor: &Actor,
    prompt: &mut dyn Prompt,
    args: &Serve,
) -> anyhow::Result<()> {
    // Which software takes in the results: in the centre's log at every start.
    super::version::log_start(&store, "urna central serve")?;
    serve_until(
        lang,
        store,
        actor,
        prompt,
        args,
        |listening| {
            // The address first on its own line: scripts (and the tests) read it from there.
            console!("\nurna central serve: {}", listening.url);
            console!(
                "{}",
                t!(
                    lang,
                    "cli-central-serving",
                    fingerprint = listening.fingerprint,
                    elections = listening
                        .elections
                        .iter()
                        .map(ElectionId::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            );
        },
        super::serve::shutdown_signal(),
    )
}

/// Where the intake listens, once it does.
#[derive(Debug, Clone)]
pub struct Listening {
    /// The address.
    pub address: std::net::SocketAddr,
    /// The URL packages are sent to.
    pub url: String,
    /// The fingerprint of the certificate authority the offices trust.
    pub fingerprint: String,
    /// The elections it takes packages for.
    pub elections: Vec<ElectionId>,
}

/// [`serve`], telling `ready` where it listens, until `shutdown` resolves.
pub fn serve_until(
    lang: Language,
    store: Arc<Store>,
    actor: &Actor,
    prompt: &mut dyn Prompt,
    args: &Serve,
    ready: impl FnOnce(Listening),
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let dir = CentralDir::new(&args.dir);
    let mut elections = BTreeMap::new();
    let mut definitions = BTreeMap::new();
    let mut client_authorities = String::new();
    for (registration, trust) in refused(lang, central::registry::registrations(&dir))? {
        definitions.insert(
            registration.election.clone(),
            registration.definition.clone(),
        );
        let ceremony = dir
            .elections()
            .join(registration.election.as_str())
            .join("ceremony");
        let Ok(pem) = std::fs::read_to_string(ceremony.join(central::intake::INTAKE_CA)) else {
            console!(
                "{}",
                t!(
                    lang,
                    "cli-central-files-only",
                    election = &registration.election
                )
            );
            continue;
        };
        client_authorities.push_str(&pem);
        let offices = ceremony.join(publish::feed::ceremony_files::OFFICES);
        elections.insert(
            registration.election,
            refused(lang, central::registry::senders(&trust.offices, &offices))?,
        );
    }
    if elections.is_empty() {
        return refused(lang, Err(CentralError::NoElectionsWithCertificates));
    }
    let certificate_pem = std::fs::read_to_string(dir.tls_certificate())
        .with_context(|| dir.tls_certificate().display().to_string())?;
    let ca_pem = std::fs::read_to_string(dir.tls_ca())
        .with_context(|| dir.tls_ca().display().to_string())?;
    let keys = unlock_intake(lang, prompt, &dir)?;
    let key_pem = refused(lang, keys.tls_key.ok_or(CentralError::NoTlsKey))?;
    let config = tls::server_config(
        &tls::ServerIdentity {
            certificate_pem,
            key_pem,
        },
        Some(&client_authorities),
    )?;
    let names: Vec<ElectionId> = elections.keys().cloned().collect();
    let intake = Arc::new(
        central::intake::Intake::new(
            keys.transmission,
            keys.receipts,
            elections,
            central::intake::Archive::new(&dir.received()),
            store,
            actor.clone(),
        )
        .expecting_definitions(definitions),
    );
    let fingerprint = tls::certificate_hash_code(&ca_pem)
        .map(|h| h.to_string())
        .unwrap_or_default();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .with_context(|| args.listen.to_string())?;
        let address = listener.local_addr()?;
        ready(Listening {
            address,
            url: format!("https://{address}{}/", web::intake::PATH),
            fingerprint,
            elections: names,
        });
        web::https::serve(listener, config, web::intake::router(intake), shutdown).await?;
        anyhow::Ok(())
    })
}

/// What `urna central send` works on.
#[derive(Debug, Clone)]
pub struct Sending {
    /// The intake: `host:port`.
    pub server: String,
    /// The name in the server's certificate (default: the host of `server`).
    pub server_name: Option<String>,
    /// The central authority's TLS certificate authority (central-tls-ca.pem).
    pub tls_ca: PathBuf,
    /// The central authority's receipts key, to check each receipt at once.
    pub receipts_key: PathBuf,
    /// The office's package from the ceremony (its key and intake certificate).
    pub package: PathBuf,
    /// The election to send for (default: the package's own).
    pub election: Option<ElectionId>,
    /// The sealed files.
    pub files: Vec<PathBuf>,
}

/// The office's identity and signing key from its ceremony package, the key unlocked with the
/// password of its credential sheet (asked).
fn unlock_office_key(
    lang: Language,
    prompt: &mut dyn Prompt,
    package: &BTreeMap<String, Vec<u8>>,
) -> anyhow::Result<(seal::ceremony::OfficeFile, seal::signing::SigningKey)> {
    let login = package
        .get(seal::ceremony::files::OFFICE)
        .and_then(|bytes| serde_json::from_slice::<seal::ceremony::OfficeFile>(bytes).ok())
        .map(|identity| identity.login)
        .unwrap_or_default();
    let password = prompt.ask_secret(&t!(lang, "cli-office-password", login = login))?;
    super::result::refused(lang, office::package::unlock_office(package, &password))
}

/// `urna central send`: the office (on the machine that may go online, never the results
/// machine) sends sealed result files to the centre's intake over TLS, showing its certificate
/// from the ceremony and proving it holds the office key (unlocked with the credential sheet's
/// password, in memory only). Each receipt is checked with the centre's key and written beside
/// its file. Returns the text and whether every file was taken in.
pub fn send(
    lang: Language,
    prompt: &mut dyn Prompt,
    args: &Sending,
) -> anyhow::Result<(String, bool)> {
    let package = super::ceremony::read_target(&args.package)?;
    let certificate = package
        .get(seal::ceremony::files::INTAKE_CERTIFICATE)
        .with_context(|| {
            t!(
                lang,
                "cli-central-no-certificate",
                package = args.package.display().to_string(),
                file = seal::ceremony::files::INTAKE_CERTIFICATE
            )
        })?;
    let certificate = String::from_utf8_lossy(certificate).into_owned();
    let ca_pem =
        std::fs::read_to_string(&args.tls_ca).with_context(|| args.tls_ca.display().to_string())?;
    let receipts_key = read_public_key(&args.receipts_key)?;
    let (identity, key) = unlock_office_key(lang, prompt, &package)?;
    let config = tls::client_config(&ca_pem, Some((&certificate, &key.secret_bytes())))?;
    let election = args
        .election
        .clone()
        .unwrap_or_else(|| identity.election.id.clone());
    let server_name = args.server_name.clone().unwrap_or_else(|| {
        args.server
            .rsplit_once(':')
            .map_or(args.server.as_str(), |(host, _)| host)
            .trim_matches(['[', ']'])
            .to_string()
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let mut out = String::new();
    let mut all = true;
    for path in &args.files {
        let sealed = bounded::read(path, central::folder::MAX_FILE_BYTES)?;
        let hash = HashCode::of(&sealed).to_hex();
        let answer = runtime
            .block_on(web::intake::send(
                &args.server,
                &server_name,
                config.clone(),
                &election,
                sealed,
            ))
            .with_context(|| path.display().to_string())?;
        match answer {
            web::intake::Answer::Refused { en, nl } => {
                all = false;
                // The answer carries the reason in the two languages of the intake's API.
                let reason = if lang == Language::Nl { nl } else { en };
                writeln!(
                    out,
                    "{}",
                    t!(
                        lang,
                        "cli-central-refused",
                        file = path.display().to_string(),
                        reason = reason
                    )
                )?;
            }
            web::intake::Answer::Receipt { bytes, signature } => {
                let receipt = Receipt::verify(&bytes, &signature, &receipts_key)
                    .filter(|r| r.sealed == hash)
                    .with_context(|| {
                        t!(
                            lang,
                            "cli-central-receipt-does-not-verify",
                            file = path.display().to_string()
                        )
                    })?;
                refused(
                    lang,
                    central::intake::write_receipt(path, &bytes, &signature),
                )?;
                writeln!(
                    out,
                    "{}: {}",
                    path.display(),
                    received_text(lang, &identity.office, &receipt)
                )?;
            }
        }
    }
    Ok((out, all))
}

/// `urna central check-receipt`: the office checks a receipt offline.
pub fn check_receipt(
    lang: Language,
    receipt: &Path,
    receipts_key: &Path,
    sealed: Option<&Path>,
) -> anyhow::Result<(String, bool)> {
    let key = read_public_key(receipts_key)?;
    let file = receipt.display().to_string();
    Ok(
        match refused(lang, central::intake::check_receipt(receipt, &key, sealed))? {
            ReceiptCheck::BadSignature => (
                format!("{}\n", t!(lang, "cli-central-receipt-invalid", file = file)),
                false,
            ),
            ReceiptCheck::OtherFile => (
                format!(
                    "{}\n",
                    t!(lang, "cli-central-receipt-other-file", file = file)
                ),
                false,
            ),
            ReceiptCheck::Valid(checked) => (
                format!(
                    "{}\n",
                    t!(
                        lang,
                        "cli-central-receipt-valid",
                        file = file,
                        election = &checked.election,
                        office = &checked.office,
                        version = checked.version,
                        status = status_text(lang, checked.status),
                        received = &checked.received
                    )
                ),
                true,
            ),
        },
    )
}

/// Seals the main office's result for the central authority: its key unlocked with the password
/// of its credential sheet, the files signed, the package encrypted to `central`. Returns what to
/// print and the sealed file's hash code.
pub fn seal_main_office_result(
    lang: Language,
    prompt: &mut dyn Prompt,
    package: &BTreeMap<String, Vec<u8>>,
    central: &Path,
    files: BTreeMap<String, Vec<u8>>,
    out: &Path,
) -> anyhow::Result<(String, HashCode)> {
    // A sealed result is never written over: each one may have been sent already.
    if out.exists() {
        return super::result::refused(
            lang,
            Err(office::Refusal::SealedExists(out.display().to_string()).into()),
        );
    }
    let central: ElectionPublicKey = std::fs::read_to_string(central)
        .with_context(|| central.display().to_string())?
        .parse()
        .with_context(|| central.display().to_string())?;
    let (identity, key) = unlock_office_key(lang, prompt, package)?;
    let sealed = super::result::refused(
        lang,
        office::package::seal_result(package, (&identity, &key), &central, files),
    )?;
    super::ceremony::create(out, &sealed)?;
    let hash_code = HashCode::of(&sealed);
    Ok((
        format!(
            "{}\n",
            t!(
                lang,
                "cli-central-sealed",
                file = out.display().to_string(),
                hash = hash_code.to_string()
            )
        ),
        hash_code,
    ))
}
