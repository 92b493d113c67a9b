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

use super::error::ReportError;
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
pub fn write_pdf(doc: &Document, fonts: &FontMetrics) -> Result<Vec<u8>, ReportError> {
    let data: krilla::Data = CJK_FONT.into();
    let font = Font::new(data, 0).ok_or(ReportError::Font)?;
    let mut pdf = krilla::Document::new();
    pdf.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .language("zh-CN".to_owned())
            .creator("绩效评价工作台 (jixiao)".to_owned()),
    );
    for p in &doc.pages {
        let settings = PageSettings::from_wh(p.width, p.height).ok_or(ReportError::PageSize)?;
        let mut page = pdf.start_page_with(settings);
        let mut s = page.surface();
        let mut outlines = Outlines::default();
        let mut run = TextRun::default();
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
                Item::Text {
                    x,
                    y,
                    size,
                    text,
                    color,
                } => {
                    if !run.extend(*x, *y, *size, *color, text, fonts) {
                        run.flush(&mut s, &font);
                        run.start(*x, *y, *size, *color, text, fonts);
                    }
                }
                // Anything else painted after a cell's outline covers it as before.
                _ => {
                    run.flush(&mut s, &font);
                    outlines.flush(&mut s);
                    draw_item(&mut s, item, &font, fonts);
                }
            }
        }
        run.flush(&mut s, &font);
        outlines.flush(&mut s);
        s.finish();
        page.finish();
    }
    pdf.finish().map_err(|e| ReportError::Pdf(format!("{e:?}")))
}

/// Text items drawn one after another on one baseline, in one size and colour (the
/// single-line cells of a table row), written as one glyph run: between two items a space
/// glyph carries the pen to the next item's `x`, so the text layer reads the cells in order,
/// separated by a space, and the row keeps one `BT … ET` block where it had one per cell.
/// (Runs across lines, with vertical offsets, were tried: krilla then writes each line's
/// position as a sum of advances, `170.91998`, which compresses worse than it saves.)
#[derive(Default)]
struct TextRun {
    /// Start, baseline, size, colour; `None` when nothing is pending.
    at: Option<(f32, f32, f32, Rgb)>,
    /// Where the pen stands after the last glyph, in points.
    pen: f32,
    glyphs: Vec<KrillaGlyph>,
    text: String,
}

impl TextRun {
    fn start(&mut self, x: f32, y: f32, size: f32, color: Rgb, text: &str, fonts: &FontMetrics) {
        self.at = Some((centi(x), centi(y), size, color));
        self.pen = centi(x);
        self.push(text, size, fonts);
    }

    /// Appends `text` when it continues the run on the same baseline, in the same size and
    /// colour, to the right of the pen; false (nothing changed) otherwise.
    fn extend(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        color: Rgb,
        text: &str,
        fonts: &FontMetrics,
    ) -> bool {
        let Some((_, y0, size0, color0)) = self.at else {
            return false;
        };
        #[allow(clippy::float_cmp)] // the same layout value, rounded the same way
        let same_line = y0 == centi(y) && size0 == size && color0 == color;
        let gap = fonts.glyphs(" ");
        let (true, Some(space)) = (same_line && centi(x) >= self.pen, gap.first()) else {
            return false;
        };
        let start = self.text.len();
        self.text.push(' ');
        let advance = (centi(x) - self.pen) / size;
        self.glyphs
            .push(glyph(space.glyph_id, start..start + 1, advance));
        self.pen = centi(x);
        self.push(text, size, fonts);
        true
    }

    fn push(&mut self, text: &str, size: f32, fonts: &FontMetrics) {
        let offset = self.text.len();
        for g in fonts.glyphs(text) {
            let range = offset + g.start..offset + g.end;
            self.glyphs.push(glyph(g.glyph_id, range, g.advance_em));
            self.pen += g.advance_em * size;
        }
        self.text.push_str(text);
    }

    fn flush(&mut self, s: &mut Surface<'_>, font: &Font) {
        let Some((x, y, size, color)) = self.at.take() else {
            return;
        };
        s.set_stroke(None);
        s.set_fill(Some(Fill {
            paint: paint(color),
            ..Fill::default()
        }));
        s.draw_glyphs(
            Point::from_xy(x, y),
            &self.glyphs,
            font.clone(),
            &self.text,
            size,
            false,
        );
        self.glyphs.clear();
        self.text.clear();
    }
}

/// `v` rounded to 1/100 pt (0.0035 mm): the PDF writes the shortest decimal of each number,
/// so `77.35` where the layout's sums gave `77.345566`; shorter and more repetitive, the page's
/// content stream compresses better.
fn centi(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

fn glyph(id: u32, text_range: std::ops::Range<usize>, x_advance: f32) -> KrillaGlyph {
    KrillaGlyph {
        glyph_id: GlyphId::new(id),
        text_range,
        x_advance,
        x_offset: 0.0,
        y_offset: 0.0,
        y_advance: 0.0,
        location: None,
    }
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::report::page::{A4, Page};

    fn text(x: f32, y: f32, s: &str) -> Item {
        Item::Text {
            x,
            y,
            size: 8.0,
            text: s.to_owned(),
            color: Rgb::BLACK,
        }
    }

    fn cell(x: f32, y: f32, w: f32) -> Item {
        Item::Rect {
            x,
            y,
            w,
            h: 14.0,
            fill: None,
            stroke: Some((0.5, Rgb::RULE)),
        }
    }

    /// A two-row, two-column table as the layout emits it: outline, text, outline, text.
    fn table() -> Document {
        let items = vec![
            cell(70.0, 100.0, 100.0),
            text(72.0, 110.0, "预算执行率"),
            cell(170.0, 100.0, 60.0),
            text(172.0, 110.0, "94.36%"),
            cell(70.0, 114.0, 100.0),
            text(72.0, 124.0, "拨付率"),
            cell(170.0, 114.0, 60.0),
            text(172.0, 124.0, "71.33%"),
        ];
        Document {
            title: "t".to_owned(),
            pages: vec![Page {
                width: A4.0,
                height: A4.0,
                items,
            }],
        }
    }

    #[test]
    fn cells_of_a_row_read_in_order_separated_by_white_space() {
        let fonts = FontMetrics::bundled().unwrap();
        let bytes = write_pdf(&table(), &fonts).unwrap();
        let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(words, ["预算执行率", "94.36%", "拨付率", "71.33%"]);
    }
}
