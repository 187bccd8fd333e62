//! The language of the pages: Dutch unless the user chose another (a cookie).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use model::Language;

/// Name of the language cookie.
pub const LANG_COOKIE: &str = "urna_lang";

/// The language of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lang(pub Language);

impl Lang {
    /// The message `id` of the catalogs, in this language.
    pub fn t(&self, id: &str) -> String {
        self.0.text(id)
    }

    /// The language's code, for the `lang` attribute.
    pub fn code(&self) -> &'static str {
        self.0.code()
    }

    /// Every language, for the language switch: code and name.
    pub fn choices(&self) -> Vec<(&'static str, &'static str)> {
        Language::ALL
            .into_iter()
            .filter(|l| *l != self.0)
            .map(|l| (l.code(), l.name()))
            .collect()
    }

    /// From the request's cookies.
    pub fn of(parts: &Parts) -> Lang {
        Lang(
            crate::cookies::read(&parts.headers, LANG_COOKIE)
                .and_then(|code| Language::parse(&code))
                .unwrap_or_default(),
        )
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Lang, Self::Rejection> {
        Ok(Lang::of(parts))
    }
}
