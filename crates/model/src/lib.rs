//! Urna's election model: pure data and rules, no I/O.
//!
//! An [`Election`] is one election of one body (a municipal council, a provincial council, …): its
//! identity, the law that applies, its contests with lists and candidates, and its polling
//! stations. Importers (`eml`, `flanders`) build it; [`validate`] checks that what they built can
//! be run; `store` keeps it.
//!
//! A polling station's count is a [`count::CountForm`]; [`rules`] checks it against the
//! published validation rules, and [`entry`] is the double-entry state machine it goes through.

#![forbid(unsafe_code)]

pub mod ballot;
pub mod committee;
pub mod count;
pub mod election;
pub mod entry;
pub mod ids;
pub mod rules;
pub mod tally;
pub mod totals;
pub mod turnout;
pub mod validate;

/// Language of the user interface and of official documents (the catalogs' languages).
pub use messages::Language;

pub use election::{
    Address, Body, Candidate, Contest, Domain, Election, Gender, Jurisdiction, LawVersion,
    LawVersionError, List, PollingStation, PollingStationKind,
};
pub use ids::{
    CandidatePosition, ContestId, DomainId, ElectionId, IdError, ListNumber, PollingStationNumber,
};
pub use validate::{
    DefinitionError, DefinitionErrors, validate, validate_contests, validate_header,
    validate_polling_stations,
};
