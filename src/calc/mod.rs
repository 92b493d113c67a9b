//! Pure functions from the model to derived values: metrics, scores, checks, chart series.
//! Nothing here draws, reads or writes files.

pub mod breakdown;
pub mod checks;
pub mod links;
pub mod metrics;
pub mod num;
pub mod qualitative;
pub mod rules;
pub mod series;
mod sheet;

pub use breakdown::{
    NodeScore, ScoreBreakdown, ScoreFlag, TotalScore, grade_index, grade_of, outline, score_all,
    score_evaluation,
};
pub use checks::{Finding, FindingKind, Location, Side, TableRef, Tally, catalogue, run_all};
pub use rules::Explanation;
