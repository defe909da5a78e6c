//! Billing > Licenses, and a user's licences from the action pane.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{Licence, UserId, VoiceUser};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LicenceCount {
    pub licence: Licence,
    pub purchased: i64,
    pub assigned: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LicenceChange {
    pub user_id: UserId,
    pub licence: Licence,
    /// True to assign the licence, false to remove it.
    pub assign: bool,
    pub expected_version: i64,
    /// When removing a licence the user's number depends on: also remove
    /// the number (the admin confirmed), instead of refusing.
    pub also_remove_number: bool,
}

/// The organisation's licences with purchased and assigned counts.
#[server(prefix = "/api", endpoint = "licences/list", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_licences() -> Result<Vec<LicenceCount>, ApiError> {
    ssr::list().await
}

/// Assigns a licence to a user or removes it, in one transaction. Removing a
/// licence the user's number needs is refused (409 `LicenceNeeded`) unless
/// `also_remove_number` says to take the number back too.
#[server(prefix = "/api", endpoint = "licences/change", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn change_licence(change: LicenceChange) -> Result<VoiceUser, ApiError> {
    ssr::change(change).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::access::authorize;
    use crate::api::user_versions::{bump, current_user, reload};
    use crate::api::write::write;
    use crate::domain::{AuditAction, AuditRecord, JobAction, NewJob, Permission};
    use crate::store;

    pub async fn list() -> Result<Vec<LicenceCount>, ApiError> {
        let (state, _) = authorize(Permission::ViewLicences).await?;
        let mut conn = state.pool.acquire().await?;
        Ok(store::licences::counts(&mut conn)
            .await?
            .into_iter()
            .map(|(licence, purchased, assigned)| LicenceCount {
                licence,
                purchased,
                assigned,
            })
            .collect())
    }

    #[tracing::instrument(skip_all, fields(user = %change.user_id, licence = change.licence.code()))]
    pub async fn change(change: LicenceChange) -> Result<VoiceUser, ApiError> {
        write(Permission::ManageLicences, async |w| {
            let user = current_user(&mut w.tx, change.user_id, change.expected_version).await?;
            let holds = user.licences.contains(&change.licence);
            let name = change.licence.label();
            if change.assign && !holds {
                let counts = store::licences::counts(&mut w.tx).await?;
                let (purchased, assigned) = counts
                    .iter()
                    .find(|(l, _, _)| *l == change.licence)
                    .map(|(_, p, a)| (*p, *a))
                    .unwrap_or((0, 0));
                if assigned >= purchased {
                    return Err(ApiError::Conflict {
                        message: format!(
                            "All {purchased} {name} licenses are assigned. Buy more, or remove one from another user first."
                        ),
                    });
                }
                store::licences::give(&mut w.tx, user.id, change.licence).await?;
            } else if !change.assign && holds {
                let needed = user
                    .assigned_number
                    .as_ref()
                    .is_some_and(|n| Licence::needed_for(&user.licences, change.licence, n.source));
                if needed && !change.also_remove_number {
                    let number = user
                        .assigned_number
                        .as_ref()
                        .map(|n| n.number.international.clone())
                        .unwrap_or_default();
                    return Err(ApiError::LicenceNeeded {
                        message: format!(
                            "{}'s number {number} needs the {name} license. Remove the number too, or keep the license.",
                            user.display_name
                        ),
                    });
                }
                if needed {
                    store::assignments::remove(&mut w.tx, user.id).await?;
                    if let Some(held) = &user.assigned_number {
                        let unroute = NewJob {
                            action: JobAction::Unroute,
                            number: held.number.e164.clone(),
                            user: Some(user.id),
                        };
                        let mut batch = store::Batch::new();
                        let actor = w.caller.actor();
                        let of = store::provisioning::JobsOf {
                            set: None,
                            at: w.state.clock.now(),
                            actor: &actor,
                            confirmed: w.state.confirm_at_once,
                        };
                        store::provisioning::push_jobs(&mut batch, &of, std::slice::from_ref(&unroute));
                        if let Some(until) = w.reuse_until() {
                            store::numbers::push_block(&mut batch, &[unroute.number], &until);
                        }
                        batch.run(&mut w.tx).await?;
                    }
                    let record = AuditRecord::number_removed(&user, format!("with the {name} license"));
                    w.audit(AuditAction::NumberRemoved, record).await?;
                }
                store::licences::take(&mut w.tx, user.id, change.licence).await?;
            } else {
                // Already as asked: nothing to write.
                return Ok(user);
            }
            bump(&mut w.tx, &user).await?;
            let saved = reload(&mut w.tx, user.id).await?;
            let (action, before, after) = if change.assign {
                (AuditAction::LicenceAssigned, String::new(), name.to_owned())
            } else {
                (AuditAction::LicenceRemoved, name.to_owned(), String::new())
            };
            let record = AuditRecord {
                before,
                after,
                ..AuditRecord::for_user(&saved)
            };
            w.audit(action, record).await?;
            tracing::info!(assign = change.assign, "licence changed");
            Ok(saved)
        })
        .await
    }
}
