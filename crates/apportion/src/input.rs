//! What an apportionment starts from: the rules, the seats, each list's votes and its
//! candidates' votes, deceased candidates, and the outcomes of lots already drawn.
//!
//! The JSON form is documented in `docs/formats/apportionment-input.md`. Everything is checked
//! before any computation, with the field named in the error, and bounded so that the exact
//! arithmetic can never overflow.

use serde::{Deserialize, Serialize};

/// Largest input file read by `urna apportion` (its JSON holds at most 1,000 lists of 1,000
/// candidates).
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Most seats a body can have here. The largest real council has 150; the bound keeps all
/// products of votes and seats far inside 128-bit arithmetic.
pub const MAX_SEATS: u32 = 1_000;
/// Most valid votes in one apportionment (a thousand billion).
pub const MAX_TOTAL_VOTES: u64 = 1_000_000_000_000;
/// Most lists.
pub const MAX_LISTS: usize = 1_000;
/// Most candidates on one list.
pub const MAX_CANDIDATES: usize = 1_000;
/// Most seats × lists: every seat's step records every list's standing, so the steps grow with
/// the product. 250,000 (e.g. 150 seats and 1,000 lists, or 1,000 seats and 250 lists) keeps an
/// allocation, with its steps, within about 100 MB.
pub const MAX_SEATS_TIMES_LISTS: u64 = 250_000;

/// Which rules decide the seats and the elected candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Rules {
    /// Dutch municipal council, Kieswet chapter P.
    #[serde(rename = "nl-gemeenteraad")]
    NlGemeenteraad,
    /// Flemish municipal council from 2024: Imperiali, preference votes only.
    #[serde(rename = "be-vl-gemeenteraad-2024")]
    BeVlGemeenteraad2024,
    /// Flemish municipal council 2006–2018: Imperiali, list votes devolve.
    #[serde(rename = "be-vl-gemeenteraad-2018")]
    BeVlGemeenteraad2018,
    /// Flemish provincial council district from 2024: D'Hondt with a 5 % threshold, preference
    /// votes only.
    #[serde(rename = "be-vl-provincieraad-2024")]
    BeVlProvincieraad2024,
    /// Flemish provincial council district 2006–2018: D'Hondt with a 5 % threshold, list votes
    /// devolve.
    #[serde(rename = "be-vl-provincieraad-2018")]
    BeVlProvincieraad2018,
    /// Antwerp district council from 2024: D'Hondt, preference votes only.
    #[serde(rename = "be-vl-districtsraad-2024")]
    BeVlDistrictsraad2024,
    /// Antwerp district council 2006–2018: D'Hondt, list votes devolve.
    #[serde(rename = "be-vl-districtsraad-2018")]
    BeVlDistrictsraad2018,
    /// D'Hondt (divisors 1, 2, 3, …); ties by lot.
    #[serde(rename = "dhondt")]
    DHondt,
    /// Sainte-Laguë (divisors 1, 3, 5, …); ties by lot.
    #[serde(rename = "sainte-lague")]
    SainteLague,
    /// Imperiali (divisors 2, 3, 4, …); ties by lot.
    #[serde(rename = "imperiali")]
    Imperiali,
    /// Hare quota with largest remainders; ties by lot.
    #[serde(rename = "hare")]
    Hare,
}

impl Rules {
    /// Every rule set.
    pub const ALL: [Rules; 11] = [
        Rules::NlGemeenteraad,
        Rules::BeVlGemeenteraad2024,
        Rules::BeVlGemeenteraad2018,
        Rules::BeVlProvincieraad2024,
        Rules::BeVlProvincieraad2018,
        Rules::BeVlDistrictsraad2024,
        Rules::BeVlDistrictsraad2018,
        Rules::DHondt,
        Rules::SainteLague,
        Rules::Imperiali,
        Rules::Hare,
    ];

    /// The name used in the input format.
    pub fn code(self) -> &'static str {
        match self {
            Rules::NlGemeenteraad => "nl-gemeenteraad",
            Rules::BeVlGemeenteraad2024 => "be-vl-gemeenteraad-2024",
            Rules::BeVlGemeenteraad2018 => "be-vl-gemeenteraad-2018",
            Rules::BeVlProvincieraad2024 => "be-vl-provincieraad-2024",
            Rules::BeVlProvincieraad2018 => "be-vl-provincieraad-2018",
            Rules::BeVlDistrictsraad2024 => "be-vl-districtsraad-2024",
            Rules::BeVlDistrictsraad2018 => "be-vl-districtsraad-2018",
            Rules::DHondt => "dhondt",
            Rules::SainteLague => "sainte-lague",
            Rules::Imperiali => "imperiali",
            Rules::Hare => "hare",
        }
    }

    /// Whether the rules elect candidates (and so need their votes).
    pub fn elects_candidates(self) -> bool {
        !self.is_general()
    }

    /// One of the general methods, which allocate seats only.
    pub fn is_general(self) -> bool {
        matches!(
            self,
            Rules::DHondt | Rules::SainteLague | Rules::Imperiali | Rules::Hare
        )
    }

    /// A Flemish rule set.
    pub fn is_flemish(self) -> bool {
        matches!(
            self,
            Rules::BeVlGemeenteraad2024
                | Rules::BeVlGemeenteraad2018
                | Rules::BeVlProvincieraad2024
                | Rules::BeVlProvincieraad2018
                | Rules::BeVlDistrictsraad2024
                | Rules::BeVlDistrictsraad2018
        )
    }

    /// A Flemish rule set from before 2024, in which list votes devolve.
    pub fn has_devolution(self) -> bool {
        matches!(
            self,
            Rules::BeVlGemeenteraad2018
                | Rules::BeVlProvincieraad2018
                | Rules::BeVlDistrictsraad2018
        )
    }

    /// The rules for an election, where Urna has them: the body and the law version decide.
    pub fn for_election(body: model::Body, law: model::LawVersion) -> Option<Rules> {
        use model::{Body as B, LawVersion as L};
        Some(match (law, body) {
            (L::NlKieswet, B::MunicipalCouncil) => Rules::NlGemeenteraad,
            (L::FlandersPreference, B::MunicipalCouncil) => Rules::BeVlGemeenteraad2024,
            (L::FlandersDevolution, B::MunicipalCouncil) => Rules::BeVlGemeenteraad2018,
            (L::FlandersPreference, B::ProvincialCouncil) => Rules::BeVlProvincieraad2024,
            (L::FlandersDevolution, B::ProvincialCouncil) => Rules::BeVlProvincieraad2018,
            (L::FlandersPreference, B::DistrictCouncil) => Rules::BeVlDistrictsraad2024,
            (L::FlandersDevolution, B::DistrictCouncil) => Rules::BeVlDistrictsraad2018,
            _ => return None,
        })
    }
}

/// The input document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// The rules.
    pub rules: Rules,
    /// Seats to allocate.
    pub seats: u32,
    /// The lists, in any order.
    pub lists: Vec<ListInput>,
    /// Deceased candidates (Kieswet P 19a): their votes count for the list, they are not
    /// elected and not ranked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deceased: Vec<CandidateRef>,
    /// Outcomes of lots (and Flemish tie decisions) already drawn, by the id the result asked
    /// for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lots: Vec<Lot>,
}

/// One list in the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListInput {
    /// List number.
    pub number: u32,
    /// Name (may be empty).
    #[serde(default)]
    pub name: String,
    /// The list's votes (stemcijfer). For `nl-gemeenteraad` it may be omitted and is then the
    /// sum of its candidates' votes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub votes: Option<u64>,
    /// Preference votes per candidate, in list order (position 1 first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidates: Option<Vec<u64>>,
    /// Ballots with only a list vote (Flemish rules 2006–2018).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_only_ballots: Option<u64>,
}

impl Input {
    /// The input for an election's contest from its totals (`model::totals`): the rules of the
    /// election's body and law, the contest's seats (or the body's), every list with its votes and
    /// its candidates' votes. `None` when Urna has no rules for the body and law.
    pub fn from_totals(
        election: &model::Election,
        contest: &model::Contest,
        totals: &model::totals::Totals,
    ) -> Option<Input> {
        let rules = Rules::for_election(election.body, election.law)?;
        let flemish_devolution = matches!(election.law, model::LawVersion::FlandersDevolution);
        Some(Input {
            rules,
            seats: contest.seats.unwrap_or(election.seats),
            lists: totals
                .lists
                .iter()
                .map(|list| ListInput {
                    number: list.number,
                    name: list.name.clone(),
                    votes: Some(list.votes),
                    candidates: Some(list.candidates.clone()),
                    list_only_ballots: flemish_devolution.then_some(list.list_only),
                })
                .collect(),
            deceased: Vec::new(),
            lots: Vec::new(),
        })
    }
}

/// A candidate, by list number and position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CandidateRef {
    /// List number.
    pub list: u32,
    /// Position on the list.
    pub position: u32,
}

/// The outcome of a drawing of lots (or a Flemish tie decision).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lot {
    /// The id the result gave in `lots_required`.
    pub id: String,
    /// The drawn order of the options, winners first: at least as many as there were seats at
    /// stake. List numbers, or candidate positions for a tie between candidates.
    pub order: Vec<u32>,
}

/// Why an input was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// A value is outside what the rules allow.
    #[error("{field}: {message}")]
    Invalid {
        /// The field, e.g. `lists[2].votes`.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// A lot's outcome does not fit the tie it is for.
    #[error("lot {id}: {message}")]
    BadLot {
        /// The lot's id.
        id: String,
        /// What is wrong.
        message: String,
    },
}

pub(crate) fn invalid(field: impl Into<String>, message: impl Into<String>) -> InputError {
    InputError::Invalid {
        field: field.into(),
        message: message.into(),
    }
}

/// A list after checking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ListData<'a> {
    pub number: u32,
    pub name: &'a str,
    pub votes: u64,
    /// The candidates' votes in list order, when given: position `p` is at index `p − 1`.
    /// Borrowed from the input, which the apportionment never changes.
    pub candidates: Option<&'a [u64]>,
    /// Positions of the deceased candidates on this list (Kieswet P 19a): checked to exist and
    /// to occur once; almost always none.
    pub deceased: Vec<u32>,
    pub list_only_ballots: u64,
}

impl ListData<'_> {
    /// Candidates that can take a seat (not deceased, Kieswet P 19a), when candidates are given.
    pub fn capacity(&self) -> Option<u32> {
        self.candidates.map(|candidates| {
            u32::try_from(candidates.len() - self.deceased.len()).unwrap_or(u32::MAX)
        })
    }

    /// The living candidates as (position, votes), in list order (Kieswet P 19a).
    pub fn alive(&self) -> impl Iterator<Item = (u32, u64)> + '_ {
        let deceased = self.deceased.as_slice();
        self.candidates
            .unwrap_or_default()
            .iter()
            .zip(1u32..)
            .filter(move |(_, position)| deceased.is_empty() || !deceased.contains(position))
            .map(|(votes, position)| (position, *votes))
    }

    /// The votes of the candidate at `position`, if there is one.
    pub fn votes_of(&self, position: u32) -> Option<u64> {
        let index = usize::try_from(position).ok()?.checked_sub(1)?;
        self.candidates?.get(index).copied()
    }
}

/// The input after every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Checked<'a> {
    /// Rules that elect candidates, run without candidates: only seats are allocated.
    pub seats_only: bool,
    pub rules: Rules,
    pub seats: u32,
    pub lists: Vec<ListData<'a>>,
    pub total_votes: u64,
    pub lots: &'a [Lot],
}

/// Checks the input and fills in what may be derived.
pub(crate) fn check(input: &Input) -> Result<Checked<'_>, InputError> {
    if input.seats == 0 || input.seats > MAX_SEATS {
        return Err(invalid(
            "seats",
            format!("must be between 1 and {MAX_SEATS}, not {}", input.seats),
        ));
    }
    if input.lists.is_empty() {
        return Err(invalid("lists", "there must be at least one list"));
    }
    if input.lists.len() > MAX_LISTS {
        return Err(invalid("lists", format!("more than {MAX_LISTS} lists")));
    }
    let product = u64::from(input.seats) * input.lists.len() as u64;
    if product > MAX_SEATS_TIMES_LISTS {
        return Err(invalid(
            "seats",
            format!(
                "{} seats × {} lists = {product}: more than the {MAX_SEATS_TIMES_LISTS} this engine allocates in bounded memory",
                input.seats,
                input.lists.len()
            ),
        ));
    }
    let rules = input.rules;
    let mut lists = Vec::with_capacity(input.lists.len());
    let mut total: u64 = 0;
    for (index, list) in input.lists.iter().enumerate() {
        let field = |name: &str| format!("lists[{index}].{name}");
        if list.number == 0 {
            return Err(invalid(field("number"), "list numbers start at 1"));
        }
        // A linear look back: a handful of lists in practice, at most MAX_LISTS.
        if input.lists[..index].iter().any(|l| l.number == list.number) {
            return Err(invalid(
                field("number"),
                format!("list {} occurs twice", list.number),
            ));
        }
        let candidate_votes = match &list.candidates {
            Some(votes) if votes.len() > MAX_CANDIDATES => {
                return Err(invalid(
                    field("candidates"),
                    format!("more than {MAX_CANDIDATES} candidates"),
                ));
            }
            Some(votes) => Some(votes.as_slice()),
            None => None,
        };
        // Candidates for every list or for none (then only seats are allocated).
        if rules.elects_candidates()
            && let Some(first) = input.lists.first()
            && first.candidates.is_some() != list.candidates.is_some()
        {
            return Err(invalid(
                field("candidates"),
                "give the candidates' votes for every list, or for none (seats only)",
            ));
        }
        let candidate_sum = match &candidate_votes {
            Some(votes) => Some(
                votes
                    .iter()
                    .try_fold(0u64, |sum, v| sum.checked_add(*v))
                    .filter(|sum| *sum <= MAX_TOTAL_VOTES)
                    .ok_or_else(|| {
                        invalid(
                            field("candidates"),
                            format!("the candidates' votes exceed {MAX_TOTAL_VOTES}"),
                        )
                    })?,
            ),
            None => None,
        };
        let votes = match (rules, list.votes, candidate_sum) {
            // Kieswet: a list's votes are the votes on its candidates.
            (Rules::NlGemeenteraad, None, Some(sum)) => sum,
            (Rules::NlGemeenteraad, Some(votes), Some(sum)) if votes != sum => {
                return Err(invalid(
                    field("votes"),
                    format!("{votes} differs from the sum of its candidates' votes, {sum}"),
                ));
            }
            (_, Some(votes), _) => votes,
            (_, None, _) => {
                return Err(invalid(field("votes"), "the list's votes are required"));
            }
        };
        if votes > MAX_TOTAL_VOTES {
            return Err(invalid(
                field("votes"),
                format!("more than {MAX_TOTAL_VOTES}"),
            ));
        }
        if rules.is_flemish()
            && let Some(votes_list) = &candidate_votes
            && let Some((position, most)) = votes_list.iter().enumerate().find(|(_, v)| **v > votes)
        {
            return Err(invalid(
                format!("lists[{index}].candidates[{position}]"),
                format!("{most} preference votes, more than the list's {votes} ballots"),
            ));
        }
        let list_only_ballots = match (
            rules.has_devolution() && list.candidates.is_some(),
            list.list_only_ballots,
        ) {
            (true, None) => {
                return Err(invalid(
                    field("list_only_ballots"),
                    "rules before 2024 devolve list votes: give the ballots with only a list vote",
                ));
            }
            (_, Some(list_only)) if list_only > votes => {
                return Err(invalid(
                    field("list_only_ballots"),
                    format!("{list_only} is more than the list's {votes} ballots"),
                ));
            }
            (_, list_only) => list_only.unwrap_or(0),
        };
        total = total
            .checked_add(votes)
            .filter(|t| *t <= MAX_TOTAL_VOTES)
            .ok_or_else(|| {
                invalid(
                    "lists",
                    format!("the total of the votes exceeds {MAX_TOTAL_VOTES}"),
                )
            })?;
        lists.push(ListData {
            number: list.number,
            name: &list.name,
            votes,
            candidates: candidate_votes,
            deceased: Vec::new(),
            list_only_ballots,
        });
    }

    if total == 0 {
        return Err(invalid(
            "lists",
            "no list has any votes: there is no quota or quotient to divide the seats by",
        ));
    }

    let mut deceased_seen = std::collections::HashSet::new();
    for (index, deceased) in input.deceased.iter().enumerate() {
        let field = format!("deceased[{index}]");
        if !rules.elects_candidates() {
            return Err(invalid(field, "the general methods elect no candidates"));
        }
        if !deceased_seen.insert(*deceased) {
            return Err(invalid(field, "listed twice"));
        }
        let list = lists
            .iter_mut()
            .find(|l| l.number == deceased.list)
            .filter(|l| l.votes_of(deceased.position).is_some())
            .ok_or_else(|| {
                invalid(
                    field.clone(),
                    format!(
                        "there is no candidate {} on list {}",
                        deceased.position, deceased.list
                    ),
                )
            })?;
        list.deceased.push(deceased.position);
    }

    let mut lot_ids = std::collections::HashSet::new();
    for (index, lot) in input.lots.iter().enumerate() {
        if !lot_ids.insert(lot.id.as_str()) {
            return Err(invalid(
                format!("lots[{index}].id"),
                format!("{} occurs twice", lot.id),
            ));
        }
    }

    let seats_only = rules.elects_candidates() && lists.iter().all(|l| l.candidates.is_none());
    Ok(Checked {
        seats_only,
        rules,
        seats: input.seats,
        lists,
        total_votes: total,
        lots: &input.lots,
    })
}
