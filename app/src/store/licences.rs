//! The organisation's licences and who holds them.

use sqlx::AnyConnection;

use crate::domain::{Licence, UserId};

/// Each licence the organisation bought: how many, and how many are assigned.
pub async fn counts(conn: &mut AnyConnection) -> Result<Vec<(Licence, i64, i64)>, sqlx::Error> {
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT l.code, l.purchased, (SELECT COUNT(*) FROM user_licences u WHERE u.licence = l.code) AS assigned \
         FROM licences l ORDER BY l.code",
    )
    .fetch_all(&mut *conn)
    .await?;
    // A licence the console doesn't know plays no part in it.
    let mut out: Vec<_> = rows
        .into_iter()
        .filter_map(|(code, purchased, assigned)| {
            Licence::from_code(&code).map(|l| (l, purchased, assigned))
        })
        .collect();
    out.sort_by_key(|(l, _, _)| *l);
    Ok(out)
}

pub async fn give(
    conn: &mut AnyConnection,
    user: UserId,
    licence: Licence,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO user_licences (user_id, licence) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    )
    .bind(user.0)
    .bind(licence.code())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn take(
    conn: &mut AnyConnection,
    user: UserId,
    licence: Licence,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM user_licences WHERE user_id = $1 AND licence = $2")
        .bind(user.0)
        .bind(licence.code())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Whether any of the purchased licences `codes` opens the Voice area.
pub fn open_voice<'a>(codes: impl IntoIterator<Item = &'a str>) -> bool {
    codes
        .into_iter()
        .filter_map(Licence::from_code)
        .any(Licence::opens_voice)
}
