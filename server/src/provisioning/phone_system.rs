//! The phone systems a job can be delivered to, behind one enum: what
//! `--phone-system` names.

use std::collections::BTreeMap;

use app::domain::{Job, JobAction};

use super::{Kamailio, Simulated};

/// Which phone system `--phone-system` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PhoneSystemChoice {
    /// None: every change is confirmed at once (the demo needs no service).
    None,
    /// A stand-in with a delay and a failure rate, for demos and tests; it
    /// keeps its routes in a file in the data folder.
    Simulated,
    /// A Kamailio SIP server, through its JSON-RPC interface.
    Kamailio,
}

/// Where each number routes on the phone system: E.164 to SIP address.
pub type Routes = BTreeMap<String, String>;

/// Why a delivery failed, as the admin reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeliveryError {
    /// The phone system could not be reached (or did not answer): the jobs
    /// behind this one would fail the same way, so they wait too.
    Unreachable(String),
    /// The phone system answered and refused this change.
    Refused(String),
}

impl DeliveryError {
    pub fn reason(&self) -> &str {
        match self {
            DeliveryError::Unreachable(r) | DeliveryError::Refused(r) => r,
        }
    }
}

pub enum PhoneSystem {
    None,
    Simulated(Simulated),
    Kamailio(Kamailio),
}

impl PhoneSystem {
    /// The name the console shows, e.g. "Kamailio at http://127.0.0.1:5092/RPC".
    pub fn describe(&self) -> String {
        match self {
            PhoneSystem::None => "none (changes are confirmed at once)".to_owned(),
            PhoneSystem::Simulated(s) => s.describe(),
            PhoneSystem::Kamailio(k) => k.describe(),
        }
    }

    /// Whether every change is confirmed as it is saved: no phone system,
    /// so no job ever waits for the worker.
    pub fn confirms_at_once(&self) -> bool {
        matches!(self, PhoneSystem::None)
    }

    /// Carries out `job` on the phone system. Delivering a job twice has
    /// the effect of delivering it once: routes are set and removed, never
    /// toggled.
    pub async fn deliver(&self, job: &Job) -> Result<(), DeliveryError> {
        let number = job.number.as_str();
        match self {
            PhoneSystem::None => Ok(()),
            PhoneSystem::Simulated(s) => s.deliver(job).await,
            PhoneSystem::Kamailio(k) => match (job.action, job.address.as_deref()) {
                (JobAction::Route, Some(address)) => k.route(number, address).await,
                (JobAction::Route, None) => Err(DeliveryError::Refused(format!(
                    "The job to route {number} names no SIP address"
                ))),
                (JobAction::Unroute, _) => k.unroute(number).await,
                (JobAction::Activate, _) => k.check().await,
            },
        }
    }

    /// Every route the phone system has now; `None` for one that keeps no
    /// routes to compare (none).
    pub async fn routes(&self) -> Result<Option<Routes>, DeliveryError> {
        match self {
            PhoneSystem::None => Ok(None),
            PhoneSystem::Simulated(s) => Ok(Some(s.routes())),
            PhoneSystem::Kamailio(k) => k.routes().await.map(Some),
        }
    }
}
