//! Day arithmetic on ISO dates, so the demo's re-use blocks and assignment
//! times sit at fixed distances from the day it is seeded.

use anyhow::{anyhow, Result};
use app::domain::Date;

/// `date` moved by `days` (negative goes back).
pub fn add_days(date: &Date, days: i64) -> Result<Date> {
    let s = date.as_str();
    let part = |r: std::ops::Range<usize>| -> Result<i64> { Ok(s[r].parse()?) };
    let serial = days_from_civil(part(0..4)?, part(5..7)?, part(8..10)?) + days;
    let (y, m, d) = civil_from_days(serial);
    let raw = format!("{y:04}-{m:02}-{d:02}");
    Date::parse(&raw).map_err(|e| anyhow!("{e} ({s} {days:+} days)"))
}

// Howard Hinnant's algorithms: days since 1970-01-01 in the proleptic
// Gregorian calendar, counted in 400-year eras so leap rules fall out.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_days_crosses_months_years_and_leap_days() {
        let cases = [
            ("2026-11-26", 30, "2026-12-26", "within a year"),
            ("2026-12-15", 30, "2027-01-14", "into the next year"),
            ("2024-02-28", 1, "2024-02-29", "leap day exists in 2024"),
            ("2023-02-28", 1, "2023-03-01", "no leap day in 2023"),
            (
                "2100-02-28",
                1,
                "2100-03-01",
                "no leap day in a century year",
            ),
            ("2000-02-28", 1, "2000-02-29", "except every 400 years"),
            ("2026-03-01", -1, "2026-02-28", "backwards over a month end"),
            ("2026-01-01", -365, "2025-01-01", "a whole year back"),
            ("1970-01-01", 0, "1970-01-01", "zero days"),
            (
                "2026-01-31",
                365 * 4 + 1,
                "2030-01-31",
                "four years including a leap day",
            ),
        ];
        for (from, days, want, why) in cases {
            let got = add_days(&Date::parse(from).unwrap(), days).unwrap();
            assert_eq!(got.as_str(), want, "{why}: {from} {days:+}");
        }
    }
}
