//! `urna user add|list`: accounts of the web application, for scripts and first installs.

use std::fmt::Write as _;
use std::io::BufRead;
use std::path::Path;

use anyhow::bail;
use messages::{Language, t};
use store::{Actor, NewUser, Role, Store};

use crate::cli::UserCommand;

/// Runs a user command; returns what to print.
pub fn run(
    lang: Language,
    data_dir: &Path,
    actor: &Actor,
    command: &UserCommand,
) -> anyhow::Result<String> {
    match command {
        UserCommand::Add {
            role,
            username,
            full_name,
            password_stdin,
        } => {
            let Some(role) = Role::parse(role) else {
                bail!("{}", t!(lang, "cli-user-unknown-role", role = role));
            };
            if !web::valid_username(username) {
                bail!("{}", t!(lang, "cli-user-invalid-username"));
            }
            let (password, temporary) = if *password_stdin {
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line)?;
                (line.trim_end_matches(['\r', '\n']).to_string(), false)
            } else {
                (web::auth::temporary_password(), true)
            };
            let hash = web::auth::hash_password(&password)
                .map_err(|e| anyhow::anyhow!(e.message().text(lang)))?;
            let store = Store::open_or_create(data_dir)?;
            let user = store.create_user(
                actor,
                NewUser {
                    username: username.clone(),
                    full_name: full_name.clone().unwrap_or_else(|| username.clone()),
                    role,
                    password_hash: hash,
                    must_change_password: temporary,
                },
            )?;
            let mut out = t!(
                lang,
                "cli-user-created",
                login = &user.username,
                role = role.name().text(lang)
            );
            out.push('\n');
            if temporary {
                let _ = writeln!(
                    out,
                    "{}",
                    t!(lang, "cli-user-temporary-password", password = &password)
                );
            }
            Ok(out)
        }
        UserCommand::List => {
            let store = Store::open_existing(data_dir)?;
            let mut out = String::new();
            for user in store.users()? {
                let _ = writeln!(
                    out,
                    "{:<20} {:<14} {}",
                    user.username,
                    user.role.as_str(),
                    user.full_name
                );
            }
            Ok(out)
        }
    }
}
