//! `urna --version` says which software runs: the version, the source commit, the build's
//! timestamp, and the hash code of the executable itself, which an official compares with the
//! certified one.

use super::*;

#[test]
fn the_version_names_the_commit_the_build_time_and_the_hash_code_of_the_executable() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(urna(&dir.path().join("data")).args(["--lang", "en", "--version"]));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], format!("urna {}", env!("CARGO_PKG_VERSION")));

    // The hash code of the very file that ran, in the 16 groups of 4 officials compare.
    let binary = std::fs::read(env!("CARGO_BIN_EXE_urna")).unwrap();
    let expected = HashCode::of(&binary).to_string();
    assert_eq!(expected.split(' ').count(), 16);
    assert_eq!(
        lines[3],
        format!("hash code of this program (SHA-256): {expected}")
    );

    // The commit the source is at, when built from a git checkout.
    let commit = lines[1].strip_prefix("source (commit): ").unwrap();
    if let Ok(head) = Command::new("git").args(["rev-parse", "HEAD"]).output()
        && head.status.success()
    {
        assert_eq!(commit, text(&head.stdout).trim());
    }
    // Built at the commit's time (or SOURCE_DATE_EPOCH), never the build machine's clock.
    let built = lines[2].strip_prefix("built: ").unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(built).is_ok(),
        "{built}"
    );

    // In Dutch too, and nothing was created.
    let dutch = text(&run(urna(&dir.path().join("data")).args(["--lang", "nl", "-V"])).stdout);
    assert!(
        dutch.contains(&format!("hashcode van dit programma (SHA-256): {expected}")),
        "{dutch}"
    );
    assert!(!dir.path().join("data").exists());
}

#[test]
fn urna_licenses_gives_the_notices_of_the_crates_in_the_binary_and_stops_quietly_when_the_reader_goes()
 {
    let dir = tempfile::tempdir().unwrap();
    let output = run(urna(&dir.path().join("data")).arg("licenses"));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let notices = text(&output.stdout);
    assert!(
        notices.starts_with("Licence notices of the crates in urna "),
        "{}",
        &notices[..200]
    );
    assert!(notices.contains("EUPL-1.2"));
    // The TLS stack and the typesetter are in the binary, with their licences and texts.
    assert!(
        notices
            .lines()
            .any(|l| l.trim_start().starts_with("rustls 0.23"))
    );
    assert!(
        notices
            .lines()
            .any(|l| l.trim_start().starts_with("typst 0.14"))
    );
    assert!(notices.contains("Permission is hereby granted, free of charge"));
    assert!(notices.contains("Apache License"));

    // `urna licenses | head -1`: the reader closes the pipe after one line; the command ends
    // without a panic (it used to panic on the closed pipe).
    let (first, output) = first_line_then_hang_up(urna(&dir.path().join("data")).arg("licenses"));
    assert!(first.starts_with("Licence notices"));
    assert!(output.status.success(), "{:?}", output.status);
    assert!(
        !text(&output.stderr).contains("panicked"),
        "{}",
        text(&output.stderr)
    );
}
