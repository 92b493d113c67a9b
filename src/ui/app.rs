//! The app shell: holds the document, the UI state and the derived data apart, lays out the
//! window, and applies what the pages return, in one place, after they are drawn.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use super::actions::Action;
use super::derived::Derived;
use super::dialogs::{ChooserMode, FileChooser, FileDialogs, Picked};
use super::exports::{self, Export};
use super::follow::{Before, follow};
use super::grid::GridState;
pub use super::state::UiState;
use super::view::{Output, View};
use super::{nav, pages, score_panel};
use crate::doc::Document;
use crate::model::{HasRowId, Workspace};
use crate::store::session::{self, Dirs};
pub use dialogs::{Dialog, Then};
pub use files::FileState;

mod dialogs;
mod files;

/// How the app starts.
pub struct Startup {
    /// Where recent files and recovery copies live (`None`: keep nothing).
    pub dirs: Option<Dirs>,
    pub dialogs: Box<dyn FileDialogs>,
    /// A file named on the command line.
    pub open: Option<PathBuf>,
}

/// A save running on another thread.
struct SaveJob {
    path: PathBuf,
    state: u64,
    then: Option<Then>,
    done: mpsc::Receiver<Result<(), String>>,
}

/// The window.
pub struct WorkbenchApp {
    pub doc: Document,
    pub file: FileState,
    pub ui: UiState,
    pub derived: Derived,
    pub dialog: Option<Dialog>,
    /// A short message in the status bar.
    pub status: Option<String>,
    dirs: Option<Dirs>,
    dialogs: Box<dyn FileDialogs>,
    saving: Option<SaveJob>,
    /// Closing was confirmed: let the next close request through.
    allow_close: bool,
    title: String,
    /// Recovery bookkeeping: revision last written, time of the last edit.
    recovery_revision: u64,
    last_edit: Option<Instant>,
    first_unsaved_edit: Option<Instant>,
    recovery_job: Option<mpsc::Receiver<Result<(), String>>>,
}

impl WorkbenchApp {
    /// Builds the app: opens the file named on the command line, else the most recent file,
    /// else the bundled sample as a copy; then offers a recovery copy newer than it.
    pub fn new(startup: Startup) -> WorkbenchApp {
        let mut app = WorkbenchApp {
            doc: Document::new(Workspace::default()),
            file: FileState::default(),
            ui: UiState::default(),
            derived: Derived::default(),
            dialog: None,
            status: None,
            dirs: startup.dirs,
            dialogs: startup.dialogs,
            saving: None,
            allow_close: false,
            title: String::new(),
            recovery_revision: 0,
            last_edit: None,
            first_unsaved_edit: None,
            recovery_job: None,
        };
        let last = app
            .dirs
            .as_ref()
            .and_then(|d| session::recent(d).into_iter().find(|p| p.exists()));
        match startup.open.or(last) {
            Some(p) => {
                if let Err(e) = app.open_path(&p) {
                    app.open_sample();
                    app.dialog = Some(Dialog::Message(e));
                }
            }
            None => app.open_sample(),
        }
        app.offer_recovery();
        app
    }

    /// The display name of the document.
    pub fn document_name(&self) -> String {
        match (&self.file.path, self.file.is_sample) {
            (Some(p), _) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            (None, true) => format!("{}（样例副本）", crate::sample::SAMPLE_NAME),
            (None, false) => "未命名工作区".to_owned(),
        }
    }

    fn window_title(&self) -> String {
        let dirty = if self.doc.is_dirty() { "● " } else { "" };
        let ro = if self.file.read_only {
            "（只读）"
        } else {
            ""
        };
        format!("{dirty}{}{ro} — 绩效评价工作台", self.document_name())
    }

    // ---- documents -------------------------------------------------------------------

    /// The page a freshly opened workspace shows: its first evaluation, else 部门概况.
    fn first_view(&self) -> View {
        self.doc
            .ws
            .evaluations
            .first()
            .map_or(View::Department, |e| View::Evaluation(e.id.clone()))
    }

    /// Runs an app action.
    pub fn run_action(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::New => self.guard(Then::New, ctx),
            Action::Open => self.guard(Then::Open(None), ctx),
            Action::Import => self.pick_import(),
            Action::OpenSample => self.guard(Then::OpenSample, ctx),
            Action::Save => self.save(None),
            Action::SaveAs => self.save_as(None),
            Action::Undo => {
                let before = Before::of(&self.ui, &self.doc.ws);
                if let Some(label) = self.doc.undo_label().map(str::to_owned)
                    && self.doc.undo()
                {
                    follow(&mut self.ui, &before, &self.doc.ws);
                    self.status = Some(format!("已撤销：{label}"));
                    self.touched();
                }
            }
            Action::Redo => {
                let before = Before::of(&self.ui, &self.doc.ws);
                if let Some(label) = self.doc.redo_label().map(str::to_owned)
                    && self.doc.redo()
                {
                    follow(&mut self.ui, &before, &self.doc.ws);
                    self.status = Some(format!("已重做：{label}"));
                    self.touched();
                }
            }
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Action::PrintPreview => match self.panel_evaluation() {
                Some(i) => {
                    self.dialog = Some(Dialog::Preview(Box::new(
                        super::print_preview::Preview::new(i),
                    )));
                }
                None => self.status = Some("工作区中没有评价可打印".to_owned()),
            },
            Action::ExportPdf | Action::Print => match self.panel_evaluation() {
                Some(evaluation) => {
                    let opts = crate::report::ReportOptions::default();
                    if action == Action::Print {
                        self.print(evaluation, opts);
                    } else {
                        self.export(Export::Pdf { evaluation, opts });
                    }
                }
                None => self.status = Some("工作区中没有评价可打印".to_owned()),
            },
            Action::ExportExcel => self.export(Export::Xlsx),
            Action::Review => self.pick_review_folder(),
        }
    }

    // ---- exports and printing ----------------------------------------------------------

    /// Asks where to write an export, then writes it.
    pub fn export(&mut self, what: Export) {
        let start = self.start_dir();
        let name = what.suggested_name(&self.doc.ws, &self.document_name());
        match self
            .dialogs
            .pick_export(start.as_deref(), &name, what.kind())
        {
            Picked::Path(p) => self.write_export(what, &p),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                let dir = start.unwrap_or_else(home_dir);
                self.dialog = Some(Dialog::ExportChooser(
                    FileChooser::of_kind(ChooserMode::Save, what.kind(), dir, &name),
                    what,
                ));
            }
        }
    }

    /// Writes an export to `path` (atomically); failures become a message.
    pub fn write_export(&mut self, what: Export, path: &Path) {
        match exports::write(&self.doc.ws, &self.derived, what, path) {
            Ok(s) => self.status = Some(s),
            Err(e) => self.dialog = Some(Dialog::Message(e)),
        }
    }

    /// Sends one evaluation's summary to the printer (or the default viewer).
    pub fn print(&mut self, evaluation: usize, opts: crate::report::ReportOptions) {
        match exports::print_evaluation(&self.doc.ws, &self.derived, evaluation, opts) {
            Ok(s) => self.status = Some(s),
            Err(e) => self.dialog = Some(Dialog::Message(format!("打印失败：{e}"))),
        }
    }

    fn touched(&mut self) {
        let now = Instant::now();
        self.last_edit = Some(now);
        if self.first_unsaved_edit.is_none() {
            self.first_unsaved_edit = Some(now);
        }
    }

    /// Applies what the pages returned this frame.
    pub fn apply_outputs(&mut self, outputs: Vec<Output>) {
        for o in outputs {
            match o {
                Output::Edit((edit, label)) => {
                    if self.file.read_only {
                        self.status = Some("此文件以只读方式打开：请先“另存为”再修改".to_owned());
                        continue;
                    }
                    let before = Before::of(&self.ui, &self.doc.ws);
                    match self.doc.apply(edit, label) {
                        Ok(()) => {
                            follow(&mut self.ui, &before, &self.doc.ws);
                            self.touched();
                        }
                        Err(e) => self.status = Some(format!("未能修改：{e}")),
                    }
                }
                Output::Navigate(view, cell) => {
                    if let Some((row, col)) = cell {
                        let key = pages::grid_key_for(&view);
                        self.ui.grids.entry(key).or_default().select(row, col);
                        if let View::Evaluation(e) = &view
                            && let Some(ind) = self
                                .doc
                                .ws
                                .evaluation(e)
                                .and_then(|ev| ev.indicators.get(row))
                        {
                            self.ui.selected_indicator.insert(e.clone(), ind.row_id());
                        }
                    }
                    self.ui.view = view;
                }
                Output::Status(s) => self.status = Some(s),
            }
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some() {
            return;
        }
        // Ctrl+Z belongs to the text being typed (a cell editor, a form field) while there is one.
        let focused = ctx.memory(egui::Memory::focused);
        let typing = self.ui.grids.values().any(GridState::is_editing)
            || focused.is_some_and(|f| self.ui.fields.contains_key(&f));
        // Shifted shortcuts first: egui matches Ctrl+S also when Shift is held.
        let order = [
            Action::SaveAs,
            Action::Save,
            Action::PrintPreview,
            Action::Print,
            Action::New,
            Action::Open,
            Action::Import,
            Action::Quit,
            Action::Redo,
            Action::Undo,
        ];
        for action in order {
            if typing && action.yields_to_text_fields() {
                continue;
            }
            let pressed = action
                .alternate_shortcut()
                .into_iter()
                .chain(action.shortcut())
                .any(|s| ctx.input_mut(|i| i.consume_shortcut(&s)));
            if pressed {
                self.run_action(action, ctx);
            }
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        let has_ext = |p: &PathBuf, exts: &[&str]| {
            p.extension()
                .is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
        };
        if let Some(p) = dropped.iter().find(|p| has_ext(p, &["ron"])) {
            self.guard(Then::Open(Some(p.clone())), ctx);
        } else if let Some(p) = dropped
            .iter()
            .find(|p| has_ext(p, &super::dialogs::IMPORT_EXTENSIONS))
            && self.dialog.is_none()
            && !self.file.read_only
        {
            self.open_import(p);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                if self.dialog.is_none() {
                    self.dialog = Some(Dialog::Unsaved(Then::Close));
                }
            } else if let Some(d) = &self.dirs {
                session::clear_recovery(d, self.file.path.as_deref());
            }
        }
    }

    // ---- drawing ---------------------------------------------------------------------

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("文件", |ui| {
                for a in [Action::New, Action::Open] {
                    self.menu_item(ui, a, &ctx);
                }
                self.menu_item(ui, Action::Import, &ctx);
                self.menu_item(ui, Action::Review, &ctx);
                let recent = self.dirs.as_ref().map(session::recent).unwrap_or_default();
                ui.menu_button("最近打开", |ui| {
                    if recent.is_empty() {
                        ui.label("（无）");
                    }
                    for p in recent {
                        let exists = p.exists();
                        if ui
                            .add_enabled(exists, egui::Button::new(p.display().to_string()))
                            .clicked()
                        {
                            self.guard(Then::Open(Some(p)), &ctx);
                            ui.close();
                        }
                    }
                });
                ui.separator();
                for a in [Action::Save, Action::SaveAs] {
                    self.menu_item(ui, a, &ctx);
                }
                ui.separator();
                for a in [
                    Action::PrintPreview,
                    Action::ExportPdf,
                    Action::Print,
                    Action::ExportExcel,
                ] {
                    self.menu_item(ui, a, &ctx);
                }
                ui.separator();
                self.menu_item(ui, Action::OpenSample, &ctx);
                ui.separator();
                self.menu_item(ui, Action::Quit, &ctx);
            });
            ui.menu_button("评价", |ui| {
                if ui
                    .add_enabled(!self.file.read_only, egui::Button::new("新建评价…"))
                    .clicked()
                {
                    self.dialog = Some(Dialog::NewEvaluation(Box::new(
                        super::new_evaluation::NewEvaluation::new(&self.doc.ws),
                    )));
                    ui.close();
                }
                let current = if let View::Evaluation(id) = &self.ui.view {
                    Some(id.clone())
                } else {
                    None
                };
                if ui
                    .add_enabled(
                        current.is_some() && !self.file.read_only,
                        egui::Button::new("删除当前评价…"),
                    )
                    .clicked()
                {
                    if let Some(i) = current {
                        self.dialog = Some(Dialog::DeleteEvaluation(i));
                    }
                    ui.close();
                }
            });
            ui.menu_button("编辑", |ui| {
                let undo = self
                    .doc
                    .undo_label()
                    .map_or_else(|| "撤销".to_owned(), |l| format!("撤销：{l}"));
                let redo = self
                    .doc
                    .redo_label()
                    .map_or_else(|| "重做".to_owned(), |l| format!("重做：{l}"));
                if ui
                    .add_enabled(
                        self.doc.can_undo(),
                        egui::Button::new(undo).shortcut_text("Ctrl+Z"),
                    )
                    .clicked()
                {
                    self.run_action(Action::Undo, &ctx);
                    ui.close();
                }
                if ui
                    .add_enabled(
                        self.doc.can_redo(),
                        egui::Button::new(redo).shortcut_text("Ctrl+Y"),
                    )
                    .clicked()
                {
                    self.run_action(Action::Redo, &ctx);
                    ui.close();
                }
            });
        });
    }

    fn menu_item(&mut self, ui: &mut egui::Ui, a: Action, ctx: &egui::Context) {
        let mut b = egui::Button::new(a.label());
        if let Some(s) = a.shortcut() {
            b = b.shortcut_text(ctx.format_shortcut(&s));
        }
        if ui.add(b).clicked() {
            self.run_action(a, ctx);
            ui.close();
        }
    }

    fn status_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let where_ = match &self.file.path {
                Some(p) => p.display().to_string(),
                None if self.file.is_sample => "内置样例（副本，保存时选择位置）".to_owned(),
                None => "未保存的新工作区".to_owned(),
            };
            ui.label(where_);
            if self.file.read_only {
                ui.colored_label(egui::Color32::from_rgb(180, 100, 0), "只读");
            }
            if self.doc.is_dirty() {
                ui.colored_label(egui::Color32::from_rgb(200, 80, 0), "● 未保存");
            } else {
                ui.label("已保存");
            }
            ui.separator();
            let (e, r, w, i) = self.derived.counts();
            ui.label(format!("检查：错误 {e} · 舍入 {r} · 提示 {w} · 说明 {i}"));
            if let Some(s) = &self.status {
                ui.separator();
                ui.label(s);
            }
        });
    }

    /// The evaluation the score panel follows.
    fn panel_evaluation(&mut self) -> Option<usize> {
        let ws = &self.doc.ws;
        let by_id = |id: &str| ws.evaluations.iter().position(|e| e.id == id);
        let current = match &self.ui.view {
            View::Evaluation(id) => by_id(id),
            View::Project(p) => ws
                .evaluations
                .iter()
                .position(|e| e.subject == crate::model::Subject::Project(p.clone())),
            _ => None,
        };
        let chosen = current
            .or_else(|| self.ui.last_evaluation.as_deref().and_then(by_id))
            .or_else(|| {
                ws.evaluations
                    .iter()
                    .position(|e| e.subject == crate::model::Subject::Department)
            })
            .or(if ws.evaluations.is_empty() {
                None
            } else {
                Some(0)
            });
        self.ui.last_evaluation = chosen
            .and_then(|i| ws.evaluations.get(i))
            .map(|e| e.id.clone());
        chosen
    }

    /// One frame of the whole window (also what the kittest harness drives).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.handle_close_request(&ctx);
        self.poll_save(&ctx);
        self.handle_shortcuts(&ctx);
        self.handle_dropped_files(&ctx);
        self.derived.refresh(&self.doc.ws, self.doc.revision);

        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        let mut outputs = Vec::new();
        egui::Panel::left("navigator")
            .resizable(true)
            .default_size(220.0)
            .show(ui, |ui| {
                outputs.extend(nav::navigator_ui(
                    ui,
                    &self.doc.ws,
                    &self.ui.view,
                    &self.derived,
                ));
            });
        let panel_eval = self.panel_evaluation();
        // The 批量复核 page is about files, not the workspace: it gets the score panel's width.
        if self.ui.view != View::Review {
            egui::Panel::right("scores")
                .resizable(true)
                .default_size(300.0)
                .show(ui, |ui| {
                    score_panel::score_panel_ui(ui, &self.doc.ws, &self.derived, panel_eval);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            outputs.extend(pages::page_ui(
                ui,
                &self.doc.ws,
                &self.derived,
                &mut self.ui,
            ));
        });
        self.apply_outputs(outputs);
        // Recompute now, and lay the window out once more within this frame (a second egui
        // pass, input already taken), so that the frame shown has the edit in the grid, the
        // score panel (drawn before the page) and the status bar. If egui has no pass left,
        // the next frame, drawn at once, shows it.
        if self.derived.refresh(&self.doc.ws, self.doc.revision) {
            ctx.request_discard("the document changed after the panels were drawn");
            if !ctx.will_discard() {
                ctx.request_repaint();
            }
        }
        self.dialog_ui(&ctx);
        self.autosave_recovery(&ctx);
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

impl eframe::App for WorkbenchApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if self.saving.is_some() {
            let ctx = egui::Context::default();
            self.finish_save_blocking(&ctx);
        }
    }
}

fn home_dir() -> PathBuf {
    directories::UserDirs::new().map_or_else(|| PathBuf::from("."), |u| u.home_dir().to_path_buf())
}
