//! Air-gap detection: the offline roles must not run on a machine that reaches the internet.
//!
//! Every [`AirGapConfig::interval`] the server tries to open a TCP connection to a few well-known
//! internet addresses (by IP, so a missing DNS server does not hide a working route). If any
//! connection succeeds, the machine is online: the server refuses to serve results pages, says
//! why on every page, and writes the finding to the audit log. When the connection disappears
//! again, pages are served again (and that is logged too). The check can be switched off for
//! development only (`urna serve --allow-online`), which the server announces at start and on
//! every page.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Duration;

/// Well-known public anycast resolvers: if a TCP connection to one of them succeeds, there is a
/// route to the internet.
pub const DEFAULT_PROBES: [&str; 4] = [
    "1.1.1.1:443",
    "8.8.8.8:443",
    "9.9.9.9:443",
    "[2606:4700:4700::1111]:443",
];

/// Settings of the check.
#[derive(Debug, Clone)]
pub struct AirGapConfig {
    /// Off: development only.
    pub enabled: bool,
    /// Addresses to try.
    pub probes: Vec<SocketAddr>,
    /// Time between checks.
    pub interval: Duration,
    /// How long one connection attempt may take.
    pub timeout: Duration,
}

impl Default for AirGapConfig {
    fn default() -> AirGapConfig {
        AirGapConfig {
            enabled: true,
            probes: DEFAULT_PROBES
                .iter()
                .filter_map(|a| a.parse().ok())
                .collect(),
            interval: Duration::from_secs(30),
            timeout: Duration::from_secs(2),
        }
    }
}

/// What the last check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connectivity {
    /// No check has finished yet: pages wait for the first one (refused as if online).
    Unknown,
    /// No probe reachable.
    Offline,
    /// A probe was reachable.
    Online,
    /// The check is off (development).
    Disabled,
}

/// The shared status, updated by the checker task.
#[derive(Debug, Clone)]
pub struct AirGap {
    state: Arc<AtomicU8>,
}

impl AirGap {
    /// A status starting as `initial`.
    pub fn new(initial: Connectivity) -> AirGap {
        AirGap {
            state: Arc::new(AtomicU8::new(encode(initial))),
        }
    }

    /// The current status.
    pub fn get(&self) -> Connectivity {
        decode(self.state.load(Ordering::Acquire))
    }

    /// Sets the status; returns the previous one.
    pub fn set(&self, value: Connectivity) -> Connectivity {
        decode(self.state.swap(encode(value), Ordering::AcqRel))
    }

    /// Whether results may be served.
    pub fn may_serve(&self) -> bool {
        matches!(self.get(), Connectivity::Offline | Connectivity::Disabled)
    }
}

fn decode(value: u8) -> Connectivity {
    match value {
        1 => Connectivity::Offline,
        2 => Connectivity::Online,
        3 => Connectivity::Disabled,
        _ => Connectivity::Unknown,
    }
}

fn encode(value: Connectivity) -> u8 {
    match value {
        Connectivity::Unknown => 0,
        Connectivity::Offline => 1,
        Connectivity::Online => 2,
        Connectivity::Disabled => 3,
    }
}

/// Tries every probe at once; the first one that connects is returned.
pub async fn probe(config: &AirGapConfig) -> Option<SocketAddr> {
    let mut attempts = tokio::task::JoinSet::new();
    for address in config.probes.iter().copied() {
        let timeout = config.timeout;
        attempts.spawn(async move {
            match tokio::time::timeout(timeout, tokio::net::TcpStream::connect(address)).await {
                Ok(Ok(_)) => Some(address),
                _ => None,
            }
        });
    }
    while let Some(result) = attempts.join_next().await {
        if let Ok(Some(address)) = result {
            return Some(address);
        }
    }
    None
}
