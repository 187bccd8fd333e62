//! End to end over the network: three municipalities (the real results of Groningen 2022, West
//! Maas en Waal 2022 and Assen 2026, `publish::sample`) seal their result packages to the central
//! authority and send them to its intake over TLS, each with the client certificate its
//! ceremony issued for its office key. The centre checks, stores and answers with signed
//! receipts; from what it stored, it aggregates and publishes, and the snapshot and the site show
//! the Electoral Council's figures. A tampered, replayed, wrong-sender and wrong-election package
//! are each refused with their reason, and every refusal is in the audit log.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use central::intake::{Archive, Intake};
use model::ElectionId;
use publish::snapshot::{self, Header, Outcome as Published};
use publish::{Arrival, Registration, SourceMeta};
use seal::lock::ElectionKey;
use seal::package::{Office, OfficeCode};
use seal::signing::{PublicKey, SigningKey};
use seal::transmission::{Receipt, Status};
use store::{Actor, Store};
use web::intake::{Answer, SendError};
use zeroize::Zeroizing;

/// The central authority: its keys, its TLS identity, and the intake served on loopback.
struct Centre {
    transmission: seal::lock::ElectionPublicKey,
    receipts: PublicKey,
    tls_ca: String,
    address: String,
    store: Arc<Store>,
    dir: tempfile::TempDir,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for Centre {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// An office able to connect: its ceremony key and the certificate issued for it.
struct Connection {
    certificate: String,
    seed: Zeroizing<[u8; 32]>,
}

impl Connection {
    fn of(ca: &tls::CertificateAuthority, subject: &str, key: &SigningKey) -> Connection {
        Connection {
            certificate: ca.issue_client(subject, &key.public().to_bytes()).unwrap(),
            seed: key.secret_bytes(),
        }
    }
}

async fn start(
    senders: BTreeMap<ElectionId, Vec<(Office, PublicKey)>>,
    definitions: BTreeMap<ElectionId, String>,
    client_cas: &str,
) -> Centre {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open_or_create(dir.path()).unwrap());
    let transmission = ElectionKey::generate();
    let receipts = SigningKey::generate();
    let authority = tls::CertificateAuthority::generate("Test centre").unwrap();
    let server = authority
        .issue_server(&["localhost".into(), "127.0.0.1".into()])
        .unwrap();
    let config = tls::server_config(&server, Some(client_cas)).unwrap();
    let public = (transmission.public(), receipts.public());
    let intake = Arc::new(
        Intake::new(
            transmission,
            receipts,
            senders,
            Archive::new(&dir.path().join("received")),
            store.clone(),
            Actor::new("test", "centre"),
        )
        .expecting_definitions(definitions),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(web::https::serve(
        listener,
        config,
        web::intake::router(intake),
        async {
            let _ = stopped.await;
        },
    ));
    Centre {
        transmission: public.0,
        receipts: public.1,
        tls_ca: authority.certificate_pem().to_string(),
        address,
        store,
        dir,
        stop: Some(stop),
    }
}

impl Centre {
    async fn send(
        &self,
        connection: &Connection,
        election: &str,
        sealed: &[u8],
    ) -> Result<Answer, SendError> {
        let config = tls::client_config(
            &self.tls_ca,
            Some((&connection.certificate, &connection.seed)),
        )
        .unwrap();
        web::intake::send(
            &self.address,
            "localhost",
            config,
            &election.parse().unwrap(),
            sealed.to_vec(),
        )
        .await
    }

    /// Sends and expects a receipt, checked with the centre's key.
    async fn receipt(&self, connection: &Connection, election: &str, sealed: &[u8]) -> Receipt {
        match self.send(connection, election, sealed).await.unwrap() {
            Answer::Receipt { bytes, signature } => {
                let receipt = Receipt::verify(&bytes, &signature, &self.receipts)
                    .expect("a receipt signed by the centre");
                assert_eq!(receipt.sealed, seal::HashCode::of(sealed).to_hex());
                receipt
            }
            Answer::Refused { en, .. } => panic!("refused: {en}"),
        }
    }

    /// Sends and expects a refusal: its reason in English and in Dutch.
    async fn refusal(
        &self,
        connection: &Connection,
        election: &str,
        sealed: &[u8],
    ) -> (String, String) {
        match self.send(connection, election, sealed).await.unwrap() {
            Answer::Refused { en, nl } => (en, nl),
            Answer::Receipt { .. } => panic!("taken in, but should be refused"),
        }
    }

    /// What the centre stored of `election`'s main office: version 1 as an arrival for the
    /// snapshot, read back from its archive.
    fn arrival(&self, election: &str) -> Arrival {
        let folder = self.dir.path().join("received").join(election).join("HSB");
        let first = folder.join("v1");
        let receipt: Receipt =
            serde_json::from_slice(&std::fs::read(first.join("receipt.json")).unwrap()).unwrap();
        let files =
            seal::stick::read(&seal::stick::Target::Directory(first.join("package"))).unwrap();
        Arrival {
            election: election.parse().unwrap(),
            meta: SourceMeta {
                office: OfficeCode::MainOffice,
                version: 1,
                package: receipt.package,
                received: receipt.received,
                newer_versions_for_review: std::fs::read_dir(&folder).unwrap().count() as u32 - 1,
            },
            files,
        }
    }

    fn audit(&self, action: &str) -> Vec<String> {
        self.store
            .audit_entries()
            .unwrap()
            .into_iter()
            .filter(|e| e.action == action)
            .map(|e| e.details)
            .collect()
    }
}

fn versions(dir: &Path, election: &str) -> usize {
    std::fs::read_dir(dir.join("received").join(election).join("HSB"))
        .map(|d| d.count())
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_municipalities_send_over_tls_and_the_centre_publishes_what_it_received() {
    let sample = publish::sample::centre(&testkit::fixtures_dir()).unwrap();

    // Each election's ceremony issued its offices' certificates under its own authority. Assen
    // has a polling station with a key and certificate of its own, too.
    let polling_station = Office::PollingStation {
        number: 1,
        name: "Stembureau Stadhuis".into(),
    };
    let polling_station_key = SigningKey::generate();
    let mut senders = BTreeMap::new();
    let mut client_cas = String::new();
    let mut connections = Vec::new();
    let mut assen_station = None;
    for ((registration, _), office) in sample.registrations.iter().zip(&sample.offices) {
        let ca = tls::CertificateAuthority::generate(registration.election.as_str()).unwrap();
        client_cas.push_str(ca.certificate_pem());
        let mut keys = vec![(office.office.clone(), office.key.public())];
        if registration.election == "GR2026_Assen" {
            keys.push((polling_station.clone(), polling_station_key.public()));
            assen_station = Some(Connection::of(
                &ca,
                "GR2026_Assen/SB1",
                &polling_station_key,
            ));
        }
        senders.insert(registration.election.clone(), keys);
        connections.push(Connection::of(
            &ca,
            &format!("{}/HSB", registration.election),
            &office.key,
        ));
    }
    let definitions = sample
        .registrations
        .iter()
        .map(|(r, _)| (r.election.clone(), r.definition.clone()))
        .collect();
    let centre = start(senders, definitions, &client_cas).await;
    let sealed: Vec<Vec<u8>> = sample
        .offices
        .iter()
        .map(|o| seal::transmission::seal(&o.package, &centre.transmission).unwrap())
        .collect();
    let elections: Vec<&str> = sample
        .registrations
        .iter()
        .map(|(r, _)| r.election.as_str())
        .collect();

    // All three taken in: version 1 each, receipts signed by the centre.
    let mut first_receipts = Vec::new();
    for ((connection, file), election) in connections.iter().zip(&sealed).zip(&elections) {
        let receipt = centre.receipt(connection, election, file).await;
        first_receipts.push(receipt.clone());
        assert_eq!(receipt.status, Status::Accepted, "{election}");
        assert_eq!(receipt.version, 1);
        assert_eq!(receipt.election, *election);
        assert_eq!(receipt.office, "HSB");
    }

    // The centre aggregates and publishes what it stored (read back from its archive).
    let registrations: Vec<Registration> = sample
        .registrations
        .iter()
        .map(|(r, _)| r.clone())
        .collect();
    let arrivals: Vec<Arrival> = elections.iter().map(|e| centre.arrival(e)).collect();
    let published = snapshot::build(
        Header {
            round: "GR".into(),
            name: "Test".into(),
            version: 1,
            created: "2026-11-23T21:00:00Z".into(),
            previous: None,
            software: None,
        },
        &registrations,
        &arrivals,
    );
    assert_eq!(published.progress.municipalities_in, 3);
    assert_eq!(published.progress.polling_stations_in, 245);
    let official = testkit::published_gr2022("WestMaasenWaal");
    let differences = publish::sample::differences_from_published(
        &published,
        &"GR2022_WestMaasenWaal".parse().unwrap(),
        &official,
    );
    assert!(differences.is_empty(), "{differences:#?}");
    let Published::In { lists, .. } = &published.elections[1].outcome else {
        panic!("West Maas en Waal is not in");
    };
    let site = publish::site::render(&published, "test").unwrap();
    let page = String::from_utf8(site["/verkiezing/GR2022_WestMaasenWaal.html"].clone()).unwrap();
    assert!(page.contains(&publish::site::number(
        messages::Language::Nl,
        lists[0].votes
    )));

    // Replayed by the office itself: the same receipt's content, nothing stored again.
    let again = centre
        .receipt(&connections[0], elections[0], &sealed[0])
        .await;
    assert_eq!(again.status, Status::AlreadyReceived);
    assert_eq!(again.version, 1);
    assert_eq!(versions(centre.dir.path(), elections[0]), 1);

    // Attack: the published package (its files, manifest and signature are on the public site)
    // sealed anew to the centre's public key, as anyone can. The same signed package: the first
    // receipt again, not "a new version, for review".
    let resealed =
        seal::transmission::seal(&sample.offices[0].package, &centre.transmission).unwrap();
    assert_ne!(resealed, sealed[0]);
    let again = centre
        .receipt(&connections[0], elections[0], &resealed)
        .await;
    assert_eq!(again.status, Status::AlreadyReceived);
    assert_eq!(again.version, 1);
    assert_eq!(again.package, first_receipts[0].package);
    assert_eq!(versions(centre.dir.path(), elections[0]), 1);

    // Tampered on the way: one byte changed.
    let mut tampered = sealed[2].clone();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 1;
    let (en, nl) = centre
        .refusal(&connections[2], "GR2026_Assen", &tampered)
        .await;
    assert!(en.contains("does not decrypt"), "{en}");
    assert!(nl.contains("gaat niet open"), "{nl}");

    // Replayed by someone else: Assen's main-office package, captured, sent over the connection
    // of Assen's polling station 1.
    let station = assen_station.unwrap();
    let (en, nl) = centre.refusal(&station, "GR2026_Assen", &sealed[2]).await;
    assert_eq!(
        en,
        "the package was signed by HSB but sent over the connection of SB1"
    );
    assert!(nl.contains("ondertekend door HSB"), "{nl}");

    // Wrong sender: a package in the main office's name signed with the polling station's key,
    // over the station's own connection.
    let forged = seal::transmission::build(
        seal::package::ElectionRef {
            id: "GR2026_Assen".parse().unwrap(),
            name: sample.offices[2].package.manifest().election.name.clone(),
        },
        sample.offices[2].office.clone(),
        "2026-03-19T01:00:00Z",
        BTreeMap::from([("Telling.eml.xml".to_string(), b"<x/>".to_vec())]),
        &polling_station_key,
    )
    .unwrap();
    let forged = seal::transmission::seal(&forged, &centre.transmission).unwrap();
    let (en, _) = centre.refusal(&station, "GR2026_Assen", &forged).await;
    assert!(en.contains("signature"), "{en}");

    // The right office, but counted against another definition than its ceremony signed (one
    // seat more): refused before anything is stored.
    let assen = &sample.offices[2];
    let mut files: BTreeMap<String, Vec<u8>> = assen
        .package
        .manifest()
        .files
        .iter()
        .map(|f| {
            (
                f.path.clone(),
                assen.package.file(&f.path).unwrap().to_vec(),
            )
        })
        .collect();
    let mut definition: serde_json::Value =
        serde_json::from_slice(&files["election.json"]).unwrap();
    definition["seats"] = (definition["seats"].as_u64().unwrap() + 1).into();
    files.insert(
        "election.json".into(),
        serde_json::to_vec(&definition).unwrap(),
    );
    let manifest = assen.package.manifest();
    let other = seal::transmission::build(
        manifest.election.clone(),
        manifest.office.clone(),
        "2026-03-19T02:00:00Z",
        files,
        &assen.key,
    )
    .unwrap();
    let other = seal::transmission::seal(&other, &centre.transmission).unwrap();
    let (en, nl) = centre
        .refusal(&connections[2], "GR2026_Assen", &other)
        .await;
    assert!(
        en.starts_with("the election definition in the package (SHA-256 ")
            && en.ends_with(&format!(
                "is not the one the ceremony signed (SHA-256 {})",
                sample.registrations[2].0.definition
            )),
        "{en}"
    );
    assert!(
        nl.contains("niet die welke de ceremonie ondertekende"),
        "{nl}"
    );

    // Wrong sender at the door: a certificate from an authority no ceremony used, or none.
    let stranger_ca = tls::CertificateAuthority::generate("Elsewhere").unwrap();
    let stranger = Connection::of(&stranger_ca, "GR2026_Assen/HSB", &sample.offices[2].key);
    let error = centre
        .send(&stranger, "GR2026_Assen", &sealed[2])
        .await
        .unwrap_err();
    assert!(
        matches!(error, SendError::Handshake { .. } | SendError::Http(_)),
        "{error}"
    );
    let anonymous = tls::client_config(&centre.tls_ca, None).unwrap();
    assert!(
        web::intake::send(
            &centre.address,
            "localhost",
            anonymous,
            &"GR2026_Assen".parse().unwrap(),
            sealed[2].clone()
        )
        .await
        .is_err()
    );

    // Wrong election: West Maas en Waal's package sent for Assen, and for an election no
    // ceremony registered.
    let (en, _) = centre
        .refusal(&connections[1], "GR2026_Assen", &sealed[1])
        .await;
    assert_eq!(
        en,
        "the connection's certificate belongs to no office of election GR2026_Assen"
    );
    let (en, nl) = centre
        .refusal(&connections[1], "GR2026_Elders", &sealed[1])
        .await;
    assert_eq!(
        en,
        "election GR2026_Elders is not registered with this central authority"
    );
    assert!(nl.contains("niet geregistreerd"), "{nl}");

    // Nothing refused was stored; every refusal is in the audit log with its reason.
    assert_eq!(versions(centre.dir.path(), "GR2026_Assen"), 1);
    assert!(!centre.dir.path().join("received/GR2026_Elders").exists());
    let refused = centre.audit("central.refused");
    assert_eq!(refused.len(), 6, "{refused:#?}");
    for reason in [
        "does not decrypt",
        "is not the one the ceremony signed",
        "signed by HSB but sent over the connection of SB1",
        "signature",
        "belongs to no office of election GR2026_Assen",
        "GR2026_Elders is not registered",
    ] {
        assert!(
            refused.iter().any(|r| r.contains(reason)),
            "{reason} not in the audit log: {refused:#?}"
        );
    }
    assert_eq!(centre.audit("central.received").len(), 5);
    assert_eq!(centre.store.verify_audit_log().unwrap().broken, None);
}

#[tokio::test]
async fn plain_http_gets_no_answer_from_the_intake() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let ca = tls::CertificateAuthority::generate("x").unwrap();
    let centre = start(BTreeMap::new(), BTreeMap::new(), ca.certificate_pem()).await;
    let mut stream = tokio::net::TcpStream::connect(&centre.address)
        .await
        .unwrap();
    stream
        .write_all(b"POST /intake/v1/GR2026_Assen HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        stream.read_to_end(&mut answer),
    )
    .await
    .expect("the server closes the connection");
    assert!(!String::from_utf8_lossy(&answer).contains("HTTP/1.1"));
    assert!(centre.audit("central.refused").is_empty());
}
