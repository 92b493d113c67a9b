//! 部门预算总额: 年初 + 调增 − 调减 = 调整后 (合计/基本/项目 where given); 基本 + 项目 = 合计 in
//! each split; 执行数 = 本级 + 转移支付; and the book's 年初 figures against the 部门收支总体
//!情况表 and the 合计 row of the department-wide 功能分类 table (部门支出总体情况表).

use crate::model::{Amount, BudgetBook, FunctionalColumn, LineLevel, Split, Workspace};

use super::balance::Balance;
use super::finding::{BudgetColumn, Finding, Location, TableRef};
use super::text::{place, table_place};

pub const NAME: &str = "部门预算总额";

const HINT_ADJUST: &str = "核对年初预算、年中调增、调减与调整后预算；调减应填正数。";
const HINT_SPLIT: &str = "核对基本支出、项目支出与合计是否取自同一口径（同一张表、同一时点）。";
const HINT_EXEC: &str = "核对决算（执行数）与其中本级支出、转移支付的金额。";
const HINT_TABLES: &str = "部门预算总额应与公开的预算表一致：核对年初预算是否取自部门收支总体情况表和部门支出总体情况表。";

/// The parts of a split, with their words and field names.
const PARTS: [(&str, &str); 3] = [
    ("合计", "total"),
    ("基本支出", "basic"),
    ("项目支出", "project"),
];

fn part(s: &Split, i: usize) -> Amount {
    match i {
        0 => s.total,
        1 => s.basic,
        _ => s.project,
    }
}

pub fn check(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for book in &ws.budgets {
        adjustments(book, &mut out);
        splits(book, &mut out);
        execution(book, &mut out);
        against_tables(book, &mut out);
    }
    out
}

fn balance<'a>(
    book: &BudgetBook,
    what: &[&str],
    column: BudgetColumn,
    total_label: String,
    parts_label: String,
    hint: &'a str,
) -> Balance<'a> {
    let mut words = vec![table_place(book, TableRef::Totals)];
    words.extend(what.iter().map(|w| (*w).to_owned()));
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    Balance {
        check: NAME,
        place: place(&refs),
        location: Location::budget_column(book.year, TableRef::Totals, column),
        total_label,
        parts_label,
        decimals: book.published_decimals,
        error_hint: hint,
    }
}

/// 调整后 = 年初 + 调增 − 调减, when both 年初 and 调整后 are given.
fn adjustments(book: &BudgetBook, out: &mut Vec<Finding>) {
    let t = &book.totals;
    for (i, (word, key)) in PARTS.iter().enumerate() {
        let (initial, adjusted) = (part(&t.initial, i), part(&t.adjusted, i));
        if initial.is_blank() || adjusted.is_blank() {
            continue;
        }
        let decrease = match part(&t.decrease, i) {
            Amount::Value(d) => Amount::Value(-d.abs()),
            other => other,
        };
        let b = balance(
            book,
            &["调整后预算", word],
            BudgetColumn::Part("adjusted", key),
            format!("调整后预算{word}"),
            "年初预算加调增减调减".to_owned(),
            HINT_ADJUST,
        );
        out.extend(b.check(adjusted, &[initial, part(&t.increase, i), decrease]));
    }
}

/// 合计 = 基本 + 项目 in each split where all three are given.
fn splits(book: &BudgetBook, out: &mut Vec<Finding>) {
    let t = &book.totals;
    let named = [
        ("年初预算", "initial", &t.initial),
        ("年中调增", "increase", &t.increase),
        ("年中调减", "decrease", &t.decrease),
        ("调整后预算", "adjusted", &t.adjusted),
    ];
    for (word, key, s) in named {
        if s.total.is_blank() || s.basic.is_blank() || s.project.is_blank() {
            continue;
        }
        let b = balance(
            book,
            &[word, "合计"],
            BudgetColumn::Part(key, "total"),
            format!("{word}合计"),
            "基本支出与项目支出之和".to_owned(),
            HINT_SPLIT,
        );
        out.extend(b.check(s.total, &[s.basic, s.project]));
    }
}

/// 执行数 = 本级 + 转移支付, when both parts are given.
fn execution(book: &BudgetBook, out: &mut Vec<Finding>) {
    let t = &book.totals;
    if t.executed.is_blank() || t.executed_own.is_blank() || t.executed_transfer.is_blank() {
        return;
    }
    let b = balance(
        book,
        &["执行数"],
        BudgetColumn::Field("executed"),
        "执行数".to_owned(),
        "本级支出与转移支付之和".to_owned(),
        HINT_EXEC,
    );
    out.extend(b.check(t.executed, &[t.executed_own, t.executed_transfer]));
}

/// True for the department-wide 功能分类 table (部门支出总体情况表), which covers every source of
/// funds; the 一般公共预算 tables leave out other income and cannot be compared with the totals.
fn is_department_table(name: &str) -> bool {
    name.contains("部门支出总体") || name.contains("支出总体情况")
}

/// 年初 figures against the published tables.
fn against_tables(book: &BudgetBook, out: &mut Vec<Finding>) {
    let t = &book.totals;
    let summary = book.summary.expenditure_total;
    if !t.initial.total.is_blank() && !summary.is_blank() {
        let b = balance(
            book,
            &["年初预算", "合计"],
            BudgetColumn::Part("initial", "total"),
            "年初预算合计".to_owned(),
            "部门收支总体情况表的本年支出合计".to_owned(),
            HINT_TABLES,
        );
        out.extend(b.check(t.initial.total, &[summary]));
    }
    let table = book
        .functional
        .iter()
        .enumerate()
        .find(|(_, tb)| is_department_table(&tb.name));
    let Some((ti, table)) = table else {
        return;
    };
    let Some(total_row) = table.lines.iter().find(|l| l.level == LineLevel::Total) else {
        return;
    };
    let columns = [
        FunctionalColumn::Total,
        FunctionalColumn::Basic,
        FunctionalColumn::Project,
    ];
    for (i, c) in columns.into_iter().enumerate() {
        let (word, key) = PARTS[i];
        let mine = part(&t.initial, i);
        let theirs = total_row.get(c);
        if mine.is_blank() || theirs.is_blank() {
            continue;
        }
        let table_name = super::text::table_name(book, TableRef::Functional(ti));
        let b = balance(
            book,
            &["年初预算", word],
            BudgetColumn::Part("initial", key),
            format!("年初预算{word}"),
            format!("{table_name}合计行的{}", c.label()),
            HINT_TABLES,
        );
        out.extend(b.check(mine, &[theirs]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::checks::finding::FindingKind;
    use crate::calc::checks::fixtures::{fline, v, ws_with_book};
    use crate::model::FunctionalTable;
    use rust_decimal_macros::dec;

    fn split(total: Amount, basic: Amount, project: Amount) -> Split {
        Split {
            total,
            basic,
            project,
        }
    }

    #[test]
    fn seed_000_totals_hold() {
        // Seed 000: 6,578.31 + 107,951.63 = 114,529.94; + 11,508.81 = 126,038.75;
        // 26,010.59 + 92,914.66 = 118,925.25.
        let mut b = BudgetBook {
            year: 2021,
            published_decimals: Some(2),
            ..BudgetBook::default()
        };
        b.totals.initial = split(v(dec!(114529.94)), v(dec!(6578.31)), v(dec!(107951.63)));
        b.totals.increase = split(v(dec!(11508.81)), Amount::Blank, Amount::Blank);
        b.totals.adjusted = split(v(dec!(126038.75)), Amount::Blank, Amount::Blank);
        b.totals.executed = v(dec!(118925.25));
        b.totals.executed_own = v(dec!(26010.59));
        b.totals.executed_transfer = v(dec!(92914.66));
        assert_eq!(check(&ws_with_book(b.clone())), vec![]);
        // A mistyped 调整后 (126,083.75): 45.00 off, an error.
        b.totals.adjusted.total = v(dec!(126083.75));
        let f = check(&ws_with_book(b));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].kind, FindingKind::Error);
        assert_eq!(f[0].difference, Some(dec!(45.00)));
        assert_eq!(
            f[0].location,
            Location::budget_column(
                2021,
                TableRef::Totals,
                BudgetColumn::Part("adjusted", "total")
            )
        );
    }

    #[test]
    fn decreases_count_negative_and_splits_are_checked() {
        let mut b = BudgetBook::default();
        b.totals.initial = split(v(dec!(100)), v(dec!(40)), v(dec!(60)));
        b.totals.decrease = split(v(dec!(10)), Amount::Blank, Amount::Blank);
        b.totals.adjusted = split(v(dec!(90)), v(dec!(40)), v(dec!(51)));
        let f = check(&ws_with_book(b));
        // 调整后 项目 51 vs 年初 60: error; 调整后 90 ≠ 40 + 51: error (exact figures).
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f[0].place.contains("项目支出"));
        assert_eq!(f[0].difference, Some(dec!(-9)));
        assert_eq!(f[1].difference, Some(dec!(-1)));
    }

    #[test]
    fn initial_totals_against_the_department_table() {
        let mut b = BudgetBook {
            year: 2024,
            published_decimals: Some(1),
            ..BudgetBook::default()
        };
        b.functional.push(FunctionalTable {
            name: "一般公共预算支出情况表".to_owned(),
            note: String::new(),
            lines: vec![fline("", LineLevel::Total, dec!(1.0), dec!(1.0), dec!(0.0))],
        });
        b.functional.push(FunctionalTable {
            name: "部门支出总体情况表".to_owned(),
            note: String::new(),
            lines: vec![fline(
                "",
                LineLevel::Total,
                dec!(96262.5),
                dec!(10512.4),
                dec!(85750.2),
            )],
        });
        b.totals.initial = split(v(dec!(96262.5)), v(dec!(10512.4)), v(dec!(85750.2)));
        let f = check(&ws_with_book(b.clone()));
        // Only the split: 10,512.4 + 85,750.2 = 96,262.6 vs 96,262.5, rounding.
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].kind, FindingKind::Rounding);
        b.totals.initial.basic = v(dec!(10502.4));
        let f = check(&ws_with_book(b));
        let vs_table: Vec<_> = f
            .iter()
            .filter(|x| {
                x.right
                    .as_ref()
                    .unwrap()
                    .label
                    .contains("部门支出总体情况表")
            })
            .collect();
        assert_eq!(vs_table.len(), 1, "{f:#?}");
        assert_eq!(vs_table[0].kind, FindingKind::Error);
        assert_eq!(vs_table[0].difference, Some(dec!(-10.0)));
    }
}
