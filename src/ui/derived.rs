//! Derived data of the window: `calc::derived::Derived` (scores, findings, series; the same
//! entry the command line uses) plus the chart geometry, recomputed only when the document
//! revision changes, never stored, never computed by the views themselves.

use crate::calc::ScoreBreakdown;
use crate::calc::checks::Finding;
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
        let d = crate::calc::derived::Derived::compute(ws, revision);
        self.breakdowns = d.breakdowns;
        self.findings = d.findings;
        self.progress = ProgressData::of(d.projects, d.years);
        self.revision = Some(revision);
        true
    }

    /// Counts of findings by kind: (errors, rounding, warnings, notes).
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        crate::calc::derived::counts(&self.findings)
    }
}
