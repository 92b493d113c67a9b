//! 导入预览: the file's detected layout, the column mapping (each column can be remapped),
//! the rows to be added and the rows skipped (each row can be skipped), unreadable cells,
//! the 合计 checks and the findings the import would bring; then 导入 as one undo step.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::view::View;
use crate::doc::Edit;
use crate::import::{Field, ImportOptions, ImportPlan, Layout, RowKind, Source, TextEncoding};
use crate::model::Workspace;

/// The preview's state.
#[derive(Debug)]
pub struct ImportDialog {
    pub path: PathBuf,
    pub encoding: TextEncoding,
    pub opts: ImportOptions,
    source: Result<Source, String>,
    plan: Result<ImportPlan, String>,
}

/// What the evaluator did this frame.
pub enum ImportResult {
    Pending,
    Cancelled,
    /// Apply this edit (one undo step), with its label, then go to this page.
    Import(Box<Edit>, String, Option<View>),
}

impl ImportDialog {
    /// Reads the file and plans its import against the document.
    pub fn open(path: &Path, ws: &Workspace) -> ImportDialog {
        let mut d = ImportDialog {
            path: path.to_path_buf(),
            encoding: TextEncoding::Auto,
            opts: ImportOptions::default(),
            source: Err(String::new()),
            plan: Err(String::new()),
        };
        d.reread(ws);
        d
    }

    fn reread(&mut self, ws: &Workspace) {
        self.source = crate::import::read(&self.path, self.encoding).map_err(|e| e.to_string());
        self.replan(ws);
    }

    /// Plans again after a change of sheet, layout, mapping or skipped rows.
    pub fn replan(&mut self, ws: &Workspace) {
        self.plan = match &self.source {
            Ok(s) => crate::import::plan(ws, s, &self.opts).map_err(|e| e.to_string()),
            Err(e) => Err(e.clone()),
        };
    }

    pub fn plan(&self) -> Result<&ImportPlan, &str> {
        self.plan.as_ref().map_err(String::as_str)
    }

    /// Maps column `col` to `field` (or to nothing) and plans again.
    pub fn remap(&mut self, col: usize, field: Option<Field>, ws: &Workspace) {
        let Ok(plan) = &self.plan else { return };
        let Some(header) = &plan.header else { return };
        let mut mapping = header.mapping.clone();
        if let Some(f) = field {
            for m in &mut mapping {
                if *m == Some(f) {
                    *m = None;
                }
            }
        }
        if let Some(slot) = mapping.get_mut(col) {
            *slot = field;
        }
        self.opts.layout = Some(header.layout);
        self.opts.sheet = Some(plan.sheet.clone());
        self.opts.mapping = Some(mapping);
        self.replan(ws);
    }

    /// Skips a row (0-based) or takes it back, and plans again.
    pub fn toggle_skip(&mut self, row: usize, ws: &Workspace) {
        if let Ok(plan) = &self.plan {
            self.opts.sheet = Some(plan.sheet.clone());
        }
        if !self.opts.skip_rows.remove(&row) {
            self.opts.skip_rows.insert(row);
        }
        self.replan(ws);
    }

    pub fn ui(&mut self, ctx: &egui::Context, ws: &Workspace) -> ImportResult {
        let mut result = ImportResult::Pending;
        let file_name = self
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        egui::Modal::new(egui::Id::unique("import-preview")).show(ctx, |ui| {
            ui.set_width(ctx.content_rect().width().min(1100.0) - 60.0);
            ui.heading(format!("导入预览：{file_name}"));
            self.controls_ui(ui, ws);
            ui.separator();
            // A fixed-size body, so the modal does not re-centre as rows are skipped or remapped.
            let body = ctx.content_rect().height() * 0.62;
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .min_scrolled_height(body)
                .max_height(body)
                .show(ui, |ui| match &self.plan {
                    Err(e) => {
                        ui.colored_label(egui::Color32::DARK_RED, e);
                    }
                    Ok(_) => self.plan_ui(ui, ws),
                });
            ui.separator();
            ui.horizontal(|ui| {
                let ready = self.plan.as_ref().is_ok_and(ImportPlan::is_ready);
                if ui.add_enabled(ready, egui::Button::new("导入")).clicked()
                    && let Ok(plan) = &self.plan
                {
                    result = ImportResult::Import(
                        Box::new(plan.edit()),
                        format!("导入“{file_name}”"),
                        view_after(plan, ws),
                    );
                }
                if ui.button("取消").clicked() {
                    result = ImportResult::Cancelled;
                }
                if let Ok(p) = &self.plan
                    && !p.problems.is_empty()
                {
                    ui.colored_label(
                        egui::Color32::DARK_RED,
                        "有无法读取的单元格：改正文件、重新映射列或跳过这些行后才能导入。",
                    );
                }
            });
        });
        result
    }

    fn controls_ui(&mut self, ui: &mut egui::Ui, ws: &Workspace) {
        let (sheets, current_sheet, current_layout) = match &self.plan {
            Ok(p) => (p.sheet_names.clone(), p.sheet.clone(), Some(p.layout)),
            Err(_) => (
                self.source
                    .as_ref()
                    .map(|s| s.sheets.iter().map(|s| s.name.clone()).collect())
                    .unwrap_or_default(),
                self.opts.sheet.clone().unwrap_or_default(),
                self.opts.layout,
            ),
        };
        let mut changed = false;
        let mut reread = false;
        ui.horizontal_wrapped(|ui| {
            egui::ComboBox::from_label("工作表")
                .selected_text(current_sheet.clone())
                .show_ui(ui, |ui| {
                    for s in &sheets {
                        if ui.selectable_label(*s == current_sheet, s).clicked() {
                            self.opts.sheet = Some(s.clone());
                            self.opts.mapping = None;
                            self.opts.skip_rows.clear();
                            changed = true;
                        }
                    }
                });
            egui::ComboBox::from_label("版式")
                .selected_text(current_layout.map_or("自动识别", Layout::label))
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(self.opts.layout.is_none(), "自动识别")
                        .clicked()
                    {
                        self.opts.layout = None;
                        self.opts.mapping = None;
                        changed = true;
                    }
                    for l in Layout::ALL {
                        if ui
                            .selectable_label(self.opts.layout == Some(l), l.label())
                            .clicked()
                        {
                            self.opts.layout = Some(l);
                            self.opts.mapping = None;
                            changed = true;
                        }
                    }
                });
            let is_text = self.source.as_ref().is_ok_and(|s| s.encoding.is_some())
                || self.path.extension().is_some_and(|e| {
                    e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt")
                });
            if is_text {
                egui::ComboBox::from_label("编码")
                    .selected_text(self.encoding.label())
                    .show_ui(ui, |ui| {
                        for e in TextEncoding::ALL {
                            if ui.selectable_label(self.encoding == e, e.label()).clicked() {
                                self.encoding = e;
                                reread = true;
                            }
                        }
                    });
            }
        });
        if current_layout == Some(Layout::SelfEval) {
            changed |= self.form_choices_ui(ui);
        }
        if let Ok(p) = &self.plan {
            let mut line = format!(
                "识别为：{}　年度：{}　单位：{}{}",
                p.layout.label(),
                p.year,
                p.unit_from.label(),
                if p.unit_stated {
                    ""
                } else {
                    "（表中未注明）"
                }
            );
            if let Some(e) = p.encoding {
                let _ = write!(line, "　编码：{e}");
            }
            ui.label(line);
        }
        if reread {
            self.reread(ws);
        } else if changed {
            self.replan(ws);
        }
    }

    /// The 自评表's money unit (which must be chosen when the form states none, or states two)
    /// and the scoring profile of its 项目自评. Returns whether a choice changed.
    fn form_choices_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let mut changed = false;
        let refused = self.plan.as_ref().is_ok_and(|p| {
            p.problems
                .iter()
                .any(|x| x.header == crate::import::plan::UNIT_HEADER)
        });
        ui.horizontal_wrapped(|ui| {
            let shown = match self.opts.unit {
                Some(u) => u.label(),
                None if refused => "请选择",
                None => "按表中所写",
            };
            egui::ComboBox::from_label("金额单位")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(self.opts.unit.is_none(), "按表中所写")
                        .clicked()
                    {
                        self.opts.unit = None;
                        changed = true;
                    }
                    for u in crate::model::AmountUnit::ALL {
                        if ui
                            .selectable_label(self.opts.unit == Some(u), u.label())
                            .clicked()
                        {
                            self.opts.unit = Some(u);
                            changed = true;
                        }
                    }
                });
            let profile_name = self
                .opts
                .profile
                .as_ref()
                .map_or("项目支出绩效自评表", |p| p.name.as_str())
                .to_owned();
            egui::ComboBox::from_label("评分方案")
                .selected_text(profile_name.clone())
                .show_ui(ui, |ui| {
                    for p in crate::model::ScoringProfile::presets() {
                        if ui
                            .selectable_label(p.name == profile_name, &p.name)
                            .clicked()
                        {
                            self.opts.profile = Some(p);
                            changed = true;
                        }
                    }
                });
            if refused {
                ui.colored_label(
                    egui::Color32::DARK_RED,
                    "表中金额单位不明或前后不一致：请选择元、万元或千元后再导入",
                );
            }
        });
        changed
    }

    fn plan_ui(&mut self, ui: &mut egui::Ui, ws: &Workspace) {
        let Ok(plan) = &self.plan else { return };
        let mut remap: Option<(usize, Option<Field>)> = None;
        let mut toggle: Option<usize> = None;
        if let Some(header) = &plan.header {
            ui.strong(format!(
                "列映射（表头第 {}–{} 行）",
                header.first_row + 1,
                header.first_row + header.rows
            ));
            egui::Grid::new("import-mapping")
                .striped(true)
                .show(ui, |ui| {
                    for (c, label) in header.labels.iter().enumerate() {
                        let field = header.mapping.get(c).copied().flatten();
                        if label.is_empty() && field.is_none() {
                            continue;
                        }
                        let col = crate::import::grid::column_name(c);
                        ui.label(format!("{col} 列"));
                        ui.label(label);
                        egui::ComboBox::from_label(format!("{col} 列映射"))
                            .selected_text(field.map_or("（不导入）", Field::label))
                            .show_ui(ui, |ui| {
                                if ui.selectable_label(field.is_none(), "（不导入）").clicked()
                                {
                                    remap = Some((c, None));
                                }
                                for f in header.layout.fields() {
                                    if ui.selectable_label(field == Some(*f), f.label()).clicked() {
                                        remap = Some((c, Some(*f)));
                                    }
                                }
                            });
                        ui.end_row();
                    }
                });
            ui.add_space(6.0);
        }
        ui.strong(format!(
            "行：导入 {} 行，合计行 {} 行，跳过 {} 行",
            plan.count(RowKind::Added),
            plan.count(RowKind::Total),
            plan.count(RowKind::Skipped)
        ));
        egui::Grid::new("import-rows").striped(true).show(ui, |ui| {
            for r in &plan.rows {
                ui.label(format!("第 {} 行", r.row + 1));
                ui.label(r.kind.label());
                ui.label(&r.text);
                let skipped_by_user = self.opts.skip_rows.contains(&r.row);
                if r.kind != RowKind::Skipped || skipped_by_user {
                    let mut skip = skipped_by_user;
                    if ui
                        .checkbox(&mut skip, format!("跳过第 {} 行", r.row + 1))
                        .changed()
                    {
                        toggle = Some(r.row);
                    }
                } else {
                    ui.label("");
                }
                ui.end_row();
            }
        });
        if !plan.problems.is_empty() {
            ui.add_space(6.0);
            ui.strong(format!("无法读取的单元格（{} 处）", plan.problems.len()));
            for p in &plan.problems {
                ui.colored_label(egui::Color32::DARK_RED, p.to_string());
            }
        }
        for c in &plan.checks {
            ui.label(format!("核对：{c}"));
        }
        for n in &plan.notes {
            ui.label(format!("说明：{n}"));
        }
        ui.add_space(6.0);
        ui.strong(format!(
            "导入后新增的检查结果（{} 条）",
            plan.findings.len()
        ));
        for f in plan.findings.iter().take(200) {
            ui.label(format!("[{}] {}：{}", f.kind.label(), f.place, f.message));
        }
        if let Some((c, f)) = remap {
            self.remap(c, f, ws);
        } else if let Some(r) = toggle {
            self.toggle_skip(r, ws);
        }
    }
}

/// The page that shows what was imported.
fn view_after(plan: &ImportPlan, ws: &Workspace) -> Option<View> {
    let after = plan.apply(ws);
    let year = plan.year;
    let book = after.budget(year);
    match plan.layout {
        Layout::Functional => {
            let name = plan.header.as_ref().map(|h| h.meta.title.clone())?;
            let table = book?
                .functional
                .iter()
                .position(|t| t.name == name)
                .or_else(|| book.map(|b| b.functional.len().saturating_sub(1)))?;
            Some(View::Functional { year, table })
        }
        Layout::Economic => Some(View::Economic {
            year,
            table: book?.economic.len().saturating_sub(1),
        }),
        Layout::ThreePublic => Some(View::ThreePublic { year }),
        Layout::Projects => Some(View::Projects { year }),
        Layout::Indicators | Layout::SelfEval => {
            Some(View::Evaluation(after.evaluations.last()?.id.clone()))
        }
    }
}
