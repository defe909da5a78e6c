//! Where every write transaction of the server takes its turn: on one
//! connection of its own, kept out of the readers' pool.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use sqlx::{AnyConnection, AnyPool, Executor};
use tokio::sync::{Mutex, OwnedMutexGuard};

use super::batch::Frame;
use super::{Batch, Changed, Commits, Dialect, Fetched};

const COMMIT: &str = "COMMIT";
const ROLLBACK: &str = "ROLLBACK";

/// The server's way to the write lock. Its writers take turns on one
/// connection, in the order they came, before asking SQLite: a waiting
/// writer wakes the moment the one before commits, where SQLite's own busy
/// handler would poll with sleeps of up to 100 ms (what eight admins
/// saving at once would otherwise wait), and a write costs no trip through
/// the pool. Another process on the same file still waits through the busy
/// handler.
#[derive(Clone, Debug)]
pub struct Writer {
    pool: AnyPool,
    slot: Arc<Mutex<Slot>>,
    in_line: Arc<AtomicUsize>,
    commits: Commits,
}

/// The writers' connection, and whether a transaction may be open on it.
#[derive(Debug)]
struct Slot {
    conn: AnyConnection,
    open: bool,
    dialect: Dialect,
}

impl Writer {
    /// The writer for the database of `pool`, on a connection taken out of it.
    pub async fn open(pool: &AnyPool) -> Result<Self, sqlx::Error> {
        let mut conn = pool.acquire().await?.detach();
        let dialect = Dialect::of(&conn);
        if dialect == Dialect::Sqlite {
            // Every write reads the same indexes' upper pages: 16 MB keeps
            // them (about 8% more writes a second than the 2 MB default, at
            // 100k).
            conn.execute("PRAGMA cache_size = -16000").await?;
        }
        Ok(Self {
            pool: pool.clone(),
            slot: Arc::new(Mutex::new(Slot {
                conn,
                open: false,
                dialect,
            })),
            in_line: Arc::new(AtomicUsize::new(0)),
            commits: Commits::new(),
        })
    }

    /// A write transaction, once this writer's turn has come.
    pub async fn begin(&self) -> Result<WriteTx, sqlx::Error> {
        Ok(self.begin_reading(Batch::new()).await?.0)
    }

    /// A write transaction, once this writer's turn has come, and what
    /// `reads` found in it: one call to SQLite where a `BEGIN` of its own
    /// would be two, each of them time the writers behind this one wait.
    pub async fn begin_reading(&self, reads: Batch) -> Result<(WriteTx, Fetched), sqlx::Error> {
        let in_line = InLine::join(&self.in_line);
        let mut slot = Arc::clone(&self.slot).lock_owned().await;
        if slot.open {
            // A transaction dropped where no rollback could run.
            let _ = slot.conn.execute(ROLLBACK).await;
            slot.open = false;
        }
        let framed = reads.framed(Frame {
            before: Some(slot.dialect.begin_write()),
            after: None,
        });
        slot.open = true;
        let found = framed.fetch(&mut slot.conn).await;
        let mut tx = WriteTx {
            slot: Some(slot),
            _in_line: in_line,
            commits: self.commits.clone(),
        };
        match found {
            Ok(found) => Ok((tx, found)),
            Err(e) => {
                if !matches!(e, sqlx::Error::Database(_)) {
                    // Not SQL refusing SQL: the connection itself failed.
                    tx.reconnect(&self.pool).await;
                }
                tx.rollback().await;
                Err(e)
            }
        }
    }

    /// How many writes have asked for their turn and not yet ended: waiting
    /// for it, for SQLite's lock, or writing. What a test of a race watches.
    pub fn in_line(&self) -> usize {
        self.in_line.load(Ordering::SeqCst)
    }

    /// Word of each commit: this writer's, and any other the server hears of.
    pub fn commits(&self) -> &Commits {
        &self.commits
    }
}

/// One write counted in [`Writer::in_line`] until dropped.
#[derive(Debug)]
struct InLine(Arc<AtomicUsize>);

impl InLine {
    fn join(count: &Arc<AtomicUsize>) -> Self {
        count.fetch_add(1, Ordering::SeqCst);
        Self(Arc::clone(count))
    }
}

impl Drop for InLine {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A write transaction holding the writers' turn until it ends: by
/// [`WriteTx::commit`], [`WriteTx::commit_with`] or [`WriteTx::rollback`];
/// dropped on the way (an error, a client gone), by a rollback that still
/// holds the turn, so the next writer finds the lock free.
pub struct WriteTx {
    slot: Option<OwnedMutexGuard<Slot>>,
    _in_line: InLine,
    commits: Commits,
}

impl WriteTx {
    pub async fn commit(mut self) -> Result<(), sqlx::Error> {
        self.end(COMMIT).await
    }

    /// Runs `writes` and commits, in one call: the writes must be all the
    /// change has left to write. Should one fail, the transaction is rolled
    /// back: nothing of it stays.
    pub async fn commit_with(&mut self, writes: Batch) -> Result<Changed, sqlx::Error> {
        let framed = writes.framed(Frame {
            before: None,
            after: Some(COMMIT),
        });
        let slot = self.slot();
        match framed.run(&mut slot.conn).await {
            Ok(changed) => {
                slot.open = false;
                self.commits.note();
                Ok(changed)
            }
            Err(e) => {
                // PostgreSQL refuses every statement of a failed
                // transaction: end it now, so the caller may still read
                // (what the others committed) to explain the failure.
                if slot.conn.execute(ROLLBACK).await.is_ok() {
                    slot.open = false;
                }
                Err(e)
            }
        }
    }

    /// Gives back the page cache a large change filled (after its commit),
    /// so one import doesn't keep the server's memory up.
    pub async fn shrink(&mut self) -> Result<(), sqlx::Error> {
        let slot = self.slot();
        if slot.dialect != Dialect::Sqlite {
            return Ok(());
        }
        slot.conn.execute("PRAGMA shrink_memory").await.map(drop)
    }

    /// Ends the transaction, undoing what it did.
    pub async fn rollback(mut self) {
        if let Err(e) = self.end(ROLLBACK).await {
            tracing::warn!(error = %e, "rolling back a write");
        }
    }

    async fn end(&mut self, how: &'static str) -> Result<(), sqlx::Error> {
        let slot = self.slot();
        if slot.open {
            slot.conn.execute(how).await?;
            slot.open = false;
            if how == COMMIT {
                self.commits.note();
            }
        }
        Ok(())
    }

    /// A new connection in place of a failed one (SQLite rolls back what
    /// the old one left open). The old one stays if none can be had.
    async fn reconnect(&mut self, pool: &AnyPool) {
        match pool.acquire().await {
            Ok(fresh) => {
                let slot = self.slot();
                slot.conn = fresh.detach();
                slot.open = false;
            }
            Err(e) => tracing::error!(error = %e, "replacing the writers' connection"),
        }
    }

    fn slot(&mut self) -> &mut Slot {
        self.slot
            .as_mut()
            .expect("a write transaction holds its turn until it drops")
    }
}

impl Drop for WriteTx {
    fn drop(&mut self) {
        let Some(mut slot) = self.slot.take() else {
            return;
        };
        if !slot.open {
            return;
        }
        // The turn goes with the rollback. Without a runtime to run it on,
        // the next writer rolls back first (`Slot::open`).
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                match slot.conn.execute(ROLLBACK).await {
                    Ok(_) => slot.open = false,
                    Err(e) => tracing::warn!(error = %e, "rolling back a dropped write"),
                }
            });
        }
    }
}

impl std::ops::Deref for WriteTx {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        &self
            .slot
            .as_ref()
            .expect("a write transaction holds its turn until it drops")
            .conn
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.slot().conn
    }
}

#[cfg(test)]
#[path = "writer_tests.rs"]
mod tests;
