//! A publication snapshot: everything the centre publishes at one moment — per election
//! (municipality) its votes, seats, elected candidates and turnout, the sums per provincial
//! district and province, and how far the count has come — as one JSON document, versioned,
//! chained to the version before it and signed with the central authority's key.
//!
//! Built by one pure function from what was registered and what arrived, so that a verifier
//! holding the same inputs (the feed) builds the same document and can name any difference.

use std::collections::BTreeMap;

use messages::{Language, Message, msg, t};
use model::ElectionId;
use seal::HashCode;
use seal::package::OfficeCode;
use seal::signing::{PublicKey, Signature, SigningKey};
use serde::{Deserialize, Serialize};

use crate::geography::{Area, Place};
use crate::source::{self, Determined};

/// The snapshot's `format`.
pub const SNAPSHOT_FORMAT: &str = "urna-publication/1";
/// What a snapshot's signature covers (domain separation: a receipt or a package signature can
/// never pass as a snapshot's).
const SNAPSHOT_DOMAIN: &str = "urna/publication-snapshot/v1";

/// An election the centre expects a result for, registered before election night from the
/// ceremony's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    /// The election's id (`GR2022_Groningen`).
    pub election: ElectionId,
    /// Its name.
    pub name: String,
    /// Where it is held.
    pub place: Place,
    /// The office whose result counts (`HSB`: the municipality's central polling station, or
    /// the Flemish main office).
    pub office: OfficeCode,
    /// Polling stations the ceremony made packages for; 0 when it made none (a Dutch
    /// municipality that counts on paper and did not register its polling stations).
    pub expected_polling_stations: u32,
    /// SHA-256 (64 hex digits) of the election definition the ceremony signed: `election.json`
    /// as the manifest of the office's ceremony package lists it (that manifest's fingerprint is
    /// in the signed ceremony record). A result computed against any other definition — other
    /// lists, candidates or seats — is not published.
    pub definition: String,
}

/// A result as the centre holds it: the package's files and how it came in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrival {
    /// The election.
    pub election: ElectionId,
    /// How it came in.
    pub meta: SourceMeta,
    /// The package's files as signed (manifest and signature included).
    pub files: BTreeMap<String, Vec<u8>>,
}

/// How a published result came in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    /// The office that sent it.
    pub office: OfficeCode,
    /// Which version of its result (1 for the first).
    pub version: u32,
    /// The package manifest's fingerprint (64 hex digits).
    pub package: String,
    /// When it was received (RFC 3339).
    pub received: String,
    /// Later versions received and awaiting review; the published one stays until a reviewer
    /// accepts another.
    pub newer_versions_for_review: u32,
}

/// A count of what is in against what is expected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// Municipalities (elections) whose result is in.
    pub municipalities_in: u32,
    /// Municipalities registered.
    pub municipalities_expected: u32,
    /// Polling stations counted in the results that are in.
    pub polling_stations_in: u32,
    /// Polling stations expected (registered, or counted where none were registered).
    pub polling_stations_expected: u32,
}

/// The votes of an area.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Turnout {
    /// People entitled to vote, where the count states it.
    pub eligible_voters: Option<u64>,
    /// Admitted voters (Netherlands) or ballots in the boxes (Flanders).
    pub admitted_voters: u64,
    /// Votes cast.
    pub cast: u64,
    /// Valid votes on lists.
    pub valid: u64,
    /// Blank.
    pub blank: u64,
    /// Invalid.
    pub invalid: u64,
    /// Admitted voters per thousand eligible, rounded half up; absent without the eligible.
    pub turnout_per_mille: Option<u64>,
}

impl Turnout {
    fn add(&mut self, other: &Turnout) {
        self.eligible_voters = match (self.eligible_voters, other.eligible_voters) {
            (Some(a), Some(b)) => Some(a + b),
            _ => None,
        };
        self.admitted_voters += other.admitted_voters;
        self.cast += other.cast;
        self.valid += other.valid;
        self.blank += other.blank;
        self.invalid += other.invalid;
        self.turnout_per_mille = per_mille(self.admitted_voters, self.eligible_voters);
    }
}

/// `part / whole` in thousandths, rounded half up, in integers (the same on every machine).
pub fn per_mille(part: u64, whole: Option<u64>) -> Option<u64> {
    let whole = whole.filter(|w| *w > 0)?;
    Some((u128::from(part) * 2000 / u128::from(whole)).div_ceil(2) as u64)
}

/// An elected candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Elected {
    /// Position on the list.
    pub position: u32,
    /// Name as on the ballot.
    pub name: String,
    /// Preference votes.
    pub votes: u64,
    /// Elected on their own preference votes (Kieswet P 15), not in list order (P 17).
    pub by_preference: bool,
    /// The contest (electoral district) they were elected in, in a party's sum over an
    /// election's districts; absent in a contest's own list and in an election of one contest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contest: Option<String>,
}

/// A list's result in one election.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListResult {
    /// List number.
    pub number: u32,
    /// Name (appellation).
    pub name: String,
    /// Votes.
    pub votes: u64,
    /// Seats.
    pub seats: u32,
    /// The elected, in the order of election.
    pub elected: Vec<Elected>,
}

/// The decisions the allocation took as given, as the package recorded them
/// (`decisions.json`), so that a reader sees why a candidate with the votes was not elected or a
/// seat went by lot.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decided {
    /// Candidates who died before the result was determined (Kieswet P 19a): not elected.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deceased: Vec<DeceasedCandidate>,
    /// How many ties were decided by drawing lots.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub lots_drawn: u32,
}

impl Decided {
    /// No decision at all (the usual case).
    pub fn is_empty(&self) -> bool {
        self.deceased.is_empty() && self.lots_drawn == 0
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A seat the law moved from one list to others, as the allocation's steps record it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SeatShift {
    /// A list with more than half the votes got less than half the seats, and a seat went to it
    /// from the list that had the last residual seat (Kieswet P 9).
    AbsoluteMajority {
        /// The contest (electoral district); absent in an election of one contest.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        contest: Option<String>,
        /// The article applied.
        article: String,
        /// The list with the majority.
        list: u32,
        /// The list that gave up the seat.
        from: u32,
    },
    /// A list had fewer candidates than seats; the seats it could not fill went to other lists
    /// (Kieswet P 10, LPKD art. 168).
    ListExhausted {
        /// The contest (electoral district); absent in an election of one contest.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        contest: Option<String>,
        /// The article applied.
        article: String,
        /// The list.
        list: u32,
        /// Seats passed on to other lists.
        seats: u32,
    },
}

/// The seats an allocation moved between lists, in the order of its steps; a list that ran out
/// of candidates at several steps (its full seats, then a residual seat) is one shift with the
/// seats added up.
pub fn seat_shifts(contest: Option<&str>, allocation: &apportion::Apportionment) -> Vec<SeatShift> {
    let steps = allocation.steps.iter().filter_map(|step| match step {
        apportion::Step::AbsoluteMajority {
            article,
            list,
            taken_from: Some(from),
            ..
        } => Some(SeatShift::AbsoluteMajority {
            contest: contest.map(str::to_string),
            article: article.to_string(),
            list: *list,
            from: *from,
        }),
        apportion::Step::ListExhausted {
            article,
            list,
            seats_passed_on,
            ..
        } if *seats_passed_on > 0 => Some(SeatShift::ListExhausted {
            contest: contest.map(str::to_string),
            article: article.to_string(),
            list: *list,
            seats: *seats_passed_on,
        }),
        _ => None,
    });
    let mut shifts: Vec<SeatShift> = Vec::new();
    for shift in steps {
        if let SeatShift::ListExhausted { list, seats, .. } = &shift
            && let Some(SeatShift::ListExhausted { seats: total, .. }) = shifts
                .iter_mut()
                .find(|s| matches!(s, SeatShift::ListExhausted { list: l, .. } if l == list))
        {
            *total += seats;
            continue;
        }
        shifts.push(shift);
    }
    shifts
}

/// A deceased candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeceasedCandidate {
    /// The contest (electoral district); absent in an election of one contest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contest: Option<String>,
    /// List number.
    pub list: u32,
    /// Position on the list.
    pub position: u32,
    /// Name as on the ballot.
    pub name: String,
}

/// The municipal committee's work on a result, as published: its sessions, the polling stations
/// it investigated and the counts it corrected, each with the session that did it (from the
/// package's `committee.json`, checked against its 510b). No names and no free text: the
/// reasons and findings are in the committee's reports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Committee {
    /// The sessions, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<PublishedSession>,
    /// The investigations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub investigations: Vec<PublishedInvestigation>,
    /// The corrected counts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<PublishedCorrection>,
}

impl Committee {
    /// One session and nothing investigated or corrected (the usual case): nothing to say.
    pub fn is_empty(&self) -> bool {
        self.sessions.len() <= 1 && self.investigations.is_empty() && self.corrections.is_empty()
    }

    /// What a record says, as published.
    pub fn of(record: &model::committee::CommitteeRecord) -> Committee {
        let committee = Committee {
            sessions: record
                .sessions
                .iter()
                .map(|s| PublishedSession {
                    number: s.number,
                    started: s
                        .details
                        .as_ref()
                        .map(|d| d.started.format("%Y-%m-%d %H:%M").to_string()),
                    place: s.details.as_ref().map(|d| d.location.clone()),
                })
                .collect(),
            investigations: record
                .investigations
                .iter()
                .map(|i| {
                    let c = i.conclusion.as_ref();
                    PublishedInvestigation {
                        station: i.station.get(),
                        session: i.session,
                        other_reason: i.cause == model::committee::Cause::OtherReason,
                        requested_by_central: i.requested_by_central,
                        admitted_voters_reestablished: c
                            .is_some_and(|c| c.admitted_voters_reestablished),
                        ballots_recounted: c.is_some_and(|c| c.ballots_recounted),
                        corrected_count: c.is_some_and(|c| c.corrected_count),
                    }
                })
                .collect(),
            corrections: record
                .corrections
                .iter()
                .map(|c| PublishedCorrection {
                    station: c.station.get(),
                    session: c.session,
                })
                .collect(),
        };
        if committee.is_empty() {
            Committee::default()
        } else {
            committee
        }
    }
}

/// A session of the committee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedSession {
    /// Its number.
    pub number: u32,
    /// Local date and time it opened (`2026-03-25 10:00`), when recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<String>,
    /// Where, when recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// An investigation of a polling station.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedInvestigation {
    /// The polling station.
    pub station: u32,
    /// The session.
    pub session: u32,
    /// Investigated for another reason than an unexplained difference.
    pub other_reason: bool,
    /// At the central committee's request (Kieswet P 2a).
    pub requested_by_central: bool,
    /// The admitted voters were established again.
    pub admitted_voters_reestablished: bool,
    /// Ballots were (partly) recounted.
    pub ballots_recounted: bool,
    /// The count was corrected.
    pub corrected_count: bool,
}

/// A corrected count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedCorrection {
    /// The polling station.
    pub station: u32,
    /// The session that corrected it.
    pub session: u32,
}

/// Where a registered election's result stands.
// One value per election in a snapshot, built once and serialised: the size of the largest
// variant costs nothing worth a box and an indirection in every match.
#[expect(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Outcome {
    /// Nothing received yet.
    Awaited,
    /// Received, but it does not make a result (the reason says why).
    Problem {
        /// How it came in.
        source: SourceMeta,
        /// Why it is not published (English).
        reason: String,
        /// Why it is not published (Dutch).
        reason_nl: String,
    },
    /// In.
    In {
        /// How it came in.
        source: SourceMeta,
        /// The body's seats.
        seats: u32,
        /// Polling stations counted.
        polling_stations: u32,
        /// Votes and turnout.
        turnout: Turnout,
        /// Per list.
        lists: Vec<ListResult>,
        /// Deceased candidates and lots drawn; absent when there were none.
        #[serde(default, skip_serializing_if = "Decided::is_empty")]
        decisions: Decided,
        /// The committee's later sessions, investigations and corrections; absent when there
        /// were none.
        #[serde(default, skip_serializing_if = "Committee::is_empty")]
        committee: Committee,
        /// Seats the law moved from one list to another (absolute majority, a list without
        /// enough candidates), so that a reader sees why the seats are not those of the
        /// quotients; absent when none moved.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        seat_shifts: Vec<SeatShift>,
        /// An election of several contests (a Flemish provincial council's electoral
        /// districts): each one's own result, of which `lists` is the sum per party; absent in an
        /// election of one contest.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        contests: Vec<ContestResult>,
    },
}

/// One contest's result, in an election of several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContestResult {
    /// The contest's id.
    pub contest: String,
    /// Its name (`Kiesdistrict Gent`).
    pub name: Option<String>,
    /// Its seats.
    pub seats: u32,
    /// Polling stations counted.
    pub polling_stations: u32,
    /// Votes.
    pub turnout: Turnout,
    /// Per list.
    pub lists: Vec<ListResult>,
}

/// One registered election in the snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElectionResult {
    /// What was registered.
    pub registration: Registration,
    /// Where it stands.
    pub outcome: Outcome,
}

/// A party's sum over the municipalities of an area (by the list's name, as the media count).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyTotal {
    /// The list's name.
    pub name: String,
    /// Votes over the area.
    pub votes: u64,
    /// Council seats over the area.
    pub seats: u32,
}

/// A provincial district or province.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaResult {
    /// The area.
    pub area: Area,
    /// How far it has come.
    pub progress: Progress,
    /// Votes over the municipalities that are in.
    pub turnout: Turnout,
    /// Parties, most votes first.
    pub parties: Vec<PartyTotal>,
}

/// One published moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// [`SNAPSHOT_FORMAT`].
    pub format: String,
    /// The round of elections (`GR2022`).
    pub round: String,
    /// Its name.
    pub name: String,
    /// 1, 2, 3, … per publication.
    pub version: u32,
    /// When it was made (RFC 3339).
    pub created: String,
    /// SHA-256 of the previous version's exact bytes; `None` for the first.
    pub previous: Option<String>,
    /// The software that made it: version, commit and the hash code of its executable (absent
    /// in snapshots made before it was named).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub software: Option<seal::software::Software>,
    /// Over everything.
    pub progress: Progress,
    /// Per registered election, in registration order.
    pub elections: Vec<ElectionResult>,
    /// Per provincial district.
    pub districts: Vec<AreaResult>,
    /// Per province.
    pub provinces: Vec<AreaResult>,
}

/// What stays the same from one version to the next and is not computed: the round, its name,
/// the version's number, time and predecessor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The round.
    pub round: String,
    /// Its name.
    pub name: String,
    /// The version.
    pub version: u32,
    /// Made at.
    pub created: String,
    /// Hash of the previous version.
    pub previous: Option<String>,
    /// The software that made it (not computed: a verifier keeps the published one).
    pub software: Option<seal::software::Software>,
}

/// Makes a snapshot from the registrations and the results that arrived (at most one per
/// election: the one to publish).
pub fn build(header: Header, registrations: &[Registration], arrivals: &[Arrival]) -> Snapshot {
    let elections: Vec<ElectionResult> = registrations
        .iter()
        .map(|registration| {
            let arrival = arrivals
                .iter()
                .find(|a| a.election == registration.election);
            ElectionResult {
                registration: registration.clone(),
                outcome: arrival.map_or(Outcome::Awaited, |a| outcome(registration, a)),
            }
        })
        .collect();
    let area_results = |pick: fn(&Place) -> Option<&Area>| -> Vec<AreaResult> {
        let mut areas: Vec<Area> = elections
            .iter()
            .filter_map(|e| pick(&e.registration.place).cloned())
            .collect();
        areas.sort();
        areas.dedup();
        areas
            .into_iter()
            .map(|area| {
                let inside: Vec<&ElectionResult> = elections
                    .iter()
                    .filter(|e| pick(&e.registration.place) == Some(&area))
                    .collect();
                aggregate(area, &inside)
            })
            .collect()
    };
    let districts = area_results(|place| place.district.as_ref());
    let provinces = area_results(|place| place.province.as_ref());
    let all: Vec<&ElectionResult> = elections.iter().collect();
    Snapshot {
        format: SNAPSHOT_FORMAT.into(),
        round: header.round,
        name: header.name,
        version: header.version,
        created: header.created,
        previous: header.previous,
        software: header.software,
        progress: progress(&all),
        elections,
        districts,
        provinces,
    }
}

fn outcome(registration: &Registration, arrival: &Arrival) -> Outcome {
    // The snapshot states the reason in the site's two languages.
    let problem = |reason: &dyn Fn(Language) -> String| Outcome::Problem {
        source: arrival.meta.clone(),
        reason: reason(Language::En),
        reason_nl: reason(Language::Nl),
    };
    // The definition the count is read against must be the one the ceremony signed.
    if let Some(definition) = arrival.files.get(source::ELECTION_FILE) {
        let found = seal::HashCode::of(definition).to_hex();
        if found != registration.definition {
            return problem(&|lang| {
                t!(
                    lang,
                    "publish-definition-not-signed",
                    found = &found,
                    signed = &registration.definition
                )
            });
        }
    }
    let determined = match source::read(&arrival.files).and_then(source::determine) {
        Ok(determined) => determined,
        Err(error) => return problem(&|lang| error.message(lang)),
    };
    if determined.source.election.id != arrival.election {
        let id = determined.source.election.id.as_str();
        return problem(&|lang| t!(lang, "publish-definition-other-election", election = id));
    }
    result_of(&determined, arrival.meta.clone())
}

fn turnout_of(totals: &model::totals::Totals, eligible_voters: Option<u64>) -> Turnout {
    Turnout {
        eligible_voters,
        admitted_voters: totals.admitted_voters,
        cast: totals.cast,
        valid: totals.valid,
        blank: totals.blank,
        invalid: totals.invalid,
        turnout_per_mille: per_mille(totals.admitted_voters, eligible_voters),
    }
}

fn lists_of(contest: &determine::ContestSummary, named: bool) -> Vec<ListResult> {
    contest
        .lists
        .iter()
        .map(|list| ListResult {
            number: list.number,
            name: list.name.clone(),
            votes: list.votes,
            seats: list.seats,
            elected: list
                .elected
                .iter()
                .map(|e| Elected {
                    position: e.position,
                    name: e.name.clone(),
                    votes: e.votes,
                    by_preference: e.by_preference,
                    contest: named.then(|| contest.contest.to_string()),
                })
                .collect(),
        })
        .collect()
}

fn result_of(determined: &Determined, source: SourceMeta) -> Outcome {
    let election = &determined.source.election;
    let determination = &determined.determination;
    let summary = determination.summary(election);
    let eligible = determined.source.eligible_voters;
    let several = summary.contests.len() > 1;
    let mut turnout = Turnout {
        eligible_voters: eligible,
        ..Turnout::default()
    };
    for contest in &determination.contests {
        let own = turnout_of(&contest.totals, None);
        turnout.admitted_voters += own.admitted_voters;
        turnout.cast += own.cast;
        turnout.valid += own.valid;
        turnout.blank += own.blank;
        turnout.invalid += own.invalid;
    }
    turnout.turnout_per_mille = per_mille(turnout.admitted_voters, eligible);
    // One contest: its lists. Several: the sum per party, its elected from every district.
    let lists = match summary.contests.as_slice() {
        [only] => lists_of(only, false),
        contests => {
            let mut lists: Vec<ListResult> = Vec::new();
            for contest in contests {
                for list in lists_of(contest, true) {
                    match lists
                        .iter_mut()
                        .find(|l| l.number == list.number && l.name == list.name)
                    {
                        Some(sum) => {
                            sum.votes += list.votes;
                            sum.seats += list.seats;
                            sum.elected.extend(list.elected);
                        }
                        None => lists.push(list),
                    }
                }
            }
            lists
        }
    };
    let contests = if several {
        summary
            .contests
            .iter()
            .zip(&determination.contests)
            .map(|(contest, result)| ContestResult {
                contest: contest.contest.to_string(),
                name: contest.name.clone(),
                seats: contest.seats,
                polling_stations: u32::try_from(contest.polling_stations).unwrap_or(u32::MAX),
                turnout: turnout_of(&result.totals, None),
                lists: lists_of(contest, false),
            })
            .collect()
    } else {
        Vec::new()
    };
    let recorded = &determination.decisions;
    let decisions = Decided {
        deceased: recorded
            .deceased
            .iter()
            .map(|d| DeceasedCandidate {
                contest: d.contest.as_ref().map(ToString::to_string),
                list: d.list.get(),
                position: d.position.get(),
                name: election
                    .contests
                    .iter()
                    .filter(|c| d.contest.as_ref().is_none_or(|id| *id == c.id))
                    .flat_map(|c| &c.lists)
                    .find(|l| l.number == d.list)
                    .and_then(|l| l.candidates.iter().find(|p| p.position == d.position))
                    .map(|p| p.full_name())
                    .unwrap_or_default(),
            })
            .collect(),
        // Every recorded lot decided a tie of this count (source::determine refuses others).
        lots_drawn: u32::try_from(
            determination
                .contests
                .iter()
                .filter_map(|c| c.apportionment())
                .map(|a| a.lots_used.len())
                .sum::<usize>(),
        )
        .unwrap_or(u32::MAX),
    };
    let seat_shifts = summary
        .contests
        .iter()
        .zip(&determination.contests)
        .filter_map(|(contest, result)| {
            let id = contest.contest.to_string();
            result
                .apportionment()
                .map(|allocation| seat_shifts(several.then_some(id.as_str()), allocation))
        })
        .flatten()
        .collect();
    Outcome::In {
        source,
        seats: summary.contests.iter().map(|c| c.seats).sum(),
        polling_stations: u32::try_from(determination.counted()).unwrap_or(u32::MAX),
        turnout,
        lists,
        decisions,
        committee: determined
            .source
            .committee
            .as_ref()
            .map(Committee::of)
            .unwrap_or_default(),
        seat_shifts,
        contests,
    }
}

fn progress(elections: &[&ElectionResult]) -> Progress {
    let mut progress = Progress::default();
    for election in elections {
        progress.municipalities_expected += 1;
        let expected = election.registration.expected_polling_stations;
        match &election.outcome {
            Outcome::In {
                polling_stations, ..
            } => {
                progress.municipalities_in += 1;
                progress.polling_stations_in += polling_stations;
                progress.polling_stations_expected += expected.max(*polling_stations);
            }
            Outcome::Awaited | Outcome::Problem { .. } => {
                progress.polling_stations_expected += expected;
            }
        }
    }
    progress
}

fn aggregate(area: Area, elections: &[&ElectionResult]) -> AreaResult {
    let mut turnout = Turnout {
        eligible_voters: Some(0),
        ..Turnout::default()
    };
    let mut parties: BTreeMap<&str, PartyTotal> = BTreeMap::new();
    for election in elections {
        let Outcome::In {
            turnout: own,
            lists,
            ..
        } = &election.outcome
        else {
            continue;
        };
        turnout.add(own);
        for list in lists {
            let party = parties.entry(&list.name).or_insert_with(|| PartyTotal {
                name: list.name.clone(),
                votes: 0,
                seats: 0,
            });
            party.votes += list.votes;
            party.seats += list.seats;
        }
    }
    turnout.turnout_per_mille = per_mille(turnout.admitted_voters, turnout.eligible_voters);
    let mut parties: Vec<PartyTotal> = parties.into_values().collect();
    parties.sort_by(|a, b| b.votes.cmp(&a.votes).then_with(|| a.name.cmp(&b.name)));
    AreaResult {
        area,
        progress: progress(elections),
        turnout,
        parties,
    }
}

impl Snapshot {
    /// The exact bytes published and signed.
    pub fn to_bytes(&self) -> Vec<u8> {
        seal::pretty_json(self)
    }

    /// Signed by the central authority.
    pub fn sign(&self, key: &SigningKey) -> Signature {
        key.sign(SNAPSHOT_DOMAIN, &self.to_bytes())
    }

    /// The header that made it.
    pub fn header(&self) -> Header {
        Header {
            round: self.round.clone(),
            name: self.name.clone(),
            version: self.version,
            created: self.created.clone(),
            previous: self.previous.clone(),
            software: self.software.clone(),
        }
    }

    /// The source of each election whose result is in or was refused, by election.
    pub fn sources(&self) -> BTreeMap<&str, &SourceMeta> {
        self.elections
            .iter()
            .filter_map(|e| match &e.outcome {
                Outcome::In { source, .. } | Outcome::Problem { source, .. } => {
                    Some((e.registration.election.as_str(), source))
                }
                Outcome::Awaited => None,
            })
            .collect()
    }

    /// The same content as `other`, apart from the header: nothing new to publish.
    pub fn same_content(&self, other: &Snapshot) -> bool {
        self.progress == other.progress
            && self.elections == other.elections
            && self.districts == other.districts
            && self.provinces == other.provinces
    }
}

/// Why published bytes are not a snapshot of the central authority.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SnapshotError {
    /// The signature does not fit the bytes and key.
    #[error("the signature does not match the central authority's key {0}")]
    BadSignature(HashCode),
    /// Signed, but not a snapshot.
    #[error("not a publication snapshot: {0}")]
    Unreadable(String),
    /// Not the bytes Urna writes for this content.
    #[error("the snapshot is not in its canonical form")]
    NotCanonical,
}

impl SnapshotError {
    /// What is wrong, for the reader to see in their language.
    pub fn message(&self) -> Message {
        match self {
            SnapshotError::BadSignature(key) => {
                msg!("publish-snapshot-bad-signature", key = key.to_string())
            }
            SnapshotError::Unreadable(detail) => {
                msg!("publish-snapshot-unreadable", detail = detail)
            }
            SnapshotError::NotCanonical => msg!("publish-snapshot-not-canonical"),
        }
    }
}

/// Checks a snapshot's signature and reads it.
pub fn verify(
    bytes: &[u8],
    signature: &Signature,
    central: &PublicKey,
) -> Result<Snapshot, SnapshotError> {
    central
        .verify(SNAPSHOT_DOMAIN, bytes, signature)
        .map_err(|_| SnapshotError::BadSignature(central.fingerprint()))?;
    let snapshot: Snapshot =
        serde_json::from_slice(bytes).map_err(|e| SnapshotError::Unreadable(e.to_string()))?;
    if snapshot.format != SNAPSHOT_FORMAT {
        return Err(SnapshotError::Unreadable(format!(
            "format {}",
            snapshot.format
        )));
    }
    if snapshot.to_bytes() != bytes {
        return Err(SnapshotError::NotCanonical);
    }
    Ok(snapshot)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_mille_rounds_half_up_in_integers() {
        assert_eq!(per_mille(1, Some(3)), Some(333));
        assert_eq!(per_mille(2, Some(3)), Some(667));
        assert_eq!(per_mille(1, Some(2000)), Some(1)); // 0.5 ‰ rounds up
        assert_eq!(per_mille(1, Some(2001)), Some(0));
        assert_eq!(per_mille(5, Some(0)), None);
        assert_eq!(per_mille(5, None), None);
        assert_eq!(per_mille(u64::MAX, Some(u64::MAX)), Some(1000));
    }
}
