//! 导入: budget tables and indicator sheets from xlsx/xls/ods and CSV, checked on the way and
//! applied all or nothing.
//!
//! Readers ([`read`], [`csv`]) turn a file into plain [`grid::Sheet`]s; everything after that
//! is pure and shared by the command line, the window's preview and the grid's paste:
//! [`header`] finds the header rows and the layout ([`layout`]), the per-layout readers turn
//! rows into model values with every problem placed by sheet, row and column ([`rows`]), and
//! [`plan`] gathers what would be added, what was skipped and why, and the consistency
//! findings the import would bring.

pub mod csv;
pub mod economic;
pub mod functional;
pub mod grid;
pub mod header;
pub mod indicators;
pub mod layout;
pub mod paste;
pub mod plan;
pub mod projects;
pub mod read;
pub mod rows;
pub mod selfeval;
pub mod three_public;

pub use csv::TextEncoding;
pub use grid::{Cell, Merge, Sheet};
pub use layout::{Field, Layout};
pub use plan::{ImportOptions, ImportPlan, plan};
pub use read::{Limits, Source, read, read_bytes, read_path};
pub use rows::{Problem, RowKind, RowNote};

/// What kind of failure stopped an import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportErrorKind {
    /// The file could not be opened or read.
    Io,
    /// The file, a sheet or the unzipped workbook is beyond the import limits.
    TooLarge,
    /// The workbook has an opening password.
    Encrypted,
    /// Not a readable workbook (broken zip, wrong format, unreadable sheet).
    Corrupt,
    /// A CSV that is not in the chosen (or any recognised) encoding.
    Encoding,
    /// A CSV whose structure is broken (an unclosed quote).
    Malformed,
    /// No sheet, or no sheet of that name.
    NoSheet,
    /// No recognisable header in the first rows.
    NoHeader,
    /// A layout without the columns it needs.
    MissingColumns,
    /// The year is neither in the title nor given.
    NoYear,
}

/// Why a file or sheet cannot be imported at all (the workspace is untouched): its kind, and
/// the message in Chinese that says where and what to do.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ImportError {
    pub kind: ImportErrorKind,
    pub message: String,
}

impl ImportError {
    pub fn new(kind: ImportErrorKind, message: impl Into<String>) -> ImportError {
        ImportError {
            kind,
            message: message.into(),
        }
    }

    /// Prefixes the message with where it happened (the kind stays).
    #[must_use]
    pub fn context(self, what: &str) -> ImportError {
        ImportError {
            kind: self.kind,
            message: format!("{what}：{}", self.message),
        }
    }
}
