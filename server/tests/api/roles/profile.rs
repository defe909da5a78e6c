//! My profile: a user's own Work Phone, read-only, as the admins set it.

use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn a_user_sees_their_own_work_phone_in_international_form() {
    let app = spawn_app().await;
    let adele = app.as_role("User").await;

    let (status, profile) = app
        .call_with(&adele, "/api/auth/my-profile", json!({}))
        .await;

    assert_eq!(status, 200, "{profile}");
    assert_eq!(
        profile,
        json!({
            "display_name": "Adele Vance",
            "username": ADELE_USERNAME,
            "role": "User",
            "work_phone": "+1 425-555-0100",
            "emergency_location": "Redmond HQ, 1 Microsoft Way, Redmond",
            "is_voice_user": true,
        })
    );

    // An admin changes her number: her profile follows.
    let number = app.free_number("US", "calling_plan").await;
    let (status, user) = app.assign(ADELE, &number, Some(SEATTLE_OFFICE), 1).await;
    assert_eq!(status, 200, "{user}");
    let (_, profile) = app
        .call_with(&adele, "/api/auth/my-profile", json!({}))
        .await;
    assert_eq!(
        profile["work_phone"],
        user["assigned_number"]["number"]["international"]
    );
    assert!(
        profile["work_phone"].as_str().unwrap().starts_with("+1 "),
        "{profile}"
    );
    assert_eq!(
        profile["emergency_location"],
        "Seattle Office, 2701 Alaskan Way, Seattle"
    );
}

#[tokio::test]
async fn an_admin_who_is_no_voice_user_has_a_profile_without_a_work_phone() {
    let app = spawn_app().await;
    let (status, profile) = app.call("/api/auth/my-profile", json!({})).await;
    assert_eq!(status, 200, "{profile}");
    assert_eq!(profile["display_name"], "Administrator");
    assert_eq!(profile["role"], "GlobalAdmin");
    assert_eq!(profile["is_voice_user"], false);
    assert!(profile["work_phone"].is_null(), "{profile}");
    assert!(profile["emergency_location"].is_null(), "{profile}");
}
