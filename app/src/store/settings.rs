//! The organisation's settings, one row each.

use sqlx::AnyConnection;

use crate::domain::SignInPolicy;

const TWO_STEP_FOR_ADMINS: &str = "two_step_for_admins";

/// The SQL that tells whether admin roles must use two-step sign-in, for
/// the statement that reads a session.
pub const TWO_STEP_FOR_ADMINS_SQL: &str =
    "(SELECT value = 'true' FROM settings WHERE name = 'two_step_for_admins')";

pub async fn sign_in_policy(conn: &mut AnyConnection) -> Result<SignInPolicy, sqlx::Error> {
    let value: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE name = $1")
        .bind(TWO_STEP_FOR_ADMINS)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(SignInPolicy {
        two_step_for_admins: value.as_deref() == Some("true"),
    })
}

pub async fn set_sign_in_policy(
    conn: &mut AnyConnection,
    policy: SignInPolicy,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO settings (name, value) VALUES ($1, $2) \
         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    )
    .bind(TWO_STEP_FOR_ADMINS)
    .bind(if policy.two_step_for_admins {
        "true"
    } else {
        "false"
    })
    .execute(&mut *conn)
    .await?;
    Ok(())
}
