//! Passwords: the random passwords of the credential sheets, and Argon2id verifiers.
//!
//! A verifier (a PHC string `$argon2id$…`, the `argon2` crate's defaults: 19 MiB, 2 passes) lets
//! Urna check a password without keeping it. The credential sheet is the only place where a
//! generated password exists.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

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
    let salt = crate::random::bytes::<16>();
    let salt = SaltString::encode_b64(&salt).map_err(|e| VerifierError(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| VerifierError(e.to_string()))
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
