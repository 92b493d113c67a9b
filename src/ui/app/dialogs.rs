//! The shell's dialogs: the unsaved-changes question and what follows it, the import, and
//! every modal the window shows; moved from `ui/app.rs`, content unchanged.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{WorkbenchApp, home_dir};
use crate::store::session::{self, Recovery};
use crate::ui::dialogs::{ChooserMode, ChooserResult, FileChooser, Picked};
use crate::ui::exports::Export;
use crate::ui::view::{Output, View};

/// What to do once the unsaved-changes question is answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Then {
    Close,
    New,
    Open(Option<PathBuf>),
    OpenSample,
}

/// A modal the app is showing.
#[derive(Debug)]
pub enum Dialog {
    /// 保存 / 不保存 / 取消.
    Unsaved(Then),
    /// 恢复 / 放弃.
    Recovery {
        recovery: Recovery,
        workspace: Option<PathBuf>,
    },
    /// The in-app file chooser, and what the chosen path is for.
    Chooser(FileChooser, Option<Then>),
    /// A message with one OK button.
    Message(String),
    /// 新建评价 from a template.
    NewEvaluation(Box<crate::ui::new_evaluation::NewEvaluation>),
    /// 删除评价 (confirm), by index.
    DeleteEvaluation(usize),
    /// 导入预览.
    Import(Box<crate::ui::import_dialog::ImportDialog>),
    /// 打印预览 of one evaluation.
    Preview(Box<crate::ui::print_preview::Preview>),
    /// The in-app chooser picking where an export goes.
    ExportChooser(FileChooser, Export),
}

impl WorkbenchApp {
    /// Runs `then` unless there are unsaved changes, in which case it asks first.
    pub(super) fn guard(&mut self, then: Then, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::Unsaved(then));
        } else {
            self.proceed(then, ctx);
        }
    }

    pub(super) fn proceed(&mut self, then: Then, ctx: &egui::Context) {
        match then {
            Then::Close => {
                if let Some(d) = &self.dirs {
                    session::clear_recovery(d, self.file.path.as_deref());
                }
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Then::New => self.new_workspace(),
            Then::OpenSample => self.open_sample(),
            Then::Open(Some(p)) => {
                if let Err(e) = self.open_path(&p) {
                    self.dialog = Some(Dialog::Message(e));
                } else {
                    self.offer_recovery();
                }
            }
            Then::Open(None) => {
                let start = self.start_dir();
                match self.dialogs.pick_open(start.as_deref()) {
                    Picked::Path(p) => self.proceed(Then::Open(Some(p)), ctx),
                    Picked::Cancelled => {}
                    Picked::Unavailable => {
                        let dir = start.unwrap_or_else(home_dir);
                        self.dialog = Some(Dialog::Chooser(
                            FileChooser::new(ChooserMode::Open, dir, ""),
                            Some(Then::Open(None)),
                        ));
                    }
                }
            }
        }
    }

    // ---- saving ----------------------------------------------------------------------

    /// Asks for a file to import (system dialog, else the in-app chooser).
    pub(super) fn pick_import(&mut self) {
        if self.file.read_only {
            self.status = Some("此文件以只读方式打开：请先“另存为”再导入".to_owned());
            return;
        }
        let start = self.start_dir();
        match self.dialogs.pick_import(start.as_deref()) {
            Picked::Path(p) => self.open_import(&p),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                let dir = start.unwrap_or_else(home_dir);
                self.dialog = Some(Dialog::Chooser(
                    FileChooser::new(ChooserMode::Import, dir, ""),
                    None,
                ));
            }
        }
    }

    /// Asks for a folder of submitted 自评表 (system dialog, else the in-app chooser).
    pub(super) fn pick_review_folder(&mut self) {
        let start = self.start_dir();
        match self.dialogs.pick_folder(start.as_deref()) {
            Picked::Path(p) => self.open_review(&p),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                let dir = start.unwrap_or_else(home_dir);
                self.dialog = Some(Dialog::Chooser(
                    FileChooser::new(ChooserMode::Folder, dir, ""),
                    None,
                ));
            }
        }
    }

    /// Reviews a folder (or file) of submitted 自评表 and shows the 批量复核 page.
    pub fn open_review(&mut self, path: &Path) {
        let profile = self.ui.review.as_ref().and_then(|r| r.profile.clone());
        self.ui.review = Some(Box::new(crate::ui::review::ReviewPage::start(path, profile)));
        self.ui.view = View::Review;
    }

    /// Reads a spreadsheet or CSV and shows the import preview (nothing changes until 导入).
    pub fn open_import(&mut self, path: &Path) {
        self.dialog = Some(Dialog::Import(Box::new(
            crate::ui::import_dialog::ImportDialog::open(path, &self.doc.ws),
        )));
    }

    pub(super) fn dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = self.dialog.take() else {
            return;
        };
        match dialog {
            Dialog::Unsaved(then) => {
                let mut choice = None;
                egui::Modal::new(egui::Id::unique("unsaved-question")).show(ctx, |ui| {
                    ui.heading("保存更改？");
                    ui.label(format!("“{}”有未保存的更改。", self.document_name()));
                    ui.horizontal(|ui| {
                        if ui.button("保存").clicked() {
                            choice = Some(0);
                        }
                        if ui.button("不保存").clicked() {
                            choice = Some(1);
                        }
                        if ui.button("取消").clicked() {
                            choice = Some(2);
                        }
                    });
                });
                match choice {
                    Some(0) => self.save(Some(then)),
                    Some(1) => self.proceed(then, ctx),
                    Some(_) => {}
                    None => self.dialog = Some(Dialog::Unsaved(then)),
                }
            }
            Dialog::Recovery {
                recovery,
                workspace,
            } => {
                let mut choice = None;
                egui::Modal::new(egui::Id::unique("recovery-offer")).show(ctx, |ui| {
                    ui.heading("发现未保存的工作");
                    ui.label(format!(
                        "上次未正常退出，留下了 {} 的恢复副本。",
                        format_time(recovery.modified)
                    ));
                    if let Some(w) = &workspace {
                        ui.label(format!("对应文件：{}", w.display()));
                    }
                    ui.horizontal(|ui| {
                        if ui.button("恢复").clicked() {
                            choice = Some(true);
                        }
                        if ui.button("放弃").clicked() {
                            choice = Some(false);
                        }
                    });
                });
                match choice {
                    Some(true) => self.recover(&recovery),
                    Some(false) => {
                        if let Some(d) = &self.dirs {
                            session::clear_recovery(d, workspace.as_deref());
                        }
                    }
                    None => {
                        self.dialog = Some(Dialog::Recovery {
                            recovery,
                            workspace,
                        });
                    }
                }
            }
            Dialog::Chooser(mut chooser, then) => match chooser.ui(ctx) {
                ChooserResult::Pending => self.dialog = Some(Dialog::Chooser(chooser, then)),
                ChooserResult::Cancelled => {}
                ChooserResult::Chosen(p) => match chooser.mode {
                    ChooserMode::Open => self.proceed(Then::Open(Some(p)), ctx),
                    ChooserMode::Save => self.start_save(p, then),
                    ChooserMode::Import => self.open_import(&p),
                    ChooserMode::Folder => self.open_review(&p),
                },
            },
            Dialog::NewEvaluation(mut form) => match form.ui(ctx, &self.doc.ws) {
                crate::ui::new_evaluation::NewEvaluationResult::Pending => {
                    self.dialog = Some(Dialog::NewEvaluation(form));
                }
                crate::ui::new_evaluation::NewEvaluationResult::Cancelled => {}
                crate::ui::new_evaluation::NewEvaluationResult::Create(edit, at) => {
                    self.apply_outputs(vec![
                        Output::Edit((edit, "新建评价".to_owned())),
                        Output::Navigate(View::Evaluation(at), None),
                    ]);
                }
            },
            Dialog::DeleteEvaluation(i) => {
                let name = self
                    .doc
                    .ws
                    .evaluations
                    .get(i)
                    .map(|e| e.name.clone())
                    .unwrap_or_default();
                let mut choice = None;
                egui::Modal::new(egui::Id::unique("delete-evaluation")).show(ctx, |ui| {
                    ui.heading("删除评价？");
                    ui.label(format!("将删除“{name}”及其全部指标（可撤销）。"));
                    ui.horizontal(|ui| {
                        if ui.button("删除").clicked() {
                            choice = Some(true);
                        }
                        if ui.button("取消").clicked() {
                            choice = Some(false);
                        }
                    });
                });
                match choice {
                    Some(true) => {
                        let edit = crate::doc::Edit::Splice {
                            table: crate::doc::TableRef::Evaluations,
                            at: i,
                            remove: 1,
                            insert: vec![],
                        };
                        self.apply_outputs(vec![
                            Output::Edit((edit, format!("删除评价“{name}”"))),
                            Output::Navigate(View::Department, None),
                        ]);
                        self.ui.last_evaluation = None;
                        self.ui.selected_indicator.clear();
                        self.ui.grids.retain(|k, _| !k.starts_with("evaluation/"));
                    }
                    Some(false) => {}
                    None => self.dialog = Some(Dialog::DeleteEvaluation(i)),
                }
            }
            Dialog::Import(mut d) => match d.ui(ctx, &self.doc.ws) {
                crate::ui::import_dialog::ImportResult::Pending => {
                    self.dialog = Some(Dialog::Import(d));
                }
                crate::ui::import_dialog::ImportResult::Cancelled => {}
                crate::ui::import_dialog::ImportResult::Import(edit, label, view) => {
                    let mut outputs = vec![Output::Edit((edit, label.clone()))];
                    if let Some(v) = view {
                        outputs.push(Output::Navigate(v, None));
                    }
                    outputs.push(Output::Status(format!("已{label}（可撤销）")));
                    self.apply_outputs(outputs);
                }
            },
            Dialog::Preview(mut preview) => {
                let revision = self.doc.revision;
                match preview.ui(ctx, &self.doc.ws, &self.derived, revision) {
                    crate::ui::print_preview::PreviewAction::None => {
                        self.dialog = Some(Dialog::Preview(preview));
                    }
                    crate::ui::print_preview::PreviewAction::Close => {}
                    crate::ui::print_preview::PreviewAction::ExportPdf => {
                        let what = Export::Pdf {
                            evaluation: preview.evaluation,
                            opts: preview.opts,
                        };
                        self.dialog = Some(Dialog::Preview(preview));
                        self.export(what);
                    }
                    crate::ui::print_preview::PreviewAction::Print => {
                        let (evaluation, opts) = (preview.evaluation, preview.opts);
                        self.dialog = Some(Dialog::Preview(preview));
                        self.print(evaluation, opts);
                    }
                }
            }
            Dialog::ExportChooser(mut chooser, what) => match chooser.ui(ctx) {
                ChooserResult::Pending => self.dialog = Some(Dialog::ExportChooser(chooser, what)),
                ChooserResult::Cancelled => {}
                ChooserResult::Chosen(p) => self.write_export(what, &p),
            },
            Dialog::Message(text) => {
                let mut ok = false;
                egui::Modal::new(egui::Id::unique("message")).show(ctx, |ui| {
                    ui.set_max_width(480.0);
                    ui.label(&text);
                    ok = ui.button("确定").clicked();
                });
                if !ok {
                    self.dialog = Some(Dialog::Message(text));
                }
            }
        }
    }
}

/// A local time for people ("2026-11-22 10:42").
fn format_time(t: SystemTime) -> String {
    let dt: chrono::DateTime<chrono::Local> = t.into();
    dt.format("%Y-%m-%d %H:%M").to_string()
}
