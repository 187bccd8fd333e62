//! The polling-station app's figures as the municipality's coordinator sees and publishes them:
//! turnout per polling station and for the municipality at the published moments, the app's
//! count beside the definitive count, new credentials for a polling station, the electorate the
//! municipality states, and the published turnout as JSON and CSV for its website and the press.

use std::sync::Arc;

use chrono::NaiveTime;
use model::tally::Tally;
use model::turnout::{self, moment_text};
use model::{Election, ElectionId, PollingStationNumber};
use serde_json::json;
use store::{Actor, CredentialSource, NewCredential, StoredEntry, TurnoutPublication};

use crate::{Office, OfficeError, Refusal, station};

/// Everything the coordinator's overview of the app is made of, read in one go.
#[derive(Debug)]
pub struct Gathered {
    /// The election.
    pub election: Arc<Election>,
    /// The electorate is the one the municipality stated (not the stations' sum).
    pub electorate_stated: bool,
    /// Every station's app credential.
    pub credentials: Vec<store::StationCredential>,
    /// Turnout at the moments.
    pub turnout: turnout::Overview,
    /// What was published.
    pub publications: Vec<TurnoutPublication>,
    /// The app's tally marks per station.
    pub counts: Vec<(PollingStationNumber, String, i64)>,
    /// The data entries (for the definitive counts).
    pub entries: Vec<StoredEntry>,
}

/// A polling station's new app credential, to be printed once.
#[derive(Debug)]
pub struct IssuedCredential {
    /// The election.
    pub election: Arc<Election>,
    /// The polling station.
    pub station: PollingStationNumber,
    /// `number · name`.
    pub label: String,
    /// The login.
    pub login: String,
    /// The password (shown once, never stored).
    pub password: String,
}

impl Office {
    /// The municipality's turnout: the election, the overview at the published moments, and
    /// whether the electorate is the one the municipality stated.
    pub fn turnout(
        &self,
        election: &ElectionId,
        moments: &[NaiveTime],
    ) -> Result<(Arc<Election>, turnout::Overview, bool), OfficeError> {
        let election = self.election(election)?;
        let reports = self.store.turnout_reports(&election.id, None)?;
        // The electorate the municipality stated; failing that, the polling stations'
        // registered voters added up.
        let stated = self.store.electorate(&election.id)?;
        let overview = turnout::overview(
            &election.polling_stations,
            moments,
            &reports,
            stated.or_else(|| turnout::electorate(&election.polling_stations)),
        );
        Ok((election, overview, stated.is_some()))
    }

    /// Everything the coordinator's overview of the app shows.
    pub fn gather(
        &self,
        election: &ElectionId,
        moments: &[NaiveTime],
    ) -> Result<Gathered, OfficeError> {
        let (election, turnout, electorate_stated) = self.turnout(election, moments)?;
        let store = &self.store;
        Ok(Gathered {
            electorate_stated,
            credentials: store.station_credentials(&election.id)?,
            publications: store.turnout_publications(&election.id)?,
            counts: store.tally_counts(&election.id, None)?,
            entries: store.entries(&election.id)?,
            turnout,
            election,
        })
    }

    /// Records the municipality's turnout at `moment` (one of `moments`) as it stands, with
    /// every polling station's figure: what the coordinator's *Publiceren* does.
    pub fn publish_turnout(
        &self,
        actor: &Actor,
        election: &ElectionId,
        moments: &[NaiveTime],
        moment: NaiveTime,
    ) -> Result<TurnoutPublication, OfficeError> {
        let (election, turnout, _) = self.turnout(election, moments)?;
        let figures = turnout
            .totals
            .iter()
            .position(|t| t.moment == moment)
            .and_then(|index| figures(&turnout, index))
            .ok_or(Refusal::NoSuchMoment)?;
        Ok(self
            .store
            .publish_turnout(actor, &election.id, moment_text(moment), figures)?)
    }

    /// The election and its turnout publications, oldest first.
    pub fn turnout_publications(
        &self,
        election: &ElectionId,
    ) -> Result<(Arc<Election>, Vec<TurnoutPublication>), OfficeError> {
        let election = self.election(election)?;
        let publications = self.store.turnout_publications(&election.id)?;
        Ok((election, publications))
    }

    /// Records the electorate (kiesgerechtigden) the municipality states: the denominator of
    /// the turnout percentage from now on.
    pub fn set_electorate(
        &self,
        actor: &Actor,
        election: &ElectionId,
        electorate: u64,
    ) -> Result<(), OfficeError> {
        if electorate == 0 {
            return Err(Refusal::NotPositive.into());
        }
        let election = self.election(election)?;
        self.store.set_electorate(actor, &election.id, electorate)?;
        Ok(())
    }

    /// A new password for polling station `number`'s app login: its earlier one stops working
    /// (its sessions the caller revokes).
    pub fn issue_credential(
        &self,
        actor: &Actor,
        election: &ElectionId,
        number: PollingStationNumber,
    ) -> Result<IssuedCredential, OfficeError> {
        let election = self.election(election)?;
        let (found, _) = station(&election, number)?;
        let password = seal::password::generate();
        let verifier = seal::password::verifier(&seal::password::normalise(&password))
            .map_err(|e| Refusal::Document(e.to_string()))?;
        let login = seal::ceremony::login(
            &seal::package::ElectionRef {
                id: election.id.clone(),
                name: election.name.clone(),
            },
            &seal::package::Office::PollingStation {
                number: found.number.get(),
                name: found.name.clone(),
            },
        );
        self.store.set_station_credentials(
            actor,
            &election.id,
            vec![NewCredential {
                station: found.number,
                login: login.clone(),
                verifier,
            }],
            CredentialSource::Coordinator,
        )?;
        Ok(IssuedCredential {
            station: found.number,
            label: format!("{} · {}", found.number, found.name),
            login,
            password,
            election: election.clone(),
        })
    }
}

/// The figures published for the moment at `index` of the overview: the municipality's, and each
/// polling station's (`null` where it has not reported), as municipalities put them on their site.
fn figures(overview: &turnout::Overview, index: usize) -> Option<serde_json::Value> {
    let total = overview.totals.get(index)?;
    Some(json!({
        "moment": moment_text(total.moment),
        "polling_stations": total.stations,
        "reported": total.reported,
        "admitted": total.admitted,
        "electorate": overview.electorate,
        // Tenths of a percent as a number (28.0), absent until every station reported.
        "turnout_percent": total.permille.map(|p| p as f64 / 10.0),
        "per_polling_station": overview.stations.iter().map(|station| json!({
            "number": station.number.get(),
            "name": station.name,
            "admitted": station.at_moments.get(index).copied().flatten(),
        })).collect::<Vec<_>>(),
    }))
}

/// The app's tally of one polling station, when it counted anything.
pub fn station_tally(
    election: &Election,
    number: PollingStationNumber,
    counts: &[(PollingStationNumber, String, i64)],
) -> Option<Result<Tally, String>> {
    let marks: Vec<(&str, i64)> = counts
        .iter()
        .filter(|(n, _, _)| *n == number)
        .map(|(_, mark, count)| (mark.as_str(), *count))
        .collect();
    if marks.is_empty() {
        return None;
    }
    let (_, contest) = station(election, number).ok()?;
    Some(Tally::from_stored(contest, marks).map_err(|e| e.to_string()))
}

/// `opkomst.json`: the election and every publication of its turnout, oldest first.
pub fn publications_json(
    election: &Election,
    publications: &[TurnoutPublication],
) -> serde_json::Value {
    json!({
        "election": election.id.as_str(),
        "name": election.name,
        "publications": publications.iter().map(|p| json!({
            "published_at": p.published_at,
            "figures": p.figures,
        })).collect::<Vec<_>>(),
    })
}

/// `opkomst.csv`: the published turnout as a spreadsheet (`;`-separated as Dutch spreadsheets
/// read it, UTF-8): per publication a row for the municipality (`gemeente`) and one per polling
/// station. The column names are the file format's, not the user interface's.
pub fn turnout_csv(
    municipality: &str,
    publications: &[TurnoutPublication],
) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    writer.write_record([
        "tijdstip",
        "gepubliceerd",
        "stembureau",
        "naam",
        "toegelaten_kiezers",
        "kiesgerechtigden",
        "opkomst_procent",
    ])?;
    let text = |value: &serde_json::Value| match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    for publication in publications {
        let figures = &publication.figures;
        let moment = text(&figures["moment"]);
        writer.write_record([
            moment.as_str(),
            &publication.published_at,
            "gemeente",
            municipality,
            &text(&figures["admitted"]),
            &text(&figures["electorate"]),
            &text(&figures["turnout_percent"]),
        ])?;
        for station in figures["per_polling_station"]
            .as_array()
            .into_iter()
            .flatten()
        {
            writer.write_record([
                moment.as_str(),
                &publication.published_at,
                &text(&station["number"]),
                &text(&station["name"]),
                &text(&station["admitted"]),
                "",
                "",
            ])?;
        }
    }
    writer
        .into_inner()
        .map_err(|error| error.into_error().into())
}
