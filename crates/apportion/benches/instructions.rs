//! Instructions taken by the seats and elected candidates of all 311 municipal councils of 2022
//! (Kieswet chapter P, every step recorded), counted by Valgrind's callgrind. Unlike time, an
//! instruction count is the same on every run of a noisy machine, so two versions compare by it.
//!
//! Run: `cargo bench -p apportion --bench instructions` (needs Valgrind:
//! `apt-get install -y valgrind`). The benchmark runs itself again under callgrind, counting only
//! the call that apportions the 311 councils (not the reading of the data set), and prints the
//! count beside the references of `docs/PERFORMANCE.md`.

mod common;

use std::process::Command;

/// The goal of issue 26: half of what Abacus takes for the same councils.
const GOAL: u64 = 14_000_000;
/// Abacus (commit 85da391), the same 311 councils, seats and elected candidates: 28.2 M.
const ABACUS: u64 = 28_200_000;
/// Urna before issue 26 (commit bfcb4d6), counted by this benchmark.
const BEFORE: u64 = 42_071_746;

const CHILD: &str = "URNA_APPORTION_UNDER_CALLGRIND";

fn main() {
    if std::env::var_os(CHILD).is_some() {
        let inputs = common::inputs();
        let seats = common::allocate_all(&inputs);
        assert_eq!(seats, 7_409, "every seat of the 311 councils allocated");
        return;
    }
    let out = std::env::temp_dir().join(format!("urna-callgrind-{}.out", std::process::id()));
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(error) => return eprintln!("cannot find this benchmark's executable: {error}"),
    };
    let status = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg("--quiet")
        .arg("--toggle-collect=*allocate_all*")
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(&exe)
        .env(CHILD, "1")
        .status();
    match status {
        Ok(status) if status.success() => {}
        Ok(status) => panic!("the run under callgrind failed: {status}"),
        Err(error) => {
            return eprintln!(
                "valgrind is not installed ({error}); apt-get install -y valgrind, then run again"
            );
        }
    }
    let text = std::fs::read_to_string(&out).expect("callgrind writes its counts");
    let _ = std::fs::remove_file(&out);
    let count: u64 = text
        .lines()
        .find_map(|line| line.strip_prefix("totals: "))
        .and_then(|total| total.trim().parse().ok())
        .expect("callgrind's output has a totals line");
    let millions = |n: u64| n as f64 / 1e6;
    println!("seats and elected candidates, all 311 councils of 2022 (Kieswet chapter P):");
    println!(
        "  Urna now          {:>7.2} M instructions",
        millions(count)
    );
    println!(
        "  Urna bfcb4d6      {:>7.2} M  (now {:.2}× of it)",
        millions(BEFORE),
        count as f64 / BEFORE as f64
    );
    println!(
        "  Abacus 85da391    {:>7.2} M  (now {:.2}× of it)",
        millions(ABACUS),
        count as f64 / ABACUS as f64
    );
    println!(
        "  goal              {:>7.2} M  {}",
        millions(GOAL),
        if count <= GOAL { "met" } else { "NOT met" }
    );
}
