//! Web security around every response: cross-site requests that would change
//! state are refused, and the headers that keep the console out of frames and
//! away from other origins' scripts.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Whether responses go out over https (HSTS).
#[derive(Clone, Copy)]
pub struct Https(pub bool);

/// A state change must come from the console's own pages. Browsers say where
/// a request comes from in `Sec-Fetch-Site` (current ones) and `Origin`
/// (all of them on POST); a tool without either, like curl, isn't a browser
/// an attacker can steer.
pub fn cross_site(method: &Method, headers: &HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if !matches!(site, "same-origin" | "none") {
            return true;
        }
    }
    match (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        (Some("null"), _) => true,
        (Some(origin), Some(host)) => {
            let origin_host = origin
                .split_once("://")
                .map(|(_, rest)| rest)
                .unwrap_or(origin);
            !origin_host.eq_ignore_ascii_case(host)
        }
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// The console's public origin, e.g. `https://switchboard.contoso.com`, when
/// a proxy in front rewrites `Host`.
#[derive(Clone, Default)]
pub struct PublicOrigin(pub Option<String>);

impl PublicOrigin {
    pub fn from_url(url: Option<&str>) -> Self {
        Self(url.map(|u| {
            let u = u.trim_end_matches('/');
            match u.split_once("://") {
                Some((scheme, rest)) => {
                    let host = rest.split('/').next().unwrap_or(rest);
                    format!(
                        "{}://{}",
                        scheme.to_ascii_lowercase(),
                        host.to_ascii_lowercase()
                    )
                }
                None => u.to_ascii_lowercase(),
            }
        }))
    }
}

pub async fn refuse_cross_site(
    State(public): State<PublicOrigin>,
    request: Request,
    next: Next,
) -> Response {
    let from_public_origin = public.0.as_deref().is_some_and(|o| {
        request
            .headers()
            .get(header::ORIGIN)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|origin| origin.eq_ignore_ascii_case(o))
    });
    // A script's bearer token isn't something a browser sends on its own:
    // another site's page can't make it send one (no CORS is offered), so
    // only cookie requests need the check.
    let bearer = app::auth::session::bearer(request.headers()).is_some();
    if !from_public_origin && !bearer && cross_site(request.method(), request.headers()) {
        tracing::warn!(path = %request.uri().path(), "cross-site state change refused");
        let err = app::api::ApiError::Forbidden {
            message: "This request came from another site and was refused.".to_owned(),
        };
        return (StatusCode::FORBIDDEN, axum::Json(err)).into_response();
    }
    next.run(request).await
}

pub async fn headers(State(https): State<Https>, request: Request<Body>, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    let mut set = |name: header::HeaderName, value: &'static str| {
        h.entry(name).or_insert(HeaderValue::from_static(value));
    };
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::REFERRER_POLICY, "same-origin");
    set(
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=()",
    );
    // Pages set their own policy, with the nonce of their inline script.
    set(
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; frame-ancestors 'none'",
    );
    if https.0 {
        set(
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_origin_is_scheme_and_host_only() {
        let cases = [
            (
                Some("https://SB.Contoso.com/"),
                Some("https://sb.contoso.com"),
            ),
            (
                Some("http://sb.local:8080/console"),
                Some("http://sb.local:8080"),
            ),
            (None, None),
        ];
        for (url, origin) in cases {
            assert_eq!(PublicOrigin::from_url(url).0.as_deref(), origin, "{url:?}");
        }
    }

    #[test]
    fn only_state_changes_from_another_site_are_cross_site() {
        type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], bool);
        let cases: [Case; 9] = [
            (
                "GET",
                &[("origin", "https://evil.example"), ("host", "sb.local")],
                false,
            ),
            ("POST", &[], false),
            ("POST", &[("sec-fetch-site", "same-origin")], false),
            ("POST", &[("sec-fetch-site", "cross-site")], true),
            ("POST", &[("sec-fetch-site", "same-site")], true),
            (
                "POST",
                &[
                    ("origin", "http://sb.local:3000"),
                    ("host", "sb.local:3000"),
                ],
                false,
            ),
            (
                "POST",
                &[("origin", "http://evil.example"), ("host", "sb.local:3000")],
                true,
            ),
            ("POST", &[("origin", "null"), ("host", "sb.local")], true),
            ("DELETE", &[("sec-fetch-site", "none")], false),
        ];
        for (method, pairs, expected) in cases {
            let mut headers = HeaderMap::new();
            for (k, v) in pairs {
                headers.insert(
                    header::HeaderName::from_static(k),
                    HeaderValue::from_static(v),
                );
            }
            let method: Method = method.parse().unwrap();
            assert_eq!(
                cross_site(&method, &headers),
                expected,
                "{method} {pairs:?}"
            );
        }
    }
}
