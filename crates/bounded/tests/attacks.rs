//! The files an attacker can put where Urna reads (on a stick, in a folder it is given): each is
//! refused by name, at once, in bounded memory. Before `bounded`, a link to `/dev/zero` or a
//! FIFO hung the stick reader and a 3 GiB sealed file was read whole into memory.

// A failed setup is a failed test.
#![allow(clippy::unwrap_used)]
#![cfg(unix)]

use std::path::Path;
use std::time::{Duration, Instant};

use bounded::{Kind, MIB, ReadError, TreeLimits};

const LIMITS: TreeLimits = TreeLimits {
    depth: 8,
    entries: 1_000,
    file_bytes: 64 * MIB,
    total_bytes: 128 * MIB,
};

/// Runs `read` on another thread and fails the test if it has not returned within a second: a
/// reader that hangs must fail here, not hang the test run.
fn within_a_second<T: Send + 'static>(read: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(read());
    });
    receive
        .recv_timeout(Duration::from_secs(1))
        .expect("the reader answered within a second")
}

fn refused_as(result: Result<Vec<u8>, ReadError>, path: &Path, expected: Kind) {
    match result {
        Err(ReadError::NotAFile { path: named, kind }) => {
            assert_eq!(kind, expected);
            assert_eq!(named, path);
        }
        other => panic!("{}: {other:?}", path.display()),
    }
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success());
}

/// The peak resident memory of this process so far, in bytes (Linux).
fn peak_memory() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

#[test]
fn a_link_to_dev_zero_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("ballots.bin");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    let path = link.clone();
    let result = within_a_second(move || bounded::read(&path, 64 * MIB));
    refused_as(result, &link, Kind::SymbolicLink);
    // The message names the file and says what it is.
    let message = bounded::read(&link, 64 * MIB).unwrap_err().to_string();
    assert!(
        message.contains("ballots.bin") && message.contains("symbolic link"),
        "{message}"
    );
}

#[test]
fn a_fifo_is_refused_at_once_without_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("state.json");
    mkfifo(&fifo);
    let path = fifo.clone();
    let result = within_a_second(move || bounded::read(&path, 64 * MIB));
    refused_as(result, &fifo, Kind::Fifo);
}

#[test]
fn a_device_and_a_directory_are_refused() {
    refused_as(
        within_a_second(|| bounded::read(Path::new("/dev/zero"), 64 * MIB)),
        Path::new("/dev/zero"),
        Kind::CharacterDevice,
    );
    let dir = tempfile::tempdir().unwrap();
    refused_as(
        bounded::read(dir.path(), 64 * MIB),
        dir.path(),
        Kind::Directory,
    );
}

#[test]
fn a_3_gib_file_is_refused_from_its_size_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("sealed.urna-result");
    // Sparse: 3 GiB long, no disk used.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(3 * 1024 * MIB)
        .unwrap();
    let before = peak_memory();
    let started = Instant::now();
    let error = bounded::read(&huge, 256 * MIB).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(
        matches!(error, ReadError::TooLarge { size, max, .. } if size == 3 * 1024 * MIB && max == 256 * MIB),
        "{error:?}"
    );
    assert!(error.to_string().contains("sealed.urna-result"));
    assert!(peak_memory() - before < 256 * MIB);
}

#[test]
fn a_file_of_exactly_the_limit_is_read_and_one_byte_more_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, vec![7u8; 1000]).unwrap();
    assert_eq!(bounded::read(&file, 1000).unwrap().len(), 1000);
    assert!(matches!(
        bounded::read(&file, 999),
        Err(ReadError::TooLarge {
            size: 1000,
            max: 999,
            ..
        })
    ));
}

#[test]
fn a_reader_that_holds_more_than_it_declared_is_refused() {
    let error = bounded::read_exactly(Path::new("entry"), &b"twelve bytes"[..], 5).unwrap_err();
    assert!(matches!(error, ReadError::Changed { .. }), "{error:?}");
    let error = bounded::read_exactly(Path::new("entry"), &b"four"[..], 5).unwrap_err();
    assert!(matches!(error, ReadError::Changed { .. }), "{error:?}");
}

#[test]
fn a_tree_reads_its_files_and_refuses_links_fifos_and_loops() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("stick");
    std::fs::create_dir_all(root.join("ballots")).unwrap();
    std::fs::write(root.join("manifest.json"), b"{}").unwrap();
    std::fs::write(root.join("ballots/a.bin"), b"a").unwrap();
    let files = bounded::walk(&root, LIMITS).unwrap();
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        ["ballots/a.bin", "manifest.json"]
    );

    // A link to a directory above: a loop, refused as a link (never followed).
    let up = root.join("ballots/up");
    std::os::unix::fs::symlink("..", &up).unwrap();
    let error = within_a_second({
        let root = root.clone();
        move || bounded::walk(&root, LIMITS)
    })
    .unwrap_err();
    assert!(
        matches!(&error, ReadError::NotAFile { path, kind: Kind::SymbolicLink } if *path == up),
        "{error:?}"
    );
    std::fs::remove_file(&up).unwrap();

    // A FIFO in the tree.
    let fifo = root.join("ballots/b.bin");
    mkfifo(&fifo);
    let error = within_a_second({
        let root = root.clone();
        move || bounded::walk(&root, LIMITS)
    })
    .unwrap_err();
    assert!(
        matches!(&error, ReadError::NotAFile { path, kind: Kind::Fifo } if *path == fifo),
        "{error:?}"
    );
}

#[test]
fn a_tree_too_deep_too_wide_or_too_large_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("deep");
    let mut path = deep.clone();
    for level in 0..12 {
        path = path.join(format!("d{level}"));
    }
    std::fs::create_dir_all(&path).unwrap();
    assert!(matches!(
        bounded::walk(&deep, LIMITS),
        Err(ReadError::TooDeep { max: 8, .. })
    ));

    let wide = dir.path().join("wide");
    std::fs::create_dir_all(&wide).unwrap();
    for n in 0..20 {
        std::fs::write(wide.join(format!("f{n}")), [0u8; 100]).unwrap();
    }
    let few = TreeLimits {
        entries: 10,
        ..LIMITS
    };
    assert!(matches!(
        bounded::walk(&wide, few),
        Err(ReadError::TooManyEntries { max: 10, .. })
    ));
    let small = TreeLimits {
        total_bytes: 1_000,
        ..LIMITS
    };
    assert!(matches!(
        bounded::walk(&wide, small),
        Err(ReadError::TooLarge { max: 1_000, .. })
    ));
}
