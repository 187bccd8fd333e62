//! The device sessions of the polling-station app, in memory.
//!
//! A session belongs to one polling station of one election, fixed at login. It locks after
//! [`StationLimits::lock_after`] without a request (the chair types the password again to go on)
//! and ends after [`StationLimits::end_after`]. The coordinator can revoke a session: it is gone
//! at once, and its next request is told so. A restart ends every session, like the results
//! entry's.

use std::collections::{HashMap, HashSet};
use std::sync::RwLock;
use std::time::{Duration, Instant};

use model::{ElectionId, PollingStationNumber};

/// Idle limits of a device session.
#[derive(Debug, Clone, Copy)]
pub struct StationLimits {
    /// Idle time after which the session locks.
    pub lock_after: Duration,
    /// Idle time after which the session is gone.
    pub end_after: Duration,
}

impl Default for StationLimits {
    fn default() -> StationLimits {
        StationLimits {
            lock_after: Duration::from_secs(5 * 60),
            end_after: Duration::from_secs(4 * 60 * 60),
        }
    }
}

/// A polling station's session on one device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StationSession {
    /// Public id, as the audit log and the coordinator name it (never the cookie's token).
    pub id: String,
    /// The election.
    pub election: ElectionId,
    /// The polling station.
    pub station: PollingStationNumber,
    /// The login used.
    pub login: String,
    /// CSRF token of the session.
    pub csrf: String,
    /// The device, as its browser names itself (shortened).
    pub device: String,
    /// When it started (RFC 3339).
    pub started_at: String,
}

impl StationSession {
    /// As the audit log names the actor: login and session.
    pub fn actor(&self) -> store::Actor {
        store::Actor::new(
            "stembureau-app",
            &format!("{} sessie {}", self.login, self.id),
        )
    }

    /// Where its writes come from.
    pub fn write(&self) -> store::StationWrite {
        store::StationWrite {
            election: self.election.clone(),
            station: self.station,
            session: self.id.clone(),
        }
    }
}

/// A session as the coordinator sees it.
#[derive(Debug, Clone)]
pub struct SessionView {
    /// The session.
    pub session: StationSession,
    /// Seconds since its last request.
    pub idle_seconds: u64,
    /// Locked.
    pub locked: bool,
}

/// Why a request's session is not let through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No such session (never was, ended, or expired).
    Unknown,
    /// The coordinator revoked it.
    Revoked,
    /// Locked: the password is needed again.
    Locked(Box<StationSession>),
}

#[derive(Debug)]
struct Entry {
    session: StationSession,
    last_seen: Instant,
    locked: bool,
}

/// Every device session.
#[derive(Debug, Default)]
pub struct StationSessions {
    sessions: RwLock<HashMap<String, Entry>>,
    revoked: RwLock<HashSet<String>>,
}

impl StationSessions {
    /// Starts a session; returns the cookie's token.
    pub fn start(&self, session: StationSession) -> String {
        let token = crate::auth::random_token();
        self.sessions
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(
                token.clone(),
                Entry {
                    session,
                    last_seen: Instant::now(),
                    locked: false,
                },
            );
        token
    }

    /// The session of `token`, touched; or why not. A session idle past the lock limit locks
    /// (and stays locked until [`StationSessions::unlock`]).
    pub fn get(&self, token: &str, limits: StationLimits) -> Result<StationSession, Refusal> {
        let mut sessions = self.sessions.write().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        let Some(entry) = sessions.get_mut(token) else {
            let revoked = self
                .revoked
                .read()
                .unwrap_or_else(|p| p.into_inner())
                .contains(token);
            return Err(if revoked {
                Refusal::Revoked
            } else {
                Refusal::Unknown
            });
        };
        let idle = now.duration_since(entry.last_seen);
        if idle > limits.end_after {
            sessions.remove(token);
            return Err(Refusal::Unknown);
        }
        if idle > limits.lock_after {
            entry.locked = true;
        }
        if entry.locked {
            return Err(Refusal::Locked(Box::new(entry.session.clone())));
        }
        entry.last_seen = now;
        Ok(entry.session.clone())
    }

    /// Locks the session now (the chair steps away).
    pub fn lock(&self, token: &str) {
        if let Some(entry) = self
            .sessions
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .get_mut(token)
        {
            entry.locked = true;
        }
    }

    /// Unlocks a locked session once its password was typed again.
    pub fn unlock(&self, token: &str) -> Option<StationSession> {
        let mut sessions = self.sessions.write().unwrap_or_else(|p| p.into_inner());
        let entry = sessions.get_mut(token)?;
        entry.locked = false;
        entry.last_seen = Instant::now();
        Some(entry.session.clone())
    }

    /// Ends a session (logout).
    pub fn end(&self, token: &str) -> Option<StationSession> {
        self.sessions
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(token)
            .map(|e| e.session)
    }

    /// Revokes the sessions `select` picks: gone at once, and their tokens are remembered so
    /// that the device is told why.
    fn revoke_where(&self, select: impl Fn(&StationSession) -> bool) -> Vec<StationSession> {
        let mut sessions = self.sessions.write().unwrap_or_else(|p| p.into_inner());
        let tokens: Vec<String> = sessions
            .iter()
            .filter(|(_, e)| select(&e.session))
            .map(|(t, _)| t.clone())
            .collect();
        let mut revoked = self.revoked.write().unwrap_or_else(|p| p.into_inner());
        tokens
            .into_iter()
            .filter_map(|token| {
                let entry = sessions.remove(&token)?;
                revoked.insert(token);
                Some(entry.session)
            })
            .collect()
    }

    /// Revokes the session with public id `id` of `election`.
    pub fn revoke(&self, election: &ElectionId, id: &str) -> Option<StationSession> {
        self.revoke_where(|s| s.election == *election && s.id == id)
            .into_iter()
            .next()
    }

    /// Revokes every session of a polling station (its password was replaced).
    pub fn revoke_station(
        &self,
        election: &ElectionId,
        station: PollingStationNumber,
    ) -> Vec<StationSession> {
        self.revoke_where(|s| s.election == *election && s.station == station)
    }

    /// The sessions of an election, by polling station and start.
    pub fn list(&self, election: &ElectionId, limits: StationLimits) -> Vec<SessionView> {
        let now = Instant::now();
        let mut views: Vec<SessionView> = self
            .sessions
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .values()
            .filter(|e| e.session.election == *election)
            .map(|e| {
                let idle = now.duration_since(e.last_seen);
                SessionView {
                    session: e.session.clone(),
                    idle_seconds: idle.as_secs(),
                    locked: e.locked || idle > limits.lock_after,
                }
            })
            .collect();
        views.sort_by(|a, b| {
            (a.session.station, &a.session.started_at)
                .cmp(&(b.session.station, &b.session.started_at))
        });
        views
    }

    /// Drops sessions idle past the end limit.
    pub fn sweep(&self, limits: StationLimits) {
        let now = Instant::now();
        self.sessions
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|_, e| now.duration_since(e.last_seen) <= limits.end_after);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(station: u32, id: &str) -> StationSession {
        StationSession {
            id: id.into(),
            election: ElectionId::new("GR2026_Assen").unwrap(),
            station: PollingStationNumber::new(station).unwrap(),
            login: format!("GR2026_Assen-SB{station}"),
            csrf: "c".into(),
            device: "test".into(),
            started_at: "now".into(),
        }
    }

    #[test]
    fn sessions_lock_when_idle_and_unlock_with_the_password() {
        let sessions = StationSessions::default();
        let token = sessions.start(session(1, "a"));
        let quick = StationLimits {
            lock_after: Duration::from_millis(5),
            end_after: Duration::from_secs(60),
        };
        assert!(sessions.get(&token, quick).is_ok());
        std::thread::sleep(Duration::from_millis(20));
        assert!(matches!(
            sessions.get(&token, quick),
            Err(Refusal::Locked(_))
        ));
        // Still locked, however soon it is asked again.
        assert!(matches!(
            sessions.get(&token, quick),
            Err(Refusal::Locked(_))
        ));
        assert!(sessions.unlock(&token).is_some());
        assert!(sessions.get(&token, quick).is_ok());
        sessions.lock(&token);
        assert!(matches!(
            sessions.get(&token, quick),
            Err(Refusal::Locked(_))
        ));
    }

    #[test]
    fn revoked_sessions_are_refused_and_named() {
        let sessions = StationSessions::default();
        let limits = StationLimits::default();
        let one = sessions.start(session(1, "a"));
        let other = sessions.start(session(1, "b"));
        let two = sessions.start(session(2, "c"));
        let election = ElectionId::new("GR2026_Assen").unwrap();
        assert_eq!(sessions.list(&election, limits).len(), 3);
        assert_eq!(
            sessions.revoke(&election, "a").map(|s| s.id),
            Some("a".into())
        );
        assert_eq!(sessions.get(&one, limits), Err(Refusal::Revoked));
        assert!(sessions.get(&other, limits).is_ok());
        let gone = sessions.revoke_station(&election, PollingStationNumber::new(1).unwrap());
        assert_eq!(gone.len(), 1);
        assert_eq!(sessions.get(&other, limits), Err(Refusal::Revoked));
        assert!(sessions.get(&two, limits).is_ok());
        assert_eq!(sessions.get("nonsense", limits), Err(Refusal::Unknown));
        assert_eq!(sessions.revoke(&election, "a"), None);
    }
}
