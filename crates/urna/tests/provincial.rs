//! One result engine, every path: a Flemish provincial council with two electoral districts
//! (`PR2024_Lindegouw`), voted on the voting computers of its six polling stations, gives the
//! identical result whether its main office counts the ballot-box sticks (`urna count`), its
//! typists enter the stations' counts twice in the web app (determined and exported there), the
//! central authority takes both packages in and publishes, or anyone checks the publication
//! (`urna verify`).

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use common::{hash, run, run_with_input, sheet_password, text, urna};
use model::count::{CountForm, FieldValue};
use serde_json::{Value, json};
use testkit::fixture_path;

const ELECTION: &str = "PR2024_Lindegouw";
const DEFINITION: &str = "flanders/PR2024_Lindegouw.json";
const AUTHORITY: &str = "authority passphrase";
const CENTRAL: &str = "central passphrase";
const PASSWORD: &str = "a long enough password";

/// The voters of each polling station: (list, candidates) — list 0 is a blank vote, no
/// candidates a vote for the list. Chosen so that no tie needs a lot: Lindeveld (7 seats) gets
/// 9, 5, 3, 2 votes on lists 1–4, Beekdal (6 seats) 7, 4, 2, 1.
const VOTERS: [&[(u32, &str)]; 6] = [
    &[
        (1, "1"),
        (1, "2 3"),
        (1, ""),
        (2, "1"),
        (2, "2"),
        (3, "1"),
        (4, "2"),
        (0, ""),
    ],
    &[(1, "1"), (1, "4"), (1, "1 2"), (2, ""), (2, "3"), (3, "2")],
    &[(1, "2"), (1, "1"), (1, "3"), (2, "1"), (3, ""), (4, "1")],
    &[(1, "1"), (1, "2"), (1, "1 3"), (2, "1"), (2, "2"), (3, "1")],
    &[(1, ""), (1, "2"), (2, "1"), (3, "3"), (4, "1")],
    &[(1, "1"), (1, "4"), (2, "3"), (0, "")],
];

/// The keys a voter presses: activate a card, the list, the candidates, confirm.
fn keystrokes(voters: &[(u32, &str)]) -> String {
    voters
        .iter()
        .map(|(list, candidates)| {
            if *list == 0 {
                "1\n0\n1\n".to_string()
            } else {
                format!("1\n{list}\n{candidates}\n1\n")
            }
        })
        .collect()
}

/// The main office's result as its result file has it, per contest: the totals, and per list
/// its seats and elected positions.
fn per_contest(result_file: &[u8]) -> Value {
    let file: Value = serde_json::from_slice(result_file).unwrap();
    let contests = file["contests"]
        .as_array()
        .expect("a result file of two contests");
    contests
        .iter()
        .map(|contest| {
            json!({
                "contest": contest["contest"],
                "totals": contest["totals"],
                "lists": contest["result"]["lists"].as_array().unwrap().iter().map(|l| json!({
                    "number": l["number"], "seats": l["seats"], "elected": l["elected"],
                })).collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// The stations' signed results, as the sticks carry them.
fn stick_results(sticks: &[PathBuf]) -> BTreeMap<u32, booth::result::StationResult> {
    sticks
        .iter()
        .step_by(2)
        .map(|stick| {
            let result: booth::result::StationResult = serde_json::from_slice(
                &std::fs::read(stick.join(booth::sticks::result_file(&ELECTION.parse().unwrap())))
                    .unwrap(),
            )
            .unwrap();
            (result.station, result)
        })
        .collect()
}

/// The web app in this process, over the data folder's database.
async fn serve(data: &Path) -> (String, tokio::task::JoinHandle<()>) {
    let store = Arc::new(store::Store::open_existing(data).unwrap());
    for (name, role) in [
        ("anna", store::Role::Typist),
        ("bert", store::Role::Typist),
        ("coord", store::Role::Coordinator),
    ] {
        store
            .create_user(
                &store::Actor::new("test", "setup"),
                store::NewUser {
                    username: name.into(),
                    full_name: name.into(),
                    role,
                    password_hash: web::auth::hash_password(PASSWORD).unwrap(),
                    must_change_password: false,
                },
            )
            .unwrap();
    }
    let mut config = web::Config::default();
    config.airgap.enabled = false;
    let state = web::AppState::new(store, config);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        let _ = web::serve(state, listener, std::future::pending()).await;
    });
    (base, task)
}

/// A logged-in client of the web app.
async fn log_in(base: &str, username: &str) -> (reqwest::Client, String) {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let answer: Value = client
        .post(format!("{base}/api/login"))
        .json(&json!({ "username": username, "password": PASSWORD }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let csrf = answer["csrf_token"].as_str().unwrap().to_string();
    (client, csrf)
}

/// A typist types `count` for `station` through the API and finalises it; returns the status.
async fn type_count(
    base: &str,
    (client, csrf): &(reqwest::Client, String),
    station: u32,
    fields: &BTreeMap<String, Value>,
) -> String {
    let entry = format!("{base}/api/elections/{ELECTION}/entries/{station}");
    let claimed: Value = client
        .post(format!("{entry}/claim"))
        .header("x-csrf-token", csrf)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let finalised: Value = client
        .post(format!("{entry}/finalise"))
        .header("x-csrf-token", csrf)
        .json(&json!({
            "version": claimed["version"],
            "fields": fields,
            "acknowledge_warnings": true,
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    finalised["status"].as_str().unwrap_or_default().to_string()
}

#[test]
fn a_flemish_provincial_council_gets_one_result_through_every_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name);
    let data = path("data");
    let ceremony = path("ceremony");
    let sheets = path("sheets.pdf");
    let central = path("central");

    // The definition, the ceremony (six polling stations and the main office) and the centre.
    let imported = run(urna(&data)
        .args(["election", "import", "--definition"])
        .args([
            fixture_path(DEFINITION).display().to_string(),
            "--definition-hash".into(),
            hash(DEFINITION),
        ]));
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    let keys = run_with_input(
        urna(&data)
            .args(["ceremony", "keys", ELECTION, "--dir"])
            .arg(&ceremony)
            .args(["--holder", "Anne", "--holder", "Bert", "--threshold", "2"]),
        &format!("{AUTHORITY}\nanne's passphrase\nbert's passphrase\n"),
    );
    assert!(keys.status.success(), "{}", text(&keys.stderr));
    let packages = run_with_input(
        urna(&data)
            .args(["ceremony", "packages", ELECTION, "--dir"])
            .arg(&ceremony)
            .arg("--sheets")
            .arg(&sheets),
        &format!("{AUTHORITY}\n"),
    );
    assert!(packages.status.success(), "{}", text(&packages.stderr));
    let centre_keys = run_with_input(
        urna(&data).args(["central", "keys", "--dir"]).arg(&central),
        &format!("{CENTRAL}\n"),
    );
    assert!(
        centre_keys.status.success(),
        "{}",
        text(&centre_keys.stderr)
    );
    let registered = run(urna(&data)
        .args(["central", "register", "--dir"])
        .arg(&central)
        .arg("--ceremony")
        .arg(&ceremony)
        .args(["--province", "Lindegouw", "--district", "Lindegouw"]));
    assert!(registered.status.success(), "{}", text(&registered.stderr));

    // Election day: every polling station votes on its voting computer and closes.
    let authority = ceremony.join("authority.pub");
    let mut sticks = Vec::new();
    for (index, voters) in VOTERS.iter().enumerate() {
        let station = index as u32 + 1;
        let pair = [
            path(&format!("sb{station}-a")),
            path(&format!("sb{station}-b")),
        ];
        let input = format!(
            "{ELECTION}-SB{station}\n{}\n{}3\n1\n",
            sheet_password(&sheets, station),
            keystrokes(voters)
        );
        let closed = run_with_input(
            Command::new(env!("CARGO_BIN_EXE_urna"))
                .env("URNA_LANG", "en")
                .args(["booth", "run", "--package"])
                .arg(ceremony.join(format!("packages/SB{station}")))
                .arg("--authority-key")
                .arg(&authority)
                .arg("--stick")
                .arg(&pair[0])
                .arg("--stick")
                .arg(&pair[1])
                .arg("--out")
                .arg(path(&format!("out{station}"))),
            &input,
        );
        assert!(
            text(&closed.stdout).contains("The poll is closed"),
            "station {station}: {}{}",
            text(&closed.stdout),
            text(&closed.stderr)
        );
        sticks.extend(pair);
    }
    let main_office_password = sheet_password(&sheets, 7);

    // Path 1: the main office counts the sticks, makes its report per district and seals it.
    std::fs::create_dir_all(path("sticks")).unwrap();
    let counted = run_with_input(
        Command::new(env!("CARGO_BIN_EXE_urna"))
            .env("URNA_LANG", "en")
            .args(["count", "import-sticks", "--package"])
            .arg(ceremony.join("packages/HSB"))
            .arg("--authority-key")
            .arg(&authority)
            .arg("--report")
            .arg(path("sticks/hoofdbureau.pdf"))
            .arg("--seal-for")
            .arg(central.join("central-transmission.pub"))
            .arg("--sealed")
            .arg(path("sticks.urna-result"))
            .args(&sticks),
        &format!("{main_office_password}\n"),
    );
    assert!(
        counted.status.success(),
        "{}{}",
        text(&counted.stdout),
        text(&counted.stderr)
    );
    let out = text(&counted.stdout);
    assert!(
        out.contains("Kiesdistrict Lindeveld") && out.contains("Kiesdistrict Beekdal"),
        "{out}"
    );
    for district in ["LINDEVELD", "BEEKDAL"] {
        assert!(
            path(&format!("sticks/hoofdbureau_{district}.pdf")).is_file(),
            "{out}"
        );
    }
    let from_sticks = std::fs::read(path(&format!("sticks/uitslag_{ELECTION}.json"))).unwrap();
    let expected = per_contest(&from_sticks);
    // Lindeveld: 9, 5, 3, 2 votes → 4, 2, 1 seats; Beekdal: 7, 4, 2, 1 → 3, 2, 1.
    let seats = |contest: usize| -> Vec<u64> {
        expected[contest]["lists"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["seats"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(seats(0), [4, 2, 1, 0, 0, 0, 0]);
    assert_eq!(seats(1), [3, 2, 1, 0, 0, 0]);

    // Path 2: results entry — the stations' counts typed twice in the web app, determined and
    // exported there, and sealed from the database.
    let results = stick_results(&sticks);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let from_web = runtime.block_on(async {
        let (base, task) = serve(&data).await;
        let anna = log_in(&base, "anna").await;
        let bert = log_in(&base, "bert").await;
        let election =
            flanders::read_definition(DEFINITION, &testkit::fixture(DEFINITION)).unwrap();
        for (station, result) in &results {
            let number = model::PollingStationNumber::new(*station).unwrap();
            let contest = election
                .polling_stations
                .iter()
                .find(|s| s.number == number)
                .and_then(|s| election.contest(s.contest.as_ref().unwrap()))
                .unwrap();
            let fields: BTreeMap<String, Value> = CountForm::Flanders(result.count.clone())
                .fields(contest)
                .into_iter()
                .map(|f| {
                    let value = match f.value {
                        FieldValue::Number(n) => json!(n),
                        FieldValue::Flag(b) => json!(b),
                        FieldValue::Text(t) => json!(t),
                    };
                    (f.key, value)
                })
                .collect();
            assert_eq!(
                type_count(&base, &anna, *station, &fields).await,
                "second_entry_not_started"
            );
            assert_eq!(
                type_count(&base, &bert, *station, &fields).await,
                "definitive"
            );
        }
        let coordinator = log_in(&base, "coord").await;
        let (client, csrf) = &coordinator;
        let page = client
            .get(format!("{base}/elections/{ELECTION}/result"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("id=\"seats-LINDEVELD\"") && page.contains("id=\"seats-BEEKDAL\""),
            "{page}"
        );
        let made = client
            .post(format!("{base}/elections/{ELECTION}/result/files"))
            .form(&[("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert!(made.status().is_success() || made.status().is_redirection());
        let file = client
            .get(format!(
                "{base}/elections/{ELECTION}/result/files/flanders-result-json"
            ))
            .send()
            .await
            .unwrap();
        assert!(file.status().is_success(), "{}", file.status());
        let bytes = file.bytes().await.unwrap().to_vec();
        for district in ["LINDEVELD", "BEEKDAL"] {
            let report = client
                .get(format!(
                    "{base}/elections/{ELECTION}/result/files/pdf-flanders-main-office-{district}"
                ))
                .send()
                .await
                .unwrap();
            assert!(
                report.status().is_success(),
                "{district}: {}",
                report.status()
            );
        }
        task.abort();
        bytes
    });
    assert_eq!(per_contest(&from_web), expected, "the web app's result");
    let sealed_web = run_with_input(
        urna(&data)
            .args(["result", "seal", ELECTION, "--package"])
            .arg(ceremony.join("packages/HSB"))
            .arg("--authority-key")
            .arg(&authority)
            .arg("--seal-for")
            .arg(central.join("central-transmission.pub"))
            .arg("--sealed")
            .arg(path("web.urna-result")),
        &format!("{main_office_password}\n"),
    );
    assert!(sealed_web.status.success(), "{}", text(&sealed_web.stderr));

    // Path 3: the central authority takes both packages in (the sticks' first), publishes.
    for sealed in ["sticks.urna-result", "web.urna-result"] {
        let received = run_with_input(
            urna(&data)
                .args(["central", "receive", "--dir"])
                .arg(&central)
                .arg("--offices")
                .arg(ceremony.join("offices.json"))
                .args(["--election", ELECTION])
                .arg(path(sealed)),
            &format!("{CENTRAL}\n"),
        );
        assert!(
            received.status.success(),
            "{sealed}: {}{}",
            text(&received.stdout),
            text(&received.stderr)
        );
    }
    let site = path("site");
    let exported = run_with_input(
        urna(&data)
            .args(["publish", "export"])
            .arg(&site)
            .arg("--central")
            .arg(&central)
            .args([
                "--round",
                "PR2024",
                "--name",
                "Provincieraadsverkiezingen 2024",
            ]),
        &format!("{CENTRAL}\n"),
    );
    assert!(exported.status.success(), "{}", text(&exported.stderr));
    let snapshot: Value =
        serde_json::from_slice(&std::fs::read(site.join("feed/snapshot.json")).unwrap()).unwrap();
    let outcome = &snapshot["elections"][0]["outcome"];
    assert_eq!(outcome["status"], "in", "{outcome}");
    assert_eq!(outcome["seats"], 13);
    let published = outcome["contests"].as_array().unwrap();
    assert_eq!(published.len(), 2);
    for (contest, computed) in published.iter().zip(expected.as_array().unwrap()) {
        assert_eq!(contest["contest"], computed["contest"]);
        assert_eq!(
            contest["turnout"]["valid"], computed["totals"]["valid"],
            "{contest}"
        );
        for (list, allocated) in contest["lists"]
            .as_array()
            .unwrap()
            .iter()
            .zip(computed["lists"].as_array().unwrap())
        {
            assert_eq!(list["seats"], allocated["seats"]);
            let positions: Vec<&Value> = list["elected"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| &e["position"])
                .collect();
            let expected: Vec<&Value> = allocated["elected"].as_array().unwrap().iter().collect();
            assert_eq!(positions, expected, "list {}", list["number"]);
        }
    }
    // The province over both districts: N-VA's 16 votes and 7 seats.
    let nva = outcome["lists"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["name"] == "N-VA")
        .unwrap();
    assert_eq!((&nva["votes"], &nva["seats"]), (&json!(16), &json!(7)));
    let page = std::fs::read_to_string(site.join(format!("verkiezing/{ELECTION}.html"))).unwrap();
    assert!(page.contains("Per kiesdistrict") && page.contains("Kiesdistrict Beekdal"));

    // Path 4: anyone checks the publication, computing every number again.
    let verified = run(urna(&path("unused")).arg("verify").arg(&site));
    assert!(verified.status.success(), "{}", text(&verified.stdout));
}
