//! The release facts of this workspace, checked on the real dependency graph: the licence notices
//! shipped in the binary (`urna licenses`) are those of the crates it contains now, the bill of
//! materials is valid CycloneDX by an independent validator, and nothing that must never be in an
//! offline election binary is.

use std::path::{Path, PathBuf};
use std::process::Command;

use release::graph::Origin;
use release::{notices, sbom, workspace_components};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn components() -> Vec<release::Component> {
    workspace_components(&workspace().join("Cargo.toml"), "urna").expect("cargo metadata")
}

#[test]
fn the_notices_in_the_binary_are_those_of_the_crates_it_contains() {
    let components = components();
    let version = components[0].version.clone();
    let fresh = notices::render(&notices::collect("urna", &version, &components).expect("notices"));
    let shipped_path = workspace().join("crates/urna/THIRD-PARTY-NOTICES.txt");
    let shipped = std::fs::read_to_string(&shipped_path).expect("shipped notices");
    assert!(
        fresh == shipped,
        "{} is out of date with the dependency graph; regenerate it with\n  \
         cargo run -p release -- notices --out crates/urna/THIRD-PARTY-NOTICES.txt",
        shipped_path.display()
    );
    // Every crate in the binary is named, with its licence.
    for component in components.iter().filter(|c| c.origin != Origin::Workspace) {
        assert!(
            shipped.contains(&format!("{} {}", component.name, component.version)),
            "{} missing from the notices",
            component.id
        );
    }
}

#[test]
fn the_binary_contains_no_network_client_no_openssl_and_no_test_code() {
    let names: Vec<String> = components().into_iter().map(|c| c.name).collect();
    for forbidden in [
        "reqwest",
        "ureq",
        "openssl",
        "openssl-sys",
        "native-tls",
        "fantoccini",
        "proptest",
        "criterion",
        "testkit",
    ] {
        assert!(
            !names.iter().any(|n| n == forbidden),
            "{forbidden} is compiled into the binary"
        );
    }
    // And what it must contain: the election crates and the TLS stack the servers use.
    for needed in ["office", "seal", "store", "rustls", "rusqlite", "typst"] {
        assert!(names.iter().any(|n| n == needed), "{needed} missing");
    }
}

#[test]
fn every_registry_crate_is_pinned_by_checksum_and_declares_an_spdx_licence() {
    for component in components() {
        if let Origin::Registry { checksum } = &component.origin {
            let checksum = checksum
                .as_deref()
                .unwrap_or_else(|| panic!("{} has no checksum in Cargo.lock", component.id));
            assert_eq!(checksum.len(), 64, "{}", component.id);
            if let Some(licence) = &component.licence {
                sbom::spdx_expression(&component.id.0, licence).expect("licence expression");
            }
        }
    }
}

fn validate(path: &Path) -> std::process::Output {
    Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/validate_cyclonedx.py"))
        .arg(path)
        .output()
        .expect("python3")
}

#[test]
fn the_bill_of_materials_is_valid_cyclonedx_and_names_the_binary_by_its_hash() {
    let components = components();
    let subject = sbom::Subject {
        name: "urna".to_string(),
        version: components[0].version.clone(),
        commit: "0123456789abcdef0123456789abcdef01234567".to_string(),
        epoch: 1_765_000_000,
        sha256: Some("ab".repeat(32)),
    };
    let bill = sbom::bill_of_materials(&subject, &components).expect("bill");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("urna.cdx.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&bill).expect("json")).expect("write");
    let output = validate(&path);
    assert!(
        output.status.success(),
        "CycloneDX validation failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );

    assert_eq!(
        bill["metadata"]["component"]["hashes"][0]["content"],
        "ab".repeat(32)
    );
    assert_eq!(bill["metadata"]["timestamp"], "2025-12-06T05:46:40Z");
    assert_eq!(
        bill["components"].as_array().map(Vec::len),
        Some(components.len() - 1)
    );
    let rustls = bill["components"]
        .as_array()
        .and_then(|list| list.iter().find(|c| c["name"] == "rustls"))
        .expect("rustls listed");
    assert!(
        rustls["purl"]
            .as_str()
            .is_some_and(|p| p.starts_with("pkg:cargo/rustls@"))
    );
    // The same inputs make the same bytes (a release is reproducible, its bill too).
    assert_eq!(
        bill,
        sbom::bill_of_materials(&subject, &components).expect("bill")
    );

    // The validator is not a formality: a bill with a broken field is refused.
    let mut broken = bill.clone();
    broken["components"][0]["hashes"] = serde_json::json!([{ "alg": "SHA-256", "content": "xyz" }]);
    std::fs::write(&path, serde_json::to_vec_pretty(&broken).expect("json")).expect("write");
    assert_eq!(validate(&path).status.code(), Some(1));
}
