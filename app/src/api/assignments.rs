//! Assign, change and remove a user's number: the writes. Each runs in one
//! transaction that holds the write lock from the rule check to the commit.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{LocationId, UserId, VoiceUser};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignRequest {
    pub user_id: UserId,
    /// The number as E.164 or as typed in international form.
    pub number: String,
    pub location_id: Option<LocationId>,
    /// The user's version the admin was looking at.
    pub expected_version: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoveRequest {
    pub user_id: UserId,
    pub expected_version: i64,
}

/// Assigns a number (and its emergency location) to a user, or changes the
/// number or location the user already has. Returns the user as now stored.
#[server(prefix = "/api", endpoint = "assignments/assign", input = Json)]
pub async fn assign_number(request: AssignRequest) -> Result<VoiceUser, ApiError> {
    super::server::respond(ssr::assign(request).await)
}

/// Takes a user's number back into the unassigned inventory.
#[server(prefix = "/api", endpoint = "assignments/remove", input = Json)]
pub async fn remove_number(request: RemoveRequest) -> Result<VoiceUser, ApiError> {
    super::server::respond(ssr::remove(request).await)
}

/// The most users one "Remove selected assigned number?" may cover.
pub const MAX_REMOVE: usize = 200;

/// Takes the numbers of several selected users back into the unassigned
/// inventory, all or none: if any user changed meanwhile, nothing is removed.
#[server(prefix = "/api", endpoint = "assignments/remove-selected", input = Json)]
pub async fn remove_numbers(requests: Vec<RemoveRequest>) -> Result<Vec<VoiceUser>, ApiError> {
    super::server::respond(ssr::remove_many(requests).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use sqlx::SqliteConnection;

    use super::*;
    use crate::api::audit::ssr::{describe_voice, number_removed, record};
    use crate::api::server::authorize;
    use crate::domain::{check_assignment, AuditAction, NumberLookup, Permission, Violation};
    use crate::phone_format;
    use crate::store;
    use crate::store::audit::Record;

    pub async fn assign(request: AssignRequest) -> Result<VoiceUser, ApiError> {
        let number = phone_format::parse_input(&request.number)
            .map_err(|e| ApiError::bad_request(e.to_string()))?;
        let (state, caller) = authorize(Permission::ManageVoice).await?;
        let today = state.clock.today();
        let mut tx = store::begin_write(&state.pool).await?;

        let user = current_user(&mut tx, request.user_id, request.expected_version).await?;
        let found = store::numbers::find(&mut tx, &number.e164).await?;
        let location = match request.location_id {
            None => None,
            Some(id) => Some(store::locations::find(&mut tx, id).await?.ok_or_else(|| {
                ApiError::not_found(format!("There is no emergency location with id {id}."))
            })?),
        };
        let lookup = match &found {
            Some((_, n)) => NumberLookup::Found(n),
            None => NumberLookup::NotFound(&number.e164),
        };
        let violations = check_assignment(&user, lookup, location.as_ref(), &today);
        if !violations.is_empty() {
            return Err(ApiError::Rejected { violations });
        }
        let (Some((number_id, n)), Some(location)) = (found, location) else {
            // check_assignment reports a missing number or location.
            return Err(ApiError::Internal);
        };
        let unchanged = user.assigned_number.as_ref().map(|a| &a.number.e164)
            == Some(&n.number.e164)
            && user.emergency_location.as_ref().map(|l| l.id) == Some(location.id);
        if unchanged {
            // Saving what is already there changes nothing and records nothing.
            return Ok(user);
        }

        if !store::assignments::put(
            &mut tx,
            user.id,
            number_id,
            location.id,
            &state.clock.timestamp(),
        )
        .await?
        {
            let holder = store::numbers::find(&mut tx, &n.number.e164)
                .await?
                .and_then(|(_, n)| n.holder)
                .map(|h| h.display_name)
                .unwrap_or_else(|| "another user".to_owned());
            return Err(ApiError::Rejected {
                violations: vec![Violation::AlreadyAssigned {
                    number: n.number.e164.to_string(),
                    holder,
                }],
            });
        }
        bump(&mut tx, &user).await?;
        let saved = reload(&mut tx, user.id).await?;
        let action = if user.assigned_number.is_some() {
            AuditAction::NumberChanged
        } else {
            AuditAction::NumberAssigned
        };
        record(
            &mut tx,
            &state,
            &caller,
            action,
            Record {
                target: saved.display_name.clone(),
                user_name: Some(saved.display_name.clone()),
                number: Some(n.number.e164.to_string()),
                before: describe_voice(&user),
                after: describe_voice(&saved),
                ..Record::default()
            },
        )
        .await?;
        tx.commit().await?;
        tracing::info!(user = %saved.id, number = %n.number.e164, location = %location.id, "number assigned");
        Ok(saved)
    }

    pub async fn remove(request: RemoveRequest) -> Result<VoiceUser, ApiError> {
        let mut removed = remove_many(vec![request]).await?;
        removed.pop().ok_or(ApiError::Internal)
    }

    pub async fn remove_many(requests: Vec<RemoveRequest>) -> Result<Vec<VoiceUser>, ApiError> {
        if requests.is_empty() || requests.len() > MAX_REMOVE {
            return Err(ApiError::bad_request(format!(
                "Select between 1 and {MAX_REMOVE} users to remove numbers from."
            )));
        }
        let mut ids: Vec<UserId> = requests.iter().map(|r| r.user_id).collect();
        ids.sort();
        ids.dedup();
        if ids.len() != requests.len() {
            return Err(ApiError::bad_request("Each user may appear only once."));
        }

        let (state, caller) = authorize(Permission::ManageVoice).await?;
        let mut tx = store::begin_write(&state.pool).await?;
        let mut removed = Vec::with_capacity(requests.len());
        for request in &requests {
            let user = current_user(&mut tx, request.user_id, request.expected_version).await?;
            if !store::assignments::remove(&mut tx, user.id).await? {
                return Err(ApiError::Stale {
                    message: format!("{} has no assigned number to remove.", user.display_name),
                    current: Some(Box::new(user)),
                });
            }
            bump(&mut tx, &user).await?;
            record(
                &mut tx,
                &state,
                &caller,
                AuditAction::NumberRemoved,
                number_removed(&user, String::new()),
            )
            .await?;
            removed.push(reload(&mut tx, user.id).await?);
        }
        tx.commit().await?;
        for user in &removed {
            tracing::info!(user = %user.id, "number removed");
        }
        Ok(removed)
    }

    /// The user as stored now, provided nobody changed it since the admin
    /// read `expected_version`.
    pub(crate) async fn current_user(
        conn: &mut SqliteConnection,
        id: UserId,
        expected_version: i64,
    ) -> Result<VoiceUser, ApiError> {
        let user = store::users::get(conn, id)
            .await?
            .ok_or_else(|| ApiError::not_found(format!("There is no voice user with id {id}.")))?;
        if user.version != expected_version {
            return Err(stale(user));
        }
        Ok(user)
    }

    pub(crate) async fn bump(
        conn: &mut SqliteConnection,
        user: &VoiceUser,
    ) -> Result<(), ApiError> {
        if store::users::bump_version(conn, user.id, user.version).await? {
            Ok(())
        } else {
            Err(stale(reload(conn, user.id).await?))
        }
    }

    pub(crate) async fn reload(
        conn: &mut SqliteConnection,
        id: UserId,
    ) -> Result<VoiceUser, ApiError> {
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
}
