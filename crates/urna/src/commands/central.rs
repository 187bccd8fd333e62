//! `urna central …`: the central authority's side of a result's journey, carried as a file or
//! sent over TLS. Its keys (an X25519 key offices seal their results to, an Ed25519 key that
//! signs receipts, a TLS server certificate under its own certificate authority), the intake of
//! sealed result packages (`web::intake`: checked, stored by office and version, never replacing
//! an earlier one, a signed receipt for each), the sending office's client, and the office's
//! offline check of a receipt.
//!
//! ```text
//! CENTRAL/
//!   central-transmission.pub   age1…: what offices seal their results to
//!   central-receipts.pub       the key receipts are signed with
//!   central-tls-ca.pem         the authority offices' clients trust for the intake server
//!   central-tls.pem            the intake server's certificate
//!   central-keys.age           the intake's secret keys, locked to the central authority's
//!                              passphrase
//!   central-publication.pub    the key published snapshots are signed with
//!   central-publication-key.age  its secret half, locked apart (same passphrase): it belongs on
//!                              the publication machine, never on the intake server
//!   received/<election>/<office>/v<n>/   each version as received: sealed file, files, receipt
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, bail};
use seal::HashCode;
use seal::lock::{ElectionKey, ElectionPublicKey, Strength, lock, unlock};
use seal::package::Office;
use seal::signing::{PublicKey, Signature, SigningKey};
use seal::transmission::{self, Receipt, Status};
use serde::{Deserialize, Serialize};
use store::{Actor, Store};
use web::intake::{Channel, Outcome};
use zeroize::Zeroizing;

use super::ceremony::{OfficeEntry, choose_passphrase, create, read_public_key};
use crate::cli::Lang;
use crate::hash_check::Prompt;

/// The central authority's folder.
#[derive(Debug, Clone)]
pub struct CentralDir(PathBuf);

/// The locked secrets.
#[derive(Serialize, Deserialize)]
struct Secrets {
    transmission: String,
    receipts: String,
    /// The intake server's TLS key (PKCS #8 PEM); absent in folders made before the intake
    /// over TLS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tls_key: Option<String>,
}

impl CentralDir {
    /// The folder at `root`.
    pub fn new(root: &Path) -> CentralDir {
        CentralDir(root.to_path_buf())
    }
    /// The key offices seal to.
    pub fn transmission_pub(&self) -> PathBuf {
        self.0.join("central-transmission.pub")
    }
    /// The key receipts are checked with.
    pub fn receipts_pub(&self) -> PathBuf {
        self.0.join("central-receipts.pub")
    }
    fn secrets(&self) -> PathBuf {
        self.0.join("central-keys.age")
    }
    /// The key published snapshots are checked with.
    pub fn publication_pub(&self) -> PathBuf {
        self.0.join("central-publication.pub")
    }
    fn publication_secret(&self) -> PathBuf {
        self.0.join("central-publication-key.age")
    }
    /// The certificate authority of the intake server (what offices trust).
    pub fn tls_ca(&self) -> PathBuf {
        self.0.join("central-tls-ca.pem")
    }
    /// The intake server's certificate.
    fn tls_certificate(&self) -> PathBuf {
        self.0.join("central-tls.pem")
    }
    /// Where the registered elections are (`urna central register`).
    pub fn elections(&self) -> PathBuf {
        self.0.join("elections")
    }
    /// Where the published snapshot versions are kept.
    pub fn publication(&self) -> PathBuf {
        self.0.join("publication")
    }
    /// The archive of received versions.
    pub fn archive(&self) -> web::intake::Archive {
        web::intake::Archive::new(&self.0.join("received"))
    }
    pub(crate) fn received(&self, election: &str, office: &str) -> PathBuf {
        self.archive().office(election, office)
    }
}

/// `urna central keys`: makes the central authority's keys and the intake server's TLS
/// certificate for `tls_names` (host names or addresses the offices connect to); asks for a
/// passphrase to lock the secret keys. The certificate authority that issues the server's
/// certificate is dropped at once: nothing else can ever be issued under it. The publication key
/// is locked in a file of its own, so that the intake server, which is on a network, never holds
/// the key the public results are signed with.
pub fn keys(
    lang: Lang,
    prompt: &mut dyn Prompt,
    dir: &CentralDir,
    tls_names: &[String],
) -> anyhow::Result<String> {
    if dir.secrets().exists() {
        bail!(
            "{}: {}",
            dir.secrets().display(),
            lang.pick(
                "er zijn al sleutels; er is niets veranderd",
                "keys exist already; nothing was changed"
            )
        );
    }
    let passphrase = choose_passphrase(
        lang,
        prompt,
        lang.pick("de centrale autoriteit", "the central authority"),
    )?;
    let transmission = ElectionKey::generate();
    let receipts = SigningKey::generate();
    let publication = SigningKey::generate();
    let authority = tls::CertificateAuthority::generate(
        lang.pick("Urna centrale autoriteit", "Urna central authority"),
    )?;
    let server = authority.issue_server(tls_names)?;
    let secrets = Secrets {
        transmission: String::from_utf8_lossy(&transmission.secret_text()).into_owned(),
        receipts: seal::hex::encode(receipts.secret_bytes().as_slice()),
        tls_key: Some(server.key_pem.to_string()),
    };
    let plain = Zeroizing::new(serde_json::to_vec(&secrets)?);
    let locked = lock(&plain, &passphrase, Strength::Chosen)?;
    let publication_secret =
        Zeroizing::new(seal::hex::encode(publication.secret_bytes().as_slice()));
    let publication_locked = lock(publication_secret.as_bytes(), &passphrase, Strength::Chosen)?;
    create(&dir.secrets(), &locked)?;
    create(&dir.publication_secret(), &publication_locked)?;
    create(
        &dir.publication_pub(),
        format!("{}\n", publication.public()).as_bytes(),
    )?;
    create(
        &dir.transmission_pub(),
        format!("{}\n", transmission.public()).as_bytes(),
    )?;
    create(
        &dir.receipts_pub(),
        format!("{}\n", receipts.public()).as_bytes(),
    )?;
    create(&dir.tls_ca(), authority.certificate_pem().as_bytes())?;
    create(&dir.tls_certificate(), server.certificate_pem.as_bytes())?;
    Ok(format!(
        "{}: {}\n{}: {}\n{}: {}\n{} ({}): {}\n",
        lang.pick("sleutel om naar te verzegelen", "key to seal to"),
        transmission.public().fingerprint(),
        lang.pick("sleutel van de ontvangstbewijzen", "receipts key"),
        receipts.public().fingerprint(),
        lang.pick("publicatiesleutel", "publication key"),
        publication.public().fingerprint(),
        lang.pick(
            "certificaatautoriteit van de ontvangstserver",
            "certificate authority of the intake server"
        ),
        tls_names.join(", "),
        authority.fingerprint()
    ))
}

pub(crate) fn unlock_keys(
    lang: Lang,
    prompt: &mut dyn Prompt,
    dir: &CentralDir,
) -> anyhow::Result<(ElectionKey, SigningKey)> {
    let (transmission, receipts, _) = unlock_secrets(lang, prompt, dir)?;
    Ok((transmission, receipts))
}

/// The publication key, unlocked with the central authority's passphrase and checked against
/// `central-publication.pub`.
pub(crate) fn unlock_publication_key(
    lang: Lang,
    prompt: &mut dyn Prompt,
    dir: &CentralDir,
) -> anyhow::Result<SigningKey> {
    let path = dir.publication_secret();
    let locked = std::fs::read(&path).with_context(|| {
        format!(
            "{}: {}",
            path.display(),
            lang.pick(
                "geen publicatiesleutel (gemaakt voor die bestond, of niet naar deze computer gebracht)",
                "no publication key (made before it existed, or not brought to this computer)"
            )
        )
    })?;
    let plain = unlock_locked(lang, prompt, &locked, &path)?;
    let bytes = Zeroizing::new(
        seal::hex::decode_vec(String::from_utf8_lossy(&plain).trim())
            .with_context(|| path.display().to_string())?,
    );
    let key = SigningKey::from_secret_bytes(&bytes)?;
    if key.public() != read_public_key(&dir.publication_pub())? {
        bail!(
            "{}: {}",
            dir.publication_pub().display(),
            lang.pick(
                "hoort niet bij de vergrendelde publicatiesleutel",
                "does not belong to the locked publication key"
            )
        );
    }
    Ok(key)
}

/// Asks the central authority's passphrase and opens `locked` (read from `path`) with it.
fn unlock_locked(
    lang: Lang,
    prompt: &mut dyn Prompt,
    locked: &[u8],
    path: &Path,
) -> anyhow::Result<Zeroizing<Vec<u8>>> {
    let passphrase = prompt.ask_secret(lang.pick(
        "Wachtwoordzin van de centrale autoriteit: ",
        "Passphrase of the central authority: ",
    ))?;
    unlock(locked, passphrase.trim_end_matches(['\r', '\n']))
        .with_context(|| path.display().to_string())
}

fn unlock_secrets(
    lang: Lang,
    prompt: &mut dyn Prompt,
    dir: &CentralDir,
) -> anyhow::Result<(ElectionKey, SigningKey, Option<Zeroizing<String>>)> {
    let locked =
        std::fs::read(dir.secrets()).with_context(|| dir.secrets().display().to_string())?;
    let plain = unlock_locked(lang, prompt, &locked, &dir.secrets())?;
    let secrets: Secrets = serde_json::from_slice(&plain)?;
    let transmission = ElectionKey::from_secret_text(secrets.transmission.as_bytes())?;
    let bytes = Zeroizing::new(
        seal::hex::decode_vec(&secrets.receipts)
            .with_context(|| dir.secrets().display().to_string())?,
    );
    let receipts = SigningKey::from_secret_bytes(&bytes)?;
    Ok((transmission, receipts, secrets.tls_key.map(Zeroizing::new)))
}

/// What `urna central receive` works on.
#[derive(Debug, Clone)]
pub struct Intake {
    /// The central authority's folder.
    pub dir: PathBuf,
    /// The ceremony's `offices.json`: the registered keys.
    pub offices: PathBuf,
    /// The election.
    pub election: String,
    /// The sealed files.
    pub files: Vec<PathBuf>,
}

/// `urna central receive`: opens, checks and stores each sealed result (`web::intake`); writes
/// a signed receipt beside each accepted file (`FILE.receipt.json`, `.sig`). Every outcome,
/// refusals included, is in the audit log. Returns the text and whether every file was taken in.
pub fn receive(
    lang: Lang,
    store: Arc<Store>,
    actor: &Actor,
    prompt: &mut dyn Prompt,
    intake: &Intake,
) -> anyhow::Result<(String, bool)> {
    let dir = CentralDir::new(&intake.dir);
    let senders = senders(&intake.offices)?;
    let (transmission, receipts) = unlock_keys(lang, prompt, &dir)?;
    // Once the election is registered, only its signed definition is taken in.
    let definitions = super::publish::registered_definition(&dir, &intake.election)?
        .map(|definition| (intake.election.clone(), definition))
        .into_iter()
        .collect();
    let centre = web::intake::Intake::new(
        transmission,
        receipts,
        BTreeMap::from([(intake.election.clone(), senders)]),
        dir.archive(),
        store,
        actor.clone(),
    )
    .expecting_definitions(definitions);
    let mut out = String::new();
    let mut all = true;
    for path in &intake.files {
        let sealed = std::fs::read(path).with_context(|| path.display().to_string())?;
        match centre.take(&intake.election, &sealed, Channel::File(path))? {
            Outcome::Refused(refused) => {
                all = false;
                let why = match lang {
                    Lang::Nl => refused.message_nl(),
                    _ => refused.to_string(),
                };
                writeln!(
                    out,
                    "{}: {} — {why}",
                    path.display(),
                    lang.pick("GEWEIGERD", "REFUSED")
                )?;
            }
            Outcome::Received {
                receipt,
                signature,
                office,
            } => {
                write_receipt(path, &receipt.to_bytes(), &signature)?;
                writeln!(
                    out,
                    "{}: {}",
                    path.display(),
                    received_text(lang, &office, &receipt)
                )?;
            }
        }
    }
    Ok((out, all))
}

/// The offices' registered keys from a ceremony's `offices.json`.
fn senders(offices: &Path) -> anyhow::Result<Vec<(Office, PublicKey)>> {
    let bytes = std::fs::read(offices).with_context(|| offices.display().to_string())?;
    parse_senders(&bytes, offices)
}

/// The offices' registered keys from the bytes of an `offices.json` (read from `path`).
fn parse_senders(bytes: &[u8], path: &Path) -> anyhow::Result<Vec<(Office, PublicKey)>> {
    let entries: Vec<OfficeEntry> =
        serde_json::from_slice(bytes).with_context(|| path.display().to_string())?;
    Ok(entries
        .into_iter()
        .map(|entry| (entry.office, entry.public_key))
        .collect())
}

/// Writes a receipt and its signature beside the sealed file.
fn write_receipt(sealed: &Path, receipt: &[u8], signature: &Signature) -> anyhow::Result<()> {
    let receipt_file = receipt_path(sealed);
    std::fs::write(&receipt_file, receipt).with_context(|| receipt_file.display().to_string())?;
    let signature_file = receipt_signature_path(&receipt_file);
    std::fs::write(&signature_file, format!("{signature}\n"))
        .with_context(|| signature_file.display().to_string())?;
    Ok(())
}

/// "Hoofdstembureau … HSB v1: ontvangen".
fn received_text(lang: Lang, office: &Office, receipt: &Receipt) -> String {
    format!(
        "{} {} v{}: {}",
        match lang {
            Lang::Nl => office.describe_nl(),
            _ => office.to_string(),
        },
        receipt.office,
        receipt.version,
        status_text(lang, receipt.status)
    )
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
    lang: Lang,
    store: Arc<Store>,
    actor: &Actor,
    prompt: &mut dyn Prompt,
    args: &Serve,
) -> anyhow::Result<()> {
    serve_until(
        lang,
        store,
        actor,
        prompt,
        args,
        |listening| {
            // The address first on its own line: scripts (and the tests) read it from there.
            eprintln!("\nurna central serve: {}", listening.url);
            eprintln!(
                "{}: {}\n{}: {}",
                lang.pick(
                    "certificaatautoriteit (vergelijk op het verzendende apparaat)",
                    "certificate authority (compare on the sending machine)"
                ),
                listening.fingerprint,
                lang.pick("verkiezingen", "elections"),
                listening.elections.join(", ")
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
    pub elections: Vec<String>,
}

/// [`serve`], telling `ready` where it listens, until `shutdown` resolves.
pub fn serve_until(
    lang: Lang,
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
    for (registration, trust) in super::publish::registrations(&dir)? {
        definitions.insert(
            registration.election.clone(),
            registration.definition.clone(),
        );
        let ceremony = dir
            .elections()
            .join(&registration.election)
            .join("ceremony");
        let Ok(pem) = std::fs::read_to_string(ceremony.join(web::intake::INTAKE_CA)) else {
            eprintln!(
                "{}: {}",
                registration.election,
                lang.pick(
                    "geen certificaten van de ceremonie: alleen per bestand te ontvangen",
                    "no certificates from the ceremony: only files can be received"
                )
            );
            continue;
        };
        client_authorities.push_str(&pem);
        let offices = ceremony.join(publish::feed::ceremony_files::OFFICES);
        elections.insert(
            registration.election,
            parse_senders(&trust.offices, &offices)?,
        );
    }
    if elections.is_empty() {
        bail!(
            "{}: {}",
            dir.elections().display(),
            lang.pick(
                "geen verkiezingen geregistreerd met certificaten (urna central register)",
                "no elections registered with certificates (urna central register)"
            )
        );
    }
    let certificate_pem = std::fs::read_to_string(dir.tls_certificate())
        .with_context(|| dir.tls_certificate().display().to_string())?;
    let ca_pem = std::fs::read_to_string(dir.tls_ca())
        .with_context(|| dir.tls_ca().display().to_string())?;
    let (transmission, receipts, tls_key) = unlock_secrets(lang, prompt, &dir)?;
    let key_pem = tls_key.context(lang.pick(
        "deze sleutels hebben geen TLS-sleutel (gemaakt voor de ontvangst over het netwerk bestond)",
        "these keys have no TLS key (made before the intake over the network existed)",
    ))?;
    let config = tls::server_config(
        &tls::ServerIdentity {
            certificate_pem,
            key_pem,
        },
        Some(&client_authorities),
    )?;
    let names: Vec<String> = elections.keys().cloned().collect();
    let intake = Arc::new(
        web::intake::Intake::new(
            transmission,
            receipts,
            elections,
            dir.archive(),
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
    pub election: Option<String>,
    /// The sealed files.
    pub files: Vec<PathBuf>,
}

/// `urna central send`: the office (on the machine that may go online, never the results
/// machine) sends sealed result files to the centre's intake over TLS, showing its certificate
/// from the ceremony and proving it holds the office key (unlocked with the credential sheet's
/// password, in memory only). Each receipt is checked with the centre's key and written beside
/// its file. Returns the text and whether every file was taken in.
pub fn send(lang: Lang, prompt: &mut dyn Prompt, args: &Sending) -> anyhow::Result<(String, bool)> {
    let package = super::ceremony::read_target(&args.package)?;
    let certificate = package
        .get(seal::ceremony::files::INTAKE_CERTIFICATE)
        .with_context(|| {
            format!(
                "{}: {} {}",
                args.package.display(),
                lang.pick("geen", "no"),
                seal::ceremony::files::INTAKE_CERTIFICATE
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
        let sealed = std::fs::read(path).with_context(|| path.display().to_string())?;
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
                writeln!(
                    out,
                    "{}: {} — {}",
                    path.display(),
                    lang.pick("GEWEIGERD", "REFUSED"),
                    lang.pick(&nl, &en)
                )?;
            }
            web::intake::Answer::Receipt { bytes, signature } => {
                let receipt = Receipt::verify(&bytes, &signature, &receipts_key)
                    .filter(|r| r.sealed == hash)
                    .with_context(|| {
                        format!(
                            "{}: {}",
                            path.display(),
                            lang.pick(
                                "het ontvangstbewijs klopt niet met de sleutel van de centrale autoriteit of met dit bestand",
                                "the receipt does not verify with the central authority's key or is not for this file"
                            )
                        )
                    })?;
                write_receipt(path, &bytes, &signature)?;
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

/// The office's identity and signing key from its ceremony package, the key unlocked with the
/// password of its credential sheet (asked).
fn unlock_office_key(
    lang: Lang,
    prompt: &mut dyn Prompt,
    package: &BTreeMap<String, Vec<u8>>,
) -> anyhow::Result<(seal::ceremony::OfficeFile, SigningKey)> {
    let identity: seal::ceremony::OfficeFile = serde_json::from_slice(
        package
            .get(seal::ceremony::files::OFFICE)
            .context("office.json")?,
    )?;
    let password = prompt.ask_secret(&format!(
        "{} ({}): ",
        lang.pick("Wachtwoord van het bureau", "Password of the office"),
        identity.login
    ))?;
    let typed = seal::password::normalise(&password);
    let locked = package
        .get(seal::ceremony::files::OFFICE_KEY)
        .context("office-key.age")?;
    let secret = unlock(locked, &typed).context(lang.pick(
        "het wachtwoord past niet bij het inloggegevensblad van dit bureau",
        "the password does not fit this office's credential sheet",
    ))?;
    let key = SigningKey::from_secret_bytes(&secret)?;
    Ok((identity, key))
}

/// Where the receipt of the sealed file `sealed` is written: `FILE.receipt.json`.
pub fn receipt_path(sealed: &Path) -> PathBuf {
    let mut name = sealed.as_os_str().to_owned();
    name.push(".receipt.json");
    PathBuf::from(name)
}

/// The signature beside a receipt: `….receipt.json` → `….receipt.sig`.
fn receipt_signature_path(receipt: &Path) -> PathBuf {
    let name = receipt.to_string_lossy();
    PathBuf::from(format!("{}.sig", name.trim_end_matches(".json")))
}

/// What a receipt's status means, in words.
fn status_text(lang: Lang, status: Status) -> &'static str {
    match status {
        Status::Accepted => lang.pick("ontvangen", "received"),
        Status::AlreadyReceived => lang.pick(
            "al eerder ontvangen (hetzelfde ontvangstbewijs)",
            "received before (the same receipt)",
        ),
        Status::NewVersionForReview => lang.pick(
            "NIEUWE VERSIE, ter beoordeling; de eerdere blijft staan",
            "NEW VERSION, for review; the earlier one stays",
        ),
    }
}

/// `urna central check-receipt`: the office checks a receipt offline.
pub fn check_receipt(
    lang: Lang,
    receipt: &Path,
    receipts_key: &Path,
    sealed: Option<&Path>,
) -> anyhow::Result<(String, bool)> {
    let key = read_public_key(receipts_key)?;
    let bytes = std::fs::read(receipt).with_context(|| receipt.display().to_string())?;
    let signature_path = receipt_signature_path(receipt);
    let signature: Signature = std::fs::read_to_string(&signature_path)
        .with_context(|| signature_path.display().to_string())?
        .parse()?;
    let Some(checked) = Receipt::verify(&bytes, &signature, &key) else {
        return Ok((
            format!(
                "{}: {}\n",
                receipt.display(),
                lang.pick(
                    "ONGELDIG: de handtekening klopt niet met de sleutel van de centrale autoriteit",
                    "INVALID: the signature does not match the central authority's key"
                )
            ),
            false,
        ));
    };
    if let Some(sealed) = sealed {
        let hash = HashCode::of(&std::fs::read(sealed)?).to_hex();
        if hash != checked.sealed {
            return Ok((
                format!(
                    "{}: {}\n",
                    receipt.display(),
                    lang.pick(
                        "het ontvangstbewijs hoort bij een ander bestand",
                        "the receipt is for another file"
                    )
                ),
                false,
            ));
        }
    }
    Ok((
        format!(
            "{}: {} {} {} v{} ({}), {}\n",
            receipt.display(),
            lang.pick("geldig:", "valid:"),
            checked.election,
            checked.office,
            checked.version,
            status_text(lang, checked.status),
            checked.received
        ),
        true,
    ))
}

/// Seals the main office's result for the central authority: its key unlocked with the password
/// of its credential sheet, the files signed, the package encrypted to `central`. Returns what to
/// print and the sealed file's hash code.
pub fn seal_main_office_result(
    lang: Lang,
    prompt: &mut dyn Prompt,
    package: &std::collections::BTreeMap<String, Vec<u8>>,
    central: &Path,
    files: std::collections::BTreeMap<String, Vec<u8>>,
    out: &Path,
) -> anyhow::Result<(String, HashCode)> {
    // A sealed result is never written over: each one may have been sent already.
    if out.exists() {
        bail!(
            "{}: {}",
            out.display(),
            lang.pick(
                "bestaat al; kies een nieuwe bestandsnaam",
                "exists already; choose a new file name"
            )
        );
    }
    let central: ElectionPublicKey = std::fs::read_to_string(central)
        .with_context(|| central.display().to_string())?
        .parse()
        .with_context(|| central.display().to_string())?;
    let (identity, key) = unlock_office_key(lang, prompt, package)?;
    // The definition the ceremony signed goes with the result, so that the centre and every
    // verifier read the count against the same election.
    let mut files = files;
    if let Some(definition) = package.get(seal::ceremony::files::ELECTION) {
        files
            .entry(publish::source::ELECTION_FILE.to_string())
            .or_insert_with(|| definition.clone());
    }
    let created = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let package = transmission::build(identity.election, identity.office, &created, files, &key)?;
    let sealed = transmission::seal(&package, &central)?;
    create(out, &sealed)?;
    let hash_code = HashCode::of(&sealed);
    Ok((
        format!(
            "{}: {} ({} {hash_code})\n",
            lang.pick(
                "verzegeld voor de centrale autoriteit",
                "sealed for the central authority"
            ),
            out.display(),
            lang.pick("hashcode", "hash code"),
        ),
        hash_code,
    ))
}
