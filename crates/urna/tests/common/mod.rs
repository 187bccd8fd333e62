//! What the command-line tests share: the binary with a data folder, its output, input given as
//! a script gives it, a fixture's hash code, and the password on a credential sheet.

// Each test binary uses part of this module; a failed setup is a failed test, so unwrapping is
// right here.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

use seal::HashCode;
use testkit::fixture;

/// `urna` with the data folder `data_dir`, in English, as user `tester`, without input.
pub fn urna(data_dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_urna"));
    command
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("URNA_DATA_DIR")
        .env_remove("URNA_FAULT_PAUSE")
        .env("URNA_LANG", "en")
        .env("USER", "tester")
        .env_remove("URNA_OPERATOR")
        .stdin(Stdio::null());
    command
}

/// The hash code of a fixture, grouped as officials type it.
pub fn hash(relative: &str) -> String {
    HashCode::of(&fixture(relative)).to_string()
}

/// Runs `command` to the end.
pub fn run(command: &mut Command) -> Output {
    command.output().expect("urna runs")
}

/// A TCP port on loopback that nothing listens on (just now).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .expect("its address")
        .port()
}

/// Runs `command`, reads the first line it prints and closes the pipe, as `command | head -1`
/// does; then waits for it. The first line, and how it ended.
pub fn first_line_then_hang_up(command: &mut Command) -> (String, Output) {
    use std::io::BufRead as _;
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("urna runs");
    let mut first = String::new();
    // The reader is dropped at the end of the statement: the pipe is closed.
    std::io::BufReader::new(child.stdout.take().expect("its standard output"))
        .read_line(&mut first)
        .expect("a first line");
    (first, child.wait_with_output().expect("urna ends"))
}

/// Output as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs `command` with `input` on its standard input (passphrases, as a script gives them).
pub fn run_with_input(command: &mut Command, input: &str) -> Output {
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

/// The text of a PDF, as `pdftotext` reads it.
pub fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/test");
    text(&output.stdout)
}

/// The password on page `page` of a credential-sheets PDF, as the chair reads it.
pub fn sheet_password(sheets: &Path, page: u32) -> String {
    let output = Command::new("pdftotext")
        .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(sheets)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/test");
    text(&output.stdout)
        .split_whitespace()
        .find(|word| word.len() == 24 && word.matches('-').count() == 4)
        .unwrap()
        .to_string()
}
