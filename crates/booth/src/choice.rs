//! A voter's choice in one election, checked against the ballot, and its fixed-size encoding
//! for the ballot box.
//!
//! The Flemish ballot (Decreet van 8 juli 2011 houdende de organisatie van de lokale en
//! provinciale verkiezingen, "LPKD"): a vote stays within one list; the voter votes for the list
//! as a whole (lijststem, kopstem) or for one or more of its candidates (naamstemmen,
//! voorkeurstemmen), or votes blank. The voting computer offers nothing else, so an electronic
//! ballot is never invalid.

use messages::{Language, t};
use model::ballot::BallotContest;

use crate::format::TooLarge;
use serde::{Deserialize, Serialize};

/// What a voter chose in one election.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Choice {
    /// A blank vote.
    Blank,
    /// A vote for a list: for the list as a whole when `candidates` is empty, otherwise for
    /// those candidates (positions on the list, ascending).
    List {
        /// The list number.
        list: u32,
        /// Positions of the marked candidates, ascending, no repeats.
        candidates: Vec<u32>,
    },
}

/// Why a choice does not fit the ballot.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChoiceError {
    /// No such list on this ballot.
    #[error("list {0} is not on this ballot")]
    NoSuchList(u32),
    /// No such candidate on the list.
    #[error("list {list} has no candidate {position}")]
    NoSuchCandidate {
        /// The list.
        list: u32,
        /// The position.
        position: u32,
    },
    /// Candidates out of order or repeated.
    #[error("candidates must be given once each, in ascending order")]
    Unordered,
    /// A record of the wrong size or contents.
    #[error("a vote record that does not decode: {0}")]
    Record(&'static str),
    /// A value too large for its field in the record.
    #[error(transparent)]
    TooLarge(#[from] TooLarge),
}

impl Choice {
    /// A list vote.
    pub fn list(list: u32) -> Choice {
        Choice::List {
            list,
            candidates: Vec::new(),
        }
    }

    /// Votes for `candidates` of `list` (in any order; sorted and deduplicated here).
    pub fn candidates(list: u32, mut candidates: Vec<u32>) -> Choice {
        candidates.sort_unstable();
        candidates.dedup();
        Choice::List { list, candidates }
    }

    /// Checks the choice against the ballot.
    pub fn check(&self, ballot: &BallotContest) -> Result<(), ChoiceError> {
        let Choice::List { list, candidates } = self else {
            return Ok(());
        };
        let on_ballot = ballot
            .lists
            .iter()
            .find(|l| l.number == *list)
            .ok_or(ChoiceError::NoSuchList(*list))?;
        if candidates.windows(2).any(|pair| pair[0] >= pair[1]) {
            return Err(ChoiceError::Unordered);
        }
        for position in candidates {
            if !on_ballot.candidates.iter().any(|c| c.position == *position) {
                return Err(ChoiceError::NoSuchCandidate {
                    list: *list,
                    position: *position,
                });
            }
        }
        Ok(())
    }

    /// The choice in plain words, as printed on the ballot, in the ballot's language.
    pub fn describe(&self, ballot: &BallotContest, lang: Language) -> Vec<String> {
        match self {
            Choice::Blank => vec![t!(lang, "booth-ballot-blank")],
            Choice::List { list, candidates } => {
                let on_ballot = ballot.lists.iter().find(|l| l.number == *list);
                let name = on_ballot.map_or("?", |l| l.name.as_str());
                let mut lines = vec![t!(lang, "booth-ballot-list", number = *list, name = name)];
                if candidates.is_empty() {
                    lines.push(format!("  {}", t!(lang, "booth-ballot-list-vote")));
                }
                for position in candidates {
                    let candidate = on_ballot
                        .and_then(|l| l.candidates.iter().find(|c| c.position == *position))
                        .map_or("?", |c| c.name.as_str());
                    lines.push(format!("  {position}. {candidate}"));
                }
                lines
            }
        }
    }
}

/// Size of a stored vote record for `ballot`: the same for every choice, so that an encrypted
/// record's size reveals nothing of the vote.
pub fn record_len(ballot: &BallotContest) -> usize {
    let most = ballot
        .lists
        .iter()
        .flat_map(|list| list.candidates.iter().map(|c| c.position))
        .max()
        .unwrap_or(0);
    3 + (most as usize).div_ceil(8)
}

/// The fixed-size record: a kind byte (0 blank, 1 list), the list number (2 bytes, big-endian)
/// and a bit per candidate position (bit `p-1` for position `p`). No time, no sequence number.
pub fn encode_record(choice: &Choice, ballot: &BallotContest) -> Result<Vec<u8>, TooLarge> {
    let mut record = vec![0u8; record_len(ballot)];
    if let Choice::List { list, candidates } = choice {
        record[0] = 1;
        let list = crate::format::fit::<u16>("list number", *list as usize)?;
        record[1..3].copy_from_slice(&list.to_be_bytes());
        for position in candidates {
            let bit = (*position - 1) as usize;
            if let Some(byte) = record.get_mut(3 + bit / 8) {
                *byte |= 1 << (bit % 8);
            }
        }
    }
    Ok(record)
}

/// Reads a record back and checks it against the ballot.
pub fn decode_record(record: &[u8], ballot: &BallotContest) -> Result<Choice, ChoiceError> {
    if record.len() != record_len(ballot) {
        return Err(ChoiceError::Record("wrong length"));
    }
    let choice = match record[0] {
        0 => {
            if record[1..].iter().any(|b| *b != 0) {
                return Err(ChoiceError::Record("a blank vote with marks"));
            }
            Choice::Blank
        }
        1 => {
            let list = u32::from(u16::from_be_bytes([record[1], record[2]]));
            let candidates = record[3..]
                .iter()
                .enumerate()
                .flat_map(|(index, byte)| {
                    (0..8)
                        .filter(move |bit| byte & (1 << bit) != 0)
                        .map(move |bit| (index * 8 + bit + 1) as u32)
                })
                .collect();
            Choice::List { list, candidates }
        }
        _ => return Err(ChoiceError::Record("unknown kind")),
    };
    choice.check(ballot)?;
    Ok(choice)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use model::ballot::{BallotCandidate, BallotList};

    /// A ballot with `lists` lists of `candidates` candidates each.
    pub(crate) fn ballot(lists: u32, candidates: u32) -> BallotContest {
        BallotContest {
            id: "geen".parse().unwrap(),
            name: None,
            lists: (1..=lists)
                .map(|number| BallotList {
                    number,
                    name: format!("Lijst {number}"),
                    candidates: (1..=candidates)
                        .map(|position| BallotCandidate {
                            position,
                            name: format!("Kandidaat {number}.{position}"),
                            locality: None,
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn every_choice_round_trips_through_a_record_of_one_size() {
        let ballot = ballot(4, 19);
        let choices = [
            Choice::Blank,
            Choice::list(3),
            Choice::candidates(1, vec![1]),
            Choice::candidates(4, vec![19, 2, 8, 9]),
            Choice::candidates(2, (1..=19).collect()),
        ];
        for choice in &choices {
            let record = encode_record(choice, &ballot).expect("fits");
            assert_eq!(record.len(), 6);
            assert_eq!(decode_record(&record, &ballot).as_ref(), Ok(choice));
        }
    }

    #[test]
    fn choices_off_the_ballot_are_refused() {
        let ballot = ballot(2, 5);
        assert_eq!(
            Choice::list(3).check(&ballot),
            Err(ChoiceError::NoSuchList(3))
        );
        assert_eq!(
            Choice::candidates(1, vec![6]).check(&ballot),
            Err(ChoiceError::NoSuchCandidate {
                list: 1,
                position: 6
            })
        );
        let unordered = Choice::List {
            list: 1,
            candidates: vec![2, 2],
        };
        assert_eq!(unordered.check(&ballot), Err(ChoiceError::Unordered));
        assert!(decode_record(&[1, 0, 9, 0], &ballot).is_err());
        assert!(decode_record(&[0, 0, 0, 1], &ballot).is_err());
        assert!(decode_record(&[7, 0, 1, 0], &ballot).is_err());
        assert!(decode_record(&[0, 0, 0], &ballot).is_err());
    }
}
