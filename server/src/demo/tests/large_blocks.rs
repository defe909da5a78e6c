//! The large organisation's tables, checked without a database: its number
//! blocks, office addresses and name lists.

use app::domain::{check_address, CivicAddress, NUMBER_AREAS};
use app::phone_format::parse_input;

use crate::demo::large::offices::{Block, OFFICES, TOLL_FREE, UNVALIDATED};
use crate::demo::large::{apportion, names};
use crate::demo::usernames::ascii_fold;

/// Every `step`th number of `block`, and its first and last.
fn sample(block: &Block, step: usize) -> impl Iterator<Item = String> + '_ {
    let last = block.first + block.count - 1;
    (block.first..=last)
        .step_by(step)
        .chain([last])
        .map(|n| format!("{}{n:04}", block.prefix))
}

#[test]
fn every_block_holds_numbers_the_console_accepts_in_its_country() {
    let offices = OFFICES
        .iter()
        .flat_map(|o| o.blocks.iter().map(move |b| (o.location.country, b, false)));
    let toll_free = TOLL_FREE.iter().map(|(country, b, _)| (*country, b, true));
    for (country, block, toll_free) in offices.chain(toll_free) {
        for e164 in sample(block, 211) {
            let parsed = parse_input(&e164).unwrap_or_else(|e| panic!("{e164}: {e}"));
            assert_eq!(parsed.country.as_str(), country, "{e164} is in {country}");
            let kind = phonenumber::parse(None, &e164)
                .unwrap()
                .number_type(&phonenumber::metadata::DATABASE);
            assert_eq!(
                kind == phonenumber::Type::TollFree,
                toll_free,
                "{e164}: {kind:?}"
            );
        }
    }
}

#[test]
fn no_block_overlaps_the_blocks_the_provider_offers_for_new_numbers() {
    for block in OFFICES.iter().flat_map(|o| o.blocks) {
        for e164 in sample(block, 1) {
            let area = NUMBER_AREAS.iter().find(|a| e164.starts_with(a.prefix));
            assert!(area.is_none(), "{e164} is in {area:?}");
        }
    }
}

#[test]
fn every_office_address_passes_its_countrys_rules() {
    for office in &OFFICES {
        let l = &office.location;
        let address = CivicAddress {
            description: l.description.to_owned(),
            street: l.street.to_owned(),
            city: l.city.to_owned(),
            state: l.state.map(str::to_owned),
            postal_code: l.postal_code.to_owned(),
            country: l.country.to_owned(),
        };
        assert_eq!(check_address(&address), [], "{}", l.description);
        assert!(l.validated, "{}", l.description);
    }
    assert!(UNVALIDATED.iter().all(|l| !l.validated));
}

#[test]
fn office_weights_are_per_mille_and_apportion_hands_out_the_exact_total() {
    assert_eq!(OFFICES.iter().map(|o| o.weight).sum::<usize>(), 1000);
    let cases: [(usize, &[usize], &[usize], &str); 4] = [
        (10, &[1, 1], &[5, 5], "even split"),
        (10, &[1, 1, 1], &[4, 3, 3], "a tie goes to the earliest"),
        (7, &[50, 30, 20], &[4, 2, 1], "largest remainders first"),
        (5, &[0, 0], &[0, 0], "no weight, nothing handed out"),
    ];
    for (total, weights, want, why) in cases {
        assert_eq!(apportion(total, weights), want, "{why}");
    }
}

#[test]
fn every_name_folds_to_an_ascii_username_without_losing_a_letter() {
    use names::Language::*;
    let lists = [English, Irish, German, French, Spanish, Dutch]
        .map(names::lists)
        .into_iter()
        .chain([names::WORLD])
        .flat_map(|(firsts, lasts)| [firsts, lasts]);
    for name in lists.flat_map(names::split) {
        assert!(!name.is_empty(), "an empty name in a list");
        for c in name.chars().filter(|c| c.is_alphabetic()) {
            let folded = ascii_fold(&c.to_string());
            assert!(
                !folded.is_empty() && folded.is_ascii(),
                "'{c}' of {name} folds to '{folded}'"
            );
        }
    }
}
