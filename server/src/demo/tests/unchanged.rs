//! The end-to-end specs and API tests rely on every name and number of the
//! small demos, so their rows are pinned: a change to the generator that
//! moves one of them fails here first. If the change is meant, update the
//! fingerprint and the tests that name the rows it moved.

use super::{dump, seeded};
use crate::demo::DemoOrg;

/// FNV-1a over every dumped row: stable across Rust releases, unlike
/// `DefaultHasher`, and enough to notice any change.
fn fingerprint(rows: &[String]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in rows.iter().flat_map(|r| r.bytes().chain([b'\n'])) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[tokio::test]
async fn the_small_demos_keep_every_row_the_tests_rely_on() {
    let pinned = [
        (DemoOrg::Contoso, 1399, 0x6041702c1673ef4c),
        (DemoOrg::ContosoWithoutNumbers, 749, 0x2cd19b2bb531a4c6),
        (DemoOrg::ContosoWithoutVoice, 531, 0x169a5be6a97231b9),
    ];
    let mut got = Vec::new();
    for (org, _, _) in pinned {
        let (pool, _) = seeded(org).await;
        let rows = dump(&pool).await;
        got.push((org, rows.len(), fingerprint(&rows)));
    }
    assert_eq!(got, pinned, "rows and fingerprint per demo");
}
