//! Records where the binary comes from, for `urna --version`: the source commit and the build's
//! timestamp. The timestamp is `SOURCE_DATE_EPOCH` when set (a reproducible build sets it), else
//! the commit's own time, never the clock of the build machine, so that two builds of one commit
//! are the same bytes.

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git").args(args).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
        .filter(|text| !text.is_empty())
}

fn main() {
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    println!("cargo:rerun-if-env-changed=URNA_SOURCE_COMMIT");
    // A new commit moves HEAD or the branch it names.
    if let Some(git_dir) = git(&["rev-parse", "--git-dir"]) {
        for path in ["HEAD", "refs/heads", "packed-refs"] {
            println!("cargo:rerun-if-changed={git_dir}/{path}");
        }
    }
    let commit = std::env::var("URNA_SOURCE_COMMIT")
        .ok()
        .or_else(|| git(&["rev-parse", "HEAD"]))
        .unwrap_or_else(|| "unknown".to_string());
    let epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .or_else(|| git(&["log", "-1", "--format=%ct"]))
        .unwrap_or_default();
    println!("cargo:rustc-env=URNA_SOURCE_COMMIT={commit}");
    println!("cargo:rustc-env=URNA_BUILD_EPOCH={epoch}");
}
