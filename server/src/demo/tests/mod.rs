//! Seeds fresh in-memory databases and checks what the demo promises.

mod contents;
mod large_blocks;
mod large_full;
mod large_sample;
mod named;
mod repeatable;
mod rules;
mod unchanged;

use app::domain::Date;
use sqlx::any::AnyPoolOptions;
use sqlx::AnyPool;

use super::{large, seed, write, DemoOrg, SeedReport};

pub fn today() -> Date {
    Date::parse("2026-11-26").unwrap()
}

pub async fn seeded(org: DemoOrg) -> (AnyPool, SeedReport) {
    let pool = migrated().await;
    let mut tx = pool.begin().await.unwrap();
    let report = seed(&mut tx, org, &today()).await.unwrap();
    tx.commit().await.unwrap();
    (pool, report)
}

/// The large organisation's generator at `users` people: the same code as
/// `contoso-100k`, small enough for a debug build.
pub async fn seeded_large(users: usize) -> AnyPool {
    let pool = migrated().await;
    let org = large::build(users, &today()).unwrap();
    let mut tx = pool.begin().await.unwrap();
    write::insert(&mut tx, &org).await.unwrap();
    tx.commit().await.unwrap();
    pool
}

async fn migrated() -> AnyPool {
    sqlx::any::install_default_drivers();
    let pool = AnyPoolOptions::new()
        .max_connections(1)
        .connect("sqlite::memory:")
        .await
        .unwrap();
    sqlx::migrate!("./migrations/sqlite")
        .run(&pool)
        .await
        .unwrap();
    pool
}

pub async fn count(pool: &AnyPool, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

/// Every row of every table, tagged with its table, in a stable order.
pub async fn dump(pool: &AnyPool) -> Vec<String> {
    const TABLES: [(&str, &str); 6] = [
        (
            "licences",
            "SELECT code || '|' || purchased FROM licences ORDER BY code",
        ),
        (
            "emergency_locations",
            "SELECT id || '|' || description || '|' || street || '|' || city || '|' || \
             COALESCE(state, '') || '|' || postal_code || '|' || country || '|' || validated \
             FROM emergency_locations ORDER BY id",
        ),
        (
            "voice_users",
            "SELECT id || '|' || display_name || '|' || username || '|' || usage_location \
             || '|' || version FROM voice_users ORDER BY id",
        ),
        (
            "user_licences",
            "SELECT user_id || '|' || licence FROM user_licences ORDER BY user_id, licence",
        ),
        (
            "phone_numbers",
            "SELECT id || '|' || e164 || '|' || country || '|' || city || '|' || kind || '|' || \
             source || '|' || activation || '|' || COALESCE(blocked_until, '') \
             FROM phone_numbers ORDER BY id",
        ),
        (
            "number_assignments",
            "SELECT user_id || '|' || number_id || '|' || location_id || '|' || assigned_at \
             FROM number_assignments ORDER BY user_id",
        ),
    ];
    let mut out = Vec::new();
    for (table, sql) in TABLES {
        let rows: Vec<String> = sqlx::query_scalar(sql).fetch_all(pool).await.unwrap();
        out.extend(rows.into_iter().map(|r| format!("{table}: {r}")));
    }
    out
}
