//! 指标值: a target as written (comparator, value, unit), shared by indicator rows and a
//! project's 绩效目标 (moved from `model/indicator.rs`, content unchanged).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::number::{parse_number, to_half_width};

/// 指标性质: how actual and target compare.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Comparator {
    /// ≥ (正向).
    #[default]
    AtLeast,
    /// ≤ (反向).
    AtMost,
    /// = (equal, with a tolerance).
    Equal,
    /// 定性 (a word such as 及时, 健全, 显著提升).
    Qualitative,
}

impl Comparator {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::AtLeast => "≥",
            Comparator::AtMost => "≤",
            Comparator::Equal => "=",
            Comparator::Qualitative => "定性",
        }
    }
}

/// 指标值: comparator, value and unit, plus the text exactly as written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Target {
    pub comparator: Comparator,
    /// The number (in the unit as written: 90 for "≥90%").
    pub value: Option<Decimal>,
    /// Unit as written ("%", "人次", "元/人·天").
    pub unit: String,
    /// The target as the sheet writes it ("≥90%", "及时").
    pub text: String,
}

impl Target {
    /// Reads a written 指标值 such as `≥90%`, `≤450 元/人·天`, `=100%`, `100%` or `及时`.
    pub fn parse(text: &str) -> Target {
        let written = text.trim().to_owned();
        let t = to_half_width(&written);
        let t = t.trim();
        let (comparator, rest) =
            if let Some(r) = strip_any(t, &["≥", ">=", "≧", "不低于", "不少于"]) {
                (Comparator::AtLeast, r)
            } else if let Some(r) = strip_any(t, &["≤", "<=", "≦", "不高于", "不超过", "不多于"])
            {
                (Comparator::AtMost, r)
            } else if let Some(r) = strip_any(t, &["=", "＝"]) {
                (Comparator::Equal, r)
            } else {
                (Comparator::Equal, t)
            };
        match parse_number(rest) {
            Ok(n) => Target {
                comparator,
                value: Some(n.value),
                unit: if n.percent { "%".to_owned() } else { n.unit },
                text: written,
            },
            Err(_) => Target {
                comparator: Comparator::Qualitative,
                value: None,
                unit: String::new(),
                text: written,
            },
        }
    }

    /// True when the target is a percentage.
    pub fn is_percent(&self) -> bool {
        self.unit == "%"
    }
}

fn strip_any<'a>(t: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .map(str::trim)
}
