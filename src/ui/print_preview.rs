//! 打印预览: the laid-out pages of the score summary drawn with egui's painter, from the same
//! `report::page::Document` the PDF writer draws, so the preview is what will print.

use crate::model::{EvaluationKind, Workspace};
use crate::report::font::FontMetrics;
use crate::report::page::{Document, Item, Page, Rgb};
use crate::report::{ReportLayout, ReportOptions};

use super::derived::Derived;
use super::exports::layout_one;

/// The preview's state (UI state: losing it is harmless).
pub struct Preview {
    /// The evaluation shown.
    pub evaluation: usize,
    pub opts: ReportOptions,
    /// Zoom: screen points per PDF point.
    pub zoom: f32,
    /// The laid-out pages, and the document revision and options they were made from.
    doc: Option<(u64, ReportOptions, Document)>,
    pub error: Option<String>,
}

impl std::fmt::Debug for Preview {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Preview")
            .field("evaluation", &self.evaluation)
            .field("opts", &self.opts)
            .field("pages", &self.doc.as_ref().map(|d| d.2.pages.len()))
            .finish_non_exhaustive()
    }
}

/// What the preview's user asked for this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreviewAction {
    None,
    Close,
    ExportPdf,
    Print,
}

impl Preview {
    pub fn new(evaluation: usize) -> Preview {
        Preview {
            evaluation,
            opts: ReportOptions::default(),
            zoom: 1.0,
            doc: None,
            error: None,
        }
    }

    /// The pages for the current document revision (laid out again when it or the options change).
    pub fn document(
        &mut self,
        ws: &Workspace,
        derived: &Derived,
        revision: u64,
    ) -> Option<&Document> {
        let stale = self
            .doc
            .as_ref()
            .is_none_or(|(r, o, _)| *r != revision || *o != self.opts);
        if stale {
            let Some(fonts) = FontMetrics::bundled() else {
                self.error = Some("内置字体无法读取".to_owned());
                return None;
            };
            let doc = layout_one(ws, derived, self.evaluation, self.opts, &fonts).ok()?;
            self.doc = Some((revision, self.opts, doc));
        }
        self.doc.as_ref().map(|(_, _, d)| d)
    }

    /// Draws the preview window.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        ws: &Workspace,
        derived: &Derived,
        revision: u64,
    ) -> PreviewAction {
        let mut action = PreviewAction::None;
        let name = ws
            .evaluations
            .get(self.evaluation)
            .map_or_else(String::new, |e| e.name.clone());
        let is_self = ws
            .evaluations
            .get(self.evaluation)
            .is_some_and(|e| e.kind == EvaluationKind::ProjectSelf);
        let screen = ctx.content_rect();
        egui::Modal::new(egui::Id::unique("print-preview")).show(ctx, |ui| {
            ui.set_width((screen.width() - 120.0).clamp(400.0, 1100.0));
            ui.heading(format!("打印预览：{name}"));
            ui.horizontal(|ui| {
                ui.label("版式：");
                ui.radio_value(&mut self.opts.layout, ReportLayout::Summary, "得分汇总表");
                ui.add_enabled_ui(is_self, |ui| {
                    ui.radio_value(
                        &mut self.opts.layout,
                        ReportLayout::SelfEval,
                        "项目支出绩效自评表",
                    )
                    .on_disabled_hover_text("仅用于项目自评");
                });
                ui.checkbox(&mut self.opts.annex_checks, "附勾稽检查结果");
                ui.separator();
                let percent = (self.zoom * 100.0).round();
                ui.add(
                    egui::Slider::new(&mut self.zoom, 0.5..=2.0)
                        .show_value(false)
                        .text(format!("缩放 {percent}%")),
                );
            });
            let zoom = self.zoom;
            let error = self.error.clone();
            match self.document(ws, derived, revision) {
                Some(doc) => {
                    ui.label(format!("共 {} 页（A4 纵向）", doc.pages.len()));
                    pages_ui(ui, &doc.pages, zoom, (screen.height() - 220.0).max(300.0));
                }
                None => {
                    ui.label(error.unwrap_or_else(|| "没有可预览的评价".to_owned()));
                }
            }
            ui.horizontal(|ui| {
                if ui.button("导出 PDF…").clicked() {
                    action = PreviewAction::ExportPdf;
                }
                if ui.button("打印").clicked() {
                    action = PreviewAction::Print;
                }
                if ui.button("关闭").clicked() {
                    action = PreviewAction::Close;
                }
            });
        });
        action
    }
}

/// The pages one under the other in a scroll area; only the visible ones are painted.
fn pages_ui(ui: &mut egui::Ui, pages: &[Page], zoom: f32, height: f32) {
    let gap = 16.0;
    let (pw, ph) = pages
        .first()
        .map_or((595.0, 842.0), |p| (p.width * zoom, p.height * zoom));
    #[allow(clippy::cast_precision_loss)]
    let total = pages.len() as f32 * (ph + gap);
    // A fixed height: a modal sized by its content would otherwise grow frame by frame.
    egui::ScrollArea::both()
        .max_height(height)
        .min_scrolled_height(height)
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            ui.set_min_size(egui::vec2(pw + 2.0 * gap, total));
            // Pages centred in the preview when it is wider than a page.
            let spare = (ui.available_width() - pw - 2.0 * gap).max(0.0) / 2.0;
            let origin = ui.min_rect().min + egui::vec2(spare, 0.0);
            for (i, page) in pages.iter().enumerate() {
                #[allow(clippy::cast_precision_loss)]
                let top = i as f32 * (ph + gap);
                if top + ph < viewport.min.y || top > viewport.max.y {
                    continue;
                }
                let rect =
                    egui::Rect::from_min_size(origin + egui::vec2(gap, top), egui::vec2(pw, ph));
                paint_page(ui.painter(), page, rect, zoom);
            }
        });
}

fn color(c: Rgb) -> egui::Color32 {
    egui::Color32::from_rgb(c.0, c.1, c.2)
}

/// Paints one page into `rect` (`zoom` screen points per PDF point).
pub fn paint_page(painter: &egui::Painter, page: &Page, rect: egui::Rect, zoom: f32) {
    painter.rect_filled(
        rect.translate(egui::vec2(3.0, 3.0)),
        0.0,
        egui::Color32::from_gray(160),
    );
    painter.rect_filled(rect, 0.0, egui::Color32::WHITE);
    let at = |x: f32, y: f32| rect.min + egui::vec2(x * zoom, y * zoom);
    for item in &page.items {
        match item {
            Item::Text {
                x,
                y,
                size,
                text,
                color: c,
            } => {
                // The layout gives the baseline; egui places a text's top (ascender 0.88 em).
                painter.text(
                    at(*x, y - size * 0.88),
                    egui::Align2::LEFT_TOP,
                    text,
                    egui::FontId::proportional(size * zoom),
                    color(*c),
                );
            }
            Item::Line {
                from,
                to,
                width,
                color: c,
                dashed,
            } => {
                let pts = vec![at(from.0, from.1), at(to.0, to.1)];
                stroke_path(
                    painter,
                    pts,
                    egui::Stroke::new(width * zoom, color(*c)),
                    *dashed,
                    zoom,
                );
            }
            Item::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                let r = egui::Rect::from_min_size(at(*x, *y), egui::vec2(w * zoom, h * zoom));
                if let Some(f) = fill {
                    painter.rect_filled(r, 0.0, color(*f));
                }
                if let Some((w, c)) = stroke {
                    painter.rect_stroke(
                        r,
                        0.0,
                        egui::Stroke::new(w * zoom, color(*c)),
                        egui::StrokeKind::Middle,
                    );
                }
            }
            Item::Polyline {
                points,
                width,
                color: c,
                dashed,
            } => {
                let pts = points.iter().map(|p| at(p.0, p.1)).collect();
                stroke_path(
                    painter,
                    pts,
                    egui::Stroke::new(width * zoom, color(*c)),
                    *dashed,
                    zoom,
                );
            }
        }
    }
}

/// A line through `pts`, dashed (3 on, 2 off at 100%) or solid.
fn stroke_path(
    painter: &egui::Painter,
    pts: Vec<egui::Pos2>,
    stroke: egui::Stroke,
    dashed: bool,
    zoom: f32,
) {
    if dashed {
        painter.extend(egui::Shape::dashed_line(
            &pts,
            stroke,
            3.0 * zoom,
            2.0 * zoom,
        ));
    } else if let [a, b] = pts[..] {
        painter.line_segment([a, b], stroke);
    } else {
        painter.add(egui::Shape::line(pts, stroke));
    }
}
