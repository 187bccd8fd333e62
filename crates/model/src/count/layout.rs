//! The fields of each form, in the order of its paper report.

use messages::msg;

use super::field::{
    Field, FieldKind, FieldValue, Section, candidate_label, flag_field, list_label, list_section,
    number_field,
};
use super::{FlandersCount, NlCount};
use crate::election::Contest;

pub(super) fn nl_fields(count: &NlCount, contest: &Contest) -> Vec<Field> {
    let voters = &count.voters;
    let mut fields = vec![
        number_field(
            "voters.a".into(),
            "A".into(),
            msg!("field-voters-a"),
            Section::Voters,
            voters.poll_cards,
            false,
        ),
        number_field(
            "voters.b".into(),
            "B".into(),
            msg!("field-voters-b"),
            Section::Voters,
            voters.proxy_certificates,
            false,
        ),
        number_field(
            "voters.c".into(),
            "C".into(),
            msg!("field-voters-c"),
            Section::Voters,
            voters.voter_cards,
            false,
        ),
        number_field(
            "voters.d".into(),
            "D".into(),
            msg!("field-voters-d"),
            Section::Voters,
            voters.total,
            true,
        ),
    ];
    for (i, votes) in count.votes.per_list.iter().enumerate() {
        let (number, name) = list_label(contest, i);
        fields.push(number_field(
            format!("votes.e.{}", i + 1),
            format!("E.{number}"),
            msg!("field-votes-list", number = number, name = name),
            Section::Votes,
            *votes,
            false,
        ));
    }
    let votes = &count.votes;
    for (key, code, label, value, total) in [
        (
            "votes.e",
            "E",
            msg!("field-votes-e"),
            votes.total_on_candidates,
            true,
        ),
        ("votes.f", "F", msg!("field-votes-f"), votes.blank, false),
        ("votes.g", "G", msg!("field-votes-g"), votes.invalid, false),
        (
            "votes.h",
            "H",
            msg!("field-votes-h"),
            votes.total_cast,
            true,
        ),
    ] {
        fields.push(number_field(
            key.into(),
            code.into(),
            label,
            Section::Votes,
            value,
            total,
        ));
    }
    let d = &count.differences;
    fields.extend([
        flag_field(
            "differences.d_equals_h",
            "D=H",
            msg!("field-d-equals-h"),
            d.d_equals_h,
        ),
        flag_field(
            "differences.h_greater_than_d",
            "H>D",
            msg!("field-h-greater-than-d"),
            d.h_greater_than_d,
        ),
        flag_field(
            "differences.h_less_than_d",
            "H<D",
            msg!("field-h-less-than-d"),
            d.h_less_than_d,
        ),
        number_field(
            "differences.i".into(),
            "I".into(),
            msg!("field-differences-i"),
            Section::Differences,
            d.more_ballots,
            false,
        ),
        number_field(
            "differences.j".into(),
            "J".into(),
            msg!("field-differences-j"),
            Section::Differences,
            d.fewer_ballots,
            false,
        ),
        flag_field(
            "differences.explained_yes",
            "ja",
            msg!("field-explained-yes"),
            d.explained_yes,
        ),
        flag_field(
            "differences.explained_no",
            "nee",
            msg!("field-explained-no"),
            d.explained_no,
        ),
        Field {
            key: "differences.explanation".into(),
            code: "toelichting".into(),
            label: msg!("field-explanation"),
            section: Section::Differences,
            kind: FieldKind::Text,
            value: FieldValue::Text(d.explanation.clone()),
            total: false,
        },
    ]);
    for (l, list) in count.lists.iter().enumerate() {
        let section = list_section(contest, l);
        for (c, votes) in list.candidates.iter().enumerate() {
            fields.push(number_field(
                format!("lists.{}.candidates.{}", l + 1, c + 1),
                (c + 1).to_string(),
                candidate_label(contest, l, c),
                section.clone(),
                *votes,
                false,
            ));
        }
        let (number, _) = list_label(contest, l);
        fields.push(number_field(
            format!("lists.{}.total", l + 1),
            format!("{number}"),
            msg!("field-list-total", number = number),
            section,
            list.total,
            true,
        ));
    }
    fields
}

pub(super) fn flanders_fields(count: &FlandersCount, contest: &Contest) -> Vec<Field> {
    let mut fields = vec![
        number_field(
            "ballots.total".into(),
            "T".into(),
            msg!("field-ballots-total"),
            Section::Ballots,
            count.ballots_total,
            true,
        ),
        number_field(
            "ballots.blank".into(),
            "B".into(),
            msg!("field-ballots-blank"),
            Section::Ballots,
            count.blank,
            false,
        ),
        number_field(
            "ballots.invalid".into(),
            "O".into(),
            msg!("field-ballots-invalid"),
            Section::Ballots,
            count.invalid,
            false,
        ),
    ];
    for (l, list) in count.lists.iter().enumerate() {
        let section = list_section(contest, l);
        let (number, _) = list_label(contest, l);
        fields.push(number_field(
            format!("lists.{}.ballots", l + 1),
            format!("{number}"),
            msg!("field-list-ballots", number = number),
            section.clone(),
            list.ballots,
            true,
        ));
        fields.push(number_field(
            format!("lists.{}.list_only", l + 1),
            "kop".into(),
            msg!("field-list-only"),
            section.clone(),
            list.list_only,
            false,
        ));
        for (c, votes) in list.preferences.iter().enumerate() {
            fields.push(number_field(
                format!("lists.{}.candidates.{}", l + 1, c + 1),
                (c + 1).to_string(),
                candidate_label(contest, l, c),
                section.clone(),
                *votes,
                false,
            ));
        }
    }
    fields
}
