//! EML_NL import: election definitions (110a), candidate lists (230b), polling stations (110b)
//! and the counts of polling stations (510b), read with the Electoral Council's `eml-nl` crate and mapped to Urna's [`model`].
//!
//! Every refusal names the file and, where the parser knows it, the line, column and element, so
//! an official can see what is wrong without reading XML. A file that belongs to another
//! election is refused with every field that differs.

#![forbid(unsafe_code)]

mod candidates;
mod count;
mod count_stream;
mod definition;
mod document;
mod error;
mod export;
mod identity;
mod osv;
mod polling_stations;
mod source;

pub use candidates::read_candidate_lists;
pub use count::{
    CountingAuthority, read_count_polling_stations, read_count_total, read_count_totals,
    read_eligible_voters, read_investigation_flags,
};
pub use count_stream::read_polling_station_counts;
pub use definition::read_election_definition;
pub use document::declared_document_id;
pub use error::{Difference, DocumentType, EmlError, describe_eml_id};
pub use export::{
    ElectedList, ExportError, StationCount, write_count_510b, write_count_510d, write_result_520,
};
pub use osv::osv4_3_count_csv;
pub use polling_stations::read_polling_stations;
pub use source::{Location, SourceFile};

/// Largest EML file read: the count of a city of 450 polling stations (Groningen's, of 130,
/// is 10 MB) fits several times.
pub const MAX_FILE_BYTES: u64 = 96 * 1024 * 1024;

use model::Election;

/// Reads a complete election: the definition, its candidate lists and, optionally, its polling
/// stations, and checks the result against the model's rules.
pub fn import_election(
    definition: SourceFile<'_>,
    candidate_lists: SourceFile<'_>,
    polling_stations: Option<SourceFile<'_>>,
) -> Result<Election, EmlError> {
    let mut election = read_election_definition(definition)?;
    election.contests = read_candidate_lists(candidate_lists, &election)?;
    model::validate_contests(&election).map_err(|errors| EmlError::Definition {
        file: candidate_lists.name.to_string(),
        errors,
    })?;
    if let Some(file) = polling_stations {
        election.polling_stations = read_polling_stations(file, &election)?;
        model::validate_polling_stations(&election).map_err(|errors| EmlError::Definition {
            file: file.name.to_string(),
            errors,
        })?;
    }
    Ok(election)
}
