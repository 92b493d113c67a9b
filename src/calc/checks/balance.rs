//! 合计核对 (balance): one printed total against the sum of its printed parts, with the
//! rounding rule, blank cells and 'XXXX' (withheld) cells handled once for every check.

use rust_decimal::Decimal;

use super::finding::{Finding, FindingKind, Location, Side};
use super::text::{money, tolerance_text};
use super::tolerance::{classify, rounding_tolerance};
use crate::calc::num::sum;
use crate::model::Amount;

/// One total-vs-parts comparison, described in words.
#[derive(Clone, Debug)]
pub struct Balance<'a> {
    pub check: &'static str,
    pub place: String,
    pub location: Location,
    /// What the printed total is ("款 21505 的商品和服务支出").
    pub total_label: String,
    /// What the parts are ("其下 3 个项之和").
    pub parts_label: String,
    /// Decimal places the figures were published with (`None`: exact).
    pub decimals: Option<u32>,
    /// What to look at when the difference is beyond rounding.
    pub error_hint: &'a str,
}

impl Balance<'_> {
    /// Compares `total` with Σ `parts`. Blank cells count as nothing; one 'XXXX' cell is
    /// deduced from the others; several make the sum unverifiable.
    pub fn check(&self, total: Amount, parts: &[Amount]) -> Option<Finding> {
        if total.is_blank() && parts.iter().all(|p| p.is_blank()) {
            return None;
        }
        let withheld_parts = parts.iter().filter(|p| p.is_withheld()).count();
        let withheld = withheld_parts + usize::from(total.is_withheld());
        let known = sum(parts.iter().filter_map(|p| p.value()));
        let figures = parts.iter().filter(|p| p.value().is_some()).count();
        match withheld {
            0 => self.compare(total.or_zero(), total.is_blank(), known, figures),
            1 if total.is_withheld() => Some(self.info(
                format!(
                    "{}为 XXXX（不予公开），按{}推算为 {}。",
                    self.total_label,
                    self.parts_label,
                    money(known)
                ),
                None,
                Some(Side::new(self.parts_label.clone(), known)),
                Some(known),
            )),
            1 => Some(self.deduce_part(total.or_zero(), known, figures)),
            n => Some(
                self.info(
                    format!(
                        "{}及其明细中有 {n} 个单元格为 XXXX（不予公开），无法核对。",
                        self.total_label
                    ),
                    total
                        .value()
                        .map(|t| Side::new(self.total_label.clone(), t)),
                    Some(Side::new(
                        format!("{}（已公开部分）", self.parts_label),
                        known,
                    )),
                    None,
                ),
            ),
        }
    }

    fn compare(
        &self,
        total: Decimal,
        total_blank: bool,
        parts: Decimal,
        figures: usize,
    ) -> Option<Finding> {
        let difference = total.saturating_sub(parts);
        let tolerance = rounding_tolerance(self.decimals, figures);
        let kind = classify(difference, tolerance)?;
        let total_text = if total_blank {
            "空白".to_owned()
        } else {
            money(total)
        };
        let head = format!(
            "{} {} 与{} {} 相差 {}",
            self.total_label,
            total_text,
            self.parts_label,
            money(parts),
            money(difference.abs())
        );
        let (message, hint) = match (kind, self.decimals) {
            (FindingKind::Rounding, Some(d)) => (
                format!("{head}，在舍入容差 ±{} 之内。", tolerance_text(tolerance)),
                format!(
                    "公开表金额保留 {d} 位小数，合计与明细各自舍入，相差不超过容差即属舍入差异，无需更正。"
                ),
            ),
            (_, Some(_)) => (
                format!("{head}，超出舍入容差 ±{}。", tolerance_text(tolerance)),
                self.error_hint.to_owned(),
            ),
            (_, None) => (format!("{head}。"), self.error_hint.to_owned()),
        };
        Some(
            Finding::note(
                self.check,
                kind,
                self.place.clone(),
                self.location.clone(),
                message,
                hint,
            )
            .with_sides(
                Side::new(self.total_label.clone(), total),
                Side::new(self.parts_label.clone(), parts),
            ),
        )
    }

    fn deduce_part(&self, total: Decimal, known: Decimal, figures: usize) -> Finding {
        let deduced = total.saturating_sub(known);
        let tolerance = rounding_tolerance(self.decimals, figures);
        let left = Side::new(self.total_label.clone(), total);
        let right = Side::new(format!("{}（已公开部分）", self.parts_label), known);
        if deduced < -tolerance {
            return Finding::note(
                self.check,
                FindingKind::Error,
                self.place.clone(),
                self.location.clone(),
                format!(
                    "明细中有 1 个单元格为 XXXX，但已公开部分 {} 已超过{} {}，相差 {}。",
                    money(known),
                    self.total_label,
                    money(total),
                    money(deduced.abs())
                ),
                self.error_hint.to_owned(),
            )
            .with_sides(left, right);
        }
        let mut f = self.info(
            format!(
                "明细中有 1 个单元格为 XXXX（不予公开），按{} {} 减已公开部分 {} 推算为 {}。",
                self.total_label,
                money(total),
                money(known),
                money(deduced)
            ),
            Some(left),
            Some(right),
            Some(deduced),
        );
        "推算值假定合计与其余明细均无误；若另有公开数据，可用来印证。".clone_into(&mut f.hint);
        f
    }

    fn info(
        &self,
        message: String,
        left: Option<Side>,
        right: Option<Side>,
        difference: Option<Decimal>,
    ) -> Finding {
        Finding {
            check: self.check,
            kind: FindingKind::Info,
            place: self.place.clone(),
            left,
            right,
            difference,
            message,
            hint: "涉密或不予公开的金额以 XXXX 列示。".to_owned(),
            location: self.location.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn b(decimals: Option<u32>) -> Balance<'static> {
        Balance {
            check: "测试",
            place: "某表".to_owned(),
            location: Location::Department,
            total_label: "合计".to_owned(),
            parts_label: "明细之和".to_owned(),
            decimals,
            error_hint: "核对明细",
        }
    }

    fn v(d: Decimal) -> Amount {
        Amount::Value(d)
    }

    #[test]
    fn equal_sums_give_nothing_and_blanks_count_as_nothing() {
        let parts = [v(dec!(1.1)), Amount::Blank, v(dec!(2.2))];
        assert_eq!(b(Some(1)).check(v(dec!(3.3)), &parts), None);
        assert_eq!(b(Some(1)).check(Amount::Blank, &[Amount::Blank]), None);
        assert_eq!(b(None).check(Amount::Blank, &[v(dec!(0.0))]), None);
    }

    #[test]
    fn a_tenth_within_tolerance_is_rounding_and_a_unit_is_an_error() {
        // Two figures + total at 0.1 precision: tolerance 0.05 × 3 = 0.15.
        let parts = [v(dec!(1.1)), v(dec!(2.2))];
        let r = b(Some(1)).check(v(dec!(3.4)), &parts).unwrap();
        assert_eq!(r.kind, FindingKind::Rounding);
        assert_eq!(r.difference, Some(dec!(0.1)));
        assert_eq!(r.left.unwrap().amount, dec!(3.4));
        assert_eq!(r.right.unwrap().amount, dec!(3.3));
        let e = b(Some(1)).check(v(dec!(4.3)), &parts).unwrap();
        assert_eq!(e.kind, FindingKind::Error);
        assert_eq!(e.difference, Some(dec!(1.0)));
        assert_eq!(e.hint, "核对明细");
        // Exact figures: any difference is an error.
        let x = b(None).check(v(dec!(3.31)), &parts).unwrap();
        assert_eq!(x.kind, FindingKind::Error);
    }

    #[test]
    fn one_withheld_part_is_deduced() {
        let parts = [v(dec!(79118.2)), Amount::Withheld];
        let f = b(Some(1)).check(v(dec!(85750.2)), &parts).unwrap();
        assert_eq!(f.kind, FindingKind::Info);
        assert_eq!(f.difference, Some(dec!(6632.0)));
        assert!(f.message.contains("6,632.0"), "{}", f.message);
        let too_much = b(Some(1)).check(v(dec!(100)), &[v(dec!(150)), Amount::Withheld]);
        assert_eq!(too_much.unwrap().kind, FindingKind::Error);
        let total_withheld = b(Some(1))
            .check(Amount::Withheld, &[v(dec!(1)), v(dec!(2))])
            .unwrap();
        assert_eq!(total_withheld.kind, FindingKind::Info);
        assert_eq!(total_withheld.difference, Some(dec!(3)));
    }

    #[test]
    fn several_withheld_cells_cannot_be_verified() {
        let f = b(Some(1))
            .check(
                v(dec!(10)),
                &[Amount::Withheld, Amount::Withheld, v(dec!(1))],
            )
            .unwrap();
        assert_eq!(f.kind, FindingKind::Info);
        assert!(f.message.contains("无法核对"));
        assert_eq!(f.difference, None);
    }
}
