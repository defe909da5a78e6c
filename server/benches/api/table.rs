//! Timings as the tables print them.

use std::time::Duration;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The `q` quantile of `times` (sorted here), in ms.
fn quantile(times: &[Duration], q: f64) -> f64 {
    let mut sorted = times.to_vec();
    sorted.sort();
    ms(sorted[((sorted.len() - 1) as f64 * q).round() as usize])
}

/// "p50 2.31 ms, p95 3.02 ms".
pub fn stats(times: &[Duration]) -> String {
    format!(
        "p50 {:.2} ms, p95 {:.2} ms",
        quantile(times, 0.5),
        quantile(times, 0.95)
    )
}

pub struct Timing;

impl Timing {
    pub fn header() -> String {
        format!(
            "{:<42} {:>9} {:>9} {:>9} {:>9}",
            "request", "HTTP p50", "HTTP p95", "SQL p50", "ratio"
        )
    }
}

/// A row: the HTTP request's p50 and p95, the store calls' p50 (ms), and
/// how many times the store calls' p50 the request takes.
pub fn report_pair(name: &str, http: &[Duration], raw: &[Duration]) {
    let (p50, p95, raw50) = (
        quantile(http, 0.5),
        quantile(http, 0.95),
        quantile(raw, 0.5),
    );
    println!(
        "{name:<42} {p50:>9.2} {p95:>9.2} {raw50:>9.2} {:>8.1}x",
        p50 / raw50.max(0.001)
    );
}

/// The 99th percentile, in ms.
pub fn p99(times: &[Duration]) -> f64 {
    quantile(times, 0.99)
}

/// Process `pid`'s resident set, in MB (Linux).
pub fn resident_mb(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| format!("{:.0}", kb / 1024.0))
        .unwrap_or_else(|| "?".to_owned())
}
