use super::*;
use crate::domain::{
    Activation, Country, Licence, LocationId, NumberHolder, NumberKind, NumberSource, PhoneNumber,
};

fn today() -> Date {
    Date::parse("2026-11-30").unwrap()
}

fn user(id: i64, name: &str, holds: Option<&TelephoneNumber>) -> VoiceUser {
    VoiceUser {
        id: UserId(id),
        display_name: name.into(),
        username: format!("{}@contoso.com", name.to_lowercase()),
        usage_location: Country::parse("US").unwrap(),
        licences: vec![Licence::EnterpriseE5, Licence::DomesticCallingPlan],
        assigned_number: holds.cloned(),
        emergency_location: holds.map(|_| location(true)),
        version: 1,
        provisioning: None,
    }
}

fn number(last: u32, holder: Option<(i64, &str)>) -> TelephoneNumber {
    TelephoneNumber {
        number: PhoneNumber {
            e164: E164::parse(&format!("+1425555{last:04}")).unwrap(),
            country: Country::parse("US").unwrap(),
            national: format!("(425) 555-{last:04}"),
            international: format!("+1 425-555-{last:04}"),
        },
        city: "Redmond".into(),
        kind: NumberKind::User,
        source: NumberSource::CallingPlan,
        activation: Activation::Active,
        blocked_until: None,
        holder: holder.map(|(id, name)| NumberHolder {
            user_id: UserId(id),
            display_name: name.into(),
        }),
    }
}

fn location(validated: bool) -> EmergencyLocation {
    EmergencyLocation {
        id: LocationId(3),
        description: "Redmond HQ".into(),
        street: "1 Microsoft Way".into(),
        city: "Redmond".into(),
        state: Some("WA".into()),
        postal_code: "98052".into(),
        country: Country::parse("US").unwrap(),
        validated,
    }
}

/// The variant names each row broke, so a case reads as one line.
fn names(found: &[Vec<Violation>]) -> Vec<Vec<String>> {
    found
        .iter()
        .map(|row| {
            row.iter()
                .map(|v| {
                    let debug = format!("{v:?}");
                    debug.split([' ', '{']).next().unwrap_or("").to_owned()
                })
                .collect()
        })
        .collect()
}

/// Adele holds 0101, Lee holds 0102, Megan holds nothing; 0103 and 0104 are free.
#[test]
fn a_set_is_checked_as_a_whole() {
    let n1 = number(101, Some((1, "Adele")));
    let n2 = number(102, Some((3, "Lee")));
    let (n3, n4) = (number(103, None), number(104, None));
    let adele = user(1, "Adele", Some(&n1));
    let megan = user(2, "Megan", None);
    let lee = user(3, "Lee", Some(&n2));
    let (ok, unvalidated) = (location(true), location(false));
    let give = |u, n| Proposal {
        user: u,
        change: Proposed::Assign {
            number: NumberLookup::Found(n),
            location: Some(&ok),
        },
    };
    let remove = |u| Proposal {
        user: u,
        change: Proposed::Remove,
    };
    let missing = E164::parse("+14255550199").unwrap();
    type Case<'a> = (&'a str, Vec<Proposal<'a>>, Vec<Vec<&'a str>>);
    let cases: Vec<Case> = vec![
        (
            "two free numbers to two users",
            vec![give(&megan, &n3), give(&adele, &n4)],
            vec![vec![], vec![]],
        ),
        (
            "one free number to two users",
            vec![give(&megan, &n3), give(&adele, &n3)],
            vec![vec!["NumberTwiceInSet"], vec!["NumberTwiceInSet"]],
        ),
        (
            "one user twice",
            vec![give(&megan, &n3), give(&megan, &n4)],
            vec![vec![], vec!["UserTwiceInSet"]],
        ),
        (
            "removing from a user who holds nothing",
            vec![remove(&megan), remove(&adele)],
            vec![vec!["NothingToRemove"], vec![]],
        ),
        (
            "two users swap their numbers",
            vec![give(&adele, &n2), give(&lee, &n1)],
            vec![vec![], vec![]],
        ),
        (
            "a number its holder keeps (holder not in the set)",
            vec![give(&megan, &n1)],
            vec![vec!["AlreadyAssigned"]],
        ),
        (
            "a number its holder gives up in the same set",
            vec![give(&megan, &n1), remove(&adele)],
            vec![vec![], vec![]],
        ),
        (
            "a number its holder moves to another location in the same set",
            vec![give(&megan, &n1), give(&adele, &n1)],
            vec![
                vec!["NumberTwiceInSet", "AlreadyAssigned"],
                vec!["NumberTwiceInSet"],
            ],
        ),
        (
            "a number not in the inventory",
            vec![Proposal {
                user: &megan,
                change: Proposed::Assign {
                    number: NumberLookup::NotFound(&missing),
                    location: Some(&ok),
                },
            }],
            vec![vec!["NumberNotFound"]],
        ),
        (
            "each row still meets every single-assignment rule",
            vec![Proposal {
                user: &megan,
                change: Proposed::Assign {
                    number: NumberLookup::Found(&n3),
                    location: Some(&unvalidated),
                },
            }],
            vec![vec!["LocationNotValidated"]],
        ),
    ];
    for (case, rows, expected) in cases {
        let found = check_set(&rows, &today());
        assert_eq!(names(&found), expected, "{case}");
    }
}

#[test]
fn a_number_given_twice_names_the_other_user() {
    let free = number(103, None);
    let ok = location(true);
    let (megan, adele) = (user(2, "Megan", None), user(1, "Adele", None));
    let rows: Vec<Proposal> = [&megan, &adele]
        .into_iter()
        .map(|u| Proposal {
            user: u,
            change: Proposed::Assign {
                number: NumberLookup::Found(&free),
                location: Some(&ok),
            },
        })
        .collect();
    let found = check_set(&rows, &today());
    assert_eq!(
        found[0][0].to_string(),
        "Telephone Number '+14255550103' is also given to Adele in this change; each number can go to one user."
    );
}
