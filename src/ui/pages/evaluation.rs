//! 评价 page: the indicator sheet as a tree grid, the side editor of the selected row (rule
//! and its parameters, linked actual, 不适用, override with reason), the scoring profile, and
//! the findings and recommendations lists.

use rust_decimal::Decimal;

use super::lists::TextList;
use crate::calc::links::link_label;
use crate::calc::num::{pct_text, plain, round2};
use crate::calc::{NodeScore, ScoreBreakdown};
use crate::doc::{Edit, Row, TableRef};
use crate::model::row_id;
use crate::model::{
    Actual, Comparator, DepartmentMetric, Evaluation, ExecutionBase, HasRowId, Indicator,
    MetricRef, ProjectMetric, QualitativeGrade, Rounding, Rule, ScoreOverride, Target, Workspace,
    parse_number_opt,
};
use crate::ui::derived::Derived;
use crate::ui::form;
use crate::ui::grid::{Align, CellStyle, CellView, ColumnSpec, GridSource, grid_ui};
use crate::ui::state::UiState;
use crate::ui::table::{EditableTable, edits_for};
use crate::ui::view::Output;

/// Columns of the indicator grid.
pub const COLUMNS: [&str; 8] = [
    "指标",
    "分值",
    "指标值",
    "实际完成值",
    "评分规则",
    "得分",
    "得分率",
    "扣分原因/说明",
];
/// Column of 实际完成值 (tests type here).
pub const ACTUAL_COL: usize = 3;
/// Column of 分值.
pub const WEIGHT_COL: usize = 1;

/// The indicator sheet of one evaluation as a grid.
pub struct IndicatorTable<'a> {
    pub ws: &'a Workspace,
    pub ev: &'a Evaluation,
    pub index: usize,
    pub breakdown: Option<&'a ScoreBreakdown>,
    columns: Vec<ColumnSpec>,
}

impl<'a> IndicatorTable<'a> {
    pub fn new(
        ws: &'a Workspace,
        ev: &'a Evaluation,
        index: usize,
        breakdown: Option<&'a ScoreBreakdown>,
    ) -> IndicatorTable<'a> {
        let spec = |h: &str, w: f32, a: Align, e: bool| ColumnSpec {
            header: h.to_owned(),
            width: w,
            align: a,
            editable: e,
        };
        let columns = vec![
            spec(COLUMNS[0], 230.0, Align::Left, true),
            spec(COLUMNS[1], 50.0, Align::Right, true),
            spec(COLUMNS[2], 90.0, Align::Left, true),
            spec(COLUMNS[3], 160.0, Align::Left, true),
            spec(COLUMNS[4], 80.0, Align::Left, false),
            spec(COLUMNS[5], 64.0, Align::Right, false),
            spec(COLUMNS[6], 64.0, Align::Right, false),
            spec(COLUMNS[7], 280.0, Align::Left, true),
        ];
        IndicatorTable {
            ws,
            ev,
            index,
            breakdown,
            columns,
        }
    }

    fn node(&self, row: usize) -> Option<&NodeScore> {
        self.breakdown.and_then(|b| b.nodes.get(row))
    }
}

/// How an actual reads in the grid.
pub fn actual_display(
    ws: &Workspace,
    actual: &Actual,
    node: Option<&NodeScore>,
) -> (String, String) {
    match actual {
        Actual::Typed { text, .. } => (text.clone(), text.clone()),
        Actual::Linked(r) => {
            let v = node
                .and_then(|n| n.actual)
                .map_or_else(|| "—".to_owned(), |v| format!("{}%", round2(v)));
            (format!("{v} ← {}", link_label(ws, r)), v)
        }
    }
}

impl GridSource for IndicatorTable<'_> {
    fn row_count(&self) -> usize {
        self.ev.indicators.len()
    }

    fn columns(&self) -> &[ColumnSpec] {
        &self.columns
    }

    fn cell(&self, row: usize, col: usize) -> CellView {
        let Some(ind) = self.ev.indicators.get(row) else {
            return CellView::default();
        };
        let node = self.node(row);
        let leaf = node.is_none_or(|n| n.is_leaf);
        let strong = if leaf {
            CellStyle::Normal
        } else {
            CellStyle::Strong
        };
        let plain_cell = |s: String, style| CellView {
            display: s.clone(),
            edit: s,
            style,
            ..CellView::default()
        };
        match col {
            0 => CellView {
                indent: ind.level.saturating_sub(1),
                ..plain_cell(ind.name.clone(), strong)
            },
            1 => {
                let mut c = plain_cell(plain(ind.weight), strong);
                if let Some(cw) = self
                    .breakdown
                    .and_then(|b| b.children_weight(row))
                    .filter(|cw| *cw != ind.weight)
                {
                    c.style = CellStyle::Flagged;
                    c.tooltip = Some(format!(
                        "下级分值合计 {}，与本级 {} 不符",
                        plain(cw),
                        plain(ind.weight)
                    ));
                }
                c
            }
            2 if leaf => plain_cell(ind.target.text.clone(), CellStyle::Normal),
            3 if leaf => {
                let (display, edit) = actual_display(self.ws, &ind.actual, node);
                let linked = matches!(ind.actual, Actual::Linked(_));
                CellView {
                    display,
                    edit,
                    style: if linked {
                        CellStyle::Linked
                    } else {
                        CellStyle::Normal
                    },
                    tooltip: linked.then(|| {
                        "链接到预算数据：修改预算表即更新；在此输入数值将取消链接".to_owned()
                    }),
                    ..CellView::default()
                }
            }
            4 if leaf => plain_cell(ind.rule.label().to_owned(), CellStyle::Computed),
            5 => {
                let Some(n) = node else {
                    return CellView::default();
                };
                let mut text = round2(n.score).to_string();
                if n.not_applicable {
                    "不适用".clone_into(&mut text);
                } else if n.overridden {
                    text.push_str("（调）");
                }
                let style = if n.unscored {
                    CellStyle::Flagged
                } else if leaf {
                    CellStyle::Computed
                } else {
                    CellStyle::Strong
                };
                CellView {
                    tooltip: Some(n.explain(self.ev).to_string()),
                    ..plain_cell(text, style)
                }
            }
            6 => {
                let r = node
                    .and_then(NodeScore::rate)
                    .map_or_else(String::new, pct_text);
                plain_cell(r, CellStyle::Computed)
            }
            7 => plain_cell(ind.note.clone(), CellStyle::Normal),
            _ => CellView::default(),
        }
    }

    fn validate(&self, row: usize, col: usize, text: &str) -> Result<(), String> {
        crate::ui::table::validate_in_copy(self, row, col, text)
    }

    fn is_outline(&self) -> bool {
        true
    }
}

impl EditableTable for IndicatorTable<'_> {
    fn table_ref(&self) -> TableRef {
        TableRef::Indicators {
            evaluation: self.index,
        }
    }

    fn doc_index(&self, row: usize) -> usize {
        row
    }

    fn row(&self, row: usize) -> Row {
        Row::Indicator(self.ev.indicators.get(row).cloned().unwrap_or_default())
    }

    fn set(&self, row: &mut Row, col: usize, text: &str) -> Result<(), String> {
        let Row::Indicator(ind) = row else {
            return Err("行类型不符".to_owned());
        };
        match col {
            0 => text.trim().clone_into(&mut ind.name),
            1 => {
                let w = parse_number_opt(text)
                    .map_err(|e| e.to_string())?
                    .unwrap_or(Decimal::ZERO);
                if w < Decimal::ZERO {
                    return Err("分值不能为负数".to_owned());
                }
                ind.weight = w;
            }
            2 => {
                let old_default = Rule::default_for(ind.target.comparator);
                ind.target = Target::parse(text);
                // A rule still at the old comparator's default follows the new comparator.
                if ind.rule == old_default {
                    ind.rule = Rule::default_for(ind.target.comparator);
                }
            }
            3 => ind.actual = Actual::typed(text),
            7 => text.trim().clone_into(&mut ind.note),
            _ => return Err("此列由计算得出，不能直接修改".to_owned()),
        }
        Ok(())
    }

    fn blank_row(&self) -> Row {
        Row::Indicator(Indicator {
            level: 3,
            name: "新指标".to_owned(),
            rule: Rule::default_for(Comparator::AtLeast),
            ..Indicator::default()
        })
    }

    fn shift_level(&self, row: &mut Row, delta: i8) -> bool {
        let Row::Indicator(ind) = row else {
            return false;
        };
        let new = i16::from(ind.level) + i16::from(delta);
        if !(1..=3).contains(&new) {
            return false;
        }
        ind.level = u8::try_from(new).unwrap_or(ind.level);
        true
    }
}

/// Draws the evaluation page.
pub fn evaluation_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    derived: &Derived,
    state: &mut UiState,
    index: usize,
) -> Vec<Output> {
    let mut out = Vec::new();
    let Some(ev) = ws.evaluations.get(index) else {
        ui.label("评价不存在");
        return out;
    };
    let breakdown = derived.breakdowns.get(index);
    ui.horizontal(|ui| {
        ui.heading(&ev.name);
        ui.label(format!(
            "{} · {} 年度 · {}",
            ev.kind.label(),
            ev.year,
            ev.profile.name
        ));
    });
    egui::CollapsingHeader::new("评分方案")
        .id_salt(("profile", index))
        .show(ui, |ui| {
            if let Some(e) = profile_ui(ui, ev, index) {
                out.push(Output::Edit(e));
            }
        });
    let key = super::grid_key_for(&crate::ui::view::View::Evaluation(ev.id.clone()));
    let table = IndicatorTable::new(ws, ev, index, breakdown);
    let tab_id = egui::Id::unique(("evaluation-tab", index));
    let mut tab: u8 = ui.data(|d| d.get_temp(tab_id)).unwrap_or(0);
    egui::Panel::bottom(egui::Id::unique(("eval-bottom", index)))
        .resizable(true)
        .default_size(230.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                for (i, label) in [
                    (0, "指标详情"),
                    (1, "存在问题"),
                    (2, "相关建议"),
                    (3, "年度目标与偏差分析"),
                ] {
                    if ui.selectable_label(tab == i, label).clicked() {
                        tab = i;
                    }
                }
            });
            ui.separator();
            if tab == 0 {
                // The selected row by its id (the first row while none is selected).
                let sel = match state.selected_indicator.get(&ev.id) {
                    Some(id) => row_id::position(&ev.indicators, *id),
                    None => Some(0),
                };
                egui::ScrollArea::vertical()
                    .id_salt(("editor", index))
                    .show(ui, |ui| {
                        let Some(sel) = sel else {
                            ui.label("所选的指标行已删除：请在表格中另选一行。");
                            return;
                        };
                        if let Some(e) =
                            side_editor_ui(ui, ws, ev, index, sel, breakdown, &mut state.fields)
                        {
                            out.push(Output::Edit(e));
                        }
                    });
            } else if tab == 3 {
                egui::ScrollArea::vertical()
                    .id_salt(("goals", index))
                    .show(ui, |ui| {
                        if let Some(e) = goals_ui(ui, ev, index, &mut state.fields) {
                            out.push(Output::Edit(e));
                        }
                    });
            } else {
                let (items, table_ref, header) = if tab == 1 {
                    (
                        &ev.findings,
                        TableRef::Findings { evaluation: index },
                        "存在问题",
                    )
                } else {
                    (
                        &ev.recommendations,
                        TableRef::Recommendations { evaluation: index },
                        "相关建议",
                    )
                };
                let list = TextList::new(items, table_ref, header);
                let gkey = format!("evaluation/{}/{header}", ev.id);
                let gs = state.grids.entry(gkey.clone()).or_default();
                let actions = grid_ui(ui, egui::Id::unique(gkey), gs, &list);
                for e in edits_for(&list, &actions, gs) {
                    out.push(Output::Edit(e));
                }
            }
        });
    ui.data_mut(|d| d.insert_temp(tab_id, tab));
    egui::CentralPanel::default().show(ui, |ui| {
        let gs = state.grids.entry(key.clone()).or_default();
        let actions = grid_ui(ui, egui::Id::unique(&key), gs, &table);
        for a in &actions {
            if let crate::ui::grid::GridAction::Selected { row, .. } = a
                && let Some(ind) = ev.indicators.get(*row)
            {
                state.selected_indicator.insert(ev.id.clone(), ind.row_id());
            }
        }
        let gs = state.grids.entry(key).or_default();
        for e in edits_for(&table, &actions, gs) {
            out.push(Output::Edit(e));
        }
    });
    out
}

fn set_indicator(index: usize, row: usize, ind: Indicator, label: &str) -> (Edit, String) {
    (
        Edit::set_row(
            TableRef::Indicators { evaluation: index },
            row,
            Row::Indicator(ind),
        ),
        label.to_owned(),
    )
}

/// The metrics an actual can link to, with their labels.
fn link_choices(ws: &Workspace, ev: &Evaluation) -> Vec<(MetricRef, String)> {
    let mut v = Vec::new();
    for b in &ws.budgets {
        for m in DepartmentMetric::ALL {
            let r = MetricRef::Department {
                year: b.year,
                metric: m,
            };
            v.push((r.clone(), link_label(ws, &r)));
        }
    }
    let mut projects: Vec<&crate::model::Project> = ws.projects.iter().collect();
    if let crate::model::Subject::Project(id) = &ev.subject {
        projects.sort_by_key(|p| &p.id != id);
    }
    for p in projects {
        for m in ProjectMetric::ALL {
            let r = MetricRef::Project {
                project: p.id.clone(),
                metric: m,
            };
            v.push((r.clone(), link_label(ws, &r)));
        }
    }
    v
}

fn rule_choices(current: &Rule) -> Vec<Rule> {
    let mut v = vec![
        Rule::Proportional,
        Rule::Inverse,
        Rule::Deviation {
            tolerance: Decimal::ZERO,
        },
        Rule::Threshold { met: None },
        Rule::Bands { bands: Vec::new() },
        Rule::Qualitative {
            grade: QualitativeGrade::Achieved,
            share_pct: None,
        },
        Rule::QualitativeText,
        Rule::Deductions { items: Vec::new() },
        Rule::LinearDeduction {
            threshold: Decimal::ZERO,
            points_per_step: Decimal::ZERO,
            step: Decimal::ONE,
        },
        Rule::ExecutionRate,
        Rule::Manual {
            score: None,
            reason: String::new(),
        },
    ];
    for r in &mut v {
        if r.label() == current.label() {
            r.clone_from(current);
        }
    }
    v
}

/// The editor of the selected indicator; returns an edit when something was changed.
fn side_editor_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    ev: &Evaluation,
    index: usize,
    row: usize,
    breakdown: Option<&ScoreBreakdown>,
    fields: &mut form::Buffers,
) -> Option<(Edit, String)> {
    let ind = ev.indicators.get(row)?;
    let node = breakdown.and_then(|b| b.nodes.get(row));
    let mut edit = None;
    let id = |s: &str| egui::Id::unique(("ind-editor", index, ind.row_id(), s.to_owned()));
    ui.heading(format!("第 {} 行：{}", row + 1, ind.name));
    if let Some(n) = node {
        ui.label(format!(
            "得分 {} / {}",
            round2(n.score),
            plain(n.applicable_weight)
        ));
        ui.label(egui::RichText::new(n.explain(ev).to_string()).italics());
    }
    ui.separator();
    let mut new = ind.clone();
    if ui
        .checkbox(&mut new.not_applicable, "不适用（不计分，其余按满分折算）")
        .changed()
    {
        edit = Some(set_indicator(index, row, new.clone(), "不适用"));
    }
    if node.is_some_and(|n| !n.is_leaf) {
        ui.label("上级指标：得分为下级指标得分之和。");
    } else {
        // Rule and its parameters.
        ui.horizontal(|ui| {
            egui::ComboBox::new(id("rule"), "评分规则")
                .selected_text(ind.rule.label())
                .show_ui(ui, |ui| {
                    for r in rule_choices(&ind.rule) {
                        let label = r.label();
                        if ui
                            .selectable_label(ind.rule.label() == label, label)
                            .clicked()
                            && ind.rule.label() != label
                        {
                            let mut n = ind.clone();
                            n.rule = r;
                            edit = Some(set_indicator(index, row, n, "更改评分规则"));
                        }
                    }
                });
        });
        if let Some(rule) = rule_params_ui(ui, &ind.rule, fields, &id) {
            let mut n = ind.clone();
            n.rule = rule;
            edit = Some(set_indicator(index, row, n, "修改规则参数"));
        }
        // Actual: typed or linked.
        ui.separator();
        ui.label("实际完成值");
        let current = match &ind.actual {
            Actual::Linked(r) => link_label(ws, r),
            Actual::Typed { .. } => "手工填写".to_owned(),
        };
        egui::ComboBox::new(id("link"), "来源")
            .selected_text(current)
            .width(220.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(matches!(ind.actual, Actual::Typed { .. }), "手工填写")
                    .clicked()
                    && matches!(ind.actual, Actual::Linked(_))
                {
                    let mut n = ind.clone();
                    n.actual = Actual::default();
                    edit = Some(set_indicator(index, row, n, "取消链接"));
                }
                for (r, label) in link_choices(ws, ev) {
                    let selected = ind.actual == Actual::Linked(r.clone());
                    if ui.selectable_label(selected, &label).clicked() && !selected {
                        let mut n = ind.clone();
                        n.actual = Actual::Linked(r);
                        edit = Some(set_indicator(index, row, n, "链接实际完成值"));
                    }
                }
            });
    }
    // Override with a mandatory reason.
    ui.separator();
    ui.label("人工调整得分（须填写理由）");
    let o = ind.score_override.clone().unwrap_or_default();
    let score_id = id("override-score");
    let reason_id = id("override-reason");
    if let Some(v) = form::decimal_field(
        ui,
        fields,
        score_id,
        "调整后得分",
        ind.score_override.as_ref().map(|o| o.score),
    ) {
        let mut n = ind.clone();
        n.score_override = v.map(|score| ScoreOverride {
            score,
            reason: o.reason.clone(),
        });
        edit = Some(set_indicator(index, row, n, "人工调整得分"));
    }
    if let Some(reason) = form::text_field(ui, fields, reason_id, "理由", &o.reason, 200.0) {
        let mut n = ind.clone();
        if let Some(ov) = &mut n.score_override {
            ov.reason = reason;
        }
        edit = Some(set_indicator(index, row, n, "调整理由"));
    }
    if ind
        .score_override
        .as_ref()
        .is_some_and(|o| o.reason.trim().is_empty())
    {
        ui.colored_label(egui::Color32::from_rgb(200, 40, 40), "人工调整必须填写理由");
    }
    if let Some(ev_text) =
        form::multiline_field(ui, fields, id("evidence"), "佐证材料", &ind.evidence, 220.0)
    {
        let mut n = ind.clone();
        n.evidence = ev_text;
        edit = Some(set_indicator(index, row, n, "佐证材料"));
    }
    edit
}

/// Parameters of the rules that have some; returns the changed rule.
fn rule_params_ui(
    ui: &mut egui::Ui,
    rule: &Rule,
    fields: &mut form::Buffers,
    id: &dyn Fn(&str) -> egui::Id,
) -> Option<Rule> {
    let mut changed = None;
    match rule {
        Rule::Deviation { tolerance } => {
            if let Some(v) =
                form::decimal_field(ui, fields, id("tolerance"), "允许偏差", Some(*tolerance))
            {
                changed = Some(Rule::Deviation {
                    tolerance: v.unwrap_or_default(),
                });
            }
        }
        Rule::Threshold { met } => {
            ui.horizontal(|ui| {
                ui.label("定性指标是否达标");
                for (label, v) in [
                    ("达标", Some(true)),
                    ("未达标", Some(false)),
                    ("按数值判断", None),
                ] {
                    if ui.radio(*met == v, label).clicked() && *met != v {
                        changed = Some(Rule::Threshold { met: v });
                    }
                }
            });
        }
        Rule::QualitativeText => {
            // The evaluator's judgement: choosing a band turns the row into 定性分档.
            ui.horizontal(|ui| {
                ui.label("评价人判定");
                for g in [
                    QualitativeGrade::Achieved,
                    QualitativeGrade::Partial,
                    QualitativeGrade::NotAchieved,
                ] {
                    if ui.button(g.label()).clicked() {
                        changed = Some(Rule::Qualitative {
                            grade: g,
                            share_pct: None,
                        });
                    }
                }
            });
        }
        Rule::Qualitative { grade, share_pct } => {
            ui.horizontal(|ui| {
                for g in [
                    QualitativeGrade::Achieved,
                    QualitativeGrade::Partial,
                    QualitativeGrade::NotAchieved,
                ] {
                    if ui.radio(*grade == g, g.label()).clicked() && *grade != g {
                        changed = Some(Rule::Qualitative {
                            grade: g,
                            share_pct: None,
                        });
                    }
                }
            });
            if let Some(v) = form::decimal_field(
                ui,
                fields,
                id("share"),
                "得分比例（%，空=档内最高）",
                *share_pct,
            ) {
                changed = Some(Rule::Qualitative {
                    grade: *grade,
                    share_pct: v,
                });
            }
        }
        Rule::LinearDeduction {
            threshold,
            points_per_step,
            step,
        } => {
            if let Some(v) =
                form::decimal_field(ui, fields, id("lin-threshold"), "起扣值", Some(*threshold))
            {
                changed = Some(Rule::LinearDeduction {
                    threshold: v.unwrap_or_default(),
                    points_per_step: *points_per_step,
                    step: *step,
                });
            }
            if let Some(v) = form::decimal_field(
                ui,
                fields,
                id("lin-points"),
                "每档扣分",
                Some(*points_per_step),
            ) {
                changed = Some(Rule::LinearDeduction {
                    threshold: *threshold,
                    points_per_step: v.unwrap_or_default(),
                    step: *step,
                });
            }
            if let Some(v) =
                form::decimal_field(ui, fields, id("lin-step"), "每档宽度", Some(*step))
            {
                changed = Some(Rule::LinearDeduction {
                    threshold: *threshold,
                    points_per_step: *points_per_step,
                    step: v.unwrap_or(Decimal::ONE),
                });
            }
        }
        Rule::Deductions { items } => {
            ui.label("扣分项");
            for (i, d) in items.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.label(format!("−{} {}", plain(d.points), d.reason));
                    if ui.small_button("删除").clicked() {
                        let mut v = items.clone();
                        v.remove(i);
                        changed = Some(Rule::Deductions { items: v });
                    }
                });
            }
            let pts_id = id("new-ded-points");
            let reason_id = id("new-ded-reason");
            ui.horizontal(|ui| {
                let pts = fields.entry(pts_id).or_default();
                ui.add(
                    egui::TextEdit::singleline(pts)
                        .desired_width(50.0)
                        .hint_text("分"),
                );
            });
            ui.horizontal(|ui| {
                let reason = fields.entry(reason_id).or_default();
                ui.add(
                    egui::TextEdit::singleline(reason)
                        .desired_width(180.0)
                        .hint_text("扣分原因"),
                );
            });
            if ui.button("添加扣分项").clicked() {
                let pts = fields.get(&pts_id).cloned().unwrap_or_default();
                let reason = fields.get(&reason_id).cloned().unwrap_or_default();
                match parse_number_opt(&pts) {
                    Ok(Some(p)) if !reason.trim().is_empty() => {
                        let mut v = items.clone();
                        v.push(crate::model::Deduction {
                            reason: reason.trim().to_owned(),
                            points: p,
                        });
                        changed = Some(Rule::Deductions { items: v });
                        fields.remove(&pts_id);
                        fields.remove(&reason_id);
                    }
                    _ => {
                        ui.colored_label(egui::Color32::RED, "请填写扣分数值和原因");
                    }
                }
            }
        }
        Rule::Manual { score, reason } => {
            if let Some(v) = form::decimal_field(ui, fields, id("manual-score"), "评分", *score) {
                changed = Some(Rule::Manual {
                    score: v,
                    reason: reason.clone(),
                });
            }
            if let Some(r) = form::text_field(
                ui,
                fields,
                id("manual-reason"),
                "理由（必填）",
                reason,
                180.0,
            ) {
                changed = Some(Rule::Manual {
                    score: *score,
                    reason: r,
                });
            }
        }
        Rule::Bands { bands } => {
            ui.label("档次（达到阈值 → 分值比例%）");
            for (i, b) in bands.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.label(format!("{} → {}%", plain(b.threshold), plain(b.share_pct)));
                    if ui.small_button("删除").clicked() {
                        let mut v = bands.clone();
                        v.remove(i);
                        changed = Some(Rule::Bands { bands: v });
                    }
                });
            }
            let tid = id("band-threshold");
            let sid = id("band-share");
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(fields.entry(tid).or_default())
                        .desired_width(60.0)
                        .hint_text("阈值"),
                );
                ui.add(
                    egui::TextEdit::singleline(fields.entry(sid).or_default())
                        .desired_width(60.0)
                        .hint_text("比例%"),
                );
                if ui.button("添加档次").clicked()
                    && let (Ok(Some(t)), Ok(Some(s))) = (
                        parse_number_opt(&fields.get(&tid).cloned().unwrap_or_default()),
                        parse_number_opt(&fields.get(&sid).cloned().unwrap_or_default()),
                    )
                {
                    let mut v = bands.clone();
                    v.push(crate::model::Band {
                        threshold: t,
                        share_pct: s,
                    });
                    changed = Some(Rule::Bands { bands: v });
                }
            });
        }
        Rule::Proportional | Rule::Inverse | Rule::ExecutionRate => {}
    }
    changed
}

/// The scoring profile settings; returns an edit replacing the evaluation when changed.
/// 年度总体目标 (预期目标, 实际完成情况) and 偏差原因分析及改进措施, as the 自评表 prints them.
fn goals_ui(
    ui: &mut egui::Ui,
    ev: &Evaluation,
    index: usize,
    fields: &mut form::Buffers,
) -> Option<(Edit, String)> {
    let mut e = ev.clone();
    let mut changed = false;
    let id = |k: &str| egui::Id::unique(("eval-goals", index, k.to_owned()));
    let width = (ui.available_width() - 160.0).max(240.0);
    for (key, label) in [
        ("expected", "年度总体目标：预期目标"),
        ("actual", "年度总体目标：实际完成情况"),
        ("deviation", "偏差原因分析及改进措施"),
    ] {
        let value = match key {
            "expected" => &ev.goal_expected,
            "actual" => &ev.goal_actual,
            _ => &ev.deviation_analysis,
        };
        if let Some(v) = form::multiline_field(ui, fields, id(key), label, value, width) {
            match key {
                "expected" => e.goal_expected = v,
                "actual" => e.goal_actual = v,
                _ => e.deviation_analysis = v,
            }
            changed = true;
        }
    }
    changed.then(|| {
        (
            Edit::set_row(TableRef::Evaluations, index, Row::Evaluation(Box::new(e))),
            "修改年度目标与偏差分析".to_owned(),
        )
    })
}

fn profile_ui(ui: &mut egui::Ui, ev: &Evaluation, index: usize) -> Option<(Edit, String)> {
    let mut p = ev.profile.clone();
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.label("套用内置方案");
        egui::ComboBox::from_id_salt(("profile-preset", index))
            .selected_text(p.name.clone())
            .show_ui(ui, |ui| {
                for preset in crate::model::ScoringProfile::presets() {
                    if ui
                        .selectable_label(preset.name == p.name, &preset.name)
                        .clicked()
                    {
                        p = preset;
                        changed = true;
                    }
                }
            });
    });
    ui.horizontal(|ui| {
        ui.label("得分取整");
        changed |= ui
            .radio_value(&mut p.rounding, Rounding::Cents, "保留两位小数")
            .changed();
        changed |= ui
            .radio_value(&mut p.rounding, Rounding::WholePoints, "取整数")
            .changed();
    });
    ui.horizontal(|ui| {
        ui.label("预算执行率分母");
        for b in [
            ExecutionBase::Adjusted,
            ExecutionBase::Initial,
            ExecutionBase::Received,
        ] {
            changed |= ui
                .radio_value(&mut p.execution_base, b, b.label())
                .changed();
        }
    });
    ui.horizontal(|ui| {
        ui.label("等级");
        for g in &p.grades {
            ui.label(format!("≥{} {}", plain(g.min), g.label));
        }
    });
    if changed {
        let mut e = ev.clone();
        e.profile = p;
        return Some((
            Edit::set_row(TableRef::Evaluations, index, Row::Evaluation(Box::new(e))),
            "修改评分方案".to_owned(),
        ));
    }
    None
}
