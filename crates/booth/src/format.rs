//! The fixed-width fields of the booth's binary formats (the ballot's code, the voter's card, the
//! ballot box): a count or number is written only when it fits its field, never cut short.

/// A value that does not fit the field it is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{field} is {value}, more than this format can hold ({max})")]
pub struct TooLarge {
    /// The field.
    pub field: &'static str,
    /// The value.
    pub value: usize,
    /// The most the field holds.
    pub max: u64,
}

/// `value` as the field's type, or why it does not fit.
pub(crate) fn fit<T>(field: &'static str, value: usize) -> Result<T, TooLarge>
where
    T: TryFrom<usize> + Bounded,
{
    T::try_from(value).map_err(|_| TooLarge {
        field,
        value,
        max: T::MAX_VALUE,
    })
}

/// The largest value of a field's type.
pub(crate) trait Bounded {
    const MAX_VALUE: u64;
}

impl Bounded for u8 {
    const MAX_VALUE: u64 = u8::MAX as u64;
}

impl Bounded for u16 {
    const MAX_VALUE: u64 = u16::MAX as u64;
}

impl Bounded for u32 {
    const MAX_VALUE: u64 = u32::MAX as u64;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_written_only_when_it_fits() {
        assert_eq!(fit::<u8>("x", 255), Ok(255));
        assert_eq!(
            fit::<u8>("election id", 256),
            Err(TooLarge {
                field: "election id",
                value: 256,
                max: 255
            })
        );
        assert_eq!(fit::<u16>("list", 65_536).unwrap_err().max, 65_535);
    }
}
