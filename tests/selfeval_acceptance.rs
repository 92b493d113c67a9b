//! Submitted 自评表 from different provinces, imported as a new user would (`jixiao import FILE
//! --into ws.ron`), then the workspace read back and scored. Every expected figure below was
//! worked out by hand from the form as the unit typed it (see `tests/forms_support`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod forms_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

/// Imports `form` into a new workspace beside it and reads the workspace back.
fn import(form: &Path, extra: &[&str]) -> (Output, Option<Workspace>) {
    let ws: PathBuf = form.with_extension("ron");
    let mut args = vec![
        "import",
        form.to_str().unwrap(),
        "--into",
        ws.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = jixiao(&args);
    let loaded = ws.exists().then(|| jixiao::store::load_path(&ws).unwrap());
    (out, loaded)
}

fn leaf_score(ws: &Workspace, name: &str) -> (Decimal, bool) {
    let e = &ws.evaluations[0];
    let b = jixiao::calc::score_evaluation(ws, e);
    let i = e
        .indicators
        .iter()
        .position(|n| n.name == name)
        .unwrap_or_else(|| panic!("no indicator {name}"));
    (b.nodes[i].score, b.nodes[i].unscored)
}

#[test]
fn yuan_stated_under_the_title_is_converted_to_wan_yuan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("henan.xlsx");
    forms_support::henan_yuan_in_subtitle()
        .form()
        .xlsx(&path, "自评表");
    let (out, ws) = import(&path, &[]);
    assert!(out.status.success(), "{}", text(&out));
    // The unit used is said.
    assert!(text(&out).contains('元'), "{}", text(&out));
    let ws = ws.unwrap();
    let p = &ws.projects[0];
    // 500,000 元 = 50 万元; 431,000 元 = 43.1 万元.
    assert_eq!(p.budget_initial, Amount::Value(dec!(50)));
    assert_eq!(p.budget_adjusted, Amount::Value(dec!(50)));
    assert_eq!(p.executed, Amount::Value(dec!(43.1)));
    assert_eq!(p.name, "2023年职业技能提升培训项目");
    // 43.1 / 50 = 86.2% of 10 → 8.62 with two places …
    let e = &ws.evaluations[0];
    let b = jixiao::calc::score_evaluation(&ws, e);
    assert_eq!(b.nodes[0].score, dec!(8.62));
    // … and 9 in whole points, which reproduces the unit's 96.
    let mut whole = ws.clone();
    whole.evaluations[0].profile.rounding = Rounding::WholePoints;
    let b = jixiao::calc::score_evaluation(&whole, &whole.evaluations[0]);
    assert_eq!(b.nodes[0].score, dec!(9));
    // 定性: "效果明显" is met (15 of 15); "部分建立" is partly met: never full marks.
    assert_eq!(leaf_score(&ws, "从业人员技能水平"), (dec!(15), false));
    let (partial, unscored) = leaf_score(&ws, "培训长效机制");
    assert!(
        unscored || partial == dec!(12),
        "部分建立 scored {partial} (unscored: {unscored})"
    );
    // ≤500元/人 met by 480.
    assert_eq!(leaf_score(&ws, "人均培训成本"), (dec!(10), false));
}

#[test]
fn half_width_yuan_in_the_funds_label_and_the_forms_slips_are_placed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("district.xlsx");
    forms_support::district_slips().form().xlsx(&path, "附件2");
    let (out, ws) = import(&path, &[]);
    let t = text(&out);
    // The target "#NAME?" of 补贴发放及时率 is row 15, column E: never a silent blank.
    let line = |needle: &str| {
        t.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle}:\n{t}"))
            .to_owned()
    };
    let bad = line("#NAME?");
    assert!(bad.contains("第 15 行") && bad.contains("E 列"), "{bad}");
    // "产出指标（50分）": its 分值 add to 20 + 15 + 10 = 45.
    let l1 = line("50 分");
    assert!(l1.contains("45") && l1.contains("第 13 行"), "{l1}");
    // 得分 12 above 分值 10 on row 15.
    let over = line("高于分值");
    assert!(over.contains("12") && over.contains("10"), "{over}");
    // 总分 99 against 20 + 15 + 12 + 30 + 10 + 9.7 = 96.7.
    let total = line("总分 99");
    assert!(total.contains("96.7"), "{total}");
    if let Some(ws) = ws {
        // 1,200,000 元 = 120 万元, 1,164,000 元 = 116.4 万元.
        let p = &ws.projects[0];
        assert_eq!(
            (&p.budget_adjusted, &p.executed),
            (&Amount::Value(dec!(120)), &Amount::Value(dec!(116.4)))
        );
        // The "(50分)" is not part of the name.
        assert!(
            ws.evaluations[0]
                .indicators
                .iter()
                .any(|i| i.name == "产出指标")
        );
        // The row whose target is #NAME? waits for the evaluator: not the unit's 12.
        let (s, unscored) = leaf_score(&ws, "补贴发放及时率");
        assert!(unscored, "#NAME? target scored {s}");
    } else {
        assert!(!out.status.success(), "{t}");
    }
}

#[test]
fn a_form_that_states_no_unit_is_refused_until_the_unit_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nounit.xlsx");
    forms_support::no_unit_anywhere()
        .form()
        .xlsx(&path, "自评表");
    let (out, ws) = import(&path, &[]);
    let t = text(&out);
    assert!(!out.status.success(), "{t}");
    assert!(t.contains("--unit"), "{t}");
    assert!(
        ws.is_none(),
        "nothing may be written while the unit is unknown"
    );
    let (out, ws) = import(&path, &["--unit", "万元"]);
    assert!(out.status.success(), "{}", text(&out));
    let p = &ws.unwrap().projects[0];
    assert_eq!(
        (&p.budget_initial, &p.budget_adjusted, &p.executed),
        (
            &Amount::Value(dec!(300)),
            &Amount::Value(dec!(320)),
            &Amount::Value(dec!(304))
        )
    );
}

#[test]
fn a_zero_total_row_with_filled_sources_is_an_error_not_a_zero_score() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("county.xlsx");
    forms_support::county_zero_total()
        .form()
        .xlsx(&path, "Sheet1");
    let (out, ws) = import(&path, &[]);
    assert!(out.status.success(), "{}", text(&out));
    let ws = ws.unwrap();
    let findings = jixiao::calc::checks::run_all(&ws);
    let all: Vec<String> = findings.iter().map(|f| f.message.clone()).collect();
    // The total 0 against the sources' 90 / 89.974 / 89.974.
    assert!(
        all.iter().any(|m| m.contains("89.974") && m.contains('0')),
        "{all:#?}"
    );
    // 全年预算数 89.974 cut below 年初 90 to exactly the spend.
    assert!(
        all.iter().any(|m| m.contains("89.974") && m.contains("90")),
        "{all:#?}"
    );
    // The sources are compared column by column: 年初 90 with 90, 全年 89.974 with 89.974;
    // no finding may set one column's total against another column's sources.
    assert!(
        !all.iter().any(|m| m.contains("0.026")),
        "a 年初 total was compared with 全年 sources: {all:#?}"
    );
    // The 执行率 row is not a silent 0 of 10 with nothing said.
    let e = &ws.evaluations[0];
    let b = jixiao::calc::score_evaluation(&ws, e);
    assert!(
        b.nodes[0].score != Decimal::ZERO || b.nodes[0].unscored,
        "执行率 scored 0 silently"
    );
    // "未完成" against "明显改善" is the bottom band: at most 60% of 30, never the unit's 30.
    let (s, unscored) = leaf_score(&ws, "村容村貌");
    assert!(!unscored && s <= dec!(18), "未完成 scored {s}");
}

#[test]
fn county_variant_in_gbk_csv_scores_its_at_most_targets_as_at_most() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("daolu.csv");
    forms_support::county_variant_csv().csv_gbk(&path);
    let (out, ws) = import(&path, &[]);
    assert!(out.status.success(), "{}", text(&out));
    let ws = ws.unwrap();
    let p = &ws.projects[0];
    assert_eq!(p.name, "乡村道路养护");
    assert_eq!(
        (&p.budget_initial, &p.budget_adjusted, &p.executed),
        (
            &Amount::Value(dec!(200)),
            &Amount::Value(dec!(180)),
            &Amount::Value(dec!(171))
        )
    );
    // 171 / 180 = 95% of 10.
    let e = &ws.evaluations[0];
    let b = jixiao::calc::score_evaluation(&ws, e);
    assert_eq!(b.nodes[0].score, dec!(9.50));
    // 路面病害率 ≤ 5%, actual 6.5%: 20 × 5 / 6.5 = 15.3846… → 15.38 (the unit wrote 20).
    assert_eq!(leaf_score(&ws, "路面病害率"), (dec!(15.38), false));
    // 养护成本 ≤ 202.6 万元, actual 171: met.
    assert_eq!(leaf_score(&ws, "养护成本"), (dec!(10), false));
    // 定性 "基本完成": the middle band, 80% of 20 = 16 (as the unit scored it).
    assert_eq!(leaf_score(&ws, "群众出行条件"), (dec!(16), false));
    // 9.5 + 30 + 10 + 15.38 + 16 + 10 = 90.88, against the published 95.5.
    assert_eq!(b.total.score, dec!(90.88));
}

#[test]
fn missed_targets_written_with_words_between_are_never_full_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("city.xlsx");
    forms_support::city_negations().form().xlsx(&path, "自评表");
    let (out, ws) = import(&path, &[]);
    assert!(out.status.success(), "{}", text(&out));
    let ws = ws.unwrap();
    for (name, weight) in [
        ("系统升级", dec!(20)),
        ("数据共享", dec!(15)),
        ("视频节点建设", dec!(15)),
        ("运维制度", dec!(30)),
    ] {
        let (s, unscored) = leaf_score(&ws, name);
        assert!(
            unscored || s < weight,
            "{name}: scored {s} of {weight} although the unit wrote it was not (fully) met"
        );
    }
    // 部分建立 is at most the middle band's top: 80% of 30.
    let (s, unscored) = leaf_score(&ws, "运维制度");
    assert!(unscored || s <= dec!(24), "部分建立 scored {s}");
}
