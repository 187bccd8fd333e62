//! `urna apportion --input FILE [--json]`: seats and elected candidates from a JSON input.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use apportion::Outcome;
use messages::{Language, t};

/// Exit status when a drawing of lots (or a Flemish tie decision) is needed before the result
/// can be completed.
pub const LOTS_REQUIRED: u8 = 3;

/// Runs the apportionment and returns what to print and the exit status.
pub fn run(lang: Language, input: &Path, json: bool) -> anyhow::Result<(String, ExitCode)> {
    let text = bounded::read_to_string(input, apportion::MAX_INPUT_BYTES).with_context(|| {
        t!(
            lang,
            "cli-cannot-read-file",
            file = input.display().to_string()
        )
    })?;
    let parsed = apportion::parse_input(&text).with_context(|| format!("{}", input.display()))?;
    let outcome = apportion::apportion(&parsed).with_context(|| format!("{}", input.display()))?;
    let printed = if json {
        serde_json::to_string_pretty(&outcome)? + "\n"
    } else {
        apportion::render::text(&outcome, lang)
    };
    let status = match outcome {
        Outcome::Complete(_) => ExitCode::SUCCESS,
        Outcome::LotRequired(_) => ExitCode::from(LOTS_REQUIRED),
    };
    Ok((printed, status))
}
