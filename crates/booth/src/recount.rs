//! The recount: with the election key put together from k officials' shares, the encrypted
//! votes of a polling station are decrypted and counted, and the count compared with the
//! station's signed result. The paper ballots can be counted again too: their pictures scanned,
//! each code checked, and the same comparison made.

use std::collections::BTreeSet;

use messages::Message;
use model::ElectionId;
use model::ballot::BallotContest;
use model::count::FlandersCount;
use seal::lock::ElectionKey;
use seal::signing::PublicKey;

use crate::ballot::Ballot;
use crate::ballot_box::BallotBox;
use crate::choice::decode_record;
use crate::poll::PollId;
use crate::qr;
use crate::result::{count_choice, differences, empty_count};

/// Why a recount cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecountError {
    /// The box holds no votes of the election.
    #[error("the ballot box holds no votes of election {0}")]
    NoElection(ElectionId),
    /// A vote does not decrypt with this key.
    #[error("vote {0} does not decrypt with this key (another election's key, or altered)")]
    Decrypt(usize),
    /// A vote decrypts to something that is not a vote.
    #[error("vote {index} is not a vote of this ballot: {detail}")]
    Record {
        /// Which.
        index: usize,
        /// Why.
        detail: String,
    },
}

/// A recount's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recount {
    /// The count found.
    pub count: FlandersCount,
    /// Where it differs from the signed result, empty when it tallies.
    pub differences: Vec<Message>,
}

impl Recount {
    /// Whether the count tallies to the signed result.
    pub fn tallies(&self) -> bool {
        self.differences.is_empty()
    }
}

/// Decrypts and counts election `id`'s votes in `ballot_box`, and compares with `signed`.
pub fn decrypt_and_count(
    ballot_box: &BallotBox,
    id: &ElectionId,
    key: &ElectionKey,
    ballot: &BallotContest,
    signed: &FlandersCount,
) -> Result<Recount, RecountError> {
    let records = ballot_box
        .records(id)
        .ok_or_else(|| RecountError::NoElection(id.clone()))?;
    let mut count = empty_count(ballot);
    for (index, record) in records.iter().enumerate() {
        let plain = key
            .decrypt(record)
            .map_err(|_| RecountError::Decrypt(index + 1))?;
        let choice = decode_record(&plain, ballot).map_err(|e| RecountError::Record {
            index: index + 1,
            detail: e.to_string(),
        })?;
        count_choice(&mut count, &choice, ballot);
    }
    let differences = differences(signed, &count, ballot);
    Ok(Recount { count, differences })
}

/// What rescanning the paper ballots found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rescan {
    /// The count of the valid ballots.
    pub recount: Recount,
    /// Pictures refused, with why (by their index in the order given, 1-based).
    pub refused: Vec<(usize, String)>,
}

/// Scans the ballots' pictures again: each code checked against the poll's voting computers,
/// each ballot id once; counts election `election` (its index in the day) and compares. The
/// pictures are taken one at a time, so a reader can hold one picture in memory, not all.
pub fn rescan(
    pictures: impl IntoIterator<Item = impl AsRef<[u8]>>,
    poll: &PollId,
    machines: &[PublicKey],
    election: u8,
    ballot: &BallotContest,
    signed: &FlandersCount,
) -> Rescan {
    let mut count = empty_count(ballot);
    let mut seen = BTreeSet::new();
    let mut refused = Vec::new();
    for (index, picture) in pictures.into_iter().enumerate() {
        let outcome = qr::read(picture.as_ref())
            .map_err(|e| e.to_string())
            .and_then(|code| {
                match Ballot::parse(&code) {
                    Ok(found) if found.poll != *poll => {
                        return Err("a ballot of another polling station".to_string());
                    }
                    _ => {}
                }
                Ballot::verify(&code, machines).map_err(|e| e.to_string())
            })
            .and_then(|found| {
                if !seen.insert(found.ballot) {
                    Err("the same ballot twice".to_string())
                } else {
                    Ok(found)
                }
            });
        match outcome {
            Ok(found) => {
                if let Some((_, choice)) = found.choices.iter().find(|(e, _)| *e == election) {
                    match choice.check(ballot) {
                        Ok(()) => count_choice(&mut count, choice, ballot),
                        Err(e) => refused.push((index + 1, e.to_string())),
                    }
                }
            }
            Err(why) => refused.push((index + 1, why)),
        }
    }
    let differences = differences(signed, &count, ballot);
    Rescan {
        recount: Recount { count, differences },
        refused,
    }
}
