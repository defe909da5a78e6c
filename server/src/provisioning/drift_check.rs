//! The worker's drift checks: asked for on start, on a schedule and by an
//! admin (`app::api::drift`), done between delivery rounds. The database's
//! side is read first, then the phone system's: a change saved meanwhile
//! has a job this worker has not delivered yet, so the phone system can't
//! be ahead of what was read. (Another server's worker on a shared
//! database could be; its job is then in flight, or a later check settles it.)

use app::domain::{find_drift, AuditAction, AuditRecord, Drift, DriftKind};
use app::store::{self, Batch};

use super::Worker;
use crate::audit_retention::ACTOR;

impl Worker {
    /// Asks for a check, as the server (on start, and on its schedule).
    pub(super) async fn ask_for_drift_check(&self) -> anyhow::Result<()> {
        let mut tx = self.writer.begin().await?;
        store::drift::ask(&mut tx, self.clock.now(), ACTOR).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Does the newest check asked for, if any: true if it did one.
    pub(super) async fn check_drift(&self) -> anyhow::Result<bool> {
        let (id, expected, in_flight) = {
            let mut conn = self.pool.acquire().await?;
            let Some(id) = store::drift::asked(&mut conn).await? else {
                return Ok(false);
            };
            let expected = store::drift::expected_routes(&mut conn).await?;
            let in_flight = store::drift::in_flight(&mut conn).await?;
            (id, expected, in_flight)
        };
        let found: Result<Vec<Drift>, String> = match self.phone.routes().await {
            Ok(Some(actual)) => Ok(find_drift(&expected, &actual, &in_flight)),
            Ok(None) => Err("The phone system keeps no routes to compare.".to_owned()),
            Err(e) => Err(e.reason().to_owned()),
        };
        let now = self.clock.now();
        let mut batch = Batch::new();
        store::drift::push_result(&mut batch, id, now, found.as_deref().map_err(Clone::clone));
        if let Ok(drift) = &found {
            if !drift.is_empty() {
                let record = AuditRecord {
                    target: match drift.len() {
                        1 => drift[0].number.clone(),
                        n => format!("{n} numbers"),
                    },
                    after: tally(drift),
                    ..AuditRecord::default()
                };
                store::audit::push_append(
                    &mut batch,
                    now,
                    ACTOR,
                    AuditAction::DriftFound,
                    &record,
                    None,
                );
            }
        }
        let mut tx = self.writer.begin().await?;
        tx.commit_with(batch).await?;
        match &found {
            Ok(drift) => tracing::info!(check = id, differences = drift.len(), "drift checked"),
            Err(why) => tracing::warn!(check = id, reason = %why, "drift check failed"),
        }
        Ok(true)
    }
}

/// "2 assigned but not routed, 1 routed but unassigned".
fn tally(drift: &[Drift]) -> String {
    DriftKind::ALL
        .iter()
        .filter_map(|kind| {
            let n = drift.iter().filter(|d| d.kind == *kind).count();
            (n > 0).then(|| format!("{n} {}", kind.label().to_lowercase()))
        })
        .collect::<Vec<_>>()
        .join(", ")
}
