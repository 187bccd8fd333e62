//! Writing a package to a USB stick and reading it back: to a directory (a mounted stick) or to
//! a raw FAT32 disk image, which `dd` copies onto a real stick as it is.
//!
//! The image is a FAT32 file system without a partition table (a "superfloppy"), which Linux,
//! Windows and macOS all mount. Nothing on a target is overwritten: a directory must be empty or
//! new, an image file must not exist yet.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::package::allowed_path;

/// Smallest image made: FAT32 needs at least 65,525 clusters, and real sticks are larger anyway.
pub const MIN_IMAGE_BYTES: u64 = 64 * 1024 * 1024;

/// What is read from a stick at most: no package nests deeper than [`allowed_path`] allows,
/// none has thousands of files, and the largest file a package carries is a sealed result
/// ([`crate::transmission::MAX_SEALED_BYTES`]). The total keeps a reader within 256 MB of memory.
pub const LIMITS: bounded::TreeLimits = bounded::TreeLimits {
    depth: 8,
    entries: 10_000,
    file_bytes: crate::transmission::MAX_SEALED_BYTES as u64,
    total_bytes: 192 * bounded::MIB,
};
/// Volume label of the images.
const LABEL: [u8; 11] = *b"URNA       ";

/// Where a copy goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A directory, e.g. a mounted stick.
    Directory(PathBuf),
    /// A FAT32 disk-image file (`*.img`).
    Image(PathBuf),
}

impl Target {
    /// A path ending in `.img` is an image, anything else a directory.
    pub fn from_path(path: &Path) -> Target {
        if path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("img"))
        {
            Target::Image(path.to_path_buf())
        } else {
            Target::Directory(path.to_path_buf())
        }
    }

    /// The path.
    pub fn path(&self) -> &Path {
        match self {
            Target::Directory(path) | Target::Image(path) => path,
        }
    }
}

/// Why writing or reading a stick failed.
#[derive(Debug, thiserror::Error)]
pub enum StickError {
    /// The target already holds data.
    #[error("{0}: not empty; Urna writes only to an empty directory or a new image file")]
    NotEmpty(PathBuf),
    /// The target does not exist.
    #[error("{0}: not found")]
    NotFound(PathBuf),
    /// A file that may not be read: a link, a FIFO or a device, too large, too deep, too many.
    #[error("{0}")]
    Read(#[from] bounded::ReadError),
    /// A name on the stick that a package cannot hold.
    #[error("{0:?}: a file name that no package has")]
    BadName(String),
    /// Reading or writing failed.
    #[error("{path}: {error}")]
    Io {
        /// The file or target.
        path: String,
        /// What the OS said.
        error: std::io::Error,
    },
}

fn io(path: impl AsRef<Path>) -> impl FnOnce(std::io::Error) -> StickError {
    let path = path.as_ref().display().to_string();
    move |error| StickError::Io { path, error }
}

/// The size of the image for `entries`: at least [`MIN_IMAGE_BYTES`], and room for the files
/// twice over, in whole MiB.
pub fn image_size(entries: &BTreeMap<String, Vec<u8>>) -> u64 {
    let files: u64 = entries
        .values()
        .map(|bytes| bytes.len() as u64 + 4096)
        .sum();
    let mib = 1024 * 1024;
    (2 * files)
        .div_ceil(mib)
        .saturating_mul(mib)
        .max(MIN_IMAGE_BYTES)
}

/// Writes `entries` to `target`. `progress` is called with the bytes written so far and the total.
pub fn write(
    target: &Target,
    entries: &BTreeMap<String, Vec<u8>>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(), StickError> {
    for path in entries.keys() {
        if !allowed_path(path) {
            return Err(StickError::BadName(path.clone()));
        }
    }
    let total: u64 = entries.values().map(|bytes| bytes.len() as u64).sum();
    match target {
        Target::Directory(root) => write_directory(root, entries, total, progress),
        Target::Image(file) => write_image(file, entries, total, progress),
    }
}

fn write_directory(
    root: &Path,
    entries: &BTreeMap<String, Vec<u8>>,
    total: u64,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(), StickError> {
    if root.exists() {
        let mut listing = fs::read_dir(root).map_err(io(root))?;
        if listing.next().is_some() {
            return Err(StickError::NotEmpty(root.to_path_buf()));
        }
    }
    fs::create_dir_all(root).map_err(io(root))?;
    let mut written = 0;
    for (path, bytes) in entries {
        let file_path = root.join(path);
        if let Some(parent) = file_path.parent() {
            fs::create_dir_all(parent).map_err(io(parent))?;
        }
        let mut file = fs::File::create_new(&file_path).map_err(io(&file_path))?;
        file.write_all(bytes).map_err(io(&file_path))?;
        // On the stick before "written" is claimed: the read-back must read the medium's data.
        file.sync_all().map_err(io(&file_path))?;
        written += bytes.len() as u64;
        progress(written, total);
    }
    Ok(())
}

fn write_image(
    path: &Path,
    entries: &BTreeMap<String, Vec<u8>>,
    total: u64,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(), StickError> {
    let mut file = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|error| {
            if error.kind() == std::io::ErrorKind::AlreadyExists {
                StickError::NotEmpty(path.to_path_buf())
            } else {
                io(path)(error)
            }
        })?;
    file.set_len(image_size(entries)).map_err(io(path))?;
    fatfs::format_volume(
        &mut file,
        fatfs::FormatVolumeOptions::new()
            .fat_type(fatfs::FatType::Fat32)
            .volume_label(LABEL),
    )
    .map_err(io(path))?;
    file.seek(SeekFrom::Start(0)).map_err(io(path))?;
    {
        let fs = fatfs::FileSystem::new(&mut file, fatfs::FsOptions::new()).map_err(io(path))?;
        let mut written = 0;
        for (name, bytes) in entries {
            let root = fs.root_dir();
            let parts: Vec<&str> = name.split('/').collect();
            let (file_name, dirs) = parts.split_last().unwrap_or((&"", &[]));
            let mut dir = root;
            for part in dirs {
                dir = match dir.open_dir(part) {
                    Ok(existing) => existing,
                    Err(_) => dir.create_dir(part).map_err(io(name))?,
                };
            }
            let mut out = dir.create_file(file_name).map_err(io(name))?;
            out.truncate().map_err(io(name))?;
            out.write_all(bytes).map_err(io(name))?;
            out.flush().map_err(io(name))?;
            written += bytes.len() as u64;
            progress(written, total);
        }
        fs.unmount().map_err(io(path))?;
    }
    file.sync_all().map_err(io(path))?;
    Ok(())
}

/// Reads every file on `target`, by path, within [`LIMITS`]: a link, FIFO or device on the
/// stick, a directory loop in an image, or a file larger than a package can hold is refused by
/// name, before it is read.
pub fn read(target: &Target) -> Result<BTreeMap<String, Vec<u8>>, StickError> {
    let path = target.path();
    if !path.exists() {
        return Err(StickError::NotFound(path.to_path_buf()));
    }
    let entries = match target {
        Target::Directory(root) => bounded::walk(root, LIMITS)?,
        Target::Image(image) => {
            // Opened as a file: a link to a device, or a FIFO, is refused here.
            let opened = bounded::open(image, u64::MAX)?;
            let fs =
                fatfs::FileSystem::new(opened.file, fatfs::FsOptions::new()).map_err(io(image))?;
            let mut walk = FatWalk {
                image,
                entries: BTreeMap::new(),
                count: 0,
                total: 0,
            };
            walk.directory(&fs.root_dir(), "", 0)?;
            walk.entries
        }
    };
    if let Some(bad) = entries.keys().find(|name| !allowed_path(name)) {
        return Err(StickError::BadName(bad.clone()));
    }
    Ok(entries)
}

/// Reading a FAT image's tree within [`LIMITS`]. An image is data, not a file system the kernel
/// checked: a directory entry may point back at its parent (a loop) and a cluster chain may
/// never end, so depth, entries and sizes are all counted.
struct FatWalk<'a> {
    image: &'a Path,
    entries: BTreeMap<String, Vec<u8>>,
    count: usize,
    total: u64,
}

impl FatWalk<'_> {
    fn directory<T: fatfs::ReadWriteSeek>(
        &mut self,
        dir: &fatfs::Dir<'_, T>,
        prefix: &str,
        depth: usize,
    ) -> Result<(), StickError> {
        let here = || self.image.join(prefix.trim_end_matches('/'));
        if depth > LIMITS.depth {
            return Err(bounded::ReadError::TooDeep {
                path: here(),
                max: LIMITS.depth,
            }
            .into());
        }
        for item in dir.iter() {
            let item = item.map_err(io(here()))?;
            let name = item.file_name();
            if name == "." || name == ".." {
                continue;
            }
            self.count += 1;
            if self.count > LIMITS.entries {
                return Err(bounded::ReadError::TooManyEntries {
                    path: self.image.to_path_buf(),
                    max: LIMITS.entries,
                }
                .into());
            }
            let relative = format!("{prefix}{name}");
            if item.is_dir() {
                self.directory(&item.to_dir(), &format!("{relative}/"), depth + 1)?;
                continue;
            }
            let path = self.image.join(&relative);
            let size = item.len();
            let max = LIMITS.file_bytes.min(LIMITS.total_bytes - self.total);
            if size > max {
                return Err(bounded::ReadError::TooLarge { path, size, max }.into());
            }
            self.total += size;
            let bytes = bounded::read_exactly(&path, item.to_file(), size)?;
            self.entries.insert(relative, bytes);
        }
        Ok(())
    }
}

/// The paths whose bytes differ between what was written and what was read back (missing on
/// either side included).
pub fn differences(
    written: &BTreeMap<String, Vec<u8>>,
    read_back: &BTreeMap<String, Vec<u8>>,
) -> Vec<String> {
    let paths: std::collections::BTreeSet<&String> = written
        .keys()
        .chain(read_back.keys())
        .filter(|path| written.get(*path) != read_back.get(*path))
        .collect();
    paths.into_iter().cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> BTreeMap<String, Vec<u8>> {
        BTreeMap::from([
            ("manifest.json".to_string(), b"{}".to_vec()),
            ("keys/office-key.age".to_string(), vec![7; 5000]),
            ("a-rather-long-file-name.json".to_string(), vec![1, 2, 3]),
        ])
    }

    #[test]
    fn a_directory_copy_reads_back_identically_and_is_never_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = Target::from_path(&dir.path().join("stick"));
        let mut calls = Vec::new();
        write(&target, &sample(), &mut |done, total| {
            calls.push((done, total))
        })
        .expect("write");
        assert_eq!(calls.last(), Some(&(5005, 5005)));
        assert_eq!(read(&target).expect("read"), sample());
        assert!(matches!(
            write(&target, &sample(), &mut |_, _| {}),
            Err(StickError::NotEmpty(_))
        ));
    }

    #[test]
    fn an_image_copy_is_fat32_and_reads_back_identically() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("stick.img");
        let target = Target::from_path(&path);
        assert!(matches!(target, Target::Image(_)));
        write(&target, &sample(), &mut |_, _| {}).expect("write");
        assert_eq!(fs::metadata(&path).expect("meta").len(), MIN_IMAGE_BYTES);
        let file = fs::File::open(&path).expect("open");
        let volume = fatfs::FileSystem::new(file, fatfs::FsOptions::new()).expect("mount");
        assert_eq!(volume.fat_type(), fatfs::FatType::Fat32);
        assert_eq!(volume.volume_label(), "URNA");
        drop(volume);
        assert_eq!(read(&target).expect("read"), sample());
        assert!(matches!(
            write(&target, &sample(), &mut |_, _| {}),
            Err(StickError::NotEmpty(_))
        ));
    }

    fn image_with(dir: &Path, files: &[(&str, &[u8])]) -> (PathBuf, Vec<u8>) {
        let path = dir.join("stick.img");
        let entries = files
            .iter()
            .map(|(name, bytes)| (name.to_string(), bytes.to_vec()))
            .collect();
        write(&Target::Image(path.clone()), &entries, &mut |_, _| {}).expect("write");
        let bytes = fs::read(&path).expect("image");
        (path, bytes)
    }

    /// Attack: a directory of an image that points back at its parent. Followed without a
    /// bound, reading it never ends and memory grows with every level.
    #[test]
    fn a_directory_loop_in_an_image_is_refused_by_depth() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (path, mut image) = image_with(dir.path(), &[("a/b/state.json", b"{}")]);
        // a/b := a: a/b is a again, and a/b/b, and so on.
        testkit::fat::loop_directory(&mut image, "A          ", "B          ");
        fs::write(&path, &image).expect("tamper");
        let started = std::time::Instant::now();
        let error = read(&Target::Image(path.clone())).expect_err("a loop");
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert!(
            matches!(
                &error,
                StickError::Read(bounded::ReadError::TooDeep { max: 8, .. })
            ),
            "{error:?}"
        );
        assert!(error.to_string().contains("stick.img/a/b/b/b"), "{error}");
    }

    /// Attack: a file whose directory entry claims 4 GiB. Refused from the entry, unread.
    #[test]
    fn a_file_in_an_image_that_claims_4_gib_is_refused_unread() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (path, mut image) = image_with(dir.path(), &[("state.bin", b"{}")]);
        testkit::fat::declare_length(&mut image, "STATE   BIN", u32::MAX);
        fs::write(&path, &image).expect("tamper");
        let error = read(&Target::Image(path)).expect_err("too large");
        assert!(
            matches!(
                &error,
                StickError::Read(bounded::ReadError::TooLarge { size, .. }) if *size == u64::from(u32::MAX)
            ),
            "{error:?}"
        );
        assert!(error.to_string().contains("state.bin"), "{error}");
    }

    /// Attack: a link to `/dev/zero` on a mounted stick, or the image given as a FIFO.
    #[cfg(unix)]
    #[test]
    fn a_link_on_a_stick_and_an_image_that_is_a_fifo_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let stick = dir.path().join("stick");
        write(&Target::Directory(stick.clone()), &sample(), &mut |_, _| {}).expect("write");
        std::os::unix::fs::symlink("/dev/zero", stick.join("ballots.bin")).expect("link");
        let error = read(&Target::Directory(stick)).expect_err("a link");
        assert!(
            error.to_string().contains("ballots.bin: a symbolic link"),
            "{error}"
        );

        let fifo = dir.path().join("stick.img");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = send.send(
                read(&Target::Image(fifo))
                    .map(|_| ())
                    .map_err(|e| e.to_string()),
            );
        });
        let answer = receive
            .recv_timeout(std::time::Duration::from_secs(1))
            .expect("an answer within a second");
        assert!(answer.expect_err("a FIFO").contains("FIFO"));
    }

    #[test]
    fn differences_name_each_differing_path() {
        let mut other = sample();
        other.insert("keys/office-key.age".into(), vec![8; 5000]);
        other.remove("manifest.json");
        other.insert("zzz".into(), vec![]);
        assert_eq!(
            differences(&sample(), &other),
            vec!["keys/office-key.age", "manifest.json", "zzz"]
        );
    }
}
