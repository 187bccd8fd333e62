//! Bad input, forged requests, roles, logins and the air gap: each refused with a clear message
//! and nothing changed.

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use common::{ASSEN, Client, PASSWORD, Server, TEST, first_station, shape};
use reqwest::StatusCode;
use serde_json::{Value, json};
use store::Role;
use testkit::sound_count;
use web::routes::Access;

async fn claimed(server: &Server) -> (Client, u32, u64) {
    let station = first_station(&server.store, TEST);
    let anna = server.login("anna").await;
    let (_, body) = anna.claim(TEST, station).await;
    let version = body["version"].as_u64().unwrap();
    (anna, station, version)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_numbers_and_missing_fields_are_refused_by_name() {
    let server = Server::start().await;
    let (anna, station, version) = claimed(&server).await;
    let base = sound_count(&shape(&server.store, TEST), 10);
    let before = server.snapshot();
    for (key, value, expected) in [
        ("voters.a", json!("twaalf"), "is not a whole number"),
        ("voters.b", json!(-4), "is negative"),
        (
            "votes.f",
            json!("1000000000"),
            "more than the highest possible count",
        ),
        (
            "votes.g",
            json!(99999999999999999999u128.to_string()),
            "more than the highest possible count",
        ),
        ("lists.1.candidates.1", json!(1.5), "is not a whole number"),
    ] {
        let mut fields = base.clone();
        fields.insert(key.into(), value);
        let (status, body) = anna.save(TEST, station, version, &fields).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{key}: {body}");
        assert_eq!(body["fields"][0]["field"], key, "{body}");
        assert!(
            body["fields"][0]["message"]
                .as_str()
                .unwrap()
                .contains(expected),
            "{body}"
        );
        assert!(!body["fields"][0]["message_nl"].as_str().unwrap().is_empty());
    }
    let mut missing = base.clone();
    missing.remove("votes.h");
    let (status, body) = anna.save(TEST, station, version, &missing).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["field"], "votes.h");
    assert!(
        body["fields"][0]["message"]
            .as_str()
            .unwrap()
            .contains("missing")
    );
    // A field of a form with more lists: belongs to another election.
    let mut foreign = base.clone();
    foreign.insert("lists.9.candidates.1".into(), json!(1));
    let (status, body) = anna.save(TEST, station, version, &foreign).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["fields"][0]["message"]
            .as_str()
            .unwrap()
            .contains("does not exist")
    );
    // Malformed JSON and a body without fields.
    let response = anna
        .http
        .put(format!(
            "{}{}",
            anna.base,
            Client::entry_path(TEST, station)
        ))
        .header("x-csrf-token", &anna.csrf)
        .header("content-type", "application/json")
        .body("{\"version\": 1, \"fields\": ")
        .send()
        .await
        .unwrap();
    assert!(response.status().is_client_error());
    let (status, _) = anna
        .json(
            "PUT",
            &Client::entry_path(TEST, station),
            &json!({ "version": version }),
        )
        .await;
    assert!(status.is_client_error());
    assert_eq!(
        server.snapshot(),
        before,
        "a refused save changed the database"
    );

    // The HTML form too: the page names the field and keeps what was typed.
    let mut pairs: Vec<(String, String)> = base
        .iter()
        .filter(|(_, v)| *v != &json!(false))
        .map(|(k, v)| {
            let text = match v {
                Value::Bool(true) => "on".to_string(),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (k.clone(), text)
        })
        .collect();
    for pair in pairs.iter_mut() {
        if pair.0 == "voters.c" {
            pair.1 = "7x".into();
        }
    }
    pairs.push(("version".into(), version.to_string()));
    pairs.push(("action".into(), "save".into()));
    let refs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let response = anna
        .form(&format!("/elections/{TEST}/entries/{station}"), &refs)
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(
        page.contains("Kiezerspassen: ‘7x’ is geen geheel getal."),
        "{page}"
    );
    assert!(page.contains("value=\"7x\""));
    // The entry is unchanged; only what was typed is kept for the typist, as typed.
    let (election, number) = (TEST.parse().unwrap(), station.try_into().unwrap());
    assert_eq!(
        server.store.entry(&election, number).unwrap().version,
        version
    );
    let anna_id = server.store.user_by_username("anna").unwrap().unwrap().id;
    let typed = server
        .store
        .typed_fields(&election, number, anna_id)
        .unwrap()
        .unwrap();
    assert_eq!(typed["voters.c"], "7x");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forged_or_missing_csrf_token_is_refused() {
    let server = Server::start().await;
    let (anna, station, version) = claimed(&server).await;
    let fields = sound_count(&shape(&server.store, TEST), 10);
    let before = server.snapshot();
    let path = format!("{}{}", anna.base, Client::entry_path(TEST, station));
    for token in [None, Some("0".repeat(64)), Some("forged".to_string())] {
        let mut request = anna
            .http
            .put(&path)
            .json(&json!({ "version": version, "fields": fields }));
        if let Some(token) = token {
            request = request.header("x-csrf-token", token);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"], "csrf");
    }
    // A form without the token, or with another session's token.
    let bert = server.login("bert").await;
    for token in ["", bert.csrf.as_str()] {
        let response = anna
            .http
            .post(format!(
                "{}/elections/{TEST}/entries/{station}/claim",
                anna.base
            ))
            .form(&[("csrf", token)])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(response.text().await.unwrap().contains("CSRF"));
    }
    // A login form posted from another site.
    let response = anna
        .http
        .post(format!("{}/login", anna.base))
        .header("origin", "http://evil.example")
        .form(&[("username", "anna"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // Only the login of bert above was added.
    let actions = server.audit_actions();
    assert_eq!(actions.last().map(String::as_str), Some("user.login"));
    let _ = before;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_polling_station_of_another_election_is_not_found() {
    let server = Server::start().await;
    let test_stations = common::stations(&server.store, TEST);
    let assen_only = common::stations(&server.store, ASSEN)
        .into_iter()
        .find(|n| !test_stations.contains(n))
        .expect("Assen has a number the test election lacks");
    let anna = server.login("anna").await;
    let before = server.snapshot();
    let (status, body) = anna.claim(TEST, assen_only).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains(&format!("polling station {assen_only} in election {TEST}")),
        "{body}"
    );
    let (status, _) = anna.claim("GR2099_Nowhere", 1).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = anna.claim(TEST, 0).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A count typed for Assen (its lists) does not fit the test election's form.
    let station = first_station(&server.store, TEST);
    let (_, claimed) = anna.claim(TEST, station).await;
    let assen_count = sound_count(&shape(&server.store, ASSEN), 3);
    let before_save = server.snapshot();
    let (status, _) = anna
        .save(
            TEST,
            station,
            claimed["version"].as_u64().unwrap(),
            &assen_count,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(server.snapshot(), before_save);
    let _ = before;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_browsers_saving_the_same_entry_lose_no_update() {
    let server = Server::start().await;
    let (anna, station, version) = claimed(&server).await;
    // A second browser of the same typist, with its own session.
    let second = server.login("anna").await;
    let first_count = sound_count(&shape(&server.store, TEST), 10);
    let second_count = sound_count(&shape(&server.store, TEST), 20);
    let (status, saved) = anna.save(TEST, station, version, &first_count).await;
    assert_eq!(status, StatusCode::OK);
    let before = server.snapshot();
    // The second browser still has the form of `version`: its save is refused.
    let (status, body) = second.save(TEST, station, version, &second_count).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["error"], "stale");
    assert_eq!(body["version"], saved["version"]);
    assert_eq!(server.snapshot(), before);
    let entry = anna.entry(TEST, station).await;
    assert_eq!(
        entry["draft"]["count"]["votes"]["total_cast"], first_count["votes.h"],
        "the first save was kept"
    );
    // Two saves at the same moment on the same version: exactly one wins.
    let version = saved["version"].as_u64().unwrap();
    let (a, b) = tokio::join!(
        anna.save(TEST, station, version, &second_count),
        second.save(TEST, station, version, &first_count)
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
}

fn concrete(path: &str) -> String {
    path.replace("{election}", TEST)
        .replace("{station}", "1")
        .replace("{code}", "en")
        .replace("{kind}", "eml-510b")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_lets_in_exactly_its_declared_roles() {
    let server = Server::start().await;
    let specs = web::routes::table(server.state.clone()).specs().to_vec();
    assert!(specs.len() > 40);
    let mut clients: Vec<(Option<Role>, Client)> = vec![(None, server.client())];
    for (role, name) in [
        (Role::Administrator, "admin"),
        (Role::Coordinator, "coord"),
        (Role::Typist, "cees"),
    ] {
        clients.push((Some(role), server.login(name).await));
    }
    for spec in &specs {
        // Logging out would end the session the next routes need.
        if spec.path.ends_with("logout") {
            continue;
        }
        for (role, client) in &clients {
            let response = client
                .http
                .request(
                    reqwest::Method::from_bytes(spec.method.as_bytes()).unwrap(),
                    format!("{}{}", client.base, concrete(spec.path)),
                )
                .header("x-csrf-token", &client.csrf)
                .send()
                .await
                .unwrap();
            let status = response.status();
            // The guard refuses with 401/403 (API) or a redirect to the login (pages); an
            // anonymous route may itself redirect there, which is no refusal.
            let login_only = matches!(spec.access, Access::Public | Access::Anonymous);
            let refused = status == StatusCode::FORBIDDEN
                || status == StatusCode::UNAUTHORIZED
                || (!login_only
                    && status == StatusCode::SEE_OTHER
                    && response
                        .headers()
                        .get("location")
                        .is_some_and(|l| l == "/login"));
            assert_eq!(
                refused,
                !spec.access.allows(*role),
                "{} {} as {role:?}: {status}",
                spec.method,
                spec.path
            );
        }
    }
}

/// The OpenAPI document as the server serves it.
async fn openapi_document(server: &Server) -> Value {
    let response = server.client().get("/api/openapi.json").await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// Runs the independent validator on `document`.
fn validate_openapi(document: &Value) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("openapi.json");
    std::fs::write(&path, serde_json::to_vec(document).unwrap()).unwrap();
    std::process::Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/validate_openapi.py"
        ))
        .arg(&path)
        .output()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_is_valid_and_describes_every_api_route_with_its_roles_and_answers() {
    let server = Server::start().await;
    let document = openapi_document(&server).await;
    assert_eq!(document["openapi"].as_str().map(|v| &v[..2]), Some("3."));

    // Valid by an independent validator, which does refuse a broken one.
    let checked = validate_openapi(&document);
    assert!(
        checked.status.success(),
        "{}{}",
        String::from_utf8_lossy(&checked.stdout),
        String::from_utf8_lossy(&checked.stderr)
    );
    let mut broken = document.clone();
    broken["paths"]["/api/login"]["post"]["responses"] = json!("none");
    assert_eq!(validate_openapi(&broken).status.code(), Some(1));

    // Exactly the routes the server has.
    let documented: std::collections::BTreeSet<(String, String)> = document["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, methods)| {
            methods
                .as_object()
                .unwrap()
                .keys()
                .map(move |m| (m.to_uppercase(), path.clone()))
        })
        .collect();
    let specs: Vec<web::routes::RouteSpec> = web::routes::table(server.state.clone())
        .specs()
        .iter()
        .filter(|s| s.path.starts_with("/api/"))
        .cloned()
        .collect();
    let routes: std::collections::BTreeSet<(String, String)> = specs
        .iter()
        .map(|s| (s.method.to_string(), s.path.to_string()))
        .collect();
    assert_eq!(documented, routes);

    for spec in &specs {
        let operation = &document["paths"][spec.path][spec.method.to_lowercase()];
        // The roles the route declares.
        let expected: Vec<&str> = match spec.access {
            Access::Public | Access::Anonymous => vec!["anyone"],
            Access::AnyUser => vec!["any user"],
            Access::Roles(roles) => roles.iter().map(|r| r.as_str()).collect(),
        };
        assert_eq!(
            operation["x-urna-roles"],
            json!(expected),
            "{} {}",
            spec.method,
            spec.path
        );
        // Every answer described: a success with its body's schema (unless it has none), and
        // the refusals with the error's schema.
        let responses = operation["responses"].as_object().unwrap();
        let success: Vec<&String> = responses.keys().filter(|s| s.starts_with('2')).collect();
        assert_eq!(success.len(), 1, "{} {}", spec.method, spec.path);
        if success[0] != "204" && !(success[0] == "201" && spec.path.ends_with("polling-stations"))
        {
            let schema = responses[success[0]]["content"]["application/json"]["schema"].clone();
            assert!(
                schema.is_object(),
                "{} {}: no schema",
                spec.method,
                spec.path
            );
        }
        if spec.path != "/api/openapi.json" {
            for status in ["401", "403", "409", "422"] {
                assert_eq!(
                    responses[status]["content"]["application/json"]["schema"]["$ref"],
                    "#/components/schemas/ApiError",
                    "{} {} {status}",
                    spec.method,
                    spec.path
                );
            }
        }
    }
}

/// Checks an answer of the API against the schema the document gives for it.
fn conforms(document: &Value, method: &str, path: &str, status: StatusCode, body: &Value) {
    let responses = &document["paths"][path][method.to_lowercase()]["responses"];
    let described = &responses[status.as_str()];
    assert!(
        described.is_object(),
        "{method} {path}: answer {status} is not documented"
    );
    let mut schema = described["content"]["application/json"]["schema"].clone();
    assert!(schema.is_object(), "{method} {path} {status}: no schema");
    schema["components"] = document["components"].clone();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{method} {path} {status}: the answer does not fit its schema: {errors:?}\n{body}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_of_the_api_fits_the_schema_the_document_gives_for_it() {
    let server = Server::start().await;
    let document = openapi_document(&server).await;
    let entry = "/api/elections/{election}/entries/{station}";
    let station = first_station(&server.store, TEST);
    let path = |template: &str| {
        template
            .replace("{election}", TEST)
            .replace("{station}", &station.to_string())
    };

    // Logged in, and refused.
    let mut anna = server.client();
    let (status, body) = anna.login("anna", common::PASSWORD).await;
    conforms(&document, "POST", "/api/login", status, &body);
    let (status, body) = server.client().login("anna", "wrong password!").await;
    conforms(&document, "POST", "/api/login", status, &body);
    let anna = server.login("anna").await;
    let bert = server.login("bert").await;
    let coord = server.login("coord").await;
    let admin = server.login("admin").await;

    let (status, body) = anna.json("GET", "/api/elections", &json!(null)).await;
    conforms(&document, "GET", "/api/elections", status, &body);

    // The double entry, step by step, with a refusal at every kind of mistake.
    let (status, body) = anna.claim(TEST, station).await;
    conforms(&document, "POST", &format!("{entry}/claim"), status, &body);
    let version = body["version"].as_u64().unwrap();
    let count = sound_count(&shape(&server.store, TEST), 10);
    let (status, body) = anna
        .json(
            "PUT",
            &path(entry),
            &json!({ "version": version, "fields": count }),
        )
        .await;
    conforms(&document, "PUT", entry, status, &body);
    let version = body["version"].as_u64().unwrap();
    let (status, body) = anna
        .json(
            "PUT",
            &path(entry),
            &json!({ "version": version, "fields": { "voters.a": "twaalf" } }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    conforms(&document, "PUT", entry, status, &body);
    let (status, body) = anna
        .json(
            "PUT",
            &path(entry),
            &json!({ "version": 0, "fields": count }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    conforms(&document, "PUT", entry, status, &body);
    let (status, body) = anna.json("GET", &path(entry), &json!(null)).await;
    conforms(&document, "GET", entry, status, &body);
    let (status, body) = anna
        .json(
            "POST",
            &path(&format!("{entry}/finalise")),
            &json!({ "version": version, "acknowledge_warnings": true }),
        )
        .await;
    conforms(
        &document,
        "POST",
        &format!("{entry}/finalise"),
        status,
        &body,
    );
    let (status, body) = bert.claim(TEST, station).await;
    conforms(&document, "POST", &format!("{entry}/claim"), status, &body);
    let version = body["version"].as_u64().unwrap();
    let (status, body) = bert
        .json(
            "POST",
            &path(&format!("{entry}/abandon")),
            &json!({ "version": version }),
        )
        .await;
    conforms(
        &document,
        "POST",
        &format!("{entry}/abandon"),
        status,
        &body,
    );
    let (status, body) = anna.json("GET", &path(entry), &json!(null)).await;
    conforms(&document, "GET", entry, status, &body);
    let (status, body) = coord.json("GET", &path(entry), &json!(null)).await;
    conforms(&document, "GET", entry, status, &body);
    let (status, body) = coord
        .json(
            "POST",
            &path(&format!("{entry}/resolve")),
            &json!({ "version": 1, "decision": "no such decision" }),
        )
        .await;
    conforms(
        &document,
        "POST",
        &format!("{entry}/resolve"),
        status,
        &body,
    );
    let overview = "/api/elections/{election}/entries";
    let (status, body) = coord.json("GET", &path(overview), &json!(null)).await;
    conforms(&document, "GET", overview, status, &body);
    // A typist may not see the overview.
    let (status, body) = anna.json("GET", &path(overview), &json!(null)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    conforms(&document, "GET", overview, status, &body);

    let stations = "/api/elections/{election}/polling-stations";
    let (status, body) = coord.json("GET", &path(stations), &json!(null)).await;
    conforms(&document, "GET", stations, status, &body);
    let (status, body) = coord
        .json(
            "POST",
            &path(stations),
            &json!({ "number": "x", "name": "" }),
        )
        .await;
    conforms(&document, "POST", stations, status, &body);

    let (status, body) = admin.json("GET", "/api/users", &json!(null)).await;
    conforms(&document, "GET", "/api/users", status, &body);
    let (status, body) = admin
        .json(
            "POST",
            "/api/users",
            &json!({ "username": "dirk", "full_name": "Dirk", "role": "typist" }),
        )
        .await;
    conforms(&document, "POST", "/api/users", status, &body);

    // Without a session.
    let (status, body) = server
        .client()
        .json("GET", "/api/elections", &json!(null))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    conforms(&document, "GET", "/api/elections", status, &body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_logins_slow_down_lock_out_and_are_logged() {
    let server = Server::start().await;
    let mut client = server.client();
    let (status, body) = client.login("nobody", PASSWORD).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["error"], "wrong_credentials");
    for attempt in 1..=3 {
        let (status, body) = client.login("anna", "wrong password here").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "attempt {attempt}");
        if attempt == 3 {
            assert_eq!(body["error"], "locked");
            assert!(body["message"].as_str().unwrap().contains("locked until"));
        }
    }
    // Locked: even the right password is refused now.
    let (status, body) = client.login("anna", PASSWORD).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("locked"))
    );
    let failed = server
        .store
        .audit_entries()
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "user.login_failed")
        .count();
    assert_eq!(failed, 5);
    // An overlong username is cut short before it is logged.
    let (status, _) = client.login(&"x".repeat(100_000), PASSWORD).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let last = server.store.audit_entries().unwrap().pop().unwrap();
    assert_eq!(last.action, "user.login_failed");
    assert!(last.actor.len() < 100, "{}", last.actor.len());
    assert!(
        server
            .store
            .user_by_username("anna")
            .unwrap()
            .unwrap()
            .locked_until
            .is_some()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_temporary_password_must_be_replaced_first() {
    let server = Server::start().await;
    common::add_user(&server.store, "dirk", Role::Typist, true);
    let mut dirk = server.client();
    let (status, body) = dirk.login("dirk", PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["must_change_password"], true);
    let response = dirk.get("/api/elections").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let (status, _) = dirk
        .json(
            "POST",
            "/api/account/password",
            &json!({ "current": PASSWORD, "new": "short", "repeat": "short" }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, body) = dirk
        .json(
            "POST",
            "/api/account/password",
            &json!({ "current": PASSWORD, "new": "my own new password", "repeat": "my own new password" }),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    assert_eq!(dirk.get("/api/elections").await.status(), StatusCode::OK);
    let stored = server.store.user_by_username("dirk").unwrap().unwrap();
    assert!(!stored.must_change_password);
    assert!(stored.password_hash.starts_with("$argon2id$"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_are_strict_cookies_that_expire_when_idle() {
    let mut config = common::test_config();
    config.limits.idle_timeout = std::time::Duration::from_millis(300);
    let server = Server::start_with(config).await;
    let response = server
        .client()
        .http
        .post(format!("{}/api/login", server.base))
        .json(&json!({ "username": "anna", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    let cookie = response
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let anna = server.login("anna").await;
    assert_eq!(anna.get("/api/elections").await.status(), StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(450)).await;
    assert_eq!(
        anna.get("/api/elections").await.status(),
        StatusCode::UNAUTHORIZED
    );
    // Pages redirect to the login instead.
    assert_eq!(anna.get("/elections").await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_response_has_security_headers_and_pages_are_not_stored() {
    let server = Server::start().await;
    let anna = server.login("anna").await;
    for path in [
        "/login",
        "/elections",
        "/api/elections",
        "/assets/app.js",
        "/nowhere",
    ] {
        let response = anna.get(path).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"));
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["x-frame-options"], "DENY");
        if !path.starts_with("/assets/") {
            assert_eq!(headers["cache-control"], "no-store", "{path}");
        }
    }
    // Pages in Dutch first, English on request.
    let page = anna.get("/elections").await.text().await.unwrap();
    assert!(page.contains("lang=\"nl\"") && page.contains("Verkiezingen"));
    let switched = anna.get("/lang/en").await;
    assert_eq!(switched.status(), StatusCode::SEE_OTHER);
    let english = anna.get("/elections").await.text().await.unwrap();
    assert!(english.contains("lang=\"en\"") && english.contains("Elections"));
    // No external resources anywhere.
    assert!(!page.contains("http://") && !page.contains("https://"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_online_machine_serves_no_results_and_logs_it() {
    // Something that answers on the probe address: this "internet" is reachable.
    let internet = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = internet.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let _ = internet.accept().await;
        }
    });
    let mut config = common::test_config();
    config.airgap.probes = vec![address];
    let server = Server::start_with(config).await;
    let client = server.client();
    for path in [
        "/login".to_string(),
        "/elections".to_string(),
        format!("/elections/{TEST}/overview"),
        "/api/elections".to_string(),
    ] {
        let response = client.get(&path).await;
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE, "{path}");
        let text = response.text().await.unwrap();
        assert!(text.contains("internet"), "{path}: {text}");
    }
    // The stylesheet still loads, so the refusal page is readable.
    assert_eq!(
        client.get("/assets/style.css").await.status(),
        StatusCode::OK
    );
    let entry = server
        .store
        .audit_entries()
        .unwrap()
        .into_iter()
        .find(|e| e.action == "airgap.online")
        .expect("logged");
    assert!(entry.details.contains(&address.to_string()));
    // Offline again: served again.
    server.state.airgap.set(web::airgap::Connectivity::Offline);
    assert_eq!(client.get("/login").await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn polling_stations_are_added_edited_and_imported() {
    let server = Server::start().await;
    let admin = server.login("admin").await;
    let path = format!("/api/elections/{TEST}/polling-stations");
    let before = common::stations(&server.store, TEST);
    let (status, body) = admin
        .json(
            "POST",
            &path,
            &json!({ "number": 901, "name": "Sporthal De Bongerd", "postal_code": "1234 AB", "voters": "1.250" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // The same number again, a bad number, a name missing: refused and nothing changed.
    let snapshot = server.snapshot();
    for (station, expected) in [
        (
            json!({ "number": 901, "name": "Dubbel" }),
            StatusCode::CONFLICT,
        ),
        (
            json!({ "number": "nul", "name": "X" }),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            json!({ "number": 902, "name": "" }),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            json!({ "number": 903, "name": "X", "voters": -5 }),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    ] {
        let (status, body) = admin.json("POST", &path, &station).await;
        assert!(
            status == expected || (expected == StatusCode::CONFLICT && status.is_client_error()),
            "{station}: {status} {body}"
        );
        assert!(
            !body["message"].as_str().unwrap_or_default().is_empty(),
            "{body}"
        );
    }
    assert_eq!(server.snapshot(), snapshot);
    let (status, _) = admin
        .json(
            "PUT",
            &format!("{path}/901"),
            &json!({ "number": 904, "name": "Sporthal De Bongerd (zaal 2)", "voters": 1250 }),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let stations: Value = admin.get(&path).await.json().await.unwrap();
    let edited = stations
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["number"] == 904)
        .unwrap();
    assert_eq!(edited["name"], "Sporthal De Bongerd (zaal 2)");
    assert_eq!(edited["voters"], 1250);
    assert_eq!(
        common::stations(&server.store, TEST).len(),
        before.len() + 1
    );

    // A station whose entry has started keeps its number.
    let anna = server.login("anna").await;
    anna.claim(TEST, 904).await;
    let (status, body) = admin
        .json(
            "PUT",
            &format!("{path}/904"),
            &json!({ "number": 905, "name": "X" }),
        )
        .await;
    assert!(
        status.is_client_error() || status.is_server_error(),
        "{body}"
    );
    assert!(
        body["message"].as_str().unwrap().contains("has started"),
        "{body}"
    );

    // Import from EML 110b: the test election's file adds nothing new (all numbers taken), so it
    // is refused as a whole; into an election without stations it is accepted.
    let file = testkit::fixture("eml/synthetic/eml110b_test.eml.xml");
    let response = admin
        .http
        .post(format!("{}{path}/import", admin.base))
        .header("x-csrf-token", &admin.csrf)
        .header("x-file-name", "eml110b_test.eml.xml")
        .body(file.clone())
        .send()
        .await
        .unwrap();
    assert!(response.status().is_client_error() || response.status().is_server_error());
    let body: Value = response.json().await.unwrap();
    assert!(
        body["message"].as_str().unwrap().contains("already in use"),
        "{body}"
    );
    // A 110b of another election is refused with the election named.
    let response = admin
        .http
        .post(format!(
            "{}/api/elections/{ASSEN}/polling-stations/import",
            admin.base
        ))
        .header("x-csrf-token", &admin.csrf)
        .body(file)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    assert!(
        body["message"].as_str().unwrap().contains("GR2022_Test"),
        "{body}"
    );
    // Typists may not manage polling stations.
    let (status, _) = anna
        .json("POST", &path, &json!({ "number": 950, "name": "X" }))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let actions = server.audit_actions();
    assert!(actions.iter().any(|a| a == "polling_station.add"));
    assert!(actions.iter().any(|a| a == "polling_station.update"));
}

/// The password checks the audit log records (a refusal by the lockout, before any check, says
/// `"checked": false`).
fn checked_failures(server: &Server) -> usize {
    server
        .store
        .audit_entries()
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "user.login_failed")
        .filter(|e| {
            let details: Value = serde_json::from_str(&e.details).unwrap();
            details["checked"] != json!(false)
        })
        .count()
}

/// Attack: a burst of guesses in parallel. Counting a failure only after its check let every
/// guess in flight through; the gate counts an attempt before its password is looked at.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_guesses_in_parallel_get_no_more_checks_than_the_lockout_allows() {
    let server = Server::start().await;
    let lockout = common::test_config().limits.lockout_after as usize;
    let mut guesses = tokio::task::JoinSet::new();
    for n in 0..100 {
        let mut client = server.client();
        guesses.spawn(async move { client.login("anna", &format!("guess number {n}")).await });
    }
    let answers = guesses.join_all().await;
    // Refused, each: a wrong password or a lock (401), or asked to wait its turn (429).
    assert!(answers.iter().all(|(status, _)| matches!(
        *status,
        StatusCode::UNAUTHORIZED | StatusCode::TOO_MANY_REQUESTS
    )));
    let checked = checked_failures(&server);
    assert!(
        (1..=lockout).contains(&checked),
        "{checked} passwords checked of 100 guesses; the lockout allows {lockout}"
    );
    // Every guess is in the log, checked or not.
    let logged = server
        .audit_actions()
        .iter()
        .filter(|a| *a == "user.login_failed")
        .count();
    assert_eq!(logged, 100);
    // And the account is locked: the right password is refused.
    let (status, body) = server.client().login("anna", PASSWORD).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("locked"))
    );
}

/// Attack: telling which user names exist from the answers. An unknown name is answered, delayed
/// and locked exactly as a known one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_name_is_answered_like_a_known_one() {
    let server = Server::start().await;
    let lockout = common::test_config().limits.lockout_after as usize;
    let mut answers = Vec::new();
    for name in ["anna", "nobody"] {
        let mut client = server.client();
        let mut seen = Vec::new();
        for _ in 0..lockout + 2 {
            let (status, body) = client.login(name, "not the password").await;
            seen.push((
                status,
                body["error"].as_str().unwrap_or_default().to_string(),
            ));
        }
        answers.push(seen);
    }
    let expected: Vec<_> = (1..=lockout + 2)
        .map(|n| {
            let error = if n < lockout {
                "wrong_credentials"
            } else {
                "locked"
            };
            (StatusCode::UNAUTHORIZED, error.to_string())
        })
        .collect();
    assert_eq!(answers[0], expected, "anna");
    assert_eq!(answers[1], expected, "nobody");
}

/// Attack: a link or image on another site that carries the CSRF token in its query string (a
/// token in a URL leaks through logs and the Referer header). Only a header or the form's body
/// count.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_csrf_token_in_the_query_string_is_refused_and_nothing_changed() {
    let server = Server::start().await;
    let anna = server.login("anna").await;
    let station = first_station(&server.store, TEST);
    let snapshot = server.snapshot();
    let api = format!("{}/api/elections/{TEST}/entries/{station}/claim", anna.base);
    let page = format!("{}/elections/{TEST}/entries/{station}/claim", anna.base);
    for url in [&api, &page] {
        let response = anna
            .http
            .post(format!("{url}?csrf={}", anna.csrf))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{url}");
    }
    assert_eq!(server.snapshot(), snapshot);
    // The same request with the token in its header is taken.
    let response = anna
        .http
        .post(&api)
        .header("x-csrf-token", &anna.csrf)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    assert_ne!(server.snapshot(), snapshot);
}

/// How long a first wrong login for `name` takes.
async fn first_failure(server: &Server, name: &str) -> std::time::Duration {
    let mut client = server.client();
    let started = std::time::Instant::now();
    let (status, _) = client.login(name, "not the password").await;
    let took = started.elapsed();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    took
}

/// Attack: telling which user names exist from how long the answer takes. An unknown name's
/// password is checked against a hash of the same cost; compared as a ratio within one run.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_name_takes_about_as_long_as_a_wrong_password() {
    let server = Server::start().await;
    // Interleaved, so a slow moment of the machine falls on both.
    let mut known = Vec::new();
    let mut unknown = Vec::new();
    for (name, stranger) in [
        ("admin", "adriaan"),
        ("coord", "corry"),
        ("bert", "berend"),
        ("cees", "cornelis"),
        ("anna", "annemiek"),
    ] {
        known.push(first_failure(&server, name).await);
        unknown.push(first_failure(&server, stranger).await);
    }
    known.sort();
    unknown.sort();
    let ratio = unknown[2].as_secs_f64() / known[2].as_secs_f64();
    assert!(
        (0.5..2.0).contains(&ratio),
        "unknown {:?} against known {:?}",
        unknown[2],
        known[2]
    );
}

/// Not an attack, and it must not look like one: thirty typists behind one address (a NAT, a
/// terminal server) log in at the same moment. The gate lets as many checks run as the address
/// allows and asks the others to try again a moment later; nobody is locked out, and once the
/// first wave is through, everyone gets in.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thirty_typists_behind_one_address_logging_in_at_once_do_not_lock_each_other_out() {
    let server = Server::start().await;
    let names: Vec<String> = (1..=30).map(|n| format!("typist{n}")).collect();
    for name in &names {
        common::add_user(&server.store, name, store::Role::Typist, false);
    }
    let mut logins = tokio::task::JoinSet::new();
    for name in names.clone() {
        let mut client = server.client();
        logins.spawn(async move {
            for _ in 0..50 {
                let (status, body) = client.login(&name, PASSWORD).await;
                if status.is_success() {
                    return true;
                }
                // Asked to wait its turn, never locked.
                assert_eq!(
                    (status, body["error"].as_str()),
                    (StatusCode::TOO_MANY_REQUESTS, Some("busy")),
                    "{name}: {body}"
                );
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            false
        });
    }
    let answers = logins.join_all().await;
    assert!(answers.iter().all(|ok| *ok), "{answers:?}");
    // No name was locked: none of them has a failure recorded.
    for name in &names {
        let user = server.store.user_by_username(name).unwrap().unwrap();
        assert_eq!(user.failed_logins, 0, "{name}");
    }
}

/// One HTTPS request to `address` with `form` (when given) as the body: status and Set-Cookie.
async fn over_https(
    address: &str,
    ca: &tls::CertificateAuthority,
    method: &str,
    path: &str,
    form: Option<String>,
) -> (u16, Vec<String>) {
    let client = tls::client_config(ca.certificate_pem(), None).unwrap();
    let (mut sender, driver) = web::https::connect(address, "localhost", client)
        .await
        .unwrap();
    let mut request = hyper::Request::builder()
        .method(method)
        .uri(path)
        .header(hyper::header::HOST, "localhost");
    if form.is_some() {
        request = request.header(
            hyper::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        );
    }
    let request = request
        .body(http_body_util::Full::new(axum::body::Bytes::from(
            form.unwrap_or_default(),
        )))
        .unwrap();
    let response = sender.send_request(request).await.unwrap();
    driver.abort();
    let cookies = response
        .headers()
        .get_all(hyper::header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    (response.status().as_u16(), cookies)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_https_the_session_cookie_is_secure_so_a_browser_never_sends_it_in_the_clear() {
    let server = Server::start().await;
    let authority = tls::CertificateAuthority::generate("Results entry").unwrap();
    let identity = authority.issue_server(&["localhost".into()]).unwrap();
    let config = tls::server_config(&identity, None).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(web::https::serve(
        listener,
        config,
        web::router(server.state.clone()),
        async {
            let _ = stopped.await;
        },
    ));

    // The language preference and the session, both Secure over HTTPS.
    let (status, cookies) = over_https(&address, &authority, "GET", "/lang/en", None).await;
    assert_eq!(status, 303);
    assert_eq!(cookies.len(), 1);
    assert!(cookies[0].starts_with("urna_lang=en"), "{cookies:?}");
    assert!(cookies[0].contains("Secure"), "{cookies:?}");
    let form = format!("username=anna&password={PASSWORD}");
    let (status, cookies) = over_https(&address, &authority, "POST", "/login", Some(form)).await;
    assert_eq!(status, 303, "{cookies:?}");
    let session = cookies
        .iter()
        .find(|c| c.starts_with("urna_session="))
        .expect("a session cookie");
    for part in ["Secure", "HttpOnly", "SameSite=Strict"] {
        assert!(session.contains(part), "{session}");
    }

    // The same application over plain HTTP (loopback only) cannot mark it Secure: the browser
    // would not send it back.
    let plain = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(format!("{}/lang/en", server.base))
        .send()
        .await
        .unwrap();
    let cookie = plain.headers()["set-cookie"].to_str().unwrap();
    assert!(!cookie.contains("Secure"), "{cookie}");
    let _ = stop.send(());
}
