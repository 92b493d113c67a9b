//! 公布得分核对: a published total, grade, 一级 scores and per-indicator scores against the
//! computed ones (seed 002 publishes 100 while its 预算执行率 64.99% caps the score at 96.50).

use rust_decimal::Decimal;

use super::Scored;
use crate::calc::breakdown::{NodeScore, ScoreBreakdown};
use crate::calc::num::{plain, round2};
use crate::model::{Evaluation, PublishedScore};

use super::finding::{Finding, FindingKind, Location, Side};
use super::indicators::{evaluation_place, indicator_words, same_name};
use super::text::place;

pub const NAME: &str = "公布得分核对";

/// The grade a published word means ("优秀" is 优).
pub fn normalise_grade(g: &str) -> &str {
    match g.trim() {
        "优秀" => "优",
        "良好" => "良",
        "中等" | "一般" | "合格" => "中",
        "较差" | "不合格" => "差",
        other => other,
    }
}

/// Where the computed score lost points: the leaves below full marks, biggest loss first.
fn lost_points(e: &Evaluation, bd: &ScoreBreakdown) -> String {
    let mut leaves: Vec<&NodeScore> = bd
        .nodes
        .iter()
        .filter(|n| n.is_leaf && !n.not_applicable && n.score < n.applicable_weight)
        .collect();
    leaves.sort_by_key(|n| std::cmp::Reverse(n.applicable_weight.saturating_sub(n.score)));
    let words: Vec<String> = leaves
        .iter()
        .take(3)
        .map(|n| {
            let actual = n
                .actual
                .map(|a| format!("，实际完成值 {}", plain(round2(a))))
                .unwrap_or_default();
            format!(
                "「{}」得 {}/{}{actual}",
                n.name(e).trim(),
                plain(n.score),
                plain(n.applicable_weight)
            )
        })
        .collect();
    if words.is_empty() {
        String::new()
    } else {
        format!("按规则扣分的指标：{}。", words.join("；"))
    }
}

pub fn check(scored: &Scored<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (e, bd) in scored.sheets() {
        if let Some(published) = &e.published {
            totals(e, bd, published, &mut out);
            level1(e, bd, published, &mut out);
        }
        indicators(e, bd, &mut out);
    }
    out
}

fn totals(e: &Evaluation, bd: &ScoreBreakdown, published: &PublishedScore, out: &mut Vec<Finding>) {
    let here = place(&[&evaluation_place(e), "总分"]);
    let location = Location::Evaluation { id: e.id.clone() };
    let source = if published.source.trim().is_empty() {
        String::new()
    } else {
        format!("来源：{}。", published.source.trim())
    };
    let computed = bd.total.score;
    if let Some(total) = published.total
        && round2(total) != computed
    {
        let unscored = bd.unscored;
        let (kind, mut hint) = if unscored > 0 {
            (
                FindingKind::Warning,
                format!("尚有 {unscored} 个指标未评分（暂计 0 分），填完后再比较。"),
            )
        } else {
            (FindingKind::Error, String::new())
        };
        hint.push_str(&lost_points(e, bd));
        if computed < total {
            hint.push_str("公布的得分可能未按评分规则扣分。");
        }
        hint.push_str(&source);
        out.push(
            Finding::note(
                NAME,
                kind,
                here.clone(),
                location.clone(),
                format!(
                    "公布的总分为 {}，按评分规则计算为 {}。",
                    plain(total),
                    computed
                ),
                hint,
            )
            .with_sides(
                Side::new("公布总分", total),
                Side::new("计算总分", computed),
            ),
        );
    }
    let grade = published.grade.trim();
    if !grade.is_empty() && normalise_grade(grade) != bd.total.grade {
        out.push(Finding::note(
            NAME,
            FindingKind::Warning,
            place(&[&evaluation_place(e), "等级"]),
            location,
            format!(
                "公布的等级为「{grade}」，按计算总分 {computed} 应为「{}」。",
                bd.total.grade
            ),
            format!("等级由总分按等级区间确定（默认 ≥90 优、≥80 良、≥60 中、<60 差）：核对总分或评分方案的等级区间。{source}"),
        ));
    }
}

fn level1(e: &Evaluation, bd: &ScoreBreakdown, published: &PublishedScore, out: &mut Vec<Finding>) {
    for p in &published.level1 {
        let Some(n) = bd.level1().find(|n| same_name(n.name(e), &p.name)) else {
            out.push(Finding::note(
                NAME,
                FindingKind::Warning,
                place(&[
                    &evaluation_place(e),
                    &format!("一级指标「{}」", p.name.trim()),
                ]),
                Location::Evaluation { id: e.id.clone() },
                format!("公布的一级指标「{}」在指标体系中找不到。", p.name.trim()),
                "核对一级指标名称，或补录该一级指标。".to_owned(),
            ));
            continue;
        };
        let location = Location::indicator(e, n.index);
        let here = place(&[
            &evaluation_place(e),
            &format!("一级指标「{}」", n.name(e).trim()),
        ]);
        if !p.weight.is_zero() && p.weight != n.weight {
            out.push(
                Finding::note(
                    NAME,
                    FindingKind::Error,
                    here.clone(),
                    location.clone(),
                    format!(
                        "公布的分值为 {}，指标体系中为 {}。",
                        plain(p.weight),
                        plain(n.weight)
                    ),
                    "核对该一级指标的分值。".to_owned(),
                )
                .with_sides(
                    Side::new("公布分值", p.weight),
                    Side::new("指标体系分值", n.weight),
                ),
            );
        }
        if round2(p.score) != round2(n.score) {
            out.push(score_mismatch(
                here,
                location,
                p.score,
                n.score,
                "各下级指标的得分",
            ));
        }
    }
}

fn score_mismatch(
    here: String,
    location: Location,
    published: Decimal,
    computed: Decimal,
    what: &str,
) -> Finding {
    Finding::note(
        NAME,
        FindingKind::Warning,
        here,
        location,
        format!(
            "公布的得分为 {}，计算得分为 {}。",
            plain(published),
            plain(computed)
        ),
        format!("核对{what}、实际完成值和评分规则；若公布得分经人工调整，请录入调整理由。"),
    )
    .with_sides(
        Side::new("公布得分", published),
        Side::new("计算得分", computed),
    )
}

fn indicators(e: &Evaluation, bd: &ScoreBreakdown, out: &mut Vec<Finding>) {
    for (ind, n) in e.indicators.iter().zip(&bd.nodes) {
        let Some(published) = ind.published_score else {
            continue;
        };
        if round2(published) == round2(n.score) {
            continue;
        }
        if let crate::calc::rules::Explanation::NeedsJudgement { why } = &n.explanation {
            out.push(Finding::note(
                NAME,
                FindingKind::Info,
                place(&[&evaluation_place(e), &indicator_words(ind)]),
                Location::indicator(e, n.index),
                format!(
                    "公布的得分为 {}；该定性指标待评价人判定（{}），复核暂不计分。",
                    plain(published),
                    why.describe()
                ),
                "在指标编辑中选择“达成 / 部分达成 / 未达成”后再比较。",
            ));
            continue;
        }
        out.push(score_mismatch(
            place(&[&evaluation_place(e), &indicator_words(ind)]),
            Location::indicator(e, n.index),
            published,
            n.score,
            "该指标",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::checks::run_one;
    use crate::model::Workspace;
    use crate::model::{Actual, Indicator, PublishedLevel1, Rule, ScoringProfile, Target};
    use rust_decimal_macros::dec;

    fn ind(level: u8, name: &str, weight: Decimal) -> Indicator {
        Indicator {
            level,
            name: name.to_owned(),
            weight,
            ..Indicator::default()
        }
    }

    /// Seed 002 in miniature: 预算执行率 (10) at 134.5343 / 207 = 64.99% → 6.50; everything
    /// else (90) met in full. Computed total 96.50; the report says 100, 优秀.
    fn seed_002() -> Workspace {
        let mut exec = ind(3, "预算执行率", dec!(10));
        exec.rule = Rule::ExecutionRate;
        exec.target = Target::parse("100%");
        exec.actual = Actual::typed("64.99%");
        let mut output = ind(3, "培训人次", dec!(90));
        output.target = Target::parse("≥343人次");
        output.actual = Actual::typed("343");
        output.published_score = Some(dec!(90));
        Workspace {
            evaluations: vec![crate::model::Evaluation {
                id: "qyfw".to_owned(),
                name: "企业服务活动专项经费".to_owned(),
                year: 2021,
                profile: ScoringProfile::national(),
                indicators: vec![
                    ind(1, "预算执行", dec!(10)),
                    exec,
                    ind(1, "产出指标", dec!(90)),
                    output,
                ],
                published: Some(PublishedScore {
                    total: Some(dec!(100)),
                    grade: "优秀".to_owned(),
                    level1: vec![PublishedLevel1 {
                        name: "预算执行".to_owned(),
                        weight: dec!(10),
                        score: dec!(10),
                    }],
                    source: "002 自评报告".to_owned(),
                }),
                ..crate::model::Evaluation::default()
            }],
            ..Workspace::default()
        }
    }

    #[test]
    fn seed_002_published_100_against_computed_96_50() {
        let f = run_one(check, &seed_002());
        // Total 100 vs 96.50 (error), 一级 预算执行 10 vs 6.50 (warning); grade 优 = 优.
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(f[0].kind, FindingKind::Error);
        assert_eq!(f[0].left.as_ref().unwrap().amount, dec!(100));
        assert_eq!(f[0].right.as_ref().unwrap().amount, dec!(96.50));
        assert_eq!(f[0].difference, Some(dec!(3.50)));
        assert!(
            f[0].hint
                .contains("「预算执行率」得 6.5/10，实际完成值 64.99"),
            "{}",
            f[0].hint
        );
        assert_eq!(f[1].kind, FindingKind::Warning);
        assert_eq!(f[1].right.as_ref().unwrap().amount, dec!(6.50));
    }

    #[test]
    fn matching_publication_gives_nothing_and_grades_are_compared() {
        let mut ws = seed_002();
        let e = &mut ws.evaluations[0];
        let p = e.published.as_mut().unwrap();
        p.total = Some(dec!(96.5));
        p.level1[0].score = dec!(6.5);
        assert_eq!(run_one(check, &ws), vec![]);
        ws.evaluations[0].published.as_mut().unwrap().grade = "良".to_owned();
        let f = run_one(check, &ws);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("应为「优」"));
    }

    #[test]
    fn indicator_published_scores() {
        let mut ws = seed_002();
        ws.evaluations[0].published = None;
        ws.evaluations[0].indicators[3].published_score = Some(dec!(80));
        let f = run_one(check, &ws);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].difference, Some(dec!(-10)));
        assert!(f[0].place.ends_with("三级指标「培训人次」"));
    }
}
