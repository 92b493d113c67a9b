//! Exact arithmetic helpers: ratios, half-away-from-zero rounding and display formats.
//!
//! Every operation on user figures saturates or returns `None` instead of panicking, so an
//! absurd amount in a file can never bring the program down.

use rust_decimal::{Decimal, RoundingStrategy};

/// `num / den` exactly (28 significant digits), or `None` when `den` is zero.
pub fn ratio(num: Decimal, den: Decimal) -> Option<Decimal> {
    if den.is_zero() {
        None
    } else {
        num.checked_div(den)
    }
}

/// Rounds half away from zero to `dp` places (the published rounding).
pub fn round_dp(v: Decimal, dp: u32) -> Decimal {
    v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds to 2 places and always shows both (`87.5` → `87.50`).
pub fn round2(v: Decimal) -> Decimal {
    let mut r = round_dp(v, 2);
    r.rescale(2);
    r
}

/// A ratio as percent points (0.9436 → 94.36…), unrounded.
pub fn to_pct(ratio: Decimal) -> Decimal {
    ratio.saturating_mul(Decimal::ONE_HUNDRED)
}

/// `94.36%`: a ratio shown as a percentage with 2 places.
pub fn pct_text(ratio: Decimal) -> String {
    format!("{}%", round2(to_pct(ratio)))
}

/// Percent points shown with 2 places (`94.356` → `94.36%`).
pub fn pct_points_text(points: Decimal) -> String {
    format!("{}%", round2(points))
}

/// A decimal without trailing zeros (`17.10` → `17.1`, `5.00` → `5`).
pub fn plain(v: Decimal) -> String {
    v.normalize().to_string()
}

/// An amount with thousands separators, keeping its scale (`118925.25` → `118,925.25`).
pub fn thousands(v: Decimal) -> String {
    let s = v.to_string();
    let (sign, rest) = s.strip_prefix('-').map_or(("", s.as_str()), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A sum that saturates instead of overflowing.
pub fn sum<I: IntoIterator<Item = Decimal>>(it: I) -> Decimal {
    it.into_iter().fold(Decimal::ZERO, Decimal::saturating_add)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round2(dec!(2.345)), dec!(2.35));
        assert_eq!(round2(dec!(-2.345)), dec!(-2.35));
        assert_eq!(round2(dec!(2.3449)), dec!(2.34));
        assert_eq!(round_dp(dec!(8.5), 0), dec!(9));
        assert_eq!(round2(dec!(87.5)).to_string(), "87.50");
    }

    #[test]
    fn seed_000_execution_rate() {
        let r = ratio(dec!(118925.25), dec!(126038.75)).unwrap();
        assert_eq!(pct_text(r), "94.36%");
        assert_eq!(ratio(dec!(1), dec!(0)), None);
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(dec!(118925.25)), "118,925.25");
        assert_eq!(thousands(dec!(-1234567)), "-1,234,567");
        assert_eq!(thousands(dec!(999.0)), "999.0");
        assert_eq!(thousands(dec!(54.2543)), "54.2543");
    }
}
