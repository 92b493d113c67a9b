//! Submitted 项目支出绩效自评表 as units from different provinces fill them, written by the tests
//! themselves (xlsx through `rust_xlsxwriter`, CSV in GBK or UTF-8), each with the slips real
//! forms carry. The figures are typed the way the unit typed them; what the review must find
//! is said next to each form.

#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

/// One cell of a form: text, a number typed into Excel, or a cell spanning columns.
#[derive(Clone, Copy)]
pub enum C {
    /// Nothing in the cell.
    E,
    /// Text as typed.
    T(&'static str),
    /// A number typed into a numeric cell (Excel keeps it as a double).
    N(f64),
    /// Text merged across `n` columns.
    M(&'static str, u16),
}

use C::{E, M, N, T};

/// A form: its rows of cells, plus vertical merges (first row, column, last row, text).
pub struct Form {
    pub rows: Vec<Vec<C>>,
    pub vertical: Vec<(u32, u16, u32, &'static str)>,
}

impl Form {
    /// Writes the form as an xlsx workbook with one sheet.
    pub fn xlsx(&self, path: &Path, sheet: &str) {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name(sheet).unwrap();
        let merged = Format::new();
        for &(top, col, bottom, text) in &self.vertical {
            ws.merge_range(top, col, bottom, col, text, &merged)
                .unwrap();
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = u32::try_from(r).unwrap();
            let mut c: u16 = 0;
            for cell in row {
                if self
                    .vertical
                    .iter()
                    .any(|&(r1, vc, r2, _)| vc == c && (r1..=r2).contains(&r))
                {
                    c += 1;
                    continue;
                }
                match *cell {
                    E => c += 1,
                    T(t) => {
                        ws.write_string(r, c, t).unwrap();
                        c += 1;
                    }
                    N(v) => {
                        ws.write_number(r, c, v).unwrap();
                        c += 1;
                    }
                    M(t, n) => {
                        if n > 1 {
                            ws.merge_range(r, c, r, c + n - 1, t, &merged).unwrap();
                        } else {
                            ws.write_string(r, c, t).unwrap();
                        }
                        c += n;
                    }
                }
            }
        }
        wb.save(path).unwrap();
    }

    /// The form as CSV text, the way a spreadsheet saves it (merged text in the first cell
    /// only, numbers as displayed).
    pub fn csv_text(&self) -> String {
        let mut out = String::new();
        for (r, row) in self.rows.iter().enumerate() {
            let r = u32::try_from(r).unwrap();
            let mut cells: Vec<String> = Vec::new();
            let mut c: u16 = 0;
            for cell in row {
                if let Some(&(r1, _, _, text)) = self
                    .vertical
                    .iter()
                    .find(|&&(r1, vc, r2, _)| vc == c && (r1..=r2).contains(&r))
                {
                    cells.push(if r == r1 {
                        text.to_owned()
                    } else {
                        String::new()
                    });
                    c += 1;
                    continue;
                }
                match *cell {
                    E => cells.push(String::new()),
                    T(t) => cells.push(t.to_owned()),
                    N(v) => cells.push(format!("{v}")),
                    M(t, n) => {
                        cells.push(t.to_owned());
                        for _ in 1..n {
                            cells.push(String::new());
                        }
                    }
                }
                c += match *cell {
                    M(_, n) => n,
                    _ => 1,
                };
            }
            let line: Vec<String> = cells
                .into_iter()
                .map(|t| {
                    if t.contains(',') || t.contains('"') {
                        format!("\"{}\"", t.replace('"', "\"\""))
                    } else {
                        t
                    }
                })
                .collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
        out
    }

    /// Writes the form as a GBK CSV (what WPS and older Excel save on a Chinese Windows).
    pub fn csv_gbk(&self, path: &Path) {
        let text = self.csv_text();
        let (bytes, _, bad) = encoding_rs::GBK.encode(&text);
        assert!(!bad, "the fixture has characters GBK cannot encode");
        std::fs::write(path, bytes).unwrap();
    }
}

/// The national layout of 财预〔2020〕10号's annex, with the parts a unit fills.
pub struct National {
    pub title: &'static str,
    /// The line under the title ("（2023年度）", "单位：元" …).
    pub subtitle: &'static str,
    pub project: &'static str,
    pub department: &'static str,
    pub unit: &'static str,
    /// The 项目资金 label as the template prints it ("项目资金（万元）", "项目资金" …).
    pub funds_label: &'static str,
    /// Funding rows: label, 年初预算数, 全年预算数, 全年执行数, then 分值, 执行率, 得分 (total row only).
    pub funds: Vec<(&'static str, C, C, C, C, C, C)>,
    pub goal: (&'static str, &'static str),
    /// Indicator rows: 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因.
    pub indicators: Vec<[C; 8]>,
    /// 总分 row: 分值, 得分.
    pub total: (C, C),
}

impl National {
    pub fn form(&self) -> Form {
        let mut rows: Vec<Vec<C>> = vec![
            vec![M(self.title, 10)],
            vec![M(self.subtitle, 10)],
            vec![T("项目名称"), M(self.project, 9)],
            vec![
                T("主管部门"),
                M(self.department, 4),
                T("实施单位"),
                M(self.unit, 4),
            ],
            vec![
                E,
                E,
                T("年初预算数"),
                T("全年预算数"),
                T("全年执行数"),
                T("分值"),
                T("执行率"),
                T("得分"),
            ],
        ];
        let funds_top = 4u32;
        for f in &self.funds {
            rows.push(vec![E, T(f.0), f.1, f.2, f.3, f.4, f.5, f.6]);
        }
        let funds_end = u32::try_from(rows.len() - 1).unwrap();
        let goal_top = u32::try_from(rows.len()).unwrap();
        rows.push(vec![E, M("预期目标", 5), M("实际完成情况", 4)]);
        rows.push(vec![E, M(self.goal.0, 5), M(self.goal.1, 4)]);
        let ind_top = u32::try_from(rows.len()).unwrap();
        rows.push(vec![
            E,
            T("一级指标"),
            T("二级指标"),
            T("三级指标"),
            T("年度指标值"),
            T("实际完成值"),
            T("分值"),
            T("得分"),
            T("偏差原因分析及改进措施"),
        ]);
        for r in &self.indicators {
            let mut row = vec![E];
            row.extend_from_slice(r);
            rows.push(row);
        }
        let ind_end = u32::try_from(rows.len() - 1).unwrap();
        rows.push(vec![M("总分", 6), self.total.0, self.total.1, E]);
        Form {
            rows,
            vertical: vec![
                (funds_top, 0, funds_end, self.funds_label),
                (goal_top, 0, goal_top + 1, "年度总体目标"),
                (ind_top, 0, ind_end, "绩效指标"),
            ],
        }
    }
}

/// 河南某市 (xlsx): money in 元, said only in the line under the title ("单位：元"); the
/// 项目资金 label has no unit. 执行率 86.2% is scored 9 (whole points). 定性 rows judged by the
/// unit: "效果明显" (full), "部分建立" (12 of 15, the top of the middle band).
/// Expected: 50 / 50 / 43.1 万元; whole-point 自评 profile reproduces 96.
pub fn henan_yuan_in_subtitle() -> National {
    National {
        title: "2023年度项目支出绩效自评表",
        subtitle: "填报单位（盖章）：某市人力资源和社会保障局　　　　单位：元",
        project: "2023年职业技能提升培训项目",
        department: "某市人力资源和社会保障局",
        unit: "某市职业技能鉴定指导中心",
        funds_label: "项目资金",
        funds: vec![
            (
                "年度资金总额",
                N(500_000.0),
                N(500_000.0),
                N(431_000.0),
                N(10.0),
                T("86.2%"),
                N(9.0),
            ),
            (
                "其中：本年财政拨款",
                N(500_000.0),
                N(500_000.0),
                N(431_000.0),
                T("—"),
                T("—"),
                T("—"),
            ),
            (
                "上年结转资金",
                N(0.0),
                N(0.0),
                N(0.0),
                T("—"),
                T("—"),
                T("—"),
            ),
            ("其他资金", E, E, E, T("—"), T("—"), T("—")),
        ],
        goal: (
            "开展职业技能培训不少于10场，提升从业人员技能水平",
            "全年开展培训12场，培训合格率96%",
        ),
        indicators: vec![
            [
                T("产出指标"),
                T("数量指标"),
                T("培训场次"),
                T("≥10场"),
                T("12场"),
                N(15.0),
                N(15.0),
                E,
            ],
            [
                T("产出指标"),
                T("质量指标"),
                T("培训合格率"),
                T("≥95%"),
                T("96%"),
                N(15.0),
                N(15.0),
                E,
            ],
            [
                T("产出指标"),
                T("时效指标"),
                T("培训完成及时率"),
                T("100%"),
                T("100%"),
                N(10.0),
                N(10.0),
                E,
            ],
            [
                T("产出指标"),
                T("成本指标"),
                T("人均培训成本"),
                T("≤500元/人"),
                T("480元/人"),
                N(10.0),
                N(10.0),
                E,
            ],
            [
                T("效益指标"),
                T("社会效益指标"),
                T("从业人员技能水平"),
                T("有效提升"),
                T("效果明显"),
                N(15.0),
                N(15.0),
                E,
            ],
            [
                T("效益指标"),
                T("可持续影响指标"),
                T("培训长效机制"),
                T("建立"),
                T("部分建立"),
                N(15.0),
                N(12.0),
                T("考核办法尚在修订"),
            ],
            [
                T("满意度指标"),
                T("服务对象满意度指标"),
                T("参训人员满意度"),
                T("≥90%"),
                T("93%"),
                N(10.0),
                N(10.0),
                E,
            ],
        ],
        total: (N(100.0), N(96.0)),
    }
}

/// 某县 (xlsx): 项目资金（万元） as the template prints it, but the total row is
/// 0 / 0 / 0 (the template's SUM was overwritten) while the source rows hold 90 / 89.974 /
/// 89.974; the template then printed 执行率 0% and 得分 0. 全年预算数 was also cut to exactly
/// the spend. Expected: an error at the total row, 执行率 computed from the sources (or the
/// evaluator told why not), the cut flagged.
pub fn county_zero_total() -> National {
    National {
        title: "项目支出绩效自评表",
        subtitle: "（2022年度）",
        project: "农村人居环境整治专项",
        department: "某县农业农村局",
        unit: "某县农业农村局",
        funds_label: "项目资金（万元）",
        funds: vec![
            (
                "年度资金总额",
                N(0.0),
                N(0.0),
                N(0.0),
                N(10.0),
                T("0%"),
                N(0.0),
            ),
            ("其中：财政资金", N(90.0), N(89.974), N(89.974), E, E, E),
            ("上年结转资金", E, E, E, E, E, E),
            ("其他资金", E, E, E, E, E, E),
        ],
        goal: ("完成12个行政村人居环境整治", "完成12个行政村整治任务"),
        indicators: vec![
            [
                T("产出指标"),
                T("数量指标"),
                T("整治行政村数量"),
                T("=12个"),
                T("12个"),
                N(25.0),
                N(25.0),
                E,
            ],
            [
                T("产出指标"),
                T("质量指标"),
                T("验收合格率"),
                T("100%"),
                T("100%"),
                N(25.0),
                N(25.0),
                E,
            ],
            [
                T("效益指标"),
                T("生态效益指标"),
                T("村容村貌"),
                T("明显改善"),
                T("未完成"),
                N(30.0),
                N(30.0),
                E,
            ],
            [
                T("满意度指标"),
                T("服务对象满意度指标"),
                T("群众满意度"),
                T("≥90%"),
                T("95%"),
                N(10.0),
                N(10.0),
                E,
            ],
        ],
        total: (N(100.0), N(90.0)),
    }
}

/// 某区 (xlsx): "项目资金(元)" in half-width brackets, a "总额" total row, a 一级 label with
/// its points ("产出指标（50分）") whose 分值 add to 45, a 得分 above its 分值, a target that is a
/// spreadsheet error (#NAME?), an unknown 定性 text, and a 总分 that is not the sum of the 得分.
pub fn district_slips() -> National {
    National {
        title: "2024年度项目支出绩效自评表",
        subtitle: "",
        project: "社区养老服务中心运营补贴",
        department: "某区民政局",
        unit: "某区民政局",
        funds_label: "项目资金(元)",
        funds: vec![
            (
                "总额",
                N(1_200_000.0),
                N(1_200_000.0),
                N(1_164_000.0),
                N(10.0),
                T("97%"),
                N(9.7),
            ),
            (
                "其中：当年财政拨款",
                N(1_200_000.0),
                N(1_200_000.0),
                N(1_164_000.0),
                E,
                E,
                E,
            ),
            ("上年结转资金", E, E, E, E, E, E),
            ("其他资金", E, E, E, E, E, E),
        ],
        goal: ("保障8个社区养老服务中心正常运营", "8个中心全年正常运营"),
        indicators: vec![
            [
                T("产出指标（50分）"),
                T("数量指标"),
                T("补贴中心数量"),
                T("=8个"),
                T("8个"),
                N(20.0),
                N(20.0),
                E,
            ],
            [
                T("产出指标（50分）"),
                T("质量指标"),
                T("服务质量达标率"),
                T("≥95%"),
                T("96%"),
                N(15.0),
                N(15.0),
                E,
            ],
            [
                T("产出指标（50分）"),
                T("时效指标"),
                T("补贴发放及时率"),
                T("#NAME?"),
                T("100%"),
                N(10.0),
                N(12.0),
                E,
            ],
            [
                T("效益指标（30分）"),
                T("社会效益指标"),
                T("老年人生活质量"),
                T("提高"),
                T("有所改善"),
                N(30.0),
                N(30.0),
                E,
            ],
            [
                T("满意度指标（10分）"),
                T("服务对象满意度指标"),
                T("服务对象满意度"),
                T("≥90%"),
                T("92%"),
                N(10.0),
                N(10.0),
                E,
            ],
        ],
        total: (N(100.0), N(99.0)),
    }
}

/// A form with no unit anywhere (title, 单位 line, 项目资金 label, column headers): the
/// command line must refuse without `--unit`.
pub fn no_unit_anywhere() -> National {
    National {
        title: "项目支出绩效自评表",
        subtitle: "（2023年度）",
        project: "中小学校舍维修改造",
        department: "某县教育局",
        unit: "某县教育局",
        funds_label: "项目资金",
        funds: vec![
            (
                "年度资金总额",
                N(300.0),
                N(320.0),
                N(304.0),
                N(10.0),
                T("95%"),
                N(9.5),
            ),
            ("其中：当年财政拨款", N(300.0), N(320.0), N(304.0), E, E, E),
        ],
        goal: ("维修校舍6所", "维修校舍6所"),
        indicators: vec![
            [
                T("产出指标"),
                T("数量指标"),
                T("维修校舍数量"),
                T("≥6所"),
                T("6所"),
                N(50.0),
                N(50.0),
                E,
            ],
            [
                T("效益指标"),
                T("社会效益指标"),
                T("办学条件"),
                T("改善"),
                T("达成预期指标"),
                N(30.0),
                N(30.0),
                E,
            ],
            [
                T("满意度指标"),
                T("服务对象满意度指标"),
                T("师生满意度"),
                T("≥90%"),
                T("91%"),
                N(10.0),
                N(10.0),
                E,
            ],
        ],
        total: (N(100.0), N(99.5)),
    }
}

/// The county variant of the form (a published 2023 county table): 预算执行情况(10分) with
/// 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分, and 绩效指标(90分) with
/// 指标性质 (≥ ≤ =) and 度量单位 columns; money "金额单位：万元" on its own line. Saved as a
/// GBK CSV (merged cells lost). One ≤ target is missed (6.5% against ≤5%).
pub fn county_variant_csv() -> Form {
    let rows: Vec<Vec<C>> = vec![
        vec![M("2023年度项目支出绩效自评表", 11)],
        vec![T("金额单位：万元")],
        vec![
            T("项目名称"),
            M("乡村道路养护", 4),
            T("主管部门"),
            M("某县交通运输局", 5),
        ],
        vec![T("实施单位"), M("某县公路管理所", 10)],
        vec![
            T("预算执行情况(10分)"),
            E,
            T("年初预算"),
            T("调整后预算数"),
            T("预算执行数"),
            T("预算执行率"),
            T("权重"),
            T("得分"),
        ],
        vec![
            E,
            T("资金总额："),
            N(200.0),
            N(180.0),
            N(171.0),
            T("95%"),
            N(10.0),
            N(9.5),
        ],
        vec![
            E,
            T("其中：本年财政拨款"),
            N(150.0),
            N(130.0),
            N(126.0),
            E,
            E,
            E,
        ],
        vec![E, T("上年结转资金"), N(50.0), N(50.0), N(45.0), E, E, E],
        vec![T("年度总体目标"), M("预期目标", 5), M("实际完成情况", 5)],
        vec![E, M("养护农村公路120公里", 5), M("养护农村公路126公里", 5)],
        vec![
            T("绩效指标(90分)"),
            T("一级指标"),
            T("二级指标"),
            T("三级指标"),
            T("指标性质"),
            T("指标值"),
            T("度量单位"),
            T("实际完成值"),
            T("权重"),
            T("得分"),
            T("偏差原因分析及改进措施"),
        ],
        vec![
            E,
            T("产出指标"),
            T("数量指标"),
            T("养护里程"),
            T("≥"),
            N(120.0),
            T("公里"),
            N(126.0),
            N(30.0),
            N(30.0),
            E,
        ],
        vec![
            E,
            T("产出指标"),
            T("成本指标"),
            T("养护成本"),
            T("≤"),
            N(202.6),
            T("万元"),
            N(171.0),
            N(10.0),
            N(10.0),
            E,
        ],
        vec![
            E,
            T("产出指标"),
            T("质量指标"),
            T("路面病害率"),
            T("≤"),
            N(5.0),
            T("%"),
            N(6.5),
            N(20.0),
            N(20.0),
            T("雨季病害增多"),
        ],
        vec![
            E,
            T("效益指标"),
            T("社会效益指标"),
            T("群众出行条件"),
            T("定性"),
            T("明显改善"),
            E,
            T("基本完成"),
            N(20.0),
            N(16.0),
            E,
        ],
        vec![
            E,
            T("满意度指标"),
            T("服务对象满意度指标"),
            T("沿线群众满意度"),
            T("≥"),
            N(90.0),
            T("%"),
            N(94.0),
            N(10.0),
            N(10.0),
            E,
        ],
        vec![M("总分", 8), N(100.0), N(95.5), E],
    ];
    Form {
        rows,
        vertical: Vec::new(),
    }
}

/// 某市 (xlsx, 万元 in the label): 定性 actuals written the way units write them when a target
/// was missed, with words between the negation and the verb ("未按期完成", "未能实现",
/// "尚未全部建成") and a partial qualifier on the target's own word ("部分建立"). None of
/// them may score full marks.
pub fn city_negations() -> National {
    National {
        title: "2023年度项目支出绩效自评表",
        subtitle: "",
        project: "智慧城市运营维护",
        department: "某市大数据管理局",
        unit: "某市信息中心",
        funds_label: "项目资金（万元）",
        funds: vec![
            (
                "年度资金总额",
                N(80.0),
                N(80.0),
                N(80.0),
                N(10.0),
                T("100%"),
                N(10.0),
            ),
            ("其中：当年财政拨款", N(80.0), N(80.0), N(80.0), E, E, E),
        ],
        goal: ("平台全年稳定运行", "平台运行基本稳定"),
        indicators: vec![
            [
                T("产出指标"),
                T("时效指标"),
                T("系统升级"),
                T("按期完成"),
                T("未按期完成"),
                N(20.0),
                N(20.0),
                E,
            ],
            [
                T("产出指标"),
                T("质量指标"),
                T("数据共享"),
                T("实现"),
                T("未能实现"),
                N(15.0),
                N(15.0),
                E,
            ],
            [
                T("产出指标"),
                T("数量指标"),
                T("视频节点建设"),
                T("建成"),
                T("尚未全部建成"),
                N(15.0),
                N(15.0),
                E,
            ],
            [
                T("效益指标"),
                T("可持续影响指标"),
                T("运维制度"),
                T("建立"),
                T("部分建立"),
                N(30.0),
                N(30.0),
                E,
            ],
            [
                T("满意度指标"),
                T("服务对象满意度指标"),
                T("使用部门满意度"),
                T("≥90%"),
                T("95%"),
                N(10.0),
                N(10.0),
                E,
            ],
        ],
        total: (N(100.0), N(100.0)),
    }
}
