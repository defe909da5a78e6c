//! The whole demo organisation as plain data, decided before any SQL runs.

use anyhow::{Context, Result};
use app::domain::{Date, Licence, NumberSource};

use super::inventory::{contoso_numbers, DemoLocation, DemoNumber, CITIES, LICENCES, LOCATIONS};
use super::people::{contoso_users, DemoUser};
use super::rng::Rng;
use super::DemoOrg;

const USERS: usize = 280;
/// After the named users have theirs, this many of each city's calling-plan
/// numbers stay free, so end-to-end tests can count on the low numbers.
const KEEP_FREE: usize = 20;
/// Of the generated users with Phone System, the share (in %) given a number:
/// about 40% of all generated users.
const ASSIGNED_PERCENT: usize = 52;

pub struct Assignment {
    /// Indices into `Org::users` and `Org::numbers`.
    pub user: usize,
    pub number: usize,
    pub location_id: i64,
    pub assigned_at: String,
}

pub struct Org {
    /// (licence code, purchased)
    pub licences: Vec<(&'static str, i64)>,
    pub locations: Vec<DemoLocation>,
    pub users: Vec<DemoUser>,
    pub numbers: Vec<DemoNumber>,
    pub assignments: Vec<Assignment>,
}

/// Numbers a user may take today, per city.
#[derive(Default)]
struct Pools {
    calling_plan: Vec<usize>,
    direct: Vec<usize>,
}

pub fn build(org: DemoOrg, today: &Date) -> Result<Org> {
    if org == DemoOrg::Contoso100k {
        return super::large::build(super::large::USERS, today);
    }
    let mut licences = LICENCES.to_vec();
    let mut users = contoso_users(USERS);
    if org == DemoOrg::ContosoWithoutVoice {
        // The organisation holds none of the licences that open Voice.
        let opens_voice = |code: &str| Licence::from_code(code).is_some_and(Licence::opens_voice);
        for (code, purchased) in &mut licences {
            if opens_voice(code) {
                *purchased = 0;
            }
        }
        for user in &mut users {
            user.licences.retain(|l| !l.opens_voice());
        }
    }
    if org != DemoOrg::Contoso {
        return Ok(Org {
            licences,
            locations: LOCATIONS.into(),
            users,
            numbers: Vec::new(),
            assignments: Vec::new(),
        });
    }
    let numbers = contoso_numbers(today)?;
    let mut pools: Vec<Pools> = CITIES.iter().map(|_| Pools::default()).collect();
    for (i, n) in numbers
        .iter()
        .enumerate()
        .filter(|(_, n)| n.assignable_to_users())
    {
        if let Some(city) = CITIES.iter().position(|c| c.name == n.city) {
            match n.source {
                NumberSource::CallingPlan => pools[city].calling_plan.push(i),
                _ => pools[city].direct.push(i),
            }
        }
    }

    let mut rng = Rng::new(0x00C0_7050_A551_0002);
    let mut assignments = Vec::new();
    let mut assign = |rng: &mut Rng, user: usize, number: usize, city: usize| -> Result<()> {
        let day = today.add_days(-(1 + rng.below(400) as i64));
        let assigned_at = format!("{day}T{:02}:{:02}:00Z", 8 + rng.below(9), rng.below(60));
        let location_id = CITIES[city].location_id;
        assignments.push(Assignment {
            user,
            number,
            location_id,
            assigned_at,
        });
        Ok(())
    };

    for (u, user) in users.iter().enumerate().filter(|(_, u)| u.fixed_number) {
        let city = city_of(user)?;
        let pool = &mut pools[city].calling_plan;
        anyhow::ensure!(
            !pool.is_empty(),
            "no number left in {} for {}",
            user.city,
            user.username
        );
        let number = pool.remove(0);
        assign(&mut rng, u, number, city)?;
    }
    for pool in &mut pools {
        let keep = KEEP_FREE.min(pool.calling_plan.len());
        pool.calling_plan.drain(..keep);
    }

    let generated = users.iter().enumerate().skip(super::people::NAMED_COUNT);
    for (u, user) in generated {
        if !Licence::allow(&user.licences, NumberSource::DirectRouting)
            || rng.below(100) >= ASSIGNED_PERCENT
        {
            continue;
        }
        let city = city_of(user)?;
        let calling_plan =
            Licence::allow(&user.licences, NumberSource::CallingPlan) && rng.below(10) != 0;
        let pool = if calling_plan {
            &mut pools[city].calling_plan
        } else {
            &mut pools[city].direct
        };
        if pool.is_empty() {
            continue;
        }
        let number = pool.swap_remove(rng.below(pool.len()));
        assign(&mut rng, u, number, city)?;
    }
    Ok(Org {
        licences,
        locations: LOCATIONS.into(),
        users,
        numbers,
        assignments,
    })
}

fn city_of(user: &DemoUser) -> Result<usize> {
    CITIES
        .iter()
        .position(|c| c.name == user.city)
        .with_context(|| {
            format!(
                "{} works in {}, which has no numbers",
                user.username, user.city
            )
        })
}
