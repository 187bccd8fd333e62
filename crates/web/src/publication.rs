//! `urna publish serve`: the public results site and media feed, served from memory. The files
//! are those `urna publish export` wrote (the same a CDN would carry); each answer has a strong
//! ETag (SHA-256 of its bytes) and a cache lifetime fitting what it is: pages and the latest
//! snapshot briefly, signed versions for good. New versions are picked up from the folder
//! without a restart and announced on `/events` (server-sent events), which the pages use only to
//! say that there is something newer.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sha2::{Digest, Sha256};
use tokio::sync::watch;

/// One file ready to send.
#[derive(Debug, Clone)]
struct Entry {
    bytes: axum::body::Bytes,
    etag: HeaderValue,
    content_type: &'static str,
    cache: &'static str,
}

/// The site as loaded: files by URL path, and the version they show.
#[derive(Debug, Default)]
pub struct Site {
    files: BTreeMap<String, Entry>,
    version: u32,
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("csv") => "text/csv; charset=utf-8",
        Some("xml") => "application/xml",
        Some("pdf") => "application/pdf",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// What a served site may hold: it is kept in memory whole. A round of 342 municipalities
/// publishes their result packages (PDFs included) in the feed, so the total is larger than a
/// stick's.
pub const SITE_LIMITS: bounded::TreeLimits = bounded::TreeLimits {
    depth: 8,
    entries: 100_000,
    file_bytes: seal::transmission::MAX_SEALED_BYTES as u64,
    total_bytes: 1024 * bounded::MIB,
};

fn cache_control(path: &str) -> &'static str {
    // A signed version never changes; everything else may be replaced by the next version.
    if path.starts_with("/feed/snapshots/") || path.starts_with("/feed/elections/") {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=5, stale-while-revalidate=30"
    }
}

impl Site {
    /// Loads every file under `root` (an export folder) within [`SITE_LIMITS`]: a link, FIFO or
    /// device in the folder is refused by name, never served.
    pub fn load(root: &Path) -> std::io::Result<Site> {
        let read = bounded::walk(root, SITE_LIMITS).map_err(std::io::Error::other)?;
        let files: BTreeMap<String, Entry> = read
            .into_iter()
            .map(|(path, bytes)| {
                let url = format!("/{path}");
                let digest = Sha256::digest(&bytes);
                let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
                let etag = HeaderValue::from_str(&format!("\"{hex}\""))
                    .unwrap_or(HeaderValue::from_static("\"0\""));
                let entry = Entry {
                    bytes: bytes.into(),
                    etag,
                    content_type: content_type(&url),
                    cache: cache_control(&url),
                };
                (url, entry)
            })
            .collect();
        let version = files
            .get("/version.json")
            .and_then(|e| serde_json::from_slice::<serde_json::Value>(&e.bytes).ok())
            .and_then(|v| v["version"].as_u64())
            .unwrap_or(0) as u32;
        Ok(Site { files, version })
    }

    /// The ETag `path` is served with (quotes included), if the site has it.
    pub fn etag(&self, path: &str) -> Option<&str> {
        self.files.get(path).and_then(|e| e.etag.to_str().ok())
    }

    /// The version shown.
    pub fn version(&self) -> u32 {
        self.version
    }

    /// How many files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether it has no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// The served state: the site, replaced whole when a new export appears.
#[derive(Debug, Clone)]
pub struct Publication {
    site: Arc<RwLock<Arc<Site>>>,
    versions: watch::Sender<u32>,
    keep_alive: Duration,
}

impl Publication {
    /// How often a quiet event stream says it is still there ([`KEEP_ALIVE`] unless set).
    pub fn with_keep_alive(mut self, every: Duration) -> Publication {
        self.keep_alive = every;
        self
    }

    /// Serves `site`.
    pub fn new(site: Site) -> Publication {
        let (versions, _) = watch::channel(site.version);
        Publication {
            site: Arc::new(RwLock::new(Arc::new(site))),
            versions,
            keep_alive: KEEP_ALIVE,
        }
    }

    fn current(&self) -> Arc<Site> {
        match self.site.read() {
            Ok(site) => site.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// How many readers are listening for new versions (open `/events` streams).
    pub fn live_readers(&self) -> usize {
        self.versions.receiver_count()
    }

    /// Replaces the site (a new version was exported) and announces it.
    pub fn replace(&self, site: Site) {
        let version = site.version;
        match self.site.write() {
            Ok(mut current) => *current = Arc::new(site),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(site),
        }
        self.versions.send_replace(version);
    }

    /// Looks at `root` every `interval` and loads it again when its version changed.
    pub fn watch(&self, root: PathBuf, interval: Duration) -> tokio::task::JoinHandle<()> {
        let publication = self.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(interval).await;
                let shown = publication.current().version;
                let on_disk = std::fs::read(root.join("version.json"))
                    .ok()
                    .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
                    .and_then(|v| v["version"].as_u64());
                if on_disk.is_some_and(|v| v != u64::from(shown)) {
                    let folder = root.clone();
                    if let Ok(Ok(site)) =
                        tokio::task::spawn_blocking(move || Site::load(&folder)).await
                    {
                        publication.replace(site);
                    }
                }
            }
        })
    }
}

/// The router: `/events` and every file; `/` and `/en/` are the index pages.
pub fn router(publication: Publication) -> Router {
    Router::new()
        .route("/events", get(events))
        .fallback(get(file))
        .with_state(publication)
        .layer(axum::middleware::map_response(public_headers))
}

/// The headers of every answer of the public site, a "not found" included: no other site may
/// frame it (a framed page can be overlaid to mislead), no type sniffing, only its own resources.
async fn public_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
        ),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

async fn file(State(publication): State<Publication>, uri: Uri, headers: HeaderMap) -> Response {
    let site = publication.current();
    let path = uri.path();
    let path = if path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    let Some(entry) = site.files.get(&path) else {
        return (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Niet gevonden / Not found\n",
        )
            .into_response();
    };
    let common = [
        (header::ETAG, entry.etag.clone()),
        (header::CACHE_CONTROL, HeaderValue::from_static(entry.cache)),
    ];
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == entry.etag.as_bytes());
    if matches {
        return (StatusCode::NOT_MODIFIED, common).into_response();
    }
    (
        StatusCode::OK,
        common,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static(entry.content_type),
        )],
        Body::from(entry.bytes.clone()),
    )
        .into_response()
}

/// Server-sent events: the version now, then every new one, with a comment every
/// [`KEEP_ALIVE`] so that a proxy or a browser does not drop a quiet stream on a long evening.
async fn events(State(publication): State<Publication>) -> Response {
    let receiver = publication.versions.subscribe();
    let every = publication.keep_alive;
    let stream =
        futures_util::stream::unfold((receiver, true), |(mut receiver, first)| async move {
            if !first && receiver.changed().await.is_err() {
                return None;
            }
            let version = *receiver.borrow_and_update();
            let event = Event::default().event("version").data(version.to_string());
            Some((Ok::<_, std::convert::Infallible>(event), (receiver, false)))
        });
    (
        [(header::CACHE_CONTROL, "no-cache")],
        Sse::new(stream).keep_alive(KeepAlive::new().interval(every)),
    )
        .into_response()
}

/// How often a quiet event stream says it is still there.
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Serves the publication on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    publication: Publication,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    crate::listen::serve(
        listener,
        crate::listen::Transport::Plain,
        router(publication),
        crate::listen::Limits::default(),
        shutdown,
    )
    .await
}
