//! Bad input never reaches the workspace: a corrupt or password-protected workbook, a zip
//! bomb, a file over the size limit, a wrong encoding, a sheet with no recognisable header,
//! numbers written `1.234,5`. Each gives a clear message (naming sheet, row and column where
//! there is one) and the workspace file stays byte for byte as it was.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::Path;

use jixiao::import::{ImportOptions, Limits, TextEncoding};
use jixiao::model::Workspace;

fn read_err(path: &Path) -> String {
    jixiao::import::read(path, TextEncoding::Auto)
        .unwrap_err()
        .to_string()
}

/// Runs `jixiao import` into a copy of the sample and checks the file did not change.
fn cli_refuses(source: &Path, extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("ws.ron");
    std::fs::write(&target, jixiao::cli::SAMPLE_RON).unwrap();
    let before = std::fs::read(&target).unwrap();
    let mut args: Vec<std::ffi::OsString> = vec![
        "jixiao".into(),
        "import".into(),
        source.into(),
        "--into".into(),
        target.clone().into(),
    ];
    args.extend(extra.iter().map(Into::into));
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = jixiao::cli::run_with(&args, &mut out, &mut err);
    assert_ne!(code, 0);
    assert_eq!(
        std::fs::read(&target).unwrap(),
        before,
        "workspace untouched"
    );
    let mut text = String::from_utf8(out).unwrap();
    text.push_str(&String::from_utf8(err).unwrap());
    text
}

#[test]
fn a_corrupt_workbook_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("坏文件.xlsx");
    std::fs::write(&path, b"PK\x03\x04 this is not really a zip at all").unwrap();
    let e = read_err(&path);
    assert!(e.contains("坏文件.xlsx") && e.contains("损坏"), "{e}");
    // A truncated real workbook.
    let good = dir.path().join("good.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().write_string(0, 0, "科目编码").unwrap();
    wb.save(&good).unwrap();
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let e = read_err(&path);
    assert!(e.contains("损坏"), "{e}");
    let out = cli_refuses(&path, &[]);
    assert!(out.contains("损坏"), "{out}");
}

/// An encrypted OOXML file is an OLE compound file holding `EncryptionInfo` and
/// `EncryptedPackage` streams, as Excel writes it when a password to open is set.
#[test]
fn a_password_protected_workbook_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("加密.xlsx");
    let file = std::fs::File::create(&path).unwrap();
    let mut comp = cfb::CompoundFile::create(file).unwrap();
    comp.create_stream("/EncryptionInfo")
        .unwrap()
        .write_all(&[4, 0, 4, 0, 0x40, 0, 0, 0])
        .unwrap();
    comp.create_stream("/EncryptedPackage")
        .unwrap()
        .write_all(&[0u8; 4096])
        .unwrap();
    comp.flush().unwrap();
    drop(comp);
    let e = read_err(&path);
    assert!(e.contains("密码"), "{e}");
    cli_refuses(&path, &[]);
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_inflated() {
    // 8 MB of zeros in a 10 KB zip, against a 4 MB limit (the default is 256 MB).
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..8 {
            z.write_all(&zeros).unwrap();
        }
        z.finish().unwrap();
    }
    let bytes = buf.into_inner();
    assert!(bytes.len() < 64 * 1024);
    let limits = Limits {
        max_unzipped_bytes: 4 << 20,
        ..Limits::default()
    };
    let e = jixiao::import::read_bytes(
        &bytes,
        Path::new("bomb.xlsx"),
        "bomb.xlsx",
        TextEncoding::Auto,
        limits,
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("压缩炸弹"), "{e}");
}

#[test]
fn a_one_gigabyte_csv_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.csv");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(1 << 30).unwrap(); // sparse: no gigabyte is written or read
    drop(f);
    let e = read_err(&path);
    assert!(e.contains("1.0 GB") && e.contains("上限"), "{e}");
    let out = cli_refuses(&path, &[]);
    assert!(out.contains("上限"), "{out}");
}

#[test]
fn a_wrong_encoding_is_refused_with_the_place() {
    let (gbk, _, _) = encoding_rs::GB18030.encode("项目名称,合计\n企业服务活动专项经费,420\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("项目.csv");
    std::fs::write(&path, &gbk).unwrap();
    let e = jixiao::import::read(&path, TextEncoding::Utf8)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("不是 UTF-8 编码") && e.contains("第 1 行"),
        "{e}"
    );
    let out = cli_refuses(&path, &["--encoding", "utf-8"]);
    assert!(out.contains("不是 UTF-8 编码"), "{out}");
    // Detected automatically, the same bytes import.
    assert!(jixiao::import::read(&path, TextEncoding::Auto).is_ok());
}

#[test]
fn a_table_with_no_recognisable_header_names_the_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("清单.csv");
    std::fs::write(&path, "姓名,电话\n张三,123\n").unwrap();
    let source = jixiao::import::read(&path, TextEncoding::Auto).unwrap();
    let e = jixiao::import::plan(&Workspace::default(), &source, &ImportOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("清单.csv") && e.contains("找不到可识别的表头"),
        "{e}"
    );
    cli_refuses(&path, &[]);
}

#[test]
fn european_numbers_and_text_in_amount_cells_name_sheet_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("05表.csv");
    std::fs::write(
        &path,
        "2024年一般公共预算支出情况表\n科目编码,科目名称,合计,基本支出,项目支出\n,合计,\"1.234,5\",—,-\n2150501,行政运行,12,12,—\n2150517,产业发展,见附表,,\n",
    )
    .unwrap();
    let source = jixiao::import::read(&path, TextEncoding::Auto).unwrap();
    let plan =
        jixiao::import::plan(&Workspace::default(), &source, &ImportOptions::default()).unwrap();
    let problems: Vec<String> = plan.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with("工作表“05表.csv”第 3 行 C 列（合计）")
            && problems[0].contains("欧式"),
        "{}",
        problems[0]
    );
    assert!(
        problems[1].starts_with("工作表“05表.csv”第 5 行 C 列（合计）"),
        "{}",
        problems[1]
    );
    assert!(
        !plan.is_ready(),
        "an import with unreadable cells is refused whole"
    );
    let out = cli_refuses(&path, &[]);
    assert!(
        out.contains("欧式") && out.contains("工作区未改动"),
        "{out}"
    );
    // Skipping the two rows makes it importable: the dashes read as blank, not zero.
    let plan = jixiao::import::plan(
        &Workspace::default(),
        &source,
        &ImportOptions {
            skip_rows: [2, 4].into_iter().collect(),
            ..ImportOptions::default()
        },
    )
    .unwrap();
    assert!(plan.is_ready(), "{:?}", plan.problems);
    let ws = plan.apply(&Workspace::default());
    let line = &ws.budgets[0].functional[0].lines[0];
    assert_eq!(line.project, jixiao::model::Amount::Blank);
}
