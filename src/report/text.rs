//! The plain-text renderings of the command line: score summary, metrics.

use std::fmt::Write as _;

use super::cells::{indicator_cells, score, summary_rows, weight};
use super::width::table;
use crate::calc::links::settings_of;
use crate::calc::metrics::{
    MetricSettings, MetricValue, department_metric, project_balance, project_metric,
};
use crate::calc::num::{pct_text, plain, round2, thousands};
use crate::calc::{ScoreBreakdown, ScoreFlag};
use crate::model::{DepartmentMetric, Evaluation, ExecutionBase, ProjectMetric, Workspace};

/// The 总体得分情况表 of seed 000: one column per 一级指标 and 合计.
pub fn summary_table(ev: &Evaluation, b: &ScoreBreakdown) -> String {
    let rows = summary_rows(ev, b);
    let right: Vec<bool> = (0..rows[0].len()).map(|i| i > 0).collect();
    table(&rows, &right)
}

/// The full text of `jixiao score` for one evaluation.
pub fn score_text(ws: &Workspace, ev: &Evaluation, b: &ScoreBreakdown) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}（{}，{} 年度）", ev.name, ev.kind.label(), ev.year);
    let _ = writeln!(out, "评分方案：{}", ev.profile.name);
    out.push('\n');
    out.push_str("总体得分情况表\n");
    out.push_str(&summary_table(ev, b));
    out.push('\n');
    let _ = writeln!(
        out,
        "总分：{}　等级：{}",
        score(b.total.score),
        b.total.grade
    );
    if b.total.applicable_weight != b.total.weight {
        let _ = writeln!(
            out,
            "（不适用指标已剔除：适用分值 {}，原始得分 {}，按满分 {} 折算）",
            weight(b.total.applicable_weight),
            score(b.total.raw),
            weight(b.total.weight)
        );
    }
    if b.unscored > 0 {
        let _ = writeln!(out, "尚有 {} 项指标未评分（暂计 0 分）", b.unscored);
    }
    let judge: Vec<&crate::calc::NodeScore> = b.needs_judgement().collect();
    if !judge.is_empty() {
        let _ = writeln!(
            out,
            "其中 {} 项定性指标待评价人判定（不计分）：{}",
            judge.len(),
            judge
                .iter()
                .map(|n| n.name(ev))
                .collect::<Vec<_>>()
                .join("、")
        );
    }
    if let Some(p) = &ev.published
        && let Some(t) = p.total
    {
        let _ = writeln!(out, "报告公布：{} {}（{}）", score(t), p.grade, p.source);
    }
    out.push('\n');
    out.push_str("指标明细\n");
    let mut rows = vec![
        [
            "指标",
            "分值",
            "指标值",
            "实际完成值",
            "评分规则",
            "得分",
            "得分率",
            "说明",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for n in &b.nodes {
        let indent = "  ".repeat(usize::from(n.level.saturating_sub(1)));
        let c = indicator_cells(ws, ev, n);
        let note = c.explanation_and_note();
        rows.push(vec![
            format!("{indent}{}", c.name),
            c.weight,
            c.target,
            c.actual,
            c.rule,
            c.score,
            c.rate,
            note,
        ]);
    }
    out.push_str(&table(
        &rows,
        &[false, true, false, false, false, true, true, false],
    ));
    let flags = flag_lines(ev, b);
    if !flags.is_empty() {
        out.push('\n');
        out.push_str("提示\n");
        for f in flags {
            let _ = writeln!(out, "- {f}");
        }
    }
    out
}

/// The score flags in words.
pub fn flag_lines(ev: &Evaluation, b: &ScoreBreakdown) -> Vec<String> {
    let name = |i: usize| ev.indicators.get(i).map_or("", |x| x.name.as_str());
    b.flags
        .iter()
        .map(|f| match f {
            ScoreFlag::TargetBeatenByFar {
                index,
                actual,
                target,
                factor,
            } => format!(
                "「{}」实际 {} 达到目标 {} 的 {} 倍以上：目标值可能设置过低",
                name(*index),
                plain(*actual),
                plain(*target),
                plain(*factor)
            ),
            ScoreFlag::OverExecution { index, rate_pct } => format!(
                "「{}」执行率 {}% 超过 100%：超预算执行，应说明原因",
                name(*index),
                round2(*rate_pct)
            ),
            ScoreFlag::BrokenLink { index, reason } => format!("「{}」{reason}", name(*index)),
            ScoreFlag::MissingReason { index } => {
                format!("「{}」人工评分或调整缺少理由", name(*index))
            }
        })
        .collect()
}

fn metric_row(label: String, m: &MetricValue) -> Vec<String> {
    match m.ratio {
        Some(r) => vec![
            label,
            pct_text(r),
            format!(
                "{} / {}",
                m.numerator.map_or_else(String::new, thousands),
                m.denominator.map_or_else(String::new, thousands)
            ),
            m.formula.clone(),
        ],
        None => vec![
            label,
            "—".to_owned(),
            m.missing.clone().unwrap_or_default(),
            m.formula.clone(),
        ],
    }
}

/// The text of `jixiao metrics`: department metrics per year, then each project's.
pub fn metrics_text(ws: &Workspace) -> String {
    let mut out = String::new();
    let settings = department_settings(ws);
    for book in &ws.budgets {
        let _ = writeln!(
            out,
            "{} 年度部门预算指标（{}）",
            book.year,
            book.unit.label()
        );
        let rows: Vec<Vec<String>> = DepartmentMetric::ALL
            .iter()
            .map(|&m| {
                metric_row(
                    m.label().to_owned(),
                    &department_metric(book, &ws.department, m, settings),
                )
            })
            .collect();
        out.push_str(&table(&rows, &[false, true, false, false]));
        out.push('\n');
    }
    for p in &ws.projects {
        let _ = writeln!(out, "项目「{}」（{} 年度，{}）", p.name, p.year, p.id);
        let mut rows = Vec::new();
        for base in [
            ExecutionBase::Adjusted,
            ExecutionBase::Initial,
            ExecutionBase::Received,
        ] {
            let m = project_metric(p, ProjectMetric::ExecutionRate, base);
            rows.push(metric_row(format!("预算执行率（{}）", base.label()), &m));
        }
        for &metric in &ProjectMetric::ALL[1..] {
            rows.push(metric_row(
                metric.label().to_owned(),
                &project_metric(p, metric, ExecutionBase::Adjusted),
            ));
        }
        if let Some(bal) = project_balance(p, ExecutionBase::Adjusted)
            .or_else(|| project_balance(p, ExecutionBase::Initial))
        {
            rows.push(vec![
                "结余".to_owned(),
                thousands(bal),
                String::new(),
                "预算 − 执行数".to_owned(),
            ]);
        }
        out.push_str(&table(&rows, &[false, true, false, false]));
        out.push('\n');
    }
    out
}

/// The metric settings of the department evaluation, if any, else the national defaults.
pub fn department_settings(ws: &Workspace) -> MetricSettings {
    ws.evaluations
        .iter()
        .find(|e| e.subject == crate::model::Subject::Department)
        .map_or_else(MetricSettings::default, |e| settings_of(&e.profile))
}

/// The text of `jixiao check`: a count by kind, then every finding grouped by kind.
pub fn checks_text(findings: &[crate::calc::Finding]) -> String {
    use crate::calc::{FindingKind, Tally};
    let t = Tally::of(findings);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "勾稽检查：共 {} 项（错误 {} · 舍入差异 {} · 提示 {} · 说明 {}）",
        findings.len(),
        t.errors,
        t.rounding,
        t.warnings,
        t.info
    );
    for kind in FindingKind::ALL {
        let of_kind: Vec<&crate::calc::Finding> =
            findings.iter().filter(|f| f.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}（{}）", kind.label(), of_kind.len());
        for (i, f) in of_kind.iter().enumerate() {
            let _ = writeln!(out, "{}. [{}] {}", i + 1, f.check, f.place);
            let _ = writeln!(out, "   {}", f.message);
            // The amounts, unless the sentence already gives both.
            if let (Some(l), Some(r)) = (&f.left, &f.right)
                && !(f.message.contains(&thousands(l.amount))
                    && f.message.contains(&thousands(r.amount)))
            {
                let diff = f
                    .difference
                    .map_or_else(String::new, |d| format!("，差额 {}", thousands(d)));
                let _ = writeln!(
                    out,
                    "   {} {} / {} {}{diff}",
                    l.label,
                    thousands(l.amount),
                    r.label,
                    thousands(r.amount)
                );
            }
            if !f.hint.is_empty() {
                let _ = writeln!(out, "   提示：{}", f.hint);
            }
        }
    }
    out
}
