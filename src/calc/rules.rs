//! Scoring one indicator by its rule (评分规则), clamped to [0, 分值], with the explanation
//! kept as data so that rendering it costs nothing until someone reads it.

use std::fmt;

use rust_decimal::Decimal;
use serde::Serialize;

use super::num::{plain, round_dp, round2};
use crate::model::{Comparator, QualitativeGrade, Rounding, Rule, ScoringProfile, Target};

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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Explanation {
    /// The target is met: full marks.
    Met {
        comparator: Comparator,
        actual: Decimal,
        target: Decimal,
        unit: String,
        score: Decimal,
    },
    /// 正向/反向比例 below target.
    Proportion {
        comparator: Comparator,
        actual: Decimal,
        target: Decimal,
        unit: String,
        weight: Decimal,
        score: Decimal,
    },
    /// 偏差扣分.
    Deviation {
        actual: Decimal,
        target: Decimal,
        unit: String,
        deviation_pct: Decimal,
        score: Decimal,
    },
    /// 达标制, not met.
    NotMet {
        comparator: Comparator,
        actual: Option<Decimal>,
        target: Option<Decimal>,
        unit: String,
    },
    /// 达标制 on a 定性 target, the evaluator's call.
    Judged { met: bool, score: Decimal },
    /// 区间档次.
    Band {
        actual: Decimal,
        unit: String,
        threshold: Option<Decimal>,
        share_pct: Decimal,
        score: Decimal,
    },
    /// 定性分档.
    Qualitative {
        grade: QualitativeGrade,
        share_pct: Decimal,
        score: Decimal,
    },
    /// 扣分制.
    Deducted {
        count: usize,
        points: Decimal,
        score: Decimal,
    },
    /// 线性扣分.
    Linear {
        actual: Decimal,
        threshold: Decimal,
        unit: String,
        points: Decimal,
        score: Decimal,
    },
    /// 预算执行率 rule.
    Execution {
        rate_pct: Decimal,
        weight: Decimal,
        score: Decimal,
    },
    /// 人工评分.
    Manual { score: Decimal, reason: String },
    /// A manual override replaced the computed score.
    Overridden {
        computed: Option<Decimal>,
        score: Decimal,
        reason: String,
    },
    /// Sum of the children (a parent row).
    Sum {
        children: usize,
        score: Decimal,
        weight: Decimal,
    },
    /// 不适用.
    NotApplicable,
    /// No actual yet: counted as 0 until filled in.
    MissingActual,
    /// The rule needs a numeric target and there is none.
    MissingTarget,
    /// The rule cannot apply (e.g. ratio to a target ≤ 0 that is not met).
    Invalid { reason: String },
}

fn num_unit(v: Decimal, unit: &str) -> String {
    if unit == "%" {
        format!("{}%", plain(round_dp(v, 2)))
    } else {
        format!("{}{}", plain(round_dp(v, 4)), unit)
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Explanation::Met {
                comparator,
                actual,
                target,
                unit,
                score,
            } => {
                let sym = match comparator {
                    Comparator::AtMost => "≤",
                    Comparator::Equal => "=",
                    _ => "≥",
                };
                write!(
                    f,
                    "实际 {} {sym} 目标 {}，得满分 {}",
                    num_unit(*actual, unit),
                    num_unit(*target, unit),
                    round2(*score)
                )
            }
            Explanation::Proportion {
                comparator,
                actual,
                target,
                unit,
                weight,
                score,
            } => {
                if *comparator == Comparator::AtMost {
                    write!(
                        f,
                        "实际 {} > 目标 {}，按比例得 {}（{} × {} / {}）",
                        num_unit(*actual, unit),
                        num_unit(*target, unit),
                        round2(*score),
                        plain(*weight),
                        plain(*target),
                        plain(*actual)
                    )
                } else {
                    write!(
                        f,
                        "实际 {} < 目标 {}，按比例得 {}（{} × {} / {}）",
                        num_unit(*actual, unit),
                        num_unit(*target, unit),
                        round2(*score),
                        plain(*weight),
                        plain(*actual),
                        plain(*target)
                    )
                }
            }
            Explanation::Deviation {
                actual,
                target,
                unit,
                deviation_pct,
                score,
            } => write!(
                f,
                "实际 {} 偏离目标 {} 的 {}%，得 {}",
                num_unit(*actual, unit),
                num_unit(*target, unit),
                plain(round_dp(*deviation_pct, 2)),
                round2(*score)
            ),
            Explanation::NotMet {
                comparator,
                actual,
                target,
                unit,
            } => match (actual, target) {
                (Some(a), Some(t)) => write!(
                    f,
                    "实际 {} 未达到目标 {}{}，不得分",
                    num_unit(*a, unit),
                    comparator.symbol(),
                    num_unit(*t, unit)
                ),
                _ => f.write_str("未达标，不得分"),
            },
            Explanation::Judged { met, score } => {
                if *met {
                    write!(f, "评价人认定达标，得满分 {}", round2(*score))
                } else {
                    f.write_str("评价人认定未达标，不得分")
                }
            }
            Explanation::Band {
                actual,
                unit,
                threshold,
                share_pct,
                score,
            } => match threshold {
                Some(t) => write!(
                    f,
                    "实际 {} 达到档次 {}，得分值的 {}%，得 {}",
                    num_unit(*actual, unit),
                    num_unit(*t, unit),
                    plain(*share_pct),
                    round2(*score)
                ),
                None => write!(f, "实际 {} 未达到任何档次，不得分", num_unit(*actual, unit)),
            },
            Explanation::Qualitative {
                grade,
                share_pct,
                score,
            } => {
                write!(
                    f,
                    "{}，按分值的 {}% 得 {}",
                    grade.label(),
                    plain(*share_pct),
                    round2(*score)
                )
            }
            Explanation::Deducted {
                count,
                points,
                score,
            } => {
                if *count == 0 {
                    write!(f, "无扣分项，得满分 {}", round2(*score))
                } else {
                    write!(
                        f,
                        "{count} 项扣分共 {} 分，得 {}",
                        plain(*points),
                        round2(*score)
                    )
                }
            }
            Explanation::Linear {
                actual,
                threshold,
                unit,
                points,
                score,
            } => {
                if points.is_zero() {
                    write!(
                        f,
                        "实际 {} 未超过 {}，得满分 {}",
                        num_unit(*actual, unit),
                        num_unit(*threshold, unit),
                        round2(*score)
                    )
                } else {
                    write!(
                        f,
                        "实际 {} 超出 {}，扣 {} 分，得 {}",
                        num_unit(*actual, unit),
                        num_unit(*threshold, unit),
                        plain(round_dp(*points, 4)),
                        round2(*score)
                    )
                }
            }
            Explanation::Execution {
                rate_pct,
                weight,
                score,
            } => {
                if *rate_pct >= Decimal::ONE_HUNDRED {
                    write!(
                        f,
                        "执行率 {}% ≥ 100%，得满分 {}",
                        round2(*rate_pct),
                        round2(*score)
                    )
                } else {
                    write!(
                        f,
                        "执行率 {}%，得 {}（{} × {}%）",
                        round2(*rate_pct),
                        round2(*score),
                        plain(*weight),
                        round2(*rate_pct)
                    )
                }
            }
            Explanation::Manual { score, reason } => {
                write!(f, "人工评分 {}：{reason}", round2(*score))
            }
            Explanation::Overridden {
                computed,
                score,
                reason,
            } => match computed {
                Some(c) => write!(
                    f,
                    "人工调整为 {}（计算得分 {}）：{reason}",
                    round2(*score),
                    round2(*c)
                ),
                None => write!(f, "人工调整为 {}：{reason}", round2(*score)),
            },
            Explanation::Sum {
                children,
                score,
                weight,
            } => write!(
                f,
                "{children} 项下级指标合计 {} / {}",
                round2(*score),
                plain(*weight)
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
    /// Unrounded, clamped to [0, 分值]; `None` when the rule could not produce a score.
    pub raw: Option<Decimal>,
    pub explanation: Explanation,
}

impl LeafScore {
    fn new(
        raw: Decimal,
        weight: Decimal,
        explanation: impl FnOnce(Decimal) -> Explanation,
    ) -> LeafScore {
        let clamped = clamp(raw, weight);
        LeafScore {
            raw: Some(clamped),
            explanation: explanation(clamped),
        }
    }

    fn none(explanation: Explanation) -> LeafScore {
        LeafScore {
            raw: None,
            explanation,
        }
    }
}

/// Clamps a score to [0, 分值] (a negative 分值 clamps to 0).
pub fn clamp(v: Decimal, weight: Decimal) -> Decimal {
    let hi = weight.max(Decimal::ZERO);
    v.max(Decimal::ZERO).min(hi)
}

/// Rounds a 三级 score per the profile (2 places, or whole points), half away from zero.
pub fn round_score(v: Decimal, rounding: Rounding) -> Decimal {
    match rounding {
        Rounding::Cents => round2(v),
        Rounding::WholePoints => round_dp(v, 0),
    }
}

fn share(weight: Decimal, share_pct: Decimal) -> Decimal {
    weight.saturating_mul(share_pct) / Decimal::ONE_HUNDRED
}

/// `weight × a / b`, or `None` when `b` is zero or the product overflows.
fn scaled(weight: Decimal, a: Decimal, b: Decimal) -> Option<Decimal> {
    weight.checked_mul(a)?.checked_div(b)
}

/// Scores one leaf indicator. Never panics, whatever the numbers.
pub fn score_leaf(input: &LeafInput<'_>) -> LeafScore {
    let w = input.weight;
    let t = input.target;
    let unit = t.unit.clone();
    match input.rule {
        Rule::Manual { score, reason } => match score {
            Some(s) => LeafScore::new(*s, w, |s| Explanation::Manual {
                score: s,
                reason: reason.clone(),
            }),
            None => LeafScore::none(Explanation::Invalid {
                reason: "人工评分尚未填写".to_owned(),
            }),
        },
        Rule::Qualitative { grade, share_pct } => {
            let pct = share_pct.unwrap_or_else(|| qualitative_top(*grade, input.profile));
            LeafScore::new(share(w, pct), w, |s| Explanation::Qualitative {
                grade: *grade,
                share_pct: pct,
                score: s,
            })
        }
        Rule::Deductions { items } => {
            let points = super::num::sum(items.iter().map(|d| d.points));
            LeafScore::new(w.saturating_sub(points), w, |s| Explanation::Deducted {
                count: items.len(),
                points,
                score: s,
            })
        }
        Rule::Threshold { met: Some(met) }
            if t.comparator == Comparator::Qualitative || input.actual.is_none() =>
        {
            let s = if *met { w } else { Decimal::ZERO };
            LeafScore::new(s, w, |s| Explanation::Judged {
                met: *met,
                score: s,
            })
        }
        _ => score_numeric(input, w, t, unit),
    }
}

/// Top of a 定性 band (the default share inside it).
pub fn qualitative_top(grade: QualitativeGrade, p: &ScoringProfile) -> Decimal {
    match grade {
        QualitativeGrade::Achieved => Decimal::ONE_HUNDRED,
        QualitativeGrade::Partial => p.qualitative.achieved_min_pct,
        QualitativeGrade::NotAchieved => p.qualitative.partial_min_pct,
    }
}

fn score_numeric(input: &LeafInput<'_>, w: Decimal, t: &Target, unit: String) -> LeafScore {
    let Some(a) = input.actual else {
        return LeafScore::none(Explanation::MissingActual);
    };
    if let Rule::ExecutionRate = input.rule {
        let rate = a.max(Decimal::ZERO);
        let capped = rate.min(Decimal::ONE_HUNDRED);
        let raw = share(w, capped);
        return LeafScore::new(raw, w, |s| Explanation::Execution {
            rate_pct: rate,
            weight: w,
            score: s,
        });
    }
    if let Rule::Bands { bands } = input.rule {
        return score_bands(a, w, t.comparator, bands, unit);
    }
    let Some(target) = t.value else {
        return LeafScore::none(Explanation::MissingTarget);
    };
    let cmp = t.comparator;
    let met = match cmp {
        Comparator::AtMost => a <= target,
        Comparator::Equal => a == target,
        Comparator::AtLeast | Comparator::Qualitative => a >= target,
    };
    let full = |u: String| {
        move |s| Explanation::Met {
            comparator: cmp,
            actual: a,
            target,
            unit: u,
            score: s,
        }
    };
    match input.rule {
        Rule::Proportional | Rule::Inverse => {
            let inverse = matches!(input.rule, Rule::Inverse);
            let shown = if inverse {
                Comparator::AtMost
            } else {
                Comparator::AtLeast
            };
            let met = if inverse { a <= target } else { a >= target };
            if met {
                return LeafScore::new(w, w, |s| Explanation::Met {
                    comparator: shown,
                    actual: a,
                    target,
                    unit,
                    score: s,
                });
            }
            // Unmet: a ≥ ratio needs a positive target; a ≤ ratio needs a positive actual.
            let (raw, bad) = if inverse {
                (scaled(w, target, a), a <= Decimal::ZERO)
            } else {
                (scaled(w, a, target), target <= Decimal::ZERO)
            };
            if bad {
                return LeafScore::new(Decimal::ZERO, w, |_| Explanation::Invalid {
                    reason: format!("目标值 {} 不为正，未达标不得分", plain(target)),
                });
            }
            match raw {
                Some(r) => LeafScore::new(r, w, |s| Explanation::Proportion {
                    comparator: shown,
                    actual: a,
                    target,
                    unit,
                    weight: w,
                    score: s,
                }),
                None => LeafScore::none(Explanation::Invalid {
                    reason: "数值过大，无法计算".to_owned(),
                }),
            }
        }
        Rule::Deviation { tolerance } => {
            let dev = (a - target).abs();
            if dev <= tolerance.abs() {
                return LeafScore::new(w, w, full(unit));
            }
            if target <= Decimal::ZERO {
                return LeafScore::new(Decimal::ZERO, w, |_| Explanation::Invalid {
                    reason: format!("偏差扣分需要正的目标值（目标 {}）", plain(target)),
                });
            }
            let rel = dev.checked_div(target).unwrap_or(Decimal::MAX);
            let raw = w.saturating_mul(Decimal::ONE.saturating_sub(rel));
            LeafScore::new(raw, w, |s| Explanation::Deviation {
                actual: a,
                target,
                unit,
                deviation_pct: rel.saturating_mul(Decimal::ONE_HUNDRED),
                score: s,
            })
        }
        Rule::Threshold { .. } => {
            if met {
                LeafScore::new(w, w, full(unit))
            } else {
                LeafScore::new(Decimal::ZERO, w, |_| Explanation::NotMet {
                    comparator: cmp,
                    actual: Some(a),
                    target: Some(target),
                    unit,
                })
            }
        }
        Rule::LinearDeduction {
            threshold,
            points_per_step,
            step,
        } => {
            let beyond = if cmp == Comparator::AtLeast {
                *threshold - a
            } else {
                a - *threshold
            };
            let beyond = beyond.max(Decimal::ZERO);
            let step = if step.is_zero() {
                Decimal::ONE
            } else {
                step.abs()
            };
            let points = beyond
                .checked_div(step)
                .unwrap_or(Decimal::MAX)
                .saturating_mul(*points_per_step);
            LeafScore::new(w.saturating_sub(points), w, |s| Explanation::Linear {
                actual: a,
                threshold: *threshold,
                unit,
                points,
                score: s,
            })
        }
        // Handled above; kept total for the compiler.
        Rule::Bands { .. }
        | Rule::ExecutionRate
        | Rule::Qualitative { .. }
        | Rule::Deductions { .. }
        | Rule::Manual { .. } => LeafScore::none(Explanation::Invalid {
            reason: "规则不适用于数值".to_owned(),
        }),
    }
}

fn score_bands(
    a: Decimal,
    w: Decimal,
    cmp: Comparator,
    bands: &[crate::model::Band],
    unit: String,
) -> LeafScore {
    let reaches = |b: &crate::model::Band| {
        if cmp == Comparator::AtMost {
            a <= b.threshold
        } else {
            a >= b.threshold
        }
    };
    // The best band reached wins, whatever order the evaluator typed them in.
    let best = bands
        .iter()
        .filter(|b| reaches(b))
        .max_by(|x, y| x.share_pct.cmp(&y.share_pct));
    match best {
        Some(b) => LeafScore::new(share(w, b.share_pct), w, |s| Explanation::Band {
            actual: a,
            unit,
            threshold: Some(b.threshold),
            share_pct: b.share_pct,
            score: s,
        }),
        None => LeafScore::new(Decimal::ZERO, w, |s| Explanation::Band {
            actual: a,
            unit,
            threshold: None,
            share_pct: Decimal::ZERO,
            score: s,
        }),
    }
}
