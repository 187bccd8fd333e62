//! Users of the web application: accounts, roles, password hashes and failed-login counters.
//!
//! The store keeps password hashes as given (Argon2id PHC strings made by the web layer); it never
//! sees a password.

use chrono::{DateTime, SecondsFormat, Utc};
use messages::{Message, msg};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::AuditAction;
use crate::audit::{Actor, now};
use crate::error::StoreError;
use crate::writer::Mutation;

/// What a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages users and polling stations.
    Administrator,
    /// Coordinates the municipality's data entry: resolves differences and errors.
    Coordinator,
    /// Types counts.
    Typist,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 3] = [Role::Administrator, Role::Coordinator, Role::Typist];

    /// As stored: `administrator`, `coordinator`, `typist`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Coordinator => "coordinator",
            Role::Typist => "typist",
        }
    }

    /// Reads [`Role::as_str`].
    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// The role's name, for the reader to see in their language.
    pub fn name(self) -> Message {
        match self {
            Role::Administrator => msg!("role-administrator"),
            Role::Coordinator => msg!("role-coordinator"),
            Role::Typist => msg!("role-typist"),
        }
    }
}

/// A stored user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// Row id.
    pub id: i64,
    /// Login name (unique, case-insensitive).
    pub username: String,
    /// Full name.
    pub full_name: String,
    /// Role.
    pub role: Role,
    /// Argon2id hash.
    pub password_hash: String,
    /// The password is temporary and must be replaced at login.
    pub must_change_password: bool,
    /// Failed logins since the last successful one.
    pub failed_logins: u32,
    /// Locked out until this moment, if locked.
    pub locked_until: Option<DateTime<Utc>>,
    /// Created (RFC 3339).
    pub created_at: String,
    /// Last successful login (RFC 3339).
    pub last_login: Option<String>,
    /// Disabled by a coordinator or administrator: cannot log in.
    pub disabled: bool,
}

/// A user to create.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Login name.
    pub username: String,
    /// Full name.
    pub full_name: String,
    /// Role.
    pub role: Role,
    /// Argon2id hash of the (temporary) password.
    pub password_hash: String,
    /// Whether the password is temporary.
    pub must_change_password: bool,
}

const COLUMNS: &str = "id, username, full_name, role, password_hash, must_change_password, failed_logins, locked_until, created_at, last_login, \
     EXISTS (SELECT 1 FROM disabled_users WHERE disabled_users.user = users.id)";

fn from_row(row: &Row<'_>) -> rusqlite::Result<(User, String, Option<String>)> {
    let role: String = row.get(3)?;
    let locked: Option<String> = row.get(7)?;
    Ok((
        User {
            id: row.get(0)?,
            username: row.get(1)?,
            full_name: row.get(2)?,
            role: Role::Typist,
            password_hash: row.get(4)?,
            must_change_password: row.get::<_, i64>(5)? != 0,
            failed_logins: u32::try_from(row.get::<_, i64>(6)?).unwrap_or(u32::MAX),
            locked_until: None,
            created_at: row.get(8)?,
            last_login: row.get(9)?,
            disabled: row.get::<_, i64>(10)? != 0,
        },
        role,
        locked,
    ))
}

fn finish((mut user, role, locked): (User, String, Option<String>)) -> Result<User, StoreError> {
    user.role = Role::parse(&role)
        .ok_or_else(|| StoreError::Corrupt(format!("users.role: unknown role {role:?}")))?;
    user.locked_until = locked
        .map(|text| {
            DateTime::parse_from_rfc3339(&text)
                .map(|t| t.with_timezone(&Utc))
                .map_err(|e| StoreError::Corrupt(format!("users.locked_until: {e}")))
        })
        .transpose()?;
    Ok(user)
}

/// The user with this username (case-insensitive), if any.
pub(crate) fn by_username(
    connection: &Connection,
    username: &str,
) -> Result<Option<User>, StoreError> {
    connection
        .query_row(
            &format!("SELECT {COLUMNS} FROM users WHERE username = ?1"),
            [username],
            from_row,
        )
        .optional()?
        .map(finish)
        .transpose()
}

/// The user with this id, if any.
pub(crate) fn by_id(connection: &Connection, id: i64) -> Result<Option<User>, StoreError> {
    connection
        .query_row(
            &format!("SELECT {COLUMNS} FROM users WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .map(finish)
        .transpose()
}

/// All users, by username.
pub(crate) fn list(connection: &Connection) -> Result<Vec<User>, StoreError> {
    let mut statement =
        connection.prepare(&format!("SELECT {COLUMNS} FROM users ORDER BY username"))?;
    let rows = statement.query_map([], from_row)?;
    rows.map(|row| finish(row?)).collect()
}

/// Number of users.
pub(crate) fn count(connection: &Connection) -> Result<u64, StoreError> {
    let n: i64 = connection.query_row("SELECT count(*) FROM users", [], |row| row.get(0))?;
    Ok(n.unsigned_abs())
}

/// Creates a user. With `only_if_none`, refuses unless there are no users yet (the first-run
/// setup of the administrator, which must not be repeatable by anyone who reaches the page).
pub(crate) fn create(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    user: &NewUser,
    only_if_none: bool,
) -> Result<User, StoreError> {
    let connection = mutation.connection();
    if only_if_none && count(connection)? > 0 {
        return Err(StoreError::SetupDone);
    }
    if by_username(connection, &user.username)?.is_some() {
        return Err(StoreError::UserExists(user.username.clone()));
    }
    connection.execute(
        "INSERT INTO users (username, full_name, role, password_hash, must_change_password, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            user.username,
            user.full_name,
            user.role.as_str(),
            user.password_hash,
            i64::from(user.must_change_password),
            now()
        ],
    )?;
    let id = connection.last_insert_rowid();
    mutation.audit(
        actor,
        AuditAction::UserCreate,
        &json!({
            "username": user.username,
            "full_name": user.full_name,
            "role": user.role.as_str(),
            "temporary_password": user.must_change_password,
        }),
    )?;
    by_id(connection, id)?.ok_or(StoreError::Corrupt("user vanished".into()))
}

/// Records a successful login: the counter of failures is reset.
pub(crate) fn login_succeeded(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    id: i64,
) -> Result<(), StoreError> {
    mutation.connection().execute(
        "UPDATE users SET failed_logins = 0, locked_until = NULL, last_login = ?2 WHERE id = ?1",
        params![id, now()],
    )?;
    mutation.audit(actor, AuditAction::UserLogin, &json!({}))?;
    Ok(())
}

/// Records a failed login for an existing user; `locked_until` when this failure locks the
/// account.
pub(crate) fn login_failed(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    id: i64,
    locked_until: Option<DateTime<Utc>>,
) -> Result<(), StoreError> {
    let locked = locked_until.map(|t| t.to_rfc3339_opts(SecondsFormat::Millis, true));
    mutation.connection().execute(
        "UPDATE users SET failed_logins = failed_logins + 1, locked_until = coalesce(?2, locked_until) WHERE id = ?1",
        params![id, locked],
    )?;
    mutation.audit(
        actor,
        AuditAction::UserLoginFailed,
        &json!({ "locked_until": locked }),
    )?;
    Ok(())
}

/// Disables (`disabled`) or enables an account; refused when it already is so.
pub(crate) fn set_disabled(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    id: i64,
    disabled: bool,
) -> Result<User, StoreError> {
    let connection = mutation.connection();
    let user = by_id(connection, id)?.ok_or_else(|| StoreError::NotFound(format!("user {id}")))?;
    if user.disabled == disabled {
        return Err(StoreError::AlreadySo {
            username: user.username,
            disabled,
        });
    }
    if disabled {
        connection.execute(
            "INSERT INTO disabled_users (user, disabled_at, disabled_by) VALUES (?1, ?2, ?3)",
            params![id, now(), actor.as_str()],
        )?;
    } else {
        connection.execute("DELETE FROM disabled_users WHERE user = ?1", [id])?;
    }
    mutation.audit(
        actor,
        if disabled {
            AuditAction::UserDisable
        } else {
            AuditAction::UserEnable
        },
        &json!({ "username": user.username, "role": user.role.as_str() }),
    )?;
    by_id(mutation.connection(), id)?.ok_or(StoreError::Corrupt("user vanished".into()))
}

/// Replaces a password hash. `temporary` when an administrator sets it (to be replaced at the
/// next login); otherwise the user chose it.
pub(crate) fn set_password(
    mutation: &mut Mutation<'_>,
    actor: &Actor,
    id: i64,
    password_hash: &str,
    temporary: bool,
) -> Result<(), StoreError> {
    let changed = mutation.connection().execute(
        "UPDATE users SET password_hash = ?2, must_change_password = ?3, failed_logins = 0, locked_until = NULL WHERE id = ?1",
        params![id, password_hash, i64::from(temporary)],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound(format!("user {id}")));
    }
    let username = by_id(mutation.connection(), id)?
        .map(|u| u.username)
        .unwrap_or_default();
    mutation.audit(
        actor,
        AuditAction::UserSetPassword,
        &json!({ "username": username, "temporary": temporary }),
    )?;
    Ok(())
}
