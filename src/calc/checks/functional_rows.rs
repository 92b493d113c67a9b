//! 功能分类行内关系: on every row, 合计 = 基本支出 + 项目支出; 基本支出 = 工资福利 + 对个人和家庭的
//! 补助 + 商品和服务 + 资本性 (人员经费 + 公用经费); 项目支出 = 其他运转类 + 特定目标类.

use crate::model::{FunctionalColumn as C, FunctionalLineColumn, Workspace};

use super::balance::Balance;
use super::finding::{Finding, Location, RowRef, TableRef};
use super::text::{line_label, place, table_place};

pub const NAME: &str = "功能分类行内关系";

/// The three identities: the subtotal column, its parts, and how the parts are named.
const IDENTITIES: [(C, &[C], &str); 3] = [
    (C::Total, &[C::Basic, C::Project], "基本支出、项目支出之和"),
    (
        C::Basic,
        &[C::Wages, C::Family, C::Goods, C::Capital],
        "人员经费、公用经费四列之和",
    ),
    (
        C::Project,
        &[C::Operating, C::Targeted],
        "其他运转类、特定目标类之和",
    ),
];

const HINT: &str = "核对该行各列是否错录、漏录，或某列是否串到了相邻列。";

pub fn check(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for book in &ws.budgets {
        for (ti, table) in book.functional.iter().enumerate() {
            let table_words = table_place(book, TableRef::Functional(ti));
            for (i, line) in table.lines.iter().enumerate() {
                let row = line_label(line);
                for (total, parts, parts_label) in IDENTITIES {
                    let balance = Balance {
                        check: NAME,
                        place: place(&[&table_words, &row, total.label()]),
                        location: Location::functional(
                            book.year,
                            ti,
                            RowRef::of(line, i),
                            Some(FunctionalLineColumn::Amount(total)),
                        ),
                        total_label: if total == C::Total {
                            "合计".to_owned()
                        } else {
                            format!("{}小计", total.label())
                        },
                        parts_label: parts_label.to_owned(),
                        decimals: book.published_decimals,
                        error_hint: HINT,
                    };
                    let amounts: Vec<_> = parts.iter().map(|&c| line.get(c)).collect();
                    out.extend(balance.check(line.get(total), &amounts));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::checks::finding::FindingKind;
    use crate::calc::checks::fixtures::{book_with, fline, v, ws_with_book};
    use crate::model::{Amount, LineLevel};
    use rust_decimal_macros::dec;

    #[test]
    fn consistent_rows_give_nothing() {
        let lines = vec![fline(
            "215",
            LineLevel::Class,
            dec!(100.0),
            dec!(20.0),
            dec!(80.0),
        )];
        assert_eq!(
            check(&ws_with_book(book_with(2024, Some(1), lines))),
            vec![]
        );
    }

    #[test]
    fn seed_003_rounding_and_a_real_error() {
        // Seed 003 05 表 row 215: 3,314.2 + 25.9 + 1,148.3 + 49.5 = 4,537.9 vs printed 4,537.8
        // (0.1 within 0.05 × 5 = 0.25); 合计 89,938.8 = 4,537.8 + 85,401.0.
        let mut row = fline(
            "215",
            LineLevel::Class,
            dec!(89938.8),
            dec!(4537.8),
            dec!(85401.0),
        );
        row.wages = v(dec!(3314.2));
        row.family = v(dec!(25.9));
        row.goods = v(dec!(1148.3));
        row.capital = v(dec!(49.5));
        row.operating = v(dec!(1410.0));
        row.targeted = v(dec!(83991.0));
        // A row whose 合计 is 1.0 above its parts: 11.0 vs 10.0.
        let mut bad = fline("221", LineLevel::Class, dec!(11.0), dec!(10.0), dec!(0.0));
        bad.project = Amount::Blank;
        bad.targeted = Amount::Blank;
        bad.operating = Amount::Blank;
        let f = check(&ws_with_book(book_with(2024, Some(1), vec![row, bad])));
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(f[0].kind, FindingKind::Rounding);
        assert_eq!(f[0].left.as_ref().unwrap().amount, dec!(4537.8));
        assert_eq!(f[0].right.as_ref().unwrap().amount, dec!(4537.9));
        assert_eq!(f[0].difference, Some(dec!(-0.1)));
        assert_eq!(f[1].kind, FindingKind::Error);
        assert_eq!(f[1].difference, Some(dec!(1.0)));
        assert_eq!(f[1].location.to_string(), "2024 Functional(0) [1].total");
    }
}
