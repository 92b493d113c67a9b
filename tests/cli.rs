//! The command line as a user runs it: the real binary on the bundled sample, with golden
//! text for `score` and `check` (set `JIXIAO_BLESS=1` to rewrite the golden files after a
//! deliberate change, then read the diff).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> PathBuf {
    root().join("sample-data/zhengzhou-gongxin.ron")
}

fn jixiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Compares `actual` with the golden file, or rewrites it when blessing.
fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("JIXIAO_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with JIXIAO_BLESS=1 to create it)",
            path.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the golden file at line {}:\n  golden: {:?}\n  actual: {:?}",
            name,
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

fn sample_arg() -> String {
    sample().to_string_lossy().into_owned()
}

#[test]
fn score_of_the_2021_department_evaluation_matches_the_published_table() {
    let o = jixiao(&["score", &sample_arg(), "--evaluation", "2021-dept"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = stdout(&o);
    // Seed 000's 总体得分情况表, figure by figure.
    let table: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "总体得分情况表")
        .skip(1)
        .take(4)
        .collect();
    let cells = |l: &str| l.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(
        cells(table[0]),
        ["指标", "投入管理", "产出", "效益", "合计"]
    );
    assert_eq!(cells(table[1]), ["分值", "34", "34", "32", "100"]);
    assert_eq!(
        cells(table[2]),
        ["得分", "27.34", "29.35", "28.00", "84.69"]
    );
    assert_eq!(
        cells(table[3]),
        ["得分率", "80.41%", "86.32%", "87.50%", "84.69%"]
    );
    assert!(text.contains("总分：84.69　等级：良"), "{text}");
    golden("score-2021-dept.txt", &text);
}

#[test]
fn score_of_every_evaluation_is_golden() {
    let o = jixiao(&["score", &sample_arg()]);
    assert!(o.status.success());
    golden("score-all.txt", &stdout(&o));
}

#[test]
fn score_json_has_decimal_strings() {
    let o = jixiao(&[
        "score",
        &sample_arg(),
        "--evaluation",
        "2021-dept",
        "--json",
    ]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let ev = &v[0];
    assert_eq!(ev["evaluation_id"], "2021-dept");
    assert_eq!(ev["total"]["score"], "84.69");
    assert_eq!(ev["total"]["grade"], "良");
    let l1: Vec<&str> = ev["level1"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["score"].as_str().unwrap())
        .collect();
    assert_eq!(l1, ["27.34", "29.35", "28.00"]);
}

#[test]
fn metrics_give_the_published_rates() {
    let o = jixiao(&["metrics", &sample_arg()]);
    assert!(o.status.success());
    let text = stdout(&o);
    let section_2021: String = text
        .lines()
        .skip_while(|l| !l.starts_with("2021 年度"))
        .take(9)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        section_2021.contains("预算执行率") && section_2021.contains("94.36%"),
        "{section_2021}"
    );
    assert!(
        section_2021.contains("预算调整率") && section_2021.contains("10.05%"),
        "{section_2021}"
    );
    let lv: String = text
        .lines()
        .skip_while(|l| !l.contains("铝工业转型升级专项资金"))
        .take(4)
        .collect::<Vec<_>>()
        .join("\n");
    let initial = lv
        .lines()
        .find(|l| l.contains("预算执行率（年初预算）"))
        .unwrap();
    assert!(initial.contains("107.49%"), "{lv}");

    let o = jixiao(&["metrics", &sample_arg(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d2021 = v["departments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["year"] == 2021)
        .unwrap();
    let exec = d2021["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "预算执行率")
        .unwrap();
    assert_eq!(exec["numerator"], "118925.25");
    assert_eq!(exec["denominator"], "126038.75");
}

#[test]
fn an_unreadable_file_exits_1_with_a_message() {
    let missing = Path::new("no-such-workspace.ron");
    let o = jixiao(&["score", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("无法打开工作区"), "{err}");
    let o = jixiao(&["check", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn an_unknown_evaluation_is_named() {
    let o = jixiao(&["score", &sample_arg(), "--evaluation", "nope"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("nope") && err.contains("2021-dept"), "{err}");
}

#[test]
fn bare_jixiao_without_a_display_says_how_to_use_the_command_line() {
    // No display at all: the window cannot open, and the message points to the commands.
    let o = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_RUNTIME_DIR", std::env::temp_dir())
        .env("HOME", std::env::temp_dir())
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("无法打开窗口") && err.contains("jixiao score"),
        "{err}"
    );
}

/// The findings of one kind whose text mentions every word given.
fn findings_of(v: &serde_json::Value, kind: &str, words: &[&str]) -> Vec<serde_json::Value> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == kind)
        .filter(|f| {
            let text = format!(
                "{} {} {} {}",
                f["check"], f["place"], f["message"], f["hint"]
            );
            words.iter().all(|w| text.contains(w))
        })
        .cloned()
        .collect()
}

#[test]
fn check_finds_what_the_seeds_contradict() {
    let o = jixiao(&["check", &sample_arg(), "--json"]);
    assert!(o.status.success(), "findings are data: exit 0");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();

    // Seed 002 publishes 100 while 134.5343 / 207 = 64.99% caps the score at 96.50.
    let qyfw = findings_of(&v, "Error", &["企业服务活动专项经费", "96.50"]);
    assert_eq!(qyfw.len(), 1, "{qyfw:#?}");
    assert_eq!(qyfw[0]["left"]["amount"], "100");
    assert_eq!(qyfw[0]["right"]["amount"], "96.50");
    assert!(qyfw[0]["hint"].as_str().unwrap().contains("64.99"));

    // Seed 004: 7,309.62 executed against a 年初 budget of 6,800.
    let over = findings_of(&v, "Warning", &["铝工业转型升级专项资金", "超过年初预算"]);
    assert_eq!(over.len(), 1, "{over:#?}");
    assert_eq!(over[0]["left"]["amount"], "7309.62");
    assert_eq!(over[0]["right"]["amount"], "6800");

    // Seed 004 says 100% spent; seed 000 says 50.75% reached the firms.
    let gap = findings_of(&v, "Warning", &["铝工业转型升级专项资金", "50.75%", "100%"]);
    assert!(!gap.is_empty(), "spent-but-not-disbursed gap reported");

    // Seed 003: 30239 其他交通费用 is a 302 code counted under 人员经费 (twice).
    let class = findings_of(&v, "Warning", &["30239", "人员经费"]);
    assert_eq!(class.len(), 2, "{class:#?}");
    let wages = findings_of(&v, "Error", &["工资福利支出", "6,255.0"]);
    assert_eq!(wages.len(), 1);
    assert_eq!(wages[0]["difference"], "176.2");

    // Seed 003's 0.1–0.2 gaps are rounding, never errors.
    let rounding = findings_of(&v, "Rounding", &[]);
    assert!(rounding.len() >= 10, "{}", rounding.len());
    for f in &rounding {
        let d: rust_decimal::Decimal = f["difference"].as_str().unwrap().parse().unwrap();
        assert!(d.abs() <= rust_decimal::Decimal::new(2, 1), "{f:#?}");
    }
    let gap_21505 = findings_of(&v, "Rounding", &["21505", "商品和服务支出"]);
    assert_eq!(gap_21505.len(), 1);
    let errors = findings_of(&v, "Error", &[]);
    assert!(
        errors.iter().all(|f| f["difference"]
            .as_str()
            .is_none_or(
                |d| d.trim_start_matches('-') != "0.1" && d.trim_start_matches('-') != "0.2"
            )),
        "{errors:#?}"
    );
}

#[test]
fn check_text_is_golden() {
    let o = jixiao(&["check", &sample_arg()]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.starts_with("勾稽检查：共 "));
    golden("check.txt", &text);
}

#[test]
fn progress_json_gives_seed_000_year_end_rates_exactly() {
    let o = jixiao(&["progress", &sample_arg(), "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let projects = v.as_array().unwrap();
    // Seed 000 四、（三）二: 拨付率 at the end of 2021, paid out to firms.
    for (id, paid, due, rate) in [
        ("2021-zhizaoye", "21399.00", "30000.00", "71.33"),
        ("2021-lvgongye", "3451.00", "6800", "50.75"),
        ("2021-qiche", "4806.50", "5000.00", "96.13"),
    ] {
        let p = projects
            .iter()
            .find(|p| p["project_id"] == id)
            .unwrap_or_else(|| panic!("{id} missing"));
        let at = &p["at"];
        assert_eq!(at["date"], "2021-12-31", "{id}");
        assert_eq!(at["time_progress"], "1", "{id}");
        assert_eq!(at["to_beneficiaries"]["amount"], paid, "{id}");
        assert_eq!(p["disbursement_due"], due, "{id}");
        // The share is exact: the rate itself, a fraction, with no float in between.
        let share: rust_decimal::Decimal = at["to_beneficiaries"]["share"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        let expected: rust_decimal::Decimal = rate.parse().unwrap();
        assert_eq!(share * rust_decimal::Decimal::ONE_HUNDRED, expected, "{id}");
    }
}

#[test]
fn progress_on_a_date_and_its_errors() {
    let o = jixiao(&[
        "progress",
        &sample_arg(),
        "--project",
        "2021-zhizaoye",
        "--date",
        "2021-07-31",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    golden("progress-zhizaoye-0731.txt", &stdout(&o));
    // The 时点 row worked by hand from the sample's dated payments: 212 of 365 days = 58.08%;
    // to districts 6,000 + 8,000 = 14,000 of 30,000 = 46.67%; to firms 850 + 1,100 + 1,250 +
    // 1,600 + 1,300 = 6,100 = 20.33%; 46.67% ÷ 58.08% (exactly 14/30 ÷ 212/365) = 80.35%.
    let out = stdout(&o);
    let at: Vec<&str> = out
        .lines()
        .find(|l| l.starts_with("2021-07-31 时点"))
        .expect("a 时点 row")
        .split_whitespace()
        .collect();
    assert_eq!(
        at[2..],
        [
            "58.08%",
            "14,000.00",
            "46.67%",
            "14,000.00",
            "46.67%",
            "6,100.00",
            "20.33%",
            "80.35%",
            "正常"
        ]
    );

    let o = jixiao(&["progress", &sample_arg(), "--date", "2021-7-32"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("请写作 YYYY-MM-DD"));
    let o = jixiao(&["progress", &sample_arg(), "--project", "nope"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("没有 ID 为 \"nope\" 的项目"));
}

#[test]
fn report_writes_the_pdf_and_says_how_many_pages() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("部门.pdf");
    let o = jixiao(&[
        "report",
        &sample_arg(),
        "--evaluation",
        "2021-dept",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("已生成 PDF：5 页"), "{}", stdout(&o));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));

    // Every evaluation in one file, the self-evaluations in the national form.
    let all = dir.path().join("all.pdf");
    let o = jixiao(&[
        "report",
        &sample_arg(),
        "--layout",
        "selfeval",
        "-o",
        all.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text: String = pdf_extract::extract_text(&all)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(text.contains("绩效评价得分汇总表"));
    assert!(text.contains("项目支出绩效自评表"));
}

#[test]
fn report_of_an_unknown_evaluation_exits_1_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.pdf");
    let o = jixiao(&[
        "report",
        &sample_arg(),
        "--evaluation",
        "nope",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("nope"));
    assert!(!out.exists());
}

#[test]
fn export_writes_an_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("工作区.xlsx");
    let o = jixiao(&["export", &sample_arg(), "--xlsx", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("已导出电子表格"));
    // An xlsx is a zip archive.
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
}
