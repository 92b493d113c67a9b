//! One form re-scored and compared: every published 得分 and the 总分 against the recomputed
//! ones, the consistency findings placed back at their rows, the indicators that need the
//! evaluator's judgement, and which built-in profile reproduces what the unit published.

use rust_decimal::Decimal;

use crate::calc::checks::{Scored, project_rates, published_scores, run_all_scored};
use crate::calc::num::round2;
use crate::calc::{Explanation, Finding, Location, ScoreBreakdown, grade_of, score_evaluation};
use crate::import::Sheet;
use crate::model::{Actual, Evaluation, ScoringProfile, Workspace};

use super::form::{FormRead, read_form};
use super::{
    FormReview, Place, ProfileTrial, ReviewFinding, ReviewOptions, RowComparison, Severity,
};

/// Reviews one form sheet of the file shown as `file`.
pub fn review_sheet(
    file: &str,
    sheet: &Sheet,
    opts: &ReviewOptions,
) -> Result<FormReview, super::error::ReviewError> {
    let read = read_form(sheet, opts)?;
    Ok(review_read(file, &sheet.name, read))
}

/// Reviews a form already read.
pub fn review_read(file: &str, sheet: &str, read: FormRead) -> FormReview {
    let ws = Workspace {
        projects: vec![read.project.clone()],
        evaluations: vec![read.evaluation.clone()],
        ..Workspace::default()
    };
    let ev = &ws.evaluations[0];
    let bd = score_evaluation(&ws, ev);
    let checks = run_all_scored(&Scored {
        ws: &ws,
        breakdowns: std::slice::from_ref(&bd),
    });
    let place_of = |row: Option<usize>| {
        row.map(|r| Place {
            sheet: sheet.to_owned(),
            row: r + 1,
            column: String::new(),
        })
    };
    let rows = compare_rows(ev, &bd, &read, &place_of);
    let mut findings = read.findings.clone();
    // The reader already compares every published 得分 and the published 执行率 with the
    // reason; from the workspace checks come the rest (the 总分 and 等级, 分值 structure,
    // over-execution …).
    findings.extend(
        checks
            .iter()
            .filter(|f| {
                !(f.check == published_scores::NAME
                    && matches!(f.location, Location::Indicator { .. })
                    || f.check == project_rates::NAME_PUBLISHED)
            })
            .map(|f| {
                let row = match &f.location {
                    // The checks ran on this form's own workspace: the row's position then
                    // is its position on the form.
                    Location::Indicator { row, .. } => {
                        read.indicator_rows.get(row.index).copied().flatten()
                    }
                    Location::Project { .. } => read.funding_row,
                    Location::Evaluation { .. } => read.total_row,
                    _ => None,
                };
                from_check(f, place_of(row))
            }),
    );
    // By row (unplaced last), the most serious first within a row.
    findings.sort_by(|a, b| {
        let key = |f: &ReviewFinding| f.place.as_ref().map_or(usize::MAX, |p| p.row);
        key(a).cmp(&key(b)).then(a.severity.cmp(&b.severity))
    });
    let published = ev.published.as_ref();
    let published_total = published.and_then(|p| p.total);
    let published_grade = match published.map(|p| p.grade.trim()) {
        Some(g) if !g.is_empty() => g.to_owned(),
        _ => published_total.map_or_else(String::new, |t| grade_of(t, &ev.profile.grades)),
    };
    let trials = ScoringProfile::presets()
        .into_iter()
        .map(|p| trial(&ws, p))
        .collect();
    FormReview {
        file: file.to_owned(),
        sheet: sheet.to_owned(),
        project_name: read.project.name.clone(),
        // 实施单位, else 主管部门: whoever the 复核意见 goes back to.
        unit_name: if read.project.unit.trim().is_empty() {
            read.project.department.clone()
        } else {
            read.project.unit.clone()
        },
        money_unit: read.unit,
        money_unit_stated: read.unit_stated,
        money_unit_words: read.unit_words.clone(),
        profile: ev.profile.name.clone(),
        published_total,
        recomputed_total: bd.total.score,
        difference: published_total.map(|t| t.saturating_sub(bd.total.score)),
        published_grade,
        recomputed_grade: bd.total.grade.clone(),
        rows,
        findings,
        trials,
        path: std::path::PathBuf::new(),
        project: read.project,
        evaluation: read.evaluation,
        breakdown: bd,
    }
}

fn compare_rows(
    ev: &Evaluation,
    bd: &ScoreBreakdown,
    read: &FormRead,
    place_of: &dyn Fn(Option<usize>) -> Option<Place>,
) -> Vec<RowComparison> {
    ev.indicators
        .iter()
        .zip(&bd.nodes)
        .map(|(ind, n)| {
            let actual = match &ind.actual {
                Actual::Typed { text, .. } => text.clone(),
                Actual::Linked(_) => n
                    .actual
                    .map(|a| format!("{}%", round2(a)))
                    .unwrap_or_default(),
            };
            RowComparison {
                index: n.index,
                level: n.level,
                name: ind.name.clone(),
                weight: n.weight,
                target: ind.target.text.clone(),
                actual,
                published: ind.published_score,
                recomputed: n.score,
                difference: ind.published_score.map(|p| p.saturating_sub(n.score)),
                explanation: n.explain(ev).to_string(),
                needs_judgement: n.is_leaf
                    && !n.not_applicable
                    && (n.unscored || matches!(n.explanation, Explanation::NeedsJudgement { .. })),
                place: place_of(read.indicator_rows.get(n.index).copied().flatten()),
            }
        })
        .collect()
}

fn from_check(f: &Finding, place: Option<Place>) -> ReviewFinding {
    ReviewFinding {
        severity: Severity::of_check(f.kind),
        place,
        // The check's place names the evaluation first; the form is already named.
        subject: f.place.rsplit(" · ").next().unwrap_or_default().to_owned(),
        message: f.message.clone(),
        hint: f.hint.clone(),
        published: f.left.as_ref().map(|s| s.amount),
        recomputed: f.right.as_ref().map(|s| s.amount),
    }
}

/// Re-scores the form under `profile` and counts the published figures it reproduces.
fn trial(ws: &Workspace, profile: ScoringProfile) -> ProfileTrial {
    let mut ev = ws.evaluations[0].clone();
    ev.profile = profile;
    let bd = score_evaluation(ws, &ev);
    let mut compared = 0;
    let mut matched = 0;
    for (ind, n) in ev.indicators.iter().zip(&bd.nodes) {
        if let Some(p) = ind.published_score {
            compared += 1;
            matched += usize::from(same(p, n.score));
        }
    }
    if let Some(t) = ev.published.as_ref().and_then(|p| p.total) {
        compared += 1;
        matched += usize::from(same(t, bd.total.score));
    }
    ProfileTrial {
        profile: ev.profile.name,
        matched,
        compared,
        total: bd.total.score,
    }
}

fn same(published: Decimal, computed: Decimal) -> bool {
    round2(published) == round2(computed)
}
