//! Bulk work over HTTP: an import file of up to 10,000 lines, each giving a
//! licensed user without a number a free number of their country, checked,
//! applied and undone; beside it, the reads the check runs, straight on a
//! connection (the users, the numbers and the locations the file names).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use serde_json::{json, Value};
use sqlx::AnyPool;

use app::domain::E164;
use app::store::{self, Batch};

const LINES: i64 = 10_000;

/// Up to `LINES` lines, country by country: licensed users without a
/// number, free Calling Plan numbers of their country, a validated
/// location there.
async fn file(pool: &AnyPool) -> anyhow::Result<Vec<(String, String, String)>> {
    let countries: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT usage_location FROM voice_users ORDER BY 1")
            .fetch_all(pool)
            .await?;
    let mut lines = Vec::new();
    for country in countries {
        let wanted = LINES - lines.len() as i64;
        let location: Option<String> = sqlx::query_scalar(
            "SELECT description FROM emergency_locations WHERE country = $1 AND validated \
             ORDER BY id LIMIT 1",
        )
        .bind(&country)
        .fetch_optional(pool)
        .await?;
        let Some(location) = location.filter(|_| wanted > 0) else {
            continue;
        };
        let users: Vec<String> = sqlx::query_scalar(
            "SELECT u.username FROM voice_users u WHERE u.usage_location = $1 \
             AND u.id NOT IN (SELECT user_id FROM number_assignments) \
             AND EXISTS (SELECT 1 FROM user_licences l WHERE l.user_id = u.id \
                         AND l.licence IN ('ENTERPRISE_E5', 'PHONE_SYSTEM')) \
             AND EXISTS (SELECT 1 FROM user_licences l WHERE l.user_id = u.id \
                         AND l.licence IN ('DOMESTIC_CALLING_PLAN', 'INTERNATIONAL_CALLING_PLAN')) \
             ORDER BY u.id LIMIT $2",
        )
        .bind(&country)
        .bind(wanted)
        .fetch_all(pool)
        .await?;
        let numbers: Vec<String> = sqlx::query_scalar(
            "SELECT n.e164 FROM phone_numbers n WHERE n.country = $1 AND n.kind = 'user' \
             AND n.source = 'calling_plan' AND n.activation = 'active' \
             AND n.blocked_until IS NULL \
             AND n.id NOT IN (SELECT number_id FROM number_assignments) ORDER BY n.e164 LIMIT $2",
        )
        .bind(&country)
        .bind(wanted)
        .fetch_all(pool)
        .await?;
        for (user, number) in users.into_iter().zip(numbers) {
            lines.push((user, number, location.clone()));
        }
    }
    Ok(lines)
}

/// Posts `body` to `path` with the progress key `key`, asking for its
/// progress every 20 ms: the answer, and when (in ms from the start) each
/// step was first reported.
async fn followed(
    client: &reqwest::Client,
    base: &str,
    path: &str,
    mut body: Value,
    key: &str,
) -> anyhow::Result<(Value, String)> {
    body["request"]["progress"] = json!(key);
    let started = Instant::now();
    let running = Arc::new(AtomicBool::new(true));
    let asking = {
        let (client, url) = (client.clone(), format!("{base}/api/progress"));
        let (key, running) = (json!({ "key": key }), running.clone());
        tokio::spawn(async move {
            let mut seen: Vec<(String, u128)> = Vec::new();
            while running.load(Ordering::Relaxed) {
                let report: Value = match client.post(&url).json(&key).send().await {
                    Ok(r) => r.json().await.unwrap_or(Value::Null),
                    Err(_) => Value::Null,
                };
                if let Some(stage) = report["stage"].as_str() {
                    if seen.last().is_none_or(|(s, _)| s != stage) {
                        seen.push((stage.to_owned(), started.elapsed().as_millis()));
                    }
                }
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
            seen
        })
    };
    let answer = post(client, format!("{base}{path}"), body).await;
    let total = started.elapsed().as_millis();
    running.store(false, Ordering::Relaxed);
    let seen = asking.await?;
    let steps: Vec<String> = seen
        .iter()
        .map(|(stage, at)| format!("{stage} {at}"))
        .chain([format!("answered {total}")])
        .collect();
    Ok((answer?, steps.join(", ")))
}

async fn post(client: &reqwest::Client, url: String, body: Value) -> anyhow::Result<Value> {
    let response = client.post(url).json(&body).send().await?;
    let status = response.status();
    let answer: Value = response.json().await?;
    anyhow::ensure!(status == 200, "{status}: {answer}");
    Ok(answer)
}

pub async fn measure(base: &str, password: &str, pool: &AnyPool) -> anyhow::Result<()> {
    let lines = file(pool).await?;
    let mut csv = String::from("Username,Phone number,Emergency location,Action\r\n");
    for (user, number, location) in &lines {
        csv.push_str(&format!("{user},{number},{location},assign\r\n"));
    }
    let users: Vec<String> = lines.iter().map(|l| l.0.clone()).collect();
    let client = super::reads::client()?;
    super::reads::sign_in(&client, base, password).await?;
    let request = json!({ "request": { "file": csv } });

    let started = Instant::now();
    let (report, check_steps) = followed(
        &client,
        base,
        "/api/import/check",
        request.clone(),
        "bench-check",
    )
    .await?;
    let check = started.elapsed();
    let refused = report["lines"].as_array().map_or(0, |l| {
        l.iter().filter(|l| l["problems"] != json!([])).count()
    });
    anyhow::ensure!(refused == 0, "{refused} lines refused");

    let started = Instant::now();
    let (applied, apply_steps) =
        followed(&client, base, "/api/import/apply", request, "bench-apply").await?;
    let apply = started.elapsed();

    let started = Instant::now();
    let undo = json!({ "request": { "change_set": applied["change_set"] } });
    post(&client, format!("{base}/api/change-sets/undo"), undo).await?;
    let undone = started.elapsed();

    // The check's reads, straight on a connection.
    let numbers: Vec<E164> = lines
        .iter()
        .map(|l| E164::parse(&l.1))
        .collect::<Result<_, _>>()?;
    let mut conn = pool.acquire().await?;
    let started = Instant::now();
    let mut batch = Batch::new();
    store::sets::push_users_named(&mut batch, &users);
    store::sets::push_numbers(&mut batch, &numbers);
    store::sets::push_numbers_held_by(&mut batch, &users);
    store::sets::push_locations(&mut batch);
    batch.fetch(&mut conn).await?;
    let reads = started.elapsed();

    println!(
        "import of {} lines: check {:.2} s, apply {:.2} s, undo {:.2} s; the check's reads \
         straight on the database {:.0} ms (check = {:.1}x the reads)",
        users.len(),
        check.as_secs_f64(),
        apply.as_secs_f64(),
        undone.as_secs_f64(),
        reads.as_secs_f64() * 1000.0,
        check.as_secs_f64() / reads.as_secs_f64()
    );
    println!("  progress reported (ms from the start): check: {check_steps}");
    println!("  apply: {apply_steps}");
    Ok(())
}
