//! `NumberError`: why a typed, pasted or stored number was refused, by kind, with the Chinese
//! message the user sees.

/// What was wrong with a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberErrorKind {
    /// Nothing was typed where a number is needed.
    Empty,
    /// A mark that means "blank" ("-", "—", "/" …) where a number is needed.
    BlankMark,
    /// Not a number at all, or a number with extra digits or signs.
    NotANumber,
    /// Thousands separators or decimal points that would be misread (European spelling …).
    Separators,
    /// More significant digits than an exact decimal holds.
    OutOfRange,
    /// A percentage where an amount is needed, or a unit where none may be.
    WrongUnit,
}

/// A refused number: its kind and the message (e.g. `"1,23" 的千位分隔符位置不对`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct NumberError {
    pub kind: NumberErrorKind,
    pub message: String,
}

impl NumberError {
    pub fn new(kind: NumberErrorKind, message: impl Into<String>) -> NumberError {
        NumberError {
            kind,
            message: message.into(),
        }
    }
}
