//! 得分明细 (score breakdown): the one struct the window, the PDF and the command line render.

use rust_decimal::Decimal;
use serde::Serialize;

use super::num::{ratio, sum};
use super::rules::{ExplainCtx, Explained, Explanation};
pub use super::sheet::{score_all, score_evaluation};
use crate::model::{Evaluation, GradeBand, Indicator, Rule};

/// One row of the breakdown, in the sheet's order.
///
/// Kept small (what the sheet already holds, such as the name, the rule and the unit, is read
/// from it when displayed): a rescore writes one of these per indicator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NodeScore {
    /// Index of the indicator in the sheet.
    pub index: usize,
    /// Index of the parent row.
    pub parent: Option<usize>,
    /// One past the last row of this row's subtree.
    pub subtree_end: usize,
    /// 分值 as stored.
    pub weight: Decimal,
    /// 分值 that counts (0 when 不适用; the applicable children's sum for a parent).
    pub applicable_weight: Decimal,
    /// 得分 (rounded per the profile; a parent's is the sum of its children's).
    pub score: Decimal,
    /// The actual used, in the target's unit.
    pub actual: Option<Decimal>,
    /// Why the score is what it is; displayed with [`NodeScore::explain`].
    pub explanation: Explanation,
    pub level: u8,
    /// True when the actual follows a metric.
    pub linked: bool,
    pub is_leaf: bool,
    pub not_applicable: bool,
    pub overridden: bool,
    /// No score could be computed yet (counted as 0).
    pub unscored: bool,
}

/// Flags raised while scoring, for the evaluator's attention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum ScoreFlag {
    /// The actual beat a ≥ target by `factor` times or more: the target may have been set too low.
    TargetBeatenByFar {
        index: usize,
        actual: Decimal,
        target: Decimal,
        factor: Decimal,
    },
    /// An execution rate above 100% (over-execution is a finding, not an error).
    OverExecution { index: usize, rate_pct: Decimal },
    /// A linked actual points at nothing.
    BrokenLink { index: usize, reason: String },
    /// An override or manual score without a reason.
    MissingReason { index: usize },
}

impl ScoreFlag {
    /// The row the flag is about.
    pub fn index(&self) -> usize {
        match self {
            ScoreFlag::TargetBeatenByFar { index, .. }
            | ScoreFlag::OverExecution { index, .. }
            | ScoreFlag::BrokenLink { index, .. }
            | ScoreFlag::MissingReason { index } => *index,
        }
    }
}

/// The total line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TotalScore {
    /// Σ of every leaf's 分值 (the sheet's full total, normally 100).
    pub weight: Decimal,
    /// Σ of the applicable leaves' 分值.
    pub applicable_weight: Decimal,
    /// Σ of the 一级 scores before 不适用 rescaling.
    pub raw: Decimal,
    /// 总分: raw rescaled to the full total when something is 不适用, 2 places.
    pub score: Decimal,
    /// 得分率 (score / weight).
    pub rate: Option<Decimal>,
    /// 等级.
    pub grade: String,
}

/// The score breakdown of one evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScoreBreakdown {
    pub evaluation_id: String,
    pub evaluation_name: String,
    pub nodes: Vec<NodeScore>,
    /// Indices of the top-level rows (一级指标), in order.
    pub roots: Vec<usize>,
    pub total: TotalScore,
    pub flags: Vec<ScoreFlag>,
    /// Leaves still without a score (no actual, no target …).
    pub unscored: usize,
}

impl NodeScore {
    /// 指标名称, read from the sheet the breakdown was computed from (not copied into every
    /// row: a rescore would spend a fifth of its time allocating names).
    pub fn name<'e>(&self, ev: &'e Evaluation) -> &'e str {
        self.indicator(ev).map_or("", |i| i.name.as_str())
    }

    /// 评分规则 label, read from the sheet (empty for parents).
    pub fn rule(&self, ev: &Evaluation) -> &'static str {
        match self.indicator(ev) {
            Some(i) if self.is_leaf => i.rule.label(),
            _ => "",
        }
    }

    /// The score before a manual override, when there is one.
    pub fn computed(&self) -> Option<Decimal> {
        match self.explanation {
            Explanation::Overridden { computed } => computed,
            _ => None,
        }
    }

    /// The one-line explanation (`实际 17.1% ≥ 目标 7%，得满分 5.00`), with the unit and the
    /// evaluator's reason read from the sheet the breakdown was computed from.
    pub fn explain<'e>(&'e self, ev: &'e Evaluation) -> Explained<'e> {
        let ind = self.indicator(ev);
        let reason = match (&self.explanation, ind) {
            (Explanation::Overridden { .. }, Some(i)) => {
                i.score_override.as_ref().map_or("", |o| o.reason.as_str())
            }
            (Explanation::Manual, Some(i)) => match &i.rule {
                Rule::Manual { reason, .. } => reason.as_str(),
                _ => "",
            },
            _ => "",
        };
        self.explanation.with(ExplainCtx {
            score: self.score,
            weight: self.applicable_weight,
            actual: self.actual,
            unit: ind.map_or("", |i| i.target.unit.as_str()),
            reason,
        })
    }

    /// 得分率 = 得分 / 分值 (the applicable 分值), when that is not zero. Computed when read:
    /// a decimal division per row is the dearest step of a rescore and most rows are never shown.
    pub fn rate(&self) -> Option<Decimal> {
        ratio(self.score, self.applicable_weight)
    }

    fn indicator<'e>(&self, ev: &'e Evaluation) -> Option<&'e Indicator> {
        ev.indicators.get(self.index)
    }
}

impl ScoreBreakdown {
    /// The leaves waiting for the evaluator's 定性 judgement (unscored, counted as 0, never
    /// full marks), in sheet order.
    pub fn needs_judgement(&self) -> impl Iterator<Item = &NodeScore> {
        self.nodes
            .iter()
            .filter(|n| matches!(n.explanation, Explanation::NeedsJudgement { .. }))
    }

    /// Σ of the children's 分值 (applicable or not), for a parent row; `None` for a leaf.
    pub fn children_weight(&self, index: usize) -> Option<Decimal> {
        let node = self.nodes.get(index)?;
        (!node.is_leaf).then(|| sum(self.children(index).map(|c| c.weight)))
    }

    /// The 一级 rows.
    pub fn level1(&self) -> impl Iterator<Item = &NodeScore> {
        self.roots.iter().filter_map(|&i| self.nodes.get(i))
    }

    /// The children of a row, in order (jumps from one child's subtree to the next, so it
    /// costs the number of children, not the size of the sheet).
    pub fn children(&self, index: usize) -> impl Iterator<Item = &NodeScore> {
        children_of(&self.nodes, 0, index)
    }
}

/// The children of row `index` among `nodes` (see [`ScoreBreakdown::children`]).
/// `nodes` holds rows `start..`: a chunk of the sheet while it is being scored.
pub(super) fn children_of(
    nodes: &[NodeScore],
    start: usize,
    index: usize,
) -> impl Iterator<Item = &NodeScore> {
    let at = move |row: usize| row.checked_sub(start).and_then(|k| nodes.get(k));
    let end = at(index).map_or(0, |n| n.subtree_end);
    let first = at(index + 1).filter(|_| index + 1 < end);
    std::iter::successors(first, move |n| {
        let next = n.subtree_end;
        at(next).filter(|_| next > n.index && next < end)
    })
}

/// The outline structure of a sheet: each row's parent and where its subtree ends.
pub fn outline(indicators: &[Indicator]) -> Vec<(Option<usize>, usize)> {
    let mut out = Vec::with_capacity(indicators.len());
    outline_with(
        indicators,
        &mut out,
        |out, _, parent| out.push((parent, indicators.len())),
        |out, row, end| out[row].1 = end,
    );
    out
}

/// Walks the outline of a sheet: `open(state, row, parent)` on each row in order (a row's
/// parent is known when the row is reached), `close(state, row, end)` when a row's subtree
/// ends before the end of the sheet (so each row is closed at most once, after it was
/// opened).
pub(super) fn outline_with<T>(
    indicators: &[Indicator],
    state: &mut T,
    mut open: impl FnMut(&mut T, usize, Option<usize>),
    mut close: impl FnMut(&mut T, usize, usize),
) {
    // The open rows with their levels (reading a level back from the sheet would reach far
    // behind the current row).
    let mut stack: Vec<(usize, u8)> = Vec::new();
    for (i, ind) in indicators.iter().enumerate() {
        while let Some(&(top, level)) = stack.last() {
            if level >= ind.level {
                close(state, top, i);
                stack.pop();
            } else {
                break;
            }
        }
        open(state, i, stack.last().map(|&(top, _)| top));
        stack.push((i, ind.level));
    }
}

/// Which band a total reaches: the index in `bands` (in any order) of the highest minimum
/// it reaches, the first such band when two share a minimum; `None` below every band.
pub fn grade_index(total: Decimal, bands: &[GradeBand]) -> Option<usize> {
    bands
        .iter()
        .enumerate()
        .filter(|(_, b)| total >= b.min)
        .min_by_key(|(_, b)| std::cmp::Reverse(b.min))
        .map(|(i, _)| i)
}

/// The grade (等级) of a total: the label of the band [`grade_index`] picks.
pub fn grade_of(total: Decimal, bands: &[GradeBand]) -> String {
    grade_index(total, bands)
        .and_then(|i| bands.get(i))
        .map_or_else(String::new, |b| b.label.clone())
}
