//! The large organisation's offices: where its people work, the emergency
//! location of each, and the blocks its numbers come from.
//!
//! Numbers come first from the ranges set aside for films and drama where a
//! country has them: NANP 555-0100 to 0199 and Ofcom's drama ranges (1,000
//! a city); for France (01 99 00, 04 65 71, ...) and Australia (02 5550,
//! 02 7010, ...) the 10,000-number blocks known as their fiction ranges.
//! Those can't hold 150,000 numbers, so the rest are blocks in real area
//! codes, mostly a 555 exchange. All are demo rows, never dialled.
//! No block overlaps the ones the provider offers for new numbers
//! (`app::domain::NUMBER_AREAS`), so ordering numbers still finds free ones.

use super::names::Language::{self, *};
use crate::demo::inventory::DemoLocation;

/// `count` numbers from `prefix` followed by four digits from `first`.
pub struct Block {
    pub prefix: &'static str,
    pub first: u32,
    pub count: u32,
}

const fn block(prefix: &'static str, first: u32, count: u32) -> Block {
    Block {
        prefix,
        first,
        count,
    }
}

/// NANP: 555-0100 to 0199 are fictional, the rest of 555 is unassigned.
const fn nanp(prefix: &'static str) -> Block {
    block(prefix, 100, 9_900)
}

/// Ofcom's drama range of a UK area code: 1,000 numbers.
const fn drama(prefix: &'static str) -> Block {
    block(prefix, 0, 1_000)
}

const fn full(prefix: &'static str) -> Block {
    block(prefix, 0, 10_000)
}

pub struct Office {
    pub location: DemoLocation,
    /// Share of the organisation's people who work here, in per mille.
    pub weight: usize,
    /// The language most names here come from.
    pub language: Language,
    /// Filled in order: the fixed numbers of the named users are the first.
    pub blocks: &'static [Block],
}

#[allow(clippy::too_many_arguments)]
const fn office(
    description: &'static str,
    street: &'static str,
    city: &'static str,
    state: Option<&'static str>,
    postal_code: &'static str,
    country: &'static str,
    weight: usize,
    language: Language,
    blocks: &'static [Block],
) -> Office {
    Office {
        location: DemoLocation {
            description,
            street,
            city,
            state,
            postal_code,
            country,
            validated: true,
        },
        weight,
        language,
        blocks,
    }
}

/// Location ids are positions from 1: the offices, then `UNVALIDATED`.
/// The first seven are the small Contoso's, with the same addresses.
#[rustfmt::skip]
pub const OFFICES: [Office; 54] = [
    office("Redmond HQ", "1 Microsoft Way", "Redmond", Some("WA"), "98052", "US", 100, English, &[nanp("+1425555"), nanp("+1425557")]),
    office("Seattle Office", "2701 Alaskan Way", "Seattle", Some("WA"), "98121", "US", 50, English, &[nanp("+1206555")]),
    office("New York Office", "11 Times Square", "New York", Some("NY"), "10036", "US", 60, English, &[nanp("+1212555"), nanp("+1646555")]),
    office("London Office", "2 Kingdom Street", "London", None, "W2 6BD", "GB", 70, English, &[drama("+44207946"), full("+44203555")]),
    office("Manchester Office", "1 Hardman Square", "Manchester", None, "M3 3EB", "GB", 25, English, &[drama("+44161496"), full("+44161555")]),
    office("Berlin Office", "Unter den Linden 17", "Berlin", None, "10117", "DE", 30, German, &[full("+49305550")]),
    office("Munich Office", "Walter-Gropius-Straße 5", "Munich", None, "80807", "DE", 30, German, &[full("+49895550")]),
    office("San Francisco Office", "555 California Street", "San Francisco", Some("CA"), "94104", "US", 35, English, &[nanp("+1415555")]),
    office("Chicago Office", "200 East Randolph Street", "Chicago", Some("IL"), "60601", "US", 35, English, &[nanp("+1312555")]),
    office("Boston Office", "100 Summer Street", "Boston", Some("MA"), "02110", "US", 20, English, &[nanp("+1617555")]),
    office("Austin Office", "401 Congress Avenue", "Austin", Some("TX"), "78701", "US", 20, English, &[nanp("+1512555")]),
    office("Atlanta Office", "1230 Peachtree Street NE", "Atlanta", Some("GA"), "30309", "US", 15, English, &[nanp("+1404555")]),
    office("Denver Office", "1700 Lincoln Street", "Denver", Some("CO"), "80203", "US", 10, English, &[nanp("+1303555")]),
    office("Los Angeles Office", "333 South Grand Avenue", "Los Angeles", Some("CA"), "90071", "US", 5, English, &[nanp("+1213555")]),
    office("Birmingham Office", "1 Colmore Square", "Birmingham", None, "B4 6AA", "GB", 15, English, &[full("+44121555")]),
    office("Edinburgh Office", "15 Lauriston Place", "Edinburgh", None, "EH3 9EP", "GB", 15, English, &[full("+44131555")]),
    office("Reading Office", "100 Thames Valley Park Drive", "Reading", None, "RG6 1WG", "GB", 10, English, &[drama("+44118496"), full("+44118955")]),
    office("Glasgow Office", "31 York Street", "Glasgow", None, "G2 8AS", "GB", 10, English, &[drama("+44141496"), full("+44141555")]),
    office("Leeds Office", "1 Sovereign Square", "Leeds", None, "LS1 4DA", "GB", 5, English, &[drama("+44113496"), full("+44113555")]),
    office("Hamburg Office", "Gasstraße 6a", "Hamburg", None, "22761", "DE", 20, German, &[full("+49405550")]),
    office("Frankfurt Office", "Mainzer Landstraße 50", "Frankfurt", None, "60325", "DE", 15, German, &[full("+49695550")]),
    office("Cologne Office", "Holzmarkt 2", "Cologne", None, "50676", "DE", 10, German, &[full("+492215550")]),
    office("Düsseldorf Office", "Königsallee 92", "Düsseldorf", None, "40212", "DE", 8, German, &[full("+492115550")]),
    office("Stuttgart Office", "Königstraße 10", "Stuttgart", None, "70173", "DE", 7, German, &[full("+497115550")]),
    office("Paris Office", "10 Rue de la Paix", "Paris", None, "75002", "FR", 45, French, &[full("+3319900")]),
    office("Lyon Office", "20 Rue de la République", "Lyon", None, "69002", "FR", 15, French, &[full("+3346571")]),
    office("Marseille Office", "40 La Canebière", "Marseille", None, "13001", "FR", 10, French, &[full("+3349155")]),
    office("Toulouse Office", "1 Place du Capitole", "Toulouse", None, "31000", "FR", 10, French, &[full("+3353649")]),
    office("Lille Office", "15 Rue Nationale", "Lille", None, "59000", "FR", 5, French, &[full("+3335301")]),
    office("Nantes Office", "3 Place Royale", "Nantes", None, "44000", "FR", 5, French, &[full("+3326191")]),
    office("Madrid Office", "Paseo de la Castellana 259", "Madrid", None, "28046", "ES", 30, Spanish, &[full("+3491555")]),
    office("Barcelona Office", "Avinguda Diagonal 640", "Barcelona", None, "08017", "ES", 20, Spanish, &[full("+3493555")]),
    office("Valencia Office", "Calle de Colón 1", "Valencia", None, "46004", "ES", 5, Spanish, &[full("+3496555")]),
    office("Seville Office", "Avenida de la Constitución 20", "Seville", None, "41001", "ES", 5, Spanish, &[full("+3495555")]),
    office("Amsterdam Office", "Herengracht 500", "Amsterdam", None, "1017 CB", "NL", 25, Dutch, &[full("+3120555")]),
    office("Rotterdam Office", "Coolsingel 40", "Rotterdam", None, "3011 AD", "NL", 10, Dutch, &[full("+3110555")]),
    office("Utrecht Office", "Croeselaan 18", "Utrecht", None, "3521 CB", "NL", 8, Dutch, &[full("+3130555")]),
    office("Eindhoven Office", "Vestdijk 9", "Eindhoven", None, "5611 CA", "NL", 7, Dutch, &[full("+3140555")]),
    office("Dublin Office", "1 Grand Canal Square", "Dublin", None, "D02 P820", "IE", 20, Irish, &[full("+3531555")]),
    office("Cork Office", "1 Albert Quay", "Cork", None, "T12 X8N6", "IE", 6, Irish, &[full("+35321555")]),
    office("Galway Office", "7 Eyre Square", "Galway", None, "H91 DX48", "IE", 4, Irish, &[full("+3539155")]),
    office("Toronto Office", "81 Bay Street", "Toronto", Some("ON"), "M5J 0E7", "CA", 30, English, &[nanp("+1416555")]),
    office("Vancouver Office", "725 Granville Street", "Vancouver", Some("BC"), "V7Y 1G5", "CA", 15, English, &[nanp("+1604555")]),
    office("Montreal Office", "2000 McGill College Avenue", "Montreal", Some("QC"), "H3A 3H3", "CA", 15, French, &[nanp("+1514555")]),
    office("Ottawa Office", "100 Queen Street", "Ottawa", Some("ON"), "K1P 1J9", "CA", 5, English, &[nanp("+1613555")]),
    office("Calgary Office", "500 Centre Street SE", "Calgary", Some("AB"), "T2G 1A6", "CA", 5, English, &[nanp("+1403555")]),
    office("Sydney Office", "200 George Street", "Sydney", Some("NSW"), "2000", "AU", 22, English, &[full("+6125550"), full("+6127010")]),
    office("Melbourne Office", "120 Collins Street", "Melbourne", Some("VIC"), "3000", "AU", 15, English, &[full("+6135550")]),
    office("Brisbane Office", "400 George Street", "Brisbane", Some("QLD"), "4000", "AU", 8, English, &[full("+6175550")]),
    office("Perth Office", "100 St Georges Terrace", "Perth", Some("WA"), "6000", "AU", 5, English, &[full("+6185550")]),
    office("Brussels Office", "Avenue Louise 54", "Brussels", None, "1050", "BE", 15, French, &[full("+322555")]),
    office("Antwerp Office", "Meir 50", "Antwerp", None, "2000", "BE", 8, Dutch, &[full("+323555")]),
    office("Ghent Office", "Korenmarkt 16", "Ghent", None, "9000", "BE", 4, Dutch, &[full("+329255")]),
    office("Liège Office", "Boulevard d'Avroy 1", "Liège", None, "4000", "BE", 3, French, &[full("+324255")]),
];

const fn unvalidated(
    description: &'static str,
    street: &'static str,
    city: &'static str,
    state: Option<&'static str>,
    postal_code: &'static str,
    country: &'static str,
) -> DemoLocation {
    DemoLocation {
        description,
        street,
        city,
        state,
        postal_code,
        country,
        validated: false,
    }
}

/// Not validated: they show that such an address can't be picked for a number.
#[rustfmt::skip]
pub const UNVALIDATED: [DemoLocation; 2] = [
    unvalidated("Reading Warehouse", "Green Park Way", "Reading", None, "RG2 6UB", "GB"),
    unvalidated("Newark Distribution Center", "1 Port Street", "Newark", Some("NJ"), "07114", "US"),
];

/// Toll-free blocks: (country, block, share of the toll-free numbers in per
/// mille). None for Canada: libphonenumber places NANP toll-free numbers in
/// the US. The US and UK ones are the fictional and drama ranges.
#[rustfmt::skip]
pub const TOLL_FREE: [(&str, Block, usize); 9] = [
    ("US", block("+1800555", 100, 100), 250),
    ("GB", drama("+44808157"), 150),
    ("DE", full("+49800555"), 125),
    ("FR", full("+3380055"), 100),
    ("ES", full("+3490055"), 75),
    ("NL", full("+31800555"), 75),
    ("IE", full("+353180055"), 50),
    ("AU", full("+61180055"), 100),
    ("BE", full("+328005"), 75),
];
