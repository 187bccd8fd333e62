//! The voting computer: makes its own signing key when it starts (enrolled by the chair), takes
//! a voter's activated card, and turns the voter's choices into a printed ballot: the choices
//! in plain words and a QR code signed with its key. It keeps no record of any vote.

use std::collections::HashSet;

use messages::Language;
use seal::signing::{PublicKey, SigningKey};

use crate::ballot::Ballot;
use crate::choice::{Choice, ChoiceError};
use crate::day::Day;
use crate::poll::{Card, Poll, PollError};
use crate::qr::{self, QrError};

/// Why the voting computer refuses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VotingError {
    /// Not enrolled in this poll.
    #[error("this voting computer is not enrolled in the poll")]
    NotEnrolled,
    /// The card.
    #[error(transparent)]
    Card(#[from] PollError),
    /// The card was used on this machine.
    #[error("this card has been used already")]
    CardUsed,
    /// Choices for other elections than the card's.
    #[error("a choice is needed for each election on the card, and for no other")]
    WrongElections,
    /// A choice off the ballot.
    #[error(transparent)]
    Choice(#[from] ChoiceError),
    /// The code.
    #[error(transparent)]
    Qr(#[from] QrError),
    /// A value too large for its field in the code.
    #[error(transparent)]
    TooLarge(#[from] crate::format::TooLarge),
}

/// A printed ballot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedBallot {
    /// The code's bytes.
    pub code: Vec<u8>,
    /// Per election: its name and the choice in plain words.
    pub text: Vec<(String, Vec<String>)>,
}

impl PrintedBallot {
    /// The code as a PNG picture.
    pub fn qr_png(&self, scale: u32) -> Result<Vec<u8>, QrError> {
        qr::png(&self.code, scale)
    }
}

/// A voting computer.
#[derive(Debug)]
pub struct VotingComputer {
    day: Day,
    key: SigningKey,
    enrolment: Option<(Poll, u8)>,
    used: HashSet<[u8; 16]>,
}

impl VotingComputer {
    /// Starts with the day's verified packages and a fresh key.
    pub fn start(day: Day) -> VotingComputer {
        VotingComputer {
            day,
            key: SigningKey::generate(),
            enrolment: None,
            used: HashSet::new(),
        }
    }

    /// The key the chair enrols (its fingerprint is shown on both screens).
    pub fn public_key(&self) -> PublicKey {
        self.key.public()
    }

    /// Takes the poll record (checked against the station's key of the lead election) in which
    /// the chair enrolled this machine.
    pub fn enrolled(&mut self, poll_bytes: &[u8], signature: &str) -> Result<u8, VotingError> {
        let poll = Poll::verify(poll_bytes, signature, &self.day.lead().keys.office)?;
        let number = poll
            .voting_computers
            .iter()
            .position(|k| *k == self.key.public())
            .ok_or(VotingError::NotEnrolled)? as u8
            + 1;
        self.enrolment = Some((poll, number));
        Ok(number)
    }

    /// The day.
    pub fn day(&self) -> &Day {
        &self.day
    }

    /// Reads a voter's card: which elections (indices in the day) the voter votes in.
    pub fn insert_card(&self, card: &[u8]) -> Result<Card, VotingError> {
        let (poll, _) = self.enrolment.as_ref().ok_or(VotingError::NotEnrolled)?;
        let poll_id = poll.id_bytes().ok_or(VotingError::NotEnrolled)?;
        let card = Card::read(card, &poll_id, &self.day.lead().keys.office)?;
        if self.used.contains(&card.ballot) {
            return Err(VotingError::CardUsed);
        }
        Ok(card)
    }

    /// The ballot for the voter's confirmed choices, one per election on the card. The card is
    /// used up.
    pub fn print(
        &mut self,
        card: &Card,
        choices: &[(usize, Choice)],
    ) -> Result<PrintedBallot, VotingError> {
        let (_, number) = self.enrolment.as_ref().ok_or(VotingError::NotEnrolled)?;
        if self.used.contains(&card.ballot) {
            return Err(VotingError::CardUsed);
        }
        let mut given: Vec<u8> = choices.iter().map(|(e, _)| *e as u8).collect();
        given.sort_unstable();
        if given != card.elections || choices.iter().any(|(e, _)| *e > usize::from(u8::MAX)) {
            return Err(VotingError::WrongElections);
        }
        let mut text = Vec::new();
        for (index, choice) in choices {
            let election = self
                .day
                .elections
                .get(*index)
                .ok_or(VotingError::WrongElections)?;
            choice.check(&election.ballot)?;
            text.push((
                election.reference.name.clone(),
                // The ballot paper is in the language of the administration: Dutch in Flanders
                // (Bestuurstaalwet).
                choice.describe(&election.ballot, Language::Nl),
            ));
        }
        let ballot = Ballot {
            poll: card.poll,
            ballot: card.ballot,
            machine: *number,
            choices: choices
                .iter()
                .map(|(e, c)| Ok((crate::format::fit("election index", *e)?, c.clone())))
                .collect::<Result<_, crate::format::TooLarge>>()?,
        };
        let code = ballot.sign(&self.key)?;
        // Fails only when the ballot cannot be a QR code; checked before the card is used up.
        qr::modules(&code)?;
        self.used.insert(card.ballot);
        Ok(PrintedBallot { code, text })
    }
}
