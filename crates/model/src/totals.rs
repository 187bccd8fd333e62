//! The totals of a contest over the counts of its polling stations: what the municipality (or
//! the Flemish main office) adds up before seats are allocated.
//!
//! Pure: the counts come from definitive data entries or from an imported count (EML 510b); this
//! module only adds them up, in `u64`, and remembers which polling stations contributed.

use serde::Serialize;

use crate::count::CountForm;
use crate::election::Contest;
use crate::ids::PollingStationNumber;

/// One list's totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ListTotal {
    /// List number.
    pub number: u32,
    /// Name.
    pub name: String,
    /// Votes for the list (stemcijfer; Flanders: valid ballots for the list).
    pub votes: u64,
    /// Votes per candidate in list order (Flanders: preference votes).
    pub candidates: Vec<u64>,
    /// Flanders: ballots with only a list vote.
    pub list_only: u64,
}

/// The totals of a contest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Totals {
    /// Per list, in ballot order.
    pub lists: Vec<ListTotal>,
    /// Admitted voters (D); Flanders: ballots in the ballot boxes.
    pub admitted_voters: u64,
    /// Votes for candidates (E); Flanders: valid ballots.
    pub valid: u64,
    /// Blank (F).
    pub blank: u64,
    /// Invalid (G).
    pub invalid: u64,
    /// Votes cast (H); Flanders: ballots in the ballot boxes.
    pub cast: u64,
    /// Ballots counted more than voters admitted (I), summed.
    pub more_ballots: u64,
    /// Ballots counted fewer than voters admitted (J), summed.
    pub fewer_ballots: u64,
    /// The polling stations whose counts are included, in number order.
    pub polling_stations: Vec<PollingStationNumber>,
}

/// Why counts cannot be added up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TotalsError {
    /// A count does not have the contest's lists and candidates.
    #[error("the count of polling station {station} does not fit the candidate lists: {detail}")]
    Shape {
        /// The polling station.
        station: PollingStationNumber,
        /// What differs.
        detail: crate::count::FieldError,
    },
    /// The same polling station twice.
    #[error("polling station {0} is counted twice")]
    Duplicate(PollingStationNumber),
    /// Dutch and Flemish counts mixed.
    #[error("polling station {0}: the count is of another jurisdiction's form")]
    MixedForms(PollingStationNumber),
}

impl Totals {
    /// Adds up `counts` for `contest`. Every count must have the contest's shape.
    pub fn add_up<'a>(
        contest: &Contest,
        counts: impl IntoIterator<Item = (PollingStationNumber, &'a CountForm)>,
    ) -> Result<Totals, TotalsError> {
        let mut totals = Totals {
            lists: contest
                .lists
                .iter()
                .map(|list| ListTotal {
                    number: list.number.get(),
                    name: list.name.clone(),
                    votes: 0,
                    candidates: vec![0; list.candidates.len()],
                    list_only: 0,
                })
                .collect(),
            admitted_voters: 0,
            valid: 0,
            blank: 0,
            invalid: 0,
            cast: 0,
            more_ballots: 0,
            fewer_ballots: 0,
            polling_stations: Vec::new(),
        };
        let mut form: Option<bool> = None;
        for (station, count) in counts {
            let flemish = matches!(count, CountForm::Flanders(_));
            if *form.get_or_insert(flemish) != flemish {
                return Err(TotalsError::MixedForms(station));
            }
            let jurisdiction = if flemish {
                crate::Jurisdiction::Flanders
            } else {
                crate::Jurisdiction::Netherlands
            };
            count
                .check_shape(jurisdiction, contest)
                .map_err(|detail| TotalsError::Shape { station, detail })?;
            if totals.polling_stations.contains(&station) {
                return Err(TotalsError::Duplicate(station));
            }
            totals.polling_stations.push(station);
            totals.add(count);
        }
        totals.polling_stations.sort();
        Ok(totals)
    }

    fn add(&mut self, count: &CountForm) {
        let add_all = |sums: &mut [u64], values: &[u32]| {
            for (sum, value) in sums.iter_mut().zip(values) {
                *sum += u64::from(*value);
            }
        };
        match count {
            CountForm::Netherlands(c) => {
                for (total, (votes, list)) in self
                    .lists
                    .iter_mut()
                    .zip(c.votes.per_list.iter().zip(&c.lists))
                {
                    total.votes += u64::from(*votes);
                    add_all(&mut total.candidates, &list.candidates);
                }
                self.admitted_voters += u64::from(c.voters.total);
                self.valid += u64::from(c.votes.total_on_candidates);
                self.blank += u64::from(c.votes.blank);
                self.invalid += u64::from(c.votes.invalid);
                self.cast += u64::from(c.votes.total_cast);
                self.more_ballots += u64::from(c.differences.more_ballots);
                self.fewer_ballots += u64::from(c.differences.fewer_ballots);
            }
            CountForm::Flanders(c) => {
                for (total, list) in self.lists.iter_mut().zip(&c.lists) {
                    total.votes += u64::from(list.ballots);
                    total.list_only += u64::from(list.list_only);
                    add_all(&mut total.candidates, &list.preferences);
                    self.valid += u64::from(list.ballots);
                }
                self.admitted_voters += u64::from(c.ballots_total);
                self.blank += u64::from(c.blank);
                self.invalid += u64::from(c.invalid);
                self.cast += u64::from(c.ballots_total);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Jurisdiction;
    use crate::count::tests::contest;

    fn number(n: u32) -> PollingStationNumber {
        PollingStationNumber::new(n).unwrap()
    }

    #[test]
    fn counts_add_up_per_list_and_candidate() {
        let contest = contest(&[2, 1]);
        let mut a = CountForm::empty(Jurisdiction::Netherlands, &contest);
        let mut b = a.clone();
        for (form, base) in [(&mut a, 10u32), (&mut b, 20)] {
            if let CountForm::Netherlands(c) = form {
                c.lists[0].candidates = vec![base, 1];
                c.lists[1].candidates = vec![base + 5];
                c.votes.per_list = vec![base + 1, base + 5];
                c.votes.total_on_candidates = 2 * base + 6;
                c.votes.blank = 1;
                c.votes.total_cast = 2 * base + 7;
                c.voters.total = 2 * base + 7;
            }
        }
        let totals = Totals::add_up(&contest, [(number(2), &b), (number(1), &a)]).unwrap();
        assert_eq!(totals.lists[0].votes, 32);
        assert_eq!(totals.lists[0].candidates, [30, 2]);
        assert_eq!(totals.lists[1].candidates, [40]);
        assert_eq!((totals.valid, totals.blank, totals.cast), (72, 2, 74));
        assert_eq!(totals.polling_stations, [number(1), number(2)]);
    }

    #[test]
    fn a_station_twice_or_of_another_shape_is_refused() {
        let contest = contest(&[2, 1]);
        let a = CountForm::empty(Jurisdiction::Netherlands, &contest);
        assert_eq!(
            Totals::add_up(&contest, [(number(1), &a), (number(1), &a)]),
            Err(TotalsError::Duplicate(number(1)))
        );
        let other = CountForm::empty(
            Jurisdiction::Netherlands,
            &crate::count::tests::contest(&[3]),
        );
        assert!(matches!(
            Totals::add_up(&contest, [(number(1), &other)]),
            Err(TotalsError::Shape { .. })
        ));
        let flemish = CountForm::empty(Jurisdiction::Flanders, &contest);
        assert_eq!(
            Totals::add_up(&contest, [(number(1), &a), (number(2), &flemish)]),
            Err(TotalsError::MixedForms(number(2)))
        );
    }
}
