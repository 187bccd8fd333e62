//! The polling stations of an election: added, changed, or imported from the municipality's
//! EML 110b. A station's number cannot change once its data entry has started (the store
//! refuses), and every change is in the audit log.

use model::{ElectionId, PollingStation, PollingStationNumber};

use crate::{Office, OfficeError, Operator, Refusal, station};

impl Office {
    /// Adds a polling station.
    pub fn add_station(
        &self,
        operator: &Operator,
        election: &ElectionId,
        station: PollingStation,
    ) -> Result<(), OfficeError> {
        let election = self.election(election)?;
        self.store
            .add_polling_stations(&operator.actor, &election.id, vec![station])?;
        self.forget(&election.id);
        Ok(())
    }

    /// Changes polling station `number`.
    pub fn update_station(
        &self,
        operator: &Operator,
        election: &ElectionId,
        number: PollingStationNumber,
        changed: PollingStation,
    ) -> Result<(), OfficeError> {
        let election = self.election(election)?;
        let (existing, _) = station(&election, number)?;
        self.store.update_polling_station(
            &operator.actor,
            &election.id,
            existing.number,
            changed,
        )?;
        self.forget(&election.id);
        Ok(())
    }

    /// Imports the polling stations of an EML 110b file into an election; returns how many.
    pub fn import_stations(
        &self,
        operator: &Operator,
        election: &ElectionId,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<usize, OfficeError> {
        let election = self.election(election)?;
        let file = eml::SourceFile::new(file_name, bytes);
        let stations = eml::read_polling_stations(file, &election)
            .map_err(|e| Refusal::Reader(e.to_string()))?;
        let count = stations.len();
        self.store.import_polling_stations(
            &operator.actor,
            &election.id,
            stations,
            file_name.to_string(),
            seal::HashCode::of(bytes).to_hex(),
        )?;
        self.forget(&election.id);
        Ok(count)
    }

    /// The model of the polling stations' count form: `N10-2` under central counting, `N10-1`
    /// under decentralised counting (as file and folder names carry it).
    pub fn count_form_model(&self, election: &ElectionId) -> Result<&'static str, OfficeError> {
        Ok(form_model(self.counting_method(election)?))
    }

    /// The empty count form of a polling station (model N 10-2, or N 10-1 under decentralised
    /// counting), to print before election day: its file name and the PDF.
    pub fn empty_count_form(
        &self,
        election: &ElectionId,
        number: PollingStationNumber,
    ) -> Result<(String, Vec<u8>), OfficeError> {
        let election = self.election(election)?;
        let (station, contest) = station(&election, number)?;
        let counting = self.counting_of(&election)?;
        let name = format!(
            "Model_{}_{}_SB{number}.pdf",
            form_model(counting),
            election.id
        );
        let pdf = report::n_10_2(&election, contest, station, (counting, chrono::Utc::now()))
            .map_err(|e| OfficeError::from(Refusal::Document(e.to_string())))?;
        Ok((name, pdf))
    }
}

/// The count form's model under `counting`.
fn form_model(counting: model::committee::CountingMethod) -> &'static str {
    match counting {
        model::committee::CountingMethod::Central => "N10-2",
        model::committee::CountingMethod::Decentralised => "N10-1",
    }
}
