//! 批量复核 (batch review) of submitted 项目支出绩效自评表: every form in the files and folders
//! given is read, re-scored and compared with what the unit published, and every difference is
//! placed at its sheet, row and column. The command line and the window both use this module;
//! the text, PDF and xlsx renderings are in [`text`] and `crate::report::review_*`.
//!
//! [`walk`] finds the files, [`form`] is the one door to the form reader, [`compare`] re-scores
//! a form and compares it with the published figures (and finds the built-in profile, if any,
//! that reproduces them).

pub mod command;
pub mod compare;
pub mod error;
pub mod form;
pub mod pdf;
pub mod text;
pub mod walk;
pub mod xlsx;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::calc::{FindingKind, ScoreBreakdown};
use crate::import::Limits;
use crate::model::{AmountUnit, Evaluation, Project, ScoringProfile};

/// What the evaluator chose for the whole batch.
#[derive(Clone, Debug, Default)]
pub struct ReviewOptions {
    /// The profile to re-score under (`--profile`); `None`: the form reader's own choice.
    pub profile: Option<ScoringProfile>,
    /// The money unit of every form (`--unit`), when the forms do not say or say wrongly.
    pub unit: Option<AmountUnit>,
    /// Limits on what is read from a file.
    pub limits: Limits,
}

/// A place in a submitted file: sheet, 1-based row, column letter (empty when not one cell).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Place {
    pub sheet: String,
    pub row: usize,
    pub column: String,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "“{}”第 {} 行", self.sheet, self.row)?;
        if !self.column.is_empty() {
            write!(f, " {} 列", self.column)?;
        }
        Ok(())
    }
}

/// How serious a review finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Severity {
    /// 错误: the form contradicts itself or the rules; the unit must correct it.
    Error,
    /// 提示: the evaluator should look (rounding, a figure that cannot be verified …).
    Warning,
    /// 待判断: a 定性 indicator or a figure only the evaluator can judge.
    Judgement,
    /// 说明.
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "提示",
            Severity::Judgement => "待判断",
            Severity::Info => "说明",
        }
    }

    /// The review severity of a consistency-check finding.
    pub fn of_check(kind: FindingKind) -> Severity {
        match kind {
            FindingKind::Error => Severity::Error,
            FindingKind::Rounding | FindingKind::Warning => Severity::Warning,
            FindingKind::Info => Severity::Info,
        }
    }
}

/// One thing the review found in a form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReviewFinding {
    #[serde(serialize_with = "severity_label")]
    pub severity: Severity,
    /// Where in the file, when the finding has one place.
    pub place: Option<Place>,
    /// What it concerns, in words ("三级指标「培训人次」", "总分").
    pub subject: String,
    /// One sentence.
    pub message: String,
    /// What to correct, or the likely cause.
    pub hint: String,
    /// The published side and the recomputed side, when the finding compares amounts.
    pub published: Option<Decimal>,
    pub recomputed: Option<Decimal>,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn severity_label<S: serde::Serializer>(s: &Severity, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s.label())
}

/// One indicator row: as published and as recomputed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowComparison {
    /// Index in the evaluation's indicators.
    pub index: usize,
    pub level: u8,
    pub name: String,
    /// 分值.
    pub weight: Decimal,
    /// 指标值 and 实际完成值 as written.
    pub target: String,
    pub actual: String,
    /// 得分 as the unit published it.
    pub published: Option<Decimal>,
    /// 得分 as recomputed.
    pub recomputed: Decimal,
    /// published − recomputed, when published.
    pub difference: Option<Decimal>,
    /// Why the recomputed score is what it is.
    pub explanation: String,
    /// No score could be given without the evaluator (counted 0).
    pub needs_judgement: bool,
    pub place: Option<Place>,
}

/// How one built-in profile does against the published scores.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProfileTrial {
    pub profile: String,
    /// Published 得分 (and the 总分) that this profile reproduces, of `compared`.
    pub matched: usize,
    pub compared: usize,
    /// The 总分 under this profile.
    pub total: Decimal,
}

impl ProfileTrial {
    /// Every published figure reproduced.
    pub fn reproduces(&self) -> bool {
        self.compared > 0 && self.matched == self.compared
    }
}

/// One form, reviewed.
#[derive(Clone, Debug, Serialize)]
pub struct FormReview {
    /// The file as the evaluator named it (relative to the folder given), with the sheet when
    /// the file holds several forms.
    pub file: String,
    pub sheet: String,
    /// 项目名称 and 单位 (实施单位, else 主管部门).
    pub project_name: String,
    pub unit_name: String,
    /// The money unit the amounts were read in, and whether the form said so.
    #[serde(serialize_with = "unit_label")]
    pub money_unit: AmountUnit,
    pub money_unit_stated: bool,
    /// Where the unit came from, in words ("元（表中写明：第 5 行 A 列“项目资金（元）”）").
    pub money_unit_words: String,
    /// The profile the form was re-scored under.
    pub profile: String,
    pub published_total: Option<Decimal>,
    pub recomputed_total: Decimal,
    /// published − recomputed.
    pub difference: Option<Decimal>,
    /// 等级 by the published total (or as published), and by the recomputed total.
    pub published_grade: String,
    pub recomputed_grade: String,
    pub rows: Vec<RowComparison>,
    pub findings: Vec<ReviewFinding>,
    /// Every built-in profile tried against the published scores.
    pub trials: Vec<ProfileTrial>,
    /// The file on disk (to import the form through the import's own plan).
    #[serde(skip)]
    pub path: PathBuf,
    /// The form as read.
    #[serde(skip)]
    pub project: Project,
    #[serde(skip)]
    pub evaluation: Evaluation,
    #[serde(skip)]
    pub breakdown: ScoreBreakdown,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn unit_label<S: serde::Serializer>(u: &AmountUnit, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(u.label())
}

impl FormReview {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    pub fn judgements(&self) -> usize {
        self.count(Severity::Judgement)
    }

    /// The names of the built-in profiles that reproduce every published figure.
    pub fn reproducing_profiles(&self) -> Vec<&str> {
        self.trials
            .iter()
            .filter(|t| t.reproduces())
            .map(|t| t.profile.as_str())
            .collect()
    }
}

/// A file (or one sheet of it) that could not be reviewed, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Failure {
    pub file: String,
    pub reason: String,
}

/// The outcome of a batch.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Batch {
    /// The profile named by `--profile`, if any.
    pub profile: Option<String>,
    pub forms: Vec<FormReview>,
    pub failures: Vec<Failure>,
    /// Files looked at.
    pub files: usize,
}

impl Batch {
    /// True when every file found was reviewed.
    pub fn all_read(&self) -> bool {
        self.failures.is_empty()
    }
}

/// What one file gave.
#[derive(Debug, Default)]
struct FileOutcome {
    forms: Vec<FormReview>,
    failures: Vec<Failure>,
}

/// Reviews every form in `paths` (files, and folders walked recursively). Never stops at a bad
/// file: each becomes a [`Failure`] with its reason. Files are read on every core; the result
/// keeps the order of the walk (by path).
pub fn review_paths(paths: &[PathBuf], opts: &ReviewOptions) -> Batch {
    let walked = walk::walk(paths);
    let outcomes: Vec<FileOutcome> = walked
        .files
        .par_iter()
        .map(|f| review_file(&f.path, &f.display, opts))
        .collect();
    let mut batch = Batch {
        profile: opts.profile.as_ref().map(|p| p.name.clone()),
        files: walked.files.len(),
        failures: walked.failures,
        ..Batch::default()
    };
    for o in outcomes {
        batch.forms.extend(o.forms);
        batch.failures.extend(o.failures);
    }
    batch
}

/// Reviews every sheet of one file that looks like a 自评表.
fn review_file(path: &Path, display: &str, opts: &ReviewOptions) -> FileOutcome {
    let mut out = FileOutcome::default();
    let source =
        match crate::import::read_path(path, crate::import::TextEncoding::Auto, opts.limits) {
            Ok(s) => s,
            Err(e) => {
                out.failures.push(Failure {
                    file: display.to_owned(),
                    reason: e.message,
                });
                return out;
            }
        };
    for sheet in &source.sheets {
        if !form::looks_like(sheet) {
            continue;
        }
        match compare::review_sheet(display, sheet, opts) {
            Ok(mut r) => {
                r.path = path.to_path_buf();
                out.forms.push(r);
            }
            Err(reason) => out.failures.push(Failure {
                file: format!("{display}（工作表“{}”）", sheet.name),
                reason: reason.to_string(),
            }),
        }
    }
    // Several forms in one workbook: each is named by its sheet too.
    if out.forms.len() > 1 {
        for f in &mut out.forms {
            f.file = format!("{display}（工作表“{}”）", f.sheet);
        }
    }
    if out.forms.is_empty() && out.failures.is_empty() {
        let names: Vec<&str> = source.sheets.iter().map(|s| s.name.as_str()).collect();
        out.failures.push(Failure {
            file: display.to_owned(),
            reason: format!(
                "没有找到项目支出绩效自评表（工作表：{}）",
                if names.is_empty() {
                    "无".to_owned()
                } else {
                    names.join("、")
                }
            ),
        });
    }
    out
}
