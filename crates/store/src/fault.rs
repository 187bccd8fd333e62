//! Pause points for crash tests (feature `fault-injection`, test builds only).
//!
//! With `URNA_FAULT_PAUSE=<point>=<signal file>` in the environment, the process writes the
//! signal file when it reaches `<point>` — inside an open write transaction — and then sleeps,
//! so that a test can kill it there with SIGKILL and check what survives.

use std::time::Duration;

/// Pauses here if the environment asks for this point.
pub(crate) fn pause_point(point: &str) {
    let Ok(request) = std::env::var("URNA_FAULT_PAUSE") else {
        return;
    };
    let Some(signal_file) = request
        .strip_prefix(point)
        .and_then(|rest| rest.strip_prefix('='))
    else {
        return;
    };
    if std::fs::write(signal_file, point).is_ok() {
        std::thread::sleep(Duration::from_secs(120));
    }
}
