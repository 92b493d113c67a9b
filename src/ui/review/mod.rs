//! 批量复核 page: a folder of submitted 自评表 reviewed on another thread (the same
//! `crate::review` as `jixiao review`), the summary in a sortable table, a form's detail on a
//! click, and the chosen forms imported as projects with their 项目自评 through the import's
//! own plan, as one undo step.

pub mod detail;
pub mod table;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use crate::import::{ImportOptions, Layout, TextEncoding};
use crate::model::{AmountUnit, ScoringProfile, Workspace};
use crate::review::{Batch, ReviewOptions, review_paths};
use crate::doc::Edit;
use crate::ui::view::{Output, View};

pub use table::SortKey;

/// The page's state (UI state: losing it loses only the review, never the document).
pub struct ReviewPage {
    pub folder: PathBuf,
    /// The profile chosen for the batch (`None`: each form's own).
    pub profile: Option<String>,
    /// The money unit the evaluator says the forms are in (`None`: as each form states; a
    /// form that states none, or two, is listed as not reviewed until one is chosen).
    pub unit: Option<AmountUnit>,
    job: Option<mpsc::Receiver<Batch>>,
    pub batch: Option<Batch>,
    /// Sort column and direction (true: descending), and the resulting order of the forms.
    pub sort: (SortKey, bool),
    pub order: Vec<usize>,
    /// The form whose detail is shown.
    pub open: Option<usize>,
    /// Forms ticked for import.
    pub chosen: BTreeSet<usize>,
}

impl ReviewPage {
    /// Starts reviewing `folder` on another thread.
    pub fn start(folder: &Path, profile: Option<String>) -> ReviewPage {
        let mut page = ReviewPage {
            folder: folder.to_path_buf(),
            profile,
            unit: None,
            job: None,
            batch: None,
            sort: (SortKey::File, false),
            order: Vec::new(),
            open: None,
            chosen: BTreeSet::new(),
        };
        page.rerun();
        page
    }

    /// Reviews the folder again (after a profile change).
    pub fn rerun(&mut self) {
        let opts = ReviewOptions {
            profile: self.profile.as_deref().and_then(ScoringProfile::by_name),
            unit: self.unit,
            ..ReviewOptions::default()
        };
        let folder = self.folder.clone();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(review_paths(&[folder], &opts));
        });
        self.job = Some(rx);
        self.batch = None;
        self.open = None;
        self.chosen.clear();
        self.order.clear();
    }

    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// Takes the result when the review has finished.
    pub fn poll(&mut self) {
        if let Some(rx) = &self.job {
            match rx.try_recv() {
                Ok(b) => self.finish(b),
                Err(mpsc::TryRecvError::Empty) => {}
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.job = None;
                    self.batch = Some(Batch::default());
                }
            }
        }
    }

    /// Waits for the review (tests).
    pub fn wait(&mut self) {
        if let Some(rx) = self.job.take() {
            let b = rx.recv().unwrap_or_default();
            self.finish(b);
        }
    }

    fn finish(&mut self, batch: Batch) {
        self.job = None;
        self.batch = Some(batch);
        self.resort();
    }

    /// Sorts by `key`; the same key again turns the direction round.
    pub fn sort_by(&mut self, key: SortKey) {
        self.sort = if self.sort.0 == key {
            (key, !self.sort.1)
        } else {
            (key, false)
        };
        self.resort();
    }

    fn resort(&mut self) {
        let Some(b) = &self.batch else { return };
        let (key, descending) = self.sort;
        let mut order: Vec<usize> = (0..b.forms.len()).collect();
        order.sort_by(|&x, &y| {
            let o = key.compare(&b.forms[x], &b.forms[y]);
            if descending { o.reverse() } else { o }
        });
        self.order = order;
    }
}

/// Draws the page.
pub fn review_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    review: &mut Option<Box<ReviewPage>>,
) -> Vec<Output> {
    let mut outputs = Vec::new();
    let Some(page) = review.as_mut() else {
        ui.heading("批量复核");
        ui.label("从“文件 → 批量复核…”选择存放自评表的文件夹。");
        return outputs;
    };
    page.poll();
    if page.is_running() {
        ui.heading("批量复核");
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(format!("正在复核 {} …", page.folder.display()));
        });
        ui.ctx().request_repaint_after(Duration::from_millis(100));
        return outputs;
    }
    if let Some(i) = page.open {
        if let Some(f) = page.batch.as_ref().and_then(|b| b.forms.get(i)) {
            if detail::detail_ui(ui, f) {
                page.open = None;
            }
            return outputs;
        }
        page.open = None;
    }
    table::summary_ui(ui, page);
    if let Some(o) = import_ui(ui, ws, page) {
        outputs.extend(o);
    }
    outputs
}

/// The import button under the table.
fn import_ui(ui: &mut egui::Ui, ws: &Workspace, page: &mut ReviewPage) -> Option<Vec<Output>> {
    let batch = page.batch.as_ref()?;
    ui.separator();
    let n = page.chosen.len();
    let clicked = ui
        .add_enabled(
            n > 0,
            egui::Button::new(format!("导入所选（{n}）为项目与项目自评")),
        )
        .clicked();
    if !clicked {
        return None;
    }
    let chosen: Vec<usize> = page.chosen.iter().copied().collect();
    Some(match import_edit(ws, batch, &chosen) {
        Ok((edit, label, first)) => {
            page.chosen.clear();
            vec![
                Output::Edit((edit, label.clone())),
                Output::Navigate(View::Evaluation(first), None),
                Output::Status(format!("已{label}（可撤销）")),
            ]
        }
        Err(e) => vec![Output::Status(e)],
    })
}

/// The chosen forms as one edit: each file read again and planned exactly as 导入表格… plans a
/// 自评表 (against the workspace with the forms before it added), then the plans' edits in
/// order. Returns the edit, its label and the index of the first new evaluation.
pub fn import_edit(
    ws: &Workspace,
    batch: &Batch,
    chosen: &[usize],
) -> Result<(Edit, String, usize), String> {
    let mut current = ws.clone();
    let mut edits = Vec::new();
    for &i in chosen {
        let Some(f) = batch.forms.get(i) else {
            continue;
        };
        let source =
            crate::import::read(&f.path, TextEncoding::Auto).map_err(|e| format!("未导入：{e}"))?;
        let opts = ImportOptions {
            layout: Some(Layout::SelfEval),
            sheet: Some(f.sheet.clone()),
            unit: Some(f.money_unit),
            profile: ScoringProfile::by_name(&f.profile),
            ..ImportOptions::default()
        };
        let plan = crate::import::plan(&current, &source, &opts)
            .map_err(|e| format!("未导入“{}”：{e}", f.file))?;
        if !plan.problems.is_empty() {
            return Err(format!(
                "未导入：“{}”有 {} 处无法读取的单元格，请先更正或用“导入表格…”逐项处理",
                f.file,
                plan.problems.len()
            ));
        }
        edits.push(plan.edit());
        current = plan.apply(&current);
    }
    if edits.is_empty() {
        return Err("没有选择要导入的自评表".to_owned());
    }
    let label = format!("导入 {} 张自评表", edits.len());
    Ok((Edit::Batch(edits), label, ws.evaluations.len()))
}
