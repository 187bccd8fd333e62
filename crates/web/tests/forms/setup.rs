//! Setting up with plain forms: the administrator asked for once, polling stations managed.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_start_asks_for_the_administrator_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = std::sync::Arc::new(store::Store::open_or_create(dir.path()).unwrap());
    let server = Server::serve(store, dir, common::test_config()).await;
    let client = server.client();
    let home = client.get("/").await;
    assert_eq!(location(&home), "/setup");
    let setup = |password: &'static str, repeat: &'static str| {
        let client = &client;
        async move {
            client
                .http
                .post(format!("{}/setup", client.base))
                .form(&[
                    ("username", "beheer"),
                    ("full_name", "Beheerder Gemeente"),
                    ("password", password),
                    ("repeat", repeat),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    // Too short, and two different passwords: the form again, nobody created.
    let short = setup("kort", "kort").await;
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.text().await.unwrap().contains("minstens 12 tekens"));
    let differ = setup("een lang wachtwoord", "een ander wachtwoord").await;
    assert_eq!(differ.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(server.store.user_count().unwrap(), 0);
    // Created and logged in.
    let created = setup("een lang wachtwoord", "een lang wachtwoord").await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&created), "/elections");
    let admin = server.store.user_by_username("beheer").unwrap().unwrap();
    assert_eq!(admin.role, store::Role::Administrator);
    assert!(admin.password_hash.starts_with("$argon2id$"));
    // Never again: the page sends to the login, and a second post creates nobody.
    let again = Client::new(&server.base);
    assert_eq!(location(&again.get("/setup").await), "/login");
    let second = again
        .http
        .post(format!("{}/setup", again.base))
        .form(&[
            ("username", "indringer"),
            ("full_name", "X"),
            ("password", "een lang wachtwoord"),
            ("repeat", "een lang wachtwoord"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&second), "/login");
    assert_eq!(server.store.user_count().unwrap(), 1);

    // The administrator creates a typist with a temporary password, shown once.
    let mut beheer = Client::new(&server.base);
    beheer.login("beheer", "een lang wachtwoord").await;
    let page = beheer
        .form(
            "/users/new",
            &[
                ("username", "invoerder9"),
                ("full_name", "Invoerder Negen"),
                ("role", "typist"),
            ],
        )
        .await
        .text()
        .await
        .unwrap();
    let temporary = page
        .split("id=\"temporary-password\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap()
        .to_string();
    assert_eq!(temporary.chars().count(), 16);
    let typist = server
        .store
        .user_by_username("invoerder9")
        .unwrap()
        .unwrap();
    assert!(typist.must_change_password);
    // The temporary password works once, for changing it.
    let mut new = Client::new(&server.base);
    let (status, body) = new.login("invoerder9", &temporary).await;
    assert_eq!(
        (status, body["must_change_password"].as_bool()),
        (StatusCode::OK, Some(true))
    );
    assert_eq!(location(&new.get("/elections").await), "/account/password");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn polling_stations_are_managed_with_plain_forms() {
    let server = Server::start().await;
    let admin = server.login("admin").await;
    let new = format!("/elections/{TEST}/polling-stations/new");
    let refused = admin
        .form(&new, &[("number", "zeven"), ("name", "Bibliotheek")])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("‘zeven’ is geen positief geheel getal"),
        "{page}"
    );
    assert!(
        page.contains("value=\"Bibliotheek\""),
        "what was typed stays"
    );
    let taken = common::stations(&server.store, TEST)[0].to_string();
    let refused = admin
        .form(&new, &[("number", &taken), ("name", "Dubbel")])
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert!(refused.text().await.unwrap().contains("al in gebruik"));
    let added = admin
        .form(
            &new,
            &[
                ("number", "77"),
                ("name", "Bibliotheek"),
                ("locality", "Test"),
            ],
        )
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let edited = admin
        .form(
            &format!("/elections/{TEST}/polling-stations/77/edit"),
            &[("number", "78"), ("name", "Bibliotheek (zaal 1)")],
        )
        .await;
    assert_eq!(edited.status(), StatusCode::SEE_OTHER);
    let list = admin
        .get(&format!("/elections/{TEST}/polling-stations"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        list.contains("Bibliotheek (zaal 1)") && !list.contains(">77<"),
        "{list}"
    );
    // Each polling station's empty count form (N 10-2), linked from the list, as PDF.
    let link = format!("/elections/{TEST}/polling-stations/78/n-10-2.pdf");
    assert!(list.contains(&link), "{list}");
    let form = admin.get(&link).await;
    assert_eq!(form.status(), StatusCode::OK);
    assert_eq!(form.headers()["content-type"], "application/pdf");
    assert!(
        form.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("Model_N10-2_GR2022_Test_SB78.pdf")
    );
    let pdf = form.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n-10-2.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let text = String::from_utf8_lossy(
        &std::process::Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) is installed by scripts/test")
            .stdout,
    )
    .into_owned();
    assert!(text.contains("Bibliotheek (zaal 1)"), "{text}");
    assert_eq!(
        admin
            .get(&format!(
                "/elections/{TEST}/polling-stations/999/n-10-2.pdf"
            ))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}
