//! Flanders: a polling station votes in the kiosk, the main office counts its sticks and seals
//! the result, the central authority takes it in over TLS.

use super::*;

/// Lindeveld's election imported, its keys made (Anne and Bert, two of two) and its packages with
/// the credential sheets, in `dir`.
pub(super) struct Lindeveld {
    pub data: PathBuf,
    pub ceremony: PathBuf,
    pub sheets: PathBuf,
}

pub(super) fn lindeveld_ceremony(dir: &Path) -> Lindeveld {
    let data = dir.join("data");
    let ceremony = dir.join("ceremony");
    let imported = run(urna(&data).args([
        "election",
        "import",
        "--definition",
        &fixture_path("flanders/GR2024_Lindeveld.json")
            .display()
            .to_string(),
        "--definition-hash",
        &hash("flanders/GR2024_Lindeveld.json"),
    ]));
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    let keys = run_with_input(
        urna(&data)
            .args(["ceremony", "keys", "GR2024_Lindeveld", "--dir"])
            .arg(&ceremony)
            .args(["--holder", "Anne", "--holder", "Bert", "--threshold", "2"]),
        "authority passphrase\nanne's passphrase\nbert's passphrase\n",
    );
    assert!(keys.status.success(), "{}", text(&keys.stderr));
    let sheets = dir.join("sheets.pdf");
    let packages = run_with_input(
        urna(&data)
            .args(["ceremony", "packages", "GR2024_Lindeveld", "--dir"])
            .arg(&ceremony)
            .arg("--sheets")
            .arg(&sheets),
        "authority passphrase\n",
    );
    assert!(packages.status.success(), "{}", text(&packages.stderr));
    Lindeveld {
        data,
        ceremony,
        sheets,
    }
}

/// The Flemish polling station through the real binary, as people use it: the chair types the
/// login and password of the sheet, voters press number keys, a wrong key is refused, the poll
/// is paused and resumed, closed; the main office reads the sticks, refuses a missing mirror,
/// totals; two officials recount with their shares and the paper ballots.
#[test]
fn a_flemish_polling_station_votes_in_the_kiosk_and_the_main_office_counts_its_sticks() {
    let dir = tempfile::tempdir().unwrap();
    let Lindeveld {
        data,
        ceremony,
        sheets,
    } = lindeveld_ceremony(dir.path());
    let authority = ceremony.join("authority.pub");
    let sticks: Vec<PathBuf> = ["sb1-a", "sb1-b", "sb2-a", "sb2-b"]
        .iter()
        .map(|name| dir.path().join(name))
        .collect();
    let booth = |station: u32, input: &str, large: bool| {
        let first = &sticks[2 * (station as usize - 1)];
        let second = &sticks[2 * (station as usize - 1) + 1];
        run_with_input(
            Command::new(env!("CARGO_BIN_EXE_urna"))
                .args(["booth", "run", "--package"])
                .arg(ceremony.join(format!("packages/SB{station}")))
                .arg("--authority-key")
                .arg(&authority)
                .arg("--stick")
                .arg(first)
                .arg("--stick")
                .arg(second)
                .arg("--out")
                .arg(dir.path().join(format!("out{station}")))
                .args(large.then_some("--large")),
            input,
        )
    };
    let password_1 = sheet_password(&sheets, 1);
    let login_1 = "GR2024_Lindeveld-SB1";

    // A wrong password opens nothing.
    let wrong = booth(1, &format!("{login_1}\nwrong-password\n"), false);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        text(&wrong.stderr).contains("does not fit the credential sheet"),
        "{}",
        text(&wrong.stderr)
    );
    assert!(!sticks[0].join("poll.json").exists());

    // Two voters, a wrong key on the way; then a pause.
    let first = booth(
        1,
        &format!("{login_1}\n{password_1}\n1\n9\n1\n1 3\n1\n1\n0\n1\n0\n"),
        false,
    );
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(
        text(&first.stdout).contains("gepauzeerd"),
        "{}",
        text(&first.stdout)
    );
    let screens = text(&first.stderr);
    assert!(screens.contains("Vingerafdruk van het pakket"), "{screens}");
    assert!(screens.contains("Ongeldige keuze"), "{screens}");
    assert!(screens.contains("1. Sarah Vandenberghe"), "{screens}");
    assert!(
        screens.contains("stembiljet geregistreerd (2 in de stembus)"),
        "{screens}"
    );

    // Resumed: a third voter changes her mind once, then the chair closes.
    let second = booth(
        1,
        &format!("{login_1}\n{password_1}\n1\n2\n\n2\n2\n2\n1\n3\n1\n"),
        false,
    );
    assert!(second.status.success(), "{}", text(&second.stderr));
    assert!(
        text(&second.stderr).contains("hervat"),
        "{}",
        text(&second.stderr)
    );
    assert!(
        text(&second.stdout).contains("GR2024_Lindeveld: 3 stembiljetten, 3 kiezerskaarten"),
        "{}",
        text(&second.stdout)
    );
    let ballots = dir.path().join("out1/stembiljetten");
    assert_eq!(
        std::fs::read_dir(&ballots)
            .unwrap()
            .filter(|e| e
                .as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "png"))
            .count(),
        3
    );
    // Station 2: one voter.
    let password_2 = sheet_password(&sheets, 2);
    let closed = booth(
        2,
        &format!("GR2024_Lindeveld-SB2\n{password_2}\n1\n4\n\n1\n3\n1\n"),
        true,
    );
    assert!(closed.status.success(), "{}", text(&closed.stderr));
    // In large text (VT100 double-size lines).
    assert!(
        text(&closed.stderr).contains("\x1b#3Stemcomputer"),
        "{}",
        text(&closed.stderr)
    );
    assert!(text(&closed.stderr).contains("\x1b#6 4  Vooruit"));

    let count = |sticks: &[PathBuf]| {
        run(Command::new(env!("CARGO_BIN_EXE_urna"))
            .args(["count", "import-sticks", "--package"])
            .arg(ceremony.join("packages/HSB"))
            .arg("--authority-key")
            .arg(&authority)
            .args(["--station", "1", "--station", "2"])
            .args(sticks))
    };
    let missing_mirror = count(&sticks[..3]);
    assert_eq!(missing_mirror.status.code(), Some(1));
    assert!(
        text(&missing_mirror.stdout).contains("stembureau 2: alleen stick"),
        "{}",
        text(&missing_mirror.stdout)
    );
    let counted = count(&sticks);
    assert!(counted.status.success(), "{}", text(&counted.stdout));
    let out = text(&counted.stdout);
    assert!(out.contains("4 stembiljetten, 3 geldig, 1 blanco"), "{out}");
    let list_1 = out.lines().find(|l| l.contains("lijst  1 N-VA")).unwrap();
    assert_eq!(list_1.split_whitespace().nth(3), Some("1"), "{out}");

    // The recount: Anne and Bert put their shares together.
    let recount = run_with_input(
        Command::new(env!("CARGO_BIN_EXE_urna"))
            .args(["count", "recount", "--ceremony"])
            .arg(&ceremony)
            .args(["--holder", "Anne", "--holder", "Bert", "--package"])
            .arg(ceremony.join("packages/HSB"))
            .arg("--authority-key")
            .arg(&authority)
            .arg("--stick")
            .arg(&sticks[0])
            .arg("--ballots")
            .arg(&ballots),
        "anne's passphrase\nbert's passphrase\n",
    );
    assert!(
        recount.status.success(),
        "{}{}",
        text(&recount.stdout),
        text(&recount.stderr)
    );
    assert!(
        text(&recount.stdout)
            .contains("3 stemmen ontsleuteld; ze kloppen met het getekende resultaat"),
        "{}",
        text(&recount.stdout)
    );
    assert!(text(&recount.stdout).contains("3 stembiljetten opnieuw gescand: ze kloppen"));

    // The result travels to the central authority as a sealed file: the main office signs it
    // with its key (the password of its credential sheet, the last page) and seals it.
    let central = dir.path().join("central");
    let keys = run_with_input(
        urna(&data).args(["central", "keys", "--dir"]).arg(&central),
        "central passphrase 1\n",
    );
    assert!(keys.status.success(), "{}", text(&keys.stderr));
    let sealed = dir.path().join("hoofdbureau.urna-result");
    let main_office_password = sheet_password(&sheets, 15);
    let seal_result = |into: &Path| {
        run_with_input(
            Command::new(env!("CARGO_BIN_EXE_urna"))
                .args(["count", "import-sticks", "--package"])
                .arg(ceremony.join("packages/HSB"))
                .arg("--authority-key")
                .arg(&authority)
                .args(["--station", "1", "--station", "2", "--report"])
                .arg(dir.path().join("hoofdbureau.pdf"))
                .arg("--seal-for")
                .arg(central.join("central-transmission.pub"))
                .arg("--sealed")
                .arg(into)
                .args(&sticks),
            &format!("{main_office_password}\n"),
        )
    };
    let sealing = seal_result(&sealed);
    assert!(
        sealing.status.success(),
        "{}{}",
        text(&sealing.stdout),
        text(&sealing.stderr)
    );
    assert!(text(&sealing.stdout).contains("verzegeld voor de centrale autoriteit"));
    // Two of Lindeveld's fourteen polling stations: partial, and said so on screen, in the result
    // file (sealed with the report) and on every page of the report.
    assert!(
        text(&sealing.stdout).contains("gedeeltelijke uitslag, 2 van 14 stembureaus geteld"),
        "{}",
        text(&sealing.stdout)
    );
    let result_file: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.path().join("uitslag_GR2024_Lindeveld.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(result_file["partial"]["counted"], 2);
    assert_eq!(result_file["partial"]["expected"], 14);
    let report = pdf_text(&dir.path().join("hoofdbureau.pdf"));
    assert!(
        report
            .matches("GEDEELTELIJKE UITSLAG: 2 van 14 stembureaus geteld")
            .count()
            > 1,
        "{report}"
    );
    let receive_for = |election: &str, file: &Path| {
        run_with_input(
            urna(&data)
                .args(["central", "receive", "--dir"])
                .arg(&central)
                .arg("--offices")
                .arg(ceremony.join("offices.json"))
                .args(["--election", election])
                .arg(file),
            "central passphrase 1\n",
        )
    };
    let receive = |file: &Path| receive_for("GR2024_Lindeveld", file);
    let first = receive(&sealed);
    assert!(
        first.status.success(),
        "{}{}",
        text(&first.stdout),
        text(&first.stderr)
    );
    // Taken in, and said to be partial: the centre never publishes it as the result.
    assert!(
        text(&first.stdout).contains("partial result: 2 of 14 polling stations counted"),
        "{}",
        text(&first.stdout)
    );
    assert!(
        text(&first.stdout).contains("HSB v1: received"),
        "{}",
        text(&first.stdout)
    );
    let receipt = dir.path().join("hoofdbureau.urna-result.receipt.json");
    let first_receipt = std::fs::read(&receipt).unwrap();
    // The same file again: the same version, no new one.
    let again = receive(&sealed);
    assert!(again.status.success());
    assert!(
        text(&again.stdout).contains("HSB v1: received before"),
        "{}",
        text(&again.stdout)
    );
    assert!(!central.join("received/GR2024_Lindeveld/HSB/v2").exists());
    assert_ne!(
        std::fs::read(&receipt).unwrap(),
        first_receipt,
        "status says: received before"
    );
    // The main office checks the receipt offline; a receipt for another file does not pass.
    let check = |sealed_file: &Path| {
        run(Command::new(env!("CARGO_BIN_EXE_urna"))
            .args(["central", "check-receipt"])
            .arg(&receipt)
            .arg("--receipts-key")
            .arg(central.join("central-receipts.pub"))
            .arg("--sealed")
            .arg(sealed_file))
    };
    assert!(
        check(&sealed).status.success(),
        "{}",
        text(&check(&sealed).stdout)
    );
    // A byte changed in transit: refused, named, in the audit log; nothing stored.
    let mut bytes = std::fs::read(&sealed).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    let tampered = dir.path().join("tampered.urna-result");
    std::fs::write(&tampered, &bytes).unwrap();
    assert_eq!(check(&tampered).status.code(), Some(1));
    let refused = receive(&tampered);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stdout).contains("REFUSED — the file does not decrypt"),
        "{}",
        text(&refused.stdout)
    );
    let audit = text(&run(urna(&data).args(["audit", "show"])).stdout);
    assert!(audit.contains("central.refused"), "{audit}");
    assert!(audit.contains("central.received"), "{audit}");
    // A second, different package from the same office: kept as version 2 for review, the
    // first untouched.
    let second_sealed = dir.path().join("hoofdbureau-2.urna-result");
    let resealed = seal_result(&second_sealed);
    assert!(resealed.status.success(), "{}", text(&resealed.stderr));
    let second = receive(&second_sealed);
    assert!(second.status.success());
    assert!(
        text(&second.stdout).contains("HSB v2: NEW VERSION, for review"),
        "{}",
        text(&second.stdout)
    );
    assert_eq!(
        std::fs::read(central.join("received/GR2024_Lindeveld/HSB/v1/sealed.urna-result")).unwrap(),
        std::fs::read(&sealed).unwrap()
    );
    // Taken in for another election: refused.
    let other = receive_for("GR2024_Elders", &sealed);
    assert_eq!(other.status.code(), Some(1));
    assert!(
        text(&other.stdout)
            .contains("the package is for election GR2024_Lindeveld, not GR2024_Elders"),
        "{}",
        text(&other.stdout)
    );
    // A receipt altered after signing does not verify.
    let forged = String::from_utf8(first_receipt)
        .unwrap()
        .replace("\"version\": 1", "\"version\": 7");
    std::fs::write(&receipt, forged).unwrap();
    assert_eq!(check(&sealed).status.code(), Some(1));

    // Over the network: the centre registers the election (with the authority that issued the
    // offices' certificates at the ceremony) and serves its intake over TLS.
    let registered = run(urna(&data)
        .args(["central", "register", "--dir"])
        .arg(&central)
        .arg("--ceremony")
        .arg(&ceremony)
        .args(["--province", "Antwerpen", "--district", "Mechelen"]));
    assert!(registered.status.success(), "{}", text(&registered.stderr));
    assert!(
        central
            .join("elections/GR2024_Lindeveld/ceremony/intake-ca.pem")
            .exists()
    );
    let server = IntakeServer::start(&data, &central);
    let send = |file: &Path, package: &str, password: &str| {
        run_with_input(
            urna(&data)
                .args(["central", "send", "--server", &server.address, "--tls-ca"])
                .arg(central.join("central-tls-ca.pem"))
                .arg("--receipts-key")
                .arg(central.join("central-receipts.pub"))
                .arg("--package")
                .arg(ceremony.join("packages").join(package))
                .arg(file),
            &format!("{password}\n"),
        )
    };
    // The main office sends a new count: version 3, for review; the receipt checked and beside it.
    let third = dir.path().join("hoofdbureau-3.urna-result");
    assert!(seal_result(&third).status.success());
    let sent = send(&third, "HSB", &main_office_password);
    // The intake server wrote which software it is to the log when it started.
    let shown = text(&run(urna(&data).args(["audit", "show", "--json"])).stdout);
    let log: serde_json::Value = serde_json::from_str(&shown).unwrap();
    let binary = HashCode::of(&std::fs::read(env!("CARGO_BIN_EXE_urna")).unwrap()).to_hex();
    assert!(
        log.as_array().unwrap().iter().any(|e| {
            e["action"] == "software.start"
                && serde_json::from_str::<serde_json::Value>(e["details"].as_str().unwrap())
                    .is_ok_and(|d| d["program"] == "urna central serve" && d["hash_code"] == binary)
        }),
        "{shown}"
    );
    assert!(
        sent.status.success(),
        "{}{}",
        text(&sent.stdout),
        text(&sent.stderr)
    );
    assert!(
        text(&sent.stdout).contains("HSB v3: NEW VERSION, for review"),
        "{}",
        text(&sent.stdout)
    );
    assert!(
        central
            .join("received/GR2024_Lindeveld/HSB/v3/package")
            .is_dir()
    );
    let third_receipt = dir.path().join("hoofdbureau-3.urna-result.receipt.json");
    let checked = run(Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(["central", "check-receipt"])
        .arg(&third_receipt)
        .arg("--receipts-key")
        .arg(central.join("central-receipts.pub"))
        .arg("--sealed")
        .arg(&third));
    assert!(checked.status.success(), "{}", text(&checked.stdout));
    // The same file sent by polling station 1 (its own package and password): refused, named,
    // in the audit log; and a wrong password never reaches the network.
    let replayed = send(&third, "SB1", &password_1);
    assert_eq!(
        replayed.status.code(),
        Some(1),
        "{}",
        text(&replayed.stderr)
    );
    assert!(
        text(&replayed.stdout).contains(
            "REFUSED — the package was signed by HSB but sent over the connection of SB1"
        ),
        "{}",
        text(&replayed.stdout)
    );
    let wrong = send(&third, "HSB", "wrong-password");
    assert!(!wrong.status.success());
    assert!(
        text(&wrong.stderr).contains("the password does not fit"),
        "{}",
        text(&wrong.stderr)
    );
    drop(server);
    let audit = text(&run(urna(&data).args(["audit", "show"])).stdout);
    assert!(
        audit.contains("signed by HSB but sent over the connection of SB1"),
        "{audit}"
    );
}

/// `urna central serve` in the background on a free port, stopped when dropped.
struct IntakeServer {
    child: std::process::Child,
    address: String,
}

impl IntakeServer {
    fn start(data: &Path, central: &Path) -> IntakeServer {
        use std::io::BufRead as _;
        let mut child = urna(data)
            .args(["central", "serve", "--listen", "127.0.0.1:0", "--dir"])
            .arg(central)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(child.stdin.as_mut().unwrap(), b"central passphrase 1\n")
            .unwrap();
        let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
        let mut seen = String::new();
        let address = loop {
            let Some(Ok(line)) = lines.next() else {
                panic!("urna central serve stopped: {seen}");
            };
            // After the passphrase prompt, which ends without a line break.
            if let Some((_, rest)) = line.split_once("urna central serve: https://") {
                break rest.split('/').next().unwrap().to_string();
            }
            seen.push_str(&line);
            seen.push('\n');
        };
        // Keep reading what it says, so that it never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        IntakeServer { child, address }
    }
}

impl Drop for IntakeServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
