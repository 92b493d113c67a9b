//! 舍入容差 (rounding tolerance): the named rule that tells rounding from real differences.
//!
//! A published table rounds every figure to `d` decimal places (seed 003: 0.1 万元), so each
//! printed figure is off its true value by at most half a unit, 0.5 × 10^-d. A printed total
//! compared with the sum of `n` printed addends may therefore differ by up to
//! 0.5 × 10^-d × (n + 1) through rounding alone. Exact figures (`published_decimals: None`)
//! have no tolerance: any difference is an error.

use rust_decimal::Decimal;

use super::finding::FindingKind;

/// Half a unit of the last published place: 0.05 for one decimal, 0.5 for whole numbers.
pub fn half_unit(decimals: u32) -> Decimal {
    Decimal::try_new(5, decimals.saturating_add(1)).unwrap_or(Decimal::ZERO)
}

/// The largest difference rounding can explain between a printed total and the sum of
/// `addends` printed figures (blank cells are not figures and do not count).
pub fn rounding_tolerance(decimals: Option<u32>, addends: usize) -> Decimal {
    match decimals {
        None => Decimal::ZERO,
        Some(d) => {
            let figures = u64::try_from(addends).unwrap_or(u64::MAX).saturating_add(1);
            half_unit(d).saturating_mul(Decimal::from(figures))
        }
    }
}

/// What a difference is under the rule: nothing, rounding, or an error.
pub fn classify(difference: Decimal, tolerance: Decimal) -> Option<FindingKind> {
    if difference.is_zero() {
        None
    } else if difference.abs() <= tolerance {
        Some(FindingKind::Rounding)
    } else {
        Some(FindingKind::Error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn tolerance_is_half_a_unit_per_printed_figure() {
        // Seed 003 (0.1 万元): 3 项 under a 款 → 4 printed figures → 0.05 × 4 = 0.2.
        assert_eq!(rounding_tolerance(Some(1), 3), dec!(0.2));
        assert_eq!(rounding_tolerance(Some(2), 1), dec!(0.01));
        assert_eq!(rounding_tolerance(Some(0), 2), dec!(1.5));
        assert_eq!(rounding_tolerance(None, 50), dec!(0));
        assert_eq!(rounding_tolerance(Some(99), 3), dec!(0));
    }

    #[test]
    fn classification_by_tolerance() {
        let tol = dec!(0.2);
        assert_eq!(classify(dec!(0), tol), None);
        assert_eq!(classify(dec!(0.1), tol), Some(FindingKind::Rounding));
        assert_eq!(classify(dec!(-0.2), tol), Some(FindingKind::Rounding));
        assert_eq!(classify(dec!(1.0), tol), Some(FindingKind::Error));
        assert_eq!(classify(dec!(0.01), dec!(0)), Some(FindingKind::Error));
    }
}
