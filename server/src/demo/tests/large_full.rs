//! `contoso-100k` itself, seeded in full: the counts it promises and the
//! assignment rules as SQL over all 60,000 assignments (running the Rust
//! rules row by row is left to `large_sample`, at 5,000 people).

use super::{count, seeded};
use crate::demo::DemoOrg;

#[tokio::test]
async fn contoso_100k_has_100000_people_150000_numbers_and_60000_assigned() {
    let (pool, report) = seeded(DemoOrg::Contoso100k).await;
    assert_eq!(
        (report.users, report.numbers, report.locations),
        (100_000, 150_000, 56)
    );
    assert!(
        (58_000..=62_000).contains(&report.assigned),
        "about 60,000 assigned: {}",
        report.assigned
    );

    let at_least = [
        (
            "SELECT COUNT(DISTINCT usage_location) FROM voice_users",
            10,
            "countries",
        ),
        (
            "SELECT COUNT(*) FROM emergency_locations WHERE validated",
            54,
            "offices",
        ),
        (
            "SELECT COUNT(*) FROM phone_numbers WHERE kind = 'service'",
            1_000,
            "service",
        ),
        (
            "SELECT COUNT(*) FROM phone_numbers WHERE kind = 'toll_free'",
            150,
            "toll-free",
        ),
        (
            "SELECT COUNT(*) FROM phone_numbers WHERE source = 'direct_routing'",
            20_000,
            "DR",
        ),
        (
            "SELECT COUNT(*) FROM phone_numbers WHERE source = 'operator_connect'",
            8_000,
            "OC",
        ),
        (
            "SELECT COUNT(*) FROM phone_numbers WHERE activation = 'pending'",
            100,
            "pending",
        ),
        (
            "SELECT COUNT(*) FROM phone_numbers WHERE activation = 'failed'",
            50,
            "failed",
        ),
        (
            "SELECT COUNT(*) FROM phone_numbers WHERE blocked_until > '2026-11-26'",
            100,
            "blocked",
        ),
        (
            "SELECT COUNT(*) FROM number_assignments a JOIN phone_numbers n ON n.id = a.number_id \
             WHERE n.source = 'direct_routing'",
            5_000,
            "assigned Direct Routing numbers",
        ),
    ];
    for (sql, want, what) in at_least {
        let got = count(&pool, sql).await;
        assert!(got >= want, "{what}: {got} < {want}");
    }

    // Some John Smiths, as in any directory this size, but not many of each.
    let repeated = count(
        &pool,
        "SELECT COUNT(*) - COUNT(DISTINCT display_name) FROM voice_users",
    )
    .await;
    assert!(
        (5_000..=20_000).contains(&repeated),
        "display names repeating another: {repeated}"
    );
    let most = count(
        &pool,
        "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM voice_users GROUP BY display_name)",
    )
    .await;
    assert!((2..=10).contains(&most), "people sharing one name: {most}");

    // Each clause is one of the console's rules; no assignment may break any.
    let broken = count(
        &pool,
        "SELECT COUNT(*) FROM number_assignments a \
         JOIN voice_users u ON u.id = a.user_id \
         JOIN phone_numbers n ON n.id = a.number_id \
         JOIN emergency_locations l ON l.id = a.location_id \
         WHERE n.kind <> 'user' OR n.activation <> 'active' \
         OR COALESCE(n.blocked_until, '') > '2026-11-26' \
         OR n.country <> u.usage_location \
         OR NOT l.validated OR l.country <> n.country OR l.city <> n.city \
         OR NOT EXISTS (SELECT 1 FROM user_licences h WHERE h.user_id = u.id \
             AND h.licence IN ('ENTERPRISE_E5', 'PHONE_SYSTEM')) \
         OR (n.source = 'calling_plan' AND NOT EXISTS (SELECT 1 FROM user_licences h \
             WHERE h.user_id = u.id \
             AND h.licence IN ('DOMESTIC_CALLING_PLAN', 'INTERNATIONAL_CALLING_PLAN')))",
    )
    .await;
    assert_eq!(broken, 0, "assignments that break a rule");

    let over = count(
        &pool,
        "SELECT COUNT(*) FROM licences l WHERE l.purchased < \
         (SELECT COUNT(*) FROM user_licences h WHERE h.licence = l.code)",
    )
    .await;
    assert_eq!(over, 0, "licences held beyond the purchased count");
}
