//! Which page the central area shows, and what a page asks the app to do.

use super::table::LabelledEdit;

/// A page of the window.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// 部门概况.
    #[default]
    Department,
    /// 收支总表 and department totals of a budget year.
    Summary { year: i32 },
    /// A 功能分类 table.
    Functional { year: i32, table: usize },
    /// An 经济分类 table.
    Economic { year: i32, table: usize },
    /// 三公经费 and 政府采购.
    ThreePublic { year: i32 },
    /// 项目支出预算表 of a year.
    Projects { year: i32 },
    /// One project, by its id (`Project::id`), so that deleting or inserting other projects
    /// never moves the page onto another one.
    Project(String),
    /// One evaluation, by its id (`Evaluation::id`).
    Evaluation(String),
    /// 检查结果.
    Checks,
    /// 执行与拨付: the department chart of a year's projects.
    Progress { year: i32 },
    /// 双监控 of a year.
    Monitoring { year: i32 },
    /// 批量复核 of submitted 自评表 (its state is `UiState::review`).
    Review,
}

/// What a page returns after drawing.
#[derive(Debug)]
pub enum Output {
    /// Apply this edit as one undo step.
    Edit(LabelledEdit),
    /// Go to another page, optionally selecting a grid cell there (row, column).
    Navigate(View, Option<(usize, usize)>),
    /// Show a short message in the status bar.
    Status(String),
}
