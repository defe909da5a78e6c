//! How long a one-time password is accepted: it travels in chat, e-mail or
//! a file, so it stops working a while after it was issued, used or not.

/// The hours a one-time password is accepted after it was issued.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OneTimePasswordLifetime {
    hours: u32,
}

impl OneTimePasswordLifetime {
    pub const DEFAULT_HOURS: u32 = 24;

    /// At least an hour: a lifetime of nothing would refuse every one.
    pub fn hours(hours: u32) -> Self {
        Self {
            hours: hours.max(1),
        }
    }

    /// Whether a one-time password issued at `issued_at` (seconds since the
    /// epoch) is refused at `now`. One issued at an unknown time is.
    pub fn expired(self, issued_at: Option<i64>, now: i64) -> bool {
        issued_at.is_none_or(|at| now - at > i64::from(self.hours) * 3600)
    }

    /// The lifetime in words: "24 hours".
    pub fn span(self) -> String {
        match self.hours {
            1 => "1 hour".to_owned(),
            n => format!("{n} hours"),
        }
    }

    /// What sign-in answers for an expired one.
    pub fn refusal(self) -> String {
        format!(
            "This one-time password has expired: one-time passwords last {}. \
             Ask a Global administrator to reset your password.",
            self.span()
        )
    }
}

impl Default for OneTimePasswordLifetime {
    fn default() -> Self {
        Self::hours(Self::DEFAULT_HOURS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISSUED: i64 = 1_795_720_990;
    const HOUR: i64 = 3600;

    #[test]
    fn a_one_time_password_is_accepted_for_its_lifetime_and_not_a_second_more() {
        let day = OneTimePasswordLifetime::default();
        let cases = [
            (day, Some(ISSUED), ISSUED, false, "just issued"),
            (
                day,
                Some(ISSUED),
                ISSUED + 24 * HOUR,
                false,
                "the last second",
            ),
            (
                day,
                Some(ISSUED),
                ISSUED + 24 * HOUR + 1,
                true,
                "a second late",
            ),
            (day, None, ISSUED, true, "issued at an unknown time"),
            (
                OneTimePasswordLifetime::hours(1),
                Some(ISSUED),
                ISSUED + HOUR + 1,
                true,
                "an hour's lifetime",
            ),
            (
                OneTimePasswordLifetime::hours(0),
                Some(ISSUED),
                ISSUED + HOUR,
                false,
                "never less than an hour",
            ),
        ];
        for (lifetime, issued, now, expired, why) in cases {
            assert_eq!(lifetime.expired(issued, now), expired, "{why}");
        }
    }

    #[test]
    fn the_refusal_says_how_long_they_last_and_what_to_do() {
        assert_eq!(
            OneTimePasswordLifetime::hours(1).refusal(),
            "This one-time password has expired: one-time passwords last 1 hour. \
             Ask a Global administrator to reset your password."
        );
        assert!(OneTimePasswordLifetime::default()
            .refusal()
            .contains("last 24 hours"));
    }
}
