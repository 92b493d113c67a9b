//! Finding the files of a batch: the files named, and every spreadsheet or CSV under the
//! folders named (recursively, in name order), skipping hidden files and Office lock files.

use std::path::{Path, PathBuf};

use super::Failure;

/// The extensions a folder walk picks up (a file named directly is always tried).
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xls", "ods", "csv"];

/// Folders deeper than this are not entered (a link loop cannot run away).
const MAX_DEPTH: usize = 32;

/// One file to review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    /// How the file is shown: relative to the folder named, or as named.
    pub display: String,
}

/// What the walk gave.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Walked {
    pub files: Vec<Found>,
    /// Paths that do not exist and folders that cannot be read.
    pub failures: Vec<Failure>,
}

/// Whether a file found in a folder is one to review.
pub fn is_form_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if name.starts_with('.') || name.starts_with("~$") {
        return false;
    }
    path.extension()
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Walks `paths` in order; each folder's files come in name order.
pub fn walk(paths: &[PathBuf]) -> Walked {
    let mut out = Walked::default();
    for p in paths {
        if p.is_dir() {
            let mut files = Vec::new();
            walk_dir(p, p, 0, &mut files, &mut out.failures);
            files.sort_by(|a: &Found, b: &Found| a.display.cmp(&b.display));
            out.files.extend(files);
        } else if p.exists() {
            out.files.push(Found {
                path: p.clone(),
                display: p.display().to_string(),
            });
        } else {
            out.failures.push(Failure {
                file: p.display().to_string(),
                reason: "文件或文件夹不存在".to_owned(),
            });
        }
    }
    out
}

fn walk_dir(
    root: &Path,
    dir: &Path,
    depth: usize,
    files: &mut Vec<Found>,
    failures: &mut Vec<Failure>,
) {
    let shown = |p: &Path| {
        let rel = p.strip_prefix(root).unwrap_or(p);
        let s = rel.display().to_string();
        if s.is_empty() {
            p.display().to_string()
        } else {
            s
        }
    };
    if depth > MAX_DEPTH {
        failures.push(Failure {
            file: shown(dir),
            reason: format!("文件夹层级超过 {MAX_DEPTH} 层，未进入"),
        });
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            failures.push(Failure {
                file: shown(dir),
                reason: format!("无法读取文件夹：{e}"),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        // Follows links to files, not to folders (a folder link can make a loop).
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if !hidden {
                walk_dir(root, &path, depth + 1, files, failures);
            }
        } else if path.is_file() && is_form_file(&path) {
            files.push(Found {
                display: shown(&path),
                path,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn folders_are_walked_in_name_order_and_lock_files_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("乙区");
        std::fs::create_dir(&sub).unwrap();
        for name in ["b.xlsx", "a.csv", "~$b.xlsx", ".hidden.xls", "说明.docx"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::write(sub.join("c.ods"), "x").unwrap();
        let w = walk(&[dir.path().to_path_buf(), dir.path().join("无此文件.xlsx")]);
        let shown: Vec<&str> = w.files.iter().map(|f| f.display.as_str()).collect();
        assert_eq!(shown, ["a.csv", "b.xlsx", "乙区/c.ods"]);
        assert_eq!(w.failures.len(), 1);
        assert!(w.failures[0].file.ends_with("无此文件.xlsx"));
        assert_eq!(w.failures[0].reason, "文件或文件夹不存在");
    }
}
