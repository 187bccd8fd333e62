//! The validation rules of a count: errors and warnings, each with its code.
//!
//! The Dutch codes and their meaning follow the Electoral Council's published set for entering
//! the counts of polling stations (F = fout, error; W = waarschuwing, warning): F2xx the totals of
//! the form, F3xx the comparison of admitted voters (D) and votes cast (H), F4xx the list totals
//! against the candidates' votes, W2xx implausible results. An error means the paper report is
//! inconsistent: the entry cannot become definitive until the report is corrected. A warning
//! marks a remarkable result that the typist checks against the paper and acknowledges.
//!
//! The Flemish rules (V-codes) are Urna's own: the same arithmetic checks applied to the Flemish
//! paper count, where no published code set exists.
//!
//! `docs/validation-rules.md` lists every rule with its Dutch text; a test keeps it in step with
//! [`Code::ALL`].

use serde::Serialize;

use crate::Language;
use crate::count::{CountForm, FlandersCount, NlCount};

/// Error or warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The paper report is inconsistent; the entry cannot become definitive.
    Error,
    /// A remarkable result; it must be checked and acknowledged.
    Warning,
}

macro_rules! codes {
    ($( $code:ident, $severity:ident, $id:literal; )*) => {
        /// A validation rule.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub enum Code { $( #[doc = $id] $code, )* }

        impl Code {
            /// Every rule, in code order.
            pub const ALL: &'static [Code] = &[$(Code::$code,)*];

            /// Error or warning.
            pub fn severity(self) -> Severity {
                match self { $( Code::$code => Severity::$severity, )* }
            }

            /// The rule's message in the catalogs (`rule-f201`).
            pub fn message_id(self) -> &'static str {
                match self { $( Code::$code => $id, )* }
            }

            /// The code as printed: `F.201`.
            pub fn label(self) -> &'static str {
                match self { $( Code::$code => codes!(@label $code), )* }
            }
        }
    };
    (@label $code:ident) => { stringify!($code) };
}

codes! {
    F201, Error, "rule-f201";
    F202, Error, "rule-f202";
    F203, Error, "rule-f203";
    F204, Error, "rule-f204";
    F301, Error, "rule-f301";
    F302, Error, "rule-f302";
    F303, Error, "rule-f303";
    F304, Error, "rule-f304";
    F305, Error, "rule-f305";
    F306, Error, "rule-f306";
    F307, Error, "rule-f307";
    F308, Error, "rule-f308";
    F309, Error, "rule-f309";
    F310, Error, "rule-f310";
    F401, Error, "rule-f401";
    F402, Error, "rule-f402";
    F403, Error, "rule-f403";
    W201, Warning, "rule-w201";
    W202, Warning, "rule-w202";
    W203, Warning, "rule-w203";
    W204, Warning, "rule-w204";
    V201, Error, "rule-v201";
    V401, Error, "rule-v401";
    V402, Error, "rule-v402";
    V403, Error, "rule-v403";
    V404, Error, "rule-v404";
}

impl Code {
    /// The rule, in the chosen language, as shown to typists and coordinators.
    pub fn text(self, language: Language) -> String {
        language.text(self.message_id())
    }

    /// `F.201`, as the Electoral Council writes it.
    pub fn dotted(self) -> String {
        let label = self.label();
        format!("{}.{}", &label[..1], &label[1..])
    }
}

/// One finding: the rule and the fields it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// Keys of the fields to mark.
    pub fields: Vec<String>,
}

impl Finding {
    fn new(code: Code, fields: impl IntoIterator<Item = String>) -> Finding {
        Finding {
            code,
            severity: code.severity(),
            fields: fields.into_iter().collect(),
        }
    }
}

/// The findings on a count, errors and warnings alike, in code order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Findings(pub Vec<Finding>);

impl Findings {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|f| f.severity == Severity::Error)
    }

    /// Whether any finding is a warning.
    pub fn has_warnings(&self) -> bool {
        self.0.iter().any(|f| f.severity == Severity::Warning)
    }

    /// The codes found.
    pub fn codes(&self) -> Vec<Code> {
        self.0.iter().map(|f| f.code).collect()
    }

    /// Errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.0.iter().filter(|f| f.severity == Severity::Error)
    }

    /// Warnings only.
    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.0.iter().filter(|f| f.severity == Severity::Warning)
    }
}

/// Checks a count against every rule of its form.
pub fn check(form: &CountForm) -> Findings {
    let mut findings = match form {
        CountForm::Netherlands(count) => check_nl(count),
        CountForm::Flanders(count) => check_flanders(count),
    };
    findings.sort_by_key(|f| f.code);
    Findings(findings)
}

fn keys(keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| (*k).to_string()).collect()
}

/// `part` is at least `percent` % of `whole`, in exact integer arithmetic.
fn at_least_percent(part: u64, whole: u64, percent: u64) -> bool {
    whole > 0 && part * 100 >= whole * percent
}

fn check_nl(count: &NlCount) -> Vec<Finding> {
    let mut out = Vec::new();
    let v = &count.voters;
    let e = &count.votes;
    let (d, h) = (u64::from(v.total), u64::from(e.total_cast));

    // Totals (F.2xx). Sums in u64: nine-digit fields cannot overflow.
    if u64::from(v.poll_cards) + u64::from(v.proxy_certificates) + u64::from(v.voter_cards) != d {
        out.push(Finding::new(
            Code::F201,
            keys(&["voters.a", "voters.b", "voters.c", "voters.d"]),
        ));
    }
    let sum_lists: u64 = e.per_list.iter().map(|n| u64::from(*n)).sum();
    if sum_lists != u64::from(e.total_on_candidates) {
        let mut fields: Vec<String> = (1..=e.per_list.len())
            .map(|i| format!("votes.e.{i}"))
            .collect();
        fields.push("votes.e".into());
        out.push(Finding::new(Code::F202, fields));
    }
    if u64::from(e.total_on_candidates) + u64::from(e.blank) + u64::from(e.invalid) != h {
        out.push(Finding::new(
            Code::F203,
            keys(&["votes.e", "votes.f", "votes.g", "votes.h"]),
        ));
    }
    let sum_list_totals: u64 = count.lists.iter().map(|l| u64::from(l.total)).sum();
    if sum_list_totals != u64::from(e.total_on_candidates) {
        let mut fields: Vec<String> = (1..=count.lists.len())
            .map(|i| format!("lists.{i}.total"))
            .collect();
        fields.push("votes.e".into());
        out.push(Finding::new(Code::F204, fields));
    }

    // D versus H (F.3xx).
    let diff = &count.differences;
    let compare_fields = || {
        keys(&[
            "differences.d_equals_h",
            "differences.h_greater_than_d",
            "differences.h_less_than_d",
        ])
    };
    let ticked = [diff.d_equals_h, diff.h_greater_than_d, diff.h_less_than_d]
        .iter()
        .filter(|b| **b)
        .count();
    if ticked != 1 {
        out.push(Finding::new(Code::F304, compare_fields()));
    }
    if diff.d_equals_h && d != h {
        out.push(Finding::new(Code::F301, compare_fields()));
    }
    if diff.h_greater_than_d && h <= d {
        out.push(Finding::new(Code::F302, compare_fields()));
    }
    if diff.h_less_than_d && h >= d {
        out.push(Finding::new(Code::F303, compare_fields()));
    }
    let (i, j) = (u64::from(diff.more_ballots), u64::from(diff.fewer_ballots));
    match h.cmp(&d) {
        std::cmp::Ordering::Equal => {
            if i != 0 || j != 0 {
                out.push(Finding::new(
                    Code::F305,
                    keys(&["differences.i", "differences.j"]),
                ));
            }
        }
        std::cmp::Ordering::Greater => {
            if i != h - d {
                out.push(Finding::new(Code::F306, keys(&["differences.i"])));
            }
            if j != 0 {
                out.push(Finding::new(
                    Code::F307,
                    keys(&["differences.i", "differences.j"]),
                ));
            }
        }
        std::cmp::Ordering::Less => {
            if j != d - h {
                out.push(Finding::new(Code::F308, keys(&["differences.j"])));
            }
            if i != 0 {
                out.push(Finding::new(
                    Code::F309,
                    keys(&["differences.i", "differences.j"]),
                ));
            }
        }
    }
    if d != h && diff.explained_yes == diff.explained_no {
        out.push(Finding::new(
            Code::F310,
            keys(&["differences.explained_yes", "differences.explained_no"]),
        ));
    }

    // Lists (F.4xx).
    for (index, list) in count.lists.iter().enumerate() {
        let number = index + 1;
        let candidates: u64 = list.candidates.iter().map(|n| u64::from(*n)).sum();
        let total_key = format!("lists.{number}.total");
        if list.total == 0 {
            if candidates > 0 {
                out.push(Finding::new(Code::F401, [total_key.clone()]));
            }
        } else if candidates != u64::from(list.total) {
            let mut fields: Vec<String> = (1..=list.candidates.len())
                .map(|c| format!("lists.{number}.candidates.{c}"))
                .collect();
            fields.push(total_key.clone());
            out.push(Finding::new(Code::F402, fields));
        }
        if e.per_list.get(index).copied() != Some(list.total) {
            out.push(Finding::new(
                Code::F403,
                [total_key, format!("votes.e.{number}")],
            ));
        }
    }

    // Plausibility (W.2xx).
    if at_least_percent(u64::from(e.blank), h, 3) {
        out.push(Finding::new(Code::W201, keys(&["votes.f"])));
    }
    if at_least_percent(u64::from(e.invalid), h, 3) {
        out.push(Finding::new(Code::W202, keys(&["votes.g"])));
    }
    let gap = d.abs_diff(h);
    // Measured against H; with H = 0 (W204) any gap of 15 or more is remarkable too.
    if gap >= 15 && (h == 0 || at_least_percent(gap, h, 2)) {
        out.push(Finding::new(Code::W203, keys(&["voters.d", "votes.h"])));
    }
    if h == 0 {
        out.push(Finding::new(Code::W204, keys(&["votes.h"])));
    }
    out
}

fn check_flanders(count: &FlandersCount) -> Vec<Finding> {
    let mut out = Vec::new();
    let ballots: u64 = count.lists.iter().map(|l| u64::from(l.ballots)).sum();
    let total = u64::from(count.ballots_total);
    if ballots + u64::from(count.blank) + u64::from(count.invalid) != total {
        let mut fields = keys(&["ballots.total", "ballots.blank", "ballots.invalid"]);
        fields.extend((1..=count.lists.len()).map(|l| format!("lists.{l}.ballots")));
        out.push(Finding::new(Code::V201, fields));
    }
    for (index, list) in count.lists.iter().enumerate() {
        let number = index + 1;
        let ballots_key = format!("lists.{number}.ballots");
        let list_only_key = format!("lists.{number}.list_only");
        if list.list_only > list.ballots {
            out.push(Finding::new(
                Code::V401,
                [ballots_key.clone(), list_only_key.clone()],
            ));
            continue;
        }
        let with_preferences = u64::from(list.ballots - list.list_only);
        let preferences: u64 = list.preferences.iter().map(|n| u64::from(*n)).sum();
        let over: Vec<String> = list
            .preferences
            .iter()
            .enumerate()
            .filter(|(_, votes)| u64::from(**votes) > with_preferences)
            .map(|(c, _)| format!("lists.{number}.candidates.{}", c + 1))
            .collect();
        if !over.is_empty() {
            out.push(Finding::new(Code::V402, over));
        }
        if (with_preferences == 0) != (preferences == 0) {
            out.push(Finding::new(Code::V404, [ballots_key, list_only_key]));
        } else if preferences < with_preferences {
            out.push(Finding::new(Code::V403, [ballots_key, list_only_key]));
        }
    }
    if at_least_percent(u64::from(count.blank), total, 3) {
        out.push(Finding::new(Code::W201, keys(&["ballots.blank"])));
    }
    if at_least_percent(u64::from(count.invalid), total, 3) {
        out.push(Finding::new(Code::W202, keys(&["ballots.invalid"])));
    }
    if total == 0 {
        out.push(Finding::new(Code::W204, keys(&["ballots.total"])));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::count::{AdmittedVoters, Differences, FlandersListVotes, ListVotes, VotesCast};

    /// A consistent count: 2 lists; 100 voters admitted, 100 votes cast.
    fn sound() -> NlCount {
        NlCount {
            voters: AdmittedVoters {
                poll_cards: 90,
                proxy_certificates: 8,
                voter_cards: 2,
                total: 100,
            },
            votes: VotesCast {
                per_list: vec![60, 38],
                total_on_candidates: 98,
                blank: 1,
                invalid: 1,
                total_cast: 100,
            },
            differences: Differences {
                d_equals_h: true,
                ..Differences::default()
            },
            lists: vec![
                ListVotes {
                    candidates: vec![50, 10],
                    total: 60,
                },
                ListVotes {
                    candidates: vec![30, 8],
                    total: 38,
                },
            ],
        }
    }

    fn codes(count: NlCount) -> Vec<Code> {
        check(&CountForm::Netherlands(count)).codes()
    }

    #[test]
    fn a_sound_count_has_no_findings() {
        assert_eq!(codes(sound()), []);
    }

    #[test]
    fn each_total_rule() {
        let mut c = sound();
        c.voters.total = 101;
        // D changes: F201, and D ≠ H with D = H ticked, J empty, no explanation.
        assert_eq!(codes(c), [Code::F201, Code::F301, Code::F308, Code::F310]);
        let mut c = sound();
        c.votes.per_list[0] = 61;
        assert_eq!(codes(c), [Code::F202, Code::F403]);
        let mut c = sound();
        c.votes.blank = 2;
        assert_eq!(codes(c), [Code::F203]);
        let mut c = sound();
        c.lists[1].total = 37;
        c.lists[1].candidates[1] = 7;
        assert_eq!(codes(c), [Code::F204, Code::F403]);
    }

    fn with_h_above_d(more: u32, fewer: u32) -> NlCount {
        let mut c = sound();
        c.voters.poll_cards = 88;
        c.voters.total = 98;
        c.differences = Differences {
            h_greater_than_d: true,
            more_ballots: more,
            fewer_ballots: fewer,
            explained_no: true,
            ..Differences::default()
        };
        c
    }

    fn with_h_below_d(more: u32, fewer: u32) -> NlCount {
        let mut c = sound();
        c.voters.poll_cards = 93;
        c.voters.total = 103;
        c.differences = Differences {
            h_less_than_d: true,
            more_ballots: more,
            fewer_ballots: fewer,
            explained_yes: true,
            explanation: "kiezers namen stembiljet mee".into(),
            ..Differences::default()
        };
        c
    }

    #[test]
    fn each_difference_rule() {
        assert_eq!(codes(with_h_above_d(2, 0)), []);
        assert_eq!(codes(with_h_below_d(0, 3)), []);
        let mut c = with_h_above_d(2, 0);
        c.differences.d_equals_h = true;
        assert_eq!(codes(c), [Code::F301, Code::F304]);
        let mut c = sound();
        c.differences = Differences {
            h_greater_than_d: true,
            ..Differences::default()
        };
        assert_eq!(codes(c), [Code::F302]);
        let mut c = sound();
        c.differences = Differences {
            h_less_than_d: true,
            ..Differences::default()
        };
        assert_eq!(codes(c), [Code::F303]);
        let mut c = sound();
        c.differences.d_equals_h = false;
        assert_eq!(codes(c), [Code::F304]);
        let mut c = sound();
        c.differences.more_ballots = 1;
        assert_eq!(codes(c), [Code::F305]);
        assert_eq!(codes(with_h_above_d(1, 0)), [Code::F306]);
        assert_eq!(codes(with_h_above_d(2, 1)), [Code::F307]);
        assert_eq!(codes(with_h_below_d(0, 2)), [Code::F308]);
        assert_eq!(codes(with_h_below_d(1, 3)), [Code::F309]);
        let mut c = with_h_below_d(0, 3);
        c.differences.explained_no = true;
        assert_eq!(codes(c), [Code::F310]);
    }

    #[test]
    fn each_list_rule() {
        let mut c = sound();
        c.lists[0].total = 0;
        c.votes.per_list[0] = 0;
        c.votes.total_on_candidates = 38;
        c.votes.blank = 61;
        // Blank is now 61 % of H as well.
        assert_eq!(codes(c), [Code::F401, Code::W201]);
        let mut c = sound();
        c.lists[0].candidates[1] = 11;
        assert_eq!(codes(c), [Code::F402]);
    }

    #[test]
    fn each_warning_at_its_threshold() {
        // W201 / W202: 3 of 100 warns, 2 of 100 does not.
        let mut c = sound();
        c.votes.per_list = vec![59, 36];
        c.votes.total_on_candidates = 95;
        c.lists[0] = ListVotes {
            candidates: vec![49, 10],
            total: 59,
        };
        c.lists[1] = ListVotes {
            candidates: vec![28, 8],
            total: 36,
        };
        c.votes.blank = 3;
        c.votes.invalid = 2;
        assert_eq!(codes(c.clone()), [Code::W201]);
        c.votes.blank = 2;
        c.votes.invalid = 3;
        assert_eq!(codes(c), [Code::W202]);

        // W203: |D − H| ≥ 15 and ≥ 2 % of H. With H = 1000: 20 warns; with H = 100: 15 warns,
        // 14 does not.
        let mut c = sound();
        c.voters.poll_cards = 105;
        c.voters.total = 115;
        c.differences = Differences {
            h_less_than_d: true,
            fewer_ballots: 15,
            explained_yes: true,
            ..Differences::default()
        };
        assert_eq!(codes(c.clone()), [Code::W203]);
        c.voters.poll_cards = 104;
        c.voters.total = 114;
        c.differences.fewer_ballots = 14;
        assert_eq!(codes(c), []);

        // W204: nothing cast.
        let c = NlCount {
            voters: AdmittedVoters::default(),
            votes: VotesCast {
                per_list: vec![0, 0],
                ..VotesCast::default()
            },
            differences: Differences {
                d_equals_h: true,
                ..Differences::default()
            },
            lists: vec![
                ListVotes {
                    candidates: vec![0, 0],
                    total: 0,
                },
                ListVotes {
                    candidates: vec![0, 0],
                    total: 0,
                },
            ],
        };
        assert_eq!(codes(c), [Code::W204]);
    }

    #[test]
    fn w203_needs_two_percent_as_well_as_fifteen() {
        // H = 1000, D = 1015: 15 but only 1.5 %.
        let mut c = sound();
        c.voters = AdmittedVoters {
            poll_cards: 1015,
            proxy_certificates: 0,
            voter_cards: 0,
            total: 1015,
        };
        c.votes = VotesCast {
            per_list: vec![600, 400],
            total_on_candidates: 1000,
            blank: 0,
            invalid: 0,
            total_cast: 1000,
        };
        c.lists = vec![
            ListVotes {
                candidates: vec![600, 0],
                total: 600,
            },
            ListVotes {
                candidates: vec![400, 0],
                total: 400,
            },
        ];
        c.differences = Differences {
            h_less_than_d: true,
            fewer_ballots: 15,
            explained_no: true,
            ..Differences::default()
        };
        assert_eq!(codes(c.clone()), []);
        c.voters.poll_cards = 1020;
        c.voters.total = 1020;
        c.differences.fewer_ballots = 20;
        assert_eq!(codes(c), [Code::W203]);
    }

    fn flanders() -> FlandersCount {
        FlandersCount {
            ballots_total: 200,
            blank: 3,
            invalid: 2,
            lists: vec![
                FlandersListVotes {
                    ballots: 120,
                    list_only: 40,
                    preferences: vec![70, 30, 10],
                },
                FlandersListVotes {
                    ballots: 75,
                    list_only: 75,
                    preferences: vec![0, 0, 0],
                },
            ],
        }
    }

    fn flemish_codes(count: FlandersCount) -> Vec<Code> {
        check(&CountForm::Flanders(count)).codes()
    }

    #[test]
    fn flemish_rules() {
        assert_eq!(flemish_codes(flanders()), []);
        let mut c = flanders();
        c.ballots_total = 201;
        assert_eq!(flemish_codes(c), [Code::V201]);
        let mut c = flanders();
        c.lists[1].list_only = 76;
        assert_eq!(flemish_codes(c), [Code::V401]);
        let mut c = flanders();
        c.lists[0].preferences[0] = 81;
        assert_eq!(flemish_codes(c), [Code::V402]);
        let mut c = flanders();
        c.lists[0].preferences = vec![40, 30, 9];
        assert_eq!(flemish_codes(c), [Code::V403]);
        let mut c = flanders();
        c.lists[1].preferences[2] = 1;
        assert_eq!(flemish_codes(c), [Code::V402, Code::V404]);
        let mut c = flanders();
        c.blank = 7;
        c.ballots_total = 204;
        assert_eq!(flemish_codes(c), [Code::W201]);
    }

    #[test]
    fn codes_are_printed_as_the_council_prints_them() {
        assert_eq!(Code::F201.dotted(), "F.201");
        assert_eq!(Code::W204.dotted(), "W.204");
        assert_eq!(Code::F201.severity(), Severity::Error);
        assert_eq!(Code::W201.severity(), Severity::Warning);
        assert!(Code::ALL.len() >= 26);
    }
}

#[cfg(test)]
mod doc_tests {
    use super::Code;
    use crate::Language;

    #[test]
    fn validation_rules_doc_lists_every_rule() {
        let doc = include_str!("../../../docs/validation-rules.md");
        for code in Code::ALL {
            let row = format!("| {} |", code.dotted());
            let line = doc
                .lines()
                .find(|l| l.starts_with(&row))
                .unwrap_or_else(|| panic!("{} is not in docs/validation-rules.md", code.dotted()));
            assert!(
                line.contains(&code.text(Language::Nl)),
                "{}: Dutch text differs",
                code.dotted()
            );
            assert!(
                line.contains(&code.text(Language::En)),
                "{}: English text differs",
                code.dotted()
            );
        }
        let rows = doc
            .lines()
            .filter(|l| l.starts_with("| ") && l.contains('.') && !l.starts_with("| code"))
            .count();
        assert_eq!(
            rows,
            Code::ALL.len(),
            "the doc lists a rule the code does not have"
        );
    }
}
