//! What the app keeps between runs and beside open files: the recent-files list (config dir),
//! recovery copies of unsaved work (data dir) and lock files beside open workspaces.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::model::Workspace;
use crate::store;

/// The folders the app may write to (from `directories`; overridable for tests).
#[derive(Clone, Debug)]
pub struct Dirs {
    /// Recent-files list lives here.
    pub config: PathBuf,
    /// Recovery files live here.
    pub data: PathBuf,
}

impl Dirs {
    /// The platform folders (`~/.config/jixiao`, `~/.local/share/jixiao` on Linux).
    pub fn platform() -> Option<Dirs> {
        let p = directories::ProjectDirs::from("cn", "jixiao", "jixiao")?;
        Some(Dirs {
            config: p.config_dir().to_path_buf(),
            data: p.data_dir().to_path_buf(),
        })
    }

    /// Folders under one root (tests).
    pub fn under(root: &Path) -> Dirs {
        Dirs {
            config: root.join("config"),
            data: root.join("data"),
        }
    }

    fn recent_file(&self) -> PathBuf {
        self.config.join("recent.txt")
    }

    fn recovery_dir(&self) -> PathBuf {
        self.data.join("recovery")
    }
}

/// How many recent files are kept.
pub const RECENT_LIMIT: usize = 10;

/// The recent files, most recent first (missing files included; the menu greys them).
pub fn recent(dirs: &Dirs) -> Vec<PathBuf> {
    std::fs::read_to_string(dirs.recent_file())
        .map(|t| {
            t.lines()
                .filter(|l| !l.trim().is_empty())
                .map(PathBuf::from)
                .take(RECENT_LIMIT)
                .collect()
        })
        .unwrap_or_default()
}

/// Puts `path` first in the recent list. Failing to write it is not worth bothering the user.
pub fn remember(dirs: &Dirs, path: &Path) {
    let mut list = recent(dirs);
    list.retain(|p| p != path);
    list.insert(0, path.to_path_buf());
    list.truncate(RECENT_LIMIT);
    let mut text = String::new();
    for p in &list {
        text.push_str(&p.to_string_lossy());
        text.push('\n');
    }
    let _ = std::fs::create_dir_all(&dirs.config);
    let _ = std::fs::write(dirs.recent_file(), text);
}

/// The recovery file of a workspace (or of the untitled document).
pub fn recovery_path(dirs: &Dirs, workspace: Option<&Path>) -> PathBuf {
    let key = workspace.map_or_else(
        || "untitled".to_owned(),
        |p| format!("{:016x}", fnv1a(p.to_string_lossy().as_bytes())),
    );
    dirs.recovery_dir().join(format!("{key}.ron"))
}

/// A stable hash of a path (file names of recovery copies).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Writes unsaved work to its recovery file (atomically, like any save).
pub fn write_recovery(
    dirs: &Dirs,
    workspace: Option<&Path>,
    ws: &Workspace,
) -> Result<(), RecoveryError> {
    std::fs::create_dir_all(dirs.recovery_dir()).map_err(RecoveryError::Folder)?;
    Ok(store::save_path(ws, &recovery_path(dirs, workspace))?)
}

/// Why a recovery copy could not be written.
#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    #[error("无法创建恢复文件夹：{0}")]
    Folder(std::io::Error),
    #[error("{0}")]
    Save(#[from] store::SaveError),
}

/// Removes the recovery file once the work is saved or discarded.
pub fn clear_recovery(dirs: &Dirs, workspace: Option<&Path>) {
    let p = recovery_path(dirs, workspace);
    let _ = std::fs::remove_file(&p);
    let _ = std::fs::remove_file(p.with_extension("ron.bak"));
}

/// A recovery file worth offering: newer than the workspace it belongs to.
#[derive(Clone, Debug)]
pub struct Recovery {
    pub path: PathBuf,
    pub modified: SystemTime,
}

/// The recovery file for `workspace`, if it is newer than the workspace file.
pub fn pending_recovery(dirs: &Dirs, workspace: Option<&Path>) -> Option<Recovery> {
    let path = recovery_path(dirs, workspace);
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    let newer = match workspace {
        Some(w) => std::fs::metadata(w)
            .and_then(|m| m.modified())
            .map_or(true, |t| modified > t),
        None => true,
    };
    newer.then_some(Recovery { path, modified })
}

/// A lock beside an open workspace, removed when dropped.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The lock file of a workspace: `.NAME.ron.lock` beside it.
pub fn lock_path(workspace: &Path) -> PathBuf {
    let name = workspace
        .file_name()
        .map_or_else(|| "workspace".into(), |n| n.to_string_lossy().into_owned());
    workspace.with_file_name(format!(".{name}.lock"))
}

/// What happened when locking a workspace.
#[derive(Debug)]
pub enum LockOutcome {
    /// We hold the lock.
    Locked(Lock),
    /// Another running instance holds it (its process id): open read-only.
    HeldBy(u32),
    /// The folder is not writable: go on without a lock.
    Unavailable(String),
}

/// Takes the lock of a workspace, reclaiming a stale one whose process is gone.
pub fn lock(workspace: &Path) -> LockOutcome {
    let path = lock_path(workspace);
    if let Ok(text) = std::fs::read_to_string(&path)
        && let Some(pid) = text
            .lines()
            .next()
            .and_then(|l| l.trim().parse::<u32>().ok())
        && pid != std::process::id()
        && process_alive(pid)
    {
        return LockOutcome::HeldBy(pid);
    }
    let content = format!("{}\n绩效评价工作台\n", std::process::id());
    match std::fs::write(&path, content) {
        Ok(()) => LockOutcome::Locked(Lock { path }),
        Err(e) => LockOutcome::Unavailable(e.to_string()),
    }
}

/// Whether a process id is running (Linux: /proc; elsewhere assume it is, to stay safe).
fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_list_keeps_order_and_limit() {
        let root = tempfile::tempdir().unwrap();
        let dirs = Dirs::under(root.path());
        for i in 0..12 {
            remember(&dirs, Path::new(&format!("/w/{i}.ron")));
        }
        remember(&dirs, Path::new("/w/5.ron"));
        let r = recent(&dirs);
        assert_eq!(r.len(), RECENT_LIMIT);
        assert_eq!(r[0], Path::new("/w/5.ron"));
        assert_eq!(r[1], Path::new("/w/11.ron"));
    }

    #[test]
    fn stale_lock_is_reclaimed_and_live_lock_is_respected() {
        let root = tempfile::tempdir().unwrap();
        let ws = root.path().join("a.ron");
        std::fs::write(lock_path(&ws), "999999999\n").unwrap();
        let LockOutcome::Locked(l) = lock(&ws) else {
            panic!("stale lock not reclaimed")
        };
        drop(l);
        assert!(!lock_path(&ws).exists());
        // PID 1 is always running.
        std::fs::write(lock_path(&ws), "1\n").unwrap();
        assert!(matches!(lock(&ws), LockOutcome::HeldBy(1)));
    }
}
