//! Tests of the count forms: their fields, reading a submitted form, comparing two entries.

use super::*;
use crate::election::{Candidate, List};
use crate::ids::{CandidatePosition, ContestId, ListNumber};

pub(crate) fn contest(candidates: &[usize]) -> Contest {
    Contest {
        id: ContestId::new("geen").unwrap(),
        name: None,
        seats: Some(9),
        lists: candidates
            .iter()
            .enumerate()
            .map(|(i, n)| List {
                number: ListNumber::new(u32::try_from(i + 1).unwrap()).unwrap(),
                name: format!("Partij {}", i + 1),
                candidates: (0..*n)
                    .map(|p| Candidate {
                        position: CandidatePosition::new(u32::try_from(p + 1).unwrap()).unwrap(),
                        initials: Some("A.".into()),
                        first_name: None,
                        prefix: None,
                        last_name: format!("Kandidaat{p}"),
                        gender: None,
                        locality: None,
                        country: None,
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[test]
fn counts_are_read_as_typed_and_refused_with_the_field_named() {
    for empty in ["", "  "] {
        assert!(matches!(
            parse_count("k", &msg!("field-unnamed"), empty),
            Err(FieldError::Empty { .. })
        ));
    }
    assert_eq!(
        parse_count("k", &msg!("field-unnamed"), " 1.234 "),
        Ok(1234)
    );
    assert_eq!(
        parse_count("k", &msg!("field-unnamed"), "999999999"),
        Ok(MAX_COUNT)
    );
    assert!(matches!(
        parse_count("voters.a", &msg!("field-voters-a"), "12a"),
        Err(FieldError::NotANumber { key, .. }) if key == "voters.a"
    ));
    assert!(matches!(
        parse_count("k", &msg!("field-unnamed"), "-3"),
        Err(FieldError::Negative { .. })
    ));
    assert!(matches!(
        parse_count("k", &msg!("field-unnamed"), "1000000000"),
        Err(FieldError::TooLarge { .. })
    ));
    assert!(matches!(
        parse_count("k", &msg!("field-unnamed"), "99999999999999999999999"),
        Err(FieldError::TooLarge { .. })
    ));
    assert_eq!(
        parse_count("k", &msg!("field-unnamed"), "12.345.678"),
        Ok(12_345_678)
    );
    for text in ["1.5", "1234.567", ".123", "1..234", "1.2345"] {
        assert!(
            matches!(
                parse_count("k", &msg!("field-unnamed"), text),
                Err(FieldError::NotANumber { .. })
            ),
            "{text}"
        );
    }
    assert!(matches!(
        parse_count("k", &msg!("field-unnamed"), "1e3"),
        Err(FieldError::NotANumber { .. })
    ));
    assert!(matches!(
        parse_count("k", &msg!("field-unnamed"), "-"),
        Err(FieldError::NotANumber { .. })
    ));
}

#[test]
fn the_cheap_keys_are_the_keys_of_the_fields() {
    let contest = contest(&[3, 2]);
    for jurisdiction in [Jurisdiction::Netherlands, Jurisdiction::Flanders] {
        let form = CountForm::empty(jurisdiction, &contest);
        let full: Vec<(String, FieldKind)> = form
            .fields(&contest)
            .into_iter()
            .map(|f| (f.key, f.kind))
            .collect();
        assert_eq!(form.keys(), full);
    }
}

#[test]
fn a_form_survives_fields_and_back() {
    let contest = contest(&[3, 2]);
    for jurisdiction in [Jurisdiction::Netherlands, Jurisdiction::Flanders] {
        let empty = CountForm::empty(jurisdiction, &contest);
        let mut submitted = Submitted::new();
        for (i, field) in empty.fields(&contest).iter().enumerate() {
            let text = match field.kind {
                FieldKind::Number => (i * 7 + 1).to_string(),
                FieldKind::Flag if i % 2 == 0 => "on".into(),
                FieldKind::Flag => continue,
                FieldKind::Text => "uitleg".into(),
            };
            submitted.insert(field.key.clone(), text);
        }
        let form = CountForm::from_fields(jurisdiction, &contest, &submitted).unwrap();
        form.check_shape(jurisdiction, &contest).unwrap();
        for (i, field) in form.fields(&contest).iter().enumerate() {
            match &field.value {
                FieldValue::Number(n) => assert_eq!(*n as usize, i * 7 + 1, "{}", field.key),
                FieldValue::Flag(b) => assert_eq!(*b, i % 2 == 0, "{}", field.key),
                FieldValue::Text(t) => assert_eq!(t, "uitleg"),
            }
        }
        assert!(compare(&form, &form, &contest).is_empty());
        let differences = compare(&empty, &form, &contest);
        assert!(differences.len() > 5);
    }
}

#[test]
fn a_missing_or_unknown_field_is_named() {
    let contest = contest(&[2]);
    let mut submitted: Submitted = CountForm::empty(Jurisdiction::Netherlands, &contest)
        .fields(&contest)
        .into_iter()
        .filter(|f| f.kind != FieldKind::Flag)
        .map(|f| (f.key, "0".to_string()))
        .collect();
    submitted.remove("votes.h");
    submitted.insert("lists.2.candidates.1".into(), "5".into());
    let errors =
        CountForm::from_fields(Jurisdiction::Netherlands, &contest, &submitted).unwrap_err();
    assert_eq!(
        errors,
        [
            FieldError::Missing {
                key: "votes.h".into(),
                label: msg!("field-votes-h")
            },
            FieldError::Unknown {
                key: "lists.2.candidates.1".into()
            }
        ]
    );
}

#[test]
fn a_form_of_another_shape_is_refused() {
    let form = CountForm::empty(Jurisdiction::Netherlands, &contest(&[3, 2]));
    assert!(
        form.check_shape(Jurisdiction::Netherlands, &contest(&[3, 2]))
            .is_ok()
    );
    assert!(matches!(
        form.check_shape(Jurisdiction::Netherlands, &contest(&[3, 3])),
        Err(FieldError::Shape { .. })
    ));
    assert!(matches!(
        form.check_shape(Jurisdiction::Flanders, &contest(&[3, 2])),
        Err(FieldError::Shape { .. })
    ));
}

#[test]
fn a_difference_is_reported_per_field() {
    let contest = contest(&[2, 2]);
    let CountForm::Netherlands(mut a) = CountForm::empty(Jurisdiction::Netherlands, &contest)
    else {
        unreachable!()
    };
    a.voters.poll_cards = 10;
    let mut b = a.clone();
    b.voters.poll_cards = 11;
    b.lists[1].candidates[0] = 4;
    let differences = compare(
        &CountForm::Netherlands(a),
        &CountForm::Netherlands(b),
        &contest,
    );
    let keys: Vec<&str> = differences.iter().map(|d| d.field.key.as_str()).collect();
    assert_eq!(keys, ["voters.a", "lists.2.candidates.1"]);
    assert_eq!(differences[0].first, FieldValue::Number(10));
    assert_eq!(differences[0].second, FieldValue::Number(11));
}
