//! libphonenumber, on the server only: it would add ~300 KB brotli to the
//! browser bundle. The browser receives numbers already parsed and formatted.

use phonenumber::Mode;

use crate::domain::{Country, PhoneNumber, E164};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneInputError {
    #[error(
        "'{0}' is not a phone number. Enter it in international form, for example +1 425 555 0100."
    )]
    Unparsable(String),
    #[error("'{0}' is not a phone number. Enter only digits in international form, for example +1 425 555 0100; extensions aren't supported.")]
    StrayCharacters(String),
    #[error("'{0}' is not a valid phone number in its country's numbering plan.")]
    Invalid(String),
}

/// Parses what an admin typed ("+1 (425) 555-0100", "+44 20 7946 0000") into
/// a number in E.164 form with its display forms.
pub fn parse_input(raw: &str) -> Result<PhoneNumber, PhoneInputError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() || trimmed.len() > 40 {
        return Err(PhoneInputError::Unparsable(truncate(trimmed)));
    }
    // libphonenumber skips what it doesn't understand ("…0999x" parses);
    // an admin's typo must not become a different number.
    let allowed =
        |c: char| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')' | '.' | '/');
    if !trimmed.chars().all(allowed) {
        return Err(PhoneInputError::StrayCharacters(truncate(trimmed)));
    }
    let parsed = phonenumber::parse(None, trimmed)
        .map_err(|_| PhoneInputError::Unparsable(truncate(trimmed)))?;
    if !parsed.is_valid() {
        return Err(PhoneInputError::Invalid(truncate(trimmed)));
    }
    describe_parsed(&parsed).ok_or_else(|| PhoneInputError::Invalid(truncate(trimmed)))
}

/// The display forms of a stored E.164 number. Falls back to the bare E.164
/// when libphonenumber can't place it, so a bad row never hides a user.
pub fn describe(e164: &E164, country: Country) -> PhoneNumber {
    phonenumber::parse(None, e164.as_str())
        .ok()
        .and_then(|p| describe_parsed(&p))
        .unwrap_or_else(|| PhoneNumber {
            e164: e164.clone(),
            country,
            national: e164.to_string(),
            international: e164.to_string(),
        })
}

fn describe_parsed(parsed: &phonenumber::PhoneNumber) -> Option<PhoneNumber> {
    let e164 = E164::parse(&parsed.format().mode(Mode::E164).to_string()).ok()?;
    let id = parsed.country().id()?;
    let country = Country::parse(id.as_ref()).ok()?;
    Some(PhoneNumber {
        e164,
        country,
        national: parsed.format().mode(Mode::National).to_string(),
        international: parsed.format().mode(Mode::International).to_string(),
    })
}

fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_typed_numbers_into_e164_with_display_forms() {
        let cases = [
            ("+1 (425) 555-0100", "+14255550100", "US", "+1 425-555-0100"),
            ("+14255550100", "+14255550100", "US", "+1 425-555-0100"),
            (
                "+44 20 7946 0000",
                "+442079460000",
                "GB",
                "+44 20 7946 0000",
            ),
            ("+49 30 901820", "+4930901820", "DE", "+49 30 901820"),
        ];
        for (raw, e164, country, international) in cases {
            let n = parse_input(raw).unwrap_or_else(|e| panic!("{raw}: {e}"));
            assert_eq!(n.e164.as_str(), e164, "{raw}");
            assert_eq!(n.country.as_str(), country, "{raw}");
            assert_eq!(n.international, international, "{raw}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        let cases = [
            ("", "empty"),
            ("hello", "letters"),
            ("4255550100", "no country code"),
            ("+1 000", "too short"),
            ("+999 1234 5678", "no such country code"),
            ("+44 20 7946 0999x", "a stray letter"),
            ("+1 425 555 0100 ext. 12", "an extension"),
            ("+1 425 555 0100 1234567890123456789012345", "absurdly long"),
        ];
        for (raw, why) in cases {
            assert!(parse_input(raw).is_err(), "{why}: {raw}");
        }
    }
}
