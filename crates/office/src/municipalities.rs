//! The central committee's intake of municipalities' counts (Kieswet P 22 ff.): each
//! municipality's EML 510b is taken in as the *first* entry of that municipality — its whole
//! count as the file's `TotalVotes` states it — and the totals of its paper report are typed as
//! the second entry by a typist and compared with it, like any double entry (differences resolved
//! by the coordinator; the file itself is never sent back to be typed). The municipalities are the
//! election's reporting units, numbered by their CBS code (`0014` Groningen is unit 14); the
//! seats and elected candidates come from the sum of their definitive counts through the same
//! result engine.
//!
//! A corrected 510b (after an investigation the central committee asked for, Kieswet P 2a)
//! replaces the earlier one in a later session: the earlier count goes into the history.

use model::count::CountForm;
use model::entry::EntryState;
use model::{ElectionId, PollingStation, PollingStationNumber};
use serde_json::json;
use store::{Actor, AuditAction, EntryChange, Replacement};

use crate::{Office, OfficeError, Refusal};

/// What taking in a municipality's file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MunicipalityIntake {
    /// The municipality's unit in the election (its CBS code as a number).
    pub unit: PollingStationNumber,
    /// Its name, as the file states it.
    pub name: String,
    /// Its code, as the file states it.
    pub code: String,
    /// Whether it replaced an earlier definitive count (in a later session).
    pub replaced: bool,
}

impl Office {
    /// Takes in a municipality's 510b as the first entry of that municipality (adding it as a
    /// reporting unit the first time). Refused when the file is of another election, when its
    /// own totals are not the sum of its polling stations, or when the municipality's entry has
    /// started (a corrected file replaces a definitive count only in a later session, which
    /// keeps the earlier one in the history).
    pub fn import_municipality(
        &self,
        actor: &Actor,
        election: &ElectionId,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<MunicipalityIntake, OfficeError> {
        let loaded = self.election(election)?;
        let file = eml::SourceFile::new(file_name, bytes);
        let reader = |e: eml::EmlError| Refusal::Reader(e.to_string());
        let (authority, total) = eml::read_count_total(file, &loaded).map_err(reader)?;
        // The file's own totals must be the sum of its polling stations.
        let stations = eml::read_polling_station_counts(file, &loaded).map_err(reader)?;
        crate::result::check_file_totals(&loaded, file_name, &stations, &total.lists)?;
        let unit = authority
            .code
            .parse::<u32>()
            .ok()
            .and_then(|n| PollingStationNumber::new(n).ok())
            .ok_or_else(|| {
                Refusal::Reader(format!(
                    "{file_name}: ManagingAuthority {:?} is not a municipality's code",
                    authority.code
                ))
            })?;
        match loaded.polling_stations.iter().find(|s| s.number == unit) {
            Some(existing)
                if existing.name != authority.name
                    || existing.kind != Some(model::PollingStationKind::Municipality) =>
            {
                return Err(Refusal::ForeignStations {
                    file: file_name.to_string(),
                    stations: vec![unit.get()],
                    election: loaded.id.clone(),
                }
                .into());
            }
            Some(_) => {}
            None => {
                self.store.add_polling_stations(
                    actor,
                    &loaded.id,
                    vec![PollingStation {
                        number: unit,
                        name: authority.name.clone(),
                        kind: Some(model::PollingStationKind::Municipality),
                        address: model::Address::default(),
                        voters: None,
                        contest: None,
                    }],
                )?;
                self.forget(&loaded.id);
            }
        }
        let stored = self.store.entry(&loaded.id, unit)?;
        let sha256 = seal::HashCode::of(bytes).to_hex();
        let form = CountForm::Netherlands(total);
        let details = json!({
            "file": file_name,
            "sha256": sha256,
            "municipality": authority.code,
            "entry": "first",
        });
        let replaced = matches!(stored.state, EntryState::Definitive { .. });
        let change = |state| EntryChange {
            election: loaded.id.clone(),
            polling_station: unit,
            expected_version: stored.version,
            state,
            action: AuditAction::EntryImport,
            details: details.clone(),
        };
        if replaced {
            // A corrected file, in a later session: the earlier count goes into the history.
            let session = self.current_session(&loaded)?;
            session.check_open().map_err(Refusal::Committee)?;
            if session.number < 2 {
                return Err(Refusal::ImportStarted(vec![unit.get()]).into());
            }
            let state = EntryState::NotStarted.import_first(form, file_name)?;
            self.store.replace_count(
                actor,
                Replacement {
                    change: change(state),
                    session: session.number,
                    reason: format!("{file_name} ({})", authority.name),
                },
            )?;
        } else {
            let state = stored
                .state
                .clone()
                .import_first(form, file_name)
                .map_err(|_| Refusal::ImportStarted(vec![unit.get()]))?;
            self.store.change_entry(actor, change(state))?;
        }
        Ok(MunicipalityIntake {
            unit,
            name: authority.name,
            code: authority.code,
            replaced,
        })
    }
}
