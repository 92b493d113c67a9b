//! Why a report, an export or a print could not be made, by kind (the window and the command
//! line turn them into their Chinese messages).

/// Writing the PDF of a laid-out report.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The bundled font cannot be read (a broken build).
    #[error("内置字体无法读取")]
    Font,
    /// A page of zero or negative size.
    #[error("页面尺寸无效")]
    PageSize,
    /// The PDF writer failed.
    #[error("无法生成 PDF：{0}")]
    Pdf(String),
    /// No evaluation has the ID asked for (the message lists those there are).
    #[error(transparent)]
    UnknownEvaluation(#[from] crate::model::UnknownId),
}

/// Writing the spreadsheet export.
#[derive(Debug, thiserror::Error)]
#[error("无法生成电子表格：{0}")]
pub struct ExportError(#[from] pub rust_xlsxwriter::XlsxError);

/// Handing a PDF to the system's printing.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// The print command or PDF viewer is not installed.
    #[error("本机没有 {program}（{what}）。请用“导出 PDF…”保存后用 PDF 查看器打印。")]
    Missing { program: String, what: &'static str },
    /// The command could not be started.
    #[error("无法运行 {program}：{source}")]
    Spawn {
        program: String,
        source: std::io::Error,
    },
    /// The command ran and failed.
    #[error("{program} 未能完成（{status}）：{stderr}")]
    Failed {
        program: String,
        status: std::process::ExitStatus,
        stderr: String,
    },
}
