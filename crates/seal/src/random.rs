//! Randomness from the operating system: the only source Urna uses for keys, salts and
//! passwords (no seeded or user-space generators).

use rand::Rng;

/// `N` bytes from the operating system's random source (through `rand`'s thread generator,
/// which reseeds from the OS).
pub fn bytes<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    rand::rng().fill_bytes(&mut out);
    out
}

/// A uniformly random index below `bound` (rejection sampling: no modulo bias).
pub fn below(bound: u8) -> u8 {
    debug_assert!(bound > 0);
    // The largest multiple of `bound` that fits in a byte; bytes at or above it are redrawn.
    let limit = (256 / u16::from(bound)) * u16::from(bound);
    loop {
        let [byte] = bytes::<1>();
        if u16::from(byte) < limit {
            return byte % bound;
        }
    }
}

/// Puts `items` in a uniformly random order (Fisher–Yates, with the same OS-seeded generator).
pub fn shuffle<T>(items: &mut [T]) {
    use rand::seq::SliceRandom;
    items.shuffle(&mut rand::rng());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_differ_between_calls() {
        assert_ne!(bytes::<32>(), bytes::<32>());
    }

    #[test]
    fn below_covers_the_whole_range_and_nothing_else() {
        let mut seen = [0u32; 31];
        for _ in 0..31 * 200 {
            seen[usize::from(below(31))] += 1;
        }
        // Every value turns up; with 200 expected per value, fewer than 100 would be a bias
        // (probability of a false alarm below 1e-12).
        assert!(seen.iter().all(|&n| n > 100), "{seen:?}");
    }
}
