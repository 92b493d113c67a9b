//! 绩效指标表 → an indicator outline: 一级/二级/三级 (merged or repeated or left blank under
//! the row above), 分值, 指标值, 实际完成值, and the published 得分 kept as published.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::calc::num::sum;
use crate::model::{Actual, Indicator, Rule, Target};

use super::layout::Field;
use super::rows::{BY_EVALUATOR, Cells, RowKind, RowNote, is_total_label, note, skip_reason};

pub struct Read {
    pub indicators: Vec<Indicator>,
    pub rows: Vec<RowNote>,
    /// The 合计/总分 row: (分值, 得分) as printed.
    pub total: Option<(Option<Decimal>, Option<Decimal>)>,
}

fn row_is_total(cells: &Cells<'_>, r: usize) -> bool {
    cells
        .sheet
        .rows
        .get(r)
        .is_some_and(|row| row.iter().take(6).any(|c| is_total_label(&c.text)))
}

pub fn read(cells: &mut Cells<'_>, skip: &BTreeSet<usize>) -> Read {
    let header = cells.header;
    let mut out: Vec<Indicator> = Vec::new();
    let mut rows = Vec::new();
    let mut total = None;
    let mut current1 = String::new();
    let mut current2 = String::new();
    let has2 = header.has(Field::Level2);
    let has3 = header.has(Field::Level3);
    for r in header.data_start()..cells.sheet.rows.len() {
        if skip.contains(&r) {
            rows.push(note(r, RowKind::Skipped, BY_EVALUATOR));
            continue;
        }
        if row_is_total(cells, r) {
            total = Some((
                cells.number(r, Field::Weight),
                cells.number(r, Field::Score),
            ));
            rows.push(note(r, RowKind::Total, "得分记为公布的总分，由检查核对"));
            continue;
        }
        if let Some(reason) = skip_reason(cells, r) {
            rows.push(note(r, RowKind::Skipped, reason));
            continue;
        }
        let l1 = cells.text(r, Field::Level1);
        let l2 = cells.text(r, Field::Level2);
        let l3 = cells.text(r, Field::Level3);
        if !l1.is_empty() && l1 != current1 {
            out.push(Indicator {
                level: 1,
                name: l1.clone(),
                ..Indicator::default()
            });
            current1 = l1;
            current2.clear();
        }
        if current1.is_empty() {
            cells.problem(r, Some(Field::Level1), "第一条指标前没有一级指标");
            continue;
        }
        if has2 && !l2.is_empty() && l2 != current2 {
            out.push(Indicator {
                level: 2,
                name: l2.clone(),
                ..Indicator::default()
            });
            current2 = l2;
        }
        let leaf = if has3 && !l3.is_empty() {
            out.push(Indicator {
                level: if has2 { 3 } else { 2 },
                name: l3,
                ..Indicator::default()
            });
            out.len() - 1
        } else if let Some(last) = out.len().checked_sub(1) {
            last
        } else {
            continue;
        };
        let target_text = cells.text(r, Field::Target);
        let actual_text = cells.text(r, Field::Actual);
        let weight = cells.number(r, Field::Weight);
        let score = cells.number(r, Field::Score);
        let reason = [cells.text(r, Field::Reason), cells.text(r, Field::Note)]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("；");
        let ind = &mut out[leaf];
        ind.target = Target::parse(&target_text);
        // An imported 定性 row is judged from its words (never full marks by default).
        ind.rule = if ind.target.comparator == crate::model::Comparator::Qualitative {
            Rule::QualitativeText
        } else {
            Rule::default_for(ind.target.comparator)
        };
        ind.actual = Actual::typed(&actual_text);
        ind.weight = weight.unwrap_or(Decimal::ZERO);
        ind.published_score = score;
        ind.note = reason;
        rows.push(RowNote {
            row: r,
            kind: RowKind::Added,
            text: format!("指标 {}", ind.name),
        });
    }
    parent_weights(&mut out);
    Read {
        indicators: out,
        rows,
        total,
    }
}

/// A parent row's 分值 is the sum of its direct children's (the sheet prints only the leaves').
fn parent_weights(out: &mut [Indicator]) {
    for i in (0..out.len()).rev() {
        let level = out[i].level;
        let subtree: Vec<&Indicator> = out[i + 1..]
            .iter()
            .take_while(|n| n.level > level)
            .collect();
        let Some(child_level) = subtree.iter().map(|n| n.level).min() else {
            continue;
        };
        if out[i].weight != Decimal::ZERO {
            continue;
        }
        let total = sum(subtree
            .iter()
            .filter(|n| n.level == child_level)
            .map(|n| n.weight));
        out[i].weight = total;
    }
}
