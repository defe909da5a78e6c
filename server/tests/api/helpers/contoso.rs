//! The Contoso demo organisation as the tests know it: the fixed clock, its
//! named users, numbers and locations, and the sign-in accounts.

/// The fixed "now" of every test: 2026-11-26T19:23:10Z.
pub const NOW: i64 = 1_795_720_990;
pub const TODAY: &str = "2026-11-26";

/// Named users of the Contoso demo organisation.
pub const ADELE: i64 = 1;
pub const ALEX: i64 = 2;
pub const MEGAN: i64 = 3;
pub const DIEGO: i64 = 4;
pub const ISAIAH: i64 = 5;
pub const GRADY: i64 = 8;
pub const LEE: i64 = 9;
pub const NESTOR: i64 = 10;
pub const PATTI: i64 = 11;
pub const ADELES_NUMBER: &str = "+14255550100";
pub const ALEXS_NUMBER: &str = "+14255550101";

/// Its emergency locations: 1 to 7 validated, Reading Warehouse not.
pub const REDMOND_HQ: i64 = 1;
pub const SEATTLE_OFFICE: i64 = 2;
pub const LONDON_OFFICE: i64 = 4;
pub const READING_WAREHOUSE: i64 = 8;

/// The first Global administrator's password, and the demo accounts'.
pub const ADMIN_PASSWORD: &str = "correct-horse-staple-1";
pub const DEMO_PASSWORD: &str = "demo-test-password-1";
/// Demo sign-in accounts, one per role.
pub const VOICE_ADMIN: &str = "voice.admin";
pub const HELPDESK: &str = "helpdesk";
pub const ADELE_USERNAME: &str = "adelev@contoso.com";

/// What the server answers when a role lacks a permission.
pub const NOT_ALLOWED: &str = "Your role doesn't allow this. Ask a Global administrator.";
pub const SIGNED_OUT: &str = "You are signed out. Sign in again to continue.";
pub const CHOOSE_PASSWORD: &str = "Choose a new password before you continue.";
