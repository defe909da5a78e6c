//! libphonenumber, on the server only: it would add ~300 KB brotli to the
//! browser bundle. The browser receives numbers already parsed and formatted.
//!
//! The `phonenumber` crate (0.3.10) ships libphonenumber's metadata but not
//! its rules: it looks a number's territory up without the leading zeros that
//! Italian, San Marino and Vatican landlines keep in E.164, so "+39 02 1234
//! 5678" has no country; it matches patterns by prefix, not whole; it strips
//! national prefixes unchecked; its formatter can pick a format that doesn't
//! fit. So this file takes only the metadata from the crate and follows
//! libphonenumber's PhoneNumberUtil (parseHelper, getRegionCodeForNumber,
//! getNumberTypeHelper, format) step by step.

use std::collections::{BTreeSet, HashMap};
use std::sync::{LazyLock, Mutex, PoisonError};

use phonenumber::metadata::{Descriptor, Descriptors, DATABASE};
use phonenumber::Metadata;
use regex::{Captures, Regex};

use crate::domain::{Country, PhoneNumber, E164};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneInputError {
    #[error(
        "'{0}' is not a phone number. Enter it in international form, for example +1 425 555 0100."
    )]
    Unparsable(String),
    #[error("'{0}' is not a phone number. Enter only digits in international form, for example +1 425 555 0100; extensions aren't supported.")]
    StrayCharacters(String),
    #[error("'{0}' doesn't start with a country calling code in use. Enter it in international form, for example +1 425 555 0100.")]
    UnknownCountryCode(String),
    #[error("'{0}' is an international service number of no country; only a country's numbers can be used.")]
    NotOfACountry(String),
    #[error("'{0}' is not a valid phone number in its country's numbering plan.")]
    Invalid(String),
    #[error(
        "'{0}' is valid, but only numbers of 8 to 15 digits with the country code can be stored."
    )]
    OutsideE164Lengths(String),
}

/// Parses what an admin typed ("+1 (425) 555-0100", "+39 02 1234 5678") into
/// a number in E.164 form with its display forms.
pub fn parse_input(raw: &str) -> Result<PhoneNumber, PhoneInputError> {
    use PhoneInputError as E;
    let trimmed = raw.trim();
    let fail = |variant: fn(String) -> PhoneInputError| variant(truncate(trimmed));
    if trimmed.is_empty() || trimmed.len() > 40 {
        return Err(fail(E::Unparsable));
    }
    // libphonenumber skips what it doesn't understand ("…0999x" parses);
    // an admin's typo must not become a different number.
    let allowed =
        |c: char| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')' | '.' | '/');
    if !trimmed.chars().all(allowed) {
        return Err(fail(E::StrayCharacters));
    }
    let first_sign = trimmed.chars().find(|&c| c.is_ascii_digit() || c == '+');
    if first_sign != Some('+') || trimmed.matches('+').count() > 1 {
        return Err(fail(E::Unparsable));
    }
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    let (main, national) =
        split_country_code(&digits).ok_or_else(|| fail(E::UnknownCountryCode))?;
    // parseHelper's bounds: more than 2 digits after the code, at most 17 kept.
    let nsn = Some(national)
        .filter(|n| n.len() > 2)
        .map(|n| strip_national_prefix(main, n))
        .filter(|n| n.len() <= 17)
        .ok_or_else(|| fail(E::Unparsable))?;
    let code = main.country_code();
    let territory = territory(code, &nsn)
        .filter(|t| is_valid_in(t, &nsn))
        .ok_or_else(|| fail(E::Invalid))?;
    let country = Country::parse(territory.id()).map_err(|_| fail(E::NotOfACountry))?;
    let e164 = E164::parse(&format!("+{code}{nsn}")).map_err(|_| fail(E::OutsideE164Lengths))?;
    let (national, international) = display(main, &nsn);
    Ok(PhoneNumber {
        e164,
        country,
        national,
        international,
    })
}

/// The display forms of a stored E.164 number. Falls back to the bare E.164
/// when libphonenumber can't place it, so a bad row never hides a user.
pub fn describe(e164: &E164, country: Country) -> PhoneNumber {
    let split = split_country_code(e164.digits());
    let found = split.and_then(|(main, nsn)| territory(main.country_code(), nsn));
    let found = found.and_then(|t| Country::parse(t.id()).ok());
    let bare = || (e164.to_string(), e164.to_string());
    let (national, international) = split.map_or_else(bare, |(main, nsn)| display(main, nsn));
    PhoneNumber {
        e164: e164.clone(),
        country: found.unwrap_or(country),
        national,
        international,
    }
}

/// The national and international forms.
fn display(main: &'static Metadata, nsn: &str) -> (String, String) {
    let international = format!("+{} {}", main.country_code(), format_nsn(main, nsn, false));
    (format_nsn(main, nsn, true), international)
}

/// The calling code's main territory, whose national prefix and formats
/// libphonenumber uses for every territory sharing the code, and the digits
/// after the code.
fn split_country_code(digits: &str) -> Option<(&'static Metadata, &str)> {
    if digits.starts_with('0') {
        return None;
    }
    (1..=digits.len().min(3)).find_map(|len| {
        let code = digits[..len].parse::<u16>().ok()?;
        let main = *DATABASE.by_code(&code)?.first()?;
        Some((main, &digits[len..]))
    })
}

/// getRegionCodeForNumber: the territory whose leading digits start the
/// number, else the first whose plan it fits; leading zeros included.
fn territory(code: u16, nsn: &str) -> Option<&'static Metadata> {
    let candidates = DATABASE.by_code(&code)?;
    if let [only] = candidates[..] {
        return Some(only);
    }
    candidates.into_iter().find(|t| match t.leading_digits() {
        Some(leading) => pattern_matches(leading.as_str(), nsn, Anchor::Start),
        None => is_valid_in(t, nsn),
    })
}

/// The kinds of number in getNumberTypeHelper's order, mobile last.
fn kinds(d: &Descriptors) -> [Option<&Descriptor>; 10] {
    [
        d.premium_rate(),
        d.toll_free(),
        d.shared_cost(),
        d.voip(),
        d.personal_number(),
        d.pager(),
        d.uan(),
        d.voicemail(),
        d.fixed_line(),
        d.mobile(),
    ]
}

/// getNumberTypeHelper(…) != UNKNOWN.
fn is_valid_in(territory: &'static Metadata, nsn: &str) -> bool {
    let d = territory.descriptors();
    let general = d.general().national_number().as_str();
    let possible = possible_lengths(territory).0.contains(&nsn.len());
    if !possible || !pattern_matches(general, nsn, Anchor::Whole) {
        return false;
    }
    let [others @ .., mobile] = kinds(d);
    // A mobile pattern that is the fixed-line one isn't tried again.
    let words = |d: &'static Descriptor| d.national_number().as_str().split_whitespace();
    let same_as_fixed =
        matches!((mobile, d.fixed_line()), (Some(m), Some(f)) if words(m).eq(words(f)));
    others.into_iter().any(|kind| fits(kind, nsn)) || (!same_as_fixed && fits(mobile, nsn))
}

fn fits(kind: Option<&'static Descriptor>, nsn: &str) -> bool {
    kind.is_some_and(|d| {
        let lengths = d.possible_length();
        (lengths.is_empty() || lengths.contains(&(nsn.len() as u16)))
            && pattern_matches(d.national_number().as_str(), nsn, Anchor::Whole)
    })
}

/// The general description's lengths, which libphonenumber's metadata build
/// derives from the kinds of number and the crate leaves empty: the normal
/// ones and those only dialable locally.
fn possible_lengths(territory: &Metadata) -> (BTreeSet<usize>, BTreeSet<usize>) {
    let kinds = kinds(territory.descriptors());
    let collect = |lengths: fn(&Descriptor) -> &[u16]| {
        let all = kinds.iter().flatten().flat_map(|d| lengths(d));
        all.map(|&n| usize::from(n)).collect::<BTreeSet<_>>()
    };
    let normal = collect(Descriptor::possible_length);
    let mut local = collect(Descriptor::possible_local_length);
    local.retain(|n| !normal.contains(n));
    (normal, local)
}

/// maybeStripNationalPrefixAndCarrierCode, kept only when what remains has a
/// possible length (parseHelper): "+44 (0)20 …" loses its 0, "+39 02 …" keeps
/// it.
fn strip_national_prefix(main: &'static Metadata, national: &str) -> String {
    let prefix = main.national_prefix_for_parsing().map(|p| p.as_str());
    let stripped = prefix.or(main.national_prefix()).and_then(|prefix| {
        with_pattern(prefix, Anchor::Start, |re| {
            let groups = re.captures(national)?;
            let rest = &national[groups.get(0)?.end()..];
            let rule = main.national_prefix_transform_rule();
            Some(match (rule, groups.get(groups.len() - 1)) {
                (Some(rule), Some(_)) => expand(&groups, rule) + rest,
                _ => rest.to_owned(),
            })
        })?
    });
    let general = main.descriptors().general().national_number().as_str();
    let viable = |n: &str| pattern_matches(general, n, Anchor::Whole);
    let (lengths, local) = possible_lengths(main);
    // testNumberLength: too short, local only or between lengths keeps it.
    let possible = |n: usize| {
        !local.contains(&n)
            && lengths.first().is_some_and(|&min| n >= min)
            && (lengths.contains(&n) || lengths.last().is_some_and(|&max| n > max))
    };
    stripped
        .filter(|s| !viable(national) || viable(s))
        .filter(|s| possible(s.len()))
        .unwrap_or_else(|| national.to_owned())
}

/// format(): the first format whose last leading-digits pattern starts the
/// number and whose pattern matches all of it, with the national prefix
/// rule in national form.
fn format_nsn(main: &'static Metadata, nsn: &str, national: bool) -> String {
    let formats = match main.international_formats() {
        intl if national || intl.is_empty() => main.formats(),
        intl => intl,
    };
    let chosen = formats.iter().find(|f| {
        let leading = f.leading_digits().last();
        leading.is_none_or(|l| pattern_matches(l.as_str(), nsn, Anchor::Start))
            && pattern_matches(f.pattern().as_str(), nsn, Anchor::Whole)
    });
    let Some(f) = chosen else {
        return nsn.to_owned();
    };
    let mut template = f.format().to_owned();
    let first_group = (template.match_indices('$').map(|(at, _)| at))
        .find(|&at| template[at + 1..].starts_with(|c: char| c.is_ascii_digit()));
    let rule = f.national_prefix().filter(|r| national && !r.is_empty());
    if let (Some(rule), Some(at)) = (rule, first_group) {
        // $FG is the format's first group, not always $1: Argentina's
        // mobiles drop their leading 9 nationally ("$2 15-$3-$4").
        let group = template[at..at + 2].to_owned();
        let prefix = main.national_prefix().unwrap_or("");
        let rule = rule.replace("$NP", prefix).replace("$FG", &group);
        template.replace_range(at..at + 2, &rule);
    }
    with_pattern(f.pattern().as_str(), Anchor::Whole, |re| {
        re.captures(nsn).map(|groups| expand(&groups, &template))
    })
    .flatten()
    .unwrap_or_else(|| nsn.to_owned())
}

/// The metadata's "$1" templates read the same in the regex crate's syntax.
fn expand(groups: &Captures, template: &str) -> String {
    let mut out = String::new();
    groups.expand(template, &mut out);
    out
}

/// How libphonenumber applies a pattern: `lookingAt` or `matches`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Anchor {
    Start,
    Whole,
}

/// The metadata's patterns, each compiled once and anchored the way
/// libphonenumber applies it (the crate's copies are unanchored). Constant
/// data like the crate's own database, hence a static.
static PATTERNS: LazyLock<Mutex<Compiled>> = LazyLock::new(Default::default);
type Compiled = HashMap<(&'static str, Anchor), Option<Regex>>;

fn with_pattern<T>(source: &'static str, anchor: Anchor, f: impl FnOnce(&Regex) -> T) -> Option<T> {
    let mut patterns = PATTERNS.lock().unwrap_or_else(PoisonError::into_inner);
    let compiled = patterns.entry((source, anchor)).or_insert_with(|| {
        let body: String = source.split_whitespace().collect();
        let end = if anchor == Anchor::Whole { "$" } else { "" };
        Regex::new(&format!("^(?:{body}){end}")).ok()
    });
    compiled.as_ref().map(f)
}

fn pattern_matches(source: &'static str, text: &str, anchor: Anchor) -> bool {
    with_pattern(source, anchor, |re| re.is_match(text)).unwrap_or(false)
}

fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

#[cfg(test)]
#[path = "phone_format_tests.rs"]
mod tests;
