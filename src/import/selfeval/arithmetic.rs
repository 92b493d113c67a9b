//! The form's own arithmetic, at its rows: a 一级 "（50分）" against the sum of its 分值, 总分
//! against the sum of the published 得分, 得分 above 分值, the published 执行率 against the
//! computed one (with the 年初 basis beside it), and each published 得分 against the score the
//! rules give, with the reason (rule, rounding, basis). Also lists the 定性 rows waiting for a
//! judgement.

use rust_decimal::Decimal;

use crate::calc::breakdown::{ScoreBreakdown, score_evaluation};
use crate::calc::metrics::execution_rate;
use crate::calc::num::{opt_pct_text, plain, round_dp, sum};
use crate::calc::rules::Explanation;
use crate::import::grid::Sheet;
use crate::model::{Actual, Evaluation, ExecutionBase, Project, Rounding, Workspace};

use super::funding::Block;
use super::indicators::{Conflict, Table};
use super::{FormFinding, Judgement, Severity};

fn at(
    sheet: &Sheet,
    row: Option<usize>,
    col: Option<usize>,
    severity: Severity,
    message: String,
) -> FormFinding {
    FormFinding::at(sheet, row, col, severity, message)
}

/// Scores the evaluation against its project alone.
pub fn score(project: &Project, ev: &Evaluation) -> ScoreBreakdown {
    let ws = Workspace {
        projects: vec![project.clone()],
        ..Workspace::default()
    };
    score_evaluation(&ws, ev)
}

/// Runs every check and returns the rows that need a 定性 judgement.
pub fn check(
    sheet: &Sheet,
    project: &Project,
    ev: &Evaluation,
    block: &Block,
    table: &Table,
    conflicts: &[Conflict],
    findings: &mut Vec<FormFinding>,
) -> Vec<Judgement> {
    let b = score(project, ev);
    let row_of = |i: usize| table.sheet_rows.get(i).copied().flatten();
    let score_col = |i: usize| {
        if matches!(
            ev.indicators.get(i).map(|x| &x.rule),
            Some(crate::model::Rule::ExecutionRate)
        ) && row_of(i) == block.score_row
        {
            block.columns.score
        } else {
            table.columns.score
        }
    };
    for c in conflicts {
        findings.push(at(
            sheet,
            Some(c.row),
            Some(c.col),
            Severity::Warning,
            format!(
                "指标性质为“{}”，但指标值写的是“{}”：按指标值所写计分，请核对",
                c.nature.symbol(),
                c.written.symbol()
            ),
        ));
    }
    if let Some(w) = table.exec_weight_assumed {
        findings.push(at(
            sheet,
            block.header_row,
            None,
            Severity::Warning,
            if w.is_zero() {
                "项目资金栏没有预算执行率的分值，其余指标已合计 100 分：预算执行率不计分".to_owned()
            } else {
                format!(
                    "项目资金栏没有预算执行率的分值：按自评表方案计 {} 分",
                    plain(w)
                )
            },
        ));
    }
    // 一级 "(N分)" against its 分值.
    for s in &table.suffixes {
        let Some(node) = b.nodes.get(s.indicator) else {
            continue;
        };
        let children = b.children_weight(s.indicator).unwrap_or(node.weight);
        if children != s.points {
            findings.push(FormFinding {
                published: Some(s.points),
                computed: Some(children),
                ..at(
                    sheet,
                    Some(s.row),
                    Some(s.col),
                    Severity::Error,
                    format!(
                        "“{}”标注 {} 分，但其下指标分值合计 {} 分",
                        ev.indicators[s.indicator].name,
                        plain(s.points),
                        plain(children)
                    ),
                )
            });
        }
    }
    // 得分 above 分值.
    for (i, ind) in ev.indicators.iter().enumerate() {
        if let Some(p) = ind.published_score
            && p > ind.weight
            && b.nodes.get(i).is_some_and(|n| n.is_leaf)
        {
            findings.push(FormFinding {
                published: Some(p),
                computed: Some(ind.weight),
                ..at(
                    sheet,
                    row_of(i),
                    score_col(i),
                    Severity::Error,
                    format!(
                        "“{}”得分 {} 高于分值 {}",
                        ind.name,
                        plain(p),
                        plain(ind.weight)
                    ),
                )
            });
        }
    }
    // 总分 against the published 得分 and the 分值.
    let leaves: Vec<usize> = b
        .nodes
        .iter()
        .filter(|n| n.is_leaf)
        .map(|n| n.index)
        .collect();
    let published_scores: Vec<Decimal> = leaves
        .iter()
        .filter_map(|&i| ev.indicators[i].published_score)
        .collect();
    if let Some(total) = table.published_total
        && !published_scores.is_empty()
    {
        let s = sum(published_scores.iter().copied());
        if s != total {
            findings.push(FormFinding {
                published: Some(total),
                computed: Some(s),
                ..at(
                    sheet,
                    table.total_row,
                    table.columns.score,
                    Severity::Error,
                    format!(
                        "总分 {} ≠ 各项得分之和 {}（相差 {}）",
                        plain(total),
                        plain(s),
                        plain(total - s)
                    ),
                )
            });
        }
    }
    if let Some(w) = table.published_total_weight {
        let s = sum(leaves.iter().map(|&i| ev.indicators[i].weight));
        if s != w {
            findings.push(FormFinding {
                published: Some(w),
                computed: Some(s),
                ..at(
                    sheet,
                    table.total_row,
                    table.columns.weight,
                    Severity::Error,
                    format!("总分值 {} ≠ 各项分值之和 {}", plain(w), plain(s)),
                )
            });
        }
    }
    execution(sheet, project, ev, block, findings);
    published_scores_vs_rules(sheet, project, ev, &b, &row_of, &score_col, findings);
    b.needs_judgement()
        .map(|n| {
            let ind = &ev.indicators[n.index];
            let actual = match &ind.actual {
                Actual::Typed { text, .. } => text.clone(),
                Actual::Linked(_) => String::new(),
            };
            let why = match &n.explanation {
                Explanation::NeedsJudgement { why } => why.describe(),
                _ => String::new(),
            };
            Judgement {
                row: row_of(n.index).map_or(0, |r| r + 1),
                indicator: n.index,
                name: ind.name.clone(),
                target: ind.target.text.clone(),
                actual,
                why,
            }
        })
        .collect()
}

/// The published 执行率 against the computed one, and the 年初 basis beside the 全年 one.
fn execution(
    sheet: &Sheet,
    project: &Project,
    ev: &Evaluation,
    block: &Block,
    findings: &mut Vec<FormFinding>,
) {
    let base = ev.profile.execution_base;
    let pct = |r: Option<Decimal>| r.map(|r| r * Decimal::ONE_HUNDRED);
    let computed = pct(execution_rate(project, base));
    let initial = pct(execution_rate(project, ExecutionBase::Initial));
    let (_, from_sources) = block.basis();
    if block.header_row.is_some() {
        findings.push(at(
            sheet,
            block.total_row.or(block.header_row),
            block.columns.rate,
            Severity::Info,
            format!(
                "预算执行率：按{}计 {}，按年初预算数计 {}{}",
                base.label(),
                opt_pct_text(execution_rate(project, base)),
                opt_pct_text(execution_rate(project, ExecutionBase::Initial)),
                if from_sources {
                    "（依据：其中各项之和，总额行未填）"
                } else {
                    "（依据：资金总额行）"
                }
            ),
        ));
    }
    let (Some(p), Some(c)) = (block.published_rate, computed) else {
        return;
    };
    let shown = round_dp(c, p.scale().min(4));
    if shown != p {
        let note = match initial {
            Some(i) if round_dp(i, p.scale().min(4)) == p => {
                "（与按年初预算数计算的一致：口径不同）"
            }
            _ => "",
        };
        findings.push(FormFinding {
            published: Some(p),
            computed: Some(round_dp(c, 2)),
            ..at(
                sheet,
                block.score_row,
                block.columns.rate,
                Severity::Warning,
                format!(
                    "公布执行率 {}% ≠ 计算执行率 {}%{note}",
                    plain(p),
                    plain(round_dp(c, 2))
                ),
            )
        });
    }
}

/// Each published 得分 against the rules' score, with the reason, and whether another
/// rounding or basis gives the published figure.
fn published_scores_vs_rules(
    sheet: &Sheet,
    project: &Project,
    ev: &Evaluation,
    b: &ScoreBreakdown,
    row_of: &dyn Fn(usize) -> Option<usize>,
    score_col: &dyn Fn(usize) -> Option<usize>,
    findings: &mut Vec<FormFinding>,
) {
    let alternative = |f: &dyn Fn(&mut Evaluation)| {
        let mut e = ev.clone();
        f(&mut e);
        score(project, &e)
    };
    let whole = alternative(&|e| e.profile.rounding = Rounding::WholePoints);
    let cents = alternative(&|e| e.profile.rounding = Rounding::Cents);
    let initial = alternative(&|e| e.profile.execution_base = ExecutionBase::Initial);
    for n in b.nodes.iter().filter(|n| n.is_leaf) {
        let ind = &ev.indicators[n.index];
        let Some(p) = ind.published_score else {
            continue;
        };
        if matches!(n.explanation, Explanation::NeedsJudgement { .. }) {
            findings.push(FormFinding {
                published: Some(p),
                computed: None,
                ..at(
                    sheet,
                    row_of(n.index),
                    score_col(n.index),
                    Severity::Info,
                    format!(
                        "“{}”公布得分 {}：定性指标待评价人判定（{}），复核暂不计分",
                        ind.name,
                        plain(p),
                        n.explain(ev)
                    ),
                )
            });
            continue;
        }
        if n.score == p {
            continue;
        }
        let same = |alt: &ScoreBreakdown| alt.nodes.get(n.index).is_some_and(|x| x.score == p);
        let why = if same(&whole) && ev.profile.rounding != Rounding::WholePoints {
            "；按整数计分则为公布值（舍入口径不同）"
        } else if same(&cents) && ev.profile.rounding != Rounding::Cents {
            "；保留两位小数计分则为公布值（舍入口径不同）"
        } else if same(&initial) && ev.profile.execution_base != ExecutionBase::Initial {
            "；按年初预算数计算执行率则为公布值（口径不同）"
        } else {
            ""
        };
        findings.push(FormFinding {
            published: Some(p),
            computed: Some(n.score),
            ..at(
                sheet,
                row_of(n.index),
                score_col(n.index),
                Severity::Warning,
                format!(
                    "“{}”公布得分 {}，复核得分 {}：{}{why}",
                    ind.name,
                    plain(p),
                    plain(n.score),
                    n.explain(ev)
                ),
            )
        });
    }
}
