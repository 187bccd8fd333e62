//! Any structured input: no panic, no overflow, and the seats always add up.

#![no_main]

use apportion::{CandidateRef, Input, ListInput, Lot, Rules};
use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fn build(u: &mut Unstructured<'_>) -> arbitrary::Result<Input> {
    let rules = Rules::ALL[usize::from(u8::arbitrary(u)?) % Rules::ALL.len()];
    // Mostly realistic sizes, sometimes extreme ones (validation must catch them).
    let seats = if bool::arbitrary(u)? { u32::arbitrary(u)? % 60 } else { u32::arbitrary(u)? };
    let list_count = usize::from(u8::arbitrary(u)?) % 12;
    let mut lists = Vec::with_capacity(list_count);
    for _ in 0..list_count {
        let number = if bool::arbitrary(u)? { u32::from(u8::arbitrary(u)?) } else { u32::arbitrary(u)? };
        let candidates = if bool::arbitrary(u)? {
            let count = usize::from(u8::arbitrary(u)?) % 30;
            let mut votes = Vec::with_capacity(count);
            for _ in 0..count {
                votes.push(if bool::arbitrary(u)? { u64::from(u16::arbitrary(u)?) } else { u64::arbitrary(u)? });
            }
            Some(votes)
        } else {
            None
        };
        let votes = match u8::arbitrary(u)? % 3 {
            0 => None,
            1 => Some(u64::from(u32::arbitrary(u)?)),
            _ => Some(u64::arbitrary(u)?),
        };
        let list_only_ballots = if bool::arbitrary(u)? { Some(u64::from(u16::arbitrary(u)?)) } else { None };
        lists.push(ListInput { number, name: String::new(), votes, candidates, list_only_ballots });
    }
    let deceased = (0..usize::from(u8::arbitrary(u)?) % 3)
        .map(|_| Ok(CandidateRef { list: u32::from(u8::arbitrary(u)?), position: u32::from(u8::arbitrary(u)?) }))
        .collect::<arbitrary::Result<Vec<_>>>()?;
    let lots = (0..usize::from(u8::arbitrary(u)?) % 2)
        .map(|_| Ok(Lot { id: String::arbitrary(u)?, order: Vec::<u32>::arbitrary(u)? }))
        .collect::<arbitrary::Result<Vec<_>>>()?;
    Ok(Input { rules, seats, lists, deceased, lots })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    if let Ok(input) = build(&mut u) {
        common::run_and_check(input);
    }
});
