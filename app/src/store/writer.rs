//! Where every write transaction of the server takes its turn.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use sqlx::{Sqlite, SqliteConnection, SqlitePool, Transaction};

use super::begin_write;

/// The server's way to the write lock. Its writers take turns in the order
/// they came before asking SQLite, so a waiting writer wakes the moment
/// the one before commits; SQLite's own busy handler would poll with
/// sleeps of up to 100 ms, which is what eight admins saving at once
/// would otherwise wait. Another process on the same file still waits
/// through the busy handler.
#[derive(Clone, Debug)]
pub struct Writer {
    pool: SqlitePool,
    turn: Arc<tokio::sync::Mutex<()>>,
    in_line: Arc<AtomicUsize>,
}

impl Writer {
    pub fn new(pool: SqlitePool) -> Self {
        Self {
            pool,
            turn: Arc::new(tokio::sync::Mutex::new(())),
            in_line: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// A write transaction, once this writer's turn has come.
    pub async fn begin(&self) -> Result<WriteTx, sqlx::Error> {
        let in_line = InLine::join(&self.in_line);
        let turn = Arc::clone(&self.turn).lock_owned().await;
        let tx = begin_write(&self.pool).await?;
        Ok(WriteTx {
            tx,
            _turn: turn,
            _in_line: in_line,
        })
    }

    /// How many writes have asked for their turn and not yet ended: waiting
    /// for it, for SQLite's lock, or writing. What a test of a race watches.
    pub fn in_line(&self) -> usize {
        self.in_line.load(Ordering::SeqCst)
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

/// A write transaction holding the writers' turn until it ends.
pub struct WriteTx {
    tx: Transaction<'static, Sqlite>,
    _turn: tokio::sync::OwnedMutexGuard<()>,
    _in_line: InLine,
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

impl std::ops::Deref for WriteTx {
    type Target = SqliteConnection;
    fn deref(&self) -> &SqliteConnection {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut SqliteConnection {
        &mut self.tx
    }
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn a_writer_waits_for_the_one_before_to_finish() {
        let pool = super::super::connect("sqlite::memory:").await.unwrap();
        let writer = super::Writer::new(pool);
        let first = writer.begin().await.unwrap();
        let second = tokio::spawn({
            let writer = writer.clone();
            async move { writer.begin().await.map(drop) }
        });
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(
            !second.is_finished(),
            "the second writer began during the first"
        );
        assert_eq!(writer.in_line(), 2, "one writing, one waiting");
        first.commit().await.unwrap();
        second.await.unwrap().unwrap();
        assert_eq!(writer.in_line(), 0);
        // A transaction dropped without commit (an error) also ends the turn.
        drop(writer.begin().await.unwrap());
        writer.begin().await.unwrap().commit().await.unwrap();
    }
}
