//! The expectations are libphonenumber's, not this code's: the numbers are,
//! but for the demo's few, the example numbers its PhoneNumberMetadata.xml
//! ships (embedded by the `phonenumber` crate, metadata 9.0.33), and the
//! E.164, territory and display forms are what libphonenumber 9.0.33 gives
//! for them (read from its Python port, phonenumbers 9.0.33).

use phonenumber::metadata::DATABASE;

use super::*;

#[test]
fn parses_typed_numbers_of_every_region_into_e164_and_country() {
    #[rustfmt::skip]
    let cases = [
        ("+39 02 1234 5678", "+390212345678", "IT", "an Italian landline keeps its 0"),
        ("+39 (0)2 1234 5678", "+390212345678", "IT", "even with the 0 in brackets"),
        ("+39 312 345 6789", "+393123456789", "IT", "an Italian mobile"),
        ("+378 0549 886377", "+3780549886377", "SM", "a San Marino landline keeps its 0"),
        ("+378 66 66 12 12", "+37866661212", "SM", "a San Marino mobile"),
        ("+39 06 698 12345", "+390669812345", "VA", "the Vatican's +39 06 698 range"),
        ("+33 1 23 45 67 89", "+33123456789", "FR", "a French landline"),
        ("+33 (0)6 12 34 56 78", "+33612345678", "FR", "the French trunk 0 goes"),
        ("+34 810 12 34 56", "+34810123456", "ES", "a Spanish landline"),
        ("+31 6 12345678", "+31612345678", "NL", "a Dutch mobile"),
        ("+32 12 34 56 78", "+3212345678", "BE", "a Belgian landline"),
        ("+41 (0)78 123 45 67", "+41781234567", "CH", "a Swiss mobile"),
        ("+43 1 234567890", "+431234567890", "AT", "an Austrian landline"),
        ("+46 70-123 45 67", "+46701234567", "SE", "a Swedish mobile"),
        ("+47 21 23 45 67", "+4721234567", "NO", "a Norwegian landline"),
        ("+45 34 41 23 45", "+4534412345", "DK", "a Danish number"),
        ("+358 13 1234567", "+358131234567", "FI", "a Finnish landline"),
        ("+48 512 345 678", "+48512345678", "PL", "a Polish mobile"),
        ("+353 (0)22 12345", "+3532212345", "IE", "an Irish landline"),
        ("+351 912 345 678", "+351912345678", "PT", "a Portuguese mobile"),
        ("+44 121 234 5678", "+441212345678", "GB", "a British landline"),
        ("+44 (0)20 7946 0000", "+442079460000", "GB", "the British trunk 0 goes"),
        ("+49 1512 3456789", "+4915123456789", "DE", "a German mobile"),
        ("+49 30 901820", "+4930901820", "DE", "a short German landline"),
        ("+61 2 1234 5678", "+61212345678", "AU", "an Australian landline"),
        ("+64 21 123 4567", "+64211234567", "NZ", "a New Zealand mobile"),
        ("+81 3-1234-5678", "+81312345678", "JP", "a Tokyo landline"),
        ("+91 81234 56789", "+918123456789", "IN", "an Indian mobile"),
        ("+65 6123 4567", "+6561234567", "SG", "a Singapore landline"),
        ("+852 5123 4567", "+85251234567", "HK", "a Hong Kong mobile"),
        ("+55 (11) 96123-4567", "+5511961234567", "BR", "a São Paulo mobile"),
        ("+52 200 123 4567", "+522001234567", "MX", "a Mexican landline"),
        ("+54 9 11 2345-6789", "+5491123456789", "AR", "a Buenos Aires mobile"),
        ("+1 506-234-5678", "+15062345678", "CA", "Canada shares +1"),
        ("+1 (425) 555-0100", "+14255550100", "US", "a US number"),
        ("+1 800 234 5678", "+18002345678", "US", "+1 toll free is the US's"),
        ("+27 71 123 4567", "+27711234567", "ZA", "a South African mobile"),
        ("+225 01 23 45 6789", "+2250123456789", "CI", "an Ivorian number keeps its 0"),
        ("+242 06 123 4567", "+242061234567", "CG", "a Congolese mobile keeps its 0"),
        ("+241 06 03 12 34", "+24106031234", "GA", "a Gabonese mobile keeps its 0"),
        ("+7 8 800 123 45 67", "+78001234567", "RU", "the Russian trunk 8 goes"),
    ];
    for (raw, e164, country, why) in cases {
        let n = parse_input(raw).unwrap_or_else(|e| panic!("{why}: {e}"));
        assert_eq!(
            (n.e164.as_str(), n.country.as_str()),
            (e164, country),
            "{why}: {raw}"
        );
    }
}

#[test]
fn shows_parsed_and_stored_numbers_as_libphonenumber_formats_them() {
    // E.164, then the national and international forms.
    #[rustfmt::skip]
    let cases = [
        ("+390212345678", "02 1234 5678", "+39 02 1234 5678"),
        ("+393123456789", "312 345 6789", "+39 312 345 6789"),
        ("+3780549886377", "0549 886377", "+378 0549 886377"),
        ("+37866661212", "66 66 12 12", "+378 66 66 12 12"),
        ("+390669812345", "06 6981 2345", "+39 06 6981 2345"),
        ("+33123456789", "01 23 45 67 89", "+33 1 23 45 67 89"),
        ("+33612345678", "06 12 34 56 78", "+33 6 12 34 56 78"),
        ("+34810123456", "810 12 34 56", "+34 810 12 34 56"),
        ("+31612345678", "06 12345678", "+31 6 12345678"),
        ("+3212345678", "012 34 56 78", "+32 12 34 56 78"),
        ("+41781234567", "078 123 45 67", "+41 78 123 45 67"),
        ("+431234567890", "01 234567890", "+43 1 234567890"),
        ("+46701234567", "070-123 45 67", "+46 70 123 45 67"),
        ("+4721234567", "21 23 45 67", "+47 21 23 45 67"),
        ("+4534412345", "34 41 23 45", "+45 34 41 23 45"),
        ("+358131234567", "013 1234567", "+358 13 1234567"),
        ("+48512345678", "512 345 678", "+48 512 345 678"),
        ("+3532212345", "(022) 12345", "+353 22 12345"),
        ("+351912345678", "912 345 678", "+351 912 345 678"),
        ("+441212345678", "0121 234 5678", "+44 121 234 5678"),
        ("+442079460000", "020 7946 0000", "+44 20 7946 0000"),
        ("+4915123456789", "01512 3456789", "+49 1512 3456789"),
        ("+4930901820", "030 901820", "+49 30 901820"),
        ("+61212345678", "(02) 1234 5678", "+61 2 1234 5678"),
        ("+64211234567", "021 123 4567", "+64 21 123 4567"),
        ("+81312345678", "03-1234-5678", "+81 3-1234-5678"),
        ("+918123456789", "081234 56789", "+91 81234 56789"),
        ("+6561234567", "6123 4567", "+65 6123 4567"),
        ("+85251234567", "5123 4567", "+852 5123 4567"),
        ("+5511961234567", "(11) 96123-4567", "+55 11 96123-4567"),
        ("+522001234567", "200 123 4567", "+52 200 123 4567"),
        ("+5491123456789", "011 15-2345-6789", "+54 9 11 2345-6789"),
        ("+15062345678", "(506) 234-5678", "+1 506-234-5678"),
        ("+14255550100", "(425) 555-0100", "+1 425-555-0100"),
        ("+18002345678", "(800) 234-5678", "+1 800-234-5678"),
        ("+27711234567", "071 123 4567", "+27 71 123 4567"),
        ("+2250123456789", "01 23 45 6789", "+225 01 23 45 6789"),
        ("+242061234567", "06 123 4567", "+242 06 123 4567"),
        ("+24106031234", "06 03 12 34", "+241 06 03 12 34"),
        ("+78001234567", "8 (800) 123-45-67", "+7 800 123-45-67"),
    ];
    for (e164, national, international) in cases {
        let parsed = parse_input(e164).unwrap_or_else(|e| panic!("{e}"));
        let shown = (parsed.national.as_str(), parsed.international.as_str());
        assert_eq!(shown, (national, international), "{e164}");
        let stored = describe(&parsed.e164, Country::parse("ZZ").unwrap());
        assert_eq!(stored, parsed, "{e164} described as parsed");
    }
}

#[test]
fn describes_a_stored_number_it_cannot_place_by_its_bare_e164() {
    let e164 = E164::parse("+99912345678").unwrap();
    let stored = describe(&e164, Country::parse("US").unwrap());
    assert_eq!(stored.country.as_str(), "US");
    assert_eq!(
        (stored.national.as_str(), stored.international.as_str()),
        ("+99912345678", "+99912345678")
    );
}

/// The error an input should meet, made from what was typed.
type Refusal = fn(String) -> PhoneInputError;

#[test]
fn refuses_what_libphonenumber_refuses_with_a_reason_the_admin_can_read() {
    use PhoneInputError as E;
    #[rustfmt::skip]
    let cases: &[(&str, Refusal, &str)] = &[
        ("", E::Unparsable, "nothing typed"),
        ("4255550100", E::Unparsable, "no + and country code"),
        ("+39 0", E::Unparsable, "too short after the country code"),
        ("+39 02 1234 5678 9012 3456", E::Unparsable, "too long"),
        ("+39 02 1234 5678 +1", E::Unparsable, "two numbers"),
        ("+1 425 555 0100 1234567890123456789012345", E::Unparsable, "absurdly long"),
        ("+39 2 1234 5678", E::Invalid, "an Italian landline without its 0"),
        ("+39 02 12", E::Invalid, "too short for Italy"),
        ("+39 12 3456 7890", E::Invalid, "no Italian number starts 12"),
        ("+378 0549 88637", E::Invalid, "a San Marino landline a digit short"),
        ("+1 000", E::Invalid, "too short for +1"),
        ("+1 011 555 0100", E::Invalid, "a +1 area code can't start with 0"),
        ("+1 425 555 010", E::Invalid, "a US number a digit short"),
        ("+44 20 7946 00000", E::Invalid, "a London number a digit too many"),
        ("+33 0 0 12 34 56 78", E::Invalid, "no French number starts with 0"),
        ("+61 0 1234 5678", E::Invalid, "no Australian number starts with 1"),
        ("+7 800 123 45 6", E::Invalid, "a Russian number a digit short"),
        ("+999 1234 5678", E::UnknownCountryCode, "no such country code"),
        ("+379 06 698 12345", E::UnknownCountryCode, "+379 is the Vatican's, unused"),
        ("+0039 02 1234 5678", E::UnknownCountryCode, "an exit code after the +"),
        ("+800 1234 5678", E::NotOfACountry, "a worldwide freephone number"),
        ("+290 8999", E::OutsideE164Lengths, "Tristan da Cunha's 4-digit numbers"),
        ("+49 800 12345678901", E::OutsideE164Lengths, "a 16-digit German freephone"),
        ("hello", E::StrayCharacters, "letters"),
        ("+39 O2 1234 5678", E::StrayCharacters, "a letter O for a zero"),
        ("+44 20 7946 0999x", E::StrayCharacters, "a stray letter"),
        ("+1 425 555 0100 ext. 12", E::StrayCharacters, "an extension"),
    ];
    for &(raw, want, why) in cases {
        let shown: String = raw.chars().take(40).collect();
        let err = parse_input(raw).expect_err(why);
        assert_eq!(err, want(shown.clone()), "{why}: {raw}");
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("'{shown}' ")),
            "{why}: {message}"
        );
    }
}

#[test]
fn accepts_the_example_number_of_every_kind_in_every_territory() {
    let mut checked = 0;
    for territory in DATABASE.iter() {
        let code = territory.country_code();
        let sharing = DATABASE.by_code(&code).unwrap_or_default();
        for kind in kinds(territory.descriptors()).into_iter().flatten() {
            let Some(nsn) = kind.example() else {
                continue;
            };
            let raw = format!("+{code} {nsn}");
            checked += 1;
            match parse_input(&raw) {
                Ok(n) => {
                    assert_eq!(n.e164.as_str(), format!("+{code}{nsn}"), "{raw}");
                    // libphonenumber gives some to another territory of the
                    // code: +1 800 toll free is the US's, not Canada's.
                    let owner = sharing.iter().any(|t| t.id() == n.country.as_str());
                    assert!(owner, "{raw} in {}, not {}", territory.id(), n.country);
                    assert_eq!(describe(&n.e164, n.country), n, "{raw} described as parsed");
                }
                Err(PhoneInputError::NotOfACountry(_)) => assert_eq!(territory.id(), "001"),
                Err(PhoneInputError::OutsideE164Lengths(_)) => {
                    let digits = code.to_string().len() + nsn.len();
                    assert!(!(8..=15).contains(&digits), "{raw}");
                }
                Err(e) => panic!("{raw} in {}: {e}", territory.id()),
            }
        }
    }
    assert!(checked > 1_000, "only {checked} example numbers");
}

#[test]
fn the_metadata_templates_mean_the_same_to_the_regex_crate() {
    // There "$1" followed by a letter, digit or _ would name another group.
    let plain = |template: &str| {
        let b = template.as_bytes();
        let group = |at: usize| b.get(at + 1).is_some_and(u8::is_ascii_digit);
        let word = |at: usize| {
            b.get(at)
                .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
        };
        (0..b.len())
            .filter(|&at| b[at] == b'$')
            .all(|at| group(at) && !word(at + 2))
    };
    for territory in DATABASE.iter() {
        let id = territory.id();
        for f in territory
            .formats()
            .iter()
            .chain(territory.international_formats())
        {
            let rule = f.national_prefix().unwrap_or_default();
            let rule = rule.replace("$NP", "0").replace("$FG", "$1");
            assert!(
                plain(f.format()) && plain(&rule),
                "{id}: {} {rule}",
                f.format()
            );
        }
        let transform = territory
            .national_prefix_transform_rule()
            .unwrap_or_default();
        assert!(plain(transform), "{id}: {transform}");
    }
}
