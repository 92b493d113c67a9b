//! Build script: records the git commit for `jixiao --version` (`JIXIAO_COMMIT`), "unknown"
//! when the sources are not a git checkout of this crate (a tarball, a vendored copy).
//!
//! It never fails the build. A packager building from a tarball may set `JIXIAO_COMMIT` in the
//! environment. Rebuilds: the script asks cargo to rerun only when the checkout's `HEAD` file or
//! the branch ref it names changes (a commit, a checkout), never on every build: cargo treats a
//! watched path that does not exist as always changed, so only existing paths are watched.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=JIXIAO_COMMIT");
    let commit = match std::env::var("JIXIAO_COMMIT") {
        Ok(given) if !given.trim().is_empty() => given.trim().to_owned(),
        _ => from_git().unwrap_or_else(|| "unknown".to_owned()),
    };
    println!("cargo:rustc-env=JIXIAO_COMMIT={commit}");
}

/// The short commit of `HEAD`, when the crate's directory is the top of a git work tree (not a
/// copy of the sources inside some other repository), and git is installed.
fn from_git() -> Option<String> {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR")?);
    let top = git(&manifest_dir, &["rev-parse", "--show-toplevel"])?;
    if !same_dir(Path::new(&top), &manifest_dir) {
        return None;
    }
    let commit = git(&manifest_dir, &["rev-parse", "--short=9", "HEAD"])?;
    watch_head(&manifest_dir);
    Some(commit)
}

/// Watches `HEAD` (in a linked worktree it lives under the main repository's
/// `.git/worktrees/NAME`), the loose ref it points to, or, when that ref is packed, `packed-refs`
/// and the folder a new loose ref would appear in.
fn watch_head(dir: &Path) {
    let watch = |path: &Path| {
        if path.exists() {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    };
    if let Some(head) = git_path(dir, "HEAD") {
        watch(&head);
    }
    let Some(branch) = git(dir, &["symbolic-ref", "-q", "HEAD"]) else {
        return; // a detached HEAD holds the commit itself
    };
    match git_path(dir, &branch) {
        Some(loose) if loose.exists() => watch(&loose),
        loose => {
            if let Some(packed) = git_path(dir, "packed-refs") {
                watch(&packed);
            }
            if let Some(folder) = loose.as_deref().and_then(Path::parent) {
                watch(folder);
            }
        }
    }
}

/// `git rev-parse --git-path NAME`, made absolute.
fn git_path(dir: &Path, name: &str) -> Option<PathBuf> {
    let path = PathBuf::from(git(dir, &["rev-parse", "--git-path", name])?);
    Some(if path.is_absolute() {
        path
    } else {
        dir.join(path)
    })
}

/// Runs git in `dir`; its trimmed output when it succeeded and printed something.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
