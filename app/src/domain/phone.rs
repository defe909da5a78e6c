use serde::{Deserialize, Serialize};
use std::fmt;

use super::Country;

/// A telephone number in E.164 form: `+` then 8 to 15 digits, the first not 0.
/// The browser never parses free text into one (libphonenumber stays on the
/// server); this check only keeps garbage out of the types.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(try_from = "String", into = "String")]
#[schemars(
    description = "A telephone number in E.164 form: `+` then 8 to 15 digits.",
    extend("pattern" = "^\\+[1-9][0-9]{7,14}$", "examples" = ["+14255550123"])
)]
pub struct E164(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a telephone number in E.164 form (+ and 8 to 15 digits)")]
pub struct E164Error(pub String);

impl E164 {
    pub fn parse(raw: &str) -> Result<Self, E164Error> {
        let digits = raw
            .strip_prefix('+')
            .ok_or_else(|| E164Error(raw.to_owned()))?;
        let ok = (8..=15).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0');
        if ok {
            Ok(Self(raw.to_owned()))
        } else {
            Err(E164Error(raw.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The digits without the leading `+`.
    pub fn digits(&self) -> &str {
        &self.0[1..]
    }
}

impl fmt::Display for E164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for E164 {
    type Error = E164Error;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<E164> for String {
    fn from(value: E164) -> Self {
        value.0
    }
}

/// A number as the server parsed it: E.164 plus the forms admins read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PhoneNumber {
    pub e164: E164,
    pub country: Country,
    /// National format, e.g. `(425) 555-0100`.
    pub national: String,
    /// International format, e.g. `+1 425-555-0100`.
    pub international: String,
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.international)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e164_accepts_only_plus_and_8_to_15_digits() {
        let cases = [
            ("+14255550100", true, "US number"),
            ("+442071234567", true, "GB number"),
            ("+4930123456", true, "DE number"),
            ("14255550100", false, "missing +"),
            ("+1 425 555 0100", false, "blanks"),
            ("+1425555", false, "7 digits"),
            ("+1234567890123456", false, "16 digits"),
            ("+04255550100", false, "leading zero"),
            ("+1425555010a", false, "letter"),
            ("", false, "empty"),
            ("+", false, "plus alone"),
        ];
        for (raw, ok, why) in cases {
            assert_eq!(E164::parse(raw).is_ok(), ok, "{why}: {raw}");
        }
    }

    #[test]
    fn digits_drop_the_plus() {
        assert_eq!(E164::parse("+14255550100").unwrap().digits(), "14255550100");
    }
}
