//! Time comes in through state so tests can pin it.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::domain::{civil_from_days, Date};

pub trait Clock: Send + Sync + 'static {
    /// Seconds since the Unix epoch, UTC.
    fn now(&self) -> i64;

    fn today(&self) -> Date {
        let (y, m, d) = civil_from_days(self.now().div_euclid(86_400));
        Date::parse(&format!("{y:04}-{m:02}-{d:02}")).expect("a computed date is valid")
    }

    /// RFC 3339 timestamp, e.g. `2026-11-26T19:23:10Z`.
    fn timestamp(&self) -> String {
        let now = self.now();
        let secs = now.rem_euclid(86_400);
        format!(
            "{}T{:02}:{:02}:{:02}Z",
            self.today(),
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> i64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    }
}

/// A clock that always says the same time.
pub struct FixedClock(pub i64);

impl Clock for FixedClock {
    fn now(&self) -> i64 {
        self.0
    }
}

/// A clock tests move forward, e.g. past a session's timeout.
pub struct SettableClock(std::sync::atomic::AtomicI64);

impl SettableClock {
    pub fn new(now: i64) -> Self {
        Self(std::sync::atomic::AtomicI64::new(now))
    }

    pub fn advance(&self, seconds: i64) {
        self.0
            .fetch_add(seconds, std::sync::atomic::Ordering::SeqCst);
    }
}

impl Clock for SettableClock {
    fn now(&self) -> i64 {
        self.0.load(std::sync::atomic::Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_epoch_seconds_to_dates_and_timestamps() {
        let cases = [
            (0, "1970-01-01", "1970-01-01T00:00:00Z"),
            (951_782_400, "2000-02-29", "2000-02-29T00:00:00Z"),
            (1_795_720_990, "2026-11-26", "2026-11-26T19:23:10Z"),
            (-1, "1969-12-31", "1969-12-31T23:59:59Z"),
        ];
        for (secs, day, stamp) in cases {
            let clock = FixedClock(secs);
            assert_eq!(clock.today().as_str(), day, "{secs}");
            assert_eq!(clock.timestamp(), stamp, "{secs}");
        }
    }
}
