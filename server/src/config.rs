//! Settings from flags or the environment.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

use crate::demo::DemoOrg;

/// Switchboard: assign, change and remove your users' phone numbers.
#[derive(Debug, Clone, Parser)]
#[command(version, about)]
pub struct Settings {
    /// Address and port to listen on.
    #[arg(long, env = "SWITCHBOARD_LISTEN", default_value = "127.0.0.1:3000")]
    pub listen: SocketAddr,

    /// Folder for the embedded database (switchboard.db).
    #[arg(long, env = "SWITCHBOARD_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// Database to use instead of the embedded file, e.g. sqlite:///srv/switchboard.db.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,

    /// Demo organisation to create when the database is empty:
    /// contoso, contoso-without-numbers, contoso-without-voice or none.
    #[arg(long, env = "SWITCHBOARD_DEMO", default_value = "none")]
    pub demo: DemoChoice,

    /// Folder holding the compiled browser bundle and styles (cargo-leptos's site root).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoChoice(pub Option<DemoOrg>);

impl std::str::FromStr for DemoChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s == "none" {
            Ok(Self(None))
        } else {
            s.parse::<DemoOrg>()
                .map(|o| Self(Some(o)))
                .map_err(|e| e.to_string())
        }
    }
}

impl Settings {
    /// The database URL: the flag or variable if given, else the file in the data folder.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!(
                "sqlite://{}",
                self.data_dir.join("switchboard.db").display()
            ),
        }
    }
}
