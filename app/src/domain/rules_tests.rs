//! The assignment rules case by case: one table per concern, kept in one
//! file beside `rules.rs` so every rule's cases read together (hence over
//! 300 lines).

use super::*;
use crate::domain::{LocationId, NumberHolder, PhoneNumber, UserId};

fn today() -> Date {
    Date::parse("2026-11-26").unwrap()
}

fn user(country: &str, licences: &[Licence]) -> VoiceUser {
    VoiceUser {
        id: UserId(7),
        display_name: "Megan Bowen".into(),
        username: "meganb@contoso.com".into(),
        usage_location: Country::parse(country).unwrap(),
        licences: licences.to_vec(),
        assigned_number: None,
        emergency_location: None,
        version: 1,
        provisioning: None,
    }
}

fn number(country: &str) -> TelephoneNumber {
    TelephoneNumber {
        number: PhoneNumber {
            e164: E164::parse("+14255550100").unwrap(),
            country: Country::parse(country).unwrap(),
            national: "(425) 555-0100".into(),
            international: "+1 425-555-0100".into(),
        },
        city: "Redmond".into(),
        kind: NumberKind::User,
        source: NumberSource::CallingPlan,
        activation: Activation::Active,
        blocked_until: None,
        holder: None,
    }
}

fn location(country: &str, validated: bool) -> EmergencyLocation {
    EmergencyLocation {
        id: LocationId(3),
        description: "Redmond HQ".into(),
        street: "1 Microsoft Way".into(),
        city: "Redmond".into(),
        state: Some("WA".into()),
        postal_code: "98052".into(),
        country: Country::parse(country).unwrap(),
        validated,
    }
}

const FULL: &[Licence] = &[Licence::EnterpriseE5, Licence::DomesticCallingPlan];

/// Short names of the violations, so each case reads as one line.
fn names(found: &[Violation]) -> Vec<&'static str> {
    found
        .iter()
        .map(|v| match v {
            Violation::NumberNotFound { .. } => "not found",
            Violation::AlreadyAssigned { .. } => "already assigned",
            Violation::NotUserNumber { .. } => "not a user number",
            Violation::NumberPending { .. } => "pending",
            Violation::NumberFailed { .. } => "failed",
            Violation::NumberBlocked { .. } => "blocked",
            Violation::MissingLicence { .. } => "licence",
            Violation::UsageLocationMismatch { .. } => "usage location",
            Violation::LocationCountryMismatch { .. } => "location country",
            Violation::LocationRequired => "location required",
            Violation::LocationNotValidated { .. } => "not validated",
            Violation::NumberTwiceInSet { .. } => "number twice",
            Violation::UserTwiceInSet { .. } => "user twice",
            Violation::NothingToRemove { .. } => "nothing to remove",
            Violation::ChangedSince { .. } => "changed since",
            Violation::UserChangedMeanwhile { .. } => "changed meanwhile",
            Violation::UnknownUser { .. } => "unknown user",
            Violation::UnknownLocation { .. } => "unknown location",
            Violation::NumberUnreadable { .. } => "unreadable",
        })
        .collect()
}

#[test]
fn each_rule_reports_its_own_violation() {
    type Tweak = fn(&mut VoiceUser, &mut TelephoneNumber, &mut Option<EmergencyLocation>);
    let cases: &[(&str, Tweak, &[&str])] = &[
        (
            "a licensed US user, US number, validated US location",
            |_, _, _| {},
            &[],
        ),
        (
            "the number belongs to someone else",
            |_, n, _| {
                n.holder = Some(NumberHolder {
                    user_id: UserId(99),
                    display_name: "Adele Vance".into(),
                })
            },
            &["already assigned"],
        ),
        (
            "the number is already this user's (changing only the location)",
            |_, n, _| {
                n.holder = Some(NumberHolder {
                    user_id: UserId(7),
                    display_name: "Megan Bowen".into(),
                })
            },
            &[],
        ),
        (
            "a service number",
            |_, n, _| n.kind = NumberKind::Service,
            &["not a user number"],
        ),
        (
            "a toll-free number",
            |_, n, _| n.kind = NumberKind::TollFree,
            &["not a user number"],
        ),
        (
            "a number still being activated",
            |_, n, _| n.activation = Activation::Pending,
            &["pending"],
        ),
        (
            "a number that failed activation",
            |_, n, _| n.activation = Activation::Failed,
            &["failed"],
        ),
        (
            "a number blocked until tomorrow",
            |_, n, _| n.blocked_until = Some(Date::parse("2026-11-27").unwrap()),
            &["blocked"],
        ),
        (
            "a number whose block ends today",
            |_, n, _| n.blocked_until = Some(Date::parse("2026-11-26").unwrap()),
            &[],
        ),
        (
            "an unlicensed user",
            |u, _, _| u.licences.clear(),
            &["licence"],
        ),
        (
            "E5 without a Calling Plan for a calling-plan number",
            |u, _, _| u.licences = vec![Licence::EnterpriseE5],
            &["licence"],
        ),
        (
            "E5 without a Calling Plan for a direct-routing number",
            |u, n, _| {
                u.licences = vec![Licence::EnterpriseE5];
                n.source = NumberSource::DirectRouting
            },
            &[],
        ),
        (
            "a GB user given a US number",
            |u, _, _| u.usage_location = Country::parse("GB").unwrap(),
            &["usage location"],
        ),
        (
            "a German location for a US number",
            |_, _, l| l.as_mut().unwrap().country = Country::parse("DE").unwrap(),
            &["location country"],
        ),
        (
            "no emergency location",
            |_, _, l| *l = None,
            &["location required"],
        ),
        (
            "a location not yet validated",
            |_, _, l| l.as_mut().unwrap().validated = false,
            &["not validated"],
        ),
        (
            "everything wrong at once is reported at once",
            |u, n, l| {
                u.licences.clear();
                u.usage_location = Country::parse("GB").unwrap();
                n.kind = NumberKind::TollFree;
                n.holder = Some(NumberHolder {
                    user_id: UserId(99),
                    display_name: "Adele Vance".into(),
                });
                *l = Some(location("DE", false));
            },
            &[
                "already assigned",
                "not a user number",
                "licence",
                "usage location",
                "not validated",
                "location country",
            ],
        ),
    ];
    for (why, tweak, want) in cases {
        let mut u = user("US", FULL);
        let mut n = number("US");
        let mut l = Some(location("US", true));
        tweak(&mut u, &mut n, &mut l);
        let got = check_assignment(&u, NumberLookup::Found(&n), l.as_ref(), &today());
        assert_eq!(names(&got), *want, "{why}");
    }
}

#[test]
fn an_unknown_number_is_reported_and_the_location_still_checked() {
    let e164 = E164::parse("+14255550199").unwrap();
    let got = check_assignment(
        &user("US", FULL),
        NumberLookup::NotFound(&e164),
        None,
        &today(),
    );
    assert_eq!(names(&got), ["not found", "location required"]);
    assert_eq!(
        got[0].to_string(),
        "Telephone Number '+14255550199' is not found in your organization's phone numbers."
    );
}

#[test]
fn messages_name_the_user_the_number_and_the_holder() {
    let mut n = number("GB");
    n.holder = Some(NumberHolder {
        user_id: UserId(99),
        display_name: "Adele Vance".into(),
    });
    let mut u = user("US", &[]);
    u.licences.clear();
    let got = check_assignment(
        &u,
        NumberLookup::Found(&n),
        Some(&location("GB", true)),
        &today(),
    );
    let text: Vec<String> = got.iter().map(ToString::to_string).collect();
    assert!(
        text[0].contains("has already been assigned to Adele Vance"),
        "{}",
        text[0]
    );
    assert!(
        text[1].starts_with(
            "User 'meganb@contoso.com' lacks appropriate licenses to assign a 'CallingPlan' number"
        ),
        "{}",
        text[1]
    );
    assert_eq!(
        text[2],
        "The country of the user's Usage Location US and the country of the Telephone Number GB do not match."
    );
}

#[test]
fn only_a_taken_number_counts_as_a_conflict() {
    let taken = Violation::AlreadyAssigned {
        number: "+1".into(),
        holder: "A".into(),
    };
    assert!(taken.is_conflict());
    assert!(!Violation::LocationRequired.is_conflict());
}

/// The rules and `TelephoneNumber::is_assignable` judge a number alike: a
/// number the inventory calls assignable breaks no number rule for a user
/// who has every licence it needs, and any other number breaks at least one.
#[test]
fn the_rules_refuse_exactly_the_numbers_that_are_not_assignable() {
    let holders = [None, Some(UserId(99))];
    let blocks = [
        None,
        Some("2026-11-01"),
        Some("2026-11-26"),
        Some("2026-12-01"),
    ];
    for &kind in NumberKind::ALL {
        for &activation in Activation::ALL {
            for block in blocks {
                for holder in holders {
                    let mut n = number("US");
                    n.kind = kind;
                    n.activation = activation;
                    n.blocked_until = block.map(|d| Date::parse(d).unwrap());
                    n.holder = holder.map(|user_id| NumberHolder {
                        user_id,
                        display_name: "Adele Vance".into(),
                    });
                    let found = check_assignment(
                        &user("US", FULL),
                        NumberLookup::Found(&n),
                        Some(&location("US", true)),
                        &today(),
                    );
                    assert_eq!(
                        found.is_empty(),
                        n.is_assignable(&today()),
                        "{kind:?} {activation:?} blocked until {block:?} held by {holder:?}: {:?}",
                        names(&found)
                    );
                }
            }
        }
    }
}

#[test]
fn a_user_holds_a_number_only_with_the_same_location() {
    let mut megan = user("US", FULL);
    let n = number("US");
    let e164 = n.number.e164.clone();
    assert!(!megan.holds(&e164, LocationId(3)), "no number yet");
    megan.assigned_number = Some(n);
    megan.emergency_location = Some(location("US", true));
    let other = E164::parse("+14255550199").unwrap();
    let cases = [
        (&e164, LocationId(3), true, "the same number and location"),
        (&e164, LocationId(4), false, "another location"),
        (&other, LocationId(3), false, "another number"),
    ];
    for (number, location, holds, why) in cases {
        assert_eq!(megan.holds(number, location), holds, "{why}");
    }
}
