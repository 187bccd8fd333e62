//! Tests of the entry workflow: two typists, differences, resolutions and their refusals.

use super::*;
use crate::Jurisdiction;
use crate::count::{CountForm, NlCount};

fn typist(id: i64) -> Typist {
    Typist {
        id,
        username: format!("typist{id}"),
    }
}

fn contest() -> Contest {
    crate::count::tests::contest(&[2, 1])
}

/// A consistent count for `contest()`.
fn count(first_candidate: u32) -> CountForm {
    let CountForm::Netherlands(mut c) = CountForm::empty(Jurisdiction::Netherlands, &contest())
    else {
        unreachable!()
    };
    let list1 = first_candidate + 5;
    let e = list1 + 7;
    c.lists[0].candidates = vec![first_candidate, 5];
    c.lists[0].total = list1;
    c.lists[1].candidates = vec![7];
    c.lists[1].total = 7;
    c.votes.per_list = vec![list1, 7];
    c.votes.total_on_candidates = e;
    c.votes.total_cast = e;
    c.voters.poll_cards = e;
    c.voters.total = e;
    c.differences.d_equals_h = true;
    CountForm::Netherlands(c)
}

fn empty() -> CountForm {
    CountForm::empty(Jurisdiction::Netherlands, &contest())
}

fn typed(state: EntryState, who: &Typist, form: CountForm) -> EntryState {
    let state = state.claim(who, empty()).unwrap();
    let state = state
        .save(who, form, &contest(), Jurisdiction::Netherlands)
        .unwrap();
    state
        .finalise(who, Acknowledgements::default(), &contest())
        .unwrap()
        .0
}

#[test]
fn two_equal_entries_by_two_typists_are_definitive() {
    let state = typed(EntryState::NotStarted, &typist(1), count(40));
    assert_eq!(state.status(), Status::SecondEntryNotStarted);
    let state = typed(state, &typist(2), count(40));
    assert_eq!(state.status(), Status::Definitive);
    assert_eq!(state.definitive(), Some(&count(40)));
}

#[test]
fn the_first_typist_cannot_type_the_second_entry() {
    let state = typed(EntryState::NotStarted, &typist(1), count(40));
    assert_eq!(
        state.claim(&typist(1), empty()),
        Err(TransitionError::SameTypist("typist1".into()))
    );
}

#[test]
fn an_entry_in_progress_belongs_to_its_typist() {
    let state = EntryState::NotStarted.claim(&typist(1), empty()).unwrap();
    // Resuming is allowed; another typist is refused for every action.
    let state = state.claim(&typist(1), empty()).unwrap();
    assert_eq!(
        state.clone().claim(&typist(2), empty()),
        Err(TransitionError::ClaimedByOther("typist1".into()))
    );
    assert!(matches!(
        state
            .clone()
            .save(&typist(2), count(1), &contest(), Jurisdiction::Netherlands),
        Err(TransitionError::ClaimedByOther(_))
    ));
    assert!(matches!(
        state
            .clone()
            .finalise(&typist(2), Acknowledgements::default(), &contest()),
        Err(TransitionError::ClaimedByOther(_))
    ));
    assert_eq!(state.abandon(&typist(1)), Ok(EntryState::NotStarted));
}

#[test]
fn a_draft_of_another_shape_is_refused() {
    let state = EntryState::NotStarted.claim(&typist(1), empty()).unwrap();
    let other = CountForm::Netherlands(NlCount::default());
    assert!(matches!(
        state.save(&typist(1), other, &contest(), Jurisdiction::Netherlands),
        Err(TransitionError::Shape(_))
    ));
}

fn different() -> EntryState {
    let state = typed(EntryState::NotStarted, &typist(1), count(40));
    typed(state, &typist(2), count(41))
}

#[test]
fn different_entries_go_to_the_coordinator_with_the_differences() {
    let state = typed(EntryState::NotStarted, &typist(1), count(40));
    let state = state.claim(&typist(2), empty()).unwrap();
    let state = state
        .save(&typist(2), count(41), &contest(), Jurisdiction::Netherlands)
        .unwrap();
    let (state, comparison) = state
        .finalise(&typist(2), Acknowledgements::default(), &contest())
        .unwrap();
    assert_eq!(state.status(), Status::EntriesDifferent);
    let Some(Comparison::Different(fields)) = comparison else {
        panic!("expected differences")
    };
    let keys: Vec<&str> = fields.iter().map(|d| d.field.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "voters.a",
            "voters.d",
            "votes.e.1",
            "votes.e",
            "votes.h",
            "lists.1.candidates.1",
            "lists.1.total"
        ]
    );
}

#[test]
fn each_resolution_of_differences() {
    let kept_first = different()
        .resolve_differences(DifferenceResolution::Keep(Which::First))
        .unwrap();
    assert_eq!(kept_first.first_entry().unwrap().count, count(40));
    assert_eq!(kept_first.status(), Status::SecondEntryNotStarted);
    // The kept entry's typist cannot confirm their own entry.
    assert!(matches!(
        kept_first.clone().claim(&typist(1), empty()),
        Err(TransitionError::SameTypist(_))
    ));
    assert_eq!(
        typed(kept_first, &typist(3), count(40)).status(),
        Status::Definitive
    );

    let kept_second = different()
        .resolve_differences(DifferenceResolution::Keep(Which::Second))
        .unwrap();
    assert_eq!(kept_second.first_entry().unwrap().count, count(41));
    assert_eq!(kept_second.first_entry().unwrap().typist, typist(2));

    let sent_back = different()
        .resolve_differences(DifferenceResolution::SendBack(Which::Second))
        .unwrap();
    assert_eq!(sent_back.typist_in_progress(), Some(&typist(2)));
    assert_eq!(sent_back.draft(), Some(&count(41)));
    let corrected = sent_back
        .save(&typist(2), count(40), &contest(), Jurisdiction::Netherlands)
        .unwrap()
        .finalise(&typist(2), Acknowledgements::default(), &contest())
        .unwrap()
        .0;
    assert_eq!(corrected.status(), Status::Definitive);

    let first_back = different()
        .resolve_differences(DifferenceResolution::SendBack(Which::First))
        .unwrap();
    assert_eq!(first_back.typist_in_progress(), Some(&typist(1)));
    assert_eq!(first_back.first_entry().unwrap().typist, typist(2));

    assert_eq!(
        different().resolve_differences(DifferenceResolution::DiscardBoth),
        Ok(EntryState::NotStarted)
    );
    assert!(matches!(
        EntryState::NotStarted.resolve_differences(DifferenceResolution::DiscardBoth),
        Err(TransitionError::WrongStatus(_))
    ));
}

#[test]
fn errors_and_warnings_must_be_acknowledged() {
    let mut broken = count(40);
    if let CountForm::Netherlands(c) = &mut broken {
        c.voters.total += 1; // F201 and more
    }
    let state = EntryState::NotStarted
        .claim(&typist(1), empty())
        .unwrap()
        .save(&typist(1), broken, &contest(), Jurisdiction::Netherlands)
        .unwrap();
    assert!(matches!(
        state
            .clone()
            .finalise(&typist(1), Acknowledgements::default(), &contest()),
        Err(TransitionError::ErrorsNotAcknowledged(_))
    ));
    let both = Acknowledgements {
        warnings: true,
        errors: true,
    };
    let (state, _) = state.finalise(&typist(1), both, &contest()).unwrap();
    assert_eq!(state.status(), Status::FirstEntryHasErrors);
    let returned = state
        .clone()
        .resolve_errors(ErrorResolution::ReturnToTypist)
        .unwrap();
    assert_eq!(returned.typist_in_progress(), Some(&typist(1)));
    assert_eq!(
        state.resolve_errors(ErrorResolution::Discard),
        Ok(EntryState::NotStarted)
    );

    // W204: an empty count has only a warning.
    let state = EntryState::NotStarted.claim(&typist(1), empty()).unwrap();
    let mut nothing = empty();
    if let CountForm::Netherlands(c) = &mut nothing {
        c.differences.d_equals_h = true;
    }
    let state = state
        .save(&typist(1), nothing, &contest(), Jurisdiction::Netherlands)
        .unwrap();
    assert!(matches!(
        state
            .clone()
            .finalise(&typist(1), Acknowledgements::default(), &contest()),
        Err(TransitionError::WarningsNotAcknowledged(_))
    ));
    let acknowledged = Acknowledgements {
        warnings: true,
        errors: false,
    };
    assert_eq!(
        state
            .finalise(&typist(1), acknowledged, &contest())
            .unwrap()
            .0
            .status(),
        Status::SecondEntryNotStarted
    );
}

#[test]
fn an_imported_count_is_definitive_and_final() {
    let state = EntryState::NotStarted
        .import(count(40), "Telling.xml".into(), "ab".into())
        .unwrap();
    assert_eq!(state.status(), Status::Imported);
    assert_eq!(state.definitive(), Some(&count(40)));
    assert!(matches!(
        state.clone().claim(&typist(1), empty()),
        Err(TransitionError::WrongStatus(_))
    ));
    // Only a polling station without an entry takes an import.
    let typed = typed(EntryState::NotStarted, &typist(1), count(40));
    assert!(matches!(
        typed.import(count(40), "x".into(), "y".into()),
        Err(TransitionError::WrongStatus(_))
    ));
}

#[test]
fn a_state_survives_json() {
    let state = different();
    let json = serde_json::to_string(&state).unwrap();
    assert_eq!(serde_json::from_str::<EntryState>(&json).unwrap(), state);
    for status in Status::ALL {
        assert_eq!(Status::parse(status.as_str()), Some(status));
    }
}

#[test]
fn a_municipality_s_file_is_the_first_entry_and_its_paper_report_the_second() {
    let imported = EntryState::NotStarted
        .import_first(count(40), "Telling_GR2022_Groningen.eml.xml")
        .unwrap();
    assert_eq!(imported.status(), Status::SecondEntryNotStarted);
    // Only once, and only before anything else.
    assert!(imported.clone().import_first(count(40), "again").is_err());
    // The paper report typed equal: definitive.
    assert_eq!(
        typed(imported.clone(), &typist(1), count(40)).status(),
        Status::Definitive
    );
    // Typed with a difference: the coordinator decides; the file is never sent back to be typed.
    let different = typed(imported, &typist(1), count(41));
    assert_eq!(different.status(), Status::EntriesDifferent);
    assert_eq!(
        different
            .clone()
            .resolve_differences(DifferenceResolution::SendBack(Which::First)),
        Err(TransitionError::ImportedEntry(
            "510b:Telling_GR2022_Groningen.eml.xml".into()
        ))
    );
    let back = different
        .clone()
        .resolve_differences(DifferenceResolution::SendBack(Which::Second))
        .unwrap();
    assert_eq!(back.typist_in_progress(), Some(&typist(1)));
    let kept = different
        .resolve_differences(DifferenceResolution::Keep(Which::First))
        .unwrap();
    assert!(kept.first_entry().unwrap().typist.is_import());
}
