//! Which crates are compiled into the binary: the packages reachable from the binary's package
//! through normal dependencies, on the release target. Development dependencies (tests, benches)
//! and build dependencies (code that runs at build time only) are not in the binary and so not in
//! its bill of materials; what a build script compiles in (C code of SQLite, of ring) belongs to
//! the crate whose build script it is, which is listed.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::PathBuf;

use cargo_metadata::{DependencyKind, Metadata, PackageId};
use serde::Deserialize;

use crate::ReleaseError;

/// A crate's identity in the bill of materials: `name@version`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ComponentId(pub String);

impl std::fmt::Display for ComponentId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a crate's source comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A crate of this workspace (Urna's own code).
    Workspace,
    /// crates.io, with the SHA-256 of the `.crate` file that `Cargo.lock` pins.
    Registry { checksum: Option<String> },
    /// Any other source (a git repository, another registry), as cargo names it.
    Other(String),
}

/// One crate compiled into the binary.
#[derive(Debug, Clone)]
pub struct Component {
    pub id: ComponentId,
    pub name: String,
    pub version: String,
    /// The licence as the crate declares it (an SPDX expression, sometimes in the old `A/B` form).
    pub licence: Option<String>,
    /// A licence file the crate's manifest names instead of (or beside) an expression.
    pub licence_file: Option<PathBuf>,
    /// The folder of its `Cargo.toml`, where its licence files are.
    pub manifest_dir: PathBuf,
    pub origin: Origin,
    pub repository: Option<String>,
    pub description: Option<String>,
    /// The crates it uses directly, in the binary.
    pub depends_on: Vec<ComponentId>,
}

#[derive(Deserialize)]
struct Lockfile {
    #[serde(default)]
    package: Vec<LockedPackage>,
}

#[derive(Deserialize)]
struct LockedPackage {
    name: String,
    version: String,
    checksum: Option<String>,
}

/// The `.crate` checksums `Cargo.lock` pins, by `name@version`.
pub fn locked_checksums(
    lock_text: &str,
    path: &str,
) -> Result<BTreeMap<ComponentId, String>, ReleaseError> {
    let lock: Lockfile = toml::from_str(lock_text).map_err(|e| ReleaseError::Lock {
        path: path.to_string(),
        message: e.to_string(),
    })?;
    Ok(lock
        .package
        .into_iter()
        .filter_map(|p| {
            let checksum = p.checksum?;
            Some((ComponentId(format!("{}@{}", p.name, p.version)), checksum))
        })
        .collect())
}

fn is_normal(dep: &cargo_metadata::NodeDep) -> bool {
    dep.dep_kinds
        .iter()
        .any(|kind| kind.kind == DependencyKind::Normal)
}

/// The crates compiled into the binary of package `root`, sorted by name and version; the root
/// comes first. `metadata` is `cargo metadata` filtered to the release target
/// (`--filter-platform`), so that crates of other platforms are left out.
pub fn binary_components(
    metadata: &Metadata,
    checksums: &BTreeMap<ComponentId, String>,
    root: &str,
) -> Result<Vec<Component>, ReleaseError> {
    let resolve = metadata.resolve.as_ref().ok_or(ReleaseError::NoResolve)?;
    let root_id = metadata
        .workspace_packages()
        .into_iter()
        .find(|p| p.name.as_str() == root)
        .map(|p| p.id.clone())
        .ok_or_else(|| ReleaseError::NoSuchPackage(root.to_string()))?;
    let nodes: BTreeMap<&PackageId, &cargo_metadata::Node> =
        resolve.nodes.iter().map(|n| (&n.id, n)).collect();

    // Every package reachable through normal dependencies.
    let mut reached: BTreeSet<&PackageId> = BTreeSet::from([&root_id]);
    let mut queue = VecDeque::from([&root_id]);
    while let Some(id) = queue.pop_front() {
        let Some(node) = nodes.get(id) else { continue };
        for dep in node.deps.iter().filter(|d| is_normal(d)) {
            if reached.insert(&dep.pkg) {
                queue.push_back(&dep.pkg);
            }
        }
    }

    let workspace: BTreeSet<&PackageId> = metadata.workspace_members.iter().collect();
    let component_id =
        |p: &cargo_metadata::Package| ComponentId(format!("{}@{}", p.name.as_str(), p.version));
    let ids: BTreeMap<&PackageId, ComponentId> = metadata
        .packages
        .iter()
        .filter(|p| reached.contains(&p.id))
        .map(|p| (&p.id, component_id(p)))
        .collect();

    let mut components: Vec<Component> = metadata
        .packages
        .iter()
        .filter(|p| reached.contains(&p.id))
        .map(|p| {
            let id = component_id(p);
            let origin = if workspace.contains(&p.id) {
                Origin::Workspace
            } else {
                match &p.source {
                    Some(source) if source.is_crates_io() => Origin::Registry {
                        checksum: checksums.get(&id).cloned(),
                    },
                    Some(source) => Origin::Other(source.repr.clone()),
                    None => Origin::Other("path".to_string()),
                }
            };
            let mut depends_on: Vec<ComponentId> = nodes
                .get(&p.id)
                .map(|node| {
                    node.deps
                        .iter()
                        .filter(|d| is_normal(d))
                        .filter_map(|d| ids.get(&d.pkg).cloned())
                        .collect()
                })
                .unwrap_or_default();
            depends_on.sort();
            depends_on.dedup();
            let manifest_dir = p
                .manifest_path
                .parent()
                .map(|dir| dir.as_std_path().to_path_buf())
                .unwrap_or_default();
            Component {
                id,
                name: p.name.to_string(),
                version: p.version.to_string(),
                licence: p.license.clone(),
                licence_file: p
                    .license_file
                    .as_ref()
                    .map(|f| manifest_dir.join(f.as_std_path())),
                manifest_dir,
                origin,
                repository: p.repository.clone(),
                description: p.description.clone(),
                depends_on,
            }
        })
        .collect();
    components.sort_by(|a, b| {
        (a.name != root, &a.name, &a.version).cmp(&(b.name != root, &b.name, &b.version))
    });
    Ok(components)
}
