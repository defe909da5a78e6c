use super::super::*;
use super::change;

#[test]
fn a_batch_says_which_number_was_taken_from_under_an_open_dialog() {
    use AuditAction::*;
    let megan = UserId(3);
    let cases = [
        // (action, to whom, number, taken from a dialog for megan?)
        (NumberAssigned, Some(2), "+14255550100", true),
        (NumberChanged, Some(2), "+14255550100", true),
        (NumberAssigned, Some(3), "+14255550100", false),
        (NumberAssigned, Some(2), "+14255550199", false),
        (NumberRemoved, Some(2), "+14255550100", false),
        (NumbersReleased, None, "+14255550100", false),
    ];
    for (action, user, number, taken) in cases {
        let changes = [LiveChange {
            number: Some(number.to_owned()),
            ..change(action, user)
        }];
        assert_eq!(
            number_taken(&changes, "+14255550100", megan).is_some(),
            taken,
            "{action:?} to {user:?} of {number}"
        );
    }
}

#[test]
fn a_batch_touches_the_parts_its_changes_do_and_everything_on_reload() {
    use AuditAction::*;
    let one = |action| LiveBatch {
        changes: vec![change(action, Some(2))],
        ..LiveBatch::default()
    };
    let cases = [
        (NumberAssigned, Touches::Voice, true),
        (NumberAssigned, Touches::Inventory, false),
        (NumbersAdded, Touches::Inventory, true),
        (LocationRenamed, Touches::Locations, true),
        (LicenceRemoved, Touches::Licences, true),
        (LicenceRemoved, Touches::Voice, false),
    ];
    for (action, part, touches) in cases {
        assert_eq!(one(action).touches(part), touches, "{action:?} {part:?}");
    }
    let reload = LiveBatch {
        reload: true,
        ..LiveBatch::default()
    };
    assert!(reload.touches(Touches::Locations));
}

#[test]
fn a_console_is_not_told_of_its_own_saves() {
    use AuditAction::*;
    let mine = change(NumberAssigned, Some(2));
    let theirs = LiveChange {
        actor: "admin".to_owned(),
        ..change(NumberRemoved, Some(3))
    };
    let user = |id: i64| VoiceUser {
        id: UserId(id),
        display_name: format!("User {id}"),
        username: format!("user{id}@contoso.com"),
        usage_location: crate::domain::Country::parse("US").unwrap(),
        licences: Vec::new(),
        assigned_number: None,
        emergency_location: None,
        version: 2,
        provisioning: None,
    };
    let batch = LiveBatch {
        changes: vec![mine, theirs.clone()],
        users: vec![user(2), user(3)],
        reload: false,
    };
    let cases = [
        // (me, changes left, users left)
        ("voice.admin", vec![theirs.clone()], vec![user(3)]),
        ("nobody", batch.changes.clone(), batch.users.clone()),
    ];
    for (me, changes, users) in cases {
        let others = batch.by_others(me);
        assert_eq!(others.changes, changes, "{me}");
        assert_eq!(others.users, users, "{me}");
    }
    assert!(batch.by_others("voice.admin").by_others("admin").is_empty());
    let reload = LiveBatch {
        reload: true,
        ..LiveBatch::default()
    };
    assert!(
        !reload.by_others("admin").is_empty(),
        "a reload is for everyone"
    );
}
