//! `import FILE.csv [--dry-run]`: the console's Import, with its progress
//! on standard error while the server works.

use std::path::PathBuf;
use std::time::Duration;

use app::domain::{ImportApplied, ImportReport, Progress, ProgressKey};
use clap::Args;
use serde_json::json;

use crate::client::{Api, Failure};
use crate::output::{done, undo_hint, Format, Listing};

#[derive(Args)]
pub struct Import {
    /// The CSV file: the console's import template's columns.
    file: PathBuf,
    /// Check every line and write nothing.
    #[arg(long)]
    dry_run: bool,
}

pub async fn run(api: &Api, args: Import, format: Format) -> Result<(), Failure> {
    let bytes = std::fs::read(&args.file)
        .map_err(|e| Failure::Usage(format!("can't read {}: {e}", args.file.display())))?;
    let file = String::from_utf8(bytes)
        .map_err(|_| Failure::Refused(format!("{} isn't UTF-8 text", args.file.display())))?;
    let key = new_key();
    let request = json!({ "request": { "file": file, "progress": key } });
    let path = if args.dry_run {
        "import/check"
    } else {
        "import/apply"
    };
    let watching = tokio::spawn(watch(api.clone(), key));
    let answer = api.call_value(path, request).await;
    watching.abort();
    let answer = answer?;
    if args.dry_run {
        let report: ImportReport = serde_json::from_value(answer.clone()).map_err(|e| {
            Failure::Broken(format!("import/check answered something unexpected: {e}"))
        })?;
        report_listing(&report, answer).print(format);
        return match report.refused() {
            0 => Ok(()),
            n => Err(Failure::Refused(format!(
                "{n} lines have problems; nothing was imported"
            ))),
        };
    }
    let applied: ImportApplied = serde_json::from_value(answer.clone())
        .map_err(|e| Failure::Broken(format!("import/apply answered something unexpected: {e}")))?;
    let set = undo_hint(applied.change_set);
    done(
        format,
        &format!("Imported: {} users changed{set}", applied.changed),
        &answer,
    );
    Ok(())
}

/// Every line and its problems, as Check lists them.
pub fn report_listing(report: &ImportReport, json: serde_json::Value) -> Listing {
    Listing {
        headers: &[
            "Line", "Username", "Action", "Number", "Location", "Problems",
        ],
        rows: report
            .lines
            .iter()
            .map(|l| {
                vec![
                    l.line.to_string(),
                    l.username.clone(),
                    l.action.clone(),
                    l.number.clone(),
                    l.location.clone(),
                    l.problems.join(" "),
                ]
            })
            .collect(),
        json,
    }
}

fn new_key() -> ProgressKey {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    ProgressKey::from_parts(nanos, u64::from(std::process::id()))
}

/// Prints the server's progress on standard error as it changes.
async fn watch(api: Api, key: ProgressKey) {
    let mut said = String::new();
    loop {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let Ok(Some(progress)) = api
            .call::<Option<Progress>>("progress", json!({ "key": key }))
            .await
        else {
            continue;
        };
        let line = format!("{} ({}%)", progress.text(), progress.percent());
        if line != said {
            eprintln!("{line}");
            said = line;
        }
    }
}
