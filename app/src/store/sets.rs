//! Reads and writes of many users at once (a bulk save, an import, an
//! undo): each is one statement over a JSON array of values (`json_each`,
//! `json_extract`; PostgreSQL's migration 0015 defines both),
//! so 10,000 rows cost a handful of statements, not 40,000, and no limit on
//! bound variables applies.

use serde_json::{json, Value};
use sqlx::any::AnyRow;

use super::rows::LOCATION_COLUMNS;
use super::{Batch, Step};
use crate::domain::{
    AuditAction, AuditRecord, ChangeSetId, LocationId, NumberId, UserChange, UserId, E164,
};

/// `items` as a JSON array: the value a `json_each` statement reads.
pub(super) fn json_array<T: serde::Serialize>(items: impl IntoIterator<Item = T>) -> String {
    Value::Array(items.into_iter().map(|i| json!(i)).collect()).to_string()
}

/// The users with these ids, as `users::read_one` reads each row.
pub fn push_users(batch: &mut Batch, ids: &[UserId]) -> Step {
    let ids = json_array(ids.iter().map(|i| i.0));
    batch.push(|sql| {
        super::users::push_select_one(sql);
        sql.push(" WHERE u.id IN (SELECT CAST(value AS BIGINT) FROM json_each(")
            .push_bind(ids)
            .push("))");
    })
}

/// The users with these usernames, compared without case.
pub fn push_users_named(batch: &mut Batch, usernames: &[String]) -> Step {
    let names = json_array(usernames.iter().map(|n| n.to_lowercase()));
    batch.push(|sql| {
        super::users::push_select_one(sql);
        sql.push(" WHERE lower(u.username) IN (SELECT value FROM json_each(")
            .push_bind(names)
            .push("))");
    })
}

/// The inventory's numbers among `numbers`, as `numbers::read_found` reads each row.
pub fn push_numbers(batch: &mut Batch, numbers: &[E164]) -> Step {
    let numbers = json_array(numbers.iter().map(E164::as_str));
    batch.push(|sql| {
        super::numbers::push_select_found(sql);
        sql.push(" WHERE n.e164 IN (SELECT value FROM json_each(")
            .push_bind(numbers)
            .push("))");
    })
}

/// The numbers the users with these usernames hold: what a line that
/// keeps a user's number refers to.
pub fn push_numbers_held_by(batch: &mut Batch, usernames: &[String]) -> Step {
    let names = json_array(usernames.iter().map(|n| n.to_lowercase()));
    batch.push(|sql| {
        super::numbers::push_select_found(sql);
        sql.push(
            " WHERE a.user_id IN (SELECT u.id FROM voice_users u \
             WHERE lower(u.username) IN (SELECT value FROM json_each(",
        )
        .push_bind(names)
        .push(")))");
    })
}

/// Every emergency location, as `locations::read` reads each row: few
/// enough to judge rows by id or by description.
pub fn push_locations(batch: &mut Batch) -> Step {
    batch.push(|sql| {
        sql.push(format_args!(
            "SELECT {LOCATION_COLUMNS} FROM emergency_locations l ORDER BY l.id"
        ));
    })
}

/// The rows of `step` read by `read`, skipping none.
pub fn read_all<T>(
    rows: &[AnyRow],
    read: impl Fn(&AnyRow) -> Result<T, sqlx::Error>,
) -> Result<Vec<T>, sqlx::Error> {
    rows.iter().map(read).collect()
}

/// What a set writes: who gives back the number they hold, who gets which
/// number at which location, whose version moves on, and the audit entries.
pub struct SetWrites<'a> {
    pub set: ChangeSetId,
    pub at: i64,
    pub assigned_at: &'a str,
    pub actor: &'a str,
    pub giving_back: Vec<UserId>,
    pub taking: Vec<(UserId, NumberId, LocationId)>,
    pub versions: Vec<(UserId, i64)>,
    pub entries: Vec<(AuditAction, AuditRecord)>,
}

/// The steps whose counts say the writes did all they should.
pub struct SetSteps {
    pub given_back: Step,
    pub taken: Step,
    pub moved_on: Step,
}

/// The set's writes as four statements of `batch`, numbers given back
/// before any is taken: one user's may be another's to take.
pub fn push_writes(batch: &mut Batch, w: SetWrites<'_>) -> SetSteps {
    let giving_back = json_array(w.giving_back.iter().map(|u| u.0));
    let given_back = batch.push(|sql| {
        sql.push(
            "DELETE FROM number_assignments \
             WHERE user_id IN (SELECT CAST(value AS BIGINT) FROM json_each(",
        )
        .push_bind(giving_back)
        .push("))");
    });
    let taking = json_array(w.taking.iter().map(|(u, n, l)| [u.0, n.0, l.0]));
    let assigned_at = w.assigned_at.to_owned();
    let taken = batch.push(|sql| {
        sql.push(
            "INSERT INTO number_assignments (user_id, number_id, location_id, assigned_at) \
             SELECT CAST(json_extract(value, '$[0]') AS BIGINT), \
             CAST(json_extract(value, '$[1]') AS BIGINT), \
             CAST(json_extract(value, '$[2]') AS BIGINT), ",
        )
        .push_bind(assigned_at)
        .push(" FROM json_each(")
        .push_bind(taking)
        .push(")");
    });
    let versions = json_array(w.versions.iter().map(|(u, v)| [u.0, *v]));
    let moved_on = batch.push(|sql| {
        sql.push(
            "UPDATE voice_users SET version = version + 1 WHERE (id, version) IN \
             (SELECT CAST(json_extract(value, '$[0]') AS BIGINT), \
             CAST(json_extract(value, '$[1]') AS BIGINT) FROM json_each(",
        )
        .push_bind(versions)
        .push("))");
    });
    let entries = json_array(w.entries.iter().map(|(action, r)| {
        (
            action.code(),
            &r.target,
            &r.user_name,
            &r.number,
            &r.before,
            &r.after,
        )
    }));
    let (at, actor, set) = (w.at, w.actor.to_owned(), w.set.0);
    batch.push(|sql| {
        sql.push(
            "INSERT INTO audit_log (at, actor, action, target, user_name, number, before, after, \
             change_set) SELECT ",
        )
        .push_bind(at)
        .push(", ")
        .push_bind(actor)
        .push(
            ", json_extract(value, '$[0]'), json_extract(value, '$[1]'), \
             json_extract(value, '$[2]'), json_extract(value, '$[3]'), \
             json_extract(value, '$[4]'), json_extract(value, '$[5]'), ",
        )
        .push_bind(set)
        .push(" FROM json_each(")
        .push_bind(entries)
        .push(")");
    });
    SetSteps {
        given_back,
        taken,
        moved_on,
    }
}

/// What a set did to each of its users, as one statement of `batch`.
pub fn push_set_users(batch: &mut Batch, set: ChangeSetId, users: &[UserChange]) {
    let rows = json_array(users.iter().map(|c| {
        let (before, after) = (c.before.as_ref(), c.after.as_ref());
        (
            c.user.0,
            before.map(|h| h.number.as_str()),
            before.map(|h| h.location.0),
            after.map(|h| h.number.as_str()),
            after.map(|h| h.location.0),
            c.version_after,
        )
    }));
    batch.push(|sql| {
        sql.push(
            "INSERT INTO change_set_users (change_set, user_id, before_number, before_location, \
             after_number, after_location, version_after) SELECT ",
        )
        .push_bind(set.0)
        .push(
            ", CAST(json_extract(value, '$[0]') AS BIGINT), json_extract(value, '$[1]'), \
             CAST(json_extract(value, '$[2]') AS BIGINT), json_extract(value, '$[3]'), \
             CAST(json_extract(value, '$[4]') AS BIGINT), \
             CAST(json_extract(value, '$[5]') AS BIGINT) FROM json_each(",
        )
        .push_bind(rows)
        .push(")");
    });
}
