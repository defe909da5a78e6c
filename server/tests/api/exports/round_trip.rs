//! Export, edit in a spreadsheet, import: the exported file reads back
//! through `app::import::read` line for line.

use std::collections::HashMap;

use app::domain::{TelephoneNumber, VoiceUser};
use app::import::{read, Action};
use app::phone_format::parse_input;
use serde_json::json;

use super::{export_text, listed, BOM};
use crate::helpers::*;

/// The file as a spreadsheet saves it after the admin typed `change` on
/// the lines `edit` picks (and deleted those `keep` doesn't): cells quoted
/// only where needed, the BOM kept.
fn edited(
    text: &str,
    keep: impl Fn(&[String]) -> bool,
    edit: impl Fn(&[String]) -> bool,
) -> Vec<u8> {
    let rows = parse_csv(text.strip_prefix(BOM).expect("a BOM first"));
    let mut csv = csv::Writer::from_writer(BOM.as_bytes().to_vec());
    csv.write_record(&rows[0]).unwrap();
    for row in rows[1..].iter().filter(|r| keep(r)) {
        let mut row = row.clone();
        if edit(&row) {
            row[3] = "change".to_owned();
        }
        csv.write_record(&row).unwrap();
    }
    csv.into_inner().unwrap()
}

#[tokio::test]
async fn an_exported_file_imports_unchanged_as_it_is() {
    let app = spawn_app().await;
    for (list, rows) in [("voice-users", 280), ("phone-numbers", 540)] {
        let text = export_text(&app, list, "").await;

        let file = read(text.as_bytes()).expect("a readable file");

        assert_eq!(file.errors, [], "{list}");
        assert_eq!(file.lines, [], "{list}: an empty Action changes nothing");
        assert_eq!(file.unchanged.len(), rows, "{list}: every line, unchanged");
    }
}

#[tokio::test]
async fn each_voice_user_line_reads_back_with_their_username_number_and_location() {
    let app = spawn_app().await;
    let users: Vec<VoiceUser> = listed(&app, "voice-users", "users", query(""))
        .await
        .into_iter()
        .map(|u| serde_json::from_value(u).unwrap())
        .collect();
    let text = export_text(&app, "voice-users", "").await;
    let has_number = |row: &[String]| !row[1].is_empty();

    let file = read(&edited(&text, |_| true, has_number)).expect("a readable file");

    assert_eq!(file.errors, []);
    let held: HashMap<&str, &VoiceUser> = users
        .iter()
        .filter(|u| u.assigned_number.is_some())
        .map(|u| (u.username.as_str(), u))
        .collect();
    assert_eq!(file.lines.len(), held.len());
    assert_eq!(
        file.unchanged.len(),
        users.len() - held.len(),
        "users without a number"
    );
    for line in &file.lines {
        let user = held[line.username.as_str()];
        assert_eq!(line.action, Action::Change);
        let typed = line.number.as_deref().expect("a number");
        let number = parse_input(typed).unwrap_or_else(|e| panic!("{typed}: {e}"));
        let assigned = user.assigned_number.as_ref().unwrap();
        assert_eq!(number.e164, assigned.number.e164, "{}", user.username);
        let location = user
            .emergency_location
            .as_ref()
            .map(|l| l.description.clone());
        assert_eq!(line.location, location, "{}", user.username);
    }
}

#[tokio::test]
async fn the_assigned_lines_of_the_numbers_export_read_back_as_an_import() {
    let app = spawn_app().await;
    let query = json!({ "search": "", "state": "Assigned", "kind": null, "source": null,
        "country": null, "sort": "Number", "descending": false, "after": null, "limit": 50 });
    let assigned: Vec<TelephoneNumber> = listed(&app, "phone-numbers", "numbers", query)
        .await
        .into_iter()
        .map(|n| serde_json::from_value(n).unwrap())
        .collect();
    let text = export_text(&app, "phone-numbers", "").await;
    let held = |row: &[String]| !row[0].is_empty();

    let file = read(&edited(&text, held, |_| true)).expect("a readable file");

    assert_eq!(file.errors, []);
    assert_eq!(file.unchanged, Vec::<usize>::new());
    let numbers: Vec<_> = file
        .lines
        .iter()
        .map(|l| parse_input(l.number.as_deref().unwrap()).unwrap().e164)
        .collect();
    let expected: Vec<_> = assigned.iter().map(|n| n.number.e164.clone()).collect();
    assert_eq!(numbers, expected, "the assigned numbers, in order");
    for (line, number) in file.lines.iter().zip(&assigned) {
        let holder = number.holder.as_ref().unwrap();
        let user = app.user(holder.user_id.0).await;
        assert_eq!(line.username, user["username"].as_str().unwrap());
        let location = user["emergency_location"]["description"]
            .as_str()
            .map(str::to_owned);
        assert_eq!(line.location, location);
    }
}
