//! The coordinator manages the typists' accounts and reads the audit log in the web app: a new
//! typist, a new temporary password (the old one and its sessions stop working), an account
//! disabled and enabled again; nothing beyond the typists; every step in the audit log, which the
//! page shows and checks.

use super::*;

/// The temporary password a users page shows once.
fn temporary_password(page: &str) -> String {
    page.split("id=\"temporary-password\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_adds_resets_disables_and_enables_typists_and_nothing_else() {
    let server = Server::start().await;
    let coord = server.login("coord").await;

    // The users page lists the typists only, each with its actions.
    let page = coord.get("/users").await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    for typist in ["anna", "bert", "cees"] {
        assert!(page.contains(&format!("id=\"user-{typist}\"")), "{typist}");
    }
    assert!(!page.contains("id=\"user-admin\"") && !page.contains("id=\"user-coord\""));
    let form = coord.get("/users/new").await.text().await.unwrap();
    assert!(form.contains("value=\"typist\"") && !form.contains("value=\"coordinator\""));

    // A new typist, with a temporary password to replace at the first login.
    let created = coord
        .form(
            "/users/new",
            &[
                ("username", "dirk"),
                ("full_name", "Dirk de Vries"),
                ("role", "typist"),
            ],
        )
        .await;
    assert_eq!(created.status(), StatusCode::OK);
    let first = temporary_password(&created.text().await.unwrap());
    let mut dirk = server.client();
    let (status, body) = dirk.login("dirk", &first).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["must_change_password"], true);
    // No coordinator or administrator account from the coordinator, even by a crafted form.
    let refused = coord
        .form(
            "/users/new",
            &[
                ("username", "eva"),
                ("full_name", "Eva"),
                ("role", "coordinator"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(server.store.user_by_username("eva").unwrap().is_none());
    for action in ["password", "disable"] {
        let response = coord.form(&format!("/users/admin/{action}"), &[]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{action} admin");
    }
    let missing = coord.form("/users/nobody/disable", &[]).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);

    // A new temporary password for Anna: her session ends, her old password stops working.
    let anna = server.login("anna").await;
    assert_eq!(anna.get("/elections").await.status(), StatusCode::OK);
    let reset = coord.form("/users/anna/password", &[]).await;
    assert_eq!(reset.status(), StatusCode::OK);
    let reset = reset.text().await.unwrap();
    assert!(reset.contains("Nieuw tijdelijk wachtwoord gegeven"));
    let new_password = temporary_password(&reset);
    assert_ne!(anna.get("/elections").await.status(), StatusCode::OK);
    let mut again = server.client();
    assert_eq!(
        again.login("anna", common::PASSWORD).await.0,
        StatusCode::UNAUTHORIZED
    );
    let (status, body) = again.login("anna", &new_password).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["must_change_password"], true);

    // Bert disabled: logged out at once, and his right password no longer lets him in.
    let bert = server.login("bert").await;
    let disabled = coord.form("/users/bert/disable", &[]).await;
    assert_eq!(disabled.status(), StatusCode::OK);
    let disabled = disabled.text().await.unwrap();
    assert!(
        disabled.contains("Het account bert is uitgeschakeld"),
        "{disabled}"
    );
    assert_ne!(bert.get("/elections").await.status(), StatusCode::OK);
    let (status, body) = server.client().login("bert", common::PASSWORD).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["error"], "disabled");
    // Twice is refused; enabled again, he logs in.
    assert_eq!(
        coord.form("/users/bert/disable", &[]).await.status(),
        StatusCode::CONFLICT
    );
    assert_eq!(
        coord.form("/users/bert/enable", &[]).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        server.client().login("bert", common::PASSWORD).await.0,
        StatusCode::OK
    );

    // A typist manages nobody and reads no audit log.
    let cees = server.login("cees").await;
    for path in ["/users", "/audit"] {
        assert_eq!(
            cees.get(path).await.status(),
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    assert_eq!(
        cees.form("/users/anna/disable", &[]).await.status(),
        StatusCode::FORBIDDEN
    );

    // Every change in the audit log, by the coordinator.
    let log = server.store.audit_entries().unwrap();
    for (action, user) in [
        ("user.create", "dirk"),
        ("user.set_password", "anna"),
        ("user.disable", "bert"),
        ("user.enable", "bert"),
    ] {
        assert!(
            log.iter().any(|e| e.action == action
                && e.actor == "web:coord"
                && e.details.contains(&format!("\"{user}\""))),
            "{action} {user}"
        );
    }
    assert!(log.iter().any(|e| e.action == "user.login_failed"
        && e.actor == "web:bert"
        && e.details.contains("disabled")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_page_shows_the_log_newest_first_filters_it_and_says_when_it_was_tampered_with() {
    let server = Server::start().await;
    let coord = server.login("coord").await;
    coord.form("/users/anna/disable", &[]).await;

    let page = coord.get("/audit").await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(page.contains("De auditlog is intact"), "{page}");
    let total = server.store.audit_entries().unwrap().len();
    assert!(page.contains(&format!("Regels: {total}")), "{total}");
    // Newest first: the disabling comes before the coordinator's login.
    let disable = page.find("user.disable").unwrap();
    let login = page.rfind("<td>user.login</td>").unwrap();
    assert!(disable < login);

    // Filtered by action and by who did it.
    let filtered = coord
        .get("/audit?action=user.disable&actor=coord")
        .await
        .text()
        .await
        .unwrap();
    assert!(filtered.contains("Regels: 1 "), "{filtered}");
    let nobody = coord
        .get("/audit?action=user.disable&actor=anna")
        .await
        .text()
        .await
        .unwrap();
    assert!(nobody.contains("Regels: 0 "));

    // More than a page: the older entries one link further, in the same filter.
    for i in 0..120 {
        server
            .store
            .log_event(
                &Actor::new("web", "coord"),
                store::AuditAction::UserLogout,
                json!({ "n": i }),
            )
            .unwrap();
    }
    let first = coord
        .get("/audit?action=user.logout")
        .await
        .text()
        .await
        .unwrap();
    assert!(first.contains("pagina 1 van 2"), "{first}");
    assert!(first.contains("href=\"/audit?action=user.logout&#38;actor=&#38;page=2\""));
    let second = coord
        .get("/audit?action=user.logout&page=2")
        .await
        .text()
        .await
        .unwrap();
    assert!(second.contains("{&#34;n&#34;:0}"), "the oldest on page 2");

    // Someone enables Anna in the database file behind Urna's back: the page says so.
    testkit::tamper(
        server.store.path(),
        "disabled_users",
        "DELETE FROM disabled_users",
    );
    let alarmed = coord.get("/audit").await.text().await.unwrap();
    assert!(alarmed.contains("De auditlog is NIET intact"), "{alarmed}");
    assert!(alarmed.contains("disabled_users"), "{alarmed}");
}
