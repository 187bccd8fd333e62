//! The key ceremony: keys, packages, sticks, credential sheets, the record; and its refusals.

use super::*;

/// Every file under `dir`, with its bytes.
fn all_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(all_files(&path));
        } else {
            let bytes = std::fs::read(&path).unwrap();
            out.push((path, bytes));
        }
    }
    out
}

#[test]
fn a_ceremony_makes_keys_packages_sticks_and_credential_sheets() {
    const AUTHORITY: &str = "authority passphrase\n";
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let ceremony = dir.path().join("ceremony");
    let imported = run(urna(&data).args(import_args(ASSEN_110A, ASSEN_230B, Some(ASSEN_110B))));
    assert!(imported.status.success(), "{}", text(&imported.stderr));

    // Keys: a passphrase for the authority and for each of three holders, two needed.
    let keys = run_with_input(
        urna(&data)
            .args(["ceremony", "keys", "GR2026_Assen", "--dir"])
            .arg(&ceremony)
            .args(["--holder", "Anne", "--holder", "Bert", "--holder", "Carla"])
            .args(["--threshold", "2"]),
        "authority passphrase\nanne's passphrase\nbert's passphrase\ncarla's passphrase\n",
    );
    assert!(keys.status.success(), "{}", text(&keys.stderr));
    let keys_out = text(&keys.stdout);
    let election_key = keys_out
        .lines()
        .find(|line| line.contains("election key (public):"))
        .and_then(|line| line.split(':').nth(1))
        .unwrap()
        .trim()
        .to_string();
    assert_eq!(
        std::fs::read_dir(ceremony.join("shares")).unwrap().count(),
        3
    );
    let short = run_with_input(
        urna(&data)
            .args(["ceremony", "keys", "GR2026_Assen", "--dir"])
            .arg(dir.path().join("other"))
            .args(["--holder", "A", "--holder", "B", "--threshold", "2"]),
        "short\n",
    );
    assert_eq!(short.status.code(), Some(1));
    assert!(
        text(&short.stderr).contains("at least 12"),
        "{}",
        text(&short.stderr)
    );

    // Packages and credential sheets. A staging folder left by an interrupted run (packages
    // nothing recorded, whose passwords were never printed) is cleared away, not reused.
    let leftover = ceremony.join("packages.partial").join("SB1");
    std::fs::create_dir_all(&leftover).unwrap();
    std::fs::write(leftover.join("manifest.json"), b"{}").unwrap();
    let sheets = dir.path().join("sheets.pdf");
    let packages = run_with_input(
        urna(&data)
            .args(["ceremony", "packages", "GR2026_Assen", "--dir"])
            .arg(&ceremony)
            .arg("--sheets")
            .arg(&sheets),
        AUTHORITY,
    );
    assert!(packages.status.success(), "{}", text(&packages.stderr));
    assert!(
        text(&packages.stdout).contains("45 packages made"),
        "{}",
        text(&packages.stdout)
    );
    assert_eq!(
        std::fs::read_dir(ceremony.join("packages"))
            .unwrap()
            .count(),
        45
    );
    assert!(
        !ceremony.join("packages.partial").exists(),
        "the staging folder took the packages' name"
    );
    let again = run_with_input(
        urna(&data)
            .args(["ceremony", "packages", "GR2026_Assen", "--dir"])
            .arg(&ceremony)
            .arg("--sheets")
            .arg(dir.path().join("sheets-2.pdf")),
        AUTHORITY,
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(!dir.path().join("sheets-2.pdf").exists());

    // The sheet of polling station 1: its login, its password (which opens its package and
    // matches its verifier) and its package's fingerprint.
    let sheet_text = {
        let output = Command::new("pdftotext")
            .args(["-layout", "-f", "1", "-l", "1"])
            .arg(&sheets)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) is installed by scripts/test");
        text(&output.stdout)
    };
    assert!(sheet_text.contains("GR2026_Assen-SB1"), "{sheet_text}");
    let password = sheet_text
        .split_whitespace()
        .find(|word| word.len() == 24 && word.matches('-').count() == 4)
        .unwrap()
        .to_string();
    let package_1 = ceremony.join("packages/SB1");
    let verifier = std::fs::read_to_string(package_1.join("chair-password.argon2")).unwrap();
    let typed = seal::password::normalise(&password);
    assert!(seal::password::matches(&typed, verifier.trim()));
    let office_key = seal::lock::unlock(
        &std::fs::read(package_1.join("office-key.age")).unwrap(),
        &typed,
    );
    assert!(office_key.is_ok());

    // The polling-station app takes over the sheets' logins: a package whose verifier was
    // changed is refused, naming it, and nothing is taken over; then all 44 are.
    let verifier_7 = ceremony.join("packages/SB7/chair-password.argon2");
    let original_7 = std::fs::read(&verifier_7).unwrap();
    std::fs::write(
        &verifier_7,
        verifier.trim().replace("$argon2id$", "$argon2id$ "),
    )
    .unwrap();
    let refused = run(urna(&data)
        .args(["station-app", "credentials", "GR2026_Assen", "--ceremony"])
        .arg(&ceremony));
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("SB7: REFUSED"),
        "{}",
        text(&refused.stderr)
    );
    let assen = model::ElectionId::new("GR2026_Assen").unwrap();
    let stored = |data: &std::path::Path| {
        store::Store::open_existing(data)
            .unwrap()
            .station_credentials(&assen)
            .unwrap()
    };
    assert!(stored(&data).is_empty());
    std::fs::write(&verifier_7, original_7).unwrap();
    let taken = run(urna(&data)
        .args(["station-app", "credentials", "GR2026_Assen", "--ceremony"])
        .arg(&ceremony));
    assert!(taken.status.success(), "{}", text(&taken.stderr));
    assert!(
        text(&taken.stdout).starts_with("44 polling stations"),
        "{}",
        text(&taken.stdout)
    );
    let logins = stored(&data);
    assert_eq!(logins.len(), 44);
    assert_eq!(logins[0].login, "GR2026_Assen-SB1");
    assert!(seal::password::matches(&typed, &logins[0].verifier));
    // The signed manifest names the software that made the package: the hash code of this
    // very executable (as `urna --version` shows it).
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(package_1.join("manifest.json")).unwrap()).unwrap();
    let binary = HashCode::of(&std::fs::read(env!("CARGO_BIN_EXE_urna")).unwrap()).to_string();
    assert_eq!(manifest["software"]["hash_code"], binary.as_str());
    assert_eq!(manifest["software"]["version"], env!("CARGO_PKG_VERSION"));
    let fingerprint = HashCode::of(&std::fs::read(package_1.join("manifest.json")).unwrap());
    let groups: Vec<String> = fingerprint
        .to_string()
        .split(' ')
        .map(String::from)
        .collect();
    for row in groups.chunks(4) {
        assert!(
            sheet_text.contains(&row.join(" ")),
            "{row:?} in {sheet_text}"
        );
    }
    // The password exists nowhere but on the sheet: not in the database, the ceremony folder or
    // any package.
    for (path, bytes) in all_files(&data).into_iter().chain(all_files(&ceremony)) {
        assert!(
            !bytes.windows(typed.len()).any(|w| w == typed.as_bytes())
                && !bytes
                    .windows(password.len())
                    .any(|w| w == password.as_bytes()),
            "the password is in {}",
            path.display()
        );
    }

    // Three sticks: two image files and a folder, each read back and identical.
    let sticks = [
        dir.path().join("stick-1.img"),
        dir.path().join("stick-2.img"),
        dir.path().join("stick-3"),
    ];
    let mut write = urna(&data);
    write
        .args(["ceremony", "write-sticks", "--dir"])
        .arg(&ceremony)
        .arg("--package")
        .arg(&package_1);
    for stick in &sticks {
        write.arg("--to").arg(stick);
    }
    let written = run_with_input(&mut write, AUTHORITY);
    assert!(written.status.success(), "{}", text(&written.stderr));
    assert_eq!(
        text(&written.stdout)
            .matches("written, read back, identical")
            .count(),
        3,
        "{}",
        text(&written.stdout)
    );

    let authority_key = ceremony.join("authority.pub");
    let verify = |target: &Path, extra: &[&str], key: &Path| {
        run(urna(&data)
            .args(["ceremony", "verify"])
            .arg(target)
            .arg("--authority-key")
            .arg(key)
            .args(extra))
    };
    for stick in &sticks {
        let checked = verify(
            stick,
            &["--election", "GR2026_Assen", "--station", "1"],
            &authority_key,
        );
        assert!(checked.status.success(), "{}", text(&checked.stdout));
        assert!(text(&checked.stdout).contains(&fingerprint.to_string()));
    }
    let wrong_station = verify(&sticks[0], &["--station", "2"], &authority_key);
    assert_eq!(wrong_station.status.code(), Some(1));
    assert!(
        text(&wrong_station.stdout).contains(
            "the package is for polling station 1 (Stembureau Stadhuis), not polling station 2"
        ),
        "{}",
        text(&wrong_station.stdout)
    );
    let wrong_election = verify(
        &sticks[1],
        &["--election", "GR2022_Groningen"],
        &authority_key,
    );
    assert_eq!(wrong_election.status.code(), Some(1));
    assert!(text(&wrong_election.stdout).contains("not GR2022_Groningen"));
    let forged_key = dir.path().join("forged.pub");
    std::fs::write(
        &forged_key,
        seal::signing::SigningKey::generate().public().to_string(),
    )
    .unwrap();
    let forged = verify(&sticks[1], &[], &forged_key);
    assert_eq!(forged.status.code(), Some(1));
    assert!(
        text(&forged.stdout).contains("the signature is wrong"),
        "{}",
        text(&forged.stdout)
    );
    // One changed byte on a stick, one file taken off another.
    let office = sticks[2].join("office.json");
    let mut bytes = std::fs::read(&office).unwrap();
    bytes[5] ^= 0x01;
    std::fs::write(&office, bytes).unwrap();
    std::fs::remove_file(sticks[2].join("ballot.json")).unwrap();
    let altered = verify(&sticks[2], &[], &authority_key);
    assert_eq!(altered.status.code(), Some(1));
    let report = text(&altered.stdout);
    assert!(report.contains("file office.json was altered"), "{report}");
    assert!(report.contains("file ballot.json is missing"), "{report}");

    // Any two holders restore the election key; one cannot; a wrong passphrase opens nothing.
    let combine = |holders: &[&str], input: &str| {
        let mut command = urna(&data);
        command
            .args(["ceremony", "combine", "--dir"])
            .arg(&ceremony);
        for holder in holders {
            command.args(["--holder", holder]);
        }
        run_with_input(&mut command, input)
    };
    let restored = combine(
        &["Carla", "Anne"],
        "carla's passphrase\nanne's passphrase\nauthority passphrase\n",
    );
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    assert!(
        text(&restored.stdout).contains(&election_key),
        "{}",
        text(&restored.stdout)
    );
    let alone = combine(&["Bert"], "bert's passphrase\n");
    assert_eq!(alone.status.code(), Some(1));
    assert!(
        text(&alone.stderr).contains("It takes 2"),
        "{}",
        text(&alone.stderr)
    );
    let wrong = combine(
        &["Anne", "Bert"],
        "anne's passphrase\nnot bert's passphrase\n",
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        text(&wrong.stderr).contains("passphrase does not open"),
        "{}",
        text(&wrong.stderr)
    );

    // Assen's count (the real 510b, as the central committee imports it) is determined; the
    // main office seals the result with its key from the ceremony (the password of the last
    // credential sheet) for the central authority, which takes it in, registers the election and
    // publishes: the site shows Assen's votes, and the feed verifies.
    let imported = run(urna(&data)
        .args(["result", "import-count", "GR2026_Assen"])
        .arg(fixture_path("eml/real/Telling_GR2026_Assen.eml.xml")));
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    let central = dir.path().join("central");
    let central_keys = run_with_input(
        urna(&data).args(["central", "keys", "--dir"]).arg(&central),
        "central passphrase 1\n",
    );
    assert!(
        central_keys.status.success(),
        "{}",
        text(&central_keys.stderr)
    );
    let sealed = dir.path().join("assen.urna-result");
    let seal_with = |password: &str| {
        run_with_input(
            urna(&data)
                .args(["result", "seal", "GR2026_Assen", "--package"])
                .arg(ceremony.join("packages/HSB"))
                .arg("--authority-key")
                .arg(&authority_key)
                .arg("--seal-for")
                .arg(central.join("central-transmission.pub"))
                .arg("--sealed")
                .arg(&sealed),
            &format!("{password}\n"),
        )
    };
    let wrong_password = seal_with("not-the-password");
    assert_eq!(wrong_password.status.code(), Some(1));
    assert!(!sealed.exists());
    let main_office_password = sheet_password(&sheets, 45);
    let sealing = seal_with(&main_office_password);
    assert!(
        sealing.status.success(),
        "{}{}",
        text(&sealing.stdout),
        text(&sealing.stderr)
    );
    let listed = text(&sealing.stdout);
    for file in [
        "Telling_GR2026_Assen.eml.xml",
        "Resultaat_GR2026_Assen.eml.xml",
    ] {
        assert!(listed.contains(file), "{file} not sealed: {listed}");
    }
    // A sealed file is never written over: it may have been sent already.
    let first_sealed = std::fs::read(&sealed).unwrap();
    let again = seal_with(&main_office_password);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again.stderr).contains("exists already"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(std::fs::read(&sealed).unwrap(), first_sealed);
    let received = run_with_input(
        urna(&data)
            .args(["central", "receive", "--dir"])
            .arg(&central)
            .arg("--offices")
            .arg(ceremony.join("offices.json"))
            .args(["--election", "GR2026_Assen"])
            .arg(&sealed),
        "central passphrase 1\n",
    );
    assert!(received.status.success(), "{}", text(&received.stdout));
    let register = || {
        run(urna(&data)
            .args(["central", "register", "--dir"])
            .arg(&central)
            .arg("--ceremony")
            .arg(&ceremony))
    };
    // A definition changed in the main office's package after the ceremony is refused: the
    // centre registers only the definition the signed record's package lists.
    let main_office = std::fs::read_dir(ceremony.join("packages"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("HSB"))
        .unwrap();
    let definition = main_office.join("election.json");
    let signed = std::fs::read(&definition).unwrap();
    std::fs::write(
        &definition,
        String::from_utf8_lossy(&signed).replace("Assen", "Asen"),
    )
    .unwrap();
    let refused = register();
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("is not the definition the package's manifest lists"),
        "{}",
        text(&refused.stderr)
    );
    assert!(!central.join("elections/GR2026_Assen").exists());
    std::fs::write(&definition, &signed).unwrap();
    // A manifest made again to list the changed definition is not the one the record names.
    let manifest = main_office.join("manifest.json");
    let manifest_signed = std::fs::read(&manifest).unwrap();
    let mut remade = manifest_signed.clone();
    remade.extend_from_slice(b" ");
    std::fs::write(&manifest, &remade).unwrap();
    let refused = register();
    assert!(
        text(&refused.stderr)
            .contains("is not the manifest of the main office's package the signed record names"),
        "{}",
        text(&refused.stderr)
    );
    assert!(!central.join("elections/GR2026_Assen").exists());
    std::fs::write(&manifest, &manifest_signed).unwrap();
    let registered = register();
    assert!(registered.status.success(), "{}", text(&registered.stderr));
    let registration: serde_json::Value = serde_json::from_slice(
        &std::fs::read(central.join("elections/GR2026_Assen/registration.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        registration["definition"],
        seal::HashCode::of(&signed).to_hex()
    );
    assert!(
        text(&registered.stdout).contains("province: Drenthe; 44 polling stations"),
        "{}",
        text(&registered.stdout)
    );
    let site = dir.path().join("site");
    // The publication machine holds the publication key only: the intake's keys are not needed
    // (nor present) to publish, and the snapshots are signed with a key of their own.
    let intake_keys = std::fs::read(central.join("central-keys.age")).unwrap();
    std::fs::remove_file(central.join("central-keys.age")).unwrap();
    let exported = run_with_input(
        urna(&data)
            .args(["publish", "export"])
            .arg(&site)
            .arg("--central")
            .arg(&central)
            .args([
                "--round",
                "GR2026",
                "--name",
                "Gemeenteraadsverkiezingen 2026",
            ]),
        "central passphrase 1\n",
    );
    assert!(exported.status.success(), "{}", text(&exported.stderr));
    std::fs::write(central.join("central-keys.age"), intake_keys).unwrap();
    let publication_key = std::fs::read(central.join("central-publication.pub")).unwrap();
    assert_eq!(
        std::fs::read(site.join("feed/central-publication.pub")).unwrap(),
        publication_key
    );
    assert_ne!(
        std::fs::read(central.join("central-receipts.pub")).unwrap(),
        publication_key
    );
    let page = std::fs::read_to_string(site.join("verkiezing/GR2026_Assen.html")).unwrap();
    assert!(page.contains("GROENLINKS / Partij van de Arbeid (PvdA)"));
    assert!(page.contains("5.438"), "list 1's votes on the page");
    let publication_fingerprint = <seal::signing::PublicKey as std::str::FromStr>::from_str(
        String::from_utf8_lossy(&publication_key).trim(),
    )
    .unwrap()
    .fingerprint()
    .to_string();
    let verify_site = || {
        run(urna(&data)
            .args(["verify", "--central", &publication_fingerprint])
            .arg(&site))
    };
    let verified = verify_site();
    assert!(
        verified.status.success(),
        "{}{}",
        text(&verified.stdout),
        text(&verified.stderr)
    );
    // Attack: a published byte changed, then the latest signature deleted. Exit status 1,
    // naming the file.
    for (file, expected) in [
        (
            "feed/results.csv",
            "/feed/results.csv: differs from the signed file list",
        ),
        (
            "verkiezing/GR2026_Assen.html",
            "/verkiezing/GR2026_Assen.html: differs from the signed file list",
        ),
    ] {
        let path = site.join(file);
        let original = std::fs::read(&path).unwrap();
        let mut altered = original.clone();
        altered.extend_from_slice(b"\n");
        std::fs::write(&path, altered).unwrap();
        let refused = verify_site();
        assert_eq!(refused.status.code(), Some(1));
        assert!(
            text(&refused.stdout).contains(expected),
            "{}",
            text(&refused.stdout)
        );
        std::fs::write(&path, original).unwrap();
    }
    let signature = site.join("feed/snapshot.sig");
    let kept = std::fs::read(&signature).unwrap();
    std::fs::remove_file(&signature).unwrap();
    let refused = verify_site();
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stdout).contains("snapshot.sig: missing"));
    std::fs::write(&signature, kept).unwrap();
    assert!(verify_site().status.success());

    // The signed record and the audit log hold every step.
    let record = run(urna(&data)
        .args(["ceremony", "record", "--dir"])
        .arg(&ceremony));
    assert!(record.status.success(), "{}", text(&record.stderr));
    let steps = text(&record.stdout);
    for action in [
        "ceremony.keys-made",
        "ceremony.packages-made",
        "ceremony.sticks-written",
        "ceremony.shares-combined",
    ] {
        assert!(steps.contains(action), "{action} in {steps}");
    }
    let audit = run(urna(&data).args(["audit", "show"]));
    let audit = text(&audit.stdout);
    for action in [
        "ceremony.keys-made",
        "ceremony.packages-made",
        "ceremony.sticks-written",
    ] {
        assert!(audit.contains(action), "{action} in the audit log");
    }
    let record_file = ceremony.join("ceremony-record.json");
    let tampered = std::fs::read_to_string(&record_file)
        .unwrap()
        .replace("cli:tester", "cli:mallory");
    std::fs::write(&record_file, tampered).unwrap();
    let refused = run(urna(&data)
        .args(["ceremony", "record", "--dir"])
        .arg(&ceremony));
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("signature is wrong"),
        "{}",
        text(&refused.stderr)
    );
}
