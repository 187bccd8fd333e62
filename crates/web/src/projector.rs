//! The projector view for the committee's session room: progress per polling station in large
//! type, read-only, with no personal data (no typists' names, no figures before they are
//! definitive), refreshing by itself.
//!
//! The coordinator opens it from the overview, which makes a link of its own with a random
//! token: the computer at the projector needs no account at all, so no coordinator session is
//! left open in the room and the idle logout keeps its meaning. The link is valid until the
//! coordinator closes it or the server restarts; the request log writes the path without it.

use std::collections::HashMap;
use std::sync::Mutex;

use askama::Template;
use axum::Extension;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use model::ElectionId;
use model::entry::Status;

use crate::AppState;
use crate::auth::{CurrentUser, random_token, tokens_equal};
use crate::error::WebError;
use crate::lang::Lang;
use crate::page::{Chrome, InElection, office, render, see};
use crate::typist::status_name;

/// The path prefix of projector links, which the request log writes without the token.
pub const PREFIX: &str = "/projector/";

/// The open projector links: token → election. At most one per election.
#[derive(Debug, Default)]
pub struct ProjectorLinks(Mutex<HashMap<String, ElectionId>>);

impl ProjectorLinks {
    /// The link's token for `election`, made when there is none.
    pub fn open(&self, election: &ElectionId) -> String {
        let mut links = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((token, _)) = links.iter().find(|(_, e)| *e == election) {
            return token.clone();
        }
        let token = random_token();
        links.insert(token.clone(), election.clone());
        token
    }

    /// The election a token shows, if the link is open. Compared in constant time, so the
    /// answer's timing tells nothing of a token.
    pub fn election(&self, token: &str) -> Option<ElectionId> {
        let links = self.0.lock().unwrap_or_else(|e| e.into_inner());
        links
            .iter()
            .find(|(known, _)| tokens_equal(known, token))
            .map(|(_, election)| election.clone())
    }

    /// Closes the link of `election`; the screen showing it stops at its next refresh.
    pub fn close(&self, election: &ElectionId) {
        let mut links = self.0.lock().unwrap_or_else(|e| e.into_inner());
        links.retain(|_, e| e != election);
    }
}

/// A request path as the log writes it: a projector link without its token.
pub fn loggable_path(path: &str) -> &str {
    if path.starts_with(PREFIX) {
        PREFIX
    } else {
        path
    }
}

struct Tile {
    number: u32,
    name: String,
    status: String,
    status_key: &'static str,
}

#[derive(Template)]
#[template(path = "projector.html")]
struct ProjectorPage {
    chrome: Chrome,
    election_name: String,
    definitive: usize,
    stations: usize,
    tiles: Vec<Tile>,
    counts: Vec<(String, usize)>,
}

/// Opens (or reopens) the election's projector link and goes to it.
pub async fn open(
    State(state): State<AppState>,
    InElection(id): InElection,
    Extension(_user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
    // The election must exist before a link to it is made.
    let election = id.clone();
    office(&state, move |office| office.election(&election).map(|_| ())).await?;
    let token = state.projectors.open(&id);
    Ok(see(&format!("{PREFIX}{token}")))
}

/// Closes the election's projector link.
pub async fn close(
    State(state): State<AppState>,
    InElection(id): InElection,
    Extension(_user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
    state.projectors.close(&id);
    Ok(see(&format!("/elections/{id}/overview")))
}

/// The projector view of an open link.
pub async fn show(
    State(state): State<AppState>,
    lang: Lang,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let Some(id) = state.projectors.election(&token) else {
        return Err(WebError::not_found());
    };
    let (election, overview) = office(&state, move |office| {
        Ok((office.election(&id)?, office.overview(&id)?))
    })
    .await?;
    let tiles = overview
        .rows
        .iter()
        .map(|row| Tile {
            number: row.number,
            name: row.name.clone(),
            status: status_name(lang, row.status),
            status_key: row.status.as_str(),
        })
        .collect();
    let counts = overview
        .by_status
        .iter()
        .map(|(status, n)| (status_name(lang, *status), *n))
        .collect();
    Ok(render(
        StatusCode::OK,
        &ProjectorPage {
            chrome: Chrome::new(&state, lang, None),
            election_name: election.name.clone(),
            definitive: overview
                .rows
                .iter()
                .filter(|r| r.status == Status::Definitive)
                .count(),
            stations: overview.rows.len(),
            tiles,
            counts,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_is_one_per_election_found_by_its_token_and_gone_once_closed() {
        let links = ProjectorLinks::default();
        let (a, b) = (
            ElectionId::new("GR2026_Assen").unwrap_or_else(|e| panic!("{e}")),
            ElectionId::new("GR2026_Beek").unwrap_or_else(|e| panic!("{e}")),
        );
        let token = links.open(&a);
        assert_eq!(links.open(&a), token, "reopening gives the same link");
        assert_ne!(links.open(&b), token);
        assert_eq!(links.election(&token), Some(a.clone()));
        assert_eq!(links.election("not-a-token"), None);
        links.close(&a);
        assert_eq!(links.election(&token), None);
        assert!(
            links.election(&links.open(&b)).is_some(),
            "the other stays open"
        );
    }

    #[test]
    fn the_log_never_writes_a_links_token() {
        assert_eq!(loggable_path("/projector/0123abcd"), "/projector/");
        assert_eq!(
            loggable_path("/elections/x/overview"),
            "/elections/x/overview"
        );
    }
}
