//! The Flemish polling station's machines and the main office's count of their sticks.
//!
//! - [`day`]: the ceremony's packages of a polling station, verified; the keys unlocked with the
//!   credential sheets' passwords.
//! - [`president`]: the chair's machine with the ballot box's scanner: opens the poll, enrols
//!   voting computers, activates cards, records ballots on two mirrored sticks, closes.
//! - [`voting_computer`]: the voter's choices turned into a printed ballot with a signed QR code.
//! - [`choice`], [`ballot`], [`qr`]: a choice, the ballot's code, the code as a picture.
//! - [`poll`]: the signed poll record and the voter's card.
//! - [`ballot_box`]: the encrypted votes in random order, without time.
//! - [`result`]: the signed result per election at closing.
//! - [`main_office`]: the sticks read, checked and totalled.
//! - [`recount`]: the votes decrypted with k officials' shares, or the paper rescanned.
//! - [`sticks`]: the mirrored sticks' files (the only I/O here, with [`main_office`]'s reading).
//!
//! The votes' secrecy rests on three things: a vote record holds the choice only (fixed size, no
//! time, no ballot id); the records are kept in random order; and they are encrypted to the
//! election key, which no single person holds.

#![forbid(unsafe_code)]

pub mod ballot;
pub mod ballot_box;
pub mod choice;
pub mod day;
pub mod format;
pub mod main_office;
pub mod poll;
pub mod president;
pub mod qr;
pub mod recount;
pub mod result;
pub mod sticks;
pub mod voting_computer;

pub use choice::Choice;
pub use day::Day;
pub use president::PresidentMachine;
pub use voting_computer::VotingComputer;
