//! The navigator on the left: 部门概况, 预算表, 项目, 进度监控, 评价, 检查结果.

use super::derived::Derived;
use super::view::{Output, View};
use crate::model::Workspace;

fn item(
    ui: &mut egui::Ui,
    current: &View,
    target: View,
    label: impl Into<String>,
    out: &mut Vec<Output>,
) {
    if ui
        .selectable_label(*current == target, label.into())
        .clicked()
    {
        out.push(Output::Navigate(target, None));
    }
}

/// Draws the navigator; clicking an entry navigates.
pub fn navigator_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    current: &View,
    derived: &Derived,
) -> Vec<Output> {
    let mut out = Vec::new();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            item(ui, current, View::Department, "部门概况", &mut out);
            egui::CollapsingHeader::new("预算表")
                .default_open(true)
                .show(ui, |ui| {
                    if ws.budgets.is_empty() {
                        ui.weak("（暂无预算表）");
                    }
                    for b in &ws.budgets {
                        let y = b.year;
                        egui::CollapsingHeader::new(format!("{y} 年度"))
                            .id_salt(("budget", y))
                            .default_open(true)
                            .show(ui, |ui| {
                                item(ui, current, View::Summary { year: y }, "收支总表", &mut out);
                                for (i, t) in b.functional.iter().enumerate() {
                                    item(
                                        ui,
                                        current,
                                        View::Functional { year: y, table: i },
                                        format!("功能分类：{}", t.name),
                                        &mut out,
                                    );
                                }
                                for (i, t) in b.economic.iter().enumerate() {
                                    item(
                                        ui,
                                        current,
                                        View::Economic { year: y, table: i },
                                        format!("经济分类：{}", t.name),
                                        &mut out,
                                    );
                                }
                                item(
                                    ui,
                                    current,
                                    View::ThreePublic { year: y },
                                    "三公经费与政府采购",
                                    &mut out,
                                );
                                item(
                                    ui,
                                    current,
                                    View::Projects { year: y },
                                    "项目支出预算表",
                                    &mut out,
                                );
                            });
                    }
                });
            egui::CollapsingHeader::new("项目")
                .default_open(true)
                .show(ui, |ui| {
                    let mut years: Vec<i32> = ws.projects.iter().map(|p| p.year).collect();
                    years.sort_unstable();
                    years.dedup();
                    for &y in years.iter().rev() {
                        egui::CollapsingHeader::new(format!("{y} 年度项目"))
                            .id_salt(("projects", y))
                            .default_open(false)
                            .show(ui, |ui| {
                                for p in ws.projects.iter().filter(|p| p.year == y) {
                                    let name = if p.name.is_empty() {
                                        "（未命名项目）"
                                    } else {
                                        p.name.as_str()
                                    };
                                    item(ui, current, View::Project(p.id.clone()), name, &mut out);
                                }
                            });
                    }
                });
            progress_items_ui(ui, &derived.progress.years, current, &mut out);
            egui::CollapsingHeader::new("评价")
                .default_open(true)
                .show(ui, |ui| {
                    for (i, e) in ws.evaluations.iter().enumerate() {
                        let score = derived
                            .breakdowns
                            .get(i)
                            .map(|b| format!("  {} {}", b.total.score, b.total.grade))
                            .unwrap_or_default();
                        item(
                            ui,
                            current,
                            View::Evaluation(e.id.clone()),
                            format!("{}{score}", e.name),
                            &mut out,
                        );
                    }
                });
            let n = derived.findings.len();
            item(
                ui,
                current,
                View::Checks,
                format!("检查结果（{n}）"),
                &mut out,
            );
        });
    out
}

/// 进度监控: per project year, the department chart and the 双监控 page.
fn progress_items_ui(ui: &mut egui::Ui, years: &[i32], current: &View, out: &mut Vec<Output>) {
    if years.is_empty() {
        return;
    }
    egui::CollapsingHeader::new("进度监控")
        .default_open(true)
        .show(ui, |ui| {
            for &y in years.iter().rev() {
                item(
                    ui,
                    current,
                    View::Progress { year: y },
                    format!("{y} 执行与拨付"),
                    out,
                );
                item(
                    ui,
                    current,
                    View::Monitoring { year: y },
                    format!("{y} 双监控"),
                    out,
                );
            }
        });
}
