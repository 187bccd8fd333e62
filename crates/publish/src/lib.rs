//! Urna's publication of results: what the central authority makes of the result packages it
//! received, for journalists and the public, and how anyone checks it.
//!
//! - [`source`]: a result package's files read into totals, seats and elected candidates,
//!   computed again (never taken on trust).
//! - [`snapshot`]: one published moment, aggregated per municipality, provincial district and
//!   province with progress; versioned, chained and signed.
//! - [`feed`]: the media feed (snapshots, CSV, the packages as received with their EML, the
//!   ceremony's keys), [`site`]: the results site as static files, [`hemicycle`]: the seat chart.
//! - [`file_list`]: the signed list of every published file (site and feed).
//! - [`verify`]: the independent check of a feed, and of every file of an export.
//!
//! Pure: bytes in, bytes out. Reading folders and serving HTTP belong to the binary.

#![forbid(unsafe_code)]

pub mod feed;
pub mod file_list;
pub mod geography;
pub mod hemicycle;
#[cfg(feature = "sample")]
pub mod sample;
pub mod site;
pub mod snapshot;
pub mod source;
pub mod verify;

pub use geography::{Area, Place};
pub use snapshot::{Arrival, Registration, Snapshot, SourceMeta};

use std::collections::BTreeMap;

/// Every file of an export folder, by path from its root: the site of `latest` (signed by
/// `feed.central`, whose fingerprint every page shows) and the feed under `/feed/`. What
/// `urna publish export` writes and `urna publish serve` serves.
pub fn export_files(
    latest: &Snapshot,
    feed: &feed::FeedInput<'_>,
) -> Result<BTreeMap<String, Vec<u8>>, askama::Error> {
    let mut files = site::render(latest, &feed.central.fingerprint().to_string())?;
    for (path, bytes) in feed::files(feed) {
        files.insert(format!("/feed/{path}"), bytes);
    }
    Ok(files)
}
