//! The ballot box's file (`ballot-box.bin`), the same on both mirrored sticks, rewritten whole
//! (and atomically) for every card and every ballot.
//!
//! What it holds, and what it deliberately does not:
//! - per election, the votes, each encrypted on its own to the election key (age, X25519; the
//!   plain text of one size for every choice, the age header of random length), **in random
//!   order**: every new record goes to a uniformly random position among
//!   the records already there, so the stored order is a uniformly random permutation whatever
//!   the order of voting; no record carries a time or a sequence number;
//! - the ids of the ballots recorded, hashed and kept sorted (not beside the votes), so a ballot
//!   cannot be recorded twice and nothing links an id to a vote;
//! - the running tally (cards and votes so far), encrypted to the poll key, padded to a fixed
//!   size, so that reading a stick during the day reveals nothing.
//!
//! ```text
//! "URNA-BALLOT-BOX/1\n"
//! poll id                16 bytes
//! tally                  u32 length, bytes (age, to the poll key)
//! seen ballots           u32 count, 32 bytes each (SHA-256, ascending)
//! elections              u8 count; each: u8 id length, id, u32 count, records (u32 length, bytes)
//! ```
//! All integers big-endian.

use model::ElectionId;
use model::count::FlandersCount;
use seal::bytes::Reader;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::format::{TooLarge, fit};
use crate::poll::PollId;

const MAGIC: &[u8] = b"URNA-BALLOT-BOX/1\n";
/// Size the tally's plain text is padded to (a multiple of it, for very large ballots).
const TALLY_BLOCK: usize = 4096;

/// Why a ballot-box file is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BoxError {
    /// Not a ballot-box file, or cut short.
    #[error("not an intact ballot-box file: {0}")]
    Malformed(&'static str),
    /// A value too large for its field: the file is not written rather than written cut short.
    #[error(transparent)]
    TooLarge(#[from] TooLarge),
}

/// One election's encrypted votes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoxElection {
    /// The election's id.
    pub id: ElectionId,
    /// The encrypted votes, in random order.
    pub records: Vec<Vec<u8>>,
}

/// The contents of `ballot-box.bin`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotBox {
    /// The poll.
    pub poll: PollId,
    /// The running tally, encrypted to the poll key.
    pub tally: Vec<u8>,
    /// Hashes of the recorded ballot ids, ascending.
    pub seen: Vec<[u8; 32]>,
    /// Per election of the day, its votes.
    pub elections: Vec<BoxElection>,
}

/// The running tally (plain text only in the president machine's memory).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Ballots recorded.
    pub ballots: u32,
    /// Per election: cards activated for it (voters admitted).
    pub cards: Vec<u32>,
    /// Per election: the count so far.
    pub counts: Vec<FlandersCount>,
}

impl Tally {
    /// The tally's plain text, padded with spaces to a multiple of [`TALLY_BLOCK`].
    pub fn to_padded_json(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec(self).unwrap_or_default();
        let size = bytes.len().div_ceil(TALLY_BLOCK).max(1) * TALLY_BLOCK;
        bytes.resize(size, b' ');
        bytes
    }
}

/// The hash under which a ballot id is remembered: bound to the poll, so that ids cannot be
/// compared across polling stations.
pub fn seen_hash(poll: &PollId, ballot: &[u8; 16]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(b"urna/ballot-id/v1");
    hasher.update(poll);
    hasher.update(ballot);
    hasher.finalize().into()
}

impl BallotBox {
    /// An empty box for the elections `ids`.
    pub fn new(poll: PollId, ids: &[ElectionId], tally: Vec<u8>) -> BallotBox {
        BallotBox {
            poll,
            tally,
            seen: Vec::new(),
            elections: ids
                .iter()
                .map(|id| BoxElection {
                    id: id.clone(),
                    records: Vec::new(),
                })
                .collect(),
        }
    }

    /// Whether the ballot with this hash is recorded.
    pub fn has_seen(&self, hash: &[u8; 32]) -> bool {
        self.seen.binary_search(hash).is_ok()
    }

    /// Records a ballot: its hash among the seen, each encrypted vote (by election index) at a
    /// uniformly random position, and the new tally. Returns `false`, changing nothing, when the
    /// ballot was recorded before.
    pub fn record(&mut self, hash: [u8; 32], votes: Vec<(usize, Vec<u8>)>, tally: Vec<u8>) -> bool {
        let Err(at) = self.seen.binary_search(&hash) else {
            return false;
        };
        self.seen.insert(at, hash);
        for (election, record) in votes {
            if let Some(box_election) = self.elections.get_mut(election) {
                let position = random_below(box_election.records.len() + 1);
                box_election.records.insert(position, record);
            }
        }
        self.tally = tally;
        true
    }

    /// The records of election `id`.
    pub fn records(&self, id: &ElectionId) -> Option<&[Vec<u8>]> {
        self.elections
            .iter()
            .find(|e| e.id == *id)
            .map(|e| e.records.as_slice())
    }

    /// The file's bytes; refused, rather than cut short, when a value does not fit its field.
    pub fn to_bytes(&self) -> Result<Vec<u8>, BoxError> {
        let records: usize = self
            .elections
            .iter()
            .flat_map(|e| e.records.iter().map(|r| r.len() + 4))
            .sum();
        let mut out = Vec::with_capacity(64 + self.tally.len() + 32 * self.seen.len() + records);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.poll);
        put_bytes(&mut out, "tally", &self.tally)?;
        out.extend_from_slice(&fit::<u32>("recorded ballots", self.seen.len())?.to_be_bytes());
        for hash in &self.seen {
            out.extend_from_slice(hash);
        }
        out.push(fit("elections", self.elections.len())?);
        for election in &self.elections {
            let id = election.id.as_str().as_bytes();
            out.push(fit("election id", id.len())?);
            out.extend_from_slice(id);
            out.extend_from_slice(&fit::<u32>("votes", election.records.len())?.to_be_bytes());
            for record in &election.records {
                put_bytes(&mut out, "vote", record)?;
            }
        }
        Ok(out)
    }

    /// Reads a file, refusing anything cut short, trailing or out of order.
    pub fn from_bytes(bytes: &[u8]) -> Result<BallotBox, BoxError> {
        let mut input = Reader::new(bytes, BoxError::Malformed("cut short"));
        if input.take(MAGIC.len())? != MAGIC {
            return Err(BoxError::Malformed("not a ballot-box file"));
        }
        let poll: PollId = input.array()?;
        let tally = input.prefixed()?.to_vec();
        let seen_count = bounded_count(&mut input, 32)?;
        let mut seen = Vec::with_capacity(seen_count);
        for _ in 0..seen_count {
            let hash: [u8; 32] = input.array()?;
            if seen.last().is_some_and(|last| *last >= hash) {
                return Err(BoxError::Malformed(
                    "ballot hashes out of order or repeated",
                ));
            }
            seen.push(hash);
        }
        let election_count = input.byte()?;
        let mut elections = Vec::with_capacity(usize::from(election_count));
        for _ in 0..election_count {
            let id_len = usize::from(input.byte()?);
            let id = std::str::from_utf8(input.take(id_len)?)
                .ok()
                .and_then(|text| ElectionId::new(text).ok())
                .ok_or(BoxError::Malformed("election id"))?;
            let count = bounded_count(&mut input, 4)?;
            let mut records = Vec::with_capacity(count);
            for _ in 0..count {
                records.push(input.prefixed()?.to_vec());
            }
            elections.push(BoxElection { id, records });
        }
        if !input.rest().is_empty() {
            return Err(BoxError::Malformed("bytes after the end"));
        }
        Ok(BallotBox {
            poll,
            tally,
            seen,
            elections,
        })
    }
}

fn put_bytes(out: &mut Vec<u8>, field: &'static str, bytes: &[u8]) -> Result<(), TooLarge> {
    out.extend_from_slice(&fit::<u32>(field, bytes.len())?.to_be_bytes());
    out.extend_from_slice(bytes);
    Ok(())
}

/// A count of items of at least `min` bytes each, bounded by what is left (so a forged count
/// cannot make the reader reserve gigabytes).
fn bounded_count(input: &mut Reader<'_, BoxError>, min: usize) -> Result<usize, BoxError> {
    let count = input.u32()? as usize;
    if count.saturating_mul(min) > input.rest().len() {
        return Err(BoxError::Malformed("a count larger than the file"));
    }
    Ok(count)
}

/// A uniformly random index in `0..bound` from the operating system's random source.
fn random_below(bound: usize) -> usize {
    use rand::RngExt as _;
    rand::rng().random_range(0..bound)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Attack: an election id of 64 four-byte letters (256 bytes) was written with its length as
    /// `len() as u8`, i.e. 0, and the file no longer read back as the box that was recorded.
    #[test]
    fn a_value_longer_than_its_field_is_refused_not_cut_short() {
        let long: ElectionId = "𝔸".repeat(64).parse().unwrap();
        assert_eq!(long.as_str().len(), 256);
        let ballot_box = BallotBox::new([3; 16], &[long], Vec::new());
        let Err(BoxError::TooLarge(error)) = ballot_box.to_bytes() else {
            panic!("written although the id does not fit");
        };
        assert_eq!(
            (error.field, error.value, error.max),
            ("election id", 256, 255)
        );
    }

    fn sample() -> BallotBox {
        let mut ballot_box = BallotBox::new(
            [3; 16],
            &["A".parse().unwrap(), "B".parse().unwrap()],
            vec![1, 2, 3],
        );
        for n in 0..20u8 {
            assert!(ballot_box.record(
                seen_hash(&[3; 16], &[n; 16]),
                vec![(0, vec![n; 5]), (1, vec![n, n])],
                vec![n]
            ));
        }
        ballot_box
    }

    #[test]
    fn the_file_round_trips_and_a_ballot_is_recorded_once() {
        let mut ballot_box = sample();
        assert_eq!(
            BallotBox::from_bytes(&ballot_box.to_bytes().expect("fits")),
            Ok(ballot_box.clone())
        );
        assert_eq!(
            ballot_box.records(&"A".parse().unwrap()).map(<[_]>::len),
            Some(20)
        );
        let before = ballot_box.clone();
        assert!(!ballot_box.record(seen_hash(&[3; 16], &[4; 16]), vec![(0, vec![9])], vec![]));
        assert_eq!(ballot_box, before);
    }

    #[test]
    fn damaged_files_are_refused_without_panicking() {
        let bytes = sample().to_bytes().expect("fits");
        for cut in 0..bytes.len() {
            assert!(
                BallotBox::from_bytes(&bytes[..cut]).is_err(),
                "cut at {cut}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(BallotBox::from_bytes(&longer).is_err());
        let mut huge = bytes;
        // The seen count claims four billion hashes.
        let at = MAGIC.len() + 16 + 4 + 3;
        huge[at..at + 4].copy_from_slice(&[0xff; 4]);
        assert!(BallotBox::from_bytes(&huge).is_err());
    }
}
