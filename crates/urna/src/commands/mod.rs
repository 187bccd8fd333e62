//! The subcommands.

pub mod apportion;
pub mod audit;
pub mod backup;
pub mod booth;
pub mod central;
pub mod ceremony;
pub mod committee;
pub mod count;
pub mod demo;
pub mod election;
pub mod publish;
pub mod result;
pub mod serve;
pub mod station_app;
pub mod user;
pub mod version;
