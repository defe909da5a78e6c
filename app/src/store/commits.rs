//! Word that a write committed, for the live streams (`api::live_events`)
//! to read what it wrote. On SQLite every writer of the database is in this
//! process; a database shared by several servers tells this the same way
//! when another server commits.

use std::sync::Arc;

use tokio::sync::watch;

/// What the streams watch: how many commits this process has heard of,
/// and whether the server is stopping (an open stream would otherwise keep
/// a graceful shutdown waiting for ever).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Heard {
    pub commits: u64,
    pub closing: bool,
}

#[derive(Clone, Debug)]
pub struct Commits(Arc<watch::Sender<Heard>>);

impl Commits {
    pub fn new() -> Self {
        Self(Arc::new(watch::Sender::new(Heard::default())))
    }

    /// A write committed.
    pub fn note(&self) {
        self.0
            .send_modify(|heard| heard.commits = heard.commits.wrapping_add(1));
    }

    /// The server is stopping: every stream ends.
    pub fn close(&self) {
        self.0.send_modify(|heard| heard.closing = true);
    }

    /// Wakes on every commit noted after this call, and on closing.
    pub fn watch(&self) -> watch::Receiver<Heard> {
        self.0.subscribe()
    }
}

impl Default for Commits {
    fn default() -> Self {
        Self::new()
    }
}
