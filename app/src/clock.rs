//! Time comes in through state so tests can pin it.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::domain::{rfc3339, Date};

pub trait Clock: Send + Sync + 'static {
    /// Seconds since the Unix epoch, UTC.
    fn now(&self) -> i64;

    /// The UTC day it is.
    fn today(&self) -> Date {
        Date::from_epoch_seconds(self.now())
    }

    /// RFC 3339 timestamp, e.g. `2026-11-26T19:23:10Z`.
    fn timestamp(&self) -> String {
        rfc3339(self.now())
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
