//! 支出与拨付进度 and 公布比率核对: a project reported or computed as fully spent while little of
//! it reached the final beneficiaries (seed 004 says 100% spent, seed 000 says 50.75% reached
//! the firms); and every rate a report published about a project against the computed one.

use rust_decimal::Decimal;

use crate::calc::metrics::{has_disbursements, project_metric};
use crate::calc::num::{pct_points_text, plain, round_dp, round2, to_pct};
use crate::model::{
    DisbursementStage, ExecutionBase, Project, ProjectMetric, PublishedFigure, Workspace,
};

use super::execution::execution_base;
use super::finding::{Finding, FindingKind, Location, ProjectField, Side};
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

/// A rate with what it is and where it comes from.
struct Rate {
    pct: Decimal,
    /// "公布的资金实际支出率", "计算的预算执行率（执行数 / 年初预算）".
    label: String,
    /// The document a published rate comes from (empty when computed).
    source: String,
}

impl Rate {
    fn published(f: &PublishedFigure) -> Rate {
        Rate {
            pct: f.value_pct,
            label: format!("公布的{}", f.metric.label()),
            source: f.source.trim().to_owned(),
        }
    }

    /// "100%" as published, "107.49%" when computed.
    fn text(&self) -> String {
        if self.source.is_empty() {
            pct_points_text(self.pct)
        } else {
            format!("{}%", plain(self.pct))
        }
    }
}

/// The evidence that the project is fully spent: a published 支出率, else a published 执行率,
/// else the computed 执行率.
fn spent(ws: &Workspace, p: &Project) -> Option<Rate> {
    let published = [ProjectMetric::SpendingRate, ProjectMetric::ExecutionRate]
        .iter()
        .find_map(|m| {
            p.published
                .iter()
                .find(|f| f.metric == *m && f.value_pct >= FULLY_SPENT_PCT)
        });
    if let Some(f) = published {
        return Some(Rate::published(f));
    }
    let m = project_metric(p, ProjectMetric::ExecutionRate, execution_base(ws, p));
    let pct = to_pct(m.ratio?);
    (pct >= FULLY_SPENT_PCT).then(|| Rate {
        pct: round2(pct),
        label: format!("按 {} 计算的预算执行率", m.formula),
        source: String::new(),
    })
}

/// How much reached the final beneficiaries: from the disbursement records, else published.
fn reached(p: &Project) -> Option<Rate> {
    if has_disbursements(p, DisbursementStage::ToBeneficiaries) {
        let m = project_metric(p, BENEFICIARIES, ExecutionBase::Adjusted);
        return m.ratio.map(|r| Rate {
            pct: round2(to_pct(r)),
            label: format!("按拨付记录计算的{}", m.name),
            source: String::new(),
        });
    }
    p.published
        .iter()
        .find(|f| f.metric == BENEFICIARIES)
        .map(Rate::published)
}

/// "来源：…；…" for the published rates among `rates`.
fn sources(rates: &[&Rate]) -> String {
    let named: Vec<String> = rates
        .iter()
        .filter(|r| !r.source.is_empty())
        .map(|r| format!("{}见 {}", r.label, r.source))
        .collect();
    if named.is_empty() {
        String::new()
    } else {
        format!("来源：{}。", named.join("；"))
    }
}

pub fn check_gap(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &ws.projects {
        let (Some(spent), Some(reach)) = (spent(ws, p), reached(p)) else {
            continue;
        };
        if reach.pct >= BENEFICIARY_GAP_PCT {
            continue;
        }
        out.push(
            Finding::note(
                NAME_GAP,
                FindingKind::Warning,
                place(&[&project_place(p), "支出与拨付"]),
                Location::project_field(&p.id, "disbursements"),
                format!(
                    "{}{}为 {}，资金已算作支出，但{}仅 {}。",
                    project_label(p),
                    spent.label,
                    spent.text(),
                    reach.label,
                    reach.text()
                ),
                format!(
                    "资金拨付至区县即计为支出，企业未必已收到：核对区县（市）向最终受益对象的拨付进度，并在评价结论和存在问题中如实反映。{}",
                    sources(&[&spent, &reach])
                ),
            )
            .with_sides(
                Side::new(format!("{}（%）", spent.label), spent.pct),
                Side::new(format!("{}（%）", reach.label), reach.pct),
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
            let location = Location::project(&p.id, Some(ProjectField::Published(i)));
            let rate = Rate::published(f);
            let published = rate.label.clone();
            let source = sources(&[&rate]);
            let Some(r) = m.ratio else {
                out.push(Finding::note(
                    NAME_PUBLISHED,
                    FindingKind::Info,
                    here,
                    location,
                    format!(
                        "{published}为 {}，无法核对：{}。",
                        rate.text(),
                        m.missing.unwrap_or_default()
                    ),
                    format!("补齐公式所需的数据（{}）后即可核对。{source}", m.formula),
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
                        rate.text(),
                        m.formula,
                        pct_points_text(computed)
                    ),
                    format!("公布数与按数据计算的结果不一致：核对报告采用的口径（分母）和数据，或报告本身的表述。{source}"),
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
    use crate::model::Disbursement;
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
