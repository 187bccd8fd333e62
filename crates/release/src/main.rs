//! `urna-release`: the facts of a release that `scripts/release` ships beside the binary, the
//! software bill of materials and the licence notices, from `cargo metadata` of this workspace.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use release::{notices, sbom, workspace_components};

/// The binary the release is about.
const PROGRAM: &str = "urna";

#[derive(Parser)]
#[command(about = "Facts of an Urna release: its bill of materials and licence notices")]
struct Cli {
    /// The workspace's Cargo.toml.
    #[arg(long, default_value = "Cargo.toml")]
    manifest_path: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Writes the CycloneDX bill of materials (JSON).
    Sbom {
        /// The built binary, whose SHA-256 goes into the bill.
        #[arg(long)]
        binary: Option<PathBuf>,
        /// The source commit it was built from.
        #[arg(long, default_value = "unknown")]
        commit: String,
        /// The build's time (SOURCE_DATE_EPOCH).
        #[arg(long, env = "SOURCE_DATE_EPOCH", default_value_t = 0)]
        epoch: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Writes the licence notices of every crate in the binary.
    Notices {
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let components = workspace_components(&cli.manifest_path, PROGRAM)?;
    let version = components
        .first()
        .map(|c| c.version.clone())
        .unwrap_or_default();
    match cli.command {
        Command::Sbom {
            binary,
            commit,
            epoch,
            out,
        } => {
            let sha256 = match binary {
                Some(path) => {
                    let bytes = std::fs::read(&path).with_context(|| path.display().to_string())?;
                    use sha2::Digest as _;
                    Some(
                        sha2::Sha256::digest(&bytes)
                            .iter()
                            .map(|b| format!("{b:02x}"))
                            .collect(),
                    )
                }
                None => None,
            };
            let subject = sbom::Subject {
                name: PROGRAM.to_string(),
                version,
                commit,
                epoch,
                sha256,
            };
            let bill = sbom::bill_of_materials(&subject, &components)?;
            let mut text = serde_json::to_string_pretty(&bill)?;
            text.push('\n');
            std::fs::write(&out, text).with_context(|| out.display().to_string())?;
        }
        Command::Notices { out } => {
            let notices = notices::collect(PROGRAM, &version, &components)?;
            std::fs::write(&out, notices::render(&notices))
                .with_context(|| out.display().to_string())?;
        }
    }
    Ok(())
}
