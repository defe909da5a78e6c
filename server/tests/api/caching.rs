//! How long a browser may keep each answer: the bundle's files, whose names
//! carry their content's hash, for a year without asking again; pages and
//! server-function answers never (a page carries the account's data for
//! hydration), so a returning admin gets the current page and with it the
//! names of the current bundle.

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

/// Every page the console renders, one with its view in the address, and
/// the page for an address that names none.
const PAGES: [&str; 13] = [
    "/",
    "/voice/users",
    "/voice/users?search=adele&sort=number&order=desc",
    "/voice/users/import",
    "/voice/changes",
    "/voice/phone-numbers",
    "/voice/emergency-locations",
    "/billing/licenses",
    "/settings/admins",
    "/settings/audit-log",
    "/me",
    "/me/password",
    "/no/such/page",
];

#[tokio::test]
async fn every_page_is_never_stored_for_every_role_by_get_or_head() {
    let app = spawn_app().await;

    for role in ROLES {
        let client = app.as_role(role).await;
        for path in PAGES {
            for method in [reqwest::Method::GET, reqwest::Method::HEAD] {
                let url = format!("{}{path}", app.address);
                let response = client.request(method.clone(), url).send().await.unwrap();
                let headers = response.headers();
                let what = format!("{method} {path} as {role}");
                let content_type = header(headers, "content-type").unwrap_or_default();
                assert!(
                    content_type.starts_with("text/html"),
                    "{what}: {content_type}"
                );
                assert_eq!(
                    header(headers, "cache-control").as_deref(),
                    Some("no-store"),
                    "{what}"
                );
            }
        }
    }
}

#[tokio::test]
async fn an_html_file_of_the_site_is_never_stored_either() {
    let site = site_with_a_hashed_bundle();
    std::fs::write(
        site.path().join("offline.html"),
        "<!doctype html><p>Offline</p>",
    )
    .unwrap();
    let app = spawn_configured(|s| s.site_root = site.path().to_path_buf()).await;

    let response = get(format!("{}/offline.html", app.address), &[]).await;

    assert_eq!(response.status(), 200);
    let content_type = header(response.headers(), "content-type").unwrap_or_default();
    assert!(content_type.starts_with("text/html"), "{content_type}");
    assert_eq!(
        header(response.headers(), "cache-control").as_deref(),
        Some("no-store")
    );
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
