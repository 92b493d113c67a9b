//! 得分明细 (score breakdown): the one struct the window, the PDF and the command line render.

use rayon::prelude::*;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::links::{ResolvedActual, resolve_actual};
use super::num::{Acc, ge, is_positive, le, ratio, round2, sum};
use super::rules::{ExplainCtx, Explained, Explanation, LeafInput, round_score_within, score_leaf};
use crate::model::{
    Actual, Comparator, Evaluation, GradeBand, Indicator, MetricRef, Rounding, Rule, Workspace,
};

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
        children_of(&self.nodes, index)
    }
}

/// The children of row `index` among `nodes` (see [`ScoreBreakdown::children`]).
fn children_of(nodes: &[NodeScore], index: usize) -> impl Iterator<Item = &NodeScore> {
    let end = nodes.get(index).map_or(0, |n| n.subtree_end);
    let first = nodes.get(index + 1).filter(|_| index + 1 < end);
    std::iter::successors(first, move |n| {
        let next = n.subtree_end;
        nodes.get(next).filter(|_| next > n.index && next < end)
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
fn outline_with<T>(
    indicators: &[Indicator],
    state: &mut T,
    mut open: impl FnMut(&mut T, usize, Option<usize>),
    mut close: impl FnMut(&mut T, usize, usize),
) {
    let mut stack: Vec<usize> = Vec::new();
    for (i, ind) in indicators.iter().enumerate() {
        while let Some(&top) = stack.last() {
            if indicators[top].level >= ind.level {
                close(state, top, i);
                stack.pop();
            } else {
                break;
            }
        }
        open(state, i, stack.last().copied());
        stack.push(i);
    }
}

/// The grade of a total (bands highest first; the first band whose minimum is reached).
pub fn grade_of(total: Decimal, bands: &[GradeBand]) -> String {
    let mut sorted: Vec<&GradeBand> = bands.iter().collect();
    sorted.sort_by_key(|b| std::cmp::Reverse(b.min));
    sorted
        .iter()
        .find(|b| total >= b.min)
        .map_or_else(String::new, |b| b.label.clone())
}

/// Running sums of a parent's direct children, filled in as the children are finished.
#[derive(Clone, Copy, Default)]
struct ChildSums {
    count: usize,
    applicable: Acc,
    score: Acc,
}

impl ChildSums {
    #[inline]
    fn add(&mut self, node: &NodeScore) {
        self.count += 1;
        self.applicable.add(node.applicable_weight);
        self.score.add(node.score);
    }
}

/// The sum of `field` over the children of row `index`, from the running sum when it is
/// exact and by decimal additions when figures too large for it made it give up.
fn children_sum(
    nodes: &[NodeScore],
    index: usize,
    acc: Acc,
    field: fn(&NodeScore) -> Decimal,
) -> Decimal {
    acc.value()
        .unwrap_or_else(|| sum(children_of(nodes, index).map(field)))
}

/// Sheets at least this long are scored on every core.
const PARALLEL_ROWS: usize = 4096;

/// What scoring the rows of one sheet shares.
struct Sheet<'w> {
    ev: &'w Evaluation,
    links: &'w FxHashMap<&'w MetricRef, ResolvedActual>,
}

impl Sheet<'_> {
    /// Scores a leaf in place, by its rule (a parent is summed afterwards). The row already
    /// holds its place in the outline.
    ///
    /// A linked row arrives with its metric's value parked in `actual` by the pass that
    /// resolved the links; the map is only read again to say why a link has no value.
    fn score_row(&self, node: &mut NodeScore, flags: &mut Vec<ScoreFlag>) {
        node.is_leaf = node.subtree_end == node.index + 1;
        let parked = node.actual.take();
        if !node.is_leaf || node.not_applicable {
            return;
        }
        let Some(ind) = self.ev.indicators.get(node.index) else {
            return;
        };
        let typed;
        let resolved = match &ind.actual {
            Actual::Typed { value, .. } => {
                typed = ResolvedActual {
                    value: *value,
                    linked: None,
                    broken: None,
                };
                &typed
            }
            Actual::Linked(_) if parked.is_some() => {
                typed = ResolvedActual {
                    value: parked,
                    linked: None,
                    broken: None,
                };
                &typed
            }
            Actual::Linked(r) if let Some(found) = self.links.get(r) => found,
            Actual::Linked(_) => {
                typed = ResolvedActual {
                    value: None,
                    linked: None,
                    broken: Some("链接未解析".to_owned()),
                };
                &typed
            }
        };
        score_leaf_node(self.ev, ind, resolved, node, flags);
    }

    /// Scores a run of rows, returning the flags they raised.
    fn score_rows(&self, rows: &mut [NodeScore]) -> Vec<ScoreFlag> {
        let mut flags = Vec::new();
        for node in rows {
            self.score_row(node, &mut flags);
        }
        flags
    }
}

/// Scores a whole evaluation in one pass over the leaves and one pass back up the outline:
/// linear in the number of rows, whatever the depth.
pub fn score_evaluation(ws: &Workspace, ev: &Evaluation) -> ScoreBreakdown {
    let profile = &ev.profile;
    let inds = &ev.indicators;
    // One pass down the sheet: each row's place in the outline; 不适用 spread down each
    // subtree (a parent comes before its children); every metric the sheet links to,
    // evaluated once however many rows follow it, so that the rows only read it.
    let mut nodes: Vec<NodeScore> = Vec::with_capacity(inds.len());
    let mut links: FxHashMap<&MetricRef, ResolvedActual> = FxHashMap::default();
    outline_with(
        inds,
        &mut nodes,
        |nodes, i, parent| {
            let ind = &inds[i];
            let not_applicable = ind.not_applicable
                || parent
                    .and_then(|p| nodes.get(p))
                    .is_some_and(|p| p.not_applicable);
            nodes.push(NodeScore {
                index: i,
                parent,
                subtree_end: inds.len(),
                weight: ind.weight,
                applicable_weight: Decimal::ZERO,
                score: Decimal::ZERO,
                actual: None,
                explanation: Explanation::NotApplicable,
                level: ind.level,
                linked: false,
                is_leaf: false,
                not_applicable,
                overridden: false,
                unscored: false,
            });
            if let Actual::Linked(r) = &ind.actual {
                let found = links
                    .entry(r)
                    .or_insert_with(|| resolve_actual(ws, profile, &ind.actual));
                if let Some(n) = nodes.last_mut() {
                    n.actual = found.value;
                }
            }
        },
        |nodes, row, end| {
            if let Some(n) = nodes.get_mut(row) {
                n.subtree_end = end;
            }
        },
    );
    let sheet = Sheet { ev, links: &links };
    // Rows are scored independently of each other, in place: a large sheet on every core.
    let mut flags: Vec<ScoreFlag> = if inds.len() >= PARALLEL_ROWS {
        nodes
            .par_chunks_mut(PARALLEL_ROWS / 4)
            .flat_map_iter(|rows| sheet.score_rows(rows))
            .collect()
    } else {
        sheet.score_rows(&mut nodes)
    };
    // Back up the outline: every row's children come after it, so walking backwards finishes
    // all of a parent's children before the parent itself.
    let mut sums = vec![ChildSums::default(); nodes.len()];
    let mut leaf_weight = Acc::default();
    let mut unscored = 0;
    for i in (0..nodes.len()).rev() {
        if nodes[i].is_leaf {
            leaf_weight.add(nodes[i].weight);
        } else if !nodes[i].not_applicable {
            let c = sums[i];
            let applicable = children_sum(&nodes, i, c.applicable, |n| n.applicable_weight);
            let score = children_sum(&nodes, i, c.score, |n| n.score);
            let node = &mut nodes[i];
            node.applicable_weight = applicable;
            node.score = score;
            node.explanation = Explanation::Sum { children: c.count };
            if let Some(o) = &inds[i].score_override {
                apply_override(node, o.score, &o.reason, &mut flags);
            }
        }
        let node = &nodes[i];
        unscored += usize::from(node.unscored);
        if let Some(p) = node.parent.and_then(|p| sums.get_mut(p)) {
            p.add(node);
        }
    }
    let roots: Vec<usize> = std::iter::successors((!nodes.is_empty()).then_some(0), |&i| {
        nodes
            .get(i)
            .map(|n| n.subtree_end)
            .filter(|&e| e > i && e < nodes.len())
    })
    .collect();
    let leaf_weight = leaf_weight
        .value()
        .unwrap_or_else(|| sum(nodes.iter().filter(|n| n.is_leaf).map(|n| n.weight)));
    let applicable = sum(roots.iter().map(|&i| nodes[i].applicable_weight));
    let raw = sum(roots.iter().map(|&i| nodes[i].score));
    // 不适用: the applicable rest is rescaled to the full total (raw × 全部分值 / 适用分值).
    let score = if applicable == leaf_weight || applicable <= Decimal::ZERO {
        round2(raw)
    } else {
        round2(
            raw.checked_mul(leaf_weight)
                .and_then(|v| v.checked_div(applicable))
                .unwrap_or(raw),
        )
    };
    let total = TotalScore {
        weight: leaf_weight,
        applicable_weight: applicable,
        raw,
        score,
        rate: ratio(score, leaf_weight),
        grade: grade_of(score, &profile.grades),
    };
    // Parents' flags were raised on the way back up: list every flag in sheet order.
    flags.sort_by_key(ScoreFlag::index);
    ScoreBreakdown {
        evaluation_id: ev.id.clone(),
        evaluation_name: ev.name.clone(),
        nodes,
        roots,
        total,
        flags,
        unscored,
    }
}

fn score_leaf_node(
    ev: &Evaluation,
    ind: &Indicator,
    resolved: &ResolvedActual,
    node: &mut NodeScore,
    flags: &mut Vec<ScoreFlag>,
) {
    let profile = &ev.profile;
    let i = node.index;
    if let Some(reason) = &resolved.broken {
        flags.push(ScoreFlag::BrokenLink {
            index: i,
            reason: reason.clone(),
        });
    }
    node.linked = matches!(ind.actual, Actual::Linked(_));
    node.actual = resolved.value;
    let leaf = score_leaf(&LeafInput {
        weight: ind.weight,
        target: &ind.target,
        actual: resolved.value,
        rule: &ind.rule,
        profile,
    });
    node.applicable_weight = ind.weight;
    node.unscored = leaf.score.is_none();
    node.score = leaf.score.unwrap_or(Decimal::ZERO);
    node.explanation = match leaf.explanation {
        // Say why there is no number, rather than "not filled in".
        Explanation::MissingActual => missing_actual(ind, resolved),
        e => e,
    };
    if let Rule::Manual { reason, .. } = &ind.rule
        && reason.trim().is_empty()
    {
        flags.push(ScoreFlag::MissingReason { index: i });
    }
    if let (Some(a), Some(t)) = (resolved.value, ind.target.value) {
        let factor = profile.overachievement_factor;
        let beaten = ind.target.comparator == Comparator::AtLeast
            && !matches!(ind.rule, Rule::ExecutionRate)
            && is_positive(t)
            && !le(factor, Decimal::ONE)
            && ge(a, t.saturating_mul(factor));
        if beaten {
            flags.push(ScoreFlag::TargetBeatenByFar {
                index: i,
                actual: a,
                target: t,
                factor,
            });
        }
    }
    if let (Rule::ExecutionRate, Some(a)) = (&ind.rule, resolved.value)
        && !le(a, Decimal::ONE_HUNDRED)
    {
        flags.push(ScoreFlag::OverExecution {
            index: i,
            rate_pct: a,
        });
    }
    if let Some(o) = &ind.score_override {
        apply_override(node, o.score, &o.reason, flags);
    }
}

/// Why a leaf has no actual: a broken link, a metric that cannot be computed, a typed text
/// that is not a number, or nothing typed yet.
fn missing_actual(ind: &Indicator, resolved: &ResolvedActual) -> Explanation {
    if let Some(reason) = &resolved.broken {
        return Explanation::Invalid {
            reason: reason.clone(),
        };
    }
    if let Some(m) = &resolved.linked {
        return Explanation::Invalid {
            reason: format!(
                "链接的{}无法计算：{}",
                m.name,
                m.missing.as_deref().unwrap_or("缺少数据")
            ),
        };
    }
    match &ind.actual {
        Actual::Typed { text, .. } if !text.trim().is_empty() => Explanation::Invalid {
            reason: format!(
                "实际完成值“{}”不是数值，无法按{}计分",
                text.trim(),
                ind.rule.label()
            ),
        },
        _ => Explanation::MissingActual,
    }
}

/// Replaces a computed score by the evaluator's, clamped to [0, 分值] and rounded to
/// 2 places (the evaluator's figure is kept as typed, even under whole-point rounding).
fn apply_override(node: &mut NodeScore, score: Decimal, reason: &str, flags: &mut Vec<ScoreFlag>) {
    let computed = (!node.unscored).then_some(node.score);
    let clamped = super::rules::clamp(score, node.applicable_weight);
    node.score = round_score_within(clamped, node.applicable_weight, Rounding::Cents);
    node.overridden = true;
    node.unscored = false;
    node.explanation = Explanation::Overridden { computed };
    if reason.trim().is_empty() {
        flags.push(ScoreFlag::MissingReason { index: node.index });
    }
}
