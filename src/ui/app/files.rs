//! The shell's files: opening (a path, the sample, a new workspace), saving on a thread,
//! recovery copies of unsaved work and lock files; moved from `ui/app.rs`, content unchanged.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::{Dialog, SaveJob, Then, WorkbenchApp, home_dir};
use crate::doc::Document;
use crate::model::Workspace;
use crate::store;
use crate::store::session::{self, Lock, LockOutcome, Recovery};
use crate::ui::derived::Derived;
use crate::ui::dialogs::{ChooserMode, FileChooser, Picked};
use crate::ui::state::UiState;

/// Where the document lives.
#[derive(Debug, Default)]
pub struct FileState {
    /// `None`: untitled, or the bundled sample opened as a copy.
    pub path: Option<PathBuf>,
    pub is_sample: bool,
    /// Another instance has the file open.
    pub read_only: bool,
    /// Held for its `Drop`, which removes the lock file.
    pub(super) _lock: Option<Lock>,
}

/// Idle time after an edit before the recovery copy is written.
pub(super) const RECOVERY_IDLE: Duration = Duration::from_secs(3);
/// The recovery copy is written at the latest this long after the first unsaved edit.
pub(super) const RECOVERY_MAX_DELAY: Duration = Duration::from_secs(25);

impl WorkbenchApp {
    pub(super) fn replace_document(&mut self, doc: Document, file: FileState) {
        self.doc = doc;
        self.file = file;
        self.ui = UiState::default();
        self.derived = Derived::default();
        self.recovery_revision = self.doc.revision;
        self.last_edit = None;
        self.first_unsaved_edit = None;
        self.ui.view = self.first_view();
    }

    /// Opens the bundled sample as an unsaved copy (saving asks where).
    pub fn open_sample(&mut self) {
        match crate::sample::sample_workspace() {
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
                self.dialog = Some(Dialog::Message(format!("内置样例无法读取：{e}")));
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

    pub(super) fn new_workspace(&mut self) {
        let mut ws = Workspace::default();
        "新工作区".clone_into(&mut ws.meta.title);
        ws.meta.fiscal_year = self.doc.ws.meta.fiscal_year;
        self.replace_document(Document::new(ws), FileState::default());
    }

    pub(super) fn offer_recovery(&mut self) {
        let Some(dirs) = &self.dirs else { return };
        let key = self.file.path.clone();
        if let Some(r) = session::pending_recovery(dirs, key.as_deref()) {
            self.dialog = Some(Dialog::Recovery {
                recovery: r,
                workspace: key,
            });
        }
    }

    pub(super) fn recover(&mut self, r: &Recovery) {
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
    pub(super) fn start_dir(&self) -> Option<PathBuf> {
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
                        crate::sample::SAMPLE_NAME.to_owned()
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

    pub(super) fn poll_save(&mut self, ctx: &egui::Context) {
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

    pub(super) fn save_finished(
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

    pub(super) fn autosave_recovery(&mut self, ctx: &egui::Context) {
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
            let _ = tx.send(
                session::write_recovery(&dirs, key.as_deref(), &ws).map_err(|e| e.to_string()),
            );
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
        session::write_recovery(dirs, self.file.path.as_deref(), &self.doc.ws)
            .map_err(|e| e.to_string())?;
        self.recovery_revision = self.doc.revision;
        Ok(())
    }

    // ---- actions and edits -----------------------------------------------------------
}
