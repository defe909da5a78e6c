//! Talking to the app over HTTP, as the browser does: clients per role,
//! server function calls, and sessions handled by hand.

use std::time::Duration;

use reqwest::header::HeaderMap;
use serde_json::{json, Value};

use super::contoso::{ADELE_USERNAME, ADMIN_PASSWORD, DEMO_PASSWORD, HELPDESK, VOICE_ADMIN};
use super::harness::TestApp;

/// The session cookie's name over http (`__Host-` prefixed over https).
pub const SESSION_COOKIE: &str = "switchboard_session";

/// The roles of the demo accounts, and no session at all.
pub const ROLES: [&str; 5] = ["GlobalAdmin", "VoiceAdmin", "Helpdesk", "User", "Anonymous"];

/// The demo account of `role`.
pub fn username_of(role: &str) -> &'static str {
    match role {
        "GlobalAdmin" => "admin",
        "VoiceAdmin" => VOICE_ADMIN,
        "Helpdesk" => HELPDESK,
        "User" => ADELE_USERNAME,
        other => panic!("{other} has no account"),
    }
}

pub fn password_of(role: &str) -> &'static str {
    if role == "GlobalAdmin" {
        ADMIN_PASSWORD
    } else {
        DEMO_PASSWORD
    }
}

impl TestApp {
    /// A client with its own cookie jar and no session.
    pub fn anonymous(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .expect("building a client")
    }

    /// Signs in on a fresh client; the answer's status and body.
    pub async fn sign_in(&self, username: &str, password: &str) -> (reqwest::Client, u16, Value) {
        let client = self.anonymous();
        let body = json!({ "username": username, "password": password });
        let (status, body) = self.call_with(&client, "/api/auth/sign-in", body).await;
        (client, status, body)
    }

    /// A client signed in as `username`; panics unless that works.
    pub async fn signed_in(&self, username: &str, password: &str) -> reqwest::Client {
        let (client, status, body) = self.sign_in(username, password).await;
        assert_eq!(status, 200, "signing in as {username}: {body}");
        client
    }

    /// A client signed in with the demo account of `role`.
    pub async fn as_role(&self, role: &str) -> reqwest::Client {
        match role {
            "Anonymous" => self.anonymous(),
            role => self.signed_in(username_of(role), password_of(role)).await,
        }
    }

    /// Posts `body` with `client`; status and JSON body.
    pub async fn call_with(
        &self,
        client: &reqwest::Client,
        path: &str,
        body: Value,
    ) -> (u16, Value) {
        let response = client
            .post(format!("{}{path}", self.address))
            .json(&body)
            .send()
            .await
            .expect("sending the request");
        read(response).await
    }

    /// Posts `body` as the admin: the raw response.
    pub async fn post(&self, path: &str, body: Value) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.address))
            .json(&body)
            .send()
            .await
            .expect("sending the request")
    }

    /// Posts `body` as is, with a JSON content type, as the admin.
    pub async fn post_raw(&self, path: &str, body: impl Into<reqwest::Body>) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.address))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("sending the request")
    }

    /// Posts as the admin and reads the answer.
    pub async fn call(&self, path: &str, body: Value) -> (u16, Value) {
        read(self.post(path, body).await).await
    }

    /// GET of `path` with `client`.
    pub async fn get_with(&self, client: &reqwest::Client, path: &str) -> reqwest::Response {
        client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("sending the request")
    }

    /// Posts `body` to `path` as `client` with an Idempotency-Key: status,
    /// whether it was a replay, and the body.
    pub async fn keyed(
        &self,
        client: &reqwest::Client,
        key: &str,
        path: &str,
        body: &Value,
    ) -> (u16, bool, Value) {
        let response = client
            .post(format!("{}{path}", self.address))
            .header("idempotency-key", key)
            .json(body)
            .send()
            .await
            .expect("sending");
        let replayed = response.headers().get("idempotent-replayed").is_some();
        let (status, body) = read(response).await;
        (status, replayed, body)
    }

    /// Posts `body` as JSON from a client without a cookie jar, with
    /// `headers` (e.g. a `cookie`, `origin` or `sec-fetch-site`) added.
    pub async fn post_with_headers(
        &self,
        path: &str,
        body: Value,
        headers: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut request = reqwest::Client::new()
            .post(format!("{}{path}", self.address))
            .json(&body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.expect("sending the request")
    }

    /// Signs in from a client without a cookie jar: the raw response, whose
    /// `Set-Cookie` carries the token.
    pub async fn sign_in_response(&self, username: &str, password: &str) -> reqwest::Response {
        let body = json!({ "username": username, "password": password });
        self.post_with_headers("/api/auth/sign-in", body, &[]).await
    }

    /// Signs in and returns the session token from the `Set-Cookie` header;
    /// panics unless the sign-in works.
    pub async fn sign_in_token(&self, username: &str, password: &str) -> String {
        let response = self.sign_in_response(username, password).await;
        let cookies = set_cookies(&response);
        let (status, body) = read(response).await;
        assert_eq!(status, 200, "signing in as {username}: {body}");
        let cookie = cookies
            .first()
            .unwrap_or_else(|| panic!("no session cookie in {cookies:?}"));
        session_token(cookie, SESSION_COOKIE)
    }

    /// Posts `body` with the session `token` sent by hand as the cookie.
    pub async fn call_with_token(&self, token: &str, path: &str, body: Value) -> (u16, Value) {
        let cookie = session_cookie(token);
        read(
            self.post_with_headers(path, body, &[("cookie", &cookie)])
                .await,
        )
        .await
    }
}

/// A page as the browser gets it: status, headers and the whole HTML.
pub struct Page {
    pub status: u16,
    pub headers: HeaderMap,
    pub html: String,
}

impl Page {
    pub fn header(&self, name: &str) -> Option<String> {
        header(&self.headers, name)
    }
}

/// How long a page may take, to its last byte: a stalled render fails the
/// test instead of hanging it.
const PAGE_TIMEOUT: Duration = Duration::from_secs(30);

impl TestApp {
    /// GET of the page at `path` with `client`, read to its end.
    pub async fn page_with(&self, client: &reqwest::Client, path: &str) -> Page {
        let response = client
            .get(format!("{}{path}", self.address))
            .timeout(PAGE_TIMEOUT)
            .send()
            .await
            .expect("sending the request");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let html = response
            .text()
            .await
            .unwrap_or_else(|e| panic!("reading the page {path}: {e}"));
        Page {
            status,
            headers,
            html,
        }
    }
}

/// The `cookie` header that sends `token` as the session.
pub fn session_cookie(token: &str) -> String {
    format!("{SESSION_COOKIE}={token}")
}

/// The token a `Set-Cookie` header sets for the cookie `name`; panics if it
/// sets another cookie.
pub fn session_token(set_cookie: &str, name: &str) -> String {
    set_cookie
        .strip_prefix(&format!("{name}="))
        .and_then(|rest| rest.split(';').next())
        .unwrap_or_else(|| panic!("not the {name} cookie: {set_cookie}"))
        .to_owned()
}

/// Reads status and body of a response: the JSON body, or the text under
/// "text" when the body is not JSON.
pub async fn read(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.expect("reading the body");
    let body = serde_json::from_str(&text).unwrap_or_else(|_| json!({ "text": text }));
    (status, body)
}

/// The `Set-Cookie` headers of a response, as text.
pub fn set_cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().expect("a text header").to_owned())
        .collect()
}

/// A header as text, if present, e.g. `header(response.headers(), "...")`.
pub fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .map(|v| v.to_str().expect("a text header").to_owned())
}
