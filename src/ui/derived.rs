//! Derived data (scores, findings, chart series): recomputed only when the document revision
//! changes, never stored, never computed by the views themselves.

use crate::calc::checks::{Finding, FindingKind, Scored, run_all_scored};
use crate::calc::{ScoreBreakdown, score_all};
use crate::model::Workspace;
use crate::ui::charts::data::ProgressData;

/// Everything the window shows that is computed from the document.
#[derive(Debug, Default)]
pub struct Derived {
    /// The revision these values belong to (`None` before the first computation).
    revision: Option<u64>,
    /// One breakdown per evaluation, in workspace order.
    pub breakdowns: Vec<ScoreBreakdown>,
    pub findings: Vec<Finding>,
    /// Progress series and chart geometry of every project (`ui::charts::data`).
    pub progress: ProgressData,
}

impl Derived {
    /// Recomputes when `revision` differs from the one computed last. Returns true if it did.
    pub fn refresh(&mut self, ws: &Workspace, revision: u64) -> bool {
        if self.revision == Some(revision) {
            return false;
        }
        self.breakdowns = score_all(ws);
        self.findings = run_all_scored(&Scored {
            ws,
            breakdowns: &self.breakdowns,
        });
        self.progress = ProgressData::compute(ws);
        self.revision = Some(revision);
        true
    }

    /// Counts of findings by kind: (errors, rounding, warnings, notes).
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        let n = |k: FindingKind| self.findings.iter().filter(|f| f.kind == k).count();
        (
            n(FindingKind::Error),
            n(FindingKind::Rounding),
            n(FindingKind::Warning),
            n(FindingKind::Info),
        )
    }
}
