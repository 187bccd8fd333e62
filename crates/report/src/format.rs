//! Numbers, fractions and dates as Dutch official documents print them.

use apportion::Fraction;
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

/// `1234567` → `1.234.567` (Dutch thousands separator).
pub fn int(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

/// An exact fraction as a whole number and a proper fraction: `2.301 3/11`, or `2.301` when
/// whole. The reports show the law's exact values, never a rounded decimal alone.
pub fn fraction(value: &Fraction) -> String {
    let (num, den) = (value.numerator(), value.denominator());
    let whole = u64::try_from(num / den).map_or_else(|_| (num / den).to_string(), int);
    let rest = num % den;
    if rest == 0 {
        whole
    } else {
        format!("{whole} {rest}/{den}")
    }
}

const MONTHS: [&str; 12] = [
    "report-month-january",
    "report-month-february",
    "report-month-march",
    "report-month-april",
    "report-month-may",
    "report-month-june",
    "report-month-july",
    "report-month-august",
    "report-month-september",
    "report-month-october",
    "report-month-november",
    "report-month-december",
];

/// `18 maart 2026`.
pub fn date(value: NaiveDate) -> String {
    let month = MONTHS
        .get(value.month0() as usize)
        .map(|id| crate::OFFICIAL.text(id))
        .unwrap_or_default();
    format!("{} {month} {}", value.day(), value.year())
}

/// `18 maart 2026 22:04`: the moment in the election's own time zone (Kieswet and the Flemish
/// decree count deadlines in local time; a committee reads its clock, not UTC).
pub fn date_time(value: DateTime<Utc>, jurisdiction: model::Jurisdiction) -> String {
    let local = jurisdiction.local(value);
    format!(
        "{} {:02}:{:02}",
        date(local.date_naive()),
        local.hour(),
        local.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands() {
        assert_eq!(int(0), "0");
        assert_eq!(int(999), "999");
        assert_eq!(int(1000), "1.000");
        assert_eq!(int(123_456), "123.456");
        assert_eq!(int(1_234_567), "1.234.567");
    }

    #[test]
    fn exact_fractions() {
        assert_eq!(fraction(&Fraction::new(25_314, 11)), "2.301 3/11");
        assert_eq!(fraction(&Fraction::whole(45_000)), "45.000");
        assert_eq!(fraction(&Fraction::new(1, 3)), "0 1/3");
    }

    #[test]
    fn dutch_dates() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 18).expect("date");
        assert_eq!(date(day), "18 maart 2026");
        // Winter time: UTC+1 in both countries.
        let moment = day.and_hms_opt(21, 4, 0).expect("time").and_utc();
        assert_eq!(
            date_time(moment, model::Jurisdiction::Netherlands),
            "18 maart 2026 22:04"
        );
        // Summer time (UTC+2), and a moment that is the next day in Brussels.
        let late = NaiveDate::from_ymd_opt(2024, 10, 13)
            .and_then(|d| d.and_hms_opt(22, 30, 0))
            .expect("time")
            .and_utc();
        assert_eq!(
            date_time(late, model::Jurisdiction::Flanders),
            "14 oktober 2024 00:30"
        );
    }
}
