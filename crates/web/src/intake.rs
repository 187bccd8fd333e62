//! The central authority's intake over TLS (`urna central serve`): the route packages are sent
//! to, and the sending office's client (`urna central send`). What is checked and stored, and
//! how, is `central::intake`; here the connection's client certificate becomes the sender the
//! intake checks, and the outcome an HTTP answer.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path as UrlPath, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use central::intake::{Channel, Intake, Outcome};
use seal::signing::Signature;
use seal::transmission;

use crate::https::Peer;

/// The path packages are sent to: `/intake/v1/{election}`.
pub const PATH: &str = "/intake/v1";

/// The response header carrying the receipt's signature.
pub const SIGNATURE_HEADER: &str = "urna-receipt-signature";

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
    UrlPath(election): UrlPath<model::ElectionId>,
    body: Bytes,
) -> Response {
    let taken = tokio::task::spawn_blocking(move || {
        intake.take(&election, &body, Channel::Connection(peer.0))
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
                "refused": refused.message(model::Language::En),
                "geweigerd": refused.message(model::Language::Nl),
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
    election: &model::ElectionId,
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
