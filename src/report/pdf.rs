//! The PDF writer: draws laid-out pages with krilla, which embeds a subset of the bundled CJK
//! font with a `ToUnicode` map, so the text is real, selectable and searchable. Table cell
//! outlines are gathered into merged rules (`rules`) and stroked as one path.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::font::{CJK_FONT, FontMetrics};
use super::page::{Document, Item, Rgb};
use super::rules::Rules;

fn paint(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

fn stroke(width: f32, c: Rgb, dashed: bool) -> Stroke {
    Stroke {
        paint: paint(c),
        width,
        dash: dashed.then(|| StrokeDash {
            array: vec![3.0, 2.0],
            offset: 0.0,
        }),
        ..Stroke::default()
    }
}

/// Writes `doc` as PDF bytes.
pub fn write_pdf(doc: &Document, fonts: &FontMetrics) -> Result<Vec<u8>, String> {
    let data: krilla::Data = CJK_FONT.into();
    let font = Font::new(data, 0).ok_or_else(|| "内置字体无法读取".to_owned())?;
    let mut pdf = krilla::Document::new();
    pdf.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .language("zh-CN".to_owned())
            .creator("绩效评价工作台 (jixiao)".to_owned()),
    );
    for p in &doc.pages {
        let settings =
            PageSettings::from_wh(p.width, p.height).ok_or_else(|| "页面尺寸无效".to_owned())?;
        let mut page = pdf.start_page_with(settings);
        let mut s = page.surface();
        let mut outlines = Outlines::default();
        for item in &p.items {
            match item {
                Item::Rect {
                    x,
                    y,
                    w,
                    h,
                    fill: None,
                    stroke: Some((width, color)),
                } => outlines.add(&mut s, (*width, *color), [*x, *y, *w, *h]),
                // Text sits inside the cells, never on a rule: it does not end the batch.
                Item::Text { .. } => draw_item(&mut s, item, &font, fonts),
                // Anything else painted after a cell's outline covers it as before.
                _ => {
                    outlines.flush(&mut s);
                    draw_item(&mut s, item, &font, fonts);
                }
            }
        }
        outlines.flush(&mut s);
        s.finish();
        page.finish();
    }
    pdf.finish().map_err(|e| format!("无法生成 PDF：{e:?}"))
}

/// Stroke-only rectangles of one stroke, collected until something else is painted.
#[derive(Default)]
struct Outlines {
    stroke: Option<(f32, Rgb)>,
    rules: Rules,
}

impl Outlines {
    /// Adds the outline of `rect` (left, top, width, height) drawn with `stroke`.
    fn add(&mut self, surface: &mut Surface<'_>, stroke: (f32, Rgb), rect: [f32; 4]) {
        if self.stroke != Some(stroke) {
            self.flush(surface);
            self.stroke = Some(stroke);
        }
        let [left, top, width, height] = rect;
        self.rules.add_rect(left, top, width, height);
    }

    /// Strokes the collected rules as one path. Square caps close the corners the separate
    /// lines leave open where a rectangle's closed outline had a join.
    fn flush(&mut self, s: &mut Surface<'_>) {
        let Some((width, color)) = self.stroke.take() else {
            return;
        };
        let mut pb = PathBuilder::new();
        for (from, to) in self.rules.take_lines() {
            pb.move_to(from.0, from.1);
            pb.line_to(to.0, to.1);
        }
        if let Some(path) = pb.finish() {
            s.set_fill(None);
            s.set_stroke(Some(Stroke {
                line_cap: LineCap::Square,
                ..stroke(width, color, false)
            }));
            s.draw_path(&path);
        }
    }
}

fn draw_item(s: &mut Surface<'_>, item: &Item, font: &Font, fonts: &FontMetrics) {
    match item {
        Item::Text {
            x,
            y,
            size,
            text,
            color,
        } => {
            let glyphs: Vec<KrillaGlyph> = fonts
                .glyphs(text)
                .into_iter()
                .map(|g| KrillaGlyph {
                    glyph_id: GlyphId::new(g.glyph_id),
                    text_range: g.start..g.end,
                    x_advance: g.advance_em,
                    x_offset: 0.0,
                    y_offset: 0.0,
                    y_advance: 0.0,
                    location: None,
                })
                .collect();
            s.set_stroke(None);
            s.set_fill(Some(Fill {
                paint: paint(*color),
                ..Fill::default()
            }));
            s.draw_glyphs(
                Point::from_xy(*x, *y),
                &glyphs,
                font.clone(),
                text,
                *size,
                false,
            );
        }
        Item::Line {
            from,
            to,
            width,
            color,
            dashed,
        } => {
            let mut pb = PathBuilder::new();
            pb.move_to(from.0, from.1);
            pb.line_to(to.0, to.1);
            if let Some(path) = pb.finish() {
                s.set_fill(None);
                s.set_stroke(Some(stroke(*width, *color, *dashed)));
                s.draw_path(&path);
            }
        }
        Item::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke: outline,
        } => {
            let Some(rect) = Rect::from_xywh(*x, *y, w.max(0.01), h.max(0.01)) else {
                return;
            };
            let mut pb = PathBuilder::new();
            pb.push_rect(rect);
            if let Some(path) = pb.finish() {
                s.set_fill(fill.map(|c| Fill {
                    paint: paint(c),
                    ..Fill::default()
                }));
                s.set_stroke(outline.map(|(w, c)| stroke(w, c, false)));
                s.draw_path(&path);
            }
        }
        Item::Polyline {
            points,
            width,
            color,
            dashed,
        } => {
            let mut pb = PathBuilder::new();
            for (i, &(px, py)) in points.iter().enumerate() {
                if i == 0 {
                    pb.move_to(px, py);
                } else {
                    pb.line_to(px, py);
                }
            }
            if points.len() > 1
                && let Some(path) = pb.finish()
            {
                s.set_fill(None);
                s.set_stroke(Some(stroke(*width, *color, *dashed)));
                s.draw_path(&path);
            }
        }
    }
}
