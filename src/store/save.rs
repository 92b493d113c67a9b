//! Writing a workspace file: deterministic RON text, then an atomic replace that keeps the
//! previous file as `<name>.bak` and never leaves a half-written file behind.

use std::borrow::Cow;
use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use ron::ser::PrettyConfig;

use super::HEADER;
use super::error::SaveError;
use crate::model::{FORMAT_VERSION, Workspace};

/// The one layout every save uses, so saving twice gives the same bytes on every platform
/// (ron's default line ending would be `\r\n` on Windows). Struct names are left out: field
/// names say enough, and enum variants (`WanYuan`, `Deviation(tolerance: "1.5")`) stay named.
fn pretty() -> PrettyConfig {
    PrettyConfig::new()
        .new_line("\n")
        .depth_limit(6)
        .indentor("  ")
        .separator(" ")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .compact_arrays(false)
        .compact_structs(false)
        // Chinese text is written as it is, not escaped character by character (readable,
        // and escaping was more than half the time of a save); a string with a quote or a
        // backslash becomes a raw string r#"…"#.
        .escape_strings(false)
}

/// The RON text of a workspace: the header line, then the document with `format_version` first.
pub fn to_ron_string(ws: &Workspace) -> Result<String, SaveError> {
    // The text is always written in this build's format, whatever the document says.
    let ws: Cow<'_, Workspace> = if ws.format_version == FORMAT_VERSION {
        Cow::Borrowed(ws)
    } else {
        let mut stamped = ws.clone();
        stamped.format_version = FORMAT_VERSION;
        Cow::Owned(stamped)
    };
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(HEADER);
    out.push('\n');
    ron::ser::to_writer_pretty(&mut out, ws.as_ref(), pretty())
        .map_err(|e| SaveError::new(format!("无法生成文件内容：{e}")))?;
    out.push('\n');
    Ok(out)
}

/// Writes a workspace file atomically, keeping the previous one as `<name>.bak`.
pub fn save_path(ws: &Workspace, path: &Path) -> Result<(), SaveError> {
    let text = to_ron_string(ws)?;
    write_atomic(path, text.as_bytes())
}

/// Stages of a save where a test can make it fail, to check what is left behind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stage {
    Write,
    Backup,
    Rename,
}

#[cfg(test)]
thread_local! {
    pub(crate) static FAIL_AT: std::cell::Cell<Option<Stage>> = const { std::cell::Cell::new(None) };
}

#[cfg(test)]
fn checkpoint(stage: Stage) -> io::Result<()> {
    if FAIL_AT.with(std::cell::Cell::get) == Some(stage) {
        Err(io::Error::from(io::ErrorKind::StorageFull))
    } else {
        Ok(())
    }
}

#[cfg(not(test))]
#[inline]
#[allow(clippy::unnecessary_wraps)]
fn checkpoint(_: Stage) -> io::Result<()> {
    Ok(())
}

/// Replaces `path` with `bytes` so that at every instant the file is either the old or the new
/// content: temp file beside it, written and synced, then renamed over it (the previous file
/// is kept as `<name>.bak`). Every file the program writes goes through here.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let target = resolve_link(path);
    let Some(name) = target.file_name().map(OsString::from) else {
        return Err(SaveError {
            path: Some(path.to_path_buf()),
            ..SaveError::new("这不是一个文件路径")
        });
    };
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let existing = match fs::metadata(&target) {
        Ok(m) if m.is_dir() => {
            return Err(SaveError {
                path: Some(path.to_path_buf()),
                ..SaveError::new("目标是一个文件夹，不能用文件覆盖它")
            });
        }
        Ok(m) => Some(m),
        Err(_) => None,
    };

    let temp = TempFile::create(&dir, &name).map_err(|e| {
        SaveError::io(
            &format!("在文件夹 {} 中创建临时文件", dir.display()),
            e,
            path,
        )
    })?;
    write_synced(&temp.file, bytes).map_err(|e| SaveError::io("写入临时文件", e, path))?;
    if let Some(meta) = &existing {
        // The new file keeps the old one's permissions (a read-only-for-others file stays so).
        let _ = fs::set_permissions(&temp.path, meta.permissions());
        keep_backup(&target, &dir, &name).map_err(|e| SaveError::io("备份原文件", e, path))?;
    }
    checkpoint(Stage::Rename)
        .and_then(|()| fs::rename(&temp.path, &target))
        .map_err(|e| SaveError::io("替换原文件", e, path))?;
    temp.disarm();
    // The rename is done and the content is there; a folder that cannot be synced (some
    // file systems refuse) must not turn a finished save into a reported failure.
    let _ = sync_dir(&dir);
    Ok(())
}

/// Saving through a symbolic link writes the file it points to rather than replacing the link.
fn resolve_link(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

fn write_synced(mut file: &File, bytes: &[u8]) -> io::Result<()> {
    checkpoint(Stage::Write)?;
    file.write_all(bytes)?;
    file.flush()?;
    file.sync_all()
}

/// Copies the current file to `<name>.bak` through a temp file and a rename, so that a crash
/// at any point leaves either the old backup or the new one, never a half copy.
fn keep_backup(target: &Path, dir: &Path, name: &OsString) -> io::Result<()> {
    checkpoint(Stage::Backup)?;
    let mut bak_name = name.clone();
    bak_name.push(".bak");
    let temp = TempFile::create(dir, &bak_name)?;
    let mut source = File::open(target)?;
    io::copy(&mut source, &mut &temp.file)?;
    temp.file.sync_all()?;
    fs::rename(&temp.path, dir.join(&bak_name))?;
    temp.disarm();
    Ok(())
}

/// A temp file beside the target, removed on drop unless it was renamed into place.
struct TempFile {
    path: PathBuf,
    file: File,
    armed: bool,
}

impl TempFile {
    /// Creates `.<name>.<pid>-<n>.tmp` with `create_new`, so two saves never share a temp file.
    fn create(dir: &Path, name: &OsString) -> io::Result<TempFile> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let mut attempts = 0;
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let mut temp_name = OsString::from(".");
            temp_name.push(name);
            temp_name.push(format!(".{}-{n}.tmp", std::process::id()));
            let path = dir.join(temp_name);
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(file) => {
                    return Ok(TempFile {
                        path,
                        file,
                        armed: true,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempts < 100 => {
                    attempts += 1;
                }
                Err(e) => return Err(e),
            }
        }
    }

    fn disarm(mut self) {
        self.armed = false;
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if self.armed {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Makes the rename itself durable: on unix the new directory entry is synced.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
#[allow(clippy::unnecessary_wraps)]
fn sync_dir(_: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_failure_at_any_stage_keeps_the_old_file_and_removes_temp_files() {
        for stage in [Stage::Write, Stage::Backup, Stage::Rename] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("ws.ron");
            fs::write(&path, "old").unwrap();
            FAIL_AT.with(|f| f.set(Some(stage)));
            let err = write_atomic(&path, b"new").unwrap_err();
            FAIL_AT.with(|f| f.set(None));
            assert_eq!(fs::read_to_string(&path).unwrap(), "old", "{stage:?}");
            assert!(err.to_string().contains("磁盘已满"), "{stage:?}: {err}");
            let names = leftovers(dir.path());
            assert!(
                names.iter().all(|n| !n.contains(".tmp")),
                "{stage:?}: {names:?}"
            );
        }
    }
}
