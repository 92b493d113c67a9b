//! 项目支出绩效自评表 as units fill it, from any province's template → a project with its
//! funding sources, its 项目自评, and everything a 复核 must say about the form: the money unit
//! used and where it was written, unreadable cells, the form's own arithmetic, and the 定性 rows
//! that wait for the evaluator's judgement.
//!
//! The one entry point is [`read_form`] (one form from one sheet). It never guesses quietly: an
//! unknown or contradictory money unit is a [`UnitRefusal`] unless the caller passes a unit,
//! a cell it cannot read is a [`Problem`] at its sheet, row and column, and a 定性 row whose
//! words the catalogue (`calc::qualitative`) does not know is left unscored and listed in
//! [`FormRead::judgements`].
//!
//! Parts: [`unit`] finds the money unit, [`funding`] reads the 项目资金 block, [`indicators`]
//! the indicator table, [`fields`] the text fields, [`cells`] reads one cell with its problems,
//! [`arithmetic`] checks the form's own sums and scores.

pub mod arithmetic;
pub mod cells;
pub mod fields;
pub mod funding;
pub mod indicators;
pub mod unit;

use rust_decimal::Decimal;

use crate::model::{
    AmountUnit, Evaluation, EvaluationKind, Project, PublishedScore, ScoringProfile, Subject,
};

use super::grid::Sheet;
use super::layout::normalise;
use super::rows::{Problem, RowNote};

pub use unit::{UnitMention, UnitRefusal, UnitSource, UnitUsed};

/// How to read one form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormOptions {
    /// The money unit the evaluator says the form is in (`--unit`); overrides what the form
    /// writes. `None`: the form must state one unit, else the read is refused.
    pub unit: Option<AmountUnit>,
    /// 年度 when the title gives none.
    pub year: Option<i32>,
    /// Id of the project made (links of the evaluation point at it).
    pub project_id: String,
    /// Id of the 项目自评 made.
    pub evaluation_id: String,
    /// The scoring profile of the 项目自评; `None` takes the 自评表 profile
    /// ([`ScoringProfile::self_evaluation`]).
    pub profile: Option<ScoringProfile>,
}

/// How serious a finding on the form is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Severity {
    /// 错误: the form contradicts itself or the rules (a total that is not its sum, 得分 > 分值).
    Error,
    /// 警告: worth the evaluator's look (a budget cut to the spend, amounts that look like the
    /// other unit, a published score the rules do not give).
    Warning,
    /// 说明: what was done (the basis used, a difference rounding explains).
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "说明",
        }
    }
}

/// One finding on the form's own content, at its place.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FormFinding {
    pub sheet: String,
    /// 1-based row as the spreadsheet shows it (0 when the finding is about the whole form).
    pub row: usize,
    /// Column letter ("F"), empty when not about one cell.
    pub column: String,
    pub severity: Severity,
    /// One sentence of Chinese, with the reason (rule, rounding, basis) where there is one.
    pub message: String,
    /// The figure the form publishes, when the finding compares two.
    pub published: Option<Decimal>,
    /// The figure recomputed from the form's own inputs.
    pub computed: Option<Decimal>,
}

impl FormFinding {
    /// A finding at a 0-based row and column of `sheet` (either may be absent), with no figures.
    pub fn at(
        sheet: &Sheet,
        row: Option<usize>,
        col: Option<usize>,
        severity: Severity,
        message: String,
    ) -> FormFinding {
        FormFinding {
            sheet: sheet.name.clone(),
            row: row.map_or(0, |r| r + 1),
            column: col.map(super::grid::column_name).unwrap_or_default(),
            severity,
            message,
            published: None,
            computed: None,
        }
    }
}

impl std::fmt::Display for FormFinding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{}] 工作表“{}”", self.severity.label(), self.sheet)?;
        if self.row > 0 {
            write!(f, "第 {} 行", self.row)?;
        }
        if !self.column.is_empty() {
            write!(f, " {} 列", self.column)?;
        }
        write!(f, "：{}", self.message)
    }
}

/// A 定性 row that waits for the evaluator's judgement (unscored, never full marks).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Judgement {
    /// 1-based sheet row.
    pub row: usize,
    /// Index of the indicator in [`FormRead::evaluation`]'s sheet.
    pub indicator: usize,
    /// 三级指标 name.
    pub name: String,
    /// 指标值 as written.
    pub target: String,
    /// 实际完成值 as written.
    pub actual: String,
    /// Why the catalogue could not decide, one line of Chinese.
    pub why: String,
}

/// Everything one form gave.
#[derive(Clone, Debug, PartialEq)]
pub struct FormRead {
    /// The project with its funding (in 万元) and 主管部门/实施单位.
    pub project: Project,
    /// The 项目自评: indicators, published scores, 年度总体目标, 偏差原因分析.
    pub evaluation: Evaluation,
    /// The money unit used and where it came from, or why none could be used (then every
    /// amount of [`FormRead::project`] is blank).
    pub unit: Result<UnitUsed, UnitRefusal>,
    /// Cells that cannot be read (spreadsheet errors, formulas with no value, text in a
    /// numeric column), and parts of the form that are missing.
    pub problems: Vec<Problem>,
    /// The form's own arithmetic and the template faults, at their rows.
    pub findings: Vec<FormFinding>,
    /// 定性 rows that need the evaluator's judgement.
    pub judgements: Vec<Judgement>,
    /// What each row became (for the import preview).
    pub rows: Vec<RowNote>,
    /// Notes for the preview (the unit used, a missing year …).
    pub notes: Vec<String>,
}

/// Whether a sheet is the 自评表 form: a 自评表 title with a funding block or an indicator
/// table under it, or a funding block with a 年度总体目标. A 填表说明 sheet that only names the
/// form in its sentences ("本表为项目支出绩效自评表，…") is not one.
pub fn looks_like(sheet: &Sheet) -> bool {
    let mut title = false;
    let mut funds = false;
    let mut goal = false;
    let mut budget = false;
    let mut table = false;
    for row in sheet.rows.iter().take(60) {
        for c in row {
            // A sentence of instructions names the headers without being one.
            if c.text.contains(['。', '，', '；', ';']) {
                continue;
            }
            let n = normalise(&c.text);
            title |= n.contains("绩效自评表");
            funds |= n.starts_with("项目资金");
            goal |= matches!(n.as_str(), "年度总体目标" | "总体目标" | "年度绩效目标");
            budget |= n.starts_with("年初预算数");
            table |= matches!(n.as_str(), "一级指标" | "三级指标");
        }
    }
    (title && (funds || budget || table)) || ((funds || budget) && goal)
}

/// Reads one 自评表 from one sheet. Never fails: what cannot be read is said in the result.
pub fn read_form(sheet: &Sheet, opts: &FormOptions) -> FormRead {
    let mut sheet = sheet.clone();
    sheet.fill_merges();
    let sheet = &sheet;
    let mut cx = cells::Reader::new(sheet);
    let mut notes = Vec::new();
    let mut rows = Vec::new();
    let texts = fields::read(sheet, opts.year);
    if texts.year == 0 {
        notes.push("表中没有年度：请在导入后填写项目与评价的年度".to_owned());
    }
    if texts.name.is_empty() {
        cx.problem(0, None, "", "找不到“项目名称”".to_owned());
    }
    let indicator_header = indicators::header_row(sheet);
    let unit = unit::decide(sheet, indicator_header, opts.unit);
    match &unit {
        Ok(u) => notes.push(format!("金额单位：{}", u.describe())),
        Err(r) => notes.push(format!("金额单位：{}", r.message)),
    }
    let money = unit.as_ref().ok().map(|u| u.unit);
    let mut project = Project {
        id: opts.project_id.clone(),
        name: texts.name.clone(),
        unit: texts.unit.clone(),
        department: texts.department.clone(),
        year: texts.year,
        source: format!("导入：{}", sheet.name),
        ..Project::default()
    };
    let mut profile = opts
        .profile
        .clone()
        .unwrap_or_else(ScoringProfile::self_evaluation);
    if opts.profile.is_none() {
        profile.execution_base = crate::model::ExecutionBase::Adjusted;
    }
    let mut findings = Vec::new();
    let mut block = funding::read(&mut cx, money, indicator_header);
    findings.extend(block.read_fraction_rate(sheet));
    block.apply(&mut project, &mut findings, &mut rows, &profile, sheet);
    let (table, conflicts) = indicators::read(&mut cx, indicator_header, &opts.project_id, &block);
    rows.extend(table.rows.iter().cloned());
    let evaluation = Evaluation {
        id: opts.evaluation_id.clone(),
        name: format!("{} {}年度项目支出绩效自评", texts.name, texts.year),
        year: texts.year,
        subject: Subject::Project(opts.project_id.clone()),
        kind: EvaluationKind::ProjectSelf,
        profile,
        indicators: table.indicators.clone(),
        published: table.published_total.map(|t| PublishedScore {
            total: Some(t),
            source: format!("自评表“{}”总分", sheet.name),
            ..PublishedScore::default()
        }),
        goal_expected: texts.goal_expected,
        goal_actual: texts.goal_actual,
        deviation_analysis: texts.deviation_analysis,
        ..Evaluation::default()
    };
    if let Some(u) = money {
        unit::plausibility(u, &project, &block, sheet, &mut findings);
    }
    let judgements = arithmetic::check(
        sheet,
        &project,
        &evaluation,
        &block,
        &table,
        &conflicts,
        &mut findings,
    );
    FormRead {
        project,
        evaluation,
        unit,
        problems: cx.problems,
        findings,
        judgements,
        rows,
        notes,
    }
}
