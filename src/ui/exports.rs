//! 导出 PDF / 导出 Excel / 打印 from the window: the same `report` code as the command line,
//! written with the atomic save of `store`, results said in the status bar.

use std::path::{Path, PathBuf};

use crate::model::Workspace;
use crate::report::font::FontMetrics;
use crate::report::page::Document;
use crate::report::{ReportOptions, layout_report, pdf, print, xlsx};
use crate::store;

use super::derived::Derived;
use super::dialogs::FileKind;

/// What is being exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The score summary of one evaluation.
    Pdf {
        evaluation: usize,
        opts: ReportOptions,
    },
    /// The whole workspace as a workbook.
    Xlsx,
}

impl Export {
    pub fn kind(self) -> FileKind {
        match self {
            Export::Pdf { .. } => FileKind::Pdf,
            Export::Xlsx => FileKind::Xlsx,
        }
    }

    /// A file name to offer: the evaluation's (or the workspace's) name.
    pub fn suggested_name(self, ws: &Workspace, document_name: &str) -> String {
        let stem = match self {
            Export::Pdf { evaluation, .. } => ws
                .evaluations
                .get(evaluation)
                .map_or_else(|| "得分汇总".to_owned(), |e| format!("{} 得分汇总", e.name)),
            Export::Xlsx => Path::new(document_name)
                .file_stem()
                .map_or_else(|| "工作区".to_owned(), |s| s.to_string_lossy().into_owned()),
        };
        let clean: String = stem
            .chars()
            .map(|c| if "/\\:*?\"<>|".contains(c) { '_' } else { c })
            .collect();
        format!("{clean}.{}", self.kind().extension())
    }
}

/// The laid-out summary of one evaluation, from the window's derived breakdown and findings
/// (the 打印预览 draws it, 导出 PDF writes it).
pub fn layout_one(
    ws: &Workspace,
    derived: &Derived,
    evaluation: usize,
    opts: ReportOptions,
    fonts: &FontMetrics,
) -> Result<Document, String> {
    let ev = ws
        .evaluations
        .get(evaluation)
        .ok_or_else(|| "没有选中的评价".to_owned())?;
    let b = derived
        .breakdowns
        .get(evaluation)
        .ok_or_else(|| "得分尚未计算".to_owned())?;
    let findings = if opts.annex_checks {
        derived.findings.as_slice()
    } else {
        &[]
    };
    Ok(layout_report(ws, &[(ev, b)], findings, opts, fonts))
}

/// The PDF bytes of one evaluation's summary.
pub fn pdf_bytes(
    ws: &Workspace,
    derived: &Derived,
    evaluation: usize,
    opts: ReportOptions,
) -> Result<Vec<u8>, String> {
    let fonts = FontMetrics::bundled().ok_or_else(|| "内置字体无法读取".to_owned())?;
    let doc = layout_one(ws, derived, evaluation, opts, &fonts)?;
    pdf::write_pdf(&doc, &fonts).map_err(|e| e.to_string())
}

/// Writes the export to `path`; returns the sentence for the status bar.
pub fn write(
    ws: &Workspace,
    derived: &Derived,
    what: Export,
    path: &Path,
) -> Result<String, String> {
    let bytes = match what {
        Export::Pdf { evaluation, opts } => pdf_bytes(ws, derived, evaluation, opts)?,
        Export::Xlsx => xlsx::workbook_bytes(ws).map_err(|e| e.to_string())?,
    };
    store::write_atomic(path, &bytes).map_err(|e| format!("无法写入文件：{e}"))?;
    Ok(format!("已导出：{}", path.display()))
}

/// Prints one evaluation's summary: a PDF in the temporary folder, handed to `lp` or to the
/// default viewer (see `report::print`).
pub fn print_evaluation(
    ws: &Workspace,
    derived: &Derived,
    evaluation: usize,
    opts: ReportOptions,
) -> Result<String, String> {
    let bytes = pdf_bytes(ws, derived, evaluation, opts)?;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let path: PathBuf =
        std::env::temp_dir().join(format!("jixiao-print-{}-{stamp}.pdf", std::process::id()));
    store::write_atomic(&path, &bytes).map_err(|e| format!("无法写入打印文件：{e}"))?;
    let title = ws
        .evaluations
        .get(evaluation)
        .map_or_else(String::new, |e| e.name.clone());
    print::run(&print::plan_here(&path, &title)).map_err(|e| e.to_string())
}
