//! 新建评价: a new evaluation from a built-in template, for the department or a chosen project,
//! with the template's scoring profile (editable afterwards on the evaluation page).

use crate::doc::{Edit, Row, TableRef};
use crate::model::{Evaluation, EvaluationTemplate, Subject, Workspace};

/// The form's state.
#[derive(Clone, Debug)]
pub struct NewEvaluation {
    pub templates: Vec<EvaluationTemplate>,
    pub template: usize,
    /// `None`: the department; `Some(i)`: project i of the workspace.
    pub project: Option<usize>,
    pub year: i32,
    pub name: String,
    pub error: Option<String>,
}

/// What the user did with the form this frame.
#[derive(Debug)]
pub enum NewEvaluationResult {
    Pending,
    Cancelled,
    /// The edit adding the evaluation, and its index once added.
    Create(Edit, String),
}

impl NewEvaluation {
    pub fn new(ws: &Workspace) -> NewEvaluation {
        let (templates, _) = crate::templates::builtin();
        let year = if ws.meta.fiscal_year > 0 {
            ws.meta.fiscal_year
        } else {
            2024
        };
        NewEvaluation {
            templates,
            template: 0,
            project: None,
            year,
            name: String::new(),
            error: None,
        }
    }

    /// The evaluation the form describes, ready to add.
    pub fn build(&self, ws: &Workspace) -> Result<Evaluation, String> {
        let t = self.templates.get(self.template).ok_or("请选择模板")?;
        let subject = match self.project {
            None => Subject::Department,
            Some(i) => Subject::Project(ws.projects.get(i).ok_or("所选项目不存在")?.id.clone()),
        };
        let subject_name = match self.project.and_then(|i| ws.projects.get(i)) {
            Some(p) => p.name.clone(),
            None => ws.department.name.clone(),
        };
        let name = if self.name.trim().is_empty() {
            format!("{}{} 年度{}", subject_name, self.year, t.kind.label())
        } else {
            self.name.trim().to_owned()
        };
        let mut id = format!("{}-eval-{}", self.year, ws.evaluations.len() + 1);
        let mut n = ws.evaluations.len() + 1;
        while ws.evaluations.iter().any(|e| e.id == id) {
            n += 1;
            id = format!("{}-eval-{n}", self.year);
        }
        Ok(Evaluation {
            id,
            name,
            year: self.year,
            indicators: t.instantiate(self.year, &subject),
            subject,
            kind: t.kind,
            profile: t.profile.clone(),
            evaluator: ws.meta.evaluator.clone(),
            notes: format!("由模板“{}”新建（{}）", t.name, t.source),
            ..Evaluation::default()
        })
    }

    /// Draws the form in a modal.
    pub fn ui(&mut self, ctx: &egui::Context, ws: &Workspace) -> NewEvaluationResult {
        let mut result = NewEvaluationResult::Pending;
        egui::Modal::new(egui::Id::unique("new-evaluation")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading("新建评价");
            let current = self
                .templates
                .get(self.template)
                .map_or("", |t| t.name.as_str())
                .to_owned();
            egui::ComboBox::new("new-eval-template", "模板")
                .selected_text(current)
                .width(320.0)
                .show_ui(ui, |ui| {
                    for (i, t) in self.templates.iter().enumerate() {
                        ui.selectable_value(&mut self.template, i, &t.name);
                    }
                });
            let subject = match self.project.and_then(|i| ws.projects.get(i)) {
                Some(p) => format!("项目：{}（{}）", p.name, p.year),
                None => "部门整体".to_owned(),
            };
            egui::ComboBox::new("new-eval-subject", "评价对象")
                .selected_text(subject)
                .width(320.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.project, None, "部门整体");
                    for (i, p) in ws.projects.iter().enumerate() {
                        ui.selectable_value(
                            &mut self.project,
                            Some(i),
                            format!("项目：{}（{}）", p.name, p.year),
                        );
                    }
                });
            ui.horizontal(|ui| {
                let l = ui.label("年度");
                ui.add(egui::DragValue::new(&mut self.year).range(1990..=2100))
                    .labelled_by(l.id);
            });
            ui.horizontal(|ui| {
                let l = ui.label("评价名称（可留空自动命名）");
                ui.add(egui::TextEdit::singleline(&mut self.name).desired_width(300.0))
                    .labelled_by(l.id);
            });
            if let Some(t) = self.templates.get(self.template) {
                ui.label(format!(
                    "评分方案：{}；{} 行指标",
                    t.profile.name,
                    t.indicators.len()
                ));
            }
            if let Some(e) = &self.error {
                ui.colored_label(egui::Color32::from_rgb(200, 40, 40), e);
            }
            ui.horizontal(|ui| {
                if ui.button("创建").clicked() {
                    match self.build(ws) {
                        Ok(ev) => {
                            let at = ws.evaluations.len();
                            let id = ev.id.clone();
                            let edit = Edit::Splice {
                                table: TableRef::Evaluations,
                                at,
                                remove: 0,
                                insert: vec![Row::Evaluation(Box::new(ev))],
                            };
                            result = NewEvaluationResult::Create(edit, id);
                        }
                        Err(e) => self.error = Some(e),
                    }
                }
                if ui.button("取消").clicked() {
                    result = NewEvaluationResult::Cancelled;
                }
            });
        });
        result
    }
}
