//! k-of-n key shares (Shamir's secret sharing over GF(256), by `vsss-rs`).
//!
//! The election key's secret is split among `n` named officials so that any `k` of them can put
//! it together and no `k − 1` learn anything about it. A share knows the threshold, the number
//! of shares, its holder and the public key it belongs to, so putting shares together refuses too
//! few shares, shares of another key and a share twice, and checks the result against the public
//! key: a wrong or damaged share never yields a key silently.

use model::ElectionId;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::lock::{ElectionKey, ElectionPublicKey};

/// Format tag of a share.
pub const FORMAT: &str = "urna-key-share/1";

/// Why shares could not be made or put together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    /// Threshold or count out of range.
    #[error("a key needs 2 ≤ k ≤ n ≤ 255 shares (asked: {threshold} of {count})")]
    BadParameters {
        /// k.
        threshold: usize,
        /// n.
        count: usize,
    },
    /// Fewer shares than the threshold.
    #[error("{needed} shares are needed to restore the key, {given} were given")]
    TooFew {
        /// k.
        needed: u8,
        /// Given.
        given: usize,
    },
    /// The same share (or holder's index) twice.
    #[error("the share of {holder} (number {index}) was given twice")]
    Duplicate {
        /// Holder.
        holder: String,
        /// Index.
        index: u8,
    },
    /// Shares of different keys, elections or splits.
    #[error("the share of {holder} belongs to another key or another split than the first share")]
    Mixed {
        /// Holder of the odd share.
        holder: String,
    },
    /// The shares put together do not give the key they claim.
    #[error("the shares do not restore the election key: a share is damaged or forged")]
    WrongResult,
    /// Splitting or combining failed inside the library.
    #[error("secret sharing failed: {0}")]
    Library(String),
}

/// One official's share of the election key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    /// [`FORMAT`].
    pub format: String,
    /// The election the key is for.
    pub election: ElectionId,
    /// The official who holds it.
    pub holder: String,
    /// The share's number (1..=n), its x coordinate.
    pub index: u8,
    /// k: shares needed.
    pub threshold: u8,
    /// n: shares made.
    pub count: u8,
    /// The public key the shares restore.
    pub public_key: ElectionPublicKey,
    /// The share's bytes (hex), one per byte of the secret.
    pub value: String,
}

impl Share {
    /// As JSON, to be locked to the holder's passphrase.
    pub fn to_json(&self) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(serde_json::to_vec_pretty(self).unwrap_or_default())
    }

    /// From the JSON of [`Share::to_json`].
    pub fn from_json(bytes: &[u8]) -> Result<Share, serde_json::Error> {
        serde_json::from_slice(bytes)
    }
}

/// Splits the election key among `holders` (in order; share `i + 1` goes to `holders[i]`) so
/// that any `threshold` of them restore it.
pub fn split(
    key: &ElectionKey,
    election: &ElectionId,
    holders: &[String],
    threshold: usize,
) -> Result<Vec<Share>, ShareError> {
    let count = holders.len();
    if threshold < 2 || threshold > count || count > 255 {
        return Err(ShareError::BadParameters { threshold, count });
    }
    let secret = key.secret_text();
    let raw = vsss_rs::Gf256::split_bytes(threshold, count, secret.as_slice(), rand::rng())
        .map_err(|e| ShareError::Library(format!("{e:?}")))?;
    let public_key = key.public();
    raw.into_iter()
        .zip(holders)
        .map(|(bytes, holder)| {
            let bytes = Zeroizing::new(bytes);
            let (&index, value) = bytes
                .split_first()
                .ok_or_else(|| ShareError::Library("empty share".into()))?;
            Ok(Share {
                format: FORMAT.to_string(),
                election: election.clone(),
                holder: holder.clone(),
                index,
                threshold: threshold as u8,
                count: count as u8,
                public_key: public_key.clone(),
                value: crate::hex::encode(value),
            })
        })
        .collect()
}

/// Puts shares together into the election key, refusing too few, duplicates, mixed shares and a
/// result that does not match the shares' public key.
pub fn combine(shares: &[Share]) -> Result<ElectionKey, ShareError> {
    let first = shares.first().ok_or(ShareError::TooFew {
        needed: 2,
        given: 0,
    })?;
    if shares.len() < usize::from(first.threshold) {
        return Err(ShareError::TooFew {
            needed: first.threshold,
            given: shares.len(),
        });
    }
    let mut raw = Vec::with_capacity(shares.len());
    let mut seen = std::collections::BTreeSet::new();
    for share in shares {
        let same_split = share.format == FORMAT
            && share.election == first.election
            && share.threshold == first.threshold
            && share.count == first.count
            && share.public_key == first.public_key
            && share.value.len() == first.value.len()
            && share.index >= 1
            && share.index <= share.count;
        if !same_split {
            return Err(ShareError::Mixed {
                holder: share.holder.clone(),
            });
        }
        if !seen.insert(share.index) {
            return Err(ShareError::Duplicate {
                holder: share.holder.clone(),
                index: share.index,
            });
        }
        let mut bytes = vec![share.index];
        bytes.extend(
            crate::hex::decode_vec(&share.value).ok_or_else(|| ShareError::Mixed {
                holder: share.holder.clone(),
            })?,
        );
        raw.push(bytes);
    }
    // Wiped when dropped, whatever happens below.
    let raw = Zeroizing::new(raw);
    let secret = Zeroizing::new(
        vsss_rs::Gf256::combine_bytes(raw.as_slice())
            .map_err(|e| ShareError::Library(format!("{e:?}")))?,
    );
    let key = ElectionKey::from_secret_text(&secret).map_err(|_| ShareError::WrongResult)?;
    if key.public() != first.public_key {
        return Err(ShareError::WrongResult);
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holders(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("official {i}")).collect()
    }

    fn e() -> ElectionId {
        ElectionId::new("E").expect("an election id")
    }

    /// Every subset of `0..n` with `size` members.
    fn subsets(n: usize, size: usize) -> Vec<Vec<usize>> {
        (0u32..1 << n)
            .filter(|mask| mask.count_ones() as usize == size)
            .map(|mask| (0..n).filter(|i| mask & (1 << i) != 0).collect())
            .collect()
    }

    #[test]
    fn any_k_shares_restore_the_key_and_no_k_minus_1_do() {
        let key = ElectionKey::generate();
        let shares = split(&key, &e(), &holders(5), 3).expect("split");
        assert_eq!(shares.len(), 5);
        for subset in subsets(5, 3).into_iter().chain(subsets(5, 4)) {
            let chosen: Vec<Share> = subset.iter().map(|&i| shares[i].clone()).collect();
            let restored = combine(&chosen).expect("k shares restore");
            assert_eq!(restored.public(), key.public(), "{subset:?}");
        }
        for subset in subsets(5, 2) {
            let chosen: Vec<Share> = subset.iter().map(|&i| shares[i].clone()).collect();
            assert_eq!(
                combine(&chosen).err(),
                Some(ShareError::TooFew {
                    needed: 3,
                    given: 2
                })
            );
            // Even when the threshold on the shares is lied about, k − 1 shares interpolate to
            // something that is not the key.
            let lying: Vec<Share> = chosen
                .into_iter()
                .map(|share| Share {
                    threshold: 2,
                    ..share
                })
                .collect();
            assert!(combine(&lying).is_err(), "{subset:?}");
        }
    }

    #[test]
    fn duplicates_mixed_and_damaged_shares_are_refused() {
        let key = ElectionKey::generate();
        let shares = split(&key, &e(), &holders(3), 2).expect("split");
        let twice = [shares[0].clone(), shares[0].clone()];
        assert!(matches!(
            combine(&twice),
            Err(ShareError::Duplicate { index: 1, .. })
        ));
        let other = split(&ElectionKey::generate(), &e(), &holders(3), 2).expect("split");
        assert!(matches!(
            combine(&[shares[0].clone(), other[1].clone()]),
            Err(ShareError::Mixed { .. })
        ));
        let mut damaged = shares[1].clone();
        let flipped = if damaged.value.starts_with('0') {
            "1"
        } else {
            "0"
        };
        damaged.value.replace_range(0..1, flipped);
        assert_eq!(
            combine(&[shares[0].clone(), damaged]).err(),
            Some(ShareError::WrongResult)
        );
    }

    #[test]
    fn bad_parameters_are_refused() {
        let key = ElectionKey::generate();
        assert!(split(&key, &e(), &holders(3), 1).is_err());
        assert!(split(&key, &e(), &holders(3), 4).is_err());
    }

    #[test]
    fn a_share_round_trips_as_json() {
        let key = ElectionKey::generate();
        let shares = split(&key, &e(), &holders(2), 2).expect("split");
        assert_eq!(
            Share::from_json(&shares[0].to_json()).expect("json"),
            shares[0]
        );
    }
}
