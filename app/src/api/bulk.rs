//! Numbers for many users at once: suggestions to start from, a check of
//! the reviewed rows that writes nothing, and the save of all rows in one
//! transaction, as one change set, or of none.

use leptos::prelude::*;
use server_fn::codec::Json;

use super::ApiError;
use crate::domain::{
    BulkRow, ProgressKey, RowViolations, Saved, SuggestRequest, Suggestion, VoiceUser,
};

/// For each user, the next free user number of their usage location's
/// country that their licences allow, none suggested twice.
#[server(prefix = "/api", endpoint = "bulk/suggest", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn suggest_numbers(request: SuggestRequest) -> Result<Vec<Suggestion>, ApiError> {
    ssr::suggest(request).await
}

/// Every problem of every row, as Save would find it now; writes nothing.
#[server(prefix = "/api", endpoint = "bulk/check", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn check_rows(
    rows: Vec<BulkRow>,
    /// The caller's name for this request, to follow it with `api::progress`.
    #[server(default)]
    progress: Option<ProgressKey>,
) -> Result<Vec<RowViolations>, ApiError> {
    ssr::check(rows, progress).await
}

/// Saves every row (a number and location, or none) in one transaction, as
/// one change set; refused with every row's problems, writing nothing,
/// when any row breaks a rule.
#[server(prefix = "/api", endpoint = "bulk/save", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn save_rows(
    rows: Vec<BulkRow>,
    /// The caller's name for this request, to follow it with `api::progress`.
    #[server(default)]
    progress: Option<ProgressKey>,
) -> Result<Saved<Vec<VoiceUser>>, ApiError> {
    ssr::save(rows, progress).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use std::collections::{HashMap, HashSet};

    use super::*;
    use crate::api::access::authorize;
    use crate::api::apply_set::{apply_set, Target};
    use crate::api::bulk_rows::{judged, prepare, Judged};
    use crate::api::write::write_reading_as;
    use crate::domain::{
        grouped, Country, Licence, NumberSource, Permission, Stage, UserId, MAX_BULK_ROWS,
    };
    use crate::store;

    /// Users who may take the same numbers: one country, the same sources.
    type Group = (Country, Vec<NumberSource>);

    fn bounded(count: usize) -> Result<(), ApiError> {
        if count == 0 {
            return Err(ApiError::bad_request("Choose at least one user."));
        }
        if count > MAX_BULK_ROWS {
            return Err(ApiError::TooLarge {
                message: format!(
                    "{} rows are too many: save at most {} at a time.",
                    grouped(count as u64),
                    grouped(MAX_BULK_ROWS as u64)
                ),
            });
        }
        Ok(())
    }

    pub async fn check(
        rows: Vec<BulkRow>,
        progress: Option<ProgressKey>,
    ) -> Result<Vec<RowViolations>, ApiError> {
        bounded(rows.len())?;
        let (state, caller) = authorize(Permission::ManageVoice).await?;
        let tracking = state.progress.start(caller.account.id, progress, false);
        let (rows, reads, batch) = prepare(rows, tracking.clone()).await?;
        let mut conn = state.pool.acquire().await?;
        let found = batch.fetch(&mut conn).await?;
        drop(conn);
        match judged(rows, reads, found, state.clock.today(), tracking).await? {
            Judged::Fine(_) => Ok(Vec::new()),
            Judged::Refused(problems) => Ok(problems),
        }
    }

    #[tracing::instrument(skip_all, fields(rows = rows.len()))]
    pub async fn save(
        rows: Vec<BulkRow>,
        progress: Option<ProgressKey>,
    ) -> Result<Saved<Vec<VoiceUser>>, ApiError> {
        bounded(rows.len())?;
        let (state, caller) = authorize(Permission::ManageVoice).await?;
        let tracking = state.progress.start(caller.account.id, progress, true);
        let (rows, reads, mut batch) = prepare(rows, tracking.clone()).await?;
        let next = store::change_sets::push_next_id(&mut batch);
        write_reading_as(state, caller, batch, async move |w, found| {
            let id = store::change_sets::read_next_id(found.first(next))?;
            let targets = match judged(rows, reads, found, w.today(), tracking.clone()).await? {
                Judged::Fine(targets) => targets,
                Judged::Refused(rows) => return Err(ApiError::RowsRejected { rows }),
            };
            tracking.stage(Stage::Writing, targets.len());
            let summary = summary(&targets);
            let saved = apply_set(w, id, summary, None, targets).await?;
            tracing::info!(change_set = ?saved.change_set, "bulk save");
            Ok(saved)
        })
        .await
    }

    /// "Numbers for 25 users: 20 assigned, 4 changed, 1 removed".
    fn summary(targets: &[Target]) -> String {
        let (mut assigned, mut changed, mut removed) = (0, 0, 0);
        for t in targets {
            match (&t.user.assigned_number, &t.to) {
                (None, Some(_)) => assigned += 1,
                (Some(_), Some(_)) => changed += 1,
                (Some(_), None) => removed += 1,
                (None, None) => {}
            }
        }
        let parts: Vec<String> = [
            (assigned, "assigned"),
            (changed, "changed"),
            (removed, "removed"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        format!("Numbers for {} users: {}", targets.len(), parts.join(", "))
    }

    pub async fn suggest(request: SuggestRequest) -> Result<Vec<Suggestion>, ApiError> {
        bounded(request.users.len())?;
        let (state, _) = authorize(Permission::ManageVoice).await?;
        let today = state.clock.today();
        let mut conn = state.pool.acquire().await?;
        let mut batch = store::Batch::new();
        let step = store::sets::push_users(&mut batch, &request.users);
        let found = batch.fetch(&mut conn).await?;
        let users: HashMap<_, _> = store::sets::read_all(found.rows(step), store::users::read_one)?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        // Users who may take the same numbers ask for them together, groups
        // in the order their first user came.
        let mut groups: Vec<(Group, Vec<UserId>)> = Vec::new();
        for id in &request.users {
            if let Some(user) = users.get(id) {
                let sources: Vec<NumberSource> = NumberSource::ALL
                    .iter()
                    .copied()
                    .filter(|s| Licence::allow(&user.licences, *s))
                    .collect();
                if sources.is_empty() {
                    continue;
                }
                let key = (user.usage_location, sources);
                match groups.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, ids)) => ids.push(*id),
                    None => groups.push((key, vec![*id])),
                }
            }
        }
        let mut given = HashSet::new();
        let mut chosen = HashMap::new();
        for ((country, sources), ids) in &groups {
            let wanted = ids.len() + given.len();
            let free = store::free_numbers::free(
                &mut conn,
                &today,
                *country,
                sources,
                &request.narrow,
                wanted,
            )
            .await?;
            let fresh: Vec<_> = free
                .into_iter()
                .filter(|(_, n)| !given.contains(&n.number.e164))
                .collect();
            let mut free = fresh.into_iter();
            for id in ids {
                if let Some((_, n)) = free.next() {
                    given.insert(n.number.e164.clone());
                    chosen.insert(*id, n);
                }
            }
        }
        Ok(request
            .users
            .iter()
            .map(|id| {
                let number = chosen.remove(id);
                let note = match (users.get(id), &number) {
                    (_, Some(_)) => None,
                    (None, _) => Some(format!("There is no voice user {id}.")),
                    (Some(u), None)
                        if !Licence::allow(&u.licences, NumberSource::DirectRouting) =>
                    {
                        Some("Needs Phone System or Enterprise E5 before a number.".to_owned())
                    }
                    (Some(u), None) => Some(format!(
                        "No free number in {} matches; widen the city or range.",
                        u.usage_location
                    )),
                };
                Suggestion {
                    user_id: *id,
                    number,
                    note,
                }
            })
            .collect())
    }
}
