//! 项目资金 block of a 自评表 as the unit filled it: the header row (年初预算数, 全年预算数,
//! 全年执行数, 分值, 执行率, 得分, found by their words in any order), the total row under any
//! of its names (年度资金总额, 资金总额, 总额, 合计), and every 其中 source row under any label,
//! each with its three figures. Checks the total against its sources and a budget cut to the
//! spend.

use rust_decimal::Decimal;

use crate::calc::num::{ratio, round_dp, sum};
use crate::import::grid::{Sheet, column_name};
use crate::import::layout::normalise;
use crate::import::rows::{RowKind, RowNote};
use crate::model::{
    Amount, AmountUnit, FundingSource, Project, ProjectMetric, PublishedFigure, ScoringProfile,
};

use super::cells::Reader;
use super::{FormFinding, Severity};

/// The columns of the block, found by their header words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    pub initial: Option<usize>,
    pub adjusted: Option<usize>,
    pub executed: Option<usize>,
    pub weight: Option<usize>,
    pub rate: Option<usize>,
    pub score: Option<usize>,
}

/// One row's three figures, in 万元.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub initial: Amount,
    pub adjusted: Amount,
    pub executed: Amount,
}

impl Figures {
    fn all(self) -> [Amount; 3] {
        [self.initial, self.adjusted, self.executed]
    }

    /// Every figure blank or zero.
    pub fn is_nil(self) -> bool {
        self.all()
            .iter()
            .all(|a| matches!(a, Amount::Blank) || matches!(a, Amount::Value(v) if v.is_zero()))
    }
}

/// A 其中 row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceRow {
    /// 0-based sheet row.
    pub row: usize,
    pub label: String,
    pub figures: Figures,
}

/// What the block held.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Block {
    /// 0-based row of the header (年初预算数 …).
    pub header_row: Option<usize>,
    pub columns: Columns,
    /// 0-based row of the total.
    pub total_row: Option<usize>,
    pub total: Figures,
    pub sources: Vec<SourceRow>,
    /// 分值, 执行率 (percent points) and 得分 of the 执行率 line, as published.
    pub weight: Option<Decimal>,
    pub published_rate: Option<Decimal>,
    pub published_score: Option<Decimal>,
    /// 0-based row where 分值/执行率/得分 were read (the total row, or the first row that has them).
    pub score_row: Option<usize>,
}

/// Names of the total row, after "其中" and colons are dropped.
const TOTAL_NAMES: &[&str] = &[
    "年度资金总额",
    "资金总额",
    "总额",
    "合计",
    "总计",
    "资金合计",
    "年度资金合计",
    "项目资金总额",
    "资金总计",
];

/// A label without "其中：", colons and trailing unit brackets.
pub fn clean_label(text: &str) -> String {
    let mut n = normalise(text);
    for prefix in ["其中:", "其中", ":"] {
        if let Some(r) = n.strip_prefix(prefix) {
            n = r.to_owned();
        }
    }
    n.trim_end_matches(':').to_owned()
}

fn is_total(label: &str) -> bool {
    TOTAL_NAMES.contains(&label)
}

/// Rows that end the block (the next section of the form).
fn ends_block(label: &str) -> bool {
    label.contains("总体目标")
        || label.contains("绩效目标")
        || label.starts_with("一级指标")
        || label.starts_with("绩效指标")
        || label == "预期目标"
}

fn header_col(sheet: &Sheet, r: usize, pred: impl Fn(&str) -> bool) -> Option<usize> {
    sheet
        .rows
        .get(r)?
        .iter()
        .position(|c| pred(&normalise(&c.text)))
}

/// Reads the block. `unit` is `None` when the read was refused (amounts stay blank, cells are
/// still checked).
pub fn read(
    cx: &mut Reader<'_>,
    unit: Option<AmountUnit>,
    indicator_header: Option<usize>,
) -> Block {
    let sheet = cx.sheet;
    let limit = indicator_header.unwrap_or(sheet.rows.len());
    // The header row: the one with 年初预算数, else (older templates) one with a 预算数 and
    // an 执行数 column.
    let rows = 0..limit.min(sheet.rows.len());
    let found = rows
        .clone()
        .find(|&r| header_col(sheet, r, |t| t.starts_with("年初预算")).is_some())
        .or_else(|| {
            rows.clone().find(|&r| {
                header_col(sheet, r, |t| {
                    t.starts_with("预算数") || t.starts_with("全年预算")
                })
                .is_some()
                    && header_col(sheet, r, |t| t.contains("执行数")).is_some()
            })
        });
    let Some(hr) = found else {
        cx.problem(
            0,
            None,
            "",
            "找不到项目资金栏（年初预算数、全年预算数、全年执行数）".to_owned(),
        );
        return Block::default();
    };
    let columns = Columns {
        initial: header_col(sheet, hr, |t| t.starts_with("年初预算")),
        adjusted: header_col(sheet, hr, |t| {
            t.starts_with("全年预算")
                || t.starts_with("调整后预算")
                || t.starts_with("全年调整")
                || t.starts_with("预算数")
        }),
        // 全年执行数, 实际执行数, 预算执行数, 执行数 (not 执行率).
        executed: header_col(sheet, hr, |t| t.contains("执行数")),
        weight: header_col(sheet, hr, super::fields::is_weight_header),
        rate: header_col(sheet, hr, |t| t.contains("执行率")),
        score: header_col(sheet, hr, super::fields::is_score_header),
    };
    let first_amount = [columns.initial, columns.adjusted, columns.executed]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(0);
    let mut block = Block {
        header_row: Some(hr),
        columns,
        ..Block::default()
    };
    let end = (hr + 16).min(limit).min(sheet.rows.len());
    for r in hr + 1..end {
        // The row's label: the last non-blank cell left of the amounts that is not the block's
        // own caption (项目资金…, merged down the side).
        let label = (0..first_amount)
            .rev()
            .map(|c| clean_label(sheet.get(r, c)))
            .find(|t| !t.is_empty() && !t.starts_with("项目资金") && !t.starts_with("资金"))
            .unwrap_or_default();
        let label = if label.is_empty() {
            // "资金总额" may itself start with 资金.
            (0..first_amount)
                .rev()
                .map(|c| clean_label(sheet.get(r, c)))
                .find(|t| is_total(t))
                .unwrap_or_default()
        } else {
            label
        };
        if ends_block(&label) {
            break;
        }
        if label.is_empty() {
            continue;
        }
        let figures = Figures {
            initial: cx.amount(r, columns.initial, "年初预算数", unit),
            adjusted: cx.amount(r, columns.adjusted, "全年预算数", unit),
            executed: cx.amount(r, columns.executed, "全年执行数", unit),
        };
        if is_total(&label) && block.total_row.is_none() {
            block.total_row = Some(r);
            block.total = figures;
        } else {
            block.sources.push(SourceRow {
                row: r,
                label,
                figures,
            });
        }
        if block.score_row.is_none() {
            let weight = cx.number(r, columns.weight, "分值");
            let rate = cx.rate(r, columns.rate, "执行率");
            let score = cx.number(r, columns.score, "得分");
            if weight.is_some() || rate.is_some() || score.is_some() {
                block.score_row = Some(r);
                block.weight = weight;
                block.published_rate = rate;
                block.published_score = score;
            }
        }
    }
    block
}

fn total_of(rows: &[SourceRow], pick: impl Fn(Figures) -> Amount) -> Amount {
    let values: Vec<Decimal> = rows
        .iter()
        .filter_map(|s| match pick(s.figures) {
            Amount::Value(v) => Some(v),
            _ => None,
        })
        .collect();
    if values.is_empty() {
        Amount::Blank
    } else {
        Amount::Value(sum(values))
    }
}

fn fig(a: Amount) -> String {
    match a {
        Amount::Value(v) => crate::calc::num::plain(v),
        Amount::Blank => "空".to_owned(),
        Amount::Withheld => "XXXX".to_owned(),
    }
}

fn triple(f: Figures) -> String {
    format!(
        "{} / {} / {}",
        fig(f.initial),
        fig(f.adjusted),
        fig(f.executed)
    )
}

impl Block {
    /// The figures the project takes, and whether they are the sources' sums: the total row,
    /// or the sources' sums when the total is missing or left at 0 while its sources are filled.
    pub fn basis(&self) -> (Figures, bool) {
        let sums = self.sources_sum();
        if (self.total_row.is_none() || self.total.is_nil()) && !sums.is_nil() {
            (sums, true)
        } else {
            (self.total, false)
        }
    }

    /// A 执行率 written as a bare fraction in a text cell ("0.862" in a CSV; a number cell is
    /// already read as the percentage it shows) is read as that percentage (86.2) only when the
    /// form's own amounts give it at the precision written, and the fraction itself does not.
    /// Returns the finding that says so; otherwise the rate stays as written, for the check of
    /// published against computed.
    pub fn read_fraction_rate(&mut self, sheet: &Sheet) -> Option<FormFinding> {
        let p = self.published_rate?;
        let limit = Decimal::new(15, 1);
        if p <= Decimal::ZERO || p > limit {
            return None;
        }
        let (basis, _) = self.basis();
        let executed = basis.executed.value()?;
        let points = (p * Decimal::ONE_HUNDRED).normalize();
        let shows = |budget: Amount| {
            let rate = ratio(executed, budget.value()?)? * Decimal::ONE_HUNDRED;
            Some((
                round_dp(rate, points.scale().min(4)) == points,
                round_dp(rate, p.scale().min(4)) == p,
            ))
        };
        let agrees = [basis.adjusted, basis.initial]
            .into_iter()
            .filter_map(shows)
            .any(|(as_points, as_written)| as_points && !as_written);
        if !agrees {
            return None;
        }
        self.published_rate = Some(points);
        Some(FormFinding {
            sheet: sheet.name.clone(),
            row: self.score_row.map_or(0, |r| r + 1),
            column: self.columns.rate.map(column_name).unwrap_or_default(),
            severity: Severity::Info,
            message: format!("执行率写作小数 {p}，与金额算得的执行率一致：读作 {points}%"),
            published: None,
            computed: None,
        })
    }

    /// The sources' sums per column.
    pub fn sources_sum(&self) -> Figures {
        Figures {
            initial: total_of(&self.sources, |f| f.initial),
            adjusted: total_of(&self.sources, |f| f.adjusted),
            executed: total_of(&self.sources, |f| f.executed),
        }
    }

    /// Fills the project's figures and funding sources, and checks the block: the total
    /// against its sources per column, a 0/0/0 total with filled sources, a 全年预算数 cut to
    /// the spend.
    pub fn apply(
        &self,
        project: &mut Project,
        findings: &mut Vec<FormFinding>,
        rows: &mut Vec<RowNote>,
        _profile: &ScoringProfile,
        sheet: &Sheet,
    ) {
        let sums = self.sources_sum();
        let (basis, from_sources) = self.basis();
        let finding = |row: Option<usize>, col: Option<usize>, severity, message: String| {
            FormFinding::at(sheet, row, col, severity, message)
        };
        let sources_filled = !sums.is_nil();
        match self.total_row {
            Some(_) if from_sources => {
                findings.push(finding(
                    self.total_row,
                    self.columns.initial,
                    Severity::Error,
                    format!(
                        "资金总额行为 {}，而其中各项合计为 {}（万元）：总额未填写或公式失效；预算执行率改按其中各项之和计算",
                        triple(self.total),
                        triple(sums)
                    ),
                ));
            }
            None if from_sources => {
                findings.push(finding(
                    self.header_row,
                    None,
                    Severity::Error,
                    format!(
                        "项目资金栏没有总额行（年度资金总额/资金总额/总额/合计）：按其中各项之和 {} 万元计算",
                        triple(sums)
                    ),
                ));
            }
            _ => {}
        }
        if let Some(rate) = self.published_rate {
            project.published.push(PublishedFigure {
                metric: ProjectMetric::ExecutionRate,
                value_pct: rate,
                source: format!("自评表“{}”项目资金：执行率", sheet.name),
            });
        }
        if from_sources {
            project.notes = format!(
                "自评表资金总额行为 {}（万元），按其中各资金来源之和 {} 计",
                triple(self.total),
                triple(sums)
            );
        }
        project.budget_initial = basis.initial;
        project.budget_adjusted = basis.adjusted;
        project.executed = basis.executed;
        if let Some(r) = self.total_row {
            rows.push(RowNote {
                row: r,
                kind: RowKind::Added,
                text: "项目资金：资金总额".to_owned(),
            });
        }
        // Total against the sum of its sources, per column (not when it was replaced by them).
        if self.total_row.is_some() && !from_sources && sources_filled {
            for (name, col, t, s) in [
                (
                    "年初预算数",
                    self.columns.initial,
                    self.total.initial,
                    sums.initial,
                ),
                (
                    "全年预算数",
                    self.columns.adjusted,
                    self.total.adjusted,
                    sums.adjusted,
                ),
                (
                    "全年执行数",
                    self.columns.executed,
                    self.total.executed,
                    sums.executed,
                ),
            ] {
                let (Amount::Value(t), Amount::Value(s)) = (t, s) else {
                    continue;
                };
                if t != s {
                    findings.push(FormFinding {
                        published: Some(t),
                        computed: Some(s),
                        ..finding(
                            self.total_row,
                            col,
                            Severity::Error,
                            format!(
                                "{name}：总额 {} 万元 ≠ 其中各项之和 {} 万元（相差 {}）",
                                fig(Amount::Value(t)),
                                fig(Amount::Value(s)),
                                crate::calc::num::plain(t - s)
                            ),
                        )
                    });
                }
            }
        }
        // 全年预算数 cut to exactly the spend.
        let mut cut = |row: Option<usize>, what: &str, f: Figures| {
            if let (Amount::Value(i), Amount::Value(a), Amount::Value(e)) =
                (f.initial, f.adjusted, f.executed)
                && a < i
                && a == e
            {
                findings.push(finding(
                    row,
                    self.columns.adjusted,
                    Severity::Warning,
                    format!(
                        "{what}全年预算数 {} 万元低于年初预算数 {} 万元，且恰好等于全年执行数：预算可能按支出数调减，执行率因此显示为 100%（按年初预算数计为 {}）",
                        fig(f.adjusted),
                        fig(f.initial),
                        crate::calc::num::opt_pct_text(crate::calc::num::ratio(e, i))
                    ),
                ));
            }
        };
        cut(self.total_row.or(self.header_row), "", basis);
        for s in &self.sources {
            cut(Some(s.row), &format!("“{}”", s.label), s.figures);
        }
        project.funding_sources = self
            .sources
            .iter()
            .map(|s| FundingSource {
                label: s.label.clone(),
                initial: s.figures.initial,
                adjusted: s.figures.adjusted,
                executed: s.figures.executed,
            })
            .collect();
        for s in &self.sources {
            rows.push(RowNote {
                row: s.row,
                kind: RowKind::Added,
                text: format!("资金来源：{}", s.label),
            });
        }
    }
}
