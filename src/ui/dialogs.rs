//! File dialogs: the system's (rfd) when there is one, else an in-app chooser, behind a trait
//! so tests can script them.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a file dialog gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    Path(PathBuf),
    Cancelled,
    /// No system dialog could be shown: use the in-app chooser.
    Unavailable,
}

/// Open/save dialogs.
pub trait FileDialogs {
    fn pick_open(&mut self, start: Option<&Path>) -> Picked;
    fn pick_save(&mut self, start: Option<&Path>, file_name: &str) -> Picked;
    /// A spreadsheet or CSV file to import.
    fn pick_import(&mut self, _start: Option<&Path>) -> Picked {
        Picked::Unavailable
    }
    /// A folder (批量复核).
    fn pick_folder(&mut self, _start: Option<&Path>) -> Picked {
        Picked::Unavailable
    }
    /// Where to write an export (PDF, xlsx).
    fn pick_export(&mut self, start: Option<&Path>, file_name: &str, kind: FileKind) -> Picked;
}

/// The kinds of file the app writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Workspace,
    Pdf,
    Xlsx,
}

impl FileKind {
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Workspace => "ron",
            FileKind::Pdf => "pdf",
            FileKind::Xlsx => "xlsx",
        }
    }

    fn filter_label(self) -> &'static str {
        match self {
            FileKind::Workspace => "绩效评价工作区 (*.ron)",
            FileKind::Pdf => "PDF 文件 (*.pdf)",
            FileKind::Xlsx => "Excel 工作簿 (*.xlsx)",
        }
    }

    /// Title of the save dialog.
    pub fn save_title(self) -> &'static str {
        match self {
            FileKind::Workspace => "保存工作区",
            FileKind::Pdf => "导出 PDF",
            FileKind::Xlsx => "导出 Excel",
        }
    }
}

/// The extensions the import reads.
pub const IMPORT_EXTENSIONS: [&str; 5] = ["xlsx", "xls", "ods", "csv", "txt"];

/// The system's dialogs through rfd (xdg-desktop-portal or zenity on Linux).
///
/// rfd answers `None` both when the user cancels and when no dialog service exists. A dialog a
/// person cancelled was open for a while; one that "answered" within a blink never appeared, so
/// it is taken as unavailable and the in-app chooser is used from then on.
#[derive(Debug, Default)]
pub struct NativeDialogs {
    unavailable: bool,
}

/// An answer faster than this means no dialog was shown.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(150);

impl NativeDialogs {
    fn ron_filter(d: rfd::FileDialog) -> rfd::FileDialog {
        Self::filter(d, FileKind::Workspace)
    }

    fn filter(d: rfd::FileDialog, kind: FileKind) -> rfd::FileDialog {
        d.add_filter(kind.filter_label(), &[kind.extension()])
            .add_filter("所有文件", &["*"])
    }

    /// Shows `d` (opening in `start`) unless dialogs are known to be unavailable.
    fn show(
        &mut self,
        d: rfd::FileDialog,
        start: Option<&Path>,
        run: fn(rfd::FileDialog) -> Option<PathBuf>,
    ) -> Picked {
        if self.unavailable {
            return Picked::Unavailable;
        }
        let d = match start {
            Some(s) => d.set_directory(s),
            None => d,
        };
        let t = Instant::now();
        let got = run(d);
        self.judge(t, got)
    }

    fn judge(&mut self, started: Instant, got: Option<PathBuf>) -> Picked {
        match got {
            Some(p) => Picked::Path(p),
            None if started.elapsed() < NO_DIALOG_WITHIN => {
                self.unavailable = true;
                Picked::Unavailable
            }
            None => Picked::Cancelled,
        }
    }
}

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self, start: Option<&Path>) -> Picked {
        let d = Self::ron_filter(rfd::FileDialog::new()).set_title("打开工作区");
        self.show(d, start, rfd::FileDialog::pick_file)
    }

    fn pick_save(&mut self, start: Option<&Path>, file_name: &str) -> Picked {
        self.pick_export(start, file_name, FileKind::Workspace)
    }

    fn pick_import(&mut self, start: Option<&Path>) -> Picked {
        let d = rfd::FileDialog::new()
            .set_title("导入表格")
            .add_filter("表格 (*.xlsx *.xls *.ods *.csv)", &IMPORT_EXTENSIONS)
            .add_filter("所有文件", &["*"]);
        self.show(d, start, rfd::FileDialog::pick_file)
    }

    fn pick_folder(&mut self, start: Option<&Path>) -> Picked {
        let d = rfd::FileDialog::new().set_title("批量复核：选择存放自评表的文件夹");
        self.show(d, start, rfd::FileDialog::pick_folder)
    }

    fn pick_export(&mut self, start: Option<&Path>, file_name: &str, kind: FileKind) -> Picked {
        let d = Self::filter(rfd::FileDialog::new(), kind)
            .set_title(kind.save_title())
            .set_file_name(file_name);
        self.show(d, start, rfd::FileDialog::save_file)
    }
}

/// Dialogs that always defer to the in-app chooser (tests, headless).
#[derive(Debug, Default)]
pub struct InAppOnly;

impl FileDialogs for InAppOnly {
    fn pick_open(&mut self, _: Option<&Path>) -> Picked {
        Picked::Unavailable
    }

    fn pick_save(&mut self, _: Option<&Path>, _: &str) -> Picked {
        Picked::Unavailable
    }

    fn pick_export(&mut self, _: Option<&Path>, _: &str, _: FileKind) -> Picked {
        Picked::Unavailable
    }
}

/// Whether the in-app chooser opens or saves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChooserMode {
    Open,
    Save,
    /// A spreadsheet or CSV to import.
    Import,
    /// A folder (批量复核): 确定 with no file name chooses the folder shown.
    Folder,
}

/// The in-app file chooser: a folder listing, a name field and 确定/取消.
#[derive(Clone, Debug)]
pub struct FileChooser {
    pub mode: ChooserMode,
    /// What is chosen (the listing shows folders and files of this kind).
    pub kind: FileKind,
    pub dir: PathBuf,
    pub name: String,
    entries: Vec<(String, bool)>,
    pub error: Option<String>,
}

/// What the chooser's user did this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChooserResult {
    Pending,
    Chosen(PathBuf),
    Cancelled,
}

impl FileChooser {
    pub fn new(mode: ChooserMode, dir: PathBuf, name: &str) -> FileChooser {
        Self::of_kind(mode, FileKind::Workspace, dir, name)
    }

    /// A chooser for files of `kind` (exports save PDF or xlsx).
    pub fn of_kind(mode: ChooserMode, kind: FileKind, dir: PathBuf, name: &str) -> FileChooser {
        let mut c = FileChooser {
            mode,
            kind,
            dir,
            name: name.to_owned(),
            entries: Vec::new(),
            error: None,
        };
        c.read_dir();
        c
    }

    fn read_dir(&mut self) {
        self.entries.clear();
        match std::fs::read_dir(&self.dir) {
            Ok(rd) => {
                for e in rd.flatten() {
                    let name = e.file_name().to_string_lossy().into_owned();
                    if name.starts_with('.') {
                        continue;
                    }
                    let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
                    let own = [self.kind.extension()];
                    let wanted: &[&str] = match self.mode {
                        ChooserMode::Import => &IMPORT_EXTENSIONS,
                        ChooserMode::Folder => &[],
                        ChooserMode::Open | ChooserMode::Save => &own,
                    };
                    if is_dir
                        || Path::new(&name)
                            .extension()
                            .is_some_and(|e| wanted.iter().any(|w| e.eq_ignore_ascii_case(w)))
                    {
                        self.entries.push((name, is_dir));
                    }
                }
                self.entries
                    .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                self.error = None;
            }
            Err(e) => self.error = Some(format!("无法读取文件夹：{e}")),
        }
    }

    /// Draws the chooser in a modal; returns the outcome.
    pub fn ui(&mut self, ctx: &egui::Context) -> ChooserResult {
        let mut result = ChooserResult::Pending;
        let title = match self.mode {
            ChooserMode::Open => "打开工作区",
            ChooserMode::Save => self.kind.save_title(),
            ChooserMode::Import => "导入表格",
            ChooserMode::Folder => "批量复核：选择文件夹",
        };
        egui::Modal::new(egui::Id::unique("in-app-file-chooser")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(title);
            ui.label("系统文件对话框不可用，请在此选择。");
            ui.horizontal(|ui| {
                if ui.button("上一级").clicked()
                    && let Some(parent) = self.dir.parent()
                {
                    self.dir = parent.to_path_buf();
                    self.read_dir();
                }
                ui.label(self.dir.display().to_string());
            });
            egui::ScrollArea::vertical()
                .max_height(260.0)
                .show(ui, |ui| {
                    let mut go_into = None;
                    for (name, is_dir) in &self.entries {
                        let label = if *is_dir {
                            format!("{name}/")
                        } else {
                            name.clone()
                        };
                        let r = ui.selectable_label(!is_dir && *name == self.name, label);
                        if r.clicked() {
                            if *is_dir {
                                go_into = Some(name.clone());
                            } else {
                                self.name.clone_from(name);
                            }
                        }
                        if r.double_clicked() && !is_dir {
                            result = ChooserResult::Chosen(self.dir.join(name));
                        }
                    }
                    if let Some(d) = go_into {
                        self.dir.push(d);
                        self.read_dir();
                    }
                });
            ui.horizontal(|ui| {
                let label = ui.label("文件名：");
                ui.add(egui::TextEdit::singleline(&mut self.name).desired_width(300.0))
                    .labelled_by(label.id);
            });
            if let Some(e) = &self.error {
                ui.colored_label(egui::Color32::RED, e);
            }
            ui.horizontal(|ui| {
                if ui.button("确定").clicked() {
                    let name = self.name.trim();
                    if name.is_empty() && self.mode == ChooserMode::Folder {
                        result = ChooserResult::Chosen(self.dir.clone());
                    } else if name.is_empty() {
                        self.error = Some("请填写文件名".to_owned());
                    } else {
                        let mut p = self.dir.join(name);
                        if self.mode == ChooserMode::Save && p.extension().is_none() {
                            p.set_extension(self.kind.extension());
                        }
                        result = ChooserResult::Chosen(p);
                    }
                }
                if ui.button("取消").clicked() {
                    result = ChooserResult::Cancelled;
                }
            });
        });
        result
    }
}
