//! Audit retention, off unless `--audit-retention-days` is set: entries
//! older than that many days are written to a JSON lines file in the data
//! folder's `audit-archive/` (readable by the server's user only), then
//! deleted from the database, with an audit entry saying how many went
//! where. It runs on start and then daily.
//!
//! Each file is complete and on disk before the transaction that deletes its
//! entries commits, so an entry is always in the log, in a file, or both;
//! never in neither. A run that stops part way leaves a file whose entries
//! are still in the log, and the next run writes it again.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{ensure, Context};
use app::clock::Clock;
use app::domain::{format_utc, AuditAction, AuditRecord};
use app::store::audit_archive::{self, ArchivedEntry};
use app::store::{WriteTx, Writer};

/// The folder of the data folder that holds the archives.
pub const ARCHIVE_FOLDER: &str = "audit-archive";
/// The archive's own audit entry names the server: no one signed in did it.
pub const ACTOR: &str = "switchboard";
/// How often it runs after start-up.
const EVERY: Duration = Duration::from_secs(24 * 60 * 60);
/// Entries per file and per transaction: other writes wait while a batch is
/// written out.
const BATCH: u32 = 10_000;
const DAY: i64 = 24 * 60 * 60;

/// How old an entry may get, where archives go, and what runs them.
#[derive(Clone)]
pub struct Retention {
    days: u32,
    folder: PathBuf,
    writer: Writer,
    clock: Arc<dyn Clock>,
}

/// One archive file: how many entries it holds, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archive {
    pub entries: usize,
    pub file: PathBuf,
}

impl Retention {
    /// Keeps `days` days of the log; archives go to `data_dir/audit-archive`.
    pub fn new(days: u32, data_dir: &Path, writer: Writer, clock: Arc<dyn Clock>) -> Self {
        Self {
            days,
            folder: data_dir.join(ARCHIVE_FOLDER),
            writer,
            clock,
        }
    }

    /// Archives and deletes every entry older than the retention, a batch
    /// per file: the files written, oldest entries first.
    pub async fn run(&self) -> anyhow::Result<Vec<Archive>> {
        let before_at = self.clock.now() - i64::from(self.days) * DAY;
        let mut archives = Vec::new();
        while let Some(archive) = self.archive_batch(before_at).await? {
            tracing::info!(entries = archive.entries, file = %archive.file.display(), "audit entries archived");
            archives.push(archive);
        }
        Ok(archives)
    }

    /// Runs every day from now on; a failure is logged and tried again the
    /// next day. Never returns: the server drops it when it stops.
    pub async fn daily(self) -> std::convert::Infallible {
        loop {
            tokio::time::sleep(EVERY).await;
            if let Err(e) = self.run().await {
                tracing::error!(error = %format!("{e:#}"), "archiving old audit entries failed");
            }
        }
    }

    /// The oldest batch before `before_at`, written to its file and deleted
    /// in one transaction; `None` when there is none left.
    async fn archive_batch(&self, before_at: i64) -> anyhow::Result<Option<Archive>> {
        let mut tx = self.writer.begin().await?;
        let entries = audit_archive::oldest(&mut tx, before_at, BATCH).await?;
        let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
            tx.rollback().await;
            return Ok(None);
        };
        let (first_id, last_id) = (first.id, last.id);
        let file = self
            .folder
            .join(format!("audit-entries-{first_id}-to-{last_id}.jsonl"));
        let archive = Archive {
            entries: entries.len(),
            file,
        };
        write_file(self.folder.clone(), archive.file.clone(), entries)
            .await
            .with_context(|| format!("writing {}", archive.file.display()))?;
        if let Err(e) = self
            .delete(&mut tx, &archive, first_id, last_id, before_at)
            .await
        {
            tx.rollback().await;
            // Its entries are all still in the log.
            let _ = std::fs::remove_file(&archive.file);
            return Err(e);
        }
        // Should the commit fail, the file stays: a second copy of entries
        // still in the log harms nothing, a lost one would.
        tx.commit()
            .await
            .context("committing the archived entries' delete")?;
        Ok(Some(archive))
    }

    /// The audit entry first (so the newest id stays, and no id is ever
    /// used twice), then the archived entries.
    async fn delete(
        &self,
        tx: &mut WriteTx,
        archive: &Archive,
        first_id: i64,
        last_id: i64,
        before_at: i64,
    ) -> anyhow::Result<()> {
        let record = AuditRecord {
            target: "Audit log".to_owned(),
            after: format!(
                "{} entries from before {} archived to {}",
                archive.entries,
                format_utc(before_at),
                archive.file.display()
            ),
            ..AuditRecord::default()
        };
        let now = self.clock.now();
        app::store::audit::append(tx, now, ACTOR, AuditAction::AuditArchived, &record).await?;
        let deleted = audit_archive::delete_archived(tx, first_id, last_id, before_at).await?;
        ensure!(
            deleted == archive.entries as u64,
            "{deleted} audit entries deleted where {} were archived",
            archive.entries
        );
        Ok(())
    }
}

/// Writes `entries` as JSON lines to `file`, for its owner's eyes only, and
/// makes sure they are on disk: first to a `.partial` file, then renamed, so
/// a file of the final name is always whole.
async fn write_file(
    folder: PathBuf,
    file: PathBuf,
    entries: Vec<ArchivedEntry>,
) -> anyhow::Result<()> {
    tokio::task::spawn_blocking(move || {
        create_private_folder(&folder)?;
        let partial = file.with_extension("jsonl.partial");
        let _ = std::fs::remove_file(&partial);
        let mut out = BufWriter::new(crate::private_file::create_new(&partial)?);
        for entry in &entries {
            serde_json::to_writer(&mut out, entry)?;
            out.write_all(b"\n")?;
        }
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&partial, &file)?;
        // The rename is on disk once its folder is.
        std::fs::File::open(&folder)?.sync_all()?;
        anyhow::Ok(())
    })
    .await?
}

fn create_private_folder(folder: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(folder)
}
