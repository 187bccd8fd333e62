//! The president machine (the chair's computer) with the ballot box's scanner attached: opens
//! the poll, enrols the voting computers, activates voters' cards, records scanned ballots on
//! the two mirrored sticks, and closes the poll with a signed result per election.
//!
//! What it deliberately forgets: the ballot id of a card it activates (it keeps only counts),
//! and the order of the ballots (the box stores them in random order, without time).

use model::ElectionId;
use seal::HashCode;
use seal::lock::{ElectionKey, Strength, lock, unlock};
use seal::signing::{PublicKey, SigningKey};

use crate::ballot::{Ballot, BallotError};
use crate::ballot_box::{BallotBox, BoxError, Tally, seen_hash};
use crate::choice::{ChoiceError, encode_record};
use crate::day::Day;
use crate::poll::{Card, POLL_FORMAT, Poll, PollElection, PollError};
use crate::qr::{self, QrError};
use crate::result::{RESULT_FORMAT, StationResult, count_choice, empty_count};
use crate::sticks::{self, Sticks, SticksError};
use crate::voting_computer::VotingComputer;

/// Why the president machine refuses.
#[derive(Debug, thiserror::Error)]
pub enum PresidentError {
    /// The sticks.
    #[error(transparent)]
    Sticks(#[from] SticksError),
    /// The sticks already hold a poll (use resume).
    #[error("the sticks already hold an opened poll; resume it instead of opening a new one")]
    AlreadyOpened,
    /// The sticks hold no poll.
    #[error("the sticks hold no poll of this polling station: {0}")]
    NoPoll(String),
    /// The poll is closed.
    #[error("the poll is closed")]
    Closed,
    /// The two sticks differ in a way that cannot be mended automatically.
    #[error("the two sticks differ ({0}); the chair must decide which one holds the ballots")]
    MirrorsDiffer(String),
    /// A ballot-box file cannot be read.
    #[error(transparent)]
    Box(#[from] BoxError),
    /// Wrong chair password for the poll key.
    #[error("the chair's password does not open the poll key")]
    WrongPassword,
    /// Encryption failed.
    #[error("encryption failed: {0}")]
    Encrypt(String),
    /// A card for no election.
    #[error("a card must be activated for at least one election of the day")]
    NoElection,
    /// An election index beyond the day.
    #[error("election {0} is not one of the day's elections")]
    UnknownElection(usize),
    /// Too many voting computers.
    #[error("no more voting computers can be enrolled")]
    TooManyMachines,
    /// A voting computer refused its own enrolment (it cannot: the poll comes from here).
    #[error("the voting computer refused its enrolment: {0}")]
    Enrolment(#[from] crate::voting_computer::VotingError),
    /// A value too large for its field on the card.
    #[error(transparent)]
    TooLarge(#[from] crate::format::TooLarge),
}

/// Why a scanned ballot is refused. Nothing is recorded then.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    /// No code in the picture.
    #[error(transparent)]
    Picture(#[from] QrError),
    /// The code fails its checks.
    #[error(transparent)]
    Ballot(#[from] BallotError),
    /// A ballot of another poll.
    #[error("this ballot was printed for another polling station or poll")]
    OtherPoll,
    /// Recorded before.
    #[error("this ballot is already in the ballot box (a copy or a ballot scanned twice)")]
    Replayed,
    /// A choice that does not fit the ballot.
    #[error("the ballot's choice for {election} does not fit the ballot: {error}")]
    Choice {
        /// The election.
        election: ElectionId,
        /// Why.
        error: ChoiceError,
    },
    /// An election not on the day.
    #[error("the ballot names an election that is not held here")]
    UnknownElection,
    /// The poll is closed.
    #[error("the poll is closed")]
    Closed,
    /// The box could not be written.
    #[error(transparent)]
    Sticks(#[from] SticksError),
    /// Encryption failed.
    #[error("encryption failed: {0}")]
    Encrypt(String),
    /// The ballot box could not be written whole.
    #[error(transparent)]
    Box(#[from] BoxError),
}

/// The president machine, unlocked, with an open poll.
#[derive(Debug)]
pub struct PresidentMachine {
    day: Day,
    keys: Vec<SigningKey>,
    sticks: Sticks,
    poll: Poll,
    poll_id: [u8; 16],
    poll_key: ElectionKey,
    ballot_box: BallotBox,
    tally: Tally,
    closed: bool,
}

/// What the screen shows after a ballot is recorded: counts only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorded {
    /// Ballots in the box.
    pub ballots: u32,
}

impl PresidentMachine {
    /// Opens the poll on empty sticks: a new poll id and poll key (locked to the chair's
    /// password of the lead election), the packages copied, an empty ballot box.
    pub fn open(
        day: Day,
        keys: Vec<SigningKey>,
        lead_password: &str,
        sticks: Sticks,
        opened: &str,
    ) -> Result<PresidentMachine, PresidentError> {
        if sticks.read(sticks::POLL)?.iter().any(Option::is_some) {
            return Err(PresidentError::AlreadyOpened);
        }
        let poll_id: [u8; 16] = seal::random::bytes();
        let stick_ids = sticks.write_identities()?;
        let poll_key = ElectionKey::generate();
        let locked = lock(
            &poll_key.secret_text(),
            &seal::password::normalise(lead_password),
            Strength::Generated,
        )
        .map_err(|e| PresidentError::Encrypt(e.to_string()))?;
        let poll = Poll {
            format: POLL_FORMAT.into(),
            id: seal::hex::encode(&poll_id),
            station: day.station,
            elections: day
                .elections
                .iter()
                .map(|e| PollElection {
                    election: e.reference.id.clone(),
                    package: e.fingerprint.to_hex(),
                    office_key: e.keys.office,
                })
                .collect(),
            poll_key: poll_key.public(),
            voting_computers: Vec::new(),
            opened: opened.to_string(),
            sticks: stick_ids.to_vec(),
        };
        let tally = Tally {
            ballots: 0,
            cards: vec![0; day.elections.len()],
            counts: day
                .elections
                .iter()
                .map(|e| empty_count(&e.ballot))
                .collect(),
        };
        let ids: Vec<ElectionId> = day
            .elections
            .iter()
            .map(|e| e.reference.id.clone())
            .collect();
        let ballot_box = BallotBox::new(poll_id, &ids, seal_tally(&poll_key, &tally)?);
        for election in &day.elections {
            let dir = sticks::package_dir(&election.reference.id);
            for (path, bytes) in &election.files {
                sticks.write(&format!("{dir}{path}"), bytes)?;
            }
        }
        sticks.write(sticks::POLL_KEY, &locked)?;
        sticks.write(sticks::BALLOT_BOX, &ballot_box.to_bytes()?)?;
        let machine = PresidentMachine {
            day,
            keys,
            sticks,
            poll,
            poll_id,
            poll_key,
            ballot_box,
            tally,
            closed: false,
        };
        // The poll record last: a stick with a poll record is a stick with a complete poll.
        machine.write_poll()?;
        Ok(machine)
    }

    /// Resumes a poll after a restart: the poll record checked against the station's key, the
    /// poll key unlocked with the chair's password, the ballot box read from both sticks. When a
    /// power cut struck between the two sticks' writes, the stick with one more card or ballot
    /// is the later state and is copied to the other; any other difference stops here.
    pub fn resume(
        day: Day,
        keys: Vec<SigningKey>,
        lead_password: &str,
        sticks: Sticks,
    ) -> Result<PresidentMachine, PresidentError> {
        sticks.remove_leftovers()?;
        let [Some(poll_bytes), Some(_)] = sticks.read(sticks::POLL)? else {
            return Err(PresidentError::NoPoll("poll.json is missing".into()));
        };
        let [Some(signatures), _] = sticks.read(sticks::POLL_SIGNATURES)? else {
            return Err(PresidentError::NoPoll("poll.sig is missing".into()));
        };
        let signature = String::from_utf8_lossy(&signatures)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string();
        let poll = Poll::verify(&poll_bytes, &signature, &day.lead().keys.office)
            .map_err(|e: PollError| PresidentError::NoPoll(e.to_string()))?;
        let poll_id = poll
            .id_bytes()
            .ok_or_else(|| PresidentError::NoPoll("poll id".into()))?;
        let [Some(locked), _] = sticks.read(sticks::POLL_KEY)? else {
            return Err(PresidentError::NoPoll("poll-key.age is missing".into()));
        };
        let secret = unlock(&locked, &seal::password::normalise(lead_password))
            .map_err(|_| PresidentError::WrongPassword)?;
        let poll_key =
            ElectionKey::from_secret_text(&secret).map_err(|_| PresidentError::WrongPassword)?;
        let [first, second] = sticks.read(sticks::BALLOT_BOX)?;
        let (Some(first), Some(second)) = (first, second) else {
            return Err(PresidentError::MirrorsDiffer(
                "ballot-box.bin missing".into(),
            ));
        };
        let open = |bytes: &[u8]| -> Result<(BallotBox, Tally), PresidentError> {
            let ballot_box = BallotBox::from_bytes(bytes)?;
            let plain = poll_key
                .decrypt(&ballot_box.tally)
                .map_err(|e| PresidentError::Encrypt(e.to_string()))?;
            let tally: Tally = serde_json::from_slice(plain.trim_ascii_end())
                .map_err(|e| PresidentError::Encrypt(e.to_string()))?;
            Ok((ballot_box, tally))
        };
        let (ballot_box, tally) = if first == second {
            open(&first)?
        } else {
            let (a, b) = (open(&first)?, open(&second)?);
            let steps = |t: &Tally| {
                u64::from(t.ballots) + t.cards.iter().map(|c| u64::from(*c)).sum::<u64>()
            };
            let later = if steps(&a.1) == steps(&b.1) + 1 {
                (a, first)
            } else if steps(&b.1) == steps(&a.1) + 1 {
                (b, second)
            } else {
                return Err(PresidentError::MirrorsDiffer(
                    "ballot-box.bin differs by more than one step".into(),
                ));
            };
            sticks.write(sticks::BALLOT_BOX, &later.1)?;
            later.0
        };
        // A power cut while closing: a result (or its signature) on one stick only is copied to
        // the other; it was signed before it was written, so it is whole.
        let mut closed = false;
        for election in &day.elections {
            let id = &election.reference.id;
            for file in [sticks::result_signature(id), sticks::result_file(id)] {
                match sticks.read(&file)? {
                    [Some(bytes), None] | [None, Some(bytes)] => {
                        sticks.write(&file, &bytes)?;
                        closed = true;
                    }
                    [Some(_), Some(_)] => closed = true,
                    [None, None] => {}
                }
            }
        }
        Ok(PresidentMachine {
            day,
            keys,
            sticks,
            poll,
            poll_id,
            poll_key,
            ballot_box,
            tally,
            closed,
        })
    }

    fn write_poll(&self) -> Result<(), PresidentError> {
        let signatures: String = self
            .keys
            .iter()
            .map(|key| format!("{}\n", self.poll.sign(key)))
            .collect();
        // Signatures first: a poll record is only ever next to its own signatures or older ones,
        // and resume checks the pair.
        self.sticks
            .write(sticks::POLL_SIGNATURES, signatures.as_bytes())?;
        self.sticks.write(sticks::POLL, &self.poll.to_bytes())?;
        Ok(())
    }

    /// Writes in-memory sticks out to two directories (see [`Sticks::in_memory`]).
    pub fn export(
        &self,
        first: &std::path::Path,
        second: &std::path::Path,
    ) -> Result<(), SticksError> {
        self.sticks.export(first, second)
    }

    /// The day.
    pub fn day(&self) -> &Day {
        &self.day
    }

    /// The poll record.
    pub fn poll(&self) -> &Poll {
        &self.poll
    }

    /// The poll record and its lead signature, as the voting computers read them when enrolled.
    pub fn poll_signed(&self) -> (Vec<u8>, String) {
        (
            self.poll.to_bytes(),
            self.poll.sign(&self.keys[0]).to_string(),
        )
    }

    /// The running tally (shown to the chair as counts only).
    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    /// Whether the poll is closed.
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    /// The package fingerprints, to compare with the credential sheets.
    pub fn fingerprints(&self) -> Vec<(ElectionId, HashCode)> {
        self.day
            .elections
            .iter()
            .map(|e| (e.reference.id.clone(), e.fingerprint))
            .collect()
    }

    /// Enrols a voting computer by its public key; returns its number.
    pub fn enrol(&mut self, machine: PublicKey) -> Result<u8, PresidentError> {
        if self.closed {
            return Err(PresidentError::Closed);
        }
        if let Some(at) = self
            .poll
            .voting_computers
            .iter()
            .position(|k| *k == machine)
        {
            return Ok(at as u8 + 1);
        }
        if self.poll.voting_computers.len() >= usize::from(u8::MAX) {
            return Err(PresidentError::TooManyMachines);
        }
        self.poll.voting_computers.push(machine);
        self.write_poll()?;
        Ok(self.poll.voting_computers.len() as u8)
    }

    /// Starts a voting computer on this day and enrols it: the whole handshake ([`Self::enrol`],
    /// then [`VotingComputer::enrolled`] with this poll) for machines that run beside each other
    /// (the kiosk, simulations). Returns the machine and its number.
    pub fn enrol_voting_computer(&mut self) -> Result<(VotingComputer, u8), PresidentError> {
        let mut machine = VotingComputer::start(self.day.clone());
        let number = self.enrol(machine.public_key())?;
        let (poll, signature) = self.poll_signed();
        machine.enrolled(&poll, &signature)?;
        Ok((machine, number))
    }

    /// Activates a voter's card for `elections` (indices in the day).
    pub fn activate_card(&mut self, elections: &[usize]) -> Result<Vec<u8>, PresidentError> {
        if self.closed {
            return Err(PresidentError::Closed);
        }
        if elections.is_empty() {
            return Err(PresidentError::NoElection);
        }
        let mut indices: Vec<u8> = Vec::new();
        for &index in elections {
            if index >= self.day.elections.len() {
                return Err(PresidentError::UnknownElection(index));
            }
            let index: u8 = crate::format::fit("election index", index)?;
            if !indices.contains(&index) {
                indices.push(index);
            }
        }
        indices.sort_unstable();
        let card = Card {
            poll: self.poll_id,
            ballot: seal::random::bytes(),
            elections: indices.clone(),
        };
        let mut tally = self.tally.clone();
        for index in &indices {
            if let Some(cards) = tally.cards.get_mut(usize::from(*index)) {
                *cards += 1;
            }
        }
        let mut ballot_box = self.ballot_box.clone();
        ballot_box.tally = seal_tally(&self.poll_key, &tally)?;
        self.sticks
            .write(sticks::BALLOT_BOX, &ballot_box.to_bytes()?)?;
        self.ballot_box = ballot_box;
        self.tally = tally;
        Ok(card.issue(&self.keys[0])?)
    }

    /// Scans a ballot's picture: reads the code, checks it, and records the votes. Refused
    /// ballots change nothing.
    pub fn scan(&mut self, picture: &[u8]) -> Result<Recorded, ScanError> {
        let code = qr::read(picture)?;
        self.record(&code)
    }

    /// Records a ballot from its code's bytes (as the scanner delivers them).
    pub fn record(&mut self, code: &[u8]) -> Result<Recorded, ScanError> {
        if self.closed {
            return Err(ScanError::Closed);
        }
        if Ballot::parse(code)?.poll != self.poll_id {
            return Err(ScanError::OtherPoll);
        }
        let ballot = Ballot::verify(code, &self.poll.voting_computers)?;
        let hash = seen_hash(&self.poll_id, &ballot.ballot);
        if self.ballot_box.has_seen(&hash) {
            return Err(ScanError::Replayed);
        }
        let mut tally = self.tally.clone();
        let mut votes = Vec::with_capacity(ballot.choices.len());
        for (index, choice) in &ballot.choices {
            let index = usize::from(*index);
            let election = self
                .day
                .elections
                .get(index)
                .ok_or(ScanError::UnknownElection)?;
            choice
                .check(&election.ballot)
                .map_err(|error| ScanError::Choice {
                    election: election.reference.id.clone(),
                    error,
                })?;
            let record = election
                .keys
                .election
                .encrypt(&encode_record(choice, &election.ballot).map_err(BoxError::from)?)
                .map_err(|e| ScanError::Encrypt(e.to_string()))?;
            votes.push((index, record));
            if let Some(count) = tally.counts.get_mut(index) {
                count_choice(count, choice, &election.ballot);
            }
        }
        tally.ballots += 1;
        let sealed =
            seal_tally(&self.poll_key, &tally).map_err(|e| ScanError::Encrypt(e.to_string()))?;
        let mut ballot_box = self.ballot_box.clone();
        ballot_box.record(hash, votes, sealed);
        self.sticks
            .write(sticks::BALLOT_BOX, &ballot_box.to_bytes()?)?;
        self.ballot_box = ballot_box;
        self.tally = tally;
        Ok(Recorded {
            ballots: self.tally.ballots,
        })
    }

    /// Closes the poll: per election a result, signed with the station's key, written to both
    /// sticks. Afterwards nothing more is recorded.
    pub fn close(&mut self, closed: &str) -> Result<Vec<StationResult>, PresidentError> {
        if self.closed {
            return Err(PresidentError::Closed);
        }
        let box_bytes = self.ballot_box.to_bytes()?;
        let box_hash = HashCode::of(&box_bytes).to_hex();
        let mut results = Vec::new();
        for (index, election) in self.day.elections.iter().enumerate() {
            let result = StationResult {
                format: RESULT_FORMAT.into(),
                election: election.reference.id.clone(),
                contest: election.contest.id.to_string(),
                station: self.day.station,
                package: election.fingerprint.to_hex(),
                poll: self.poll.id.clone(),
                ballot_box: box_hash.clone(),
                cards: self.tally.cards.get(index).copied().unwrap_or(0),
                count: self
                    .tally
                    .counts
                    .get(index)
                    .cloned()
                    .unwrap_or_else(|| empty_count(&election.ballot)),
                closed: closed.to_string(),
            };
            let signature = result.sign(&self.keys[index]);
            let id = &election.reference.id;
            self.sticks.write(
                &sticks::result_signature(id),
                format!("{signature}\n").as_bytes(),
            )?;
            self.sticks
                .write(&sticks::result_file(id), &result.to_bytes())?;
            results.push(result);
        }
        self.closed = true;
        Ok(results)
    }
}

/// The running tally, padded and encrypted to the poll key, as the ballot box keeps it.
fn seal_tally(poll_key: &ElectionKey, tally: &Tally) -> Result<Vec<u8>, PresidentError> {
    poll_key
        .public()
        .encrypt(&tally.to_padded_json())
        .map_err(|e| PresidentError::Encrypt(e.to_string()))
}
