//! `assign`, `change`, `remove` and `undo`: each one change set, checked by
//! the server against the rules it checks in the console.

use app::domain::{Saved, VoiceUser};
use clap::Args;
use serde_json::json;

use crate::client::{Api, Failure};
use crate::locations::resolve_location;
use crate::output::{done, undo_hint, Format};
use crate::users::resolve_user;

#[derive(Args)]
pub struct Assign {
    /// Username, display name or id.
    user: String,
    /// E.164 (+14255550105) or as written (+1 425-555-0105).
    number: String,
    /// The emergency location: its description or id.
    #[arg(long)]
    location: String,
}

#[derive(Args)]
pub struct Change {
    /// Username, display name or id.
    user: String,
    /// The new number; the current one when left out.
    #[arg(long)]
    number: Option<String>,
    /// The new emergency location; the current one when left out.
    #[arg(long)]
    location: Option<String>,
}

#[derive(Args)]
pub struct Remove {
    /// The users whose numbers go back to the inventory, all or none.
    #[arg(required = true)]
    users: Vec<String>,
}

async fn save_assignment(
    api: &Api,
    user: &VoiceUser,
    number: String,
    location: app::domain::LocationId,
    format: Format,
) -> Result<(), Failure> {
    let request = json!({
        "user_id": user.id, "number": number, "location_id": location,
        "expected_version": user.version,
    });
    let saved: Saved<VoiceUser> = api
        .call("assignments/assign", json!({ "request": request }))
        .await?;
    let now = &saved.saved;
    let message = format!(
        "{} has {} at {}{}",
        now.display_name,
        now.assigned_number
            .as_ref()
            .map_or("no number", |n| n.number.international.as_str()),
        now.emergency_location
            .as_ref()
            .map_or("no location", |l| l.description.as_str()),
        undo_hint(saved.change_set),
    );
    done(format, &message, &json!(saved));
    Ok(())
}

pub async fn assign(api: &Api, args: Assign, format: Format) -> Result<(), Failure> {
    let user = resolve_user(api, &args.user).await?;
    let location = resolve_location(api, &args.location).await?;
    save_assignment(api, &user, args.number, location.id, format).await
}

pub async fn change(api: &Api, args: Change, format: Format) -> Result<(), Failure> {
    if args.number.is_none() && args.location.is_none() {
        return Err(Failure::Usage(
            "say what changes: --number, --location or both".into(),
        ));
    }
    let user = resolve_user(api, &args.user).await?;
    let Some(current) = &user.assigned_number else {
        return Err(Failure::Refused(format!(
            "{} has no number to change: use assign",
            user.display_name
        )));
    };
    let number = args
        .number
        .unwrap_or_else(|| current.number.e164.to_string());
    let location = match (&args.location, &user.emergency_location) {
        (Some(l), _) => resolve_location(api, l).await?.id,
        (None, Some(l)) => l.id,
        (None, None) => {
            return Err(Failure::Usage(format!(
                "{} has no emergency location: give one with --location",
                user.display_name
            )))
        }
    };
    save_assignment(api, &user, number, location, format).await
}

pub async fn remove(api: &Api, args: Remove, format: Format) -> Result<(), Failure> {
    let mut requests = Vec::new();
    let mut names = Vec::new();
    for named in &args.users {
        let user = resolve_user(api, named).await?;
        requests.push(json!({ "user_id": user.id, "expected_version": user.version }));
        names.push(user.display_name);
    }
    let saved: Saved<Vec<VoiceUser>> = api
        .call(
            "assignments/remove-selected",
            json!({ "requests": requests }),
        )
        .await?;
    let message = format!(
        "Removed the numbers of {}{}",
        names.join(", "),
        undo_hint(saved.change_set)
    );
    done(format, &message, &json!(saved));
    Ok(())
}

pub async fn undo(api: &Api, change_set: i64, format: Format) -> Result<(), Failure> {
    let saved: Saved<Vec<VoiceUser>> = api
        .call(
            "change-sets/undo",
            json!({ "request": { "change_set": change_set } }),
        )
        .await?;
    let users: Vec<&str> = saved
        .saved
        .iter()
        .map(|u| u.display_name.as_str())
        .collect();
    let message = format!(
        "Undid change set {change_set} for {}{}",
        users.join(", "),
        undo_hint(saved.change_set)
    );
    done(format, &message, &json!(saved));
    Ok(())
}
