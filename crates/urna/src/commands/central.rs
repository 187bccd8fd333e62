//! `urna central …`: the central authority's side of a result's journey, carried as a file. Its
//! keys (an X25519 key offices seal their results to, an Ed25519 key that signs receipts), the
//! intake of sealed result packages (checked, stored by office and version, never replacing an
//! earlier one, a signed receipt for each), and the office's offline check of a receipt.
//!
//! ```text
//! CENTRAL/
//!   central-transmission.pub   age1…: what offices seal their results to
//!   central-receipts.pub       the key receipts are signed with
//!   central-keys.age           both secret keys, locked to the central authority's passphrase
//!   received/<election>/<office>/v<n>/   each version as received: sealed file, files, receipt
//! ```

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use seal::HashCode;
use seal::lock::{ElectionKey, ElectionPublicKey, Strength, lock, unlock};
use seal::package::Office;
use seal::signing::{PublicKey, Signature, SigningKey};
use seal::transmission::{self, RECEIPT_FORMAT, Receipt, Status};
use serde::{Deserialize, Serialize};
use store::{Actor, Store};
use zeroize::Zeroizing;

use super::ceremony::{OfficeEntry, choose_passphrase, create, read_public_key};
use crate::cli::Lang;
use crate::hash_check::Prompt;

/// The central authority's folder.
#[derive(Debug, Clone)]
pub struct CentralDir(PathBuf);

/// The locked secrets.
#[derive(Serialize, Deserialize)]
struct Secrets {
    transmission: String,
    receipts: String,
}

impl CentralDir {
    /// The folder at `root`.
    pub fn new(root: &Path) -> CentralDir {
        CentralDir(root.to_path_buf())
    }
    /// The key offices seal to.
    pub fn transmission_pub(&self) -> PathBuf {
        self.0.join("central-transmission.pub")
    }
    /// The key receipts are checked with.
    pub fn receipts_pub(&self) -> PathBuf {
        self.0.join("central-receipts.pub")
    }
    fn secrets(&self) -> PathBuf {
        self.0.join("central-keys.age")
    }
    /// Where the registered elections are (`urna central register`).
    pub fn elections(&self) -> PathBuf {
        self.0.join("elections")
    }
    /// Where the published snapshot versions are kept.
    pub fn publication(&self) -> PathBuf {
        self.0.join("publication")
    }
    pub(crate) fn received(&self, election: &str, office: &str) -> PathBuf {
        self.0.join("received").join(election).join(office)
    }
}

/// `urna central keys`: makes the central authority's keys; asks for a passphrase to lock them.
pub fn keys(lang: Lang, prompt: &mut dyn Prompt, dir: &CentralDir) -> anyhow::Result<String> {
    if dir.secrets().exists() {
        bail!(
            "{}: {}",
            dir.secrets().display(),
            lang.pick(
                "er zijn al sleutels; er is niets veranderd",
                "keys exist already; nothing was changed"
            )
        );
    }
    let passphrase = choose_passphrase(
        lang,
        prompt,
        lang.pick("de centrale autoriteit", "the central authority"),
    )?;
    let transmission = ElectionKey::generate();
    let receipts = SigningKey::generate();
    let secrets = Secrets {
        transmission: String::from_utf8_lossy(&transmission.secret_text()).into_owned(),
        receipts: seal::hex::encode(receipts.secret_bytes().as_slice()),
    };
    let plain = Zeroizing::new(serde_json::to_vec(&secrets)?);
    let locked = lock(&plain, &passphrase, Strength::Chosen)?;
    create(&dir.secrets(), &locked)?;
    create(
        &dir.transmission_pub(),
        format!("{}\n", transmission.public()).as_bytes(),
    )?;
    create(
        &dir.receipts_pub(),
        format!("{}\n", receipts.public()).as_bytes(),
    )?;
    Ok(format!(
        "{}: {}\n{}: {}\n",
        lang.pick("sleutel om naar te verzegelen", "key to seal to"),
        transmission.public().fingerprint(),
        lang.pick("sleutel van de ontvangstbewijzen", "receipts key"),
        receipts.public().fingerprint()
    ))
}

pub(crate) fn unlock_keys(
    lang: Lang,
    prompt: &mut dyn Prompt,
    dir: &CentralDir,
) -> anyhow::Result<(ElectionKey, SigningKey)> {
    let locked =
        std::fs::read(dir.secrets()).with_context(|| dir.secrets().display().to_string())?;
    let passphrase = prompt.ask_secret(lang.pick(
        "Wachtwoordzin van de centrale autoriteit: ",
        "Passphrase of the central authority: ",
    ))?;
    let plain = unlock(&locked, passphrase.trim_end_matches(['\r', '\n']))
        .with_context(|| dir.secrets().display().to_string())?;
    let secrets: Secrets = serde_json::from_slice(&plain)?;
    let transmission = ElectionKey::from_secret_text(secrets.transmission.as_bytes())?;
    let bytes = Zeroizing::new(
        seal::hex::decode_vec(&secrets.receipts)
            .with_context(|| dir.secrets().display().to_string())?,
    );
    let receipts = SigningKey::from_secret_bytes(&bytes)?;
    Ok((transmission, receipts))
}

/// What `urna central receive` works on.
#[derive(Debug, Clone)]
pub struct Intake {
    /// The central authority's folder.
    pub dir: PathBuf,
    /// The ceremony's `offices.json`: the registered keys.
    pub offices: PathBuf,
    /// The election.
    pub election: String,
    /// The sealed files.
    pub files: Vec<PathBuf>,
}

/// `urna central receive`: opens, checks and stores each sealed result; writes a signed receipt
/// beside each accepted file (`FILE.receipt.json`, `.sig`). Every outcome, refusals included, is
/// in the audit log. Returns the text and whether every file was taken in.
pub fn receive(
    lang: Lang,
    store: &Store,
    actor: &Actor,
    prompt: &mut dyn Prompt,
    intake: &Intake,
) -> anyhow::Result<(String, bool)> {
    let dir = CentralDir::new(&intake.dir);
    let offices: Vec<OfficeEntry> = serde_json::from_slice(
        &std::fs::read(&intake.offices).with_context(|| intake.offices.display().to_string())?,
    )
    .with_context(|| intake.offices.display().to_string())?;
    let senders: Vec<(Office, PublicKey)> = offices
        .iter()
        .map(|entry| (entry.office.clone(), entry.public_key))
        .collect();
    let (transmission, receipts) = unlock_keys(lang, prompt, &dir)?;
    let mut out = String::new();
    let mut all = true;
    for path in &intake.files {
        let sealed = std::fs::read(path).with_context(|| path.display().to_string())?;
        match transmission::open(&sealed, &transmission, &senders, &intake.election) {
            Err(refusal) => {
                all = false;
                let why = match lang {
                    Lang::Nl => refusal.message_nl(),
                    Lang::En => refusal.to_string(),
                };
                store.log_event(
                    actor,
                    "central.refused",
                    serde_json::json!({
                        "file": path.display().to_string(),
                        "sha256": HashCode::of(&sealed).to_hex(),
                        "election": intake.election,
                        "reason": refusal.to_string(),
                    }),
                )?;
                writeln!(
                    out,
                    "{}: {} — {why}",
                    path.display(),
                    lang.pick("GEWEIGERD", "REFUSED")
                )?;
            }
            Ok(opened) => {
                let office = opened.manifest.office.code();
                let (receipt, signature) =
                    store_version(&dir, &intake.election, &office, &sealed, &opened, &receipts)?;
                store.log_event(
                    actor,
                    "central.received",
                    serde_json::json!({
                        "file": path.display().to_string(),
                        "office": office,
                        "sealed": receipt.sealed,
                        "version": receipt.version,
                        "status": receipt.status,
                    }),
                )?;
                let receipt_file = receipt_path(path);
                std::fs::write(&receipt_file, receipt.to_bytes())?;
                std::fs::write(
                    receipt_signature_path(&receipt_file),
                    format!("{signature}\n"),
                )?;
                let status = status_text(lang, receipt.status);
                writeln!(
                    out,
                    "{}: {} {office} v{}: {status}",
                    path.display(),
                    match lang {
                        Lang::Nl => opened.manifest.office.describe_nl(),
                        Lang::En => opened.manifest.office.to_string(),
                    },
                    receipt.version
                )?;
            }
        }
    }
    Ok((out, all))
}

/// Where the receipt of the sealed file `sealed` is written: `FILE.receipt.json`.
pub fn receipt_path(sealed: &Path) -> PathBuf {
    let mut name = sealed.as_os_str().to_owned();
    name.push(".receipt.json");
    PathBuf::from(name)
}

/// The signature beside a receipt: `….receipt.json` → `….receipt.sig`.
fn receipt_signature_path(receipt: &Path) -> PathBuf {
    let name = receipt.to_string_lossy();
    PathBuf::from(format!("{}.sig", name.trim_end_matches(".json")))
}

/// What a receipt's status means, in words.
fn status_text(lang: Lang, status: Status) -> &'static str {
    match status {
        Status::Accepted => lang.pick("ontvangen", "received"),
        Status::AlreadyReceived => lang.pick(
            "al eerder ontvangen (hetzelfde ontvangstbewijs)",
            "received before (the same receipt)",
        ),
        Status::NewVersionForReview => lang.pick(
            "NIEUWE VERSIE, ter beoordeling; de eerdere blijft staan",
            "NEW VERSION, for review; the earlier one stays",
        ),
    }
}

/// Stores a version unless the same sealed file is there; returns its receipt.
fn store_version(
    dir: &CentralDir,
    election: &str,
    office: &str,
    sealed: &[u8],
    opened: &transmission::Opened,
    key: &SigningKey,
) -> anyhow::Result<(Receipt, Signature)> {
    let root = dir.received(election, office);
    let mut versions: Vec<u32> = std::fs::read_dir(&root)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.file_name().to_str()?.strip_prefix('v')?.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    versions.sort_unstable();
    for version in &versions {
        let folder = root.join(format!("v{version}"));
        if std::fs::read(folder.join("sealed.urna-result"))
            .ok()
            .as_deref()
            == Some(sealed)
        {
            // The same file again: the receipt first given, unchanged.
            let bytes = std::fs::read(folder.join("receipt.json"))?;
            let mut receipt: Receipt = serde_json::from_slice(&bytes)?;
            receipt.status = Status::AlreadyReceived;
            let signature = receipt.sign(key);
            return Ok((receipt, signature));
        }
    }
    let version = versions.last().map_or(1, |last| last + 1);
    let receipt = Receipt {
        format: RECEIPT_FORMAT.into(),
        election: election.to_string(),
        office: office.to_string(),
        sealed: opened.sealed.to_hex(),
        package: opened.fingerprint.to_hex(),
        version,
        status: if version == 1 {
            Status::Accepted
        } else {
            Status::NewVersionForReview
        },
        received: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    };
    // Each version's files are new files: an earlier version is never written over.
    let folder = root.join(format!("v{version}"));
    for (name, bytes) in &opened.files {
        create(&folder.join("files").join(name), bytes)?;
    }
    // The package as signed (files, manifest and signature): what the feed publishes.
    for (name, bytes) in opened.files.iter().chain(&opened.signed) {
        create(&folder.join("package").join(name), bytes)?;
    }
    create(&folder.join("sealed.urna-result"), sealed)?;
    let signature = receipt.sign(key);
    create(&folder.join("receipt.json"), &receipt.to_bytes())?;
    create(
        &folder.join("receipt.sig"),
        format!("{signature}\n").as_bytes(),
    )?;
    Ok((receipt, signature))
}

/// `urna central check-receipt`: the office checks a receipt offline.
pub fn check_receipt(
    lang: Lang,
    receipt: &Path,
    receipts_key: &Path,
    sealed: Option<&Path>,
) -> anyhow::Result<(String, bool)> {
    let key = read_public_key(receipts_key)?;
    let bytes = std::fs::read(receipt).with_context(|| receipt.display().to_string())?;
    let signature_path = receipt_signature_path(receipt);
    let signature: Signature = std::fs::read_to_string(&signature_path)
        .with_context(|| signature_path.display().to_string())?
        .parse()?;
    let Some(checked) = Receipt::verify(&bytes, &signature, &key) else {
        return Ok((
            format!(
                "{}: {}\n",
                receipt.display(),
                lang.pick(
                    "ONGELDIG: de handtekening klopt niet met de sleutel van de centrale autoriteit",
                    "INVALID: the signature does not match the central authority's key"
                )
            ),
            false,
        ));
    };
    if let Some(sealed) = sealed {
        let hash = HashCode::of(&std::fs::read(sealed)?).to_hex();
        if hash != checked.sealed {
            return Ok((
                format!(
                    "{}: {}\n",
                    receipt.display(),
                    lang.pick(
                        "het ontvangstbewijs hoort bij een ander bestand",
                        "the receipt is for another file"
                    )
                ),
                false,
            ));
        }
    }
    Ok((
        format!(
            "{}: {} {} {} v{} ({}), {}\n",
            receipt.display(),
            lang.pick("geldig:", "valid:"),
            checked.election,
            checked.office,
            checked.version,
            status_text(lang, checked.status),
            checked.received
        ),
        true,
    ))
}

/// Seals the main office's result for the central authority: its key unlocked with the password
/// of its credential sheet, the files signed, the package encrypted to `central`.
pub fn seal_main_office_result(
    lang: Lang,
    prompt: &mut dyn Prompt,
    package: &std::collections::BTreeMap<String, Vec<u8>>,
    central: &Path,
    files: std::collections::BTreeMap<String, Vec<u8>>,
    out: &Path,
) -> anyhow::Result<String> {
    let central: ElectionPublicKey = std::fs::read_to_string(central)
        .with_context(|| central.display().to_string())?
        .parse()
        .with_context(|| central.display().to_string())?;
    let identity: seal::ceremony::OfficeFile = serde_json::from_slice(
        package
            .get(seal::ceremony::files::OFFICE)
            .context("office.json")?,
    )?;
    let password = prompt.ask_secret(&format!(
        "{} ({}): ",
        lang.pick(
            "Wachtwoord van het hoofdbureau",
            "Password of the main office"
        ),
        identity.login
    ))?;
    let typed = seal::password::normalise(&password);
    let locked = package
        .get(seal::ceremony::files::OFFICE_KEY)
        .context("office-key.age")?;
    let secret = unlock(locked, &typed).context(lang.pick(
        "het wachtwoord past niet bij het inloggegevensblad van het hoofdbureau",
        "the password does not fit the main office's credential sheet",
    ))?;
    let key = SigningKey::from_secret_bytes(&secret)?;
    // The definition the ceremony signed goes with the result, so that the centre and every
    // verifier read the count against the same election.
    let mut files = files;
    if let Some(definition) = package.get(seal::ceremony::files::ELECTION) {
        files
            .entry(publish::source::ELECTION_FILE.to_string())
            .or_insert_with(|| definition.clone());
    }
    let created = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let package = transmission::build(identity.election, identity.office, &created, files, &key)?;
    let sealed = transmission::seal(&package, &central)?;
    std::fs::write(out, &sealed).with_context(|| out.display().to_string())?;
    Ok(format!(
        "{}: {} ({} {})\n",
        lang.pick(
            "verzegeld voor de centrale autoriteit",
            "sealed for the central authority"
        ),
        out.display(),
        lang.pick("hashcode", "hash code"),
        HashCode::of(&sealed)
    ))
}
