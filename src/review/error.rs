//! `ReviewError`: why `jixiao review` refused its arguments, a form could not be reviewed, or an
//! output could not be written; each kind says it in the words the user reads.

use crate::report::ReportError;
use crate::store::SaveError;

/// What went wrong in a 批量复核, by kind.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// `--unit` is not 元, 万元 or 千元.
    #[error("--unit 应为“元”“万元”或“千元”，而不是“{0}”")]
    UnknownUnit(String),
    /// `--profile` names no built-in profile (`known` lists them).
    #[error("没有名为“{name}”的评分方案；内置方案：{known}（jixiao profiles 列出全部）")]
    UnknownProfile { name: String, known: String },
    /// The form's money unit is not stated, or stated differently twice (the reader's message).
    #[error("{0}")]
    Unit(String),
    /// Neither a project name nor indicators could be read.
    #[error("读不出项目名称和绩效指标：不是可复核的自评表")]
    NotAForm,
    /// The JSON output could not be written.
    #[error("输出 JSON 失败：{0}")]
    Json(#[from] serde_json::Error),
    /// The 复核 workbook could not be built.
    #[error("无法生成复核汇总表：{0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
    /// The 复核意见 PDF could not be laid out or written.
    #[error(transparent)]
    Pdf(#[from] ReportError),
    /// The workbook could not be saved to its path.
    #[error("无法写入电子表格：{0}")]
    SaveWorkbook(#[source] SaveError),
    /// The PDF could not be saved to its path.
    #[error("无法写入 PDF：{0}")]
    SavePdf(#[source] SaveError),
}
