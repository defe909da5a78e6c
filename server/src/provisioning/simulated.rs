//! A stand-in phone system for demos and tests: each delivery takes
//! `delay`, and a share `failure_rate` of attempts fail. Which attempts
//! fail follows from the job and attempt alone, so a run can be repeated.
//! Its routes survive a restart in a journal in the data folder, as a
//! real phone system's would: one line per change, replayed on start.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::Context;
use app::domain::{Job, JobAction};

use super::{DeliveryError, Routes};

/// The journal's file in the data folder.
pub const JOURNAL: &str = "simulated-phone-system.log";

pub struct Simulated {
    delay: Duration,
    failure_rate: f64,
    journal: PathBuf,
    routes: Mutex<Routes>,
}

impl Simulated {
    /// Opens (or starts) the journal in `data_dir` and replays it.
    pub fn open(data_dir: &Path, delay: Duration, failure_rate: f64) -> anyhow::Result<Self> {
        anyhow::ensure!(
            (0.0..=1.0).contains(&failure_rate),
            "the simulated failure rate must be between 0 and 1, not {failure_rate}"
        );
        std::fs::create_dir_all(data_dir)
            .with_context(|| format!("creating the data folder {}", data_dir.display()))?;
        let journal = data_dir.join(JOURNAL);
        let mut routes = Routes::new();
        match std::fs::read_to_string(&journal) {
            Ok(text) => replay(&text, &mut routes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("reading {}", journal.display())),
        }
        Ok(Self {
            delay,
            failure_rate,
            journal,
            routes: Mutex::new(routes),
        })
    }

    pub fn describe(&self) -> String {
        format!(
            "simulated ({} ms a change, {}% of attempts fail)",
            self.delay.as_millis(),
            (self.failure_rate * 100.0).round()
        )
    }

    pub async fn deliver(&self, job: &Job) -> Result<(), DeliveryError> {
        tokio::time::sleep(self.delay).await;
        if fails(job.id, job.attempts, self.failure_rate) {
            return Err(DeliveryError::Refused(format!(
                "The simulated phone system failed this attempt on purpose (failure rate {}%)",
                (self.failure_rate * 100.0).round()
            )));
        }
        let number = job.number.as_str();
        let line = match (job.action, job.address.as_deref()) {
            (JobAction::Route, Some(address)) => format!("route {number} {address}\n"),
            (JobAction::Route, None) => {
                return Err(DeliveryError::Refused(format!(
                    "The job to route {number} names no SIP address"
                )))
            }
            (JobAction::Unroute, _) => format!("unroute {number}\n"),
            (JobAction::Activate, _) => return Ok(()),
        };
        let mut routes = self.routes.lock().unwrap_or_else(|p| p.into_inner());
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.journal)
            .and_then(|mut f| f.write_all(line.as_bytes()))
            .map_err(|e| {
                DeliveryError::Unreachable(format!(
                    "The simulated phone system could not write {}: {e}",
                    self.journal.display()
                ))
            })?;
        replay(&line, &mut routes);
        Ok(())
    }

    pub fn routes(&self) -> Routes {
        self.routes
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}

/// Applies the journal's lines to `routes`; a line it can't read is skipped.
fn replay(text: &str, routes: &mut Routes) {
    for line in text.lines() {
        let mut words = line.split_whitespace();
        match (words.next(), words.next(), words.next()) {
            (Some("route"), Some(number), Some(address)) => {
                routes.insert(number.to_owned(), address.to_owned());
            }
            (Some("unroute"), Some(number), None) => {
                routes.remove(number);
            }
            _ => {}
        }
    }
}

/// Whether attempt `attempt` of job `job` fails at `rate`: a hash of the
/// two (SplitMix64) read as a fraction of one.
fn fails(job: i64, attempt: u32, rate: f64) -> bool {
    let mut x = ((job as u64) << 32) ^ u64::from(attempt);
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^= x >> 31;
    ((x >> 11) as f64 / (1_u64 << 53) as f64) < rate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_failure_rate_is_the_share_of_attempts_that_fail() {
        for rate in [0.0, 0.1, 0.5, 0.9, 1.0] {
            let failed = (1..=2_000)
                .flat_map(|job| (1..=5).map(move |attempt| (job, attempt)))
                .filter(|&(job, attempt)| fails(job, attempt, rate))
                .count();
            let share = failed as f64 / 10_000.0;
            assert!((share - rate).abs() < 0.02, "rate {rate}: {share}");
        }
        // The same attempt always comes out the same.
        assert_eq!(fails(7, 3, 0.5), fails(7, 3, 0.5));
    }

    #[tokio::test]
    async fn delivering_a_job_twice_has_the_effect_of_delivering_it_once() {
        use app::domain::{Job, JobAction, E164};
        let folder = tempfile::tempdir().unwrap();
        let phone = Simulated::open(folder.path(), Duration::ZERO, 0.0).unwrap();
        let job = |id, action, address: Option<&str>| Job {
            id,
            action,
            number: E164::parse("+14255550100").unwrap(),
            user: None,
            user_name: None,
            address: address.map(str::to_owned),
            change_set: None,
            actor: "admin".to_owned(),
            created_at: 0,
            attempts: 1,
            sent_at: None,
            confirmed_at: None,
            failed_at: None,
            last_error: None,
            next_attempt_at: 0,
        };
        let route = job(1, JobAction::Route, Some("sip:alice@contoso.com"));
        let unroute = job(2, JobAction::Unroute, None);
        for (delivered, want) in [
            (vec![&route], Some("sip:alice@contoso.com")),
            (vec![&route, &route], Some("sip:alice@contoso.com")),
            (vec![&route, &unroute, &unroute], None),
        ] {
            for j in delivered {
                phone.deliver(j).await.unwrap();
            }
            assert_eq!(phone.routes().get("+14255550100").map(String::as_str), want);
        }
        // And a restart replays the same.
        let again = Simulated::open(folder.path(), Duration::ZERO, 0.0).unwrap();
        assert_eq!(again.routes(), phone.routes());
    }

    #[test]
    fn the_journal_replays_to_the_last_word_on_each_number() {
        let mut routes = Routes::new();
        replay(
            "route +14255550100 sip:alice@contoso.com\n\
             route +14255550101 sip:bob@contoso.com\n\
             unroute +14255550100\n\
             garbage line\n\
             route +14255550101 sip:carol@contoso.com\n\
             unroute +14255550199\n",
            &mut routes,
        );
        let want: Routes = [(
            "+14255550101".to_owned(),
            "sip:carol@contoso.com".to_owned(),
        )]
        .into_iter()
        .collect();
        assert_eq!(routes, want);
    }
}
