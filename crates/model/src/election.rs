//! The election definition: what is elected, where, when, under which law, and who stands.

use chrono::NaiveDate;
use messages::{Message, msg};
use serde::{Deserialize, Serialize};

use crate::ids::{
    CandidatePosition, ContestId, DomainId, ElectionId, ListNumber, PollingStationNumber,
};

/// Whose electoral law applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Jurisdiction {
    /// The Netherlands: Kieswet, EML_NL, paper ballots counted by hand.
    Netherlands,
    /// Flanders (Belgium): Lokaal en Provinciaal Kiesdecreet, voting computers.
    Flanders,
}

impl Jurisdiction {
    /// Its name.
    pub fn name(self) -> Message {
        match self {
            Jurisdiction::Netherlands => msg!("jurisdiction-netherlands"),
            Jurisdiction::Flanders => msg!("jurisdiction-flanders"),
        }
    }
}

impl Jurisdiction {
    /// The time zone its documents and pages tell the time in: the law's deadlines and the
    /// polling stations' opening hours are local time.
    pub fn time_zone(self) -> chrono_tz::Tz {
        match self {
            Jurisdiction::Netherlands => chrono_tz::Europe::Amsterdam,
            Jurisdiction::Flanders => chrono_tz::Europe::Brussels,
        }
    }

    /// `moment` as the local date and time of this jurisdiction.
    pub fn local(self, moment: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono_tz::Tz> {
        moment.with_timezone(&self.time_zone())
    }

    /// A moment kept as RFC 3339 text (as the store and the snapshots keep it), in this
    /// jurisdiction's local time, written with `format` (chrono's); `None` when the text is not
    /// a moment.
    pub fn local_text(self, stored: &str, format: &str) -> Option<String> {
        let moment = chrono::DateTime::parse_from_rfc3339(stored).ok()?;
        Some(
            self.local(moment.with_timezone(&chrono::Utc))
                .format(format)
                .to_string(),
        )
    }
}

impl std::fmt::Display for Jurisdiction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.name().fmt(f)
    }
}

/// The body that is elected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Body {
    /// Gemeenteraad (NL EML category `GR`; Flemish municipal council).
    MunicipalCouncil,
    /// Districtsraad (Flanders: the districts of Antwerp).
    DistrictCouncil,
    /// Provinciale Staten (NL, `PS`) or provincieraad (Flanders).
    ProvincialCouncil,
    /// Algemeen bestuur of a water board (NL, `AB`).
    WaterBoard,
    /// Tweede Kamer der Staten-Generaal (NL, `TK`).
    HouseOfRepresentatives,
    /// Eerste Kamer der Staten-Generaal (NL, `EK`).
    Senate,
    /// European Parliament, Dutch members (NL, `EP`).
    EuropeanParliament,
    /// Eilandsraad of Bonaire, Sint Eustatius or Saba (NL, `ER`).
    IslandCouncil,
    /// Bestuurscommissie (Amsterdam, NL `BC`).
    BoroughCommittee,
    /// Gebiedscommissie (Rotterdam, NL `GC`).
    AreaCommittee,
}

impl Body {
    /// Its name (in Dutch as on official documents).
    pub fn name(self) -> Message {
        match self {
            Body::MunicipalCouncil => msg!("body-municipal-council"),
            Body::DistrictCouncil => msg!("body-district-council"),
            Body::ProvincialCouncil => msg!("body-provincial-council"),
            Body::WaterBoard => msg!("body-water-board"),
            Body::HouseOfRepresentatives => msg!("body-house-of-representatives"),
            Body::Senate => msg!("body-senate"),
            Body::EuropeanParliament => msg!("body-european-parliament"),
            Body::IslandCouncil => msg!("body-island-council"),
            Body::BoroughCommittee => msg!("body-borough-committee"),
            Body::AreaCommittee => msg!("body-area-committee"),
        }
    }
}

impl std::fmt::Display for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.name().fmt(f)
    }
}

/// The version of electoral law that decides seats and elected candidates.
///
/// Recorded with the election when it is loaded, so that a result computed years later is
/// computed under the rules that applied on election day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LawVersion {
    /// Kieswet (NL), chapter P, as applied from the municipal elections of 2018 up to and
    /// including those of 2026.
    NlKieswet,
    /// Flanders, Gemeentekieswet and Lokaal en Provinciaal Kiesdecreet as applied 2006–2018:
    /// ballots with only a list vote form a pot (one third) that devolves to candidates in list
    /// order.
    FlandersDevolution,
    /// Flanders, Lokaal en Provinciaal Kiesdecreet as applied from 2024: list votes no longer
    /// devolve; candidates are elected by preference votes alone.
    FlandersPreference,
}

/// Why no law version applies to an election.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LawVersionError {
    /// Urna implements no rules for an election on this date.
    #[error(
        "Urna implements the rules of {jurisdiction} for elections from {earliest}; this election is on {date}"
    )]
    TooEarly {
        /// The jurisdiction.
        jurisdiction: Jurisdiction,
        /// Earliest supported election date.
        earliest: NaiveDate,
        /// The election's date.
        date: NaiveDate,
    },
    /// The stated law version is not that of the jurisdiction, or not the one in force on the date.
    #[error(
        "law version {stated:?} does not apply to a {jurisdiction} election on {date}; {applicable:?} does"
    )]
    NotApplicable {
        /// The stated version.
        stated: LawVersion,
        /// The version that applies.
        applicable: LawVersion,
        /// The jurisdiction.
        jurisdiction: Jurisdiction,
        /// The election's date.
        date: NaiveDate,
    },
}

impl LawVersion {
    /// The law version in force for an election of `jurisdiction` on `date`.
    pub fn applicable(
        jurisdiction: Jurisdiction,
        date: NaiveDate,
    ) -> Result<LawVersion, LawVersionError> {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
        match jurisdiction {
            Jurisdiction::Netherlands => {
                let earliest = ymd(2018, 1, 1);
                if date < earliest {
                    Err(LawVersionError::TooEarly {
                        jurisdiction,
                        earliest,
                        date,
                    })
                } else {
                    Ok(LawVersion::NlKieswet)
                }
            }
            Jurisdiction::Flanders => {
                let earliest = ymd(2006, 1, 1);
                if date < earliest {
                    Err(LawVersionError::TooEarly {
                        jurisdiction,
                        earliest,
                        date,
                    })
                } else if date < ymd(2024, 1, 1) {
                    Ok(LawVersion::FlandersDevolution)
                } else {
                    Ok(LawVersion::FlandersPreference)
                }
            }
        }
    }

    /// Checks that `self` is the version in force for `jurisdiction` on `date`.
    pub fn check_applies(
        self,
        jurisdiction: Jurisdiction,
        date: NaiveDate,
    ) -> Result<(), LawVersionError> {
        let applicable = LawVersion::applicable(jurisdiction, date)?;
        if applicable == self {
            Ok(())
        } else {
            Err(LawVersionError::NotApplicable {
                stated: self,
                applicable,
                jurisdiction,
                date,
            })
        }
    }

    /// Short description, for documents and listings.
    pub fn name(self) -> Message {
        match self {
            LawVersion::NlKieswet => msg!("law-nl-kieswet"),
            LawVersion::FlandersDevolution => msg!("law-flanders-devolution"),
            LawVersion::FlandersPreference => msg!("law-flanders-preference"),
        }
    }
}

/// The area an election is held in (municipality, province, district of Antwerp).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Domain {
    /// Official code (CBS code in the Netherlands, NIS code in Belgium), when known.
    pub id: Option<DomainId>,
    /// Name, e.g. `Assen`.
    pub name: String,
}

/// One election of one body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Election {
    /// Identifier, unique within an installation.
    pub id: ElectionId,
    /// Full name, e.g. `Gemeenteraad Assen 2026`.
    pub name: String,
    /// Whose law applies.
    pub jurisdiction: Jurisdiction,
    /// The body elected.
    pub body: Body,
    /// The area (absent for national elections).
    pub domain: Option<Domain>,
    /// Election day.
    pub election_date: NaiveDate,
    /// Day of nomination (kandidaatstelling), when known.
    pub nomination_date: Option<NaiveDate>,
    /// Number of seats of the body.
    pub seats: u32,
    /// Preference threshold in percent of the quota (Kieswet P 15: 25, or 50 for a council with
    /// fewer than 19 seats). `None` where the law has no such threshold (Flanders).
    pub preference_threshold_percent: Option<u32>,
    /// The law version in force on election day.
    pub law: LawVersion,
    /// The contests: one for a Dutch municipal council, one per district for a Flemish
    /// provincial council.
    pub contests: Vec<Contest>,
    /// The polling stations.
    pub polling_stations: Vec<PollingStation>,
}

impl Election {
    /// Number of lists over all contests.
    pub fn list_count(&self) -> usize {
        self.contests.iter().map(|c| c.lists.len()).sum()
    }

    /// Number of candidates over all contests and lists.
    pub fn candidate_count(&self) -> usize {
        self.contests
            .iter()
            .flat_map(|c| &c.lists)
            .map(|l| l.candidates.len())
            .sum()
    }

    /// The contest with this id.
    pub fn contest(&self, id: &ContestId) -> Option<&Contest> {
        self.contests.iter().find(|c| &c.id == id)
    }

    /// The polling stations that count for `contest`, in number order: those naming it, and
    /// in an election of one contest those naming none.
    pub fn stations_of(&self, contest: &ContestId) -> Vec<crate::PollingStationNumber> {
        let single = self.contests.len() == 1;
        let mut stations: Vec<_> = self
            .polling_stations
            .iter()
            .filter(|s| match &s.contest {
                Some(id) => id == contest,
                None => single,
            })
            .map(|s| s.number)
            .collect();
        stations.sort();
        stations
    }
}

/// A contest: the lists that compete for one set of seats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contest {
    /// Identifier (`geen` for a Dutch municipal council).
    pub id: ContestId,
    /// Name, e.g. an electoral district's name.
    pub name: Option<String>,
    /// Seats allocated within this contest, when it is decided on its own (a municipal council,
    /// a Flemish provincial district). `None` when its lists are combined over several contests
    /// (the electoral districts of a Dutch national election).
    pub seats: Option<u32>,
    /// The lists, in the order of the ballot.
    pub lists: Vec<List>,
}

/// A list (lijst) of candidates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct List {
    /// List number.
    pub number: ListNumber,
    /// Registered name (aanduiding); may be empty: a list may stand without a name.
    pub name: String,
    /// Candidates in list order.
    pub candidates: Vec<Candidate>,
}

/// Gender as published on the candidate list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Man.
    Male,
    /// Woman.
    Female,
    /// Neither, or not stated.
    X,
}

/// A candidate on a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// Position on the list.
    pub position: CandidatePosition,
    /// Initials, e.g. `P.M.J.` (Dutch lists always have them; Flemish lists usually not).
    pub initials: Option<String>,
    /// First name (roepnaam).
    pub first_name: Option<String>,
    /// Name prefix (tussenvoegsel), e.g. `van der`.
    pub prefix: Option<String>,
    /// Last name.
    pub last_name: String,
    /// Gender, when published.
    pub gender: Option<Gender>,
    /// Place of residence (woonplaats).
    pub locality: Option<String>,
    /// Country code when the candidate lives abroad (e.g. `BE`).
    pub country: Option<String>,
}

impl Candidate {
    /// Name as read aloud: `P.M.J. (Peter) de Vries`.
    pub fn full_name(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(initials) = self.initials.as_deref().filter(|s| !s.is_empty()) {
            parts.push(initials.to_string());
        }
        if let Some(first) = self.first_name.as_deref().filter(|s| !s.is_empty()) {
            if parts.is_empty() {
                parts.push(first.to_string());
            } else {
                parts.push(format!("({first})"));
            }
        }
        if let Some(prefix) = self.prefix.as_deref().filter(|s| !s.is_empty()) {
            parts.push(prefix.to_string());
        }
        parts.push(self.last_name.clone());
        parts.join(" ")
    }
}

/// Kind of polling station (Kieswet J 4, J 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PollingStationKind {
    /// At a fixed location for the whole day (vaste locatie).
    FixedLocation,
    /// Special polling station (bijzonder stembureau), open to a limited group or with limited
    /// access.
    Special,
    /// Mobile polling station (mobiel stembureau).
    Mobile,
    /// Not a polling station: a whole municipality, the reporting unit of a central committee
    /// that takes in municipalities' counts (Kieswet P 22 ff.).
    Municipality,
}

impl PollingStationKind {
    /// Its name.
    pub fn name(self) -> Message {
        match self {
            PollingStationKind::FixedLocation => msg!("station-kind-fixed-location"),
            PollingStationKind::Special => msg!("station-kind-special"),
            PollingStationKind::Mobile => msg!("station-kind-mobile"),
            PollingStationKind::Municipality => msg!("station-kind-municipality"),
        }
    }
}

/// A postal address; every part is optional because sources give different parts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    /// Street and house number.
    pub street: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// Town.
    pub locality: Option<String>,
}

/// A polling station (stembureau).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollingStation {
    /// Number within the municipality.
    pub number: PollingStationNumber,
    /// Name of the location, e.g. `Stadhuis`.
    pub name: String,
    /// Kind, when the source states it (EML 110b does not).
    pub kind: Option<PollingStationKind>,
    /// Address.
    pub address: Address,
    /// Number of registered voters expected here, when known.
    pub voters: Option<u32>,
    /// The contest its ballots count for, where an election has several (a Flemish provincial
    /// district); `None` when the election has one contest.
    pub contest: Option<ContestId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn law_versions_by_date() {
        use Jurisdiction::*;
        assert_eq!(
            LawVersion::applicable(Netherlands, date(2026, 3, 18)),
            Ok(LawVersion::NlKieswet)
        );
        assert_eq!(
            LawVersion::applicable(Flanders, date(2018, 10, 14)),
            Ok(LawVersion::FlandersDevolution)
        );
        assert_eq!(
            LawVersion::applicable(Flanders, date(2024, 10, 13)),
            Ok(LawVersion::FlandersPreference)
        );
        assert!(LawVersion::applicable(Flanders, date(2000, 10, 8)).is_err());
        assert!(LawVersion::applicable(Netherlands, date(2014, 3, 19)).is_err());
        assert!(
            LawVersion::FlandersDevolution
                .check_applies(Flanders, date(2024, 10, 13))
                .is_err()
        );
    }

    #[test]
    fn full_name() {
        let candidate = Candidate {
            position: CandidatePosition::new(3).unwrap(),
            initials: Some("P.M.J.".into()),
            first_name: Some("Peter".into()),
            prefix: Some("de".into()),
            last_name: "Vries".into(),
            gender: None,
            locality: Some("Assen".into()),
            country: None,
        };
        assert_eq!(candidate.full_name(), "P.M.J. (Peter) de Vries");
        let flemish = Candidate {
            initials: None,
            prefix: None,
            first_name: Some("An".into()),
            last_name: "Peeters".into(),
            ..candidate
        };
        assert_eq!(flemish.full_name(), "An Peeters");
    }
}
