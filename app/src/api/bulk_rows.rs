//! Judging the rows of a bulk save: the users, numbers and locations they
//! name, read in one call (under the write lock for a save, without it
//! for a check), then every row's problems: unreadable or unknown input,
//! a user changed meanwhile, and the rules of the set (`check_set`).

use std::collections::HashMap;

use super::apply_set::Target;
use super::off_thread::off_thread;
use super::ApiError;
use crate::domain::{
    check_set, BulkRow, Date, EmergencyLocation, LocationId, NumberId, NumberLookup, PhoneNumber,
    Proposal, Proposed, RowViolations, Stage, TelephoneNumber, UserId, Violation, VoiceUser, E164,
};
use crate::tracker::Tracking;
use crate::{phone_format, store};

/// A row's number as read from its text: none, a number, or why not.
pub type Parsed = Result<Option<PhoneNumber>, String>;

pub fn parse(text: Option<&str>) -> Parsed {
    text.map(phone_format::parse_input)
        .transpose()
        .map_err(|e| e.to_string())
}

/// The reads for `rows`, and each row's number as read from its text.
pub struct Reads {
    users: store::Step,
    numbers: store::Step,
    locations: store::Step,
    parsed: Vec<Parsed>,
}

fn reads(rows: &[BulkRow], batch: &mut store::Batch, tracking: &Tracking) -> Reads {
    let parsed = parse_all(
        rows.iter().map(|r| r.number.as_deref()),
        rows.len(),
        tracking,
    );
    let ids: Vec<UserId> = rows.iter().map(|r| r.user_id).collect();
    Reads {
        users: store::sets::push_users(batch, &ids),
        numbers: push_parsed(batch, &parsed),
        locations: store::sets::push_locations(batch),
        parsed,
    }
}

/// [`reads`] off the workers (`off_thread`): the rows back, their reads,
/// and the batch that sends them.
pub async fn prepare(
    rows: Vec<BulkRow>,
    tracking: Tracking,
) -> Result<(Vec<BulkRow>, Reads, store::Batch), ApiError> {
    off_thread(move || {
        let mut batch = store::Batch::new().observed(tracking.row_ticks());
        let reads = reads(&rows, &mut batch, &tracking);
        (rows, reads, batch)
    })
    .await
}

/// Reads `count` numbers, counting them. The reads of what they name come
/// next, counted by the rows they return: about a user and a number a line.
pub fn parse_all<'a>(
    texts: impl Iterator<Item = Option<&'a str>>,
    count: usize,
    tracking: &Tracking,
) -> Vec<Parsed> {
    tracking.stage(Stage::Parsing, count);
    let parsed = texts
        .map(|text| {
            tracking.tick();
            parse(text)
        })
        .collect();
    tracking.stage(Stage::Reading, 2 * count);
    parsed
}

/// The inventory's entries for every number read.
pub fn push_parsed(batch: &mut store::Batch, parsed: &[Parsed]) -> store::Step {
    let numbers: Vec<E164> = parsed
        .iter()
        .filter_map(|p| {
            p.as_ref()
                .ok()
                .and_then(|n| n.as_ref())
                .map(|n| n.e164.clone())
        })
        .collect();
    store::sets::push_numbers(batch, &numbers)
}

/// What the rows name, as read.
pub struct Found {
    pub users: HashMap<UserId, VoiceUser>,
    pub numbers: HashMap<E164, (NumberId, TelephoneNumber)>,
    pub locations: HashMap<LocationId, EmergencyLocation>,
}

impl Found {
    pub fn read(
        fetched: &store::Fetched,
        users: store::Step,
        numbers: store::Step,
        locations: store::Step,
    ) -> Result<Found, sqlx::Error> {
        Ok(Found {
            users: store::sets::read_all(fetched.rows(users), store::users::read_one)?
                .into_iter()
                .map(|u| (u.id, u))
                .collect(),
            numbers: store::sets::read_all(fetched.rows(numbers), store::numbers::read_found)?
                .into_iter()
                .flatten()
                .map(|(id, n)| (n.number.e164.clone(), (id, n)))
                .collect(),
            locations: store::sets::read_all(fetched.rows(locations), store::locations::read)?
                .into_iter()
                .flatten()
                .map(|l| (l.id, l))
                .collect(),
        })
    }
}

/// Every row's problems, and when there are none, what each user ends up with.
pub enum Judged {
    Fine(Vec<Target>),
    Refused(Vec<RowViolations>),
}

fn judge(
    rows: &[BulkRow],
    reads: Reads,
    fetched: &store::Fetched,
    today: &Date,
    tracking: &Tracking,
) -> Result<Judged, ApiError> {
    let found = Found::read(fetched, reads.users, reads.numbers, reads.locations)?;
    Ok(judge_found(rows, &reads.parsed, &found, today, tracking))
}

/// [`judge`] off the workers.
pub async fn judged(
    rows: Vec<BulkRow>,
    reads: Reads,
    fetched: store::Fetched,
    today: Date,
    tracking: Tracking,
) -> Result<Judged, ApiError> {
    off_thread(move || judge(&rows, reads, &fetched, &today, &tracking)).await?
}

/// [`judge`] on what was read already.
pub fn judge_found(
    rows: &[BulkRow],
    parsed: &[Parsed],
    found: &Found,
    today: &Date,
    tracking: &Tracking,
) -> Judged {
    let (users, numbers, locations) = (&found.users, &found.numbers, &found.locations);
    let mut problems: Vec<Vec<Violation>> = vec![Vec::new(); rows.len()];
    // The rows that name a user, with their place among `rows`.
    let mut judged: Vec<(usize, Proposal<'_>)> = Vec::new();
    tracking.stage(Stage::Checking, rows.len());
    for (i, (row, parsed)) in rows.iter().zip(parsed).enumerate() {
        tracking.tick();
        let Some(user) = users.get(&row.user_id) else {
            problems[i].push(Violation::UnknownUser {
                user: row.user_id.to_string(),
            });
            continue;
        };
        if user.version != row.expected_version {
            problems[i].push(Violation::UserChangedMeanwhile {
                user: user.display_name.clone(),
            });
        }
        let location = row.location_id.and_then(|id| locations.get(&id));
        if let (Some(id), None) = (row.location_id, location) {
            problems[i].push(Violation::UnknownLocation {
                location: id.to_string(),
            });
        }
        let change = match parsed {
            Err(message) => {
                problems[i].push(Violation::NumberUnreadable {
                    message: message.clone(),
                });
                continue;
            }
            Ok(None) => Proposed::Remove,
            Ok(Some(number)) => Proposed::Assign {
                number: match numbers.get(&number.e164) {
                    Some((_, n)) => NumberLookup::Found(n),
                    None => NumberLookup::NotFound(&number.e164),
                },
                location,
            },
        };
        judged.push((i, Proposal { user, change }));
    }
    let proposals: Vec<Proposal<'_>> = judged.iter().map(|(_, p)| *p).collect();
    for ((i, _), broken) in judged.iter().zip(check_set(&proposals, today)) {
        problems[*i].extend(broken);
    }
    let refused: Vec<RowViolations> = problems
        .into_iter()
        .enumerate()
        .filter(|(_, v)| !v.is_empty())
        .map(|(row, violations)| RowViolations { row, violations })
        .collect();
    if !refused.is_empty() {
        return Judged::Refused(refused);
    }
    let targets = judged
        .into_iter()
        .map(|(i, p)| Target {
            user: p.user.clone(),
            to: match (&rows[i].number, &parsed[i], p.change) {
                (Some(_), Ok(Some(number)), Proposed::Assign { location, .. }) => numbers
                    .get(&number.e164)
                    .zip(location)
                    .map(|((id, n), l)| (*id, n.clone(), l.clone())),
                _ => None,
            },
        })
        .collect();
    Judged::Fine(targets)
}
