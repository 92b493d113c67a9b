//! 工作区: everything one evaluator keeps for a department and its projects.

use serde::{Deserialize, Serialize};

use super::budget::BudgetBook;
use super::department::{Department, Meta};
use super::evaluation::Evaluation;
use super::project::Project;

/// The workspace file format this build writes.
pub const FORMAT_VERSION: u32 = 1;

/// The document: saved to RON, undoable, never holding derived scores.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    /// File format version (see `store`).
    pub format_version: u32,
    pub meta: Meta,
    /// 部门概况.
    pub department: Department,
    /// Budget books, one per fiscal year.
    pub budgets: Vec<BudgetBook>,
    /// 项目.
    pub projects: Vec<Project>,
    /// 评价.
    pub evaluations: Vec<Evaluation>,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            format_version: FORMAT_VERSION,
            meta: Meta::default(),
            department: Department::default(),
            budgets: Vec::new(),
            projects: Vec::new(),
            evaluations: Vec::new(),
        }
    }
}

impl Workspace {
    pub fn budget(&self, year: i32) -> Option<&BudgetBook> {
        self.budgets.iter().find(|b| b.year == year)
    }

    pub fn project(&self, id: &str) -> Option<&Project> {
        self.projects.iter().find(|p| p.id == id)
    }

    pub fn evaluation(&self, id: &str) -> Option<&Evaluation> {
        self.evaluations.iter().find(|e| e.id == id)
    }

    /// Gives the copies among the rows of every table ids of their own (a workspace built in
    /// code may hold clones); rows with distinct ids keep theirs.
    pub fn make_row_ids_unique(&mut self) {
        for b in &mut self.budgets {
            b.make_row_ids_unique();
        }
        for p in &mut self.projects {
            p.make_row_ids_unique();
        }
        for e in &mut self.evaluations {
            super::row_id::make_unique(&mut e.indicators);
        }
    }
}

/// The item whose ID is `only` (e.g. `--evaluation` / `--project`), or all of them when `only`
/// is `None` (`what`: 评价, 项目).
///
/// # Errors
/// An unknown ID: the message lists the IDs there are.
pub fn pick<'a, T>(
    all: &'a [T],
    only: Option<&str>,
    id: impl Fn(&T) -> &str,
    what: &str,
) -> Result<Vec<&'a T>, UnknownId> {
    let Some(wanted) = only else {
        return Ok(all.iter().collect());
    };
    if let Some(found) = all.iter().find(|t| id(t) == wanted) {
        return Ok(vec![found]);
    }
    let ids: Vec<&str> = all.iter().map(&id).collect();
    Err(UnknownId {
        wanted: wanted.to_owned(),
        what: what.to_owned(),
        ids: ids.join("，"),
    })
}

/// An ID that names nothing in the workspace; the message lists the IDs there are.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("没有 ID 为 \"{wanted}\" 的{what}；工作区中的{what}：{ids}")]
pub struct UnknownId {
    pub wanted: String,
    /// What was looked for (评价, 项目).
    pub what: String,
    /// The IDs there are, joined by "，".
    pub ids: String,
}
