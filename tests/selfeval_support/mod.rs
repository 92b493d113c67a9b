//! 项目支出绩效自评表 written as units fill them, for the import tests: one grid per form (the
//! national layout with the variations provinces print), saved as xlsx with `rust_xlsxwriter`
//! (numbers as numbers, `#NAME?` as a real error cell, `=…` as a formula saved without its
//! value) or as a GBK CSV.

#![allow(dead_code, clippy::missing_panics_doc)]

use std::path::Path;

use rust_xlsxwriter::{Formula, Workbook};

/// One form: what a unit types into its province's template.
#[derive(Clone, Debug)]
pub struct Form {
    /// Title lines (first row: the title; more rows: the year line, a 单位 line …).
    pub title: Vec<String>,
    pub name: String,
    pub department: String,
    pub unit: String,
    /// The funding block's caption down column A ("项目资金（万元）", "项目资金").
    pub funding_caption: String,
    /// The funding header after the label column (年初预算数 … in the province's order).
    pub funding_header: Vec<String>,
    /// Funding rows: the label, then one cell per header column.
    pub funding_rows: Vec<Vec<String>>,
    pub goal_expected: String,
    pub goal_actual: String,
    /// The indicator header (一级指标 …).
    pub indicator_header: Vec<String>,
    /// Indicator rows, one cell per header column.
    pub indicators: Vec<Vec<String>>,
    /// The 总分 row's cells under the indicator header ("总分" first).
    pub total: Vec<String>,
    /// 偏差原因分析及改进措施 as a closing section (empty: none).
    pub deviation: String,
}

pub fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| (*x).to_owned()).collect()
}

/// The national template's columns (财预〔2020〕10号 annex), 万元, as most units fill it.
pub fn national() -> Form {
    Form {
        title: s(&["项目支出绩效自评表", "（2023年度）"]),
        name: "乡村道路养护项目".to_owned(),
        department: "某县交通运输局".to_owned(),
        unit: "某县公路事业发展中心".to_owned(),
        funding_caption: "项目资金（万元）".to_owned(),
        funding_header: s(&[
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ]),
        funding_rows: vec![
            s(&["年度资金总额", "100", "100", "95", "10", "95%", "9.5"]),
            s(&["其中：当年财政拨款", "100", "100", "95", "—", "—", "—"]),
            s(&["上年结转资金", "", "", "", "—", "—", "—"]),
            s(&["其他资金", "", "", "", "—", "—", "—"]),
        ],
        goal_expected: "养护农村公路120公里".to_owned(),
        goal_actual: "完成养护126公里".to_owned(),
        indicator_header: s(&[
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ]),
        indicators: vec![
            s(&[
                "产出指标",
                "数量指标",
                "养护里程",
                "≥120公里",
                "126公里",
                "50",
                "50",
                "",
            ]),
            s(&[
                "效益指标",
                "社会效益指标",
                "群众出行条件",
                "改善",
                "明显改善",
                "30",
                "30",
                "",
            ]),
            s(&[
                "满意度指标",
                "服务对象满意度指标",
                "群众满意度",
                "≥90%",
                "95%",
                "10",
                "10",
                "",
            ]),
        ],
        total: s(&["总分", "", "", "", "", "100", "99.5", ""]),
        deviation: String::new(),
    }
}

impl Form {
    /// The form as a grid of cell texts, column A holding the section captions.
    pub fn grid(&self) -> Vec<Vec<String>> {
        let mut g: Vec<Vec<String>> = Vec::new();
        for t in &self.title {
            g.push(vec![t.clone()]);
        }
        g.push(s(&["项目名称", &self.name]));
        g.push(s(&[
            "主管部门",
            &self.department,
            "",
            "",
            "实施单位",
            &self.unit,
        ]));
        let mut head = vec![self.funding_caption.clone(), String::new()];
        head.extend(self.funding_header.iter().cloned());
        g.push(head);
        for r in &self.funding_rows {
            let mut row = vec![String::new()];
            row.extend(r.iter().cloned());
            g.push(row);
        }
        g.push(s(&["年度总体目标", "预期目标", "", "", "实际完成情况"]));
        g.push(s(&["", &self.goal_expected, "", "", &self.goal_actual]));
        let mut head = vec!["绩效指标".to_owned()];
        head.extend(self.indicator_header.iter().cloned());
        g.push(head);
        for r in &self.indicators {
            let mut row = vec![String::new()];
            row.extend(r.iter().cloned());
            g.push(row);
        }
        let mut total = vec![String::new()];
        total.extend(self.total.iter().cloned());
        g.push(total);
        if !self.deviation.is_empty() {
            g.push(s(&["偏差原因分析及改进措施", &self.deviation]));
        }
        g
    }

    /// The 1-based sheet row of the first funding row (the total, in the national layout).
    pub fn funding_row(&self, i: usize) -> usize {
        self.title.len() + 3 + 1 + i
    }

    /// The 1-based sheet row of indicator row `i`.
    pub fn indicator_row(&self, i: usize) -> usize {
        self.title.len() + 3 + self.funding_rows.len() + 3 + 1 + i
    }

    /// The 1-based sheet row of the 总分 line.
    pub fn total_row(&self) -> usize {
        self.indicator_row(self.indicators.len())
    }

    /// Saves the form as xlsx: plain decimals as numbers, `#NAME?`-style cells as error values,
    /// `=…` as formulas saved without a value.
    pub fn save_xlsx(&self, path: &Path) {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("自评表").unwrap();
        for (r, row) in self.grid().iter().enumerate() {
            let r = u32::try_from(r).unwrap();
            for (c, text) in row.iter().enumerate() {
                let c = u16::try_from(c).unwrap();
                if text.is_empty() {
                    continue;
                }
                if text.starts_with('#') && text.ends_with(['?', '!', 'A']) {
                    ws.write_formula(r, c, Formula::new("=NOSUCHFUNCTION()").set_result(text))
                        .unwrap();
                } else if let Some(f) = text.strip_prefix('=') {
                    ws.write_formula(r, c, Formula::new(format!("={f}")).set_result(UNCACHED))
                        .unwrap();
                } else if is_plain_number(text) {
                    ws.write_number(r, c, text.parse::<f64>().unwrap()).unwrap();
                } else {
                    ws.write_string(r, c, text).unwrap();
                }
            }
        }
        let bytes = wb.save_to_buffer().unwrap();
        std::fs::write(path, drop_cached_values(&bytes)).unwrap();
    }

    /// Saves the form as CSV in GBK, as most government systems export it.
    pub fn save_gbk_csv(&self, path: &Path) {
        let text: String = self
            .grid()
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| {
                        if c.contains([',', '"', '\n']) {
                            format!("\"{}\"", c.replace('"', "\"\""))
                        } else {
                            c.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .collect::<Vec<_>>()
            .join("\r\n");
        let (bytes, _, bad) = encoding_rs::GBK.encode(&text);
        assert!(!bad, "the form has characters GBK cannot write");
        std::fs::write(path, &bytes).unwrap();
    }
}

/// The result the writer is given for a formula that must be saved without a value.
const UNCACHED: &str = "UNCACHED-VALUE";

/// Rewrites a workbook so that formulas written with [`UNCACHED`] have no `<v>` at all, as a
/// file saved by a generator that never calculated them.
fn drop_cached_values(xlsx: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if name.starts_with("xl/worksheets/") {
            let text = String::from_utf8(data).unwrap();
            data = text
                .replace(r#" t="str"><f>"#, "><f>")
                .replace(&format!("<v>{UNCACHED}</v>"), "")
                .into_bytes();
        }
        out.start_file(name, options).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn is_plain_number(t: &str) -> bool {
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        && t.parse::<f64>().is_ok()
}
