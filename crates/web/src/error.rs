//! One error type for every handler of both servers, made into a response in one place.
//!
//! A handler returns `Result<Response, WebError>` and uses `?` on the office's refusals and on
//! its own ([`WebError::new`] with a catalog message). The error does not become a page or a
//! JSON answer where it is raised: [`WebError::into_response`] only carries it, and the
//! [`respond`] middleware, which sees the request, answers the API (`/api/…`) with
//! `{"error": code, "message": English, "message_nl": Dutch, …}` and everything else with the
//! error page in the user's language.

use std::sync::Arc;

use askama::Template;
use axum::Json;
use axum::extract::Request;
use axum::http::{HeaderName, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use messages::{Message, msg};
use model::Language;
use model::entry::TransitionError;
use office::OfficeError;
use serde_json::{Value, json};

use crate::lang::Lang;
use crate::page::{Chrome, render};

/// What went wrong.
#[derive(Debug, Clone)]
enum Problem {
    /// The office refused (its reason, its fields, its findings).
    Office(Arc<OfficeError>),
    /// A message of the catalogs.
    Message(Message),
    /// A field of a form that does not read.
    Field(model::count::FieldError),
}

/// A refusal or failure, as any handler returns it.
#[derive(Debug, Clone)]
pub struct WebError {
    status: StatusCode,
    code: &'static str,
    problem: Problem,
}

impl WebError {
    /// A refusal with `status`, the API's `code` and a catalog message.
    pub fn new(status: StatusCode, code: &'static str, message: Message) -> WebError {
        WebError {
            status,
            code,
            problem: Problem::Message(message),
        }
    }

    /// A field of a form that does not read: 422.
    pub fn field(error: model::count::FieldError) -> WebError {
        WebError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "invalid_fields",
            problem: Problem::Field(error),
        }
    }

    /// A page or resource that does not exist.
    pub fn not_found() -> WebError {
        WebError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            msg!("web-this-page-does-not-exist"),
        )
    }

    /// Something failed on the server (a task that did not finish, a template): nothing was
    /// changed.
    pub fn internal(detail: impl std::fmt::Display) -> WebError {
        tracing::error!(target: "urna::event", %detail, "internal error");
        WebError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            msg!("web-something-went-wrong-on-server"),
        )
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The office's refusal, when it is one.
    pub fn office(&self) -> Option<&OfficeError> {
        match &self.problem {
            Problem::Office(error) => Some(error),
            Problem::Message(_) | Problem::Field(_) => None,
        }
    }

    /// The reason, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        match &self.problem {
            Problem::Office(error) => error.message(lang),
            Problem::Message(message) => message.text(lang),
            Problem::Field(error) => error.message(lang),
        }
    }

    /// The API's answer.
    fn json(&self) -> Value {
        let mut body = json!({
            "error": self.code,
            "message": self.message(Language::En),
            "message_nl": self.message(Language::Nl),
        });
        match self.office() {
            Some(OfficeError::Invalid(errors)) => {
                body["fields"] = errors
                    .iter()
                    .map(|e| {
                        json!({
                            "field": e.key(),
                            "message": e.to_string(),
                            "message_nl": e.message(Language::Nl),
                        })
                    })
                    .collect();
            }
            Some(OfficeError::Stale { expected, found }) => {
                body["expected_version"] = json!(expected);
                body["version"] = json!(found);
            }
            Some(OfficeError::Transition(
                TransitionError::WarningsNotAcknowledged(findings)
                | TransitionError::ErrorsNotAcknowledged(findings),
            )) => {
                body["findings"] = json!(findings);
            }
            _ => {}
        }
        body
    }

    /// The error page, in `lang`.
    fn page(&self, lang: Lang, chrome: Chrome) -> Response {
        #[derive(Template)]
        #[template(path = "message.html")]
        struct MessagePage {
            chrome: Chrome,
            title: String,
            message: String,
            class: &'static str,
            back: String,
        }
        let title = match self.status {
            StatusCode::NOT_FOUND => "web-not-found",
            StatusCode::FORBIDDEN => "web-refused",
            StatusCode::SERVICE_UNAVAILABLE => "web-unavailable",
            StatusCode::CONFLICT => "web-changed-meanwhile",
            _ => "web-did-not-succeed",
        };
        render(
            self.status,
            &MessagePage {
                chrome,
                title: lang.t(title),
                message: self.message(lang.0),
                class: "error",
                back: "/".into(),
            },
        )
    }
}

impl std::fmt::Display for WebError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Language::En))
    }
}

impl From<OfficeError> for WebError {
    fn from(error: OfficeError) -> WebError {
        use office::Refusal;
        let (status, code) = match &error {
            OfficeError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            OfficeError::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_fields"),
            OfficeError::Transition(_) => (StatusCode::CONFLICT, "refused"),
            OfficeError::Stale { .. } => (StatusCode::CONFLICT, "stale"),
            OfficeError::Refused(
                Refusal::LotOrder { .. }
                | Refusal::Reader(_)
                | Refusal::Unreadable { .. }
                | Refusal::NoSuchMoment
                | Refusal::NotPositive,
            ) => (StatusCode::BAD_REQUEST, "bad_request"),
            OfficeError::Refused(Refusal::Document(_)) => {
                (StatusCode::INTERNAL_SERVER_ERROR, "document")
            }
            OfficeError::Refused(_) => (StatusCode::CONFLICT, "conflict"),
            OfficeError::Determine(_) => (StatusCode::CONFLICT, "conflict"),
            OfficeError::Store(_) => (StatusCode::INTERNAL_SERVER_ERROR, "store"),
        };
        WebError {
            status,
            code,
            problem: Problem::Office(Arc::new(error)),
        }
    }
}

impl From<store::StoreError> for WebError {
    fn from(error: store::StoreError) -> WebError {
        OfficeError::from(error).into()
    }
}

impl IntoResponse for WebError {
    /// Carries the error to [`respond`], which makes it a page or a JSON answer.
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        response.extensions_mut().insert(self);
        response
    }
}

/// Whether a request is the JSON API's.
pub fn is_api(path: &str) -> bool {
    path.starts_with("/api/")
}

/// The middleware that makes every [`WebError`] a response: a page in the request's language,
/// or the API's JSON. Headers a handler set on the refusal (a cookie removed) are kept.
pub async fn respond(request: Request, next: Next) -> Response {
    let api = is_api(request.uri().path());
    let (parts, body) = request.into_parts();
    let lang = Lang::of(&parts);
    let mut response = next.run(Request::from_parts(parts, body)).await;
    let Some(error) = response.extensions_mut().remove::<WebError>() else {
        return response;
    };
    let mut answer = if api {
        (error.status, Json(error.json())).into_response()
    } else {
        error.page(lang, Chrome::plain(lang))
    };
    for (name, value) in response.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            answer
                .headers_mut()
                .append(HeaderName::clone(name), value.clone());
        }
    }
    answer
}
