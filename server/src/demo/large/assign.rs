//! Who in the large organisation holds which number: the named users the
//! first Calling Plan numbers of their office, as in the small Contoso;
//! about three in four of the others with Phone System one at random from
//! their office's blocks, with the office as their emergency location.

use anyhow::{ensure, Result};
use app::domain::{Date, Licence, NumberSource};

use super::office_of;
use super::offices::OFFICES;
use crate::demo::inventory::DemoNumber;
use crate::demo::people::{DemoUser, NAMED_COUNT};
use crate::demo::plan::Assignment;
use crate::demo::rng::Rng;

/// Of the people with Phone System, the share (in %) given a number: about
/// 60% of everyone.
const ASSIGNED_PERCENT: usize = 76;
/// After the named users have theirs, this many of each office's Calling
/// Plan numbers stay free (at most a tenth of them): the low, easy-to-type
/// numbers are there to assign in a demo.
const KEEP_FREE: usize = 20;

/// Numbers a user may take today, per source, in number order.
#[derive(Default)]
struct Pools {
    calling_plan: Vec<usize>,
    direct_routing: Vec<usize>,
    operator_connect: Vec<usize>,
}

impl Pools {
    fn of(&mut self, source: NumberSource) -> &mut Vec<usize> {
        match source {
            NumberSource::CallingPlan => &mut self.calling_plan,
            NumberSource::DirectRouting => &mut self.direct_routing,
            NumberSource::OperatorConnect => &mut self.operator_connect,
        }
    }
}

pub fn assign(users: &[DemoUser], numbers: &[DemoNumber], today: &Date) -> Result<Vec<Assignment>> {
    let mut pools: Vec<Pools> = OFFICES.iter().map(|_| Pools::default()).collect();
    for (i, n) in numbers.iter().enumerate() {
        let office = OFFICES.iter().position(|o| o.location.city == n.city);
        if let (Some(office), true) = (office, n.assignable_to_users()) {
            pools[office].of(n.source).push(i);
        }
    }

    let mut rng = Rng::new(0x00C0_7050_100C_0003);
    let mut assignments = Vec::new();
    let mut assign = |rng: &mut Rng, user: usize, number: usize, office: usize| {
        let day = today.add_days(-(1 + rng.below(1000) as i64));
        assignments.push(Assignment {
            user,
            number,
            location_id: office as i64 + 1,
            assigned_at: format!("{day}T{:02}:{:02}:00Z", 8 + rng.below(9), rng.below(60)),
        });
    };

    for (u, user) in users.iter().enumerate().filter(|(_, u)| u.fixed_number) {
        let office = office_of(user)?;
        let pool = &mut pools[office].calling_plan;
        ensure!(
            !pool.is_empty(),
            "no number left in {} for {}",
            user.city,
            user.username
        );
        let number = pool.remove(0);
        assign(&mut rng, u, number, office);
    }
    for pools in &mut pools {
        let keep = KEEP_FREE.min(pools.calling_plan.len() / 10);
        pools.calling_plan.drain(..keep);
    }

    for (u, user) in users.iter().enumerate().skip(NAMED_COUNT) {
        let held = &user.licences;
        if !Licence::allow(held, NumberSource::DirectRouting) || rng.below(100) >= ASSIGNED_PERCENT
        {
            continue;
        }
        let source = match rng.below(100) {
            r if Licence::allow(held, NumberSource::CallingPlan) => match r {
                0..=83 => NumberSource::CallingPlan,
                84..=94 => NumberSource::DirectRouting,
                _ => NumberSource::OperatorConnect,
            },
            0..=74 => NumberSource::DirectRouting,
            _ => NumberSource::OperatorConnect,
        };
        let office = office_of(user)?;
        let pool = pools[office].of(source);
        if pool.is_empty() {
            continue;
        }
        let number = pool.swap_remove(rng.below(pool.len()));
        assign(&mut rng, u, number, office);
    }
    Ok(assignments)
}
