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
    /// contoso, contoso-without-numbers, contoso-without-voice, contoso-100k
    /// (100,000 users, 150,000 numbers; seconds to create) or none.
    #[arg(long, env = "SWITCHBOARD_DEMO", default_value = "none")]
    pub demo: DemoChoice,

    /// Username of the first Global administrator, created when there is no account yet.
    #[arg(long, env = "SWITCHBOARD_ADMIN_USERNAME", default_value = "admin")]
    pub admin_username: String,

    /// Password for that first administrator (at least 12 characters). Without
    /// it a one-time password is generated and printed once.
    #[arg(long, env = "SWITCHBOARD_ADMIN_PASSWORD", hide_env_values = true)]
    pub admin_password: Option<String>,

    /// With a demo organisation: also create demo sign-in accounts
    /// (voice.admin, helpdesk, and the named Contoso users) with this password.
    #[arg(long, env = "SWITCHBOARD_DEMO_PASSWORD", hide_env_values = true)]
    pub demo_password: Option<String>,

    /// The address people use, e.g. https://switchboard.contoso.com. With
    /// https, cookies are Secure and HSTS is sent.
    #[arg(long, env = "SWITCHBOARD_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// A reverse proxy in front of the server, whose X-Forwarded-For names
    /// the client: an address (10.0.0.5) or a range (10.0.0.0/8); repeat the
    /// flag or separate with commas. Without it every client behind a proxy
    /// shares the proxy's address in the sign-in throttle and the audit log.
    #[arg(
        long = "trusted-proxy",
        env = "SWITCHBOARD_TRUSTED_PROXY",
        value_delimiter = ','
    )]
    pub trusted_proxy: Vec<app::auth::client_address::TrustedProxy>,

    /// Minutes without a request after which a session ends.
    #[arg(long, env = "SWITCHBOARD_SESSION_IDLE_MINUTES", default_value_t = 30)]
    pub session_idle_minutes: i64,

    /// Hours after sign-in after which a session ends, busy or not.
    #[arg(long, env = "SWITCHBOARD_SESSION_MAX_HOURS", default_value_t = 12)]
    pub session_max_hours: i64,

    /// Hours sign-in accepts a one-time password (a new account's, a reset
    /// one, the first administrator's) after it was issued.
    #[arg(long, env = "SWITCHBOARD_ONE_TIME_PASSWORD_HOURS", default_value_t = app::domain::OneTimePasswordLifetime::DEFAULT_HOURS, value_parser = clap::value_parser!(u32).range(1..))]
    pub one_time_password_hours: u32,

    /// Archive audit entries older than this many days to a file in the data
    /// folder, then delete them from the database; on start and daily.
    /// Without it the audit log keeps everything.
    #[arg(long, env = "SWITCHBOARD_AUDIT_RETENTION_DAYS", value_parser = clap::value_parser!(u32).range(1..))]
    pub audit_retention_days: Option<u32>,

    /// The phone system every assignment, change and removal is
    /// provisioned to: none (confirms at once), simulated (a stand-in with a
    /// delay and a failure rate) or kamailio.
    #[arg(
        long,
        env = "SWITCHBOARD_PHONE_SYSTEM",
        value_enum,
        default_value = "none"
    )]
    pub phone_system: crate::provisioning::PhoneSystemChoice,

    /// Kamailio's JSON-RPC over HTTP (modules xhttp and jsonrpcs), for
    /// --phone-system kamailio.
    #[arg(
        long,
        env = "SWITCHBOARD_KAMAILIO_URL",
        default_value = "http://127.0.0.1:5092/RPC"
    )]
    pub kamailio_url: String,

    /// Days a number given back (removed, or changed for another) stays
    /// blocked from being assigned again; 0: free at once.
    #[arg(long, env = "SWITCHBOARD_REUSE_BLOCK_DAYS", default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=365))]
    pub reuse_block_days: u32,

    /// Minutes between the drift checks the server makes itself (the first
    /// on start); 0: only when an admin asks.
    #[arg(long, env = "SWITCHBOARD_DRIFT_CHECK_MINUTES", default_value_t = 60)]
    pub drift_check_minutes: u64,

    /// Milliseconds the simulated phone system takes for each change.
    #[arg(long, env = "SWITCHBOARD_SIMULATED_DELAY_MS", default_value_t = 2000)]
    pub simulated_delay_ms: u64,

    /// Share of the simulated phone system's attempts that fail, 0 to 1.
    #[arg(
        long,
        env = "SWITCHBOARD_SIMULATED_FAILURE_RATE",
        default_value_t = 0.0
    )]
    pub simulated_failure_rate: f64,

    /// Requests each API token may make a minute; more are answered 429
    /// with Retry-After.
    #[arg(long, env = "SWITCHBOARD_TOKEN_REQUESTS_PER_MINUTE", default_value_t = app::auth::rate_limit::DEFAULT_PER_MINUTE, value_parser = clap::value_parser!(u32).range(1..))]
    pub token_requests_per_minute: u32,

    /// Memory argon2id uses to hash one password, in KiB. Lower only for tests.
    #[arg(long, env = "SWITCHBOARD_PASSWORD_HASH_MEMORY_KIB", default_value_t = app::auth::password::HashCost::default().memory_kib)]
    pub password_hash_memory_kib: u32,

    /// Passes argon2id makes over that memory for one password.
    #[arg(long, env = "SWITCHBOARD_PASSWORD_HASH_ITERATIONS", default_value_t = app::auth::password::HashCost::default().iterations)]
    pub password_hash_iterations: u32,

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
    /// The phone system the settings name, opened.
    pub fn phone_system(&self) -> anyhow::Result<crate::provisioning::PhoneSystem> {
        use crate::provisioning::{Kamailio, PhoneSystem, PhoneSystemChoice, Simulated};
        Ok(match self.phone_system {
            PhoneSystemChoice::None => PhoneSystem::None,
            PhoneSystemChoice::Simulated => PhoneSystem::Simulated(Simulated::open(
                &self.data_dir,
                std::time::Duration::from_millis(self.simulated_delay_ms),
                self.simulated_failure_rate,
            )?),
            PhoneSystemChoice::Kamailio => {
                PhoneSystem::Kamailio(Kamailio::new(&self.kamailio_url)?)
            }
        })
    }

    /// The session and password settings; fails on a password hashing cost
    /// argon2 refuses.
    pub fn auth(&self) -> anyhow::Result<app::auth::AuthSettings> {
        let cost = app::auth::password::HashCost {
            memory_kib: self.password_hash_memory_kib,
            iterations: self.password_hash_iterations,
        };
        Ok(app::auth::AuthSettings {
            secure: self
                .public_url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://")),
            idle_timeout: self.session_idle_minutes.max(1) * 60,
            absolute_timeout: self.session_max_hours.max(1) * 3600,
            passwords: app::auth::password::Passwords::new(cost)?,
            trusted_proxies: app::auth::client_address::TrustedProxies::new(
                self.trusted_proxy.clone(),
            ),
            token_limits: app::auth::rate_limit::TokenLimits::new(self.token_requests_per_minute),
        })
    }

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
