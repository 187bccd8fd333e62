//! Who is asking: passwords, sessions, CSRF tokens and the back-off on failed logins.
//!
//! - Passwords are hashed with Argon2id (the `argon2` crate's defaults: 19 MiB, 2 passes), at
//!   least [`MIN_PASSWORD_LENGTH`] characters; a temporary password must be replaced at login.
//! - A session is a random 256-bit token in an `HttpOnly; SameSite=Strict` cookie; it expires
//!   after [`Limits::idle_timeout`] without a request. Each session has its own CSRF token, which
//!   every form carries and every API change sends as `X-CSRF-Token`.
//! - Every failed login of a user makes the next answer slower ([`Limits::backoff_step`] per
//!   failure) and after [`Limits::lockout_after`] failures the account is locked for
//!   [`Limits::lockout_duration`]. Sessions live in memory: a restart logs everyone out, which an
//!   offline server on a municipality's own network can afford.

use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use rand::RngCore;
use store::Role;

/// Shortest password accepted.
pub const MIN_PASSWORD_LENGTH: usize = 12;

/// Longest password accepted (Argon2 takes any length; this bounds the work per request).
pub const MAX_PASSWORD_LENGTH: usize = 256;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "urna_session";

/// Timing and lockout settings.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// A session without requests for this long is gone.
    pub idle_timeout: Duration,
    /// Extra delay per recorded failed login of the user, before answering.
    pub backoff_step: Duration,
    /// Longest back-off delay.
    pub backoff_max: Duration,
    /// Failed logins in a row that lock an account.
    pub lockout_after: u32,
    /// Failed logins from one address that stop it from trying any account.
    pub address_lockout_after: u32,
    /// How long a locked account (or address) stays locked.
    pub lockout_duration: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            idle_timeout: Duration::from_secs(30 * 60),
            backoff_step: Duration::from_millis(250),
            backoff_max: Duration::from_secs(3),
            lockout_after: 5,
            address_lockout_after: 20,
            lockout_duration: Duration::from_secs(15 * 60),
        }
    }
}

/// Why a password is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Too short.
    #[error("the password must have at least {MIN_PASSWORD_LENGTH} characters")]
    TooShort,
    /// Too long.
    #[error("the password must have at most {MAX_PASSWORD_LENGTH} characters")]
    TooLong,
    /// Hashing failed (should not happen).
    #[error("the password could not be hashed: {0}")]
    Hash(String),
}

impl PasswordError {
    /// The reason, as a catalog message.
    pub fn message(&self) -> messages::Message {
        match self {
            PasswordError::TooShort => {
                messages::msg!("web-password-too-short", least = MIN_PASSWORD_LENGTH)
            }
            PasswordError::TooLong => {
                messages::msg!("web-password-too-long", most = MAX_PASSWORD_LENGTH)
            }
            PasswordError::Hash(e) => messages::msg!("web-password-not-hashed", detail = e),
        }
    }
}

/// Checks the length rules and hashes the password with Argon2id.
pub fn hash_password(password: &str) -> Result<String, PasswordError> {
    let length = password.chars().count();
    if length < MIN_PASSWORD_LENGTH {
        return Err(PasswordError::TooShort);
    }
    if length > MAX_PASSWORD_LENGTH {
        return Err(PasswordError::TooLong);
    }
    seal::password::verifier(password).map_err(|e| PasswordError::Hash(e.to_string()))
}

/// Whether `password` matches `hash`. A malformed stored hash never matches.
pub fn verify_password(password: &str, hash: &str) -> bool {
    if password.chars().count() > MAX_PASSWORD_LENGTH {
        return false;
    }
    seal::password::matches(password, hash)
}

/// A hash that matches no password, verified for unknown usernames so that an attacker cannot
/// tell from the answer's timing whether a username exists.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        hash_password("no password matches this one, ever").unwrap_or_else(|_| String::new())
    })
}

/// A random token: 32 bytes from the OS, as 64 hex digits.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A temporary password for a new user: 16 characters from an alphabet without look-alikes, to
/// be printed or read out once.
pub fn temporary_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY346789";
    let mut rng = rand::rng();
    (0..16)
        .map(|_| {
            let index = (rng.next_u32() as usize) % ALPHABET.len();
            char::from(ALPHABET[index])
        })
        .collect()
}

/// The back-off before answering a login of a user with `failures` failed logins.
pub fn backoff(limits: &Limits, failures: u32) -> Duration {
    limits
        .backoff_step
        .saturating_mul(failures)
        .min(limits.backoff_max)
}

/// A logged-in user, as handlers see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentUser {
    /// User id.
    pub id: i64,
    /// Username.
    pub username: String,
    /// Role.
    pub role: Role,
    /// The session's CSRF token.
    pub csrf: String,
    /// Must replace a temporary password before anything else.
    pub must_change_password: bool,
}

impl CurrentUser {
    /// As the audit log names them.
    pub fn actor(&self) -> store::Actor {
        store::Actor::new("web", &self.username)
    }

    /// As the data-entry state records them.
    pub fn typist(&self) -> model::entry::Typist {
        model::entry::Typist {
            id: self.id,
            username: self.username.clone(),
        }
    }

    /// As the office's operations take them: the audit log's actor and the typist.
    pub fn operator(&self) -> office::Operator {
        office::Operator {
            actor: self.actor(),
            typist: self.typist(),
        }
    }
}

#[derive(Debug)]
struct Session {
    user: CurrentUser,
    last_seen: Instant,
}

/// The sessions, in memory.
#[derive(Debug, Default)]
pub struct Sessions {
    sessions: RwLock<HashMap<String, Session>>,
}

impl Sessions {
    /// Starts a session; returns its token.
    pub fn start(&self, user: CurrentUser) -> String {
        let token = random_token();
        let mut sessions = self
            .sessions
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        sessions.insert(
            token.clone(),
            Session {
                user,
                last_seen: Instant::now(),
            },
        );
        token
    }

    /// The session's user, if the token is known and not idle too long; touches the session.
    pub fn get(&self, token: &str, idle_timeout: Duration) -> Option<CurrentUser> {
        self.lookup(token, idle_timeout, true)
    }

    /// The session's user, like [`Sessions::get`], without counting the request as activity: a
    /// page refreshing itself must not keep an unattended session open past the idle timeout.
    pub fn get_untouched(&self, token: &str, idle_timeout: Duration) -> Option<CurrentUser> {
        self.lookup(token, idle_timeout, false)
    }

    fn lookup(&self, token: &str, idle_timeout: Duration, touch: bool) -> Option<CurrentUser> {
        let mut sessions = self
            .sessions
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let now = Instant::now();
        match sessions.get_mut(token) {
            Some(session) if now.duration_since(session.last_seen) <= idle_timeout => {
                if touch {
                    session.last_seen = now;
                }
                Some(session.user.clone())
            }
            Some(_) => {
                sessions.remove(token);
                None
            }
            None => None,
        }
    }

    /// Ends a session.
    pub fn end(&self, token: &str) -> Option<CurrentUser> {
        self.sessions
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .remove(token)
            .map(|s| s.user)
    }

    /// Ends every session of `user_id` (their account was disabled or its password reset);
    /// returns how many there were.
    pub fn end_all_of(&self, user_id: i64) -> usize {
        let mut sessions = self
            .sessions
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let before = sessions.len();
        sessions.retain(|_, session| session.user.id != user_id);
        before - sessions.len()
    }

    /// Marks the password of every session of `user_id` as replaced.
    pub fn password_changed(&self, user_id: i64) {
        let mut sessions = self
            .sessions
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        for session in sessions.values_mut() {
            if session.user.id == user_id {
                session.user.must_change_password = false;
            }
        }
    }

    /// Drops sessions idle for longer than `idle_timeout`.
    pub fn sweep(&self, idle_timeout: Duration) {
        let now = Instant::now();
        self.sessions
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .retain(|_, s| now.duration_since(s.last_seen) <= idle_timeout);
    }
}

/// Compares two tokens in time independent of where they differ.
pub fn tokens_equal(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_and_verify() {
        assert_eq!(hash_password("short"), Err(PasswordError::TooShort));
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse batterY", &hash));
        assert!(!verify_password("anything", "not a hash"));
        assert!(!verify_password("anything at all here", dummy_hash()));
    }

    #[test]
    fn sessions_expire_when_idle() {
        let sessions = Sessions::default();
        let user = CurrentUser {
            id: 1,
            username: "a".into(),
            role: Role::Typist,
            csrf: random_token(),
            must_change_password: false,
        };
        let token = sessions.start(user.clone());
        assert_eq!(sessions.get(&token, Duration::from_secs(60)), Some(user));
        std::thread::sleep(Duration::from_millis(20));
        assert_eq!(sessions.get(&token, Duration::from_millis(5)), None);
        // Gone for good.
        assert_eq!(sessions.get(&token, Duration::from_secs(60)), None);
    }

    #[test]
    fn a_page_refreshing_itself_does_not_keep_a_session_open() {
        let sessions = Sessions::default();
        let user = CurrentUser {
            id: 1,
            username: "coord".into(),
            role: Role::Coordinator,
            csrf: random_token(),
            must_change_password: false,
        };
        let token = sessions.start(user.clone());
        let idle = Duration::from_millis(40);
        for _ in 0..4 {
            std::thread::sleep(Duration::from_millis(15));
            // Seen, but not counted as activity: the idle time keeps running.
            let _ = sessions.get_untouched(&token, idle);
        }
        assert_eq!(sessions.get(&token, idle), None, "refreshes kept it open");
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let limits = Limits::default();
        assert_eq!(backoff(&limits, 0), Duration::ZERO);
        assert_eq!(backoff(&limits, 2), Duration::from_millis(500));
        assert_eq!(backoff(&limits, 100), limits.backoff_max);
    }

    #[test]
    fn tokens_compare() {
        assert!(tokens_equal("abc", "abc"));
        assert!(!tokens_equal("abc", "abd"));
        assert!(!tokens_equal("abc", "abcd"));
        assert_eq!(random_token().len(), 64);
        assert_eq!(temporary_password().chars().count(), 16);
    }
}

/// Who is trying to log in: the account's name (lower case) and the address the attempt came
/// from. Unknown names are counted like known ones, so the answers — "wrong", then "locked" —
/// never tell whether an account exists.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Trier {
    Name(String),
    Address(std::net::IpAddr),
}

/// Failed attempts of one name or address, and those being checked right now.
#[derive(Debug, Clone, Default)]
struct Tally {
    failures: u32,
    checking: u32,
    locked_until: Option<chrono::DateTime<chrono::Utc>>,
    last_failure: Option<chrono::DateTime<chrono::Utc>>,
}

/// The gate every login passes before its password is checked. An attempt is counted when it
/// starts, not when it fails, so a burst of parallel guesses gets at most the allowed number of
/// checks: the ones beyond find the gate closed (`Locked`) without their password being looked
/// at.
#[derive(Debug, Default)]
pub struct LoginGate {
    tallies: std::sync::Mutex<std::collections::HashMap<Trier, Tally>>,
}

/// Why the gate did not let an attempt through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateRefusal {
    /// Too many failures: locked until then.
    Locked(chrono::DateTime<chrono::Utc>),
    /// As many checks under way as failures still allowed: try again in a moment (nothing is
    /// locked).
    Busy,
}

impl GateRefusal {
    /// What the person at the login is told.
    pub fn message(&self) -> messages::Message {
        match self {
            GateRefusal::Locked(until) => messages::msg!(
                "web-account-locked-until",
                time = crate::local_time(*until).format("%H:%M").to_string()
            ),
            GateRefusal::Busy => messages::msg!("web-login-busy"),
        }
    }

    /// As logged in the audit log's details.
    pub fn reason(&self) -> &'static str {
        match self {
            GateRefusal::Locked(_) => "locked",
            GateRefusal::Busy => "busy",
        }
    }
}

/// An attempt let through the gate; [`LoginGate::finish`] says how it ended.
#[derive(Debug)]
pub struct Attempt {
    triers: Vec<Trier>,
    /// The name's failures before this attempt (for the back-off).
    pub failures: u32,
}

impl LoginGate {
    /// Lets an attempt for `name` from `address` through, or says until when they are locked.
    /// `stored` is what the database holds for the account, when it exists (failures survive a
    /// restart there).
    pub fn begin(
        &self,
        name: &str,
        address: Option<std::net::IpAddr>,
        stored: Option<(u32, Option<chrono::DateTime<chrono::Utc>>)>,
        limits: &Limits,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Attempt, GateRefusal> {
        let lock_for = chrono::Duration::from_std(limits.lockout_duration)
            .unwrap_or(chrono::Duration::minutes(15));
        let mut tallies = self
            .tallies
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut triers = vec![(Trier::Name(name.to_lowercase()), limits.lockout_after)];
        if let Some(address) = address {
            triers.push((Trier::Address(address), limits.address_lockout_after));
        }
        let mut failures = 0;
        for (trier, allowed) in &triers {
            let tally = tallies.entry(trier.clone()).or_default();
            // A quiet spell as long as the lockout wipes the slate.
            if tally
                .last_failure
                .is_some_and(|last| now - last > lock_for && tally.checking == 0)
            {
                *tally = Tally::default();
            }
            if let (Trier::Name(_), Some((stored_failures, stored_lock))) = (trier, stored) {
                tally.failures = tally.failures.max(stored_failures);
                tally.locked_until = tally.locked_until.max(stored_lock);
            }
            if let Some(until) = tally.locked_until.filter(|until| *until > now) {
                return Err(GateRefusal::Locked(until));
            }
            if tally.failures >= *allowed {
                let until = now + lock_for;
                tally.locked_until = Some(until);
                return Err(GateRefusal::Locked(until));
            }
            // As many checks under way as failures still allowed: this attempt waits its turn.
            // Refused for a moment, not locked: twenty typists behind one address logging in at
            // once must not lock each other out; guesses in parallel still get no more checks
            // than the lockout allows.
            if tally.failures.saturating_add(tally.checking) >= *allowed {
                return Err(GateRefusal::Busy);
            }
            if matches!(trier, Trier::Name(_)) {
                failures = tally.failures;
            }
        }
        for (trier, _) in &triers {
            if let Some(tally) = tallies.get_mut(trier) {
                tally.checking += 1;
            }
        }
        Ok(Attempt {
            triers: triers.into_iter().map(|(trier, _)| trier).collect(),
            failures,
        })
    }

    /// Ends `attempt`: a success clears the name's failures; a failure counts, and returns until
    /// when the name is locked when this failure locks it.
    pub fn finish(
        &self,
        attempt: Attempt,
        succeeded: bool,
        limits: &Limits,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Option<chrono::DateTime<chrono::Utc>> {
        let lock_for = chrono::Duration::from_std(limits.lockout_duration)
            .unwrap_or(chrono::Duration::minutes(15));
        let mut tallies = self
            .tallies
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut locked = None;
        for trier in attempt.triers {
            let Some(tally) = tallies.get_mut(&trier) else {
                continue;
            };
            tally.checking = tally.checking.saturating_sub(1);
            match (&trier, succeeded) {
                (Trier::Name(_), true) => *tally = Tally::default(),
                (Trier::Address(_), true) => {}
                (trier, false) => {
                    tally.failures = tally.failures.saturating_add(1);
                    tally.last_failure = Some(now);
                    let allowed = match trier {
                        Trier::Name(_) => limits.lockout_after,
                        Trier::Address(_) => limits.address_lockout_after,
                    };
                    if tally.failures >= allowed {
                        let until = now + lock_for;
                        tally.locked_until = Some(until);
                        if matches!(trier, Trier::Name(_)) {
                            locked = Some(until);
                        }
                    }
                }
            }
        }
        locked
    }
}
