//! Printable output: the text summaries of the command line, the PDF score summary (laid out
//! once into pages, drawn by the PDF writer and the window's print preview), the spreadsheet
//! export, and sending a PDF to the system's printing.

pub mod blocks;
pub mod cells;
pub mod chart;
pub mod error;
pub mod font;
pub mod layout;
pub mod page;
pub mod pdf;
pub mod print;
pub mod progress_text;
pub mod rules;
pub mod selfeval;
pub mod summary;
pub mod text;
pub mod width;
pub mod xlsx;

pub use error::{ExportError, PrintError, ReportError};
pub use summary::{ReportLayout, ReportOptions, layout_report, report_pdf};
