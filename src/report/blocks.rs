//! Blocks the report forms share (the title block, the label/value grid, the outline columns,
//! the 评价对象's name); moved from `report/summary.rs`, content unchanged.

use super::layout::{Align, BODY, Column, Flow, Row};
use crate::model::{Evaluation, Subject, Workspace};

/// 评价对象: the department or the project, by name.
pub fn subject_name(ws: &Workspace, ev: &Evaluation) -> String {
    match &ev.subject {
        Subject::Department => {
            if ws.department.name.is_empty() {
                "部门整体".to_owned()
            } else {
                ws.department.name.clone()
            }
        }
        Subject::Project(id) => ws
            .project(id)
            .map_or_else(|| format!("项目 {id}（未找到）"), |p| p.name.clone()),
    }
}

pub fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".to_owned()
    } else {
        s.to_owned()
    }
}

/// The three outline columns (一级 / 二级 / 三级) of a row; deeper rows go in the third, indented.
pub fn level_columns(level: u8, name: &str) -> [String; 3] {
    match level {
        0 | 1 => [name.to_owned(), String::new(), String::new()],
        2 => [String::new(), name.to_owned(), String::new()],
        l => [
            String::new(),
            String::new(),
            format!("{}{name}", "　".repeat(usize::from(l - 3))),
        ],
    }
}

/// Starts a label/value grid of two pairs per row (the title block, the 自评表's header).
pub fn info_grid(flow: &mut Flow<'_>) {
    flow.grid(
        vec![
            Column::new("", 1.2, Align::Left),
            Column::new("", 3.0, Align::Left),
            Column::new("", 1.2, Align::Left),
            Column::new("", 2.0, Align::Left),
        ],
        BODY,
    );
}

/// Title, subtitle and the 评价对象 / 年度 / 评价类型 / 评价人 / 日期 grid.
pub fn title_block(flow: &mut Flow<'_>, ws: &Workspace, ev: &Evaluation, subtitle: &str) {
    flow.title(&ev.name, 15.0);
    flow.title(subtitle, 12.0);
    flow.space(6.0);
    let evaluator = if ev.evaluator.trim().is_empty() {
        ws.meta.organization.clone()
    } else {
        ev.evaluator.clone()
    };
    info_grid(flow);
    let date = ev
        .date
        .map_or_else(|| "—".to_owned(), |d| d.format("%Y年%m月%d日").to_string());
    for cells in [
        [
            "评价对象",
            &subject_name(ws, ev),
            "年度",
            &format!("{}年", ev.year),
        ],
        ["评价类型", ev.kind.label(), "日期", &date],
        [
            "评价人/机构",
            &or_dash(&evaluator),
            "评分方案",
            &or_dash(&ev.profile.name),
        ],
    ] {
        flow.row(&Row::new(cells.iter().map(|s| (*s).to_owned()).collect()));
    }
    flow.end_table();
    flow.space(8.0);
}
