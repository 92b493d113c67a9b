//! Scoring a whole sheet (计分): a walk down the outline places every row while another
//! resolves the links; the rows are then scored in chunks on every core, each chunk summing
//! the parents whose subtrees it holds; the few parents that straddle chunks are summed
//! last. Linear in the number of rows, whatever the depth.

use rayon::prelude::*;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::breakdown::{
    NodeScore, ScoreBreakdown, ScoreFlag, TotalScore, children_of, grade_of, outline_with,
};
use super::links::{ResolvedActual, resolve_actual};
use super::num::{Acc, ge, is_positive, le, mul, ratio, round2, sum};
use super::rules::{Explanation, LeafInput, round_score_within, score_leaf, score_text_leaf};
use crate::model::{
    Actual, Comparator, Evaluation, Indicator, MetricRef, Rounding, Rule, Workspace,
};

/// Sheets at least this long are scored on every core, in chunks of a quarter of it.
const PARALLEL_ROWS: usize = 4096;

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

    /// The sums of row `index`'s children, walked (for a parent whose children are spread
    /// over several chunks).
    fn of(nodes: &[NodeScore], index: usize) -> ChildSums {
        let mut c = ChildSums::default();
        for child in children_of(nodes, 0, index) {
            c.add(child);
        }
        c
    }
}

/// What scoring one chunk of rows hands back.
#[derive(Default)]
struct ChunkDone {
    flags: Vec<ScoreFlag>,
    /// Σ of the chunk's leaves' 分值.
    leaf_weight: Acc,
    unscored: usize,
    /// Parents whose subtree runs past the chunk: summed once every chunk is done.
    straddling: Vec<usize>,
}

/// What scoring the rows of one sheet shares.
struct Sheet<'w> {
    ev: &'w Evaluation,
    links: &'w Links<'w>,
}

/// Every metric the sheet links to, evaluated once however many rows follow it, and the
/// value each linked row reads (by row, so that scoring a row hashes nothing).
struct Links<'w> {
    resolved: FxHashMap<&'w MetricRef, ResolvedActual>,
    by_row: Vec<Option<Decimal>>,
}

impl<'w> Links<'w> {
    fn resolve(ws: &'w Workspace, ev: &'w Evaluation) -> Links<'w> {
        let mut links = Links {
            resolved: FxHashMap::default(),
            by_row: vec![None; ev.indicators.len()],
        };
        for (ind, value) in ev.indicators.iter().zip(links.by_row.iter_mut()) {
            if let Actual::Linked(r) = &ind.actual {
                *value = links
                    .resolved
                    .entry(r)
                    .or_insert_with(|| resolve_actual(ws, &ev.profile, &ind.actual))
                    .value;
            }
        }
        links
    }
}

impl Sheet<'_> {
    /// Scores a leaf in place, by its rule (a parent is summed afterwards). The row already
    /// holds its place in the outline.
    fn score_row(&self, node: &mut NodeScore, flags: &mut Vec<ScoreFlag>) {
        node.is_leaf = node.subtree_end == node.index + 1;
        if !node.is_leaf || node.not_applicable {
            return;
        }
        let Some(ind) = self.ev.indicators.get(node.index) else {
            return;
        };
        let value = match &ind.actual {
            Actual::Typed { value, .. } => *value,
            Actual::Linked(_) => self.links.by_row.get(node.index).copied().flatten(),
        };
        let plain = ResolvedActual {
            value,
            linked: None,
            broken: None,
        };
        let resolved = match &ind.actual {
            // A link without a value: the resolved metric says why (it cannot be computed, or
            // points at nothing). Every linked row was resolved, so the map has it.
            Actual::Linked(r) if value.is_none() => self.links.resolved.get(r).unwrap_or(&plain),
            _ => &plain,
        };
        score_leaf_node(self.ev, ind, resolved, node, flags);
    }

    /// Scores the rows `start..start + rows.len()`, then walks them backwards summing every
    /// parent whose subtree lies inside them (a row's children come after it, so they are
    /// finished first).
    fn score_chunk(&self, start: usize, rows: &mut [NodeScore]) -> ChunkDone {
        let mut done = ChunkDone::default();
        for node in rows.iter_mut() {
            self.score_row(node, &mut done.flags);
        }
        let end = start + rows.len();
        // Walking backwards, the parents with children already seen and the parent itself
        // not yet reached are ancestors of the current row, so they form a stack, deepest
        // last: a row's parent is the top of it or not on it yet.
        let mut pending: Vec<(usize, ChildSums)> = Vec::new();
        for k in (0..rows.len()).rev() {
            if rows[k].is_leaf {
                done.leaf_weight.add(rows[k].weight);
            } else if rows[k].subtree_end > end {
                done.straddling.push(start + k);
                continue;
            } else {
                // The row after a parent is its child, so its sums are on top of the stack.
                let sums = match pending.last() {
                    Some(&(p, sums)) if p == k => {
                        pending.pop();
                        sums
                    }
                    _ => ChildSums::default(),
                };
                self.finish_parent(rows, start, start + k, sums, &mut done.flags);
            }
            let node = &rows[k];
            done.unscored += usize::from(node.unscored);
            let parent = node.parent.and_then(|p| p.checked_sub(start));
            if let Some(p) = parent.filter(|&p| rows.get(p).is_some_and(|n| n.subtree_end <= end)) {
                match pending.last_mut() {
                    Some((q, sums)) if *q == p => sums.add(node),
                    _ => {
                        let mut sums = ChildSums::default();
                        sums.add(node);
                        pending.push((p, sums));
                    }
                }
            }
        }
        done
    }

    /// A parent's 得分 and applicable 分值 from its children's sums (`rows` holds the rows
    /// from `start`, the parent's children among them), then its override if it has one.
    fn finish_parent(
        &self,
        rows: &mut [NodeScore],
        start: usize,
        index: usize,
        c: ChildSums,
        flags: &mut Vec<ScoreFlag>,
    ) {
        let Some(k) = index.checked_sub(start).filter(|&k| k < rows.len()) else {
            return;
        };
        if rows[k].not_applicable {
            return;
        }
        // Exact on the i128 running sums; by decimal additions when figures too large for
        // them made them give up.
        let applicable = c
            .applicable
            .value()
            .unwrap_or_else(|| sum(children_of(rows, start, index).map(|n| n.applicable_weight)));
        let score = c
            .score
            .value()
            .unwrap_or_else(|| sum(children_of(rows, start, index).map(|n| n.score)));
        let node = &mut rows[k];
        node.applicable_weight = applicable;
        node.score = score;
        node.explanation = Explanation::Sum { children: c.count };
        if let Some(o) = self
            .ev
            .indicators
            .get(index)
            .and_then(|i| i.score_override.as_ref())
        {
            apply_override(node, o.score, &o.reason, flags);
        }
    }
}

/// Places every row in the outline: its parent, the end of its subtree, 不适用 spread down
/// from its parent.
fn place_rows(inds: &[Indicator]) -> Vec<NodeScore> {
    let mut nodes: Vec<NodeScore> = Vec::with_capacity(inds.len());
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
        },
        |nodes, row, end| {
            if let Some(n) = nodes.get_mut(row) {
                n.subtree_end = end;
            }
        },
    );
    nodes
}

/// The breakdown of every evaluation of the workspace, in workspace order.
pub fn score_all(ws: &Workspace) -> Vec<ScoreBreakdown> {
    ws.evaluations
        .iter()
        .map(|e| score_evaluation(ws, e))
        .collect()
}

/// Scores a whole evaluation.
pub fn score_evaluation(ws: &Workspace, ev: &Evaluation) -> ScoreBreakdown {
    let rows = ev.indicators.len();
    let chunk = if rows >= PARALLEL_ROWS {
        PARALLEL_ROWS / 4
    } else {
        rows.max(1)
    };
    score_in_chunks(ws, ev, chunk)
}

/// [`score_evaluation`] with the rows scored in chunks of `chunk` rows (on every core when
/// there is more than one chunk). The result does not depend on `chunk`.
fn score_in_chunks(ws: &Workspace, ev: &Evaluation, chunk: usize) -> ScoreBreakdown {
    if ev.indicators.len() > chunk {
        // The whole rescore runs inside the thread pool: called from outside it, each
        // parallel step would cost two hand-overs between threads (tens of microseconds each
        // on a virtual machine).
        rayon::scope(|_| score_on(ws, ev, chunk))
    } else {
        score_on(ws, ev, chunk)
    }
}

fn score_on(ws: &Workspace, ev: &Evaluation, chunk: usize) -> ScoreBreakdown {
    // The outline is a walk down the sheet, and so are the links: on a large sheet the two
    // walks run side by side.
    let (mut nodes, links) = if ev.indicators.len() > chunk {
        rayon::join(|| place_rows(&ev.indicators), || Links::resolve(ws, ev))
    } else {
        (place_rows(&ev.indicators), Links::resolve(ws, ev))
    };
    let sheet = Sheet { ev, links: &links };
    // Rows are scored independently of each other, in place.
    let chunk = chunk.max(1);
    let chunks: Vec<ChunkDone> = if nodes.len() > chunk {
        nodes
            .par_chunks_mut(chunk)
            .enumerate()
            .map(|(c, rows)| sheet.score_chunk(c * chunk, rows))
            .collect()
    } else {
        vec![sheet.score_chunk(0, &mut nodes)]
    };
    let mut flags = Vec::new();
    let mut leaf_weight = Acc::default();
    let mut unscored = 0;
    let mut straddling = Vec::new();
    for c in chunks {
        flags.extend(c.flags);
        leaf_weight.merge(c.leaf_weight);
        unscored += c.unscored;
        straddling.extend(c.straddling);
    }
    // The parents that straddle chunks, children first: a child comes after its parent.
    straddling.sort_unstable_by(|a, b| b.cmp(a));
    for i in straddling {
        let c = ChildSums::of(&nodes, i);
        // A parent is never unscored (it is the sum of its children), so `unscored` stands.
        sheet.finish_parent(&mut nodes, 0, i, c, &mut flags);
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
        grade: grade_of(score, &ev.profile.grades),
    };
    // Parents' flags were raised after their children's: list every flag in sheet order.
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
    let input = LeafInput {
        weight: ind.weight,
        target: &ind.target,
        actual: resolved.value,
        rule: &ind.rule,
        profile,
    };
    let leaf = match (&ind.rule, &ind.actual) {
        (Rule::QualitativeText, Actual::Typed { text, .. }) => score_text_leaf(&input, text),
        _ => score_leaf(&input),
    };
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
            && ge(a, mul(t, factor));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ScoreOverride, Target};
    use proptest::prelude::*;

    /// A sheet whose levels wander (a row is at most one level below the one before it),
    /// with manual scores, 不适用 rows and overrides on leaves and parents alike.
    fn sheet() -> impl Strategy<Value = Vec<Indicator>> {
        proptest::collection::vec(
            (0_u8..3, 0_i64..2_000, 0_i64..2_000, 0_u8..10, 0_u8..12),
            1..80,
        )
        .prop_map(|rows| {
            let mut level = 0_u8;
            rows.into_iter()
                .map(|(step, w, s, na, ov)| {
                    level = match step {
                        0 => (level + 1).min(4),
                        1 => level.max(1),
                        _ => level.saturating_sub(1).max(1),
                    };
                    Indicator {
                        level,
                        name: format!("r{level}"),
                        weight: Decimal::new(w, 2),
                        target: Target::parse(""),
                        rule: Rule::Manual {
                            score: Some(Decimal::new(s, 2)),
                            reason: "依据".to_owned(),
                        },
                        not_applicable: na == 0,
                        score_override: (ov == 0).then(|| ScoreOverride {
                            score: Decimal::new(s / 2, 2),
                            reason: String::new(),
                        }),
                        ..Indicator::default()
                    }
                })
                .collect()
        })
    }

    proptest! {
        /// Chunks of any size, however the subtrees straddle them, give the breakdown the
        /// whole sheet gives in one piece.
        #[test]
        fn chunking_does_not_change_the_breakdown(indicators in sheet(), chunk in 1_usize..9) {
            let ev = Evaluation { indicators, ..Evaluation::default() };
            let ws = Workspace::default();
            let whole = score_in_chunks(&ws, &ev, ev.indicators.len());
            let chunked = score_in_chunks(&ws, &ev, chunk);
            prop_assert_eq!(chunked, whole);
        }
    }
}
