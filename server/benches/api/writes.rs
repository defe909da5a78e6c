//! Writes under load: eight admins (or `SWITCHBOARD_BENCH_ADMINS`), each in a session of their own, assign
//! and remove numbers of users of their own as fast as the server answers,
//! for a few seconds.

use std::time::{Duration, Instant};

use serde_json::json;
use sqlx::AnyPool;

use super::table::{p99, stats};

/// Users each admin works on, at most: a small organisation has fewer.
const USERS_EACH: usize = 20;
const SECONDS: u64 = 8;

/// Users of one country who may hold a Calling Plan number and have none,
/// free Calling Plan numbers of that country, and a validated location there.
/// How many admins write at once: 8, or `SWITCHBOARD_BENCH_ADMINS` (1 shows
/// one write's own latency, the part the others queue behind).
fn admins() -> usize {
    std::env::var("SWITCHBOARD_BENCH_ADMINS")
        .ok()
        .and_then(|a| a.parse().ok())
        .filter(|a| *a > 0)
        .unwrap_or(8)
}

/// Each admin gets as many as the organisation has for all of them, up to
/// `USERS_EACH`.
async fn work(pool: &AnyPool) -> anyhow::Result<(usize, Vec<i64>, Vec<String>, i64)> {
    let admins = admins();
    let wanted = (admins * USERS_EACH) as i64;
    let users: Vec<i64> = sqlx::query_scalar(
        "SELECT u.id FROM voice_users u WHERE u.usage_location = 'US' \
         AND u.id NOT IN (SELECT user_id FROM number_assignments) \
         AND EXISTS (SELECT 1 FROM user_licences l WHERE l.user_id = u.id \
                     AND l.licence IN ('ENTERPRISE_E5', 'PHONE_SYSTEM')) \
         AND EXISTS (SELECT 1 FROM user_licences l WHERE l.user_id = u.id \
                     AND l.licence IN ('DOMESTIC_CALLING_PLAN', 'INTERNATIONAL_CALLING_PLAN')) \
         ORDER BY u.id LIMIT $1",
    )
    .bind(wanted)
    .fetch_all(pool)
    .await?;
    let numbers: Vec<String> = sqlx::query_scalar(
        "SELECT n.e164 FROM phone_numbers n WHERE n.country = 'US' AND n.kind = 'user' \
         AND n.source = 'calling_plan' AND n.activation = 'active' AND n.blocked_until IS NULL \
         AND n.id NOT IN (SELECT number_id FROM number_assignments) ORDER BY n.e164 LIMIT $1",
    )
    .bind(wanted)
    .fetch_all(pool)
    .await?;
    let location: i64 = sqlx::query_scalar(
        "SELECT id FROM emergency_locations WHERE country = 'US' AND validated ORDER BY id LIMIT 1",
    )
    .fetch_one(pool)
    .await?;
    let each = users.len().min(numbers.len()) / admins;
    anyhow::ensure!(
        each >= 2,
        "the organisation has {} free licensed US users and {} free US numbers; {} each needed",
        users.len(),
        numbers.len(),
        2 * admins
    );
    Ok((each, users, numbers, location))
}

pub async fn measure(base: &str, password: &str, pool: &AnyPool) -> anyhow::Result<()> {
    let (each, users, numbers, location) = work(pool).await?;
    let stop = Instant::now() + Duration::from_secs(SECONDS);
    let count = admins();
    let mut admins = Vec::new();
    for a in 0..count {
        let client = super::reads::client()?;
        super::reads::sign_in(&client, base, password).await?;
        let mine: Vec<(i64, String)> = (0..each)
            .map(|i| (users[a * each + i], numbers[a * each + i].clone()))
            .collect();
        let base = base.to_owned();
        admins.push(tokio::spawn(async move {
            let mut times = Vec::new();
            let mut versions = vec![1_i64; mine.len()];
            let mut i = 0;
            while Instant::now() < stop {
                let k = i % mine.len();
                let (user, number) = &mine[k];
                let (path, body) = if versions[k] % 2 == 1 {
                    let request = json!({ "user_id": user, "number": number,
                        "location_id": location, "expected_version": versions[k] });
                    ("assignments/assign", json!({ "request": request }))
                } else {
                    let request = json!({ "user_id": user, "expected_version": versions[k] });
                    ("assignments/remove", json!({ "request": request }))
                };
                let started = Instant::now();
                let response = client
                    .post(format!("{base}/api/{path}"))
                    .json(&body)
                    .send()
                    .await?;
                anyhow::ensure!(response.status() == 200, "{path}: {}", response.status());
                response.bytes().await?;
                times.push(started.elapsed());
                versions[k] += 1;
                i += 1;
            }
            anyhow::Ok(times)
        }));
    }
    let started = Instant::now();
    let mut times = Vec::new();
    for admin in admins {
        times.extend(admin.await??);
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "writes, {count} admins assigning and removing for {SECONDS} s: {:.0} per second, {}, p99 {:.1} ms",
        times.len() as f64 / elapsed,
        stats(&times),
        p99(&times)
    );
    Ok(())
}
