//! The operations of the office that determines a result: a Dutch municipality's central
//! polling station (gemeentelijk stembureau) or a Flemish main office (hoofdbureau).
//!
//! - [`entry`]: the double entry of every polling station's count, and the coordinator's
//!   overview and decisions;
//! - [`stations`]: the polling stations of an election;
//! - [`result`]: the result from the definitive counts through the one result engine
//!   ([`determine`]), the decisions it takes as given (lots, deceased candidates), and a count
//!   made elsewhere (EML 510b) taken in;
//! - [`committee`]: the committee's sessions, its investigations of polling stations and the
//!   corrected counts they order;
//! - [`documents`]: the result's files (EML, CSV, the official reports), made once and then
//!   served as stored;
//! - [`municipalities`]: the central committee's intake of municipalities' 510b files as
//!   first entries, their paper reports typed as second entries;
//! - [`package`]: the result package, signed with the office's ceremony key and sealed to the
//!   central authority;
//! - [`sticks`]: the Flemish main office's count of its ballot-box sticks;
//! - [`turnout`]: the polling-station app's figures as the coordinator sees and publishes them.
//!
//! The web app and the command line both call these and nothing else: neither decides what a
//! count, a result or a file is. Each operation reads what is stored, runs the pure logic on it
//! and stores the outcome only if nobody changed it meanwhile. These are blocking calls (the store
//! waits for its writer thread).

#![forbid(unsafe_code)]

pub mod committee;
pub mod documents;
pub mod entry;
mod error;
pub mod municipalities;
pub mod package;
pub mod result;
pub mod stations;
pub mod sticks;
pub mod turnout;

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use model::entry::Typist;
use model::{Contest, Election, ElectionId, PollingStation, PollingStationNumber};
use store::{Actor, Store};

pub use error::{Missing, OfficeError, Refusal};

/// Who does something: the name the audit log records and, for data entry, the typist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operator {
    /// As the audit log names them (`web:anna`, `cli:…`).
    pub actor: Actor,
    /// As the data-entry state records them.
    pub typist: Typist,
}

/// An election id as asked for (a path, an argument), or why there is none.
pub fn election_id(text: &str) -> Result<ElectionId, OfficeError> {
    ElectionId::new(text).map_err(|_| OfficeError::NotFound(Missing::Election(text.to_string())))
}

/// A polling station number as asked for, or why there is none.
pub fn station_number(text: &str) -> Result<PollingStationNumber, OfficeError> {
    text.parse::<PollingStationNumber>()
        .map_err(|_| OfficeError::NotFound(Missing::Station(text.to_string())))
}

/// The office of one installation: its store and the elections it has read.
#[derive(Debug)]
pub struct Office {
    store: Arc<Store>,
    elections: RwLock<HashMap<ElectionId, Arc<Election>>>,
    /// Held while an election is loaded into the cache, so that many requests arriving at once
    /// load it once instead of each on its own.
    loading: std::sync::Mutex<()>,
}

impl Office {
    /// The office over `store`.
    pub fn new(store: Arc<Store>) -> Office {
        Office {
            store,
            elections: RwLock::new(HashMap::new()),
            loading: std::sync::Mutex::new(()),
        }
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The store, shared.
    pub fn shared_store(&self) -> Arc<Store> {
        self.store.clone()
    }

    /// An election, from the cache or the store.
    pub fn election(&self, id: &ElectionId) -> Result<Arc<Election>, OfficeError> {
        let cached = || {
            self.elections
                .read()
                .unwrap_or_else(|p| p.into_inner())
                .get(id)
                .cloned()
        };
        if let Some(election) = cached() {
            return Ok(election);
        }
        let _loading = self.loading.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(election) = cached() {
            return Ok(election);
        }
        let stored = self
            .store
            .election(id)?
            .ok_or_else(|| OfficeError::NotFound(Missing::Election(id.to_string())))?;
        let election = Arc::new(stored.election);
        self.elections
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id.clone(), election.clone());
        Ok(election)
    }

    /// Forgets a cached election (after its polling stations changed).
    fn forget(&self, id: &ElectionId) {
        self.elections
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(id);
    }
}

/// The polling station `number` of `election`, and the contest its ballots count for.
pub fn station(
    election: &Election,
    number: PollingStationNumber,
) -> Result<(&PollingStation, &Contest), OfficeError> {
    // Stored in number order: a binary search, with a scan for an unsorted list.
    let stations = &election.polling_stations;
    let station = stations
        .binary_search_by_key(&number, |s| s.number)
        .ok()
        .map(|index| &stations[index])
        .or_else(|| stations.iter().find(|s| s.number == number))
        .ok_or_else(|| {
            OfficeError::NotFound(Missing::StationOf {
                station: number.get(),
                election: election.id.clone(),
            })
        })?;
    let contest = match &station.contest {
        Some(id) => election.contest(id),
        None => election.contests.first(),
    }
    .ok_or_else(|| OfficeError::NotFound(Missing::Contest(number.to_string())))?;
    Ok((station, contest))
}
