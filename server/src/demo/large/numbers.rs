//! The large organisation's number inventory: each office's numbers in
//! its own blocks, then toll-free numbers per country.

use anyhow::{ensure, Result};
use app::domain::{Activation, Date, NumberKind, NumberSource};

use super::apportion;
use super::offices::{Block, Office, OFFICES, TOLL_FREE};
use crate::demo::inventory::DemoNumber;
use crate::demo::rng::Rng;

/// One toll-free number for this many numbers.
const NUMBERS_PER_TOLL_FREE: usize = 750;
/// Of an office's numbers, the share (in %) from Direct Routing and from
/// Operator Connect; most of the rest are Calling Plan user numbers.
const DIRECT_ROUTING_PERCENT: usize = 18;
const OPERATOR_CONNECT_PERCENT: usize = 7;
/// One service number (conference bridges, call queues) for this many.
const NUMBERS_PER_SERVICE: usize = 100;
/// An office's first numbers are always active: easy to type in a demo.
const ALWAYS_ACTIVE: usize = 100;
/// Of a thousand later user numbers, how many are pending, failed or
/// blocked from re-use (cumulative bounds).
const PENDING: usize = 4;
const FAILED: usize = PENDING + 1;
const BLOCKED: usize = FAILED + 3;

/// `total` numbers: the offices' in proportion to their people
/// (`people_per_office`), then the toll-free ones.
pub fn inventory(
    people_per_office: &[usize],
    total: usize,
    today: &Date,
) -> Result<Vec<DemoNumber>> {
    let mut rng = Rng::new(0x00C0_7050_100C_0002);
    let toll_free = (total / NUMBERS_PER_TOLL_FREE)
        .max(TOLL_FREE.len())
        .min(total);
    let mut numbers = Vec::with_capacity(total);
    let numbers_per_office = apportion(total - toll_free, people_per_office);
    for (office, count) in OFFICES.iter().zip(numbers_per_office) {
        office_numbers(office, count, today, &mut rng, &mut numbers)?;
    }

    let weights: Vec<usize> = TOLL_FREE.iter().map(|t| t.2).collect();
    for ((country, block, _), count) in TOLL_FREE.iter().zip(apportion(toll_free, &weights)) {
        for e164 in e164s(std::slice::from_ref(block), count, country)? {
            numbers.push(DemoNumber {
                e164,
                country,
                city: "Nationwide",
                kind: NumberKind::TollFree,
                source: NumberSource::CallingPlan,
                activation: Activation::Active,
                blocked_until: None,
            });
        }
    }
    Ok(numbers)
}

/// `count` numbers for `office`, in number order: Calling Plan user numbers,
/// then Direct Routing and Operator Connect ranges, then service numbers,
/// as a provider would hand out blocks.
fn office_numbers(
    office: &Office,
    count: usize,
    today: &Date,
    rng: &mut Rng,
    numbers: &mut Vec<DemoNumber>,
) -> Result<()> {
    let service = (count / NUMBERS_PER_SERVICE).max(1).min(count);
    let operator_connect = count * OPERATOR_CONNECT_PERCENT / 100;
    let direct_routing = count * DIRECT_ROUTING_PERCENT / 100;
    let calling_plan = count - service - operator_connect - direct_routing;
    let place = &office.location;
    let all = e164s(office.blocks, count, place.description)?;
    for (i, e164) in all.into_iter().enumerate() {
        let (kind, source) = match i {
            i if i < calling_plan => (NumberKind::User, NumberSource::CallingPlan),
            i if i < calling_plan + direct_routing => {
                (NumberKind::User, NumberSource::DirectRouting)
            }
            i if i < count - service => (NumberKind::User, NumberSource::OperatorConnect),
            _ => (NumberKind::Service, NumberSource::CallingPlan),
        };
        let mut number = DemoNumber {
            e164,
            country: place.country,
            city: place.city,
            kind,
            source,
            activation: Activation::Active,
            blocked_until: None,
        };
        if kind == NumberKind::User && i >= ALWAYS_ACTIVE {
            match rng.below(1000) {
                r if r < PENDING => number.activation = Activation::Pending,
                r if r < FAILED => number.activation = Activation::Failed,
                r if r < BLOCKED => {
                    number.blocked_until = Some(today.add_days(1 + rng.below(365) as i64))
                }
                _ => {}
            }
        }
        numbers.push(number);
    }
    Ok(())
}

/// The first `count` numbers of `blocks`, in order.
fn e164s(blocks: &[Block], count: usize, whose: &str) -> Result<Vec<String>> {
    let all: Vec<String> = blocks
        .iter()
        .flat_map(|b| (b.first..b.first + b.count).map(move |n| format!("{}{n:04}", b.prefix)))
        .take(count)
        .collect();
    ensure!(
        all.len() == count,
        "{whose}: {count} numbers wanted, its blocks hold {}",
        all.len()
    );
    Ok(all)
}
