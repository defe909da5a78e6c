//! Races whose requests overlap for certain. The test takes the store's
//! write lock itself (SQLite's, or PostgreSQL's advisory lock), fires the
//! requests at once, waits until every one of them is inside a server
//! waiting for that lock, and only then lets go: none can have written
//! before all have read.
//!
//! How the test sees a request waiting: every write asks the server's
//! `store::Writer` for its turn (the first then waits in SQLite's busy
//! handler for the test's lock, the others for the first), and the writer
//! counts the writes in line (`app.writer.in_line()`). The count must stay
//! at N for `STEADY` before the lock goes: a request that never waits
//! answers in that time and is reported.

use std::time::{Duration, Instant};

use serde_json::Value;
use sqlx::{AnyConnection, Connection};

use super::calls::Call;
use super::clients::read;
use super::harness::{store_under_test, TestApp};

/// The server's pool has 8 connections; one stays free for the racers'
/// reads before their writes.
pub const MAX_RACERS: usize = 7;

/// How long the racers may take to reach the lock.
const DEADLINE: Duration = Duration::from_secs(5);
/// How long every racer must be seen holding a connection, without a gap:
/// a request that is only reading, or a connection on its way back to the
/// pool, lets go well within it.
const STEADY: Duration = Duration::from_millis(100);
const POLL_EVERY: Duration = Duration::from_millis(5);

impl TestApp {
    /// Holds the write lock, fires `calls` (each with its client) at once,
    /// waits until each is blocked on the lock, releases it. The answers, in
    /// the order of `calls`. Needs a multi-thread runtime, so the racers
    /// really run side by side.
    pub async fn race(&self, calls: Vec<(reqwest::Client, Call)>) -> Vec<(u16, Value)> {
        let calls = calls
            .into_iter()
            .map(|(client, call)| (self, client, call))
            .collect();
        race_across(calls).await
    }
}

/// [`TestApp::race`] with each call sent to a server of its own choosing,
/// the servers all on one database.
pub async fn race_across(calls: Vec<(&TestApp, reqwest::Client, Call)>) -> Vec<(u16, Value)> {
    let racers = calls.len();
    assert!(
        (2..=MAX_RACERS).contains(&racers),
        "a race has 2 to {MAX_RACERS} requests, not {racers}"
    );
    assert_eq!(
        tokio::runtime::Handle::current().runtime_flavor(),
        tokio::runtime::RuntimeFlavor::MultiThread,
        "a race needs #[tokio::test(flavor = \"multi_thread\")]"
    );
    let mut servers: Vec<&TestApp> = Vec::new();
    for (server, _, _) in &calls {
        if !servers.iter().any(|s| s.address == server.address) {
            servers.push(server);
        }
    }
    for server in &servers {
        server.open_connections(racers + 1).await;
    }
    let in_line = || servers.iter().map(|s| s.writer.in_line()).sum::<usize>();

    let mut lock = servers[0].own_connection().await;
    let held = lock
        .begin_with(store_under_test().begin_write())
        .await
        .expect("taking the write lock");
    let racing: Vec<_> = calls
        .into_iter()
        .map(|(server, client, call)| {
            let url = format!("{}{}", server.address, call.path);
            tokio::spawn(async move {
                let response = client.post(url).json(&call.body).send().await;
                read(response.expect("sending the request")).await
            })
        })
        .collect();

    let started = Instant::now();
    let mut all_waiting_since: Option<Instant> = None;
    while all_waiting_since.is_none_or(|since| since.elapsed() < STEADY) {
        tokio::time::sleep(POLL_EVERY).await;
        let waiting = in_line();
        all_waiting_since = match all_waiting_since {
            Some(since) if waiting == racers => Some(since),
            None if waiting == racers => Some(Instant::now()),
            _ => None,
        };
        let answered = racing.iter().filter(|r| r.is_finished()).count();
        if answered > 0 || started.elapsed() > DEADLINE {
            held.rollback().await.expect("releasing the write lock");
            let mut early = Vec::new();
            for r in racing.into_iter().filter(|r| r.is_finished()) {
                early.push(r.await.expect("a racer"));
            }
            panic!(
                "not a race: after {:?}, {waiting} of {racers} requests were in line \
                 for the write lock, and {answered} had answered without it: {early:?}",
                started.elapsed()
            );
        }
    }

    held.rollback().await.expect("releasing the write lock");
    let mut answers = Vec::with_capacity(racers);
    for r in racing {
        answers.push(r.await.expect("a racer"));
    }
    answers
}

impl TestApp {
    fn connections_in_use(&self) -> usize {
        self.pool.size() as usize - self.pool.num_idle()
    }

    /// Opens `count` connections in the server's pool now, so no racer opens
    /// one (and sets up the journal) while the test holds the lock, and
    /// waits until they are all back in the pool.
    async fn open_connections(&self, count: usize) {
        let mut open = Vec::with_capacity(count);
        for _ in 0..count {
            open.push(self.pool.acquire().await.expect("opening a connection"));
        }
        drop(open);
        let started = Instant::now();
        while self.connections_in_use() > 0 {
            assert!(
                started.elapsed() < DEADLINE,
                "{} connections still in use before the race",
                self.connections_in_use()
            );
            tokio::time::sleep(POLL_EVERY).await;
        }
    }

    /// A connection of the test's own to the server's database.
    async fn own_connection(&self) -> AnyConnection {
        AnyConnection::connect(&self.database_url())
            .await
            .expect("opening the test's own connection")
    }
}

/// The answers' statuses, sorted: `[200, 409]` for one winner and one loser.
pub fn statuses(answers: &[(u16, Value)]) -> Vec<u16> {
    let mut statuses: Vec<u16> = answers.iter().map(|(s, _)| *s).collect();
    statuses.sort();
    statuses
}

/// The index of the one answer that is 200; panics unless exactly one is.
pub fn the_winner(answers: &[(u16, Value)]) -> usize {
    let winners: Vec<usize> = (0..answers.len())
        .filter(|&i| answers[i].0 == 200)
        .collect();
    assert_eq!(winners.len(), 1, "exactly one wins: {answers:?}");
    winners[0]
}
