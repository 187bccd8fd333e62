//! The language of the pages: Dutch unless the user chose English (a cookie).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

/// Name of the language cookie.
pub const LANG_COOKIE: &str = "urna_lang";

/// The language of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lang(pub model::Language);

impl Lang {
    /// The Dutch or the English text.
    pub fn pick<'a>(&self, nl: &'a str, en: &'a str) -> &'a str {
        self.0.pick(nl, en)
    }

    /// `nl` or `en`, for the `lang` attribute.
    pub fn code(&self) -> &'static str {
        match self.0 {
            model::Language::Nl => "nl",
            model::Language::En => "en",
        }
    }

    /// Whether English.
    pub fn is_en(&self) -> bool {
        self.0 == model::Language::En
    }

    /// From the request's cookies.
    pub fn of(parts: &Parts) -> Lang {
        let english = cookie(parts, LANG_COOKIE).is_some_and(|v| v == "en");
        Lang(if english {
            model::Language::En
        } else {
            model::Language::Nl
        })
    }
}

/// The value of a cookie of the request, if present.
pub fn cookie<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    cookie_in(&parts.headers, name)
}

/// The value of a cookie in request headers, if present.
pub fn cookie_in<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Lang, Self::Rejection> {
        Ok(Lang::of(parts))
    }
}
