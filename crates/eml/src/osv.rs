//! The count of a municipality as an OSV4-3 CSV file ("osv4-3_telling_*.csv"), the table the
//! Electoral Council publishes next to the EML 510b: one column per polling station, one row per
//! figure of the report and per list and candidate.
//!
//! The Electoral Council's `eml-nl` crate writes the format (`ElectionCount::as_osv4_3_csv`); this
//! module checks that the count belongs to the election and gives it the candidates' names from
//! the election as loaded (the 510b itself holds only their numbers). Published files have a
//! UTF-8 byte-order mark and no line feed after the last line; so do these.

use eml_nl::csv::NameResolver;
use eml_nl::utils::{AffiliationId, CandidateId};
use model::{Candidate, Contest, Election};

use crate::count::checked_document;
use crate::error::EmlError;
use crate::source::SourceFile;

/// Names of lists and candidates from the election's contest.
struct Names<'a>(&'a Contest);

impl Names<'_> {
    fn list(&self, id: AffiliationId) -> Option<&model::List> {
        let number = id.value().get();
        self.0
            .lists
            .iter()
            .find(|l| u64::from(l.number.get()) == number)
    }
}

/// A candidate as the table names them: `{prefix} {last name}, {initials}`, e.g.
/// `van der Kolk - Kruithof, P.R.`.
fn table_name(candidate: &Candidate) -> String {
    let mut name = String::new();
    if let Some(prefix) = candidate.prefix.as_deref().filter(|p| !p.is_empty()) {
        name.push_str(prefix);
        name.push(' ');
    }
    name.push_str(&candidate.last_name);
    if let Some(initials) = candidate.initials.as_deref().filter(|i| !i.is_empty()) {
        name.push_str(", ");
        name.push_str(initials);
    }
    name
}

impl NameResolver for Names<'_> {
    fn resolve_affiliation_name(&self, affiliation_id: AffiliationId) -> Option<String> {
        self.list(affiliation_id).map(|l| l.name.clone())
    }

    fn resolve_candidate_name(
        &self,
        affiliation_id: AffiliationId,
        candidate_id: CandidateId,
    ) -> Option<String> {
        let position = usize::try_from(candidate_id.value().get()).ok()?;
        self.list(affiliation_id)?
            .candidates
            .get(position.checked_sub(1)?)
            .map(table_name)
    }
}

/// The OSV4-3 table of a 510b count of `election`; refused when the count is of another
/// election or does not fit its lists.
pub fn osv4_3_count_csv(file: SourceFile<'_>, election: &Election) -> Result<String, EmlError> {
    let document = checked_document(&file, election)?;
    let contest = election
        .contests
        .first()
        .ok_or_else(|| EmlError::invalid(&file, None, "the election has no candidate lists"))?;
    document
        .as_osv4_3_csv(&Names(contest), true, false)
        .map_err(|error| EmlError::invalid(&file, None, format!("OSV4-3 table: {error}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_named_as_the_table_names_them() {
        let candidate = Candidate {
            position: model::CandidatePosition::new(5).unwrap(),
            initials: Some("P.R.".into()),
            first_name: Some("Petra".into()),
            prefix: Some("van der".into()),
            last_name: "Kolk - Kruithof".into(),
            gender: None,
            locality: None,
            country: None,
        };
        assert_eq!(table_name(&candidate), "van der Kolk - Kruithof, P.R.");
    }
}
