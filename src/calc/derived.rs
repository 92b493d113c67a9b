//! Everything derived from a workspace at one revision (scores, findings, progress series),
//! computed in one place for the window and the command line alike; never stored.

use crate::model::Workspace;

use super::checks::{Finding, FindingKind, Scored, run_all_scored};
use super::series::{ProjectSeries, YearEndRates, fiscal_year_of, project_series, year_end_rates};
use super::{ScoreBreakdown, score_all};

/// The derived values of one project (执行/拨付 series and year-end rates).
#[derive(Clone, Debug)]
pub struct ProjectDerived {
    pub series: ProjectSeries,
    pub rates: YearEndRates,
}

/// Everything computed from one revision of a workspace.
#[derive(Clone, Debug, Default)]
pub struct Derived {
    /// The document revision these values belong to.
    pub revision: u64,
    /// One breakdown per evaluation, in workspace order.
    pub breakdowns: Vec<ScoreBreakdown>,
    /// Every consistency finding (from the breakdowns above).
    pub findings: Vec<Finding>,
    /// One entry per project, in workspace order.
    pub projects: Vec<ProjectDerived>,
    /// The fiscal years the projects belong to, ascending, each once.
    pub years: Vec<i32>,
}

impl Derived {
    /// Computes everything for `ws` at `revision`.
    pub fn compute(ws: &Workspace, revision: u64) -> Derived {
        let breakdowns = score_all(ws);
        let findings = run_all_scored(&Scored {
            ws,
            breakdowns: &breakdowns,
        });
        Derived {
            revision,
            breakdowns,
            findings,
            projects: project_data(ws),
            years: project_years(ws),
        }
    }

    /// Counts of findings by kind: (errors, rounding, warnings, notes).
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        counts(&self.findings)
    }
}

/// Counts of findings by kind: (errors, rounding, warnings, notes).
pub fn counts(findings: &[Finding]) -> (usize, usize, usize, usize) {
    let n = |k: FindingKind| findings.iter().filter(|f| f.kind == k).count();
    (
        n(FindingKind::Error),
        n(FindingKind::Rounding),
        n(FindingKind::Warning),
        n(FindingKind::Info),
    )
}

/// Every project's series and year-end rates, in workspace order.
pub fn project_data(ws: &Workspace) -> Vec<ProjectDerived> {
    ws.projects
        .iter()
        .map(|p| ProjectDerived {
            series: project_series(ws, p),
            rates: year_end_rates(ws, p),
        })
        .collect()
}

/// The fiscal years of the projects, ascending, each once.
pub fn project_years(ws: &Workspace) -> Vec<i32> {
    let mut years: Vec<i32> = ws.projects.iter().map(|p| fiscal_year_of(ws, p)).collect();
    years.sort_unstable();
    years.dedup();
    years
}
