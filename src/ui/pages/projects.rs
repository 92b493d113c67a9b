//! 项目 pages: the 项目支出预算表 of a year and one project's summary, cost items,
//! disbursements and performance targets.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;

use chrono::NaiveDate;

use super::budget::grids::{amount_cell, amount_spec, flag, parse_amount, spec, text_cell};
use super::budget::{findings_list_ui, metric_text, metrics_table_ui, table_box_ui, table_ui};
use crate::calc::checks::{Finding, Location, ProjectField};
use crate::calc::links::settings_of;
use crate::calc::metrics::{MetricValue, project_balance, project_metric};
use crate::calc::num::{pct_points_text, pct_text, thousands};
use crate::doc::{Edit, Row, TableRef};
use crate::model::number::{AmountUnit, to_half_width};
use crate::model::{
    Amount, CostItem, Disbursement, DisbursementColumn, DisbursementStage, ExecutionBase, HasRowId,
    PerformanceTarget, Project, ProjectColumn, ProjectKind, ProjectMetric, RowId, Subject, Target,
    TargetCategory, Workspace,
};
use crate::ui::derived::Derived;
use crate::ui::form;
use crate::ui::grid::{Align, CellStyle, CellView, ColumnSpec, GridSource};
pub use crate::ui::locate::{disbursement_col, project_col};
use crate::ui::state::UiState;
use crate::ui::table::EditableTable;
use crate::ui::view::{Output, View};

// ---- shared -------------------------------------------------------------------------------

/// The execution-rate base for a project: its evaluation's profile, else the default
/// (调整后预算), with where it comes from.
pub fn project_base(ws: &Workspace, p: &Project) -> (ExecutionBase, String) {
    ws.evaluations
        .iter()
        .find(|e| e.subject == Subject::Project(p.id.clone()))
        .map_or_else(
            || (ExecutionBase::default(), "默认口径".to_owned()),
            |e| {
                (
                    settings_of(&e.profile).execution_base,
                    format!("评分方案“{}”", e.profile.name),
                )
            },
        )
}

/// The amount unit of a project's figures: its year's budget book, else the workspace's.
pub fn project_unit(ws: &Workspace, p: &Project) -> AmountUnit {
    ws.budget(p.year).map_or(ws.meta.unit, |b| b.unit)
}

/// Findings on projects' cells of the 项目支出预算表, by (project id, column).
fn project_findings(findings: &[Finding]) -> HashMap<(String, ProjectColumn), Vec<&Finding>> {
    let mut map: HashMap<(String, ProjectColumn), Vec<&Finding>> = HashMap::new();
    for f in findings {
        if let Location::Project {
            id,
            field: Some(ProjectField::Column(c)),
        } = &f.location
        {
            map.entry((id.clone(), *c)).or_default().push(f);
        }
    }
    map
}

/// Findings on one project's 拨付 records, by (row id, column; `None` for the record).
fn disbursement_findings<'a>(
    findings: &'a [Finding],
    project: &str,
) -> HashMap<(RowId, Option<DisbursementColumn>), Vec<&'a Finding>> {
    let mut map: HashMap<_, Vec<&Finding>> = HashMap::new();
    for f in findings {
        if let Location::Project {
            id,
            field: Some(ProjectField::Disbursement { row, column }),
        } = &f.location
            && id == project
        {
            map.entry((row.id, *column)).or_default().push(f);
        }
    }
    map
}

/// Reads 项目类型.
pub fn parse_kind(text: &str) -> Result<ProjectKind, String> {
    match text.trim() {
        "其他运转类" | "运转类" | "其他运转" => Ok(ProjectKind::Operating),
        "特定目标类" | "特定目标" => Ok(ProjectKind::Targeted),
        "" => Ok(ProjectKind::Unspecified),
        other => Err(format!(
            "“{other}”不是项目类型：请填写“其他运转类”或“特定目标类”"
        )),
    }
}

/// Reads a 拨付日期: YYYY-MM-DD (also 2021/6/30, 2021.6.30, 2021年6月30日); blank is none.
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, String> {
    let half = to_half_width(text);
    let t = half.trim();
    if t.is_empty() {
        return Ok(None);
    }
    ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(t, f).ok())
        .map(Some)
        .ok_or_else(|| format!("“{t}”不是有效日期：请写成 YYYY-MM-DD，如 2021-06-30"))
}

/// Reads a 拨付阶段.
pub fn parse_stage(text: &str) -> Result<DisbursementStage, String> {
    match text.trim() {
        "拨付至区县" | "区县" | "拨付区县" | "至区县" => {
            Ok(DisbursementStage::ToDistricts)
        }
        "拨付至最终受益对象" | "最终受益对象" | "至最终受益对象" | "企业" => {
            Ok(DisbursementStage::ToBeneficiaries)
        }
        other => Err(format!(
            "“{other}”不是拨付阶段：请填写“拨付至区县”或“拨付至最终受益对象”"
        )),
    }
}

/// Reads a 绩效目标 category.
pub fn parse_category(text: &str) -> Result<TargetCategory, String> {
    match text.trim() {
        "成本指标" | "成本" => Ok(TargetCategory::Cost),
        "产出指标" | "产出" => Ok(TargetCategory::Output),
        "效益指标" | "效益" => Ok(TargetCategory::Benefit),
        "满意度指标" | "满意度" => Ok(TargetCategory::Satisfaction),
        other => Err(format!(
            "“{other}”不是指标类别：请填写成本指标、产出指标、效益指标或满意度指标"
        )),
    }
}

/// A new project id not used in the workspace (nor in `taken`): "2024-xm001", …
pub fn fresh_project_id<S: BuildHasher>(year: i32, taken: &HashSet<String, S>) -> String {
    // One of the first `taken.len() + 1` numbers is free.
    (1..=taken.len() + 1)
        .map(|n| format!("{year}-xm{n:03}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

// ---- 项目支出预算表 ---------------------------------------------------------------------------

/// Grid columns of the 项目支出预算表.
pub const PROJECT_RATE_COL: usize = 6;
pub const PROJECT_DISBURSED_COL: usize = 7;

/// The projects of one year as a grid (`doc_index` maps to `Workspace::projects`).
pub struct ProjectsGrid<'a> {
    pub ws: &'a Workspace,
    pub year: i32,
    /// Indices into `Workspace::projects` of the rows.
    pub indices: Vec<usize>,
    unit: AmountUnit,
    findings: HashMap<(String, ProjectColumn), Vec<&'a Finding>>,
    columns: Vec<ColumnSpec>,
    /// Ids handed out to new rows this frame (several rows may be added in one paste).
    taken: RefCell<HashSet<String>>,
}

impl<'a> ProjectsGrid<'a> {
    pub fn new(ws: &'a Workspace, year: i32, findings: &'a [Finding]) -> ProjectsGrid<'a> {
        let unit = ws.budget(year).map_or(ws.meta.unit, |b| b.unit);
        let indices = ws
            .projects
            .iter()
            .enumerate()
            .filter(|(_, p)| p.year == year)
            .map(|(i, _)| i)
            .collect();
        let columns = vec![
            spec("类型", 90.0, Align::Left, true),
            spec("项目名称", 260.0, Align::Left, true),
            spec("项目单位", 180.0, Align::Left, true),
            amount_spec("年初预算", unit, 110.0),
            amount_spec("调整后预算", unit, 110.0),
            amount_spec("执行数", unit, 110.0),
            spec("执行率", 80.0, Align::Right, false),
            spec("拨付率（至最终受益对象）", 150.0, Align::Right, false),
        ];
        ProjectsGrid {
            ws,
            year,
            indices,
            unit,
            findings: project_findings(findings),
            columns,
            taken: RefCell::new(ws.projects.iter().map(|p| p.id.clone()).collect()),
        }
    }

    fn project(&self, row: usize) -> Option<&Project> {
        self.indices.get(row).and_then(|&i| self.ws.projects.get(i))
    }
}

/// A computed rate cell (muted), with its formula or why it is missing as tooltip.
fn rate_cell(m: &MetricValue) -> CellView {
    let text = m.ratio.map(pct_text).unwrap_or_default();
    CellView {
        tooltip: Some(
            m.missing
                .clone()
                .unwrap_or_else(|| format!("{} = {}", m.name, m.formula)),
        ),
        ..text_cell(&text, CellStyle::Computed)
    }
}

impl GridSource for ProjectsGrid<'_> {
    fn row_count(&self) -> usize {
        self.indices.len()
    }

    fn columns(&self) -> &[ColumnSpec] {
        &self.columns
    }

    fn cell(&self, row: usize, col: usize) -> CellView {
        let Some(p) = self.project(row) else {
            return CellView::default();
        };
        let n = CellStyle::Normal;
        let (cell, field) = match col {
            0 => (text_cell(p.kind.label(), n), ProjectColumn::Kind),
            1 => (text_cell(&p.name, n), ProjectColumn::Name),
            2 => (text_cell(&p.unit, n), ProjectColumn::Unit),
            3 => (
                amount_cell(p.budget_initial, n),
                ProjectColumn::BudgetInitial,
            ),
            4 => (
                amount_cell(p.budget_adjusted, n),
                ProjectColumn::BudgetAdjusted,
            ),
            5 => (amount_cell(p.executed, n), ProjectColumn::Executed),
            PROJECT_RATE_COL => {
                let (base, _) = project_base(self.ws, p);
                return rate_cell(&project_metric(p, ProjectMetric::ExecutionRate, base));
            }
            PROJECT_DISBURSED_COL => {
                let m = ProjectMetric::DisbursementRate(DisbursementStage::ToBeneficiaries);
                return rate_cell(&project_metric(p, m, ExecutionBase::default()));
            }
            _ => return CellView::default(),
        };
        flag(cell, self.findings.get(&(p.id.clone(), field)))
    }

    fn validate(&self, row: usize, col: usize, text: &str) -> Result<(), String> {
        crate::ui::table::validate_in_copy(self, row, col, text)
    }
}

impl EditableTable for ProjectsGrid<'_> {
    fn table_ref(&self) -> TableRef {
        TableRef::Projects
    }

    fn doc_index(&self, row: usize) -> usize {
        self.indices
            .get(row)
            .copied()
            .unwrap_or(self.ws.projects.len())
    }

    fn row(&self, row: usize) -> Row {
        Row::Project(Box::new(self.project(row).cloned().unwrap_or_default()))
    }

    fn set(&self, row: &mut Row, col: usize, text: &str) -> Result<(), String> {
        let Row::Project(p) = row else {
            return Err("行类型不符".to_owned());
        };
        match col {
            0 => p.kind = parse_kind(text)?,
            1 => text.trim().clone_into(&mut p.name),
            2 => text.trim().clone_into(&mut p.unit),
            3 => p.budget_initial = parse_amount(text, self.unit)?,
            4 => p.budget_adjusted = parse_amount(text, self.unit)?,
            5 => p.executed = parse_amount(text, self.unit)?,
            _ => return Err("此列由计算得出，不能直接修改".to_owned()),
        }
        Ok(())
    }

    fn blank_row(&self) -> Row {
        let mut taken = self.taken.borrow_mut();
        let id = fresh_project_id(self.year, &taken);
        taken.insert(id.clone());
        Row::Project(Box::new(Project {
            id,
            year: self.year,
            ..Project::default()
        }))
    }
}

/// 项目支出预算表 of a year: one row per project, with the computed 执行率 and 拨付率;
/// 打开项目 goes to the selected project's page.
pub fn projects_table_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    d: &Derived,
    s: &mut UiState,
    year: i32,
) -> Vec<Output> {
    let mut out = Vec::new();
    ui.heading(format!("{year} 年度 项目支出预算表"));
    let grid = ProjectsGrid::new(ws, year, &d.findings);
    let key = super::grid_key_for(&View::Projects { year });
    let selected = s.grids.get(&key).map(|g| g.cursor.0);
    let selected_project = selected
        .filter(|&r| r < grid.row_count())
        .map(|r| grid.doc_index(r));
    ui.horizontal(|ui| {
        let name = selected_project
            .and_then(|i| ws.projects.get(i))
            .map_or_else(String::new, |p| format!("：{}", p.name));
        if ui
            .add_enabled(
                selected_project.is_some(),
                egui::Button::new(format!("打开项目{name}")),
            )
            .clicked()
            && let Some(p) = selected_project.and_then(|i| ws.projects.get(i))
        {
            out.push(Output::Navigate(View::Project(p.id.clone()), None));
        }
        ui.label(format!(
            "共 {} 个项目 · 单位：{} · 执行率与拨付率由数据计算，不可编辑",
            grid.row_count(),
            project_unit_label(ws, year)
        ));
    });
    out.extend(table_ui(ui, s, &key, &grid).1);
    out
}

fn project_unit_label(ws: &Workspace, year: i32) -> &'static str {
    ws.budget(year).map_or(ws.meta.unit, |b| b.unit).label()
}

// ---- one project --------------------------------------------------------------------------

/// Grid columns of the 拨付记录 grid.
pub const DISBURSEMENT_COLUMNS: [&str; 4] = ["日期", "金额", "阶段", "说明"];

/// 拨付记录 of a project.
pub struct DisbursementsGrid<'a> {
    pub project: usize,
    pub rows: &'a [Disbursement],
    unit: AmountUnit,
    findings: HashMap<(RowId, Option<DisbursementColumn>), Vec<&'a Finding>>,
    columns: Vec<ColumnSpec>,
}

impl<'a> DisbursementsGrid<'a> {
    pub fn new(
        p: &'a Project,
        project: usize,
        unit: AmountUnit,
        findings: &'a [Finding],
    ) -> DisbursementsGrid<'a> {
        DisbursementsGrid {
            project,
            rows: &p.disbursements,
            unit,
            findings: disbursement_findings(findings, &p.id),
            columns: vec![
                spec(DISBURSEMENT_COLUMNS[0], 100.0, Align::Left, true),
                amount_spec(DISBURSEMENT_COLUMNS[1], unit, 110.0),
                spec(DISBURSEMENT_COLUMNS[2], 150.0, Align::Left, true),
                spec(DISBURSEMENT_COLUMNS[3], 260.0, Align::Left, true),
            ],
        }
    }
}

impl GridSource for DisbursementsGrid<'_> {
    fn row_count(&self) -> usize {
        self.rows.len()
    }

    fn columns(&self) -> &[ColumnSpec] {
        &self.columns
    }

    fn cell(&self, row: usize, col: usize) -> CellView {
        let Some(d) = self.rows.get(row) else {
            return CellView::default();
        };
        let n = CellStyle::Normal;
        let cell = match col {
            0 => text_cell(
                &d.date
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                n,
            ),
            1 => amount_cell(d.amount, n),
            2 => text_cell(d.stage.label(), n),
            3 => text_cell(&d.note, n),
            _ => return CellView::default(),
        };
        let Some(&column) = DisbursementColumn::ALL.get(col) else {
            return cell;
        };
        // Findings name a record (shown on its amount) or a cell of it.
        let mut keys = vec![(d.row_id(), Some(column))];
        if column == DisbursementColumn::Amount {
            keys.push((d.row_id(), None));
        }
        let found: Vec<&Finding> = keys
            .iter()
            .filter_map(|k| self.findings.get(k))
            .flatten()
            .copied()
            .collect();
        flag(cell, Some(&found))
    }

    fn validate(&self, row: usize, col: usize, text: &str) -> Result<(), String> {
        crate::ui::table::validate_in_copy(self, row, col, text)
    }
}

impl EditableTable for DisbursementsGrid<'_> {
    fn table_ref(&self) -> TableRef {
        TableRef::Disbursements {
            project: self.project,
        }
    }

    fn doc_index(&self, row: usize) -> usize {
        row
    }

    fn row(&self, row: usize) -> Row {
        Row::Disbursement(self.rows.get(row).cloned().unwrap_or_default())
    }

    fn set(&self, row: &mut Row, col: usize, text: &str) -> Result<(), String> {
        let Row::Disbursement(d) = row else {
            return Err("行类型不符".to_owned());
        };
        match col {
            0 => d.date = parse_date(text)?,
            1 => d.amount = parse_amount(text, self.unit)?,
            2 => d.stage = parse_stage(text)?,
            3 => text.trim().clone_into(&mut d.note),
            _ => return Err("没有这一列".to_owned()),
        }
        Ok(())
    }

    fn blank_row(&self) -> Row {
        Row::Disbursement(Disbursement::default())
    }
}

/// 成本明细 of a project.
pub struct CostItemsGrid<'a> {
    pub project: usize,
    pub rows: &'a [CostItem],
    unit: AmountUnit,
    columns: Vec<ColumnSpec>,
}

impl<'a> CostItemsGrid<'a> {
    pub fn new(p: &'a Project, project: usize, unit: AmountUnit) -> CostItemsGrid<'a> {
        CostItemsGrid {
            project,
            rows: &p.cost_items,
            unit,
            columns: vec![
                spec("成本项目", 160.0, Align::Left, true),
                amount_spec("预算数", unit, 100.0),
                amount_spec("执行数", unit, 100.0),
                spec("执行率", 70.0, Align::Right, false),
            ],
        }
    }
}

impl GridSource for CostItemsGrid<'_> {
    fn row_count(&self) -> usize {
        self.rows.len()
    }

    fn columns(&self) -> &[ColumnSpec] {
        &self.columns
    }

    fn cell(&self, row: usize, col: usize) -> CellView {
        let Some(c) = self.rows.get(row) else {
            return CellView::default();
        };
        let n = CellStyle::Normal;
        match col {
            0 => text_cell(&c.name, n),
            1 => amount_cell(c.budget, n),
            2 => amount_cell(c.executed, n),
            3 => {
                let r = crate::calc::metrics::cost_item_rate(c)
                    .map(pct_text)
                    .unwrap_or_default();
                text_cell(&r, CellStyle::Computed)
            }
            _ => CellView::default(),
        }
    }

    fn validate(&self, row: usize, col: usize, text: &str) -> Result<(), String> {
        crate::ui::table::validate_in_copy(self, row, col, text)
    }
}

impl EditableTable for CostItemsGrid<'_> {
    fn table_ref(&self) -> TableRef {
        TableRef::CostItems {
            project: self.project,
        }
    }

    fn doc_index(&self, row: usize) -> usize {
        row
    }

    fn row(&self, row: usize) -> Row {
        Row::CostItem(self.rows.get(row).cloned().unwrap_or_default())
    }

    fn set(&self, row: &mut Row, col: usize, text: &str) -> Result<(), String> {
        let Row::CostItem(c) = row else {
            return Err("行类型不符".to_owned());
        };
        match col {
            0 => text.trim().clone_into(&mut c.name),
            1 => c.budget = parse_amount(text, self.unit)?,
            2 => c.executed = parse_amount(text, self.unit)?,
            _ => return Err("此列由计算得出，不能直接修改".to_owned()),
        }
        Ok(())
    }

    fn blank_row(&self) -> Row {
        Row::CostItem(CostItem::default())
    }
}

/// 绩效目标 of a project.
pub struct TargetsGrid<'a> {
    pub project: usize,
    pub rows: &'a [PerformanceTarget],
    columns: Vec<ColumnSpec>,
}

impl<'a> TargetsGrid<'a> {
    pub fn new(p: &'a Project, project: usize) -> TargetsGrid<'a> {
        TargetsGrid {
            project,
            rows: &p.targets,
            columns: vec![
                spec("类别", 90.0, Align::Left, true),
                spec("三级指标", 200.0, Align::Left, true),
                spec("指标值", 110.0, Align::Left, true),
            ],
        }
    }
}

impl GridSource for TargetsGrid<'_> {
    fn row_count(&self) -> usize {
        self.rows.len()
    }

    fn columns(&self) -> &[ColumnSpec] {
        &self.columns
    }

    fn cell(&self, row: usize, col: usize) -> CellView {
        let Some(t) = self.rows.get(row) else {
            return CellView::default();
        };
        let n = CellStyle::Normal;
        match col {
            0 => text_cell(t.category.label(), n),
            1 => text_cell(&t.name, n),
            2 => CellView {
                tooltip: Some(format!(
                    "{}{}",
                    t.target.comparator.symbol(),
                    t.target
                        .value
                        .map_or_else(String::new, |v| format!(" {v}{}", t.target.unit))
                )),
                ..text_cell(&t.target.text, n)
            },
            _ => CellView::default(),
        }
    }

    fn validate(&self, row: usize, col: usize, text: &str) -> Result<(), String> {
        crate::ui::table::validate_in_copy(self, row, col, text)
    }
}

impl EditableTable for TargetsGrid<'_> {
    fn table_ref(&self) -> TableRef {
        TableRef::Targets {
            project: self.project,
        }
    }

    fn doc_index(&self, row: usize) -> usize {
        row
    }

    fn row(&self, row: usize) -> Row {
        Row::Target(self.rows.get(row).cloned().unwrap_or_default())
    }

    fn set(&self, row: &mut Row, col: usize, text: &str) -> Result<(), String> {
        let Row::Target(t) = row else {
            return Err("行类型不符".to_owned());
        };
        match col {
            0 => t.category = parse_category(text)?,
            1 => text.trim().clone_into(&mut t.name),
            2 => t.target = Target::parse(text),
            _ => return Err("没有这一列".to_owned()),
        }
        Ok(())
    }

    fn blank_row(&self) -> Row {
        Row::Target(PerformanceTarget::default())
    }
}

/// The metrics of a project: 执行率 by each base, 到位率, 拨付率 per stage, 支出率.
pub fn project_metrics(p: &Project) -> Vec<MetricValue> {
    let mut v: Vec<MetricValue> = [
        ExecutionBase::Adjusted,
        ExecutionBase::Initial,
        ExecutionBase::Received,
    ]
    .iter()
    .map(|b| project_metric(p, ProjectMetric::ExecutionRate, *b))
    .collect();
    v.extend(
        ProjectMetric::ALL
            .iter()
            .filter(|m| **m != ProjectMetric::ExecutionRate)
            .map(|m| project_metric(p, *m, ExecutionBase::default())),
    );
    v
}

/// One project: its summary form, computed metrics beside the published ones, and grids for
/// 拨付记录, 成本明细 and 绩效目标.
pub fn project_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    d: &Derived,
    s: &mut UiState,
    index: usize,
) -> Vec<Output> {
    let mut out = Vec::new();
    let Some(p) = ws.projects.get(index) else {
        ui.label("项目不存在");
        return out;
    };
    let unit = project_unit(ws, p);
    ui.horizontal(|ui| {
        ui.heading(if p.name.is_empty() {
            "（未命名项目）"
        } else {
            p.name.as_str()
        });
        ui.label(format!(
            "{} 年度 · {} · 单位：{}",
            p.year,
            p.id,
            unit.label()
        ));
        if ui.button("项目支出预算表").clicked() {
            out.push(Output::Navigate(View::Projects { year: p.year }, None));
        }
    });
    if let Some(pp) = d.progress.projects.get(index) {
        egui::CollapsingHeader::new("执行与拨付进度图")
            .id_salt(("project-chart", index))
            .default_open(true)
            .show(ui, |ui| {
                let h = (ui.available_height() * 0.38).clamp(160.0, 340.0);
                crate::ui::charts::project::project_chart_ui(
                    ui,
                    pp,
                    index,
                    unit.label(),
                    &p.disbursements,
                    h,
                );
            });
    }
    egui::Panel::left(egui::Id::unique(("project-summary", index)))
        .resizable(true)
        .default_size(400.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt(("project-summary-scroll", index))
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if let Some(np) = summary_form_ui(ui, s, p, index, unit) {
                        out.push(Output::Edit((
                            Edit::set_row(TableRef::Projects, index, Row::Project(Box::new(np))),
                            "修改项目信息".to_owned(),
                        )));
                    }
                    ui.separator();
                    metrics_ui(ui, ws, d, p, index);
                });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        let height = ui.available_height();
        ui.strong("拨付记录");
        let key = super::grid_key_for(&View::Project(p.id.clone()));
        let disb = DisbursementsGrid::new(p, index, unit, &d.findings);
        out.extend(table_box_ui(ui, (height * 0.5).max(160.0), s, &key, &disb).1);
        ui.columns(2, |cols| {
            let [left, right] = cols else { return };
            left.strong("成本明细");
            let costs = CostItemsGrid::new(p, index, unit);
            let h = left.available_height().max(120.0);
            out.extend(table_box_ui(left, h, s, &format!("project/{}/costs", p.id), &costs).1);
            right.strong("绩效目标");
            let targets = TargetsGrid::new(p, index);
            let h = right.available_height().max(120.0);
            out.extend(table_box_ui(right, h, s, &format!("project/{}/targets", p.id), &targets).1);
        });
    });
    out
}

/// The project's own fields; returns the changed project.
fn summary_form_ui(
    ui: &mut egui::Ui,
    s: &mut UiState,
    p: &Project,
    index: usize,
    unit: AmountUnit,
) -> Option<Project> {
    let mut np = p.clone();
    let mut changed = false;
    let id = |k: &str| egui::Id::unique(("project-form", index, k.to_owned()));
    let f = &mut s.fields;
    let texts: [(&str, &str, &str, f32); 5] = [
        ("name", "项目名称", &p.name, 260.0),
        ("code", "项目编码", &p.code, 160.0),
        ("unit", "项目单位", &p.unit, 220.0),
        ("department", "主管部门", &p.department, 220.0),
        ("unit_code", "单位代码", &p.unit_code, 120.0),
    ];
    for (key, label, value, width) in texts {
        if let Some(v) = form::text_field(ui, f, id(key), label, value, width) {
            let v = v.trim().to_owned();
            match key {
                "name" => np.name = v,
                "code" => np.code = v,
                "unit" => np.unit = v,
                "department" => np.department = v,
                _ => np.unit_code = v,
            }
            changed = true;
        }
    }
    ui.horizontal(|ui| {
        let label = ui.label("项目类型");
        egui::ComboBox::from_id_salt(("project-kind", index))
            .selected_text(if p.kind.label().is_empty() {
                "未注明"
            } else {
                p.kind.label()
            })
            .show_ui(ui, |ui| {
                for (k, label) in [
                    (ProjectKind::Operating, "其他运转类"),
                    (ProjectKind::Targeted, "特定目标类"),
                    (ProjectKind::Unspecified, "未注明"),
                ] {
                    if ui.selectable_label(p.kind == k, label).clicked() && p.kind != k {
                        np.kind = k;
                        changed = true;
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    let amounts: [(&str, &str, Amount); 5] = [
        ("budget_initial", "年初预算", p.budget_initial),
        ("budget_adjusted", "调整后预算", p.budget_adjusted),
        ("received", "实际到位资金", p.received),
        ("executed", "执行数", p.executed),
        (
            "disbursement_due",
            "应拨付资金（空=项目预算）",
            p.disbursement_due,
        ),
    ];
    for (key, label, value) in amounts {
        if let Some(v) = form::amount_field(ui, f, id(key), label, value, unit) {
            let slot = match key {
                "budget_initial" => &mut np.budget_initial,
                "budget_adjusted" => &mut np.budget_adjusted,
                "received" => &mut np.received,
                "executed" => &mut np.executed,
                _ => &mut np.disbursement_due,
            };
            *slot = v;
            changed = true;
        }
    }
    changed |= funding_sources_ui(ui, f, &mut np, index, unit);
    if let Some(v) = form::multiline_field(ui, f, id("notes"), "备注", &p.notes, 260.0) {
        np.notes = v;
        changed = true;
    }
    changed.then_some(np)
}

/// 资金来源 (the 自评表's 其中 rows): label and 年初预算数 / 全年预算数 / 全年执行数 of each,
/// their sums, a row to add and a button to remove one. Returns whether `np` changed.
fn funding_sources_ui(
    ui: &mut egui::Ui,
    f: &mut form::Buffers,
    np: &mut Project,
    index: usize,
    unit: AmountUnit,
) -> bool {
    let mut changed = false;
    ui.separator();
    ui.strong("资金来源（年初预算数 / 全年预算数 / 全年执行数）");
    let id = |i: usize, k: &str| egui::Id::unique(("project-source", index, i, k.to_owned()));
    let mut remove = None;
    let sources = np.funding_sources.clone();
    for (i, src) in sources.iter().enumerate() {
        ui.horizontal(|ui| {
            if let Some(v) = form::text_field(ui, f, id(i, "label"), "来源", &src.label, 140.0) {
                v.trim().clone_into(&mut np.funding_sources[i].label);
                changed = true;
            }
            if ui.small_button("删除").clicked() {
                remove = Some(i);
            }
        });
        for (key, label, value) in [
            ("initial", "年初预算数", src.initial),
            ("adjusted", "全年预算数", src.adjusted),
            ("executed", "全年执行数", src.executed),
        ] {
            if let Some(v) = form::amount_field(ui, f, id(i, key), label, value, unit) {
                let s = &mut np.funding_sources[i];
                match key {
                    "initial" => s.initial = v,
                    "adjusted" => s.adjusted = v,
                    _ => s.executed = v,
                }
                changed = true;
            }
        }
    }
    if let Some(i) = remove {
        np.funding_sources.remove(i);
        changed = true;
    }
    if ui.button("添加资金来源").clicked() {
        np.funding_sources
            .push(crate::model::FundingSource::default());
        changed = true;
    }
    changed
}

/// The computed metrics, the published figures next to them, and the project's findings.
fn metrics_ui(ui: &mut egui::Ui, ws: &Workspace, d: &Derived, p: &Project, index: usize) {
    let (base, source) = project_base(ws, p);
    ui.strong("项目指标（由数据计算）");
    metrics_table_ui(ui, &format!("project-metrics/{index}"), &project_metrics(p));
    let balance = project_balance(p, base).map_or_else(|| "—".to_owned(), thousands);
    ui.label(format!("结余（{}减执行数）：{balance}", base.label()));
    ui.weak(format!("口径：{source}（执行率分母：{}）", base.label()));
    if !p.published.is_empty() {
        ui.separator();
        ui.strong("公布数与计算数");
        egui::Grid::new(egui::Id::unique(("project-published", index)))
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                ui.strong("指标");
                ui.strong("公布");
                ui.strong("计算");
                ui.strong("来源");
                ui.end_row();
                for f in &p.published {
                    ui.label(f.metric.label());
                    ui.label(pct_points_text(f.value_pct));
                    ui.label(metric_text(&project_metric(p, f.metric, base)));
                    ui.label(&f.source);
                    ui.end_row();
                }
            });
    }
    let mine: Vec<&Finding> = d
        .findings
        .iter()
        .filter(|f| matches!(&f.location, Location::Project { id, .. } if *id == p.id))
        .collect();
    if !mine.is_empty() {
        ui.separator();
        ui.strong(format!("检查结果（{}）", mine.len()));
        findings_list_ui(ui, &mine);
    }
}
