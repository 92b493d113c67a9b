//! Linked actuals: an indicator's 实际完成值 that follows a metric of the budget tables.

use rust_decimal::Decimal;

use super::metrics::{MetricSettings, MetricValue, department_metric, project_metric};
use super::num::to_pct;
use crate::model::{Actual, MetricRef, ScoringProfile, Workspace};

/// An actual made ready for scoring.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedActual {
    /// The number in the target's unit (a linked ratio in percent points).
    pub value: Option<Decimal>,
    /// Set when the actual is linked: the metric it follows.
    pub linked: Option<MetricValue>,
    /// Set when a link points at nothing (a deleted project, a year with no budget book).
    pub broken: Option<String>,
}

/// The settings an evaluation's profile gives the metrics.
pub fn settings_of(profile: &ScoringProfile) -> MetricSettings {
    MetricSettings {
        execution_base: profile.execution_base,
        adjustment_definition: profile.adjustment_definition,
    }
}

/// Why a linked actual cannot be followed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    /// No budget book of the linked year.
    #[error("链接的 {year} 年度预算表不存在")]
    MissingBook { year: i32 },
    /// No project of the linked id.
    #[error("链接的项目 \"{project}\" 不存在")]
    MissingProject { project: String },
}

/// Evaluates a metric reference in the workspace.
pub fn evaluate_link(
    ws: &Workspace,
    r: &MetricRef,
    s: MetricSettings,
) -> Result<MetricValue, LinkError> {
    match r {
        MetricRef::Department { year, metric } => ws
            .budget(*year)
            .map(|b| department_metric(b, &ws.department, *metric, s))
            .ok_or(LinkError::MissingBook { year: *year }),
        MetricRef::Project { project, metric } => ws
            .project(project)
            .map(|p| project_metric(p, *metric, s.execution_base))
            .ok_or_else(|| LinkError::MissingProject {
                project: project.clone(),
            }),
    }
}

/// A human name for a link ("2021 年 部门 预算执行率", "项目 铝工业… 预算执行率").
pub fn link_label(ws: &Workspace, r: &MetricRef) -> String {
    match r {
        MetricRef::Department { year, metric } => format!("{year} 年部门{}", metric.label()),
        MetricRef::Project { project, metric } => {
            let name = ws
                .project(project)
                .map_or(project.as_str(), |p| p.name.as_str());
            format!("项目「{name}」{}", metric.label())
        }
    }
}

/// Resolves an actual: typed values as typed, links through the metrics.
pub fn resolve_actual(ws: &Workspace, profile: &ScoringProfile, actual: &Actual) -> ResolvedActual {
    match actual {
        Actual::Typed { value, .. } => ResolvedActual {
            value: *value,
            linked: None,
            broken: None,
        },
        Actual::Linked(r) => match evaluate_link(ws, r, settings_of(profile)) {
            Ok(m) => ResolvedActual {
                value: m.ratio.map(to_pct),
                linked: Some(m),
                broken: None,
            },
            Err(e) => ResolvedActual {
                value: None,
                linked: None,
                broken: Some(e.to_string()),
            },
        },
    }
}
