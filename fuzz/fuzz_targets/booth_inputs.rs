//! Everything the booth reads from outside, fed any bytes: a scanned ballot's code, a ballot
//! picture, a voter's card, a ballot-box file from a stick. Nothing may panic; what is accepted
//! must survive a round trip.

#![no_main]

use std::sync::LazyLock;

use booth::ballot::Ballot;
use booth::ballot_box::BallotBox;
use booth::poll::Card;
use libfuzzer_sys::fuzz_target;
use seal::signing::SigningKey;

static KEY: LazyLock<SigningKey> =
    LazyLock::new(|| SigningKey::from_secret_bytes(&[7; 32]).expect("key"));

fuzz_target!(|data: &[u8]| {
    let machines = [KEY.public()];
    let _ = Ballot::parse(data);
    let _ = Ballot::verify(data, &machines);
    let _ = Card::read(data, &[0; 16], &KEY.public());
    if let Ok(ballot_box) = BallotBox::from_bytes(data) {
        assert_eq!(ballot_box.to_bytes(), data);
    }
    // Pictures are costly to decode: only what looks like a PNG.
    if data.starts_with(b"\x89PNG") {
        let _ = booth::qr::read(data);
    }
});
