//! The cookies Urna sets and reads, made and parsed by the `cookie` crate: the session of a
//! results-entry user (`urna_session`), of a polling-station device (`urna_stembureau`), and the
//! chosen language. Sessions are `HttpOnly` and `SameSite=Strict`; over HTTPS every cookie is also
//! `Secure` ([`secure_over_tls`], applied to each TLS connection by `listen`), so that a browser
//! never sends a session over plain HTTP.

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use cookie::{Cookie, SameSite};

/// The value of cookie `name` in a request's `Cookie` headers, if present.
pub fn read(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|cookie| cookie.name() == name)
        .map(|cookie| cookie.value().to_string())
}

/// The value of cookie `name` in a response's `Set-Cookie` header (for a client such as the
/// polling-station app's device simulator).
pub fn from_set_cookie(set_cookie: &str, name: &str) -> Option<String> {
    Cookie::parse(set_cookie)
        .ok()
        .filter(|cookie| cookie.name() == name)
        .map(|cookie| cookie.value().to_string())
}

/// A session cookie: for the whole of `path`, never read by scripts, never sent by another site.
pub fn session(name: &str, token: &str, path: &str) -> Option<HeaderValue> {
    let cookie = Cookie::build((name, token))
        .path(path)
        .http_only(true)
        .same_site(SameSite::Strict)
        .build();
    HeaderValue::from_str(&cookie.to_string()).ok()
}

/// The cookie that ends session cookie `name` of `path`.
pub fn removal(name: &str, path: &str) -> Option<HeaderValue> {
    let mut cookie = Cookie::build((name, ""))
        .path(path)
        .http_only(true)
        .same_site(SameSite::Strict)
        .build();
    cookie.make_removal();
    HeaderValue::from_str(&cookie.to_string()).ok()
}

/// A preference kept for a year (the language).
pub fn preference(name: &str, value: &str) -> Option<HeaderValue> {
    let cookie = Cookie::build((name, value))
        .path("/")
        .same_site(SameSite::Strict)
        .max_age(cookie::time::Duration::days(365))
        .build();
    HeaderValue::from_str(&cookie.to_string()).ok()
}

/// Marks every cookie a response sets as `Secure`: the connection it travels on is HTTPS.
pub async fn secure_over_tls(mut response: Response) -> Response {
    let set: Vec<HeaderValue> = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .cloned()
        .collect();
    response.headers_mut().remove(header::SET_COOKIE);
    for value in set {
        let secured = value
            .to_str()
            .ok()
            .and_then(|text| Cookie::parse(text.to_string()).ok())
            .and_then(|mut cookie| {
                cookie.set_secure(true);
                HeaderValue::from_str(&cookie.to_string()).ok()
            })
            .unwrap_or(value);
        response.headers_mut().append(header::SET_COOKIE, secured);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_read_among_others_and_sessions_are_strict_and_http_only() {
        let mut headers = HeaderMap::new();
        headers.append(
            header::COOKIE,
            HeaderValue::from_static("a=1; urna_lang=en"),
        );
        headers.append(
            header::COOKIE,
            HeaderValue::from_static("urna_session=abc=def"),
        );
        assert_eq!(read(&headers, "urna_lang").as_deref(), Some("en"));
        assert_eq!(read(&headers, "urna_session").as_deref(), Some("abc=def"));
        assert_eq!(read(&headers, "missing"), None);

        let session = session("urna_session", "tok", "/").expect("cookie");
        let text = session.to_str().expect("text");
        for part in ["urna_session=tok", "HttpOnly", "SameSite=Strict", "Path=/"] {
            assert!(text.contains(part), "{text}");
        }
        assert!(!text.contains("Secure"));
        assert_eq!(
            from_set_cookie(text, "urna_session").as_deref(),
            Some("tok")
        );
        assert_eq!(from_set_cookie(text, "other"), None);
        let removal = removal("urna_session", "/").expect("cookie");
        assert!(removal.to_str().expect("text").contains("Max-Age=0"));
    }

    #[tokio::test]
    async fn over_tls_every_cookie_becomes_secure() {
        let mut response = Response::new(axum::body::Body::empty());
        for value in [
            session("urna_session", "tok", "/"),
            preference("urna_lang", "nl"),
        ]
        .into_iter()
        .flatten()
        {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
        let response = secure_over_tls(response).await;
        let set: Vec<&str> = response
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        assert_eq!(set.len(), 2);
        assert!(set.iter().all(|c| c.contains("Secure")), "{set:?}");
        assert!(set[0].contains("HttpOnly"));
    }
}
