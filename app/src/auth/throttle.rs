//! Slowing and then refusing repeated failed sign-ins, per typed username and
//! per client address. The policy is plain arithmetic, tested here; the
//! counts live in the `sign_in_throttle` table.

/// Failures are forgotten this long after the last one.
pub const WINDOW: i64 = 15 * 60;
/// How long a key stays locked once it reaches its limit.
pub const LOCK_FOR: i64 = 15 * 60;
/// Failures per username before it is locked.
pub const ACCOUNT_LIMIT: i64 = 5;
/// Failures per address before it is locked: higher, as offices share one.
pub const ADDRESS_LIMIT: i64 = 20;
/// Failures answered at full speed before each answer is delayed.
pub const FREE_FAILURES: i64 = 2;

/// How long to wait before answering the next attempt after `failures`.
pub fn delay_ms(failures: i64) -> u64 {
    (failures - FREE_FAILURES).clamp(0, 8) as u64 * 250
}

/// When a key with `failures` (counting the new one) locks, or 0 if not yet.
pub fn locked_until(failures: i64, limit: i64, now: i64) -> i64 {
    if failures >= limit {
        now + LOCK_FOR
    } else {
        0
    }
}

/// Counts one more failure for `key`, locking it once it reaches `limit`.
/// Call inside the write transaction, so parallel attempts all count.
pub async fn count_failure(
    conn: &mut sqlx::SqliteConnection,
    key: &str,
    limit: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    let (failures, _) = crate::store::throttle::get(conn, key, now, WINDOW).await?;
    let failures = failures + 1;
    crate::store::throttle::record_failure(
        conn,
        key,
        failures,
        now,
        locked_until(failures, limit, now),
    )
    .await
}

pub fn account_key(username: &str) -> String {
    format!("account:{username}")
}

pub fn address_key(address: &str) -> String {
    format!("address:{address}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_after_the_free_failures_and_are_capped() {
        let cases = [
            (0, 0),
            (1, 0),
            (2, 0),
            (3, 250),
            (4, 500),
            (10, 2000),
            (50, 2000),
        ];
        for (failures, ms) in cases {
            assert_eq!(delay_ms(failures), ms, "{failures}");
        }
    }

    #[test]
    fn a_key_locks_at_its_limit_for_a_while() {
        assert_eq!(locked_until(4, ACCOUNT_LIMIT, 1000), 0);
        assert_eq!(locked_until(5, ACCOUNT_LIMIT, 1000), 1000 + LOCK_FOR);
        assert_eq!(locked_until(19, ADDRESS_LIMIT, 1000), 0);
        assert_eq!(locked_until(20, ADDRESS_LIMIT, 1000), 1000 + LOCK_FOR);
    }
}
