//! 金额单位 of a 自评表: found wherever forms write it (a title or 单位 line "单位：万元", the
//! 项目资金 header "项目资金（元）", a column header "年初预算数（元）"; full- or half-width
//! brackets), decided only when every place agrees, and checked against the amounts.

use rust_decimal::Decimal;

use crate::import::grid::{Sheet, column_name};
use crate::model::number::to_half_width;
use crate::model::{Amount, AmountUnit, Project};

use super::funding::Block;
use super::{FormFinding, Severity};

/// One place where the form writes its money unit.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct UnitMention {
    /// 1-based sheet row.
    pub row: usize,
    /// Column letter.
    pub column: String,
    /// The cell as written.
    pub text: String,
    pub unit: AmountUnitName,
}

/// A unit as a plain name (for serialising alongside the mention).
pub type AmountUnitName = &'static str;

/// Where the unit used came from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub enum UnitSource {
    /// Written on the form, at these places (all agreeing).
    Stated(Vec<UnitMention>),
    /// Given by the evaluator (`--unit`, the preview's choice); the form's own mentions, if
    /// any, are kept (they may disagree: that is why the evaluator chose).
    Chosen(Vec<UnitMention>),
}

/// The money unit a form is read in, and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct UnitUsed {
    pub unit: AmountUnit,
    pub source: UnitSource,
}

impl UnitUsed {
    /// "元（表中写明：第 2 行 A 列“单位：元”）" or "万元（评价人指定）".
    pub fn describe(&self) -> String {
        match &self.source {
            UnitSource::Stated(m) => format!("{}（表中写明：{}）", self.unit.label(), places(m)),
            UnitSource::Chosen(m) if m.is_empty() => {
                format!("{}（评价人指定；表中未写明单位）", self.unit.label())
            }
            UnitSource::Chosen(m) => {
                format!(
                    "{}（评价人指定；表中写有：{}）",
                    self.unit.label(),
                    places(m)
                )
            }
        }
    }
}

/// Why no unit could be used: the form states none, or states several.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct UnitRefusal {
    /// The message for the evaluator, ending with what to do.
    pub message: String,
    /// The places found (empty when none).
    pub mentions: Vec<UnitMention>,
}

fn places(m: &[UnitMention]) -> String {
    m.iter()
        .map(|m| format!("第 {} 行 {} 列“{}”", m.row, m.column, m.text))
        .collect::<Vec<_>>()
        .join("，")
}

/// The unit a bracket or a 单位 line names: "(元)", "（万元）", "单位：千元", "单位:元".
fn unit_in(text: &str) -> Option<AmountUnit> {
    let t: String = to_half_width(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' | '[' | '【' => '(',
            '）' | ']' | '】' => ')',
            '：' => ':',
            o => o,
        })
        .collect();
    // "单位:万元", "单位：元", "金额单位:万元", "(单位:元)"; every "单位" of the cell, since a
    // subtitle may say "填报单位（盖章）：某局　单位：元".
    for (i, _) in t.match_indices("单位") {
        // "单位：人民币万元", "单位为元" are written too.
        let rest = t[i + "单位".len()..]
            .trim_start_matches(':')
            .trim_start_matches('为')
            .trim_start_matches("人民币");
        for (word, unit) in [
            ("万元", AmountUnit::WanYuan),
            ("千元", AmountUnit::QianYuan),
            ("元", AmountUnit::Yuan),
        ] {
            // "单位：元" but not "单位：元谋县…": the unit word ends the phrase.
            if let Some(after) = rest.strip_prefix(word)
                && !after.chars().next().is_some_and(char::is_alphabetic)
            {
                return Some(unit);
            }
        }
    }
    for (word, unit) in [
        ("(万元)", AmountUnit::WanYuan),
        ("(千元)", AmountUnit::QianYuan),
        ("(元)", AmountUnit::Yuan),
    ] {
        if t.contains(word) {
            return Some(unit);
        }
    }
    None
}

/// Whether a cell is one whose bracket names the money unit: the 项目资金 header or a money
/// column header (预算数, 执行数, 资金, 金额), not an indicator's 度量单位.
fn is_money_header(text: &str) -> bool {
    ["项目资金", "资金", "预算数", "执行数", "金额", "预算"]
        .iter()
        .any(|w| text.contains(w))
}

/// Every place above the indicator table where the form writes a money unit.
pub fn mentions(sheet: &Sheet, indicator_header: Option<usize>) -> Vec<UnitMention> {
    let end = indicator_header
        .unwrap_or(sheet.rows.len())
        .min(sheet.rows.len());
    let mut out: Vec<UnitMention> = Vec::new();
    for (r, row) in sheet.rows.iter().enumerate().take(end) {
        for (c, cell) in row.iter().enumerate() {
            let t = cell.text.trim();
            if t.is_empty() || sheet.is_merged_copy(r, c) {
                continue;
            }
            let Some(unit) = unit_in(t) else { continue };
            let stated_line = t.contains("单位");
            if !(stated_line || is_money_header(t)) {
                continue;
            }
            out.push(UnitMention {
                row: r + 1,
                column: column_name(c),
                text: t.to_owned(),
                unit: unit.label(),
            });
        }
    }
    out
}

/// Decides the unit: the evaluator's choice when given, else the one unit every mention
/// agrees on, else a refusal saying what was found.
pub fn decide(
    sheet: &Sheet,
    indicator_header: Option<usize>,
    chosen: Option<AmountUnit>,
) -> Result<UnitUsed, UnitRefusal> {
    let found = mentions(sheet, indicator_header);
    if let Some(unit) = chosen {
        return Ok(UnitUsed {
            unit,
            source: UnitSource::Chosen(found),
        });
    }
    let mut units: Vec<&str> = found.iter().map(|m| m.unit).collect();
    units.sort_unstable();
    units.dedup();
    match units.as_slice() {
        [one] => Ok(UnitUsed {
            unit: AmountUnit::from_label(one).unwrap_or_default(),
            source: UnitSource::Stated(found),
        }),
        [] => Err(UnitRefusal {
            message: format!(
                "工作表“{}”没有写明金额单位（元、万元或千元）：请确认后指定（命令行用 --unit 元|万元|千元，窗口中在“金额单位”处选择）",
                sheet.name
            ),
            mentions: found,
        }),
        _ => Err(UnitRefusal {
            message: format!(
                "工作表“{}”的金额单位前后不一致（{}）：请确认后指定（命令行用 --unit 元|万元|千元，窗口中在“金额单位”处选择）",
                sheet.name,
                places(&found)
            ),
            mentions: found,
        }),
    }
}

fn value(a: Amount) -> Option<Decimal> {
    match a {
        Amount::Value(v) => Some(v),
        _ => None,
    }
}

/// Warns when the amounts look like the other unit: a form in 万元 with a budget of 100 000
/// or more (一亿元 for one project), or a form in 元 whose every amount is below 100 元.
pub fn plausibility(
    unit: AmountUnit,
    project: &Project,
    block: &Block,
    sheet: &Sheet,
    findings: &mut Vec<FormFinding>,
) {
    let figures: Vec<Decimal> = [
        project.budget_initial,
        project.budget_adjusted,
        project.executed,
    ]
    .into_iter()
    .chain(
        project
            .funding_sources
            .iter()
            .flat_map(|s| [s.initial, s.adjusted, s.executed]),
    )
    .filter_map(value)
    .filter(|v| !v.is_zero())
    .collect();
    let Some(largest) = figures.iter().map(Decimal::abs).max() else {
        return;
    };
    // Figures are in 万元 here.
    let message = match unit {
        AmountUnit::WanYuan if largest >= Decimal::from(100_000) => Some(format!(
            "表中金额单位为万元，但金额达 {largest} 万元（10 亿元以上）：这些金额可能是以元填写的，请核对单位"
        )),
        AmountUnit::Yuan | AmountUnit::QianYuan if largest < Decimal::new(1, 2) => Some(format!(
            "表中金额单位为{}，但所有金额都不足 100 元：这些金额可能是以万元填写的，请核对单位",
            unit.label()
        )),
        _ => None,
    };
    if let Some(message) = message {
        findings.push(FormFinding {
            sheet: sheet.name.clone(),
            row: block.total_row.map_or(0, |r| r + 1),
            column: String::new(),
            severity: Severity::Warning,
            message,
            published: None,
            computed: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_read_from_any_bracket_and_line() {
        assert_eq!(unit_in("项目资金（元）"), Some(AmountUnit::Yuan));
        assert_eq!(unit_in("项目资金(万元)"), Some(AmountUnit::WanYuan));
        assert_eq!(unit_in("（单位：元）"), Some(AmountUnit::Yuan));
        assert_eq!(unit_in("单位:千元"), Some(AmountUnit::QianYuan));
        assert_eq!(unit_in("年初预算数【万元】"), Some(AmountUnit::WanYuan));
        assert_eq!(unit_in("项目资金"), None);
        assert_eq!(unit_in("实施单位：元谋县农业农村局"), None);
        assert_eq!(unit_in("金额单位：人民币万元"), Some(AmountUnit::WanYuan));
        assert_eq!(unit_in("单位为元"), Some(AmountUnit::Yuan));
        assert_eq!(unit_in("单位：人民币元谋"), None);
        assert_eq!(
            unit_in("填报单位（盖章）：某市人力资源和社会保障局　　单位：元"),
            Some(AmountUnit::Yuan)
        );
        assert_eq!(
            unit_in("金额单位：万元（保留两位小数）"),
            Some(AmountUnit::WanYuan)
        );
    }
}
