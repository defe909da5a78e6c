//! Slowing and then refusing repeated password guesses. Per username: five
//! attempts within the window are checked, then it is locked. Per client
//! address: attempts are slowed, never refused, since an office or a proxy
//! puts many people behind one address and their correct passwords must
//! still work. The policy is plain arithmetic, tested here; the counts live
//! in the `sign_in_throttle` table (see `attempt`).

use sha2::{Digest, Sha256};

use super::session::{digest, hex};

/// Attempts are forgotten this long after the last one.
pub const WINDOW: i64 = 15 * 60;
/// How long a username stays locked once it reaches its limit.
pub const LOCK_FOR: i64 = 15 * 60;
/// Attempts per username checked before it is locked.
pub const ACCOUNT_LIMIT: i64 = 5;
/// Failures per address after which each attempt from it waits the longest.
pub const ADDRESS_LIMIT: i64 = 20;
/// Failures answered at full speed before each answer is delayed.
pub const FREE_FAILURES: i64 = 2;
/// What each attempt from an address past its limit waits: slow enough to
/// make guessing across usernames slow, short enough to be let in.
pub const ADDRESS_LIMIT_DELAY_MS: u64 = 4_000;

/// How long to wait before checking the next attempt, after `account` and
/// `address` failures counted so far.
pub fn delay_ms(account: i64, address: i64) -> u64 {
    if address >= ADDRESS_LIMIT {
        return ADDRESS_LIMIT_DELAY_MS;
    }
    (account.max(address) - FREE_FAILURES).clamp(0, 8) as u64 * 250
}

/// When a username with `attempts` (counting the new one) locks, or 0 if
/// not yet.
pub fn locked_until(attempts: i64, now: i64) -> i64 {
    if attempts >= ACCOUNT_LIMIT {
        now + LOCK_FOR
    } else {
        0
    }
}

/// "15 minutes": how long is left of a lock, in whole minutes.
pub fn minutes(secs: i64) -> String {
    match (secs + 59) / 60 {
        1 => "1 minute".to_owned(),
        n => format!("{n} minutes"),
    }
}

/// The key of a (normalised) username: its SHA-256, so whatever was typed
/// isn't kept, and one username never shares another's count.
pub fn account_key(username: &str) -> String {
    format!("account:{}", digest(username.as_bytes()))
}

/// The key of a username's second-step codes: counted apart from its
/// passwords, since the right password clears those.
pub fn code_key(username: &str) -> String {
    format!("code:{}", digest(username.as_bytes()))
}

pub fn address_key(address: &str) -> String {
    format!("address:{address}")
}

/// What the audit log calls a username that names no account: a 16-bit
/// hash, enough to tell repeated attempts apart, too short to confirm a
/// password typed in the username box.
pub fn unknown_account(username: &str) -> String {
    let digest = Sha256::digest(username.as_bytes());
    format!("unknown account #{}", hex(&digest[..2]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_after_the_free_failures_and_are_capped() {
        let cases = [
            (0, 0, 0, "none yet"),
            (2, 0, 0, "two are free"),
            (3, 0, 250, "the third username failure"),
            (4, 1, 500, "the larger count decides"),
            (1, 10, 2000, "an address's failures slow every username"),
            (50, 0, 2000, "capped for a username"),
            (0, 19, 2000, "capped below the address limit"),
            (0, 20, ADDRESS_LIMIT_DELAY_MS, "an address past its limit"),
        ];
        for (account, address, ms, why) in cases {
            assert_eq!(delay_ms(account, address), ms, "{why}");
        }
    }

    #[test]
    fn a_username_locks_at_its_limit_for_a_while() {
        assert_eq!(locked_until(4, 1000), 0);
        assert_eq!(locked_until(5, 1000), 1000 + LOCK_FOR);
    }

    #[test]
    fn minutes_left_are_rounded_up() {
        assert_eq!(minutes(LOCK_FOR), "15 minutes");
        assert_eq!(minutes(61), "2 minutes");
        assert_eq!(minutes(1), "1 minute");
    }

    #[test]
    fn keys_and_labels_keep_no_typed_text() {
        let key = account_key("hunter2-in-the-wrong-box");
        assert_eq!(key.len(), "account:".len() + 64);
        assert!(!key.contains("hunter2"));
        assert_ne!(account_key("helpdesk"), account_key("helpdesk2"));
        let label = unknown_account("hunter2-in-the-wrong-box");
        assert_eq!(label.len(), "unknown account #".len() + 4, "{label}");
        assert_eq!(label, unknown_account("hunter2-in-the-wrong-box"));
        assert_eq!(address_key("::1"), "address:::1");
    }
}
