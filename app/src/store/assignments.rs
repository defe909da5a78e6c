//! Which number each user holds.

use sqlx::AnyConnection;

use super::{Batch, Step};
use crate::domain::{LocationId, NumberId, UserId};

/// Gives `number` to `user` at `location`, replacing the user's previous
/// number, as statements of `batch`: the step whose count is 1 when the
/// number became the user's. A number already someone else's fails the
/// batch with a unique violation: the constraint decides, so two admins
/// can't both win.
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
        .push(")");
    })
}

/// Takes the user's number back into the unassigned inventory; false when
/// the user held none.
pub async fn remove(conn: &mut AnyConnection, user: UserId) -> Result<bool, sqlx::Error> {
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
