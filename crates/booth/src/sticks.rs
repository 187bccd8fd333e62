//! The ballot box's two mirrored sticks (mounted directories): what is on them and how it is
//! written. Every file is written to a temporary name, synced and renamed, on the first stick
//! and then on the second, and read back; a power cut leaves each stick with either the old or
//! the new file, never half of one.
//!
//! ```text
//! STICK/
//!   packages/<election>/…   the ceremony's package of each election of the day
//!   poll.json, poll.sig     the signed poll (one signature line per election)
//!   poll-key.age            the poll key, locked to the chair's password
//!   ballot-box.bin          the encrypted votes and tally (see `ballot_box`)
//!   results/<election>.json, .sig   written at closing
//!   stick.json              this stick's own identity (the only file that differs between
//!                           the mirrors; the signed poll record names both)
//! ```

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use model::ElectionId;

/// The poll record.
pub const POLL: &str = "poll.json";
/// Its signatures.
pub const POLL_SIGNATURES: &str = "poll.sig";
/// The locked poll key.
pub const POLL_KEY: &str = "poll-key.age";
/// The ballot box.
pub const BALLOT_BOX: &str = "ballot-box.bin";

/// The stick's identity.
pub const STICK_ID: &str = "stick.json";

/// Format of [`STICK_ID`].
pub const STICK_ID_FORMAT: &str = "urna-stick/1";

/// A stick's identity, as written on it when the poll opens.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StickIdentity {
    /// [`STICK_ID_FORMAT`].
    pub format: String,
    /// 32 hex digits, drawn at random when the poll opened.
    pub stick: String,
    /// Which mirror: 1 or 2.
    pub mirror: u8,
}

impl StickIdentity {
    /// The identity among a stick's files, when it has a readable one.
    pub fn of(files: &BTreeMap<String, Vec<u8>>) -> Option<StickIdentity> {
        files
            .get(STICK_ID)
            .and_then(|bytes| serde_json::from_slice::<StickIdentity>(bytes).ok())
            .filter(|id| id.format == STICK_ID_FORMAT)
    }
}

/// The folder of an election's package on the stick.
pub fn package_dir(election: &ElectionId) -> String {
    format!("packages/{election}/")
}

/// The result of an election.
pub fn result_file(election: &ElectionId) -> String {
    format!("results/{election}.json")
}

/// Its signature.
pub fn result_signature(election: &ElectionId) -> String {
    format!("results/{election}.sig")
}

/// Why the sticks cannot be written or read.
#[derive(Debug, thiserror::Error)]
pub enum SticksError {
    /// A file operation failed.
    #[error("{path}: {source}")]
    Io {
        /// Where.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file read back differs from what was written.
    #[error("{0}: what was read back differs from what was written (faulty stick?)")]
    ReadBack(PathBuf),
    /// The two sticks are one.
    #[error("the two sticks must be different folders")]
    SameStick,
    /// A file on a stick that may not be read: a link, a FIFO, a device, or too large.
    #[error("{0}")]
    Read(#[from] bounded::ReadError),
}

/// The two mirrored sticks of a ballot box.
#[derive(Debug)]
pub struct Sticks {
    place: Place,
}

#[derive(Debug)]
enum Place {
    /// Mounted sticks.
    Directories([PathBuf; 2]),
    /// Two sticks held in memory, for simulations and benchmarks that write the final state
    /// out once ([`Sticks::export`]).
    Memory(std::sync::Mutex<[BTreeMap<String, Vec<u8>>; 2]>),
}

impl Sticks {
    /// The sticks at `first` and `second` (mounted directories, created if missing).
    pub fn new(first: &Path, second: &Path) -> Result<Sticks, SticksError> {
        for path in [first, second] {
            fs::create_dir_all(path).map_err(io(path))?;
        }
        let canonical = |path: &Path| fs::canonicalize(path).map_err(io(path));
        if canonical(first)? == canonical(second)? {
            return Err(SticksError::SameStick);
        }
        Ok(Sticks {
            place: Place::Directories([first.to_path_buf(), second.to_path_buf()]),
        })
    }

    /// Two sticks in memory.
    pub fn in_memory() -> Sticks {
        Sticks {
            place: Place::Memory(std::sync::Mutex::new([BTreeMap::new(), BTreeMap::new()])),
        }
    }

    /// Writes the sticks' files to the directories `first` and `second` (in-memory sticks
    /// only; mounted sticks are written as they go).
    pub fn export(&self, first: &Path, second: &Path) -> Result<(), SticksError> {
        let Place::Memory(files) = &self.place else {
            return Ok(());
        };
        let files = files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for (root, stick) in [first, second].into_iter().zip(files.iter()) {
            for (relative, bytes) in stick {
                let path = root.join(relative);
                if let Some(dir) = path.parent() {
                    fs::create_dir_all(dir).map_err(io(dir))?;
                }
                fs::write(&path, bytes).map_err(io(&path))?;
            }
        }
        Ok(())
    }

    /// Writes `bytes` to `relative` on both sticks, atomically on each, and reads it back.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), SticksError> {
        match &self.place {
            Place::Directories(paths) => {
                for root in paths {
                    write_atomically(&root.join(relative), bytes)?;
                }
            }
            Place::Memory(files) => {
                let mut files = files
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                for stick in files.iter_mut() {
                    stick.insert(relative.to_string(), bytes.to_vec());
                }
            }
        }
        Ok(())
    }

    /// Writes a new identity on each stick (a different one on each) and returns both, first
    /// stick first.
    pub fn write_identities(&self) -> Result<[String; 2], SticksError> {
        let ids = [
            seal::hex::encode(&seal::random::bytes::<16>()),
            seal::hex::encode(&seal::random::bytes::<16>()),
        ];
        for (index, id) in ids.iter().enumerate() {
            let identity = StickIdentity {
                format: STICK_ID_FORMAT.into(),
                stick: id.clone(),
                mirror: index as u8 + 1,
            };
            let bytes = serde_json::to_vec_pretty(&identity).unwrap_or_default();
            match &self.place {
                Place::Directories(paths) => {
                    write_atomically(&paths[index].join(STICK_ID), &bytes)?
                }
                Place::Memory(files) => {
                    files
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)[index]
                        .insert(STICK_ID.to_string(), bytes);
                }
            }
        }
        Ok(ids)
    }

    /// Writes several files (e.g. a package) to both sticks.
    pub fn write_all(&self, files: &BTreeMap<String, Vec<u8>>) -> Result<(), SticksError> {
        for (path, bytes) in files {
            self.write(path, bytes)?;
        }
        Ok(())
    }

    /// Removes what a power cut left half-written (`*.partial`): the file it was to replace is
    /// intact beside it. Returns how many were removed.
    pub fn remove_leftovers(&self) -> Result<usize, SticksError> {
        let Place::Directories(paths) = &self.place else {
            return Ok(0);
        };
        let mut removed = 0;
        for root in paths {
            removed += remove_partials(root)?;
        }
        Ok(removed)
    }

    /// `relative` as on each stick (`None` where it is missing).
    pub fn read(&self, relative: &str) -> Result<[Option<Vec<u8>>; 2], SticksError> {
        let paths = match &self.place {
            Place::Directories(paths) => paths,
            Place::Memory(files) => {
                let files = files
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                return Ok([
                    files[0].get(relative).cloned(),
                    files[1].get(relative).cloned(),
                ]);
            }
        };
        let read = |root: &PathBuf| -> Result<Option<Vec<u8>>, SticksError> {
            let path = root.join(relative);
            match bounded::read(&path, seal::stick::LIMITS.file_bytes) {
                Ok(bytes) => Ok(Some(bytes)),
                Err(e) if e.is_not_found() => Ok(None),
                Err(e) => Err(e.into()),
            }
        };
        Ok([read(&paths[0])?, read(&paths[1])?])
    }
}

fn remove_partials(dir: &Path) -> Result<usize, SticksError> {
    let mut removed = 0;
    for entry in fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        if path.is_dir() {
            removed += remove_partials(&path)?;
        } else if path.extension().is_some_and(|e| e == "partial") {
            fs::remove_file(&path).map_err(io(&path))?;
            removed += 1;
        }
    }
    Ok(removed)
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SticksError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(io(dir))?;
    let temporary = path.with_extension("partial");
    {
        let mut file = fs::File::create(&temporary).map_err(io(&temporary))?;
        file.write_all(bytes).map_err(io(&temporary))?;
        file.sync_all().map_err(io(&temporary))?;
    }
    fs::rename(&temporary, path).map_err(io(path))?;
    // The rename itself is durable only once the directory is synced.
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
    if bounded::read(path, seal::stick::LIMITS.file_bytes)? != bytes {
        return Err(SticksError::ReadBack(path.to_path_buf()));
    }
    Ok(())
}

fn io(path: impl AsRef<Path>) -> impl FnOnce(std::io::Error) -> SticksError {
    let path = path.as_ref().to_path_buf();
    move |source| SticksError::Io { path, source }
}
