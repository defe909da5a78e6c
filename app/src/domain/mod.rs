//! The phone-number assignment domain: plain Rust, no web and no database.
//! Compiled into the browser bundle and into the server, so both judge a
//! proposed assignment, a number's state and a list query with the same code.

#[macro_use]
mod choice;
mod account;
mod address;
mod api_reference;
mod api_token;
mod areas;
mod audit;
mod bulk;
mod change_set;
mod country;
mod date;
mod drift;
mod ids;
mod import_report;
mod licence;
mod live;
mod location;
mod number;
mod number_list;
mod one_time_password;
mod paging;
mod phone;
mod progress;
mod provisioning;
mod role;
mod rules;
mod set_rules;
mod two_step;
mod user;
mod user_list;

pub use account::{check_new_password, normalise_username, Account, MAX_PASSWORD, MIN_PASSWORD};
pub use address::{check_address, AddressProblem, CivicAddress};
pub use api_reference::{ApiArea, ApiErrorCode, ApiField, ApiOperation, ApiReference, ApiType};
pub use api_token::{
    check_new_token, ApiTokenInfo, CreatedApiToken, NewApiToken, DEFAULT_TOKEN_DAYS,
    MAX_TOKEN_DAYS, MAX_TOKEN_NAME, TOKEN_PREFIX,
};
pub use areas::{NumberArea, NUMBER_AREAS};
pub use audit::{
    describe_location, describe_voice, AuditAction, AuditEntry, AuditPage, AuditQuery, AuditRecord,
    AUDIT_PAGE,
};
pub use bulk::{
    BulkRow, Narrowing, Range, RowViolations, SuggestRequest, Suggestion, MAX_BULK_ROWS,
};
pub use change_set::{ChangeSet, ChangeSetPage, Holding, Saved, UserChange, CHANGE_SET_PAGE};
pub use choice::Choice;
pub use country::{Country, CountryError};
pub use date::{format_utc, rfc3339, Date, DateError};
pub use drift::{find_drift, Drift, DriftCheck, DriftKind, DriftReport, Finding};
pub use ids::{AccountId, ChangeSetId, LocationId, NumberId, UserId};
pub use import_report::{ImportApplied, ImportLineReport, ImportReport, IMPORT_TEMPLATE};
pub use licence::Licence;
pub use live::{
    batch_note, live_actions, number_taken, Listener, LiveBatch, LiveChange, Touches,
    MAX_LIVE_CHANGES,
};
pub use location::EmergencyLocation;
pub use number::{
    Activation, NumberHolder, NumberKind, NumberSource, NumberState, TelephoneNumber,
};
pub use number_list::{
    number_search_keeps, search_city, AssignableNumbers, NumberCursor, NumberFilter, NumberPage,
    NumberQuery, NumberSort, StateFilter, MAX_ASSIGNABLE, MAX_NUMBER_PAGE, NUMBER_PAGE,
};
pub use one_time_password::OneTimePasswordLifetime;
pub use paging::{
    check_length, grouped, Cursor, Page, Paged, QueryError, MAX_CURSOR_KEY, MAX_SEARCH,
};
pub use phone::{E164Error, PhoneNumber, E164};
pub use progress::{Progress, ProgressKey, Stage};
pub use provisioning::{
    given_back, jobs_for, provisioning_status, sip_address, span, Job, JobAction, JobStatus,
    Milestone, NewJob, OpenStatus, RetryPolicy, PENDING_NOTE,
};
pub use role::{Permission, Role};
pub use rules::{check_assignment, NumberLookup, Violation};
pub use set_rules::{check_set, Proposal, Proposed};
pub use two_step::{
    read_code, show_recovery_code, SecondStepCode, SignInOutcome, SignInPolicy, TwoStepEnrolment,
    TwoStepStatus, CODE_HINT, RECOVERY_ALPHABET, RECOVERY_CODES, RECOVERY_CODE_LEN,
    SECOND_STEP_FOR,
};
pub use user::VoiceUser;
pub use user_list::{
    assigned_keeps, search_keeps, search_term, search_text, NumberHeld, UserCursor, UserPage,
    UserQuery, UserSort, MAX_USER_PAGE, USER_PAGE,
};
