//! Reading numbers the way people type and paste them: `1,234.56`, `12.5%`, full-width digits,
//! a trailing `万元`. Every refusal says why, in Chinese, so a cell can show it beside itself.

use rust_decimal::Decimal;

use super::amount::{Amount, WITHHELD_TEXT, parse_decimal_exact};
use super::number_error::{NumberError, NumberErrorKind};

/// What a typed number turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedNumber {
    /// The number as written (a percentage keeps its percent points: `12.5%` → 12.5).
    pub value: Decimal,
    /// Written with `%` (or `％`).
    pub percent: bool,
    /// Written with `‰`.
    pub permille: bool,
    /// A unit that followed the number (`万元`, `元`, `人次` …), trimmed; empty when none.
    pub unit: String,
}

/// Folds full-width digits and punctuation to their ASCII forms (全角转半角).
pub fn to_half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '，' => ',',
            '％' => '%',
            '－' | '−' | '–' => '-',
            '＋' => '+',
            '\u{3000}' => ' ',
            other => other,
        })
        .collect()
}

/// The marks published tables print in a cell with no figure (`—`, `-`, `/`, `无`).
pub fn is_blank_mark(text: &str) -> bool {
    matches!(
        to_half_width(text).trim(),
        "—" | "——" | "-" | "--" | "/" | "无"
    )
}

/// Converts an exact amount between units (元 ↔ 万元), keeping at least the scale it had and
/// dropping only the zeros a division added.
pub fn convert_unit(value: Decimal, from: AmountUnit, to: AmountUnit) -> Decimal {
    if from == to {
        return value;
    }
    let (f, t) = (from.yuan_factor(), to.yuan_factor());
    // Both factors are powers of ten: multiplying by the larger ratio or dividing by it is
    // exact (a division by a power of ten only moves the decimal point).
    let converted = if f > t {
        value.saturating_mul(f / t)
    } else {
        value / (t / f)
    };
    converted.normalize_scale_at_least(value.scale())
}

/// Parses one typed or pasted number.
pub fn parse_number(input: &str) -> Result<ParsedNumber, NumberError> {
    let half = to_half_width(input);
    let t = half.trim();
    if t.is_empty() {
        return Err(NumberError::new(NumberErrorKind::Empty, "请输入数值"));
    }
    if is_blank_mark(t) {
        return Err(NumberError::new(
            NumberErrorKind::BlankMark,
            format!("\"{t}\" 表示空缺：请清空单元格（Delete），或填写 0"),
        ));
    }
    // Split the numeric head from a unit tail.
    let head_end = t
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | ' ')))
        .map_or(t.len(), |(i, _)| i);
    let (head, tail) = t.split_at(head_end);
    let head = head.trim();
    let mut tail = tail.trim();
    let mut percent = false;
    let mut permille = false;
    if let Some(rest) = tail.strip_prefix('%') {
        percent = true;
        tail = rest.trim();
    } else if let Some(rest) = tail.strip_prefix('‰') {
        permille = true;
        tail = rest.trim();
    }
    if head.is_empty() {
        return Err(NumberError::new(
            NumberErrorKind::NotANumber,
            format!("\"{}\" 不是数值", input.trim()),
        ));
    }
    if tail.chars().any(|c| c.is_ascii_digit()) {
        return Err(NumberError::new(
            NumberErrorKind::NotANumber,
            format!("\"{}\" 含有多余的数字或符号", input.trim()),
        ));
    }
    let number = normalise_separators(head)?;
    let value = parse_decimal_exact(&number)?;
    Ok(ParsedNumber {
        value,
        percent,
        permille,
        unit: tail.to_owned(),
    })
}

/// Removes thousands separators, refusing spellings that would be misread.
fn normalise_separators(head: &str) -> Result<String, NumberError> {
    let compact: String = head.chars().filter(|c| *c != ' ').collect();
    if compact.contains(',') {
        let (int_part, frac_part) = match compact.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (compact.as_str(), None),
        };
        if frac_part.is_some_and(|f| f.contains(',')) {
            return Err(NumberError::new(
                NumberErrorKind::Separators,
                format!("\"{head}\" 像是欧式写法（逗号作小数点）：请写成 1234.5 这样的形式"),
            ));
        }
        let digits = int_part.trim_start_matches(['-', '+']);
        let groups: Vec<&str> = digits.split(',').collect();
        let well_grouped = groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups.iter().skip(1).all(|g| g.len() == 3);
        if !well_grouped {
            return Err(NumberError::new(
                NumberErrorKind::Separators,
                format!("\"{head}\" 的千位分隔符位置不对"),
            ));
        }
    }
    if compact.matches('.').count() > 1 {
        return Err(NumberError::new(
            NumberErrorKind::Separators,
            format!("\"{head}\" 有多个小数点（欧式写法 1.234,5 请改为 1234.5）"),
        ));
    }
    Ok(compact.replace(',', ""))
}

/// The amount unit of a table or workspace.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AmountUnit {
    /// 万元 (ten thousand yuan): the default of every published budget table.
    #[default]
    WanYuan,
    /// 元 (yuan).
    Yuan,
    /// 千元 (thousand yuan), printed by a few provincial forms.
    QianYuan,
}

impl AmountUnit {
    pub fn label(self) -> &'static str {
        match self {
            AmountUnit::WanYuan => "万元",
            AmountUnit::Yuan => "元",
            AmountUnit::QianYuan => "千元",
        }
    }

    /// How many 元 one of this unit is (1, 1 000 or 10 000).
    pub fn yuan_factor(self) -> Decimal {
        match self {
            AmountUnit::Yuan => Decimal::ONE,
            AmountUnit::QianYuan => Decimal::ONE_THOUSAND,
            AmountUnit::WanYuan => Decimal::from(10_000),
        }
    }

    /// Every unit, for choices in the window and the command line.
    pub const ALL: [AmountUnit; 3] = [AmountUnit::WanYuan, AmountUnit::Yuan, AmountUnit::QianYuan];

    /// The unit a label names (`元`, `万元`, `千元`, also `yuan`, `wan`, `qian`), if any.
    pub fn from_label(label: &str) -> Option<AmountUnit> {
        match label.trim() {
            "元" | "yuan" => Some(AmountUnit::Yuan),
            "万元" | "万" | "wan" | "wanyuan" => Some(AmountUnit::WanYuan),
            "千元" | "千" | "qian" | "qianyuan" => Some(AmountUnit::QianYuan),
            _ => None,
        }
    }
}

/// Parses a money cell as typed in a table of the given unit: blank, 'XXXX', or a number with
/// an optional `万元`/`元` suffix converted exactly into the table's unit.
pub fn parse_amount_input(input: &str, unit: AmountUnit) -> Result<Amount, NumberError> {
    let t = to_half_width(input);
    let t = t.trim();
    if t.is_empty() {
        return Ok(Amount::Blank);
    }
    if t.eq_ignore_ascii_case(WITHHELD_TEXT) {
        return Ok(Amount::Withheld);
    }
    let n = parse_number(t)?;
    if n.percent || n.permille {
        return Err(NumberError::new(
            NumberErrorKind::WrongUnit,
            "金额不能是百分数",
        ));
    }
    let written = match n.unit.as_str() {
        "" => unit,
        "万元" => AmountUnit::WanYuan,
        "元" => AmountUnit::Yuan,
        "千元" => AmountUnit::QianYuan,
        other => {
            return Err(NumberError::new(
                NumberErrorKind::WrongUnit,
                format!("金额的单位应为万元或元，而不是 \"{other}\""),
            ));
        }
    };
    Ok(Amount::Value(convert_unit(n.value, written, unit)))
}

trait KeepScale {
    fn normalize_scale_at_least(self, scale: u32) -> Decimal;
}

impl KeepScale for Decimal {
    /// Keeps at least the typed number of places, dropping only zeros a division added.
    fn normalize_scale_at_least(self, scale: u32) -> Decimal {
        let mut v = self.normalize();
        if v.scale() < scale {
            v.rescale(scale);
        }
        v
    }
}

/// Parses an optional number: blank is `None`, a number keeps what was written (`12.5%` → 12.5).
pub fn parse_number_opt(input: &str) -> Result<Option<Decimal>, NumberError> {
    if to_half_width(input).trim().is_empty() {
        return Ok(None);
    }
    parse_number(input).map(|n| Some(n.value))
}

/// Parses a ratio typed as a percentage or a plain number and returns percent points
/// (`12.5%` → 12.5; `0.125` stays 0.125, since a bare number is taken as written).
pub fn parse_percent_points(input: &str) -> Result<Decimal, NumberError> {
    let n = parse_number(input)?;
    if n.permille {
        return Ok(n.value / Decimal::TEN);
    }
    if !n.unit.is_empty() {
        return Err(NumberError::new(
            NumberErrorKind::WrongUnit,
            format!("比率不应带单位 \"{}\"", n.unit),
        ));
    }
    Ok(n.value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn pasted_forms_are_read() {
        assert_eq!(parse_number("1,234.56").unwrap().value, dec!(1234.56));
        let p = parse_number("12.5%").unwrap();
        assert_eq!((p.value, p.percent), (dec!(12.5), true));
        assert_eq!(parse_number("１２３．４").unwrap().value, dec!(123.4));
        let w = parse_number("54.2543万元").unwrap();
        assert_eq!((w.value, w.unit.as_str()), (dec!(54.2543), "万元"));
        assert_eq!(parse_number(" -3.5 ").unwrap().value, dec!(-3.5));
        assert_eq!(parse_number("≥").unwrap_err().to_string(), "\"≥\" 不是数值");
    }

    #[test]
    fn misleading_forms_are_refused_with_reasons() {
        assert!(
            parse_number("1.234,5")
                .unwrap_err()
                .to_string()
                .contains("欧式")
        );
        assert!(
            parse_number("12,34")
                .unwrap_err()
                .to_string()
                .contains("千位分隔符")
        );
        assert!(parse_number("—").unwrap_err().to_string().contains("空缺"));
        assert!(
            parse_number("abc")
                .unwrap_err()
                .to_string()
                .contains("不是数值")
        );
        assert!(parse_number("1 2 3a4").is_err());
        assert!(
            parse_number("1000000000000000000000000000000")
                .unwrap_err()
                .to_string()
                .contains("范围")
        );
    }

    #[test]
    fn amounts_convert_units_exactly() {
        let u = AmountUnit::WanYuan;
        assert_eq!(
            parse_amount_input("12345元", u).unwrap(),
            Amount::Value(dec!(1.2345))
        );
        assert_eq!(
            parse_amount_input("1,234.50 万元", u).unwrap(),
            Amount::Value(dec!(1234.50))
        );
        assert_eq!(parse_amount_input("", u).unwrap(), Amount::Blank);
        assert_eq!(parse_amount_input("xxxx", u).unwrap(), Amount::Withheld);
        assert!(parse_amount_input("5%", u).is_err());
        assert!(parse_amount_input("5 吨", u).is_err());
        assert_eq!(
            parse_amount_input("2万元", AmountUnit::Yuan).unwrap(),
            Amount::Value(dec!(20000))
        );
        assert_eq!(
            convert_unit(dec!(962583000), AmountUnit::Yuan, AmountUnit::WanYuan),
            dec!(96258.3)
        );
        assert_eq!(
            convert_unit(dec!(1234567.89), AmountUnit::Yuan, AmountUnit::WanYuan),
            dec!(123.456789)
        );
        assert!(is_blank_mark("—") && is_blank_mark(" - ") && !is_blank_mark("0"));
    }
}
