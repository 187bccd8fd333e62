//! On a phone (Chromium, device emulation): login, turnout, a count with an undo, the draft, the
//! coordinator's view; an idle phone hides its figures behind the lock page.

use super::*;

/// Waits until the element `id` is on the page with a text `accept` takes (the page the last
/// click asked for has loaded), and returns that text.
async fn wait_text(
    browser: &fantoccini::Client,
    id: &str,
    accept: impl Fn(&str) -> bool,
) -> String {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        if let Ok(element) = browser.find(Locator::Id(id)).await
            && let Ok(text) = element.text().await
            && accept(&text)
        {
            return text;
        }
        if std::time::Instant::now() > deadline {
            panic!(
                "#{id} did not come; the page says:\n{}",
                browser.source().await.unwrap()
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn on_a_phone_a_chair_reports_turnout_and_counts_and_the_coordinator_sees_it() {
    let servers = Servers::start(test_config()).await;
    let profile = tempfile::tempdir().unwrap();
    let shots = chromium::screenshots();
    let (_driver, phone) =
        chromium::browser_trusting(profile.path(), Viewport::Phone, &servers.ca_pem).await;
    let axe = chromium::axe_source();
    // Each page: a screenshot, and no WCAG 2.1 A/AA violation axe-core can find.
    let shot = |name: &'static str| {
        let phone = phone.clone();
        let path = shots.join(name);
        let axe = axe.clone();
        async move {
            std::fs::write(&path, phone.screenshot().await.unwrap()).unwrap();
            let violations = chromium::accessibility_violations(&phone, &axe).await;
            assert!(violations.is_empty(), "{name}: {violations:#?}");
        }
    };

    phone
        .goto(&format!("{}/stembureau", servers.app))
        .await
        .unwrap();
    phone
        .find(Locator::Id("login"))
        .await
        .unwrap()
        .send_keys(&format!("{ASSEN}-SB1"))
        .await
        .unwrap();
    phone
        .find(Locator::Id("password"))
        .await
        .unwrap()
        .send_keys(&servers.passwords[0])
        .await
        .unwrap();
    shot("station-login.png").await;
    click(&phone, Locator::Id("log-in")).await;
    wait_text(&phone, "to-turnout", |_| true).await;

    click(&phone, Locator::Id("to-turnout")).await;
    wait_text(&phone, "report", |_| true).await;
    for (moment, admitted) in [("10:00", "120"), ("13:00", "455")] {
        phone
            .find(Locator::Css(&format!("#moment option[value='{moment}']")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        phone
            .find(Locator::Id("admitted"))
            .await
            .unwrap()
            .send_keys(admitted)
            .await
            .unwrap();
        click(&phone, Locator::Id("report")).await;
        wait_text(&phone, "saved", |text| {
            text.contains(moment) && text.contains(admitted)
        })
        .await;
    }
    shot("station-turnout.png").await;
    assert_eq!(servers.reports(1), vec![120, 455]);

    phone
        .goto(&format!("{}/stembureau/1/telling", servers.app))
        .await
        .unwrap();
    click(&phone, Locator::Id("list-1")).await;
    wait_text(&phone, "list-total", |text| text == "0").await;
    for (id, total) in [
        ("mark-c-1-1", "1"),
        ("mark-c-1-1", "2"),
        ("mark-c-1-2", "3"),
        ("mark-c-1-3", "4"),
    ] {
        click(&phone, Locator::Id(id)).await;
        wait_text(&phone, "list-total", |text| text == total).await;
    }
    // The last tap was a mistake: undo it.
    click(&phone, Locator::Id("undo")).await;
    wait_text(&phone, "list-total", |text| text == "3").await;
    let flash = wait_text(&phone, "flash", |_| true).await;
    assert!(
        flash.contains("Hersteld") && flash.contains("kandidaat 3"),
        "{flash}"
    );
    shot("station-count-list.png").await;
    click(&phone, Locator::Id("to-lists")).await;
    wait_text(&phone, "total-cast", |text| text == "3").await;
    click(&phone, Locator::Id("mark-blank")).await;
    wait_text(&phone, "total-cast", |text| text == "4").await;
    click(&phone, Locator::Id("mark-invalid")).await;
    wait_text(&phone, "total-cast", |text| text == "5").await;
    shot("station-count.png").await;
    click(&phone, Locator::Id("to-draft")).await;
    wait_text(&phone, "d-vs-h", |text| text.contains("450")).await;
    shot("station-draft.png").await;
    // Nothing on the phone needs sideways scrolling.
    let overflow = phone
        .execute(
            "return document.documentElement.scrollWidth > window.innerWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(overflow, serde_json::Value::Bool(false));

    // The typists' definitive count differs by one vote; the coordinator sees turnout and the
    // difference (on a phone too).
    let tally = app_tally(&servers, 1);
    assert_eq!(tally.total_cast(), 5);
    store_definitive_count(&servers, 1, &tally, 455);
    let coordinator_profile = tempfile::tempdir().unwrap();
    let (_driver2, desk) = chromium::browser(coordinator_profile.path(), Viewport::Phone).await;
    chromium::log_in(&desk, &servers.results, "coord", PASSWORD).await;
    desk.goto(&format!(
        "{}/elections/{ASSEN}/stembureau-app",
        servers.results
    ))
    .await
    .unwrap();
    let warning = wait_text(&desk, "difference-warning", |_| true).await;
    assert!(warning.contains("verschilt"), "{warning}");
    let row = desk
        .find(Locator::Id("station-1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        row.contains("120") && row.contains("455") && row.contains("1.1: app 2, telling 3"),
        "{row}"
    );
    let ten = desk
        .find(Locator::Id("moment-1000"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(ten.contains("1 / 44") && ten.contains("120"), "{ten}");
    std::fs::write(
        shots.join("station-coordinator.png"),
        desk.screenshot().await.unwrap(),
    )
    .unwrap();
    desk.execute(
        "document.getElementById('station-1').scrollIntoView()",
        vec![],
    )
    .await
    .unwrap();
    std::fs::write(
        shots.join("station-coordinator-stations.png"),
        desk.screenshot().await.unwrap(),
    )
    .unwrap();
    phone.close().await.unwrap();
    desk.close().await.unwrap();
}

/// The page's own idle lock: with no touch at all (so no request reaches the server), the phone
/// leaves the page with the figures for the lock page by itself, and only the password opens it.
#[tokio::test]
async fn an_idle_phone_hides_its_figures_behind_the_lock_page() {
    let mut config = test_config();
    config.station_app.limits.lock_after = Duration::from_millis(2500);
    let servers = Servers::start(config).await;
    let profile = tempfile::tempdir().unwrap();
    let (_driver, phone) =
        chromium::browser_trusting(profile.path(), Viewport::Phone, &servers.ca_pem).await;
    let type_into = |id: &'static str, text: String| {
        let phone = phone.clone();
        async move {
            let field = phone.find(Locator::Id(id)).await.unwrap();
            field.send_keys(&text).await.unwrap();
        }
    };
    phone
        .goto(&format!("{}/stembureau", servers.app))
        .await
        .unwrap();
    type_into("login", format!("{ASSEN}-SB1")).await;
    type_into("password", servers.passwords[0].clone()).await;
    click(&phone, Locator::Id("log-in")).await;
    wait_text(&phone, "to-turnout", |_| true).await;
    click(&phone, Locator::Id("to-turnout")).await;
    wait_text(&phone, "report", |_| true).await;
    type_into("admitted", "4321".into()).await;
    click(&phone, Locator::Id("report")).await;
    wait_text(&phone, "saved", |text| text.contains("4321")).await;

    // Hands off: the script takes the phone to the lock page (rounded up to 3 s).
    wait_text(&phone, "unlock", |_| true).await;
    let page = phone.source().await.unwrap();
    assert!(!page.contains("4321"), "figures still shown: {page}");
    assert!(page.contains("Vergrendeld"), "{page}");
    // Back or a typed address leads to the lock page too: the server locked the session.
    phone
        .goto(&format!("{}/stembureau/1/opkomst", servers.app))
        .await
        .unwrap();
    wait_text(&phone, "unlock", |_| true).await;
    assert!(!phone.source().await.unwrap().contains("4321"));

    type_into("password", servers.passwords[0].clone()).await;
    click(&phone, Locator::Id("unlock")).await;
    wait_text(&phone, "to-turnout", |_| true).await;
    assert_eq!(servers.audit("station_app.unlock").len(), 1);
    phone.close().await.unwrap();
}
