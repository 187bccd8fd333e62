//! The result with plain forms: its files once every count is definitive; a drawing of lots and
//! a deceased candidate entered by the coordinator.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_result_and_its_files_once_every_count_is_definitive() {
    let server = Server::start().await;
    let coord = server.login("coord").await;
    // Before: the page says which polling stations are missing; no files can be made.
    let page = coord
        .get(&format!("/elections/{TEST}/result"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Nog geen definitieve telling"), "{page}");
    let refused = coord
        .form(&format!("/elections/{TEST}/result/files"), &[])
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);

    let anna = server.login("anna").await;
    let bert = server.login("bert").await;
    let shape = shape(&server.store, TEST);
    for (i, station) in common::stations(&server.store, TEST)
        .into_iter()
        .enumerate()
    {
        let count = sound_count(&shape, 10 + i as u64);
        anna.type_entry(TEST, station, &count).await;
        assert_eq!(bert.type_entry(TEST, station, &count).await, "definitive");
    }
    let page = coord
        .get(&format!("/elections/{TEST}/result"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"seats\""), "{page}");
    assert!(!page.contains("id=\"import-count\""), "{page}");
    let made = coord
        .form(&format!("/elections/{TEST}/result/files"), &[])
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let first = coord
        .get(&format!("/elections/{TEST}/result/files/eml-510b"))
        .await;
    assert_eq!(first.status(), StatusCode::OK);
    assert!(
        first.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("Telling_GR2022_Test.eml.xml")
    );
    let first = first.bytes().await.unwrap();
    let seats_table = |page: &str| {
        let start = page.find("id=\"seats\"").unwrap();
        let end = start + page[start..].find("</table>").unwrap();
        page[start..end].to_string()
    };
    let seats_here = seats_table(&page);

    // The central committee's path on another machine: the same election, no entries; the
    // coordinator uploads this 510b in the browser. A file that is not a count is refused,
    // changing nothing; the count becomes the definitive counts, with the same seats.
    let central = Server::start().await;
    let central_coord = central.login("coord").await;
    let import = format!("/elections/{TEST}/result/import");
    let refused = central_coord
        .upload(&import, "Telling_kapot.eml.xml", b"<not-eml/>")
        .await;
    assert!(refused.status().is_client_error(), "{}", refused.status());
    let message = refused.text().await.unwrap();
    assert!(message.contains("Telling_kapot.eml.xml"), "{message}");
    let page = central_coord
        .get(&format!("/elections/{TEST}/result"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"import-count\""), "{page}");
    assert!(page.contains("Nog geen definitieve telling"), "{page}");
    let typist = central.login("anna").await;
    assert_eq!(
        typist
            .upload(&import, "Telling_GR2022_Test.eml.xml", &first)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let imported = central_coord
        .upload(&import, "Telling_GR2022_Test.eml.xml", &first)
        .await;
    assert_eq!(imported.status(), StatusCode::SEE_OTHER);
    let page = central_coord
        .get(&format!("/elections/{TEST}/result"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(seats_table(&page), seats_here);
    assert!(!page.contains("id=\"import-count\""), "{page}");
    // Scripts use the API: the same import, answered in JSON.
    let scripted = Server::start().await;
    let api = scripted.login("coord").await;
    let response = api
        .post_file(
            &format!("/api/elections/{TEST}/result/import"),
            "Telling_GR2022_Test.eml.xml",
            &first,
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(
        body["imported"].as_u64(),
        Some(common::stations(&scripted.store, TEST).len() as u64)
    );
    // Once imported, a second import is refused.
    let again = central_coord
        .upload(&import, "Telling_GR2022_Test.eml.xml", &first)
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    // Made again: the stored file, byte for byte.
    coord
        .form(&format!("/elections/{TEST}/result/files"), &[])
        .await;
    let second = coord
        .get(&format!("/elections/{TEST}/result/files/eml-510b"))
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(first, second);
    let csv = coord
        .get(&format!("/elections/{TEST}/result/files/osv4-3-csv"))
        .await
        .text()
        .await
        .unwrap();
    assert!(csv.starts_with('\u{feff}') && csv.contains("\"Gemeenteraad Test 2022\""));
    // The central committee's EML and the official reports, stored with the count's files.
    for (kind, content_type, starts) in [
        ("eml-510d", "application/xml", "<?xml"),
        ("eml-520", "application/xml", "<?xml"),
        ("pdf-na-31-2", "application/pdf", "%PDF-"),
        ("pdf-na-31-2-bijlage-1", "application/pdf", "%PDF-"),
        ("pdf-p-22-2", "application/pdf", "%PDF-"),
    ] {
        let response = coord
            .get(&format!("/elections/{TEST}/result/files/{kind}"))
            .await;
        assert_eq!(response.status(), StatusCode::OK, "{kind}");
        assert_eq!(response.headers()["content-type"], content_type, "{kind}");
        let bytes = response.bytes().await.unwrap();
        assert!(bytes.starts_with(starts.as_bytes()), "{kind}");
    }
    let page = coord
        .get(&format!("/elections/{TEST}/result"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Model_P22-2_GR2022_Test.pdf"), "{page}");
    // Once the result's files are made, the result cannot change.
    let late = coord
        .form(
            &format!("/elections/{TEST}/result/deceased"),
            &[("list", "1"), ("position", "1")],
        )
        .await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    // Typists may not see the result; an unknown kind is not found.
    assert_eq!(
        anna.get(&format!("/elections/{TEST}/result"))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        coord
            .get(&format!("/elections/{TEST}/result/files/pdf"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

/// A small council of 5 seats whose two lists have exactly the same votes: the last seat is
/// decided by lot (Kieswet P 14).
fn tied_election() -> model::Election {
    use model::*;
    let candidates = |list: u32| -> Vec<Candidate> {
        (1..=5)
            .map(|p| Candidate {
                position: CandidatePosition::new(p).unwrap(),
                initials: Some("A.".into()),
                first_name: None,
                prefix: None,
                last_name: format!("Kandidaat{list}x{p}"),
                gender: None,
                locality: None,
                country: None,
            })
            .collect()
    };
    Election {
        id: ElectionId::new("GR2026_Gelijkstand").unwrap(),
        name: "Gemeenteraad Gelijkstand 2026".into(),
        jurisdiction: Jurisdiction::Netherlands,
        body: Body::MunicipalCouncil,
        domain: Some(Domain {
            id: Some(DomainId::new("9999").unwrap()),
            name: "Gelijkstand".into(),
        }),
        election_date: chrono::NaiveDate::from_ymd_opt(2026, 3, 18).unwrap(),
        nomination_date: None,
        seats: 5,
        preference_threshold_percent: Some(50),
        law: LawVersion::NlKieswet,
        contests: vec![Contest {
            id: ContestId::new("geen").unwrap(),
            name: None,
            seats: Some(5),
            lists: (1..=2)
                .map(|n| List {
                    number: ListNumber::new(n).unwrap(),
                    name: format!("Partij {n}"),
                    candidates: candidates(n),
                })
                .collect(),
        }],
        polling_stations: vec![PollingStation {
            number: PollingStationNumber::new(1).unwrap(),
            name: "Dorpshuis".into(),
            kind: None,
            address: Address::default(),
            voters: Some(200),
            contest: None,
        }],
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_enters_a_drawing_of_lots_and_a_deceased_candidate() {
    let server = Server::start().await;
    let election = tied_election();
    server
        .store
        .import_election(&Actor::new("test", "setup"), election.clone(), Vec::new())
        .unwrap();
    let id = "GR2026_Gelijkstand";
    // 50 votes for each list, all on its first candidate.
    let mut count = sound_count(&[5, 5], 0);
    for l in 1..=2 {
        for c in 1..=5 {
            count.insert(
                format!("lists.{l}.candidates.{c}"),
                json!(if c == 1 { 50 } else { 0 }),
            );
        }
        count.insert(format!("lists.{l}.total"), json!(50));
        count.insert(format!("votes.e.{l}"), json!(50));
    }
    for (key, value) in [
        ("votes.e", 100),
        ("votes.f", 0),
        ("votes.g", 0),
        ("votes.h", 100),
        ("voters.a", 100),
        ("voters.b", 0),
        ("voters.c", 0),
        ("voters.d", 100),
    ] {
        count.insert(key.into(), json!(value));
    }
    let anna = server.login("anna").await;
    let bert = server.login("bert").await;
    anna.type_entry(id, 1, &count).await;
    assert_eq!(bert.type_entry(id, 1, &count).await, "definitive");

    let coord = server.login("coord").await;
    let page = coord
        .get(&format!("/elections/{id}/result"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"lot\""), "{page}");
    let lot_id = page
        .split("name=\"lot\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    // An order that does not name the tied lists is refused; nothing recorded.
    let refused = coord
        .form(
            &format!("/elections/{id}/result/lot"),
            &[("lot", &lot_id), ("order", "2, 3")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert!(
        server
            .store
            .result_decisions(&model::ElectionId::new(id).unwrap())
            .unwrap()
            .is_empty()
    );
    // Drawn: list 2 wins the last seat.
    let entered = coord
        .form(
            &format!("/elections/{id}/result/lot"),
            &[("lot", &lot_id), ("order", "2, 1")],
        )
        .await;
    assert_eq!(entered.status(), StatusCode::SEE_OTHER);
    let page = coord
        .get(&format!("/elections/{id}/result"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("id=\"seats\"") && !page.contains("id=\"lot\""),
        "{page}"
    );
    let election_id = model::ElectionId::new(id).unwrap();
    let summary = server.state.office.result(&election_id).unwrap().summary;
    let seats: Vec<u32> = summary.contests[0].lists.iter().map(|l| l.seats).collect();
    assert_eq!(seats, [2, 3]);
    // A second lot for the same tie: none pending.
    let again = coord
        .form(
            &format!("/elections/{id}/result/lot"),
            &[("lot", &lot_id), ("order", "1, 2")],
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);

    // The first candidate of list 2 died before the result (Kieswet P 19a): not elected.
    let registered = coord
        .form(
            &format!("/elections/{id}/result/deceased"),
            &[("list", "2"), ("position", "1")],
        )
        .await;
    assert_eq!(registered.status(), StatusCode::SEE_OTHER);
    let view = server.state.office.result(&election_id).unwrap();
    let deceased: Vec<(u32, u32)> = view
        .determination
        .decisions
        .deceased
        .iter()
        .map(|d| (d.list.get(), d.position.get()))
        .collect();
    assert_eq!(deceased, [(2, 1)]);
    let list_2 = &view.summary.contests[0].lists[1];
    assert!(
        !list_2
            .elected
            .iter()
            .any(|e| e.name.contains("Kandidaat2x1")),
        "{:?}",
        list_2.elected
    );
    // Unknown candidates and typists are refused.
    let unknown = coord
        .form(
            &format!("/elections/{id}/result/deceased"),
            &[("list", "2"), ("position", "9")],
        )
        .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let typist = anna
        .form(
            &format!("/elections/{id}/result/deceased"),
            &[("list", "1"), ("position", "1")],
        )
        .await;
    assert_eq!(typist.status(), StatusCode::FORBIDDEN);
    let actions = server.audit_actions();
    assert!(
        actions.iter().any(|a| a == "result.lot") && actions.iter().any(|a| a == "result.deceased")
    );

    // The result package carries both decisions (decisions.json), so that the centre, computing
    // the seats again from the package alone, gets the municipality's result; without the file
    // it would stop at the tie.
    let mut files: std::collections::BTreeMap<String, Vec<u8>> = server
        .state
        .office
        .result_documents(&Actor::new("test", "seal"), &election_id)
        .unwrap()
        .into_iter()
        .map(|file| (file.name, file.bytes))
        .collect();
    // `urna result seal` adds the definition the ceremony signed.
    files.insert(
        publish::source::ELECTION_FILE.into(),
        serde_json::to_vec(&election).unwrap(),
    );
    let decisions: determine::Decisions =
        serde_json::from_slice(&files[determine::Decisions::FILE]).unwrap();
    assert_eq!(decisions.election.as_str(), id);
    assert_eq!(
        decisions.deceased,
        [determine::Deceased {
            contest: None,
            list: model::ListNumber::new(2).unwrap(),
            position: model::CandidatePosition::new(1).unwrap(),
        }]
    );
    assert_eq!(decisions.lots.len(), 1);
    assert_eq!(decisions.lots[0].order, [2, 1]);
    let centre = publish::source::determine(publish::source::read(&files).unwrap()).unwrap();
    let centre = centre.determination.contests[0].apportionment().unwrap();
    let seats: Vec<(u32, u32)> = centre.lists.iter().map(|l| (l.number, l.seats)).collect();
    assert_eq!(seats, [(1, 2), (2, 3)]);
    assert!(!centre.lists[1].elected.contains(&1));
    let mut without = files.clone();
    without.remove(determine::Decisions::FILE);
    assert!(matches!(
        publish::source::determine(publish::source::read(&without).unwrap()),
        Err(publish::source::SourceError::LotPending(_))
    ));
}
