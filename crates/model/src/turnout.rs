//! Turnout during election day: the number of admitted voters each polling station reports at
//! the moments the municipality publishes, and the municipality's figure at each moment.
//!
//! Turnout is not part of the result: it is what the chair reads off the count of admitted voters
//! (the poll cards, proxy certificates and voter cards taken in on admission, Kieswet J 25) during
//! the day, which runs from 7.30 to 21.00 (J 1). A voter may vote at any polling station of the
//! municipality (J 5), so only the municipality's figure has a meaningful percentage: the admitted
//! voters of all polling stations over the electorate.

use std::collections::BTreeMap;

use chrono::NaiveTime;

use crate::election::PollingStation;
use crate::ids::PollingStationNumber;

/// The moments of the day turnout is published, unless the municipality chooses others.
pub fn default_moments() -> Vec<NaiveTime> {
    [(10, 0), (13, 0), (16, 0), (19, 0), (21, 0)]
        .into_iter()
        .filter_map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0))
        .collect()
}

/// Parses `HH:MM`.
pub fn parse_moment(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

/// A moment as `HH:MM`.
pub fn moment_text(moment: NaiveTime) -> String {
    moment.format("%H:%M").to_string()
}

/// One report from a polling station, in the order received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The polling station.
    pub station: PollingStationNumber,
    /// The published moment it is for, or `None` for a report at another time.
    pub moment: Option<NaiveTime>,
    /// Admitted voters so far.
    pub admitted: u32,
    /// When it was received (RFC 3339, UTC).
    pub reported_at: String,
}

/// One polling station's turnout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StationTurnout {
    /// Number.
    pub number: PollingStationNumber,
    /// Name.
    pub name: String,
    /// At each moment (in the order of the moments): the last report for it.
    pub at_moments: Vec<Option<u32>>,
    /// The last report of any kind, and when it came.
    pub latest: Option<(u32, String)>,
    /// A report was lower than an earlier moment's: a typing error or a correction to look at.
    pub decreasing: bool,
}

/// The municipality at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MomentTotal {
    /// The moment.
    pub moment: NaiveTime,
    /// Polling stations that reported for it.
    pub reported: usize,
    /// Polling stations in all.
    pub stations: usize,
    /// Admitted voters at the stations that reported.
    pub admitted: u64,
    /// Turnout in tenths of a percent of the electorate, rounded half up, when the electorate is
    /// known and every polling station reported.
    pub permille: Option<u64>,
}

impl MomentTotal {
    /// `42,7%` (Dutch) or `42.7%`.
    pub fn percentage(&self, decimal_comma: bool) -> Option<String> {
        self.permille.map(|p| {
            let separator = if decimal_comma { ',' } else { '.' };
            format!("{}{separator}{}%", p / 10, p % 10)
        })
    }

    /// Whether every polling station reported.
    pub fn complete(&self) -> bool {
        self.reported == self.stations
    }
}

/// The turnout of a municipality.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    /// The published moments.
    pub moments: Vec<NaiveTime>,
    /// Per polling station, in number order.
    pub stations: Vec<StationTurnout>,
    /// Per moment.
    pub totals: Vec<MomentTotal>,
    /// The electorate the percentages are of, when known.
    pub electorate: Option<u64>,
}

/// The electorate as the polling stations' registered voters add up, when every one is known.
pub fn electorate(stations: &[PollingStation]) -> Option<u64> {
    stations
        .iter()
        .map(|s| s.voters.map(u64::from))
        .sum::<Option<u64>>()
        .filter(|total| *total > 0)
}

/// The overview from the reports in the order received (a later report for the same moment
/// replaces an earlier one: a correction).
pub fn overview(
    stations: &[PollingStation],
    moments: &[NaiveTime],
    reports: &[Report],
    electorate: Option<u64>,
) -> Overview {
    let mut by_station: BTreeMap<PollingStationNumber, Vec<&Report>> = BTreeMap::new();
    for report in reports {
        by_station.entry(report.station).or_default().push(report);
    }
    let rows: Vec<StationTurnout> = stations
        .iter()
        .map(|station| {
            let own = by_station
                .get(&station.number)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let at_moments: Vec<Option<u32>> = moments
                .iter()
                .map(|moment| {
                    own.iter()
                        .rev()
                        .find(|r| r.moment == Some(*moment))
                        .map(|r| r.admitted)
                })
                .collect();
            let known: Vec<u32> = at_moments.iter().flatten().copied().collect();
            StationTurnout {
                number: station.number,
                name: station.name.clone(),
                decreasing: known.windows(2).any(|pair| pair[1] < pair[0]),
                at_moments,
                latest: own.last().map(|r| (r.admitted, r.reported_at.clone())),
            }
        })
        .collect();
    let totals = moments
        .iter()
        .enumerate()
        .map(|(index, moment)| {
            let figures: Vec<u32> = rows.iter().filter_map(|r| r.at_moments[index]).collect();
            let admitted: u64 = figures.iter().map(|n| u64::from(*n)).sum();
            let complete = figures.len() == rows.len() && !rows.is_empty();
            MomentTotal {
                moment: *moment,
                reported: figures.len(),
                stations: rows.len(),
                admitted,
                permille: electorate
                    .filter(|_| complete)
                    .map(|e| (admitted * 1000 * 2 + e) / (2 * e)),
            }
        })
        .collect();
    Overview {
        moments: moments.to_vec(),
        stations: rows,
        totals,
        electorate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::election::Address;

    fn station(number: u32, voters: Option<u32>) -> PollingStation {
        PollingStation {
            number: PollingStationNumber::new(number).unwrap(),
            name: format!("Stembureau {number}"),
            kind: None,
            address: Address::default(),
            voters,
            contest: None,
        }
    }

    fn report(station: u32, moment: Option<&str>, admitted: u32) -> Report {
        Report {
            station: PollingStationNumber::new(station).unwrap(),
            moment: moment.and_then(parse_moment),
            admitted,
            reported_at: "2026-03-18T09:01:00.000Z".into(),
        }
    }

    #[test]
    fn moments_parse_and_print() {
        assert_eq!(default_moments().len(), 5);
        assert_eq!(moment_text(parse_moment("9:05").unwrap()), "09:05");
        assert_eq!(parse_moment("25:00"), None);
        assert_eq!(parse_moment("tien uur"), None);
    }

    #[test]
    fn the_municipality_figure_counts_the_last_report_per_station_and_moment() {
        let stations = [station(1, Some(1000)), station(2, Some(1500))];
        let moments = default_moments();
        let reports = [
            report(1, Some("10:00"), 120),
            report(2, Some("10:00"), 200),
            report(1, Some("10:00"), 102), // a correction
            report(1, None, 150),
            report(1, Some("13:00"), 310),
        ];
        let electorate = electorate(&stations);
        assert_eq!(electorate, Some(2500));
        let overview = overview(&stations, &moments, &reports, electorate);
        assert_eq!(overview.stations[0].at_moments[0], Some(102));
        assert_eq!(overview.stations[0].at_moments[1], Some(310));
        assert_eq!(overview.stations[0].latest.as_ref().unwrap().0, 310);
        assert_eq!(overview.stations[1].latest.as_ref().unwrap().0, 200);
        let ten = &overview.totals[0];
        assert_eq!((ten.reported, ten.stations, ten.admitted), (2, 2, 302));
        // 302 / 2500 = 12.08% → 12.1%.
        assert_eq!(ten.percentage(true).as_deref(), Some("12,1%"));
        assert!(ten.complete());
        // At 13:00 only one station reported: no percentage for the municipality yet.
        let one = &overview.totals[1];
        assert_eq!((one.reported, one.admitted, one.permille), (1, 310, None));
        assert!(!overview.stations[0].decreasing);
    }

    #[test]
    fn a_lower_figure_later_in_the_day_is_flagged_and_no_electorate_means_no_percentage() {
        let stations = [station(1, None), station(2, Some(100))];
        assert_eq!(electorate(&stations), None);
        let reports = [report(1, Some("10:00"), 300), report(1, Some("13:00"), 30)];
        let overview = overview(&stations, &default_moments(), &reports, None);
        assert!(overview.stations[0].decreasing);
        assert_eq!(overview.totals[0].permille, None);
    }
}
