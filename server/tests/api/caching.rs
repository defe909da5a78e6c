//! How long a browser may keep each answer: the bundle's files, whose names
//! carry their content's hash, for a year without asking again; pages and
//! server-function answers never, so a returning admin gets the current
//! page and with it the names of the current bundle.

use tempfile::TempDir;

use crate::helpers::*;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const HASHED_WASM: &str = "switchboard.81XRr-Zx0J_HBd6ZiKuOSQ.wasm";
/// Stands in for the brotli of the bundle: served as is, never decoded.
const HASHED_WASM_BR: &[u8] = b"brotli bytes of the bundle";

/// A site root as `cargo leptos build --release --precompress` leaves it
/// with hash-files on: a hashed file beside its `.br` and `.gz`, and a file
/// without a hash.
fn site_with_a_hashed_bundle() -> TempDir {
    let site = tempfile::tempdir().expect("a temporary site root");
    let pkg = site.path().join("pkg");
    std::fs::create_dir(&pkg).unwrap();
    std::fs::write(pkg.join(HASHED_WASM), b"\0asm plain bytes of the bundle").unwrap();
    std::fs::write(pkg.join(format!("{HASHED_WASM}.br")), HASHED_WASM_BR).unwrap();
    std::fs::write(pkg.join(format!("{HASHED_WASM}.gz")), b"gzip bytes").unwrap();
    std::fs::write(pkg.join("unhashed.css"), b"body {}").unwrap();
    site
}

async fn get(url: String, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = reqwest::Client::new().get(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.expect("sending the request")
}

#[tokio::test]
async fn pages_are_never_stored() {
    let app = spawn_app().await;

    for (client, path, what) in [
        (app.anonymous(), "/", "the sign-in page"),
        (app.client.clone(), "/", "the Dashboard"),
        (app.client.clone(), "/voice/users", "a page loaded lazily"),
        (app.client.clone(), "/no/such/page", "the 404 page"),
    ] {
        let page = app.page_with(&client, path).await;
        let content_type = page.header("content-type").unwrap_or_default();
        assert!(
            content_type.starts_with("text/html"),
            "{what}: {content_type}"
        );
        assert_eq!(
            page.header("cache-control").as_deref(),
            Some("no-store"),
            "{what}"
        );
    }
}

#[tokio::test]
async fn server_function_answers_are_never_stored() {
    let app = spawn_app().await;

    let answer = app.post("/api/console/status", serde_json::json!({})).await;
    assert_eq!(answer.status(), 200);
    assert_eq!(
        header(answer.headers(), "cache-control").as_deref(),
        Some("no-store")
    );

    let refused = app
        .anonymous()
        .post(format!("{}/api/console/status", app.address))
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        header(refused.headers(), "cache-control").as_deref(),
        Some("no-store")
    );
}

#[tokio::test]
async fn a_hashed_bundle_file_is_kept_for_a_year_and_sent_precompressed() {
    let site = site_with_a_hashed_bundle();
    let app = spawn_configured(|s| s.site_root = site.path().to_path_buf()).await;

    let response = get(
        format!("{}/pkg/{HASHED_WASM}", app.address),
        &[("accept-encoding", "br")],
    )
    .await;

    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert_eq!(
        header(&headers, "cache-control").as_deref(),
        Some(IMMUTABLE)
    );
    assert_eq!(header(&headers, "content-encoding").as_deref(), Some("br"));
    assert_eq!(
        header(&headers, "content-type").as_deref(),
        Some("application/wasm")
    );
    let vary = header(&headers, "vary").unwrap_or_default();
    assert!(
        vary.to_ascii_lowercase().contains("accept-encoding"),
        "one cached copy per encoding: {vary}"
    );
    assert_eq!(
        &response.bytes().await.unwrap()[..],
        HASHED_WASM_BR,
        "the .br sibling"
    );

    let gzip = get(
        format!("{}/pkg/{HASHED_WASM}", app.address),
        &[("accept-encoding", "gzip")],
    )
    .await;
    assert_eq!(
        header(gzip.headers(), "content-encoding").as_deref(),
        Some("gzip")
    );
    assert_eq!(
        header(gzip.headers(), "cache-control").as_deref(),
        Some(IMMUTABLE)
    );
}

#[tokio::test]
async fn a_file_without_a_hash_is_revalidated_and_a_missing_one_is_not_stored() {
    let site = site_with_a_hashed_bundle();
    let app = spawn_configured(|s| s.site_root = site.path().to_path_buf()).await;

    let unhashed = get(format!("{}/pkg/unhashed.css", app.address), &[]).await;
    assert_eq!(unhashed.status(), 200);
    assert_eq!(
        header(unhashed.headers(), "cache-control").as_deref(),
        Some("no-cache")
    );

    // A name a newer build may use: not remembered as missing.
    let missing = get(
        format!("{}/pkg/switchboard.AAAAAAAAAAAAAAAAAAAAAA.js", app.address),
        &[],
    )
    .await;
    assert_eq!(missing.status(), 404);
    assert_eq!(
        header(missing.headers(), "cache-control").as_deref(),
        Some("no-store")
    );
}
