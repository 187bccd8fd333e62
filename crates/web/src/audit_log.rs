//! The audit log for the coordinator and the administrator: whether the chain and the data it
//! vouches for are intact (checked anew at every visit, as `urna audit verify` does), and the
//! entries, newest first, filtered by action or by who did it, a page at a time. Read only: the
//! log cannot be changed from here or anywhere else.

use askama::Template;
use axum::Extension;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use messages::msg;
use serde::Deserialize;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::lang::Lang;
use crate::page::{Chrome, blocking, render};

/// Entries on one page.
pub const PAGE_SIZE: u64 = 100;

/// The filter of the page, from its query.
#[derive(Debug, Default, Deserialize)]
pub struct Filter {
    /// Only this action.
    #[serde(default)]
    action: String,
    /// Only actors whose name contains this.
    #[serde(default)]
    actor: String,
    /// The page, from 1.
    #[serde(default)]
    page: Option<u64>,
}

/// One entry as shown.
struct Row {
    seq: u64,
    at: String,
    actor: String,
    action: String,
    details: String,
    hash: String,
}

#[derive(Template)]
#[template(path = "audit_log.html")]
struct AuditPage {
    chrome: Chrome,
    intact: bool,
    status: String,
    problems: Vec<String>,
    rows: Vec<Row>,
    actions: Vec<String>,
    action: String,
    actor: String,
    page_of: String,
    total: u64,
    previous: Option<String>,
    next: Option<String>,
}

/// The link to page `page` with the same filter.
fn link(filter: &Filter, page: u64) -> String {
    let query = serde_urlencoded::to_string([
        ("action", filter.action.as_str()),
        ("actor", filter.actor.as_str()),
        ("page", &page.to_string()),
    ])
    .unwrap_or_default();
    format!("/audit?{query}")
}

/// `GET /audit`.
pub async fn page(
    State(state): State<AppState>,
    lang: Lang,
    Extension(user): Extension<CurrentUser>,
    Query(filter): Query<Filter>,
) -> Result<Response, WebError> {
    let page = filter.page.unwrap_or(1).max(1);
    let query = store::AuditQuery {
        action: Some(filter.action.trim().to_string()).filter(|a| !a.is_empty()),
        actor: Some(filter.actor.trim().to_string()).filter(|a| !a.is_empty()),
        offset: (page - 1).saturating_mul(PAGE_SIZE),
        limit: PAGE_SIZE,
    };
    let office = state.office.clone();
    let (report, (entries, total), actions) = blocking(move || {
        let store = office.store();
        Ok::<_, store::StoreError>((
            store.verify_audit_log()?,
            store.audit_query(&query)?,
            store.audit_actions()?,
        ))
    })
    .await??;

    let mut problems: Vec<String> = report
        .data
        .iter()
        .map(|problem| problem.message().text(lang.0))
        .collect();
    if problems.is_empty()
        && let Some(broken) = &report.broken
    {
        problems.push(broken.message().text(lang.0));
    }
    let intact = problems.is_empty();
    let head = report
        .head
        .as_deref()
        .map(|hash| hash.get(..16).unwrap_or(hash).to_string())
        .unwrap_or_default();
    let status = if intact {
        msg!("web-audit-intact", entries = report.entries, head = head).text(lang.0)
    } else {
        lang.t("web-audit-broken")
    };
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let rows = entries
        .into_iter()
        .map(|entry| Row {
            seq: entry.seq,
            at: crate::local_date_time(&entry.at),
            actor: entry.actor,
            action: entry.action,
            details: entry.details,
            hash: entry.entry_hash.get(..16).unwrap_or_default().to_string(),
        })
        .collect();
    Ok(render(
        StatusCode::OK,
        &AuditPage {
            chrome: Chrome::new(&state, lang, Some(&user)),
            intact,
            status,
            problems,
            rows,
            actions,
            previous: (page > 1).then(|| link(&filter, page - 1)),
            next: (page < pages).then(|| link(&filter, page + 1)),
            action: filter.action,
            actor: filter.actor,
            page_of: msg!("web-audit-page", page = page, pages = pages).text(lang.0),
            total,
        },
    ))
}
