//! Reading files that come from outside the machine (a stick, a disk image, a package, a sealed
//! result, a picture folder) so that no file can hang the reader or exhaust its memory.
//!
//! - Only regular files are read. A symbolic link, a FIFO, a device, a socket or a directory
//!   where a file was expected is refused by name ([`ReadError::NotAFile`]): a link to
//!   `/dev/zero` would never end, a FIFO would block forever.
//! - On Unix the file is opened without following a final link (`O_NOFOLLOW`) and without
//!   waiting (`O_NONBLOCK`), and its type is checked on the opened handle, so that swapping the
//!   file for a FIFO between a check and the open does not hang either.
//! - Every read has a limit. A file larger than its limit is refused from its size before a
//!   byte is read (a 3 GiB file costs nothing), and a file that grows while it is read is refused
//!   when it passes its declared size.
//!
//! [`walk`] lists a directory tree the same way: links and special files refused, a depth and
//! a number of entries that end a loop.

#![forbid(unsafe_code)]

use std::fmt;
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};

use messages::{Language, t};

/// One mebibyte, for writing limits.
pub const MIB: u64 = 1024 * 1024;

/// What a path is, when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A symbolic link.
    SymbolicLink,
    /// A directory.
    Directory,
    /// A FIFO (named pipe).
    Fifo,
    /// A socket.
    Socket,
    /// A character device (`/dev/zero`, a terminal).
    CharacterDevice,
    /// A block device (a disk).
    BlockDevice,
    /// Anything else that is not a regular file.
    Other,
}

impl Kind {
    /// What it is, in `lang`.
    pub fn name(self, lang: Language) -> String {
        match self {
            Kind::SymbolicLink => t!(lang, "read-kind-symbolic-link"),
            Kind::Directory => t!(lang, "read-kind-directory"),
            Kind::Fifo => t!(lang, "read-kind-fifo"),
            Kind::Socket => t!(lang, "read-kind-socket"),
            Kind::CharacterDevice => t!(lang, "read-kind-character-device"),
            Kind::BlockDevice => t!(lang, "read-kind-block-device"),
            Kind::Other => t!(lang, "read-kind-other"),
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::SymbolicLink => "a symbolic link",
            Kind::Directory => "a directory",
            Kind::Fifo => "a FIFO (named pipe)",
            Kind::Socket => "a socket",
            Kind::CharacterDevice => "a character device",
            Kind::BlockDevice => "a block device",
            Kind::Other => "not a regular file",
        })
    }
}

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Not a regular file.
    #[error("{path}: {kind}, not a regular file; refused")]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is.
        kind: Kind,
    },
    /// Larger than its limit.
    #[error("{path}: {size} bytes, more than the {max} bytes such a file may have; refused")]
    TooLarge {
        /// The path.
        path: PathBuf,
        /// Its size (or the bytes read before the limit was passed).
        size: u64,
        /// The limit.
        max: u64,
    },
    /// It grew or shrank while it was read.
    #[error("{path}: changed while it was read; refused")]
    Changed {
        /// The path.
        path: PathBuf,
    },
    /// A directory tree deeper than allowed, or one that loops.
    #[error("{path}: directories nested deeper than {max} levels (or a loop); refused")]
    TooDeep {
        /// The directory where the limit was passed.
        path: PathBuf,
        /// The limit.
        max: usize,
    },
    /// More entries in a tree than allowed.
    #[error("{path}: more than {max} files and directories; refused")]
    TooManyEntries {
        /// The tree.
        path: PathBuf,
        /// The limit.
        max: usize,
    },
    /// Not UTF-8 text where text was expected.
    #[error("{path}: not UTF-8 text")]
    NotText {
        /// The path.
        path: PathBuf,
    },
    /// The operating system could not open or read it.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

impl ReadError {
    /// The file or directory the error is about.
    pub fn path(&self) -> &Path {
        match self {
            ReadError::NotAFile { path, .. }
            | ReadError::TooLarge { path, .. }
            | ReadError::Changed { path }
            | ReadError::TooDeep { path, .. }
            | ReadError::TooManyEntries { path, .. }
            | ReadError::NotText { path }
            | ReadError::Io { path, .. } => path,
        }
    }

    /// Whether the file was not there at all.
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
    }
}

impl ReadError {
    /// The reason, in `lang`, naming the file.
    pub fn message(&self, lang: Language) -> String {
        let path = self.path().display().to_string();
        match self {
            ReadError::NotAFile { kind, .. } => {
                t!(lang, "read-not-a-file", path = path, kind = kind.name(lang))
            }
            ReadError::TooLarge { size, max, .. } => {
                t!(
                    lang,
                    "read-too-large",
                    path = path,
                    size = *size,
                    max = *max
                )
            }
            ReadError::Changed { .. } => t!(lang, "read-changed", path = path),
            ReadError::TooDeep { max, .. } => t!(lang, "read-too-deep", path = path, max = *max),
            ReadError::TooManyEntries { max, .. } => {
                t!(lang, "read-too-many", path = path, max = *max)
            }
            ReadError::NotText { .. } => t!(lang, "read-not-text", path = path),
            ReadError::Io { source, .. } => {
                t!(
                    lang,
                    "read-io",
                    path = path,
                    detail = io_error_text(lang, source)
                )
            }
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ReadError + '_ {
    move |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What `metadata` (of a path itself, not what a link points to) describes, unless it is a
/// regular file.
pub fn kind_of(metadata: &Metadata) -> Option<Kind> {
    let file_type = metadata.file_type();
    if file_type.is_file() {
        return None;
    }
    if file_type.is_symlink() {
        return Some(Kind::SymbolicLink);
    }
    if file_type.is_dir() {
        return Some(Kind::Directory);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some(Kind::Fifo);
        }
        if file_type.is_socket() {
            return Some(Kind::Socket);
        }
        if file_type.is_char_device() {
            return Some(Kind::CharacterDevice);
        }
        if file_type.is_block_device() {
            return Some(Kind::BlockDevice);
        }
    }
    Some(Kind::Other)
}

/// A regular file opened for reading, and its size when opened.
#[derive(Debug)]
pub struct Opened {
    /// The open file.
    pub file: File,
    /// Its size in bytes.
    pub size: u64,
}

/// Opens `path` for reading if it is a regular file (not a link to one) of at most `max` bytes.
pub fn open(path: &Path, max: u64) -> Result<Opened, ReadError> {
    let file = open_no_follow(path)?;
    let metadata = file.metadata().map_err(io(path))?;
    if let Some(kind) = kind_of(&metadata) {
        return Err(ReadError::NotAFile {
            path: path.to_path_buf(),
            kind,
        });
    }
    let size = metadata.len();
    if size > max {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            size,
            max,
        });
    }
    Ok(Opened { file, size })
}

#[cfg(unix)]
fn open_no_follow(path: &Path) -> Result<File, ReadError> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(|source| {
            // O_NOFOLLOW on a link: ELOOP.
            if source.raw_os_error() == Some(libc::ELOOP) {
                ReadError::NotAFile {
                    path: path.to_path_buf(),
                    kind: Kind::SymbolicLink,
                }
            } else {
                io(path)(source)
            }
        })
}

#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> Result<File, ReadError> {
    let metadata = std::fs::symlink_metadata(path).map_err(io(path))?;
    if let Some(kind) = kind_of(&metadata) {
        return Err(ReadError::NotAFile {
            path: path.to_path_buf(),
            kind,
        });
    }
    File::open(path).map_err(io(path))
}

/// The bytes of the regular file `path`, at most `max` of them.
pub fn read(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let Opened { file, size } = open(path, max)?;
    read_exactly(path, file, size)
}

/// The text of the regular file `path` (UTF-8), at most `max` bytes of it.
pub fn read_to_string(path: &Path, max: u64) -> Result<String, ReadError> {
    String::from_utf8(read(path, max)?).map_err(|_| ReadError::NotText {
        path: path.to_path_buf(),
    })
}

/// Reads `size` bytes from `reader`, which said it holds that many (a file's size, a directory
/// entry's length): never more, and an error when it holds more or fewer.
pub fn read_exactly(path: &Path, reader: impl Read, size: u64) -> Result<Vec<u8>, ReadError> {
    // The capacity is what the file declared, which its limit already bounded.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    reader
        .take(size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io(path))?;
    if bytes.len() as u64 != size {
        return Err(ReadError::Changed {
            path: path.to_path_buf(),
        });
    }
    Ok(bytes)
}

/// The limits of a [`walk`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeLimits {
    /// Most directories nested below the root.
    pub depth: usize,
    /// Most entries (files and directories) in the whole tree.
    pub entries: usize,
    /// Largest file.
    pub file_bytes: u64,
    /// Largest sum of all files.
    pub total_bytes: u64,
}

/// Every regular file under `root`, by its path relative to `root` with `/` between names, in
/// sorted order, read within `limits`. A link, FIFO, device or socket anywhere is refused by
/// name; so is a tree deeper or larger than the limits.
pub fn walk(
    root: &Path,
    limits: TreeLimits,
) -> Result<std::collections::BTreeMap<String, Vec<u8>>, ReadError> {
    let metadata = std::fs::symlink_metadata(root).map_err(io(root))?;
    if !metadata.is_dir() {
        return Err(ReadError::NotAFile {
            path: root.to_path_buf(),
            kind: kind_of(&metadata).unwrap_or(Kind::Other),
        });
    }
    let mut walk = Walk {
        root,
        limits,
        entries: 0,
        total: 0,
        files: std::collections::BTreeMap::new(),
    };
    walk.directory(root, "", 0)?;
    Ok(walk.files)
}

struct Walk<'a> {
    root: &'a Path,
    limits: TreeLimits,
    entries: usize,
    total: u64,
    files: std::collections::BTreeMap<String, Vec<u8>>,
}

impl Walk<'_> {
    fn directory(&mut self, dir: &Path, prefix: &str, depth: usize) -> Result<(), ReadError> {
        if depth > self.limits.depth {
            return Err(ReadError::TooDeep {
                path: dir.to_path_buf(),
                max: self.limits.depth,
            });
        }
        for item in std::fs::read_dir(dir).map_err(io(dir))? {
            let item = item.map_err(io(dir))?;
            self.entries += 1;
            if self.entries > self.limits.entries {
                return Err(ReadError::TooManyEntries {
                    path: self.root.to_path_buf(),
                    max: self.limits.entries,
                });
            }
            let path = item.path();
            let relative = format!("{prefix}{}", item.file_name().to_string_lossy());
            // The entry's own type: a link is a link, not what it points to.
            let file_type = item.file_type().map_err(io(&path))?;
            if file_type.is_dir() {
                self.directory(&path, &format!("{relative}/"), depth + 1)?;
                continue;
            }
            let remaining = self.limits.total_bytes.saturating_sub(self.total);
            let Opened { file, size } = open(&path, self.limits.file_bytes)?;
            if size > remaining {
                return Err(ReadError::TooLarge {
                    path: path.clone(),
                    size: self.total.saturating_add(size),
                    max: self.limits.total_bytes,
                });
            }
            self.total += size;
            let bytes = read_exactly(&path, file, size)?;
            self.files.insert(relative, bytes);
        }
        Ok(())
    }
}

/// A file error of the system in `lang`, so that a message in Dutch does not carry the system's
/// English ("No such file or directory") inside it; kinds without words of their own keep the
/// system's text.
pub fn io_error_text(lang: Language, error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let id = match error.kind() {
        ErrorKind::NotFound => "io-not-found",
        ErrorKind::PermissionDenied => "io-permission-denied",
        ErrorKind::AlreadyExists => "io-already-exists",
        ErrorKind::IsADirectory => "io-is-a-directory",
        ErrorKind::NotADirectory => "io-not-a-directory",
        ErrorKind::DirectoryNotEmpty => "io-directory-not-empty",
        ErrorKind::StorageFull => "io-storage-full",
        ErrorKind::ReadOnlyFilesystem => "io-read-only",
        ErrorKind::UnexpectedEof => "io-unexpected-end",
        _ => return error.to_string(),
    };
    lang.text(id)
}
