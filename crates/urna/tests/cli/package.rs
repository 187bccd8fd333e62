//! The Debian package for an offline installation (docs/INSTALL.md): it carries this very binary
//! (same hash code), the service and its settings, the licence notices; and the service's own
//! command line, with the package's default settings, starts results entry over HTTPS.

use super::*;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_debian_package_installs_this_binary_and_a_service_whose_command_line_serves_https() {
    let dir = tempfile::tempdir().unwrap();
    let binary = Path::new(env!("CARGO_BIN_EXE_urna"));
    let made = Command::new(workspace().join("scripts/package-deb"))
        .arg(binary)
        .arg(dir.path().join("dist"))
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", text(&made.stderr));
    let deb = PathBuf::from(text(&made.stdout).trim());
    assert!(
        deb.file_name()
            .unwrap()
            .to_string_lossy()
            .ends_with("_amd64.deb")
    );

    let field = |name: &str| {
        text(
            &Command::new("dpkg-deb")
                .args(["--field"])
                .arg(&deb)
                .arg(name)
                .output()
                .unwrap()
                .stdout,
        )
        .trim()
        .to_string()
    };
    assert_eq!(field("Package"), "urna");
    assert_eq!(field("Version"), env!("CARGO_PKG_VERSION"));
    assert_eq!(field("Architecture"), "amd64");

    // Unpacked as dpkg would: the binary is the one built, byte for byte.
    let root = dir.path().join("root");
    let unpacked = Command::new("dpkg-deb")
        .arg("-x")
        .arg(&deb)
        .arg(&root)
        .output()
        .unwrap();
    assert!(unpacked.status.success(), "{}", text(&unpacked.stderr));
    let installed = root.join("usr/bin/urna");
    assert_eq!(
        HashCode::of(&std::fs::read(&installed).unwrap()),
        HashCode::of(&std::fs::read(binary).unwrap())
    );
    for file in [
        "lib/systemd/system/urna.service",
        "etc/default/urna",
        "usr/share/doc/urna/copyright",
        "usr/share/doc/urna/THIRD-PARTY-NOTICES.txt",
        "usr/share/doc/urna/INSTALL.md",
    ] {
        assert!(root.join(file).is_file(), "{file} missing from the package");
    }
    let control = Command::new("dpkg-deb")
        .arg("-e")
        .arg(&deb)
        .arg(dir.path().join("control"))
        .output()
        .unwrap();
    assert!(control.status.success());
    let conffiles = std::fs::read_to_string(dir.path().join("control/conffiles")).unwrap();
    assert_eq!(conffiles.trim(), "/etc/default/urna");

    // The service's command line with the package's settings, as systemd expands it.
    let unit = std::fs::read_to_string(root.join("lib/systemd/system/urna.service")).unwrap();
    let settings = std::fs::read_to_string(root.join("etc/default/urna")).unwrap();
    let setting = |name: &str| -> String {
        settings
            .lines()
            .find_map(|line| line.strip_prefix(&format!("{name}=")))
            .unwrap_or_else(|| panic!("{name} not set"))
            .to_string()
    };
    assert_eq!(setting("URNA_LISTEN"), "0.0.0.0:8443");
    let exec = unit
        .lines()
        .find_map(|line| line.strip_prefix("ExecStart="))
        .unwrap();
    let port = free_port();
    // The test listens on loopback and backs up into its own folder instead of the machine's.
    let backups = dir.path().join("backups");
    let expanded = exec
        .replace("${URNA_LISTEN}", &format!("127.0.0.1:{port}"))
        .replace("${URNA_BACKUP_DIR}", &backups.display().to_string())
        .replace("$URNA_SERVE_OPTIONS", &setting("URNA_SERVE_OPTIONS"));
    let mut words = expanded.split_whitespace();
    assert_eq!(words.next(), Some("/usr/bin/urna"));
    let data = dir.path().join("var-lib-urna");
    std::fs::create_dir_all(&backups).unwrap();
    let mut child = Command::new(&installed)
        .args(words)
        .args(["--airgap-probe", "127.0.0.1:9"])
        .env("URNA_DATA_DIR", &data)
        .env("URNA_LANG", setting("URNA_LANG"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::{BufRead, BufReader};
    let mut printed = Vec::new();
    for line in BufReader::new(child.stderr.take().unwrap()).lines() {
        let line = line.unwrap();
        let done = line.contains("vingerafdruk") || line.contains("fingerprint");
        printed.push(line);
        if done {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let printed = printed.join("\n");
    assert!(
        printed.contains(&format!("https://127.0.0.1:{port}/")),
        "{printed}"
    );
    assert!(data.join("https/fingerprint.txt").is_file(), "{printed}");
}
