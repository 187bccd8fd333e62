//! TLS for the few Urna servers that face a network: the central authority's intake of results
//! and the polling-station app. Each installation makes its own certificate authority (no public
//! CA is ever trusted, and nothing is fetched); people compare its fingerprint by eye. The
//! authority issues the server's certificate and, for the intake, a client certificate per
//! office bound to the Ed25519 key that office was given at the key ceremony, so that a
//! connection proves who sends before a byte of the result is read.
//!
//! Pure apart from the operating system's random source: keys and certificates in, rustls
//! configurations out. Sockets belong to the callers.

use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose, PKCS_ED25519, PublicKeyData, SanType, SignatureAlgorithm,
};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::server::WebPkiClientVerifier;
use rustls::{ClientConfig, RootCertStore, ServerConfig};
use zeroize::Zeroizing;

/// What can go wrong making certificates or configurations.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    /// rcgen refused to make a key or certificate.
    #[error("certificate: {0}")]
    Certificate(#[from] rcgen::Error),
    /// rustls refused a configuration (a key that does not fit its certificate, say).
    #[error("TLS configuration: {0}")]
    Config(#[from] rustls::Error),
    /// A PEM text was not what it should be.
    #[error("{what}: not a PEM {expected}")]
    Pem {
        /// Which text.
        what: String,
        /// What it should hold.
        expected: &'static str,
    },
    /// A client certificate's verifier could not be built.
    #[error("client certificate verifier: {0}")]
    Verifier(String),
    /// A certificate authority's key is not the key of its certificate.
    #[error("the key of the certificate authority does not belong to its certificate")]
    KeyMismatch,
}

/// The ASN.1 prefix of an Ed25519 private key in PKCS #8 (RFC 8410 §7): version 0, algorithm
/// id-Ed25519 (1.3.101.112), then the 32-byte seed as an OCTET STRING inside an OCTET STRING.
const ED25519_PKCS8_PREFIX: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];
/// The ASN.1 prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4): algorithm id-Ed25519 and
/// the 32-byte key as a BIT STRING without unused bits.
const ED25519_SPKI_PREFIX: [u8; 12] = [
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
];

/// An Ed25519 public key as rcgen wants it for a certificate it issues to someone else's key.
struct Ed25519Public([u8; 32]);

impl PublicKeyData for Ed25519Public {
    fn der_bytes(&self) -> &[u8] {
        &self.0
    }
    fn algorithm(&self) -> &'static SignatureAlgorithm {
        &PKCS_ED25519
    }
}

/// SHA-256 of a certificate's DER bytes, in 16 groups of 4 hex digits (the project's hash
/// code): what the chair or the office compares by eye with the fingerprint the server prints.
pub fn fingerprint(der: &[u8]) -> String {
    seal::HashCode::of(der).to_string()
}

/// Validity of every certificate: from a day before it was made to two years after, so that a
/// clock a little behind does not refuse a new certificate and no certificate outlives its use
/// by much. (Election-night machines are not trusted to have an exact clock.)
fn validity(params: &mut CertificateParams) {
    let now = chrono::Utc::now();
    let from = now - chrono::Duration::days(1);
    let until = now + chrono::Duration::days(2 * 366);
    use chrono::Datelike;
    params.not_before = rcgen::date_time_ymd(from.year(), from.month() as u8, from.day() as u8);
    params.not_after = rcgen::date_time_ymd(until.year(), until.month() as u8, until.day() as u8);
}

fn ca_params(name: &str) -> CertificateParams {
    let mut params = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, name);
    dn.push(DnType::OrganizationName, "Urna");
    params.distinguished_name = dn;
    params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    params
}

/// An installation's own certificate authority.
pub struct CertificateAuthority {
    name: String,
    key: KeyPair,
    certificate_pem: String,
    certificate_der: CertificateDer<'static>,
}

impl std::fmt::Debug for CertificateAuthority {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CertificateAuthority")
            .field("name", &self.name)
            .field("fingerprint", &self.fingerprint())
            .finish_non_exhaustive()
    }
}

/// A server's certificate and key, in PEM.
#[derive(Clone)]
pub struct ServerIdentity {
    /// The certificate.
    pub certificate_pem: String,
    /// Its private key (PKCS #8).
    pub key_pem: Zeroizing<String>,
}

impl std::fmt::Debug for ServerIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerIdentity").finish_non_exhaustive()
    }
}

fn first_certificate(pem: &str, what: &str) -> Result<CertificateDer<'static>, TlsError> {
    CertificateDer::pem_slice_iter(pem.as_bytes())
        .next()
        .and_then(Result::ok)
        .ok_or_else(|| TlsError::Pem {
            what: what.to_string(),
            expected: "certificate",
        })
}

impl CertificateAuthority {
    /// Makes a new authority named `name` (e.g. "Urna centrale autoriteit GR2026"), with an
    /// Ed25519 key: for connections between Urna's own programs.
    pub fn generate(name: &str) -> Result<CertificateAuthority, TlsError> {
        CertificateAuthority::generate_with(name, &PKCS_ED25519)
    }

    /// Makes a new authority whose certificates browsers accept: ECDSA P-256 with SHA-256
    /// (Chromium and others do not verify Ed25519 certificates). Server certificates it issues
    /// have keys of the same kind.
    pub fn generate_for_browsers(name: &str) -> Result<CertificateAuthority, TlsError> {
        CertificateAuthority::generate_with(name, &rcgen::PKCS_ECDSA_P256_SHA256)
    }

    fn generate_with(
        name: &str,
        algorithm: &'static SignatureAlgorithm,
    ) -> Result<CertificateAuthority, TlsError> {
        let key = KeyPair::generate_for(algorithm)?;
        let mut params = ca_params(name);
        validity(&mut params);
        let certificate = params.self_signed(&key)?;
        Ok(CertificateAuthority {
            name: name.to_string(),
            certificate_pem: certificate.pem(),
            certificate_der: certificate.der().clone(),
            key,
        })
    }

    /// The authority again, from what [`Self::generate`] made: its name, its certificate and its
    /// key (PKCS #8 PEM).
    pub fn load(
        name: &str,
        certificate_pem: &str,
        key_pem: &str,
    ) -> Result<CertificateAuthority, TlsError> {
        let key = KeyPair::from_pem(key_pem)?;
        let certificate_der = first_certificate(certificate_pem, "certificate authority")?;
        // A key that is not the certificate's would issue certificates no client accepts.
        let certified = webpki::EndEntityCert::try_from(&certificate_der)
            .ok()
            .map(|c| c.subject_public_key_info().as_ref().to_vec());
        if certified.as_deref() != Some(key.subject_public_key_info().as_slice()) {
            return Err(TlsError::KeyMismatch);
        }
        Ok(CertificateAuthority {
            name: name.to_string(),
            key,
            certificate_pem: certificate_pem.to_string(),
            certificate_der,
        })
    }

    /// Its name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its certificate (PEM): what clients trust.
    pub fn certificate_pem(&self) -> &str {
        &self.certificate_pem
    }

    /// Its key (PKCS #8 PEM): to be locked by the caller before it is written anywhere.
    pub fn key_pem(&self) -> Zeroizing<String> {
        Zeroizing::new(self.key.serialize_pem())
    }

    /// The SHA-256 of its certificate, in groups of four.
    pub fn fingerprint(&self) -> String {
        self.hash_code().to_string()
    }

    /// The SHA-256 of its certificate.
    pub fn hash_code(&self) -> seal::HashCode {
        seal::HashCode::of(&self.certificate_der)
    }

    fn issuer(&self) -> Issuer<'_, &KeyPair> {
        Issuer::new(ca_params(&self.name), &self.key)
    }

    /// A certificate for a server reachable under `names` (host names or IP addresses).
    pub fn issue_server(&self, names: &[String]) -> Result<ServerIdentity, TlsError> {
        let key = KeyPair::generate_for(self.key.algorithm())?;
        let mut params = CertificateParams::new(names.to_vec())?;
        // rcgen reads "127.0.0.1" as a DNS name; an address must be an IP SAN to match.
        params.subject_alt_names = names
            .iter()
            .map(|name| match name.parse() {
                Ok(ip) => Ok(SanType::IpAddress(ip)),
                Err(_) => Ok(SanType::DnsName(name.clone().try_into()?)),
            })
            .collect::<Result<_, rcgen::Error>>()?;
        params.distinguished_name.push(
            DnType::CommonName,
            names.first().map_or("urna", |n| n.as_str()),
        );
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        validity(&mut params);
        let certificate = params.signed_by(&key, &self.issuer())?;
        Ok(ServerIdentity {
            certificate_pem: certificate.pem(),
            key_pem: Zeroizing::new(key.serialize_pem()),
        })
    }

    /// A client certificate for the holder of the Ed25519 key `public`, named `subject` (e.g.
    /// `GR2026_Assen/HSB`). The holder keeps the private key; this certificate only binds it.
    pub fn issue_client(&self, subject: &str, public: &[u8; 32]) -> Result<String, TlsError> {
        let mut params = CertificateParams::default();
        params.distinguished_name.push(DnType::CommonName, subject);
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        validity(&mut params);
        let certificate = params.signed_by(&Ed25519Public(*public), &self.issuer())?;
        Ok(certificate.pem())
    }
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn roots(ca_pem: &str) -> Result<RootCertStore, TlsError> {
    let mut roots = RootCertStore::empty();
    for certificate in CertificateDer::pem_slice_iter(ca_pem.as_bytes()) {
        let certificate = certificate.map_err(|_| TlsError::Pem {
            what: "certificate authority".into(),
            expected: "certificate",
        })?;
        roots.add(certificate)?;
    }
    if roots.is_empty() {
        return Err(TlsError::Pem {
            what: "certificate authority".into(),
            expected: "certificate",
        });
    }
    Ok(roots)
}

/// The SHA-256 of the first certificate in `pem`, if it holds one: to compare a certificate file
/// with the hash code a signed record gives for it.
pub fn certificate_hash_code(pem: &str) -> Option<seal::HashCode> {
    first_certificate(pem, "certificate")
        .ok()
        .map(|der| seal::HashCode::of(&der))
}

/// The server's configuration. With `client_ca`, every client must show a certificate issued by
/// that authority (or by one of them, when the PEM text holds several), or the handshake fails
/// before any request is read.
pub fn server_config(
    identity: &ServerIdentity,
    client_ca: Option<&str>,
) -> Result<Arc<ServerConfig>, TlsError> {
    let chain = vec![first_certificate(
        &identity.certificate_pem,
        "server certificate",
    )?];
    let key =
        PrivateKeyDer::from_pem_slice(identity.key_pem.as_bytes()).map_err(|_| TlsError::Pem {
            what: "server key".into(),
            expected: "private key",
        })?;
    let builder =
        ServerConfig::builder_with_provider(provider()).with_safe_default_protocol_versions()?;
    let builder = match client_ca {
        Some(ca) => {
            let verifier =
                WebPkiClientVerifier::builder_with_provider(Arc::new(roots(ca)?), provider())
                    .build()
                    .map_err(|e| TlsError::Verifier(e.to_string()))?;
            builder.with_client_cert_verifier(verifier)
        }
        None => builder.with_no_client_auth(),
    };
    let mut config = builder.with_single_cert(chain, key)?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// A client's configuration: trusts only `ca_pem`; with `client`, presents that certificate and
/// proves it holds the Ed25519 key (its 32-byte seed) the certificate was issued for.
pub fn client_config(
    ca_pem: &str,
    client: Option<(&str, &Zeroizing<[u8; 32]>)>,
) -> Result<Arc<ClientConfig>, TlsError> {
    let builder = ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots(ca_pem)?);
    let mut config = match client {
        Some((certificate_pem, seed)) => {
            let chain = vec![first_certificate(certificate_pem, "client certificate")?];
            let mut pkcs8 = Zeroizing::new(Vec::with_capacity(48));
            pkcs8.extend_from_slice(&ED25519_PKCS8_PREFIX);
            pkcs8.extend_from_slice(seed.as_slice());
            let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(pkcs8.to_vec()));
            builder.with_client_auth_cert(chain, key)?
        }
        None => builder.with_no_client_auth(),
    };
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// The Ed25519 key in the client certificate a connection was verified with: who is at the
/// other end. `None` for no certificate or a key of another kind.
pub fn peer_ed25519_key(certificates: &[CertificateDer<'_>]) -> Option<[u8; 32]> {
    let end_entity = webpki::EndEntityCert::try_from(certificates.first()?).ok()?;
    let spki = end_entity.subject_public_key_info();
    let key = spki.as_ref().strip_prefix(&ED25519_SPKI_PREFIX[..])?;
    key.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_authority_survives_being_written_and_read() {
        let ca = CertificateAuthority::generate("Test CA").unwrap();
        let again =
            CertificateAuthority::load("Test CA", ca.certificate_pem(), &ca.key_pem()).unwrap();
        assert_eq!(ca.fingerprint(), again.fingerprint());
        assert_eq!(ca.fingerprint().split(' ').count(), 16);
        // A certificate issued by the reloaded authority is trusted under the first's.
        let server = again.issue_server(&["localhost".into()]).unwrap();
        server_config(&server, Some(ca.certificate_pem())).unwrap();
        assert!(CertificateAuthority::load("Test CA", "no pem", &ca.key_pem()).is_err());
        // Another authority's key with this certificate: refused, of either kind.
        for other in [
            CertificateAuthority::generate("Test CA").unwrap(),
            CertificateAuthority::generate_for_browsers("Test CA").unwrap(),
        ] {
            assert!(matches!(
                CertificateAuthority::load("Test CA", ca.certificate_pem(), &other.key_pem()),
                Err(TlsError::KeyMismatch)
            ));
        }
        // A browsers' authority reads back too, and issues server certificates of its kind.
        let browsers = CertificateAuthority::generate_for_browsers("Test CA").unwrap();
        let again =
            CertificateAuthority::load("Test CA", browsers.certificate_pem(), &browsers.key_pem())
                .unwrap();
        let server = again.issue_server(&["127.0.0.1".into()]).unwrap();
        assert!(server.key_pem.contains("PRIVATE KEY"));
        server_config(&server, None).unwrap();
    }

    #[test]
    fn a_client_certificate_carries_the_key_it_was_issued_for() {
        let ca = CertificateAuthority::generate("Test CA").unwrap();
        let public = [7u8; 32];
        let pem = ca.issue_client("GR2026_Assen/HSB", &public).unwrap();
        let der = first_certificate(&pem, "client").unwrap();
        assert_eq!(peer_ed25519_key(&[der]), Some(public));
        assert_eq!(peer_ed25519_key(&[]), None);
    }
}
