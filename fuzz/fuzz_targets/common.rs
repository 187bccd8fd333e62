// Shared by the apportionment targets: run to completion, drawing every lot in the order the
// options are given, and check the invariants that must hold for any input.

use apportion::{Input, Lot, Outcome};

pub fn run_and_check(mut input: Input) {
    for _ in 0..200 {
        let Ok(outcome) = apportion::apportion(&input) else {
            return;
        };
        // The text rendering must not panic either.
        let _ = apportion::render::text(&outcome, model::Language::Nl);
        match outcome {
            Outcome::Complete(result) => {
                let allocated: u64 = result.lists.iter().map(|l| u64::from(l.seats)).sum();
                assert_eq!(allocated + u64::from(result.unfilled_seats), u64::from(input.seats));
                for (list, given) in result.lists.iter().zip(&input.lists) {
                    if let Some(candidates) = &given.candidates {
                        assert!(list.seats as usize <= candidates.len());
                    }
                }
                return;
            }
            Outcome::LotRequired(required) => {
                let request = required.lots_required;
                assert!(request.options.len() > request.seats_at_stake as usize);
                input.lots.push(Lot {
                    id: request.id,
                    order: request.options,
                });
            }
        }
    }
    panic!("more than 200 lots for one input");
}
