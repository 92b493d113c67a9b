//! The file's `format_version`: read before the full parse, then older files are brought up to
//! the current format by an ordered table of migration steps.
//!
//! A step works on the file's text, not on `ron::Value`: `ron::Value` forgets enum variant names
//! (`Deviation(tolerance: "1")` becomes a bare map, `WanYuan` a bare unit), so a document that went
//! through it could no longer be read as a `Workspace`. A step is free to parse the old text into
//! frozen copies of the old model types and write the new layout; it must set `format_version`
//! to its target version.

use serde::Deserialize;

use super::error::{LoadError, LoadErrorKind};
use crate::model::FORMAT_VERSION;

/// One migration step: the text of a version-N file to the text of a version-N+1 file.
pub type Migration = fn(&str) -> Result<String, MigrationError>;

/// What kind of failure a migration step met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MigrationErrorKind {
    /// The old file lacks something the step needs, or holds a value it cannot read.
    Unreadable,
    /// The old file holds something the new format cannot express.
    Unsupported,
}

/// Why a migration step could not upgrade a file: its kind and the Chinese reason (shown after
/// "无法把文件从格式版本 N 升级到 N+1：").
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct MigrationError {
    pub kind: MigrationErrorKind,
    pub message: String,
}

impl MigrationError {
    pub fn new(kind: MigrationErrorKind, message: impl Into<String>) -> MigrationError {
        MigrationError {
            kind,
            message: message.into(),
        }
    }
}

/// `MIGRATIONS[i]` turns a version `i + 1` file into a version `i + 2` file. Empty: version 1
/// is the first format, so there is nothing older to upgrade yet.
pub const MIGRATIONS: &[Migration] = &[];

/// The version a file declares, and where it says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Declared {
    pub version: u64,
    /// Line and column of the number, when it was read from the head.
    pub at: Option<(usize, usize)>,
}

/// Reads `format_version` from the head of the file, where this app writes it. Returns `None`
/// when the head does not look like that (a hand-edited file, another layout), and the caller
/// falls back to a full probe. Never reads past the first field, so it costs nothing on a
/// large file.
pub(crate) fn sniff(text: &str) -> Option<Declared> {
    let mut s = Scanner { text, pos: 0 };
    s.skip_blanks()?;
    // An optional struct name (`Workspace(`), then the opening parenthesis.
    s.ident();
    s.skip_blanks()?;
    s.eat('(')?;
    s.skip_blanks()?;
    if s.ident()? != "format_version" {
        return None;
    }
    s.skip_blanks()?;
    s.eat(':')?;
    s.skip_blanks()?;
    let (line, column) = line_col(text, s.pos);
    let digits = s.digits()?;
    s.skip_blanks()?;
    // The number must end here, or the probe should look at what it really is.
    if !matches!(s.peek(), Some(',' | ')')) {
        return None;
    }
    let version = digits.parse().ok()?;
    Some(Declared {
        version,
        at: Some((line, column)),
    })
}

/// The slow path: parses the whole file just for `format_version`, wherever it is. Syntax
/// errors surface here with their position, as they would in the full parse.
pub(crate) fn probe(
    text: &str,
    options: &ron::Options,
) -> Result<Option<u64>, ron::error::SpannedError> {
    #[derive(Deserialize)]
    struct Probe {
        #[serde(default, deserialize_with = "present")]
        format_version: Option<u64>,
    }
    options.from_str::<Probe>(text).map(|p| p.format_version)
}

/// A `format_version` that is there: a plain number in the file, `Some` here.
pub(crate) fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    u64::deserialize(d).map(Some)
}

/// Brings the text of a version-`from` file up to [`FORMAT_VERSION`] with [`MIGRATIONS`].
pub(crate) fn migrate(text: &str, from: u64) -> Result<String, LoadError> {
    migrate_to(text, from, u64::from(FORMAT_VERSION), MIGRATIONS)
}

/// Brings the text of a version-`from` file up to version `target` with `steps`
/// (`steps[i]` goes from version `i + 1` to `i + 2`).
fn migrate_to(
    text: &str,
    from: u64,
    target: u64,
    steps: &[Migration],
) -> Result<String, LoadError> {
    let mut current = text.to_owned();
    let mut version = from.max(1);
    while version < target {
        let step = usize::try_from(version - 1)
            .ok()
            .and_then(|i| steps.get(i))
            .ok_or_else(|| {
                LoadError::new(
                    LoadErrorKind::Migration,
                    format!(
                        "本程序没有把格式版本 {version} 升级到 {} 的方法",
                        version + 1
                    ),
                )
            })?;
        current = step(&current).map_err(|why| {
            LoadError::new(
                LoadErrorKind::Migration,
                format!(
                    "无法把文件从格式版本 {version} 升级到 {}：{why}",
                    version + 1
                ),
            )
        })?;
        version += 1;
    }
    Ok(current)
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let head = text.get(..offset).unwrap_or(text);
    let line = 1 + head.bytes().filter(|&b| b == b'\n').count();
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let column = 1 + head[line_start..].chars().count();
    (line, column)
}

/// A cursor over the head of the file; every method gives up (`None`) rather than guess.
struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or("")
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn eat(&mut self, c: char) -> Option<()> {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            Some(())
        } else {
            None
        }
    }

    /// Skips whitespace, `//` comments and (nested) `/* */` comments, without recursion.
    fn skip_blanks(&mut self) -> Option<()> {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.pos += rest.len() - trimmed.len();
            if trimmed.starts_with("//") {
                self.pos += trimmed.find('\n').unwrap_or(trimmed.len());
            } else if trimmed.starts_with("/*") {
                let mut depth = 0usize;
                let mut i = 0;
                let bytes = trimmed.as_bytes();
                loop {
                    match (bytes.get(i), bytes.get(i + 1)) {
                        (Some(b'/'), Some(b'*')) => {
                            depth += 1;
                            i += 2;
                        }
                        (Some(b'*'), Some(b'/')) => {
                            depth -= 1;
                            i += 2;
                            if depth == 0 {
                                break;
                            }
                        }
                        (Some(_), _) => i += 1,
                        (None, _) => return None,
                    }
                }
                self.pos += i;
            } else {
                return Some(());
            }
        }
    }

    fn ident(&mut self) -> Option<&'a str> {
        let rest = self.rest();
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if end == 0 || rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        self.pos += end;
        Some(&rest[..end])
    }

    fn digits(&mut self) -> Option<&'a str> {
        let rest = self.rest();
        let end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if end == 0 {
            return None;
        }
        self.pos += end;
        Some(&rest[..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniff_reads_the_head_this_app_writes() {
        let text = "// header\n(\n    format_version: 1,\n    meta: (),\n)";
        assert_eq!(
            sniff(text),
            Some(Declared {
                version: 1,
                at: Some((3, 21))
            })
        );
        assert_eq!(
            sniff("Workspace(/* a /* nested */ note */ format_version: 7)").map(|d| d.version),
            Some(7)
        );
    }

    #[test]
    fn sniff_gives_up_on_anything_else() {
        assert_eq!(sniff("(meta: (), format_version: 1)"), None);
        assert_eq!(sniff("(format_version: 1.5)"), None);
        assert_eq!(sniff("(format_version: \"1\")"), None);
        assert_eq!(sniff("(format_version: 99999999999999999999999)"), None);
        assert_eq!(sniff("/* unclosed"), None);
        assert_eq!(sniff(""), None);
    }

    #[test]
    fn the_shipped_table_reaches_the_current_version() {
        // One step per version before the current one, no more, no less.
        assert_eq!(MIGRATIONS.len() + 1, FORMAT_VERSION as usize);
    }

    // A pretend history for the plumbing only: this build has no version 0 or older format.
    // A step must have the `Migration` signature even when it cannot fail.
    #[allow(clippy::unnecessary_wraps)]
    fn rename_title(text: &str) -> Result<String, MigrationError> {
        Ok(text
            .replace("format_version: 1", "format_version: 2")
            .replace("name:", "title:"))
    }

    fn refuse(_: &str) -> Result<String, MigrationError> {
        Err(MigrationError::new(
            MigrationErrorKind::Unreadable,
            "缺少某字段",
        ))
    }

    #[test]
    fn migrate_applies_steps_in_order_from_the_file_version() {
        // Against a pretend current version 2: from version 1 the step runs once.
        let steps: &[Migration] = &[rename_title];
        let out = migrate_to("(format_version: 1, name: \"x\")", 1, 2, steps).unwrap();
        assert_eq!(out, "(format_version: 2, title: \"x\")");
        // A file already at the target is left as it is.
        let same = migrate_to("(format_version: 2)", 2, 2, steps).unwrap();
        assert_eq!(same, "(format_version: 2)");
    }

    #[test]
    fn migrate_reports_a_failing_or_missing_step() {
        let steps: &[Migration] = &[refuse];
        let e = migrate_to("()", 1, 2, steps).unwrap_err();
        assert_eq!(e.kind, LoadErrorKind::Migration);
        assert!(e.message.contains("从格式版本 1 升级到 2"), "{}", e.message);
        assert!(e.message.contains("缺少某字段"), "{}", e.message);
        let e = migrate_to("()", 1, 3, steps).unwrap_err();
        assert!(e.message.contains("1 升级到 2"), "{}", e.message);
        let e = migrate_to("()", 2, 3, &[rename_title]).unwrap_err();
        assert!(
            e.message.contains("没有把格式版本 2 升级到 3"),
            "{}",
            e.message
        );
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\n绩效x", "ab\n绩效".len()), (2, 3));
        assert_eq!(line_col("", 0), (1, 1));
    }
}
