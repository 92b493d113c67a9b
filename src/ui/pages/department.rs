//! 部门概况 page: the workspace's description and the department profile.

use super::lists::TextList;
use crate::doc::{Edit, TableRef};
use crate::model::Workspace;
use crate::ui::form;
use crate::ui::grid::grid_ui;
use crate::ui::state::UiState;
use crate::ui::table::edits_for;
use crate::ui::view::Output;

/// Draws the page.
pub fn department_ui(ui: &mut egui::Ui, ws: &Workspace, state: &mut UiState) -> Vec<Output> {
    let mut out = Vec::new();
    let f = &mut state.fields;
    let id = |s: &str| egui::Id::unique(("department", s.to_owned()));
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading("工作区");
        let m = &ws.meta;
        let mut meta = m.clone();
        let mut changed = false;
        if let Some(v) = form::text_field(ui, f, id("title"), "标题", &m.title, 360.0) {
            meta.title = v;
            changed = true;
        }
        if let Some(v) = form::count_field(
            ui,
            f,
            id("year"),
            "评价年度",
            u32::try_from(m.fiscal_year).ok(),
        ) {
            meta.fiscal_year = v
                .and_then(|y| i32::try_from(y).ok())
                .unwrap_or(m.fiscal_year);
            changed = true;
        }
        if let Some(v) = form::text_field(ui, f, id("evaluator"), "评价人", &m.evaluator, 200.0)
        {
            meta.evaluator = v;
            changed = true;
        }
        if let Some(v) = form::text_field(ui, f, id("org"), "评价机构", &m.organization, 300.0)
        {
            meta.organization = v;
            changed = true;
        }
        if let Some(v) = form::multiline_field(ui, f, id("notes"), "备注", &m.notes, 480.0) {
            meta.notes = v;
            changed = true;
        }
        if changed {
            out.push(Output::Edit((
                Edit::Meta(meta),
                "修改工作区信息".to_owned(),
            )));
        }

        ui.separator();
        ui.heading("部门概况");
        let d = &ws.department;
        let mut dept = d.clone();
        let mut changed = false;
        if let Some(v) = form::text_field(ui, f, id("name"), "部门名称", &d.name, 300.0) {
            dept.name = v;
            changed = true;
        }
        if let Some(v) = form::text_field(ui, f, id("code"), "部门代码", &d.code, 100.0) {
            dept.code = v;
            changed = true;
        }
        let h = &d.headcount;
        let counts: [(&str, &str, Option<u32>); 5] = [
            ("authorized", "编制数", h.authorized),
            ("admin", "其中行政编制", h.authorized_admin),
            ("institution", "其中事业编制", h.authorized_institution),
            ("on_duty", "在职人数", h.on_duty),
            ("retired", "离退休人数", h.retired),
        ];
        for (key, label, value) in counts {
            if let Some(v) = form::count_field(ui, f, id(key), label, value) {
                let slot = match key {
                    "authorized" => &mut dept.headcount.authorized,
                    "admin" => &mut dept.headcount.authorized_admin,
                    "institution" => &mut dept.headcount.authorized_institution,
                    "on_duty" => &mut dept.headcount.on_duty,
                    _ => &mut dept.headcount.retired,
                };
                *slot = v;
                changed = true;
            }
        }
        if let Some(v) = form::count_field(ui, f, id("internal"), "内设机构数", d.internal_units)
        {
            dept.internal_units = v;
            changed = true;
        }
        if let Some(v) =
            form::count_field(ui, f, id("subordinate"), "下属单位数", d.subordinate_units)
        {
            dept.subordinate_units = v;
            changed = true;
        }
        if let Some(v) = form::multiline_field(ui, f, id("duties"), "部门职责", &d.duties, 480.0)
        {
            dept.duties = v;
            changed = true;
        }
        if changed {
            out.push(Output::Edit((
                Edit::Department(dept),
                "修改部门概况".to_owned(),
            )));
        }
        ui.separator();
        ui.strong("年度重点工作任务");
        let list = TextList::new(&d.key_tasks, TableRef::KeyTasks, "重点工作任务");
        let key = super::grid_key_for(&crate::ui::view::View::Department);
        let gs = state.grids.entry(key.clone()).or_default();
        let actions = grid_ui(ui, egui::Id::unique(key), gs, &list);
        for e in edits_for(&list, &actions, gs) {
            out.push(Output::Edit(e));
        }
    });
    out
}
