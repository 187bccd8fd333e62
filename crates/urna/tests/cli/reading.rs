//! Attack: files that hang a reader or exhaust its memory, handed to `urna` commands. Before the
//! readers were bounded, a directory loop in a FAT image blew up memory in `urna ceremony
//! verify`, a FIFO or a link to `/dev/zero` hung the reader, and a 3 GiB file was read whole.
//! Now each is refused at once, naming the file, and the command ends with a failure.

use std::time::{Duration, Instant};

use super::*;

/// Runs `command` and fails the test if it has not finished within ten seconds (a reader that
/// hangs must fail here, not hang the test run); the refusal itself takes well under a second.
fn within_seconds(command: &mut Command) -> std::process::Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("still running after 10 s: {command:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn refused(output: &std::process::Output, expected: &[&str]) {
    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    for part in expected {
        assert!(stderr.contains(part), "{part:?} not in {stderr}");
    }
}

#[test]
fn a_directory_loop_in_a_stick_image_is_refused_by_ceremony_verify() {
    let dir = tempfile::tempdir().unwrap();
    let image = dir.path().join("stick.img");
    let files =
        std::collections::BTreeMap::from([("a/b/manifest.json".to_string(), b"{}".to_vec())]);
    seal::stick::write(
        &seal::stick::Target::Image(image.clone()),
        &files,
        &mut |_, _| {},
    )
    .unwrap();
    let mut bytes = std::fs::read(&image).unwrap();
    testkit::fat::loop_directory(&mut bytes, "A          ", "B          ");
    std::fs::write(&image, bytes).unwrap();
    let key = dir.path().join("authority.pub");
    let authority = seal::signing::SigningKey::generate();
    std::fs::write(&key, format!("{}\n", authority.public())).unwrap();
    let output = within_seconds(
        urna(dir.path())
            .args(["ceremony", "verify"])
            .arg(&image)
            .arg("--authority-key")
            .arg(&key),
    );
    refused(
        &output,
        &["stick.img/a/b/b/b", "deeper than 8 levels (or a loop)"],
    );
    // In Dutch, the default.
    let output = within_seconds(
        urna(dir.path())
            .env("URNA_LANG", "nl")
            .args(["ceremony", "verify"])
            .arg(&image)
            .arg("--authority-key")
            .arg(&key),
    );
    refused(&output, &["dieper genest dan 8 niveaus (of een lus)"]);
}

#[test]
fn a_fifo_a_link_to_dev_zero_and_a_3_gib_file_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("definition.eml.xml");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let link = dir.path().join("candidates.eml.xml");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    let huge = dir.path().join("input.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(3 * 1024 * 1024 * 1024)
        .unwrap();

    // `urna hash` on a FIFO: it would wait for a writer forever.
    let output = within_seconds(urna(dir.path()).arg("hash").arg(&fifo));
    refused(
        &output,
        &[
            "definition.eml.xml",
            "a FIFO (named pipe), not a regular file",
        ],
    );

    // An import whose candidate lists are a link to /dev/zero: it would never end.
    let data = dir.path().join("data");
    let output = within_seconds(
        urna(&data)
            .args(["election", "import", "--definition"])
            .arg(fixture_path(TEST_110A))
            .arg("--candidates")
            .arg(&link)
            .args(["--definition-hash", &hash(TEST_110A)])
            .args(["--candidates-hash", &"0".repeat(64)]),
    );
    refused(&output, &["candidates.eml.xml", "a symbolic link"]);

    // An apportionment input of 3 GiB: refused from its size, not read.
    let output = within_seconds(urna(dir.path()).args(["apportion", "--input"]).arg(&huge));
    refused(
        &output,
        &[
            "input.json",
            "3221225472 bytes, more than the 67108864 bytes",
        ],
    );
}
