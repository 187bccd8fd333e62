//! The committee's page with plain forms: the first session's details, its files made (the
//! session closes), a second session opened, an investigation concluded with a corrected count
//! typed twice again, and the corrigendum served; a typist may do none of it.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_session_corrects_a_count_through_the_pages() {
    let server = Server::start().await;
    let coord = server.login("coord").await;
    let anna = server.login("anna").await;
    let bert = server.login("bert").await;
    let shape = shape(&server.store, TEST);
    let stations = common::stations(&server.store, TEST);
    // The counting method is chosen before data entry, and fixed once it started.
    let counting = format!("/elections/{TEST}/committee/counting");
    let chosen = coord.form(&counting, &[("method", "decentralised")]).await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
    assert!(
        committee_page(&coord)
            .await
            .contains("decentrale stemopneming")
    );
    let chosen = coord.form(&counting, &[("method", "central")]).await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
    for (i, station) in stations.iter().enumerate() {
        let count = sound_count(&shape, 10 + i as u64);
        anna.type_entry(TEST, *station, &count).await;
        assert_eq!(bert.type_entry(TEST, *station, &count).await, "definitive");
    }
    let fixed = coord.form(&counting, &[("method", "decentralised")]).await;
    assert_eq!(fixed.status(), StatusCode::CONFLICT);
    assert!(fixed.text().await.unwrap().contains("ligt vast"));
    // The first session's details, then its files: it closes.
    let recorded = coord
        .form(
            &format!("/elections/{TEST}/committee/session"),
            &[
                ("start", "2022-03-17T09:00"),
                ("place", "Raadzaal"),
                ("members", "A. Voorzitter\nB. Lid\n"),
            ],
        )
        .await;
    assert_eq!(recorded.status(), StatusCode::SEE_OTHER);
    let shown = committee_page(&coord).await;
    assert!(shown.contains("17-03-2022 09:00"), "{shown}");
    assert!(shown.contains("A. Voorzitter, B. Lid"), "{shown}");
    // A typist sees nothing to change here, and is refused when trying.
    let refused = anna
        .form(
            &format!("/elections/{TEST}/committee/open"),
            &[
                ("start", "2022-03-24T09:00"),
                ("place", "x"),
                ("members", "y"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    // The next session waits for this one to close.
    let early = coord
        .form(
            &format!("/elections/{TEST}/committee/open"),
            &[
                ("start", "2022-03-24T09:00"),
                ("place", "Raadzaal"),
                ("members", "A. Voorzitter"),
            ],
        )
        .await;
    assert_eq!(early.status(), StatusCode::CONFLICT);
    assert!(
        early
            .text()
            .await
            .unwrap()
            .contains("Zitting 1 is nog open")
    );
    let made = coord
        .form(&format!("/elections/{TEST}/result/files"), &[])
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let first_510b = coord
        .get(&format!("/elections/{TEST}/result/files/eml-510b"))
        .await
        .bytes()
        .await
        .unwrap();

    let opened = coord
        .form(
            &format!("/elections/{TEST}/committee/open"),
            &[
                ("start", "2022-03-24T14:00"),
                ("place", "Raadzaal"),
                ("members", "A. Voorzitter\nC. Lid"),
            ],
        )
        .await;
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    let station = stations[0].to_string();
    let investigated = coord
        .form(
            &format!("/elections/{TEST}/committee/investigations"),
            &[
                ("station", &station),
                ("cause", "other_reason"),
                ("reason", "Bezwaar over de telling van lijst 1"),
                ("requested", "on"),
            ],
        )
        .await;
    assert_eq!(investigated.status(), StatusCode::SEE_OTHER);
    let shown = committee_page(&coord).await;
    assert!(
        shown.contains(&format!("id=\"conclude-{station}\"")),
        "{shown}"
    );
    let concluded = coord
        .form(
            &format!("/elections/{TEST}/committee/investigations/{station}/conclude"),
            &[
                ("findings", "Eén stem van lijst 1 lag bij blanco"),
                ("recounted", "on"),
                ("corrected", "on"),
            ],
        )
        .await;
    assert_eq!(concluded.status(), StatusCode::SEE_OTHER);
    // The count is open again until it is typed twice, now with other figures.
    assert_eq!(anna.entry(TEST, stations[0]).await["status"], "not_started");
    let corrected = sound_count(&shape, 11);
    anna.type_entry(TEST, stations[0], &corrected).await;
    assert_eq!(
        bert.type_entry(TEST, stations[0], &corrected).await,
        "definitive"
    );
    let made = coord
        .form(&format!("/elections/{TEST}/result/files"), &[])
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let result = coord
        .get(&format!("/elections/{TEST}/result"))
        .await
        .text()
        .await
        .unwrap();
    assert!(result.contains("/result/files/pdf-na-14-2\""), "{result}");
    let corrigendum = coord
        .get(&format!("/elections/{TEST}/result/files/pdf-na-14-2"))
        .await;
    assert_eq!(corrigendum.status(), StatusCode::OK);
    assert!(
        corrigendum.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("Model_Na14-2_GR2022_Test_zitting2.pdf")
    );
    let second_510b = coord
        .get(&format!("/elections/{TEST}/result/files/eml-510b"))
        .await
        .text()
        .await
        .unwrap();
    assert_ne!(second_510b.as_bytes(), &first_510b[..]);
    assert!(
        second_510b.contains(
            "<kr:Investigation ReasonCode=\"onderzocht vanwege andere reden\">true</kr:Investigation>"
        ),
        "{second_510b}"
    );
    let shown = committee_page(&coord).await;
    assert!(shown.contains("id=\"history\""), "{shown}");
    assert!(
        shown.contains("Bezwaar over de telling van lijst 1"),
        "{shown}"
    );
    assert!(!shown.contains("id=\"new-investigation\""), "{shown}");
    let actions = server.audit_actions();
    for action in ["session.open", "investigation.conclude", "session.close"] {
        assert!(actions.iter().any(|a| a == action), "{action}: {actions:?}");
    }
}

async fn committee_page(client: &Client) -> String {
    client
        .get(&format!("/elections/{TEST}/committee"))
        .await
        .text()
        .await
        .unwrap()
}
