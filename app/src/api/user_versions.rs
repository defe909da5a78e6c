//! Optimistic concurrency for voice users: a change names the version of
//! the user the admin was looking at, and is refused (409 `Stale`, with the
//! user as they are now) when someone changed the user since.

use sqlx::AnyConnection;

use super::ApiError;
use crate::domain::{UserId, VoiceUser};
use crate::store;

/// The user as stored now, provided nobody changed it since the admin read
/// `expected_version`.
pub async fn current_user(
    conn: &mut AnyConnection,
    id: UserId,
    expected_version: i64,
) -> Result<VoiceUser, ApiError> {
    checked(store::users::get(conn, id).await?, id, expected_version)
}

/// `found` (the user `id` as read) provided it is still at
/// `expected_version`: 404 without them, 409 `Stale` at another version.
pub fn checked(
    found: Option<VoiceUser>,
    id: UserId,
    expected_version: i64,
) -> Result<VoiceUser, ApiError> {
    let user = found
        .ok_or_else(|| ApiError::not_found(format!("There is no voice user with id {id}.")))?;
    if user.version != expected_version {
        return Err(stale(user));
    }
    Ok(user)
}

/// Moves `user` to its next version, or refuses if another change got there first.
pub async fn bump(conn: &mut AnyConnection, user: &VoiceUser) -> Result<(), ApiError> {
    if store::users::bump_version(conn, user.id, user.version).await? {
        Ok(())
    } else {
        Err(stale(reload(conn, user.id).await?))
    }
}

/// The user as this transaction sees them now.
pub async fn reload(conn: &mut AnyConnection, id: UserId) -> Result<VoiceUser, ApiError> {
    store::users::get(conn, id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("Voice user {id} was deleted meanwhile.")))
}

fn stale(current: VoiceUser) -> ApiError {
    ApiError::Stale {
        message: format!(
            "{} was changed by another admin since you opened it. The details now show the current state; review them and try again.",
            current.display_name
        ),
        current: Some(Box::new(current)),
    }
}
