//! Forms filled the way units in other provinces fill them, against the reader: targets with
//! worded or suffixed comparators (95%以上, 500元/人以内), 实际完成值 kept as the fraction a
//! percent-formatted cell stores (0.96 shown as 96%), 执行率 as a bare fraction, and the same
//! form saved as xls and ods by `LibreOffice` (committed under `tests/fixtures/forms/`). Every
//! expected figure is worked out by hand from the form as typed (see `tests/forms_support`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod forms_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use forms_support::C::{N, T};
use jixiao::model::{Amount, Rounding, Workspace};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn jixiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn import(form: &Path, ws: &Path) -> (Output, Option<Workspace>) {
    let out = jixiao(&[
        "import",
        form.to_str().unwrap(),
        "--into",
        ws.to_str().unwrap(),
    ]);
    let loaded = ws.exists().then(|| jixiao::store::load_path(ws).unwrap());
    (out, loaded)
}

fn leaf(ws: &Workspace, name: &str) -> (Decimal, bool) {
    let e = &ws.evaluations[0];
    let b = jixiao::calc::score_evaluation(ws, e);
    let i = e
        .indicators
        .iter()
        .position(|n| n.name == name)
        .unwrap_or_else(|| panic!("no indicator {name}"));
    (b.nodes[i].score, b.nodes[i].unscored)
}

/// The 预算执行率 line's score in whole points.
fn exec_whole_points(ws: &Workspace) -> Decimal {
    let mut whole = ws.clone();
    whole.evaluations[0].profile.rounding = Rounding::WholePoints;
    jixiao::calc::score_evaluation(&whole, &whole.evaluations[0]).nodes[0].score
}

/// The 河南 form of `forms_support` as a unit of another province types it: targets with
/// suffixes and words, 实际完成值 of the percentage rows as the fractions a percent-formatted
/// cell stores, and 执行率 as the fraction 0.862.
fn suffixed() -> forms_support::National {
    let mut f = forms_support::henan_yuan_in_subtitle();
    f.funds[0].5 = N(0.862);
    for row in &mut f.indicators {
        let T(name) = row[2] else { continue };
        match name {
            "培训场次" => row[3] = T("10场以上"),
            "培训合格率" => (row[3], row[4]) = (T("95%以上"), N(0.96)),
            "培训完成及时率" => row[4] = N(1.0),
            "人均培训成本" => row[3] = T("不超过500元/人"),
            "参训人员满意度" => (row[3], row[4]) = (T("大于等于90%"), N(0.93)),
            _ => {}
        }
    }
    f
}

/// Checks one import of the suffixed form, whatever the file format.
fn assert_suffixed(ws: &Workspace) {
    let p = &ws.projects[0];
    // 500,000 元 = 50 万元; 431,000 元 = 43.1 万元.
    assert_eq!(p.budget_initial, Amount::Value(dec!(50)));
    assert_eq!(p.budget_adjusted, Amount::Value(dec!(50)));
    assert_eq!(p.executed, Amount::Value(dec!(43.1)));
    // 12 场 ≥ 10: full 15; 96% ≥ 95%: full 15 (not 0.96 against 95); 100% = 100%: 10;
    // 480 ≤ 500: 10; 93% ≥ 90%: 10.
    assert_eq!(leaf(ws, "培训场次"), (dec!(15), false));
    assert_eq!(leaf(ws, "培训合格率"), (dec!(15), false));
    assert_eq!(leaf(ws, "培训完成及时率"), (dec!(10), false));
    assert_eq!(leaf(ws, "人均培训成本"), (dec!(10), false));
    assert_eq!(leaf(ws, "参训人员满意度"), (dec!(10), false));
    let e = &ws.evaluations[0];
    let b = jixiao::calc::score_evaluation(ws, e);
    // 43.1 / 50 = 86.2% of 10 = 8.62.
    assert_eq!(b.nodes[0].score, dec!(8.62));
    // In whole points 86.2% of 10 is 9, the unit's 得分.
    assert_eq!(exec_whole_points(ws), dec!(9));
}

#[test]
fn suffixed_targets_and_percent_fractions_score_as_displayed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("suffixed.xlsx");
    suffixed().form().xlsx(&path, "自评表");
    let (out, ws) = import(&path, &dir.path().join("ws.ron"));
    assert!(out.status.success(), "{}", text(&out));
    assert_suffixed(&ws.unwrap());
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/forms")
        .join(name)
}

/// Writes the xlsx the committed xls/ods were converted from:
/// `FORMS_FIXTURE_DIR=DIR cargo test --test forms_red_team -- --ignored`.
#[test]
#[ignore = "writes the source of tests/fixtures/forms/*.xls|ods"]
fn write_fixture_sources() {
    let dir = PathBuf::from(std::env::var("FORMS_FIXTURE_DIR").unwrap());
    suffixed().form().xlsx(&dir.join("suffixed.xlsx"), "自评表");
}

#[test]
fn xls_and_ods_saved_by_libreoffice_read_like_the_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["suffixed.xls", "suffixed.ods"] {
        let path = fixture(name);
        let copy = dir.path().join(name);
        std::fs::copy(&path, &copy).unwrap();
        let ws_path = dir.path().join(format!("{name}.ron"));
        let (out, ws) = import(&copy, &ws_path);
        assert!(out.status.success(), "{name}: {}", text(&out));
        assert_suffixed(&ws.unwrap());
    }
}
