//! The polling station's result per election, made by the president machine at closing and
//! signed with the station's key for that election; and the count of one choice into a
//! Flemish count form.

use messages::{Message, msg};
use model::ElectionId;
use model::ballot::BallotContest;
use model::count::{FlandersCount, FlandersListVotes};
use serde::{Deserialize, Serialize};

use seal::signing::{PublicKey, Signature, SigningKey};

use crate::choice::Choice;

/// Format tag of a station result.
pub const RESULT_FORMAT: &str = "urna-station-result/1";
const DOMAIN: &str = "urna/station-result/v1";

/// The signed result (`results/<election>.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StationResult {
    /// [`RESULT_FORMAT`].
    pub format: String,
    /// The election's id.
    pub election: ElectionId,
    /// The contest the station's votes count for.
    pub contest: String,
    /// The polling station's number.
    pub station: u32,
    /// Fingerprint of the package it ran on (64 hex digits).
    pub package: String,
    /// The poll's id.
    pub poll: String,
    /// SHA-256 of the closed `ballot-box.bin` (64 hex digits): the encrypted votes this result
    /// must tally to at a recount.
    pub ballot_box: String,
    /// Cards activated for this election (voters admitted).
    pub cards: u32,
    /// The count: ballots, blank, invalid, per list its ballots, list votes and preference votes.
    pub count: FlandersCount,
    /// When the poll was closed (RFC 3339).
    pub closed: String,
}

/// Why a result is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResultError {
    /// Unreadable.
    #[error("the result cannot be read: {0}")]
    Unreadable(String),
    /// Wrong signature.
    #[error("the result's signature does not match the polling station's key")]
    BadSignature,
}

impl StationResult {
    /// The canonical bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        seal::pretty_json(self)
    }

    /// Signs with the station key of the result's election.
    pub fn sign(&self, key: &SigningKey) -> Signature {
        key.sign(DOMAIN, &self.to_bytes())
    }

    /// Reads and checks a result.
    pub fn verify(
        bytes: &[u8],
        signature: &str,
        office_key: &PublicKey,
    ) -> Result<StationResult, ResultError> {
        let signature: Signature = signature
            .parse()
            .map_err(|_| ResultError::Unreadable("signature".into()))?;
        office_key
            .verify(DOMAIN, bytes, &signature)
            .map_err(|_| ResultError::BadSignature)?;
        let result: StationResult =
            serde_json::from_slice(bytes).map_err(|e| ResultError::Unreadable(e.to_string()))?;
        if result.format != RESULT_FORMAT {
            return Err(ResultError::Unreadable(format!("format {}", result.format)));
        }
        Ok(result)
    }
}

/// An empty count for `ballot`.
pub fn empty_count(ballot: &BallotContest) -> FlandersCount {
    FlandersCount {
        ballots_total: 0,
        blank: 0,
        invalid: 0,
        lists: ballot
            .lists
            .iter()
            .map(|list| FlandersListVotes {
                ballots: 0,
                list_only: 0,
                preferences: vec![0; list.candidates.len()],
            })
            .collect(),
    }
}

/// Counts one checked choice: a ballot in the box; blank, or a ballot for its list with either
/// the list vote or a preference vote per marked candidate.
pub fn count_choice(count: &mut FlandersCount, choice: &Choice, ballot: &BallotContest) {
    count.ballots_total += 1;
    match choice {
        Choice::Blank => count.blank += 1,
        Choice::List { list, candidates } => {
            let Some(index) = ballot.lists.iter().position(|l| l.number == *list) else {
                return;
            };
            let (Some(votes), Some(on_ballot)) =
                (count.lists.get_mut(index), ballot.lists.get(index))
            else {
                return;
            };
            votes.ballots += 1;
            if candidates.is_empty() {
                votes.list_only += 1;
            }
            for position in candidates {
                if let Some(at) = on_ballot
                    .candidates
                    .iter()
                    .position(|c| c.position == *position)
                    && let Some(preference) = votes.preferences.get_mut(at)
                {
                    *preference += 1;
                }
            }
        }
    }
}

/// The fields in which two counts differ (empty when equal), for the reader to see in their
/// language.
pub fn differences(
    signed: &FlandersCount,
    found: &FlandersCount,
    ballot: &BallotContest,
) -> Vec<Message> {
    let mut out = Vec::new();
    let mut field = |name: Message, a: u32, b: u32| {
        if a != b {
            out.push(msg!(
                "booth-recount-differs",
                field = name,
                signed = a,
                found = b
            ));
        }
    };
    field(
        msg!("booth-field-ballots"),
        signed.ballots_total,
        found.ballots_total,
    );
    field(msg!("booth-field-blank"), signed.blank, found.blank);
    field(msg!("booth-field-invalid"), signed.invalid, found.invalid);
    for (index, list) in ballot.lists.iter().enumerate() {
        let (Some(a), Some(b)) = (signed.lists.get(index), found.lists.get(index)) else {
            continue;
        };
        field(
            msg!("booth-field-list-ballots", list = list.number),
            a.ballots,
            b.ballots,
        );
        field(
            msg!("booth-field-list-votes", list = list.number),
            a.list_only,
            b.list_only,
        );
        for (at, candidate) in list.candidates.iter().enumerate() {
            field(
                msg!(
                    "booth-field-candidate",
                    list = list.number,
                    position = candidate.position
                ),
                a.preferences.get(at).copied().unwrap_or(0),
                b.preferences.get(at).copied().unwrap_or(0),
            );
        }
    }
    if signed.lists.len() != found.lists.len() {
        out.push(msg!("booth-recount-lists-differ"));
    }
    out
}
