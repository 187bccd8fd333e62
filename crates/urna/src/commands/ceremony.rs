//! `urna ceremony …`: the key ceremony in the secured zone.
//!
//! The ceremony folder holds everything public the ceremony makes, the locked keys and shares,
//! the packages and the signed record (see `docs/ceremony.md`):
//!
//! ```text
//! CEREMONY/
//!   authority.pub               the authority's public key (publish its fingerprint)
//!   authority-key.age           the authority's signing key, locked to its passphrase
//!   election-key.pub            the election's public ballot-encryption key (age1…)
//!   shares/1-anne.age …         each official's share, locked to that official's passphrase
//!   offices.json                every office's login, public key and package fingerprint
//!   intake-ca.pem               issued each office's client certificate for the central intake
//!   packages/SB1/ … HSB/        one signed package per polling station and the main office
//!   ceremony-record.json, .sig  every step, signed by the authority
//! ```
//!
//! Every step is also an entry in the audit log of the data directory.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::{SecondsFormat, Utc};
use seal::HashCode;
use seal::ceremony::{
    Action, Ceremony, Common, CopyEntry, Credential, PackageEntry, Step, files, verify_record,
};
use seal::lock::{ElectionKey, ElectionPublicKey, Strength, lock, unlock};
use seal::package::{ElectionRef, Expected, Office};
use seal::shares::{Share, combine, split};
use seal::signing::{PublicKey, SigningKey};
use seal::stick::{self, Target};
use serde::{Deserialize, Serialize};
use store::{Actor, AuditAction, Store};

use crate::cli::Lang;
use crate::hash_check::Prompt;

/// Shortest passphrase a person may choose for the authority key or a share.
pub const MIN_PASSPHRASE: usize = 12;

/// The files of a ceremony folder.
#[derive(Debug, Clone)]
pub struct CeremonyDir(PathBuf);

impl CeremonyDir {
    /// The folder at `root`.
    pub fn new(root: &Path) -> CeremonyDir {
        CeremonyDir(root.to_path_buf())
    }
    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.0
    }
    pub(crate) fn authority_pub(&self) -> PathBuf {
        self.0.join("authority.pub")
    }
    fn authority_key(&self) -> PathBuf {
        self.0.join("authority-key.age")
    }
    fn election_pub(&self) -> PathBuf {
        self.0.join("election-key.pub")
    }
    fn shares(&self) -> PathBuf {
        self.0.join("shares")
    }
    pub(crate) fn offices(&self) -> PathBuf {
        self.0.join("offices.json")
    }
    /// The certificate of the authority that issued the offices' intake certificates.
    pub(crate) fn intake_ca(&self) -> PathBuf {
        self.0.join("intake-ca.pem")
    }
    /// The folder of the packages.
    pub fn packages(&self) -> PathBuf {
        self.0.join("packages")
    }
    pub(crate) fn record(&self) -> PathBuf {
        self.0.join("ceremony-record.json")
    }
    pub(crate) fn record_signature(&self) -> PathBuf {
        self.0.join("ceremony-record.sig")
    }

    /// The authority's public key as written at the keys step.
    pub fn authority(&self) -> anyhow::Result<PublicKey> {
        read_public_key(&self.authority_pub())
    }

    /// The ceremony as its signed record says, checked against the authority key.
    fn ceremony(&self, lang: Lang) -> anyhow::Result<Ceremony> {
        let authority = self.authority().with_context(|| {
            lang.pick(
                "geen sleutels in deze ceremoniemap (eerst: urna ceremony keys)",
                "no keys in this ceremony folder (first: urna ceremony keys)",
            )
        })?;
        let bytes = read(&self.record())?;
        let signature = read_text(&self.record_signature())?;
        verify_record(&bytes, &signature, &authority).with_context(|| {
            format!(
                "{}: {}",
                self.record().display(),
                lang.pick(
                    "het ceremonieverslag is geweigerd",
                    "the ceremony record is refused"
                )
            )
        })
    }

    /// Unlocks the authority key with its passphrase.
    fn unlock_authority(&self, lang: Lang, prompt: &mut dyn Prompt) -> anyhow::Result<SigningKey> {
        let locked = read(&self.authority_key())?;
        let passphrase = prompt.ask_secret(lang.pick(
            "Wachtwoordzin van de verkiezingsautoriteit: ",
            "Passphrase of the election authority: ",
        ))?;
        let secret =
            unlock(&locked, passphrase.trim_end_matches(['\r', '\n'])).with_context(|| {
                format!(
                    "{}: {}",
                    self.authority_key().display(),
                    lang.pick(
                        "de sleutel van de verkiezingsautoriteit gaat niet open",
                        "the authority key does not open"
                    )
                )
            })?;
        let key = SigningKey::from_secret_bytes(&secret)?;
        if key.public() != self.authority()? {
            bail!(
                "{}: {}",
                self.authority_key().display(),
                lang.pick(
                    "hoort niet bij authority.pub",
                    "does not belong to authority.pub"
                )
            );
        }
        Ok(key)
    }

    /// Adds a step to the record, signs it and writes it (replacing the previous version only
    /// once the new one is complete), and logs it in the audit log.
    fn record_step(
        &self,
        ceremony: Ceremony,
        authority: &SigningKey,
        store: Option<&Store>,
        actor: &Actor,
        action: Action,
    ) -> anyhow::Result<Ceremony> {
        let logged = audit_action(&action);
        let details = serde_json::to_value(&action)?;
        let step = Step {
            number: ceremony.next_number(),
            at: now(),
            actor: actor.as_str().to_string(),
            action,
        };
        let ceremony = ceremony.apply(step)?;
        let record = ceremony.record();
        replace(&self.record(), &record.to_bytes())?;
        replace(
            &self.record_signature(),
            format!("{}\n", record.sign(authority)).as_bytes(),
        )?;
        if let Some(store) = store {
            store.log_event(actor, logged, details)?;
        }
        Ok(ceremony)
    }
}

/// The audit-log action of a ceremony step.
fn audit_action(action: &Action) -> AuditAction {
    match action {
        Action::KeysMade { .. } => AuditAction::CeremonyKeysMade,
        Action::PackagesMade { .. } => AuditAction::CeremonyPackagesMade,
        Action::SticksWritten { .. } => AuditAction::CeremonySticksWritten,
        Action::PackageVerified { .. } => AuditAction::CeremonyPackageVerified,
        Action::SharesCombined { .. } => AuditAction::CeremonySharesCombined,
    }
}

/// `offices.json`: every office of the ceremony.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OfficeEntry {
    /// `SB12`, `HSB`.
    pub code: String,
    /// The office.
    pub office: Office,
    /// Its login.
    pub login: String,
    /// Its public signing key.
    pub public_key: PublicKey,
    /// Its package's fingerprint.
    pub package: String,
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub(crate) fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| path.display().to_string())
}

fn read_text(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| path.display().to_string())
}

/// Reads a public key file (`urna-ed25519-public:…`).
pub fn read_public_key(path: &Path) -> anyhow::Result<PublicKey> {
    read_text(path)?
        .parse()
        .with_context(|| path.display().to_string())
}

/// Writes a new file (and its folders), synced; never replaces one.
pub(crate) fn create(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).with_context(|| parent.display().to_string())?;
    }
    let mut file = std::fs::File::create_new(path).with_context(|| path.display().to_string())?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .with_context(|| path.display().to_string())
}

/// Replaces a file as a whole: written beside it, then renamed over it.
fn replace(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let temporary = path.with_extension("new");
    let _ = std::fs::remove_file(&temporary);
    create(&temporary, bytes)?;
    std::fs::rename(&temporary, path).with_context(|| path.display().to_string())
}

/// A file-name-safe form of a person's name.
fn slug(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    slug.split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Asks a person to choose a passphrase (twice on a terminal, to catch a typing error).
pub(crate) fn choose_passphrase(
    lang: Lang,
    prompt: &mut dyn Prompt,
    whose: &str,
) -> anyhow::Result<String> {
    let question = format!(
        "{} {whose} ({} {MIN_PASSPHRASE} {}): ",
        lang.pick("Nieuwe wachtwoordzin voor", "New passphrase for"),
        lang.pick("minstens", "at least"),
        lang.pick("tekens", "characters"),
    );
    let passphrase = prompt
        .ask_secret(&question)?
        .trim_end_matches(['\r', '\n'])
        .to_string();
    if passphrase.chars().count() < MIN_PASSPHRASE {
        bail!(
            "{} {whose} {} {MIN_PASSPHRASE} {}",
            lang.pick("De wachtwoordzin voor", "The passphrase for"),
            lang.pick("moet minstens", "must have at least"),
            lang.pick("tekens hebben", "characters"),
        );
    }
    if prompt.is_interactive() {
        let again = prompt.ask_secret(lang.pick("Nogmaals: ", "Again: "))?;
        if again.trim_end_matches(['\r', '\n']) != passphrase {
            bail!(
                "{}",
                lang.pick(
                    "De twee wachtwoordzinnen verschillen; er is niets gemaakt.",
                    "The two passphrases differ; nothing was made."
                )
            );
        }
    }
    Ok(passphrase)
}

fn election_ref(election: &model::Election) -> ElectionRef {
    ElectionRef {
        id: election.id.to_string(),
        name: election.name.clone(),
    }
}

/// Who holds the shares of the election key, and how many are needed.
#[derive(Debug, Clone)]
pub struct KeySplit {
    /// The holders, in share order.
    pub holders: Vec<String>,
    /// Shares needed (k).
    pub threshold: usize,
}

/// `urna ceremony keys`: the authority key and the election key, split among the holders.
pub fn keys(
    lang: Lang,
    store: &Store,
    actor: &Actor,
    prompt: &mut dyn Prompt,
    election_id: &model::ElectionId,
    dir: &CeremonyDir,
    split_among: &KeySplit,
) -> anyhow::Result<String> {
    let (holders, threshold) = (&split_among.holders, split_among.threshold);
    let election = load_election(lang, store, election_id)?;
    if dir.authority_key().exists() || dir.record().exists() {
        bail!(
            "{}: {}",
            dir.0.display(),
            lang.pick(
                "deze ceremoniemap heeft al sleutels; begin een nieuwe ceremonie in een lege map",
                "this ceremony folder already has keys; start a new ceremony in an empty folder"
            )
        );
    }
    let mut names = std::collections::BTreeSet::new();
    for holder in holders {
        if holder.trim().is_empty() || !names.insert(slug(holder)) {
            bail!(
                "{} {holder:?}",
                lang.pick(
                    "Elke sleutelhouder heeft een eigen, niet-lege naam nodig:",
                    "Every key holder needs a name of their own:"
                )
            );
        }
    }
    if threshold < 2 || threshold > holders.len() {
        bail!(
            "{} (k = {threshold}, n = {})",
            lang.pick(
                "Kies 2 ≤ k ≤ n: minstens twee sleutelhouders nodig om de verkiezingssleutel te herstellen",
                "Choose 2 ≤ k ≤ n: at least two holders needed to restore the election key"
            ),
            holders.len()
        );
    }

    // Every passphrase first, so that a mistake leaves nothing half made.
    let authority_passphrase = choose_passphrase(
        lang,
        prompt,
        lang.pick("de verkiezingsautoriteit", "the election authority"),
    )?;
    let mut holder_passphrases = Vec::new();
    for holder in holders {
        holder_passphrases.push(choose_passphrase(lang, prompt, holder)?);
    }

    let authority = SigningKey::generate();
    let election_key = ElectionKey::generate();
    let shares = split(&election_key, election.id.as_str(), holders, threshold)?;
    let public_key = election_key.public();
    drop(election_key);

    create(
        &dir.authority_pub(),
        format!("{}\n", authority.public()).as_bytes(),
    )?;
    create(
        &dir.authority_key(),
        &lock(
            authority.secret_bytes().as_slice(),
            &authority_passphrase,
            Strength::Chosen,
        )?,
    )?;
    create(&dir.election_pub(), format!("{public_key}\n").as_bytes())?;
    let mut share_files = Vec::new();
    for (share, passphrase) in shares.iter().zip(&holder_passphrases) {
        let path = dir
            .shares()
            .join(format!("{}-{}.age", share.index, slug(&share.holder)));
        create(
            &path,
            &lock(&share.to_json(), passphrase, Strength::Chosen)?,
        )?;
        share_files.push(path);
    }

    let ceremony = Ceremony::open(election_ref(&election));
    dir.record_step(
        ceremony,
        &authority,
        Some(store),
        actor,
        Action::KeysMade {
            authority: authority.public().fingerprint().to_hex(),
            election_key: public_key.fingerprint().to_hex(),
            threshold: threshold as u8,
            holders: holders.to_vec(),
        },
    )?;

    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}:",
        lang.pick("Sleutels gemaakt voor", "Keys made for"),
        election.name
    );
    let _ = writeln!(
        out,
        "  {:<34}{}",
        lang.pick("sleutel verkiezingsautoriteit:", "authority key:"),
        authority.public().fingerprint()
    );
    let _ = writeln!(
        out,
        "  {:<34}{}",
        lang.pick("verkiezingssleutel (publiek):", "election key (public):"),
        public_key.fingerprint()
    );
    let _ = writeln!(
        out,
        "  {} {threshold} {} {} {}:",
        lang.pick("gedeeld:", "split:"),
        lang.pick("van", "of"),
        holders.len(),
        lang.pick(
            "sleutelhouders nodig om te ontsleutelen",
            "holders needed to decrypt"
        ),
    );
    for path in share_files {
        let _ = writeln!(out, "    {}", path.display());
    }
    Ok(out)
}

pub(crate) fn load_election(
    lang: Lang,
    store: &Store,
    election_id: &model::ElectionId,
) -> anyhow::Result<model::Election> {
    Ok(store
        .election(election_id)?
        .with_context(|| {
            format!(
                "{} {election_id}",
                lang.pick("Onbekende verkiezing:", "Unknown election:")
            )
        })?
        .election)
}

/// The offices of `election`: its polling stations by number, then the main office.
pub(crate) fn offices(election: &model::Election) -> Vec<Office> {
    let mut stations: Vec<&model::election::PollingStation> =
        election.polling_stations.iter().collect();
    stations.sort_by_key(|station| station.number.get());
    let place = election
        .domain
        .as_ref()
        .map(|domain| domain.name.clone())
        .unwrap_or_else(|| election.name.clone());
    stations
        .into_iter()
        .map(|station| Office::PollingStation {
            number: station.number.get(),
            name: station.name.clone(),
        })
        .chain(std::iter::once(Office::MainOffice {
            name: format!("Hoofdstembureau {place}"),
        }))
        .collect()
}

/// The files every package of `election` holds: the definition and the ballot layout.
pub fn common_files(
    election: &model::Election,
    election_key: ElectionPublicKey,
) -> anyhow::Result<Common> {
    let mut definition = serde_json::to_vec_pretty(election)?;
    definition.push(b'\n');
    let mut ballot = serde_json::to_vec_pretty(&model::ballot::BallotLayout::of(election))?;
    ballot.push(b'\n');
    Ok(Common {
        election: election_ref(election),
        files: BTreeMap::from([
            (files::ELECTION.to_string(), definition),
            (files::BALLOT.to_string(), ballot),
        ]),
        election_key,
    })
}

/// Where `urna ceremony packages` sends the credential sheets.
#[derive(Debug, Clone)]
pub enum SheetsTo {
    /// A new file.
    File(PathBuf),
    /// Standard output (e.g. piped to `lp`).
    Stdout,
}

/// `urna ceremony packages`: a signed package and a credential sheet per office. The
/// credentials are returned with the report only for the demo, which plays the chairs reading
/// their sheets; the command drops them at once.
pub fn packages(
    lang: Lang,
    store: &Store,
    actor: &Actor,
    prompt: &mut dyn Prompt,
    election_id: &model::ElectionId,
    dir: &CeremonyDir,
    sheets: &SheetsTo,
) -> anyhow::Result<(String, Vec<Credential>)> {
    let election = load_election(lang, store, election_id)?;
    let ceremony = dir.ceremony(lang)?;
    if ceremony.record().election.id != election_id.as_str() {
        bail!(
            "{}: {} {}",
            dir.0.display(),
            lang.pick(
                "deze ceremonie is voor verkiezing",
                "this ceremony is for election"
            ),
            ceremony.record().election.id
        );
    }
    match ceremony {
        Ceremony::KeysMade(_) => {}
        Ceremony::Opened(_) => bail!(seal::ceremony::TransitionError::NoKeys),
        Ceremony::PackagesMade(_) => bail!(seal::ceremony::TransitionError::PackagesAgain),
    }
    if let SheetsTo::File(path) = sheets
        && path.exists()
    {
        bail!(
            "{}: {}",
            path.display(),
            lang.pick(
                "bestaat al; de inloggegevens komen alleen in een nieuw bestand",
                "exists already; credentials go only into a new file"
            )
        );
    }
    if dir.packages().exists() {
        bail!(
            "{}: {}",
            dir.packages().display(),
            lang.pick("bestaat al", "exists already")
        );
    }
    let authority = dir.unlock_authority(lang, prompt)?;
    let election_key: ElectionPublicKey = read_text(&dir.election_pub())?
        .parse()
        .with_context(|| dir.election_pub().display().to_string())?;
    let common = common_files(&election, election_key)?;
    let created = now();
    // Each office's client certificate for the central intake over TLS, bound to the key made
    // for it here. The issuing authority lives only for this step: its key is dropped once the
    // certificates are issued, so no later certificate can be made for anyone; its hash code
    // goes into the signed record.
    let intake_ca = tls::CertificateAuthority::generate(&format!(
        "Urna {} {}",
        common.election.id,
        lang.pick("kantoren", "offices")
    ))?;
    let certify = |office: &Office, key: &PublicKey| {
        intake_ca
            .issue_client(
                &format!("{}/{}", common.election.id, office.code()),
                &key.to_bytes(),
            )
            .map(|pem| BTreeMap::from([(files::INTAKE_CERTIFICATE.to_string(), pem.into_bytes())]))
            .map_err(|e| e.to_string())
    };
    let prepared = seal::ceremony::prepare_offices_with(
        &common,
        offices(&election),
        &authority,
        &created,
        &certify,
    )?;
    let intake_ca_pem = intake_ca.certificate_pem().to_string();
    let intake_ca_hash = intake_ca.hash_code().to_hex();
    drop(intake_ca);

    // The sheets first: without them the packages cannot be used.
    let credentials: Vec<Credential> = prepared.iter().map(|p| p.credential.clone()).collect();
    let pdf = report::credential_sheets(&election, &credentials, Utc::now())?;
    match sheets {
        SheetsTo::File(path) => create(path, &pdf)?,
        SheetsTo::Stdout => std::io::stdout().lock().write_all(&pdf)?,
    }

    let mut entries = Vec::new();
    let mut office_entries = Vec::new();
    for office in &prepared {
        let code = office.credential.office.code();
        let target = Target::Directory(dir.packages().join(&code));
        stick::write(&target, &office.package.entries(), &mut |_, _| {})?;
        entries.push(PackageEntry {
            office: code.clone(),
            fingerprint: office.package.fingerprint().to_hex(),
            office_key: office.office_key.fingerprint().to_hex(),
        });
        office_entries.push(OfficeEntry {
            code,
            office: office.credential.office.clone(),
            login: office.credential.login.clone(),
            public_key: office.office_key,
            package: office.package.fingerprint().to_hex(),
        });
    }
    create(&dir.offices(), &serde_json::to_vec_pretty(&office_entries)?)?;
    create(&dir.intake_ca(), intake_ca_pem.as_bytes())?;
    let total: u64 = prepared.iter().map(|p| p.package.size()).sum();
    dir.record_step(
        ceremony,
        &authority,
        Some(store),
        actor,
        Action::PackagesMade {
            packages: entries,
            intake_ca: Some(intake_ca_hash),
        },
    )?;

    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} ({} {}), {}:",
        prepared.len(),
        lang.pick("pakketten gemaakt", "packages made"),
        total,
        lang.pick("bytes", "bytes"),
        lang.pick("vingerafdrukken", "fingerprints"),
    );
    for office in &prepared {
        let _ = writeln!(
            out,
            "  {:<6}{}",
            office.credential.office.code(),
            office.package.fingerprint()
        );
    }
    if let SheetsTo::File(path) = sheets {
        let _ = writeln!(
            out,
            "{} {} — {}",
            lang.pick("Inloggegevens:", "Credential sheets:"),
            path.display(),
            lang.pick(
                "druk ze af en verwijder het bestand: de wachtwoorden staan nergens anders",
                "print them and delete the file: the passwords are nowhere else"
            )
        );
    }
    Ok((out, credentials))
}

/// Reads a package or stick, by its kind of path.
/// Every file of a stick, image or package folder, by path.
pub(crate) fn read_target(path: &Path) -> anyhow::Result<BTreeMap<String, Vec<u8>>> {
    stick::read(&Target::from_path(path)).with_context(|| path.display().to_string())
}

/// The problems in the chosen language.
pub(crate) fn problems_text(lang: Lang, problems: &[seal::package::Problem]) -> String {
    problems
        .iter()
        .map(|problem| match lang {
            Lang::Nl => format!("  - {}\n", problem.message_nl()),
            _ => format!("  - {problem}\n"),
        })
        .collect()
}

/// `urna ceremony write-sticks`: copies a package to every target, reads each back, compares.
/// Returns the report and whether every copy is identical.
pub fn write_sticks(
    lang: Lang,
    store: &Store,
    actor: &Actor,
    prompt: &mut dyn Prompt,
    dir: &CeremonyDir,
    package: &Path,
    targets: &[PathBuf],
) -> anyhow::Result<(String, bool)> {
    let ceremony = dir.ceremony(lang)?;
    let authority_public = dir.authority()?;
    let source = read_target(package)?;
    // Never clone a package that is not intact.
    let verified = seal::package::verify(&source, &authority_public, &Expected::default())
        .map_err(|problems| {
            anyhow::anyhow!(
                "{}: {}\n{}",
                package.display(),
                lang.pick(
                    "het pakket is niet intact; er is niets gekopieerd",
                    "the package is not intact; nothing was copied"
                ),
                problems_text(lang, &problems)
            )
        })?;
    let authority = dir.unlock_authority(lang, prompt)?;

    let total: u64 = source.values().map(|bytes| bytes.len() as u64).sum();
    let mut copies = Vec::new();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} ({}), {}:",
        lang.pick("Pakket", "Package"),
        verified.manifest.office.code(),
        verified.fingerprint,
        lang.pick("kopieën", "copies"),
    );
    for (index, path) in targets.iter().enumerate() {
        let target = Target::from_path(path);
        let bar = indicatif::ProgressBar::new(total).with_message(format!(
            "{}/{} {}",
            index + 1,
            targets.len(),
            path.display()
        ));
        let written = stick::write(&target, &source, &mut |done, _| bar.set_position(done));
        bar.finish_and_clear();
        let differing = match written.map_err(anyhow::Error::from).and_then(|()| {
            let back = stick::read(&target)?;
            Ok(stick::differences(&source, &back))
        }) {
            Ok(differing) => differing,
            Err(error) => vec![format!("{error:#}")],
        };
        let _ = writeln!(
            out,
            "  {}/{} {:<40} {}",
            index + 1,
            targets.len(),
            path.display(),
            if differing.is_empty() {
                lang.pick(
                    "geschreven, teruggelezen, gelijk",
                    "written, read back, identical",
                )
                .to_string()
            } else {
                format!(
                    "{} {}",
                    lang.pick("WIJKT AF:", "DIFFERS:"),
                    differing.join(", ")
                )
            }
        );
        copies.push(CopyEntry {
            target: path.display().to_string(),
            differing,
        });
    }
    let identical = copies.iter().all(|copy| copy.differing.is_empty());
    dir.record_step(
        ceremony,
        &authority,
        Some(store),
        actor,
        Action::SticksWritten {
            package: verified.fingerprint.to_hex(),
            copies,
        },
    )?;
    Ok((out, identical))
}

/// `urna ceremony verify`: checks a stick or package. Returns the report and whether intact.
pub fn verify(
    lang: Lang,
    target: &Path,
    authority: &PublicKey,
    expected: &Expected,
    record: Option<(&CeremonyDir, &Store, &Actor, &mut dyn Prompt)>,
) -> anyhow::Result<(String, bool)> {
    let entries = read_target(target)?;
    let outcome = seal::package::verify(&entries, authority, expected);
    let mut out = String::new();
    let (package, problems) = match &outcome {
        Ok(verified) => {
            let _ = writeln!(
                out,
                "{}: {}\n  {:<20}{} ({})\n  {:<20}{}\n  {:<20}{}",
                target.display(),
                lang.pick("INTACT", "INTACT"),
                lang.pick("verkiezing:", "election:"),
                verified.manifest.election.name,
                verified.manifest.election.id,
                lang.pick("voor:", "for:"),
                match lang {
                    Lang::Nl => verified.manifest.office.describe_nl(),
                    _ => verified.manifest.office.to_string(),
                },
                lang.pick("vingerafdruk:", "fingerprint:"),
                verified.fingerprint,
            );
            (Some(verified.fingerprint.to_hex()), Vec::new())
        }
        Err(problems) => {
            let _ = write!(
                out,
                "{}: {}\n{}",
                target.display(),
                lang.pick("GEWEIGERD", "REFUSED"),
                problems_text(lang, problems)
            );
            let fingerprint = entries
                .get(seal::package::MANIFEST)
                .map(|bytes| HashCode::of(bytes).to_hex());
            (
                fingerprint,
                problems.iter().map(ToString::to_string).collect(),
            )
        }
    };
    if let Some((dir, store, actor, prompt)) = record {
        let ceremony = dir.ceremony(lang)?;
        let key = dir.unlock_authority(lang, prompt)?;
        dir.record_step(
            ceremony,
            &key,
            Some(store),
            actor,
            Action::PackageVerified {
                target: target.display().to_string(),
                package,
                problems,
            },
        )?;
    }
    Ok((out, outcome.is_ok()))
}

/// Puts the election key together from the shares of `holders`, each unlocked with its holder's
/// passphrase and checked against the ceremony's public election key.
pub fn restore_election_key(
    lang: Lang,
    prompt: &mut dyn Prompt,
    dir: &CeremonyDir,
    holders: &[String],
) -> anyhow::Result<(Ceremony, ElectionKey)> {
    let ceremony = dir.ceremony(lang)?;
    let threshold = ceremony
        .record()
        .steps
        .iter()
        .find_map(|step| match &step.action {
            Action::KeysMade { threshold, .. } => Some(usize::from(*threshold)),
            _ => None,
        });
    if let Some(threshold) = threshold
        && holders.len() < threshold
    {
        bail!(
            "{} {threshold} {}, {} {}",
            lang.pick("Er zijn", "It takes"),
            lang.pick(
                "sleutelhouders nodig om de verkiezingssleutel te herstellen",
                "holders to restore the election key"
            ),
            lang.pick("opgegeven:", "given:"),
            holders.len()
        );
    }
    let expected: ElectionPublicKey = read_text(&dir.election_pub())?
        .parse()
        .with_context(|| dir.election_pub().display().to_string())?;
    let mut shares = Vec::new();
    for holder in holders {
        let path = find_share(dir, holder).with_context(|| {
            format!(
                "{} {holder:?} {} {}",
                lang.pick("Geen deel van", "No share of"),
                lang.pick("in", "in"),
                dir.shares().display()
            )
        })?;
        let passphrase = prompt.ask_secret(&format!(
            "{} {holder}: ",
            lang.pick("Wachtwoordzin van", "Passphrase of")
        ))?;
        let json = unlock(&read(&path)?, passphrase.trim_end_matches(['\r', '\n']))
            .with_context(|| path.display().to_string())?;
        let share = Share::from_json(&json).with_context(|| path.display().to_string())?;
        if share.public_key != expected {
            bail!(
                "{}: {}",
                path.display(),
                lang.pick(
                    "dit deel hoort bij een andere verkiezingssleutel",
                    "this share belongs to another election key"
                )
            );
        }
        shares.push(share);
    }
    Ok((ceremony, combine(&shares)?))
}

/// `urna ceremony combine`: the holders put their shares together; Urna checks that the
/// election key is restored (the trial before election day, and the basis of a count).
pub fn combine_shares(
    lang: Lang,
    store: &Store,
    actor: &Actor,
    prompt: &mut dyn Prompt,
    dir: &CeremonyDir,
    holders: &[String],
) -> anyhow::Result<String> {
    let (ceremony, key) = restore_election_key(lang, prompt, dir, holders)?;
    let fingerprint = key.public().fingerprint();
    drop(key);
    let authority = dir.unlock_authority(lang, prompt)?;
    dir.record_step(
        ceremony,
        &authority,
        Some(store),
        actor,
        Action::SharesCombined {
            holders: holders.to_vec(),
            election_key: fingerprint.to_hex(),
        },
    )?;
    Ok(format!(
        "{} {}: {fingerprint}\n",
        holders.len(),
        lang.pick(
            "delen herstellen de verkiezingssleutel",
            "shares restore the election key"
        )
    ))
}

fn find_share(dir: &CeremonyDir, holder: &str) -> Option<PathBuf> {
    let wanted = slug(holder);
    std::fs::read_dir(dir.shares())
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| {
            path.file_stem()
                .and_then(|stem| stem.to_str())
                .and_then(|stem| stem.split_once('-'))
                .is_some_and(|(_, name)| name == wanted)
        })
}

/// `urna ceremony record`: checks the signed record and prints its steps.
pub fn show_record(
    lang: Lang,
    dir: &CeremonyDir,
    authority: Option<&PublicKey>,
) -> anyhow::Result<String> {
    let authority = match authority {
        Some(key) => *key,
        None => dir.authority()?,
    };
    let bytes = read(&dir.record())?;
    let signature = read_text(&dir.record_signature())?;
    let ceremony = verify_record(&bytes, &signature, &authority)
        .with_context(|| dir.record().display().to_string())?;
    let record = ceremony.record();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} ({}), {} {}",
        lang.pick("Ceremonieverslag", "Ceremony record"),
        record.election.name,
        record.election.id,
        lang.pick("ondertekend met", "signed with"),
        authority.fingerprint()
    );
    for step in &record.steps {
        let _ = writeln!(
            out,
            "  {:>3}. {}  {:<28} {}",
            step.number,
            step.at,
            step.action.name(),
            step.actor
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_file_name_safe() {
        assert_eq!(slug("Anne de Vries"), "anne-de-vries");
        assert_eq!(slug("  Bert!"), "bert");
        assert_eq!(slug("Chloé Maes"), "chlo-maes");
    }
}
