//! Reading Urna's binary formats (the ballot's code, the ballot box, the result bundle) front to
//! back: every read is bounded by what is left, and running short is the format's own error.

/// A cursor over bytes; `short` is the error a read past the end gives.
#[derive(Debug, Clone)]
pub struct Reader<'a, E> {
    rest: &'a [u8],
    short: E,
}

impl<'a, E: Clone> Reader<'a, E> {
    /// Reads `bytes`; running short gives `short`.
    pub fn new(bytes: &'a [u8], short: E) -> Reader<'a, E> {
        Reader { rest: bytes, short }
    }

    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], E> {
        if self.rest.len() < n {
            return Err(self.short.clone());
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Ok(head)
    }

    /// The next `N` bytes as an array.
    pub fn array<const N: usize>(&mut self) -> Result<[u8; N], E> {
        let bytes = self.take(N)?;
        bytes.try_into().map_err(|_| self.short.clone())
    }

    /// One byte.
    pub fn byte(&mut self) -> Result<u8, E> {
        Ok(self.array::<1>()?[0])
    }

    /// A big-endian `u16`.
    pub fn u16(&mut self) -> Result<u16, E> {
        Ok(u16::from_be_bytes(self.array()?))
    }

    /// A big-endian `u32`.
    pub fn u32(&mut self) -> Result<u32, E> {
        Ok(u32::from_be_bytes(self.array()?))
    }

    /// Bytes preceded by their length as a big-endian `u32`.
    pub fn prefixed(&mut self) -> Result<&'a [u8], E> {
        let len = self.u32()? as usize;
        self.take(len)
    }

    /// What is left unread.
    pub fn rest(&self) -> &'a [u8] {
        self.rest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_in_order_and_refuses_to_run_past_the_end() {
        let bytes = [7, 0, 2, 0, 0, 0, 3, b'a', b'b', b'c', 9];
        let mut reader = Reader::new(&bytes, "short");
        assert_eq!(reader.byte(), Ok(7));
        assert_eq!(reader.u16(), Ok(2));
        assert_eq!(reader.prefixed(), Ok(&b"abc"[..]));
        assert_eq!(reader.rest(), &[9]);
        assert_eq!(reader.u32(), Err("short"));
        assert_eq!(reader.rest(), &[9], "a failed read takes nothing");
        assert_eq!(reader.take(1), Ok(&[9][..]));
        assert_eq!(reader.byte(), Err("short"));
    }
}
