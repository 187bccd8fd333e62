//! Any submitted form, for an election of any shape: reading it never panics; what it accepts
//! survives the rules, the comparison with itself and a JSON round trip, and a draft saved and
//! finalised through the state machine stays consistent.

#![no_main]

use std::collections::HashMap;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use model::count::{CountForm, compare};
use model::entry::{Acknowledgements, EntryState, Typist};
use model::{Candidate, CandidatePosition, Contest, ContestId, Jurisdiction, List, ListNumber};

#[derive(Debug, Arbitrary)]
struct Case {
    flemish: bool,
    /// Candidates per list (the election's shape), kept small.
    lists: Vec<u8>,
    /// Submitted pairs: keys partly drawn from the real keys, values anything.
    fields: Vec<(Key, String)>,
}

#[derive(Debug, Arbitrary)]
enum Key {
    Real(u16),
    Any(String),
}

fn contest(shape: &[u8]) -> Option<Contest> {
    let lists = shape
        .iter()
        .take(6)
        .enumerate()
        .map(|(i, n)| {
            Some(List {
                number: ListNumber::new(u32::try_from(i + 1).ok()?).ok()?,
                name: format!("L{i}"),
                candidates: (0..(*n % 12).max(1))
                    .map(|p| {
                        Some(Candidate {
                            position: CandidatePosition::new(u32::from(p) + 1).ok()?,
                            initials: None,
                            first_name: None,
                            prefix: None,
                            last_name: format!("K{p}"),
                            gender: None,
                            locality: None,
                            country: None,
                        })
                    })
                    .collect::<Option<Vec<_>>>()?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    if lists.is_empty() {
        return None;
    }
    Some(Contest {
        id: ContestId::new("geen").ok()?,
        name: None,
        seats: Some(9),
        lists,
    })
}

fuzz_target!(|case: Case| {
    let Some(contest) = contest(&case.lists) else {
        return;
    };
    let jurisdiction = if case.flemish {
        Jurisdiction::Flanders
    } else {
        Jurisdiction::Netherlands
    };
    let keys: Vec<String> = CountForm::empty(jurisdiction, &contest)
        .fields(&contest)
        .into_iter()
        .map(|f| f.key)
        .collect();
    let mut submitted: HashMap<String, String> = HashMap::new();
    for (key, value) in case.fields {
        let key = match key {
            Key::Real(i) => keys[usize::from(i) % keys.len()].clone(),
            Key::Any(text) => text,
        };
        submitted.insert(key, value);
    }
    let Ok(form) = CountForm::from_fields(jurisdiction, &contest, &submitted) else {
        return;
    };
    assert!(form.check_shape(jurisdiction, &contest).is_ok());
    let _ = model::rules::check(&form);
    assert!(compare(&form, &form, &contest).is_empty());
    let json = serde_json::to_string(&form).expect("serialises");
    assert_eq!(serde_json::from_str::<CountForm>(&json).expect("reads back"), form);

    let typist = Typist { id: 1, username: "a".into() };
    let empty = CountForm::empty(jurisdiction, &contest);
    let state = EntryState::NotStarted
        .claim(&typist, empty)
        .expect("a new entry can be claimed")
        .save(&typist, form.clone(), &contest, jurisdiction)
        .expect("a form of the right shape can be saved");
    let both = Acknowledgements { warnings: true, errors: true };
    let (state, _) = state.finalise(&typist, both, &contest).expect("acknowledged: finalises");
    assert_eq!(state.first_entry().map(|e| &e.count), Some(&form));
});
