//! One attempt at a password, at sign-in or Change password: counted, and
//! its username's lock checked, in one write transaction *before* the
//! password is checked. However many attempts arrive at once, each takes
//! its turn at the write lock, so no more than the limit are ever checked;
//! the rest are refused unchecked, and only counted.

use std::time::Duration;

use sqlx::AnyConnection;

use super::throttle::{self, ACCOUNT_LIMIT, WINDOW};
use crate::domain::{AuditAction, AuditRecord};
use crate::store;

/// Whom an attempt is counted against.
#[derive(Clone, Debug)]
pub struct Keys {
    /// `throttle::account_key` of the username typed.
    pub account: String,
    /// What the audit log calls that username.
    pub label: String,
    /// `throttle::address_key` of the client, at sign-in.
    pub address: Option<String>,
}

/// Whether an attempt may be checked.
#[derive(Debug)]
pub enum Admission {
    Admitted(Attempt),
    Locked(Locked),
}

/// The username is locked: no password of it is checked, the right one
/// included.
#[derive(Clone, Copy, Debug)]
pub struct Locked {
    /// Seconds since the epoch.
    pub until: i64,
}

/// An attempt counted and let through, to be checked after its delay.
#[derive(Debug)]
pub struct Attempt {
    keys: Keys,
    /// Its place among its username's counted attempts, from 1.
    number: i64,
    /// How long to wait before checking the password.
    pub delay: Duration,
}

/// Counts an attempt for `keys`' username at `now` unless it is locked,
/// then counts it as refused. Forgets expired counts first, writing to the
/// audit log how many attempts each refused while it was locked. The
/// address only slows, so it counts failures once they are known
/// ([`Attempt::failed`]): people signing in at once from one office don't
/// slow each other.
pub async fn admit(
    conn: &mut AnyConnection,
    keys: Keys,
    now: i64,
) -> Result<Admission, sqlx::Error> {
    purge(conn, now).await?;
    let account = store::throttle::get(conn, &keys.account).await?;
    if account.locked_until > now {
        store::throttle::count_refused(conn, &keys.account).await?;
        return Ok(Admission::Locked(Locked {
            until: account.locked_until,
        }));
    }
    let number = account.failures + 1;
    let locked_until = throttle::locked_until(number, now);
    store::throttle::count_attempt(conn, &keys.account, &keys.label, number, now, locked_until)
        .await?;
    let address_failures = match &keys.address {
        Some(key) => store::throttle::get(conn, key).await?.failures,
        None => 0,
    };
    let delay = throttle::delay_ms(account.failures, address_failures);
    Ok(Admission::Admitted(Attempt {
        keys,
        number,
        delay: Duration::from_millis(delay),
    }))
}

async fn purge(conn: &mut AnyConnection, now: i64) -> Result<(), sqlx::Error> {
    for expired in store::throttle::purge_expired(conn, now - WINDOW, now).await? {
        report_refusals(conn, &expired.label, expired.refused, now).await?;
    }
    Ok(())
}

/// One audit entry for the attempts a lock refused, however many.
async fn report_refusals(
    conn: &mut AnyConnection,
    label: &str,
    refused: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    let record = AuditRecord {
        target: label.to_owned(),
        after: match refused {
            1 => "1 sign-in refused while locked".to_owned(),
            n => format!("{n} sign-ins refused while locked"),
        },
        ..AuditRecord::default()
    };
    store::audit::append(conn, now, label, AuditAction::SignInsRefused, &record).await
}

impl Attempt {
    /// Whether this attempt, failing, locked its username.
    pub fn locked_it(&self) -> bool {
        self.number >= ACCOUNT_LIMIT
    }

    /// The password was wrong: one more failure for the client's address.
    /// The username's count has it already.
    pub async fn failed(&self, conn: &mut AnyConnection, now: i64) -> Result<(), sqlx::Error> {
        if let Some(key) = &self.keys.address {
            let failures = store::throttle::get(conn, key).await?.failures + 1;
            store::throttle::count_attempt(conn, key, key, failures, now, 0).await?;
        }
        Ok(())
    }

    /// The password was right. Refused if attempts counted after this one
    /// locked the username meanwhile: a lock holds against every password,
    /// the right one too. Otherwise the username's count is forgotten.
    pub async fn succeed(
        &self,
        conn: &mut AnyConnection,
        now: i64,
    ) -> Result<Result<(), Locked>, sqlx::Error> {
        let account = store::throttle::get(conn, &self.keys.account).await?;
        if account.locked_until > now && !self.locked_it() {
            store::throttle::count_refused(conn, &self.keys.account).await?;
            return Ok(Err(Locked {
                until: account.locked_until,
            }));
        }
        if account.refused > 0 {
            report_refusals(conn, &self.keys.label, account.refused, now).await?;
        }
        store::throttle::clear(conn, &self.keys.account).await?;
        Ok(Ok(()))
    }
}
