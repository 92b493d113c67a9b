//! 得分明细 (score breakdown): the one struct the window, the PDF and the command line render.

use std::sync::Mutex;

use rayon::prelude::*;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::links::{ResolvedActual, resolve_actual};
use super::num::{ge, is_positive, le, ratio, round2, sum};
use super::rules::{Explanation, LeafInput, round_score_within, score_leaf};
use crate::model::{
    Actual, Comparator, Evaluation, GradeBand, Indicator, MetricRef, Rounding, Rule, Workspace,
};

/// One row of the breakdown, in the sheet's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NodeScore {
    /// Index of the indicator in the sheet.
    pub index: usize,
    pub level: u8,
    /// 分值 as stored.
    pub weight: Decimal,
    /// Σ of the children's 分值 (parents only).
    pub children_weight: Option<Decimal>,
    /// 分值 that counts (0 when 不适用; the applicable children's sum for a parent).
    pub applicable_weight: Decimal,
    /// 得分 (rounded per the profile; a parent's is the sum of its children's).
    pub score: Decimal,
    /// The score before a manual override, when there is one.
    pub computed: Option<Decimal>,
    /// 评分规则 label (empty for parents).
    pub rule: &'static str,
    /// The actual used, in the target's unit.
    pub actual: Option<Decimal>,
    /// True when the actual follows a metric.
    pub linked: bool,
    pub explanation: Explanation,
    /// Index of the parent row.
    pub parent: Option<usize>,
    /// One past the last row of this row's subtree.
    pub subtree_end: usize,
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
        ev.indicators
            .get(self.index)
            .map_or("", |i| i.name.as_str())
    }

    /// 得分率 = 得分 / 分值 (the applicable 分值), when that is not zero. Computed when read:
    /// a decimal division per row is the dearest step of a rescore and most rows are never shown.
    pub fn rate(&self) -> Option<Decimal> {
        ratio(self.score, self.applicable_weight)
    }
}

impl ScoreBreakdown {
    /// The 一级 rows.
    pub fn level1(&self) -> impl Iterator<Item = &NodeScore> {
        self.roots.iter().filter_map(|&i| self.nodes.get(i))
    }

    /// The children of a row, in order (jumps from one child's subtree to the next, so it
    /// costs the number of children, not the size of the sheet).
    pub fn children(&self, index: usize) -> impl Iterator<Item = &NodeScore> {
        let end = self.nodes.get(index).map_or(0, |n| n.subtree_end);
        let first = self.nodes.get(index + 1).filter(|_| index + 1 < end);
        std::iter::successors(first, move |n| {
            let next = n.subtree_end;
            self.nodes
                .get(next)
                .filter(|_| next > n.index && next < end)
        })
    }
}

/// The outline structure of a sheet: each row's parent and where its subtree ends.
pub fn outline(indicators: &[Indicator]) -> Vec<(Option<usize>, usize)> {
    let n = indicators.len();
    let mut out = vec![(None, n); n];
    let mut stack: Vec<usize> = Vec::new();
    for (i, ind) in indicators.iter().enumerate() {
        while let Some(&top) = stack.last() {
            if indicators[top].level >= ind.level {
                out[top].1 = i;
                stack.pop();
            } else {
                break;
            }
        }
        out[i].0 = stack.last().copied();
        stack.push(i);
    }
    out
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
    weight: Decimal,
    applicable: Decimal,
    score: Decimal,
}

/// Sheets at least this long are scored on every core.
const PARALLEL_ROWS: usize = 4096;

/// Every metric the sheet links to, evaluated once per rescore however many rows link to
/// it (before the rows are scored, so the rows only read it).
fn resolve_links<'w>(
    ws: &'w Workspace,
    ev: &'w Evaluation,
) -> FxHashMap<&'w MetricRef, ResolvedActual> {
    let mut links = FxHashMap::default();
    for ind in &ev.indicators {
        if let Actual::Linked(r) = &ind.actual {
            links
                .entry(r)
                .or_insert_with(|| resolve_actual(ws, &ev.profile, &ind.actual));
        }
    }
    links
}

/// What scoring the rows of one sheet shares.
struct Sheet<'w> {
    ev: &'w Evaluation,
    shape: &'w [(Option<usize>, usize)],
    not_applicable: &'w [bool],
    links: &'w FxHashMap<&'w MetricRef, ResolvedActual>,
}

impl Sheet<'_> {
    /// Scores row `i` (a leaf by its rule; a parent is summed afterwards).
    fn score_row(&self, i: usize, flags: &mut Vec<ScoreFlag>) -> NodeScore {
        let ind = &self.ev.indicators[i];
        let (parent, end) = self.shape[i];
        let is_leaf = end == i + 1;
        let mut node = NodeScore {
            index: i,
            level: ind.level,
            weight: ind.weight,
            children_weight: None,
            applicable_weight: Decimal::ZERO,
            score: Decimal::ZERO,
            computed: None,
            rule: if is_leaf { ind.rule.label() } else { "" },
            actual: None,
            linked: false,
            explanation: Explanation::NotApplicable,
            parent,
            subtree_end: end,
            is_leaf,
            not_applicable: self.not_applicable[i],
            overridden: false,
            unscored: false,
        };
        if is_leaf && !node.not_applicable {
            let typed;
            let resolved = match &ind.actual {
                Actual::Linked(r) if let Some(found) = self.links.get(r) => found,
                Actual::Typed { value, .. } => {
                    typed = ResolvedActual {
                        value: *value,
                        linked: None,
                        broken: None,
                    };
                    &typed
                }
                Actual::Linked(_) => {
                    typed = ResolvedActual {
                        value: None,
                        linked: None,
                        broken: Some("链接未解析".to_owned()),
                    };
                    &typed
                }
            };
            score_leaf_node(self.ev, ind, resolved, &mut node, flags);
        }
        node
    }
}

/// Scores a whole evaluation in one pass over the leaves and one pass back up the outline:
/// linear in the number of rows, whatever the depth.
pub fn score_evaluation(ws: &Workspace, ev: &Evaluation) -> ScoreBreakdown {
    let profile = &ev.profile;
    let inds = &ev.indicators;
    let shape = outline(inds);
    // 不适用 spreads down a subtree: a parent comes before its children.
    let mut not_applicable = vec![false; inds.len()];
    for (i, ind) in inds.iter().enumerate() {
        not_applicable[i] = ind.not_applicable || shape[i].0.is_some_and(|p| not_applicable[p]);
    }
    let links = resolve_links(ws, ev);
    let sheet = Sheet {
        ev,
        shape: &shape,
        not_applicable: &not_applicable,
        links: &links,
    };
    let mut nodes: Vec<NodeScore> = Vec::with_capacity(inds.len());
    let mut flags = Vec::new();
    if inds.len() >= PARALLEL_ROWS {
        // Rows are scored independently of each other: a large sheet is scored on every
        // core, each row written straight into its place in `nodes`. Flags are rare; a row
        // that raises one hands it over under the lock.
        let raised = Mutex::new(Vec::new());
        (0..inds.len())
            .into_par_iter()
            .with_min_len(PARALLEL_ROWS / 4)
            .map(|i| {
                let mut mine = Vec::new();
                let node = sheet.score_row(i, &mut mine);
                if !mine.is_empty() {
                    raised
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .append(&mut mine);
                }
                node
            })
            .collect_into_vec(&mut nodes);
        flags = raised
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
    } else {
        nodes.extend((0..inds.len()).map(|i| sheet.score_row(i, &mut flags)));
    }
    // Back up the outline: every row's children come after it, so walking backwards finishes
    // all of a parent's children before the parent itself.
    let mut sums = vec![ChildSums::default(); nodes.len()];
    for i in (0..nodes.len()).rev() {
        if !nodes[i].is_leaf {
            let c = sums[i];
            let node = &mut nodes[i];
            node.children_weight = Some(c.weight);
            if !node.not_applicable {
                node.applicable_weight = c.applicable;
                node.score = c.score;
                node.explanation = Explanation::Sum {
                    children: c.count,
                    score: c.score,
                    weight: c.applicable,
                };
                if let Some(o) = &inds[i].score_override {
                    apply_override(node, o.score, &o.reason, &mut flags);
                }
            }
        }
        let node = &nodes[i];
        if let Some(p) = node.parent.and_then(|p| sums.get_mut(p)) {
            p.count += 1;
            p.weight = p.weight.saturating_add(node.weight);
            p.applicable = p.applicable.saturating_add(node.applicable_weight);
            p.score = p.score.saturating_add(node.score);
        }
    }
    let roots: Vec<usize> = std::iter::successors((!nodes.is_empty()).then_some(0), |&i| {
        nodes
            .get(i)
            .map(|n| n.subtree_end)
            .filter(|&e| e > i && e < nodes.len())
    })
    .collect();
    let leaf_weight = sum(nodes.iter().filter(|n| n.is_leaf).map(|n| n.weight));
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
    let unscored = nodes.iter().filter(|n| n.unscored).count();
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
    node.linked = resolved.linked.is_some() || resolved.broken.is_some();
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
    node.computed = computed;
    node.score = round_score_within(clamped, node.applicable_weight, Rounding::Cents);
    node.overridden = true;
    node.unscored = false;
    node.explanation = Explanation::Overridden {
        computed,
        score: node.score,
        reason: reason.to_owned(),
    };
    if reason.trim().is_empty() {
        flags.push(ScoreFlag::MissingReason { index: node.index });
    }
}
