//! Requests per API token: at most so many a minute (a window per calendar
//! minute), so one runaway script can't crowd out the console. Kept in the
//! server's memory: a restart forgets the counts, which only ever lets a
//! script through sooner.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// How many requests a token may make each minute.
#[derive(Clone, Debug)]
pub struct TokenLimits {
    per_minute: u32,
    windows: Arc<Mutex<HashMap<i64, (i64, u32)>>>,
}

pub const DEFAULT_PER_MINUTE: u32 = 600;

impl Default for TokenLimits {
    fn default() -> Self {
        Self::new(DEFAULT_PER_MINUTE)
    }
}

impl TokenLimits {
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute: per_minute.max(1),
            windows: Default::default(),
        }
    }

    pub fn per_minute(&self) -> u32 {
        self.per_minute
    }

    /// Counts a request of token `id` at `now` (seconds since the epoch);
    /// `Err(seconds)` to wait when the token has had its minute's share.
    pub fn admit(&self, id: i64, now: i64) -> Result<(), i64> {
        let minute = now.div_euclid(60);
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        let (window, count) = windows.entry(id).or_insert((minute, 0));
        if *window != minute {
            *window = minute;
            *count = 0;
        }
        if *count >= self.per_minute {
            return Err(60 - now.rem_euclid(60));
        }
        *count += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_token_gets_its_share_of_each_minute() {
        let limits = TokenLimits::new(3);
        let t = 6_000; // the start of a minute
        let steps: &[(i64, i64, Result<(), i64>)] = &[
            (1, t, Ok(())),
            (1, t + 1, Ok(())),
            (2, t + 1, Ok(())),
            (1, t + 10, Ok(())),
            (1, t + 15, Err(45)),
            (1, t + 59, Err(1)),
            (2, t + 59, Ok(())),
            (1, t + 60, Ok(())),
            (1, t + 61, Ok(())),
        ];
        for (id, at, want) in steps {
            assert_eq!(limits.admit(*id, *at), *want, "token {id} at {at}");
        }
    }

    #[test]
    fn a_limit_of_zero_is_read_as_one() {
        let limits = TokenLimits::new(0);
        assert_eq!(limits.admit(1, 0), Ok(()));
        assert_eq!(limits.admit(1, 0), Err(60));
    }
}
