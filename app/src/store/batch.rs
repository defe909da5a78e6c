//! Several statements sent to SQLite in one call. With sqlx every call is
//! a round trip to the connection's own thread, about 50 µs on the 2-core
//! machine even for `SELECT 1`; under the write lock each one is time every
//! other writer waits. A change's writes (the assignment, the user's new
//! version, the audit entry) go together, and each statement's count of
//! changed rows comes back in order. The statements stay in their tables'
//! files (`push_*` beside each function).

use futures_util::TryStreamExt;
use sqlx::sqlite::SqliteRow;
use sqlx::{Either, QueryBuilder, Sqlite, SqliteConnection};

/// The statements to send, and how many there are.
pub struct Batch {
    sql: QueryBuilder<Sqlite>,
    statements: usize,
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
            sql: QueryBuilder::new(""),
            statements: 0,
        }
    }

    /// Adds one statement, which `write` builds (binding its values).
    pub fn push(&mut self, write: impl FnOnce(&mut QueryBuilder<Sqlite>)) -> Step {
        if self.statements > 0 {
            self.sql.push("; ");
        }
        write(&mut self.sql);
        self.statements += 1;
        Step(self.statements - 1)
    }

    /// Runs every statement, in order, on `conn`; stops at the first error.
    pub async fn run(mut self, conn: &mut SqliteConnection) -> Result<Changed, sqlx::Error> {
        let mut counts = Vec::with_capacity(self.statements);
        if self.statements > 0 {
            // sqlx 0.9 marks several statements in one prepared query as
            // deprecated (launchbadge/sqlx#3108) while its SQLite driver
            // still runs them; should a later sqlx drop it, this one place
            // goes back to a call per statement.
            #[allow(deprecated)]
            let mut results = self.sql.build().fetch_many(&mut *conn);
            while let Some(result) = results.try_next().await? {
                if let Either::Left(done) = result {
                    counts.push(done.rows_affected());
                }
            }
        }
        if counts.len() != self.statements {
            return Err(sqlx::Error::Protocol(format!(
                "a batch of {} statements reported {}",
                self.statements,
                counts.len()
            )));
        }
        Ok(Changed(counts))
    }
}

impl Batch {
    /// Runs every statement, in order, on `conn`, and keeps the rows each
    /// returns: for reads that belong together.
    pub async fn fetch(mut self, conn: &mut SqliteConnection) -> Result<Fetched, sqlx::Error> {
        let mut rows = vec![Vec::new()];
        if self.statements > 0 {
            // See `run` on the deprecation.
            #[allow(deprecated)]
            let mut results = self.sql.build().fetch_many(&mut *conn);
            while let Some(result) = results.try_next().await? {
                match result {
                    Either::Right(row) => rows.last_mut().expect("a statement's rows").push(row),
                    // Each statement ends with its result.
                    Either::Left(_) => rows.push(Vec::new()),
                }
            }
        }
        rows.pop();
        if rows.len() != self.statements {
            return Err(sqlx::Error::Protocol(format!(
                "a batch of {} statements answered {}",
                self.statements,
                rows.len()
            )));
        }
        Ok(Fetched(rows))
    }
}

/// The rows each statement of a batch returned.
#[derive(Debug)]
pub struct Fetched(Vec<Vec<SqliteRow>>);

impl Fetched {
    /// The first row `step` returned, if any.
    pub fn first(&self, step: Step) -> Option<&SqliteRow> {
        self.0[step.0].first()
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
