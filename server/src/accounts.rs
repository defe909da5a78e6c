//! The accounts a fresh installation starts with: the first Global
//! administrator, and with a demo organisation, optional demo accounts.

use anyhow::{bail, Context};
use app::auth::password::{self, Passwords};
use app::clock::Clock;
use app::domain::{check_new_password, normalise_username, Role};
use app::store::accounts::{self, NewAccount};
use sqlx::SqlitePool;

/// What start-up did about the first administrator.
#[derive(Debug, PartialEq, Eq)]
pub enum FirstAdmin {
    /// Accounts exist already: nothing done.
    Existing,
    /// Created with the password from the settings.
    Created { username: String },
    /// Created with a generated password, to be printed once.
    Generated { username: String, password: String },
}

/// Creates the first Global administrator when there is no account yet.
pub async fn ensure_first_admin(
    pool: &SqlitePool,
    username: &str,
    given_password: Option<&str>,
    passwords: &Passwords,
    clock: &dyn Clock,
) -> anyhow::Result<FirstAdmin> {
    let username = normalise_username(username);
    if username.chars().count() < 3 {
        bail!("the administrator's username must have at least 3 characters");
    }
    if let Some(p) = given_password {
        if let Err(why) = check_new_password(p, &username) {
            bail!("SWITCHBOARD_ADMIN_PASSWORD is not accepted: {why}");
        }
    }
    let mut tx = app::store::begin_write(pool).await?;
    if accounts::count(&mut tx).await? > 0 {
        return Ok(FirstAdmin::Existing);
    }
    let (secret, generated) = match given_password {
        Some(p) => (p.to_owned(), false),
        None => (password::generate(), true),
    };
    let hash = passwords
        .hash(secret.clone())
        .await
        .context("hashing the administrator's password")?;
    accounts::insert(
        &mut tx,
        &NewAccount {
            username: &username,
            display_name: "Administrator",
            role: Role::GlobalAdmin,
            password_hash: &hash,
            must_change_password: generated,
        },
        clock.now(),
    )
    .await
    .context("creating the first administrator")?;
    tx.commit().await?;
    Ok(if generated {
        FirstAdmin::Generated {
            username,
            password: secret,
        }
    } else {
        FirstAdmin::Created { username }
    })
}

/// Demo sign-in accounts: a Voice administrator, a Helpdesk account, and the
/// named Contoso users (voice users 1 to 12) as Users, all with `password`.
pub async fn create_demo_accounts(
    pool: &SqlitePool,
    password_text: &str,
    passwords: &Passwords,
    clock: &dyn Clock,
) -> anyhow::Result<usize> {
    if let Err(why) = check_new_password(password_text, "") {
        bail!("SWITCHBOARD_DEMO_PASSWORD is not accepted: {why}");
    }
    let hash = passwords
        .hash(password_text.to_owned())
        .await
        .context("hashing the demo password")?;
    let mut tx = app::store::begin_write(pool).await?;
    let named: Vec<(String, String)> = sqlx::query_as(
        "SELECT username, display_name FROM voice_users WHERE id BETWEEN 1 AND 12 ORDER BY id",
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut people = vec![
        (
            "voice.admin".to_owned(),
            "Voice Admin".to_owned(),
            Role::VoiceAdmin,
        ),
        ("helpdesk".to_owned(), "Helpdesk".to_owned(), Role::Helpdesk),
    ];
    people.extend(named.into_iter().map(|(u, d)| (u, d, Role::User)));
    let mut created = 0;
    for (username, display_name, role) in &people {
        let new = NewAccount {
            username: &normalise_username(username),
            display_name,
            role: *role,
            password_hash: &hash,
            must_change_password: false,
        };
        if accounts::insert(&mut tx, &new, clock.now())
            .await?
            .is_some()
        {
            created += 1;
        }
    }
    tx.commit().await?;
    Ok(created)
}
