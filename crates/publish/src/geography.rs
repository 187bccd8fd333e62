//! Where a Dutch municipality lies: its provincial electoral district (provinciale kieskring) and
//! its province, from the Electoral Council's tree of regions (built in: `data/`).

use std::collections::BTreeMap;

use quick_xml::events::Event;
use serde::{Deserialize, Serialize};

/// An area by its official code and name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Area {
    /// CBS code (`0014`) for a municipality; the region number for a district or province; the
    /// NIS code in Flanders.
    pub code: String,
    /// Its name.
    pub name: String,
}

/// A municipality's place in the country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The municipality.
    pub municipality: Area,
    /// Its provincial electoral district, where the tree has one.
    pub district: Option<Area>,
    /// Its province.
    pub province: Option<Area>,
}

/// The Electoral Council's tree of regions as published (MasterElectionTree, 2025-07-16).
const MASTER_ELECTION_TREE: &str = include_str!("../data/MasterElectionTree.xml");

/// Every Dutch municipality in the built-in tree, by CBS code.
pub fn dutch_municipalities() -> BTreeMap<String, Place> {
    parse_tree(MASTER_ELECTION_TREE).unwrap_or_default()
}

/// Reads a MasterElectionTree: each GEMEENTE with the nearest PROVINCIAAL_KIESKRING and
/// PROVINCIE around it. Other kinds of region (water boards, national districts) are passed by.
pub fn parse_tree(xml: &str) -> Result<BTreeMap<String, Place>, quick_xml::Error> {
    struct Open {
        category: String,
        number: String,
        name: Option<String>,
    }
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<Open> = Vec::new();
    let mut in_name = false;
    let mut places = BTreeMap::new();
    loop {
        match reader.read_event()? {
            Event::Start(start) if start.name().as_ref() == b"Region" => {
                let mut open = Open {
                    category: String::new(),
                    number: String::new(),
                    name: None,
                };
                for attribute in start.attributes().flatten() {
                    let value = String::from_utf8_lossy(&attribute.value).into_owned();
                    match attribute.key.as_ref() {
                        b"RegionCategory" => open.category = value,
                        b"RegionNumber" => open.number = value,
                        _ => {}
                    }
                }
                stack.push(open);
            }
            Event::Start(start) if start.name().as_ref() == b"RegionName" => in_name = true,
            Event::Text(text) if in_name => {
                if let Some(open) = stack.last_mut() {
                    let name = text.decode().map(|t| t.into_owned()).unwrap_or_default();
                    open.name = Some(name);
                }
            }
            Event::End(end) if end.name().as_ref() == b"RegionName" => in_name = false,
            Event::End(end) if end.name().as_ref() == b"Region" => {
                let Some(region) = stack.pop() else { continue };
                if region.category != "GEMEENTE" {
                    continue;
                }
                let area = |category: &str| {
                    stack
                        .iter()
                        .rev()
                        .find(|open| open.category == category)
                        .map(|open| Area {
                            code: open.number.clone(),
                            name: open.name.clone().unwrap_or_default(),
                        })
                };
                places.insert(
                    region.number.clone(),
                    Place {
                        municipality: Area {
                            code: region.number,
                            name: region.name.unwrap_or_default(),
                        },
                        district: area("PROVINCIAAL_KIESKRING"),
                        province: area("PROVINCIE"),
                    },
                );
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(places)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_municipalities_of_the_tree_lie_in_their_provinces() {
        let places = dutch_municipalities();
        // 342 municipalities in the tree of 2025.
        assert_eq!(places.len(), 342);
        let groningen = &places["0014"];
        assert_eq!(groningen.municipality.name, "Groningen");
        assert_eq!(
            groningen.province.as_ref().map(|p| p.name.as_str()),
            Some("Groningen")
        );
        let assen = &places["0106"];
        assert_eq!(assen.municipality.name, "Assen");
        assert_eq!(
            assen.province.as_ref().map(|p| p.name.as_str()),
            Some("Drenthe")
        );
        let west_maas_en_waal = &places["0668"];
        assert_eq!(
            west_maas_en_waal.province.as_ref().map(|p| p.name.as_str()),
            Some("Gelderland")
        );
        assert!(west_maas_en_waal.district.is_some());
        assert!(places.values().all(|p| p.province.is_some()));
    }
}
