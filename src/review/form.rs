//! The one door from the review to the 自评表 reader (`import::selfeval::read_form`): a sheet
//! in, the project and its 项目自评 out, with the unit used, the reader's placed problems,
//! form findings and 定性 judgements as review findings, and where each indicator sits in the
//! sheet. A change of reader changes only this file.

use crate::import::selfeval::{self, FormOptions, UnitSource};
use crate::import::{RowKind, Sheet};
use crate::model::{AmountUnit, Evaluation, Project};

use super::error::ReviewError;
use super::{Place, ReviewFinding, ReviewOptions, Severity};

/// One form as read.
#[derive(Clone, Debug)]
pub struct FormRead {
    pub project: Project,
    pub evaluation: Evaluation,
    /// The money unit the amounts were read in, whether the form said so, and where.
    pub unit: AmountUnit,
    pub unit_stated: bool,
    pub unit_words: String,
    /// The reader's problems, form findings and judgements, as review findings.
    pub findings: Vec<ReviewFinding>,
    /// The 0-based sheet row of each indicator (by index in `evaluation.indicators`).
    pub indicator_rows: Vec<Option<usize>>,
    /// The 0-based rows of the funding block's total and of the indicator table's 总分.
    pub funding_row: Option<usize>,
    pub total_row: Option<usize>,
}

/// Whether a sheet looks like a 自评表.
pub fn looks_like(sheet: &Sheet) -> bool {
    selfeval::looks_like(sheet)
}

fn place(sheet: &str, row: usize, column: &str) -> Option<Place> {
    (row > 0).then(|| Place {
        sheet: sheet.to_owned(),
        row,
        column: column.to_owned(),
    })
}

/// Reads one form sheet. Refuses (with the reader's message) a form whose money unit is not
/// stated, or stated twice differently, unless the evaluator gave one.
pub fn read_form(sheet: &Sheet, opts: &ReviewOptions) -> Result<FormRead, ReviewError> {
    let read = selfeval::read_form(
        sheet,
        &FormOptions {
            unit: opts.unit,
            year: None,
            project_id: "review-p".to_owned(),
            evaluation_id: "review-e".to_owned(),
            profile: opts.profile.clone(),
        },
    );
    let used = read.unit.map_err(|r| ReviewError::Unit(r.message))?;
    if read.evaluation.indicators.len() <= 1 && read.project.name.is_empty() {
        return Err(ReviewError::NotAForm);
    }
    let mut findings: Vec<ReviewFinding> = read
        .problems
        .iter()
        .map(|p| ReviewFinding {
            severity: Severity::Error,
            place: place(&p.sheet, p.row, &p.column),
            subject: p.header.clone(),
            message: p.message.clone(),
            hint: "请改正此单元格。".to_owned(),
            published: None,
            recomputed: None,
        })
        .collect();
    findings.extend(read.findings.iter().map(|f| ReviewFinding {
        severity: match f.severity {
            selfeval::Severity::Error => Severity::Error,
            selfeval::Severity::Warning => Severity::Warning,
            selfeval::Severity::Info => Severity::Info,
        },
        place: place(&f.sheet, f.row, &f.column),
        subject: String::new(),
        message: f.message.clone(),
        hint: String::new(),
        published: f.published,
        recomputed: f.computed,
    }));
    findings.extend(read.judgements.iter().map(|j| {
        ReviewFinding {
            severity: Severity::Judgement,
            place: place(&sheet.name, j.row, ""),
            subject: format!("指标「{}」", j.name),
            message: format!(
                "实际完成值“{}”需评价人判断（指标值“{}”；{}），暂不计分。",
                j.actual, j.target, j.why
            ),
            hint: "请单位补充完成情况的依据，由评价人判定档次。".to_owned(),
            published: read
                .evaluation
                .indicators
                .get(j.indicator)
                .and_then(|i| i.published_score),
            recomputed: None,
        }
    }));
    let funding_row = read
        .rows
        .iter()
        .find(|n| n.kind == RowKind::Added && n.text.starts_with("项目资金"))
        .map(|n| n.row);
    let total_row = read
        .rows
        .iter()
        .find(|n| n.kind == RowKind::Total)
        .map(|n| n.row);
    let indicator_rows = place_indicators(&read.evaluation, &read.rows, funding_row);
    Ok(FormRead {
        project: read.project,
        evaluation: read.evaluation,
        unit: used.unit,
        unit_stated: matches!(used.source, UnitSource::Stated(_)),
        unit_words: used.describe(),
        findings,
        indicator_rows,
        funding_row,
        total_row,
    })
}

/// Each indicator's sheet row: a leaf on the row the reader noted it on (in order, by name);
/// a 预算执行率 line taken from the funding block on the funding total's row; a parent on the
/// row of its first leaf.
fn place_indicators(
    ev: &Evaluation,
    rows: &[crate::import::RowNote],
    funding_row: Option<usize>,
) -> Vec<Option<usize>> {
    let notes: Vec<&crate::import::RowNote> = rows
        .iter()
        .filter(|n| n.kind == RowKind::Added && n.text.starts_with("指标 "))
        .collect();
    let mut next = 0;
    let n = ev.indicators.len();
    let mut out = vec![None; n];
    for (i, slot) in out.iter_mut().enumerate() {
        let ind = &ev.indicators[i];
        let is_leaf = ev
            .indicators
            .get(i + 1)
            .is_none_or(|after| after.level <= ind.level);
        if !is_leaf {
            continue;
        }
        let own = notes[next.min(notes.len())..]
            .iter()
            .position(|note| note.text.strip_prefix("指标 ") == Some(ind.name.as_str()));
        *slot = match own {
            Some(k) => {
                next += k + 1;
                Some(notes[next - 1].row)
            }
            None if matches!(ind.rule, crate::model::Rule::ExecutionRate) => funding_row,
            None => None,
        };
    }
    // Parents take the row of the next placed row below them.
    for i in (0..n).rev() {
        if out[i].is_none() {
            out[i] = out.get(i + 1).copied().flatten();
        }
    }
    out
}
