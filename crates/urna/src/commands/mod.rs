//! The subcommands.

pub mod audit;
pub mod demo;
pub mod election;
