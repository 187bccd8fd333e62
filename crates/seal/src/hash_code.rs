//! The hash code of a file: SHA-256 of its exact bytes, shown as 16 groups of 4 hex digits.
//!
//! The Electoral Council publishes the hash code of every election file it issues (election
//! definition, candidate lists). Before a municipality's software accepts such a file, an official
//! proves that the file is the official one: the software shows the hash code of the file it
//! has, with two groups blanked out, and the official types those two groups from the official
//! publication. One blanked group lies in groups 1–8 and one in groups 9–16, and for the same file
//! it is always the same two, so a second official repeating the check sees the same question.
//!
//! Scripts pass the whole official hash code instead (`HashCode::from_str`), which must equal the
//! file's hash code digit for digit.

use std::fmt;
use std::str::FromStr;

use messages::{Message, msg};
use sha2::{Digest, Sha256};

/// Number of groups in the displayed hash code.
pub const GROUPS: usize = 16;
/// Hex digits per group.
pub const GROUP_LEN: usize = 4;

/// SHA-256 of a file's exact bytes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HashCode([u8; 32]);

impl HashCode {
    /// The hash code of `bytes`, exactly as they are (never re-serialised or normalised).
    pub fn of(bytes: &[u8]) -> HashCode {
        HashCode(Sha256::digest(bytes).into())
    }

    /// The hash code of everything `reader` gives, read in blocks: a file of any size is hashed
    /// in a few kilobytes of memory.
    pub fn of_reader(mut reader: impl std::io::Read) -> std::io::Result<HashCode> {
        let mut hasher = Sha256::new();
        let mut block = [0u8; 64 * 1024];
        loop {
            match reader.read(&mut block) {
                Ok(0) => return Ok(HashCode(hasher.finalize().into())),
                Ok(n) => hasher.update(&block[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// Wraps raw SHA-256 output.
    pub const fn from_bytes(bytes: [u8; 32]) -> HashCode {
        HashCode(bytes)
    }

    /// The 32 raw bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// 64 lower-case hex digits without separators.
    pub fn to_hex(&self) -> String {
        let mut out = String::with_capacity(64);
        for byte in self.0 {
            out.push(hex_digit(byte >> 4));
            out.push(hex_digit(byte & 0x0f));
        }
        out
    }

    /// Group `index` (0-based, 0..16) as 4 lower-case hex digits.
    pub fn group(&self, index: usize) -> String {
        let hex = self.to_hex();
        hex[index * GROUP_LEN..(index + 1) * GROUP_LEN].to_string()
    }

    /// The two groups this file's check blanks out. Derived from the hash code itself, so the
    /// same file always gets the same question, and through a separate hash, so which groups are
    /// blanked says nothing about the digits that remain visible.
    pub fn challenge(&self) -> HashCodeChallenge {
        let mut hasher = Sha256::new();
        hasher.update(b"urna/hash-code-challenge/v1");
        hasher.update(self.0);
        let pick = hasher.finalize();
        HashCodeChallenge {
            first: usize::from(pick[0] % 8),
            second: 8 + usize::from(pick[1] % 8),
        }
    }

    /// The hash code with the challenge's two groups replaced by `____`.
    pub fn masked(&self) -> String {
        let challenge = self.challenge();
        (0..GROUPS)
            .map(|index| {
                if index == challenge.first || index == challenge.second {
                    "____".to_string()
                } else {
                    self.group(index)
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Checks the two groups an official typed (in the order of the challenge) against this hash
    /// code. Spaces are ignored and upper case is accepted.
    pub fn check_answer(&self, first: &str, second: &str) -> Result<(), HashCodeError> {
        let challenge = self.challenge();
        for (index, typed) in [(challenge.first, first), (challenge.second, second)] {
            let typed: String = typed
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            if typed != self.group(index) {
                return Err(HashCodeError::WrongGroup {
                    group: index + 1,
                    typed,
                });
            }
        }
        Ok(())
    }

    /// Checks a full official hash code against this one.
    pub fn check_full(&self, official: &HashCode) -> Result<(), HashCodeError> {
        if self == official {
            Ok(())
        } else {
            Err(HashCodeError::Mismatch {
                official: *official,
                actual: *self,
            })
        }
    }
}

/// Which two groups (0-based) are blanked out: one of 0..8 and one of 8..16.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashCodeChallenge {
    /// Index of the blanked group among groups 1–8 (0-based).
    pub first: usize,
    /// Index of the blanked group among groups 9–16 (0-based).
    pub second: usize,
}

impl fmt::Display for HashCode {
    /// 16 groups of 4 lower-case hex digits separated by single spaces.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hex = self.to_hex();
        for index in 0..GROUPS {
            if index > 0 {
                f.write_str(" ")?;
            }
            f.write_str(&hex[index * GROUP_LEN..(index + 1) * GROUP_LEN])?;
        }
        Ok(())
    }
}

impl fmt::Debug for HashCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HashCode({})", self.to_hex())
    }
}

impl FromStr for HashCode {
    type Err = HashCodeError;

    /// Parses 64 hex digits; whitespace anywhere is ignored and upper case is accepted, so the
    /// grouped form as printed by the Electoral Council can be pasted as it is.
    fn from_str(text: &str) -> Result<HashCode, HashCodeError> {
        let mut digits = Vec::with_capacity(64);
        for (position, c) in text.chars().enumerate() {
            if c.is_whitespace() {
                continue;
            }
            match c.to_digit(16) {
                // to_digit(16) yields 0..=15, which always fits a u8
                Some(value) => digits.push(value as u8),
                None => {
                    return Err(HashCodeError::InvalidCharacter {
                        character: c,
                        position: position + 1,
                    });
                }
            }
        }
        if digits.len() != 64 {
            return Err(HashCodeError::WrongLength {
                digits: digits.len(),
            });
        }
        let mut bytes = [0u8; 32];
        for (byte, pair) in bytes.iter_mut().zip(digits.chunks_exact(2)) {
            *byte = (pair[0] << 4) | pair[1];
        }
        Ok(HashCode(bytes))
    }
}

fn hex_digit(nibble: u8) -> char {
    char::from_digit(u32::from(nibble), 16).unwrap_or('?')
}

/// Why a hash code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HashCodeError {
    /// The typed text has a character that is neither a hex digit nor whitespace.
    #[error(
        "a hash code consists of hex digits 0-9 and a-f; character {position} is {character:?}"
    )]
    InvalidCharacter {
        /// The offending character.
        character: char,
        /// Its 1-based position in the text.
        position: usize,
    },
    /// The typed text does not have 64 hex digits.
    #[error("a hash code has 64 hex digits (16 groups of 4); this one has {digits}")]
    WrongLength {
        /// Number of hex digits found.
        digits: usize,
    },
    /// A typed group differs from the file's.
    #[error("group {group} of the hash code does not match: typed {typed:?}")]
    WrongGroup {
        /// 1-based group number.
        group: usize,
        /// What was typed (normalised).
        typed: String,
    },
    /// The full official hash code differs from the file's.
    #[error("the file's hash code {actual} differs from the official hash code {official}")]
    Mismatch {
        /// The hash code given as official.
        official: HashCode,
        /// The hash code of the file.
        actual: HashCode,
    },
}

impl HashCodeError {
    /// What is wrong, for the reader to see in their language.
    pub fn message(&self) -> Message {
        match self {
            HashCodeError::InvalidCharacter {
                character,
                position,
            } => msg!(
                "seal-hash-invalid-character",
                character = character.to_string(),
                position = *position
            ),
            HashCodeError::WrongLength { digits } => {
                msg!("seal-hash-wrong-length", digits = *digits)
            }
            HashCodeError::WrongGroup { group, typed } => {
                msg!("seal-hash-wrong-group", group = *group, typed = typed)
            }
            HashCodeError::Mismatch { official, actual } => msg!(
                "seal-hash-mismatch",
                actual = actual.to_string(),
                official = official.to_string()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sha256_of_known_input() {
        // FIPS 180-2 test vector for "abc".
        let code = HashCode::of(b"abc");
        assert_eq!(
            code.to_hex(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            code.to_string(),
            "ba78 16bf 8f01 cfea 4141 40de 5dae 2223 b003 61a3 9617 7a9c b410 ff61 f200 15ad"
        );
    }

    #[test]
    fn parses_grouped_upper_case_and_plain() {
        let code = HashCode::of(b"abc");
        let grouped =
            "BA78 16BF 8F01 CFEA 4141 40DE 5DAE 2223\nB003 61A3 9617 7A9C B410 FF61 F200 15AD";
        assert_eq!(grouped.parse::<HashCode>(), Ok(code));
        assert_eq!(code.to_hex().parse::<HashCode>(), Ok(code));
    }

    #[test]
    fn rejects_malformed_text() {
        assert_eq!(
            "abc".parse::<HashCode>(),
            Err(HashCodeError::WrongLength { digits: 3 })
        );
        let mut text = HashCode::of(b"x").to_hex();
        text.replace_range(10..11, "g");
        assert_eq!(
            text.parse::<HashCode>(),
            Err(HashCodeError::InvalidCharacter {
                character: 'g',
                position: 11
            })
        );
    }

    #[test]
    fn challenge_blanks_one_group_in_each_half() {
        let code = HashCode::of(b"Verkiezingsdefinitie");
        let challenge = code.challenge();
        assert!(challenge.first < 8);
        assert!((8..16).contains(&challenge.second));
        let masked = code.masked();
        let groups: Vec<&str> = masked.split(' ').collect();
        assert_eq!(groups.len(), 16);
        assert_eq!(groups.iter().filter(|g| **g == "____").count(), 2);
        assert_eq!(groups[challenge.first], "____");
        assert_eq!(groups[challenge.second], "____");
    }

    #[test]
    fn correct_answer_accepted_wrong_refused() {
        let code = HashCode::of(b"Kandidatenlijsten");
        let challenge = code.challenge();
        let first = code.group(challenge.first);
        let second = code.group(challenge.second);
        assert_eq!(code.check_answer(&first, &second), Ok(()));
        assert_eq!(
            code.check_answer(&first.to_uppercase(), &format!(" {second} ")),
            Ok(())
        );
        assert!(matches!(
            code.check_answer(&second, &first),
            Err(HashCodeError::WrongGroup { .. })
        ));
        assert!(matches!(
            code.check_answer(&first, "0000")
                .and(code.check_answer(&first, "ffff")),
            Err(HashCodeError::WrongGroup { .. })
        ));
    }

    #[test]
    fn full_check() {
        let a = HashCode::of(b"a");
        let b = HashCode::of(b"b");
        assert_eq!(a.check_full(&a), Ok(()));
        assert!(matches!(
            a.check_full(&b),
            Err(HashCodeError::Mismatch { .. })
        ));
    }

    proptest! {
        #[test]
        fn display_round_trips(bytes in proptest::array::uniform32(any::<u8>())) {
            let code = HashCode::from_bytes(bytes);
            prop_assert_eq!(code.to_string().parse::<HashCode>(), Ok(code));
            let challenge = code.challenge();
            prop_assert_eq!(challenge, code.challenge());
            prop_assert!(challenge.first < 8 && (8..16).contains(&challenge.second));
        }

        #[test]
        fn parser_never_panics(text in ".{0,100}") {
            let _ = text.parse::<HashCode>();
        }
    }
}
