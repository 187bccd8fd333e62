//! The `urna` command: every role in the election chain is a subcommand of this one binary.
//!
//! This crate only parses arguments, wires the library crates together and reports. Exit status:
//! 0 on success, 1 when something was refused or failed (the reason on stderr), 2 for wrong
//! usage, 3 when `urna apportion` needs a drawing of lots first.

#![forbid(unsafe_code)]

mod cli;
mod commands;
mod hash_check;

use std::process::ExitCode;

use clap::Parser;
use store::{Actor, Store};

use crate::cli::{AuditCommand, Cli, Command, ElectionCommand, Lang, ResultCommand};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{} {error:#}", cli.lang.pick("Fout:", "Error:"));
            ExitCode::FAILURE
        }
    }
}

/// The person at the keyboard, as named in the audit log.
fn actor() -> Actor {
    let name = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".to_string());
    Actor::new("cli", &name)
}

fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let lang: Lang = cli.lang;
    match &cli.command {
        Command::Election(ElectionCommand::Import(args)) => {
            let imported = commands::election::import(
                lang,
                &cli.data_dir,
                &actor(),
                &mut hash_check::Terminal,
                args,
            )?;
            print!("{}", commands::election::import_report(lang, &imported));
        }
        Command::Election(ElectionCommand::List) => {
            let store = Store::open_existing(&cli.data_dir)?;
            print!("{}", commands::election::list(lang, &store)?);
        }
        Command::Election(ElectionCommand::Show { id, json }) => {
            let store = Store::open_existing(&cli.data_dir)?;
            print!("{}", commands::election::show(lang, &store, id, *json)?);
        }
        Command::Audit(AuditCommand::Verify) => {
            let store = Store::open_existing(&cli.data_dir)?;
            let (intact, report) = commands::audit::verify(lang, &store)?;
            print!("{report}");
            if !intact {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Audit(AuditCommand::Show { json }) => {
            let store = Store::open_existing(&cli.data_dir)?;
            print!("{}", commands::audit::show(&store, *json)?);
        }
        Command::Apportion { input, json } => {
            let (printed, status) = commands::apportion::run(lang, input, *json)?;
            print!("{printed}");
            return Ok(status);
        }
        Command::Hash { file } => {
            let bytes =
                std::fs::read(file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            println!("{}  {}", seal::HashCode::of(&bytes), file.display());
        }
        Command::Demo(args) => commands::demo::run(lang, args, &actor())?,
        Command::Serve(args) => commands::serve::run(lang, &cli.data_dir, args)?,
        Command::Result(ResultCommand::Show { election }) => {
            let store = std::sync::Arc::new(Store::open_existing(&cli.data_dir)?);
            let service = web::service::Service::new(store);
            print!("{}", commands::result::show(lang, &service, election)?);
        }
        Command::Result(ResultCommand::ImportCount { election, file }) => {
            let store = std::sync::Arc::new(Store::open_existing(&cli.data_dir)?);
            print!(
                "{}",
                commands::result::import_count(lang, &store, &actor(), election, file)?
            );
        }
        Command::Result(ResultCommand::Lot {
            election,
            lot,
            order,
        }) => {
            let store = std::sync::Arc::new(Store::open_existing(&cli.data_dir)?);
            let service = web::service::Service::new(store);
            commands::result::refused(
                lang,
                service.enter_lot(&actor(), election, lot, order.clone()),
            )?;
            print!("{}", commands::result::show(lang, &service, election)?);
        }
        Command::Result(ResultCommand::Deceased {
            election,
            list,
            position,
        }) => {
            let store = std::sync::Arc::new(Store::open_existing(&cli.data_dir)?);
            let service = web::service::Service::new(store);
            commands::result::refused(
                lang,
                service.register_deceased(&actor(), election, *list, *position),
            )?;
            print!("{}", commands::result::show(lang, &service, election)?);
        }
        Command::Result(ResultCommand::Export { election, dir }) => {
            let store = std::sync::Arc::new(Store::open_existing(&cli.data_dir)?);
            print!(
                "{}",
                commands::result::export(lang, &store, &actor(), election, dir)?
            );
        }
        Command::Result(ResultCommand::Report {
            election,
            dir,
            forms,
        }) => {
            let store = std::sync::Arc::new(Store::open_existing(&cli.data_dir)?);
            print!(
                "{}",
                commands::result::report(lang, &store, &actor(), election, dir, *forms)?
            );
        }
        Command::User(command) => {
            print!(
                "{}",
                commands::user::run(lang, &cli.data_dir, &actor(), command)?
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
