//! Submitted 项目支出绩效自评表 written by the tests (and the review bench): a form as a grid
//! of cell texts in the national layout, written as xlsx (numbers as numbers, the 项目资金 and
//! 年度总体目标 labels merged down their block) or as CSV in UTF-8 or GBK.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

/// One indicator row: 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分.
pub type IndicatorRow = [&'static str; 7];

/// One funding row: label, 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分.
pub type FundingRow = [&'static str; 7];

/// A 自评表 as the unit filled it.
#[derive(Clone, Debug)]
pub struct Form {
    pub year: i32,
    pub name: String,
    pub department: String,
    pub unit: String,
    /// "项目资金（万元）", "项目资金(元)" …
    pub money_header: &'static str,
    pub funding: Vec<FundingRow>,
    pub goal: (&'static str, &'static str),
    pub indicators: Vec<IndicatorRow>,
    /// 总分 row: 分值, 得分.
    pub total: (&'static str, &'static str),
}

/// Columns: A is the block label, B.. the fields (as the national template prints them).
const WIDTH: usize = 10;

impl Form {
    /// The form's cells, row by row (blank cells as "").
    pub fn grid(&self) -> Vec<Vec<String>> {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut row = |cells: &[&str]| {
            let mut r: Vec<String> = cells.iter().map(|s| (*s).to_owned()).collect();
            r.resize(WIDTH, String::new());
            rows.push(r);
        };
        row(&["项目支出绩效自评表"]);
        let year = format!("（{}年度）", self.year);
        row(&[&year]);
        row(&["项目名称", &self.name]);
        row(&[
            "主管部门",
            &self.department,
            "",
            "",
            "",
            "实施单位",
            &self.unit,
        ]);
        row(&[
            self.money_header,
            "",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ]);
        for f in &self.funding {
            let mut cells = vec![""];
            cells.extend_from_slice(f);
            row(&cells);
        }
        row(&["年度总体目标", "预期目标", "", "", "", "", "实际完成情况"]);
        row(&["", self.goal.0, "", "", "", "", self.goal.1]);
        row(&[
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ]);
        for i in &self.indicators {
            let mut cells = vec![""];
            cells.extend_from_slice(i);
            row(&cells);
        }
        row(&["总分", "", "", "", "", "", self.total.0, self.total.1]);
        rows
    }

    /// Row (0-based) of the first indicator.
    pub fn first_indicator_row(&self) -> usize {
        4 + self.funding.len() + 3 + 1
    }

    /// Writes the form as xlsx: numbers in the amount and score columns as numbers.
    pub fn write_xlsx(&self, path: &Path) {
        let mut wb = Workbook::new();
        self.write_sheet(wb.add_worksheet(), "自评表");
        wb.save(path).unwrap();
    }

    /// Writes the form into one worksheet named `name`.
    pub fn write_sheet(&self, ws: &mut rust_xlsxwriter::Worksheet, name: &str) {
        ws.set_name(name).unwrap();
        let merged = Format::new();
        let grid = self.grid();
        let funding_end = 4 + self.funding.len();
        let goal = funding_end + 1;
        for (r, cells) in grid.iter().enumerate() {
            let row = u32::try_from(r).unwrap();
            for (c, text) in cells.iter().enumerate() {
                let col = u16::try_from(c).unwrap();
                if text.is_empty() || c == 0 && (r == 4 || r == goal) {
                    continue;
                }
                let plain = text.replace(',', "");
                match plain.parse::<f64>() {
                    Ok(v) if c >= 2 && r >= 4 => {
                        ws.write_number(row, col, v).unwrap();
                    }
                    _ => {
                        ws.write_string(row, col, text).unwrap();
                    }
                }
            }
        }
        let u = |n: usize| u32::try_from(n).unwrap();
        ws.merge_range(4, 0, u(funding_end), 0, self.money_header, &merged)
            .unwrap();
        ws.merge_range(u(goal), 0, u(goal + 1), 0, "年度总体目标", &merged)
            .unwrap();
    }

    /// The form as CSV text (fields with a comma or quote are quoted).
    pub fn csv(&self) -> String {
        let mut out = String::new();
        for row in self.grid() {
            let fields: Vec<String> = row
                .iter()
                .map(|t| {
                    if t.contains([',', '"', '\n']) {
                        format!("\"{}\"", t.replace('"', "\"\""))
                    } else {
                        t.clone()
                    }
                })
                .collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
        out
    }

    pub fn write_csv_utf8(&self, path: &Path) {
        std::fs::write(path, self.csv()).unwrap();
    }

    pub fn write_csv_gbk(&self, path: &Path) {
        let text = self.csv();
        let (bytes, _, bad) = encoding_rs::GBK.encode(&text);
        assert!(!bad, "every character has a GBK code");
        std::fs::write(path, bytes).unwrap();
    }
}

/// Form A, 万元, everything holds: 180 / 200 = 90% → 9; 330 ≥ 300 人次 → 50; 达成 → 30;
/// 95% ≥ 90% → 10. Published 99 = 9 + 50 + 30 + 10.
pub fn national() -> Form {
    Form {
        year: 2023,
        name: "企业服务活动专项经费".to_owned(),
        department: "某市工业和信息化局".to_owned(),
        unit: "某市中小企业服务中心".to_owned(),
        money_header: "项目资金（万元）",
        funding: vec![
            ["年度资金总额", "200", "200", "180", "10", "90%", "9"],
            ["其中：当年财政拨款", "200", "200", "180", "—", "—", "—"],
            ["上年结转资金", "", "", "", "—", "—", "—"],
            ["其他资金", "", "", "", "—", "—", "—"],
        ],
        goal: ("举办企业家培训，服务企业发展", "培训企业家330人次"),
        indicators: vec![
            [
                "产出指标",
                "数量指标",
                "培训人次",
                "≥300人次",
                "330人次",
                "50",
                "50",
            ],
            [
                "效益指标",
                "社会效益指标",
                "企业经营能力提升",
                "有效提升",
                "达成预期指标",
                "30",
                "30",
            ],
            [
                "满意度指标",
                "服务对象满意度指标",
                "参训企业满意度",
                "≥90%",
                "95%",
                "10",
                "10",
            ],
        ],
        total: ("100", "99"),
    }
}

/// Form B, 元: 862,000 / 1,000,000 = 86.2% → 8.62 at 2 places, 9 in whole points (as the unit
/// published); the rest in full. Published 99 = 9 + 50 + 30 + 10; 2-place rules give 98.62.
pub fn yuan() -> Form {
    Form {
        year: 2023,
        name: "农村公路养护补助".to_owned(),
        department: "某县交通运输局".to_owned(),
        unit: "某县公路事业发展中心".to_owned(),
        money_header: "项目资金（元）",
        funding: vec![
            [
                "年度资金总额",
                "1,000,000",
                "1,000,000",
                "862,000",
                "10",
                "86.2%",
                "9",
            ],
            [
                "其中：当年财政拨款",
                "1,000,000",
                "1,000,000",
                "862,000",
                "—",
                "—",
                "—",
            ],
            ["上年结转资金", "", "", "", "—", "—", "—"],
            ["其他资金", "", "", "", "—", "—", "—"],
        ],
        goal: ("完成农村公路养护120公里", "完成养护126公里"),
        indicators: vec![
            [
                "产出指标",
                "数量指标",
                "养护里程",
                "≥120公里",
                "126公里",
                "50",
                "50",
            ],
            [
                "效益指标",
                "社会效益指标",
                "群众出行条件改善",
                "明显改善",
                "达成预期指标",
                "30",
                "30",
            ],
            [
                "满意度指标",
                "服务对象满意度指标",
                "沿线群众满意度",
                "≥85%",
                "92%",
                "10",
                "10",
            ],
        ],
        total: ("100", "99"),
    }
}

/// Form C, 万元, GBK CSV: the published total does not hold. 40 / 50 = 80% → 8 (published 10);
/// 8 of ≥10 个 → 50 × 8 / 10 = 40 (published 50); 达成 → 30; 95% → 10. Recomputed
/// 8 + 40 + 30 + 10 = 88.00 (良) against the published 100 (优): difference +12.00.
pub fn county_gbk() -> Form {
    Form {
        year: 2023,
        name: "乡村文化站设备购置".to_owned(),
        department: "某区文化广电和旅游局".to_owned(),
        unit: "某区文化馆".to_owned(),
        money_header: "项目资金（万元）",
        funding: vec![
            ["年度资金总额", "50", "50", "40", "10", "100%", "10"],
            ["其中：当年财政拨款", "50", "50", "40", "—", "—", "—"],
            ["上年结转资金", "", "", "", "—", "—", "—"],
            ["其他资金", "", "", "", "—", "—", "—"],
        ],
        goal: ("为10个文化站购置设备", "已为8个文化站购置设备"),
        indicators: vec![
            [
                "产出指标",
                "数量指标",
                "购置设备的文化站数",
                "≥10个",
                "8个",
                "50",
                "50",
            ],
            [
                "效益指标",
                "社会效益指标",
                "群众文化活动条件改善",
                "有效改善",
                "达成预期指标",
                "30",
                "30",
            ],
            [
                "满意度指标",
                "服务对象满意度指标",
                "群众满意度",
                "≥90%",
                "95%",
                "10",
                "10",
            ],
        ],
        total: ("100", "100"),
    }
}

/// Form D, 万元, UTF-8 CSV: a 定性 actual no catalogue knows ("详见附件") needs the
/// evaluator's judgement; 30 / 30 = 100% → 10; 12 ≥ 12 场 → 50; 96% → 10.
pub fn needs_judgement() -> Form {
    Form {
        year: 2023,
        name: "全民健身赛事活动经费".to_owned(),
        department: "某区体育局".to_owned(),
        unit: "某区体育局".to_owned(),
        money_header: "项目资金（万元）",
        funding: vec![
            ["年度资金总额", "30", "30", "30", "10", "100%", "10"],
            ["其中：当年财政拨款", "30", "30", "30", "—", "—", "—"],
            ["上年结转资金", "", "", "", "—", "—", "—"],
            ["其他资金", "", "", "", "—", "—", "—"],
        ],
        goal: ("举办全民健身赛事12场", "举办12场"),
        indicators: vec![
            [
                "产出指标",
                "数量指标",
                "举办赛事场次",
                "≥12场",
                "12场",
                "50",
                "50",
            ],
            [
                "效益指标",
                "社会效益指标",
                "群众健身意识提高",
                "明显提高",
                "详见附件",
                "30",
                "30",
            ],
            [
                "满意度指标",
                "服务对象满意度指标",
                "参赛群众满意度",
                "≥90%",
                "96%",
                "10",
                "10",
            ],
        ],
        total: ("100", "100"),
    }
}

/// The test folder: four forms (xlsx 万元, xlsx 元, GBK CSV in a subfolder, UTF-8 CSV), a
/// broken workbook and a file that is not a spreadsheet.
pub fn write_folder(dir: &Path) {
    national().write_xlsx(&dir.join("01-市工信局.xlsx"));
    yuan().write_xlsx(&dir.join("02-县交通局.xlsx"));
    let sub = dir.join("区县");
    std::fs::create_dir_all(&sub).unwrap();
    county_gbk().write_csv_gbk(&sub.join("03-区文化馆.csv"));
    needs_judgement().write_csv_utf8(&sub.join("04-区体育局.csv"));
    std::fs::write(
        dir.join("05-损坏.xlsx"),
        b"PK\x03\x04 this is not a workbook",
    )
    .unwrap();
    std::fs::write(dir.join("说明.txt"), "复核材料").unwrap();
}

/// `n` forms for the bench: the four kinds in turn, under numbered names.
pub fn write_many(dir: &Path, n: usize) {
    for i in 0..n {
        match i % 4 {
            0 => national().write_xlsx(&dir.join(format!("{i:04}.xlsx"))),
            1 => yuan().write_xlsx(&dir.join(format!("{i:04}.xlsx"))),
            2 => county_gbk().write_csv_gbk(&dir.join(format!("{i:04}.csv"))),
            _ => needs_judgement().write_csv_utf8(&dir.join(format!("{i:04}.csv"))),
        }
    }
}
