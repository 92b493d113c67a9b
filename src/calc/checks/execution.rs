//! 超预算执行, 超额拨付 and 成本明细汇总: executed above budget (a finding, not an error),
//! disbursed above what was due, and cost items against the project's budget and execution.

use rust_decimal::Decimal;

use crate::calc::metrics::{
    disbursed, disbursement_due, has_disbursements, project_base, project_budget,
};
use crate::calc::num::{opt_pct_text, ratio};
use crate::model::{
    Amount, CostItem, DisbursementStage, EvaluationKind, ExecutionBase, Project, ProjectColumn,
    Subject, Workspace,
};

use super::balance::Balance;
use super::finding::{Finding, FindingKind, Location, Side, TableRef};
use super::text::{money, place, project_label, project_place, table_place};

pub const NAME_OVER: &str = "超预算执行";
pub const NAME_DISBURSED: &str = "超额拨付";
pub const NAME_COST: &str = "成本明细汇总";

/// The budget a project's execution is measured against: its evaluation's setting when one
/// evaluates it, else 调整后预算 when given, else 年初预算.
pub fn execution_base(ws: &Workspace, p: &Project) -> ExecutionBase {
    let evaluated = ws
        .evaluations
        .iter()
        .filter(|e| e.kind != EvaluationKind::Monitoring)
        .find(|e| matches!(&e.subject, Subject::Project(id) if *id == p.id));
    match evaluated {
        Some(e) => e.profile.execution_base,
        None if p.budget_adjusted.is_blank() => ExecutionBase::Initial,
        None => ExecutionBase::Adjusted,
    }
}

pub fn check_over(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for book in &ws.budgets {
        let t = &book.totals;
        let (base, base_name) = if t.adjusted.total.is_blank() {
            (t.initial.total, "年初预算")
        } else {
            (t.adjusted.total, "调整后预算")
        };
        if let (Some(executed), Some(budget)) = (t.executed.value(), base.value())
            && executed > budget
        {
            out.push(over(
                place(&[&table_place(book, TableRef::Totals), "执行数"]),
                Location::budget_field(book.year, TableRef::Totals, "executed"),
                &format!("{} 年部门", book.year),
                executed,
                budget,
                base_name,
            ));
        }
    }
    for p in &ws.projects {
        let (base, base_name) = project_base(p, execution_base(ws, p));
        if let (Some(executed), Some(budget)) = (p.executed.value(), base.value())
            && executed > budget
        {
            out.push(over(
                project_place(p),
                Location::project_column(&p.id, ProjectColumn::Executed),
                &project_label(p),
                executed,
                budget,
                base_name,
            ));
        }
    }
    out
}

fn over(
    place: String,
    location: Location,
    who: &str,
    executed: Decimal,
    budget: Decimal,
    base_name: &str,
) -> Finding {
    let rate = opt_pct_text(ratio(executed, budget));
    Finding::note(
        NAME_OVER,
        FindingKind::Warning,
        place,
        location,
        format!(
            "{who}执行数 {} 超过{base_name} {}，执行率 {rate}（超预算执行）。",
            money(executed),
            money(budget)
        ),
        "超预算执行不是计算错误，但须说明超出部分的来源（年中追加、上年结转等），并核对调整后预算是否漏录。".to_owned(),
    )
    .with_sides(Side::new("执行数", executed), Side::new(base_name, budget))
}

pub fn check_disbursed(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &ws.projects {
        let (due, due_name) = disbursement_due(p);
        let Some(due) = due.value() else {
            continue;
        };
        for stage in DisbursementStage::ALL {
            if !has_disbursements(p, stage) {
                continue;
            }
            let paid = disbursed(p, stage);
            if paid > due {
                out.push(
                    Finding::note(
                        NAME_DISBURSED,
                        FindingKind::Warning,
                        place(&[&project_place(p), stage.label()]),
                        Location::project_field(&p.id, "disbursements"),
                        format!(
                            "{}已{} {}，超过{due_name} {}。",
                            project_label(p),
                            stage.label(),
                            money(paid),
                            money(due)
                        ),
                        "核对拨付记录是否重复录入、金额单位是否一致（元/万元），或应拨付资金是否已调整。".to_owned(),
                    )
                    .with_sides(
                        Side::new(format!("已{}", stage.label()), paid),
                        Side::new(due_name, due),
                    ),
                );
            }
        }
    }
    out
}

/// Reads one amount of a cost item.
type CostField = fn(&CostItem) -> Amount;

pub fn check_cost_items(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &ws.projects {
        if p.cost_items.is_empty() {
            continue;
        }
        let decimals = ws.budget(p.year).and_then(|b| b.published_decimals);
        let here = project_place(p);
        let pairs: [(&str, &'static str, Amount, CostField); 2] = [
            ("预算数", "cost_items.budget", project_budget(p), |c| {
                c.budget
            }),
            ("执行数", "cost_items.executed", p.executed, |c| {
                c.executed
            }),
        ];
        for (word, field, total, get) in pairs {
            let parts: Vec<Amount> = p.cost_items.iter().map(get).collect();
            if total.is_blank() || parts.iter().all(|a| a.is_blank()) {
                continue;
            }
            let b = Balance {
                check: NAME_COST,
                place: place(&[&here, "成本明细", word]),
                location: Location::project_field(&p.id, field),
                total_label: format!("项目{word}"),
                parts_label: format!("{} 个成本明细的{word}之和", parts.len()),
                decimals,
                error_hint: "核对成本明细各项金额，或是否有明细未录入。",
            };
            out.extend(b.check(total, &parts));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::checks::fixtures::{project, v};
    use crate::model::{BudgetBook, Disbursement, Evaluation, ScoringProfile};
    use rust_decimal_macros::dec;

    #[test]
    fn seed_004_over_execution_against_the_initial_budget() {
        // 7,309.62 / 6,800 = 1.07494… → 107.49%.
        let mut p = project("lv", 2021, v(dec!(6800)));
        p.executed = v(dec!(7309.62));
        let ws = Workspace {
            projects: vec![p],
            ..Workspace::default()
        };
        let f = check_over(&ws);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].kind, FindingKind::Warning);
        assert!(f[0].message.contains("年初预算 6,800"), "{}", f[0].message);
        assert!(f[0].message.contains("107.49%"));
        assert_eq!(f[0].difference, Some(dec!(509.62)));
    }

    #[test]
    fn the_evaluation_decides_the_base() {
        // 调整后 8,000 covers the execution; an evaluation on 年初 does not.
        let mut p = project("lv", 2021, v(dec!(6800)));
        p.budget_adjusted = v(dec!(8000));
        p.executed = v(dec!(7309.62));
        let mut ws = Workspace {
            projects: vec![p],
            ..Workspace::default()
        };
        assert_eq!(check_over(&ws), vec![]);
        ws.evaluations.push(Evaluation {
            subject: Subject::Project("lv".to_owned()),
            profile: ScoringProfile {
                execution_base: ExecutionBase::Initial,
                ..ScoringProfile::national()
            },
            ..Evaluation::default()
        });
        assert_eq!(check_over(&ws).len(), 1);
    }

    #[test]
    fn department_over_execution() {
        let mut b = BudgetBook {
            year: 2021,
            ..BudgetBook::default()
        };
        b.totals.initial.total = v(dec!(100));
        b.totals.executed = v(dec!(101));
        let ws = Workspace {
            budgets: vec![b],
            ..Workspace::default()
        };
        let f = check_over(&ws);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("101.00%"));
    }

    #[test]
    fn disbursed_above_due() {
        let mut p = project("p", 2021, v(dec!(100)));
        p.disbursements = vec![
            Disbursement {
                amount: v(dec!(60)),
                stage: DisbursementStage::ToDistricts,
                ..Disbursement::default()
            },
            Disbursement {
                amount: v(dec!(50)),
                stage: DisbursementStage::ToDistricts,
                ..Disbursement::default()
            },
            Disbursement {
                amount: v(dec!(90)),
                stage: DisbursementStage::ToBeneficiaries,
                ..Disbursement::default()
            },
        ];
        let ws = Workspace {
            projects: vec![p],
            ..Workspace::default()
        };
        let f = check_disbursed(&ws);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].left.as_ref().unwrap().amount, dec!(110));
        assert_eq!(f[0].difference, Some(dec!(10)));
    }

    #[test]
    fn seed_002_cost_items_add_up() {
        // 27 + 108 + 72 = 207; 27 + 54.2543 + 53.28 = 134.5343.
        let mut p = project("qyfw", 2021, v(dec!(207)));
        p.executed = v(dec!(134.5343));
        let item = |n: &str, b, e| CostItem {
            name: n.to_owned(),
            budget: v(b),
            executed: v(e),
            ..Default::default()
        };
        p.cost_items = vec![
            item("会议费", dec!(27), dec!(27)),
            item("培训费", dec!(108), dec!(54.2543)),
            item("维修费", dec!(72), dec!(53.28)),
        ];
        let mut ws = Workspace {
            projects: vec![p],
            ..Workspace::default()
        };
        assert_eq!(check_cost_items(&ws), vec![]);
        ws.projects[0].cost_items[2].executed = v(dec!(53.38));
        let f = check_cost_items(&ws);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].kind, FindingKind::Error);
        assert_eq!(f[0].difference, Some(dec!(-0.1000)));
    }
}
