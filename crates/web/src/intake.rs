//! The central authority's intake of sealed result packages, from a file (`urna central
//! receive`) or over TLS (`urna central serve`, sent by `urna central send`).
//!
//! Every package is opened and checked (`seal::transmission::open`: decrypts with the central
//! key, signed by the office the ceremony registered, for this election); over the network the
//! connection itself must come from an office of that election (its client certificate, issued at
//! the ceremony, carries the office's key) and from the very office that signed the package, so
//! a package captured on the way and sent again by anyone else is refused. What is taken in is
//! stored by office and version and never written over:
//!
//! ```text
//! received/<election>/<office>/v<n>/
//!   sealed.urna-result          the file as received
//!   files/…                     its files
//!   package/…                   its files with manifest and signature, as signed (published)
//!   receipt.json, receipt.sig   the receipt given
//! ```
//!
//! The same file again gets the same receipt (status "received before") and stores nothing; a
//! different package of the same office becomes the next version, flagged for review. Every
//! outcome, each refusal with its reason, is an entry in the audit log.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path as UrlPath, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use seal::HashCode;
use seal::lock::ElectionKey;
use seal::package::Office;
use seal::signing::{PublicKey, Signature, SigningKey};
use seal::transmission::{self, Opened, RECEIPT_FORMAT, Receipt, Refusal, Status};
use store::{Actor, Store};

use crate::https::Peer;
use store::AuditAction;

/// The file beside a registered election's ceremony files: the authority that issued its
/// offices' client certificates.
pub const INTAKE_CA: &str = "intake-ca.pem";

/// The path packages are sent to: `/intake/v1/{election}`.
pub const PATH: &str = "/intake/v1";

/// The response header carrying the receipt's signature.
pub const SIGNATURE_HEADER: &str = "urna-receipt-signature";

/// What went wrong on the centre's side (not the sender's): a file not written, the audit log
/// not reachable. Nothing is half-stored: each version's files are new files.
#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    /// Reading or writing the archive.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A stored receipt that does not read back.
    #[error("{path}: {source}")]
    Receipt {
        /// The file.
        path: PathBuf,
        /// Why.
        source: serde_json::Error,
    },
    /// The audit log.
    #[error("audit log: {0}")]
    Audit(#[from] store::StoreError),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> IntakeError + '_ {
    move |source| IntakeError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes a new file; never replaces one.
fn create_new(path: &Path, bytes: &[u8]) -> Result<(), IntakeError> {
    use std::io::Write as _;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(io(path))?;
    file.write_all(bytes).map_err(io(path))?;
    file.sync_all().map_err(io(path))
}

/// The archive of received versions: the central folder's `received/`.
#[derive(Debug, Clone)]
pub struct Archive(PathBuf);

impl Archive {
    /// The archive at `root` (`CENTRAL/received`).
    pub fn new(root: &Path) -> Archive {
        Archive(root.to_path_buf())
    }

    /// The folder of one office's versions.
    pub fn office(&self, election: &str, office: &str) -> PathBuf {
        self.0.join(election).join(office)
    }

    /// Stores a version unless the same sealed file is there already; returns its receipt,
    /// signed with `key`.
    pub fn store(
        &self,
        election: &str,
        office: &str,
        sealed: &[u8],
        opened: &Opened,
        key: &SigningKey,
    ) -> Result<(Receipt, Signature), IntakeError> {
        let root = self.office(election, office);
        let mut versions: Vec<u32> = std::fs::read_dir(&root)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter_map(|e| e.file_name().to_str()?.strip_prefix('v')?.parse().ok())
                    .collect()
            })
            .unwrap_or_default();
        versions.sort_unstable();
        for version in &versions {
            let folder = root.join(format!("v{version}"));
            if std::fs::read(folder.join("sealed.urna-result"))
                .ok()
                .as_deref()
                == Some(sealed)
            {
                // The same file again: the receipt first given, unchanged but for its status.
                let path = folder.join("receipt.json");
                let bytes = std::fs::read(&path).map_err(io(&path))?;
                let mut receipt: Receipt = serde_json::from_slice(&bytes)
                    .map_err(|source| IntakeError::Receipt { path, source })?;
                receipt.status = Status::AlreadyReceived;
                let signature = receipt.sign(key);
                return Ok((receipt, signature));
            }
        }
        let version = versions.last().map_or(1, |last| last + 1);
        let receipt = Receipt {
            format: RECEIPT_FORMAT.into(),
            election: election.to_string(),
            office: office.to_string(),
            sealed: opened.sealed.to_hex(),
            package: opened.fingerprint.to_hex(),
            version,
            status: if version == 1 {
                Status::Accepted
            } else {
                Status::NewVersionForReview
            },
            received: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        };
        // Each version's files are new files: an earlier version is never written over.
        let folder = root.join(format!("v{version}"));
        for (name, bytes) in &opened.files {
            create_new(&folder.join("files").join(name), bytes)?;
        }
        // The package as signed (files, manifest and signature): what the feed publishes.
        for (name, bytes) in opened.files.iter().chain(&opened.signed) {
            create_new(&folder.join("package").join(name), bytes)?;
        }
        create_new(&folder.join("sealed.urna-result"), sealed)?;
        let signature = receipt.sign(key);
        create_new(&folder.join("receipt.json"), &receipt.to_bytes())?;
        create_new(
            &folder.join("receipt.sig"),
            format!("{signature}\n").as_bytes(),
        )?;
        Ok((receipt, signature))
    }
}

/// How a package came in.
#[derive(Debug, Clone, Copy)]
pub enum Channel<'a> {
    /// Read from a file (a USB stick): the package's own signature is the proof of its sender.
    File(&'a Path),
    /// Over TLS: the key of the connection's client certificate.
    Connection(Peer),
}

/// Why a package was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// The election is not registered here.
    #[error("election {0} is not registered with this central authority")]
    UnknownElection(String),
    /// A connection without a client certificate.
    #[error("the connection shows no office certificate")]
    NoCertificate,
    /// The connection's certificate belongs to no office of this election.
    #[error("the connection's certificate belongs to no office of election {0}")]
    StrangerConnection(String),
    /// The package was signed by one office and sent over another's connection.
    #[error("the package was signed by {signed_by} but sent over the connection of {connection}")]
    OtherOffice {
        /// The office that signed the package.
        signed_by: String,
        /// The office the connection belongs to.
        connection: String,
    },
    /// The package itself failed its checks.
    #[error(transparent)]
    Package(#[from] Refusal),
    /// The package's election definition is not the one the election's ceremony signed: its
    /// count would be read against other lists, candidates or seats.
    #[error(
        "the election definition in the package ({}) is not the one the ceremony signed (SHA-256 {expected})",
        found.as_deref().map_or_else(|| "none".to_string(), |f| format!("SHA-256 {f}"))
    )]
    ForeignDefinition {
        /// SHA-256 of the package's `election.json`, when it has one.
        found: Option<String>,
        /// SHA-256 of the definition the registration names.
        expected: String,
    },
}

impl Refused {
    /// The refusal in Dutch.
    pub fn message_nl(&self) -> String {
        match self {
            Refused::UnknownElection(election) => {
                format!("verkiezing {election} is niet geregistreerd bij deze centrale autoriteit")
            }
            Refused::NoCertificate => "de verbinding toont geen certificaat van een bureau".into(),
            Refused::StrangerConnection(election) => format!(
                "het certificaat van de verbinding hoort bij geen enkel bureau van verkiezing {election}"
            ),
            Refused::OtherOffice {
                signed_by,
                connection,
            } => format!(
                "het pakket is ondertekend door {signed_by} maar verstuurd over de verbinding van {connection}"
            ),
            Refused::Package(refusal) => refusal.message_nl(),
            Refused::ForeignDefinition { found, expected } => format!(
                "de verkiezingsdefinitie in het pakket ({}) is niet die welke de ceremonie ondertekende (SHA-256 {expected})",
                found
                    .as_deref()
                    .map_or_else(|| "geen".to_string(), |f| format!("SHA-256 {f}"))
            ),
        }
    }

    /// Whether the sender, rather than the package, is refused.
    fn is_about_the_sender(&self) -> bool {
        !matches!(
            self,
            Refused::Package(_) | Refused::ForeignDefinition { .. }
        )
    }
}

/// What the intake did with one package.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Taken in (or received before): the receipt and its signature.
    Received {
        /// The receipt.
        receipt: Receipt,
        /// Signed by the central authority.
        signature: Signature,
        /// The office that sent it.
        office: Office,
    },
    /// Refused, with the reason.
    Refused(Refused),
}

/// The central authority's intake: its keys, the registered elections with their offices' keys,
/// the archive and the audit log.
pub struct Intake {
    transmission: ElectionKey,
    receipts: SigningKey,
    elections: BTreeMap<String, Vec<(Office, PublicKey)>>,
    archive: Archive,
    store: Arc<Store>,
    actor: Actor,
    /// Per election, SHA-256 of the definition its ceremony signed (the registration's), where
    /// known: a package with another `election.json` is refused.
    definitions: BTreeMap<String, String>,
    /// One package stored at a time, so that two versions never take the same number.
    storing: Mutex<()>,
}

impl std::fmt::Debug for Intake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Intake")
            .field("elections", &self.elections.keys().collect::<Vec<_>>())
            .field("archive", &self.archive)
            .finish_non_exhaustive()
    }
}

impl Intake {
    /// An intake with the central authority's keys (`transmission` opens the sealed files,
    /// `receipts` signs receipts), the offices' keys per registered election, the archive, and
    /// the audit log entries written as `actor`.
    pub fn new(
        transmission: ElectionKey,
        receipts: SigningKey,
        elections: BTreeMap<String, Vec<(Office, PublicKey)>>,
        archive: Archive,
        store: Arc<Store>,
        actor: Actor,
    ) -> Intake {
        Intake {
            transmission,
            receipts,
            elections,
            archive,
            store,
            actor,
            definitions: BTreeMap::new(),
            storing: Mutex::new(()),
        }
    }

    /// Refuses, per election, a package whose `election.json` is not the definition with the
    /// given SHA-256 (hex): the one its ceremony signed, as the registration names it.
    pub fn expecting_definitions(mut self, definitions: BTreeMap<String, String>) -> Intake {
        self.definitions = definitions;
        self
    }

    /// Opens and checks the package; over a connection, also who sent it. The opened package
    /// names the office that signed it (`transmission::open` checked its registered key).
    fn check(
        &self,
        election: &str,
        sealed: &[u8],
        channel: Channel<'_>,
    ) -> Result<Opened, Refused> {
        let senders = self
            .elections
            .get(election)
            .ok_or_else(|| Refused::UnknownElection(election.to_string()))?;
        let stranger = || Refused::StrangerConnection(election.to_string());
        let connection = match channel {
            Channel::File(_) => None,
            Channel::Connection(Peer(None)) => return Err(Refused::NoCertificate),
            Channel::Connection(Peer(Some(bytes))) => {
                let key = PublicKey::from_bytes(&bytes).map_err(|_| stranger())?;
                let (office, _) = senders
                    .iter()
                    .find(|(_, registered)| *registered == key)
                    .ok_or_else(stranger)?;
                Some(office)
            }
        };
        let opened = transmission::open(sealed, &self.transmission, senders, election)?;
        if let Some(connection) = connection
            && !connection.same_as(&opened.manifest.office)
        {
            return Err(Refused::OtherOffice {
                signed_by: opened.manifest.office.code(),
                connection: connection.code(),
            });
        }
        if let Some(expected) = self.definitions.get(election) {
            let found = opened
                .files
                .get(seal::ceremony::files::ELECTION)
                .map(|bytes| HashCode::of(bytes).to_hex());
            if found.as_ref() != Some(expected) {
                return Err(Refused::ForeignDefinition {
                    found,
                    expected: expected.clone(),
                });
            }
        }
        Ok(opened)
    }

    /// Checks, stores and logs one sealed package sent for `election`.
    pub fn take(
        &self,
        election: &str,
        sealed: &[u8],
        channel: Channel<'_>,
    ) -> Result<Outcome, IntakeError> {
        let via = match channel {
            Channel::File(path) => serde_json::json!({ "file": path.display().to_string() }),
            Channel::Connection(Peer(key)) => serde_json::json!({
                "tls": key
                    .and_then(|k| PublicKey::from_bytes(&k).ok())
                    .map(|k| k.fingerprint().to_hex()),
            }),
        };
        match self.check(election, sealed, channel) {
            Err(refused) => {
                self.store.log_event(
                    &self.actor,
                    AuditAction::CentralRefused,
                    serde_json::json!({
                        "via": via,
                        "sha256": HashCode::of(sealed).to_hex(),
                        "election": election,
                        "reason": refused.to_string(),
                    }),
                )?;
                Ok(Outcome::Refused(refused))
            }
            Ok(opened) => {
                let code = opened.manifest.office.code();
                let (receipt, signature) = {
                    let _one_at_a_time = self
                        .storing
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    self.archive
                        .store(election, &code, sealed, &opened, &self.receipts)?
                };
                self.store.log_event(
                    &self.actor,
                    AuditAction::CentralReceived,
                    serde_json::json!({
                        "via": via,
                        "election": election,
                        "office": code,
                        "sealed": receipt.sealed,
                        "version": receipt.version,
                        "status": receipt.status,
                    }),
                )?;
                Ok(Outcome::Received {
                    receipt,
                    signature,
                    office: opened.manifest.office,
                })
            }
        }
    }
}

/// The intake's routes: `POST /intake/v1/{election}` with the sealed file as the body. Answers
/// the receipt (JSON, its signature in the `urna-receipt-signature` header), or a refusal (JSON
/// with the reason in English and Dutch: 403 when the sender is refused, 422 when the package).
pub fn router(intake: Arc<Intake>) -> Router {
    Router::new()
        .route(&format!("{PATH}/{{election}}"), post(receive))
        .layer(DefaultBodyLimit::max(transmission::MAX_SEALED_BYTES))
        .with_state(intake)
}

async fn receive(
    State(intake): State<Arc<Intake>>,
    axum::Extension(peer): axum::Extension<Peer>,
    UrlPath(election): UrlPath<String>,
    body: Bytes,
) -> Response {
    let taken = tokio::task::spawn_blocking(move || {
        intake.take(&election, &body, Channel::Connection(peer))
    })
    .await;
    match taken {
        Ok(Ok(Outcome::Received {
            receipt, signature, ..
        })) => {
            let signature = HeaderValue::from_str(&signature.to_string())
                .unwrap_or(HeaderValue::from_static(""));
            (
                StatusCode::OK,
                [
                    (
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("application/json"),
                    ),
                    (header::HeaderName::from_static(SIGNATURE_HEADER), signature),
                ],
                receipt.to_bytes(),
            )
                .into_response()
        }
        Ok(Ok(Outcome::Refused(refused))) => (
            if refused.is_about_the_sender() {
                StatusCode::FORBIDDEN
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            },
            axum::Json(serde_json::json!({
                "refused": refused.to_string(),
                "geweigerd": refused.message_nl(),
            })),
        )
            .into_response(),
        Ok(Err(error)) => (StatusCode::INTERNAL_SERVER_ERROR, error.to_string()).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// What the centre answered a sender.
#[derive(Debug, Clone)]
pub enum Answer {
    /// A receipt: its bytes and signature, to be checked with the centre's receipts key.
    Receipt {
        /// `receipt.json`.
        bytes: Vec<u8>,
        /// Its signature.
        signature: Signature,
    },
    /// Refused, with the reason in English and Dutch.
    Refused {
        /// In English.
        en: String,
        /// In Dutch.
        nl: String,
    },
}

/// Why sending failed before the centre could answer.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// No TCP connection.
    #[error("{address}: {source}")]
    Connect {
        /// Where.
        address: String,
        /// Why.
        source: std::io::Error,
    },
    /// The TLS handshake failed: not the central authority's certificate, or ours refused.
    #[error("TLS handshake with {address}: {source}")]
    Handshake {
        /// Where.
        address: String,
        /// Why.
        source: std::io::Error,
    },
    /// The server name is not a valid name or address.
    #[error("{0}: not a host name or IP address")]
    ServerName(String),
    /// HTTP went wrong.
    #[error("HTTP: {0}")]
    Http(String),
    /// The centre answered something else than a receipt or a refusal.
    #[error("the centre answered {status}: {text}")]
    Unexpected {
        /// The HTTP status.
        status: u16,
        /// What it said.
        text: String,
    },
}

impl From<crate::https::ConnectError> for SendError {
    fn from(error: crate::https::ConnectError) -> SendError {
        use crate::https::ConnectError;
        match error {
            ConnectError::Connect { address, source } => SendError::Connect { address, source },
            ConnectError::Handshake { address, source } => SendError::Handshake { address, source },
            ConnectError::ServerName(name) => SendError::ServerName(name),
            ConnectError::Http(text) => SendError::Http(text),
        }
    }
}

/// Sends `sealed` for `election` to the intake at `address` (`host:port`), whose certificate
/// must be for `server_name`, over a connection made with `config` (the centre's authority
/// trusted, the office's certificate shown).
pub async fn send(
    address: &str,
    server_name: &str,
    config: Arc<tokio_rustls::rustls::ClientConfig>,
    election: &str,
    sealed: Vec<u8>,
) -> Result<Answer, SendError> {
    use http_body_util::{BodyExt, Full};

    let (mut sender, driver) = crate::https::connect(address, server_name, config).await?;
    let request = hyper::Request::post(format!("{PATH}/{election}"))
        .header(header::HOST, server_name)
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .body(Full::new(Bytes::from(sealed)))
        .map_err(|e| SendError::Http(e.to_string()))?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| SendError::Http(e.to_string()))?;
    let status = response.status();
    let signature = response
        .headers()
        .get(SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|e| SendError::Http(e.to_string()))?
        .to_bytes();
    driver.abort();
    let unexpected = || SendError::Unexpected {
        status: status.as_u16(),
        text: String::from_utf8_lossy(&body).chars().take(500).collect(),
    };
    if status == StatusCode::OK {
        let signature: Signature = signature
            .and_then(|s| s.parse().ok())
            .ok_or_else(unexpected)?;
        return Ok(Answer::Receipt {
            bytes: body.to_vec(),
            signature,
        });
    }
    if status == StatusCode::FORBIDDEN || status == StatusCode::UNPROCESSABLE_ENTITY {
        let reason: serde_json::Value = serde_json::from_slice(&body).map_err(|_| unexpected())?;
        if let (Some(en), Some(nl)) = (reason["refused"].as_str(), reason["geweigerd"].as_str()) {
            return Ok(Answer::Refused {
                en: en.to_string(),
                nl: nl.to_string(),
            });
        }
    }
    Err(unexpected())
}
