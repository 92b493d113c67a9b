//! 执行与拨付 page of a year: the department chart of every project's 执行率 and 拨付率,
//! sortable, with the warning settings (bands, reference line) and a table of exact rates.

use egui_extras::{Column, TableBuilder};
use rust_decimal::Decimal;

use crate::calc::num::opt_pct_text;
use crate::calc::series::fiscal_year_of;
use crate::doc::Edit;
use crate::model::{Meta, Workspace};
use crate::ui::charts::department::{BarItem, SortBy, department_chart_ui, sort_items};
use crate::ui::charts::state_label_ui;
use crate::ui::derived::Derived;
use crate::ui::form;
use crate::ui::state::UiState;
use crate::ui::view::{Output, View};

fn sort_id(year: i32) -> egui::Id {
    egui::Id::unique(("department-progress-sort", year))
}

/// The project name shown (its id when it has none).
pub fn display_name(p: &crate::model::Project) -> &str {
    if p.name.trim().is_empty() {
        &p.id
    } else {
        &p.name
    }
}

/// Draws the page.
pub fn department_progress_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    derived: &Derived,
    state: &mut UiState,
    year: i32,
) -> Vec<Output> {
    let mut out = Vec::new();
    let ctx = ui.ctx().clone();
    let mut sort: SortBy = ctx.data(|d| d.get_temp(sort_id(year))).unwrap_or_default();
    ui.horizontal(|ui| {
        ui.heading(format!("{year} 年度项目执行与拨付"));
        let label = ui.label("排序");
        egui::ComboBox::from_id_salt(("department-progress-sort-box", year))
            .selected_text(sort.label())
            .show_ui(ui, |ui| {
                for s in SortBy::ALL {
                    if ui.selectable_label(sort == s, s.label()).clicked() {
                        sort = s;
                    }
                }
            })
            .response
            .labelled_by(label.id);
        ctx.data_mut(|d| d.insert_temp(sort_id(year), sort));
    });
    ui.weak(
        "年末执行率（执行数 ÷ 评分方案的预算口径）与拨付率（拨付至最终受益对象 ÷ 应拨付资金）；\
         颜色为各自的预警状态（年末序时进度为 100%）。点击柱子打开项目。",
    );

    let mut items: Vec<BarItem> = ws
        .projects
        .iter()
        .enumerate()
        .filter(|(_, p)| fiscal_year_of(ws, p) == year)
        .filter_map(|(i, p)| {
            Some(BarItem {
                project: i,
                name: display_name(p),
                progress: derived.progress.projects.get(i)?,
            })
        })
        .collect();
    sort_items(&mut items, sort);
    if items.is_empty() {
        ui.label("这一年度没有项目。");
        return out;
    }
    if items.iter().all(|i| i.progress.bars == [None, None]) {
        ui.weak("这一年度的项目还没有可计算的执行率或拨付率（缺少执行数、拨付记录或预算）。");
    }
    let settings = &ws.meta.progress;
    let height = (ui.available_height() * 0.55).max(220.0);
    if let Some(p) = department_chart_ui(
        ui,
        &items,
        &settings.bands,
        settings.reference_rate_pct,
        height,
    ) && let Some(p) = ws.projects.get(p)
    {
        out.push(Output::Navigate(View::Project(p.id.clone()), None));
    }

    ui.horizontal(|ui| {
        ui.strong("预警设置");
        let bands = &settings.bands;
        let fields = [
            (
                "red",
                "红色预警：执行进度低于序时进度的（%）",
                bands.red_below_pct,
            ),
            ("yellow", "黄色预警：低于（%）", bands.yellow_below_pct),
            ("reference", "参考线（%）", settings.reference_rate_pct),
        ];
        for (key, label, value) in fields {
            let id = egui::Id::unique(("progress-settings", key));
            if let Some(Some(v)) =
                form::decimal_field(ui, &mut state.fields, id, label, Some(value))
            {
                if let Some(edit) = settings_edit(&ws.meta, key, v) {
                    out.push(Output::Edit(edit));
                } else {
                    out.push(Output::Status(
                        "预警区间须满足 0 ≤ 红色 ≤ 黄色，参考线须大于 0".to_owned(),
                    ));
                }
            }
        }
    });

    ui.separator();
    rates_table_ui(ui, ws, &items, year, &mut out);
    out
}

/// The exact rates under the chart, one virtual row per project (only visible rows are laid out).
fn rates_table_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    items: &[BarItem<'_>],
    year: i32,
    out: &mut Vec<Output>,
) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    TableBuilder::new(ui)
        .id_salt(("department-progress-table", year))
        .striped(true)
        .auto_shrink([false, false])
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(
            Column::initial(260.0)
                .at_least(80.0)
                .clip(true)
                .resizable(true),
        )
        .columns(Column::exact(90.0), 4)
        .header(row_height, |mut h| {
            for title in ["项目", "执行率", "预警", "拨付率", "预警"] {
                h.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, items.len(), |mut row| {
                let Some(it) = items.get(row.index()) else {
                    return;
                };
                let r = &it.progress.rates;
                row.col(|ui| {
                    if ui.link(it.name).clicked()
                        && let Some(p) = ws.projects.get(it.project)
                    {
                        out.push(Output::Navigate(View::Project(p.id.clone()), None));
                    }
                });
                row.col(|ui| {
                    ui.label(opt_pct_text(r.execution_rate));
                });
                row.col(|ui| {
                    state_label_ui(ui, r.execution_state);
                });
                row.col(|ui| {
                    ui.label(opt_pct_text(r.disbursement_rate));
                });
                row.col(|ui| {
                    state_label_ui(ui, r.disbursement_state);
                });
            });
        });
}

/// The edit that sets one progress setting, or `None` when the result would be invalid.
pub fn settings_edit(meta: &Meta, key: &str, v: Decimal) -> Option<(Edit, String)> {
    let mut m = meta.clone();
    let p = &mut m.progress;
    match key {
        "red" => p.bands.red_below_pct = v,
        "yellow" => p.bands.yellow_below_pct = v,
        _ => p.reference_rate_pct = v,
    }
    let valid = p.bands.red_below_pct >= Decimal::ZERO
        && p.bands.red_below_pct <= p.bands.yellow_below_pct
        && p.reference_rate_pct > Decimal::ZERO;
    valid.then(|| (Edit::Meta(m), "修改预警设置".to_owned()))
}
