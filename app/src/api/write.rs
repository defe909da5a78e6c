//! Every change the console makes goes through [`write`]: authorize the
//! caller, take the database's write lock for the whole change (so the rules
//! are checked against the data they will change), let the change run,
//! append its audit entries in the same transaction, commit. A change that
//! returns an error, or whose audit entry can't be written, leaves nothing
//! behind.

use super::access::authorize;
use super::ApiError;
use crate::auth::session::Caller;
use crate::domain::{
    Activation, AuditAction, AuditRecord, ChangeSetId, Date, JobAction, NewJob, Permission,
    UserChange, E164,
};
use crate::state::AppState;
use crate::store;

/// A change in progress: who makes it, and the transaction it writes in.
pub struct Write {
    pub state: AppState,
    pub caller: Caller,
    pub tx: store::WriteTx,
    /// The change set this write records, once [`Write::record_set`] named it.
    pub change_set: Option<ChangeSetId>,
}

impl Write {
    /// Appends an entry for this change to the audit log, naming the caller.
    pub async fn audit(
        &mut self,
        action: AuditAction,
        record: AuditRecord,
    ) -> Result<(), ApiError> {
        let at = self.state.clock.now();
        let actor = self.caller.actor();
        store::audit::append(&mut self.tx, at, &actor, action, &record).await?;
        Ok(())
    }

    /// [`Write::audit`] as a statement of `batch`, sent with the change's
    /// own statements.
    pub fn audit_in(&self, batch: &mut store::Batch, action: AuditAction, record: &AuditRecord) {
        let at = self.state.clock.now();
        let actor = self.caller.actor();
        store::audit::push_append(batch, at, &actor, action, record, self.change_set);
    }

    /// Records this write as the change set `id` (read with
    /// `store::change_sets::push_next_id` in this transaction): what it did
    /// to each of `users`, for undo. Audit entries added after name it.
    pub fn record_set(
        &mut self,
        batch: &mut store::Batch,
        id: ChangeSetId,
        summary: String,
        undoes: Option<ChangeSetId>,
        users: &[UserChange],
    ) {
        store::change_sets::push_insert(
            batch,
            &store::change_sets::NewSet {
                id,
                at: self.state.clock.now(),
                actor: &self.caller.actor(),
                summary,
                undoes,
                users,
                confirmed: self.state.confirm_at_once,
                reuse_until: self.reuse_until(),
            },
        );
        self.change_set = Some(id);
    }

    /// Until when a number given back now stays blocked from re-use, if
    /// the server blocks numbers at all (`--reuse-block-days`).
    pub fn reuse_until(&self) -> Option<Date> {
        let days = self.state.reuse_block_days;
        (days > 0).then(|| self.today().add_days(i64::from(days)))
    }

    /// The activation a number added now starts with: active at once with
    /// no phone system; pending otherwise, until the phone system confirms
    /// the job [`Write::activate`] writes.
    pub fn new_number_activation(&self) -> Activation {
        if self.state.confirm_at_once {
            Activation::Active
        } else {
            Activation::Pending
        }
    }

    /// Asks the phone system to activate `numbers`, just added (nothing to
    /// ask with no phone system).
    pub async fn activate(&mut self, numbers: &[E164]) -> Result<(), ApiError> {
        if self.state.confirm_at_once || numbers.is_empty() {
            return Ok(());
        }
        let jobs: Vec<NewJob> = numbers
            .iter()
            .map(|n| NewJob {
                action: JobAction::Activate,
                number: n.clone(),
                user: None,
            })
            .collect();
        let actor = self.caller.actor();
        let of = store::provisioning::JobsOf {
            set: None,
            at: self.state.clock.now(),
            actor: &actor,
            confirmed: false,
        };
        let mut batch = store::Batch::new();
        store::provisioning::push_jobs(&mut batch, &of, &jobs);
        batch.run(&mut self.tx).await?;
        Ok(())
    }

    pub fn today(&self) -> Date {
        self.state.clock.today()
    }
}

/// Runs `change` for a caller whose role grants `permission` (401 or 403
/// otherwise), and commits what it did if it succeeds.
pub async fn write<T>(
    permission: Permission,
    change: impl AsyncFnOnce(&mut Write) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let (state, caller) = authorize(permission).await?;
    write_as(state, caller, change).await
}

/// As [`write`], for a change that starts by reading: `reads` go to SQLite
/// with the transaction's `BEGIN`, and `change` gets what they found.
pub async fn write_reading<T>(
    permission: Permission,
    reads: store::Batch,
    change: impl AsyncFnOnce(&mut Write, store::Fetched) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let (state, caller) = authorize(permission).await?;
    write_reading_as(state, caller, reads, change).await
}

/// As [`write`], for a caller already authorized: a function that must do
/// slow work (hashing a password) between deciding who may call it and
/// taking the write lock.
pub async fn write_as<T>(
    state: AppState,
    caller: Caller,
    change: impl AsyncFnOnce(&mut Write) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    write_reading_as(state, caller, store::Batch::new(), async move |w, _| {
        change(w).await
    })
    .await
}

/// As [`write_reading`], for a caller already authorized.
pub async fn write_reading_as<T>(
    state: AppState,
    caller: Caller,
    reads: store::Batch,
    change: impl AsyncFnOnce(&mut Write, store::Fetched) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let (tx, found) = state.writer.begin_reading(reads).await?;
    let mut write = Write {
        state,
        caller,
        tx,
        change_set: None,
    };
    let done = change(&mut write, found).await?;
    write.tx.commit().await?;
    Ok(done)
}

/// What a committed statement must have changed: one row. Its change was
/// decided on data read under the same write lock, so another count is a
/// fault of the server's, not a race lost.
pub fn wrote_one(changed: &store::Changed, step: store::Step, what: &str) -> Result<(), ApiError> {
    wrote(changed, step, 1, what)
}

/// As [`wrote_one`], for a statement that must have changed `expected` rows.
pub fn wrote(
    changed: &store::Changed,
    step: store::Step,
    expected: u64,
    what: &str,
) -> Result<(), ApiError> {
    match changed.rows(step) {
        n if n == expected => Ok(()),
        n => Err(ApiError::internal(format!(
            "{what}: {n} rows changed where {expected} should have, after the commit"
        ))),
    }
}
