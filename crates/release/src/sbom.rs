//! The software bill of materials of a release in CycloneDX 1.5 JSON: the binary (with its SHA-256
//! hash code and source commit) and every crate compiled into it, with version, package URL,
//! declared licence, the checksum `Cargo.lock` pins and who depends on whom. A certifier compares
//! it with their own rebuild; a vulnerability scanner reads the package URLs. The document is the
//! same bytes for the same inputs (no clock, no random serial number), as the release is.

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::ReleaseError;
use crate::graph::{Component, Origin};

/// The binary the bill describes.
#[derive(Debug, Clone)]
pub struct Subject {
    pub name: String,
    pub version: String,
    pub commit: String,
    /// The build's time, seconds since 1970 (`SOURCE_DATE_EPOCH`).
    pub epoch: i64,
    /// SHA-256 of the binary in hexadecimal, when it is built.
    pub sha256: Option<String>,
}

/// A licence expression in strict SPDX form: the old `MIT/Apache-2.0` becomes `MIT OR Apache-2.0`.
pub fn spdx_expression(package: &str, declared: &str) -> Result<String, ReleaseError> {
    let rewritten = declared
        .split('/')
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" OR ");
    spdx::Expression::parse(&rewritten).map_err(|e| ReleaseError::Licence {
        package: package.to_string(),
        expression: declared.to_string(),
        message: e.to_string(),
    })?;
    Ok(rewritten)
}

fn reference(component: &Component) -> String {
    match component.origin {
        Origin::Registry { .. } => {
            format!("pkg:cargo/{}@{}", component.name, component.version)
        }
        _ => format!("urna-crate:{}@{}", component.name, component.version),
    }
}

/// A UUID made from the subject, so that the same release has the same serial number.
fn serial_number(subject: &Subject) -> String {
    let digest = Sha256::digest(
        format!(
            "{}\n{}\n{}\n{}",
            subject.name,
            subject.version,
            subject.commit,
            subject.sha256.as_deref().unwrap_or("")
        )
        .as_bytes(),
    );
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x80; // version 8: custom (RFC 9562)
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // the RFC's variant
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

fn licences(component: &Component) -> Result<Value, ReleaseError> {
    Ok(match &component.licence {
        Some(declared) => json!([{ "expression": spdx_expression(&component.id.0, declared)? }]),
        None => json!([]),
    })
}

/// The bill of materials of `subject`, whose crates are `components` (the first is the binary's
/// own package, as [`crate::binary_components`] orders them).
pub fn bill_of_materials(
    subject: &Subject,
    components: &[Component],
) -> Result<Value, ReleaseError> {
    let (root, crates) = components
        .split_first()
        .ok_or_else(|| ReleaseError::NoSuchPackage(subject.name.clone()))?;
    let timestamp = chrono::DateTime::from_timestamp(subject.epoch, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);

    let mut main = json!({
        "type": "application",
        "bom-ref": reference(root),
        "name": subject.name,
        "version": subject.version,
        "description": root.description,
        "licenses": licences(root)?,
        "properties": [{ "name": "urna:source-commit", "value": subject.commit }],
    });
    if let Some(sha256) = &subject.sha256 {
        main["hashes"] = json!([{ "alg": "SHA-256", "content": sha256 }]);
    }

    let mut listed = Vec::with_capacity(crates.len());
    for component in crates {
        let mut entry = json!({
            "type": "library",
            "bom-ref": reference(component),
            "name": component.name,
            "version": component.version,
            "scope": "required",
            "licenses": licences(component)?,
        });
        if let Some(description) = &component.description {
            entry["description"] = json!(description.trim());
        }
        match &component.origin {
            Origin::Registry { checksum } => {
                entry["purl"] = json!(reference(component));
                if let Some(checksum) = checksum {
                    entry["hashes"] = json!([{ "alg": "SHA-256", "content": checksum }]);
                }
            }
            Origin::Other(source) => {
                entry["properties"] = json!([{ "name": "cargo:source", "value": source }]);
            }
            Origin::Workspace => {}
        }
        if let Some(repository) = &component.repository {
            entry["externalReferences"] = json!([{ "type": "vcs", "url": repository }]);
        }
        listed.push(entry);
    }

    let by_id: std::collections::BTreeMap<&crate::ComponentId, &Component> =
        components.iter().map(|c| (&c.id, c)).collect();
    let dependencies: Vec<Value> = components
        .iter()
        .map(|component| {
            let depends_on: Vec<String> = component
                .depends_on
                .iter()
                .filter_map(|id| by_id.get(id).copied())
                .map(reference)
                .collect();
            json!({ "ref": reference(component), "dependsOn": depends_on })
        })
        .collect();

    Ok(json!({
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "serialNumber": serial_number(subject),
        "version": 1,
        "metadata": {
            "timestamp": timestamp,
            "tools": {
                "components": [{
                    "type": "application",
                    "name": "urna-release",
                    "version": env!("CARGO_PKG_VERSION"),
                }],
            },
            "component": main,
        },
        "components": listed,
        "dependencies": dependencies,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_slash_licences_become_spdx_or_and_unknown_licences_are_refused() {
        assert_eq!(
            spdx_expression("a@1", "MIT/Apache-2.0").expect("valid"),
            "MIT OR Apache-2.0"
        );
        assert_eq!(
            spdx_expression("a@1", "Apache-2.0 / MIT").expect("valid"),
            "Apache-2.0 OR MIT"
        );
        assert_eq!(
            spdx_expression("a@1", "(MIT OR Apache-2.0) AND Unicode-3.0").expect("valid"),
            "(MIT OR Apache-2.0) AND Unicode-3.0"
        );
        let error = spdx_expression("a@1", "Proprietary-Mine").expect_err("unknown licence");
        assert!(error.to_string().contains("a@1"), "{error}");
    }

    #[test]
    fn the_serial_number_is_a_uuid_fixed_by_the_release() {
        let subject = Subject {
            name: "urna".into(),
            version: "0.1.0".into(),
            commit: "c".into(),
            epoch: 0,
            sha256: Some("00".repeat(32)),
        };
        let serial = serial_number(&subject);
        assert_eq!(serial, serial_number(&subject.clone()));
        assert_eq!(serial.len(), "urn:uuid:".len() + 36);
        assert_eq!(&serial[9 + 14..9 + 15], "8", "version nibble: {serial}");
        let other = Subject {
            commit: "d".into(),
            ..subject
        };
        assert_ne!(serial, serial_number(&other));
    }
}
