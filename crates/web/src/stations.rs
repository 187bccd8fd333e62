//! The polling stations of an election, for its administrator and coordinator: added, changed
//! or imported from an EML 110b, and each one's empty count form (model N 10-2) to print.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Form};
use messages::{Message, msg};
use model::{Address, Election, PollingStation, PollingStationNumber};
use serde::Deserialize;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::lang::Lang;
use crate::page::{AtStation, Chrome, InElection, download, office, render, see};

struct StationRow {
    number: u32,
    name: String,
    address: String,
    voters: String,
}

#[derive(Template)]
#[template(path = "stations.html")]
struct StationsPage {
    chrome: Chrome,
    election_id: model::ElectionId,
    election_name: String,
    stations: Vec<StationRow>,
    csrf: String,
    message: Option<String>,
    message_class: &'static str,
}

fn stations_page(
    state: &AppState,
    lang: Lang,
    user: &CurrentUser,
    election: &Election,
    message: Option<(String, &'static str)>,
    status: StatusCode,
) -> Response {
    let (message, message_class) = match message {
        Some((m, c)) => (Some(m), c),
        None => (None, "ok"),
    };
    render(
        status,
        &StationsPage {
            chrome: Chrome::new(state, lang, Some(user)),
            election_id: election.id.clone(),
            election_name: election.name.clone(),
            stations: election
                .polling_stations
                .iter()
                .map(|s| StationRow {
                    number: s.number.get(),
                    name: s.name.clone(),
                    address: [
                        s.address.street.as_deref(),
                        s.address.postal_code.as_deref(),
                        s.address.locality.as_deref(),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", "),
                    voters: s.voters.map(|v| v.to_string()).unwrap_or_default(),
                })
                .collect(),
            csrf: user.csrf.clone(),
            message,
            message_class,
        },
    )
}

/// The polling stations of an election.
pub async fn stations(
    State(state): State<AppState>,
    lang: Lang,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
    let election = office(&state, move |office| office.election(&id)).await?;
    Ok(stations_page(
        &state,
        lang,
        &user,
        &election,
        None,
        StatusCode::OK,
    ))
}

#[derive(Template)]
#[template(path = "station_form.html")]
struct StationFormPage {
    chrome: Chrome,
    heading: String,
    action: String,
    csrf: String,
    error: Option<String>,
    number: String,
    name: String,
    street: String,
    postal_code: String,
    locality: String,
    voters: String,
}

/// A polling station's fields as submitted.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct StationForm {
    /// Number.
    #[serde(default)]
    pub number: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Street.
    #[serde(default)]
    pub street: String,
    /// Postal code.
    #[serde(default)]
    pub postal_code: String,
    /// Town.
    #[serde(default)]
    pub locality: String,
    /// Expected voters.
    #[serde(default)]
    pub voters: String,
}

/// Why a polling station's form cannot be read.
#[derive(Debug, Clone)]
pub enum StationFormError {
    /// A field that does not fit.
    Message(Message),
    /// The number of voters does not read.
    Voters(model::count::FieldError),
}

impl From<StationFormError> for WebError {
    fn from(error: StationFormError) -> WebError {
        match error {
            StationFormError::Message(message) => {
                WebError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_fields", message)
            }
            StationFormError::Voters(error) => WebError::field(error),
        }
    }
}

impl StationFormError {
    /// The reason, in `lang`.
    pub fn text(&self, lang: model::Language) -> String {
        match self {
            StationFormError::Message(message) => message.text(lang),
            StationFormError::Voters(error) => error.message(lang),
        }
    }
}

impl StationForm {
    /// Reads the form into a polling station; the reason when it cannot.
    pub fn to_station(&self) -> Result<PollingStation, StationFormError> {
        let refuse = StationFormError::Message;
        let number = self
            .number
            .trim()
            .parse::<u32>()
            .ok()
            .and_then(|n| PollingStationNumber::new(n).ok())
            .ok_or_else(|| {
                refuse(msg!(
                    "web-station-number-not-positive",
                    number = &self.number
                ))
            })?;
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(refuse(msg!("web-station-name-length")));
        }
        let voters = if self.voters.trim().is_empty() {
            None
        } else {
            Some(
                model::count::parse_count("voters", &msg!("web-station-voters"), &self.voters)
                    .map_err(StationFormError::Voters)?,
            )
        };
        let optional = |text: &str| {
            let text = text.trim();
            (!text.is_empty()).then(|| text.chars().take(200).collect::<String>())
        };
        Ok(PollingStation {
            number,
            name: name.to_string(),
            kind: None,
            address: Address {
                street: optional(&self.street),
                postal_code: optional(&self.postal_code),
                locality: optional(&self.locality),
            },
            voters,
            contest: None,
        })
    }
}

/// Where a station form is posted, and its heading.
struct FormTarget {
    action: String,
    heading: String,
}

impl FormTarget {
    fn new(
        lang: Lang,
        election: &model::ElectionId,
        existing: Option<PollingStationNumber>,
    ) -> FormTarget {
        match existing {
            None => FormTarget {
                action: format!("/elections/{election}/polling-stations/new"),
                heading: lang.t("web-add-polling-station"),
            },
            Some(number) => FormTarget {
                action: format!("/elections/{election}/polling-stations/{number}/edit"),
                heading: lang.t("web-edit-polling-station"),
            },
        }
    }
}

fn station_form_page(
    state: &AppState,
    lang: Lang,
    user: &CurrentUser,
    target: FormTarget,
    form: &StationForm,
    (error, status): (Option<String>, StatusCode),
) -> Response {
    render(
        status,
        &StationFormPage {
            chrome: Chrome::new(state, lang, Some(user)),
            heading: target.heading,
            action: target.action,
            csrf: user.csrf.clone(),
            error,
            number: form.number.clone(),
            name: form.name.clone(),
            street: form.street.clone(),
            postal_code: form.postal_code.clone(),
            locality: form.locality.clone(),
            voters: form.voters.clone(),
        },
    )
}

/// The form for a new polling station.
pub async fn station_new_form(
    State(state): State<AppState>,
    lang: Lang,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
) -> Response {
    station_form_page(
        &state,
        lang,
        &user,
        FormTarget::new(lang, &id, None),
        &StationForm::default(),
        (None, StatusCode::OK),
    )
}

/// Adds a polling station (`existing` is `None`) or changes one; on refusal, the form again with
/// the reason.
async fn save_station(
    state: AppState,
    lang: Lang,
    user: CurrentUser,
    (id, existing): (model::ElectionId, Option<PollingStationNumber>),
    form: StationForm,
) -> Result<Response, WebError> {
    let target = FormTarget::new(lang, &id, existing);
    let refused = |message: String, status: StatusCode, target: FormTarget| {
        station_form_page(&state, lang, &user, target, &form, (Some(message), status))
    };
    let station = match form.to_station() {
        Ok(station) => station,
        Err(error) => {
            return Ok(refused(
                error.text(lang.0),
                StatusCode::UNPROCESSABLE_ENTITY,
                target,
            ));
        }
    };
    let (election, operator) = (id.clone(), user.operator());
    let saved = office(&state, move |office| {
        Ok(match existing {
            None => office.add_station(&operator, &election, station),
            Some(number) => office.update_station(&operator, &election, number, station),
        })
    })
    .await?;
    Ok(match saved {
        Ok(()) => see(&format!("/elections/{id}/polling-stations")),
        Err(error) => {
            let message = error.message(lang.0);
            refused(message, WebError::from(error).status(), target)
        }
    })
}

/// Adds a polling station.
pub async fn station_create(
    State(state): State<AppState>,
    lang: Lang,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<StationForm>,
) -> Result<Response, WebError> {
    save_station(state, lang, user, (id, None), form).await
}

/// The form to change a polling station.
pub async fn station_edit_form(
    State(state): State<AppState>,
    lang: Lang,
    AtStation(id, number): AtStation,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, WebError> {
    let election = id.clone();
    let station = office(&state, move |office| {
        let election = office.election(&election)?;
        Ok(office::station(&election, number)?.0.clone())
    })
    .await?;
    let form = StationForm {
        number: station.number.to_string(),
        name: station.name.clone(),
        street: station.address.street.clone().unwrap_or_default(),
        postal_code: station.address.postal_code.clone().unwrap_or_default(),
        locality: station.address.locality.clone().unwrap_or_default(),
        voters: station.voters.map(|v| v.to_string()).unwrap_or_default(),
    };
    Ok(station_form_page(
        &state,
        lang,
        &user,
        FormTarget::new(lang, &id, Some(number)),
        &form,
        (None, StatusCode::OK),
    ))
}

/// Changes a polling station.
pub async fn station_update(
    State(state): State<AppState>,
    lang: Lang,
    AtStation(id, number): AtStation,
    Extension(user): Extension<CurrentUser>,
    Form(form): Form<StationForm>,
) -> Result<Response, WebError> {
    save_station(state, lang, user, (id, Some(number)), form).await
}

/// The file of a multipart upload's `file` field; `what` names the expected kind of file.
pub async fn read_upload(
    mut multipart: Multipart,
    what: &str,
) -> Result<(String, Vec<u8>), WebError> {
    let bad = |message: Message| WebError::new(StatusCode::BAD_REQUEST, "bad_request", message);
    let mut upload: Option<(String, Vec<u8>)> = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                if field.name() == Some("file") {
                    let name = field.file_name().unwrap_or("upload.xml").to_string();
                    let bytes = field.bytes().await.map_err(|error| {
                        bad(msg!("web-file-incomplete", detail = error.to_string()))
                    })?;
                    upload = Some((name, bytes.to_vec()));
                }
            }
            Ok(None) => break,
            Err(error) => {
                return Err(bad(msg!("web-form-unreadable", detail = error.to_string())));
            }
        }
    }
    upload.ok_or_else(|| bad(msg!("web-choose-file", kind = what)))
}

/// Imports polling stations from an uploaded EML 110b.
pub async fn stations_import(
    State(state): State<AppState>,
    lang: Lang,
    InElection(id): InElection,
    Extension(user): Extension<CurrentUser>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let (name, bytes) = read_upload(multipart, "EML 110b").await?;
    let operator = user.operator();
    let (imported, election) = office(&state, move |office| {
        let imported = office.import_stations(&operator, &id, &name, &bytes);
        Ok((imported, office.election(&id)?))
    })
    .await?;
    Ok(match imported {
        Ok(count) => stations_page(
            &state,
            lang,
            &user,
            &election,
            Some((
                msg!("web-stations-imported", count = count).text(lang.0),
                "ok",
            )),
            StatusCode::OK,
        ),
        Err(error) => {
            let message =
                msg!("web-stations-not-imported", reason = error.message(lang.0)).text(lang.0);
            let status = WebError::from(error).status();
            stations_page(
                &state,
                lang,
                &user,
                &election,
                Some((message, "error")),
                status,
            )
        }
    })
}

/// The empty count form of a polling station (model N 10-2, or N 10-1 under decentralised
/// counting) as PDF, for printing before the count: its lists and candidates, the boxes empty.
pub async fn station_count_form(
    State(state): State<AppState>,
    AtStation(id, number): AtStation,
) -> Result<Response, WebError> {
    let election = id.clone();
    let (name, pdf) = office(&state, move |office| {
        office.empty_count_form(&election, number)
    })
    .await?;
    Ok(download("application/pdf", &name, pdf))
}
