//! Is this civic address good enough to send emergency services to? The
//! country's rules: which fields it needs and what its postal codes look like.

use serde::{Deserialize, Serialize};

use super::Country;

/// An address as the admin typed it, before it is validated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CivicAddress {
    pub description: String,
    pub street: String,
    pub city: String,
    pub state: Option<String>,
    pub postal_code: String,
    pub country: String,
}

/// One field that fails, with what the admin should enter instead.
#[derive(
    Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error, schemars::JsonSchema,
)]
#[error("{field}: {message}")]
pub struct AddressProblem {
    /// The form's label for the field, e.g. "Postal code".
    pub field: String,
    pub message: String,
}

const US_STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY",
];

/// Every field of `address` that fails its country's rules; empty when the
/// address can be validated.
pub fn check_address(address: &CivicAddress) -> Vec<AddressProblem> {
    let mut found = Vec::new();
    let mut fail = |field: &str, message: &str| {
        found.push(AddressProblem {
            field: field.to_owned(),
            message: message.to_owned(),
        })
    };
    let required = [
        ("Description", &address.description, 256),
        ("Street and number", &address.street, 200),
        ("City", &address.city, 100),
    ];
    for (field, value, max) in required {
        let value = value.trim();
        if value.is_empty() {
            fail(field, "Required.");
        } else if value.chars().count() > max {
            fail(field, &format!("At most {max} characters."));
        }
    }
    if !address.street.trim().is_empty() && !address.street.chars().any(|c| c.is_ascii_digit()) {
        fail("Street and number", "Include the house or building number.");
    }
    let Ok(country) = Country::parse(&address.country) else {
        fail("Country or region", "Choose a country or region.");
        return found;
    };
    let postal = address.postal_code.trim();
    let state = address.state.as_deref().map(str::trim).unwrap_or("");
    match country.as_str() {
        "US" => {
            if !US_STATES.contains(&state.to_ascii_uppercase().as_str()) {
                fail(
                    "State or province",
                    "Enter the two-letter state code, e.g. WA.",
                );
            }
            if !us_zip(postal) {
                fail(
                    "Postal code",
                    "Enter a ZIP code of 5 digits, or ZIP+4 like 98052-6399.",
                );
            }
        }
        "GB" => {
            if !gb_postcode(postal) {
                fail("Postal code", "Enter a UK postcode like SW1A 1AA.");
            }
        }
        "DE" | "FR" | "ES" => {
            if !(postal.len() == 5 && postal.bytes().all(|b| b.is_ascii_digit())) {
                fail("Postal code", "Enter the 5-digit postal code.");
            }
        }
        _ => {
            if postal.is_empty() {
                fail("Postal code", "Required.");
            }
        }
    }
    found
}

fn us_zip(code: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match code.split_once('-') {
        None => digits(code, 5),
        Some((zip, plus4)) => digits(zip, 5) && digits(plus4, 4),
    }
}

/// UK postcodes: an outward code of 2 to 4 characters starting with a
/// letter, a space, and an inward code of a digit and two letters.
fn gb_postcode(code: &str) -> bool {
    let code = code.to_ascii_uppercase();
    let Some((outward, inward)) = code.split_once(' ') else {
        return false;
    };
    let out = outward.as_bytes();
    let inw = inward.as_bytes();
    (2..=4).contains(&out.len())
        && out[0].is_ascii_alphabetic()
        && out.iter().all(|b| b.is_ascii_alphanumeric())
        && out.iter().any(|b| b.is_ascii_digit())
        && inw.len() == 3
        && inw[0].is_ascii_digit()
        && inw[1].is_ascii_alphabetic()
        && inw[2].is_ascii_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(country: &str, state: Option<&str>, postal: &str) -> CivicAddress {
        CivicAddress {
            description: "Office".into(),
            street: "1 Main Street".into(),
            city: "Somewhere".into(),
            state: state.map(Into::into),
            postal_code: postal.into(),
            country: country.into(),
        }
    }

    #[test]
    fn each_country_checks_its_own_fields() {
        let cases = [
            (
                address("US", Some("WA"), "98052"),
                &[][..],
                "US with state and ZIP",
            ),
            (
                address("US", Some("wa"), "98052-6399"),
                &[],
                "ZIP+4, lower-case state",
            ),
            (
                address("US", None, "98052"),
                &["State or province"],
                "US needs a state",
            ),
            (
                address("US", Some("XX"), "98052"),
                &["State or province"],
                "no such state",
            ),
            (
                address("US", Some("WA"), "9805"),
                &["Postal code"],
                "short ZIP",
            ),
            (address("GB", None, "W2 6BD"), &[], "London postcode"),
            (address("GB", None, "sw1a 1aa"), &[], "lower-case postcode"),
            (
                address("GB", None, "W26BD"),
                &["Postal code"],
                "postcode without its space",
            ),
            (
                address("GB", None, "12 345"),
                &["Postal code"],
                "digits only",
            ),
            (address("DE", None, "10117"), &[], "German PLZ"),
            (address("DE", None, "1011"), &["Postal code"], "4-digit PLZ"),
            (
                address("CA", Some("ON"), ""),
                &["Postal code"],
                "elsewhere a postal code is still required",
            ),
            (
                address("USA", None, "98052"),
                &["Country or region"],
                "not a country code",
            ),
        ];
        for (input, want, why) in cases {
            let got: Vec<String> = check_address(&input).into_iter().map(|p| p.field).collect();
            assert_eq!(got, want, "{why}");
        }
    }

    #[test]
    fn required_text_fields_are_named() {
        let empty = CivicAddress {
            country: "DE".into(),
            postal_code: "10117".into(),
            ..CivicAddress::default()
        };
        let got: Vec<String> = check_address(&empty).into_iter().map(|p| p.field).collect();
        assert_eq!(got, ["Description", "Street and number", "City"]);
        let no_number = CivicAddress {
            street: "Unter den Linden".into(),
            ..address("DE", None, "10117")
        };
        assert_eq!(
            check_address(&no_number)[0].to_string(),
            "Street and number: Include the house or building number."
        );
    }
}
