//! Every listener of Urna's servers (results entry, the polling-station app, the central intake,
//! the public site): one accept loop, over plain TCP or TLS, that a crowd of idle or slow
//! connections cannot stop.
//!
//! - The process raises its own limit of open files to what the system allows (a server started
//!   with the usual soft limit of 1,024 would otherwise stop accepting at about a thousand
//!   connections), and keeps a reserve for the database, the files it writes and its logs.
//! - A connection has [`Limits::header_timeout`] to send a request's headers — the first one,
//!   and each next one on a kept-alive connection — or it is closed; a TLS handshake has as long.
//! - When every slot is taken, a new connection closes the oldest one that is not being answered
//!   (idle, or still sending its headers), so a crowd of idle connections gives way to a typist's
//!   save instead of locking it out.

use std::collections::BTreeMap;
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::ServerConfig;

use crate::https::Peer;

/// How long connections may take, and how many there may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Time to send a request's headers (or to finish the TLS handshake).
    pub header_timeout: Duration,
    /// Most connections open at once; `None`: what the open-file limit allows, less a reserve.
    pub max_connections: Option<usize>,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            header_timeout: Duration::from_secs(10),
            max_connections: None,
        }
    }
}

/// Open files kept for everything but connections: the database and its journal, the files a
/// server writes, the logs.
const RESERVE: u64 = 256;

/// Raises the soft limit of open files to the hard limit (once per process) and returns the
/// soft limit in force.
pub fn raise_open_file_limit() -> u64 {
    static RAISED: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *RAISED.get_or_init(|| {
        rlimit::increase_nofile_limit(u64::MAX)
            .or_else(|_| rlimit::Resource::NOFILE.get().map(|(soft, _)| soft))
            .unwrap_or(1024)
    })
}

/// The address a request's connection came from, on every request (the login's gate counts
/// failures per address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub std::net::SocketAddr);

/// How a listener's connections speak.
#[derive(Debug, Clone)]
pub enum Transport {
    /// Plain HTTP (results entry on the municipality's own network, the public site).
    Plain,
    /// HTTP over TLS; what the client's certificate proves reaches the handlers as [`Peer`].
    Tls(Arc<ServerConfig>),
}

/// One open connection: whether a request of it is being answered, and how to close it.
struct Slot {
    answering: Arc<AtomicUsize>,
    close: tokio::task::AbortHandle,
}

/// The open connections, oldest first.
#[derive(Default)]
struct Slots {
    next: u64,
    open: BTreeMap<u64, Slot>,
}

impl Slots {
    /// Makes room for one more connection when `max` are open: closes the oldest that is not
    /// being answered. `false` when every one is busy answering.
    fn make_room(&mut self, max: usize) -> bool {
        if self.open.len() < max {
            return true;
        }
        let idle = self
            .open
            .iter()
            .find(|(_, slot)| slot.answering.load(Ordering::Acquire) == 0)
            .map(|(id, _)| *id);
        match idle.and_then(|id| self.open.remove(&id)) {
            Some(slot) => {
                slot.close.abort();
                true
            }
            None => false,
        }
    }
}

/// Serves `router` on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: TcpListener,
    transport: Transport,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let allowed = raise_open_file_limit();
    let max = limits.max_connections.unwrap_or_else(|| {
        usize::try_from(allowed.saturating_sub(RESERVE).max(16)).unwrap_or(usize::MAX)
    });
    let acceptor = match &transport {
        Transport::Plain => None,
        Transport::Tls(config) => Some(TlsAcceptor::from(config.clone())),
    };
    let slots = Arc::new(Mutex::new(Slots::default()));
    tokio::pin!(shutdown);
    loop {
        let (stream, address) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors and the like: wait a moment rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            () = &mut shutdown => {
                let open = std::mem::take(&mut slots.lock().unwrap_or_else(PoisonError::into_inner).open);
                for slot in open.into_values() {
                    slot.close.abort();
                }
                return Ok(());
            }
        };
        let mut open = slots.lock().unwrap_or_else(PoisonError::into_inner);
        if !open.make_room(max) {
            // Every connection is being answered: this one waits for none of them.
            continue;
        }
        let id = open.next;
        open.next += 1;
        let answering = Arc::new(AtomicUsize::new(0));
        let connection = connection(
            stream,
            ClientAddress(address),
            acceptor.clone(),
            router.clone(),
            answering.clone(),
            limits.header_timeout,
        );
        let finished = slots.clone();
        // The slot is taken while the lock is held, so a connection that ends at once still
        // finds its slot to give back.
        let task = tokio::spawn(async move {
            connection.await;
            finished
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .open
                .remove(&id);
        });
        open.open.insert(
            id,
            Slot {
                answering,
                close: task.abort_handle(),
            },
        );
    }
}

/// One connection: the TLS handshake if any, then HTTP/1.1 until the client leaves or times out.
async fn connection(
    stream: tokio::net::TcpStream,
    address: ClientAddress,
    acceptor: Option<TlsAcceptor>,
    router: Router,
    answering: Arc<AtomicUsize>,
    header_timeout: Duration,
) {
    let client = address.0;
    let tls = acceptor.is_some();
    let counted = router
        .layer(axum::Extension(address))
        .layer(axum::middleware::from_fn(
            move |request: axum::extract::Request, next: axum::middleware::Next| {
                let answering = answering.clone();
                async move {
                    answering.fetch_add(1, Ordering::AcqRel);
                    // The request log: what was asked, by which address, with what answer and
                    // how fast. The path only: no query, no body, no cookie, no projector link's
                    // token is written down.
                    // (Method and URI are shared buffers: no copy of the path per request.)
                    let method = request.method().clone();
                    let uri = request.uri().clone();
                    let started = std::time::Instant::now();
                    let response = next.run(request).await;
                    answering.fetch_sub(1, Ordering::AcqRel);
                    tracing::info!(
                        target: "urna::request",
                        %method,
                        path = crate::projector::loggable_path(uri.path()),
                        status = response.status().as_u16(),
                        micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
                        client = %client.ip(),
                        tls,
                    );
                    response
                }
            },
        ));
    let mut builder = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout);
    match acceptor {
        None => {
            let service = TowerToHyperService::new(counted);
            let _ = builder
                .serve_connection(TokioIo::new(stream), service)
                .await;
        }
        Some(acceptor) => {
            let handshake = tokio::time::timeout(header_timeout, acceptor.accept(stream));
            let Ok(Ok(tls)) = handshake.await else {
                return;
            };
            let peer = Peer(
                tls.get_ref()
                    .1
                    .peer_certificates()
                    .and_then(tls::peer_ed25519_key),
            );
            let service = TowerToHyperService::new(counted.layer(axum::Extension(peer)).layer(
                axum::middleware::map_response(crate::cookies::secure_over_tls),
            ));
            let _ = builder.serve_connection(TokioIo::new(tls), service).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_house_closes_its_oldest_idle_connection_not_a_busy_one() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap_or_else(|error| panic!("{error}"));
        runtime.block_on(async {
            let mut slots = Slots::default();
            let mut tasks = Vec::new();
            for id in 0..3u64 {
                let task = tokio::spawn(std::future::pending::<()>());
                let answering = Arc::new(AtomicUsize::new(usize::from(id == 0)));
                slots.open.insert(
                    id,
                    Slot {
                        answering,
                        close: task.abort_handle(),
                    },
                );
                tasks.push(task);
            }
            assert!(slots.make_room(4), "room without closing anything");
            assert_eq!(slots.open.len(), 3);
            assert!(slots.make_room(3));
            // Connection 0 is answering a request; 1 is the oldest idle one.
            assert_eq!(slots.open.keys().copied().collect::<Vec<_>>(), [0, 2]);
            let closed = tasks.remove(1).await;
            assert!(closed.is_err_and(|error| error.is_cancelled()));
            for slot in slots.open.values() {
                slot.answering.store(1, Ordering::Release);
            }
            assert!(!slots.make_room(2), "every connection is being answered");
        });
    }
}
