//! Usernames in the form admins expect, `firstl@contoso.com`, unique across
//! the organisation however many John Smiths it has.

use std::collections::{HashMap, HashSet};

/// The usernames handed out so far.
#[derive(Default)]
pub struct Usernames {
    taken: HashSet<String>,
    /// Per stem, the suffix to try next: at 100,000 users a popular stem
    /// has hundreds of holders, and probing from 2 each time is quadratic.
    /// Numbers below it are all taken, so the result is the same.
    next: HashMap<String, usize>,
}

impl Usernames {
    /// Starts with `existing` taken, e.g. the named users'.
    pub fn new(existing: impl IntoIterator<Item = String>) -> Self {
        Self {
            taken: existing.into_iter().collect(),
            next: HashMap::new(),
        }
    }

    /// `firstl@contoso.com` in plain ASCII, with 2, 3, ... on a clash.
    pub fn issue(&mut self, first: &str, last: &str) -> String {
        let initial: String = ascii_fold(last).chars().take(1).collect();
        let stem = format!("{}{initial}", ascii_fold(first));
        let mut n = self.next.get(&stem).copied().unwrap_or(1);
        loop {
            let candidate = match n {
                1 => format!("{stem}@contoso.com"),
                n => format!("{stem}{n}@contoso.com"),
            };
            n += 1;
            if self.taken.insert(candidate.clone()) {
                self.next.insert(stem, n);
                return candidate;
            }
        }
    }
}

/// Lower case ASCII letters and digits only: accents folded, apostrophes,
/// hyphens and spaces dropped.
pub fn ascii_fold(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for c in name.to_lowercase().chars() {
        let plain = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' | 'ă' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' | 'ð' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'ė' => "e",
            'ğ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => "i",
            'ł' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'ō' => "o",
            'œ' => "oe",
            'ř' => "r",
            'ś' | 'š' | 'ş' | 'ș' => "s",
            'ß' => "ss",
            'ť' | 'ţ' | 'ț' => "t",
            'þ' => "th",
            'ù' | 'ú' | 'û' | 'ü' | 'ű' | 'ū' | 'ů' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            c if c.is_ascii_alphanumeric() => {
                folded.push(c);
                continue;
            }
            _ => continue,
        };
        folded.push_str(plain);
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_ascii_and_numbered_on_a_clash() {
        let mut usernames = Usernames::new(["johns@contoso.com".to_owned()]);
        let cases = [
            (
                "Zoë",
                "O'Brien",
                "zoeo@contoso.com",
                "diaeresis and apostrophe dropped",
            ),
            ("Jürgen", "Müller", "jurgenm@contoso.com", "umlauts folded"),
            (
                "John",
                "Smith",
                "johns2@contoso.com",
                "clash with an existing name",
            ),
            ("John", "Stone", "johns3@contoso.com", "a second clash"),
            ("Gül", "Öztürk", "gulo@contoso.com", "initial folded too"),
            (
                "Łukasz",
                "Wiśniewski",
                "lukaszw@contoso.com",
                "Polish letters folded",
            ),
            (
                "Anaïs",
                "van den Berg",
                "anaisv@contoso.com",
                "the surname's first word",
            ),
        ];
        for (first, last, want, why) in cases {
            assert_eq!(usernames.issue(first, last), want, "{why}");
        }
    }

    #[test]
    fn a_stem_skips_numbers_taken_before_it_counted_them() {
        let mut usernames = Usernames::new(["johns3@contoso.com".to_owned()]);
        let issued: Vec<String> = (0..3).map(|_| usernames.issue("John", "Smith")).collect();
        assert_eq!(
            issued,
            [
                "johns@contoso.com",
                "johns2@contoso.com",
                "johns4@contoso.com"
            ]
        );
    }
}
