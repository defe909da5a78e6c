use serde::{Deserialize, Serialize};
use std::fmt;

/// An ISO 3166-1 alpha-2 country code such as `US` or `GB`, always upper case.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(try_from = "String", into = "String")]
#[schemars(extend("pattern" = "^[A-Za-z]{2}$", "examples" = ["US", "GB"]))]
pub struct Country([u8; 2]);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a two-letter country code")]
pub struct CountryError(pub String);

impl Country {
    pub fn parse(raw: &str) -> Result<Self, CountryError> {
        match raw.trim().as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Ok(Self([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
            }
            _ => Err(CountryError(raw.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The countries the console knows by name, in the order lists show them.
    pub const ALL: &'static [Country] = &[
        Country(*b"AU"),
        Country(*b"BE"),
        Country(*b"CA"),
        Country(*b"FR"),
        Country(*b"DE"),
        Country(*b"IE"),
        Country(*b"NL"),
        Country(*b"ES"),
        Country(*b"GB"),
        Country(*b"US"),
    ];

    /// The English name admins see next to the code; empty for a country
    /// the console doesn't know.
    pub fn name(&self) -> &'static str {
        match &self.0 {
            b"AU" => "Australia",
            b"BE" => "Belgium",
            b"CA" => "Canada",
            b"FR" => "France",
            b"DE" => "Germany",
            b"IE" => "Ireland",
            b"NL" => "Netherlands",
            b"ES" => "Spain",
            b"GB" => "United Kingdom",
            b"US" => "United States",
            _ => "",
        }
    }
}

impl super::Choice for Country {
    fn all() -> &'static [Self] {
        Country::ALL
    }
    fn code(&self) -> &str {
        self.as_str()
    }
    fn label(&self) -> &str {
        self.name()
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for Country {
    type Error = CountryError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Country> for String {
    fn from(value: Country) -> Self {
        value.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_two_letter_codes_and_rejects_the_rest() {
        let cases = [
            ("US", Some("US"), "upper case"),
            ("gb", Some("GB"), "lower case is normalised"),
            (" de ", Some("DE"), "surrounding blanks are trimmed"),
            ("USA", None, "three letters"),
            ("U", None, "one letter"),
            ("1A", None, "digit"),
            ("", None, "empty"),
            ("ÜS", None, "non-ASCII"),
        ];
        for (raw, want, why) in cases {
            let got = Country::parse(raw).ok().map(|c| c.to_string());
            assert_eq!(got.as_deref(), want, "{why}: {raw:?}");
        }
    }

    #[test]
    fn every_listed_country_has_a_name_in_alphabetical_order() {
        let names: Vec<&str> = Country::ALL.iter().map(Country::name).collect();
        assert!(names.iter().all(|n| !n.is_empty()), "{names:?}");
        assert!(names.windows(2).all(|w| w[0] < w[1]), "{names:?}");
        assert_eq!(Country::parse("JP").unwrap().name(), "");
    }
}
