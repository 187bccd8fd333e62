//! Serving a router over TLS only (rustls). Each connection's handshake completes before a byte
//! of HTTP is read; a client that speaks plain HTTP, shows no certificate where one is required,
//! or one from an authority the server does not trust, is disconnected during the handshake.
//! What the client's certificate proves (its Ed25519 key, for the central intake's offices)
//! reaches the handlers as the request extension [`Peer`].

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::ServerConfig;

/// Who is at the other end of the connection a request came on: the Ed25519 key of its verified
/// client certificate, or `None` when the server asks for none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Peer(pub Option<[u8; 32]>);

/// Serves `router` on `listener` over TLS with `config` until `shutdown` resolves. A failed
/// handshake ends that connection only.
pub async fn serve(
    listener: TcpListener,
    config: Arc<ServerConfig>,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let acceptor = TlsAcceptor::from(config);
    tokio::pin!(shutdown);
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors and the like: wait a moment rather than spin.
                Err(_) => {
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => return Ok(()),
        };
        let acceptor = acceptor.clone();
        let router = router.clone();
        tokio::spawn(async move {
            let handshake =
                tokio::time::timeout(std::time::Duration::from_secs(10), acceptor.accept(stream));
            let Ok(Ok(tls)) = handshake.await else {
                return;
            };
            let peer = Peer(
                tls.get_ref()
                    .1
                    .peer_certificates()
                    .and_then(tls::peer_ed25519_key),
            );
            let service = TowerToHyperService::new(router.layer(axum::Extension(peer)));
            let _ = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new())
                .serve_connection(TokioIo::new(tls), service)
                .await;
        });
    }
}
