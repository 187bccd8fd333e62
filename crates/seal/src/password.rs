//! Passwords: the random passwords of the credential sheets, and Argon2id verifiers.
//!
//! A verifier (a PHC string `$argon2id$…`, the `argon2` crate's defaults: 19 MiB, 2 passes) lets
//! Urna check a password without keeping it. The credential sheet is the only place where a
//! generated password exists.

use argon2::password_hash::{Output, PasswordHash, PasswordVerifier, SaltString};
use argon2::{Argon2, Block, Params};
use zeroize::Zeroize;

/// The characters of a generated password: lower case and digits without look-alikes
/// (no `0 o 1 l i`), so that a chair can type it from paper without doubt.
const ALPHABET: &[u8; 31] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// Characters in a generated password: 20 × log2(31) ≈ 99 bits.
pub const GENERATED_LENGTH: usize = 20;

/// Entropy of a generated password in bits, rounded down.
pub const GENERATED_BITS: u32 = 99;

// The credential sheets' passwords must have at least 80 bits.
const _: () = assert!(GENERATED_BITS >= 80);

/// Why a verifier could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the password could not be hashed: {0}")]
pub struct VerifierError(String);

/// A fresh random password in groups of four, e.g. `k7mp-x3rd-…` (the dashes are not part of it:
/// [`normalise`] drops them, so a chair may type it with or without).
pub fn generate() -> String {
    let mut out = String::with_capacity(GENERATED_LENGTH + GENERATED_LENGTH / 4);
    for index in 0..GENERATED_LENGTH {
        if index > 0 && index % 4 == 0 {
            out.push('-');
        }
        out.push(char::from(
            ALPHABET[usize::from(crate::random::below(ALPHABET.len() as u8))],
        ));
    }
    out
}

/// A typed generated password as it is hashed: without dashes and spaces, lower case.
pub fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The Argon2id verifier of `password`, with a fresh random salt.
pub fn verifier(password: &str) -> Result<String, VerifierError> {
    verifier_in(password, &mut Memory::new())
}

/// The working memory of one Argon2id computation (19 MiB), to be used again: making thousands
/// of verifiers (the key ceremony), a fresh block of memory each time cost more than the
/// hashing itself, the operating system handing out and clearing 4,864 new pages per
/// verifier. Cleared when dropped, as it holds values derived from passwords.
pub struct Memory(Vec<Block>);

impl Memory {
    /// Memory for the verifiers' parameters.
    pub fn new() -> Memory {
        Memory(vec![Block::default(); Params::DEFAULT.block_count()])
    }
}

impl std::fmt::Debug for Memory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Memory({} blocks)", self.0.len())
    }
}

impl Default for Memory {
    fn default() -> Memory {
        Memory::new()
    }
}

impl Drop for Memory {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

/// [`verifier`], computed in `memory`: the same PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`).
pub fn verifier_in(password: &str, memory: &mut Memory) -> Result<String, VerifierError> {
    let error = |e: &dyn std::fmt::Display| VerifierError(e.to_string());
    let argon2 = Argon2::default();
    let salt = crate::random::bytes::<16>();
    let mut hash = [0u8; Params::DEFAULT_OUTPUT_LEN];
    argon2
        .hash_password_into_with_memory(password.as_bytes(), &salt, &mut hash, &mut memory.0)
        .map_err(|e| error(&e))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| error(&e))?;
    let phc = PasswordHash {
        algorithm: argon2::ARGON2ID_IDENT,
        version: Some(argon2::Version::V0x13.into()),
        params: argon2.params().try_into().map_err(|e| error(&e))?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&hash).map_err(|e| error(&e))?),
    };
    hash.zeroize();
    Ok(phc.to_string())
}

/// Whether `password` matches `verifier`. A malformed verifier never matches.
pub fn matches(password: &str, verifier: &str) -> bool {
    PasswordHash::new(verifier).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A verifier made in reused memory reads and checks like one made the usual way.
    #[test]
    fn verifiers_in_reused_memory_are_the_same_verifiers() {
        let mut memory = Memory::new();
        let first = verifier_in("k7mpx3rd", &mut memory).expect("made");
        let second = verifier_in("other", &mut memory).expect("made");
        let usual = verifier("k7mpx3rd").expect("made");
        let head = |v: &str| v.rsplitn(3, '$').nth(2).map(str::to_string);
        assert_eq!(head(&first), head(&usual), "{first} / {usual}");
        assert!(
            first.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{first}"
        );
        assert!(matches("k7mpx3rd", &first));
        assert!(!matches("k7mpx3re", &first));
        assert!(matches("other", &second));
        assert!(matches("k7mpx3rd", &usual));
        assert_ne!(first, usual, "a fresh salt each time");
    }

    #[test]
    fn generated_passwords_are_long_readable_and_distinct() {
        let password = generate();
        assert_eq!(password.len(), 24, "{password}");
        let plain = normalise(&password);
        assert_eq!(plain.len(), GENERATED_LENGTH);
        assert!(plain.bytes().all(|b| ALPHABET.contains(&b)));
        assert!(f64::from(GENERATED_BITS) <= GENERATED_LENGTH as f64 * 31f64.log2());
        assert_ne!(generate(), generate());
    }

    #[test]
    fn a_verifier_matches_its_password_only() {
        let verifier = verifier("abcd-efgh").expect("hash");
        assert!(verifier.starts_with("$argon2id$"));
        assert!(matches("abcd-efgh", &verifier));
        assert!(!matches("abcd-efgi", &verifier));
        assert!(!matches("abcd-efgh", "not a verifier"));
    }

    #[test]
    fn typing_variants_normalise_alike() {
        assert_eq!(normalise(" ABCD-efgh 2345 "), "abcdefgh2345");
    }
}
