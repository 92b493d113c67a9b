//! 功能分类层级汇总: 类 = Σ 款 = Σ 项 in every column; a 单位 row = Σ the lines under it; the
//! table's 合计 = Σ its top-level rows.
//!
//! Rows are in published order. A 类's block runs until the next 类, 单位 or 合计 row; its 款
//! are the 款 rows in that block whose code starts with its code (a 类 with no 款 rows is
//! compared with its 项 directly). A 款's block runs until the next 款 or higher row.

use crate::model::{
    Amount, BudgetBook, FunctionalColumn, FunctionalLineColumn, FunctionalTable, LineLevel,
    Workspace,
};

use super::balance::Balance;
use super::finding::{Finding, FindingKind, Location, RowRef, TableRef};
use super::text::{line_label, place, table_place};

pub const NAME: &str = "功能分类层级汇总";

const HINT: &str = "核对该列各明细行是否漏录或错录，以及各行的科目编码和层级（类/款/项）是否正确。";

pub fn check(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for book in &ws.budgets {
        for (ti, table) in book.functional.iter().enumerate() {
            check_table(book, ti, table, &mut out);
        }
    }
    out
}

/// One past the last row of the block that starts at `start` and ends before the first later
/// row for which `ends` holds.
fn block_end(table: &FunctionalTable, start: usize, ends: impl Fn(LineLevel) -> bool) -> usize {
    table
        .lines
        .iter()
        .enumerate()
        .skip(start.saturating_add(1))
        .find(|(_, l)| ends(l.level))
        .map_or(table.lines.len(), |(i, _)| i)
}

/// The rows of `[from, to)` at `level` whose code starts with `prefix`.
fn rows_at(
    table: &FunctionalTable,
    from: usize,
    to: usize,
    level: LineLevel,
    prefix: &str,
) -> Vec<usize> {
    (from..to)
        .filter(|&i| {
            table
                .lines
                .get(i)
                .is_some_and(|l| l.level == level && l.code.trim().starts_with(prefix))
        })
        .collect()
}

/// The rows of `[from, to)` at the highest level present among 类/款/项 rows (单位 rows skipped).
fn top_rows(table: &FunctionalTable, from: usize, to: usize) -> (Vec<usize>, &'static str) {
    let lines = table.lines.get(from..to).unwrap_or(&[]);
    let top = lines
        .iter()
        .map(|l| l.level)
        .filter(|l| matches!(l, LineLevel::Class | LineLevel::Section | LineLevel::Item))
        .min();
    top.map_or_else(
        || (Vec::new(), ""),
        |level| (rows_at(table, from, to, level, ""), level.label()),
    )
}

fn check_table(book: &BudgetBook, ti: usize, table: &FunctionalTable, out: &mut Vec<Finding>) {
    let n = table.lines.len();
    for (i, line) in table.lines.iter().enumerate() {
        let code = line.code.trim();
        let (children, child_word) = match line.level {
            LineLevel::Total => top_rows(table, i + 1, n),
            LineLevel::Unit => top_rows(table, i + 1, unit_block_end(table, i)),
            LineLevel::Class => {
                let end = block_end(table, i, |l| l <= LineLevel::Class);
                stray_rows(book, ti, table, i, end, out);
                let sections = rows_at(table, i + 1, end, LineLevel::Section, code);
                if sections.is_empty() {
                    (rows_at(table, i + 1, end, LineLevel::Item, code), "项")
                } else {
                    (sections, "款")
                }
            }
            LineLevel::Section => {
                let end = block_end(table, i, |l| l <= LineLevel::Section);
                (rows_at(table, i + 1, end, LineLevel::Item, code), "项")
            }
            LineLevel::Item => continue,
        };
        if children.is_empty() {
            continue;
        }
        let what = match line.level {
            LineLevel::Total => "合计行".to_owned(),
            level => format!("{} {}", level.label(), line_label(line)),
        };
        for c in FunctionalColumn::ALL {
            let parts: Vec<Amount> = children
                .iter()
                .filter_map(|&k| table.lines.get(k).map(|l| l.get(c)))
                .collect();
            let balance = Balance {
                check: NAME,
                place: place(&[
                    &table_place(book, TableRef::Functional(ti)),
                    &line_label(line),
                    c.label(),
                ]),
                location: Location::functional(
                    book.year,
                    ti,
                    RowRef::of(line, i),
                    Some(FunctionalLineColumn::Amount(c)),
                ),
                total_label: format!("{what}的{}", c.label()),
                parts_label: format!("其下 {} 个{child_word}之和", children.len()),
                decimals: book.published_decimals,
                error_hint: HINT,
            };
            out.extend(balance.check(line.get(c), &parts));
        }
    }
}

/// A 单位 row's block: until the 合计 row or a 单位 row that is not one of its sub-units.
fn unit_block_end(table: &FunctionalTable, start: usize) -> usize {
    let code = table.lines.get(start).map_or("", |l| l.code.trim());
    table
        .lines
        .iter()
        .enumerate()
        .skip(start.saturating_add(1))
        .find(|(_, l)| match l.level {
            LineLevel::Total => true,
            LineLevel::Unit => code.is_empty() || !l.code.trim().starts_with(code),
            _ => false,
        })
        .map_or(table.lines.len(), |(i, _)| i)
}

/// 款/项 rows inside a 类's block whose code does not start with the 类's code.
fn stray_rows(
    book: &BudgetBook,
    ti: usize,
    table: &FunctionalTable,
    class: usize,
    end: usize,
    out: &mut Vec<Finding>,
) {
    let Some(parent) = table.lines.get(class) else {
        return;
    };
    let code = parent.code.trim();
    if code.is_empty() {
        return;
    }
    for k in class + 1..end {
        let Some(l) = table.lines.get(k) else {
            continue;
        };
        let child = l.code.trim();
        if matches!(l.level, LineLevel::Section | LineLevel::Item)
            && !child.is_empty()
            && !child.starts_with(code)
        {
            out.push(Finding::note(
                NAME,
                FindingKind::Warning,
                place(&[&table_place(book, TableRef::Functional(ti)), &line_label(l)]),
                Location::functional(book.year, ti, RowRef::of(l, k), None),
                format!(
                    "{} {} 排在类 {} 之下，但编码不属于该类，未计入该类的汇总。",
                    l.level.label(),
                    line_label(l),
                    line_label(parent)
                ),
                "核对科目编码，或把该行移到所属的类之下。".to_owned(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::checks::fixtures::{book_with, fline};
    use rust_decimal_macros::dec;

    fn ws(lines: Vec<crate::model::FunctionalLine>) -> Workspace {
        Workspace {
            budgets: vec![book_with(2024, Some(1), lines)],
            ..Workspace::default()
        }
    }

    #[test]
    fn a_correct_table_gives_no_finding() {
        // 类 215 = 款 21505 = 项 2150501 + 2150517; 合计 = 类 215 + 类 221.
        let lines = vec![
            fline("", LineLevel::Total, dec!(110.0), dec!(30.0), dec!(80.0)),
            fline("215", LineLevel::Class, dec!(100.0), dec!(20.0), dec!(80.0)),
            fline(
                "21505",
                LineLevel::Section,
                dec!(100.0),
                dec!(20.0),
                dec!(80.0),
            ),
            fline(
                "2150501",
                LineLevel::Item,
                dec!(20.0),
                dec!(20.0),
                dec!(0.0),
            ),
            fline(
                "2150517",
                LineLevel::Item,
                dec!(80.0),
                dec!(0.0),
                dec!(80.0),
            ),
            fline("221", LineLevel::Class, dec!(10.0), dec!(10.0), dec!(0.0)),
        ];
        assert_eq!(check(&ws(lines)), vec![]);
    }

    #[test]
    fn a_tenth_is_rounding_and_a_unit_is_an_error() {
        let lines = vec![
            // 款 printed 100.1 over 项 20.0 + 80.0: 0.1 within 0.05 × 3 = 0.15 → rounding.
            fline(
                "21505",
                LineLevel::Section,
                dec!(100.1),
                dec!(20.0),
                dec!(80.0),
            ),
            fline(
                "2150501",
                LineLevel::Item,
                dec!(20.0),
                dec!(20.0),
                dec!(0.0),
            ),
            fline(
                "2150517",
                LineLevel::Item,
                dec!(80.0),
                dec!(0.0),
                dec!(80.0),
            ),
            // 款 printed 51.0 over 项 50.0: 1.0 beyond 0.1 → error.
            fline(
                "21508",
                LineLevel::Section,
                dec!(51.0),
                dec!(0.0),
                dec!(51.0),
            ),
            fline(
                "2150805",
                LineLevel::Item,
                dec!(50.0),
                dec!(0.0),
                dec!(50.0),
            ),
        ];
        let f = check(&ws(lines));
        // 21508 differs in 合计, 项目支出 and 特定目标类 (fline puts 项目 all in 特定目标类).
        assert_eq!(f.len(), 4, "{f:#?}");
        assert_eq!(f[0].kind, FindingKind::Rounding);
        assert_eq!(f[0].difference, Some(dec!(0.1)));
        assert_eq!(
            f[0].place,
            "2024年 一般公共预算支出情况表 · 21505 名称21505 · 合计"
        );
        assert_eq!(f[0].location.to_string(), "2024 Functional(0) [0].total");
        assert_eq!(f[1].kind, FindingKind::Error);
        assert_eq!(f[1].left.as_ref().unwrap().amount, dec!(51.0));
        assert_eq!(f[1].right.as_ref().unwrap().amount, dec!(50.0));
        assert_eq!(f[1].difference, Some(dec!(1.0)));
        assert_eq!(f[2].kind, FindingKind::Error);
        assert!(f[2].place.ends_with("项目支出"));
        assert!(f[3].place.ends_with("特定目标类"));
    }

    #[test]
    fn class_without_sections_is_compared_with_its_items_and_strays_are_named() {
        let lines = vec![
            fline("208", LineLevel::Class, dec!(5.0), dec!(5.0), dec!(0.0)),
            fline("2080501", LineLevel::Item, dec!(3.0), dec!(3.0), dec!(0.0)),
            fline("2080502", LineLevel::Item, dec!(2.0), dec!(2.0), dec!(0.0)),
            fline("2101101", LineLevel::Item, dec!(7.0), dec!(7.0), dec!(0.0)),
        ];
        let f = check(&ws(lines));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].kind, FindingKind::Warning);
        assert!(f[0].message.contains("2101101"));
    }

    #[test]
    fn total_and_unit_rows_sum_items_when_there_are_no_classes() {
        // Seed 003's 部门支出总体情况表 shape: 合计, a 单位 row, then 项 rows only.
        let mut unit = fline("021", LineLevel::Unit, dec!(30.0), dec!(10.0), dec!(20.0));
        unit.name = "某局".to_owned();
        let lines = vec![
            fline("", LineLevel::Total, dec!(30.0), dec!(10.0), dec!(20.0)),
            unit,
            fline(
                "2080501",
                LineLevel::Item,
                dec!(10.0),
                dec!(10.0),
                dec!(0.0),
            ),
            fline(
                "2150517",
                LineLevel::Item,
                dec!(19.0),
                dec!(0.0),
                dec!(19.0),
            ),
        ];
        let f = check(&ws(lines));
        // 合计 and 单位 rows each: 合计 30 vs 29, 项目支出 and 特定目标类 20 vs 19, beyond 0.15.
        assert_eq!(f.len(), 6, "{f:#?}");
        assert!(f.iter().all(|x| x.kind == FindingKind::Error));
        assert_eq!(f[0].right.as_ref().unwrap().label, "其下 2 个项之和");
        assert!(f[3].place.contains("021 某局"));
    }
}
