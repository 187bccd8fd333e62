//! The subcommands.

pub mod apportion;
pub mod audit;
pub mod demo;
pub mod election;
