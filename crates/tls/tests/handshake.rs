//! Real handshakes on loopback: a server that requires client certificates lets in exactly the
//! holder of a key its authority certified, and tells the server which key that was.

// A test fails by panicking; unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use rustls::pki_types::ServerName;
use tls::{CertificateAuthority, client_config, peer_ed25519_key, server_config};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use zeroize::Zeroizing;

/// An Ed25519 key: its seed and its public half (through rcgen, as the tls crate sees keys).
fn key(seed: u8) -> (Zeroizing<[u8; 32]>, [u8; 32]) {
    let seed = Zeroizing::new([seed; 32]);
    let mut pkcs8 = vec![
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04,
        0x20,
    ];
    pkcs8.extend_from_slice(seed.as_slice());
    let pair = rcgen::KeyPair::try_from(pkcs8.as_slice()).unwrap();
    let public: [u8; 32] = pair.public_key_raw().try_into().unwrap();
    (seed, public)
}

/// Serves one connection: answers with "ok" and returns the client's key, or the handshake error.
async fn serve_once(
    listener: TcpListener,
    config: Arc<rustls::ServerConfig>,
) -> Result<Option<[u8; 32]>, String> {
    let (stream, _) = listener.accept().await.unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(config);
    let mut tls = acceptor.accept(stream).await.map_err(|e| e.to_string())?;
    let peer = tls
        .get_ref()
        .1
        .peer_certificates()
        .and_then(peer_ed25519_key);
    tls.write_all(b"ok").await.map_err(|e| e.to_string())?;
    tls.shutdown().await.ok();
    Ok(peer)
}

async fn attempt(
    ca: &CertificateAuthority,
    client: Arc<rustls::ClientConfig>,
) -> (Result<Vec<u8>, String>, Result<Option<[u8; 32]>, String>) {
    let server = ca.issue_server(&["127.0.0.1".into()]).unwrap();
    let config = server_config(&server, Some(ca.certificate_pem())).unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let served = tokio::spawn(serve_once(listener, config));
    let connector = tokio_rustls::TlsConnector::from(client);
    let stream = TcpStream::connect(address).await.unwrap();
    let name = ServerName::try_from("127.0.0.1").unwrap();
    let client_side = async {
        let mut tls = connector
            .connect(name, stream)
            .await
            .map_err(|e| e.to_string())?;
        let mut answer = Vec::new();
        tls.read_to_end(&mut answer)
            .await
            .map_err(|e| e.to_string())?;
        Ok(answer)
    }
    .await;
    (client_side, served.await.unwrap())
}

#[tokio::test]
async fn the_certified_key_gets_in_and_is_named() {
    let ca = CertificateAuthority::generate("Centrale autoriteit").unwrap();
    let (seed, public) = key(1);
    let certificate = ca.issue_client("GR2026_Assen/HSB", &public).unwrap();
    let client = client_config(ca.certificate_pem(), Some((&certificate, &seed))).unwrap();
    let (answer, peer) = attempt(&ca, client).await;
    assert_eq!(answer.unwrap(), b"ok");
    assert_eq!(peer.unwrap(), Some(public));
}

#[tokio::test]
async fn no_certificate_is_refused() {
    let ca = CertificateAuthority::generate("Centrale autoriteit").unwrap();
    let client = client_config(ca.certificate_pem(), None).unwrap();
    let (answer, peer) = attempt(&ca, client).await;
    assert!(answer.is_err() || answer.as_deref() == Ok(&b""[..]));
    assert!(
        peer.is_err(),
        "the server let in a client without a certificate"
    );
}

#[tokio::test]
async fn a_certificate_of_another_authority_is_refused() {
    let ca = CertificateAuthority::generate("Centrale autoriteit").unwrap();
    let other = CertificateAuthority::generate("Centrale autoriteit").unwrap();
    let (seed, public) = key(2);
    let certificate = other.issue_client("GR2026_Assen/HSB", &public).unwrap();
    // The client trusts the right server, but its certificate was issued by a stranger.
    let client = client_config(ca.certificate_pem(), Some((&certificate, &seed))).unwrap();
    let (_, peer) = attempt(&ca, client).await;
    let refusal = peer.unwrap_err();
    assert!(refusal.contains("certificate"), "{refusal}");
}

#[tokio::test]
async fn a_certificate_without_its_key_is_useless() {
    let ca = CertificateAuthority::generate("Centrale autoriteit").unwrap();
    let (_, public) = key(3);
    let (wrong_seed, _) = key(4);
    let certificate = ca.issue_client("GR2026_Assen/HSB", &public).unwrap();
    // rustls may refuse the mismatch when configuring; if it does not, the server must.
    match client_config(ca.certificate_pem(), Some((&certificate, &wrong_seed))) {
        Err(_) => {}
        Ok(client) => {
            let (_, peer) = attempt(&ca, client).await;
            assert!(peer.is_err(), "a stolen certificate without its key got in");
        }
    }
}

#[tokio::test]
async fn a_client_does_not_trust_a_server_of_another_authority() {
    let ca = CertificateAuthority::generate("Centrale autoriteit").unwrap();
    let impostor = CertificateAuthority::generate("Centrale autoriteit").unwrap();
    let (seed, public) = key(5);
    let certificate = ca.issue_client("GR2026_Assen/HSB", &public).unwrap();
    let client = client_config(impostor.certificate_pem(), Some((&certificate, &seed))).unwrap();
    let (answer, _) = attempt(&ca, client).await;
    let refusal = answer.unwrap_err();
    assert!(refusal.contains("certificate"), "{refusal}");
}
