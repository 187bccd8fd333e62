//! The printed ballot's QR code: what the voting computer encodes and signs, and what the ballot
//! box checks before it records anything.
//!
//! Binary, so that the code stays small enough for a scanner at print size:
//!
//! ```text
//! "UB1"                 magic and version
//! poll id       16      the poll (a ballot of another polling station is refused)
//! ballot id     16      from the voter's card (recorded once)
//! machine        1      the voting computer's number in the poll's enrolment
//! count          1      elections on this ballot
//! per election:  election index (1), kind (1: 0 blank, 1 list), list (2),
//!                count (1), candidate positions (2 each)
//! signature     64      Ed25519 by the voting computer's key, over everything before it
//! ```

use seal::bytes::Reader;
use seal::signing::{PublicKey, Signature, SigningKey};

use crate::choice::Choice;
use crate::format::{TooLarge, fit};
use crate::poll::PollId;

const MAGIC: &[u8; 3] = b"UB1";
const DOMAIN: &str = "urna/ballot/v1";

/// The content of a ballot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ballot {
    /// The poll.
    pub poll: PollId,
    /// The ballot's id, from the voter's card.
    pub ballot: [u8; 16],
    /// The voting computer's number (1-based).
    pub machine: u8,
    /// Per election (its index in the day), the choice.
    pub choices: Vec<(u8, Choice)>,
}

/// Why a scanned code is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BallotError {
    /// Not an Urna ballot, or damaged beyond the code's error correction.
    #[error("the code is not a ballot of this system or is damaged")]
    Malformed,
    /// A value too large for its field: no code is printed rather than one cut short.
    #[error(transparent)]
    TooLarge(#[from] TooLarge),
    /// The signature does not match: the code was altered or not made by an enrolled machine.
    #[error(
        "the ballot's signature does not match: the code was altered or not printed by voting computer {0} of this polling station"
    )]
    BadSignature(u8),
    /// A voting computer that is not enrolled.
    #[error("voting computer {0} is not enrolled in this poll")]
    UnknownMachine(u8),
}

impl Ballot {
    fn body(&self) -> Result<Vec<u8>, TooLarge> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&self.poll);
        bytes.extend_from_slice(&self.ballot);
        bytes.push(self.machine);
        bytes.push(fit("elections on a ballot", self.choices.len())?);
        for (election, choice) in &self.choices {
            bytes.push(*election);
            match choice {
                Choice::Blank => bytes.extend_from_slice(&[0, 0, 0, 0]),
                Choice::List { list, candidates } => {
                    bytes.push(1);
                    let list = fit::<u16>("list number", *list as usize)?;
                    bytes.extend_from_slice(&list.to_be_bytes());
                    bytes.push(fit("candidates chosen", candidates.len())?);
                    for position in candidates {
                        let position = fit::<u16>("candidate position", *position as usize)?;
                        bytes.extend_from_slice(&position.to_be_bytes());
                    }
                }
            }
        }
        Ok(bytes)
    }

    /// The code's bytes, signed by the voting computer; refused, rather than cut short, when a
    /// value does not fit its field.
    pub fn sign(&self, key: &SigningKey) -> Result<Vec<u8>, TooLarge> {
        let mut bytes = self.body()?;
        let signature = key.sign(DOMAIN, &bytes);
        bytes.extend_from_slice(&signature.to_bytes());
        Ok(bytes)
    }

    /// Reads a code's bytes and checks the signature against the enrolled voting computers.
    pub fn verify(bytes: &[u8], machines: &[PublicKey]) -> Result<Ballot, BallotError> {
        let ballot = Ballot::parse(bytes)?;
        let key = machines
            .get(usize::from(ballot.machine).wrapping_sub(1))
            .ok_or(BallotError::UnknownMachine(ballot.machine))?;
        let (body, signature) = bytes.split_at(bytes.len() - 64);
        let signature: [u8; 64] = signature.try_into().map_err(|_| BallotError::Malformed)?;
        key.verify(DOMAIN, body, &Signature::from_bytes(signature))
            .map_err(|_| BallotError::BadSignature(ballot.machine))?;
        Ok(ballot)
    }

    /// The content without checking the signature: only to give a clearer reason (another
    /// polling station's ballot) before [`Ballot::verify`] is called; never to record.
    pub fn parse(bytes: &[u8]) -> Result<Ballot, BallotError> {
        let mut reader = Reader::new(bytes, BallotError::Malformed);
        if reader.take(3)? != MAGIC || bytes.len() < 3 + 34 + 64 {
            return Err(BallotError::Malformed);
        }
        let poll: PollId = reader.array()?;
        let ballot: [u8; 16] = reader.array()?;
        let machine = reader.byte()?;
        let count = reader.byte()?;
        let mut choices = Vec::with_capacity(usize::from(count));
        for _ in 0..count {
            let election = reader.byte()?;
            let kind = reader.byte()?;
            let list = u32::from(reader.u16()?);
            let marked = reader.byte()?;
            let choice = match kind {
                0 if list == 0 && marked == 0 => Choice::Blank,
                1 => {
                    let candidates = (0..marked)
                        .map(|_| reader.u16().map(u32::from))
                        .collect::<Result<Vec<_>, _>>()?;
                    Choice::List { list, candidates }
                }
                _ => return Err(BallotError::Malformed),
            };
            if choices.iter().any(|(e, _)| *e == election) {
                return Err(BallotError::Malformed);
            }
            choices.push((election, choice));
        }
        if reader.rest().len() != 64 {
            return Err(BallotError::Malformed);
        }
        Ok(Ballot {
            poll,
            ballot,
            machine,
            choices,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Ballot {
        Ballot {
            poll: [1; 16],
            ballot: [2; 16],
            machine: 2,
            choices: vec![
                (0, Choice::candidates(3, vec![1, 12])),
                (1, Choice::Blank),
                (2, Choice::list(7)),
            ],
        }
    }

    #[test]
    fn a_signed_ballot_verifies_and_any_altered_byte_is_refused() {
        let first = SigningKey::generate();
        let second = SigningKey::generate();
        let machines = [first.public(), second.public()];
        let bytes = sample().sign(&second).expect("fits");
        assert_eq!(Ballot::verify(&bytes, &machines), Ok(sample()));
        for index in 0..bytes.len() {
            let mut altered = bytes.clone();
            altered[index] ^= 0x10;
            assert!(Ballot::verify(&altered, &machines).is_err(), "byte {index}");
        }
        assert_eq!(
            Ballot::verify(&sample().sign(&first).expect("fits"), &machines),
            Err(BallotError::BadSignature(2))
        );
        assert_eq!(
            Ballot::verify(&bytes, &machines[..1]),
            Err(BallotError::UnknownMachine(2))
        );
        assert_eq!(
            Ballot::verify(&bytes[..40], &machines),
            Err(BallotError::Malformed)
        );
    }
}
