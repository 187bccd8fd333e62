//! A polling station's session over HTTPS: only its own polling station, revoked at once, never
//! over plain HTTP, no change on a forged CSRF token, locked when idle.

use super::*;

#[tokio::test]
async fn a_session_sees_and_changes_only_its_own_polling_station() {
    let servers = Servers::start(test_config()).await;
    let one = servers.chair(1).await;
    let two = servers.chair(2).await;
    let response = two.report(2, "10:00", "77").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // Station 1's session, with its own valid CSRF token, on station 2's pages.
    for path in [
        "/stembureau/2",
        "/stembureau/2/opkomst",
        "/stembureau/2/telling",
        "/stembureau/2/telling/lijst/1",
        "/stembureau/2/concept",
    ] {
        let response = one.get(path).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
        let text = response.text().await.unwrap();
        assert!(text.contains("hoort bij stembureau 1"), "{text}");
        assert!(!text.contains(">77<"));
    }
    for (path, fields) in [
        (
            "/stembureau/2/opkomst",
            vec![("moment", "10:00"), ("admitted", "5")],
        ),
        ("/stembureau/2/telling/markeer", vec![("mark", "c:1:1")]),
        ("/stembureau/2/telling/herstel", vec![]),
    ] {
        let response = one.post(path, &fields).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(servers.reports(2), vec![77]);
    assert_eq!(servers.reports(1), Vec::<u32>::new());
    assert_eq!(app_tally(&servers, 2).total_cast(), 0);
    let refused = servers.audit("station_app.refused");
    assert_eq!(refused.len(), 8);
    assert!(
        refused
            .iter()
            .all(|d| d["polling_station"] == 1 && d["reason"] == "another polling station")
    );

    // Its own pages work, and show only its own figures.
    let response = one.report(1, "10:00", "41").await;
    assert_eq!(location(&response), "/stembureau/1/opkomst?opgeslagen");
    let page = one.page("/stembureau/1/opkomst?opgeslagen").await;
    assert!(page.contains("41") && !page.contains(">77<"), "{page}");
    assert_eq!(servers.reports(1), vec![41]);

    // A station's password does not log in as another station.
    let mut wrong = servers.device();
    let response = wrong
        .log_in(&format!("{ASSEN}-SB2"), &servers.passwords[0])
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    wrong.csrf.clear();
    // Typed as on paper, with other case and without the dashes, it works.
    let typed = servers.passwords[1].replace('-', " ").to_uppercase();
    let response = wrong.log_in(&format!("{ASSEN}-sb2"), &typed).await;
    assert_eq!(location(&response), "/stembureau/2");
    // An overlong login is cut short before it is looked up or logged.
    let response = wrong.log_in(&"x".repeat(100_000), "y").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let failed = servers.audit("station_app.login_failed");
    assert_eq!(failed.len(), 2);
    assert!(failed[1]["actor"].as_str().unwrap().len() < 200);
    assert_eq!(servers.audit("station_app.login").len(), 3);
}

#[tokio::test]
async fn a_revoked_session_is_refused_at_once() {
    let servers = Servers::start(test_config()).await;
    let chair = servers.chair(1).await;
    let other = servers.chair(1).await;
    let chair_page = chair.page("/stembureau/1").await;
    let coordinator = servers.coordinator().await;
    let overview = coordinator
        .get(&format!("/elections/{ASSEN}/stembureau-app"))
        .await;
    assert_eq!(overview.status(), StatusCode::OK);
    let overview = overview.text().await.unwrap();
    let sessions = servers.state.station_app.sessions.list(
        &model::ElectionId::new(ASSEN).unwrap(),
        web::station_app::sessions::StationLimits::default(),
    );
    assert_eq!(sessions.len(), 2);
    let id = sessions[0].session.id.clone();
    assert!(overview.contains(&format!("id=\"session-{id}\"")));

    let response = coordinator
        .form(
            &format!("/elections/{ASSEN}/stembureau-app/sessions/{id}/revoke"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (revoked, kept) = if chair_page.contains(&id) {
        (&chair, &other)
    } else {
        (&other, &chair)
    };
    // The very next request, a read or a write, is refused and says why.
    let response = revoked.get("/stembureau/1/opkomst").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(response.text().await.unwrap().contains("ingetrokken"));
    let response = revoked.report(1, "10:00", "9").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(servers.reports(1), Vec::<u32>::new());
    // The other device of the same station goes on.
    let response = kept.report(1, "10:00", "10").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(servers.reports(1), vec![10]);
    let logged = servers.audit("station_app.revoked");
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0]["session"], id.as_str());
    assert_eq!(logged[0]["actor"], "web:coord");

    // A new password for the station revokes its remaining sessions too.
    let response = coordinator
        .form(
            &format!("/elections/{ASSEN}/stembureau-app/credentials/1"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let sheet = response.text().await.unwrap();
    assert!(sheet.contains(&format!("{ASSEN}-SB1")));
    let issued = sheet
        .split("id=\"password\" class=\"fingerprint\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap()
        .to_string();
    assert_eq!(issued.len(), 24, "{issued}");
    assert_eq!(
        kept.get("/stembureau/1").await.status(),
        StatusCode::UNAUTHORIZED
    );
    // The old password no longer logs in.
    let mut device = servers.device();
    device.csrf.clear();
    let response = device
        .log_in(&format!("{ASSEN}-SB1"), &servers.passwords[0])
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    // The issued one does, for that station only.
    let response = device.log_in(&format!("{ASSEN}-SB1"), &issued).await;
    assert_eq!(location(&response), "/stembureau/1");
    let credentials = servers
        .store
        .station_credentials(&model::ElectionId::new(ASSEN).unwrap())
        .unwrap();
    assert_eq!(credentials[0].source, CredentialSource::Coordinator);
    assert_eq!(credentials[1].source, CredentialSource::Ceremony);
}

#[tokio::test]
async fn the_app_is_never_served_over_plain_http() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let servers = Servers::start(test_config()).await;
    // Plain HTTP to the app's port: no HTTP answer at all.
    let mut stream = tokio::net::TcpStream::connect(servers.app_address)
        .await
        .unwrap();
    stream
        .write_all(b"POST /stembureau/inloggen HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .expect("the server closes the connection");
    assert!(!String::from_utf8_lossy(&answer).contains("HTTP/1.1"));
    // The results entry's plain-HTTP server does not serve the app's path either.
    let plain = Client::new(&servers.results);
    for path in ["/stembureau", "/stembureau/", "/stembureau/1/opkomst"] {
        let response = plain.get(path).await;
        assert_eq!(response.status(), StatusCode::MISDIRECTED_REQUEST, "{path}");
        assert!(response.text().await.unwrap().contains("alleen via HTTPS"));
    }
    let response = plain
        .http
        .post(format!("{}/stembureau/inloggen", servers.results))
        .form(&[
            ("login", format!("{ASSEN}-SB1")),
            ("password", servers.passwords[0].clone()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::MISDIRECTED_REQUEST);
    assert!(servers.audit("station_app.login").is_empty());
    // Over HTTPS, browsers are told to keep it so.
    let response = servers.device().get("/stembureau").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().contains_key("strict-transport-security"));
    // Its pages' scripts and stylesheet are there.
    for asset in ["/assets/style.css", "/assets/app.js", "/assets/station.js"] {
        assert_eq!(
            servers.device().get(asset).await.status(),
            StatusCode::OK,
            "{asset}"
        );
    }
    // Results entry is not reachable on the app's port.
    let response = servers.device().get("/elections").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_forged_csrf_token_changes_nothing() {
    let servers = Servers::start(test_config()).await;
    let mut chair = servers.chair(1).await;
    let genuine = chair.csrf.clone();
    for forged in ["0".repeat(64), String::new(), servers.chair(2).await.csrf] {
        chair.csrf = forged;
        for (path, fields) in [
            (
                "/stembureau/1/opkomst",
                vec![("moment", "10:00"), ("admitted", "5")],
            ),
            ("/stembureau/1/telling/markeer", vec![("mark", "blank")]),
            ("/stembureau/1/telling/herstel", vec![]),
            ("/stembureau/uitloggen", vec![]),
        ] {
            let response = chair.post(path, &fields).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
        }
    }
    assert_eq!(servers.reports(1), Vec::<u32>::new());
    assert_eq!(app_tally(&servers, 1).total_cast(), 0);
    assert_eq!(servers.audit("station_app.refused").len(), 12);
    assert!(servers.audit("station_app.mark").is_empty());
    // The session is still there: with its own token the same post works.
    chair.csrf = genuine;
    let response = chair
        .post("/stembureau/1/telling/markeer", &[("mark", "blank")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app_tally(&servers, 1).blank, 1);
    // A login form posted from another site is refused.
    let response = servers
        .device()
        .http
        .post(format!("{}/stembureau/inloggen", servers.app))
        .header("origin", "https://evil.example")
        .form(&[
            ("login", format!("{ASSEN}-SB1")),
            ("password", servers.passwords[0].clone()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // The coordinator's revocation with a forged token is refused too.
    let mut coordinator = servers.coordinator().await;
    coordinator.csrf = "f".repeat(64);
    let id = servers
        .state
        .station_app
        .sessions
        .list(&model::ElectionId::new(ASSEN).unwrap(), Default::default())[0]
        .session
        .id
        .clone();
    let response = coordinator
        .form(
            &format!("/elections/{ASSEN}/stembureau-app/sessions/{id}/revoke"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(chair.get("/stembureau/1").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_idle_session_locks_and_needs_the_password_again() {
    let mut config = test_config();
    config.station_app.limits.lock_after = Duration::from_millis(300);
    let servers = Servers::start(config).await;
    let chair = servers.chair(1).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let response = chair.get("/stembureau/1/opkomst").await;
    assert_eq!(response.status(), StatusCode::LOCKED);
    let response = chair.report(1, "10:00", "5").await;
    assert_eq!(response.status(), StatusCode::LOCKED);
    assert_eq!(servers.reports(1), Vec::<u32>::new());
    let response = chair
        .post(
            "/stembureau/ontgrendelen",
            &[("password", "not the password")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let response = chair
        .post(
            "/stembureau/ontgrendelen",
            &[("password", &servers.passwords[1])],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::UNAUTHORIZED,
        "another station's password"
    );
    let response = chair
        .post(
            "/stembureau/ontgrendelen",
            &[("password", &servers.passwords[0])],
        )
        .await;
    assert_eq!(location(&response), "/stembureau/1");
    assert_eq!(
        chair.get("/stembureau/1/opkomst").await.status(),
        StatusCode::OK
    );
    assert_eq!(servers.audit("station_app.unlock_failed").len(), 2);
    assert_eq!(servers.audit("station_app.unlock").len(), 1);
}
