//! The poll: what the president machine writes to the ballot box's sticks when the chair opens
//! the polling station, signed with the station's key; and the voter's card it activates.
//!
//! The poll names the packages it runs on, the voting computers the chair enrolled (each makes
//! its own signing key when it starts; its ballots are signed with it) and the poll key, to
//! which the ballot box's running tally is encrypted. The poll key's secret half is on the
//! sticks only locked to the chair's password, so someone who takes a stick during the day
//! learns neither the tally nor, by comparing tallies, anyone's vote.

use model::ElectionId;
use serde::{Deserialize, Serialize};

use seal::lock::ElectionPublicKey;
use seal::signing::{PublicKey, Signature, SigningKey};

use crate::format::{TooLarge, fit};

/// Format tag of a poll record.
pub const POLL_FORMAT: &str = "urna-poll/1";
const POLL_DOMAIN: &str = "urna/poll/v1";
const CARD_DOMAIN: &str = "urna/voter-card/v1";
const CARD_MAGIC: &[u8; 3] = b"UC1";

/// A poll's identity: 16 random bytes.
pub type PollId = [u8; 16];

/// One election of the poll.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollElection {
    /// The election's id.
    pub election: ElectionId,
    /// The package's fingerprint (64 hex digits).
    pub package: String,
    /// The station's key for this election.
    pub office_key: PublicKey,
}

/// The signed poll record (`poll.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Poll {
    /// [`POLL_FORMAT`].
    pub format: String,
    /// The poll's id (32 hex digits).
    pub id: String,
    /// The polling station's number.
    pub station: u32,
    /// The elections, the lead first.
    pub elections: Vec<PollElection>,
    /// The key the running tally is encrypted to.
    pub poll_key: ElectionPublicKey,
    /// The enrolled voting computers, by number (1, 2, …).
    pub voting_computers: Vec<PublicKey>,
    /// When the poll was opened (RFC 3339). The poll's time, never a vote's.
    pub opened: String,
    /// The identities written on the ballot box's two sticks (`stick.json`, 32 hex digits
    /// each), so that the main office can tell the two mirrors apart from one stick, or a copy
    /// of it, handed in twice.
    #[serde(default)]
    pub sticks: Vec<String>,
}

/// Why a poll record or card is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PollError {
    /// Not a poll record.
    #[error("the poll record cannot be read: {0}")]
    Unreadable(String),
    /// Wrong signature.
    #[error("the poll record's signature does not match the polling station's key")]
    BadSignature,
    /// Not a card of this poll.
    #[error("this card is not one of this polling station's cards")]
    ForeignCard,
    /// A damaged card.
    #[error("the card cannot be read")]
    UnreadableCard,
    /// A value too large for its field: no card is issued rather than one cut short.
    #[error(transparent)]
    TooLarge(#[from] TooLarge),
}

impl Poll {
    /// The id as bytes.
    pub fn id_bytes(&self) -> Option<PollId> {
        seal::hex::decode(&self.id)
    }

    /// The canonical bytes that are signed and written.
    pub fn to_bytes(&self) -> Vec<u8> {
        seal::pretty_json(self)
    }

    /// Signs the record with the lead election's station key.
    pub fn sign(&self, key: &SigningKey) -> Signature {
        key.sign(POLL_DOMAIN, &self.to_bytes())
    }

    /// Reads a record and checks its signature against `office_key` (from the package).
    pub fn verify(
        bytes: &[u8],
        signature: &str,
        office_key: &PublicKey,
    ) -> Result<Poll, PollError> {
        let signature: Signature = signature
            .parse()
            .map_err(|_| PollError::Unreadable("signature".into()))?;
        office_key
            .verify(POLL_DOMAIN, bytes, &signature)
            .map_err(|_| PollError::BadSignature)?;
        let poll: Poll =
            serde_json::from_slice(bytes).map_err(|e| PollError::Unreadable(e.to_string()))?;
        if poll.format != POLL_FORMAT || poll.id_bytes().is_none() {
            return Err(PollError::Unreadable("format".into()));
        }
        Ok(poll)
    }
}

/// A voter's card, activated by the president machine for one ballot in the elections the voter
/// may vote in. Its ballot id is random and is not kept by the president machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// The poll.
    pub poll: PollId,
    /// The ballot's id: the ballot box records each id once.
    pub ballot: [u8; 16],
    /// The elections (indices in the day) this voter votes in.
    pub elections: Vec<u8>,
}

impl Card {
    /// The card's bytes with the president machine's signature (lead station key).
    pub fn issue(&self, key: &SigningKey) -> Result<Vec<u8>, TooLarge> {
        let mut bytes = self.body()?;
        let signature = key.sign(CARD_DOMAIN, &bytes);
        bytes.extend_from_slice(&signature.to_bytes());
        Ok(bytes)
    }

    fn body(&self) -> Result<Vec<u8>, TooLarge> {
        let mut bytes = CARD_MAGIC.to_vec();
        bytes.extend_from_slice(&self.poll);
        bytes.extend_from_slice(&self.ballot);
        bytes.push(fit("elections on a card", self.elections.len())?);
        bytes.extend_from_slice(&self.elections);
        Ok(bytes)
    }

    /// Reads a card and checks that this poll's president machine activated it.
    pub fn read(bytes: &[u8], poll: &PollId, office_key: &PublicKey) -> Result<Card, PollError> {
        if bytes.len() < 3 + 32 + 1 + 64 || &bytes[..3] != CARD_MAGIC {
            return Err(PollError::UnreadableCard);
        }
        let count = usize::from(bytes[35]);
        if bytes.len() != 36 + count + 64 {
            return Err(PollError::UnreadableCard);
        }
        let (body, signature) = bytes.split_at(36 + count);
        let signature: [u8; 64] = signature
            .try_into()
            .map_err(|_| PollError::UnreadableCard)?;
        office_key
            .verify(CARD_DOMAIN, body, &Signature::from_bytes(signature))
            .map_err(|_| PollError::ForeignCard)?;
        let card = Card {
            poll: body[3..19]
                .try_into()
                .map_err(|_| PollError::UnreadableCard)?,
            ballot: body[19..35]
                .try_into()
                .map_err(|_| PollError::UnreadableCard)?,
            elections: body[36..].to_vec(),
        };
        if card.poll != *poll {
            return Err(PollError::ForeignCard);
        }
        Ok(card)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_reads_back_only_in_its_own_poll_and_under_its_key() {
        let key = SigningKey::generate();
        let card = Card {
            poll: [7; 16],
            ballot: [9; 16],
            elections: vec![0, 1],
        };
        let bytes = card.issue(&key).expect("fits");
        assert_eq!(Card::read(&bytes, &[7; 16], &key.public()), Ok(card));
        assert_eq!(
            Card::read(&bytes, &[8; 16], &key.public()),
            Err(PollError::ForeignCard)
        );
        assert_eq!(
            Card::read(&bytes, &[7; 16], &SigningKey::generate().public()),
            Err(PollError::ForeignCard)
        );
        let mut altered = bytes.clone();
        altered[20] ^= 1;
        assert!(Card::read(&altered, &[7; 16], &key.public()).is_err());
        assert!(Card::read(&bytes[..50], &[7; 16], &key.public()).is_err());
    }
}
