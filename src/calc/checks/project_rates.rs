//! 支出与拨付进度 and 公布比率核对: a project reported or computed as fully spent while little of
//! it reached the final beneficiaries (seed 004 says 100% spent, seed 000 says 50.75% reached
//! the firms); and every rate a report published about a project against the computed one.

use rust_decimal::Decimal;

use crate::calc::metrics::{has_disbursements, project_metric};
use crate::calc::num::{pct_points_text, round_dp, round2, to_pct};
use crate::model::{DisbursementStage, Project, ProjectMetric, Workspace};

use super::execution::execution_base;
use super::finding::{Finding, FindingKind, Location, Side};
use super::text::{place, project_label, project_place};

pub const NAME_GAP: &str = "支出与拨付进度";
pub const NAME_PUBLISHED: &str = "公布比率核对";

/// A project counts as fully spent from this rate (percent points).
pub const FULLY_SPENT_PCT: Decimal = Decimal::ONE_HUNDRED;
/// Below this share reaching the final beneficiaries (percent points), a fully spent project is
/// flagged.
pub const BENEFICIARY_GAP_PCT: Decimal = rust_decimal_macros::dec!(90);

const BENEFICIARIES: ProjectMetric =
    ProjectMetric::DisbursementRate(DisbursementStage::ToBeneficiaries);

fn source_words(source: &str) -> String {
    if source.trim().is_empty() {
        String::new()
    } else {
        format!("（{}）", source.trim())
    }
}

/// The evidence that the project is fully spent: a published rate, else the computed one.
fn spent(ws: &Workspace, p: &Project) -> Option<(Decimal, String)> {
    let published = p.published.iter().find(|f| {
        matches!(
            f.metric,
            ProjectMetric::SpendingRate | ProjectMetric::ExecutionRate
        ) && f.value_pct >= FULLY_SPENT_PCT
    });
    if let Some(f) = published {
        return Some((
            f.value_pct,
            format!("公布的{}{}", f.metric.label(), source_words(&f.source)),
        ));
    }
    let m = project_metric(p, ProjectMetric::ExecutionRate, execution_base(ws, p));
    let pct = to_pct(m.ratio?);
    (pct >= FULLY_SPENT_PCT).then(|| (round2(pct), format!("计算的预算执行率（{}）", m.formula)))
}

/// How much reached the final beneficiaries: from the disbursement records, else published.
fn reached(p: &Project) -> Option<(Decimal, String)> {
    if has_disbursements(p, DisbursementStage::ToBeneficiaries) {
        let m = project_metric(p, BENEFICIARIES, crate::model::ExecutionBase::Adjusted);
        return m
            .ratio
            .map(|r| (round2(to_pct(r)), format!("按拨付记录计算的{}", m.name)));
    }
    p.published
        .iter()
        .find(|f| f.metric == BENEFICIARIES)
        .map(|f| {
            (
                f.value_pct,
                format!("公布的{}{}", f.metric.label(), source_words(&f.source)),
            )
        })
}

pub fn check_gap(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &ws.projects {
        let (Some((spent_pct, spent_label)), Some((reach_pct, reach_label))) =
            (spent(ws, p), reached(p))
        else {
            continue;
        };
        if reach_pct >= BENEFICIARY_GAP_PCT {
            continue;
        }
        out.push(
            Finding::note(
                NAME_GAP,
                FindingKind::Warning,
                place(&[&project_place(p), "支出与拨付"]),
                Location::project(&p.id, Some("disbursements")),
                format!(
                    "{}的资金已算作支出（{} {}），但拨付至最终受益对象的比率仅 {}。",
                    project_label(p),
                    spent_label,
                    pct_points_text(spent_pct),
                    pct_points_text(reach_pct)
                ),
                "资金拨付至区县即计为支出，企业未必已收到：核对区县（市）向最终受益对象的拨付进度，并在评价结论和存在问题中如实反映。".to_owned(),
            )
            .with_sides(
                Side::new(format!("{spent_label}（%）"), spent_pct),
                Side::new(format!("{reach_label}（%）"), reach_pct),
            ),
        );
    }
    out
}

pub fn check_published(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &ws.projects {
        let base = execution_base(ws, p);
        for (i, f) in p.published.iter().enumerate() {
            let m = project_metric(p, f.metric, base);
            let here = place(&[&project_place(p), f.metric.label()]);
            let location = Location::project(&p.id, Some(&format!("published[{i}]")));
            let published = format!("公布的{}{}", f.metric.label(), source_words(&f.source));
            let Some(r) = m.ratio else {
                out.push(Finding::note(
                    NAME_PUBLISHED,
                    FindingKind::Info,
                    here,
                    location,
                    format!(
                        "{published}为 {}，无法核对：{}。",
                        pct_points_text(f.value_pct),
                        m.missing.unwrap_or_default()
                    ),
                    format!("补齐公式所需的数据（{}）后即可核对。", m.formula),
                ));
                continue;
            };
            let computed = to_pct(r);
            let at_published_precision = round_dp(computed, f.value_pct.scale());
            if at_published_precision == f.value_pct {
                continue;
            }
            out.push(
                Finding::note(
                    NAME_PUBLISHED,
                    FindingKind::Warning,
                    here,
                    location,
                    format!(
                        "{published}为 {}，按 {} 计算为 {}。",
                        pct_points_text(f.value_pct),
                        m.formula,
                        pct_points_text(computed)
                    ),
                    "公布数与按数据计算的结果不一致：核对报告采用的口径（分母）和数据，或报告本身的表述。".to_owned(),
                )
                .with_sides(
                    Side::new(format!("{published}（%）"), f.value_pct),
                    Side::new(format!("计算的{}（%）", f.metric.label()), round2(computed)),
                ),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::checks::fixtures::{project, v};
    use crate::model::{Disbursement, PublishedFigure};
    use rust_decimal_macros::dec;

    fn published(metric: ProjectMetric, value_pct: Decimal, source: &str) -> PublishedFigure {
        PublishedFigure {
            metric,
            value_pct,
            source: source.to_owned(),
        }
    }

    /// Seed 004's fund: 年初 6,800, executed 7,309.62, 100% "spent" as published.
    fn lv() -> Project {
        let mut p = project("lv", 2021, v(dec!(6800)));
        p.executed = v(dec!(7309.62));
        p.published = vec![published(
            ProjectMetric::SpendingRate,
            dec!(100),
            "004 自评报告",
        )];
        p
    }

    #[test]
    fn fully_spent_but_not_reaching_firms() {
        let mut p = lv();
        // Seed 000: 50.75% reached the firms (3,451 / 6,800 = 0.50750).
        p.published
            .push(published(BENEFICIARIES, dec!(50.75), "000 部门整体评价"));
        let ws = Workspace {
            projects: vec![p.clone()],
            ..Workspace::default()
        };
        let f = check_gap(&ws);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].kind, FindingKind::Warning);
        assert_eq!(f[0].left.as_ref().unwrap().amount, dec!(100));
        assert_eq!(f[0].right.as_ref().unwrap().amount, dec!(50.75));
        assert_eq!(f[0].difference, Some(dec!(49.25)));
        assert!(f[0].message.contains("50.75%"));
        // From disbursement records instead: 3,451 / 6,800 = 50.75%.
        p.published.pop();
        p.disbursements.push(Disbursement {
            amount: v(dec!(3451)),
            stage: DisbursementStage::ToBeneficiaries,
            ..Disbursement::default()
        });
        let ws = Workspace {
            projects: vec![p],
            ..Workspace::default()
        };
        let f = check_gap(&ws);
        assert_eq!(f[0].right.as_ref().unwrap().amount, dec!(50.75));
    }

    #[test]
    fn no_gap_when_most_reached() {
        let mut p = lv();
        p.published.push(published(BENEFICIARIES, dec!(96.13), ""));
        let ws = Workspace {
            projects: vec![p],
            ..Workspace::default()
        };
        assert_eq!(check_gap(&ws), vec![]);
    }

    #[test]
    fn published_rates_against_computed_ones() {
        let mut p = lv();
        // 107.49 is right against 年初 6,800; 到位率 cannot be computed (no 实际到位资金).
        p.published
            .push(published(ProjectMetric::ExecutionRate, dec!(107.49), ""));
        p.published
            .push(published(ProjectMetric::ReceivedRate, dec!(100), ""));
        let ws = Workspace {
            projects: vec![p.clone()],
            ..Workspace::default()
        };
        let f = check_published(&ws);
        // SpendingRate 100 vs executed / budget = 107.49%: a warning; 到位率: info.
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(f[0].kind, FindingKind::Warning);
        assert_eq!(f[0].left.as_ref().unwrap().amount, dec!(100));
        assert_eq!(f[0].right.as_ref().unwrap().amount, dec!(107.49));
        assert_eq!(f[1].kind, FindingKind::Info);
        assert!(
            f[1].message.contains("缺少实际到位资金"),
            "{}",
            f[1].message
        );
    }
}
