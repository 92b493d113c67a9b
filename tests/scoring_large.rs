//! A large sheet (scored on two threads) scores every row exactly as a small one does.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jixiao::calc::score_evaluation;
use jixiao::model::{Evaluation, Workspace};

#[test]
fn a_sheet_of_repeated_blocks_scores_each_block_like_the_block_alone() {
    let ws = jixiao::cli::sample_workspace().unwrap();
    let base = ws.evaluation("2021-dept").unwrap().clone();
    let alone = score_evaluation(&ws, &base);
    let n = base.indicators.len();
    // Enough copies to pass the two-thread threshold, and a split that falls inside a block.
    let copies = 4096 / n + 3;
    let big = Evaluation {
        indicators: (0..copies).flat_map(|_| base.indicators.clone()).collect(),
        ..base.clone()
    };
    let ws_big = Workspace {
        evaluations: vec![big.clone()],
        ..ws.clone()
    };
    let b = score_evaluation(&ws_big, &big);
    assert_eq!(b.nodes.len(), n * copies);
    for (k, node) in b.nodes.iter().enumerate() {
        let same = &alone.nodes[k % n];
        assert_eq!(
            (
                node.score,
                node.weight,
                node.is_leaf,
                node.explain(&big).to_string()
            ),
            (
                same.score,
                same.weight,
                same.is_leaf,
                same.explain(&base).to_string()
            ),
            "row {k}"
        );
        assert_eq!(node.parent.map(|p| p % n), same.parent, "row {k}");
    }
    assert_eq!(b.roots.len(), alone.roots.len() * copies);
    assert_eq!(b.flags.len(), alone.flags.len() * copies);
    let indices: Vec<usize> = b.flags.iter().map(jixiao::calc::ScoreFlag::index).collect();
    assert!(
        indices.windows(2).all(|w| w[0] <= w[1]),
        "flags in sheet order"
    );
}
