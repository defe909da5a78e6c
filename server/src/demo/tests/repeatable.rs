use super::{count, dump, seeded};
use crate::demo::DemoOrg;

#[tokio::test]
async fn seeding_twice_gives_identical_rows() {
    let (first, _) = seeded(DemoOrg::Contoso).await;
    let (second, _) = seeded(DemoOrg::Contoso).await;
    let rows = dump(&first).await;
    assert!(rows.len() > 1000);
    assert_eq!(rows, dump(&second).await);
}

#[tokio::test]
async fn contoso_without_numbers_has_the_same_people_and_offices_but_no_numbers() {
    let (with, _) = seeded(DemoOrg::Contoso).await;
    let (without, report) = seeded(DemoOrg::ContosoWithoutNumbers).await;
    assert_eq!((report.numbers, report.assigned), (0, 0));
    assert_eq!(
        count(&without, "SELECT COUNT(*) FROM phone_numbers").await,
        0
    );
    assert_eq!(
        count(&without, "SELECT COUNT(*) FROM number_assignments").await,
        0
    );
    let numberless = |rows: Vec<String>| -> Vec<String> {
        rows.into_iter()
            .filter(|r| !r.starts_with("phone_numbers") && !r.starts_with("number_assignments"))
            .collect()
    };
    assert_eq!(numberless(dump(&with).await), dump(&without).await);
}

#[test]
fn demo_org_parses_its_names_and_lists_them_when_unknown() {
    assert_eq!("contoso".parse(), Ok(DemoOrg::Contoso));
    assert_eq!(
        "contoso-without-numbers".parse(),
        Ok(DemoOrg::ContosoWithoutNumbers)
    );
    for org in DemoOrg::ALL {
        assert_eq!(org.to_string().parse(), Ok(org), "{org} round-trips");
    }
    let err = "fabrikam".parse::<DemoOrg>().unwrap_err().to_string();
    assert_eq!(
        err,
        "unknown demo organisation 'fabrikam'; choose one of: contoso, contoso-without-numbers, contoso-without-voice, contoso-100k"
    );
}
