//! Where the provider can give the organisation new user numbers: for each
//! city, the block its numbers are taken from. Shared with the browser, which
//! offers these as the country, state and city choices of "New user numbers".

use super::Country;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberArea {
    pub country: &'static str,
    /// State, province or region, as the admin picks it.
    pub state: &'static str,
    pub city: &'static str,
    /// E.164 digits every number of the block starts with.
    pub prefix: &'static str,
    /// How many digits follow the prefix.
    pub suffix_digits: u8,
}

pub const NUMBER_AREAS: &[NumberArea] = &[
    area("US", "Washington", "Redmond", "+1425556", 4),
    area("US", "Washington", "Seattle", "+1206556", 4),
    area("US", "New York", "New York", "+1212556", 4),
    area("US", "California", "San Francisco", "+1415556", 4),
    area("US", "Illinois", "Chicago", "+1312556", 4),
    area("GB", "England", "London", "+44207947", 4),
    area("GB", "England", "Manchester", "+44161497", 4),
    area("GB", "England", "Birmingham", "+44121496", 4),
    area("GB", "Scotland", "Edinburgh", "+44131496", 4),
    area("DE", "Berlin", "Berlin", "+493055510", 3),
    area("DE", "Bavaria", "Munich", "+498955510", 3),
    area("DE", "Hamburg", "Hamburg", "+494055510", 3),
    area("DE", "Hesse", "Frankfurt", "+496955510", 3),
];

const fn area(
    country: &'static str,
    state: &'static str,
    city: &'static str,
    prefix: &'static str,
    suffix_digits: u8,
) -> NumberArea {
    NumberArea {
        country,
        state,
        city,
        prefix,
        suffix_digits,
    }
}

impl NumberArea {
    pub fn country(&self) -> Country {
        Country::parse(self.country).expect("the area table holds valid country codes")
    }

    /// The `index`th number of the block, or `None` past its end.
    pub fn candidate(&self, index: u32) -> Option<String> {
        let width = usize::from(self.suffix_digits);
        (u64::from(index) < 10u64.pow(u32::from(self.suffix_digits)))
            .then(|| format!("{}{index:0width$}", self.prefix))
    }

    pub fn find(country: Country, city: &str) -> Option<&'static NumberArea> {
        NUMBER_AREAS
            .iter()
            .find(|a| a.country == country.as_str() && a.city == city)
    }

    /// The countries with areas, in table order, each once.
    pub fn countries() -> Vec<Country> {
        let mut seen: Vec<Country> = Vec::new();
        for a in NUMBER_AREAS {
            if !seen.contains(&a.country()) {
                seen.push(a.country());
            }
        }
        seen
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::E164;

    #[test]
    fn every_area_yields_e164_numbers_until_its_block_ends() {
        for a in NUMBER_AREAS {
            let first = a.candidate(0).expect("a first number");
            assert!(E164::parse(&first).is_ok(), "{first}");
            let last = 10u32.pow(u32::from(a.suffix_digits)) - 1;
            assert!(a.candidate(last).is_some(), "{}", a.city);
            assert_eq!(a.candidate(last + 1), None, "{}", a.city);
        }
    }

    #[test]
    fn areas_are_found_by_country_and_city_only() {
        let us = Country::parse("US").unwrap();
        assert_eq!(
            NumberArea::find(us, "Redmond").map(|a| a.prefix),
            Some("+1425556")
        );
        assert_eq!(NumberArea::find(us, "London"), None);
        assert_eq!(
            NumberArea::countries()
                .iter()
                .map(Country::as_str)
                .collect::<Vec<_>>(),
            ["US", "GB", "DE"]
        );
    }
}
