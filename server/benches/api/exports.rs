//! The CSV exports of every voice user and every number: how long the
//! whole file takes to arrive over HTTP, read as it streams.

use std::time::Instant;

use super::reads::Admin;

const EXPORTS: [(&str, &str); 2] = [
    (
        "Export CSV: every voice user",
        "/api/voice-users/export.csv",
    ),
    (
        "Export CSV: every phone number",
        "/api/phone-numbers/export.csv",
    ),
];

pub async fn measure(admin: &Admin) -> anyhow::Result<()> {
    for (name, path) in EXPORTS {
        let started = Instant::now();
        let mut response = admin
            .client
            .get(format!("{}{path}", admin.base))
            .send()
            .await?;
        anyhow::ensure!(response.status() == 200, "{path}: {}", response.status());
        let (mut bytes, mut lines, mut first) = (0, 0, None);
        while let Some(chunk) = response.chunk().await? {
            first.get_or_insert_with(|| started.elapsed());
            bytes += chunk.len();
            lines += chunk.iter().filter(|b| **b == b'\n').count();
        }
        println!(
            "{name}: {} rows, {:.1} MB in {:.2} s (first bytes after {} ms)",
            lines.saturating_sub(1),
            bytes as f64 / 1e6,
            started.elapsed().as_secs_f64(),
            first.unwrap_or_default().as_millis(),
        );
    }
    Ok(())
}
