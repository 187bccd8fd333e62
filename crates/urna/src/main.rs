//! The `urna` command: every role in the election chain is a subcommand of this one binary.
//!
//! This crate only parses arguments, wires the library crates together and reports. Exit status:
//! 0 on success, 1 when something was refused or failed (the reason on stderr), 2 for wrong
//! usage, 3 when `urna apportion` needs a drawing of lots first.

#![forbid(unsafe_code)]

/// A line for the operator's console (stderr). A server keeps serving when nobody reads its
/// console any more (a closed pipe, a detached terminal): unlike `eprintln!`, a failed write is
/// let go instead of ending the process.
macro_rules! console {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// The command's output. Shadows the standard `print!`/`println!` in this crate, whose panic on a
/// closed pipe made `urna audit show | head` crash: when the reader has gone, the command ends
/// quietly, as command-line tools do; every other write error is still reported.
macro_rules! print {
    ($($arg:tt)*) => {
        $crate::write_stdout(format_args!($($arg)*))
    };
}
macro_rules! println {
    () => { print!("\n") };
    ($($arg:tt)*) => {
        print!("{}\n", format_args!($($arg)*))
    };
}

/// Writes to standard output; see [`print!`].
fn write_stdout(text: std::fmt::Arguments<'_>) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    if let Err(error) = out.write_fmt(text).and_then(|()| out.flush()) {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        panic!("failed printing to stdout: {error}");
    }
}

mod cli;
mod commands;
mod hash_check;
mod help;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use store::{Actor, Store};

use messages::{Language, t};

use crate::cli::{AuditCommand, CeremonyCommand, Cli, Command, ElectionCommand, ResultCommand};

/// mimalloc rather than glibc's malloc: with glibc, every Argon2id hash (19 MiB, freed at once)
/// stayed resident in a loop over thousands of packages (about 19 MiB per package, until the
/// machine ran out of memory at 6,000); mimalloc returns freed memory to the system.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The command line in the language of this run (`--lang`, `URNA_LANG`, the locale), its help
/// included; `--lang` defaults to that language.
fn command_line(lang: Language) -> clap::Command {
    // The options every command has come after the command's own.
    help::localise(Cli::command(), lang)
        .mut_arg("data_dir", |arg| arg.display_order(900))
        .mut_arg("operator", |arg| arg.display_order(901))
        .mut_arg("lang", |arg| {
            arg.default_value(lang.code()).display_order(902)
        })
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help::language(&args, |name| std::env::var(name).ok());
    let matches = match command_line(lang).try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(error) => refuse_command_line(lang, error),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    // Every official document names the software that made it (footer): this program's version
    // and the hash code of its executable, as `urna --version` shows them.
    // So do the sealed result, the packages' manifests and the published snapshots.
    seal::software::name(|| {
        Some(seal::software::Software {
            version: env!("CARGO_PKG_VERSION").to_string(),
            commit: commands::version::SOURCE_COMMIT.to_string(),
            hash_code: commands::version::executable_hash().ok()?.to_string(),
        })
    });
    match run(&cli) {
        Ok(code) => code,
        // Ctrl-C at a question: stopped on purpose, nothing more to say than that (130, as a
        // shell reports a command ended by Ctrl-C).
        Err(error)
            if error.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::Interrupted)
            }) =>
        {
            eprintln!("{}", t!(cli.lang, "cli-interrupted"));
            ExitCode::from(130)
        }
        Err(error) => {
            // A file refused by `bounded` is named in the user's language.
            let text = match error
                .chain()
                .find_map(|cause| cause.downcast_ref::<bounded::ReadError>())
            {
                Some(refused) => refused.message(cli.lang),
                None => chain_text(cli.lang, &error),
            };
            eprintln!("{}", t!(cli.lang, "cli-error", error = text));
            ExitCode::FAILURE
        }
    }
}

/// A command line clap refuses, said in `lang` (clap itself speaks English only); help and
/// version requests are shown as clap shows them. Exits with clap's status (2 for a mistake).
fn refuse_command_line(lang: Language, error: clap::Error) -> ! {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(text)) => text.clone(),
        Some(ContextValue::Strings(texts)) => texts.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let argument = context(ContextKind::InvalidArg);
    let text = match error.kind() {
        ErrorKind::UnknownArgument => t!(lang, "cli-args-unknown", argument = argument),
        ErrorKind::InvalidSubcommand => {
            t!(
                lang,
                "cli-args-unknown-command",
                command = context(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::MissingRequiredArgument => t!(lang, "cli-args-missing", argument = argument),
        ErrorKind::MissingSubcommand => t!(lang, "cli-args-missing-command"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => t!(
            lang,
            "cli-args-invalid-value",
            argument = argument,
            value = context(ContextKind::InvalidValue)
        ),
        ErrorKind::ArgumentConflict => t!(
            lang,
            "cli-args-conflict",
            argument = argument,
            other = context(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            t!(lang, "cli-args-values", argument = argument)
        }
        ErrorKind::NoEquals => t!(lang, "cli-args-no-equals", argument = argument),
        // Help, version and everything else as clap says it.
        _ => error.exit(),
    };
    eprintln!("{}", t!(lang, "cli-error", error = text));
    eprintln!("{}", t!(lang, "cli-args-see-help"));
    std::process::exit(error.exit_code())
}

/// An error and its causes, each in `lang` where Urna knows it in words of its own (the store's
/// refusals, the system's common file errors), joined as `{:#}` joins them: one language per
/// message instead of English system text inside a Dutch sentence.
fn chain_text(lang: Language, error: &anyhow::Error) -> String {
    error
        .chain()
        .map(|cause| {
            if let Some(store) = cause.downcast_ref::<store::StoreError>() {
                store.message(lang)
            } else if let Some(office) = cause.downcast_ref::<office::OfficeError>() {
                office.message(lang)
            } else if let Some(io) = cause.downcast_ref::<std::io::Error>() {
                bounded::io_error_text(lang, io)
            } else {
                cause.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(": ")
}

/// The person at the keyboard, as named in the audit log.
/// The office of the data directory's store.
fn open_office(cli: &Cli) -> anyhow::Result<office::Office> {
    Ok(office::Office::new(std::sync::Arc::new(
        Store::open_existing(&cli.data_dir)?,
    )))
}

/// Who runs this command, once known (`--operator`, else the account).
static OPERATOR: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Who does what the command does, as the audit log names them: the `--operator` given, else the
/// account's login name, else the account itself (its user id, named from the system's account
/// list where it is there). Never "unknown": every change has someone behind it.
pub(crate) fn actor() -> Actor {
    let name = OPERATOR.get_or_init(|| {
        ["USER", "LOGNAME", "USERNAME"]
            .iter()
            .find_map(|var| std::env::var(var).ok().filter(|v| !v.trim().is_empty()))
            .or_else(account_of_process)
            .unwrap_or_else(|| "unnamed-account".to_string())
    });
    Actor::new("cli", name)
}

/// The account this process runs as, from `/proc/self/status` (its real user id) and
/// `/etc/passwd` (its name): `uid-1000` when the name is not listed.
fn account_of_process() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let uid = status
        .lines()
        .find_map(|line| line.strip_prefix("Uid:"))?
        .split_whitespace()
        .next()?
        .to_string();
    let named = std::fs::read_to_string("/etc/passwd")
        .ok()
        .and_then(|passwd| {
            passwd.lines().find_map(|line| {
                let mut fields = line.split(':');
                let name = fields.next()?;
                (fields.nth(1)? == uid).then(|| name.to_string())
            })
        });
    Some(named.unwrap_or_else(|| format!("uid-{uid}")))
}

fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let lang: Language = cli.lang;
    if let Some(operator) = cli
        .operator
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())
    {
        let _ = OPERATOR.set(operator.to_string());
    }
    let Some(command) = cli.command.as_ref().filter(|_| !cli.version) else {
        if cli.version {
            print!("{}", commands::version::text(lang)?);
            return Ok(ExitCode::SUCCESS);
        }
        // `arg_required_else_help` shows the help for a bare `urna`; options without a command:
        eprintln!("{}", command_line(lang).clone().render_help());
        return Ok(ExitCode::from(2));
    };
    match command {
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
        Command::Audit(AuditCommand::Verify { head }) => {
            let store = Store::open_existing(&cli.data_dir)?;
            let (intact, report) = commands::audit::verify(lang, &store, head.as_deref())?;
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
        Command::Licenses => print!("{}", commands::version::LICENCE_NOTICES),
        Command::Hash { file } => {
            // Any size, hashed as it is read; a link, FIFO or device is refused.
            let opened = bounded::open(file, u64::MAX)?;
            let hash = seal::HashCode::of_reader(opened.file)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            println!("{hash}  {}", file.display());
        }
        Command::Demo(args) => commands::demo::run(lang, args, &actor())?,
        Command::Serve(args) => commands::serve::run(lang, &cli.data_dir, args)?,
        Command::StationApp(cli::StationAppCommand::Credentials { election, ceremony }) => {
            let store = Store::open_existing(&cli.data_dir)?;
            print!(
                "{}",
                commands::station_app::credentials_from_ceremony(
                    lang,
                    &store,
                    &actor(),
                    election,
                    &commands::ceremony::CeremonyDir::new(ceremony),
                )?
            );
        }
        Command::Backup(command) => {
            print!("{}", commands::backup::run(lang, cli, command)?);
        }
        Command::Restore { backup } => {
            print!(
                "{}",
                commands::backup::restore(lang, &cli.data_dir, backup)?
            );
        }
        Command::Committee(command) => {
            let office = open_office(cli)?;
            print!(
                "{}",
                commands::committee::run(lang, &office, &actor(), command)?
            );
        }
        Command::Result(ResultCommand::Show { election }) => {
            let office = open_office(cli)?;
            print!("{}", commands::result::show(lang, &office, election)?);
        }
        Command::Result(ResultCommand::ImportCount { election, file }) => {
            let office = open_office(cli)?;
            print!(
                "{}",
                commands::result::import_count(lang, &office, &actor(), election, file)?
            );
        }
        Command::Result(ResultCommand::ImportMunicipality { election, file }) => {
            let office = open_office(cli)?;
            print!(
                "{}",
                commands::result::import_municipality(lang, &office, &actor(), election, file)?
            );
        }
        Command::Result(ResultCommand::Lot {
            election,
            lot,
            order,
        }) => {
            let office = open_office(cli)?;
            commands::result::refused(
                lang,
                office.enter_lot(&actor(), election, lot, order.clone()),
            )?;
            print!("{}", commands::result::show(lang, &office, election)?);
        }
        Command::Result(ResultCommand::Deceased {
            election,
            contest,
            list,
            position,
        }) => {
            let office = open_office(cli)?;
            commands::result::refused(
                lang,
                office.register_deceased(&actor(), election, contest.as_ref(), *list, *position),
            )?;
            print!("{}", commands::result::show(lang, &office, election)?);
        }
        Command::Result(ResultCommand::Seal {
            election,
            package,
            authority_key,
            seal_for,
            sealed,
        }) => {
            let office = open_office(cli)?;
            print!(
                "{}",
                commands::result::seal(
                    lang,
                    &office,
                    &actor(),
                    &mut hash_check::Terminal,
                    &commands::result::Seal {
                        election: election.clone(),
                        package: package.clone(),
                        authority_key: authority_key.clone(),
                        seal_for: seal_for.clone(),
                        sealed: sealed.clone(),
                    },
                )?
            );
        }
        Command::Result(ResultCommand::Export { election, dir }) => {
            let office = open_office(cli)?;
            print!(
                "{}",
                commands::result::export(lang, &office, &actor(), election, dir)?
            );
        }
        Command::Result(ResultCommand::Report {
            election,
            dir,
            forms,
        }) => {
            let office = open_office(cli)?;
            print!(
                "{}",
                commands::result::report(lang, &office, &actor(), election, dir, *forms)?
            );
        }
        Command::Ceremony(command) => return run_ceremony(lang, cli, command),
        Command::Booth(command) => return run_booth(lang, command),
        Command::Count(command) => return run_count(lang, command),
        Command::Central(command) => return run_central(lang, cli, command),
        Command::Publish(cli::PublishCommand::Serve { dir, listen }) => {
            commands::publish::serve(lang, dir, *listen)?;
        }
        Command::Publish(cli::PublishCommand::Export {
            dir,
            central,
            round,
            name,
        }) => {
            let store = Store::open_or_create(&cli.data_dir)?;
            let mut prompt = hash_check::Terminal;
            print!(
                "{}",
                commands::publish::export(
                    lang,
                    &store,
                    &actor(),
                    &mut prompt,
                    &commands::publish::ExportArgs {
                        central: central.clone(),
                        out: dir.clone(),
                        round: round.clone(),
                        name: name.clone(),
                    },
                )?
            );
        }
        Command::Verify {
            feed,
            central,
            authorities,
        } => {
            let (text, sound) = commands::publish::verify(
                lang,
                feed,
                &publish::verify::Expectations {
                    central: central.clone(),
                    authorities: authorities.clone(),
                },
            )?;
            print!("{text}");
            if !sound {
                return Ok(ExitCode::FAILURE);
            }
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

fn run_booth(lang: Language, command: &cli::BoothCommand) -> anyhow::Result<ExitCode> {
    let cli::BoothCommand::Run {
        packages,
        authority_key,
        sticks,
        out,
        voting_computers,
        large,
    } = command;
    let [first, second] = sticks.as_slice() else {
        anyhow::bail!("{}", t!(lang, "cli-booth-two-sticks"));
    };
    let station = commands::booth::Station {
        packages: packages.clone(),
        authority_key: authority_key.clone(),
        sticks: [first.clone(), second.clone()],
        out: out.clone(),
        voting_computers: *voting_computers,
        large: *large,
    };
    print!(
        "{}",
        commands::booth::run(lang, &mut hash_check::Terminal, &station)?
    );
    Ok(ExitCode::SUCCESS)
}

fn run_central(
    lang: Language,
    cli: &Cli,
    command: &cli::CentralCommand,
) -> anyhow::Result<ExitCode> {
    use commands::central;
    let mut prompt = hash_check::Terminal;
    let (text, ok) = match command {
        cli::CentralCommand::Keys { dir, tls_names } => (
            central::keys(
                lang,
                &mut prompt,
                &::central::CentralDir::new(dir),
                tls_names,
            )?,
            true,
        ),
        cli::CentralCommand::Serve { dir, listen } => {
            let store = std::sync::Arc::new(Store::open_or_create(&cli.data_dir)?);
            central::serve(
                lang,
                store,
                &actor(),
                &mut prompt,
                &central::Serve {
                    dir: dir.clone(),
                    listen: *listen,
                },
            )?;
            (String::new(), true)
        }
        cli::CentralCommand::Send {
            files,
            server,
            server_name,
            tls_ca,
            receipts_key,
            package,
            election,
        } => central::send(
            lang,
            &mut prompt,
            &central::Sending {
                server: server.clone(),
                server_name: server_name.clone(),
                tls_ca: tls_ca.clone(),
                receipts_key: receipts_key.clone(),
                package: package.clone(),
                election: election.clone(),
                files: files.clone(),
            },
        )?,
        cli::CentralCommand::Receive {
            dir,
            offices,
            election,
            files,
        } => {
            let store = std::sync::Arc::new(Store::open_existing(&cli.data_dir)?);
            central::receive(
                lang,
                store,
                &actor(),
                &mut prompt,
                &central::Intake {
                    dir: dir.clone(),
                    offices: offices.clone(),
                    election: election.clone(),
                    files: files.clone(),
                },
            )?
        }
        cli::CentralCommand::Register {
            dir,
            ceremony,
            province,
            district,
        } => {
            let store = Store::open_or_create(&cli.data_dir)?;
            (
                commands::publish::register(
                    lang,
                    &store,
                    &actor(),
                    &::central::CentralDir::new(dir),
                    ceremony,
                    &::central::registry::PlaceArgs {
                        province: province.clone(),
                        district: district.clone(),
                    },
                )?,
                true,
            )
        }
        cli::CentralCommand::CheckReceipt {
            receipt,
            receipts_key,
            sealed,
        } => central::check_receipt(lang, receipt, receipts_key, sealed.as_deref())?,
    };
    print!("{text}");
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn run_count(lang: Language, command: &cli::CountCommand) -> anyhow::Result<ExitCode> {
    let (text, ok) = match command {
        cli::CountCommand::ImportSticks {
            package,
            authority_key,
            stations,
            accept_single,
            report,
            seal_for,
            sealed,
            sticks,
        } => commands::count::import_sticks(
            lang,
            &mut hash_check::Terminal,
            &commands::count::Import {
                package: package.clone(),
                authority_key: authority_key.clone(),
                sticks: sticks.clone(),
                stations: stations.clone(),
                accept_single: accept_single.clone(),
                report: report.clone(),
                seal_for: seal_for.clone().zip(sealed.clone()),
            },
        )?,
        cli::CountCommand::Recount {
            ceremony,
            holders,
            package,
            authority_key,
            stick,
            ballots,
        } => commands::count::recount(
            lang,
            &mut hash_check::Terminal,
            &commands::count::RecountArgs {
                ceremony: ceremony.clone(),
                holders: holders.clone(),
                package: package.clone(),
                authority_key: authority_key.clone(),
                stick: stick.clone(),
                ballots: ballots.clone(),
            },
        )?,
    };
    print!("{text}");
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn run_ceremony(lang: Language, cli: &Cli, command: &CeremonyCommand) -> anyhow::Result<ExitCode> {
    use commands::ceremony::{self, CeremonyDir, SheetsTo};
    let mut prompt = hash_check::Terminal;
    let status = |ok: bool| {
        if ok {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    };
    match command {
        CeremonyCommand::Keys {
            election,
            dir,
            holders,
            threshold,
        } => {
            let store = Store::open_existing(&cli.data_dir)?;
            print!(
                "{}",
                ceremony::keys(
                    lang,
                    &store,
                    &actor(),
                    &mut prompt,
                    election,
                    &CeremonyDir::new(dir),
                    &ceremony::KeySplit {
                        holders: holders.clone(),
                        threshold: *threshold,
                    },
                )?
            );
        }
        CeremonyCommand::Packages {
            election,
            dir,
            sheets,
        } => {
            let store = Store::open_existing(&cli.data_dir)?;
            let sheets = if sheets.as_os_str() == "-" {
                SheetsTo::Stdout
            } else {
                SheetsTo::File(sheets.clone())
            };
            // The passwords exist only on the sheets: the credentials are dropped at once.
            let (report, _credentials) = ceremony::packages(
                lang,
                &store,
                &actor(),
                &mut prompt,
                election,
                &CeremonyDir::new(dir),
                &sheets,
            )?;
            // With the sheets on standard output, the report goes to standard error.
            match sheets {
                SheetsTo::Stdout => eprint!("{report}"),
                SheetsTo::File(_) => print!("{report}"),
            }
        }
        CeremonyCommand::WriteSticks {
            dir,
            package,
            targets,
        } => {
            let store = Store::open_existing(&cli.data_dir)?;
            let (report, identical) = ceremony::write_sticks(
                lang,
                &store,
                &actor(),
                &mut prompt,
                &CeremonyDir::new(dir),
                package,
                targets,
            )?;
            print!("{report}");
            return Ok(status(identical));
        }
        CeremonyCommand::Verify {
            target,
            authority_key,
            election,
            station,
            main_office,
            record,
        } => {
            let authority = ceremony::read_public_key(authority_key)?;
            let office = match (station, main_office) {
                (Some(number), _) => Some(seal::package::Office::PollingStation {
                    number: *number,
                    name: String::new(),
                }),
                (None, true) => Some(seal::package::Office::MainOffice {
                    name: String::new(),
                }),
                (None, false) => None,
            };
            let expected = seal::package::Expected {
                election: election.clone(),
                office,
            };
            let recording = match record {
                Some(dir) => Some((
                    CeremonyDir::new(dir),
                    Store::open_existing(&cli.data_dir)?,
                    actor(),
                )),
                None => None,
            };
            let (report, intact) = ceremony::verify(
                lang,
                target,
                &authority,
                &expected,
                recording
                    .as_ref()
                    .map(|(dir, store, actor)| (dir, store, actor, &mut prompt as _)),
            )?;
            print!("{report}");
            return Ok(status(intact));
        }
        CeremonyCommand::Combine { dir, holders } => {
            let store = Store::open_existing(&cli.data_dir)?;
            print!(
                "{}",
                ceremony::combine_shares(
                    lang,
                    &store,
                    &actor(),
                    &mut prompt,
                    &CeremonyDir::new(dir),
                    holders
                )?
            );
        }
        CeremonyCommand::Record { dir, authority_key } => {
            let key = authority_key
                .as_deref()
                .map(ceremony::read_public_key)
                .transpose()?;
            print!(
                "{}",
                ceremony::show_record(lang, &CeremonyDir::new(dir), key.as_ref())?
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
