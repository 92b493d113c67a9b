//! Page layout: text wrapped to a width, tables whose header repeats on every page and whose
//! rows are never split, blocks kept whole, and the 第 N 页 共 M 页 footer per section.

use super::font::FontMetrics;
use super::page::{A4, Document, Item, Page, Rgb, mm};

/// Page geometry: A4 portrait, a wider left margin for binding.
#[derive(Clone, Copy, Debug)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Default for Geometry {
    fn default() -> Self {
        Geometry {
            width: A4.0,
            height: A4.1,
            left: mm(25.0),
            right: mm(18.0),
            top: mm(20.0),
            bottom: mm(20.0),
        }
    }
}

impl Geometry {
    /// Width between the margins.
    pub fn content_width(&self) -> f32 {
        self.width - self.left - self.right
    }
    fn limit(&self) -> f32 {
        self.height - self.bottom
    }
}

/// Horizontal alignment of a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A table column.
#[derive(Clone, Debug)]
pub struct Column {
    pub title: String,
    /// Share of the table width (the shares are normalised).
    pub share: f32,
    pub align: Align,
}

impl Column {
    pub fn new(title: &str, share: f32, align: Align) -> Column {
        Column {
            title: title.to_owned(),
            share,
            align,
        }
    }
}

/// One table row.
#[derive(Clone, Debug, Default)]
pub struct Row {
    pub cells: Vec<String>,
    pub fill: Option<Rgb>,
}

impl Row {
    pub fn new(cells: Vec<String>) -> Row {
        Row { cells, fill: None }
    }
    pub fn filled(cells: Vec<String>, fill: Rgb) -> Row {
        Row {
            cells,
            fill: Some(fill),
        }
    }
}

/// Sizes used throughout the report.
pub const BODY: f32 = 9.5;
pub const TABLE: f32 = 8.5;
const LINE: f32 = 1.35;
const PAD: f32 = 2.8;
const RULE_WIDTH: f32 = 0.5;

/// Characters that may not begin a line (Chinese line-breaking rules, 避头点).
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '」'
            | '』'
            | '”'
            | '’'
            | '】'
            | '〕'
            | ','
            | '.'
            | ';'
            | ':'
            | ')'
            | '%'
            | '％'
            | '…'
    )
}

/// Splits `text` into lines no wider than `width` at `size` points. Chinese breaks between any
/// two characters; a run of Latin letters and digits (a number, `84.69%`) is kept whole when
/// it fits a line; closing punctuation never starts a line. `\n` forces a break.
pub fn wrap(fonts: &FontMetrics, text: &str, width: f32, size: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let chars: Vec<(char, f32)> = para.chars().map(|c| (c, fonts.glyph(c).1 * size)).collect();
        let mut start = 0;
        while start < chars.len() {
            let mut w = 0.0;
            let mut end = start;
            while end < chars.len() && (end == start || w + chars[end].1 <= width) {
                w += chars[end].1;
                end += 1;
            }
            if end < chars.len() {
                // Keep a Latin/digit run whole by breaking before it, when that leaves something.
                let word = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '%';
                if word(chars[end].0) && word(chars[end - 1].0) {
                    let mut b = end;
                    while b > start && word(chars[b - 1].0) {
                        b -= 1;
                    }
                    if b > start {
                        end = b;
                    } else {
                        // The run starts the line: keep a short one (a number) whole even if it
                        // overhangs the padding; only a long run is cut.
                        let mut e = end;
                        while e < chars.len() && word(chars[e].0) {
                            e += 1;
                        }
                        if e - start <= 12 {
                            end = e;
                        }
                    }
                }
                // Closing punctuation may not start the next line: carry the character before
                // it down with it (the line ends a little short instead of overflowing).
                while end < chars.len() && end > start + 1 && no_line_start(chars[end].0) {
                    end -= 1;
                }
            }
            lines.push(chars[start..end].iter().map(|&(c, _)| c).collect());
            start = end;
        }
        if para.is_empty() {
            lines.push(String::new());
        }
    }
    lines
}

/// A table being laid out: its columns in points and its header, kept to repeat it.
struct TableState {
    /// False for a grid without a header row (the title block).
    header: bool,
    x: Vec<f32>,
    widths: Vec<f32>,
    columns: Vec<Column>,
    size: f32,
}

/// Lays content out down the pages.
pub struct Flow<'f> {
    pub fonts: &'f FontMetrics,
    pub geom: Geometry,
    pages: Vec<Page>,
    y: f32,
    /// First page of each section (each evaluation numbers its own pages).
    sections: Vec<usize>,
    table: Option<TableState>,
}

impl<'f> Flow<'f> {
    pub fn new(fonts: &'f FontMetrics) -> Flow<'f> {
        Flow {
            fonts,
            geom: Geometry::default(),
            pages: Vec::new(),
            y: 0.0,
            sections: Vec::new(),
            table: None,
        }
    }

    /// Starts a section on a new page (its pages are numbered 1..M of their own).
    pub fn section(&mut self) {
        self.table = None;
        self.new_page();
        self.sections.push(self.pages.len() - 1);
    }

    fn new_page(&mut self) {
        self.pages.push(Page {
            width: self.geom.width,
            height: self.geom.height,
            items: Vec::new(),
        });
        self.y = self.geom.top;
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.section();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// The y of the next line.
    pub fn y(&self) -> f32 {
        self.y
    }

    /// Room left on this page.
    pub fn room(&self) -> f32 {
        self.geom.limit() - self.y
    }

    /// Moves to a new page unless `h` points still fit (a table's header comes along).
    pub fn ensure(&mut self, h: f32) {
        if self.pages.is_empty() {
            self.section();
        }
        if self.y + h > self.geom.limit() && self.y > self.geom.top + 0.5 {
            self.new_page();
            if self.table.is_some() {
                self.table_header();
            }
        }
    }

    /// Vertical space.
    pub fn space(&mut self, h: f32) {
        self.y += h;
    }

    /// Draws one line of text at `x` (left edge) on the current line box of height `size·LINE`.
    fn text_at(&mut self, x: f32, top: f32, size: f32, text: &str, color: Rgb) {
        if text.is_empty() {
            return;
        }
        let baseline = top + size * 1.08;
        self.page().items.push(Item::Text {
            x,
            y: baseline,
            size,
            text: text.to_owned(),
            color,
        });
    }

    /// A centred title line.
    pub fn title(&mut self, text: &str, size: f32) {
        let h = size * LINE;
        self.ensure(h);
        let w = self.fonts.width(text, size);
        let x = self.geom.left + (self.geom.content_width() - w).max(0.0) / 2.0;
        let top = self.y;
        self.text_at(x, top, size, text, Rgb::BLACK);
        self.y += h;
    }

    /// A heading, kept on the page with at least `keep` points of what follows.
    pub fn heading(&mut self, text: &str, size: f32, keep: f32) {
        self.table = None;
        let h = size * LINE + 3.0;
        self.ensure(h + keep);
        self.y += 2.0;
        let (x, top) = (self.geom.left, self.y);
        self.text_at(x, top, size, text, Rgb::BLACK);
        self.y += size * LINE + 1.0;
    }

    /// A wrapped paragraph, `indent` points from the left margin; lines may go to the next page.
    pub fn paragraph(&mut self, text: &str, size: f32, indent: f32) {
        self.table = None;
        let width = self.geom.content_width() - indent;
        for line in wrap(self.fonts, text, width, size) {
            let h = size * LINE;
            self.ensure(h);
            let (x, top) = (self.geom.left + indent, self.y);
            self.text_at(x, top, size, &line, Rgb::BLACK);
            self.y += h;
        }
    }

    /// A numbered item (`1.` hanging) of a list.
    pub fn numbered(&mut self, number: usize, text: &str, size: f32) {
        self.table = None;
        let label = format!("{number}．");
        let hang = self.fonts.width("00．", size);
        let width = self.geom.content_width() - hang;
        let lines = wrap(self.fonts, text, width, size);
        for (i, line) in lines.iter().enumerate() {
            let h = size * LINE;
            self.ensure(h);
            let top = self.y;
            if i == 0 {
                let lx = self.geom.left;
                self.text_at(lx, top, size, &label, Rgb::BLACK);
            }
            let x = self.geom.left + hang;
            self.text_at(x, top, size, line, Rgb::BLACK);
            self.y += h;
        }
    }

    /// Reserves a block of `h` points (kept whole) and returns its rectangle (x, y, w, h) for
    /// drawing into with [`Flow::draw`].
    pub fn block(&mut self, h: f32) -> (f32, f32, f32, f32) {
        self.table = None;
        self.ensure(h);
        let r = (self.geom.left, self.y, self.geom.content_width(), h);
        self.y += h;
        r
    }

    /// Adds primitives to the current page.
    pub fn draw(&mut self, items: impl IntoIterator<Item = Item>) {
        self.page().items.extend(items);
    }

    /// Starts a table: draws its header and remembers it to repeat it on later pages.
    /// `min_rows_after` keeps the header from being stranded at the bottom of a page.
    pub fn table(&mut self, columns: Vec<Column>, size: f32) {
        self.start_table(columns, size, true);
    }

    /// Starts a grid: a table without a header row (label/value pairs).
    pub fn grid(&mut self, columns: Vec<Column>, size: f32) {
        self.start_table(columns, size, false);
    }

    fn start_table(&mut self, columns: Vec<Column>, size: f32, header: bool) {
        let total: f32 = columns
            .iter()
            .map(|c| c.share)
            .sum::<f32>()
            .max(f32::EPSILON);
        let cw = self.geom.content_width();
        let widths: Vec<f32> = columns.iter().map(|c| c.share / total * cw).collect();
        let mut x = Vec::with_capacity(widths.len());
        let mut acc = self.geom.left;
        for w in &widths {
            x.push(acc);
            acc += w;
        }
        self.table = Some(TableState {
            header,
            x,
            widths,
            columns,
            size,
        });
        let head_h = self.header_height();
        self.ensure(head_h + size * LINE + 2.0 * PAD);
        self.table_header();
    }

    fn header_height(&self) -> f32 {
        let Some(t) = &self.table else { return 0.0 };
        if !t.header {
            return 0.0;
        }
        let cells: Vec<String> = t.columns.iter().map(|c| c.title.clone()).collect();
        self.row_height(t, &cells)
    }

    fn row_height(&self, t: &TableState, cells: &[String]) -> f32 {
        let lines = cells
            .iter()
            .zip(&t.widths)
            .map(|(c, w)| wrap(self.fonts, c, w - 2.0 * PAD, t.size).len())
            .max()
            .unwrap_or(1)
            .max(1);
        #[allow(clippy::cast_precision_loss)]
        let n = lines as f32;
        n * t.size * LINE + 2.0 * PAD
    }

    fn table_header(&mut self) {
        let Some(t) = self.table.take() else { return };
        if !t.header {
            self.table = Some(t);
            return;
        }
        let cells: Vec<String> = t.columns.iter().map(|c| c.title.clone()).collect();
        let aligns = vec![Align::Center; cells.len()];
        self.draw_row(&t, &cells, &aligns, Some(Rgb::HEADER_FILL));
        self.table = Some(t);
    }

    /// Adds a row to the current table. A row never splits across pages (unless it alone is
    /// taller than a page, when its lines continue on the next one); the header repeats.
    pub fn row(&mut self, row: &Row) {
        let Some(t) = self.table.take() else { return };
        let aligns: Vec<Align> = t.columns.iter().map(|c| c.align).collect();
        let h = self.row_height(&t, &row.cells);
        let head_h = if t.header {
            self.row_height(
                &t,
                &t.columns
                    .iter()
                    .map(|c| c.title.clone())
                    .collect::<Vec<_>>(),
            )
        } else {
            0.0
        };
        let page_room = self.geom.limit() - self.geom.top - head_h;
        if h <= page_room {
            if self.y + h > self.geom.limit() {
                self.new_page();
                self.table = Some(t);
                self.table_header();
                let Some(t2) = self.table.take() else { return };
                self.draw_row(&t2, &row.cells, &aligns, row.fill);
                self.table = Some(t2);
                return;
            }
            self.draw_row(&t, &row.cells, &aligns, row.fill);
        } else {
            self.draw_tall_row(&t, row, &aligns);
        }
        self.table = Some(t);
    }

    fn draw_row(&mut self, t: &TableState, cells: &[String], aligns: &[Align], fill: Option<Rgb>) {
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .zip(&t.widths)
            .map(|(c, w)| wrap(self.fonts, c, w - 2.0 * PAD, t.size))
            .collect();
        self.draw_wrapped(t, &wrapped, aligns, fill);
    }

    fn draw_wrapped(
        &mut self,
        t: &TableState,
        wrapped: &[Vec<String>],
        aligns: &[Align],
        fill: Option<Rgb>,
    ) {
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        #[allow(clippy::cast_precision_loss)]
        let h = lines as f32 * t.size * LINE + 2.0 * PAD;
        let top = self.y;
        let left = t.x.first().copied().unwrap_or(self.geom.left);
        let width: f32 = t.widths.iter().sum();
        let mut items = Vec::with_capacity(wrapped.len() * 2 + 2);
        if let Some(f) = fill {
            items.push(Item::Rect {
                x: left,
                y: top,
                w: width,
                h,
                fill: Some(f),
                stroke: None,
            });
        }
        for (i, (&x, &w)) in t.x.iter().zip(&t.widths).enumerate() {
            items.push(Item::Rect {
                x,
                y: top,
                w,
                h,
                fill: None,
                stroke: Some((RULE_WIDTH, Rgb::RULE)),
            });
            let align = aligns.get(i).copied().unwrap_or(Align::Left);
            for (k, line) in wrapped.get(i).into_iter().flatten().enumerate() {
                if line.is_empty() {
                    continue;
                }
                let lw = self.fonts.width(line, t.size);
                let tx = match align {
                    Align::Left => x + PAD,
                    Align::Right => x + w - PAD - lw,
                    Align::Center => x + (w - lw) / 2.0,
                };
                #[allow(clippy::cast_precision_loss)]
                let line_top = top + PAD + k as f32 * t.size * LINE;
                items.push(Item::Text {
                    x: tx,
                    y: line_top + t.size * 1.08,
                    size: t.size,
                    text: line.clone(),
                    color: Rgb::BLACK,
                });
            }
        }
        self.draw(items);
        self.y += h;
    }

    /// A row taller than a whole page: its lines are cut into page-high slices.
    fn draw_tall_row(&mut self, t: &TableState, row: &Row, aligns: &[Align]) {
        let mut wrapped: Vec<Vec<String>> = row
            .cells
            .iter()
            .zip(&t.widths)
            .map(|(c, w)| wrap(self.fonts, c, w - 2.0 * PAD, t.size))
            .collect();
        while wrapped.iter().any(|c| !c.is_empty()) {
            let line_h = t.size * LINE;
            if self.room() < line_h + 2.0 * PAD {
                self.new_page();
                if t.header {
                    let aligns_c = vec![Align::Center; t.columns.len()];
                    let titles: Vec<String> = t.columns.iter().map(|c| c.title.clone()).collect();
                    self.draw_row(t, &titles, &aligns_c, Some(Rgb::HEADER_FILL));
                }
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let fit = (((self.room() - 2.0 * PAD) / line_h).floor() as usize).max(1);
            let slice: Vec<Vec<String>> = wrapped
                .iter_mut()
                .map(|c| c.drain(..fit.min(c.len())).collect())
                .collect();
            self.draw_wrapped(t, &slice, aligns, row.fill);
        }
    }

    /// Ends the table (the next content is not a row).
    pub fn end_table(&mut self) {
        self.table = None;
    }

    /// Adds the 第 N 页 共 M 页 footers and returns the document.
    pub fn finish(mut self, title: &str) -> Document {
        let total = self.pages.len();
        let mut bounds = self.sections.clone();
        bounds.push(total);
        let size = 8.5;
        for s in 0..self.sections.len() {
            let (first, end) = (bounds[s], bounds[s + 1]);
            let m = end - first;
            for (n, page) in self.pages[first..end].iter_mut().enumerate() {
                let text = format!("第 {} 页 共 {m} 页", n + 1);
                let w = self.fonts.width(&text, size);
                page.items.push(Item::Text {
                    x: (self.geom.width - w) / 2.0,
                    y: self.geom.height - self.geom.bottom / 2.0,
                    size,
                    text,
                    color: Rgb::GREY,
                });
            }
        }
        Document {
            title: title.to_owned(),
            pages: self.pages,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> FontMetrics {
        FontMetrics::bundled().unwrap()
    }

    #[test]
    fn wrap_keeps_numbers_whole_and_punctuation_off_line_starts() {
        let f = fonts();
        // 10 pt: each hanzi is 10 pt wide; a 45 pt column holds four.
        let lines = wrap(&f, "执行率为百分之94.36%。", 45.0, 10.0);
        assert_eq!(lines.concat(), "执行率为百分之94.36%。");
        assert!(lines.iter().all(|l| !l.starts_with('。')), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("94.36%")), "{lines:?}");
        assert_eq!(wrap(&f, "一\n二", 100.0, 10.0), vec!["一", "二"]);
        assert_eq!(wrap(&f, "", 100.0, 10.0), vec![""]);
    }

    #[test]
    fn table_header_repeats_and_rows_stay_whole() {
        let f = fonts();
        let mut flow = Flow::new(&f);
        flow.section();
        flow.table(
            vec![
                Column::new("指标", 3.0, Align::Left),
                Column::new("得分", 1.0, Align::Right),
            ],
            TABLE,
        );
        for i in 0..200 {
            let long = if i % 7 == 0 {
                "很长的扣分原因".repeat(12)
            } else {
                String::new()
            };
            flow.row(&Row::new(vec![format!("第{i}行{long}"), "1.00".to_owned()]));
        }
        let doc = flow.finish("t");
        assert!(doc.pages.len() > 2);
        let limit = Geometry::default().height - Geometry::default().bottom;
        for (p, page) in doc.pages.iter().enumerate() {
            // Each page starts its table with the header.
            let first = page.texts().next().unwrap();
            assert_eq!(first, "指标", "page {p}");
            // Nothing is drawn below the bottom margin except the footer.
            for it in &page.items {
                if let Item::Rect { y, h, .. } = it {
                    assert!(y + h <= limit + 0.01, "page {p}: rect to {}", y + h);
                }
            }
            let footer = page.texts().last().unwrap();
            assert_eq!(footer, format!("第 {} 页 共 {} 页", p + 1, doc.pages.len()));
        }
        // Every row once: its first line starts with 第i行 and appears on exactly one page.
        for i in 0..200 {
            let tag = format!("第{i}行");
            let n: usize = doc
                .pages
                .iter()
                .flat_map(Page::texts)
                .filter(|t| {
                    t.starts_with(&tag) && !t[tag.len()..].starts_with(|c: char| c.is_ascii_digit())
                })
                .count();
            assert_eq!(n, 1, "{tag}");
        }
    }

    #[test]
    fn sections_number_their_own_pages() {
        let f = fonts();
        let mut flow = Flow::new(&f);
        for _ in 0..2 {
            flow.section();
            for _ in 0..80 {
                flow.paragraph("一行文字", BODY, 0.0);
            }
        }
        let doc = flow.finish("t");
        let footers: Vec<&str> = doc
            .pages
            .iter()
            .map(|p| p.texts().last().unwrap())
            .collect();
        assert_eq!(
            footers,
            vec![
                "第 1 页 共 2 页",
                "第 2 页 共 2 页",
                "第 1 页 共 2 页",
                "第 2 页 共 2 页"
            ]
        );
    }
}
