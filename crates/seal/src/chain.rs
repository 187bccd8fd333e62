//! Links of a hash chain, as used by the audit log.
//!
//! Each link's hash covers the previous link's hash and the link's own fields, so changing,
//! inserting or removing any link changes every hash after it. Fields are length-prefixed, so no
//! two different field lists hash alike (`["ab", "c"]` and `["a", "bc"]` differ).

use sha2::{Digest, Sha256};

use crate::HashCode;

/// The hash before the first link.
pub const GENESIS: HashCode = HashCode::from_bytes([0; 32]);

/// The hash of a link: SHA-256 over a domain tag (so hashes of different chains never coincide),
/// the previous link's hash and each field as an 8-byte big-endian length and its bytes.
pub fn link_hash(domain: &str, previous: &HashCode, fields: &[&[u8]]) -> HashCode {
    let mut hasher = Sha256::new();
    hasher.update((domain.len() as u64).to_be_bytes());
    hasher.update(domain.as_bytes());
    hasher.update(previous.as_bytes());
    for field in fields {
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field);
    }
    HashCode::from_bytes(hasher.finalize().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_unambiguous_and_order_matters() {
        let a = link_hash("t", &GENESIS, &[b"ab", b"c"]);
        let b = link_hash("t", &GENESIS, &[b"a", b"bc"]);
        let c = link_hash("t", &GENESIS, &[b"c", b"ab"]);
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(a, link_hash("t", &GENESIS, &[b"ab", b"c"]));
    }

    #[test]
    fn previous_and_domain_are_covered() {
        let first = link_hash("t", &GENESIS, &[b"x"]);
        assert_ne!(link_hash("t", &first, &[b"x"]), first);
        assert_ne!(link_hash("u", &GENESIS, &[b"x"]), first);
    }
}
