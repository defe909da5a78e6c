use serde::{Deserialize, Serialize};
use std::fmt;

/// An ISO 3166-1 alpha-2 country code such as `US` or `GB`, always upper case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
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

    /// The English name admins see next to the code.
    pub fn name(&self) -> &'static str {
        match self.as_str() {
            "US" => "United States",
            "GB" => "United Kingdom",
            "DE" => "Germany",
            "FR" => "France",
            "CA" => "Canada",
            "NL" => "Netherlands",
            "IE" => "Ireland",
            "ES" => "Spain",
            "BE" => "Belgium",
            "AU" => "Australia",
            _ => "",
        }
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
}
