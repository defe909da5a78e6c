//! Which number each user holds.

use sqlx::SqliteConnection;

use super::{Batch, Step};
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
    let mut batch = Batch::new();
    let put = push_put(&mut batch, user, number, location, at);
    Ok(batch.run(conn).await?.rows(put) == 1)
}

/// [`put`] as statements of `batch`: the step whose count is 1 when the
/// number became the user's, 0 when it is someone else's.
pub fn push_put(
    batch: &mut Batch,
    user: UserId,
    number: NumberId,
    location: LocationId,
    at: &str,
) -> Step {
    push_remove(batch, user);
    let at = at.to_owned();
    batch.push(|sql| {
        sql.push(
            "INSERT INTO number_assignments (user_id, number_id, location_id, assigned_at) VALUES (",
        )
        .push_bind(user.0)
        .push(", ")
        .push_bind(number.0)
        .push(", ")
        .push_bind(location.0)
        .push(", ")
        .push_bind(at)
        .push(") ON CONFLICT DO NOTHING");
    })
}

/// Takes the user's number back into the unassigned inventory; false when
/// the user held none.
pub async fn remove(conn: &mut SqliteConnection, user: UserId) -> Result<bool, sqlx::Error> {
    let mut batch = Batch::new();
    let removed = push_remove(&mut batch, user);
    Ok(batch.run(conn).await?.rows(removed) == 1)
}

/// [`remove`] as a statement of `batch`: its count is 1 when the user held
/// a number.
pub fn push_remove(batch: &mut Batch, user: UserId) -> Step {
    batch.push(|sql| {
        sql.push("DELETE FROM number_assignments WHERE user_id = ")
            .push_bind(user.0);
    })
}
