//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use messages::Language;

/// Urna: verkiezingssoftware voor Vlaanderen en Nederland / election software for Flanders and
/// the Netherlands.
#[derive(Debug, Parser)]
#[command(
    name = "urna",
    about,
    long_about = None,
    disable_version_flag = true,
    arg_required_else_help = true
)]
pub struct Cli {
    /// Print the version, the source commit, the build's timestamp and the hash code of this
    /// program (to compare with the certified one).
    #[arg(short = 'V', long)]
    pub version: bool,

    /// Data directory: database, generated files, backups.
    #[arg(
        long,
        global = true,
        env = "URNA_DATA_DIR",
        default_value = "urna-data"
    )]
    pub data_dir: PathBuf,

    /// Who runs the command, as the audit log names them (default: the account's login name).
    #[arg(long, global = true, env = "URNA_OPERATOR")]
    pub operator: Option<String>,

    /// Language of messages: nl (default), en, fr or de.
    #[arg(
        long,
        global = true,
        env = "URNA_LANG",
        value_parser = parse_language,
        default_value = "nl"
    )]
    pub lang: Language,

    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Reads `--lang`: a language's code (`nl`, `en`, `fr`, `de`).
fn parse_language(code: &str) -> Result<Language, String> {
    Language::parse(code).ok_or_else(|| {
        let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
        format!("{code:?}: one of {}", codes.join(", "))
    })
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Elections: import, list, show.
    #[command(subcommand)]
    Election(ElectionCommand),
    /// The audit log: verify, show.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Allocate seats and elect candidates from a JSON input (docs/formats/apportionment-input.md),
    /// printing every step. Exit status 3 when a drawing of lots is needed first.
    Apportion {
        /// The input file.
        #[arg(long)]
        input: PathBuf,
        /// Print the result as JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The licence notices of every crate compiled into this binary (Urna itself is EUPL-1.2).
    Licenses,
    /// Print the hash code of a file (SHA-256 of its exact bytes, in 16 groups of 4).
    Hash {
        /// The file.
        file: PathBuf,
    },
    /// Run the whole chain, as far as Urna has it, on a real election, into a fresh folder.
    Demo(DemoArgs),
    /// Serve results entry (double data entry of the polling stations' counts) on the
    /// municipality's offline network.
    Serve(ServeArgs),
    /// Users of the web application.
    #[command(subcommand)]
    User(UserCommand),
    /// The polling-station app (served by `urna serve --app-listen`): its logins.
    #[command(subcommand)]
    StationApp(StationAppCommand),
    /// The result from the definitive counts: totals, seats, elected candidates, files.
    #[command(subcommand)]
    Result(ResultCommand),
    /// Backups of the database: made consistently while it is in use, checked (integrity and the
    /// audit log), listed.
    #[command(subcommand)]
    Backup(BackupCommand),
    /// Replace the database by a checked backup (stop `urna serve` first); the database it
    /// replaces is kept beside it, and the restore is recorded in the audit log.
    Restore {
        /// The backup file (urna-backup-….sqlite).
        backup: PathBuf,
    },
    /// The municipal electoral committee's sessions (Netherlands): a later session,
    /// investigations of polling stations, corrected counts (docs/committee.md).
    #[command(subcommand)]
    Committee(CommitteeCommand),
    /// The key ceremony in the secured zone: keys, signed packages, USB sticks, credential
    /// sheets (docs/ceremony.md).
    #[command(subcommand)]
    Ceremony(CeremonyCommand),
    /// The Flemish polling station: president machine, voting computers and ballot box as a
    /// terminal kiosk (docs/booth.md).
    #[command(subcommand)]
    Booth(BoothCommand),
    /// The Flemish main office: the ballot-box sticks read, checked and totalled; recounts.
    #[command(subcommand)]
    Count(CountCommand),
    /// The central authority: its keys, the intake of sealed results, receipts (docs/central.md).
    #[command(subcommand)]
    Central(CentralCommand),
    /// The public results site and media feed (docs/publication.md).
    #[command(subcommand)]
    Publish(PublishCommand),
    /// Check a published feed independently: every signature back to the ceremony's keys, every
    /// total, seat and elected candidate computed again. Exit status 1 naming each discrepancy.
    Verify {
        /// The feed: a folder (the export, or its feed/ folder).
        feed: PathBuf,
        /// The central authority's publication key fingerprint, as published elsewhere.
        #[arg(long)]
        central: Option<String>,
        /// A ceremony authority's key fingerprint, as published elsewhere (repeatable).
        #[arg(long = "authority")]
        authorities: Vec<String>,
    },
}

/// `urna publish …`
#[derive(Debug, Subcommand)]
pub enum PublishCommand {
    /// Make a new signed snapshot from the results received (when anything changed) and write
    /// the site and feed as static files to DIR (any web server or CDN can carry them).
    Export {
        /// Where the site goes (replaced whole).
        dir: PathBuf,
        /// The central authority's folder.
        #[arg(long)]
        central: PathBuf,
        /// The round's code, e.g. GR2026 (first export only).
        #[arg(long)]
        round: Option<String>,
        /// The round's name (first export only).
        #[arg(long)]
        name: Option<String>,
    },
    /// Serve an exported site with ETags, caching and live updates (server-sent events).
    Serve {
        /// The exported folder.
        dir: PathBuf,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8090")]
        listen: std::net::SocketAddr,
    },
}

/// `urna central …`
#[derive(Debug, Subcommand)]
pub enum CentralCommand {
    /// Make the central authority's keys (sealing and receipts) and the intake server's TLS
    /// certificate; asks a passphrase to lock them.
    Keys {
        /// The central authority's folder (new).
        #[arg(long)]
        dir: PathBuf,
        /// A host name or IP address the offices reach the intake server by (repeatable).
        #[arg(long = "tls-name", default_values_t = ["localhost".to_string(), "127.0.0.1".to_string()])]
        tls_names: Vec<String>,
    },
    /// The intake over TLS: only offices of registered elections, with the client certificate
    /// of their ceremony package, get through; each package is checked and stored as `receive`
    /// does and answered with a signed receipt. Asks the passphrase; runs until Ctrl-C.
    Serve {
        /// The central authority's folder.
        #[arg(long)]
        dir: PathBuf,
        /// Address to listen on (port 0: any free port, printed at start).
        #[arg(long, default_value = "127.0.0.1:8443")]
        listen: std::net::SocketAddr,
    },
    /// Send sealed result files to the central intake over TLS, as the office of a ceremony
    /// package (asks its credential sheet's password); each receipt is checked and written
    /// beside its file. Exit status 1 when any file is refused.
    Send {
        /// The sealed files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The intake, host:port.
        #[arg(long)]
        server: String,
        /// The name in the server's certificate (default: the host of --server).
        #[arg(long)]
        server_name: Option<String>,
        /// The central authority's TLS certificate authority (central-tls-ca.pem).
        #[arg(long)]
        tls_ca: PathBuf,
        /// The central authority's receipts key (central-receipts.pub).
        #[arg(long)]
        receipts_key: PathBuf,
        /// The office's package from the ceremony (folder, stick or image).
        #[arg(long)]
        package: PathBuf,
        /// The election (default: the package's).
        #[arg(long)]
        election: Option<model::ElectionId>,
    },
    /// Take in sealed result files: each checked (decrypts, registered sender, signature,
    /// election, files), stored by office and version, a signed receipt written beside it.
    /// Exit status 1 when any file is refused (each refusal named and in the audit log).
    Receive {
        /// The central authority's folder.
        #[arg(long)]
        dir: PathBuf,
        /// The ceremony's offices.json (the offices' registered keys).
        #[arg(long)]
        offices: PathBuf,
        /// The election.
        #[arg(long)]
        election: model::ElectionId,
        /// The sealed files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Register an election whose result the centre expects: its ceremony's signed record and
    /// office keys, and where it lies (Dutch municipalities from the Electoral Council's tree of
    /// regions; Flemish ones with --province and --district).
    Register {
        /// The central authority's folder.
        #[arg(long)]
        dir: PathBuf,
        /// The election's ceremony folder.
        #[arg(long)]
        ceremony: PathBuf,
        /// The province (when the tree of regions does not know the municipality).
        #[arg(long)]
        province: Option<String>,
        /// The provincial district.
        #[arg(long)]
        district: Option<String>,
    },
    /// Check a receipt offline with the central authority's receipts key. Exit status 1 when it
    /// does not verify.
    CheckReceipt {
        /// The receipt (`FILE.receipt.json`; its `.receipt.sig` beside it).
        receipt: PathBuf,
        /// The central authority's receipts key (central-receipts.pub).
        #[arg(long)]
        receipts_key: PathBuf,
        /// The sealed file the receipt must be for.
        #[arg(long)]
        sealed: Option<PathBuf>,
    },
}

/// `urna booth …`
#[derive(Debug, Subcommand)]
pub enum BoothCommand {
    /// Run the polling station: the chair unlocks with the credential sheet, opens the poll,
    /// activates cards; voters vote on the voting computer; the ballot box scans the printed
    /// ballot; the chair closes. Stopping pauses; running again resumes.
    Run {
        /// The station's package of each election of the day (folder or image; repeat).
        #[arg(long = "package", required = true)]
        packages: Vec<PathBuf>,
        /// The authority's public key (authority.pub), from outside the stick.
        #[arg(long)]
        authority_key: Option<PathBuf>,
        /// The two ballot-box sticks (mounted folders).
        #[arg(long = "stick", required = true, num_args = 1)]
        sticks: Vec<PathBuf>,
        /// Where the printed ballots and the report go.
        #[arg(long)]
        out: PathBuf,
        /// Number of voting computers.
        #[arg(long, default_value_t = 1)]
        voting_computers: u8,
        /// Double-size text (VT100 double-size lines).
        #[arg(long)]
        large: bool,
    },
}

/// `urna count …`
#[derive(Debug, Subcommand)]
pub enum CountCommand {
    /// Read the ballot-box sticks of the polling stations (both mirrors of each), check them,
    /// and total them with the seats and elected candidates. Exit status 1 naming every
    /// problem to resolve first.
    ImportSticks {
        /// The main office's package (folder or image).
        #[arg(long)]
        package: PathBuf,
        /// The authority's public key (authority.pub).
        #[arg(long)]
        authority_key: PathBuf,
        /// Only these polling stations (a canton's); all of the election by default.
        #[arg(long = "station")]
        stations: Vec<u32>,
        /// A polling station accepted on one stick, its mirror lost (a decision of the main
        /// office).
        #[arg(long = "accept-single")]
        accept_single: Vec<u32>,
        /// Write the main office's report (PDF) here, with the result file beside it.
        #[arg(long)]
        report: Option<PathBuf>,
        /// Seal the result file and the report for the central authority with this transmission
        /// key (central-transmission.pub); asks the main office's password. Needs --report and
        /// --sealed.
        #[arg(long, requires_all = ["report", "sealed"])]
        seal_for: Option<PathBuf>,
        /// Where the sealed result goes.
        #[arg(long, requires = "seal_for")]
        sealed: Option<PathBuf>,
        /// The sticks (folders or images).
        #[arg(required = true)]
        sticks: Vec<PathBuf>,
    },
    /// Recount a polling station: k officials put their shares together, the station's votes
    /// are decrypted and compared with its signed result; with --ballots the paper ballots'
    /// pictures are scanned again too. Exit status 1 when anything differs.
    Recount {
        /// The ceremony folder.
        #[arg(long)]
        ceremony: PathBuf,
        /// A holder present (repeat; at least k).
        #[arg(long = "holder", required = true)]
        holders: Vec<String>,
        /// The main office's package.
        #[arg(long)]
        package: PathBuf,
        /// The authority's public key.
        #[arg(long)]
        authority_key: PathBuf,
        /// The station's stick.
        #[arg(long)]
        stick: PathBuf,
        /// The paper ballots' pictures (a folder of PNG files).
        #[arg(long)]
        ballots: Option<PathBuf>,
    },
}

/// `urna ceremony …`
#[derive(Debug, Subcommand)]
pub enum CeremonyCommand {
    /// Make the authority's signing key and the election's ballot-encryption key, whose secret
    /// is split among the holders (any `--threshold` of them restore it). Asks a passphrase for
    /// the authority and for every holder.
    Keys {
        /// Election id.
        election: model::ElectionId,
        /// The ceremony folder (new or empty).
        #[arg(long)]
        dir: PathBuf,
        /// A holder of a share of the election key (repeat for each, in order).
        #[arg(long = "holder", required = true)]
        holders: Vec<String>,
        /// Shares needed to restore the election key (k).
        #[arg(long)]
        threshold: usize,
    },
    /// Make a signed package per polling station and for the main office, and their credential
    /// sheets (PDF, one page each). Asks the authority's passphrase.
    Packages {
        /// Election id.
        election: model::ElectionId,
        /// The ceremony folder.
        #[arg(long)]
        dir: PathBuf,
        /// Where the credential sheets go: a new PDF file, or `-` for standard output (e.g.
        /// `| lp`). The passwords exist nowhere else.
        #[arg(long)]
        sheets: PathBuf,
    },
    /// Copy a package to USB sticks: directories (mounted sticks) or new FAT32 image files
    /// (`*.img`, for `dd`); read every copy back and compare. Asks the authority's passphrase
    /// (the copy is recorded in the signed record). Exit status 1 when a copy differs.
    WriteSticks {
        /// The ceremony folder.
        #[arg(long)]
        dir: PathBuf,
        /// The package (a folder under CEREMONY/packages/).
        #[arg(long)]
        package: PathBuf,
        /// Where to copy it (repeatable).
        #[arg(long = "to", required = true)]
        targets: Vec<PathBuf>,
    },
    /// Check a stick, image or package against the authority's public key, and optionally the
    /// election and office it must be for. Exit status 1 naming every problem.
    Verify {
        /// The stick (folder) or image file.
        target: PathBuf,
        /// The authority's public key file (authority.pub), from outside the stick.
        #[arg(long)]
        authority_key: PathBuf,
        /// The election it must be for.
        #[arg(long)]
        election: Option<model::ElectionId>,
        /// The polling station it must be for.
        #[arg(long, conflicts_with = "main_office")]
        station: Option<u32>,
        /// It must be the main office's package.
        #[arg(long)]
        main_office: bool,
        /// Record the check in this ceremony's record and the audit log (asks the authority's
        /// passphrase).
        #[arg(long)]
        record: Option<PathBuf>,
    },
    /// The holders put their shares together: checks that they restore the election key (a
    /// trial before election day). Asks each holder's passphrase, then the authority's.
    Combine {
        /// The ceremony folder.
        #[arg(long)]
        dir: PathBuf,
        /// A holder taking part (repeat; at least the threshold).
        #[arg(long = "holder", required = true)]
        holders: Vec<String>,
    },
    /// Check the signed ceremony record and print its steps.
    Record {
        /// The ceremony folder.
        #[arg(long)]
        dir: PathBuf,
        /// The authority's public key to check against (default: the folder's authority.pub).
        #[arg(long)]
        authority_key: Option<PathBuf>,
    },
}

/// `urna backup …`
#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Make a checked backup into DIR (another disk or a stick).
    Make {
        /// Where the backup goes.
        dir: PathBuf,
    },
    /// List the backups in DIR, each checked again.
    List {
        /// The backups' folder.
        dir: PathBuf,
    },
}

/// When, where and with whom a session is held.
#[derive(Debug, Clone, Args)]
pub struct SessionArgs {
    /// Local date and time the session opened, e.g. `2026-03-25 10:00`.
    #[arg(long)]
    pub start: String,
    /// Where it is held.
    #[arg(long)]
    pub place: String,
    /// A member present, the chair first (repeatable).
    #[arg(long = "member", required = true)]
    pub members: Vec<String>,
}

/// Why the committee investigates a polling station.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum CauseArg {
    /// The admitted voters and the ballots counted differ without an explanation.
    UnexplainedDifference,
    /// Any other reason (a complaint, an objection, a request of the central committee).
    OtherReason,
}

/// `urna committee …`
#[derive(Debug, Subcommand)]
pub enum CommitteeCommand {
    /// The sessions, the investigations and the counts corrected counts replaced.
    Show {
        /// Election id.
        election: model::ElectionId,
    },
    /// Choose who counts the votes per candidate, before data entry starts: `central` (the
    /// committee; models N 10-2, Na 31-2, Na 14-2) or `decentralised` (the polling stations;
    /// N 10-1, Na 31-1, Na 14-1).
    Counting {
        /// Election id.
        election: model::ElectionId,
        /// `central` or `decentralised`.
        method: String,
    },
    /// Record the date, time, place and members present of the current (open) session.
    Details {
        /// Election id.
        election: model::ElectionId,
        #[command(flatten)]
        session: SessionArgs,
    },
    /// Open the next session; the current one closes when its documents are made
    /// (`urna result report`).
    Open {
        /// Election id.
        election: model::ElectionId,
        #[command(flatten)]
        session: SessionArgs,
    },
    /// Open an investigation of a polling station in the current session (Kieswet P 2a when the
    /// central committee asked for it).
    Investigate {
        /// Election id.
        election: model::ElectionId,
        /// Polling station number.
        station: model::PollingStationNumber,
        /// Why.
        #[arg(long, value_enum)]
        cause: CauseArg,
        /// The reason, as the committee records it.
        #[arg(long)]
        reason: String,
        /// Opened at the request of the central committee (Kieswet P 2a).
        #[arg(long)]
        requested_by_central: bool,
    },
    /// Conclude the investigation of a polling station. With --corrected-count the definitive
    /// count goes into the history and the corrected count is typed twice in results entry.
    Conclude {
        /// Election id.
        election: model::ElectionId,
        /// Polling station number.
        station: model::PollingStationNumber,
        /// What the committee found.
        #[arg(long)]
        findings: String,
        /// The number of admitted voters was established again.
        #[arg(long)]
        admitted_voters_reestablished: bool,
        /// The ballots were (partly) counted again.
        #[arg(long)]
        recounted: bool,
        /// The count changes: a corrected count is typed twice.
        #[arg(long)]
        corrected_count: bool,
    },
    /// Replace a definitive count that turned out wrong, before the session closes: it goes into
    /// the history with the reason, and the polling station is typed twice again.
    Reset {
        /// Election id.
        election: model::ElectionId,
        /// Polling station number.
        station: model::PollingStationNumber,
        /// Why.
        #[arg(long)]
        reason: String,
    },
}

/// `urna result …`
#[derive(Debug, Subcommand)]
pub enum ResultCommand {
    /// Totals, seats and elected candidates from the definitive counts.
    Show {
        /// Election id, e.g. GR2026_Assen.
        election: model::ElectionId,
    },
    /// Import a municipality's count made by other software (EML 510b) as the definitive counts
    /// of its polling stations: the central committee's path. All or nothing; the file's own
    /// totals must equal the sum of its polling stations.
    ImportCount {
        /// Election id.
        election: model::ElectionId,
        /// The 510b file (Telling_*.eml.xml).
        file: PathBuf,
    },
    /// The central committee takes in a municipality's count (EML 510b) as the first entry of
    /// that municipality (added as a reporting unit the first time); the totals of its paper
    /// report are then typed as the second entry in results entry and compared with it.
    ImportMunicipality {
        /// Election id.
        election: model::ElectionId,
        /// The municipality's 510b file (Telling_*.eml.xml).
        file: PathBuf,
    },
    /// Record the outcome of the drawing of lots the result waits for (`urna result show` names
    /// it): every option in the order drawn, winners first.
    Lot {
        /// Election id.
        election: model::ElectionId,
        /// The id of the pending drawing of lots.
        #[arg(long)]
        lot: String,
        /// The drawn order, e.g. `3,1,2`.
        #[arg(long, value_delimiter = ',')]
        order: Vec<u32>,
    },
    /// Register a candidate who died before the result (Kieswet P 19a).
    Deceased {
        /// Election id.
        election: model::ElectionId,
        /// The contest (electoral district), in an election of several.
        #[arg(long)]
        contest: Option<model::ContestId>,
        /// List number.
        #[arg(long)]
        list: u32,
        /// Position on the list.
        #[arg(long)]
        position: u32,
    },
    /// Write the exchange files into a folder: the count (EML 510b, OSV4-3 CSV) and, once the
    /// result is determined, the central committee's EML 510d and 520 (Flanders: the result
    /// file). They are generated once, the first time, and stored: every export gives the same
    /// bytes.
    Export {
        /// Election id.
        election: model::ElectionId,
        /// Folder to write them into.
        #[arg(long)]
        dir: PathBuf,
    },
    /// Seal the determined result for the central authority (Netherlands): the count (510b),
    /// the central committee's 510d and 520, the reports (PDF) and the election definition,
    /// signed with the main office's key from the ceremony (asks its credential sheet's
    /// password) and encrypted to the central authority.
    Seal {
        /// Election id.
        election: model::ElectionId,
        /// The main office's package from the ceremony (folder, stick or image).
        #[arg(long)]
        package: PathBuf,
        /// The ceremony authority's public key (authority.pub), to check the package first.
        #[arg(long)]
        authority_key: PathBuf,
        /// The central authority's key to seal to (central-transmission.pub).
        #[arg(long)]
        seal_for: PathBuf,
        /// The sealed file to write.
        #[arg(long)]
        sealed: PathBuf,
    },
    /// Write the official reports as PDF into a folder: Na 31-2 with its Bijlage 1 and P 22-2
    /// (Flanders: the main office's report), generated once and stored like the EML files whose
    /// hash codes their footers carry.
    Report {
        /// Election id.
        election: model::ElectionId,
        /// Folder to write them into.
        #[arg(long)]
        dir: PathBuf,
        /// Also write the empty count form (model N 10-2) of every polling station, into
        /// `DIR/N10-2/`.
        #[arg(long)]
        forms: bool,
    },
}

/// `urna serve`
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: std::net::SocketAddr,
    /// DEVELOPMENT ONLY: serve results even when this machine can reach the internet.
    #[arg(long)]
    pub allow_online: bool,
    /// Seconds between two checks of the air gap.
    #[arg(long, default_value_t = 30)]
    pub airgap_interval: u64,
    /// Addresses the air-gap check tries to reach (host:port, repeatable); the defaults are
    /// public resolvers on the internet.
    #[arg(long = "airgap-probe")]
    pub airgap_probes: Vec<std::net::SocketAddr>,
    /// Serve results entry over plain HTTP instead of HTTPS: only on a loopback address (a
    /// reverse proxy on the same machine, a test).
    #[arg(long)]
    pub plain_http: bool,
    /// A name the typists' browsers reach the server by (repeatable), for its certificate;
    /// `localhost` and the listening address are always in it.
    #[arg(long = "name")]
    pub names: Vec<String>,
    /// Make a checked backup into this folder (another disk or a stick) whenever the data has
    /// changed, at most every `--backup-interval` seconds.
    #[arg(long)]
    pub backup_dir: Option<PathBuf>,
    /// Where the request and event logs go (one JSON line per request or event, a file per day,
    /// the last 31 days kept); default: `DATA/logs`.
    #[arg(long)]
    pub log_dir: Option<PathBuf>,
    /// Seconds between checks for changes to back up.
    #[arg(long, default_value_t = 10)]
    pub backup_interval: u64,
    /// Also serve the polling-station app over HTTPS on this address and port (e.g.
    /// 0.0.0.0:8443), with a certificate from the app's own certificate authority, made in the
    /// data directory on the first start.
    #[arg(long)]
    pub app_listen: Option<std::net::SocketAddr>,
    /// Host name or IP address the devices use to reach the app (repeatable; `localhost` and the
    /// listening address are always included). The first is the address shown to the chairs.
    #[arg(long = "app-name")]
    pub app_names: Vec<String>,
    /// The moments of the day turnout is reported and published, e.g. `10:00,13:00,16:00`.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "10:00,13:00,16:00,19:00,21:00"
    )]
    pub turnout_moments: Vec<String>,
}

/// `urna station-app …`
#[derive(Debug, Subcommand)]
pub enum StationAppCommand {
    /// Let every polling station log in to the app with the credential sheet of the key
    /// ceremony: each package is verified against the ceremony's authority key, and its login
    /// and password verifier are taken over (all or none).
    Credentials {
        /// The election.
        election: model::ElectionId,
        /// The ceremony folder (`urna ceremony keys --dir`).
        #[arg(long)]
        ceremony: PathBuf,
    },
}

/// `urna user …`
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user. Prints a temporary password to replace at the first login, unless
    /// `--password-stdin` gives the password.
    Add {
        /// administrator, coordinator or typist.
        #[arg(long, value_parser = ["administrator", "coordinator", "typist"])]
        role: String,
        /// Login name.
        #[arg(long)]
        username: String,
        /// Full name (defaults to the username).
        #[arg(long)]
        full_name: Option<String>,
        /// Read the password (one line, at least 12 characters) from standard input instead of
        /// generating a temporary one.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the users.
    List,
}

/// `urna election …`
#[derive(Debug, Subcommand)]
pub enum ElectionCommand {
    /// Load an election: definition and candidate lists, checked against their official hash
    /// codes.
    Import(ImportArgs),
    /// List the loaded elections.
    List,
    /// Show an election: lists, candidates, polling stations and the hash codes of its files.
    Show {
        /// Election id, e.g. GR2026_Assen.
        id: model::ElectionId,
        /// Print the election as JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// `urna election import`
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Election definition: EML 110a, or a Flemish definition file (JSON).
    #[arg(long)]
    pub definition: PathBuf,
    /// Candidate lists: EML 230b (not used with a Flemish definition file, which holds them).
    #[arg(long)]
    pub candidates: Option<PathBuf>,
    /// Polling stations: EML 110b.
    #[arg(long)]
    pub polling_stations: Option<PathBuf>,
    /// The official hash code of the definition (64 hex digits, spaces allowed). Without it,
    /// Urna asks for two groups of it on the terminal.
    #[arg(long)]
    pub definition_hash: Option<String>,
    /// The official hash code of the candidate lists (64 hex digits, spaces allowed). Without
    /// it, Urna asks for two groups of it on the terminal.
    #[arg(long)]
    pub candidates_hash: Option<String>,
}

/// `urna audit …`
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check the audit log's hash chain and the data it vouches for; exit status 0 when intact,
    /// 1 naming the first broken entry, or every table row that differs from what the log
    /// recorded.
    Verify {
        /// The hash code of the log's head as printed in the footer of an official document (or
        /// sealed with the result): the log must still hold that entry, unchanged.
        #[arg(long, value_name = "HASHCODE")]
        head: Option<String>,
    },
    /// Print the audit log.
    Show {
        /// Print the entries as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `urna demo`
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Folder for everything the demo produces (database, input files).
    #[arg(long, default_value = "urna-demo")]
    pub dir: PathBuf,
    /// Replace the folder of an earlier demo run (only a folder the demo itself made).
    #[arg(long)]
    pub force: bool,
}
