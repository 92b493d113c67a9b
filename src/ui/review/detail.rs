//! One reviewed form: who and what, the published and recomputed totals, which profile
//! reproduces the published scores, the findings by sheet and row, and every indicator row as
//! published and as recomputed.

use crate::review::text::{
    difference, finding_line, grades, profile_sentence, published, score, unit_words,
};
use crate::review::{FormReview, Severity};

const RED: egui::Color32 = egui::Color32::from_rgb(190, 30, 30);
const AMBER: egui::Color32 = egui::Color32::from_rgb(170, 100, 0);

/// Draws the detail; returns true when the evaluator goes back to the summary.
pub fn detail_ui(ui: &mut egui::Ui, f: &FormReview) -> bool {
    let back = ui.button("← 返回汇总").clicked();
    ui.heading(&f.project_name);
    ui.label(format!(
        "文件：{}　工作表：{}　单位：{}　金额单位：{}　评分方案：{}",
        f.file,
        f.sheet,
        f.unit_name,
        unit_words(f),
        f.profile
    ));
    ui.label(format!(
        "公布总分 {}　复核得分 {}　差异 {}　等级（公布/复核）{}",
        published(f.published_total),
        score(f.recomputed_total),
        difference(f.difference),
        grades(f)
    ));
    ui.label(profile_sentence(f));
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("review-detail")
        .show(ui, |ui| {
            ui.strong(format!(
                "复核发现（错误 {}，提示 {}，待判断 {}）",
                f.errors(),
                f.warnings(),
                f.judgements()
            ));
            if f.findings.is_empty() {
                ui.label("未发现问题。");
            }
            for x in &f.findings {
                let colour = match x.severity {
                    Severity::Error => RED,
                    Severity::Warning | Severity::Judgement => AMBER,
                    Severity::Info => ui.visuals().text_color(),
                };
                ui.colored_label(colour, finding_line(x));
                if !x.hint.is_empty() {
                    ui.weak(format!("　　{}", x.hint));
                }
            }
            ui.separator();
            ui.strong("逐行比对（公布 / 复核）");
            egui::Grid::new("review-detail-rows")
                .striped(true)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for h in [
                        "表中行",
                        "指标",
                        "分值",
                        "指标值",
                        "实际完成值",
                        "公布得分",
                        "复核得分",
                        "差异",
                        "复核说明",
                    ] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for r in &f.rows {
                        ui.label(
                            r.place
                                .as_ref()
                                .map_or_else(String::new, |p| p.row.to_string()),
                        );
                        ui.horizontal(|ui| {
                            ui.add_space(16.0 * f32::from(r.level.saturating_sub(1)));
                            ui.label(&r.name);
                        });
                        ui.label(r.weight.normalize().to_string());
                        ui.label(&r.target);
                        ui.label(&r.actual);
                        ui.label(published(r.published));
                        ui.label(score(r.recomputed));
                        let d = difference(r.difference);
                        if r.difference.is_some_and(|d| !d.is_zero()) {
                            ui.colored_label(RED, d);
                        } else {
                            ui.label(d);
                        }
                        if r.needs_judgement {
                            ui.colored_label(AMBER, "需评价人判断（暂计 0 分）");
                        } else {
                            ui.label(&r.explanation);
                        }
                        ui.end_row();
                    }
                    ui.label("");
                    ui.strong("总分");
                    ui.label("");
                    ui.label("");
                    ui.label("");
                    ui.label(published(f.published_total));
                    ui.label(score(f.recomputed_total));
                    ui.label(difference(f.difference));
                    ui.label(format!("等级 {}", grades(f)));
                    ui.end_row();
                });
        });
    back
}
