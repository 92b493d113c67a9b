//! One form re-scored and compared: every published 得分 and the 总分 against the recomputed
//! ones, the consistency findings placed back at their rows, the indicators that need the
//! evaluator's judgement, and which built-in profile reproduces what the unit published.

use rust_decimal::Decimal;

use crate::calc::checks::{Scored, run_all_scored};
use crate::calc::num::round2;
use crate::calc::{Finding, Location, ScoreBreakdown, grade_of, score_evaluation};
use crate::import::Sheet;
use crate::model::{Actual, Evaluation, ScoringProfile, Workspace};

use super::form::{FormRead, read_form};
use super::{
    FormReview, Place, ProfileTrial, ReviewFinding, ReviewOptions, RowComparison, Severity,
};

/// Reviews one form sheet of the file shown as `file`.
pub fn review_sheet(file: &str, sheet: &Sheet, opts: &ReviewOptions) -> Result<FormReview, String> {
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
    let mut findings: Vec<ReviewFinding> = read
        .problems
        .iter()
        .map(|p| ReviewFinding {
            severity: Severity::Error,
            place: Some(Place {
                sheet: p.sheet.clone(),
                row: p.row,
                column: p.column.clone(),
            }),
            subject: p.header.clone(),
            message: p.message.clone(),
            hint: "请改正此单元格".to_owned(),
            published: None,
            recomputed: None,
        })
        .collect();
    findings.extend(checks.iter().map(|f| {
        let row = match &f.location {
            Location::Indicator { index, .. } => read.indicator_rows.get(*index).copied().flatten(),
            Location::Project { .. } => read.funding_row,
            Location::Evaluation { .. } => read.total_row,
            _ => None,
        };
        from_check(f, place_of(row))
    }));
    findings.extend(
        rows.iter()
            .filter(|r| r.needs_judgement)
            .map(|r| ReviewFinding {
                severity: Severity::Judgement,
                place: r.place.clone(),
                subject: format!("指标「{}」", r.name),
                message: format!(
                    "实际完成值“{}”无法按规则评分，需评价人判断（暂计 0 分）。",
                    r.actual
                ),
                hint: format!("指标值“{}”，分值 {}。", r.target, r.weight),
                published: r.published,
                recomputed: None,
            }),
    );
    findings.extend(read.notes.iter().map(|n| ReviewFinding {
        severity: Severity::Info,
        place: None,
        subject: String::new(),
        message: n.clone(),
        hint: String::new(),
        published: None,
        recomputed: None,
    }));
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
        unit_name: read.project.unit.clone(),
        money_unit: read.unit,
        money_unit_stated: read.unit_stated,
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
                needs_judgement: n.is_leaf && n.unscored && !n.not_applicable,
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
