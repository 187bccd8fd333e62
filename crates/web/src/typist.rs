//! The typist's pages: the polling stations they can type, and the count form — saved,
//! finalised or abandoned as a plain HTML form, refused with the form as typed and the reason.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use model::count::{CountForm, Field, FieldKind, FieldValue, Submitted};
use model::entry::{Acknowledgements, EntryState, Status};
use model::rules::{Findings, Severity};
use model::{Election, PollingStation};
use office::OfficeError;
use store::Role;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::lang::Lang;
use crate::page::{AtStation, Chrome, InElection, office, render, see};

struct TypistRow {
    number: u32,
    name: String,
    status: String,
    action: Option<String>,
    note: String,
}

#[derive(Template)]
#[template(path = "typist_home.html")]
struct TypistHome {
    chrome: Chrome,
    election_id: model::ElectionId,
    election_name: String,
    csrf: String,
    rows: Vec<TypistRow>,
    /// Entries the coordinator sent back to this typist: what to tell them.
    returned: Vec<String>,
}

/// Whether the coordinator sent this entry back to `user`, and why: it is theirs to type, and the
/// last change was not theirs (the coordinator's resolution; a typist's own claim or save is
/// theirs). A first entry in progress again had errors on the report; a second entry in progress
/// again differed from the other one.
fn returned_reason(
    state: &EntryState,
    updated_by: Option<&str>,
    user: &CurrentUser,
) -> Option<&'static str> {
    let by_someone_else = updated_by.is_some_and(|by| by != user.actor().as_str());
    match state {
        EntryState::FirstEntryInProgress { typist, .. }
            if typist.id == user.id && by_someone_else =>
        {
            Some("web-returned-errors")
        }
        EntryState::SecondEntryInProgress { typist, .. }
            if typist.id == user.id && by_someone_else =>
        {
            Some("web-returned-differences")
        }
        _ => None,
    }
}

/// A status's name, in `lang`.
pub fn status_name(lang: Lang, status: Status) -> String {
    status.name().text(lang.0)
}

/// An election: typists see the polling stations they can type, coordinators the overview,
/// administrators the polling stations.
pub async fn election(
    State(state): State<AppState>,
    lang: Lang,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
    match user.role {
        Role::Coordinator => return Ok(see(&format!("/elections/{id}/overview"))),
        Role::Administrator => return Ok(see(&format!("/elections/{id}/polling-stations"))),
        Role::Typist => {}
    }
    let (election, entries, users) = office(&state, move |office| {
        let election = office.election(&id)?;
        let entries = office.store().entries(&election.id)?;
        let users = office.store().users()?;
        Ok((election, entries, users))
    })
    .await?;
    // Who sent an entry back, by name (`web:coord` → the coordinator's full name).
    let name_of = |actor: &str| {
        let username = actor.split_once(':').map_or(actor, |(_, name)| name);
        users
            .iter()
            .find(|u| u.username == username)
            .map_or_else(|| username.to_string(), |u| u.full_name.clone())
    };
    let station_name = |number: model::PollingStationNumber| {
        election
            .polling_stations
            .iter()
            .find(|s| s.number == number)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
    let returned: Vec<String> = entries
        .iter()
        .filter_map(|stored| {
            let reason = returned_reason(&stored.state, stored.updated_by.as_deref(), &user)?;
            Some(
                messages::msg!(
                    "web-returned-to-you",
                    number = stored.polling_station.get(),
                    station = station_name(stored.polling_station),
                    by = name_of(stored.updated_by.as_deref().unwrap_or_default()),
                    at = stored
                        .updated_at
                        .as_deref()
                        .map(crate::local_date_time)
                        .unwrap_or_default(),
                    reason = lang.t(reason),
                )
                .text(lang.0),
            )
        })
        .collect();
    let rows = entries
        .into_iter()
        .map(|stored| {
            let name = election
                .polling_stations
                .iter()
                .find(|s| s.number == stored.polling_station)
                .map(|s| s.name.clone())
                .unwrap_or_default();
            let (action, note) = match &stored.state {
                EntryState::NotStarted => (Some("web-start-first-entry"), None),
                EntryState::FirstEntryInProgress { typist, .. }
                | EntryState::SecondEntryInProgress { typist, .. }
                    if typist.id == user.id =>
                {
                    (Some("web-continue-entry"), None)
                }
                EntryState::FirstEntryInProgress { .. }
                | EntryState::SecondEntryInProgress { .. } => {
                    (None, Some("web-someone-else-is-typing"))
                }
                EntryState::SecondEntryNotStarted { first } if first.typist.id != user.id => {
                    (Some("web-start-second-entry"), None)
                }
                EntryState::SecondEntryNotStarted { .. } => {
                    (None, Some("web-you-typed-first-entry-someone"))
                }
                _ => (None, None),
            };
            TypistRow {
                number: stored.polling_station.get(),
                name,
                status: status_name(lang, stored.state.status()),
                action: action.map(|id| lang.t(id)),
                note: note.map(|id| lang.t(id)).unwrap_or_default(),
            }
        })
        .collect();
    Ok(render(
        StatusCode::OK,
        &TypistHome {
            chrome: Chrome::new(&state, lang, Some(&user)),
            election_id: election.id.clone(),
            election_name: election.name.clone(),
            csrf: user.csrf.clone(),
            rows,
            returned,
        },
    ))
}

// --- the count form ---

struct FieldView {
    key: String,
    code: String,
    label: String,
    kind: &'static str,
    value: String,
    class: String,
    sum_of: String,
}

struct SectionView {
    heading: String,
    fields: Vec<FieldView>,
}

/// A finding, as the pages show it.
#[derive(Debug)]
pub struct FindingView {
    /// The rule's code (`F.201`).
    pub code: String,
    /// The rule, in the page's language.
    pub text: String,
    /// `error` or `warning`.
    pub class: &'static str,
}

#[derive(Template)]
#[template(path = "entry_form.html")]
struct EntryPage {
    chrome: Chrome,
    election_id: model::ElectionId,
    election_name: String,
    station_number: u32,
    station_name: String,
    entry_title: String,
    csrf: String,
    version: u64,
    message: Option<String>,
    message_class: &'static str,
    field_errors: Vec<String>,
    findings: Vec<FindingView>,
    sections: Vec<SectionView>,
}

/// The findings as the pages show them.
pub fn finding_views(lang: Lang, findings: &Findings) -> Vec<FindingView> {
    findings
        .0
        .iter()
        .map(|f| FindingView {
            code: f.code.dotted(),
            text: f.code.text(lang.0),
            class: match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
        })
        .collect()
}

/// Which fields a total should equal the sum of, for the live sums.
fn sum_of(field: &Field, all: &[Field]) -> String {
    let keys: Vec<&str> = match field.key.as_str() {
        "voters.d" => vec!["voters.a", "voters.b", "voters.c"],
        "votes.e" => all
            .iter()
            .filter(|f| f.key.starts_with("votes.e."))
            .map(|f| f.key.as_str())
            .collect(),
        "votes.h" => vec!["votes.e", "votes.f", "votes.g"],
        "ballots.total" => all
            .iter()
            .filter(|f| {
                f.key == "ballots.blank"
                    || f.key == "ballots.invalid"
                    || (f.key.starts_with("lists.") && f.key.ends_with(".ballots"))
            })
            .map(|f| f.key.as_str())
            .collect(),
        key if key.starts_with("lists.") && key.ends_with(".total") => {
            let prefix = format!("{}.candidates.", &key[..key.len() - ".total".len()]);
            all.iter()
                .filter(|f| f.key.starts_with(&prefix))
                .map(|f| f.key.as_str())
                .collect()
        }
        _ => Vec::new(),
    };
    keys.join(" ")
}

fn section_views(
    lang: Lang,
    form: &CountForm,
    contest: &model::Contest,
    submitted: Option<&Submitted>,
    findings: &Findings,
) -> Vec<SectionView> {
    let fields = form.fields(contest);
    let mut sections: Vec<SectionView> = Vec::new();
    let mut current: Option<model::count::Section> = None;
    for field in &fields {
        if current.as_ref() != Some(&field.section) {
            sections.push(SectionView {
                heading: field.section.heading(lang.0),
                fields: Vec::new(),
            });
            current = Some(field.section.clone());
        }
        let value = match submitted {
            Some(map) => match field.kind {
                FieldKind::Flag if map.contains_key(&field.key) => "on".into(),
                FieldKind::Flag => String::new(),
                _ => map.get(&field.key).cloned().unwrap_or_default(),
            },
            None => match &field.value {
                FieldValue::Number(n) => n.to_string(),
                FieldValue::Flag(true) => "on".into(),
                FieldValue::Flag(false) => String::new(),
                FieldValue::Text(t) => t.clone(),
            },
        };
        let marked = |severity| {
            findings
                .0
                .iter()
                .any(|f| f.severity == severity && f.fields.contains(&field.key))
        };
        let mut class = String::new();
        if field.total {
            class.push_str("total ");
        }
        if marked(Severity::Error) {
            class.push_str("mark-error");
        } else if marked(Severity::Warning) {
            class.push_str("mark-warning");
        }
        if let Some(section) = sections.last_mut() {
            section.fields.push(FieldView {
                key: field.key.clone(),
                code: field.code.clone(),
                label: field.label(lang.0),
                kind: match field.kind {
                    FieldKind::Number => "number",
                    FieldKind::Flag => "flag",
                    FieldKind::Text => "text",
                },
                value,
                class,
                sum_of: sum_of(field, &fields),
            });
        }
    }
    sections
}

/// What an entry's page is made of.
struct EntryContext {
    election: Arc<Election>,
    station: PollingStation,
    contest: model::Contest,
    stored: store::StoredEntry,
}

async fn load_entry(state: &AppState, at: AtStation) -> Result<EntryContext, WebError> {
    office(state, move |office| {
        let AtStation(id, number) = at;
        let election = office.election(&id)?;
        let (station, contest) = office::station(&election, number)?;
        let (station, contest) = (station.clone(), contest.clone());
        let stored = office.store().entry(&election.id, station.number)?;
        Ok(EntryContext {
            election,
            station,
            contest,
            stored,
        })
    })
    .await
}

/// What the entry page shows besides the form.
struct Shown {
    submitted: Option<Submitted>,
    message: Option<(String, &'static str)>,
    field_errors: Vec<String>,
    status: StatusCode,
}

fn entry_page(
    state: &AppState,
    lang: Lang,
    user: &CurrentUser,
    context: &EntryContext,
    form: &CountForm,
    shown: Shown,
) -> Response {
    // Nothing typed yet: no checks to show (an empty form fails several).
    let untouched = *form == CountForm::empty(context.election.jurisdiction, &context.contest);
    let findings = if untouched {
        Findings::default()
    } else {
        model::rules::check(form)
    };
    let second = matches!(
        context.stored.state,
        EntryState::SecondEntryInProgress { .. }
    );
    let entry_title = lang.t(if second {
        "web-second-entry"
    } else {
        "web-first-entry"
    });
    // A fresh form starts empty, not with zeros: a field the typist skipped must not look typed
    // (finalising refuses an empty field by name; a zero is typed).
    let blank = Submitted::default();
    let submitted = shown.submitted.as_ref().or(untouched.then_some(&blank));
    let (message, message_class) = match shown.message {
        Some((m, c)) => (Some(m), c),
        None => (None, "ok"),
    };
    render(
        shown.status,
        &EntryPage {
            chrome: Chrome::new(state, lang, Some(user)),
            election_id: context.election.id.clone(),
            election_name: context.election.name.clone(),
            station_number: context.station.number.get(),
            station_name: context.station.name.clone(),
            entry_title,
            csrf: user.csrf.clone(),
            version: context.stored.version,
            message,
            message_class,
            field_errors: shown.field_errors,
            findings: finding_views(lang, &findings),
            sections: section_views(lang, form, &context.contest, submitted, &findings),
        },
    )
}

/// Starts or resumes an entry, then shows its form.
pub async fn claim(
    State(state): State<AppState>,
    AtStation(id, number): AtStation,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
    let (election, operator) = (id.clone(), user.operator());
    office(&state, move |office| {
        office.claim(&operator, &election, number)
    })
    .await?;
    Ok(see(&format!("/elections/{id}/entries/{number}")))
}

/// The form of an entry the typist holds.
pub async fn entry_form(
    State(state): State<AppState>,
    lang: Lang,
    at: AtStation,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
    let AtStation(id, number) = at.clone();
    let operator = user.operator();
    let typed = office(&state, move |office| {
        office.typed_fields(&operator, &id, number)
    })
    .await?;
    let context = load_entry(&state, at).await?;
    let holder = context.stored.state.typist_in_progress();
    let Some(draft) = context
        .stored
        .state
        .draft()
        .filter(|_| holder.is_some_and(|t| t.id == user.id))
    else {
        return Err(
            OfficeError::Transition(model::entry::TransitionError::WrongStatus(
                context.stored.state.status(),
            ))
            .into(),
        );
    };
    // What the typist last typed wins over the last saved draft: it is newer, and may be half a
    // form that is no count yet.
    let typed_form = typed.as_ref().map(|fields| {
        CountForm::from_fields(context.election.jurisdiction, &context.contest, fields).ok()
    });
    // Said only when it brings back more than the saved draft holds.
    let message = matches!(&typed_form, Some(form) if form.as_ref() != Some(draft))
        .then(|| (lang.t("web-typed-restored"), "ok"));
    let form = typed_form.flatten().unwrap_or_else(|| draft.clone());
    Ok(entry_page(
        &state,
        lang,
        &user,
        &context,
        &form,
        Shown {
            submitted: typed,
            message,
            field_errors: Vec::new(),
            status: StatusCode::OK,
        },
    ))
}

/// The entry form as posted: the fields typed, the version it was shown at, the button pressed
/// and the boxes ticked.
struct EntryForm {
    fields: Submitted,
    version: u64,
    action: String,
    acknowledged: Acknowledgements,
}

impl EntryForm {
    fn read(pairs: Vec<(String, String)>) -> Result<EntryForm, WebError> {
        let mut fields = Submitted::new();
        let (mut version, mut action) = (None, String::from("save"));
        let mut acknowledged = Acknowledgements::default();
        for (key, value) in pairs {
            match key.as_str() {
                "csrf" => {}
                "version" => version = value.trim().parse::<u64>().ok(),
                "action" => action = value,
                "ack_warnings" => acknowledged.warnings = true,
                "ack_errors" => acknowledged.errors = true,
                _ => {
                    fields.insert(key, value);
                }
            }
        }
        let Some(version) = version else {
            return Err(WebError::new(
                StatusCode::BAD_REQUEST,
                "bad_request",
                messages::msg!("web-form-has-no-version"),
            ));
        };
        Ok(EntryForm {
            fields,
            version,
            action,
            acknowledged,
        })
    }
}

/// Keeps what the typist typed so far (the form's script sends it as they type, and when the
/// page is left). Answers 204; a refusal (the entry changed meanwhile) is for the script to show.
pub async fn typed(
    State(state): State<AppState>,
    at: AtStation,
    Extension(user): Extension<CurrentUser>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let EntryForm {
        fields, version, ..
    } = EntryForm::read(pairs)?;
    let AtStation(election, number) = at;
    let operator = user.operator();
    office(&state, move |office| {
        office.type_fields(&operator, &election, number, version, &fields)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Saves, finalises or abandons an entry.
pub async fn entry_submit(
    State(state): State<AppState>,
    lang: Lang,
    at: AtStation,
    Extension(user): Extension<CurrentUser>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let EntryForm {
        fields,
        version,
        action,
        acknowledged,
    } = EntryForm::read(pairs)?;
    let AtStation(id, number) = at.clone();
    let (election, operator, submitted) = (id.clone(), user.operator(), fields.clone());
    let outcome = office(&state, move |office| {
        // What was typed is kept first, whatever becomes of the action: a refused finalise or
        // save loses nothing, even after a reload.
        if action != "abandon" {
            office.type_fields(&operator, &election, number, version, &submitted)?;
        }
        Ok(match action.as_str() {
            "abandon" => office
                .abandon(&operator, &election, number, version)
                .map(|(s, _)| s),
            "finalise" => office
                .finalise(
                    &operator,
                    &election,
                    number,
                    version,
                    Some(&submitted),
                    acknowledged,
                )
                .map(|(s, _)| s),
            _ => office
                .save(&operator, &election, number, version, &submitted)
                .map(|_| Status::FirstEntryInProgress),
        })
    })
    .await?;
    let error = match outcome {
        Ok(Status::FirstEntryInProgress | Status::SecondEntryInProgress) => {
            return Ok(see(&format!("/elections/{id}/entries/{number}")));
        }
        Ok(_) => return Ok(see(&format!("/elections/{id}"))),
        Err(error) => error,
    };
    // Show the form again with what was typed and why it was refused; nothing changed.
    let context = load_entry(&state, at).await?;
    let form = CountForm::from_fields(context.election.jurisdiction, &context.contest, &fields)
        .ok()
        .or_else(|| context.stored.state.draft().cloned())
        .unwrap_or_else(|| CountForm::empty(context.election.jurisdiction, &context.contest));
    let field_errors = match &error {
        OfficeError::Invalid(errors) => errors.iter().map(|e| e.message(lang.0)).collect(),
        _ => Vec::new(),
    };
    let message = match &error {
        OfficeError::Invalid(_) => lang.t("web-typed-kept-some-fields-invalid"),
        other => other.message(lang.0),
    };
    let status = WebError::from(error).status();
    Ok(entry_page(
        &state,
        lang,
        &user,
        &context,
        &form,
        Shown {
            submitted: Some(fields),
            message: Some((message, "error")),
            field_errors,
            status,
        },
    ))
}
