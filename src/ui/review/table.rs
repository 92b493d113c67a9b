//! The summary table of a batch: one row per form with the columns of `jixiao review`, sorted
//! by a click on a column title; the project name opens the form's detail, the tick box
//! chooses it for import.

use std::cmp::Ordering;

use crate::model::{AmountUnit, ScoringProfile};
use crate::review::FormReview;
use crate::review::text::{COLUMNS, summary_cells};

use super::ReviewPage;

/// A column to sort by (in [`COLUMNS`] order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    File,
    Project,
    Unit,
    MoneyUnit,
    Published,
    Recomputed,
    Difference,
    Grade,
    Errors,
    Warnings,
    Judgements,
}

impl SortKey {
    pub const ALL: [SortKey; 11] = [
        SortKey::File,
        SortKey::Project,
        SortKey::Unit,
        SortKey::MoneyUnit,
        SortKey::Published,
        SortKey::Recomputed,
        SortKey::Difference,
        SortKey::Grade,
        SortKey::Errors,
        SortKey::Warnings,
        SortKey::Judgements,
    ];

    /// The column title.
    pub fn title(self) -> &'static str {
        let i = SortKey::ALL.iter().position(|k| *k == self).unwrap_or(0);
        COLUMNS[i]
    }

    /// Orders two forms by this column (ties by file, then sheet). Numbers compare as
    /// numbers; a missing published figure sorts first.
    pub fn compare(self, a: &FormReview, b: &FormReview) -> Ordering {
        let o = match self {
            SortKey::File => Ordering::Equal,
            SortKey::Project => a.project_name.cmp(&b.project_name),
            SortKey::Unit => a.unit_name.cmp(&b.unit_name),
            SortKey::MoneyUnit => a.money_unit.label().cmp(b.money_unit.label()),
            SortKey::Published => a.published_total.cmp(&b.published_total),
            SortKey::Recomputed => a.recomputed_total.cmp(&b.recomputed_total),
            SortKey::Difference => a
                .difference
                .map(|d| d.abs())
                .cmp(&b.difference.map(|d| d.abs())),
            SortKey::Grade => (&a.published_grade, &a.recomputed_grade)
                .cmp(&(&b.published_grade, &b.recomputed_grade)),
            SortKey::Errors => a.errors().cmp(&b.errors()),
            SortKey::Warnings => a.warnings().cmp(&b.warnings()),
            SortKey::Judgements => a.judgements().cmp(&b.judgements()),
        };
        o.then_with(|| a.file.cmp(&b.file))
            .then_with(|| a.sheet.cmp(&b.sheet))
    }
}

const RED: egui::Color32 = egui::Color32::from_rgb(190, 30, 30);

/// The widest a project or unit name may be in the summary (longer ones are cut, whole on hover).
const NAME_WIDTH: f32 = 150.0;

/// The heading, the profile choice and the table.
pub fn summary_ui(ui: &mut egui::Ui, page: &mut ReviewPage) {
    ui.heading("批量复核");
    ui.label(format!("文件夹：{}", page.folder.display()));
    let mut rerun = false;
    ui.horizontal(|ui| {
        let current = page
            .profile
            .clone()
            .unwrap_or_else(|| "按各表读取时的方案".to_owned());
        egui::ComboBox::new("review-profile", "评分方案")
            .selected_text(current)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(page.profile.is_none(), "按各表读取时的方案")
                    .clicked()
                {
                    page.profile = None;
                    rerun = true;
                }
                for p in ScoringProfile::presets() {
                    let on = page.profile.as_deref() == Some(p.name.as_str());
                    if ui.selectable_label(on, &p.name).clicked() && !on {
                        page.profile = Some(p.name);
                        rerun = true;
                    }
                }
            });
        let unit_text = page.unit.map_or("按表中所写", AmountUnit::label);
        egui::ComboBox::new("review-unit", "金额单位（所有表）")
            .selected_text(unit_text)
            .show_ui(ui, |ui| {
                let choices = [
                    None,
                    Some(AmountUnit::WanYuan),
                    Some(AmountUnit::Yuan),
                    Some(AmountUnit::QianYuan),
                ];
                for u in choices {
                    let label = u.map_or("按表中所写", AmountUnit::label);
                    if ui.selectable_label(page.unit == u, label).clicked() && page.unit != u {
                        page.unit = u;
                        rerun = true;
                    }
                }
            });
        if ui.button("重新复核").clicked() {
            rerun = true;
        }
    });
    if rerun {
        page.rerun();
        return;
    }
    let Some(batch) = &page.batch else { return };
    ui.label(format!(
        "{} 个文件：{} 张自评表已复核，{} 处无法复核。点列名排序，点项目名称看逐行比对。",
        batch.files,
        batch.forms.len(),
        batch.failures.len()
    ));
    let mut sort = None;
    let mut open = None;
    egui::ScrollArea::both()
        .id_salt("review-summary")
        .max_height((ui.available_height() - 120.0).max(120.0))
        .show(ui, |ui| {
            egui::Grid::new("review-summary-grid")
                .striped(true)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for key in SortKey::ALL {
                        let arrow = match page.sort {
                            (k, false) if k == key => " ▲",
                            (k, true) if k == key => " ▼",
                            _ => "",
                        };
                        if ui
                            .add(egui::Button::new(format!("{}{arrow}", key.title())).frame(false))
                            .clicked()
                        {
                            sort = Some(key);
                        }
                    }
                    ui.end_row();
                    for &i in &page.order {
                        let Some(f) = batch.forms.get(i) else {
                            continue;
                        };
                        let cells = summary_cells(f);
                        let mut on = page.chosen.contains(&i);
                        if ui.checkbox(&mut on, &cells[0]).changed() {
                            if on {
                                page.chosen.insert(i);
                            } else {
                                page.chosen.remove(&i);
                            }
                        }
                        // Long project and unit names are cut to a column's width, with
                        // the whole name on hover, so the figures stay in view at 1280 px.
                        let name = ui.scope(|ui| {
                            ui.set_max_width(NAME_WIDTH);
                            ui.add(egui::Link::new(&cells[1]))
                        });
                        if name.inner.on_hover_text(&cells[1]).clicked() {
                            open = Some(i);
                        }
                        for (c, text) in cells.iter().enumerate().skip(2) {
                            let flagged = match c {
                                6 => f.difference.is_some_and(|d| !d.is_zero()),
                                8 => f.errors() > 0,
                                _ => false,
                            };
                            let label = if flagged {
                                egui::Label::new(egui::RichText::new(text).color(RED))
                            } else {
                                egui::Label::new(text)
                            };
                            if c == 2 {
                                ui.scope(|ui| {
                                    ui.set_max_width(NAME_WIDTH);
                                    ui.add(label.truncate());
                                });
                            } else {
                                ui.add(label);
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    if !batch.failures.is_empty() {
        ui.separator();
        ui.label("无法复核：");
        for f in &batch.failures {
            ui.colored_label(RED, format!("{}：{}", f.file, f.reason));
        }
    }
    if let Some(k) = sort {
        page.sort_by(k);
    }
    if open.is_some() {
        page.open = open;
    }
}
