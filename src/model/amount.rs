//! 金额 (amount): an exact decimal cell that may also be blank or withheld ('XXXX').

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::number_error::{NumberError, NumberErrorKind};

/// The text published tables use for an amount withheld for confidentiality (涉密不予公开).
pub const WITHHELD_TEXT: &str = "XXXX";

/// One money cell of a table, in the table's unit (万元 unless the book says otherwise).
///
/// A blank cell is *missing*, not zero: published tables leave cells empty where a figure does
/// not apply, and sums treat blanks as contributing nothing while still telling them apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Amount {
    /// 空白: nothing published.
    #[default]
    Blank,
    /// An exact figure, with the scale it was typed with (54.2543 keeps four places).
    Value(Decimal),
    /// 'XXXX': withheld by the publisher (涉密项目).
    Withheld,
}

impl Amount {
    /// The figure, when there is one.
    pub fn value(self) -> Option<Decimal> {
        match self {
            Amount::Value(v) => Some(v),
            Amount::Blank | Amount::Withheld => None,
        }
    }

    /// The figure, or zero for a blank or withheld cell (for sums that must go on).
    pub fn or_zero(self) -> Decimal {
        self.value().unwrap_or(Decimal::ZERO)
    }

    pub fn is_blank(self) -> bool {
        matches!(self, Amount::Blank)
    }

    pub fn is_withheld(self) -> bool {
        matches!(self, Amount::Withheld)
    }

    /// Parses the stored text form: "" (blank), "XXXX" (withheld) or a plain decimal.
    pub fn parse_stored(text: &str) -> Result<Self, NumberError> {
        let t = text.trim();
        if t.is_empty() {
            return Ok(Amount::Blank);
        }
        if t.eq_ignore_ascii_case(WITHHELD_TEXT) {
            return Ok(Amount::Withheld);
        }
        parse_decimal_exact(t).map(Amount::Value)
    }
}

/// For `skip_serializing_if`: blank cells are left out of the file (they read back as blank).
pub fn is_blank_ref(a: &Amount) -> bool {
    a.is_blank()
}

impl From<Decimal> for Amount {
    fn from(v: Decimal) -> Self {
        Amount::Value(v)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Amount::Blank => Ok(()),
            Amount::Value(v) => write!(f, "{v}"),
            Amount::Withheld => f.write_str(WITHHELD_TEXT),
        }
    }
}

/// Parses a plain decimal ("-12.50"), with a message a user can act on when it does not fit.
pub fn parse_decimal_exact(t: &str) -> Result<Decimal, NumberError> {
    let digits = t.trim_start_matches(['-', '+']);
    let significant = digits.chars().filter(char::is_ascii_digit).count();
    match Decimal::from_str_exact(t) {
        Ok(v) => Ok(v),
        Err(_) if digits.chars().all(|c| c.is_ascii_digit() || c == '.') && significant > 28 => {
            Err(NumberError::new(
                NumberErrorKind::OutOfRange,
                format!("数值 \"{t}\" 超出可表示的范围（最多 28 位有效数字）"),
            ))
        }
        Err(_) => Decimal::from_str(t).map_err(|_| {
            NumberError::new(
                NumberErrorKind::NotANumber,
                format!("\"{t}\" 不是有效的数值"),
            )
        }),
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Amount::Blank => s.serialize_str(""),
            Amount::Value(v) => s.serialize_str(&v.to_string()),
            Amount::Withheld => s.serialize_str(WITHHELD_TEXT),
        }
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Files store amounts as strings; asking for a string (rather than "anything") spares
        // the RON parser trying every other kind of value first. A number still comes through
        // to the visitor in formats that offer it (JSON), and RON reports the field otherwise.
        d.deserialize_str(AmountVisitor)
    }
}

struct AmountVisitor;

impl Visitor<'_> for AmountVisitor {
    type Value = Amount;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount as a string (\"1234.5\", \"\" for blank, \"XXXX\" for withheld)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
        Amount::parse_stored(v).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
        Ok(Amount::Value(Decimal::from(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
        Ok(Amount::Value(Decimal::from(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Amount, E> {
        Ok(Amount::Blank)
    }

    fn visit_none<E: de::Error>(self) -> Result<Amount, E> {
        Ok(Amount::Blank)
    }
}
