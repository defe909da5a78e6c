//! Drift checks and what they found (`migrations/0017`): asked for here,
//! done by the server's provisioning worker, repaired through the outbox.

use std::collections::{BTreeMap, BTreeSet};

use sqlx::{AnyConnection, FromRow};

use super::sets::json_array;
use super::Batch;
use crate::domain::{Drift, DriftCheck, DriftKind, Finding};

/// Asks for a check; the worker does it. Its id.
pub async fn ask(conn: &mut AnyConnection, at: i64, by: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("INSERT INTO drift_checks (asked_at, asked_by) VALUES ($1, $2) RETURNING id")
        .bind(at)
        .bind(by)
        .fetch_one(&mut *conn)
        .await
}

/// The newest check asked for and not yet done, if any.
pub async fn asked(conn: &mut AnyConnection) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT MAX(id) FROM drift_checks WHERE checked_at IS NULL")
        .fetch_one(&mut *conn)
        .await
}

/// Each assigned number's SIP address: what the phone system should route.
/// The address is `domain::sip_address` of the holder's username.
pub async fn expected_routes(
    conn: &mut AnyConnection,
) -> Result<BTreeMap<String, String>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT n.e164, 'sip:' || u.username FROM number_assignments a \
         JOIN phone_numbers n ON n.id = a.number_id JOIN voice_users u ON u.id = a.user_id",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().collect())
}

/// The numbers with a job not yet confirmed.
pub async fn in_flight(conn: &mut AnyConnection) -> Result<BTreeSet<String>, sqlx::Error> {
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT e164 FROM provisioning_jobs WHERE confirmed_at IS NULL",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().collect())
}

/// Records check `id` as done at `at` with what it found (or why it could
/// not be done), as statements of `batch`; every check asked for before it
/// is answered by it too.
pub fn push_result(batch: &mut Batch, id: i64, at: i64, found: Result<&[Drift], String>) {
    let (count, error) = match &found {
        Ok(drift) => (Some(drift.len() as i64), None),
        Err(why) => (None, Some(why.clone())),
    };
    batch.push(move |sql| {
        sql.push("UPDATE drift_checks SET checked_at = ")
            .push_bind(at)
            .push(", found = ")
            .push_bind(count)
            .push(", error = ")
            .push_bind(error)
            .push(" WHERE checked_at IS NULL AND id <= ")
            .push_bind(id);
    });
    let Ok(drift) = found else {
        return;
    };
    if drift.is_empty() {
        return;
    }
    let rows = json_array(
        drift
            .iter()
            .map(|d| serde_json::json!([d.number, d.kind.code(), d.expected, d.actual])),
    );
    batch.push(move |sql| {
        sql.push("INSERT INTO drift_findings (check_id, e164, kind, expected, actual) SELECT ")
            .push_bind(id)
            .push(
                ", json_extract(value, '$[0]'), json_extract(value, '$[1]'), \
                 json_extract(value, '$[2]'), json_extract(value, '$[3]') FROM json_each(",
            )
            .push_bind(rows)
            .push(")");
    });
}

#[derive(FromRow)]
struct CheckRow {
    id: i64,
    asked_at: i64,
    asked_by: String,
    checked_at: Option<i64>,
    found: Option<i64>,
    error: Option<String>,
}

/// The newest check that was done.
pub async fn latest(conn: &mut AnyConnection) -> Result<Option<DriftCheck>, sqlx::Error> {
    let row: Option<CheckRow> = sqlx::query_as(
        "SELECT id, asked_at, asked_by, checked_at, found, error FROM drift_checks \
         WHERE checked_at IS NOT NULL ORDER BY id DESC LIMIT 1",
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| DriftCheck {
        id: r.id,
        asked_at: r.asked_at,
        asked_by: r.asked_by,
        checked_at: r.checked_at,
        found: r.found,
        error: r.error,
    }))
}

#[derive(FromRow)]
struct FindingRow {
    e164: String,
    kind: String,
    expected: Option<String>,
    actual: Option<String>,
    repaired_at: Option<i64>,
    repaired_by: Option<String>,
}

/// What check `id` found, by number; `only` narrows it to those numbers.
pub async fn findings(
    conn: &mut AnyConnection,
    id: i64,
    only: Option<&[String]>,
) -> Result<Vec<Finding>, sqlx::Error> {
    let rows: Vec<FindingRow> = match only {
        None => {
            sqlx::query_as(
                "SELECT e164, kind, expected, actual, repaired_at, repaired_by \
                 FROM drift_findings WHERE check_id = $1 ORDER BY e164",
            )
            .bind(id)
            .fetch_all(&mut *conn)
            .await?
        }
        Some(numbers) => {
            sqlx::query_as(
                "SELECT e164, kind, expected, actual, repaired_at, repaired_by \
                 FROM drift_findings WHERE check_id = $1 \
                 AND e164 IN (SELECT value FROM json_each($2)) ORDER BY e164",
            )
            .bind(id)
            .bind(json_array(numbers.iter()))
            .fetch_all(&mut *conn)
            .await?
        }
    };
    rows.into_iter()
        .map(|r| {
            let kind = DriftKind::from_code(&r.kind).ok_or_else(|| sqlx::Error::ColumnDecode {
                index: "kind".to_owned(),
                source: format!("unknown drift kind {:?}", r.kind).into(),
            })?;
            Ok(Finding {
                drift: Drift {
                    number: r.e164,
                    kind,
                    expected: r.expected,
                    actual: r.actual,
                },
                repaired_at: r.repaired_at,
                repaired_by: r.repaired_by,
            })
        })
        .collect()
}

/// Marks `numbers` of check `id` repaired at `at` by `by`, as a statement
/// of `batch`.
pub fn push_repaired(batch: &mut Batch, id: i64, numbers: &[String], at: i64, by: &str) {
    let (numbers, by) = (json_array(numbers.iter()), by.to_owned());
    batch.push(move |sql| {
        sql.push("UPDATE drift_findings SET repaired_at = ")
            .push_bind(at)
            .push(", repaired_by = ")
            .push_bind(by)
            .push(" WHERE check_id = ")
            .push_bind(id)
            .push(" AND e164 IN (SELECT value FROM json_each(")
            .push_bind(numbers)
            .push("))");
    });
}

/// Who holds each of `numbers` now, by number.
pub async fn holders(
    conn: &mut AnyConnection,
    numbers: &[String],
) -> Result<BTreeMap<String, i64>, sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT n.e164, a.user_id FROM number_assignments a \
         JOIN phone_numbers n ON n.id = a.number_id \
         WHERE n.e164 IN (SELECT value FROM json_each($1))",
    )
    .bind(json_array(numbers.iter()))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().collect())
}
