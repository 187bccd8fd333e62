//! Headless Chromium through ChromeDriver, for the browser tests: a fresh profile per session,
//! a desktop or a phone viewport, and the folder the screenshots go to.
//!
//! Needs `chromium` and `chromium-driver` (Debian), which `./scripts/test` installs.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::json;

/// The ChromeDriver process, stopped when dropped with every browser it started: they share its
/// process group (killing ChromeDriver alone left a Chromium running for every test that did not
/// close its session, dozens after a run of the test command).
pub struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The screen the page is shown on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewport {
    /// A desktop window, 1280 × 1800.
    Desktop,
    /// A phone, 390 × 844 CSS pixels at device pixel ratio 2, touch, a mobile user agent
    /// (Chromium's device emulation).
    Phone,
}

/// `target/screenshots/`, made when missing.
pub fn screenshots() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A browser session with its own profile in `profile`.
pub async fn browser(profile: &Path, viewport: Viewport) -> (Driver, Client) {
    browser_with(profile, viewport, true).await
}

/// A browser session, with JavaScript switched off when `javascript` is false (as some readers
/// and some institutions' browsers have it).
pub async fn browser_with(
    profile: &Path,
    viewport: Viewport,
    javascript: bool,
) -> (Driver, Client) {
    launch(profile, viewport, javascript, None).await
}

/// A browser session on a device that trusts the certificate authority `ca_pem` (the
/// polling-station app's), as a chair's phone does once the municipality installed it: the
/// authority is added to the NSS database of a home folder of the session's own (Chromium on
/// Linux reads `$HOME/.pki/nssdb`), and every certificate is checked as usual — a wrong name, an
/// expired or otherwise unacceptable certificate fails to load.
pub async fn browser_trusting(
    profile: &Path,
    viewport: Viewport,
    ca_pem: &str,
) -> (Driver, Client) {
    let home = profile.join("home");
    let database = home.join(".pki/nssdb");
    std::fs::create_dir_all(&database).unwrap();
    let ca = profile.join("ca.pem");
    std::fs::write(&ca, ca_pem).unwrap();
    let certutil = |args: &[&std::ffi::OsStr]| {
        let output = Command::new("certutil")
            .args(args)
            .output()
            .unwrap_or_else(|e| {
                panic!("certutil is not installed ({e}): run ./scripts/test, or apt-get install -y libnss3-tools")
            });
        assert!(
            output.status.success(),
            "certutil: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    let db = format!("sql:{}", database.display());
    certutil(&[
        "-N".as_ref(),
        "-d".as_ref(),
        db.as_ref(),
        "--empty-password".as_ref(),
    ]);
    certutil(&[
        "-A".as_ref(),
        "-d".as_ref(),
        db.as_ref(),
        "-n".as_ref(),
        "Urna stembureau-app (test)".as_ref(),
        "-t".as_ref(),
        "C,,".as_ref(),
        "-i".as_ref(),
        ca.as_os_str(),
    ]);
    launch(profile, viewport, true, Some(&home)).await
}

async fn launch(
    profile: &Path,
    viewport: Viewport,
    javascript: bool,
    home: Option<&Path>,
) -> (Driver, Client) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut driver = Command::new("chromedriver");
    if let Some(home) = home {
        // Chromium inherits it and reads the certificate authorities trusted there.
        driver.env("HOME", home);
    }
    // Its own process group, which the browsers it starts join (see `Driver`).
    std::os::unix::process::CommandExt::process_group(&mut driver, 0);
    let driver = driver
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("chromedriver is not installed ({e}): run ./scripts/test, or apt-get install -y chromium chromium-driver")
        });
    let driver = Driver(driver);
    let mut args = vec![
        "--headless".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        format!("--user-data-dir={}", profile.display()),
    ];
    let mut options = serde_json::Map::new();
    options.insert("binary".into(), json!("/usr/bin/chromium"));
    match viewport {
        Viewport::Desktop => args.push("--window-size=1280,1800".into()),
        Viewport::Phone => {
            options.insert(
                "mobileEmulation".into(),
                json!({
                    "deviceMetrics": { "width": 390, "height": 844, "pixelRatio": 2.0, "touch": true },
                    "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
                }),
            );
        }
    }
    options.insert("args".into(), json!(args));
    if !javascript {
        options.insert(
            "prefs".into(),
            json!({ "profile.managed_default_content_settings.javascript": 2 }),
        );
    }
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::Value::Object(options),
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => return (driver, client),
            Err(error) if Instant::now() > deadline => panic!("no WebDriver session: {error}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// Finds the element and clicks it.
pub async fn click(browser: &Client, locator: fantoccini::Locator<'_>) {
    browser.find(locator).await.unwrap().click().await.unwrap();
}

/// `axe-core` as `npm ci` installed it beside this test.
pub fn axe_source() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/a11y/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: run ./scripts/test, or npm ci --prefix crates/web/tests/a11y",
            path.display()
        )
    })
}

/// The WCAG 2.0 and 2.1 level A and AA rules of axe-core on the page shown: every violation,
/// with its rule, impact and the elements it found.
pub async fn accessibility_violations(browser: &Client, axe: &str) -> Vec<String> {
    browser.execute(axe, Vec::new()).await.unwrap();
    let result = browser
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, { runOnly: { type: "tag",
                   values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
                 .then(r => done(r.violations.map(v => v.id + " (" + v.impact + "): " + v.help
                     + " — " + v.nodes.map(n => n.target.join(" ")).join(", "))))
                 .catch(e => done(["axe failed: " + e]));"#,
            Vec::new(),
        )
        .await
        .unwrap();
    serde_json::from_value(result).unwrap()
}

/// Logs `username` in to results entry at `base` and waits for the elections page.
pub async fn log_in(browser: &Client, base: &str, username: &str, password: &str) {
    browser.goto(&format!("{base}/login")).await.unwrap();
    browser
        .find(fantoccini::Locator::Id("username"))
        .await
        .unwrap()
        .send_keys(username)
        .await
        .unwrap();
    browser
        .find(fantoccini::Locator::Id("password"))
        .await
        .unwrap()
        .send_keys(password)
        .await
        .unwrap();
    click(browser, fantoccini::Locator::Id("login")).await;
    let elections = url::Url::parse(&format!("{base}/elections")).unwrap();
    if browser
        .wait()
        .at_most(Duration::from_secs(10))
        .for_url(&elections)
        .await
        .is_err()
    {
        panic!(
            "{username} is not logged in; the page says:\n{}",
            browser.source().await.unwrap_or_default()
        );
    }
}

/// The text of the element `locator` finds, once it is there.
pub async fn text_of(browser: &Client, locator: fantoccini::Locator<'_>) -> String {
    browser
        .wait()
        .for_element(locator)
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}
