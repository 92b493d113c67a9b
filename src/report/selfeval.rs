//! The national 项目支出绩效自评表 layout (财预〔2020〕10号 附件): 项目资金 rows with
//! 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分, then the indicator rows with
//! 偏差原因分析及改进措施, then 总分.

use super::cells::{amount, indicator_cells, rate, score, weight};
use super::layout::{Align, BODY, Column, Flow, Row, TABLE};
use super::page::Rgb;
use super::summary::{info_grid, level_columns, title_block};
use crate::calc::links::settings_of;
use crate::calc::metrics::{execution_rate, project_budget};
use crate::calc::num::sum;
use crate::calc::{NodeScore, ScoreBreakdown};
use crate::model::{Amount, Evaluation, Rule, Subject, Workspace};

/// Σ of the given funding columns, blank when all are blank.
fn sum_of(parts: &[Amount]) -> Amount {
    if parts.iter().all(|a| a.is_blank()) {
        Amount::Blank
    } else {
        Amount::Value(sum(parts.iter().map(|a| a.or_zero())))
    }
}

/// The row scored by the 预算执行率 rule (the 自评表 puts it in the 项目资金 block).
fn execution_node<'b>(ev: &Evaluation, b: &'b ScoreBreakdown) -> Option<&'b NodeScore> {
    b.nodes.iter().find(|n| {
        n.is_leaf
            && ev
                .indicators
                .get(n.index)
                .is_some_and(|i| matches!(i.rule, Rule::ExecutionRate))
    })
}

/// Lays out the 自评表 of a project self-evaluation.
pub fn layout(flow: &mut Flow<'_>, ws: &Workspace, ev: &Evaluation, b: &ScoreBreakdown) {
    title_block(flow, ws, ev, "项目支出绩效自评表");
    let project = match &ev.subject {
        Subject::Project(id) => ws.project(id),
        Subject::Department => None,
    };
    info_grid(flow);
    let name = project.map_or_else(String::new, |p| p.name.clone());
    let unit = project.map_or_else(String::new, |p| p.unit.clone());
    flow.row(&Row::new(vec![
        "项目名称".to_owned(),
        name,
        "主管部门".to_owned(),
        project
            .map(|p| p.department.clone())
            .filter(|d| !d.trim().is_empty())
            .unwrap_or_else(|| ws.department.name.clone()),
    ]));
    flow.row(&Row::new(vec![
        "实施单位".to_owned(),
        unit,
        "项目编码".to_owned(),
        project.map_or_else(String::new, |p| p.code.clone()),
    ]));
    flow.end_table();
    flow.space(6.0);

    // 项目资金.
    let exec = execution_node(ev, b);
    let settings = settings_of(&ev.profile);
    flow.table(
        vec![
            Column::new(
                &format!("项目资金（{}）", ws.meta.unit.label()),
                2.4,
                Align::Left,
            ),
            Column::new("年初预算数", 1.4, Align::Right),
            Column::new("全年预算数", 1.4, Align::Right),
            Column::new("全年执行数", 1.4, Align::Right),
            Column::new("分值", 0.8, Align::Right),
            Column::new("执行率", 1.1, Align::Right),
            Column::new("得分", 0.9, Align::Right),
        ],
        BODY,
    );
    if let Some(p) = project {
        let execution = execution_rate(p, settings.execution_base);
        let full_year = project_budget(p);
        flow.row(&Row::new(vec![
            "年度资金总额".to_owned(),
            amount(p.budget_initial),
            amount(full_year),
            amount(p.executed),
            exec.map_or_else(String::new, |n| weight(n.weight)),
            rate(execution),
            exec.map_or_else(String::new, |n| score(n.score)),
        ]));
        for (i, src) in p.funding_sources.iter().enumerate() {
            let prefix = if i == 0 { "其中：" } else { "　　　" };
            flow.row(&Row::new(vec![
                format!("{prefix}{}", src.label),
                amount(src.initial),
                amount(src.adjusted),
                amount(src.executed),
                "—".to_owned(),
                "—".to_owned(),
                "—".to_owned(),
            ]));
        }
        let f = &p.funding;
        let legacy = if p.funding_sources.is_empty() {
            vec![
                (
                    "其中：当年财政拨款",
                    sum_of(&[f.general_budget, f.government_fund, f.state_capital]),
                ),
                ("　　　上年结转资金", f.carryover),
                ("　　　其他资金", sum_of(&[f.special_account, f.own_funds])),
            ]
        } else {
            Vec::new()
        };
        for (label, value) in legacy {
            flow.row(&Row::new(vec![
                label.to_owned(),
                amount(value),
                String::new(),
                String::new(),
                "—".to_owned(),
                "—".to_owned(),
                "—".to_owned(),
            ]));
        }
    } else {
        flow.row(&Row::new(vec!["（未找到被评价的项目）".to_owned()]));
    }
    flow.end_table();
    if let Some(p) = project {
        let used = execution_rate(p, settings.execution_base);
        let initial = execution_rate(p, crate::model::ExecutionBase::Initial);
        if used != initial {
            flow.paragraph(
                &format!(
                    "执行率按{}计 {}；按年初预算数计 {}。",
                    settings.execution_base.label(),
                    rate(used),
                    rate(initial)
                ),
                BODY,
                0.0,
            );
        }
    }
    flow.space(6.0);

    // 年度总体目标.
    if !(ev.goal_expected.is_empty() && ev.goal_actual.is_empty()) {
        flow.table(
            vec![
                Column::new("年度总体目标：预期目标", 1.0, Align::Left),
                Column::new("实际完成情况", 1.0, Align::Left),
            ],
            BODY,
        );
        flow.row(&Row::new(vec![
            ev.goal_expected.clone(),
            ev.goal_actual.clone(),
        ]));
        flow.end_table();
        flow.space(6.0);
    }

    // 绩效指标.
    flow.table(
        vec![
            Column::new("一级指标", 1.5, Align::Left),
            Column::new("二级指标", 1.8, Align::Left),
            Column::new("三级指标", 3.0, Align::Left),
            Column::new("年度指标值", 1.5, Align::Left),
            Column::new("实际完成值", 1.8, Align::Left),
            Column::new("分值", 0.8, Align::Right),
            Column::new("得分", 1.2, Align::Right),
            Column::new("偏差原因分析及改进措施", 3.7, Align::Left),
        ],
        TABLE,
    );
    let exec_index = exec.map(|n| n.index);
    for n in &b.nodes {
        if Some(n.index) == exec_index {
            continue;
        }
        let c = indicator_cells(ws, ev, n);
        let [l1, l2, l3] = level_columns(n.level, &c.name);
        let reason = c.reason(n);
        let cells = vec![l1, l2, l3, c.target, c.actual, c.weight, c.score, reason];
        let row = if n.level <= 1 && !n.is_leaf {
            Row::filled(cells, Rgb::LEVEL1_FILL)
        } else {
            Row::new(cells)
        };
        flow.row(&row);
    }
    let grade = if b.total.grade.is_empty() {
        String::new()
    } else {
        format!("等级：{}", b.total.grade)
    };
    flow.row(&Row::filled(
        vec![
            "总分".to_owned(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            weight(b.total.weight),
            score(b.total.score),
            grade,
        ],
        Rgb::LEVEL1_FILL,
    ));
    flow.end_table();
    if !ev.deviation_analysis.trim().is_empty() {
        flow.space(6.0);
        flow.paragraph(
            &format!("偏差原因分析及改进措施：{}", ev.deviation_analysis.trim()),
            BODY,
            0.0,
        );
    }
}
