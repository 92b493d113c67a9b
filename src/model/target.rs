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
    /// Reads a written 指标值 such as `≥90%`, `≤450 元/人·天`, `=100%`, `100%` or `及时`, and
    /// the worded forms real units write: a prefix (大于等于/不低于/不少于/高于/大于/达到/至少
    /// → ≥; 小于等于/不高于/不超过/不多于/低于/小于/控制在/最多 → ≤) or a suffix (以上/及以上 → ≥;
    /// 以下/及以下/以内/内 → ≤), as in `95%以上`, `3天以内`, `不超过200万元`. A strict word
    /// (高于, 低于, 大于, 小于, >, <) is read as its inclusive comparator: the scoring rules know
    /// only ≥ / ≤, and the text is kept as written. A prefix and a suffix that disagree
    /// (`≥3天以内`) make the target 定性, so a person decides.
    pub fn parse(text: &str) -> Target {
        let written = text.trim().to_owned();
        let t = to_half_width(&written);
        let t = t.trim();
        let (prefix, rest) = split_prefix(t);
        let (suffix, rest) = split_suffix(rest);
        let comparator = match (prefix, suffix) {
            (Some(p), Some(s)) if p != s => None,
            (Some(c), _) | (None, Some(c)) => Some(c),
            (None, None) => Some(Comparator::Equal),
        };
        match (comparator, parse_number(rest)) {
            (Some(comparator), Ok(n)) => Target {
                comparator,
                value: Some(n.value),
                unit: if n.percent { "%".to_owned() } else { n.unit },
                text: written,
            },
            _ => Target {
                comparator: Comparator::Qualitative,
                value: None,
                unit: String::new(),
                text: written,
            },
        }
    }

    /// The comparator a target text writes itself (by a sign or a word, before or after the
    /// number), or `None` for a bare value such as `100%` or a word such as `及时`.
    pub fn written_comparator(text: &str) -> Option<Comparator> {
        let t = to_half_width(text.trim());
        let (prefix, rest) = split_prefix(t.trim());
        let (suffix, _) = split_suffix(rest);
        prefix.or(suffix)
    }

    /// True when the target is a percentage.
    pub fn is_percent(&self) -> bool {
        self.unit == "%"
    }
}

/// Prefixes, longest first where one begins another (不低于 before 低于, ≥ before =).
const AT_LEAST_PREFIXES: [&str; 10] = [
    "大于等于",
    "大于或等于",
    "不低于",
    "不少于",
    "≥",
    ">=",
    "≧",
    "高于",
    "达到",
    "至少",
];
const AT_MOST_PREFIXES: [&str; 12] = [
    "控制在",
    "最多",
    "小于等于",
    "小于或等于",
    "不高于",
    "不超过",
    "不多于",
    "≤",
    "<=",
    "≦",
    "低于",
    "少于",
];
const STRICT_PREFIXES: [(&str, Comparator); 6] = [
    ("大于", Comparator::AtLeast),
    (">", Comparator::AtLeast),
    ("＞", Comparator::AtLeast),
    ("小于", Comparator::AtMost),
    ("<", Comparator::AtMost),
    ("＜", Comparator::AtMost),
];
/// Suffixes, longest first (及以上 before 以上, 以内 before 内).
const SUFFIXES: [(&str, Comparator); 6] = [
    ("及以上", Comparator::AtLeast),
    ("以上", Comparator::AtLeast),
    ("及以下", Comparator::AtMost),
    ("以下", Comparator::AtMost),
    ("以内", Comparator::AtMost),
    ("内", Comparator::AtMost),
];

fn split_prefix(t: &str) -> (Option<Comparator>, &str) {
    if let Some(r) = strip_any(t, &AT_LEAST_PREFIXES) {
        (Some(Comparator::AtLeast), r)
    } else if let Some(r) = strip_any(t, &AT_MOST_PREFIXES) {
        (Some(Comparator::AtMost), r)
    } else if let Some((r, c)) = STRICT_PREFIXES
        .iter()
        .find_map(|(p, c)| t.strip_prefix(p).map(|r| (r.trim(), *c)))
    {
        (Some(c), r)
    } else if let Some(r) = strip_any(t, &["=", "＝", "等于"]) {
        (Some(Comparator::Equal), r)
    } else {
        (None, t)
    }
}

/// A suffix counts only after a number or a unit (`95%以上`, `3天以内`), never as the whole.
fn split_suffix(t: &str) -> (Option<Comparator>, &str) {
    SUFFIXES
        .iter()
        .find_map(|(s, c)| {
            t.strip_suffix(s)
                .map(str::trim)
                .filter(|r| r.chars().any(|ch| ch.is_ascii_digit()))
                .map(|r| (Some(*c), r))
        })
        .unwrap_or((None, t))
}

fn strip_any<'a>(t: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .map(str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> (Comparator, Option<Decimal>, String) {
        let t = Target::parse(text);
        (t.comparator, t.value, t.unit)
    }

    #[allow(clippy::unnecessary_wraps)]
    fn d(m: i64, s: u32) -> Option<Decimal> {
        Some(Decimal::new(m, s))
    }

    #[test]
    fn worded_and_suffix_targets_of_real_forms() {
        use Comparator::{AtLeast, AtMost, Equal};
        let pct = || "%".to_owned();
        assert_eq!(parts("95%以上"), (AtLeast, d(95, 0), pct()));
        assert_eq!(parts("≥95%"), (AtLeast, d(95, 0), pct()));
        assert_eq!(parts("大于等于95%"), (AtLeast, d(95, 0), pct()));
        assert_eq!(parts("不低于95%"), (AtLeast, d(95, 0), pct()));
        assert_eq!(parts("90%及以上"), (AtLeast, d(90, 0), pct()));
        assert_eq!(parts("3天以内"), (AtMost, d(3, 0), "天".to_owned()));
        assert_eq!(parts("3天内"), (AtMost, d(3, 0), "天".to_owned()));
        assert_eq!(parts("≤3天"), (AtMost, d(3, 0), "天".to_owned()));
        assert_eq!(
            parts("不超过200万元"),
            (AtMost, d(200, 0), "万元".to_owned())
        );
        assert_eq!(parts("低于5%"), (AtMost, d(5, 0), pct()));
        assert_eq!(parts("小于等于5%"), (AtMost, d(5, 0), pct()));
        assert_eq!(parts("5%及以下"), (AtMost, d(5, 0), pct()));
        assert_eq!(parts("≥12次/年"), (AtLeast, d(12, 0), "次/年".to_owned()));
        assert_eq!(parts("不少于 30 人"), (AtLeast, d(30, 0), "人".to_owned()));
        assert_eq!(parts("500000元"), (Equal, d(500_000, 0), "元".to_owned()));
        assert_eq!(
            parts("1,200,000.00"),
            (Equal, d(120_000_000, 2), String::new())
        );
        assert_eq!(parts("＞９０％"), (AtLeast, d(90, 0), pct()));
        assert_eq!(Target::parse("95%以上").text, "95%以上");
        assert_eq!(parts("90%（含）以上"), (AtLeast, d(90, 0), pct()));
        assert_eq!(parts("达到95%"), (AtLeast, d(95, 0), pct()));
        assert_eq!(parts("控制在5%以内"), (AtMost, d(5, 0), pct()));
        assert_eq!(
            parts("控制在200万元"),
            (AtMost, d(200, 0), "万元".to_owned())
        );
        assert_eq!(
            parts("3个工作日内"),
            (AtMost, d(3, 0), "个工作日".to_owned())
        );
    }

    #[test]
    fn words_that_only_look_like_suffixes_stay_qualitative() {
        // No number: 以上/内 are part of a word, the row waits for a judgement or a rule.
        assert_eq!(parts("按期完成以上").0, Comparator::Qualitative);
        assert_eq!(parts("年内").0, Comparator::Qualitative);
        assert_eq!(parts("及时").0, Comparator::Qualitative);
        // A sign and a word that disagree is not guessed.
        assert_eq!(parts("≥3天以内").0, Comparator::Qualitative);
        assert_eq!(
            parts("≥95%以上"),
            (Comparator::AtLeast, d(95, 0), "%".to_owned())
        );
    }

    #[test]
    fn written_comparator_sees_prefix_and_suffix() {
        assert_eq!(
            Target::written_comparator("95%以上"),
            Some(Comparator::AtLeast)
        );
        assert_eq!(
            Target::written_comparator("3天以内"),
            Some(Comparator::AtMost)
        );
        assert_eq!(Target::written_comparator("=8个"), Some(Comparator::Equal));
        assert_eq!(Target::written_comparator("100%"), None);
        assert_eq!(Target::written_comparator("及时"), None);
    }
}
