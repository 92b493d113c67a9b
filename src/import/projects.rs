//! 项目支出预算表 → [`Project`]s: one per project row; the 合计 row and 单位 subtotal rows
//! are checked against the rows under them and not imported as projects.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::calc::checks::tolerance::{classify, rounding_tolerance};
use crate::calc::num::{sum, thousands};
use crate::model::{Amount, Project, ProjectFunding, ProjectKind};

use super::layout::{Field, normalise};
use super::rows::{Cells, RowKind, RowNote, is_total_label, note, skipped};

pub struct Read {
    pub projects: Vec<Project>,
    /// The sheet row (0-based) of each project.
    pub project_rows: Vec<usize>,
    pub rows: Vec<RowNote>,
    /// The 合计 row's amount (Σ of all projects as published).
    pub total: Option<Amount>,
    /// What the 合计 and subtotal checks found, one sentence each.
    pub checks: Vec<String>,
}

fn kind_of(text: &str) -> Option<ProjectKind> {
    let n = normalise(text);
    if n.is_empty() {
        Some(ProjectKind::Unspecified)
    } else if n.contains("运转") {
        Some(ProjectKind::Operating)
    } else if n.contains("特定目标") {
        Some(ProjectKind::Targeted)
    } else {
        None
    }
}

/// A subtotal (合计 or a 单位 row) and the rows it covers.
struct Subtotal {
    row: usize,
    label: String,
    amount: Amount,
    members: Vec<Amount>,
}

pub fn read(cells: &mut Cells<'_>, skip: &BTreeSet<usize>, year: i32) -> Read {
    let header = cells.header;
    let mut projects = Vec::new();
    let mut project_rows = Vec::new();
    let mut rows = Vec::new();
    let mut grand: Option<Subtotal> = None;
    let mut units: Vec<Subtotal> = Vec::new();
    for r in header.data_start()..cells.sheet.rows.len() {
        if let Some(reason) = skipped(cells, skip, r) {
            rows.push(note(r, RowKind::Skipped, reason));
            continue;
        }
        let name = cells.text(r, Field::ProjectName);
        let kind_text = cells.text(r, Field::Kind);
        let unit = cells.text(r, Field::ProjectUnit);
        let total = cells.amount(r, Field::Total);
        let is_grand = is_total_label(&name)
            || is_total_label(&kind_text)
            || (name.is_empty() && kind_text.is_empty() && unit.is_empty());
        if is_grand {
            if grand.is_some() {
                rows.push(note(r, RowKind::Skipped, "第二个合计行"));
            } else {
                grand = Some(Subtotal {
                    row: r,
                    label: "合计行".to_owned(),
                    amount: total,
                    members: Vec::new(),
                });
                rows.push(note(r, RowKind::Total, "与各项目之和核对"));
            }
            continue;
        }
        // A 单位 row: its code where the project name goes ("021 郑州市工业和信息化局").
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_digit()) && kind_text.is_empty() {
            units.push(Subtotal {
                row: r,
                label: format!("单位小计 {name} {unit}"),
                amount: total,
                members: Vec::new(),
            });
            rows.push(note(r, RowKind::Total, "单位小计：与其下各项目之和核对"));
            continue;
        }
        let Some(kind) = kind_of(&kind_text) else {
            cells.problem(
                r,
                Some(Field::Kind),
                format!("项目类型“{kind_text}”应为“其他运转类”或“特定目标类”（或留空）"),
            );
            continue;
        };
        if name.is_empty() {
            cells.problem(r, Some(Field::ProjectName), "有金额而没有项目名称");
            continue;
        }
        let carry_parts = [
            cells.amount(r, Field::CarryGeneral),
            cells.amount(r, Field::CarryFund),
            cells.amount(r, Field::CarryCapital),
        ];
        let carryover = if header.has(Field::Carryover) {
            cells.amount(r, Field::Carryover)
        } else {
            combine(&carry_parts)
        };
        let funding = ProjectFunding {
            general_budget: cells.amount(r, Field::GeneralBudget),
            government_fund: cells.amount(r, Field::GovernmentFund),
            state_capital: cells.amount(r, Field::StateCapital),
            carryover,
            special_account: cells.amount(r, Field::SpecialAccount),
            own_funds: cells.amount(r, Field::OwnFunds),
        };
        let project = Project {
            code: cells.text(r, Field::ProjectCode),
            name,
            unit,
            unit_code: cells.text(r, Field::UnitCode),
            year,
            kind,
            budget_initial: total,
            funding,
            ..Project::default()
        };
        if let Some(g) = &mut grand {
            g.members.push(total);
        }
        if let Some(u) = units.last_mut() {
            u.members.push(total);
        }
        rows.push(RowNote {
            row: r,
            kind: RowKind::Added,
            text: format!(
                "项目 {}（{}）",
                project.name,
                if kind == ProjectKind::Unspecified {
                    "未列类型"
                } else {
                    kind.label()
                }
            ),
        });
        projects.push(project);
        project_rows.push(r);
    }
    let decimals = cells.book_decimals();
    let mut checks = Vec::new();
    for s in grand.iter().chain(units.iter()) {
        checks.push(check_subtotal(s, decimals));
    }
    Read {
        projects,
        project_rows,
        rows,
        total: grand.map(|g| g.amount),
        checks,
    }
}

/// Σ of the three 结转结余 columns, blank when all are blank, withheld when any is.
fn combine(parts: &[Amount]) -> Amount {
    if parts.iter().any(|a| a.is_withheld()) {
        Amount::Withheld
    } else if parts.iter().all(|a| a.is_blank()) {
        Amount::Blank
    } else {
        Amount::Value(sum(parts.iter().map(|a| a.or_zero())))
    }
}

fn check_subtotal(s: &Subtotal, decimals: Option<u32>) -> String {
    let Some(printed) = s.amount.value() else {
        return format!("第 {} 行{}没有金额，未核对。", s.row + 1, s.label);
    };
    let known: Vec<Decimal> = s.members.iter().filter_map(|a| a.value()).collect();
    let withheld = s.members.iter().filter(|a| a.is_withheld()).count();
    let total = sum(known.iter().copied());
    let diff = printed.saturating_sub(total);
    let head = format!(
        "第 {} 行{} {}，其下 {} 个项目",
        s.row + 1,
        s.label,
        thousands(printed),
        s.members.len()
    );
    if withheld > 0 {
        return format!(
            "{head}中 {withheld} 个金额为 XXXX（不予公开），已公开金额之和 {}，差额 {} 即不予公开的金额。",
            thousands(total),
            thousands(diff)
        );
    }
    match classify(diff, rounding_tolerance(decimals, known.len())) {
        None => format!("{head}之和与之一致。"),
        Some(kind) => format!(
            "{head}之和 {}，相差 {}（{}）。",
            thousands(total),
            thousands(diff),
            kind.label()
        ),
    }
}
