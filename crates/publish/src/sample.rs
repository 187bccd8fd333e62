//! A publication made from real results, for tests and benchmarks (feature `sample`): three Dutch
//! municipalities (the Electoral Council's EML 510b of Groningen 2022, West Maas en Waal 2022 and
//! Assen 2026), each with its own ceremony, office key and signed result package, and a centre
//! that publishes them in two versions (Groningen first, then all three).
//!
//! Everything a real centre would hold is made for real (keys, ceremony records, packages,
//! signatures); only the times are fixed, so that two runs give the same snapshots but for the
//! keys.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use model::ElectionId;
use seal::ceremony::{Action, Ceremony, PackageEntry, Step};
use seal::package::{ElectionRef, Office, OfficeCode};
use seal::signing::{Signature, SigningKey};

use crate::feed::{self, CeremonyTrust, FeedInput};
use crate::snapshot::{self, Header};
use crate::{Arrival, Registration, Snapshot, SourceMeta};

/// One municipality of the sample: its EML files (paths inside the repository's `fixtures/`)
/// and its CBS code.
#[derive(Debug, Clone, Copy)]
pub struct Municipality {
    /// The election definition (110a).
    pub definition: &'static str,
    /// The candidate lists (230b).
    pub candidates: &'static str,
    /// The count (510b) the municipality sends.
    pub count: &'static str,
    /// CBS municipality code.
    pub code: &'static str,
}

/// The three municipalities.
pub const MUNICIPALITIES: [Municipality; 3] = [
    Municipality {
        definition: "eml/composed/Verkiezingsdefinitie_GR2022_Groningen.composed.eml.xml",
        candidates: "eml/real/Kandidatenlijsten_GR2022_Groningen.eml.xml",
        count: "eml/real/Telling_GR2022_Groningen.eml.xml",
        code: "0014",
    },
    Municipality {
        definition: "eml/composed/Verkiezingsdefinitie_GR2022_WestMaasenWaal.composed.eml.xml",
        candidates: "eml/real/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
        count: "eml/real/Telling_GR2022_WestMaasenWaal.eml.xml",
        code: "0668",
    },
    Municipality {
        definition: "eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml",
        candidates: "eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml",
        count: "eml/real/Telling_GR2026_Assen.eml.xml",
        code: "0106",
    },
];

/// Why the sample could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    /// A fixture file is missing or unreadable.
    #[error("{path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The EML did not import.
    #[error("{file}: {detail}")]
    Import {
        /// The file.
        file: &'static str,
        /// What the importer said.
        detail: String,
    },
    /// A ceremony step or a package could not be made.
    #[error("{0}")]
    Seal(String),
    /// The municipality's code is not in the built-in geography.
    #[error("municipality {0} is not in the geography")]
    Place(&'static str),
    /// No municipality of the sample holds that election.
    #[error("no municipality of the sample holds election {0}")]
    NoSuchElection(ElectionId),
    /// The site did not render.
    #[error("site: {0}")]
    Render(#[from] askama::Error),
}

/// What the sample centre holds: registrations with their ceremonies' trust, the packages that
/// arrived, and its publication key.
#[derive(Debug)]
pub struct Centre {
    /// The registered elections.
    pub registrations: Vec<(Registration, CeremonyTrust)>,
    /// One package per election, in the order of [`MUNICIPALITIES`].
    pub arrivals: Vec<Arrival>,
    /// Each municipality's main office: who it is, its key from the ceremony, and the signed
    /// package it sends (the same as in `arrivals`), in the same order.
    pub offices: Vec<Sender>,
    /// The key the snapshots are signed with.
    pub central: SigningKey,
}

/// A main office that sends its result.
#[derive(Debug)]
pub struct Sender {
    /// The office.
    pub office: Office,
    /// Its key, registered at its election's ceremony.
    pub key: SigningKey,
    /// Its signed result package.
    pub package: seal::package::Package,
}

fn read(fixtures: &Path, relative: &str) -> Result<Vec<u8>, SampleError> {
    let path = fixtures.join(relative);
    std::fs::read(&path).map_err(|source| SampleError::Read { path, source })
}

fn seal_error(error: impl std::fmt::Display) -> SampleError {
    SampleError::Seal(error.to_string())
}

/// The ceremony of one election with only the municipality's main office (HSB), signed by a
/// fresh authority key; the office's key; the package it sends.
fn municipality(
    fixtures: &Path,
    m: &Municipality,
) -> Result<(Registration, CeremonyTrust, Arrival, Sender), SampleError> {
    let definition = read(fixtures, m.definition)?;
    let candidates = read(fixtures, m.candidates)?;
    let election = eml::import_election(
        eml::SourceFile::new(m.definition, &definition),
        eml::SourceFile::new(m.candidates, &candidates),
        None,
    )
    .map_err(|e| SampleError::Import {
        file: m.definition,
        detail: e.to_string(),
    })?;
    let reference = ElectionRef {
        id: election.id.clone(),
        name: election.name.clone(),
    };
    let authority = SigningKey::generate();
    let office_key = SigningKey::generate();
    let office = Office::MainOffice {
        name: election
            .domain
            .as_ref()
            .map_or_else(|| reference.id.to_string(), |d| d.name.clone()),
    };
    // The main office's package from the ceremony, with the definition the result is read
    // against: its manifest's fingerprint goes into the signed record.
    let definition_bytes = serde_json::to_vec_pretty(&election).map_err(seal_error)?;
    let ceremony_package = seal::package::Package::build(
        reference.clone(),
        office.clone(),
        "2022-02-01T10:05:00Z",
        BTreeMap::from([(
            seal::ceremony::files::ELECTION.to_string(),
            definition_bytes.clone(),
        )]),
        &authority,
    )
    .map_err(seal_error)?;
    let ceremony = Ceremony::open(reference.clone())
        .apply(Step {
            number: 1,
            at: "2022-02-01T10:00:00Z".into(),
            actor: "sample".into(),
            action: Action::KeysMade {
                authority: authority.public().fingerprint().to_hex(),
                election_key: "0".repeat(64),
                threshold: 1,
                holders: vec!["A".into()],
            },
        })
        .map_err(seal_error)?
        .apply(Step {
            number: 2,
            at: "2022-02-01T10:05:00Z".into(),
            actor: "sample".into(),
            action: Action::PackagesMade {
                packages: vec![PackageEntry {
                    office: OfficeCode::MainOffice,
                    fingerprint: ceremony_package.fingerprint().to_hex(),
                    office_key: office_key.public().fingerprint().to_hex(),
                }],
                intake_ca: None,
            },
        })
        .map_err(seal_error)?;
    let record = ceremony.record();
    let offices = serde_json::json!([{
        "code": "HSB",
        "office": office,
        "login": "hsb",
        "public_key": office_key.public().to_string(),
        "package": ceremony_package.fingerprint().to_hex(),
    }]);
    let trust = CeremonyTrust {
        authority: format!("{}\n", authority.public()).into_bytes(),
        record: record.to_bytes(),
        record_signature: format!("{}\n", record.sign(&authority)).into_bytes(),
        offices: serde_json::to_vec_pretty(&offices).map_err(seal_error)?,
        main_office_manifest: ceremony_package
            .entries()
            .remove(seal::package::MANIFEST)
            .unwrap_or_default(),
    };
    let place = crate::geography::dutch_municipalities()
        .remove(m.code)
        .ok_or(SampleError::Place(m.code))?;
    let registration = Registration {
        election: reference.id.clone(),
        name: election.name.clone(),
        place,
        office: OfficeCode::MainOffice,
        expected_polling_stations: 0,
        definition: seal::HashCode::of(&definition_bytes).to_hex(),
    };
    let count_name = m.count.rsplit('/').next().unwrap_or(m.count).to_string();
    let files = BTreeMap::from([
        (crate::source::ELECTION_FILE.to_string(), definition_bytes),
        (count_name, read(fixtures, m.count)?),
    ]);
    let package = seal::transmission::build(
        reference.clone(),
        office.clone(),
        "2022-03-17T01:00:00Z",
        files,
        &office_key,
    )
    .map_err(seal_error)?;
    let arrival = Arrival {
        election: reference.id,
        meta: SourceMeta {
            office: OfficeCode::MainOffice,
            version: 1,
            package: package.fingerprint().to_hex(),
            received: "2022-03-17T01:05:00Z".into(),
            newer_versions_for_review: 0,
        },
        files: package.entries(),
    };
    let sender = Sender {
        office,
        key: office_key,
        package,
    };
    Ok((registration, trust, arrival, sender))
}

/// The centre with all three municipalities registered and their packages received;
/// `fixtures` is the repository's `fixtures/` folder.
pub fn centre(fixtures: &Path) -> Result<Centre, SampleError> {
    let mut registrations = Vec::new();
    let mut arrivals = Vec::new();
    let mut offices = Vec::new();
    for m in &MUNICIPALITIES {
        let (registration, trust, arrival, sender) = municipality(fixtures, m)?;
        registrations.push((registration, trust));
        arrivals.push(arrival);
        offices.push(sender);
    }
    Ok(Centre {
        registrations,
        arrivals,
        offices,
        central: SigningKey::generate(),
    })
}

impl Centre {
    fn header(version: u32, previous: Option<String>) -> Header {
        Header {
            round: "GR".into(),
            name: "Gemeenteraadsverkiezingen (voorbeeld)".into(),
            version,
            created: format!("2022-03-17T0{version}:00:00Z"),
            previous,
            software: None,
        }
    }

    /// Version 1 with only the first municipality in, version 2 with all three: the latest
    /// snapshot, and every version signed (oldest first).
    pub fn two_versions(&self) -> (Snapshot, Vec<(Vec<u8>, Signature)>) {
        let registrations: Vec<Registration> =
            self.registrations.iter().map(|(r, _)| r.clone()).collect();
        let first = snapshot::build(Self::header(1, None), &registrations, &self.arrivals[..1]);
        let first_bytes = first.to_bytes();
        let second = snapshot::build(
            Self::header(2, Some(seal::HashCode::of(&first_bytes).to_hex())),
            &registrations,
            &self.arrivals,
        );
        let versions = vec![
            (first_bytes, first.sign(&self.central)),
            (second.to_bytes(), second.sign(&self.central)),
        ];
        (second, versions)
    }

    /// The municipality of `election` sends its package again with `change` made to its files
    /// (decisions added, as `urna result seal` carries them, or a file altered by the sender):
    /// made again and signed with its office's key, in place of the first.
    pub fn resend(
        &mut self,
        election: &ElectionId,
        change: impl FnOnce(&mut BTreeMap<String, Vec<u8>>),
    ) -> Result<(), SampleError> {
        let index = self
            .arrivals
            .iter()
            .position(|a| a.election == *election)
            .ok_or_else(|| SampleError::NoSuchElection(election.clone()))?;
        let sender = &mut self.offices[index];
        let manifest = sender.package.manifest().clone();
        let mut files: BTreeMap<String, Vec<u8>> = manifest
            .files
            .iter()
            .filter_map(|f| Some((f.path.clone(), sender.package.file(&f.path)?.to_vec())))
            .collect();
        change(&mut files);
        let package = seal::transmission::build(
            manifest.election,
            manifest.office,
            &manifest.created,
            files,
            &sender.key,
        )
        .map_err(seal_error)?;
        let arrival = &mut self.arrivals[index];
        arrival.meta.package = package.fingerprint().to_hex();
        arrival.files = package.entries();
        sender.package = package;
        Ok(())
    }

    /// The feed of [`Centre::two_versions`], by path inside `feed/`.
    pub fn feed(&self, versions: &[(Vec<u8>, Signature)]) -> BTreeMap<String, Vec<u8>> {
        feed::files(&FeedInput {
            versions,
            central: &self.central.public(),
            registrations: &self.registrations,
            arrivals: &self.arrivals,
        })
    }

    /// The whole export folder of [`Centre::two_versions`], as `urna publish export` writes it,
    /// with its signed list of files.
    pub fn export(&self) -> Result<BTreeMap<String, Vec<u8>>, SampleError> {
        let (latest, versions) = self.two_versions();
        let mut files = crate::export_files(
            &latest,
            &FeedInput {
                versions: &versions,
                central: &self.central.public(),
                registrations: &self.registrations,
                arrivals: &self.arrivals,
            },
        )?;
        let list = crate::file_list::FileList::of(&files, &latest);
        files.insert(
            crate::file_list::SIGNATURE.to_string(),
            format!("{}\n", list.sign(&self.central)).into_bytes(),
        );
        files.insert(crate::file_list::LIST.to_string(), list.to_bytes());
        Ok(files)
    }
}

/// Where the published outcome of `election` in `snapshot` differs from the Electoral Council's
/// published result `official` (an entry of `fixtures/results/nl/nl-gr2022-all-municipalities-compact.json`:
/// `seats`, and per list in order `votes`, `seats_expected`, `preference_elected`), each named;
/// empty when they agree. An election that is not in is one difference.
pub fn differences_from_published(
    snapshot: &Snapshot,
    election: &ElectionId,
    official: &serde_json::Value,
) -> Vec<String> {
    use crate::snapshot::Outcome;
    let Some(Outcome::In { seats, lists, .. }) = snapshot
        .elections
        .iter()
        .find(|e| e.registration.election == *election)
        .map(|e| &e.outcome)
    else {
        return vec![format!("{election} is not in")];
    };
    let mut differences = Vec::new();
    let mut compare = |what: String, ours: u64, theirs: Option<u64>| {
        if theirs != Some(ours) {
            differences.push(format!("{what}: {ours}, published {theirs:?}"));
        }
    };
    compare(
        "seats".into(),
        u64::from(*seats),
        official["seats"].as_u64(),
    );
    let published = official["lists"].as_array().map_or(&[][..], Vec::as_slice);
    compare(
        "lists".into(),
        lists.len() as u64,
        Some(published.len() as u64),
    );
    for (list, expected) in lists.iter().zip(published) {
        compare(
            format!("{} votes", list.name),
            list.votes,
            expected["votes"].as_u64(),
        );
        compare(
            format!("{} seats", list.name),
            u64::from(list.seats),
            expected["seats_expected"].as_u64(),
        );
        compare(
            format!("{} elected by preference", list.name),
            list.elected.iter().filter(|e| e.by_preference).count() as u64,
            expected["preference_elected"].as_u64(),
        );
        compare(
            format!("{} elected", list.name),
            list.elected.len() as u64,
            Some(u64::from(list.seats)),
        );
    }
    differences
}
