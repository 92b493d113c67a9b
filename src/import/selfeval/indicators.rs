//! The indicator table of a 自评表, read as written: 一级/二级/三级指标 (an "产出指标（50分）"
//! suffix is kept apart from the name, to be checked), 指标性质 (正向/反向/定性, ≥ ≤ =), 度量单位,
//! 指标值, 实际完成值, 分值 or 权重, 得分 and 偏差原因, columns found by their words.

use rust_decimal::Decimal;

use crate::import::grid::Sheet;
use crate::import::layout::normalise;
use crate::import::rows::{RowKind, RowNote, note};
use crate::model::number::{parse_number, to_half_width};
use crate::model::{Actual, Comparator, Indicator, MetricRef, ProjectMetric, Rule, Target};

use super::cells::{CellState, Reader};
use super::funding::Block;

/// Columns of the table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    pub level1: Option<usize>,
    pub level2: Option<usize>,
    pub level3: Option<usize>,
    pub nature: Option<usize>,
    pub measure: Option<usize>,
    pub target: Option<usize>,
    pub actual: Option<usize>,
    pub weight: Option<usize>,
    pub score: Option<usize>,
    pub reason: Option<usize>,
}

/// A 一级指标 whose name carried its points: "产出指标（50分）".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suffix {
    /// Index of the 一级 row in the sheet of indicators.
    pub indicator: usize,
    /// 0-based sheet row and column of the name.
    pub row: usize,
    pub col: usize,
    pub points: Decimal,
}

/// What the table held.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub columns: Columns,
    pub indicators: Vec<Indicator>,
    /// For each indicator, the 0-based sheet row it was read from (`None` for a parent made
    /// from a merged name, or for the 执行率 line taken from the funding block's row).
    pub sheet_rows: Vec<Option<usize>>,
    pub suffixes: Vec<Suffix>,
    /// 0-based row of the 总分 line, with its 分值 and 得分 as printed.
    pub total_row: Option<usize>,
    pub published_total_weight: Option<Decimal>,
    pub published_total: Option<Decimal>,
    pub rows: Vec<RowNote>,
    /// The 分值 given to the 预算执行率 line when the form prints none: 10 when the other
    /// indicators add up to 90 (the 自评表's 10/90), else 0 when they already make 100.
    pub exec_weight_assumed: Option<Decimal>,
}

/// The 0-based row of the table header (the one with 一级指标 or 三级指标).
pub fn header_row(sheet: &Sheet) -> Option<usize> {
    sheet.rows.iter().position(|row| {
        row.iter().any(|c| {
            let n = normalise(&c.text);
            n == "一级指标" || n == "三级指标"
        })
    })
}

fn find_col(sheet: &Sheet, rows: &[usize], pred: impl Fn(&str) -> bool) -> Option<usize> {
    rows.iter().find_map(|&r| {
        sheet
            .rows
            .get(r)?
            .iter()
            .position(|c| pred(&normalise(&c.text)))
    })
}

fn columns(sheet: &Sheet, hr: usize) -> Columns {
    let rows = [hr, hr + 1];
    let starts =
        |words: &'static [&'static str]| move |t: &str| words.iter().any(|w| t.starts_with(w));
    Columns {
        level1: find_col(sheet, &rows, |t| t == "一级指标"),
        level2: find_col(sheet, &rows, |t| t == "二级指标"),
        level3: find_col(sheet, &rows, |t| t == "三级指标"),
        nature: find_col(sheet, &rows, starts(&["指标性质", "指标方向"])),
        measure: find_col(sheet, &rows, |t| {
            matches!(t, "度量单位" | "计量单位" | "单位" | "指标单位")
        }),
        // 年度指标值, 预期指标值, 全年目标值 …: any header naming a 指标值/目标值 that is not
        // the actual one.
        target: find_col(sheet, &rows, |t| {
            starts(&["指标值", "目标值", "预期值", "计划指标值"])(t)
                || ((t.contains("指标值") || t.contains("目标值")) && !t.contains("实际"))
        }),
        // 实际完成值, 全年实际完成值, 年度实际值, 实际完成情况, 全年完成值 …
        actual: find_col(sheet, &rows, |t| {
            t.contains("实际完成")
                || t.contains("实际值")
                || t.contains("完成值")
                || t.starts_with("实际完成")
        }),
        weight: find_col(sheet, &rows, super::fields::is_weight_header),
        score: find_col(sheet, &rows, super::fields::is_score_header),
        reason: find_col(
            sheet,
            &rows,
            starts(&[
                "偏差原因",
                "未完成原因",
                "扣分原因",
                "备注",
                "偏差大或目标未完成原因",
            ]),
        ),
    }
}

/// "产出指标（50分）" → ("产出指标", Some(50)); names without such a suffix are kept whole.
pub fn split_points(raw: &str) -> (String, Option<Decimal>) {
    let t = raw.trim();
    let half = to_half_width(t).replace('（', "(").replace('）', ")");
    if let Some(open) = half.rfind('(')
        && half.ends_with(')')
    {
        let inside = &half[open + 1..half.len() - 1];
        if let Some(num) = inside.trim().strip_suffix('分')
            && let Ok(points) = num.trim().parse::<Decimal>()
        {
            return (half[..open].trim().to_owned(), Some(points));
        }
    }
    (t.to_owned(), None)
}

/// Rows after the table: the closing sections and the signature lines.
fn ends_table(n: &str) -> bool {
    [
        "偏差原因分析",
        "评价结论",
        "自评结论",
        "填表人",
        "填报人",
        "联系电话",
        "单位负责人",
        "审核人",
        "填报日期",
        "注:",
        "说明:",
        "备注:",
    ]
    .iter()
    .any(|w| n.starts_with(w))
}

fn is_subtotal(n: &str) -> bool {
    n.ends_with("小计") || (n.ends_with("合计") && n.len() > "合计".len())
}

fn is_total_line(n: &str) -> bool {
    matches!(
        n,
        "总分" | "合计" | "总计" | "合计得分" | "总得分" | "自评总分" | "总分值"
    )
}

/// The comparator a 指标性质 cell names: 正向/≥ → ≥, 反向/≤ → ≤, = → =, 定性 → 定性, 定量 → none.
pub fn nature_comparator(text: &str) -> Option<Comparator> {
    let n = normalise(text);
    if n.is_empty() {
        None
    } else if n.contains("反向")
        || n.starts_with('≤')
        || n.starts_with("<=")
        || n.contains("不高于")
    {
        Some(Comparator::AtMost)
    } else if n.contains("正向")
        || n.starts_with('≥')
        || n.starts_with(">=")
        || n.contains("不低于")
    {
        Some(Comparator::AtLeast)
    } else if n.starts_with('=') || n.contains("等于") {
        Some(Comparator::Equal)
    } else if n.contains("定性") {
        Some(Comparator::Qualitative)
    } else {
        None
    }
}

/// Whether a target text writes its own comparator (≥90%, ≤202.6万元, =8个, 不低于90%,
/// 95%以上, 3天以内).
fn has_own_comparator(text: &str) -> bool {
    let t = to_half_width(text.trim());
    [
        "≥",
        "≤",
        ">=",
        "<=",
        "=",
        "＝",
        "≧",
        "≦",
        ">",
        "<",
        "不低于",
        "不少于",
        "不高于",
        "不超过",
        "不多于",
    ]
    .iter()
    .any(|p| t.starts_with(p))
        || Target::written_comparator(text).is_some()
}

/// The target of a row: the text parsed, the 度量单位 when the text has no unit, the
/// comparator of 指标性质 over the default one (a comparator the text writes is kept; the
/// conflict is returned for a warning).
pub fn target_of(text: &str, nature: &str, measure: &str) -> (Target, Option<Comparator>) {
    let mut target = Target::parse(text);
    let measure = normalise(measure);
    if target.value.is_some() && target.unit.is_empty() && !measure.is_empty() {
        target.unit = if matches!(measure.as_str(), "%" | "百分比" | "百分率") {
            "%".to_owned()
        } else {
            measure
        };
    }
    let mut conflict = None;
    if let Some(cmp) = nature_comparator(nature)
        && target.value.is_some()
        && cmp != Comparator::Qualitative
    {
        if has_own_comparator(text) {
            if target.comparator != cmp {
                conflict = Some(cmp);
            }
        } else {
            target.comparator = cmp;
        }
    }
    (target, conflict)
}

/// How a number cell under a percentage target reads.
#[derive(Debug, PartialEq, Eq)]
enum PercentCell {
    /// As written (not a fraction, or not under a percentage target).
    AsWritten,
    /// The fraction a percent-formatted cell stores, as the percentage it shows.
    Points(String),
    /// Either reading is plausible (0.08 under ≤5%: 0.08% or 8%): the evaluator checks.
    Ambiguous(String),
}

/// A number cell under a percentage target, read as the percentage it shows: a spreadsheet
/// keeps a cell formatted as `95.6%` as the fraction 0.956 (xlsx, and xls/ods converted by
/// `LibreOffice` alike). Against a target of 50% or more, a number from 0 to 1.5 can only be
/// that fraction (`0.956` → `95.6%`); against a smaller target (≤5%) it may be either
/// (0.08% typed as 0.08, or 8% formatted), so it is read as written and flagged. A cell typed
/// as text ("95.6%", "0.956") is read as written.
fn percent_cell_as_points(actual: &str, target: &Target) -> PercentCell {
    let limit = Decimal::new(15, 1);
    let (Some(t), true) = (target.value, target.is_percent()) else {
        return PercentCell::AsWritten;
    };
    let Ok(n) = parse_number(actual) else {
        return PercentCell::AsWritten;
    };
    if t <= limit || n.percent || !n.unit.is_empty() || n.value <= Decimal::ZERO || n.value > limit
    {
        return PercentCell::AsWritten;
    }
    let points = format!(
        "{}%",
        crate::calc::num::mul(n.value, Decimal::ONE_HUNDRED).normalize()
    );
    if t >= Decimal::from(50) {
        PercentCell::Points(points)
    } else {
        PercentCell::Ambiguous(points)
    }
}

/// A number cell as the target under a percentage actual: a target cell formatted as `95%`
/// stores 0.95, so a unitless (or 度量单位 %) number from 0 to 1.5 whose row's 实际完成值 is
/// written as a percentage above 1.5 ("96%") is that fraction: the target becomes 95%, with
/// its comparator. Otherwise `None` (the target stays as read).
fn fraction_target(target: &Target, actual: &str) -> Option<Target> {
    let limit = Decimal::new(15, 1);
    let v = target.value?;
    if !(target.unit.is_empty() || target.is_percent()) || v <= Decimal::ZERO || v > limit {
        return None;
    }
    let a = parse_number(actual).ok()?;
    if !a.percent || a.value <= limit {
        return None;
    }
    let points = crate::calc::num::mul(v, Decimal::ONE_HUNDRED).normalize();
    let sign = match target.comparator {
        Comparator::Equal | Comparator::Qualitative => "",
        c => c.symbol(),
    };
    Some(Target {
        comparator: target.comparator,
        value: Some(points),
        unit: "%".to_owned(),
        text: format!("{sign}{points}%"),
    })
}

/// A conflict between a target's own comparator and its 指标性质, at its row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub row: usize,
    pub col: usize,
    pub written: Comparator,
    pub nature: Comparator,
}

/// Reads the table under `header`. The first indicator is the 预算执行率 line of the funding
/// block (linked to the project), unless the table has its own 预算执行率 row.
pub fn read(
    cx: &mut Reader<'_>,
    header: Option<usize>,
    project_id: &str,
    block: &Block,
) -> (Table, Vec<Conflict>) {
    let sheet = cx.sheet;
    let mut t = Table::default();
    let mut conflicts = Vec::new();
    let exec_actual = || {
        Actual::Linked(MetricRef::Project {
            project: project_id.to_owned(),
            metric: ProjectMetric::ExecutionRate,
        })
    };
    let Some(hr) = header else {
        cx.problem(
            0,
            None,
            "",
            "找不到绩效指标表（一级指标、二级指标、三级指标…）".to_owned(),
        );
        push_exec(&mut t, block, exec_actual());
        return (t, conflicts);
    };
    let cols = columns(sheet, hr);
    t.columns = cols;
    // A second header row (the table's sub-headers) is not data.
    let second_is_header = [cols.target, cols.actual, cols.weight, cols.score]
        .into_iter()
        .flatten()
        .any(|c| {
            sheet.rows.get(hr + 1).is_some_and(|row| {
                row.get(c).is_some_and(|x| {
                    let n = normalise(&x.text);
                    !n.is_empty()
                        && n != normalise(sheet.get(hr, c))
                        && !x.numeric
                        && ["值", "分", "单位", "性质"].iter().any(|w| n.contains(w))
                })
            })
        });
    let start = if second_is_header { hr + 2 } else { hr + 1 };
    let table_has_exec = (start..sheet.rows.len()).any(|r| {
        [cols.level1, cols.level2, cols.level3]
            .into_iter()
            .flatten()
            .any(|c| normalise(sheet.get(r, c)).contains("预算执行率"))
    });
    if !table_has_exec {
        push_exec(&mut t, block, exec_actual());
    }
    let mut current1 = String::new();
    let mut current2 = String::new();
    for r in start..sheet.rows.len() {
        let texts: Vec<String> = sheet
            .rows
            .get(r)
            .into_iter()
            .flatten()
            .map(|c| normalise(&c.text))
            .collect();
        let first_cols = texts.iter().take(cols.target.unwrap_or(6).max(1));
        if first_cols.clone().any(|n| is_total_line(n)) {
            t.total_row = Some(r);
            t.published_total_weight = cx.number(r, cols.weight, "分值");
            t.published_total = cx.number(r, cols.score, "得分");
            t.rows
                .push(note(r, RowKind::Total, "总分行：公布的总分，由检查核对"));
            break;
        }
        if first_cols.clone().any(|n| ends_table(n)) {
            break;
        }
        if first_cols.clone().any(|n| is_subtotal(n)) {
            t.rows.push(note(r, RowKind::Skipped, "小计行：不是指标"));
            continue;
        }
        let raw = |c: Option<usize>| {
            c.map(|c| sheet.get(r, c).trim().to_owned())
                .unwrap_or_default()
        };
        let (l1, l1_points) = split_points(&raw(cols.level1));
        let l2 = raw(cols.level2);
        let l3 = raw(cols.level3);
        let target_text = raw(cols.target);
        let actual_text = raw(cols.actual);
        if l3.is_empty() && target_text.is_empty() && actual_text.is_empty() {
            if l1.is_empty() && l2.is_empty() {
                t.rows.push(note(r, RowKind::Skipped, "空行"));
            }
            // A 一级/二级 name alone on its row is a parent, read with the next leaf.
            if !l1.is_empty() && l1 != current1 {
                open_level1(&mut t, &l1, l1_points, r, cols.level1);
                current1 = l1;
                current2.clear();
            }
            continue;
        }
        if !l1.is_empty() && l1 != current1 {
            open_level1(&mut t, &l1, l1_points, r, cols.level1);
            current1 = l1;
            current2.clear();
        }
        if current1.is_empty() {
            cx.problem(
                r,
                cols.level1,
                "一级指标",
                "第一条指标前没有一级指标".to_owned(),
            );
            continue;
        }
        if cols.level2.is_some() && !l2.is_empty() && l2 != current2 {
            t.indicators.push(Indicator {
                level: 2,
                name: l2.clone(),
                ..Indicator::default()
            });
            t.sheet_rows.push(None);
            current2 = l2;
        }
        let level = if cols.level2.is_some() { 3 } else { 2 };
        let name = if l3.is_empty() { current2.clone() } else { l3 };
        let nature = raw(cols.nature);
        let measure = raw(cols.measure);
        let (mut target, conflict) = target_of(&target_text, &nature, &measure);
        let target_is_number = cols
            .target
            .and_then(|c| sheet.cell(r, c))
            .is_some_and(|x| x.numeric);
        let target_fraction = target_is_number
            .then(|| fraction_target(&target, &actual_text))
            .flatten();
        if let Some(t) = &target_fraction {
            target = t.clone();
        }
        if let (Some(nature), Some(col)) = (conflict, cols.nature) {
            conflicts.push(Conflict {
                row: r,
                col,
                written: target.comparator,
                nature,
            });
        }
        // Error cells are problems at their place; the row then waits for a judgement.
        let mut unreadable = false;
        for (c, header) in [(cols.target, "指标值"), (cols.actual, "实际完成值")] {
            let Some(c) = c else { continue };
            match cx.state(r, c) {
                CellState::Error(e) => {
                    cx.problem(
                        r,
                        Some(c),
                        header,
                        format!("单元格是表格错误值“{e}”（公式出错），无法读取"),
                    );
                    unreadable = true;
                }
                CellState::UncachedFormula => {
                    cx.problem(
                        r,
                        Some(c),
                        header,
                        "单元格是公式，文件中没有保存计算结果：值未知".to_owned(),
                    );
                    unreadable = true;
                }
                CellState::Blank | CellState::Text(_) => {}
            }
        }
        let weight = match cols.weight.map(|c| cx.state(r, c)) {
            Some(CellState::Blank) => {
                cx.problem(r, cols.weight, "分值", "分值为空".to_owned());
                None
            }
            _ => cx.weight(r, cols.weight, "分值"),
        };
        let published = cx.number(r, cols.score, "得分");
        let is_exec = name.contains("预算执行率") || current1.contains("预算执行率");
        let rule = if is_exec {
            Rule::ExecutionRate
        } else if unreadable
            || target_text.is_empty()
            || target.comparator == Comparator::Qualitative
        {
            if target_text.is_empty() {
                target.comparator = Comparator::Qualitative;
            }
            Rule::QualitativeText
        } else {
            Rule::default_for(target.comparator)
        };
        let actual_is_number = cols
            .actual
            .and_then(|c| sheet.cell(r, c))
            .is_some_and(|x| x.numeric);
        let reading = if !is_exec && actual_is_number {
            percent_cell_as_points(&actual_text, &target)
        } else {
            PercentCell::AsWritten
        };
        if let PercentCell::Ambiguous(points) = &reading {
            cx.problem(
                r,
                cols.actual,
                "实际完成值",
                format!(
                    "实际完成值单元格存数 {actual_text}，指标值为 {}：可能是 {actual_text}%，也可能是设为百分比格式的 {points}；暂按 {actual_text}% 计，请核实",
                    target.text
                ),
            );
        }
        let fraction = match reading {
            PercentCell::Points(points) => Some(points),
            PercentCell::AsWritten | PercentCell::Ambiguous(_) => None,
        };
        let actual = if is_exec {
            exec_actual()
        } else if let Some(points) = &fraction {
            Actual::typed(points)
        } else {
            Actual::typed(&actual_text)
        };
        t.indicators.push(Indicator {
            level,
            name: name.clone(),
            weight: weight.unwrap_or(Decimal::ZERO),
            target,
            actual,
            rule,
            published_score: published,
            note: raw(cols.reason),
            ..Indicator::default()
        });
        t.sheet_rows.push(Some(r));
        t.rows.push(RowNote {
            row: r,
            kind: RowKind::Added,
            text: match (&fraction, &target_fraction) {
                (Some(points), _) => format!(
                    "指标 {name}（实际完成值单元格存数 {actual_text}，指标值为百分数：按百分比格式读作 {points}）"
                ),
                (None, Some(t)) => format!(
                    "指标 {name}（指标值单元格存数 {target_text}，实际完成值为百分数：按百分比格式读作 {}）",
                    t.text
                ),
                (None, None) => format!("指标 {name}"),
            },
        });
    }
    drop_empty_parents(&mut t);
    if !table_has_exec && block.weight.is_none() {
        let others = crate::calc::num::sum(
            t.indicators
                .iter()
                .zip(&t.sheet_rows)
                .skip(1)
                .filter(|(_, r)| r.is_some())
                .map(|(i, _)| i.weight),
        );
        let w = if others == Decimal::ONE_HUNDRED {
            Decimal::ZERO
        } else {
            Decimal::TEN
        };
        t.indicators[0].weight = w;
        t.exec_weight_assumed = Some(w);
    }
    parent_weights(&mut t.indicators);
    (t, conflicts)
}

/// A 一级/二级 name with no indicator under it (a caption row, a signature line) is not an
/// indicator: dropped, so that it neither scores nor waits for a judgement.
fn drop_empty_parents(t: &mut Table) {
    let n = t.indicators.len();
    let keep: Vec<bool> = (0..n)
        .map(|i| {
            let ind = &t.indicators[i];
            let has_child = t.indicators.get(i + 1).is_some_and(|x| x.level > ind.level);
            has_child || t.sheet_rows[i].is_some() || i == 0 && ind.rule == Rule::ExecutionRate
        })
        .collect();
    if keep.iter().all(|k| *k) {
        return;
    }
    let mut new_index = vec![None; n];
    let mut next = 0;
    for (i, k) in keep.iter().enumerate() {
        if *k {
            new_index[i] = Some(next);
            next += 1;
        }
    }
    let mut i = 0;
    t.indicators.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    let mut j = 0;
    t.sheet_rows.retain(|_| {
        j += 1;
        keep[j - 1]
    });
    t.suffixes = t
        .suffixes
        .drain(..)
        .filter_map(|s| new_index[s.indicator].map(|indicator| Suffix { indicator, ..s }))
        .collect();
}

fn push_exec(t: &mut Table, block: &Block, actual: Actual) {
    t.indicators.push(Indicator {
        level: 1,
        name: "预算执行率".to_owned(),
        weight: block.weight.unwrap_or(Decimal::TEN),
        actual,
        rule: Rule::ExecutionRate,
        published_score: block.published_score,
        ..Indicator::default()
    });
    t.sheet_rows.push(block.score_row);
}

fn open_level1(t: &mut Table, name: &str, points: Option<Decimal>, r: usize, col: Option<usize>) {
    t.indicators.push(Indicator {
        level: 1,
        name: name.to_owned(),
        ..Indicator::default()
    });
    t.sheet_rows.push(None);
    if let (Some(points), Some(col)) = (points, col) {
        t.suffixes.push(Suffix {
            indicator: t.indicators.len() - 1,
            row: r,
            col,
            points,
        });
    }
}

/// A parent's 分值 is the sum of its direct children's (the form prints only the leaves').
fn parent_weights(out: &mut [Indicator]) {
    for i in (0..out.len()).rev() {
        let level = out[i].level;
        let end = out[i + 1..]
            .iter()
            .position(|n| n.level <= level)
            .map_or(out.len(), |p| i + 1 + p);
        let Some(child_level) = out[i + 1..end].iter().map(|n| n.level).min() else {
            continue;
        };
        if !out[i].weight.is_zero() {
            continue;
        }
        out[i].weight = crate::calc::num::sum(
            out[i + 1..end]
                .iter()
                .filter(|n| n.level == child_level)
                .map(|n| n.weight),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_number_cell_under_a_percentage_target_reads_as_it_shows() {
        let at_least_95 = Target::parse("95%以上");
        assert_eq!(
            percent_cell_as_points("0.956", &at_least_95),
            PercentCell::Points("95.6%".to_owned())
        );
        assert_eq!(
            percent_cell_as_points("1", &Target::parse("100%")),
            PercentCell::Points("100%".to_owned())
        );
        // Above 1.5 it is percent points already; a count target is not a percentage.
        assert_eq!(
            percent_cell_as_points("96", &at_least_95),
            PercentCell::AsWritten
        );
        assert_eq!(
            percent_cell_as_points("0.5", &Target::parse("≥10场")),
            PercentCell::AsWritten
        );
        // Under ≤5%, 0.08 may be 0.08% or 8%: flagged, not guessed.
        assert_eq!(
            percent_cell_as_points("0.08", &Target::parse("≤5%")),
            PercentCell::Ambiguous("8%".to_owned())
        );
    }

    #[test]
    fn a_number_target_cell_under_a_percentage_actual_is_its_fraction() {
        let t = fraction_target(&Target::parse("1"), "100%").map(|t| (t.value, t.text));
        assert_eq!(t, Some((Some(dec!(100)), "100%".to_owned())));
        let t = fraction_target(&Target::parse("≥0.9"), "93%").map(|t| (t.comparator, t.value));
        assert_eq!(t, Some((Comparator::AtLeast, Some(dec!(90)))));
        // An actual that is itself a count or below 1.5% leaves the target as written.
        assert_eq!(fraction_target(&Target::parse("1"), "12场"), None);
        assert_eq!(fraction_target(&Target::parse("0.9"), "1%"), None);
    }

    #[test]
    fn points_suffix_is_not_part_of_the_name() {
        assert_eq!(
            split_points("产出指标（50分）"),
            ("产出指标".to_owned(), Some(dec!(50)))
        );
        assert_eq!(split_points("效益指标(30分)").1, Some(dec!(30)));
        assert_eq!(split_points("满意度指标").0, "满意度指标");
    }

    #[test]
    fn nature_sets_the_comparator_a_bare_number_lacks() {
        let (t, c) = target_of("202.6", "反向指标", "万元");
        assert_eq!(
            (t.comparator, t.value, t.unit.as_str(), c),
            (Comparator::AtMost, Some(dec!(202.6)), "万元", None)
        );
        let (t, c) = target_of("≥90%", "反向指标", "");
        assert_eq!(
            (t.comparator, c),
            (Comparator::AtLeast, Some(Comparator::AtMost))
        );
        let (t, _) = target_of("8", "=", "个");
        assert_eq!((t.comparator, t.unit.as_str()), (Comparator::Equal, "个"));
    }
}
