//! Kamailio through its JSON-RPC interface over HTTP (modules `xhttp` and
//! `jsonrpcs`): each number's route is an entry of the `htable` named
//! [`TABLE`], E.164 number to SIP address, which the routing script looks
//! up for every INVITE (`kamailio/switchboard.cfg`). Setting and deleting
//! entries are idempotent: delivering a job twice does no harm.

use std::time::Duration;

use serde_json::{json, Value};

use super::{DeliveryError, Routes};

/// The htable the routing script reads.
pub const TABLE: &str = "switchboard_routes";
/// How long an answer may take before the phone system counts as unreachable.
const TIMEOUT: Duration = Duration::from_secs(5);

pub struct Kamailio {
    url: String,
    http: reqwest::Client,
}

impl Kamailio {
    /// Kamailio's JSON-RPC endpoint, e.g. `http://127.0.0.1:5092/RPC`.
    pub fn new(url: &str) -> anyhow::Result<Self> {
        anyhow::ensure!(
            url.starts_with("http://") || url.starts_with("https://"),
            "the Kamailio JSON-RPC URL must start with http:// or https://, not {url:?}"
        );
        let http = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(TIMEOUT)
            .build()?;
        Ok(Self {
            url: url.to_owned(),
            http,
        })
    }

    pub fn describe(&self) -> String {
        format!("Kamailio at {}", self.url)
    }

    pub async fn route(&self, number: &str, address: &str) -> Result<(), DeliveryError> {
        self.call("htable.sets", json!([TABLE, number, address]))
            .await
            .map(drop)
    }

    pub async fn unroute(&self, number: &str) -> Result<(), DeliveryError> {
        match self.answer("htable.delete", json!([TABLE, number])).await? {
            // Deleting what isn't there (404) leaves it as asked.
            Ok(_) | Err(Refusal { code: 404, .. }) => Ok(()),
            Err(refusal) => Err(refusal.into_error("htable.delete")),
        }
    }

    /// Whether Kamailio answers at all.
    pub async fn check(&self) -> Result<(), DeliveryError> {
        self.call("core.version", json!([])).await.map(drop)
    }

    pub async fn routes(&self) -> Result<Routes, DeliveryError> {
        let dump = self.call("htable.dump", json!([TABLE])).await?;
        let mut routes = Routes::new();
        // [{ "entry": n, "size": k, "slot": [{ "name", "value", "type" }] }]
        for entry in dump.as_array().into_iter().flatten() {
            for slot in entry["slot"].as_array().into_iter().flatten() {
                if let (Some(name), Some(value)) = (slot["name"].as_str(), slot["value"].as_str()) {
                    routes.insert(name.to_owned(), value.to_owned());
                }
            }
        }
        Ok(routes)
    }

    async fn call(&self, method: &str, params: Value) -> Result<Value, DeliveryError> {
        self.answer(method, params)
            .await?
            .map_err(|refusal| refusal.into_error(method))
    }

    /// Kamailio's answer to `method`: its result, or its refusal; the outer
    /// error when there was no answer to read.
    async fn answer(
        &self,
        method: &str,
        params: Value,
    ) -> Result<Result<Value, Refusal>, DeliveryError> {
        let request = json!({ "jsonrpc": "2.0", "method": method, "params": params, "id": 1 });
        let unreachable = |e: reqwest::Error| {
            let why = if e.is_timeout() {
                format!("Kamailio did not answer within {} s", TIMEOUT.as_secs())
            } else if e.is_connect() {
                format!("Kamailio could not be reached at {}", self.url)
            } else {
                format!("Kamailio could not be reached at {}: {e}", self.url)
            };
            DeliveryError::Unreachable(why)
        };
        let response = self
            .http
            .post(&self.url)
            .json(&request)
            .send()
            .await
            .map_err(unreachable)?;
        let status = response.status();
        let body: Value = response.json().await.map_err(|e| {
            DeliveryError::Unreachable(format!(
                "Kamailio's answer to {method} (HTTP {status}) is not JSON-RPC: {e}"
            ))
        })?;
        if let Some(error) = body.get("error") {
            return Ok(Err(Refusal {
                code: error["code"].as_i64().unwrap_or(0),
                message: error["message"].as_str().unwrap_or("no message").to_owned(),
            }));
        }
        Ok(Ok(body.get("result").cloned().unwrap_or(Value::Null)))
    }
}

/// A JSON-RPC error Kamailio answered with.
struct Refusal {
    code: i64,
    message: String,
}

impl Refusal {
    fn into_error(self, method: &str) -> DeliveryError {
        DeliveryError::Refused(format!(
            "Kamailio refused {method}: {} ({})",
            self.message, self.code
        ))
    }
}
