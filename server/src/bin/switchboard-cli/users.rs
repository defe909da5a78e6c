//! `users list` and `users show`, and finding the user a command names.

use app::domain::{LocationId, UserPage, UserQuery, VoiceUser, MAX_USER_PAGE};
use clap::{Args, Subcommand};
use serde_json::{json, Value};

use crate::client::{Api, Failure};
use crate::locations::resolve_location;
use crate::output::{Format, Listing};

#[derive(Subcommand)]
pub enum UsersCommand {
    /// Every voice user matching the filters, all pages.
    List(ListUsers),
    /// One user: username, display name or id.
    Show { user: String },
}

#[derive(Args)]
pub struct ListUsers {
    /// Part of a name, username or number.
    #[arg(long, default_value = "")]
    search: String,
    /// Only users with this emergency location (its name or id).
    #[arg(long)]
    location: Option<String>,
    /// Only users without an assigned number.
    #[arg(long, conflicts_with = "assigned")]
    unassigned: bool,
    /// Only users with an assigned number.
    #[arg(long)]
    assigned: bool,
}

impl ListUsers {
    /// The server's filter: the flags say yes, no or nothing.
    fn filter(&self) -> Option<bool> {
        match (self.assigned, self.unassigned) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        }
    }
}

pub async fn run(api: &Api, command: UsersCommand, format: Format) -> Result<(), Failure> {
    match command {
        UsersCommand::List(l) => list(api, l, format).await,
        UsersCommand::Show { user } => {
            let user = resolve_user(api, &user).await?;
            listing(std::slice::from_ref(&user), json!(user)).print(format);
            Ok(())
        }
    }
}

async fn list(api: &Api, args: ListUsers, format: Format) -> Result<(), Failure> {
    let location = match &args.location {
        Some(l) => Some(resolve_location(api, l).await?.id),
        None => None,
    };
    let users = all_users(api, &args.search, location, args.filter()).await?;
    let json = json!(users);
    listing(&users, json).print(format);
    Ok(())
}

/// Every user of a search and filters, following the pages' cursors.
async fn all_users(
    api: &Api,
    search: &str,
    location: Option<LocationId>,
    assigned: Option<bool>,
) -> Result<Vec<VoiceUser>, Failure> {
    let mut query = UserQuery {
        search: search.to_owned(),
        location,
        assigned,
        limit: MAX_USER_PAGE,
        ..UserQuery::default()
    };
    let mut users = Vec::new();
    loop {
        let page: UserPage = api
            .call("voice-users/list", json!({ "query": query }))
            .await?;
        users.extend(page.users);
        match page.next {
            Some(next) => query.after = Some(next),
            None => return Ok(users),
        }
    }
}

fn listing(users: &[VoiceUser], json: Value) -> Listing {
    Listing {
        headers: &[
            "Username",
            "Display name",
            "Work Phone",
            "Emergency location",
            "Licenses",
        ],
        rows: users
            .iter()
            .map(|u| {
                vec![
                    u.username.clone(),
                    u.display_name.clone(),
                    u.assigned_number
                        .as_ref()
                        .map(|n| n.number.international.clone())
                        .unwrap_or_default(),
                    u.emergency_location
                        .as_ref()
                        .map(|l| l.description.clone())
                        .unwrap_or_default(),
                    u.licences
                        .iter()
                        .map(|l| l.label())
                        .collect::<Vec<_>>()
                        .join("; "),
                ]
            })
            .collect(),
        json,
    }
}

/// The voice user `named`: an id, a username or a display name, matched
/// whole and whatever the case. None or several is refused with the reason.
pub async fn resolve_user(api: &Api, named: &str) -> Result<VoiceUser, Failure> {
    let named = named.trim();
    if let Ok(id) = named.parse::<i64>() {
        return api.call("voice-users/get", json!({ "id": id })).await;
    }
    let found = all_users(api, named, None, None).await?;
    // A username names one user: it wins over display names.
    if let Some(user) = found
        .iter()
        .find(|u| u.username.eq_ignore_ascii_case(named))
    {
        return Ok(user.clone());
    }
    let lower = named.to_lowercase();
    let called: Vec<&VoiceUser> = found
        .iter()
        .filter(|u| u.display_name.to_lowercase() == lower)
        .collect();
    match called.as_slice() {
        [] => Err(Failure::Refused(format!(
            "no voice user is called '{named}'"
        ))),
        [one] => Ok((*one).clone()),
        several => Err(Failure::Usage(format!(
            "{} voice users are called '{named}': name one by username ({})",
            several.len(),
            several
                .iter()
                .map(|u| u.username.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}
