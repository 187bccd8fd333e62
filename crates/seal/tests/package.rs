//! Packages end to end, on real election definitions: built, copied to three FAT32 image files
//! and verified; every single-bit change detected (every byte of a small package, a sample of a
//! large one); a package of another polling station, election or authority refused.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use seal::ceremony::{Common, PreparedOffice, files, prepare_office};
use seal::lock::ElectionKey;
use seal::package::{ElectionRef, Expected, MANIFEST, Office, Problem, SIGNATURE, verify};
use seal::signing::SigningKey;
use seal::stick::{self, Target};

/// The files every package of `election` holds (as `urna ceremony packages` makes them).
fn common(election: &model::Election) -> Common {
    Common {
        election: ElectionRef {
            id: election.id.clone(),
            name: election.name.clone(),
        },
        files: BTreeMap::from([
            (
                files::ELECTION.to_string(),
                serde_json::to_vec_pretty(election).unwrap(),
            ),
            (
                files::BALLOT.to_string(),
                serde_json::to_vec_pretty(&model::ballot::BallotLayout::of(election)).unwrap(),
            ),
        ]),
        election_key: ElectionKey::generate().public(),
    }
}

/// The Electoral Council's own test election (synthetic, from Abacus' test files): a small
/// package.
fn test_election() -> model::Election {
    let definition = testkit::fixture("eml/synthetic/eml110a_test.eml.xml");
    let candidates = testkit::fixture("eml/synthetic/eml230b_test.eml.xml");
    eml::import_election(
        eml::SourceFile::new("110a", &definition),
        eml::SourceFile::new("230b", &candidates),
        None,
    )
    .unwrap()
}

/// Lindeveld (Flanders, fictional): another election.
fn lindeveld() -> model::Election {
    flanders::read_definition(
        "GR2024_Lindeveld.json",
        &testkit::fixture("flanders/GR2024_Lindeveld.json"),
    )
    .unwrap()
}

/// Assen 2026 (real candidate lists, 228 candidates): a large package.
fn assen() -> model::Election {
    let definition =
        testkit::fixture("eml/composed/Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml");
    let candidates = testkit::fixture("eml/real/Kandidatenlijsten_GR2026_Assen.eml.xml");
    let stations = testkit::fixture("eml/composed/Stembureaus_GR2026_Assen.composed.eml.xml");
    eml::import_election(
        eml::SourceFile::new("110a", &definition),
        eml::SourceFile::new("230b", &candidates),
        Some(eml::SourceFile::new("110b", &stations)),
    )
    .unwrap()
}

fn station(number: u32) -> Office {
    Office::PollingStation {
        number,
        name: String::new(),
    }
}

fn prepare(election: &model::Election, office: Office, authority: &SigningKey) -> PreparedOffice {
    prepare_office(&common(election), office, authority, "2026-11-23T10:00:00Z").unwrap()
}

/// Changes one bit of byte `position` of `path` and checks that verification refuses, naming
/// the file (or, for the manifest and its signature, the signature).
fn assert_flip_detected(
    entries: &BTreeMap<String, Vec<u8>>,
    authority: &SigningKey,
    path: &str,
    position: usize,
) {
    let mut tampered = entries.clone();
    let bytes = tampered.get_mut(path).unwrap();
    bytes[position] ^= 1 << (position % 8);
    let problems = verify(&tampered, &authority.public(), &Expected::default()).expect_err(
        &format!("a flipped bit at {path}:{position} was not detected"),
    );
    let named = problems.iter().any(|problem| match problem {
        Problem::AlteredFile { path: altered } => altered == path,
        Problem::BadSignature { .. } | Problem::UnreadableSignature => {
            path == MANIFEST || path == SIGNATURE
        }
        _ => false,
    });
    assert!(named, "{path}:{position}: {problems:?}");
}

#[test]
fn every_byte_of_a_small_package_is_covered() {
    let authority = SigningKey::generate();
    let prepared = prepare(&test_election(), station(1), &authority);
    let entries = prepared.package.entries();
    let total: usize = entries.values().map(Vec::len).sum();
    assert!(total < 32 * 1024, "small package: {total} bytes");
    let mut checked = 0;
    for (path, bytes) in &entries {
        for position in 0..bytes.len() {
            assert_flip_detected(&entries, &authority, path, position);
            checked += 1;
        }
    }
    assert_eq!(checked, total);
    assert_eq!(entries.len(), 8, "{:?}", entries.keys());
}

#[test]
fn a_sample_of_the_bytes_of_a_large_package_is_covered() {
    let authority = SigningKey::generate();
    let prepared = prepare(&assen(), station(1), &authority);
    let entries = prepared.package.entries();
    let total: usize = entries.values().map(Vec::len).sum();
    assert!(total > 100 * 1024, "large package: {total} bytes");
    // Every file's first and last byte, and 2,000 positions spread over the whole package by a
    // fixed prime stride (reproducible, and every region gets its share).
    for (path, bytes) in &entries {
        assert_flip_detected(&entries, &authority, path, 0);
        assert_flip_detected(&entries, &authority, path, bytes.len() - 1);
    }
    let flat: Vec<(&String, usize)> = entries
        .iter()
        .flat_map(|(path, bytes)| (0..bytes.len()).map(move |position| (path, position)))
        .collect();
    for step in 0..2000 {
        let (path, position) = flat[(step * 7919) % flat.len()];
        assert_flip_detected(&entries, &authority, path, position);
    }
}

#[test]
fn a_package_on_three_image_files_verifies_on_each() {
    let authority = SigningKey::generate();
    let prepared = prepare(&assen(), station(7), &authority);
    let entries = prepared.package.entries();
    let dir = tempfile::tempdir().unwrap();
    let expected = Expected {
        election: Some("GR2026_Assen".parse().unwrap()),
        office: Some(station(7)),
    };
    for name in ["stick-1.img", "stick-2.img", "stick-3.img"] {
        let target = Target::from_path(&dir.path().join(name));
        stick::write(&target, &entries, &mut |_, _| {}).unwrap();
        let back = stick::read(&target).unwrap();
        assert!(stick::differences(&entries, &back).is_empty(), "{name}");
        let verified = verify(&back, &authority.public(), &expected).unwrap();
        assert_eq!(verified.fingerprint, prepared.credential.fingerprint);
    }
}

#[test]
fn a_changed_byte_in_an_image_file_is_found_on_reading_back() {
    let authority = SigningKey::generate();
    let prepared = prepare(&lindeveld(), station(2), &authority);
    let entries = prepared.package.entries();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stick.img");
    let target = Target::from_path(&path);
    stick::write(&target, &entries, &mut |_, _| {}).unwrap();
    // Change one byte of office.json where it lies in the image, as a failing stick would.
    let mut image = std::fs::read(&path).unwrap();
    let office = &entries[files::OFFICE];
    let at = image
        .windows(office.len())
        .position(|window| window == office.as_slice())
        .unwrap();
    image[at + 10] ^= 0x20;
    std::fs::write(&path, image).unwrap();
    let back = stick::read(&target).unwrap();
    assert_eq!(stick::differences(&entries, &back), vec![files::OFFICE]);
    assert_eq!(
        verify(&back, &authority.public(), &Expected::default()),
        Err(vec![Problem::AlteredFile {
            path: files::OFFICE.into()
        }])
    );
}

#[test]
fn a_package_of_another_station_election_or_authority_is_refused() {
    let authority = SigningKey::generate();
    let election = assen();
    let expect_assen_3 = Expected {
        election: Some("GR2026_Assen".parse().unwrap()),
        office: Some(station(3)),
    };
    let right = prepare(&election, station(3), &authority);
    assert!(
        verify(
            &right.package.entries(),
            &authority.public(),
            &expect_assen_3
        )
        .is_ok()
    );

    let other_station = prepare(&election, station(4), &authority);
    let problems = verify(
        &other_station.package.entries(),
        &authority.public(),
        &expect_assen_3,
    )
    .unwrap_err();
    assert!(
        matches!(problems.as_slice(), [Problem::OtherOffice { found, .. }] if found.code() == "SB4"),
        "{problems:?}"
    );

    let main_office = prepare(
        &election,
        Office::MainOffice {
            name: "Hoofdstembureau Assen".into(),
        },
        &authority,
    );
    let problems = verify(
        &main_office.package.entries(),
        &authority.public(),
        &expect_assen_3,
    )
    .unwrap_err();
    assert!(
        matches!(problems.as_slice(), [Problem::OtherOffice { found, .. }] if found.code() == "HSB"),
        "{problems:?}"
    );

    let other_election = prepare(&lindeveld(), station(3), &authority);
    let problems = verify(
        &other_election.package.entries(),
        &authority.public(),
        &expect_assen_3,
    )
    .unwrap_err();
    assert!(
        matches!(problems.as_slice(), [Problem::OtherElection { found, .. }] if found == "GR2024_Lindeveld"),
        "{problems:?}"
    );

    // Signed by another key, the package is refused whatever it claims to be.
    let forger = SigningKey::generate();
    let forged = prepare(&election, station(3), &forger);
    assert_eq!(
        verify(
            &forged.package.entries(),
            &authority.public(),
            &expect_assen_3
        ),
        Err(vec![Problem::BadSignature {
            authority: authority.public().fingerprint()
        }])
    );
}
