//! A scripted device: logs a polling station in to the app and reports, over one TLS connection
//! that trusts only the app's certificate authority, exactly as the chair's phone does (the same
//! forms, the session cookie, the CSRF token of the page). The demo and the load benchmark drive
//! the app through it.

use std::sync::Arc;

use axum::body::Bytes;
use axum::http::{StatusCode, header};
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::SendRequest;
use tokio_rustls::rustls::ClientConfig;

/// Why a device's request did not do what it should.
#[derive(Debug, thiserror::Error)]
pub enum DeviceError {
    /// No connection to the app (TCP, the TLS handshake against the app's authority, HTTP).
    #[error(transparent)]
    Connect(#[from] crate::https::ConnectError),
    /// HTTP failed.
    #[error("HTTP: {0}")]
    Http(String),
    /// The app answered something else than expected.
    #[error("{what}: the app answered {status}")]
    Refused {
        /// What was asked.
        what: String,
        /// Its answer.
        status: u16,
    },
}

/// One device with its connection, its session cookie and the CSRF token of its session.
#[derive(Debug)]
pub struct Device {
    sender: SendRequest<Full<Bytes>>,
    host: String,
    cookie: Option<String>,
    csrf: Option<String>,
    station: Option<u32>,
    driver: tokio::task::JoinHandle<()>,
}

impl Drop for Device {
    fn drop(&mut self) {
        self.driver.abort();
    }
}

/// An answer: status, `Location`, body.
struct Answer {
    status: StatusCode,
    location: Option<String>,
    set_cookie: Option<String>,
    body: Bytes,
}

impl Device {
    /// Connects to the app at `address` (host:port), checking its certificate against the
    /// authority in `config` under `server_name`.
    pub async fn connect(
        address: &str,
        server_name: &str,
        config: Arc<ClientConfig>,
    ) -> Result<Device, DeviceError> {
        let (sender, driver) = crate::https::connect(address, server_name, config).await?;
        Ok(Device {
            sender,
            host: server_name.to_string(),
            cookie: None,
            csrf: None,
            station: None,
            driver,
        })
    }

    async fn request(
        &mut self,
        method: &str,
        path: &str,
        form: Option<Vec<(&str, &str)>>,
    ) -> Result<Answer, DeviceError> {
        let mut builder = hyper::Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, &self.host);
        if let Some(cookie) = &self.cookie {
            builder = builder.header(header::COOKIE, format!("{}={cookie}", super::COOKIE));
        }
        let body = match form {
            Some(mut fields) => {
                if let Some(csrf) = &self.csrf {
                    fields.push(("csrf", csrf));
                }
                builder = builder.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
                serde_urlencoded::to_string(fields).map_err(|e| DeviceError::Http(e.to_string()))?
            }
            None => String::new(),
        };
        let request = builder
            .body(Full::new(Bytes::from(body)))
            .map_err(|e| DeviceError::Http(e.to_string()))?;
        self.sender
            .ready()
            .await
            .map_err(|e| DeviceError::Http(e.to_string()))?;
        let response = self
            .sender
            .send_request(request)
            .await
            .map_err(|e| DeviceError::Http(e.to_string()))?;
        let status = response.status();
        let header_text = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let location = header_text(header::LOCATION);
        let set_cookie = header_text(header::SET_COOKIE);
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|e| DeviceError::Http(e.to_string()))?
            .to_bytes();
        Ok(Answer {
            status,
            location,
            set_cookie,
            body,
        })
    }

    /// Logs in with a credential sheet's login and password; returns the polling station.
    pub async fn log_in(&mut self, login: &str, password: &str) -> Result<u32, DeviceError> {
        let answer = self
            .request(
                "POST",
                "/stembureau/inloggen",
                Some(vec![("login", login), ("password", password)]),
            )
            .await?;
        let refused = |status: StatusCode| DeviceError::Refused {
            what: format!("login {login}"),
            status: status.as_u16(),
        };
        if answer.status != StatusCode::SEE_OTHER {
            return Err(refused(answer.status));
        }
        self.cookie = answer
            .set_cookie
            .as_deref()
            .and_then(|c| crate::cookies::from_set_cookie(c, super::COOKIE));
        let station = answer
            .location
            .as_deref()
            .and_then(|l| l.strip_prefix("/stembureau/"))
            .and_then(|n| n.parse::<u32>().ok())
            .ok_or_else(|| refused(answer.status))?;
        let home = self
            .request("GET", &format!("/stembureau/{station}"), None)
            .await?;
        let page = String::from_utf8_lossy(&home.body);
        let csrf = page
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .and_then(|rest| rest.get(..64))
            .ok_or_else(|| refused(home.status))?;
        self.csrf = Some(csrf.to_string());
        self.station = Some(station);
        Ok(station)
    }

    fn home(&self) -> Result<String, DeviceError> {
        self.station
            .map(|n| format!("/stembureau/{n}"))
            .ok_or_else(|| DeviceError::Http("not logged in".into()))
    }

    async fn post_expecting_redirect(
        &mut self,
        what: &str,
        path: String,
        fields: Vec<(&str, &str)>,
    ) -> Result<(), DeviceError> {
        let answer = self.request("POST", &path, Some(fields)).await?;
        if answer.status == StatusCode::SEE_OTHER {
            Ok(())
        } else {
            Err(DeviceError::Refused {
                what: what.to_string(),
                status: answer.status.as_u16(),
            })
        }
    }

    /// Reports the admitted voters at a published `moment` (`HH:MM`), or now (empty).
    pub async fn report_turnout(&mut self, moment: &str, admitted: u32) -> Result<(), DeviceError> {
        let path = format!("{}/opkomst", self.home()?);
        let admitted = admitted.to_string();
        self.post_expecting_redirect(
            "turnout",
            path,
            vec![("moment", moment), ("admitted", &admitted)],
        )
        .await
    }

    /// Counts one ballot: `c:LIST:POSITION`, `blank` or `invalid`.
    pub async fn mark(&mut self, mark: &str) -> Result<(), DeviceError> {
        let path = format!("{}/telling/markeer", self.home()?);
        self.post_expecting_redirect("mark", path, vec![("mark", mark)])
            .await
    }

    /// Takes back the latest ballot counted.
    pub async fn undo(&mut self) -> Result<(), DeviceError> {
        let path = format!("{}/telling/herstel", self.home()?);
        self.post_expecting_redirect("undo", path, Vec::new()).await
    }
}
