//! 预算表 pages: 收支总表 and totals, 功能分类 and 经济分类 grids, 三公经费 and 政府采购.

pub mod grids;

use std::collections::HashSet;

use self::grids::{
    EconomicGrid, FunctionalGrid, NamedGrid, ShownRows, UnitIncomeGrid, is_foldable,
    table_findings, visible_rows,
};
use crate::calc::checks::{Finding, TableRef as CheckTable};
use crate::calc::links::settings_of;
use crate::calc::metrics::{MetricSettings, MetricValue, department_metric};
use crate::calc::num::{pct_text, thousands};
use crate::doc::{Edit, Row, TableRef};
use crate::model::{
    Amount, AmountUnit, BudgetBook, DepartmentMetric, HasRowId, RowId, Split, Subject, Workspace,
};
use crate::ui::derived::Derived;
use crate::ui::form;
use crate::ui::grid::{GridAction, grid_ui};
use crate::ui::state::UiState;
use crate::ui::table::{EditableTable, edits_for};
pub(crate) use crate::ui::theme::kind_color;
use crate::ui::view::{Output, View};

// ---- shared page helpers ------------------------------------------------------------------

/// Draws an editable grid under `key` and returns the edits it produced and its actions.
pub(crate) fn table_ui<T: EditableTable>(
    ui: &mut egui::Ui,
    state: &mut UiState,
    key: &str,
    table: &T,
) -> (Vec<GridAction>, Vec<Output>) {
    let gs = state.grids.entry(key.to_owned()).or_default();
    let actions = grid_ui(ui, egui::Id::unique(key), gs, table);
    let edits = edits_for(table, &actions, gs);
    (actions, edits.into_iter().map(Output::Edit).collect())
}

/// Like [`table_ui`], in a box of the given height (several grids on one page).
pub(crate) fn table_box_ui<T: EditableTable>(
    ui: &mut egui::Ui,
    height: f32,
    state: &mut UiState,
    key: &str,
    table: &T,
) -> (Vec<GridAction>, Vec<Output>) {
    let size = egui::vec2(ui.available_width(), height);
    ui.allocate_ui(size, |ui| {
        ui.set_min_height(height);
        table_ui(ui, state, key, table)
    })
    .inner
}

/// A short list of findings (those on a table's own 合计 fields, a form, a project).
pub(crate) fn findings_list_ui(ui: &mut egui::Ui, findings: &[&Finding]) {
    for f in findings {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(kind_color(f.kind), format!("【{}】", f.kind.label()));
            ui.label(&f.message);
        });
    }
}

/// The metric settings for the department metrics of `year`: the profile of that year's
/// department evaluation, else the defaults.
pub fn department_settings(ws: &Workspace, year: i32) -> (MetricSettings, String) {
    ws.evaluations
        .iter()
        .find(|e| e.subject == Subject::Department && e.year == year)
        .or_else(|| {
            ws.evaluations
                .iter()
                .find(|e| e.subject == Subject::Department)
        })
        .map_or_else(
            || (MetricSettings::default(), "默认口径".to_owned()),
            |e| {
                (
                    settings_of(&e.profile),
                    format!("评分方案“{}”", e.profile.name),
                )
            },
        )
}

/// "94.36%", or why there is no value.
pub fn metric_text(m: &MetricValue) -> String {
    match (m.ratio, &m.missing) {
        (Some(r), _) => pct_text(r),
        (None, Some(why)) => format!("—（{why}）"),
        (None, None) => "—".to_owned(),
    }
}

/// Metrics as a read-only table: 指标, 值, 公式, 分子 / 分母.
pub(crate) fn metrics_table_ui(ui: &mut egui::Ui, id: &str, metrics: &[MetricValue]) {
    egui::Grid::new(egui::Id::unique(id))
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            ui.strong("指标");
            ui.strong("值");
            ui.strong("公式");
            ui.strong("分子 / 分母");
            ui.end_row();
            for m in metrics {
                ui.label(m.name);
                ui.strong(metric_text(m));
                ui.label(&m.formula);
                let side =
                    |v: Option<rust_decimal::Decimal>| v.map_or_else(|| "—".to_owned(), thousands);
                ui.label(format!("{} / {}", side(m.numerator), side(m.denominator)));
                ui.end_row();
            }
        });
}

/// The index of the book of `year` in `Workspace::budgets`.
pub fn book_index(ws: &Workspace, year: i32) -> Option<usize> {
    ws.budgets.iter().position(|b| b.year == year)
}

/// An edit replacing the whole book of `year` with a changed copy (small forms whose fields
/// have no edit of their own: 三公经费, 政府采购, printed totals).
pub fn replace_book(
    ws: &Workspace,
    year: i32,
    label: &str,
    change: impl FnOnce(&mut BudgetBook),
) -> Option<Output> {
    let at = book_index(ws, year)?;
    let mut book = ws.budgets.get(at)?.clone();
    change(&mut book);
    Some(Output::Edit((
        Edit::Splice {
            table: TableRef::Books,
            at,
            remove: 1,
            insert: vec![Row::Book(Box::new(book))],
        },
        label.to_owned(),
    )))
}

fn no_book_ui(ui: &mut egui::Ui, year: i32) -> Vec<Output> {
    ui.label(format!("没有 {year} 年度的预算表"));
    Vec::new()
}

fn amount_field(
    ui: &mut egui::Ui,
    state: &mut UiState,
    key: (&str, i32, &str),
    label: &str,
    value: Amount,
    unit: AmountUnit,
) -> Option<Amount> {
    let id = egui::Id::unique((key.0.to_owned(), key.1, key.2.to_owned()));
    form::amount_field(ui, &mut state.fields, id, label, value, unit)
}

// ---- 收支总表 -------------------------------------------------------------------------------

/// 收支总表: department totals (年初/调整/执行 …), the department metrics, income and
/// expenditure lines with their printed totals, and income by unit.
pub fn summary_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    d: &Derived,
    s: &mut UiState,
    year: i32,
) -> Vec<Output> {
    let Some(book) = ws.budget(year) else {
        return no_book_ui(ui, year);
    };
    let mut out = Vec::new();
    ui.heading(format!("{year} 年度 收支总表"));
    ui.label(format!("单位：{}", book.unit.label()));
    egui::ScrollArea::vertical()
        .id_salt(("summary", year))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::CollapsingHeader::new("部门预算总额与调整、执行")
                .id_salt(("summary-totals", year))
                .default_open(true)
                .show(ui, |ui| {
                    if let Some(t) = totals_form_ui(ui, s, book) {
                        out.push(Output::Edit((
                            Edit::Totals {
                                year,
                                totals: Box::new(t),
                            },
                            "修改部门预算总额".to_owned(),
                        )));
                    }
                    findings_list_ui(ui, &table_findings(&d.findings, year, CheckTable::Totals));
                });
            egui::CollapsingHeader::new("部门预算指标")
                .id_salt(("summary-metrics", year))
                .default_open(true)
                .show(ui, |ui| {
                    let (settings, source) = department_settings(ws, year);
                    ui.label(format!(
                        "口径：{source}（预算执行率分母：{}）",
                        settings.execution_base.label()
                    ));
                    let metrics: Vec<MetricValue> = DepartmentMetric::ALL
                        .iter()
                        .map(|m| department_metric(book, &ws.department, *m, settings))
                        .collect();
                    metrics_table_ui(ui, &format!("summary-metrics/{year}"), &metrics);
                });
            ui.separator();
            ui.strong("部门收支总体情况表");
            let income_key = super::grid_key_for(&View::Summary { year });
            let expenditure_key = format!("summary/{year}/expenditure");
            ui.columns(2, |cols| {
                let [left, right] = cols else { return };
                let income = NamedGrid::new(
                    &book.summary.income,
                    TableRef::Income { year },
                    book.unit,
                    "收入项目",
                    "金额",
                );
                out.extend(table_box_ui(left, 300.0, s, &income_key, &income).1);
                if let Some(v) = amount_field(
                    left,
                    s,
                    ("income-total", year, ""),
                    "本年收入合计（公布数）",
                    book.summary.income_total,
                    book.unit,
                ) {
                    out.extend(replace_book(ws, year, "修改本年收入合计", |b| {
                        b.summary.income_total = v;
                    }));
                }
                let expenditure = NamedGrid::new(
                    &book.summary.expenditure,
                    TableRef::Expenditure { year },
                    book.unit,
                    "支出功能分类",
                    "金额",
                );
                out.extend(table_box_ui(right, 300.0, s, &expenditure_key, &expenditure).1);
                if let Some(v) = amount_field(
                    right,
                    s,
                    ("expenditure-total", year, ""),
                    "本年支出合计（公布数）",
                    book.summary.expenditure_total,
                    book.unit,
                ) {
                    out.extend(replace_book(ws, year, "修改本年支出合计", |b| {
                        b.summary.expenditure_total = v;
                    }));
                }
            });
            findings_list_ui(ui, &table_findings(&d.findings, year, CheckTable::Summary));
            ui.separator();
            ui.strong("部门收入总体情况表（按单位）");
            let units = UnitIncomeGrid::new(book, &d.findings);
            out.extend(
                table_box_ui(ui, 240.0, s, &format!("summary/{year}/unit-income"), &units).1,
            );
        });
    out
}

/// The department totals form; returns the changed totals.
fn totals_form_ui(
    ui: &mut egui::Ui,
    s: &mut UiState,
    book: &BudgetBook,
) -> Option<crate::model::DepartmentTotals> {
    let t = &book.totals;
    let year = book.year;
    let unit = book.unit;
    let mut new = t.clone();
    let mut changed = false;
    let splits: [(&str, &str, &Split); 4] = [
        ("initial", "年初预算", &t.initial),
        ("increase", "年中调增", &t.increase),
        ("decrease", "年中调减", &t.decrease),
        ("adjusted", "调整后预算", &t.adjusted),
    ];
    egui::Grid::new(egui::Id::unique(("totals-grid", year)))
        .num_columns(4)
        .show(ui, |ui| {
            for (key, word, split) in splits {
                ui.strong(word);
                for (part, label, value) in [
                    ("total", "合计", split.total),
                    ("basic", "基本支出", split.basic),
                    ("project", "项目支出", split.project),
                ] {
                    let field = format!("{key}.{part}");
                    if let Some(v) =
                        amount_field(ui, s, ("totals", year, &field), label, value, unit)
                    {
                        let target = match key {
                            "initial" => &mut new.initial,
                            "increase" => &mut new.increase,
                            "decrease" => &mut new.decrease,
                            _ => &mut new.adjusted,
                        };
                        match part {
                            "total" => target.total = v,
                            "basic" => target.basic = v,
                            _ => target.project = v,
                        }
                        changed = true;
                    }
                }
                ui.end_row();
            }
        });
    let singles: [(&str, &str, Amount); 7] = [
        ("executed", "执行数（预算完成数）", t.executed),
        ("executed_own", "其中：部门本级", t.executed_own),
        ("executed_transfer", "其中：转移支付", t.executed_transfer),
        ("received", "实际到位资金", t.received),
        ("carryover", "结转结余总额", t.carryover),
        (
            "special_allocated",
            "专项资金：部门参与分配总数",
            t.special_allocated,
        ),
        (
            "special_detailed",
            "专项资金：已细化到市县和承担单位",
            t.special_detailed,
        ),
    ];
    for (key, label, value) in singles {
        if let Some(v) = amount_field(ui, s, ("totals", year, key), label, value, unit) {
            let slot = match key {
                "executed" => &mut new.executed,
                "executed_own" => &mut new.executed_own,
                "executed_transfer" => &mut new.executed_transfer,
                "received" => &mut new.received,
                "carryover" => &mut new.carryover,
                "special_allocated" => &mut new.special_allocated,
                _ => &mut new.special_detailed,
            };
            *slot = v;
            changed = true;
        }
    }
    let notes_id = egui::Id::unique(("totals-notes", year));
    if let Some(v) = form::multiline_field(ui, &mut s.fields, notes_id, "调整说明", &t.notes, 480.0)
    {
        new.notes = v;
        changed = true;
    }
    changed.then_some(new)
}

// ---- 功能分类 -------------------------------------------------------------------------------

/// The 类/款 rows (with rows under them) of a table, for 全部折叠.
fn all_foldable(lines: &[crate::model::FunctionalLine]) -> HashSet<RowId> {
    lines
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            is_foldable(l.level) && lines.get(i + 1).is_some_and(|next| next.level > l.level)
        })
        .map(|(_, l)| l.row_id())
        .collect()
}

/// The 类/款 row a fold of document row `doc` acts on: itself if foldable, else its 款/类.
fn fold_target(lines: &[crate::model::FunctionalLine], doc: usize) -> Option<usize> {
    let line = lines.get(doc)?;
    if is_foldable(line.level) {
        return Some(doc);
    }
    (0..doc).rev().find(|&i| {
        lines
            .get(i)
            .is_some_and(|l| l.level < line.level && is_foldable(l.level))
    })
}

/// A 功能分类 table: 科目编码, 科目名称 and the nine amount columns; 类/款 rows fold; cells
/// whose published value differs from the sum of their rows are flagged with both figures.
pub fn functional_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    d: &Derived,
    s: &mut UiState,
    year: i32,
    table: usize,
) -> Vec<Output> {
    let Some(book) = ws.budget(year) else {
        return no_book_ui(ui, year);
    };
    let Some(t) = book.functional.get(table) else {
        ui.label("功能分类表不存在");
        return Vec::new();
    };
    ui.heading(format!("{year} 年度 {}", t.name));
    if !t.note.trim().is_empty() {
        ui.weak(&t.note);
    }
    let key = super::grid_key_for(&View::Functional { year, table });
    let folded = s.collapsed.get(&(year, table)).cloned().unwrap_or_default();
    let visible = ShownRows::new(&t.lines, &folded);
    let cursor = s.grids.get(&key).map(|g| g.cursor);
    let selected_doc = cursor.and_then(|(r, _)| visible.doc(r));
    let mut new_folded: Option<HashSet<RowId>> = None;
    ui.horizontal(|ui| {
        if ui.button("全部展开").clicked() {
            new_folded = Some(HashSet::new());
        }
        if ui.button("全部折叠").clicked() {
            new_folded = Some(all_foldable(&t.lines));
        }
        let target = selected_doc
            .and_then(|doc| fold_target(&t.lines, doc))
            .and_then(|i| t.lines.get(i))
            .map(HasRowId::row_id);
        let folded_now = target.is_some_and(|i| folded.contains(&i));
        let label = if folded_now {
            "展开所选类/款"
        } else {
            "折叠所选类/款"
        };
        if ui
            .add_enabled(target.is_some(), egui::Button::new(label))
            .clicked()
            && let Some(i) = target
        {
            let mut f = folded.clone();
            if !f.remove(&i) {
                f.insert(i);
            }
            new_folded = Some(f);
        }
        let level = selected_doc
            .and_then(|i| t.lines.get(i))
            .map_or("", |l| l.level.label());
        ui.label(format!(
            "显示 {} / {} 行 · 单位：{}{}",
            visible.len(),
            t.lines.len(),
            book.unit.label(),
            if level.is_empty() {
                String::new()
            } else {
                format!(" · 所选行：{level}")
            }
        ));
    });
    if let Some(f) = new_folded {
        // Keep the selected document row selected where it now shows (or its 类/款).
        let new_visible = visible_rows(&t.lines, &f);
        if let (Some(doc), Some((_, col))) = (selected_doc, cursor) {
            let shown = (0..=doc)
                .rev()
                .find_map(|i| new_visible.iter().position(|&v| v == i));
            if let Some(r) = shown {
                s.grids.entry(key.clone()).or_default().select(r, col);
            }
        }
        s.collapsed.insert((year, table), f);
    }
    let folded = s.collapsed.get(&(year, table)).cloned().unwrap_or_default();
    let grid = FunctionalGrid::new(book, table, &folded, &d.findings);
    table_ui(ui, s, &key, &grid).1
}

// ---- 经济分类 -------------------------------------------------------------------------------

/// An 经济分类 table: 部门/政府科目, 金额, 类别 (人员经费/公用经费, as published), with the
/// table's 合计 row as a small form above it.
pub fn economic_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    d: &Derived,
    s: &mut UiState,
    year: i32,
    table: usize,
) -> Vec<Output> {
    let Some(book) = ws.budget(year) else {
        return no_book_ui(ui, year);
    };
    let Some(t) = book.economic.get(table) else {
        ui.label("经济分类表不存在");
        return Vec::new();
    };
    let mut out = Vec::new();
    ui.heading(format!("{year} 年度 {}", t.name));
    if !t.note.trim().is_empty() {
        ui.weak(&t.note);
    }
    ui.horizontal(|ui| {
        ui.strong("合计行");
        let fields = [
            ("total", "合计", t.total.total),
            ("personnel", "人员经费", t.total.personnel),
            ("public", "公用经费", t.total.public),
        ];
        for (key, label, value) in fields {
            let k = format!("economic-total/{table}/{key}");
            if let Some(v) = amount_field(ui, s, ("economic", year, &k), label, value, book.unit) {
                out.extend(replace_book(ws, year, "修改经济分类合计", |b| {
                    if let Some(e) = b.economic.get_mut(table) {
                        match key {
                            "total" => e.total.total = v,
                            "personnel" => e.total.personnel = v,
                            _ => e.total.public = v,
                        }
                    }
                }));
            }
        }
    });
    findings_list_ui(
        ui,
        &table_findings(&d.findings, year, CheckTable::Economic(table)),
    );
    let key = super::grid_key_for(&View::Economic { year, table });
    let grid = EconomicGrid::new(book, table, &d.findings);
    out.extend(table_ui(ui, s, &key, &grid).1);
    out
}

// ---- 三公经费与政府采购 -----------------------------------------------------------------------

/// 三公经费 and 政府采购 forms, with their metrics (控制率, 执行率) and findings.
pub fn three_public_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    d: &Derived,
    s: &mut UiState,
    year: i32,
) -> Vec<Output> {
    let Some(book) = ws.budget(year) else {
        return no_book_ui(ui, year);
    };
    let mut out = Vec::new();
    let unit = book.unit;
    ui.heading(format!("{year} 年度 三公经费与政府采购"));
    egui::ScrollArea::vertical()
        .id_salt(("three-public", year))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.strong("“三公”经费");
            let tp = &book.three_public;
            let fields: [(&str, &str, Amount); 8] = [
                ("total", "“三公”经费合计", tp.total),
                ("abroad", "因公出国（境）费", tp.abroad),
                ("vehicles", "公务用车购置及运行费", tp.vehicles),
                (
                    "vehicle_purchase",
                    "其中：公务用车购置费",
                    tp.vehicle_purchase,
                ),
                (
                    "vehicle_operation",
                    "其中：公务用车运行费",
                    tp.vehicle_operation,
                ),
                ("reception", "公务接待费", tp.reception),
                ("actual", "三公经费实际支出数", tp.actual),
                ("prior_year", "上年预算数", tp.prior_year),
            ];
            for (key, label, value) in fields {
                if let Some(v) =
                    amount_field(ui, s, ("three-public", year, key), label, value, unit)
                {
                    out.extend(replace_book(ws, year, "修改三公经费", |b| {
                        let t = &mut b.three_public;
                        let slot = match key {
                            "total" => &mut t.total,
                            "abroad" => &mut t.abroad,
                            "vehicles" => &mut t.vehicles,
                            "vehicle_purchase" => &mut t.vehicle_purchase,
                            "vehicle_operation" => &mut t.vehicle_operation,
                            "reception" => &mut t.reception,
                            "actual" => &mut t.actual,
                            _ => &mut t.prior_year,
                        };
                        *slot = v;
                    }));
                }
            }
            findings_list_ui(
                ui,
                &table_findings(&d.findings, year, CheckTable::ThreePublic),
            );
            ui.separator();
            ui.strong("政府采购");
            let p = &book.procurement;
            let fields: [(&str, &str, Amount); 5] = [
                ("budget", "政府采购预算合计", p.budget),
                ("goods", "货物", p.goods),
                ("services", "服务", p.services),
                ("works", "工程", p.works),
                ("actual", "实际政府采购金额", p.actual),
            ];
            for (key, label, value) in fields {
                if let Some(v) = amount_field(ui, s, ("procurement", year, key), label, value, unit)
                {
                    out.extend(replace_book(ws, year, "修改政府采购", |b| {
                        let t = &mut b.procurement;
                        let slot = match key {
                            "budget" => &mut t.budget,
                            "goods" => &mut t.goods,
                            "services" => &mut t.services,
                            "works" => &mut t.works,
                            _ => &mut t.actual,
                        };
                        *slot = v;
                    }));
                }
            }
            findings_list_ui(
                ui,
                &table_findings(&d.findings, year, CheckTable::Procurement),
            );
            ui.separator();
            let (settings, _) = department_settings(ws, year);
            let metrics: Vec<MetricValue> = [
                DepartmentMetric::ThreePublicControlRate,
                DepartmentMetric::ProcurementExecutionRate,
            ]
            .iter()
            .map(|m| department_metric(book, &ws.department, *m, settings))
            .collect();
            metrics_table_ui(ui, &format!("three-public-metrics/{year}"), &metrics);
        });
    out
}
