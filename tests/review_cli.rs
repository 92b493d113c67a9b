//! `jixiao review` on a folder the test writes (`review_support::write_folder`): four submitted
//! 自评表 (xlsx in 万元 and in 元, a GBK CSV in a subfolder, a UTF-8 CSV), a broken workbook,
//! and a file that is not a spreadsheet. Golden text for the whole output, and literal
//! expectations for the figures worked out by hand (see `review_support`'s doc comments):
//!
//! - 01 (万元): 180 / 200 = 90% → 9; 330 ≥ 300 → 50; 达成 → 30; 95% ≥ 90% → 10: 99 = published.
//! - 02 (元): 862,000 / 1,000,000 = 86.2% → 8.62 (9 in whole points): 98.62 against 99.
//! - 03 (GBK): 40 / 50 = 80% → 8; 8 of ≥ 10 → 40; 30; 10: 88.00 (良) against 100 (优).
//! - 04 (UTF-8): "详见附件" needs judgement (0 for now): 10 + 50 + 0 + 10 = 70.00 (中).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod review_support;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use jixiao::model::Amount;
use rust_decimal_macros::dec;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `jixiao review ARGS…`; returns the exit code, stdout and stderr.
fn review(args: &[OsString]) -> (i32, String, String) {
    let mut argv: Vec<OsString> = vec!["jixiao".into(), "review".into()];
    argv.extend(args.iter().cloned());
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = jixiao::cli::run_with(&argv, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn arg(p: &Path) -> OsString {
    p.as_os_str().to_owned()
}

/// Compares `actual` with the golden file, or rewrites it when `JIXIAO_BLESS` is set.
fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("JIXIAO_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from the golden file at line {}:\n  golden: {:?}\n  actual: {:?}",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

/// The summary line of the form in `file`, split into its columns.
fn summary_of<'a>(out: &'a str, file: &str) -> Vec<&'a str> {
    let line = out
        .lines()
        .find(|l| l.starts_with(file))
        .unwrap_or_else(|| panic!("no summary line for {file} in\n{out}"));
    line.split_whitespace().collect()
}

#[test]
fn review_a_folder_golden_text_and_hand_worked_figures() {
    let dir = tempfile::tempdir().unwrap();
    review_support::write_folder(dir.path());
    let (code, out, err) = review(&[arg(dir.path())]);
    assert_eq!(err, "");
    // One file could not be reviewed: the exit code says so, every other form was reviewed.
    assert_eq!(code, 4);
    golden("review.txt", &out);

    assert!(out.starts_with("复核 5 个文件：4 张自评表已复核，1 处无法复核。\n"));
    // 文件 项目 单位 金额单位 公布总分 复核得分 差异 等级 错误 提示 待判断
    assert_eq!(
        summary_of(&out, "01-市工信局.xlsx")[3..],
        ["万元", "99", "99.00", "0.00", "优/优", "0", "0", "0"]
    );
    assert_eq!(
        summary_of(&out, "02-县交通局.xlsx")[3..],
        ["元", "99", "98.62", "+0.38", "优/优", "1", "1", "0"]
    );
    assert_eq!(
        summary_of(&out, "区县/03-区文化馆.csv")[3..],
        ["万元", "100", "88.00", "+12.00", "优/良", "1", "3", "0"]
    );
    assert_eq!(
        summary_of(&out, "区县/04-区体育局.csv")[3..],
        ["万元", "100", "70.00", "+30.00", "优/中", "0", "1", "1"]
    );
    assert!(out.contains("\n无法复核：\n  05-损坏.xlsx：“05-损坏.xlsx”不是有效的 xlsx/ods 工作簿"));
    assert!(!out.contains("说明.txt"), "a text file is not a form");
    // The 元 form's published 9 for 86.2% is whole-point rounding: that profile is named.
    assert!(out.contains("重现公布得分的内置评分方案：项目支出绩效自评表（整数计分）\n"));
    // The GBK form: the published 执行率 and 得分 do not hold, at their row and column.
    assert!(out.contains("“03-区文化馆.csv”第 6 行 G 列 公布执行率 100% ≠ 计算执行率 80%"));
    assert!(out.contains("第 13 行 H 列 “购置设备的文化站数”公布得分 50，复核得分 40"));
    assert!(out.contains("第 16 行 总分：公布的总分为 100，按评分规则计算为 88.00。"));
    // The 定性 row no catalogue knows is never full marks.
    assert!(out.contains("[待判断] “04-区体育局.csv”第 14 行 指标「群众健身意识提高」"));
}

#[test]
fn json_gives_every_figure_as_a_decimal_string() {
    let dir = tempfile::tempdir().unwrap();
    review_support::write_folder(dir.path());
    let (code, out, _) = review(&[arg(dir.path()), "--json".into()]);
    assert_eq!(code, 4);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let forms = v["forms"].as_array().unwrap();
    assert_eq!(forms.len(), 4);
    let c = &forms[2];
    assert_eq!(c["file"], "区县/03-区文化馆.csv");
    assert_eq!(c["published_total"], "100");
    assert_eq!(c["recomputed_total"], "88.00");
    assert_eq!(c["difference"], "12.00");
    assert_eq!(c["recomputed_grade"], "良");
    let leaf = c["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "购置设备的文化站数")
        .unwrap();
    assert_eq!(leaf["published"], "50");
    assert_eq!(leaf["recomputed"], "40.00");
    assert_eq!(leaf["place"]["row"], 13);
    assert_eq!(forms[1]["money_unit"], "元");
    assert_eq!(v["failures"][0]["file"], "05-损坏.xlsx");
}

#[test]
fn amounts_in_yuan_are_converted_exactly() {
    let dir = tempfile::tempdir().unwrap();
    review_support::write_folder(dir.path());
    let batch = jixiao::review::review_paths(
        &[dir.path().join("02-县交通局.xlsx")],
        &jixiao::review::ReviewOptions::default(),
    );
    let f = &batch.forms[0];
    assert_eq!(f.project.budget_adjusted, Amount::Value(dec!(100)));
    assert_eq!(f.project.executed, Amount::Value(dec!(86.2)));
    assert_eq!(f.recomputed_total, dec!(98.62));
}

#[test]
fn a_form_without_a_unit_is_refused_until_one_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let mut form = review_support::national();
    form.money_header = "项目资金";
    let path = dir.path().join("无单位.xlsx");
    form.write_xlsx(&path);
    let (code, out, _) = review(&[arg(&path)]);
    assert_eq!(code, 4);
    assert!(out.contains("0 张自评表已复核，1 处无法复核"), "{out}");
    assert!(
        out.contains("--unit"),
        "the refusal says how to go on:\n{out}"
    );
    let (code, out, _) = review(&[arg(&path), "--unit".into(), "万元".into()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("无单位.xlsx"));
    assert_eq!(
        summary_of(&out, &path.display().to_string())[3..],
        [
            "万元（指定）",
            "99",
            "99.00",
            "0.00",
            "优/优",
            "0",
            "0",
            "0"
        ]
    );
}

#[test]
fn profile_chosen_by_name_and_unknown_names_refused() {
    let dir = tempfile::tempdir().unwrap();
    review_support::write_folder(dir.path());
    let yuan = dir.path().join("02-县交通局.xlsx");
    let (code, out, _) = review(&[arg(&yuan), "--profile".into(), "selfeval-whole".into()]);
    assert_eq!(code, 0);
    assert!(
        out.contains("评分方案：项目支出绩效自评表（整数计分）\n"),
        "{out}"
    );
    // 86.2% of 10 in whole points is 9: the published 99 holds.
    assert_eq!(
        summary_of(&out, &yuan.display().to_string())[3..],
        ["元", "99", "99.00", "0.00", "优/优", "0", "0", "0"]
    );
    let (code, _, err) = review(&[arg(&yuan), "--profile".into(), "省级".into()]);
    assert_eq!(code, 1);
    assert!(err.contains("没有名为“省级”的评分方案"), "{err}");
}

#[test]
fn xlsx_and_pdf_outputs() {
    use calamine::{Data, Reader, open_workbook_auto};
    let dir = tempfile::tempdir().unwrap();
    let forms = dir.path().join("forms");
    std::fs::create_dir(&forms).unwrap();
    review_support::write_folder(&forms);
    let xlsx = dir.path().join("复核.xlsx");
    let pdf = dir.path().join("复核意见.pdf");
    let (code, out, _) = review(&[
        arg(&forms),
        "--xlsx".into(),
        arg(&xlsx),
        "--pdf".into(),
        arg(&pdf),
    ]);
    assert_eq!(code, 4);
    assert!(out.contains("已写出复核汇总表"));
    assert!(out.contains("已写出复核意见 PDF：4 份"));

    let mut book = open_workbook_auto(&xlsx).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "汇总",
            "1 企业服务活动专项经费",
            "2 农村公路养护补助",
            "3 乡村文化站设备购置",
            "4 全民健身赛事活动经费"
        ]
    );
    let summary = book.worksheet_range("汇总").unwrap();
    // Row 7 (0-based 6) is the third form: 公布 100, 复核 88, 差异 12.
    assert_eq!(
        summary.get_value((6, 0)),
        Some(&Data::String("区县/03-区文化馆.csv".to_owned()))
    );
    assert_eq!(summary.get_value((6, 4)), Some(&Data::Float(100.0)));
    assert_eq!(summary.get_value((6, 5)), Some(&Data::Float(88.0)));
    assert_eq!(summary.get_value((6, 6)), Some(&Data::Float(12.0)));
    let sheet = book.worksheet_range("3 乡村文化站设备购置").unwrap();
    let row = (0..sheet.height())
        .find(|&r| {
            sheet.get_value((u32::try_from(r).unwrap(), 2))
                == Some(&Data::String("　　购置设备的文化站数".to_owned()))
        })
        .unwrap();
    let r = u32::try_from(row).unwrap();
    assert_eq!(sheet.get_value((r, 0)), Some(&Data::Float(13.0)));
    assert_eq!(sheet.get_value((r, 6)), Some(&Data::Float(50.0)));
    assert_eq!(sheet.get_value((r, 7)), Some(&Data::Float(40.0)));
    assert_eq!(sheet.get_value((r, 8)), Some(&Data::Float(10.0)));

    let text = pdf_extract::extract_text(&pdf).unwrap();
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(squeezed.matches("项目支出绩效自评表复核意见").count(), 4);
    assert!(squeezed.contains("某区文化馆"));
    assert!(
        squeezed.contains("公布总分100，复核得分88.00，差异+12.00"),
        "{text}"
    );
    assert!(squeezed.contains("需要更正的问题"));
    assert!(squeezed.contains("自评表经复核无需更正"));
}

/// A workbook with a note sheet and two forms: each form sheet is reviewed, the note is not.
#[test]
fn every_form_sheet_of_a_workbook_is_reviewed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("两张表.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let note = wb.add_worksheet();
    note.set_name("填表说明").unwrap();
    note.write_string(0, 0, "请按要求填写").unwrap();
    review_support::national().write_sheet(wb.add_worksheet(), "项目一");
    review_support::county_gbk().write_sheet(wb.add_worksheet(), "项目二");
    wb.save(&path).unwrap();
    let batch = jixiao::review::review_paths(&[path], &jixiao::review::ReviewOptions::default());
    assert!(batch.failures.is_empty(), "{:?}", batch.failures);
    let sheets: Vec<(&str, &str)> = batch
        .forms
        .iter()
        .map(|f| (f.sheet.as_str(), f.project_name.as_str()))
        .collect();
    assert_eq!(
        sheets,
        [
            ("项目一", "企业服务活动专项经费"),
            ("项目二", "乡村文化站设备购置")
        ]
    );
    assert!(
        batch.forms[1]
            .file
            .ends_with("两张表.xlsx（工作表“项目二”）")
    );
    assert_eq!(batch.forms[0].recomputed_total, dec!(99.00));
    assert_eq!(batch.forms[1].recomputed_total, dec!(88.00));
}
