//! Retention (`--audit-retention-days`, off by default): on start, and daily
//! after, entries older than the setting are written to files in the data
//! folder that only the server's user can read, and only then deleted; the
//! delete is itself an audit entry saying how many went where.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::helpers::*;

const DAY: i64 = 86_400;

/// Adds `count` entries written `days_ago` days before NOW, their targets
/// `{label} 1` to `{label} {count}`.
async fn entries_from(app: &TestApp, days_ago: i64, label: &str, count: i64) {
    let at = NOW - days_ago * DAY;
    let added = app
        .execute(&format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) \
             INSERT INTO audit_log (at, actor, action, target, number, after) \
             SELECT {at}, 'voice.admin', 'NUMBER_ASSIGNED', '{label} ' || i, '+14255550100', \
             'formerly =1+1' FROM n"
        ))
        .await;
    assert_eq!(added as i64, count);
}

async fn targets_like(app: &TestApp, label: &str) -> i64 {
    app.count(&format!(
        "SELECT COUNT(*) FROM audit_log WHERE target LIKE '{label} %'"
    ))
    .await
}

fn archive_folder(app: &TestApp) -> PathBuf {
    app.data_dir.path().join("audit-archive")
}

/// The archive files, in order of their entries.
fn archives(app: &TestApp) -> Vec<PathBuf> {
    let Ok(listing) = std::fs::read_dir(archive_folder(app)) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = listing.map(|e| e.unwrap().path()).collect();
    files.sort_by_key(|f| first_id(f));
    files
}

fn first_id(file: &Path) -> i64 {
    let name = file.file_name().unwrap().to_str().unwrap();
    let ids = name.trim_start_matches("audit-entries-");
    ids.split('-').next().unwrap().parse().unwrap_or(i64::MAX)
}

fn lines(file: &Path) -> Vec<Value> {
    std::fs::read_to_string(file)
        .expect("an archive file")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[tokio::test]
async fn entries_older_than_the_retention_are_archived_to_a_private_file_then_deleted() {
    let app = spawn_app().await;
    entries_from(&app, 200, "ancient", 2).await;
    entries_from(&app, 91, "old", 3).await;
    entries_from(&app, 89, "recent", 1).await;
    let kept = app.audit_count().await - 5;

    let app = app
        .restart_with(|s| s.audit_retention_days = Some(90))
        .await;

    let files = archives(&app);
    assert_eq!(files.len(), 1, "{files:?}");
    let archived = lines(&files[0]);
    let targets: Vec<&str> = archived
        .iter()
        .map(|e| e["target"].as_str().unwrap())
        .collect();
    assert_eq!(
        targets,
        ["ancient 1", "ancient 2", "old 1", "old 2", "old 3"]
    );
    assert_eq!(
        archived[0],
        json!({
            "id": archived[0]["id"], "at": NOW - 200 * DAY, "actor": "voice.admin",
            "action": "NUMBER_ASSIGNED", "target": "ancient 1", "user_name": null,
            "number": "+14255550100", "before": "", "after": "formerly =1+1",
            "change_set": null,
        }),
        "every column, as stored"
    );
    #[cfg(unix)]
    {
        assert_eq!(mode(&files[0]), 0o600, "the file is its owner's only");
        assert_eq!(mode(&archive_folder(&app)), 0o700, "and so is its folder");
    }
    assert_eq!(targets_like(&app, "ancient").await, 0);
    assert_eq!(targets_like(&app, "old").await, 0);
    assert_eq!(targets_like(&app, "recent").await, 1, "89 days are kept");
    // The restart signed the admin in once more, after the archive.
    assert_eq!(app.audit_count().await, kept + 2);

    let entries = app
        .audit_entries(json!({ "action": "AuditArchived" }))
        .await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_entry(
        &entries[0],
        json!({
            "actor": "switchboard",
            "target": "Audit log",
            "after": format!(
                "5 entries from before 2026-08-28 19:23:10 UTC archived to {}",
                files[0].display()
            ),
        }),
    );
    // SQLite's search index lets go of them too: it finds itself in step.
    // (PostgreSQL's trigram index is on the log itself.)
    if store_under_test() == Dialect::Sqlite {
        app.execute("INSERT INTO audit_search (audit_search, rank) VALUES ('integrity-check', 1)")
            .await;
    }
    let permits = app.count("SELECT COUNT(*) FROM audit_delete_permit").await;
    assert_eq!(permits, 0, "no permit outlives its delete");

    let app = app
        .restart_with(|s| s.audit_retention_days = Some(90))
        .await;
    assert_eq!(archives(&app), files, "nothing more to archive");
    let entries = app
        .audit_entries(json!({ "action": "AuditArchived" }))
        .await;
    assert_eq!(entries.len(), 1);
}

#[tokio::test]
async fn a_large_archive_is_written_in_files_of_10_000_entries() {
    let app = spawn_app().await;
    entries_from(&app, 400, "old", 10_005).await;

    let app = app
        .restart_with(|s| s.audit_retention_days = Some(365))
        .await;

    let files = archives(&app);
    let sizes: Vec<usize> = files.iter().map(|f| lines(f).len()).collect();
    assert_eq!(sizes, [10_000, 5]);
    assert_eq!(targets_like(&app, "old").await, 0);
    let entries = app
        .audit_entries(json!({ "action": "AuditArchived" }))
        .await;
    let counts: Vec<&str> = entries
        .iter()
        .map(|e| e["after"].as_str().unwrap().split(' ').next().unwrap())
        .collect();
    assert_eq!(counts, ["5", "10000"], "newest first");
}

#[tokio::test]
async fn without_the_setting_the_log_keeps_everything() {
    let app = spawn_app().await;
    entries_from(&app, 4_000, "old", 2).await;

    let app = app.restart().await;

    assert_eq!(targets_like(&app, "old").await, 2);
    assert!(!archive_folder(&app).exists());
}
