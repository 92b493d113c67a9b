//! `jixiao --version`: the version and the commit it was built from, as a user quotes it in a
//! bug report.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `git rev-parse --short=9 HEAD` of the checkout, asked here independently of build.rs.
fn head_commit() -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root())
        .args(["rev-parse", "--short=9", "HEAD"])
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8(out.stdout).unwrap().trim().to_owned())
}

#[test]
fn version_names_the_release_and_the_commit() {
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    // Built from a git checkout (CI, a developer's clone) it names the commit; from a tarball,
    // "unknown". The build script reruns on a commit, so it is never an older commit.
    let commit = std::env::var("JIXIAO_COMMIT")
        .ok()
        .or_else(head_commit)
        .unwrap_or_else(|| "unknown".to_owned());
    assert_eq!(
        text,
        format!("jixiao {} ({commit})\n", env!("CARGO_PKG_VERSION"))
    );
}
