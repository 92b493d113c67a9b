//! Workspace files: RON load/save, format version and migrations, atomic write.

use std::path::Path;

use crate::model::Workspace;

/// A workspace file that could not be read, said in words a user can act on.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct LoadError {
    pub message: String,
}

/// A save that did not happen; the previous file is untouched.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct SaveError {
    pub message: String,
}

/// Parses a workspace from RON text.
pub fn load_str(text: &str) -> Result<Workspace, LoadError> {
    ron::from_str(text).map_err(|e| LoadError {
        message: e.to_string(),
    })
}

/// Reads a workspace file.
pub fn load_path(path: &Path) -> Result<Workspace, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|e| LoadError {
        message: format!("{e}: {}", path.display()),
    })?;
    load_str(&text)
}

/// The RON text of a workspace.
pub fn to_ron_string(ws: &Workspace) -> Result<String, SaveError> {
    ron::ser::to_string_pretty(ws, ron::ser::PrettyConfig::default()).map_err(|e| SaveError {
        message: e.to_string(),
    })
}

/// Writes a workspace file.
pub fn save_path(ws: &Workspace, path: &Path) -> Result<(), SaveError> {
    let text = to_ron_string(ws)?;
    std::fs::write(path, text).map_err(|e| SaveError {
        message: e.to_string(),
    })
}
