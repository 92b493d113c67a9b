//! 项目支出绩效自评表 (the national form of 财预〔2020〕10号) → a project and its 项目自评:
//! the 项目资金 block (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分), 年度总体目标, and
//! the indicator table, every published score recorded as published.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::model::number::{is_blank_mark, parse_amount_input, parse_number};
use crate::model::{
    Actual, Amount, AmountUnit, Evaluation, EvaluationKind, ExecutionBase, Indicator, MetricRef,
    Project, ProjectMetric, PublishedFigure, PublishedScore, Rule, ScoringProfile, Subject,
};

use super::grid::{Sheet, column_name};
use super::header::{recognise, split_year};
use super::layout::{Layout, normalise};
use super::rows::{Cells, Problem, RowKind, RowNote};

/// What the form held.
pub struct Read {
    pub project: Project,
    pub evaluation: Evaluation,
    pub rows: Vec<RowNote>,
    pub problems: Vec<Problem>,
    pub notes: Vec<String>,
}

/// Whether a sheet is the 自评表 form.
pub fn looks_like(sheet: &Sheet) -> bool {
    let mut funds = false;
    let mut goal = false;
    for row in sheet.rows.iter().take(60) {
        for c in row {
            let n = normalise(&c.text);
            if n.contains("绩效自评表") {
                return true;
            }
            funds |= n.starts_with("项目资金");
            goal |= n == "年度总体目标";
        }
    }
    funds && goal
}

fn find(sheet: &Sheet, pred: impl Fn(&str) -> bool) -> Option<(usize, usize)> {
    sheet.rows.iter().enumerate().find_map(|(r, row)| {
        row.iter()
            .position(|c| pred(&normalise(&c.text)))
            .map(|c| (r, c))
    })
}

/// The first cell right of (r, c) whose text differs from the label (merged copies repeat it).
fn value_right(sheet: &Sheet, r: usize, c: usize) -> String {
    let label = normalise(sheet.get(r, c));
    sheet
        .rows
        .get(r)
        .into_iter()
        .flatten()
        .skip(c + 1)
        .map(|cell| cell.text.trim())
        .find(|t| !t.is_empty() && normalise(t) != label)
        .unwrap_or("")
        .to_owned()
}

struct Form<'a> {
    sheet: &'a Sheet,
    problems: Vec<Problem>,
}

impl Form<'_> {
    fn problem(&mut self, r: usize, c: Option<usize>, header: &str, message: String) {
        self.problems.push(Problem {
            sheet: self.sheet.name.clone(),
            row: r + 1,
            column: c.map(column_name).unwrap_or_default(),
            header: header.to_owned(),
            message,
        });
    }

    fn amount(&mut self, row: usize, col: Option<usize>, header: &str, unit: AmountUnit) -> Amount {
        let Some(col) = col else { return Amount::Blank };
        let text = self.sheet.get(row, col).trim().to_owned();
        if text.is_empty() || is_blank_mark(&text) {
            return Amount::Blank;
        }
        match parse_amount_input(&text, unit) {
            Ok(a) => match a {
                Amount::Value(v) => Amount::Value(crate::model::number::convert_unit(
                    v,
                    unit,
                    AmountUnit::WanYuan,
                )),
                other => other,
            },
            Err(e) => {
                self.problem(row, Some(col), header, format!("“{text}”不是金额：{e}"));
                Amount::Blank
            }
        }
    }

    fn number(&mut self, r: usize, c: Option<usize>, header: &str) -> Option<Decimal> {
        let c = c?;
        let t = self.sheet.get(r, c).trim().to_owned();
        if t.is_empty() || is_blank_mark(&t) {
            return None;
        }
        match parse_number(&t) {
            Ok(n) => Some(n.value),
            Err(e) => {
                self.problem(r, Some(c), header, format!("“{t}”不是数值：{e}"));
                None
            }
        }
    }
}

/// Reads the form. `year` is used when the title gives none; `project_id` names the project.
pub fn read(sheet: &Sheet, year: Option<i32>, project_id: &str, evaluation_id: &str) -> Read {
    let mut form = Form {
        sheet,
        problems: Vec::new(),
    };
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    let title_year = sheet
        .rows
        .iter()
        .take(6)
        .flatten()
        .find_map(|c| split_year(&normalise(&c.text)).0);
    let year = title_year.or(year).unwrap_or(0);
    if year == 0 {
        notes.push("表中没有年度：请在导入后填写项目与评价的年度".to_owned());
    }
    let name = find(sheet, |t| t == "项目名称")
        .map(|(r, c)| value_right(sheet, r, c))
        .unwrap_or_default();
    let unit = find(sheet, |t| t == "实施单位")
        .map(|(r, c)| value_right(sheet, r, c))
        .unwrap_or_default();
    let department = find(sheet, |t| t == "主管部门")
        .map(|(r, c)| value_right(sheet, r, c))
        .unwrap_or_default();
    if name.is_empty() {
        form.problem(0, None, "", "找不到“项目名称”".to_owned());
    }
    // 项目资金 block.
    let money_unit =
        find(sheet, |t| t.starts_with("项目资金")).map_or(AmountUnit::WanYuan, |(r, c)| {
            let t = normalise(sheet.get(r, c));
            if t.contains("(元)") {
                AmountUnit::Yuan
            } else {
                AmountUnit::WanYuan
            }
        });
    let mut project = Project {
        id: project_id.to_owned(),
        name: name.clone(),
        unit: if unit.is_empty() { department } else { unit },
        year,
        source: format!("导入：{}", sheet.name),
        ..Project::default()
    };
    let mut exec_weight = None;
    let mut exec_score = None;
    if let Some((hr, _)) = find(sheet, |t| t == "年初预算数") {
        let col = |word: &str| {
            sheet
                .rows
                .get(hr)
                .and_then(|row| row.iter().position(|c| normalise(&c.text) == word))
        };
        let (initial, adjusted, executed, weight, rate, score) = (
            col("年初预算数"),
            col("全年预算数"),
            col("全年执行数"),
            col("分值"),
            col("执行率"),
            col("得分"),
        );
        let row_named = |word: &str| {
            (hr + 1..(hr + 8).min(sheet.rows.len())).find(|&r| {
                sheet
                    .rows
                    .get(r)
                    .is_some_and(|row| row.iter().any(|c| normalise(&c.text).contains(word)))
            })
        };
        if let Some(r) = row_named("年度资金总额") {
            project.budget_initial = form.amount(r, initial, "年初预算数", money_unit);
            project.budget_adjusted = form.amount(r, adjusted, "全年预算数", money_unit);
            project.executed = form.amount(r, executed, "全年执行数", money_unit);
            exec_weight = form.number(r, weight, "分值");
            exec_score = form.number(r, score, "得分");
            if let Some(rate) = form.number(r, rate, "执行率") {
                project.published.push(PublishedFigure {
                    metric: ProjectMetric::ExecutionRate,
                    value_pct: rate,
                    source: format!("自评表“{}”项目资金：执行率", sheet.name),
                });
            }
            rows.push(RowNote {
                row: r,
                kind: RowKind::Added,
                text: "项目资金：年度资金总额".to_owned(),
            });
        } else {
            form.problem(
                hr,
                None,
                "",
                "项目资金栏下找不到“年度资金总额”一行".to_owned(),
            );
        }
        if let Some(r) = row_named("当年财政拨款") {
            project.funding.general_budget = form.amount(r, adjusted, "全年预算数", money_unit);
        }
        if let Some(r) = row_named("上年结转") {
            project.funding.carryover = form.amount(r, adjusted, "全年预算数", money_unit);
        }
        if let Some(r) = row_named("其他资金") {
            project.funding.own_funds = form.amount(r, adjusted, "全年预算数", money_unit);
        }
    } else {
        form.problem(
            0,
            None,
            "",
            "找不到项目资金栏（年初预算数、全年预算数、全年执行数）".to_owned(),
        );
    }
    // 年度总体目标.
    let mut goal_text = String::new();
    if let Some((gr, gc)) = find(sheet, |t| t == "年度总体目标") {
        for r in gr..(gr + 3).min(sheet.rows.len()) {
            let texts: Vec<String> = sheet.rows[r]
                .iter()
                .skip(gc + 1)
                .map(|c| c.text.trim().to_owned())
                .filter(|t| {
                    !t.is_empty()
                        && !matches!(
                            normalise(t).as_str(),
                            "预期目标" | "实际完成情况" | "年度总体目标"
                        )
                })
                .collect();
            if !texts.is_empty() {
                let mut uniq: Vec<String> = Vec::new();
                for t in texts {
                    if !uniq.contains(&t) {
                        uniq.push(t);
                    }
                }
                goal_text = format!("预期目标：{}", uniq.join("；实际完成情况："));
                break;
            }
        }
    }
    // The indicator table.
    let mut indicators = vec![Indicator {
        level: 1,
        name: "预算执行率".to_owned(),
        weight: exec_weight.unwrap_or(Decimal::TEN),
        actual: Actual::Linked(MetricRef::Project {
            project: project_id.to_owned(),
            metric: ProjectMetric::ExecutionRate,
        }),
        rule: Rule::ExecutionRate,
        published_score: exec_score,
        ..Indicator::default()
    }];
    let mut published_total = None;
    if let Some((ir, _)) = find(sheet, |t| t == "一级指标") {
        let sub = Sheet {
            name: sheet.name.clone(),
            rows: sheet.rows[ir..].to_vec(),
            merges: Vec::new(),
        };
        if let Some(header) = recognise(&sub, Some(Layout::Indicators)) {
            let mut cells = Cells::new(&sub, &header, AmountUnit::WanYuan, AmountUnit::WanYuan);
            let read = super::indicators::read(&mut cells, &BTreeSet::new());
            indicators.extend(read.indicators);
            published_total = read.total.and_then(|t| t.1);
            rows.extend(read.rows.into_iter().map(|mut n| {
                n.row += ir;
                n
            }));
            form.problems
                .extend(cells.problems.into_iter().map(|mut p| {
                    p.row += ir;
                    p
                }));
        }
    } else {
        form.problem(
            0,
            None,
            "",
            "找不到绩效指标表（一级指标、二级指标、三级指标…）".to_owned(),
        );
    }
    let mut profile = ScoringProfile::self_evaluation();
    profile.execution_base = ExecutionBase::Adjusted;
    let evaluation = Evaluation {
        id: evaluation_id.to_owned(),
        name: format!("{name} {year}年度项目支出绩效自评"),
        year,
        subject: Subject::Project(project_id.to_owned()),
        kind: EvaluationKind::ProjectSelf,
        profile,
        indicators,
        published: published_total.map(|t| PublishedScore {
            total: Some(t),
            source: format!("自评表“{}”总分", sheet.name),
            ..PublishedScore::default()
        }),
        notes: goal_text,
        ..Evaluation::default()
    };
    Read {
        project,
        evaluation,
        rows,
        problems: form.problems,
        notes,
    }
}
