//! Exact non-negative fractions for quotas, averages, remainders and thresholds.
//!
//! Every decision is a comparison of two fractions. The values an apportionment meets fit in 64
//! bits (at most 10^12 votes times 1,000 seats, see `input`), so comparison is a cross
//! multiplication of 64-bit parts into a 128-bit product, which cannot overflow. Wider parts are
//! still exact: then comparison walks the continued fractions instead (compare the integer parts,
//! and if they are equal compare the reciprocals of the remainders), which is exact for every pair
//! of `u128` fractions. No floating point is used in any decision; [`Fraction::approx`] exists for
//! display only.
//!
//! A fraction is reduced to lowest terms only when it is shown ([`Fraction::numerator`],
//! [`Fraction::denominator`], text and JSON): the comparisons that decide seats do not need it,
//! and a greatest common divisor per value was most of the arithmetic's cost.

use std::cmp::Ordering;
use std::fmt;

use serde::{Serialize, Serializer};

/// A non-negative fraction `num / den` with `den > 0`; equal fractions compare equal whatever
/// their terms.
#[derive(Debug, Clone, Copy)]
pub struct Fraction {
    num: u128,
    den: u128,
}

/// Both parts, when they fit in 64 bits.
fn narrow(num: u128, den: u128) -> Option<(u64, u64)> {
    Some((u64::try_from(num).ok()?, u64::try_from(den).ok()?))
}

fn gcd_u64(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

fn gcd(a: u128, b: u128) -> u128 {
    if let Some((a, b)) = narrow(a, b) {
        return u128::from(gcd_u64(a, b));
    }
    let (mut a, mut b) = (a, b);
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Fraction {
    /// Zero.
    pub const ZERO: Fraction = Fraction { num: 0, den: 1 };

    /// `num / den`. A zero denominator is a programming error and yields zero rather than a
    /// panic; callers never construct one.
    pub fn new(num: u128, den: u128) -> Fraction {
        if den == 0 {
            debug_assert!(false, "fraction with zero denominator");
            return Fraction::ZERO;
        }
        Fraction { num, den }
    }

    /// A whole number.
    pub fn whole(value: u128) -> Fraction {
        Fraction { num: value, den: 1 }
    }

    /// Both parts in lowest terms.
    fn lowest_terms(&self) -> (u128, u128) {
        if self.den == 1 {
            return (self.num, 1);
        }
        let divisor = gcd(self.num, self.den).max(1);
        (self.num / divisor, self.den / divisor)
    }

    /// Numerator (lowest terms).
    pub fn numerator(&self) -> u128 {
        self.lowest_terms().0
    }

    /// Denominator (lowest terms).
    pub fn denominator(&self) -> u128 {
        self.lowest_terms().1
    }

    /// An approximation for display, never for decisions.
    pub fn approx(&self) -> f64 {
        // u128 → f64 loses precision for huge values, which is acceptable for display.
        self.num as f64 / self.den as f64
    }

    /// Text with `places` decimals, rounded half up, computed exactly (for reports).
    pub fn decimal(&self, places: u32) -> String {
        // Scale by 10^places and round: (num × 10^p + den / 2) / den, done digit by digit so that
        // nothing overflows.
        let mut whole = self.num / self.den;
        let mut remainder = self.num % self.den;
        let mut digits: Vec<u8> = Vec::with_capacity(places as usize);
        for _ in 0..places {
            // remainder < den ≤ u128::MAX, so compare instead of multiplying by 10 blindly.
            let (digit, rest) = times_ten_div(remainder, self.den);
            digits.push(digit);
            remainder = rest;
        }
        // Round half up on what is left.
        if remainder >= self.den - remainder {
            let mut carry = true;
            for digit in digits.iter_mut().rev() {
                if *digit == 9 {
                    *digit = 0;
                } else {
                    *digit += 1;
                    carry = false;
                    break;
                }
            }
            if carry {
                whole += 1;
            }
        }
        if places == 0 {
            return whole.to_string();
        }
        let fraction: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
        format!("{whole}.{fraction}")
    }
}

/// `(remainder × 10) / den` and `(remainder × 10) % den` for `remainder < den`, without overflow.
fn times_ten_div(remainder: u128, den: u128) -> (u8, u128) {
    let mut digit = 0u8;
    let mut rest = remainder;
    // remainder × 10 = 10 additions of remainder, reduced modulo den as we go.
    let mut accumulated = 0u128;
    for _ in 0..10 {
        // accumulated < den and rest < den: their sum may exceed u128 only above u128::MAX / 2.
        let room = den - accumulated;
        if rest >= room {
            accumulated = rest - room;
            digit += 1;
        } else {
            accumulated += rest;
        }
    }
    rest = accumulated;
    (digit, rest)
}

/// Compares `a/b` with `c/d` exactly (b, d > 0).
fn compare(a: u128, b: u128, c: u128, d: u128) -> Ordering {
    if let (Some((a, b)), Some((c, d))) = (narrow(a, b), narrow(c, d)) {
        // 64 × 64 bits fit in 128: cross multiplication is exact.
        return (u128::from(a) * u128::from(d)).cmp(&(u128::from(c) * u128::from(b)));
    }
    compare_wide(a, b, c, d)
}

/// Compares `a/b` with `c/d` exactly (b, d > 0) by their continued fractions, without
/// multiplication: for parts too wide to cross-multiply.
fn compare_wide(mut a: u128, mut b: u128, mut c: u128, mut d: u128) -> Ordering {
    // Invariant: comparing a/b with c/d, flipped when `inverted`.
    let mut inverted = false;
    loop {
        let (qa, qc) = (a / b, c / d);
        if qa != qc {
            let order = qa.cmp(&qc);
            return if inverted { order.reverse() } else { order };
        }
        let (ra, rc) = (a % b, c % d);
        match (ra == 0, rc == 0) {
            (true, true) => return Ordering::Equal,
            (true, false) => {
                return if inverted {
                    Ordering::Greater
                } else {
                    Ordering::Less
                };
            }
            (false, true) => {
                return if inverted {
                    Ordering::Less
                } else {
                    Ordering::Greater
                };
            }
            (false, false) => {
                // ra/b vs rc/d  ⇔  d/rc vs b/ra (reciprocals, order reversed)
                (a, b, c, d) = (b, ra, d, rc);
                inverted = !inverted;
            }
        }
    }
}

impl PartialEq for Fraction {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Fraction {}

impl PartialOrd for Fraction {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Fraction {
    fn cmp(&self, other: &Self) -> Ordering {
        compare(self.num, self.den, other.num, other.den)
    }
}

impl fmt::Display for Fraction {
    /// `7` for whole numbers, `655/9 (≈ 72.7778)` otherwise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (num, den) = self.lowest_terms();
        if den == 1 {
            write!(f, "{num}")
        } else {
            write!(f, "{num}/{den} (≈ {})", self.decimal(4))
        }
    }
}

impl Serialize for Fraction {
    /// `{"num": 655, "den": 9, "approx": "72.7778"}`: exact parts and a display value.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (num, den) = self.lowest_terms();
        let mut state = serializer.serialize_struct("Fraction", 3)?;
        state.serialize_field("num", &num.to_string())?;
        state.serialize_field("den", &den.to_string())?;
        state.serialize_field("approx", &self.decimal(4))?;
        state.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reduces_and_displays() {
        let f = Fraction::new(6550, 90);
        assert_eq!((f.numerator(), f.denominator()), (655, 9));
        assert_eq!(f.to_string(), "655/9 (≈ 72.7778)");
        assert_eq!(Fraction::new(4212, 13).to_string(), "324");
        assert_eq!(Fraction::new(1, 3).decimal(2), "0.33");
        assert_eq!(Fraction::new(2, 3).decimal(2), "0.67");
        assert_eq!(Fraction::new(999, 1000).decimal(2), "1.00");
        assert_eq!(Fraction::new(5, 2).decimal(0), "3");
        assert_eq!(Fraction::new(u128::MAX - 1, u128::MAX).decimal(3), "1.000");
    }

    #[test]
    fn compares_exactly_where_floats_fail() {
        // 2^100 + 1 over 2^100 is larger than 1; f64 says they are equal.
        let big = 1u128 << 100;
        assert!(Fraction::new(big + 1, big) > Fraction::whole(1));
        // 1 + 1/(M−1) < 1 + 1/(M−2), at the very top of the range.
        let m = u128::MAX;
        assert!(Fraction::new(m, m - 1) < Fraction::new(m - 1, m - 2));
        assert_eq!(Fraction::new(3, 6), Fraction::new(1, 2));
        assert!(Fraction::ZERO < Fraction::new(1, u128::MAX));
    }

    proptest! {
        /// Against cross multiplication where that cannot overflow.
        #[test]
        fn compare_matches_cross_multiplication(a in 0u64.., b in 1u64.., c in 0u64.., d in 1u64..) {
            let expected = (u128::from(a) * u128::from(d)).cmp(&(u128::from(c) * u128::from(b)));
            let f = Fraction::new(a.into(), b.into());
            let g = Fraction::new(c.into(), d.into());
            prop_assert_eq!(f.cmp(&g), expected);
        }

        #[test]
        fn decimal_matches_float_rounding(a in 0u32.., b in 1u32..) {
            let exact = Fraction::new(a.into(), b.into()).decimal(3);
            let scaled = (u128::from(a) * 1000 * 2 + u128::from(b)) / (u128::from(b) * 2);
            prop_assert_eq!(exact, format!("{}.{:03}", scaled / 1000, scaled % 1000));
        }

        /// The continued-fraction walk agrees with cross multiplication, so the fast path and
        /// the wide path decide alike.
        #[test]
        fn both_comparisons_agree(a in 0u64.., b in 1u64.., c in 0u64.., d in 1u64..) {
            let (a, b, c, d) = (u128::from(a), u128::from(b), u128::from(c), u128::from(d));
            prop_assert_eq!(compare(a, b, c, d), compare_wide(a, b, c, d));
        }

        /// Lowest terms whatever the terms given.
        #[test]
        fn shown_in_lowest_terms(a in 0u64..1_000_000, b in 1u64..1_000_000, k in 1u64..1_000_000) {
            let f = Fraction::new(u128::from(a * k), u128::from(b * k));
            let divisor = gcd_u64(a, b);
            prop_assert_eq!(f.numerator(), u128::from(a / divisor));
            prop_assert_eq!(f.denominator(), u128::from(b / divisor));
            prop_assert_eq!(f, Fraction::new(a.into(), b.into()));
        }

        #[test]
        fn compare_never_panics(a in any::<u128>(), b in 1..=u128::MAX, c in any::<u128>(), d in 1..=u128::MAX) {
            let _ = Fraction::new(a, b).cmp(&Fraction::new(c, d));
        }
    }
}
