//! Saving: the previous file is kept as `<name>.bak`, and a save that fails leaves the old file
//! as it was and no temp files behind.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::Path;

use jixiao::model::Workspace;
use jixiao::store;

fn titled(title: &str) -> Workspace {
    let mut ws = Workspace::default();
    title.clone_into(&mut ws.meta.title);
    ws
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn save_then_load_gives_the_document_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("郑州 工信局 2021.ron");
    let ws = titled("第一版");
    store::save_path(&ws, &path).unwrap();
    assert_eq!(store::load_path(&path).unwrap(), ws);
    // A first save has nothing to back up.
    assert_eq!(names_in(dir.path()), vec!["郑州 工信局 2021.ron"]);
}

#[test]
fn the_previous_content_is_kept_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.ron");
    store::save_path(&titled("第一版"), &path).unwrap();
    let first = fs::read(&path).unwrap();
    store::save_path(&titled("第二版"), &path).unwrap();
    let bak = dir.path().join("ws.ron.bak");
    assert_eq!(fs::read(&bak).unwrap(), first);
    assert_eq!(store::load_path(&bak).unwrap().meta.title, "第一版");
    assert_eq!(store::load_path(&path).unwrap().meta.title, "第二版");
    store::save_path(&titled("第三版"), &path).unwrap();
    assert_eq!(store::load_path(&bak).unwrap().meta.title, "第二版");
    assert_eq!(names_in(dir.path()), vec!["ws.ron", "ws.ron.bak"]);
}

#[test]
fn saving_twice_writes_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.ron");
    let ws = titled("同一文档");
    store::save_path(&ws, &path).unwrap();
    let once = fs::read(&path).unwrap();
    store::save_path(&ws, &path).unwrap();
    assert_eq!(fs::read(&path).unwrap(), once);
}

#[test]
fn a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("没有这个文件夹").join("ws.ron");
    let e = store::save_path(&titled("x"), &path).unwrap_err();
    let shown = e.to_string();
    assert!(shown.contains("不存在"), "{shown}");
    assert!(shown.contains("原文件未改动"), "{shown}");
    assert!(shown.ends_with(&path.display().to_string()), "{shown}");
    assert!(names_in(dir.path()).is_empty());
}

#[test]
fn a_parent_that_is_a_file_fails_cleanly_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("notes.txt");
    fs::write(&blocker, "不是文件夹").unwrap();
    let e = store::save_path(&titled("x"), &blocker.join("ws.ron")).unwrap_err();
    assert!(e.to_string().contains("不是文件夹"), "{e}");
    assert_eq!(fs::read_to_string(&blocker).unwrap(), "不是文件夹");
    assert_eq!(names_in(dir.path()), vec!["notes.txt"]);
}

#[test]
fn a_folder_in_the_way_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.ron");
    fs::create_dir(&path).unwrap();
    fs::write(path.join("inside.txt"), "keep").unwrap();
    let e = store::save_path(&titled("x"), &path).unwrap_err();
    assert!(e.to_string().contains("文件夹"), "{e}");
    assert_eq!(fs::read_to_string(path.join("inside.txt")).unwrap(), "keep");
    assert_eq!(names_in(dir.path()), vec!["ws.ron"]);
}

#[cfg(unix)]
#[test]
fn saving_through_a_link_updates_the_file_it_points_to() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.ron");
    let link = dir.path().join("link.ron");
    store::save_path(&titled("一"), &real).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    store::save_path(&titled("二"), &link).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(store::load_path(&real).unwrap().meta.title, "二");
    assert_eq!(
        store::load_path(&dir.path().join("real.ron.bak"))
            .unwrap()
            .meta
            .title,
        "一"
    );
}
