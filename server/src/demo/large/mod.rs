//! Contoso at the size of a large enterprise: 100,000 voice users in 54
//! offices across ten countries, 150,000 numbers of which about 60,000 are
//! assigned, and licences that cover them. For trying the console at scale.
//!
//! The size is a parameter so the tests can check the same generator on a
//! few thousand users in a debug build.

mod assign;
pub mod names;
mod numbers;
pub mod offices;
mod people;

use anyhow::{Context, Result};
use app::domain::{Date, Licence};

use super::people::DemoUser;
use super::plan::Org;

pub use offices::{OFFICES, UNVALIDATED};

/// The size `contoso-100k` is seeded at.
pub const USERS: usize = 100_000;

/// The organisation of `users` people, with one and a half numbers each.
pub fn build(users: usize, today: &Date) -> Result<Org> {
    let people = people::crowd(users);
    let mut per_office = vec![0; OFFICES.len()];
    for user in &people {
        per_office[office_of(user)?] += 1;
    }
    let numbers = numbers::inventory(&per_office, users * 3 / 2, today)?;
    let assignments = assign::assign(&people, &numbers, today)?;
    let locations = OFFICES
        .into_iter()
        .map(|o| o.location)
        .chain(UNVALIDATED)
        .collect();
    Ok(Org {
        licences: purchased(&people),
        locations,
        users: people,
        numbers,
        assignments,
    })
}

/// Position in `OFFICES` of the office `user` works from.
fn office_of(user: &DemoUser) -> Result<usize> {
    OFFICES
        .iter()
        .position(|o| o.location.city == user.city && o.location.country == user.country)
        .with_context(|| {
            format!(
                "{} works in {}, which has no office",
                user.username, user.city
            )
        })
}

/// What the organisation bought: what its people hold and a tenth more,
/// in packs of 100, so the console's licence counts have headroom.
fn purchased(users: &[DemoUser]) -> Vec<(&'static str, i64)> {
    Licence::ALL
        .iter()
        .map(|&licence| {
            let held = users
                .iter()
                .filter(|u| u.licences.contains(&licence))
                .count();
            let wanted = (held + held / 10).div_ceil(100) * 100;
            (licence.code(), wanted as i64)
        })
        .collect()
}

/// Splits `total` in proportion to `weights`: each part rounded down, then
/// the largest remainders (earliest first on a tie) get one more, so the
/// parts add up to `total` exactly.
pub fn apportion(total: usize, weights: &[usize]) -> Vec<usize> {
    let sum: usize = weights.iter().sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let mut parts: Vec<usize> = weights.iter().map(|w| total * w / sum).collect();
    let mut by_remainder: Vec<usize> = (0..weights.len()).collect();
    by_remainder.sort_by_key(|&i| std::cmp::Reverse(total * weights[i] % sum));
    let short = total - parts.iter().sum::<usize>();
    for &i in by_remainder.iter().take(short) {
        parts[i] += 1;
    }
    parts
}
