//! Serving a router over TLS only (rustls). Each connection's handshake completes before a byte
//! of HTTP is read; a client that speaks plain HTTP, shows no certificate where one is required,
//! or one from an authority the server does not trust, is disconnected during the handshake.
//! What the client's certificate proves (its Ed25519 key, for the central intake's offices)
//! reaches the handlers as the request extension [`Peer`]. [`connect`] is the client's side: one
//! HTTP/1.1 connection over TLS, for the intake's sender and the app's scripted device.

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio_rustls::rustls::ServerConfig;

/// Who is at the other end of the connection a request came on: the Ed25519 key of its verified
/// client certificate, or `None` when the server asks for none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Peer(pub Option<[u8; 32]>);

/// Serves `router` on `listener` over TLS with `config` until `shutdown` resolves, with the
/// listeners' limits ([`crate::listen`]). A failed handshake ends that connection only.
pub async fn serve(
    listener: TcpListener,
    config: Arc<ServerConfig>,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    crate::listen::serve(
        listener,
        crate::listen::Transport::Tls(config),
        router,
        crate::listen::Limits::default(),
        shutdown,
    )
    .await
}

/// Why a client could not open an HTTP connection over TLS.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    /// No TCP connection.
    #[error("{address}: {source}")]
    Connect {
        /// Where.
        address: String,
        /// Why.
        source: std::io::Error,
    },
    /// The TLS handshake failed: not the expected authority's certificate, or ours refused.
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
    /// The HTTP handshake failed.
    #[error("HTTP: {0}")]
    Http(String),
}

/// A client's HTTP/1.1 connection over TLS: its request sender, and the task that drives the
/// connection (abort it when done).
pub type Connection = (
    hyper::client::conn::http1::SendRequest<http_body_util::Full<axum::body::Bytes>>,
    tokio::task::JoinHandle<()>,
);

/// Connects to `address` (`host:port`), checks its certificate for `server_name` with `config`,
/// and opens HTTP/1.1 over it.
pub async fn connect(
    address: &str,
    server_name: &str,
    config: Arc<tokio_rustls::rustls::ClientConfig>,
) -> Result<Connection, ConnectError> {
    let tcp = tokio::net::TcpStream::connect(address)
        .await
        .map_err(|source| ConnectError::Connect {
            address: address.to_string(),
            source,
        })?;
    let name = tokio_rustls::rustls::pki_types::ServerName::try_from(server_name.to_string())
        .map_err(|_| ConnectError::ServerName(server_name.to_string()))?;
    let tls = tokio_rustls::TlsConnector::from(config)
        .connect(name, tcp)
        .await
        .map_err(|source| ConnectError::Handshake {
            address: address.to_string(),
            source,
        })?;
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(tls))
        .await
        .map_err(|e| ConnectError::Http(e.to_string()))?;
    let driver = tokio::spawn(async move {
        let _ = connection.await;
    });
    Ok((sender, driver))
}

/// Asks `address` for `path` over TLS on a fresh connection and returns the status of the answer:
/// a liveness check for the scripted device and the attack tests.
pub async fn get_status(
    address: &str,
    server_name: &str,
    config: Arc<tokio_rustls::rustls::ClientConfig>,
    path: &str,
) -> Result<u16, ConnectError> {
    let (mut sender, driver) = connect(address, server_name, config).await?;
    let request = hyper::Request::get(path)
        .header(hyper::header::HOST, server_name)
        .body(http_body_util::Full::new(axum::body::Bytes::new()))
        .map_err(|e| ConnectError::Http(e.to_string()))?;
    let answer = sender.send_request(request).await;
    driver.abort();
    answer
        .map(|response| response.status().as_u16())
        .map_err(|e| ConnectError::Http(e.to_string()))
}
