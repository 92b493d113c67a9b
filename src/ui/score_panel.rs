//! The live score panel on the right: 总分 (large), 等级, and per 一级指标 分值/得分/得分率 with
//! a chart of 得分率 over the grade bands; hovering a row shows its explanation.

use super::derived::Derived;
use crate::calc::num::{opt_pct_text, pct_text, plain, round2};
use crate::model::Workspace;

/// Draws the panel for evaluation `index` (or a hint when there is none).
pub fn score_panel_ui(ui: &mut egui::Ui, ws: &Workspace, derived: &Derived, index: Option<usize>) {
    let (Some(i), Some(ev)) = (index, index.and_then(|i| ws.evaluations.get(i))) else {
        ui.heading("得分");
        ui.label("工作区中还没有评价。");
        return;
    };
    let Some(b) = derived.breakdowns.get(i) else {
        return;
    };
    ui.heading("得分");
    ui.label(&ev.name);
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(round2(b.total.score).to_string())
                .size(40.0)
                .strong(),
        )
        .on_hover_text(format!("满分 {}", plain(b.total.weight)));
        ui.vertical(|ui| {
            ui.label(egui::RichText::new(format!("等级：{}", b.total.grade)).size(20.0));
            if let Some(r) = b.total.rate {
                ui.label(format!("得分率 {}", pct_text(r)));
            }
        });
    });
    if b.unscored > 0 {
        ui.colored_label(
            egui::Color32::from_rgb(180, 100, 0),
            format!("尚有 {} 项未评分（暂计 0 分）", b.unscored),
        );
    }
    let judge: Vec<&str> = b.needs_judgement().map(|n| n.name(ev)).collect();
    if !judge.is_empty() {
        ui.colored_label(
            egui::Color32::from_rgb(180, 100, 0),
            format!("{} 项定性指标待判定（不计分）", judge.len()),
        )
        .on_hover_text(judge.join("\n"));
    }
    if let Some(p) = &ev.published
        && let Some(t) = p.total
    {
        let differs = round2(t) != round2(b.total.score);
        let text = format!("报告公布：{} {}", round2(t), p.grade);
        if differs {
            ui.colored_label(
                egui::Color32::from_rgb(200, 60, 60),
                format!("{text}（与计算不符）"),
            );
        } else {
            ui.label(text);
        }
    }
    ui.separator();
    egui::Grid::new("level1-scores")
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            ui.strong("一级指标");
            ui.strong("分值");
            ui.strong("得分");
            ui.strong("得分率");
            ui.end_row();
            for n in b.level1() {
                ui.label(n.name(ev))
                    .on_hover_text(n.explain(ev).to_string());
                ui.label(plain(n.weight));
                ui.label(round2(n.score).to_string())
                    .on_hover_text(n.explain(ev).to_string());
                ui.label(opt_pct_text(n.rate()));
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    super::charts::score::score_chart_ui(ui, ev, b, 170.0);
    if !b.flags.is_empty() {
        ui.separator();
        ui.strong("提示");
        for line in crate::report::text::flag_lines(ev, b) {
            ui.label(format!("• {line}"));
        }
    }
}
