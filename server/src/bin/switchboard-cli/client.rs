//! The server's API over HTTP with a bearer token, and what its refusals
//! mean for the exit code.

use app::api::ApiError;
use serde::de::DeserializeOwned;
use serde_json::Value;

#[derive(Clone)]
pub struct Api {
    http: reqwest::Client,
    base: String,
    token: String,
}

/// Why a command failed, and the exit code that says so.
#[derive(Debug)]
pub enum Failure {
    /// The rules or the data refused it (1): the server's reasons.
    Refused(String),
    /// The command line itself is wrong (2).
    Usage(String),
    /// No token, or one the server refuses, or a role that may not (3).
    Auth(String),
    /// The server or the network failed (4).
    Broken(String),
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Refused(_) => 1,
            Failure::Usage(_) => 2,
            Failure::Auth(_) => 3,
            Failure::Broken(_) => 4,
        }
    }

    pub fn print(&self) {
        let (Failure::Refused(m) | Failure::Usage(m) | Failure::Auth(m) | Failure::Broken(m)) =
            self;
        eprintln!("switchboard-cli: {m}");
    }

    /// The failure an answer of `status` with `body` stands for.
    fn of_answer(status: u16, body: &str) -> Failure {
        let message = match serde_json::from_str::<ApiError>(body) {
            Ok(ApiError::Rejected { violations }) => {
                let lines: Vec<String> = violations.iter().map(|v| format!("\n  - {v}")).collect();
                format!("refused:{}", lines.concat())
            }
            Ok(ApiError::ImportRefused { report }) => {
                let lines: Vec<String> = report
                    .lines
                    .iter()
                    .filter(|l| !l.problems.is_empty())
                    .map(|l| {
                        format!(
                            "\n  line {} ({}): {}",
                            l.line,
                            l.username,
                            l.problems.join(" ")
                        )
                    })
                    .collect();
                format!("nothing was imported:{}", lines.concat())
            }
            Ok(e) => e.to_string(),
            Err(_) => format!("the server answered {status}: {}", body.trim()),
        };
        match status {
            401 | 403 => Failure::Auth(message),
            400 => Failure::Usage(message),
            500.. => Failure::Broken(message),
            _ => Failure::Refused(message),
        }
    }
}

impl Api {
    pub fn new(url: Option<&str>, token: Option<&str>) -> Result<Api, Failure> {
        let base = url
            .map(|u| u.trim_end_matches('/').to_owned())
            .ok_or_else(|| Failure::Usage("say which server: --url or SWITCHBOARD_URL".into()))?;
        if !(base.starts_with("http://") || base.starts_with("https://")) {
            return Err(Failure::Usage(format!(
                "--url must start with http:// or https://, not '{base}'"
            )));
        }
        let token = token
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                Failure::Auth(
                    "no API token: set SWITCHBOARD_TOKEN (My profile > API tokens)".into(),
                )
            })?
            .to_owned();
        let http = reqwest::Client::builder()
            .user_agent(concat!("switchboard-cli/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Failure::Broken(format!("starting the HTTP client: {e}")))?;
        Ok(Api { http, base, token })
    }

    /// Sends `request` with the token: the answer if it is 200, else the
    /// failure it stands for.
    async fn send(
        &self,
        request: reqwest::RequestBuilder,
        url: &str,
    ) -> Result<reqwest::Response, Failure> {
        let response = request
            .bearer_auth(&self.token)
            .send()
            .await
            .map_err(|e| Failure::Broken(format!("couldn't reach {}: {e}", self.base)))?;
        let status = response.status().as_u16();
        if status == 200 {
            return Ok(response);
        }
        let body = response
            .text()
            .await
            .map_err(|e| Failure::Broken(format!("reading the answer from {url}: {e}")))?;
        Err(Failure::of_answer(status, &body))
    }

    /// GETs `path` (an export) and copies its body to standard output as
    /// it arrives.
    pub async fn get_to_stdout(&self, path: &str) -> Result<(), Failure> {
        use std::io::Write;
        let url = format!("{}{path}", self.base);
        let mut response = self.send(self.http.get(&url), &url).await?;
        let mut out = std::io::stdout().lock();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| Failure::Broken(format!("reading {url}: {e}")))?
        {
            out.write_all(&chunk)
                .map_err(|e| Failure::Broken(format!("writing the export: {e}")))?;
        }
        Ok(())
    }

    /// Calls the server function at `/api/{path}` with its JSON arguments.
    pub async fn call<T: DeserializeOwned>(&self, path: &str, args: Value) -> Result<T, Failure> {
        let value = self.call_value(path, args).await?;
        serde_json::from_value(value)
            .map_err(|e| Failure::Broken(format!("/api/{path} answered something unexpected: {e}")))
    }

    /// As [`Api::call`], keeping the answer as JSON.
    pub async fn call_value(&self, path: &str, args: Value) -> Result<Value, Failure> {
        let url = format!("{}/api/{path}", self.base);
        let response = self.send(self.http.post(&url).json(&args), &url).await?;
        let body = response
            .text()
            .await
            .map_err(|e| Failure::Broken(format!("reading the answer from {url}: {e}")))?;
        serde_json::from_str(&body)
            .map_err(|e| Failure::Broken(format!("{url} answered something that isn't JSON: {e}")))
    }
}
