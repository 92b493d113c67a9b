//! Load and save errors, said in Chinese words a user can act on, with the place and the path.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// What kind of problem stopped a load, for callers that react differently (e.g. offer the
/// `.bak` file for an empty or truncated file, or an upgrade hint for a newer format).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// The file could not be opened or read (missing, no permission, a folder …).
    Io,
    /// Larger than [`super::MAX_FILE_BYTES`].
    TooLarge,
    /// Nothing in it (or only blanks).
    Empty,
    /// Not UTF-8 text.
    Encoding,
    /// Not well-formed RON: a missing comma, bracket or quote, a truncated file.
    Syntax,
    /// Well-formed, but a value does not fit its field (wrong type, unknown option, out of range).
    Value,
    /// Nested deeper than any workspace can be.
    TooDeep,
    /// `format_version` is missing or not a version this build knows how to read.
    Version,
    /// Saved by a newer build of the app.
    TooNew,
    /// An older file that could not be brought up to the current format.
    Migration,
}

/// A workspace file that could not be read, said in words a user can act on.
///
/// `Display` gives the whole sentence: place (line, column, field), reason, then the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub kind: LoadErrorKind,
    /// The reason, in Chinese, without place or path.
    pub message: String,
    /// 1-based line of the problem, when known.
    pub line: Option<usize>,
    /// 1-based column (in characters) of the problem, when known.
    pub column: Option<usize>,
    /// The field the problem is in, as a path through the file (`evaluations[0].indicators[3].weight`).
    pub field: Option<String>,
    /// The file, when the error came from one.
    pub path: Option<PathBuf>,
}

impl LoadError {
    pub(crate) fn new(kind: LoadErrorKind, message: impl Into<String>) -> Self {
        LoadError {
            kind,
            message: message.into(),
            line: None,
            column: None,
            field: None,
            path: None,
        }
    }

    pub(crate) fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub(crate) fn at_maybe(self, at: Option<(usize, usize)>) -> Self {
        match at {
            Some((line, column)) => self.at(line, column),
            None => self,
        }
    }

    /// Names the file the error came from (its path is shown last).
    #[must_use]
    pub fn with_path(mut self, path: &Path) -> Self {
        self.path = Some(path.to_path_buf());
        self
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut place = Vec::new();
        match (self.line, self.column) {
            (Some(l), Some(c)) => place.push(format!("第 {l} 行第 {c} 列")),
            (Some(l), None) => place.push(format!("第 {l} 行")),
            _ => {}
        }
        if let Some(field) = &self.field {
            place.push(format!("字段 {field}"));
        }
        if !place.is_empty() {
            write!(f, "{}：", place.join("，"))?;
        }
        f.write_str(&self.message)?;
        if let Some(path) = &self.path {
            write!(f, "。文件：{}", path.display())?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// A save that did not happen; the previous file is untouched.
#[derive(Debug)]
pub struct SaveError {
    /// Why, in Chinese, without the path.
    pub message: String,
    /// The file that was being saved.
    pub path: Option<PathBuf>,
    /// The operating system's error, when there was one.
    pub source: Option<io::Error>,
}

impl SaveError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        SaveError {
            message: message.into(),
            path: None,
            source: None,
        }
    }

    /// An I/O failure while `doing` something (`"写入临时文件"`), with the reason in Chinese.
    pub(crate) fn io(doing: &str, err: io::Error, path: &Path) -> Self {
        SaveError {
            message: format!("{doing}失败：{}", io_reason(&err)),
            path: Some(path.to_path_buf()),
            source: Some(err),
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "未能保存：{}。原文件未改动", self.message)?;
        if let Some(path) = &self.path {
            write!(f, "。文件：{}", path.display())?;
        }
        Ok(())
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// The operating system's reason, in Chinese where we know the case.
pub(crate) fn io_reason(err: &io::Error) -> String {
    use io::ErrorKind as K;
    let said = match err.kind() {
        K::NotFound => "文件或文件夹不存在",
        K::PermissionDenied => "没有权限（请检查文件或文件夹的权限，或换一个位置）",
        K::AlreadyExists => "同名文件已存在",
        K::StorageFull => "磁盘已满（请清理磁盘空间后重试）",
        K::QuotaExceeded => "超出磁盘配额",
        K::ReadOnlyFilesystem => "磁盘或文件夹是只读的",
        K::NotADirectory => "路径中有一段不是文件夹",
        K::IsADirectory => "这是一个文件夹，不是文件",
        K::FileTooLarge => "文件太大",
        K::InvalidInput => "文件名无效",
        K::Interrupted | K::TimedOut => "操作被中断",
        K::ResourceBusy => "文件正被其他程序占用",
        K::CrossesDevices => "不能跨磁盘移动文件",
        _ => "",
    };
    if said.is_empty() {
        format!("{err}")
    } else {
        said.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_puts_place_first_and_path_last() {
        let mut e = LoadError::new(LoadErrorKind::Value, "应为整数").at(3, 14);
        e.field = Some("meta.fiscal_year".to_owned());
        let e = e.with_path(Path::new("/tmp/a.ron"));
        assert_eq!(
            e.to_string(),
            "第 3 行第 14 列，字段 meta.fiscal_year：应为整数。文件：/tmp/a.ron"
        );
    }

    #[test]
    fn io_reasons_are_chinese() {
        let e = io::Error::from(io::ErrorKind::PermissionDenied);
        assert!(io_reason(&e).contains("没有权限"));
    }
}
