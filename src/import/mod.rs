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

/// Why a file or sheet cannot be imported at all (the workspace is untouched).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ImportError {
    pub message: String,
}

impl ImportError {
    pub fn new(message: impl Into<String>) -> ImportError {
        ImportError {
            message: message.into(),
        }
    }

    /// Prefixes the message with where it happened.
    #[must_use]
    pub fn context(self, what: &str) -> ImportError {
        ImportError {
            message: format!("{what}：{}", self.message),
        }
    }
}
