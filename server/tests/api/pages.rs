//! The console's pages render on the server: each route answers HTML with
//! its own heading, and an unknown path answers the 404 page. (The menu
//! names every page on every page, so a page is known by its `<h1>`.)

use crate::helpers::*;

/// Each page and its name, its heading and the first part of its title.
const PAGES: [(&str, &str); 10] = [
    ("/", "Dashboard"),
    ("/voice/users", "Voice users"),
    ("/voice/phone-numbers", "Phone numbers"),
    ("/voice/emergency-locations", "Emergency locations"),
    ("/voice/users/import", "Import"),
    ("/voice/changes", "Recent changes"),
    ("/billing/licenses", "Licenses"),
    ("/settings/admins", "Admins"),
    ("/settings/audit-log", "Audit log"),
    ("/me", "My profile"),
];

/// The HTML the admin's browser gets for `path`; panics unless it is 200 HTML.
async fn page(app: &TestApp, path: &str) -> String {
    let page = app.page_with(&app.client, path).await;
    assert_eq!(page.status, 200, "{path}");
    let content_type = page.header("content-type").unwrap_or_default();
    assert!(
        content_type.starts_with("text/html"),
        "{path}: {content_type}"
    );
    page.html
}

/// The page's `<title>`, if the HTML has one.
fn title(html: &str) -> Option<&str> {
    let start = html.find("<title>")? + "<title>".len();
    let length = html[start..].find("</title>")?;
    Some(&html[start..start + length])
}

#[tokio::test]
async fn each_page_renders_html_with_its_own_heading() {
    let app = spawn_app().await;
    for (path, name) in PAGES {
        let html = page(&app, path).await;

        assert!(html.contains(&format!("<h1>{name}")), "{path}: {html}");
        let others = PAGES.iter().filter(|(_, other)| *other != name);
        for (_, other) in others {
            assert!(
                !html.contains(&format!("<h1>{other}")),
                "{path} shows {other}"
            );
        }
    }
}

#[tokio::test]
async fn each_pages_html_carries_its_title() {
    let app = spawn_app().await;
    for _ in 0..3 {
        for (path, name) in PAGES {
            let html = page(&app, path).await;
            let expected = format!("{name} - Switchboard");
            assert_eq!(title(&html), Some(expected.as_str()), "{path}");
        }
    }
}

#[tokio::test]
async fn an_unknown_path_answers_the_404_page() {
    let app = spawn_app().await;

    let page = app.page_with(&app.client, "/nope").await;

    assert_eq!(page.status, 404);
    assert_eq!(title(&page.html), Some("Page not found - Switchboard"));
    assert!(page.html.contains("<h1>Page not found"), "{}", page.html);
}
