//! The session cookie: `HttpOnly`, `SameSite=Lax`, `Path=/`, and `Secure`
//! with the `__Host-` prefix when served over https.

use axum::http::{header, HeaderMap};

const NAME: &str = "switchboard_session";
const SECURE_NAME: &str = "__Host-switchboard_session";

fn name(secure: bool) -> &'static str {
    if secure {
        SECURE_NAME
    } else {
        NAME
    }
}

/// The `Set-Cookie` value that starts a session. No `Max-Age`: the cookie
/// ends with the browser, the server ends the session on its own timeouts.
pub fn set(token: &str, secure: bool) -> String {
    let secure_attr = if secure { "; Secure" } else { "" };
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax{secure_attr}",
        name(secure)
    )
}

/// The `Set-Cookie` value that makes the browser forget the session.
pub fn clear(secure: bool) -> String {
    let secure_attr = if secure { "; Secure" } else { "" };
    format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure_attr}",
        name(secure)
    )
}

/// The session token the request carries, if any.
pub fn token(headers: &HeaderMap, secure: bool) -> Option<String> {
    let wanted = name(secure);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, v)| *k == wanted && !v.is_empty())
        .map(|(_, v)| v.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_carries_its_attributes_and_is_found_again() {
        assert_eq!(
            set("abc", false),
            "switchboard_session=abc; Path=/; HttpOnly; SameSite=Lax"
        );
        assert_eq!(
            set("abc", true),
            "__Host-switchboard_session=abc; Path=/; HttpOnly; SameSite=Lax; Secure"
        );
        assert!(clear(false).contains("Max-Age=0"));

        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            "theme=dark; switchboard_session=tok123; x=y"
                .parse()
                .unwrap(),
        );
        assert_eq!(token(&headers, false).as_deref(), Some("tok123"));
        assert_eq!(
            token(&headers, true),
            None,
            "https wants the __Host- cookie"
        );
        headers.insert(header::COOKIE, "switchboard_session=".parse().unwrap());
        assert_eq!(token(&headers, false), None);
    }
}
