//! 评价模板: a ready-made indicator sheet with the profile it is meant for.

use serde::{Deserialize, Serialize};

use super::evaluation::{EvaluationKind, Subject};
use super::indicator::{Actual, Indicator};
use super::metric::MetricRef;
use super::profile::ScoringProfile;

/// An indicator sheet to start an evaluation from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EvaluationTemplate {
    /// 模板名称.
    pub name: String,
    /// Where the layout comes from.
    pub source: String,
    pub kind: EvaluationKind,
    pub profile: ScoringProfile,
    /// The sheet. Links to department metrics use year 0 and links to project metrics use the
    /// project id "" as placeholders, filled in when the template is used.
    pub indicators: Vec<Indicator>,
}

impl EvaluationTemplate {
    /// The sheet for an evaluation of `subject` in `year`, with the placeholders filled in.
    pub fn instantiate(&self, year: i32, subject: &Subject) -> Vec<Indicator> {
        let mut out = self.indicators.clone();
        for ind in &mut out {
            if let Actual::Linked(r) = &mut ind.actual {
                match (r, subject) {
                    (MetricRef::Department { year: y, .. }, _) if *y == 0 => *y = year,
                    (MetricRef::Project { project, .. }, Subject::Project(id))
                        if project.is_empty() =>
                    {
                        project.clone_from(id);
                    }
                    _ => {}
                }
            }
        }
        out
    }
}
