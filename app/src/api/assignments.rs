//! Assign, change and remove a user's number: the writes. Each runs in one
//! transaction that holds the write lock from the rule check to the commit.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{LocationId, Saved, UserId, VoiceUser};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AssignRequest {
    pub user_id: UserId,
    /// The number as E.164 or as typed in international form.
    pub number: String,
    pub location_id: Option<LocationId>,
    /// The user's version the admin was looking at.
    pub expected_version: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RemoveRequest {
    pub user_id: UserId,
    pub expected_version: i64,
}

/// The most users one "Remove selected assigned number?" may cover.
pub const MAX_REMOVE: usize = 200;

/// Assigns a number (and its emergency location) to a user, or changes the
/// number or location the user already has. Returns the user as now stored,
/// and the change set to undo it by.
#[server(prefix = "/api", endpoint = "assignments/assign", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn assign_number(request: AssignRequest) -> Result<Saved<VoiceUser>, ApiError> {
    ssr::assign(request).await
}

/// Takes a user's number back into the unassigned inventory.
#[server(prefix = "/api", endpoint = "assignments/remove", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn remove_number(request: RemoveRequest) -> Result<Saved<VoiceUser>, ApiError> {
    ssr::remove(request).await
}

/// Takes the numbers of several selected users back into the unassigned
/// inventory, all or none: if any user changed meanwhile, nothing is removed.
#[server(prefix = "/api", endpoint = "assignments/remove-selected", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn remove_numbers(
    requests: Vec<RemoveRequest>,
) -> Result<Saved<Vec<VoiceUser>>, ApiError> {
    ssr::remove_many(requests).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::user_versions::checked;
    use crate::api::write::{write_reading, wrote_one};
    use crate::domain::{
        check_assignment, AuditAction, AuditRecord, Holding, NumberLookup, Permission, UserChange,
        Violation, E164,
    };
    use crate::{phone_format, store};

    #[tracing::instrument(skip_all, fields(user = %request.user_id))]
    pub async fn assign(request: AssignRequest) -> Result<Saved<VoiceUser>, ApiError> {
        let number = phone_format::parse_input(&request.number)
            .map_err(|e| ApiError::bad_request(e.to_string()))?;
        // The user, the number and the location in the call that begins
        // the transaction.
        let mut reads = store::Batch::new();
        let user_step = store::users::push_get(&mut reads, request.user_id);
        let number_step = store::numbers::push_find(&mut reads, &number.e164);
        let location_step = request
            .location_id
            .map(|id| (id, store::locations::push_find(&mut reads, id)));
        let set_step = store::change_sets::push_next_id(&mut reads);
        write_reading(Permission::ManageVoice, reads, async |w, read| {
            let today = w.today();
            let found_user = read
                .first(user_step)
                .map(store::users::read_one)
                .transpose()?;
            let user = checked(found_user, request.user_id, request.expected_version)?;
            let found = match read.first(number_step) {
                Some(row) => store::numbers::read_found(row)?,
                None => None,
            };
            let location = match location_step {
                None => None,
                Some((id, step)) => {
                    let row = read.first(step);
                    let location = row.map(store::locations::read).transpose()?.flatten();
                    Some(location.ok_or_else(|| {
                        ApiError::not_found(format!("There is no emergency location with id {id}."))
                    })?)
                }
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
                return Err(ApiError::internal(
                    "check_assignment passed a missing number or location",
                ));
            };
            if user.holds(&n.number.e164, location.id) {
                // Saving what is already there changes nothing and records nothing.
                return Ok(Saved {
                    saved: user,
                    change_set: None,
                });
            }
            let at = w.state.clock.timestamp();
            let location_id = location.id;
            let action = if user.assigned_number.is_some() {
                AuditAction::NumberChanged
            } else {
                AuditAction::NumberAssigned
            };
            let summary = match action {
                AuditAction::NumberAssigned => {
                    format!(
                        "Assigned {} to {}",
                        n.number.international, user.display_name
                    )
                }
                _ => format!(
                    "Changed {}'s number to {} at {}",
                    user.display_name, n.number.international, location.description
                ),
            };
            let saved = user.with_number(n.clone(), location, w.state.confirm_at_once);
            // The change set, the assignment, the user's next version, the
            // audit entry and the commit in one call: each call is time the
            // other writers wait. Each statement changes what this
            // transaction read under the write lock, so it does its part or
            // fails the call.
            let mut batch = store::Batch::new();
            let set = store::change_sets::read_next_id(read.first(set_step))?;
            let change = UserChange {
                user: user.id,
                before: Holding::of(&user),
                after: Holding::of(&saved),
                version_after: user.version + 1,
            };
            w.record_set(&mut batch, set, summary, None, &[change]);
            let put =
                store::assignments::push_put(&mut batch, user.id, number_id, location_id, &at);
            let bumped = store::users::push_bump_version(&mut batch, user.id, user.version);
            w.audit_in(
                &mut batch,
                action,
                &AuditRecord::voice_change(&user, &saved),
            );
            let changed = match w.tx.commit_with(batch).await {
                Ok(changed) => changed,
                Err(e) if is_unique_violation(&e) => {
                    // The unique constraint had the last word: someone
                    // holds it. The failed commit undid the rest.
                    return Err(already_assigned(&mut w.tx, &n.number.e164).await);
                }
                Err(e) => return Err(e.into()),
            };
            wrote_one(&changed, put, "the assignment")?;
            wrote_one(&changed, bumped, "the user's version")?;
            tracing::info!(number = %number.e164, location = %location_id, "number assigned");
            Ok(Saved {
                saved,
                change_set: Some(set),
            })
        })
        .await
    }

    pub async fn remove(request: RemoveRequest) -> Result<Saved<VoiceUser>, ApiError> {
        let Saved {
            saved: mut removed,
            change_set,
        } = remove_many(vec![request]).await?;
        let saved = removed
            .pop()
            .ok_or_else(|| ApiError::internal("removing one number returned no user"))?;
        Ok(Saved { saved, change_set })
    }

    #[tracing::instrument(skip_all, fields(users = requests.len()))]
    pub async fn remove_many(
        requests: Vec<RemoveRequest>,
    ) -> Result<Saved<Vec<VoiceUser>>, ApiError> {
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
        // Every user in the call that begins the transaction.
        let mut reads = store::Batch::new();
        let steps: Vec<_> = requests
            .iter()
            .map(|r| store::users::push_get(&mut reads, r.user_id))
            .collect();
        let set_step = store::change_sets::push_next_id(&mut reads);
        write_reading(Permission::ManageVoice, reads, async |w, read| {
            let mut users = Vec::with_capacity(requests.len());
            for (request, step) in requests.iter().zip(steps) {
                let found = read.first(step).map(store::users::read_one).transpose()?;
                let user = checked(found, request.user_id, request.expected_version)?;
                if user.assigned_number.is_none() {
                    return Err(ApiError::Stale {
                        message: format!("{} has no assigned number to remove.", user.display_name),
                        current: Some(Box::new(user)),
                    });
                }
                users.push(user);
            }
            // The change set, every removal, version and audit entry, and
            // the commit in one call, each changing what was just read (as
            // in `assign`).
            let mut batch = store::Batch::new();
            let set = store::change_sets::read_next_id(read.first(set_step))?;
            let changes: Vec<UserChange> = users
                .iter()
                .map(|u| UserChange {
                    user: u.id,
                    before: Holding::of(u),
                    after: None,
                    version_after: u.version + 1,
                })
                .collect();
            let summary = match users.as_slice() {
                [one] => format!(
                    "Removed {} from {}",
                    one.assigned_number
                        .as_ref()
                        .map_or("the number", |n| n.number.international.as_str()),
                    one.display_name
                ),
                many => format!("Removed the numbers of {} users", many.len()),
            };
            w.record_set(&mut batch, set, summary, None, &changes);
            let mut steps = Vec::with_capacity(users.len());
            for user in &users {
                let removed = store::assignments::push_remove(&mut batch, user.id);
                let bumped = store::users::push_bump_version(&mut batch, user.id, user.version);
                w.audit_in(
                    &mut batch,
                    AuditAction::NumberRemoved,
                    &AuditRecord::number_removed(user, String::new()),
                );
                steps.push((removed, bumped));
            }
            let changed = w.tx.commit_with(batch).await?;
            let mut removed = Vec::with_capacity(users.len());
            for (user, (gone, bumped)) in users.into_iter().zip(steps) {
                wrote_one(&changed, gone, "a removal")?;
                wrote_one(&changed, bumped, "a user's version")?;
                removed.push(user.without_number(w.state.confirm_at_once));
            }
            tracing::info!(users = ?ids, "numbers removed");
            Ok(Saved {
                saved: removed,
                change_set: Some(set),
            })
        })
        .await
    }

    fn is_unique_violation(e: &sqlx::Error) -> bool {
        e.as_database_error()
            .is_some_and(|e| e.is_unique_violation())
    }

    /// The refusal for a number the unique constraint found taken.
    async fn already_assigned(conn: &mut sqlx::AnyConnection, e164: &E164) -> ApiError {
        let holder = match store::numbers::find(conn, e164).await {
            Ok(found) => found.and_then(|(_, n)| n.holder).map(|h| h.display_name),
            Err(e) => return e.into(),
        };
        ApiError::Rejected {
            violations: vec![Violation::AlreadyAssigned {
                number: e164.to_string(),
                holder: holder.unwrap_or_else(|| "another user".to_owned()),
            }],
        }
    }
}
