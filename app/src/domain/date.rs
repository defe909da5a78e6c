use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date in ISO form (`2026-11-26`). Kept as text so it compares,
/// stores and travels the same everywhere; the browser needs no date library.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
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
        let part = |r: std::ops::Range<usize>| self.0[r].parse::<i64>().unwrap_or(0);
        let (y, m, d) = (part(0..4), part(5..7), part(8..10));
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        (era * 146_097 + doe - 719_468) * 86_400
    }
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

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day);
/// Howard Hinnant's algorithm.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
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
    fn orders_chronologically() {
        let a = Date::parse("2026-01-31").unwrap();
        let b = Date::parse("2026-02-01").unwrap();
        assert!(a < b);
    }
}
