//! Web security around every request: state changes from another site are
//! refused, every response carries the headers that keep the console out of
//! frames and away from other origins' scripts, pages get a fresh CSP nonce,
//! https turns on HSTS and the `__Host-` Secure cookie, and the edges of the
//! API (unknown paths, GET on a server function, oversized bodies, internal
//! errors) answer without doing or telling anything more.

mod cross_site;
mod edges;
mod headers;
mod https;

use reqwest::header::HeaderMap;
use serde_json::{json, Value};

use crate::helpers::*;

const CROSS_SITE: &str = "This request came from another site and was refused.";
const API_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";
const HSTS: &str = "max-age=31536000; includeSubDomains";
const SIGN_IN: &str = "/api/auth/sign-in";
const SIGN_OUT: &str = "/api/auth/sign-out";
const REMOVE: &str = "/api/assignments/remove";

fn refused() -> Value {
    json!({ "Forbidden": { "message": CROSS_SITE } })
}

/// The ways a browser says a request comes from another site. `same` is the
/// server's own origin, e.g. `http://127.0.0.1:PORT`.
fn cross_site_headers(same: &str) -> Vec<Vec<(&'static str, String)>> {
    let port: u16 = same.rsplit(':').next().unwrap().parse().unwrap();
    let other_port = format!("http://127.0.0.1:{}", port.wrapping_add(1));
    vec![
        vec![("sec-fetch-site", "cross-site".into())],
        vec![("sec-fetch-site", "same-site".into())],
        vec![("origin", "https://evil.example".into())],
        vec![("origin", other_port)],
        vec![("origin", "null".into())],
        vec![
            ("sec-fetch-site", "same-origin".into()),
            ("origin", "https://evil.example".into()),
        ],
        vec![
            ("sec-fetch-site", "cross-site".into()),
            ("origin", same.into()),
        ],
    ]
}

fn as_pairs<'a>(headers: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    headers.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

async fn get(url: String, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = reqwest::Client::new().get(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.expect("sending the request")
}

/// The headers every response carries, whatever it is.
fn assert_common_headers(headers: &HeaderMap, what: &str) {
    let expected = [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),
        ("cross-origin-opener-policy", "same-origin"),
        (
            "permissions-policy",
            "camera=(), microphone=(), geolocation=()",
        ),
    ];
    for (name, value) in expected {
        assert_eq!(
            header(headers, name).as_deref(),
            Some(value),
            "{name} on {what}"
        );
    }
    assert_eq!(
        header(headers, "strict-transport-security"),
        None,
        "no HSTS over http: {what}"
    );
}

/// The headers of an API answer: no caching, and a policy that allows nothing.
fn assert_api_headers(headers: &HeaderMap, what: &str) {
    assert_common_headers(headers, what);
    assert_eq!(
        header(headers, "content-security-policy").as_deref(),
        Some(API_POLICY),
        "{what}"
    );
    assert_eq!(
        header(headers, "cache-control").as_deref(),
        Some("no-store"),
        "{what}"
    );
}

/// The nonce in a page's Content-Security-Policy header.
fn policy_nonce(policy: &str) -> String {
    let start = policy
        .find("'nonce-")
        .unwrap_or_else(|| panic!("no nonce in {policy}"))
        + "'nonce-".len();
    let length = policy[start..].find('\'').expect("a closing quote");
    policy[start..start + length].to_owned()
}

/// The opening tags of every `<script>` in `html`.
fn script_tags(html: &str) -> Vec<&str> {
    html.match_indices("<script")
        .map(|(i, _)| &html[i..i + html[i..].find('>').expect("a closed tag") + 1])
        .collect()
}
