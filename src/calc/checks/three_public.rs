//! "三公"经费构成: 合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费, and
//! 公务用车购置及运行费 = 购置费 + 运行费.

use crate::calc::num::sum;
use crate::model::{Amount, Workspace};

use super::balance::Balance;
use super::finding::{Finding, Location, TableRef};
use super::text::{place, table_place};

pub const NAME: &str = "“三公”经费构成";

const HINT: &str = "核对“三公”经费各项金额；公务用车购置及运行费应等于购置费与运行费之和。";

pub fn check(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for book in &ws.budgets {
        let t = &book.three_public;
        let here = table_place(book, TableRef::ThreePublic);
        let balance =
            |what: &str, column: &'static str, total_label: &str, parts_label: &str| Balance {
                check: NAME,
                place: place(&[&here, what]),
                location: Location::budget_field(book.year, TableRef::ThreePublic, column),
                total_label: total_label.to_owned(),
                parts_label: parts_label.to_owned(),
                decimals: book.published_decimals,
                error_hint: HINT,
            };
        let vehicle_parts = [t.vehicle_purchase, t.vehicle_operation];
        // A blank 小计 with its parts given counts as their sum in the 合计.
        let vehicles = if t.vehicles.is_blank() && vehicle_parts.iter().any(|a| a.value().is_some())
        {
            Amount::Value(sum(vehicle_parts.iter().filter_map(|a| a.value())))
        } else {
            t.vehicles
        };
        out.extend(
            balance(
                "合计",
                "total",
                "“三公”经费合计",
                "因公出国（境）费、公务用车购置及运行费与公务接待费之和",
            )
            .check(t.total, &[t.abroad, vehicles, t.reception]),
        );
        out.extend(
            balance(
                "公务用车购置及运行费",
                "vehicles",
                "公务用车购置及运行费小计",
                "购置费与运行费之和",
            )
            .check(t.vehicles, &vehicle_parts),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::checks::finding::FindingKind;
    use crate::calc::checks::fixtures::{v, ws_with_book};
    use crate::model::{BudgetBook, ThreePublic};
    use rust_decimal_macros::dec;

    fn book(t: ThreePublic) -> BudgetBook {
        BudgetBook {
            year: 2024,
            published_decimals: Some(1),
            three_public: t,
            ..BudgetBook::default()
        }
    }

    #[test]
    fn seed_003_three_public_holds() {
        // Seed 003 08 表: 74.5 = (blank) + 69.0 + 5.5; 69.0 = (blank) + 69.0.
        let t = ThreePublic {
            total: v(dec!(74.5)),
            vehicles: v(dec!(69.0)),
            vehicle_operation: v(dec!(69.0)),
            reception: v(dec!(5.5)),
            ..ThreePublic::default()
        };
        assert_eq!(check(&ws_with_book(book(t.clone()))), vec![]);
        let wrong = ThreePublic {
            total: v(dec!(75.5)),
            ..t
        };
        let f = check(&ws_with_book(book(wrong)));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].kind, FindingKind::Error);
        assert_eq!(f[0].difference, Some(dec!(1.0)));
    }

    #[test]
    fn a_blank_vehicle_subtotal_uses_its_parts() {
        let t = ThreePublic {
            total: v(dec!(10.0)),
            vehicle_purchase: v(dec!(4.0)),
            vehicle_operation: v(dec!(6.0)),
            ..ThreePublic::default()
        };
        let f = check(&ws_with_book(book(t)));
        // 合计 holds through the parts; the blank 小计 itself is reported against them.
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("空白"));
        assert_eq!(f[0].difference, Some(dec!(-10.0)));
    }
}
