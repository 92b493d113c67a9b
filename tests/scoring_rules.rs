//! Every scoring rule (评分规则) on one indicator, with its edge cases and the Chinese line that
//! explains the score. Expected numbers are worked by hand in the comments.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jixiao::calc::Explanation;
use jixiao::calc::rules::{
    LeafInput, LeafScore, clamp, qualitative_top, round_score, round_score_within, score_leaf,
};
use jixiao::model::{
    Band, Comparator, Deduction, QualitativeBands, QualitativeGrade, Rounding, Rule,
    ScoringProfile, Target,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// A leaf's score with its explanation as the evaluator reads it.
struct Scored {
    leaf: LeafScore,
    line: String,
}

impl std::ops::Deref for Scored {
    type Target = LeafScore;
    fn deref(&self) -> &LeafScore {
        &self.leaf
    }
}

/// Scores one indicator of `weight` points with the national profile.
fn score(weight: Decimal, target: &str, actual: Option<Decimal>, rule: Rule) -> Scored {
    score_with(&ScoringProfile::national(), weight, target, actual, rule)
}

// Rules by value keep the many call sites short.
#[allow(clippy::needless_pass_by_value)]
fn score_with(
    profile: &ScoringProfile,
    weight: Decimal,
    target: &str,
    actual: Option<Decimal>,
    rule: Rule,
) -> Scored {
    let target = Target::parse(target);
    let input = LeafInput {
        weight,
        target: &target,
        actual,
        rule: &rule,
        profile,
    };
    let leaf = score_leaf(&input);
    let line = leaf.explain(&input).to_string();
    Scored { leaf, line }
}

/// The score as it counts in the sheet (2 places under the national profile).
fn counted(s: &LeafScore) -> Decimal {
    s.score.expect("a score")
}

fn line(s: &Scored) -> String {
    s.line.clone()
}

fn whole_points() -> ScoringProfile {
    ScoringProfile {
        rounding: Rounding::WholePoints,
        ..ScoringProfile::national()
    }
}

// ---------------------------------------------------------------- 正向比例

#[test]
fn proportional_met_scores_full_marks() {
    // Seed 004: ≥7% → 17.1%: met, 5 points.
    let s = score(dec!(5), "≥7%", Some(dec!(17.1)), Rule::Proportional);
    assert_eq!(counted(&s), dec!(5.00));
    assert_eq!(line(&s), "实际 17.1% ≥ 目标 7%，得满分 5.00");
    // Exactly on target is met.
    let s = score(dec!(5), "≥90%", Some(dec!(90)), Rule::Proportional);
    assert_eq!(counted(&s), dec!(5.00));
}

#[test]
fn proportional_below_target_scores_the_ratio() {
    // 20 × 85 / 90 = 18.888… → 18.89.
    let s = score(dec!(20), "≥90%", Some(dec!(85)), Rule::Proportional);
    assert_eq!(counted(&s), dec!(18.89));
    assert_eq!(
        line(&s),
        "实际 85% < 目标 90%，按比例得 18.89（20 × 85 / 90）"
    );
    // Actual 0: 0 points, not a failure.
    let s = score(dec!(20), "≥90%", Some(dec!(0)), Rule::Proportional);
    assert_eq!(s.score, Some(dec!(0)));
}

#[test]
fn proportional_negative_actual_floors_at_zero() {
    // 10 × (−5) / 50 = −1 → clamped to 0.
    let s = score(dec!(10), "≥50", Some(dec!(-5)), Rule::Proportional);
    assert_eq!(s.score, Some(dec!(0)));
}

#[test]
fn proportional_target_zero() {
    // ≥0 with actual 0: met.
    let s = score(dec!(4), "≥0", Some(dec!(0)), Rule::Proportional);
    assert_eq!(counted(&s), dec!(4.00));
    // ≥0 with actual −3: not met, and no ratio to a zero target: 0 points, said so.
    let s = score(dec!(4), "≥0", Some(dec!(-3)), Rule::Proportional);
    assert_eq!(s.score, Some(dec!(0)));
    assert!(line(&s).contains("目标值 0 不为正"), "{}", line(&s));
}

#[test]
fn missing_target_or_actual_is_unscored() {
    let s = score(dec!(5), "", Some(dec!(80)), Rule::Proportional);
    assert_eq!(s.score, None);
    assert_eq!(s.explanation, Explanation::MissingTarget);
    assert_eq!(line(&s), "缺少目标值，无法按规则计分，暂计 0 分");
    let s = score(dec!(5), "≥90%", None, Rule::Proportional);
    assert_eq!(s.score, None);
    assert_eq!(line(&s), "未填写实际完成值，暂计 0 分");
}

// ---------------------------------------------------------------- 反向比例

#[test]
fn inverse_over_target_scores_target_over_actual() {
    // 5 × 450 / 500 = 4.5.
    let s = score(dec!(5), "≤450 元/人·天", Some(dec!(500)), Rule::Inverse);
    assert_eq!(counted(&s), dec!(4.50));
    assert_eq!(
        line(&s),
        "实际 500元/人·天 > 目标 450元/人·天，按比例得 4.50（5 × 450 / 500）"
    );
    // Under the target: full.
    let s = score(dec!(5), "≤450 元/人·天", Some(dec!(420)), Rule::Inverse);
    assert_eq!(counted(&s), dec!(5.00));
    assert_eq!(line(&s), "实际 420元/人·天 ≤ 目标 450元/人·天，得满分 5.00");
}

#[test]
fn inverse_actual_zero_is_full_marks() {
    // 预算调整率 ≤30% with no adjustment at all.
    let s = score(dec!(4), "≤30%", Some(dec!(0)), Rule::Inverse);
    assert_eq!(counted(&s), dec!(4.00));
    // Target 0 and actual 0: met as well.
    let s = score(dec!(4), "≤0%", Some(dec!(0)), Rule::Inverse);
    assert_eq!(counted(&s), dec!(4.00));
}

#[test]
fn inverse_target_zero_actual_positive_scores_zero() {
    // "三公经费"变动率 ≤0, actual 5%: 4 × 0 / 5 = 0.
    let s = score(dec!(4), "≤0%", Some(dec!(5)), Rule::Inverse);
    assert_eq!(s.score, Some(dec!(0)));
}

#[test]
fn inverse_negative_target() {
    // ≤ −5%, actual 0: not met, and a ratio to a non-positive actual means nothing: 0.
    let s = score(dec!(4), "≤-5%", Some(dec!(0)), Rule::Inverse);
    assert_eq!(s.score, Some(dec!(0)));
    assert!(line(&s).contains("不为正"), "{}", line(&s));
    // ≤ −5%, actual −8%: met.
    let s = score(dec!(4), "≤-5%", Some(dec!(-8)), Rule::Inverse);
    assert_eq!(counted(&s), dec!(4.00));
}

// ---------------------------------------------------------------- 偏差扣分

#[test]
fn deviation_deducts_the_relative_gap() {
    // 10 × (1 − |95 − 100| / 100) = 9.5.
    let rule = Rule::Deviation { tolerance: dec!(0) };
    let s = score(dec!(10), "=100", Some(dec!(95)), rule.clone());
    assert_eq!(counted(&s), dec!(9.50));
    assert_eq!(line(&s), "实际 95 偏离目标 100 的 5%，得 9.50");
    // Above the target counts the same: |105 − 100| / 100.
    let s = score(dec!(10), "=100", Some(dec!(105)), rule.clone());
    assert_eq!(counted(&s), dec!(9.50));
    // Exactly on target.
    let s = score(dec!(10), "=100", Some(dec!(100)), rule.clone());
    assert_eq!(line(&s), "实际 100 = 目标 100，得满分 10.00");
    // 250 on 100: 1 − 1.5 < 0 → floored at 0.
    let s = score(dec!(10), "=100", Some(dec!(250)), rule);
    assert_eq!(s.score, Some(dec!(0)));
}

#[test]
fn deviation_within_tolerance_is_full_and_says_so() {
    let rule = Rule::Deviation { tolerance: dec!(5) };
    let s = score(dec!(10), "=100%", Some(dec!(96)), rule.clone());
    assert_eq!(counted(&s), dec!(10.00));
    assert_eq!(
        line(&s),
        "实际 96% 与目标 100% 的偏差在允许的 ±5% 以内，得满分 10.00"
    );
    // Just outside: the whole deviation counts, 10 × (1 − 6/100) = 9.4.
    let s = score(dec!(10), "=100%", Some(dec!(94)), rule);
    assert_eq!(counted(&s), dec!(9.40));
}

#[test]
fn deviation_needs_a_positive_target() {
    let s = score(
        dec!(10),
        "=0",
        Some(dec!(1)),
        Rule::Deviation { tolerance: dec!(0) },
    );
    assert_eq!(s.score, Some(dec!(0)));
    assert!(line(&s).contains("偏差扣分需要正的目标值"), "{}", line(&s));
}

// ---------------------------------------------------------------- 达标制

#[test]
fn threshold_all_or_nothing() {
    let rule = Rule::Threshold { met: None };
    let s = score(dec!(5), "≥90%", Some(dec!(90)), rule.clone());
    assert_eq!(counted(&s), dec!(5.00));
    let s = score(dec!(5), "≥90%", Some(dec!(89.99)), rule.clone());
    assert_eq!(s.score, Some(dec!(0)));
    assert_eq!(line(&s), "实际 89.99% 未达到目标 ≥90%，不得分");
    // ≤ targets.
    let s = score(dec!(5), "≤20%", Some(dec!(20.01)), rule.clone());
    assert_eq!(s.score, Some(dec!(0)));
    let s = score(dec!(5), "≤20%", Some(dec!(3)), rule);
    assert_eq!(counted(&s), dec!(5.00));
}

#[test]
fn threshold_on_a_qualitative_target_is_the_evaluators_call() {
    let s = score(dec!(3), "及时", None, Rule::Threshold { met: Some(true) });
    assert_eq!(counted(&s), dec!(3.00));
    assert_eq!(line(&s), "评价人认定达标，得满分 3.00");
    let s = score(dec!(3), "及时", None, Rule::Threshold { met: Some(false) });
    assert_eq!(s.score, Some(dec!(0)));
    assert_eq!(line(&s), "评价人认定未达标，不得分");
    // Not yet decided: unscored, and the line says what is missing.
    let s = score(dec!(3), "及时", None, Rule::Threshold { met: None });
    assert_eq!(s.score, None);
    assert_eq!(line(&s), "定性指标尚未认定是否达标，暂计 0 分");
}

// ---------------------------------------------------------------- 区间档次

fn bands(pairs: &[(i64, i64)]) -> Rule {
    Rule::Bands {
        bands: pairs
            .iter()
            .map(|&(t, s)| Band {
                threshold: Decimal::from(t),
                share_pct: Decimal::from(s),
            })
            .collect(),
    }
}

#[test]
fn bands_in_either_order_give_the_best_band_reached() {
    // ≥95 → 100%, ≥90 → 80%, ≥80 → 60% of 10 points.
    for rule in [
        bands(&[(95, 100), (90, 80), (80, 60)]),
        bands(&[(80, 60), (90, 80), (95, 100)]),
    ] {
        // 92 reaches 90 and 80: best is 80% → 8.
        let s = score(dec!(10), "≥95%", Some(dec!(92)), rule.clone());
        assert_eq!(counted(&s), dec!(8.00));
        assert_eq!(line(&s), "实际 92% 达到档次 90%，得分值的 80%，得 8.00");
        // 95 exactly reaches the top band.
        let s = score(dec!(10), "≥95%", Some(dec!(95)), rule.clone());
        assert_eq!(counted(&s), dec!(10.00));
        // 79.9 reaches none.
        let s = score(dec!(10), "≥95%", Some(dec!(79.9)), rule);
        assert_eq!(s.score, Some(dec!(0)));
        assert_eq!(line(&s), "实际 79.9% 未达到任何档次，不得分");
    }
}

#[test]
fn bands_under_a_at_most_target_count_downwards() {
    // ≤3 → 100%, ≤5 → 60% of 10 points.
    let rule = bands(&[(5, 60), (3, 100)]);
    // 4 reaches only ≤5: 6.
    let s = score(dec!(10), "≤3%", Some(dec!(4)), rule.clone());
    assert_eq!(counted(&s), dec!(6.00));
    let s = score(dec!(10), "≤3%", Some(dec!(2)), rule.clone());
    assert_eq!(counted(&s), dec!(10.00));
    let s = score(dec!(10), "≤3%", Some(dec!(5.1)), rule);
    assert_eq!(s.score, Some(dec!(0)));
}

// ---------------------------------------------------------------- 定性分档

fn qualitative(grade: QualitativeGrade, share_pct: Option<Decimal>) -> Rule {
    Rule::Qualitative { grade, share_pct }
}

#[test]
fn qualitative_defaults_to_the_top_of_the_band() {
    // National 100/80/60 on 5 points: 5, 4, 3.
    let s = score(
        dec!(5),
        "健全",
        None,
        qualitative(QualitativeGrade::Achieved, None),
    );
    assert_eq!(counted(&s), dec!(5.00));
    assert_eq!(line(&s), "达成年度指标，按分值的 100% 得 5.00");
    let s = score(
        dec!(5),
        "健全",
        None,
        qualitative(QualitativeGrade::Partial, None),
    );
    assert_eq!(counted(&s), dec!(4.00));
    assert_eq!(line(&s), "部分达成并具有一定效果，按分值的 80% 得 4.00");
    let s = score(
        dec!(5),
        "健全",
        None,
        qualitative(QualitativeGrade::NotAchieved, None),
    );
    assert_eq!(counted(&s), dec!(3.00));
    assert_eq!(line(&s), "未达成且效果较差，按分值的 60% 得 3.00");
}

#[test]
fn qualitative_with_custom_edges_100_80_50() {
    let profile = ScoringProfile {
        qualitative: QualitativeBands {
            achieved_min_pct: dec!(80),
            partial_min_pct: dec!(50),
        },
        ..ScoringProfile::national()
    };
    assert_eq!(
        qualitative_top(QualitativeGrade::NotAchieved, &profile),
        dec!(50)
    );
    // 未达成: top is now 50% of 5 = 2.5.
    let s = score_with(
        &profile,
        dec!(5),
        "显著",
        None,
        qualitative(QualitativeGrade::NotAchieved, None),
    );
    assert_eq!(counted(&s), dec!(2.50));
    // 部分达成 at 55%: inside [50, 80] → 5 × 55% = 2.75.
    let s = score_with(
        &profile,
        dec!(5),
        "显著",
        None,
        qualitative(QualitativeGrade::Partial, Some(dec!(55))),
    );
    assert_eq!(counted(&s), dec!(2.75));
    // 部分达成 at 45%: below the band, held at its bottom 50% → 2.5.
    let s = score_with(
        &profile,
        dec!(5),
        "显著",
        None,
        qualitative(QualitativeGrade::Partial, Some(dec!(45))),
    );
    assert_eq!(counted(&s), dec!(2.50));
    assert_eq!(line(&s), "部分达成并具有一定效果，按分值的 50% 得 2.50");
}

#[test]
fn qualitative_share_is_kept_inside_its_band() {
    // 部分达成 at 95% would be 达成's share: held at the band's top, 80% of 10 = 8.
    let s = score(
        dec!(10),
        "",
        None,
        qualitative(QualitativeGrade::Partial, Some(dec!(95))),
    );
    assert_eq!(counted(&s), dec!(8.00));
    // 达成 at 120%: 100% at most.
    let s = score(
        dec!(10),
        "",
        None,
        qualitative(QualitativeGrade::Achieved, Some(dec!(120))),
    );
    assert_eq!(counted(&s), dec!(10.00));
    // 达成 at 85%: as chosen, 8.5.
    let s = score(
        dec!(10),
        "",
        None,
        qualitative(QualitativeGrade::Achieved, Some(dec!(85))),
    );
    assert_eq!(counted(&s), dec!(8.50));
}

#[test]
fn qualitative_edges_out_of_order_do_not_break_scoring() {
    // A profile with 部分达成's edge above 达成's: read as both 70.
    let profile = ScoringProfile {
        qualitative: QualitativeBands {
            achieved_min_pct: dec!(70),
            partial_min_pct: dec!(90),
        },
        ..ScoringProfile::national()
    };
    let s = score_with(
        &profile,
        dec!(10),
        "",
        None,
        qualitative(QualitativeGrade::NotAchieved, None),
    );
    assert_eq!(counted(&s), dec!(7.00));
}

// ---------------------------------------------------------------- 扣分制

fn deductions(points: &[Decimal]) -> Rule {
    Rule::Deductions {
        items: points
            .iter()
            .map(|&p| Deduction {
                reason: "资料不全".to_owned(),
                points: p,
            })
            .collect(),
    }
}

#[test]
fn deductions_subtract_and_floor_at_zero() {
    // 10 − 2 − 1.5 = 6.5.
    let s = score(dec!(10), "", None, deductions(&[dec!(2), dec!(1.5)]));
    assert_eq!(counted(&s), dec!(6.50));
    assert_eq!(line(&s), "2 项扣分共 3.5 分，得 6.50");
    // 10 − 7 − 6 < 0 → 0.
    let s = score(dec!(10), "", None, deductions(&[dec!(7), dec!(6)]));
    assert_eq!(s.score, Some(dec!(0)));
    // None listed: full.
    let s = score(dec!(10), "", None, deductions(&[]));
    assert_eq!(counted(&s), dec!(10.00));
    assert_eq!(line(&s), "无扣分，得满分 10.00");
    // A deduction written "-2" deducts 2, never adds.
    let s = score(dec!(10), "", None, deductions(&[dec!(-2)]));
    assert_eq!(counted(&s), dec!(8.00));
}

// ---------------------------------------------------------------- 线性扣分

fn linear(threshold: Decimal, per: Decimal) -> Rule {
    Rule::LinearDeduction {
        threshold,
        points_per_step: per,
        step: dec!(1),
    }
}

#[test]
fn linear_deduction_per_percentage_point() {
    // 在职人员控制率 ≤100%, 0.5 per point above, 5 points: 103.2% → 5 − 3.2 × 0.5 = 3.4.
    let s = score(
        dec!(5),
        "≤100%",
        Some(dec!(103.2)),
        linear(dec!(100), dec!(0.5)),
    );
    assert_eq!(counted(&s), dec!(3.40));
    assert_eq!(
        line(&s),
        "实际 103.2% 超过阈值 100%（相差 3.2 个百分点），扣 1.6 分，得 3.40"
    );
    // At or under the threshold: full.
    let s = score(
        dec!(5),
        "≤100%",
        Some(dec!(100)),
        linear(dec!(100), dec!(0.5)),
    );
    assert_eq!(counted(&s), dec!(5.00));
    assert_eq!(line(&s), "实际 100%，未触及扣分阈值 100%，得满分 5.00");
    // 120%: 20 × 0.5 = 10 > 5 → floored at 0.
    let s = score(
        dec!(5),
        "≤100%",
        Some(dec!(120)),
        linear(dec!(100), dec!(0.5)),
    );
    assert_eq!(s.score, Some(dec!(0)));
}

#[test]
fn linear_deduction_three_public_change_rate() {
    // "三公经费"变动率 ≤0, 0.3 per point, 3 points: +5% → 3 − 1.5 = 1.5.
    let s = score(dec!(3), "≤0%", Some(dec!(5)), linear(dec!(0), dec!(0.3)));
    assert_eq!(counted(&s), dec!(1.50));
    // A fall of 12%: full.
    let s = score(dec!(3), "≤0%", Some(dec!(-12)), linear(dec!(0), dec!(0.3)));
    assert_eq!(counted(&s), dec!(3.00));
    // Without a unit the gap reads as a plain number: 3 above 0 at 0.3 each = 0.9 off 3.
    let s = score(dec!(3), "≤0", Some(dec!(3)), linear(dec!(0), dec!(0.3)));
    assert_eq!(line(&s), "实际 3 超过阈值 0（相差 3），扣 0.9 分，得 2.10");
}

#[test]
fn linear_deduction_below_a_at_least_threshold() {
    // ≥90, 0.2 per point, 4 points: 85 → 4 − 5 × 0.2 = 3.
    let s = score(dec!(4), "≥90%", Some(dec!(85)), linear(dec!(90), dec!(0.2)));
    assert_eq!(counted(&s), dec!(3.00));
    assert_eq!(
        line(&s),
        "实际 85% 低于阈值 90%（相差 5 个百分点），扣 1 分，得 3.00"
    );
}

#[test]
fn linear_deduction_step_and_sign() {
    // 0.5 per 2 points beyond, written as −0.5: 106 on ≤100 → 3 steps × 0.5 = 1.5 off 5.
    let rule = Rule::LinearDeduction {
        threshold: dec!(100),
        points_per_step: dec!(-0.5),
        step: dec!(2),
    };
    let s = score(dec!(5), "≤100%", Some(dec!(106)), rule);
    assert_eq!(counted(&s), dec!(3.50));
    // A zero step is read as 1.
    let rule = Rule::LinearDeduction {
        threshold: dec!(100),
        points_per_step: dec!(0.5),
        step: dec!(0),
    };
    let s = score(dec!(5), "≤100%", Some(dec!(102)), rule);
    assert_eq!(counted(&s), dec!(4.00));
}

// ---------------------------------------------------------------- 预算执行率

#[test]
fn execution_rate_scores_weight_times_rate() {
    // Seed 002: 134.5343 / 207 = 64.99241…%; 10 × 0.6499241… = 6.499… → 6.50.
    let rate = dec!(134.5343) / dec!(207) * dec!(100);
    let s = score(dec!(10), "", Some(rate), Rule::ExecutionRate);
    assert_eq!(counted(&s), dec!(6.50));
    assert_eq!(line(&s), "执行率 64.99%，得 6.50（10 × 64.99%）");
}

#[test]
fn execution_rate_over_100_is_capped() {
    // Seed 004: 107.49% → 10 points, not 10.75.
    let s = score(dec!(10), "", Some(dec!(107.49)), Rule::ExecutionRate);
    assert_eq!(counted(&s), dec!(10.00));
    assert_eq!(line(&s), "执行率 107.49% ≥ 100%，得满分 10.00");
    let s = score(dec!(10), "", Some(dec!(-4)), Rule::ExecutionRate);
    assert_eq!(s.score, Some(dec!(0)));
    let s = score(dec!(10), "", None, Rule::ExecutionRate);
    assert_eq!(s.score, None);
}

#[test]
fn execution_rate_whole_points() {
    // 86.2% on 10 points: 8.62 → 9 under whole-point rounding; the line says 9.
    let s = score_with(
        &whole_points(),
        dec!(10),
        "",
        Some(dec!(86.2)),
        Rule::ExecutionRate,
    );
    assert_eq!(s.score, Some(dec!(9)));
    assert_eq!(line(&s), "执行率 86.2%，得 9（10 × 86.2%）");
}

// ---------------------------------------------------------------- 人工评分

#[test]
fn manual_score_with_reason() {
    let rule = Rule::Manual {
        score: Some(dec!(8.5)),
        reason: "制度健全但执行记录不全".to_owned(),
    };
    let s = score(dec!(10), "", None, rule);
    assert_eq!(counted(&s), dec!(8.50));
    assert_eq!(line(&s), "人工评分 8.50：制度健全但执行记录不全");
    // Above 分值: clamped.
    let s = score(
        dec!(10),
        "",
        None,
        Rule::Manual {
            score: Some(dec!(12)),
            reason: "x".to_owned(),
        },
    );
    assert_eq!(counted(&s), dec!(10.00));
    // Missing reason shows as missing.
    let s = score(
        dec!(10),
        "",
        None,
        Rule::Manual {
            score: Some(dec!(8)),
            reason: "  ".to_owned(),
        },
    );
    assert_eq!(line(&s), "人工评分 8.00：（未填写理由）");
    // Not given yet: unscored.
    let s = score(
        dec!(10),
        "",
        None,
        Rule::Manual {
            score: None,
            reason: String::new(),
        },
    );
    assert_eq!(s.score, None);
    assert_eq!(line(&s), "人工评分尚未填写，暂计 0 分");
}

// ---------------------------------------------------------------- clamping and rounding

#[test]
fn clamp_to_zero_and_weight() {
    assert_eq!(clamp(dec!(12), dec!(10)), dec!(10));
    assert_eq!(clamp(dec!(-1), dec!(10)), dec!(0));
    assert_eq!(clamp(dec!(3), dec!(-5)), dec!(0));
    assert_eq!(clamp(dec!(7.25), dec!(10)), dec!(7.25));
}

#[test]
fn rounding_at_exactly_half_a_cent_goes_away_from_zero() {
    // 未达成 at 50% of 4.69 = 2.345 exactly → 2.35 (banker's rounding would give 2.34).
    let s = score(
        dec!(4.69),
        "",
        None,
        qualitative(QualitativeGrade::NotAchieved, Some(dec!(50))),
    );
    assert_eq!(counted(&s), dec!(2.35));
    assert_eq!(line(&s), "未达成且效果较差，按分值的 50% 得 2.35");
    // 正向比例 1 × 1 / 8 = 0.125 exactly → 0.13 (half-even would give 0.12).
    let s = score(dec!(1), "≥8", Some(dec!(1)), Rule::Proportional);
    assert_eq!(counted(&s), dec!(0.13));
    assert_eq!(line(&s), "实际 1 < 目标 8，按比例得 0.13（1 × 1 / 8）");
    // A manual 2.325 → 2.33 (half-even would give 2.32); 2.3449 stays 2.34.
    let s = score(
        dec!(10),
        "",
        None,
        Rule::Manual {
            score: Some(dec!(2.325)),
            reason: "复核".to_owned(),
        },
    );
    assert_eq!(counted(&s), dec!(2.33));
    assert_eq!(line(&s), "人工评分 2.33：复核");
    assert_eq!(round_score(dec!(2.3449), Rounding::Cents), dec!(2.34));
    // Always shown with two places.
    assert_eq!(round_score(dec!(28), Rounding::Cents).to_string(), "28.00");
}

#[test]
fn whole_point_rounding_half_away_from_zero() {
    assert_eq!(round_score(dec!(8.62), Rounding::WholePoints), dec!(9));
    assert_eq!(round_score(dec!(8.5), Rounding::WholePoints), dec!(9));
    assert_eq!(round_score(dec!(8.49), Rounding::WholePoints), dec!(8));
    assert_eq!(round_score(dec!(2.5), Rounding::WholePoints), dec!(3));
}

#[test]
fn rounding_never_lifts_a_score_above_a_fractional_weight() {
    // Regression (found by the property tests): 10.5 points, full marks, whole-point
    // rounding gave round(10.5) = 11 > 10.5. The 分值 is rounded down instead: 10.
    let s = score_with(
        &whole_points(),
        dec!(10.5),
        "",
        Some(dec!(100)),
        Rule::ExecutionRate,
    );
    assert_eq!(s.score, Some(dec!(10)));
    assert_eq!(line(&s), "执行率 100% ≥ 100%，得满分 10");
    assert_eq!(
        round_score_within(dec!(10.5), dec!(10.5), Rounding::WholePoints),
        dec!(10)
    );
    // The same at 2 places with a 3-place 分值: 4.695 → 4.69, not 4.70.
    assert_eq!(
        round_score_within(dec!(4.695), dec!(4.695), Rounding::Cents),
        dec!(4.69)
    );
    // Below the cap nothing changes: 8.62 → 9 on 10 points.
    assert_eq!(
        round_score_within(dec!(8.62), dec!(10), Rounding::WholePoints),
        dec!(9)
    );
}

#[test]
fn zero_weight_scores_zero_whatever_the_rule() {
    let s = score(dec!(0), "≥90%", Some(dec!(95)), Rule::Proportional);
    assert_eq!(s.score, Some(dec!(0)));
    let s = score(dec!(0), "", Some(dec!(95)), Rule::ExecutionRate);
    assert_eq!(s.score, Some(dec!(0)));
}

#[test]
fn comparator_symbol_of_a_met_threshold_follows_the_target() {
    let s = score(dec!(2), "≤5%", Some(dec!(4)), Rule::Threshold { met: None });
    assert_eq!(line(&s), "实际 4% ≤ 目标 5%，得满分 2.00");
    assert_eq!(
        s.explanation,
        Explanation::Met {
            comparator: Comparator::AtMost,
            target: dec!(5),
        }
    );
}
