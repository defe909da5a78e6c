//! GET /api/phone-numbers/export.csv: one line per number of the grid's
//! view, its holder's username and emergency location in the import's
//! columns.

use serde_json::{json, Value};

use super::*;

pub const HEADER: [&str; 10] = [
    "Username",
    "Phone number",
    "Emergency location",
    "Action",
    "Country or region",
    "City",
    "Type",
    "Source",
    "State",
    "Assigned to",
];

/// The numbers' query with `filters` set, as the list API takes it.
fn numbers(filters: Value) -> Value {
    let mut query = json!({ "search": "", "state": null, "kind": null, "source": null,
        "country": null, "sort": "Number", "descending": false, "after": null, "limit": 50 });
    for (key, value) in filters.as_object().unwrap() {
        query[key] = value.clone();
    }
    query
}

fn international(numbers: &[Value]) -> Vec<String> {
    let form = |n: &Value| n["number"]["international"].as_str().unwrap().to_owned();
    numbers.iter().map(|n| guarded(&form(n))).collect()
}

#[tokio::test]
async fn the_export_is_a_csv_download_with_each_holder_in_the_import_columns() {
    let app = spawn_app().await;

    let response = export(&app, &app.client, "phone-numbers", "").await;

    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert_eq!(
        header(&headers, "content-type").unwrap(),
        "text/csv; charset=utf-8"
    );
    assert_eq!(
        header(&headers, "content-disposition").unwrap(),
        "attachment; filename=\"phone-numbers-2026-11-26.csv\""
    );
    assert_eq!(header(&headers, "cache-control").unwrap(), "no-store");
    let text = response.text().await.unwrap();
    let rows = parse_csv(text.strip_prefix(BOM).expect("a BOM first"));
    assert_eq!(rows[0], HEADER);
    assert_eq!(rows.len(), 1 + 540, "every number of the Contoso demo");
    let adeles = rows
        .iter()
        .find(|r| r[1] == "'+1 425-555-0100")
        .expect("Adele's number");
    let expected = [
        ADELE_USERNAME,
        "'+1 425-555-0100",
        "Redmond HQ",
        "",
        "United States",
        "Redmond",
        "User",
        "Calling Plan",
        "Assigned",
        "Adele Vance",
    ];
    assert_eq!(adeles, &expected);
    for row in &rows[1..] {
        let held = !row[9].is_empty();
        assert_eq!(
            !row[0].is_empty(),
            held,
            "a username exactly when held: {row:?}"
        );
        assert_eq!(
            !row[2].is_empty(),
            held,
            "a location exactly when held: {row:?}"
        );
        assert_eq!(row[8] == "Assigned", held, "{row:?}");
    }
}

#[tokio::test]
async fn the_export_holds_every_number_of_the_filtered_view_in_the_grids_order() {
    let app = spawn_app().await;
    let cases = [
        ("", json!({}), "every number: pages of the grid"),
        (
            "state=assigned&country=US",
            json!({ "state": "Assigned", "country": "US" }),
            "filters",
        ),
        (
            "search=seattle&state=unassigned&sort=city",
            json!({ "search": "seattle",
            "state": "Unassigned", "sort": "City" }),
            "a search and a filter",
        ),
        (
            "type=user&source=calling_plan&sort=holder&order=desc",
            json!({ "kind": "User",
            "source": "CallingPlan", "sort": "AssignedTo", "descending": true }),
            "by holder",
        ),
    ];
    for (address, filters, why) in cases {
        let query = numbers(filters);
        let (status, first) = app
            .call("/api/phone-numbers/list", json!({ "query": query }))
            .await;
        assert_eq!(status, 200, "{why}: {first}");

        let rows = exported(&app, "phone-numbers", address, &HEADER).await;

        assert_eq!(
            rows.len() as i64,
            first["total"].as_i64().unwrap(),
            "{why}: the list's total"
        );
        let listed = listed(&app, "phone-numbers", "numbers", query).await;
        let exported: Vec<String> = rows.iter().map(|r| r[1].clone()).collect();
        assert_eq!(exported, international(&listed), "{why}");
    }
}

#[tokio::test]
async fn parameters_the_page_never_writes_are_refused_with_400() {
    let app = spawn_app().await;
    let cases = [
        (
            "page=2",
            "'page' is not a parameter of this list: use search, state, type, source, country, sort, order.",
        ),
        ("state=lost", "'lost' is not a valid 'state': use one of unassigned, assigned, pending, blocked."),
        ("type=fax", "'fax' is not a valid 'type': use one of user, service, toll_free."),
        ("sort=colour", "'colour' is not a valid 'sort': use one of number, city, holder."),
    ];
    for (query, message) in cases {
        assert_bad(&app, "phone-numbers", query, message).await;
    }
}
