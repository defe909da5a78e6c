//! Word of the other servers' commits, on a PostgreSQL shared by several
//! servers: migration 0016 NOTIFYs `switchboard_changes` whenever an audit
//! entry commits, and each server LISTENs, waking its live streams as its
//! own writer does after its own commits.

use std::time::Duration;

use app::store::Commits;
use sqlx::postgres::PgListener;

/// The channel migration 0016's trigger notifies.
const CHANNEL: &str = "switchboard_changes";
/// How long to wait before connecting again after the database refused.
const RETRY_AFTER: Duration = Duration::from_secs(1);

pub struct OtherServers {
    listener: PgListener,
    commits: Commits,
}

impl OtherServers {
    /// Listens from now on: connected before the server serves, so no
    /// commit between start-up and the first stream goes unheard.
    pub async fn listen(url: &str, commits: Commits) -> anyhow::Result<Self> {
        let mut listener = PgListener::connect(url).await?;
        listener.listen(CHANNEL).await?;
        Ok(Self { listener, commits })
    }

    /// Tells the streams of each commit heard, for as long as the server
    /// runs. Notifications sent while the connection was down are lost, so
    /// a lost connection counts as a commit, now and once more when it is
    /// likely back: the streams read the log from where they are and find
    /// whatever it was. (Their half-minute session check reads it too.)
    pub async fn run(mut self) -> std::convert::Infallible {
        loop {
            match self.listener.try_recv().await {
                Ok(Some(_)) => self.commits.note(),
                Ok(None) => {
                    tracing::warn!("lost the database's notifications; listening again");
                    self.missed_some();
                }
                Err(e) => {
                    tracing::warn!(error = %e, "listening for other servers' changes");
                    tokio::time::sleep(RETRY_AFTER).await;
                    self.missed_some();
                }
            }
        }
    }

    fn missed_some(&self) {
        self.commits.note();
        let commits = self.commits.clone();
        tokio::spawn(async move {
            tokio::time::sleep(RETRY_AFTER).await;
            commits.note();
        });
    }
}
