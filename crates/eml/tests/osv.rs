//! The OSV4-3 table of a count, compared byte for byte with the tables published next to the
//! real 510b files.

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]

use eml::{SourceFile, import_election, osv4_3_count_csv};
use testkit::fixture;

fn check(definition: &str, candidates: &str, count: &str, published: &str) {
    let (d, c, t) = (fixture(definition), fixture(candidates), fixture(count));
    let election = import_election(
        SourceFile::new(definition, &d),
        SourceFile::new(candidates, &c),
        None,
    )
    .unwrap();
    let ours = osv4_3_count_csv(SourceFile::new(count, &t), &election).unwrap();
    let theirs = String::from_utf8(fixture(published)).unwrap();
    if ours != theirs {
        let (a, b): (Vec<&str>, Vec<&str>) = (ours.lines().collect(), theirs.lines().collect());
        for (i, (x, y)) in a.iter().zip(&b).enumerate() {
            assert_eq!(x, y, "{published}: line {} differs", i + 1);
        }
        assert_eq!(a.len(), b.len(), "{published}: number of lines");
        assert_eq!(
            ours.ends_with('\n'),
            theirs.ends_with('\n'),
            "{published}: final line feed"
        );
    }
}

#[test]
fn west_maas_en_waal_2022() {
    check(
        "eml/composed/Verkiezingsdefinitie_GR2022_WestMaasenWaal.composed.eml.xml",
        "eml/real/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
        "eml/real/Telling_GR2022_WestMaasenWaal.eml.xml",
        "eml/real/osv4-3_telling_gr2022_westmaasenwaal.csv",
    );
}

#[test]
fn groningen_2022() {
    check(
        "eml/composed/Verkiezingsdefinitie_GR2022_Groningen.composed.eml.xml",
        "eml/real/Kandidatenlijsten_GR2022_Groningen.eml.xml",
        "eml/real/Telling_GR2022_Groningen.eml.xml",
        "eml/real/osv4-3_telling_gr2022_groningen.csv",
    );
}

#[test]
fn assen_2026() {
    check(
        "eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml",
        "eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml",
        "eml/real/Telling_GR2026_Assen.eml.xml",
        "eml/real/osv4-3_telling_gr2026_assen.csv",
    );
}
