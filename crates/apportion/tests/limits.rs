//! Attack: an input far larger than any election (10,000 lists and 10,000 seats) made the engine
//! grow its memory with seats × lists until the process was killed. Now it is refused by name,
//! and the largest input allowed is allocated in bounded time.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use apportion::{Input, InputError, ListInput, MAX_SEATS_TIMES_LISTS, Rules, apportion};

fn input(seats: u32, lists: u32) -> Input {
    Input {
        rules: Rules::DHondt,
        seats,
        lists: (1..=lists)
            .map(|number| ListInput {
                number,
                name: format!("L{number}"),
                // Distinct primes-ish votes: no ties to draw lots for.
                votes: Some(1_000_003 + u64::from(number) * 7_919),
                candidates: None,
                list_only_ballots: None,
            })
            .collect(),
        deceased: Vec::new(),
        lots: Vec::new(),
    }
}

#[test]
fn ten_thousand_lists_and_seats_are_refused_by_name() {
    let error = apportion(&input(10_000, 10_000)).unwrap_err();
    let InputError::Invalid { field, message } = error else {
        panic!("refused for another reason: {error}");
    };
    assert_eq!(field, "seats");
    assert!(message.contains("between 1 and"), "{message}");

    // Within each bound, but not their product.
    let error = apportion(&input(1_000, 1_000)).unwrap_err();
    assert!(error.to_string().contains("bounded memory"), "{error}");
}

#[test]
fn the_largest_input_allowed_is_allocated() {
    let seats = 1_000;
    let lists = u32::try_from(MAX_SEATS_TIMES_LISTS / u64::from(seats)).unwrap();
    let outcome = apportion(&input(seats, lists)).unwrap();
    let apportion::Outcome::Complete(result) = outcome else {
        panic!("a lot is required");
    };
    let given: u32 = result.lists.iter().map(|l| l.seats).sum();
    assert_eq!(given, seats);
}
