//! Which number each user holds.

use sqlx::SqliteConnection;

use crate::domain::{LocationId, NumberId, UserId};

/// Gives `number` to `user` at `location`, replacing the user's previous
/// number. Returns false when the number is already someone else's: the
/// unique constraint decides, so two admins can't both win.
pub async fn put(
    conn: &mut SqliteConnection,
    user: UserId,
    number: NumberId,
    location: LocationId,
    at: &str,
) -> Result<bool, sqlx::Error> {
    remove(conn, user).await?;
    let done = sqlx::query(
        "INSERT INTO number_assignments (user_id, number_id, location_id, assigned_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(user.0)
    .bind(number.0)
    .bind(location.0)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes the user's number back into the unassigned inventory; false when
/// the user held none.
pub async fn remove(conn: &mut SqliteConnection, user: UserId) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM number_assignments WHERE user_id = $1")
        .bind(user.0)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
