//! The accounts a fresh installation starts with: the first Global
//! administrator, and with a demo organisation, optional demo accounts.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use app::auth::common_passwords::check_chosen_password;
use app::auth::password::{self, Passwords};
use app::clock::Clock;
use app::domain::{normalise_username, OneTimePasswordLifetime, Role};
use app::store::accounts::{self, NewAccount};
use sqlx::AnyPool;

/// Where a generated first password is written, in the data folder.
pub const PASSWORD_FILE: &str = "first-admin-password.txt";

/// What start-up did about the first administrator.
#[derive(Debug, PartialEq, Eq)]
pub enum FirstAdmin {
    /// Accounts exist already: nothing done.
    Existing,
    /// Created with the password from the settings.
    Created { username: String },
    /// Created with a generated one-time password, written to
    /// `password_file` (readable by the server's user only). Standard output
    /// often ends in a log, so the password never goes there.
    Generated {
        username: String,
        password_file: PathBuf,
    },
}

impl FirstAdmin {
    /// What the server prints about it on start, if anything.
    pub fn announcement(&self, lifetime: OneTimePasswordLifetime) -> Option<String> {
        match self {
            FirstAdmin::Existing => None,
            FirstAdmin::Created { username } => Some(format!(
                "First administrator '{username}' created with the given password."
            )),
            FirstAdmin::Generated {
                username,
                password_file,
            } => Some(format!(
                "\nFirst administrator created. Sign in as '{username}' with the one-time password in\n\n    {}\n\n(readable only by this user) within {}, choose your own password, then delete the file.\n",
                password_file.display(),
                lifetime.span(),
            )),
        }
    }
}

/// Creates the first Global administrator when there is no account yet; a
/// generated password goes to [`PASSWORD_FILE`] in `data_dir`.
pub async fn ensure_first_admin(
    pool: &AnyPool,
    username: &str,
    given_password: Option<&str>,
    data_dir: &Path,
    passwords: &Passwords,
    clock: &dyn Clock,
) -> anyhow::Result<FirstAdmin> {
    let username = normalise_username(username);
    if username.chars().count() < 3 {
        bail!("the administrator's username must have at least 3 characters");
    }
    if let Some(p) = given_password {
        if let Err(why) = check_chosen_password(p, &username) {
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
    if !generated {
        tx.commit().await?;
        return Ok(FirstAdmin::Created { username });
    }
    // Written before the account is committed: if it can't be, there is no
    // administrator whose password nobody knows.
    let password_file = data_dir.join(PASSWORD_FILE);
    std::fs::create_dir_all(data_dir)
        .and_then(|()| crate::private_file::replace(&password_file, &format!("{secret}\n")))
        .with_context(|| {
            format!(
                "writing the one-time password to {}",
                password_file.display()
            )
        })?;
    tx.commit().await?;
    Ok(FirstAdmin::Generated {
        username,
        password_file,
    })
}

/// Demo sign-in accounts: a Voice administrator, a Helpdesk account, and the
/// named Contoso users (voice users 1 to 12) as Users, all with `password`.
pub async fn create_demo_accounts(
    pool: &AnyPool,
    password_text: &str,
    passwords: &Passwords,
    clock: &dyn Clock,
) -> anyhow::Result<usize> {
    if let Err(why) = check_chosen_password(password_text, "") {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_announcement_names_the_file_never_the_password() {
        let generated = FirstAdmin::Generated {
            username: "admin".into(),
            password_file: PathBuf::from("data").join(PASSWORD_FILE),
        };

        let text = generated
            .announcement(OneTimePasswordLifetime::default())
            .expect("something to say");

        assert!(
            text.contains("Sign in as 'admin' with the one-time password in\n\n    data/first-admin-password.txt\n"),
            "{text}"
        );
        assert!(text.contains("within 24 hours, choose your own"), "{text}");
        assert_eq!(
            FirstAdmin::Existing.announcement(OneTimePasswordLifetime::default()),
            None
        );
    }
}
