//! Sign-in on the server: password hashes, session tokens and their cookie,
//! and who is calling. Server side only.

pub mod attempt;
pub mod client_address;
pub mod common_passwords;
pub mod cookie;
pub mod password;
pub mod rate_limit;
pub mod recovery_codes;
pub mod session;
pub mod throttle;
pub mod totp;

/// How long sessions live, and whether cookies need https.
#[derive(Clone, Debug)]
pub struct AuthSettings {
    /// Served over https: cookies are `Secure`, and HSTS is sent.
    pub secure: bool,
    /// Signed out after this long without a request.
    pub idle_timeout: i64,
    /// Signed out this long after signing in, busy or not.
    pub absolute_timeout: i64,
    /// Hashes and checks passwords at the configured cost.
    pub passwords: password::Passwords,
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: client_address::TrustedProxies,
    /// Requests each API token may make a minute.
    pub token_limits: rate_limit::TokenLimits,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            secure: false,
            idle_timeout: 30 * 60,
            absolute_timeout: 12 * 60 * 60,
            passwords: password::Passwords::default(),
            trusted_proxies: Default::default(),
            token_limits: Default::default(),
        }
    }
}
