//! Several statements sent to SQLite in one call. With sqlx every call is
//! a round trip to the connection's own thread, about 50 µs on the 2-core
//! machine even for `SELECT 1`; under the write lock each one is time every
//! other writer waits. A change's writes (the assignment, the user's new
//! version, the audit entry) go together, and each statement's count of
//! changed rows comes back in order. The statements stay in their tables'
//! files (`push_*` beside each function).

use std::sync::Arc;

use super::{Dialect, Sql};
use futures_util::TryStreamExt;
use sqlx::any::{AnyArguments, AnyQueryResult, AnyRow};
use sqlx::{AnyConnection, AssertSqlSafe, Either, Execute, Executor};

/// Batches of at most this many statements keep their prepared statements
/// for the next call: the writes and reads every request sends.
const CACHED_UP_TO: usize = 16;

/// Called once for every row a [`Batch::fetch`] receives, as it arrives:
/// how a long read reports its progress.
pub type RowObserver = Arc<dyn Fn() + Send + Sync>;

/// The statements to send, and how many there are.
pub struct Batch {
    sql: Sql,
    statements: usize,
    /// Where each statement is in `sql`: PostgreSQL takes them one by one.
    bounds: Vec<(usize, usize)>,
    frame: Frame,
    observer: Option<RowObserver>,
}

/// Whole statements without values sent just before and after a batch's
/// own, and left out of its answer: how a write transaction begins in the
/// call that sends its first reads and ends in the one that sends its writes.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Frame {
    pub before: Option<&'static str>,
    pub after: Option<&'static str>,
}

/// Which statement of a batch: its place in [`Batch::run`]'s answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step(usize);

impl Default for Batch {
    fn default() -> Self {
        Self::new()
    }
}

impl Batch {
    pub fn new() -> Self {
        Self {
            sql: Sql::new(""),
            statements: 0,
            bounds: Vec::new(),
            frame: Frame::default(),
            observer: None,
        }
    }

    /// This batch, telling `observer` of each row it fetches.
    pub fn observed(mut self, observer: Option<RowObserver>) -> Self {
        self.observer = observer;
        self
    }

    /// This batch, sent inside `frame`.
    pub(super) fn framed(mut self, frame: Frame) -> Self {
        self.frame = frame;
        self
    }

    /// Adds one statement, which `write` builds (binding its values).
    pub fn push(&mut self, write: impl FnOnce(&mut Sql)) -> Step {
        if self.statements > 0 {
            self.sql.push("; ");
        }
        let start = self.sql.len();
        write(&mut self.sql);
        self.bounds.push((start, self.sql.len()));
        self.statements += 1;
        Step(self.statements - 1)
    }

    /// Runs every statement, in order, on `conn`; stops at the first error.
    pub async fn run(self, conn: &mut AnyConnection) -> Result<Changed, sqlx::Error> {
        let (expected, frame) = (self.statements, self.frame);
        let mut counts = Vec::with_capacity(expected + 2);
        self.send(conn, |result| {
            if let Either::Left(done) = result {
                counts.push(done.rows_affected());
            }
        })
        .await?;
        Ok(Changed(answered(counts, expected, frame)?))
    }

    /// Runs every statement, in order, on `conn`, and keeps the rows each
    /// returns: for reads that belong together.
    pub async fn fetch(mut self, conn: &mut AnyConnection) -> Result<Fetched, sqlx::Error> {
        let (expected, frame) = (self.statements, self.frame);
        let mut rows = vec![Vec::new()];
        let observer = self.observer.take();
        self.send(conn, |result| match result {
            Either::Right(row) => {
                if let Some(observe) = &observer {
                    observe();
                }
                rows.last_mut().expect("a statement's rows").push(row);
            }
            // Each statement ends with its result.
            Either::Left(_) => rows.push(Vec::new()),
        })
        .await?;
        rows.pop();
        Ok(Fetched(answered(rows, expected, frame)?))
    }

    /// Sends the statements, framed, as one query, and hands each result
    /// to `each`; [`answered`] then drops the frame's own.
    async fn send(
        mut self,
        conn: &mut AnyConnection,
        mut each: impl FnMut(Either<AnyQueryResult, AnyRow>),
    ) -> Result<(), sqlx::Error> {
        if self.statements == 0 && self.frame.before.is_none() && self.frame.after.is_none() {
            return Ok(());
        }
        if Dialect::of(conn) == Dialect::Postgres {
            return self.send_one_by_one(conn, each).await;
        }
        let mut sql = String::new();
        for part in [self.frame.before, Some(self.sql.sql()), self.frame.after]
            .into_iter()
            .flatten()
            .filter(|part| !part.is_empty())
        {
            if !sql.is_empty() {
                sql.push_str("; ");
            }
            sql.push_str(part);
        }
        let arguments = self
            .sql
            .build()
            .take_arguments()
            .map_err(sqlx::Error::Encode)?
            .unwrap_or_default();
        // A batch of many statements is built once (a bulk save's): caching
        // its prepared statements would only hold memory.
        let persistent = self.statements <= CACHED_UP_TO;
        // sqlx 0.9 marks several statements in one prepared query as
        // deprecated (launchbadge/sqlx#3108) while its SQLite driver still
        // runs them; should a later sqlx drop it, SQLite goes one by one too.
        stream(conn, sql, arguments, persistent, &mut each).await
    }

    /// [`Batch::send`] for PostgreSQL, which prepares one statement at a
    /// time: the frame and each statement in turn, on the same connection.
    async fn send_one_by_one(
        mut self,
        conn: &mut AnyConnection,
        mut each: impl FnMut(Either<AnyQueryResult, AnyRow>),
    ) -> Result<(), sqlx::Error> {
        let persistent = self.statements <= CACHED_UP_TO;
        // The frame's statements carry no values: one simple query each,
        // which may hold several (`BEGIN; SELECT pg_advisory_xact_lock(…)`).
        if let Some(before) = self.frame.before {
            each(Either::Left(conn.execute(before).await?));
        }
        for (sql, arguments) in self.sql.split(&self.bounds) {
            stream(conn, sql, arguments, persistent, &mut each).await?;
        }
        if let Some(after) = self.frame.after {
            each(Either::Left(conn.execute(after).await?));
        }
        Ok(())
    }
}

/// Runs `sql` and hands each result, in order, to `each`.
async fn stream(
    conn: &mut AnyConnection,
    sql: String,
    arguments: AnyArguments,
    persistent: bool,
    each: &mut impl FnMut(Either<AnyQueryResult, AnyRow>),
) -> Result<(), sqlx::Error> {
    #[allow(deprecated)]
    let mut results = sqlx::query_with(AssertSqlSafe(sql), arguments)
        .persistent(persistent)
        .fetch_many(&mut *conn);
    while let Some(result) = results.try_next().await? {
        each(result);
    }
    Ok(())
}

/// The answers of the batch's own statements out of `all`, checking that
/// every statement answered.
fn answered<T>(mut all: Vec<T>, expected: usize, frame: Frame) -> Result<Vec<T>, sqlx::Error> {
    let before = usize::from(frame.before.is_some());
    let after = usize::from(frame.after.is_some());
    if all.len() != before + expected + after {
        return Err(sqlx::Error::Protocol(format!(
            "a batch of {expected} statements (and {} around them) answered {}",
            before + after,
            all.len()
        )));
    }
    all.truncate(before + expected);
    all.drain(..before);
    Ok(all)
}

/// The rows each statement of a batch returned.
pub struct Fetched(Vec<Vec<AnyRow>>);

impl std::fmt::Debug for Fetched {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rows: Vec<usize> = self.0.iter().map(Vec::len).collect();
        f.debug_tuple("Fetched").field(&rows).finish()
    }
}

impl Fetched {
    /// The first row `step` returned, if any.
    pub fn first(&self, step: Step) -> Option<&AnyRow> {
        self.0[step.0].first()
    }

    /// Every row `step` returned.
    pub fn rows(&self, step: Step) -> &[AnyRow] {
        &self.0[step.0]
    }
}

/// How many rows each statement of a batch changed.
#[derive(Debug)]
pub struct Changed(Vec<u64>);

impl Changed {
    pub fn rows(&self, step: Step) -> u64 {
        self.0[step.0]
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use sqlx::{Connection, Row};

    use super::*;

    #[tokio::test]
    async fn an_observed_fetch_counts_every_row_as_it_arrives() {
        sqlx::any::install_default_drivers();
        let mut conn = AnyConnection::connect("sqlite::memory:").await.unwrap();
        let seen = Arc::new(AtomicUsize::new(0));
        let counter = seen.clone();
        let mut batch = Batch::new().observed(Some(Arc::new(move || {
            counter.fetch_add(1, Ordering::Relaxed);
        })));
        let three = batch.push(|sql| {
            sql.push("SELECT value FROM json_each('[1,2,3]')");
        });
        let none = batch.push(|sql| {
            sql.push("SELECT 1 WHERE 0");
        });
        let fetched = batch.fetch(&mut conn).await.unwrap();
        let values: Vec<i64> = fetched.rows(three).iter().map(|r| r.get(0)).collect();
        assert_eq!(values, [1, 2, 3]);
        assert!(fetched.rows(none).is_empty());
        assert_eq!(seen.load(Ordering::Relaxed), 3);
    }
}
