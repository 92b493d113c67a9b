//! Workspace files: RON load/save, format version and migrations, atomic write.
//!
//! A file is one header comment line, then the [`Workspace`](crate::model::Workspace) as RON with
//! `format_version` first. Loading never panics and never trusts the file: its size, encoding,
//! nesting depth and version are checked, and every refusal is a [`LoadError`] that says where
//! (line, column, field) and why, in Chinese. Saving writes a temp file and renames it over the
//! old one, keeping the previous content as `<name>.bak`.

mod error;
mod load;
mod save;
pub mod session;
mod version;
mod words;

pub use error::{LoadError, LoadErrorKind, SaveError};
pub use load::{load_bytes, load_path, load_str};
pub use save::{save_path, to_ron_string, write_atomic};
pub use version::{MIGRATIONS, Migration, MigrationError, MigrationErrorKind};

/// The first line of every saved file: what it is and which program wrote it.
pub const HEADER: &str =
    "// 绩效评价工作台 工作区文件（jixiao workspace, RON 格式；format_version 为文件格式版本）";

/// Files larger than this are refused before they are read (a real workspace is a few MiB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Deepest nesting of brackets a file may have. A workspace nests about ten levels deep; the
/// bound keeps a malicious or corrupt file from exhausting the stack, even on a 2 MiB thread.
pub const RECURSION_LIMIT: usize = 64;
