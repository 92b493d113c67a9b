//! The app shell: holds the document, the UI state and the derived data apart, lays out the
//! window, and applies what the pages return, in one place, after they are drawn.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

use super::actions::Action;
use super::derived::Derived;
use super::dialogs::{ChooserMode, ChooserResult, FileChooser, FileDialogs, Picked};
use super::edit::Document;
use super::exports::{self, Export};
use super::grid::GridState;
use super::session::{self, Dirs, Lock, LockOutcome, Recovery};
use super::view::{Output, View};
use super::{nav, pages, score_panel};
use crate::model::Workspace;
use crate::store;

/// How the app starts.
pub struct Startup {
    /// Where recent files and recovery copies live (`None`: keep nothing).
    pub dirs: Option<Dirs>,
    pub dialogs: Box<dyn FileDialogs>,
    /// A file named on the command line.
    pub open: Option<PathBuf>,
}

/// Where the document lives.
#[derive(Debug, Default)]
pub struct FileState {
    /// `None`: untitled, or the bundled sample opened as a copy.
    pub path: Option<PathBuf>,
    pub is_sample: bool,
    /// Another instance has the file open.
    pub read_only: bool,
    /// Held for its `Drop`, which removes the lock file.
    _lock: Option<Lock>,
}

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
    NewEvaluation(Box<super::new_evaluation::NewEvaluation>),
    /// 删除评价 (confirm), by index.
    DeleteEvaluation(usize),
    /// 导入预览.
    Import(Box<super::import_dialog::ImportDialog>),
    /// 打印预览 of one evaluation.
    Preview(Box<super::print_preview::Preview>),
    /// The in-app chooser picking where an export goes.
    ExportChooser(FileChooser, Export),
}

/// A save running on another thread.
struct SaveJob {
    path: PathBuf,
    state: u64,
    then: Option<Then>,
    done: mpsc::Receiver<Result<(), String>>,
}

/// UI state: selection, open pages, edit buffers. Losing it is harmless.
#[derive(Default)]
pub struct UiState {
    pub view: View,
    /// One grid state per grid (keyed by page and grid name).
    pub grids: HashMap<String, GridState>,
    /// Text buffers of form fields being edited.
    pub fields: HashMap<egui::Id, String>,
    /// The evaluation the score panel followed last.
    pub last_evaluation: Option<usize>,
    /// The selected indicator row of each evaluation (for the side editor).
    pub selected_indicator: HashMap<usize, usize>,
    /// Collapsed 类/款 rows per functional table (document indices).
    pub collapsed: HashMap<(i32, usize), std::collections::HashSet<usize>>,
    /// The 批量复核 page and its batch (kept through edits; another workspace drops it).
    pub review: Option<Box<super::review::ReviewPage>>,
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

/// Idle time after an edit before the recovery copy is written.
const RECOVERY_IDLE: Duration = Duration::from_secs(3);
/// The recovery copy is written at the latest this long after the first unsaved edit.
const RECOVERY_MAX_DELAY: Duration = Duration::from_secs(25);

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
            (None, true) => format!("{}（样例副本）", crate::cli::SAMPLE_NAME),
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

    fn replace_document(&mut self, doc: Document, file: FileState) {
        self.doc = doc;
        self.file = file;
        self.ui = UiState::default();
        self.derived = Derived::default();
        self.recovery_revision = self.doc.revision;
        self.last_edit = None;
        self.first_unsaved_edit = None;
        self.ui.view = self.first_view();
    }

    /// The page a freshly opened workspace shows: its first evaluation, else 部门概况.
    fn first_view(&self) -> View {
        if self.doc.ws.evaluations.is_empty() {
            View::Department
        } else {
            View::Evaluation(0)
        }
    }

    /// Opens the bundled sample as an unsaved copy (saving asks where).
    pub fn open_sample(&mut self) {
        match crate::cli::sample_workspace() {
            Ok(ws) => {
                self.replace_document(
                    Document::new(ws),
                    FileState {
                        is_sample: true,
                        ..FileState::default()
                    },
                );
            }
            Err(e) => {
                self.replace_document(Document::new(Workspace::default()), FileState::default());
                self.dialog = Some(Dialog::Message(e));
            }
        }
    }

    /// Opens a workspace file; on failure the current document is untouched.
    pub fn open_path(&mut self, path: &Path) -> Result<(), String> {
        let ws = store::load_path(path).map_err(|e| format!("无法打开工作区：{e}"))?;
        let (lock, read_only) = match session::lock(path) {
            LockOutcome::Locked(l) => (Some(l), false),
            LockOutcome::HeldBy(pid) => {
                self.status = Some(format!(
                    "此文件已在另一个窗口（进程 {pid}）中打开：以只读方式打开"
                ));
                (None, true)
            }
            LockOutcome::Unavailable(_) => (None, false),
        };
        self.replace_document(
            Document::new(ws),
            FileState {
                path: Some(path.to_path_buf()),
                is_sample: false,
                read_only,
                _lock: lock,
            },
        );
        if let Some(d) = &self.dirs {
            session::remember(d, path);
        }
        if read_only && self.status.is_none() {
            self.status = Some("以只读方式打开".to_owned());
        }
        Ok(())
    }

    fn new_workspace(&mut self) {
        let mut ws = Workspace::default();
        "新工作区".clone_into(&mut ws.meta.title);
        ws.meta.fiscal_year = self.doc.ws.meta.fiscal_year;
        self.replace_document(Document::new(ws), FileState::default());
    }

    fn offer_recovery(&mut self) {
        let Some(dirs) = &self.dirs else { return };
        let key = self.file.path.clone();
        if let Some(r) = session::pending_recovery(dirs, key.as_deref()) {
            self.dialog = Some(Dialog::Recovery {
                recovery: r,
                workspace: key,
            });
        }
    }

    fn recover(&mut self, r: &Recovery) {
        match store::load_path(&r.path) {
            Ok(ws) => {
                let file = std::mem::take(&mut self.file);
                let view = self.first_view();
                self.doc = Document::new_unsaved(ws);
                self.file = file;
                self.derived = Derived::default();
                self.ui = UiState {
                    view,
                    ..UiState::default()
                };
                self.status = Some("已恢复未保存的工作".to_owned());
            }
            Err(e) => self.dialog = Some(Dialog::Message(format!("恢复文件无法读取：{e}"))),
        }
    }

    /// Runs `then` unless there are unsaved changes, in which case it asks first.
    fn guard(&mut self, then: Then, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::Unsaved(then));
        } else {
            self.proceed(then, ctx);
        }
    }

    fn proceed(&mut self, then: Then, ctx: &egui::Context) {
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

    /// Saves to the current path, or asks where (untitled, sample copy, read-only).
    pub fn save(&mut self, then: Option<Then>) {
        match (&self.file.path, self.file.read_only) {
            (Some(p), false) => {
                let p = p.clone();
                self.start_save(p, then);
            }
            _ => self.save_as(then),
        }
    }

    /// Where file dialogs open: the folder of the current file, if it has one.
    fn start_dir(&self) -> Option<PathBuf> {
        self.file
            .path
            .as_ref()
            .and_then(|p| p.parent().map(Path::to_path_buf))
    }

    pub fn save_as(&mut self, then: Option<Then>) {
        let start = self.start_dir();
        let name = self
            .file
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || {
                    if self.file.is_sample {
                        crate::cli::SAMPLE_NAME.to_owned()
                    } else {
                        "工作区.ron".to_owned()
                    }
                },
                |n| n.to_string_lossy().into_owned(),
            );
        match self.dialogs.pick_save(start.as_deref(), &name) {
            Picked::Path(p) => self.start_save(p, then),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                let dir = start.unwrap_or_else(home_dir);
                self.dialog = Some(Dialog::Chooser(
                    FileChooser::new(ChooserMode::Save, dir, &name),
                    then,
                ));
            }
        }
    }

    /// Saves a copy of the document to `path` on another thread (the atomic save of `store`).
    pub fn start_save(&mut self, path: PathBuf, then: Option<Then>) {
        if self.saving.is_some() {
            self.status = Some("正在保存，请稍候".to_owned());
            return;
        }
        let ws = self.doc.ws.clone();
        let (tx, rx) = mpsc::channel();
        let target = path.clone();
        std::thread::spawn(move || {
            let _ = tx.send(store::save_path(&ws, &target).map_err(|e| e.to_string()));
        });
        self.saving = Some(SaveJob {
            path,
            state: self.doc.state(),
            then,
            done: rx,
        });
        self.status = Some("正在保存…".to_owned());
    }

    /// True while a save is running.
    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
    }

    /// Waits for a running save (tests and shutdown).
    pub fn finish_save_blocking(&mut self, ctx: &egui::Context) {
        if let Some(job) = self.saving.take() {
            let result = job
                .done
                .recv()
                .unwrap_or_else(|_| Err("保存线程意外结束".to_owned()));
            self.save_finished(&job.path, job.state, job.then, result, ctx);
        }
    }

    fn poll_save(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.saving else { return };
        match job.done.try_recv() {
            Ok(result) => {
                if let Some(job) = self.saving.take() {
                    self.save_finished(&job.path, job.state, job.then, result, ctx);
                }
            }
            Err(mpsc::TryRecvError::Empty) => ctx.request_repaint_after(Duration::from_millis(50)),
            Err(mpsc::TryRecvError::Disconnected) => {
                if let Some(job) = self.saving.take() {
                    self.save_finished(
                        &job.path,
                        job.state,
                        job.then,
                        Err("保存线程意外结束".to_owned()),
                        ctx,
                    );
                }
            }
        }
    }

    fn save_finished(
        &mut self,
        path: &Path,
        state: u64,
        then: Option<Then>,
        result: Result<(), String>,
        ctx: &egui::Context,
    ) {
        match result {
            Ok(()) => {
                if let Some(d) = &self.dirs {
                    session::clear_recovery(d, self.file.path.as_deref());
                    session::clear_recovery(d, Some(path));
                    session::remember(d, path);
                }
                if self.file.path.as_deref() != Some(path) {
                    let lock = match session::lock(path) {
                        LockOutcome::Locked(l) => Some(l),
                        _ => None,
                    };
                    self.file = FileState {
                        path: Some(path.to_path_buf()),
                        is_sample: false,
                        read_only: false,
                        _lock: lock,
                    };
                }
                self.doc.mark_saved(state);
                self.status = Some(format!("已保存：{}", path.display()));
                if let Some(t) = then {
                    self.proceed(t, ctx);
                }
            }
            Err(e) => {
                self.status = Some("保存失败".to_owned());
                self.dialog = Some(Dialog::Message(format!("保存失败，工作区仍未保存。\n{e}")));
            }
        }
    }

    // ---- recovery copies -------------------------------------------------------------

    fn autosave_recovery(&mut self, ctx: &egui::Context) {
        if let Some(rx) = &self.recovery_job {
            match rx.try_recv() {
                Ok(_) | Err(mpsc::TryRecvError::Disconnected) => self.recovery_job = None,
                Err(mpsc::TryRecvError::Empty) => {
                    ctx.request_repaint_after(Duration::from_millis(200));
                    return;
                }
            }
        }
        let Some(dirs) = self.dirs.clone() else {
            return;
        };
        if !self.doc.is_dirty() || self.doc.revision == self.recovery_revision {
            return;
        }
        let (Some(last), Some(first)) = (self.last_edit, self.first_unsaved_edit) else {
            return;
        };
        let due_idle = last + RECOVERY_IDLE;
        let due_max = first + RECOVERY_MAX_DELAY;
        let due = due_idle.min(due_max);
        let now = Instant::now();
        if now < due {
            ctx.request_repaint_after(due - now);
            return;
        }
        let ws = self.doc.ws.clone();
        let key = self.file.path.clone();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(session::write_recovery(&dirs, key.as_deref(), &ws));
        });
        self.recovery_job = Some(rx);
        self.recovery_revision = self.doc.revision;
        self.first_unsaved_edit = None;
        ctx.request_repaint_after(Duration::from_millis(200));
    }

    /// Writes the recovery copy now (tests; the app does it on its own schedule).
    pub fn write_recovery_now(&mut self) -> Result<(), String> {
        let Some(dirs) = &self.dirs else {
            return Err("没有数据文件夹".to_owned());
        };
        session::write_recovery(dirs, self.file.path.as_deref(), &self.doc.ws)?;
        self.recovery_revision = self.doc.revision;
        Ok(())
    }

    // ---- actions and edits -----------------------------------------------------------

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
                if let Some(label) = self.doc.undo_label().map(str::to_owned)
                    && self.doc.undo()
                {
                    self.status = Some(format!("已撤销：{label}"));
                    self.touched();
                }
            }
            Action::Redo => {
                if let Some(label) = self.doc.redo_label().map(str::to_owned)
                    && self.doc.redo()
                {
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

    /// Asks for a file to import (system dialog, else the in-app chooser).
    fn pick_import(&mut self) {
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
    fn pick_review_folder(&mut self) {
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
        self.ui.review = Some(Box::new(super::review::ReviewPage::start(path, profile)));
        self.ui.view = View::Review;
    }

    /// Reads a spreadsheet or CSV and shows the import preview (nothing changes until 导入).
    pub fn open_import(&mut self, path: &Path) {
        self.dialog = Some(Dialog::Import(Box::new(
            super::import_dialog::ImportDialog::open(path, &self.doc.ws),
        )));
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
                    match self.doc.apply(edit, label) {
                        Ok(()) => self.touched(),
                        Err(e) => self.status = Some(format!("未能修改：{e}")),
                    }
                }
                Output::Navigate(view, cell) => {
                    if let Some((row, col)) = cell {
                        let key = pages::grid_key_for(&view);
                        self.ui.grids.entry(key).or_default().select(row, col);
                        if let View::Evaluation(e) = view {
                            self.ui.selected_indicator.insert(e, row);
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
                let current = if let View::Evaluation(i) = self.ui.view {
                    Some(i)
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

    fn dialog_ui(&mut self, ctx: &egui::Context) {
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
                super::new_evaluation::NewEvaluationResult::Pending => {
                    self.dialog = Some(Dialog::NewEvaluation(form));
                }
                super::new_evaluation::NewEvaluationResult::Cancelled => {}
                super::new_evaluation::NewEvaluationResult::Create(edit, at) => {
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
                        let edit = super::edit::Edit::Splice {
                            table: super::edit::TableRef::Evaluations,
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
                super::import_dialog::ImportResult::Pending => {
                    self.dialog = Some(Dialog::Import(d));
                }
                super::import_dialog::ImportResult::Cancelled => {}
                super::import_dialog::ImportResult::Import(edit, label, view) => {
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
                    super::print_preview::PreviewAction::None => {
                        self.dialog = Some(Dialog::Preview(preview));
                    }
                    super::print_preview::PreviewAction::Close => {}
                    super::print_preview::PreviewAction::ExportPdf => {
                        let what = Export::Pdf {
                            evaluation: preview.evaluation,
                            opts: preview.opts,
                        };
                        self.dialog = Some(Dialog::Preview(preview));
                        self.export(what);
                    }
                    super::print_preview::PreviewAction::Print => {
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

    /// The evaluation the score panel follows.
    fn panel_evaluation(&mut self) -> Option<usize> {
        let ws = &self.doc.ws;
        let current = match &self.ui.view {
            View::Evaluation(i) => Some(*i),
            View::Project(p) => ws.projects.get(*p).and_then(|p| {
                ws.evaluations
                    .iter()
                    .position(|e| e.subject == crate::model::Subject::Project(p.id.clone()))
            }),
            _ => None,
        };
        let chosen = current
            .or(self.ui.last_evaluation)
            .filter(|&i| i < ws.evaluations.len())
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
        self.ui.last_evaluation = chosen;
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
        egui::Panel::right("scores")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                score_panel::score_panel_ui(ui, &self.doc.ws, &self.derived, panel_eval);
            });
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

/// A local time for people ("2026-11-22 10:42").
fn format_time(t: SystemTime) -> String {
    let dt: chrono::DateTime<chrono::Local> = t.into();
    dt.format("%Y-%m-%d %H:%M").to_string()
}
