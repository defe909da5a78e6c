//! A refused change writes no entry; a change whose entry can't be written
//! doesn't happen.

use serde_json::json;

use crate::helpers::*;
use crate::roles::{writes, Fixture, AUDIT};

#[tokio::test]
async fn a_refused_change_writes_no_entry_and_changes_nothing() {
    let app = spawn_app().await;
    let free = app.free_number("US", "calling_plan").await;
    let admin_id = app.account_id("admin").await;
    let nowhere = json!({
        "description": "Nowhere", "street": "No number street", "city": "Bellevue",
        "state": null, "postal_code": "1", "country": "US"
    });
    let refused = [
        (
            Call::assign(MEGAN, ADELES_NUMBER, Some(REDMOND_HQ), 1),
            409,
            "the number is Adele's",
        ),
        (
            Call::assign(MEGAN, &free, Some(REDMOND_HQ), 7),
            409,
            "a stale pane",
        ),
        (
            Call::remove_selected(&[(ADELE, 1), (ALEX, 5)]),
            409,
            "Adele's removal is written first, then Alex's is stale: neither stays",
        ),
        (
            Call::release(json!([free, ADELES_NUMBER])),
            409,
            "the free number sorts first and is released, then Adele's is refused",
        ),
        (Call::add_location(nowhere), 422, "an invalid address"),
        (Call::delete_location(REDMOND_HQ), 409, "a location in use"),
        (
            Call::licence(ADELE, "DomesticCallingPlan", false, 1, false),
            409,
            "a licence Adele's number needs",
        ),
        (
            Call::create_account("helpdesk", "Twin", "Helpdesk"),
            409,
            "a username taken",
        ),
        (
            Call::set_role(admin_id, "Helpdesk", 1),
            409,
            "the admin's own role",
        ),
    ];
    for (call, expected, why) in refused {
        let before = app.snapshot_of(&ALL_TABLES).await;
        let (status, answer) = app.send(call).await;
        assert_eq!(status, expected, "{why}: {answer}");
        app.assert_unchanged(&before, why).await;
    }
}

/// With the audit log refusing every new entry, each write of the role
/// matrix that records one answers 500 and leaves no trace: the change and
/// its entry commit together or not at all.
#[tokio::test]
async fn a_change_whose_entry_cannot_be_written_does_not_happen() {
    let app = spawn_app().await;
    let fixture = Fixture::new(&app).await;
    app.refuse_audit_entries("no entry").await;

    // Undo needs a change set saved first, and revoking a token a token
    // made first, each with its own entry: neither can be made here.
    let made_first = ["/api/change-sets/undo", "/api/auth/tokens/revoke"];
    let recorded: Vec<_> = writes()
        .filter(|w| w.changes.contains(&AUDIT) && !made_first.contains(&w.path))
        .collect();
    assert!(recorded.len() >= 15, "the matrix's recorded writes");
    for write in recorded {
        // Change password counts a guess of the current password before
        // checking it, and keeps the count whatever comes next.
        let tables: Vec<&str> = ALL_TABLES
            .into_iter()
            .filter(|t| *t != "sign_in_throttle" || write.path != "/api/auth/change-password")
            .collect();
        let before = app.snapshot_of(&tables).await;
        let body = (write.body)(&fixture, "GlobalAdmin");

        let answer = app.call(write.path, body).await;

        assert_eq!(answer, (500, json!("Internal")), "{}", write.path);
        app.assert_unchanged(&before, write.path).await;
    }
}
