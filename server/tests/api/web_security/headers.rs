//! Every response carries the headers that keep the console out of frames
//! and away from other origins' scripts; pages get a fresh CSP nonce.

use super::*;

#[tokio::test]
async fn a_page_carries_the_security_headers_and_a_nonce_policy() {
    let app = spawn_app().await;

    let page = app.page_with(&app.anonymous(), "/").await;

    assert_eq!(page.status, 200);
    assert_common_headers(&page.headers, "the home page");
    let content_type = page.header("content-type").unwrap();
    assert!(content_type.starts_with("text/html"), "{content_type}");
    let policy = page.header("content-security-policy").expect("a policy");
    let nonce = policy_nonce(&policy);
    assert_eq!(
        policy,
        format!(
            "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
             style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
             base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        )
    );
}

#[tokio::test]
async fn every_inline_script_carries_the_nonce_of_its_response() {
    let app = spawn_app().await;
    let mut nonces = Vec::new();

    for _ in 0..2 {
        let page = app.page_with(&app.anonymous(), "/").await;
        let policy = page.header("content-security-policy").expect("a policy");
        let nonce = policy_nonce(&policy);
        let html = page.html;

        let inline: Vec<&str> = script_tags(&html)
            .into_iter()
            .filter(|tag| !tag.contains(" src="))
            .collect();
        assert!(!inline.is_empty(), "the hydration script is inline: {html}");
        for tag in inline {
            assert!(
                tag.contains(&format!("nonce=\"{nonce}\"")),
                "an inline script without this response's nonce {nonce}: {tag}"
            );
        }
        assert!(nonce.len() >= 16, "a nonce of at least 96 bits: {nonce}");
        nonces.push(nonce);
    }
    assert_ne!(nonces[0], nonces[1], "each response has its own nonce");
}

#[tokio::test]
async fn api_answers_carry_the_security_headers_and_no_store() {
    let app = spawn_app().await;

    let ok = app.post("/api/console/status", json!({})).await;
    assert_eq!(ok.status(), 200);
    assert_api_headers(ok.headers(), "an API answer");

    let anonymous = app
        .anonymous()
        .post(format!("{}/api/voice-users/list", app.address))
        .json(&json!({ "query": query("") }))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    assert_api_headers(anonymous.headers(), "an API error");
}

#[tokio::test]
async fn not_found_answers_carry_the_security_headers() {
    let app = spawn_app().await;

    let page = app.page_with(&app.anonymous(), "/no/such/page").await;
    assert_eq!(page.status, 404);
    assert_common_headers(&page.headers, "the 404 page");
    let policy = page.header("content-security-policy").expect("a policy");
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    let nonce = policy_nonce(&policy);
    let html = page.html;
    let scripts = script_tags(&html);
    assert!(!scripts.is_empty(), "the 404 page hydrates too: {html}");
    for tag in scripts {
        assert!(tag.contains(&format!("nonce=\"{nonce}\"")), "{tag}");
    }

    let api = app.post("/api/no/such/function", json!({})).await;
    assert_eq!(api.status(), 404);
    assert_api_headers(api.headers(), "an unknown API function");
}
