//! The progress of the long requests running now (and of those that ended
//! in the last minute), per account and the caller's key: a request counts
//! its lines into a shared cell, and `api::progress` reads it while the
//! request still runs. Kept in memory: a request and the questions about it
//! go to the same server.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::domain::{AccountId, Progress, ProgressKey, Stage};
use crate::store::RowObserver;

/// How long an ended request's last report stays to be read.
const KEPT: Duration = Duration::from_secs(60);
/// The most requests one account has tracked at once; when all of them
/// still run, another goes untracked.
const MAX_PER_ACCOUNT: usize = 16;

const STAGES: [Stage; 5] = [
    Stage::Parsing,
    Stage::Reading,
    Stage::Checking,
    Stage::Writing,
    Stage::Done,
];

/// Each account's tracked requests by key.
type Cells = HashMap<(AccountId, ProgressKey), Arc<Cell>>;

/// Every tracked request, shared by the server's state.
#[derive(Clone)]
pub struct Tracker {
    cells: Arc<Mutex<Cells>>,
    kept: Duration,
}

impl Default for Tracker {
    fn default() -> Self {
        Tracker::keeping(KEPT)
    }
}

struct Cell {
    stage: AtomicU8,
    done: AtomicU64,
    total: AtomicU64,
    writes: bool,
    ended: OnceLock<Instant>,
}

impl Cell {
    fn report(&self) -> Progress {
        Progress {
            stage: STAGES[usize::from(self.stage.load(Ordering::Relaxed))],
            done: self.done.load(Ordering::Relaxed),
            total: self.total.load(Ordering::Relaxed),
            writes: self.writes,
        }
    }

    fn kept(&self, now: Instant, kept: Duration) -> bool {
        self.ended
            .get()
            .is_none_or(|ended| now.duration_since(*ended) < kept)
    }
}

impl Tracker {
    /// A tracker that keeps an ended request's report for `kept`.
    pub fn keeping(kept: Duration) -> Tracker {
        Tracker {
            cells: Arc::default(),
            kept,
        }
    }

    /// Starts tracking `key` of `account`, a request that `writes` or only
    /// checks; without a key (or over the account's limit) the handle
    /// counts nothing. A key used again starts afresh.
    pub fn start(&self, account: AccountId, key: Option<ProgressKey>, writes: bool) -> Tracking {
        let Some(key) = key else {
            return Tracking::of(None);
        };
        let now = Instant::now();
        let mut cells = self.cells.lock().unwrap_or_else(|e| e.into_inner());
        cells.retain(|_, cell| cell.kept(now, self.kept));
        cells.remove(&(account, key.clone()));
        // Room for one more: the account's ended requests go, oldest first;
        // only requests still running keep a new one out.
        let mut ended: Vec<(Instant, ProgressKey)> = cells
            .iter()
            .filter(|((a, _), _)| *a == account)
            .filter_map(|((_, k), cell)| cell.ended.get().map(|at| (*at, k.clone())))
            .collect();
        let mut held = cells.keys().filter(|(a, _)| *a == account).count();
        ended.sort_by_key(|(at, _)| *at);
        for (_, old) in ended {
            if held < MAX_PER_ACCOUNT {
                break;
            }
            cells.remove(&(account, old));
            held -= 1;
        }
        if held >= MAX_PER_ACCOUNT {
            return Tracking::of(None);
        }
        let cell = Arc::new(Cell {
            stage: AtomicU8::new(0),
            done: AtomicU64::new(0),
            total: AtomicU64::new(0),
            writes,
            ended: OnceLock::new(),
        });
        cells.insert((account, key), cell.clone());
        Tracking::of(Some(cell))
    }

    /// The last report of `account`'s request `key`, if it is tracked.
    pub fn get(&self, account: AccountId, key: &ProgressKey) -> Option<Progress> {
        let cells = self.cells.lock().unwrap_or_else(|e| e.into_inner());
        cells
            .get(&(account, key.clone()))
            .filter(|cell| cell.kept(Instant::now(), self.kept))
            .map(|cell| cell.report())
    }
}

/// One request's handle: it moves the request through its steps. Clones
/// (for work on another thread) share it; when the last is dropped (the
/// request answered, refused or abandoned) the request reads as done.
#[derive(Clone)]
pub struct Tracking(Option<(Arc<Cell>, Arc<Ending>)>);

/// Marks its cell done when dropped.
struct Ending(Arc<Cell>);

impl Drop for Ending {
    fn drop(&mut self) {
        let cell = &self.0;
        cell.stage
            .store((STAGES.len() - 1) as u8, Ordering::Relaxed);
        let _ = cell.ended.set(Instant::now());
    }
}

impl Tracking {
    fn of(cell: Option<Arc<Cell>>) -> Tracking {
        Tracking(cell.map(|cell| (cell.clone(), Arc::new(Ending(cell)))))
    }

    fn cell(&self) -> Option<&Arc<Cell>> {
        self.0.as_ref().map(|(cell, _)| cell)
    }

    /// Enters `stage`, with `total` lines to count.
    pub fn stage(&self, stage: Stage, total: usize) {
        if let Some(cell) = self.cell() {
            cell.done.store(0, Ordering::Relaxed);
            cell.total.store(total as u64, Ordering::Relaxed);
            let at = STAGES.iter().position(|s| *s == stage).unwrap_or(0);
            cell.stage.store(at as u8, Ordering::Relaxed);
        }
    }

    /// One more line of the current stage done.
    pub fn tick(&self) {
        if let Some(cell) = self.cell() {
            cell.done.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// A tick for each row a batch of reads receives (`Batch::observed`).
    pub fn row_ticks(&self) -> Option<RowObserver> {
        self.cell().cloned().map(|cell| {
            Arc::new(move || {
                cell.done.fetch_add(1, Ordering::Relaxed);
            }) as RowObserver
        })
    }
}

#[cfg(test)]
#[path = "tracker_tests.rs"]
mod tests;
