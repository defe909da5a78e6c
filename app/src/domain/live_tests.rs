use super::*;

fn change(action: AuditAction, user: Option<i64>) -> LiveChange {
    LiveChange {
        id: 7,
        at: 1_000,
        actor: "voice.admin".to_owned(),
        action,
        target: "Alex Wilber".to_owned(),
        user: user.map(UserId),
        user_name: user.map(|_| "Alex Wilber".to_owned()),
        number: Some("+14255550100".to_owned()),
    }
}

fn listener(role: Role, own: Option<i64>) -> Listener {
    Listener {
        role,
        voice_open: true,
        own: own.map(UserId),
    }
}

#[test]
fn each_role_hears_what_it_may_read() {
    use AuditAction::*;
    let cases = [
        (
            Role::GlobalAdmin,
            NumberAssigned,
            None,
            true,
            "a Global administrator hears voice changes",
        ),
        (
            Role::VoiceAdmin,
            NumbersReleased,
            None,
            true,
            "a Voice administrator hears the inventory",
        ),
        (
            Role::Helpdesk,
            NumberChanged,
            None,
            true,
            "Helpdesk may read voice users",
        ),
        (
            Role::Helpdesk,
            LicenceAssigned,
            None,
            true,
            "Helpdesk may read licences",
        ),
        (
            Role::Helpdesk,
            LocationAdded,
            None,
            true,
            "Helpdesk may read locations",
        ),
        (
            Role::User,
            NumberChanged,
            Some(2),
            false,
            "a User hears nothing of another user",
        ),
        (
            Role::User,
            NumberChanged,
            Some(1),
            true,
            "a User hears of their own Work Phone",
        ),
        (
            Role::User,
            LicenceRemoved,
            Some(1),
            true,
            "a User hears of their own licences",
        ),
        (
            Role::User,
            NumbersAdded,
            Some(1),
            false,
            "a User hears nothing of the inventory",
        ),
        (
            Role::User,
            LocationRenamed,
            Some(1),
            false,
            "a User hears nothing of locations",
        ),
        (
            Role::GlobalAdmin,
            AccountCreated,
            None,
            false,
            "accounts are not live",
        ),
        (
            Role::GlobalAdmin,
            SignedIn,
            None,
            false,
            "sign-ins are not live",
        ),
    ];
    for (role, action, own, heard, why) in cases {
        let user = if action == NumbersAdded || action == LocationRenamed {
            None
        } else {
            Some(1)
        };
        let got = listener(role, own).sees(&change(action, user));
        assert_eq!(got.is_some(), heard, "{why}");
    }
}

#[test]
fn an_end_user_is_not_told_who_changed_their_number() {
    let heard = listener(Role::User, Some(1))
        .sees(&change(AuditAction::NumberRemoved, Some(1)))
        .expect("their own change");
    assert_eq!(heard.actor, "");
    assert_eq!(heard.note(5), "Your Work Phone was changed just now.");
    let admin = listener(Role::VoiceAdmin, None)
        .sees(&change(AuditAction::NumberRemoved, Some(1)))
        .expect("an admin hears it");
    assert_eq!(admin.actor, "voice.admin", "an admin is told who");
}

#[test]
fn voice_changes_stay_closed_without_a_voice_licence() {
    let closed = Listener {
        voice_open: false,
        ..listener(Role::Helpdesk, None)
    };
    assert_eq!(
        closed.sees(&change(AuditAction::NumberAssigned, Some(1))),
        None,
        "voice gated"
    );
    assert!(
        closed
            .sees(&change(AuditAction::LicenceAssigned, Some(1)))
            .is_some(),
        "licences are not behind the Voice gate"
    );
}

#[test]
fn a_note_says_what_happened_and_how_long_ago() {
    use AuditAction::*;
    let cases = [
        (
            NumberChanged,
            3,
            "Alex Wilber's number was changed by voice.admin just now.",
        ),
        (
            NumberAssigned,
            70,
            "Alex Wilber was assigned a number by voice.admin a minute ago.",
        ),
        (
            NumberRemoved,
            600,
            "Alex Wilber's number was removed by voice.admin 10 minutes ago.",
        ),
        (
            LicenceAssigned,
            0,
            "Alex Wilber's licenses were changed by voice.admin just now.",
        ),
        (
            LocationDeleted,
            0,
            "The emergency location Alex Wilber was deleted by voice.admin just now.",
        ),
        (
            NumberChanged,
            7_200,
            "Alex Wilber's number was changed by voice.admin earlier.",
        ),
        (
            ProvisioningConfirmed,
            2,
            "The phone system confirmed the change to Alex Wilber's number just now.",
        ),
        (
            ProvisioningFailed,
            2,
            "The phone system failed the change to Alex Wilber's number just now; Switchboard keeps retrying.",
        ),
    ];
    for (action, ago, note) in cases {
        assert_eq!(
            change(action, Some(1)).note(ago),
            note,
            "{action:?} after {ago} s"
        );
    }
}

#[test]
fn a_batch_note_counts_its_changes() {
    let one = [change(AuditAction::NumberChanged, Some(1))];
    let two = [
        one[0].clone(),
        LiveChange {
            id: 8,
            ..one[0].clone()
        },
    ];
    let mixed = [
        one[0].clone(),
        LiveChange {
            actor: "admin".to_owned(),
            ..one[0].clone()
        },
    ];
    let cases: [(&[LiveChange], Option<&str>); 4] = [
        (&[], None),
        (
            &one,
            Some("Alex Wilber's number was changed by voice.admin just now."),
        ),
        (&two, Some("2 changes were made by voice.admin just now.")),
        (
            &mixed,
            Some("2 changes were made by other admins just now."),
        ),
    ];
    for (changes, note) in cases {
        assert_eq!(
            batch_note(changes, 1_010).as_deref(),
            note,
            "{} changes",
            changes.len()
        );
    }
}

#[test]
fn the_stream_reads_exactly_the_live_actions() {
    let live: Vec<_> = live_actions().collect();
    assert!(live.contains(&AuditAction::NumberAssigned));
    assert!(live.contains(&AuditAction::NumbersPorted));
    assert!(live.contains(&AuditAction::ProvisioningConfirmed));
    assert!(!live.contains(&AuditAction::PasswordChanged));
    assert!(!live.contains(&AuditAction::DriftFound));
    assert_eq!(
        live.len(),
        13,
        "assign, change, remove; the phone system's confirmation and failure; \
         add, port, release; 3 location; 2 licence"
    );
}

/// What a message tells the pages: a number taken, the parts it touches,
/// the changes by others.
#[path = "live_batch_tests.rs"]
mod batch;
