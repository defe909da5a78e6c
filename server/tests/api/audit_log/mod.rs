//! The audit log: each change writes exactly one entry (one per number for
//! the number inventory), in the transaction of the change; refused changes
//! write none. It can be searched, filtered, paged and exported as CSV, and
//! the database refuses to edit or delete it, except to archive entries
//! older than the retention setting.

mod append_only;
mod csv_export;
mod listing;
mod recording_accounts;
mod recording_voice;
mod refused;
mod retention;

use crate::helpers::*;

/// The Bellevue address as `describe_location` writes it.
const BELLEVUE: &str = "500 108th Ave NE, Bellevue WA 98004, US";

/// Entries on two days: the 26th (sign-ins, an assignment by voice.admin, a
/// change of Adele's location, a sign-in at 23:59:59) and the 27th (a
/// sign-in at midnight and a rename). `app.client` is signed in again on the
/// 27th.
async fn two_days_of_changes(app: &mut TestApp) -> String {
    let voice_admin = app.as_role("VoiceAdmin").await;
    let number = app.free_number("US", "calling_plan").await;
    let assign = Call::assign(MEGAN, &number, Some(REDMOND_HQ), 1);
    let (status, body) = app.send_with(&voice_admin, assign).await;
    assert_eq!(status, 200, "{body}");
    app.done(Call::assign(ADELE, ADELES_NUMBER, Some(SEATTLE_OFFICE), 1))
        .await;

    let to_midnight = 86_400 - NOW % 86_400;
    app.clock.advance(to_midnight - 1);
    app.signed_in(HELPDESK, DEMO_PASSWORD).await;
    app.clock.advance(1);
    app.client = app.signed_in("admin", ADMIN_PASSWORD).await;
    app.done(Call::rename_location(LONDON_OFFICE, "London Paddington"))
        .await;
    number
}
