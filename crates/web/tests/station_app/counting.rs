//! Counts with an undo and turnout reach the coordinator with the differences; a Flemish
//! polling station reports turnout but gets no Dutch count helper.

use super::*;

#[tokio::test]
async fn counts_undo_and_turnout_reach_the_coordinator_with_the_differences() {
    let servers = Servers::start(test_config()).await;
    let chair = servers.chair(1).await;
    for (moment, admitted) in [("10:00", "120"), ("13:00", "1.082"), ("", "1100")] {
        let response = chair.report(1, moment, admitted).await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "{moment} {admitted}"
        );
    }
    // Bad input is refused with the reason and nothing stored.
    for (moment, admitted, reason) in [
        ("11:00", "5", "Geen tijdstip"),
        ("10:00", "twaalf", "twaalf"),
        ("10:00", "", "Vul het aantal"),
        ("10:00", "-3", "-3"),
    ] {
        let response = chair.report(1, moment, admitted).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(response.text().await.unwrap().contains(reason), "{reason}");
    }
    assert_eq!(servers.reports(1), vec![120, 1082, 1100]);

    for mark in [
        "c:1:1", "c:1:1", "c:1:2", "c:2:1", "blank", "invalid", "c:1:2",
    ] {
        let response = chair
            .post(
                "/stembureau/1/telling/markeer",
                &[("mark", mark), ("back", "lijst/1")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(location(&response).starts_with("/stembureau/1/telling/lijst/1?geteld="));
    }
    // A second member counts on a second device: each undo takes back that device's own tap.
    let helper = servers.chair(1).await;
    let response = helper
        .post("/stembureau/1/telling/markeer", &[("mark", "blank")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = chair
        .post("/stembureau/1/telling/herstel", &[("back", "lijst/1")])
        .await;
    assert_eq!(
        location(&response),
        "/stembureau/1/telling/lijst/1?hersteld=c%3A1%3A2"
    );
    let response = helper.post("/stembureau/1/telling/herstel", &[]).await;
    assert_eq!(location(&response), "/stembureau/1/telling?hersteld=blank");
    let page = chair
        .page("/stembureau/1/telling/lijst/1?hersteld=c%3A1%3A2")
        .await;
    assert!(
        page.contains("Hersteld: 1 stem teruggenomen van lijst 1, kandidaat 2"),
        "{page}"
    );
    for bad in ["c:1:999", "c:99:1", "nonsense"] {
        let response = chair
            .post("/stembureau/1/telling/markeer", &[("mark", bad)])
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }
    let tally = app_tally(&servers, 1);
    assert_eq!(tally.lists[0][..2], [2, 1]);
    assert_eq!((tally.blank, tally.invalid, tally.total_cast()), (1, 1, 6));
    let draft = chair.page("/stembureau/1/concept").await;
    assert!(draft.contains("CONCEPT"));
    assert!(draft.contains("id=\"total-cast\">6<"), "{draft}");
    assert!(draft.contains("kleiner dan D"), "D 1100, H 6: {draft}");

    // The typists' definitive count has one vote more for candidate 1 of list 1.
    store_definitive_count(&servers, 1, &tally, 1100);
    let coordinator = servers.coordinator().await;
    let page = coordinator
        .get(&format!("/elections/{ASSEN}/stembureau-app"))
        .await;
    let page = page.text().await.unwrap();
    assert!(page.contains("id=\"difference-warning\""), "{page}");
    assert!(page.contains("E.1: app 3, telling 4"), "{page}");
    assert!(page.contains("1.1: app 2, telling 3"), "{page}");
    assert!(page.contains("H: app 6, telling 7"), "{page}");
    assert!(page.contains("1 / 44"));
    assert!(
        page.contains(&web::station_app::device_fingerprint(
            &web::station_app::local_authority(&servers._dir.path().join("stembureau-app"))
                .unwrap()
                .0
        ))
    );

    // The electorate the municipality states replaces the stations' sum; nonsense is refused.
    assert!(page.contains("opgeteld uit de stembureaus"), "{page}");
    for bad in ["0", "veel", ""] {
        let response = coordinator
            .form(
                &format!("/elections/{ASSEN}/stembureau-app/electorate"),
                &[("electorate", bad)],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad:?}"
        );
    }
    let response = coordinator
        .form(
            &format!("/elections/{ASSEN}/stembureau-app/electorate"),
            &[("electorate", "53.120")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = coordinator
        .get(&format!("/elections/{ASSEN}/stembureau-app"))
        .await;
    let page = page.text().await.unwrap();
    assert!(page.contains("opgegeven door de gemeente"), "{page}");
    assert!(page.contains("53120"), "{page}");
    assert_eq!(servers.audit("station_app.electorate").len(), 1);

    // Publishing the 10:00 figure records it and offers it as JSON.
    let response = coordinator
        .form(
            &format!("/elections/{ASSEN}/stembureau-app/publish"),
            &[("moment", "10:00")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (status, published) = coordinator
        .json(
            "GET",
            &format!("/elections/{ASSEN}/stembureau-app/opkomst.json"),
            &serde_json::Value::Null,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let figures = &published["publications"][0]["figures"];
    assert_eq!(figures["moment"], "10:00");
    assert_eq!(figures["admitted"], 120);
    assert_eq!(figures["reported"], 1);
    assert_eq!(figures["polling_stations"], 44);
    assert_eq!(figures["electorate"], 53120);
    assert_eq!(figures["turnout_percent"], serde_json::Value::Null);
    // Each polling station's figure, as municipalities publish them (null: not reported).
    let stations = figures["per_polling_station"].as_array().unwrap();
    assert_eq!(stations.len(), 44);
    assert_eq!(
        (&stations[0]["number"], &stations[0]["admitted"]),
        (&serde_json::json!(1), &serde_json::json!(120))
    );
    assert_eq!(stations[1]["admitted"], serde_json::Value::Null);
    // The same as a spreadsheet: a row for the municipality and one per polling station.
    let response = coordinator
        .get(&format!("/elections/{ASSEN}/stembureau-app/opkomst.csv"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let csv = response.text().await.unwrap();
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(';').collect()).collect();
    assert_eq!(
        csv.lines().next(),
        Some(
            "tijdstip;gepubliceerd;stembureau;naam;toegelaten_kiezers;kiesgerechtigden;opkomst_procent"
        )
    );
    assert_eq!(rows.len(), 1 + 1 + 44, "{csv}");
    assert_eq!(
        (rows[1][0], rows[1][2], rows[1][4], rows[1][5], rows[1][6]),
        ("10:00", "gemeente", "120", "53120", "")
    );
    assert_eq!((rows[2][2], rows[2][4]), ("1", "120"));
    assert_eq!((rows[3][2], rows[3][4]), ("2", ""));
    // Every action of the device is in the audit log with its station and session.
    let marks = servers.audit("station_app.mark");
    assert_eq!(marks.len(), 8);
    assert!(
        marks
            .iter()
            .all(|d| d["polling_station"] == 1 && d["session"].as_str().unwrap().len() == 12)
    );
    let undos = servers.audit("station_app.undo");
    assert_eq!(undos.len(), 2);
    assert_ne!(undos[0]["session"], undos[1]["session"]);
    assert_eq!(servers.audit("station_app.turnout").len(), 3);
    assert_eq!(servers.audit("station_app.turnout_published").len(), 1);
    assert_eq!(servers.store.verify_audit_log().unwrap().broken, None);
}

#[tokio::test]
async fn a_flemish_polling_station_reports_turnout_but_gets_no_dutch_count_helper() {
    let servers = Servers::start(test_config()).await;
    let bytes = testkit::fixture("flanders/GR2024_Lindeveld.json");
    let election = flanders::read_definition("GR2024_Lindeveld.json", &bytes).unwrap();
    let station = election.polling_stations[0].number;
    let id = election.id.clone();
    servers
        .store
        .import_election(&Actor::new("test", "setup"), election, Vec::new())
        .unwrap();
    let password = seal::password::generate();
    servers
        .store
        .set_station_credentials(
            &Actor::new("test", "setup"),
            &id,
            vec![NewCredential {
                station,
                login: format!("{id}-SB{station}"),
                verifier: seal::password::verifier(&seal::password::normalise(&password)).unwrap(),
            }],
            CredentialSource::Coordinator,
        )
        .unwrap();
    let mut device = servers.device();
    let response = device.log_in(&format!("{id}-SB{station}"), &password).await;
    let home = location(&response);
    assert_eq!(home, format!("/stembureau/{station}"));
    let page = device.page(&home).await;
    device.csrf = csrf_in(&page);
    assert!(
        page.contains("to-turnout") && !page.contains("to-count"),
        "{page}"
    );
    let response = device.get(&format!("{home}/telling")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(response.text().await.unwrap().contains("alleen de opkomst"));
    for path in ["telling/markeer", "telling/herstel"] {
        let response = device
            .post(&format!("{home}/{path}"), &[("mark", "blank")])
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    assert!(servers.audit("station_app.undo").is_empty());
    let response = device
        .post(
            &format!("{home}/opkomst"),
            &[("moment", "10:00"), ("admitted", "88")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let reports = servers.store.turnout_reports(&id, None).unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].admitted, 88);
    assert!(servers.store.tally_counts(&id, None).unwrap().is_empty());
}
