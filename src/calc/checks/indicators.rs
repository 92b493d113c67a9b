//! Indicator sheets: 指标分值结构 (children's 分值 = parent's, Σ 一级 = the profile's total, the
//! profile's expected 一级 weights), 评分依据 (overrides and 人工评分 with a reason, links that
//! resolve) and 完成值提示 (targets beaten by far, execution rates above 100%).

use rust_decimal::Decimal;

use crate::calc::breakdown::{ScoreBreakdown, ScoreFlag};
use crate::calc::num::{pct_points_text, plain, sum};
use crate::model::{
    Actual, DepartmentMetric, Evaluation, Indicator, MetricRef, ProjectMetric, Rule,
};

use super::Scored;
use super::finding::{Finding, FindingKind, Location, Side};
use super::text::place;

pub const NAME_WEIGHTS: &str = "指标分值结构";
pub const NAME_BASIS: &str = "评分依据";
pub const NAME_ACTUALS: &str = "完成值提示";

/// "2021年 评价「企业服务活动专项经费自评」".
pub fn evaluation_place(e: &Evaluation) -> String {
    format!("{}年 评价「{}」", e.year, e.name.trim())
}

fn level_word(level: u8) -> &'static str {
    match level {
        1 => "一级指标",
        2 => "二级指标",
        3 => "三级指标",
        _ => "指标",
    }
}

/// "三级指标「预算执行率」".
pub fn indicator_words(ind: &Indicator) -> String {
    format!("{}「{}」", level_word(ind.level), ind.name.trim())
}

fn indicator_finding(
    check: &'static str,
    kind: FindingKind,
    e: &Evaluation,
    index: usize,
    message: String,
    hint: &str,
) -> Finding {
    let what = e
        .indicators
        .get(index)
        .map(indicator_words)
        .unwrap_or_default();
    Finding::note(
        check,
        kind,
        place(&[&evaluation_place(e), &what]),
        Location::indicator(e, index),
        message,
        hint.to_owned(),
    )
}

/// True when two indicator names mean the same 一级指标 ("产出指标" and "产出").
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    !a.is_empty() && !b.is_empty() && (a == b || a.contains(b) || b.contains(a))
}

/// The evaluations that have a sheet, with their breakdowns.
fn sheets<'a>(scored: &Scored<'a>) -> impl Iterator<Item = (&'a Evaluation, &'a ScoreBreakdown)> {
    scored.sheets().filter(|(e, _)| !e.indicators.is_empty())
}

pub fn check_weights(scored: &Scored<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (e, bd) in sheets(scored) {
        for n in &bd.nodes {
            let Some(children) = bd.children_weight(n.index) else {
                continue;
            };
            if children == n.weight {
                continue;
            }
            out.push(
                indicator_finding(
                    NAME_WEIGHTS,
                    FindingKind::Error,
                    e,
                    n.index,
                    format!(
                        "{}「{}」的分值 {} 与其下级指标分值之和 {} 不等。",
                        level_word(n.level),
                        n.name(e).trim(),
                        plain(n.weight),
                        plain(children)
                    ),
                    "调整该指标或其下级指标的分值，使下级分值之和等于上级分值。",
                )
                .with_sides(
                    Side::new("分值", n.weight),
                    Side::new("下级指标分值之和", children),
                ),
            );
        }
        let roots = sum(bd.level1().map(|n| n.weight));
        if roots != e.profile.total {
            out.push(
                Finding::note(
                    NAME_WEIGHTS,
                    FindingKind::Error,
                    place(&[&evaluation_place(e), "总分值"]),
                    Location::Evaluation { id: e.id.clone() },
                    format!(
                        "一级指标分值之和为 {}，而评分方案的满分为 {}。",
                        plain(roots),
                        plain(e.profile.total)
                    ),
                    "调整一级指标的分值，使其合计等于满分（通常为 100 分）。",
                )
                .with_sides(
                    Side::new("一级指标分值之和", roots),
                    Side::new("评分方案满分", e.profile.total),
                ),
            );
        }
        for expected in &e.profile.expected_level1 {
            expected_weight(e, bd, &expected.name, expected.weight, &mut out);
        }
    }
    out
}

fn expected_weight(
    e: &Evaluation,
    bd: &ScoreBreakdown,
    name: &str,
    weight: Decimal,
    out: &mut Vec<Finding>,
) {
    let profile = e.profile.name.trim();
    match bd.level1().find(|n| same_name(n.name(e), name)) {
        Some(n) if n.weight == weight => {}
        Some(n) => out.push(
            indicator_finding(
                NAME_WEIGHTS,
                FindingKind::Warning,
                e,
                n.index,
                format!(
                    "一级指标「{}」的分值为 {}，评分方案「{profile}」规定为 {}。",
                    n.name(e).trim(),
                    plain(n.weight),
                    plain(weight)
                ),
                "若本次评价有意调整权重（如无满意度指标时移至其他指标），请在说明中写明依据。",
            )
            .with_sides(
                Side::new("分值", n.weight),
                Side::new("方案规定分值", weight),
            ),
        ),
        None => out.push(Finding::note(
            NAME_WEIGHTS,
            FindingKind::Warning,
            place(&[&evaluation_place(e), "一级指标"]),
            Location::Evaluation { id: e.id.clone() },
            format!(
                "评分方案「{profile}」规定一级指标「{name}」（{} 分），指标体系中没有。",
                plain(weight)
            ),
            "补上该一级指标，或换用与指标体系相符的评分方案。",
        )),
    }
}

pub fn check_basis(scored: &Scored<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (e, bd) in sheets(scored) {
        for flag in &bd.flags {
            match flag {
                ScoreFlag::MissingReason { index } => {
                    let manual = e.indicators.get(*index).is_some_and(|i| {
                        matches!(i.rule, Rule::Manual { .. }) && i.score_override.is_none()
                    });
                    out.push(indicator_finding(
                        NAME_BASIS,
                        FindingKind::Error,
                        e,
                        *index,
                        if manual {
                            "人工评分没有填写评分理由。".to_owned()
                        } else {
                            "人工调整了计算得分，但没有填写调整理由。".to_owned()
                        },
                        "填写理由（扣分原因或调整依据），评分表和报告会原样列示。",
                    ));
                }
                ScoreFlag::BrokenLink { index, reason } => out.push(indicator_finding(
                    NAME_BASIS,
                    FindingKind::Error,
                    e,
                    *index,
                    format!("实际完成值链接失效：{reason}。"),
                    "重新选择链接的指标，或改为手工填写实际完成值。",
                )),
                ScoreFlag::TargetBeatenByFar { .. } | ScoreFlag::OverExecution { .. } => {}
            }
        }
    }
    out
}

/// True when an actual follows an execution rate (预算执行率) of the department or a project.
fn follows_execution_rate(actual: &Actual) -> bool {
    matches!(
        actual,
        Actual::Linked(
            MetricRef::Department {
                metric: DepartmentMetric::ExecutionRate,
                ..
            } | MetricRef::Project {
                metric: ProjectMetric::ExecutionRate,
                ..
            }
        )
    )
}

pub fn check_actuals(scored: &Scored<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (e, bd) in sheets(scored) {
        let mut over_flagged = Vec::new();
        for flag in &bd.flags {
            match flag {
                ScoreFlag::TargetBeatenByFar {
                    index,
                    actual,
                    target,
                    factor,
                } => out.push(
                    indicator_finding(
                        NAME_ACTUALS,
                        FindingKind::Warning,
                        e,
                        *index,
                        format!(
                            "实际完成值 {} 达到目标值 {} 的 {} 倍以上，目标值可能设置过低。",
                            plain(*actual),
                            plain(*target),
                            plain(*factor)
                        ),
                        "按《项目支出绩效评价管理办法》，目标明显偏低的可酌情扣分；至少在存在问题中说明目标设定不够合理。",
                    )
                    .with_sides(Side::new("实际完成值", *actual), Side::new("目标值", *target)),
                ),
                ScoreFlag::OverExecution { index, rate_pct } => {
                    over_flagged.push(*index);
                    out.push(over_execution(e, *index, *rate_pct));
                }
                ScoreFlag::MissingReason { .. } | ScoreFlag::BrokenLink { .. } => {}
            }
        }
        for n in &bd.nodes {
            let linked_rate = e
                .indicators
                .get(n.index)
                .is_some_and(|i| follows_execution_rate(&i.actual));
            if let Some(a) = n.actual
                && linked_rate
                && a > Decimal::ONE_HUNDRED
                && !over_flagged.contains(&n.index)
            {
                out.push(over_execution(e, n.index, a));
            }
        }
    }
    out
}

fn over_execution(e: &Evaluation, index: usize, rate_pct: Decimal) -> Finding {
    indicator_finding(
        NAME_ACTUALS,
        FindingKind::Warning,
        e,
        index,
        format!(
            "预算执行率为 {}，超过 100%（超预算执行）。",
            pct_points_text(rate_pct)
        ),
        "超预算执行按满分计，但须说明超出部分的资金来源，并核对所用的预算口径（年初/调整后）。",
    )
    .with_sides(
        Side::new("预算执行率（%）", crate::calc::num::round2(rate_pct)),
        Side::new("上限（%）", Decimal::ONE_HUNDRED),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::checks::run_one;
    use crate::model::Workspace;
    use crate::model::{ScoreOverride, ScoringProfile, Target};
    use rust_decimal_macros::dec;

    pub(crate) fn ind(level: u8, name: &str, weight: Decimal) -> Indicator {
        Indicator {
            level,
            name: name.to_owned(),
            weight,
            ..Indicator::default()
        }
    }

    fn leaf(name: &str, weight: Decimal, target: &str, actual: &str) -> Indicator {
        Indicator {
            target: Target::parse(target),
            actual: Actual::typed(actual),
            ..ind(3, name, weight)
        }
    }

    fn ws(indicators: Vec<Indicator>, profile: ScoringProfile) -> Workspace {
        Workspace {
            evaluations: vec![Evaluation {
                id: "e".to_owned(),
                name: "测试评价".to_owned(),
                year: 2021,
                profile,
                indicators,
                ..Evaluation::default()
            }],
            ..Workspace::default()
        }
    }

    #[test]
    fn weights_that_add_up_give_nothing() {
        let sheet = vec![
            ind(1, "产出", dec!(60)),
            leaf("数量", dec!(60), "≥10", "10"),
            ind(1, "效益", dec!(40)),
            leaf("满意度", dec!(40), "≥90%", "95%"),
        ];
        let w = ws(sheet, ScoringProfile::national());
        assert_eq!(run_one(check_weights, &w), vec![]);
        assert_eq!(run_one(check_basis, &w), vec![]);
        assert_eq!(run_one(check_actuals, &w), vec![]);
    }

    #[test]
    fn children_and_total_mismatches_are_errors() {
        let sheet = vec![
            ind(1, "产出", dec!(60)),
            leaf("数量", dec!(50), "≥10", "10"),
            ind(1, "效益", dec!(30)),
            leaf("满意度", dec!(30), "≥90%", "95%"),
        ];
        let f = run_one(check_weights, &ws(sheet, ScoringProfile::national()));
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(f[0].kind, FindingKind::Error);
        assert_eq!(f[0].difference, Some(dec!(10)));
        assert_eq!(f[0].location.to_string(), "evaluation e [0]");
        // Σ 一级 60 + 30 = 90 vs 100.
        assert_eq!(f[1].left.as_ref().unwrap().amount, dec!(90));
        assert_eq!(f[1].difference, Some(dec!(-10)));
    }

    #[test]
    fn expected_level1_weights() {
        let sheet = vec![
            ind(1, "预算执行率", dec!(10)),
            ind(1, "产出指标", dec!(60)),
            ind(1, "效益指标", dec!(30)),
        ];
        let f = run_one(check_weights, &ws(sheet, ScoringProfile::self_evaluation()));
        // 产出 60 vs 50 (warning), 满意度 missing (warning); Σ = 100.
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f.iter().all(|x| x.kind == FindingKind::Warning));
        assert_eq!(f[0].difference, Some(dec!(10)));
        assert!(f[1].message.contains("满意度指标"));
    }

    #[test]
    fn reasons_and_links() {
        let mut manual = ind(1, "人工", dec!(50));
        manual.rule = Rule::Manual {
            score: Some(dec!(40)),
            reason: " ".to_owned(),
        };
        let mut overridden = leaf("数量", dec!(50), "≥10", "10");
        overridden.score_override = Some(ScoreOverride {
            score: dec!(45),
            reason: String::new(),
        });
        let mut linked = leaf("执行率", dec!(0), "≥90%", "");
        linked.actual = Actual::Linked(MetricRef::Project {
            project: "gone".to_owned(),
            metric: ProjectMetric::ExecutionRate,
        });
        let sheet = vec![manual, ind(1, "产出", dec!(50)), overridden, linked];
        let f = run_one(check_basis, &ws(sheet, ScoringProfile::national()));
        assert_eq!(f.len(), 3, "{f:#?}");
        assert!(f.iter().all(|x| x.kind == FindingKind::Error));
        assert!(
            f.iter()
                .any(|x| x.message.contains("人工评分没有填写评分理由"))
        );
        assert!(f.iter().any(|x| x.message.contains("没有填写调整理由")));
        assert!(f.iter().any(|x| x.message.contains("gone")));
    }

    #[test]
    fn target_beaten_by_far_and_over_execution() {
        // Seed 002: planned 343 人次, trained "1200余名" (3.5 × the target).
        let mut exec = leaf("预算执行率", dec!(10), "100%", "107.49%");
        exec.rule = Rule::ExecutionRate;
        let sheet = vec![
            ind(1, "产出", dec!(90)),
            leaf("培训人次", dec!(90), "≥343人次", "1200余名"),
            ind(1, "执行", dec!(10)),
            exec,
        ];
        let f = run_one(check_actuals, &ws(sheet, ScoringProfile::national()));
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f[0].message.contains("目标值可能设置过低"));
        assert_eq!(f[0].left.as_ref().unwrap().amount, dec!(1200));
        assert_eq!(f[0].right.as_ref().unwrap().amount, dec!(343));
        assert!(f[1].message.contains("107.49%"));
        assert!(f[1].message.contains("超预算执行"));
    }
}
