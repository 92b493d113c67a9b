//! Scoring one indicator by its rule (评分规则), clamped to [0, 分值], with the explanation
//! kept as data so that rendering it costs nothing until someone reads it.
//!
//! Nothing here can panic, whatever the numbers: every operation on user figures is checked
//! or saturating, and a result that cannot be computed is reported instead.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::num::{self, ge, is_positive, le, plain, round_dp, round2};
use super::qualitative::{NeedsWhy, TextVerdict, judge};
use crate::model::{
    Band, Comparator, QualitativeBands, QualitativeGrade, Rounding, Rule, ScoringProfile, Target,
};

/// What a rule needs to score one indicator.
#[derive(Clone, Copy, Debug)]
pub struct LeafInput<'a> {
    /// 分值.
    pub weight: Decimal,
    pub target: &'a Target,
    /// The actual as a number in the target's unit, when there is one.
    pub actual: Option<Decimal>,
    pub rule: &'a Rule,
    pub profile: &'a ScoringProfile,
}

/// Why a score is what it is: one line of Chinese when displayed.
///
/// Only what the row does not already hold is kept here: the actual, the score, the 分值, the
/// unit and the evaluator's reason are read from the row and its indicator when the line is
/// displayed ([`ExplainCtx`]), so a rescore copies a few words per row and allocates nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Explanation {
    /// The target is met: full marks.
    Met {
        comparator: Comparator,
        target: Decimal,
    },
    /// 正向/反向比例 below target (`score = 分值 × num / den`).
    Proportion {
        comparator: Comparator,
        target: Decimal,
    },
    /// 偏差扣分.
    Deviation {
        target: Decimal,
        deviation_pct: Decimal,
    },
    /// 偏差扣分 with the deviation inside the tolerance: full marks.
    WithinTolerance { target: Decimal, tolerance: Decimal },
    /// 达标制, not met.
    NotMet {
        comparator: Comparator,
        target: Option<Decimal>,
    },
    /// 达标制 on a 定性 target, the evaluator's call.
    Judged { met: bool },
    /// 区间档次 (`threshold` is the band reached, if any).
    Band {
        threshold: Option<Decimal>,
        share_pct: Decimal,
    },
    /// 定性分档 (`share_pct` is the share used, inside the band).
    Qualitative {
        grade: QualitativeGrade,
        share_pct: Decimal,
    },
    /// 定性（按文字判定）: the catalogue read `phrase` in the actual and chose `grade`.
    TextBand {
        grade: QualitativeGrade,
        share_pct: Decimal,
        phrase: String,
    },
    /// 定性 that needs the evaluator's judgement: unscored, counted apart, never full marks.
    NeedsJudgement { why: NeedsWhy },
    /// 扣分制 (`points` is the total deducted).
    Deducted { count: usize, points: Decimal },
    /// 线性扣分 (`points` is the total deducted).
    Linear { threshold: Decimal, points: Decimal },
    /// 预算执行率 rule (`rate_pct` is the actual, floored at 0).
    Execution { rate_pct: Decimal },
    /// 人工评分 (the reason is the rule's).
    Manual,
    /// A manual override replaced the computed score (the reason is the override's).
    Overridden { computed: Option<Decimal> },
    /// Sum of the children (a parent row; its 分值 is the applicable children's).
    Sum { children: usize },
    /// 不适用.
    NotApplicable,
    /// No actual yet: counted as 0 until filled in.
    MissingActual,
    /// The rule needs a numeric target and there is none.
    MissingTarget,
    /// The rule cannot apply (e.g. ratio to a target ≤ 0 that is not met).
    Invalid { reason: String },
}

/// What an [`Explanation`] reads from its row to be displayed.
#[derive(Clone, Copy, Debug)]
pub struct ExplainCtx<'a> {
    /// 得分 as it counts (clamped and rounded per the profile).
    pub score: Decimal,
    /// 分值 that counts (the applicable children's sum for a parent).
    pub weight: Decimal,
    /// The actual used, in the target's unit.
    pub actual: Option<Decimal>,
    /// The target's unit as written (`%`, `人次`).
    pub unit: &'a str,
    /// The evaluator's reason (人工评分's or the override's).
    pub reason: &'a str,
}

/// An explanation with its row, ready to display.
#[derive(Clone, Copy, Debug)]
pub struct Explained<'a> {
    pub what: &'a Explanation,
    pub ctx: ExplainCtx<'a>,
}

/// A value with its unit: `17.1%`, `1200人次`.
fn num_unit(v: Decimal, unit: &str) -> String {
    if unit == "%" {
        format!("{}%", plain(round_dp(v, 2)))
    } else {
        format!("{}{}", plain(round_dp(v, 4)), unit)
    }
}

/// A score as it counts: whole points stay whole (`9`), others show 2 places (`6.50`).
fn score_text(v: Decimal) -> Decimal {
    if v.scale() == 0 { v } else { round2(v) }
}

/// A mandatory reason, or a visible gap where it is missing.
fn reason_text(reason: &str) -> &str {
    let r = reason.trim();
    if r.is_empty() {
        "（未填写理由）"
    } else {
        r
    }
}

impl Explanation {
    /// The explanation of a row, with what it reads from the row.
    pub fn with<'a>(&'a self, ctx: ExplainCtx<'a>) -> Explained<'a> {
        Explained { what: self, ctx }
    }
}

impl fmt::Display for Explained<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ExplainCtx {
            score,
            weight,
            actual,
            unit,
            reason,
        } = self.ctx;
        // Every variant that shows an actual is only built with one; 0 keeps a hand-built
        // explanation displayable.
        let a = actual.unwrap_or(Decimal::ZERO);
        match self.what {
            Explanation::Met { comparator, target } => {
                let sym = match comparator {
                    Comparator::AtMost => "≤",
                    Comparator::Equal => "=",
                    Comparator::AtLeast | Comparator::Qualitative => "≥",
                };
                write!(
                    f,
                    "实际 {} {sym} 目标 {}，得满分 {}",
                    num_unit(a, unit),
                    num_unit(*target, unit),
                    score_text(score)
                )
            }
            Explanation::Proportion { comparator, target } => {
                let (sym, num, den) = if *comparator == Comparator::AtMost {
                    (">", *target, a)
                } else {
                    ("<", a, *target)
                };
                write!(
                    f,
                    "实际 {} {sym} 目标 {}，按比例得 {}（{} × {} / {}）",
                    num_unit(a, unit),
                    num_unit(*target, unit),
                    score_text(score),
                    plain(weight),
                    plain(num),
                    plain(den)
                )
            }
            Explanation::Deviation {
                target,
                deviation_pct,
            } => write!(
                f,
                "实际 {} 偏离目标 {} 的 {}%，得 {}",
                num_unit(a, unit),
                num_unit(*target, unit),
                plain(round_dp(*deviation_pct, 2)),
                score_text(score)
            ),
            Explanation::WithinTolerance { target, tolerance } => write!(
                f,
                "实际 {} 与目标 {} 的偏差在允许的 ±{} 以内，得满分 {}",
                num_unit(a, unit),
                num_unit(*target, unit),
                num_unit(*tolerance, unit),
                score_text(score)
            ),
            Explanation::NotMet { comparator, target } => match (actual, target) {
                (Some(a), Some(t)) => write!(
                    f,
                    "实际 {} 未达到目标 {}{}，不得分",
                    num_unit(a, unit),
                    comparator.symbol(),
                    num_unit(*t, unit)
                ),
                _ => f.write_str("未达标，不得分"),
            },
            Explanation::Judged { met } => {
                if *met {
                    write!(f, "评价人认定达标，得满分 {}", score_text(score))
                } else {
                    f.write_str("评价人认定未达标，不得分")
                }
            }
            Explanation::Band {
                threshold,
                share_pct,
            } => match threshold {
                Some(t) => write!(
                    f,
                    "实际 {} 达到档次 {}，得分值的 {}%，得 {}",
                    num_unit(a, unit),
                    num_unit(*t, unit),
                    plain(*share_pct),
                    score_text(score)
                ),
                None => write!(f, "实际 {} 未达到任何档次，不得分", num_unit(a, unit)),
            },
            Explanation::Qualitative { grade, share_pct } => write!(
                f,
                "{}，按分值的 {}% 得 {}",
                grade.label(),
                plain(*share_pct),
                score_text(score)
            ),
            Explanation::TextBand {
                grade,
                share_pct,
                phrase,
            } => write!(
                f,
                "按实际完成情况“{phrase}”判定为{}，按分值的 {}% 得 {}",
                grade.label(),
                plain(*share_pct),
                score_text(score)
            ),
            Explanation::NeedsJudgement { why } => {
                write!(f, "待评价人判定：{}，不计分", why.describe())
            }
            Explanation::Deducted { count, points } => {
                if *count == 0 || points.is_zero() {
                    write!(f, "无扣分，得满分 {}", score_text(score))
                } else {
                    write!(
                        f,
                        "{count} 项扣分共 {} 分，得 {}",
                        plain(*points),
                        score_text(score)
                    )
                }
            }
            Explanation::Linear { threshold, points } => {
                if points.is_zero() {
                    write!(
                        f,
                        "实际 {}，未触及扣分阈值 {}，得满分 {}",
                        num_unit(a, unit),
                        num_unit(*threshold, unit),
                        score_text(score)
                    )
                } else {
                    let (word, gap) = if a >= *threshold {
                        ("超过", a.saturating_sub(*threshold))
                    } else {
                        ("低于", threshold.saturating_sub(a))
                    };
                    let gap = plain(round_dp(gap, 4));
                    let gap_unit = if unit == "%" { " 个百分点" } else { unit };
                    write!(
                        f,
                        "实际 {} {word}阈值 {}（相差 {gap}{gap_unit}），扣 {} 分，得 {}",
                        num_unit(a, unit),
                        num_unit(*threshold, unit),
                        plain(round_dp(*points, 4)),
                        score_text(score)
                    )
                }
            }
            Explanation::Execution { rate_pct } => {
                let rate = plain(round_dp(*rate_pct, 2));
                if *rate_pct >= Decimal::ONE_HUNDRED {
                    write!(f, "执行率 {rate}% ≥ 100%，得满分 {}", score_text(score))
                } else {
                    write!(
                        f,
                        "执行率 {rate}%，得 {}（{} × {rate}%）",
                        score_text(score),
                        plain(weight)
                    )
                }
            }
            Explanation::Manual => {
                write!(f, "人工评分 {}：{}", score_text(score), reason_text(reason))
            }
            Explanation::Overridden { computed } => match computed {
                Some(c) => write!(
                    f,
                    "人工调整为 {}（计算得分 {}）：{}",
                    score_text(score),
                    score_text(*c),
                    reason_text(reason)
                ),
                None => write!(
                    f,
                    "人工调整为 {}：{}",
                    score_text(score),
                    reason_text(reason)
                ),
            },
            Explanation::Sum { children } => write!(
                f,
                "{children} 项下级指标合计 {} 分（满分 {}）",
                score_text(score),
                plain(weight)
            ),
            Explanation::NotApplicable => f.write_str("不适用，不计分，其余指标按满分折算"),
            Explanation::MissingActual => f.write_str("未填写实际完成值，暂计 0 分"),
            Explanation::MissingTarget => f.write_str("缺少目标值，无法按规则计分，暂计 0 分"),
            Explanation::Invalid { reason } => write!(f, "{reason}，暂计 0 分"),
        }
    }
}

/// The result of scoring one indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeafScore {
    /// Clamped to [0, 分值] and rounded per the profile (rounded once, here); `None` when the
    /// rule could not produce a score.
    pub score: Option<Decimal>,
    pub explanation: Explanation,
}

impl LeafScore {
    /// Clamps `raw` to [0, 分值] and rounds it per the profile.
    fn new(
        raw: Decimal,
        weight: Decimal,
        rounding: Rounding,
        explanation: Explanation,
    ) -> LeafScore {
        let score = round_score_within(clamp(raw, weight), weight, rounding);
        LeafScore {
            score: Some(score),
            explanation,
        }
    }

    /// The explanation with what it reads from the input it was scored from.
    pub fn explain<'a>(&'a self, input: &LeafInput<'a>) -> Explained<'a> {
        let reason = match input.rule {
            Rule::Manual { reason, .. } => reason.as_str(),
            _ => "",
        };
        self.explanation.with(ExplainCtx {
            score: self.score.unwrap_or(Decimal::ZERO),
            weight: input.weight,
            actual: input.actual,
            unit: &input.target.unit,
            reason,
        })
    }

    fn none(explanation: Explanation) -> LeafScore {
        LeafScore {
            score: None,
            explanation,
        }
    }

    fn invalid(reason: impl Into<String>) -> LeafScore {
        LeafScore::none(Explanation::Invalid {
            reason: reason.into(),
        })
    }
}

/// Clamps a score to [0, 分值] (a negative 分值 clamps to 0).
#[inline]
pub fn clamp(v: Decimal, weight: Decimal) -> Decimal {
    // Sign tests are bit checks; a decimal comparison aligns scales, so do just one.
    if v.is_sign_negative() || v.is_zero() || weight.is_sign_negative() {
        return Decimal::ZERO;
    }
    if ge(weight, v) { v } else { weight }
}

/// Rounds a 三级 score per the profile (2 places, or whole points), half away from zero.
#[inline]
pub fn round_score(v: Decimal, rounding: Rounding) -> Decimal {
    let dp = rounding.places();
    num::widen(round_dp(v, dp), dp)
}

/// Rounds a score in [0, 分值] per the profile without leaving [0, 分值]: when rounding would
/// go above a 分值 with more places than the rounding keeps (10.5 points scored 10.5 under
/// whole-point rounding), the 分值 is rounded down instead (10).
#[inline]
pub fn round_score_within(v: Decimal, weight: Decimal, rounding: Rounding) -> Decimal {
    let r = round_score(v, rounding);
    let dp = rounding.places();
    // A 分值 with no more places than kept cannot be exceeded by rounding.
    if weight.scale() <= dp && !weight.is_sign_negative() {
        return r;
    }
    let hi = num::max(weight, Decimal::ZERO);
    if le(r, hi) {
        return r;
    }
    num::widen(hi.round_dp_with_strategy(dp, RoundingStrategy::ToZero), dp)
}

/// `share_pct` percent of `weight`, saturating (only reached by absurd figures).
#[inline]
fn share(weight: Decimal, share_pct: Decimal) -> Decimal {
    match num::checked_mul(weight, share_pct) {
        // Dividing by 100 is moving the decimal point: exact, and far cheaper than a division.
        Some(mut p) if p.scale() <= 26 => p
            .set_scale(p.scale() + 2)
            .map_or_else(|_| p / Decimal::ONE_HUNDRED, |()| p),
        Some(p) => p / Decimal::ONE_HUNDRED,
        None => (weight / Decimal::ONE_HUNDRED).saturating_mul(share_pct),
    }
}

/// `weight × a / b`, or `None` when `b` is zero or the product overflows.
#[inline]
fn scaled(weight: Decimal, a: Decimal, b: Decimal) -> Option<Decimal> {
    num::checked_mul(weight, a)?.checked_div(b)
}

/// `|a − b|`, saturating.
#[inline]
fn distance(a: Decimal, b: Decimal) -> Decimal {
    a.saturating_sub(b).abs()
}

/// Scores one leaf indicator. Never panics, whatever the numbers.
pub fn score_leaf(input: &LeafInput<'_>) -> LeafScore {
    let w = input.weight;
    let t = input.target;
    let rounding = input.profile.rounding;
    match input.rule {
        Rule::Manual { score, .. } => match score {
            Some(s) => LeafScore::new(*s, w, rounding, Explanation::Manual),
            None => LeafScore::invalid("人工评分尚未填写"),
        },
        Rule::Qualitative { grade, share_pct } => {
            let (lo, hi) = qualitative_range(*grade, &input.profile.qualitative);
            let pct = share_pct.map_or(hi, |p| num::min(num::max(p, lo), hi));
            LeafScore::new(
                share(w, pct),
                w,
                rounding,
                Explanation::Qualitative {
                    grade: *grade,
                    share_pct: pct,
                },
            )
        }
        Rule::QualitativeText => score_text_leaf(input, ""),
        Rule::Deductions { items } => {
            // A deduction written as "-2" still deducts 2.
            let points = super::num::sum(items.iter().map(|d| d.points.abs()));
            LeafScore::new(
                w.saturating_sub(points),
                w,
                rounding,
                Explanation::Deducted {
                    count: items.len(),
                    points,
                },
            )
        }
        Rule::Threshold { met: Some(met) }
            if t.comparator == Comparator::Qualitative || input.actual.is_none() =>
        {
            let s = if *met { w } else { Decimal::ZERO };
            LeafScore::new(s, w, rounding, Explanation::Judged { met: *met })
        }
        Rule::Threshold { met: None } if t.comparator == Comparator::Qualitative => {
            LeafScore::invalid("定性指标尚未认定是否达标")
        }
        _ => score_numeric(input, w, t, rounding),
    }
}

/// Scores a 定性（按文字判定） row from its 实际完成值 as written, with the phrase catalogue of
/// [`super::qualitative`]: a band found scores the top of that band; words the catalogue does
/// not know, a blank or a spreadsheet error leave the row unscored (`score: None`).
pub fn score_text_leaf(input: &LeafInput<'_>, actual_text: &str) -> LeafScore {
    match judge(&input.target.text, actual_text) {
        TextVerdict::Band { grade, phrase } => {
            let pct = qualitative_top(grade, input.profile);
            LeafScore::new(
                share(input.weight, pct),
                input.weight,
                input.profile.rounding,
                Explanation::TextBand {
                    grade,
                    share_pct: pct,
                    phrase,
                },
            )
        }
        TextVerdict::NeedsJudgement(why) => LeafScore::none(Explanation::NeedsJudgement { why }),
    }
}

/// The [bottom, top] of a 定性 band in percent of 分值, with the profile's edges made sane
/// (each within 0–100, 部分达成's edge not above 达成's).
pub fn qualitative_range(grade: QualitativeGrade, q: &QualitativeBands) -> (Decimal, Decimal) {
    let bound = |v: Decimal| num::min(num::max(v, Decimal::ZERO), Decimal::ONE_HUNDRED);
    let achieved = bound(q.achieved_min_pct);
    let partial = num::min(bound(q.partial_min_pct), achieved);
    match grade {
        QualitativeGrade::Achieved => (achieved, Decimal::ONE_HUNDRED),
        QualitativeGrade::Partial => (partial, achieved),
        QualitativeGrade::NotAchieved => (Decimal::ZERO, partial),
    }
}

/// Top of a 定性 band (the default share inside it).
pub fn qualitative_top(grade: QualitativeGrade, p: &ScoringProfile) -> Decimal {
    qualitative_range(grade, &p.qualitative).1
}

fn score_numeric(input: &LeafInput<'_>, w: Decimal, t: &Target, rounding: Rounding) -> LeafScore {
    let Some(a) = input.actual else {
        return LeafScore::none(Explanation::MissingActual);
    };
    if let Rule::ExecutionRate = input.rule {
        let rate = num::max(a, Decimal::ZERO);
        let capped = num::min(rate, Decimal::ONE_HUNDRED);
        return LeafScore::new(
            share(w, capped),
            w,
            rounding,
            Explanation::Execution { rate_pct: rate },
        );
    }
    if let Rule::Bands { bands } = input.rule {
        return score_bands(a, w, t, bands, rounding);
    }
    let Some(target) = t.value else {
        return LeafScore::none(Explanation::MissingTarget);
    };
    let cmp = t.comparator;
    match input.rule {
        Rule::Proportional | Rule::Inverse => {
            let inverse = matches!(input.rule, Rule::Inverse);
            let shown = if inverse {
                Comparator::AtMost
            } else {
                Comparator::AtLeast
            };
            let met = if inverse {
                le(a, target)
            } else {
                ge(a, target)
            };
            if met {
                return LeafScore::new(
                    w,
                    w,
                    rounding,
                    Explanation::Met {
                        comparator: shown,
                        target,
                    },
                );
            }
            // Unmet: a ≥ ratio needs a positive target; a ≤ ratio needs a positive actual
            // (it can only be ≤ 0 here when the target is negative).
            let (top, bottom, bad) = if inverse {
                (target, a, !is_positive(a))
            } else {
                (a, target, !is_positive(target))
            };
            if bad {
                return LeafScore::new(
                    Decimal::ZERO,
                    w,
                    rounding,
                    Explanation::Invalid {
                        reason: format!(
                            "目标值 {} 不为正，无法按比例计分，未达标不得分",
                            plain(target)
                        ),
                    },
                );
            }
            // 分值 × top / bottom, rounded straight to the places kept when the figures allow
            // (the same score as the decimal quotient rounded afterwards, see
            // `num::mul_div_round`); rounding it again below changes nothing.
            let raw = num::mul_div_round(w, top, bottom, rounding.places())
                .or_else(|| scaled(w, top, bottom));
            match raw {
                Some(r) => LeafScore::new(
                    r,
                    w,
                    rounding,
                    Explanation::Proportion {
                        comparator: shown,
                        target,
                    },
                ),
                None => LeafScore::invalid("数值过大，无法计算"),
            }
        }
        Rule::Deviation { tolerance } => {
            let dev = distance(a, target);
            if num::cmp(a, target).is_eq() {
                return LeafScore::new(
                    w,
                    w,
                    rounding,
                    Explanation::Met {
                        comparator: Comparator::Equal,
                        target,
                    },
                );
            }
            if le(dev, tolerance.abs()) {
                return LeafScore::new(
                    w,
                    w,
                    rounding,
                    Explanation::WithinTolerance {
                        target,
                        tolerance: tolerance.abs(),
                    },
                );
            }
            if !is_positive(target) {
                return LeafScore::new(
                    Decimal::ZERO,
                    w,
                    rounding,
                    Explanation::Invalid {
                        reason: format!("偏差扣分需要正的目标值（目标 {}）", plain(target)),
                    },
                );
            }
            let rel = dev.checked_div(target).unwrap_or(Decimal::MAX);
            let raw = w.saturating_mul(Decimal::ONE.saturating_sub(rel));
            LeafScore::new(
                raw,
                w,
                rounding,
                Explanation::Deviation {
                    target,
                    deviation_pct: rel.saturating_mul(Decimal::ONE_HUNDRED),
                },
            )
        }
        Rule::Threshold { .. } => {
            let met = match cmp {
                Comparator::AtMost => le(a, target),
                Comparator::Equal => num::cmp(a, target).is_eq(),
                Comparator::AtLeast | Comparator::Qualitative => ge(a, target),
            };
            if met {
                LeafScore::new(
                    w,
                    w,
                    rounding,
                    Explanation::Met {
                        comparator: cmp,
                        target,
                    },
                )
            } else {
                LeafScore::new(
                    Decimal::ZERO,
                    w,
                    rounding,
                    Explanation::NotMet {
                        comparator: cmp,
                        target: Some(target),
                    },
                )
            }
        }
        Rule::LinearDeduction {
            threshold,
            points_per_step,
            step,
        } => {
            let beyond = match cmp {
                Comparator::AtLeast => threshold.saturating_sub(a),
                Comparator::Equal => distance(a, *threshold),
                Comparator::AtMost | Comparator::Qualitative => a.saturating_sub(*threshold),
            }
            .max(Decimal::ZERO);
            let step = if step.is_zero() {
                Decimal::ONE
            } else {
                step.abs()
            };
            let points = beyond
                .checked_div(step)
                .unwrap_or(Decimal::MAX)
                .saturating_mul(points_per_step.abs());
            LeafScore::new(
                w.saturating_sub(points),
                w,
                rounding,
                Explanation::Linear {
                    threshold: *threshold,
                    points,
                },
            )
        }
        // Handled above; kept total for the compiler.
        Rule::Bands { .. }
        | Rule::ExecutionRate
        | Rule::Qualitative { .. }
        | Rule::QualitativeText
        | Rule::Deductions { .. }
        | Rule::Manual { .. } => LeafScore::invalid("规则不适用于数值"),
    }
}

fn score_bands(
    a: Decimal,
    w: Decimal,
    t: &Target,
    bands: &[Band],
    rounding: Rounding,
) -> LeafScore {
    let at_most = t.comparator == Comparator::AtMost;
    let reaches = |b: &&Band| {
        if at_most {
            le(a, b.threshold)
        } else {
            ge(a, b.threshold)
        }
    };
    // The best band reached wins, whatever order the evaluator typed them in.
    let best = bands
        .iter()
        .filter(reaches)
        .max_by(|x, y| num::cmp(x.share_pct, y.share_pct));
    match best {
        Some(b) => LeafScore::new(
            share(w, b.share_pct),
            w,
            rounding,
            Explanation::Band {
                threshold: Some(b.threshold),
                share_pct: b.share_pct,
            },
        ),
        None => LeafScore::new(
            Decimal::ZERO,
            w,
            rounding,
            Explanation::Band {
                threshold: None,
                share_pct: Decimal::ZERO,
            },
        ),
    }
}
