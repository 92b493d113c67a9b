//! Printable output: the text score summary and metrics (later the PDF and spreadsheet export).

pub mod progress_text;
pub mod text;
pub mod width;
