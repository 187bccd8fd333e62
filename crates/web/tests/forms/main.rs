//! The pages without JavaScript: every step a plain HTML form, answered with a redirect or the
//! form again with the reason; and the Flemish paper count through the API.

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]
#[path = "../common/mod.rs"]
mod common;

mod accounts;
mod committee;
mod entry;
mod municipalities;
mod result;
mod setup;

use std::collections::BTreeMap;

use common::{Client, Server, TEST, first_station, shape};
use reqwest::StatusCode;
use serde_json::{Value, json};
use store::Actor;
use testkit::sound_count;

/// The count as the browser posts it: ticked boxes as `on`, unticked ones absent.
fn form_pairs(count: &BTreeMap<String, Value>) -> Vec<(String, String)> {
    count
        .iter()
        .filter_map(|(key, value)| match value {
            Value::Bool(false) => None,
            Value::Bool(true) => Some((key.clone(), "on".into())),
            Value::String(text) => Some((key.clone(), text.clone())),
            other => Some((key.clone(), other.to_string())),
        })
        .collect()
}

async fn submit(
    client: &Client,
    station: u32,
    count: &BTreeMap<String, Value>,
    action: &str,
    extra: &[(&str, &str)],
) -> reqwest::Response {
    // The version the form was rendered with.
    let page = client
        .get(&format!("/elections/{TEST}/entries/{station}"))
        .await
        .text()
        .await
        .unwrap();
    let version = page
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    let mut pairs = form_pairs(count);
    pairs.push(("version".into(), version));
    pairs.push(("action".into(), action.into()));
    for (k, v) in extra {
        pairs.push(((*k).into(), (*v).into()));
    }
    let refs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    client
        .form(&format!("/elections/{TEST}/entries/{station}"), &refs)
        .await
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_string()
}
