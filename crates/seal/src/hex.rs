//! Hex digits: how keys, signatures, shares and ids are written in Urna's text files.
//! Written in lower case; read in either case, and only hex digits (no sign, no spaces).

/// Lower-case hex digits of `bytes`.
pub fn encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Exactly `N` bytes from `2N` hex digits, or `None`.
pub fn decode<const N: usize>(text: &str) -> Option<[u8; N]> {
    decode_vec(text)?.try_into().ok()
}

/// Bytes from an even number of hex digits, or `None`.
pub fn decode_vec(text: &str) -> Option<Vec<u8>> {
    // `from_str_radix` alone would also take a leading `+`.
    if !text.len().is_multiple_of(2) || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&text[at..at + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_and_anything_but_hex_digits_is_refused() {
        let bytes = [0x00, 0x7f, 0xab, 0xff];
        assert_eq!(encode(&bytes), "007fabff");
        assert_eq!(decode::<4>("007FABff"), Some(bytes));
        assert_eq!(decode::<4>("007fab"), None);
        assert_eq!(decode::<2>("+f0a"), None);
        assert_eq!(decode_vec("0g"), None);
        assert_eq!(decode_vec("abc"), None);
        assert_eq!(decode_vec(""), Some(Vec::new()));
    }
}
