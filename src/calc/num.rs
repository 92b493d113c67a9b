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

/// 10^0 … 10^28 (a decimal's scale is at most 28): a table, where `checked_pow` loops.
const POW10: [i128; 29] = {
    let mut t = [1_i128; 29];
    let mut i = 1;
    while i < 29 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// 10^`n`, for a difference of two scales.
#[inline]
fn pow10(n: u32) -> Option<i128> {
    POW10.get(n as usize).copied()
}

/// The mantissas of `a` and `b` at the larger of their scales, and that scale (one multiply
/// by a power of ten when the scales differ); `None` when that leaves an i128.
#[inline]
fn align(a: Decimal, b: Decimal) -> Option<(i128, i128, u32)> {
    let (sa, sb) = (a.scale(), b.scale());
    let (ma, mb) = (a.mantissa(), b.mantissa());
    match sa.cmp(&sb) {
        std::cmp::Ordering::Equal => Some((ma, mb, sa)),
        std::cmp::Ordering::Less => pow10(sb - sa)
            .and_then(|p| ma.checked_mul(p))
            .map(|x| (x, mb, sb)),
        std::cmp::Ordering::Greater => pow10(sa - sb)
            .and_then(|p| mb.checked_mul(p))
            .map(|y| (ma, y, sa)),
    }
}

/// `n / d` rounded half away from zero (`d` not zero).
#[inline]
fn div_half_away(n: i128, d: i128) -> i128 {
    let (quotient, rest) = (n / d, n % d);
    if rest.unsigned_abs() * 2 >= d.unsigned_abs() {
        quotient + n.signum() * d.signum()
    } else {
        quotient
    }
}

/// Compares two decimals on their integer mantissas (see [`align`]) where `rust_decimal`
/// aligns them word by word; the same order as `Ord`.
#[inline]
pub fn cmp(a: Decimal, b: Decimal) -> std::cmp::Ordering {
    align(a, b).map_or_else(|| a.cmp(&b), |(x, y, _)| x.cmp(&y))
}

/// `a ≥ b` by [`cmp`].
#[inline]
pub fn ge(a: Decimal, b: Decimal) -> bool {
    cmp(a, b).is_ge()
}

/// `a ≤ b` by [`cmp`].
#[inline]
pub fn le(a: Decimal, b: Decimal) -> bool {
    cmp(a, b).is_le()
}

/// The larger of two decimals by [`cmp`].
#[inline]
pub fn max(a: Decimal, b: Decimal) -> Decimal {
    if ge(a, b) { a } else { b }
}

/// The smaller of two decimals by [`cmp`].
#[inline]
pub fn min(a: Decimal, b: Decimal) -> Decimal {
    if le(a, b) { a } else { b }
}

/// `v > 0`, read off the sign bit (no comparison).
#[inline]
pub fn is_positive(v: Decimal) -> bool {
    !v.is_sign_negative() && !v.is_zero()
}

/// Rounds half away from zero to `dp` places (the published rounding).
#[inline]
pub fn round_dp(v: Decimal, dp: u32) -> Decimal {
    let scale = v.scale();
    if scale <= dp {
        return v;
    }
    // On the integer mantissa: one i128 division, where rust_decimal divides digit group by
    // digit group (a score from a division carries 28 places, and every leaf is rounded).
    let mantissa = v.mantissa();
    let Some(divisor) = pow10(scale - dp) else {
        return v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    };
    Decimal::try_from_i128_with_scale(div_half_away(mantissa, divisor), dp)
        .unwrap_or_else(|_| v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero))
}

/// `v` shown with at least `dp` places (`87.5` → `87.50` for 2), on the mantissa; the same
/// as `Decimal::rescale` when that widens, which it falls back to for figures near 96 bits.
#[inline]
pub fn widen(v: Decimal, dp: u32) -> Decimal {
    let scale = v.scale();
    if scale >= dp {
        return v;
    }
    pow10(dp - scale)
        .and_then(|p| v.mantissa().checked_mul(p))
        .and_then(|m| Decimal::try_from_i128_with_scale(m, dp).ok())
        .unwrap_or_else(|| {
            let mut r = v;
            r.rescale(dp);
            r
        })
}

/// Rounds to 2 places and always shows both (`87.5` → `87.50`).
#[inline]
pub fn round2(v: Decimal) -> Decimal {
    widen(round_dp(v, 2), 2)
}

/// A ratio as percent points (0.9436 → 94.36…), unrounded.
pub fn to_pct(ratio: Decimal) -> Decimal {
    ratio.saturating_mul(Decimal::ONE_HUNDRED)
}

/// `94.36%`: a ratio shown as a percentage with 2 places.
pub fn pct_text(ratio: Decimal) -> String {
    format!("{}%", round2(to_pct(ratio)))
}

/// [`pct_text`], or `—` when there is no ratio (a zero denominator, a missing figure).
pub fn opt_pct_text(ratio: Option<Decimal>) -> String {
    ratio.map_or_else(|| "—".to_owned(), pct_text)
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

/// `a + b` on the integer mantissas (see [`align`]), where `rust_decimal` aligns word by
/// word: the same value and scale as `Decimal::saturating_add`, which it falls back to when
/// the sum leaves 96 bits.
#[inline]
pub fn add(a: Decimal, b: Decimal) -> Decimal {
    align(a, b)
        .and_then(|(x, y, scale)| Decimal::try_from_i128_with_scale(x.checked_add(y)?, scale).ok())
        .unwrap_or_else(|| a.saturating_add(b))
}

/// `a × b` on the integer mantissas when both are small enough for the product to fit a
/// decimal's 96 bits at the summed scale (the figures of a scoring sheet always are); the
/// same result as `Decimal::checked_mul`, which it falls back to otherwise.
#[inline]
pub fn checked_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    const SMALL: u128 = 1 << 48;
    let (ma, mb) = (a.mantissa(), b.mantissa());
    if ma == 0 || mb == 0 {
        // rust_decimal gives a zero product as a plain `0` (scale 0), whatever the operands'
        // scales and signs: `0.0 × -3` is "0", not "0.0".
        return Some(Decimal::ZERO);
    }
    let scale = a.scale() + b.scale();
    if ma.unsigned_abs() < SMALL
        && mb.unsigned_abs() < SMALL
        && scale <= 28
        && let Ok(p) = Decimal::try_from_i128_with_scale(ma * mb, scale)
    {
        return Some(p);
    }
    a.checked_mul(b)
}

/// [`checked_mul`], saturating like `Decimal::saturating_mul`.
#[inline]
pub fn mul(a: Decimal, b: Decimal) -> Decimal {
    checked_mul(a, b).unwrap_or_else(|| a.saturating_mul(b))
}

/// `w × x / y` rounded half away from zero to `dp` places, in integer arithmetic: the same
/// score as the decimal quotient (28 significant digits) rounded afterwards, for the figures a
/// scoring sheet holds. `None` (the caller then divides decimals) when `y` is zero or the
/// figures are larger than this bound: the product `w × x` must be exact as a decimal, the
/// divisor's integer below 10^15 and the result below 10^9. Under that bound the exact
/// quotient is at least 1 / (2 × 10^15 × 10^dp) away from any rounding midpoint it is not on,
/// far more than the error of a 28-digit quotient below 10^9, so both round alike.
#[inline]
pub fn mul_div_round(w: Decimal, x: Decimal, y: Decimal, dp: u32) -> Option<Decimal> {
    const DIVISOR_LIMIT: u128 = 1_000_000_000_000_000;
    let scale = w.scale() + x.scale();
    if scale > 28 {
        return None;
    }
    let product = w.mantissa().checked_mul(x.mantissa())?;
    if product.unsigned_abs() >= MANTISSA_LIMIT.unsigned_abs() {
        return None;
    }
    let dividend = product.checked_mul(pow10(y.scale() + dp)?)?;
    let divisor = y.mantissa().checked_mul(pow10(scale)?)?;
    if divisor == 0 || divisor.unsigned_abs() >= DIVISOR_LIMIT {
        return None;
    }
    let rounded = div_half_away(dividend, divisor);
    if rounded.unsigned_abs() >= pow10(9 + dp)?.unsigned_abs() {
        return None;
    }
    Decimal::try_from_i128_with_scale(rounded, dp).ok()
}

/// A running sum kept on an i128 mantissa at the largest scale seen, where adding
/// `Decimal`s re-packs a 96-bit decimal after every term. [`Acc::value`] is exactly the fold
/// of `Decimal::saturating_add` from zero (value and scale) whenever that fold never had to
/// round; when it might have (a running total leaving 96 bits), it is `None` and the caller
/// sums the slow way.
#[derive(Clone, Copy, Debug, Default)]
pub struct Acc {
    mantissa: i128,
    scale: u32,
    overflow: bool,
}

/// 2^96: a decimal's mantissa stays below it.
const MANTISSA_LIMIT: i128 = 1 << 96;

impl Acc {
    #[inline]
    pub fn add(&mut self, d: Decimal) {
        let (mut m, s) = (d.mantissa(), d.scale());
        if s > self.scale {
            match pow10(s - self.scale).and_then(|p| self.mantissa.checked_mul(p)) {
                Some(x) => {
                    self.mantissa = x;
                    self.scale = s;
                }
                None => self.overflow = true,
            }
        } else if s < self.scale {
            match pow10(self.scale - s).and_then(|p| m.checked_mul(p)) {
                Some(x) => m = x,
                None => self.overflow = true,
            }
        }
        match self.mantissa.checked_add(m) {
            Some(x) if x.unsigned_abs() < MANTISSA_LIMIT.unsigned_abs() => self.mantissa = x,
            _ => self.overflow = true,
        }
    }

    /// Adds another running sum (giving up if it gave up).
    #[inline]
    pub fn merge(&mut self, other: Acc) {
        match other.value() {
            Some(v) => self.add(v),
            None => self.overflow = true,
        }
    }

    /// The sum, unless a running total left what a decimal holds.
    #[inline]
    pub fn value(&self) -> Option<Decimal> {
        if self.overflow {
            return None;
        }
        Decimal::try_from_i128_with_scale(self.mantissa, self.scale).ok()
    }
}

/// A sum that saturates instead of overflowing.
pub fn sum<I: IntoIterator<Item = Decimal>>(it: I) -> Decimal {
    it.into_iter().fold(Decimal::ZERO, add)
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
    fn rounding_long_quotients_and_extremes() {
        // 2/3 with 28 places, a tie at the 29th digit's neighbour, the largest mantissa.
        let third = dec!(2) / dec!(3);
        assert_eq!(round2(third), dec!(0.67));
        assert_eq!(round2(-third), dec!(-0.67));
        assert_eq!(
            round_dp(dec!(0.0049999999999999999999999999), 2),
            dec!(0.00)
        );
        assert_eq!(
            round_dp(dec!(0.0050000000000000000000000000), 2),
            dec!(0.01)
        );
        assert_eq!(round_dp(Decimal::MAX, 0), Decimal::MAX);
        assert_eq!(
            round_dp(dec!(7.9228162514264337593543950335), 2),
            dec!(7.92)
        );
        assert_eq!(round_dp(dec!(1.5), 3), dec!(1.5));
    }

    proptest::proptest! {
        /// The fast comparison orders like rust_decimal's `Ord`, across scales and signs.
        #[test]
        fn cmp_matches_rust_decimal(
            ma in proptest::num::i128::ANY, sa in 0_u32..=28,
            mb in proptest::num::i128::ANY, sb in 0_u32..=28,
        ) {
            let a = Decimal::from_i128_with_scale(ma % (1_i128 << 96), sa);
            let b = Decimal::from_i128_with_scale(mb % (1_i128 << 96), sb);
            proptest::prop_assert_eq!(cmp(a, b), a.cmp(&b));
            proptest::prop_assert_eq!(cmp(a, a.round_dp(sb.min(sa))), a.cmp(&a.round_dp(sb.min(sa))));
        }

        /// The fast sum has the value and the scale of rust_decimal's, across scales, signs
        /// and overflow.
        #[test]
        fn add_matches_rust_decimal(
            ma in proptest::num::i128::ANY, sa in 0_u32..=28,
            mb in proptest::num::i128::ANY, sb in 0_u32..=28,
            small in proptest::bool::ANY,
        ) {
            let bits = if small { 40 } else { 96 };
            let a = Decimal::from_i128_with_scale(ma % (1_i128 << bits), sa);
            let b = Decimal::from_i128_with_scale(mb % (1_i128 << bits), sb);
            let (fast, slow) = (add(a, b), a.saturating_add(b));
            proptest::prop_assert_eq!(fast, slow);
            proptest::prop_assert_eq!(fast.to_string(), slow.to_string());
            let (fast, slow) = (add(a, -a), a.saturating_add(-a));
            proptest::prop_assert_eq!(fast.to_string(), slow.to_string());
        }

        /// The fast product has the value and the scale of rust_decimal's.
        #[test]
        fn mul_matches_rust_decimal(
            ma in proptest::num::i128::ANY, sa in 0_u32..=28,
            mb in proptest::num::i128::ANY, sb in 0_u32..=28,
            bits in 8_u32..=96,
        ) {
            let a = Decimal::from_i128_with_scale(ma % (1_i128 << bits), sa);
            let b = Decimal::from_i128_with_scale(mb % (1_i128 << 40), sb % 8);
            let (fast, slow) = (mul(a, b), a.saturating_mul(b));
            proptest::prop_assert_eq!(fast, slow);
            proptest::prop_assert_eq!(fast.to_string(), slow.to_string());
            proptest::prop_assert_eq!(checked_mul(a, b), a.checked_mul(b));
        }

        /// Widening on the mantissa is rust_decimal's rescale.
        #[test]
        fn widen_matches_rescale(m in proptest::num::i128::ANY, scale in 0_u32..=28, dp in 0_u32..=4) {
            let v = Decimal::from_i128_with_scale(m % (1_i128 << 96), scale);
            let mut slow = v;
            if scale < dp {
                slow.rescale(dp);
            }
            let fast = widen(v, dp);
            proptest::prop_assert_eq!(fast, slow);
            proptest::prop_assert_eq!(fast.to_string(), slow.to_string());
        }

        /// The integer route rounds `w × x / y` as rust_decimal's quotient rounded afterwards,
        /// on sheet-sized figures, on exact midpoints (x over a power of two) and on large ones
        /// (where it must either agree or decline).
        #[test]
        fn mul_div_round_matches_the_decimal_quotient(
            mw in -200_000_i64..200_000, sw in 0_u32..4,
            mx in -10_000_000_i64..10_000_000, sx in 0_u32..5,
            my in -10_000_000_i64..10_000_000, sy in 0_u32..5,
            dp in 0_u32..3,
            big in proptest::num::i128::ANY, big_scale in 0_u32..=28,
            halves in 0_u32..8,
        ) {
            let w = Decimal::new(mw, sw);
            let x = Decimal::new(mx, sx);
            let slow = |w: Decimal, x: Decimal, y: Decimal| {
                w.checked_mul(x)
                    .and_then(|p| p.checked_div(y))
                    .map(|q| round_dp(q, dp))
            };
            for y in [
                Decimal::new(my, sy),
                Decimal::new(1_i64 << halves, 0),
                Decimal::from_i128_with_scale(big % (1_i128 << 96), big_scale),
            ] {
                if let Some(fast) = mul_div_round(w, x, y, dp) {
                    proptest::prop_assert_eq!(Some(fast), slow(w, x, y), "{} × {} / {}", w, x, y);
                } else {
                    proptest::prop_assert!(y.is_zero() || y.mantissa().unsigned_abs() * 10_u128.pow(sw + sx) >= 1_000_000_000_000_000 || slow(w, x, y).is_none_or(|q| q.abs() >= Decimal::from(1_000_000_000)));
                }
            }
        }

        /// The running sum is the fold of `saturating_add` (value and scale) or says it
        /// cannot be sure.
        #[test]
        fn acc_matches_the_decimal_fold(
            terms in proptest::collection::vec(
                (proptest::num::i128::ANY, 0_u32..=28, proptest::bool::ANY), 0..12),
        ) {
            let terms: Vec<Decimal> = terms
                .into_iter()
                .map(|(m, s, small)| {
                    let bits = if small { 24 } else { 96 };
                    Decimal::from_i128_with_scale(m % (1_i128 << bits), if small { s % 5 } else { s })
                })
                .collect();
            let mut acc = Acc::default();
            for t in &terms {
                acc.add(*t);
            }
            let slow = terms.iter().fold(Decimal::ZERO, |a, b| a.saturating_add(*b));
            if let Some(fast) = acc.value() {
                proptest::prop_assert_eq!(fast.to_string(), slow.to_string());
            }
            // Small figures never take the slow way.
            if terms.iter().all(|t| t.scale() <= 4 && t.abs() < Decimal::from(1_000_000_000)) {
                proptest::prop_assert!(acc.value().is_some());
            }
        }

        /// The fast mantissa rounding agrees with rust_decimal's own half-away-from-zero.
        #[test]
        fn round_dp_matches_rust_decimal(m in proptest::num::i128::ANY, scale in 0_u32..=28, dp in 0_u32..=4) {
            let m = m % (1_i128 << 96);
            let v = Decimal::from_i128_with_scale(m, scale);
            proptest::prop_assert_eq!(
                round_dp(v, dp),
                v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
            );
        }
    }

    #[test]
    fn seed_000_execution_rate() {
        let r = ratio(dec!(118925.25), dec!(126038.75)).unwrap();
        assert_eq!(pct_text(r), "94.36%");
        assert_eq!(ratio(dec!(1), dec!(0)), None);
    }

    #[test]
    fn zero_product_has_rust_decimals_scale() {
        // The flaky proptest case: a zero factor (of any scale) times a negative.
        let zero_tenths = Decimal::new(0, 1);
        let minus_three = Decimal::new(-3, 0);
        assert_eq!(mul(zero_tenths, minus_three).to_string(), "0");
        assert_eq!(mul(minus_three, zero_tenths).to_string(), "0");
        assert_eq!(
            checked_mul(Decimal::new(-125, 2), Decimal::new(0, 3)).map(|d| d.to_string()),
            Some("0".to_owned())
        );
        assert_eq!(
            mul(Decimal::new(-15, 1), Decimal::new(2, 0)).to_string(),
            "-3.0"
        );
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(dec!(118925.25)), "118,925.25");
        assert_eq!(thousands(dec!(-1234567)), "-1,234,567");
        assert_eq!(thousands(dec!(999.0)), "999.0");
        assert_eq!(thousands(dec!(54.2543)), "54.2543");
    }
}
