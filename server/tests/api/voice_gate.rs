//! The Voice area exists only for organisations with an Enterprise E5,
//! Phone System or Audio Conferencing licence; the server enforces it.

use serde_json::json;

use crate::helpers::*;
use server::demo::DemoOrg;

#[tokio::test]
async fn without_a_voice_licence_every_voice_function_answers_403() {
    let app = spawn_app_with(DemoOrg::ContosoWithoutVoice).await;
    let calls = [
        ("/api/voice-users/list", json!({ "query": query("") })),
        ("/api/voice-users/get", json!({ "id": MEGAN })),
        (
            "/api/numbers/assignable",
            json!({ "filter": { "text": "", "country": null, "limit": 10 } }),
        ),
        ("/api/emergency-locations/list", json!({ "city": "" })),
        (
            "/api/assignments/remove",
            json!({ "request": { "user_id": MEGAN, "expected_version": 1 } }),
        ),
    ];
    for (path, body) in calls {
        let (status, answer) = app.call(path, body).await;
        assert_eq!(status, 403, "{path}: {answer}");
        assert!(
            answer
                .to_string()
                .contains("Enterprise E5, Phone System or Audio Conferencing"),
            "{answer}"
        );
    }
    let (status, areas) = app.call("/api/console/status", json!({})).await;
    assert_eq!(status, 200, "{areas}");
    assert_eq!(areas["voice"], false, "{areas}");
    let (status, _) = app.call("/api/licences/list", json!({})).await;
    assert_eq!(
        status, 200,
        "Billing stays open: it is where the admin buys the licence"
    );
}

#[tokio::test]
async fn with_a_voice_licence_the_console_reports_voice() {
    let app = spawn_app().await;
    let (status, areas) = app.call("/api/console/status", json!({})).await;
    assert_eq!(status, 200, "{areas}");
    assert_eq!(areas["voice"], true, "{areas}");
    assert_eq!(areas["account"]["username"], "admin", "{areas}");
    assert_eq!(areas["account"]["role"], "GlobalAdmin", "{areas}");
}
