use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date in ISO form (`2026-11-26`). Kept as text so it compares,
/// stores and travels the same everywhere; the browser needs no date library.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(try_from = "String", into = "String")]
#[schemars(
    description = "A calendar day, YYYY-MM-DD.",
    extend("format" = "date", "examples" = ["2026-12-01"])
)]
pub struct Date(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a date in the form YYYY-MM-DD")]
pub struct DateError(pub String);

impl Date {
    pub fn parse(raw: &str) -> Result<Self, DateError> {
        let bad = || DateError(raw.to_owned());
        let b = raw.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, DateError> {
            let s = &raw[r];
            if s.bytes().all(|c| c.is_ascii_digit()) {
                s.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(bad()),
        };
        if day == 0 || day > days_in_month {
            return Err(bad());
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Midnight UTC at the start of this day, in seconds since the epoch.
    pub fn epoch_seconds(&self) -> i64 {
        self.days() * SECONDS_PER_DAY
    }

    /// The UTC day that `at` (seconds since the epoch) falls on.
    pub fn from_epoch_seconds(at: i64) -> Self {
        Self::from_days(at.div_euclid(SECONDS_PER_DAY))
    }

    /// This day moved by `days` (negative goes back).
    pub fn add_days(&self, days: i64) -> Self {
        Self::from_days(self.days() + days)
    }

    /// Days since 1970-01-01.
    fn days(&self) -> i64 {
        let part = |r: std::ops::Range<usize>| self.0[r].parse::<i64>().unwrap_or(0);
        days_from_civil(part(0..4), part(5..7), part(8..10))
    }

    fn from_days(days: i64) -> Self {
        let (y, m, d) = civil_from_days(days);
        // Four-digit years only: about 8,000 years either side of 1970.
        Self(format!("{:04}-{m:02}-{d:02}", y.clamp(0, 9999)))
    }
}

const SECONDS_PER_DAY: i64 = 86_400;

/// "2026-11-26 19:23:10 UTC": a moment as the audit log shows it.
pub fn format_utc(at: i64) -> String {
    let (day, secs) = split(at);
    format!("{day} {} UTC", clock_time(secs))
}

/// "2026-11-26T19:23:10Z": a moment in RFC 3339 form, as stored.
pub fn rfc3339(at: i64) -> String {
    let (day, secs) = split(at);
    format!("{day}T{}Z", clock_time(secs))
}

fn split(at: i64) -> (Date, i64) {
    (Date::from_epoch_seconds(at), at.rem_euclid(SECONDS_PER_DAY))
}

fn clock_time(secs: i64) -> String {
    format!("{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
}

// Howard Hinnant's algorithms: days since 1970-01-01 in the proleptic
// Gregorian calendar, counted in 400-year eras so the leap rules fall out.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Date> for String {
    fn from(value: Date) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_seconds_is_midnight_utc() {
        let cases = [
            ("1970-01-01", 0),
            ("2000-03-01", 951_868_800),
            ("2024-02-29", 1_709_164_800),
            ("2026-11-26", 1_795_651_200),
        ];
        for (day, secs) in cases {
            assert_eq!(Date::parse(day).unwrap().epoch_seconds(), secs, "{day}");
        }
    }

    #[test]
    fn accepts_real_dates_only() {
        let cases = [
            ("2026-11-26", true, "ordinary day"),
            ("2024-02-29", true, "leap day"),
            ("2023-02-29", false, "no leap day in 2023"),
            ("1900-02-29", false, "century years are not leap years"),
            ("2000-02-29", true, "unless divisible by 400"),
            ("2026-13-01", false, "month 13"),
            ("2026-04-31", false, "April has 30 days"),
            ("2026-1-01", false, "month needs two digits"),
            ("2026/11/26", false, "wrong separator"),
            ("+026-11-26", false, "sign in the year"),
        ];
        for (raw, ok, why) in cases {
            assert_eq!(Date::parse(raw).is_ok(), ok, "{why}: {raw}");
        }
    }

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
                "four years and a leap day",
            ),
        ];
        for (from, days, want, why) in cases {
            let got = Date::parse(from).unwrap().add_days(days);
            assert_eq!(got.as_str(), want, "{why}: {from} {days:+}");
        }
    }

    #[test]
    fn moments_read_as_utc_days_and_times() {
        let cases = [
            (
                0,
                "1970-01-01",
                "1970-01-01 00:00:00 UTC",
                "1970-01-01T00:00:00Z",
            ),
            (
                951_782_400,
                "2000-02-29",
                "2000-02-29 00:00:00 UTC",
                "2000-02-29T00:00:00Z",
            ),
            (
                1_795_720_990,
                "2026-11-26",
                "2026-11-26 19:23:10 UTC",
                "2026-11-26T19:23:10Z",
            ),
            (
                -1,
                "1969-12-31",
                "1969-12-31 23:59:59 UTC",
                "1969-12-31T23:59:59Z",
            ),
        ];
        for (at, day, shown, stored) in cases {
            assert_eq!(Date::from_epoch_seconds(at).as_str(), day, "{at}");
            assert_eq!(format_utc(at), shown, "{at}");
            assert_eq!(rfc3339(at), stored, "{at}");
        }
    }

    #[test]
    fn orders_chronologically() {
        let a = Date::parse("2026-01-31").unwrap();
        let b = Date::parse("2026-02-01").unwrap();
        assert!(a < b);
    }
}
