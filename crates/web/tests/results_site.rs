//! The public results site as `urna publish serve` serves it, with the sample publication of
//! three real municipalities (`publish::sample`: Groningen 2022, West Maas en Waal 2022, Assen
//! 2026, two signed versions):
//!
//! - over HTTP: ETag and `304 Not Modified`, cache lifetimes, security headers, `404`, and a
//!   server-sent event when a new version appears in the folder;
//! - in headless Chromium on a phone and on a desktop: the published figures on the page, no
//!   sideways scrolling on the phone, and the automated accessibility check (axe-core, every
//!   WCAG 2.0/2.1 A and AA rule) on every kind of page in both languages. Screenshots in
//!   `target/screenshots/results-*.png`.
//!
//! Needs Chromium, ChromeDriver and axe-core (npm), which `./scripts/test` installs.

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use common::chromium::{
    Viewport, accessibility_violations, axe_source, browser, browser_with, click, screenshots,
};
use fantoccini::{Client, Locator};
use publish::sample;
use reqwest::StatusCode;
use serde_json::Value;
use web::publication::{Publication, Site};

/// The export folder of the sample publication, written as `urna publish export` writes it.
fn export(dir: &Path) {
    let centre = sample::centre(&testkit::fixtures_dir()).unwrap();
    write(dir, &centre.export().unwrap());
}

fn write(dir: &Path, files: &BTreeMap<String, Vec<u8>>) {
    for (path, bytes) in files {
        let target = dir.join(path.trim_start_matches('/'));
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, bytes).unwrap();
    }
}

/// `urna publish serve` on a free loopback port: the base URL, and the publication (to watch the
/// folder with).
struct Served {
    base: String,
    publication: Publication,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for Served {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// The answer forbids framing by any site and guessing its type.
fn cannot_be_framed_or_sniffed(headers: &reqwest::header::HeaderMap, path: &str) {
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
    assert_eq!(headers["x-frame-options"], "DENY", "{path}");
    assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
}

async fn serve(dir: &Path) -> Served {
    // A quiet event stream says it is alive every 200 ms here (every 15 s when served).
    let publication =
        Publication::new(Site::load(dir).unwrap()).with_keep_alive(Duration::from_millis(200));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(web::publication::serve(
        listener,
        publication.clone(),
        async {
            let _ = stopped.await;
        },
    ));
    Served {
        base,
        publication,
        stop: Some(stop),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_served_site_caches_by_etag_and_announces_a_new_version() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path());
    let served = serve(dir.path()).await;
    let http = reqwest::Client::new();

    // A page: 200 with a strong ETag, a short cache lifetime and the security headers.
    let page = format!("{}/verkiezing/GR2022_WestMaasenWaal.html", served.base);
    let first = http.get(&page).send().await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let headers = first.headers().clone();
    let etag = headers["etag"].to_str().unwrap().to_string();
    assert!(etag.starts_with('"') && etag.len() == 34, "{etag}");
    assert_eq!(headers["content-type"], "text/html; charset=utf-8");
    assert!(
        headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age=5")
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(
        headers["content-security-policy"]
            .to_str()
            .unwrap()
            .starts_with("default-src 'self'")
    );
    let body = first.text().await.unwrap();
    assert!(body.contains("West Maas en Waal"), "{body}");

    // The same ETag back: 304 without a body; another ETag: the page again.
    let again = http
        .get(&page)
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()["etag"].to_str().unwrap(), etag);
    assert!(again.bytes().await.unwrap().is_empty());
    let stale = http
        .get(&page)
        .header("if-none-match", "\"0000\"")
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), StatusCode::OK);

    // A signed version never changes: cached for good. `/` is the index page.
    let version = http
        .get(format!("{}/feed/snapshots/v1.json", served.base))
        .send()
        .await
        .unwrap();
    assert_eq!(version.status(), StatusCode::OK);
    assert!(
        version.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    let index = http.get(format!("{}/", served.base)).send().await.unwrap();
    assert_eq!(index.status(), StatusCode::OK);
    assert!(index.text().await.unwrap().contains("3 van 3"));

    // What is not there, and what tries to climb out of the folder.
    for missing in ["/verkiezing/GR2022_Elders.html", "/../Cargo.toml", "/feed/"] {
        let response = http
            .get(format!("{}{missing}", served.base))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{missing}");
        cannot_be_framed_or_sniffed(response.headers(), missing);
    }
    // Attack: the site's pages inside another site's frame (clickjacking, a forged result shown
    // around a real page). Every answer forbids framing: pages, the feed, the index.
    for path in [
        "/",
        "/verkiezing/GR2022_WestMaasenWaal.html",
        "/feed/snapshots/v1.json",
    ] {
        let response = http
            .get(format!("{}{path}", served.base))
            .send()
            .await
            .unwrap();
        cannot_be_framed_or_sniffed(response.headers(), path);
    }

    // Server-sent events: the version shown at once, then the next one when the folder holds it.
    let _watch = served
        .publication
        .watch(dir.path().to_path_buf(), Duration::from_millis(50));
    let mut events = http
        .get(format!("{}/events", served.base))
        .send()
        .await
        .unwrap();
    assert_eq!(events.headers()["content-type"], "text/event-stream");
    let mut received = String::new();
    let keep_alives = std::cell::Cell::new(0);
    let mut next_event = async || loop {
        let chunk = tokio::time::timeout(Duration::from_secs(10), events.chunk())
            .await
            .expect("an event within 10 s")
            .unwrap()
            .expect("the stream stays open");
        received.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = received.find("\n\n") {
            let event: String = received.drain(..end + 2).collect();
            if event.starts_with(':') {
                // A comment: the keep-alive of a quiet stream.
                keep_alives.set(keep_alives.get() + 1);
                continue;
            }
            return event;
        }
    };
    assert_eq!(next_event().await, "event: version\ndata: 2\n\n");
    // A quiet evening: the stream keeps saying it is there, so no proxy or browser drops it.
    tokio::time::sleep(Duration::from_millis(700)).await;
    let newer = "<!doctype html><title>versie 3</title>";
    std::fs::write(dir.path().join("index.html"), newer).unwrap();
    std::fs::write(dir.path().join("version.json"), "{\"version\":3}\n").unwrap();
    assert_eq!(next_event().await, "event: version\ndata: 3\n\n");
    assert!(keep_alives.get() >= 1, "no keep-alive on a quiet stream");
    let index = http.get(format!("{}/", served.base)).send().await.unwrap();
    assert_eq!(index.text().await.unwrap(), newer);
}

/// Whether the page is wider than the screen (the reader would scroll sideways).
async fn scrolls_sideways(browser: &Client) -> bool {
    let wider = browser
        .execute(
            "return document.documentElement.scrollWidth > window.innerWidth;",
            Vec::new(),
        )
        .await
        .unwrap();
    wider == Value::Bool(true)
}

async fn visible_text(browser: &Client) -> String {
    browser
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_results_site_on_a_phone_and_a_desktop_is_accessible_and_shows_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path());
    let served = serve(dir.path()).await;
    let axe = axe_source();
    let official = testkit::published_gr2022("WestMaasenWaal");

    // Every kind of page, in both languages: the index, an election, a province, a provincial
    // district.
    let index = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    let area_link = |kind: &str| {
        let at = index.find(&format!("href=\"{kind}/")).unwrap() + 6;
        index[at..at + index[at..].find('"').unwrap()].to_string()
    };
    let mut pages = vec![
        ("index".to_string(), "/index.html".to_string()),
        (
            "election".into(),
            "/verkiezing/GR2022_WestMaasenWaal.html".into(),
        ),
        ("province".into(), format!("/{}", area_link("provincie"))),
        ("district".into(), format!("/{}", area_link("kieskring"))),
    ];
    let english: Vec<(String, String)> = pages
        .iter()
        .map(|(kind, path)| (format!("{kind}-en"), format!("/en{path}")))
        .collect();
    pages.extend(english);

    for viewport in [Viewport::Phone, Viewport::Desktop] {
        let profile = tempfile::tempdir().unwrap();
        let (_driver, browser) = browser(profile.path(), viewport).await;
        // A page that does not load in 20 s is a stalled page, not a slow one: each page keeps a
        // server-sent-event stream open, and a browser opens only six connections to a host.
        browser
            .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
                None,
                Some(Duration::from_secs(20)),
                None,
            ))
            .await
            .unwrap();
        let device = match viewport {
            Viewport::Phone => "phone",
            Viewport::Desktop => "desktop",
        };
        for (kind, path) in &pages {
            browser
                .goto(&format!("{}{path}", served.base))
                .await
                .unwrap();
            let violations = accessibility_violations(&browser, &axe).await;
            assert!(
                violations.is_empty(),
                "{device}, {path}: WCAG 2.1 AA violations:\n{}",
                violations.join("\n")
            );
            if viewport == Viewport::Phone {
                assert!(
                    !scrolls_sideways(&browser).await,
                    "{path} is wider than a phone's screen"
                );
            }
            let screenshot = browser.screenshot().await.unwrap();
            std::fs::write(
                screenshots().join(format!("results-{device}-{kind}.png")),
                &screenshot,
            )
            .unwrap();
        }

        // The election page shows West Maas en Waal's published figures: every list's votes as
        // the Electoral Council published them (written the Dutch way), its seats, the
        // hemicycle with one seat per member.
        browser
            .goto(&format!(
                "{}/verkiezing/GR2022_WestMaasenWaal.html",
                served.base
            ))
            .await
            .unwrap();
        let text = visible_text(&browser).await;
        for list in official["lists"].as_array().unwrap() {
            let votes =
                publish::site::number(messages::Language::Nl, list["votes"].as_u64().unwrap());
            assert!(
                text.contains(&votes),
                "{device}: {votes} not shown:\n{text}"
            );
        }
        let seats = browser.find_all(Locator::Css("svg circle")).await.unwrap();
        assert_eq!(seats.len() as u64, official["seats"].as_u64().unwrap());

        // The index on the phone: progress, and the way to a municipality's page by its name.
        browser.goto(&format!("{}/", served.base)).await.unwrap();
        let text = visible_text(&browser).await;
        assert!(text.contains("3 van 3"), "{text}");
        click(&browser, Locator::LinkText("Assen")).await;
        browser
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css("svg circle"))
            .await
            .unwrap();
        assert!(
            browser
                .current_url()
                .await
                .unwrap()
                .as_str()
                .ends_with("/verkiezing/GR2026_Assen.html")
        );
        // With JavaScript on, the page listens for new versions.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while served.publication.live_readers() == 0 {
            assert!(
                std::time::Instant::now() < deadline,
                "the page opened no event stream"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        // The check finds what it is there to find: an image without a text alternative and
        // a button without a name, put into the page.
        browser
            .execute(
                "document.querySelector('main').insertAdjacentHTML('beforeend', \
                 '<img src=\"style.css\"><button></button>');",
                Vec::new(),
            )
            .await
            .unwrap();
        let violations = accessibility_violations(&browser, &axe).await;
        assert!(
            violations.iter().any(|v| v.starts_with("image-alt"))
                && violations.iter().any(|v| v.starts_with("button-name")),
            "{violations:#?}"
        );
        browser.close().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_results_site_works_without_javascript() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path());
    let served = serve(dir.path()).await;
    let profile = tempfile::tempdir().unwrap();
    let (_driver, browser) = browser_with(profile.path(), Viewport::Phone, false).await;
    browser.goto(&format!("{}/", served.base)).await.unwrap();
    // JavaScript is really off: the page's live.js opens no event stream (with it on, the
    // other test sees one open).
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(served.publication.live_readers(), 0);
    let text = visible_text(&browser).await;
    assert!(text.contains("3 van 3"), "{text}");
    // The links lead to every figure: a municipality's page, its votes and seats. (ChromeDriver
    // clicks with JavaScript of its own, which is off too: the test follows the links itself.)
    let index = browser.source().await.unwrap();
    assert!(index.contains("href=\"verkiezing/GR2022_WestMaasenWaal.html\""));
    browser
        .goto(&format!(
            "{}/verkiezing/GR2022_WestMaasenWaal.html",
            served.base
        ))
        .await
        .unwrap();
    let seats = browser.find_all(Locator::Css("svg circle")).await.unwrap();
    assert_eq!(seats.len(), 17);
    let text = visible_text(&browser).await;
    let official = testkit::published_gr2022("WestMaasenWaal");
    for list in official["lists"].as_array().unwrap() {
        let votes = publish::site::number(messages::Language::Nl, list["votes"].as_u64().unwrap());
        assert!(text.contains(&votes), "{votes} not shown:\n{text}");
    }
    let page = browser.source().await.unwrap();
    assert!(page.contains("href=\"../en/verkiezing/GR2022_WestMaasenWaal.html\""));
    browser
        .goto(&format!(
            "{}/en/verkiezing/GR2022_WestMaasenWaal.html",
            served.base
        ))
        .await
        .unwrap();
    let text = visible_text(&browser).await;
    assert!(text.contains("Elected candidates"), "{text}");
    let screenshot = browser.screenshot().await.unwrap();
    std::fs::write(
        screenshots().join("results-phone-election-en-no-javascript.png"),
        &screenshot,
    )
    .unwrap();
    browser.close().await.unwrap();
}
