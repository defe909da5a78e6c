//! What the Phone numbers export says of each number's holder beyond the
//! grid's display name: the username and emergency location that the
//! import reads back.

use std::collections::HashMap;

use super::Sql;
use sqlx::AnyConnection;

use crate::domain::UserId;

/// A holder as an import line names them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    pub username: String,
    /// The description of the emergency location of their number.
    pub location: String,
}

/// The holders among `users` who hold a number, by id.
pub async fn of(
    conn: &mut AnyConnection,
    users: &[UserId],
) -> Result<HashMap<UserId, Holder>, sqlx::Error> {
    if users.is_empty() {
        return Ok(HashMap::new());
    }
    let mut qb = Sql::new(
        "SELECT u.id, u.username, l.description FROM number_assignments a \
         JOIN voice_users u ON u.id = a.user_id \
         JOIN emergency_locations l ON l.id = a.location_id WHERE a.user_id IN (",
    );
    let mut ids = qb.separated(", ");
    for user in users {
        ids.push_bind(user.0);
    }
    qb.push(")");
    let found: Vec<(i64, String, String)> = qb.build_query_as().fetch_all(&mut *conn).await?;
    Ok(found
        .into_iter()
        .map(|(id, username, location)| (UserId(id), Holder { username, location }))
        .collect())
}
